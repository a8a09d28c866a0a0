"""Snapshot tests of the workbench (pytest-textual-snapshot), at 120×40 and 80×24.

Each test builds a fresh `workspace.db` holding sample.toml on a frozen store
clock, starts the real App (`create_app`) with a fixed theme, drives it inside
`run_before`, waits for every worker and Markdown update, steadies the text
cursors and checks the state it meant to draw before the screenshot is taken
(tests/ui/snapshot_support.py). The SVGs are in __snapshots__/test_snapshots/.

Regenerate after an intended change of a screen with
`pytest tests/ui/test_snapshots.py --snapshot-update`, look at the SVGs, and
commit them with the change.

At 80 columns the Draft screen hides its side panel (lint and clause
preview; `l` brings them in place of the editor) and narrows the tree; the
80x24 snapshots record what the narrow layout shows, and
`test_narrow_layout_hides_the_side_panel` checks it directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Markdown, MarkdownViewer, Static

from screens.contract_preview import ContractPreview
from screens.draft_screen import DraftScreen
from screens.sign_modal import SignModal
from screens.versions_screen import VersionsScreen
from screens.widgets.agreement_tree import AgreementTree
from screens.widgets.clause_editor import ClauseEditor
from screens.widgets.lint_panel import LintPanel
from slatui.app import SlatuiApp
from slatui.editing import NodeRef
from store import Store

from .snapshot_support import (
    FIRST_CONTACT,
    SAL_VOLUME,
    agree_v1,
    compare,
    sample_store,
    settle,
    start_v2_with_one_edit,
    workbench,
)

SIZES = pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])


@pytest.fixture(autouse=True)
def _no_environment_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    """The theme comes from the App, never from the shell running the tests.

    Textual reads TEXTUAL_THEME once, when `textual.constants` is imported, so
    this only keeps it from reaching anything started during the test; what
    makes the theme fixed is `create_app(theme=...)`, checked before each
    screenshot (`Steps`). A run with TEXTUAL_THEME=nord passes unchanged.
    """
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = sample_store(tmp_path)
    yield opened
    opened.close()


# ------------------------------------------------------------ steps and checks


def draft(app: SlatuiApp) -> DraftScreen:
    """The Draft screen, under whatever modal is on top."""
    for screen in app.screen_stack:
        if isinstance(screen, DraftScreen):
            return screen
    raise AssertionError(f"no Draft screen in {app.screen_stack}")


def select(ref: NodeRef) -> Callable[[Pilot[Any]], None]:
    """Select a clause in the tree, as a click or the arrow keys would."""

    def step(pilot: Pilot[Any]) -> None:
        draft(pilot.app).query_one(AgreementTree).select_ref(ref)  # type: ignore[arg-type]

    return step


def editing(ref: NodeRef) -> Callable[[SlatuiApp], None]:
    """The editor shows `ref`, the tree's cursor is on it, and the tree has focus."""

    def check(app: SlatuiApp) -> None:
        screen = draft(app)
        assert screen.version is not None, "the workspace was never loaded"
        tree = screen.query_one(AgreementTree)
        assert tree.cursor_node is not None and tree.cursor_node.data == ref
        assert screen.query_one(ClauseEditor).node == ref
        assert app.focused is tree

    return check


def on_top(kind: type) -> Callable[[SlatuiApp], None]:
    def check(app: SlatuiApp) -> None:
        assert isinstance(app.screen, kind), f"{app.screen} is on top, not a {kind.__name__}"

    return check


def preview_says(*words: str) -> Callable[[SlatuiApp], None]:
    """The clause preview (hidden or not) holds each of `words`."""

    def check(app: SlatuiApp) -> None:
        source = draft(app).query_one("#clause-preview", Markdown).source
        for word in words:
            assert word in source, f"{word!r} not in the clause preview"

    return check


# ------------------------------------------------------------ 0. the narrow layout


async def test_narrow_layout_hides_the_side_panel(store: Store) -> None:
    """Below 100 columns the design hides lint and preview and narrows the tree."""
    app = workbench(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = draft(app)
        assert screen.has_class("-narrow")
        assert not screen.query_one("#side").display
        assert screen.query_one(AgreementTree).outer_size.width == 34


# ------------------------------------------------------------ 1. tree + editor


@SIZES
def test_draft_tree_and_editor(snap_compare: Any, store: Store, size: tuple[int, int]) -> None:
    """A count commitment selected: the tree under its tier and party, its fields in the editor."""
    assert compare(
        snap_compare,
        workbench(store),
        size,
        [select(SAL_VOLUME)],
        [editing(SAL_VOLUME)],
    )


# ------------------------------------------------------------ 2. worked examples


@SIZES
def test_draft_response_commitment(snap_compare: Any, store: Store, size: tuple[int, int]) -> None:
    """A response commitment: the preview adds worked examples (the side panel, 120 wide only)."""
    assert compare(
        snap_compare,
        workbench(store),
        size,
        [select(FIRST_CONTACT)],
        [
            editing(FIRST_CONTACT),
            preview_says("Worked examples", "Friday afternoon"),
        ],
    )


# ------------------------------------------------------------ 3. lint panel


def lint_highlighted(app: SlatuiApp) -> None:
    panel = draft(app).query_one(LintPanel)
    assert panel.warnings, "the sample has no lint warnings any more: pick another draft"
    assert app.focused is panel
    assert panel.highlighted == 0


@SIZES
def test_draft_lint_panel_focused(snap_compare: Any, store: Store, size: tuple[int, int]) -> None:
    """`l` moves the focus into the lint panel; down highlights its first warning.

    (`l` alone highlights nothing: an OptionList has no highlight until moved.)
    """
    assert compare(snap_compare, workbench(store), size, ["l", "down"], [lint_highlighted])


# ------------------------------------------------------------ 4. contract preview


def contract_shown(app: SlatuiApp) -> None:
    viewer = app.screen.query_one(MarkdownViewer)
    assert "ABM Sales & Marketing SLA" in viewer.document.source


@SIZES
def test_contract_preview(snap_compare: Any, store: Store, size: tuple[int, int]) -> None:
    """`m` shows the whole contract as the Markdown export says it."""
    assert compare(
        snap_compare, workbench(store), size, ["m"], [on_top(ContractPreview), contract_shown]
    )


# ------------------------------------------------------------ 5. sign-off


def digest_shown(store: Store) -> Callable[[SlatuiApp], None]:
    def check(app: SlatuiApp) -> None:
        digest = app.screen.query_one("#sign-digest", Static)
        assert str(digest.content) == store.current().digest

    return check


@SIZES
def test_sign_modal(snap_compare: Any, store: Store, size: tuple[int, int]) -> None:
    """`s` opens the sign-off modal with the digest being signed and both parties' states."""
    assert compare(
        snap_compare, workbench(store), size, ["s"], [on_top(SignModal), digest_shown(store)]
    )


# ------------------------------------------------------------ 6. versions and diff


def diff_shown(app: SlatuiApp) -> None:
    screen = app.screen
    assert screen.query_one(DataTable).row_count == 2
    lines = [str(s.content) for s in screen.query(".diff-line").results(Static)]
    assert lines == ["changed commitments[t2-mkt-sal-volume].max: 3 → 4"], lines


@SIZES
def test_versions_with_diff(snap_compare: Any, store: Store, size: tuple[int, int]) -> None:
    """v1 agreed, v2 a draft with one edit: `v` lists both and shows the diff v1 → v2."""
    start_v2_with_one_edit(store)
    assert compare(
        snap_compare, workbench(store), size, ["v"], [on_top(VersionsScreen), diff_shown]
    )


# ------------------------------------------------------------ 7. agreed, read-only


def read_only_banner(app: SlatuiApp) -> None:
    screen = draft(app)
    assert screen.read_only
    banner = screen.query_one("#banner", Static)
    assert banner.display and "read-only" in str(banner.content)
    assert app.title.endswith("· v1 · agreed")


@SIZES
def test_agreed_version_read_only(snap_compare: Any, store: Store, size: tuple[int, int]) -> None:
    """v1 signed by both: the banner says read-only and the editor's fields are disabled."""
    agree_v1(store)
    assert compare(
        snap_compare,
        workbench(store),
        size,
        [select(SAL_VOLUME)],
        [editing(SAL_VOLUME), read_only_banner],
    )
