"""The pilot data half of `Store`: import batches, undo, logged events, summaries.

An import is one transaction (BEGIN IMMEDIATE) that streams the records in
chunks through `executemany`: all of a file or none of it, and a process
killed half-way leaves the workspace exactly as it was (SQLite discards an
uncommitted WAL tail on the next open).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from slatui.pilot.records import AccountRecord, ContactRecord, EventRecord
from store import pilot_queries as q
from store.connection import read_transaction, write_transaction
from store.db import Db
from store.errors import AlreadyImported, DuplicateEvent, UnknownBatch
from store.pilot_records import (
    Account,
    Batch,
    BatchMeta,
    BatchResult,
    Contact,
    EventCursor,
    EventFilter,
    EventPage,
    PilotWindow,
    SourceTally,
    Summary,
    UndoResult,
    WindowState,
)
from store.timefmt import to_db

if TYPE_CHECKING:
    from slatui.contract.model import Pilot

Tally = Callable[[], SourceTally]

# During an import or an undo only: the WAL keeps a crash (kill -9) harmless with NORMAL,
# which only risks the last commit on power loss; and a larger page cache keeps
# the index B-trees in memory while a million rows go in.
IMPORT_SYNCHRONOUS = "NORMAL"
IMPORT_CACHE_KIB = 65_536
LOG_FILE_NAME = "slatui log"


class PilotData:
    """Mixed into `Store`; relies on the attributes `Store.__init__` sets."""

    _db: Db
    _path: Path
    _now: Callable[[], dt.datetime]
    _lock: threading.RLock

    # ------------------------------------------------------------ importing

    def import_batch(
        self,
        meta: BatchMeta,
        accounts: Iterable[AccountRecord] = (),
        contacts: Iterable[ContactRecord] = (),
        events: Iterable[EventRecord] = (),
        *,
        tally: Tally | None = None,
    ) -> BatchResult:
        """Write one batch in one transaction; any exception leaves nothing behind.

        The iterables are consumed in this order: events, accounts, contacts;
        then `tally()` gives the source's counts (and may raise to refuse the
        file after all, e.g. because rows were rejected). A file whose SHA-256
        is already a batch raises AlreadyImported before anything is read.
        """
        with self._lock:
            self._refuse_known(meta)
            with self._bulk_transaction():
                self._refuse_known(meta)  # again, under the write lock
                conn = self._db.conn
                batch = q.insert_batch(conn, meta, at=to_db(self._now()))
                attempted, added = self._insert_events(conn, batch, events)
                q.insert_account_facts(conn, batch, accounts)
                q.insert_contact_facts(conn, batch, contacts)
                q.materialise(conn, batch, without=False)
                source = tally() if tally is not None else SourceTally(rows_read=attempted)
                return self._finish(conn, batch, source, attempted=attempted, added=added)

    def log_event(self, event: EventRecord, *, actor: str | None = None) -> BatchResult:
        """Record one event by hand as a batch of kind "log" (so it can be undone)."""
        if actor is not None and event.actor is None:
            event = replace(event, actor=actor)
        meta = BatchMeta(file_name=LOG_FILE_NAME, sha256=None, kind="log")
        report = {"logged_by": actor} if actor else {}
        with self._lock, write_transaction(self._db, self._path):
            conn = self._db.conn
            batch = q.insert_batch(conn, meta, at=to_db(self._now()))
            row = q.event_row(batch, event)
            if conn.execute(q.INSERT_EVENT, row).rowcount == 0:
                held = conn.execute(
                    "SELECT batch FROM events WHERE fingerprint = ?", (row[-1],)
                ).fetchone()
                raise DuplicateEvent(int(held[0]))  # rolls the new batch back
            source = SourceTally(rows_read=1, report=report)
            return self._finish(conn, batch, source, attempted=1, added=1)

    def undo_batch(self, batch_id: int) -> UndoResult:
        """Remove a batch completely: its events and facts, in one transaction.

        The accounts and contacts it spoke about are recomputed from the
        facts of the other batches, so what earlier batches said comes back.
        """
        with self._lock, self._bulk_transaction():
            conn = self._db.conn
            batch = self._batch_or_raise(batch_id)
            events = q.count(conn, "SELECT count(*) FROM events WHERE batch = ?", (batch_id,))
            accounts = q.count(
                conn, "SELECT count(*) FROM account_facts WHERE batch = ?", (batch_id,)
            )
            contacts = q.count(
                conn, "SELECT count(*) FROM contact_facts WHERE batch = ?", (batch_id,)
            )
            shared: tuple[int, ...] = ()
            if events:
                later = q.batch_rows(conn, "id > ? AND duplicates > 0", (batch_id,))
                shared = tuple(b.id for b in later)
            q.materialise(conn, batch_id, without=True)
            conn.execute("DELETE FROM batches WHERE id = ?", (batch_id,))  # cascades
            return UndoResult(
                batch=batch, events=events, accounts=accounts, contacts=contacts, shared_with=shared
            )

    # ------------------------------------------------------------ reading

    def batches(self) -> list[Batch]:
        """Every batch, oldest first."""
        with self._pilot_reading():
            return q.batch_rows(self._db.conn)

    def batch(self, batch_id: int) -> Batch:
        """One batch; UnknownBatch when there is none."""
        with self._pilot_reading():
            return self._batch_or_raise(batch_id)

    def batch_for_file(self, sha256: str) -> Batch | None:
        """The batch a file (by its SHA-256) was imported as, if any."""
        with self._pilot_reading():
            found = q.batch_rows(self._db.conn, "sha256 = ?", (sha256,))
            return found[0] if found else None

    def events_page(
        self,
        filters: EventFilter | None = None,
        *,
        offset: int = 0,
        limit: int = 100,
        after: EventCursor | None = None,
    ) -> EventPage:
        """Events in time order; page on with `after=page.next` (an indexed seek).

        `offset` skips rows after the seek point: cheap for small jumps, linear
        for deep ones, so a screen scrolling far should page by cursor.
        """
        with self._pilot_reading():
            rows = q.event_rows(
                self._db.conn, filters or EventFilter(), after=after, offset=offset, limit=limit
            )
        last = rows[-1] if len(rows) == limit and rows else None
        cursor = None if last is None else EventCursor(ts=q.micros(last.occurred_at), id=last.id)
        return EventPage(events=rows, next=cursor)

    def events_count(self, filters: EventFilter | None = None) -> int:
        """How many events match the filter."""
        with self._pilot_reading():
            return q.event_count(self._db.conn, filters or EventFilter())

    def accounts_by_tier(self) -> dict[str, int]:
        """Accounts per tier id ("untiered" for none), by tier id."""
        with self._pilot_reading():
            return q.tier_counts(self._db.conn)

    def accounts(
        self, tier: str | None = None, *, untiered: bool = False, offset: int = 0, limit: int = 500
    ) -> list[Account]:
        """Accounts by key: all, of one tier, or (`untiered`) those without a tier."""
        with self._pilot_reading():
            return q.account_rows(
                self._db.conn, tier, untiered=untiered, offset=offset, limit=limit
            )

    def account_names(self, keys: Iterable[str]) -> dict[str, str | None]:
        """Account key -> name for the keys held (a missing key is absent)."""
        with self._pilot_reading():
            return q.account_names(self._db.conn, keys)

    def contacts(
        self, account: str | None = None, *, offset: int = 0, limit: int = 500
    ) -> list[Contact]:
        """Contacts by key, optionally of one account."""
        with self._pilot_reading():
            return q.contact_rows(self._db.conn, account, offset=offset, limit=limit)

    def summary(self, pilot: Pilot | None, now: dt.datetime) -> Summary:
        """What the workspace holds and where the pilot stands as of `now`.

        `now` is read in its own zone: pass it in the agreement's zone, so the
        pilot's week turns at local midnight.
        """
        with self._pilot_reading():
            conn = self._db.conn
            return Summary(
                accounts=q.count(conn, "SELECT count(*) FROM accounts"),
                accounts_by_tier=q.tier_counts(conn),
                contacts=q.count(conn, "SELECT count(*) FROM contacts"),
                contacts_by_seniority=q.seniority_counts(conn),
                events=q.count(conn, "SELECT count(*) FROM events"),
                events_by_type=q.type_counts(conn),
                batches=q.batch_rows(conn),
                window=None if pilot is None else pilot_window(pilot, now),
            )

    # ------------------------------------------------------------ internals

    @contextmanager
    def _pilot_reading(self) -> Iterator[None]:
        with self._lock, read_transaction(self._db):
            yield

    @contextmanager
    def _bulk_transaction(self) -> Iterator[None]:
        """A write transaction with the import pragmas (see IMPORT_SYNCHRONOUS)."""
        conn = self._db.conn
        synchronous = conn.execute("PRAGMA synchronous").fetchone()[0]
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA synchronous = {IMPORT_SYNCHRONOUS}")
        conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        try:
            with write_transaction(self._db, self._path):
                yield
        finally:
            conn.execute(f"PRAGMA synchronous = {int(synchronous)}")
            conn.execute(f"PRAGMA cache_size = {int(cache)}")

    def _refuse_known(self, meta: BatchMeta) -> None:
        if meta.sha256 is None:
            return
        found = q.batch_rows(self._db.conn, "sha256 = ?", (meta.sha256,))
        if found:
            held = found[0]
            day = held.imported_at.date().isoformat()
            raise AlreadyImported(held.id, meta.file_name, day)

    def _insert_events(
        self, conn: sqlite3.Connection, batch: int, events: Iterable[EventRecord]
    ) -> tuple[int, int]:
        attempted = added = 0
        row = q.event_row
        for chunk in q.chunks(row(batch, e) for e in events):
            added += conn.executemany(q.INSERT_EVENT, chunk).rowcount
            attempted += len(chunk)
        return attempted, added

    def _finish(
        self,
        conn: sqlite3.Connection,
        batch: int,
        source: SourceTally,
        *,
        attempted: int,
        added: int,
    ) -> BatchResult:
        accounts = q.count(conn, "SELECT count(*) FROM account_facts WHERE batch = ?", (batch,))
        contacts = q.count(conn, "SELECT count(*) FROM contact_facts WHERE batch = ?", (batch,))
        counts = {
            "rows_read": source.rows_read,
            "imported": added + accounts + contacts,
            "rejected": source.rejected,
            "skipped": source.skipped,
            "duplicates": attempted - added,
        }
        q.finish_batch(conn, batch, counts, dict(source.report))
        return BatchResult(
            batch=self._batch_or_raise(batch), events=added, accounts=accounts, contacts=contacts
        )

    def _batch_or_raise(self, batch_id: int) -> Batch:
        found = q.batch_rows(self._db.conn, "id = ?", (batch_id,))
        if not found:
            held = q.count(self._db.conn, "SELECT count(*) FROM batches")
            listed = "`slatui imports` lists its batches" if held else "it holds no batches"
            raise UnknownBatch(f"there is no batch {batch_id} in {self._path} ({listed})")
        return found[0]


def pilot_window(pilot: Pilot, now: dt.datetime) -> PilotWindow:
    """Where `now` (read in its own zone) falls in the pilot: week N of W or outside.

    Week 1 is the pilot's first seven days from `start`; `end` is exclusive.
    """
    today = now.date()
    state: WindowState
    week: int | None
    if today < pilot.start:
        state, week = "not started", None
    elif today >= pilot.end:
        state, week = "ended", None
    else:
        state, week = "running", (today - pilot.start).days // 7 + 1
    return PilotWindow(
        start=pilot.start,
        end=pilot.end,
        weeks=pilot.weeks,
        state=state,
        week=week,
    )
