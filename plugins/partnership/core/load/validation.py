"""Pydantic validation, reported as located, plain-English problems.

Pydantic says *what* is wrong with a value and where it sits in the data
(its ``loc``); the :class:`~..sources.yamlsource.SourceMap` says where that
is in the file. This module joins the two and rewrites pydantic's messages
for people who have never seen a type name::

    data/events/x.yml:9:8: sessions[1].start: '2026-13-01T09:30' is not a date and time; write it like 2026-03-04T09:30
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..problems import Problems, allowed, hint, quote
from ..sources.yamlsource import Path, SourceMap

B = TypeVar("B", bound=BaseModel)

_HIDDEN_LOC = re.compile(r"^(function-|lax-|strict-|json-|literal\[|union\[|tagged-union|constrained-)")


def _field_model(model: Any, names: list[str | int]) -> type[BaseModel] | None:
    """The model class that holds the field at ``names`` (list indexes skipped)."""
    current: Any = model
    for name in names:
        current = _unwrap(current)
        if isinstance(name, int) or current is None:
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(name)
        if field is None:
            return None
        current = field.annotation
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _unwrap(annotation: Any) -> Any:
    """``list[Session] | None`` → ``Session``; ``dict[str, X]`` → ``X``."""
    for _ in range(6):
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated or origin in (list, tuple, set, frozenset):
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in options if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else options[0]
        else:
            break
    return annotation


def _label(path: list[str | int]) -> str:
    """``['sessions', 1, 'end']`` → ``sessions[2].end`` (counting from 1).

    A position in a list of plain values is left out (``audience``, not
    ``audience[2]``): the column already points at the value.
    """
    if path and isinstance(path[-1], int):
        path = path[:-1]
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text


def _choices(expected: str) -> list[str]:
    return re.findall(r"'([^']*)'", expected)


def _describe(error: ErrorDetails, model: Any, field_path: list[str | int]) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    found = f"; found {quote(value)}" if not isinstance(value, (dict, list)) else ""
    if kind == "missing":
        name = field_path[-1] if field_path else "a field"
        return f"is missing; add a line '{name}: …' here"
    if kind == "extra_forbidden":
        holder = _field_model(model, field_path[:-1])
        fields = [field.alias or name for name, field in holder.model_fields.items()] if holder else []  # from:, not start
        return f"is not a field here{hint(field_path[-1], fields)}; {allowed(fields, limit=30)}"
    if kind == "literal_error":
        options = _choices(str(ctx.get("expected", "")))
        return f"{quote(value)} is not allowed here{hint(value, options)}; {allowed(options)}"
    if kind in ("string_type", "string_sub_type"):
        return "must be text" + found
    if kind in ("int_type", "int_parsing", "int_from_float", "int_parsing_size"):
        return "must be a whole number, like 25" + found
    if kind in ("float_type", "float_parsing", "decimal_type", "decimal_parsing"):
        return "must be a number, like 6 or 2.5" + found
    if kind == "finite_number":
        return "must be an ordinary number, like 6 or 2.5 (not infinity or 'not a number')" + found
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false" + found
    if kind.startswith("date_") or kind == "date_type":
        return f"{quote(value)} is not a date; write it like 2026-03-04"
    if kind.startswith("datetime_"):
        return f"{quote(value)} is not a date and time; write it like 2026-03-04T09:30"
    if kind in ("list_type", "tuple_type", "set_type"):
        return "must be a list: [a, b] on one line, or one '- item' a line" + found
    if kind in ("dict_type", "model_type", "model_attributes_type", "mapping_type"):
        return "must be a set of fields, one 'name: value' a line" + found
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return "needs at least one entry" if least == 1 else f"needs at least {least} entries"
    if kind == "too_long":
        return f"has too many entries; at most {ctx.get('max_length')}"
    if kind == "greater_than":
        return f"must be more than {ctx.get('gt')}" + found
    if kind == "greater_than_equal":
        return f"must be {ctx.get('ge')} or more" + found
    if kind == "less_than":
        return f"must be less than {ctx.get('lt')}" + found
    if kind == "less_than_equal":
        return f"must be {ctx.get('le')} or less" + found
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "value_error":
        return str(error.get("msg", "")).removeprefix("Value error, ")
    return str(error.get("msg", "is not valid"))


def _locate(data: Any, loc: tuple[Any, ...]) -> tuple[list[str | int], list[str | int], bool]:
    """Split pydantic's ``loc`` into the data path that exists and the field path to name.

    Returns ``(data_path, field_path, on_key)``: ``on_key`` when the error is
    about a mapping key (pydantic's ``[key]`` marker).
    """
    data_path: list[str | int] = []
    field_path: list[str | int] = []
    node = data
    for part in loc:
        if part == "[key]":
            return data_path, field_path[:-1], True
        if isinstance(part, str) and _HIDDEN_LOC.match(part):
            continue
        if isinstance(node, dict) and str(part) in node:
            node = node[str(part)]
            data_path.append(str(part))
            field_path.append(str(part))
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            data_path.append(part)
            field_path.append(part)
        elif isinstance(node, dict) and isinstance(part, str):
            field_path.append(part)  # a missing field: named, but not in the file
            node = None
        elif isinstance(part, (str, int)) and node is not None and not isinstance(node, (dict, list)):
            continue  # a branch name of a union of scalar types
        else:
            node = None
    return data_path, field_path, False


def report_validation_error(
    exc: ValidationError,
    model: Any,
    data: Any,
    where: SourceMap,
    problems: Problems,
    prefix: Path = (),
) -> None:
    """Add one located problem per pydantic error in ``exc``."""
    seen: set[tuple[Path, str]] = set()
    for error in exc.errors(include_url=False):
        data_path, field_path, on_key = _locate(data, tuple(error["loc"]))
        full = tuple(prefix) + tuple(data_path)
        if any(full[: len(broken)] == broken for broken in where.broken):
            continue  # the file could not be read here; that problem is reported already
        kind = error["type"]
        mark = where.key_at(full) if on_key or kind == "extra_forbidden" else where.at(full)
        message = _describe(error, model, field_path)
        label = _label(field_path)
        if kind == "missing" and field_path:
            text = f"{label} {message}"
        elif kind == "extra_forbidden" and field_path:
            text = f"{quote(label)} {message}"
        else:
            text = f"{label}: {message}" if label else message
        if (full, text) in seen:
            continue
        seen.add((full, text))
        problems.add(where.path, mark.line, mark.column, text)


def validate(model: type[B], data: Any, where: SourceMap, problems: Problems, prefix: Path = ()) -> B | None:
    """Validate ``data`` (found at ``prefix`` in its file) as ``model``.

    On failure, add one located problem per error and return None.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        report_validation_error(exc, model, data, where, problems, prefix)
        return _partial(model, data, exc)


def _neutral(annotation: Any) -> Any:
    """An empty stand-in for a field that could not be validated."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _neutral(typing.get_args(annotation)[0])
    if origin in (list, tuple, set, frozenset):
        return []
    if origin is dict:
        return {}
    if origin is typing.Literal or (isinstance(annotation, type) and issubclass(annotation, str)):  # text, a Year, a closed set
        return ""
    return None


def _partial(model: type[B], data: Any, exc: ValidationError) -> B | None:
    """The fields of ``data`` that are valid, as a model marked with the ones that are not.

    The cross-file rules still run on the valid fields, so that a file with
    one mistake in it gets all its other mistakes reported in the same run.
    The rules skip anything in ``invalid_fields``; nothing partial is ever
    published, because its problems stop the build.
    """
    if not isinstance(data, dict):
        return None
    invalid = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
    instance = model.model_construct()
    for name, value in data.items():
        if name in model.model_fields and name not in invalid:
            try:
                model.__pydantic_validator__.validate_assignment(instance, name, value)
            except ValidationError:
                invalid.add(name)
    for name, field in model.model_fields.items():
        if name in invalid or name not in instance.__dict__:
            instance.__dict__[name] = (
                field.get_default(call_default_factory=True) if not field.is_required() else _neutral(field.annotation)
            )
    instance._invalid = frozenset(invalid | {n for n, f in model.model_fields.items() if f.is_required() and n not in data})  # type: ignore[attr-defined]
    return instance
