"""One defect, one message, at the right place, in words a marketing lead reads.

Every file in fixtures/broken/ is `_base.toml` with exactly one thing wrong.
Loading it must give exactly one problem, at the expected key path and line,
with a message that says what to write instead and no pydantic or tomllib
jargon; `slatui contract check` must print that one problem and exit 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slatui.cli.main import run
from slatui.contract import ContractInvalid, load_file, loads, to_toml
from slatui.contract.locate import duplicate_key, locate

BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"
SAMPLE = Path(__file__).resolve().parent.parent / "sample.toml"

# file stem -> (key path, fragment of the message, line); "" when the problem is the
# whole file or its TOML syntax. Lines count the one-line comment each fixture starts with.
EXPECTED: dict[str, tuple[str, str, int | None]] = {
    # unknown keys, with the closest known name
    "unknown_top_level_key": ("review", 'did you mean "reviews"?', 74),
    "unknown_agreement_key": ("agreement.partial_period", 'did you mean "partial_periods"?', 8),
    "unknown_commitment_key_withn": ("commitments[2].withn", 'did you mean "within"?', 61),
    "unknown_commitment_key_measur": ("commitments[0].measur", 'did you mean "measure"?', 37),
    "inline_table_unknown_key": ("sal.touchpoints.typs", 'did you mean "types"?', 31),
    # wrong types
    "wrong_type_min_string": ("commitments[0].min", "write the number without them: 2", 39),
    "wrong_type_weeks_bool": ("pilot.weeks", "true is a yes/no value; expected a whole number", 79),
    "wrong_type_title_number": ("agreement.title", "42 is a number; expected text in quotes", 5),
    "wrong_type_days_string": ("calendar.days", 'write a list, even of one: ["mon"]', 16),
    "event_wrong_type": ("commitments[1].event", "expected text in quotes or a list", 48),
    "effective_quoted": ("agreement.effective", "write the date without them: 2027-01-04", 6),
    # numbers out of range
    "negative_min": ("commitments[0].min", "must be 0 or more, not -1", 39),
    "count_max_infinite": ("commitments[0].max", "must be a finite number", 41),
    "reversed_min_max": ("commitments[0].max", "2 is below min (3): the range is reversed", 40),
    "share_too_large": (
        "commitments[1].share",
        "1.5 is not a share; write a fraction between 0",
        51,
    ),
    "on_time_too_large": ("commitments[2].on_time", "2 is not a share", 63),
    "fiscal_year_start_13": ("agreement.fiscal_year_start", "must be from 1 to 12, not 13", 8),
    "pilot_weeks_zero": ("pilot.weeks", "must be from 1 to 52, not 0", 79),
    # working hours
    "hours_25": ("calendar.hours[0]", '"25:00" is not a time of day', 17),
    "hours_minute_60": ("calendar.hours[0]", '"09:60" is not a time of day', 17),
    "hours_reversed": ("calendar.hours[0]", '"17:00-09:00" ends before it starts', 17),
    "hours_overlap": ("calendar.hours[1]", '"12:00-17:00" overlaps "09:00-13:00"', 17),
    "hours_by_day_non_working": ("calendar.hours_by_day.sat", '"sat" is not a working day', 22),
    # names that must exist
    "unknown_timezone": ("agreement.timezone", '(did you mean "America/New_York"?)', 7),
    "unknown_holiday_country": ("calendar.holidays", '"XX" is not a country with known public', 18),
    "unknown_tier": ("commitments[0].tier", 'unknown tier "t3"; the tiers are t1, t2', 36),
    "sal_unknown_tier": ("sal.tiers[1]", 'unknown tier "t3"', 30),
    "escalation_unknown_commitment": (
        "escalations[0].commitment",
        'unknown commitment "first-contct" (did you mean "first-contact"?)',
        71,
    ),
    "overdue_on_count": (
        "escalations[0].commitment",
        "an overdue escalation needs a response commitment",
        71,
    ),
    "duplicate_commitment_id": ("commitments[1].id", '"sal-volume" is already the id of', 44),
    "duplicate_tier_id": ("tiers[2].id", '"t1" is already the id of tiers[0]', 29),
    "invalid_id": ("commitments[1].id", '"T 1" is not a valid id; use lower-case letters', 44),
    # durations
    "duration_no_unit_string": ("commitments[2].within", '"24" has no unit', 61),
    "duration_no_unit_number": ("commitments[2].within", "24 has no unit; write it in quotes", 61),
    "duration_hours_word": (
        "commitments[2].within",
        '"24h" on the wall clock, or "24bh" in business time',
        61,
    ),
    "inline_table_bad_within": ("sal.touchpoints.within", '"30" has no unit', 31),
    "warn_before_longer": (
        "commitments[2].warn_before",
        "30bh is not shorter than within (24bh)",
        62,
    ),
    # measures and escalation kinds
    "unknown_measure": ("commitments[2].measure", '(did you mean "response"?)', 58),
    "measure_for_other_keys": ("commitments[0].measure", 'did you mean measure = "count"?', 37),
    "missing_measure": ("commitments[0].measure", "say what this commitment measures: count,", 33),
    "unknown_period": ("commitments[1].period", '"monthly" is not one of "week", "month"', 52),
    "unknown_escalation_kind": (
        "escalations[0].when",
        '"late" is not one of "overdue", "missed"',
        70,
    ),
    "missing_escalation_kind": (
        "escalations[0].when",
        "say when it escalates: overdue, missed",
        66,
    ),
    "missing_escalation_to": ("escalations[0].to", "is required but missing", 66),
    "share_without_per": ("commitments[1].share", 'needs per = "account"', 50),
    "empty_stop": ("commitments[2].stop", "list at least one event that stops the clock", 60),
    # required keys and the format line
    "misspelt_required_key": ("agreement.titel", 'did you mean "title"?', 5),
    "missing_title": ("agreement.title", "is required but missing", 4),
    "empty_owner": ("agreement.sales.owner", "is empty; write some text between the quotes", 13),
    "empty_tiers": ("tiers", "list at least one tier", 3),
    "format_2": ("format", "2 is not a format this version of slatui reads", 2),
    "missing_format": ("format", "write format = 1 at the top of the file", None),
    "ends_before_effective": ("agreement.ends", "2026-12-31 is before effective (2027-01-04)", 7),
    "signoff_bad_digest": ("signoffs[0].digest", '"sha256:1234" is not a digest slatui wrote', 85),
    # TOML syntax: the line (and column) is the place
    "syntax_unclosed_string": ("", "the text in quotes is not closed", 5),
    "syntax_duplicate_key": ("", "this key is already set above", 8),
    "syntax_duplicate_table": ("", "the table [agreement.sales] appears twice", 15),
    "syntax_missing_equals": ("", 'expected "=" after the key', 13),
    "syntax_bare_text": ("", "text needs quotes", 26),
    # the file itself
    "not_utf8": ("", "is not UTF-8 text", 13),
    "empty": ("", "is empty; a contract file starts with format = 1", None),
}

JARGON = (
    "Input should be",
    "union_tag",
    "function-after",
    "function-before",
    "[type=",
    "For further information visit",
    "pydantic",
    "Value error",
    "valid dictionary",
    "literal_error",
    "Traceback",
    "TOMLDecodeError",
    "at end of document",
)

FIXTURES = sorted(p.stem for p in BROKEN.glob("*.toml") if p.name != "_base.toml")


def test_the_base_is_a_valid_contract() -> None:
    load_file(BROKEN / "_base.toml")


def test_every_fixture_has_an_expectation() -> None:
    assert len(FIXTURES) >= 30
    assert set(FIXTURES) == set(EXPECTED)


@pytest.mark.parametrize("name", FIXTURES)
def test_one_defect_gives_one_problem_at_its_place(name: str) -> None:
    path, fragment, line = EXPECTED[name]
    with pytest.raises(ContractInvalid) as caught:
        load_file(BROKEN / f"{name}.toml")
    problems = caught.value.problems
    assert len(problems) == 1, caught.value.render()
    problem = problems[0]
    assert problem.path == path
    assert fragment in problem.message
    assert problem.line == line
    if name.startswith("syntax_") or name == "not_utf8":
        assert problem.column is not None
    for word in JARGON:
        assert word not in problem.message


@pytest.mark.parametrize("name", FIXTURES)
def test_contract_check_prints_the_one_problem_and_exits_2(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, fragment, line = EXPECTED[name]
    file = BROKEN / f"{name}.toml"
    code = run(["contract", "check", str(file)])
    out, err = capsys.readouterr()
    assert code == 2
    lines = [text for text in err.splitlines() if text.strip()]
    problems = [text for text in lines if not text.endswith("invalid, 1 problem")]
    assert len(problems) == 1, err
    (problem,) = problems
    assert problem.startswith(f"{file}:")
    assert fragment in problem
    if path:
        assert f": {path}: " in problem
    if line is not None:
        assert problem.startswith(f"{file}:{line}:")
    for word in JARGON:
        assert word not in err
        assert word not in out


# ------------------------------------------------------------------ line numbers


def _line_of(text: str, needle: str, after: str = "", occurrence: int = 1) -> int:
    """1-based line of the first `needle` after the `occurrence`-th `after`."""
    start = -1
    for _ in range(occurrence):
        start = text.index(after, start + 1)
    return text[: text.index(needle, start)].count("\n") + 1


BASE_TEXT = (BROKEN / "_base.toml").read_text(encoding="utf-8")


def test_a_key_in_the_third_commitment() -> None:
    line = _line_of(BASE_TEXT, "within =", after="[[commitments]]", occurrence=3)
    assert locate(BASE_TEXT, "commitments[2].within") == line
    assert locate(BASE_TEXT, "commitments[2]") == _line_of(
        BASE_TEXT, "[[commitments]]", after="[[commitments]]", occurrence=3
    )


def test_a_key_in_a_nested_table() -> None:
    line = _line_of(BASE_TEXT, 'owner = "Head of Demand Generation"')
    assert locate(BASE_TEXT, "agreement.marketing.owner") == line
    assert locate(BASE_TEXT, "agreement.sales.owner") == _line_of(BASE_TEXT, 'owner = "VP Sales"')


def test_a_key_inside_an_inline_table_is_on_the_line_of_the_table() -> None:
    line = _line_of(BASE_TEXT, "touchpoints = {")
    assert locate(BASE_TEXT, "sal.touchpoints.within") == line
    assert locate(BASE_TEXT, "sal.touchpoints.types[1]") == line


def test_a_missing_key_is_placed_at_its_table() -> None:
    assert locate(BASE_TEXT, "agreement.ends") == _line_of(BASE_TEXT, "[agreement]")
    assert locate(BASE_TEXT, "escalations[0].text") == _line_of(BASE_TEXT, "[[escalations]]")


def test_the_sample_places_deep_commitments() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    sample = load_file(SAMPLE)
    last = max(i for i, c in enumerate(sample.commitments) if getattr(c, "within", None))
    line = _line_of(text, "within =", after="[[commitments]]", occurrence=last + 1)
    assert locate(text, f"commitments[{last}].within") == line
    engaged = next(i for i, e in enumerate(sample.escalations) if hasattr(e, "min_touches"))
    assert locate(text, f"escalations[{engaged}].min_touches") == _line_of(
        text, "min_touches", after="[[escalations]]", occurrence=engaged + 1
    )


def test_items_of_an_exported_list_are_on_their_own_lines() -> None:
    exported = to_toml(load_file(SAMPLE))
    assert locate(exported, "calendar.days[3]") == _line_of(exported, '"thu"', after="[calendar]")
    assert locate(exported, "sal.touchpoints.within") == _line_of(
        exported, "within =", after="[sal.touchpoints]"
    )


def test_multi_line_strings_and_dotted_keys() -> None:
    text = (
        "format = 1\n"
        "[agreement]\n"
        'title = """A title\n'
        'timezone = "not a key, part of the title"\n'
        '"""\n'
        'timezone = "Europe/Berlin"\n'
        'marketing.owner = "CMO"\n'
    )
    assert locate(text, "agreement.timezone") == 6
    assert locate(text, "agreement.marketing.owner") == 7
    assert locate(text, "agreement.marketing") == 7


def test_a_problem_in_a_loaded_file_carries_the_line() -> None:
    text = BASE_TEXT.replace('within = "24bh"', 'within = "24"')
    with pytest.raises(ContractInvalid) as caught:
        loads(text, "x.toml")
    (problem,) = caught.value.problems
    assert problem.line == _line_of(text, 'within = "24"')
    assert caught.value.render().startswith(f"x.toml:{problem.line}: commitments[2].within: ")


def test_duplicate_key_is_found_even_at_the_end_of_the_file() -> None:
    text = BASE_TEXT + "weeks = 6\n"
    assert duplicate_key(text) == (text.count("\n"), 1)
    with pytest.raises(ContractInvalid) as caught:
        loads(text)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (text.count("\n"), 1)
