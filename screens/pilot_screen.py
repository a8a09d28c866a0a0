"""Pilot: the 4-week pilot's data — where the window stands, what came in, and the events.

Everything shown is read in workers (see pilot_jobs); the screen re-reads when
it is shown again and when another terminal writes (the App's poll posts
WorkspaceChanged), so an import run elsewhere appears within a poll or two.
The events table shows one page at a time, paged by keyset (see EventPager),
so it is as quick on a million rows as on a hundred.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Input,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from screens import pilot_jobs as jobs
from screens import pilot_views as views
from screens.event_pager import EventPager, EventPageRequest
from screens.messages import WorkspaceChanged
from screens.pilot_messages import (
    AccountsLoaded,
    BatchUndone,
    EventLogged,
    EventsLoaded,
    PilotLoaded,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from slatui.app import SlatuiApp
    from slatui.contract.model import Contract
    from slatui.pilot.records import EventRecord
    from store import Batch, Summary

FILTER_DELAY = 0.3  # seconds of quiet typing before a filter is applied
ALL_TYPES = "*"


class PilotScreen(Screen[None]):
    """The pilot window, batches, accounts by tier, and the events table."""

    CSS_PATH = "pilot_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "import_file", "Import", id="pilot-import"),
        Binding("l", "log_event", "Log event", id="pilot-log"),
        Binding("u", "undo_batch", "Undo batch", id="pilot-undo"),
        Binding("right_square_bracket", "page(1)", "Next page", id="pilot-next"),
        Binding(
            "left_square_bracket", "page(-1)", "Previous page", id="pilot-previous", show=False
        ),
        Binding("g", "page(0)", "First page", id="pilot-first", show=False),
        Binding("slash", "filter", "Filter", id="pilot-filter"),
        Binding("escape", "focus_table", "Back to the table", id="pilot-table", show=False),
        # Already here: the App's "p Pilot" would only take room in the footer.
        Binding("p", "app.switch_mode('pilot')", "Pilot", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summary: Summary | None = None
        self.contract: Contract | None = None
        self.pager = EventPager()
        self.total = 0
        self.shown = 0
        self._filter_timer: Timer | None = None
        self._types: tuple[str, ...] = ()
        self._tier_rows: list[tuple[str | None, bool]] = []
        self._batches: list[Batch] = []
        self._accounts_for: tuple[str | None, bool] | None = None
        self._account_keys: list[str] = []
        self._filter_error: str | None = None
        self._undoing: int | None = None

    @property
    def slatui(self) -> SlatuiApp:
        """The App, typed."""
        from slatui.app import SlatuiApp

        assert isinstance(self.app, SlatuiApp)
        return self.app

    @property
    def zone(self) -> ZoneInfo | None:
        """The agreement's zone, in which times are shown and dates typed."""
        from zoneinfo import ZoneInfo

        return None if self.contract is None else ZoneInfo(self.contract.agreement.timezone)

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        """Window line; side panel (tiers, batches); tabs (events, accounts)."""
        yield Header(show_clock=False, icon="§")
        yield Static("Reading the workspace…", id="window", markup=False)
        with Horizontal(id="panes"):
            with Vertical(id="side"):
                yield views.table("tiers", "Accounts by tier")
                yield views.table("batches", "Import batches  (u undo)")
                yield Static("", id="batch-detail", markup=False)
            with TabbedContent(id="tabs"):
                with TabPane("Events", id="tab-events"):
                    with Horizontal(id="filters"):
                        yield Select[str](
                            [("all types", ALL_TYPES)],
                            value=ALL_TYPES,
                            allow_blank=False,
                            compact=True,
                            id="f-type",
                        )
                        yield Input(placeholder="account", id="f-account", compact=True)
                        yield Input(placeholder="lead", id="f-lead", compact=True)
                        yield Input(placeholder="from YYYY-MM-DD", id="f-since", compact=True)
                        yield Input(placeholder="to YYYY-MM-DD", id="f-until", compact=True)
                    yield views.table("events", None)
                    yield Static("", id="events-status", markup=False)
                with TabPane("Accounts", id="tab-accounts"):
                    yield views.table("accounts", None)
                    yield Static("", id="accounts-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Columns first, then the first read."""
        views.set_columns(self.query_one("#tiers", DataTable), views.TIER_COLUMNS)
        views.set_columns(self.query_one("#batches", DataTable), views.BATCH_COLUMNS)
        views.set_columns(self.query_one("#events", DataTable), views.EVENT_COLUMNS)
        views.set_columns(self.query_one("#accounts", DataTable), views.ACCOUNT_COLUMNS)
        self.query_one("#events", DataTable).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        """Shown again (a mode switch, a modal closed): what it shows may be stale."""
        self.reload()

    def on_workspace_changed(self, message: WorkspaceChanged) -> None:
        """Another terminal wrote (an import, `slatui log`): read everything again."""
        self.reload()

    def reload(self) -> None:
        """Re-read the overview, the page on screen and the accounts tab."""
        client = self.slatui.client
        client.run(self, "read the pilot", jobs.load_overview, group="pilot")
        self._ask_events(self.pager.current())
        if self._accounts_for is not None:
            self._ask_accounts(*self._accounts_for)

    # ------------------------------------------------------------ answers

    def on_pilot_loaded(self, message: PilotLoaded) -> None:
        """The window line, tiers, batches and the type filter's choices."""
        self.summary, self.contract = message.summary, message.contract
        self._undoing = None  # read after any undo asked for before it: the list is current
        self._account_keys = message.account_keys
        self.query_one("#window", Static).update(views.window_text(message.summary))
        self._tier_rows = views.fill_tiers(
            self.query_one("#tiers", DataTable), message.summary, message.contract
        )
        self._batches = list(reversed(message.summary.batches))  # newest first
        views.fill_batches(self.query_one("#batches", DataTable), self._batches)
        self._show_batch_detail()
        types = tuple(sorted(t.type for t in message.summary.events_by_type))
        if types != self._types:
            self._types = types
            select = self.query_one("#f-type", Select)
            chosen = select.value
            select.set_options([("all types", ALL_TYPES), *((t, t) for t in types)])
            select.value = chosen if chosen in types else ALL_TYPES
        if self._accounts_for is None and self._tier_rows:
            self._ask_accounts(*self._tier_rows[0])

    def on_events_loaded(self, message: EventsLoaded) -> None:
        """Draw the page if it is still the one asked for last."""
        if not self.pager.accept(message.request, message.page):
            return
        self.total = message.total
        self.shown = len(message.page.events)
        table = self.query_one("#events", DataTable)
        views.label_when(table, self.contract)
        views.fill_events(table, message.page.events, self.zone)
        self._show_events_status()

    def on_accounts_loaded(self, message: AccountsLoaded) -> None:
        """The Accounts tab lists the tier highlighted in the side panel."""
        if (message.tier, message.untiered) != self._accounts_for:
            return
        views.fill_accounts(self.query_one("#accounts", DataTable), message.accounts)
        label = views.tier_label(message.tier, message.untiered, self.contract)
        status = f"{len(message.accounts):,} accounts · {label}"
        self.query_one("#accounts-status", Static).update(status)

    def on_batch_undone(self, message: BatchUndone) -> None:
        """Say what went, then show what is left."""
        self.notify(views.undone_text(message.result), title="Batch undone")
        self.reload()

    def on_event_logged(self, message: EventLogged) -> None:
        """Say which batch holds it (so it can be undone), then show it."""
        batch = message.result.batch.id
        self.notify(f"Logged as batch {batch} (u undoes it).", title="Event logged")
        self.reload()

    # ------------------------------------------------------------ highlights

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """A tier lists its accounts; a batch shows its counts."""
        if event.data_table.id == "tiers" and 0 <= event.cursor_row < len(self._tier_rows):
            self._ask_accounts(*self._tier_rows[event.cursor_row])
        elif event.data_table.id == "batches":
            self._show_batch_detail()

    def _show_batch_detail(self) -> None:
        table = self.query_one("#batches", DataTable)
        detail = self.query_one("#batch-detail", Static)
        if not self._batches:
            detail.update("No batches yet: i imports a file, l logs an event.")
            return
        row = min(table.cursor_row, len(self._batches) - 1)
        detail.update(views.batch_detail(self._batches[max(row, 0)], self.zone))

    def _show_events_status(self) -> None:
        """Where the page is; while a filter field cannot be read, why (until it can)."""
        first, last = self.pager.span(self.shown)
        status = views.events_status(first, last, self.total, self.pager.has_next, self.pager.page)
        if self._filter_error is not None:
            status = f"{self._filter_error} (not applied) · {status}"
        self.query_one("#events-status", Static).update(status)

    # ------------------------------------------------------------ filters

    def on_input_changed(self, event: Input.Changed) -> None:
        """Apply the filters once typing pauses."""
        if event.input.id is None or not event.input.id.startswith("f-"):
            return
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_DELAY, self._apply_filters)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter applies at once and goes back to the table."""
        if event.input.id is not None and event.input.id.startswith("f-"):
            self._apply_filters()
            self.query_one("#events", DataTable).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        """A type chosen applies at once."""
        if event.select.id == "f-type":
            self._apply_filters()

    def _apply_filters(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()  # enter applied them already: no second pass
        self._filter_timer = None
        inputs = {name: self.query_one(f"#f-{name}", Input) for name in views.FILTER_INPUTS}
        chosen = self.query_one("#f-type", Select).value
        try:
            filters = views.read_filters(
                chosen if isinstance(chosen, str) and chosen != ALL_TYPES else None,
                {name: field.value for name, field in inputs.items()},
                self.zone,
            )
        except views.BadFilter as bad:
            for name, field in inputs.items():
                field.set_class(name == bad.field, "-bad-filter")
            self._filter_error = str(bad)
            self._show_events_status()
            return
        self._filter_error = None
        for field in inputs.values():
            field.remove_class("-bad-filter")
        if filters != self.pager.filters:
            self._ask_events(self.pager.refilter(filters))

    # ------------------------------------------------------------ actions

    def action_page(self, step: int) -> None:
        """] next page, [ previous, g first."""
        move = {1: self.pager.forward, -1: self.pager.back, 0: self.pager.first}[step]
        if step == 1 and self.pager.waiting:
            return  # the page asked for last is on its way; the next one starts after it
        request = move()
        if request is None:
            where = "last" if step == 1 else "first"
            self.notify(f"This is the {where} page.", severity="information", timeout=2)
            return
        self._ask_events(request)

    def action_filter(self) -> None:
        """To the filters, in the account field where letters type (shift+tab: the type)."""
        self.query_one(TabbedContent).active = "tab-events"
        self.query_one("#f-account", Input).focus()

    def action_focus_table(self) -> None:
        """Out of a filter field and back to the events."""
        self.query_one("#events", DataTable).focus()

    def action_undo_batch(self) -> None:
        """Undo the batch highlighted in the side panel, after a confirmation."""
        from screens.confirm_modal import ConfirmModal

        table = self.query_one("#batches", DataTable)
        if self._undoing is not None:
            self.notify(f"Batch {self._undoing} is being undone; wait for it.", timeout=3)
            return
        if not self._batches:
            self.notify("There are no batches to undo.", severity="information")
            return
        batch = self._batches[min(max(table.cursor_row, 0), len(self._batches) - 1)]

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._undoing = batch.id
                self.notify(f"Undoing batch {batch.id}…", timeout=3)
                self.slatui.client.run(self, "undo", lambda store: jobs.undo(store, batch.id))
                self.reload()  # queued behind the undo: answers whether it worked or not

        question = views.undo_question(batch)
        self.app.push_screen(ConfirmModal(question, confirm_label="Undo batch"), answered)

    def action_import_file(self) -> None:
        """The import modal: a file, its preset, a preview, then the import with progress."""
        from screens.import_modal import ImportModal

        def imported(outcome: Any) -> None:
            if outcome is not None and getattr(outcome, "result", None) is not None:
                self.notify(views.imported_text(outcome.result), title="Imported")
            self.reload()

        modal = ImportModal(self.slatui.store.path, self.contract)
        self.app.push_screen(modal, imported)

    def action_log_event(self) -> None:
        """The log-an-event modal; the event is written here, as a batch of its own."""
        from screens.log_event_modal import LogEventModal

        def logged(event: EventRecord | None) -> None:
            if event is not None:
                self.slatui.client.run(self, "log", lambda store: jobs.log(store, event))

        accounts = self._known_accounts()
        modal = LogEventModal(self.contract, accounts, now=self.slatui.store.now())
        self.app.push_screen(modal, logged)

    def palette_commands(self) -> list[SystemCommand]:
        """The Pilot's actions in the command palette."""
        return [
            SystemCommand("Import a file", "CSV export or canonical CSV", self.action_import_file),
            SystemCommand("Log an event", "Record a hand-off or a call", self.action_log_event),
            SystemCommand("Undo a batch", "Remove the highlighted batch", self.action_undo_batch),
            SystemCommand("Filter events", "By type, account, lead, date", self.action_filter),
        ]

    # ------------------------------------------------------------ internals

    def _ask_events(self, request: EventPageRequest) -> None:
        self.slatui.client.run(
            self, "read events", lambda store: jobs.load_events(store, request), group="pilot"
        )

    def _ask_accounts(self, tier: str | None, untiered: bool) -> None:
        self._accounts_for = (tier, untiered)
        self.slatui.client.run(
            self,
            "read accounts",
            lambda store: jobs.load_accounts(store, tier, untiered),
            group="pilot",
        )

    def _known_accounts(self) -> list[str]:
        return [] if self.summary is None else list(self._account_keys)

    def on_resize(self, event: events.Resize) -> None:
        """Below ROOMY columns the footer packs its keys, so help and quit still show."""
        narrow = event.size.width < views.ROOMY
        footer = self.query_one(Footer)
        if footer.compact != narrow:
            footer.compact = narrow
            footer.show_command_palette = not narrow
            footer.refresh(recompose=True)
