"""Snapshots of the Pilot screen: wide and narrow, a filtered page, the undo question.

The workspace is tests/ui/pilot_support's: sample.toml, four accounts and a
known run of events, on a store clock frozen in week 3 of the pilot, so the
window line, the batch times and every row are the same on every run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from screens.confirm_modal import ConfirmModal
from screens.pilot_screen import PilotScreen
from slatui.app import SlatuiApp
from store import Store

from .pilot_support import frozen, pilot_workspace
from .snapshot_support import compare, workbench

SIZES = pytest.mark.parametrize("size", [(140, 40), (100, 30)], ids=["140x40", "100x30"])


@pytest.fixture(autouse=True)
def _no_environment_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    """The theme comes from the App, never from the shell running the tests."""
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(pilot_workspace(tmp_path, events=130), now=frozen)
    yield opened
    opened.close()


def pilot_shown(rows: int) -> Callable[[SlatuiApp], None]:
    """The Pilot screen is the mode on screen and its table holds `rows` rows."""

    def check(app: SlatuiApp) -> None:
        screen = app.screen_stack[0]
        assert isinstance(screen, PilotScreen)
        assert screen.summary is not None, "the pilot was never read"
        assert screen.shown == rows

    return check


def choose_type(name: str) -> Callable[[Pilot[Any]], None]:
    def step(pilot: Pilot[Any]) -> None:
        pilot.app.screen.query_one("#f-type", Select).value = name

    return step


@SIZES
def test_pilot_screen(snap_compare: Any, store: Store, size: tuple[int, int]) -> None:
    """`p`: week 3 of 4, tiers, batches, the first page of 130 events."""
    assert compare(snap_compare, workbench(store), size, ["p"], [pilot_shown(100)])


def test_pilot_filtered_by_type(snap_compare: Any, store: Store) -> None:
    """Calls only: events 0, 2, ..., 128 are calls, 65 of the 130, all on one page."""
    steps = ["p", choose_type("call")]
    assert compare(snap_compare, workbench(store), (140, 40), steps, [pilot_shown(65)])


def test_pilot_second_page(snap_compare: Any, store: Store) -> None:
    """`]`: events 101–130, and the status line offers `[` and `g` back."""
    steps = ["p", "right_square_bracket"]
    assert compare(snap_compare, workbench(store), (140, 40), steps, [pilot_shown(30)])


def test_undo_question(snap_compare: Any, store: Store) -> None:
    """`u` asks before removing the newest batch, and says what comes back."""
    steps = ["p", "u"]
    on_top = lambda app: isinstance(app.screen, ConfirmModal) or _fail(app)  # noqa: E731
    assert compare(snap_compare, workbench(store), (100, 30), steps, [on_top])


def _fail(app: SlatuiApp) -> bool:
    raise AssertionError(f"{app.screen} is on top, not the undo question")
