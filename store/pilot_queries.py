"""The SQL of the pilot data; rows stay inside the store package.

Callers hold the store's lock and, for writes, the write transaction. The
import path builds one plain tuple per record and hands chunks of them to
`executemany`, so SQLite, not Python, does the per-row work.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from slatui.pilot.records import SENIORITY_ORDER, AccountRecord, ContactRecord, EventRecord
from store.pilot_records import (
    Account,
    Batch,
    BatchMeta,
    Contact,
    EventCursor,
    EventFilter,
    StoredEvent,
    TypeCount,
)
from store.timefmt import from_db, require_aware

CHUNK = 10_000
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MICROSECOND = dt.timedelta(microseconds=1)

ACCOUNT_FIELDS = (
    "name",
    "domain",
    "tier",
    "owner",
    "industry",
    "employees",
    "country",
    "external_id",
)
CONTACT_FIELDS = ("account", "name", "email")
# Title, seniority and function travel together: the seniority belongs to its title.
TITLE_GROUP = ("title", "seniority", "function")
UNTIERED = "untiered"
UNCLASSIFIED = "unclassified"
NO_TITLE = "no title"

_BATCH_COLUMNS = (
    "id, file_name, sha256, kind, preset, tz, imported_at, rows_read, imported, rejected,"
    " skipped, duplicates, report"
)
_EVENT_COLUMNS = "id, batch, ts, type, account, contact, lead, quantity, actor, channel, detail"

INSERT_EVENT = (
    "INSERT OR IGNORE INTO events (batch, ts, type, account, contact, lead, quantity, actor,"
    " channel, detail, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)

EventRow = tuple[
    int, int, str, str | None, str | None, str | None, float, str | None, str | None,
    str | None, bytes,
]  # fmt: skip


# ---------------------------------------------------------------- times and fingerprints


def micros(moment: dt.datetime) -> int:
    """An aware datetime as integer microseconds since the epoch (UTC), exactly."""
    return (moment - EPOCH) // MICROSECOND


def from_micros(value: int) -> dt.datetime:
    """Stored microseconds -> aware UTC datetime."""
    return EPOCH + dt.timedelta(microseconds=value)


def fingerprint(
    ts: int,
    type_: str,
    account: str | None,
    contact: str | None,
    lead: str | None,
    quantity: float,
    detail: str | None,
) -> bytes:
    """What makes two events the same event, as 16 bytes.

    `repr` of the tuple keeps None apart from "None" and escapes separators,
    so different events never share the text that is hashed.
    """
    text = repr((ts, type_, account, contact, lead, float(quantity), detail))
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def event_row(batch: int, event: EventRecord) -> EventRow:
    """The tuple one event is inserted as."""
    ts = (event.occurred_at - EPOCH) // MICROSECOND
    quantity = float(event.quantity)
    return (
        batch,
        ts,
        event.type,
        event.account,
        event.contact,
        event.lead,
        quantity,
        event.actor,
        event.channel,
        event.detail,
        fingerprint(
            ts, event.type, event.account, event.contact, event.lead, quantity, event.detail
        ),
    )


def chunks(rows: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """Lists of up to `size` items, lazily: the source is never held whole."""
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


# ---------------------------------------------------------------- batches


def batch_rows(db: sqlite3.Connection, where: str = "", params: Sequence[Any] = ()) -> list[Batch]:
    """Batches matching `where` (SQL after WHERE), oldest first."""
    clause = f" WHERE {where}" if where else ""
    cursor = db.execute(f"SELECT {_BATCH_COLUMNS} FROM batches{clause} ORDER BY id", params)
    return [_batch(row) for row in cursor.fetchall()]


def insert_batch(db: sqlite3.Connection, meta: BatchMeta, *, at: str) -> int:
    """A new batch with zero counts; they are filled in when the import ends."""
    cursor = db.execute(
        "INSERT INTO batches (file_name, sha256, kind, preset, tz, imported_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (meta.file_name, meta.sha256, meta.kind, meta.preset, meta.tz, at),
    )
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


def finish_batch(db: sqlite3.Connection, batch: int, counts: dict[str, int], report: Any) -> None:
    """Record the counts and the report of a batch."""
    db.execute(
        "UPDATE batches SET rows_read = :rows_read, imported = :imported, rejected = :rejected,"
        " skipped = :skipped, duplicates = :duplicates, report = :report WHERE id = :id",
        {**counts, "report": json.dumps(report, sort_keys=True, default=str), "id": batch},
    )


def _batch(row: Sequence[Any]) -> Batch:
    return Batch(
        id=int(row[0]),
        file_name=row[1],
        sha256=row[2],
        kind=row[3],
        preset=row[4],
        tz=row[5],
        imported_at=from_db(row[6]),
        rows_read=int(row[7]),
        imported=int(row[8]),
        rejected=int(row[9]),
        skipped=int(row[10]),
        duplicates=int(row[11]),
        report=json.loads(row[12]),
    )


def count(db: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> int:
    """The single integer a COUNT query answers."""
    return int(db.execute(sql, params).fetchone()[0])


# ---------------------------------------------------------------- facts and materialisation


def insert_account_facts(
    db: sqlite3.Connection, batch: int, accounts: Iterable[AccountRecord]
) -> None:
    """One fact per key for this batch; a key repeated in the file merges, later wins."""
    names = ", ".join(ACCOUNT_FIELDS)
    marks = ", ".join("?" for _ in ACCOUNT_FIELDS)
    merge = ", ".join(f"{c} = coalesce(excluded.{c}, {c})" for c in ACCOUNT_FIELDS)
    sql = (
        f"INSERT INTO account_facts (batch, key, {names}) VALUES (?, ?, {marks})"
        f" ON CONFLICT (key, batch) DO UPDATE SET {merge}"
    )
    rows = (
        (batch, a.key, a.name, a.domain, a.tier, a.owner, a.industry, a.employees, a.country,
         a.external_id)
        for a in accounts
    )  # fmt: skip
    for chunk in chunks(rows):
        db.executemany(sql, chunk)


def insert_contact_facts(
    db: sqlite3.Connection, batch: int, contacts: Iterable[ContactRecord]
) -> None:
    """Like accounts; a repeated key's title, seniority and function change together."""
    fields = (*CONTACT_FIELDS, *TITLE_GROUP)
    names = ", ".join(fields)
    marks = ", ".join("?" for _ in fields)
    says = " OR ".join(f"excluded.{c} IS NOT NULL" for c in TITLE_GROUP)
    merge = ", ".join(
        [f"{c} = coalesce(excluded.{c}, {c})" for c in CONTACT_FIELDS]
        + [f"{c} = CASE WHEN {says} THEN excluded.{c} ELSE {c} END" for c in TITLE_GROUP]
    )
    sql = (
        f"INSERT INTO contact_facts (batch, key, {names}) VALUES (?, ?, {marks})"
        f" ON CONFLICT (key, batch) DO UPDATE SET {merge}"
    )
    rows = (
        (batch, c.key, c.account, c.name, c.email, c.title, c.seniority, c.function)
        for c in contacts
    )
    for chunk in chunks(rows):
        db.executemany(sql, chunk)


def materialise(db: sqlite3.Connection, batch: int, *, without: bool) -> None:
    """Recompute the accounts and contacts that `batch` has facts about.

    Each field is the latest non-null value over the facts in batch order;
    `without=True` leaves the batch's own facts out (the undo), so what
    earlier batches said comes back, and a key no other batch mentions goes.
    """
    exclude = "AND f.batch != :batch" if without else ""
    params = {"batch": batch}
    latest = ", ".join(
        f"(SELECT f.{c} FROM account_facts f WHERE f.key = k.key AND f.{c} IS NOT NULL"
        f" {exclude} ORDER BY f.batch DESC LIMIT 1)"
        for c in ACCOUNT_FIELDS
    )
    db.execute(
        "DELETE FROM accounts WHERE key IN (SELECT key FROM account_facts WHERE batch = :batch)",
        params,
    )
    db.execute(
        f"INSERT INTO accounts (key, {', '.join(ACCOUNT_FIELDS)}) SELECT k.key, {latest}"
        f" FROM account_facts k WHERE k.batch = :batch"
        f" AND EXISTS (SELECT 1 FROM account_facts f WHERE f.key = k.key {exclude})",
        params,
    )
    latest = ", ".join(
        f"(SELECT f.{c} FROM contact_facts f WHERE f.key = k.key AND f.{c} IS NOT NULL"
        f" {exclude} ORDER BY f.batch DESC LIMIT 1)"
        for c in CONTACT_FIELDS
    )
    says = " OR ".join(f"f.{c} IS NOT NULL" for c in TITLE_GROUP)
    group = ", ".join(f"g.{c}" for c in TITLE_GROUP)
    db.execute(
        "DELETE FROM contacts WHERE key IN (SELECT key FROM contact_facts WHERE batch = :batch)",
        params,
    )
    db.execute(
        f"INSERT INTO contacts (key, {', '.join(CONTACT_FIELDS)}, {', '.join(TITLE_GROUP)})"
        f" SELECT k.key, {latest}, {group} FROM contact_facts k"
        " LEFT JOIN contact_facts g ON g.key = k.key AND g.batch = ("
        f"   SELECT max(f.batch) FROM contact_facts f WHERE f.key = k.key AND ({says}) {exclude})"
        " WHERE k.batch = :batch"
        f" AND EXISTS (SELECT 1 FROM contact_facts f WHERE f.key = k.key {exclude})",
        params,
    )


# ---------------------------------------------------------------- reading


def account_names(db: sqlite3.Connection, keys: Iterable[str]) -> dict[str, str | None]:
    """Name of each account held among `keys` (one statement, however many keys)."""
    rows = db.execute(
        "SELECT key, name FROM accounts WHERE key IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(set(keys)))],
    ).fetchall()
    return {str(key): name for key, name in rows}


def account_rows(
    db: sqlite3.Connection, tier: str | None, *, untiered: bool, offset: int, limit: int
) -> list[Account]:
    """Accounts by key; of one tier, or without one, or all."""
    where: str = ""
    params: list[Any] = [limit, offset]
    if untiered:
        where = "WHERE tier IS NULL"
    elif tier is not None:
        where, params = "WHERE tier = ?", [tier, limit, offset]
    cursor = db.execute(
        f"SELECT key, {', '.join(ACCOUNT_FIELDS)} FROM accounts {where}"
        " ORDER BY key LIMIT ? OFFSET ?",
        params,
    )
    return [Account(*row) for row in cursor.fetchall()]


def contact_rows(
    db: sqlite3.Connection, account: str | None, *, offset: int, limit: int
) -> list[Contact]:
    """Contacts by key, optionally of one account."""
    where, params = ("WHERE account = ?", [account]) if account is not None else ("", [])
    cursor = db.execute(
        "SELECT key, account, title, seniority, function, name, email FROM contacts"
        f" {where} ORDER BY key LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [Contact(*row) for row in cursor.fetchall()]


def tier_counts(db: sqlite3.Connection) -> dict[str, int]:
    """Accounts per tier id, tier order by id, accounts without a tier last."""
    rows = db.execute(
        "SELECT tier, count(*) FROM accounts GROUP BY tier ORDER BY tier IS NULL, tier"
    ).fetchall()
    return {UNTIERED if tier is None else tier: int(n) for tier, n in rows}


def seniority_counts(db: sqlite3.Connection) -> dict[str, int]:
    """Contacts per seniority, then titled but unclassified, then without a title."""
    counts: dict[str, int] = dict.fromkeys((*SENIORITY_ORDER, UNCLASSIFIED, NO_TITLE), 0)
    rows = db.execute(
        "SELECT CASE WHEN seniority IS NOT NULL THEN seniority"
        f" WHEN title IS NOT NULL THEN '{UNCLASSIFIED}' ELSE '{NO_TITLE}' END AS s, count(*)"
        " FROM contacts GROUP BY s"
    ).fetchall()
    for name, n in rows:
        counts[name] = int(n)
    return counts


def type_counts(db: sqlite3.Connection) -> list[TypeCount]:
    """Events per type with the sum of their quantities.

    NOT INDEXED: the planner would walk events_type_ts and fetch each row's
    quantity in index order (2.2 s at a million rows); one scan of the table
    with a small GROUP BY tree takes 0.5 s.
    """
    rows = db.execute(
        "SELECT type, count(*), total(quantity) FROM events NOT INDEXED GROUP BY type ORDER BY type"
    ).fetchall()
    return [TypeCount(type=t, events=int(n), quantity=float(q)) for t, n, q in rows]


def event_where(filters: EventFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions and parameters for a filter (each one an indexed column)."""
    where: list[str] = []
    params: list[Any] = []
    for column in ("type", "account", "lead"):
        value = getattr(filters, column)
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if filters.since is not None:
        where.append("ts >= ?")
        params.append(micros(require_aware(filters.since, "since")))
    if filters.until is not None:
        where.append("ts < ?")
        params.append(micros(require_aware(filters.until, "until")))
    return where, params


def event_rows(
    db: sqlite3.Connection,
    filters: EventFilter,
    *,
    after: EventCursor | None,
    offset: int,
    limit: int,
) -> list[StoredEvent]:
    """A page of events in (ts, id) order; `after` seeks by keyset, `offset` skips."""
    where, params = event_where(filters)
    if after is not None:
        where.append("(ts, id) > (?, ?)")
        params.extend((after.ts, after.id))
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    cursor = db.execute(
        f"SELECT {_EVENT_COLUMNS} FROM events{clause} ORDER BY ts, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [_event(row) for row in cursor.fetchall()]


def event_count(db: sqlite3.Connection, filters: EventFilter) -> int:
    """How many events match."""
    where, params = event_where(filters)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return count(db, f"SELECT count(*) FROM events{clause}", params)


def event_span(db: sqlite3.Connection) -> tuple[int, int] | None:
    """The first and last event times in microseconds, if there are events."""
    first, last = db.execute("SELECT min(ts), max(ts) FROM events").fetchone()
    return None if first is None else (int(first), int(last))


def _event(row: Sequence[Any]) -> StoredEvent:
    return StoredEvent(
        id=int(row[0]),
        batch=int(row[1]),
        occurred_at=from_micros(int(row[2])),
        type=row[3],
        account=row[4],
        contact=row[5],
        lead=row[6],
        quantity=float(row[7]),
        actor=row[8],
        channel=row[9],
        detail=row[10],
    )
