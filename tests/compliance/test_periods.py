"""Periods (DESIGN §4), checked against values worked out by hand.

Calendar facts the tests lean on, each checkable with a paper calendar:

- 2026-01-01 is a Thursday; 2026 is not a leap year (365 days = 52 weeks + 1
  day), so 2027-01-01 is a Friday.
- An ISO week belongs to the year of its Thursday; week 1 is the week holding
  the year's first Thursday. A year has 53 ISO weeks when it starts on a
  Thursday (or is a leap year starting on a Wednesday): 2026 does, 2027 does not.
- US daylight saving in 2026 starts Sun 2026-03-08 (02:00 EST -> 03:00 EDT, a
  23-hour day) and ends Sun 2026-11-01 (02:00 EDT -> 01:00 EST, a 25-hour
  day: 01:00–02:00 is lived twice). EDT is UTC-4, EST is UTC-5.
- The sample pilot starts Mon 2026-11-02 and lasts 4 weeks: it ends (exclusive)
  at Mon 2026-11-30 00:00, one day before December.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slatui.compliance.periods import (
    BadPeriod,
    Period,
    clip,
    elapsed_share,
    parse_period,
    period_containing,
    periods_overlapping,
    pilot_period,
    state,
)
from slatui.contract.model import Pilot
from slatui.workcal import from_ticks, localize, to_ticks

NY = ZoneInfo("America/New_York")
UTC = dt.UTC
HOUR = dt.timedelta(hours=1)
TICK = dt.timedelta(microseconds=1)
PILOT = Pilot(start=dt.date(2026, 11, 2), weeks=4)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A New York wall time as a real instant (first occurrence when repeated)."""
    return localize(dt.datetime(year, month, day, hour, minute), NY)


def bounds(period: Period) -> tuple[str, str]:
    """The bounds as ISO strings with offsets: compares instants and offsets both."""
    return period.start.isoformat(), period.end.isoformat()


# --- ISO weeks --------------------------------------------------------------


def test_week_1_of_2027_starts_on_monday_4_january() -> None:
    # 2027-01-01 is a Friday, so the first Thursday is Jan 7 and week 1 runs
    # Mon Jan 4 – Mon Jan 11; Fri Jan 1 – Sun Jan 3 still belong to 2026's W53.
    week = period_containing("week", at(2027, 1, 7, 12), NY)
    assert week.label == "2027-W01"
    assert bounds(week) == ("2027-01-04T00:00:00-05:00", "2027-01-11T00:00:00-05:00")
    assert period_containing("week", at(2027, 1, 3, 23, 59), NY).label == "2026-W53"


def test_week_1_of_2026_starts_in_december_2025() -> None:
    # 2026-01-01 is a Thursday, so its week (Mon 2025-12-29 – Mon 2026-01-05) is
    # week 1 of 2026, and 2025-12-29 is labelled with ISO year 2026.
    week = period_containing("week", at(2025, 12, 29), NY)
    assert week.label == "2026-W01"
    assert bounds(week) == ("2025-12-29T00:00:00-05:00", "2026-01-05T00:00:00-05:00")


def test_2026_has_53_iso_weeks_and_2027_has_52() -> None:
    # 2026 starts on a Thursday: 53 weeks, the last Mon 2026-12-28 – Mon 2027-01-04,
    # which is where 2027-W01 starts. 2027 starts on a Friday: 52 weeks only.
    w53 = parse_period("2026-W53", NY)
    assert bounds(w53) == ("2026-12-28T00:00:00-05:00", "2027-01-04T00:00:00-05:00")
    assert w53.next().label == "2027-W01"
    assert parse_period("2027-W52", NY).next().label == "2028-W01"
    with pytest.raises(BadPeriod, match="no ISO week 53 in 2027, which has 52 weeks"):
        parse_period("2027-W53", NY)


def test_the_week_the_clocks_go_back_lasts_169_real_hours() -> None:
    # 2026-W44 runs Mon Oct 26 00:00 EDT (04:00Z) – Mon Nov 2 00:00 EST (05:00Z).
    # On Sun Nov 1 the wall clock goes from 02:00 back to 01:00, so the hour
    # 01:00–02:00 is lived twice: 7 × 24 h + 1 h = 169 real hours, not 168.
    week = period_containing("week", at(2026, 10, 28), NY)
    assert week.label == "2026-W44"
    assert bounds(week) == ("2026-10-26T00:00:00-04:00", "2026-11-02T00:00:00-05:00")
    assert week.duration == 169 * HOUR
    # The second 01:30 (fold=1, EST) is in the week too, as is the first.
    assert week.contains(dt.datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NY))


def test_the_week_the_clocks_go_forward_lasts_167_real_hours() -> None:
    # 2026-W10 runs Mon Mar 2 00:00 EST (05:00Z) – Mon Mar 9 00:00 EDT (04:00Z);
    # 02:00–03:00 on Sun Mar 8 never happens: 7 × 24 h − 1 h = 167 real hours.
    week = parse_period("2026-W10", NY)
    assert bounds(week) == ("2026-03-02T00:00:00-05:00", "2026-03-09T00:00:00-04:00")
    assert week.duration == 167 * HOUR


# --- months and quarters ----------------------------------------------------


def test_a_month_whose_midnight_is_skipped_starts_after_the_gap() -> None:
    # Paraguay sprang forward on Sun 2023-10-01 at 00:00 (-04:00 -> -03:00), so
    # October's first instant is 01:00-03:00 (04:00Z). September is 30 × 24 =
    # 720 h; October 31 × 24 − 1 = 743 h.
    zone = ZoneInfo("America/Asuncion")
    october = parse_period("2023-10", zone)
    assert bounds(october) == ("2023-10-01T01:00:00-03:00", "2023-11-01T00:00:00-03:00")
    assert october.duration == 743 * HOUR
    assert october.previous().duration == 720 * HOUR


def test_a_midnight_lived_twice_starts_the_month_at_its_first_occurrence() -> None:
    # St John's fell back on Sun 2009-11-01 at 00:01 NDT (-02:30, 02:31Z) to
    # Sat Oct 31 23:01 NST (-03:30). November begins at the first 00:00 NDT
    # (02:30Z); Oct 31 23:30 NST (03:00Z), though its wall date is October, is
    # after that and falls in November. October keeps 31 × 24 = 744 h; November
    # gets the repeated hour: 30 × 24 + 1 = 721 h.
    zone = ZoneInfo("America/St_Johns")
    repeated = dt.datetime(2009, 11, 1, 3, 0, tzinfo=UTC)
    assert repeated.astimezone(zone).isoformat() == "2009-10-31T23:30:00-03:30"
    november = period_containing("month", repeated, zone)
    assert november.label == "2009-11"
    assert bounds(november) == ("2009-11-01T00:00:00-02:30", "2009-12-01T00:00:00-03:30")
    assert november.duration == 721 * HOUR
    assert november.previous().duration == 744 * HOUR


def test_november_2026_in_new_york_has_721_hours() -> None:
    # Nov 1 00:00 EDT (04:00Z) – Dec 1 00:00 EST (05:00Z): 30 days and the
    # repeated hour of Nov 1, 30 × 24 + 1 = 721 hours.
    month = period_containing("month", at(2026, 11, 15), NY)
    assert month.label == "2026-11"
    assert month.as_json() == {
        "label": "2026-11",
        "start": "2026-11-01T00:00:00-04:00",
        "end": "2026-12-01T00:00:00-05:00",
    }
    assert month.duration == 721 * HOUR


def test_march_2026_in_new_york_has_743_hours() -> None:
    # 31 days less the hour skipped on Mar 8: 31 × 24 − 1 = 743 hours.
    month = parse_period("2026-03", NY)
    assert bounds(month) == ("2026-03-01T00:00:00-05:00", "2026-04-01T00:00:00-04:00")
    assert month.duration == 743 * HOUR


def test_an_instant_given_in_utc_falls_in_the_new_york_month() -> None:
    # 2026-12-01T04:59:59.999999Z is Nov 30 23:59:59.999999 EST: still November;
    # 05:00Z is Dec 1 00:00 EST, the first instant of December.
    november = parse_period("2026-11", NY)
    last = dt.datetime(2026, 12, 1, 4, 59, 59, 999_999, tzinfo=UTC)
    assert november.contains(last)
    assert not november.contains(last + TICK)
    assert period_containing("month", last + TICK, NY).label == "2026-12"


def test_calendar_quarters_in_new_york() -> None:
    # Q4 2026 = Oct 1 00:00 EDT – Jan 1 00:00 EST: 31 + 30 + 31 = 92 days and one
    # repeated hour = 2209 h. Q1 2026 = Jan 1 – Apr 1: 31 + 28 + 31 = 90 days
    # less the skipped hour of Mar 8 = 2159 h.
    q4 = period_containing("quarter", at(2026, 11, 2), NY)
    assert q4.label == "2026-Q4"
    assert bounds(q4) == ("2026-10-01T00:00:00-04:00", "2027-01-01T00:00:00-05:00")
    assert q4.duration == 2209 * HOUR
    q1 = parse_period("2026-Q1", NY)
    assert bounds(q1) == ("2026-01-01T00:00:00-05:00", "2026-04-01T00:00:00-04:00")
    assert q1.duration == 2159 * HOUR
    assert q4.next().label == "2027-Q1"
    assert q1.previous().label == "2025-Q4"


def test_fiscal_quarters_starting_in_april() -> None:
    # fiscal_year_start = 4: FY2027 (named after the year it ends in) runs
    # 2026-04-01 – 2027-04-01. Q1 Apr–Jun 2026, Q2 Jul–Sep, Q3 Oct–Dec 2026,
    # Q4 Jan–Mar 2027; 2027-04-01 00:00 starts FY2028-Q1.
    nov = period_containing("quarter", at(2026, 11, 15), NY, 4)
    assert nov.label == "FY2027-Q3"
    assert bounds(nov) == ("2026-10-01T00:00:00-04:00", "2027-01-01T00:00:00-05:00")
    feb = period_containing("quarter", at(2027, 2, 10), NY, 4)
    assert feb.label == "FY2027-Q4"
    assert bounds(feb) == ("2027-01-01T00:00:00-05:00", "2027-04-01T00:00:00-04:00")
    assert period_containing("quarter", at(2027, 4, 1) - TICK, NY, 4) == feb
    fy2028 = period_containing("quarter", at(2027, 4, 1), NY, 4)
    assert fy2028.label == "FY2028-Q1"
    assert feb.next() == fy2028
    assert parse_period("FY2027-Q1", NY, 4).start == at(2026, 4, 1)


def test_fiscal_quarters_starting_in_february_straddle_the_new_year() -> None:
    # fiscal_year_start = 2: FY2027 runs 2026-02-01 – 2027-02-01; its Q4 is
    # Nov 2026 – Jan 2027 (months 10–12 of the fiscal year), so Nov 15 and
    # Jan 20 are in the same quarter.
    q4 = period_containing("quarter", at(2026, 11, 15), NY, 2)
    assert q4.label == "FY2027-Q4"
    assert bounds(q4) == ("2026-11-01T00:00:00-04:00", "2027-02-01T00:00:00-05:00")
    assert period_containing("quarter", at(2027, 1, 20), NY, 2) == q4


def test_weeks_and_months_ignore_the_fiscal_year() -> None:
    # Only quarters depend on fiscal_year_start; the same week compares equal.
    assert period_containing("week", at(2026, 11, 4), NY, 4) == parse_period("2026-W45", NY)
    assert period_containing("month", at(2026, 11, 4), NY, 7) == parse_period("2026-11", NY)


# --- labels -----------------------------------------------------------------


def test_labels_are_read_whatever_their_case_and_blanks() -> None:
    assert parse_period(" 2026-w45 ", NY).label == "2026-W45"
    assert parse_period("2026-W45", NY).start == at(2026, 11, 2)
    assert parse_period("fy2027-q3", NY, 4).label == "FY2027-Q3"


def test_a_fiscal_label_in_a_january_year_is_the_calendar_quarter() -> None:
    # With fiscal_year_start = 1, FY2026 is calendar 2026: FY2026-Q4 is 2026-Q4.
    assert parse_period("FY2026-Q4", NY) == parse_period("2026-Q4", NY)
    assert parse_period("FY2026-Q4", NY).label == "2026-Q4"


@pytest.mark.parametrize(
    ("text", "fys", "reason"),
    [
        ("2026-13", 1, "no month 13"),
        ("2026-00", 1, "no month 0"),
        ("2026-W00", 1, "no ISO week 0 in 2026, which has 53 weeks"),
        ("2026-W54", 1, "no ISO week 54 in 2026, which has 53 weeks"),
        ("2026-Q5", 1, r"no quarter 5 \(quarters are Q1–Q4\)"),
        ("Nov 2026", 1, "not a period label"),
        ("2026", 1, "not a period label"),
        ("0001-01", 1, "year 1 is outside 1900–9998"),
        ("week", 1, '"week" is a granularity'),
        ("pilot", 1, r"resolved from the contract's \[pilot\] dates"),
        # 2026-10-01 falls in the fiscal quarter Oct–Dec 2026 = FY2027-Q3.
        ("2026-Q4", 4, "starts in April, so quarters are fiscal; 2026-10-01 is in FY2027-Q3"),
    ],
)
def test_bad_labels_say_what_is_wrong_and_what_is_accepted(
    text: str, fys: int, reason: str
) -> None:
    with pytest.raises(BadPeriod, match=reason) as caught:
        parse_period(text, NY, fys)
    message = str(caught.value)
    assert message.startswith(f'"{text}": ')
    quarter = "2026-Q4" if fys == 1 else "FY2027-Q1"
    assert message.endswith(
        f'a period is an ISO week "2026-W45", a month "2026-11" or a quarter "{quarter}"'
    )


def test_bad_period_is_a_value_error() -> None:
    assert issubclass(BadPeriod, ValueError)


def test_granularity_and_fiscal_year_start_are_checked() -> None:
    with pytest.raises(ValueError, match="not one of week, month, quarter"):
        period_containing("pilot", at(2026, 11, 2), NY)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="fiscal_year_start is a month, 1–12, not 13"):
        period_containing("quarter", at(2026, 11, 2), NY, 13)


# --- state and elapsed share --------------------------------------------------


def test_state_at_the_exact_bounds() -> None:
    # End is exclusive: Dec 1 00:00 EST closes November; one microsecond before
    # it November is still current. Nov 1 00:00 EDT is November's first instant.
    november = parse_period("2026-11", NY)
    assert state(november, at(2026, 11, 1) - TICK) == "future"
    assert state(november, at(2026, 11, 1)) == "current"
    assert state(november, at(2026, 12, 1) - TICK) == "current"
    assert state(november, at(2026, 12, 1)) == "closed"


def test_elapsed_share_counts_real_hours_in_a_dst_month() -> None:
    # Nov 16 00:00 EST is 15 days after Nov 1 00:00 EDT plus the repeated hour:
    # 15 × 24 + 1 = 361 of the month's 721 hours, not 15/30 = 1/2.
    november = parse_period("2026-11", NY)
    assert elapsed_share(november, at(2026, 11, 16)) == Fraction(361, 721)
    # The second 01:30 on Nov 1 (EST): 00:00–01:00 EDT, 01:00 EDT–01:00 EST,
    # then half an hour = 2.5 h of 721 h = 5/1442.
    second = dt.datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NY)
    assert elapsed_share(november, second) == Fraction(5, 1442)


def test_elapsed_share_is_0_before_and_1_after() -> None:
    november = parse_period("2026-11", NY)
    assert elapsed_share(november, at(2026, 10, 20)) == 0
    assert elapsed_share(november, at(2026, 12, 1)) == 1
    assert elapsed_share(november, at(2027, 6, 1)) == 1


# --- the pilot and partial periods ------------------------------------------


def test_the_sample_pilot_as_a_period() -> None:
    # Mon Nov 2 00:00 EST – Mon Nov 30 00:00 EST: 28 days after the clocks went
    # back, so exactly 28 × 24 = 672 hours.
    pilot = pilot_period(PILOT, NY)
    assert (pilot.kind, pilot.label) == ("pilot", "pilot")
    assert bounds(pilot) == ("2026-11-02T00:00:00-05:00", "2026-11-30T00:00:00-05:00")
    assert pilot.duration == 672 * HOUR
    with pytest.raises(ValueError, match="no next or previous"):
        pilot.next()


def test_prorate_scales_november_by_its_real_hours_inside_the_pilot() -> None:
    # November has 721 real hours (the repeated hour of Nov 1 is before the
    # pilot), the pilot 672 of them: share = 672/721 = (7 × 96)/(7 × 103)
    # = 96/103 ≈ 0.932, not 28/30 = 14/15 ≈ 0.933. A 2-per-month target
    # becomes 2 × 96/103 = 192/103.
    pilot = pilot_period(PILOT, NY)
    part = clip(parse_period("2026-11", NY), pilot.start, pilot.end, "prorate")
    assert part is not None
    assert part.share == Fraction(96, 103)
    assert part.share != Fraction(14, 15)
    assert part.cut
    assert (part.start.isoformat(), part.end.isoformat()) == bounds(pilot)
    assert part.scale(2) == Fraction(192, 103)


def test_prorate_a_half_month_without_dst_halves_the_target() -> None:
    # June 2026 has 30 days and no clock change: 720 h; a window from June 16
    # to July 1 covers 15 × 24 = 360 h, half: a 2-per-month target is 1.
    june = parse_period("2026-06", NY)
    part = clip(june, at(2026, 6, 16), at(2026, 8, 1), "prorate")
    assert part is not None
    assert part.share == Fraction(1, 2)
    assert part.scale(2) == 1
    assert part.end == june.end


def test_exclude_drops_november_but_keeps_the_pilots_whole_weeks() -> None:
    # The pilot cuts November at both ends, so November is not judged; the four
    # weeks W45–W48 (Nov 2 – Nov 30) lie wholly inside it and are kept whole.
    pilot = pilot_period(PILOT, NY)
    assert clip(parse_period("2026-11", NY), pilot.start, pilot.end, "exclude") is None
    weeks = periods_overlapping("week", pilot.start, pilot.end, NY)
    assert [week.label for week in weeks] == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    for week in weeks:
        part = clip(week, pilot.start, pilot.end, "exclude")
        assert part is not None
        assert (part.share, part.cut, part.start, part.end) == (
            Fraction(1),
            False,
            week.start,
            week.end,
        )


def test_count_keeps_the_full_target_over_the_clipped_bounds() -> None:
    # November counted in full (share 1, a 2-per-month target stays 2) but only
    # over the pilot's days, Nov 2 – Nov 30.
    pilot = pilot_period(PILOT, NY)
    part = clip(parse_period("2026-11", NY), pilot.start, pilot.end, "count")
    assert part is not None
    assert (part.share, part.cut) == (Fraction(1), True)
    assert (part.start.isoformat(), part.end.isoformat()) == bounds(pilot)
    assert part.scale(2) == 2


@pytest.mark.parametrize("rule", ["prorate", "exclude", "count"])
def test_periods_that_only_touch_the_pilot_are_outside_it(rule: str) -> None:
    # W44 ends at Nov 2 00:00 exactly where the pilot starts, W49 starts at
    # Nov 30 00:00 exactly where it ends, and December begins after it: none
    # shares an instant with [Nov 2, Nov 30), so none is judged.
    pilot = pilot_period(PILOT, NY)
    for label in ("2026-W44", "2026-W49", "2026-12", "2026-10"):
        assert clip(parse_period(label, NY), pilot.start, pilot.end, rule) is None  # type: ignore[arg-type]


def test_prorate_in_the_quarter() -> None:
    # Q4 2026 has 2209 real hours (see the quarter test); the pilot 672: 672/2209
    # (2209 = 47², 672 = 2⁵·3·7: nothing cancels).
    pilot = pilot_period(PILOT, NY)
    part = clip(parse_period("2026-Q4", NY), pilot.start, pilot.end, "prorate")
    assert part is not None
    assert part.share == Fraction(672, 2209)


def test_periods_overlapping_the_pilot_by_granularity() -> None:
    pilot = pilot_period(PILOT, NY)
    assert [p.label for p in periods_overlapping("month", pilot.start, pilot.end, NY)] == [
        "2026-11"
    ]
    # One microsecond more reaches into W49 (Mon Nov 30).
    overlapping = periods_overlapping("week", pilot.start, pilot.end + TICK, NY)
    assert overlapping[-1].label == "2026-W49"
    assert periods_overlapping("quarter", pilot.start, pilot.start, NY) == []
    with pytest.raises(ValueError, match="before it starts"):
        periods_overlapping("week", pilot.end, pilot.start, NY)


def test_clip_rejects_an_empty_window_and_unknown_rules() -> None:
    november = parse_period("2026-11", NY)
    with pytest.raises(ValueError, match="must end after it starts"):
        clip(november, november.end, november.start, "prorate")
    with pytest.raises(ValueError, match="must end after it starts"):
        clip(november, november.start, november.start, "prorate")
    with pytest.raises(ValueError, match="not one of prorate, exclude, count"):
        clip(november, november.start, november.end, "pro-rate")  # type: ignore[arg-type]


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="must end after it starts"):
        Period("month", "2026-11", at(2026, 12, 1), at(2026, 11, 1))


# --- properties -------------------------------------------------------------

# Zones chosen for what breaks naive period code: midnights that do not exist
# (Santiago, São Paulo, Asunción, Beirut and Havana change at 00:00), changes
# at 00:01 that repeat the evening before (St John's until 2011), a skipped
# day (Apia lost 2011-12-30), half-hour changes (Lord Howe), changes twice a
# year around Ramadan (Casablanca), a half-hour offset (Kolkata), and UTC.
ZONES = st.sampled_from(
    [
        ZoneInfo(name)
        for name in (
            "America/New_York",
            "America/St_Johns",
            "America/Santiago",
            "America/Sao_Paulo",
            "America/Asuncion",
            "Asia/Beirut",
            "America/Havana",
            "Pacific/Apia",
            "Australia/Lord_Howe",
            "Africa/Casablanca",
            "Asia/Kolkata",
            "Asia/Tehran",
            "UTC",
        )
    ]
)
KINDS = st.sampled_from(["week", "month", "quarter"])
FISCAL = st.integers(min_value=1, max_value=12)
_LOW, _HIGH = (
    to_ticks(dt.datetime(1971, 1, 1, tzinfo=UTC)),
    to_ticks(dt.datetime(2100, 1, 1, tzinfo=UTC)),
)
TICKS = st.integers(min_value=_LOW, max_value=_HIGH)


@st.composite
def instants(draw: st.DrawFn) -> tuple[ZoneInfo, dt.datetime]:
    """A zone and an instant, often within two hours of a local midnight."""
    zone = draw(ZONES)
    ticks = draw(TICKS)
    if draw(st.booleans()):
        day = from_ticks(ticks, zone).date()
        midnight = to_ticks(localize(dt.datetime.combine(day, dt.time()), zone))
        ticks = midnight + draw(st.integers(min_value=-2 * 3600, max_value=2 * 3600)) * 10**6
    return zone, from_ticks(ticks, zone)


@settings(max_examples=300, deadline=None)
@given(where=instants(), kind=KINDS, fys=FISCAL)
def test_every_instant_is_in_exactly_one_period_of_each_kind(
    where: tuple[ZoneInfo, dt.datetime], kind: str, fys: int
) -> None:
    zone, instant = where
    period = period_containing(kind, instant, zone, fys)  # type: ignore[arg-type]
    assert period.contains(instant)
    assert not period.previous().contains(instant)
    assert not period.next().contains(instant)
    # The same instant seen from UTC lands in the same period.
    assert period_containing(kind, instant.astimezone(UTC), zone, fys) == period  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(where=instants(), kind=KINDS, fys=FISCAL)
def test_next_and_previous_are_inverse_and_periods_tile(
    where: tuple[ZoneInfo, dt.datetime], kind: str, fys: int
) -> None:
    zone, instant = where
    period = period_containing(kind, instant, zone, fys)  # type: ignore[arg-type]
    assert period.previous().next() == period
    assert period.next().previous() == period
    # No gap and no overlap: each period starts at the very instant the one
    # before it ends (compared in ticks, not by wall time).
    assert to_ticks(period.next().start) == to_ticks(period.end)
    assert to_ticks(period.previous().end) == to_ticks(period.start)
    # Every label reads back as its period.
    assert parse_period(period.label, zone, fys) == period


@settings(max_examples=200, deadline=None)
@given(where=instants(), kind=KINDS, fys=FISCAL, length=st.integers(1, 400 * 86400 * 10**6))
def test_prorated_parts_add_up_to_the_window(
    where: tuple[ZoneInfo, dt.datetime], kind: str, fys: int, length: int
) -> None:
    zone, start = where
    end = from_ticks(to_ticks(start) + length, zone)
    periods = periods_overlapping(kind, start, end, zone, fys)  # type: ignore[arg-type]
    assert periods[0].contains(start)
    # (a tick before `end` computed in ticks: `end - TICK` would be wall-clock arithmetic)
    assert periods[-1].contains(from_ticks(to_ticks(end) - 1, zone))
    covered = Fraction(0)
    for period in periods:
        part = clip(period, start, end, "prorate")
        assert part is not None
        covered += part.share * (to_ticks(period.end) - to_ticks(period.start))
        assert to_ticks(part.end) - to_ticks(part.start) == part.share * (
            to_ticks(period.end) - to_ticks(period.start)
        )
    # The parts of the periods inside the window are exactly the window.
    assert covered == length
