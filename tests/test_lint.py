"""The linter: one fixture per rule, the clean file, sample.toml, and the edges.

Each fixture under tests/fixtures/lint/ is clean.toml with one thing changed,
so it must give exactly the warnings of its rule and no other: a rule that
starts firing where it should not shows up here as an unexpected warning.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from slatui.contract.load import load_file, loads
from slatui.contract.model import Contract
from slatui.duration import Duration
from slatui.events import KNOWN_EVENT_TYPES
from slatui.lint import RULE_IDS, LintWarning, lint
from slatui.lint.clauses import event_keys
from slatui.lint.wallclock import business_equivalents

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint"
CLEAN = (FIXTURES / "clean.toml").read_text(encoding="utf-8")

# fixture -> the (rule, path) pairs it must give, in order
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "clean.toml": [],
    "no_number.toml": [("no-number", "commitments[0]")],
    "no_unit.toml": [("no-unit", "commitments[0]")],
    "no_owner.toml": [("no-owner", "commitments[0]")],
    "vague_abm.toml": [
        ("no-number", "commitments[0]"),
        ("no-unit", "commitments[0]"),
        ("no-owner", "commitments[0]"),
    ],
    "one_sided_tier.toml": [("one-sided-tier", "tiers[1]")],
    "volume_without_response.toml": [("volume-without-response", "commitments[0]")],
    "impressions_3_vs_4.toml": [("conflicting-targets", "commitments[3].min")],
    "wall_clock_response.toml": [("wall-clock-response", "commitments[1].within")],
    "no_escalation.toml": [("no-escalation", "commitments[1]")],
    "no_baseline.toml": [("no-baseline", "commitments[0]"), ("no-baseline", "commitments[1]")],
    "unknown_event.toml": [("unknown-event", "commitments[1].stop[1]")],
}

# What sample.toml gives today. It has a [pilot], every commitment has a
# number, a unit and an owner, every tier is two-sided, every SAL volume has a
# sales clock, and its response clocks are in business units; what remains is
# every quota and response clock that no escalation names (reports, rates and
# coverage are left to the [reviews] cadence). Changing sample.toml or a rule shows
# up here, on purpose.
SAMPLE_NO_ESCALATION = [
    1,  # t1-mkt-buyer-conversation: a per-account quota
    2,  # t1-mkt-impressions: a per-account quota
    3,  # t1-mkt-research: a 30d response clock
    7,  # t1-sales-first-contact: a 5bd response clock
    22,  # t2-sales-sal-status: a 2bd response clock
    31,  # t3-sales-no-outreach: a quota of at most 0
    33,  # mkt-inquiry-response: a 2bh response clock
    34,  # mkt-content-request: a 1bd response clock
]
SAMPLE_EXPECTED = [("no-escalation", f"commitments[{i}]") for i in SAMPLE_NO_ESCALATION]


def pairs(warnings: list[LintWarning]) -> list[tuple[str, str]]:
    return [(w.rule, w.path) for w in warnings]


def variant(*edits: tuple[str, str], extra: str = "") -> Contract:
    """clean.toml with text replaced (each `old` exactly once) and `extra` clauses appended."""
    text = CLEAN
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return loads(text + "\n" + extra)


# -- fixtures -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_gives_exactly_its_warnings(name: str) -> None:
    assert pairs(lint(load_file(FIXTURES / name))) == EXPECTED[name]


def test_every_fixture_file_is_listed() -> None:
    assert sorted(p.name for p in FIXTURES.glob("*.toml")) == sorted(EXPECTED)


def test_every_rule_has_a_fixture() -> None:
    fired = {rule for expected in EXPECTED.values() for rule, _ in expected}
    assert fired == set(RULE_IDS)


def test_sample_gives_the_expected_warnings() -> None:
    assert pairs(lint(load_file(ROOT / "sample.toml"))) == SAMPLE_EXPECTED


def test_warnings_carry_clause_message_and_advice() -> None:
    for name in EXPECTED:
        for warning in lint(load_file(FIXTURES / name)):
            assert warning.clause and warning.message and warning.advice
            assert warning.rule in RULE_IDS
            assert warning.path.startswith(warning.clause_path)


def test_lint_is_deterministic() -> None:
    contract = load_file(ROOT / "sample.toml")
    assert lint(contract) == lint(contract)


# -- LintWarning ----------------------------------------------------------------


def test_render_is_two_lines_naming_clause_rule_and_fix() -> None:
    warning = LintWarning(
        "no-owner", "commitments[3]", 'commitment "x"', "has no owner", "add party"
    )
    assert (
        warning.render()
        == 'commitments[3]: commitment "x": has no owner [no-owner]\n  fix: add party'
    )


def test_warning_is_frozen() -> None:
    warning = LintWarning("no-owner", "commitments[3]", 'commitment "x"', "m", "a")
    with pytest.raises(AttributeError):
        warning.rule = "other"  # type: ignore[misc]


def test_clause_path_strips_keys_below_the_clause() -> None:
    warning = LintWarning("unknown-event", "commitments[1].stop[1]", "c", "m", "a")
    assert warning.clause_path == "commitments[1]"
    assert LintWarning("r", "sal.touchpoints.types[0]", "c", "m", "a").clause_path == "sal"


# -- ordering -------------------------------------------------------------------


def test_order_follows_the_file_clause_by_clause() -> None:
    # a misspelt SAL signal (sal comes before commitments in the file), a tier
    # without sales, and the SAL volume made vague: file order, not rule order
    contract = variant(
        (
            'interest_signals = ["form_submit", "demo_request"]',
            'interest_signals = ["form_sbmit", "demo_request"]',
        ),
        (
            'name = "Strategic accounts"\n',
            'name = "Strategic accounts"\n\n[[tiers]]\nid = "t2"\nname = "Segment"\n',
        ),
        ('min = 20\nperiod = "month"\n', ""),
    )
    assert pairs(lint(contract)) == [
        ("one-sided-tier", "tiers[1]"),
        ("unknown-event", "sal.interest_signals[0]"),
        ("no-number", "commitments[0]"),
        ("no-unit", "commitments[0]"),
    ]


# -- no-number / no-unit / no-owner ---------------------------------------------


def test_directional_commitment_needs_no_number_or_unit() -> None:
    contract = variant(('min = 20\nperiod = "month"\n', "directional = true\n"))
    assert pairs(lint(contract)) == []


def test_directional_commitment_still_needs_an_owner() -> None:
    # the pilot sets numbers, not owners: somebody owns a promise from the start
    contract = variant(
        ('party = "marketing"\ntier = "t1"\nmeasure = "count"', 'tier = "t1"\nmeasure = "count"'),
        ('min = 20\nperiod = "month"\n', "directional = true\n"),
    )
    assert pairs(lint(contract)) == [("no-owner", "commitments[0]")]


def test_max_alone_is_a_number() -> None:
    # "no outbound outreach to the watch list": max = 0 is a real target
    contract = variant(("min = 20\n", "max = 0\n"))
    assert pairs(lint(contract)) == []


def test_response_without_within_has_no_number() -> None:
    contract = variant(('within = "1bd"\n', ""))
    assert pairs(lint(contract)) == [("no-number", "commitments[1]")]


def test_track_needs_nothing() -> None:
    contract = variant(
        extra='[[commitments]]\nid = "cycle"\nmeasure = "track"\nmetric = "win_rate"\n'
    )
    assert pairs(lint(contract)) == []


# -- one-sided-tier / volume-without-response -----------------------------------


def test_untiered_commitment_counts_for_every_tier() -> None:
    # an untiered sales clock covers the new tier t2 (and keeps t1's volume answered)
    contract = variant(
        (
            'name = "Strategic accounts"\n',
            'name = "Strategic accounts"\n\n[[tiers]]\nid = "t2"\nname = "Segment"\n',
        ),
        ('party = "sales"\ntier = "t1"\n', 'party = "sales"\n'),
    )
    assert pairs(lint(contract)) == []


def test_joint_commitment_is_neither_sides_promise() -> None:
    contract = variant(('party = "sales"\ntier = "t1"\n', 'party = "joint"\ntier = "t1"\n'))
    assert pairs(lint(contract)) == [("one-sided-tier", "tiers[0]")]


def test_a_joint_clock_answers_marketing_volume() -> None:
    contract = variant(('party = "sales"\ntier = "t1"\n', 'party = "joint"\ntier = "t1"\n'))
    assert "volume-without-response" not in {w.rule for w in lint(contract)}


def test_volume_of_non_lead_events_needs_no_response() -> None:
    # impressions are not handed to sales; nobody answers an ad impression
    contract = variant(
        ('event = "sal_notified"\nmin = 20', 'event = "ad_impression"\nmin = 20'),
        ('start = "sal_notified"', 'start = "opportunity_conversation"'),
    )
    assert pairs(lint(contract)) == []


def test_response_on_another_tier_does_not_answer_volume() -> None:
    contract = variant(
        (
            'name = "Strategic accounts"\n',
            'name = "Strategic accounts"\n\n[[tiers]]\nid = "t2"\nname = "Segment"\n',
        ),
        ('party = "sales"\ntier = "t1"\n', 'party = "sales"\ntier = "t2"\n'),
    )
    assert pairs(lint(contract)) == [
        ("one-sided-tier", "tiers[0]"),
        ("volume-without-response", "commitments[0]"),
    ]


# -- conflicting-targets --------------------------------------------------------


def test_impressions_conflict_names_both_clauses_and_figures() -> None:
    (warning,) = lint(load_file(FIXTURES / "impressions_3_vs_4.toml"))
    assert warning.clause == 'commitment "t1-mkt-impressions-guide-p2"'
    assert "min 3" in warning.message and "min 4" in warning.message
    assert '"t1-mkt-impressions" (commitments[2])' in warning.message


def test_same_events_in_another_order_conflict() -> None:
    contract = variant(
        ('event = "sal_notified"\nmin = 20', 'event = ["sal_notified", "demo_request"]\nmin = 20'),
        extra=(
            '[[commitments]]\nid = "dup"\nparty = "marketing"\ntier = "t1"\nmeasure = "count"\n'
            'event = ["demo_request", "sal_notified"]\nmin = 15\nperiod = "month"\n\n'
            '[[escalations]]\nid = "dup-missed"\nraised_by = "sales"\nto = "CMO"\n'
            'when = "missed"\ncommitment = "dup"\n'
        ),
    )
    assert pairs(lint(contract)) == [("conflicting-targets", "commitments[3].min")]


@pytest.mark.parametrize(
    "difference",
    ['tier = "t2"', 'period = "quarter"', "directional = true"],
)
def test_different_tier_period_or_directional_is_no_conflict(difference: str) -> None:
    impressions = (FIXTURES / "impressions_3_vs_4.toml").read_text(encoding="utf-8")
    second = impressions.index('id = "t1-mkt-impressions-guide-p2"')
    head, tail = impressions[:second], impressions[second:]
    if difference.startswith("tier"):
        tail = tail.replace('tier = "t1"', 'tier = "t2"', 1)
        head = head.replace(
            'name = "Strategic accounts"\n',
            'name = "Strategic accounts"\n\n[[tiers]]\nid = "t2"\nname = "Segment"\n',
        )
    elif difference.startswith("period"):
        tail = tail.replace('period = "month"', 'period = "quarter"', 1)
    else:
        tail = tail.replace("min = 3\n", "directional = true\n", 1)
    rules = {w.rule for w in lint(loads(head + tail))}
    assert "conflicting-targets" not in rules


def test_response_clocks_conflict_only_when_their_stops_overlap() -> None:
    # sample.toml's t2 first contact (1bd, stop on a call) and status report
    # (2bd, stop on accepted/rejected) both start at a SAL: different promises
    status = (
        '[[commitments]]\nid = "status"\nparty = "sales"\ntier = "t1"\nmeasure = "response"\n'
        'start = "sal_notified"\nstop = {stops}\nwithin = "2bd"\n\n'
        '[[escalations]]\nid = "status-late"\nraised_by = "marketing"\nto = "Sales Manager"\n'
        'when = "overdue"\ncommitment = "status"\nafter = "3bd"\n'
    )
    disjoint = variant(extra=status.format(stops='["sal_accepted", "sal_rejected"]'))
    overlapping = variant(extra=status.format(stops='["meeting"]'))
    assert pairs(lint(disjoint)) == []
    assert pairs(lint(overlapping)) == [("conflicting-targets", "commitments[3].within")]


# -- wall-clock-response --------------------------------------------------------


def test_worked_example_on_a_real_friday() -> None:
    # effective Mon 2027-01-04, so the example starts Fri 2027-01-08 16:30 EST
    # (30 minutes before the 17:00 close). 24h later is Sat 16:30. 1bd is the
    # same time on the next working day, Mon 2027-01-11 16:30. 24bh: 0.5h on
    # Fri, 8h Mon, 8h Tue (16.5h at Tue 17:00), 7.5h more is Wed 16:30.
    (warning,) = lint(load_file(FIXTURES / "wall_clock_response.toml"))
    assert (
        "a sal_notified at Fri 2027-01-08 16:30 EST is due Sat 2027-01-09 16:30 EST with "
        '"24h" (Sat is not a working day); with "1bd" it is due Mon 2027-01-11 16:30 EST, '
        'with "24bh" it is due Wed 2027-01-13 16:30 EST'
    ) in warning.message
    assert '"1bd" or "24bh"' in warning.advice


def test_seven_day_calendar_never_triggers() -> None:
    contract = variant(
        ('within = "1bd"', 'within = "24h"'),
        (
            'days = ["mon", "tue", "wed", "thu", "fri"]',
            'days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]',
        ),
    )
    assert pairs(lint(contract)) == []


@pytest.mark.parametrize(
    ("within", "fires"),
    [
        ("2h", False),  # Fri 17:00 + 2h = 19:00 Fri: never reaches Saturday
        ("7h", False),  # Fri 17:00 + 7h = Sat 00:00 exactly: nothing of Saturday counted
        ("8h", True),  # Fri 17:00 + 8h = Sat 01:00
        ("420m", False),  # 7h in minutes
        ("430m", True),  # Fri 17:00 + 7h10 = Sat 00:10 (the example starts 16:59)
        ("1d", True),  # Fri 16:30 + 1d = Sat 16:30
    ],
)
def test_fires_only_when_the_clock_can_reach_a_day_off(within: str, fires: bool) -> None:
    contract = variant(('within = "1bd"', f'within = "{within}"'))
    assert (pairs(lint(contract)) == [("wall-clock-response", "commitments[1].within")]) is fires


def test_a_short_friday_moves_the_threshold() -> None:
    # Friday closes at 13:00: 12h from 13:00 reaches Sat 01:00; from Thursday's
    # 17:00 it ends Fri 05:00, a working day, so only Friday matters
    contract = variant(
        ('within = "1bd"', 'within = "12h"'),
        (
            'hours = ["09:00-17:00"]\n',
            'hours = ["09:00-17:00"]\nhours_by_day = { fri = ["09:00-13:00"] }\n',
        ),
    )
    (warning,) = lint(contract)
    assert "Fri 2027-01-08 12:30 EST is due Sat 2027-01-09 00:30 EST" in warning.message


def test_marketing_clocks_are_left_alone() -> None:
    contract = variant(
        ('party = "sales"\ntier = "t1"\n', 'party = "marketing"\ntier = "t1"\n'),
        ('within = "1bd"', 'within = "24h"'),
    )
    assert "wall-clock-response" not in {w.rule for w in lint(contract)}


@pytest.mark.parametrize(
    ("within", "expected"),
    [
        ("24h", ["1bd", "24bh"]),
        ("48h", ["2bd", "48bh"]),
        ("36h", ["36bh"]),
        ("2d", ["2bd"]),
        ("90m", ["90bm"]),
        ("1440m", ["1bd", "1440bm"]),
    ],
)
def test_business_equivalents(within: str, expected: list[str]) -> None:
    assert [str(d) for d in business_equivalents(Duration.parse(within))] == expected


# -- no-escalation / no-baseline ------------------------------------------------


def test_any_escalation_naming_the_commitment_counts() -> None:
    contract = variant(
        (
            'when = "overdue"\ncommitment = "t1-sales-first-contact"\nafter = "2bd"',
            'when = "engaged_unanswered"\nmin_touches = 3\nwindow = "30d"\nafter = "48h"\n'
            'commitment = "t1-sales-first-contact"',
        ),
    )
    assert pairs(lint(contract)) == []


REPORT_ESCALATION = (
    '[[escalations]]\nid = "report-missed"\nraised_by = "sales"\nto = "CMO"\n'
    'when = "missed"\ncommitment = "mkt-campaign-report"\n'
)


def test_a_review_cadence_covers_deliverables_but_not_clocks() -> None:
    # Without the report escalation and without [reviews], the monthly campaign
    # report (commitments[2]) reaches nobody: warned.
    bare = variant((REPORT_ESCALATION, ""))
    assert pairs(lint(bare)) == [("no-escalation", "commitments[2]")]
    # A monthly review looks at deliverables, so the same contract with
    # [reviews] is clean ...
    reviewed = variant((REPORT_ESCALATION, ""), extra='[reviews]\nmonthly = "targets"\n')
    assert pairs(lint(reviewed)) == []
    # ... but a review does not answer a response clock: dropping the overdue
    # escalation of t1-sales-first-contact (commitments[1]) still warns.
    unclocked = variant(
        (REPORT_ESCALATION, ""),
        (
            '[[escalations]]\nid = "no-contact"\nraised_by = "marketing"\nto = "Sales Manager"\n'
            'when = "overdue"\ncommitment = "t1-sales-first-contact"\nafter = "2bd"\n',
            "",
        ),
        extra='[reviews]\nmonthly = "targets"\n',
    )
    assert pairs(lint(unclocked)) == [("no-escalation", "commitments[1]")]


def test_no_baseline_leaves_cadences_out() -> None:
    warnings = lint(load_file(FIXTURES / "no_baseline.toml"))
    assert 'commitment "mkt-campaign-report"' not in {w.clause for w in warnings}


# -- unknown-event --------------------------------------------------------------


def test_misspelt_event_gets_a_suggestion() -> None:
    (warning,) = lint(load_file(FIXTURES / "unknown_event.toml"))
    assert 'did you mean "sales_email"' in warning.message


@pytest.mark.parametrize("novel", ["board_pack_sent", "partner_referral", "roadshow"])
def test_novel_event_names_are_fine(novel: str) -> None:
    contract = variant(('event = "campaign_report"', f'event = "{novel}"'))
    assert pairs(lint(contract)) == []


def test_escalation_sales_touches_are_checked() -> None:
    contract = variant(
        (
            'when = "overdue"\ncommitment = "t1-sales-first-contact"\nafter = "2bd"',
            'when = "engaged_unanswered"\nmin_touches = 3\nwindow = "30d"\nafter = "48h"\n'
            'sales_touches = ["cal"]\ncommitment = "t1-sales-first-contact"',
        ),
    )
    assert pairs(lint(contract)) == [("unknown-event", "escalations[1].sales_touches[0]")]


def test_every_event_in_the_sample_is_known() -> None:
    sample = load_file(ROOT / "sample.toml")
    used = {event for c in sample.commitments for _, event in event_keys(c)}
    assert sample.sal is not None and sample.sal.touchpoints is not None
    used |= set(sample.sal.interest_signals) | set(sample.sal.touchpoints.types)
    assert used <= KNOWN_EVENT_TYPES, used - KNOWN_EVENT_TYPES


def test_lint_loads_neither_textual_nor_screens_nor_store() -> None:
    # a fresh interpreter: this test process may have imported them for other tests
    code = (
        "import sys, slatui.lint\n"
        "roots = {m.split('.')[0] for m in sys.modules}\n"
        "bad = sorted(roots & {'textual', 'screens', 'store'})\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
