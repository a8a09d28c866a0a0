"""Pick one of a few options ("add which measure?", "which escalation kind?")."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class ChoiceModal(ModalScreen[str | None]):
    """A short list of (label, value) pairs; the chosen value, or None when cancelled.

    Values are looked up by position, so they need not be unique or id-safe.
    """

    CSS_PATH = "choice_modal.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choice-cancel"),
    ]

    def __init__(self, title: str, options: list[tuple[str, str]], *, help: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.help_text = help

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box") as box:
            box.border_title = self.title_text
            if self.help_text:
                yield Static(self.help_text, id="choice-help", markup=False)
            yield OptionList(
                *(Option(Content(label)) for label, _ in self.options), id="choice-list"
            )
            yield Static("↑ ↓ move · enter pick · escape cancel", id="choice-hint")

    def on_mount(self) -> None:
        """Start on the first option, so enter picks at once."""
        if self.options:
            self.query_one(OptionList).highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on an option picks its value."""
        event.stop()
        self.dismiss(self.options[event.option_index][1])

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)
