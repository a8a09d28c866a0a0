"""`slatui [--db PATH]`: open the workbench on a workspace (made on first use)."""

from __future__ import annotations

import argparse
from pathlib import Path

from slatui.cli.common import CliError, default_db_path


def open_workbench(args: argparse.Namespace) -> int:
    """`slatui [--db PATH]`: the workbench on that workspace (made on first use)."""
    run_workbench(Path(args.root_db) if args.root_db else default_db_path(), create=True)
    return 0


def run_workbench(path: Path, *, create: bool) -> None:
    """Open the store, hand it to the App factory, close it when the App ends."""
    from store import Store, StoreError

    try:
        store = Store.open(path, create=create)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    try:
        from slatui.app import create_app

        create_app(store).run()
    finally:
        store.close()
