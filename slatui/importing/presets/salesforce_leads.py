"""Salesforce leads (Lead object, API names or report labels) -> contacts and SAL events.

Each lead is a person, so it becomes a contact keyed by the lead id (its
title classified), and its lifecycle becomes the events the SLA measures.
The lead id is the item (`lead`) of every event, so a call logged on the
lead (`WhoId`) stops the clock its hand-off started.

* **Hand-off.** A lead is handed off when its status says so
  (`words.lead_state`: `Working`, `Qualified`, `Closed - Converted`, `MQL`,
  `SAL`, ...; a rejected lead was handed off too), when a hand-off date is
  filled in, or when it was converted. `sal_notified` is placed at the
  hand-off date (`handoff_at`, then `mql_at`), else at `CreatedDate` (the
  issue's rule: "a lead's creation or hand-off date"). A lead whose file has
  neither is not given a made-up time: its hand-off is left out (and `detect`
  says so).
* **Verdict.** `sal_accepted` only at an acceptance date column
  (`--map COLUMN=accepted_at`): an accepted lead keeps being worked, so no
  other date says when it was accepted. `sal_rejected` for a rejected status
  (`Closed - Not Converted`, `Unqualified`, ...) at the rejection date, else
  at `LastModifiedDate` (closing is normally a lead's last edit, so this is
  the rejection or an upper bound of it), with the reason (or the status)
  as detail; only for a lead whose hand-off is in the file.
* **Conversion.** `IsConverted` with `ConvertedDate` -> `opportunity_created`,
  unless the export shows the conversion created no opportunity
  (`ConvertedOpportunityId` empty: Salesforce's "Don't create an
  opportunity"). Its account is `ConvertedAccountId`, which is also the
  lead's account.
* Deleted leads (`IsDeleted`) are skipped.
"""

from __future__ import annotations

import datetime as dt

from slatui.importing.pipeline import Context, RowReject
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.presets.words import lead_state
from slatui.importing.source import Row
from slatui.pilot.records import ContactRecord, EventRecord

NAME = "salesforce-leads"

COLUMNS = {
    # API names (Data Loader, weekly Data Export)
    "Id": "key",
    "IsDeleted": "is_deleted",
    "Name": "name",
    "FirstName": "first_name",
    "LastName": "last_name",
    "Email": "email",
    "Title": "title",
    "Status": "status",
    "OwnerId": "owner",
    "IsConverted": "is_converted",
    "ConvertedDate": "converted_at",
    "ConvertedAccountId": "account",
    "ConvertedOpportunityId": "converted_opportunity",
    "CreatedDate": "created_at",
    "LastModifiedDate": "modified_at",
    # common custom fields for the hand-off and the verdict
    "Handoff_Date__c": "handoff_at",
    "Hand_Off_Date__c": "handoff_at",
    "SAL_Date__c": "handoff_at",
    "MQL_Date__c": "mql_at",
    "Accepted_Date__c": "accepted_at",
    "Rejected_Date__c": "rejected_at",
    "Disqualified_Date__c": "rejected_at",
    "Rejection_Reason__c": "rejection_reason",
    "Disqualified_Reason__c": "rejection_reason",
    "Disqualification_Reason__c": "rejection_reason",
    "Unqualified_Reason__c": "rejection_reason",
    # report labels
    "Lead ID": "key",
    "Full Name": "name",
    "First Name": "first_name",
    "Last Name": "last_name",
    "Lead Status": "status",
    "Lead Owner": "owner",
    "Converted": "is_converted",
    "Converted Date": "converted_at",
    "Create Date": "created_at",
    "Created Date": "created_at",
    "Last Modified Date": "modified_at",
    "Hand-off Date": "handoff_at",
    "Handoff Date": "handoff_at",
    "SAL Date": "handoff_at",
    "MQL Date": "mql_at",
    "Accepted Date": "accepted_at",
    "Rejected Date": "rejected_at",
    "Disqualified Date": "rejected_at",
    "Rejection Reason": "rejection_reason",
    "Disqualified Reason": "rejection_reason",
    "Disqualification Reason": "rejection_reason",
    "Unqualified Reason": "rejection_reason",
}

DATES = ("converted_at", "created_at", "modified_at", "handoff_at", "mql_at", "accepted_at",
         "rejected_at")  # fmt: skip

DIALECTS = (
    Dialect(
        "API names",
        {
            "IsConverted": 3,
            "ConvertedDate": 3,
            "ConvertedAccountId": 3,
            "ConvertedOpportunityId": 2,
            "ConvertedContactId": 2,
            "Company": 2,
            "Status": 1,
            "LeadSource": 1,
            "OwnerId": 1,
            "Id": 1,
        },
    ),
    Dialect(
        "report labels",
        {
            "Lead ID": 3,
            "Lead Owner": 3,
            "Lead Status": 3,
            "Converted": 1,
            "Converted Date": 2,
            "Company / Account": 2,
            "Lead Source": 1,
            "Create Date": 1,
        },
    ),
)


def convert(row: Row, context: Context) -> list[ContactRecord | EventRecord]:
    """One lead -> its contact and its hand-off, verdict and conversion events."""
    cells = Cells(row, context)
    if cells.deleted():
        return []
    account = cells.ident("account")
    out: list[ContactRecord | EventRecord] = [cells.contact(account)]

    def event(kind: str, at: dt.datetime, detail: str | None = None) -> None:
        out.append(cells.lead_event(kind, at, account, detail))

    status = cells.text("status")
    state = lead_state(status) if status is not None else "not_handed_off"
    converted = bool(cells.flag("is_converted"))
    handoff = cells.when("handoff_at") or cells.when("mql_at")
    notified = handoff or cells.when("created_at")
    if notified is not None and (handoff or converted or state != "not_handed_off"):
        event("sal_notified", notified)
        accepted = cells.when("accepted_at")
        if accepted is not None:
            event("sal_accepted", accepted)
        if state == "rejected":
            rejected = cells.when("rejected_at") or cells.when("modified_at")
            if rejected is not None:
                event("sal_rejected", rejected, cells.text("rejection_reason") or status)
    if converted and _created_an_opportunity(cells):
        at = cells.when("converted_at")
        if at is None:
            if cells.has("converted_at"):
                raise RowReject("the lead is converted but converted_at is empty")
        else:
            event("opportunity_created", at)
    return out


def _created_an_opportunity(cells: Cells) -> bool:
    """False only when the export shows the conversion made no opportunity."""
    return (
        not cells.has("converted_opportunity") or cells.ident("converted_opportunity") is not None
    )


def notes(fields: frozenset[str]) -> list[str]:
    """What a leads import of these columns will not give."""
    found = []
    if not fields & {"created_at", "handoff_at", "mql_at"}:
        found.append(
            "no CreatedDate or hand-off date column: leads import as contacts and "
            "conversions, without hand-offs (sal_notified); --map COLUMN=handoff_at names one"
        )
    if "converted_at" in fields:
        found.append(
            "conversions become opportunity_created: do not also take them from an "
            "opportunities export (or --map ConvertedDate= here)"
        )
    return found


PRESET = make_preset(
    NAME,
    "Salesforce leads",
    columns=COLUMNS,
    convert=convert,
    produces=("contacts", "events"),
    dates=DATES,
    dialects=DIALECTS,
    hints={"key": "Id (API) or Lead ID (report)"},
    notes=notes,
)
