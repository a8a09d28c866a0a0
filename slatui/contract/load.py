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

_TOML_POSITION = re.compile(
    r"^(?P<msg>.*?)\s*\((?:at line (?P<line>\d+), column (?P<col>\d+)|at end of document)\)$"
)

_TOML_MESSAGES: dict[str, str] = {
    "Illegal character '\\n'": (
        "the text in quotes is not closed; add the closing quote before the end of the line"
    ),
    "Unterminated string": "a text in quotes is never closed; add the closing quotes",
    "Cannot overwrite a value": (
        "this key is already set above; each key may appear only once in its table"
    ),
    "Expected '=' after a key in a key/value pair": 'expected "=" after the key; write key = value',
    "Invalid value": (
        'this value cannot be read; text needs quotes ("..."), dates are written '
        '2027-01-04 and lists ["a", "b"]'
    ),
    "Expected newline or end of document after a statement": (
        "unexpected text after the value; write one key = value per line, with text in quotes"
    ),
    "Unclosed array": 'a list is not closed; add the closing "]"',
    "Unclosed inline table": 'a { ... } table is not closed; add the closing "}" on the same line',
    "Unescaped '\\' in a string": (
        "a backslash in double quotes starts an escape such as \\n; write \\\\ for a "
        "backslash, or put the text in single quotes"
    ),
    "Expected ']' at the end of a table declaration": (
        'a [table] header is not closed; add the closing "]"'
    ),
}
_DECLARED_TWICE = re.compile(r"^Cannot declare \((?P<names>.*)\) twice$")


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
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problem = Problem(
            "",
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read); "
            "save the file as UTF-8",
            line,
            column,
        )
        raise ContractInvalid([problem], str(path)) from None
    return loads(text, source=str(path))


def loads(text: str, source: str | None = None) -> Contract:
    """A contract from TOML text."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        problem = Problem("", "is empty; a contract file starts with format = 1")
        raise ContractInvalid([problem], source)
    return from_data(parse_toml(text, source), source, text)


def parse_toml(text: str, source: str | None = None) -> dict[str, Any]:
    """TOML to a dict; a syntax error names its line and column."""
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise ContractInvalid([_syntax_problem(text, str(exc))], source) from None


def _syntax_problem(text: str, error: str) -> Problem:
    from slatui.contract.locate import duplicate_key

    match = _TOML_POSITION.match(error)
    message = match.group("msg") if match else error
    line: int | None = None
    column: int | None = None
    if match and match.group("line"):
        line, column = int(match.group("line")), int(match.group("col"))
    elif match:  # "at end of document": the last line is where reading stopped
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    if message == "Cannot overwrite a value":
        found = duplicate_key(text)
        if found is not None:
            line, column = found
    return Problem("", f"not valid TOML: {_friendly(message)}", line, column)


def _friendly(message: str) -> str:
    if message in _TOML_MESSAGES:
        return _TOML_MESSAGES[message]
    twice = _DECLARED_TWICE.match(message)
    if twice:
        names = ".".join(re.findall(r"'([^']*)'", twice.group("names")))
        return f"the table [{names}] appears twice; keep one and merge the keys into it"
    return message[:1].lower() + message[1:]


def from_data(data: dict[str, Any], source: str | None = None, text: str | None = None) -> Contract:
    """Validate parsed data; every clause and cross-reference problem at once."""
    if "format" not in data:
        problem = Problem("format", "is required; write format = 1 at the top of the file")
        raise ContractInvalid(_with_lines([problem], text), source)
    version = data["format"]
    if type(version) is not int or version != 1:
        problem = Problem("format", _format_message(version))
        raise ContractInvalid(_with_lines([problem], text), source)
    try:
        contract = Contract.model_validate(data)
    except ValidationError as exc:
        problems = problems_from(exc, Contract, data)
        raise ContractInvalid(_with_lines(problems, text), source) from None
    problems = reference_problems(contract)
    if problems:
        raise ContractInvalid(_with_lines(problems, text), source)
    return contract


def _format_message(version: object) -> str:
    if isinstance(version, int) and not isinstance(version, bool):
        return (
            f"{version} is not a format this version of slatui reads; it reads format = 1 "
            "(a newer slatui may read this file)"
        )
    if isinstance(version, str):
        return f'"{version}" is in quotes; write the number without them: format = 1'
    return f"{version!r} is not a format number; write format = 1"


def _with_lines(problems: list[Problem], text: str | None) -> list[Problem]:
    if text is None:
        return problems
    from slatui.contract.locate import locate

    out = []
    for problem in problems:
        line = locate(text, problem.path) if problem.line is None else problem.line
        out.append(Problem(problem.path, problem.message, line, problem.column))
    return out
