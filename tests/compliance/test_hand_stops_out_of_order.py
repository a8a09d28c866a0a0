"""Stop events imported out of order: the first stop by occurrence time wins.

Fixture: tests/fixtures/compliance/stops_out_of_order/, imported as three
batches of canonical CSV, in this order:

1. `events_1_stops.csv`: O1's stops, latest first: a call Wed 11-18 11:00, a
   meeting Tue 11-17 15:00, and a call Sun 11-15 12:00 (before the SAL);
2. `events_2_start.csv`: O1's SAL Mon 11-16 09:00; O2's SAL Tue 11-17 09:00 and
   its calls, the 16:00 one listed before the 10:00 one;
3. `events_3_first_stop.csv`: O1's e-mail Mon 11-16 12:00, the earliest stop.

Calendar Mon-Fri 09:00-17:00 America/New_York (EST, UTC-5). `contact-8bh`:
within 8bh; `no-contact-24h`: overdue 24 wall-clock hours after a SAL.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .hand import Workspace, build, commitment, instant, ny, raised

AFTER = "2026-12-02T00:00"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return build(tmp_path, "stops_out_of_order", events=("events_1_stops.csv",))


def test_stops_before_their_start_make_no_item(ws: Workspace) -> None:
    # After batch 1 there are only stops: no SAL, so no item at all.
    assert ws.items("contact-8bh", AFTER) == {}


def test_the_earliest_stop_wins_whatever_the_import_order(ws: Workspace) -> None:
    ws.import_events("events_2_start.csv")
    items = ws.items("contact-8bh", AFTER)
    # O1 (after batch 2): Mon 09:00 + 8bh = Mon 11-16 17:00. The Sunday call is
    # before the start and ends nothing; of the stops after it, the earliest is
    # Tue 15:00 (though imported after Wed 11:00): late, 8 (Mon) + 6 (Tue) = 14bh.
    assert instant(items["O1"]["deadline"]) == ny(2026, 11, 16, 17)
    assert instant(items["O1"]["stop"]) == ny(2026, 11, 17, 15)
    assert (items["O1"]["state"], items["O1"]["elapsed"]) == ("late", "14bh")
    # O2: the 10:00 call wins over the 16:00 one listed first: 1bh, on time.
    assert instant(items["O2"]["stop"]) == ny(2026, 11, 17, 10)
    assert (items["O2"]["state"], items["O2"]["elapsed"]) == ("on_time", "1bh")
    report = ws.compliance(AFTER, "2026-11")
    assert commitment(report, "contact-8bh")["actual"] == 0.5  # 1 of 2
    # O1 had no stop 24h after its SAL: raised Tue 11-17 09:00, resolved by the
    # meeting Tue 15:00.
    (o1,) = raised(report, "no-contact-24h")
    assert (instant(o1["since"]), instant(o1["resolved_at"])) == (
        ny(2026, 11, 17, 9),
        ny(2026, 11, 17, 15),
    )

    # Batch 3 brings an earlier stop, Mon 12:00: it wins now, 3bh, on time; the
    # figure and the escalation are rewritten from the events, not from the order
    # they came in.
    ws.import_events("events_3_first_stop.csv")
    items = ws.items("contact-8bh", AFTER)
    assert instant(items["O1"]["stop"]) == ny(2026, 11, 16, 12)
    assert (items["O1"]["state"], items["O1"]["elapsed"]) == ("on_time", "3bh")
    report = ws.compliance(AFTER, "2026-11")
    figure = commitment(report, "contact-8bh")
    assert (figure["status"], figure["actual"]) == ("met", 1.0)  # 2 of 2
    # Answered 3 hours after the SAL: no 24h escalation any more.
    assert raised(report, "no-contact-24h") == []
