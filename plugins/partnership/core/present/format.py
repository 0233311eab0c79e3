"""Dates, times, numbers and durations written the way GOV.UK writes them.

``4 March 2026``, ``9:30am``, ``12:30pm``, ``Wednesday 4 March 2026,
9:30am to 4:30pm``, ``6 hours``. Used by pages, calendars, feeds and PDFs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal


def date(value: dt.date) -> str:
    """``4 March 2026``"""
    return f"{value.day} {value:%B %Y}"


def day(value: dt.date) -> str:
    """``Wednesday 4 March 2026``"""
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_day(value: dt.date) -> str:
    """``Wed 4 Mar 2026``"""
    return f"{value:%a} {value.day} {value:%b %Y}"


def time(value: dt.datetime | dt.time) -> str:
    """``9:30am``, ``5pm``, ``12:30pm``; midday is ``12pm``."""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def time_range(start: dt.datetime, end: dt.datetime) -> str:
    """``9:30am to 4:30pm``"""
    return f"{time(start)} to {time(end)}"


def session(start: dt.datetime, end: dt.datetime) -> str:
    """``Wednesday 4 March 2026, 9:30am to 4:30pm`` (and both days if it runs overnight)."""
    if start.date() == end.date():
        return f"{day(start)}, {time_range(start, end)}"
    return f"{day(start)}, {time(start)} to {day(end)}, {time(end)}"


def span(starts: Sequence[dt.datetime]) -> str:
    """The dates of several sessions: ``21 January to 4 February 2026``."""
    first, last = min(starts), max(starts)
    if first.date() == last.date():
        return date(first)
    if first.year == last.year:
        if first.month == last.month:
            return f"{first.day} to {last.day} {last:%B %Y}"
        return f"{first.day} {first:%B} to {date(last)}"
    return f"{date(first)} to {date(last)}"


def number(value: float, decimals: int | None = None) -> str:
    """``1,382``, ``139.62``, ``4.1``: thousands separated, no stray ``.0``.

    With ``decimals``, exactly that many places, rounded half up from the
    number as written (``61.845`` → ``61.85``, where binary floating point
    would give ``61.84``).
    """
    if decimals is not None:
        exact = Decimal(repr(float(value))) if not isinstance(value, Decimal) else value
        return f"{exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP):,.{decimals}f}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}".rstrip("0").rstrip(".") if "e" not in f"{value}" else f"{value:,}"


def hours(value: float | None) -> str:
    """``6 hours``, ``1 hour``, ``1.5 hours``; empty when unknown."""
    if value is None:
        return ""
    text = number(round(value, 2))
    return f"{text} hour" if text == "1" else f"{text} hours"


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 event``, ``3 events``"""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def join(words: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``"""
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def filesize(size: int) -> str:
    """``48 KB``, ``1.2 MB``"""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024):,} KB"
    return f"{size / (1024 * 1024):.1f} MB"
