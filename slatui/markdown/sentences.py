"""One sentence per commitment, stating every number and unit it is judged by.

When the parties wrote the clause themselves, their sentence leads and the
measured terms follow ("Measured: ..."), because a paraphrase can drift from
the number the tool actually checks; the reader signs both. A number adopted
from the pilot says so next to it, with what was measured and who adopted
it: the evidence is signed with the number.
"""

from __future__ import annotations

from slatui.contract.model import (
    Baseline,
    CadenceCommitment,
    Commitment,
    CountCommitment,
    CoverageCommitment,
    RateCommitment,
    ResponseCommitment,
    TrackCommitment,
)
from slatui.markdown import words
from slatui.markdown.escape import inline
from slatui.markdown.words import Wording

_FIELDS = {
    "owner": "an owner",
    "industry": "an industry",
    "employees": "an employee count",
    "country": "a country",
    "domain": "a domain",
}
_METRICS = {
    "deal_cycle_days": "deal cycle time in days",
    "win_rate": "win rate",
    "cost_per_sal": "cost per SAL",
}


def clause(commitment: Commitment, wording: Wording) -> str:
    """The commitment as one Markdown list item, its id last for reference."""
    measured = terms(commitment, wording)
    if commitment.text:
        parts = [words.sentence(commitment.text), f"Measured: {measured}."]
    else:
        parts = [f"{words.capitalize(measured)}."]
    if commitment.baseline is not None:
        parts.append(provenance(commitment.baseline, wording))
    if commitment.directional:
        parts.append(_directional(commitment))
    if commitment.party is None:
        parts.append("Owner: not named.")
    return f"- {inline(' '.join(parts))} (`{commitment.id}`)"


def provenance(baseline: Baseline, wording: Wording) -> str:
    """Where the number came from, said next to it: the pilot, the measured value, who took it."""
    window = words.date_span(baseline.pilot_start, baseline.pilot_end)
    adopted = f"adopted by {baseline.adopted_by} on {wording.day_of(baseline.adopted_at)}"
    if baseline.suggestion == "value":  # the pair's own number, not the pilot's suggestion
        return (
            f"Set by the parties after the {baseline.pilot_weeks}-week pilot of {window}, "
            f"which measured {baseline.measured_text} ({adopted})."
        )
    return (
        f"Set from the {baseline.pilot_weeks}-week pilot of {window}: "
        f"{baseline.measured_text} measured ({adopted})."
    )


def terms(commitment: Commitment, wording: Wording) -> str:
    """The measurable terms as a phrase that can follow 'Measured:'."""
    match commitment:
        case CountCommitment():
            return _count(commitment)
        case ResponseCommitment():
            return _response(commitment, wording)
        case CadenceCommitment():
            return _cadence(commitment)
        case RateCommitment():
            return _rate(commitment, wording)
        case CoverageCommitment():
            return _coverage(commitment)
        case TrackCommitment():
            return _track(commitment)


def has_target(commitment: Commitment) -> bool:
    """Whether the clause carries a number it can be missed against."""
    match commitment:
        case CountCommitment():
            return commitment.min is not None or commitment.max is not None
        case ResponseCommitment():
            return commitment.within is not None
        case RateCommitment() | CoverageCommitment():
            return commitment.min is not None
        case CadenceCommitment():
            return True
        case TrackCommitment():
            return False


def _directional(commitment: Commitment) -> str:
    if has_target(commitment):
        return "Directional: tracked, not binding yet (never reported as missed)."
    return "Directional: tracked, no number agreed yet."


def _count(c: CountCommitment) -> str:
    what = words.events(c.event)
    scope = " per account" if c.per else ""
    accounts = _accounts(c.per, c.share)
    if c.max == 0 and not c.min:
        when = f"in any {c.period}" if c.period else "at all"
        return f"no {what} events{scope} {when} (at most 0){accounts}"
    period = f" per {c.period}" if c.period else " (no period set)"
    amount, top = _amount(c.min, c.max)
    if amount is None:
        return f"{what} events{scope}{period}{_unset(c, 'no number set')}"
    noun = "event" if top == 1 else "events"
    text = f"{amount} {what} {noun}{scope}{period}{accounts}"
    if c.max is not None and c.min is not None and c.max > c.min:
        text += (
            f" (more than {words.number(c.max)} still counts as met, flagged as above the range)"
        )
    return text


def _unset(commitment: Commitment, note: str) -> str:
    """', no number set', unless the directional note already says so."""
    return "" if commitment.directional else f", {note}"


def _amount(low: float | None, high: float | None) -> tuple[str | None, float | None]:
    """'2 to 3', 'at least 4', 'at most 5', and the figure that decides the plural."""
    if low is not None and high is not None:
        if low == high:
            return f"exactly {words.number(low)}", low
        return f"{words.number(low)} to {words.number(high)}", high
    if low is not None:
        return f"at least {words.number(low)}", low
    if high is not None:
        return f"at most {words.number(high)}", high
    return None, None


def _accounts(per: str | None, share: float | None) -> str:
    if per is None:
        return ""
    if share is None or share == 1:
        return ", on every account (100%)"
    return f", on at least {words.percent(share)} of accounts"


def _response(c: ResponseCommitment, wording: Wording) -> str:
    span = f"from each {words.humanize(c.start)} event to the first {words.events(c.stop)} event"
    if c.within is None:
        return f"{span}{_unset(c, 'with no time limit agreed yet')}, counted per {c.period}"
    share = "every one (100%)" if c.on_time == 1 else f"at least {words.percent(c.on_time)} of them"
    text = f"{span}, within {wording.duration(c.within)}, for {share}, counted per {c.period}"
    if c.warn_before is not None:
        text += f"; at risk {c.warn_before.words()} before the deadline"
    return text


def _cadence(c: CadenceCommitment) -> str:
    what = words.with_article(words.events(c.event))
    where = " on every account" if c.per else ""
    times = "once" if c.min == 1 else f"{words.number(c.min)} times"
    period = f"every {c.period}" if c.period else "per period (no period set)"
    return f"{what}{where} at least {times} {period}"


def _rate(c: RateCommitment, wording: Wording) -> str:
    cohort = f"each {c.period}'s {words.humanize(c.denominator)} events"
    follow = f"followed by {words.with_article(words.events(c.numerator))} event"
    if c.within is not None:
        follow += f" within {wording.duration(c.within)}"
    if c.min is None:
        return f"the share of {cohort} {follow}{_unset(c, 'no target set')}"
    return f"at least {words.percent(c.min)} of {cohort} are {follow}"


def _coverage(c: CoverageCommitment) -> str:
    has = _FIELDS[c.field]
    pool = "the tier's accounts" if c.tier else "accounts"
    if c.min is None:
        return f"the share of {pool} with {has}{_unset(c, 'no target set')}"
    if c.min == 1:
        return f"every one of {pool} (100%) has {has}"
    return f"at least {words.percent(c.min)} of {pool} have {has}"


def _track(c: TrackCommitment) -> str:
    return f"{_METRICS[c.metric]}, tracked each {c.period} with its trend (no target)"
