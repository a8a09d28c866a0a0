"""What the store hands out about pilot data: frozen values, never rows.

The inputs (`BatchMeta`, `SourceTally`, `EventFilter`) are here too, so a
caller builds a request without knowing the schema.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

WindowState = Literal["not started", "running", "ended"]


@dataclass(frozen=True)
class BatchMeta:
    """Where a batch comes from: the file, its SHA-256 and how it was read.

    `kind` is events / accounts / contacts, a preset's name, or "log" for an
    event logged by hand (which has no file and no digest).
    """

    file_name: str
    sha256: str | None
    kind: str
    preset: str | None = None
    tz: str | None = None


@dataclass(frozen=True)
class SourceTally:
    """What reading the source counted; known only once the rows are consumed.

    `report` is stored as the batch's JSON report (keep it JSON-serialisable).
    """

    rows_read: int = 0
    rejected: int = 0
    skipped: int = 0
    report: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Batch:
    """One import (or one logged event), as recorded."""

    id: int
    file_name: str
    sha256: str | None
    kind: str
    preset: str | None
    tz: str | None
    imported_at: dt.datetime
    rows_read: int
    imported: int
    rejected: int
    skipped: int
    duplicates: int
    report: Mapping[str, Any]

    def as_json(self) -> dict[str, Any]:
        """Plain JSON values, times as ISO text."""
        return {
            "id": self.id,
            "file_name": self.file_name,
            "sha256": self.sha256,
            "kind": self.kind,
            "preset": self.preset,
            "tz": self.tz,
            "imported_at": self.imported_at.isoformat(),
            "rows_read": self.rows_read,
            "imported": self.imported,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "duplicates": self.duplicates,
            "report": dict(self.report),
        }


@dataclass(frozen=True)
class BatchResult:
    """What an import added: the batch and, per kind, how many records it wrote."""

    batch: Batch
    events: int
    accounts: int
    contacts: int

    @property
    def duplicates(self) -> int:
        """Events that were already in the workspace (or repeated in the file)."""
        return self.batch.duplicates


@dataclass(frozen=True)
class UndoResult:
    """What undoing a batch removed, and which later batches shared events with it."""

    batch: Batch
    events: int
    accounts: int
    contacts: int
    shared_with: tuple[int, ...] = ()


@dataclass(frozen=True)
class Account:
    """An account as the workspace knows it now (the latest of what batches said)."""

    key: str
    name: str | None
    domain: str | None
    tier: str | None
    owner: str | None
    industry: str | None
    employees: int | None
    country: str | None
    external_id: str | None


@dataclass(frozen=True)
class Contact:
    """A contact as the workspace knows it now; no seniority with a title = unclassified."""

    key: str
    account: str | None
    title: str | None
    seniority: str | None
    function: str | None
    name: str | None
    email: str | None


@dataclass(frozen=True)
class StoredEvent:
    """An event in the workspace, with the batch it came from."""

    id: int
    batch: int
    occurred_at: dt.datetime
    type: str
    account: str | None
    contact: str | None
    lead: str | None
    quantity: float
    actor: str | None
    channel: str | None
    detail: str | None


@dataclass(frozen=True)
class EventFilter:
    """Which events a page shows; every field left None matches everything.

    `since` is inclusive, `until` exclusive (both aware datetimes).
    """

    type: str | None = None
    account: str | None = None
    lead: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


@dataclass(frozen=True)
class EventCursor:
    """Where a page ended, for keyset paging: the next page starts after it."""

    ts: int
    id: int


@dataclass(frozen=True)
class EventPage:
    """One page of events in time order and the cursor to the next (None at the end)."""

    events: list[StoredEvent]
    next: EventCursor | None


@dataclass(frozen=True)
class TypeCount:
    """Events of one type: how many rows and the sum of their quantities."""

    type: str
    events: int
    quantity: float


@dataclass(frozen=True)
class PilotWindow:
    """The pilot's dates (end exclusive, in the agreement's zone) and where `now` is."""

    start: dt.date
    end: dt.date
    weeks: int
    state: WindowState
    week: int | None

    @property
    def last_day(self) -> dt.date:
        """The pilot's last day (the day before `end`)."""
        return self.end - dt.timedelta(days=1)

    @property
    def progress(self) -> str:
        """ "week 2 of 4", "not started" or "ended"."""
        if self.state == "running":
            return f"week {self.week} of {self.weeks}"
        return self.state


@dataclass(frozen=True)
class Summary:
    """What the workspace holds: the figures of `slatui summary`."""

    accounts: int
    accounts_by_tier: dict[str, int]
    contacts: int
    contacts_by_seniority: dict[str, int]
    events: int
    events_by_type: list[TypeCount]
    batches: list[Batch]
    window: PilotWindow | None

    def as_json(self) -> dict[str, Any]:
        """The summary as plain JSON values (`slatui summary --json`)."""
        window: dict[str, Any] | None = None
        if self.window is not None:
            window = {
                "start": self.window.start.isoformat(),
                "last_day": self.window.last_day.isoformat(),
                "weeks": self.window.weeks,
                "state": self.window.state,
                "week": self.window.week,
                "progress": self.window.progress,
            }
        return {
            "accounts": {"total": self.accounts, "by_tier": self.accounts_by_tier},
            "contacts": {"total": self.contacts, "by_seniority": self.contacts_by_seniority},
            "events": {
                "total": self.events,
                "by_type": {
                    t.type: {"events": t.events, "quantity": t.quantity}
                    for t in self.events_by_type
                },
            },
            "batches": [
                {
                    "id": b.id,
                    "file_name": b.file_name,
                    "kind": b.kind,
                    "imported_at": b.imported_at.isoformat(),
                    "rows_read": b.rows_read,
                    "imported": b.imported,
                    "rejected": b.rejected,
                    "skipped": b.skipped,
                    "duplicates": b.duplicates,
                }
                for b in self.batches
            ],
            "pilot": window,
        }
