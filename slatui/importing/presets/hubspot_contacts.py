"""HubSpot contacts (default view or all properties) -> contacts and SAL events.

A contact is keyed by its Record ID, attached to its company
(`hubspot.company`), its "Job Title" classified. HubSpot records the date a
contact entered each lifecycle stage, and those dates are the hand-off:

* "Became a Marketing Qualified Lead Date" -> `sal_notified`: marketing has
  qualified the contact and hands it to sales; this is when sales is
  notified and the first-contact clock starts.
* "Became a Sales Qualified Lead Date" -> `sal_accepted`: in HubSpot's
  definition an SQL is a contact sales has accepted for follow-up, i.e.
  sales' verdict on the hand-off. Only for a contact whose MQL date is in the
  file (a contact sales created itself was never handed off).
* "Lead Status" `Unqualified` / `Bad Timing` -> `sal_rejected` with the
  status as detail, only at a rejection date mapped with --map
  COLUMN=rejected_at: HubSpot keeps no such date, and its "Last Modified
  Date" moves with every e-mail open, so it is no stand-in.
* "Became an Opportunity Date" -> `opportunity_created` (the SAL's
  opportunity, for SAL-to-opportunity rates; deal outcomes come from the
  deals export).

The contact's Record ID is each event's `contact` and `lead`.
"""

from __future__ import annotations

import datetime as dt

from slatui.importing.pipeline import Context
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.presets.hubspot import company
from slatui.importing.presets.words import lead_state
from slatui.importing.source import Row
from slatui.pilot.records import ContactRecord, EventRecord

NAME = "hubspot-contacts"

COLUMNS = {
    "Record ID": "key",
    "First Name": "first_name",
    "Last Name": "last_name",
    "Email": "email",
    "Job Title": "title",
    "Contact owner": "owner",
    "Primary Associated Company ID": "account",
    "Associated Company IDs": "account_ids",
    "Associated Company": "account_name",
    "Lead Status": "lead_status",
    "Became a Marketing Qualified Lead Date": "mql_at",
    "Became a Sales Qualified Lead Date": "sql_at",
    "Became an Opportunity Date": "opportunity_at",
}

DATES = ("mql_at", "sql_at", "opportunity_at", "rejected_at")

DIALECTS = (
    Dialect(
        "export",
        {
            "Contact owner": 3,
            "Became a Marketing Qualified Lead Date": 3,
            "Became a Sales Qualified Lead Date": 3,
            "Lifecycle Stage": 2,
            "Lead Status": 2,
            "Marketing contact status": 2,
            "Primary Associated Company ID": 2,
            "Record ID": 1,
            "First Name": 1,
            "Last Name": 1,
            "Email": 1,
            "Job Title": 1,
            "Associated Company": 1,
            "Company owner": -6,
            "Deal owner": -6,
        },
    ),
)


def convert(row: Row, context: Context) -> list[ContactRecord | EventRecord]:
    """One contact -> the contact and its lifecycle events."""
    cells = Cells(row, context)
    account = company(cells)
    out: list[ContactRecord | EventRecord] = [cells.contact(account)]

    def event(kind: str, at: dt.datetime | None, detail: str | None = None) -> None:
        if at is not None:
            out.append(cells.lead_event(kind, at, account, detail))

    notified = cells.when("mql_at")
    if notified is not None:
        event("sal_notified", notified)
        event("sal_accepted", cells.when("sql_at"))
        status = cells.text("lead_status")
        if status is not None and lead_state(status) == "rejected":
            event("sal_rejected", cells.when("rejected_at"), status)
    event("opportunity_created", cells.when("opportunity_at"))
    return out


def notes(fields: frozenset[str]) -> list[str]:
    """What a contacts import of these columns will not give."""
    if "mql_at" in fields:
        return []
    return [
        "no Became a Marketing Qualified Lead Date column: contacts import without "
        "hand-offs (sal_notified, and so no verdicts)"
    ]


PRESET = make_preset(
    NAME,
    "HubSpot contacts",
    columns=COLUMNS,
    convert=convert,
    produces=("contacts", "events"),
    dates=DATES,
    dialects=DIALECTS,
    hints={"key": "Record ID"},
    notes=notes,
    extra=("rejected_at",),
)
