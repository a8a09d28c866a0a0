"""A small App that hosts one modal over a plain screen, for Pilot tests.

The real App starts in the Draft mode, so its tests depend on the Draft screen;
the host gives a modal exactly what it uses of the App (a store and a
workspace client) and nothing else, so a modal's test fails only for the modal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from screens.messages import StoreFailed
from screens.workspace_client import WorkspaceClient
from slatui.contract import load_file
from store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample.toml"


def sample_store(tmp_path: Path) -> Store:
    """A workspace holding sample.toml as v1 (a draft, unsigned)."""
    store = Store.open(tmp_path / "w.db")
    store.import_contract(load_file(SAMPLE), source="sample.toml")
    return store


class BlankScreen(Screen[None]):
    """Something for the modal to sit on."""

    def compose(self) -> ComposeResult:
        yield Static("host")


class ModalHost(App[None]):
    """Hosts modals with the App's `store` and `client`; records what they return."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.client = WorkspaceClient(self, store)
        self.theme = "textual-dark"
        self.results: list[Any] = []
        self.failures: list[StoreFailed] = []

    def on_mount(self) -> None:
        """Modals go on top of a plain screen."""
        self.push_screen(BlankScreen())

    def open(self, modal: Screen[Any]) -> None:
        """Push `modal`; its dismiss value lands in `results`."""
        self.push_screen(modal, callback=self.results.append)

    def on_store_failed(self, message: StoreFailed) -> None:
        """Failures a modal did not stop reach the App; record them to assert on."""
        self.failures.append(message)
