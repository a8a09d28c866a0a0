"""The workbench: a Textual App over one workspace, built by `create_app`.

The App owns the Store (injected, never opened here), the workspace client
that runs store calls in workers, the poll that notices other terminals, and
the one place where a failed worker becomes a notification. Screens are
imported lazily so the first frame is not held up by imports it does not need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from screens.workspace_client import WorkspaceClient
    from store import Store, Version

THEME = "textual-dark"


def _draft_screen() -> Screen[Any]:
    from screens.draft_screen import DraftScreen

    return DraftScreen()


def _pilot_screen() -> Screen[Any]:
    from screens.pilot_screen import PilotScreen

    return PilotScreen()


def _compliance_screen() -> Screen[Any]:
    from screens.compliance_screen import ComplianceScreen

    return ComplianceScreen()


def _baselines_screen() -> Screen[Any]:
    from screens.baselines_screen import BaselinesScreen

    return BaselinesScreen()


class SlatuiApp(App[None]):
    """The slatui workbench: the Draft, Pilot, Compliance and Baselines modes.

    Each mode is a screen built on first use; `d`, `p`, `c` and `b` switch between them.
    """

    CSS_PATH = "app.tcss"
    TITLE = "slatui"
    ENABLE_COMMAND_PALETTE = True
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        "draft": _draft_screen,
        "pilot": _pilot_screen,
        "compliance": _compliance_screen,
        "baselines": _baselines_screen,
    }
    DEFAULT_MODE = "draft"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 - Textual declares it so
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "switch_mode('draft')", "Draft", id="mode-draft"),
        Binding("p", "switch_mode('pilot')", "Pilot", id="mode-pilot"),
        # The four modes in the order the work goes (DESIGN §6)
        Binding("b", "switch_mode('baselines')", "Baselines", id="mode-baselines"),
        Binding("c", "switch_mode('compliance')", "Compliance", id="mode-compliance"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    # always_update: an empty workspace sets None again, and the header must say so
    version: reactive[Version | None] = reactive(None, init=False, always_update=True)

    def __init__(
        self,
        store: Store,
        *,
        poll_seconds: float = 0.5,
        offer_sample: bool = True,
        theme: str = THEME,
    ) -> None:
        super().__init__()
        from screens.workspace_client import WorkspaceClient

        self.store = store
        self.client: WorkspaceClient = WorkspaceClient(self, store)
        self.poll_seconds = poll_seconds
        self.offer_sample = offer_sample
        self.theme = theme
        self._data_version: int | None = None
        self.first_frame_shown = False
        self._poll_worker: Worker[None] | None = None
        self.sub_title = store.path.name

    def on_ready(self) -> None:
        """The first frame is on screen; the screen may now load the agreement.

        Loading parses the contract (pydantic, holidays) in a thread; started
        earlier, it would compete with the first frame for the interpreter.
        """
        from screens.messages import FirstFrameShown

        self.first_frame_shown = True
        self.screen.post_message(FirstFrameShown())

    def on_mount(self) -> None:
        """Start watching the workspace for other terminals' writes."""
        if self.poll_seconds > 0:
            self.set_interval(self.poll_seconds, self._poll)

    def watch_version(self, version: Version | None) -> None:
        """The header says which agreement, which version, and its status."""
        if version is None:
            self.title = "slatui: no agreement yet"
            return
        self.title = f"{version.contract.agreement.title} · v{version.number} · {version.status}"

    def _poll(self) -> None:
        """Check for other terminals' writes, unless the last check is still running.

        A slow check (the store is busy with a long write) is waited for, not
        cancelled: skipping a beat costs half a second, a cancelled worker costs
        nothing but noise.
        """
        if self._poll_worker is not None and not self._poll_worker.is_finished:
            return
        self._poll_worker = self.run_worker(
            self._check_data_version, thread=True, group="poll", exit_on_error=False
        )

    def _check_data_version(self) -> None:
        from screens.messages import WorkspaceChanged

        value = self.store.data_version()
        previous, self._data_version = self._data_version, value
        if previous is not None and value != previous:
            self.call_from_thread(lambda: self.screen.post_message(WorkspaceChanged()))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place where a failed worker becomes a notification."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.notify(
                f"{event.worker.name}: {error}",
                title="Something went wrong",
                severity="error",
                timeout=8,
            )

    def on_store_failed(self, message: Any) -> None:
        """Store refusals (busy, locked, agreed) arrive here unless a screen took them."""
        self.notify(
            message.reason, title=f"Could not {message.action}", severity="warning", timeout=8
        )

    def action_help(self) -> None:
        """Keys and units, on a screen of their own."""
        from screens.help_screen import HelpScreen

        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every binding of the app and the screen is in the command palette too."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Draft", "Write and sign the agreement", self.action_draft)
        yield SystemCommand("Pilot", "Imports, events and accounts", self.action_pilot)
        yield SystemCommand(
            "Compliance", "Commitments, clocks, escalations", self.action_compliance
        )
        yield SystemCommand(
            "Baselines", "Pilot values, suggested targets, what-if", self.action_baselines
        )
        yield SystemCommand("Help", "Keys and what h, bh and bd mean", self.action_help)
        commands = getattr(screen, "palette_commands", None)
        if callable(commands):
            yield from commands()

    def action_draft(self) -> None:
        """Switch to the Draft mode."""
        self.switch_mode("draft")

    def action_pilot(self) -> None:
        """Switch to the Pilot mode."""
        self.switch_mode("pilot")

    def action_compliance(self) -> None:
        """Switch to the Compliance mode."""
        self.switch_mode("compliance")

    def action_baselines(self) -> None:
        """Switch to the Baselines mode."""
        self.switch_mode("baselines")


def create_app(store: Store, **options: Any) -> SlatuiApp:
    """The factory both the CLI and the tests use; the caller owns the Store."""
    return SlatuiApp(store, **options)
