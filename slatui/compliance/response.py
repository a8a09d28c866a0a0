"""Response items: one clock per start event, judged by the rules of DESIGN §4.

A `response` commitment runs a clock from each `start` event to the first
`stop` event for the same item. The store hands over the events of the
commitment's start, stop, `pause` and `resume` types as `ClockEvent`s; this
module turns them into `Item`s that say, as of a moment, where each clock
stands. The rules, and the choices made where DESIGN is silent:

- **Keys.** An event belongs to the item named by its `lead`, or by its
  account when it has no lead (an empty string counts as none). An event with
  neither is ignored: nothing says which clock it belongs to.
- **Order.** Events are taken by occurrence time, never by import order, and
  the event id breaks ties. An item's stop is the first stop event at or after
  its start (a stop at the very instant of the start stops it, with nothing
  elapsed); a stop that finds no open item ends nothing. So the first stop by
  time wins, and the order in which the events arrive never changes the items.
- **A second start** for a key whose item is still open is ignored (a repeated
  notification neither restarts nor doubles the clock). A start at or after
  the open item's stop opens a new item, whose stop is the next stop event.
- **Pauses.** A `pause` pauses the key's open item until the next `resume` or
  its stop; a second pause while paused and a resume while running are
  ignored, and so are pauses outside an item. Paused time never counts: not
  in the elapsed time, not towards the deadline, not towards an `overdue`
  escalation.
- **The deadline moves later by the paused time, measured in the
  commitment's unit**, for every pause that begins before the (already moved)
  deadline: `m`/`h` add the real paused time; `bm`/`bh` add the paused
  business time as business time; `bd` computes the `bd` deadline first, then
  adds the paused business time as business time after it (a 2bh pause moves
  Wed 10:00 to Wed 12:00); `d` adds the paused local wall-clock time in local
  wall-clock time (a pause from Sat 10:00 to Mon 10:00 moves the deadline two
  calendar days, to the same local time). A pause that begins after the
  deadline moves nothing: once overdue, a pause cannot make an item on time.
- **Judging** compares instants: an item is on time when it stopped at or
  before its deadline, overdue once `as_of` is after it. A business clock that
  stops outside working hours after its deadline is therefore late even though
  its elapsed business time equals `within` (due Mon 17:00, answered 18:00).
- **States.** Judged items are `on_time`, `late` (stopped), `open_overdue`,
  `paused`, `at_risk`, `open` (open, in that order of precedence: an overdue
  item is overdue even while paused, and a paused clock is not at risk
  because it is not running). `at_risk` means the deadline is within
  `warn_before` of `as_of`, by `warn_before`'s own unit. A directional
  commitment, or one without `within`, is never judged: its items are
  `open`, `paused` or `stopped`, and none counts in the on-time share.
- **Units.** Elapsed, paused and remaining time are counted the commitment's
  way; without `within` there is no agreed unit, and plain hours (`h`) are
  shown. Paused time under `bd` is shown in business hours, since that is how
  it moves the deadline and a business day has no fixed length.

Pure functions of their inputs; all instants of an `Item` are in UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from operator import itemgetter
from typing import Literal, NamedTuple

from slatui.clock import (
    BusinessOrigin,
    add_business_ticks,
    business_ticks_between,
    deadline,
    deadline_ticks,
    format_elapsed,
)
from slatui.compliance.reader import TickRow
from slatui.contract.model import ResponseCommitment
from slatui.duration import BUSINESS_UNITS, Duration, Unit
from slatui.workcal import TICKS_PER_SECOND, WorkCalendar, from_ticks, localize, to_ticks

PAUSE = "pause"
"""The event type that pauses an item's clock (DESIGN §4)."""

RESUME = "resume"
"""The event type that lets a paused clock run again."""

State = Literal["on_time", "late", "open", "open_overdue", "paused", "at_risk", "stopped"]

COUNTED_STATES: frozenset[str] = frozenset({"on_time", "late", "open_overdue"})
"""States that count in the on-time share: the judged ones, and overdue as late."""

Kind = Literal["start", "stop", "pause", "resume"]

_UNIT_TICKS: dict[str, int] = {
    "m": 60 * TICKS_PER_SECOND,
    "bm": 60 * TICKS_PER_SECOND,
    "h": 3600 * TICKS_PER_SECOND,
    "bh": 3600 * TICKS_PER_SECOND,
    "d": 86400 * TICKS_PER_SECOND,
}
_NAIVE_EPOCH = dt.datetime(1970, 1, 1)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_TICK = dt.timedelta(microseconds=1)
_CENT = Decimal("0.01")


# -- values ----------------------------------------------------------------------


@dataclass(frozen=True)
class ClockEvent:
    """An event as a response clock sees it; the store supplies these.

    `at` must be aware; `id` is the event's unique id and only breaks ties
    between events of the same kind at the same instant.
    """

    at: dt.datetime
    type: str
    account: str | None
    lead: str | None
    id: int

    @property
    def key(self) -> str | None:
        """The item the event belongs to: its lead, else its account (DESIGN §3)."""
        return self.lead or self.account or None


@dataclass(frozen=True)
class Pause:
    """One paused stretch of an item's clock; `end` is None while still paused."""

    start: dt.datetime
    end: dt.datetime | None


@dataclass(frozen=True)
class Amount:
    """A span of clock time counted the way its unit counts.

    `span` is real time for `m`/`h`, local wall-clock time for `d` and working
    time for `bm`/`bh`/`bd`; `value` is the same amount in the unit (1.5 for
    1.5bh), exact, so shares and comparisons never suffer from rounding.
    """

    span: dt.timedelta
    value: Fraction
    unit: Unit

    def __str__(self) -> str:
        """The amount as a figure shows it, rounded to hundredths: "3.5bh"."""
        return f"{_number(self.value)}{self.unit}"

    def words(self) -> str:
        """The span in the unit's words: "1 business hour 30 business minutes"."""
        return format_elapsed(_whole_seconds(self.span), self.unit)


@dataclass(frozen=True)
class Item:
    """One response clock as of `as_of`: when it ran, when it is due, how it stands.

    `start` is the start event's instant and `clock_start` the moment the clock
    began to run (the next working instant for business units). `deadline` is
    None when the commitment has no `within`; `remaining` (open items with a
    deadline only) turns negative once the item is overdue.
    """

    key: str
    account: str | None
    start: dt.datetime
    start_id: int
    clock_start: dt.datetime
    stop: dt.datetime | None
    stop_id: int | None
    deadline: dt.datetime | None
    pauses: tuple[Pause, ...]
    paused: Amount
    elapsed: Amount
    remaining: Amount | None
    state: State
    as_of: dt.datetime

    @property
    def counts_in_share(self) -> bool:
        """Stopped judged items count, and overdue ones as late (DESIGN §4)."""
        return self.state in COUNTED_STATES

    @property
    def is_open(self) -> bool:
        """True while no stop event has ended the clock."""
        return self.stop is None


# -- public functions ----------------------------------------------------------------


def response_items(
    commitment: ResponseCommitment,
    events: Iterable[ClockEvent],
    cal: WorkCalendar,
    as_of: dt.datetime,
) -> list[Item]:
    """Every item of a response commitment as of `as_of`, in order of their start.

    Events after `as_of` do not exist yet and are ignored. The commitment
    passed in should be the version in force when the items' clocks started,
    so that a later change of target does not rewrite history.
    """
    rows = ((e.id, to_ticks(e.at), e.type, e.account, e.lead, e.at) for e in events)
    limit = to_ticks(as_of)
    return _items(commitment, _by_key(commitment, rows, limit), cal, limit)


def response_items_at_ticks(
    commitment: ResponseCommitment,
    rows: Iterable[TickRow],
    cal: WorkCalendar,
    as_of: dt.datetime,
    origins: dict[int, BusinessOrigin] | None = None,
) -> list[Item]:
    """`response_items` on the store's `clock_ticks`: (id, microseconds since the epoch,
    type, account, lead), in any order; the same items, with no datetime on the way in.

    `origins` may be shared by the calls of one evaluation on one calendar: the
    `bd` clocks of the same instant (two commitments on the same start events)
    then work out their step deadlines once.
    """
    limit = to_ticks(as_of)
    return _items(commitment, _by_key_ticks(commitment, rows, limit), cal, limit, origins)


def on_time_share(items: Iterable[Item]) -> Fraction | None:
    """The share of counted items that were on time; None when none counts.

    No counted item is no data, not a breach, so there is no share to judge.
    """
    counted = [item for item in items if item.counts_in_share]
    if not counted:
        return None
    return Fraction(sum(item.state == "on_time" for item in counted), len(counted))


def overdue_since(item: Item, after: Duration, cal: WorkCalendar) -> dt.datetime | None:
    """When an `overdue` escalation on this item fell due, or None if it has not.

    That is the moment the item had been open for `after`, counted in
    `after`'s unit with its paused time left out (each pause that begins before
    that moment moves it later, as for the deadline). None when the item
    stopped by then, when `as_of` has not passed it yet, or when the item is
    paused as of now since before it: the moment is not known yet. A moment is
    still returned for an item that stopped later, so a resolved escalation
    can be shown as such.
    """
    if after.unit == "d":  # the `d` rule reads the start's wall time as given
        due = to_ticks(deadline(cal, item.start, after))
    else:
        due = deadline_ticks(cal, to_ticks(item.start), after)
    for pause in item.pauses:
        begin = to_ticks(pause.start)
        if begin >= due:
            break
        if pause.end is None:
            return None
        due = _moved(cal, after.unit, due, _measure(cal, after.unit, begin, to_ticks(pause.end)))
    end = to_ticks(item.stop if item.stop is not None else item.as_of)
    return _utc(due) if end > due else None


# -- grouping events into items -----------------------------------------------------------


Span = tuple[int, int | None]
"""A pause in ticks: (begin, end), the end None while the item is still paused."""

_Row = tuple[int, int, str, str | None, str | None, dt.datetime | None]
"""(id, ticks, type, account, lead, the instant as given if it came as a datetime)."""

_Event = tuple[int, int, Kind, str, str | None, dt.datetime | None]
"""An event as an item sees it: (ticks, id, kind, key, account, instant as given)."""

_BY_TIME = itemgetter(0, 1)


class _Trace(NamedTuple):
    """The events of one item: its start, its stop if any, and its pauses."""

    start: _Event
    stop: _Event | None
    pauses: tuple[Span, ...]

    @property
    def paused_now(self) -> bool:
        """True while the last pause has not been ended by a resume or the stop."""
        return bool(self.pauses) and self.pauses[-1][1] is None


def _items(
    commitment: ResponseCommitment,
    grouped: dict[str, list[_Event]],
    cal: WorkCalendar,
    limit: int,
    origins: dict[int, BusinessOrigin] | None = None,
) -> list[Item]:
    traces = [trace for key_events in grouped.values() for trace in _key_traces(key_events)]
    traces.sort(key=lambda trace: trace.start[:2])  # by start, then id
    judge = _Judge(commitment, cal, limit, {} if origins is None else origins)
    return [judge.item(trace) for trace in traces]


def _kinds(commitment: ResponseCommitment) -> dict[str, Kind]:
    """What each event type does to a clock; the commitment's own types come first."""
    kinds: dict[str, Kind] = {RESUME: "resume", PAUSE: "pause"}
    kinds.update(dict.fromkeys(commitment.stop, "stop"))
    kinds[commitment.start] = "start"
    return kinds


def _by_key(
    commitment: ResponseCommitment, rows: Iterable[_Row], limit: int
) -> dict[str, list[_Event]]:
    """The events that exist as of `limit`, per key, by occurrence time then id.

    An event's key is its lead, else its account (an empty string counts as none).
    """
    kinds = _kinds(commitment)
    kept: list[_Event] = []
    for ident, ticks, kind_name, account, lead, given in rows:
        kind = kinds.get(kind_name)
        key = lead or account or None
        if kind is not None and key is not None and ticks <= limit:
            kept.append((ticks, ident, kind, str(key), account, given))
    return _grouped(kept)


def _by_key_ticks(
    commitment: ResponseCommitment, rows: Iterable[TickRow], limit: int
) -> dict[str, list[_Event]]:
    """`_by_key` on the store's rows, which carry no instant as given: the same loop,
    without making each row a tuple one longer first (an evaluation reads tens of
    thousands of them)."""
    kinds = _kinds(commitment)
    kept: list[_Event] = []
    for ident, ticks, kind_name, account, lead in rows:
        kind = kinds.get(kind_name)
        key = lead or account or None
        if kind is not None and key is not None and ticks <= limit:
            kept.append((ticks, ident, kind, str(key), account, None))
    return _grouped(kept)


def _grouped(kept: list[_Event]) -> dict[str, list[_Event]]:
    """The events per key, each key's in order of occurrence time, then id."""
    kept.sort(key=_BY_TIME)
    grouped: dict[str, list[_Event]] = {}
    for event in kept:
        grouped.setdefault(event[3], []).append(event)
    return grouped


def _key_traces(events: list[_Event]) -> list[_Trace]:
    """The items of one key: each start not inside an open item, its first stop.

    A stop belongs to the first item whose start is at or before it; a stop
    with no open item (before any start, or between items) ends nothing.
    """
    if events[0][2] == "start" and (
        len(events) == 1 or (len(events) == 2 and events[1][2] == "stop")
    ):  # the usual key: one start, perhaps its stop (later: the events are in order)
        return [_Trace(events[0], events[1] if len(events) == 2 else None, ())]
    stops = [event for event in events if event[2] == "stop"]
    switches = [event for event in events if event[2] in ("pause", "resume")]
    traces: list[_Trace] = []
    index = 0
    for start in events:
        if start[2] != "start" or (traces and not _stopped_by(traces[-1], start)):
            continue
        while index < len(stops) and stops[index][0] < start[0]:
            index += 1
        stop = stops[index] if index < len(stops) else None
        index += 1
        pauses = _pauses(switches, start, stop) if switches else ()
        traces.append(_Trace(start, stop, pauses))
    return traces


def _stopped_by(trace: _Trace, start: _Event) -> bool:
    """True when the item stopped at or before `start`, so `start` opens a new one."""
    return trace.stop is not None and trace.stop[0] <= start[0]


def _pauses(switches: Sequence[_Event], start: _Event, stop: _Event | None) -> tuple[Span, ...]:
    """The item's pauses: from a pause to the next resume, or to the stop."""
    low = start[0]
    high = None if stop is None else stop[0]
    spans: list[Span] = []
    begin: int | None = None
    for ticks, _, kind, _, _, _ in switches:
        if ticks < low or (high is not None and ticks >= high):
            continue
        if kind == "pause" and begin is None:
            begin = ticks
        elif kind == "resume" and begin is not None:
            spans.append((begin, ticks))
            begin = None
    if begin is not None:
        spans.append((begin, high))
    return tuple(spans)


# -- judging one item ----------------------------------------------------------------------


class _Judge:
    """Judges the items of one commitment as of one moment.

    What every item shares is worked out once: the unit, the instant judged
    and, for `warn_before`, the deadline a clock started at `as_of` would have.
    """

    def __init__(
        self,
        commitment: ResponseCommitment,
        cal: WorkCalendar,
        limit: int,
        origins: dict[int, BusinessOrigin],
    ) -> None:
        within = commitment.within
        self.origins = origins
        self.commitment = commitment
        self.cal = cal
        self.limit = limit
        self.within = within
        self.budget = None if within is None else Fraction(within.amount)  # once, not per item
        self.unit: Unit = within.unit if within is not None else "h"
        self.business = self.unit in BUSINESS_UNITS
        self.rolled: dict[int, int] = {}
        self.instants: dict[int, dt.datetime] = {}
        self.as_of = _utc(limit)
        self.no_pause = _paused_amount(self.unit, 0)
        self._warned: list[int] = []

    def item(self, trace: _Trace) -> Item:
        """The item a trace describes, with its times counted in the commitment's unit."""
        cal, unit, within = self.cal, self.unit, self.within
        first, last = trace.start, trace.stop
        start = first[0]
        stop = None if last is None else last[0]
        end = self.limit if stop is None else stop
        clock_start = cal.next_working_ticks(start) if self.business else start
        origin = self.origin(clock_start) if unit == "bd" else None
        if trace.pauses:
            closed = [(begin, end if until is None else until) for begin, until in trace.pauses]
            paused = sum(_measure(cal, unit, begin, until) for begin, until in closed)
            pauses = tuple(_pause(begin, until) for begin, until in trace.pauses)
            paused_amount = _paused_amount(unit, paused)
        else:
            closed, paused, pauses, paused_amount = [], 0, (), self.no_pause
        running = _measure(cal, unit, start, end) - paused
        elapsed = self.amount(running, clock_start)
        base = None if within is None else self.deadline(first, within, origin)
        due = base if base is None or not closed else _extended(cal, unit, base, closed)
        left = None
        if base is not None and stop is None:
            left = _measure(cal, unit, start, base) - running
        item = _new_item()
        item.__dict__.update(
            key=first[3],
            account=first[4],
            start=_EPOCH + _TICK * start,
            start_id=first[1],
            clock_start=self.instant(clock_start),
            stop=None if stop is None else _EPOCH + _TICK * stop,
            stop_id=None if last is None else last[1],
            deadline=None if due is None else self.instant(due),
            pauses=pauses,
            paused=paused_amount,
            elapsed=elapsed,
            remaining=_remaining(self.budget, left, elapsed),
            state=self.state(stop, due, trace.paused_now),
            as_of=self.as_of,
        )
        return item

    def instant(self, ticks: int) -> dt.datetime:
        """A clock start or deadline in UTC; many items share one (a window's start)."""
        found = self.instants.get(ticks)
        if found is None:
            found = self.instants[ticks] = _EPOCH + _TICK * ticks
        return found

    def origin(self, clock_start: int) -> BusinessOrigin:
        """The `bd` clock from a working instant (shared by the items that start there)."""
        found = self.origins.get(clock_start)
        if found is None:
            found = self.origins[clock_start] = BusinessOrigin(self.cal, clock_start)
        return found

    def amount(self, ticks: int, clock_start: int) -> Amount:
        """Running clock time as an Amount; `bd` needs the calendar to count days.

        Business days follow the `bd` rule (`elapsed_business_days`): the running
        business time is laid out from the clock's start without pauses, and the
        instant reached is measured in business days, so the value reaches N
        exactly at the (moved) N bd deadline.
        """
        unit, cal = self.unit, self.cal
        if unit != "bd":
            return _amount(ticks * _TICK, Fraction(ticks, _UNIT_TICKS[unit]), unit)
        rolled = self.rolled.get(clock_start)
        if rolled is None:  # elapsed_business_days rolls its start to a working instant
            rolled = self.rolled[clock_start] = cal.next_working_ticks(clock_start)
        origin = self.origin(rolled)
        # No working time lies between clock_start and the working instant it rolls
        # to, so the working ticks from the origin to `reached` are `ticks` itself.
        first = origin.length(0)
        if 0 < ticks < first:  # short of step 1: `elapsed_days_worked` needs no instant
            return _amount(ticks * _TICK, Fraction(ticks, first), unit)
        reached = add_business_ticks(cal, clock_start, ticks) if ticks > 0 else clock_start
        return _amount(ticks * _TICK, origin.elapsed_days_worked(reached, ticks), unit)

    def deadline(self, start: _Event, within: Duration, origin: BusinessOrigin | None) -> int:
        """The item's deadline before pauses, by the rule of `within`'s unit."""
        if origin is not None:  # bd: the steps counted from the clock's start
            return origin.step(within.whole)
        given = start[5]
        if within.unit == "d" and given is not None:  # the wall time as given
            return to_ticks(deadline(self.cal, given, within))
        return deadline_ticks(self.cal, start[0], within)

    def state(self, stop: int | None, due: int | None, paused_now: bool) -> State:
        """The item's state by the precedence in the module docstring."""
        if due is None or self.commitment.directional:
            if stop is not None:
                return "stopped"
            return "paused" if paused_now else "open"
        if stop is not None:
            return "on_time" if stop <= due else "late"
        if self.limit > due:
            return "open_overdue"
        if paused_now:
            return "paused"
        warn = self.commitment.warn_before
        if warn is not None and self.warned(warn) >= due:
            return "at_risk"
        return "open"

    def warned(self, warn: Duration) -> int:
        """The `warn_before` deadline from `as_of`: an open item due by then is at risk."""
        if not self._warned:
            moment = from_ticks(self.limit, self.cal.zone)
            self._warned.append(to_ticks(deadline(self.cal, moment, warn)))
        return self._warned[0]


def _new_item() -> Item:
    """An `Item` without its fields, for `_Judge.item` to fill in at once.

    A frozen dataclass sets each of its 14 fields through `object.__setattr__`,
    which costs more than a microsecond per item; an evaluation makes tens of
    thousands. `Item` has no defaults, no `__post_init__` and no slots, so
    filling its `__dict__` with every field gives the very object the
    constructor would (equal, with the same repr); the caller must pass them all.
    """
    return object.__new__(Item)


def _amount(span: dt.timedelta, value: Fraction, unit: Unit) -> Amount:
    """`Amount(span, value, unit)` filled in directly, as `_new_item` does and for the
    same reason: one or two per item, and the frozen constructor's `__setattr__`s
    cost as much as working the amount out."""
    amount: Amount = object.__new__(Amount)
    amount.__dict__.update(span=span, value=value, unit=unit)
    return amount


def _pause(begin: int, until: int | None) -> Pause:
    return Pause(_utc(begin), None if until is None else _utc(until))


def _remaining(budget: Fraction | None, left: int | None, elapsed: Amount) -> Amount | None:
    """Clock time left for an open item: `budget` (`within`'s amount) less the running
    time so far.

    Counted from the clock rather than from the calendar, so a paused item
    keeps the time it had when it paused. For `bd` the value is whole business
    days less the elapsed business days, and the span is working time.
    """
    if budget is None or left is None:
        return None
    return _amount(left * _TICK, budget - elapsed.value, elapsed.unit)


# -- counting time --------------------------------------------------------------------------


def _measure(cal: WorkCalendar, unit: str, low: int, high: int) -> int:
    """Ticks from `low` to `high` counted as `unit` counts (never negative)."""
    if high <= low:
        return 0
    if unit in BUSINESS_UNITS:
        return business_ticks_between(cal, low, high)
    if unit == "d":
        return max(0, _wall(cal, high) - _wall(cal, low))
    return high - low


def _moved(cal: WorkCalendar, unit: str, due: int, amount: int) -> int:
    """`due` moved later by `amount` ticks counted in `unit` (the pause rule)."""
    if amount <= 0:
        return due
    if unit in BUSINESS_UNITS:
        return add_business_ticks(cal, due, amount)
    if unit == "d":
        wall = from_ticks(due, cal.zone).replace(tzinfo=None) + amount * _TICK
        return to_ticks(localize(wall, cal.zone))
    return due + amount


def _extended(cal: WorkCalendar, unit: str, due: int, pauses: list[tuple[int, int]]) -> int:
    """The deadline after the pauses that began before it, taken in order."""
    for begin, until in pauses:
        if begin < due:
            due = _moved(cal, unit, due, _measure(cal, unit, begin, until))
    return due


def _wall(cal: WorkCalendar, ticks: int) -> int:
    """The local wall-clock reading of an instant, as ticks of a naive clock."""
    return (from_ticks(ticks, cal.zone).replace(tzinfo=None) - _NAIVE_EPOCH) // _TICK


def _paused_amount(unit: Unit, ticks: int) -> Amount:
    """Paused time in the commitment's unit; under `bd` in business hours."""
    shown: Unit = "bh" if unit == "bd" else unit
    return Amount(ticks * _TICK, Fraction(ticks, _UNIT_TICKS[shown]), shown)


# -- display -------------------------------------------------------------------------------


def _number(value: Fraction) -> str:
    """A fraction rounded half up to hundredths, without trailing zeros."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    text = format(exact.quantize(_CENT, rounding=ROUND_HALF_UP), "f")
    text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _whole_seconds(span: dt.timedelta) -> int:
    """Whole seconds of a span, truncated towards zero."""
    ticks = span // _TICK
    return ticks // TICKS_PER_SECOND if ticks >= 0 else -(-ticks // TICKS_PER_SECOND)


def _utc(ticks: int) -> dt.datetime:
    """The instant in UTC (what `from_ticks(ticks, dt.UTC)` gives, without the conversion).

    `_TICK * ticks` is `timedelta(microseconds=ticks)` without the keyword parsing,
    which costs as much again; items convert tens of thousands of instants.
    """
    return _EPOCH + _TICK * ticks
