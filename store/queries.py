"""The SQL of the versions and their log; rows stay inside the store package.

Callers hold the store's lock and, for writes, a write transaction; these
functions only say what to read or change.
"""

from __future__ import annotations

from typing import Any

from store.db import Db

Row = dict[str, Any]

_COLUMNS = "number, toml, revision, created_at, updated_at, source"


def latest_number(db: Db) -> int | None:
    """The highest version number, or None on an empty workspace."""
    value = db.execute("SELECT MAX(number) FROM versions").fetchone()[0]
    return None if value is None else int(value)


def in_force_number(db: Db, at: str | None = None) -> int | None:
    """The newest version agreed by `at` (stored UTC text), or agreed at all."""
    if at is None:
        cursor = db.execute("SELECT MAX(number) FROM versions WHERE agreed_at IS NOT NULL")
    else:
        cursor = db.execute("SELECT MAX(number) FROM versions WHERE agreed_at <= ?", [at])
    value = cursor.fetchone()[0]
    return None if value is None else int(value)


def version_row(db: Db, number: int) -> Row | None:
    """One version's row, if it exists."""
    rows = list(db.query(f"SELECT {_COLUMNS} FROM versions WHERE number = ?", [number]))
    return rows[0] if rows else None


def version_rows(db: Db) -> list[Row]:
    """Every version's row, ascending."""
    return list(db.query(f"SELECT {_COLUMNS} FROM versions ORDER BY number"))


def insert_version(db: Db, number: int, values: Row, *, at: str, source: str) -> None:
    """A new version at revision 1; `values` holds toml, digest and agreed_at."""
    db.execute(
        "INSERT INTO versions (number, toml, digest, agreed_at, revision, created_at,"
        " updated_at, source) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
        [number, values["toml"], values["digest"], values["agreed_at"], at, at, source],
    )


def update_version(db: Db, number: int, values: Row, *, at: str) -> None:
    """New content (or signatures) for a version; the revision moves on by one."""
    db.execute(
        "UPDATE versions SET toml = ?, digest = ?, agreed_at = ?, revision = revision + 1,"
        " updated_at = ? WHERE number = ?",
        [values["toml"], values["digest"], values["agreed_at"], at, number],
    )


def insert_log(db: Db, entry: Row) -> None:
    """Record one action (keys: at, version, action, party, name, detail)."""
    db.execute(
        "INSERT INTO version_log (at, version, action, party, name, detail)"
        " VALUES (:at, :version, :action, :party, :name, :detail)",
        entry,
    )


def log_rows(db: Db) -> list[Row]:
    """The whole log in the order things happened."""
    return list(
        db.query("SELECT at, version, action, party, name, detail FROM version_log ORDER BY id")
    )
