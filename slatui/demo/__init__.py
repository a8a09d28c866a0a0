"""The demo pilot: a deterministic, realistic four-week pilot for sample.toml.

`build_pilot(contract, seed)` makes the target account list (25 strategic,
200 segment, 400 watch-list accounts with their buying committees) and about
three months of history plus the pilot's four weeks of events: marketing's
programs, SAL hand-offs and sales' answers, deals, requests, intent, and
buyer engagement. `write_pilot` writes them as slatui's canonical CSV, which
`slatui demo` imports through the ordinary import path.

Each escalation kind of the agreement is planted on purpose and listed in
`DemoPilot.cases` (see `slatui.demo.cases` for the rules as the demo reads
them), so the demo shows a compliance review something real to find.

Domain code: no Textual, no store.
"""

from __future__ import annotations

from slatui.demo.cases import EscalationKind, PlantedCase
from slatui.demo.pilot import DEFAULT_SEED, DemoPilot, PilotFiles, build_pilot, write_pilot
from slatui.demo.rules import DemoError

__all__ = [
    "DEFAULT_SEED",
    "DemoError",
    "DemoPilot",
    "EscalationKind",
    "PilotFiles",
    "PlantedCase",
    "build_pilot",
    "write_pilot",
]
