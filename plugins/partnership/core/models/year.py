"""A programme year, ``2025-26``: April 2025 to March 2026.

Reports, measure values and attendance files are kept by the year a
partnership plans, funds and reports in: April to March, written ``YYYY-YY``
(the data contract). :class:`Year` is the one place that reads, checks,
orders and writes such a year. It *is* the text it is written as (a ``str``),
so it keys dictionaries, names files and fills addresses exactly as the
text would, and it knows its own start (:attr:`Year.start`), days
(:attr:`Year.first_day`, :attr:`Year.last_day`) and neighbours.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from ..clock import FIRST_YEAR, LAST_YEAR
from ..problems import quote

_YEAR = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
FIRST_MONTH = 4
"""A programme year starts on 1 April."""


class Year(str):
    """A programme year such as ``2021-22`` (April 2021 to March 2022), checked when made.

    ``Year("2021-22")`` raises a plain-English error (a ``ValueError``) for
    anything else; :meth:`starting` and :meth:`of` make one from a number or a
    day. Years order by when they start, and equal the text they are written as.
    """

    __slots__ = ()

    def __new__(cls, text: str) -> Year:
        if isinstance(text, Year):
            return text
        match = _YEAR.match(text) if isinstance(text, str) else None
        if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
            raise PydanticCustomError("year", "{value} is not a year; write a year as YYYY-YY, like 2021-22", {"value": quote(text)})
        if not FIRST_YEAR <= int(match.group(1)) < LAST_YEAR:
            raise PydanticCustomError(
                "year_range",
                "{value} is outside the years the site accepts ({first}-{next} to {last}); check the year",
                {"value": quote(text), "first": FIRST_YEAR, "next": f"{(FIRST_YEAR + 1) % 100:02d}", "last": _label(LAST_YEAR - 1)},
            )
        return super().__new__(cls, text)

    @classmethod
    def starting(cls, start: int) -> Year:
        """The year that starts in April of ``start``: ``2021`` → ``2021-22``."""
        return cls(_label(start))

    @classmethod
    def of(cls, day: dt.date) -> Year:
        """The year ``day`` falls in: 2026-03-31 → ``2025-26``, 2026-04-01 → ``2026-27``."""
        return cls.starting(day.year if day.month >= FIRST_MONTH else day.year - 1)

    @classmethod
    def parse(cls, text: str) -> Year | None:
        """The year ``text`` is, or None when it is not one."""
        try:
            return cls(text)
        except ValueError:
            return None

    @property
    def start(self) -> int:
        """The calendar year it starts in: ``2021-22`` → 2021."""
        return int(self[:4])

    @property
    def first_day(self) -> dt.date:
        """1 April of :attr:`start`."""
        return dt.date(self.start, FIRST_MONTH, 1)

    @property
    def last_day(self) -> dt.date:
        """31 March of the year after :attr:`start`."""
        return dt.date(self.start + 1, FIRST_MONTH, 1) - dt.timedelta(days=1)

    def covers(self, day: dt.date) -> bool:
        """True when ``day`` falls between :attr:`first_day` and :attr:`last_day`."""
        return self.first_day <= day <= self.last_day

    def after(self, years: int = 1) -> Year:
        """The year ``years`` later (earlier when negative): ``2021-22`` → ``2022-23``."""
        return Year.starting(self.start + years)

    def through(self, last: Year) -> list[Year]:
        """This year to ``last``, both included: ``2017-18`` through ``2019-20`` → three years."""
        return [Year.starting(start) for start in range(self.start, last.start + 1)]

    # Ordered by when they start (for the years the data accepts, the same order as their text); against
    # plain text, as text.
    def __lt__(self, other: object) -> bool:
        return self.start < other.start if isinstance(other, Year) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.start <= other.start if isinstance(other, Year) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.start > other.start if isinstance(other, Year) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.start >= other.start if isinstance(other, Year) else NotImplemented

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        """Read as text, then checked and made a :class:`Year`; written as its text."""
        return core_schema.no_info_after_validator_function(cls, core_schema.str_schema())

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        found = handler(schema)
        found["pattern"] = _YEAR.pattern
        return found


def _label(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


__all__ = ["Year"]
