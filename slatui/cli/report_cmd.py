"""`slatui report [--as-of TIME] [--period ...] [--format md] [-o FILE]`: the review pack.

The Markdown a weekly review reads (laid out by `slatui.compliance.report`):
the commitments met and missed per party, what is at risk, the escalations and
to whom, SAL quality, the funnel, wins on target accounts, and each
commitment's status over the last four ISO weeks. With -o the file is written
to a temporary name and renamed, never left half written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from slatui.cli.common import CliError, HelpFormatter, open_workspace
from slatui.cli.judging import add_judging_arguments, audit_json, judged

TREND_WEEKS = 4

_EPILOG = """\
--period: week, month or quarter reviews that period around --as-of; pilot
the pilot's weeks; a label (2026-11, 2026-W45, 2026-Q4) one period. Without
it, each commitment is judged over its own period and the audit, funnel and
wins cover the month around --as-of. The trend always shows the last four
ISO weeks up to --as-of.

examples:
  slatui report
  slatui report --as-of 2026-12-01 --period 2026-11 -o review-2026-11.md"""


def register(sub: Any) -> None:
    """Add `slatui report`."""
    parser = sub.add_parser(
        "report",
        help="the weekly review pack as Markdown",
        description="Write the review pack: met and missed, escalations, SALs, funnel, trend.",
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    add_judging_arguments(parser)
    parser.add_argument("--format", choices=["md"], default="md", help="default: md")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    from slatui.compliance.report import render
    from slatui.exporting import ExportFailed, write_atomically

    with open_workspace(args) as store:
        text = render(_review(store, args))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        size = write_atomically(Path(args.output), text)
    except ExportFailed as exc:
        raise CliError(str(exc)) from None
    print(f"wrote {args.output} ({size} bytes)")
    return 0


def _review(store: Any, args: argparse.Namespace) -> Any:
    from slatui.compliance.report import FUNNEL, Review

    judgement = judged(store, args)
    contract, period, as_of = judgement.contract, judgement.period, judgement.as_of
    funnel = {t: store.event_total([t], period.start, period.end) for t in FUNNEL}
    return Review(
        contract=contract,
        version=judgement.version.number,
        period=period,
        evaluation=judgement.evaluation,
        audit=audit_json(judgement),
        funnel=funnel,
        wins=_wins(store, contract, period, as_of),
        trend=_trend(store, judgement),
    )


def _wins(store: Any, contract: Any, period: Any, as_of: dt.datetime) -> list[Any]:
    """`closed_won` in the period (up to `as_of`) on accounts of the agreement's tiers."""
    from store.compliance_run import wins

    return wins(store, contract, period.start, min(period.end, as_of))


def _trend(store: Any, judgement: Any) -> Any:
    """Each commitment's status in the last `TREND_WEEKS` ISO weeks up to `as_of`."""
    from slatui.compliance.report import Trend
    from store.compliance_run import last_weeks, weekly

    weeks = last_weeks(judgement.contract, judgement.as_of, TREND_WEEKS)
    figures = weekly(store, judgement.version, judgement.as_of, TREND_WEEKS)
    statuses = {ident: [f.status for f in each] for ident, each in figures.items()}
    return Trend([w.label for w in weeks], statuses)
