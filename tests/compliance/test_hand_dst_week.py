"""The week US daylight saving ends: wall-clock hours, calendar days, business hours, a week.

Fixture: tests/fixtures/compliance/dst_week/. America/New_York goes from EDT
(UTC-4) to EST (UTC-5) on Sun 2026-11-01 at 02:00 EDT, which becomes 01:00
EST: the local hour 01:00-02:00 is lived twice, and that Sunday has 25 real
hours. The calendar works Mon-Fri 09:00-17:00 and, on Sundays only, a night
shift 00:00-04:00 (hours_by_day): on 1 November that shift lasts 5 real hours
(00:00 EDT = 04:00 UTC to 04:00 EST = 09:00 UTC).

Three requests and one SAL, each on its own commitment:

- R1 content_request Sat 10-31 12:00 EDT -> delivered Sun 11-01 11:30 EST (24h);
- Q1 account_inquiry Sat 10-31 12:00 EDT -> answered Sun 11-01 11:30 EST (1d);
- S1 sal_notified Sat 10-31 20:00 EDT -> call Sun 11-01 03:30 EST (4bh).

ISO week 2026-W44 is [Mon 10-26 00:00 EDT, Mon 11-02 00:00 EST): 169 real hours.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .hand import Workspace, build, commitment, instant, ny

AFTER = "2026-11-03T00:00"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return build(tmp_path, "dst_week")


def test_24_wall_clock_hours_are_24_real_hours_across_the_change(ws: Workspace) -> None:
    (r1,) = ws.items("mkt-content-24h", AFTER).values()
    # Sat 12:00 EDT = 16:00 UTC; + 24 real hours = Sun 16:00 UTC = 11:00 EST (the
    # wall clock shows 23 hours later, because 01:00-02:00 was lived twice).
    assert instant(r1["deadline"]) == ny(2026, 11, 1, 11)
    # Delivered Sun 11:30 EST = 16:30 UTC: 24.5 real hours, late.
    assert (r1["state"], r1["elapsed"]) == ("late", "24.5h")


def test_one_calendar_day_is_the_same_local_time_next_day(ws: Workspace) -> None:
    (q1,) = ws.items("mkt-inquiry-1d", AFTER).values()
    # 1d: the same local time one day later, Sun 12:00 EST = 17:00 UTC (25 real
    # hours). Answered 11:30 EST: on time. Elapsed on the wall clock: Sat 12:00 ->
    # Sun 11:30 is 23.5 local hours, 23.5/24 = 0.979 -> "0.98d".
    assert instant(q1["deadline"]) == ny(2026, 11, 1, 12)
    assert (q1["state"], q1["elapsed"]) == ("on_time", "0.98d")


def test_business_hours_count_the_real_hours_of_a_lengthened_window(ws: Workspace) -> None:
    (s1,) = ws.items("sales-contact-4bh", AFTER).values()
    # Saturday is not a working day, so the clock starts at the next working
    # instant, Sun 00:00 EDT = 04:00 UTC. The Sunday window 00:00-04:00 holds 5
    # real hours on 1 November; 4bh are the first 4 of them: 04:00 + 4h = 08:00 UTC
    # = 03:00 EST (counting wall hours would have said 04:00 EST, the window's end).
    assert instant(s1["start"]) == ny(2026, 10, 31, 20)
    assert instant(s1["deadline"]) == ny(2026, 11, 1, 3)
    # The call at 03:30 EST = 08:30 UTC is 4.5 real hours into the window: late.
    assert (s1["state"], s1["elapsed"]) == ("late", "4.5bh")


def test_the_dst_week_as_a_judged_period(ws: Workspace) -> None:
    report = ws.compliance(AFTER, "2026-W44")
    impressions = commitment(report, "mkt-impressions")
    # 2026-W44 runs from Mon 10-26 00:00 EDT to Mon 11-02 00:00 EST.
    assert impressions["period"] == {
        "label": "2026-W44",
        "start": "2026-10-26T00:00:00-04:00",
        "end": "2026-11-02T00:00:00-05:00",
    }
    # A monthly min of 744 judged over a week is prorated by real duration: the
    # week has 7 x 24 + 1 = 169 real hours, October (where the week starts) 31 x 24
    # = 744 (its DST change is the week's, at 1 Nov, after October ends): 744 x
    # 169/744 = 169. Impressions in the week: 100 (Mon 10-26) + 60 (the first 01:30,
    # EDT) + 9 (the second 01:30, EST) = 169; the 500 of Mon 11-02 00:00 EST are the
    # next week's. 169 >= 169: met.
    assert (impressions["status"], impressions["actual"], impressions["target"]) == (
        "met",
        169.0,
        169.0,
    )
    # The three response items all started in the week: R1 late, Q1 on time, S1 late.
    assert commitment(report, "mkt-content-24h")["status"] == "missed"
    assert commitment(report, "mkt-inquiry-1d")["status"] == "met"
    assert commitment(report, "sales-contact-4bh")["actual"] == 0.0
    # The pilot is that one week: the same figures.
    pilot = commitment(ws.compliance(AFTER, "pilot"), "mkt-impressions")
    assert (pilot["period"]["start"], pilot["period"]["end"]) == (
        "2026-10-26T00:00:00-04:00",
        "2026-11-02T00:00:00-05:00",
    )
    assert (pilot["status"], pilot["actual"], pilot["target"]) == ("met", 169.0, 169.0)
