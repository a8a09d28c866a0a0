"""The integer path of the engagement escalations gives what the datetime path gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from slatui.cli.main import run
from slatui.compliance.engagement import (
    engagement_escalations,
    engagement_escalations_at_ticks,
    touch_types,
)
from slatui.contract import load_file
from slatui.contract.model import EngagedNoConversionEscalation, EngagedUnansweredEscalation
from slatui.workcal import WorkCalendar, to_ticks
from store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = load_file(ROOT / "sample.toml")
CAL = WorkCalendar.from_contract(SAMPLE)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert run(["demo", "--no-open", "--db", str(path)]) == 0
    return path


@pytest.mark.parametrize("tier", [None, "t1", "t2"])
def test_account_ticks_are_the_clock_events_with_an_account(demo: Path, tier: str | None) -> None:
    types = [*touch_types(SAMPLE), "call", "sales_email", "meeting", "opportunity_created"]
    until = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    with Store.open(demo, create=False) as store:
        rows = store.clock_events(types, until=until, tier=tier)
        ticks = store.account_ticks(types, until=until, tier=tier)
    expected = sorted((a, kind, to_ticks(at)) for _, at, kind, a, _ in rows if a is not None)
    assert sorted(ticks) == expected  # in no particular order
    assert ticks
    with Store.open(demo, create=False) as store:
        times = store.account_times(types, until=until, tier=tier)
    assert sorted(times) == sorted((a, t) for a, _, t in expected)


@pytest.mark.parametrize("kind", ["engaged_unanswered", "engaged_no_conversion"])
@pytest.mark.parametrize("day", [1, 10, 20, 30])
def test_both_paths_raise_the_same(demo: Path, kind: str, day: int) -> None:
    (escalation,) = [e for e in SAMPLE.escalations if e.when == kind]
    assert isinstance(escalation, EngagedUnansweredEscalation | EngagedNoConversionEscalation)
    touches = touch_types(SAMPLE)
    types = [*touches, "call", "sales_email", "meeting", "opportunity_created"]
    as_of = dt.datetime(2026, 11, day, 7, 30, tzinfo=dt.UTC)
    found = 0
    with Store.open(demo, create=False) as store:
        for tier in (None, escalation.tier):
            rows = store.clock_events(types, until=as_of, tier=tier)
            ticks = store.account_ticks(types, until=as_of, tier=tier)
            slow = engagement_escalations(escalation, touches, rows, CAL, as_of)
            fast = engagement_escalations_at_ticks(escalation, touches, ticks[::-1], CAL, as_of)
            assert fast == slow
            found += len(fast)
    assert found or day < 20  # the demo plants its cases in the second half of November
