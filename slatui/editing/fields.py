"""Which fields a clause has in the editor, and of which kind.

The Draft screen picks a widget per kind (a select for a choice, an input
validated as a duration, a switch for a flag); keeping the catalogue here,
free of Textual, lets the same rules be tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from slatui.contract.model import ESCALATION_KINDS, MEASURES, Contract
from slatui.contract.types import SENIORITIES, WEEKDAYS
from slatui.editing.nodes import NodeRef

Kind = Literal[
    "text", "number", "share", "duration", "choice", "list", "events", "event", "bool", "date"
]

PARTIES = ("marketing", "sales", "joint")
PERIODS = ("week", "month", "quarter")
ACCOUNT_FIELDS = ("owner", "industry", "employees", "country", "domain")


@dataclass(frozen=True)
class FieldSpec:
    """One editable field of a clause: its key (dotted inside the clause) and kind."""

    key: str
    label: str
    kind: Kind
    choices: tuple[str, ...] = ()
    optional: bool = True
    help: str = ""


def _f(
    key: str, label: str, kind: Kind, *choices: str, optional: bool = True, help: str = ""
) -> FieldSpec:
    return FieldSpec(key, label, kind, tuple(choices), optional, help)


DURATION_HELP = "a number and a unit: m, h, d (wall clock) or bm, bh, bd (business time)"
SHARE_HELP = "a fraction (0.95) or a percentage (95%)"

AGREEMENT = [
    _f("title", "Title", "text", optional=False),
    _f("effective", "Effective from", "date", optional=False, help="YYYY-MM-DD"),
    _f("ends", "Ends", "date", help="YYYY-MM-DD, empty: until replaced"),
    _f("timezone", "Time zone", "text", optional=False, help="IANA name, e.g. America/New_York"),
    _f("fiscal_year_start", "Fiscal year starts (month)", "number"),
    _f("partial_periods", "Partial periods", "choice", "prorate", "exclude", "count"),
    _f("marketing.owner", "Marketing owner", "text", optional=False),
    _f("sales.owner", "Sales owner", "text", optional=False),
]

CALENDAR = [
    _f("days", "Working days", "list", optional=False, help=", ".join(WEEKDAYS)),
    _f("hours", "Working hours", "list", optional=False, help="e.g. 09:00-12:00, 13:00-17:00"),
    _f("holidays", "Public holidays of", "text", help="country code, e.g. US, GB, DE"),
    _f("extra_holidays", "Extra holidays", "list", help="dates, e.g. 2027-12-24, 2027-12-31"),
]

SAL = [
    _f("min_seniority", "Minimum seniority", "choice", *SENIORITIES),
    _f("functions", "Functions", "list", help="e.g. marketing, sales, it"),
    _f("tiers", "Tiers", "list"),
    _f("interest_signals", "Interest signals", "events"),
    _f("touchpoints.min", "Touchpoints: at least", "number"),
    _f("touchpoints.within", "Touchpoints: within", "duration", help=DURATION_HELP),
    _f("touchpoints.types", "Touchpoint types", "events"),
    _f("firmographics.min_employees", "Employees: at least", "number"),
    _f("firmographics.max_employees", "Employees: at most", "number"),
    _f("firmographics.industries", "Industries", "list"),
    _f("firmographics.countries", "Countries", "list"),
]

TIER = [
    _f("id", "Id", "text", optional=False),
    _f("name", "Name", "text", optional=False),
    _f("description", "Description", "text"),
]

COMMITMENT_HEAD = [
    _f("id", "Id", "text", optional=False),
    _f("measure", "Measure", "choice", *MEASURES, optional=False),
    _f("party", "Owed by", "choice", *PARTIES),
    _f("tier", "Tier", "choice"),
]
COMMITMENT_TAIL = [
    _f("text", "In words", "text", help="the sentence in the contract; generated when empty"),
    _f("directional", "Directional (no number agreed yet)", "bool"),
]

MEASURE_FIELDS: dict[str, list[FieldSpec]] = {
    "count": [
        _f("event", "Event(s)", "events", optional=False),
        _f("period", "Per", "choice", *PERIODS),
        _f("min", "At least", "number"),
        _f("max", "At most", "number"),
        _f("per", "For each", "choice", "account"),
        _f("share", "Share of accounts", "share", help=SHARE_HELP),
    ],
    "response": [
        _f("start", "Clock starts on", "event", optional=False),
        _f("stop", "Clock stops on", "events", optional=False),
        _f("within", "Within", "duration", help=DURATION_HELP),
        _f("on_time", "On time at least", "share", help=SHARE_HELP),
        _f("warn_before", "At risk before", "duration", help=DURATION_HELP),
        _f("period", "Reported per", "choice", *PERIODS),
    ],
    "cadence": [
        _f("event", "Deliverable event(s)", "events", optional=False),
        _f("period", "Every", "choice", *PERIODS),
        _f("min", "At least", "number"),
        _f("per", "For each", "choice", "account"),
    ],
    "rate": [
        _f("numerator", "Numerator event(s)", "events", optional=False),
        _f("denominator", "Denominator event", "event", optional=False),
        _f("within", "Within", "duration", help=DURATION_HELP),
        _f("min", "At least", "share", help=SHARE_HELP),
        _f("period", "Cohort per", "choice", *PERIODS),
    ],
    "coverage": [
        _f("field", "Account field", "choice", *ACCOUNT_FIELDS, optional=False),
        _f("min", "Share of accounts", "share", help=SHARE_HELP),
    ],
    "track": [
        _f(
            "metric",
            "Metric",
            "choice",
            "deal_cycle_days",
            "win_rate",
            "cost_per_sal",
            optional=False,
        ),
        _f("period", "Per", "choice", *PERIODS),
    ],
}

ESCALATION_HEAD = [
    _f("id", "Id", "text", optional=False),
    _f("when", "When", "choice", *ESCALATION_KINDS, optional=False),
    _f("raised_by", "Raised by", "choice", *PARTIES, optional=False),
    _f("to", "Goes to", "text", optional=False),
]
ESCALATION_FIELDS: dict[str, list[FieldSpec]] = {
    "overdue": [
        _f("commitment", "Response commitment", "choice", optional=False),
        _f("after", "Open after", "duration", optional=False, help=DURATION_HELP),
    ],
    "missed": [
        _f("commitment", "Commitment", "choice", optional=False),
        _f("consecutive", "Closed periods in a row", "number"),
    ],
    "engaged_unanswered": [
        _f("min_touches", "Touches at least", "number", optional=False),
        _f("window", "Within", "duration", optional=False, help=DURATION_HELP),
        _f("after", "No sales touch after", "duration", optional=False, help=DURATION_HELP),
        _f("tier", "Tier", "choice"),
        _f("sales_touches", "Sales touches", "events"),
        _f("commitment", "Covers commitment", "choice"),
    ],
    "engaged_no_conversion": [
        _f("min_touches", "Touches at least", "number", optional=False),
        _f("window", "Within", "duration", optional=False, help=DURATION_HELP),
        _f("after", "No opportunity after", "duration", optional=False, help=DURATION_HELP),
        _f("tier", "Tier", "choice"),
        _f("commitment", "Covers commitment", "choice"),
    ],
    "rejected_share": [
        _f("min", "Rejected share at least", "share", optional=False, help=SHARE_HELP),
        _f("period", "Per", "choice", *PERIODS),
        _f("commitment", "Covers commitment", "choice"),
    ],
}
ESCALATION_TAIL = [_f("text", "In words", "text")]

REVIEWS = [
    _f("weekly", "Weekly review", "text"),
    _f("monthly", "Monthly review", "text"),
    _f("quarterly", "Quarterly review", "text"),
]

PILOT = [
    _f("start", "Starts", "date", optional=False, help="YYYY-MM-DD, a Monday is easiest"),
    _f("weeks", "Weeks", "number"),
]


def fields_for(contract: Contract, node: NodeRef) -> list[FieldSpec]:
    """The fields the editor shows for a clause, with choices filled from the contract."""
    specs = _static_fields(contract, node)
    tiers = tuple(t.id for t in contract.tiers)
    commitments = tuple(c.id for c in contract.commitments)
    out = []
    for spec in specs:
        if spec.key == "tier" and spec.kind == "choice":
            spec = FieldSpec(spec.key, spec.label, spec.kind, tiers, True, "empty: all tiers")
        elif spec.key == "commitment":
            spec = FieldSpec(spec.key, spec.label, spec.kind, commitments, spec.optional, spec.help)
        out.append(spec)
    return out


def _static_fields(contract: Contract, node: NodeRef) -> list[FieldSpec]:
    fixed = {
        "agreement": AGREEMENT,
        "calendar": CALENDAR,
        "sal": SAL,
        "tier": TIER,
        "reviews": REVIEWS,
        "pilot": PILOT,
    }
    if node.section in fixed:
        return fixed[node.section]
    index = node.index_in(contract)
    if index is None:
        return []
    if node.section == "commitment":
        measure = contract.commitments[index].measure
        return [*COMMITMENT_HEAD, *MEASURE_FIELDS[measure], *COMMITMENT_TAIL]
    if node.section == "escalation":
        kind = contract.escalations[index].when
        return [*ESCALATION_HEAD, *ESCALATION_FIELDS[kind], *ESCALATION_TAIL]
    return []
