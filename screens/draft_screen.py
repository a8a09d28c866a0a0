"""Draft: where both parties write, check and sign the agreement together.

The screen holds the contract as last loaded or accepted. An edit is
validated at once against the whole contract (domain code, microseconds),
shown, and saved in a worker with the revision it was made on; the store's
answer (saved, merged with another terminal, or in conflict) comes back as a
message. Nothing typed and accepted waits for a save button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from screens.messages import (
    DraftSaved,
    FirstFrameShown,
    SaveConflicted,
    Signed,
    VersionStarted,
    WorkspaceChanged,
    WorkspaceLoaded,
)
from slatui.editing.history import History
from slatui.editing.nodes import NodeRef, node_for_path
from slatui.editing.values import EditError

if TYPE_CHECKING:
    from textual.widgets import Markdown, Tree

    from screens.baselines_jobs import BaselineAdopted
    from screens.widgets.agreement_tree import AgreementTree
    from screens.widgets.clause_editor import ClauseEditor
    from screens.widgets.lint_panel import LintPanel
    from slatui.app import SlatuiApp
    from slatui.contract.model import Contract
    from store import Version

WIDE = 120  # columns from which the side panel shows (the App's "-wide" breakpoint)


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
        Binding("escape", "focus_tree", "Back to the tree", id="draft-tree", show=False),
        Binding("m", "preview", "Markdown", id="draft-preview"),
        Binding("s", "sign", "Sign", id="draft-sign"),
        Binding("n", "new_version", "New version", id="draft-new-version"),
        Binding("v", "versions", "Versions", id="draft-versions"),
        Binding("x", "export", "Export", id="draft-export"),
        # Already here: the App's "d Draft" would only take room in the footer.
        Binding("d", "app.switch_mode('draft')", "Draft", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.version: Version | None = None
        self.contract: Contract | None = None
        self.node = NodeRef("agreement")
        self.history = History()
        self._opened = False

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

    @property
    def agreement_tree(self) -> AgreementTree:
        """The agreement tree (mounted after the first frame)."""
        from screens.widgets.agreement_tree import AgreementTree

        return self.query_one(AgreementTree)

    @property
    def editor(self) -> ClauseEditor:
        """The clause editor."""
        from screens.widgets.clause_editor import ClauseEditor

        return self.query_one(ClauseEditor)

    @property
    def lint_panel(self) -> LintPanel:
        """The lint panel."""
        from screens.widgets.lint_panel import LintPanel

        return self.query_one(LintPanel)

    @property
    def preview(self) -> Markdown:
        """The clause preview."""
        from textual.widgets import Markdown

        return self.query_one("#clause-preview", Markdown)

    def compose(self) -> ComposeResult:
        """The shell only: the panes are mounted once the first frame is drawn."""
        yield Header(show_clock=False, icon="§")
        yield Static("", id="banner")
        with Horizontal(id="panes"):
            yield Static("Loading the agreement…", id="loading")
        yield Footer()

    def on_mount(self) -> None:
        """Hide the banner; open at once if the first frame is already behind us."""
        self.query_one("#banner").display = False
        if self.slatui.first_frame_shown:
            self.call_later(self._open)

    async def on_first_frame_shown(self, message: FirstFrameShown) -> None:
        """The shell is on screen (see SlatuiApp.on_ready): build the panes, then load."""
        await self._open()

    async def _open(self) -> None:
        """Mount tree, editor, lint and preview, then ask for the agreement."""
        if self._opened:
            return
        self._opened = True
        from textual.widgets import Markdown

        from screens.widgets.agreement_tree import AgreementTree
        from screens.widgets.clause_editor import ClauseEditor
        from screens.widgets.lint_panel import LintPanel

        preview = VerticalScroll(Markdown("", id="clause-preview"), id="preview-box")
        preview.border_title = "As the contract says it"
        panes = self.query_one("#panes")
        await panes.remove_children()
        await panes.mount_all(
            [
                AgreementTree(id="tree"),
                Vertical(Static("", id="clause-title"), ClauseEditor(id="editor"), id="main"),
                Vertical(LintPanel(id="lint"), preview, id="side"),
            ]
        )
        if not self.query("AgreementTree"):
            return  # the app is closing (quit during start-up): nothing to show or load
        if self.focused is None:
            self.agreement_tree.focus()
        self.slatui.client.load(self)

    # ------------------------------------------------------------ loading

    def on_workspace_loaded(self, message: WorkspaceLoaded) -> None:
        """Show the latest version, or offer a start on an empty workspace."""
        if message.version is None:
            self.slatui.version = None
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
        self._refresh_all()

    def _refresh_all(self) -> None:
        """Tree, banner, editor, lint and preview from `self.contract`."""
        from slatui.lint import lint

        assert self.contract is not None
        if not self.node.exists(self.contract):
            self.node = NodeRef("agreement")
        warnings = lint(self.contract)
        warned = {node_for_path(self.contract, w.path) for w in warnings}
        self.agreement_tree.rebuild(self.contract, warned, self.node)
        self.lint_panel.show(warnings)
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
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer shows the keys that apply: editing on a draft, n on an agreed version."""
        if self.contract is None:
            return False
        if action == "new_version":
            return self.version is not None and self.version.status == "agreed"
        if action in ("add_commitment", "undo", "sign"):
            return not self.read_only
        return True

    def _show_node(self, node: NodeRef) -> None:
        assert self.contract is not None
        self.node = node
        self.query_one("#clause-title", Static).update(self._title(node))
        self.editor.show(self.contract, node, read_only=self.read_only)
        self.preview.update(self._preview(node))

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

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[NodeRef]) -> None:
        """Moving through the tree shows each clause in the editor."""
        if (
            event.node.data is not None
            and self.contract is not None
            and event.node.data != self.node
        ):
            self._show_node(event.node.data)

    def on_lint_panel_jump(self, event: LintPanel.Jump) -> None:
        """Enter on a warning: its clause in the tree and the editor."""
        assert self.contract is not None
        node = node_for_path(self.contract, event.path)
        self.agreement_tree.select_ref(node)
        self._show_node(node)
        self.action_focus_tree()

    # ------------------------------------------------------------ editing

    def on_clause_editor_field_edited(self, event: ClauseEditor.FieldEdited) -> None:
        """Validate an accepted value against the whole contract, show it, save it."""
        from slatui.editing import field_text, set_field

        editor = self.editor
        if self.contract is None or self.version is None:
            return
        if self.read_only:
            editor.show_error(
                event.node,
                event.key,
                "this version is agreed and read-only; press n for a new version",
            )
            return
        try:
            new = set_field(self.contract, event.node, event.key, event.text)
        except EditError as exc:
            editor.show_error(event.node, event.key, str(exc))
            return
        renamed = _renamed(event.node, event.key, event.text)
        base = field_text(self.contract, event.node, event.key)
        mine = field_text(new, renamed, event.key)
        label = f"{event.node.key or event.node.section}.{event.key} = {mine or '(empty)'}"
        if self.node == event.node:
            self.node = renamed
        self._accept(new, label)
        editor.accepted(event.node, event.key, mine)
        self._show_node(self.node)  # a new measure, kind or id brings other fields
        self.slatui.client.save_field(
            self, new, self.version.revision, (event.node, event.key, base, mine), label
        )
        self._check_words(new, renamed, event.key, mine)

    def _check_words(self, contract: Contract, node: NodeRef, key: str, value: str) -> None:
        """A changed figure under hand-written words: the words may now say otherwise.

        The contract states the measured terms after the parties' sentence, so
        nothing is hidden; but a sentence that says "one business day" next to
        "2 business days" is not something to sign, so say it while it happens.
        """
        if node.section != "commitment" or key in ("id", "text", "party", "tier", "directional"):
            return
        clause = contract.commitment(node.key or "")
        if clause is None or not clause.text:
            return
        self.notify(
            f'{node.key} has its own words: "{clause.text}". Check they still match '
            f"{key} = {value or '(empty)'}, or clear In words to let slatui write them.",
            title="Check the clause's words",
            severity="warning",
            timeout=10,
        )

    def _accept(self, new: Contract, label: str) -> None:
        """Take an edit locally (undo remembers the contract before it).

        The tree and the lint panel follow at once; the caller shows the node.
        """
        from slatui.lint import lint

        assert self.contract is not None
        self.history.push(label, self.contract, new)
        self.contract = new
        warnings = lint(new)
        warned = {node_for_path(new, w.path) for w in warnings}
        self.agreement_tree.rebuild(new, warned, self.node)
        self.lint_panel.show(warnings)

    def _save_structural(self, new: Contract, label: str, select: NodeRef | None = None) -> None:
        assert self.version is not None and self.contract is not None
        base = self.contract
        if select is not None:
            self.node = select
        self._accept(new, label)
        self._show_node(self.node)
        self.slatui.client.save_contract(self, base, new, self.version.revision, label)

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
        new = _keep_mine(message)
        if new is None:
            self.notify(
                f"{message.label} no longer fits the draft as the other terminal left it.",
                title="Could not keep yours",
                severity="warning",
            )
            return
        self._accept(new, message.label)
        self._show_node(self.node)
        self.slatui.client.save_contract(self, theirs.contract, new, theirs.revision, message.label)

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
        """Revert this session's last edit, keeping what others changed since."""
        from slatui.editing.merge import merge_contracts

        if not self._editable():
            return
        step = self.history.pop()
        if step is None:
            self.notify("Nothing to undo in this session.")
            return
        label, before, after = step
        current = self.contract
        assert current is not None and self.version is not None
        reverted = merge_contracts(after, before, current)
        if reverted is None:
            self.notify(
                f'Not undone: "{label}" was changed again since (in another terminal?).',
                severity="warning",
            )
            return
        self.contract = reverted
        self._refresh_all()
        self.slatui.client.save_contract(
            self, current, reverted, self.version.revision, f"undo {label}"
        )
        self.notify(f"Undid {label}.")

    def action_focus_lint(self) -> None:
        """Jump into the lint panel (on a narrow terminal it takes the editor's place)."""
        self.add_class("-side")
        self.call_after_refresh(self.lint_panel.focus)

    def action_focus_tree(self) -> None:
        """Out of a field (letters type there) and back to the tree, where the keys work."""
        self.remove_class("-side")
        self.agreement_tree.focus()

    def on_resize(self, event: events.Resize) -> None:
        """Fit the footer to the new width."""
        self._fit_footer(event.size.width)

    def on_screen_resume(self) -> None:
        """The terminal may have been resized while a modal was on top."""
        self._fit_footer(self.app.size.width)

    def _fit_footer(self, width: int) -> None:
        """Below the wide breakpoint the footer packs its keys, so help and quit still show.

        The palette hint gives way there (ctrl+p still opens it; help lists it).
        """
        narrow = width < WIDE
        footer = self.query_one(Footer)
        if footer.show_command_palette == narrow:
            footer.compact = narrow
            footer.show_command_palette = not narrow
            footer.refresh(recompose=True)

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
            if result is None:
                self.notify("Not signed: the sign-off was cancelled.", severity="information")
                return
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

    def on_baseline_adopted(self, message: BaselineAdopted) -> None:
        """The Baselines screen wrote a target into the draft: show the version it wrote."""
        if self.contract is None:
            return  # not loaded yet: it reads the latest version when it opens
        if self.version is None or message.version.number != self.version.number:
            self.history = History()  # a new draft: undo does not reach into the old one
        self._show_version(message.version)

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
            SystemCommand("Tree", "Back to the agreement tree", self.action_focus_tree),
        ]


def _renamed(node: NodeRef, key: str, text: str | bool) -> NodeRef:
    """The clause after an edit: a new id names it anew."""
    if key == "id" and isinstance(text, str):
        return NodeRef(node.section, text.strip())
    return node


def _keep_mine(message: SaveConflicted) -> Contract | None:
    """Your change on top of theirs: the one field, or the structural edit replayed."""
    from slatui.editing import set_field
    from slatui.editing.merge import merge_contracts

    theirs = message.theirs.contract
    if message.node is not None and message.key is not None:
        try:
            return set_field(theirs, message.node, message.key, message.mine_text)
        except EditError:
            return None
    base = message.base if message.base is not None else theirs
    return merge_contracts(base, message.mine, theirs, prefer_mine=True)


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
