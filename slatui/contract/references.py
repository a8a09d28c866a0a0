"""Checks that span clauses: ids that must be unique and names that must exist.

Pydantic validates one clause at a time; an escalation naming a commitment
that does not exist is only visible from the whole contract.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterable, Iterator

from slatui.contract.errors import Problem
from slatui.contract.model import (
    Contract,
    CountCommitment,
    EngagedNoConversionEscalation,
    EngagedUnansweredEscalation,
    MissedEscalation,
    OverdueEscalation,
    ResponseCommitment,
    TrackCommitment,
)
from slatui.contract.types import WEEKDAYS, TimeRange


def reference_problems(contract: Contract) -> list[Problem]:
    """Every cross-clause problem, in file order."""
    return [
        *_duplicates("tiers", (t.id for t in contract.tiers)),
        *_duplicates("commitments", (c.id for c in contract.commitments)),
        *_duplicates("escalations", (e.id for e in contract.escalations)),
        *_duplicates("signoffs", (s.party for s in contract.signoffs), key="party"),
        *_calendar(contract),
        *_tier_refs(contract),
        *_escalation_refs(contract),
    ]


def _duplicates(section: str, ids: Iterable[str], key: str = "id") -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, value in enumerate(ids):
        if value in first:
            yield Problem(
                f"{section}[{index}].{key}",
                f'"{value}" is already the {key} of {section}[{first[value]}]; '
                f"each entry needs its own {key}",
            )
        else:
            first[value] = index


def _calendar(contract: Contract) -> Iterator[Problem]:
    cal = contract.calendar
    for index, day in enumerate(cal.days):
        if day in cal.days[:index]:
            yield Problem(f"calendar.days[{index}]", f'"{day}" is listed twice')
    yield from _overlaps("calendar.hours", cal.hours)
    for day, ranges in cal.hours_by_day.items():
        if day not in cal.days:
            yield Problem(
                f"calendar.hours_by_day.{day}",
                f'"{day}" is not a working day in calendar.days; '
                "add it there or remove the override",
            )
        yield from _overlaps(f"calendar.hours_by_day.{day}", ranges)
    _ = WEEKDAYS


def _overlaps(path: str, ranges: list[TimeRange]) -> Iterator[Problem]:
    ordered = sorted(enumerate(ranges), key=lambda pair: pair[1].start)
    for (_, before), (index, after) in itertools.pairwise(ordered):
        if after.start < before.end:
            yield Problem(f"{path}[{index}]", f'"{after}" overlaps "{before}"')


def _unknown(kind: str, value: str, known: list[str]) -> str:
    """`unknown tier "t3"; the tiers are t1, t2`, or the closest id when there is one."""
    close = difflib.get_close_matches(value, known, n=1)
    if close:
        return f'unknown {kind} "{value}" (did you mean "{close[0]}"?)'
    if not known:
        return f'unknown {kind} "{value}"; this contract has no {kind}s'
    shown = ", ".join(known[:12]) + (f" and {len(known) - 12} more" if len(known) > 12 else "")
    return f'unknown {kind} "{value}"; the {kind}s are {shown}'


def _tier_refs(contract: Contract) -> Iterator[Problem]:
    tiers = [t.id for t in contract.tiers]
    for index, commitment in enumerate(contract.commitments):
        if commitment.tier is not None and commitment.tier not in tiers:
            yield Problem(f"commitments[{index}].tier", _unknown("tier", commitment.tier, tiers))
    if contract.sal is not None:
        for index, tier in enumerate(contract.sal.tiers):
            if tier not in tiers:
                yield Problem(f"sal.tiers[{index}]", _unknown("tier", tier, tiers))
    for index, escalation in enumerate(contract.escalations):
        name = getattr(escalation, "tier", None)
        if name is not None and name not in tiers:
            yield Problem(f"escalations[{index}].tier", _unknown("tier", name, tiers))


def _escalation_refs(contract: Contract) -> Iterator[Problem]:
    ids = [c.id for c in contract.commitments]
    for index, escalation in enumerate(contract.escalations):
        name = getattr(escalation, "commitment", None)
        if name is None:
            continue
        path = f"escalations[{index}].commitment"
        target = contract.commitment(name)
        if target is None:
            yield Problem(path, _unknown("commitment", name, ids))
        elif isinstance(escalation, OverdueEscalation) and not isinstance(
            target, ResponseCommitment
        ):
            yield Problem(
                path,
                f'"{name}" is a {target.measure} commitment; an overdue escalation needs a '
                "response commitment (items with a clock)",
            )
        elif isinstance(escalation, MissedEscalation) and isinstance(target, TrackCommitment):
            yield Problem(path, f'"{name}" is tracked without a target, so it cannot be missed')
        elif isinstance(
            escalation, EngagedUnansweredEscalation | EngagedNoConversionEscalation
        ) and not isinstance(target, ResponseCommitment | CountCommitment):
            yield Problem(
                path, f'"{name}" is a {target.measure} commitment; expected a response or count'
            )
