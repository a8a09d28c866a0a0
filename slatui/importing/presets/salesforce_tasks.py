"""Salesforce tasks (Task object, API names or report labels) -> sales touches.

A *completed* task (`IsClosed`, else `Status` `Completed`) is a sales touch
when its kind says so (`words.touch_kind`): `TaskSubtype` first (`Call`,
`Email`, `LinkedIn`; `ListEmail` is a bulk send, never a follow-up), then
`Type` (`Call`, `Email`, `Meeting`; also in Spanish and French), then
`CallType` (`Inbound` / `Outbound`: a logged call). `call`, `sales_email`,
`meeting`, `outbound_outreach`; `Task`, `Other`, `To Do` and unknown values
are not touches. Open tasks are plans, not touches, and are skipped; so are
deleted tasks and list e-mails (`WhatId` a ListEmail, `0XB...`).

A completed task with *no* kind at all (`Type` empty and no `TaskSubtype`,
as in the weekly Data Export, which leaves `TaskSubtype` out) is rejected:
it may be a call or an e-mail, and dropping it would make sales look late.
Re-export with `TaskSubtype`, or import the typed tasks with --skip-bad-rows.

When: `CompletedDateTime`; else the later of `ActivityDate` (a date, i.e.
midnight) and `CreatedDate` (a task is done on its date, and not before it
was created: a call logged at 14:30 on its date is at 14:30, not midnight);
else whichever of the two the export has. Who and which account:
`activities.touch`.
"""

from __future__ import annotations

from slatui.importing.pipeline import Context, RowReject
from slatui.importing.presets.activities import touch
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.presets.words import fold, touch_kind
from slatui.importing.source import Row
from slatui.pilot.records import EventRecord

NAME = "salesforce-tasks"

COLUMNS = {
    "WhoId": "who",
    "WhatId": "what",
    "AccountId": "account",
    "IsDeleted": "is_deleted",
    "Type": "type",
    "TaskSubtype": "subtype",
    "CallType": "call_type",
    "Status": "status",
    "IsClosed": "is_closed",
    "ActivityDate": "activity_date",
    "CompletedDateTime": "completed_at",
    "CreatedDate": "created_at",
    "OwnerId": "owner",
    # report labels
    "Assigned": "owner",
    "Assigned To": "owner",
    "Activity Type": "type",
    "Task Subtype": "subtype",
    "Call Type": "call_type",
    "Date": "activity_date",
    "Due Date": "activity_date",
    "Completed Date/Time": "completed_at",
    "Created Date": "created_at",
    "Closed": "is_closed",
    "Account ID": "account",
    "Company / Account": "account_name",
}

DATES = ("activity_date", "completed_at", "created_at")

DIALECTS = (
    Dialect(
        "API names",
        {
            "TaskSubtype": 3,
            "CallType": 2,
            "CallDurationInSeconds": 2,
            "CompletedDateTime": 2,
            "WhoId": 2,
            "Status": 1,
            "ActivityDate": 1,
            "Priority": 1,
            "WhatId": 1,
            "IsClosed": 1,
            "ActivityDateTime": -6,
            "DurationInMinutes": -6,
        },
    ),
    Dialect(
        "report labels",
        {
            "Task Subtype": 3,
            "Call Result": 3,
            "Call Type": 2,
            "Activity Type": 2,
            "Assigned": 2,
            "Subject": 1,
            "Status": 1,
            "Date": 1,
        },
    ),
)

_DONE = frozenset(
    {"completed", "complete", "done", "closed", "completada", "completado", "cerrada",
     "cerrado", "terminee", "termine", "erledigt", "abgeschlossen", "concluida", "concluido"}
)  # fmt: skip
_LOGGED_CALLS = frozenset({"inbound", "outbound", "entrante", "saliente", "entrant", "sortant"})


def convert(row: Row, context: Context) -> list[EventRecord]:
    """One task -> a sales touch, nothing, or a reject (see the module docstring)."""
    cells = Cells(row, context)
    _refuse_blind_exports(cells)
    if cells.deleted() or not _done(cells) or _list_email(cells):
        return []
    kind = _kind(cells)
    if kind is None:
        return []
    at = cells.when("completed_at")
    if at is None:
        dated = [t for t in (cells.when("activity_date"), cells.when("created_at")) if t]
        if not dated:
            raise RowReject("the task has no date (completed_at, activity_date, created_at)")
        at = max(dated)
    return touch(cells, kind, at)


def _refuse_blind_exports(cells: Cells) -> None:
    """Columns without which no task can be read; checked on every row, cheaply."""
    if not any(cells.has(f) for f in DATES):
        raise RowReject(
            "the export has no date column (ActivityDate, CompletedDateTime or CreatedDate; "
            "--map COLUMN=activity_date names one)"
        )
    if not cells.has("status") and not cells.has("is_closed"):
        raise RowReject(
            "the export has neither Status nor IsClosed, so whether a task was done is "
            "unknown (--map COLUMN=status names one)"
        )


def _done(cells: Cells) -> bool:
    closed = cells.flag("is_closed")
    if closed is not None:
        return closed
    status = cells.text("status")
    return status is not None and fold(status) in _DONE


def _list_email(cells: Cells) -> bool:
    what = cells.ident("what")
    subtype = cells.text("subtype")
    return (what is not None and what.startswith("0XB")) or (
        subtype is not None and fold(subtype).replace(" ", "") == "listemail"
    )


def _kind(cells: Cells) -> str | None:
    """The touch type; None when the task is no touch; RowReject when nothing says."""
    subtype = cells.text("subtype")
    kind_text = cells.text("type")
    said = [touch_kind(v) for v in (subtype, kind_text) if v is not None]
    for found in said:
        if found not in ("none", "unknown"):
            return found
    call_type = cells.text("call_type")
    if call_type is not None and fold(call_type) in _LOGGED_CALLS:
        return "call"
    if said:
        return None  # a kind was given and it is not a sales touch
    missing = "" if cells.has("subtype") else " and the export has no TaskSubtype column"
    raise RowReject(
        f"the task's kind is unknown: Type is empty{missing}, so it may be a call or an "
        "e-mail; re-export with TaskSubtype (or --map COLUMN=type), or import the typed "
        "tasks with --skip-bad-rows"
    )


def notes(fields: frozenset[str]) -> list[str]:
    """What a tasks import of these columns will not give."""
    if "subtype" in fields:
        return []
    return [
        "no TaskSubtype column: a completed task whose Type is empty is rejected (it may "
        "be a call or an e-mail); re-export with TaskSubtype, or use --skip-bad-rows"
    ]


PRESET = make_preset(
    NAME,
    "Salesforce tasks",
    columns=COLUMNS,
    convert=convert,
    produces=("events",),
    required=(),
    dates=DATES,
    dialects=DIALECTS,
    notes=notes,
)
