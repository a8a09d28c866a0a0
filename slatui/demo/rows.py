"""The rows of the demo pilot, one dataclass per canonical CSV file.

They hold exactly the columns of slatui's canonical CSV (README "The
canonical CSV"), so writing them is a plain `csv.writer` and importing them
is the ordinary `slatui import` path: the demo proves the import, it does
not bypass it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

UTC = dt.UTC


def iso_utc(moment: dt.datetime) -> str:
    """An instant as the CSV writes it: ISO 8601 in UTC with `Z`, to the second."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _cell(value: str | None) -> str:
    return "" if value is None else value


@dataclass(frozen=True, slots=True)
class AccountRow:
    """An account of the target list, as a CRM export would give it."""

    key: str
    name: str
    domain: str
    tier: str
    owner: str | None
    industry: str
    employees: int
    country: str
    external_id: str

    def cells(self) -> tuple[str, ...]:
        """The row in the column order of `ACCOUNT_FIELDS`."""
        return (
            self.key,
            self.name,
            self.domain,
            self.tier,
            _cell(self.owner),
            self.industry,
            str(self.employees),
            self.country,
            self.external_id,
        )


@dataclass(frozen=True, slots=True)
class ContactRow:
    """A person at an account; the import derives seniority and function from the title."""

    key: str
    account: str
    title: str
    name: str
    email: str

    def cells(self) -> tuple[str, ...]:
        """The row in the column order of `CONTACT_FIELDS`."""
        return (self.key, self.account, self.title, self.name, self.email)


EventOrder = tuple[dt.datetime, str, str, str, str, int, str, str, str]


@dataclass(frozen=True, slots=True)
class Event:
    """One event of the pilot.

    `droppable` marks background engagement (a click, a download) that the
    generator may remove again to keep the story clean: it never reaches the
    CSV, it only tells `engagement.settle` what is scenery and what is plot.
    """

    at: dt.datetime
    type: str
    account: str | None
    contact: str | None = None
    lead: str | None = None
    quantity: int = 1
    actor: str | None = None
    channel: str | None = None
    detail: str | None = None
    droppable: bool = False

    def cells(self) -> tuple[str, ...]:
        """The row in the column order of `EVENT_FIELDS`."""
        return (
            iso_utc(self.at),
            self.type,
            _cell(self.account),
            _cell(self.contact),
            _cell(self.lead),
            str(self.quantity),
            _cell(self.actor),
            _cell(self.channel),
            _cell(self.detail),
        )

    def identity(self) -> tuple[object, ...]:
        """What the workspace treats as the same event (its fingerprint's fields).

        Two events sharing this would import as one and a duplicate, so the
        generator keeps them apart.
        """
        return (
            self.at,
            self.type,
            self.account,
            self.contact,
            self.lead,
            self.quantity,
            self.detail,
        )

    def order(self) -> EventOrder:
        """The file's order: by time, then by every column, so output never depends on
        the order the generator happened to produce events in."""
        return (
            self.at,
            self.type,
            _cell(self.account),
            _cell(self.contact),
            _cell(self.lead),
            self.quantity,
            _cell(self.actor),
            _cell(self.channel),
            _cell(self.detail),
        )
