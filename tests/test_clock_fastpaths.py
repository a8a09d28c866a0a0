"""The clock's fast paths give exactly what the plain rules give: the `bd` progress
count what stepping day by day gives, ticks what datetimes give."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slatui.clock import (
    BusinessOrigin,
    _nth_business_day,
    add_business_ticks,
    business_day_progress,
    business_ticks_between,
    calendar_days_later,
    deadline,
    deadline_ticks,
    elapsed_business_days,
)
from slatui.compliance.engagement import touch_bound
from slatui.duration import Duration
from slatui.workcal import (
    TICKS_PER_SECOND,
    WorkCalendar,
    from_ticks,
    localize,
    localize_ticks,
    to_ticks,
)

_CALENDARS = (
    WorkCalendar.build("America/New_York", ["Mon", "Tue", "Wed", "Thu", "Fri"], ["09:00-17:00"]),
    WorkCalendar.build(
        "Europe/Berlin",
        ["Mon", "Tue", "Wed", "Thu"],
        ["08:00-12:00", "13:00-17:30"],
        hours_by_day={"Fri": ["09:00-13:00"], "Sat": ["01:30-03:30"]},
        holidays="DE",
    ),
    WorkCalendar.build(
        "America/New_York", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], ["00:00-24:00"]
    ),
    WorkCalendar.build(
        "Australia/Lord_Howe",
        ["Mon", "Wed", "Fri"],
        ["01:00-02:30", "22:00-24:00"],
        extra_holidays=[dt.date(2026, 4, 6), dt.date(2026, 12, 25)],
    ),
)

_UTC = dt.UTC
_instants = st.datetimes(
    min_value=dt.datetime(2025, 12, 1), max_value=dt.datetime(2027, 2, 1), timezones=st.just(_UTC)
)


def _stepping(cal: WorkCalendar, start: dt.datetime, end: dt.datetime) -> tuple[int, int, int]:
    """The rule as first written: step one `bd` at a time."""
    origin = cal.next_working_instant(start)
    limit, low = to_ticks(end), to_ticks(origin)
    if limit <= low:
        return 0, 0, 0
    whole = 0
    while True:
        high = to_ticks(_nth_business_day(cal, origin, whole + 1))
        if high > limit:
            return (
                whole,
                business_ticks_between(cal, low, limit),
                business_ticks_between(cal, low, high),
            )
        whole, low = whole + 1, high


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(range(len(_CALENDARS))), _instants, _instants)
def test_progress_matches_stepping(index: int, start: dt.datetime, end: dt.datetime) -> None:
    cal = _CALENDARS[index]
    assert business_day_progress(cal, start, end) == _stepping(cal, start, end)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(range(len(_CALENDARS))),
    _instants,
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=-2, max_value=2),
)
def test_progress_at_deadlines(index: int, start: dt.datetime, days: int, nudge: int) -> None:
    cal = _CALENDARS[index]
    origin = cal.next_working_instant(start)
    end = _nth_business_day(cal, origin, days) + dt.timedelta(microseconds=nudge)
    assert business_day_progress(cal, start, end) == _stepping(cal, start, end)


# -- the fast paths of the clock's primitives give what the plain rules give ------------

_ZONES = (
    "America/New_York",
    "Europe/Dublin",  # negative DST in the tz database
    "Australia/Lord_Howe",  # half-hour DST
    "Pacific/Apia",  # skipped a whole day (2011-12-30)
    "Pacific/Kiritimati",  # +14
    "Etc/GMT+12",  # -12
    "America/Santiago",  # changes at midnight
)


def _slow_local_year(cal: WorkCalendar, ticks: int) -> int:
    return from_ticks(ticks, cal.zone).year


@pytest.mark.parametrize("zone", _ZONES)
def test_localize_ticks_is_localize_around_every_change(zone: str) -> None:
    tz = ZoneInfo(zone)
    checked = 0
    for year in (2011, 2026, 2027):
        wall = dt.datetime(year, 1, 1)
        while wall.year == year:
            if tz.utcoffset(wall) != tz.utcoffset(wall + dt.timedelta(days=1)) or wall.day == 1:
                for minutes in range(0, 2 * 24 * 60, 7):  # the change's two days, minute steps
                    moment = wall + dt.timedelta(minutes=minutes, microseconds=minutes)
                    assert localize_ticks(moment, tz) == to_ticks(localize(moment, tz)), moment
                    checked += 1
            wall += dt.timedelta(days=1)
    assert checked


@pytest.mark.parametrize("zone", _ZONES)
def test_local_year_at_year_ends(zone: str) -> None:
    cal = WorkCalendar.build(zone, ["Mon"], ["09:00-17:00"])
    for year in (2025, 2026, 2027):
        edge = to_ticks(dt.datetime(year, 1, 1, tzinfo=_UTC))
        for hours in range(-30, 31):
            for nudge in (-1, 0, 1):
                ticks = edge + hours * 3600 * TICKS_PER_SECOND + nudge
                assert cal.local_year(ticks) == _slow_local_year(cal, ticks)
    assert len(cal._year_spans) <= 16


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(range(len(_CALENDARS))), _instants, st.integers(1, 12))
def test_deadline_ticks_is_deadline(index: int, start: dt.datetime, amount: int) -> None:
    cal = _CALENDARS[index]
    for unit in ("m", "h", "d", "bm", "bh", "bd"):
        duration = Duration.parse(f"{amount}{unit}")
        assert deadline_ticks(cal, to_ticks(start), duration) == to_ticks(
            deadline(cal, start, duration)
        )


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(range(len(_CALENDARS))), _instants, _instants)
def test_business_origin_is_elapsed_business_days(
    index: int, start: dt.datetime, end: dt.datetime
) -> None:
    cal = _CALENDARS[index]
    origin = BusinessOrigin(cal, cal.next_working_ticks(to_ticks(start)))
    whole, done, step = _stepping(cal, start, end)
    plain = whole + (Fraction(done, step) if step else Fraction(0))
    if to_ticks(end) >= to_ticks(start):
        assert origin.elapsed_days(to_ticks(end)) == plain
        assert elapsed_business_days(cal, start, end) == plain
    assert origin.step(3) == to_ticks(_nth_business_day(cal, origin.local, 3))


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(range(len(_CALENDARS))),
    _instants,
    st.integers(1, 100),
    st.sampled_from(("m", "h", "d", "bm", "bh", "bd")),
)
def test_no_touch_from_the_bound_on_is_due(
    index: int, limit: dt.datetime, amount: int, unit: str
) -> None:
    """The engagement rules leave touches from `touch_bound` on unread: none is due."""
    cal = _CALENDARS[index]
    after = Duration.parse(f"{amount}{unit}")
    bound, edge = touch_bound(after, to_ticks(limit)), to_ticks(limit)
    for back in (0, 1, 3600 * TICKS_PER_SECOND, 86_400 * TICKS_PER_SECOND):
        touch = bound + back
        assert deadline_ticks(cal, touch, after) > edge


@pytest.mark.parametrize("zone", _ZONES)
def test_calendar_days_later_is_localize_of_the_wall_time(zone: str) -> None:
    cal = WorkCalendar.build(zone, ["Mon"], ["09:00-17:00"])
    start = dt.datetime(2026, 1, 1, tzinfo=_UTC)
    while start < dt.datetime(2027, 1, 1, tzinfo=_UTC):
        for days in (0, 1, 30, 90):
            fast = calendar_days_later(cal, start, days)
            wall = start.astimezone(cal.zone).replace(tzinfo=None) + dt.timedelta(days=days)
            plain = localize(wall, cal.zone)
            assert (fast, fast.fold, repr(fast)) == (plain, plain.fold, repr(plain))
        start += dt.timedelta(minutes=173)


@pytest.mark.parametrize("zone", _ZONES)
def test_calendar_days_later_of_a_wall_time_given_in_the_zone(zone: str) -> None:
    """A start given in the zone itself keeps its wall time, fold 1 and skipped times too."""
    cal = WorkCalendar.build(zone, ["Mon"], ["09:00-17:00"])
    tz = cal.zone
    checked = 0
    for year in (2011, 2026):
        wall = dt.datetime(year, 1, 1)
        while wall.year == year:
            if tz.utcoffset(wall) != tz.utcoffset(wall + dt.timedelta(days=1)) or wall.day == 1:
                for minutes in range(0, 2 * 24 * 60, 11):
                    for fold in (0, 1):
                        moment = wall + dt.timedelta(minutes=minutes, microseconds=minutes)
                        start = moment.replace(tzinfo=tz, fold=fold)
                        for days in (0, 1, 2, 30):
                            fast = calendar_days_later(cal, start, days)
                            plain = localize(moment + dt.timedelta(days=days), tz)
                            assert (fast, fast.fold, repr(fast)) == (
                                plain,
                                plain.fold,
                                repr(plain),
                            ), (start, days)
                            checked += 1
            wall += dt.timedelta(days=1)
    assert checked


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(range(len(_CALENDARS))), _instants, st.integers(0, 80 * 3600))
def test_elapsed_days_worked_is_elapsed_days(index: int, start: dt.datetime, seconds: int) -> None:
    """What a response item measures: the instant `worked` working ticks from the
    origin, in business days, from the ticks it knows, as `elapsed_days` counts it."""
    cal = _CALENDARS[index]
    origin = BusinessOrigin(cal, cal.next_working_ticks(to_ticks(start)))
    for worked in (seconds * TICKS_PER_SECOND, seconds * TICKS_PER_SECOND + 1):
        if worked == 0:
            continue
        reached = add_business_ticks(cal, origin.ticks, worked)
        assert business_ticks_between(cal, origin.ticks, reached) == worked
        fresh = BusinessOrigin(cal, origin.ticks)
        assert origin.elapsed_days_worked(reached, worked) == fresh.elapsed_days(reached)
    for days in range(4):  # right at the step deadlines, where the dates decide
        step = origin.step(days) if days else origin.ticks
        worked = business_ticks_between(cal, origin.ticks, step)
        fresh = BusinessOrigin(cal, origin.ticks)
        assert origin.elapsed_days_worked(step, worked) == fresh.elapsed_days(step)
