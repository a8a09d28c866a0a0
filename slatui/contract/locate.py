"""Find the line of a key path in TOML text, for messages like `sample.toml:42`.

A best effort over the common layout (`[table]`, `[[array]]`, `key = value`);
when the layout is unusual the message still names the key path.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[(\[)?\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")
_PART = re.compile(r"([A-Za-z0-9_\-]+)(?:\[(\d+)\])?")


def locate(text: str, path: str) -> int | None:
    """1-based line where the innermost locatable part of `path` is written."""
    if not path:
        return None
    parts = [(m.group(1), int(m.group(2)) if m.group(2) else None) for m in _PART.finditer(path)]
    lines = text.splitlines()
    best: int | None = None
    for depth in range(len(parts), 0, -1):
        found = _find(lines, parts[:depth])
        if found is not None:
            return found
    return best


def _find(lines: list[str], parts: list[tuple[str, int | None]]) -> int | None:
    """Line of the table/array element for parts[:-1] and the key parts[-1]."""
    table: list[str] = []
    counts: dict[str, int] = {}
    current_index: dict[str, int] = {}
    want_table = [name for name, _ in parts]
    for number, line in enumerate(lines, start=1):
        header = _HEADER.match(line)
        if header:
            name = header.group(2).replace('"', "").replace(" ", "")
            table = name.split(".")
            if header.group(1):
                counts[name] = counts.get(name, -1) + 1
                current_index[name] = counts[name]
            if _matches_table(table, parts, current_index) and len(table) == len(parts):
                return number
            continue
        key = _KEY.match(line)
        if key and _matches_table(table, parts[:-1], current_index) and len(table) == len(parts) - 1:
            if key.group(1) == want_table[-1]:
                return number
    return None


def _matches_table(
    table: list[str], parts: list[tuple[str, int | None]], index: dict[str, int]
) -> bool:
    if len(table) != len(parts):
        return False
    for depth, (name, wanted) in enumerate(parts):
        if table[depth] != name:
            return False
        if wanted is not None and index.get(".".join(table[: depth + 1])) != wanted:
            return False
    return True
