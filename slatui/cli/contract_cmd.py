"""`slatui contract ...`: the group; each sub-command lives in its own module."""

from __future__ import annotations

import argparse
from typing import Any

from slatui.cli import check_cmd, export_cmd, version_cmd
from slatui.cli.common import HelpFormatter


def register(sub: Any) -> None:
    """Add `contract` and its sub-commands (check, import, sign, ..., export)."""
    parser = sub.add_parser(
        "contract",
        help="check, import, sign, version, diff and export the agreement",
        description="Work with the agreement: lint a TOML file, keep versions, sign, export.",
        epilog="example:\n  slatui contract check sample.toml --strict",
        formatter_class=HelpFormatter,
    )
    group = parser.add_subparsers(dest="contract_command", metavar="SUBCOMMAND")
    parser.set_defaults(handler=lambda args: _help(parser))
    check_cmd.register(group)
    version_cmd.register(group)
    export_cmd.register(group)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0
