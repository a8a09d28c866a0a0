"""`slatui imports [--json]` lists the batches; `slatui imports undo BATCH` removes one."""

from __future__ import annotations

import argparse
import json
from typing import Any

from slatui.cli.common import CliError, HelpFormatter, add_db_argument, open_workspace
from slatui.cli.import_cmd import figure
from store import Batch, StoreError


def register(sub: Any) -> None:
    """Add `slatui imports` and `slatui imports undo`."""
    parser = sub.add_parser(
        "imports",
        help="list the import batches, or undo one",
        description=(
            "List every import batch (files and events logged by hand) with its counts; "
            "`undo BATCH` removes a batch completely."
        ),
        epilog="examples:\n  slatui imports\n  slatui imports --json\n  slatui imports undo 3",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print the batches as JSON")
    add_db_argument(parser)
    parser.set_defaults(handler=_list)
    group = parser.add_subparsers(dest="imports_command", metavar="SUBCOMMAND")
    undo = group.add_parser(
        "undo",
        help="remove a batch: its events and what it said about accounts and contacts",
        description=(
            "Remove a batch completely in one transaction: its events go, and the accounts "
            "and contacts it spoke about return to what earlier batches said."
        ),
        epilog="example:\n  slatui imports undo 3",
        formatter_class=HelpFormatter,
    )
    undo.add_argument("batch", metavar="BATCH", type=_batch_id, help="the batch id")
    add_db_argument(undo)
    undo.set_defaults(handler=_undo)


def _batch_id(text: str) -> int:
    digits = text.strip().lstrip("#")
    if not digits.isdigit() or not 1 <= int(digits) < 2**63:
        raise argparse.ArgumentTypeError(f"{text!r} is not a batch id; `slatui imports` lists them")
    return int(digits)


def _list(args: argparse.Namespace) -> int:
    with open_workspace(args) as store:
        batches = store.batches()
    if args.json:
        print(json.dumps([b.as_json() for b in batches], indent=2, sort_keys=True))
        return 0
    if not batches:
        print("no imports yet; add data with `slatui import events FILE.csv`")
        return 0
    header = ("batch", "imported at (UTC)", "kind", "file", "rows", "imported", "rejected",
              "skipped", "duplicates")  # fmt: skip
    rows = [header, *(_row(b) for b in batches)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for row in rows:
        cells = [
            cell.rjust(width) if i in (0, 4, 5, 6, 7, 8) else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
    return 0


def _row(batch: Batch) -> tuple[str, ...]:
    return (
        str(batch.id),
        batch.imported_at.strftime("%Y-%m-%d %H:%M"),
        batch.kind,
        batch.file_name,
        figure(batch.rows_read),
        figure(batch.imported),
        figure(batch.rejected),
        figure(batch.skipped),
        figure(batch.duplicates),
    )


def _undo(args: argparse.Namespace) -> int:
    with open_workspace(args) as store:
        try:
            undone = store.undo_batch(args.batch)
        except StoreError as exc:
            raise CliError(str(exc)) from None
    batch = undone.batch
    removed = [
        f"{figure(undone.events)} events",
        f"{figure(undone.accounts)} account records",
        f"{figure(undone.contacts)} contact records",
    ]
    print(f"undid batch {batch.id} ({batch.file_name}): removed {', '.join(removed)}")
    if undone.shared_with:
        later = ", ".join(str(b) for b in undone.shared_with)
        print(
            f"note: later batch{'es' if len(undone.shared_with) > 1 else ''} {later} counted "
            "duplicates; events they shared with this batch are gone too (undo and "
            "re-import those files to restore them)"
        )
    return 0
