"""conflicting-targets: one promise written twice with two different figures.

Guides and contracts drift: one page says 4 ad impressions per Tier 1 account
per month, another says 3. Two clauses that measure the same events, on the
same tier and period, cannot both be the agreement; the review would judge
one side against two numbers. Response clocks are the same promise when they
start from the same event and share a stop event: first contact and status
report both start at a SAL, but are different promises.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from slatui.contract.model import (
    CadenceCommitment,
    Commitment,
    Contract,
    CountCommitment,
    CoverageCommitment,
    RateCommitment,
    ResponseCommitment,
)
from slatui.duration import Duration
from slatui.lint.clauses import as_list, is_target, label, tier_words
from slatui.lint.warning import LintWarning

Targets = tuple[tuple[str, object], ...]


def conflicting_targets(contract: Contract) -> Iterator[LintWarning]:
    """Each later clause that restates an earlier one with a different figure."""
    seen: list[tuple[int, Commitment]] = []
    for index, commitment in enumerate(contract.commitments):
        for earlier_index, earlier in seen:
            if _same_promise(earlier, commitment) and _differences(earlier, commitment):
                yield _conflict(index, commitment, earlier_index, earlier)
                break
        seen.append((index, commitment))


def _same_promise(a: Commitment, b: Commitment) -> bool:
    """Same measure, same tier, same events (as sets) and the same period."""
    if a.measure != b.measure or a.tier != b.tier or not is_target(a) or not is_target(b):
        return False
    if isinstance(a, ResponseCommitment) and isinstance(b, ResponseCommitment):
        return a.start == b.start and bool(set(a.stop) & set(b.stop)) and a.period == b.period
    return _key(a) == _key(b)


def _key(commitment: Commitment) -> Hashable:
    """What a non-response commitment measures; targets left out."""
    if isinstance(commitment, CountCommitment | CadenceCommitment):
        return (frozenset(as_list(commitment.event)), commitment.period)
    if isinstance(commitment, RateCommitment):
        events = frozenset(as_list(commitment.numerator))
        return (events, commitment.denominator, commitment.period)
    if isinstance(commitment, CoverageCommitment):
        return commitment.field
    return commitment.id  # a track has no target, so it never conflicts


def _targets(commitment: Commitment) -> Targets:
    """The figures a workshop agrees on, by key, in the order a reader compares them."""
    if isinstance(commitment, CountCommitment):
        c = commitment
        return (("min", c.min), ("max", c.max), ("per", c.per), ("share", c.share))
    if isinstance(commitment, ResponseCommitment):
        return (("within", commitment.within), ("on_time", commitment.on_time))
    if isinstance(commitment, CadenceCommitment):
        return (("min", commitment.min), ("per", commitment.per))
    if isinstance(commitment, RateCommitment):
        return (("min", commitment.min), ("within", commitment.within))
    if isinstance(commitment, CoverageCommitment):
        return (("min", commitment.min),)
    return ()


def _differences(a: Commitment, b: Commitment) -> list[tuple[str, object, object]]:
    """(key, a's value, b's value) for every target the two clauses disagree on."""
    return [
        (key, left, right)
        for (key, left), (_, right) in zip(_targets(a), _targets(b), strict=True)
        if left != right
    ]


def _conflict(
    index: int, commitment: Commitment, earlier_index: int, earlier: Commitment
) -> LintWarning:
    differences = _differences(earlier, commitment)
    key = differences[0][0]
    here = ", ".join(f"{k} {_show(mine)}" for k, _, mine in differences)
    there = ", ".join(f"{k} {_show(theirs)}" for k, theirs, _ in differences)
    path = f"commitments[{index}]"
    if getattr(commitment, key, None) is not None:
        path += f".{key}"
    return LintWarning(
        rule="conflicting-targets",
        path=path,
        clause=label(commitment),
        message=(
            f"sets {here} for {_measured(commitment)} on {tier_words(commitment.tier)}, but "
            f"{label(earlier)} (commitments[{earlier_index}]) sets {there} for the same; "
            "the agreement cannot promise both"
        ),
        advice=(
            "keep one figure (the more specific one) and remove the other clause, "
            "or make them measure different things (tier, period or events)"
        ),
    )


def _measured(commitment: Commitment) -> str:
    """What the clause measures, in a few words: `"ad_impression" per month`."""
    if isinstance(commitment, CountCommitment | CadenceCommitment):
        events = " or ".join(f'"{e}"' for e in as_list(commitment.event))
        return f"{events} per {commitment.period}"
    if isinstance(commitment, ResponseCommitment):
        return f'the clock from "{commitment.start}"'
    if isinstance(commitment, RateCommitment):
        return f'the rate of "{commitment.denominator}" converting'
    if isinstance(commitment, CoverageCommitment):
        return f'accounts with "{commitment.field}" set'
    return "the same figure"


def _show(value: object) -> str:
    if value is None:
        return "unset"
    if isinstance(value, str | Duration):
        return f'"{value}"'
    return str(value)
