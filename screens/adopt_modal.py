"""Adopting a baseline: which commitment, from what to what, why, and who adopts it.

The modal only asks; the caller adopts (through the workspace client) with
the returned name, so the store stays the one place that writes. It says what
the write does to the version: on an agreed version a new draft is started,
and on a draft that carries signatures those signatures go stale.
"""

from __future__ import annotations

import getpass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from screens.baselines_views import AdoptQuestion


def default_name() -> str:
    """The login name, as the CLI's `--by` defaults to; empty when it cannot be read."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


class AdoptModal(ModalScreen[str | None]):
    """Asks before a suggested target goes into the draft; returns who adopts it, or None."""

    CSS_PATH = "adopt_modal.tcss"
    AUTO_FOCUS = "#adopt-name"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="adopt-cancel"),
    ]

    def __init__(self, question: AdoptQuestion, name: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.default = default_name() if name is None else name

    def compose(self) -> ComposeResult:
        q = self.question
        with Vertical(id="adopt-box") as box:
            box.border_title = f"Adopt the {q.kind} target"
            yield Static(f"{q.ident}: {q.target_text}", id="adopt-target", markup=False)
            yield Static(q.change, id="adopt-change", markup=False)
            yield Static(q.reasoning, id="adopt-reasoning", markup=False)
            yield Static(q.consequence, id="adopt-consequence", markup=False)
            with Horizontal(id="adopt-fields"):
                yield Static("Adopted by", classes="adopt-label")
                yield Input(self.default, placeholder="your name", id="adopt-name")
            yield Static("", id="adopt-error")
            with Horizontal(id="adopt-buttons"):
                yield Button("Cancel", id="adopt-cancel")
                yield Button("Adopt", id="adopt-ok", variant="primary")
            yield Static("enter adopt · tab next · escape cancel", id="adopt-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the name field adopts."""
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Adopt submits; Cancel leaves without writing."""
        if event.button.id == "adopt-ok":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        name = self.query_one("#adopt-name", Input).value.strip()
        if not name:
            error = self.query_one("#adopt-error", Static)
            error.update("type who adopts it: the contract records the name")
            error.display = True
            self.query_one("#adopt-name", Input).focus()
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        """Close without adopting."""
        self.dismiss(None)
