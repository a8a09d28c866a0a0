"""The measurements' half of `Store`: what a commitment's figure is computed from.

Reads only: the compliance engine (domain code) asks for sums, per-account
sums, clock events and coverage per period and tier, and does the judging
itself, so the SQL stays here and the rules of the clock stay in one place.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from store import measure_queries as q
from store.connection import read_transaction
from store.db import Db


class MeasureData:
    """Mixed into `Store`; relies on the attributes `Store.__init__` sets."""

    _db: Db
    _lock: threading.RLock

    def event_total(
        self,
        types: Sequence[str],
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        *,
        tier: str | None = None,
    ) -> float:
        """The summed quantity of events of `types` in [since, until) on accounts of `tier`."""
        with self._measure_reading():
            return q.total(self._db.conn, types, since, until, tier)

    def event_totals_by_account(
        self,
        types: Sequence[str],
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        *,
        tier: str | None = None,
    ) -> dict[str, float]:
        """The same sums per account; accounts without such events are absent (zero)."""
        with self._measure_reading():
            return q.totals_by_account(self._db.conn, types, since, until, tier)

    def has_events(self, types: Sequence[str]) -> bool:
        """Whether any event of these types was ever imported (no data is not a breach)."""
        with self._measure_reading():
            return q.has_events(self._db.conn, types)

    def tier_accounts(self, tier: str | None) -> list[str]:
        """The keys of the tier's accounts (all accounts for None)."""
        with self._measure_reading():
            return q.tier_accounts(self._db.conn, tier)

    def coverage(self, tier: str | None, field: str) -> tuple[int, int]:
        """(accounts of the tier with `field` set, accounts of the tier); ValueError for a
        field accounts do not have."""
        with self._measure_reading():
            return q.coverage(self._db.conn, tier, field)

    def clock_events(
        self,
        types: Sequence[str],
        *,
        until: dt.datetime | None = None,
        tier: str | None = None,
    ) -> list[q.ClockRow]:
        """(id, occurred_at, type, account, lead) of the events a response clock reads."""
        with self._measure_reading():
            return q.clock_rows(self._db.conn, types, until, tier)

    def clock_ticks(
        self,
        types: Sequence[str],
        *,
        until: dt.datetime | None = None,
        tier: str | None = None,
    ) -> list[q.TickRow]:
        """`clock_events` with the instants in microseconds: (id, ts, type, account, lead)."""
        with self._measure_reading():
            return q.clock_ticks(self._db.conn, types, until, tier)

    def account_ticks(
        self,
        types: Sequence[str],
        *,
        until: dt.datetime | None = None,
        tier: str | None = None,
    ) -> list[q.AccountTick]:
        """(account, type, occurred_at in microseconds) of the events with an account,
        in no particular order."""
        with self._measure_reading():
            return q.account_ticks(self._db.conn, types, until, tier)

    def account_times(
        self,
        types: Sequence[str],
        *,
        until: dt.datetime | None = None,
        tier: str | None = None,
    ) -> list[tuple[str, int]]:
        """(account, occurred_at in microseconds) of the events with an account,
        in no particular order: `account_ticks` without the type."""
        with self._measure_reading():
            return q.account_times(self._db.conn, types, until, tier)

    def first_event_at(self) -> dt.datetime | None:
        """When the earliest event happened, if there is one."""
        with self._measure_reading():
            return q.first_event_at(self._db.conn)

    @contextmanager
    def _measure_reading(self) -> Iterator[None]:
        with self._lock, read_transaction(self._db):
            yield
