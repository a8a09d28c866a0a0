"""Snapshots of the Baselines screen: wide and narrow, a what-if, the adopt question.

The workspace is tests/ui/baselines_support's hand-built pilot on a store
clock frozen on Thu 3 Dec 2026 11:00 EST (every week of the pilot over), and
the App's theme is fixed, so every row, the head line and the what-if are the
same on every run. Each snapshot waits for the workers (the measurement, the
what-if) before it is taken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from screens.adopt_modal import AdoptModal
from screens.baselines_screen import BaselinesScreen
from slatui.app import SlatuiApp
from store import Store

from .baselines_support import agree, build_pilot, copy_pilot, frozen, highlight
from .snapshot_support import compare, workbench

SIZES = pytest.mark.parametrize(
    "size", [(140, 40), (100, 30), (160, 50)], ids=["140x40", "100x30", "160x50"]
)


@pytest.fixture(autouse=True)
def _no_environment_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    """The theme comes from the App, never from the shell running the tests."""
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_pilot(tmp_path_factory.mktemp("baselines-snapshots"))


@pytest.fixture
def path(built: Path, tmp_path: Path) -> Path:
    return copy_pilot(built, tmp_path)


@pytest.fixture
def store(path: Path) -> Iterator[Store]:
    opened = Store.open(path, create=False, now=frozen)
    yield opened
    opened.close()


def measured(app: SlatuiApp) -> None:
    """The Baselines screen is on screen with its five commitments."""
    screen = app.get_screen_stack("baselines")[0]
    assert isinstance(screen, BaselinesScreen)
    assert [r.ident for r in screen.rows] == [
        "sal-volume",
        "first-contact",
        "t2-owner",
        "inquiry-answered",
        "weekly-report",
    ]


def asking(app: SlatuiApp) -> None:
    """The adopt question is up."""
    assert isinstance(app.screen, AdoptModal)


def to(ident: str) -> Callable[[Pilot[Any]], Any]:
    def step(pilot: Pilot[Any]) -> Any:
        return highlight(pilot, ident)

    return step


@SIZES
def test_baselines_screen(snap_compare: Any, store: Store, size: tuple[int, int]) -> None:
    """`b`: four commitments by week, sal-volume's reasoning in the detail."""
    assert compare(snap_compare, workbench(store), size, ["b"], [measured])


def test_baselines_whatif(snap_compare: Any, store: Store) -> None:
    """first-contact within 4bh: S3 and S7 turn late, 80% becomes 60%."""
    keys = ["b", to("first-contact"), "w", *"within=4bh", "enter"]
    assert compare(snap_compare, workbench(store), (140, 40), keys, [measured])


def test_baselines_whatif_narrow(snap_compare: Any, store: Store) -> None:
    """Narrow: the what-if under the detail, a refused value explained in place."""
    keys = ["b", to("first-contact"), "w", *"within=24", "enter"]
    assert compare(snap_compare, workbench(store), (100, 30), keys, [measured])


def test_adopt_question(snap_compare: Any, store: Store) -> None:
    """`a` on sal-volume: min 2 → 8, max 3 → 8, the reasoning, the name."""
    app = workbench(store)
    assert compare(snap_compare, app, (140, 40), ["b", "a", _name], [asking])


def test_adopt_question_on_an_agreed_version(snap_compare: Any, path: Path, store: Store) -> None:
    """Agreed v1: the question says a new draft version will be started."""
    agree(path)
    app = workbench(store)
    assert compare(snap_compare, app, (100, 30), ["b", to("first-contact"), "a", _name], [asking])


def _name(pilot: Pilot[Any]) -> None:
    """A fixed name instead of the login name of whoever runs the tests."""
    from textual.widgets import Input

    field = pilot.app.screen.query_one("#adopt-name", Input)
    field.value = "Dana Ortiz"
    field.action_end()  # the cursor after the name, nothing selected
