"""Judging the volume commitments: `count`, `cadence` (per tier or per account) and `coverage`.

Each function takes the commitment, the period as a `Window` and a reader
(the store's `MeasureData` methods), and returns a `Figure`: the status, the
actual, the target the status was judged against, and for `per = "account"`
which accounts met it. The rules (DESIGN §3 and §4):

- no event of the measured types in the whole workspace is `no_data`, not a
  breach; once there is data, an account of the tier without events counts 0;
- a directional commitment is `tracked`: measured, never judged;
- a closed period is `met` or `missed`; the current one is `on_track` when the
  actual keeps pace with the target pro-rated to the elapsed share of the
  period, else `at_risk` — never missed before it ends; a current period that
  has already reached the whole period's minimum is `met`, since events only
  add up and nothing later can undo it (above `max` the status stays met);
- the window's `share` scales the target of a period cut by the pilot or the
  agreement edges (`partial_periods = "prorate"`: a 2-per-month target over
  half a month is 1);
- above a `max` the status stays met, flagged `above_range` (sales capacity may
  be short); a `max` alone (no more than N) is missed above it, at risk during
  the period once exceeded.

Counts add up quantities: one ad-report row carries 1,184 impressions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from slatui.compliance.reader import Reader
from slatui.contract.model import CadenceCommitment, CountCommitment, CoverageCommitment

Status = Literal["met", "missed", "on_track", "at_risk", "no_data", "tracked"]
WindowState = Literal["closed", "current", "future"]


@dataclass(frozen=True)
class Window:
    """A period as judged: where it starts and ends, how far it has run, how much counts.

    `as_of` cuts what is read (nothing after it exists yet); `elapsed` is the
    share of the period behind `as_of` (1 when closed); `share` scales the
    target for a period cut by the pilot or agreement edges (1 when whole).
    """

    label: str
    start: dt.datetime
    end: dt.datetime
    state: WindowState
    as_of: dt.datetime
    elapsed: Fraction = Fraction(1)
    share: Fraction = Fraction(1)

    @property
    def until(self) -> dt.datetime:
        """The end of what can be read: the period's end, or `as_of` if sooner."""
        return min(self.end, self.as_of)


@dataclass(frozen=True)
class Figure:
    """One commitment's figure for one period."""

    commitment: str
    measure: str
    period: str
    status: Status
    actual: float | None
    target: float | None = None
    above_range: bool = False
    accounts_met: list[str] = field(default_factory=list)
    accounts_short: list[str] = field(default_factory=list)
    reason: str = ""
    basis: int | None = None
    """How many items the actual stands on: judged response items, a rate's
    cohort, the accounts of a per-account or coverage figure (None for a count,
    whose actual is itself the number of events)."""

    def as_json(self) -> dict[str, object]:
        """Plain values; `actual` is the share of accounts for per-account figures."""
        out: dict[str, object] = {
            "id": self.commitment,
            "measure": self.measure,
            "status": self.status,
            "actual": self.actual,
            "target": self.target,
            "reason": self.reason,
        }
        if self.above_range:
            out["above_range"] = True
        if self.accounts_met or self.accounts_short:
            out["accounts"] = {"met": len(self.accounts_met), "short": len(self.accounts_short)}
        return out


def event_types(events: str | list[str]) -> list[str]:
    """A commitment's `event` as a list (one type or several)."""
    return [events] if isinstance(events, str) else list(events)


# ---------------------------------------------------------------- count and cadence


def measure_count(
    commitment: CountCommitment | CadenceCommitment, window: Window, reader: Reader
) -> Figure:
    """A count or cadence commitment in one period, per tier or per account."""
    types = event_types(commitment.event)
    low, high = _range(commitment)
    base = _Base(commitment.id, commitment.measure, window.label)
    if not reader.has_events(types):
        return base.figure("no_data", None, low, reason=f"no {' / '.join(types)} event imported")
    if commitment.per == "account":
        return _per_account(commitment, types, low, window, reader, base)
    actual = reader.event_total(types, window.start, window.until, tier=commitment.tier)
    if commitment.directional or (low is None and high is None):
        return base.figure("tracked", actual, None, reason="directional: measured, not judged")
    return _judge_total(actual, low, high, window, base)


def _range(commitment: CountCommitment | CadenceCommitment) -> tuple[float | None, float | None]:
    if isinstance(commitment, CadenceCommitment):
        return float(commitment.min), None
    low = None if commitment.min is None else float(commitment.min)
    high = None if commitment.max is None else float(commitment.max)
    return low, high


def _judge_total(
    actual: float, low: float | None, high: float | None, window: Window, base: _Base
) -> Figure:
    share = float(window.share)
    floor = None if low is None else low * share
    ceiling = None if high is None else high * share
    if window.state == "closed":
        if floor is not None and actual < floor:
            return base.figure("missed", actual, floor, reason=f"{_n(actual)} < {_n(floor)}")
        if floor is None and ceiling is not None and actual > ceiling:
            return base.figure("missed", actual, ceiling, reason=f"{_n(actual)} > {_n(ceiling)}")
        above = floor is not None and ceiling is not None and actual > ceiling
        return base.figure("met", actual, floor if floor is not None else ceiling, above=above)
    if floor is None:
        assert ceiling is not None
        status: Status = "at_risk" if actual > ceiling else "on_track"
        return base.figure(status, actual, ceiling)
    if actual >= floor:
        above = ceiling is not None and actual > ceiling
        reason = f"{_n(actual)} already reaches {_n(floor)}"
        return base.figure("met", actual, floor, above=above, reason=reason)
    pace = floor * float(window.elapsed)
    status = "on_track" if actual >= pace else "at_risk"
    return base.figure(status, actual, floor, reason=f"pace so far {_n(pace)}")


def _per_account(
    commitment: CountCommitment | CadenceCommitment,
    types: list[str],
    low: float | None,
    window: Window,
    reader: Reader,
    base: _Base,
) -> Figure:
    """Every account of the tier must reach the minimum (or `share` of them must)."""
    accounts = reader.tier_accounts(commitment.tier)
    tier = commitment.tier
    totals = reader.event_totals_by_account(types, window.start, window.until, tier=tier)
    whole = (low if low is not None else 1.0) * float(window.share)
    need = whole * float(window.elapsed) if window.state == "current" else whole
    met = [a for a in accounts if totals.get(a, 0.0) >= need]
    short = [a for a in accounts if totals.get(a, 0.0) < need]
    actual = len(met) / len(accounts) if accounts else None
    wanted = 1.0
    if isinstance(commitment, CountCommitment) and commitment.share is not None:
        wanted = float(commitment.share)
    if actual is None:
        return base.figure("no_data", None, wanted, reason="the tier has no accounts")
    if commitment.directional or (isinstance(commitment, CountCommitment) and low is None):
        return base.figure("tracked", actual, None, met=met, short=short, basis=len(accounts))
    good = actual >= wanted
    if window.state == "closed":
        status: Status = "met" if good else "missed"
    elif len([a for a in accounts if totals.get(a, 0.0) >= whole]) >= wanted * len(accounts):
        status = "met"  # enough accounts already reached the whole period's minimum
    else:
        status = "on_track" if good else "at_risk"
    reason = f"{len(met)} of {len(accounts)} accounts reached {_n(need)}"
    return base.figure(
        status, actual, wanted, met=met, short=short, reason=reason, basis=len(accounts)
    )


# ---------------------------------------------------------------- coverage


def measure_coverage(commitment: CoverageCommitment, as_of: str, reader: Reader) -> Figure:
    """The share of the tier's accounts with the field set, now (coverage has no period)."""
    with_field, accounts = reader.coverage(commitment.tier, commitment.field)
    base = _Base(commitment.id, "coverage", as_of)
    if accounts == 0:
        return base.figure("no_data", None, commitment.min, reason="the tier has no accounts")
    actual = with_field / accounts
    reason = f"{with_field} of {accounts} accounts have {commitment.field}"
    if commitment.directional or commitment.min is None:
        return base.figure("tracked", actual, None, reason=reason, basis=accounts)
    status: Status = "met" if actual >= commitment.min else "missed"
    return base.figure(status, actual, float(commitment.min), reason=reason, basis=accounts)


# ---------------------------------------------------------------- wording


@dataclass(frozen=True)
class _Base:
    commitment: str
    measure: str
    period: str

    def figure(
        self,
        status: Status,
        actual: float | None,
        target: float | None,
        *,
        above: bool = False,
        met: list[str] | None = None,
        short: list[str] | None = None,
        reason: str = "",
        basis: int | None = None,
    ) -> Figure:
        return Figure(
            commitment=self.commitment,
            measure=self.measure,
            period=self.period,
            status=status,
            actual=actual,
            target=target,
            above_range=above,
            accounts_met=met or [],
            accounts_short=short or [],
            reason=reason,
            basis=basis,
        )


def _n(value: float) -> str:
    return f"{value:g}"
