"""Find the line of a key path in TOML text, for messages like `sample.toml:42`.

A small line scanner over what people and slatui write: `[table]` and
`[[array]]` headers (counted, so `commitments[2]` is the third
`[[commitments]]`), `key = value` and dotted `a.b = value` lines, inline
tables (a problem inside `touchpoints = { ... }` is placed on that line),
arrays spread over several lines (each item on the line where it starts) and
multi-line strings (whose contents are never mistaken for keys). When the
layout defeats it the message still names the key path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Step = tuple[str, int | None]

_KEY_PART = r"""(?:[A-Za-z0-9_\-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_HEADER = re.compile(rf"^\s*(?P<open>\[\[?)\s*(?P<key>{_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(rf"^\s*(?P<key>{_DOTTED})\s*=(?P<rest>.*)$")
_SEGMENT = re.compile(r"^(?P<name>[^\[\]]*)(?P<index>(?:\[\d+\])*)$")


@dataclass
class _Entry:
    """A header or a key line, with the full key path it defines."""

    number: int
    column: int
    path: tuple[Step, ...]
    is_key: bool
    items: list[int] = field(default_factory=list)


def locate(text: str, path: str) -> int | None:
    """1-based line where the innermost locatable part of `path` is written."""
    wanted = _parse_path(path)
    if not wanted:
        return None
    entries = _scan(text)
    for depth in range(len(wanted), 0, -1):
        target = wanted[:depth]
        for entry in entries:
            line = _exact(entry, target)
            if line is not None:
                return line
        for entry in entries:
            if len(entry.path) > depth and _same(entry.path[:depth], target):
                return entry.number
    return None


def duplicate_key(text: str) -> tuple[int, int] | None:
    """(line, column) of the first key set a second time in the same table."""
    seen: set[tuple[Step, ...]] = set()
    for entry in _scan(text):
        if entry.is_key:
            if entry.path in seen:
                return entry.number, entry.column
            seen.add(entry.path)
    return None


def _parse_path(path: str) -> list[Step]:
    steps: list[Step] = []
    for segment in path.split(".") if path else []:
        match = _SEGMENT.match(segment)
        if match is None:
            steps.append((segment, None))
            continue
        indexes = [int(i) for i in re.findall(r"\[(\d+)\]", match.group("index"))]
        steps.append((match.group("name"), indexes[0] if indexes else None))
    return steps


def _exact(entry: _Entry, target: list[Step]) -> int | None:
    """The line for `target` if this entry defines it, else None."""
    if len(entry.path) != len(target):
        return None
    for depth, ((name, index), (want, want_index)) in enumerate(
        zip(entry.path, target, strict=True)
    ):
        if name != want:
            return None
        if index is not None and want_index is not None and index != want_index:
            return None
        if index is None and want_index is not None:
            if depth != len(target) - 1 or not entry.is_key:
                return None
            items = entry.items
            return items[want_index] if want_index < len(items) else entry.number
    return entry.number


def _same(path: tuple[Step, ...], target: list[Step]) -> bool:
    return all(
        name == want and (index is None or want_index is None or index == want_index)
        for (name, index), (want, want_index) in zip(path, target, strict=True)
    )


def _split_key(key: str) -> list[str]:
    parts = re.findall(_KEY_PART, key)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def _scan(text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    table: tuple[Step, ...] = ()
    counts: dict[tuple[tuple[Step, ...], str], int] = {}
    value: _Value | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if value is not None:
            value.feed(line, number)
            if value.done:
                value = None
            continue
        header = _HEADER.match(line)
        if header:
            names = _split_key(header.group("key"))
            steps: list[Step] = []
            for position, name in enumerate(names):
                parent = (tuple(steps), name)
                is_last = position == len(names) - 1
                if is_last and header.group("open") == "[[":
                    counts[parent] = counts.get(parent, -1) + 1
                steps.append((name, counts.get(parent)))
            table = tuple(steps)
            column = len(line) - len(line.lstrip()) + 1
            entries.append(_Entry(number, column, table, is_key=False))
            continue
        key = _KEY.match(line)
        if key:
            names = _split_key(key.group("key"))
            column = len(line) - len(line.lstrip()) + 1
            entry = _Entry(number, column, table + tuple((n, None) for n in names), is_key=True)
            entries.append(entry)
            scanner = _Value(entry)
            scanner.feed(key.group("rest"), number)
            if not scanner.done:
                value = scanner
    return entries


class _Value:
    """Follows one value across lines: strings, brackets, and where items start."""

    def __init__(self, entry: _Entry) -> None:
        self.entry = entry
        self.depth = 0
        self.quote: str | None = None
        self.started = False
        self.expect_item = False
        self.outer_array = False

    @property
    def done(self) -> bool:
        return self.started and self.depth == 0 and self.quote is None

    def feed(self, line: str, number: int) -> None:
        i = 0
        while i < len(line):
            if self.quote is not None:
                i = self._in_string(line, i)
                continue
            char = line[i]
            if char == "#":
                return
            if char.isspace():
                i += 1
                continue
            if self.depth == 1 and self.outer_array and self.expect_item and char not in ",]":
                self.entry.items.append(number)
                self.expect_item = False
            self.started = True
            if line.startswith(('"""', "'''"), i):
                self.quote = line[i : i + 3]
                i += 3
                continue
            if char in "\"'":
                self.quote = char
            elif char in "[{":
                if self.depth == 0 and char == "[":
                    self.outer_array = True
                    self.expect_item = True
                self.depth += 1
            elif char in "]}":
                self.depth = max(0, self.depth - 1)
            elif char == "," and self.depth == 1:
                self.expect_item = True
            i += 1
        if self.quote in ('"', "'"):
            self.quote = None  # a single-line string cannot continue; TOML reports it

    def _in_string(self, line: str, i: int) -> int:
        assert self.quote is not None
        if self.quote[0] == '"' and line[i] == "\\":
            return i + 2
        if line.startswith(self.quote, i):
            i += len(self.quote)
            self.quote = None
            return i
        return i + 1
