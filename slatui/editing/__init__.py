"""Editing a contract clause by clause, as the Draft screen does, without Textual.

Names are loaded on first use (PEP 562): the Draft screen needs `NodeRef`
for its first frame, and importing the whole editing stack (pydantic models,
the loader) would delay that frame for nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slatui.editing.edits import field_text, set_field, validate
    from slatui.editing.fields import FieldSpec, fields_for
    from slatui.editing.history import History
    from slatui.editing.nodes import NodeRef, node_for_path
    from slatui.editing.operations import add_commitment, add_escalation, delete, duplicate, move
    from slatui.editing.values import EditError

_HOME = {
    "field_text": "edits",
    "set_field": "edits",
    "validate": "edits",
    "FieldSpec": "fields",
    "fields_for": "fields",
    "History": "history",
    "NodeRef": "nodes",
    "node_for_path": "nodes",
    "add_commitment": "operations",
    "add_escalation": "operations",
    "delete": "operations",
    "duplicate": "operations",
    "move": "operations",
    "EditError": "values",
}

__all__ = [
    "EditError",
    "FieldSpec",
    "History",
    "NodeRef",
    "add_commitment",
    "add_escalation",
    "delete",
    "duplicate",
    "field_text",
    "fields_for",
    "move",
    "node_for_path",
    "set_field",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'slatui.editing' has no attribute {name!r}")
    return getattr(importlib.import_module(f"slatui.editing.{module}"), name)
