"""no-escalation: a target nobody acts on when it is missed.

A quota or a response clock that nobody escalates is only looked at in the
weekly review; by then the lead has gone cold. Deliverables, rates and
coverage are what the review cadence is for, so they only need an escalation
when the agreement has no [reviews]. Any kind of escalation that names the
commitment in its `commitment` key counts.
"""

from __future__ import annotations

from collections.abc import Iterator

from slatui.contract.model import Commitment, Contract, CountCommitment, ResponseCommitment
from slatui.lint.clauses import has_number, is_target, label
from slatui.lint.warning import LintWarning


def unescalated(contract: Contract) -> Iterator[LintWarning]:
    """Each commitment with a target that no escalation names."""
    named = {getattr(e, "commitment", None) for e in contract.escalations}
    for index, commitment in enumerate(contract.commitments):
        if commitment.id in named or not (is_target(commitment) and has_number(commitment)):
            continue
        if _needs_escalation(contract, commitment):
            yield _no_escalation(f"commitments[{index}]", commitment)


def _needs_escalation(contract: Contract, commitment: Commitment) -> bool:
    """Quotas and clocks always; the rest only when no review looks at them."""
    if isinstance(commitment, CountCommitment | ResponseCommitment):
        return True
    reviews = contract.reviews
    return reviews is None or not (reviews.weekly or reviews.monthly)


def _no_escalation(path: str, commitment: Commitment) -> LintWarning:
    kinds = '"overdue" (an item still open too long) or "missed"'
    if not isinstance(commitment, ResponseCommitment):
        kinds = '"missed" (missed in consecutive periods)'
    return LintWarning(
        rule="no-escalation",
        path=path,
        clause=label(commitment),
        message="no escalation names it, so a miss reaches nobody until the weekly review",
        advice=(
            f'add an [[escalations]] with when = {kinds} and commitment = "{commitment.id}", '
            "or decide together that the weekly review is enough"
        ),
    )
