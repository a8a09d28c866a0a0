"""Opening a workspace file the one way slatui wants it, and its transactions.

WAL lets a reader (the TUI's compliance screen) run while another terminal
writes; `busy_timeout` makes a second writer wait instead of failing at once;
foreign keys are off by default in SQLite and must be switched on for every
connection. The connection may be used from worker threads, so the caller
serialises access (see `Store`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from store.db import Db
from store.errors import NotAWorkspace, WorkspaceBusy

BUSY_TIMEOUT_MS = 5000


def connect(path: Path) -> Db:
    """A configured connection; raises NotAWorkspace for a file SQLite cannot read."""
    conn = sqlite3.connect(
        path, check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NotAWorkspace(f"{path} is not a slatui workspace ({exc})") from None
    return Db(conn)


@contextmanager
def write_transaction(db: Db, path: object) -> Iterator[None]:
    """BEGIN IMMEDIATE: take the write lock before reading what we will change.

    A deferred transaction that reads first and writes later can fail with
    SQLITE_BUSY when another process committed in between; taking the lock up
    front makes read-check-write (revision checks) atomic across processes.
    """
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _busy(path, exc) from None
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


@contextmanager
def read_transaction(db: Db) -> Iterator[None]:
    """One snapshot for several SELECTs, so a version and its status agree."""
    conn = db.conn
    if conn.in_transaction:  # already inside a write: reads see its own changes
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


def _busy(path: object, exc: sqlite3.OperationalError) -> WorkspaceBusy | sqlite3.Error:
    if "locked" in str(exc) or "busy" in str(exc):
        return WorkspaceBusy(
            f"{path} is busy: another slatui is writing to it; try again in a moment"
        )
    return exc
