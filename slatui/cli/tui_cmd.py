"""`slatui [--db PATH]`: open the workbench on a workspace (made on first use)."""

from __future__ import annotations

import argparse
from pathlib import Path

from slatui.cli.common import CliError, default_db_path


def open_workbench(args: argparse.Namespace) -> int:
    """Open the store, hand it to the App factory, close it when the App ends."""
    from store import Store, StoreError

    path = Path(args.root_db) if args.root_db else default_db_path()
    try:
        store = Store.open(path, create=True)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    try:
        from slatui.app import create_app

        create_app(store).run()
    finally:
        store.close()
    return 0
