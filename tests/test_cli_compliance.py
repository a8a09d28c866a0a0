"""`slatui compliance` and `slatui compliance items` on the demo pilot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slatui.cli.main import run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert run(["demo", "--no-open", "--db", str(path)]) == 0
    return path


def compliance(capsys: pytest.CaptureFixture[str], demo: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(["compliance", *args, "--db", str(demo)])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_names_the_agreement_every_commitment_and_the_escalations(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    code, out, _ = compliance(capsys, demo, "--as-of", "2026-12-01T00:00:01", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["agreement"] == {"title": "ABM Sales & Marketing SLA", "version": 1}
    assert data["as_of"] == "2026-12-01T00:00:01-05:00"
    assert len(data["commitments"]) == 35
    first = data["commitments"][0]
    assert {"id", "party", "tier", "measure", "period", "status", "actual", "target"} <= set(first)
    assert set(first["period"]) == {"label", "start", "end"}
    answered = next(c for c in data["commitments"] if c["id"] == "t1-sal-answered")
    assert set(answered["items"]) == {
        "on_time",
        "late",
        "open",
        "open_overdue",
        "paused",
        "at_risk",
    }
    kinds = {e["kind"] for e in data["escalations"]}
    # Every kind is planted in the demo; by 1 Dec every one of them has fallen due.
    assert kinds == {
        "overdue",
        "missed",
        "engaged_unanswered",
        "engaged_no_conversion",
        "rejected_share",
    }
    # The SAL audit is of the month of --as-of: December, which has no hand-off yet.
    assert (data["sal_audit"]["period"], data["sal_audit"]["handoffs"]) == ("2026-12", 0)
    missed = next(e for e in data["escalations"] if e["kind"] == "missed")
    assert (missed["rule"], missed["to"], missed["raised_by"], missed["subject"]) == (
        "sal-volume-missed",
        "CMO",
        "sales",
        "t2-mkt-sal-volume",
    )
    assert missed["since"] == "2026-12-01T00:00:00-05:00"


def test_the_demo_shows_every_status_kind_and_every_escalation_kind(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    """As of Thu 3 Dec 2026 (the day after the pilot's data ends), by own periods.

    met: the quarterly strategy review (Q4 already holds reviews >= its minimum
    of 1); missed: tier 1 owner coverage (23 of 25 accounts have an owner, 1
    asked); on_track / at_risk: December's and Q4's figures so far; no_data:
    commitments whose event types the demo never imported (t1 research);
    tracked: the directional deal-cycle and win-rate figures.
    """
    code, out, _ = compliance(capsys, demo, "--as-of", "2026-12-03T11:00", "--json")
    assert code == 0
    data = json.loads(out)
    statuses = {c["id"]: c["status"] for c in data["commitments"]}
    assert set(statuses.values()) == {"met", "missed", "on_track", "at_risk", "no_data", "tracked"}
    assert statuses["t1-sales-strategy-review"] == "met"
    assert statuses["t1-sales-owner"] == "missed"
    assert statuses["t1-mkt-research"] == "no_data"
    assert statuses["t1-deal-cycle"] == "tracked"
    kinds = {e["kind"] for e in data["escalations"]}
    assert kinds == {
        "overdue",
        "missed",
        "engaged_unanswered",
        "engaged_no_conversion",
        "rejected_share",
    }


def test_text_for_people(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    code, out, _ = compliance(capsys, demo, "--as-of", "2026-11-18", "--period", "pilot")
    assert code == 0
    assert out.startswith("ABM Sales & Marketing SLA v1, as of 2026-11-18 00:00 EST")
    assert "open overdue SAL-0020 since 2026-11-14 14:53 EST -> Sales Manager" in out
    # Worded as the Compliance screen words them: shares as %, a range scaled to the
    # pilot (2-3 a month over 672 of November's 721 hours: 1.86-2.8), on time of judged.
    assert "  MISSED    t1-sales-owner               t1 sales         now       92% / 100%" in out
    assert "t1-sal-answered              t1 joint         pilot     67% (4/6) / 95%" in out
    assert "t2-mkt-sal-volume            t2 marketing     pilot     1 / 1.86–2.8" in out


def test_a_bad_period_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    code, _, err = compliance(capsys, demo, "--period", "2026-13")
    assert code == 2
    assert err.startswith("slatui: --period 2026-13: ") and "no month 13" in err
    assert len(err.strip().splitlines()) == 1


def test_items_lists_the_clocks_behind_a_response_figure(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    capsys.readouterr()
    args = ["compliance", "items", "t1-sal-answered", "--as-of", "2026-11-30", "--json"]
    assert run([*args, "--db", str(demo)]) == 0
    items = json.loads(capsys.readouterr().out)
    never = next(i for i in items if i["key"] == "SAL-0020")  # planted: never contacted
    assert (never["state"], never["stop"]) == ("open_overdue", None)
    assert run(["compliance", "items", "t1-win-rate", "--db", str(demo)]) == 2
    assert "is not a response commitment" in capsys.readouterr().err


def test_the_sal_audit_of_november(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    args = ("--as-of", "2026-12-01", "--period", "2026-11", "--json")
    code, out, _ = compliance(capsys, demo, *args)
    audit = json.loads(out)["sal_audit"]
    # The demo's November: 10 SALs, 6 rejected (2 "not a decision maker", 2 "wrong
    # territory", 1 "bad timing", 1 "no budget this year"): 0.6.
    assert code == 0
    assert (audit["period"], audit["handoffs"], audit["rejected"]) == ("2026-11", 10, 6)
    assert audit["rejection_share"] == pytest.approx(0.6)
    assert {r["reason"]: r["count"] for r in audit["reasons"]} == {
        "not a decision maker": 2,
        "wrong territory": 2,
        "bad timing": 1,
        "no budget this year": 1,
    }
