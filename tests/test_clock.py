"""The rules of the clock (DESIGN.md §4), checked against values worked out by hand.

Unless a test says otherwise the calendar is OFFICE: Mon–Fri 09:00–17:00 in
America/New_York with US public holidays. US daylight saving in 2024 starts
Sun 2024-03-10 (02:00 EST -> 03:00 EDT, a 23-hour day) and ends Sun 2024-11-03
(02:00 EDT -> 01:00 EST, a 25-hour day).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slatui.clock import (
    deadline,
    describe_elapsed,
    elapsed,
    elapsed_business_days,
    format_elapsed,
    is_before,
)
from slatui.contract.model import Contract
from slatui.contract.types import TimeRange
from slatui.duration import Duration
from slatui.workcal import WorkCalendar, localize

NY = ZoneInfo("America/New_York")
UTC = dt.UTC
MON_FRI = ["mon", "tue", "wed", "thu", "fri"]
EVERY_DAY = [*MON_FRI, "sat", "sun"]
HOUR = 3600

OFFICE = WorkCalendar.build("America/New_York", MON_FRI, ["09:00-17:00"], holidays="US")
SPLIT = WorkCalendar.build("America/New_York", MON_FRI, ["09:00-12:00", "13:00-17:00"])
SHORT_FRIDAY = WorkCalendar.build(
    "America/New_York", MON_FRI, ["09:00-17:00"], hours_by_day={"fri": ["09:00-13:00"]}
)
NIGHT = WorkCalendar.build("America/New_York", EVERY_DAY, ["00:00-04:00"])
ALWAYS = WorkCalendar.build("America/New_York", EVERY_DAY, ["00:00-24:00"])


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A New York wall time as a real instant (first occurrence when repeated)."""
    return localize(dt.datetime(year, month, day, hour, minute), NY)


def due(cal: WorkCalendar, start: dt.datetime, text: str) -> dt.datetime:
    return deadline(cal, start, Duration.parse(text))


def utc(instant: dt.datetime) -> dt.datetime:
    """Compare instants in UTC: aware datetimes of one zone compare by wall time."""
    return instant.astimezone(UTC)


def real_seconds(start: dt.datetime, end: dt.datetime) -> float:
    return (utc(end) - utc(start)).total_seconds()


# -- the brief's worked examples ---------------------------------------------------


def test_five_business_days_from_monday_is_next_monday_same_time() -> None:
    # Tue, Wed, Thu, Fri, Mon are the five following working days; same 10:00
    # local time, now in EDT because the clocks changed on Sunday.
    result = due(OFFICE, at(2024, 3, 4, 10), "5bd")
    assert utc(result) == utc(at(2024, 3, 11, 10))
    assert result.utcoffset() == dt.timedelta(hours=-4)


def test_five_business_days_from_thursday_afternoon() -> None:
    # Fri 8, Mon 11, Tue 12, Wed 13, Thu 14 -> Thu 14 at 16:30.
    assert utc(due(OFFICE, at(2024, 3, 7, 16, 30), "5bd")) == utc(at(2024, 3, 14, 16, 30))


def test_two_business_days_from_friday_skip_the_weekend() -> None:
    # Mon 4 is the first, Tue 5 the second working day after Fri 1.
    assert utc(due(OFFICE, at(2024, 3, 1, 15), "2bd")) == utc(at(2024, 3, 5, 15))


def test_48_hours_are_wall_clock_hours() -> None:
    # 48 real hours, weekend or not: Fri 15:00 -> Sun 15:00 (no DST change).
    assert utc(due(OFFICE, at(2024, 3, 1, 15), "48h")) == utc(at(2024, 3, 3, 15))


def test_saturday_lead_answered_monday_ten_is_one_business_hour() -> None:
    # The clock starts at the next working instant, Mon 09:00; 09:00-10:00 = 1 bh.
    assert elapsed(OFFICE, at(2024, 3, 9, 14), at(2024, 3, 11, 10), "bh") == 3600


# -- spring forward (Sun 2024-03-10) ----------------------------------------------


def test_24h_across_spring_forward_is_24_real_hours() -> None:
    # Sat 12:00 EST is 17:00Z; +24 real hours is Sun 17:00Z = 13:00 EDT, because
    # Sat noon -> Sun noon is only 23 real hours.
    result = due(OFFICE, at(2024, 3, 9, 12), "24h")
    assert utc(result) == utc(at(2024, 3, 10, 13))
    assert real_seconds(at(2024, 3, 9, 12), result) == 24 * HOUR


def test_1d_across_spring_forward_is_same_local_time_23_real_hours() -> None:
    # Same wall time the next day: Sun 12:00 EDT (16:00Z), 23 real hours later.
    result = due(OFFICE, at(2024, 3, 9, 12), "1d")
    assert (result.hour, result.minute, result.date()) == (12, 0, dt.date(2024, 3, 10))
    assert real_seconds(at(2024, 3, 9, 12), result) == 23 * HOUR


def test_1d_landing_in_the_skipped_hour_shifts_to_the_end_of_the_gap() -> None:
    # Sun 02:30 does not exist (02:00 EST jumps to 03:00 EDT): the deadline is
    # the first instant the wall clock has passed 02:30, i.e. 03:00 EDT = 07:00Z.
    # Sat 02:30 EST is 07:30Z, so 23.5 real hours pass.
    result = due(OFFICE, at(2024, 3, 9, 2, 30), "1d")
    assert utc(result) == dt.datetime(2024, 3, 10, 7, 0, tzinfo=UTC)
    assert (result.hour, result.minute) == (3, 0)
    assert real_seconds(at(2024, 3, 9, 2, 30), result) == 23.5 * HOUR


def test_business_hours_over_the_spring_forward_weekend() -> None:
    # Fri 16:00-17:00 is 1 bh, Mon 09:00-10:00 EDT the second. The weekend (and
    # its DST change) contribute nothing. Real time: Fri 21:00Z -> Mon 14:00Z = 65 h.
    start = at(2024, 3, 8, 16)
    result = due(OFFICE, start, "2bh")
    assert utc(result) == utc(at(2024, 3, 11, 10))
    assert elapsed(OFFICE, start, result, "h") == 65 * HOUR


def test_window_containing_spring_forward_has_three_real_hours() -> None:
    # NIGHT works 00:00-04:00 every day. On Sun 03-10 that wall window runs from
    # 00:00 EST (05:00Z) to 04:00 EDT (08:00Z): 3 real hours.
    sunday = dt.date(2024, 3, 10)
    [(start, end)] = NIGHT.windows_on(sunday)
    assert real_seconds(start, end) == 3 * HOUR
    assert elapsed(NIGHT, at(2024, 3, 10), at(2024, 3, 10, 4), "bh") == 3 * HOUR
    # 3 bh from midnight end exactly at the window's end, 04:00 EDT ...
    assert utc(due(NIGHT, at(2024, 3, 10), "3bh")) == utc(at(2024, 3, 10, 4))
    # ... and a 4th hour is Mon 00:00-01:00.
    assert utc(due(NIGHT, at(2024, 3, 10), "4bh")) == utc(at(2024, 3, 11, 1))


# -- fall back (Sun 2024-11-03) -----------------------------------------------------


def test_24h_across_fall_back_is_24_real_hours() -> None:
    # Sat 12:00 EDT = 16:00Z; +24 h = Sun 16:00Z = 11:00 EST (Sat noon -> Sun
    # noon is 25 real hours).
    assert utc(due(OFFICE, at(2024, 11, 2, 12), "24h")) == utc(at(2024, 11, 3, 11))


def test_1d_across_fall_back_is_same_local_time_25_real_hours() -> None:
    result = due(OFFICE, at(2024, 11, 2, 12), "1d")
    assert (result.hour, result.date()) == (12, dt.date(2024, 11, 3))
    assert real_seconds(at(2024, 11, 2, 12), result) == 25 * HOUR


def test_1d_landing_in_the_repeated_hour_takes_its_first_occurrence() -> None:
    # Sun 01:30 happens twice; fold=0 picks 01:30 EDT (05:30Z), 24 real hours
    # after Sat 01:30 EDT.
    result = due(OFFICE, at(2024, 11, 2, 1, 30), "1d")
    assert utc(result) == dt.datetime(2024, 11, 3, 5, 30, tzinfo=UTC)
    assert result.utcoffset() == dt.timedelta(hours=-4)


def test_business_hours_over_the_fall_back_weekend() -> None:
    # Fri 11-01 16:00-17:00 EDT is 1 bh, Mon 11-04 09:00-10:00 EST the second.
    assert utc(due(OFFICE, at(2024, 11, 1, 16), "2bh")) == utc(at(2024, 11, 4, 10))


def test_window_containing_fall_back_has_five_real_hours() -> None:
    # 00:00 EDT (04:00Z) to 04:00 EST (09:00Z): the wall clock gives 5 hours.
    [(start, end)] = NIGHT.windows_on(dt.date(2024, 11, 3))
    assert real_seconds(start, end) == 5 * HOUR
    assert elapsed(NIGHT, at(2024, 11, 3), at(2024, 11, 3, 4), "bh") == 5 * HOUR
    assert utc(due(NIGHT, at(2024, 11, 3), "5bh")) == utc(at(2024, 11, 3, 4))


# -- holidays ----------------------------------------------------------------------


def test_memorial_day_is_not_a_working_day() -> None:
    assert OFFICE.is_holiday(dt.date(2024, 5, 27))
    assert not OFFICE.is_working_day(dt.date(2024, 5, 27))
    assert OFFICE.windows_on(dt.date(2024, 5, 27)) == []
    assert OFFICE.is_working_day(dt.date(2024, 5, 28))


def test_business_hours_skip_memorial_day() -> None:
    # Fri 05-24 16:00-17:00 = 1 bh; Sat, Sun, Mon (holiday) = 0; Tue 09-10 = 1 bh.
    assert utc(due(OFFICE, at(2024, 5, 24, 16), "2bh")) == utc(at(2024, 5, 28, 10))


def test_business_day_skips_memorial_day() -> None:
    # The working day after Fri 05-24 is Tue 05-28; same time 10:00.
    assert utc(due(OFFICE, at(2024, 5, 24, 10), "1bd")) == utc(at(2024, 5, 28, 10))


def test_clock_started_on_a_holiday_starts_next_working_morning() -> None:
    # Started Mon 05-27 11:00 (Memorial Day): rolls to Tue 09:00.
    start = at(2024, 5, 27, 11)
    assert utc(OFFICE.next_working_instant(start)) == utc(at(2024, 5, 28, 9))
    assert utc(due(OFFICE, start, "1bh")) == utc(at(2024, 5, 28, 10))
    # 1bd: Tue 09:00 rolled start, same time on the next working day, Wed.
    assert utc(due(OFFICE, start, "1bd")) == utc(at(2024, 5, 29, 9))


def test_labor_day_weekend_elapsed() -> None:
    # Fri 08-30 17:00 (closed) -> Tue 09-03 09:30; Mon 09-02 is Labor Day: 30 bm.
    assert elapsed(OFFICE, at(2024, 8, 30, 17), at(2024, 9, 3, 9, 30), "bm") == 1800


def test_extra_holidays_are_days_off() -> None:
    # Wed 2024-03-06 declared off: Tue 16:00-17:00 = 1 bh, Thu 09:00-10:00 = 1 bh.
    cal = WorkCalendar.build(
        "America/New_York", MON_FRI, ["09:00-17:00"], extra_holidays=[dt.date(2024, 3, 6)]
    )
    assert cal.is_holiday(dt.date(2024, 3, 6))
    assert utc(due(cal, at(2024, 3, 5, 16), "2bh")) == utc(at(2024, 3, 7, 10))
    assert utc(due(cal, at(2024, 3, 5, 10), "1bd")) == utc(at(2024, 3, 7, 10))


def test_new_year_across_the_year_boundary() -> None:
    # Tue 2024-12-31 16:00-17:00 = 1 bh; Wed 2025-01-01 is a holiday; Thu 09-10.
    assert utc(due(OFFICE, at(2024, 12, 31, 16), "2bh")) == utc(at(2025, 1, 2, 10))


def test_elapsed_over_two_whole_years() -> None:
    # 2024: 262 weekdays (leap year starting Monday: 52 weeks + Mon, Tue) minus
    # 11 US holidays, all on weekdays = 251. 2025: 261 weekdays (52 weeks + Wed)
    # minus 11 weekday holidays = 250. 501 days x 8 h.
    seconds = elapsed(OFFICE, at(2024, 1, 1), at(2026, 1, 1), "bh")
    assert seconds == 501 * 8 * HOUR


# -- split shifts, window ends, late starts -------------------------------------------


def test_split_shift_lunch_break_does_not_count() -> None:
    # 11:30-12:00 = 30 bm, lunch 12:00-13:00 = 0, 13:00-13:30 = 30 bm.
    assert utc(due(SPLIT, at(2024, 3, 4, 11, 30), "1bh")) == utc(at(2024, 3, 4, 13, 30))
    # Started during lunch: counts from 13:00.
    assert utc(due(SPLIT, at(2024, 3, 4, 12, 15), "1bh")) == utc(at(2024, 3, 4, 14))
    # 11:00 -> 14:00 is 11-12 plus 13-14.
    assert elapsed(SPLIT, at(2024, 3, 4, 11), at(2024, 3, 4, 14), "bh") == 2 * HOUR
    assert len(SPLIT.windows_on(dt.date(2024, 3, 4))) == 2


def test_amount_ending_at_a_window_end_is_due_at_that_end() -> None:
    # 09:00 + 8bh uses Monday's whole window: due Mon 17:00, not Tue 09:00.
    assert utc(due(OFFICE, at(2024, 3, 4, 9), "8bh")) == utc(at(2024, 3, 4, 17))
    # 11:00 + 1bh on the split shift: due at 12:00, the start of lunch, not 13:00.
    assert utc(due(SPLIT, at(2024, 3, 4, 11), "1bh")) == utc(at(2024, 3, 4, 12))


def test_a_window_end_is_not_working_time() -> None:
    # At 17:00 the day is over: the next working instant is Tue 09:00.
    assert utc(OFFICE.next_working_instant(at(2024, 3, 4, 17))) == utc(at(2024, 3, 5, 9))
    assert utc(OFFICE.next_working_instant(at(2024, 3, 4, 9))) == utc(at(2024, 3, 4, 9))
    assert utc(due(OFFICE, at(2024, 3, 4, 17), "1bh")) == utc(at(2024, 3, 5, 10))


def test_clock_started_at_1659_runs_into_the_next_morning() -> None:
    # 16:59-17:00 = 1 bm; the remaining 59 bm run Tue 09:00-09:59.
    assert utc(due(OFFICE, at(2024, 3, 4, 16, 59), "1bh")) == utc(at(2024, 3, 5, 9, 59))


def test_business_day_from_a_rolled_start() -> None:
    # Started Sat 14:00: rolls to Mon 09:00; +1bd = Tue 09:00.
    assert utc(due(OFFICE, at(2024, 3, 9, 14), "1bd")) == utc(at(2024, 3, 12, 9))
    # Started in lunch 12:30: rolls to 13:00; +1bd = Tue 13:00.
    assert utc(due(SPLIT, at(2024, 3, 4, 12, 30), "1bd")) == utc(at(2024, 3, 5, 13))


def test_long_durations_jump_windows() -> None:
    # Fri 03-01 15:00 + 500bh: 2 h on Friday, then 498 h = 62 full days + 2 h.
    # Working days from Mon 03-04: March 20, April 22, May 1-24 18 (60), Mon 05-27
    # is Memorial Day, Tue 28 and Wed 29 make 62; Thu 05-30 09:00 + 2 h = 11:00.
    assert utc(due(OFFICE, at(2024, 3, 1, 15), "500bh")) == utc(at(2024, 5, 30, 11))
    # 20bd from Mon 03-04: 19 days to Fri 03-29 ... Mon 04-01 is the 20th.
    assert utc(due(OFFICE, at(2024, 3, 4, 10), "20bd")) == utc(at(2024, 4, 1, 10))
    # 90d from 2024-01-10 10:00 EST is 2024-04-09 10:00 EDT (31-10+29+31+9 = 90).
    assert utc(due(OFFICE, at(2024, 1, 10, 10), "90d")) == utc(at(2024, 4, 9, 10))


# -- per-day overrides and the bd clamping rule ----------------------------------------


def test_short_friday_counts_only_its_own_hours() -> None:
    # Fri 12:00-13:00 = 1 bh (Friday ends at 13:00); Mon 09:00-10:00 the second.
    assert utc(due(SHORT_FRIDAY, at(2024, 3, 8, 12), "2bh")) == utc(at(2024, 3, 11, 10))
    assert elapsed(SHORT_FRIDAY, at(2024, 3, 8, 9), at(2024, 3, 8, 17), "bh") == 4 * HOUR


def test_bd_inside_the_target_days_hours_keeps_the_time() -> None:
    # Thu 10:00 + 1bd: Fri 10:00 is inside Friday's 09:00-13:00.
    assert utc(due(SHORT_FRIDAY, at(2024, 3, 7, 10), "1bd")) == utc(at(2024, 3, 8, 10))


def test_bd_after_the_target_days_last_window_clamps_to_its_end() -> None:
    # Thu 15:00 + 1bd: Fri 15:00 is after Friday's only window, so the deadline
    # is the end of that window, Fri 13:00 (still on the 1st working day).
    assert utc(due(SHORT_FRIDAY, at(2024, 3, 7, 15), "1bd")) == utc(at(2024, 3, 8, 13))


def test_bd_before_the_target_days_window_clamps_to_its_start() -> None:
    # Monday afternoons only (13:00-17:00): Fri 10:00 + 1bd -> Mon 10:00 is before
    # Monday's window, so the deadline is the next working instant that day, 13:00.
    cal = WorkCalendar.build(
        "America/New_York", MON_FRI, ["09:00-17:00"], hours_by_day={"mon": ["13:00-17:00"]}
    )
    assert utc(due(cal, at(2024, 3, 8, 10), "1bd")) == utc(at(2024, 3, 11, 13))


def test_bd_landing_in_the_target_days_lunch_clamps_to_the_afternoon() -> None:
    # Thu works 09-17, Fri 09-12 + 13-17. Thu 12:30 + 1bd -> Fri 12:30 is lunch,
    # so the next working instant that day: Fri 13:00.
    cal = WorkCalendar.build(
        "America/New_York",
        MON_FRI,
        ["09:00-17:00"],
        hours_by_day={"fri": ["09:00-12:00", "13:00-17:00"]},
    )
    assert utc(due(cal, at(2024, 3, 7, 12, 30), "1bd")) == utc(at(2024, 3, 8, 13))


def test_empty_override_makes_a_day_off() -> None:
    # Wednesday off: Tue 10:00 + 1bd = Thu 10:00.
    cal = WorkCalendar.build("America/New_York", MON_FRI, ["09:00-17:00"], hours_by_day={"wed": []})
    assert not cal.is_working_day(dt.date(2024, 3, 6))
    assert utc(due(cal, at(2024, 3, 5, 10), "1bd")) == utc(at(2024, 3, 7, 10))


def test_override_for_a_day_not_in_days_makes_it_a_working_day() -> None:
    # Saturday 10:00-14:00 given explicitly: Fri 16:00-17:00 = 1 bh, Sat 10-11 the 2nd.
    cal = WorkCalendar.build(
        "America/New_York", MON_FRI, ["09:00-17:00"], hours_by_day={"sat": ["10:00-14:00"]}
    )
    assert utc(due(cal, at(2024, 3, 8, 16), "2bh")) == utc(at(2024, 3, 9, 11))


# -- a 24/7 calendar ---------------------------------------------------------------------


def test_always_open_business_hours_equal_real_hours() -> None:
    # Every second is working time: 48bh = 48h, windows meet at midnight.
    assert utc(due(ALWAYS, at(2024, 3, 1, 15), "48bh")) == utc(at(2024, 3, 3, 15))
    assert utc(due(ALWAYS, at(2024, 3, 2, 23), "2bh")) == utc(at(2024, 3, 3, 1))
    # Across spring forward: Sat 12:00 + 24bh = Sun 13:00 EDT, like 24h.
    assert utc(due(ALWAYS, at(2024, 3, 9, 12), "24bh")) == utc(at(2024, 3, 10, 13))
    # Sunday 03-10 itself has only 23 business hours.
    assert elapsed(ALWAYS, at(2024, 3, 10), at(2024, 3, 11), "bh") == 23 * HOUR


def test_always_open_business_day_keeps_local_time_across_dst() -> None:
    # Sat 12:00 + 1bd = Sun 12:00 EDT, the same local time, 23 real hours later.
    result = due(ALWAYS, at(2024, 3, 9, 12), "1bd")
    assert utc(result) == utc(at(2024, 3, 10, 12))
    assert real_seconds(at(2024, 3, 9, 12), result) == 23 * HOUR


# -- elapsed: negatives, whole units and business days -----------------------------------


def test_elapsed_backwards_is_the_negative_of_forwards() -> None:
    # Time left until a deadline turns negative once it has passed.
    start, end = at(2024, 3, 9, 14), at(2024, 3, 11, 10)
    assert elapsed(OFFICE, end, start, "bh") == -3600
    assert elapsed(OFFICE, end, start, "h") == -43 * HOUR


def test_elapsed_wall_units_count_real_seconds() -> None:
    # Sat 14:00 EST (19:00Z) -> Mon 10:00 EDT (14:00Z): 43 real hours; d and m agree.
    start, end = at(2024, 3, 9, 14), at(2024, 3, 11, 10)
    for unit in ("h", "m", "d"):
        assert elapsed(OFFICE, start, end, unit) == 43 * HOUR


def test_elapsed_bd_counts_business_seconds() -> None:
    # Mon 10:00 -> Tue 12:00: 7 h Monday + 3 h Tuesday.
    assert elapsed(OFFICE, at(2024, 3, 4, 10), at(2024, 3, 5, 12), "bd") == 10 * HOUR


def test_elapsed_business_days_whole_and_fractional() -> None:
    monday = at(2024, 3, 4, 10)
    # Exactly the 5bd deadline: 5 whole business days.
    assert elapsed_business_days(OFFICE, monday, at(2024, 3, 11, 10)) == 5
    # 4 of the next step's 8 business hours (Mon 10:00 -> Tue 10:00) have passed.
    assert elapsed_business_days(OFFICE, monday, at(2024, 3, 11, 14)) == Fraction(11, 2)
    # Mon 10:00 -> Tue 12:00: 1 step, then 2 of 8 bh.
    assert elapsed_business_days(OFFICE, monday, at(2024, 3, 5, 12)) == Fraction(5, 4)
    # Within a weekend nothing has started yet.
    assert elapsed_business_days(OFFICE, at(2024, 3, 9, 10), at(2024, 3, 10, 20)) == 0
    # Backwards is negative.
    assert elapsed_business_days(OFFICE, at(2024, 3, 5, 12), monday) == Fraction(-5, 4)


def test_elapsed_business_days_with_a_short_step() -> None:
    # SHORT_FRIDAY, Thu 10:00 -> Fri 12:00: the step Thu 10:00 -> Fri 10:00 is 1,
    # the next step Fri 10:00 -> Mon 10:00 has 3 bh (Fri 10-13) + 1 bh (Mon 09-10)
    # = 4 bh, of which Fri 10:00-12:00 = 2 have passed: 1 + 2/4.
    result = elapsed_business_days(SHORT_FRIDAY, at(2024, 3, 7, 10), at(2024, 3, 8, 12))
    assert result == Fraction(3, 2)


def test_elapsed_rejects_unknown_units_and_naive_times() -> None:
    with pytest.raises(ValueError, match="not a unit"):
        elapsed(OFFICE, at(2024, 3, 4), at(2024, 3, 5), "hours")
    with pytest.raises(ValueError, match="no time zone"):
        due(OFFICE, dt.datetime(2024, 3, 4, 10), "1bh")


# -- display -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "unit", "text"),
    [
        (3600, "bh", "1 business hour"),
        (9000, "bh", "2 business hours 30 business minutes"),
        (93600, "h", "26 hours"),
        (5400, "h", "1 hour 30 minutes"),
        (5400, "m", "90 minutes"),
        (61, "m", "1 minute 1 second"),
        (1800, "bm", "30 business minutes"),
        (0, "bh", "0 business hours"),
        (0, "m", "0 minutes"),
        (-3600, "h", "-1 hour"),
        (93600, "d", "26 hours"),
        (36000, "bd", "10 business hours"),
    ],
)
def test_format_elapsed(seconds: int, unit: str, text: str) -> None:
    assert format_elapsed(seconds, unit) == text


def test_describe_elapsed_counts_whole_days_with_the_calendar() -> None:
    # 1bd step Mon 10:00 -> Tue 10:00, then Tue 10:00-12:00.
    text = describe_elapsed(OFFICE, at(2024, 3, 4, 10), at(2024, 3, 5, 12), "bd")
    assert text == "1 business day 2 business hours"
    assert describe_elapsed(OFFICE, at(2024, 3, 4, 10), at(2024, 3, 11, 10), "bd") == (
        "5 business days"
    )
    assert describe_elapsed(OFFICE, at(2024, 3, 9), at(2024, 3, 10), "bd") == "0 business days"
    # d: Sat 12:00 -> Mon 12:00 is 2 calendar days (47 real hours), then 3 h more.
    text = describe_elapsed(OFFICE, at(2024, 3, 9, 12), at(2024, 3, 11, 15), "d")
    assert text == "2 calendar days 3 hours"
    assert describe_elapsed(OFFICE, at(2024, 3, 9, 12), at(2024, 3, 10, 12), "d") == (
        "1 calendar day"
    )
    # Less than a day is shown in hours; backwards gets a minus.
    assert describe_elapsed(OFFICE, at(2024, 3, 9, 12), at(2024, 3, 10, 11), "d") == "22 hours"
    assert describe_elapsed(OFFICE, at(2024, 3, 11, 10), at(2024, 3, 9, 14), "bh") == (
        "-1 business hour"
    )


# -- the calendar itself -----------------------------------------------------------------


def test_describe_the_plain_office() -> None:
    assert OFFICE.describe() == "Mon–Fri 09:00–17:00 America/New_York, US public holidays excluded"


def test_describe_overrides_and_extra_holidays() -> None:
    cal = WorkCalendar.build(
        "America/New_York",
        MON_FRI,
        ["09:00-17:00"],
        hours_by_day={"fri": ["09:00-13:00"]},
        holidays="US",
        extra_holidays=[dt.date(2024, 12, 31), dt.date(2024, 12, 24)],
    )
    assert cal.describe() == (
        "Mon–Thu 09:00–17:00, Fri 09:00–13:00 America/New_York, "
        "US public holidays and 2024-12-24, 2024-12-31 excluded"
    )


def test_describe_split_shifts_scattered_days_and_no_holidays() -> None:
    cal = WorkCalendar.build("Europe/Berlin", ["mon", "wed", "fri"], ["13:00-17:00", "09:00-12:00"])
    assert (
        cal.describe()
        == "Mon, Wed, Fri 09:00–12:00 and 13:00–17:00 Europe/Berlin, no holidays excluded"
    )
    two = WorkCalendar.build(
        "UTC", ["mon", "tue", "sun"], ["00:00-24:00"], extra_holidays=[dt.date(2024, 1, 1)]
    )
    assert two.describe() == "Mon, Tue, Sun 00:00–24:00 UTC, 2024-01-01 excluded"


def test_overlapping_and_touching_hours_are_merged() -> None:
    cal = WorkCalendar.build("UTC", ["mon"], ["13:00-17:00", "09:00-12:00", "11:00-13:00"])
    assert cal.weekly[0] == ((9 * 60, 17 * 60),)


def test_build_accepts_time_ranges_and_from_contract_reads_the_calendar() -> None:
    built = WorkCalendar.build("America/New_York", MON_FRI, [TimeRange(540, 1020)], holidays="US")
    contract = Contract.model_validate(
        {
            "format": 1,
            "agreement": {
                "title": "t",
                "effective": dt.date(2024, 1, 1),
                "timezone": "America/New_York",
                "marketing": {"owner": "m"},
                "sales": {"owner": "s"},
            },
            "calendar": {
                "days": MON_FRI,
                "hours": ["09:00-17:00"],
                "holidays": "US",
                "hours_by_day": {"fri": ["09:00-13:00"]},
            },
            "tiers": [{"id": "t1", "name": "Tier 1"}],
        }
    )
    from_contract = WorkCalendar.from_contract(contract)
    assert built == OFFICE
    assert from_contract.zone == NY
    assert from_contract.weekly[4] == ((540, 780),)
    assert from_contract == WorkCalendar.from_calendar(contract.calendar, "America/New_York")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"timezone": "America/NewYork"}, "not an IANA time zone"),
        ({"days": ["monday", "funday"]}, "not a weekday"),
        ({"holidays": "XX"}, "not a country"),
        ({"hours": ["17:00-09:00"]}, "ends before it starts"),
        ({"days": ["mon"], "hours_by_day": {"mon": []}}, "no working time"),
    ],
)
def test_build_refuses_unusable_calendars(kwargs: dict[str, object], message: str) -> None:
    values: dict[str, object] = {"timezone": "UTC", "days": MON_FRI, "hours": ["09:00-17:00"]}
    values.update(kwargs)
    with pytest.raises(ValueError, match=message):
        WorkCalendar.build(**values)  # type: ignore[arg-type]


def test_searches_give_up_when_holidays_eat_every_working_day() -> None:
    # Mondays only, and every Monday of 2024-2028 is an extra holiday: rather
    # than loop, the search stops after 3 years with a clear error.
    mondays = [dt.date(2024, 1, 1) + dt.timedelta(weeks=n) for n in range(5 * 53)]
    cal = WorkCalendar.build("UTC", ["mon"], ["09:00-17:00"], extra_holidays=mondays)
    start = dt.datetime(2024, 1, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match="no working time"):
        cal.next_working_instant(start)
    with pytest.raises(ValueError, match="no working time"):
        deadline(cal, start, Duration.parse("1bh"))
    with pytest.raises(ValueError, match="no working time"):
        cal.add_working_days(start.date(), 1)


def test_windows_are_aware_and_in_the_calendar_zone() -> None:
    [(start, end)] = OFFICE.windows_on(dt.date(2024, 3, 4))
    assert start.tzinfo == NY and (start.hour, end.hour) == (9, 17)
    assert OFFICE.windows_on(dt.date(2024, 3, 9)) == []
    assert OFFICE.working_weekdays == frozenset(range(5))


def test_localize_resolves_gaps_and_repeats() -> None:
    # 02:30 on 03-10 is skipped: the end of the gap, 03:00 EDT.
    gap = localize(dt.datetime(2024, 3, 10, 2, 30), NY)
    assert (gap.hour, gap.minute, gap.utcoffset()) == (3, 0, dt.timedelta(hours=-4))
    # 01:30 on 11-03 happens twice: the first, in EDT.
    repeat = localize(dt.datetime(2024, 11, 3, 1, 30), NY)
    assert repeat.utcoffset() == dt.timedelta(hours=-4)


# -- properties ----------------------------------------------------------------------------

CALENDARS = st.sampled_from([OFFICE, SPLIT, SHORT_FRIDAY, NIGHT, ALWAYS])
STARTS = st.datetimes(
    min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2025, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=200, deadline=None)
@given(cal=CALENDARS, start=STARTS, minutes=st.integers(min_value=1, max_value=60 * 300))
def test_elapsed_inverts_deadline_for_business_minutes(
    cal: WorkCalendar, start: dt.datetime, minutes: int
) -> None:
    due_at = deadline(cal, start, Duration.parse(f"{minutes}bm"))
    assert elapsed(cal, start, due_at, "bm") == minutes * 60


@settings(max_examples=200, deadline=None)
@given(
    cal=CALENDARS,
    start=STARTS,
    amount=st.integers(min_value=1, max_value=40),
    more=st.integers(min_value=1, max_value=40),
    unit=st.sampled_from(["bh", "bd", "h", "d"]),
)
def test_deadline_is_monotone_in_the_amount(
    cal: WorkCalendar, start: dt.datetime, amount: int, more: int, unit: str
) -> None:
    sooner = deadline(cal, start, Duration.parse(f"{amount}{unit}"))
    later = deadline(cal, start, Duration.parse(f"{amount + more}{unit}"))
    assert utc(start) <= utc(sooner) < utc(later)


@settings(max_examples=100, deadline=None)
@given(cal=CALENDARS, start=STARTS, days=st.integers(min_value=1, max_value=30))
def test_elapsed_business_days_inverts_the_bd_deadline(
    cal: WorkCalendar, start: dt.datetime, days: int
) -> None:
    due_at = deadline(cal, start, Duration.parse(f"{days}bd"))
    assert elapsed_business_days(cal, start, due_at) == days


@settings(max_examples=100, deadline=None)
@given(cal=CALENDARS, start=STARTS, end=STARTS, unit=st.sampled_from(["bh", "bm", "h", "bd"]))
def test_elapsed_is_antisymmetric(
    cal: WorkCalendar, start: dt.datetime, end: dt.datetime, unit: str
) -> None:
    assert elapsed(cal, start, end, unit) == -elapsed(cal, end, start, unit)


def _minute_by_minute(cal: WorkCalendar, start: dt.datetime, minutes: int) -> dt.datetime:
    """A slow, obvious reference: step real minutes, count those whose local wall
    time lies in a window of a working day (fine for calendars whose window
    edges avoid the DST hours)."""
    now = start
    while minutes:
        local = now.astimezone(cal.zone)
        wall = local.hour * 60 + local.minute
        spans = () if cal.is_holiday(local.date()) else cal.weekly[local.weekday()]
        if any(begin <= wall < end for begin, end in spans):
            minutes -= 1
        now += dt.timedelta(minutes=1)
    return now


@settings(max_examples=40, deadline=None)
@given(
    cal=st.sampled_from([OFFICE, SPLIT, SHORT_FRIDAY]),
    start=STARTS.map(lambda t: t.replace(second=0, microsecond=0)),
    minutes=st.integers(min_value=1, max_value=1500),
)
def test_deadline_matches_a_minute_by_minute_reference(
    cal: WorkCalendar, start: dt.datetime, minutes: int
) -> None:
    expected = _minute_by_minute(cal, start, minutes)
    assert utc(deadline(cal, start, Duration.parse(f"{minutes}bm"))) == expected


def test_the_repeated_hour_is_ordered_by_real_time() -> None:
    # On 11-03, 01:30 EDT (05:30Z) comes 40 minutes *before* 01:10 EST (06:10Z),
    # although its wall time is later; Python compares same-zone datetimes by
    # wall time, the clock must not.
    first = dt.datetime(2024, 11, 3, 1, 30, tzinfo=NY, fold=0)
    second = dt.datetime(2024, 11, 3, 1, 10, tzinfo=NY, fold=1)
    assert is_before(first, second)
    assert elapsed(ALWAYS, first, second, "bm") == 40 * 60
    assert describe_elapsed(ALWAYS, first, second, "d") == "40 minutes"
    assert elapsed_business_days(ALWAYS, first, second) > 0
