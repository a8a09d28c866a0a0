"""Per-account counts and coverage on Tier 1, where one account has no data at all.

Fixture: tests/fixtures/compliance/per_account/. Tier 1: acme (owner Ann Lee),
globex (owner Bo Chen) and initial (no owner, no event of any kind); tier 2:
initech. November 2026 in New York: [1 Nov 00:00 EDT, 1 Dec 00:00 EST).
Ad impressions (quantities add up, DESIGN §4): acme 3 + 2 = 5 in November;
globex 4 in November (its 50 of 30 Oct are October's); initial none; initech
900 (tier 2, not Tier 1's). DESIGN §4: once there is data, an account of the
tier with no event counts as zero; a type never imported at all is no_data.
"""

from __future__ import annotations

from typing import Any

import pytest

from .hand import build, commitment

AFTER = "2026-12-02T00:00"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    ws = build(tmp_path_factory.mktemp("per_account"), "per_account")
    return ws.compliance(AFTER, "2026-11")


def test_every_account_must_reach_the_minimum(report: dict[str, Any]) -> None:
    figure = commitment(report, "t1-impressions-every")
    # min 4 per account: acme 5 >= 4, globex 4 >= 4 (exactly), initial 0 < 4 (no
    # data for it, but impressions exist: zero, not left out). 2 of 3 accounts =
    # 0.667 < share 1.0: missed.
    assert (figure["status"], figure["target"], figure["reason"]) == (
        "missed",
        1.0,
        "2 of 3 accounts reached 4",
    )
    assert figure["actual"] == pytest.approx(2 / 3)
    assert figure["accounts"] == {"met": 2, "short": 1}


def test_a_share_of_the_accounts(report: dict[str, Any]) -> None:
    figure = commitment(report, "t1-impressions-most")
    # The same 2 of 3 = 0.667 >= share 0.6: met.
    assert (figure["status"], figure["target"]) == ("met", 0.6)
    assert figure["actual"] == pytest.approx(2 / 3)


def test_a_deliverable_never_imported_is_no_data(report: dict[str, Any]) -> None:
    figure = commitment(report, "t1-status-update")
    # No account_status_update event at all in the workspace: no_data, not missed.
    assert (figure["status"], figure["actual"]) == ("no_data", None)


def test_coverage_counts_the_account_without_data(report: dict[str, Any]) -> None:
    # Owners: acme and globex have one, initial has none: 2 of 3 = 0.667.
    every = commitment(report, "t1-owner")
    assert (every["status"], every["reason"], every["period"]) == (
        "missed",
        "2 of 3 accounts have owner",
        None,
    )
    assert every["actual"] == pytest.approx(2 / 3)
    most = commitment(report, "t1-owner-most")
    assert (most["status"], most["target"]) == ("met", 0.6)
