"""Escaping of user text for Markdown, in one place so it can be tested alone.

A contract is signed from its Markdown, so a title, an owner or a clause text
must read exactly as the parties typed it: a `*` must not turn into emphasis,
a `|` must not split a table row, a leading `#` or `-` must not become a
heading or a list, and `<script>` must stay text. Everything the document
takes from the contract passes through `inline`, `cell` or `code`; the
document adds its own markup only around the escaped pieces.
"""

from __future__ import annotations

import re

# Characters that open inline markup anywhere in a line.
_ALWAYS = frozenset("\\`*[]~")
# HTML is neutralised with entities, so neither tags nor entities survive.
# A lone "&" ("Sales & Marketing") cannot start an entity and stays as typed.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ENTITY_START = re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# Block markers that only matter at the start of a line.
_LINE_START = frozenset("-+=")
_ORDERED_LIST = re.compile(r"^(\d{1,9})([.)])")


def inline(text: str) -> str:
    """User text for a paragraph, list item or heading, on one line.

    Line breaks and runs of spaces collapse to one space: a line break inside
    a list item could start a new block, and a contract sentence never needs one.
    """
    flat = " ".join(text.split())
    escaped = "".join(_escape_char(flat, i) for i in range(len(flat)))
    if flat[:1] in _LINE_START:
        escaped = "\\" + escaped
    return _ORDERED_LIST.sub(r"\1\\\2", escaped)


def cell(text: str) -> str:
    """User text for a table cell: `inline`, and a pipe cannot end the cell."""
    return inline(text).replace("|", "\\|")


def code(text: str) -> str:
    """User text shown verbatim in a code span (title patterns like `Head of *`).

    Backslashes do nothing inside a code span, so the fence is made longer
    than any run of backticks in the text instead.
    """
    flat = " ".join(text.split())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def _escape_char(text: str, index: int) -> str:
    char = text[index]
    if char == "&" and not _ENTITY_START.match(text, index):
        return char
    if char in _ENTITIES:
        return _ENTITIES[char]
    if char in _ALWAYS:
        return "\\" + char
    if char == "_" and not _inside_word(text, index):
        return "\\_"
    if char == "#" and (index == 0 or text[index - 1] == " "):
        return "\\#"
    return char


def _inside_word(text: str, index: int) -> bool:
    """An `_` between two letters or digits can neither open nor close emphasis.

    Leaving it alone keeps names like America/New_York readable in the source.
    """
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()
