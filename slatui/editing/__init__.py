"""Editing a contract clause by clause, as the Draft screen does, without Textual."""

from slatui.editing.edits import field_text, set_field, validate
from slatui.editing.fields import FieldSpec, fields_for
from slatui.editing.history import History
from slatui.editing.nodes import NodeRef, node_for_path
from slatui.editing.operations import add_commitment, add_escalation, delete, duplicate, move
from slatui.editing.values import EditError

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
