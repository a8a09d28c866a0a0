"""First use of a workspace: start from the sample agreement, or from a blank one."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

Choice = Literal["sample", "blank"]


class StartModal(ModalScreen[Choice | None]):
    """Offered when the workspace holds no agreement yet."""

    CSS_PATH = "start_modal.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "choose('sample')", "Sample", id="start-sample"),
        Binding("b", "choose('blank')", "Blank", id="start-blank"),
        Binding("escape", "choose(None)", "Later", id="start-later"),
    ]

    def __init__(self, workspace: str) -> None:
        super().__init__()
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        with Vertical(id="start-box"):
            yield Static(f"[b]{self.workspace}[/b] holds no agreement yet.", id="start-title")
            yield Static(
                "Start from [b]sample.toml[/b], the complete ABM SLA of the guide "
                "(three tiers, SAL definition, response times, escalations, reviews), "
                "or from a blank agreement with one tier.",
                id="start-text",
            )
            with Horizontal(id="start-buttons"):
                yield Button("Start from sample.toml (s)", id="sample", variant="primary")
                yield Button("Blank agreement (b)", id="blank")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Buttons and keys choose the same way."""
        self.dismiss("sample" if event.button.id == "sample" else "blank")

    def action_choose(self, choice: Choice | None) -> None:
        """Close with the choice (None: decide later)."""
        self.dismiss(choice)
