"""Pauses of a response clock, through CSV imports; every figure worked out by hand.

Fixture: tests/fixtures/compliance/pause/. Calendar Mon-Fri 09:00-17:00
America/New_York (EST, UTC-5 on these dates) with US public holidays (Thu
2026-11-26, Thanksgiving; the Friday after is a working day here).
`contact-8bh`: tier-2 SALs answered within 8bh; the overdue escalation
`no-contact-48h` fires 48 wall-clock hours after a SAL with no stop, paused
time excluded (DESIGN §4: paused time never counts, also not towards
`overdue`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .hand import Workspace, build, commitment, instant, ny, raised

AFTER = "2026-12-02T00:00"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return build(tmp_path, "pause")


def test_a_two_hour_pause_moves_the_deadline_by_two_business_hours(ws: Workspace) -> None:
    p1 = ws.items("contact-8bh", AFTER)["P1"]
    # SAL Tue 11-17 09:00; paused 11:00-13:00. Running: 09-11 (2) + 13-17 (4) = 6bh
    # on Tuesday, then Wed 09:00 + 2bh = Wed 11-18 11:00 (without the pause, Tue
    # 17:00). The call Wed 10:30 is on time after 2 + 4 + 1.5 = 7.5bh (9.5bh if the
    # pause counted).
    assert instant(p1["deadline"]) == ny(2026, 11, 18, 11)
    assert (p1["state"], p1["elapsed"]) == ("on_time", "7.5bh")


def test_a_stop_while_paused_counts_no_paused_time(ws: Workspace) -> None:
    p2 = ws.items("contact-8bh", AFTER)["P2"]
    # SAL Tue 11-17 10:00, paused 12:00 and never resumed; the call Wed 12:00 ends
    # it while paused. Only 10:00-12:00 ran: 2bh, on time. The deadline moved by the
    # whole pause: 6bh were left at Tue 12:00; from the stop (Wed 12:00), Wed 12-17
    # (5) + Thu 09:00 + 1 = Thu 11-19 10:00.
    assert (instant(p2["stop"]), p2["state"], p2["elapsed"]) == (
        ny(2026, 11, 18, 12),
        "on_time",
        "2bh",
    )
    assert instant(p2["deadline"]) == ny(2026, 11, 19, 10)


def test_a_long_pause_is_not_late_but_not_forgiven_after_it(ws: Workspace) -> None:
    p5 = ws.items("contact-8bh", AFTER)["P5"]
    # SAL Mon 11-16 09:00, paused Mon 10:00 to Wed 11-18 10:00. Running: Mon 09-10
    # (1) + Wed 10-17 (7) = 8bh at Wed 17:00: the deadline. The call Thu 11-19 12:00
    # is late: 8 + Thu 09-12 (3) = 11bh.
    assert instant(p5["deadline"]) == ny(2026, 11, 18, 17)
    assert (p5["state"], p5["elapsed"]) == ("late", "11bh")


def test_paused_as_of_the_judgement_is_paused_not_overdue(ws: Workspace) -> None:
    items = ws.items("contact-8bh", AFTER)
    # P3: SAL Thu 11-19 09:00, paused 10:00, never resumed: 1bh ran; as of Wed 12-02
    # 00:00 it is still paused, so neither late nor overdue.
    assert (items["P3"]["state"], items["P3"]["stop"], items["P3"]["elapsed"]) == (
        "paused",
        None,
        "1bh",
    )
    # P4: SAL Mon 11-23 09:00, paused 10:00-12:00, never answered. Running Mon 09-10
    # (1) + 12-17 (5) = 6bh, Tue 09:00 + 2 = Tue 11-24 11:00: open_overdue. Elapsed by
    # 12-02: Mon 6 + Tue 8 + Wed 8 + Thu 0 (Thanksgiving) + Fri 8 + Mon 8 + Tue 8 = 46bh.
    assert instant(items["P4"]["deadline"]) == ny(2026, 11, 24, 11)
    assert (items["P4"]["state"], items["P4"]["elapsed"]) == ("open_overdue", "46bh")


def test_the_month_leaves_the_paused_item_out(ws: Workspace) -> None:
    figure = commitment(ws.compliance(AFTER, "2026-11"), "contact-8bh")
    # Five items: P1, P2 on time; P5 late; P4 open_overdue (counts as late); P3
    # paused (left out, like an open item): 2 of 4 = 0.5, missed.
    assert (figure["status"], figure["actual"], figure["reason"]) == (
        "missed",
        0.5,
        "2 of 4 judged items on time; 5 items",
    )
    assert figure["items"] == {
        "on_time": 2,
        "late": 1,
        "open": 0,
        "open_overdue": 1,
        "paused": 1,
        "at_risk": 0,
    }


def test_paused_time_does_not_count_towards_the_overdue_escalation(ws: Workspace) -> None:
    report = ws.compliance(AFTER, "2026-11")
    # P4: 48 open hours after Mon 11-23 09:00, plus its 2 paused hours: Wed 11-25
    # 11:00 EST (16:00 UTC), still open on 12-02.
    # P5: open Mon 09-10 (1h) and Wed 10:00 -> Thu 12:00 (26h): 27h < 48h, so never
    # raised (75 wall-clock hours from the SAL to the call if the pause counted).
    # P3: 1h open, then paused for good: never raised. P1, P2: answered within a day.
    (p4,) = raised(report, "no-contact-48h")
    assert (p4["kind"], p4["subject"], p4["open"]) == ("overdue", "P4", True)
    assert instant(p4["since"]) == ny(2026, 11, 25, 11)
    assert (p4["raised_by"], p4["to"]) == ("marketing", "Sales Manager")
    # An hour earlier, without the pause it would already be raised: it is not.
    assert raised(ws.compliance("2026-11-25T10:30"), "no-contact-48h") == []
