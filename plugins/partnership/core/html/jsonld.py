"""schema.org JSON-LD for event pages, so that search engines can list the events.

Built in Python rather than in the template: it is plain data, and written
once for each of thousands of event pages.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..models.events import EventFormat, EventStatus
from ..models.site import Site
from ..present import urls
from ..present.markdown import plain
from ..views.events import EventView

_STATUS: dict[EventStatus, str] = {
    EventStatus.SCHEDULED: "Scheduled",
    EventStatus.FULL: "Scheduled",
    EventStatus.CANCELLED: "Cancelled",
    EventStatus.POSTPONED: "Postponed",
}
_MODE: dict[EventFormat, str] = {
    EventFormat.IN_PERSON: "OfflineEventAttendanceMode",
    EventFormat.ONLINE: "OnlineEventAttendanceMode",
    EventFormat.HYBRID: "MixedEventAttendanceMode",
    EventFormat.SELF_PACED: "OnlineEventAttendanceMode",
}


def _without_none(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_none(v) for k, v in data.items() if v is not None and v != ""}
    if isinstance(data, list):
        return [_without_none(v) for v in data]
    return data


def json_ld(data: Any) -> Markup:
    """A JSON-LD script element, safe to put in HTML whatever the data holds."""
    text = json.dumps(_without_none(data), ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def event_json_ld(ev: EventView, site: Site) -> Markup:
    """The schema.org ``Event`` of an event page."""
    e = ev.event
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": ev.title,
            "description": e.summary or plain(e.description) or ev.title,
            "startDate": ev.start.isoformat() if ev.start else None,
            "endDate": ev.end.isoformat() if ev.end else None,
            "eventStatus": "https://schema.org/Event" + _STATUS[e.status],
            "eventAttendanceMode": "https://schema.org/" + _MODE[e.format],
            "location": {"@type": "Place", "name": e.venue, "address": e.venue}
            if e.venue
            else {"@type": "VirtualLocation", "url": e.booking or site.url or ""},
            "organizer": {"@type": "Organization", "name": ev.provider_label},
            "audience": {"@type": "Audience", "audienceType": ", ".join(s.name for s in ev.stages)},
            "isAccessibleForFree": (e.cost or "").lower().startswith("free"),
            "url": urls.absolute(site.url, urls.event(ev.id)) if site.url else None,
        }
    )
