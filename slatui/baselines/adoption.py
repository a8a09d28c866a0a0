"""From a baseline to the keys adopted and the provenance the contract records.

`--target achievable|stretch` takes a suggestion as it stands; `--target
VALUE` takes the pair's own number for the measure's main key (a count's
`min`, a share's `min` or `share`, a response's `within`), with the pilot's
measurement recorded beside it all the same. The measured figure is stated
the way the contract reads it: "10.9 SALs a month", "80% of 10 items on
time within 8bh", "91.7% of 12 accounts".
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from slatui.baselines.report import BaselineRow
from slatui.baselines.suggest import DAYS
from slatui.contract.model import (
    Baseline,
    CadenceCommitment,
    CountCommitment,
    Pilot,
    ResponseCommitment,
)
from slatui.markdown.words import humanize

NOUNS = {
    "sal_notified": "SALs",
    "opportunity_created": "opportunities",
    "closed_won": "wins",
    "ad_impression": "impressions",
    "meeting": "meetings",
    "call": "calls",
}
"""How a count of these events reads in a sentence (others: "<type> events")."""


class NoTarget(ValueError):
    """The baseline has no such suggestion, or the value cannot be read."""


def chosen_values(row: BaselineRow, target: str) -> tuple[dict[str, object], str]:
    """The keys to adopt and the kind of suggestion (achievable, stretch or value).

    Adopting what the commitment already says (and is already binding on)
    would only make the signatures stale: it is refused.
    """
    if target in ("achievable", "stretch"):
        found = row.target(target)
        if found is None:
            why = row.suggestion.warning or "the pilot supports none"
            raise NoTarget(f"{row.ident} has no {target} target: {why}")
        values, kind = dict(found.values), target
    else:
        values, kind = own_value(row, target), "value"
    commitment: Any = row.measured.commitment
    same = all(str(getattr(commitment, k, None)) == str(v) for k, v in values.items())
    if same and not commitment.directional and commitment.baseline is not None:
        shown = ", ".join(f"{k} {v}" for k, v in values.items())
        raise NoTarget(f"{row.ident} already has {shown} from a baseline: nothing to adopt")
    return values, kind


def own_value(row: BaselineRow, text: str) -> dict[str, object]:
    """The pair's own number for the measure's main key."""
    commitment: Any = row.measured.commitment
    measure = commitment.measure
    if measure == "response":
        return {"within": text.strip()}
    if measure == "count" and commitment.per == "account" and commitment.min is None:
        raise NoTarget(f"{row.ident} has no per-account min yet: set min before a share")
    if measure in ("rate", "coverage") or getattr(commitment, "per", None) == "account":
        key = "share" if measure == "count" else "min"
        return {key: _share(text)}
    if measure in ("count", "cadence"):
        value = _number(text)
        values: dict[str, object] = {"min": value}
        ceiling = getattr(commitment, "max", None)
        if ceiling is not None and ceiling < value:
            values["max"] = value
        return values
    raise NoTarget(f"{row.ident} is a {measure}: it has no target to set")


def provenance(
    row: BaselineRow, pilot: Pilot, suggestion: str, by: str, at: dt.datetime
) -> Baseline:
    """The evidence recorded with the adopted number."""
    measured, text = measured_figure(row)
    return Baseline(
        pilot_start=pilot.start,
        pilot_weeks=pilot.weeks,
        measured=measured,
        measured_text=text,
        suggestion=suggestion,  # type: ignore[arg-type]
        adopted_by=by,
        adopted_at=at.astimezone(dt.UTC).replace(microsecond=0),
    )


def measured_figure(row: BaselineRow) -> tuple[float, str]:
    """The pilot's figure as a number and as the contract states it."""
    commitment: Any = row.measured.commitment
    pilot = row.measured.pilot
    actual = pilot.actual or 0.0
    if isinstance(commitment, CountCommitment | CadenceCommitment) and commitment.per is None:
        period = commitment.period or "month"
        days = (pilot.end.date() - pilot.start.date()).days or 1
        pace = round(actual * float(DAYS[period]) / days, 2)
        return pace, f"{_figure(pace)} {_noun(commitment.event)} a {period}"
    if isinstance(commitment, ResponseCommitment):
        within = "" if commitment.within is None else f" (within {commitment.within})"
        share = round(actual, 4)
        noun = NOUNS.get(commitment.start, "items")
        return share, f"{_pct(share)} of {pilot.basis or 0} {noun} on time{within}"
    share = round(actual, 4)
    of = "SALs in the cohort" if commitment.measure == "rate" else "accounts"
    return share, f"{_pct(share)} of {pilot.basis or 0} {of}"


def _noun(event: str | list[str]) -> str:
    if isinstance(event, str):
        return NOUNS.get(event, f"{humanize(event)} events")
    return " and ".join(NOUNS.get(e, humanize(e)) for e in event) + " events"


def _share(text: str) -> float:
    """0.9 or 90%; a bare number above 1 is refused rather than guessed (1.5: 150%? 1.5%?)."""
    raw = text.strip()
    try:
        value = float(raw.removesuffix("%"))
    except ValueError:
        raise NoTarget(f"{text!r}: write a share like 0.9 or 90%") from None
    share = value / 100 if raw.endswith("%") else value
    if not 0 <= share <= 1:
        raise NoTarget(f"{text!r}: a share is between 0 and 1 (0.9) or 0% and 100% (90%)")
    return share


def _number(text: str) -> int | float:
    try:
        value = float(text.strip())
    except ValueError:
        raise NoTarget(f"{text!r}: write a number, e.g. 3") from None
    if not math.isfinite(value) or value < 0:
        raise NoTarget(f"{text!r}: write a number of zero or more, e.g. 3")
    return int(value) if value == int(value) else value


def _figure(value: float) -> str:
    return f"{value:g}"


def _pct(value: float) -> str:
    return f"{value * 100:.3g}%"
