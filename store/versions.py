"""The version rules, free of SQL: signature validity, status, agreement time.

Status rule (the one the header, the CLI and the TUI all show):

- the latest version's status comes from its *valid* signatures:
  none -> "draft", one party -> "awaiting signature", both -> "agreed";
- every older version is "superseded", except the newest agreed version while
  a newer, not yet agreed draft is being written: that one stays "agreed",
  because it is the version in force until the draft is agreed.

A stale signature (content changed after signing, or imported with a digest
that does not match) is kept and shown, but never counts.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from store.records import PARTIES, SignatureState, Status

if TYPE_CHECKING:
    from slatui.contract.model import Contract

_BY_VALID_COUNT: dict[int, Status] = {0: "draft", 1: "awaiting signature", 2: "agreed"}


def signature_states(contract: Contract) -> list[SignatureState]:
    """Each recorded signoff, judged against the content it travels with."""
    from slatui.contract.canonical import digest

    current = digest(contract)
    return [
        SignatureState(s.party, s.name, s.signed_at, s.digest, s.digest == current)
        for s in contract.signoffs
    ]


def valid_parties(contract: Contract) -> set[str]:
    """Parties whose signature matches the content (only these count)."""
    return {s.party for s in signature_states(contract) if s.valid}


def agreed_at(contract: Contract) -> dt.datetime | None:
    """When the contract became agreed: the later of the two valid signatures."""
    valid = [s for s in signature_states(contract) if s.valid]
    if {s.party for s in valid} != set(PARTIES):
        return None
    return max(s.signed_at for s in valid)


def status_of(number: int, *, latest: int, in_force: int | None, contract: Contract) -> Status:
    """Apply the status rule of this module's docstring to one version."""
    if number == latest:
        return _BY_VALID_COUNT[len(valid_parties(contract))]
    if number == in_force:
        return "agreed"
    return "superseded"


def describe_status(status: Status, unsigned: list[str]) -> str:
    """The status with what it waits for, e.g. awaiting signature (sales has not signed)."""
    if status in ("draft", "awaiting signature") and unsigned:
        return f"{status} ({' and '.join(unsigned)} {_verb(unsigned)} not signed)"
    return status


def _verb(parties: list[str]) -> str:
    return "has" if len(parties) == 1 else "have"
