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
ENV = "PARTNERSHIP_NOW"


def now() -> dt.datetime:
    """The current UK time, or the time fixed by ``PARTNERSHIP_NOW``."""
    fixed = os.environ.get(ENV, "").strip()
    if fixed:
        return parse_now(fixed)
    return dt.datetime.now(LONDON)


def parse_now(text: str) -> dt.datetime:
    """``2026-11-22`` or ``2026-11-22T09:30`` as an aware UK time; ValueError otherwise."""
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=LONDON)


def local(value: dt.datetime) -> dt.datetime:
    """A naive date-time from the data, read as UK local time."""
    return value if value.tzinfo else value.replace(tzinfo=LONDON)
