"""Salesforce contacts (Contact object, API names or report labels) -> contacts.

A contact is a person at an account: keyed by its id, attached to its
`AccountId`, its title classified (the contract's `[sal.titles]` first). A
contact's creation is not a pilot event, so this preset produces none; the
touches on a contact come from its tasks and meetings (`WhoId`).

A report that has only the account's *name* ("Account Name") attaches the
contact to that name, which matches an account imported under that key; the
id is used whenever the report has it. Deleted contacts are skipped.
"""

from __future__ import annotations

from slatui.importing.pipeline import Context
from slatui.importing.presets.base import Cells, Dialect, make_preset
from slatui.importing.source import Row
from slatui.pilot.records import ContactRecord

NAME = "salesforce-contacts"

COLUMNS = {
    "Id": "key",
    "IsDeleted": "is_deleted",
    "AccountId": "account",
    "Name": "name",
    "FirstName": "first_name",
    "LastName": "last_name",
    "Email": "email",
    "Title": "title",
    # report labels
    "Contact ID": "key",
    "Account ID": "account",
    "Account Name": "account_name",
    "Full Name": "name",
    "First Name": "first_name",
    "Last Name": "last_name",
}

DIALECTS = (
    Dialect(
        "API names",
        {
            "AccountId": 2,
            "ReportsToId": 3,
            "MailingCountry": 3,
            "MailingCity": 2,
            "Department": 1,
            "Title": 1,
            "LastName": 1,
            "FirstName": 1,
            "Email": 1,
            "Id": 1,
            "Username": -6,
            "ProfileId": -6,
            "IsConverted": -6,
            "ConvertedDate": -6,
        },
    ),
    Dialect(
        "report labels",
        {
            "Contact ID": 3,
            "Contact Owner": 3,
            "Mailing Country": 2,
            "Account Name": 1,
            "Title": 1,
            "First Name": 1,
            "Last Name": 1,
            "Lead ID": -6,
            "Lead Status": -6,
        },
    ),
)


def convert(row: Row, context: Context) -> list[ContactRecord]:
    """One contact row -> one contact."""
    cells = Cells(row, context)
    if cells.deleted():
        return []
    return [cells.contact(cells.ident("account") or cells.text("account_name"))]


PRESET = make_preset(
    NAME,
    "Salesforce contacts",
    columns=COLUMNS,
    convert=convert,
    produces=("contacts",),
    dialects=DIALECTS,
    hints={"key": "Id (API) or Contact ID (report)"},
)
