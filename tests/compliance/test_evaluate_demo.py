"""The whole evaluation on the demo pilot: every planted escalation is raised, at its moment."""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from pathlib import Path

import pytest

from slatui.cli.main import run
from slatui.compliance.evaluate import Selection, evaluate
from slatui.compliance.shared import SharedReads
from slatui.contract import load_file
from slatui.demo import build_pilot
from store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = load_file(ROOT / "sample.toml")
UTC = dt.UTC
PILOT_END = dt.datetime(2026, 11, 30, 5, tzinfo=UTC)  # 30 Nov 00:00 EST, the pilot's end
DEC_1 = dt.datetime(2026, 12, 1, 5, tzinfo=UTC)  # 1 Dec 00:00 EST: November closes


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert run(["demo", "--no-open", "--db", str(path)]) == 0
    return path


def test_every_planted_case_is_raised_when_it_falls_due(demo: Path) -> None:
    as_of = DEC_1 + dt.timedelta(seconds=1)
    with Store.open(demo, create=False) as store:
        raised = evaluate(SAMPLE, store, as_of).escalations
    found = {(r.kind, r.subject, r.since) for r in raised}
    for case in build_pilot(SAMPLE).cases:
        assert (case.kind, case.subject, case.due) in found, case.story
    # Beyond them only engagement the data stops answering: the pilot's last touches
    # (the events end on 29 Nov) have had nobody to answer them after the pilot's end.
    planted = {(c.kind, c.subject, c.due) for c in build_pilot(SAMPLE).cases}
    extra = [r for r in raised if (r.kind, r.subject, r.since) not in planted]
    assert all(r.kind == "engaged_unanswered" and r.since >= PILOT_END for r in extra)


def test_the_pilot_judged_after_it_ended_meets_and_misses(demo: Path) -> None:
    with Store.open(demo, create=False) as store:
        evaluation = evaluate(SAMPLE, store, DEC_1, Selection.parse("pilot"))
    statuses = Counter(j.figure.status for j in evaluation.commitments)
    assert statuses["met"] and statuses["missed"] and statuses["tracked"]
    by_id = {j.figure.commitment: j for j in evaluation.commitments}
    # Tier 2's SAL volume over the pilot: 2 to 3 a month scaled to the 4 weeks
    # (672 of November's 721 real hours): 2 * 672/721 = 1.864; November had 1: missed.
    volume = by_id["t2-mkt-sal-volume"].figure
    assert (volume.status, volume.actual) == ("missed", 1.0)
    assert volume.target == pytest.approx(2 * 672 / 721)
    # Two strategic accounts have no owner: 23 of 25.
    assert by_id["t1-sales-owner"].figure.actual == pytest.approx(23 / 25)


def test_mid_pilot_the_current_month_is_on_track_or_at_risk_never_missed_for_pace(
    demo: Path,
) -> None:
    with Store.open(demo, create=False) as store:
        evaluation = evaluate(SAMPLE, store, dt.datetime(2026, 11, 18, 15, tzinfo=UTC))
    monthly = [
        j for j in evaluation.commitments if j.period is not None and j.period.label == "2026-11"
    ]
    assert monthly and {"on_track", "at_risk"} <= {j.figure.status for j in monthly}
    assert "missed" not in {j.figure.status for j in monthly}
    # Met mid-month only where a count already reached the whole month's minimum.
    for early in (j.figure for j in monthly if j.figure.status == "met"):
        assert early.measure in ("count", "cadence")
        assert early.actual is not None and early.target is not None
        assert early.actual >= early.target
    json = evaluation.as_json()
    assert json["as_of"] == "2026-11-18T15:00:00+00:00"


def test_the_collector_is_as_it_was_after_an_evaluation(demo: Path) -> None:
    """The cyclic collector is paused while an evaluation runs, and only then."""
    with Store.open(demo, create=False) as store:
        assert gc.isenabled()
        evaluate(SAMPLE, store, DEC_1)
        assert gc.isenabled()
        gc.disable()
        try:
            evaluate(SAMPLE, store, DEC_1)
            assert not gc.isenabled()  # left off by whoever switched it off
        finally:
            gc.enable()
        with pytest.raises(AttributeError):
            evaluate(SAMPLE, store, "not a moment")  # type: ignore[arg-type]
        assert gc.isenabled()


def test_the_same_evaluation_with_or_without_shared_reads(demo: Path) -> None:
    """Sharing the reads changes how often the store is asked, never an answer."""
    with Store.open(demo, create=False) as store:
        for as_of in (dt.datetime(2026, 11, 18, 15, tzinfo=UTC), DEC_1):
            shared = evaluate(SAMPLE, store, as_of, Selection.parse("pilot"))
            again = evaluate(SAMPLE, SharedReads(store), as_of, Selection.parse("pilot"))
            assert shared.as_json() == again.as_json()
            assert shared.items == again.items
