"""One evaluation's reads, shared: what several figures ask of the store is read once.

An evaluation asks the store the same questions many times over: the SALs
and calls of tier 2 for two response commitments, a rate and a count; the
accounts of a tier for every per-account figure; whether a type was ever
imported. `SharedReads` wraps a `Reader` for the span of one evaluation and

- reads the clock events of each event type once (every tier, up to the
  moment asked), and answers each `clock_ticks` / `clock_events` request from
  them: the tier's accounts filter them (the store's tier rule, DESIGN §3: an
  event counts for a tier through its account, one without an account only
  where no tier is asked), and the types are merged in time order, then id,
  as the store orders them;
- remembers the answers to the plain questions (has_events, tier_accounts,
  first_event_at, the sums), which are asked again with the same arguments.

The answers are the store's answers, row for row; only the number of reads
changes. It is meant to live as long as one evaluation: the workspace may
change between two.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from operator import itemgetter

from slatui.compliance.reader import AccountTick, ClockRow, Reader, TickRow

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_BY_TIME = itemgetter(1, 0)
_TICK = dt.timedelta(microseconds=1)
_SumKey = tuple[tuple[str, ...], int | None, int | None, str | None]


def _instant(moment: dt.datetime | None) -> int | None:
    """A key for an instant: aware datetimes of one zone compare by wall time (PEP 495),
    so two instants an autumn night repeats would be one key; microseconds never are."""
    return None if moment is None else (moment - _EPOCH) // _TICK


class SharedReads:
    """A `Reader` that reads each event type's clock events once and remembers answers."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        self._by_type: dict[tuple[str, int | None, str | None], list[TickRow]] = {}
        self._members: dict[str, frozenset[str]] = {}
        self._accounts: dict[str | None, list[str]] = {}
        self._has: dict[tuple[str, ...], bool] = {}
        self._totals: dict[_SumKey, float] = {}
        self._by_account: dict[_SumKey, dict[str, float]] = {}
        self._first: list[dt.datetime | None] = []

    @classmethod
    def over(cls, reader: Reader) -> SharedReads:
        """`reader` itself when it already shares its reads, else a wrapper around it."""
        return reader if isinstance(reader, SharedReads) else cls(reader)

    # ------------------------------------------------------------ remembered answers

    def event_total(
        self,
        types: Sequence[str],
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        *,
        tier: str | None = None,
    ) -> float:
        key = (tuple(types), _instant(since), _instant(until), tier)
        if key not in self._totals:
            self._totals[key] = self._reader.event_total(types, since, until, tier=tier)
        return self._totals[key]

    def event_totals_by_account(
        self,
        types: Sequence[str],
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        *,
        tier: str | None = None,
    ) -> dict[str, float]:
        key = (tuple(types), _instant(since), _instant(until), tier)
        if key not in self._by_account:
            found = self._reader.event_totals_by_account(types, since, until, tier=tier)
            self._by_account[key] = found
        return dict(self._by_account[key])

    def has_events(self, types: Sequence[str]) -> bool:
        key = tuple(types)
        if key not in self._has:
            self._has[key] = self._reader.has_events(types)
        return self._has[key]

    def tier_accounts(self, tier: str | None) -> list[str]:
        if tier not in self._accounts:
            self._accounts[tier] = self._reader.tier_accounts(tier)
        return list(self._accounts[tier])

    def coverage(self, tier: str | None, field: str) -> tuple[int, int]:
        return self._reader.coverage(tier, field)

    def first_event_at(self) -> dt.datetime | None:
        if not self._first:
            self._first.append(self._reader.first_event_at())
        return self._first[0]

    def account_ticks(
        self, types: Sequence[str], *, until: dt.datetime | None = None, tier: str | None = None
    ) -> list[AccountTick]:
        return self._reader.account_ticks(types, until=until, tier=tier)

    def account_times(
        self, types: Sequence[str], *, until: dt.datetime | None = None, tier: str | None = None
    ) -> list[tuple[str, int]]:
        return self._reader.account_times(types, until=until, tier=tier)

    # ------------------------------------------------------------ clock events

    def clock_ticks(
        self, types: Sequence[str], *, until: dt.datetime | None = None, tier: str | None = None
    ) -> list[TickRow]:
        """The events of `types` before `until` (on accounts of `tier`), by time, then id."""
        parts = [self._of_type(kind, until, tier) for kind in dict.fromkeys(types)]
        rows: list[TickRow] = []
        for part in parts:
            rows += part
        if sum(1 for part in parts if part) > 1:
            rows.sort(key=_BY_TIME)  # each part is in order already: a merge of runs
        return rows

    def clock_events(
        self, types: Sequence[str], *, until: dt.datetime | None = None, tier: str | None = None
    ) -> list[ClockRow]:
        """`clock_ticks` with aware UTC datetimes, as the store's `clock_events` gives them."""
        return [
            (ident, _EPOCH + _TICK * ticks, kind, account, lead)
            for ident, ticks, kind, account, lead in self.clock_ticks(types, until=until, tier=tier)
        ]

    def _of_type(self, kind: str, until: dt.datetime | None, tier: str | None) -> list[TickRow]:
        """One type's events before `until` on accounts of `tier` (read once for every tier)."""
        key = (kind, _instant(until), tier)
        found = self._by_type.get(key)
        if found is None:
            if tier is None:
                found = self._reader.clock_ticks([kind], until=until)
            else:
                every = self._of_type(kind, until, None)
                members = self._tier_members(tier) if every else frozenset()
                found = [row for row in every if row[3] in members]
            self._by_type[key] = found
        return found

    def _tier_members(self, tier: str) -> frozenset[str]:
        if tier not in self._members:
            self._members[tier] = frozenset(self.tier_accounts(tier))
        return self._members[tier]
