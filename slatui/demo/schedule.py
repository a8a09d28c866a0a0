"""Calendar walks the generator repeats: weeks, months, a working day in a range.

Kept apart from `timing` (which is about instants) because these are about
the story's calendar: which weeks the history spans, which working days a
month of it has, what "the second Tuesday" is.
"""

from __future__ import annotations

import datetime as dt
import random

from slatui.demo.world import World


def weeks(world: World) -> list[list[dt.date]]:
    """The ISO weeks from the history's start to the pilot's last day, as their days."""
    dates = world.dates
    monday = dates.history_start - dt.timedelta(days=dates.history_start.weekday())
    found: list[list[dt.date]] = []
    while monday <= dates.last_day:
        days = [monday + dt.timedelta(days=i) for i in range(7)]
        inside = [d for d in days if dates.history_start <= d <= dates.last_day]
        if inside:
            found.append(inside)
        monday += dt.timedelta(weeks=1)
    return found


def month_days(world: World, index: int) -> list[dt.date]:
    """The days of the story's `index`-th month that fall inside the story."""
    year, month = world.dates.months[index]
    first = dt.date(year, month, 1)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    low = max(first, world.dates.history_start)
    high = min(last, world.dates.last_day)
    return list(world.time.days(low, high)) if low <= high else []


def working(world: World, days: list[dt.date]) -> list[dt.date]:
    """The working days among `days`."""
    return [d for d in days if world.time.is_working(d)]


def month_window(world: World, index: int, first: int, last: int) -> list[dt.date]:
    """The working days from day `first` to day `last` of the story's `index`-th month."""
    return [d for d in working(world, month_days(world, index)) if first <= d.day <= last]


def nth_weekday(world: World, index: int, weekday: int, nth: int) -> dt.date | None:
    """The `nth` (1-based) given weekday of a month, moved to a working day; None
    when it falls outside the story."""
    days = [d for d in month_days(world, index) if d.weekday() == weekday]
    if len(days) < nth:
        return None
    day = world.time.working_day_on_or_after(days[nth - 1])
    return day if day <= world.dates.last_day else None


def last_working(world: World, days: list[dt.date]) -> dt.date | None:
    """The last working day among `days` (a week's report day), if any."""
    found = working(world, days)
    return found[-1] if found else None


def pick_day(rng: random.Random, days: list[dt.date]) -> dt.date:
    """One of `days`; they must not be empty."""
    return days[rng.randrange(len(days))]


def binomial(rng: random.Random, trials: int, chance: float) -> int:
    """How many of `trials` independent chances came up: a small count per week."""
    return sum(rng.random() < chance for _ in range(trials))
