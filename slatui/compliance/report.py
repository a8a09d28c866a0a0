"""The weekly review pack: one Markdown page from an evaluation and its context.

`render` takes what has already been measured (the `Evaluation`, the SAL
audit's counts, the funnel totals, the wins on target accounts and the
commitments' statuses over the last weeks) and lays it out for the pair who
review the agreement: what each party met and missed, what is at risk, the
escalations and to whom they go, SAL quality, the funnel, the wins, the trend.
It reads neither the store nor the clock, so the same inputs give the same page.
Every piece of user text passes through `slatui.markdown.escape`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from slatui.compliance.evaluate import Evaluation, Judged
from slatui.compliance.periods import Period
from slatui.compliance.raised import shown_at
from slatui.contract.model import Contract
from slatui.markdown.escape import cell, inline

FUNNEL = ("sal_notified", "opportunity_created", "closed_won", "closed_lost")
"""The funnel's stages, in order: hand-off, opportunity, won, lost."""

WORDS = {
    "met": "met",
    "missed": "missed",
    "on_track": "on track",
    "at_risk": "at risk",
    "no_data": "no data",
    "tracked": "tracked",
}
"""One short word (or two) per status, for the tables and the trend."""

PARTIES = (("marketing", "Marketing"), ("sales", "Sales"), ("joint", "Joint"))


@dataclass(frozen=True)
class Win:
    """A `closed_won` on an account of a tier the agreement lists."""

    at: dt.datetime
    account: str
    name: str | None
    tier: str


@dataclass(frozen=True)
class Trend:
    """Each commitment's status word over consecutive weeks (oldest first)."""

    weeks: Sequence[str]
    statuses: Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Review:
    """Everything the review pack shows, measured beforehand."""

    contract: Contract
    version: int
    period: Period
    evaluation: Evaluation
    audit: Mapping[str, Any] | None
    funnel: Mapping[str, float]
    wins: Sequence[Win]
    trend: Trend


def word(status: str) -> str:
    """The short word a status reads as."""
    return WORDS.get(status, status.replace("_", " "))


def render(review: Review) -> str:
    """The review pack as Markdown, ending with one newline."""
    zone = ZoneInfo(review.contract.agreement.timezone)
    blocks = [
        _title(review, zone),
        _parties(review),
        _at_risk(review),
        _escalations(review, zone),
        _sal_quality(review),
        _funnel(review),
        _wins(review, zone),
        _trend(review),
    ]
    return "\n\n".join(blocks) + "\n"


def when(moment: dt.datetime, zone: ZoneInfo) -> str:
    """A moment in the agreement's zone, with the zone's abbreviation."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.4g}"


def _title(review: Review, zone: ZoneInfo) -> str:
    agreement = review.contract.agreement
    period = review.period
    return "\n".join(
        [
            f"# Review: {inline(agreement.title)}, v{review.version}, {inline(period.label)}",
            "",
            f"Period {inline(period.label)}: {when(period.start, zone)} to "
            f"{when(period.end, zone)} (end exclusive). "
            f"As of {when(review.evaluation.as_of, zone)}.",
        ]
    )


def _parties(review: Review) -> str:
    lines = ["## Met and missed"]
    groups = [(key, name) for key, name in PARTIES]
    known = {key for key, _ in PARTIES}
    if any(j.party not in known for j in review.evaluation.commitments):
        groups.append(("", "Unassigned"))
    for key, name in groups:
        judged = [
            j
            for j in review.evaluation.commitments
            if (j.party == key if key else j.party not in known)
        ]
        lines += ["", f"### {name}", ""]
        if not judged:
            lines.append("No commitments.")
            continue
        lines += [_tally(judged), ""]
        lines += [
            "| commitment | tier | period | status | actual | target | why |",
            "|---|---|---|---|---|---|---|",
        ]
        lines += [_row(review, j) for j in judged]
    return "\n".join(lines)


def _tally(judged: Sequence[Judged]) -> str:
    counts: dict[str, int] = {}
    for j in judged:
        counts[j.figure.status] = counts.get(j.figure.status, 0) + 1
    order = [s for s in WORDS if s in counts] + sorted(s for s in counts if s not in WORDS)
    return ", ".join(f"{counts[s]} {word(s)}" for s in order) + "."


def _row(review: Review, judged: Judged) -> str:
    figure = judged.figure
    tier = _tier_name(review, judged.tier)
    period = "now" if judged.period is None else cell(judged.period.label)
    status = word(figure.status)
    if figure.status in ("missed", "at_risk"):
        status = f"**{status}**"
    return (
        f"| {cell(figure.commitment)} | {tier} | {period} | {status} | "
        f"{_number(figure.actual)} | {_number(figure.target)} | {cell(figure.reason or '')} |"
    )


def _tier_name(review: Review, tier: str | None) -> str:
    if tier is None:
        return "all"
    found = review.contract.tier(tier)
    return cell(tier if found is None else found.name)


def _at_risk(review: Review) -> str:
    lines = ["## At risk", ""]
    found = False
    for judged in review.evaluation.commitments:
        figure = judged.figure
        items = judged.items or {}
        risky = items.get("at_risk", 0)
        overdue = items.get("open_overdue", 0)
        notes = []
        if figure.status == "at_risk":
            notes.append(f"behind pace: {_number(figure.actual)} of {_number(figure.target)}")
        if risky:
            notes.append(f"{risky} open item{'s' if risky != 1 else ''} near the deadline")
        if overdue:
            notes.append(f"{overdue} open item{'s' if overdue != 1 else ''} overdue")
        if notes:
            found = True
            owner = inline(judged.party or "unassigned")
            lines.append(f"- {inline(figure.commitment)} ({owner}): {'; '.join(notes)}")
    if not found:
        lines.append("Nothing at risk.")
    return "\n".join(lines)


def _escalations(review: Review, zone: ZoneInfo) -> str:
    as_of = review.evaluation.as_of
    rules = {e.id: e for e in review.contract.escalations}
    shown = shown_at(review.evaluation.escalations, as_of)
    lines = ["## Escalations", ""]
    if not shown:
        lines.append("No escalations open or recently resolved.")
        return "\n".join(lines)
    opened = sum(1 for r in shown if r.open_at(as_of))
    lines += [
        f"{opened} open, {len(shown) - opened} resolved.",
        "",
        "| state | kind | subject | since | to | raised by | why |",
        "|---|---|---|---|---|---|---|",
    ]
    for raised in shown:
        rule = rules.get(raised.escalation)
        if raised.open_at(as_of) or raised.resolved_at is None:
            state = "**open**"
        else:
            state = f"resolved {when(raised.resolved_at, zone)}"
        to = "-" if rule is None else cell(rule.to)
        by = "-" if rule is None else cell(rule.raised_by)
        lines.append(
            f"| {state} | {cell(raised.kind)} | {cell(raised.subject)} | "
            f"{when(raised.since, zone)} | {to} | {by} | {cell(raised.why)} |"
        )
    return "\n".join(lines)


def _sal_quality(review: Review) -> str:
    lines = ["## SAL quality", ""]
    audit = review.audit
    if audit is None:
        lines.append("The agreement has no SAL definition to audit against.")
        return "\n".join(lines)
    share = audit.get("rejection_share")
    share_text = "-" if share is None else f"{float(share):.0%}"
    lines += [
        f"SAL audit of {inline(str(audit.get('period', review.period.label)))}:",
        "",
        "| hand-offs | meet the definition | fail it | unknown | met it, never handed off "
        "| rejected | rejection share |",
        "|---|---|---|---|---|---|---|",
        f"| {audit['handoffs']} | {audit['meeting']} | {audit['failing']} | {audit['unknown']} "
        f"| {audit['never_handed_off']} | {audit['rejected']} | {share_text} |",
        "",
        "### Rejection reasons",
        "",
    ]
    reasons = audit.get("reasons") or []
    if not reasons:
        lines.append("No rejections.")
    for reason in reasons:
        lines.append(f"- {reason['count']} {inline(str(reason['reason']))}")
    return "\n".join(lines)


def _funnel(review: Review) -> str:
    lines = [
        "## Funnel",
        "",
        "| " + " | ".join(FUNNEL) + " |",
        "|" + "---|" * len(FUNNEL),
        "| " + " | ".join(_count(review.funnel.get(t, 0)) for t in FUNNEL) + " |",
    ]
    return "\n".join(lines)


def _count(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.4g}"


def _wins(review: Review, zone: ZoneInfo) -> str:
    lines = ["## Wins on target accounts", ""]
    if not review.wins:
        lines.append("No wins on target accounts in the period.")
        return "\n".join(lines)
    for win in review.wins:
        named = inline(win.account)
        if win.name:
            named = f"{inline(win.name)} ({named})"
        lines.append(f"- {named}, {_tier_name(review, win.tier)}, won {when(win.at, zone)}")
    return "\n".join(lines)


def _trend(review: Review) -> str:
    weeks = review.trend.weeks
    lines = [
        "## Trend",
        "",
        "| commitment | " + " | ".join(cell(w) for w in weeks) + " |",
        "|---|" + "---|" * len(weeks),
    ]
    for judged in review.evaluation.commitments:
        statuses = review.trend.statuses.get(judged.figure.commitment, ())
        words = " | ".join(word(s) for s in statuses)
        lines.append(f"| {cell(judged.figure.commitment)} | {words} |")
    return "\n".join(lines)
