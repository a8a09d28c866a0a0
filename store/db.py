"""The workspace connection: a small face over sqlite3, sqlite-utils on demand.

The store needs only a handful of calls (execute, query, table names); the
full sqlite-utils `Database` is built on the same connection the first time
something asks for it, so opening a workspace (and the workbench's first
frame) does not wait for sqlite-utils and its plugin machinery to import.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


class Db:
    """One configured sqlite3 connection, used by the store under its lock."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: Database | None = None

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run one statement; the cursor is returned for fetching."""
        return self.conn.execute(sql, parameters)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        """Run one statement for many rows (bulk imports)."""
        return self.conn.executemany(sql, rows)

    def query(
        self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()
    ) -> Iterator[dict[str, Any]]:
        """Rows as dicts keyed by column name, as sqlite-utils' `query` gives them."""
        cursor = self.conn.execute(sql, parameters)
        names = [column[0] for column in cursor.description or ()]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def table_names(self) -> list[str]:
        """Every table in the file."""
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [name for (name,) in rows]

    @property
    def utils(self) -> Database:
        """sqlite-utils on this connection, for what it does better than plain SQL."""
        if self._utils is None:
            from sqlite_utils import Database

            self._utils = Database(self.conn, execute_plugins=False)
        return self._utils

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
