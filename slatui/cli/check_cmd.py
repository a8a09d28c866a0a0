"""`slatui contract check FILE`: is the file a usable contract, and a good one?

Problems (the file cannot be used) go to stderr, all at once, exit 2: fixing
one at a time and re-running is how people give up on a tool. Warnings (the
guide's advice: vague, one-sided, contradictory) go to stdout grouped by
clause, exit 0, or 1 with --strict so CI can hold a draft to the advice.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from slatui.cli.common import HelpFormatter
from slatui.contract.errors import ContractInvalid
from slatui.contract.load import load_file
from slatui.contract.locate import locate
from slatui.lint import LintWarning, lint

EXIT_VALID = 0
EXIT_WARNINGS = 1
EXIT_INVALID = 2

_EPILOG = """\
examples:
  slatui contract check sample.toml
  slatui contract check draft.toml --strict      # exit 1 when there are warnings
  slatui contract check draft.toml --json | jq '.warnings[].rule'

exit codes: 0 valid (warnings allowed), 1 warnings with --strict, 2 invalid"""


def register(group: Any) -> None:
    """Add `check` to the `contract` group."""
    parser = group.add_parser(
        "check",
        help="validate a contract file and lint it against the guide's advice",
        description=(
            "Validate a contract TOML file (every problem with its line and key path), "
            "then lint it: commitments without a number, unit or owner, one-sided tiers, "
            "conflicting targets, wall-clock response times, missing escalations and baselines."
        ),
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="the contract TOML file to check")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when there are warnings (for CI)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.set_defaults(handler=check)


def check(args: argparse.Namespace) -> int:
    """Load, lint, report; the exit code says which of the three outcomes it was."""
    path = Path(args.file)
    try:
        contract = load_file(path)
    except ContractInvalid as invalid:
        return _report_invalid(path, invalid, as_json=args.json)
    warnings = lint(contract)
    if args.json:
        _print_json(path, errors=[], warnings=warnings)
    else:
        _print_warnings(path, warnings)
    return EXIT_WARNINGS if warnings and args.strict else EXIT_VALID


def _report_invalid(path: Path, invalid: ContractInvalid, *, as_json: bool) -> int:
    """Every problem at once; JSON to stdout, text to stderr."""
    if as_json:
        errors = [{"path": p.path, "message": p.message, "line": p.line} for p in invalid.problems]
        _print_json(path, errors=errors, warnings=[])
    else:
        print(invalid.render(), file=sys.stderr)
        count = len(invalid.problems)
        print(f"{path}: invalid, {_plural(count, 'problem')}", file=sys.stderr)
    return EXIT_INVALID


def _print_json(path: Path, *, errors: list[dict[str, Any]], warnings: list[LintWarning]) -> None:
    document = {
        "file": str(path),
        "valid": not errors,
        "errors": errors,
        "warnings": [w.as_dict() for w in warnings],
    }
    print(json.dumps(document, indent=2, ensure_ascii=False))


def _print_warnings(path: Path, warnings: list[LintWarning]) -> None:
    """Warnings grouped under their clause, each clause headed by `file:line:`."""
    text = _read_text(path)
    for clause_path, group in _by_clause(warnings):
        print(_heading(path, text, clause_path, group[0].clause))
        for warning in group:
            print(_item(text, warning))
        print()
    summary = _plural(len(warnings), "warning") if warnings else "no warnings"
    print(f"{path}: valid, {summary}")


def _by_clause(warnings: list[LintWarning]) -> list[tuple[str, list[LintWarning]]]:
    """Consecutive warnings of one clause together (lint already orders by clause)."""
    groups: list[tuple[str, list[LintWarning]]] = []
    for warning in warnings:
        if groups and groups[-1][0] == warning.clause_path:
            groups[-1][1].append(warning)
        else:
            groups.append((warning.clause_path, [warning]))
    return groups


def _heading(path: Path, text: str, clause_path: str, clause: str) -> str:
    line = locate(text, clause_path)
    where = f"{path}:{line}" if line is not None else str(path)
    return f"{where}: {clause_path}: {clause}"


def _item(text: str, warning: LintWarning) -> str:
    """`  - rule: message` (with the key and its line when deeper than the clause)."""
    where = ""
    if warning.path != warning.clause_path:
        line = locate(text, warning.path)
        where = f" ({warning.path}" + (f", line {line})" if line is not None else ")")
    return f"  - {warning.rule}{where}: {warning.message}\n    fix: {warning.advice}"


def _read_text(path: Path) -> str:
    """The file's text for line numbers; it loaded, so it is readable UTF-8."""
    return path.read_text(encoding="utf-8").removeprefix("\ufeff")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
