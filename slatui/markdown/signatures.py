"""The signature block: who signed which content, and whether it still holds.

A signature binds to a digest of the content, not to a version number, so the
block shows the digest each party signed next to the current one: a stale
signature is visible on paper, never silently kept.
"""

from __future__ import annotations

from slatui.contract.canonical import signature_valid
from slatui.contract.model import Contract, Signoff
from slatui.markdown import words
from slatui.markdown.escape import inline

PARTIES = ("marketing", "sales")
_SHORT = len("sha256:") + 12


def section(contract: Contract, current: str) -> list[str]:
    """The current digest, one line per party, and whether the contract is agreed."""
    lines = "\n".join(_party_line(contract, party, current) for party in PARTIES)
    return [f"Content digest: `{current}`", lines, _verdict(contract)]


def state(contract: Contract, party: str, current: str) -> str:
    """'signed by …, valid', 'signature by … is stale: …' or 'awaiting signature'."""
    signoff = _signoff(contract, party, current)
    if signoff is None:
        return "awaiting signature"
    when = words.long_moment(signoff.signed_at, contract.agreement.timezone)
    name = inline(signoff.name)
    if signoff.digest == current:
        return f"signed by {name} on {when} (digest `{short(signoff.digest)}`, valid)"
    return (
        f"signature by {name} is stale: the content changed after signing "
        f"(signed digest `{short(signoff.digest)}`, current `{short(current)}`)"
    )


def short(digest: str) -> str:
    """'sha256:0123456789ab…': enough to compare by eye."""
    return digest[:_SHORT] + "…"


def _party_line(contract: Contract, party: str, current: str) -> str:
    owner = getattr(contract.agreement, party).owner
    return f"- **{words.party(party)}** ({inline(owner)}): {state(contract, party, current)}."


def _signoff(contract: Contract, party: str, current: str) -> Signoff | None:
    """The party's valid signature if any, else its latest one."""
    mine = [s for s in contract.signoffs if s.party == party]
    valid = [s for s in mine if s.digest == current]
    chosen = valid or sorted(mine, key=lambda s: s.signed_at)[-1:]
    return chosen[0] if chosen else None


def _verdict(contract: Contract) -> str:
    missing = [party for party in PARTIES if not signature_valid(contract, party)]
    if not missing:
        return "Agreed: both parties signed this exact content."
    return (
        f"Not agreed yet: awaiting a valid signature from {words.join(missing)}. "
        "A signature counts only for the content digest above."
    )
