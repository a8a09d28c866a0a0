"""The escalation ladder: a table to scan, and a sentence per rule to sign.

The table is for finding who to call; the sentences say exactly when, with
every duration and threshold in words, since that is what the parties agree to.
"""

from __future__ import annotations

from dataclasses import dataclass

from slatui.contract.model import (
    Contract,
    EngagedNoConversionEscalation,
    EngagedUnansweredEscalation,
    Escalation,
    MissedEscalation,
    OverdueEscalation,
    RejectedShareEscalation,
)
from slatui.markdown import words
from slatui.markdown.escape import cell, inline
from slatui.markdown.words import Wording

_SALES_TOUCHES = ("call", "sales_email", "meeting")
HEADER = ("Rule", "When", "Raised by", "To", "After / threshold")


@dataclass(frozen=True)
class Rule:
    """One escalation in words, as Markdown fragments that are already escaped.

    `when` and `threshold` are short, for the table, and hold no user text, so
    no pipe can reach a cell through them; `condition` is the full clause for
    the sentence, with every duration stated against its calendar.
    """

    when: str
    threshold: str
    condition: str


def section(contract: Contract, wording: Wording) -> list[str]:
    """The escalation table, then one list item per rule."""
    if not contract.escalations:
        return ["No escalations agreed yet."]
    rules = [(e, describe(e, contract, wording)) for e in contract.escalations]
    table = [_row(HEADER), _row(("---",) * len(HEADER))]
    table += [_row(_cells(e, rule)) for e, rule in rules]
    return ["\n".join(table), "\n".join(item(e, rule) for e, rule in rules)]


def describe(escalation: Escalation, contract: Contract, wording: Wording) -> Rule:
    """When the escalation fires, for the table and for the sentence."""
    match escalation:
        case OverdueEscalation():
            return _overdue(escalation, wording)
        case MissedEscalation():
            return _missed(escalation, contract)
        case EngagedUnansweredEscalation():
            touches = escalation.sales_touches or list(_SALES_TOUCHES)
            reaction = f"no sales touch ({words.events(touches)})"
            return _engaged(escalation, contract, wording, reaction, "gets no sales touch")
        case EngagedNoConversionEscalation():
            reaction = "no opportunity created"
            return _engaged(escalation, contract, wording, reaction, "does not convert")
        case RejectedShareEscalation():
            share = inline(
                f"at least {words.percent(escalation.min)} of a {escalation.period}'s SALs"
            )
            return Rule("SALs rejected by sales", share, f"sales rejects {share}")


def _overdue(e: OverdueEscalation, wording: Wording) -> Rule:
    item = f"an item of `{e.commitment}` is still open"
    return Rule(
        item,
        inline(f"{wording.short(e.after)} after its clock started"),
        _then(
            item, f"{wording.duration(e.after)} after its clock started (paused time not counted)"
        ),
    )


def _missed(e: MissedEscalation, contract: Contract) -> Rule:
    period = getattr(contract.commitment(e.commitment), "period", None) or "period"
    if e.consecutive == 1:
        streak = f"in a closed {period}"
    else:
        streak = f"in {e.consecutive} closed {period}s in a row"
    missed = f"`{e.commitment}` is missed"
    return Rule(missed, inline(streak), _then(missed, streak))


def _engaged(
    e: EngagedUnansweredEscalation | EngagedNoConversionEscalation,
    contract: Contract,
    wording: Wording,
    reaction: str,
    verb: str,
) -> Rule:
    account = "an account"
    if e.tier:
        tier = contract.tier(e.tier)
        account += f" of tier `{e.tier}`" + (f" ({inline(tier.name)})" if tier else "")
    window, after = wording.short(e.window), wording.short(e.after)
    short = f"at least {e.min_touches} touchpoints within {window}, then {reaction} within {after}"
    window, after = wording.duration(e.window), wording.duration(e.after)
    full = (
        f"at least {e.min_touches} touchpoints (of the SAL definition's types) within "
        f"{window}, and then {reaction} within {after}"
    )
    return Rule(f"an engaged account {verb}", inline(short), _then(f"{account} has", full))


def _then(markdown: str, plain: str) -> str:
    """A Markdown fragment followed by plain text that still needs escaping."""
    return f"{markdown} {inline(plain)}"


def _cells(e: Escalation, rule: Rule) -> tuple[str, ...]:
    raised_by = cell(words.party(e.raised_by))
    return (f"`{e.id}`", rule.when, raised_by, cell(e.to), rule.threshold)


def item(e: Escalation, rule: Rule) -> str:
    verb = "both sides take it to" if e.raised_by == "joint" else f"{e.raised_by} escalates to"
    generated = f"{rule.condition}, {verb} **{inline(e.to)}**."
    if e.text:
        lead = f"{inline(words.sentence(e.text))} Rule: when {generated}"
    else:
        lead = f"When {generated}"
    return f"- `{e.id}`: {lead}{_related(e)}"


def _related(e: Escalation) -> str:
    """The commitment an engagement rule belongs to, when it names one."""
    if isinstance(e, OverdueEscalation | MissedEscalation) or e.commitment is None:
        return ""
    return f" Related commitment: `{e.commitment}`."


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"
