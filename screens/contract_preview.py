"""The whole contract as the exported Markdown, full screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import MarkdownViewer


class ContractPreview(ModalScreen[None]):
    """What the parties will sign, rendered; escape goes back to the draft."""

    CSS_PATH = "contract_preview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,m,q", "dismiss", "Back", id="close-preview"),
    ]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield MarkdownViewer(self.markdown, show_table_of_contents=False, id="contract")
