"""Marketo activities (bulk activity extract, or an activity log) -> engagement events.

Each activity is one event on its lead (`leadId`, the event's `lead` and
`contact`) at `activityDate`, by activity type (id, or name when the export
names it; Marketo's standard ids):

| id | Marketo activity | event |
|---|---|---|
| 1 | Visit Webpage | `page_view` |
| 2 | Fill Out Form | `form_submit` |
| 6 | Send Email | `nurture_email` |
| 10 | Open Email | `email_open` |
| 11 | Click Email | `email_click` |
| 39 | Send Sales Email | `sales_email` |
| 40 | Open Sales Email | `email_open` |
| 41 | Click Sales Email | `email_click` |
| 46 | Interesting Moment | `intent_signal` |
| 104 | Change Status in Progression to `Attended` | `webinar_attended` |

The detail is the asset (`primaryAttributeValue`: the form, e-mail, page or
program). A status change is an attendance only when its "New Status"
(in the `attributes` JSON) is `Attended` (or `Attended On-demand`) and its
"Old Status" was not already that (Marketo logs no-op changes). Every other
type (Email Delivered, Change Score, Add to List, custom activities, ...)
is not a pilot event and is skipped. Marketo activities carry no account.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from slatui.importing.pipeline import Context, RowReject
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.presets.words import fold
from slatui.importing.source import Row
from slatui.pilot.records import EventRecord

NAME = "marketo-activities"

COLUMNS = {
    "leadId": "lead",
    "Lead ID": "lead",
    "activityDate": "at",
    "Activity Date": "at",
    "Date/Time": "at",
    "activityTypeId": "type_id",
    "Activity Type ID": "type_id",
    "activityTypeName": "type_name",
    "Activity Type": "type_name",
    "primaryAttributeValue": "asset",
    "Detail": "asset",
    "attributes": "attributes",
}

BY_ID: Mapping[int, str] = {
    1: "page_view",
    2: "form_submit",
    6: "nurture_email",
    10: "email_open",
    11: "email_click",
    39: "sales_email",
    40: "email_open",
    41: "email_click",
    46: "intent_signal",
}
BY_NAME: Mapping[str, str] = {
    "visit webpage": "page_view",
    "fill out form": "form_submit",
    "send email": "nurture_email",
    "open email": "email_open",
    "click email": "email_click",
    "send sales email": "sales_email",
    "open sales email": "email_open",
    "click sales email": "email_click",
    "interesting moment": "intent_signal",
}
STATUS_CHANGE = 104
CHANNELS = {"page_view": "web", "form_submit": "web", "intent_signal": None,
            "webinar_attended": "webinar", "sales_email": "email"}  # fmt: skip
_ATTENDED = frozenset({"attended", "attended on demand"})

DIALECTS = (
    Dialect(
        "bulk extract",
        {
            "marketoGUID": 3,
            "activityTypeId": 3,
            "primaryAttributeValueId": 2,
            "primaryAttributeValue": 2,
            "leadId": 2,
            "activityDate": 2,
            "campaignId": 1,
            "attributes": 1,
        },
    ),
)


def convert(row: Row, context: Context) -> list[EventRecord]:
    """One activity -> its event, or nothing for a type that is not a pilot event."""
    cells = Cells(row, context)
    if not cells.has("type_id") and not cells.has("type_name"):
        raise RowReject(
            "the export has no activity type column (activityTypeId, or Activity Type; "
            "--map COLUMN=type_id names one)"
        )
    asset = cells.text("asset")
    kind = _kind(cells)
    if kind == "status_change":
        asset, kind = _status_change(cells, asset)
    if kind is None:
        return []
    at = cells.when("at")
    if at is None:
        raise RowReject("at is empty: an activity needs its date")
    lead = cells.text("lead")
    return [
        EventRecord(
            occurred_at=at,
            type=kind,
            contact=lead,
            lead=lead,
            channel=CHANNELS.get(kind, "email"),
            detail=asset,
            line=row.line,
        )
    ]


def _kind(cells: Cells) -> str | None:
    name = cells.text("type_name")
    if name is not None:
        words = fold(name)
        return "status_change" if words == "change status in progression" else BY_NAME.get(words)
    number = cells.count("type_id")
    if number == STATUS_CHANGE:
        return "status_change"
    return None if number is None else BY_ID.get(number)


def _status_change(cells: Cells, asset: str | None) -> tuple[str | None, str | None]:
    """(detail, `webinar_attended`) for a real change to Attended, else (asset, None)."""
    text = cells.text("attributes")
    if text is None:
        return asset, None
    try:
        attributes = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RowReject(f"attributes is not JSON ({exc.msg} at character {exc.pos})") from None
    if not isinstance(attributes, dict):
        raise RowReject("attributes is not a JSON object")
    new = str(attributes.get("New Status") or "")
    old = str(attributes.get("Old Status") or "")
    if fold(new) not in _ATTENDED or fold(old) in _ATTENDED:
        return asset, None
    return asset, "webinar_attended"


PRESET = make_preset(
    NAME,
    "Marketo activities",
    columns=COLUMNS,
    convert=convert,
    produces=("events",),
    required=("lead", "at"),
    dates=("at",),
    dialects=DIALECTS,
    hints={"lead": "leadId", "at": "activityDate"},
)
