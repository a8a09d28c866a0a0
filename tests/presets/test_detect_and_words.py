"""Finding a preset (`get`, `detect`, `describe`) and the picklist vocabularies."""

from __future__ import annotations

import pytest

from slatui.importing.pipeline import Layout
from slatui.importing.presets import PRESETS, UnknownPreset, describe, detect, get
from slatui.importing.presets.words import lead_state, stage_outcome, touch_kind

from .support import FIXTURES


def test_every_preset_is_a_pipeline_layout_named_as_listed() -> None:
    assert list(PRESETS) == [
        "salesforce-leads",
        "salesforce-contacts",
        "salesforce-accounts",
        "salesforce-opportunities",
        "salesforce-opportunity-history",
        "salesforce-tasks",
        "salesforce-events",
        "hubspot-contacts",
        "hubspot-companies",
        "hubspot-deals",
        "linkedin-company-impressions",
        "marketo-activities",
    ]
    for name, preset in PRESETS.items():
        assert isinstance(preset, Layout)
        assert (preset.name, preset.kind, preset.preset) == (name, name, name)
        assert set(preset.required) <= set(preset.fields)
        assert set(preset.date_fields) <= set(preset.fields)


def test_get_names_the_closest_preset() -> None:
    assert get("hubspot-deals") is PRESETS["hubspot-deals"]
    with pytest.raises(KeyError) as caught:
        get("salesforce-lead")
    assert str(caught.value).startswith(
        "unknown preset 'salesforce-lead' (did you mean salesforce-leads?); the presets are "
        "salesforce-leads, salesforce-contacts,"
    )
    assert isinstance(caught.value, UnknownPreset)


@pytest.mark.parametrize(
    ("header", "name", "reason"),
    [
        (
            ["Id", "OwnerId", "IsConverted", "ConvertedDate", "Status"],
            "salesforce-leads",
            "has IsConverted, ConvertedDate, Status, OwnerId, Id: Salesforce leads (API names)",
        ),
        (
            ["Lead ID", "Lead Owner", "Lead Status", "Create Date"],
            "salesforce-leads",
            "has Lead ID, Lead Owner, Lead Status, Create Date: Salesforce leads (report labels)",
        ),
        (
            ["Id", "AccountId", "FirstName", "LastName", "Title", "MailingCountry"],
            "salesforce-contacts",
            "has MailingCountry, AccountId, Title, LastName, FirstName, ...: "
            "Salesforce contacts (API names)",
        ),
        (
            ["Opportunity ID", "Opportunity Name", "Stage", "Close Date", "Created Date"],
            "salesforce-opportunities",
            "has Opportunity Name, Opportunity ID, Stage, Close Date, Created Date: "
            "Salesforce opportunities (report labels)",
        ),
        (
            ["Id", "WhoId", "Subject", "ActivityDateTime", "DurationInMinutes"],
            "salesforce-events",
            "has ActivityDateTime, DurationInMinutes, WhoId: Salesforce calendar events "
            "(API names)",
        ),
        (
            ["Record ID", "Deal Name", "Deal Stage", "Close Date"],
            "hubspot-deals",
            "has Deal Name, Deal Stage, Close Date, Record ID: HubSpot deals (export)",
        ),
    ],
)
def test_detect_says_which_columns_gave_the_export_away(
    header: list[str], name: str, reason: str
) -> None:
    best = detect(header)[0]
    assert best.preset.name == name
    assert best.fits
    assert best.reasons == [reason]


def test_a_look_alike_column_counts_against_a_preset() -> None:
    # A Salesforce User export has a contact's columns, and Username, which no
    # Contact export has: it is not taken for contacts.
    user = ["Id", "Username", "FirstName", "LastName", "Title", "Email", "AccountId"]
    assert all(d.preset.name != "salesforce-contacts" or not d.fits for d in detect(user))
    assert describe(user).startswith("no preset fits")


def test_describe_says_what_a_fitting_preset_will_not_give() -> None:
    text = describe(["Id", "Status", "IsConverted", "ConvertedDate", "ConvertedAccountId"])
    # The API dialect's marks weigh 19; these columns 3 + 3 + 3 + 1 + 1 = 11: 0.58.
    assert text.splitlines() == [
        "fits: salesforce-leads (0.58): has IsConverted, ConvertedDate, ConvertedAccountId, "
        "Status, Id: Salesforce leads (API names)",
        "  note: no CreatedDate or hand-off date column: leads import as contacts and "
        "conversions, without hand-offs (sal_notified); --map COLUMN=handoff_at names one",
        "  note: conversions become opportunity_created: do not also take them from an "
        "opportunities export (or --map ConvertedDate= here)",
    ]


def test_describe_names_the_closest_preset_and_what_it_misses() -> None:
    header = ["Start Date (in UTC)", "Account Name", "Campaign Name", "Impressions", "Clicks"]
    # Marks weigh 17; present 3 + 3 + 2 + 1 = 9: 0.53 (Account Name is the ad account).
    assert describe(header) == (
        "no preset fits; closest: linkedin-company-impressions (0.53): has Start Date (in "
        "UTC), Impressions, Clicks, Campaign Name: LinkedIn company impressions (Campaign "
        "Manager); missing company (Company: export the report broken down by company); use "
        "--map COLUMN=FIELD (with --preset linkedin-company-impressions) or the canonical "
        "CSV (slatui import events|accounts|contacts FILE)"
    )


def test_describe_a_file_no_preset_knows() -> None:
    assert describe(["product", "series", "sales_price"]) == (
        "no preset fits: no column of the file is one a preset knows; use --preset NAME "
        "with --map COLUMN=FIELD, or the canonical CSV (slatui import "
        "events|accounts|contacts FILE)"
    )


@pytest.mark.parametrize(
    ("fixture", "name"),
    [
        ("salesforce_leads_api.csv", "salesforce-leads"),
        ("salesforce_leads_report.csv", "salesforce-leads"),
        ("salesforce_accounts.csv", "salesforce-accounts"),
        ("salesforce_contacts_report.csv", "salesforce-contacts"),
        ("salesforce_opportunities.csv", "salesforce-opportunities"),
        ("salesforce_opportunities_fr.csv", "salesforce-opportunities"),
        ("salesforce_history.csv", "salesforce-opportunity-history"),
        ("salesforce_tasks.csv", "salesforce-tasks"),
        ("salesforce_tasks_no_subtype.csv", "salesforce-tasks"),
        ("salesforce_events.csv", "salesforce-events"),
        ("hubspot_contacts.csv", "hubspot-contacts"),
        ("hubspot_companies.csv", "hubspot-companies"),
        ("hubspot_deals.csv", "hubspot-deals"),
        ("linkedin_company.csv", "linkedin-company-impressions"),
        ("marketo_activities.csv", "marketo-activities"),
    ],
)
def test_each_fixture_is_detected_as_its_preset(fixture: str, name: str) -> None:
    from slatui.importing.presets import detect_file

    best = detect_file(FIXTURES / fixture)[0]
    assert (best.preset.name, best.fits) == (name, True)


# ---------------------------------------------------------------- vocabularies


@pytest.mark.parametrize(
    ("stage", "outcome"),
    [
        ("Closed Won", "won"),
        ("closedwon", "won"),
        ("Closed Won (Sales Pipeline)", "won"),
        ("Cerrada ganada", "won"),
        ("Fermée gagnée", "won"),
        ("Won", "won"),
        ("Closed Lost", "lost"),
        ("Cerrada perdida", "lost"),
        ("Fermée perdue", "lost"),
        ("Lost", "lost"),
        ("Negociación", None),
        ("Firmas", None),
        ("Proposal/Price Quote", None),
    ],
)
def test_stage_outcome(stage: str, outcome: str | None) -> None:
    assert stage_outcome(stage) == outcome


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("Working - Contacted", "handed_off"),
        ("Working", "handed_off"),
        ("Qualified", "handed_off"),
        ("Closed - Converted", "handed_off"),
        ("MQL", "handed_off"),
        ("Sales Accepted", "handed_off"),
        ("Closed - Not Converted", "rejected"),
        ("Unqualified", "rejected"),
        ("Disqualified", "rejected"),
        ("Bad Timing", "rejected"),
        ("Open - Not Contacted", "not_handed_off"),
        ("New", "not_handed_off"),
        ("Nurturing", "not_handed_off"),
        ("Something Else", "not_handed_off"),
    ],
)
def test_lead_state(status: str, state: str) -> None:
    assert lead_state(status) == state


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("Call", "call"),
        ("Llamada", "call"),
        ("Appel", "call"),
        ("Email", "sales_email"),
        ("E-mail", "sales_email"),
        ("Meeting", "meeting"),
        ("Reunión", "meeting"),
        ("LinkedIn", "outbound_outreach"),
        ("Task", "none"),
        ("Other", "none"),
        ("ListEmail", "none"),
        ("Cadence", "unknown"),
        ("Demo", "unknown"),
    ],
)
def test_touch_kind(value: str, kind: str) -> None:
    assert touch_kind(value) == kind
