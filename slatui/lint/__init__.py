"""The contract linter: the practitioner guide's advice, as warnings on clauses.

A contract can be valid TOML and still be a poor agreement: vague, one-sided,
contradictory, or timed on a clock nobody works to. `lint` finds those, so the
workshop can discuss them while the draft is open. Warnings never make a
contract invalid; `slatui contract check --strict` turns them into a failure.

Each rule is a function from a contract to warnings, in its own small module;
`RULES` fixes their order, and `lint` sorts by clause position in the file
(the canonical section order, then the clause's index) so output is stable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from slatui.contract.model import Contract
from slatui.lint.baseline import without_baseline
from slatui.lint.conflicts import conflicting_targets
from slatui.lint.escalation import unescalated
from slatui.lint.sides import one_sided_tiers, volume_without_response
from slatui.lint.vague import vague_commitments
from slatui.lint.vocabulary import unknown_events
from slatui.lint.wallclock import wall_clock_responses
from slatui.lint.warning import LintWarning, clause_position

Rule = Callable[[Contract], Iterable[LintWarning]]

RULES: tuple[Rule, ...] = (
    vague_commitments,
    unknown_events,
    one_sided_tiers,
    volume_without_response,
    conflicting_targets,
    wall_clock_responses,
    unescalated,
    without_baseline,
)
"""Every rule, in the order their warnings appear within one clause."""

RULE_IDS: tuple[str, ...] = (
    "no-number",
    "no-unit",
    "no-owner",
    "unknown-event",
    "one-sided-tier",
    "volume-without-response",
    "conflicting-targets",
    "wall-clock-response",
    "no-escalation",
    "no-baseline",
)
"""The stable ids a warning's `rule` can take (for --json consumers and docs)."""

_SECTIONS: tuple[str, ...] = tuple(Contract.model_fields)


def lint(contract: Contract) -> list[LintWarning]:
    """Every warning for the contract, ordered by clause position in the file."""
    found = [
        (clause_position(w.path, _SECTIONS), rank, w)
        for rank, rule in enumerate(RULES)
        for w in rule(contract)
    ]
    found.sort(key=lambda item: (item[0], item[1]))
    return [w for _, _, w in found]


__all__ = ["RULES", "RULE_IDS", "LintWarning", "Rule", "lint"]
