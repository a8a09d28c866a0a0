"""Every real export in ../shared/realdata through the presets: imported, or refused with why.

Each CSV file has one expected outcome below (SOURCES.md, the only other
file there, describes them). The counts were worked out from the files
themselves, not from this code: by reading the rows, and by counting cells
with Python's `csv` module on the raw file (for example, "IsWon TRUE on 12
of Opportunity.csv's 36 rows"); the reasoning is written beside each
number. Skipped when the folder is absent (the files are never copied here).

Header-only files (an export's header row, no data) are detected as their
preset, and say what an import would lack; files no preset fits are refused
with the reason `describe` gives, which names the closest preset and what
it misses, or the canonical CSV.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest

from slatui.importing.presets import PRESETS, describe, detect_file
from slatui.importing.source import CsvSource

from .support import REALDATA, convert_file, utc

pytestmark = pytest.mark.skipif(not REALDATA.is_dir(), reason=f"{REALDATA} is absent")


@dataclass(frozen=True)
class Imports:
    """The file fits ``preset``: its rows become these records (and rejects)."""

    preset: str
    rows: int
    accounts: int = 0
    contacts: int = 0
    events: Mapping[str, int] = field(default_factory=dict)
    rejected: int = 0


@dataclass(frozen=True)
class HeaderOnly:
    """A header row alone: detected as ``preset``; ``says`` is in `describe`'s text."""

    preset: str
    says: str = ""


@dataclass(frozen=True)
class Refused:
    """No preset fits: `describe` starts with ``says``."""

    says: str


NO_PRESET = "no preset fits: the columns are not those of an export slatui knows (nearest: "
NONE_KNOWN = "no preset fits: no column of the file is one a preset knows"
POWERBI_LEAD = Imports(
    "salesforce-leads",
    # 22 data rows (23 lines), 22 leads -> 22 contacts. IsConverted TRUE on lines 2,
    # 4, 7, 20 and 23, each with a ConvertedDate (02/24/26) and a
    # ConvertedOpportunityId -> 5 opportunity_created. The file has no CreatedDate
    # and no hand-off date, so the 9 "Working - Contacted" and 8 "Closed -
    # Converted" leads get no sal_notified, and the 3 "Closed - Not Converted" no
    # sal_rejected (a verdict only follows a hand-off in the file).
    rows=22,
    contacts=22,
    events={"opportunity_created": 5},
)

OUTCOMES: dict[str, Imports | HeaderOnly | Refused] = {
    # ------------------------------------------------------------ derived
    # The sample Lead.csv byte for byte after a BOM (diff), and the same rows
    # before a report footer: the same records.
    "derived/Lead_utf8_bom.csv": POWERBI_LEAD,
    "derived/Lead_with_sf_report_footer.csv": POWERBI_LEAD,
    # ------------------------------------------------------------ export headers
    "export_headers/hubspot_companies_default_view_export.header.csv": HeaderOnly(
        "hubspot-companies", "has Company name, Company owner, Record ID"
    ),
    "export_headers/hubspot_contacts_all_properties_export.header.csv": HeaderOnly(
        "hubspot-contacts", "Became a Marketing Qualified Lead Date"
    ),
    "export_headers/hubspot_contacts_default_view_export.header.csv": HeaderOnly(
        "hubspot-contacts",
        "note: no Became a Marketing Qualified Lead Date column: contacts import without hand-offs",
    ),
    "export_headers/hubspot_deals_export.header.csv": HeaderOnly(
        "hubspot-deals",
        "note: no Create Date column: deals give their closes only, no opportunity_created",
    ),
    "export_headers/linkedin_account_match_company_list_template.header.csv": Refused(
        NO_PRESET + "hubspot-companies (0.07): has industry"
    ),
    "export_headers/linkedin_campaign_manager_ad_performance.header.csv": Refused(
        "no preset fits; closest: linkedin-company-impressions (0.65): has Start Date (in "
        "UTC), Impressions, Clicks, Campaign Name, Total Spent, ...: LinkedIn company "
        "impressions (Campaign Manager); missing company (Company: export the report "
        "broken down by company); use --map COLUMN=FIELD (with --preset "
        "linkedin-company-impressions) or the canonical CSV"
    ),
    "export_headers/linkedin_campaign_manager_conversion_performance.header.csv": Refused(
        "no preset fits; closest: linkedin-company-impressions (0.29): has Start Date (in "
        "UTC), Campaign Name, Campaign Objective: LinkedIn company impressions (Campaign "
        "Manager); missing company (Company: export the report broken down by company), "
        "impressions (Impressions)"
    ),
    "export_headers/marketo_bulk_activity_export.header.csv": HeaderOnly(
        "marketo-activities", "has marketoGUID, activityTypeId"
    ),
    # A data dictionary (table, columns): four rows about the Maven tables.
    "export_headers/maven_crm_data_dictionary_tables.header.csv": Refused(NONE_KNOWN),
    "export_headers/salesforce_account_report_with_6sense.header.csv": Refused(
        "no preset fits; closest: salesforce-accounts (0.43): has Account Name, Employees, "
        "Website, Annual Revenue: Salesforce accounts (report labels); missing key (Id (API) "
        "or Account ID (report))"
    ),
    "export_headers/salesforce_opportunity_product_report_labels.header.csv": HeaderOnly(
        "salesforce-opportunities", "(report labels)"
    ),
    "export_headers/salesforce_opportunity_report_labels_fr.header.csv": HeaderOnly(
        "salesforce-opportunities",
        "has Propriétaire de l'opportunité, Étape, Date de clôture, Opportunity Number, "
        "Date de création: Salesforce opportunities (French report labels)",
    ),
    "export_headers/salesforce_task_report_labels_a.header.csv": HeaderOnly(
        "salesforce-tasks", "has Task Subtype, Call Result, Call Type, Activity Type"
    ),
    # ------------------------------------------------------------ Marketo
    "marketo_bulk_activity_export/activities_example.csv": Imports(
        "marketo-activities",
        # 4 rows, all type 104 (Change Status in Progression): line 2 Not in Program
        # -> On List, line 5 -> Member (not attendances); line 4 Attended -> Attended
        # (the no-op); line 3 Not in Program -> Attended: 1 webinar_attended.
        rows=4,
        events={"webinar_attended": 1},
    ),
    # ------------------------------------------------------------ Maven (a data set)
    "maven_crm_sales_opportunities/accounts.csv": Refused(
        NO_PRESET + "salesforce-accounts (0.14): has employees"
    ),
    "maven_crm_sales_opportunities/products.csv": Refused(NONE_KNOWN),
    # Two of its columns are named like hubspot-deals fields (account, close_date: 2 of
    # its 11 fields, at half weight: 0.09); with --map it imports (see below).
    "maven_crm_sales_opportunities/sales_pipeline.csv": Refused(
        NO_PRESET + "hubspot-deals (0.09): has close_date, account: HubSpot deals (slatui "
        "field names); missing key (Record ID)"
    ),
    "maven_crm_sales_opportunities/sales_pipeline_head50.csv": Refused(
        NO_PRESET + "hubspot-deals (0.09)"
    ),
    "maven_crm_sales_opportunities/sales_teams.csv": Refused(NONE_KNOWN),
    # ------------------------------------------------------------ Data Loader
    "salesforce_dataloader_iso_offset/Task_head.csv": Imports(
        # 6 tasks, Status "Not Started" on all 6 (IsClosed empty): plans, not touches.
        "salesforce-tasks",
        rows=6,
    ),
    # ------------------------------------------------------------ Power BI sample org
    # 18 rows, 18 distinct Ids -> 18 accounts.
    "salesforce_sample_org_powerbi/Account.csv": Imports(
        "salesforce-accounts", rows=18, accounts=18
    ),
    # 25 rows -> 25 contacts (AccountId on all 25).
    "salesforce_sample_org_powerbi/Contact.csv": Imports(
        "salesforce-contacts", rows=25, contacts=25
    ),
    "salesforce_sample_org_powerbi/Lead.csv": POWERBI_LEAD,
    "salesforce_sample_org_powerbi/Opportunity.csv": Imports(
        "salesforce-opportunities",
        # 36 rows, CreatedDate on all 36 -> 36 opportunity_created. IsWon TRUE on 12
        # -> 12 closed_won; IsClosed TRUE and IsWon FALSE on 8 -> 8 closed_lost; the
        # other 16 are open (IsClosed FALSE).
        rows=36,
        events={"opportunity_created": 36, "closed_won": 12, "closed_lost": 8},
    ),
    "salesforce_sample_org_powerbi/OpportunityHistory.csv": Imports(
        "salesforce-opportunity-history",
        # 48 rows and no FromOpportunityStageName column: each row is a stage record.
        rows=48,
        events={"opportunity_stage": 48},
    ),
    # A Power BI grouping of stages (StageName, Count, groups), not an export.
    "salesforce_sample_org_powerbi/OpportunityHistoryGroup.csv": Refused(
        NO_PRESET + "salesforce-opportunity-history (0.18): has StageName"
    ),
    # ------------------------------------------------------------ weekly export headers
    "salesforce_weekly_export_headers/Account.header.csv": HeaderOnly("salesforce-accounts"),
    "salesforce_weekly_export_headers/Campaign.header.csv": Refused(
        NO_PRESET + "salesforce-accounts (0.21)"
    ),
    "salesforce_weekly_export_headers/CampaignMember.header.csv": Refused(
        NO_PRESET + "marketo-activities (0.19)"
    ),
    "salesforce_weekly_export_headers/Contact.header.csv": HeaderOnly("salesforce-contacts"),
    "salesforce_weekly_export_headers/Event.header.csv": HeaderOnly("salesforce-events"),
    "salesforce_weekly_export_headers/Lead.header.csv": HeaderOnly(
        "salesforce-leads", "note: conversions become opportunity_created"
    ),
    "salesforce_weekly_export_headers/Opportunity.header.csv": HeaderOnly(
        "salesforce-opportunities"
    ),
    "salesforce_weekly_export_headers/OpportunityHistory.header.csv": HeaderOnly(
        "salesforce-opportunity-history"
    ),
    "salesforce_weekly_export_headers/Task.header.csv": HeaderOnly(
        "salesforce-tasks", "note: no TaskSubtype column"
    ),
    # A User export: FirstName, Title, AccountId like a contact, and Username.
    "salesforce_weekly_export_headers/User.header.csv": Refused(NO_PRESET),
    # ------------------------------------------------------------ weekly export, Latin-1
    # 38 rows -> 38 accounts.
    "salesforce_weekly_export_latin1/Account_sample.csv": Imports(
        "salesforce-accounts", rows=38, accounts=38
    ),
    "salesforce_weekly_export_latin1/Lead_sample.csv": Imports(
        "salesforce-leads",
        # 35 rows -> 35 contacts. Status: Working 24 + Qualified 3 = 27 handed off,
        # CreatedDate on all -> 27 sal_notified; Nurturing 5 and New 3 are not.
        # IsConverted 1 on lines 2, 3 and 24, but ConvertedOpportunityId is the
        # empty lookup on all three -> no opportunity_created.
        rows=35,
        contacts=35,
        events={"sal_notified": 27},
    ),
    "salesforce_weekly_export_latin1/OpportunityHistory_sample.csv": Imports(
        "salesforce-opportunity-history",
        # 80 rows: FromOpportunityStageName empty on 42 (the first stage) and
        # different from StageName on 14 -> 56 opportunity_stage; the other 24
        # keep the stage (amount or close date changes).
        rows=80,
        events={"opportunity_stage": 56},
    ),
    "salesforce_weekly_export_latin1/Opportunity_sample.csv": Imports(
        "salesforce-opportunities",
        # 60 rows, CreatedDate on all -> 60 opportunity_created. (IsClosed, IsWon):
        # (1, 1) on 9 -> 9 closed_won; (1, 0) on 42 -> 42 closed_lost; (0, 0) on 9 open.
        rows=60,
        events={"opportunity_created": 60, "closed_won": 9, "closed_lost": 42},
    ),
    "salesforce_weekly_export_latin1/Task_sample.csv": Imports(
        "salesforce-tasks",
        # 80 rows: 5 open (IsClosed 0) are skipped; of the 75 completed, 41 are list
        # e-mails (WhatId 0XB...), skipped; the other 34 have an empty Type and the
        # export has no TaskSubtype column -> 34 rejected (kind unknown).
        rows=80,
        rejected=34,
    ),
    # ------------------------------------------------------------ not exports
    # Job titles with counts (title, source, count): for the title classifier.
    "titles_real/titles.csv": Refused(NO_PRESET + "salesforce-contacts (0.08): has title"),
    # A lead-scoring data set: no record id, no date, no company.
    "x_education_lead_scoring/Leads_head50.csv": Refused(
        NO_PRESET + "salesforce-leads (0.12): has Converted, Lead Source: Salesforce leads "
        "(report labels); missing key (Id (API) or Lead ID (report))"
    ),
}


def _kind(cls: type) -> list[str]:
    return [name for name, outcome in OUTCOMES.items() if isinstance(outcome, cls)]


def test_every_csv_file_in_realdata_has_an_outcome() -> None:
    present = sorted(str(p.relative_to(REALDATA)) for p in REALDATA.rglob("*.csv"))
    assert present == sorted(OUTCOMES)
    assert sorted(p.name for p in REALDATA.iterdir() if p.is_file()) == ["SOURCES.md"]


@pytest.mark.parametrize("relative", _kind(Imports))
def test_file_imports_with_its_preset(relative: str) -> None:
    expected = OUTCOMES[relative]
    assert isinstance(expected, Imports)
    path = REALDATA / relative
    best = detect_file(path)[0]
    assert (best.preset.name, best.fits) == (expected.preset, True)
    got = convert_file(path, PRESETS[expected.preset])
    assert got.source.rows == expected.rows
    assert len(got.accounts) == expected.accounts
    assert len(got.contacts) == expected.contacts
    assert got.types == dict(expected.events)
    assert len(got.rejects) == expected.rejected


@pytest.mark.parametrize("relative", _kind(HeaderOnly))
def test_header_only_file_is_detected_as_its_preset(relative: str) -> None:
    expected = OUTCOMES[relative]
    assert isinstance(expected, HeaderOnly)
    source = CsvSource.open(REALDATA / relative)
    assert list(source.rows()) == []
    best = detect_file(REALDATA / relative)[0]
    assert (best.preset.name, best.fits) == (expected.preset, True)
    text = describe(source.header)
    assert text.startswith(f"fits: {expected.preset} (")
    assert expected.says in text


@pytest.mark.parametrize("relative", _kind(Refused))
def test_file_no_preset_fits_is_refused_with_the_reason(relative: str) -> None:
    expected = OUTCOMES[relative]
    assert isinstance(expected, Refused)
    assert not any(d.fits for d in detect_file(REALDATA / relative))
    assert describe(CsvSource.open(REALDATA / relative).header).startswith(expected.says)


# ---------------------------------------------------------------- details worth a look


def test_footer_and_bom_are_not_rows() -> None:
    footer = convert_file(
        REALDATA / "derived/Lead_with_sf_report_footer.csv", PRESETS["salesforce-leads"]
    )
    # Lines 24 and 26 are empty; 25, 27 and 28 are the report's footer.
    assert (footer.source.footer_skipped, footer.source.blank_skipped) == (3, 2)
    bom = convert_file(REALDATA / "derived/Lead_utf8_bom.csv", PRESETS["salesforce-leads"])
    assert bom.mapping["Id"] == "key"  # the BOM is not part of the first column's name
    assert bom.records == footer.records


def test_powerbi_lead_conversion_and_us_dates() -> None:
    got = convert_file(
        REALDATA / "salesforce_sample_org_powerbi/Lead.csv", PRESETS["salesforce-leads"]
    )
    first = got.of("opportunity_created")[0]
    # Line 2: ConvertedDate 02/24/26 (month-first: LastModifiedDate has 02/24/26 02:18 AM,
    # and 24 cannot be a month), midnight EST; the converted account is its account.
    assert (first.line, first.occurred_at, first.account, first.lead) == (
        2,
        utc(2026, 2, 24, 5),
        "001bm00001ZM1LyAAL",
        "00Qbm00000Orxk5EAB",
    )
    titles = {c.title: c.seniority for c in got.contacts}
    assert titles["SVP, Procurement"] == "vp"
    assert titles["CFO"] == "c_level"


def test_weekly_leads_are_notified_at_creation_in_the_agreement_zone() -> None:
    got = convert_file(
        REALDATA / "salesforce_weekly_export_latin1/Lead_sample.csv", PRESETS["salesforce-leads"]
    )
    first = got.of("sal_notified")[0]
    # Line 2: "Qualified", CreatedDate 2022-12-21 14:27:52 without a zone: EST, so 19:27:52Z;
    # converted, so its account is ConvertedAccountId.
    assert (first.line, first.occurred_at, first.account, first.actor) == (
        2,
        utc(2022, 12, 21, 19, 27, 52),
        "0018a000023ijhhAAA",
        "0058a00000MNWuDAAX",
    )


def test_weekly_accounts_keep_damaged_text_and_read_websites_as_domains() -> None:
    got = convert_file(
        REALDATA / "salesforce_weekly_export_latin1/Account_sample.csv",
        PRESETS["salesforce-accounts"],
    )
    # The 7 rows with a Website, each naming a domain.
    assert sorted(a.domain for a in got.accounts if a.domain) == [
        "alimec.com.ec",
        "ingeniosancarlos.com.co",
        "nestle.com.ec",
        "pharmabrand.com.ec",
        "pichincha.com",
        "telmex.com",
        "utpl.edu.ec",
    ]
    names = [a.name for a in got.accounts]
    assert names.count("Mondelez") == 2  # two accounts, never merged here
    assert "Nestlé Perú" in names  # Latin-1 read as such
    assert got.source.suspected_damage == 3  # BOGOTâ??Ã? D.C. and the like, kept
    assert {a.country for a in got.accounts} == {"Mexico", "Ecuador", "Peru", "Colombia"}


def test_weekly_opportunities_losses_carry_their_reason() -> None:
    got = convert_file(
        REALDATA / "salesforce_weekly_export_latin1/Opportunity_sample.csv",
        PRESETS["salesforce-opportunities"],
    )
    # Of the 42 losses, LossReason__c is filled on 9 (5 + 2 + 2); the rest keep the stage.
    details: dict[str | None, int] = {}
    for event in got.of("closed_lost"):
        details[event.detail] = details.get(event.detail, 0) + 1
    assert details == {
        "Closed Lost": 33,
        "No Decision / Non-Responsive": 5,
        "No Budget / Lost Funding": 2,
        "Other": 2,
    }


def test_weekly_tasks_are_refused_for_want_of_their_kind() -> None:
    got = convert_file(
        REALDATA / "salesforce_weekly_export_latin1/Task_sample.csv", PRESETS["salesforce-tasks"]
    )
    assert [line for line, _ in got.rejects[:5]] == [3, 4, 5, 6, 8]
    assert {reason for _, reason in got.rejects} == {
        "the task's kind is unknown: Type is empty and the export has no TaskSubtype column, "
        "so it may be a call or an e-mail; re-export with TaskSubtype (or --map COLUMN=type), "
        "or import the typed tasks with --skip-bad-rows"
    }


@pytest.mark.parametrize(
    ("name", "created", "won", "lost"),
    [
        # 8,800 deals: engage_date is empty only on the 500 Prospecting ones -> 8,300
        # opportunity_created; deal_stage Won 4,238, Lost 2,473; Engaging 1,589 and
        # Prospecting 500 are open.
        ("sales_pipeline.csv", 8300, 4238, 2473),
        # The first 50: all engaged; Won 36, Lost 10, Engaging 4.
        ("sales_pipeline_head50.csv", 50, 36, 10),
    ],
)
def test_maven_pipeline_imports_once_map_names_its_columns(
    name: str, created: int, won: int, lost: int
) -> None:
    overrides = {"opportunity_id": "key", "deal_stage": "stage", "engage_date": "created_at",
                 "sales_agent": "owner"}  # fmt: skip
    got = convert_file(
        REALDATA / "maven_crm_sales_opportunities" / name,
        PRESETS["salesforce-opportunities"],
        overrides=overrides,
    )
    # "account" and "close_date" are named like the preset's fields and map themselves.
    assert got.mapping == {"account": "account", "close_date": "close_date", **overrides}
    assert got.rejects == []
    assert got.types == {"opportunity_created": created, "closed_won": won, "closed_lost": lost}


def test_every_real_event_type_is_one_slatui_knows() -> None:
    from slatui.events import KNOWN_EVENT_TYPES

    seen: set[str] = set()
    for relative in _kind(Imports):
        expected = OUTCOMES[relative]
        assert isinstance(expected, Imports)
        seen |= set(expected.events)
    # opportunity_stage is new with the OpportunityHistory preset (to be named in
    # slatui.events beside the other pipeline milestones).
    assert seen - KNOWN_EVENT_TYPES <= {"opportunity_stage"}
