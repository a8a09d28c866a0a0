"""A month whose rejection share reaches the threshold, and one below it.

Fixture: tests/fixtures/compliance/rejected_share/. `sal-rejections`: joint,
to the joint review, when at least 0.5 of a month's SALs (the cohort notified
in the month) are rejected. America/New_York months.

- October: R01-R04 notified; R02 accepted 22 Oct; R01 rejected 27 Oct "bad
  timing"; R03, R04 pending: 1 of 4 = 0.25 < 0.5.
- November: R11-R14 notified; R11 rejected 9 Nov "not a decision maker"; R12
  accepted; R13 rejected 24 Nov "wrong territory"; R14 pending: 2 of 4 = 0.5,
  at least 0.5: raised.

The engine judges a month's share once the month has closed (evaluate.py's
`rejections`), so the escalation is raised at the close, 1 Dec 00:00 EST.
"""

from __future__ import annotations

import pytest

from .hand import Workspace, build, raised

RULE = "sal-rejections"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return build(tmp_path_factory.mktemp("rejected_share"), "rejected_share")


def test_the_audit_counts_each_months_cohort(ws: Workspace) -> None:
    october = ws.compliance("2026-12-02T00:00", "2026-10")["sal_audit"]
    # October: 1 of 4 rejected (R01), the reason "bad timing".
    assert (october["period"], october["handoffs"], october["rejected"]) == ("2026-10", 4, 1)
    assert october["rejection_share"] == 0.25
    assert october["reasons"] == [{"reason": "bad timing", "count": 1}]
    november = ws.compliance("2026-12-02T00:00", "2026-11")["sal_audit"]
    # November: R11 and R13 rejected of 4: 0.5, one reason each (ties by name).
    assert (november["handoffs"], november["rejected"], november["rejection_share"]) == (4, 2, 0.5)
    assert november["reasons"] == [
        {"reason": "not a decision maker", "count": 1},
        {"reason": "wrong territory", "count": 1},
    ]


def test_november_at_the_threshold_is_raised_when_it_closes(ws: Workspace) -> None:
    # 30 Nov 23:59 EST: November's share is already 0.5, but the month is not closed.
    assert raised(ws.compliance("2026-11-30T23:59"), RULE) == []
    # 1 Dec 00:00 EST: closed, 2 of 4 >= 0.5: raised for 2026-11 since its close.
    # October (0.25) never is.
    (november,) = raised(ws.compliance("2026-12-01T00:00"), RULE)
    assert november == {
        "rule": RULE,
        "kind": "rejected_share",
        "subject": "2026-11",
        "since": "2026-12-01T00:00:00-05:00",
        "why": "2 of 4 SALs of 2026-11 rejected",
        "to": "Joint review of the SAL definition and targeting",
        "raised_by": "joint",
        "open": True,
        "resolved": False,
        "resolved_at": None,
    }
