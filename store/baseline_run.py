"""Baselines of a workspace: the draft's commitments measured over the pilot.

The agreement measured is the latest version (the draft the baselines go
into); the versions agreed before it still govern the items they covered,
as in every judgement (store/compliance_run.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from slatui.baselines.measure import measure_pilot, pilot_weeks
from slatui.baselines.report import Baseline
from slatui.compliance.periods import Period
from store.compliance_run import timeline
from store.records import Version
from store.store import Store


@dataclass(frozen=True)
class Baselines:
    """Every commitment's baseline as of a moment."""

    version: Version
    as_of: dt.datetime
    weeks: list[Period]
    rows: list[Baseline]

    def row(self, ident: str) -> Baseline | None:
        """The baseline of commitment `ident`."""
        return next((b for b in self.rows if b.ident == ident), None)


def baselines(store: Store, as_of: dt.datetime, version: Version | None = None) -> Baselines:
    """Measure the draft (or `version`) over the pilot as of `as_of`.

    ValueError when the agreement has no [pilot].
    """
    chosen = version or store.current()
    contract = chosen.contract
    weeks = pilot_weeks(contract, as_of)
    measured = measure_pilot(contract, store, as_of, timeline(store))
    return Baselines(chosen, as_of, weeks, [Baseline.of(m) for m in measured])
