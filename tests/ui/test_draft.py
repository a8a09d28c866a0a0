"""Pilot tests of the Draft screen over real workspaces, through real widgets.

Each test opens a fresh workspace holding sample.toml and drives the real App
(`create_app`), so edits go through the editor's widgets, the workspace
client's thread workers and SQLite. What was saved is checked with a second,
independent `Store.open` of the file, as the other terminal would read it.
Waits are on the workers, or polled in 0.1 s steps with a deadline.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer, Select, Static, Switch

from screens.choice_modal import ChoiceModal
from screens.confirm_modal import ConfirmModal
from screens.conflict_modal import ConflictModal
from screens.help_screen import HelpScreen
from screens.sign_modal import SignModal
from screens.start_modal import StartModal
from screens.widgets.agreement_tree import AgreementTree
from screens.widgets.clause_editor import ClauseEditor
from screens.widgets.lint_panel import LintPanel
from slatui.app import SlatuiApp, create_app
from slatui.contract.load import load_file
from slatui.contract.model import Contract
from slatui.editing import NodeRef, add_commitment, delete, move, node_for_path, set_field
from slatui.editing.merge import merge_contracts
from store import Store

from .draft_support import (
    FIRST_CONTACT,
    SAL_VOLUME,
    SAMPLE,
    SIZE,
    draft,
    error_text,
    field,
    record_notes,
    sample_workspace,
    select,
    settle,
    stored,
    type_into,
    wait_until,
)

SAL_VOLUME_ID = "t2-mkt-sal-volume"
FIRST_CONTACT_ID = "t2-sales-first-contact"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return sample_workspace(tmp_path)


@pytest.fixture
def store(path: Path) -> Iterator[Store]:
    with Store.open(path) as opened:
        yield opened


def value_in_file(path: Path, commitment: str, attr: str) -> object:
    """A commitment's field as another terminal reads it from the file."""
    with stored(path) as other:
        found = other.current().contract.commitment(commitment)
    assert found is not None, f"{commitment} is not in the workspace"
    return getattr(found, attr)


def ids_in_file(path: Path) -> list[str]:
    with stored(path) as other:
        return [c.id for c in other.current().contract.commitments]


def rules_for(app: SlatuiApp, commitment: str) -> set[str]:
    """The rules of the lint panel's warnings about one commitment."""
    screen = draft(app)
    assert screen.contract is not None
    ref = NodeRef("commitment", commitment)
    warnings = screen.query_one(LintPanel).warnings
    return {w.rule for w in warnings if node_for_path(screen.contract, w.path) == ref}


def cursor_ref(app: SlatuiApp) -> NodeRef | None:
    """The clause under the tree's cursor."""
    node = draft(app).query_one(AgreementTree).cursor_node
    return None if node is None else node.data


def cursor_label(app: SlatuiApp) -> str:
    """The text of the tree's line under the cursor."""
    node = draft(app).query_one(AgreementTree).cursor_node
    return "" if node is None else str(node.label)


def edit_elsewhere(path: Path, node: NodeRef, key: str, text: str) -> None:
    """The other terminal: a plain second Store changes one field of the draft."""
    with stored(path) as other:
        latest = other.current()
        other.update_draft(
            set_field(latest.contract, node, key, text), expected_revision=latest.revision
        )


# ------------------------------------------------------------ 1. editing a target


async def test_editing_a_target_updates_the_store_and_the_lint_panel(
    path: Path, store: Store
) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, SAL_VOLUME)
        assert field(editor, "max").value == "3"
        await type_into(pilot, editor, "max", "4")
        assert value_in_file(path, SAL_VOLUME_ID, "max") == 4
        assert "count 2–4 / month" in str(cursor_label(app))

        # the period is the count's unit: without it the linter warns no-unit
        assert "no-unit" not in rules_for(app, SAL_VOLUME_ID)
        editor.query_one("#f-period", Select).value = Select.NULL
        await settle(pilot)
        assert value_in_file(path, SAL_VOLUME_ID, "period") is None
        assert "no-unit" in rules_for(app, SAL_VOLUME_ID)

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert value_in_file(path, SAL_VOLUME_ID, "period") == "month"
        assert "no-unit" not in rules_for(app, SAL_VOLUME_ID)
        assert editor.query_one("#f-period", Select).value == "month"
        assert value_in_file(path, SAL_VOLUME_ID, "max") == 4  # only the last edit undone


async def test_an_empty_owner_warns_no_owner_and_undo_in_the_field_restores_it(
    path: Path, store: Store
) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, SAL_VOLUME)
        await type_into(pilot, editor, "max", "5")
        assert app.focused is field(editor, "max")
        editor.query_one("#f-party", Select).value = Select.NULL
        await settle(pilot)
        assert value_in_file(path, SAL_VOLUME_ID, "party") is None
        assert "no-owner" in rules_for(app, SAL_VOLUME_ID)
        await pilot.press("ctrl+z", "ctrl+z")
        await settle(pilot)
        assert value_in_file(path, SAL_VOLUME_ID, "party") == "marketing"
        assert value_in_file(path, SAL_VOLUME_ID, "max") == 3
        assert "no-owner" not in rules_for(app, SAL_VOLUME_ID)
        # the Input the cursor is still in shows the restored value, and leaving it
        # does not save the undone one again
        assert field(editor, "max").value == "3"
        draft(app).query_one(AgreementTree).focus()
        await settle(pilot)
        assert value_in_file(path, SAL_VOLUME_ID, "max") == 3


# ------------------------------------------------------------ 2. an invalid duration


async def test_an_invalid_duration_is_refused_with_a_message(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, FIRST_CONTACT)
        await type_into(pilot, editor, "within", "24")
        assert "no unit" in error_text(editor, "within")
        assert field(editor, "within").has_class("-invalid")  # red while typing, too
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "1bd"
        # leaving the field does not save it either, and the message stays
        draft(app).query_one(AgreementTree).focus()
        await settle(pilot)
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "1bd"
        assert "no unit" in error_text(editor, "within")
        # a valid value clears the message and is saved
        await type_into(pilot, editor, "within", "24bh")
        assert error_text(editor, "within") == ""
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "24bh"


# ------------------------------------------------------------ 3. signing


async def sign_as(pilot: Pilot[None], name: str) -> None:
    """Press s on the tree, type the name in the SignModal, enter, wait for the store."""
    draft(pilot.app).query_one(AgreementTree).focus()
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SignModal)
    await pilot.press(*name, "enter")
    await settle(pilot)


async def test_signing_twice_agrees_the_version_and_locks_editing(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    notes = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, SAL_VOLUME)
        await sign_as(pilot, "Ana Ruiz")
        with stored(path) as other:
            assert other.current().status == "awaiting signature"
        assert "awaiting signature" in app.title
        await sign_as(pilot, "Bo Lind")
        with stored(path) as other:
            agreed = other.current()
        assert agreed.status == "agreed"
        assert [s.party for s in agreed.signatures] == ["marketing", "sales"]
        screen = draft(app)
        assert screen.query_one("#banner", Static).display
        assert "agreed and read-only" in str(screen.query_one("#banner", Static).content)
        assert "agreed" in app.title
        assert editor.node == SAL_VOLUME
        widgets = list(editor.query("Input, Select, Switch"))
        assert widgets and all(w.disabled for w in widgets)

        # an edit that still arrives is refused, and the keys do nothing to the store
        screen.post_message(ClauseEditor.FieldEdited(SAL_VOLUME, "max", "9"))
        await settle(pilot)
        assert "read-only" in error_text(editor, "max")
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceModal)
        await pilot.press("delete", "right_square_bracket", "ctrl+z")
        await settle(pilot)
        assert app.screen is screen
        with stored(path) as other:
            assert other.current().revision == agreed.revision
        assert any("read-only" in n for n in notes)

        await pilot.press("n")
        await settle(pilot)
        with stored(path) as other:
            v2 = other.current()
        assert (v2.number, v2.status) == (2, "draft")
        assert not screen.query_one("#banner", Static).display
        assert "v2" in app.title
        assert editor.node == SAL_VOLUME
        assert not field(editor, "max").disabled
        await type_into(pilot, editor, "max", "6")
        assert value_in_file(path, SAL_VOLUME_ID, "max") == 6
        with stored(path) as other:
            assert other.version(1).contract.commitment(SAL_VOLUME_ID).max == 3  # type: ignore[union-attr]


async def test_sign_modal_cancel_signs_nothing(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SignModal)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is draft(app)
    with stored(path) as other:
        assert other.current().signatures == []


# ------------------------------------------------------------ 4. two terminals


async def test_a_second_app_on_the_same_file_sees_an_edit_within_2_seconds(path: Path) -> None:
    with Store.open(path) as store_a, Store.open(path) as store_b:
        app_a = create_app(store_a, poll_seconds=0.1)
        app_b = create_app(store_b, poll_seconds=0.1)
        async with app_a.run_test(size=SIZE) as pilot_a, app_b.run_test(size=SIZE) as pilot_b:
            await settle(pilot_a)
            await settle(pilot_b)
            editor_a = await select(pilot_a, SAL_VOLUME)
            editor_b = await select(pilot_b, SAL_VOLUME)
            await type_into(pilot_a, editor_a, "max", "4")
            assert value_in_file(path, SAL_VOLUME_ID, "max") == 4

            def b_sees_it() -> bool:
                found = draft(app_b).contract
                assert found is not None
                clause = found.commitment(SAL_VOLUME_ID)
                return clause is not None and getattr(clause, "max", None) == 4

            await wait_until(pilot_b, b_sees_it, 2.0)
            await wait_until(pilot_b, lambda: field(editor_b, "max").value == "4", 2.0)
            # and B's next edit builds on A's, without a conflict
            await type_into(pilot_b, editor_b, "min", "1")
            assert isinstance(app_b.screen, type(draft(app_b)))
            assert value_in_file(path, SAL_VOLUME_ID, "min") == 1
            assert value_in_file(path, SAL_VOLUME_ID, "max") == 4
            await wait_until(pilot_a, lambda: field(editor_a, "min").value == "1", 2.0)


async def test_an_edit_through_a_plain_store_appears_within_2_seconds(
    path: Path, store: Store
) -> None:
    app = create_app(store, poll_seconds=0.1)
    notes = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, FIRST_CONTACT)
        edit_elsewhere(path, FIRST_CONTACT, "within", "2bd")
        await wait_until(pilot, lambda: field(editor, "within").value == "2bd", 2.0)
        assert "response 2bd" in str(cursor_label(app))
        assert any("another terminal" in n for n in notes)


async def test_a_reload_keeps_the_value_being_typed(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, FIRST_CONTACT)
        widget = field(editor, "within")
        widget.focus()
        await pilot.press("backspace", "backspace", "backspace", *"3bd")
        edit_elsewhere(path, FIRST_CONTACT, "warn_before", "3bh")
        await wait_until(pilot, lambda: field(editor, "warn_before").value == "3bh", 2.0)
        assert widget.value == "3bd"
        await pilot.press("enter")
        await settle(pilot)
    assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "3bd"
    assert str(value_in_file(path, FIRST_CONTACT_ID, "warn_before")) == "3bh"


# ------------------------------------------------------------ 5. conflicts


async def test_a_conflicting_edit_shows_both_values_and_overwrites_nothing(
    path: Path, store: Store
) -> None:
    app = create_app(store, poll_seconds=0)  # no poll: A has not seen the other edit
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, FIRST_CONTACT)
        edit_elsewhere(path, FIRST_CONTACT, "within", "2bd")
        await type_into(pilot, editor, "within", "3bd")
        modal = app.screen
        assert isinstance(modal, ConflictModal)
        assert str(modal.query_one("#conflict-theirs-text", Static).content) == "2bd"
        assert str(modal.query_one("#conflict-mine-text", Static).content) == "3bd"
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "2bd"
        await pilot.press("m")
        await settle(pilot)
        assert app.screen is draft(app)
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "3bd"
        assert field(editor, "within").value == "3bd"


async def test_taking_theirs_in_a_conflict_shows_their_value(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, FIRST_CONTACT)
        edit_elsewhere(path, FIRST_CONTACT, "within", "2bd")
        await type_into(pilot, editor, "within", "3bd")
        assert isinstance(app.screen, ConflictModal)
        await pilot.press("t")
        await settle(pilot)
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "2bd"
        assert field(editor, "within").value == "2bd"
        # undo has nothing of theirs to revert
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "2bd"


async def test_a_concurrent_edit_of_another_clause_is_merged(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    notes = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, FIRST_CONTACT)
        edit_elsewhere(path, SAL_VOLUME, "max", "5")
        await type_into(pilot, editor, "within", "2bd")
        assert not isinstance(app.screen, ConflictModal)
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "2bd"
        assert value_in_file(path, SAL_VOLUME_ID, "max") == 5
        assert any("merged" in n for n in notes)
        # the screen now holds the merged draft, so the next edit saves cleanly
        await type_into(pilot, editor, "warn_before", "4bh")
        assert value_in_file(path, SAL_VOLUME_ID, "max") == 5
        assert str(value_in_file(path, FIRST_CONTACT_ID, "warn_before")) == "4bh"


async def test_a_structural_edit_is_replayed_on_another_terminals_edit(
    path: Path, store: Store
) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, SAL_VOLUME)
        before = ids_in_file(path)
        edit_elsewhere(path, FIRST_CONTACT, "within", "2bd")
        draft(app).query_one(AgreementTree).focus()
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.screen is draft(app)
        after = ids_in_file(path)
        assert after.index(SAL_VOLUME_ID) == before.index(SAL_VOLUME_ID) + 1
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "2bd"  # theirs kept


@pytest.mark.parametrize(("choice", "kept"), [("t", True), ("m", False)])
async def test_deleting_a_clause_the_other_terminal_changed_conflicts(
    path: Path, store: Store, choice: str, kept: bool
) -> None:
    content = NodeRef("commitment", "t2-mkt-content")
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, content)
        edit_elsewhere(path, content, "text", "Their words.")
        draft(app).query_one(AgreementTree).focus()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ConflictModal)
        assert value_in_file(path, "t2-mkt-content", "text") == "Their words."
        await pilot.press(choice)
        await settle(pilot)
        assert app.screen is draft(app)
        assert ("t2-mkt-content" in ids_in_file(path)) is kept
        assert (draft(app).contract.commitment("t2-mkt-content") is not None) is kept  # type: ignore[union-attr]


# ------------------------------------------------------------ structure


async def test_add_a_commitment_from_its_template(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, SAL_VOLUME)
        draft(app).query_one(AgreementTree).focus()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("down", "enter")  # count, then response
        await settle(pilot)
        new = "t2-mkt-response"
        assert str(value_in_file(path, new, "within")) == "1bd"  # the response template
        assert value_in_file(path, new, "tier") == "t2"
        assert value_in_file(path, new, "party") == "marketing"
        screen = draft(app)
        assert screen.node == NodeRef("commitment", new)
        assert cursor_ref(app) == NodeRef("commitment", new)
        assert screen.query_one(ClauseEditor).node == NodeRef("commitment", new)
        ids = ids_in_file(path)
        assert ids.index(new) == ids.index("t2-cost-per-sal") + 1  # after the last of Tier 2


async def test_delete_asks_first_and_refuses_a_commitment_an_escalation_uses(
    path: Path, store: Store
) -> None:
    app = create_app(store, poll_seconds=0)
    notes = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, SAL_VOLUME)
        draft(app).query_one(AgreementTree).focus()
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(pilot)
        assert SAL_VOLUME_ID in ids_in_file(path)
        assert any("sal-volume-missed" in n for n in notes)

        await select(pilot, NodeRef("commitment", "t2-mkt-content"))
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")
        await settle(pilot)
        assert "t2-mkt-content" in ids_in_file(path)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert "t2-mkt-content" not in ids_in_file(path)
        assert draft(app).query_one(ClauseEditor).node is not None


async def test_brackets_reorder_a_commitment(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, SAL_VOLUME)
        draft(app).query_one(AgreementTree).focus()
        start = ids_in_file(path).index(SAL_VOLUME_ID)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert ids_in_file(path).index(SAL_VOLUME_ID) == start + 1
        assert cursor_ref(app) == SAL_VOLUME
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert ids_in_file(path).index(SAL_VOLUME_ID) == start - 1
        assert cursor_ref(app) == SAL_VOLUME


async def test_duplicate_copies_the_selected_commitment(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, SAL_VOLUME)
        draft(app).query_one(AgreementTree).focus()
        await pilot.press("y")
        await settle(pilot)
        ids = ids_in_file(path)
        assert ids[ids.index(SAL_VOLUME_ID) + 1] == f"{SAL_VOLUME_ID}-copy"
        assert draft(app).node == NodeRef("commitment", f"{SAL_VOLUME_ID}-copy")


# ------------------------------------------------------------ start, lint, help, palette


async def test_the_start_modal_imports_the_sample_on_an_empty_workspace(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    with Store.open(path) as store:
        app = create_app(store, poll_seconds=0, offer_sample=True)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, StartModal)
            await pilot.press("s")
            await settle(pilot)
            assert app.screen is draft(app)
            title = load_file(SAMPLE).agreement.title
            assert title in app.title
            assert draft(app).query_one(LintPanel).warnings is not None
    with stored(path) as other:
        assert other.current().contract.agreement.title == title


async def test_without_the_offer_an_empty_workspace_shows_no_modal(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fresh.db") as store:
        app = create_app(store, poll_seconds=0, offer_sample=False)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.screen is draft(app)
            assert "no agreement" in app.title
            await pilot.press("a", "s", "n", "m", "x", "ctrl+z")
            await settle(pilot)
            assert app.screen is draft(app)


async def test_enter_on_a_lint_warning_jumps_to_its_clause(store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = draft(app)
        panel = screen.query_one(LintPanel)
        assert panel.warnings, "sample.toml keeps some warnings for the workshop"
        await pilot.press("l")
        await pilot.pause()
        assert app.focused is panel
        await pilot.press("down")
        await pilot.pause()
        index = panel.highlighted
        assert index is not None
        target = node_for_path(screen.contract, panel.warnings[index].path)  # type: ignore[arg-type]
        await pilot.press("enter")
        await settle(pilot)
        tree = screen.query_one(AgreementTree)
        assert tree.cursor_node is not None and tree.cursor_node.data == target
        assert screen.query_one(ClauseEditor).node == target
        assert app.focused is tree


async def test_help_opens_with_question_mark(store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is draft(app)


async def test_the_command_palette_lists_the_draft_actions(store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(draft(app))}
    expected = {
        "Add commitment",
        "Add escalation",
        "Duplicate clause",
        "Delete clause",
        "Move clause up",
        "Move clause down",
        "Undo",
        "Preview contract",
        "Sign",
        "New version",
        "Versions and diff",
        "Export",
        "Help",
        "Draft",
    }
    assert expected <= titles


async def test_a_switch_edit_is_saved(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, SAL_VOLUME)
        editor.query_one("#f-directional", Switch).value = True
        await settle(pilot)
        assert value_in_file(path, SAL_VOLUME_ID, "directional") is True


# ------------------------------------------------------------ editing, further


async def test_a_quick_second_edit_does_not_conflict_with_the_first(
    path: Path, store: Store
) -> None:
    app = create_app(store, poll_seconds=0)
    notes = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, SAL_VOLUME)
        for key, text in (("max", "4"), ("min", "1"), ("max", "5")):
            widget = field(editor, key)
            widget.focus()
            widget.value = text
            await pilot.press("enter")  # no wait for the save before the next edit
        await settle(pilot)
        assert app.screen is draft(app)
        assert value_in_file(path, SAL_VOLUME_ID, "min") == 1
        assert value_in_file(path, SAL_VOLUME_ID, "max") == 5
        assert not any("merged" in n or "another terminal" in n for n in notes)


async def test_undo_keeps_what_another_terminal_changed_since(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, SAL_VOLUME)
        await type_into(pilot, editor, "max", "4")
        edit_elsewhere(path, FIRST_CONTACT, "within", "2bd")
        await wait_until(pilot, lambda: _within(app) == "2bd", 2.0)
        await pilot.press("escape", "ctrl+z")
        await settle(pilot)
        assert value_in_file(path, SAL_VOLUME_ID, "max") == 3
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "2bd"


def _within(app: SlatuiApp) -> str:
    contract = draft(app).contract
    clause = None if contract is None else contract.commitment(FIRST_CONTACT_ID)
    return str(getattr(clause, "within", ""))


async def test_renaming_an_id_follows_into_the_editor_and_the_escalation(
    path: Path, store: Store
) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, SAL_VOLUME)
        await type_into(pilot, editor, "id", "t2-mkt-sals")
        renamed = NodeRef("commitment", "t2-mkt-sals")
        assert editor.node == renamed and draft(app).node == renamed
        assert cursor_ref(app) == renamed
        await type_into(pilot, editor, "max", "4")  # the editor edits the renamed clause
        assert value_in_file(path, "t2-mkt-sals", "max") == 4
        with stored(path) as other:
            ladder = other.current().contract.escalations
        missed = next(e for e in ladder if e.id == "sal-volume-missed")
        assert getattr(missed, "commitment", None) == "t2-mkt-sals"


async def test_changing_the_measure_shows_the_new_measures_fields(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        node = NodeRef("commitment", "t2-mkt-content")
        editor = await select(pilot, node)
        editor.query_one("#f-measure", Select).value = "response"
        await settle(pilot)
        assert value_in_file(path, "t2-mkt-content", "measure") == "response"
        assert str(field(editor, "within").value) == "1bd"  # from the response template
        await type_into(pilot, editor, "within", "2bd")
        assert str(value_in_file(path, "t2-mkt-content", "within")) == "2bd"


async def test_leaving_a_field_by_the_tree_saves_it_on_its_own_clause(
    path: Path, store: Store
) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, FIRST_CONTACT)
        widget = field(editor, "within")
        widget.focus()
        await pilot.pause()
        widget.value = "2bd"
        tree = draft(app).query_one(AgreementTree)
        tree.focus()
        tree.select_ref(SAL_VOLUME)
        await settle(pilot)
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "2bd"
        assert editor.node == SAL_VOLUME
        # an invalid value left behind: refused, and the editor of the new clause is untouched
        await select(pilot, FIRST_CONTACT)
        widget = field(editor, "within")
        widget.focus()
        await pilot.pause()
        widget.value = "5"
        tree.focus()
        tree.select_ref(SAL_VOLUME)
        await settle(pilot)
        assert str(value_in_file(path, FIRST_CONTACT_ID, "within")) == "2bd"
        assert error_text(editor, "max") == ""


async def test_escape_leaves_a_field_so_the_keys_work_again(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, SAL_VOLUME)
        await type_into(pilot, editor, "max", "4")
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is draft(app).query_one(AgreementTree)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SignModal)


async def test_arrowing_quickly_through_the_tree_ends_on_the_last_clause(store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = draft(app).query_one(AgreementTree)
        tree.focus()
        await pilot.press(*["down"] * 12)
        await settle(pilot)
        await pilot.press("down", "down", "up")
        await settle(pilot)
        node = tree.cursor_node
        assert node is not None and node.data is not None
        editor = draft(app).query_one(ClauseEditor)
        assert editor.node == node.data == draft(app).node
        assert editor.query("Input, Select, Switch")  # a whole form, not half of one


async def test_an_accepted_value_reads_back_as_stored(path: Path, store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, FIRST_CONTACT)
        await type_into(pilot, editor, "on_time", "95%")
        assert value_in_file(path, FIRST_CONTACT_ID, "on_time") == 0.95
        assert field(editor, "on_time").value == "0.95"


# ------------------------------------------------------------ layout and footer


def footer_keys(app: SlatuiApp) -> list[str]:
    """The keys the footer shows (what applies now)."""
    return [
        binding.key
        for (_, binding, enabled, _) in draft(app).active_bindings.values()
        if binding.show and enabled
    ]


async def test_the_footer_shows_what_applies(store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = footer_keys(app)
        # Draft's own mode key is not shown on Draft; the other modes' keys are.
        assert {"a", "ctrl+z", "s", "p"} <= set(keys) and not {"n", "d"} & set(keys)
        await sign_as(pilot, "Ana Ruiz")
        await sign_as(pilot, "Bo Lind")
        keys = footer_keys(app)
        assert "n" in keys and not {"a", "ctrl+z", "s"} & set(keys)


async def test_at_80_columns_the_side_panel_gives_way_and_l_brings_it(store: Store) -> None:
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = draft(app)
        side, main = screen.query_one("#side"), screen.query_one("#main")
        assert screen.has_class("-narrow")
        assert not side.display and main.display
        assert main.region.right <= 80  # the editor is not cut off
        footer = screen.query_one(Footer)
        assert footer.compact and not footer.show_command_palette
        await pilot.press("l")
        await settle(pilot)
        assert side.display and not main.display
        assert app.focused is screen.query_one(LintPanel)
        await pilot.press("escape")
        await settle(pilot)
        assert not side.display and main.display
        assert app.focused is screen.query_one(AgreementTree)


# ------------------------------------------------------------ the merge behind them (no App)
# slatui/editing/merge.py: the rules the screen relies on above, checked directly.


@pytest.fixture
def sample() -> Contract:
    return load_file(SAMPLE)


def test_merge_keeps_both_sides_edits_of_different_fields(sample: Contract) -> None:
    mine = set_field(sample, FIRST_CONTACT, "warn_before", "3bh")
    theirs = set_field(sample, FIRST_CONTACT, "within", "2bd")
    merged = merge_contracts(sample, mine, theirs)
    assert merged is not None
    clause = merged.commitment(FIRST_CONTACT_ID)
    assert (str(getattr(clause, "within", "")), str(getattr(clause, "warn_before", ""))) == (
        "2bd",
        "3bh",
    )


def test_merge_refuses_the_same_field_unless_mine_is_preferred(sample: Contract) -> None:
    mine = set_field(sample, FIRST_CONTACT, "within", "3bd")
    theirs = set_field(sample, FIRST_CONTACT, "within", "2bd")
    assert merge_contracts(sample, mine, theirs) is None
    kept = merge_contracts(sample, mine, theirs, prefer_mine=True)
    assert kept is not None
    assert str(getattr(kept.commitment(FIRST_CONTACT_ID), "within", "")) == "3bd"


def test_merge_replays_a_move_and_an_addition_on_an_edit(sample: Contract) -> None:
    theirs = set_field(sample, FIRST_CONTACT, "within", "2bd")
    moved = merge_contracts(sample, move(sample, SAL_VOLUME, 1), theirs)
    assert moved is not None
    ids = [c.id for c in moved.commitments]
    assert ids.index(SAL_VOLUME_ID) == [c.id for c in sample.commitments].index(SAL_VOLUME_ID) + 1
    added, _ = add_commitment(sample, "response", tier="t2")
    both = merge_contracts(sample, added, theirs)
    assert both is not None and len(both.commitments) == len(sample.commitments) + 1
    assert str(getattr(both.commitment(FIRST_CONTACT_ID), "within", "")) == "2bd"


def test_merge_refuses_deleting_what_the_other_side_changed(sample: Contract) -> None:
    content = NodeRef("commitment", "t2-mkt-content")
    theirs = set_field(sample, content, "text", "Their words.")
    assert merge_contracts(sample, delete(sample, content), theirs) is None
    assert merge_contracts(sample, theirs, delete(sample, content)) is None  # and the reverse


def test_merge_as_undo_reverts_only_the_undone_edit(sample: Contract) -> None:
    after = set_field(sample, SAL_VOLUME, "max", "4")
    theirs = set_field(after, FIRST_CONTACT, "within", "2bd")
    undone = merge_contracts(after, sample, theirs)  # base: after, mine: before
    assert undone is not None
    assert getattr(undone.commitment(SAL_VOLUME_ID), "max", None) == 3
    assert str(getattr(undone.commitment(FIRST_CONTACT_ID), "within", "")) == "2bd"


async def test_a_refusal_goes_away_once_the_text_is_valid(store: Store) -> None:
    # "24" is refused (no unit); typing "2bd" in its place must clear the
    # message as the text becomes valid, before enter is pressed.
    app = create_app(store, poll_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, FIRST_CONTACT)
        within = field(editor, "within")
        error = editor.query_one("#f-within-error")
        within.focus()
        within.value = "24"
        await pilot.pause()
        assert error.display and "no unit" in str(error.render())
        within.value = "2bd"
        await pilot.pause()
        assert not error.display


async def test_changing_a_figure_under_own_words_asks_to_check_them(store: Store) -> None:
    # t2-mkt-sal-volume's words say "2 to 3 SALs"; setting max to 4 keeps the
    # words but must tell the person they may no longer match.
    app = create_app(store, poll_seconds=0)
    notes = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await select(pilot, SAL_VOLUME)
        await type_into(pilot, editor, "max", "4")
        assert any("2 to 3 SALs" in note and "max = 4" in note for note in notes)


async def test_the_first_edit_of_a_new_version_is_not_called_a_merge(store: Store) -> None:
    # Both sign, n starts v2; editing v2 is this terminal's own work: no
    # "merged with another terminal's edits" notice may appear.
    store.sign("marketing", "Ana Ruiz")
    store.sign("sales", "Bo Lind")
    app = create_app(store, poll_seconds=0.1)
    notes = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert draft(app).version is not None and draft(app).version.number == 2
        editor = await select(pilot, FIRST_CONTACT)
        await type_into(pilot, editor, "within", "3bd")
        await settle(pilot)
        assert not any("merged" in note for note in notes), notes
