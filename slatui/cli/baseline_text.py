"""The text `slatui baseline` and `slatui whatif` print for people."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from slatui.baselines.report import BaselineRow, duration_text
from slatui.cli.judging import when

SHARES = ("response", "rate", "coverage")


def figure(measure: str, per: str | None, value: float | None) -> str:
    """A value as the measure reads it: shares as percentages, counts as numbers."""
    if value is None:
        return "-"
    if measure in SHARES or per == "account":
        return f"{value * 100:.3g}%"
    return f"{value:.3g}" if value != int(value) else f"{int(value)}"


def lines(found: Any, zone: ZoneInfo) -> list[str]:
    """Every commitment's baseline, a few lines each."""
    contract = found.version.contract
    pilot = contract.pilot
    head = (
        f"{contract.agreement.title} v{found.version.number} ({found.version.status}): "
        f"baselines from the pilot {pilot.start} to {pilot.end - dt.timedelta(days=1)}, "
        f"as of {when(found.as_of, zone)}"
    )
    out = [head, "weeks: " + " ".join(w.label for w in found.weeks), ""]
    for row in found.rows:
        out += _row(row)
    return out


def _row(row: BaselineRow) -> list[str]:
    commitment = row.measured.commitment
    measure = str(getattr(commitment, "measure", ""))
    per = getattr(commitment, "per", None)
    owner = " · ".join(
        str(x)
        for x in (getattr(commitment, "party", None), getattr(commitment, "tier", None) or "all")
        if x
    )
    period = getattr(commitment, "period", None)
    kind = measure + (f" per {period}" if period else "") + (" per account" if per else "")
    now = ", ".join(f"{k} {v}" for k, v in row.current().items()) or "no target"
    if getattr(commitment, "directional", False):
        now += " (directional)"
    out = [f"{row.ident}  {owner} · {kind} · now: {now}"]
    weekly = " · ".join(
        figure(measure, per, w.actual)
        + ("" if w.basis is None else f" ({w.basis})")
        + ("" if w.closed else " so far")
        for w in row.measured.weeks
    )
    pilot = row.measured.pilot
    items = "" if pilot.basis is None else f" ({pilot.basis} items)"
    out.append(f"  weekly: {weekly}   pilot: {figure(measure, per, pilot.actual)}{items}")
    spread = row.measured.spread
    if spread is not None and spread.answered + spread.unanswered:
        unit = spread.unit
        out.append(
            f"  elapsed ({spread.answered} answered, {spread.unanswered} not): "
            f"median {duration_text(spread.median, unit)}, p80 {duration_text(spread.p80, unit)}, "
            f"p90 {duration_text(spread.p90, unit)}; 90% within "
            f"{duration_text(spread.within_90, unit)}, 95% within "
            f"{duration_text(spread.within_95, unit)}"
        )
    suggestion = row.suggestion
    for label, target in (("achievable", suggestion.achievable), ("stretch", suggestion.stretch)):
        if target is not None:
            out.append(f"  {label:10}  {target.text:22}  {target.reasoning}")
    if suggestion.warning:
        out.append(f"  {'warning':10}  {suggestion.warning}")
    out += [f"  {'note':10}  {note}" for note in suggestion.notes]
    return out


def whatif_lines(differences: list[Any], as_of: Any, zone: ZoneInfo) -> list[str]:
    """Each affected commitment: draft and what-if side by side, and the items that moved."""
    out = [f"the pilot as of {when(as_of, zone)}: draft | what if"]
    if not differences:
        out.append("  nothing changes")
    for diff in differences:
        before, after = diff.before, diff.after
        left = f"{before.status} {_number(before.actual)} / {_number(before.target)}"
        right = f"{after.status} {_number(after.actual)} / {_number(after.target)}"
        keys = f" (set {', '.join(diff.changed_keys)})" if diff.changed_keys else ""
        out.append(f"  {diff.commitment}{keys}: {left}  |  {right}")
        for item in diff.items:
            out.append(f"    {item.key}: {item.before} -> {item.after}")
    return out


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.4g}"
