"""The fast `bd` progress count gives exactly what stepping day by day gives."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from slatui.clock import _nth_business_day, business_day_progress, business_ticks_between
from slatui.workcal import WorkCalendar, to_ticks

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
