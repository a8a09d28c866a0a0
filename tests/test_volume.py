"""Count, cadence and coverage judged on a small workspace; every figure worked out by hand.

November 2026 in New York is [1 Nov 04:00 UTC, 1 Dec 05:00 UTC). Tier 1 holds
acme, globex and initial (no events at all), tier 2 holds initech and umbrella,
tier 3 holds hooli.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest

from slatui.compliance.volume import Window, measure_count, measure_coverage
from slatui.contract.model import CadenceCommitment, CountCommitment, CoverageCommitment
from slatui.pilot.records import AccountRecord, EventRecord
from store import BatchMeta, Store

UTC = dt.UTC
NOV = dt.datetime(2026, 11, 1, 4, tzinfo=UTC)
DEC = dt.datetime(2026, 12, 1, 5, tzinfo=UTC)
AFTER = dt.datetime(2026, 12, 3, 15, tzinfo=UTC)
MID = dt.datetime(2026, 11, 16, 4, tzinfo=UTC)  # 16 Nov 00:00 EST: 15 of 30 days behind

ACCOUNTS = (
    AccountRecord("acme", tier="t1", owner="Ann"),
    AccountRecord("globex", tier="t1", owner="Bo"),
    AccountRecord("initial", tier="t1"),
    AccountRecord("initech", tier="t2", owner="Cy"),
    AccountRecord("umbrella", tier="t2"),
    AccountRecord("hooli", tier="t3"),
)


def on(day: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, 15, tzinfo=UTC)


EVENTS = (
    EventRecord(on(3), "ad_impression", account="acme", quantity=3),
    EventRecord(on(20), "ad_impression", account="acme", quantity=2),  # acme: 5 in November
    EventRecord(on(4), "ad_impression", account="globex", quantity=2),  # globex: 2
    EventRecord(on(5), "sal_notified", account="initech", lead="S1"),  # 5 Nov: first half
    EventRecord(on(25), "sal_notified", account="umbrella", lead="S2"),  # 25 Nov: second half
    EventRecord(on(6), "sal_notified", account="acme", lead="S3"),  # tier 1: not tier 2's
    EventRecord(on(9), "outbound_outreach", account="hooli"),
    EventRecord(on(10), "campaign_report", account="acme"),
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "w.db")
    opened.import_batch(BatchMeta("a.csv", "a" * 64, "accounts"), accounts=ACCOUNTS)
    opened.import_batch(BatchMeta("e.csv", "e" * 64, "events"), events=EVENTS)
    yield opened
    opened.close()


def closed(share: Fraction = Fraction(1)) -> Window:
    return Window("2026-11", NOV, DEC, "closed", AFTER, share=share)


def current() -> Window:
    return Window("2026-11", NOV, DEC, "current", MID, elapsed=Fraction(15 * 24, 30 * 24 + 1))


def sal_volume(**keys: object) -> CountCommitment:
    fields: dict[str, object] = {"id": "t2-sal", "measure": "count", "tier": "t2"}
    fields |= {"event": "sal_notified", "min": 2, "max": 3, "period": "month"} | keys
    return CountCommitment.model_validate(fields)


def test_a_range_met_missed_and_above_it(store: Store) -> None:
    # Tier 2 had 2 SALs in November (S1, S2; S3 is tier 1's): within 2-3, met.
    figure = measure_count(sal_volume(), closed(), store)
    assert (figure.status, figure.actual, figure.target, figure.above_range) == (
        "met",
        2.0,
        2.0,
        False,
    )
    # With min 3 it is missed; with max 1 (min 1) it is met above the range.
    assert measure_count(sal_volume(min=3, max=4), closed(), store).status == "missed"
    above = measure_count(sal_volume(min=1, max=1), closed(), store)
    assert (above.status, above.above_range) == ("met", True)


def test_the_current_period_keeps_pace_or_is_at_risk_never_missed(store: Store) -> None:
    # As of 16 Nov 00:00 EST only S1 (5 Nov) has happened: 1 SAL.
    # Elapsed: 15 days of a 30-day month with one extra hour (DST ended 1 Nov 02:00,
    # after the month began at 00:00 EDT): 360/721. Pace for min 2: 2 * 360/721 = 0.9986 <= 1.
    figure = measure_count(sal_volume(), current(), store)
    assert (figure.status, figure.actual) == ("on_track", 1.0)
    # Min 3: pace 3 * 360/721 = 1.498 > 1: at risk (not missed: November is not over).
    assert measure_count(sal_volume(min=3, max=4), current(), store).status == "at_risk"


def test_the_current_period_is_met_once_it_reached_the_whole_minimum(store: Store) -> None:
    # As of 16 Nov only S1: 1 SAL. With min 1 the month's minimum is already
    # reached: met (events only add up), although November is not over.
    early = measure_count(sal_volume(min=1, max=3), current(), store)
    assert (early.status, early.actual, early.target) == ("met", 1.0, 1.0)
    # Per account: acme had 3 impressions by 16 Nov (3 Nov), globex 2 (4 Nov),
    # initial 0. Min 2 for a third of the accounts: acme already reached the
    # whole month's 2, so met; min 4 for a third: acme's 3 keeps pace with
    # 4 * 360/721 = 1.997 but has not reached 4, so only on track.
    fields = {"id": "i", "measure": "count", "tier": "t1", "event": "ad_impression"}
    fields |= {"per": "account", "share": 1 / 3}
    reached = CountCommitment.model_validate(fields | {"min": 2})
    assert measure_count(reached, current(), store).status == "met"
    pacing = CountCommitment.model_validate(fields | {"min": 4})
    assert measure_count(pacing, current(), store).status == "on_track"


def test_a_cut_period_scales_its_target(store: Store) -> None:
    # Half of the month inside the window: min 3 scales to 1.5; 2 SALs meet it.
    assert measure_count(sal_volume(min=3, max=4), closed(Fraction(1, 2)), store).status == "met"


def test_a_maximum_alone(store: Store) -> None:
    # Tier 3 promised no outbound outreach; hooli got one on 9 Nov.
    no_outreach = CountCommitment.model_validate(
        {"id": "t3", "measure": "count", "tier": "t3", "event": "outbound_outreach", "max": 0}
    )
    assert measure_count(no_outreach, closed(), store).status == "missed"
    assert measure_count(no_outreach, current(), store).status == "at_risk"


def test_per_account_every_account_of_the_tier_counts_even_without_events(store: Store) -> None:
    impressions = CountCommitment.model_validate(
        {
            "id": "t1-imp",
            "measure": "count",
            "tier": "t1",
            "event": "ad_impression",
            "min": 4,
            "per": "account",
            "share": 1.0,
        }
    )
    figure = measure_count(impressions, closed(), store)
    # acme 5 >= 4; globex 2 < 4; initial 0 < 4 (no events: zero, not absent): 1 of 3.
    assert figure.status == "missed"
    assert figure.actual == pytest.approx(1 / 3)
    assert (figure.accounts_met, figure.accounts_short) == (["acme"], ["globex", "initial"])
    # Asking a third of the accounts: met.
    lenient = impressions.model_copy(update={"share": 1 / 3})
    assert measure_count(lenient, closed(), store).status == "met"


def test_no_event_of_the_type_at_all_is_no_data_not_a_miss(store: Store) -> None:
    reports = CadenceCommitment.model_validate(
        {"id": "t2-rep", "measure": "cadence", "tier": "t2", "event": "conversion_velocity_report"}
    )
    assert measure_count(reports, closed(), store).status == "no_data"
    # Campaign reports exist (acme's, tier 1); tier 2 has none in November: missed.
    campaign = reports.model_copy(update={"event": "campaign_report"})
    assert measure_count(campaign, closed(), store).status == "missed"


def test_directional_is_tracked_with_its_actual(store: Store) -> None:
    tracked = sal_volume(directional=True, min=None, max=None)
    figure = measure_count(tracked, closed(), store)
    assert (figure.status, figure.actual, figure.target) == ("tracked", 2.0, None)


def test_coverage_is_the_share_of_the_tiers_accounts_with_the_field(store: Store) -> None:
    owners = CoverageCommitment.model_validate(
        {"id": "t1-own", "measure": "coverage", "tier": "t1", "field": "owner", "min": 1.0}
    )
    figure = measure_coverage(owners, "as of 2026-12-03", store)
    # acme and globex have owners, initial has none: 2 of 3 < 1.0.
    assert (figure.status, figure.actual) == ("missed", pytest.approx(2 / 3))
    assert figure.reason == "2 of 3 accounts have owner"
