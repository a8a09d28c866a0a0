"""Salesforce events (the calendar Event object: meetings) -> `meeting` (or `call`).

A calendar event is a meeting held with the person (`WhoId`) or account it
is on, at `ActivityDateTime` (its start), or on `ActivityDate` for an
all-day event. An event whose `Type` is `Call` is a scheduled call and
becomes `call`; every other event is a `meeting`. Invitee copies of a group
event (`IsChild`) are skipped, since the parent already is the meeting, and
so are deleted events and events on no one (`activities.touch`).
"""

from __future__ import annotations

from slatui.importing.pipeline import Context, RowReject
from slatui.importing.presets.activities import touch
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.presets.words import touch_kind
from slatui.importing.source import Row
from slatui.pilot.records import EventRecord

NAME = "salesforce-events"

COLUMNS = {
    "WhoId": "who",
    "WhatId": "what",
    "AccountId": "account",
    "IsDeleted": "is_deleted",
    "IsChild": "is_child",
    "Type": "type",
    "ActivityDateTime": "start",
    "StartDateTime": "start",
    "ActivityDate": "activity_date",
    "OwnerId": "owner",
    # report labels
    "Assigned": "owner",
    "Assigned To": "owner",
    "Start": "start",
    "Start Date/Time": "start",
    "Date": "activity_date",
    "Account ID": "account",
    "Company / Account": "account_name",
}

DIALECTS = (
    Dialect(
        "API names",
        {
            "ActivityDateTime": 3,
            "DurationInMinutes": 3,
            "IsAllDayEvent": 3,
            "ShowAs": 2,
            "WhoId": 1,
            "WhatId": 1,
            "Location": 1,
            "TaskSubtype": -6,
            "Status": -3,
        },
    ),
    Dialect(
        "report labels",
        {"Start Date/Time": 3, "End Date/Time": 3, "All Day Event": 3, "Location": 1},
    ),
)


def convert(row: Row, context: Context) -> list[EventRecord]:
    """One calendar event -> one meeting (or call)."""
    cells = Cells(row, context)
    if cells.deleted() or cells.flag("is_child"):
        return []
    if not cells.has("start") and not cells.has("activity_date"):
        raise RowReject(
            "the export has no ActivityDateTime or ActivityDate column "
            "(--map COLUMN=start names the start)"
        )
    at = cells.when("start") or cells.when("activity_date")
    if at is None:
        raise RowReject("the event has no start (start and activity_date are empty)")
    kind_text = cells.text("type")
    kind = "call" if kind_text is not None and touch_kind(kind_text) == "call" else "meeting"
    return touch(cells, kind, at)


PRESET = make_preset(
    NAME,
    "Salesforce calendar events",
    columns=COLUMNS,
    convert=convert,
    produces=("events",),
    required=(),
    dates=("start", "activity_date"),
    dialects=DIALECTS,
)
