"""`slatui compliance [--as-of TIME] [--period ...] [--json]`: has each side kept its word.

Every commitment judged over its period (or the one asked for), the
escalations open as of the moment (and those resolved within the period,
marked so), as text for people or JSON for scripts. `slatui compliance items
COMMITMENT` lists the items (SAL clocks, requests) behind a response figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
from typing import Any
from zoneinfo import ZoneInfo

from slatui.cli.common import CliError, HelpFormatter, open_workspace
from slatui.cli.judging import add_judging_arguments, audit_json, judged, judged_version, when

_EPILOG = """\
--period: week, month or quarter picks that period around --as-of for every
commitment; pilot judges the pilot's weeks; a label (2026-11, 2026-W45,
2026-Q4) picks one period. Without it, each commitment is judged over its
own period around --as-of. A target is scaled to a judged period that is not
the commitment's own (partial_periods = "prorate").

examples:
  slatui compliance
  slatui compliance --as-of 2026-11-18 --period pilot
  slatui compliance --period 2026-11 --json
  slatui compliance items t1-sal-answered --as-of 2026-11-20"""

MARKS = {
    "met": "met",
    "missed": "MISSED",
    "on_track": "on track",
    "at_risk": "AT RISK",
    "no_data": "no data",
    "tracked": "tracked",
}


def register(sub: Any) -> None:
    """Add `slatui compliance` and `slatui compliance items`."""
    parser = sub.add_parser(
        "compliance",
        help="every commitment's status, and the escalations, as of a moment",
        description="Judge every commitment of the current agreement on the pilot's data.",
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    _common(parser)
    parser.set_defaults(handler=_compliance)
    nested = parser.add_subparsers(dest="compliance_command", metavar="COMMAND")
    items = nested.add_parser(
        "items",
        help="the items behind a response commitment's figure",
        formatter_class=HelpFormatter,
    )
    items.add_argument("commitment", metavar="COMMITMENT", help="a response commitment's id")
    _common(items)
    items.set_defaults(handler=_items)


def _common(parser: argparse.ArgumentParser) -> None:
    add_judging_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")


def _compliance(args: argparse.Namespace) -> int:
    with open_workspace(args) as store:
        judgement = judged(store, args)
    version, contract, zone, as_of = (
        judgement.version,
        judgement.contract,
        judgement.zone,
        judgement.as_of,
    )
    evaluation = judgement.evaluation
    audited = audit_json(judgement)
    rules = {e.id: e for e in contract.escalations}
    shown = judgement.shown
    if args.json:
        out = evaluation.as_json()
        out["agreement"] = {"title": contract.agreement.title, "version": version.number}
        out["escalations"] = [_escalation_json(r, rules, as_of, zone) for r in shown]
        out["sal_audit"] = audited
        print(json.dumps(out, indent=2, sort_keys=True, default=str))
        return 0
    print(f"{contract.agreement.title} v{version.number}, as of {when(as_of, zone)}")
    for each in evaluation.commitments:
        print(_line(each, contract))
    print(f"escalations: {len(shown)}")
    for raised in shown:
        rule = rules.get(raised.escalation)
        to = f" -> {rule.to} (raised by {rule.raised_by})" if rule else ""
        state = "open" if raised.open_at(as_of) else "resolved"
        print(f"  {state} {raised.kind} {raised.subject} since {when(raised.since, zone)}{to}")
    if audited is not None:
        print(
            f"SAL audit {audited['period']}: {audited['handoffs']} hand-offs, "
            f"{audited['meeting']} meet the definition, {audited['failing']} fail it, "
            f"{audited['unknown']} unknown; {audited['never_handed_off']} met it but were "
            f"never handed off; {audited['rejected']} rejected"
        )
    return 0


def _items(args: argparse.Namespace) -> int:
    """Each item judged as in the figure: under the version in force when it started."""
    with open_workspace(args) as store:
        contract = judged_version(store).contract
        found = [c for c in contract.commitments if c.id == args.commitment]
        ids = ", ".join(c.id for c in contract.commitments if c.measure == "response")
        if not found:
            known = [c.id for c in contract.commitments]
            close = difflib.get_close_matches(args.commitment, known, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else f"; response ones: {ids}"
            raise CliError(f"there is no commitment {args.commitment!r}{hint}")
        if found[0].measure != "response":
            measure = found[0].measure
            raise CliError(
                f"{args.commitment!r} is not a response commitment (it is a {measure}); "
                f"response ones: {ids}"
            )
        judgement = judged(store, args, figures_only=True)
    zone = judgement.zone
    items = judgement.evaluation.items.get(args.commitment, [])
    if args.period is not None:  # the items of the period asked for (by when they started)
        period = judgement.period
        items = [i for i in items if period.start <= i.start < period.end]
    if args.json:
        print(json.dumps([_item_json(i, zone) for i in items], indent=2, default=str))
        return 0
    for item in items:
        stop = "open" if item.stop is None else f"stopped {when(item.stop, zone)}"
        due = "" if item.deadline is None else f", due {when(item.deadline, zone)}"
        print(
            f"{item.key}  {item.state}  started {when(item.start, zone)}{due}, {stop}, "
            f"elapsed {item.elapsed}"
        )
    return 0


def _escalation_json(
    raised: Any, rules: dict[str, Any], as_of: dt.datetime, zone: ZoneInfo
) -> dict[str, Any]:
    rule = rules.get(raised.escalation)
    out: dict[str, Any] = raised.as_json()
    out["since"] = _local(raised.since, zone)
    out["resolved_at"] = _local(raised.resolved_at, zone)
    out["to"] = None if rule is None else rule.to
    out["raised_by"] = None if rule is None else rule.raised_by
    out["open"] = raised.open_at(as_of)
    out["resolved"] = not out["open"]
    return out


def _item_json(item: Any, zone: ZoneInfo) -> dict[str, Any]:
    return {
        "key": item.key,
        "account": item.account,
        "state": item.state,
        "start": _local(item.start, zone),
        "stop": _local(item.stop, zone),
        "deadline": _local(item.deadline, zone),
        "elapsed": str(item.elapsed),
    }


def _local(moment: dt.datetime | None, zone: ZoneInfo) -> str | None:
    """Every time in the JSON in the agreement's zone, with its offset (DESIGN §4)."""
    return None if moment is None else moment.astimezone(zone).isoformat()


def _line(judged: Any, contract: Any) -> str:
    """One commitment as the Compliance screen words it: status, owner, period, figure."""
    from slatui.compliance.wording import figure_text

    figure = judged.figure
    period = "now" if judged.period is None else judged.period.label
    owner = f"{judged.tier or 'all'} {judged.party or ''}".strip()
    mark = MARKS.get(figure.status, figure.status)
    shown = figure_text(judged, contract.commitment(figure.commitment))
    return f"  {mark:9} {figure.commitment:28} {owner:16} {period:9} {shown}"
