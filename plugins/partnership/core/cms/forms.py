"""Form fields of the browser editor, made from a data file's JSON Schema.

The schema is :func:`partnership.core.models.schema.schema`'s, itself made from the
pydantic models: so every field of a model is a field of its form, with the
model's description as the hint, and a test holds the two together
(tests/test_cms.py). What the schema says, the form offers:

* a closed set (``enum``) is a select; a list of one is a multiple select;
* a reference to other data (an event's ``audience``, ``provider`` and
  ``frameworks``, a stage's ``next`` …) is a select of what the data has,
  shown by name and stored by id (:class:`Option`);
* a date is entered in a date picker and stored ``2026-03-04``; a date-time
  in a date-and-time picker and stored ``2026-03-04T09:30``, local time,
  without a zone (the contract's form);
* a mapping with keys of the editor's choosing (a measure's ``values`` by
  year, a framework item's ``descriptors`` by level) is a list of rows, each
  with the key and the value: ``map_key`` names the key's field, and the
  page's own script (``assets/admin.js``) turns the mapping into rows when a
  file is opened and back when it is saved;
* a measure's value (a number, a keyword, or one of ``value``, ``by`` or
  ``pending`` with a ``note``) is one row with those fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Field = dict[str, Any]
"""One field of the CMS's configuration (Decap CMS's ``fields`` entries)."""


@dataclass(frozen=True)
class Option:
    """One choice of a select: shown as ``label``, stored as ``value``."""

    label: str
    value: str


Choices = Mapping[tuple[str, ...], list[Option]]
"""Options of reference fields, by the field's path of names in the file (``("audience",)``, ``("items", "next")``)."""

MULTILINE = frozenset({"description", "summary", "note", "status_note", "mitigation", "evidence", "pending"})
"""Text fields that often run to more than a line: a text area instead of a one-line box."""

LABELS = {
    "id": "Id",
    "cpd_hours": "CPD hours",
    "url": "Web address",
    "pcf_level": "PCF level",
    "from": "From",
    "booking": "Booking link",
    "booking_closes": "Booking closes",
    "status_note": "Reason shown with the status",
    "provider_name": "Provider from outside the partnership",
    "in_force": "In force",
    "replaced_by": "Replaced by",
    "follow_ups": "Follow-ups of earlier recommendations",
    "logo_alt": "Logo text alternative",
    "tested_by": "Tested by",
    "data_licence": "Open data licence",
    "item_name": "What one item is called",
}

MAP_KEYS = {
    "values": "year",
    "fees": "year",
    "places": "year",
    "descriptors": "level",
    "crosswalk": "item",
    "objectives": "objective",
    "follow_ups": "recommendation",
    "by": "cohort",
}
"""The name of the key's field in a mapping's rows (``values`` → one row per ``year``)."""

_MEASURE_HINT = "A number (52 or 57.5), or unknown, n/a or suppressed. Leave it empty when the year has a split (by) or is pending."

DATE_FORMAT = "YYYY-MM-DD"
"""How a date is stored: the contract's ISO date."""
DATETIME_FORMAT = "YYYY-MM-DDTHH:mm"
"""How a date-time is stored: UK local time without a zone."""


def label(name: str) -> str:
    """A field's label from its name: ``cpd_hours`` → CPD hours."""
    return LABELS.get(name) or name.replace("_", " ").capitalize()


class FormBuilder:
    """Makes the form fields of one JSON Schema."""

    def __init__(self, schema: Mapping[str, Any], choices: Choices | None = None):
        self.schema = schema
        self.defs: Mapping[str, Any] = schema.get("$defs", {})
        self.choices: Choices = choices or {}

    def fields(self) -> list[Field]:
        """The fields of the file's top-level object (or of one item, for a file that is a list)."""
        root = self.schema
        if root.get("type") == "array":
            root = self._resolve(root["items"])
        return self._object_fields(root, ())

    def _resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in node:
            node = {**self.defs[node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def _object_fields(self, node: Mapping[str, Any], path: tuple[str, ...]) -> list[Field]:
        required = set(node.get("required", ()))
        return [self.field(name, sub, (*path, name), name in required) for name, sub in node.get("properties", {}).items()]

    def field(self, name: str, node: Mapping[str, Any], path: tuple[str, ...], required: bool) -> Field:
        """The form field of one property."""
        hint = node.get("description")
        node = self._resolve(node)
        branches = [self._resolve(b) for b in node.get("anyOf", ())]
        if branches and any(b.get("type") == "null" for b in branches):
            required = False
            rest = [b for b in branches if b.get("type") != "null"]
            node = {**rest[0], **{k: v for k, v in node.items() if k not in ("anyOf", "default")}} if len(rest) == 1 else {"anyOf": rest}
        hint = hint or node.get("description")
        field: Field = {"name": name, "label": label(name), "required": required}
        if hint:
            field["hint"] = hint
        field.update(self._widget(name, node, path))
        if not required and field["widget"] == "object":
            _optional(field["fields"])
        return field

    def _widget(self, name: str, node: Mapping[str, Any], path: tuple[str, ...]) -> Field:
        options = self.choices.get(path)
        kind = node.get("type")
        if options is not None:
            return {
                "widget": "select",
                "multiple": kind == "array",
                "options": [{"label": o.label, "value": o.value} for o in options],
            }
        if "enum" in node:
            return {"widget": "select", "options": list(node["enum"])}
        if kind == "array":
            items = self._resolve(node.get("items", {}))
            if "enum" in items:
                return {"widget": "select", "multiple": True, "options": list(items["enum"])}
            if items.get("type") == "object":
                fields = self._object_fields(items, path)
                return {"widget": "list", "collapsed": True, "summary": _summary(fields), "fields": fields}
            return {"widget": "list", "field": {"name": "item", "label": label(name), "widget": "text" if name in MULTILINE else "string"}}
        if kind == "object" and "properties" in node:
            return {"widget": "object", "collapsed": False, "fields": self._object_fields(node, path)}
        if kind == "object" or "patternProperties" in node or "additionalProperties" in node:
            return self._mapping(name, node, path)
        if "anyOf" in node and _is_measure_value(node):
            return {"widget": "string", "hint": _MEASURE_HINT}
        if kind == "boolean":
            return {"widget": "boolean"}
        if kind in ("integer", "number"):
            number: Field = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
            for bound, key in (("minimum", "min"), ("maximum", "max")):
                if bound in node:
                    number[key] = node[bound]
            return number
        if node.get("format") == "date":
            return {"widget": "datetime", "format": DATE_FORMAT, "date_format": "DD/MM/YYYY", "time_format": False, "picker_utc": False}
        if "pattern" in node and "\\d{2}:\\d{2}" in node["pattern"]:
            return {
                "widget": "datetime",
                "format": DATETIME_FORMAT,
                "date_format": "DD/MM/YYYY",
                "time_format": "HH:mm",
                "picker_utc": False,
            }
        return {"widget": "text" if name in MULTILINE else "string"}

    def _mapping(self, name: str, node: Mapping[str, Any], path: tuple[str, ...]) -> Field:
        """A mapping with keys of the editor's choosing, as a list of rows: the key's field first, then the value's."""
        value = node.get("additionalProperties")
        if not isinstance(value, Mapping):
            value = next(iter(node.get("patternProperties", {}).values()), {})
        value = self._resolve(value)
        key_name = MAP_KEYS.get(name, "key")
        pattern = next(iter(node.get("patternProperties", {})), None)
        key: Field = {"name": key_name, "label": label(key_name), "widget": "string", "required": True}
        if pattern:
            key["pattern"] = [pattern, "Write a year as YYYY-YY, like 2025-26" if key_name == "year" else f"Does not match {pattern}"]
        key_options = self.choices.get((*path, key_name))
        if key_options is not None:
            key.update({"widget": "select", "options": [{"label": o.label, "value": o.value} for o in key_options]})
        if _is_measure_value(value):
            measure = self._resolve(value["anyOf"][2])
            rows = [
                {"name": "value", "label": "Figure", "widget": "string", "required": False, "hint": _MEASURE_HINT},
                self._mapping("by", measure["properties"]["by"], (*path, "by"))
                | {
                    "name": "by",
                    "required": False,
                    "label": "Split by cohort",
                    "hint": "One figure per cohort, like BA 71 and MSW 89.",
                    "map_value": "figure",
                },
                {
                    "name": "pending",
                    "label": "Pending",
                    "widget": "string",
                    "required": False,
                    "hint": "Instead of a figure: when it will be known, like Data available in 2027.",
                },
                {"name": "note", "label": "Note", "widget": "text", "required": False, "hint": "Shown as a footnote under the table."},
            ]
            summary = f"{{{{fields.{key_name}}}}}: {{{{fields.value}}}}{{{{fields.pending}}}}"
            return {
                "widget": "list",
                "collapsed": True,
                "summary": summary,
                "map_key": key_name,
                "map_value": "measure",
                "fields": [key, *rows],
            }
        if value.get("type") == "object" and "properties" in value:
            return {
                "widget": "list",
                "collapsed": True,
                "map_key": key_name,
                "map_value": "fields",
                "fields": [key, *self._object_fields(value, path)],
            }
        inner = self.field("value", value, (*path, "value"), True)
        inner["label"] = "Value" if inner.get("widget") != "list" else label(name)
        summary = f"{{{{fields.{key_name}}}}}: {{{{fields.value}}}}"
        return {"widget": "list", "collapsed": True, "summary": summary, "map_key": key_name, "map_value": "value", "fields": [key, inner]}


def _optional(fields: list[Field]) -> None:
    """The fields of an optional object are optional in the form: the CMS would otherwise insist on them when the object is left out
    (``check`` still says, in plain words, when a target is written without its value)."""
    for field in fields:
        field["required"] = False
        if field.get("widget") == "object":
            _optional(field["fields"])


def _summary(fields: list[Field]) -> str:
    """What a collapsed row of a list shows: its name, title or the like."""
    names = [f["name"] for f in fields]
    for name in ("name", "title", "risk", "recommendation", "start", "number", "id"):
        if name in names:
            return f"{{{{fields.{name}}}}}"
    return f"{{{{fields.{names[0]}}}}}"


def _is_measure_value(node: Mapping[str, Any]) -> bool:
    """The schema of a measure's value: a number, a keyword, or a mapping of value/by/pending/note."""
    branches = node.get("anyOf", ())
    return len(branches) == 3 and branches[0].get("type") == "number" and "pending" in branches[2].get("properties", {})
