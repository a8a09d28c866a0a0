"""The Compliance screen's store work, and what it reports back (past-tense messages).

Each job runs in a worker thread: the judgement (every figure, escalation and
the SAL audit), then the weekly figures behind the sparklines, which cost a
judgement per week and so come second, once the figures are on screen. What
the screen will draw is chosen here too (open clocks sorted, at most
`ROW_LIMIT` rows per table), so the event loop never walks thousands of items.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from screens import compliance_views as views
from slatui.compliance.evaluate import Selection
from slatui.compliance.periods import BadPeriod
from store import NoAgreement

if TYPE_CHECKING:
    from slatui.compliance.report import Win
    from slatui.workcal import WorkCalendar
    from store import Store, Version
    from store.compliance_run import Judgement, WeekFigure

WIN_WINDOW = dt.timedelta(days=31)  # wins this recent are remembered, and new ones announced


@dataclass(frozen=True)
class Board:
    """What the screen draws of a judgement: rows already worded, at most ROW_LIMIT a table.

    Worded here, in the worker, so that drawing a refresh on the event loop is
    only adding rows; `clocks` stay as items so the countdown can tick.
    """

    commitments: list[views.Row]
    clocks: list[views.Clock]
    clock_rows: list[views.Row]
    clocks_status: str
    escalation_rows: list[views.Row]
    escalation_details: list[str]
    escalations_status: str
    audit_summary: str
    handoff_rows: list[views.Row]
    handoffs_status: str


@dataclass
class ComplianceMeasured(Message):
    """The workspace judged as of the store's now under the period asked for."""

    request: int
    selection: str | None
    judgement: Judgement
    board: Board
    calendar: WorkCalendar
    wins: list[Win]


@dataclass
class TrendsMeasured(Message):
    """Each commitment's figure in the last weeks, for the sparklines."""

    request: int
    weeks: dict[str, list[WeekFigure]]


@dataclass
class PeriodRefused(Message):
    """The period typed cannot be read (or the agreement has no pilot); nothing was judged."""

    request: int
    selection: str
    reason: str


@dataclass
class NothingToJudge(Message):
    """The workspace holds no agreement yet."""

    request: int
    reason: str


def measure(store: Store, selection: str | None, request: int) -> Message:
    """Judge the workspace as of `store.now()`; a bad period label is a message, not a failure."""
    from slatui.workcal import WorkCalendar
    from store.compliance_run import judge, wins

    as_of = store.now()
    try:
        judgement = judge(store, as_of, Selection.parse(selection))
    except NoAgreement as exc:
        return NothingToJudge(request, f"{exc} (d opens the Draft to start one)")
    except BadPeriod as exc:
        return PeriodRefused(request, selection or "", str(exc))
    calendar = WorkCalendar.from_contract(judgement.contract)
    won = wins(store, judgement.contract, as_of - WIN_WINDOW, as_of)
    drawn = board(judgement, calendar)
    return ComplianceMeasured(request, selection, judgement, drawn, calendar, won)


def board(judgement: Judgement, calendar: WorkCalendar) -> Board:
    """Every table's rows (bounded) and status line, as of the judgement's moment."""
    as_of, zone, contract = judgement.as_of, judgement.zone, judgement.contract
    clocks, clocks_total = views.open_clocks(judgement.evaluation)
    shown = sorted(judgement.shown, key=lambda r: (not r.open_at(as_of), r.since))
    raised = shown[: views.ROW_LIMIT]
    open_count = sum(1 for r in shown if r.open_at(as_of))
    handoffs, handoffs_total = views.audit_rows(judgement.audit)
    return Board(
        commitments=views.commitment_rows(judgement),
        clocks=clocks,
        clock_rows=[views.clock_row(c, zone, calendar, as_of) for c in clocks],
        clocks_status=views.clocks_status(len(clocks), clocks_total),
        escalation_rows=[
            (str(i), views.escalation_cells(r, contract, as_of)) for i, r in enumerate(raised)
        ],
        escalation_details=[views.escalation_detail(r, contract, as_of) for r in raised],
        escalations_status=views.escalations_status(len(raised), len(shown), open_count),
        audit_summary=views.audit_text(judgement.audit, judgement.period),
        handoff_rows=[(str(i), views.handoff_cells(a, zone)) for i, a in enumerate(handoffs)],
        handoffs_status=views.handoffs_status(len(handoffs), handoffs_total),
    )


def trends(store: Store, version: Version, as_of: dt.datetime, request: int) -> Message:
    """The last `TREND_WEEKS` ISO weeks of every commitment, as of the judgement's moment."""
    from store.compliance_run import weekly

    return TrendsMeasured(request, weekly(store, version, as_of, views.TREND_WEEKS))
