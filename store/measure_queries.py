"""The SQL the measurements read: sums per period and tier, per account, clocks, coverage.

A tier applies to an event through its account (DESIGN §3): an event counts
for a tier's commitment when its account is of that tier, and an event
without an account counts only for commitments without a tier. Every query
is a range scan of the (type, ts) index, joined to `accounts` by its primary
key only when a tier is asked for, so the whole evaluation of an agreement
reads each event type's period once instead of the whole table per figure.
The (type, ts, account, lead, quantity) index (migration 3) covers the sums
and the clocks, so a range of it is read and no row of `events` is looked up.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from store.pilot_queries import from_micros, micros


def _types(types: Sequence[str]) -> tuple[str, list[Any]]:
    marks = ", ".join("?" for _ in types)
    return f"e.type IN ({marks})", list(types)


def _scope(
    types: Sequence[str], since: dt.datetime | None, until: dt.datetime | None, tier: str | None
) -> tuple[str, str, list[Any]]:
    """FROM/JOIN and WHERE for events of `types` in [since, until) of accounts of `tier`."""
    where, params = _types(types)
    clauses = [where]
    if since is not None:
        clauses.append("e.ts >= ?")
        params.append(micros(since))
    if until is not None:
        clauses.append("e.ts < ?")
        params.append(micros(until))
    source = "events AS e"
    if tier is not None:
        source += " JOIN accounts AS a ON a.key = e.account"
        clauses.append("a.tier = ?")
        params.append(tier)
    return source, " AND ".join(clauses), params


def total(
    db: sqlite3.Connection,
    types: Sequence[str],
    since: dt.datetime | None,
    until: dt.datetime | None,
    tier: str | None,
) -> float:
    """The sum of the events' quantities (a row of an ad report carries 1,184 impressions)."""
    source, where, params = _scope(types, since, until, tier)
    row = db.execute(f"SELECT total(e.quantity) FROM {source} WHERE {where}", params).fetchone()
    return float(row[0])


def totals_by_account(
    db: sqlite3.Connection,
    types: Sequence[str],
    since: dt.datetime | None,
    until: dt.datetime | None,
    tier: str | None,
) -> dict[str, float]:
    """The sums per account (events without an account are left out: they have none)."""
    source, where, params = _scope(types, since, until, tier)
    rows = db.execute(
        f"SELECT e.account, total(e.quantity) FROM {source} "
        f"WHERE {where} AND e.account IS NOT NULL GROUP BY e.account",
        params,
    ).fetchall()
    return {str(account): float(amount) for account, amount in rows}


def has_events(db: sqlite3.Connection, types: Sequence[str]) -> bool:
    """Whether the workspace holds any event of these types at all (else: no data)."""
    where, params = _types(types)
    found = db.execute(f"SELECT 1 FROM events AS e WHERE {where} LIMIT 1", params).fetchone()
    return found is not None


def tier_accounts(db: sqlite3.Connection, tier: str | None) -> list[str]:
    """The keys of the tier's accounts (every account for None), in key order."""
    if tier is None:
        rows = db.execute("SELECT key FROM accounts ORDER BY key").fetchall()
    else:
        rows = db.execute(
            "SELECT key FROM accounts WHERE tier = ? ORDER BY key", (tier,)
        ).fetchall()
    return [str(row[0]) for row in rows]


COVERABLE = ("name", "domain", "owner", "industry", "employees", "country", "external_id")


def coverage(db: sqlite3.Connection, tier: str | None, field: str) -> tuple[int, int]:
    """(accounts of the tier with `field` set, accounts of the tier)."""
    if field not in COVERABLE:
        raise ValueError(f"accounts have no field {field!r}; they have {', '.join(COVERABLE)}")
    scope, params = ("", []) if tier is None else (" WHERE tier = ?", [tier])
    row = db.execute(
        f"SELECT count(*), count(NULLIF(trim(CAST({field} AS TEXT)), '')) FROM accounts{scope}",
        params,
    ).fetchone()
    return int(row[1]), int(row[0])


ClockRow = tuple[int, dt.datetime, str, str | None, str | None]
"""(event id, occurred_at UTC, type, account, lead)."""

TickRow = tuple[int, int, str, str | None, str | None]
"""(event id, occurred_at as integer microseconds since the epoch UTC, type, account, lead)."""

_BY_TIME = itemgetter(1, 0)


def clock_rows(
    db: sqlite3.Connection,
    types: Sequence[str],
    until: dt.datetime | None,
    tier: str | None,
) -> list[ClockRow]:
    """The events a response clock reads, in time order (then id), up to `until`."""
    rows = clock_ticks(db, types, until, tier)
    return [(int(i), from_micros(int(ts)), str(t), a, lead) for i, ts, t, a, lead in rows]


def clock_ticks(
    db: sqlite3.Connection,
    types: Sequence[str],
    until: dt.datetime | None,
    tier: str | None,
) -> list[TickRow]:
    """`clock_rows` with the instants as stored (microseconds), in time order (then id).

    Asked in that order, SQLite would walk the (type, ts) index and look every
    row up for its account and lead; unordered, it reads a range of the
    covering index, and a sort of the few runs that come out is cheap.
    """
    source, where, params = _scope(types, None, until, tier)
    rows: list[TickRow] = db.execute(
        f"SELECT e.id, e.ts, e.type, e.account, e.lead FROM {source} WHERE {where}", params
    ).fetchall()
    rows.sort(key=_BY_TIME)
    return rows


AccountTick = tuple[str, str, int]
"""(account, type, occurred_at as integer microseconds since the epoch, UTC)."""


def account_ticks(
    db: sqlite3.Connection,
    types: Sequence[str],
    until: dt.datetime | None,
    tier: str | None,
) -> list[AccountTick]:
    """The events of `types` before `until` that have an account (of `tier`), in no
    particular order (the engagement rules sort each account's times themselves).

    Without a tier, a range of the covering (type, ts, account, ...) index per type;
    with one, the tier's accounts by `accounts_tier`, each looked up in the
    (account, type, ts) index. Neither reads a row of `events`, nor sorts.
    """
    return _account_rows(db, "e.account, e.type, e.ts", types, until, tier)


def account_times(
    db: sqlite3.Connection,
    types: Sequence[str],
    until: dt.datetime | None,
    tier: str | None,
) -> list[tuple[str, int]]:
    """`account_ticks` without the type: (account, ts), for a rule that reads one kind
    of event at a time (the engagement's touches, then its answers)."""
    return _account_rows(db, "e.account, e.ts", types, until, tier)


def _account_rows(
    db: sqlite3.Connection,
    columns: str,
    types: Sequence[str],
    until: dt.datetime | None,
    tier: str | None,
) -> list[Any]:
    where, params = _types(types)
    if until is not None:
        where += " AND e.ts < ?"
        params.append(micros(until))
    if tier is None:
        source = "events AS e INDEXED BY events_type_ts_cover"
        where += " AND e.account IS NOT NULL"
    else:
        source = "accounts AS a JOIN events AS e INDEXED BY events_account_type_ts"
        source += " ON e.account = a.key"
        where += " AND a.tier = ?"
        params.append(tier)
    return db.execute(f"SELECT {columns} FROM {source} WHERE {where}", params).fetchall()


def first_event_at(db: sqlite3.Connection) -> dt.datetime | None:
    """When the earliest event happened (where a commitment's history starts)."""
    row = db.execute("SELECT min(ts) FROM events").fetchone()
    return None if row[0] is None else from_micros(int(row[0]))
