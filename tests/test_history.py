"""Judging under the version in force: a target changed later never rewrites history.

v1 (agreed 1 Oct 2026 12:00 UTC): first contact within 24h, 2 to 3 SALs a month.
v2 (agreed 16 Nov 2026 00:00 UTC): within 48h, 1 to 3 SALs a month.
Both in New York; the SALs are tier 2's (initech).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from slatui.compliance.evaluate import Selection, evaluate
from slatui.compliance.history import Timeline
from slatui.contract.load import loads
from slatui.contract.model import Contract
from slatui.pilot.records import AccountRecord, EventRecord
from store import BatchMeta, Store
from store.compliance_run import judge, timeline

UTC = dt.UTC
BASE = Path(__file__).parent / "fixtures" / "broken" / "_base.toml"
V1_AGREED = dt.datetime(2026, 10, 1, 12, tzinfo=UTC)
V2_AGREED = dt.datetime(2026, 11, 16, 0, tzinfo=UTC)
AS_OF = dt.datetime(2026, 11, 20, 15, tzinfo=UTC)


def contract(within: str, low: int) -> Contract:
    text = BASE.read_text(encoding="utf-8")
    text = text.replace('within = "24bh"', f'within = "{within}"').replace(
        "min = 2\nmax = 3", f"min = {low}\nmax = 3"
    )
    text = text.replace("effective = 2027-01-04", "effective = 2026-10-01")
    return loads(text)


def at(month: int, day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=UTC)


EVENTS = (
    # October: one SAL (S0), answered at once.
    EventRecord(at(10, 14, 14), "sal_notified", account="initech", lead="S0"),
    EventRecord(at(10, 14, 15), "call", account="initech", lead="S0"),
    # S1 starts under v1 and is answered after 30 h: late by v1's 24h.
    EventRecord(at(11, 10, 14), "sal_notified", account="initech", lead="S1"),
    EventRecord(at(11, 11, 20), "call", account="initech", lead="S1"),
    # S2 starts under v2 and is answered after 30 h: on time by v2's 48h.
    EventRecord(at(11, 17, 14), "sal_notified", account="initech", lead="S2"),
    EventRecord(at(11, 18, 20), "call", account="initech", lead="S2"),
)


def workspace(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "w.db")
    store.import_contract(contract("24h", 2), source="v1.toml")
    store.sign("marketing", "Mia", at=V1_AGREED)
    store.sign("sales", "Sam", at=V1_AGREED)
    store.new_version()
    store.update_draft(contract("48h", 1))
    store.sign("marketing", "Mia", at=V2_AGREED)
    store.sign("sales", "Sam", at=V2_AGREED)
    store.import_batch(
        BatchMeta("a.csv", "a" * 64, "accounts"), accounts=[AccountRecord("initech", tier="t2")]
    )
    store.import_batch(BatchMeta("e.csv", "e" * 64, "events"), events=EVENTS)
    return store


def states(evaluation: object, ident: str = "first-contact") -> dict[str, str]:
    items = evaluation.items[ident]  # type: ignore[attr-defined]
    return {item.key: item.state for item in items}


def test_each_item_is_judged_under_the_version_in_force_when_its_clock_started(
    tmp_path: Path,
) -> None:
    with workspace(tmp_path) as store:
        judgement = judge(store, AS_OF, Selection())
        assert judgement.version.number == 2
        # S0 (1 h) on time either way; S1 late by v1's 24h although v2 allows 48h;
        # S2 on time by v2's 48h.
        assert states(judgement.evaluation) == {"S0": "on_time", "S1": "late", "S2": "on_time"}
        # Without the history, v2 would rewrite S1 as on time: the timeline is what keeps it.
        alone = evaluate(judgement.contract, store, AS_OF, Selection())
        assert states(alone)["S1"] == "on_time"


def test_a_closed_period_keeps_the_targets_in_force_when_it_closed(tmp_path: Path) -> None:
    with workspace(tmp_path) as store:
        # October closed (1 Nov 04:00 UTC) under v1: 1 SAL against v1's minimum of 2, missed,
        # although v2's minimum of 1 would call it met.
        october = judge(store, AS_OF, Selection.parse("2026-10"))
        volume = next(
            j for j in october.evaluation.commitments if j.figure.commitment == "sal-volume"
        )
        assert (volume.figure.status, volume.figure.actual, volume.figure.target) == (
            "missed",
            1.0,
            2.0,
        )
        # November is current: v2 judges it; S1 and S2 already reach its minimum of 1.
        november = judge(store, AS_OF, Selection.parse("2026-11"))
        volume = next(
            j for j in november.evaluation.commitments if j.figure.commitment == "sal-volume"
        )
        assert (volume.figure.status, volume.figure.target) == ("met", 1.0)


def test_the_timeline_is_the_agreed_versions_by_when_they_were_agreed(tmp_path: Path) -> None:
    with workspace(tmp_path) as store:
        history = timeline(store)
    assert history.at(V1_AGREED - dt.timedelta(seconds=1)) is None
    moments = (V1_AGREED, V2_AGREED - dt.timedelta(seconds=1), V2_AGREED)
    numbers = [found[0] for found in map(history.at, moments) if found is not None]
    assert numbers == [1, 1, 2]
    assert Timeline().at(AS_OF) is None


def test_a_judgement_in_the_past_is_made_under_the_version_then_in_force(tmp_path: Path) -> None:
    with workspace(tmp_path) as store:
        # 10 Nov: v2 was agreed only on 16 Nov, so v1 (min 2 a month) was in force.
        before = judge(store, dt.datetime(2026, 11, 10, 15, tzinfo=UTC), Selection())
        assert before.version.number == 1
        volume = next(
            j for j in before.evaluation.commitments if j.figure.commitment == "sal-volume"
        )
        assert volume.figure.target == 2.0
        assert judge(store, AS_OF, Selection()).version.number == 2
