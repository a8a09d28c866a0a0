"""The whole contract as a Markdown document that people read and sign.

Sections follow the order in which a signer checks an SLA: who and when, how
time is counted, what a lead is, what each side owes per tier, what happens
when it is not kept, how it is reviewed and trialled, and who signed what.
Nothing here reads the clock, so the same contract always gives the same text.
"""

from __future__ import annotations

from collections.abc import Sequence

from slatui.contract.canonical import digest
from slatui.contract.model import Commitment, Contract
from slatui.markdown import calendar, escalations, sal, sentences, signatures, words
from slatui.markdown.escape import inline
from slatui.markdown.examples import worked_example
from slatui.markdown.words import Wording

_GROUPS: tuple[tuple[str | None, str], ...] = (
    ("marketing", "Marketing commits to"),
    ("sales", "Sales commits to"),
    ("joint", "Success figures (both sides)"),
    (None, "Owner not named"),
)
_REVIEWS = (("weekly", "Weekly"), ("monthly", "Monthly"), ("quarterly", "Quarterly"))


def to_markdown(
    contract: Contract, *, version: int | None = None, status: str | None = None
) -> str:
    """The contract as Markdown; `version` and `status` come from the workspace."""
    wording = Wording(calendar.describe(contract), contract.agreement.timezone)
    blocks = [f"# {inline(contract.agreement.title)}", *_version_line(version, status)]
    blocks += _part("The agreement", agreement_section(contract))
    blocks += _part("Working calendar", calendar_section(contract))
    blocks += _part("How to read the times", how_to_read_section(contract))
    blocks += _part("What counts as a sales-accepted lead (SAL)", sal.section(contract, wording))
    blocks += _tiers(contract, wording)
    blocks += _part("Escalations", escalations.section(contract, wording))
    blocks += _part("Reviews", reviews_section(contract))
    blocks += _part("Pilot", pilot_section(contract))
    blocks += _part("Signatures", signatures.section(contract, digest(contract)))
    return "\n\n".join(blocks) + "\n"


def _part(title: str, body: Sequence[str]) -> list[str]:
    return [f"## {title}", *body]


def _version_line(version: int | None, status: str | None) -> list[str]:
    parts = [f"Version {version}"] if version is not None else []
    if status:
        parts.append(f"Status: {inline(status)}")
    return [" · ".join(parts)] if parts else []


def agreement_section(contract: Contract) -> list[str]:
    agreement = contract.agreement
    start = words.long_date(agreement.effective)
    if agreement.ends is None:
        term = f"from {start} until replaced by a new version"
    else:
        term = f"from {start} to {words.long_date(agreement.ends)} inclusive"
    lines = [
        f"- **Marketing:** {inline(agreement.marketing.owner)}",
        f"- **Sales:** {inline(agreement.sales.owner)}",
        f"- **In force:** {term}",
    ]
    return ["\n".join(lines)]


def calendar_section(contract: Contract) -> list[str]:
    text = f"Business time is counted on {calendar.describe(contract)}."
    off = calendar.days_off(contract.calendar)
    return [inline(f"{text} {off}" if off else text)]


def how_to_read_section(contract: Contract) -> list[str]:
    blocks = [_bullets(calendar.how_to_read(contract))]
    example = worked_example(contract)
    if example:
        lead, lines = example
        blocks += [inline(lead), _bullets(lines)]
    return blocks


def _bullets(lines: Sequence[str]) -> str:
    """Plain lines as one Markdown list."""
    return "\n".join(f"- {inline(line)}" for line in lines)


def _tiers(contract: Contract, wording: Wording) -> list[str]:
    """One section per tier in contract order, then the untiered clauses.

    A clause naming a tier that is not in the tier list still gets a section
    of its own: leaving it out would hide a promise from the people signing.
    """
    sections = [(f"{inline(t.name)} (tier `{t.id}`)", t.id, t.description) for t in contract.tiers]
    known = {tier.id for tier in contract.tiers}
    stray = sorted({c.tier for c in contract.commitments if c.tier and c.tier not in known})
    sections += [(f"Tier `{tier_id}` (not in the tier list)", tier_id, None) for tier_id in stray]
    blocks: list[str] = []
    for heading, tier_id, description in sections:
        clauses = [c for c in contract.commitments if c.tier == tier_id]
        intro = [inline(description)] if description else []
        blocks += [f"## {heading}", *intro, *party_groups(clauses, wording)]
    untiered = [c for c in contract.commitments if c.tier is None]
    if untiered:
        note = "These apply to every account, whatever its tier."
        blocks += ["## All tiers", note, *party_groups(untiered, wording)]
    return blocks


def party_groups(clauses: list[Commitment], wording: Wording) -> list[str]:
    """Marketing's, sales' and the joint clauses under their own headings."""
    if not clauses:
        return ["No commitments yet."]
    blocks: list[str] = []
    for party, heading in _GROUPS:
        mine = [c for c in clauses if c.party == party]
        if mine:
            items = "\n".join(sentences.clause(c, wording) for c in mine)
            blocks += [f"### {heading}", items]
    return blocks


def reviews_section(contract: Contract) -> list[str]:
    reviews = contract.reviews
    lines = [
        f"- **{label}:** {inline(text)}"
        for key, label in _REVIEWS
        if reviews is not None and (text := getattr(reviews, key))
    ]
    return ["\n".join(lines)] if lines else ["No review cadence agreed yet."]


def pilot_section(contract: Contract) -> list[str]:
    pilot = contract.pilot
    if pilot is None:
        return ["No pilot planned."]
    last = words.long_date(pilot.end - words.ONE_DAY)
    return [
        f"A {pilot.weeks}-week pilot runs from {words.long_date(pilot.start)} to {last} "
        "inclusive. What it measures sets the baselines; a directional commitment "
        "stays directional until a number is adopted."
    ]
