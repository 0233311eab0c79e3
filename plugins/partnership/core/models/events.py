"""``data/events/**/<anything>.yml``: one CPD event a file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from pydantic import Field

from .common import Closed, DataModel, FrameworkRef, Service, Slug, Url
from .year import Year


class EventType(Closed):
    """What kind of CPD an event is."""

    WORKSHOP = "workshop"
    COURSE = "course"
    CONFERENCE = "conference"
    TWILIGHT = "twilight"
    WEBINAR = "webinar"
    ACTION_LEARNING_SET = "action-learning-set"
    ELEARNING = "elearning"
    PROGRAMME = "programme"
    RESEARCH_HUB = "research-hub"
    NETWORK = "network"


class EventFormat(Closed):
    """How people take part."""

    IN_PERSON = "in-person"
    ONLINE = "online"
    HYBRID = "hybrid"
    SELF_PACED = "self-paced"


class EventStatus(Closed):
    """Whether an event goes ahead as planned."""

    SCHEDULED = "scheduled"
    FULL = "full"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"


TYPE_NAMES: dict[EventType, str] = {
    EventType.WORKSHOP: "Workshop",
    EventType.COURSE: "Course",
    EventType.CONFERENCE: "Conference",
    EventType.TWILIGHT: "Twilight session",
    EventType.WEBINAR: "Webinar",
    EventType.ACTION_LEARNING_SET: "Action learning set",
    EventType.ELEARNING: "E-learning",
    EventType.PROGRAMME: "Programme",
    EventType.RESEARCH_HUB: "Research hub",
    EventType.NETWORK: "Network",
}
FORMAT_NAMES: dict[EventFormat, str] = {
    EventFormat.IN_PERSON: "In person",
    EventFormat.ONLINE: "Online",
    EventFormat.HYBRID: "Hybrid",
    EventFormat.SELF_PACED: "Self-paced",
}
#: Words that cannot be event ids, because the catalogue's own pages live at
#: events/<word>/ (framework ids are refused too: events/pcf/… is a facet).
RESERVED_IDS = frozenset({"stage", "service", "format", "type", "month", "provider", "archive", "all"})

STATUS_NAMES: dict[EventStatus, str] = {
    EventStatus.SCHEDULED: "Open",
    EventStatus.FULL: "Full",
    EventStatus.CANCELLED: "Cancelled",
    EventStatus.POSTPONED: "Postponed",
}


class Session(DataModel):
    """One sitting of an event, in UK local time."""

    start: dt.datetime
    """Local UK time, e.g. 2026-03-04T09:30."""
    end: dt.datetime
    """Local UK time, after the start."""
    title: str | None = None
    """Optional name of this session, e.g. Day 2: Analysis."""


class Event(DataModel):
    """A CPD event: a workshop, course, conference, webinar …"""

    id: Slug
    """Optional; defaults to the file name without .yml."""
    title: str
    summary: str | None = None
    """One line shown in listings."""
    description: str | None = None
    """Markdown: paragraphs, lists, links, **bold**. HTML is shown as text."""
    type: EventType
    provider: Slug | None = None
    """The partner id of the organisation running it."""
    provider_name: str | None = None
    """Free text, for a provider from outside the partnership (instead of provider)."""
    audience: list[Slug] = Field(min_length=1)
    """Career stage ids from pathways.yml."""
    services: list[Service] = Field(min_length=1)
    format: EventFormat
    venue: str | None = None
    """Required when the event is in-person or hybrid."""
    sessions: list[Session] = []
    """One or more; not needed for self-paced events."""
    cpd_hours: float | None = Field(default=None, ge=0.25, le=500)
    """Optional; defaults to the sum of the sessions. From a quarter of an hour (shown as 0.25 hours) to 500."""
    capacity: int | None = Field(default=None, gt=0, le=100_000)
    """Optional: places, at most 100,000 (more is a typo, like 1e30)."""
    booking: Url | None = None
    """Where to book: a web address."""
    booking_closes: dt.date | None = None
    """Optional last day to book."""
    cost: str | None = None
    status: EventStatus = EventStatus.SCHEDULED
    status_note: str | None = None
    """Optional reason shown with a cancelled, postponed or full status."""
    accreditation: str | None = None
    frameworks: list[FrameworkRef] = []
    """Items the event maps to, e.g. pcf:knowledge or kss-adults:1."""
    tags: list[str] = []
    added: dt.date | None = None
    """When the event was first published; orders the feed of new events."""

    def sort_key(self) -> tuple[dt.datetime, str, str]:
        """Soonest first; self-paced events, which have no dates, after dated ones."""
        starts = [s.start for s in self.sessions]
        first = min(starts) if starts else dt.datetime.max
        return (first, self.title.lower(), self.id)

    def in_year(self, year: Year | None) -> bool:
        """True when the event's first session falls in the year (April to March), or no year is given."""
        if year is None:
            return True
        return bool(self.sessions) and year.covers(min(s.start for s in self.sessions).date())


def comparable(text: str) -> str:
    """A title or id as it is compared loosely: lower case, one space between words, no punctuation."""
    return " ".join(re.sub(r"[^\w]+", " ", text.replace("’", "'").lower()).split())


def catalogue_names(events: Iterable[Event], year: Year | None = None) -> dict[str, str]:
    """Every catalogue event's title and id, compared loosely → its id (for a title used twice, the event in ``year``, else the first).

    The attendance rules and the attendance import both match names typed by people to the catalogue with it.
    """
    names: dict[str, str] = {}
    events = list(events)
    for event in [e for e in events if e.in_year(year)] + events:
        names.setdefault(comparable(event.title), event.id)
        names.setdefault(comparable(event.id), event.id)
    return names
