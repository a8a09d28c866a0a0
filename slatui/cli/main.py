"""The `slatui` command line: one parser, command groups registered from modules.

Every failure a user can cause ends as one message on stderr and exit code 2;
a traceback only appears with the hidden `--debug` flag, because a workshop
participant should never have to read one.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from slatui.cli import (
    baseline_cmd,
    clock_cmd,
    compliance_cmd,
    contract_cmd,
    demo_cmd,
    import_cmd,
    imports_cmd,
    init_cmd,
    log_cmd,
    report_cmd,
    summary_cmd,
)
from slatui.cli.common import CliError, HelpFormatter

COMMAND_MODULES = (
    init_cmd,
    contract_cmd,
    clock_cmd,
    import_cmd,
    imports_cmd,
    log_cmd,
    summary_cmd,
    compliance_cmd,
    report_cmd,
    baseline_cmd,
    demo_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree; each module adds its own sub-commands."""
    parser = argparse.ArgumentParser(
        prog="slatui",
        description=(
            "slatui: write, sign, pilot and review a two-sided sales-marketing SLA "
            "in a local SQLite workspace."
        ),
        epilog=(
            "With no command, slatui opens the workbench.\n\nexamples:\n"
            "  slatui --db team.db   open the workbench (offers sample.toml on a new file)\n"
            "  slatui init --from sample.toml\n  slatui contract check sample.toml"
        ),
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--db",
        dest="root_db",
        metavar="PATH",
        help="with no command: open the workbench on this workspace (made on first use)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Parse and dispatch; returns the exit code instead of exiting (for tests)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        from slatui.cli.tui_cmd import open_workbench

        handler = open_workbench
    try:
        return int(handler(args))
    except CliError as exc:
        if args.debug:
            raise
        print(f"slatui: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("slatui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`slatui contract check ... | head`): stop quietly.
        _silence_stdout()
        return 0
    except Exception as exc:  # the last line of defence: never a traceback
        if args.debug:
            raise
        if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
            print(
                f"slatui: cannot write the workspace ({exc}): check its permissions",
                file=sys.stderr,
            )
            return 2
        print(
            f"slatui: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
            file=sys.stderr,
        )
        return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())
