"""How the Pilot screen words and lays out what the store returns: texts and table rows.

Pure functions of store values (plus filling a DataTable), so the screen only
wires events to them and each wording can be read, and tested, in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from store import EventFilter

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from slatui.contract.model import Contract
    from store import (
        Account,
        Batch,
        BatchResult,
        PilotWindow,
        StoredEvent,
        Summary,
        UndoResult,
    )

ROOMY = 120  # columns from which the footer has room for the palette hint
UNTIERED = "untiered"  # how the store names accounts without a tier
FILTER_INPUTS = ("account", "lead", "since", "until")

# (key, label, width): fixed widths, so a page of long keys never pushes the rest
# off screen and every refresh lays the table out the same way.
TIER_COLUMNS = (("tier", "Tier", 4), ("name", "Name", 18), ("accounts", "Count", 6))
NAME_WIDTH = 18
BATCH_COLUMNS = (("id", "#", 3), ("file", "File", 14), ("added", "Added", 8))
EVENT_COLUMNS = (  # what tells events apart first; the contact last (it is often empty)
    ("when", "When", 16),
    ("type", "Type", 20),
    ("account", "Account", 18),
    ("lead", "Lead", 12),
    ("quantity", "Qty", 9),
    ("detail", "Detail", 24),
    ("actor", "Actor", 16),
    ("contact", "Contact", 12),
)
_WIDTH = {key: width for key, _, width in EVENT_COLUMNS}
ACCOUNT_COLUMNS = (
    ("key", "Key", 22),
    ("name", "Name", 28),
    ("owner", "Owner", 18),
    ("industry", "Industry", 16),
    ("employees", "Employees", 9),
    ("country", "Country", 7),
)
FILE_WIDTH = 14


class BadFilter(ValueError):
    """A filter field that cannot be read; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def table(name: str, title: str | None) -> DataTable[str | Text]:
    """A read-only table with a row cursor (and a border title when given)."""
    widget: DataTable[str | Text] = DataTable(
        id=name, cursor_type="row", zebra_stripes=True, cursor_foreground_priority="renderable"
    )
    if title:
        widget.border_title = title
    return widget


def set_columns(widget: DataTable[str | Text], columns: Sequence[tuple[str, str, int]]) -> None:
    """Add the columns once, keyed and of fixed width; cells longer than it are clipped."""
    for key, label, width in columns:
        widget.add_column(label, key=key, width=width)


# ---------------------------------------------------------------- window


def window_text(summary: Summary) -> str:
    """ "Pilot 2 Nov → 29 Nov 2026 · week 3 of 4 · ▰▰▰▱" and what the workspace holds."""
    holds = (
        f"{summary.events:,} events · {summary.accounts:,} accounts · {summary.contacts:,} contacts"
    )
    unclassified = summary.contacts_by_seniority.get("unclassified", 0)
    if unclassified:
        holds += f" ({unclassified:,} titles unclassified)"
    window = summary.window
    if window is None:
        return f"No pilot in the agreement · {holds}"
    span = f"{_day(window.start)} → {_day(window.last_day)}"
    return f"Pilot {span} · {window.progress} {_weeks_bar(window)} · {holds}"


def _weeks_bar(window: PilotWindow) -> str:
    """One mark per week: done ▰, this week ▶, to come ▱."""
    if window.state == "ended":
        return "▰" * window.weeks
    if window.state == "not started" or window.week is None:
        return "▱" * window.weeks
    return "▰" * (window.week - 1) + "▶" + "▱" * (window.weeks - window.week)


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


# ---------------------------------------------------------------- side panel


def fill_tiers(
    widget: DataTable[str | Text], summary: Summary, contract: Contract | None
) -> list[tuple[str | None, bool]]:
    """Every tier of the agreement (zero included) and the untiered; returns the row keys."""
    counts = dict(summary.accounts_by_tier)
    names = {t.id: t.name for t in contract.tiers} if contract is not None else {}
    rows: list[tuple[str | None, bool]] = []
    keep = widget.cursor_row
    widget.clear()
    for tier in [*names, *(t for t in counts if t not in names and t != UNTIERED)]:
        name = _clip(names.get(tier, "(not in the agreement)"), NAME_WIDTH)
        widget.add_row(tier, name, _n(counts.get(tier, 0)))
        rows.append((tier, False))
    if counts.get(UNTIERED):
        widget.add_row("—", "no tier", _n(counts[UNTIERED]))
        rows.append((None, True))
    if rows:
        widget.move_cursor(row=min(max(keep, 0), len(rows) - 1))
    return rows


def fill_batches(widget: DataTable[str | Text], batches: Sequence[Batch]) -> None:
    """Newest first: number, file and what it added (the detail below says the rest)."""
    keep = widget.cursor_row
    widget.clear()
    for batch in batches:
        widget.add_row(
            str(batch.id),
            _clip(batch.file_name, FILE_WIDTH),
            _n(batch.imported),
        )
    if batches:
        widget.move_cursor(row=min(max(keep, 0), len(batches) - 1))


def batch_detail(batch: Batch, zone: ZoneInfo | None) -> str:
    """Everything a batch counted, for the highlighted one."""
    lines = [
        f"Batch {batch.id} · {batch.file_name}",
        f"{batch.preset or batch.kind} · {_when(batch.imported_at, zone)}",
        f"read {batch.rows_read:,} · added {batch.imported:,}",
        f"rejected {batch.rejected:,} · skipped {batch.skipped:,} · dup. {batch.duplicates:,}",
    ]
    if batch.tz:
        lines.append(f"zone {batch.tz}")
    return "\n".join(lines)


def undo_question(batch: Batch) -> str:
    """What undoing removes, said before it happens."""
    return (
        f"Undo batch {batch.id} ({batch.file_name})?\n\n"
        f"It removes the {batch.imported:,} records it added. What earlier batches said "
        "about the same accounts and contacts comes back. This cannot be taken back "
        "(import the file again to restore it)."
    )


def undone_text(result: UndoResult) -> str:
    """What went."""
    text = (
        f"Batch {result.batch.id} ({result.batch.file_name}) removed: "
        f"{_count(result.events, 'event')}, {_count(result.accounts, 'account record')} and "
        f"{_count(result.contacts, 'contact record')}."
    )
    if result.shared_with:
        later = ", ".join(str(b) for b in result.shared_with)
        text += f" Batches {later} held some of the same events: undo and re-import them."
    return text


def imported_text(result: BatchResult) -> str:
    """What an import added."""
    return (
        f"Batch {result.batch.id} ({result.batch.file_name}): {_count(result.events, 'event')}, "
        f"{_count(result.accounts, 'account')}, {_count(result.contacts, 'contact')}; "
        f"{_count(result.duplicates, 'duplicate')} left out."
    )


def tier_label(tier: str | None, untiered: bool, contract: Contract | None) -> str:
    """ "t1 Strategic accounts", or "no tier"."""
    if untiered or tier is None:
        return "no tier"
    names = {t.id: t.name for t in contract.tiers} if contract is not None else {}
    return f"{tier} {names.get(tier, '')}".strip()


# ---------------------------------------------------------------- events and accounts


def fill_events(
    widget: DataTable[str | Text], rows: Sequence[StoredEvent], zone: ZoneInfo | None
) -> None:
    """One page of events; the cursor stays on the same line across a refresh."""
    keep = widget.cursor_row
    widget.clear()
    for event in rows:
        widget.add_row(
            _when(event.occurred_at, zone),
            _clip(event.type, _WIDTH["type"]),
            _clip(event.account or "", _WIDTH["account"]),
            _clip(event.lead or "", _WIDTH["lead"]),
            _quantity(event.quantity),
            _clip(event.detail or "", _WIDTH["detail"]),
            _clip(event.actor or "", _WIDTH["actor"]),
            _clip(event.contact or "", _WIDTH["contact"]),
        )
    if rows:
        widget.move_cursor(row=min(max(keep, 0), len(rows) - 1))


def events_status(first: int, last: int, total: int, has_next: bool, page: int) -> str:
    """ "events 101–200 of 38,214 · ] next · [ previous · g first"."""
    if total == 0 and page == 0:
        return "No events match (i imports a file, l logs an event)"
    keys = []
    if has_next:
        keys.append("] next")
    if page > 0:
        keys.append("[ previous · g first")
    return " · ".join([f"events {first:,}–{last:,} of {total:,}", *keys])


def label_when(widget: DataTable[str | Text], contract: Contract | None) -> None:
    """The time column says its zone: "When (New York)", or UTC without an agreement.

    The columns are built again rather than relabelled in place, so their
    widths are worked out afresh from the new label and the rows that follow.
    """
    zone = "UTC" if contract is None else contract.agreement.timezone
    label = f"When ({zone.rsplit('/', 1)[-1].replace('_', ' ')})"
    if str(widget.columns[ColumnKey("when")].label) == label:
        return
    widget.clear(columns=True)
    set_columns(widget, (("when", label, EVENT_COLUMNS[0][2]), *EVENT_COLUMNS[1:]))


def fill_accounts(widget: DataTable[str | Text], accounts: Sequence[Account]) -> None:
    """The accounts of one tier."""
    widget.clear()
    for account in accounts:
        widget.add_row(
            account.key,
            account.name or "",
            account.owner or Text("no owner", style="italic"),
            account.industry or "",
            "" if account.employees is None else f"{account.employees:,}",
            account.country or "",
        )


# ---------------------------------------------------------------- filters


def read_filters(
    event_type: str | None, fields: Mapping[str, str], zone: ZoneInfo | None
) -> EventFilter:
    """The filter the fields say; dates are days in the agreement's zone, "to" inclusive."""
    place = zone or dt.UTC
    since = _day_start(fields.get("since", ""), "since", place)
    until = _day_start(fields.get("until", ""), "until", place)
    if until is not None:
        until = _next_midnight(until, place)
    if since is not None and until is not None and until <= since:
        raise BadFilter("until", "The 'to' day is before the 'from' day.")
    return EventFilter(
        type=event_type,
        account=fields.get("account", "").strip() or None,
        lead=fields.get("lead", "").strip() or None,
        since=since,
        until=until,
    )


def _day_start(text: str, field: str, zone: dt.tzinfo) -> dt.datetime | None:
    text = text.strip()
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise BadFilter(field, f"{text!r} is not a day: write it as 2026-11-02.") from None
    return dt.datetime.combine(day, dt.time(), tzinfo=zone)


def _next_midnight(start: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    day = start.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(), tzinfo=zone)


# ---------------------------------------------------------------- wording


def _when(moment: dt.datetime, zone: ZoneInfo | None) -> str:
    local = moment.astimezone(zone or dt.UTC)
    return local.strftime("%Y-%m-%d %H:%M")


def _count(value: int, noun: str) -> str:
    """ "1 event", "2,016 events"."""
    return f"{value:,} {noun}{'' if value == 1 else 's'}"


def _n(value: int) -> Text:
    return Text(f"{value:,}", justify="right")


def _quantity(value: float) -> Text:
    shown = f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"
    return Text(shown, justify="right")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
