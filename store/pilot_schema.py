"""Migration 2: the pilot's data — import batches, account and contact facts, events.

Every row of pilot data belongs to the batch that brought it, so undoing a
batch is one `DELETE FROM batches` whose foreign keys cascade to its events
and facts.

Accounts and contacts are *facts*: one row per key per batch holding what that
batch said (NULL = "this source does not say"). The `accounts` and `contacts`
tables are materialised from the facts, field by field the latest non-null
value in batch order, so undoing a batch restores what earlier batches said.

An event's `fingerprint` (a hash of ts, type, account, contact, lead, quantity
and detail) is UNIQUE: the same event imported again, from the same or another
file, is counted as a duplicate instead of being added twice. `ts` is the
instant as INTEGER microseconds since the Unix epoch (UTC): compact, exact and
cheap to compare and group in SQL.
"""

from __future__ import annotations

BATCHES = """
CREATE TABLE batches (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused after an undo
    file_name   TEXT    NOT NULL,
    sha256      TEXT,                               -- NULL for events logged by hand
    kind        TEXT    NOT NULL,   -- events / accounts / contacts / a preset's name / log
    preset      TEXT,
    tz          TEXT,               -- the zone naive times were placed in
    imported_at TEXT    NOT NULL,   -- fixed-width UTC text (store.timefmt)
    rows_read   INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
    imported    INTEGER NOT NULL DEFAULT 0 CHECK (imported >= 0),
    rejected    INTEGER NOT NULL DEFAULT 0 CHECK (rejected >= 0),
    skipped     INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0),   -- preamble, footer, blank
    duplicates  INTEGER NOT NULL DEFAULT 0 CHECK (duplicates >= 0),
    report      TEXT    NOT NULL DEFAULT '{}'        -- JSON: what the import saw
)
"""

ACCOUNT_FACTS = """
CREATE TABLE account_facts (
    batch       INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    key         TEXT    NOT NULL,
    name        TEXT,
    domain      TEXT,
    tier        TEXT,
    owner       TEXT,
    industry    TEXT,
    employees   INTEGER,
    country     TEXT,
    external_id TEXT,
    PRIMARY KEY (key, batch)
) WITHOUT ROWID
"""

ACCOUNTS = """
CREATE TABLE accounts (
    key         TEXT PRIMARY KEY,
    name        TEXT,
    domain      TEXT,
    tier        TEXT,
    owner       TEXT,
    industry    TEXT,
    employees   INTEGER,
    country     TEXT,
    external_id TEXT
)
"""

CONTACT_FACTS = """
CREATE TABLE contact_facts (
    batch     INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    key       TEXT    NOT NULL,
    account   TEXT,
    title     TEXT,
    seniority TEXT,
    function  TEXT,
    name      TEXT,
    email     TEXT,
    PRIMARY KEY (key, batch)
) WITHOUT ROWID
"""

CONTACTS = """
CREATE TABLE contacts (
    key       TEXT PRIMARY KEY,
    account   TEXT,
    title     TEXT,
    seniority TEXT,   -- NULL with a title: the title is unclassified
    function  TEXT,
    name      TEXT,
    email     TEXT
)
"""

EVENTS = """
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    batch       INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    ts          INTEGER NOT NULL,              -- UTC, microseconds since 1970-01-01
    type        TEXT    NOT NULL,
    account     TEXT,
    contact     TEXT,
    lead        TEXT,
    quantity    REAL    NOT NULL DEFAULT 1 CHECK (quantity >= 0),
    actor       TEXT,
    channel     TEXT,
    detail      TEXT,
    fingerprint BLOB    NOT NULL UNIQUE
)
"""

PILOT_DATA: tuple[str, ...] = (
    BATCHES,
    "CREATE UNIQUE INDEX batches_sha256 ON batches (sha256) WHERE sha256 IS NOT NULL",
    ACCOUNT_FACTS,
    "CREATE INDEX account_facts_batch ON account_facts (batch)",
    ACCOUNTS,
    "CREATE INDEX accounts_tier ON accounts (tier)",
    CONTACT_FACTS,
    "CREATE INDEX contact_facts_batch ON contact_facts (batch)",
    CONTACTS,
    "CREATE INDEX contacts_account ON contacts (account)",
    EVENTS,
    # What the measurements read: counts per type and period, per account and
    # type, response clocks per lead, a contact's history; and the undo.
    "CREATE INDEX events_type_ts ON events (type, ts)",
    "CREATE INDEX events_account_type_ts ON events (account, type, ts)",
    "CREATE INDEX events_lead_type_ts ON events (lead, type, ts)",
    "CREATE INDEX events_contact_ts ON events (contact, ts)",
    "CREATE INDEX events_batch ON events (batch)",
    # The Pilot screen's events table pages through all events in time order.
    "CREATE INDEX events_ts ON events (ts)",
)
"""The statements of migration 2, in order."""

MEASURE_INDEXES: tuple[str, ...] = (
    # Migration 3: one index that covers what the compliance engine reads of
    # an event type over a period: the clocks (ts, account, lead; the id is the
    # rowid every index carries), the tier join (account) and the sums
    # (quantity). A range of it is read instead of looking every row up in the
    # table. `events_type_ts` stays: it is the narrowest index for counts per type.
    "CREATE INDEX events_type_ts_cover ON events (type, ts, account, lead, quantity)",
)
"""The statements of migration 3: an existing workspace gets them when it is next opened."""
