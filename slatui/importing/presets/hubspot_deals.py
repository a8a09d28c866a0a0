"""HubSpot deals -> `opportunity_created`, `closed_won`, `closed_lost`.

The deal (its Record ID is the events' `lead`) is created at "Create Date"
and closed at "Close Date" (`deals.deal_events`): won or lost by HubSpot's
"Is Closed Won" / "Is Deal Closed?" when the export has them, else by the
"Deal Stage" label (`Closed Won`, `Closed Lost`, also `Closed Won (Sales
Pipeline)` and the internal `closedwon`); every other stage is open. A loss
carries "Closed Lost Reason". The account is the deal's company
(`hubspot.company`). HubSpot's default deals view has no "Create Date": such
an export gives closes only, and `detect` says so.
"""

from __future__ import annotations

from slatui.importing.pipeline import Context
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.presets.deals import deal_events
from slatui.importing.presets.hubspot import company
from slatui.importing.source import Row
from slatui.pilot.records import EventRecord

NAME = "hubspot-deals"

COLUMNS = {
    "Record ID": "key",
    "Deal Stage": "stage",
    "Create Date": "created_at",
    "Close Date": "close_date",
    "Deal owner": "owner",
    "Is Closed Won": "is_won",
    "Is Deal Closed?": "is_closed",
    "Closed Lost Reason": "loss_reason",
    "Primary Associated Company ID": "account",
    "Associated Company IDs (Primary)": "account",
    "Associated Company IDs": "account_ids",
    "Associated Company": "account_name",
}

DIALECTS = (
    Dialect(
        "export",
        {
            "Deal Name": 3,
            "Deal Stage": 3,
            "Deal owner": 3,
            "Pipeline": 2,
            "Amount": 1,
            "Close Date": 1,
            "Record ID": 1,
        },
    ),
)


def convert(row: Row, context: Context) -> list[EventRecord]:
    """One deal -> its creation and, if closed, its outcome."""
    cells = Cells(row, context)
    return deal_events(cells, key=cells.key(), account=company(cells))


def notes(fields: frozenset[str]) -> list[str]:
    """What a deals import of these columns will not give."""
    found = []
    if "created_at" not in fields:
        found.append("no Create Date column: deals give their closes only, no opportunity_created")
    if not fields & {"account", "account_ids", "account_name"}:
        found.append("no Associated Company column: the deals' events have no account")
    return found


PRESET = make_preset(
    NAME,
    "HubSpot deals",
    columns=COLUMNS,
    convert=convert,
    produces=("events",),
    dates=("created_at", "close_date"),
    dialects=DIALECTS,
    hints={"key": "Record ID"},
    notes=notes,
)
