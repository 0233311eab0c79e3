"""Events as the site shows them: UK times, resolved references, booking state.

:func:`event_views` turns the dataset's events into :class:`EventView`
objects once per build; every page, calendar and feed reads those.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from urllib.parse import quote

from ..clock import elapsed_hours, local
from ..models.common import slugify
from ..models.dataset import Dataset
from ..models.events import Event, EventStatus
from ..models.partners import Partner
from ..models.pathways import Stage
from ..models.refs import ResolvedItem
from .mycpd import EVENT_CPD_TYPES


class BookingState(StrEnum):
    """Whether a visitor can book an event, and if not, why."""

    OPEN = "open"
    BY_EMAIL = "by-email"
    CLOSED = "closed"
    FULL = "full"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    TAKEN_PLACE = "taken-place"


PEER_REFLECTION_TAG = "peer-reflection"
"""The tag of events that include reflection with peers (Social Work England asks for one such piece a year)."""


@dataclass(frozen=True)
class SessionView:
    number: int
    """1-based, in time order."""
    start: dt.datetime
    end: dt.datetime
    title: str | None

    @property
    def hours(self) -> float:
        """Real elapsed hours: a session across a clock change is an hour shorter or longer than its clock times say."""
        return elapsed_hours(self.start, self.end)


@dataclass(frozen=True)
class Booking:
    """Whether a visitor can book, and if not, why (pages say it in words: ``html/eventtext.py``)."""

    open: bool
    url: str | None
    """The booking page, or a mailto: address when booking is by e-mail; None when there is no way to book."""
    reason: BookingState
    closed_on: dt.date | None = None
    """The day booking closed, for ``closed``."""


@dataclass(frozen=True)
class EventView:
    event: Event
    sessions: tuple[SessionView, ...]
    provider: Partner | None
    provider_label: str
    provider_slug: str
    stages: tuple[Stage, ...]
    items: tuple[ResolvedItem, ...]
    hours: float | None
    upcoming: bool
    booking: Booking

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def title(self) -> str:
        return self.event.title

    @property
    def start(self) -> dt.datetime | None:
        return self.sessions[0].start if self.sessions else None

    @property
    def end(self) -> dt.datetime | None:
        return max(s.end for s in self.sessions) if self.sessions else None

    @property
    def months(self) -> tuple[str, ...]:
        """``2026-03`` for every month the event has a session in."""
        return tuple(sorted({s.start.strftime("%Y-%m") for s in self.sessions}))

    @property
    def year(self) -> int | None:
        return self.start.year if self.start else None

    @property
    def goes_ahead(self) -> bool:
        """Not cancelled or postponed: only then is it offered for a calendar or a CPD record."""
        return self.event.status not in (EventStatus.CANCELLED, EventStatus.POSTPONED)

    @property
    def cpd_type(self) -> str:
        """The type of CPD it is in a Social Work England record (My CPD record offers it first)."""
        return EVENT_CPD_TYPES[self.event.type]

    @property
    def on_demand(self) -> bool:
        return not self.sessions

    @property
    def peer_reflection(self) -> bool:
        """Tagged ``peer-reflection``: My CPD marks it as CPD with peer reflection when it is added."""
        return PEER_REFLECTION_TAG in self.event.tags

    @cached_property
    def keys(self) -> frozenset[str]:
        """The canonical references of the framework items it maps to: ``pcf:values-ethics``."""
        return frozenset(item.key for item in self.items)

    @cached_property
    def related_keys(self) -> frozenset[str]:
        """Stage ids and item references: what related events share."""
        return self.keys | {s.id for s in self.stages}


def _booking(event: Event, end: dt.datetime | None, now: dt.datetime, contact: str) -> Booking:
    if event.status == EventStatus.CANCELLED:
        return Booking(False, None, BookingState.CANCELLED)
    if end is not None and end < now:
        return Booking(False, None, BookingState.TAKEN_PLACE)
    if event.status in (EventStatus.POSTPONED, EventStatus.FULL):
        return Booking(False, None, BookingState(event.status))
    if event.booking_closes and event.booking_closes < now.date():
        return Booking(False, None, BookingState.CLOSED, event.booking_closes)
    if event.booking:
        return Booking(True, event.booking, BookingState.OPEN)
    subject = quote(f"Booking: {event.title}")
    return Booking(False, f"mailto:{contact}?subject={subject}", BookingState.BY_EMAIL)


def event_view(event: Event, dataset: Dataset, now: dt.datetime) -> EventView:
    ordered = sorted(event.sessions, key=lambda s: s.start)
    sessions = tuple(SessionView(i + 1, local(s.start), local(s.end), s.title) for i, s in enumerate(ordered))
    partner = dataset.partner_by_id.get(event.provider or "")
    label = partner.name if partner else (event.provider_name or "")
    slug = partner.id if partner else slugify(label)
    hours = event.cpd_hours if event.cpd_hours is not None else (round(sum(s.hours for s in sessions), 2) or None)
    end = max((s.end for s in sessions), default=None)
    upcoming = end >= now if end is not None else True
    items: list[ResolvedItem] = []
    for ref in event.frameworks:
        found = dataset.refs.resolve(ref)
        if found and found not in items:
            items.append(found)
    return EventView(
        event=event,
        sessions=sessions,
        provider=partner,
        provider_label=label,
        provider_slug=slug,
        stages=tuple(dataset.stage_by_id[s] for s in event.audience if s in dataset.stage_by_id),
        items=tuple(items),
        hours=hours,
        upcoming=upcoming,
        booking=_booking(event, end, now, dataset.site.contact_email),
    )


def event_views(dataset: Dataset, now: dt.datetime) -> list[EventView]:
    """Every event, soonest first, as of ``now``."""
    return [event_view(e, dataset, now) for e in dataset.events]
