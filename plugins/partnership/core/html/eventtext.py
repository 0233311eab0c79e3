"""The phrases every event is shown with, made once per event and reused by every page.

An event appears on its own page, in the catalogue, on facet, stage and
framework pages and in feeds; its date line, format and status are written
here once (escaped) instead of by a template macro each time.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..models.events import FORMAT_NAMES, STATUS_NAMES, EventStatus
from ..present import format as fmt
from ..present.markdown import render_text
from ..views.catalogue import SERVICE_NAMES
from ..views.events import BookingState, EventView


class EventText:
    """Cached HTML phrases about events, for one build."""

    def __init__(self, contact_email: str) -> None:
        self._cache: dict[tuple[str, str], Markup] = {}
        self.contact_email = contact_email

    def _get(self, kind: str, ev: EventView) -> Markup:
        key = (kind, ev.id)
        found = self._cache.get(key)
        if found is None:
            found = getattr(self, f"_{kind}")(ev)
            self._cache[key] = found
        return found

    def when(self, ev: EventView) -> Markup:
        """``<time …>Wednesday 4 March 2026, 9:30am to 4:30pm</time>``, or a span of sessions."""
        return self._get("when", ev)

    def where(self, ev: EventView) -> Markup:
        """``In person: Downsford County Hall``"""
        return self._get("where", ev)

    def services(self, ev: EventView) -> Markup:
        return self._get("services", ev)

    def status(self, ev: EventView) -> Markup:
        """The status as a word in a badge; nothing for a scheduled event."""
        return self._get("status", ev)

    def stage_names(self, ev: EventView) -> Markup:
        return self._get("stage_names", ev)

    def description(self, ev: EventView) -> Markup:
        """The description's Markdown as safe HTML (rendered once for the page and the search index)."""
        return self._get("description", ev)

    def booking(self, ev: EventView) -> Markup:
        """Why a visitor cannot book online, as a sentence: ``Booking closed on 4 March 2026.``"""
        return self._get("booking", ev)

    def _booking(self, ev: EventView) -> Markup:
        booking, note = ev.booking, f" {ev.event.status_note}" if ev.event.status_note else ""
        sentence = {
            BookingState.OPEN: "",
            BookingState.BY_EMAIL: f"To book a place, e-mail {self.contact_email}.",
            BookingState.CLOSED: f"Booking closed on {fmt.date(booking.closed_on)}." if booking.closed_on else "Booking has closed.",
            BookingState.FULL: f"This event is full.{note}",
            BookingState.POSTPONED: f"This event has been postponed.{note}",
            BookingState.CANCELLED: f"This event has been cancelled.{note}",
            BookingState.TAKEN_PLACE: "This event has taken place.",
        }[booking.reason]
        return escape(sentence)

    @staticmethod
    def _description(ev: EventView) -> Markup:
        return render_text(ev.event.description)

    @staticmethod
    def _when(ev: EventView) -> Markup:
        if ev.on_demand or ev.start is None:
            return Markup("Available any time")
        if len(ev.sessions) == 1:
            text = fmt.session(ev.sessions[0].start, ev.sessions[0].end)
            return Markup('<time datetime="{}">{}</time>').format(ev.start.isoformat(), text)
        text = fmt.span([s.start for s in ev.sessions])
        return Markup('{} sessions, <time datetime="{}">{}</time>').format(len(ev.sessions), ev.start.isoformat(), text)

    @staticmethod
    def _where(ev: EventView) -> Markup:
        name = FORMAT_NAMES[ev.event.format]
        return escape(f"{name}: {ev.event.venue}" if ev.event.venue else name)

    @staticmethod
    def _services(ev: EventView) -> Markup:
        return escape(", ".join(SERVICE_NAMES.get(s, s) for s in ev.event.services))

    @staticmethod
    def _status(ev: EventView) -> Markup:
        status = ev.event.status
        if status == EventStatus.SCHEDULED:
            return Markup("")
        return Markup('<strong class="cpd-status cpd-status--{}">{}</strong>').format(status, STATUS_NAMES[status])

    @staticmethod
    def _stage_names(ev: EventView) -> Markup:
        return escape(", ".join(s.name for s in ev.stages))
