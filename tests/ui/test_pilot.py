"""The Pilot screen, driven by keys: window, tiers, batches, events paging and filters,
undo, and another terminal's import appearing on its own."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from screens.confirm_modal import ConfirmModal
from slatui.app import SlatuiApp, create_app
from store import BatchMeta, Store
from tests.ui.draft_support import settle, wait_until
from tests.ui.pilot_support import column, frozen, make_events, pilot_screen, pilot_workspace

SIZE = (140, 40)


@asynccontextmanager
async def pilot_open(
    path: Path, *, poll_seconds: float = 0
) -> AsyncIterator[tuple[Store, SlatuiApp, Pilot[None]]]:
    """The workbench on `path` (frozen clock), switched to the Pilot screen with `p`."""
    with Store.open(path, now=frozen) as store:
        app = create_app(store, poll_seconds=poll_seconds, offer_sample=False)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("p")
            await settle(pilot)
            yield store, app, pilot


def _text(screen: object, selector: str) -> str:
    widget = screen.query_one(selector, Static)  # type: ignore[attr-defined]
    return str(widget.render())


async def test_p_opens_the_pilot_with_window_tiers_batches_and_events(tmp_path: Path) -> None:
    path = pilot_workspace(tmp_path, events=5)
    async with pilot_open(path) as (_store, app, _pilot):
        screen = pilot_screen(app)
        window = _text(screen, "#window")
        # 18 Nov is day 17 of a pilot starting 2 Nov: (17 - 1) // 7 + 1 = week 3.
        assert "Pilot 2 Nov 2026 → 29 Nov 2026 · week 3 of 4" in window
        assert "5 events · 4 accounts · 0 contacts" in window
        # Every tier of the agreement, then the account without one.
        assert column(screen, "tiers", 0) == ["t1", "t2", "t3", "—"]
        assert column(screen, "tiers", 2) == ["2", "1", "0", "1"]
        assert column(screen, "batches", 1) == ["events.csv", "accounts.csv"]  # newest first
        # Times in New York: FIRST is 09:00 EST, then one event an hour.
        assert column(screen, "events", 0)[:2] == ["2026-11-02 09:00", "2026-11-02 10:00"]
        assert "events 1–5 of 5" in _text(screen, "#events-status")


async def test_quantities_and_types_are_shown_as_stored(tmp_path: Path) -> None:
    path = pilot_workspace(tmp_path, events=4)
    async with pilot_open(path) as (_store, app, _pilot):
        screen = pilot_screen(app)
        # Events 0..3: call (1), impression 10*1, call (1), impression 10*3.
        assert column(screen, "events", 1) == ["call", "ad_impression"] * 2
        assert column(screen, "events", 4) == ["1", "10", "1", "30"]


async def test_paging_forward_and_back_by_keys(tmp_path: Path) -> None:
    path = pilot_workspace(tmp_path, events=250)
    async with pilot_open(path) as (_store, app, pilot):
        screen = pilot_screen(app)
        status = lambda: _text(screen, "#events-status")  # noqa: E731
        assert "events 1–100 of 250" in status()
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "events 101–200 of 250" in status()
        # Event 100 is 100 hours after Mon 2 Nov 09:00 EST: Fri 6 Nov 13:00.
        assert column(screen, "events", 0)[0] == "2026-11-06 13:00"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "events 201–250 of 250" in status()
        assert screen.query_one("#events", DataTable).row_count == 50
        await pilot.press("right_square_bracket")  # the last page: stays
        await settle(pilot)
        assert "events 201–250 of 250" in status()
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "events 101–200 of 250" in status()
        await pilot.press("g")
        await settle(pilot)
        assert "events 1–100 of 250" in status()


async def test_filters_by_type_account_and_days(tmp_path: Path) -> None:
    path = pilot_workspace(tmp_path, events=60)
    async with pilot_open(path) as (_store, app, pilot):
        screen = pilot_screen(app)
        screen.query_one("#f-type", Select).value = "call"
        await settle(pilot)
        # Events 0, 2, ..., 58 are calls: 30 of them.
        assert "events 1–30 of 30" in _text(screen, "#events-status")
        assert set(column(screen, "events", 1)) == {"call"}
        screen.query_one("#f-type", Select).value = "*"
        await settle(pilot)
        screen.query_one("#f-account", Input).focus()
        await pilot.press(*"globex", "enter")
        await settle(pilot)
        assert "events 1–30 of 30" in _text(screen, "#events-status")
        assert set(column(screen, "events", 2)) == {"globex"}
        # Days are New York days, "to" inclusive: 2 Nov holds events 0..14
        # (09:00 .. 23:00 EST), of which the odd ones are on globex: 7.
        screen.query_one("#f-until", Input).focus()
        await pilot.press(*"2026-11-02", "enter")
        await settle(pilot)
        assert "events 1–7 of 7" in _text(screen, "#events-status")


async def test_a_bad_day_is_marked_and_explained_not_applied(tmp_path: Path) -> None:
    path = pilot_workspace(tmp_path, events=6)
    async with pilot_open(path) as (_store, app, pilot):
        screen = pilot_screen(app)
        since = screen.query_one("#f-since", Input)
        since.focus()
        await pilot.press(*"11/02/2026", "enter")
        await settle(pilot)
        assert since.has_class("-bad-filter")
        assert "write it as 2026-11-02" in _text(screen, "#events-status")
        assert screen.query_one("#events", DataTable).row_count == 6


async def test_undo_asks_then_removes_the_highlighted_batch(tmp_path: Path) -> None:
    path = pilot_workspace(tmp_path, events=5)
    async with pilot_open(path) as (store, app, pilot):
        await pilot.press("u")  # the newest batch is highlighted: events.csv
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert "Undo batch 2 (events.csv)" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        screen = pilot_screen(app)
        assert column(screen, "batches", 1) == ["accounts.csv"]
        assert screen.query_one("#events", DataTable).row_count == 0
        assert "No events match" in _text(screen, "#events-status")
        assert [b.file_name for b in store.batches()] == ["accounts.csv"]


async def test_undo_can_be_declined(tmp_path: Path) -> None:
    path = pilot_workspace(tmp_path, events=5)
    async with pilot_open(path) as (store, _app, pilot):
        await pilot.press("u", "n")
        await settle(pilot)
        assert len(store.batches()) == 2


async def test_an_import_in_another_terminal_appears_within_two_seconds(tmp_path: Path) -> None:
    path = pilot_workspace(tmp_path, events=5)
    async with pilot_open(path, poll_seconds=0.5) as (_store, app, pilot):
        screen = pilot_screen(app)
        with Store.open(path, create=False) as other:
            other.import_batch(
                BatchMeta("more.csv", "m" * 64, "events"), events=make_events(3, start=5)
            )
        took = await wait_until(
            pilot, lambda: "events 1–8 of 8" in _text(screen, "#events-status"), 2.0
        )
        assert took <= 2.0
        assert column(screen, "batches", 1)[0] == "more.csv"
        assert "8 events" in _text(screen, "#window")


async def test_the_pilot_reads_again_when_shown_again(tmp_path: Path) -> None:
    """Writes seen while on Draft (poll off here) are on the Pilot when it comes back."""
    path = pilot_workspace(tmp_path, events=5)
    async with pilot_open(path) as (store, app, pilot):
        await pilot.press("d")
        await settle(pilot)
        store.import_batch(BatchMeta("b.csv", "b" * 64, "events"), events=make_events(2, start=5))
        await pilot.press("p")
        await settle(pilot)
        assert "events 1–7 of 7" in _text(pilot_screen(app), "#events-status")


async def test_a_workspace_without_pilot_data_says_how_to_start(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.db", now=frozen) as store:
        app = create_app(store, poll_seconds=0, offer_sample=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("p")
            await settle(pilot)
            screen = pilot_screen(app)
            assert "No pilot in the agreement" in _text(screen, "#window")
            assert "i imports a file" in _text(screen, "#batch-detail")
            await pilot.press("u")
            await settle(pilot)
            assert pilot_screen(app) is app.screen  # nothing to undo: no modal


async def test_l_logs_an_event_as_a_batch_of_its_own(tmp_path: Path) -> None:
    from screens.log_event_modal import LogEventModal

    path = pilot_workspace(tmp_path, events=2)
    async with pilot_open(path) as (store, app, pilot):
        await pilot.press("l")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, LogEventModal)
        modal.query_one("#log-type", Input).value = "sal_notified"
        modal.query_one("#log-account", Input).value = "acme"
        modal.query_one("#log-lead", Input).value = "SAL-9"
        modal.query_one("#log-at", Input).value = "2026-11-18T10:30"  # New York, EST
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = pilot_screen(app)
        assert app.screen is screen
        assert column(screen, "batches", 1)[0] == "slatui log"
        assert "events 1–3 of 3" in _text(screen, "#events-status")
        assert column(screen, "events", 0)[-1] == "2026-11-18 10:30"
        logged = store.events_page(None).events[-1]
        assert (logged.type, logged.account, logged.lead) == ("sal_notified", "acme", "SAL-9")
        assert logged.occurred_at.isoformat() == "2026-11-18T15:30:00+00:00"  # 10:30 EST
