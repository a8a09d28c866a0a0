"""One clause as the Markdown contract will say it, for the Draft screen's preview.

It reuses the document's own section builders, so the preview can never say
something the exported contract does not.
"""

from __future__ import annotations

from slatui.contract.canonical import digest
from slatui.contract.model import Contract
from slatui.markdown import calendar, document, escalations, sal, sentences, signatures
from slatui.markdown.escape import inline
from slatui.markdown.words import Wording


def clause_markdown(contract: Contract, section: str, key: str | None = None) -> str:
    """The Markdown of one clause: a section, a tier, a commitment or an escalation."""
    wording = Wording(calendar.describe(contract), contract.agreement.timezone)
    blocks = _blocks(contract, section, key, wording)
    return "\n\n".join(blocks) + "\n"


def _blocks(contract: Contract, section: str, key: str | None, wording: Wording) -> list[str]:
    if section == "agreement":
        return [f"## {inline(contract.agreement.title)}", *document.agreement_section(contract)]
    if section == "calendar":
        return [
            "## Working calendar",
            *document.calendar_section(contract),
            *document.how_to_read_section(contract),
        ]
    if section == "sal":
        return ["## What counts as a SAL", *sal.section(contract, wording)]
    if section == "reviews":
        return ["## Reviews", *document.reviews_section(contract)]
    if section == "pilot":
        return ["## Pilot", *document.pilot_section(contract)]
    if section == "signoffs":
        return ["## Signatures", *signatures.section(contract, digest(contract))]
    if section == "tier":
        return _tier(contract, key, wording)
    if section == "commitment":
        commitment = contract.commitment(key or "")
        return [sentences.clause(commitment, wording)] if commitment else ["(deleted)"]
    if section == "escalation":
        rule = next((e for e in contract.escalations if e.id == key), None)
        if rule is None:
            return ["(deleted)"]
        return [escalations.item(rule, escalations.describe(rule, contract, wording))]
    return []


def _tier(contract: Contract, key: str | None, wording: Wording) -> list[str]:
    tier = contract.tier(key or "")
    if tier is None:
        return ["(deleted)"]
    clauses = [c for c in contract.commitments if c.tier == tier.id]
    intro = [inline(tier.description)] if tier.description else []
    return [
        f"## {inline(tier.name)} (tier `{tier.id}`)",
        *intro,
        *document.party_groups(clauses, wording),
    ]
