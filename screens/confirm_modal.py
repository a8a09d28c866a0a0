"""A yes/no question before something that cannot be taken back (deleting a clause)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmModal(ModalScreen[bool]):
    """Asks first; Cancel holds the focus, so a stray enter never destroys anything."""

    CSS_PATH = "confirm_modal.tcss"
    AUTO_FOCUS = "#confirm-cancel"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Confirm", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "Cancel", id="confirm-no"),
    ]

    def __init__(
        self, question: str, *, confirm_label: str = "Delete", danger: bool = True
    ) -> None:
        super().__init__(classes="" if danger else "-safe")
        self.question = question
        self.confirm_label = confirm_label
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = f"{self.confirm_label}?"
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button("Cancel (n)", id="confirm-cancel")
                yield Button(
                    f"{self.confirm_label} (y)",
                    id="confirm-ok",
                    variant="error" if self.danger else "primary",
                )
            yield Static("y confirm · n or escape cancel · tab switches button", id="confirm-hint")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Enter on a button answers as that button says."""
        self.dismiss(event.button.id == "confirm-ok")

    def action_answer(self, confirmed: bool) -> None:
        """Close with the answer."""
        self.dismiss(confirmed)
