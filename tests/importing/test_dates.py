"""Timestamps: every accepted form, UTC instants worked out by hand.

Unless a case says otherwise the zone is America/New_York: EST is UTC-5 and
EDT UTC-4. US daylight saving in 2026 starts Sun 2026-03-08 (02:00 EST ->
03:00 EDT) and ends Sun 2026-11-01 (02:00 EDT -> 01:00 EST); in 2023 it ran
from 2023-03-12 to 2023-11-05, so 2023-02-10 is EST and 2023-07-10 EDT.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from slatui.importing.dates import (
    AmbiguousDates,
    DateError,
    MixedDateOrder,
    expand_year,
    infer_order,
    localize,
    parse_timestamp,
    resolve_order,
)
from slatui.importing.source import CsvSource

from .support import FIXTURES

NY = ZoneInfo("America/New_York")


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, us: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, us, tzinfo=UTC)


EXPECTED: dict[str, datetime] = {
    # +0000 is UTC; the .000 fraction is zero microseconds (Data Loader form).
    "iso_plus0000_millis": utc(2024, 1, 23, 17, 50, 51),
    # Z is UTC (Marketo form).
    "iso_z": utc(2022, 2, 13, 14, 6, 20),
    # 09:18 at +05:30 is 09:18 - 5:30 = 03:48 UTC.
    "iso_plus_colon": utc(2026, 2, 24, 3, 48),
    # 02:18 at -05:00 is 02:18 + 5:00 = 07:18 UTC.
    "iso_minus_colon": utc(2026, 2, 24, 7, 18),
    "iso_plus00_colon": utc(2026, 2, 24, 7, 18),
    # .1234567 s is truncated to 123456 microseconds (Python has no finer unit).
    "iso_seven_fraction_digits": utc(2024, 1, 23, 17, 50, 51, 123456),
    # A date alone is midnight in the zone: 00:00 EST = 05:00 UTC.
    "iso_date_only": utc(2026, 2, 24, 5, 0),
    # Naive 19:40:57 EST (-5) = 00:40:57 UTC on the next day.
    "naive_winter": utc(2023, 2, 11, 0, 40, 57),
    # Naive 19:40:57 EDT (-4) = 23:40:57 UTC the same day.
    "naive_summer": utc(2023, 7, 10, 23, 40, 57),
    # 02/24/26: February 24, 2026 (26 -> 2026), midnight EST = 05:00 UTC.
    "us_two_digit_year": utc(2026, 2, 24, 5, 0),
    "us_four_digit_year": utc(2026, 2, 24, 5, 0),
    # 02:18 AM EST = 07:18 UTC.
    "us_am": utc(2026, 2, 24, 7, 18),
    # 08:55 PM = 20:55 EST on Feb 23 = 01:55 UTC on Feb 24.
    "us_pm": utc(2026, 2, 24, 1, 55),
    # 12:05 AM is 00:05 (midnight hour) EST = 05:05 UTC.
    "us_midnight_12am": utc(2026, 2, 24, 5, 5),
    # 12:05 PM is 12:05 (noon hour) EST = 17:05 UTC.
    "us_noon_12pm": utc(2026, 2, 24, 17, 5),
    # 2/3/2026 read month-first is February 3; 14:05 EST = 19:05 UTC.
    "us_24h_single_digits": utc(2026, 2, 3, 19, 5),
    # 11:59:30 PM = 23:59:30 EST on Feb 24 = 04:59:30 UTC on Feb 25.
    "us_seconds_pm": utc(2026, 2, 25, 4, 59, 30),
    # 69 is 1969 (69-99 -> 1900s): 1969-12-31 00:00 EST = 05:00 UTC.
    "year_69_is_1969": utc(1969, 12, 31, 5, 0),
    # 68 is 2068 (00-68 -> 2000s): 2068-01-01 00:00 EST = 05:00 UTC.
    "year_68_is_2068": utc(2068, 1, 1, 5, 0),
    # 1,700,000,000 s = 19,675 days + 80,000 s. 2023-01-01 is day 19,358
    # (53 years x 365 + 13 leap days), so day 19,675 is the 318th day of 2023,
    # November 14 (304 days through October); 80,000 s = 22:13:20. UTC always.
    "epoch_millis": utc(2023, 11, 14, 22, 13, 20),
    "epoch_seconds": utc(2023, 11, 14, 22, 13, 20),
    # Excel: 1899-12-30 + 45,292 days = 2024-01-01 (2 days to 1900-01-01, then
    # 124 x 365 + 30 leap days 1904-2020); 45,321 is 29 days later, 2024-01-30.
    # .75 of a day is 18:00, local: 18:00 EST = 23:00 UTC.
    "excel_serial": utc(2024, 1, 30, 23, 0),
    "excel_serial_whole": utc(2024, 1, 30, 5, 0),
    # 02:30 does not exist on 2026-03-08 (02:00 EST jumps to 03:00 EDT): moved
    # forward by the gap to 03:30 EDT = 07:30 UTC.
    "dst_gap": utc(2026, 3, 8, 7, 30),
    # 01:30 happens twice on 2026-11-01; the first is EDT (-4): 05:30 UTC.
    "dst_fold": utc(2026, 11, 1, 5, 30),
}


def fixture_dates() -> dict[str, str]:
    source = CsvSource.open(FIXTURES / "dates.csv")
    return {row.values["case"]: row.values["value"] for row in source.rows()}


def test_every_case_in_the_fixture_has_an_expectation() -> None:
    assert sorted(fixture_dates()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_every_format(case: str) -> None:
    values = fixture_dates()
    # The US values in the column prove month-first (02/24/26: 24 is no month).
    order = resolve_order("value", values.values())
    assert order == "monthfirst"
    found = parse_timestamp(values[case], tz=NY, order=order, excel_serial=True)
    assert found == EXPECTED[case]
    assert found.tzinfo is UTC


def test_epoch_values_ignore_the_zone() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    assert parse_timestamp("1700000000", tz=tokyo) == utc(2023, 11, 14, 22, 13, 20)


def test_explicit_format_overrides_inference() -> None:
    # %d.%m.%Y: 24 February; 14:05 EST = 19:05 UTC.
    assert parse_timestamp("24.02.2026 14:05", tz=NY, date_format="%d.%m.%Y %H:%M") == utc(
        2026, 2, 24, 19, 5
    )
    # With %z the offset in the value wins: 14:05 at +01:00 = 13:05 UTC.
    assert parse_timestamp("2026-02-24 14:05 +0100", tz=NY, date_format="%Y-%m-%d %H:%M %z") == utc(
        2026, 2, 24, 13, 5
    )
    # An explicit day-first format reads 12/01/2026 as 12 January.
    assert parse_timestamp("12/01/2026", tz=UTC, date_format="%d/%m/%Y") == utc(2026, 1, 12)


def test_explicit_format_mismatch_names_the_value() -> None:
    with pytest.raises(DateError, match="'2026-02-24'"):
        parse_timestamp("2026-02-24", tz=UTC, date_format="%d/%m/%Y")


def test_two_digit_year_pivot() -> None:
    assert [expand_year(y) for y in (0, 26, 68, 69, 99)] == [2000, 2026, 2068, 1969, 1999]


def test_localize_directly() -> None:
    assert localize(datetime(2026, 7, 1, 9, 0), NY) == utc(2026, 7, 1, 13, 0)


def test_ambiguous_dates_column_stops_and_asks() -> None:
    rows = list(CsvSource.open(FIXTURES / "ambiguous_dates.csv").rows())
    created = [row.values["Created"] for row in rows]
    closed = [row.values["Closed"] for row in rows]
    mixed = [row.values["Mixed"] for row in rows]

    # Created: 12/01, 03/04 read both ways; 05/05 reads the same both ways.
    assert infer_order(created) is None
    with pytest.raises(AmbiguousDates) as raised:
        resolve_order("Created", created)
    assert raised.value.column == "Created"
    assert raised.value.examples == ["12/01/2026", "03/04/2026"]
    message = str(raised.value)
    assert "--dayfirst" in message
    assert "--monthfirst" in message
    assert "--date-format" in message

    # Closed: 24/02/2026 and 15/03/2026 have a first part above 12.
    assert infer_order(closed) == "dayfirst"
    assert resolve_order("Closed", closed) == "dayfirst"

    # Mixed: 13/01/2026 only day-first, 01/13/2026 only month-first.
    with pytest.raises(MixedDateOrder, match="mixed"):
        infer_order(mixed, column="Mixed")

    # Told --dayfirst, Created parses: 12/01/2026 is 12 January.
    assert resolve_order("Created", created, "dayfirst") == "dayfirst"
    assert parse_timestamp("12/01/2026", tz=UTC, order="dayfirst") == utc(2026, 1, 12)
    assert parse_timestamp("12/01/2026", tz=UTC, order="monthfirst") == utc(2026, 12, 1)


def test_a_single_ambiguous_value_is_never_guessed() -> None:
    with pytest.raises(DateError, match="--dayfirst"):
        parse_timestamp("12/01/2026", tz=UTC)
    # Unambiguous on its own: 24 can only be the day, 05/05 reads the same.
    assert parse_timestamp("24/02/2026", tz=UTC) == utc(2026, 2, 24)
    assert parse_timestamp("05/05/2026", tz=UTC) == utc(2026, 5, 5)


def test_order_contradicted_by_a_value() -> None:
    with pytest.raises(DateError, match="24 is not a month"):
        parse_timestamp("02/24/2026", tz=UTC, order="dayfirst")


def test_only_iso_values_need_no_order() -> None:
    assert resolve_order("CreatedDate", ["2026-02-24", "2026-01-12T10:00:00Z", ""]) is None


@pytest.mark.parametrize(
    ("value", "kwargs", "reason"),
    [
        ("45321", {}, "declare it as a date"),  # a bare number unless told it is a date
        ("12345", {"excel_serial": True}, "outside 20000-80000"),
        ("99999", {"excel_serial": True}, "outside 20000-80000"),
        ("02/30/2026", {"order": "monthfirst"}, "day is out of range"),
        ("13/13/2026", {}, "13 is not a month"),
        ("2026-02-24T25:00:00Z", {}, "hour must be in"),
        ("2026-02-24T10:00:00+25:00", {}, "not a valid UTC offset"),
        ("02/24/26 13:00 PM", {}, "must be 1 to 12"),
        ("next Tuesday", {}, "give --date-format"),
        ("170000000", {}, "give --date-format"),  # 9 digits: neither epoch form
        ("", {}, "empty"),
    ],
)
def test_errors_name_the_value(value: str, kwargs: dict[str, object], reason: str) -> None:
    with pytest.raises(DateError, match=reason) as raised:
        parse_timestamp(value, tz=UTC, **kwargs)  # type: ignore[arg-type]
    assert repr(value) in str(raised.value)
    assert raised.value.value == value
