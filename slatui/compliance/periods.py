"""The periods commitments are judged in: ISO weeks, months, quarters, the pilot.

DESIGN §4: periods are calendar-aligned in the agreement's zone. A period runs
from one local midnight to another, end exclusive, and its bounds are real
instants found with `slatui.workcal.localize`, so a month in which the clocks
change is an hour longer or shorter than its days suggest. A midnight that
does not exist (a zone that springs forward at 00:00) starts the day at the
first instant after the gap; a midnight that occurs twice (a zone that falls
back across midnight) starts it at its first occurrence, so the repeated wall
times of the evening before belong to the new day.

Labels are what the CLI accepts (`--period 2026-11`) and the JSON shows:

- ISO week: ``2026-W45`` (ISO year and week, Monday start; 2025-12-29 is in
  ``2026-W01``);
- month: ``2026-11``;
- quarter, when the fiscal year starts in January: ``2026-Q4`` (Oct–Dec 2026);
- fiscal quarter, when `fiscal_year_start` is 2–12: ``FY2027-Q1``, the fiscal
  year named after the calendar year in which it *ends* (with April as the
  start, FY2027 runs 2026-04-01 to 2027-04-01 and FY2027-Q3 is Oct–Dec 2026).
  A calendar label such as ``2026-Q4`` is refused there, with the fiscal label
  to use, because it would silently mean different months in different
  agreements;
- the pilot: ``pilot``.

Every comparison and duration here goes through integer ticks: aware datetimes
sharing a tzinfo compare and subtract by wall time in Python, which is wrong by
an hour across a daylight-saving change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Literal, Protocol, get_args
from zoneinfo import ZoneInfo

from slatui.contract.types import Period as Granularity
from slatui.workcal import from_ticks, localize, to_ticks

if TYPE_CHECKING:
    from slatui.contract.model import Pilot

PeriodKind = Literal["week", "month", "quarter", "pilot"]
PeriodState = Literal["closed", "current", "future"]
PartialRule = Literal["prorate", "exclude", "count"]

GRANULARITIES: tuple[Granularity, ...] = get_args(Granularity)
PARTIAL_RULES: tuple[PartialRule, ...] = get_args(PartialRule)
FIRST_YEAR, LAST_YEAR = 1900, 9998
"""Years a label may name: every bound of such a period fits in a datetime, and
the range is far wider than any agreement's data (before 1900 most zones are
local mean time)."""

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class BadPeriod(ValueError):
    """A period label that names no period; the message lists the accepted forms."""


@dataclass(frozen=True)
class _Span:
    """The local dates a period covers: `first` up to `after` (exclusive)."""

    label: str
    first: dt.date
    after: dt.date


class Bounded(Protocol):
    """Anything with real start and end instants: a `Period` or a `Clipped` part.

    `state` and `elapsed_share` take either, so the pace of a current period
    that the pilot cuts can be measured over the part inside the pilot.
    """

    @property
    def start(self) -> dt.datetime: ...

    @property
    def end(self) -> dt.datetime: ...


@dataclass(frozen=True)
class Period:
    """One period in the agreement's zone: [start, end) between local midnights.

    `fiscal_year_start` is kept for quarters only (it decides their next and
    previous) and is 1 for every other kind, so that the same week compares
    equal whatever agreement it came from.
    """

    kind: PeriodKind
    label: str
    start: dt.datetime
    end: dt.datetime
    fiscal_year_start: int = 1

    def __post_init__(self) -> None:
        if to_ticks(self.end) <= to_ticks(self.start):
            raise ValueError(f"period {self.label} must end after it starts ({self.start})")

    @property
    def zone(self) -> ZoneInfo:
        """The agreement's zone, which the bounds are expressed in."""
        zone = self.start.tzinfo
        if not isinstance(zone, ZoneInfo):
            raise TypeError(f"period {self.label} is not placed in an IANA zone")
        return zone

    @property
    def duration(self) -> dt.timedelta:
        """Real elapsed time from start to end (a DST month is an hour off)."""
        return dt.timedelta(microseconds=to_ticks(self.end) - to_ticks(self.start))

    def contains(self, instant: dt.datetime) -> bool:
        """Whether `instant` (aware, any zone) lies in [start, end)."""
        return to_ticks(self.start) <= to_ticks(instant) < to_ticks(self.end)

    def next(self) -> Period:
        """The period of the same kind that starts where this one ends."""
        kind, span = self._span()
        return _period(kind, span.after, self.zone, self.fiscal_year_start)

    def previous(self) -> Period:
        """The period of the same kind that ends where this one starts."""
        kind, span = self._span()
        before = span.first - dt.timedelta(days=1)
        return _period(kind, before, self.zone, self.fiscal_year_start)

    def as_json(self) -> dict[str, str]:
        """The label and the bounds as ISO 8601 with their UTC offsets."""
        return {"label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat()}

    def _span(self) -> tuple[Granularity, _Span]:
        """The granularity and local dates of this period (a pilot has neither).

        The local date of `start` always lies in the span: a midnight inside a
        daylight-saving gap moves forward by the gap, at most a day, never out
        of a span of a week or more.
        """
        if self.kind == "pilot":
            raise ValueError("the pilot is a single period; it has no next or previous")
        day = self.start.astimezone(self.zone).date()
        return self.kind, _span_containing(self.kind, day, self.fiscal_year_start)


@dataclass(frozen=True)
class Clipped:
    """The part of a period inside an agreement's or pilot's window.

    `share` is what a target is multiplied by (see `clip`); `start`/`end` are
    the bounds inside the window, equal to the period's when it is not cut.
    """

    period: Period
    start: dt.datetime
    end: dt.datetime
    share: Fraction

    @property
    def cut(self) -> bool:
        """Whether a window edge falls inside the period."""
        inside = (to_ticks(self.start), to_ticks(self.end))
        return inside != (to_ticks(self.period.start), to_ticks(self.period.end))

    def scale(self, target: int | Fraction) -> Fraction:
        """The target for this part: 2 per month over half a month is 1."""
        return Fraction(target) * self.share


# --- building periods -------------------------------------------------------


def period_containing(
    kind: Granularity, instant: dt.datetime, zone: ZoneInfo, fiscal_year_start: int = 1
) -> Period:
    """The week, month or quarter in `zone` that contains `instant`.

    The local date gives the candidate; the loop then settles the rare
    instant whose local date disagrees with the local-midnight bounds (a zone
    whose clocks go back across midnight repeats wall times of the day before
    after that day has ended).
    """
    _check_kind(kind)
    _check_fiscal_year_start(fiscal_year_start)
    period = _period(kind, instant.astimezone(zone).date(), zone, fiscal_year_start)
    while not period.contains(instant):
        later = to_ticks(instant) >= to_ticks(period.end)
        period = period.next() if later else period.previous()
    return period


def pilot_period(pilot: Pilot, zone: ZoneInfo) -> Period:
    """The pilot as one period: its first day's midnight to the day after it."""
    start = _midnight(pilot.start, zone)
    return Period("pilot", "pilot", start, _midnight(pilot.end, zone))


def periods_overlapping(
    kind: Granularity,
    start: dt.datetime,
    end: dt.datetime,
    zone: ZoneInfo,
    fiscal_year_start: int = 1,
) -> list[Period]:
    """Every period of `kind` that shares an instant with [start, end), in order.

    A period that ends exactly at `start` or begins exactly at `end` does not
    touch the window (ends are exclusive); an empty window touches nothing.
    """
    if to_ticks(end) < to_ticks(start):
        raise ValueError(f"the window ends ({end}) before it starts ({start})")
    found: list[Period] = []
    if to_ticks(end) == to_ticks(start):
        return found
    period = period_containing(kind, start, zone, fiscal_year_start)
    while to_ticks(period.start) < to_ticks(end):
        found.append(period)
        period = period.next()
    return found


def _period(kind: Granularity, day: dt.date, zone: ZoneInfo, fiscal_year_start: int) -> Period:
    """The period of `kind` whose local dates include `day`."""
    span = _span_containing(kind, day, fiscal_year_start)
    return _from_span(kind, span, zone, fiscal_year_start)


def _from_span(kind: Granularity, span: _Span, zone: ZoneInfo, fiscal_year_start: int) -> Period:
    """A span's dates turned into real instants in `zone`."""
    kept = fiscal_year_start if kind == "quarter" else 1
    start, end = _midnight(span.first, zone), _midnight(span.after, zone)
    return Period(kind, span.label, start, end, kept)


def _midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The instant `day` begins in `zone` (after the gap if midnight is skipped)."""
    return localize(dt.datetime.combine(day, dt.time()), zone)


# --- calendar arithmetic on local dates -------------------------------------


def _span_containing(kind: Granularity, day: dt.date, fiscal_year_start: int) -> _Span:
    """The local dates of the week, month or quarter that includes `day`."""
    if kind == "week":
        return _week_span(day)
    if kind == "month":
        return _month_span(day.year, day.month)
    return _quarter_span(day, fiscal_year_start)


def _week_span(day: dt.date) -> _Span:
    """The ISO week of `day`: Monday to Monday, labelled with the ISO year."""
    monday = day - dt.timedelta(days=day.weekday())
    year, week, _ = monday.isocalendar()
    return _Span(f"{year:04d}-W{week:02d}", monday, monday + dt.timedelta(days=7))


def _month_span(year: int, month: int) -> _Span:
    """The calendar month `month` of `year`."""
    first = dt.date(year, month, 1)
    return _Span(f"{year:04d}-{month:02d}", first, _add_months(first, 1))


def _quarter_span(day: dt.date, fiscal_year_start: int) -> _Span:
    """The quarter of `day` when the fiscal year starts in month `fiscal_year_start`."""
    months_in = (day.month - fiscal_year_start) % 12
    first_year = day.year if day.month >= fiscal_year_start else day.year - 1
    year_first = dt.date(first_year, fiscal_year_start, 1)
    return _fiscal_quarter(year_first, months_in // 3 + 1, fiscal_year_start)


def _fiscal_quarter(year_first: dt.date, quarter: int, fiscal_year_start: int) -> _Span:
    """Quarter `quarter` of the fiscal year that begins on `year_first`."""
    first = _add_months(year_first, 3 * (quarter - 1))
    if fiscal_year_start == 1:
        label = f"{year_first.year:04d}-Q{quarter}"
    else:
        label = f"FY{year_first.year + 1:04d}-Q{quarter}"
    return _Span(label, first, _add_months(first, 3))


def _add_months(first: dt.date, months: int) -> dt.date:
    """The first of the month `months` after the month of `first`."""
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


# --- parsing labels ---------------------------------------------------------

_WEEK = re.compile(r"(\d{4})-W(\d{1,2})")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER = re.compile(r"(FY)?(\d{4})-Q(\d+)")


def parse_period(text: str, zone: ZoneInfo, fiscal_year_start: int = 1) -> Period:
    """The period a label names (`2026-W45`, `2026-11`, `2026-Q4`, `FY2027-Q1`).

    Case and surrounding blanks do not matter. With a January fiscal year
    `FY2026-Q4` is accepted as another name of `2026-Q4` and comes back under
    that label. "pilot" and the granularities are not labels: the caller
    resolves them (`pilot_period`, `period_containing`).
    """
    _check_fiscal_year_start(fiscal_year_start)
    label = text.strip().upper()
    kind: Granularity
    if match := _WEEK.fullmatch(label):
        kind, span = "week", _parse_week(text, int(match[1]), int(match[2]), fiscal_year_start)
    elif match := _MONTH.fullmatch(label):
        kind, span = "month", _parse_month(text, int(match[1]), int(match[2]), fiscal_year_start)
    elif match := _QUARTER.fullmatch(label):
        fiscal, year, quarter = bool(match[1]), int(match[2]), int(match[3])
        kind, span = "quarter", _parse_quarter(text, fiscal, year, quarter, fiscal_year_start)
    else:
        raise BadPeriod(_bad(text, _not_a_label(label), fiscal_year_start))
    return _from_span(kind, span, zone, fiscal_year_start)


def _parse_week(text: str, year: int, week: int, fiscal_year_start: int) -> _Span:
    _check_year(text, year, fiscal_year_start)
    weeks = dt.date(year, 12, 28).isocalendar().week  # Dec 28 is always in the last week
    if not 1 <= week <= weeks:
        reason = f"no ISO week {week} in {year}, which has {weeks} weeks"
        raise BadPeriod(_bad(text, reason, fiscal_year_start))
    return _week_span(dt.date.fromisocalendar(year, week, 1))


def _parse_month(text: str, year: int, month: int, fiscal_year_start: int) -> _Span:
    _check_year(text, year, fiscal_year_start)
    if not 1 <= month <= 12:
        raise BadPeriod(_bad(text, f"no month {month}", fiscal_year_start))
    return _month_span(year, month)


def _parse_quarter(
    text: str, fiscal: bool, year: int, quarter: int, fiscal_year_start: int
) -> _Span:
    """A quarter label: `FY<year it ends>-Qn`, or `<year>-Qn` for January years."""
    _check_year(text, year, fiscal_year_start)
    if not 1 <= quarter <= 4:
        raise BadPeriod(_bad(text, f"no quarter {quarter} (quarters are Q1–Q4)", fiscal_year_start))
    if not fiscal and fiscal_year_start != 1:
        raise BadPeriod(_calendar_quarter_refused(text, year, quarter, fiscal_year_start))
    first_year = year - 1 if fiscal and fiscal_year_start != 1 else year
    year_first = dt.date(first_year, fiscal_year_start, 1)
    return _fiscal_quarter(year_first, quarter, fiscal_year_start)


def _calendar_quarter_refused(text: str, year: int, quarter: int, fiscal_year_start: int) -> str:
    """Why `2026-Q4` is refused under a fiscal year, and which label to use."""
    first = dt.date(year, 3 * quarter - 2, 1)
    fiscal = _quarter_span(first, fiscal_year_start)
    month = _MONTH_NAMES[fiscal_year_start - 1]
    reason = (
        f"this agreement's fiscal year starts in {month}, so quarters are fiscal; "
        f"{first.isoformat()} is in {fiscal.label}"
    )
    return _bad(text, reason, fiscal_year_start)


def _not_a_label(label: str) -> str:
    """Why `label` is no label; "pilot" and "week" are resolved by the caller."""
    word = label.lower()
    if word == "pilot":
        return "the pilot is resolved from the contract's [pilot] dates, not parsed"
    if word in GRANULARITIES:
        return f'"{word}" is a granularity: it picks the period containing an instant'
    return "not a period label"


def _check_year(text: str, year: int, fiscal_year_start: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        reason = f"year {year} is outside {FIRST_YEAR}–{LAST_YEAR}"
        raise BadPeriod(_bad(text, reason, fiscal_year_start))


def _bad(text: str, reason: str, fiscal_year_start: int) -> str:
    """An error message: what is wrong, then every form that is accepted."""
    quarter = "2026-Q4" if fiscal_year_start == 1 else "FY2027-Q1"
    forms = f'an ISO week "2026-W45", a month "2026-11" or a quarter "{quarter}"'
    return f'"{text}": {reason}; a period is {forms}'


def _check_kind(kind: str) -> None:
    if kind not in GRANULARITIES:
        raise ValueError(f'"{kind}" is not one of {", ".join(GRANULARITIES)}')


def _check_fiscal_year_start(month: int) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"fiscal_year_start is a month, 1–12, not {month}")


# --- state relative to an as-of instant ---------------------------------------


def state(period: Bounded, as_of: dt.datetime) -> PeriodState:
    """Closed once its end has been reached (end is exclusive), else current or future.

    Only a closed period can be missed; a current one is on track or at risk.
    """
    now = to_ticks(as_of)
    if now >= to_ticks(period.end):
        return "closed"
    if now >= to_ticks(period.start):
        return "current"
    return "future"


def elapsed_share(period: Bounded, as_of: dt.datetime) -> Fraction:
    """The share of the period's real duration elapsed at `as_of`, for pro-rated pace.

    It counts real elapsed time, not calendar days: mid-November 2026 in New
    York (the clocks went back on the 1st) is 361 of 721 hours, not 15 of 30
    days. 0 before the period, 1 once it is closed.
    """
    start, end, now = to_ticks(period.start), to_ticks(period.end), to_ticks(as_of)
    return Fraction(min(max(now - start, 0), end - start), end - start)


# --- partial periods ----------------------------------------------------------


def clip(period: Period, start: dt.datetime, end: dt.datetime, rule: PartialRule) -> Clipped | None:
    """The part of `period` inside the window [start, end), under `partial_periods`.

    A period wholly inside the window is kept whole (share 1) under every
    rule, and one outside it is None under every rule. A period the window
    cuts is, by rule:

    - ``prorate``: kept, its target scaled by the share of its real duration
      inside the window;
    - ``exclude``: dropped (None), not judged at all;
    - ``count``: kept with its full target (share 1), counting only the events
      inside the window.
    """
    if rule not in PARTIAL_RULES:
        raise ValueError(f'"{rule}" is not one of {", ".join(PARTIAL_RULES)}')
    if to_ticks(end) <= to_ticks(start):
        raise ValueError(f"the window must end after it starts ({start} – {end})")
    first, last = to_ticks(period.start), to_ticks(period.end)
    low, high = max(first, to_ticks(start)), min(last, to_ticks(end))
    if high <= low:
        return None
    if (low, high) == (first, last):
        return Clipped(period, period.start, period.end, Fraction(1))
    if rule == "exclude":
        return None
    share = Fraction(high - low, last - first) if rule == "prorate" else Fraction(1)
    zone = period.zone
    return Clipped(period, from_ticks(low, zone), from_ticks(high, zone), share)
