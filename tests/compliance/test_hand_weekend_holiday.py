"""A response clock across a weekend and a holiday, in business hours and in business days.

Fixture: tests/fixtures/compliance/weekend_holiday/. Calendar Mon-Fri
09:00-17:00 America/New_York (EST, UTC-5, all through these dates), US public
holidays (Thu 2026-11-26 is Thanksgiving) and the declared extra holiday Fri
2026-11-27. Two commitments judge the same tier-2 SALs: `contact-4bh`
(within 4bh, warn 1bh) and `contact-2bd` (within 2bd); both have an overdue
escalation after 48 wall-clock hours. A working day holds 8bh.

The items (lead: SAL notified -> first sales touch):

- L1 Fri 11-20 16:00 -> call Mon 11-23 11:00 (an ordinary weekend);
- L2 Sat 11-21 14:00 -> meeting Mon 11-23 13:30 (starts outside working time);
- L4 Tue 11-24 16:00 -> never answered (runs into Thanksgiving);
- L3 Wed 11-25 15:00 -> e-mail Mon 11-30 11:30 (across Thanksgiving, the
  declared Friday and the weekend).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .hand import Workspace, build, commitment, instant, ny, raised

AFTER = "2026-12-02T00:00"  # November is closed: every item is judged


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return build(tmp_path, "weekend_holiday")


def test_four_business_hours_across_the_weekend_and_thanksgiving(ws: Workspace) -> None:
    items = ws.items("contact-4bh", AFTER)
    # L1: Fri 16:00-17:00 is 1bh; Sat and Sun give nothing; Mon 09:00 + 3bh = Mon
    # 11-23 12:00. The call at 11:00 is on time after 1 + 2 = 3bh.
    assert instant(items["L1"]["deadline"]) == ny(2026, 11, 23, 12)
    assert (items["L1"]["state"], items["L1"]["elapsed"]) == ("on_time", "3bh")
    # L2: Saturday 14:00 is outside working time, so the clock starts at the next
    # working instant, Mon 11-23 09:00; + 4bh = 13:00. The meeting at 13:30 is
    # late, 4.5bh in.
    assert instant(items["L2"]["start"]) == ny(2026, 11, 21, 14)
    assert instant(items["L2"]["deadline"]) == ny(2026, 11, 23, 13)
    assert (items["L2"]["state"], items["L2"]["elapsed"]) == ("late", "4.5bh")
    # L3: Wed 15:00-17:00 is 2bh; Thu (Thanksgiving), Fri (declared holiday), Sat
    # and Sun give nothing; Mon 11-30 09:00 + 2bh = 11:00. The e-mail at 11:30 is
    # late, 2 + 2.5 = 4.5bh in. (Without the two holidays it would have been due
    # Thu 11-26 11:00.)
    assert instant(items["L3"]["deadline"]) == ny(2026, 11, 30, 11)
    assert (items["L3"]["state"], items["L3"]["elapsed"]) == ("late", "4.5bh")
    # L4: Tue 16:00-17:00 is 1bh; Wed 09:00 + 3bh = Wed 11-25 12:00. Never answered:
    # open_overdue. Elapsed by Wed 12-02 00:00: Tue 1 + Wed 8 + (Thu, Fri holidays,
    # weekend 0) + Mon 8 + Tue 12-01 8 = 25bh.
    assert instant(items["L4"]["deadline"]) == ny(2026, 11, 25, 12)
    assert (items["L4"]["state"], items["L4"]["stop"], items["L4"]["elapsed"]) == (
        "open_overdue",
        None,
        "25bh",
    )


def test_two_business_days_across_the_weekend_and_thanksgiving(ws: Workspace) -> None:
    items = ws.items("contact-2bd", AFTER)
    # N bd: roll to the first working instant, then the same local time on the
    # N-th following working day. Elapsed in bd: whole steps, then the business
    # hours into the next step over that step's 8bh (shown to 2 places, half up).
    # L1: Fri 11-20 16:00 -> Mon 11-23 (1) -> Tue 11-24 (2) 16:00. Call Mon 11:00:
    # on time, 3bh of the first 8bh step: 3/8 = 0.375 -> "0.38bd".
    assert instant(items["L1"]["deadline"]) == ny(2026, 11, 24, 16)
    assert (items["L1"]["state"], items["L1"]["elapsed"]) == ("on_time", "0.38bd")
    # L2: Sat 14:00 rolls to Mon 11-23 09:00 -> Tue (1) -> Wed 11-25 (2) 09:00.
    # Meeting Mon 13:30: on time, 4.5/8 = 0.5625 -> "0.56bd".
    assert instant(items["L2"]["deadline"]) == ny(2026, 11, 25, 9)
    assert (items["L2"]["state"], items["L2"]["elapsed"]) == ("on_time", "0.56bd")
    # L3: Wed 11-25 15:00; Thu and Fri are holidays, then the weekend: Mon 11-30 (1)
    # -> Tue 12-01 (2) 15:00. E-mail Mon 11:30: on time, (2 + 2.5)/8 -> "0.56bd".
    # The same item is late on the 4bh clock: a business day is not 4bh.
    assert instant(items["L3"]["deadline"]) == ny(2026, 12, 1, 15)
    assert (items["L3"]["state"], items["L3"]["elapsed"]) == ("on_time", "0.56bd")
    # L4: Tue 11-24 16:00 -> Wed 11-25 (1) -> (Thu, Fri holidays, weekend) -> Mon
    # 11-30 (2) 16:00. Never answered: open_overdue by 12-02. Elapsed: steps to Wed
    # 16:00, Mon 16:00, Tue 12-01 16:00 (3), then Tue 16:00-17:00 = 1bh of the
    # next 8bh step: 3 + 1/8 = 3.125 -> "3.13bd".
    assert instant(items["L4"]["deadline"]) == ny(2026, 11, 30, 16)
    assert (items["L4"]["state"], items["L4"]["elapsed"]) == ("open_overdue", "3.13bd")


def test_the_closed_month_and_its_shares(ws: Workspace) -> None:
    report = ws.compliance(AFTER, "2026-11")
    hours = commitment(report, "contact-4bh")
    # 4bh: L1 on time; L2, L3 late; L4 open_overdue (counts as late): 1 of 4.
    assert hours["period"] == {
        "label": "2026-11",
        "start": "2026-11-01T00:00:00-04:00",
        "end": "2026-12-01T00:00:00-05:00",
    }
    assert (hours["status"], hours["actual"], hours["target"]) == ("missed", 0.25, 1.0)
    assert hours["items"] == {
        "on_time": 1,
        "late": 2,
        "open": 0,
        "open_overdue": 1,
        "paused": 0,
        "at_risk": 0,
    }
    # 2bd: L1, L2, L3 on time; L4 open_overdue: 3 of 4 = 0.75 < 1.0, missed.
    days = commitment(report, "contact-2bd")
    assert (days["status"], days["actual"], days["reason"]) == (
        "missed",
        0.75,
        "3 of 4 judged items on time; 4 items",
    )
    assert days["items"]["on_time"] == 3 and days["items"]["open_overdue"] == 1


def test_at_risk_within_an_hour_of_the_deadline_mid_period(ws: Workspace) -> None:
    # As of Wed 11-25 11:30: L4 has run Tue 16-17 + Wed 09:00-11:30 = 3.5bh of its
    # 4bh; within warn_before (1bh) of Wed 12:00: at_risk. L3 has not happened yet.
    items = ws.items("contact-4bh", "2026-11-25T11:30")
    assert set(items) == {"L1", "L2", "L4"}
    assert (items["L4"]["state"], items["L4"]["elapsed"]) == ("at_risk", "3.5bh")
    report = ws.compliance("2026-11-25T11:30")
    hours = commitment(report, "contact-4bh")
    # Judged: L1 on time, L2 late (at_risk items are left out): 1 of 2 = 0.5; the
    # month is current, so at_risk, never missed before it ends.
    assert (hours["status"], hours["actual"]) == ("at_risk", 0.5)
    assert hours["items"]["at_risk"] == 1
    # 2bd: L4 due Mon 11-30 16:00 is plainly open; L1, L2 on time: 2 of 2, on track.
    days = commitment(report, "contact-2bd")
    assert (days["status"], days["actual"], days["items"]["open"]) == ("on_track", 1.0, 1)


def test_the_48_hour_escalation_runs_on_the_wall_clock(ws: Workspace) -> None:
    report = ws.compliance(AFTER, "2026-11")
    by_subject = {e["subject"]: e for e in raised(report, "no-contact-4bh")}
    # 48 real hours, weekends and holidays included (no DST change in these dates):
    # L1 Fri 16:00 + 48h = Sun 11-22 16:00, resolved by the call Mon 11:00;
    # L2 Sat 14:00 + 48h = Mon 14:00, after its 13:30 meeting: never raised;
    # L3 Wed 15:00 + 48h = Fri 11-27 15:00, resolved Mon 11-30 11:30;
    # L4 Tue 16:00 + 48h = Thu 11-26 16:00, still open on 12-02.
    assert set(by_subject) == {"L1", "L3", "L4"}
    l1, l3, l4 = by_subject["L1"], by_subject["L3"], by_subject["L4"]
    assert instant(l1["since"]) == ny(2026, 11, 22, 16)
    assert instant(l1["resolved_at"]) == ny(2026, 11, 23, 11)
    assert instant(l3["since"]) == ny(2026, 11, 27, 15)
    assert instant(l3["resolved_at"]) == ny(2026, 11, 30, 11, 30)
    assert instant(l4["since"]) == ny(2026, 11, 26, 16)
    assert (l4["kind"], l4["open"], l4["resolved_at"]) == ("overdue", True, None)
    assert (l4["raised_by"], l4["to"]) == ("marketing", "Sales Manager")
