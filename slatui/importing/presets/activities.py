"""Who and what a Salesforce activity (task or calendar event) touched.

Shared by `salesforce-tasks` and `salesforce-events`:

* the person is `WhoId`: it is the event's `contact`, and its `lead` unless
  it is a Contact id (`003...`). A lead id is the item a SAL's clock follows,
  so a call on the lead stops it; a touch on a contact carries no item and
  counts for its account (DESIGN §3: an item is keyed by the events' lead, or
  by their account when they carry none), like a hand-off logged by hand;
* the account is `AccountId`, else `WhatId` when that is an account
  (`001...`), else a report's account name;
* an activity on nobody (no person, no account) is not a touch on anyone.
"""

from __future__ import annotations

import datetime as dt

from slatui.importing.presets.base import Cells, salesforce_kind
from slatui.pilot.records import EventRecord

CHANNELS = {"call": "phone", "sales_email": "email", "meeting": "meeting",
            "outbound_outreach": "linkedin"}  # fmt: skip


def touch(cells: Cells, kind: str, at: dt.datetime) -> list[EventRecord]:
    """The touch as an event, or nothing when it touched no person and no account."""
    who = cells.ident("who")
    what = cells.ident("what")
    account = cells.ident("account")
    if account is None and salesforce_kind(what) == "account":
        account = what
    account = account or cells.text("account_name")
    if who is None and account is None:
        return []
    return [
        EventRecord(
            occurred_at=at,
            type=kind,
            account=account,
            contact=who,
            lead=None if salesforce_kind(who) == "contact" else who,
            actor=cells.text("owner"),
            channel=CHANNELS.get(kind),
            line=cells.line,
        )
    ]
