"""What `slatui compliance` and `slatui report` share: the version judged, the
period reviewed, the SAL audit over it, which escalations to show, and times."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

from slatui.cli.common import CliError, add_db_argument
from store import NoAgreement

if TYPE_CHECKING:
    from slatui.compliance.periods import Period


def add_judging_arguments(parser: argparse.ArgumentParser) -> None:
    """--as-of, --period and --db: what every judging command (compliance, report) takes."""
    parser.add_argument("--as-of", metavar="TIME", help="judge as of this moment (default: now)")
    parser.add_argument(
        "--period", metavar="PERIOD", help="week | month | quarter | pilot | a label like 2026-11"
    )
    add_db_argument(parser)


def current_version(store: Any) -> Any:
    """The version in force, or a CliError saying how to start one."""
    try:
        return store.current()
    except NoAgreement as exc:
        raise CliError(f"{exc} (slatui init --from sample.toml starts one)") from None


def review_period(contract: Any, selection: Any, as_of: dt.datetime, zone: ZoneInfo) -> Period:
    """The one period a review covers: the label or pilot asked for, else the week,
    month (the default) or quarter containing `as_of`; BadPeriod for a bad label."""
    from slatui.compliance import periods

    fiscal = contract.agreement.fiscal_year_start
    if selection.kind == "pilot" and contract.pilot is not None:
        return periods.pilot_period(contract.pilot, zone)
    if selection.kind == "label":
        return periods.parse_period(selection.label, zone, fiscal)
    kind: Literal["week", "month", "quarter"] = "month"
    if selection.kind in ("week", "quarter"):
        kind = selection.kind
    return periods.period_containing(kind, as_of, zone, fiscal)


def audit(store: Any, contract: Any, period: Period, as_of: dt.datetime) -> dict[str, Any] | None:
    """The SAL audit's counts over `period` (None when the agreement has no [sal])."""
    from store.audit_run import audit_period

    if contract.sal is None:
        return None
    report: dict[str, Any] = audit_period(
        store, contract, period.start, period.end, as_of
    ).as_json()
    report["period"] = period.label
    return report


def shown_escalations(evaluation: Any, as_of: dt.datetime) -> list[Any]:
    """The escalations open as of `as_of`, and those resolved shortly before it."""
    from slatui.compliance.raised import shown_at

    return shown_at(evaluation.escalations, as_of)


def when(moment: dt.datetime, zone: ZoneInfo) -> str:
    """A moment in the agreement's zone, with the zone's abbreviation."""
    from slatui.compliance.report import when as in_zone

    return in_zone(moment, zone)
