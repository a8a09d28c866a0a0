"""Clause-by-clause diff: identity keys, field paths, TOML-style values, order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slatui.contract.canonical import digest
from slatui.contract.diff import Change, diff, render_value
from slatui.contract.load import load_file
from slatui.contract.model import CadenceCommitment, Contract, Signoff
from slatui.duration import Duration

SAMPLE = Path(__file__).resolve().parents[1] / "sample.toml"
CONTRACT = load_file(SAMPLE)


@pytest.fixture
def sample() -> Contract:
    return CONTRACT


def _replace_commitment(contract: Contract, commitment_id: str, **changes: object) -> Contract:
    commitments = [
        c.model_copy(update=changes) if c.id == commitment_id else c for c in contract.commitments
    ]
    return contract.model_copy(update={"commitments": commitments})


def test_identical_contracts_have_no_differences(sample: Contract) -> None:
    assert diff(sample, sample) == []


def test_sample_against_a_modified_copy_lists_exactly_the_changes(sample: Contract) -> None:
    changed = _replace_commitment(sample, "t2-sales-first-contact", within=Duration.parse("2bd"))
    added = CadenceCommitment(
        id="t4-new", party="marketing", measure="cadence", event="quarterly_plan"
    )
    escalations = [e for e in changed.escalations if e.id != "sal-rejections"]
    modified = changed.model_copy(
        update={"commitments": [*changed.commitments, added], "escalations": escalations}
    )
    changes = diff(sample, modified)
    assert changes == [
        Change("changed", "commitments[t2-sales-first-contact]", "within", "1bd", "2bd"),
        Change("added", "commitments[t4-new]"),
        Change("removed", "escalations[sal-rejections]"),
    ]
    assert [c.render() for c in changes] == [
        "changed commitments[t2-sales-first-contact].within: 1bd → 2bd",
        "added commitments[t4-new]",
        "removed escalations[sal-rejections]",
    ]


def test_moving_a_commitment_is_not_a_change_of_it(sample: Contract) -> None:
    first, *rest = sample.commitments
    moved = sample.model_copy(update={"commitments": [*rest, first]})
    assert diff(sample, moved) == []


def test_nested_fields_get_dotted_paths(sample: Contract) -> None:
    assert sample.sal is not None and sample.sal.touchpoints is not None
    touchpoints = sample.sal.touchpoints.model_copy(update={"within": Duration.parse("14d")})
    sal = sample.sal.model_copy(
        update={"touchpoints": touchpoints, "titles": {**sample.sal.titles, "director": ["VP*"]}}
    )
    changes = diff(sample, sample.model_copy(update={"sal": sal}))
    assert [c.render() for c in changes] == [
        "changed sal.touchpoints.within: 30d → 14d",
        'changed sal.titles.director: (none) → ["VP*"]',
    ]


def test_defaults_are_compared_as_what_they_mean(sample: Contract) -> None:
    answered = sample.commitment("t1-sal-answered")
    assert answered is not None
    relaxed = _replace_commitment(sample, "t1-sal-answered", on_time=1.0, warn_before=None)
    tightened = _replace_commitment(relaxed, "t1-sal-answered", warn_before=Duration.parse("2bh"))
    assert [c.render() for c in diff(sample, relaxed)] == [
        "changed commitments[t1-sal-answered].on_time: 0.95 → 1.0"
    ]
    assert [c.render() for c in diff(relaxed, tightened)] == [
        "changed commitments[t1-sal-answered].warn_before: (none) → 2bh"
    ]


def test_singleton_clauses_can_be_added_and_removed(sample: Contract) -> None:
    without = sample.model_copy(update={"reviews": None, "pilot": None})
    assert [c.render() for c in diff(sample, without)] == ["removed reviews", "removed pilot"]
    assert [c.render() for c in diff(without, sample)] == ["added reviews", "added pilot"]


def test_values_are_written_as_toml_writes_them(sample: Contract) -> None:
    agreement = sample.agreement.model_copy(update={"effective": dt.date(2027, 2, 1)})
    calendar = sample.calendar.model_copy(update={"days": ["mon", "tue"]})
    changes = diff(sample, sample.model_copy(update={"agreement": agreement, "calendar": calendar}))
    assert [c.render() for c in changes] == [
        "changed agreement.effective: 2027-01-04 → 2027-02-01",
        'changed calendar.days: ["mon", "tue", "wed", "thu", "fri"] → ["mon", "tue"]',
    ]
    assert render_value(True) == "true"
    assert render_value({"a": [1, 2]}) == "{ a = [1, 2] }"


def test_signatures_are_not_content(sample: Contract) -> None:
    signoff = Signoff(
        party="sales",
        name="Bo",
        signed_at=dt.datetime(2027, 1, 5, tzinfo=dt.UTC),
        digest=digest(sample),
    )
    assert diff(sample, sample.model_copy(update={"signoffs": [signoff]})) == []


@settings(max_examples=30, deadline=None)
@given(st.sets(st.integers(0, len(CONTRACT.commitments) - 1), max_size=6))
def test_removing_any_commitments_lists_exactly_those(dropped: set[int]) -> None:
    kept = [c for i, c in enumerate(CONTRACT.commitments) if i not in dropped]
    changes = diff(CONTRACT, CONTRACT.model_copy(update={"commitments": kept}))
    expected = [f"commitments[{CONTRACT.commitments[i].id}]" for i in sorted(dropped)]
    assert [(c.kind, c.clause) for c in changes] == [("removed", key) for key in expected]
