"""Rates (cohorts converting within a window) and tracked figures, worked out by hand.

November 2026 in New York is [1 Nov 04:00 UTC, 1 Dec 05:00 UTC); the judgement is
as of 3 Dec 2026 15:00 UTC unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from slatui.compliance.conversion import measure_rate, measure_track
from slatui.compliance.volume import Window
from slatui.contract import load_file
from slatui.contract.model import RateCommitment, TrackCommitment
from slatui.pilot.records import AccountRecord, EventRecord
from slatui.workcal import WorkCalendar
from store import BatchMeta, Store

ROOT = Path(__file__).resolve().parents[1]
UTC = dt.UTC
NOV = dt.datetime(2026, 11, 1, 4, tzinfo=UTC)
DEC = dt.datetime(2026, 12, 1, 5, tzinfo=UTC)
AS_OF = dt.datetime(2026, 12, 3, 15, tzinfo=UTC)
CAL = WorkCalendar.from_contract(load_file(ROOT / "sample.toml"))


def at(month: int, day: int) -> dt.datetime:
    return dt.datetime(2026, month, day, 12, tzinfo=UTC)


ACCOUNTS = (AccountRecord("acme", tier="t1"), AccountRecord("hooli", tier="t3"))
EVENTS = (
    EventRecord(at(10, 20), "sal_notified", account="acme", lead="S0"),  # October's cohort
    EventRecord(at(11, 5), "opportunity_created", account="acme", lead="S0"),
    EventRecord(at(11, 3), "sal_notified", account="acme", lead="S1"),
    EventRecord(at(11, 20), "opportunity_created", account="acme", lead="S1"),  # 17 days on
    EventRecord(at(11, 10), "sal_notified", account="acme", lead="S2"),  # never converts
    EventRecord(at(11, 12), "sal_notified", account="acme", lead="S3"),
    EventRecord(at(12, 1), "opportunity_created", account="acme", lead="S3"),  # 19 days on
    EventRecord(at(11, 5), "spend", account="acme", quantity=1000),
    EventRecord(at(11, 6), "spend", account="hooli", quantity=500),
    # Deals: D1 opened 1 Oct, won 10 Nov (40 days); D2 opened 2 Nov, lost 12 Nov (10 days).
    EventRecord(at(10, 1), "opportunity_created", account="acme", lead="D1"),
    EventRecord(at(11, 10), "closed_won", account="acme", lead="D1"),
    EventRecord(at(11, 2), "opportunity_created", account="hooli", lead="D2"),
    EventRecord(at(11, 12), "closed_lost", account="hooli", lead="D2"),
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "w.db")
    opened.import_batch(BatchMeta("a.csv", "a" * 64, "accounts"), accounts=ACCOUNTS)
    opened.import_batch(BatchMeta("e.csv", "e" * 64, "events"), events=EVENTS)
    yield opened
    opened.close()


def november(state: str = "closed", as_of: dt.datetime = AS_OF) -> Window:
    return Window("2026-11", NOV, DEC, state, as_of)  # type: ignore[arg-type]


def rate(**keys: object) -> RateCommitment:
    fields: dict[str, object] = {
        "id": "t1-conv",
        "measure": "rate",
        "tier": "t1",
        "numerator": "opportunity_created",
        "denominator": "sal_notified",
        "within": "90d",
        "min": 0.2,
    }
    return RateCommitment.model_validate(fields | keys)


def test_the_cohort_is_the_periods_sals_and_later_conversions_count(store: Store) -> None:
    # Cohort: S1, S2, S3 (S0 is October's, its conversion in November is not ours).
    # S1 converted 20 Nov and S3 on 1 Dec (after November, before the judgement, within
    # 90 days); S2's 90 days run to February: pending. 2 of 3.
    figure = measure_rate(rate(), november(), store, CAL)
    assert figure.actual == pytest.approx(2 / 3)
    assert (figure.status, figure.target) == ("met", 0.2)
    assert figure.reason == "2 of 3 converted, 1 may still"


def test_a_closed_period_with_pending_members_is_at_risk_until_it_cannot_reach(
    store: Store,
) -> None:
    # Min 0.9: 2/3 now, 3/3 if S2 converts: at risk, not missed.
    assert measure_rate(rate(min=0.9), november(), store, CAL).status == "at_risk"


def test_a_conversion_after_the_window_does_not_count(store: Store) -> None:
    # Within 7 days: S1 converted after 17 days, S3 after 19, S2 never, and every
    # window (10, 17, 19 Nov) has run out by 3 Dec: 0 of 3, nothing pending: missed.
    figure = measure_rate(rate(within="7d"), november(), store, CAL)
    assert (figure.status, figure.actual) == ("missed", 0.0)


def test_as_of_mid_november_later_events_do_not_exist_yet(store: Store) -> None:
    # As of 15 Nov 12:00 UTC: S1, S2, S3 notified; S1's conversion (20 Nov) and S3's
    # (1 Dec) have not happened: 0 of 3, all pending; the current month is at risk.
    early = november("current", dt.datetime(2026, 11, 15, 12, tzinfo=UTC))
    figure = measure_rate(rate(), early, store, CAL)
    assert (figure.status, figure.actual, figure.reason) == (
        "at_risk",
        0.0,
        "0 of 3 converted, 3 may still",
    )


def track(metric: str, tier: str | None = "t1") -> TrackCommitment:
    return TrackCommitment.model_validate(
        {"id": f"t-{metric}", "measure": "track", "metric": metric, "tier": tier}
    )


def test_deal_cycle_is_the_median_of_deals_decided_in_the_period(store: Store) -> None:
    # All tiers: D1 40 days, D2 10 days: median 25. Tier 1 only: D1, 40.
    all_tiers = measure_track(track("deal_cycle_days", None), november(), store)
    assert (all_tiers.status, all_tiers.actual) == ("tracked", 25.0)
    assert measure_track(track("deal_cycle_days"), november(), store).actual == 40.0


def test_win_rate_of_the_tier_against_the_rest(store: Store) -> None:
    figure = measure_track(track("win_rate"), november(), store)
    # Tier 1: D1 won, 1 of 1; the rest: D2 (hooli, tier 3) lost, 0 of 1.
    assert (figure.actual, figure.reason) == (1.0, "1 won of 1; the rest: 0 won of 1")


def test_cost_per_sal(store: Store) -> None:
    # All tiers: 1,000 + 500 spent in November over 3 SALs (S1, S2, S3): 500 each.
    figure = measure_track(track("cost_per_sal", None), november(), store)
    assert (figure.status, figure.actual) == ("tracked", 500.0)
    # Tier 3 had spend but no SAL: no data, not a division by zero.
    assert measure_track(track("cost_per_sal", "t3"), november(), store).status == "no_data"
