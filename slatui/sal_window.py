"""The look-back window of the SAL definition: "at least 2 touchpoints in the last 30d".

The contract writes the window as a duration with a unit, and durations run
forwards from their start by the rules of the clock (DESIGN §4). Rather than
invent a second, backwards arithmetic for every unit, a moment is in the
window ending at `end` when `end` comes no later than `within` after it:
`moment <= end <= deadline(moment, within)`. Both ends are included, so a
form submitted in the same second as the notice counts, and so does a touch
exactly 30 calendar days (same local time) before it. For `bd`, `bh` and `bm`
this means "the notice came within N business days/hours of the touch", with
a touch outside working time rolled forward as any clock start is.

`window_floor` gives an instant before which nothing can be in the window, so
the store reads the events of a whole period plus its window once; `Window`
then tests what was read, by the exact rule of `in_window` but answering
most moments with one comparison.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from slatui.clock import deadline
from slatui.duration import Duration
from slatui.workcal import (
    SEARCH_YEARS,
    TICKS_PER_SECOND,
    WorkCalendar,
    localize,
    no_working_time,
    to_ticks,
)

_DAY = dt.timedelta(days=1)
_LONGEST_WALK = (SEARCH_YEARS + 1) * 366
_DST_MARGIN = dt.timedelta(hours=4)
_TICK = dt.timedelta(microseconds=1)


def in_window(cal: WorkCalendar, moment: dt.datetime, end: dt.datetime, within: Duration) -> bool:
    """True when `moment` is at or before `end` and `end` is within `within` of it."""
    end_ticks = to_ticks(end)
    if to_ticks(moment) > end_ticks:
        return False
    return to_ticks(deadline(cal, moment, within)) >= end_ticks


@dataclass(frozen=True)
class Window:
    """`in_window` for one end, answering most moments by comparing integers.

    Auditing 20,000 hand-offs tests hundreds of thousands of touches; the
    exact rule needs a deadline per touch. For `m` and `h` the window's start
    is exact; for `d` a moment more than `_DST_MARGIN` past the local-clock
    start is surely in and one more than that before it surely out (offset
    changes are at most two hours), and only moments between, or any moment
    in business units, take the exact test.
    """

    cal: WorkCalendar
    within: Duration
    end: dt.datetime
    sure_in: dt.datetime
    sure_out: dt.datetime

    @classmethod
    def ending(cls, cal: WorkCalendar, end: dt.datetime, within: Duration) -> Window:
        """The window of `within` that ends at `end` (all bounds kept in UTC, compared as is)."""
        end = end.astimezone(dt.UTC)
        if within.unit in ("m", "h"):
            start = end - dt.timedelta(seconds=within.seconds)
            return cls(cal, within, end, start, start)
        if within.unit == "d":
            wall = end.astimezone(cal.zone).replace(tzinfo=None) - _DAY * within.whole
            start = localize(wall, cal.zone).astimezone(dt.UTC)
            return cls(cal, within, end, start + _DST_MARGIN, start - _DST_MARGIN)
        floor = window_floor(cal, end, within).astimezone(dt.UTC)
        return cls(cal, within, end, end + _TICK, floor)

    def __contains__(self, moment: dt.datetime) -> bool:
        if moment > self.end or moment < self.sure_out:
            return False
        if moment >= self.sure_in:
            return True
        return to_ticks(deadline(self.cal, moment, self.within)) >= to_ticks(self.end)


def window_floor(cal: WorkCalendar, end: dt.datetime, within: Duration) -> dt.datetime:
    """An instant at or after which every moment of the window lies (exact for m and h)."""
    if within.unit in ("m", "h"):
        return end - dt.timedelta(seconds=within.seconds)
    if within.unit == "d":
        # One day more than asked, so that a daylight-saving change never cuts a touch off.
        return _midnight(cal, _local_date(cal, end) - _DAY * (within.whole + 1))
    if within.unit == "bd":
        return _midnight(cal, _working_day_before(cal, _local_date(cal, end), within.whole + 1))
    return _midnight(cal, _business_floor_day(cal, end, within.seconds))


def _local_date(cal: WorkCalendar, moment: dt.datetime) -> dt.date:
    return moment.astimezone(cal.zone).date()


def _midnight(cal: WorkCalendar, day: dt.date) -> dt.datetime:
    return localize(dt.datetime.combine(day, dt.time()), cal.zone)


def _working_day_before(cal: WorkCalendar, day: dt.date, count: int) -> dt.date:
    """The `count`-th working day strictly before `day`.

    A touch before that day's midnight rolls forward at the latest to its first
    window, and N working days after it is still before `day`: out of the window.
    """
    found, current = 0, day
    for _ in range(_LONGEST_WALK):
        current -= _DAY
        if cal.is_working_day(current):
            found += 1
            if found == count:
                return current
    raise no_working_time(day)


def _business_floor_day(cal: WorkCalendar, end: dt.datetime, seconds: int) -> dt.date:
    """The latest day from whose midnight to `end` lies more working time than `seconds`.

    From any earlier moment the amount runs out before `end`: out of the window.
    """
    end_ticks, wanted = to_ticks(end), seconds * TICKS_PER_SECOND
    day, total = _local_date(cal, end), 0
    for _ in range(_LONGEST_WALK):
        spans = cal.working_ticks_on(day)
        total += sum(max(0, min(stop, end_ticks) - start) for start, stop in spans)
        if total > wanted:
            return day
        day -= _DAY
    raise no_working_time(_local_date(cal, end))
