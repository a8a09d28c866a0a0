"""What the pilot measured for each commitment: every week's value, and the whole pilot's.

Nothing here measures anything itself: each week of the pilot (the ISO weeks
its window covers, DESIGN §4's calendar-aligned periods) is one `evaluate`
of the agreement with that week's label, and the whole pilot one more with
`pilot`, so a baseline is exactly what the Compliance screen would have
said. Weeks that have not begun by `as_of` are left out; the week holding
`as_of` is kept but marked as not closed (its value is partial). Coverage is
measured now, not per week, and has the pilot's value only.

Response commitments also get the spread of their items' elapsed times over
the pilot (nearest-rank percentiles, see `ranks`), and for each week the
duration within which the commitment's `on_time` share was answered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from fractions import Fraction
from zoneinfo import ZoneInfo

from slatui.baselines.ranks import percentile, within_share
from slatui.compliance import periods as p
from slatui.compliance.evaluate import Evaluation, Judged, Selection, evaluate
from slatui.compliance.history import NO_HISTORY, Timeline
from slatui.compliance.reader import Reader
from slatui.compliance.response import Item
from slatui.contract.model import Contract, CoverageCommitment, ResponseCommitment
from slatui.duration import Unit


@dataclass(frozen=True)
class Value:
    """One commitment's figure over one week (or the whole pilot)."""

    label: str
    start: dt.datetime
    end: dt.datetime
    closed: bool
    status: str
    actual: float | None
    basis: int | None
    """The items behind the value (events for a count: the actual itself)."""


@dataclass(frozen=True)
class Spread:
    """A response commitment's elapsed times over the pilot, in the commitment's unit."""

    unit: Unit
    answered: int
    unanswered: int
    median: Fraction | None
    p80: Fraction | None
    p90: Fraction | None
    within_90: Fraction | None
    within_95: Fraction | None
    weekly_within: tuple[Fraction | None, ...]
    """Per week: the duration within which the commitment's on_time share was answered
    (None when no duration was long enough, or the week had no item)."""
    weekly_items: tuple[int, ...]
    """Per week: how many items started in it."""
    share: float
    """That share (the draft's on_time)."""


@dataclass(frozen=True)
class Measured:
    """Everything the pilot says about one commitment."""

    commitment: object
    weeks: tuple[Value, ...]
    pilot: Value
    spread: Spread | None = None

    @property
    def closed_weeks(self) -> tuple[Value, ...]:
        """The weeks that are over: the only ones a target is set from."""
        return tuple(w for w in self.weeks if w.closed)


def pilot_weeks(contract: Contract, as_of: dt.datetime) -> list[p.Period]:
    """The ISO weeks the pilot covers that have begun by `as_of`."""
    if contract.pilot is None:
        raise ValueError("the agreement has no [pilot]: there is no pilot to take baselines from")
    zone = ZoneInfo(contract.agreement.timezone)
    window = p.pilot_period(contract.pilot, zone)
    weeks = p.periods_overlapping("week", window.start, window.end, zone)
    return [w for w in weeks if w.start <= as_of]


def measure_pilot(
    contract: Contract, reader: Reader, as_of: dt.datetime, timeline: Timeline = NO_HISTORY
) -> list[Measured]:
    """Every commitment's weekly and whole-pilot values as of `as_of`."""
    weeks = pilot_weeks(contract, as_of)
    if not weeks:
        assert contract.pilot is not None
        raise ValueError(
            f"the pilot starts on {contract.pilot.start}: nothing is measured yet "
            "(baselines come from its weeks)"
        )
    weekly = [_evaluate(contract, reader, as_of, w.label, timeline) for w in weeks]
    whole = _evaluate(contract, reader, as_of, "pilot", timeline)
    assert contract.pilot is not None
    window = p.pilot_period(contract.pilot, ZoneInfo(contract.agreement.timezone))
    out = []
    for index, commitment in enumerate(contract.commitments):
        values = tuple(
            _value(e.commitments[index], w, as_of) for e, w in zip(weekly, weeks, strict=True)
        )
        if isinstance(commitment, CoverageCommitment):
            values = ()  # measured now, not per week: a week would only repeat it
        pilot = _value(whole.commitments[index], window, as_of)
        if as_of < pilot.end:  # a pilot still running: its pace is over the days behind it
            pilot = replace(pilot, end=as_of)
        spread = None
        if isinstance(commitment, ResponseCommitment):
            spread = _spread(commitment, whole, window, weeks)
        out.append(Measured(commitment, values, pilot, spread))
    return out


def _evaluate(
    contract: Contract, reader: Reader, as_of: dt.datetime, label: str, timeline: Timeline
) -> Evaluation:
    return evaluate(contract, reader, as_of, Selection.parse(label), timeline, escalate=False)


def _value(judged: Judged, period: p.Period, as_of: dt.datetime) -> Value:
    figure = judged.figure
    basis = figure.basis
    if basis is None and figure.actual is not None and figure.measure in ("count", "cadence"):
        basis = round(figure.actual)
    closed = p.state(period, as_of) == "closed"
    return Value(
        period.label, period.start, period.end, closed, figure.status, figure.actual, basis
    )


def _spread(
    commitment: ResponseCommitment,
    whole: Evaluation,
    window: p.Period,
    weeks: list[p.Period],
) -> Spread:
    items = [i for i in whole.items.get(commitment.id, []) if window.contains(i.start)]
    answered, unanswered = _elapsed(items)
    share = float(commitment.on_time)
    weekly, counts = [], []
    for week in weeks:
        done, open_ = _elapsed([i for i in items if week.contains(i.start)])
        weekly.append(within_share(done, open_, share))
        counts.append(len(done) + open_)
    unit: Unit = commitment.within.unit if commitment.within is not None else "h"
    return Spread(
        unit=unit,
        answered=len(answered),
        unanswered=unanswered,
        median=percentile(answered, Fraction(1, 2)),
        p80=percentile(answered, Fraction(4, 5)),
        p90=percentile(answered, Fraction(9, 10)),
        within_90=within_share(answered, unanswered, Fraction(9, 10)),
        within_95=within_share(answered, unanswered, Fraction(19, 20)),
        weekly_within=tuple(weekly),
        weekly_items=tuple(counts),
        share=share,
    )


def _elapsed(items: list[Item]) -> tuple[list[Fraction], int]:
    """The answered items' elapsed values, and how many are still unanswered."""
    answered = [i.elapsed.value for i in items if i.stop is not None]
    return answered, sum(1 for i in items if i.stop is None)
