"""Helpers for the Draft screen's Pilot tests: a sample workspace, waiting, editing.

Every wait is on the App's workers or on a condition polled in short pauses
with a deadline, never a fixed long sleep.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static

from screens.draft_screen import DraftScreen
from screens.widgets.agreement_tree import AgreementTree
from screens.widgets.clause_editor import ClauseEditor, field_id
from slatui.app import SlatuiApp
from slatui.contract.load import load_file
from slatui.editing import NodeRef
from store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample.toml"
SIZE = (120, 40)

SAL_VOLUME = NodeRef("commitment", "t2-mkt-sal-volume")
FIRST_CONTACT = NodeRef("commitment", "t2-sales-first-contact")


def sample_workspace(tmp_path: Path) -> Path:
    """A workspace file holding sample.toml as v1; the Store that made it is closed."""
    path = tmp_path / "w.db"
    with Store.open(path) as store:
        store.import_contract(load_file(SAMPLE), source="sample.toml")
    return path


def stored(path: Path) -> Store:
    """A second, independent Store on the file: what another terminal would read."""
    return Store.open(path, create=False)


def draft(app: App[Any]) -> DraftScreen:
    """The Draft screen (the App's screen when no modal is on top)."""
    screen = app.screen_stack[0]
    assert isinstance(screen, DraftScreen)
    return screen


async def settle(pilot: Pilot[None]) -> None:
    """Let every worker finish and the messages they posted be handled."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float) -> float:
    """Pause in 0.1 s steps until `condition()` holds; the seconds it took (fails after)."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"not true within {seconds} s")
        await pilot.pause(0.1)
    return time.monotonic() - start


async def select(pilot: Pilot[None], ref: NodeRef) -> ClauseEditor:
    """Select a clause in the tree and wait for its editor."""
    screen = draft(pilot.app)
    screen.query_one(AgreementTree).select_ref(ref)
    await settle(pilot)
    editor = screen.query_one(ClauseEditor)
    assert editor.node == ref
    return editor


def field(editor: ClauseEditor, key: str) -> Input:
    """The Input of a field."""
    return editor.query_one(f"#{field_id(key)}", Input)


def error_text(editor: ClauseEditor, key: str) -> str:
    """What the error line under a field says ("" while hidden)."""
    error = editor.query_one(f"#{field_id(key)}-error", Static)
    return str(error.content) if error.display else ""


async def type_into(pilot: Pilot[None], editor: ClauseEditor, key: str, text: str) -> None:
    """Focus a field's Input, replace its text by typing, press enter, wait."""
    widget = field(editor, key)
    widget.focus()
    await pilot.pause()
    widget.value = ""
    await pilot.press(*text, "enter")
    await settle(pilot)


def record_notes(app: SlatuiApp) -> list[str]:
    """Every notification the App shows from now on, as "title: message"."""
    notes: list[str] = []
    show = app.notify

    def notify(message: str, *, title: str = "", **options: Any) -> None:
        notes.append(f"{title}: {message}")
        show(message, title=title, **options)

    app.notify = notify  # type: ignore[method-assign]
    return notes
