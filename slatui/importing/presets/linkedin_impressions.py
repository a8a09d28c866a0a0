"""LinkedIn Campaign Manager, per company per day -> `ad_impression` and `ad_click`.

A row of a company breakdown (Campaign Manager's company demographics or
company engagement report, by day) says how often the company's people saw
and clicked the ads that day: one `ad_impression` whose `quantity` is
"Impressions" and one `ad_click` whose `quantity` is "Clicks" (none for a
zero or empty count), on the company as `account` (LinkedIn names companies,
so match them to accounts by that name), with the campaign as detail and
`linkedin` as channel.

The day is "Start Date (in UTC)" (or "Date"/"Day"): LinkedIn states its
zone, so a naive date there is UTC, not the agreement's zone.

Campaign Manager's ad performance and conversion reports are per campaign,
not per company ("Account Name" there is the *ad account*): they lack the
company column and are refused with what to export instead (or --map
COLUMN=company when a column does name the company).
"""

from __future__ import annotations

import datetime as dt

from slatui.importing.pipeline import Context, RowReject
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.source import Row
from slatui.pilot.records import EventRecord

NAME = "linkedin-company-impressions"

COLUMNS = {
    "Start Date (in UTC)": "day",
    "Date": "day",
    "Day": "day",
    "Company": "company",
    "Company Name": "company",
    "Member Company": "company",
    "Organization": "company",
    "Impressions": "impressions",
    "Clicks": "clicks",
    "Campaign Name": "campaign",
    "Campaign": "campaign",
}

DIALECTS = (
    Dialect(
        "Campaign Manager",
        {
            "Start Date (in UTC)": 3,
            "Impressions": 3,
            "Clicks": 2,
            "Company": 3,
            "Company Name": 3,
            "Campaign Name": 1,
            "Total Spent": 1,
            "Campaign Objective": 1,
        },
    ),
)


def convert(row: Row, context: Context) -> list[EventRecord]:
    """One company-day -> its impressions and clicks, as counts."""
    cells = Cells(row, context)
    company = cells.text("company")
    if company is None:
        raise RowReject("company is empty: impressions must belong to a company")
    at = cells.when("day", zone=dt.UTC)
    if at is None:
        raise RowReject("day is empty: impressions need the day they were served")
    campaign = cells.text("campaign")
    out: list[EventRecord] = []
    for kind, field in (("ad_impression", "impressions"), ("ad_click", "clicks")):
        count = cells.count(field)
        if count:
            out.append(
                EventRecord(
                    occurred_at=at,
                    type=kind,
                    account=company,
                    quantity=float(count),
                    channel="linkedin",
                    detail=campaign,
                    line=row.line,
                )
            )
    return out


def notes(fields: frozenset[str]) -> list[str]:
    """What an impressions import of these columns will not give."""
    return [] if "clicks" in fields else ["no Clicks column: impressions only, no ad_click"]


PRESET = make_preset(
    NAME,
    "LinkedIn company impressions",
    columns=COLUMNS,
    convert=convert,
    produces=("events",),
    required=("day", "company", "impressions"),
    dates=("day",),
    dialects=DIALECTS,
    hints={
        "day": "Start Date (in UTC)",
        "company": "Company: export the report broken down by company",
        "impressions": "Impressions",
    },
    notes=notes,
)
