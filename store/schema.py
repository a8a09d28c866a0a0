"""The workspace schema as an append-only list of migrations.

`PRAGMA user_version` records how many migrations a file has had. Later work
(accounts, contacts, events, import batches) appends to `MIGRATIONS`; a
released migration is never edited, because workspaces in the field already
ran it. Each migration runs in one transaction together with the version bump,
so a crash leaves the file at the previous version, never half-migrated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from store.connection import write_transaction
from store.db import Db
from store.errors import NotAWorkspace, WorkspaceTooNew
from store.pilot_schema import MEASURE_INDEXES, PILOT_DATA

# "SLAT": marks the file as a slatui workspace, so a foreign SQLite file is refused.
APPLICATION_ID = 0x534C4154

Step = str | Callable[[Db], None]
Migration = Sequence[Step]

_VERSIONS = """
CREATE TABLE versions (
    number     INTEGER PRIMARY KEY CHECK (number >= 1),
    toml       TEXT    NOT NULL,            -- canonical to_toml(), signoffs included
    digest     TEXT    NOT NULL,            -- content digest, kept in step with toml
    agreed_at  TEXT,                        -- set iff both signatures are valid
    revision   INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    source     TEXT    NOT NULL
)
"""

_LOG = """
CREATE TABLE version_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT    NOT NULL,
    version INTEGER NOT NULL REFERENCES versions (number),
    action  TEXT    NOT NULL
            CHECK (action IN ('imported', 'edited', 'signed', 'new version')),
    party   TEXT,
    name    TEXT,
    detail  TEXT    NOT NULL DEFAULT ''
)
"""

MIGRATIONS: list[Migration] = [
    # 1: versions of the agreement and the log of what was done to them.
    (
        _VERSIONS,
        "CREATE INDEX versions_agreed_at ON versions (agreed_at)",
        _LOG,
        "CREATE INDEX version_log_version ON version_log (version)",
        f"PRAGMA application_id = {APPLICATION_ID}",
    ),
    # 2: the pilot's data: import batches, account and contact facts, events.
    PILOT_DATA,
    # 3: a covering index for the compliance engine's reads of events by type and time.
    MEASURE_INDEXES,
]


def user_version(db: Db) -> int:
    """How many migrations the file has had."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Db, path: object) -> None:
    """Bring the file up to date; refuse files that are not ours or are too new."""
    _check_identity(db, path)
    if user_version(db) >= len(MIGRATIONS):
        return  # current: a plain read, so readers never queue behind a long import
    while True:
        with write_transaction(db, path):
            done = user_version(db)  # re-read under the write lock: another process may migrate
            if done >= len(MIGRATIONS):
                return
            _apply(db, MIGRATIONS[done])
            db.execute(f"PRAGMA user_version = {done + 1}")


def _check_identity(db: Db, path: object) -> None:
    app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    done = user_version(db)
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and (done or db.table_names())):
        raise NotAWorkspace(f"{path} is an SQLite file of another application, not a workspace")
    if done > len(MIGRATIONS):
        raise WorkspaceTooNew(
            f"{path} was written by a newer slatui (schema {done}, this one knows "
            f"{len(MIGRATIONS)}); upgrade slatui to open it"
        )


def _apply(db: Db, migration: Migration) -> None:
    for step in migration:
        if isinstance(step, str):
            db.execute(step)
        else:
            step(db)
