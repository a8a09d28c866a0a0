"""How the Compliance screen words what the judgement says: rows, statuses, sparklines, clocks.

Pure functions of domain values (no App, no widgets), so every wording can be
read and tested in one place, and so the costly parts (choosing and sorting
the rows out of thousands of items) can run in the worker that judged them.
The words mirror `slatui compliance`: the same statuses, the same "since",
"to" and "raised by".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from slatui.clock import elapsed, elapsed_business_days, is_before
from slatui.compliance.wording import figure_text

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from slatui.compliance.evaluate import Evaluation, Judged
    from slatui.compliance.periods import Period
    from slatui.compliance.raised import Raised
    from slatui.compliance.response import Item
    from slatui.contract.model import Contract
    from slatui.sal_audit import AuditReport, HandoffAudit
    from slatui.workcal import WorkCalendar
    from store.compliance_run import Judgement, WeekFigure

ROW_LIMIT = 200  # rows drawn per table: enough to read, bounded on a million events
TREND_WEEKS = 8
PARTY_ORDER = {"marketing": 0, "sales": 1, "joint": 2}
PARTY_SHORT = {"marketing": "mkt", "sales": "sales", "joint": "joint"}

STATUS_WORDS = {
    "met": "met",
    "missed": "missed",
    "on_track": "on track",
    "at_risk": "at risk",
    "no_data": "no data",
    "tracked": "tracked",
}
STATUS_STYLES = {
    "met": "bold green",
    "missed": "bold red",
    "on_track": "green",
    "at_risk": "bold dark_orange",
    "no_data": "dim",
    "tracked": "italic",
}
STATE_WORDS = {
    "on_time": "on time",
    "late": "late",
    "open": "open",
    "open_overdue": "overdue",
    "paused": "paused",
    "at_risk": "at risk",
    "stopped": "stopped",
}
STATE_STYLES = {
    "on_time": "green",
    "late": "red",
    "open_overdue": "bold red",
    "at_risk": "bold dark_orange",
    "paused": "italic",
}
BARS = "▁▂▃▄▅▆▇█"

PERIOD_CYCLE: tuple[str | None, ...] = (None, "week", "month", "quarter", "pilot")

# (key, label, width) of each table; fixed widths so a refresh never reflows them
COMMITMENT_COLUMNS = (
    ("status", "Status", 8),
    ("party", "Party", 5),
    ("id", "Commitment", 25),
    ("figure", "Actual vs target", 20),
    ("period", "Period", 8),
    ("trend", "8 weeks", 8),
)
CLOCK_COLUMNS = (
    ("key", "Item", 18),
    ("left", "Left", 28),
    ("due", "Due", 20),
    ("commitment", "Commitment", 25),
    ("account", "Account", 20),
)
ESCALATION_COLUMNS = (
    ("state", "State", 8),
    ("kind", "Kind", 21),
    ("subject", "Subject", 18),
    ("since", "Since", 20),
    ("to", "To", 22),
    ("by", "Raised by", 9),
    ("why", "Why", 80),
    ("rule", "Rule", 24),
)
HANDOFF_COLUMNS = (
    ("fit", "Fit", 7),
    ("lead", "Lead", 10),
    ("account", "Account", 18),
    ("at", "Notified", 20),
    ("failing", "Criteria not met", 60),
)


# ---------------------------------------------------------------- the period


def next_period(current: str | None) -> str | None:
    """The period choice after `current`: own → week → month → quarter → pilot → own.

    A typed label (2026-11) is followed by the commitments' own periods.
    """
    if current not in PERIOD_CYCLE:
        return None
    return PERIOD_CYCLE[(PERIOD_CYCLE.index(current) + 1) % len(PERIOD_CYCLE)]


def period_choice(text: str | None) -> str:
    """What the period field says about a choice."""
    return "own periods" if text is None else text


def read_period(text: str) -> str | None:
    """The selection typed in the period field: empty (or "own") is each commitment's own."""
    text = text.strip()
    return None if text in ("", "own", "own periods") else text


def header_text(judgement: Judgement, refreshing: bool) -> Text:
    """ "Review 2026-11 (1 Nov – 30 Nov 2026) · as of Wed 18 Nov 2026 10:00 EST · v1 draft"."""
    period, zone = judgement.period, judgement.zone
    last = (period.end - dt.timedelta(microseconds=1)).astimezone(zone)
    first = period.start.astimezone(zone)
    span = f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    version = judgement.version
    text = Text.assemble(
        ("Review ", "bold"),
        (period.label, "bold"),
        f" ({span}) · as of {when(judgement.as_of, zone, year=True)} · ",
        f"v{version.number} {version.status}",
    )
    text.append(" · refreshing…" if refreshing else " · live", style="dim")
    return text


# ---------------------------------------------------------------- commitments


@dataclass(frozen=True)
class Group:
    """A tier's heading and its commitments, marketing's first, then sales', then joint."""

    key: str
    tier: str
    name: str
    commitments: tuple[Judged, ...]


def groups(evaluation: Evaluation, contract: Contract) -> list[Group]:
    """The commitments by tier (in the agreement's order), then those for every tier."""
    names = {t.id: t.name for t in contract.tiers}
    order = [*names, None]
    by_tier: dict[str | None, list[Judged]] = {}
    for judged in evaluation.commitments:
        by_tier.setdefault(judged.tier if judged.tier in names else None, []).append(judged)
    out = []
    for tier in order:
        members = sorted(by_tier.get(tier, []), key=lambda j: PARTY_ORDER.get(j.party or "", 3))
        if members:
            label, name = ("all", "All tiers") if tier is None else (tier, names[tier])
            out.append(Group(f"tier:{tier or '*'}", label, name, tuple(members)))
    return out


Cells = list[str | Text]
Row = tuple[str, Cells]  # a table row: its key and its cells


def commitment_rows(judgement: Judgement) -> list[Row]:
    """A heading row per tier ("tier:t1"), then its commitments (keyed by id), marketing first.

    The sparkline cell says "…" until the weeks are read (see `sparkline`).
    """
    contract = judgement.contract
    models = {c.id: c for c in contract.commitments}
    rows: list[Row] = []
    for group in groups(judgement.evaluation, contract):
        heading = "bold underline"
        title: Cells = [Text(group.tier, heading), "", Text(group.name, heading), "", "", ""]
        rows.append((group.key, title))
        for judged in group.commitments:
            ident = judged.figure.commitment
            cells: Cells = [
                status_text(judged.figure.status),
                PARTY_SHORT.get(judged.party or "", judged.party or ""),
                ident,
                figure_text(judged, models.get(ident)),
                period_label(judged),
                sparkline(None),
            ]
            rows.append((ident, cells))
    return rows


def status_text(status: str) -> Text:
    """The status word in its colour: met green, missed red, at risk orange, no data dim."""
    return Text(STATUS_WORDS.get(status, status), style=STATUS_STYLES.get(status, ""))


def period_label(judged: Judged) -> str:
    """The period judged ("2026-11"), or "now" for coverage, which has none."""
    return "now" if judged.period is None else judged.period.label


def sparkline(weeks: Sequence[WeekFigure] | None, width: int = TREND_WEEKS) -> Text:
    """One bar a week, oldest first, as high as the week's actual and coloured by its status.

    Bars are scaled to the highest week shown (a share's 100% is not assumed:
    the shape is what tells); a week with no figure is "·".
    """
    if weeks is None:
        return Text("…", style="dim")
    shown = list(weeks)[-width:]
    values = [w.actual for w in shown if w.actual is not None]
    top = max(values, default=0.0)
    line = Text()
    for week in shown:
        if week.actual is None:
            line.append("·", style="dim")
            continue
        level = 0 if top <= 0 else round(max(week.actual, 0.0) / top * (len(BARS) - 1))
        line.append(BARS[level], style=STATUS_STYLES.get(week.status, "").replace("bold ", ""))
    return line


def commitment_detail(judged: Judged, commitment: object, limit: int = 12) -> str:
    """What a figure rests on: the reason, and which accounts met it or fell short."""
    figure = judged.figure
    lines = [
        f"{figure.commitment} · {STATUS_WORDS.get(figure.status, figure.status)} · "
        f"{period_label(judged)}",
        f"actual vs target: {figure_text(judged, commitment)}",
    ]
    text = getattr(commitment, "text", None)
    if text:
        lines.append(str(text))
    if figure.reason:
        lines.append(f"why: {figure.reason}")
    if figure.above_range:
        lines.append("above the agreed range (sales capacity may be short)")
    for label, accounts in (("short", figure.accounts_short), ("met", figure.accounts_met)):
        if accounts:
            lines.append(f"accounts {label} ({len(accounts):,}): {_some(accounts, limit)}")
    return "\n".join(lines)


def _some(names: Sequence[str], limit: int) -> str:
    head = ", ".join(names[:limit])
    return head if len(names) <= limit else f"{head} and {len(names) - limit:,} more"


# ---------------------------------------------------------------- clocks


@dataclass(frozen=True)
class Clock:
    """An open item with a deadline, and the commitment whose clock it is."""

    commitment: str
    item: Item


def open_clocks(evaluation: Evaluation, limit: int = ROW_LIMIT) -> tuple[list[Clock], int]:
    """The open items with a deadline, soonest first (overdue ones first); and how many in all."""
    clocks = [
        Clock(commitment, item)
        for commitment, items in evaluation.items.items()
        for item in items
        if item.is_open and item.deadline is not None
    ]
    clocks.sort(key=lambda c: (c.item.deadline, c.item.key))
    return clocks[:limit], len(clocks)


def clock_key(clock: Clock) -> str:
    """The clocks table's row key: one item of one commitment (a key may start again)."""
    return f"{clock.commitment}/{clock.item.key}@{clock.item.start_id}"


def clock_row(clock: Clock, zone: ZoneInfo, cal: WorkCalendar, now: dt.datetime) -> Row:
    """An open clock: its item, time left, deadline, commitment and account (when not the key)."""
    item = clock.item
    due = "—" if item.deadline is None else when(item.deadline, zone)
    account = "" if item.account == item.key else item.account or ""
    return clock_key(clock), [item.key, countdown(item, cal, now), due, clock.commitment, account]


def clocks_status(shown: int, total: int) -> str:
    """ "13 open, soonest first", or "showing 200 of 1,658 open clocks, soonest first"."""
    if total == 0:
        return "No clock is running."
    if shown < total:
        return f"showing {shown} of {total:,} open clocks, soonest first"
    return f"{total:,} open, soonest first"


def countdown(item: Item, cal: WorkCalendar, now: dt.datetime) -> Text:
    """Time left to the deadline as of `now`, in the commitment's unit; overdue by how much.

    Recomputed every second for the rows on screen: business units count
    working time only (so it stands still at night), a paused clock keeps
    what it had left when it paused.
    """
    if item.deadline is None or item.remaining is None:
        return Text("no deadline", style="dim")
    unit = item.remaining.unit
    if item.state == "paused":
        return Text(f"paused, {_amount(item.remaining.value, unit)} left", style="italic")
    overdue = is_before(item.deadline, now)
    low, high = (item.deadline, now) if overdue else (now, item.deadline)
    text = _span(cal, low, high, unit)
    if overdue:
        return Text(f"overdue {text}", style="bold red")
    style = "bold dark_orange" if item.state == "at_risk" else ""
    return Text(f"{text} left", style=style)


def _span(cal: WorkCalendar, low: dt.datetime, high: dt.datetime, unit: str) -> str:
    """From `low` to `high` in `unit`, to the second: "0.61bd (4:52:00bh)", "3d 0:55:10"."""
    if unit == "bd":
        days = float(elapsed_business_days(cal, low, high))
        return f"{days:.2f}bd ({_hms(elapsed(cal, low, high, 'bh'))}bh)"
    seconds = elapsed(cal, low, high, unit)
    return _days(seconds) if unit == "d" else f"{_hms(seconds)}{unit}"


def _amount(value: object, unit: str) -> str:
    return f"{float(value):.2f}{unit}"  # type: ignore[arg-type]


def _days(seconds: int) -> str:
    """Calendar days and the wall-clock rest: "3d 0:55:10"."""
    days, rest = divmod(seconds, 86400)
    return f"{days}d {_hms(rest)}"


def _hms(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02}:{rest % 60:02}"


# ---------------------------------------------------------------- escalations


def escalation_cells(raised: Raised, contract: Contract, now: dt.datetime) -> list[str | Text]:
    """One escalation as `slatui compliance` says it: open or resolved, since, to, by."""
    rules = {e.id: e for e in contract.escalations}
    rule = rules.get(raised.escalation)
    zone = _zone(contract)
    is_open = raised.open_at(now)
    state = Text("open", style="bold red") if is_open else Text("resolved", style="green")
    return [
        state,
        raised.kind,
        raised.subject,
        when(raised.since, zone),
        "" if rule is None else rule.to,
        "" if rule is None else rule.raised_by,
        raised.why,
        raised.escalation,
    ]


def escalation_detail(raised: Raised, contract: Contract, now: dt.datetime) -> str:
    """The highlighted escalation in one sentence: what, to whom, since when, why."""
    rules = {e.id: e for e in contract.escalations}
    rule = rules.get(raised.escalation)
    zone = _zone(contract)
    to = "" if rule is None else f" → {rule.to} (raised by {rule.raised_by})"
    if raised.open_at(now):
        state = "open"
    else:
        resolved = raised.resolved_at
        state = "resolved" if resolved is None else f"resolved {when(resolved, zone)}"
    return f"{raised.escalation}{to}, {state}: {raised.why}"


def escalations_status(shown: int, total: int, open_count: int) -> str:
    """ "2 open · 5 shown (open, and resolved in the month before)"."""
    if total == 0:
        return "No escalation open or recently resolved."
    text = f"{open_count} open · {total} shown (open, and resolved in the month before)"
    return text if shown == total else f"showing {shown} of {total} · {text}"


# ---------------------------------------------------------------- SAL audit


def audit_text(audit: AuditReport | None, period: Period) -> str:
    """The audit's counts over the period reviewed, worded as the CLI words them."""
    if audit is None:
        return "The agreement has no [sal] definition: there is nothing to audit."
    rejections = audit.rejections
    share = "" if rejections.share is None else f" ({rejections.share:.0%})"
    lines = [
        f"SAL audit {period.label}: {len(audit.handoffs)} hand-offs, "
        f"{audit.count('meets')} meet the definition, {audit.count('fails')} fail it, "
        f"{audit.count('unknown')} unknown; {len(audit.never_handed_off)} met it but were "
        f"never handed off; {rejections.rejected} rejected{share}",
    ]
    if rejections.reasons:
        reasons = ", ".join(f"{reason} {count}" for reason, count in rejections.reasons)
        lines.append(f"rejected because: {reasons}")
    return "\n".join(lines)


def audit_rows(audit: AuditReport | None, limit: int = ROW_LIMIT) -> tuple[list[HandoffAudit], int]:
    """The hand-offs, failing first, then unknown, then those that meet it; newest first in each."""
    if audit is None:
        return [], 0
    rank = {"fails": 0, "unknown": 1, "meets": 2}
    ordered = sorted(audit.handoffs, key=lambda a: -a.handoff.notified_at.timestamp())
    ordered.sort(key=lambda a: rank[a.fit])
    return ordered[:limit], len(ordered)


def handoffs_status(shown: int, total: int) -> str:
    """ "8 hand-offs, failing first", or "showing 200 of 20,000 hand-offs, failing first"."""
    if total == 0:
        return "No hand-off in the period."
    if shown < total:
        return f"showing {shown} of {total:,} hand-offs, failing first"
    return f"{total:,} hand-offs, failing first"


def handoff_cells(audit: HandoffAudit, zone: ZoneInfo) -> list[str | Text]:
    """A hand-off and the criteria it did not meet, with their evidence."""
    handoff = audit.handoff
    style = {"fails": "bold red", "unknown": "dark_orange", "meets": "green"}[audit.fit]
    missing = [c for c in audit.criteria if c.outcome != "pass"]
    failing = "; ".join(f"{c.name} {c.outcome}: {c.evidence}" for c in missing) or "—"
    return [
        Text(audit.fit, style=style),
        handoff.lead or "",
        handoff.account or "",
        when(handoff.notified_at, zone),
        failing,
    ]


# ---------------------------------------------------------------- times and wins


def when(moment: dt.datetime, zone: ZoneInfo, *, year: bool = False) -> str:
    """ "Wed 18 Nov 10:00 EST": every time shown says its zone."""
    local = moment.astimezone(zone)
    day = f"{local:%a} {local.day} {local:%b}"
    if year:
        day += f" {local.year}"
    return f"{day} {local:%H:%M %Z}"


def win_text(name: str | None, account: str, tier: str, tiers: Mapping[str, str]) -> str:
    """ "Won: Acme Corp (t1 Strategic accounts)"."""
    return f"Won: {name or account} ({tier} {tiers.get(tier, '')})".replace(" )", ")")


def _zone(contract: Contract) -> ZoneInfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(contract.agreement.timezone)
