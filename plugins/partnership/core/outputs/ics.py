"""iCalendar (RFC 5545) files: one per event, one per career stage, and one of everything upcoming.

Each session is a VEVENT with a UID that stays the same from build to
build (``<event id>-<session number>@<site host>``), so that calendars
which subscribe update events in place. Times are Europe/London with a
VTIMEZONE, so a session at 9:30 stays at 9:30 across the clock change.
Cancelled events stay in the files marked ``STATUS:CANCELLED``, so that a
calendar that imported them learns of the cancellation.

Every text property (SUMMARY, LOCATION, DESCRIPTION, PRODID, X-WR-CALNAME)
goes through :class:`Text`, one place: icalendar's own escaping (RFC 5545
3.3.11: backslash, semicolon, comma, line break), except that a ``\\N``
typed in a title stays those two characters (icalendar reads it as a line
break).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone, vText
from icalendar.parser import escape_char

from ..models.common import slugify
from ..models.events import EventStatus
from ..models.site import Site
from ..present import urls
from ..present.markdown import plain
from ..views.events import EventView

_STATUS: dict[EventStatus, str] = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.FULL: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}
TZID = "Europe/London"


class Text(vText):
    """A TEXT value written as the data holds it: icalendar's escaping, with every backslash text (``\\N`` too)."""

    def to_ical(self) -> bytes:
        return "\\\\N".join(escape_char(piece) for piece in str(self).split("\\N")).encode("utf-8")


@lru_cache(maxsize=32)
def _timezone(first_year: int, last_year: int) -> Timezone:
    """Europe/London's rules for whole years: worked out once, shared by every file."""
    return Timezone.from_tzid(TZID, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 12, 31))


def host(site: Site) -> str:
    """The domain used in UIDs: the site's own, or one made from its short name."""
    if site.url:
        netloc = urlsplit(site.url).netloc
        if netloc:
            return netloc
    return f"{slugify(site.short_name)}.cpd.invalid"


def _vevents(ev: EventView, site: Site, stamp: dt.datetime) -> Iterable[Event]:
    total = len(ev.sessions)
    page = urls.absolute(site.url, urls.event(ev.id)) if site.url else None
    for session in ev.sessions:
        vevent = Event()
        vevent.add("uid", f"{ev.id}-{session.number}@{host(site)}")
        vevent.add("dtstamp", stamp)
        vevent.add("dtstart", session.start)
        vevent.add("dtend", session.end)
        title = ev.title if total == 1 else f"{ev.title} (session {session.number} of {total})"
        if session.title:
            title = f"{title}: {session.title}"
        if ev.event.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
            title = f"{'Cancelled' if ev.event.status == EventStatus.CANCELLED else 'Postponed'}: {title}"
        vevent.add("summary", Text(title))
        vevent.add("status", _STATUS[ev.event.status])
        vevent.add("sequence", 1 if ev.event.status in (EventStatus.CANCELLED, EventStatus.POSTPONED) else 0)
        vevent.add("location", Text(ev.event.venue or "Online"))
        lines = [ev.event.summary or plain(ev.event.description)]
        if ev.event.status_note:
            lines.append(ev.event.status_note)
        lines.append(f"Provider: {ev.provider_label}")
        if ev.event.booking and ev.event.status == EventStatus.SCHEDULED:
            lines.append(f"Book: {ev.event.booking}")
        if page:
            lines.append(f"Details: {page}")
        vevent.add("description", Text("\n\n".join(line for line in lines if line)))
        if page:
            vevent.add("url", page)
        vevent.add("categories", ["CPD", ev.event.type])
        yield vevent


class CalendarWriter:
    """Writes calendars for one build, serialising each event's VEVENTs only once.

    An event appears in its own ``event.ics``, in ``/calendar.ics`` and in a
    calendar per career stage; its components are turned into text the
    first time and the same bytes go into every file. The calendar
    properties all files share are serialised once too.
    """

    def __init__(self, site: Site, now: dt.datetime):
        self.site = site
        self.stamp = now.astimezone(dt.UTC).replace(microsecond=0)
        self._events: dict[str, bytes] = {}
        shared = Calendar()  # the properties every file has; its name comes after them
        shared.add("prodid", Text(f"-//{site.short_name}//CPD catalogue//EN"))
        shared.add("version", "2.0")
        shared.add("calscale", "GREGORIAN")
        shared.add("method", "PUBLISH")
        shared.add("x-wr-timezone", TZID)
        shared.add("refresh-interval", dt.timedelta(hours=12), parameters={"VALUE": "DURATION"})
        shared.add("x-published-ttl", "PT12H")
        self._head = _inside(shared.to_ical(), with_begin=True)

    def _event_bytes(self, ev: EventView) -> bytes:
        found = self._events.get(ev.id)
        if found is None:
            found = b"".join(v.to_ical() for v in _vevents(ev, self.site, self.stamp))
            self._events[ev.id] = found
        return found

    def calendar(self, events: Iterable[EventView], name: str) -> bytes:
        """An iCalendar file holding every session of ``events`` that has dates."""
        named = Calendar()
        named.add("x-wr-calname", Text(name))
        dated = [ev for ev in events if ev.sessions]
        parts = [self._head, _inside(named.to_ical())]
        if dated:
            first = min(ev.sessions[0].start for ev in dated).year - 1
            last = max(ev.end for ev in dated if ev.end).year + 1
            parts.append(_timezone_bytes(first, last))
        parts.extend(self._event_bytes(ev) for ev in dated)
        parts.append(_END)
        return b"".join(parts)


_BEGIN, _END = b"BEGIN:VCALENDAR\r\n", b"END:VCALENDAR\r\n"


def _inside(calendar: bytes, with_begin: bool = False) -> bytes:
    """A serialised calendar's property lines, without its END line (and without BEGIN unless asked)."""
    assert calendar.startswith(_BEGIN) and calendar.endswith(_END)
    return calendar[: -len(_END)] if with_begin else calendar[len(_BEGIN) : -len(_END)]


@lru_cache(maxsize=32)
def _timezone_bytes(first_year: int, last_year: int) -> bytes:
    ical: bytes = _timezone(first_year, last_year).to_ical()
    return ical


def calendar(events: Iterable[EventView], site: Site, name: str, now: dt.datetime) -> bytes:
    """One calendar file (see :class:`CalendarWriter` for many)."""
    return CalendarWriter(site, now).calendar(events, name)
