"""The editor of one clause: a labelled widget per field, errors beside them.

A select for a choice, a switch for a flag, an input (validated as you type)
for everything else. The editor never changes the contract itself: it posts
`FieldEdited` and the screen decides; a refusal comes back through
`show_error`, so an invalid value is shown next to its field and never saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, Switch

from screens.widgets.field_validators import validators_for
from slatui.contract.model import Contract
from slatui.editing import FieldSpec, NodeRef, field_text, fields_for


def field_id(key: str) -> str:
    """A widget id for a dotted field key (ids cannot hold dots)."""
    return "f-" + key.replace(".", "--")


def key_of(widget_id: str | None) -> str:
    """The field key back from a widget id."""
    return (widget_id or "").removeprefix("f-").replace("--", ".")


class ClauseEditor(VerticalScroll):
    """Fields of the selected clause; read-only while the version is agreed."""

    @dataclass
    class FieldEdited(Message):
        """A person accepted a value for a field (enter, leaving it, a choice)."""

        node: NodeRef
        key: str
        text: str | bool

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.node: NodeRef | None = None
        self._specs: list[FieldSpec] = []
        self._shown: dict[str, str] = {}

    async def show(self, contract: Contract, node: NodeRef, *, read_only: bool) -> None:
        """Rebuild the form for `node`, or refresh its values if the fields are the same."""
        specs = fields_for(contract, node)
        if node == self.node and specs == self._specs:
            self.refresh_values(contract)
        else:
            self.node, self._specs = node, specs
            await self.remove_children()
            await self.mount_all([self._row(contract, node, spec) for spec in specs])
            if not specs:
                await self.mount(Static(_no_fields(node), classes="hint"))
        self.set_class(read_only, "-read-only")
        for widget in self.query("Input, Select, Switch"):
            widget.disabled = read_only

    def refresh_values(self, contract: Contract) -> None:
        """Take values from a reloaded contract, except in the field being typed in."""
        if self.node is None or not self.node.exists(contract):
            return
        for spec in self._specs:
            text = field_text(contract, self.node, spec.key)
            widget = self.query_one(f"#{field_id(spec.key)}")
            if widget.has_focus or self._shown.get(spec.key) == text:
                continue
            self._set_widget(widget, spec, text)
            self.clear_error(spec.key)

    def show_error(self, key: str, message: str) -> None:
        """The reason a value was refused, under its field."""
        error = self.query_one(f"#{field_id(key)}-error", Static)
        error.update(message)
        error.display = True

    def clear_error(self, key: str) -> None:
        """Hide a field's error once its value is accepted."""
        error = self.query_one(f"#{field_id(key)}-error", Static)
        error.display = False

    def accepted(self, key: str, text: str) -> None:
        """Record what the field now holds (after the screen accepted it)."""
        self._shown[key] = text
        self.clear_error(key)

    def _row(self, contract: Contract, node: NodeRef, spec: FieldSpec) -> Widget:
        text = field_text(contract, node, spec.key)
        self._shown[spec.key] = text
        hint = spec.help or (", ".join(spec.choices) if spec.kind == "list" else "")
        error = Static("", id=f"{field_id(spec.key)}-error", classes="error")
        error.display = False
        children: list[Widget] = [
            Label(spec.label + ("" if spec.optional else " *"), classes="label"),
            self._widget(spec, text),
            error,
        ]
        if hint:
            children.append(Static(hint, classes="hint"))
        return Vertical(*children, classes="field")

    def _widget(self, spec: FieldSpec, text: str) -> Widget:
        wid = field_id(spec.key)
        if spec.kind == "bool":
            return Switch(value=text == "true", id=wid)
        if spec.kind == "choice":
            options = [(choice, choice) for choice in spec.choices]
            if text and text not in spec.choices:
                options.append((text, text))
            return Select(
                options,
                value=text or Select.NULL,
                allow_blank=spec.optional,
                id=wid,
                prompt="(none)" if spec.optional else "choose",
                compact=True,
            )
        return Input(
            text,
            id=wid,
            validators=validators_for(spec),
            valid_empty=spec.optional,
            placeholder="(empty)" if spec.optional else "required",
            compact=True,
        )

    @staticmethod
    def _set_widget(widget: Widget, spec: FieldSpec, text: str) -> None:
        with widget.prevent(Input.Changed, Select.Changed, Switch.Changed):
            if isinstance(widget, Switch):
                widget.value = text == "true"
            elif isinstance(widget, Select):
                widget.value = text or Select.NULL
            elif isinstance(widget, Input):
                widget.value = text

    def _post(self, key: str, text: str | bool) -> None:
        if self.node is None:
            return
        shown = self._shown.get(key)
        as_text = ("true" if text else "false") if isinstance(text, bool) else text
        if shown == as_text:
            return
        self.post_message(self.FieldEdited(self.node, key, text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter accepts the value."""
        event.stop()
        self._post(key_of(event.input.id), event.value)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving a field accepts it too: nothing typed is left unsaved."""
        event.stop()
        self._post(key_of(event.input.id), event.value)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A choice takes effect at once."""
        event.stop()
        value = "" if event.value is Select.NULL else str(event.value)
        self._post(key_of(event.select.id), value)

    def on_switch_changed(self, event: Switch.Changed) -> None:
        """A flag takes effect at once."""
        event.stop()
        self._post(key_of(event.switch.id), event.value)


def _no_fields(node: NodeRef) -> str:
    if node.section == "signoffs":
        return "Signatures are made with s (sign), never typed in. See the preview for their state."
    return "Nothing to edit here."
