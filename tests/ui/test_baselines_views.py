"""The Baselines screen's words that need no App."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from screens.baselines_views import adopted_text


def adopted(own_text: str | None) -> Any:
    version = SimpleNamespace(number=2)
    return SimpleNamespace(
        started_draft=True,
        values={"min": 0.95},
        version=version,
        measured_text="92% of 25 accounts",
        own_text=own_text,
    )


def test_the_notice_after_adopting_reminds_of_the_clauses_own_words() -> None:
    text = adopted_text("t1-sales-owner", adopted("Sales assigns an owner to every account."))
    assert text == (
        "t1-sales-owner: min 0.95 in v2 (a new draft version); measured 92% of 25 accounts. "
        'Check the clause\'s own words: "Sales assigns an owner to every account."'
    )
    assert "Check" not in adopted_text("t1-sales-owner", adopted(None))
