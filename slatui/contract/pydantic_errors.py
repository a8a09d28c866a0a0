"""Turn pydantic's validation errors into problems a contract author can act on.

Pydantic reports locations that include union tags and internal names, and one
error per member of a union; this module walks the model types alongside the
location so the path matches the TOML keys, folds a union's errors into the
one message that applies, and words every message for someone who writes the
agreement, not for someone who reads tracebacks.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from slatui.contract.errors import ClauseError, Problem, join_path

Loc = tuple[str | int, ...]


@dataclass
class _Entry:
    """One pydantic error with its location translated to TOML keys."""

    detail: ErrorDetails
    path: Loc
    owner: type[BaseModel] | None
    node: Any
    branch: tuple[int, str] | None = None
    clause: tuple[Loc, type[BaseModel], Any] | None = None


@dataclass
class _Found:
    """A problem before rendering, with what kind of error produced it."""

    path: Loc
    message: str
    kind: str = ""


def problems_from(error: ValidationError, root: type[BaseModel], data: Any = None) -> list[Problem]:
    """One problem per defect, with TOML key paths and plain-language messages.

    `data` is what was validated; with it, a commitment whose keys all belong
    to another measure is reported once, as the wrong measure.
    """
    entries = [_entry(detail, root) for detail in error.errors()]
    replaced = _wrong_tags(entries, data) if data is not None else {}
    found = _merge_misspellings(list(_resolve(entries, replaced)))
    seen: set[tuple[str, str]] = set()
    out: list[Problem] = []
    for item in found:
        problem = Problem(join_path(item.path), item.message)
        key = (problem.path, problem.message)
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


# --------------------------------------------------------------- locations


def _entry(detail: ErrorDetails, root: type[BaseModel]) -> _Entry:
    """Drop union tags and helper names; note where a plain union branched."""
    out: list[str | int] = []
    current: Any = root
    owner: type[BaseModel] | None = root
    branch: tuple[int, str] | None = None
    clause: tuple[Loc, type[BaseModel], Any] | None = None
    for part in detail["loc"]:
        model = _as_model(current)
        if model is not None and isinstance(part, str) and part in model.model_fields:
            owner = model
            current = model.model_fields[part].annotation
            out.append(part)
        elif isinstance(part, int):
            current = _item_type(current)
            out.append(part)
        elif (tagged := _union_member(current, part)) is not None:
            clause = (tuple(out), tagged, current)
            current = tagged
        elif part == "[key]":
            continue
        elif _is_dict(current) and isinstance(part, str):
            current = _dict_value(current)
            out.append(part)
        elif model is None and len(_members(current)) > 1:
            if branch is None:
                branch = (len(out), str(part))
        elif isinstance(part, str) and (part in _INTERNAL or part.startswith("function-")):
            continue
        else:
            owner = model if model is not None else owner
            out.append(part)
    return _Entry(detail, tuple(out), owner, current, branch, clause)


_INTERNAL = {"list", "dict", "str", "int", "float", "bool"}


def _unwrap(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _as_model(tp: Any) -> type[BaseModel] | None:
    models = [m for m in _members(tp) if isinstance(m, type) and issubclass(m, BaseModel)]
    return models[0] if len(models) == 1 else None


def _members(tp: Any) -> list[Any]:
    """The members of a (possibly nested, possibly Annotated) union, None left out."""
    tp = _unwrap(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return [m for a in typing.get_args(tp) if a is not type(None) for m in _members(a)]
    return [tp]


def _item_type(tp: Any) -> Any:
    for member in _members(tp):
        if typing.get_origin(member) is list:
            return typing.get_args(member)[0]
    return None


def _is_dict(tp: Any) -> bool:
    return any(typing.get_origin(m) is dict for m in _members(tp))


def _dict_value(tp: Any) -> Any:
    for member in _members(tp):
        if typing.get_origin(member) is dict:
            return typing.get_args(member)[1]
    return None


_TAGS = ("measure", "when")


def _union_member(tp: Any, tag: Any) -> type[BaseModel] | None:
    """The member of a discriminated union whose tag is `tag`."""
    for member in _members(tp):
        if isinstance(member, type) and issubclass(member, BaseModel):
            for name in _TAGS:
                info = member.model_fields.get(name)
                if info is not None and typing.get_args(info.annotation) == (tag,):
                    return member
    return None


def _tag_of(model: type[BaseModel]) -> tuple[str, str] | None:
    """("measure", "count") for CountCommitment; None for untagged models."""
    for name in _TAGS:
        info = model.model_fields.get(name)
        if info is not None:
            args = typing.get_args(info.annotation)
            if len(args) == 1:
                return name, str(args[0])
    return None


# --------------------------------------------------------------- unions


def _resolve(entries: list[_Entry], replaced: dict[Loc, _Found]) -> Iterator[_Found]:
    """Each entry as a problem, a plain union's errors folded into one."""
    groups: dict[Loc, list[_Entry]] = {}
    for entry in entries:
        if entry.branch is not None:
            groups.setdefault(entry.path[: entry.branch[0]], []).append(entry)
    done: set[Loc] = set()
    for entry in entries:
        if entry.clause is not None and entry.clause[0] in replaced:
            if entry.clause[0] not in done:
                done.add(entry.clause[0])
                yield replaced[entry.clause[0]]
            continue
        if entry.branch is None:
            yield _found(entry)
            continue
        base = entry.path[: entry.branch[0]]
        if base not in done:
            done.add(base)
            yield from _fold(base, groups[base])


def _fold(base: Loc, entries: list[_Entry]) -> Iterator[_Found]:
    """A value that fits one member of the union is judged by that member alone."""
    by_member: dict[str, list[_Entry]] = {}
    for entry in entries:
        assert entry.branch is not None
        by_member.setdefault(entry.branch[1], []).append(entry)
    for member in by_member.values():
        if any(e.path != base or e.detail["type"] not in _TYPE_WORDS for e in member):
            for entry in member:
                yield _found(entry)
            return
    expected = [_TYPE_WORDS[e.detail["type"]] for e in entries]
    yield _Found(base, _type_message(entries[0].detail.get("input"), expected), "type")


# --------------------------------------------------------------- messages


def _found(entry: _Entry) -> _Found:
    detail = entry.detail
    kind = detail["type"]
    path = entry.path
    if kind == "extra_forbidden":
        return _Found(path, _unknown_key(path, entry.owner), kind)
    if kind == "missing":
        return _Found(path, "is required but missing", kind)
    if kind in ("union_tag_not_found", "union_tag_invalid"):
        return _tag_problem(entry)
    if kind == "value_error":
        error = (detail.get("ctx") or {}).get("error")
        if isinstance(error, ClauseError):
            return _Found((*path, error.key), str(error), kind)
        return _Found(path, detail["msg"].removeprefix("Value error, "), kind)
    if kind == "list_type" and _as_model(_item_type(entry.node)) is not None and path:
        value = detail.get("input")
        message = f"{_toml(value)} is {_kind(value)}; write each entry as a [[{path[-1]}]] table"
        return _Found(path, message, "type")
    if kind in _TYPE_WORDS:
        return _Found(path, _type_message(detail.get("input"), [_TYPE_WORDS[kind]]), "type")
    return _Found(path, _message(entry), kind)


def _message(entry: _Entry) -> str:
    detail = entry.detail
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    value = detail.get("input")
    key = str(entry.path[-1]) if entry.path else ""
    hint = _HINTS.get(key, "")
    if kind == "literal_error":
        options = [a or b for a, b in re.findall(r"'([^']*)'|(\d+)", str(ctx.get("expected", "")))]
        return _not_one_of(value, options)
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return _bounds(entry) + hint
    if kind == "string_too_short":
        return "is empty; write some text between the quotes"
    if kind == "too_short":
        return f"is empty; list at least one {_NOUNS.get(key, 'entry')}"
    if kind == "string_pattern_mismatch":
        return f"{_toml(value)} {hint or 'is not written in the expected form'}"
    return str(detail["msg"]).replace("Input should be", "must be")


_TYPE_WORDS: dict[str, str] = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": "text in quotes",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list in brackets",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "date_type": "a date such as 2027-01-04",
    "datetime_type": "a date and time such as 2027-01-05T15:04:00Z",
}

_HINTS: dict[str, str] = {
    "fiscal_year_start": " (the month that starts Q1: 1 is January, 12 is December)",
    "weeks": " (the length of the pilot in weeks)",
    "digest": (
        'is not a digest slatui wrote ("sha256:" and 64 hexadecimal characters); '
        "signatures are written by slatui: sign again rather than editing one"
    ),
}

_NOUNS: dict[str, str] = {
    "tiers": "tier: a [[tiers]] table with an id and a name",
    "stop": 'event that stops the clock, e.g. stop = ["call"]',
    "days": 'working day, e.g. days = ["mon", "tue", "wed", "thu", "fri"]',
    "hours": 'working window, e.g. hours = ["09:00-17:00"]',
}


def _type_message(value: Any, expected: list[str]) -> str:
    """What was written and what to write instead, e.g. for "2" where a number goes."""
    words = list(dict.fromkeys(expected))
    if "a number" in words and "a whole number" in words:
        words.remove("a whole number")
    wanted = " or ".join(words)
    given = _toml(value)
    if isinstance(value, str):
        bare = value.strip()
        if any("number" in w for w in words) and re.fullmatch(r"[+-]?\d+(\.\d+)?", bare):
            return f"{given} is in quotes; write the number without them: {bare}"
        if any(w.startswith("a date") for w in words) and _is_date(bare):
            return f"{given} is in quotes; write the date without them: {bare}"
        if "true or false" in words and bare in ("true", "false"):
            return f"{given} is in quotes; write {bare} without them"
        if words == ["a list in brackets"]:
            return f"{given} is a single value; write a list, even of one: [{given}]"
    if isinstance(value, float) and "a whole number" in words:
        if value.is_integer():
            return f"{given} has a decimal point; write the whole number {int(value)}"
        return f"{given} is not a whole number"
    if isinstance(value, dt.datetime) and any(w.startswith("a date such") for w in words):
        return f"{given} is a date and time; write just the date: {value.date().isoformat()}"
    return f"{given} is {_kind(value)}; expected {wanted}"


def _is_date(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time of day"
    return "a value of the wrong kind"


def _toml(value: Any, limit: int = 60) -> str:
    """A value as it is written in TOML, shortened for a message."""
    text = _toml_full(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _toml_full(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_full(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_full(v)}" for k, v in value.items()) + " }"
    return repr(value)


def _not_one_of(value: Any, options: list[str]) -> str:
    given = _toml(value)
    if len(options) == 1:
        return f'{given} is not allowed here; the only choice is "{options[0]}"'
    close = difflib.get_close_matches(str(value), options, n=1) if isinstance(value, str) else []
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    choices = ", ".join(f'"{o}"' for o in options)
    return f"{given} is not one of {choices}{hint}"


def _bounds(entry: _Entry) -> str:
    """`must be from 1 to 12, not 13`, with both bounds when the field has them."""
    ctx = dict(entry.detail.get("ctx") or {})
    ctx.update(_field_bounds(entry))
    given = _toml(entry.detail.get("input"))
    low, high = ctx.get("ge"), ctx.get("le")
    if low is not None and high is not None:
        return f"must be from {low} to {high}, not {given}"
    if low is not None:
        return f"must be {low} or more, not {given}"
    if high is not None:
        return f"must be {high} or less, not {given}"
    if "gt" in ctx:
        return f"must be more than {ctx['gt']}, not {given}"
    return f"must be less than {ctx.get('lt')}, not {given}"


def _field_bounds(entry: _Entry) -> dict[str, Any]:
    if entry.owner is None or not entry.path or not isinstance(entry.path[-1], str):
        return {}
    info = entry.owner.model_fields.get(entry.path[-1])
    if info is None:
        return {}
    out: dict[str, Any] = {}
    for item in info.metadata:
        if isinstance(item, annotated_types.Ge):
            out["ge"] = item.ge
        elif isinstance(item, annotated_types.Le):
            out["le"] = item.le
    return out


# --------------------------------------------------------------- keys and tags


def _unknown_key(path: Loc, owner: type[BaseModel] | None) -> str:
    key = str(path[-1]) if path else ""
    if owner is None:
        return "is not a known key"
    known = list(owner.model_fields)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
    if close:
        return f'is not a known key; did you mean "{close[0]}"?'
    tag = _tag_of(owner)
    noun = "commitment" if tag and tag[0] == "measure" else "escalation"
    where = f"{_article(tag[1])} {tag[1]} {noun}" if tag else ""
    lead = f"is not a key of {where}" if where else "is not a known key"
    return f"{lead}; the keys here are: " + ", ".join(known)


def _tag_problem(entry: _Entry) -> _Found:
    detail = entry.detail
    ctx = detail.get("ctx") or {}
    tag = str(ctx.get("discriminator", "")).strip("'")
    options = [t for m in _members(entry.node) if (t := _tag_value(m, tag)) is not None]
    given = detail.get("input")
    if detail["type"] == "union_tag_not_found":
        if isinstance(given, dict):
            for key in given:
                if difflib.get_close_matches(str(key), [tag], n=1, cutoff=0.6):
                    return _Found(
                        (*entry.path, str(key)), f'is not a known key; did you mean "{tag}"?'
                    )
        if not isinstance(given, dict):
            message = _type_message(given, ["a table"])
            return _Found(entry.path, message, "type")
        what = "what this commitment measures" if tag == "measure" else "when it escalates"
        choices = ", ".join(options[:-1]) + " or " + options[-1] if options else ""
        return _Found((*entry.path, tag), f"is missing; say {what}: {choices}", "missing")
    value = given.get(tag) if isinstance(given, dict) else ctx.get("tag", "")
    return _Found((*entry.path, tag), _not_one_of(value, options), "literal_error")


def _tag_value(model: Any, tag: str) -> str | None:
    if isinstance(model, type) and issubclass(model, BaseModel):
        found = _tag_of(model)
        if found is not None and found[0] == tag:
            return found[1]
    return None


def _wrong_tags(entries: list[_Entry], data: Any) -> dict[Loc, _Found]:
    """Clauses whose keys all fit another member of the union: the tag is the defect."""
    clauses: dict[Loc, tuple[type[BaseModel], Any]] = {}
    for entry in entries:
        if entry.clause is not None and entry.detail["type"] == "extra_forbidden":
            path, member, union = entry.clause
            if len(entry.path) == len(path) + 1:
                clauses[path] = (member, union)
    out: dict[Loc, _Found] = {}
    for path, (member, union) in clauses.items():
        given = _dig(data, path)
        tag = _tag_of(member)
        if not isinstance(given, dict) or tag is None:
            continue
        keys = set(given)
        fits = [
            m
            for m in _members(union)
            if isinstance(m, type)
            and issubclass(m, BaseModel)
            and m is not member
            and keys - {tag[0]} <= set(m.model_fields)
            and {n for n, f in m.model_fields.items() if f.is_required()} <= keys | {tag[0]}
        ]
        other = _tag_of(fits[0]) if fits else None
        if other is None:
            continue
        foreign = [str(k) for k in given if k not in member.model_fields]
        noun = "commitment" if tag[0] == "measure" else "escalation"
        listed = ", ".join(foreign[:-1]) + " and " + foreign[-1] if len(foreign) > 1 else foreign[0]
        verb = "belong" if len(foreign) > 1 else "belongs"
        out[path] = _Found(
            (*path, tag[0]),
            f"{_toml(tag[1])} does not fit this {noun}'s keys: {listed} {verb} to "
            f'{_article(other[1])} {other[1]} {noun}; did you mean {tag[0]} = "{other[1]}"?',
            "tag",
        )
    return out


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _dig(data: Any, path: Loc) -> Any:
    for part in path:
        in_list = isinstance(part, int) and isinstance(data, list) and part < len(data)
        in_table = isinstance(part, str) and isinstance(data, dict) and part in data
        if not (in_list or in_table):
            return None
        data = data[part]
    return data


def _merge_misspellings(found: list[_Found]) -> list[_Found]:
    """`titel` unknown and `title` missing are one defect: keep the unknown key only."""
    missing = {f.path: f for f in found if f.kind == "missing" and f.path}
    drop: set[int] = set()
    for item in found:
        if item.kind != "extra_forbidden" or not item.path:
            continue
        parent, key = item.path[:-1], str(item.path[-1])
        names = [str(p[-1]) for p in missing if p[:-1] == parent]
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
        if close:
            item.message = f'is not a known key; did you mean "{close[0]}"?'
            drop.add(id(missing[(*parent, close[0])]))
    return [f for f in found if id(f) not in drop]
