"""The three kinds of pilot data, in the names of DESIGN §5 and the canonical CSV.

Every importer (the canonical CSV, each preset, `slatui log`, the demo pilot)
produces these records and nothing else, so the workspace has one way in and
the measurements one shape to read.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

SENIORITY_ORDER: tuple[str, ...] = ("ic", "manager", "director", "vp", "c_level")


@dataclass(frozen=True)
class AccountRecord:
    """An account as one source saw it; None means "this source does not say"."""

    key: str
    name: str | None = None
    domain: str | None = None
    tier: str | None = None
    owner: str | None = None
    industry: str | None = None
    employees: int | None = None
    country: str | None = None
    external_id: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class ContactRecord:
    """A person at an account; seniority and function are derived from the title."""

    key: str
    account: str | None = None
    title: str | None = None
    seniority: str | None = None
    function: str | None = None
    name: str | None = None
    email: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class EventRecord:
    """Something that happened during the pilot; `occurred_at` is aware UTC.

    `lead` is the item a response clock follows (a SAL, an inquiry, a content
    request); `quantity` carries counts such as 1,184 impressions in one row.
    """

    occurred_at: dt.datetime
    type: str
    account: str | None = None
    contact: str | None = None
    lead: str | None = None
    quantity: float = 1.0
    actor: str | None = None
    channel: str | None = None
    detail: str | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        if self.occurred_at.tzinfo is None or self.occurred_at.utcoffset() != dt.timedelta(0):
            raise ValueError("occurred_at must be an aware UTC datetime")
        if not math.isfinite(self.quantity) or self.quantity < 0:
            raise ValueError("quantity must be a finite number, 0 or more")
