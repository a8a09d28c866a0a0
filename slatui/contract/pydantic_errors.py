"""Turn pydantic's validation errors into problems a contract author can act on.

Pydantic reports locations that include union tags and internal names; this
module walks the model types alongside the location so the path matches the
TOML keys, and suggests the closest known key for a misspelt one.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from slatui.contract.errors import Problem, join_path


def problems_from(error: ValidationError, root: type[BaseModel]) -> list[Problem]:
    """One problem per pydantic error, with TOML key paths."""
    seen: set[tuple[str, str]] = set()
    out: list[Problem] = []
    for detail in error.errors():
        problem = _problem(detail, root)
        key = (problem.path, problem.message)
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


def _problem(detail: ErrorDetails, root: type[BaseModel]) -> Problem:
    loc, owner = _clean_location(tuple(detail["loc"]), root)
    path = join_path(loc)
    kind = detail["type"]
    if kind == "extra_forbidden":
        return Problem(path, _unknown_key(loc, owner))
    if kind == "missing":
        return Problem(path, "is required but missing")
    if kind in ("union_tag_not_found", "union_tag_invalid"):
        return _tag_problem(path, detail)
    return Problem(path, _message(detail))


def _tag_problem(path: str, detail: ErrorDetails) -> Problem:
    ctx = detail.get("ctx") or {}
    tag = str(ctx.get("discriminator", "")).strip("'")
    expected = str(ctx.get("expected_tags", "")).replace("'", "")
    if detail["type"] == "union_tag_not_found":
        return Problem(f"{path}.{tag}", f"is required; one of {expected}")
    given = str(ctx.get("tag", ""))
    options = [t.strip() for t in expected.split(",")]
    close = difflib.get_close_matches(given, options, n=1)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    return Problem(f"{path}.{tag}", f'"{given}" is not one of {expected}{hint}')


def _message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    msg = detail["msg"]
    if kind == "value_error":
        msg = msg.removeprefix("Value error, ")
    elif kind == "literal_error":
        msg = f"{_given(detail)} is not allowed; " + msg.replace("Input should be", "expected")
    elif kind.endswith("_type") or kind in ("bool_parsing", "int_from_float"):
        msg = f"{_given(detail)} has the wrong type; " + msg.replace("Input should be", "expected")
    else:
        msg = msg.replace("Input should be", "must be")
    return msg


def _given(detail: ErrorDetails) -> str:
    value = detail.get("input")
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) < 60 else text[:57] + "..."


def _unknown_key(loc: tuple[str | int, ...], owner: type[BaseModel] | None) -> str:
    key = str(loc[-1]) if loc else ""
    if owner is None:
        return "is not a known key"
    known = list(owner.model_fields)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
    if close:
        return f'is not a known key; did you mean "{close[0]}"?'
    return "is not a known key; known keys here: " + ", ".join(known)


def _clean_location(
    loc: tuple[Any, ...], root: type[BaseModel]
) -> tuple[tuple[str | int, ...], type[BaseModel] | None]:
    """Drop union tags and helper names; return the model owning the last key."""
    out: list[str | int] = []
    current: Any = root
    owner: type[BaseModel] | None = root
    i = 0
    while i < len(loc):
        part = loc[i]
        model = _as_model(current)
        if model is not None and isinstance(part, str) and part in model.model_fields:
            owner = model
            current = model.model_fields[part].annotation
            out.append(part)
        elif isinstance(part, int):
            current = _item_type(current)
            out.append(part)
        elif (tagged := _union_member(current, part)) is not None:
            current = tagged
        elif _is_dict(current) and isinstance(part, str):
            current = _dict_value(current)
            out.append(part)
        elif isinstance(part, str) and part in _INTERNAL:
            pass
        else:
            owner = model if model is not None else owner
            out.append(part)
        i += 1
    return tuple(out), owner


_INTERNAL = {"function-after", "function-before", "function-plain", "list", "dict", "str", "int"}


def _unwrap(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _as_model(tp: Any) -> type[BaseModel] | None:
    tp = _unwrap(tp)
    members = _members(tp)
    models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
    return models[0] if len(models) == 1 else None


def _members(tp: Any) -> list[Any]:
    tp = _unwrap(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return [_unwrap(a) for a in typing.get_args(tp) if a is not type(None)]
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


def _union_member(tp: Any, tag: Any) -> type[BaseModel] | None:
    """The member of a discriminated union whose tag is `tag`."""
    for member in _members(tp):
        if isinstance(member, type) and issubclass(member, BaseModel):
            for field in ("measure", "when"):
                info = member.model_fields.get(field)
                if info is not None and typing.get_args(info.annotation) == (tag,):
                    return member
    return None
