"""A blank agreement to start from: valid, minimal, and obviously unfinished."""

from __future__ import annotations

import datetime as dt

from slatui.contract.load import from_data
from slatui.contract.model import Contract


def blank_contract(today: dt.date, timezone: str = "UTC") -> Contract:
    """One tier, a Mon–Fri calendar, no commitments yet; effective next Monday."""
    monday = today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)
    return from_data(
        {
            "format": 1,
            "agreement": {
                "title": "Sales & Marketing SLA",
                "effective": monday,
                "timezone": timezone,
                "marketing": {"owner": "Head of Marketing"},
                "sales": {"owner": "Head of Sales"},
            },
            "calendar": {
                "days": ["mon", "tue", "wed", "thu", "fri"],
                "hours": ["09:00-17:00"],
            },
            "tiers": [{"id": "t1", "name": "Target accounts"}],
        }
    )
