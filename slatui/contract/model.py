"""The agreement as data: every clause of a contract file (format 1).

Models are frozen and forbid unknown keys, because a misspelt key silently
dropped is a commitment silently lost. Numeric targets, periods and owners are
optional in the model on purpose: a vague commitment is legal TOML that the
linter flags, not a parse error, so the workshop can write it down first.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from slatui.contract.errors import ClauseError
from slatui.contract.types import (
    Count,
    DurationField,
    EventType,
    HolidayCountry,
    Ident,
    Measurement,
    Party,
    Period,
    Seniority,
    Share,
    TimeRangeField,
    TimeZoneName,
    UtcDateTime,
    Weekday,
)

Text = Annotated[str, StringConstraints(min_length=1)]
Events = EventType | list[EventType]


class Model(BaseModel):
    """Base of all clauses: frozen, strict about types, no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PartyInfo(Model):
    """One side of the agreement; the owner is a person or a role."""

    owner: Text


class Agreement(Model):
    """Title, dates and the zone that places the calendar and the periods."""

    title: Text
    effective: dt.date
    ends: dt.date | None = None
    timezone: TimeZoneName
    fiscal_year_start: Annotated[int, Field(ge=1, le=12)] = 1
    partial_periods: Literal["prorate", "exclude", "count"] = "prorate"
    marketing: PartyInfo
    sales: PartyInfo

    @model_validator(mode="after")
    def _ends_after_effective(self) -> Agreement:
        if self.ends is not None and self.ends < self.effective:
            raise ClauseError(
                "ends",
                f"{self.ends} is before effective ({self.effective}); "
                "the agreement must end after it starts",
            )
        return self


class Calendar(Model):
    """The working calendar that business clocks (bm, bh, bd) count in."""

    days: Annotated[list[Weekday], Field(min_length=1)]
    hours: Annotated[list[TimeRangeField], Field(min_length=1)]
    holidays: HolidayCountry | None = None
    extra_holidays: list[dt.date] = []
    hours_by_day: dict[Weekday, list[TimeRangeField]] = {}


class Tier(Model):
    """A tier of the target account list; accounts carry its id."""

    id: Ident
    name: Text
    description: Text | None = None


class Touchpoints(Model):
    """How much engagement makes a contact a candidate SAL."""

    min: Annotated[int, Field(ge=0)]
    within: DurationField
    types: list[EventType] = []


class Firmographics(Model):
    """Size, industry and geography filters; empty means any."""

    min_employees: Annotated[int, Field(ge=0)] | None = None
    max_employees: Annotated[int, Field(ge=0)] | None = None
    industries: list[Text] = []
    countries: list[Text] = []

    @model_validator(mode="after")
    def _range(self) -> Firmographics:
        low, high = self.min_employees, self.max_employees
        if low is not None and high is not None and high < low:
            raise ClauseError(
                "max_employees", f"{high} is below min_employees ({low}): the range is reversed"
            )
        return self


class SalDefinition(Model):
    """What a sales-accepted lead is, in terms the audit can check."""

    min_seniority: Seniority | None = None
    functions: list[Text] = []
    tiers: list[Ident] = []
    interest_signals: list[EventType] = []
    touchpoints: Touchpoints | None = None
    firmographics: Firmographics | None = None
    titles: dict[Seniority, list[Text]] = {}


class Baseline(Model):
    """Where an adopted number came from: the pilot it was measured over, and who took it.

    Written by `slatui baseline adopt`, never by hand. It is content, not a
    signature: the parties sign the number together with its evidence, so
    adopting a baseline after signing makes the signatures stale.
    """

    pilot_start: dt.date
    pilot_weeks: Annotated[int, Field(ge=1, le=52)]
    measured: Measurement
    measured_text: Text
    suggestion: Literal["achievable", "stretch", "value"]
    adopted_by: Text
    adopted_at: UtcDateTime

    @property
    def pilot_end(self) -> dt.date:
        """The last day of the pilot window (inclusive)."""
        return self.pilot_start + dt.timedelta(weeks=self.pilot_weeks, days=-1)


class CommitmentBase(Model):
    """What every commitment carries: who owes it, for which tier, in words."""

    id: Ident
    party: Party | None = None
    tier: Ident | None = None
    text: Text | None = None
    directional: bool = False
    baseline: Baseline | None = None


class CountCommitment(CommitmentBase):
    """Events of a type per period, at least `min` (and at most `max`)."""

    measure: Literal["count"]
    event: Events
    period: Period | None = None
    min: Count | None = None
    max: Count | None = None
    per: Literal["account"] | None = None
    share: Share | None = None

    @model_validator(mode="after")
    def _check(self) -> CountCommitment:
        if self.min is not None and self.max is not None and self.max < self.min:
            raise ClauseError("max", f"{self.max} is below min ({self.min}): the range is reversed")
        if self.share is not None and self.per is None:
            raise ClauseError(
                "share", 'a share of accounts needs per = "account"; add it, or remove share'
            )
        return self


class ResponseCommitment(CommitmentBase):
    """From each start event to the first stop event, within a duration."""

    measure: Literal["response"]
    start: EventType
    stop: Annotated[list[EventType], Field(min_length=1)]
    within: DurationField | None = None
    on_time: Share = 1.0
    warn_before: DurationField | None = None
    period: Period = "month"

    @model_validator(mode="after")
    def _check(self) -> ResponseCommitment:
        if self.start in self.stop:
            raise ClauseError("stop", f'"{self.start}" is both the start and a stop event')
        warn, within = self.warn_before, self.within
        if (
            warn is not None
            and within is not None
            and _comparable(warn, within)
            and _length(warn) >= _length(within)
        ):
            raise ClauseError(
                "warn_before",
                f"{warn} is not shorter than within ({within}); the warning must come first",
            )
        return self


class CadenceCommitment(CommitmentBase):
    """A deliverable at least `min` times each period (optionally per account)."""

    measure: Literal["cadence"]
    event: Events
    period: Period | None = None
    min: Annotated[int, Field(ge=1)] = 1
    per: Literal["account"] | None = None


class RateCommitment(CommitmentBase):
    """Numerator over denominator events of the period's cohort, within a window."""

    measure: Literal["rate"]
    numerator: Events
    denominator: EventType
    within: DurationField | None = None
    min: Share | None = None
    period: Period = "quarter"


class CoverageCommitment(CommitmentBase):
    """Share of the tier's accounts with a property set."""

    measure: Literal["coverage"]
    field: Literal["owner", "industry", "employees", "country", "domain"]
    min: Share | None = None


class TrackCommitment(CommitmentBase):
    """A figure shown with its trend and no target."""

    measure: Literal["track"]
    metric: Literal["deal_cycle_days", "win_rate", "cost_per_sal"]
    period: Period = "month"


Commitment = Annotated[
    CountCommitment
    | ResponseCommitment
    | CadenceCommitment
    | RateCommitment
    | CoverageCommitment
    | TrackCommitment,
    Field(discriminator="measure"),
]

MEASURES: tuple[str, ...] = ("count", "response", "cadence", "rate", "coverage", "track")


class EscalationBase(Model):
    """Who raises it, and to whom it goes."""

    id: Ident
    raised_by: Party
    to: Text
    text: Text | None = None


class OverdueEscalation(EscalationBase):
    """An item of a response commitment still open `after` its start."""

    when: Literal["overdue"]
    commitment: Ident
    after: DurationField


class MissedEscalation(EscalationBase):
    """A commitment missed in `consecutive` closed periods."""

    when: Literal["missed"]
    commitment: Ident
    consecutive: Annotated[int, Field(ge=1)] = 2


class EngagedUnansweredEscalation(EscalationBase):
    """An account engaged `min_touches` times within `window`, no sales touch within `after`."""

    when: Literal["engaged_unanswered"]
    min_touches: Annotated[int, Field(ge=1)]
    window: DurationField
    after: DurationField
    tier: Ident | None = None
    sales_touches: list[EventType] = []
    commitment: Ident | None = None


class EngagedNoConversionEscalation(EscalationBase):
    """The same engagement, and no opportunity within `after`."""

    when: Literal["engaged_no_conversion"]
    min_touches: Annotated[int, Field(ge=1)]
    window: DurationField
    after: DurationField
    tier: Ident | None = None
    commitment: Ident | None = None


class RejectedShareEscalation(EscalationBase):
    """At least `min` of a period's SALs rejected by sales."""

    when: Literal["rejected_share"]
    min: Share
    period: Period = "month"
    commitment: Ident | None = None


Escalation = Annotated[
    OverdueEscalation
    | MissedEscalation
    | EngagedUnansweredEscalation
    | EngagedNoConversionEscalation
    | RejectedShareEscalation,
    Field(discriminator="when"),
]

ESCALATION_KINDS: tuple[str, ...] = (
    "overdue",
    "missed",
    "engaged_unanswered",
    "engaged_no_conversion",
    "rejected_share",
)


class Reviews(Model):
    """The review cadence and what each review looks at."""

    weekly: Text | None = None
    monthly: Text | None = None
    quarterly: Text | None = None


class Pilot(Model):
    """The trial run whose measurements become the baselines."""

    start: dt.date
    weeks: Annotated[int, Field(ge=1, le=52)] = 4

    @property
    def end(self) -> dt.date:
        """The first day after the pilot."""
        return self.start + dt.timedelta(weeks=self.weeks)


class Signoff(Model):
    """A party's signature, bound to the digest of the content it signed."""

    party: Literal["marketing", "sales"]
    name: Text
    signed_at: UtcDateTime
    digest: Annotated[str, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")]


class Contract(Model):
    """A whole agreement, as stored in a workspace version or a TOML file."""

    format: Literal[1]
    agreement: Agreement
    calendar: Calendar
    tiers: Annotated[list[Tier], Field(min_length=1)]
    sal: SalDefinition | None = None
    commitments: list[Commitment] = []
    escalations: list[Escalation] = []
    reviews: Reviews | None = None
    pilot: Pilot | None = None
    signoffs: list[Signoff] = []

    def commitment(self, commitment_id: str) -> Commitment | None:
        """The commitment with this id, if any."""
        return next((c for c in self.commitments if c.id == commitment_id), None)

    def tier(self, tier_id: str) -> Tier | None:
        """The tier with this id, if any."""
        return next((t for t in self.tiers if t.id == tier_id), None)


def _comparable(a: object, b: object) -> bool:
    from slatui.duration import Duration

    assert isinstance(a, Duration) and isinstance(b, Duration)
    return a.is_business == b.is_business and (a.unit in ("d", "bd")) == (b.unit in ("d", "bd"))


def _length(duration: object) -> int:
    from slatui.duration import Duration

    assert isinstance(duration, Duration)
    return duration.whole if duration.unit in ("d", "bd") else duration.seconds
