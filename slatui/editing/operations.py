"""Structural edits: add, duplicate, delete and reorder list clauses.

Like field edits, each returns a new validated contract; deleting a clause
that another one refers to is refused with the name of the referrer, rather
than cascading a deletion nobody asked for.
"""

from __future__ import annotations

import copy
from typing import Any

from slatui.contract.canonical import to_data
from slatui.contract.model import Contract
from slatui.editing.edits import validate
from slatui.editing.nodes import LIST_SECTIONS, NodeRef
from slatui.editing.templates import COMMITMENT_TEMPLATES, DEFAULT_PARTY, ESCALATION_TEMPLATES
from slatui.editing.values import EditError


def add_commitment(
    contract: Contract, measure: str, *, tier: str | None = None, party: str | None = None
) -> tuple[Contract, NodeRef]:
    """A new commitment from its measure's template, after the last of its tier."""
    template = COMMITMENT_TEMPLATES.get(measure)
    if template is None:
        raise EditError(f'"{measure}" is not a measure')
    owner = party or DEFAULT_PARTY[measure]
    base = "-".join(p for p in (tier, _short(owner), measure) if p)
    new_id = unique_id(base, {c.id for c in contract.commitments})
    clause: dict[str, Any] = {"id": new_id, "party": owner, **copy.deepcopy(template)}
    if tier:
        clause["tier"] = tier
    data = to_data(contract)
    items = data.setdefault("commitments", [])
    items.insert(_insert_at(contract, tier), clause)
    return validate(data), NodeRef("commitment", new_id)


def add_escalation(
    contract: Contract, kind: str, *, commitment: str | None = None
) -> tuple[Contract, NodeRef]:
    """A new escalation from its kind's template, at the end of the ladder."""
    template = ESCALATION_TEMPLATES.get(kind)
    if template is None:
        raise EditError(f'"{kind}" is not an escalation kind')
    new_id = unique_id(kind.replace("_", "-"), {e.id for e in contract.escalations})
    clause: dict[str, Any] = {"id": new_id, "raised_by": "marketing", "to": "Sales Manager"}
    clause.update(copy.deepcopy(template))
    target = commitment or _default_target(contract, kind)
    if target:
        clause["commitment"] = target
    data = to_data(contract)
    data.setdefault("escalations", []).append(clause)
    return validate(data), NodeRef("escalation", new_id)


def duplicate(contract: Contract, node: NodeRef) -> tuple[Contract, NodeRef]:
    """A copy of a list clause right after it, with a fresh id."""
    table, index, data = _locate(contract, node)
    clause = copy.deepcopy(data[table][index])
    taken = {item["id"] for item in data[table]}
    clause["id"] = unique_id(f"{clause['id']}-copy", taken)
    data[table].insert(index + 1, clause)
    return validate(data), NodeRef(node.section, clause["id"])


def delete(contract: Contract, node: NodeRef) -> Contract:
    """The contract without the clause; refused while another clause refers to it."""
    table, index, data = _locate(contract, node)
    users = _referrers(contract, node)
    if users:
        raise EditError(f"{node.key} is used by {', '.join(users)}; change or delete those first")
    del data[table][index]
    return validate(data)


def move(contract: Contract, node: NodeRef, offset: int) -> Contract:
    """The clause moved up (-1) or down (+1) in its list; a no-op at the ends."""
    table, index, data = _locate(contract, node)
    items = data[table]
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    return validate(data)


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is free."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _short(party: str) -> str:
    return {"marketing": "mkt"}.get(party, party)


def _insert_at(contract: Contract, tier: str | None) -> int:
    positions = [i for i, c in enumerate(contract.commitments) if c.tier == tier]
    return positions[-1] + 1 if positions else len(contract.commitments)


def _default_target(contract: Contract, kind: str) -> str | None:
    if kind == "overdue":
        return next((c.id for c in contract.commitments if c.measure == "response"), None)
    if kind == "missed":
        return next((c.id for c in contract.commitments if c.measure != "track"), None)
    return None


def _locate(contract: Contract, node: NodeRef) -> tuple[str, int, dict[str, Any]]:
    table = LIST_SECTIONS.get(node.section)
    index = node.index_in(contract)
    if table is None or index is None:
        raise EditError(f"{node} cannot be moved, copied or deleted")
    return table, index, to_data(contract)


def _referrers(contract: Contract, node: NodeRef) -> list[str]:
    if node.section == "commitment":
        return [
            f"escalation {e.id}"
            for e in contract.escalations
            if getattr(e, "commitment", None) == node.key
        ]
    if node.section == "tier":
        used = [f"commitment {c.id}" for c in contract.commitments if c.tier == node.key]
        if contract.sal and node.key in contract.sal.tiers:
            used.append("the SAL definition")
        return used
    return []
