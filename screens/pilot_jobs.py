"""The Pilot screen's store work: each function runs in a worker and returns a message.

Kept apart from the screen so that the screen only arranges widgets and the
reading (which agreement, which zone, which window) has one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from screens.pilot_messages import (
    AccountsLoaded,
    BatchUndone,
    EventLogged,
    EventsLoaded,
    PilotLoaded,
)
from store import NoAgreement

if TYPE_CHECKING:
    from textual.message import Message

    from screens.event_pager import EventPageRequest
    from slatui.contract.model import Contract
    from slatui.pilot.records import EventRecord
    from store import Store

MAX_SUGGESTED_ACCOUNTS = 50_000  # account keys offered when logging an event


def current_contract(store: Store) -> Contract | None:
    """The latest agreement version's contract, None before there is one."""
    try:
        return store.current().contract
    except NoAgreement:
        return None


def load_overview(store: Store) -> Message:
    """Counts, batches and the pilot window as of the store's "now" in the agreement's zone."""
    from zoneinfo import ZoneInfo

    contract = current_contract(store)
    now = store.now()
    pilot = None
    if contract is not None:
        now = now.astimezone(ZoneInfo(contract.agreement.timezone))
        pilot = contract.pilot
    keys = [account.key for account in store.accounts(limit=MAX_SUGGESTED_ACCOUNTS)]
    return PilotLoaded(store.summary(pilot, now), contract, keys)


def load_events(store: Store, request: EventPageRequest) -> Message:
    """One page of events and how many match the filter."""
    page = store.events_page(request.filters, after=request.after, limit=request.size)
    return EventsLoaded(request, page, store.events_count(request.filters))


def load_accounts(store: Store, tier: str | None, untiered: bool) -> Message:
    """The accounts of one tier (or those without one), by key."""
    accounts = store.accounts(tier, untiered=untiered, limit=2000)
    return AccountsLoaded(tier, untiered, accounts)


def undo(store: Store, batch_id: int) -> Message:
    """Remove one batch completely."""
    return BatchUndone(store.undo_batch(batch_id))


def log(store: Store, event: EventRecord) -> Message:
    """Record one event by hand (an event already held is refused: DuplicateEvent)."""
    return EventLogged(store.log_event(event))
