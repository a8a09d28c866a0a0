"""A baseline's provenance as part of the contract: TOML, digest, adopt(), Markdown, diff.

Figures used throughout: the pilot starts Monday 2 November 2026 and runs
4 weeks, so its last day is Sunday 29 November 2026 (2 Nov + 28 days - 1).
It measured 2.5 SALs per month; Mia Chen adopted the number at
2026-12-03T16:00:00Z, which is 11:00 on 3 December in New York (UTC-5 in
December), the agreement's zone. sample.toml's t2-mkt-sal-volume promises
min 2, max 3 SALs per month; t2-mkt-engagement is directional with no number;
t2-sales-first-contact is within 1bd, warn_before 2bh.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slatui.contract import ContractInvalid, load_file, loads, to_toml
from slatui.contract.canonical import digest, signature_valid
from slatui.contract.diff import diff
from slatui.contract.model import Baseline, Contract, Signoff
from slatui.duration import Duration
from slatui.editing import EditError, NodeRef, fields_for, set_field
from slatui.editing.adopt import adopt
from slatui.editing.merge import merge_contracts
from slatui.lint import lint
from slatui.markdown import to_markdown
from slatui.markdown.preview import clause_markdown

SAMPLE = Path(__file__).resolve().parents[1] / "sample.toml"
VOLUME = "t2-mkt-sal-volume"
ENGAGEMENT = "t2-mkt-engagement"
CONTACT = "t2-sales-first-contact"
PROVENANCE = (
    "Set from the 4-week pilot of 2 November to 29 November 2026: "
    "2.5 SALs per month measured (adopted by Mia Chen on 3 December 2026)."
)

BASELINE = Baseline(
    pilot_start=dt.date(2026, 11, 2),
    pilot_weeks=4,
    measured=2.5,
    measured_text="2.5 SALs per month",
    suggestion="achievable",
    adopted_by="Mia Chen",
    adopted_at=dt.datetime(2026, 12, 3, 16, 0, tzinfo=dt.UTC),
)

# The canonical form: `baseline` last in its commitment, after `text`, as a
# [commitments.baseline] sub-table in model order, its instant in UTC with Z.
CANONICAL = """\
# slatui contract, format 1. Signatures are written by slatui; edit them and they no longer match.
format = 1

[agreement]
title = "ABM SLA"
effective = 2027-01-04
timezone = "America/New_York"

[agreement.marketing]
owner = "Head of Demand Generation"

[agreement.sales]
owner = "VP Sales"

[calendar]
days = [
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
]
hours = [
    "09:00-17:00",
]

[[tiers]]
id = "t2"
name = "Segment accounts"

[[commitments]]
id = "t2-mkt-sal-volume"
party = "marketing"
tier = "t2"
measure = "count"
event = "sal_notified"
period = "month"
min = 3
text = "Marketing delivers 3 SALs a month."

[commitments.baseline]
pilot_start = 2026-11-02
pilot_weeks = 4
measured = 2.5
measured_text = "2.5 SALs per month"
suggestion = "achievable"
adopted_by = "Mia Chen"
adopted_at = 2026-12-03T16:00:00Z

[[commitments]]
id = "t2-sales-first-contact"
party = "sales"
tier = "t2"
measure = "response"
start = "sal_notified"
stop = [
    "call",
]
within = "1bd"

[pilot]
start = 2026-11-02
"""

# The same agreement as a person might write it: keys in another order, the
# instant at New York's offset, the measured value as a float.
HAND_WRITTEN = """\
format = 1

[agreement]
title = "ABM SLA"
effective = 2027-01-04
timezone = "America/New_York"
[agreement.marketing]
owner = "Head of Demand Generation"
[agreement.sales]
owner = "VP Sales"

[calendar]
days = ["mon", "tue", "wed", "thu", "fri"]
hours = ["09:00-17:00"]

[[tiers]]
id = "t2"
name = "Segment accounts"

[[commitments]]
id = "t2-mkt-sal-volume"
party = "marketing"
tier = "t2"
measure = "count"
event = "sal_notified"
min = 3.0
period = "month"
text = "Marketing delivers 3 SALs a month."

[commitments.baseline]
adopted_at = 2026-12-03T11:00:00-05:00
adopted_by = "Mia Chen"
suggestion = "achievable"
measured_text = "2.5 SALs per month"
measured = 2.5
pilot_weeks = 4
pilot_start = 2026-11-02

[[commitments]]
id = "t2-sales-first-contact"
party = "sales"
tier = "t2"
measure = "response"
start = "sal_notified"
stop = ["call"]
within = "1bd"

[pilot]
start = 2026-11-02
"""


@pytest.fixture(scope="module")
def sample() -> Contract:
    return load_file(SAMPLE)


def _line_of(markdown: str, commitment_id: str) -> str:
    return next(line for line in markdown.splitlines() if f"(`{commitment_id}`)" in line)


# -- TOML ----------------------------------------------------------------------


def test_canonical_toml_with_a_baseline_is_a_fixed_point() -> None:
    contract = loads(CANONICAL)
    assert contract.commitments[0].baseline == BASELINE
    assert to_toml(contract) == CANONICAL


def test_a_hand_written_baseline_exports_the_canonical_bytes() -> None:
    assert to_toml(loads(HAND_WRITTEN)) == CANONICAL


def test_an_adopted_sample_round_trips_byte_identical(sample: Contract) -> None:
    adopted = adopt(sample, VOLUME, {"min": 3}, BASELINE)
    exported = to_toml(adopted)
    assert "\n[commitments.baseline]\npilot_start = 2026-11-02\n" in exported
    assert "adopted_at = 2026-12-03T16:00:00Z\n" in exported
    assert loads(exported) == adopted
    assert to_toml(loads(exported)) == exported


_baselines = st.builds(
    Baseline,
    pilot_start=st.dates(dt.date(2020, 1, 1), dt.date(2040, 12, 31)),
    pilot_weeks=st.integers(1, 52),
    measured=st.one_of(st.integers(0, 10_000), st.floats(0, 1e6, allow_nan=False)),
    measured_text=st.text(min_size=1, max_size=30),
    suggestion=st.sampled_from(["achievable", "stretch", "value"]),
    adopted_by=st.text(min_size=1, max_size=20),
    adopted_at=st.datetimes(
        dt.datetime(2020, 1, 1), dt.datetime(2040, 12, 31), timezones=st.just(dt.UTC)
    ),
)


@settings(max_examples=60, deadline=None)
@given(_baselines)
def test_any_baseline_round_trips(baseline: Baseline) -> None:
    contract = loads(CANONICAL)
    first = contract.commitments[0].model_copy(update={"baseline": baseline})
    changed = contract.model_copy(update={"commitments": [first, *contract.commitments[1:]]})
    exported = to_toml(changed)
    again = loads(exported)
    assert again.commitments[0].baseline == baseline
    assert to_toml(again) == exported


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "measured = 2.5\n",
            "measurd = 2.5\n",
            'commitments[0].baseline.measurd: is not a known key; did you mean "measured"?',
        ),
        (
            "2026-12-03T16:00:00Z",
            "2026-12-03T16:00:00",
            "commitments[0].baseline.adopted_at: 2026-12-03T16:00:00 has no time zone; "
            "write it in UTC, e.g. 2027-01-05T15:04:00Z",
        ),
        (
            'suggestion = "achievable"',
            'suggestion = "easy"',
            'commitments[0].baseline.suggestion: "easy" is not one of '
            '"achievable", "stretch", "value"',
        ),
        (
            "measured = 2.5\n",
            "measured = -1\n",
            "commitments[0].baseline.measured: must be 0 or more, not -1",
        ),
    ],
)
def test_a_bad_baseline_is_refused_with_its_key_and_line(old: str, new: str, message: str) -> None:
    assert old in CANONICAL
    with pytest.raises(ContractInvalid) as caught:
        loads(CANONICAL.replace(old, new), source="sla.toml")
    lines = CANONICAL.replace(old, new).splitlines()
    line = next(n for n, text in enumerate(lines, 1) if new.strip() in text)
    assert caught.value.render() == f"sla.toml:{line}: {message}"


def test_the_pilot_end_is_its_last_day() -> None:
    # 2 Nov 2026 + 4 weeks = 30 Nov; the last day of the pilot is the day before
    assert BASELINE.pilot_end == dt.date(2026, 11, 29)


# -- digest --------------------------------------------------------------------


def test_adopting_after_signing_makes_the_signatures_stale(sample: Contract) -> None:
    signed = sample.model_copy(
        update={
            "signoffs": [
                Signoff(party=p, name="x", signed_at=BASELINE.adopted_at, digest=digest(sample))
                for p in ("marketing", "sales")
            ]
        }
    )
    assert signature_valid(signed, "marketing") and signature_valid(signed, "sales")
    adopted = adopt(signed, VOLUME, {"min": 2}, BASELINE)  # the number itself unchanged
    assert digest(adopted) != digest(sample)
    assert not signature_valid(adopted, "marketing")
    assert not signature_valid(adopted, "sales")


def test_every_field_of_the_baseline_is_in_the_digest(sample: Contract) -> None:
    adopted = adopt(sample, VOLUME, {"min": 2}, BASELINE)
    other = BASELINE.model_copy(update={"adopted_by": "Sam Lee"})
    assert digest(adopt(sample, VOLUME, {"min": 2}, other)) != digest(adopted)


# -- adopt() -------------------------------------------------------------------


def test_adopt_sets_the_number_clears_directional_and_records_the_baseline(
    sample: Contract,
) -> None:
    before = sample.commitment(ENGAGEMENT)
    assert before is not None and before.directional and before.min is None  # type: ignore[union-attr]
    adopted = adopt(sample, ENGAGEMENT, {"min": 3}, BASELINE)
    after = adopted.commitment(ENGAGEMENT)
    assert after == before.model_copy(update={"min": 3, "directional": False, "baseline": BASELINE})
    others = [c for c in adopted.commitments if c.id != ENGAGEMENT]
    assert others == [c for c in sample.commitments if c.id != ENGAGEMENT]


def test_adopt_sets_several_keys_of_a_response(sample: Contract) -> None:
    adopted = adopt(sample, CONTACT, {"within": "32bh", "on_time": 0.9}, BASELINE)
    contact = adopted.commitment(CONTACT)
    assert contact is not None
    assert contact.within == Duration.parse("32bh")  # type: ignore[union-attr]
    assert contact.on_time == 0.9  # type: ignore[union-attr]
    assert contact.warn_before == Duration.parse("2bh")  # type: ignore[union-attr]
    assert contact.baseline == BASELINE


def test_adopt_raises_max_only_when_told(sample: Contract) -> None:
    with pytest.raises(EditError) as caught:
        adopt(sample, VOLUME, {"min": 4}, BASELINE)
    assert str(caught.value) == (
        'cannot adopt min = 4 into commitment "t2-mkt-sal-volume": '
        "max: 3 is below min (4): the range is reversed; "
        "max is not among the adopted values, so it stays 3: give max too to change it"
    )
    assert caught.value.path == "commitments[16].max"
    volume = adopt(sample, VOLUME, {"min": 4, "max": 4}, BASELINE).commitment(VOLUME)
    assert (volume.min, volume.max) == (4, 4)  # type: ignore[union-attr]


def test_adopt_names_a_neighbour_that_a_new_within_overtakes(sample: Contract) -> None:
    with pytest.raises(EditError) as caught:
        adopt(sample, CONTACT, {"within": "2bh"}, BASELINE)
    assert str(caught.value) == (
        'cannot adopt within = 2bh into commitment "t2-sales-first-contact": '
        "warn_before: 2bh is not shorter than within (2bh); the warning must come first; "
        "warn_before is not among the adopted values, so it stays 2bh: "
        "give warn_before too to change it"
    )


@pytest.mark.parametrize(
    ("ident", "values", "message"),
    [
        (
            "t2-mkt-sal-volum",
            {"min": 3},
            'there is no commitment "t2-mkt-sal-volum" (did you mean "t2-mkt-sal-volume"?)',
        ),
        ("nothing-like-it", {"min": 3}, 'there is no commitment "nothing-like-it"'),
        (
            "t1-win-rate",
            {"min": 0.3},
            'commitment "t1-win-rate" is a track: it has no target to set from a baseline',
        ),
        (VOLUME, {}, "no value to adopt; give at least one of min, max or share"),
        (
            CONTACT,
            {"stop": ["call"]},
            "stop cannot be set from a baseline of a response commitment; "
            "its targets are within, on_time and warn_before",
        ),
        (
            VOLUME,
            {"min": "3"},
            'cannot adopt min = 3 into commitment "t2-mkt-sal-volume": '
            'min: "3" is in quotes; write the number without them: 3',
        ),
        (
            CONTACT,
            {"on_time": 1.5},
            'cannot adopt on_time = 1.5 into commitment "t2-sales-first-contact": '
            "on_time: 1.5 is not a share; write a fraction between 0 and 1 (0.95 for 95%)",
        ),
    ],
)
def test_adopt_refuses_with_a_reason(
    sample: Contract, ident: str, values: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        adopt(sample, ident, values, BASELINE)
    assert str(caught.value) == message


def test_adopt_with_none_removes_a_key(sample: Contract) -> None:
    volume = adopt(sample, VOLUME, {"min": 2, "max": None}, BASELINE).commitment(VOLUME)
    assert volume is not None and volume.max is None  # type: ignore[union-attr]


# -- Markdown ------------------------------------------------------------------


def test_the_markdown_contract_states_the_provenance(sample: Contract) -> None:
    adopted = adopt(sample, VOLUME, {"min": 3}, BASELINE)
    assert _line_of(to_markdown(adopted), VOLUME) == (
        "- Marketing delivers 2 to 3 SALs or qualified opportunities per month from the "
        "Tier 2 segment. Measured: exactly 3 SAL notified events per month. "
        f"{PROVENANCE} (`t2-mkt-sal-volume`)"
    )
    assert PROVENANCE not in _line_of(to_markdown(adopted), CONTACT)


def test_a_generated_sentence_is_followed_by_the_provenance() -> None:
    contract = loads(CANONICAL)
    plain = contract.commitments[0].model_copy(update={"text": None})
    contract = contract.model_copy(update={"commitments": [plain, *contract.commitments[1:]]})
    assert clause_markdown(contract, "commitment", VOLUME) == (
        f"- At least 3 SAL notified events per month. {PROVENANCE} (`t2-mkt-sal-volume`)\n"
    )


def test_the_draft_preview_shows_the_provenance(sample: Contract) -> None:
    adopted = adopt(sample, VOLUME, {"min": 3}, BASELINE)
    preview = clause_markdown(adopted, "commitment", VOLUME).strip()
    assert preview == _line_of(to_markdown(adopted), VOLUME)


def test_the_adoption_is_dated_in_the_agreements_zone(sample: Contract) -> None:
    # 03:30 UTC on 4 December is 22:30 on 3 December in New York
    late = BASELINE.model_copy(
        update={"adopted_at": dt.datetime(2026, 12, 4, 3, 30, tzinfo=dt.UTC)}
    )
    line = _line_of(to_markdown(adopt(sample, VOLUME, {"min": 3}, late)), VOLUME)
    assert "(adopted by Mia Chen on 3 December 2026)." in line


def test_a_pilot_across_new_year_names_both_years(sample: Contract) -> None:
    # 14 Dec 2026 + 4 weeks = 11 Jan 2027; the last day is 10 January 2027
    winter = BASELINE.model_copy(update={"pilot_start": dt.date(2026, 12, 14)})
    line = _line_of(to_markdown(adopt(sample, VOLUME, {"min": 3}, winter)), VOLUME)
    assert "Set from the 4-week pilot of 14 December 2026 to 10 January 2027: " in line


def test_provenance_text_is_escaped(sample: Contract) -> None:
    hostile = BASELINE.model_copy(
        update={"measured_text": "*2.5* <b>SALs</b>", "adopted_by": "[Mia](x) #1"}
    )
    line = _line_of(to_markdown(adopt(sample, VOLUME, {"min": 3}, hostile)), VOLUME)
    assert (
        r"\*2.5\* &lt;b&gt;SALs&lt;/b&gt; measured (adopted by \[Mia\](x) \#1 on 3 December 2026)."
        in line
    )


# -- diff, lint, editor --------------------------------------------------------


def test_the_diff_names_the_adoption_in_words(sample: Contract) -> None:
    adopted = adopt(sample, ENGAGEMENT, {"min": 3}, BASELINE)
    assert [c.render() for c in diff(sample, adopted)] == [
        "changed commitments[t2-mkt-engagement].directional: true → false",
        "changed commitments[t2-mkt-engagement].min: (none) → 3",
        "changed commitments[t2-mkt-engagement].baseline: (none) → 2.5 SALs per month "
        "measured (2.5) over the 4-week pilot from 2026-11-02, adopted as the achievable "
        "suggestion by Mia Chen at 2026-12-03T16:00:00Z",
    ]


def test_a_changed_baseline_is_one_change(sample: Contract) -> None:
    first = adopt(sample, VOLUME, {"min": 3}, BASELINE)
    second = adopt(first, VOLUME, {"min": 3}, BASELINE.model_copy(update={"suggestion": "value"}))
    changes = diff(first, second)
    assert [(c.field, c.new) for c in changes] == [
        (
            "baseline",
            "2.5 SALs per month measured (2.5) over the 4-week pilot from 2026-11-02, "
            "adopted as a typed value by Mia Chen at 2026-12-03T16:00:00Z",
        )
    ]


def test_a_number_set_from_a_pilot_needs_no_pilot_section(sample: Contract) -> None:
    no_pilot = sample.model_copy(update={"pilot": None})
    before = {w.path for w in lint(no_pilot) if w.rule == "no-baseline"}
    assert "commitments[16]" in before  # t2-mkt-sal-volume, min 2 max 3
    adopted = adopt(no_pilot, VOLUME, {"min": 3}, BASELINE)
    after = {w.path for w in lint(adopted) if w.rule == "no-baseline"}
    assert after == before - {"commitments[16]"}


def test_the_editor_offers_no_baseline_field_and_keeps_it(sample: Contract) -> None:
    adopted = adopt(sample, VOLUME, {"min": 3}, BASELINE)
    node = NodeRef("commitment", VOLUME)
    assert not [s for s in fields_for(adopted, node) if s.key.startswith("baseline")]
    edited = set_field(adopted, node, "period", "week")
    assert edited.commitment(VOLUME).baseline == BASELINE  # type: ignore[union-attr]


def test_changing_the_measure_drops_the_baseline(sample: Contract) -> None:
    # the pilot measured a count; it says nothing about a cadence
    adopted = adopt(sample, VOLUME, {"min": 3}, BASELINE)
    changed = set_field(adopted, NodeRef("commitment", VOLUME), "measure", "cadence")
    assert changed.commitment(VOLUME).baseline is None  # type: ignore[union-attr]


def test_an_adoption_merges_with_an_edit_of_another_field(sample: Contract) -> None:
    mine = adopt(sample, VOLUME, {"min": 3}, BASELINE)
    theirs = set_field(sample, NodeRef("commitment", VOLUME), "text", "Three SALs a month.")
    merged = merge_contracts(sample, mine, theirs)
    assert merged is not None
    volume = merged.commitment(VOLUME)
    assert volume is not None and volume.text == "Three SALs a month."
    assert volume.baseline == BASELINE and volume.min == 3  # type: ignore[union-attr]


def test_two_adoptions_never_mix_their_evidence(sample: Contract) -> None:
    # both terminals re-adopt over the same baseline: one says stretch, the
    # other was Sam Lee; a merge field by field would say "stretch, by Sam Lee"
    base = adopt(sample, VOLUME, {"min": 2}, BASELINE)
    stretch = BASELINE.model_copy(
        update={"suggestion": "stretch", "adopted_at": dt.datetime(2026, 12, 4, tzinfo=dt.UTC)}
    )
    sam = BASELINE.model_copy(
        update={"adopted_by": "Sam Lee", "adopted_at": dt.datetime(2026, 12, 5, tzinfo=dt.UTC)}
    )
    mine = adopt(base, VOLUME, {"min": 3}, stretch)
    theirs = adopt(base, VOLUME, {"min": 2}, sam)
    assert merge_contracts(base, mine, theirs) is None
    kept = merge_contracts(base, mine, theirs, prefer_mine=True)
    assert kept is not None and kept.commitment(VOLUME).baseline == stretch  # type: ignore[union-attr]
