"""Salesforce opportunities (API names, report labels in English, French, Spanish) -> events.

Each opportunity becomes `opportunity_created` at `CreatedDate` and, once
closed, `closed_won` or `closed_lost` at `CloseDate` (`deals.deal_events`):
`IsWon` / `IsClosed` decide when the export has them (the weekly export's
open stages are Spanish, `Negociación`, `Firmas`, while its closed ones keep
the picklist's API values `Closed Won` / `Closed Lost`), else the stage name
(`Cerrada ganada`, `Fermée gagnée`, ...). A loss carries its reason
(`Loss_Reason__c` or `LossReason__c`, else the stage). The opportunity id is
the events' `lead`; the account is `AccountId`, or a report's "Account Name"
when it has no id.

A product report has a row per product line: the opportunity's events
repeat and the store keeps each once. Deleted opportunities are skipped.

Creation is also what a converted lead says (`salesforce-leads`): import
opportunity creation from one of the two, or the conversions count twice
(`--map ConvertedDate=` leaves them out of a leads import).
"""

from __future__ import annotations

from slatui.importing.pipeline import Context
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.presets.deals import deal_events
from slatui.importing.source import Row
from slatui.pilot.records import EventRecord

NAME = "salesforce-opportunities"

COLUMNS = {
    "Id": "key",
    "IsDeleted": "is_deleted",
    "AccountId": "account",
    "StageName": "stage",
    "CreatedDate": "created_at",
    "CloseDate": "close_date",
    "IsClosed": "is_closed",
    "IsWon": "is_won",
    "OwnerId": "owner",
    "Loss_Reason__c": "loss_reason",
    "LossReason__c": "loss_reason_2",
    # report labels (English)
    "Opportunity ID": "key",
    "Opportunity Number": "key",
    "Account ID": "account",
    "Account Name": "account_name",
    "Stage": "stage",
    "Created Date": "created_at",
    "Close Date": "close_date",
    "Closed": "is_closed",
    "Won": "is_won",
    "Opportunity Owner": "owner",
    "Loss Reason": "loss_reason",
    # report labels (French)
    "ID de l'opportunité": "key",
    "Nom du compte": "account_name",
    "Étape": "stage",
    "Date de création": "created_at",
    "Date de clôture": "close_date",
    "Fermée": "is_closed",
    "Gagnée": "is_won",
    "Propriétaire de l'opportunité": "owner",
    # report labels (Spanish)
    "ID de la oportunidad": "key",
    "Nombre de la cuenta": "account_name",
    "Etapa": "stage",
    "Fecha de creación": "created_at",
    "Fecha de cierre": "close_date",
    "Cerrada": "is_closed",
    "Ganada": "is_won",
    "Propietario de la oportunidad": "owner",
}

DATES = ("created_at", "close_date")

DIALECTS = (
    Dialect(
        "API names",
        {
            "IsWon": 3,
            "IsClosed": 2,
            "StageName": 2,
            "ForecastCategoryName": 2,
            "AccountId": 1,
            "CloseDate": 1,
            "Probability": 1,
            "Amount": 1,
            "Name": 1,
            "OpportunityId": -6,
            "FromOpportunityStageName": -6,
        },
    ),
    Dialect(
        "report labels",
        {
            "Opportunity Name": 3,
            "Opportunity Owner": 3,
            "Opportunity ID": 2,
            "Opportunity Number": 2,
            "Stage": 2,
            "Close Date": 1,
            "Created Date": 1,
            "Account Name": 1,
            "Won": 1,
            "Closed": 1,
            "Amount": 1,
        },
    ),
    Dialect(
        "French report labels",
        {
            "Propriétaire de l'opportunité": 3,
            "Nom de l'opportunité": 3,
            "Étape": 2,
            "Date de clôture": 2,
            "Opportunity Number": 2,
            "Date de création": 1,
            "Nom du compte": 1,
        },
    ),
    Dialect(
        "Spanish report labels",
        {
            "Propietario de la oportunidad": 3,
            "Nombre de la oportunidad": 3,
            "Etapa": 2,
            "Fecha de cierre": 2,
            "Fecha de creación": 1,
            "Nombre de la cuenta": 1,
        },
    ),
)


def convert(row: Row, context: Context) -> list[EventRecord]:
    """One opportunity -> its creation and, if closed, its outcome."""
    cells = Cells(row, context)
    if cells.deleted():
        return []
    account = cells.ident("account") or cells.text("account_name")
    return deal_events(cells, key=cells.key(), account=account)


def notes(fields: frozenset[str]) -> list[str]:
    """What an opportunities import of these columns will not give."""
    found = []
    if "created_at" not in fields:
        found.append("no CreatedDate column: no opportunity_created, closes only")
    if not fields & {"stage", "is_won", "is_closed"}:
        found.append("no StageName, IsWon or IsClosed column: no closed_won / closed_lost")
    elif "close_date" not in fields:
        found.append("no CloseDate column: every closed opportunity will be rejected")
    return found


PRESET = make_preset(
    NAME,
    "Salesforce opportunities",
    columns=COLUMNS,
    convert=convert,
    produces=("events",),
    dates=DATES,
    dialects=DIALECTS,
    hints={"key": "Id (API), Opportunity ID or Opportunity Number (report)"},
    notes=notes,
)
