"""Timestamps from CRM and ad-platform exports, as aware UTC datetimes.

Every SLA clock in slatui starts and stops on these instants, so a parse that
is off by a zone offset, or reads 02/03 as 2 March instead of 3 February,
silently turns a met SLA into a miss. The rules, and why:

* **ISO 8601** ``YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]]][Z|±HH:MM|±HHMM|±HH]``:
  Salesforce Data Loader writes ``2024-01-23T17:50:51.000+0000``, Marketo
  ``2022-02-13T14:06:20Z``, the weekly export ``2023-02-10 19:40:57``.
  Fractions beyond microseconds are truncated (Python has no finer unit).
* **US numeric dates** ``MM/DD/YY`` and ``MM/DD/YYYY`` (also with ``-`` or
  ``.``), optionally followed by ``hh:mm[:ss] AM/PM`` or a 24-hour time
  (Salesforce reports: ``02/24/26 02:18 AM``). The day/month order is a
  property of the whole column (`infer_order`), never of one value: with no
  order known, a value is parsed only if it reads the same both ways or one of
  its parts is above 12; `resolve_order` raises `AmbiguousDates` so the import
  stops and asks for ``--date-format`` or ``--dayfirst/--monthfirst``.
* **Two-digit years**: 00-68 are 2000-2068, 69-99 are 1969-1999 (the POSIX
  ``%y`` pivot, which is also what ``strptime`` does).
* **Epoch** numbers: exactly 13 digits are milliseconds (HubSpot), exactly 10
  digits seconds. Both are UTC by definition, so ``tz`` does not apply.
* **Excel serial days** (``45321`` or ``45321.75``, days since 1899-12-30, the
  1900 date system) only when the caller says the column holds dates
  (``excel_serial=True``), and only between 20000 (1954-10-03) and 80000
  (2119-01-10): otherwise any count or amount in a date-looking column would
  become a date. The fraction is the time of day, rounded to the millisecond
  (Excel's own precision). The 1904 (old Mac) system is not supported.
* **Naive** values (no offset; also date-only values, which mean midnight) are
  wall-clock times in ``tz``. A time that does not exist (the spring-forward
  gap) is moved forward by the gap: 02:30 on a night clocks jump 02:00→03:00
  is 03:30 local. A time that happens twice (the autumn fold) is the first
  occurrence. (This is PEP 495's ``fold=0`` reading.)
* An explicit ``date_format`` (a `datetime.strptime` format) overrides all of
  the above for that column; with ``%z`` its offset is used, without it the
  value is naive and placed in ``tz``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Literal

DateOrder = Literal["monthfirst", "dayfirst"]

EXCEL_SERIAL_MIN = 20000
EXCEL_SERIAL_MAX = 80000
_EXCEL_EPOCH = datetime(1899, 12, 30)
_UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_EXAMPLES = 3

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:[Tt ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d+))?)?)?"
    r"\s*(?P<z>[Zz]|[+-]\d{2}(?::?\d{2})?)?"
)
_NUMERIC = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"(?:[Tt ]\s*(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\s*(?P<ampm>[AaPp])\.?[Mm]\.?)?)?"
)
_PARTS = re.compile(r"\s*(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d/.-])")
_EPOCH = re.compile(r"\d{10}|\d{13}")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")


class DateError(ValueError):
    """A value that is not a timestamp in any accepted form; the message names it."""

    def __init__(self, value: str, reason: str) -> None:
        super().__init__(f"{value!r} is not a date: {reason}")
        self.value = value
        self.reason = reason


class AmbiguousDates(ValueError):
    """A column's numeric dates read both as day/month and month/day: never guessed."""

    def __init__(self, column: str, examples: list[str]) -> None:
        shown = ", ".join(repr(e) for e in examples)
        super().__init__(
            f"column {column!r}: dates such as {shown} can be read day-first or "
            "month-first, and no value in the column settles it; say which with "
            "--dayfirst or --monthfirst, or give --date-format (e.g. %d/%m/%Y)"
        )
        self.column = column
        self.examples = examples


class MixedDateOrder(ValueError):
    """A column has values that only read day-first and others that only read month-first."""

    def __init__(self, column: str, dayfirst_example: str, monthfirst_example: str) -> None:
        super().__init__(
            f"column {column!r}: mixed day/month order: {dayfirst_example!r} can only be "
            f"day-first and {monthfirst_example!r} only month-first; fix the column or "
            "give --date-format"
        )
        self.column = column
        self.dayfirst_example = dayfirst_example
        self.monthfirst_example = monthfirst_example


def expand_year(two_digits: int) -> int:
    """00-68 → 2000-2068, 69-99 → 1969-1999 (the POSIX ``%y`` pivot)."""
    return 2000 + two_digits if two_digits <= 68 else 1900 + two_digits


def infer_order(values: Iterable[str], *, column: str = "") -> DateOrder | None:
    """The day/month order a column's numeric dates prove, or None if none proves it.

    A first part above 12 proves day-first, a second part above 12 month-first;
    both in one column raise `MixedDateOrder`. Values that are not numeric
    dates (ISO, epoch, empty) prove nothing and are ignored.
    """
    dayfirst: str | None = None
    monthfirst: str | None = None
    for value in values:
        match = _PARTS.match(value)
        if match is None:
            continue
        first, second = int(match[1]), int(match[3])
        if first > 12 and second > 12:
            continue  # no reading makes it a date; parse_timestamp will say so
        if first > 12 and dayfirst is None:
            dayfirst = value
        elif second > 12 and monthfirst is None:
            monthfirst = value
        if dayfirst is not None and monthfirst is not None:
            raise MixedDateOrder(column, dayfirst, monthfirst)
    if dayfirst is not None:
        return "dayfirst"
    if monthfirst is not None:
        return "monthfirst"
    return None


def resolve_order(
    column: str, values: Iterable[str], given: DateOrder | None = None
) -> DateOrder | None:
    """The order to parse ``column`` with: ``given`` (from the command line) or inferred.

    Raises `AmbiguousDates` when nothing settles it and some value does read two
    ways (``12/01/2026``); returns None when no value needs an order (all ISO,
    or day equal to month), which `parse_timestamp` accepts.
    """
    if given is not None:
        return given
    ambiguous: list[str] = []

    def watch(items: Iterable[str]) -> Iterable[str]:
        for value in items:
            match = _PARTS.match(value)
            if match is not None and len(ambiguous) < MAX_EXAMPLES:
                first, second = int(match[1]), int(match[3])
                if first != second and first <= 12 and second <= 12:
                    ambiguous.append(value.strip())
            yield value

    order = infer_order(watch(values), column=column)
    if order is None and ambiguous:
        raise AmbiguousDates(column, ambiguous)
    return order


def localize(naive: datetime, tz: tzinfo) -> datetime:
    """Wall-clock time in ``tz`` → UTC; gaps resolved forward, folds to the first occurrence."""
    return naive.replace(tzinfo=tz, fold=0).astimezone(UTC)


FIRST_YEAR = 1900
LAST_YEAR = 2200
"""Years a pilot's event can have: outside them a cell is a typo or a placeholder
(0001-01-01, 9999-12-31), and such an instant cannot even be shown in every zone."""


def parse_timestamp(
    value: str,
    *,
    tz: tzinfo,
    order: DateOrder | None = None,
    date_format: str | None = None,
    excel_serial: bool = False,
) -> datetime:
    """Parse one cell into an aware UTC datetime (see the module docstring for the forms)."""
    try:
        moment = _parse_timestamp(value, tz, order, date_format, excel_serial)
    except OverflowError:
        raise DateError(value, f"outside the years {FIRST_YEAR}-{LAST_YEAR}") from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise DateError(value, f"outside the years {FIRST_YEAR}-{LAST_YEAR}")
    return moment


def _parse_timestamp(
    value: str, tz: tzinfo, order: DateOrder | None, date_format: str | None, excel_serial: bool
) -> datetime:
    text = value.strip()
    if not text:
        raise DateError(value, "the cell is empty")
    if date_format is not None:
        return _parse_with_format(value, text, date_format, tz)
    match = _ISO.fullmatch(text)
    if match is not None:
        return _from_iso(value, match, tz)
    match = _NUMERIC.fullmatch(text)
    if match is not None:
        return _from_numeric(value, match, tz, order)
    if _EPOCH.fullmatch(text):
        number = int(text)
        if len(text) == 13:
            return _UNIX_EPOCH + timedelta(milliseconds=number)
        return _UNIX_EPOCH + timedelta(seconds=number)
    if _SERIAL.fullmatch(text):
        if not excel_serial:
            raise DateError(
                value,
                "a bare number; if the column holds Excel serial dates, declare it as a date",
            )
        return _from_serial(value, text, tz)
    raise DateError(
        value,
        "not ISO 8601, MM/DD/YYYY [hh:mm AM], epoch seconds or milliseconds; "
        "give --date-format if the export uses another form",
    )


def _parse_with_format(value: str, text: str, date_format: str, tz: tzinfo) -> datetime:
    try:
        parsed = datetime.strptime(text, date_format)
    except ValueError as error:
        raise DateError(value, f"does not match --date-format {date_format!r} ({error})") from None
    if parsed.tzinfo is not None:
        return parsed.astimezone(UTC)
    return localize(parsed, tz)


def _build(
    value: str, year: int, month: int, day: int, hour: int, minute: int, second: int, micro: int
) -> datetime:
    try:
        return datetime(year, month, day, hour, minute, second, micro)
    except ValueError as error:
        raise DateError(value, str(error)) from None


def _from_iso(value: str, match: re.Match[str], tz: tzinfo) -> datetime:
    fraction = (match["f"] or "")[:6].ljust(6, "0")
    naive = _build(
        value,
        int(match["y"]),
        int(match["mo"]),
        int(match["d"]),
        int(match["h"] or 0),
        int(match["mi"] or 0),
        int(match["s"] or 0),
        int(fraction),
    )
    zone = match["z"]
    if zone is None:
        return localize(naive, tz)
    if zone in ("Z", "z"):
        return naive.replace(tzinfo=UTC)
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise DateError(value, f"the offset {zone} is not a valid UTC offset")
    offset = timedelta(hours=hours, minutes=minutes)
    return (naive - offset if zone[0] == "+" else naive + offset).replace(tzinfo=UTC)


def _from_numeric(
    value: str, match: re.Match[str], tz: tzinfo, order: DateOrder | None
) -> datetime:
    first, second = int(match["a"]), int(match["b"])
    if order is None:
        if first > 12:
            order = "dayfirst"
        elif second > 12 or first == second:
            order = "monthfirst"
        else:
            raise DateError(
                value,
                "day and month could be either way round; say which with --dayfirst "
                "or --monthfirst, or give --date-format",
            )
    month, day = (first, second) if order == "monthfirst" else (second, first)
    if month > 12:
        raise DateError(value, f"read {order.replace('first', '-first')}, {month} is not a month")
    year_text = match["y"]
    year = expand_year(int(year_text)) if len(year_text) == 2 else int(year_text)
    hour = int(match["h"] or 0)
    ampm = match["ampm"]
    if ampm is not None:
        if not 1 <= hour <= 12:
            raise DateError(value, f"hour {hour} with AM/PM must be 1 to 12")
        hour = hour % 12 + (12 if ampm in "Pp" else 0)
    naive = _build(value, year, month, day, hour, int(match["mi"] or 0), int(match["s"] or 0), 0)
    return localize(naive, tz)


def _from_serial(value: str, text: str, tz: tzinfo) -> datetime:
    days_text, _, fraction_text = text.partition(".")
    days = int(days_text)
    if not EXCEL_SERIAL_MIN <= days <= EXCEL_SERIAL_MAX:
        raise DateError(
            value,
            f"as an Excel serial date it is outside {EXCEL_SERIAL_MIN}-{EXCEL_SERIAL_MAX} "
            "(1954-2119)",
        )
    milliseconds = round(float("0." + (fraction_text or "0")) * 86_400_000)
    naive = _EXCEL_EPOCH + timedelta(days=days, milliseconds=milliseconds)
    return localize(naive, tz)
