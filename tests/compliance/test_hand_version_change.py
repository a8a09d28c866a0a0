"""A target changed between versions without rewriting closed items.

Fixture: tests/fixtures/compliance/version_change/. Both versions are
imported through the CLI as agreed files (`slatui init --from v1`, then
`slatui contract import v2`): the test writes each fixture file with both
parties' [[signoffs]] over its digest (as a file signed in another workspace
and mailed over would carry them; computed here with the tool's own digest so
that the fixture survives a change of the canonical form), so the agreement
times are the signoff times rather than the moment the test runs:

- v1, agreed 2026-10-01 13:00 UTC (Thu 1 Oct 09:00 EDT): `t2-first-contact`
  within 24h; `t2-sal-volume` min 2, max 8 a month;
- v2, agreed 2026-11-16 14:00 UTC (Mon 16 Nov 09:00 EST): within 48h; min 4.

DESIGN §4: an item is judged under the version in force when its clock
started; a closed period under the version in force when it closed
(store/compliance_run.py `judge()`). The judged agreement is the one in force
now: v2. No DST change between the items' starts and stops (all after 1 Nov,
or all in October), so h counts as wall hours here.

Items (SAL -> first touch, all 23 or 26 real hours apart):
O1 Mon 5 Oct 10:00 EDT -> 15:00 (5h); O2 Tue 13 Oct 10:00 -> 11:00 (1h);
A1 Tue 3 Nov 10:00 EST -> Wed 12:00 (26h); A2 Mon 9 Nov 10:00 -> Tue 09:00 (23h);
A4 Sun 15 Nov 12:00 -> Mon 16 Nov 14:00 (26h, stopped after v2 was agreed);
A5 Mon 16 Nov 08:00 (an hour before v2) -> Tue 10:00 (26h);
A6 Mon 16 Nov 09:00 (the instant v2 was agreed) -> Tue 11:00 (26h);
A3 Tue 17 Nov 10:00 -> Wed 12:00 (26h).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slatui.contract.canonical import digest
from slatui.contract.load import load_file

from .hand import FIXTURES, Workspace, commitment, instant, ny, ok

AFTER = "2026-12-02T00:00"
CASE = FIXTURES / "version_change"


def signed(name: str, signed_at: str, folder: Path) -> Path:
    """The fixture contract with both parties' signoffs over its content, at `signed_at`."""
    source = CASE / name
    sha = digest(load_file(source))
    signoffs = "".join(
        f'\n[[signoffs]]\nparty = "{party}"\nname = "{who}"\n'
        f'signed_at = {signed_at}\ndigest = "{sha}"\n'
        for party, who in (("marketing", "Ann Lee"), ("sales", "Bo Chen"))
    )
    path = folder / name
    path.write_text(source.read_text(encoding="utf-8") + signoffs, encoding="utf-8")
    return path


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace(tmp_path / "versions.db", CASE)
    v1 = signed("contract_v1.toml", "2026-10-01T13:00:00Z", tmp_path)
    ok("init", "--from", str(v1), "--db", str(ws.db))
    ws.run("contract", "import", str(signed("contract_v2.toml", "2026-11-16T14:00:00Z", tmp_path)))
    ws.run("import", "accounts", str(CASE / "accounts.csv"))
    ws.import_events("events.csv")
    return ws


def test_both_versions_are_agreed_at_their_signoffs(ws: Workspace) -> None:
    v2 = json.loads(ws.run("contract", "show", "--json"))
    assert (v2["version"], v2["status"], v2["in_force"]) == (2, "agreed", 2)
    assert instant(v2["agreed_at"]) == ny(2026, 11, 16, 9)
    assert all(s["valid"] for s in v2["signatures"])
    v1 = json.loads(ws.run("contract", "show", "--version", "1", "--json"))
    assert (v1["status"], instant(v1["agreed_at"])) == ("superseded", ny(2026, 10, 1, 9))


def test_each_item_keeps_the_within_of_the_version_in_force_at_its_start(
    ws: Workspace,
) -> None:
    items = ws.items("t2-first-contact", AFTER)
    # A1 started under v1 (24h): due Wed 4 Nov 10:00 EST; answered after 26h: late,
    # although v2's 48h would call it on time. v2 does not rewrite it.
    assert instant(items["A1"]["deadline"]) == ny(2026, 11, 4, 10)
    assert (items["A1"]["state"], items["A1"]["elapsed"]) == ("late", "26h")
    # A2 under v1: 23h <= 24h, on time (due Tue 10 Nov 10:00).
    assert (items["A2"]["state"], instant(items["A2"]["deadline"])) == (
        "on_time",
        ny(2026, 11, 10, 10),
    )
    # A4 started Sunday under v1 and stopped Monday 14:00 under v2: its start
    # decides, 24h: due Mon 16 Nov 12:00, late at 26h.
    assert instant(items["A4"]["deadline"]) == ny(2026, 11, 16, 12)
    assert items["A4"]["state"] == "late"
    # A5 started an hour before v2 was agreed: v1, due Tue 17 Nov 08:00, late.
    assert instant(items["A5"]["deadline"]) == ny(2026, 11, 17, 8)
    assert items["A5"]["state"] == "late"
    # A6 started at the instant v2 was agreed: v2 is in force from that instant
    # (agreed at or before the start): 48h, due Wed 18 Nov 09:00, on time at 26h.
    assert instant(items["A6"]["deadline"]) == ny(2026, 11, 18, 9)
    assert items["A6"]["state"] == "on_time"
    # A3 under v2: due Thu 19 Nov 10:00; on time at 26h.
    assert instant(items["A3"]["deadline"]) == ny(2026, 11, 19, 10)
    assert (items["A3"]["state"], items["A3"]["elapsed"]) == ("on_time", "26h")
    # October's items under v1: O1 due Tue 6 Oct 10:00 EDT, O2 Wed 14 Oct 10:00.
    assert instant(items["O1"]["deadline"]) == ny(2026, 10, 6, 10)
    assert instant(items["O2"]["deadline"]) == ny(2026, 10, 14, 10)


def test_novembers_share_mixes_both_versions(ws: Workspace) -> None:
    report = ws.compliance(AFTER, "2026-11")
    assert report["agreement"]["version"] == 2
    figure = commitment(report, "t2-first-contact")
    # On time: A2 (v1), A6 and A3 (v2); late: A1, A4, A5 (v1): 3 of 6 = 0.5. (All
    # at 48h it would be 6 of 6; all at 24h, 1 of 6.)
    assert (figure["status"], figure["actual"], figure["reason"]) == (
        "missed",
        0.5,
        "3 of 6 judged items on time; 6 items",
    )
    assert (figure["items"]["on_time"], figure["items"]["late"]) == (3, 3)
    # November closed on 1 Dec under v2: min 4; 6 Tier-2 SALs: met.
    volume = commitment(report, "t2-sal-volume")
    assert (volume["status"], volume["actual"], volume["target"]) == ("met", 6.0, 4.0)


def test_a_month_closed_under_v1_keeps_v1s_target(ws: Workspace) -> None:
    report = ws.compliance(AFTER, "2026-10")
    volume = commitment(report, "t2-sal-volume")
    # October closed on 1 Nov 00:00 EDT, under v1: min 2. O1 and O2 make 2: met
    # (under v2's min 4 it would be missed).
    assert (volume["status"], volume["actual"], volume["target"]) == ("met", 2.0, 2.0)
    answered = commitment(report, "t2-first-contact")
    assert (answered["status"], answered["actual"]) == ("met", 1.0)  # 5h and 1h


def test_a_new_draft_changes_nothing_until_it_is_agreed(ws: Workspace) -> None:
    # `slatui contract new-version` starts draft v3 from v2; v2 stays in force.
    ws.run("contract", "new-version")
    assert json.loads(ws.run("contract", "show", "--json"))["status"] == "draft"
    report = ws.compliance(AFTER, "2026-11")
    assert report["agreement"]["version"] == 2
    assert commitment(report, "t2-first-contact")["actual"] == 0.5
