"""`slatui init`: create a workspace, optionally seeded with a contract as v1.

The file is checked before the workspace is touched, so a typo in the TOML
does not leave an empty workspace behind. A workspace that already holds an
agreement is never re-seeded: adding a file is what `contract import` is for,
and it appends a version instead of replacing history.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from slatui.cli.common import (
    CliError,
    HelpFormatter,
    add_db_argument,
    db_path,
    load_contract,
    open_workspace,
)
from slatui.cli.version_cmd import print_import
from store import Store


def register(sub: Any) -> None:
    """Add `slatui init`."""
    parser = sub.add_parser(
        "init",
        help="create a workspace (one SQLite file), optionally from a contract file",
        description=(
            "Create a workspace. With --from, the contract file becomes v1 "
            "(its signatures are kept and checked against its content)."
        ),
        epilog=(
            "example:\n"
            "  slatui init --from sample.toml\n"
            "  slatui init --db ~/abm/team.db --from agreed.toml"
        ),
        formatter_class=HelpFormatter,
    )
    add_db_argument(parser)
    parser.add_argument(
        "--from", dest="from_file", metavar="FILE.toml", help="import this file as v1"
    )
    parser.set_defaults(handler=_init)


def _init(args: argparse.Namespace) -> int:
    contract = load_contract(args.from_file) if args.from_file else None
    location = db_path(args)
    existed = location.exists()
    with open_workspace(args, create=True) as store:
        if contract is None:
            _report_ready(store, existed)
            return 0
        _refuse_if_seeded(store, args.from_file)
        result = store.import_contract(contract, source=Path(args.from_file).name)
    print(f"{'opened' if existed else 'created'} workspace {location}")
    print_import(result, args.from_file)
    return 0


def _report_ready(store: Store, existed: bool) -> None:
    if not existed:
        print(f"created workspace {store.path}")
        print("next: slatui contract import FILE.toml")
        return
    versions = store.versions()
    held = f"{versions[-1].label}, {versions[-1].status}" if versions else "no agreement yet"
    print(f"workspace {store.path} already exists ({held})")


def _refuse_if_seeded(store: Store, file: str) -> None:
    versions = store.versions()
    if versions:
        latest = versions[-1]
        raise CliError(
            f"the workspace {store.path} already holds an agreement "
            f"({latest.label}, {latest.status}); to add {file} as "
            f"v{latest.number + 1}, run `slatui contract import {file} --db {store.path}`"
        )
