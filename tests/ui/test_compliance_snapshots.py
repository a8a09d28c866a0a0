"""Snapshots of the Compliance screen on the demo workspace, on a frozen clock.

Wednesday 18 November 2026 10:00 in New York (week 3 of the pilot) for the
figures, the open clocks and the drill-down; Thursday 3 December, once
November has closed, for the escalations. The countdown ticks from the
store's frozen clock, so every second draws the same frame.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from screens.compliance_items_modal import ItemsModal
from slatui.app import SlatuiApp
from store import Store

from .compliance_support import LATER, NOW, Clock, build_demo, compliance_screen, copy_demo
from .snapshot_support import compare, workbench

SIZES = pytest.mark.parametrize(
    "size", [(140, 40), (100, 30), (160, 50)], ids=["140x40", "100x30", "160x50"]
)


@pytest.fixture(autouse=True)
def _no_environment_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    """The theme comes from the App, never from the shell running the tests."""
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo"))


def opened(demo: Path, tmp_path: Path, now: dt.datetime) -> Store:
    return Store.open(copy_demo(demo, tmp_path), create=False, now=Clock(now))


@pytest.fixture
def store(demo: Path, tmp_path: Path) -> Iterator[Store]:
    with opened(demo, tmp_path, NOW) as store:
        yield store


def judged(app: SlatuiApp) -> None:
    """The Compliance screen is on and its figures and sparklines are drawn."""
    screen = compliance_screen(app)
    assert screen.measured is not None, "the workspace was never judged"
    assert screen.weeks is not None, "the sparklines never came"


def on(commitment: str) -> Callable[[Pilot[Any]], None]:
    """Put the commitments cursor on one commitment."""

    def step(pilot: Pilot[Any]) -> None:
        screen = compliance_screen(pilot.app)
        table = screen.query_one("#commitments", DataTable)
        table.move_cursor(row=table.get_row_index(commitment))

    return step


def drilled(app: SlatuiApp) -> None:
    assert isinstance(app.screen, ItemsModal), f"{app.screen} is on top, not the drill-down"
    assert app.screen.page is not None, "the items were never drawn"


@SIZES
def test_compliance_screen(snap_compare: Any, store: Store, size: tuple[int, int]) -> None:
    """`c`: commitments by tier, the open clocks soonest first, the review line."""
    assert compare(snap_compare, workbench(store), size, ["c"], [judged])


@pytest.mark.parametrize("size", [(140, 40), (100, 30)], ids=["140x40", "100x30"])
def test_drill_down_into_sal_answered(
    snap_compare: Any, store: Store, size: tuple[int, int]
) -> None:
    """enter on t1-sal-answered: November's items, SAL-0020 overdue first."""
    steps = ["c", on("t1-sal-answered"), "enter"]
    assert compare(snap_compare, workbench(store), size, steps, [judged, drilled])


def test_sal_audit_tab(snap_compare: Any, store: Store) -> None:
    """`a`: November's audit so far, 8 hand-offs, 4 rejected, and each hand-off."""
    assert compare(snap_compare, workbench(store), (140, 40), ["c", "a"], [judged])


def test_escalations_after_november(snap_compare: Any, demo: Path, tmp_path: Path) -> None:
    """`e` on 3 December: the volume streak and the rejections are open, to whom they go."""
    with opened(demo, tmp_path, LATER) as store:
        assert compare(snap_compare, workbench(store), (140, 40), ["c", "e"], [judged])
