"""Which preset fits a file, and why: `slatui import FILE --detect`.

A person exporting from a CRM rarely knows which "object" or report layout
they hold, and a wrong preset imports the wrong events without an error. So
detection is by evidence and says what it saw:

* **Score** (0..1): each preset's header dialects (API names, report labels,
  a translation) list the columns that give the export away, weighted 3 (only
  this export has it: `IsConverted`), 2 (telling) or 1 (common), or negative
  (a look-alike's column: a User export's `Username`); a dialect's score is
  the weight of the columns present over the weight of all its positive
  columns, and the preset's score is its best dialect's. When no dialect has
  any evidence, columns named like the preset's own fields (`account`,
  `close_date`) count at half weight, so a file prepared for `--map` still
  finds its closest preset.
* **Fits** when the score is at least `FIT` and every field the preset
  requires is provided by some column (the pipeline would refuse the file
  otherwise). The best-scoring preset is reported first even when it does not
  fit, with what is missing: "closest: ... (missing company)" is the lead a
  person needs to fix the export or write `--map`.
* **Notes** are what an import would lack although it fits (a leads export
  without `CreatedDate` or a hand-off date gives no `sal_notified`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from slatui.importing.presets.base import Dialect, Preset
from slatui.importing.source import CsvSource

FIT = 0.3
"""The least score at which a preset is said to fit (a third of its marks, weighted)."""
MAX_SHOWN = 5
"""Columns named in a reason."""
NEAR = 0.25
"""Below this a preset that does not fit is named as the nearest, not as a near miss."""
FALLBACK_WEIGHT = 0.5
"""Columns merely named like fields are half the evidence of an export's own columns."""
CANONICAL = "the canonical CSV (slatui import events|accounts|contacts FILE)"


@dataclass(frozen=True)
class Detection:
    """How well one preset matches a header, and the evidence."""

    preset: Preset
    score: float
    reasons: list[str]
    missing: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)
    dialect: str = ""

    @property
    def fits(self) -> bool:
        """True when the file imports with this preset as it is."""
        return self.score >= FIT and not self.missing

    def describe(self) -> str:
        """One line: name, score and why (and what is missing)."""
        why = "; ".join(self.reasons)
        missing = f"; missing {', '.join(self.missing)}" if self.missing else ""
        return f"{self.preset.name} ({self.score:.2f}): {why}{missing}"


def detect(header: Sequence[str], presets: Iterable[Preset] | None = None) -> list[Detection]:
    """Every preset with any evidence, best first (score, then fitting before not)."""
    if presets is None:
        from slatui.importing.presets import PRESETS

        presets = PRESETS.values()
    names = {_norm(name): name.strip() for name in header}
    found = []
    for preset in presets:
        detection = _score(preset, names)
        if detection.score > 0:
            found.append(detection)
    found.sort(key=lambda d: (-d.score, not d.fits, d.preset.name))
    return found


def detect_file(path: str | Path) -> list[Detection]:
    """`detect` on a file's header, read the way an import reads it (encoding, preamble)."""
    return detect(CsvSource.open(path).header)


def describe(header: Sequence[str], presets: Iterable[Preset] | None = None) -> str:
    """What `--detect` prints: the fitting preset and why, or why none fits."""
    found = detect(header, presets)
    if not found:
        return (
            "no preset fits: no column of the file is one a preset knows; "
            f"use --preset NAME with --map COLUMN=FIELD, or {CANONICAL}"
        )
    best = found[0]
    if not best.fits and best.score < NEAR:
        return (
            "no preset fits: the columns are not those of an export slatui knows "
            f"(nearest: {best.describe()}); use {CANONICAL}, or --preset NAME with "
            "--map COLUMN=FIELD"
        )
    if not best.fits:
        return (
            f"no preset fits; closest: {best.describe()}; "
            f"use --map COLUMN=FIELD (with --preset {best.preset.name}) or {CANONICAL}"
        )
    lines = [f"fits: {best.describe()}"]
    lines += [f"  note: {note}" for note in best.notes]
    lines += [f"  also possible: {d.describe()}" for d in found[1:3] if d.fits]
    return "\n".join(lines)


def _norm(name: str) -> str:
    return name.strip().lstrip("\ufeff").casefold()


def _score(preset: Preset, names: Mapping[str, str]) -> Detection:
    best: tuple[float, Dialect | None, list[str], list[str]] = (0.0, None, [], [])
    fallback = Dialect("slatui field names", dict.fromkeys(preset.fields, 1))
    for dialect in (*preset.dialects, fallback):
        if dialect is fallback and best[1] is not None:
            break  # field names are the last resort, when no dialect has any evidence
        marks = dialect.marks
        total = sum(w for w in marks.values() if w > 0)
        present = [c for c in marks if _norm(c) in names]
        score = max(0.0, sum(marks[c] for c in present) / total) if total else 0.0
        if dialect is fallback:
            score *= FALLBACK_WEIGHT
        if score > best[0]:
            order = list(marks)
            hits = sorted(
                (c for c in present if marks[c] > 0), key=lambda c: (-marks[c], order.index(c))
            )
            against = [names[_norm(c)] for c in present if marks[c] < 0]
            best = (score, dialect, [names[_norm(c)] for c in hits], against)
    score, chosen, hits, against = best
    provided = _fields(preset, names)
    missing = tuple(
        f"{f} ({preset.hints[f]})" if f in preset.hints else f
        for f in preset.required
        if f not in provided
    )
    reasons: list[str] = []
    if chosen is not None:
        shown = ", ".join(hits[:MAX_SHOWN]) + (", ..." if len(hits) > MAX_SHOWN else "")
        reasons.append(f"has {shown}: {preset.title} ({chosen.name})")
        if against:
            reasons.append(f"but also {', '.join(against)}, which that export never has")
    notes = preset.notes(provided) if preset.notes is not None and not missing else []
    return Detection(
        preset=preset,
        score=round(score, 4),
        reasons=reasons,
        missing=missing,
        notes=notes,
        dialect=chosen.name if chosen else "",
    )


def _fields(preset: Preset, names: Mapping[str, str]) -> frozenset[str]:
    """The fields the header's columns map to, as `pipeline.resolve_columns` maps them."""
    columns = {_norm(c): f for c, f in preset.columns.items()}
    fields = {f.casefold(): f for f in preset.fields}
    return frozenset(
        target for name in names if (target := columns.get(name) or fields.get(name)) is not None
    )
