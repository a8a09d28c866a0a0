"""Starting points for a new commitment or escalation, one per measure or kind.

A template is a clause that already passes validation and states a number,
so that a new commitment is concrete from the first keystroke; the workshop
then changes the numbers rather than inventing the shape.
"""

from __future__ import annotations

from typing import Any

COMMITMENT_TEMPLATES: dict[str, dict[str, Any]] = {
    "count": {"measure": "count", "event": "sal_notified", "min": 1, "period": "month"},
    "response": {
        "measure": "response",
        "start": "sal_notified",
        "stop": ["call", "sales_email", "meeting"],
        "within": "1bd",
        "period": "month",
    },
    "cadence": {"measure": "cadence", "event": "campaign_report", "period": "month"},
    "rate": {
        "measure": "rate",
        "numerator": "opportunity_created",
        "denominator": "sal_notified",
        "within": "90d",
        "min": 0.1,
        "period": "quarter",
    },
    "coverage": {"measure": "coverage", "field": "owner", "min": 1.0},
    "track": {"measure": "track", "metric": "win_rate", "period": "quarter"},
}

ESCALATION_TEMPLATES: dict[str, dict[str, Any]] = {
    "overdue": {"when": "overdue", "after": "48h"},
    "missed": {"when": "missed", "consecutive": 2},
    "engaged_unanswered": {
        "when": "engaged_unanswered",
        "min_touches": 3,
        "window": "30d",
        "after": "48h",
    },
    "engaged_no_conversion": {
        "when": "engaged_no_conversion",
        "min_touches": 3,
        "window": "30d",
        "after": "90d",
    },
    "rejected_share": {"when": "rejected_share", "min": 0.5, "period": "month"},
}

DEFAULT_PARTY: dict[str, str] = {
    "count": "marketing",
    "response": "sales",
    "cadence": "marketing",
    "rate": "joint",
    "coverage": "sales",
    "track": "joint",
}
