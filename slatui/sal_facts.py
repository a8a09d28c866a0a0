"""What the SAL audit reads: hand-offs, contacts, accounts, activities, verdicts.

Plain frozen values, so the audit's rules (`slatui.sal_audit`) can be tested
without a workspace and the store can hand them out without leaking rows.
Every instant is aware UTC, as the workspace stores it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Verdict = Literal["sal_accepted", "sal_rejected"]
VERDICTS: tuple[Verdict, ...] = ("sal_accepted", "sal_rejected")
HANDOFF = "sal_notified"


@dataclass(frozen=True)
class Handoff:
    """One `sal_notified` event: marketing handing a lead to sales.

    `event` is the event's id, so every audited line can be traced back to
    the row it came from.
    """

    event: int
    notified_at: dt.datetime
    lead: str | None
    contact: str | None
    account: str | None

    @property
    def key(self) -> str:
        """The item a verdict answers: the lead, or the account when there is none.

        The same keying as a response clock's items (DESIGN §3), so a
        rejection is matched to a hand-off the way a stop is matched to a start.
        """
        if self.lead is not None:
            return self.lead
        return f"account:{self.account}"


@dataclass(frozen=True)
class ContactFacts:
    """A contact as the workspace holds it; the seniority stored is the import's reading."""

    key: str
    account: str | None
    title: str | None
    seniority: str | None
    function: str | None


@dataclass(frozen=True)
class AccountFacts:
    """The firmographics and tier of an account; None means no source said."""

    key: str
    tier: str | None
    employees: int | None
    industry: str | None
    country: str | None


@dataclass(frozen=True)
class Activity:
    """An event that may be a touchpoint or an interest signal."""

    occurred_at: dt.datetime
    type: str
    quantity: float
    contact: str | None
    account: str | None


@dataclass(frozen=True)
class SalVerdict:
    """Sales' answer to a hand-off: accepted, or rejected with a reason in `detail`."""

    event: int
    occurred_at: dt.datetime
    type: Verdict
    lead: str | None
    account: str | None
    detail: str | None

    @property
    def key(self) -> str:
        """The item it answers, keyed like `Handoff.key`."""
        if self.lead is not None:
            return self.lead
        return f"account:{self.account}"
