"""``data/metrics/<area>.yml``: the progress measures of one area of work.

A measure's value for a year is one of:

* a number: ``2017-18: 52``;
* a keyword: ``unknown``, ``n/a`` or ``suppressed`` (withheld to protect
  confidentiality: small numbers);
* a mapping with exactly one of ``value``, ``by`` (a split by cohort) or
  ``pending`` (text such as "Data available in 2023"), and an optional
  ``note`` shown as a footnote.

Raw YAML is normalised into :class:`MeasureValue` by :func:`parse_value`,
which raises one plain-English error for anything else.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_serializer, model_validator
from pydantic_core import PydanticCustomError

from ..problems import quote
from .common import Closed, DataModel, Slug
from .year import Year


class Unit(Closed):
    """What a measure's numbers count."""

    PERCENT = "percent"
    COUNT = "count"
    NUMBER = "number"
    GBP = "gbp"


class Better(Closed):
    """Which way a measure's figure is better: up, down, or neither."""

    HIGHER = "higher"
    LOWER = "lower"
    NEITHER = "neither"


class Comparison(Closed):
    """How a figure is compared with its target."""

    AT_LEAST = ">="
    AT_MOST = "<="
    MORE_THAN = ">"
    LESS_THAN = "<"
    EXACTLY = "=="


class Keyword(Closed):
    """A year's value that is no number, and why: not available, not applicable, or withheld."""

    UNKNOWN = "unknown"
    NOT_APPLICABLE = "n/a"
    SUPPRESSED = "suppressed"


KEYWORDS: tuple[Keyword, ...] = tuple(Keyword)

#: What ``computed: attendance.<figure>`` may name: each a figure of a year's attendance file's Overall row.
ATTENDANCE_FIGURES: dict[str, Unit] = {
    "booked": Unit.COUNT,
    "attended": Unit.COUNT,
    "non_attended": Unit.COUNT,
    "attendance_pct": Unit.PERCENT,
    "non_attendance_pct": Unit.PERCENT,
    "cancelled_pct": Unit.PERCENT,
    "no_show_pct": Unit.PERCENT,
}
_COMPUTED = re.compile(r"^attendance\.([a-z_]+)$")


def _check_computed(value: str) -> str:
    match = _COMPUTED.match(value)
    if match and match.group(1) in ATTENDANCE_FIGURES:
        return value
    raise PydanticCustomError(
        "computed",
        "{value} is not a figure the site can compute; allowed: {allowed}",
        {"value": quote(value), "allowed": ", ".join(f"attendance.{name}" for name in ATTENDANCE_FIGURES)},
    )


Computed = Annotated[
    str,
    AfterValidator(_check_computed),
    WithJsonSchema(
        {"enum": [f"attendance.{name}" for name in ATTENDANCE_FIGURES], "description": "A figure computed from data/attendance/<year>.csv."}
    ),
]


class Part(BaseModel):
    """One cohort's part of a split (``by: {BA: 71, MSW: n/a}``): exactly one of a number or a keyword."""

    model_config = ConfigDict(frozen=True)

    number: float | None = None
    keyword: Keyword | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_written(cls, value: Any) -> Any:
        """Made from what the data writes: a number (``71``) or a keyword (``"n/a"``)."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return {"number": value}
        if isinstance(value, str):
            return {"keyword": value}
        return value

    @model_serializer
    def _as_written(self) -> float | str | None:
        """Written as the data writes it: ``71.0`` or ``"n/a"``."""
        return self.number if self.number is not None else self.keyword


UNKNOWN_PART = Part(keyword=Keyword.UNKNOWN)
"""The part of a cohort a split leaves out: not available."""


class MeasureValue(BaseModel):
    """One year's value of a measure, normalised.

    Exactly one of ``number``, ``keyword``, ``by`` or ``pending`` is set.
    A part of a split (``by``) is a :class:`Part`: a number or a keyword.
    """

    model_config = ConfigDict(frozen=True)

    number: float | None = None
    keyword: Keyword | None = None
    by: dict[str, Part] | None = None
    pending: str | None = None
    note: str | None = None


def _number(value: Any) -> float | None:
    """``value`` as a float when it is a number; infinity and "not a number" (.inf, .nan) are refused."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            raise PydanticCustomError(
                "measure_value", "{value} is not an ordinary number; write a number, unknown, n/a or suppressed", {"value": quote(value)}
            )
        return number
    return None


def _keyword(value: Any) -> Keyword | None:
    if isinstance(value, str) and value.strip().lower() in KEYWORDS:
        return Keyword(value.strip().lower())
    return None


_VALUE_HELP = "write a number, unknown, n/a, suppressed, or a mapping with one of value, by or pending (and an optional note)"


def parse_value(raw: Any) -> MeasureValue:
    """Normalise one year's raw value, or raise a plain-English error."""
    if isinstance(raw, MeasureValue):
        return raw
    number = _number(raw)
    if number is not None:
        return MeasureValue(number=number)
    keyword = _keyword(raw)
    if keyword is not None:
        return MeasureValue(keyword=keyword)
    if raw is None:
        raise PydanticCustomError("measure_value", "this year has no value; " + _VALUE_HELP)
    if not isinstance(raw, dict):
        raise PydanticCustomError("measure_value", "{value} is not a value; " + _VALUE_HELP, {"value": quote(raw)})
    unknown = [key for key in raw if key not in ("value", "by", "pending", "note")]
    if unknown:
        raise PydanticCustomError(
            "measure_value",
            "{field} is not a field of a value; allowed: value, by, pending, note",
            {"field": quote(unknown[0])},
        )
    chosen = [key for key in ("value", "by", "pending") if key in raw]
    if len(chosen) != 1:
        raise PydanticCustomError(
            "measure_value",
            "a value needs exactly one of value, by or pending; found {found}",
            {"found": ", ".join(chosen) if chosen else "none"},
        )
    note = raw.get("note")
    if note is not None and not isinstance(note, (str, int, float)):
        raise PydanticCustomError("measure_value", "note must be text")
    note_text = None if note is None else str(note).strip()
    kind = chosen[0]
    if kind == "value":
        inner = raw["value"]
        number = _number(inner)
        keyword = _keyword(inner)
        if number is None and keyword is None:
            raise PydanticCustomError(
                "measure_value", "value: {value} is not a number; write a number, unknown, n/a or suppressed", {"value": quote(inner)}
            )
        return MeasureValue(number=number, keyword=keyword, note=note_text)
    if kind == "pending":
        text = raw["pending"]
        if not isinstance(text, str) or not text.strip():
            raise PydanticCustomError("measure_value", 'pending needs text, like "Data available in 2023"')
        return MeasureValue(pending=text.strip(), note=note_text)
    parts = raw["by"]
    if not isinstance(parts, dict) or not parts:
        raise PydanticCustomError("measure_value", "by needs one number per cohort, like by: {{BA: 71, MSW: 89}}")
    by: dict[str, Part] = {}
    for cohort, part in parts.items():
        number = _number(part)
        keyword = _keyword(part)
        if number is None and keyword is None:
            raise PydanticCustomError(
                "measure_value",
                "by: {cohort} is {value}, not a number; write a number, unknown, n/a or suppressed",
                {"cohort": cohort, "value": quote(part)},
            )
        by[str(cohort)] = Part(number=number) if number is not None else Part(keyword=keyword)
    return MeasureValue(by=by, note=note_text)


_VALUE_SCHEMA: dict[str, Any] = {
    "description": "A number, unknown, n/a, suppressed, or a mapping with exactly one of value, by or pending, and an optional note.",
    "anyOf": [
        {"type": "number"},
        {"enum": list(KEYWORDS)},
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "value": {"anyOf": [{"type": "number"}, {"enum": list(KEYWORDS)}]},
                "by": {
                    "type": "object",
                    "additionalProperties": {"anyOf": [{"type": "number"}, {"enum": list(KEYWORDS)}]},
                },
                "pending": {"type": "string"},
                "note": {"type": "string"},
            },
            "oneOf": [{"required": ["value"]}, {"required": ["by"]}, {"required": ["pending"]}],
        },
    ],
}

Value = Annotated[MeasureValue, BeforeValidator(parse_value), WithJsonSchema(_VALUE_SCHEMA)]


class Target(DataModel):
    """What the partnership aims for, e.g. no more than 20%."""

    value: float
    comparison: Comparison = Comparison.AT_LEAST
    """>=, <=, >, < or ==."""
    source: str | None = None
    """Who set the target, e.g. DfE."""


class Measure(DataModel):
    """One row of a measure table: a figure followed year by year."""

    id: Slug
    name: str
    unit: Unit
    """percent, count, number or gbp."""
    better: Better = Better.NEITHER
    """Whether a higher or lower figure is better: higher, lower or neither."""
    target: Target | None = None
    description: str | None = None
    """How the figure is counted, shown on the measure's own page."""
    decimals: int | None = Field(default=None, ge=0, le=3)
    """How many decimal places every year shows (0 to 3); otherwise each value as written."""
    computed: Computed | None = None
    """attendance.<figure>: each year's value from data/attendance/<year>.csv instead of typed values."""
    values: dict[Year, Value] = {}
    """Year (YYYY-YY) → value: a number, unknown, n/a or suppressed, or one of value (with a note), by (a split by cohort,
    like {BA: 71, MSW: 89}) or pending (like "Data available in 2027"). Leave out years an attendance file computes."""


class MetricsArea(DataModel):
    """The measures of one area of work, such as placements."""

    area: Slug
    """Defaults to the file name."""
    title: str
    measures: list[Measure] = Field(min_length=1)
    """The area's measures, in the order its table lists them; a report section that says ``metrics: <area>`` shows this table."""
