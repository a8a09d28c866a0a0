"""no-baseline: a number agreed with no history to set it from.

The guide: start with achievable numbers, and where there is no history run a
4-week pilot and set baselines from it. With no [pilot] a figure is a guess
that one side will miss on day one. A [pilot] section counts as "has a
baseline" for every clause (its numbers are still being measured), and so
does a clause's own adopted `baseline`, which names the pilot it came from
even when a later version drops the [pilot] section. Cadences are left out:
"a report every month" is a yes-or-no promise, not a figure to calibrate.
"""

from __future__ import annotations

from collections.abc import Iterator

from slatui.contract.model import CadenceCommitment, Commitment, Contract
from slatui.lint.clauses import has_number, is_target, label
from slatui.lint.warning import LintWarning


def without_baseline(contract: Contract) -> Iterator[LintWarning]:
    """Each numeric target, not set from a pilot, of a contract that has no pilot."""
    if contract.pilot is not None:
        return
    for index, commitment in enumerate(contract.commitments):
        if _needs_baseline(commitment):
            yield _no_baseline(f"commitments[{index}]", commitment)


def _needs_baseline(commitment: Commitment) -> bool:
    return (
        is_target(commitment)
        and has_number(commitment)
        and not isinstance(commitment, CadenceCommitment)
        and commitment.baseline is None
    )


def _no_baseline(path: str, commitment: Commitment) -> LintWarning:
    return LintWarning(
        rule="no-baseline",
        path=path,
        clause=label(commitment),
        message=(
            "sets a number but the agreement has no [pilot], so there is no history to set it "
            "from; the guide says start with achievable numbers and take baselines from a pilot"
        ),
        advice=(
            "add a [pilot] (start = a Monday, weeks = 4) and set the number from what it "
            "measures, or mark it directional = true until then"
        ),
    )
