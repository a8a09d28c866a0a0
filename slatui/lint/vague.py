"""no-number, no-unit, no-owner: the guide's test of a real commitment.

"A commitment without a number, a unit and an owner is not a commitment
('marketing will do ABM' fails, '20 SALs from Tier 1 per month' passes)."
Directional commitments are exempt from the number and the unit (the pilot
will set them) but not from the owner: somebody owns a promise even before it
has a figure. Tracked figures have no target, so none of this applies.
"""

from __future__ import annotations

from collections.abc import Iterator

from slatui.contract.model import (
    Commitment,
    Contract,
    CountCommitment,
    CoverageCommitment,
    RateCommitment,
    ResponseCommitment,
    TrackCommitment,
)
from slatui.lint.clauses import has_number, has_unit, is_target, label
from slatui.lint.warning import LintWarning

_GUIDE = (
    "a commitment without a number, a unit and an owner is not a commitment "
    '("marketing will do ABM" fails, "20 SALs from Tier 1 per month" passes)'
)
_OR_DIRECTIONAL = "or mark it directional = true until the pilot sets it"


def vague_commitments(contract: Contract) -> Iterator[LintWarning]:
    """Every missing number, unit and owner, commitment by commitment."""
    for index, commitment in enumerate(contract.commitments):
        path = f"commitments[{index}]"
        if is_target(commitment) and not has_number(commitment):
            yield _no_number(path, commitment)
        if is_target(commitment) and not has_unit(commitment):
            yield _no_unit(path, commitment)
        if commitment.party is None and not isinstance(commitment, TrackCommitment):
            yield _no_owner(path, commitment)


def _no_number(path: str, commitment: Commitment) -> LintWarning:
    question, example = _number_question(commitment)
    return LintWarning(
        rule="no-number",
        path=path,
        clause=label(commitment),
        message=f"has no number ({question}); {_GUIDE}",
        advice=f"add {example}, {_OR_DIRECTIONAL}",
    )


def _number_question(commitment: Commitment) -> tuple[str, str]:
    """What the missing number would answer, and an example of writing it."""
    if isinstance(commitment, CountCommitment):
        return "at least how many?", "min (and max for a range such as 2 to 3), e.g. min = 20"
    if isinstance(commitment, ResponseCommitment):
        return "within how long?", 'within, e.g. within = "1bd"'
    if isinstance(commitment, RateCommitment):
        return "what share at least?", "min as a fraction, e.g. min = 0.2 for 20%"
    assert isinstance(commitment, CoverageCommitment)
    return (
        "what share of the tier's accounts?",
        "min as a fraction, e.g. min = 1.0 for every account",
    )


def _no_unit(path: str, commitment: Commitment) -> LintWarning:
    return LintWarning(
        rule="no-unit",
        path=path,
        clause=label(commitment),
        message=f"has no period, so its number has no unit (per week, month or quarter?); {_GUIDE}",
        advice=f'add period = "week", "month" or "quarter", {_OR_DIRECTIONAL}',
    )


def _no_owner(path: str, commitment: Commitment) -> LintWarning:
    return LintWarning(
        rule="no-owner",
        path=path,
        clause=label(commitment),
        message=f"has no owner, so nobody can keep or miss it; {_GUIDE}",
        advice='add party = "marketing", "sales" or "joint"',
    )
