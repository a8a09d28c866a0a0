"""Every version of the agreement, and what changed between any two of them.

Before the parties sign v2 they want to see, clause by clause, what v1
promised differently; the table marks two versions (A, then B) and the panel
below shows the diff, read from the store in a worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from screens.messages import DiffComputed, StoreFailed, VersionsListed
from slatui.contract.diff import Change
from store import Version

if TYPE_CHECKING:
    from screens.workspace_client import WorkspaceClient


class HasClient(Protocol):
    """What this screen needs of its App: the workspace client (a test host has one too)."""

    client: WorkspaceClient


COLUMNS = ("", "version", "status", "created", "signatures", "digest", "source")


def signatures_cell(version: Version) -> str:
    """Who signed, and whether each signature still matches the content."""
    parts = [s.party if s.valid else f"{s.party} (stale)" for s in version.signatures]
    return ", ".join(parts) or "none"


def row_for(version: Version) -> tuple[str, ...]:
    """The table row of one version (the first cell holds its mark)."""
    return (
        "",
        version.label,
        version.status,
        version.created_at.strftime("%Y-%m-%d %H:%M UTC"),
        signatures_cell(version),
        version.digest.removeprefix("sha256:")[:8],
        version.source,
    )


def change_line(change: Change) -> Static:
    """One change, coloured by its kind through the screen's CSS."""
    return Static(change.render(), classes=f"diff-line -{change.kind}", markup=False)


def note_line(text: str, *, error: bool = False) -> Static:
    """A line of explanation in the diff panel."""
    return Static(text, classes="diff-note -error" if error else "diff-note", markup=False)


class VersionsScreen(ModalScreen[None]):
    """Versions in a table; mark A and B (or press c) to see the diff between them."""

    CSS_PATH = "versions_screen.tcss"
    AUTO_FOCUS = "#versions-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "mark", "Mark A / B", id="versions-mark"),
        Binding("c", "compare_latest", "Compare with latest", id="versions-compare"),
        Binding("escape", "dismiss", "Close", id="versions-close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.versions: list[Version] = []
        self.marks: list[int] = []

    @property
    def client(self) -> WorkspaceClient:
        """The App's workspace client (the App, or a test host shaped like it)."""
        return cast(HasClient, self.app).client

    def compose(self) -> ComposeResult:
        with Vertical(id="versions-box") as box:
            box.border_title = "Versions"
            yield Static(
                "space/enter mark A then B · c compare with latest · escape close",
                id="versions-hint",
            )
            yield DataTable(id="versions-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="versions-diff") as panel:
                panel.border_title = "diff"
                yield Static("reading versions…", classes="diff-note", markup=False)

    def on_mount(self) -> None:
        """Ask the store for every version."""
        table = self.query_one(DataTable)
        for column in COLUMNS:
            table.add_column(column, key=column or "mark")
        self.client.list_versions(self)

    def on_versions_listed(self, message: VersionsListed) -> None:
        """Fill the table; with two or more versions, show what the last one changed."""
        self.versions = message.versions
        table = self.query_one(DataTable)
        table.clear()
        for version in self.versions:
            table.add_row(*row_for(version), key=str(version.number))
        if len(self.versions) >= 2:
            self.compare(self.versions[-2].number, self.versions[-1].number)
            table.move_cursor(row=len(self.versions) - 1)
        else:
            self.note("only one version so far: nothing to compare yet")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row marks it, like space."""
        event.stop()
        self.action_mark()

    def action_mark(self) -> None:
        """Mark the highlighted version as A, then B (a third mark starts over)."""
        number = self.highlighted()
        if number is None:
            return
        if len(self.marks) == 1 and self.marks[0] != number:
            self.compare(self.marks[0], number)
        else:
            self.marks = [] if self.marks == [number] else [number]
            self.show_marks()
            self.note(f"A = v{number}; now mark B" if self.marks else "no version marked")

    def action_compare_latest(self) -> None:
        """Compare the highlighted version with the latest one."""
        number = self.highlighted()
        if number is None or not self.versions:
            return
        latest = self.versions[-1].number
        if number == latest:
            self.note(f"v{latest} is the latest version: highlight an older one")
            return
        self.compare(number, latest)

    def highlighted(self) -> int | None:
        """The version number under the table's cursor."""
        table = self.query_one(DataTable)
        if not self.versions or table.cursor_row < 0:
            return None
        return self.versions[table.cursor_row].number

    def compare(self, a: int, b: int) -> None:
        """Mark A and B and ask the store for the diff (older → newer)."""
        self.marks = [a, b]
        self.show_marks()
        self.note(f"comparing v{min(a, b)} → v{max(a, b)}…")
        self.client.diff(self, min(a, b), max(a, b))

    def show_marks(self) -> None:
        """The first column says which rows are A and B."""
        table = self.query_one(DataTable)
        labels = dict(zip(self.marks, ("A", "B"), strict=False))
        for version in self.versions:
            table.update_cell(str(version.number), "mark", labels.get(version.number, ""))

    def on_diff_computed(self, message: DiffComputed) -> None:
        """Show the changes, unless the marks moved on while the diff was computed."""
        if sorted(self.marks) != [message.old.number, message.new.number]:
            return
        count = len(message.changes)
        title = (
            f"{message.old.label} → {message.new.label}: {count} change{'' if count == 1 else 's'}"
        )
        lines = [change_line(change) for change in message.changes]
        self.fill_panel(title, lines or [note_line("no differences")])

    def on_store_failed(self, message: StoreFailed) -> None:
        """Say why in the panel; the App need not notify as well."""
        message.stop()
        self.note(message.reason, error=True)

    def note(self, text: str, *, error: bool = False) -> None:
        """Replace the diff panel with one line of explanation."""
        self.fill_panel("diff", [note_line(text, error=error)])

    def fill_panel(self, title: str, lines: list[Static]) -> None:
        """Swap the panel's lines (the old ones go, whatever was in flight)."""
        panel = self.query_one("#versions-diff", VerticalScroll)
        panel.border_title = title
        panel.remove_children()
        panel.mount_all(lines)
