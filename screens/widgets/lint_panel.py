"""The linter's warnings for the whole draft, live; enter jumps to the clause."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from slatui.lint import LintWarning


class LintPanel(OptionList):
    """One option per warning: rule, clause, why and what to do."""

    @dataclass
    class Jump(Message):
        """Go to the clause a warning is about."""

        path: str

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.warnings: list[LintWarning] = []

    def show(self, warnings: list[LintWarning]) -> None:
        """Replace the list, keeping the highlight near where it was."""
        if [w.as_dict() for w in warnings] == [w.as_dict() for w in self.warnings]:
            return
        highlighted = self.highlighted
        self.warnings = warnings
        self.clear_options()
        if not warnings:
            self.add_option(
                Option(
                    Text(
                        "No warnings: every clause has a number, a unit and an owner.",
                        style="green",
                    ),
                    disabled=True,
                )
            )
        else:
            self.add_options([Option(self._text(w), id=str(i)) for i, w in enumerate(warnings)])
        if warnings and highlighted is not None:
            self.highlighted = min(highlighted, len(warnings) - 1)
        self.border_title = f"Lint · {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"

    @staticmethod
    def _text(warning: LintWarning) -> Text:
        text = Text()
        text.append("▲ ", style="bold yellow")
        text.append(warning.clause, style="bold")
        text.append(f"  {warning.rule}\n", style="dim")
        text.append(warning.message + "\n")
        text.append("fix: " + warning.advice, style="italic dim")
        return text

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a warning jumps to its clause."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Jump(self.warnings[int(event.option.id)].path))
