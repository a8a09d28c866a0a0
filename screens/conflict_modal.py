"""Two terminals changed the same draft: which side wins is the user's call.

Nothing has been overwritten when this shows; the safe answer (escape) keeps
what is stored ("theirs"), so walking away never clobbers the other party.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from screens.messages import SaveConflicted
from slatui.editing import fields_for

Side = Literal["theirs", "mine"]

STRUCTURAL = (
    "The draft changed in another terminal while you edited. Reload shows their version "
    "and drops your change; Keep mine re-applies your change on top of theirs."
)


def field_label(conflict: SaveConflicted) -> str:
    """The editor's name for the clashing field, with its key and clause."""
    if conflict.node is None or conflict.key is None:
        return conflict.label
    specs = fields_for(conflict.mine, conflict.node)
    label = next((spec.label for spec in specs if spec.key == conflict.key), conflict.key)
    return f"{label} ({conflict.key}) in {conflict.node}"


class ConflictModal(ModalScreen[Side | None]):
    """Theirs or mine, side by side; returns "theirs" or "mine"."""

    CSS_PATH = "conflict_modal.tcss"
    AUTO_FOCUS = "#conflict-theirs"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "choose('theirs')", "Theirs", id="conflict-theirs"),
        Binding("m", "choose('mine')", "Mine", id="conflict-mine"),
        Binding("escape", "choose('theirs')", "Theirs (safe)", id="conflict-escape"),
    ]

    def __init__(self, conflict: SaveConflicted) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        structural = self.conflict.key is None
        with Vertical(id="conflict-box") as box:
            box.border_title = "Changed in another terminal"
            if structural:
                yield Static(STRUCTURAL, id="conflict-text")
            else:
                yield from self._field_sides()
            with Horizontal(id="conflict-buttons"):
                theirs = "Reload: theirs (t)" if structural else "Take theirs (t)"
                yield Button(theirs, id="conflict-theirs", variant="primary")
                yield Button("Keep mine (m)", id="conflict-mine", variant="warning")
            yield Static(
                "t theirs · m mine · escape theirs: nothing is overwritten", id="conflict-hint"
            )

    def _field_sides(self) -> ComposeResult:
        yield Static(
            "The same clause was changed in another terminal while you edited it. "
            "Nothing was overwritten; choose the value to keep.",
            id="conflict-text",
        )
        yield Static(field_label(self.conflict), id="conflict-field", markup=False)
        with Horizontal(id="conflict-sides"):
            theirs, mine = self.conflict.theirs_text, self.conflict.mine_text
            yield from self._side("theirs: stored now", theirs, "conflict-theirs-text")
            yield from self._side("yours: not saved", mine, "conflict-mine-text")

    def _side(self, title: str, text: str, widget_id: str) -> ComposeResult:
        with Vertical(classes="conflict-side") as side:
            side.border_title = title
            yield Static(text or "(empty)", id=widget_id, markup=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The buttons answer like t and m."""
        self.dismiss("mine" if event.button.id == "conflict-mine" else "theirs")

    def action_choose(self, side: Side) -> None:
        """Close with the side that wins."""
        self.dismiss(side)
