"""Short labels for clauses in the agreement tree: "count 2–3 / month"."""

from __future__ import annotations

from slatui.contract.model import (
    CadenceCommitment,
    Commitment,
    CountCommitment,
    CoverageCommitment,
    Escalation,
    RateCommitment,
    ResponseCommitment,
)


def commitment_summary(c: Commitment) -> str:
    """The measure and its figures in a few characters."""
    if c.directional:
        return f"{c.measure}, directional"
    if isinstance(c, CountCommitment):
        return f"count {_range(c.min, c.max)}{_per(c.per)} / {c.period or '?'}"
    if isinstance(c, ResponseCommitment):
        share = "" if c.on_time == 1.0 else f" ({_pct(c.on_time)})"
        return f"response {c.within or '?'}{share}"
    if isinstance(c, CadenceCommitment):
        return f"cadence {c.min}×{_per(c.per)} / {c.period or '?'}"
    if isinstance(c, RateCommitment):
        return f"rate ≥ {_pct(c.min)} / {c.period}"
    if isinstance(c, CoverageCommitment):
        return f"coverage {c.field} ≥ {_pct(c.min)}"
    return f"track {c.metric}"


def escalation_summary(e: Escalation) -> str:
    """The kind, its threshold and whom it goes to."""
    threshold = (
        getattr(e, "after", None) or getattr(e, "consecutive", None) or getattr(e, "min", None)
    )
    if e.when == "missed":
        threshold = f"{threshold}× in a row"
    elif e.when == "rejected_share":
        threshold = _pct(threshold if isinstance(threshold, float) else None)
    return f"{e.when} {threshold} → {e.to}"


def _range(low: float | None, high: float | None) -> str:
    if low is None and high is None:
        return "?"
    if high is None:
        return f"≥ {_num(low)}"
    if low is None:
        return f"≤ {_num(high)}"
    return f"{_num(low)}–{_num(high)}"


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _pct(share: float | None) -> str:
    return "?" if share is None else f"{share * 100:g}%"


def _per(per: str | None) -> str:
    return " per account" if per else ""
