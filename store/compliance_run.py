"""Judging a workspace: the version judged, its history, the figures, the audit.

What `slatui compliance`, `slatui report` and the Compliance screen all need,
read the same way: the agreement judged is the version in force now (the
latest version while none is agreed yet, as during the pilot); the agreed
versions form the timeline that governs each item by when its clock
started; the SAL audit covers the period under review.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from slatui.compliance import periods
from slatui.compliance.evaluate import Evaluation, Selection, evaluate, selected_period
from slatui.compliance.history import Timeline
from slatui.compliance.raised import Raised, shown_at
from slatui.compliance.report import Win
from slatui.contract.model import Contract
from slatui.sal_audit import AuditReport
from store.audit_run import audit_period
from store.records import Version
from store.store import Store


@dataclass(frozen=True)
class Judgement:
    """One judgement of the workspace as of a moment."""

    version: Version
    as_of: dt.datetime
    period: periods.Period
    evaluation: Evaluation
    audit: AuditReport | None

    @property
    def contract(self) -> Contract:
        """The agreement judged."""
        return self.version.contract

    @property
    def zone(self) -> ZoneInfo:
        """The agreement's zone."""
        return ZoneInfo(self.contract.agreement.timezone)

    @property
    def shown(self) -> list[Raised]:
        """The escalations open as of the judgement, and those resolved shortly before."""
        return shown_at(self.evaluation.escalations, self.as_of)


@dataclass(frozen=True)
class WeekFigure:
    """One commitment's figure in one past week, for a trend or a sparkline."""

    label: str
    status: str
    actual: float | None


def judged_version(store: Store, at: dt.datetime | None = None) -> Version:
    """The version in force at `at` (default: now), else the latest.

    NoAgreement on an empty workspace. A judgement as of last week is made
    under the agreement that was in force last week.
    """
    return store.in_force(at) or store.current()


def timeline(store: Store) -> Timeline:
    """Every agreed version, by when it was agreed."""
    return Timeline(
        [(v.agreed_at, v.number, v.contract) for v in store.versions() if v.agreed_at is not None]
    )


def review_period(contract: Contract, selection: Selection, as_of: dt.datetime) -> periods.Period:
    """The one period a review covers: the label or pilot asked for, else the week,
    month (the default, for each commitment's own period) or quarter containing
    `as_of`; BadPeriod for a bad label or a pilot the agreement lacks."""
    return selected_period(contract, selection, "month", as_of)


def judge(
    store: Store, as_of: dt.datetime, selection: Selection, *, figures_only: bool = False
) -> Judgement:
    """Judge the workspace as of `as_of` (BadPeriod for a bad label).

    `figures_only` leaves out the escalations and the SAL audit, for a caller
    that wants the figures and their items alone (`slatui compliance items`).
    """
    version = judged_version(store, as_of)
    contract = version.contract
    history = timeline(store)
    period = review_period(contract, selection, as_of)
    escalate = not figures_only
    evaluation = evaluate(contract, store, as_of, selection, history, escalate=escalate)
    report = None
    if contract.sal is not None and not figures_only:
        report = audit_period(store, contract, period.start, period.end, as_of)
    return Judgement(version, as_of, period, evaluation, report)


def last_weeks(contract: Contract, as_of: dt.datetime, count: int) -> list[periods.Period]:
    """The `count` ISO weeks up to `as_of`, oldest first.

    The last is the week holding the instant before `as_of`: a review at
    Monday midnight shows the weeks just closed, not one that has not begun.
    """
    zone = ZoneInfo(contract.agreement.timezone)
    fiscal = contract.agreement.fiscal_year_start
    before = as_of - dt.timedelta(microseconds=1)
    weeks = [periods.period_containing("week", before, zone, fiscal)]
    for _ in range(count - 1):
        weeks.insert(0, weeks[0].previous())
    return weeks


def weekly(
    store: Store, version: Version, as_of: dt.datetime, count: int
) -> dict[str, list[WeekFigure]]:
    """Each commitment's figure in the last `count` ISO weeks up to `as_of`."""
    history = timeline(store)
    out: dict[str, list[WeekFigure]] = {}
    for week in last_weeks(version.contract, as_of, count):
        selection = Selection.parse(week.label)
        evaluation = evaluate(version.contract, store, as_of, selection, history, escalate=False)
        for judged in evaluation.commitments:
            figure = judged.figure
            out.setdefault(figure.commitment, []).append(
                WeekFigure(week.label, figure.status, figure.actual)
            )
    return out


def wins(
    store: Store, contract: Contract, since: dt.datetime | None, until: dt.datetime
) -> list[Win]:
    """`closed_won` in [since, until) on accounts of the agreement's tiers, oldest first.

    What the review pack lists as wins and the Compliance screen announces:
    a deal won on an account the agreement targets (a tier it names). Names
    are read only when there is a win to name.
    """
    found: list[Win] = []
    for tier in contract.tiers:
        for _, at, _, account, _ in store.clock_events(["closed_won"], until=until, tier=tier.id):
            if account is not None and (since is None or since <= at) and at < until:
                found.append(Win(at, account, None, tier.id))
    if not found:
        return found
    names = store.account_names({w.account for w in found})
    found.sort(key=lambda w: (w.at, w.account))
    return [Win(w.at, w.account, names.get(w.account), w.tier) for w in found]
