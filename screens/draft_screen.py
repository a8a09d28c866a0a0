"""Draft: where both parties write, check and sign the agreement together.

The screen holds the contract as last loaded or accepted. An edit is
validated at once against the whole contract (domain code, microseconds),
shown, and saved in a worker with the revision it was made on; the store's
answer (saved, merged with another terminal, or in conflict) comes back as a
message. Nothing typed and accepted waits for a save button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, Static, Tree

from screens.messages import (
    DraftSaved,
    SaveConflicted,
    Signed,
    VersionStarted,
    WorkspaceChanged,
    WorkspaceLoaded,
)
from screens.widgets.agreement_tree import AgreementTree
from screens.widgets.clause_editor import ClauseEditor
from screens.widgets.lint_panel import LintPanel
from slatui.contract.model import Contract
from slatui.editing import EditError, History, NodeRef, field_text, node_for_path, set_field
from slatui.lint import lint

if TYPE_CHECKING:
    from slatui.app import SlatuiApp
    from store import Version


class DraftScreen(Screen[None]):
    """Tree of clauses, the editor of the selected one, live lint and preview."""

    CSS_PATH = "draft_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_commitment", "Add", id="draft-add"),
        Binding("A", "add_escalation", "Add escalation", id="draft-add-escalation", show=False),
        Binding("y", "duplicate", "Duplicate", id="draft-duplicate", show=False),
        Binding("delete", "delete", "Delete", id="draft-delete", show=False),
        Binding("left_square_bracket", "move(-1)", "Move up", id="draft-move-up", show=False),
        Binding("right_square_bracket", "move(1)", "Move down", id="draft-move-down", show=False),
        Binding("ctrl+z", "undo", "Undo", id="draft-undo"),
        Binding("l", "focus_lint", "Lint", id="draft-lint", show=False),
        Binding("p", "preview", "Preview", id="draft-preview"),
        Binding("s", "sign", "Sign", id="draft-sign"),
        Binding("n", "new_version", "New version", id="draft-new-version"),
        Binding("v", "versions", "Versions", id="draft-versions"),
        Binding("x", "export", "Export", id="draft-export"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.version: Version | None = None
        self.contract: Contract | None = None
        self.node = NodeRef("agreement")
        self.history = History()

    @property
    def slatui(self) -> SlatuiApp:
        """The App, typed."""
        from slatui.app import SlatuiApp

        assert isinstance(self.app, SlatuiApp)
        return self.app

    @property
    def read_only(self) -> bool:
        """An agreed version never changes; edits go into a new version."""
        return self.version is not None and self.version.status in ("agreed", "superseded")

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="§")
        yield Static("", id="banner")
        with Horizontal(id="panes"):
            yield AgreementTree(id="tree")
            with Vertical(id="main"):
                yield Static("", id="clause-title")
                yield ClauseEditor(id="editor")
            with Vertical(id="side"):
                yield LintPanel(id="lint")
                with VerticalScroll(id="preview-box"):
                    yield Markdown("", id="clause-preview")
        yield Footer()

    def on_mount(self) -> None:
        """Load the workspace; the first frame does not wait for it."""
        self.query_one("#banner").display = False
        self.query_one("#preview-box").border_title = "As the contract says it"
        self.slatui.client.load(self)

    # ------------------------------------------------------------ loading

    def on_workspace_loaded(self, message: WorkspaceLoaded) -> None:
        """Show the latest version, or offer a start on an empty workspace."""
        if message.version is None:
            self._offer_start()
            return
        changed = self.contract is not None and message.version.contract != self.contract
        if (
            changed
            and self.version is not None
            and message.version.revision != self.version.revision
        ):
            self.notify("The draft was changed in another terminal.", title="Updated")
        self._show_version(message.version)

    def on_workspace_changed(self, message: WorkspaceChanged) -> None:
        """Another terminal wrote: reload (the field being typed in is kept)."""
        self.slatui.client.load(self)

    def _offer_start(self) -> None:
        from screens.start_modal import StartModal

        if not self.slatui.offer_sample:
            return
        self.app.push_screen(StartModal(self.slatui.store.path.name), self._start_from)

    def _start_from(self, choice: str | None) -> None:
        import datetime as dt

        from slatui.blank import blank_contract
        from slatui.contract.load import load_file
        from slatui.samples import sample_path

        if choice == "sample":
            self.slatui.client.import_contract(self, load_file(sample_path()), "sample.toml")
        elif choice == "blank":
            self.slatui.client.import_contract(self, blank_contract(dt.date.today()), "blank")

    def _show_version(self, version: Version) -> None:
        self.version = version
        self.contract = version.contract
        self.slatui.version = version
        if not self.node.exists(version.contract):
            self.node = NodeRef("agreement")
        self._refresh_all()

    def _refresh_all(self) -> None:
        """Tree, banner, editor, lint and preview from `self.contract`."""
        assert self.contract is not None
        warnings = lint(self.contract)
        warned = {node_for_path(self.contract, w.path) for w in warnings}
        self.query_one(AgreementTree).rebuild(self.contract, warned, self.node)
        self.query_one(LintPanel).show(warnings)
        self._refresh_banner()
        self._show_node(self.node)

    def _refresh_banner(self) -> None:
        banner = self.query_one("#banner", Static)
        version = self.version
        if version is not None and self.read_only:
            nxt = f"v{version.number + 1}"
            banner.update(
                f"v{version.number} is {version.status} and read-only: both parties signed it. "
                f"Press n to start {nxt} as a new draft."
            )
        banner.display = self.read_only

    def _show_node(self, node: NodeRef) -> None:
        assert self.contract is not None
        self.node = node
        self.query_one("#clause-title", Static).update(self._title(node))
        self.run_worker(
            self.query_one(ClauseEditor).show(self.contract, node, read_only=self.read_only),
            group="editor",
            exclusive=True,
        )
        self.query_one("#clause-preview", Markdown).update(self._preview(node))

    def _title(self, node: NodeRef) -> str:
        names = {
            "agreement": "Overview",
            "calendar": "Working calendar",
            "sal": "SAL definition",
            "reviews": "Reviews",
            "pilot": "Pilot",
            "signoffs": "Sign-off",
            "tier": "Tier",
            "commitment": "Commitment",
            "escalation": "Escalation",
        }
        key = f" [b]{node.key}[/b]" if node.key else ""
        return f"{names[node.section]}{key}"

    def _preview(self, node: NodeRef) -> str:
        from slatui.editing.examples import worked_examples
        from slatui.markdown.preview import clause_markdown

        assert self.contract is not None
        text = clause_markdown(self.contract, node.section, node.key)
        commitment = (
            self.contract.commitment(node.key or "") if node.section == "commitment" else None
        )
        if commitment is not None and commitment.measure == "response":
            examples = worked_examples(self.contract, commitment)
            if examples:
                lines = "\n".join(f"- {e.label}: {e.sentence()}" for e in examples)
                text += f"\n\n**Worked examples** (on the agreement's calendar)\n\n{lines}\n"
        return text

    # ------------------------------------------------------------ navigation

    @on(Tree.NodeHighlighted, "#tree")
    def _highlighted(self, event: Tree.NodeHighlighted[NodeRef]) -> None:
        if (
            event.node.data is not None
            and self.contract is not None
            and event.node.data != self.node
        ):
            self._show_node(event.node.data)

    @on(LintPanel.Jump)
    def _jump(self, event: LintPanel.Jump) -> None:
        assert self.contract is not None
        node = node_for_path(self.contract, event.path)
        self.query_one(AgreementTree).select_ref(node)
        self._show_node(node)
        self.query_one(AgreementTree).focus()

    # ------------------------------------------------------------ editing

    @on(ClauseEditor.FieldEdited)
    def _field_edited(self, event: ClauseEditor.FieldEdited) -> None:
        editor = self.query_one(ClauseEditor)
        if self.contract is None or self.version is None:
            return
        if self.read_only:
            editor.show_error(
                event.key, "this version is agreed and read-only; press n for a new version"
            )
            return
        try:
            new = set_field(self.contract, event.node, event.key, event.text)
        except EditError as exc:
            editor.show_error(event.key, str(exc))
            return
        base = field_text(self.contract, event.node, event.key)
        mine = field_text(new, event.node, event.key)
        label = f"{event.node.key or event.node.section}.{event.key} = {mine or '(empty)'}"
        if event.key == "id":
            self.node = NodeRef(event.node.section, mine)
        self._accept(new, label)
        editor.accepted(event.key, mine)
        self.slatui.client.save_field(
            self, new, self.version.revision, (event.node, event.key, base, mine), label
        )

    def _accept(self, new: Contract, label: str) -> None:
        """Take an edit locally (undo remembers the contract before it)."""
        assert self.contract is not None
        self.history.push(label, self.contract, new)
        self.contract = new
        warnings = lint(new)
        warned = {node_for_path(new, w.path) for w in warnings}
        self.query_one(AgreementTree).rebuild(new, warned, self.node)
        self.query_one(LintPanel).show(warnings)
        self.query_one("#clause-preview", Markdown).update(self._preview(self.node))

    def _save_structural(self, new: Contract, label: str, select: NodeRef | None = None) -> None:
        assert self.version is not None
        if select is not None:
            self.node = select
        self._accept(new, label)
        self._show_node(self.node)
        self.slatui.client.save_contract(self, new, self.version.revision, label)

    def on_draft_saved(self, message: DraftSaved) -> None:
        """The workspace has the edit; adopt its revision (and any merged edits)."""
        self.version = message.version
        self.slatui.version = message.version
        if message.merged:
            self.contract = message.version.contract
            self._refresh_all()
            self.notify(f"{message.label} (merged with another terminal's edits)", title="Saved")

    def on_save_conflicted(self, message: SaveConflicted) -> None:
        """Both terminals changed the same thing: show both, overwrite nothing."""
        from screens.conflict_modal import ConflictModal

        def resolve(choice: str | None) -> None:
            self._resolve_conflict(message, choice or "theirs")

        self.app.push_screen(ConflictModal(message), resolve)

    def _resolve_conflict(self, message: SaveConflicted, choice: str) -> None:
        theirs = message.theirs
        self._show_version(theirs)
        if choice != "mine":
            return
        if message.node is not None and message.key is not None:
            try:
                new = set_field(theirs.contract, message.node, message.key, message.mine_text)
            except EditError as exc:
                self.notify(str(exc), title="Could not keep your value", severity="warning")
                return
        else:
            new = message.mine
        self._accept(new, message.label)
        self.slatui.client.save_contract(self, new, theirs.revision, message.label)

    # ------------------------------------------------------------ actions

    def _editable(self) -> bool:
        if self.contract is None or self.version is None:
            return False
        if self.read_only:
            self.notify(
                "This version is agreed and read-only. Press n to start a new version.",
                severity="warning",
            )
            return False
        return True

    def action_add_commitment(self) -> None:
        """Pick a measure; the new commitment starts from its template."""
        from screens.choice_modal import ChoiceModal
        from slatui.contract.model import MEASURES

        if not self._editable():
            return
        options = [(f"{m}: {_MEASURE_HELP[m]}", m) for m in MEASURES]
        self.app.push_screen(
            ChoiceModal("Add a commitment: which measure?", options), self._add_commitment
        )

    def _add_commitment(self, measure: str | None) -> None:
        from slatui.editing import add_commitment

        if measure is None or self.contract is None:
            return
        tier, party = self._new_clause_context()
        try:
            new, node = add_commitment(self.contract, measure, tier=tier, party=party)
        except EditError as exc:
            self.notify(str(exc), severity="warning")
            return
        self._save_structural(new, f"added {node.key}", node)

    def _new_clause_context(self) -> tuple[str | None, str | None]:
        """The tier (and party) a new commitment belongs to, from the selection."""
        assert self.contract is not None
        if self.node.section == "tier":
            return self.node.key, None
        if self.node.section == "commitment":
            found = self.contract.commitment(self.node.key or "")
            if found is not None:
                return found.tier, found.party
        return None, None

    def action_add_escalation(self) -> None:
        """Pick a kind; the new escalation starts from its template."""
        from screens.choice_modal import ChoiceModal
        from slatui.contract.model import ESCALATION_KINDS

        if not self._editable():
            return
        options = [(f"{k}: {_KIND_HELP[k]}", k) for k in ESCALATION_KINDS]
        self.app.push_screen(ChoiceModal("Add an escalation: when?", options), self._add_escalation)

    def _add_escalation(self, kind: str | None) -> None:
        from slatui.editing import add_escalation

        if kind is None or self.contract is None:
            return
        target = self.node.key if self.node.section == "commitment" else None
        try:
            new, node = add_escalation(self.contract, kind, commitment=target)
        except EditError:
            new, node = add_escalation(self.contract, kind)
        self._save_structural(new, f"added {node.key}", node)

    def action_duplicate(self) -> None:
        """Copy the selected commitment or escalation."""
        from slatui.editing import duplicate

        if not self._editable() or not self._is_list_clause():
            return
        assert self.contract is not None
        new, node = duplicate(self.contract, self.node)
        self._save_structural(new, f"duplicated {self.node.key}", node)

    def action_delete(self) -> None:
        """Delete the selected commitment or escalation, after asking."""
        from screens.confirm_modal import ConfirmModal

        if not self._editable() or not self._is_list_clause():
            return
        node = self.node

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._delete(node)

        self.app.push_screen(ConfirmModal(f"Delete {node.section} {node.key}?"), confirmed)

    def _delete(self, node: NodeRef) -> None:
        from slatui.editing import delete

        assert self.contract is not None
        try:
            new = delete(self.contract, node)
        except EditError as exc:
            self.notify(str(exc), title="Not deleted", severity="warning")
            return
        self._save_structural(new, f"deleted {node.key}", NodeRef("agreement"))

    def action_move(self, offset: int) -> None:
        """Move the selected commitment or escalation up or down."""
        from slatui.editing import move

        if not self._editable() or not self._is_list_clause():
            return
        assert self.contract is not None
        new = move(self.contract, self.node, offset)
        if new != self.contract:
            self._save_structural(new, f"moved {self.node.key}", self.node)

    def _is_list_clause(self) -> bool:
        if self.node.section in ("commitment", "escalation"):
            return True
        self.notify("Select a commitment or an escalation first.", severity="information")
        return False

    def action_undo(self) -> None:
        """Revert this session's last edit, unless the draft changed since."""
        step = self.history.pop()
        if step is None:
            self.notify("Nothing to undo in this session.")
            return
        label, before, after = step
        if self.contract != after or not self._editable():
            self.notify(
                f'Not undone: the draft changed since "{label}" (another terminal?).',
                severity="warning",
            )
            return
        self.contract = before
        self._refresh_all()
        assert self.version is not None
        self.slatui.client.save_contract(self, before, self.version.revision, f"undo {label}")
        self.notify(f"Undid {label}.")

    def action_focus_lint(self) -> None:
        """Jump into the lint panel."""
        self.query_one(LintPanel).focus()

    def action_preview(self) -> None:
        """The whole contract as it will be exported."""
        from screens.contract_preview import ContractPreview
        from slatui.markdown import to_markdown

        if self.contract is None or self.version is None:
            return
        markdown = to_markdown(
            self.contract, version=self.version.number, status=self.version.status
        )
        self.app.push_screen(ContractPreview(markdown))

    def action_sign(self) -> None:
        """Sign as one party (the modal shows the digest being signed)."""
        from screens.sign_modal import SignModal

        if self.version is None:
            return
        version = self.version

        def signed(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.slatui.client.sign(self, result[0], result[1], version.revision)

        self.app.push_screen(SignModal(version), signed)

    def on_signed(self, message: Signed) -> None:
        """Show the new status; an agreed version locks the editor."""
        self._show_version(message.version)
        self.notify(
            f"{message.party} signed v{message.version.number}: {message.version.status}",
            title="Signed",
        )

    def action_new_version(self) -> None:
        """Start draft v+1 from the agreed version."""
        if self.version is None:
            return
        if self.version.status != "agreed":
            self.notify(
                f"v{self.version.number} is {self.version.status}: edit it; a new version "
                "starts from an agreed one.",
                severity="information",
            )
            return
        self.slatui.client.new_version(self)

    def on_version_started(self, message: VersionStarted) -> None:
        """The new draft is editable; undo does not reach into the old version."""
        self.history = History()
        self._show_version(message.version)
        self.notify(
            f"v{message.version.number} is a new draft, without signatures.", title="New version"
        )

    def action_versions(self) -> None:
        """All versions and the clause-by-clause diff between any two."""
        from screens.versions_screen import VersionsScreen

        self.app.push_screen(VersionsScreen())

    def action_export(self) -> None:
        """Write TOML or Markdown to a file."""
        from pathlib import Path

        from screens.export_modal import ExportModal

        if self.version is not None:
            self.app.push_screen(ExportModal(self.version, Path.cwd()))

    def palette_commands(self) -> list[SystemCommand]:
        """The Draft actions for the command palette."""
        return [
            SystemCommand(
                "Add commitment", "From a template of its measure", self.action_add_commitment
            ),
            SystemCommand(
                "Add escalation", "From a template of its kind", self.action_add_escalation
            ),
            SystemCommand(
                "Duplicate clause",
                "Copy the selected commitment or escalation",
                self.action_duplicate,
            ),
            SystemCommand(
                "Delete clause", "Delete the selected commitment or escalation", self.action_delete
            ),
            SystemCommand("Move clause up", "Reorder", lambda: self.action_move(-1)),
            SystemCommand("Move clause down", "Reorder", lambda: self.action_move(1)),
            SystemCommand("Undo", "Revert your last edit", self.action_undo),
            SystemCommand("Preview contract", "The whole Markdown contract", self.action_preview),
            SystemCommand("Sign", "Sign as marketing or sales", self.action_sign),
            SystemCommand(
                "New version", "Start a draft from the agreed version", self.action_new_version
            ),
            SystemCommand("Versions and diff", "Compare any two versions", self.action_versions),
            SystemCommand("Export", "TOML or Markdown to a file", self.action_export),
            SystemCommand("Lint", "Jump to the warnings", self.action_focus_lint),
        ]


_MEASURE_HELP: dict[str, Any] = {
    "count": "events per period, at least min (SALs per month)",
    "response": "from a start event to the first stop event, within a duration",
    "cadence": "a deliverable each period (a report)",
    "rate": "numerator over denominator events (SAL to opportunity)",
    "coverage": "share of a tier's accounts with a field set (an owner)",
    "track": "a figure with its trend, no target (win rate)",
}
_KIND_HELP: dict[str, Any] = {
    "overdue": "an item of a response commitment still open after a time",
    "missed": "a commitment missed in consecutive periods",
    "engaged_unanswered": "an engaged account with no sales touch",
    "engaged_no_conversion": "an engaged account with no opportunity",
    "rejected_share": "sales rejects a share of a period's SALs",
}
