"""What the compliance engine reads, as one protocol: the store's `MeasureData` has it.

Domain code never imports the store; it names the reads it needs here, and
each measure takes a `Reader` (tests may pass anything with these methods).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

ClockRow = tuple[int, dt.datetime, str, str | None, str | None]
"""(event id, occurred_at UTC, type, account, lead), in time order."""

TickRow = tuple[int, int, str, str | None, str | None]
"""(event id, UTC microseconds, type, account, lead): a `ClockRow` with the instant as stored."""

AccountTick = tuple[str, str, int]
"""(account, type, UTC microseconds): the engagement rules' compact rows."""


class Reader(Protocol):
    """Sums, per-account sums, clock events, coverage and the first event's time."""

    def event_total(
        self,
        types: Sequence[str],
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        *,
        tier: str | None = None,
    ) -> float: ...

    def event_totals_by_account(
        self,
        types: Sequence[str],
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        *,
        tier: str | None = None,
    ) -> dict[str, float]: ...

    def has_events(self, types: Sequence[str]) -> bool: ...

    def tier_accounts(self, tier: str | None) -> list[str]: ...

    def coverage(self, tier: str | None, field: str) -> tuple[int, int]: ...

    def clock_events(
        self, types: Sequence[str], *, until: dt.datetime | None = None, tier: str | None = None
    ) -> list[ClockRow]: ...

    def clock_ticks(
        self, types: Sequence[str], *, until: dt.datetime | None = None, tier: str | None = None
    ) -> list[TickRow]: ...

    def account_ticks(
        self, types: Sequence[str], *, until: dt.datetime | None = None, tier: str | None = None
    ) -> list[AccountTick]: ...

    def account_times(
        self, types: Sequence[str], *, until: dt.datetime | None = None, tier: str | None = None
    ) -> list[tuple[str, int]]: ...

    def first_event_at(self) -> dt.datetime | None: ...
