"""Presets for real exports: `slatui import FILE --preset NAME` and `--detect`.

A preset is a pipeline `Layout` for one export (see `base.Preset`): which
column feeds which field, in each header dialect the export comes in, and how
a row becomes accounts, contacts and the lifecycle events the SLA measures
(see each module's docstring, and the mapping table in the README). The
pipeline does the rest as for the canonical CSV: `--map col=field` overrides
or completes the mapping, dates are settled per column, bad rows are
rejected with their line.

``PRESETS`` maps each name to its preset; `get` finds one by name (with the
closest name when misspelt); `detect` ranks the presets for a header and
`describe` says in words which fits and why, or why none does.
"""

from __future__ import annotations

import difflib

from slatui.importing.presets import (
    hubspot_companies,
    hubspot_contacts,
    hubspot_deals,
    linkedin_impressions,
    marketo_activities,
    salesforce_accounts,
    salesforce_contacts,
    salesforce_events,
    salesforce_history,
    salesforce_leads,
    salesforce_opportunities,
    salesforce_tasks,
)
from slatui.importing.presets.base import Cells, Dialect, Preset
from slatui.importing.presets.detect import FIT, Detection, describe, detect, detect_file

__all__ = [
    "FIT",
    "PRESETS",
    "Cells",
    "Detection",
    "Dialect",
    "Preset",
    "UnknownPreset",
    "describe",
    "detect",
    "detect_file",
    "get",
]

PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        salesforce_leads.PRESET,
        salesforce_contacts.PRESET,
        salesforce_accounts.PRESET,
        salesforce_opportunities.PRESET,
        salesforce_history.PRESET,
        salesforce_tasks.PRESET,
        salesforce_events.PRESET,
        hubspot_contacts.PRESET,
        hubspot_companies.PRESET,
        hubspot_deals.PRESET,
        linkedin_impressions.PRESET,
        marketo_activities.PRESET,
    )
}
"""Every preset by name, in the order `slatui import --help` lists them."""


class UnknownPreset(KeyError):
    """A preset name that is not one; `str()` is the message (not KeyError's repr)."""

    def __init__(self, name: str) -> None:
        close = difflib.get_close_matches(name.strip().lower(), list(PRESETS), n=1, cutoff=0.5)
        hint = f" (did you mean {close[0]}?)" if close else ""
        self.message = f"unknown preset {name!r}{hint}; the presets are {', '.join(PRESETS)}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def get(name: str) -> Preset:
    """The preset called ``name``; `UnknownPreset` (a KeyError) names the closest one."""
    try:
        return PRESETS[name]
    except KeyError:
        raise UnknownPreset(name) from None
