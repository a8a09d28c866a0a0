"""Signing a version: who signs, and exactly which content the signature binds to.

The modal only asks; the caller signs (through the workspace client) with the
returned (party, name), so the store stays the one place that checks revisions.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from store.records import PARTIES, SignatureState, Version

MEANING = (
    "Your signature binds to this digest; any later change to the agreement makes it "
    "stale, and both parties sign again."
)


def signature_line(party: str, state: SignatureState | None) -> tuple[str, str]:
    """One party's state as a sentence and the CSS class that colours it."""
    if state is None:
        return f"{party}: awaiting signature", "-awaiting"
    when = state.signed_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    signed = f"{party}: signed by {state.name} on {when}"
    if state.valid:
        return f"{signed} · valid", "-valid"
    return f"{signed} · stale", "-stale"


class SignModal(ModalScreen[tuple[str, str] | None]):
    """Shows the digest and both signatures; returns (party, name) or None."""

    CSS_PATH = "sign_modal.tcss"
    AUTO_FOCUS = "#sign-name, #sign-close"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="sign-cancel"),
    ]

    def __init__(self, version: Version) -> None:
        super().__init__()
        self.version = version
        self.parties = version.unsigned_parties

    def compose(self) -> ComposeResult:
        with Vertical(id="sign-box") as box:
            box.border_title = f"Sign {self.version.label} · {self.version.status}"
            label = "being signed" if self.parties else "both parties signed"
            yield Static(f"Content digest {label}:", classes="sign-label")
            yield Static(self.version.digest, id="sign-digest", markup=False)
            yield from self._signature_lines()
            if self.parties:
                yield from self._sign_form()
            else:
                yield from self._agreed_note()

    def _signature_lines(self) -> ComposeResult:
        with Vertical(id="sign-states"):
            for party in PARTIES:
                text, state = signature_line(party, self.version.signature(party))
                yield Static(text, classes=f"sign-state {state}", markup=False)

    def _sign_form(self) -> ComposeResult:
        yield Static(MEANING, id="sign-meaning")
        with Horizontal(id="sign-fields"):
            yield Static("Sign as", classes="sign-label")
            with RadioSet(id="sign-party"):
                for index, party in enumerate(self.parties):
                    yield RadioButton(party, value=index == 0)
            yield Input(placeholder="your name", id="sign-name")
        yield Static("", id="sign-error")
        with Horizontal(classes="sign-buttons"):
            yield Button("Cancel", id="sign-cancel")
            yield Button("Sign", id="sign-submit", variant="primary")
        yield Static("type your name · enter sign · tab next field · escape cancel", id="sign-hint")

    def _agreed_note(self) -> ComposeResult:
        yield Static("Both parties have signed this digest; the version is agreed.", id="sign-done")
        with Horizontal(classes="sign-buttons"):
            yield Button("Close", id="sign-close", variant="primary")
        yield Static("enter or escape close", id="sign-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the name field signs."""
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Sign submits; Cancel and Close leave without signing."""
        if event.button.id == "sign-submit":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        """An empty name is refused in place; otherwise return who signs."""
        name = self.query_one("#sign-name", Input).value.strip()
        if not name:
            error = self.query_one("#sign-error", Static)
            error.update("type your name to sign")
            error.display = True
            self.query_one("#sign-name", Input).focus()
            return
        index = self.query_one("#sign-party", RadioSet).pressed_index
        self.dismiss((self.parties[max(index, 0)], name))

    def action_cancel(self) -> None:
        """Close without signing."""
        self.dismiss(None)
