"""Types shared by every data file: ids, years, URLs, e-mail addresses.

Each type checks its value and, when it is wrong, says in plain words what
to write instead. The messages end up in front of communications staff, so
they name an example rather than a pattern.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    PrivateAttr,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError, core_schema

from ..clock import FIRST_YEAR, LAST_YEAR
from ..problems import quote
from ..weburl import WEB, parse

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REF = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*):([a-z0-9]+(?:-[a-z0-9]+)*)$")
_TARGET = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)(?::([a-z0-9]+(?:-[a-z0-9]+)*)|@([a-z0-9]+(?:-[a-z0-9]+)*))?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))})
"""Names Windows keeps for devices: a file or folder called ``con`` (or ``con.yml``) cannot be made or
opened there, and partnerships edit on Windows, so no id (which names files and folders) may be one."""


class DataModel(BaseModel):
    """The base of every model read from a data file.

    Unknown fields are refused, because a misspelt field name (``tittle:``)
    would otherwise vanish without a word. Numbers are accepted where text
    is expected (``version: 2018``), and text is trimmed. A model cannot be
    changed once read (``model_copy(update=…)`` makes a changed copy), so the
    data one build checked is the data every part of it shows.
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        use_attribute_docstrings=True,
        validate_default=False,
        allow_inf_nan=False,
    )

    _origin: Any = PrivateAttr(default=None)
    """Where this model was read from: set by the loader, read through :func:`partnership.core.models.dataset.origin`."""
    _invalid: frozenset[str] = PrivateAttr(default=frozenset())
    """Fields that failed validation; only a model read from a file with problems has any."""

    @field_validator("*", mode="before")
    @classmethod
    def _time_of_date_time(cls, value: Any, info: ValidationInfo) -> Any:
        """A date-time field needs a time: a bare date would silently mean midnight."""
        if isinstance(value, dt.datetime) or not isinstance(value, (dt.date, str)):
            return value
        field = cls.model_fields.get(info.field_name or "")
        if field is None or dt.datetime not in (field.annotation, *typing.get_args(field.annotation)):
            return value
        day = value.isoformat() if isinstance(value, dt.date) else value.strip()
        if isinstance(value, dt.date) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", day, re.ASCII):
            raise PydanticCustomError(
                "needs_time",
                "{value} is a date without a time; write the date and the UK time, like {example}T09:30",
                {"value": quote(day), "example": day},
            )
        return value

    @field_validator("*", mode="after")
    @classmethod
    def _date_in_range_and_local(cls, value: Any) -> Any:
        """Every date lies in FIRST_YEAR..LAST_YEAR; a date-time is UK local time, written without a zone."""
        if not isinstance(value, dt.date):
            return value
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise PydanticCustomError(
                "year_range",
                "{value} is outside the years the site accepts ({first} to {last}); check the year",
                {"value": quote(value.isoformat()), "first": FIRST_YEAR, "last": LAST_YEAR},
            )
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            raise PydanticCustomError(
                "time_zone",
                "{value} has a time zone (Z or +hh:mm); write UK local time without one, like {example}",
                {"value": quote(value.isoformat()), "example": value.strftime("%Y-%m-%dT%H:%M")},
            )
        return value

    def valid(self, *fields: str) -> bool:
        """True when none of ``fields`` failed validation (cross-file rules check before use)."""
        return not self._invalid.intersection(fields)


def slugify(text: str) -> str:
    """A lower-case, hyphenated id from any text: ``'Risk & Safety!'`` → ``risk-safety``."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "item"


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise PydanticCustomError(
            "slug",
            "{value} is not a valid id; use lower-case letters, digits and hyphens, like {example}",
            {"value": quote(value), "example": slugify(value)},
        )
    if value in WINDOWS_RESERVED:
        raise PydanticCustomError(
            "windows_reserved",
            "{value} is a name Windows keeps for a device, so a file or folder named after this id could not be "
            "opened there; choose a longer id, like {example}",
            {"value": quote(value), "example": quote(f"{value}-1")},
        )
    return value


def url_problem(value: str) -> str | None:
    """Why ``value`` is not an address a data file may give (a booking page, a partner's site), as a browser reads it
    (:mod:`..weburl`); None when it is one: ``https://…``, ``http://…`` with a host, or ``mailto:…``."""
    address = parse(value)
    if not address.relative and address.scheme == "mailto" and value == value.strip():
        return None
    full = value.lower().startswith(("http://", "https://"))  # "https:page" is a path of the page that shows it
    if address.relative or address.scheme not in WEB or not address.readable or not address.host or not full:
        return f"{quote(value)} is not a web address; write it in full, like https://www.example.org/page"
    if "xn--" in address.host and "xn--" not in value.lower():
        return (
            f"{quote(value)} has letters outside a to z in its host, which browsers show as {address.host} (a look-alike of a "
            "familiar name is a common trick); write the host in plain letters, or as it appears there if it is meant"
        )
    if address.credentials:
        return (
            f"{quote(value)} has a name before an @, so browsers open {address.host}, not the site it seems to name; "
            "write the address without the part before the @"
        )
    if any(char in value for char in "\\ \t\n\r") or value != value.strip():
        return f"{quote(value)} holds a backslash, a space or a line break, which browsers read otherwise; write it like {address.href}"
    return None


def _check_url(value: str) -> str:
    problem = url_problem(value)
    if problem:
        raise PydanticCustomError("url", problem.replace("{", "{{").replace("}", "}}"))
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise PydanticCustomError(
            "email",
            "{value} is not an e-mail address; write it like cpd@example.org",
            {"value": quote(value)},
        )
    return value


def _check_ref(value: str) -> str:
    if not _REF.match(value):
        raise PydanticCustomError(
            "ref",
            "{value} is not a framework reference; write framework:item, like pcf:values-ethics or kss-cf:3",
            {"value": quote(value)},
        )
    return value


def _check_target(value: str) -> str:
    if not _TARGET.match(value):
        raise PydanticCustomError(
            "target",
            "{value} is not a framework reference; write framework:item (pcf:values-ethics), "
            "a whole framework (kss-cf) or a whole framework at a level (pcf@asye)",
            {"value": quote(value)},
        )
    return value


def _to_str(value: object) -> object:
    """Numbers are fine where text is expected (``version: 2018``)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return value


Slug = Annotated[str, BeforeValidator(_to_str), AfterValidator(_check_slug), Field(json_schema_extra={"pattern": _SLUG.pattern})]
"""A lower-case id such as ``sutton-children``."""

Url = Annotated[str, AfterValidator(_check_url), Field(json_schema_extra={"format": "uri"})]
Email = Annotated[str, AfterValidator(_check_email), Field(json_schema_extra={"format": "email"})]
FrameworkRef = Annotated[str, BeforeValidator(_to_str), AfterValidator(_check_ref), Field(json_schema_extra={"pattern": _REF.pattern})]
"""``<framework>:<item id, alias or number>``, such as ``pcf:2``."""
StageTarget = Annotated[str, BeforeValidator(_to_str), AfterValidator(_check_target), Field(json_schema_extra={"pattern": _TARGET.pattern})]
"""What a career stage works towards: an item (``pcf:2``), a whole framework (``kss-cf``) or one at a level (``pcf@asye``)."""


class Closed(StrEnum):
    """A closed set of values that the data spells as text: each member *is* its spelling (``Service.CHILDREN == "children"``).

    Read from a data file, a value must be one of the spellings: it is checked
    as a ``Literal`` of them would be (the same message, ``'kids' is not
    allowed here; allowed: children, adults``, and the same JSON Schema, an
    ``enum`` of the spellings), then made the member. A member prints as its
    spelling, so pages, files and templates show the same text as before.
    """

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(cls, core_schema.literal_schema([member.value for member in cls]))


class Service(Closed):
    """The services a partnership's social workers work in."""

    CHILDREN = "children"
    ADULTS = "adults"


SERVICES: tuple[Service, ...] = tuple(Service)


def split_ref(ref: str) -> tuple[str, str]:
    framework, _, item = ref.partition(":")
    return framework, item


def split_target(ref: str) -> tuple[str, str | None, str | None]:
    """``pcf:2`` → (pcf, 2, None); ``pcf@asye`` → (pcf, None, asye); ``kss-cf`` → (kss-cf, None, None)."""
    if ":" in ref:
        framework, item = split_ref(ref)
        return framework, item, None
    framework, _, level = ref.partition("@")
    return framework, None, level or None
