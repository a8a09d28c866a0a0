"""Pilot tests of the modals: what each returns, and what it refuses.

Every modal runs in `ModalHost` (tests/ui/hosts.py) over a real workspace
holding sample.toml, so store calls go through the real workspace client and
its thread workers; tests wait for the workers, never sleep.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Static

from screens.choice_modal import ChoiceModal
from screens.confirm_modal import ConfirmModal
from screens.conflict_modal import ConflictModal
from screens.export_modal import ExportModal, resolve
from screens.messages import SaveConflicted
from screens.sign_modal import SignModal
from screens.versions_screen import VersionsScreen
from slatui.editing import NodeRef, set_field
from slatui.exporting import export_text
from store import Store
from tests.ui.hosts import ModalHost, sample_store

SIZE = (100, 30)
FIRST_CONTACT = NodeRef("commitment", "t2-sales-first-contact")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return sample_store(tmp_path)


def text_of(widget: Static) -> str:
    return str(widget.content)


async def settle(pilot: Pilot[None]) -> None:
    """Let store workers finish and their messages be handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


# ------------------------------------------------------------ ConfirmModal


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["y"], True),
        (["n"], False),
        (["escape"], False),
        (["enter"], False),  # enter on the focused Cancel button: the safe default
        (["tab", "enter"], True),  # enter on the confirm button
    ],
)
async def test_confirm_answers(store: Store, keys: list[str], expected: bool) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        app.open(ConfirmModal("Delete commitment t1-win-rate?"))
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
    assert app.results == [expected]


async def test_confirm_focus_starts_on_cancel(store: Store) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        app.open(ConfirmModal("Delete?", confirm_label="Remove", danger=False))
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "confirm-cancel"
        assert str(app.screen.query_one("#confirm-ok", Button).label) == "Remove (y)"
        assert app.screen.query_one("#confirm-ok", Button).variant == "primary"


# ------------------------------------------------------------ ChoiceModal

MEASURES = [("count: events per period", "count"), ("response: a clock per item", "response")]


async def test_choice_picks_the_highlighted_value(store: Store) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        app.open(ChoiceModal("Add which measure?", MEASURES, help="Pick a template."))
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.results == ["response"]


async def test_choice_enter_picks_the_first_and_escape_cancels(store: Store) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        app.open(ChoiceModal("Add which measure?", MEASURES))
        await pilot.pause()
        await pilot.press("enter")
        app.open(ChoiceModal("Add which measure?", MEASURES))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == ["count", None]


# ------------------------------------------------------------ SignModal


async def test_sign_shows_the_full_digest_and_refuses_an_empty_name(store: Store) -> None:
    version = store.current()
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = SignModal(version)
        app.open(modal)
        await pilot.pause()
        digest = modal.query_one("#sign-digest", Static)
        assert text_of(digest) == version.digest
        assert digest.size.width >= len(version.digest)  # shown whole, not cut off
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is modal and app.results == []
        error = modal.query_one("#sign-error", Static)
        assert error.display and "name" in text_of(error)
        await pilot.press(*"Ana Ruiz", "enter")
        await pilot.pause()
    assert app.results == [("marketing", "Ana Ruiz")]


async def test_sign_offers_only_the_party_still_missing(store: Store) -> None:
    store.sign("marketing", "Ana Ruiz")
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = SignModal(store.current())
        app.open(modal)
        await pilot.pause()
        states = [text_of(s) for s in modal.query(".sign-state").results(Static)]
        assert states[0].startswith("marketing: signed by Ana Ruiz on ")
        assert states[0].endswith("UTC · valid")
        assert states[1] == "sales: awaiting signature"
        await pilot.press(*"Bo", "enter")
        await pilot.pause()
    assert app.results == [("sales", "Bo")]


async def test_sign_button_submits_for_the_chosen_party(store: Store) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        app.open(SignModal(store.current()))
        await pilot.pause()
        await pilot.click("RadioButton:last-of-type")
        await pilot.click("#sign-name")
        await pilot.press(*"Bo")
        await pilot.click("#sign-submit")
        await pilot.pause()
    assert app.results == [("sales", "Bo")]


async def test_sign_when_both_signed_offers_only_close(store: Store) -> None:
    store.sign("marketing", "Ana Ruiz")
    store.sign("sales", "Bo")
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = SignModal(store.current())
        app.open(modal)
        await pilot.pause()
        assert not modal.query(Input)
        assert [b.id for b in modal.query(Button).results(Button)] == ["sign-close"]
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [None]


# ------------------------------------------------------------ ExportModal


async def export_with(pilot: Pilot[None], modal: ExportModal, path: str | None = None) -> Static:
    """Optionally type a path, press enter in the path field, wait for the worker."""
    field = modal.query_one("#export-path", Input)
    if path is not None:
        field.value = path
    field.focus()
    await pilot.press("enter")
    await settle(pilot)
    return modal.query_one("#export-result", Static)


@pytest.mark.parametrize("fmt", ["toml", "md"])
async def test_export_writes_the_version(store: Store, tmp_path: Path, fmt: str) -> None:
    version = store.current()
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = ExportModal(version, tmp_path)
        app.open(modal)
        await pilot.pause()
        if fmt == "md":
            await pilot.click("#export-format RadioButton:last-of-type")
            await pilot.pause()
        expected_path = tmp_path / f"abm-sales-marketing-sla-v1.{fmt}"
        assert modal.query_one("#export-path", Input).value == str(expected_path)
        result = await export_with(pilot, modal)
        assert app.screen is modal  # stays open to show what was written
    written = expected_path.read_text(encoding="utf-8")
    assert written == export_text(version.contract, fmt, number=1, status=version.status)
    assert text_of(result) == f"wrote {expected_path} ({len(written.encode())} bytes)"
    assert result.has_class("-success")


async def test_markdown_is_one_key_away_with_the_keyboard(store: Store, tmp_path: Path) -> None:
    """The format has the focus: down, enter picks Markdown; tab, enter writes it."""
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = ExportModal(store.current(), tmp_path)
        app.open(modal)
        await pilot.pause()
        await pilot.press("down", "enter", "tab", "enter")
        await settle(pilot)
    assert (tmp_path / "abm-sales-marketing-sla-v1.md").exists()
    assert not (tmp_path / "abm-sales-marketing-sla-v1.toml").exists()


async def test_export_keeps_a_path_the_user_typed(store: Store, tmp_path: Path) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = ExportModal(store.current(), tmp_path)
        app.open(modal)
        await pilot.pause()
        modal.query_one("#export-path", Input).value = "mine.toml"
        await pilot.click("#export-format RadioButton:last-of-type")
        await pilot.pause()
        assert modal.query_one("#export-path", Input).value == "mine.toml"
        await export_with(pilot, modal)
    assert (tmp_path / "mine.toml").read_text().startswith("# ")  # Markdown, relative path


def test_export_paths_expand_home_and_start_in_the_directory(tmp_path: Path) -> None:
    assert resolve("~/sla.toml", tmp_path) == Path.home() / "sla.toml"
    assert resolve(" out.md ", tmp_path) == tmp_path / "out.md"
    assert resolve("/srv/sla.toml", tmp_path) == Path("/srv/sla.toml")


async def test_export_refuses_a_folder(store: Store, tmp_path: Path) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = ExportModal(store.current(), tmp_path)
        app.open(modal)
        await pilot.pause()
        result = await export_with(pilot, modal, str(tmp_path))
        assert text_of(result) == f"{tmp_path} is a folder; name a file inside it"
        assert result.has_class("-error")


async def test_export_shows_a_store_failure_in_place(store: Store, tmp_path: Path) -> None:
    missing = dataclasses.replace(store.current(), number=9)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = ExportModal(missing, tmp_path)
        app.open(modal)
        await pilot.pause()
        result = await export_with(pilot, modal)
        assert "9" in text_of(result) and result.has_class("-error")
    assert app.failures == []  # stopped in the modal: no second notification


# ------------------------------------------------------------ ConflictModal


def field_conflict(store: Store) -> SaveConflicted:
    version = store.current()
    mine = set_field(version.contract, FIRST_CONTACT, "within", "2bd")
    return SaveConflicted(version, mine, "within", FIRST_CONTACT, "within", "2bd", "3bd")


@pytest.mark.parametrize(
    ("key", "expected"), [("t", "theirs"), ("m", "mine"), ("escape", "theirs")]
)
async def test_conflict_choices(store: Store, key: str, expected: str) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        app.open(ConflictModal(field_conflict(store)))
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
    assert app.results == [expected]


async def test_conflict_shows_both_values(store: Store) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = ConflictModal(field_conflict(store))
        app.open(modal)
        await pilot.pause()
        assert text_of(modal.query_one("#conflict-theirs-text", Static)) == "3bd"
        assert text_of(modal.query_one("#conflict-mine-text", Static)) == "2bd"
        assert "(within) in commitment:t2-sales-first-contact" in text_of(
            modal.query_one("#conflict-field", Static)
        )
        assert app.focused is not None and app.focused.id == "conflict-theirs"
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == ["theirs"]


async def test_structural_conflict_offers_reload_or_keep(store: Store) -> None:
    version = store.current()
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = ConflictModal(SaveConflicted(version, version.contract, "delete"))
        app.open(modal)
        await pilot.pause()
        assert "changed in another terminal while you edited" in text_of(
            modal.query_one("#conflict-text", Static)
        )
        assert str(modal.query_one("#conflict-theirs", Button).label).startswith("Reload")
        await pilot.click("#conflict-mine")
        await pilot.pause()
    assert app.results == ["mine"]


# ------------------------------------------------------------ VersionsScreen


def make_v2(store: Store, within: str | None = "2bd") -> None:
    """v1 agreed by both, v2 started from it, with `within` of one commitment changed."""
    store.sign("marketing", "Ana Ruiz")
    store.sign("sales", "Bo")
    v2 = store.new_version()
    if within is not None:
        store.update_draft(set_field(v2.contract, FIRST_CONTACT, "within", within))


def diff_lines(screen: VersionsScreen) -> list[tuple[str, set[str]]]:
    return [(text_of(s), set(s.classes)) for s in screen.query(".diff-line").results(Static)]


def notes(screen: VersionsScreen) -> list[str]:
    return [text_of(s) for s in screen.query(".diff-note").results(Static)]


def marks(screen: VersionsScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_cell(str(n), "mark")) for n in (1, 2)]


async def test_versions_lists_and_shows_the_last_diff(store: Store) -> None:
    make_v2(store)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = VersionsScreen()
        app.open(screen)
        await settle(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        assert [str(c) for c in table.get_row("1")[1:3]] == ["v1", "agreed"]  # in force
        assert str(table.get_cell("1", "signatures")) == "marketing, sales"
        assert str(table.get_cell("2", "signatures")) == "none"
        assert marks(screen) == ["A", "B"]
        assert diff_lines(screen) == [
            (
                "changed commitments[t2-sales-first-contact].within: 1bd → 2bd",
                {"diff-line", "-changed"},
            )
        ]
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_versions_marks_a_then_b(store: Store) -> None:
    make_v2(store)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = VersionsScreen()
        app.open(screen)
        await settle(pilot)
        await pilot.press("up", "space")  # a mark after a full pair starts over
        await pilot.pause()
        assert marks(screen) == ["A", ""]
        assert notes(screen) == ["A = v1; now mark B"]
        await pilot.press("down", "enter")
        await settle(pilot)
        assert marks(screen) == ["A", "B"]
        assert len(diff_lines(screen)) == 1


async def test_versions_compare_with_latest(store: Store) -> None:
    make_v2(store)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = VersionsScreen()
        app.open(screen)
        await settle(pilot)
        await pilot.press("c")  # the cursor starts on the latest
        await pilot.pause()
        assert notes(screen) == ["v2 is the latest version: highlight an older one"]
        await pilot.press("up", "c")
        await settle(pilot)
        assert len(diff_lines(screen)) == 1


async def test_versions_without_differences(store: Store) -> None:
    make_v2(store, within=None)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = VersionsScreen()
        app.open(screen)
        await settle(pilot)
        assert diff_lines(screen) == []
        assert notes(screen) == ["no differences"]


async def test_versions_with_one_version(store: Store) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = VersionsScreen()
        app.open(screen)
        await settle(pilot)
        assert screen.query_one(DataTable).row_count == 1
        assert notes(screen) == ["only one version so far: nothing to compare yet"]
