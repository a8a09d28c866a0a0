"""`slatui baseline` and `slatui whatif`: from the pilot to the agreement's numbers.

`slatui baseline` lists, for every commitment of the draft, what the pilot
measured each week and over the whole pilot, the suggested achievable and
stretch targets with their reasoning, and a warning where the pilot has too
few items for a number. `slatui whatif --set ID.key=VALUE` judges the pilot
under changed keys, side by side with the draft, and writes nothing.
"""

from __future__ import annotations

import argparse
import json
from typing import Any
from zoneinfo import ZoneInfo

from slatui.cli.common import CliError, HelpFormatter, add_db_argument, open_workspace
from slatui.cli.judging import latest_version
from slatui.cli.summary_cmd import as_of_moment

_EPILOG = """\
Each week is an ISO week of the pilot, judged like the Compliance screen
judges it; a week still running is marked "so far" and no target is set
from it. Achievable: what the pilot reached in most of its complete weeks;
stretch: what it reached in half of them (rates, coverage and per-account
shares: the whole pilot's value, rounded down, and the next 5%).

examples:
  slatui baseline
  slatui baseline --json --as-of 2026-12-01
  slatui whatif --set t2-sales-first-contact.within=48bh"""

_ADOPT_EPILOG = """\
VALUE is the measure's main key: a count's or cadence's min (3), a share
(0.9 or 90%) for rates, coverage and per-account counts, a duration (32bh)
for a response. Signatures on the draft become stale: both sides sign again.

examples:
  slatui baseline adopt t3-mkt-intent-monitoring
  slatui baseline adopt t2-sales-first-contact --target stretch --by "Sam Lee"
  slatui baseline adopt t1-sales-owner --target 95%"""

_WHATIF_EPILOG = """\
Each --set changes one key of one commitment (validated like the Draft
screen's editor); several may be given. The pilot is judged under the draft
and under the changed copy as of --as-of; every commitment whose status,
actual or items change is shown. Nothing in the workspace changes.

examples:
  slatui whatif --set t2-sales-first-contact.within=48bh
  slatui whatif --set t2-mkt-sal-volume.min=1 --set t2-mkt-sal-volume.max=4 --json"""


def register(sub: Any) -> None:
    """Add `slatui baseline` and `slatui whatif`."""
    parser = sub.add_parser(
        "baseline",
        help="what the pilot measured for each commitment, and the targets it supports",
        description="Baselines from the pilot: weekly values, spreads, suggested targets.",
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    _common(parser)
    parser.set_defaults(handler=_baseline)
    nested = parser.add_subparsers(dest="baseline_command", metavar="COMMAND")
    adopt = nested.add_parser(
        "adopt",
        help="write a suggested (or your own) target into the draft, with its provenance",
        description=(
            "Adopt a baseline: the target goes into the draft (a new draft version when the "
            "current one is agreed), directional is cleared, and the contract records the "
            "pilot window, the measured value, who adopted it and when."
        ),
        epilog=_ADOPT_EPILOG,
        formatter_class=HelpFormatter,
    )
    adopt.add_argument("commitment", metavar="ID", help="the commitment's id")
    adopt.add_argument(
        "--target",
        default="achievable",
        metavar="achievable|stretch|VALUE",
        help="a suggestion, or your own number (default: achievable)",
    )
    adopt.add_argument("--by", metavar="NAME", help="who adopts it (default: your login name)")
    adopt.add_argument("--as-of", metavar="TIME", help="measure as of this moment (default: now)")
    add_db_argument(adopt)
    adopt.set_defaults(handler=_adopt)
    whatif = sub.add_parser(
        "whatif",
        help="the pilot judged under changed targets, beside the draft (writes nothing)",
        description="What if the pair promised something else?",
        epilog=_WHATIF_EPILOG,
        formatter_class=HelpFormatter,
    )
    whatif.add_argument(
        "--set",
        dest="changes",
        action="append",
        required=True,
        metavar="ID.key=VALUE",
        help="a commitment's key and its other value (repeatable)",
    )
    _common(whatif)
    whatif.set_defaults(handler=_whatif)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", metavar="TIME", help="measure as of this moment (default: now)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_db_argument(parser)


def _baseline(args: argparse.Namespace) -> int:
    from store.baseline_run import baselines

    with open_workspace(args) as store:
        version = latest_version(store)
        zone = ZoneInfo(version.contract.agreement.timezone)
        as_of = as_of_moment(args.as_of, zone)
        try:
            found = baselines(store, as_of, version)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    if args.json:
        print(json.dumps(_baselines_json(found), indent=2, default=str))
        return 0
    from slatui.cli.baseline_text import lines

    print("\n".join(lines(found, zone)))
    return 0


def _whatif(args: argparse.Namespace) -> int:
    from slatui.baselines.whatif import BadChange, Change, compare

    with open_workspace(args) as store:
        contract = latest_version(store).contract
        if contract.pilot is None:
            raise CliError("the agreement has no [pilot]: there is no pilot to judge")
        as_of = as_of_moment(args.as_of, ZoneInfo(contract.agreement.timezone))
        try:
            changes = [Change.parse(text) for text in args.changes]
            differences = compare(contract, store, as_of, changes)
        except BadChange as exc:
            raise CliError(str(exc)) from None
    if args.json:
        out = {"as_of": as_of.isoformat(), "commitments": [d.as_json() for d in differences]}
        print(json.dumps(out, indent=2, default=str))
        return 0
    from slatui.cli.baseline_text import whatif_lines

    print("\n".join(whatif_lines(differences, as_of, ZoneInfo(contract.agreement.timezone))))
    return 0


def _adopt(args: argparse.Namespace) -> int:
    import getpass

    from store import StoreError
    from store.baseline_run import adopt

    by = (getpass.getuser() if args.by is None else args.by).strip()
    if not by or not by.isprintable():
        raise CliError("--by: say who adopts the baseline (a name on one line)")
    with open_workspace(args) as store:
        version = latest_version(store)
        as_of = as_of_moment(args.as_of, ZoneInfo(version.contract.agreement.timezone))
        try:
            done = adopt(store, args.commitment, args.target, by, as_of)
        except (StoreError, ValueError) as exc:  # NoTarget and EditError are ValueErrors
            raise CliError(str(exc)) from None
    where = f"new draft v{done.version.number}" if done.started_draft else f"v{done.version.number}"
    values = ", ".join(f"{k} = {v}" for k, v in done.values.items())
    print(f"adopted into {where} ({done.version.status}): {args.commitment} {values}")
    print(f"measured in the pilot: {done.measured_text}; adopted by {by}")
    if done.own_text:
        print(f'check the clause\'s own words, which still read: "{done.own_text}"')
    stale = [s.party for s in done.version.signatures if not s.valid]
    if stale:
        print(f"signatures now stale ({' and '.join(stale)}): both sides sign again")
    return 0


def _baselines_json(found: Any) -> dict[str, Any]:
    contract = found.version.contract
    pilot = contract.pilot
    return {
        "as_of": found.as_of.isoformat(),
        "agreement": {
            "title": contract.agreement.title,
            "version": found.version.number,
            "status": found.version.status,
        },
        "pilot": {
            "start": pilot.start.isoformat(),
            "weeks": pilot.weeks,
            "measured_weeks": [w.label for w in found.weeks],
        },
        "commitments": [row.as_json() for row in found.rows],
    }
