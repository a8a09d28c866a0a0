"""One period's SAL audit: the store's reads, then the domain's judgement.

All reads happen first, in one snapshot and a constant number of statements
(hand-offs, their contacts, their events, the candidates, theirs, the
accounts of all of them, the verdicts); the criteria then run in Python
without holding the store's lock, so a screen's worker never keeps other
readers waiting while 20,000 hand-offs are checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from slatui.contract.model import Contract, SalDefinition
from slatui.sal_audit import (
    AuditReport,
    audit_handoff,
    never_handed_off,
    rejection_summary,
)
from slatui.sal_facts import AccountFacts, Activity, ContactFacts, Handoff, SalVerdict
from slatui.sal_window import window_floor
from slatui.workcal import WorkCalendar
from store.store import Store


@dataclass(frozen=True)
class _Reads:
    handoffs: list[Handoff]
    contacts: dict[str, ContactFacts]
    activities: list[Activity]
    candidates: list[ContactFacts]
    candidate_activities: list[Activity]
    accounts: dict[str, AccountFacts]
    verdicts: list[SalVerdict]


def audit_period(
    store: Store, contract: Contract, since: dt.datetime, until: dt.datetime, as_of: dt.datetime
) -> AuditReport:
    """The SAL audit of [since, until) as of `as_of`; ValueError without a [sal] clause.

    Hand-offs are those notified in the period before `as_of`; the contacts
    never handed off are judged at the period's end (or at `as_of`, if it
    comes first) and must have no `sal_notified` before `as_of`; verdicts
    count up to `as_of`, wherever they fall.
    """
    definition = contract.sal
    if definition is None:
        raise ValueError("the agreement has no [sal] definition to audit the hand-offs against")
    calendar = WorkCalendar.from_contract(contract)
    end = max(since, min(until, as_of))
    with store.audit_snapshot():
        reads = _read(store, definition, calendar, since, end, as_of)
    return _judge(definition, calendar, reads, since, until, as_of, end)


def _types(definition: SalDefinition) -> list[str]:
    touch = definition.touchpoints.types if definition.touchpoints else []
    return sorted({*touch, *definition.interest_signals})


def _floor(
    definition: SalDefinition, calendar: WorkCalendar, moment: dt.datetime
) -> dt.datetime | None:
    """How far back the events of a moment's window go (any time, without a window)."""
    rule = definition.touchpoints
    return None if rule is None else window_floor(calendar, moment, rule.within)


def _read(
    store: Store,
    definition: SalDefinition,
    calendar: WorkCalendar,
    since: dt.datetime,
    end: dt.datetime,
    as_of: dt.datetime,
) -> _Reads:
    handoffs = store.sal_handoffs(since, end)
    contacts = store.contact_facts({h.contact for h in handoffs if h.contact is not None})
    first = handoffs[0].notified_at if handoffs else end
    activities = store.activities(
        _types(definition),
        _floor(definition, calendar, first),
        end,
        contacts={h.contact for h in handoffs if h.contact is not None},
        accounts={h.account for h in handoffs if h.contact is None and h.account is not None},
    )
    candidates = _candidates(store, definition, calendar, end, as_of) if end > since else []
    candidate_activities = store.activities(
        _types(definition),
        _floor(definition, calendar, end),
        end,
        contacts={c.key for c in candidates},
    )
    account_keys = {h.account for h in handoffs} | {
        c.account for c in (*contacts.values(), *candidates)
    }
    return _Reads(
        handoffs=handoffs,
        contacts=contacts,
        activities=activities,
        candidates=candidates,
        candidate_activities=candidate_activities,
        accounts=store.account_facts({key for key in account_keys if key is not None}),
        verdicts=store.sal_verdicts(
            first,
            as_of,
            leads={h.lead for h in handoffs if h.lead is not None},
            accounts={h.account for h in handoffs if h.lead is None and h.account is not None},
        ),
    )


def _candidates(
    store: Store,
    definition: SalDefinition,
    calendar: WorkCalendar,
    at: dt.datetime,
    as_of: dt.datetime,
) -> list[ContactFacts]:
    rule = definition.touchpoints
    if rule is not None and not rule.types:
        return []  # no type counts as a touchpoint: nobody can meet the definition
    return store.sal_candidates(
        tiers=definition.tiers,
        touch_types=rule.types if rule else [],
        min_touches=rule.min if rule else 0,
        since=_floor(definition, calendar, at),
        until=at,
        notified_before=as_of,
    )


def _judge(
    definition: SalDefinition,
    calendar: WorkCalendar,
    reads: _Reads,
    since: dt.datetime,
    until: dt.datetime,
    as_of: dt.datetime,
    end: dt.datetime,
) -> AuditReport:
    by_contact = _group(reads.activities, lambda a: a.contact)
    anonymous = {h.account for h in reads.handoffs if h.contact is None}
    by_account = _group(reads.activities, lambda a: a.account if a.account in anonymous else None)
    audits = []
    for handoff in reads.handoffs:
        contact = reads.contacts.get(handoff.contact) if handoff.contact else None
        account_key = handoff.account or (contact.account if contact else None)
        events = (
            by_contact.get(handoff.contact, [])
            if handoff.contact is not None
            else by_account.get(handoff.account or "", [])
        )
        account = reads.accounts.get(account_key) if account_key else None
        audits.append(
            audit_handoff(definition, handoff, contact, account, events, events, calendar=calendar)
        )
    left = never_handed_off(
        definition,
        reads.candidates,
        reads.accounts,
        _group(reads.candidate_activities, lambda a: a.contact),
        at=end,
        calendar=calendar,
    )
    return AuditReport(
        since=since,
        until=until,
        as_of=as_of,
        handoffs=tuple(audits),
        never_handed_off=left,
        rejections=rejection_summary(reads.handoffs, reads.verdicts),
    )


def _group(
    activities: Iterable[Activity], key: Callable[[Activity], str | None]
) -> dict[str, list[Activity]]:
    grouped: dict[str, list[Activity]] = {}
    for activity in activities:
        value = key(activity)
        if value is not None:
            grouped.setdefault(value, []).append(activity)
    return grouped
