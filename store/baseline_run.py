"""Baselines of a workspace: the draft's commitments measured over the pilot.

The agreement measured is the latest version (the draft the baselines go
into); the versions agreed before it still govern the items they covered,
as in every judgement (store/compliance_run.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from slatui.baselines.measure import measure_pilot, pilot_weeks
from slatui.baselines.report import BaselineRow
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
    rows: list[BaselineRow]

    def row(self, ident: str) -> BaselineRow | None:
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
    return Baselines(chosen, as_of, weeks, [BaselineRow.of(m) for m in measured])


@dataclass(frozen=True)
class Adopted:
    """What `adopt` did: the draft it wrote, whether it had to start one, and what it set."""

    version: Version
    started_draft: bool
    values: dict[str, object]
    measured_text: str
    own_text: str | None = None
    """The clause's own sentence (`text`), which adopting leaves as the pair wrote it."""


def adopt(store: Store, ident: str, target: str, by: str, as_of: dt.datetime) -> Adopted:
    """Write commitment `ident`'s baseline into the draft (a new draft when agreed).

    The baseline is measured on the draft as it stands, then `target`
    (achievable, stretch or a value) is adopted with its provenance. Errors:
    NoTarget, EditError (the contract refuses the value), ValueError (no
    pilot), and the store's own (VersionLocked, RevisionConflict).
    """
    from slatui.baselines.adoption import NoTarget, chosen_values, provenance
    from slatui.editing.adopt import adopt as adopt_into

    version = store.current()
    contract = version.contract
    if contract.pilot is None:
        raise ValueError("the agreement has no [pilot]: there is no pilot to take baselines from")
    row = baselines(store, as_of, version).row(ident)
    if row is None:
        ids = ", ".join(c.id for c in contract.commitments)
        raise NoTarget(f"{ident!r} is no commitment of the draft; they are: {ids}")
    values, kind = chosen_values(row, target)
    record = provenance(row, contract.pilot, kind, by, store.now())
    adopted = adopt_into(contract, ident, values, record)  # refusals come before any write
    started = version.status == "agreed"
    if started:
        version = store.new_version()
    written = store.update_draft(adopted, expected_revision=version.revision)
    own = getattr(contract.commitment(ident), "text", None)
    return Adopted(written, started, values, record.measured_text, own)
