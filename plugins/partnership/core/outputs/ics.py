"""iCalendar (RFC 5545) files: one per event, one per career stage, and one of everything upcoming.

Each session is a VEVENT with a UID that stays the same from build to
build (``<event id>-<session number>@<site host>``), so that calendars
which subscribe update events in place. Times are Europe/London with a
VTIMEZONE, so a session at 9:30 stays at 9:30 across the clock change.
Cancelled events stay in the files marked ``STATUS:CANCELLED``, so that a
calendar that imported them learns of the cancellation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone

from ..html import urls
from ..html.markdown import plain
from ..models.common import slugify
from ..models.site import Site
from ..views.events import EventView

_STATUS = {"scheduled": "CONFIRMED", "full": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}
TZID = "Europe/London"


def host(site: Site) -> str:
    """The domain used in UIDs: the site's own, or one made from its short name."""
    if site.url:
        netloc = urlsplit(site.url).netloc
        if netloc:
            return netloc
    return f"{slugify(site.short_name)}.cpd.invalid"


def _absolute(site: Site, path: str) -> str | None:
    return site.url.rstrip("/") + "/" + path if site.url else None


def _vevents(ev: EventView, site: Site, stamp: dt.datetime) -> Iterable[Event]:
    total = len(ev.sessions)
    page = _absolute(site, urls.event(ev.id))
    for session in ev.sessions:
        vevent = Event()
        vevent.add("uid", f"{ev.id}-{session.number}@{host(site)}")
        vevent.add("dtstamp", stamp)
        vevent.add("dtstart", session.start)
        vevent.add("dtend", session.end)
        title = ev.title if total == 1 else f"{ev.title} (session {session.number} of {total})"
        if session.title:
            title = f"{title}: {session.title}"
        if ev.event.status in ("cancelled", "postponed"):
            title = f"{'Cancelled' if ev.event.status == 'cancelled' else 'Postponed'}: {title}"
        vevent.add("summary", title)
        vevent.add("status", _STATUS[ev.event.status])
        vevent.add("sequence", 1 if ev.event.status in ("cancelled", "postponed") else 0)
        vevent.add("location", ev.event.venue or "Online")
        lines = [ev.event.summary or plain(ev.event.description)]
        if ev.event.status_note:
            lines.append(ev.event.status_note)
        lines.append(f"Provider: {ev.provider_label}")
        if ev.event.booking and ev.event.status == "scheduled":
            lines.append(f"Book: {ev.event.booking}")
        if page:
            lines.append(f"Details: {page}")
        vevent.add("description", "\n\n".join(line for line in lines if line))
        if page:
            vevent.add("url", page)
        vevent.add("categories", ["CPD", ev.event.type])
        yield vevent


def calendar(events: Iterable[EventView], site: Site, name: str, now: dt.datetime) -> bytes:
    """An iCalendar file holding every session of ``events`` that has dates."""
    cal = Calendar()
    cal.add("prodid", f"-//{site.short_name}//CPD catalogue//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    cal.add("refresh-interval", dt.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")
    stamp = now.astimezone(dt.timezone.utc).replace(microsecond=0)
    dated = [ev for ev in events if ev.sessions]
    if dated:
        first = min(ev.sessions[0].start for ev in dated).date() - dt.timedelta(days=366)
        last = max(ev.end for ev in dated if ev.end).date() + dt.timedelta(days=366)
        cal.add_component(Timezone.from_tzid(TZID, first_date=first, last_date=last))
    for ev in dated:
        for vevent in _vevents(ev, site, stamp):
            cal.add_component(vevent)
    return cal.to_ical()
