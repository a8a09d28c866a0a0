"""The editor of one clause: a labelled widget per field, errors beside them.

A select for a choice, a switch for a flag, an input (validated as you type)
for everything else. The editor never changes the contract itself: it posts
`FieldEdited` and the screen decides; a refusal comes back through
`show_error`, so an invalid value is shown next to its field and never saved.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, Switch

from screens.widgets.field_validators import validators_for

if TYPE_CHECKING:
    from slatui.contract.model import Contract
    from slatui.editing.fields import FieldSpec
    from slatui.editing.nodes import NodeRef


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
        self._ready = False
        # what each field last showed, by clause: a field left after the editor
        # moved on still reports for its own clause, compared with its own value
        self._shown: dict[tuple[NodeRef, str], str] = {}
        self._owner: weakref.WeakKeyDictionary[Widget, NodeRef] = weakref.WeakKeyDictionary()
        self._wanted: tuple[Contract, NodeRef, bool] | None = None
        self._showing = False

    def show(self, contract: Contract, node: NodeRef, *, read_only: bool) -> None:
        """Show `node` of `contract`: the latest request wins, none is cut short.

        Rebuilding the form awaits the removal of the old one; cancelling that
        half-way (arrowing quickly through the tree) can leave the DOM waiting
        forever, so requests queue up and only the newest one is applied.
        """
        self._wanted = (contract, node, read_only)
        if not self._showing:
            self._showing = True
            self.run_worker(self._show_wanted(), group="editor")

    async def _show_wanted(self) -> None:
        try:
            while self._wanted is not None:
                contract, node, read_only = self._wanted
                self._wanted = None
                await self._show(contract, node, read_only=read_only)
        finally:
            self._showing = False

    async def _show(self, contract: Contract, node: NodeRef, *, read_only: bool) -> None:
        """Rebuild the form for `node`, or refresh its values if the fields are the same.

        A rebuild that failed half-way leaves the form not ready, so the next
        call rebuilds rather than refreshing half a form.
        """
        from slatui.editing import fields_for

        specs = fields_for(contract, node)
        if self._ready and node == self.node and specs == self._specs:
            self.refresh_values(contract)
        else:
            self._ready = False
            self.node, self._specs = node, specs
            await self.remove_children()
            await self.mount_all([self._row(contract, node, spec) for spec in specs])
            if not specs:
                await self.mount(Static(_no_fields(node), classes="hint"))
            self._ready = True
        self.set_class(read_only, "-read-only")
        for widget in self.query("Input, Select, Switch"):
            widget.disabled = read_only

    def refresh_values(self, contract: Contract) -> None:
        """Take values from a reloaded contract, except in the field being typed in.

        A focused field whose text is still what it last showed is not being
        typed in (the cursor merely rests there after enter, or an undo), so it
        is refreshed too; what it shows is remembered, so that leaving it later
        does not save a value nobody typed.
        """
        node = self.node
        if node is None or not node.exists(contract):
            return
        for spec in self._specs:
            text = _field_text(contract, node, spec.key)
            shown = self._shown.get((node, spec.key))
            widget = self.query_one(f"#{field_id(spec.key)}")
            if shown == text or (widget.has_focus and _widget_text(widget) != shown):
                continue
            self._set_widget(widget, spec, text)
            self._shown[node, spec.key] = text
            self.clear_error(spec.key)

    def show_error(self, node: NodeRef, key: str, message: str) -> None:
        """The reason a value was refused, under its field (if that clause is still shown)."""
        if node != self.node:
            return
        for error in self.query(f"#{field_id(key)}-error").results(Static):
            error.update(message)
            error.display = True

    def clear_error(self, key: str) -> None:
        """Hide a field's error once its value is accepted."""
        for error in self.query(f"#{field_id(key)}-error").results(Static):
            error.display = False

    def accepted(self, node: NodeRef, key: str, text: str) -> None:
        """Record what the field now holds (after the screen accepted it).

        The answer can arrive after the editor moved to another clause (leaving
        a field by clicking the tree accepts it): then there is nothing to mark.
        """
        self._shown[node, key] = text
        if node != self.node:
            return
        self.clear_error(key)
        for widget in self.query(f"#{field_id(key)}").results(Input):
            if widget.value != text:  # "95%" reads back as 0.95, an empty share as its default
                with widget.prevent(Input.Changed):
                    widget.value = text

    def _row(self, contract: Contract, node: NodeRef, spec: FieldSpec) -> Widget:
        text = _field_text(contract, node, spec.key)
        self._shown[node, spec.key] = text
        hint = spec.help or (", ".join(spec.choices) if spec.kind == "list" else "")
        error = Static("", id=f"{field_id(spec.key)}-error", classes="error")
        error.display = False
        widget = self._widget(spec, text)
        self._owner[widget] = node
        children: list[Widget] = [
            Label(spec.label + ("" if spec.optional else " *"), classes="label"),
            widget,
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

    def _post(self, widget: Widget, text: str | bool) -> None:
        """Report a value for the clause the widget was made for, if it changed."""
        node = self._owner.get(widget)
        if node is None:
            return
        key = key_of(widget.id)
        as_text = ("true" if text else "false") if isinstance(text, bool) else text
        if self._shown.get((node, key)) == as_text:
            return
        self.post_message(self.FieldEdited(node, key, text))

    def on_input_changed(self, event: Input.Changed) -> None:
        """Validation as you type: the reason appears while the text cannot be a
        value, and an earlier refusal goes away as soon as the text is valid."""
        event.stop()
        if self.node is None:
            return
        key = key_of(event.input.id)
        result = event.validation_result
        if result is not None and not result.is_valid:
            self.show_error(self.node, key, result.failure_descriptions[0])
        else:
            self.clear_error(key)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter accepts the value."""
        event.stop()
        self._post(event.input, event.value)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving a field accepts it too: nothing typed is left unsaved."""
        event.stop()
        self._post(event.input, event.value)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A choice takes effect at once."""
        event.stop()
        value = "" if event.value is Select.NULL else str(event.value)
        self._post(event.select, value)

    def on_switch_changed(self, event: Switch.Changed) -> None:
        """A flag takes effect at once."""
        event.stop()
        self._post(event.switch, event.value)


def _widget_text(widget: Widget) -> str | None:
    """What a field widget holds, as the editor's text."""
    if isinstance(widget, Switch):
        return "true" if widget.value else "false"
    if isinstance(widget, Select):
        return "" if widget.value is Select.NULL else str(widget.value)
    if isinstance(widget, Input):
        return widget.value
    return None


def _no_fields(node: NodeRef) -> str:
    if node.section == "signoffs":
        return "Signatures are made with s (sign), never typed in. See the preview for their state."
    return "Nothing to edit here."


def _field_text(contract: Contract, node: NodeRef, key: str) -> str:
    """The field's current text (the editing stack is imported on first use)."""
    from slatui.editing import field_text

    return field_text(contract, node, key)
