"""How a figure reads for people: actual against target, shares as percentages.

One wording for the Compliance screen and `slatui compliance`: "67% (4/6) /
95%" (on time of the judged items), "1 / 2–3" (a range, scaled with the
period), "92% / 100%", "76.8 days". Counts are whole where they can be and
keep three significant figures otherwise (a monthly target scaled to a week
reads "0.466", not "0.46620046620046623"); the JSON keeps every digit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slatui.compliance.evaluate import Judged


def is_share(commitment: object) -> bool:
    """Whether the commitment's actual is a share (shown as %) rather than a number."""
    measure = getattr(commitment, "measure", None)
    if measure in ("response", "rate", "coverage"):
        return True
    if measure in ("count", "cadence"):
        return getattr(commitment, "per", None) == "account"
    return measure == "track" and getattr(commitment, "metric", None) == "win_rate"


def figure_text(judged: Judged, commitment: object) -> str:
    """Actual vs target: "67% (4/6) / 95%" (on time of judged items), "1 / 2–3", "76.8 days"."""
    figure = judged.figure
    share = is_share(commitment)
    actual = _value(figure.actual, share)
    if figure.measure == "response" and judged.items is not None:
        counts = judged.items
        judged_n = counts["on_time"] + counts["late"] + counts["open_overdue"]
        actual = f"{actual} ({counts['on_time']}/{judged_n})"
    elif getattr(commitment, "metric", None) == "deal_cycle_days" and figure.actual is not None:
        actual = f"{actual} days"
    target = _target(figure.target, commitment, share)
    return actual if target is None else f"{actual} / {target}"


def _target(target: float | None, commitment: object, share: bool) -> str | None:
    high = getattr(commitment, "max", None)
    low = getattr(commitment, "min", None)
    if target is None or (low is None and high is not None and not share):
        return None if high is None or share else f"≤{_number(float(high))}"
    if high is not None and low is not None and not share and low != high:
        scale = target / float(low) if low else 1.0
        return f"{_number(target)}–{_number(float(high) * scale)}"
    return _value(target, share)


def _value(value: float | None, share: bool) -> str:
    if value is None:
        return "–"
    return f"{value:.0%}" if share else _number(value)


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}" if abs(value) >= 100 else f"{value:.3g}"
