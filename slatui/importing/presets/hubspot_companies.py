"""HubSpot companies -> accounts.

The account's key and external id are the company's Record ID (what a
contact's or deal's "Associated Company IDs" refer to). Mapped: "Company
name", the domain ("Company Domain Name", else "Website URL"), "Company
owner", "Industry", "Number of Employees", "Country/Region", and the tier
from HubSpot's ABM property "Ideal Customer Profile Tier" (`Tier 1` is the
agreement's tier id with that number) or a "Tier" column. A company's
creation and last activity are not pilot events.
"""

from __future__ import annotations

from slatui.importing.pipeline import Context
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.source import Row
from slatui.pilot.records import AccountRecord

NAME = "hubspot-companies"

COLUMNS = {
    "Record ID": "key",
    "Company name": "name",
    "Company Domain Name": "website",
    "Website URL": "website_2",
    "Company owner": "owner",
    "Industry": "industry",
    "Number of Employees": "employees",
    "Country/Region": "country",
    "Ideal Customer Profile Tier": "tier",
    "Tier": "tier",
    "ABM Tier": "tier",
}

DIALECTS = (
    Dialect(
        "export",
        {
            "Company name": 3,
            "Company owner": 3,
            "Company Domain Name": 2,
            "Ideal Customer Profile Tier": 2,
            "Record ID": 1,
            "Country/Region": 1,
            "Industry": 1,
            "Number of Employees": 1,
            "Contact owner": -6,
            "Deal owner": -6,
            "First Name": -3,
            "Last Name": -3,
        },
    ),
)


def convert(row: Row, context: Context) -> list[AccountRecord]:
    """One company -> one account fact."""
    cells = Cells(row, context)
    key = cells.key()
    return [
        AccountRecord(
            key=key,
            name=cells.text("name"),
            domain=cells.domain("website", "website_2"),
            tier=cells.tier(),
            owner=cells.text("owner"),
            industry=cells.text("industry"),
            employees=cells.count("employees"),
            country=cells.text("country"),
            external_id=key,
            line=row.line,
        )
    ]


PRESET = make_preset(
    NAME,
    "HubSpot companies",
    columns=COLUMNS,
    convert=convert,
    produces=("accounts",),
    dialects=DIALECTS,
    hints={"key": "Record ID"},
)
