"""What the demo reads from the agreement: tiers, the SAL definition, escalations.

The story (who engages, which SAL goes unanswered) is written for the shape
of sample.toml, but the numbers that decide whether a case really triggers
(48h, 3 touches in 30 days, 90 days, half of a month's SALs) are taken from
the contract, so the planted cases stay true to the agreement they are
imported with. A contract without that shape is refused with a reason
rather than given a demo that silently proves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from slatui.contract.model import (
    Contract,
    CountCommitment,
    EngagedNoConversionEscalation,
    EngagedUnansweredEscalation,
    MissedEscalation,
    OverdueEscalation,
    Pilot,
    RejectedShareEscalation,
    ResponseCommitment,
    SalDefinition,
)
from slatui.duration import Duration

STRATEGIC, SEGMENT, WATCH = "t1", "t2", "t3"
"""The tier ids the story is written for (sample.toml's three tiers)."""

DEFAULT_SALES_TOUCHES = ("call", "sales_email", "meeting")
"""A sales touch unless an escalation lists its own (DESIGN §3)."""

_T = TypeVar("_T")


class DemoError(Exception):
    """The contract lacks what the demo pilot needs; `str()` says what."""


@dataclass(frozen=True)
class Rules:
    """The agreement's figures the planted cases are measured against."""

    pilot: Pilot
    sal: SalDefinition
    touch_types: frozenset[str]
    touch_window: Duration
    sales_touches: tuple[str, ...]
    overdue_t1: OverdueEscalation
    overdue_t2: OverdueEscalation
    missed: MissedEscalation
    volume: CountCommitment
    unanswered: EngagedUnansweredEscalation
    unconverted: EngagedNoConversionEscalation
    rejections: RejectedShareEscalation
    sal_status: Duration
    first_contact: Duration

    @classmethod
    def of(cls, contract: Contract) -> Rules:
        """The rules of `contract`, or DemoError naming the first thing missing."""
        tiers = {tier.id for tier in contract.tiers}
        missing = [t for t in (STRATEGIC, SEGMENT, WATCH) if t not in tiers]
        if missing:
            raise DemoError(f"the demo pilot needs tiers t1, t2 and t3; missing {missing}")
        if contract.pilot is None:
            raise DemoError("the demo pilot needs a [pilot] (start, weeks) in the agreement")
        sal = contract.sal
        if sal is None or sal.touchpoints is None or not sal.touchpoints.types:
            raise DemoError("the demo pilot needs [sal] touchpoints with their types")
        unanswered = _one(contract, EngagedUnansweredEscalation, "engaged_unanswered")
        missed = _one(contract, MissedEscalation, "missed")
        return cls(
            pilot=contract.pilot,
            sal=sal,
            touch_types=frozenset(sal.touchpoints.types),
            touch_window=sal.touchpoints.within,
            sales_touches=tuple(unanswered.sales_touches) or DEFAULT_SALES_TOUCHES,
            overdue_t1=_overdue(contract, STRATEGIC),
            overdue_t2=_overdue(contract, SEGMENT),
            missed=missed,
            volume=_volume(contract, missed),
            unanswered=unanswered,
            unconverted=_one(contract, EngagedNoConversionEscalation, "engaged_no_conversion"),
            rejections=_one(contract, RejectedShareEscalation, "rejected_share"),
            sal_status=_within(contract, ("sal_accepted", "sal_rejected"), Duration.parse("2bd")),
            first_contact=_within(contract, DEFAULT_SALES_TOUCHES, Duration.parse("1bd")),
        )


def _one(contract: Contract, kind: type[_T], when: str) -> _T:
    for escalation in contract.escalations:
        if isinstance(escalation, kind):
            return escalation
    raise DemoError(f'the demo pilot needs an escalation with when = "{when}"')


def _overdue(contract: Contract, tier: str) -> OverdueEscalation:
    """The overdue escalation on the SAL first-contact clock of `tier`."""
    for escalation in contract.escalations:
        if not isinstance(escalation, OverdueEscalation):
            continue
        commitment = contract.commitment(escalation.commitment)
        if (
            isinstance(commitment, ResponseCommitment)
            and commitment.tier == tier
            and commitment.start == "sal_notified"
        ):
            return escalation
    raise DemoError(
        f"the demo pilot needs an overdue escalation on a {tier} response commitment that "
        'starts at "sal_notified"'
    )


def _volume(contract: Contract, missed: MissedEscalation) -> CountCommitment:
    commitment = contract.commitment(missed.commitment)
    if (
        not isinstance(commitment, CountCommitment)
        or commitment.event != "sal_notified"
        or commitment.tier != SEGMENT
        or commitment.min is None
        or commitment.period != "month"
    ):
        raise DemoError(
            f"the missed escalation {missed.id} must name a monthly count of Tier 2 "
            "sal_notified with a min (sample.toml: t2-mkt-sal-volume)"
        )
    return commitment


def _within(contract: Contract, stops: tuple[str, ...], fallback: Duration) -> Duration:
    """The tightest `within` of the SAL response commitments that stop at `stops`."""
    found = [
        c.within
        for c in contract.commitments
        if isinstance(c, ResponseCommitment)
        and c.start == "sal_notified"
        and set(c.stop) == set(stops)
        and c.within is not None
        and c.within.unit == fallback.unit
    ]
    return min(found, key=lambda d: d.amount) if found else fallback
