"""What time it is, for deciding which events are upcoming.

Everything is in UK local time (Europe/London). The build asks once, at its
start, and passes the answer down, so that a build is consistent with
itself. ``PARTNERSHIP_NOW`` fixes the answer for reproducible builds and
tests: ``PARTNERSHIP_NOW=2026-11-22`` (midnight) or ``2026-11-22T09:30``.

The build's instant decides what is upcoming; it never dates a document. A
document carries the date its data last changed (:func:`source_date_epoch`,
the reproducible-builds convention, then the history of its files:
:func:`partnership.core.sources.history.changed_at`), so that the same data
gives the same files whatever the hour.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import os
import re
from collections.abc import Iterator
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
FIRST_YEAR = 2000
LAST_YEAR = 2099
"""Dates and years in the data lie between these (inclusive): social work teaching partnerships began in
2015, and a date outside this range is a slip (0202-03-04, 9999) that would otherwise sort, count and
print wrongly everywhere."""
ENV = "PARTNERSHIP_NOW"
EPOCH_ENV = "SOURCE_DATE_EPOCH"
_UTC = dt.UTC
_lent: set[str] = set()
"""The SOURCE_DATE_EPOCH values :func:`dated_for_mkdocs` set itself (the build's own instant), not the caller's."""


def now() -> dt.datetime:
    """The current UK time, or the time fixed by ``PARTNERSHIP_NOW``."""
    fixed = os.environ.get(ENV, "").strip()
    if fixed:
        return parse_now(fixed)
    return dt.datetime.now(LONDON)


def parse_now(text: str) -> dt.datetime:
    """``2026-11-22`` or ``2026-11-22T09:30`` as an aware UK time; ValueError (with a plain message) otherwise."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{ENV}={text!r} is not a date; write it like 2026-11-22 or 2026-11-22T09:30, or leave it unset") from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"{ENV}={text!r} is outside the years the site accepts ({FIRST_YEAR} to {LAST_YEAR})")
    return value if value.tzinfo else value.replace(tzinfo=LONDON)


def source_date_epoch() -> dt.datetime | None:
    """The instant the caller's ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) names, as UK time; None when it is unset.

    The reproducible-builds convention (https://reproducible-builds.org/specs/source-date-epoch/):
    the date of the sources, which every document then carries. The value
    :func:`dated_for_mkdocs` sets for MkDocs is the build's own instant, not
    the sources', and is not read here. ValueError (a plain message) when it is no whole number of seconds.
    """
    text = os.environ.get(EPOCH_ENV, "").strip()
    if not text or text in _lent:
        return None
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f"{EPOCH_ENV}={text!r} is not a whole number of seconds since 1970 (like 1765152000), or leave it unset")
    try:
        value = dt.datetime.fromtimestamp(int(text), _UTC).astimezone(LONDON)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"{EPOCH_ENV}={text!r} is too far in the future; write the seconds since 1970, or leave it unset") from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"{EPOCH_ENV}={text!r} is outside the years the site accepts ({FIRST_YEAR} to {LAST_YEAR})")
    return value


@contextlib.contextmanager
def dated_for_mkdocs() -> Iterator[None]:
    """Let MkDocs date what it writes (the sitemap's lastmod, sitemap.xml.gz's header) by the build's clock.

    MkDocs reads SOURCE_DATE_EPOCH, and otherwise today's date, so a build
    fixed by PARTNERSHIP_NOW would still change with the calendar. A
    SOURCE_DATE_EPOCH set by the caller is left as it is; the one set here is
    the build's instant, which :func:`source_date_epoch` does not take for the sources' date.
    """
    if EPOCH_ENV in os.environ:
        yield
        return
    value = str(int(now().timestamp()))
    _lent.add(value)
    os.environ[EPOCH_ENV] = value
    try:
        yield
    finally:
        os.environ.pop(EPOCH_ENV, None)
        _lent.discard(value)


def clock_change(value: dt.datetime) -> str | None:
    """Why the naive UK time ``value`` is not one instant (it is skipped or repeated when the clocks change), or None."""
    if value.tzinfo is not None:
        return None
    first, second = value.replace(tzinfo=LONDON, fold=0), value.replace(tzinfo=LONDON, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    shown = value.strftime("%Y-%m-%dT%H:%M")
    if first.astimezone(_UTC).astimezone(LONDON).replace(tzinfo=None) != value:
        return f"{shown} does not exist in the UK: the clocks go forward an hour that night; choose a time outside the hour that is skipped"
    return f"{shown} happens twice in the UK: the clocks go back an hour that night; choose a time outside the hour that is repeated"


def elapsed_hours(start: dt.datetime, end: dt.datetime) -> float:
    """Real hours from ``start`` to ``end`` (UK times), counting a clock change: 22:00 to 06:00 across it is 7 or 9 hours."""
    return (local(end).astimezone(_UTC) - local(start).astimezone(_UTC)).total_seconds() / 3600


def local(value: dt.datetime) -> dt.datetime:
    """A naive date-time from the data, read as UK local time."""
    return value if value.tzinfo else value.replace(tzinfo=LONDON)


_WRITTEN = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*$")


def date_problem(year: int, month: int, day: int) -> str | None:
    """Why year-month-day is no day of the calendar, in words (``April has 30 days``), or None when it is one."""
    if not 1 <= month <= 12:
        return f"there is no month {month}; months run from 1 (January) to 12 (December)"
    days = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
    if 1 <= day <= days:
        return None
    name = calendar.month_name[month]
    if day < 1:
        return f"there is no day {day}; days run from 1 to {days} in {name}"
    if month == 2:
        leap = "a leap year" if calendar.isleap(year) else "not a leap year"
        return f"February {year} has {days} days ({year} is {leap})"
    return f"{name} has {days} days"


def time_problem(hour: int, minute: int, second: int = 0) -> str | None:
    """Why hour:minute is no time of the day (``there is no hour 25``), or None."""
    if not 0 <= hour <= 23:
        return f"there is no hour {hour}; hours run from 00 to 23 (1pm is 13:00)"
    if not 0 <= minute <= 59:
        return f"there is no minute {minute}; minutes run from 00 to 59"
    if not 0 <= second <= 59:
        return f"there is no second {second}; seconds run from 00 to 59"
    return None


def written_date_problem(text: str) -> str | None:
    """Why a date (or date and time) written year first does not exist: ``2027-04-31`` → ``not a real date: April has 30 days``.

    None too for text not written that way: what to write instead is the
    caller's to say. The data, ``new`` and the import all explain an
    impossible date with it, so each says the same thing in the same words.
    """
    found = _WRITTEN.match(text)
    if not found:
        return None
    year, month, day = (int(found.group(i)) for i in (1, 2, 3))
    problem = date_problem(year, month, day)
    if problem is not None:
        return f"not a real date: {problem}"
    if found.group(4) is not None:
        problem = time_problem(int(found.group(4)), int(found.group(5)), int(found.group(6) or 0))
        return f"not a real time: {problem}" if problem else None
    return None


_MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}|\d{2}))?$")
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY_MONTH = re.compile(rf"^{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?(?:\s+(\d{{4}}|\d{{2}}))?$", re.I)
_MONTH_DAY = re.compile(rf"^{_WEEKDAY}([a-z]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?(?:\s+(\d{{4}}|\d{{2}}))?$", re.I)


def date_parts(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date as people in the UK write it, whether or not that day exists; None if it is no date.

    Day before month, as in the UK: ``14/04/2027``, ``14.4.27``, ``14 April
    2027``, ``Wed 14th April``, ``April 14, 2027`` and ``2027-04-14`` (year
    first) are all 14 April. A year of two digits is this century's; a
    missing year is None, for the caller to choose (and say so).
    """
    raw = " ".join(text.strip().split())
    if found := _YEAR_FIRST.match(raw):
        return int(found.group(1)), int(found.group(2)), int(found.group(3))
    if found := _DAY_FIRST.match(raw):
        day, month, year = found.groups()
        return _full_year(year), int(month), int(day)
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        found = pattern.match(raw)
        if found and found.group(month_group).lower() in _MONTHS:
            return _full_year(found.group(3)), _MONTHS[found.group(month_group).lower()], int(found.group(day_group))
    return None


def _full_year(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) + 2000 if len(text) == 2 else int(text)
