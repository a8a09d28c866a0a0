"""Instants for the demo, placed on the agreement's working calendar.

People work in New York business hours, buyers click in the evening too,
and the clocks go back on 1 November 2026, the day before the pilot starts.
Every instant is therefore made from a local wall time through the
calendar's zone (never by adding a fixed UTC offset) and kept in UTC, and
every "within one business day" is computed by `slatui.clock`, the same
arithmetic the compliance screen uses.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from slatui.clock import add_business_ticks, calendar_days_later, deadline
from slatui.duration import Duration
from slatui.workcal import TICKS_PER_SECOND, WorkCalendar, from_ticks, localize, to_ticks

UTC = dt.UTC
MINUTE = TICKS_PER_SECOND * 60


class Timeline:
    """The calendar's answers the generator needs, each returning UTC instants."""

    def __init__(self, calendar: WorkCalendar) -> None:
        """Wrap a working calendar (the agreement's)."""
        self.calendar = calendar
        self.zone = calendar.zone

    def at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        """The instant the local wall clock shows `day hour:minute`."""
        wall = dt.datetime.combine(day, dt.time(hour, minute))
        return localize(wall, self.zone).astimezone(UTC)

    def local_date(self, moment: dt.datetime) -> dt.date:
        """The local calendar day of an instant."""
        return moment.astimezone(self.zone).date()

    def is_working(self, day: dt.date) -> bool:
        """A working day of the calendar (not a weekend, not a holiday)."""
        return self.calendar.is_working_day(day)

    def days(self, first: dt.date, last: dt.date) -> Iterator[dt.date]:
        """Every calendar day from `first` to `last`, both included."""
        day = first
        while day <= last:
            yield day
            day += dt.timedelta(days=1)

    def working_days(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """The working days from `first` to `last`, both included."""
        return [day for day in self.days(first, last) if self.is_working(day)]

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day after `day`."""
        return self.calendar.add_working_days(day, 1)

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        """`day` if it is a working day, else the next one."""
        return day if self.is_working(day) else self.next_working_day(day)

    def business_moment(
        self, rng: random.Random, day: dt.date, earliest: int = 0, latest: int = 24 * 60
    ) -> dt.datetime:
        """A random whole minute inside the day's working windows.

        `earliest` and `latest` (minutes after local midnight) narrow the
        choice, e.g. to the afternoon; the day must be a working day.
        """
        low = to_ticks(self.at(day, 0)) + earliest * MINUTE
        high = to_ticks(self.at(day, 0)) + latest * MINUTE
        spans = [
            (max(start, low), min(end, high))
            for start, end in self.calendar.working_ticks_on(day)
            if min(end, high) - max(start, low) >= MINUTE
        ]
        if not spans:
            raise ValueError(f"{day} has no working time between the given minutes")
        minutes = [(start, (end - start) // MINUTE) for start, end in spans]
        pick = rng.randrange(sum(count for _, count in minutes))
        for start, count in minutes:
            if pick < count:
                return from_ticks(start + pick * MINUTE, UTC)
            pick -= count
        raise AssertionError("unreachable: the pick is below the total")

    def buyer_moment(self, rng: random.Random, day: dt.date) -> dt.datetime:
        """When a buyer clicks or downloads: mostly business hours, some evenings."""
        if self.is_working(day) and rng.random() < 0.75:
            return self.business_moment(rng, day)
        return self.at(day, rng.randint(7, 21), rng.randrange(60))

    def plus_business_minutes(self, moment: dt.datetime, minutes: int) -> dt.datetime:
        """The instant `minutes` business minutes after `moment` (the `bm` rule)."""
        ticks = add_business_ticks(self.calendar, to_ticks(moment), minutes * MINUTE)
        return from_ticks(ticks, UTC)

    def after(self, moment: dt.datetime, duration: Duration) -> dt.datetime:
        """When a clock started at `moment` with `duration` runs out (slatui.clock)."""
        return deadline(self.calendar, moment, duration).astimezone(UTC)

    def days_before(self, moment: dt.datetime, duration: Duration) -> dt.datetime:
        """The start of the window of `duration` that ends at `moment`.

        Windows are wall-clock (`h`, `m`) or calendar days (`d`): a window of
        business time would depend on where it is looked at from.
        """
        if duration.unit == "d":
            return calendar_days_later(self.calendar, moment, -duration.whole).astimezone(UTC)
        if duration.unit in ("h", "m"):
            return moment - dt.timedelta(seconds=duration.seconds)
        raise ValueError(f"a touch window in business time ({duration}) is not supported")

    def month_start(self, year: int, month: int) -> dt.datetime:
        """Local midnight of the first day of a month."""
        return self.at(dt.date(year, month, 1), 0)

    def month_end(self, year: int, month: int) -> dt.datetime:
        """Local midnight of the first day of the next month (the month's end, exclusive)."""
        return self.month_start(year + month // 12, month % 12 + 1)

    def month_of(self, moment: dt.datetime) -> tuple[int, int]:
        """The local (year, month) an instant falls in."""
        local = moment.astimezone(self.zone)
        return local.year, local.month
