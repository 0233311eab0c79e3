"""Reading dates, times and years as people in the UK type them.

``14/04/2027`` is 14 April (day first, as in the UK), ``14 April 2027``,
``Wed 14th April`` (the next one), ``14 apr 27`` and ``2027-04-14`` are too;
``9.30am-12.30pm``, ``9:30 to 16:30``, ``9am-1pm`` and ``9.30 till 1`` are a
start and end time; ``2026/27``, ``2026-2027`` and ``26/27`` are the year
``2026-27``. Whatever had to be assumed (the year of ``3rd March``, the
afternoon of ``till 1``) is returned with the answer, to be said back. Every
parser raises :class:`ValueError` with a sentence saying what is wrong (an
impossible date says why: ``April has 30 days``), and the caller shows it
and asks again.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateparser

from ..core.clock import FIRST_YEAR, LAST_YEAR, date_parts, date_problem, time_problem
from ..core.models.year import Year

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATE_HELP = "write it like 14/04/2027, 14 April 2027 or 2027-04-14"


def read_date(text: str, today: dt.date | None = None) -> tuple[dt.date, str]:
    """A UK date (day before month) and what was assumed to read it, to say back: ``3rd March`` → 3 March 2027.

    Without a year, the next such day from ``today`` is taken, and the note
    says so; an impossible date says why (``April has 30 days``), never
    asking again for the form it was written in.
    """
    raw = text.strip()
    parts = date_parts(raw)
    note = ""
    if parts is None:
        day = _other_forms(raw)
    else:
        year, month, number = parts
        if year is None:
            if today is None:
                raise ValueError(f"'{raw}' has no year; add it, like 14 April 2027.")
            year = _next_year_with(month, number, today)
            note = f" (no year was given: {year}, the next {number} {_month(month)})"
        impossible = date_problem(year, month, number)
        if impossible:
            raise ValueError(f"'{raw}' is not a real date: {impossible}.")
        day = dt.date(year, month, number)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"'{raw}' is in {day.year}; {_DATE_HELP}.")
    named = next((name for name in _WEEKDAYS if re.search(rf"\b{name[:3]}", raw.lower())), None)
    if named and _WEEKDAYS[day.weekday()] != named:
        raise ValueError(f"{day.day} {day:%B %Y} is a {_WEEKDAYS[day.weekday()].title()}, not a {named.title()}; check the date.")
    return day, note


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """A UK date: day before month; the year may be left out when ``today`` is given."""
    return read_date(text, today)[0]


def _month(number: int) -> str:
    return dt.date(2001, number, 1).strftime("%B") if 1 <= number <= 12 else str(number)


def _next_year_with(month: int, day: int, today: dt.date) -> int:
    """The year of the next ``day`` ``month`` on or after ``today`` (29 February: the next leap year's)."""
    for year in range(today.year, today.year + 9):
        if date_problem(year, month, day) is None and dt.date(year, month, day) >= today:
            return year
    return today.year  # no such day at all: the caller says why


def _other_forms(raw: str) -> dt.date:
    """A date in a form :func:`date_parts` does not know, read by python-dateutil (the day, the month and the year all given)."""
    try:
        first = dateparser.parse(raw, dayfirst=True, default=dt.datetime(2001, 1, 1))
        second = dateparser.parse(raw, dayfirst=True, default=dt.datetime(2002, 2, 2))
    except (ValueError, OverflowError):
        raise ValueError(f"'{raw}' is not a date; {_DATE_HELP}.") from None
    if first.date() != second.date():
        raise ValueError(f"'{raw}' is not a whole date (the day, the month and the year are needed); {_DATE_HELP}.")
    return first.date()


def long_date(day: dt.date) -> str:
    """``Wednesday 14 April 2027``."""
    return f"{day:%A} {day.day} {day:%B %Y}"


_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?"
_RANGE = re.compile(rf"^\s*{_TIME}\s*(?:-|–|—|to|until|till|til)\s*{_TIME}\s*$", re.I)
_AFTERNOON = range(1, 7)
"""A start written 1 to 6 without am or pm is in the afternoon: CPD does not start at 3 in the morning."""


def _clock(hours: str, minutes: str | None, suffix: str | None) -> tuple[int, int]:
    hour, minute = int(hours), int(minutes or 0)
    suffix = (suffix or "").replace(".", "").lower()
    if suffix and not 1 <= hour <= 12:
        raise ValueError(f"there is no {hour}{suffix}; with am or pm, hours run from 1 to 12")
    if suffix == "pm" and hour != 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    problem = time_problem(hour, minute)
    if problem:
        raise ValueError(problem)
    return hour, minute


def read_times(text: str) -> tuple[dt.time, dt.time, str]:
    """A start and end time as people mean them, and what was assumed, to say back.

    ``9.30 till 1`` is 09:30 to 13:00 (an end without am or pm that would
    come before a morning start is in the afternoon), ``1-4`` is 13:00 to
    16:00, ``6-8`` is 18:00 to 20:00; ``09:30-16:30``, ``9.30am-12.30pm`` and
    ``9:30-12:30pm`` are read as written.
    """
    match = _RANGE.match(re.sub(r"(?:12\s*)?\b(?:noon|midday)\b", "12pm", text, flags=re.I))
    if not match:
        raise ValueError(f"'{text.strip()}' is not a start and end time; write them like 09:30-16:30 or 9.30am-12.30pm.")
    h1, m1, s1, h2, m2, s2 = match.groups()
    notes = []
    try:
        end = _clock(h2, m2, s2)
        start = _clock(h1, m1, s1)
    except ValueError as error:
        raise ValueError(f"'{text.strip()}' is not a real time: {error}.") from None
    if s2 and not s1:  # "9:30-12:30pm": the start takes the end's half of the day if that keeps it first
        same = _clock(h1, m1, s2)
        start = same if same < end else start
    elif not s1 and not s2 and int(h1) <= 12:  # written without am or pm, and not on the 24-hour clock
        if start[0] in _AFTERNOON and not h1.startswith("0"):
            start = (start[0] + 12, start[1])
            notes.append(f"{_typed(match, 1)} read as {start[0]:02d}:{start[1]:02d}")
        if end <= start and 1 <= end[0] <= 11 and not h2.startswith("0"):
            end = (end[0] + 12, end[1])
            notes.append(f"{_typed(match, 4)} read as {end[0]:02d}:{end[1]:02d}")
    start_time, end_time = dt.time(*start), dt.time(*end)
    if end_time <= start_time:
        raise ValueError(f"'{text.strip()}': the end must be after the start (use the 24-hour clock: 4:30pm is 16:30, or add am and pm).")
    return start_time, end_time, f" ({' and '.join(notes)})" if notes else ""


def parse_times(text: str) -> tuple[dt.time, dt.time]:
    """A start and end time: ``09:30-16:30``, ``9.30am-12.30pm``, ``9am to 1pm``, ``9.30 till 1``."""
    start, end, _ = read_times(text)
    return start, end


def _typed(match: re.Match[str], hour_group: int) -> str:
    """A time as it was typed (``4.30``), from its hour's group to its minutes'."""
    end = match.end(hour_group + 1) if match.group(hour_group + 1) else match.end(hour_group)
    return match.string[match.start(hour_group) : end]


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


__all__ = ["long_date", "parse_date", "parse_times", "parse_year", "read_date", "read_times", "time_range"]
