"""The human-readable detail of log entries: what an import or an edit did.

Kept apart from `Store` so the log says *what* changed (the clause diff, which
signatures went stale) without the store's transaction code growing around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.versions import signature_states

if TYPE_CHECKING:
    from slatui.contract.model import Contract

MAX_CHANGES = 3


def import_detail(contract: Contract, source: str) -> str:
    """Where the version came from and how each imported signature was judged."""
    states = signature_states(contract)
    if not states:
        return f"from {source}; no signatures"
    judged = ", ".join(f"{s.party} ({s.name}) {_verdict(s.valid)}" for s in states)
    return f"from {source}; signatures: {judged}"


def edit_detail(before: Contract, after: Contract) -> str:
    """The first few clause changes, and which signatures the edit made stale."""
    from slatui.contract.diff import diff

    changes = [change.render() for change in diff(before, after)]
    shown = "; ".join(changes[:MAX_CHANGES]) or "clause order changed"
    if len(changes) > MAX_CHANGES:
        shown += f" (+{len(changes) - MAX_CHANGES} more)"
    was_valid = {s.party for s in signature_states(before) if s.valid}
    stale = [s for s in signature_states(after) if not s.valid and s.party in was_valid]
    if stale:
        names = ", ".join(f"{s.party} ({s.name})" for s in stale)
        shown += f"; now stale: the signature of {names}"
    return shown


def _verdict(valid: bool) -> str:
    return "valid" if valid else "not valid: the content changed after signing"
