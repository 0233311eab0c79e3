""" "Add to Google Calendar" and "Add to Outlook" links: plain web addresses, no script from either.

Each link opens the calendar's own page for a new event with the session's
title, times (in UTC, so that the calendar shows them in the reader's own
time zone), place and a few lines of description filled in; the reader
saves it there. Nothing is sent anywhere until they follow the link. Apple
Calendar (and Outlook on a desktop) take the event's ``event.ics`` file
instead, which holds every session.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from ..models.site import Site
from ..present import urls
from ..present.markdown import plain
from ..views.events import EventView, SessionView

_DETAILS = 600
"""Characters of description a link carries (the event's page has the rest)."""


def _details(ev: EventView, site: Site) -> str:
    text = ev.event.summary or plain(ev.event.description)
    if len(text) > _DETAILS:
        text = text[: _DETAILS - 1].rsplit(" ", 1)[0] + "…"
    page = urls.absolute(site.url, urls.event(ev.id)) if site.url else ""
    return "\n\n".join(part for part in (text, f"Provider: {ev.provider_label}", page) if part)


def _title(ev: EventView, session: SessionView) -> str:
    total = len(ev.sessions)
    title = ev.title if total == 1 else f"{ev.title} (session {session.number} of {total})"
    return f"{title}: {session.title}" if session.title else title


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


def google(ev: EventView, session: SessionView, site: Site) -> str:
    """Google Calendar's "new event" page for one session."""
    dates = f"{_utc(session.start):%Y%m%dT%H%M%SZ}/{_utc(session.end):%Y%m%dT%H%M%SZ}"
    query = {
        "action": "TEMPLATE",
        "text": _title(ev, session),
        "dates": dates,
        "details": _details(ev, site),
        "location": ev.event.venue or "Online",
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook(ev: EventView, session: SessionView, site: Site) -> str:
    """Outlook on the web's "new event" page (work and school accounts) for one session."""
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": _title(ev, session),
        "startdt": f"{_utc(session.start):%Y-%m-%dT%H:%M:%SZ}",
        "enddt": f"{_utc(session.end):%Y-%m-%dT%H:%M:%SZ}",
        "body": _details(ev, site),
        "location": ev.event.venue or "Online",
    }
    return "https://outlook.office.com/calendar/0/deeplink/compose?" + urlencode(query)
