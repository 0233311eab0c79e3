"""JSON Schemas for the data files, generated from the models.

Editors that know JSON Schema (VS Code's YAML extension, and the web
editors of code hosts that use it) underline mistakes and suggest field
names as staff type. Each data file points at its schema in a first-line
comment::

    # yaml-language-server: $schema=../schema/event.schema.json

The schemas are committed under ``schema/`` (so editors find them in the
repository) and published at ``/schema/`` on the site; a test keeps the
committed copies the same as these.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .events import Event
from .frameworks import Framework
from .importing import ImportLog, ImportSettings
from .metrics import MetricsArea
from .partners import Partner
from .pathways import Stage
from .reports import Report
from .site import Site
from .strategy import LogicModel

#: kind → (model, is the file a list of them?, which files, what it is)
KINDS: dict[str, tuple[type[BaseModel], bool, str, str]] = {
    "site": (Site, False, "data/site.yml", "The partnership's identity"),
    "partners": (Partner, True, "data/partners.yml", "The organisations in the partnership"),
    "framework": (Framework, False, "data/frameworks/*.yml", "A framework or set of standards"),
    "pathways": (Stage, True, "data/pathways.yml", "The career stages of the CPD pathway"),
    "event": (Event, False, "data/events/**/*.yml", "One CPD event"),
    "metrics": (MetricsArea, False, "data/metrics/*.yml", "The progress measures of one area of work"),
    "report": (Report, False, "data/reports/*.yml", "One annual progress report"),
    "import": (ImportSettings, False, "data/import.yml", "How to read booking systems' attendee exports"),
    "attendance-imports": (ImportLog, False, "data/attendance/*.imports.yml", "What each import wrote into a year's attendance file"),
    "logic-model": (LogicModel, False, "data/logic-model/*.yml", "A logic model and its objectives for a period"),
}


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of data file."""
    model, is_list, files, title = KINDS[kind]
    body = model.model_json_schema(mode="validation")
    if is_list:
        definitions = body.pop("$defs", {})
        body = {"type": "array", "items": body}
        if definitions:
            body["$defs"] = definitions
    if kind in ("event", "metrics", "framework", "logic-model"):
        # The loader fills these from the file name when they are left out.
        body["required"] = [name for name in body.get("required", []) if name not in ("id", "area", "period")]
    _local_times(body)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        **body,
        "title": title,
        "description": f"{title} ({files}). See data/README.md.",
    }


_LOCAL_TIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$"


def _local_times(node: Any) -> None:
    """Date-times in the data are UK local times without an offset (2026-03-04T09:30),
    which JSON Schema's ``date-time`` format would reject: describe them by pattern."""
    if isinstance(node, dict):
        if node.get("format") == "date-time":
            del node["format"]
            node["pattern"] = _LOCAL_TIME
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


def schema_name(kind: str) -> str:
    """The file name of a kind's schema: ``event.schema.json``."""
    return f"{kind}.schema.json"


def schema_files() -> dict[str, bytes]:
    """``{file name: JSON}`` for every kind, as committed and published."""
    return {schema_name(kind): (json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n").encode("utf-8") for kind in KINDS}
