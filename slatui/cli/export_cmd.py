"""`slatui contract export`: the agreement leaves the tool as TOML or Markdown.

TOML is the canonical text (signatures included), so an export imports
elsewhere with its signatures still valid. With -o the file is written to a
temporary name and renamed, so a crash or a full disk never leaves a half
contract where the old one was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from slatui.cli.common import (
    CliError,
    HelpFormatter,
    add_db_argument,
    open_workspace,
    version_number,
)
from slatui.exporting import ExportFailed, export_text, write_atomically
from store import Version


def register(sub: Any) -> None:
    """Add `contract export` to the `contract` group."""
    parser = sub.add_parser(
        "export",
        help="write a version as canonical TOML or as a Markdown contract",
        description="Write a version of the agreement as TOML (for git, re-import) or Markdown.",
        epilog=(
            "example:\n"
            "  slatui contract export --format toml -o sla.toml\n"
            "  slatui contract export --format md --version 1 -o sla-v1.md"
        ),
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--format", choices=["toml", "md"], default="toml", help="default: toml")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.add_argument("--version", type=version_number, metavar="N", help="default: latest")
    add_db_argument(parser)
    parser.set_defaults(handler=_export)


def _export(args: argparse.Namespace) -> int:
    with open_workspace(args) as store:
        version = store.version(args.version) if args.version else store.current()
    text = render(version, args.format)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    size = write_atomic(Path(args.output), text)
    print(f"wrote {args.output} ({size} bytes)")
    return 0


def render(version: Version, fmt: str) -> str:
    """The version's text in the chosen format."""
    return export_text(version.contract, fmt, number=version.number, status=version.status)


def write_atomic(path: Path, text: str) -> int:
    """Write the file atomically; a failure becomes one CliError line."""
    try:
        return write_atomically(path, text)
    except ExportFailed as exc:
        raise CliError(str(exc)) from None
