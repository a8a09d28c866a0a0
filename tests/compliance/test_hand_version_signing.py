"""The same change of target, agreed with `slatui contract sign` instead of signed files.

Fixture: tests/fixtures/compliance/version_change/ (see
test_hand_version_change.py for the items and every figure). Here the two
unsigned contract files are agreed through the CLI: `slatui init --from` v1,
`slatui contract sign` by both parties, `slatui contract import` v2 (a draft
while v1 stays in force), and `slatui contract sign` again. `sign` stamps the
workspace's clock, so the test pins that clock (store.store.utc_now) to the
moments of the story: v1 agreed 2026-10-01 13:00 UTC, v2 agreed 2026-11-16
14:00 UTC (Mon 09:00 EST).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import store.store

from .hand import FIXTURES, Workspace, commitment, instant, ny, ok

CASE = FIXTURES / "version_change"
UTC = dt.UTC


def sign_both(ws: Workspace, monkeypatch: pytest.MonkeyPatch, moment: dt.datetime) -> None:
    monkeypatch.setattr(store.store, "utc_now", lambda: moment - dt.timedelta(minutes=5))
    ws.run("contract", "sign", "--party", "marketing", "--name", "Ann Lee, Head of Demand Gen")
    monkeypatch.setattr(store.store, "utc_now", lambda: moment)
    ws.run("contract", "sign", "--party", "sales", "--name", "Bo Chen, VP Sales")


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    ws = Workspace(tmp_path / "signed.db", CASE)
    monkeypatch.setattr(store.store, "utc_now", lambda: dt.datetime(2026, 9, 30, 15, tzinfo=UTC))
    ok("init", "--from", str(CASE / "contract_v1.toml"), "--db", str(ws.db))
    sign_both(ws, monkeypatch, dt.datetime(2026, 10, 1, 13, tzinfo=UTC))
    monkeypatch.setattr(store.store, "utc_now", lambda: dt.datetime(2026, 11, 10, tzinfo=UTC))
    ws.run("contract", "import", str(CASE / "contract_v2.toml"))
    sign_both(ws, monkeypatch, dt.datetime(2026, 11, 16, 14, tzinfo=UTC))
    ws.run("import", "accounts", str(CASE / "accounts.csv"))
    ws.import_events("events.csv")
    return ws


def test_signing_agrees_each_version_at_the_second_signature(ws: Workspace) -> None:
    v2 = json.loads(ws.run("contract", "show", "--json"))
    # The later of the two valid signatures: sales, Mon 16 Nov 09:00 EST.
    assert (v2["version"], v2["status"], v2["in_force"]) == (2, "agreed", 2)
    assert instant(v2["agreed_at"]) == ny(2026, 11, 16, 9)
    v1 = json.loads(ws.run("contract", "show", "--version", "1", "--json"))
    assert instant(v1["agreed_at"]) == ny(2026, 10, 1, 9)
    diff = json.loads(ws.run("contract", "diff", "1", "2", "--json"))
    # Exactly the two edits of contract_v2.toml (signoffs are not content).
    assert [(c["clause"], c["field"], c["old"], c["new"]) for c in diff["changes"]] == [
        ("commitments[t2-sal-volume]", "min", "2", "4"),
        ("commitments[t2-first-contact]", "within", "24h", "48h"),
    ]


def test_the_figures_are_those_of_the_signed_files(ws: Workspace) -> None:
    items = ws.items("t2-first-contact", "2026-12-02T00:00")
    # As in test_hand_version_change: A1, A4, A5 started under v1 (24h) and took
    # 26h: late; A6 (at v2's instant) and A3 under v2 (48h): on time; A2 23h.
    states = {key: item["state"] for key, item in items.items()}
    assert states == {
        "O1": "on_time",
        "O2": "on_time",
        "A1": "late",
        "A2": "on_time",
        "A4": "late",
        "A5": "late",
        "A6": "on_time",
        "A3": "on_time",
    }
    report = ws.compliance("2026-12-02T00:00", "2026-11")
    assert commitment(report, "t2-first-contact")["actual"] == 0.5  # 3 of 6
    october = commitment(ws.compliance("2026-12-02T00:00", "2026-10"), "t2-sal-volume")
    assert (october["status"], october["target"]) == ("met", 2.0)  # closed under v1
