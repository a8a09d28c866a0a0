"""One commitment's baseline as plain values: what `slatui baseline --json` prints.

Durations are given in the commitment's unit, as a number rounded to
hundredths and as text ("31.5bh"); shares as fractions (0.92); the current
target is the commitment's own keys as the draft has them.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from slatui.baselines.measure import Measured, Spread, Value
from slatui.baselines.suggest import Suggestion, Target, suggest
from slatui.editing.adopt import TARGET_KEYS

_ORDER = ("min", "max", "per", "share", "within", "on_time", "warn_before")
_COUNTING = ("count", "cadence")
SHOWN_KEYS = {
    measure: tuple(k for k in _ORDER if k in keys or (k == "per" and measure in _COUNTING))
    for measure, keys in TARGET_KEYS.items()
}
"""The keys a baseline shows as "now": those it may set, and `per` (what a count counts)."""


@dataclass(frozen=True)
class BaselineRow:
    """A commitment's measured values and the targets they support."""

    measured: Measured
    suggestion: Suggestion

    @classmethod
    def of(cls, measured: Measured) -> BaselineRow:
        """Measured values with their suggestions."""
        return cls(measured, suggest(measured))

    @property
    def ident(self) -> str:
        """The commitment's id."""
        return str(getattr(self.measured.commitment, "id", ""))

    def target(self, which: str) -> Target | None:
        """The achievable or the stretch suggestion."""
        return self.suggestion.achievable if which == "achievable" else self.suggestion.stretch

    def current(self) -> dict[str, object]:
        """The commitment's target keys as the draft has them (unset ones left out)."""
        commitment = self.measured.commitment
        keys = SHOWN_KEYS.get(str(getattr(commitment, "measure", "")), ())
        out: dict[str, object] = {}
        for key in keys:
            value = getattr(commitment, key, None)
            if value is not None:
                out[key] = str(value) if key in ("within", "warn_before") else value
        return out

    def as_json(self) -> dict[str, Any]:
        """Plain values for scripts."""
        commitment = self.measured.commitment
        out: dict[str, Any] = {
            "id": self.ident,
            "party": getattr(commitment, "party", None),
            "tier": getattr(commitment, "tier", None),
            "measure": getattr(commitment, "measure", None),
            "period": getattr(commitment, "period", None),
            "directional": getattr(commitment, "directional", False),
            "current": self.current(),
            "weeks": [_value(w) for w in self.measured.weeks],
            "pilot": _value(self.measured.pilot),
            "suggestions": {
                "achievable": _target(self.suggestion.achievable),
                "stretch": _target(self.suggestion.stretch),
                "warning": self.suggestion.warning,
                "notes": list(self.suggestion.notes),
            },
        }
        if self.measured.spread is not None:
            out["spread"] = _spread(self.measured.spread)
        return out


def _value(value: Value) -> dict[str, Any]:
    return {
        "label": value.label,
        "start": value.start.isoformat(),
        "end": value.end.isoformat(),
        "closed": value.closed,
        "status": value.status,
        "actual": value.actual,
        "items": value.basis,
    }


def _target(target: Target | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return {"set": dict(target.values), "text": target.text, "reasoning": target.reasoning}


def _spread(spread: Spread) -> dict[str, Any]:
    def amount(value: Fraction | None) -> dict[str, Any] | None:
        if value is None:
            return None
        return {"value": round(float(value), 2), "text": duration_text(value, spread.unit)}

    return {
        "unit": spread.unit,
        "answered": spread.answered,
        "unanswered": spread.unanswered,
        "median": amount(spread.median),
        "p80": amount(spread.p80),
        "p90": amount(spread.p90),
        "within_90": amount(spread.within_90),
        "within_95": amount(spread.within_95),
        "weekly_within": [amount(v) for v in spread.weekly_within],
        "weekly_items": list(spread.weekly_items),
        "share": spread.share,
    }


def duration_text(value: Fraction | float | None, unit: str) -> str:
    """An amount in its unit as people read it: "31.5bh", "-" for none."""
    if value is None:
        return "-"
    number = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return f"{number}{unit}"
