"""Salesforce opportunity history (OpportunityHistory, API names) -> `opportunity_stage`.

Each history row records the opportunity's state at `CreatedDate`; a row is
a *stage change* when its `StageName` differs from `FromOpportunityStageName`
(the weekly export has it; an empty one is the opportunity's first stage).
Rows that only change the amount, probability or close date (same stage)
are not events. Without that column (the Power BI sample) every row is taken
as a stage record. The event's `lead` is the `OpportunityId`, its detail the
stage; OpportunityHistory carries no account.

Closing stages here are *not* turned into `closed_won` / `closed_lost`: the
opportunity export says that once, with the close date, while a history may
close, reopen and close again (the sample has deals going `Closed Won` ->
`Closed Lost`), which would count one deal's close twice.
"""

from __future__ import annotations

from slatui.importing.pipeline import Context, RowReject
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.presets.words import fold
from slatui.importing.source import Row
from slatui.pilot.records import EventRecord

NAME = "salesforce-opportunity-history"

COLUMNS = {
    "OpportunityId": "opportunity",
    "IsDeleted": "is_deleted",
    "StageName": "stage",
    "FromOpportunityStageName": "previous_stage",
    "CreatedDate": "created_at",
    "CreatedById": "actor",
    # report labels ("Opportunity History" / "Stage History" reports)
    "Opportunity ID": "opportunity",
    "To Stage": "stage",
    "From Stage": "previous_stage",
    "Edit Date": "created_at",
}

DIALECTS = (
    Dialect(
        "API names",
        {
            "OpportunityId": 3,
            "FromOpportunityStageName": 2,
            "StageName": 2,
            "PrevAmount": 1,
            "PrevCloseDate": 1,
            "CreatedDate": 1,
            "ForecastCategory": 1,
        },
    ),
    Dialect(
        "report labels",
        {"Opportunity ID": 2, "From Stage": 3, "To Stage": 3, "Edit Date": 1},
    ),
)


def convert(row: Row, context: Context) -> list[EventRecord]:
    """One history row -> `opportunity_stage` if it changed the stage."""
    cells = Cells(row, context)
    if cells.deleted():
        return []
    stage = cells.text("stage")
    previous = cells.text("previous_stage")
    if stage is None or (previous is not None and fold(previous) == fold(stage)):
        return []
    at = cells.when("created_at")
    if at is None:
        raise RowReject("created_at is empty: a stage change needs the time it was made")
    return [
        EventRecord(
            occurred_at=at,
            type="opportunity_stage",
            lead=cells.key("opportunity"),
            actor=cells.text("actor"),
            detail=stage,
            line=row.line,
        )
    ]


PRESET = make_preset(
    NAME,
    "Salesforce opportunity history",
    columns=COLUMNS,
    convert=convert,
    produces=("events",),
    required=("opportunity", "stage", "created_at"),
    dates=("created_at",),
    dialects=DIALECTS,
    hints={
        "opportunity": "OpportunityId",
        "stage": "StageName",
        "created_at": "CreatedDate (when the change was made)",
    },
)
