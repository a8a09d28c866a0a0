"""What every command shares: errors with exit codes, help layout, --db handling."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slatui.contract.model import Contract


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 2 by default."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the hand-written examples in epilogs as they are written."""


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """Every command that touches a workspace takes --db."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="workspace file (default: $SLATUI_DB, else the user data directory)",
    )


def default_db_path() -> Path:
    """$SLATUI_DB, else slatui/workspace.db in the platform's user data dir."""
    env = os.environ.get("SLATUI_DB")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("slatui", appauthor=False)) / "workspace.db"


def db_path(args: argparse.Namespace) -> Path:
    """The workspace path a command should use."""
    given = getattr(args, "db", None)
    return Path(given) if given else default_db_path()


def load_contract_for(args: argparse.Namespace) -> Contract:
    """The contract named by --contract FILE, else the workspace's current one."""
    from slatui.contract.load import load_file

    path = getattr(args, "contract", None)
    if path:
        return load_file(Path(path))
    from store import Store

    location = db_path(args)
    if not location.exists():
        raise CliError(
            f"no workspace at {location}: run `slatui init --db {location}` "
            "or pass --contract FILE"
        )
    with Store.open(location) as store:
        return store.current().contract
