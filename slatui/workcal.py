"""The working calendar that business clocks (bm, bh, bd) count in.

A `WorkCalendar` answers one question fast and exactly: which real instants
are working time? Windows are written in local wall time ("09:00-17:00") but
are resolved to real instants day by day, so a window that a daylight-saving
change shortens or lengthens counts the seconds the wall clock really gives.

Wall times that do not exist (the hour skipped in spring) resolve to the first
instant after the gap, the moment the wall clock has passed them (pandas calls
this "shift_forward"); wall times that occur twice (the hour repeated in
autumn) resolve to their first occurrence (fold=0).

Everything the clock needs is indexed per local year (`YearTimeline`): sorted
windows with running totals, and the working days. A deadline or an elapsed
time is then a binary search, not a walk minute by minute, which matters when
tens of thousands of items are measured. Holidays are computed lazily per year
and cached; the calendar's value (zone, windows, holidays) never changes.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slatui.contract.types import WEEKDAYS, TimeRange

if TYPE_CHECKING:
    from slatui.contract.model import Calendar, Contract

Window = tuple[int, int]
"""A working window in minutes since local midnight; the end may be 1440."""

Windows = tuple[Window, ...]

TICKS_PER_SECOND = 1_000_000
"""Instants are handled as integer microseconds since the Unix epoch ("ticks")."""

SEARCH_YEARS = 3
"""How far ahead a search for working time goes before giving up."""

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_NAIVE_EPOCH = dt.datetime(1970, 1, 1)
_TICK = dt.timedelta(microseconds=1)
_DAY_TICKS = 86_400 * TICKS_PER_SECOND
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

HoursInput = Iterable[TimeRange | str]


def to_ticks(instant: dt.datetime) -> int:
    """An aware datetime as exact integer microseconds since the epoch.

    Aware datetimes sharing a tzinfo compare and subtract by wall time in
    Python, which is wrong across a DST change; integers never are.
    """
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{instant.isoformat()} has no time zone; give an offset or a zone")
    return (instant - _EPOCH) // _TICK


def from_ticks(ticks: int, zone: dt.tzinfo) -> dt.datetime:
    """The instant `ticks` as an aware datetime in `zone` (fold set correctly).

    `_TICK * ticks` is the same timedelta as `timedelta(microseconds=ticks)` at
    half the cost (no keyword parsing); the clock converts ticks in its loops.
    """
    return (_EPOCH + _TICK * ticks).astimezone(zone)


def localize(wall: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The real instant at which the wall clock in `zone` shows `wall`.

    A repeated wall time takes its first occurrence (fold=0); a skipped one
    takes the end of the gap, the first instant at which the clock has passed
    it (02:30 on the US spring-forward day is 03:00 EDT).
    """
    naive = wall.replace(tzinfo=None)
    first = naive.replace(tzinfo=zone, fold=0)
    resolved = first.astimezone(dt.UTC).astimezone(zone)
    if resolved.replace(tzinfo=None) == naive:
        return resolved
    return from_ticks(_gap_end(naive, zone), zone)


def localize_ticks(wall: dt.datetime, zone: ZoneInfo) -> int:
    """`to_ticks(localize(wall, zone))`, without building the instant when it is plain.

    A wall time whose offset is the same read either way (fold 0 and fold 1)
    is neither skipped nor repeated, so it is one instant: the wall time less
    that offset. Only the times a change skips or repeats take `localize`.
    """
    naive = wall.replace(tzinfo=None, fold=0)
    offset = zone.utcoffset(naive)
    if offset is not None and offset == zone.utcoffset(naive.replace(fold=1)):
        return (naive - _NAIVE_EPOCH - offset) // _TICK
    return to_ticks(localize(naive, zone))


def _gap_end(naive: dt.datetime, zone: ZoneInfo) -> int:
    """Ticks of the transition that skips the non-existent wall time `naive`.

    Read with the offset after the change (fold=1) `naive` is an instant before
    the transition; read with the offset before it (fold=0), one after. The
    transition is found between them by bisection on whole seconds.
    """
    low = to_ticks(naive.replace(tzinfo=zone, fold=1)) // TICKS_PER_SECOND
    high = -(-to_ticks(naive.replace(tzinfo=zone, fold=0)) // TICKS_PER_SECOND)
    target = zone.utcoffset(naive.replace(fold=1))
    while high - low > 1:  # invariant: the offset is `target` at high, not at low
        middle = (low + high) // 2
        if from_ticks(middle * TICKS_PER_SECOND, zone).utcoffset() == target:
            high = middle
        else:
            low = middle
    return high * TICKS_PER_SECOND


@dataclass(frozen=True)
class YearTimeline:
    """One local year of working time, indexed for binary search.

    `starts`/`ends` are the year's windows in ticks, sorted and disjoint;
    `before[i]` is the working time (in ticks) of the year before window i and
    `after[i]` the working time up to its end. `working_days` holds the
    ordinals of the year's working dates.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    before: tuple[int, ...]
    after: tuple[int, ...]
    working_days: tuple[int, ...]

    @property
    def total(self) -> int:
        """Working ticks in the whole year."""
        return self.after[-1] if self.after else 0

    def offset_at(self, ticks: int) -> int:
        """Working ticks of this year that lie before the instant `ticks`."""
        index = bisect_right(self.ends, ticks)
        if index == len(self.ends):
            return self.total
        return self.before[index] + max(0, ticks - self.starts[index])

    def instant_at(self, offset: int) -> int:
        """The instant at which `offset` working ticks of the year have passed.

        An offset reached exactly at a window's end gives that end, not the
        start of the next window: a clock that runs out at 17:00 is due at 17:00.
        """
        if not 0 <= offset <= self.total or not self.starts:
            raise ValueError(f"offset {offset} is outside the year's working time")
        index = bisect_left(self.after, offset)
        return self.starts[index] + offset - self.before[index]

    def first_window_ending_after(self, ticks: int) -> int | None:
        """Index of the first window still open after `ticks`, if any."""
        index = bisect_right(self.ends, ticks)
        return index if index < len(self.ends) else None


@dataclass(frozen=True)
class WorkCalendar:
    """Working weekdays, their windows, holidays and the zone that places them.

    `weekly[i]` are the windows of weekday i (Monday = 0), already merged and
    sorted; an empty tuple is a day off. Build one with `build`,
    `from_calendar` or `from_contract` rather than directly.
    """

    zone: ZoneInfo
    weekly: tuple[Windows, ...]
    country: str | None = None
    extra_holidays: frozenset[dt.date] = frozenset()
    _holidays: dict[int, frozenset[dt.date]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _days: dict[dt.date, tuple[tuple[int, int], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _years: dict[int, YearTimeline] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _year_spans: list[tuple[int, int, int]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )
    _later: dict[tuple[dt.date, int], dt.date] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _between: dict[tuple[dt.date, dt.date], int] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if len(self.weekly) != 7:
            raise ValueError(f"a week has 7 days, got windows for {len(self.weekly)}")
        if not any(self.weekly):
            raise ValueError(
                "the calendar has no working time: no weekday has working hours, "
                "so no business clock could ever run"
            )

    # -- construction ---------------------------------------------------------

    @classmethod
    def build(
        cls,
        timezone: str,
        days: Iterable[str],
        hours: HoursInput,
        hours_by_day: Mapping[str, HoursInput] | None = None,
        holidays: str | None = None,
        extra_holidays: Iterable[dt.date] = (),
    ) -> WorkCalendar:
        """A calendar from plain values, as a contract's [calendar] writes them.

        `hours_by_day` is more specific than `days` + `hours`: it replaces the
        hours of its weekday, an empty list makes the day a day off, and a
        weekday missing from `days` but given hours there is a working day.
        """
        base = _merge(hours)
        working = {_weekday(day) for day in days}
        overrides = {_weekday(day): _merge(spans) for day, spans in (hours_by_day or {}).items()}
        weekly = tuple(overrides.get(index, base if index in working else ()) for index in range(7))
        if holidays is not None:
            _check_country(holidays)
        return cls(_zone(timezone), weekly, holidays, frozenset(extra_holidays))

    @classmethod
    def from_calendar(cls, calendar: Calendar, timezone: str) -> WorkCalendar:
        """The calendar of a contract's [calendar] clause, placed in `timezone`."""
        return cls.build(
            timezone,
            calendar.days,
            calendar.hours,
            hours_by_day={str(day): spans for day, spans in calendar.hours_by_day.items()},
            holidays=calendar.holidays,
            extra_holidays=calendar.extra_holidays,
        )

    @classmethod
    def from_contract(cls, contract: Contract) -> WorkCalendar:
        """The calendar a contract's business clocks count in."""
        return cls.from_calendar(contract.calendar, contract.agreement.timezone)

    # -- days -----------------------------------------------------------------

    @property
    def working_weekdays(self) -> frozenset[int]:
        """Weekdays (Monday = 0) that have working hours."""
        return frozenset(index for index, spans in enumerate(self.weekly) if spans)

    def is_holiday(self, day: dt.date) -> bool:
        """True on a public holiday of the country or an extra holiday."""
        return day in self.extra_holidays or day in self._public_holidays(day.year)

    def is_working_day(self, day: dt.date) -> bool:
        """True when the day has any working time (weekday, not a holiday)."""
        return bool(self.working_ticks_on(day))

    def windows_on(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """The day's working windows as real instants in the calendar's zone."""
        return [
            (from_ticks(start, self.zone), from_ticks(end, self.zone))
            for start, end in self.working_ticks_on(day)
        ]

    def working_ticks_on(self, day: dt.date) -> tuple[tuple[int, int], ...]:
        """The day's windows as (start, end) ticks, for the clock's inner loops."""
        cached = self._days.get(day)
        if cached is None:
            cached = self._days[day] = self._resolve_day(day)
        return cached

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `day` (which need not be working)."""
        if count < 0:
            raise ValueError(f"count must not be negative, got {count}")
        if count == 0:
            return day
        found = self._later.get((day, count))
        if found is None:
            found = self._later[day, count] = self._working_day_after(day, count)
        return found

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        """How many working days lie after `first` and on or before `last`."""
        if last <= first:
            return 0
        found = self._between.get((first, last))
        if found is None:
            low, high = first.toordinal(), last.toordinal()
            found = 0
            for year in range(first.year, last.year + 1):
                ordinals = self.timeline(year).working_days
                found += bisect_right(ordinals, high) - bisect_right(ordinals, low)
            self._between[first, last] = found
        return found

    def _working_day_after(self, day: dt.date, count: int) -> dt.date:
        """`add_working_days` for a positive count, worked out on the year timelines."""
        year, remaining, idle = day.year, count, 0
        index = bisect_right(self.timeline(year).working_days, day.toordinal())
        while True:
            ordinals = self.timeline(year).working_days
            available = len(ordinals) - index
            if remaining <= available:
                return dt.date.fromordinal(ordinals[index + remaining - 1])
            remaining -= available
            idle = idle + 1 if available == 0 else 0
            if idle > SEARCH_YEARS:
                raise no_working_time(day)
            year, index = year + 1, 0

    # -- instants -------------------------------------------------------------

    def next_working_instant(self, instant: dt.datetime) -> dt.datetime:
        """`instant` itself if it is working time, else the next window's start.

        A window's end is not working time: at 17:00 the next working instant
        of a 09:00-17:00 calendar is the next working morning.
        """
        return from_ticks(self.next_working_ticks(to_ticks(instant)), self.zone)

    def next_working_ticks(self, ticks: int) -> int:
        """`next_working_instant` on ticks, for the clock's inner loops."""
        year = self.local_year(ticks)
        for _ in range(SEARCH_YEARS + 1):
            timeline = self.timeline(year)
            index = timeline.first_window_ending_after(ticks)
            if index is not None:
                return max(ticks, timeline.starts[index])
            year += 1
        raise no_working_time(from_ticks(ticks, self.zone).date())

    def local_year(self, ticks: int) -> int:
        """The year of the local date on which the instant `ticks` falls.

        A zone's offset is less than a day either way (Python enforces it), so
        an instant more than a day inside a year's UTC bounds has that year
        in every zone; the spans already known answer without a conversion.
        """
        for low, high, year in self._year_spans:
            if low <= ticks < high:
                return year
        year = from_ticks(ticks, self.zone).year
        if dt.MINYEAR < year < dt.MAXYEAR and len(self._year_spans) < 16:
            low, high = _utc_year_start(year) + _DAY_TICKS, _utc_year_start(year + 1) - _DAY_TICKS
            if low <= ticks < high:
                self._year_spans.append((low, high, year))
        return year

    def timeline(self, year: int) -> YearTimeline:
        """The indexed working time of a local year (built once, then cached)."""
        cached = self._years.get(year)
        if cached is None:
            cached = self._years[year] = self._build_timeline(year)
        return cached

    # -- description ----------------------------------------------------------

    def describe(self) -> str:
        """One line a contract reader can check: days, hours, zone, holidays.

        E.g. "Mon–Fri 09:00–17:00 America/New_York, US public holidays
        excluded"; days with their own hours are listed as their own group.
        """
        groups = ", ".join(
            f"{_day_list(days)} {_windows_text(spans)}" for spans, days in self._groups()
        )
        return f"{groups} {self.zone.key}, {self._holidays_text()}"

    # -- internals ------------------------------------------------------------

    def _groups(self) -> list[tuple[Windows, list[int]]]:
        groups: dict[Windows, list[int]] = {}
        for index, spans in enumerate(self.weekly):
            if spans:
                groups.setdefault(spans, []).append(index)
        return list(groups.items())

    def _holidays_text(self) -> str:
        extras = ", ".join(day.isoformat() for day in sorted(self.extra_holidays))
        if self.country and extras:
            return f"{self.country} public holidays and {extras} excluded"
        if self.country:
            return f"{self.country} public holidays excluded"
        if extras:
            return f"{extras} excluded"
        return "no holidays excluded"

    def _public_holidays(self, year: int) -> frozenset[dt.date]:
        if self.country is None:
            return frozenset()
        cached = self._holidays.get(year)
        if cached is None:
            import holidays

            cached = frozenset(holidays.country_holidays(self.country, years=year).keys())
            self._holidays[year] = cached
        return cached

    def _resolve_day(self, day: dt.date) -> tuple[tuple[int, int], ...]:
        """The day's windows in ticks; empty on holidays and days off."""
        spans = self.weekly[day.weekday()]
        if not spans or self.is_holiday(day):
            return ()
        midnight = dt.datetime.combine(day, dt.time())
        resolved = []
        for start, end in spans:
            begin = to_ticks(localize(midnight + dt.timedelta(minutes=start), self.zone))
            finish = to_ticks(localize(midnight + dt.timedelta(minutes=end), self.zone))
            if finish > begin:  # a window inside a skipped hour has no real time
                resolved.append((begin, finish))
        return tuple(resolved)

    def _build_timeline(self, year: int) -> YearTimeline:
        starts: list[int] = []
        ends: list[int] = []
        before: list[int] = []
        after: list[int] = []
        working: list[int] = []
        total = 0
        day = dt.date(year, 1, 1)
        while day.year == year:
            spans = self.working_ticks_on(day)
            if spans:
                working.append(day.toordinal())
            for start, end in spans:
                starts.append(start)
                ends.append(end)
                before.append(total)
                total += end - start
                after.append(total)
            day += dt.timedelta(days=1)
        return YearTimeline(tuple(starts), tuple(ends), tuple(before), tuple(after), tuple(working))


def _utc_year_start(year: int) -> int:
    """Ticks of 1 January of `year`, 00:00 UTC."""
    return (dt.datetime(year, 1, 1, tzinfo=dt.UTC) - _EPOCH) // _TICK


def no_working_time(since: dt.date) -> ValueError:
    """The error for a search that found no working time: the calendar is unusable."""
    return ValueError(
        f"no working time in the {SEARCH_YEARS} years after {since.isoformat()}: "
        "check the calendar's days, hours and holidays"
    )


def _merge(hours: HoursInput) -> Windows:
    """Sorted windows with overlapping or touching ones merged into one."""
    parsed = (span if isinstance(span, TimeRange) else TimeRange.parse(span) for span in hours)
    ranges = sorted(parsed, key=lambda span: (span.start, span.end))
    merged: list[Window] = []
    for span in ranges:
        if merged and span.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span.end))
        else:
            merged.append((span.start, span.end))
    return tuple(merged)


def _weekday(name: str) -> int:
    key = name.strip().lower()
    for index, (short, full) in enumerate(zip(WEEKDAYS, _FULL_DAY_NAMES, strict=True)):
        if key in (short, full):
            return index
    raise ValueError(f'"{name}" is not a weekday; write one of {", ".join(WEEKDAYS)}')


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f'"{name}" is not an IANA time zone; write e.g. "America/New_York"'
        ) from None


def _check_country(code: str) -> None:
    import holidays

    if code not in holidays.list_supported_countries():
        raise ValueError(f'"{code}" is not a country with known public holidays, e.g. "US"')


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _windows_text(spans: Windows) -> str:
    return " and ".join(f"{_hhmm(start)}–{_hhmm(end)}" for start, end in spans)


def _day_list(days: list[int]) -> str:
    """Weekday indexes as runs: [0, 1, 2, 3, 4, 6] -> "Mon–Fri, Sun"."""
    runs: list[list[int]] = []
    for index in days:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return ", ".join(_run_text(run) for run in runs)


def _run_text(run: list[int]) -> str:
    if len(run) == 1:
        return _DAY_NAMES[run[0]]
    joiner = "–" if len(run) > 2 else ", "
    return f"{_DAY_NAMES[run[0]]}{joiner}{_DAY_NAMES[run[-1]]}"
