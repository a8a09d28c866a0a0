"""Salesforce accounts (Account object, API names or report labels) -> accounts.

The account's key and external id are its Salesforce id (18-character form),
the id every other Salesforce export refers to it by (`AccountId`,
`ConvertedAccountId`, a task's `WhatId`). Mapped: name, owner (`OwnerId`),
industry, employees (`NumberOfEmployees`), country (`BillingCountry`, else
`BillingCountryCode`), domain (from `Website`), and the tier when the org
keeps one (`ABM_Tier__c`, `Tier__c`, a report's "Tier"; `Tier 1` is read as
the agreement's tier id with that number). Creating an account is not a
pilot event. Deleted accounts are skipped.

A report without the account id cannot give accounts a key other exports
share; it is refused at the mapping with the remedy (`--map COLUMN=key`).
"""

from __future__ import annotations

from slatui.importing.pipeline import Context
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.source import Row
from slatui.pilot.records import AccountRecord

NAME = "salesforce-accounts"

COLUMNS = {
    "Id": "key",
    "IsDeleted": "is_deleted",
    "Name": "name",
    "Website": "website",
    "OwnerId": "owner",
    "Industry": "industry",
    "NumberOfEmployees": "employees",
    "BillingCountry": "country",
    "BillingCountryCode": "country_code",
    "ABM_Tier__c": "tier",
    "Tier__c": "tier",
    "Account_Tier__c": "tier",
    # report labels
    "Account ID": "key",
    "Account Name": "name",
    "Account Owner": "owner",
    "Employees": "employees",
    "Billing Country": "country",
    "Billing Country Code": "country_code",
    "Tier": "tier",
    "ABM Tier": "tier",
    "Account Tier": "tier",
}

DIALECTS = (
    Dialect(
        "API names",
        {
            "NumberOfEmployees": 3,
            "BillingCountry": 2,
            "BillingCity": 2,
            "AnnualRevenue": 2,
            "AccountSource": 2,
            "ParentId": 2,
            "Ownership": 2,
            "Website": 1,
            "Industry": 1,
            "Name": 1,
            "Id": 1,
            "IsConverted": -6,
            "ConvertedDate": -6,
            "FirstName": -3,
            "LastName": -3,
        },
    ),
    Dialect(
        "report labels",
        {
            "Account Owner": 3,
            "Account Name": 2,
            "Account ID": 2,
            "Billing Country": 2,
            "Employees": 2,
            "Website": 1,
            "Industry": 1,
            "Annual Revenue": 1,
            "Task Subtype": -6,
            "Activity ID": -6,
            "Opportunity Name": -6,
            "Contact ID": -6,
            "Lead ID": -6,
            "First Name": -3,
        },
    ),
)


def convert(row: Row, context: Context) -> list[AccountRecord]:
    """One account row -> one account fact."""
    cells = Cells(row, context)
    if cells.deleted():
        return []
    key = cells.key()
    return [
        AccountRecord(
            key=key,
            name=cells.text("name"),
            domain=cells.domain("website"),
            tier=cells.tier(),
            owner=cells.text("owner"),
            industry=cells.text("industry"),
            employees=cells.count("employees"),
            country=cells.first("country", "country_code"),
            external_id=key,
            line=row.line,
        )
    ]


PRESET = make_preset(
    NAME,
    "Salesforce accounts",
    columns=COLUMNS,
    convert=convert,
    produces=("accounts",),
    dialects=DIALECTS,
    hints={"key": "Id (API) or Account ID (report)"},
)
