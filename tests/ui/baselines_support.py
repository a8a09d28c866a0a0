"""Helpers for the Baselines screen's tests: the hand-built pilot on a frozen clock.

The workspace is tests/test_baselines.py's (tests/fixtures/baselines/): the
4-week pilot Mon 2 Nov to Sun 29 Nov 2026 in New York, with every figure
worked out by hand in that module's comments. It is built once per test
module through the CLI, as a user would, and copied for each test as
`workspace.db` (the header shows the file name). The store's clock is frozen
on Thursday 3 December 2026 11:00 in New York: every week of the pilot is over.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from screens.baselines_screen import BaselinesScreen
from slatui.app import SlatuiApp
from slatui.cli.main import run
from store import Store
from tests.ui.snapshot_support import settle, workbench

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "baselines"
NOW = dt.datetime(2026, 12, 3, 16, 0, tzinfo=dt.UTC)  # Thu 3 Dec 11:00 EST
SIZE = (140, 40)


def frozen() -> dt.datetime:
    """The store's `now`: the judged moment."""
    return NOW


def build_pilot(folder: Path) -> Path:
    """The hand-built pilot: the contract, twelve accounts, the SALs, calls and inquiries."""
    path = folder / "pilot.db"
    db = ["--db", str(path)]
    assert run(["init", "--from", str(FIXTURES / "contract.toml"), *db]) == 0
    assert run(["import", "accounts", str(FIXTURES / "accounts.csv"), *db]) == 0
    assert run(["import", "events", str(FIXTURES / "events.csv"), *db]) == 0
    return path


def copy_pilot(built: Path, tmp_path: Path) -> Path:
    """A copy for one test, named as the snapshots expect."""
    path = tmp_path / "workspace.db"
    shutil.copy(built, path)
    return path


def agree(path: Path) -> None:
    """Both parties sign v1: it is agreed and read-only."""
    with Store.open(path, create=False, now=frozen) as store:
        store.sign("marketing", "Dana Ortiz")
        store.sign("sales", "Sam Lee")


@asynccontextmanager
async def baselines_open(path: Path) -> AsyncIterator[tuple[Store, SlatuiApp, Pilot[None]]]:
    """The workbench on `path` (frozen clock), switched to Baselines with `b`, measured."""
    with Store.open(path, create=False, now=frozen) as store:
        app = workbench(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("b")
            await settle(pilot)
            yield store, app, pilot


def baselines_screen(app: App[Any]) -> BaselinesScreen:
    """The Baselines screen (the bottom of the baselines mode's stack)."""
    screen = app.get_screen_stack("baselines")[0]
    assert isinstance(screen, BaselinesScreen), screen
    return screen


def row_of(screen: Any, key: str) -> dict[str, str]:
    """One row of the table by its commitment, as {column key: text}."""
    widget = screen.query_one("#baselines-table", DataTable)
    cells = widget.get_row(key)
    return {str(c.key.value): str(v) for c, v in zip(widget.ordered_columns, cells, strict=True)}


def text(screen: Any, selector: str) -> str:
    """What a Static shows."""
    return str(screen.query_one(selector, Static).render())


async def highlight(pilot: Pilot[Any], ident: str) -> None:
    """Move the table's cursor to commitment `ident`."""
    screen = baselines_screen(pilot.app)
    table = screen.query_one("#baselines-table", DataTable)
    table.move_cursor(row=table.get_row_index(ident))
    await settle(pilot)


class Notes:
    """Records what the App notifies (the messages), and still shows them."""

    def __init__(self, app: App[Any]) -> None:
        self.messages: list[str] = []
        self._show = app.notify
        app.notify = self  # type: ignore[method-assign]

    def __call__(self, message: str, **options: Any) -> None:
        self.messages.append(message)
        self._show(message, **options)
