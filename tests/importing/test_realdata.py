"""The real exports in ../shared/realdata: every CSV sniffs and streams; hand-counted facts.

The counts below were worked out from the files themselves (``wc -l``,
``grep -n``, reading the lines), not from this code: e.g. the footer file's
lines 24 and 26 are empty and 25, 27 and 28 are the three footer lines.
Skipped when the folder is absent (the files are never copied here).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from slatui.importing.dates import parse_timestamp, resolve_order
from slatui.importing.sniff import sniff
from slatui.importing.source import CsvSource, Row

from .support import REALDATA

pytestmark = pytest.mark.skipif(not REALDATA.is_dir(), reason=f"{REALDATA} is absent")

ALL_CSV = sorted(REALDATA.rglob("*.csv")) if REALDATA.is_dir() else []


def read(relative: str) -> tuple[CsvSource, list[Row]]:
    source = CsvSource.open(REALDATA / relative)
    return source, list(source.rows())


@pytest.mark.parametrize("path", ALL_CSV, ids=lambda p: str(p.relative_to(REALDATA)))
def test_every_file_sniffs_and_streams_without_replacement_characters(path: Path) -> None:
    found = sniff(path)
    source = CsvSource.open(path, sniffed=found)
    rows = list(source.rows())
    assert found.delimiter == ","
    assert found.header_line == 1
    assert all(name and "\ufffd" not in name for name in source.header)
    assert not any("\ufffd" in value for row in rows for value in row.values.values())
    assert source.report.problem_count == 0
    assert source.report.rows == len(rows)
    assert [row.line for row in rows] == sorted({row.line for row in rows})


def test_there_are_csv_files_to_check() -> None:
    assert len(ALL_CSV) == 45  # find ../shared/realdata -name "*.csv" | wc -l


@pytest.mark.parametrize(
    ("name", "encoding", "rows"),
    [
        # bytes like é (0xE9), ñ (0xF1) that are not UTF-8: Windows-1252/Latin-1
        ("Account_sample.csv", "cp1252", 38),
        ("Lead_sample.csv", "cp1252", 35),
        ("Opportunity_sample.csv", "cp1252", 60),
        ("OpportunityHistory_sample.csv", "cp1252", 80),
        # this one has no byte above 0x7F at all, so it is (also) valid UTF-8
        ("Task_sample.csv", "utf-8", 80),
    ],
)
def test_salesforce_weekly_export_encodings(name: str, encoding: str, rows: int) -> None:
    source, read_rows = read(f"salesforce_weekly_export_latin1/{name}")
    assert source.report.encoding == encoding
    assert len(read_rows) == rows  # wc -l minus the header


def test_account_sample_text_and_damage() -> None:
    source, rows = read("salesforce_weekly_export_latin1/Account_sample.csv")
    by_line = {row.line: row.values for row in rows}
    assert by_line[8]["Name"] == "Nestlé Perú"
    assert by_line[3]["BillingCity"] == "Ciudad de México"
    # Damaged inside the CRM, kept as is: lines 37, 38 and 39, one cell each.
    assert by_line[37]["BillingCity"] == "BREâ??Ã«A"
    assert by_line[38]["BillingCity"] == "BOGOTâ??Ã? D.C."
    assert by_line[39]["BillingCity"] == "BOGOTâ??Ã? D.C."
    assert source.report.suspected_damage == 3
    assert source.report.damaged_examples == [
        "line 37, BillingCity: 'BREâ??Ã«A'",
        "line 38, BillingCity: 'BOGOTâ??Ã? D.C.'",
    ]
    # The empty lookup stays raw text at this layer (values.Placeholders empties it).
    assert by_line[2]["ParentId"] == "000000000000000AAA"


def test_other_latin1_samples_have_no_damage() -> None:
    for name in ("Lead_sample.csv", "Opportunity_sample.csv", "OpportunityHistory_sample.csv"):
        source, _ = read(f"salesforce_weekly_export_latin1/{name}")
        assert source.report.suspected_damage == 0, name


def test_bom_file() -> None:
    source, rows = read("derived/Lead_utf8_bom.csv")
    assert source.sniffed.bom is True
    assert source.report.encoding == "utf-8-sig"
    assert source.header[0] == "Id"
    assert len(rows) == 22
    # Apart from the BOM it is the sample Lead.csv, row for row.
    _, plain = read("salesforce_sample_org_powerbi/Lead.csv")
    assert rows == plain


def test_footer_file() -> None:
    # Lines 2-23 are the 22 leads; 24 and 26 are empty; 25 "Grand Totals (22
    # records)", 27 the confidentiality line, 28 the copyright line.
    source, rows = read("derived/Lead_with_sf_report_footer.csv")
    report = source.report
    assert len(rows) == 22
    assert rows[-1].line == 23
    assert report.footer_skipped == 3
    assert report.blank_skipped == 2
    assert report.footer_examples == [
        "Grand Totals (22 records)",
        "Confidential Information - Do Not Distribute",
        "Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.",
    ]
    _, plain = read("salesforce_sample_org_powerbi/Lead.csv")
    assert rows == plain


def test_x_education_trailing_column_and_select() -> None:
    source, rows = read("x_education_lead_scoring/Leads_head50.csv")
    assert source.report.encoding == "utf-8"
    # 38 cells per line, the last one after the trailing comma unnamed: dropped.
    assert len(source.header) == 37
    assert source.report.dropped_trailing_columns == 1
    assert source.header[-1] == "Last Notable Activity"
    assert "" not in source.header
    assert len(rows) == 50
    assert rows[0].line == 2
    assert rows[0].values["Specialization"] == "Select"
    assert rows[0].values["Last Notable Activity"] == "Modified"  # no "\r" left
    # "Select" as raw text: 78 cells in 35 of the 50 rows (awk / grep -c).
    selects = [v for row in rows for v in row.values.values() if v == "Select"]
    assert len(selects) == 78
    assert sum(1 for row in rows if "Select" in row.values.values()) == 35


def test_marketo_json_cell_and_z_dates() -> None:
    _, rows = read("marketo_bulk_activity_export/activities_example.csv")
    assert len(rows) == 4
    attributes = json.loads(rows[0].values["attributes"])
    assert attributes["Old Status"] == "Not in Program"
    assert attributes["New Status"] == "On List"
    assert parse_timestamp(rows[0].values["activityDate"], tz=UTC) == datetime(
        2022, 2, 13, 14, 6, 20, tzinfo=UTC
    )


def test_dataloader_offset_dates() -> None:
    _, rows = read("salesforce_dataloader_iso_offset/Task_head.csv")
    assert len(rows) == 6
    # 2024-01-23T17:50:51.000+0000: the zone argument does not matter.
    created = parse_timestamp(rows[0].values["CreatedDate"], tz=ZoneInfo("Asia/Tokyo"))
    assert created == datetime(2024, 1, 23, 17, 50, 51, tzinfo=UTC)


def test_powerbi_us_dates_are_month_first() -> None:
    _, rows = read("salesforce_sample_org_powerbi/OpportunityHistory.csv")
    assert len(rows) == 48
    created = [row.values["CreatedDate"] for row in rows]
    # "02/23/26 08:55 PM": 23 cannot be a month.
    assert resolve_order("CreatedDate", created) == "monthfirst"
    first = parse_timestamp(created[0], tz=ZoneInfo("America/New_York"), order="monthfirst")
    # 20:55 EST on 2026-02-23 = 01:55 UTC on 2026-02-24
    assert first == datetime(2026, 2, 24, 1, 55, tzinfo=UTC)


def test_weekly_export_naive_datetimes() -> None:
    _, rows = read("salesforce_weekly_export_latin1/Account_sample.csv")
    # line 2: CreatedDate "2023-02-10 19:40:57", no zone; in New York (EST, -5)
    # that is 00:40:57 UTC on 2023-02-11.
    created = parse_timestamp(rows[0].values["CreatedDate"], tz=ZoneInfo("America/New_York"))
    assert created == datetime(2023, 2, 11, 0, 40, 57, tzinfo=UTC)


def test_row_counts() -> None:
    expected = {
        "maven_crm_sales_opportunities/sales_pipeline.csv": 8800,
        "maven_crm_sales_opportunities/accounts.csv": 85,
        "titles_real/titles.csv": 180,
        "salesforce_sample_org_powerbi/Opportunity.csv": 36,
        "salesforce_sample_org_powerbi/Contact.csv": 25,
        "export_headers/hubspot_contacts_all_properties_export.header.csv": 0,
    }
    assert {name: len(read(name)[1]) for name in expected} == expected


def test_header_only_exports() -> None:
    source, rows = read("export_headers/hubspot_contacts_all_properties_export.header.csv")
    assert (len(source.header), rows) == (182, [])
    fr, _ = read("export_headers/salesforce_opportunity_report_labels_fr.header.csv")
    assert fr.header[0] == "Propriétaire de l'opportunité"
    assert fr.header[4] == "Étape"
