"""Helpers for the Compliance screen's tests: the demo workspace on a frozen clock.

The demo (`slatui demo`: sample.toml as v1 and the generated pilot with its
planted cases) is built once per test module and copied for each test as
`workspace.db` (the header shows the file name). The store's clock is frozen
on Wednesday 18 November 2026 10:00 in New York, week 3 of the pilot, when:

- SAL-0020 (Kelford Freight, Tier 1, handed off Thu 12 Nov 14:53 EST, 1bd)
  has been overdue since Fri 13 Nov 14:53 and was never contacted;
- SAL-0024 (Linric Industries) is due today 14:52 EST: 4 h 52 min of business
  time left (10:00 → 14:52 on a working Wednesday), 0.61bd;
- the open escalations are SAL-0020's (to the Sales Manager) and
  venlyn-metals' engaged-no-conversion (to the Joint strategy review).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from screens.compliance_screen import ComplianceScreen
from slatui.app import SlatuiApp, create_app
from slatui.cli.main import run
from store import Store
from tests.ui.snapshot_support import settle

NOW = dt.datetime(2026, 11, 18, 15, 0, tzinfo=dt.UTC)  # Wed 10:00 EST
LATER = dt.datetime(2026, 12, 3, 15, 0, tzinfo=dt.UTC)  # Thu 10:00 EST, November closed
SIZE = (140, 40)


def build_demo(folder: Path) -> Path:
    """The demo workspace, built by `slatui demo` as a user would."""
    path = folder / "demo.db"
    assert run(["demo", "--no-open", "--db", str(path)]) == 0
    return path


def copy_demo(demo: Path, tmp_path: Path) -> Path:
    """A copy of the demo for one test, named as the snapshots expect."""
    path = tmp_path / "workspace.db"
    shutil.copy(demo, path)
    return path


class Clock:
    """A store clock the test can move: frozen at `now` until told otherwise."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@asynccontextmanager
async def compliance_open(
    path: Path, clock: Callable[[], dt.datetime], *, poll_seconds: float = 0
) -> AsyncIterator[tuple[Store, SlatuiApp, Pilot[None]]]:
    """The workbench on `path`, switched to the Compliance screen with `c`, figures drawn."""
    with Store.open(path, create=False, now=clock) as store:
        app = create_app(store, poll_seconds=poll_seconds, offer_sample=False)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)
            yield store, app, pilot


def compliance_screen(app: App[Any]) -> ComplianceScreen:
    """The Compliance screen (the bottom of the compliance mode's stack)."""
    screen = app.screen_stack[0]
    assert isinstance(screen, ComplianceScreen), screen
    return screen


def column(screen: Any, table: str, key: str) -> list[str]:
    """The text of one column of a table, top to bottom."""
    widget = screen.query_one(f"#{table}", DataTable)
    index = widget.get_column_index(key)
    return [str(widget.get_cell_at((row, index))) for row in range(widget.row_count)]


def row_of(screen: Any, table: str, key: str) -> dict[str, str]:
    """One row of a table by its key, as {column key: text}."""
    widget = screen.query_one(f"#{table}", DataTable)
    cells = widget.get_row(key)
    return {str(c.key.value): str(v) for c, v in zip(widget.ordered_columns, cells, strict=True)}


def text(screen: Any, selector: str) -> str:
    """What a Static shows."""
    return str(screen.query_one(selector, Static).render())


class Notes:
    """Records what the App notifies (the messages), and still shows them."""

    def __init__(self, app: App[Any]) -> None:
        self.messages: list[str] = []
        self._show = app.notify
        app.notify = self  # type: ignore[method-assign]

    def __call__(self, message: str, **options: Any) -> None:
        self.messages.append(message)
        self._show(message, **options)
