"""Clause-by-clause differences between two versions of an agreement.

Clauses are matched by stable identity (`commitments[<id>]`, not position), so
inserting a commitment does not make every later one look changed; that is
what lets the two parties see, before signing v2, exactly what v1 promised
differently. Signatures are left out: they are not content.

A changed clause is reported field by field (dotted paths for nested values,
e.g. `touchpoints.within`), with values written the way the TOML file writes
them, so `1bd → 2bd` reads like the file the parties edit. Fields are compared
with defaults filled in: leaving out `on_time` means 1.0, and removing
`on_time = 0.95` shows as `0.95 → 1.0`. A field present on one side only shows
`(none)` on the other. A commitment's baseline is one value, said in words
and compared last (`baseline: (none) → 2.5 SALs per month measured (2.5) over
the 4-week pilot from 2026-11-02, adopted as ...`): it is one piece of
evidence, and seven field lines would bury the number that changed with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import tomli_w
from pydantic import BaseModel

from slatui.contract.model import Baseline, Contract

ChangeKind = Literal["added", "removed", "changed"]
NONE = "(none)"
_SKIPPED = ("format", "signoffs")


@dataclass(frozen=True)
class Change:
    """One difference: a clause added or removed, or one field of a clause changed.

    `field` is None for whole-clause changes; `old` / `new` are the rendered
    values (None where the field is absent on that side).
    """

    kind: ChangeKind
    clause: str
    field: str | None = None
    old: str | None = None
    new: str | None = None

    def render(self) -> str:
        """`changed commitments[x].within: 1bd → 2bd`, `added commitments[y]`."""
        if self.field is None:
            return f"{self.kind} {self.clause}"
        old = NONE if self.old is None else self.old
        new = NONE if self.new is None else self.new
        return f"{self.kind} {self.clause}.{self.field}: {old} → {new}"


def diff(old: Contract, new: Contract) -> list[Change]:
    """Every change from `old` to `new`: new contract's file order, removed clauses last."""
    before, after = clauses(old), clauses(new)
    changes: list[Change] = []
    for key, value in after.items():
        if key not in before:
            changes.append(Change("added", key))
        else:
            changes.extend(_field_changes(key, before[key], value))
    changes.extend(Change("removed", key) for key in before if key not in after)
    return changes


def clauses(contract: Contract) -> dict[str, dict[str, Any]]:
    """The contract's clauses by stable key, in file order, as plain values."""
    out: dict[str, dict[str, Any]] = {}
    for name in type(contract).model_fields:
        if name in _SKIPPED:
            continue
        value = getattr(contract, name)
        if isinstance(value, list):
            for item in value:
                out[f"{name}[{item.id}]"] = _plain(item)
        elif value is not None:
            out[name] = _plain(value)
    return out


def _plain(clause: BaseModel) -> dict[str, Any]:
    """Defaults included, absent optionals left out, durations as their strings."""
    data = clause.model_dump(mode="python", exclude_none=True)
    baseline = getattr(clause, "baseline", None)
    if isinstance(baseline, Baseline):
        del data["baseline"]
        data["baseline"] = baseline_words(baseline)
    return data


def baseline_words(baseline: Baseline) -> str:
    """A baseline as one line: what was measured, over which pilot, who adopted it when.

    Every field is in it, so a change to any of them shows as a change of the line.
    """
    adopted_at = baseline.adopted_at.isoformat().replace("+00:00", "Z")
    return (
        f"{baseline.measured_text} measured ({render_value(baseline.measured)}) over the "
        f"{baseline.pilot_weeks}-week pilot from {baseline.pilot_start.isoformat()}, "
        f"adopted as {_SUGGESTIONS[baseline.suggestion]} by {baseline.adopted_by} at {adopted_at}"
    )


_SUGGESTIONS = {
    "achievable": "the achievable suggestion",
    "stretch": "the stretch suggestion",
    "value": "a typed value",
}


def _field_changes(clause: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    for path, before, after in _walk(old, new, ""):
        yield Change("changed", clause, path, _render_opt(before), _render_opt(after))


_MISSING: Any = object()


def _walk(old: Any, new: Any, path: str) -> Iterator[tuple[str, Any, Any]]:
    """Leaf differences; dicts are descended into (a missing side counts as empty)."""
    if old == new:
        return
    old_is_map = isinstance(old, dict) or old is _MISSING
    new_is_map = isinstance(new, dict) or new is _MISSING
    if old_is_map and new_is_map and (isinstance(old, dict) or isinstance(new, dict)):
        old_map = old if isinstance(old, dict) else {}
        new_map = new if isinstance(new, dict) else {}
        keys = [*new_map, *(k for k in old_map if k not in new_map)]
        for key in keys:
            sub = f"{path}.{key}" if path else str(key)
            yield from _walk(old_map.get(key, _MISSING), new_map.get(key, _MISSING), sub)
        return
    yield path, old, new


def _render_opt(value: Any) -> str | None:
    return None if value is _MISSING else render_value(value)


def render_value(value: Any) -> str:
    """A value as TOML writes it, bare when it is a top-level string ("1bd", not "\"1bd\"")."""
    if isinstance(value, str):
        return value
    return _inline(value)


def _inline(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{k} = {_inline(v)}" for k, v in value.items()) + " }"
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")
