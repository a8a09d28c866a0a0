"""The SAL audit: does each hand-off fit the definition both parties signed?

The guide's advice is to listen when sales says the leads are poor; the
audit makes that conversation factual. For one period it answers:

- each `sal_notified` checked criterion by criterion (`sal_criteria`), as of
  the notice, with the evidence;
- the contacts who fit the definition at the period's end but were never
  handed off (marketing left a lead on the table);
- how many of the period's hand-offs sales rejected, and why.

Rules where DESIGN is silent, chosen so the figures can be traced:

- A hand-off *meets* the definition when every criterion passes, *fails*
  when any fails, and is *unknown* otherwise (nothing failed, something could
  not be checked). An unknown is never counted as either.
- The rejection cohort is by notification period: the SALs notified in the
  period, each judged by its latest verdict (`sal_accepted` / `sal_rejected`)
  up to the as-of instant, wherever that verdict falls. A rejection later
  reversed by an acceptance is no longer a rejection.
- A verdict answers the latest hand-off of the same item (its lead, else its
  account) notified at or before it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from slatui.contract.model import SalDefinition
from slatui.sal_criteria import CriterionResult, Outcome, Subject, check_all
from slatui.sal_facts import (
    AccountFacts,
    Activity,
    ContactFacts,
    Handoff,
    SalVerdict,
)
from slatui.workcal import WorkCalendar

__all__ = [
    "AccountFacts",
    "Activity",
    "AuditReport",
    "CandidateAudit",
    "ContactFacts",
    "CriterionResult",
    "Handoff",
    "HandoffAudit",
    "Outcome",
    "RejectionSummary",
    "SalVerdict",
    "audit_handoff",
    "never_handed_off",
    "rejection_summary",
]

Fit = Literal["meets", "fails", "unknown"]
NO_REASON = "no reason given"


def _fit(criteria: Sequence[CriterionResult]) -> Fit:
    if any(c.outcome == "fail" for c in criteria):
        return "fails"
    return "meets" if all(c.outcome == "pass" for c in criteria) else "unknown"


def _criteria_json(criteria: Sequence[CriterionResult]) -> list[dict[str, str]]:
    return [{"name": c.name, "outcome": c.outcome, "evidence": c.evidence} for c in criteria]


@dataclass(frozen=True)
class HandoffAudit:
    """One hand-off and its criteria; `fit` sums them up."""

    handoff: Handoff
    criteria: tuple[CriterionResult, ...]

    @property
    def fit(self) -> Fit:
        """meets (all pass), fails (any fail), or unknown (neither)."""
        return _fit(self.criteria)

    @property
    def meets(self) -> bool:
        """Every criterion the definition sets passed."""
        return self.fit == "meets"

    @property
    def fails(self) -> bool:
        """At least one criterion failed: a hand-off outside the definition."""
        return self.fit == "fails"

    def criterion(self, name: str) -> CriterionResult | None:
        """The result of one criterion, if the definition sets it."""
        return next((c for c in self.criteria if c.name == name), None)

    def as_json(self) -> dict[str, Any]:
        """Plain JSON values, for the CLI and the review pack."""
        h = self.handoff
        return {
            "event": h.event,
            "notified_at": h.notified_at.isoformat(),
            "lead": h.lead,
            "contact": h.contact,
            "account": h.account,
            "fit": self.fit,
            "criteria": _criteria_json(self.criteria),
        }


@dataclass(frozen=True)
class CandidateAudit:
    """A contact who met the definition at `at` without ever being handed off."""

    contact: ContactFacts
    at: dt.datetime
    criteria: tuple[CriterionResult, ...]

    def as_json(self) -> dict[str, Any]:
        """Plain JSON values."""
        return {
            "contact": self.contact.key,
            "account": self.contact.account,
            "title": self.contact.title,
            "at": self.at.isoformat(),
            "criteria": _criteria_json(self.criteria),
        }


def audit_handoff(
    definition: SalDefinition,
    handoff: Handoff,
    contact: ContactFacts | None,
    account: AccountFacts | None,
    touches: Sequence[Activity],
    signals: Sequence[Activity],
    *,
    calendar: WorkCalendar,
) -> HandoffAudit:
    """Check one hand-off as of its notice.

    `touches` and `signals` are the events of the contact (of the account
    when the hand-off names no contact); they may include other types and
    times, each criterion keeps its own. The calendar places the window
    (`30d` is the same local time 30 days earlier; business units count on
    it) and the times in the evidence.
    """
    subject = Subject(
        at=handoff.notified_at,
        anchor="the notice",
        contact=contact,
        contact_gap=_contact_gap(handoff),
        account=account,
        account_gap=_account_gap(handoff.account or (contact.account if contact else None)),
        touches=touches,
        signals=signals,
    )
    return HandoffAudit(handoff, check_all(definition, calendar, subject))


def _contact_gap(handoff: Handoff) -> str:
    if handoff.contact is None:
        return "the hand-off names no contact"
    return f"contact {handoff.contact} is not in the workspace"


def _account_gap(key: str | None) -> str:
    if key is None:
        return "the hand-off names no account"
    return f"account {key} is not in the workspace"


def never_handed_off(
    definition: SalDefinition,
    candidates: Iterable[ContactFacts],
    accounts: Mapping[str, AccountFacts],
    activities: Mapping[str, Sequence[Activity]],
    *,
    at: dt.datetime,
    calendar: WorkCalendar,
) -> tuple[CandidateAudit, ...]:
    """The candidates who meet every criterion as of `at` (the period's end).

    The caller passes contacts never handed off; `activities` holds each
    one's events by contact key. Judged once, at `at`: a contact who fitted
    mid-period and cooled off by its end is not listed, because the audit
    asks who is waiting for sales now, not who once was.
    """
    found: list[CandidateAudit] = []
    for contact in candidates:
        events = activities.get(contact.key, ())
        subject = Subject(
            at=at,
            anchor="the end of the period",
            contact=contact,
            contact_gap="",
            account=accounts.get(contact.account) if contact.account else None,
            account_gap=_account_gap(contact.account),
            touches=events,
            signals=events,
        )
        criteria = check_all(definition, calendar, subject, stop_at_first_miss=True)
        if _fit(criteria) == "meets":
            found.append(CandidateAudit(contact, at, criteria))
    return tuple(found)


@dataclass(frozen=True)
class RejectionSummary:
    """A period's hand-offs, what sales said about them, and why they rejected."""

    notified: int
    accepted: int
    rejected: int
    reasons: tuple[tuple[str, int], ...]
    rejected_events: tuple[int, ...]

    @property
    def pending(self) -> int:
        """Hand-offs with no verdict yet."""
        return self.notified - self.accepted - self.rejected

    @property
    def share(self) -> float | None:
        """Rejected over notified; None when nothing was notified (no data, not 0%)."""
        return None if self.notified == 0 else self.rejected / self.notified

    def as_json(self) -> dict[str, Any]:
        """Plain JSON values; reasons most frequent first."""
        return {
            "notified": self.notified,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "pending": self.pending,
            "rejection_share": self.share,
            "reasons": [{"reason": r, "count": n} for r, n in self.reasons],
        }


def rejection_summary(
    notified: Sequence[Handoff], verdicts: Iterable[SalVerdict]
) -> RejectionSummary:
    """The cohort of `notified` (one period's hand-offs) against sales' verdicts.

    Pass the verdicts up to the as-of instant; each hand-off keeps its latest.
    `rejected_events` are the ids of the rejections counted, for drill-down.
    """
    latest = _latest_verdicts(notified, verdicts)
    rejections = [v for v in latest.values() if v.type == "sal_rejected"]
    accepted = sum(1 for v in latest.values() if v.type == "sal_accepted")
    return RejectionSummary(
        notified=len(notified),
        accepted=accepted,
        rejected=len(rejections),
        reasons=_reasons(rejections),
        rejected_events=tuple(sorted(v.event for v in rejections)),
    )


def _latest_verdicts(
    notified: Sequence[Handoff], verdicts: Iterable[SalVerdict]
) -> dict[int, SalVerdict]:
    """Hand-off event id -> its latest verdict (by time, then event id)."""
    by_key: dict[str, list[Handoff]] = {}
    for handoff in sorted(notified, key=lambda h: (h.notified_at, h.event)):
        by_key.setdefault(handoff.key, []).append(handoff)
    latest: dict[int, SalVerdict] = {}
    for verdict in sorted(verdicts, key=lambda v: (v.occurred_at, v.event)):
        same = by_key.get(verdict.key, [])
        index = bisect_right(same, verdict.occurred_at, key=lambda h: h.notified_at)
        if index:
            latest[same[index - 1].event] = verdict
    return latest


def _reasons(rejections: Sequence[SalVerdict]) -> tuple[tuple[str, int], ...]:
    """Reasons with counts, most frequent first; the same words in any case are one reason."""
    counts: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for verdict in sorted(rejections, key=lambda v: (v.occurred_at, v.event)):
        text = " ".join((verdict.detail or "").split()) or NO_REASON
        key = text.casefold()
        spelling.setdefault(key, text)
        counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple((spelling[key], n) for key, n in ranked)


@dataclass(frozen=True)
class AuditReport:
    """One period's audit: the hand-offs, the ones left on the table, the rejections."""

    since: dt.datetime
    until: dt.datetime
    as_of: dt.datetime
    handoffs: tuple[HandoffAudit, ...]
    never_handed_off: tuple[CandidateAudit, ...]
    rejections: RejectionSummary

    def count(self, fit: Fit) -> int:
        """How many hand-offs have this fit."""
        return sum(1 for audit in self.handoffs if audit.fit == fit)

    def as_json(self, *, detail: bool = False) -> dict[str, Any]:
        """The counts a CLI prints; with `detail`, every hand-off and candidate too."""
        out: dict[str, Any] = {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "as_of": self.as_of.isoformat(),
            "handoffs": len(self.handoffs),
            "meeting": self.count("meets"),
            "failing": self.count("fails"),
            "unknown": self.count("unknown"),
            "never_handed_off": len(self.never_handed_off),
            "rejected": self.rejections.rejected,
            "rejection_share": self.rejections.share,
            "reasons": self.rejections.as_json()["reasons"],
        }
        if detail:
            out["items"] = [audit.as_json() for audit in self.handoffs]
            out["candidates"] = [candidate.as_json() for candidate in self.never_handed_off]
        return out
