"""The engagement escalations, by hand on a tiny account and against the demo's planted cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from slatui.cli.main import run
from slatui.compliance.engagement import engagement_escalations, touch_types
from slatui.contract import load_file
from slatui.contract.model import EngagedNoConversionEscalation, EngagedUnansweredEscalation
from slatui.demo import build_pilot
from slatui.workcal import WorkCalendar
from store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = load_file(ROOT / "sample.toml")
CAL = WorkCalendar.from_contract(SAMPLE)
UTC = dt.UTC


def unanswered() -> EngagedUnansweredEscalation:
    (found,) = [e for e in SAMPLE.escalations if e.when == "engaged_unanswered"]
    assert isinstance(found, EngagedUnansweredEscalation)
    return found


def t(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=UTC)


def test_three_touches_and_no_sales_touch_within_48_hours() -> None:
    # min_touches 3 within 30d, after 48h. Touches on 2, 5 and 9 Nov (15:00 UTC): the
    # third one makes the account engaged; 48 wall-clock hours later is 11 Nov 15:00.
    # The call on 12 Nov comes too late: raised 11 Nov 15:00, resolved 12 Nov 10:00.
    rows = [
        (1, t(2, 15), "email_click", "acme", None),
        (2, t(5, 15), "ad_click", "acme", None),
        (3, t(9, 15), "webinar_attended", "acme", None),
        (4, t(12, 10), "call", "acme", None),
    ]
    raised = engagement_escalations(unanswered(), touch_types(SAMPLE), rows, CAL, as_of=t(30, 0))
    assert [(r.subject, r.since, r.resolved_at) for r in raised] == [("acme", t(11, 15), t(12, 10))]
    assert raised[0].open_at(t(11, 20)) and not raised[0].open_at(t(12, 11))


def test_an_answer_within_the_window_raises_nothing_and_old_touches_do_not_count() -> None:
    answered = [
        (1, t(2, 15), "email_click", "acme", None),
        (2, t(5, 15), "ad_click", "acme", None),
        (3, t(9, 15), "webinar_attended", "acme", None),
        (4, t(10, 15), "sales_email", "acme", None),  # 24h after the third touch
    ]
    assert engagement_escalations(unanswered(), touch_types(SAMPLE), answered, CAL, t(30, 0)) == []
    # Touches 40 days apart never make three within 30 days.
    sparse = [
        (1, dt.datetime(2026, 8, 1, tzinfo=UTC), "email_click", "acme", None),
        (2, dt.datetime(2026, 9, 10, tzinfo=UTC), "email_click", "acme", None),
        (3, dt.datetime(2026, 10, 20, tzinfo=UTC), "email_click", "acme", None),
    ]
    assert engagement_escalations(unanswered(), touch_types(SAMPLE), sparse, CAL, t(30, 0)) == []


def test_not_due_yet_as_of_an_earlier_moment() -> None:
    rows = [
        (1, t(2, 15), "email_click", "acme", None),
        (2, t(5, 15), "ad_click", "acme", None),
        (3, t(9, 15), "webinar_attended", "acme", None),
    ]
    assert engagement_escalations(unanswered(), touch_types(SAMPLE), rows, CAL, t(11, 14)) == []
    assert len(engagement_escalations(unanswered(), touch_types(SAMPLE), rows, CAL, t(11, 16))) == 1


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert run(["demo", "--no-open", "--db", str(path)]) == 0
    return path


@pytest.mark.parametrize("kind", ["engaged_unanswered", "engaged_no_conversion"])
def test_the_demo_raises_exactly_its_planted_cases(demo: Path, kind: str) -> None:
    """The generator planted these by its own reading of DESIGN §3; the engine agrees."""
    (escalation,) = [e for e in SAMPLE.escalations if e.when == kind]
    assert isinstance(escalation, EngagedUnansweredEscalation | EngagedNoConversionEscalation)
    tier = escalation.tier
    if tier is None and escalation.commitment is not None:
        (commitment,) = [c for c in SAMPLE.commitments if c.id == escalation.commitment]
        tier = commitment.tier
    planted = [c for c in build_pilot(SAMPLE).cases if c.kind == kind]
    as_of = max(c.due for c in planted) + dt.timedelta(seconds=1)
    touches = touch_types(SAMPLE)
    types = [*touches, "call", "sales_email", "meeting", "opportunity_created"]
    with Store.open(demo, create=False) as store:
        rows = store.clock_events(types, until=as_of, tier=tier)
    raised = engagement_escalations(escalation, touches, rows, CAL, as_of)
    assert [(r.subject, r.since) for r in raised] == [(c.subject, c.due) for c in planted]


def test_the_demo_raises_exactly_its_planted_overdue_cases(demo: Path) -> None:
    """SAL clocks of both first-contact commitments, read from the store, judged by the engine."""
    from slatui.compliance.overdue import overdue_escalations
    from slatui.compliance.response import ClockEvent, response_items
    from slatui.contract.model import OverdueEscalation, ResponseCommitment

    planted = [c for c in build_pilot(SAMPLE).cases if c.kind == "overdue"]
    as_of = max(c.due for c in planted) + dt.timedelta(seconds=1)
    found: list[tuple[str, str, dt.datetime]] = []
    with Store.open(demo, create=False) as store:
        for escalation in SAMPLE.escalations:
            if not isinstance(escalation, OverdueEscalation):
                continue
            (commitment,) = [c for c in SAMPLE.commitments if c.id == escalation.commitment]
            assert isinstance(commitment, ResponseCommitment)
            types = [commitment.start, *commitment.stop, "pause", "resume"]
            rows = store.clock_events(types, until=as_of, tier=commitment.tier)
            events = [ClockEvent(at, kind, account, lead, i) for i, at, kind, account, lead in rows]
            items = response_items(commitment, events, CAL, as_of)
            found += [
                (escalation.id, r.subject, r.since)
                for r in overdue_escalations(escalation, items, CAL)
            ]
    assert sorted(found) == sorted((c.escalation, c.subject, c.due) for c in planted)
