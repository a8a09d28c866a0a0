"""Judging `rate` commitments (a cohort converting within a window) and `track` figures.

A rate's cohort is the period's denominator events (SALs notified in
November); each is converted when a numerator event for the same item (its
`lead`, else its account) happens at or after it and before its window runs
out (`within`, by the rules of the clock). A cohort member whose window is
still open as of the judgement is *pending*: it may still convert. So a
closed period is `met` once the converted share reaches the minimum (it can
only grow), `missed` once even every pending member converting could not
reach it, and `at_risk` in between; the current period is `on_track` or
`at_risk` on the share so far.

`track` figures have no target (`tracked`): the deal cycle (median calendar
days from `opportunity_created` to `closed_won` / `closed_lost` for deals
closed in the period), the win rate (won over decided, the tier's accounts
against the rest) and the cost per SAL (the period's `spend` quantity over
its SALs).
"""

from __future__ import annotations

import datetime as dt
import statistics
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice
from operator import itemgetter

from slatui.clock import deadline
from slatui.compliance.reader import ClockRow, Reader, TickRow
from slatui.compliance.volume import Figure, Status, Window, event_types
from slatui.contract.model import RateCommitment, TrackCommitment
from slatui.workcal import WorkCalendar, to_ticks

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_TICK = dt.timedelta(microseconds=1)  # `_TICK * ticks`: a timedelta without keyword parsing
_TICKS = itemgetter(1)
WON, LOST, OPENED = "closed_won", "closed_lost", "opportunity_created"
SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class Cohort:
    """A rate's cohort as of the judgement."""

    size: int
    converted: int
    pending: int

    @property
    def share(self) -> float | None:
        """Converted over the cohort (None for an empty cohort)."""
        return self.converted / self.size if self.size else None


def key_of(row: ClockRow | TickRow) -> str | None:
    """The item an event follows: its lead, else its account."""
    return row[4] if row[4] is not None else row[3]


def cohort(
    commitment: RateCommitment, window: Window, rows: Sequence[TickRow], cal: WorkCalendar
) -> Cohort:
    """The period's denominator events and how many converted within the window.

    `rows` are the store's `clock_ticks` (instants in microseconds, in time
    order); a member's window ends at its deadline by the rules of the clock.
    Events before the period count for nothing (a conversion is at or after
    its member), so they are skipped unread.
    """
    wanted = set(event_types(commitment.numerator))
    denominator = commitment.denominator
    low, high, now = to_ticks(window.start), to_ticks(window.until), to_ticks(window.as_of)
    starts: list[tuple[int, str | None]] = []
    reached: dict[str, list[int]] = {}
    for _, ticks, kind, account, lead in islice(rows, bisect_left(rows, low, key=_TICKS), None):
        key = lead if lead is not None else account  # key_of
        if kind == denominator and low <= ticks < high:
            starts.append((ticks, key))
        if kind in wanted and key is not None:
            reached.setdefault(key, []).append(ticks)
    converted = pending = 0
    for ticks, key in starts:
        hits = [t for t in reached.get(key or "", []) if ticks <= t <= now]
        if commitment.within is None:
            converted += bool(hits)
            continue
        limit = deadline(cal, _EPOCH + _TICK * ticks, commitment.within)
        edge = to_ticks(limit)
        if any(t < edge for t in hits):
            converted += 1
        elif limit > window.as_of:
            pending += 1
    return Cohort(len(starts), converted, pending)


def measure_rate(
    commitment: RateCommitment, window: Window, reader: Reader, cal: WorkCalendar
) -> Figure:
    """A rate commitment in one period."""
    types = [commitment.denominator, *event_types(commitment.numerator)]
    figure = _Maker(commitment.id, commitment.measure, window.label)
    if not reader.has_events([commitment.denominator]):
        return figure("no_data", None, None, f"no {commitment.denominator} event imported")
    rows = reader.clock_ticks(types, until=window.as_of, tier=commitment.tier)
    found = cohort(commitment, window, rows, cal)
    actual = found.share
    says = f"{found.converted} of {found.size} converted, {found.pending} may still"
    if actual is None:
        return figure("no_data", None, commitment.min, f"no {commitment.denominator} in the period")
    if commitment.directional or commitment.min is None:
        return replace(figure("tracked", actual, None, says), basis=found.size)
    goal = float(commitment.min)
    best = (found.converted + found.pending) / found.size
    status: Status
    if window.state == "closed":
        status = "met" if actual >= goal else ("missed" if best < goal else "at_risk")
    else:
        status = "on_track" if actual >= goal else "at_risk"
    return replace(figure(status, actual, goal, says), basis=found.size)


# ---------------------------------------------------------------- track


def measure_track(commitment: TrackCommitment, window: Window, reader: Reader) -> Figure:
    """A figure with its value and no target."""
    figure = _Maker(commitment.id, commitment.measure, window.label)
    if commitment.metric == "cost_per_sal":
        spend = reader.event_total(["spend"], window.start, window.until, tier=commitment.tier)
        sals = reader.event_total(
            ["sal_notified"], window.start, window.until, tier=commitment.tier
        )
        if not sals or not reader.has_events(["spend"]):
            return figure("no_data", None, None, "no spend, or no SAL, in the period")
        return figure("tracked", spend / sals, None, f"{spend:g} spent over {sals:g} SALs")
    rows = reader.clock_events([OPENED, WON, LOST], until=window.as_of)
    deals = _deals(rows, window)
    if commitment.metric == "deal_cycle_days":
        tier = set(reader.tier_accounts(commitment.tier)) if commitment.tier else None
        days = [d.days for d in deals if tier is None or d.account in tier]
        if not days:
            return figure("no_data", None, None, "no deal closed in the period")
        return figure("tracked", statistics.median(days), None, f"median of {len(days)} deals")
    return _win_rate(commitment, deals, reader, figure)


@dataclass(frozen=True)
class _Deal:
    account: str | None
    won: bool
    days: float


def _deals(rows: Sequence[ClockRow], window: Window) -> list[_Deal]:
    """Deals decided in the window, with the calendar days since they were opened."""
    opened: dict[str, dt.datetime] = {}
    deals: list[_Deal] = []
    for row in rows:
        key = key_of(row)
        if key is None:
            continue
        if row[2] == OPENED:
            opened.setdefault(key, row[1])
        elif window.start <= row[1] < window.until and key in opened:
            seconds = (row[1] - opened.pop(key)).total_seconds()
            deals.append(_Deal(row[3], row[2] == WON, seconds / SECONDS_PER_DAY))
    return deals


def _win_rate(
    commitment: TrackCommitment, deals: Sequence[_Deal], reader: Reader, figure: _Maker
) -> Figure:
    tier = set(reader.tier_accounts(commitment.tier)) if commitment.tier else None
    ours = [d for d in deals if tier is None or d.account in tier]
    rest = [d for d in deals if tier is not None and d.account not in tier]
    if not ours:
        return figure("no_data", None, None, "no deal decided in the period")
    rate = sum(d.won for d in ours) / len(ours)
    says = f"{sum(d.won for d in ours)} won of {len(ours)}"
    if rest:
        says += f"; the rest: {sum(d.won for d in rest)} won of {len(rest)}"
    return figure("tracked", rate, None, says)


@dataclass(frozen=True)
class _Maker:
    commitment: str
    measure: str
    period: str

    def __call__(
        self, status: Status, actual: float | None, target: float | None, reason: str
    ) -> Figure:
        return Figure(
            self.commitment, self.measure, self.period, status, actual, target, reason=reason
        )
