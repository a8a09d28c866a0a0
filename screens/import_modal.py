"""Import a file into the pilot's workspace, by keyboard: choose it, check it, import, read.

The modal walks through what `slatui import` does in one command, so each
decision can be seen before anything is written:

1. *choose*: a path (→ completes it); enter reads the header and proposes a
   layout, with the reason, and shows the first rows as that layout maps them.
2. *ready*: the layout, the zone of naive times, the day/month order and
   "skip bad rows" can be changed; a refusal (unknown columns, ambiguous
   dates, encoding) is shown in words, and changing an option previews again.
3. *importing*: ctrl+s imports in a thread over a connection of its own,
   with a bar on the estimated row count; escape asks, then stops the import,
   which rolls back (nothing of the file is written).
4. *done*: the report; enter or escape closes with the `ImportOutcome`, and
   when nothing was imported (rows rejected, already a batch) b goes back.

Everything that reads the file runs in a thread worker (`screens.import_jobs`);
the modal itself only reads its widgets and shows results.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, DataTable, Input, ProgressBar, Select, Static
from textual.worker import Worker, WorkerState

from screens.confirm_modal import ConfirmModal
from screens.import_jobs import (
    ImportOutcome,
    Preview,
    Refused,
    Request,
    Stopped,
    detect,
    estimate,
    preview,
    resolve,
    run_import,
)
from screens.import_report import report_table
from screens.path_suggester import PathSuggester
from slatui.contract.model import Contract
from slatui.importing.canonical import LAYOUTS
from slatui.importing.dates import DateOrder
from slatui.importing.estimate import fraction_done
from slatui.importing.layouts import Choice, all_layouts

__all__ = ["ImportModal", "ImportOutcome"]

ORDERS: tuple[tuple[str, str], ...] = (
    ("auto", "auto"),
    ("day first", "dayfirst"),
    ("month first", "monthfirst"),
)
CELL_WIDTH = 28
FORM_ROWS = 22
"""Rows the modal needs besides the preview table: borders, fields, message, buttons, hint."""
FRAME_ROWS = 8
"""Rows the modal needs besides the form or the report: borders, buttons and hint."""
NARROW = 100
"""Below this many columns the four options take two rows."""
PHASES = ("choose", "ready", "importing", "done")
BUTTONS = {
    "choose": ("import-cancel", "import-preview-button", "import-submit"),
    "ready": ("import-cancel", "import-preview-button", "import-submit"),
    "importing": ("import-cancel",),
    "done": ("import-back-button", "import-close"),
}
HINTS = {
    "choose": "enter read the file · → complete the path · escape cancel",
    "ready": "tab next option · ctrl+s import · escape cancel",
    "importing": "escape stops the import (nothing of the file is written)",
    "done": "enter or escape close",
}


class ImportModal(ModalScreen[ImportOutcome | None]):
    """Reads, previews and imports one file; returns the outcome, or None when cancelled."""

    CSS_PATH = "import_modal.tcss"
    AUTO_FOCUS = "#import-path"
    PROGRESS_EVERY = 2_000
    """Rows between two moves of the bar: often enough to move it, rarely enough to cost nothing."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "escape", "Cancel", id="import-escape"),
        Binding("ctrl+s", "import", "Import", id="import-run"),
        Binding("b", "back", "Back to the options", id="import-back"),
        Binding("enter", "close_report", "Close", show=False, id="import-close-report"),
    ]

    def __init__(self, db_path: Path, contract: Contract | None, *, start_path: str = "") -> None:
        super().__init__()
        self.db_path = db_path
        self.contract = contract
        self.start_path = start_path
        self.phase = "choose"
        self.choice: Choice | None = None
        self.outcome: ImportOutcome | None = None
        self.estimate = 0
        self.rows_seen = 0
        self._read_text: str | None = None  # the path text the choice was made for
        self._previewing: Request | None = None
        self._stop = threading.Event()

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Vertical(id="import-box") as box:
            box.border_title = "Import pilot data"
            with VerticalScroll(id="import-form", can_focus=False):
                yield from self._file_row()
                yield Static("", id="import-detected", markup=False)
                yield Static("", id="import-notes", markup=False)
                yield from self._options()
                yield Static("", id="import-message", markup=False)
                yield DataTable(id="import-preview", cursor_type="none", zebra_stripes=True)
            with Vertical(id="import-running"):
                yield ProgressBar(show_eta=False, id="import-progress")
                yield Static("", id="import-progress-text", markup=False)
            with VerticalScroll(id="import-report"):
                yield Static("", id="import-headline", markup=False)
                yield Static("", id="import-report-text", markup=False)
            with Horizontal(id="import-buttons"):
                yield Button("Cancel", id="import-cancel")
                yield Button("Back (b)", id="import-back-button")
                yield Button("Preview", id="import-preview-button")
                yield Button("Import (ctrl+s)", id="import-submit", variant="primary")
                yield Button("Close", id="import-close", variant="primary")
            yield Static("", id="import-hint")

    def _file_row(self) -> ComposeResult:
        with Horizontal(id="import-file-row"):
            yield Static("File", classes="import-label")
            yield Input(
                self.start_path,
                placeholder="path of a CSV export; → completes, enter reads it",
                id="import-path",
                suggester=PathSuggester(),
            )

    def _options(self) -> ComposeResult:
        layouts = [(_layout_label(name), name) for name in all_layouts()]
        zone = self.contract.agreement.timezone if self.contract else "e.g. America/New_York"
        with Horizontal(id="import-options"):
            with Vertical(classes="import-field", id="import-layout-field"):
                yield Static("Layout", classes="import-label")
                yield Select(layouts, value="events", allow_blank=False, id="import-layout")
            with Vertical(classes="import-field", id="import-tz-field"):
                yield Static("Zone of naive times", classes="import-label")
                yield Input(placeholder=zone, id="import-tz")
            with Vertical(classes="import-field", id="import-order-field"):
                yield Static("Dates", classes="import-label")
                yield Select(ORDERS, value="auto", allow_blank=False, id="import-order")
            with Vertical(classes="import-field", id="import-skip-field"):
                yield Static(" ", classes="import-label")
                yield Checkbox("skip bad rows", id="import-skip")

    def on_mount(self) -> None:
        """Start in the first phase; a path given by the caller is read at once."""
        self._enter("choose")
        if self.start_path.strip():
            self._read()

    def on_resize(self) -> None:
        """Fit the terminal: options in two rows when narrow; the preview takes the rows
        left (10 need 34 lines) and the form scrolls when even that does not fit, so the
        buttons never leave the screen."""
        width, height = self.size
        self.set_class(width < NARROW, "-narrow")
        self.query_one("#import-form").styles.max_height = max(6, height - FRAME_ROWS)
        self.query_one("#import-preview").styles.max_height = max(3, height - FORM_ROWS)
        self.query_one("#import-report").styles.max_height = max(3, height - FRAME_ROWS)

    def on_unmount(self) -> None:
        """An import still running when the modal goes (the App quits) rolls back."""
        self._stop.set()

    # ------------------------------------------------------------ phases

    def _enter(self, phase: str) -> None:
        """Show what the phase needs: the form, the bar or the report, and its buttons."""
        self.phase = phase
        for name in PHASES:
            self.set_class(name == phase, f"-{name}")
        self.query_one("#import-form").disabled = phase == "importing"
        self.query_one("#import-form").display = phase != "done"
        self.query_one("#import-running").display = phase == "importing"
        self.query_one("#import-report").display = phase == "done"
        for button in self.query(Button):
            button.display = button.id in BUTTONS[phase]
        cancel = self.query_one("#import-cancel", Button)
        cancel.label = "Stop" if phase == "importing" else "Cancel"
        back = self._can_go_back()
        self.query_one("#import-back-button").display = phase == "done" and back
        hint = HINTS[phase] + (" · b back to the options" if phase == "done" and back else "")
        self.query_one("#import-hint", Static).update(hint)

    def _can_go_back(self) -> bool:
        """Back to the options only when nothing was imported (a second try would add nothing)."""
        return self.outcome is not None and self.outcome.result is None

    def _say(self, text: str, state: str = "") -> None:
        """The line under the options: what is going on, or what is wrong."""
        message = self.query_one("#import-message", Static)
        message.set_classes(state)
        message.update(text)

    # ------------------------------------------------------------ requests

    def _path_text(self) -> str:
        return self.query_one("#import-path", Input).value

    def _request(self) -> Request | None:
        """The options as they stand, for a worker; None before a file was read."""
        if self._read_text is None or self._read_text != self._path_text():
            return None
        order = self.query_one("#import-order", Select).value
        layout = self.query_one("#import-layout", Select).value
        tz = self.query_one("#import-tz", Input).value.strip()
        return Request(
            path=resolve(self._read_text),
            layout=str(layout),
            tz=tz or None,
            order=_order(str(order)),
            skip_bad_rows=self.query_one("#import-skip", Checkbox).value,
        )

    def _read(self) -> None:
        """Read the file's header in a worker, to propose a layout."""
        text = self._path_text()
        if not text.strip():
            self._say("type the path of a file, then press enter", "-error")
            return
        self._read_text = None
        self._previewing = None
        self.query_one("#import-detected", Static).update("")
        self.query_one("#import-notes", Static).update("")
        path = resolve(text)
        self._say(f"reading {path.name}…", "-busy")
        job = partial(self._detect_job, text, path)
        self._start(job, "detect")

    def _preview(self, *, force: bool = False) -> None:
        """Preview with the current options (again only when they changed, unless forced)."""
        request = self._request()
        if request is None:
            self._read()
            return
        if request == self._previewing and not force:
            return
        self._previewing = request
        self._say(f"reading the first rows of {request.path.name}…", "-busy")
        self._start(partial(preview, request, self.contract), "preview")

    def _start(self, job: Callable[[], object], name: str) -> Worker[object]:
        """A thread worker whose result comes back to `on_worker_state_changed`."""
        return self.run_worker(
            job, name=name, group=f"import-{name}", thread=True, exclusive=True, exit_on_error=False
        )

    # ------------------------------------------------------------ worker side

    @staticmethod
    def _detect_job(text: str, path: Path) -> tuple[str, Choice | Refused]:
        return text, detect(path)

    def _import_job(self, request: Request) -> ImportOutcome | Refused | Stopped:
        """In a thread: estimate the rows, then import through a connection of its own."""
        total = estimate(request.path)
        self.app.call_from_thread(self._start_bar, total)
        try:
            return run_import(
                request, self.contract, self.db_path, self._progress, self.PROGRESS_EVERY
            )
        except Stopped as stopped:
            return stopped

    def _progress(self, rows: int) -> None:
        """In the import's thread, every PROGRESS_EVERY rows: stop if asked, else move the bar."""
        if self._stop.is_set():
            raise Stopped
        self.app.call_from_thread(self._show_progress, rows)

    # ------------------------------------------------------------ results

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Each worker's result goes to its handler; a crash is shown here (and by the App)."""
        worker = event.worker
        handlers = {"detect": self._detected, "preview": self._previewed, "import": self._imported}
        handler = handlers.get(worker.name)
        if handler is None:
            return
        if event.state == WorkerState.SUCCESS:
            handler(worker.result)
        elif event.state == WorkerState.ERROR:
            if self.phase == "importing":
                self._enter("ready")
            self._say(f"{worker.name} failed: {worker.error}", "-error")

    def _detected(self, result: object) -> None:
        assert isinstance(result, tuple)
        text, choice = result
        if text != self._path_text():  # the path changed while it was read
            self._say("press enter to read the file", "")
            return
        if isinstance(choice, Refused):
            self._say(choice.reason, "-error")
            self.query_one("#import-preview").display = False
            return
        assert isinstance(choice, Choice)
        self.choice = choice
        self._read_text = text
        detected = self.query_one("#import-detected", Static)
        detected.set_class(not choice.fits, "-nofit")
        detected.update(choice.why)
        notes = self.query_one("#import-notes", Static)
        notes.update("\n".join(f"note: {note}" for note in choice.notes))
        notes.display = bool(choice.notes)
        self.query_one("#import-layout", Select).value = choice.layout
        self._enter("ready")
        self._preview(force=True)

    def _previewed(self, result: object) -> None:
        table = self.query_one("#import-preview", DataTable)
        if isinstance(result, Refused):
            table.display = False
            self._say(result.reason, "-error")
            self._focus_for(result.reason)
            return
        assert isinstance(result, Preview)
        _fill(table, result)
        table.display = True
        name = self._previewing.path.name if self._previewing else "the file"
        shown = f"the first {len(result.rows)} rows of {name} as the layout reads them"
        self._say(shown + ("" if result.rows else ": none"), "-ok")
        self.query_one("#import-submit", Button).focus()

    def _focus_for(self, reason: str) -> None:
        """After a refusal, the option that fixes it has the focus."""
        if "under Dates" in reason:
            self.query_one("#import-order").focus()
        elif "zone" in reason:
            self.query_one("#import-tz").focus()
        else:
            self.query_one("#import-layout").focus()

    def _imported(self, result: object) -> None:
        self._drop_stop_question()
        if isinstance(result, ImportOutcome):
            self.outcome = result
            headline = self.query_one("#import-headline", Static)
            headline.set_classes("-success" if result.result is not None else "-warning")
            headline.update(result.message)
            self.query_one("#import-report-text", Static).update(report_table(result))
            self._enter("done")
            self.query_one("#import-close", Button).focus()
            return
        self._enter("ready")
        if isinstance(result, Stopped):
            self._say("import stopped: nothing of the file was written", "-warning")
        else:
            assert isinstance(result, Refused)
            self._say(result.reason, "-error")
            self._focus_for(result.reason)

    # ------------------------------------------------------------ progress (UI thread)

    def _start_bar(self, total: int) -> None:
        """The bar's total is the estimated row count (none known: an indeterminate bar)."""
        self.estimate = total
        self.query_one("#import-progress", ProgressBar).update(total=total or None, progress=0)
        about = f" (about {total:,} rows)" if total else ""
        self.query_one("#import-progress-text", Static).update(f"checking the file{about}…")

    def _show_progress(self, rows: int) -> None:
        """Rows read so far; the bar stops short of its end until the import is done."""
        self.rows_seen = rows
        shown = fraction_done(rows, self.estimate) * self.estimate
        self.query_one("#import-progress", ProgressBar).update(progress=shown)
        about = f" of about {self.estimate:,}" if self.estimate else ""
        self.query_one("#import-progress-text", Static).update(f"{rows:,}{about} rows read")

    # ------------------------------------------------------------ input

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the path reads the file; in the zone field it previews with that zone."""
        event.stop()
        if event.input.id == "import-path":
            self._read()
        else:
            self._preview(force=True)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A new layout or date order previews again (once a file was read)."""
        event.stop()
        if self.phase == "ready":
            self._preview()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Each button does what its key does."""
        event.stop()
        actions: dict[str, Callable[[], None]] = {
            "import-cancel": self.action_escape,
            "import-close": self.action_escape,
            "import-back-button": self.action_back,
            "import-preview-button": partial(self._preview, force=True),
            "import-submit": self.action_import,
        }
        actions[event.button.id or ""]()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Import only from the form; back only after an import that added nothing; enter
        closes only the report (elsewhere it belongs to the focused field)."""
        if action == "import":
            return self.phase in ("choose", "ready")
        if action == "back":
            return self.phase == "done" and self._can_go_back()
        if action == "close_report":
            return self.phase == "done"
        return True

    def action_import(self) -> None:
        """Import with the options shown (reading the file first if the path changed)."""
        if self.phase not in ("choose", "ready"):
            return
        request = self._request()
        if request is None:
            self._read()
            return
        self._stop.clear()
        self.rows_seen = 0
        self._enter("importing")
        self._start(partial(self._import_job, request), "import")

    def action_back(self) -> None:
        """After a refused import: back to the options, "skip bad rows" in reach."""
        if self.phase != "done" or not self._can_go_back():
            return
        rejected = self.outcome is not None and self.outcome.report.rejected > 0
        self.outcome = None
        self._enter("ready")
        self._say("change the options and import again (ctrl+s)", "")
        self.query_one("#import-skip" if rejected else "#import-path").focus()

    def action_escape(self) -> None:
        """Cancel (nothing imported), stop a running import after asking, or close the report."""
        if self.phase == "importing":
            question = "Stop the import? Nothing of the file will be written."
            confirm = ConfirmModal(question, confirm_label="Stop", danger=True)
            self.app.push_screen(confirm, callback=self._stop_confirmed)
        elif self.phase == "done":
            self.dismiss(self.outcome)
        else:
            self.dismiss(None)

    def action_close_report(self) -> None:
        """Enter on the report, wherever the focus is in it, closes with the outcome."""
        if self.phase == "done":
            self.dismiss(self.outcome)

    def _drop_stop_question(self) -> None:
        """The import ended while "Stop the import?" was asked: the question is moot."""
        if isinstance(self.app.screen, ConfirmModal) and self.app.screen_stack[-2] is self:
            self.app.pop_screen()

    def _stop_confirmed(self, stop: bool | None) -> None:
        if stop and self.phase == "importing":
            self._stop.set()
            self.query_one("#import-progress-text", Static).update("stopping…")


def _layout_label(name: str) -> str:
    return f"{name} (slatui CSV)" if name in LAYOUTS else name


def _order(value: str) -> DateOrder | None:
    if value == "dayfirst":
        return "dayfirst"
    if value == "monthfirst":
        return "monthfirst"
    return None


def _fill(table: DataTable[str], shown: Preview) -> None:
    """The preview's rows, one column per mapped field, long cells cut short."""
    table.clear(columns=True)
    table.add_column("line", key="line")
    for name in shown.fields:
        table.add_column(name, key=name)
    for line, values in shown.rows:
        table.add_row(str(line), *(_cell(values.get(f, "")) for f in shown.fields))


def _cell(text: str) -> str:
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"
