"""Facts about clauses that several rules ask: labels, events, numbers, owners.

Kept in one place so that "has a number" means the same thing to the rule
that asks for one, the rule that wants an escalation and the rule that wants
a baseline.
"""

from __future__ import annotations

from collections.abc import Iterator

from slatui.contract.model import (
    CadenceCommitment,
    Commitment,
    CountCommitment,
    CoverageCommitment,
    RateCommitment,
    ResponseCommitment,
    Tier,
    TrackCommitment,
)

PARTY_WORDS = {"marketing": "marketing", "sales": "sales", "joint": "both sides"}


def label(commitment: Commitment) -> str:
    """How a warning names a commitment: `commitment "t2-mkt-sal-volume"`."""
    return f'commitment "{commitment.id}"'


def tier_label(tier: Tier) -> str:
    """How a warning names a tier: `tier "t1" (Strategic accounts)`."""
    return f'tier "{tier.id}" ({tier.name})'


def is_target(commitment: Commitment) -> bool:
    """True for a commitment meant to be met or missed (not directional, not track)."""
    return not commitment.directional and not isinstance(commitment, TrackCommitment)


def has_number(commitment: Commitment) -> bool:
    """True when the commitment states how much or how fast.

    A cadence always has one (`min` defaults to once per period); a count may
    give only `max` ("no outreach": max = 0); a track never has one.
    """
    if isinstance(commitment, CountCommitment):
        return commitment.min is not None or commitment.max is not None
    if isinstance(commitment, ResponseCommitment):
        return commitment.within is not None
    if isinstance(commitment, RateCommitment | CoverageCommitment):
        return commitment.min is not None
    return isinstance(commitment, CadenceCommitment)


def has_unit(commitment: Commitment) -> bool:
    """True unless a per-period quota leaves the period out ("20 SALs" per what?)."""
    if isinstance(commitment, CountCommitment | CadenceCommitment):
        return commitment.period is not None
    return True


def as_list(events: str | list[str]) -> list[str]:
    """An `event` key as a list, whether written as one name or several."""
    return [events] if isinstance(events, str) else list(events)


def event_keys(commitment: Commitment) -> Iterator[tuple[str, str]]:
    """(sub-path, event type) for every event a commitment names, in key order."""
    if isinstance(commitment, CountCommitment | CadenceCommitment):
        yield from _listed("event", commitment.event)
    elif isinstance(commitment, ResponseCommitment):
        yield "start", commitment.start
        yield from _listed("stop", commitment.stop)
    elif isinstance(commitment, RateCommitment):
        yield from _listed("numerator", commitment.numerator)
        yield "denominator", commitment.denominator


def _listed(key: str, events: str | list[str]) -> Iterator[tuple[str, str]]:
    if isinstance(events, str):
        yield key, events
    else:
        for index, event in enumerate(events):
            yield f"{key}[{index}]", event


def applies_to(commitment: Commitment, tier_id: str | None) -> bool:
    """True when the commitment covers the tier; an untiered one covers every tier."""
    return commitment.tier is None or commitment.tier == tier_id


def tier_words(tier_id: str | None) -> str:
    """`tier "t2"`, or `all tiers` for an untiered clause."""
    return f'tier "{tier_id}"' if tier_id is not None else "all tiers"
