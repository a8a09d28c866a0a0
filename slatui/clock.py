"""Clock arithmetic: when a commitment falls due, and how much time has passed.

These functions decide every number slatui shows (DESIGN.md §4), so each unit
follows one written rule:

- `m`, `h`: real elapsed time; 24h across a daylight-saving change is 24 real
  hours.
- `d`: the same local wall time N calendar days later (23 or 25 real hours
  across a change). A wall time that does not exist that day resolves to the
  end of the gap, a repeated one to its first occurrence (see
  `slatui.workcal.localize`).
- `bm`, `bh`: real seconds inside working windows, counted from the next
  working instant when the clock starts outside working time. An amount that
  runs out exactly at a window's end is due at that end, not the next morning.
- `bd`: roll the start forward to the first working instant, then take the
  same local time on the N-th following working day. When that time is not
  working time on the target day (a shorter day, a split shift), it is
  clamped into the day: after the day's last window it becomes that window's
  end; before a window (early, or in a lunch break) it becomes that window's
  start. The deadline therefore always falls on the N-th working day.

Pure functions, no I/O; instants must be aware and results are in the
calendar's zone.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from slatui.duration import BUSINESS_UNITS, UNIT_WORDS, UNITS, Duration
from slatui.workcal import (
    SEARCH_YEARS,
    TICKS_PER_SECOND,
    WorkCalendar,
    from_ticks,
    localize,
    localize_ticks,
    no_working_time,
    to_ticks,
)

_PART = tuple[int, str, str]
_ONE_DAY = dt.timedelta(days=1)

_CLOCK_PARTS: tuple[_PART, ...] = (
    (3600, "hour", "hours"),
    (60, "minute", "minutes"),
    (1, "second", "seconds"),
)
_BUSINESS_PARTS: tuple[_PART, ...] = tuple(
    (size, f"business {one}", f"business {many}") for size, one, many in _CLOCK_PARTS
)
_PARTS: dict[str, tuple[_PART, ...]] = {
    "m": _CLOCK_PARTS[1:],
    "h": _CLOCK_PARTS,
    "d": _CLOCK_PARTS,
    "bm": _BUSINESS_PARTS[1:],
    "bh": _BUSINESS_PARTS,
    "bd": _BUSINESS_PARTS,
}


# -- deadlines -----------------------------------------------------------------


def deadline(cal: WorkCalendar, start: dt.datetime, duration: Duration) -> dt.datetime:
    """The instant a clock started at `start` runs out, by the rule of its unit."""
    if duration.unit == "d":  # the wall time of `start` as given, even one a change skips
        return calendar_days_later(cal, start, duration.whole)
    return from_ticks(deadline_ticks(cal, to_ticks(start), duration), cal.zone)


def deadline_ticks(cal: WorkCalendar, ticks: int, duration: Duration) -> int:
    """`deadline` on ticks, for the inner loops: the same rule, no datetime on the way
    for `m`, `h` and the business units."""
    unit = duration.unit
    if unit in ("m", "h"):
        return ticks + duration.seconds * TICKS_PER_SECOND
    if unit == "d":
        return to_ticks(calendar_days_later(cal, from_ticks(ticks, cal.zone), duration.whole))
    if unit == "bd":
        return BusinessOrigin(cal, cal.next_working_ticks(ticks)).step(duration.whole)
    return add_business_ticks(cal, ticks, duration.seconds * TICKS_PER_SECOND)


def calendar_days_later(cal: WorkCalendar, start: dt.datetime, days: int) -> dt.datetime:
    """The same local wall time `days` calendar days later (the `d` rule).

    An aware datetime plus a timedelta is wall-clock arithmetic that keeps the
    zone and resets fold to 0, so the sum is the wall time `days` later, read
    as its first occurrence. When fold 0 and fold 1 give that wall time the
    same offset it is neither skipped nor repeated, and the sum is the answer
    as it stands; an engagement escalation works out thousands of these, and
    each `replace` it saves is about a microsecond.
    """
    zone = cal.zone
    wall = start.astimezone(zone) + _ONE_DAY * days  # timedelta(days=days), cheaper
    offset = wall.utcoffset()
    if offset is not None and offset == zone.utcoffset(wall.replace(fold=1)):
        return wall  # neither skipped nor repeated: that wall time
    return localize(wall, zone)


def business_days_later(cal: WorkCalendar, start: dt.datetime, days: int) -> dt.datetime:
    """The `bd` rule: same local time on the `days`-th working day after the roll.

    Mon 10:00 + 5bd = next Mon 10:00; Fri 15:00 + 2bd = Tue 15:00; a clock
    started Saturday rolls to Mon 09:00, and + 1bd is Tue 09:00. See the module
    docstring for the clamping of times outside the target day's windows.
    """
    origin = cal.next_working_instant(start)
    return _nth_business_day(cal, origin, days)


def add_business_ticks(cal: WorkCalendar, ticks: int, amount: int) -> int:
    """The instant at which `amount` working ticks have passed since `ticks`.

    Works year by year on the calendar's indexed timelines, so 500bh costs a
    couple of binary searches, not a walk over minutes.
    """
    if amount <= 0:
        raise ValueError(f"a business amount must be positive, got {amount} ticks")
    year, idle = cal.local_year(ticks), 0
    while True:
        timeline = cal.timeline(year)
        offset = timeline.offset_at(ticks)
        room = timeline.total - offset
        if amount <= room:
            return timeline.instant_at(offset + amount)
        amount -= room
        idle = idle + 1 if room == 0 else 0
        if idle > SEARCH_YEARS:
            raise no_working_time(from_ticks(ticks, cal.zone).date())
        year += 1


def _nth_business_day(cal: WorkCalendar, origin: dt.datetime, days: int) -> dt.datetime:
    """`origin`'s local time on the `days`-th working day after it, clamped."""
    if days == 0:
        return origin
    return from_ticks(_nth_business_ticks(cal, origin, days), cal.zone)


def _nth_business_ticks(cal: WorkCalendar, origin: dt.datetime, days: int) -> int:
    """`_nth_business_day` in ticks; `origin` is in the calendar's zone."""
    if days == 0:
        return to_ticks(origin)
    day = cal.add_working_days(origin.date(), days)
    wanted = localize_ticks(dt.datetime.combine(day, origin.time()), cal.zone)
    return _clamp_into_day(cal, day, wanted)


class BusinessOrigin:
    """A `bd` clock from a working instant: its step deadlines, each worked out once.

    Step k is the k bd deadline from the origin; an item needs its deadline
    and, for its elapsed business days, the steps around the instant reached,
    which are often the same ones.
    """

    __slots__ = ("_before", "_cal", "_lengths", "_steps", "day", "local", "ticks")

    def __init__(self, cal: WorkCalendar, ticks: int) -> None:
        self._cal = cal
        self.ticks = ticks
        self.local = from_ticks(ticks, cal.zone)
        self.day = self.local.date()
        self._steps: dict[int, int] = {}
        self._lengths: dict[int, int] = {}
        self._before: dict[int, int] = {}

    def step(self, days: int) -> int:
        """Ticks of the `days` bd deadline from the origin."""
        found = self._steps.get(days)
        if found is None:
            found = self._steps[days] = _nth_business_ticks(self._cal, self.local, days)
        return found

    def progress(self, limit: int) -> tuple[int, int, int]:
        """(whole bd steps reached by `limit`, working ticks into the next, its length).

        The k-th step's deadline falls on the k-th working day after the
        origin's date, inside that day, so deadlines grow with k. With n
        working days in (origin's date, limit's date], step n + 1 ends on a
        later date (after `limit`) and step n - 1 on an earlier one (not after
        `limit`): the steps reached are n or n - 1, and one deadline decides.
        """
        cal, low = self._cal, self.ticks
        if limit <= low:
            return 0, 0, 0
        whole = _working_days_between(cal, self.day, from_ticks(limit, cal.zone).date())
        if whole and self.step(whole) > limit:
            whole -= 1
        if whole:
            low = self.step(whole)
        return whole, business_ticks_between(cal, low, limit), self.length(whole)

    def length(self, whole: int) -> int:
        """Working ticks from step `whole` (the origin for 0) to step `whole + 1`."""
        found = self._lengths.get(whole)
        if found is None:
            low = self.step(whole) if whole else self.ticks
            found = business_ticks_between(self._cal, low, self.step(whole + 1))
            self._lengths[whole] = found
        return found

    def elapsed_days(self, limit: int) -> Fraction:
        """`elapsed_business_days` from the origin to `limit` (not before the origin)."""
        whole, done, step = self.progress(limit)
        return Fraction(whole * step + done, step) if step else Fraction(whole)

    def elapsed_days_worked(self, limit: int, worked: int) -> Fraction:
        """`elapsed_days(limit)` when the caller knows `worked`, the working ticks from
        the origin to `limit` (a response item does: it laid `limit` out from them).

        Working time adds up over [origin, step) and [step, limit), and the step
        reached is not after `limit`, so the ticks into the next step are
        `worked` less the steps' own working time, each step's counted once per
        origin; that saves `progress` its count of working time per item.
        Fewer working ticks than lead to step 1 put `limit` before it (working
        time only grows with the instant), so most items, stopped within their
        first business day, need no local date at all.
        """
        cal = self._cal
        if limit <= self.ticks:
            return Fraction(0)
        first = self.length(0)
        if worked < first:  # step 0 reached, `worked` into step 1
            return Fraction(worked, first)
        whole = _working_days_between(cal, self.day, from_ticks(limit, cal.zone).date())
        if whole and self.step(whole) > limit:
            whole -= 1
        step = self.length(whole)
        done = worked - self.before(whole)
        return Fraction(whole * step + done, step) if step else Fraction(whole)

    def before(self, whole: int) -> int:
        """Working ticks from the origin to step `whole` (0 for the origin itself)."""
        if not whole:
            return 0
        found = self._before.get(whole)
        if found is None:
            found = self._before[whole] = business_ticks_between(
                self._cal, self.ticks, self.step(whole)
            )
        return found


def _clamp_into_day(cal: WorkCalendar, day: dt.date, wanted: int) -> int:
    """`wanted` if it is inside one of the day's windows (ends included), else
    the start of the next window that day, else the end of the day's last one."""
    spans = cal.working_ticks_on(day)
    for start, end in spans:
        if wanted <= end:
            return max(wanted, start)
    return spans[-1][1]


# -- elapsed time ----------------------------------------------------------------


def elapsed(cal: WorkCalendar, start: dt.datetime, end: dt.datetime, unit: str) -> int:
    """Whole seconds from `start` to `end`, counted the way `unit` counts.

    `m`, `h` and `d` count real seconds; `bm`, `bh` and `bd` count business
    seconds (for whole business days see `elapsed_business_days`). An `end`
    before `start` gives the negative of the reverse, so "time left until the
    deadline" turns negative once an item is overdue. Fractions of a second
    are truncated towards zero.
    """
    _check_unit(unit)
    low, high = to_ticks(start), to_ticks(end)
    if high < low:
        return -elapsed(cal, end, start, unit)
    span = business_ticks_between(cal, low, high) if unit in BUSINESS_UNITS else high - low
    return span // TICKS_PER_SECOND


def business_ticks_between(cal: WorkCalendar, low: int, high: int) -> int:
    """Working ticks in [low, high); `low` must not be after `high`."""
    if high < low:
        raise ValueError("business_ticks_between needs low <= high")
    first, last = cal.local_year(low), cal.local_year(high)
    if first == last:
        timeline = cal.timeline(first)
        return timeline.offset_at(high) - timeline.offset_at(low)
    total = cal.timeline(first).total - cal.timeline(first).offset_at(low)
    total += sum(cal.timeline(year).total for year in range(first + 1, last))
    return total + cal.timeline(last).offset_at(high)


def elapsed_business_days(cal: WorkCalendar, start: dt.datetime, end: dt.datetime) -> Fraction:
    """Business days from `start` to `end`, as the inverse of the `bd` rule.

    The whole part k is the number of `bd` steps already reached: the largest
    k with deadline(start, k bd) <= end. The fraction is the share of the next
    step's business time that has passed. So the value reaches N exactly when
    the N bd deadline does: 1 right at deadline(1bd), 1/2 half-way there in
    business time. A clock that has not reached its first working instant has
    0; an `end` before `start` gives the negative of the reverse.
    """
    if is_before(end, start):
        return -elapsed_business_days(cal, end, start)
    origin = BusinessOrigin(cal, cal.next_working_ticks(to_ticks(start)))
    return origin.elapsed_days(to_ticks(end))


def business_day_progress(
    cal: WorkCalendar, start: dt.datetime, end: dt.datetime
) -> tuple[int, int, int]:
    """(whole bd steps reached, working ticks into the next step, its length)."""
    origin = BusinessOrigin(cal, cal.next_working_ticks(to_ticks(start)))
    return origin.progress(to_ticks(end))


def _working_days_between(cal: WorkCalendar, first: dt.date, last: dt.date) -> int:
    """How many working days lie after `first` and on or before `last`."""
    return cal.working_days_between(first, last)


def whole_calendar_days(cal: WorkCalendar, start: dt.datetime, end: dt.datetime) -> int:
    """The largest k with calendar_days_later(start, k) <= end (for `end >= start`)."""
    local_start, local_end = start.astimezone(cal.zone), end.astimezone(cal.zone)
    days = (local_end.date() - local_start.date()).days
    while days > 0 and is_before(end, calendar_days_later(cal, start, days)):
        days -= 1
    return max(days, 0)


# -- display ---------------------------------------------------------------------


def format_elapsed(seconds: int, unit: str) -> str:
    """Seconds as a person reads them, in the words of their unit.

    The unit picks the largest part: hours for h/bh ("26 hours", "2 business
    hours 30 business minutes"), minutes for m/bm ("90 minutes"). Business
    parts all say "business", so no part can be mistaken for wall-clock time.
    Zero parts are left out, zero itself is "0 hours" / "0 business hours",
    and a negative amount gets a leading "-". Days have no fixed length, so
    without a calendar `d` and `bd` are shown in hours and business hours;
    `describe_elapsed` counts whole days.
    """
    _check_unit(unit)
    if seconds < 0:
        return "-" + format_elapsed(-seconds, unit)
    parts = _PARTS[unit]
    words = []
    for size, one, many in parts:
        count, seconds = divmod(seconds, size)
        if count:
            words.append(f"{count} {one if count == 1 else many}")
    return " ".join(words) if words else f"0 {parts[0][2]}"


def describe_elapsed(cal: WorkCalendar, start: dt.datetime, end: dt.datetime, unit: str) -> str:
    """Like `format_elapsed`, but counts whole days with the calendar.

    `d` gives whole calendar days by the `d` rule plus the real remainder
    ("2 calendar days 3 hours"); `bd` gives whole business days by the `bd`
    rule plus the business remainder ("1 business day 2 business hours").
    """
    _check_unit(unit)
    if is_before(end, start):
        return "-" + describe_elapsed(cal, end, start, unit)
    if unit == "d":
        days = whole_calendar_days(cal, start, end)
        anchor = calendar_days_later(cal, start, days) if days else start
        rest = (to_ticks(end) - to_ticks(anchor)) // TICKS_PER_SECOND
        return _with_days(days, "d", format_elapsed(rest, "h") if rest else "")
    if unit == "bd":
        days, done, _ = business_day_progress(cal, start, end)
        rest = done // TICKS_PER_SECOND
        return _with_days(days, "bd", format_elapsed(rest, "bd") if rest else "")
    return format_elapsed(elapsed(cal, start, end, unit), unit)


def is_before(first: dt.datetime, second: dt.datetime) -> bool:
    """True when `first` is the earlier instant.

    Python compares aware datetimes that share a tzinfo by wall time, so
    01:10 EST comes "before" 01:30 EDT on the night the clocks go back;
    ticks compare the real instants.
    """
    return to_ticks(first) < to_ticks(second)


def _with_days(days: int, unit: str, rest: str) -> str:
    singular, plural = UNIT_WORDS[unit]
    if days == 0:
        return rest or f"0 {plural}"
    head = f"{days} {singular if days == 1 else plural}"
    return f"{head} {rest}" if rest else head


def _check_unit(unit: str) -> None:
    if unit not in UNITS:
        raise ValueError(f'"{unit}" is not a unit; use one of {", ".join(UNITS)}')
