"""Plain values: placeholders, booleans, numbers and quantities."""

from __future__ import annotations

from decimal import Decimal

import pytest

from slatui.importing.values import (
    DEFAULT,
    Placeholders,
    ValueProblem,
    parse_bool,
    parse_number,
    parse_quantity,
)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "Select",  # X Education: the form's unanswered default
        " Select ",
        "000000000000000AAA",  # Salesforce empty lookup (18 characters)
        "000000000000000",  # the same, 15-character form
        "--",
        "N/A",
        "n/a",
        "NULL",
        "null",
    ],
)
def test_placeholders_mean_empty(value: str) -> None:
    assert DEFAULT.is_empty(value)
    assert DEFAULT.clean(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "select",  # case matters: only the spelling tools write is a placeholder
        "SELECT",
        "Null",
        "NA",  # Namibia's country code
        "-",
        "0",
        "0018a000020sitYAAQ",  # a real id
        "00000000000000AAA",  # 14 zeros: not the empty-lookup shape
        "Selection",
    ],
)
def test_other_values_are_kept(value: str) -> None:
    assert not DEFAULT.is_empty(value)
    assert DEFAULT.clean(value) == value.strip()


def test_placeholders_are_configurable() -> None:
    custom = Placeholders(tokens=frozenset({"(none)"}), salesforce_empty_ids=False)
    assert custom.is_empty("(none)")
    assert not custom.is_empty("Select")
    assert not custom.is_empty("000000000000000AAA")
    assert DEFAULT.with_tokens("unknown").is_empty("unknown")
    assert DEFAULT.with_tokens("unknown").is_empty("Select")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("TRUE", True),
        ("FALSE", False),
        ("true", True),
        ("false", False),
        ("True", True),
        ("1", True),
        ("0", False),
        ("yes", True),
        ("no", False),
        ("Yes", True),
        ("No", False),  # X Education "Do Not Email"
        ("y", True),
        ("n", False),
        (" TRUE ", True),
        ("", None),
        ("Select", None),
    ],
)
def test_booleans(value: str, expected: bool | None) -> None:
    assert parse_bool(value) is expected


@pytest.mark.parametrize("value", ["maybe", "2", "Sí", "t", "-1", "on"])
def test_not_booleans(value: str) -> None:
    with pytest.raises(ValueProblem, match="not a yes/no value") as raised:
        parse_bool(value)
    assert repr(value) in str(raised.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1,184", Decimal("1184")),
        ("1,184.50", Decimal("1184.50")),
        ("12,345,678", Decimal("12345678")),
        ("9225.225", Decimal("9225.225")),  # exact, no float rounding
        ("7262.5419999999995", Decimal("7262.5419999999995")),
        ("-3.5", Decimal("-3.5")),
        (".5", Decimal("0.5")),
        ("1.5E+07", Decimal("1.5E+07")),  # spreadsheets write large numbers so
        ("0", Decimal(0)),
        ("", None),
        ("N/A", None),
    ],
)
def test_numbers(value: str, expected: Decimal | None) -> None:
    assert parse_number(value) == expected


@pytest.mark.parametrize("value", ["1,18", "1,1840", "12,34,567", "1,5", "$1,184", "12%", "abc"])
def test_not_numbers(value: str) -> None:
    with pytest.raises(ValueProblem, match="not a number"):
        parse_number(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1,184", 1184), ("0", 0), ("15", 15), ("15.0", 15), ("", None), ("--", None)],
)
def test_quantities(value: str, expected: int | None) -> None:
    assert parse_quantity(value) == expected


def test_negative_quantity_is_refused() -> None:
    with pytest.raises(ValueProblem, match="cannot be negative"):
        parse_quantity("-3")


def test_fractional_quantity_is_refused() -> None:
    with pytest.raises(ValueProblem, match="whole number"):
        parse_quantity("2.5")
