"""The Draft screen's edits, tested without a terminal.

Every expected value below is read off sample.toml: t2-mkt-sal-volume promises
min 2, max 3 SALs per month; t2-sales-first-contact is a 1bd response that
escalation no-contact-48h refers to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slatui.contract import load_file, loads, to_toml
from slatui.contract.model import Contract
from slatui.editing import (
    EditError,
    History,
    NodeRef,
    add_commitment,
    add_escalation,
    delete,
    duplicate,
    field_text,
    fields_for,
    move,
    node_for_path,
    set_field,
)

SAMPLE = Path(__file__).resolve().parent.parent / "sample.toml"
VOLUME = NodeRef("commitment", "t2-mkt-sal-volume")
CONTACT = NodeRef("commitment", "t2-sales-first-contact")


@pytest.fixture(scope="module")
def sample() -> Contract:
    return load_file(SAMPLE)


def test_field_text_shows_stored_and_default_values(sample: Contract) -> None:
    assert field_text(sample, VOLUME, "min") == "2"
    assert field_text(sample, VOLUME, "max") == "3"
    assert field_text(sample, VOLUME, "event") == "sal_notified"
    # directional is left out of the canonical data (default false) but the editor shows it
    assert field_text(sample, VOLUME, "directional") == "false"
    assert field_text(sample, CONTACT, "stop") == "call, sales_email, meeting"
    owner = field_text(sample, NodeRef("agreement"), "marketing.owner")
    assert owner == "Head of Demand Generation"


def test_setting_a_target_changes_only_that_target(sample: Contract) -> None:
    edited = set_field(sample, VOLUME, "max", "4")
    commitment = edited.commitment("t2-mkt-sal-volume")
    assert commitment is not None and commitment.max == 4 and commitment.min == 2
    # everything else is untouched: the canonical text differs in exactly one line
    before, after = to_toml(sample).splitlines(), to_toml(edited).splitlines()
    assert [a for a, b in zip(before, after, strict=True) if a != b] == ["max = 3"]


@pytest.mark.parametrize(
    ("node", "key", "text", "fragment"),
    [
        (CONTACT, "within", "24", "has no unit"),
        (CONTACT, "within", "2 days", '"2d" on the wall clock, or "2bd"'),
        (CONTACT, "on_time", "1.5", "more than 1"),
        (VOLUME, "min", "4", "reversed"),  # min 4 above max 3
        (VOLUME, "min", "lots", "not a number"),
        (VOLUME, "period", "year", "is not one of"),
        (VOLUME, "tier", "t9", 'unknown tier "t9"'),
        (NodeRef("agreement"), "timezone", "America/New_Yrok", "America/New_York"),
        (NodeRef("agreement"), "title", "", "required"),
    ],
)
def test_invalid_values_are_refused_with_a_reason(
    sample: Contract, node: NodeRef, key: str, text: str, fragment: str
) -> None:
    with pytest.raises(EditError, match=fragment):
        set_field(sample, node, key, text)


def test_share_accepts_percentages(sample: Contract) -> None:
    edited = set_field(sample, NodeRef("commitment", "t1-sal-answered"), "on_time", "90%")
    commitment = edited.commitment("t1-sal-answered")
    assert commitment is not None and commitment.on_time == pytest.approx(0.9)  # type: ignore[union-attr]


def test_renaming_a_commitment_follows_into_escalations(sample: Contract) -> None:
    edited = set_field(sample, CONTACT, "id", "t2-first-touch")
    overdue = next(e for e in edited.escalations if e.id == "no-contact-48h")
    assert overdue.commitment == "t2-first-touch"  # type: ignore[union-attr]


def test_renaming_a_tier_follows_into_commitments_and_sal(sample: Contract) -> None:
    edited = set_field(sample, NodeRef("tier", "t2"), "id", "segment")
    assert edited.sal is not None and edited.sal.tiers == ["t1", "segment"]
    assert {c.tier for c in edited.commitments if c.id.startswith("t2-")} == {"segment"}


def test_changing_the_measure_takes_the_new_template(sample: Contract) -> None:
    node = NodeRef("commitment", "t2-mkt-content")
    edited = set_field(sample, node, "measure", "count")
    commitment = edited.commitment("t2-mkt-content")
    assert commitment is not None and commitment.measure == "count"
    assert commitment.party == "marketing" and commitment.tier == "t2"
    assert [f.key for f in fields_for(edited, node)][4:6] == ["event", "period"]


def test_add_commitment_uses_the_measure_template_and_a_unique_id(sample: Contract) -> None:
    edited, node = add_commitment(sample, "response", tier="t2")
    assert node == NodeRef("commitment", "t2-sales-response")
    new = edited.commitment("t2-sales-response")
    assert new is not None and str(new.within) == "1bd"  # type: ignore[union-attr]
    # inserted after the last Tier 2 commitment (t2-cost-per-sal), not at the end
    ids = [c.id for c in edited.commitments]
    assert ids[ids.index("t2-cost-per-sal") + 1] == "t2-sales-response"
    _, second = add_commitment(edited, "response", tier="t2")
    assert second.key == "t2-sales-response-2"


def test_add_escalation_points_at_a_suitable_commitment(sample: Contract) -> None:
    edited, node = add_escalation(sample, "overdue")
    new = next(e for e in edited.escalations if e.id == node.key)
    assert new.when == "overdue" and new.commitment == "t1-mkt-research"  # type: ignore[union-attr]


def test_duplicate_delete_and_move(sample: Contract) -> None:
    copied, node = duplicate(sample, VOLUME)
    ids = [c.id for c in copied.commitments]
    assert node.key == "t2-mkt-sal-volume-copy"
    assert ids.index("t2-mkt-sal-volume-copy") == ids.index("t2-mkt-sal-volume") + 1
    moved = move(copied, node, -1)
    ids = [c.id for c in moved.commitments]
    assert ids.index("t2-mkt-sal-volume-copy") + 1 == ids.index("t2-mkt-sal-volume")
    removed = delete(moved, node)
    assert [c.id for c in removed.commitments] == [c.id for c in sample.commitments]


def test_delete_refuses_a_clause_in_use(sample: Contract) -> None:
    with pytest.raises(EditError, match="no-contact-48h"):
        delete(sample, CONTACT)
    with pytest.raises(EditError, match="t2"):
        delete(sample, NodeRef("tier", "t2"))


def test_edited_contracts_still_round_trip(sample: Contract) -> None:
    edited = set_field(sample, CONTACT, "warn_before", "90bm")
    assert loads(to_toml(edited)) == edited


def test_lint_paths_lead_to_their_clause(sample: Contract) -> None:
    index = [c.id for c in sample.commitments].index("t2-mkt-sal-volume")
    assert node_for_path(sample, f"commitments[{index}].min") == VOLUME
    assert node_for_path(sample, "calendar.hours[0]") == NodeRef("calendar")
    assert node_for_path(sample, "commitments[999]") == NodeRef("agreement")


def test_history_undoes_in_reverse_order(sample: Contract) -> None:
    history = History()
    first = set_field(sample, VOLUME, "max", "4")
    history.push("max 4", sample, first)
    second = set_field(first, VOLUME, "min", "3")
    history.push("min 3", first, second)
    assert second.commitment("t2-mkt-sal-volume").min == 3  # type: ignore[union-attr]
    assert history.pop() == ("min 3", first, second)
    assert history.pop() == ("max 4", sample, first)
    assert history.pop() is None


def test_a_refusal_caused_by_a_neighbouring_field_names_that_field(sample: Contract) -> None:
    # min 4 above max 3: the problem sits on `max`, next to the edited `min`;
    # the editor shows "max: ..." rather than the whole path commitments[16].max.
    with pytest.raises(EditError) as refused:
        set_field(sample, VOLUME, "min", "4")
    assert str(refused.value).startswith("max: 3 is below min (4)")
    # a problem in another clause keeps its full path, so it can be found
    with pytest.raises(EditError) as elsewhere:
        set_field(sample, CONTACT, "measure", "count")
    assert str(elsewhere.value).startswith("escalations[0].commitment:")
