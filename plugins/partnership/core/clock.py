"""What time it is, for deciding which events are upcoming.

Everything is in UK local time (Europe/London). The build asks once, at its
start, and passes the answer down, so that a build is consistent with
itself. ``PARTNERSHIP_NOW`` fixes the answer for reproducible builds and
tests: ``PARTNERSHIP_NOW=2026-11-22`` (midnight) or ``2026-11-22T09:30``.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
FIRST_YEAR = 2000
LAST_YEAR = 2099
"""Dates and years in the data lie between these (inclusive): social work teaching partnerships began in
2015, and a date outside this range is a slip (0202-03-04, 9999) that would otherwise sort, count and
print wrongly everywhere."""
ENV = "PARTNERSHIP_NOW"
_UTC = dt.UTC


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
