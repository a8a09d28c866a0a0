"""Edits to a contract that are validated as a whole before they are accepted.

Every edit works on the canonical data, changes one thing and re-validates the
whole contract with the loader, so the editor can never save what
`slatui contract check` would refuse; the refusal names the field.
"""

from __future__ import annotations

import copy
from typing import Any

from slatui.contract.canonical import to_data
from slatui.contract.errors import ContractInvalid
from slatui.contract.load import from_data
from slatui.contract.model import Contract
from slatui.editing.fields import FieldSpec, fields_for
from slatui.editing.nodes import LIST_SECTIONS, NodeRef
from slatui.editing.values import EditError, display, parse


def field_text(contract: Contract, node: NodeRef, key: str) -> str:
    """The current value of a field as editable text."""
    clause = _clause(to_data(contract), contract, node)
    value: Any = clause
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        value = _default(contract, node, key)
    return display(value)


def _default(contract: Contract, node: NodeRef, key: str) -> Any:
    obj: Any = _model(contract, node)
    for part in key.split("."):
        obj = getattr(obj, part, None)
    if obj is None or isinstance(obj, bool | int | float):
        return obj
    return [str(v) for v in obj] if isinstance(obj, list) else str(obj)


def _model(contract: Contract, node: NodeRef) -> Any:
    index = node.index_in(contract)
    if node.section in LIST_SECTIONS:
        return getattr(contract, LIST_SECTIONS[node.section])[index] if index is not None else None
    return getattr(contract, node.section, None)


def set_field(contract: Contract, node: NodeRef, key: str, text: str | bool) -> Contract:
    """The contract with one field changed, or EditError naming what is wrong."""
    spec = _spec(contract, node, key)
    value = parse(spec, text)
    data = to_data(contract)
    clause = _clause(data, contract, node, create=True)
    old_id = clause.get("id")
    _assign(clause, key, value)
    if key == "id" and old_id and value != old_id:
        _rename(data, node, str(old_id), str(value))
    if key in ("measure", "when"):
        _retemplate(clause, key)
    return validate(data, _field_path(contract, node, key))


def validate(data: dict[str, Any], focus: str = "") -> Contract:
    """Validate edited data; the error nearest the edited field wins."""
    try:
        return from_data(data)
    except ContractInvalid as exc:
        problems = exc.problems
        clause = focus.rsplit(".", 1)[0] if "." in focus else focus
        near = [p for p in problems if focus and p.path.startswith(clause)]
        chosen = (near or problems)[0]
        local = chosen.path in (focus, clause) or not chosen.path
        sibling = chosen.path.removeprefix(f"{clause}.") if clause else chosen.path
        # a neighbouring field of the same clause is named by its key ("max: ..."),
        # anything further away by its whole path
        where = "" if local else f"{sibling}: "
        raise EditError(where + chosen.message, chosen.path) from None


def _spec(contract: Contract, node: NodeRef, key: str) -> FieldSpec:
    for spec in fields_for(contract, node):
        if spec.key == key:
            return spec
    raise EditError(f"{node} has no field {key}")


def _field_path(contract: Contract, node: NodeRef, key: str) -> str:
    base = node.path(contract)
    return f"{base}.{key}"


def _clause(
    data: dict[str, Any], contract: Contract, node: NodeRef, create: bool = False
) -> dict[str, Any]:
    table = LIST_SECTIONS.get(node.section)
    if table is not None:
        index = node.index_in(contract)
        if index is None:
            raise EditError(f"{node} no longer exists (deleted in another terminal?)")
        items: list[dict[str, Any]] = data[table]
        return items[index]
    if node.section not in data and create:
        data[node.section] = {}
    section: dict[str, Any] = data.get(node.section, {})
    return section


def _assign(clause: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    target = clause
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    if value is None:
        target.pop(parts[-1], None)
    else:
        target[parts[-1]] = value


def _rename(data: dict[str, Any], node: NodeRef, old: str, new: str) -> None:
    """Follow an id change into the clauses that refer to it."""
    if node.section == "tier":
        for item in data.get("commitments", []) + data.get("escalations", []):
            if item.get("tier") == old:
                item["tier"] = new
        sal = data.get("sal", {})
        sal["tiers"] = [new if t == old else t for t in sal.get("tiers", [])]
    elif node.section == "commitment":
        for item in data.get("escalations", []):
            if item.get("commitment") == old:
                item["commitment"] = new


def _retemplate(clause: dict[str, Any], key: str) -> None:
    """A new measure or kind keeps the common fields and takes the new template's.

    A baseline is not common: it was measured for the old measure, so it goes.
    """
    from slatui.editing.templates import COMMITMENT_TEMPLATES, ESCALATION_TEMPLATES

    templates = COMMITMENT_TEMPLATES if key == "measure" else ESCALATION_TEMPLATES
    template = templates.get(clause[key])
    if template is None:
        return
    common = {"id", "party", "tier", "text", "directional", "raised_by", "to", key}
    for name in [k for k in clause if k not in common]:
        del clause[name]
    for name, value in template.items():
        clause.setdefault(name, copy.deepcopy(value))
