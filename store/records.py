"""What the store hands out: plain frozen values, never database rows.

Screens and commands read these without knowing there is SQL underneath, and
being frozen they can travel between worker threads and the UI safely.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from slatui.contract.model import Contract


Status = Literal["draft", "awaiting signature", "agreed", "superseded"]
Action = Literal["imported", "edited", "signed", "new version"]
Signer = Literal["marketing", "sales"]
PARTIES: tuple[Signer, Signer] = ("marketing", "sales")


@dataclass(frozen=True)
class SignatureState:
    """A recorded signoff and whether it still matches the version's content."""

    party: str
    name: str
    signed_at: dt.datetime
    digest: str
    valid: bool


@dataclass(frozen=True)
class Version:
    """One version of the agreement with its derived status.

    `revision` grows with every write to the version (content or signatures),
    so two terminals editing the same draft can detect that they collided.
    """

    number: int
    contract: Contract
    status: Status
    revision: int
    created_at: dt.datetime
    updated_at: dt.datetime
    source: str
    signatures: list[SignatureState]
    digest: str
    agreed_at: dt.datetime | None

    @property
    def label(self) -> str:
        """The name people use for a version, e.g. v3."""
        return f"v{self.number}"

    def signature(self, party: str) -> SignatureState | None:
        """The party's recorded signature, valid or stale, if any."""
        return next((s for s in self.signatures if s.party == party), None)

    @property
    def unsigned_parties(self) -> list[str]:
        """Parties whose valid signature is still missing (in a fixed order)."""
        valid = {s.party for s in self.signatures if s.valid}
        return [party for party in PARTIES if party not in valid]


@dataclass(frozen=True)
class ImportResult:
    """The version an import created and the imported signatures that do not count."""

    version: Version
    invalid_signatures: list[SignatureState]


@dataclass(frozen=True)
class LogEntry:
    """One recorded action on the agreement, for `slatui contract log` and the TUI."""

    at: dt.datetime
    version: int
    action: Action
    party: str | None
    name: str | None
    detail: str
