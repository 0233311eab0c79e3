"""Reading dates, times and years as people in the UK type them.

``14/04/2027`` is 14 April (day first, as in the UK), ``14 April 2027``,
``14 apr 27`` and ``2027-04-14`` are too; ``9.30am-12.30pm``, ``9:30 to
16:30`` and ``9am-1pm`` are a start and end time; ``2026/27``, ``2026-2027``
and ``26/27`` are the year ``2026-27``. Dates are read by python-dateutil;
every parser raises :class:`ValueError` with a sentence saying what to write
instead, and the caller shows it and asks again.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateparser

from ..core.clock import FIRST_YEAR, LAST_YEAR
from ..core.models.year import Year

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATE_HELP = "write it like 14/04/2027, 14 April 2027 or 2027-04-14"


def parse_date(text: str) -> dt.date:
    """A UK date: day before month, the year required."""
    raw = text.strip()
    iso = _ISO.match(raw)
    try:
        if iso:  # year-month-day, never read the other way round (2027-13-01 is not 13 January)
            day = dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        else:
            first = dateparser.parse(raw, dayfirst=True, default=dt.datetime(2001, 1, 1))
            second = dateparser.parse(raw, dayfirst=True, default=dt.datetime(2002, 2, 2))
            if first.date() != second.date():
                raise ValueError(f"'{raw}' is not a whole date (the day, the month and the year are needed); {_DATE_HELP}.")
            day = first.date()
    except (ValueError, OverflowError) as error:
        if "whole date" in str(error):
            raise
        raise ValueError(f"'{raw}' is not a date; {_DATE_HELP}.") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"'{raw}' is in {day.year}; {_DATE_HELP}.")
    named = next((name for name in _WEEKDAYS if name[:3] in raw.lower()), None)
    if named and _WEEKDAYS[day.weekday()] != named:
        raise ValueError(f"{day.day} {day:%B %Y} is a {_WEEKDAYS[day.weekday()].title()}, not a {named.title()}; check the date.")
    return day


def long_date(day: dt.date) -> str:
    """``Wednesday 14 April 2027``."""
    return f"{day:%A} {day.day} {day:%B %Y}"


_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?"
_RANGE = re.compile(rf"^\s*{_TIME}\s*(?:-|–|—|to|until|till)\s*{_TIME}\s*$", re.I)


def _clock(hours: str, minutes: str | None, suffix: str | None) -> tuple[int, int]:
    hour, minute = int(hours), int(minutes or 0)
    suffix = (suffix or "").replace(".", "").lower()
    if suffix and not 1 <= hour <= 12:
        raise ValueError
    if suffix == "pm" and hour != 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError
    return hour, minute


def parse_times(text: str) -> tuple[dt.time, dt.time]:
    """A start and end time: ``09:30-16:30``, ``9.30am-12.30pm``, ``9am to 1pm``, ``9:30-12:30pm``."""
    match = _RANGE.match(re.sub(r"(?:12\s*)?\b(?:noon|midday)\b", "12pm", text, flags=re.I))
    if not match:
        raise ValueError(f"'{text.strip()}' is not a start and end time; write them like 09:30-16:30 or 9.30am-12.30pm.")
    h1, m1, s1, h2, m2, s2 = match.groups()
    try:
        end = _clock(h2, m2, s2)
        start = _clock(h1, m1, s1)
        if s2 and not s1:  # "9:30-12:30pm": the start takes the end's half of the day if that keeps it first
            same = _clock(h1, m1, s2)
            start = same if same < end else start
        start_time, end_time = dt.time(*start), dt.time(*end)
    except ValueError:
        raise ValueError(f"'{text.strip()}' is not a real time; write it like 09:30-16:30 or 9.30am-12.30pm.") from None
    if end_time <= start_time:
        raise ValueError(f"'{text.strip()}': the end must be after the start (use the 24-hour clock: 4:30pm is 16:30, or add am and pm).")
    return start_time, end_time


def time_range(start: dt.time, end: dt.time) -> str:
    """``9:30am to 12:30pm``, as the answer is read back."""

    def one(moment: dt.time) -> str:
        text = f"{moment:%I:%M}".lstrip("0").replace(":00", "")
        return text + ("am" if moment.hour < 12 else "pm")

    return f"{one(start)} to {one(end)}"


_YEAR = re.compile(r"^\s*(\d{2}|\d{4})\s*(?:-|–|/|to)\s*(\d{2}|\d{4})\s*$")


def parse_year(text: str) -> Year:
    """An academic or financial year: ``2026-27``, ``2026/27``, ``2026-2027`` or ``26/27`` → ``2026-27``."""
    match = _YEAR.match(text)
    if match:
        first, second = match.groups()
        start = int(first) if len(first) == 4 else 2000 + int(first)
        follows = int(second) % 100 == (start + 1) % 100 and (len(second) == 2 or int(second) == start + 1)
        if follows and FIRST_YEAR <= start < LAST_YEAR:
            return Year.starting(start)
    raise ValueError(f"'{text.strip()}' is not a year; write it like 2026-27 (or 2026/27), two years in a row.")


__all__ = ["long_date", "parse_date", "parse_times", "parse_year", "time_range"]
