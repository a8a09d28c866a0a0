"""The one canonical TOML form of a contract, and the digest signatures bind to.

Export writes only what differs from the defaults, in model order, so the same
agreement always produces the same bytes: that is what makes
export -> import -> export byte-identical and a digest meaningful. Values that
are equal but could be spelt two ways are written one way: dict keys in
weekday and seniority order, `2.0` targets as `2`, `-0.0` as `0.0`, signature
and adoption times in UTC (`2027-01-05T15:04:00Z`), and every tier, commitment,
escalation and signature as its own `[[...]]` table, however short. A
commitment's `baseline` comes last, as its own `[commitments.baseline]`
sub-table.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import tomli_w

from slatui.contract.model import Contract
from slatui.contract.types import SENIORITIES, WEEKDAYS

HEADER = (
    "# slatui contract, format 1. "
    "Signatures are written by slatui; edit them and they no longer match.\n"
)

_UTC_TIME = re.compile(
    r"^(?P<key>(?:signed_at|adopted_at) = )"
    r"(?P<date>\d{4}-\d\d-\d\d) (?P<time>\d\d:\d\d:\d\d(?:\.\d+)?)\+00:00$",
    re.MULTILINE,
)


def to_data(contract: Contract) -> dict[str, Any]:
    """The contract as plain TOML-ready values, defaults left out."""
    data = contract.model_dump(mode="python", exclude_defaults=True, exclude_none=True)
    data["format"] = contract.format
    calendar = data.get("calendar", {})
    if "hours_by_day" in calendar:
        calendar["hours_by_day"] = _sorted(calendar["hours_by_day"], WEEKDAYS)
    sal = data.get("sal", {})
    if "titles" in sal:
        sal["titles"] = _sorted(sal["titles"], SENIORITIES)
    for table in ("commitments", "escalations"):
        data[table] = [_words_last(item) for item in data.get(table, [])]
    if not data["commitments"]:
        del data["commitments"]
    if not data["escalations"]:
        del data["escalations"]
    return _ordered(data)


def _words_last(clause: dict[str, Any]) -> dict[str, Any]:
    """`text` and `directional` after the terms, so a clause reads id, who, what, how much.

    `baseline` (the evidence for the number) goes last of all: it is written as
    a sub-table, which TOML can only place after the clause's own keys.
    """
    keys = ("text", "directional", "baseline")
    tail: dict[str, Any] = {k: clause.pop(k) for k in keys if k in clause}
    return {**clause, **tail}


def _sorted(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """Keys in the order of `order` (mon..sun, ic..c_level), whatever order they came in."""
    return {key: mapping[key] for key in sorted(mapping, key=order.index)}


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """Put `format` first, the rest in model order."""
    return {"format": data.pop("format"), **data}


def to_toml(contract: Contract) -> str:
    """Canonical TOML text of the whole contract, signatures included."""
    return HEADER + _dumps(to_data(contract))


def content_toml(contract: Contract) -> str:
    """Canonical TOML of what is signed: everything but the signatures."""
    return _dumps(to_data(contract.model_copy(update={"signoffs": []})))


def _dumps(data: dict[str, Any]) -> str:
    """TOML in data order, each array of tables as `[[name]]` sections.

    tomli_w writes an array of small tables inline (`tiers = [{ id = "t1", ... }]`)
    and moves it above every section; a contract reads better, and stays in one
    shape as it grows, when every tier and commitment is its own section.
    """
    plain = {key: value for key, value in data.items() if not _is_section(value)}
    chunks = [tomli_w.dumps(plain)] if plain else []
    for key, value in data.items():
        if isinstance(value, dict):
            chunks.append(tomli_w.dumps({key: value}))
        elif _is_section(value):
            for item in value:
                chunks.extend(_array_item(key, item))
    return _UTC_TIME.sub(r"\g<key>\g<date>T\g<time>Z", "\n".join(chunks))


def _array_item(key: str, item: dict[str, Any]) -> list[str]:
    """`[[key]]` with the item's own keys, then each flat sub-table as `[key.sub]`.

    A `[key.sub]` header right after `[[key]]` belongs to that entry, so a
    commitment's baseline stays with its commitment; deeper nesting is refused
    rather than written in a shape nobody has read.
    """
    own = {k: v for k, v in item.items() if not isinstance(v, dict)}
    subs = {k: v for k, v in item.items() if isinstance(v, dict)}
    nested = [*own.values(), *(v for sub in subs.values() for v in sub.values())]
    if any(_is_section(v) for v in nested):
        raise ValueError(f"{key} entries must be flat to be written as [[{key}]]")
    chunks = [f"[[{key}]]\n" + tomli_w.dumps(own)]
    chunks += [f"[{key}.{name}]\n" + tomli_w.dumps(sub) for name, sub in subs.items()]
    return chunks


def _is_section(value: Any) -> bool:
    return isinstance(value, dict) or (
        isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
    )


def digest(contract: Contract) -> str:
    """`sha256:<hex>` of the canonical content; any change makes signatures stale."""
    return "sha256:" + hashlib.sha256(content_toml(contract).encode("utf-8")).hexdigest()


def signature_valid(contract: Contract, party: str) -> bool:
    """True when `party` signed exactly this content."""
    current = digest(contract)
    return any(s.party == party and s.digest == current for s in contract.signoffs)
