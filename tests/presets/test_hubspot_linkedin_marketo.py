"""The HubSpot, LinkedIn and Marketo presets' rules, each on a small file of its own.

HubSpot writes times in the portal's zone without an offset (here the
agreement's, America/New_York: EST, UTC-5, from 2 November 2026); LinkedIn
says "(in UTC)"; Marketo writes `Z`.
"""

from __future__ import annotations

from slatui.importing.presets import PRESETS
from slatui.pilot.records import AccountRecord, EventRecord

from .support import FIXTURES, convert_file, utc

# ---------------------------------------------------------------- HubSpot


def test_hubspot_contacts_lifecycle_dates_are_the_hand_off_and_the_verdict() -> None:
    got = convert_file(FIXTURES / "hubspot_contacts.csv", PRESETS["hubspot-contacts"])
    assert got.rejects == []
    # The company: the primary id (101); the only associated id (102); none when
    # several are associated and none is primary (103); nothing said (104).
    assert [(c.key, c.account, c.seniority) for c in got.contacts] == [
        ("101", "9001", "vp"),
        ("102", "9003", "manager"),
        ("103", None, "director"),
        ("104", None, "vp"),  # "Head of Growth": the contract's rule
    ]
    assert [(e.line, e.type, e.occurred_at, e.account, e.detail) for e in got.events] == [
        (2, "sal_notified", utc(2026, 11, 2, 14), "9001", None),  # MQL 09:00 EST
        (2, "sal_accepted", utc(2026, 11, 2, 18, 30), "9001", None),  # SQL 13:30 EST
        (2, "opportunity_created", utc(2026, 11, 10, 15), "9001", None),
        (3, "sal_notified", utc(2026, 11, 3, 16), "9003", None),
        # "Unqualified", but no rejection date is mapped: no sal_rejected
        (5, "sal_notified", utc(2026, 11, 5, 13), None, None),
        # "Bad Timing", no rejection date either
    ]
    assert {(e.lead, e.contact, e.actor) for e in got.events} == {
        ("101", "101", "Riley Owner"),
        ("102", "102", "Riley Owner"),
        ("104", "104", "Riley Owner"),
    }


def test_hubspot_contacts_rejection_needs_a_date_column_named_with_map() -> None:
    got = convert_file(
        FIXTURES / "hubspot_contacts.csv",
        PRESETS["hubspot-contacts"],
        overrides={"Unqualified Date": "rejected_at"},
    )
    assert [(e.line, e.occurred_at, e.detail) for e in got.of("sal_rejected")] == [
        (3, utc(2026, 11, 4, 14, 15), "Unqualified"),
        # line 5 "Bad Timing" has no date in that column: still none
    ]


def test_hubspot_companies_become_accounts_with_tier_and_domain() -> None:
    got = convert_file(FIXTURES / "hubspot_companies.csv", PRESETS["hubspot-companies"])
    assert got.accounts == [
        AccountRecord(
            key="9001",
            name="Acme Example",
            domain="acme-example.com",
            tier="t1",  # "Tier 1"
            owner="Riley Owner",
            industry="Manufacturing",
            employees=1200,
            country="United States",
            external_id="9001",
            line=2,
        ),
        AccountRecord(
            key="9002",
            name="Beta Example",
            domain="beta-example.io",  # from the Website URL
            tier="t2",
            owner="Riley Owner",
            industry="Software",
            employees=80,
            country="Germany",
            external_id="9002",
            line=3,
        ),
        AccountRecord(key="9003", name="Gamma Example", external_id="9003", line=4),
    ]


def test_hubspot_deals_stage_labels_decide_the_close() -> None:
    got = convert_file(FIXTURES / "hubspot_deals.csv", PRESETS["hubspot-deals"])
    assert got.rejects == []
    assert [(e.line, e.type, e.occurred_at, e.lead, e.account, e.detail) for e in got.events] == [
        (2, "opportunity_created", utc(2026, 11, 2, 15), "5001", "9001", None),
        # "Closed Won (Sales Pipeline)": the pipeline's name is not part of the stage
        (2, "closed_won", utc(2026, 11, 20, 21), "5001", "9001", "Closed Won (Sales Pipeline)"),
        (3, "opportunity_created", utc(2026, 11, 3, 15), "5002", "9002", None),
        # the internal name "closedlost", with the Closed Lost Reason
        (3, "closed_lost", utc(2026, 11, 21, 21), "5002", "9002", "Chose a competitor"),
        # open; two associated companies and no primary: no account
        (4, "opportunity_created", utc(2026, 11, 4, 15), "5003", None, None),
    ]


# ---------------------------------------------------------------- LinkedIn


def test_linkedin_company_rows_are_impression_and_click_counts_on_utc_days() -> None:
    got = convert_file(FIXTURES / "linkedin_company.csv", PRESETS["linkedin-company-impressions"])
    assert got.rejects == []
    assert got.source.preamble_skipped == 4  # the report title and its three lines
    campaign = "ABM Tier 1 - Awareness"
    assert got.events == [
        # "Start Date (in UTC)": midnight UTC, not midnight in New York; "1,184" a count
        EventRecord(utc(2026, 11, 2), "ad_impression", account="Acme Example", quantity=1184,
                    channel="linkedin", detail=campaign, line=6),
        EventRecord(utc(2026, 11, 2), "ad_click", account="Acme Example", quantity=3,
                    channel="linkedin", detail=campaign, line=6),
        EventRecord(utc(2026, 11, 2), "ad_impression", account="Beta Example", quantity=250,
                    channel="linkedin", detail=campaign, line=7),  # 0 clicks: no ad_click
        EventRecord(utc(2026, 11, 3), "ad_impression", account="Acme Example", quantity=96,
                    channel="linkedin", detail=campaign, line=8),  # clicks empty
        EventRecord(utc(2026, 11, 13), "ad_impression", account="Gamma Example", quantity=40,
                    channel="linkedin", detail=campaign, line=9),
        EventRecord(utc(2026, 11, 13), "ad_click", account="Gamma Example", quantity=1,
                    channel="linkedin", detail=campaign, line=9),
    ]  # fmt: skip


# ---------------------------------------------------------------- Marketo


def test_marketo_activity_types_become_engagement_events() -> None:
    got = convert_file(FIXTURES / "marketo_activities.csv", PRESETS["marketo-activities"])
    assert [(e.line, e.type, e.occurred_at, e.lead, e.channel, e.detail) for e in got.events] == [
        (2, "page_view", utc(2026, 11, 2, 14), "7001", "web", "/pricing"),
        (3, "form_submit", utc(2026, 11, 2, 14, 5), "7001", "web", "Demo Request Form"),
        (4, "nurture_email", utc(2026, 11, 2, 14, 6), "7001", "email", "Nurture Email 1"),
        # 5: Email Delivered (7) is not a pilot event
        (6, "email_open", utc(2026, 11, 2, 15), "7001", "email", "Nurture Email 1"),
        (7, "email_click", utc(2026, 11, 2, 15, 1), "7001", "email", "Nurture Email 1"),
        # status change Registered -> Attended
        (8, "webinar_attended", utc(2026, 11, 3, 16), "7002", "webinar", "Webinar Nov"),
        # 9: Attended -> Attended, a no-op; 10: Invited -> Registered
        (11, "sales_email", utc(2026, 11, 4, 9), "7002", "email", "Follow-up"),
        (12, "intent_signal", utc(2026, 11, 4, 9, 30), "7002", None, "Visited pricing twice"),
        # 14: Change Score (22)
    ]
    assert got.rejects == [
        (13, "attributes is not JSON (Expecting value at character 0)"),
    ]
