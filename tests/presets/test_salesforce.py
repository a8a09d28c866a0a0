"""The Salesforce presets' rules, each on a small file of its own (tests/presets/fixtures).

Times: the context is sample.toml's, America/New_York. US daylight saving
time ends on Sunday 1 November 2026, so every naive time from 2 November on
is EST (UTC-5): 09:00 local is 14:00Z, and a date alone is midnight local,
05:00Z.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from slatui.importing.dates import AmbiguousDates
from slatui.importing.pipeline import ImportRefused, resolve_columns
from slatui.importing.presets import PRESETS
from slatui.pilot.records import AccountRecord, ContactRecord, EventRecord

from .support import CONTEXT, FIXTURES, convert_file, utc

OWNER = "005000000000001AAA"

# ---------------------------------------------------------------- leads


def test_leads_api_names_give_contacts_and_the_hand_off_lifecycle() -> None:
    got = convert_file(FIXTURES / "salesforce_leads_api.csv", PRESETS["salesforce-leads"])
    assert got.rejects == []
    # Seven leads; line 7's is deleted (IsDeleted true), so six contacts.
    assert [c.key for c in got.contacts] == [
        "00QAb0000000001MAA",
        "00Q000000000002AAA",
        "00Q000000000003AAA",
        "00Q000000000004AAA",
        "00Q000000000005AAA",
        "00Q000000000007AAA",
    ]
    first = got.contacts[0]
    assert (first.title, first.seniority, first.function, first.name, first.email) == (
        "VP, Marketing",
        "vp",
        "marketing",
        "Lead One",
        "one@example.com",
    )
    by_key = {c.key: c for c in got.contacts}
    assert by_key["00Q000000000004AAA"].account == "001Ab0000000000IAA"
    assert by_key["00Q000000000005AAA"].seniority == "vp"  # "Head of Growth": contract rule
    assert by_key["00Q000000000007AAA"].title is None  # "Select" means no answer

    events = [(e.line, e.type, e.occurred_at, e.account, e.detail) for e in got.events]
    assert events == [
        # line 2 "Working - Contacted": handed off at CreatedDate (.000+0000 is UTC)
        (2, "sal_notified", utc(2026, 11, 2, 14, 5), None, None),
        # line 3 "Open - Not Contacted": not handed off, no event
        # line 4 "Closed - Not Converted": handed off and rejected; rejected at
        # LastModifiedDate with the Disqualified_Reason__c
        (4, "sal_notified", utc(2026, 11, 3, 13, 0), None, None),
        (4, "sal_rejected", utc(2026, 11, 4, 18, 30), None, "No budget this year"),
        # line 5 converted with an opportunity: ConvertedDate 2026-11-05 is midnight EST
        (5, "sal_notified", utc(2026, 11, 3, 15, 0), "001Ab0000000000IAA", None),
        (5, "opportunity_created", utc(2026, 11, 5, 5, 0), "001Ab0000000000IAA", None),
        # line 6 converted, but ConvertedOpportunityId is the empty lookup: no opportunity
        (6, "sal_notified", utc(2026, 11, 4, 15, 0), "001000000000005AAA", None),
        # line 8 "Nurturing", but SAL_Date__c (naive 10:00 EST) says it was handed off then
        (8, "sal_notified", utc(2026, 11, 9, 15, 0), None, None),
    ]
    assert {(e.lead, e.contact) for e in got.of("sal_notified")} == {
        (c, c)
        for c in (
            "00QAb0000000001MAA",
            "00Q000000000003AAA",
            "00Q000000000004AAA",
            "00Q000000000005AAA",
            "00Q000000000007AAA",
        )
    }
    assert {e.actor for e in got.events} == {OWNER}


def test_leads_report_labels_us_dates_and_a_report_footer() -> None:
    got = convert_file(FIXTURES / "salesforce_leads_report.csv", PRESETS["salesforce-leads"])
    assert got.rejects == []
    # Lines 2-4 are leads; 5 and 7 are blank, 6 and 8 the report's footer.
    assert (got.source.rows, got.source.footer_skipped, got.source.blank_skipped) == (3, 2, 2)
    # The report's 15-character Lead ID is the API's 18-character one.
    assert got.contacts[0].key == "00QAb0000000001MAA"
    assert [(e.line, e.type, e.occurred_at, e.actor) for e in got.events] == [
        (2, "sal_notified", utc(2026, 11, 2, 14, 5), "Sam Rep"),  # 09:05 AM EST
        (3, "sal_notified", utc(2026, 11, 13, 21, 30), "Sam Rep"),  # MQL, 04:30 PM EST
        # line 4 "New": not handed off
    ]


def test_leads_dates_that_read_both_ways_stop_the_import_until_the_order_is_named() -> None:
    path = FIXTURES / "salesforce_leads_ambiguous.csv"
    with pytest.raises(AmbiguousDates, match="--dayfirst or --monthfirst"):
        convert_file(path, PRESETS["salesforce-leads"])
    monthfirst = dataclasses.replace(CONTEXT, order="monthfirst")
    got = convert_file(path, PRESETS["salesforce-leads"], context=monthfirst)
    assert [e.occurred_at for e in got.events] == [utc(2026, 11, 2, 5, 0), utc(2026, 3, 4, 5, 0)]


def test_leads_map_can_leave_conversions_out_or_name_a_hand_off_column() -> None:
    path = FIXTURES / "salesforce_leads_api.csv"
    preset = PRESETS["salesforce-leads"]
    without = convert_file(path, preset, overrides={"ConvertedDate": ""})
    assert "opportunity_created" not in without.types
    # LastModifiedDate read as the hand-off date: line 2 is then notified at 15:00Z.
    moved = convert_file(path, preset, overrides={"LastModifiedDate": "handoff_at"})
    assert moved.of("sal_notified")[0].occurred_at == utc(2026, 11, 2, 15, 0)


def test_leads_map_to_a_field_the_preset_lacks_is_refused_with_the_closest() -> None:
    path = FIXTURES / "salesforce_leads_api.csv"
    header = ["Id", "Status", "CreatedDate"]
    with pytest.raises(ImportRefused, match=r"'sattus' is not a field of salesforce-leads"):
        resolve_columns(path, header, PRESETS["salesforce-leads"], {"Status": "sattus"})
    with pytest.raises(ImportRefused, match=r"missing required column key"):
        resolve_columns(path, ["Status", "CreatedDate"], PRESETS["salesforce-leads"], {})


# ---------------------------------------------------------------- accounts and contacts


def test_accounts_map_tier_domain_employees_country_and_keep_the_id() -> None:
    got = convert_file(FIXTURES / "salesforce_accounts.csv", PRESETS["salesforce-accounts"])
    assert got.accounts == [
        AccountRecord(
            key="001Ab0000000000IAA",  # a 15-character id, keyed in its 18-character form
            name="Acme Example",
            domain="acme-example.com",
            tier="t1",  # "Tier 1": the agreement's only tier id with a 1
            owner=OWNER,
            industry="Manufacturing",
            employees=1200,  # "1,200"
            country="United States",
            external_id="001Ab0000000000IAA",
            line=2,
        ),
        AccountRecord(
            key="001000000000002AAA",
            name="Beta Example",
            domain=None,  # "N/A"
            tier="t2",
            owner=OWNER,
            industry="Software",
            employees=350,
            country="DE",  # no BillingCountry: BillingCountryCode
            external_id="001000000000002AAA",
            line=3,
        ),
        AccountRecord(
            key="001000000000003AAA",
            name="Gamma Example",
            tier="t3",  # "3"
            external_id="001000000000003AAA",
            line=4,
        ),
        # line 5 is deleted
    ]
    assert got.rejects == [
        (6, "tier 'Platinum' is not a tier of the agreement; the tiers are t1, t2, t3")
    ]


def test_contacts_from_a_report_attach_to_the_account_name_and_use_the_title_rules() -> None:
    got = convert_file(FIXTURES / "salesforce_contacts_report.csv", PRESETS["salesforce-contacts"])
    assert got.contacts == [
        ContactRecord(
            key="003Ab0000000001IAA",
            account="Acme Example",
            title="Head of Growth",
            seniority="vp",
            function="marketing",
            name="Contact One",
            email="c1@example.com",
            line=2,
        ),
        ContactRecord(
            key="003000000000002AAA",
            title="Gerente General",
            seniority="vp",
            function="executive",
            name="Contact Two",
            email="c2@example.com",
            line=3,
        ),
    ]


# ---------------------------------------------------------------- opportunities


def test_opportunities_flags_decide_the_outcome_and_losses_carry_their_reason() -> None:
    got = convert_file(
        FIXTURES / "salesforce_opportunities.csv", PRESETS["salesforce-opportunities"]
    )
    assert got.rejects == []
    assert [(e.line, e.type, e.occurred_at, e.lead, e.account, e.detail) for e in got.events] == [
        # open (IsClosed 0) in a Spanish stage: created only; naive 09:00 EST
        (2, "opportunity_created", utc(2026, 11, 2, 14), "006000000000001AAA",
         "001Ab0000000000IAA", None),
        (3, "opportunity_created", utc(2026, 11, 3, 15), "006000000000002AAA",
         "001000000000002AAA", None),
        (3, "closed_won", utc(2026, 11, 20, 5), "006000000000002AAA", "001000000000002AAA",
         "Closed Won"),
        (4, "opportunity_created", utc(2026, 11, 4, 16), "006000000000003AAA",
         "001000000000003AAA", None),
        (4, "closed_lost", utc(2026, 11, 25, 5), "006000000000003AAA", "001000000000003AAA",
         "No Budget / Lost Funding"),  # LossReason__c
        (5, "opportunity_created", utc(2026, 11, 5, 16), "006000000000004AAA",
         "001000000000003AAA", None),
        (5, "closed_lost", utc(2026, 11, 26, 5), "006000000000004AAA", "001000000000003AAA",
         "Cerrada perdida"),  # no reason: the stage
        # line 6 is deleted
    ]  # fmt: skip


def test_opportunities_french_report_reads_stage_names_and_day_first_dates() -> None:
    got = convert_file(
        FIXTURES / "salesforce_opportunities_fr.csv", PRESETS["salesforce-opportunities"]
    )
    assert got.source.delimiter == ";"
    assert got.mapping["Étape"] == "stage"
    assert got.mapping["Propriétaire de l'opportunité"] == "owner"
    rows = [(e.line, e.type, e.occurred_at, e.lead, e.account, e.detail) for e in got.events]
    # Each column's order is settled over the column: 14/11/2026 and 20/11/2026 can
    # only be day-first, so 02/11/2026 is 2 November.
    won = [
        (2, "opportunity_created", utc(2026, 11, 2, 5), "OPP-0001", "Acme Example", None),
        (2, "closed_won", utc(2026, 11, 20, 5), "OPP-0001", "Acme Example", "Fermée gagnée"),
    ]
    assert rows[:2] == won
    # Line 3 is the same opportunity's second product line: the same events again
    # (the store keeps each once).
    assert [r[1:] for r in rows[2:4]] == [r[1:] for r in won]
    assert rows[4:] == [
        (4, "opportunity_created", utc(2026, 11, 3, 5), "OPP-0002", "Beta Example", None),
        (4, "closed_lost", utc(2026, 11, 25, 5), "OPP-0002", "Beta Example", "Fermée perdue"),
        (5, "opportunity_created", utc(2026, 11, 14, 5), "OPP-0003", "Gamma Example", None),
    ]
    assert {e.actor for e in got.events} == {"Camille Vendeur"}


def test_a_closed_opportunity_without_a_close_date_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "Opportunity.csv"
    path.write_text(
        "Id,StageName,IsClosed,IsWon,CloseDate,CreatedDate\n"
        "006000000000009AAA,Closed Won,true,true,,2026-11-02T10:00:00Z\n"
    )
    got = convert_file(path, PRESETS["salesforce-opportunities"])
    assert got.rejects == [
        (2, "the deal is closed won (stage 'Closed Won') but close_date is empty; "
            "a closed deal needs its close date")
    ]  # fmt: skip


def test_without_flags_the_stage_name_decides(tmp_path: Path) -> None:
    path = tmp_path / "opps.csv"
    path.write_text(
        "Opportunity ID,Stage,Close Date,Created Date\n"
        "OPP-1,Cerrada ganada,2026-11-20,2026-11-02\n"
        "OPP-2,Closed Lost,2026-11-21,2026-11-02\n"
        "OPP-3,Firmada,2026-11-22,2026-11-02\n"
    )
    got = convert_file(path, PRESETS["salesforce-opportunities"])
    assert [(e.lead, e.type) for e in got.events if e.type != "opportunity_created"] == [
        ("OPP-1", "closed_won"),
        ("OPP-2", "closed_lost"),
        # "Firmada" is no closing stage slatui knows: the deal stays open
    ]


def test_opportunity_history_keeps_stage_changes_only() -> None:
    got = convert_file(
        FIXTURES / "salesforce_history.csv", PRESETS["salesforce-opportunity-history"]
    )
    assert got.events == [
        EventRecord(utc(2026, 11, 2, 14), "opportunity_stage", lead="006000000000001AAA",
                    actor=OWNER, detail="Interes", line=2),
        # line 3 changes the amount, not the stage (Interes -> Interes)
        EventRecord(utc(2026, 11, 4, 14), "opportunity_stage", lead="006000000000001AAA",
                    actor=OWNER, detail="Negociación", line=4),
        # a closing stage is a stage here; closed_won comes from the opportunity export
        EventRecord(utc(2026, 11, 5, 14), "opportunity_stage", lead="006000000000001AAA",
                    actor=OWNER, detail="Closed Won", line=5),
    ]  # fmt: skip


# ---------------------------------------------------------------- activities


def test_tasks_become_sales_touches_by_subtype_type_and_call_type() -> None:
    got = convert_file(FIXTURES / "salesforce_tasks.csv", PRESETS["salesforce-tasks"])
    assert got.rejects == []
    touches = [(e.line, e.type, e.occurred_at, e.lead, e.contact, e.account, e.channel)
               for e in got.events]  # fmt: skip
    lead1, lead3, lead5 = "00QAb0000000001MAA", "00Q000000000003AAA", "00Q000000000005AAA"
    assert touches == [
        # CompletedDateTime wins
        (2, "call", utc(2026, 11, 2, 15, 12), lead1, lead1, None, "phone"),
        # on a contact: no lead (the touch counts for its account); the later of
        # ActivityDate (midnight EST, 05:00Z) and CreatedDate (16:00Z)
        (3, "sales_email", utc(2026, 11, 3, 16), None, "003000000000001AAA",
         "001000000000002AAA", "email"),
        # a Task of Type Meeting due 6 Nov, created 3 Nov: the due date, midnight EST
        (4, "meeting", utc(2026, 11, 6, 5), lead3, lead3, None, "meeting"),
        # 5 a list e-mail, 6 a plain task, 7 not done
        # 8 no person: the account is the WhatId (an account id)
        (8, "call", utc(2026, 11, 4, 20), None, None, "001000000000003AAA", "phone"),
        (9, "outbound_outreach", utc(2026, 11, 5, 13), lead5, lead5, None, "linkedin"),
        # 10 deleted, 11 on no one
        # a Cadence step whose Type is the Spanish "Llamada"
        (12, "call", utc(2026, 11, 6, 14), lead5, lead5, None, "phone"),
    ]  # fmt: skip


def test_tasks_without_any_kind_are_rejected_with_the_remedy() -> None:
    got = convert_file(FIXTURES / "salesforce_tasks_no_subtype.csv", PRESETS["salesforce-tasks"])
    assert [(e.line, e.type, e.occurred_at) for e in got.events] == [
        (2, "call", utc(2026, 11, 2, 15)),  # Type "Call"; 10:00 EST
        # 3 rejected, 4 open
        (5, "call", utc(2026, 11, 3, 16)),  # CallType "Inbound": a logged call
    ]
    assert got.rejects == [
        (3, "the task's kind is unknown: Type is empty and the export has no TaskSubtype "
            "column, so it may be a call or an e-mail; re-export with TaskSubtype (or --map "
            "COLUMN=type), or import the typed tasks with --skip-bad-rows"),
    ]  # fmt: skip


def test_tasks_export_without_status_is_refused_on_every_row(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_text("WhoId,Type,ActivityDate\n00Q000000000001AAA,Call,2026-11-02\n")
    got = convert_file(path, PRESETS["salesforce-tasks"])
    assert got.rejects == [
        (2, "the export has neither Status nor IsClosed, so whether a task was done is "
            "unknown (--map COLUMN=status names one)")
    ]  # fmt: skip


def test_calendar_events_are_meetings_or_calls() -> None:
    got = convert_file(FIXTURES / "salesforce_events.csv", PRESETS["salesforce-events"])
    assert got.rejects == []
    lead1 = "00QAb0000000001MAA"
    assert [(e.line, e.type, e.occurred_at, e.lead, e.contact, e.account) for e in got.events] == [
        (2, "meeting", utc(2026, 11, 3, 15), lead1, lead1, None),
        (3, "call", utc(2026, 11, 3, 17), "00Q000000000003AAA", "00Q000000000003AAA", None),
        # all day: ActivityDate, midnight EST
        (4, "meeting", utc(2026, 11, 10, 5), None, "003000000000001AAA", "001000000000002AAA"),
        # 5 is an invitee's copy (IsChild) of line 2's meeting
    ]
