"""Log one event by hand (a call, a hand-off) as `slatui log` does, with help as you type.

The modal only asks and checks: it returns an `EventRecord` (time in UTC) and
the caller writes it, so the store stays the one place that refuses a
duplicate. Each field is read by `slatui.pilot.manual`, the helpers of the
CLI, and what is wrong shows under the field as it is typed: an empty
account or a time that is not one is refused; an event type nobody knows is
only warned about (with the closest known name), since teams log their own.
Times without an offset are in the agreement's zone, which the time field
starts in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Static

from slatui.contract.model import Contract
from slatui.importing.pipeline import UNZONED, Context, ImportRefused
from slatui.importing.workspace import context_for
from slatui.pilot import manual
from slatui.pilot.manual import FieldError
from slatui.pilot.records import EventRecord

FRAME_ROWS = 10
"""Rows the modal needs besides the fields: borders, the zone line, buttons and hint."""
LEFT = ("type", "account", "lead", "contact", "at")
RIGHT = ("quantity", "actor", "channel", "detail")
LABELS = {
    "type": "Type",
    "account": "Account",
    "lead": "Lead",
    "contact": "Contact",
    "at": "When",
    "quantity": "Quantity",
    "actor": "Who",
    "channel": "Channel",
    "detail": "Detail",
}
PLACEHOLDERS = {
    "type": "e.g. sal_notified, call",
    "account": "the account's key",
    "lead": "the item a clock follows",
    "contact": "the contact's key",
    "quantity": "1",
    "actor": "who did it",
    "channel": "email, phone, linkedin",
    "detail": "a reason or a status",
}


class LogEventModal(ModalScreen[EventRecord | None]):
    """Asks for one event and returns it (UTC), or None when cancelled; writes nothing."""

    CSS_PATH = "log_event_modal.tcss"
    AUTO_FOCUS = "#log-type"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="log-cancel"),
        Binding("ctrl+s", "submit", "Log", id="log-submit"),
    ]

    def __init__(
        self, contract: Contract | None, accounts: Sequence[str], *, now: dt.datetime
    ) -> None:
        super().__init__()
        self.contract = contract
        self.accounts = list(accounts)
        self.now = now
        self.context = _context(contract)
        self.types = manual.event_names(contract)

    def compose(self) -> ComposeResult:
        with Vertical(id="log-box") as box:
            box.border_title = "Log an event"
            yield Static(self._zone_note(), id="log-zone", markup=False)
            with VerticalScroll(id="log-fields", can_focus=False), Horizontal(id="log-columns"):
                with Vertical(classes="log-column", id="log-left"):
                    for name in LEFT:
                        yield from self._field(name)
                with Vertical(classes="log-column", id="log-right"):
                    for name in RIGHT:
                        yield from self._field(name)
            with Horizontal(id="log-buttons"):
                yield Button("Cancel", id="log-cancel-button")
                yield Button("Log (ctrl+s)", id="log-submit-button", variant="primary")
            yield Static(
                "enter next field · → takes a suggestion · ctrl+s log · escape cancel",
                id="log-hint",
            )

    def on_resize(self) -> None:
        """In a short terminal the fields scroll, so the buttons never leave the screen."""
        self.query_one("#log-fields").styles.max_height = max(6, self.size.height - FRAME_ROWS)

    def _field(self, name: str) -> ComposeResult:
        with Horizontal(classes="log-row"):
            yield Static(LABELS[name], classes="log-label")
            yield Input(
                self._initial(name),
                placeholder=PLACEHOLDERS.get(name, ""),
                id=f"log-{name}",
                suggester=self._suggester(name),
            )
        yield Static("", id=f"log-{name}-message", classes="log-message", markup=False)

    def _initial(self, name: str) -> str:
        if name == "at":
            return manual.shown_time(self.now, self.context)
        return "1" if name == "quantity" else ""

    def _suggester(self, name: str) -> SuggestFromList | None:
        if name == "type":
            return SuggestFromList(self.types, case_sensitive=False)
        if name == "account" and self.accounts:
            return SuggestFromList(self.accounts, case_sensitive=False)
        return None

    def _zone_note(self) -> str:
        if self.context.zone is UNZONED:
            return "No agreement yet: write times with an offset or Z (2026-11-03T10:15Z)."
        return f"Times without an offset are in {self.context.zone_name}, the agreement's zone."

    # ------------------------------------------------------------ checking

    def _text(self, name: str) -> str:
        return self.query_one(f"#log-{name}", Input).value

    def _show(self, name: str, text: str, state: str) -> None:
        """The line under a field: empty, a warning (allowed) or an error (refused)."""
        message = self.query_one(f"#log-{name}-message", Static)
        message.set_classes(f"log-message {state}")
        message.update(text)
        message.display = bool(text)

    def _check(self, name: str) -> bool:
        """Check one field, show what is wrong under it; False when it is refused."""
        try:
            warning = self._warning(name)
        except FieldError as exc:
            self._show(name, str(exc), "-error")
            return False
        self._show(name, warning or "", "-warning")
        return True

    def _warning(self, name: str) -> str | None:
        """Parse the field (raising FieldError) and say what deserves a warning."""
        text = self._text(name)
        if name == "type":
            return manual.type_warning(manual.parse_type(text), self.types)
        if name == "account":
            key = manual.parse_account(text)
            if self.accounts and key not in self.accounts:
                return "not an account of the workspace yet"
        elif name == "at":
            manual.parse_time(text, self.context)
        elif name == "quantity":
            manual.parse_quantity(text)
        return None

    def on_input_changed(self, event: Input.Changed) -> None:
        """Check a field as it is typed, once there is something to check."""
        name = (event.input.id or "").removeprefix("log-")
        if event.value.strip():
            self._check(name)
        else:
            self._show(name, "", "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on, like tab; in the last field it reaches the Log button."""
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Log submits; Cancel leaves."""
        event.stop()
        if event.button.id == "log-submit-button":
            self.action_submit()
        else:
            self.action_cancel()

    # ------------------------------------------------------------ answers

    def action_submit(self) -> None:
        """Every field checked; the first refused one gets the focus, else return the event."""
        refused = [name for name in (*LEFT, *RIGHT) if not self._check(name)]
        if refused:
            self.query_one(f"#log-{refused[0]}", Input).focus()
            return
        self.dismiss(self._event())

    def _event(self) -> EventRecord:
        text = self._text
        return EventRecord(
            occurred_at=manual.parse_time(text("at"), self.context),
            type=manual.parse_type(text("type")),
            account=manual.parse_account(text("account")),
            contact=manual.optional(text("contact")),
            lead=manual.optional(text("lead")),
            quantity=manual.parse_quantity(text("quantity")),
            actor=manual.optional(text("actor")),
            channel=manual.optional(text("channel")),
            detail=manual.optional(text("detail")),
        )

    def action_cancel(self) -> None:
        """Close without logging."""
        self.dismiss(None)


def _context(contract: Contract | None) -> Context:
    """The agreement's zone for naive times (a bad zone cannot pass contract validation)."""
    try:
        return context_for(contract)
    except ImportRefused:
        return context_for(None)
