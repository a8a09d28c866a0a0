"""The generator's state: the dates, the accounts, the events so far, what is reserved.

One object is threaded through every step so that each step can see what
the earlier ones did (who already had a SAL this month, which account must
stay quiet for a planted case) while the random stream stays a single
`random.Random(seed)`: the same seed replays the same world.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field

from slatui.demo.cases import PlantedCase
from slatui.demo.names import SALES_MANAGER
from slatui.demo.rows import AccountRow, ContactRow, Event
from slatui.demo.rules import Rules
from slatui.demo.timing import Timeline

Span = tuple[dt.datetime, dt.datetime]
HISTORY_MONTHS = 3
"""Months of history before the pilot's month: enough for a 90-day escalation and
for two closed months before the pilot (the `missed` rule needs two in a row)."""

SPARSE_WEEKS = 6
"""Weeks at the start of the history with no background engagement, so that no
account other than the planted one is engaged early enough for its 90 days to run
out during the pilot."""


@dataclass(frozen=True)
class DemoDates:
    """The calendar of the story, all derived from the agreement's [pilot]."""

    history_start: dt.date
    dense_from: dt.date
    pilot_start: dt.date
    pilot_end: dt.date
    months: tuple[tuple[int, int], ...]

    @property
    def last_day(self) -> dt.date:
        """The pilot's last day: events run up to it, inclusive."""
        return self.pilot_end - dt.timedelta(days=1)

    @classmethod
    def around(cls, start: dt.date, end: dt.date) -> DemoDates:
        """History from the first Monday of the month three months before the pilot's."""
        months = []
        year, month = start.year, start.month
        for back in range(HISTORY_MONTHS, -1, -1):
            index = year * 12 + month - 1 - back
            months.append((index // 12, index % 12 + 1))
        first = dt.date(*months[0], 1)
        history_start = first + dt.timedelta(days=(7 - first.weekday()) % 7)
        return cls(
            history_start=history_start,
            dense_from=history_start + dt.timedelta(weeks=SPARSE_WEEKS),
            pilot_start=start,
            pilot_end=end,
            months=tuple(months),
        )


@dataclass
class World:
    """Everything generated so far, and the constraints later steps must respect."""

    rng: random.Random
    time: Timeline
    rules: Rules
    dates: DemoDates
    accounts: list[AccountRow] = field(default_factory=list)
    contacts: dict[str, list[ContactRow]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    cases: list[PlantedCase] = field(default_factory=list)
    reserved: set[str] = field(default_factory=set)
    quiet_sales: dict[str, list[Span]] = field(default_factory=dict)
    quiet_touches: dict[str, list[Span]] = field(default_factory=dict)
    unanswered_ok: dict[str, Span] = field(default_factory=dict)
    unconverted_ok: set[str] = field(default_factory=set)
    sal_uses: Counter[str] = field(default_factory=Counter)
    _ids: Counter[str] = field(default_factory=Counter)

    # ------------------------------------------------------------ reading

    def tier(self, tier: str) -> list[AccountRow]:
        """The accounts of a tier, in key order."""
        return [a for a in self.accounts if a.tier == tier]

    def seller(self, account: AccountRow) -> str:
        """Who acts for sales on the account: its owner, else the Sales Manager."""
        return account.owner or SALES_MANAGER

    @property
    def horizon(self) -> dt.datetime:
        """The end of the pilot (local midnight after its last day): what is due by then."""
        return self.time.at(self.dates.pilot_end, 0)

    def free(self, key: str) -> bool:
        """True unless a planted case has reserved the account for its own story."""
        return key not in self.reserved

    def sales_quiet(self, key: str, at: dt.datetime) -> bool:
        """True when no sales touch may land on the account at `at` (a planted silence)."""
        return any(start <= at < end for start, end in self.quiet_sales.get(key, ()))

    def touch_quiet(self, key: str, at: dt.datetime) -> bool:
        """True when no background engagement may land on the account at `at`."""
        return any(start <= at <= end for start, end in self.quiet_touches.get(key, ()))

    # ------------------------------------------------------------ writing

    def add(self, event: Event) -> Event:
        """Record an event; returns it for chaining."""
        self.events.append(event)
        return event

    def new_id(self, prefix: str) -> str:
        """The next id of a series: SAL-0001, SAL-0002, ..."""
        self._ids[prefix] += 1
        return f"{prefix}-{self._ids[prefix]:04d}"

    def silence_sales(self, key: str, start: dt.datetime, end: dt.datetime) -> None:
        """Keep every sales touch off the account in [start, end)."""
        self.quiet_sales.setdefault(key, []).append((start, end))

    def silence_touches(self, key: str, start: dt.datetime, end: dt.datetime) -> None:
        """Keep background engagement off the account in [start, end]."""
        self.quiet_touches.setdefault(key, []).append((start, end))
