"""Targets the pilot supports, each with one sentence a person can check.

One rule for every measure, so the pair learns it once:

- **achievable**: what the pilot already reached in *most* of its complete
  weeks (more than half: 3 of 4), rounded the easy way;
- **stretch**: what it reached in *half* of them (2 of 4), rounded the hard
  way, and always harder than the achievable one (else there is none).

Counts too sparse for a weekly pace (most weeks had none) take the whole
pilot's pace instead. A cadence (a deliverable's rhythm) is kept when the
pilot kept it, never raised: 25 account reports in a month say the monthly
report happens, not that 27 should be promised. Shares (rates, coverage,
per-account counts) take the whole pilot's value: a week's cohort is too
small to say anything alone; achievable is that value rounded down to a
whole percent, stretch the next step of 5%.

Weekly values become the commitment's period by its length in weeks (a
month is 30.44 / 7 = 4.35 weeks, a quarter 13.04): "2 a week ≈ 8.7 a month".
Rounding is what people write in a contract: whole events, whole units of
the commitment's duration (32bh, not 31.4bh), whole percentages.

Too few items to support a number (fewer than `MIN_ITEMS` over the pilot, or
no complete week) gives a warning that says how many there are instead of a
number: such a commitment stays `directional` until there is more data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

from slatui.baselines.measure import Measured, Spread
from slatui.baselines.ranks import half, most, reached_in
from slatui.contract.model import (
    CadenceCommitment,
    CountCommitment,
    CoverageCommitment,
    RateCommitment,
    ResponseCommitment,
)

MIN_ITEMS = 10
"""Fewer items than this over the whole pilot support no number."""

DAYS = {
    "week": Fraction(7),
    "month": Fraction(3652425, 120000),
    "quarter": Fraction(3652425, 40000),
}
"""Average lengths in days (Gregorian year of 365.2425 days)."""


@dataclass(frozen=True)
class Target:
    """One suggested target: the keys it writes, how the contract says it, and why."""

    values: dict[str, object]
    text: str
    reasoning: str


@dataclass(frozen=True)
class Suggestion:
    """The achievable and stretch targets of one commitment, or why there are none."""

    achievable: Target | None = None
    stretch: Target | None = None
    warning: str | None = None
    notes: list[str] = field(default_factory=list)


def suggest(measured: Measured) -> Suggestion:
    """The targets the pilot supports for one commitment."""
    commitment = measured.commitment
    if isinstance(commitment, CoverageCommitment):
        return _share(measured, "min", "accounts")
    if isinstance(commitment, RateCommitment):
        return _share(measured, "min", "cohort members")
    if isinstance(commitment, CountCommitment) and commitment.per == "account":
        if commitment.min is None:
            return Suggestion(notes=["no per-account minimum yet: set min before a share"])
        return _share(measured, "share", "accounts")
    if isinstance(commitment, CadenceCommitment) and commitment.per == "account":
        reached = _pct(measured.pilot.actual)
        return Suggestion(notes=[f"every account, each period: {reached} reached it in the pilot"])
    timed = CountCommitment | CadenceCommitment | ResponseCommitment
    if isinstance(commitment, timed) and not measured.closed_weeks:
        return Suggestion(warning="the pilot has no complete week yet: no target from it")
    if isinstance(commitment, ResponseCommitment):
        assert measured.spread is not None
        return _response(measured, measured.spread)
    if isinstance(commitment, CadenceCommitment):
        return _cadence(measured, commitment)
    if isinstance(commitment, CountCommitment):
        return _count(measured, commitment)
    return Suggestion(notes=["a tracked figure: shown with its trend, no target"])


# ---------------------------------------------------------------- counts


def _cadence(measured: Measured, commitment: CadenceCommitment) -> Suggestion:
    """A deliverable's rhythm: did the pilot keep it? (Never "more reports".)

    A cadence promises a deliverable at least `min` times each period; a pilot
    that logged 25 account reports in a month says the rhythm holds, not that
    the pair should promise 27. So the suggestion is to keep the cadence when
    the pilot kept it (in most weeks for a weekly one, at the pilot's pace
    for longer periods), and a warning when it did not.
    """
    period, need = commitment.period or "month", commitment.min
    total = measured.pilot.basis or 0
    notes = [f"{total} in the {_days(measured)}-day pilot"]
    if period == "week":
        values = [w.actual or 0.0 for w in measured.closed_weeks]
        kept = sum(1 for v in values if v >= need)
        if kept < most(len(values)):
            return Suggestion(
                warning=f"delivered {need}+ times in only {kept} of {len(values)} weeks",
                notes=notes,
            )
        why = f"The pilot delivered at least {need} in {kept} of {len(values)} weeks."
    else:
        pace = total * float(DAYS[period] / _days(measured))
        if pace < need:
            return Suggestion(
                warning=f"the pilot's pace is {_n(pace)} a {period}, below {need}", notes=notes
            )
        why = f"The pilot's {total} in {_days(measured)} days is {_n(pace)} a {period}."
    keep = Target({"min": need}, f"at least {need} a {period}", why + " The rhythm holds.")
    return Suggestion(achievable=keep, notes=notes)


def _count(measured: Measured, commitment: CountCommitment) -> Suggestion:
    if commitment.min is None:
        return Suggestion(notes=["a ceiling (max only): not set from a pilot"])
    total = measured.pilot.basis or 0
    if total < MIN_ITEMS:
        return Suggestion(warning=_too_few(total, "events", MIN_ITEMS))
    period = commitment.period or "month"
    per = DAYS[period] / 7
    values = [w.actual for w in measured.closed_weeks]
    n = len(values)
    low = reached_in(values, most(n), higher_is_better=True) or 0.0
    high = reached_in(values, half(n), higher_is_better=True) or 0.0
    pace = total * float(DAYS[period] / _days(measured))
    notes = [f"{total} in the {_days(measured)}-day pilot: {_n(pace)} a {period}"]
    if math.floor(low * per) < 1:
        return _sparse(commitment, total, pace, period, _days(measured), notes)
    achievable = math.floor(low * per)
    why = f"the pilot reached {_n(low)} a week in {most(n)} of {n} weeks"
    if period != "week":
        why += f"; a {period} is {_n(float(per))} weeks: {_n(low * float(per))}, rounded down"
    stretch = max(_round(high * per), achievable + 1)
    stretch_why = f"half the pilot's weeks ({half(n)} of {n}) reached {_n(high)} a week"
    if period != "week":
        stretch_why += f": {_n(high * float(per))} a {period}, rounded"
    if stretch != _round(high * per):
        stretch_why += "; one more than achievable"
    return Suggestion(
        achievable=_count_target(commitment, achievable, period, why),
        stretch=_count_target(commitment, stretch, period, stretch_why),
        notes=notes,
    )


def _sparse(
    commitment: CountCommitment | CadenceCommitment,
    total: int,
    pace: float,
    period: str,
    days: int,
    notes: list[str],
) -> Suggestion:
    """Too few in most weeks for a weekly pace: the whole pilot's pace instead."""
    achievable = max(1, math.floor(pace))
    stretch = max(math.ceil(pace), achievable + 1)
    why = (
        f"most weeks had too few for a weekly pace; the pilot's {total} in {days} days "
        f"is {_n(pace)} a {period}, rounded down"
    )
    stretch_why = f"the pilot's pace of {_n(pace)} a {period}, rounded up"
    if stretch != math.ceil(pace):
        stretch_why = f"one more than achievable (the pilot's pace is {_n(pace)} a {period})"
    return Suggestion(
        achievable=_count_target(commitment, achievable, period, why),
        stretch=_count_target(commitment, stretch, period, stretch_why),
        notes=notes,
    )


def _count_target(
    commitment: CountCommitment | CadenceCommitment, value: int, period: str, why: str
) -> Target:
    values: dict[str, object] = {"min": value}
    ceiling = commitment.max if isinstance(commitment, CountCommitment) else None
    if ceiling is not None and ceiling < value:
        values["max"] = value
        why += f" (max raised from {_n(ceiling)} to match)"
    return Target(values, f"at least {value} a {period}", why[0].upper() + why[1:] + ".")


def _days(measured: Measured) -> int:
    start, end = measured.pilot.start, measured.pilot.end
    return (end.date() - start.date()).days


# ---------------------------------------------------------------- shares


def _share(measured: Measured, key: str, of: str) -> Suggestion:
    """Rates, coverage and per-account shares: from the whole pilot's value and its basis.

    A week's cohort (or a week's share of a monthly per-account minimum) is
    too small to say anything alone, so the pilot's value is the baseline:
    achievable is it rounded down to a whole percent, stretch the next step
    of 5% above that.
    """
    value, basis = measured.pilot.actual, measured.pilot.basis or 0
    if value is None or basis < MIN_ITEMS:
        return Suggestion(warning=_too_few(basis, of, MIN_ITEMS))
    achievable = math.floor(value * 100 + 1e-9)
    stretch = min(100, (achievable // 5 + 1) * 5)
    notes = [f"{_pct(value)} over the pilot, {basis} {of}"]
    if achievable <= 0:
        return Suggestion(warning=f"the pilot reached 0% ({basis} {of}): no target from it")
    why = f"The pilot reached {_pct(value)} ({basis} {of}), rounded down."
    stretch_why = f"The next step of 5% above the achievable {achievable}%."
    return Suggestion(
        achievable=Target({key: achievable / 100}, f"{achievable}%", why),
        stretch=None
        if stretch <= achievable
        else Target({key: stretch / 100}, f"{stretch}%", stretch_why),
        notes=notes,
    )


# ---------------------------------------------------------------- response


def _response(measured: Measured, spread: Spread) -> Suggestion:
    total = spread.answered + spread.unanswered
    if total < MIN_ITEMS:
        return Suggestion(warning=_too_few(total, "items", MIN_ITEMS))
    rows = zip(spread.weekly_within, spread.weekly_items, measured.weeks, strict=True)
    closed = [d for d, items, week in rows if week.closed and items > 0]
    n = len(closed)
    if n == 0:
        return Suggestion(warning="no complete week of the pilot had an item")
    unit, share = spread.unit, _pct(spread.share)
    low = reached_in(_floats(closed), most(n), higher_is_better=False)
    high = reached_in(_floats(closed), half(n), higher_is_better=False)
    if low is None:
        return Suggestion(
            warning=f"in most weeks fewer than {share} of the items were answered at all"
        )
    achievable = math.ceil(low)
    why = (
        f"In {most(n)} of {n} weeks {share} of the items were answered within "
        f"{_n(low)}{unit}, rounded up."
    )
    stretch = None
    if high is not None and math.ceil(high) < achievable:
        stretch = Target(
            {"within": f"{math.ceil(high)}{unit}"},
            f"within {math.ceil(high)}{unit}",
            f"In half the weeks ({half(n)} of {n}) {share} were answered within "
            f"{_n(high)}{unit}, rounded up.",
        )
    return Suggestion(
        achievable=Target({"within": f"{achievable}{unit}"}, f"within {achievable}{unit}", why),
        stretch=stretch,
        notes=[f"{spread.answered} items answered, {spread.unanswered} not (yet)"],
    )


def _floats(values: list[Fraction | None]) -> list[float | None]:
    return [None if v is None else float(v) for v in values]


# ---------------------------------------------------------------- wording


def _too_few(count: int, what: str, needed: int) -> str:
    noun = what.removesuffix("s") if count == 1 and what.endswith("s") else what
    return (
        f"only {count} {noun} in the pilot (a number needs at least {needed}): keep it directional"
    )


def _round(value: float) -> int:
    return math.floor(value + 0.5)


def _n(value: float) -> str:
    return f"{value:.3g}" if value != int(value) else f"{int(value)}"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.3g}%"
