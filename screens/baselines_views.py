"""What the Baselines screen shows, as text: cells, sparklines, the detail and the what-if.

Pure functions of the domain's values (no widgets, no store), so the wording
can be read and tested on its own. The wording follows `slatui baseline`
(slatui/cli/baseline_text.py): weekly values as the measure reads them,
shares as percentages, durations in the commitment's unit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from slatui.baselines.report import duration_text
from slatui.cli.baseline_text import figure

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from slatui.baselines.measure import Value
    from slatui.baselines.report import BaselineRow
    from slatui.baselines.suggest import Target
    from slatui.baselines.whatif import Difference
    from slatui.contract.model import Contract
    from store import Version
    from store.baseline_run import Adopted, Baselines

BARS = "▁▂▃▄▅▆▇█"
NONE = "·"
INDENT = "\u00a0\u00a0"  # kept at the start of a line, where plain spaces are not
PARTIES = ("marketing", "sales", "joint", None)  # the Draft tree's order
SHORT_PARTY = {"marketing": "mkt", "sales": "sales", "joint": "joint"}
WEEK_WIDTH = 5
MAX_WEEKS = 6  # a pilot of up to six weeks gets a column per week; longer ones the last six

# (key, label, width) of the fixed columns around the week columns.
LEAD_COLUMNS = (("id", "Commitment", 25), ("side", "Side", 10))
TAIL_COLUMNS = (
    ("trend", "Trend", 5),
    ("pilot", "Pilot", 6),
    ("now", "Now", 15),
    ("achievable", "Achievable", 14),
    ("stretch", "Stretch", 14),
    ("warning", "⚠", 1),
)
EXAMPLES = {
    "count": "min=3",
    "cadence": "min=2",
    "response": "within=24bh",
    "rate": "min=25%",
    "coverage": "min=95%",
}


def measure_of(row: BaselineRow) -> tuple[str, str | None]:
    """The commitment's measure and its `per` (shares read differently from counts)."""
    commitment = row.measured.commitment
    return str(getattr(commitment, "measure", "")), getattr(commitment, "per", None)


def ordered(rows: Sequence[BaselineRow], contract: Contract) -> list[BaselineRow]:
    """By tier as the agreement lists them (all tiers last), then by party, as in Draft."""
    tiers = [t.id for t in contract.tiers]

    def place(item: tuple[int, BaselineRow]) -> tuple[int, int, int]:
        index, row = item
        commitment = row.measured.commitment
        tier = getattr(commitment, "tier", None)
        party = getattr(commitment, "party", None)
        tier_rank = tiers.index(tier) if tier in tiers else len(tiers)
        party_rank = PARTIES.index(party) if party in PARTIES else len(PARTIES)
        return tier_rank, party_rank, index

    return [row for _, row in sorted(enumerate(rows), key=place)]


def columns(weeks: Sequence[str], *, narrow: bool = False) -> list[tuple[str, str, int]]:
    """Every column: the commitment, a column per pilot week, then the figures.

    Narrow, the side and the week columns give way (the sparkline stays, and the
    detail lists every week's value), so the targets are never scrolled off.
    """
    shown = [(f"week-{i}", week_header(label), WEEK_WIDTH) for i, label in enumerate(weeks)]
    shown = shown[-MAX_WEEKS:]
    tail = [(k, t, max(w, len(shown))) if k == "trend" else (k, t, w) for k, t, w in TAIL_COLUMNS]
    if narrow:
        return [LEAD_COLUMNS[0], *tail]
    return [*LEAD_COLUMNS, *shown, *tail]


def week_header(label: str) -> str:
    """`2026-W45` → `W45`."""
    return label.rpartition("-")[2] or label


def sparkline(values: Sequence[float | None]) -> str:
    """One bar per week from zero to the highest week; `·` for a week with no value."""
    known = [v for v in values if v is not None]
    top = max(known, default=0.0)
    out = []
    for value in values:
        if value is None:
            out.append(NONE)
        elif top <= 0:
            out.append(BARS[0])
        else:
            out.append(BARS[round(max(value, 0.0) / top * (len(BARS) - 1))])
    return "".join(out)


def week_cell(row: BaselineRow, value: Value) -> str:
    """A week's value as the measure reads it; `·` for none, `*` while the week runs."""
    if value.actual is None:
        return NONE
    measure, per = measure_of(row)
    return figure(measure, per, value.actual) + ("" if value.closed else "*")


def side_text(row: BaselineRow) -> str:
    """`mkt · t2`: whose commitment, for which tier."""
    commitment = row.measured.commitment
    party = getattr(commitment, "party", None)
    tier = getattr(commitment, "tier", None) or "all"
    return f"{SHORT_PARTY.get(str(party), party or '?')} · {tier}"


def _pct(value: object) -> str:
    return f"{float(str(value)) * 100:.3g}%"


def current_text(row: BaselineRow) -> str:
    """The draft's target in a few characters: `2–3`, `≥1`, `8bh · 90%`, `≥95%`."""
    commitment: Any = row.measured.commitment
    keys = row.current()
    measure, per = measure_of(row)
    if measure == "count":
        low, high = keys.get("min"), keys.get("max")
        text = (
            f"{low}–{high}"
            if low is not None and high is not None
            else f"≥{low}"
            if low is not None
            else f"≤{high}"
            if high is not None
            else ""
        )
        if per and "share" in keys:
            text += f" · {_pct(keys['share'])}"
    elif measure == "cadence":
        text = f"≥{keys['min']}" if "min" in keys else ""
    elif measure == "response":
        within = keys.get("within")
        text = f"{within or '?'} · {_pct(keys.get('on_time', 1.0))}"
    elif measure == "rate":
        text = f"≥{_pct(keys['min'])}" if "min" in keys else ""
        if "within" in keys:
            text += f" · {keys['within']}"
    elif measure == "coverage":
        text = f"≥{_pct(keys['min'])}" if "min" in keys else ""
    else:
        text = "tracked"
    if getattr(commitment, "directional", False):
        text = f"{text} ~dir".strip()
    return text or "—"


def target_text(target: Target | None) -> str:
    """A suggestion as the contract says it, shortened to fit its column."""
    if target is None:
        return "—"
    return target.text.replace("at least ", "≥ ")


def row_cells(row: BaselineRow, weeks_shown: int, *, narrow: bool = False) -> list[str]:
    """One table row, in `columns` order; a figure measured only now (coverage) has no weeks."""
    cells = _row_cells(row, weeks_shown)
    if narrow:
        return [cells[0], *cells[2 + min(weeks_shown, MAX_WEEKS) :]]
    return cells


def _row_cells(row: BaselineRow, weeks_shown: int) -> list[str]:
    weeks = row.measured.weeks[-MAX_WEEKS:]
    cells = [week_cell(row, w) for w in weeks]
    shown = min(weeks_shown, MAX_WEEKS)
    cells = [*cells, *([""] * (shown - len(cells)))][:shown]
    measure, per = measure_of(row)
    pilot = row.measured.pilot
    return [
        row.ident,
        side_text(row),
        *cells,
        sparkline([w.actual for w in weeks]) if weeks else "now",
        figure(measure, per, pilot.actual) if pilot.actual is not None else NONE,
        current_text(row),
        target_text(row.suggestion.achievable),
        target_text(row.suggestion.stretch),
        "⚠" if row.suggestion.warning else "",
    ]


def head_text(found: Baselines, zone: ZoneInfo) -> str:
    """Which draft, which pilot, as of when (the judged moment)."""
    version = found.version
    pilot = version.contract.pilot
    span = ""
    if pilot is not None:
        last = pilot.end - dt.timedelta(days=1)
        span = f" · pilot {pilot.start:%-d %b} → {last:%-d %b %Y}"
    moment = found.as_of.astimezone(zone).strftime("%-d %b %H:%M %Z")  # the year is in the span
    running = any(not w.closed for row in found.rows for w in row.measured.weeks)
    note = " · * week so far" if running else ""
    what = f"Baselines of v{version.number} ({version.status})"
    if version.status == "agreed":
        what = f"Baselines of v{version.number} (agreed: adopting starts v{version.number + 1})"
    return f"{what}{span} · as of {moment}{note}"


def detail_text(row: BaselineRow) -> str:
    """The highlighted commitment: what it promises now, what the pilot measured, and why."""
    commitment: Any = row.measured.commitment
    measure, per = measure_of(row)
    period = getattr(commitment, "period", None)
    kind = measure + (f" per {period}" if period else "") + (" per account" if per else "")
    now = ", ".join(f"{k} {v}" for k, v in row.current().items()) or "no target"
    if getattr(commitment, "directional", False):
        now += " (directional)"
    lines = [f"{row.ident} · {kind}", f"now: {now}"]
    weekly = " · ".join(
        f"{week_header(w.label)} {figure(measure, per, w.actual)}"
        + ("" if w.basis is None else f" ({w.basis})")
        + ("" if w.closed else " so far")
        for w in row.measured.weeks
    )
    pilot = row.measured.pilot
    items = "" if pilot.basis is None else f" ({pilot.basis} items)"
    if weekly:
        lines.append(f"weekly: {weekly}")
    lines.append(f"pilot: {figure(measure, per, pilot.actual)}{items}")
    lines += spread_lines(row)
    suggestion = row.suggestion
    for label, target in (("achievable", suggestion.achievable), ("stretch", suggestion.stretch)):
        if target is not None:
            lines += ["", f"{label}: {target.text}", f"{INDENT}{target.reasoning}"]
    if suggestion.warning:
        lines += ["", f"⚠ {suggestion.warning}"]
    if suggestion.notes:
        lines.append("")
        lines += [f"note: {note}" for note in suggestion.notes]
    return "\n".join(lines)


def spread_lines(row: BaselineRow) -> list[str]:
    """A response's elapsed times: median, p80, p90 and within what 90% / 95% were answered."""
    spread = row.measured.spread
    if spread is None or not spread.answered + spread.unanswered:
        return []
    unit = spread.unit
    return [
        f"elapsed ({spread.answered} answered, {spread.unanswered} not): "
        f"median {duration_text(spread.median, unit)} · p80 {duration_text(spread.p80, unit)}"
        f" · p90 {duration_text(spread.p90, unit)}",
        f"90% within {duration_text(spread.within_90, unit)} · "
        f"95% within {duration_text(spread.within_95, unit)}",
    ]


def whatif_placeholder(row: BaselineRow | None) -> str:
    """An example of what to type for this commitment's measure."""
    if row is None:
        return "key=value"
    measure, _ = measure_of(row)
    return f"key=value, e.g. {EXAMPLES.get(measure, 'min=1')}"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.4g}"


def whatif_text(
    differences: Sequence[Difference], rows: Sequence[BaselineRow] = (), limit: int = 12
) -> str:
    """Draft beside what-if for each commitment that changes, then the items that move.

    Figures read as their measure does (`rows` says which measure each one is).
    """
    if not differences:
        return "Nothing changes: every status and item stays as the draft has it."
    kinds = {row.ident: measure_of(row) for row in rows}
    lines: list[str] = []
    for diff in differences:
        before, after = diff.before, diff.after
        kind = kinds.get(diff.commitment, ("", None))
        keys = f" (set {', '.join(diff.changed_keys)})" if diff.changed_keys else ""
        lines.append(f"{diff.commitment}{keys}")
        lines.append(_side("draft", kind, before.status, before.actual, before.target))
        lines.append(_side("what if", kind, after.status, after.actual, after.target))
        for item in diff.items[:limit]:
            lines.append(f"{INDENT * 2}{item.key}: {_said(item.before)} → {_said(item.after)}")
        if len(diff.items) > limit:
            lines.append(f"{INDENT * 2}… and {len(diff.items) - limit} more items")
    return "\n".join(lines)


def _side(
    label: str,
    kind: tuple[str, str | None],
    status: str,
    actual: float | None,
    target: float | None,
) -> str:
    """One side of a what-if: status, the figure and its target, as the measure reads them."""
    measure, per = kind
    status = _said(status)
    if not measure:
        return f"{INDENT}{label:8}{status:10}{_number(actual)} / {_number(target)}"
    shown = f"{figure(measure, per, actual)} (target {figure(measure, per, target)})"
    return f"{INDENT}{label:8}{status:10}{shown}"


def _said(state: str) -> str:
    """`on_time` → `on time`, as the Compliance screen says it."""
    return state.replace("_", " ")


def values_text(values: dict[str, object]) -> str:
    """`min 8, max 8`."""
    return ", ".join(f"{k} {v}" for k, v in values.items()) or "nothing"


def adopt_change(row: BaselineRow, values: dict[str, object]) -> str:
    """`min 2 → 8, max 3 → 8`: each key adopted, from the draft's value to the new one."""
    current = row.current()
    return ", ".join(f"{k} {current.get(k, 'unset')} → {v}" for k, v in values.items())


def adopted_text(ident: str, adopted: Adopted) -> str:
    """What the notification says once the draft has it."""
    started = " (a new draft version)" if adopted.started_draft else ""
    text = (
        f"{ident}: {values_text(adopted.values)} in v{adopted.version.number}{started}; "
        f"measured {adopted.measured_text}."
    )
    if adopted.own_text:  # adopting never rewrites the pair's own sentence
        text += f' Check the clause\'s own words: "{adopted.own_text}"'
    return text


@dataclass(frozen=True)
class AdoptQuestion:
    """What the modal shows: the commitment, the change, the reasoning, the version's state."""

    ident: str
    kind: str
    target_text: str
    change: str
    reasoning: str
    version_label: str
    status: str
    signed: tuple[str, ...]

    @property
    def consequence(self) -> str:
        """What adopting does to the version and its signatures."""
        if self.status == "agreed":
            return (
                f"{self.version_label} is agreed and read-only: adopting starts a new draft "
                "version from it, without signatures; both parties sign again."
            )
        if self.signed:
            who = " and ".join(self.signed)
            return (
                f"{who} signed {self.version_label}: adopting changes it, so the signature "
                "goes stale and both parties sign again."
            )
        return f"The target goes into draft {self.version_label}, with the pilot's evidence."


def adopt_question(row: BaselineRow, kind: str, target: Target, version: Version) -> AdoptQuestion:
    """What the confirmation shows before `target` goes into `version` (or a new draft)."""
    signed = tuple(s.party for s in version.signatures if s.valid)
    return AdoptQuestion(
        ident=row.ident,
        kind=kind,
        target_text=target.text,
        change=adopt_change(row, target.values),
        reasoning=target.reasoning,
        version_label=f"v{version.number}",
        status=version.status,
        signed=signed,
    )
