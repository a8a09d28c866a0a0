"""The Compliance screen, driven by keys on the demo workspace: the figures by tier, the
open clocks counting down, the drill-down, the escalations, the audit, the period
selector, and another process's writes appearing on their own (a win announced)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from screens import compliance_jobs as jobs
from screens import compliance_views as views
from screens.compliance_items_modal import Drill, ItemsModal, item_page
from slatui.app import create_app
from slatui.compliance.evaluate import Selection
from slatui.pilot.records import EventRecord
from slatui.workcal import WorkCalendar
from store import Store
from store.compliance_run import WeekFigure, judge
from tests.ui.compliance_support import (
    LATER,
    NOW,
    SIZE,
    Clock,
    Notes,
    build_demo,
    column,
    compliance_open,
    compliance_screen,
    copy_demo,
    row_of,
    text,
)
from tests.ui.draft_support import wait_until
from tests.ui.snapshot_support import settle


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def workspace(demo: Path, tmp_path: Path) -> Path:
    return copy_demo(demo, tmp_path)


async def test_commitments_are_grouped_by_tier_then_party(workspace: Path) -> None:
    async with compliance_open(workspace, Clock(NOW)) as (_store, app, _pilot):
        screen = compliance_screen(app)
        keys = column(screen, "commitments", "id")
        # Tier headings in the agreement's order, each followed by its commitments.
        assert [k for k in column(screen, "commitments", "status") if k in ("t1", "t2", "t3")] == [
            "t1",
            "t2",
            "t3",
        ]
        assert keys[0] == "Strategic accounts"
        t1 = keys[1 : keys.index("Segment accounts")]
        parties = [row_of(screen, "commitments", k)["party"] for k in t1]
        assert parties == sorted(parties, key=["mkt", "sales", "joint"].index)
        # 4 of SAL-answered's 6 judged November items on time (CLI: 0.6667 / 0.95).
        answered = row_of(screen, "commitments", "t1-sal-answered")
        assert answered["status"] == "at risk"
        assert answered["figure"] == "67% (4/6) / 95%"
        # Two of the 25 strategic accounts have no owner: 23/25 = 92%, a coverage miss.
        owner = row_of(screen, "commitments", "t1-sales-owner")
        assert (owner["status"], owner["figure"], owner["period"]) == (
            "missed",
            "92% / 100%",
            "now",
        )
        assert "Review 2026-11" in text(screen, "#review")
        assert "as of Wed 18 Nov 2026 10:00 EST" in text(screen, "#review")


async def test_the_sparklines_arrive_after_the_figures(workspace: Path) -> None:
    async with compliance_open(workspace, Clock(NOW)) as (_store, app, _pilot):
        screen = compliance_screen(app)
        assert screen.weeks is not None
        trend = row_of(screen, "commitments", "t1-mkt-campaign")["trend"]
        assert len(trend) == 8 and set(trend) <= set("▁▂▃▄▅▆▇█·")
        # W40..W47: eight ISO weeks, the last the current one.
        assert [w.label for w in screen.weeks["t1-mkt-campaign"]][-1] == "2026-W47"


async def test_open_clocks_soonest_first_counting_down(workspace: Path) -> None:
    clock = Clock(NOW)
    async with compliance_open(workspace, clock) as (_store, app, pilot):
        screen = compliance_screen(app)
        items = column(screen, "clocks", "key")
        # Overdue ones first (their deadline is past), then the soonest due.
        assert items[:4] == ["evvale-insurance", "SAL-0020", "SAL-0024", "CONV-0007"]
        left = column(screen, "clocks", "left")
        assert left[1].startswith("overdue 2.39bd")
        # Due 14:52 EST today: 4 h 52 min of business time from 10:00.
        assert left[2] == "0.61bd (4:52:00bh) left"
        assert column(screen, "clocks", "due")[2] == "Wed 18 Nov 14:52 EST"
        # 90 s later the tick (every second, from the store's clock) says 4:50:30,
        # which is 0.605 of an 8-hour business day.
        clock.now = NOW + dt.timedelta(minutes=1, seconds=30)
        await wait_until(
            pilot, lambda: column(screen, "clocks", "left")[2] == "0.61bd (4:50:30bh) left", 2.5
        )


async def test_enter_drills_into_the_planted_overdue_sal(workspace: Path) -> None:
    async with compliance_open(workspace, Clock(NOW)) as (_store, app, pilot):
        screen = compliance_screen(app)
        table = screen.query_one("#commitments", DataTable)
        table.move_cursor(row=column(screen, "commitments", "id").index("t1-sal-answered"))
        await pilot.press("enter")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, ItemsModal)
        keys = column(modal, "items", "key")
        # November's items, open ones first: SAL-0020 (overdue since 13 Nov), SAL-0024.
        assert keys[:2] == ["SAL-0020", "SAL-0024"]
        assert row_of(modal, "items", f"SAL-0020@{_start_id(modal)}")["state"] == "overdue"
        assert "items 1–" in text(modal, "#items-status")
        await pilot.press("a")  # every item, September's too
        await settle(pilot)
        assert len(column(modal, "items", "key")) == 17
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


def _start_id(modal: ItemsModal) -> int:
    assert modal.drill.items is not None
    return next(i.start_id for i in modal.drill.items if i.key == "SAL-0020")


async def test_a_count_drills_into_the_accounts_short(workspace: Path) -> None:
    async with compliance_open(workspace, Clock(NOW)) as (_store, app, pilot):
        screen = compliance_screen(app)
        table = screen.query_one("#commitments", DataTable)
        table.move_cursor(row=column(screen, "commitments", "id").index("t1-mkt-impressions"))
        await pilot.press("i")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, ItemsModal)
        detail = text(modal, "#items-detail")
        assert "accounts short (1): linric-industries" in detail  # its ads paused for the pilot
        assert "accounts met (24)" in detail


async def test_escalations_open_first_with_whom_they_go_to(workspace: Path) -> None:
    async with compliance_open(workspace, Clock(NOW)) as (_store, app, pilot):
        screen = compliance_screen(app)
        await pilot.press("e")
        await settle(pilot)
        states = column(screen, "escalations", "state")
        subjects = column(screen, "escalations", "subject")
        assert list(zip(states, subjects, strict=True))[:2] == [
            ("open", "SAL-0020"),
            ("open", "venlyn-metals"),
        ]
        assert column(screen, "escalations", "to")[0] == "Sales Manager"
        assert column(screen, "escalations", "by")[0] == "marketing"
        assert text(screen, "#escalations-status").startswith("2 open · 5 shown")


async def test_the_sal_audit_of_the_period(workspace: Path) -> None:
    async with compliance_open(workspace, Clock(NOW)) as (_store, app, _pilot):
        summary = text(compliance_screen(app), "#audit-summary")
        assert "SAL audit 2026-11: 8 hand-offs, 8 meet the definition, 0 fail it" in summary
        assert "4 rejected (50%)" in summary
        assert "not a decision maker 2" in summary


async def test_the_period_selector_cycles_and_reads_labels(workspace: Path) -> None:
    async with compliance_open(workspace, Clock(NOW)) as (_store, app, pilot):
        screen = compliance_screen(app)
        await pilot.press("n")  # week
        await settle(pilot)
        assert row_of(screen, "commitments", "t1-sal-answered")["period"] == "2026-W47"
        assert "Review 2026-W47" in text(screen, "#review")
        await pilot.press("slash")
        field = screen.query_one("#period", Input)
        assert field.has_focus
        field.value = "2026-10"
        await pilot.press("enter")
        await settle(pilot)
        assert "Review 2026-10" in text(screen, "#review")
        assert row_of(screen, "commitments", "t1-sal-answered")["status"] in ("met", "missed")
        await pilot.press("slash")
        field.value = "2026-13"
        await pilot.press("enter")
        await settle(pilot)
        assert '"2026-13": no month 13' in text(screen, "#period-note")
        assert field.has_class("-bad")
        assert "Review 2026-10" in text(screen, "#review")  # what was shown stays


async def test_a_win_and_a_hand_off_in_another_process_appear_within_two_seconds(
    workspace: Path,
) -> None:
    async with compliance_open(workspace, Clock(NOW), poll_seconds=0.5) as (_s, app, pilot):
        screen = compliance_screen(app)
        notes = Notes(app)  # the wins of the first load were remembered, not announced
        with Store.open(workspace, create=False) as other:
            at = NOW - dt.timedelta(hours=1)
            other.log_event(EventRecord(at, "closed_won", account="kelford-freight"))
            other.log_event(
                EventRecord(at, "sal_notified", account="linric-industries", lead="SAL-9999")
            )
        took = await wait_until(pilot, lambda: "SAL-9999" in column(screen, "clocks", "key"), 2.0)
        assert took <= 2.0
        assert notes.messages == ["Won: Kelford Freight Corp. (t1 Strategic accounts)"]


async def test_a_workspace_without_an_agreement_says_how_to_start(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.db", now=Clock(NOW)) as store:
        app = create_app(store, poll_seconds=0, offer_sample=False)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)
            assert "d opens the Draft" in text(compliance_screen(app), "#review")


async def test_after_november_closes_the_misses_and_their_escalations_show(
    workspace: Path,
) -> None:
    async with compliance_open(workspace, Clock(LATER)) as (_store, app, pilot):
        screen = compliance_screen(app)
        field = screen.query_one("#period", Input)
        await pilot.press("slash")
        field.value = "2026-11"
        await pilot.press("enter")
        await settle(pilot)
        # 1 SAL in November for a 2-to-3 range: missed, and the streak is escalated.
        assert row_of(screen, "commitments", "t2-mkt-sal-volume")["status"] == "missed"
        subjects = column(screen, "escalations", "subject")
        assert "t2-mkt-sal-volume" in subjects and "2026-11" in subjects


# ---------------------------------------------------------------- the wording, without a screen


def test_the_period_choice_cycles_back_to_the_own_periods() -> None:
    chosen: list[str | None] = [None]
    for _ in range(5):
        chosen.append(views.next_period(chosen[-1]))
    assert chosen == [None, "week", "month", "quarter", "pilot", None]
    assert views.next_period("2026-11") is None  # after a typed label: the own periods
    assert views.read_period("  ") is None and views.read_period(" 2026-W45 ") == "2026-W45"


def test_a_sparkline_scales_to_the_highest_week_and_marks_missing_weeks() -> None:
    weeks = [
        WeekFigure("2026-W44", "missed", 0.0),
        WeekFigure("2026-W45", "met", 2.0),  # 2/4 of the top: round(3.5) = level 4, ▅
        WeekFigure("2026-W46", "no_data", None),
        WeekFigure("2026-W47", "met", 4.0),
    ]
    line = views.sparkline(weeks)
    assert line.plain == "▁▅·█"
    assert views.sparkline([WeekFigure("2026-W47", "met", 0.0)]).plain == "▁"  # all zero: flat
    assert views.sparkline(None).plain == "…"  # still being read


def test_the_clock_stands_still_outside_working_hours(demo: Path) -> None:
    """SAL-0024 is due Wed 18 Nov 14:52 EST; from Tue 17:00 to Wed 09:00 no business time passes."""
    with Store.open(demo, create=False) as store:
        judgement = judge(store, NOW, Selection.parse(None))
    item = next(i for i in judgement.evaluation.items["t1-sal-answered"] if i.key == "SAL-0024")
    cal = WorkCalendar.from_contract(judgement.contract)
    evening = dt.datetime(2026, 11, 17, 22, 0, tzinfo=dt.UTC)  # Tue 17:00 EST
    morning = dt.datetime(2026, 11, 18, 14, 0, tzinfo=dt.UTC)  # Wed 09:00 EST
    # 09:00 → 14:52 is 5 h 52 min of business time, 5.87/8 = 0.73 of a business day.
    assert views.countdown(item, cal, evening).plain == "0.73bd (5:52:00bh) left"
    assert views.countdown(item, cal, morning).plain == "0.73bd (5:52:00bh) left"
    # At 17:00 the same day it is 2 h 08 min overdue, on the business clock.
    late = dt.datetime(2026, 11, 18, 22, 0, tzinfo=dt.UTC)
    assert views.countdown(item, cal, late).plain == "overdue 0.27bd (2:08:00bh)"


def test_the_drill_down_pages_two_hundred_items_at_a_time(demo: Path) -> None:
    """450 items (the 17 real ones, copied): pages of 200, 200 and 50, open ones first."""
    with Store.open(demo, create=False) as store:
        judgement = judge(store, NOW, Selection.parse(None))
    real = judgement.evaluation.items["t1-sal-answered"]
    many = [replace(real[i % len(real)], start_id=i) for i in range(450)]
    judged = next(
        j for j in judgement.evaluation.commitments if j.figure.commitment == "t1-sal-answered"
    )
    cal = WorkCalendar.from_contract(judgement.contract)
    drill = Drill(judged, None, many, judgement.zone, cal, NOW)
    pages = [item_page(drill, offset, everything=True) for offset in (0, 200, 400)]
    assert [len(p.rows) for p in pages] == [200, 200, 50]
    assert {p.total for p in pages} == {450}
    # 2 of the 17 are open (SAL-0020, SAL-0024): their copies come first.
    opened = sum(1 for i in real if i.is_open)
    assert opened == 2
    first = [cells[2] for _, cells in pages[0].rows[: opened * 450 // 17]]
    assert {str(state) for state in first} <= {"overdue", "open"}


async def test_writes_during_a_judgement_fold_into_one_more(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five refreshes asked for while one judgement runs: one more judgement, not five."""
    calls: list[int] = []
    measure = jobs.measure

    def counted(store: Store, selection: str | None, request: int) -> object:
        calls.append(request)
        return measure(store, selection, request)

    monkeypatch.setattr(jobs, "measure", counted)
    async with compliance_open(workspace, Clock(NOW)) as (_store, app, pilot):
        screen = compliance_screen(app)
        calls.clear()
        for _ in range(5):
            screen.reload()
        await settle(pilot)
        assert len(calls) == 2
