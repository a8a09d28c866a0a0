"""Compliance: has each side kept its word, as of now — and what is about to slip.

The commitments by tier and party with their status, actual vs target and a
sparkline over the weeks; the open SAL clocks counting down, soonest first;
the escalations and to whom; the SAL audit; a period selector. Everything is
judged in workers (see compliance_jobs), the sparklines second. The screen
judges again when it is shown, when another process writes (the App's poll
posts WorkspaceChanged) and every minute (statuses move with time); a refresh
asked for while one runs is folded into one more run after it, so a burst of
writes never queues a burst of judgements. A new win on a target account
raises a notification.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Input,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import Worker, WorkerState

from screens import compliance_jobs as jobs
from screens import compliance_views as views
from screens.messages import WorkspaceChanged

if TYPE_CHECKING:
    from slatui.app import SlatuiApp
    from slatui.compliance.report import Win
    from store.compliance_run import WeekFigure

TICK_SECONDS = 1.0  # the countdown
REJUDGE_SECONDS = 60.0  # statuses move with time even when nothing is written
ROOMY = 160  # columns from which the commitments and the tabs sit side by side
FOOTER_ROOM = 120  # columns from which the footer has room for the palette hint
FAILED = (WorkerState.ERROR, WorkerState.CANCELLED)
MAX_WIN_NOTES = 3  # more new wins at once (an import) are summed up in one more note


class ComplianceScreen(Screen[None]):
    """Commitments, open clocks, escalations and the SAL audit, live."""

    CSS_PATH = "compliance_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "drill", "Items", id="compliance-items"),
        Binding("n", "next_period", "Period", id="compliance-period"),
        Binding("slash", "type_period", "Type period", id="compliance-type-period"),
        Binding("o", "tab('tab-clocks')", "Clocks", id="compliance-clocks", show=False),
        Binding("e", "tab('tab-escalations')", "Escalations", id="compliance-escalations"),
        Binding("a", "tab('tab-audit')", "SAL audit", id="compliance-audit", show=False),
        Binding("r", "refresh_now", "Refresh", id="compliance-refresh", show=False),
        Binding("escape", "focus_table", "Back to the table", show=False),
        # Already here: the App's "c Compliance" would only take room in the footer.
        Binding("c", "app.switch_mode('compliance')", "Compliance", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.selection: str | None = None
        self.measured: jobs.ComplianceMeasured | None = None
        self.weeks: dict[str, list[WeekFigure]] | None = None
        self._asked = 0
        self._judging = False
        self._judge_again = False
        self._trends_due = True
        self._worker: Worker[None] | None = None
        self._wins_seen: set[tuple[str, str]] | None = None
        self._row_keys: list[str] = []  # row key of each commitments row ("tier:..." for headings)

    @property
    def slatui(self) -> SlatuiApp:
        """The App, typed."""
        from slatui.app import SlatuiApp

        assert isinstance(self.app, SlatuiApp)
        return self.app

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        """Review line and period field; commitments; tabs (clocks, escalations, audit)."""
        yield Header(show_clock=False, icon="§")
        with Horizontal(id="top"):
            yield Static("Judging the workspace…", id="review", markup=False)
            yield Input(
                placeholder="own periods",
                id="period",
                compact=True,
                tooltip="week, month, quarter, pilot or a label: 2026-11, 2026-W45, 2026-Q4",
            )
        note = Static("", id="period-note", markup=False)
        note.display = False
        yield note
        with Horizontal(id="panes"):
            table = views_table("commitments")
            table.border_title = "Commitments  (enter: items)"
            yield table
            with TabbedContent(id="tabs"):
                with TabPane("Open clocks", id="tab-clocks"):
                    yield views_table("clocks")
                    yield Static("", id="clocks-status", markup=False)
                with TabPane("Escalations", id="tab-escalations"):
                    yield views_table("escalations")
                    yield Static("", id="escalation-detail", markup=False)
                    yield Static("", id="escalations-status", markup=False)
                with TabPane("SAL audit", id="tab-audit"), Vertical():
                    yield Static("", id="audit-summary", markup=False)
                    yield views_table("handoffs")
                    yield Static("", id="handoffs-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Columns, the countdown and the minute's re-judgement."""
        for name, columns in (
            ("commitments", views.COMMITMENT_COLUMNS),
            ("clocks", views.CLOCK_COLUMNS),
            ("escalations", views.ESCALATION_COLUMNS),
            ("handoffs", views.HANDOFF_COLUMNS),
        ):
            widget = self.query_one(f"#{name}", DataTable)
            for key, label, width in columns:
                widget.add_column(label, key=key, width=width)
        self.query_one("#commitments", DataTable).focus()
        self.set_interval(TICK_SECONDS, self._tick)
        self.set_interval(REJUDGE_SECONDS, self._rejudge)
        # No judgement here: ScreenResume follows the first mount too, and asks for it.

    def on_screen_resume(self) -> None:
        """Shown (first, or again after a mode switch or the drill-down): judge again.

        A judgement already on its way is fresh enough (a mode switch resumes
        the screen twice in a row).
        """
        if not self._judging:
            self.reload()

    def on_workspace_changed(self, message: WorkspaceChanged) -> None:
        """Another process wrote (an import, `slatui log`, a second workbench)."""
        self.reload()

    # ------------------------------------------------------------ judging

    def _rejudge(self) -> None:
        """The minute's judgement: statuses move with time; the past weeks did not change.

        Only while the screen is on: shown again, it judges anyway.
        """
        if self.is_current:
            self.reload(trends=False)

    def reload(self, *, trends: bool = True) -> None:
        """Judge again in a worker; while one runs, once more after it (never a queue).

        The weekly figures behind the sparklines cost a judgement per week, so
        they are read again only when something may have changed them (a
        write, the period, the screen shown again), not on the minute's tick.
        """
        self._trends_due = self._trends_due or trends or self.weeks is None
        if self._judging:
            self._judge_again = True
            return
        self._judging, self._judge_again = True, False
        self._asked += 1
        request, selection = self._asked, self.selection
        self._worker = self.slatui.client.run(
            self,
            "judge the workspace",
            lambda store: jobs.measure(store, selection, request),
            group="compliance",
        )
        self._show_review()

    def _check_failed(self) -> None:
        """A judgement whose worker failed posts nothing (the App says why): stop waiting."""
        worker = self._worker
        if self._judging and worker is not None and worker.state in FAILED:
            self._worker = None
            self._judge_again = False
            self._landed()

    def _landed(self) -> None:
        """A judgement came back (or was refused): run the one asked for meanwhile."""
        self._judging = False
        if self._judge_again:
            self.reload()
        else:
            self._show_review()

    def on_compliance_measured(self, message: jobs.ComplianceMeasured) -> None:
        """Draw the figures; then ask for the weeks behind the sparklines."""
        self.measured = message
        self._note("")
        self._fill_all(message.board)
        self._announce(message.wins)
        if self._trends_due:
            self._trends_due = False
            self._ask_trends(message)
        self._landed()

    def _ask_trends(self, message: jobs.ComplianceMeasured) -> None:
        judgement, request = message.judgement, message.request
        self.slatui.client.run(
            self,
            "trend over the weeks",
            lambda store: jobs.trends(store, judgement.version, judgement.as_of, request),
            group="compliance",
        )

    def on_trends_measured(self, message: jobs.TrendsMeasured) -> None:
        """The sparklines, if they belong to the judgement on screen."""
        if self.measured is None or message.request != self.measured.request:
            self._trends_due = True  # a newer judgement is on screen: its weeks are still to come
            return
        self.weeks = message.weeks
        self._draw_trends(message.weeks)

    def on_period_refused(self, message: jobs.PeriodRefused) -> None:
        """A label that is no period: say why, keep what was on screen."""
        self.query_one("#period", Input).add_class("-bad")
        self._note(f"{message.reason} (the figures shown are unchanged)")
        self.selection = None if self.measured is None else self.measured.selection
        self._landed()

    def on_nothing_to_judge(self, message: jobs.NothingToJudge) -> None:
        """An empty workspace: say how to start."""
        self.query_one("#review", Static).update(message.reason)
        self._landed()

    # ------------------------------------------------------------ drawing

    def _note(self, text: str) -> None:
        """The line under the review line: why a period was refused; hidden when empty."""
        note = self.query_one("#period-note", Static)
        note.update(text)
        note.display = bool(text)

    def _show_review(self) -> None:
        if self.measured is None:
            return
        text = views.header_text(self.measured.judgement, self._judging)
        self.query_one("#review", Static).update(text)

    def _fill(self, name: str, rows: list[views.Row]) -> None:
        """Replace a table's rows, the cursor staying on the same line."""
        table = self.query_one(f"#{name}", DataTable)
        keep = table.cursor_row
        table.clear()
        for key, cells in rows:
            table.add_row(*cells, key=key)
        if rows:
            table.move_cursor(row=min(max(keep, 0), len(rows) - 1))

    def _fill_all(self, board: jobs.Board) -> None:
        """Every table and status line of a judgement (already worded by the worker)."""
        self._row_keys = [key for key, _ in board.commitments]
        self._fill("commitments", board.commitments)
        table = self.query_one("#commitments", DataTable)
        if table.cursor_row == 0 and len(self._row_keys) > 1:
            table.move_cursor(row=1)  # a commitment, not the first tier's heading
        if self.weeks is not None:
            self._draw_trends(self.weeks)
        # The other tables (up to 200 rows each) follow one per frame, so a key
        # pressed meanwhile is handled between them, never behind all of them.
        self.call_after_refresh(self._fill_clocks, board)

    def _fill_clocks(self, board: jobs.Board) -> None:
        self._fill("clocks", board.clock_rows)
        self.query_one("#clocks-status", Static).update(board.clocks_status)
        self.call_after_refresh(self._fill_escalations, board)

    def _fill_escalations(self, board: jobs.Board) -> None:
        self._fill("escalations", board.escalation_rows)
        self.query_one("#escalations-status", Static).update(board.escalations_status)
        self._show_escalation(self.query_one("#escalations", DataTable).cursor_row)
        self.call_after_refresh(self._fill_audit, board)

    def _fill_audit(self, board: jobs.Board) -> None:
        self.query_one("#audit-summary", Static).update(board.audit_summary)
        self._fill("handoffs", board.handoff_rows)
        self.query_one("#handoffs-status", Static).update(board.handoffs_status)

    def _draw_trends(self, weeks: dict[str, list[WeekFigure]]) -> None:
        table = self.query_one("#commitments", DataTable)
        for key in self._row_keys:
            if not key.startswith("tier:"):
                table.update_cell(key, "trend", views.sparkline(weeks.get(key)))

    def _show_escalation(self, row: int) -> None:
        """The highlighted escalation's whole sentence (its why is often wider than its cell)."""
        detail = self.query_one("#escalation-detail", Static)
        details = [] if self.measured is None else self.measured.board.escalation_details
        detail.update(details[row] if 0 <= row < len(details) else "")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """An escalation highlighted says all of itself under the table."""
        if event.data_table.id == "escalations":
            self._show_escalation(event.cursor_row)

    def _tick(self) -> None:
        """The countdown, from the store's now: only the rows in sight, and only in sight.

        Rows scrolled out of view are brought up to date on the tick after they
        come into it; the event loop never words more than a screenful a second.
        """
        self._check_failed()
        if self.measured is None or not self.is_current:
            return
        if self.query_one(TabbedContent).active != "tab-clocks":
            return
        table = self.query_one("#clocks", DataTable)
        clocks = self.measured.board.clocks
        first = int(table.scroll_y)
        now, calendar = self.slatui.store.now(), self.measured.calendar
        for clock in clocks[first : first + table.size.height]:
            table.update_cell(
                views.clock_key(clock), "left", views.countdown(clock.item, calendar, now)
            )

    def _announce(self, wins: list[Win]) -> None:
        """Each win not seen before raises a notification; the first load only remembers."""
        keys = {(w.at.isoformat(), w.account) for w in wins}
        if self._wins_seen is None:
            self._wins_seen = keys
            return
        new = [w for w in wins if (w.at.isoformat(), w.account) not in self._wins_seen]
        self._wins_seen |= keys
        assert self.measured is not None
        tiers = {t.id: t.name for t in self.measured.judgement.contract.tiers}
        for win in new[:MAX_WIN_NOTES]:
            text = views.win_text(win.name, win.account, win.tier, tiers)
            self.notify(text, title="New win on a target account", timeout=10)
        if len(new) > MAX_WIN_NOTES:
            self.notify(f"and {len(new) - MAX_WIN_NOTES} more wins", timeout=10)

    # ------------------------------------------------------------ period

    def action_next_period(self) -> None:
        """n: own periods → week → month → quarter → pilot → own."""
        self._choose(views.next_period(self.selection))

    def action_type_period(self) -> None:
        """/: type a label (2026-11, 2026-W45, 2026-Q4); enter applies it."""
        self.query_one("#period", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the period field judges the period typed."""
        if event.input.id == "period":
            self._choose(views.read_period(event.value))
            self.query_one("#commitments", DataTable).focus()

    def _choose(self, selection: str | None) -> None:
        self.selection = selection
        field = self.query_one("#period", Input)
        field.remove_class("-bad")
        field.value = "" if selection is None else selection
        self._note("")
        self.reload()

    # ------------------------------------------------------------ actions

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a commitment opens its drill-down."""
        if event.data_table.id == "commitments":
            self.action_drill()

    def action_drill(self) -> None:
        """The highlighted commitment's items (or, for counts, what its figure rests on)."""
        from screens.compliance_items_modal import Drill, ItemsModal

        table = self.query_one("#commitments", DataTable)
        if self.measured is None or not 0 <= table.cursor_row < len(self._row_keys):
            return
        key = self._row_keys[table.cursor_row]
        judgement = self.measured.judgement
        judged = next(
            (j for j in judgement.evaluation.commitments if j.figure.commitment == key), None
        )
        if judged is None:
            return  # a tier heading
        model = next((c for c in judgement.contract.commitments if c.id == key), None)
        items = judgement.evaluation.items.get(key) if judged.figure.measure == "response" else None
        drill = Drill(
            judged, model, items, judgement.zone, self.measured.calendar, self.slatui.store.now()
        )
        self.app.push_screen(ItemsModal(drill))

    def action_tab(self, tab: str) -> None:
        """o clocks, e escalations, a audit."""
        self.query_one(TabbedContent).active = tab

    def action_refresh_now(self) -> None:
        """r: judge again now."""
        self.reload()

    def action_focus_table(self) -> None:
        """Out of the period field and back to the commitments."""
        self.query_one("#commitments", DataTable).focus()

    def palette_commands(self) -> list[SystemCommand]:
        """The Compliance screen's actions in the command palette."""
        return [
            SystemCommand("Items of the commitment", "Drill into it", self.action_drill),
            SystemCommand(
                "Next period", "own / week / month / quarter / pilot", self.action_next_period
            ),
            SystemCommand("Type a period", "2026-11, 2026-W45, 2026-Q4", self.action_type_period),
            SystemCommand("Judge again", "Refresh the figures now", self.action_refresh_now),
        ]

    def on_resize(self, event: events.Resize) -> None:
        """Side by side from ROOMY columns; below FOOTER_ROOM the footer packs its keys."""
        self.set_class(event.size.width < ROOMY, "-stacked")
        narrow = event.size.width < FOOTER_ROOM
        footer = self.query_one(Footer)
        if footer.compact != narrow:
            footer.compact = narrow
            footer.show_command_palette = not narrow
            footer.refresh(recompose=True)


def views_table(name: str) -> DataTable[Any]:
    """A read-only table with a row cursor."""
    return DataTable(
        id=name, cursor_type="row", zebra_stripes=True, cursor_foreground_priority="renderable"
    )
