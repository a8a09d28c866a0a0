"""one-sided-tier, volume-without-response: the guide's "build it together".

An SLA in which one side promises and the other only receives is a wish list.
Per tier, each party must commit to something; and when marketing promises a
volume of leads, sales must promise to act on them, or the leads go stale.
Joint commitments are shared figures, not either side's own promise, so they
count for neither side here.
"""

from __future__ import annotations

from collections.abc import Iterator

from slatui.contract.model import (
    Commitment,
    Contract,
    CountCommitment,
    ResponseCommitment,
    Tier,
    TrackCommitment,
)
from slatui.events import HANDOVER_EVENT_TYPES
from slatui.lint.clauses import applies_to, as_list, label, tier_label, tier_words
from slatui.lint.warning import LintWarning

_SIDES = ("marketing", "sales")


def one_sided_tiers(contract: Contract) -> Iterator[LintWarning]:
    """A tier where marketing or sales (or both) commits to nothing."""
    for index, tier in enumerate(contract.tiers):
        promises = [c for c in contract.commitments if _promises_on(c, tier.id)]
        missing = [side for side in _SIDES if not any(c.party == side for c in promises)]
        if missing:
            yield _one_sided(f"tiers[{index}]", tier, missing)


def _promises_on(commitment: Commitment, tier_id: str) -> bool:
    """A party's own promise on the tier; tracked figures promise nothing."""
    return applies_to(commitment, tier_id) and not isinstance(commitment, TrackCommitment)


def _one_sided(path: str, tier: Tier, missing: list[str]) -> LintWarning:
    who = " and ".join(missing)
    verb = "commit" if len(missing) > 1 else "commits"
    other = "" if len(missing) > 1 else f" while {_other(missing[0])} does"
    return LintWarning(
        rule="one-sided-tier",
        path=path,
        clause=tier_label(tier),
        message=(
            f"{who} {verb} to nothing on this tier{other}; an agreement one side "
            "only receives is a wish list, and the guide's first advice is to build it together"
        ),
        advice=(
            f'add a {" and a ".join(missing)} commitment with tier = "{tier.id}" '
            "(directional = true is fine until the pilot sets the number)"
        ),
    )


def _other(side: str) -> str:
    return "sales" if side == "marketing" else "marketing"


def volume_without_response(contract: Contract) -> Iterator[LintWarning]:
    """Marketing promises leads (e.g. SALs) that no sales response clock follows."""
    for index, commitment in enumerate(contract.commitments):
        if not isinstance(commitment, CountCommitment) or commitment.party != "marketing":
            continue
        handed = [e for e in as_list(commitment.event) if e in HANDOVER_EVENT_TYPES]
        if handed and not _answered(contract, handed, commitment.tier):
            yield _unanswered(f"commitments[{index}]", commitment, handed)


def _answered(contract: Contract, events: list[str], tier_id: str | None) -> bool:
    """True when a sales (or joint) response commitment starts from one of the events."""
    return any(
        isinstance(c, ResponseCommitment)
        and c.party in ("sales", "joint")
        and c.start in events
        and applies_to(c, tier_id)
        for c in contract.commitments
    )


def _unanswered(path: str, commitment: CountCommitment, events: list[str]) -> LintWarning:
    names = " or ".join(f'"{e}"' for e in events)
    return LintWarning(
        rule="volume-without-response",
        path=path,
        clause=label(commitment),
        message=(
            f"marketing promises a volume of {names} on {tier_words(commitment.tier)}, but no "
            f"sales response commitment starts from {names}; marketing promises volume, "
            "sales must promise to act on it"
        ),
        advice=(
            f'add a sales commitment with measure = "response", start = "{events[0]}", '
            'stop = ["call", "sales_email", "meeting"] and within, e.g. "1bd"'
            + (f', for tier = "{commitment.tier}" or untiered' if commitment.tier else "")
        ),
    )
