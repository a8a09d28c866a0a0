"""Snapshot tests of the import and log-an-event modals (pytest-textual-snapshot), at 110×34.

Each modal runs in `ModalHost` (theme textual-dark) over a workspace holding
sample.toml. The files are written into `tmp_path`, which is the current
directory, and typed by name, so no varying path reaches the SVG. Before
each screenshot every worker has finished (detection starts the preview from
its handler, so `settle` loops), text cursors are steady, and a check asserts
the state meant to be drawn: a snapshot of the wrong state fails with a
reason instead of a picture.

Regenerate after an intended change with
`pytest tests/ui/test_pilot_modal_snapshots.py --snapshot-update` and look
at the SVGs in __snapshots__/test_pilot_modal_snapshots/.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, Select, Static

from screens.import_modal import ImportModal
from screens.log_event_modal import LogEventModal
from store import Store
from tests.ui.hosts import ModalHost, sample_store
from tests.ui.pilot_modal_support import (
    BAD_EVENTS,
    NOW,
    PRESETS,
    SIZE,
    copy,
    read_file,
    settle,
    write,
)

Step = Callable[[Pilot[Any]], Awaitable[None]]
THEME = "textual-dark"


@pytest.fixture(autouse=True)
def _no_environment_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    """The theme is the host's, never the shell's."""
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.chdir(tmp_path)
    opened = sample_store(tmp_path)
    yield opened
    opened.close()


def steps(*actions: Step) -> Step:
    """`run_before`: each action then `settle`, steady cursors, and the theme checked.

    An exception inside `run_before` reaches pytest only as "svg is None", so
    the actions assert as they go and the first failure is re-raised here.
    """

    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for action in actions:
            await action(pilot)
            await settle(pilot)
        for screen in pilot.app.screen_stack:
            for widget in screen.query(Input):
                widget.cursor_blink = False
        await pilot.pause()
        assert pilot.app.theme == THEME

    return run


def open_modal(make: Callable[[Store], Any], store: Store) -> Step:
    async def step(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, ModalHost)
        app.open(make(store))
        await pilot.pause()

    return step


def importing(store: Store) -> ImportModal:
    return ImportModal(store.path, store.current().contract)


def read(name: str) -> Step:
    async def step(pilot: Pilot[Any]) -> None:
        modal = pilot.app.screen
        assert isinstance(modal, ImportModal)
        await read_file(pilot, modal, name)

    return step


def press(*keys: str) -> Step:
    async def step(pilot: Pilot[Any]) -> None:
        await pilot.press(*keys)

    return step


def check(assertion: Callable[[Any], None]) -> Step:
    """Assert on the modal on top (the check is part of the steps, before the screenshot)."""

    async def step(pilot: Pilot[Any]) -> None:
        assertion(pilot.app.screen)

    return step


def compare(snap_compare: Callable[..., bool], store: Store, *actions: Step) -> bool:
    return snap_compare(ModalHost(store), terminal_size=SIZE, run_before=steps(*actions))


# ------------------------------------------------------------ the import modal


def preset_previewed(modal: ImportModal) -> None:
    assert modal.query_one("#import-layout", Select).value == "hubspot-contacts"
    assert modal.query_one("#import-preview", DataTable).row_count == 4
    assert modal.app.focused is modal.query_one("#import-submit")


def test_import_detected_with_preview(snap_compare: Any, store: Store, tmp_path: Path) -> None:
    """A HubSpot contacts export: the preset detected and why, its first rows as mapped."""
    name = copy(tmp_path, PRESETS / "hubspot_contacts.csv")
    assert compare(
        snap_compare, store, open_modal(importing, store), read(name), check(preset_previewed)
    )


def dates_refused(modal: ImportModal) -> None:
    message = str(modal.query_one("#import-message", Static).content)
    assert 'choose "day first" or "month first" under Dates' in message
    assert modal.app.focused is modal.query_one("#import-order")


def test_import_ambiguous_dates_refused(snap_compare: Any, store: Store, tmp_path: Path) -> None:
    """Dates that read either way round: the refusal in words, the Dates option focused."""
    name = copy(tmp_path, PRESETS / "salesforce_leads_ambiguous.csv")
    assert compare(
        snap_compare, store, open_modal(importing, store), read(name), check(dates_refused)
    )


def reported(modal: ImportModal) -> None:
    assert modal.phase == "done" and modal.outcome is not None
    assert modal.outcome.result is not None and modal.outcome.result.events == 2
    assert modal.app.focused is modal.query_one("#import-close")


def test_import_report(snap_compare: Any, store: Store, tmp_path: Path) -> None:
    """Skipping 2 bad rows of 4: what was imported, the rejects with their lines, their file."""
    name = write(tmp_path, "events.csv", BAD_EVENTS)

    async def skip_bad_rows(pilot: Pilot[Any]) -> None:
        pilot.app.screen.query_one("#import-skip", Checkbox).value = True

    assert compare(
        snap_compare,
        store,
        open_modal(importing, store),
        read(name),
        skip_bad_rows,
        press("ctrl+s"),
        check(reported),
    )


# ------------------------------------------------------------ the log modal


def logging(store: Store) -> LogEventModal:
    return LogEventModal(store.current().contract, ["acme", "globex"], now=NOW)


def refused(modal: LogEventModal) -> None:
    assert modal.is_active, "the modal closed: the event was not refused"
    account = modal.query_one("#log-account-message", Static)
    assert str(account.content) == "name the account (its key, e.g. acme)"
    assert modal.app.focused is modal.query_one("#log-account")


def test_log_event_validation(snap_compare: Any, store: Store) -> None:
    """A misspelt type (warned, allowed), no account and a bad time (refused) after ctrl+s."""

    async def fill(pilot: Pilot[Any]) -> None:
        screen = pilot.app.screen
        screen.query_one("#log-type", Input).value = "sal_notifed"
        screen.query_one("#log-at", Input).value = "yesterday"

    assert compare(
        snap_compare, store, open_modal(logging, store), fill, press("ctrl+s"), check(refused)
    )
