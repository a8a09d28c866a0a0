"""Baselines: what the pilot measured for each commitment, and the targets it supports.

The table lists every commitment of the draft (by tier, then party, as the
Draft tree does) with a value per pilot week, a sparkline, the pilot's value,
the draft's target and the suggested achievable and stretch ones. Below it,
the detail of the highlighted commitment (the reasoning, the warning, the
spread of a response) and a what-if: type `key=value` and the pilot is judged
again under it, beside the draft, in a worker, while typing goes on. `a` / `A`
adopt a suggestion into the draft after a confirmation.

Everything is read in workers; the screen re-reads when it is shown again and
when another terminal writes (the App's poll posts WorkspaceChanged).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Static

from screens import baselines_jobs as jobs
from screens import baselines_views as views
from screens.messages import StoreFailed, WorkspaceChanged

if TYPE_CHECKING:
    from slatui.app import SlatuiApp
    from slatui.baselines.report import BaselineRow
    from store.baseline_run import Baselines

WHATIF_DELAY = 0.3  # seconds of quiet typing before the pilot is judged again
ROOMY = 120  # columns from which the footer has room for the palette hint
KINDS = ("achievable", "stretch")


class BaselinesScreen(Screen[None]):
    """The pilot's weekly values and suggested targets, a what-if, and adoption."""

    CSS_PATH = "baselines_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "adopt('achievable')", "Adopt achievable", id="baselines-adopt"),
        Binding("A", "adopt('stretch')", "Adopt stretch", id="baselines-adopt-stretch"),
        Binding("w", "focus_whatif", "What if", id="baselines-whatif"),
        Binding("t", "try('achievable')", "Try achievable", id="baselines-try", show=False),
        Binding("T", "try('stretch')", "Try stretch", id="baselines-try-stretch", show=False),
        Binding("r", "refresh_now", "Refresh", id="baselines-refresh"),
        Binding("escape", "focus_table", "Back to the table", id="baselines-table"),
        # Already here: the App's "b Baselines" would only take room in the footer.
        Binding("b", "app.switch_mode('baselines')", "Baselines", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.found: Baselines | None = None
        self.rows: list[BaselineRow] = []
        self.whatif_for: str | None = None
        self.whatif_shown: str = ""  # the what-if text whose answer is on screen
        self._serial = 0
        self._timer: Timer | None = None
        self._columns: list[tuple[str, str, int]] = []
        self._adopting: str | None = None

    @property
    def slatui(self) -> SlatuiApp:
        """The App, typed."""
        from slatui.app import SlatuiApp

        assert isinstance(self.app, SlatuiApp)
        return self.app

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        """Head line; the table; the detail and the what-if beside (or under) each other."""
        yield Header(show_clock=False, icon="§")
        yield Static("Measuring the pilot…", id="baselines-head", markup=False)
        table: DataTable[str] = DataTable(
            id="baselines-table", cursor_type="row", zebra_stripes=True, fixed_columns=1
        )
        table.border_title = "Commitments by pilot week"
        yield table
        with Horizontal(id="baselines-panels"):
            with VerticalScroll(id="baselines-detail-box") as detail:
                detail.border_title = "Why these targets"
                yield Static("", id="baselines-detail", markup=False)
            with Vertical(id="whatif-box") as whatif:
                whatif.border_title = "What if  (w)"
                yield Input(placeholder="key=value", id="whatif-input", compact=True)
                with VerticalScroll(id="whatif-scroll"):
                    yield Static(
                        "Type key=value (w), or t / T to try a suggestion.",
                        id="whatif-result",
                        markup=False,
                    )
        yield Footer()

    def on_mount(self) -> None:
        """The first read; the table has the focus."""
        self.query_one("#baselines-table", DataTable).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        """Shown again (a mode switch, a modal closed): the draft may have changed."""
        self.reload()

    def on_workspace_changed(self, message: WorkspaceChanged) -> None:
        """Another terminal wrote (an import, an edit): measure again."""
        self.reload()

    def reload(self) -> None:
        """Measure the draft over the pilot as of the store's now."""
        self.slatui.client.run(self, "measure the pilot", jobs.load, group="baselines")

    # ------------------------------------------------------------ answers

    def on_baselines_loaded(self, message: jobs.BaselinesLoaded) -> None:
        """Fill the table, keeping the highlighted commitment where it was."""
        head = self.query_one("#baselines-head", Static)
        table = self.query_one("#baselines-table", DataTable)
        found = message.found
        if found is None:
            self.found, self.rows = None, []
            head.update(message.reason)
            table.clear()
            self._show_detail()
            return
        from zoneinfo import ZoneInfo

        contract = found.version.contract
        self.found = found
        keep = self._highlighted_ident()
        self.rows = views.ordered(found.rows, contract)
        head.update(views.head_text(found, ZoneInfo(contract.agreement.timezone)))
        self._fill(keep, self.narrow)
        if self.whatif_for is not None and self.whatif_shown:
            self._ask_whatif()  # the draft moved under the what-if: judge it again

    def _fill(self, keep: str | None, narrow: bool) -> None:
        """The rows (and the columns, when the weeks or the width changed); `keep` stays lit."""
        assert self.found is not None
        table: DataTable[str] = self.query_one("#baselines-table", DataTable)
        weeks = [w.label for w in self.found.weeks]
        wanted = views.columns(weeks, narrow=narrow)
        if wanted != self._columns:
            table.clear(columns=True)
            for key, label, width in wanted:
                table.add_column(label, key=key, width=width)
            self._columns = wanted
        table.clear()
        for row in self.rows:
            table.add_row(*views.row_cells(row, len(weeks), narrow=narrow), key=row.ident)
        index = next((i for i, r in enumerate(self.rows) if r.ident == keep), 0)
        if self.rows:
            table.move_cursor(row=index)
        self._show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The detail follows the cursor; the what-if is for the highlighted commitment."""
        self._show_detail()

    def _show_detail(self) -> None:
        row = self.highlighted()
        detail = self.query_one("#baselines-detail", Static)
        detail.update(views.detail_text(row) if row is not None else "")
        field = self.query_one("#whatif-input", Input)
        field.placeholder = views.whatif_placeholder(row)
        ident = None if row is None else row.ident
        if ident != self.whatif_for:
            self.whatif_for = ident
            self.whatif_shown = ""
            self._serial += 1  # an answer on its way is for the other commitment
            self.query_one("#whatif-box").border_title = f"What if · {ident or '—'}  (w)"
            field.value = ""
            self._result("Type key=value (w), or t / T to try a suggestion.")

    def highlighted(self) -> BaselineRow | None:
        """The commitment under the table's cursor."""
        table = self.query_one("#baselines-table", DataTable)
        if not self.rows:
            return None
        return self.rows[min(max(table.cursor_row, 0), len(self.rows) - 1)]

    def _highlighted_ident(self) -> str | None:
        row = self.highlighted()
        return None if row is None else row.ident

    # ------------------------------------------------------------ what-if

    def on_input_changed(self, event: Input.Changed) -> None:
        """Judge again once typing pauses."""
        if event.input.id != "whatif-input":
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(WHATIF_DELAY, self._ask_whatif)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter judges at once (the field keeps the focus: escape goes back)."""
        if event.input.id == "whatif-input":
            self._ask_whatif()

    def _ask_whatif(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        text = self.query_one("#whatif-input", Input).value.strip()
        ident = self.whatif_for
        self._serial += 1
        if self.found is None or ident is None or not text:
            self.whatif_shown = ""
            self._result("Type key=value (w), or t / T to try a suggestion.")
            return
        serial, contract, as_of = self._serial, self.found.version.contract, self.found.as_of
        store = self.slatui.store
        self._result(f"Judging the pilot with {text}…")

        def work() -> None:
            self.post_message(jobs.whatif(store, contract, as_of, serial, ident, text))

        self.run_worker(
            work, name="what if", group="whatif", thread=True, exclusive=True, exit_on_error=False
        )

    def on_what_if_computed(self, message: jobs.WhatIfComputed) -> None:
        """Show the answer to the latest question only."""
        if message.serial != self._serial:
            return
        self.whatif_shown = message.text
        field = self.query_one("#whatif-input", Input)
        field.set_class(bool(message.error), "-bad")
        if message.error:
            self._result(message.error)
        else:
            self._result(views.whatif_text(message.differences, self.rows))

    def _result(self, text: str) -> None:
        self.query_one("#whatif-result", Static).update(text)

    # ------------------------------------------------------------ adopting

    def action_adopt(self, kind: str) -> None:
        """Adopt the highlighted commitment's suggestion, after a confirmation."""
        from screens.adopt_modal import AdoptModal

        row, found = self.highlighted(), self.found
        if row is None or found is None:
            self.notify("There is nothing to adopt yet.", severity="information")
            return
        if self._adopting is not None:
            self.notify(f"{self._adopting} is being adopted; wait for it.", timeout=3)
            return
        target = row.target(kind)
        if target is None:
            why = row.suggestion.warning or "the pilot supports none"
            self.notify(f"{row.ident} has no {kind} target: {why}", severity="warning")
            return
        ident = row.ident

        def answered(name: str | None) -> None:
            if name:
                self._adopting = ident
                self.slatui.client.run(
                    self, "adopt", lambda store: jobs.adopt(store, ident, kind, name)
                )

        question = views.adopt_question(row, kind, target, found.version)
        self.app.push_screen(AdoptModal(question), answered)

    def on_baseline_adopted(self, message: jobs.BaselineAdopted) -> None:
        """The draft has it: the header, the Draft screen and this table show it."""
        self._adopting = None
        self.slatui.version = message.version
        for screen in self._draft_screens():
            screen.post_message(jobs.BaselineAdopted(message.version, message.ident))
        if message.adopted is not None:
            self.notify(views.adopted_text(message.ident, message.adopted), title="Adopted")
        self.reload()

    def _draft_screens(self) -> list[Screen[object]]:
        try:
            return self.app.get_screen_stack("draft")[:1]
        except KeyError:
            return []

    def on_adopt_refused(self, message: jobs.AdoptRefused) -> None:
        """Nothing was written; say why."""
        self._adopting = None
        self.notify(message.reason, title=f"Could not adopt {message.ident}", severity="warning")

    def on_store_failed(self, message: StoreFailed) -> None:
        """A refused write (busy, locked): the App says why; this screen may adopt again."""
        self._adopting = None

    # ------------------------------------------------------------ actions

    def action_try(self, kind: str) -> None:
        """Put a suggestion into the what-if and judge the pilot under it at once."""
        row = self.highlighted()
        target = None if row is None else row.target(kind)
        if row is None or target is None:
            self.notify(f"No {kind} suggestion to try here.", severity="information")
            return
        field = self.query_one("#whatif-input", Input)
        field.value = " ".join(f"{k}={v}" for k, v in target.values.items())
        self._ask_whatif()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape is shown (and works) only where there is a way back: in the what-if."""
        if action == "focus_table":
            return isinstance(self.focused, Input)
        return True

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The footer shows escape in the what-if field only."""
        self.refresh_bindings()

    def action_focus_whatif(self) -> None:
        """To the what-if field, where letters type (escape comes back)."""
        self.query_one("#whatif-input", Input).focus()

    def action_focus_table(self) -> None:
        """Out of the what-if and back to the table."""
        self.query_one("#baselines-table", DataTable).focus()

    def action_refresh_now(self) -> None:
        """Measure again now."""
        self.reload()

    def palette_commands(self) -> list[SystemCommand]:
        """The Baselines screen's actions in the command palette."""
        return [
            SystemCommand(
                "Adopt the achievable target",
                "Write it into the draft (asks first)",
                lambda: self.action_adopt("achievable"),
            ),
            SystemCommand(
                "Adopt the stretch target",
                "Write it into the draft (asks first)",
                lambda: self.action_adopt("stretch"),
            ),
            SystemCommand(
                "What if", "Judge the pilot under another value", self.action_focus_whatif
            ),
            SystemCommand("Measure again", "Re-read the pilot", self.action_refresh_now),
        ]

    @property
    def narrow(self) -> bool:
        """Below ROOMY columns the table drops the week columns (see views.columns)."""
        return self.app.size.width < ROOMY

    def on_resize(self, event: events.Resize) -> None:
        """Below ROOMY columns the footer packs its keys and the table its columns."""
        narrow = event.size.width < ROOMY
        if self.found is not None:
            weeks = [w.label for w in self.found.weeks]
            if self._columns != views.columns(weeks, narrow=narrow):
                self._fill(self._highlighted_ident(), narrow)
        footer = self.query_one(Footer)
        if footer.compact != narrow:
            footer.compact = narrow
            footer.show_command_palette = not narrow
            footer.refresh(recompose=True)
