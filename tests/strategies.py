"""Hypothesis strategies for valid contracts, for round-trip properties.

Every generated contract passes the loader's own checks (ids unique, every
reference resolves, windows do not overlap, ranges are not reversed), so a
failure in a property is a bug in the canonical form, not in the strategy.
The values lean on what breaks TOML round trips: text that needs escaping,
fractional durations in every unit, floats such as -0.0 and 1e-07, integral
floats where integers are allowed, dict keys out of order, datetimes with
offsets and microseconds.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from slatui.contract.model import (
    Agreement,
    CadenceCommitment,
    Calendar,
    Contract,
    CountCommitment,
    CoverageCommitment,
    EngagedNoConversionEscalation,
    EngagedUnansweredEscalation,
    Firmographics,
    MissedEscalation,
    OverdueEscalation,
    PartyInfo,
    Pilot,
    RateCommitment,
    RejectedShareEscalation,
    ResponseCommitment,
    Reviews,
    SalDefinition,
    Signoff,
    Tier,
    Touchpoints,
    TrackCommitment,
)
from slatui.contract.types import Party, Period, Seniority, TimeRange, Weekday
from slatui.duration import UNITS, Duration

# Characters that TOML strings must escape or that trip naive writers.
_TRICKY = ['"', "\\", "\n", "\t", "\r\n", "'''", '"""', "#", "=", "[", "]", "é", "ß", "😀", " "]
_TRICKY += ["\x7f", "\x00", "\x1b", "\u2028", "\ufeff", "字"]

texts = st.one_of(
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=24),
    st.lists(st.sampled_from([*_TRICKY, "a", "Z", "1"]), min_size=1, max_size=8).map("".join),
)
idents = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,8}", fullmatch=True)
events = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True)
dates = st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))
periods: st.SearchStrategy[Period] = st.sampled_from(typing.get_args(Period))
parties: st.SearchStrategy[Party] = st.sampled_from(typing.get_args(Party))
zones = st.sampled_from(
    ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"]
)

# Shares: fractions of 1, with the spellings of zero and one that differ in TOML.
shares = st.one_of(st.floats(0, 1, allow_nan=False), st.sampled_from([0.0, -0.0, 1.0, 0.95, 1e-07]))
# Counts: integers or floats, including integral floats (2.0) and -0.0.
counts = st.one_of(
    st.integers(0, 10**6),
    st.floats(0, 1e6, allow_nan=False),
    st.sampled_from([0.0, -0.0, 2.0, 2.5, 1e-07]),
)


@st.composite
def durations(draw: st.DrawFn) -> Duration:
    """Every unit; fractions where the unit allows them (1.5h, 0.25m), whole days."""
    unit = draw(st.sampled_from(UNITS))
    if unit in ("d", "bd"):
        return Duration.of(draw(st.integers(1, 400)), unit)
    denominator = draw(st.sampled_from([1, 2, 4, 10] if unit in ("m", "bm") else [1, 4, 8, 100]))
    amount = Decimal(draw(st.integers(1, 100_000))) / Decimal(denominator)
    return Duration.of(amount, unit)


def _window_strategy() -> st.SearchStrategy[list[TimeRange]]:
    """Disjoint windows within one day (possibly listed out of order)."""
    points = st.lists(st.integers(0, 24 * 60), min_size=2, max_size=6, unique=True).map(sorted)

    def pairs(values: list[int]) -> list[TimeRange]:
        usable = values[: len(values) // 2 * 2]
        return [TimeRange(usable[i], usable[i + 1]) for i in range(0, len(usable), 2)]

    return points.map(pairs).flatmap(lambda ranges: st.permutations(ranges).map(list))


windows = _window_strategy()


@st.composite
def calendars(draw: st.DrawFn) -> Calendar:
    days = draw(
        st.lists(st.sampled_from(typing.get_args(Weekday)), min_size=1, max_size=7, unique=True)
    )
    override_days = draw(st.lists(st.sampled_from(days), unique=True, max_size=len(days)))
    return Calendar(
        days=days,
        hours=draw(windows),
        holidays=draw(st.none() | st.sampled_from(["US", "GB", "DE", "CA"])),
        extra_holidays=draw(st.lists(dates, max_size=3)),
        hours_by_day={day: draw(windows) for day in override_days},
    )


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    effective = draw(dates)
    ends = draw(st.none() | st.dates(effective, dt.date(2101, 12, 31)))
    return Agreement(
        title=draw(texts),
        effective=effective,
        ends=ends,
        timezone=draw(zones),
        fiscal_year_start=draw(st.integers(1, 12)),
        partial_periods=draw(st.sampled_from(["prorate", "exclude", "count"])),
        marketing=PartyInfo(owner=draw(texts)),
        sales=PartyInfo(owner=draw(texts)),
    )


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def sal_definitions(draw: st.DrawFn, tier_ids: list[str]) -> SalDefinition:
    low = draw(_optional(st.integers(0, 10**5)))
    high = draw(_optional(st.integers(low or 0, 10**6)))
    firmographics = draw(
        _optional(
            st.builds(
                Firmographics,
                min_employees=st.just(low),
                max_employees=st.just(high),
                industries=st.lists(texts, max_size=2),
                countries=st.lists(texts, max_size=2),
            )
        )
    )
    touchpoints = draw(
        _optional(
            st.builds(
                Touchpoints,
                min=st.integers(0, 20),
                within=durations(),
                types=st.lists(events, max_size=3),
            )
        )
    )
    title_keys = draw(
        st.lists(st.sampled_from(typing.get_args(Seniority)), unique=True, max_size=3)
    )
    return SalDefinition(
        min_seniority=draw(_optional(st.sampled_from(typing.get_args(Seniority)))),
        functions=draw(st.lists(texts, max_size=2)),
        tiers=draw(st.lists(st.sampled_from(tier_ids), max_size=2, unique=True)),
        interest_signals=draw(st.lists(events, max_size=2)),
        touchpoints=touchpoints,
        firmographics=firmographics,
        titles={key: draw(st.lists(texts, min_size=1, max_size=2)) for key in title_keys},
    )


def _event_or_events() -> st.SearchStrategy[str | list[str]]:
    return events | st.lists(events, min_size=1, max_size=3)


@st.composite
def _base(draw: st.DrawFn, tier_ids: list[str]) -> dict[str, Any]:
    return {
        "party": draw(_optional(parties)),
        "tier": draw(_optional(st.sampled_from(tier_ids))),
        "text": draw(_optional(texts)),
        "directional": draw(st.booleans()),
    }


@st.composite
def count_commitments(draw: st.DrawFn, cid: str, tier_ids: list[str]) -> CountCommitment:
    low, high = draw(_optional(counts)), draw(_optional(counts))
    if low is not None and high is not None and high < low:
        low, high = high, low
    per = draw(_optional(st.just("account")))
    return CountCommitment(
        id=cid,
        measure="count",
        event=draw(_event_or_events()),
        period=draw(_optional(periods)),
        min=low,
        max=high,
        per=per,
        share=draw(_optional(shares)) if per else None,
        **draw(_base(tier_ids)),
    )


@st.composite
def response_commitments(draw: st.DrawFn, cid: str, tier_ids: list[str]) -> ResponseCommitment:
    start = draw(events)
    stop = draw(st.lists(events.filter(lambda e: e != start), min_size=1, max_size=3))
    within = draw(_optional(durations()))
    warn = draw(_optional(durations()))
    probe: dict[str, Any] = {"id": "x", "measure": "response", "start": "a", "stop": ["b"]}
    try:
        ResponseCommitment(**probe, within=within, warn_before=warn)
    except ValueError:
        warn = None  # as long as within or longer: not a valid warning
    return ResponseCommitment(
        id=cid,
        measure="response",
        start=start,
        stop=stop,
        within=within,
        on_time=draw(shares),
        warn_before=warn,
        period=draw(periods),
        **draw(_base(tier_ids)),
    )


@st.composite
def cadence_commitments(draw: st.DrawFn, cid: str, tier_ids: list[str]) -> CadenceCommitment:
    return CadenceCommitment(
        id=cid,
        measure="cadence",
        event=draw(_event_or_events()),
        period=draw(_optional(periods)),
        min=draw(st.integers(1, 50)),
        per=draw(_optional(st.just("account"))),
        **draw(_base(tier_ids)),
    )


@st.composite
def rate_commitments(draw: st.DrawFn, cid: str, tier_ids: list[str]) -> RateCommitment:
    return RateCommitment(
        id=cid,
        measure="rate",
        numerator=draw(_event_or_events()),
        denominator=draw(events),
        within=draw(_optional(durations())),
        min=draw(_optional(shares)),
        period=draw(periods),
        **draw(_base(tier_ids)),
    )


@st.composite
def coverage_commitments(draw: st.DrawFn, cid: str, tier_ids: list[str]) -> CoverageCommitment:
    return CoverageCommitment(
        id=cid,
        measure="coverage",
        field=draw(st.sampled_from(["owner", "industry", "employees", "country", "domain"])),
        min=draw(_optional(shares)),
        **draw(_base(tier_ids)),
    )


@st.composite
def track_commitments(draw: st.DrawFn, cid: str, tier_ids: list[str]) -> TrackCommitment:
    return TrackCommitment(
        id=cid,
        measure="track",
        metric=draw(st.sampled_from(["deal_cycle_days", "win_rate", "cost_per_sal"])),
        period=draw(periods),
        **draw(_base(tier_ids)),
    )


COMMITMENT_STRATEGIES: dict[str, Callable[..., st.SearchStrategy[Any]]] = {
    "count": count_commitments,
    "response": response_commitments,
    "cadence": cadence_commitments,
    "rate": rate_commitments,
    "coverage": coverage_commitments,
    "track": track_commitments,
}


@st.composite
def escalation(
    draw: st.DrawFn, kind: str, eid: str, commitments: list[Any], tier_ids: list[str]
) -> Any | None:
    """An escalation of `kind` whose references resolve, or None when none can."""
    base = {
        "id": eid,
        "raised_by": draw(parties),
        "to": draw(texts),
        "text": draw(_optional(texts)),
    }
    ids = {
        "overdue": [c.id for c in commitments if c.measure == "response"],
        "missed": [c.id for c in commitments if c.measure != "track"],
        "engaged": [c.id for c in commitments if c.measure in ("response", "count")],
        "any": [c.id for c in commitments],
    }
    if kind == "overdue":
        if not ids["overdue"]:
            return None
        return OverdueEscalation(
            **base,
            when="overdue",
            commitment=draw(st.sampled_from(ids["overdue"])),
            after=draw(durations()),
        )
    if kind == "missed":
        if not ids["missed"]:
            return None
        return MissedEscalation(
            **base,
            when="missed",
            commitment=draw(st.sampled_from(ids["missed"])),
            consecutive=draw(st.integers(1, 6)),
        )
    if kind == "rejected_share":
        return RejectedShareEscalation(
            **base,
            when="rejected_share",
            min=draw(shares),
            period=draw(periods),
            commitment=draw(_optional(st.sampled_from(ids["any"]))) if ids["any"] else None,
        )
    engaged = {
        "min_touches": draw(st.integers(1, 20)),
        "window": draw(durations()),
        "after": draw(durations()),
        "tier": draw(_optional(st.sampled_from(tier_ids))),
        "commitment": draw(_optional(st.sampled_from(ids["engaged"]))) if ids["engaged"] else None,
    }
    if kind == "engaged_unanswered":
        return EngagedUnansweredEscalation(
            **base,
            **engaged,
            when="engaged_unanswered",
            sales_touches=draw(st.lists(events, max_size=3)),
        )
    return EngagedNoConversionEscalation(**base, **engaged, when="engaged_no_conversion")


KINDS = ["overdue", "missed", "engaged_unanswered", "engaged_no_conversion", "rejected_share"]

_offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
signed_times = st.datetimes(
    dt.datetime(2000, 1, 1),
    dt.datetime(2100, 1, 1),
    timezones=st.timezones() | _offsets | st.just(dt.UTC),
)


@st.composite
def signoffs(draw: st.DrawFn) -> list[Signoff]:
    chosen = draw(
        st.lists(
            st.sampled_from(typing.get_args(Signoff.model_fields["party"].annotation)),
            unique=True,
            max_size=2,
        )
    )
    return [
        Signoff(
            party=party,
            name=draw(texts),
            signed_at=draw(signed_times),
            digest="sha256:" + draw(st.from_regex(r"[0-9a-f]{64}", fullmatch=True)),
        )
        for party in chosen
    ]


@st.composite
def contracts(draw: st.DrawFn) -> Contract:
    """A valid contract; half the time with every measure and escalation kind in it."""
    tier_ids = draw(st.lists(idents, min_size=1, max_size=4, unique=True))
    tiers = [Tier(id=tid, name=draw(texts), description=draw(_optional(texts))) for tid in tier_ids]
    complete = draw(st.booleans())
    measures = list(COMMITMENT_STRATEGIES) if complete else []
    measures += draw(st.lists(st.sampled_from(list(COMMITMENT_STRATEGIES)), max_size=4))
    measures = draw(st.permutations(measures))
    commitment_ids = draw(
        st.lists(idents, min_size=len(measures), max_size=len(measures), unique=True)
    )
    commitments = [
        draw(COMMITMENT_STRATEGIES[m](cid, tier_ids))
        for m, cid in zip(measures, commitment_ids, strict=True)
    ]
    kinds = list(KINDS) if complete else []
    kinds += draw(st.lists(st.sampled_from(KINDS), max_size=3))
    escalation_ids = draw(st.lists(idents, min_size=len(kinds), max_size=len(kinds), unique=True))
    drawn = [
        draw(escalation(kind, eid, commitments, tier_ids))
        for kind, eid in zip(kinds, escalation_ids, strict=True)
    ]
    return Contract(
        format=1,
        agreement=draw(agreements()),
        calendar=draw(calendars()),
        tiers=tiers,
        sal=draw(_optional(sal_definitions(tier_ids))),
        commitments=commitments,
        escalations=[e for e in drawn if e is not None],
        reviews=draw(
            _optional(
                st.builds(
                    Reviews,
                    weekly=_optional(texts),
                    monthly=_optional(texts),
                    quarterly=_optional(texts),
                )
            )
        ),
        pilot=draw(_optional(st.builds(Pilot, start=dates, weeks=st.integers(1, 52)))),
        signoffs=draw(signoffs()),
    )
