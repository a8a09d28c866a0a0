"""Drill-down into one commitment: what its figure rests on, and its items page by page.

A response commitment lists its items (SAL clocks, requests): those that
started in the judged period, or with `a` all of them, open ones first. A
million-event workspace can hold tens of thousands, so the modal shows a
page of `PAGE` at a time and chooses the page in a worker thread. Other
measures have no items: the figure's reason and the accounts met or short
say what it rests on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from screens import compliance_views as views

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from slatui.compliance.evaluate import Judged
    from slatui.compliance.periods import Period
    from slatui.compliance.response import Item
    from slatui.workcal import WorkCalendar

PAGE = views.ROW_LIMIT

ITEM_COLUMNS = (
    ("key", "Item", 12),
    ("account", "Account", 20),
    ("state", "State", 8),
    ("started", "Started", 20),
    ("due", "Due", 20),
    ("stop", "Stopped / left", 22),
    ("elapsed", "Elapsed", 9),
)


@dataclass(frozen=True)
class Drill:
    """Everything the drill-down shows, taken from the judgement on screen."""

    judged: Judged
    commitment: object
    items: list[Item] | None  # None: the measure has no items
    zone: ZoneInfo
    calendar: WorkCalendar
    now: dt.datetime


@dataclass(frozen=True)
class ItemPage:
    """One page of items, ready to draw, and where it sits among them."""

    rows: list[tuple[str, list[str | Text]]]
    offset: int
    total: int
    everything: int


class ItemsModal(ModalScreen[None]):
    """One commitment's figure and items; escape closes."""

    CSS_PATH = "compliance_items_modal.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="items-close"),
        Binding("right_square_bracket", "page(1)", "Next page", id="items-next"),
        Binding("left_square_bracket", "page(-1)", "Previous page", id="items-previous"),
        Binding("a", "toggle_all", "All items / period", id="items-all"),
    ]

    def __init__(self, drill: Drill) -> None:
        super().__init__(classes="-figure" if drill.items is None else "")
        self.drill = drill
        self.first = 0
        self.everything = False
        self.page: ItemPage | None = None

    def compose(self) -> ComposeResult:
        figure = self.drill.judged.figure
        with Vertical(id="items-box") as box:
            box.border_title = f"{figure.commitment} · {views.period_label(self.drill.judged)}"
            detail = views.commitment_detail(self.drill.judged, self.drill.commitment)
            yield Static(detail, id="items-detail", markup=False)
            if self.drill.items is not None:
                table: DataTable[str | Text] = DataTable(id="items", cursor_type="row")
                yield table
                yield Static("Reading the items…", id="items-status", markup=False)
            yield Static(self._hint(), id="items-hint", markup=False)

    def _hint(self) -> str:
        if self.drill.items is None:
            return "escape closes"
        return "] next page · [ previous · a all items / the period's · escape closes"

    def on_mount(self) -> None:
        """Columns, then the first page."""
        if self.drill.items is None:
            return
        table = self.query_one("#items", DataTable)
        for key, label, width in ITEM_COLUMNS:
            table.add_column(label, key=key, width=width)
        table.focus()
        self._load()

    @work(thread=True, exclusive=True, group="items")
    def _load(self) -> None:
        """Choose and word the page off the event loop (there may be thousands of items)."""
        page = item_page(self.drill, self.first, everything=self.everything)
        self.app.call_from_thread(self._show, page)

    def _show(self, page: ItemPage) -> None:
        self.page = page
        table = self.query_one("#items", DataTable)
        table.clear()
        for key, cells in page.rows:
            table.add_row(*cells, key=key)
        period = views.period_label(self.drill.judged)
        last = page.offset + len(page.rows)
        status = items_status(page.offset + 1, last, page.total, page.everything, period)
        if last < page.total:
            status += " · ] next"
        if page.offset:
            status += " · [ previous"
        self.query_one("#items-status", Static).update(status)

    def action_page(self, step: int) -> None:
        """] next page, [ previous."""
        if self.page is None:
            return
        offset = self.first + step * PAGE
        if offset < 0 or offset >= self.page.total:
            return
        self.first = offset
        self._load()

    def action_toggle_all(self) -> None:
        """Every item of the commitment, or only those of the judged period."""
        if self.drill.items is None:
            return
        self.everything = not self.everything
        self.first = 0
        self._load()


def item_page(drill: Drill, offset: int, *, everything: bool) -> ItemPage:
    """The page at `offset` of the drill's items, open first, each row worded."""
    items = drill.items or []
    chosen = items if everything else period_items(items, drill.judged.period)
    ordered = item_order(chosen)
    rows = [
        (f"{item.key}@{item.start_id}", _words(item, drill))
        for item in ordered[offset : offset + PAGE]
    ]
    return ItemPage(rows, offset, len(ordered), len(items))


def _words(item: Item, drill: Drill) -> list[str | Text]:
    return item_cells(item, drill.zone, drill.calendar, drill.now)


def period_items(items: Iterable[Item], period: Period | None) -> list[Item]:
    """The items a figure counted: those whose clock started in the period (all without one)."""
    if period is None:
        return list(items)
    return [i for i in items if period.start <= i.start < period.end]


def item_order(items: Iterable[Item]) -> list[Item]:
    """Open items first, soonest deadline first; then the stopped ones, newest first."""
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    still = sorted((i for i in items if i.is_open), key=lambda i: (i.deadline or far, i.key))
    done = sorted((i for i in items if not i.is_open), key=lambda i: i.start, reverse=True)
    return [*still, *done]


def item_cells(item: Item, zone: ZoneInfo, cal: WorkCalendar, now: dt.datetime) -> list[str | Text]:
    """One item as `slatui compliance items` says it: state, started, due, stopped or time left."""
    state = Text(
        views.STATE_WORDS.get(item.state, item.state), style=views.STATE_STYLES.get(item.state, "")
    )
    due = "—" if item.deadline is None else views.when(item.deadline, zone)
    stop: str | Text = (
        views.countdown(item, cal, now)
        if item.stop is None
        else f"stopped {views.when(item.stop, zone)}"
    )
    return [
        item.key,
        item.account or "",
        state,
        views.when(item.start, zone),
        due,
        stop,
        str(item.elapsed),
    ]


def items_status(first: int, last: int, total: int, everything: int, period: str) -> str:
    """ "items 1–200 of 1,204 in 2026-11 (3,977 in all) · ] next · [ previous · a all"."""
    if total == 0:
        return f"No item started in {period} ({everything:,} in all) · a shows all"
    text = f"items {first:,}–{last:,} of {total:,}"
    if total != everything:
        text += f" in {period} ({everything:,} in all) · a shows all"
    return text
