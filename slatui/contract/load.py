"""Read a contract from TOML text, reporting every problem with its place."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from slatui.contract.errors import ContractInvalid, Problem
from slatui.contract.model import Contract
from slatui.contract.pydantic_errors import problems_from
from slatui.contract.references import reference_problems

_TOML_POSITION = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def load_file(path: Path) -> Contract:
    """A contract from a TOML file; ContractInvalid names the file on failure."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContractInvalid([Problem("", "no such file")], str(path)) from None
    except OSError as exc:
        raise ContractInvalid([Problem("", f"cannot read: {exc.strerror}")], str(path)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = Problem("", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8")
        raise ContractInvalid([problem], str(path)) from None
    return loads(text, source=str(path))


def loads(text: str, source: str | None = None) -> Contract:
    """A contract from TOML text."""
    return from_data(parse_toml(text, source), source, text)


def parse_toml(text: str, source: str | None = None) -> dict[str, Any]:
    """TOML to a dict; a syntax error names its line and column."""
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POSITION.match(str(exc))
        if match:
            problem = Problem(
                "",
                f"TOML syntax error: {match.group('msg')}",
                int(match.group("line")),
                int(match.group("col")),
            )
        else:
            problem = Problem("", f"TOML syntax error: {exc}")
        raise ContractInvalid([problem], source) from None


def from_data(data: dict[str, Any], source: str | None = None, text: str | None = None) -> Contract:
    """Validate parsed data; every clause and cross-reference problem at once."""
    if "format" not in data:
        raise ContractInvalid([Problem("format", "is required; write format = 1 at the top")], source)
    if data.get("format") != 1:
        problem = Problem("format", f"{data.get('format')!r} is not a known format; this slatui reads format = 1")
        raise ContractInvalid([problem], source)
    try:
        contract = Contract.model_validate(data)
    except ValidationError as exc:
        problems = problems_from(exc, Contract)
        raise ContractInvalid(_with_lines(problems, text), source) from None
    problems = reference_problems(contract)
    if problems:
        raise ContractInvalid(_with_lines(problems, text), source)
    return contract


def _with_lines(problems: list[Problem], text: str | None) -> list[Problem]:
    if text is None:
        return problems
    from slatui.contract.locate import locate

    out = []
    for problem in problems:
        line = locate(text, problem.path) if problem.line is None else problem.line
        out.append(Problem(problem.path, problem.message, line, problem.column))
    return out
