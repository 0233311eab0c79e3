"""Pydantic validation, reported as located, plain-English problems.

Pydantic says *what* is wrong with a value and where it sits in the data
(its ``loc``); the :class:`~..sources.yamlsource.SourceMap` says where that
is in the file. This module joins the two and rewrites pydantic's messages
for people who have never seen a type name::

    data/events/x.yml:9:8: sessions[1].start: '2026-13-01T09:30' is not a real date: there is no month 13; …
    data/events/x.yml:9:8: sessions[1].start: '14/04/2027 9:30' is not written as the data needs: write 2027-04-14T09:30 (year, month, day)
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..clock import date_parts, date_problem, time_problem, written_date_problem
from ..problems import Problems, allowed, did_you_mean, hint, quote
from ..sources.yamlsource import Path, SourceMap, field_label

B = TypeVar("B", bound=BaseModel)

_HIDDEN_LOC = re.compile(r"^(function-|lax-|strict-|json-|literal\[|union\[|tagged-union|constrained-)")


def _field_model(model: Any, names: list[str | int]) -> type[BaseModel] | None:
    """The model class that holds the field at ``names`` (list indexes skipped)."""
    current: Any = model
    for name in names:
        if _is_mapping(current):
            current = _unwrap(current)
            continue  # a key of a mapping of models (a report's objectives by id), not a field
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


def _is_mapping(annotation: Any) -> bool:
    """True for ``dict[K, V]`` (optional, or annotated, or not)."""
    for _ in range(6):
        origin = typing.get_origin(annotation)
        if origin is dict:
            return True
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return False
            annotation = options[0]
        else:
            return False
    return False


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
    if kind.startswith(("date_", "datetime_")):
        return _date_message(value, with_time=kind.startswith("datetime_"))
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


_TIME_AT_END = re.compile(r"^(?P<day>.+?)[ T,]+(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<half>[ap]\.?m\.?)?$", re.I)


def _date_message(value: object, with_time: bool) -> str:
    """Why a written date (or date and time) cannot be read, and what to write: never a format the editor already used.

    ``2027-04-31`` is written as the data wants but does not exist (April has
    30 days); ``14/04/2027 9:30`` is a real date written the UK way, so the
    message gives it back written as the data wants it (2027-04-14T09:30).
    """
    what = "a date and time" if with_time else "a date"
    example = "2026-03-04T09:30" if with_time else "2026-03-04"
    if not isinstance(value, str):
        return f"{quote(value)} is not {what}; write it like {example}"
    impossible = written_date_problem(value)
    if impossible:
        return f"{quote(value)} is {impossible}"
    day_text, time = value.strip(), ""
    found = _TIME_AT_END.match(day_text)
    if found:
        day_text = found.group("day")
        hour, minute = int(found.group("hour")), int(found.group("minute"))
        half = (found.group("half") or "").replace(".", "").lower()
        hour += 12 if half == "pm" and hour < 12 else -12 if half == "am" and hour == 12 else 0
        time = f"T{hour:02d}:{minute:02d}" if time_problem(hour, minute) is None else ""
    year, month, day = date_parts(day_text) or (None, 0, 0)
    if year is None:
        return f"{quote(value)} is not {what}; write it like {example}"
    impossible = date_problem(year, month, day)
    if impossible:
        return f"{quote(value)} is not a real date: {impossible}"
    written = f"{year:04d}-{month:02d}-{day:02d}"
    if with_time and not time:
        return f"{quote(value)} is not {what}: write the date year first and the UK time, like {written}T09:30"
    return f"{quote(value)} is not written as the data needs: write {written}{time if with_time else ''} (year, month, day)"


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
    _report(exc.errors(include_url=False), model, data, where, problems, prefix)


def _report(errors: list[ErrorDetails], model: Any, data: Any, where: SourceMap, problems: Problems, prefix: Path) -> None:
    seen: set[tuple[Path, str]] = set()
    for error in errors:
        data_path, field_path, on_key = _locate(data, tuple(error["loc"]))
        full = tuple(prefix) + tuple(data_path)
        if any(full[: len(broken)] == broken for broken in where.broken):
            continue  # the file could not be read here; that problem is reported already
        kind = error["type"]
        if kind == "misspelt_field":
            full = (*full, str((error.get("ctx") or {})["key"]))
        mark = where.key_at(full) if on_key or kind in ("extra_forbidden", "misspelt_field") else where.at(full)
        message = _describe(error, model, field_path)
        label = field_label(field_path)
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


def misspellings(errors: list[ErrorDetails], model: Any, data: Any) -> dict[Path, str]:
    """Every field name written misspelt (``titel:``), by its place in ``data``, with the field it is close to (``title``).

    Only a name the model refuses counts, only when a field is close to it
    (the "did you mean" of its problem), and only when that field is not
    written beside it already.
    """
    meant: dict[Path, str] = {}
    for error in errors:
        if error["type"] == "misspelt_field":  # a field of a value read by hand (models/metrics.py parse_value)
            data_path, _, _ = _locate(data, tuple(error["loc"]))
            ctx = error.get("ctx") or {}
            meant[(*data_path, str(ctx["key"]))] = str(ctx["meant"])
            continue
        if error["type"] != "extra_forbidden":
            continue
        data_path, field_path, _ = _locate(data, tuple(error["loc"]))
        holder = _field_model(model, field_path[:-1]) if field_path else None
        container = _at(data, data_path[:-1])
        if holder is None or not isinstance(container, dict):
            continue
        fields = [field.alias or name for name, field in holder.model_fields.items()]
        guess = did_you_mean(field_path[-1], fields)
        if guess is not None and guess not in container and guess not in {g for p, g in meant.items() if p[:-1] == tuple(data_path[:-1])}:
            meant[tuple(data_path)] = guess
    return meant


def _misspelling_at(error: ErrorDetails, data: Any) -> Path | None:
    """Where the misspelt name an error is about is written, or None for an error of another kind."""
    data_path = tuple(_locate(data, tuple(error["loc"]))[0])
    if error["type"] == "extra_forbidden":
        return data_path
    if error["type"] == "misspelt_field":
        return (*data_path, str((error.get("ctx") or {})["key"]))
    return None


def _at(data: Any, path: list[str | int]) -> Any:
    for part in path:
        data = data[part]
    return data


def _renamed(data: Any, renames: dict[Path, str], here: Path = ()) -> Any:
    """A copy of ``data`` with each misspelt name replaced by the field it is close to."""
    if isinstance(data, dict):
        return {renames.get((*here, key), key): _renamed(value, renames, (*here, key)) for key, value in data.items()}
    if isinstance(data, list):
        return [_renamed(value, renames, (*here, index)) for index, value in enumerate(data)]
    return data


def validate(model: type[B], data: Any, where: SourceMap, problems: Problems, prefix: Path = ()) -> B | None:
    """Validate ``data`` (found at ``prefix`` in its file) as ``model``.

    On failure, add one located problem per mistake and return what could
    be read (see :func:`_partial`). A misspelt field name is one mistake: it
    is reported ("'titel' is not a field here (did you mean title?)") and its
    value read as the field it is close to, so that nothing else is reported
    for it: not "title is missing", not a rule of another file that missed it.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        renames = misspellings(errors, model, data)
        if not renames:
            _report(errors, model, data, where, problems, prefix)
            return _partial(model, data, exc)
        named = [e for e in errors if _misspelling_at(e, data) in renames]
        _report(named, model, data, where, problems, prefix)
        for path, field_name in renames.items():
            where.alias((*prefix, *path), (*prefix, *path[:-1], field_name))
        corrected = _renamed(data, renames)
        try:
            return model.model_validate(corrected)
        except ValidationError as again:
            _report(again.errors(include_url=False), model, corrected, where, problems, prefix)
            return _partial(model, corrected, again)


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
