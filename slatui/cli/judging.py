"""What `slatui compliance` and `slatui report` share: the version judged, the
period reviewed, the SAL audit over it, which escalations to show, and times."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from slatui.cli.common import CliError, add_db_argument
from store import NoAgreement


def add_judging_arguments(parser: argparse.ArgumentParser) -> None:
    """--as-of, --period and --db: what every judging command (compliance, report) takes."""
    parser.add_argument("--as-of", metavar="TIME", help="judge as of this moment (default: now)")
    parser.add_argument(
        "--period", metavar="PERIOD", help="week | month | quarter | pilot | a label like 2026-11"
    )
    add_db_argument(parser)


def judged_version(store: Any) -> Any:
    """The version judged (in force, else the latest), or a CliError saying how to start one."""
    from store.compliance_run import judged_version as version_of

    return _or_how_to_start(lambda: version_of(store))


def latest_version(store: Any) -> Any:
    """The latest version (the draft baselines go into), or a CliError saying how to start one."""
    return _or_how_to_start(store.current)


def _or_how_to_start(read: Any) -> Any:
    try:
        return read()
    except NoAgreement as exc:
        raise CliError(f"{exc} (slatui init --from sample.toml starts one)") from None


def judged(store: Any, args: argparse.Namespace, *, figures_only: bool = False) -> Any:
    """The workspace judged as --as-of and --period say (a CliError for a bad period)."""
    from slatui.cli.summary_cmd import as_of_moment
    from slatui.compliance.evaluate import Selection
    from slatui.compliance.periods import BadPeriod
    from store.compliance_run import judge

    contract = judged_version(store).contract
    as_of = as_of_moment(args.as_of, ZoneInfo(contract.agreement.timezone))
    try:
        return judge(store, as_of, Selection.parse(args.period), figures_only=figures_only)
    except BadPeriod as exc:
        raise CliError(f"--period {args.period}: {exc}") from None


def audit_json(judgement: Any) -> dict[str, Any] | None:
    """The SAL audit's counts over the reviewed period (None when the agreement has no [sal])."""
    if judgement.audit is None:
        return None
    report: dict[str, Any] = judgement.audit.as_json()
    report["period"] = judgement.period.label
    return report


def when(moment: dt.datetime, zone: ZoneInfo) -> str:
    """A moment in the agreement's zone, with the zone's abbreviation."""
    from slatui.compliance.report import when as in_zone

    return in_zone(moment, zone)
