"""What every command shares: errors with exit codes, help layout, --db handling."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from slatui.contract.errors import ContractInvalid
from slatui.contract.load import load_file
from slatui.contract.model import Contract
from store import Store, StoreError


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
    given = getattr(args, "db", None) or getattr(args, "root_db", None)
    return Path(given) if given else default_db_path()


@contextmanager
def open_workspace(args: argparse.Namespace, *, create: bool = False) -> Iterator[Store]:
    """The workspace named by --db / $SLATUI_DB; every failure becomes a CliError."""
    try:
        with Store.open(db_path(args), create=create) as store:
            yield store
    except StoreError as exc:
        raise CliError(str(exc)) from None
    except ContractInvalid as exc:
        raise CliError(exc.render()) from None


def load_contract(path: str) -> Contract:
    """A contract file, or a CliError listing its problems."""
    try:
        return load_file(Path(path))
    except ContractInvalid as exc:
        raise CliError(exc.render()) from None


def version_number(text: str) -> int:
    """argparse type: "2" or "v2"."""
    digits = text.strip().lower().removeprefix("v")
    if not digits.isdigit() or int(digits) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a version; write 2 or v2")
    return int(digits)


def load_contract_for(args: argparse.Namespace) -> Contract:
    """The contract named by --contract FILE, else the workspace's current one."""
    path = getattr(args, "contract", None)
    if path:
        return load_contract(path)
    with open_workspace(args) as store:
        return store.current().contract
