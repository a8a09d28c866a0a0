"""The event types slatui knows by name, grouped by who produces them.

An event type is free text in a contract (a team may log `board_pack_sent`),
so this vocabulary is not a whitelist: the linter uses it only to catch a
misspelling (`sal_notifed`) that would leave a commitment measuring nothing.
Every event type used in sample.toml is here, so the seed agreement lints clean.
"""

from __future__ import annotations

LEAD_EVENT_TYPES: frozenset[str] = frozenset(
    {
        "sal_notified",
        "sal_accepted",
        "sal_rejected",
        "opportunity_conversation",
        "prospect_inquiry",
    }
)
"""Leads and conversations handed from marketing to sales, and sales' verdict on them."""

SALES_TOUCH_EVENT_TYPES: frozenset[str] = frozenset(
    {"call", "sales_email", "meeting", "outbound_outreach"}
)
"""A salesperson reaching an account: what stops a first-contact clock."""

ENGAGEMENT_EVENT_TYPES: frozenset[str] = frozenset(
    {
        "email_open",
        "email_click",
        "ad_impression",
        "ad_click",
        "webinar_attended",
        "content_download",
        "form_submit",
        "demo_request",
        "page_view",
        "intent_signal",
        "nurture_email",
        "event_invite",
        "campaign_touch",
    }
)
"""Marketing touches and the buyer's answers to them (ABM touchpoints and interest signals)."""

PIPELINE_EVENT_TYPES: frozenset[str] = frozenset(
    {"opportunity_created", "opportunity_stage", "closed_won", "closed_lost"}
)
"""CRM pipeline milestones that conversion rates, deal cycles and win rates are read from."""

DELIVERABLE_EVENT_TYPES: frozenset[str] = frozenset(
    {
        "campaign_started",
        "account_research_delivered",
        "account_performance_report",
        "campaign_report",
        "account_status_update",
        "crm_engagement_update",
        "strategy_review_attended",
        "content_asset_published",
        "micro_segment_strategy",
        "conversion_velocity_report",
        "intent_review",
    }
)
"""Reports, reviews and assets one side delivers on a cadence."""

REQUEST_EVENT_TYPES: frozenset[str] = frozenset(
    {"account_inquiry", "inquiry_answered", "content_request", "content_delivered"}
)
"""Requests from sales to marketing and their answers (marketing's response clocks)."""

ACCOUNT_EVENT_TYPES: frozenset[str] = frozenset({"intent_fired", "tier_promoted"})
"""Changes to an account's standing on the target list (watch list to Tier 1 or 2)."""

CLOCK_EVENT_TYPES: frozenset[str] = frozenset({"pause", "resume"})
"""Events that pause and resume an item's response clock (DESIGN §4)."""

COST_EVENT_TYPES: frozenset[str] = frozenset({"spend"})
"""Money spent, for figures such as cost per SAL."""

KNOWN_EVENT_TYPES: frozenset[str] = (
    LEAD_EVENT_TYPES
    | SALES_TOUCH_EVENT_TYPES
    | ENGAGEMENT_EVENT_TYPES
    | PIPELINE_EVENT_TYPES
    | DELIVERABLE_EVENT_TYPES
    | REQUEST_EVENT_TYPES
    | ACCOUNT_EVENT_TYPES
    | CLOCK_EVENT_TYPES
    | COST_EVENT_TYPES
)
"""Every event type above: the vocabulary a misspelt name is compared with."""

HANDOVER_EVENT_TYPES: frozenset[str] = frozenset(
    {"sal_notified", "opportunity_conversation", "demo_request", "prospect_inquiry"}
)
"""Events that put a lead in front of sales: volume of these needs a sales response."""
