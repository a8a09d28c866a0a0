"""Evaluate a whole agreement as of a moment: every commitment's figure and the escalations.

Which period a commitment is judged over (`Selection`):

- by default, its own period (`period = "month"`) containing `as_of`;
- a granularity (`week`, `month`, `quarter`): that period containing `as_of`;
- a label (`2026-11`, `2026-W45`, `2026-Q4`): that period;
- `pilot`: the pilot's window.

When the judged period is not the commitment's own (a monthly "2 to 3 SALs"
over a week, or over the 4-week pilot), its targets are scaled by the judged
period's real duration over that of the commitment's period around it, so
that the pilot is judged as `partial_periods = "prorate"` says; under
`"count"` the target is kept whole, and under `"exclude"` such a commitment is
left out (reported with status `excluded`).

Versions: with a `Timeline` of the versions in force, every response item is
judged under the commitment as it stood when the item's clock started, and a
closed period under the commitment in force when the period closed; the
agreement passed in governs the rest (the open period, and everything before
the first agreement).

Escalations: `overdue` from each response commitment's items, `missed` from
the commitment's closed periods since the first event, the engagement kinds
from the events, and `rejected_share` from each closed or current period's
cohort of SALs. Every escalation raised by `as_of` is listed; `open` says
whether it is still open then.

Reads: one evaluation shares them (`SharedReads`): each event type's clock
events are read once and serve every commitment, rate and escalation that
asks for them; a figure per commitment and period is worked out once (the
`missed` escalation goes back over every closed period); the engagement
escalations read no touch too late to be due. Python's cyclic collector is
paused while an evaluation runs (see `_collector_paused`).
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from operator import attrgetter
from typing import Literal
from zoneinfo import ZoneInfo

from slatui.clock import BusinessOrigin
from slatui.compliance import periods as p
from slatui.compliance.conversion import measure_rate, measure_track
from slatui.compliance.decided import decided_at
from slatui.compliance.engagement import (
    answer_types,
    engagement_escalations_grouped,
    engaging_types,
    group_times,
    touch_bound,
    touch_types,
)
from slatui.compliance.history import NO_HISTORY, Timeline
from slatui.compliance.overdue import overdue_escalations
from slatui.compliance.raised import Raised
from slatui.compliance.reader import Reader, TickRow
from slatui.compliance.rejections import TYPES as REJECTION_TYPES
from slatui.compliance.rejections import rejected_share_escalations
from slatui.compliance.response import COUNTED_STATES, Item, response_items_at_ticks
from slatui.compliance.shared import SharedReads
from slatui.compliance.streaks import missed_streaks
from slatui.compliance.volume import Figure, Status, Window, measure_count, measure_coverage
from slatui.contract.model import (
    CadenceCommitment,
    Contract,
    CountCommitment,
    CoverageCommitment,
    EngagedNoConversionEscalation,
    EngagedUnansweredEscalation,
    MissedEscalation,
    OverdueEscalation,
    RateCommitment,
    RejectedShareEscalation,
    ResponseCommitment,
    TrackCommitment,
)
from slatui.contract.types import Period as Granularity
from slatui.workcal import WorkCalendar, to_ticks

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_START = attrgetter("start")
_BY_DUE = attrgetter("since", "escalation", "subject")  # a (since, rule, subject) tuple, in C


def _instant(ticks: int) -> dt.datetime:
    return _EPOCH + dt.timedelta(microseconds=ticks)


ItemCounts = dict[str, int]
STATES = ("on_time", "late", "open", "open_overdue", "paused", "at_risk")


@dataclass(frozen=True)
class Selection:
    """What `--period` asked for: nothing (each commitment's own), a granularity, pilot, a label."""

    kind: Literal["own", "week", "month", "quarter", "pilot", "label"] = "own"
    label: str | None = None

    @classmethod
    def parse(cls, text: str | None) -> Selection:
        """`None`, `week`, `month`, `quarter`, `pilot` or a period label."""
        if text is None:
            return cls()
        if text in ("week", "month", "quarter", "pilot"):
            return cls(text)  # type: ignore[arg-type]
        return cls("label", text.strip())


@dataclass(frozen=True)
class Judged:
    """One commitment's figure, the period it was judged over, and its items' states."""

    figure: Figure
    party: str | None
    tier: str | None
    period: p.Period | None
    items: ItemCounts | None = None

    def as_json(self) -> dict[str, object]:
        """The JSON of `slatui compliance` for one commitment."""
        out = self.figure.as_json()
        out["party"] = self.party
        out["tier"] = self.tier
        out["period"] = None if self.period is None else self.period.as_json()
        if self.items is not None:
            out["items"] = dict(self.items)
        return out


@dataclass(frozen=True)
class Evaluation:
    """Everything the Compliance screen and `slatui compliance` show."""

    as_of: dt.datetime
    commitments: list[Judged]
    escalations: list[Raised] = field(default_factory=list)
    items: dict[str, list[Item]] = field(default_factory=dict)
    """Every response commitment's items as of the judgement, by commitment id."""

    def as_json(self) -> dict[str, object]:
        """Plain values: figures, and the escalations with `open` as of the judgement."""
        return {
            "as_of": self.as_of.isoformat(),
            "commitments": [j.as_json() for j in self.commitments],
            "escalations": [
                r.as_json() | {"open": r.open_at(self.as_of)} for r in self.escalations
            ],
        }


def evaluate(
    contract: Contract,
    reader: Reader,
    as_of: dt.datetime,
    selection: Selection = Selection(),
    timeline: Timeline = NO_HISTORY,
    *,
    escalate: bool = True,
) -> Evaluation:
    """Judge every commitment and raise every escalation as of `as_of`.

    Without `escalate` only the figures are judged (a trend over past weeks
    needs no escalations, and they are the costliest part).
    """
    with _collector_paused():
        return _evaluate(contract, reader, as_of, selection, timeline, escalate)


def _evaluate(
    contract: Contract,
    reader: Reader,
    as_of: dt.datetime,
    selection: Selection,
    timeline: Timeline,
    escalate: bool,
) -> Evaluation:
    cal = WorkCalendar.from_contract(contract)
    zone = ZoneInfo(contract.agreement.timezone)
    context = _Context(contract, SharedReads.over(reader), cal, as_of, zone, timeline)
    judged = [context.judge(c, selection) for c in contract.commitments]
    escalations: list[Raised] = []
    for escalation in contract.escalations if escalate else []:
        escalations += context.escalate(escalation)
    escalations.sort(key=_BY_DUE)
    for commitment in contract.commitments:
        if isinstance(commitment, ResponseCommitment):
            context.items(commitment)
    return Evaluation(as_of, judged, escalations, dict(context.cache))


class _Collector:
    """Python's cyclic garbage collector, paused while evaluations run."""

    lock = threading.Lock()
    running = 0  # evaluations running now
    was_on = False  # whether the collector ran before the first of them


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while evaluations run, as it was after.

    An evaluation of a big workspace makes some hundred thousand small
    objects (rows, items, escalations) that all live until it returns and hold
    no reference cycles: the collector would trace them over and over (about a
    fifth of the time) and free nothing. Reference counting still frees
    everything as usual; the collector is switched back on when the last
    evaluation running (in any thread) is done.
    """
    with _Collector.lock:
        if _Collector.running == 0:
            _Collector.was_on = gc.isenabled()
            gc.disable()
        _Collector.running += 1
    try:
        yield
    finally:
        with _Collector.lock:
            _Collector.running -= 1
            if _Collector.running == 0 and _Collector.was_on:
                gc.enable()


def selected_period(
    contract: Contract, selection: Selection, own: Granularity, as_of: dt.datetime
) -> p.Period:
    """The period `selection` picks for a commitment whose own period is `own`.

    BadPeriod for a label that is no period, or `pilot` without a [pilot].
    """
    zone = ZoneInfo(contract.agreement.timezone)
    fiscal = contract.agreement.fiscal_year_start
    if selection.kind == "pilot":
        if contract.pilot is None:
            raise p.BadPeriod("the agreement has no [pilot] to judge")
        return p.pilot_period(contract.pilot, zone)
    if selection.kind == "label":
        assert selection.label is not None
        return p.parse_period(selection.label, zone, fiscal)
    kind = own if selection.kind == "own" else selection.kind
    return p.period_containing(kind, as_of, zone, fiscal)


@dataclass(frozen=True)
class _Context:
    contract: Contract
    reader: SharedReads
    cal: WorkCalendar
    as_of: dt.datetime
    zone: ZoneInfo
    timeline: Timeline
    cache: dict[str, list[Item]] = field(default_factory=dict)  # items per commitment
    origins: dict[int, BusinessOrigin] = field(default_factory=dict)  # bd clocks by their start
    figures: dict[tuple[object, ...], Judged] = field(default_factory=dict)  # by period

    @property
    def fiscal(self) -> int:
        return self.contract.agreement.fiscal_year_start

    # ------------------------------------------------------------ periods

    def own_period(self, kind: Granularity, moment: dt.datetime) -> p.Period:
        return p.period_containing(kind, moment, self.zone, self.fiscal)

    def chosen(self, kind: Granularity, selection: Selection) -> p.Period:
        return selected_period(self.contract, selection, kind, self.as_of)

    def window(self, judged: p.Period, own: Granularity) -> Window | None:
        """The judged period as a Window, its share of the commitment's own period."""
        share = Fraction(1)
        if judged.kind != own:
            rule = self.contract.agreement.partial_periods
            if rule == "exclude":
                return None
            if rule == "prorate":
                around = self.own_period(own, judged.start)
                share = Fraction(_seconds(judged), _seconds(around))
        state = p.state(judged, self.as_of)
        elapsed = p.elapsed_share(judged, self.as_of)
        return Window(judged.label, judged.start, judged.end, state, self.as_of, elapsed, share)

    # ------------------------------------------------------------ commitments

    def judge(self, commitment: object, selection: Selection) -> Judged:
        assert isinstance(
            commitment,
            CountCommitment
            | CadenceCommitment
            | ResponseCommitment
            | RateCommitment
            | CoverageCommitment
            | TrackCommitment,
        )
        base = (commitment.party, commitment.tier)
        if isinstance(commitment, CoverageCommitment):
            figure = measure_coverage(commitment, "now", self.reader)
            return Judged(figure, *base, None)
        own: Granularity = commitment.period or "month"
        period = self.chosen(own, selection)
        window = self.window(period, own)
        if window is None:
            excluded = Figure(commitment.id, commitment.measure, period.label, "no_data", None)
            return Judged(excluded, *base, period)
        return self._measure(commitment, window, period)

    def governing(self, commitment: _Measured, period: p.Period) -> _Measured:
        """The commitment as the version in force when a closed period closed had it."""
        if p.state(period, self.as_of) != "closed":
            return commitment
        last = period.end - dt.timedelta(microseconds=1)
        found = self.timeline.commitment(commitment.id, last, commitment)
        return found if isinstance(found, type(commitment)) else commitment

    def _measure(
        self,
        commitment: CountCommitment
        | CadenceCommitment
        | ResponseCommitment
        | RateCommitment
        | TrackCommitment,
        window: Window,
        period: p.Period,
    ) -> Judged:
        """The commitment's figure over a period, worked out once per evaluation (the
        `missed` escalation goes over every closed period since the first event)."""
        key = (id(commitment), period.kind, to_ticks(window.start), to_ticks(window.end))
        found = self.figures.get(key)
        if found is None:
            found = self.figures[key] = self._measured(commitment, window, period)
        return found

    def _measured(self, commitment: _Measured, window: Window, period: p.Period) -> Judged:
        commitment = self.governing(commitment, period)
        base = (commitment.party, commitment.tier)
        if isinstance(commitment, CountCommitment | CadenceCommitment):
            return Judged(measure_count(commitment, window, self.reader), *base, period)
        if isinstance(commitment, RateCommitment):
            return Judged(measure_rate(commitment, window, self.reader, self.cal), *base, period)
        if isinstance(commitment, TrackCommitment):
            return Judged(measure_track(commitment, window, self.reader), *base, period)
        figure, counts = self.response(commitment, window)
        return Judged(figure, *base, period, counts)

    def items(self, commitment: ResponseCommitment) -> list[Item]:
        """The commitment's items as of the judgement (read once: figures and escalations)."""
        if commitment.id in self.cache:
            return self.cache[commitment.id]
        types = [commitment.start, *commitment.stop, "pause", "resume"]
        rows: list[TickRow] = []  # no start, no item: stops and pauses alone start no clock
        if self.reader.has_events([commitment.start]):
            rows = self.reader.clock_ticks(types, until=self.as_of, tier=commitment.tier)
        items = response_items_at_ticks(commitment, rows, self.cal, self.as_of, self.origins)
        forms = [
            c
            for c in self.timeline.variants(commitment.id, commitment)[1:]
            if isinstance(c, ResponseCommitment)
            and (c.start, c.stop, c.tier) == (commitment.start, commitment.stop, commitment.tier)
        ]
        if forms:
            cal, as_of, origins = self.cal, self.as_of, self.origins
            judged = [
                (c, {i.start_id: i for i in response_items_at_ticks(c, rows, cal, as_of, origins)})
                for c in forms
            ]
            items = [self._as_governed(item, commitment, judged) for item in items]
        self.cache[commitment.id] = items
        return items

    def _as_governed(
        self,
        item: Item,
        current: ResponseCommitment,
        forms: list[tuple[ResponseCommitment, dict[int, Item]]],
    ) -> Item:
        """The item as judged under the form of `current` in force when it started.

        The events and their pairing into items are the same under every form
        (they share start, stop and tier), so each form judges them all and
        the item is taken from the one that governed its start.
        """
        governing = self.timeline.commitment(current.id, item.start, current)
        if governing == current:
            return item
        found = next((by_start for form, by_start in forms if form == governing), None)
        return item if found is None else found.get(item.start_id, item)

    def response(self, commitment: ResponseCommitment, window: Window) -> tuple[Figure, ItemCounts]:
        # The items are in order of their start instant (`response_items`), and an item
        # compares with the window's bounds by instant, so those in the window are one
        # run of them: two binary searches, not a comparison across time zones per item.
        every = self.items(commitment)
        low = bisect_left(every, window.start, key=_START)
        items = every[low : bisect_left(every, window.end, lo=low, key=_START)]
        counts = dict.fromkeys(STATES, 0)
        for item in items:
            counts[item.state if item.state in counts else "open"] += 1
        counted = [i for i in items if i.state in COUNTED_STATES]
        on_time = sum(1 for i in counted if i.state == "on_time")
        actual = on_time / len(counted) if counted else None
        status = _response_status(commitment, window, actual, bool(items), self.reader)
        target = None if commitment.directional else float(commitment.on_time)
        reason = f"{on_time} of {len(counted)} judged items on time; {len(items)} items"
        figure = Figure(
            commitment.id,
            "response",
            window.label,
            status,
            actual,
            target,
            reason=reason,
            basis=len(counted),
        )
        return figure, counts

    # ------------------------------------------------------------ escalations

    def escalate(self, escalation: object) -> list[Raised]:
        if isinstance(escalation, OverdueEscalation):
            commitment = self.commitment(escalation.commitment)
            if not isinstance(commitment, ResponseCommitment):
                return []
            return overdue_escalations(escalation, self.items(commitment), self.cal)
        if isinstance(escalation, MissedEscalation):
            return self.missed(escalation)
        if isinstance(escalation, EngagedUnansweredEscalation | EngagedNoConversionEscalation):
            return self.engagement(escalation)
        if isinstance(escalation, RejectedShareEscalation):
            return self.rejections(escalation)
        return []

    def commitment(self, ident: str | None) -> object | None:
        return next((c for c in self.contract.commitments if c.id == ident), None)

    def missed(self, escalation: MissedEscalation) -> list[Raised]:
        commitment = self.commitment(escalation.commitment)
        first = self.reader.first_event_at()
        measured = CountCommitment | CadenceCommitment | ResponseCommitment | RateCommitment
        if first is None or not isinstance(commitment, measured | TrackCommitment):
            return []
        if self.as_of <= first:
            return []  # judged before anything happened: no period to have missed
        own: Granularity = commitment.period or "month"
        history = p.periods_overlapping(own, first, self.as_of, self.zone, self.fiscal)
        judged: list[tuple[p.Period, Status]] = []
        decided: dict[str, dt.datetime] = {}
        for period in history:
            if p.state(period, self.as_of) != "closed":
                continue
            window = self.window(period, own)
            assert window is not None
            status = self._measure(commitment, window, period).figure.status
            judged.append((period, status))
            if isinstance(commitment, ResponseCommitment) and status in ("met", "missed"):
                governing = self.governing(commitment, period)
                on_time = float(getattr(governing, "on_time", commitment.on_time))
                items = self.items(commitment)
                decided[period.label] = decided_at(items, period, on_time, self.as_of)
        return missed_streaks(escalation, judged, decided)

    def engagement(
        self, escalation: EngagedUnansweredEscalation | EngagedNoConversionEscalation
    ) -> list[Raised]:
        tier = escalation.tier
        if tier is None and escalation.commitment is not None:
            tier = getattr(self.commitment(escalation.commitment), "tier", None)
        touches = touch_types(self.contract)
        engaging = engaging_types(escalation, touches)
        if not engaging:
            return []
        # Touches too late to be due by now change nothing: they are not read.
        limit = to_ticks(self.as_of)
        until = _instant(min(limit, touch_bound(escalation.after, limit)))
        touched = group_times(self.reader.account_times(engaging, until=until, tier=tier))
        answers = self.reader.account_times(answer_types(escalation), until=self.as_of, tier=tier)
        answered = group_times(answers)
        return engagement_escalations_grouped(escalation, touched, answered, self.cal, self.as_of)

    def rejections(self, escalation: RejectedShareEscalation) -> list[Raised]:
        """At least `min` of a closed period's SALs rejected (see `rejections`)."""
        first = self.reader.first_event_at()
        if first is None or self.as_of <= first:
            return []
        rows = self.reader.clock_ticks(REJECTION_TYPES, until=self.as_of)
        kind = escalation.period
        history = p.periods_overlapping(kind, first, self.as_of, self.zone, self.fiscal)
        return rejected_share_escalations(escalation, rows, history, self.as_of)


_Measured = (
    CountCommitment | CadenceCommitment | ResponseCommitment | RateCommitment | TrackCommitment
)


def _response_status(
    commitment: ResponseCommitment,
    window: Window,
    actual: float | None,
    any_items: bool,
    reader: Reader,
) -> Status:
    if not reader.has_events([commitment.start]):
        return "no_data"
    if commitment.directional or commitment.within is None:
        return "tracked"
    if actual is None:
        return "no_data" if not any_items else ("on_track" if window.state != "closed" else "met")
    good = actual >= commitment.on_time
    if window.state == "closed":
        return "met" if good else "missed"
    return "on_track" if good else "at_risk"


def _seconds(period: p.Period) -> int:
    return int(period.duration.total_seconds())
