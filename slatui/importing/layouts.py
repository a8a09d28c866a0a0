"""Every layout a file can be read with, and which one its header calls for.

`slatui import` is told the layout (a kind or `--preset`); the import modal
has to propose one, so it asks here. Preset detection
(`slatui.importing.presets.detect`) knows real exports; slatui's own
canonical CSV is recognised first, by its column names, because the field
names it uses also give a weak, misleading score to look-alike presets.
A misspelt canonical column (`occured_at`) still proposes the canonical
layout, so that the preview shows the refusal naming the right spelling.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from slatui.importing.canonical import LAYOUTS
from slatui.importing.pipeline import Layout
from slatui.importing.source import CsvSource

NEAR_CANONICAL = 0.5
"""Share of a header's columns that makes it a canonical CSV with mistakes."""


@dataclass(frozen=True)
class Choice:
    """The proposed layout's name (a key of `all_layouts`), why, and whether it fits as is."""

    layout: str
    why: str
    fits: bool
    notes: tuple[str, ...] = ()  # what this file will not give (the preset's notes)


def all_layouts() -> dict[str, Layout]:
    """The canonical layouts (events, accounts, contacts), then every preset, by name."""
    from slatui.importing.presets import PRESETS

    return {**LAYOUTS, **PRESETS}


def choose_file(path: Path) -> Choice:
    """`choose_layout` on the file's header, read as an import reads it.

    Raises OSError or `SourceError` when the file cannot be read.
    """
    return choose_layout(CsvSource.open(path).header)


def choose_layout(header: Sequence[str]) -> Choice:
    """The layout that fits the header best, with a one-line reason that names it.

    The reason reads like `slatui import --detect`: "fits NAME ..." or
    "nothing fits; closest: NAME ...".
    """
    from slatui.importing.presets.detect import detect

    names = [_norm(column) for column in header if column.strip()]
    exact = _canonical(names, exact=True)
    if exact is not None:
        why = f"fits {exact} (slatui's CSV): every column is one of its columns"
        return Choice(exact, why, True)
    found = detect(header)
    if found and found[0].fits:
        best = found[0]
        return Choice(best.preset.name, f"fits {best.describe()}", True, tuple(best.notes))
    near = _canonical(names, exact=False)
    if near is not None:
        return Choice(near, _near_miss(near, names), False)
    if found:
        return Choice(found[0].preset.name, f"nothing fits; closest: {found[0].describe()}", False)
    return Choice("events", "nothing fits: no column is one slatui knows; choose a layout", False)


def _canonical(names: Sequence[str], *, exact: bool) -> str | None:
    """The canonical kind whose columns the header uses (all of them, or most)."""
    best: tuple[float, str] | None = None
    for kind, layout in LAYOUTS.items():
        fields = set(layout.fields)
        known = sum(1 for name in names if name in fields)
        share = known / len(names) if names else 0.0
        if exact and (share < 1 or not set(layout.required) <= set(names)):
            continue
        if share >= NEAR_CANONICAL and (best is None or share > best[0]):
            best = (share, kind)
    return None if best is None else best[1]


def _near_miss(kind: str, names: Sequence[str]) -> str:
    """What keeps a near-canonical header from fitting: odd columns, missing ones."""
    layout = LAYOUTS[kind]
    odd = [repr(n) for n in names if n not in layout.fields]
    missing = [f for f in layout.required if f not in names]
    lacks = []
    if odd:
        lacks.append(f"not {', '.join(odd)}")
    if missing:
        lacks.append(f"no {', '.join(missing)} column")
    return f"nothing fits; closest: {kind} (slatui's CSV), but " + " and ".join(lacks)


def _norm(name: str) -> str:
    return name.strip().lstrip("\ufeff").casefold()
