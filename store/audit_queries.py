"""The SQL the SAL audit reads: hand-offs, the facts behind them, verdicts, candidates.

Every read takes its whole set of keys at once, as one JSON array bound to a
single parameter and opened with `json_each`, so auditing 20,000 hand-offs is
the same handful of statements as auditing 2, and no list of keys can run
into SQLite's limit on bound variables. Events are read by range scans of the
(type, ts) index over the period plus the definition's window; which of them
count is the domain's decision (`slatui.sal_criteria`).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Collection, Sequence
from typing import Any

from slatui.sal_facts import HANDOFF, VERDICTS, AccountFacts, Activity, ContactFacts, Handoff
from slatui.sal_facts import SalVerdict as Verdict
from store.pilot_queries import from_micros, micros

KEYS = "(SELECT value FROM json_each(?))"
_ACTIVITY = "SELECT e.ts, e.type, e.quantity, e.contact, e.account FROM events AS e"


def _keys(keys: Collection[str]) -> str:
    return json.dumps(sorted(keys))


def _marks(values: Sequence[str]) -> str:
    return ", ".join("?" for _ in values)


def _span(since: dt.datetime | None, until: dt.datetime | None) -> tuple[str, list[Any]]:
    """Conditions on e.ts for [since, until); either end may be open."""
    clauses, params = [], []
    if since is not None:
        clauses.append("e.ts >= ?")
        params.append(micros(since))
    if until is not None:
        clauses.append("e.ts < ?")
        params.append(micros(until))
    return "".join(f" AND {c}" for c in clauses), params


def handoff_rows(db: sqlite3.Connection, since: dt.datetime, until: dt.datetime) -> list[Handoff]:
    """The `sal_notified` events in [since, until), in occurrence order (then id)."""
    span, params = _span(since, until)
    rows = db.execute(
        "SELECT e.id, e.ts, e.lead, e.contact, e.account FROM events AS e"
        f" WHERE e.type = ?{span} ORDER BY e.ts, e.id",
        [HANDOFF, *params],
    ).fetchall()
    return [Handoff(int(i), from_micros(int(ts)), lead, c, a) for i, ts, lead, c, a in rows]


def contact_rows(db: sqlite3.Connection, keys: Collection[str]) -> dict[str, ContactFacts]:
    """Contacts by key; keys the workspace does not hold are absent."""
    rows = db.execute(
        f"SELECT key, account, title, seniority, function FROM contacts WHERE key IN {KEYS}",
        [_keys(keys)],
    ).fetchall()
    return {str(row[0]): ContactFacts(*row) for row in rows}


def account_rows(db: sqlite3.Connection, keys: Collection[str]) -> dict[str, AccountFacts]:
    """Accounts by key: tier and firmographics; keys not held are absent."""
    rows = db.execute(
        f"SELECT key, tier, employees, industry, country FROM accounts WHERE key IN {KEYS}",
        [_keys(keys)],
    ).fetchall()
    return {str(row[0]): AccountFacts(*row) for row in rows}


def activity_rows(
    db: sqlite3.Connection,
    types: Sequence[str],
    since: dt.datetime | None,
    until: dt.datetime,
    contacts: Collection[str],
    accounts: Collection[str],
) -> list[Activity]:
    """Events of `types` in [since, until) of these contacts, or of these accounts.

    An event matches through its contact, or through its account whatever
    contact it names: the accounts asked for are those of hand-offs that name
    no contact, whose engagement is their account's. Each event comes once,
    in no particular order (the audit sorts a contact's handful itself).

    The contacts' half seeks the (contact, ts) index once per contact (`+`
    keeps the planner off the (type, ts) index, which would read every
    touchpoint of the period to keep the few of these contacts).
    """
    if not types or not (contacts or accounts):
        return []
    span, window = _span(since, until)
    marks, people = _marks(types), _keys(contacts)
    rows = db.execute(
        f"{_ACTIVITY} WHERE e.contact IN {KEYS}{span} AND +e.type IN ({marks})"
        f" UNION ALL {_ACTIVITY} WHERE e.account IN {KEYS} AND e.type IN ({marks}){span}"
        f" AND (e.contact IS NULL OR e.contact NOT IN {KEYS})",
        [people, *window, *types, _keys(accounts), *types, *window, people],
    ).fetchall()
    return [Activity(from_micros(int(ts)), t, float(q), c, a) for ts, t, q, c, a in rows]


def verdict_rows(
    db: sqlite3.Connection,
    since: dt.datetime,
    until: dt.datetime,
    leads: Collection[str],
    accounts: Collection[str],
) -> list[Verdict]:
    """`sal_accepted` / `sal_rejected` in [since, until) for these leads, or, carrying no
    lead, for these accounts (a hand-off without a lead is keyed by its account)."""
    span, params = _span(since, until)
    rows = db.execute(
        "SELECT e.id, e.ts, e.type, e.lead, e.account, e.detail FROM events AS e"
        f" WHERE e.type IN ({_marks(VERDICTS)}){span}"
        f" AND (e.lead IN {KEYS} OR (e.lead IS NULL AND e.account IN {KEYS}))"
        " ORDER BY e.ts, e.id",
        [*VERDICTS, *params, _keys(leads), _keys(accounts)],
    ).fetchall()
    return [
        Verdict(int(i), from_micros(int(ts)), t, lead, a, detail)
        for i, ts, t, lead, a, detail in rows
    ]


def candidate_rows(
    db: sqlite3.Connection,
    tiers: Sequence[str],
    types: Sequence[str],
    minimum: int,
    since: dt.datetime | None,
    until: dt.datetime,
    notified_before: dt.datetime,
) -> list[ContactFacts]:
    """Contacts of `tiers` (any tier when empty) with at least `minimum` touches of `types`
    in [since, until), never the contact of a `sal_notified` before `notified_before`.

    A coarse sieve: the window is the generous floor, and seniority, function
    and firmographics are left to the domain, which reads titles its own way.
    The contacts handed off are read once (NOT IN over the `sal_notified`
    events), not sought per candidate among all of each one's events.
    """
    params: list[Any] = []
    source = "contacts AS c"
    if minimum > 0:
        span, window = _span(since, until)
        source = (
            "(SELECT e.contact AS key FROM events AS e"
            f" WHERE e.type IN ({_marks(types)}){span} AND e.contact IS NOT NULL"
            " GROUP BY e.contact HAVING total(e.quantity) >= ?) AS t"
            " JOIN contacts AS c ON c.key = t.key"
        )
        params = [*types, *window, minimum]
    where = ""
    if tiers:
        source += " JOIN accounts AS a ON a.key = c.account"
        where = f" AND a.tier IN ({_marks(tiers)})"
    rows = db.execute(
        f"SELECT c.key, c.account, c.title, c.seniority, c.function FROM {source}"
        " WHERE c.key NOT IN (SELECT n.contact FROM events AS n"
        f" WHERE n.type = ? AND n.ts < ? AND n.contact IS NOT NULL){where} ORDER BY c.key",
        [*params, HANDOFF, micros(notified_before), *tiers],
    ).fetchall()
    return [ContactFacts(*row) for row in rows]
