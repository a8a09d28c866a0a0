"""What the Pilot screen's workers report back, in the past tense (see messages.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from screens.event_pager import EventPageRequest
    from slatui.contract.model import Contract
    from store import Account, BatchResult, EventPage, Summary, UndoResult


@dataclass
class PilotLoaded(Message):
    """The workspace's summary (window, counts, batches) and the agreement it was read under."""

    summary: Summary
    contract: Contract | None
    account_keys: list[str]


@dataclass
class EventsLoaded(Message):
    """One page of the events table, the request that asked for it and the matching total."""

    request: EventPageRequest
    page: EventPage
    total: int


@dataclass
class AccountsLoaded(Message):
    """The accounts of one tier (None: all accounts), for the Accounts tab."""

    tier: str | None
    untiered: bool
    accounts: list[Account]


@dataclass
class BatchUndone(Message):
    """A batch was removed from the workspace."""

    result: UndoResult


@dataclass
class EventLogged(Message):
    """An event was logged by hand, as a batch of its own."""

    result: BatchResult
