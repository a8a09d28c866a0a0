"""Export a version to a file: canonical TOML for git, or the Markdown contract.

The file is written by the workspace client in a worker (atomically, through
`slatui.exporting`), so the modal stays responsive and shows the outcome in
place: the path and size written, or the reason it could not be.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static
from textual.worker import Worker, WorkerFailed

from screens.messages import ContractExported, StoreFailed
from store import Version

if TYPE_CHECKING:
    from screens.workspace_client import WorkspaceClient


class HasClient(Protocol):
    """What this modal needs of its App: the workspace client (a test host has one too)."""

    client: WorkspaceClient


FORMATS: tuple[tuple[str, str, str], ...] = (
    ("toml", ".toml", "TOML: for git and for re-import"),
    ("md", ".md", "Markdown: the contract to read and sign"),
)


def slug(title: str) -> str:
    """A file-name-safe form of the agreement's title ("ABM Sales & ..." → "abm-sales-...")."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "agreement"


def resolve(text: str, directory: Path) -> Path:
    """`~` is the home folder; a relative path is relative to `directory`."""
    path = Path(text.strip()).expanduser()
    return path if path.is_absolute() else directory / path


def refusal(text: str, path: Path) -> str | None:
    """Why `path` cannot be written to, when that is clear before trying."""
    if not text.strip():
        return "name a file to write"
    if path.is_dir():
        return f"{path} is a folder; name a file inside it"
    if not path.parent.is_dir():
        return f"folder {path.parent} does not exist"
    return None


class ExportModal(ModalScreen[None]):
    """Writes the version as TOML or Markdown; stays open to show what was written."""

    CSS_PATH = "export_modal.tcss"
    AUTO_FOCUS = "#export-format"  # the first choice is the format: Markdown is one key away
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="export-close"),
    ]

    def __init__(self, version: Version, directory: Path) -> None:
        super().__init__()
        self.version = version
        self.directory = directory
        self.format = "toml"
        self.busy = False

    def default_path(self, fmt: str) -> Path:
        """Where a version goes unless the user says otherwise: `<slug>-v<n>.<ext>`."""
        suffix = next(ext for name, ext, _ in FORMATS if name == fmt)
        stem = f"{slug(self.version.contract.agreement.title)}-v{self.version.number}"
        return self.directory / f"{stem}{suffix}"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = f"Export {self.version.label} ({self.version.status})"
            yield Static("Format", classes="export-label")
            with RadioSet(id="export-format"):
                for index, (_, _, label) in enumerate(FORMATS):
                    yield RadioButton(label, value=index == 0)
            yield Static("File", classes="export-label")
            yield Input(str(self.default_path("toml")), id="export-path")
            yield Static(
                f"~ is your home folder; a relative path starts in {self.directory}",
                id="export-where",
                markup=False,
            )
            yield Static("", id="export-result", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Close", id="export-close-button")
                yield Button("Export", id="export-submit", variant="primary")
            yield Static(
                "↑↓ enter pick the format · tab next field · enter export · escape close",
                id="export-hint",
            )

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """A new format swaps the suffix, unless the user typed a path of their own."""
        path_input = self.query_one("#export-path", Input)
        untouched = path_input.value == str(self.default_path(self.format))
        self.format = FORMATS[event.index][0]
        if untouched:
            path_input.value = str(self.default_path(self.format))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the path field exports."""
        event.stop()
        self.export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Export writes; Close leaves."""
        if event.button.id == "export-submit":
            self.export()
        else:
            self.dismiss(None)

    def export(self) -> None:
        """Check the path, then write the file in a worker."""
        if self.busy:
            return
        text = self.query_one("#export-path", Input).value
        path = resolve(text, self.directory)
        problem = refusal(text, path)
        if problem is not None:
            self.show_result(problem, "-error")
            return
        self.busy = True
        self.show_result(f"writing {path}…", "-busy")
        client = cast(HasClient, self.app).client
        worker = client.export(self, self.version.number, self.format, path)
        self.run_worker(self.follow_export(worker), group="export-follow", exit_on_error=False)

    async def follow_export(self, worker: Worker[None]) -> None:
        """A worker that crashed (the App reports it) must not leave "writing…" up."""
        try:
            await worker.wait()
        except WorkerFailed as failed:
            self.finish(f"export failed: {failed.error}", "-error")

    def on_contract_exported(self, message: ContractExported) -> None:
        """Say where the file went and how big it is; stay open until escape."""
        self.finish(f"wrote {message.path} ({message.size} bytes)", "-success")

    def on_store_failed(self, message: StoreFailed) -> None:
        """The reason is shown here, so the App does not notify as well."""
        message.stop()
        self.finish(message.reason, "-error")

    def finish(self, text: str, state: str) -> None:
        """The export is over, one way or the other."""
        self.busy = False
        self.show_result(text, state)

    def show_result(self, text: str, state: str) -> None:
        """One line under the path: busy, success or error."""
        result = self.query_one("#export-result", Static)
        result.set_classes(state)
        result.update(text)

    def action_close(self) -> None:
        """Close the modal; a file already written stays written."""
        self.dismiss(None)
