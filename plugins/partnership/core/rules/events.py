"""Rules for ``data/events/``: what an event names exists (its provider, audience and framework items), what it says
fits together (a venue for an in-person event, sessions in order, booking closing before it ends), and what it maps
to applies on the day it starts. Warnings: sessions months apart (a mistyped year), a framework for the other service.
"""

from __future__ import annotations

import datetime as dt
import itertools

from ..clock import clock_change, elapsed_hours
from ..models.common import DataModel, Service, slugify
from ..models.dataset import origin
from ..models.events import RESERVED_IDS, Event, EventFormat
from ..models.frameworks import Framework, Item
from ..models.pathways import Stage
from ..problems import not_one_of, quote
from .base import Rules, in_order, span

_POSSESSIVE: dict[Service, str] = {Service.CHILDREN: "children's", Service.ADULTS: "adults'"}

SESSION_GAP_DAYS = 180
"""A session further than this from every other session of its event is probably a mistyped year (a warning)."""
MAX_SESSION_HOURS = 24
"""The longest one session may run: longer is an event over several days written as one session (Friday 09:00 to Sunday
17:00 would count 56 CPD hours); a night session (22:00 to 06:00) is well within it."""


class EventRules(Rules):
    """The CPD events."""

    def check(self) -> None:
        self.events()
        self.events_over_time()

    def events(self) -> None:
        self.duplicates(self.d.events, lambda e: e.id, "id", "another event")
        stage_ids = [s.id for s in self.d.pathways]
        partner_ids = [p.id for p in self.d.partners]
        reserved = RESERVED_IDS | set(self.d.frameworks)
        for event in self.d.events:
            if event.valid("id") and event.id in reserved:
                self.add(
                    event,
                    ("id",) if origin(event).has("id") else (),
                    f"the id {quote(event.id)} is kept for the catalogue's own pages; "
                    f"rename the file (or set 'id:') to something more specific, like {event.id}-workshop",
                )
            self.event(event, stage_ids, partner_ids)

    def event(self, event: Event, stage_ids: list[str], partner_ids: list[str]) -> None:
        if not event.valid("provider", "provider_name"):
            pass
        elif event.provider and event.provider_name:
            self.add(
                event,
                ("provider_name",),
                "provider_name: write either provider (a partner id) or provider_name (free text), not both",
                key=True,
            )
        elif not event.provider and not event.provider_name:
            self.add(
                event,
                (),
                "provider is missing; add 'provider:' with a partner id, or 'provider_name:' for an organisation outside the partnership",
            )
        elif event.provider and event.provider not in partner_ids and not self.unread("partner", event.provider):
            self.add(
                event,
                ("provider",),
                "provider: "
                + not_one_of("a partner id", event.provider, partner_ids)
                + "; for an organisation outside the partnership write provider_name instead",
            )
        elif event.provider_name and slugify(event.provider_name) in partner_ids:
            partner = slugify(event.provider_name)
            self.add(
                event,
                ("provider_name",),
                f"provider_name: {quote(event.provider_name)} has the same address as the partner {quote(partner)} "
                f"(/events/provider/{partner}/), so the event would be missing from that partner's lists; "
                f"write provider: {partner} if it is that partner, or a name that differs",
                key=True,
            )
        for index, stage_id in enumerate(event.audience):
            if stage_id not in stage_ids and not self.unread("stage", stage_id):
                self.add(event, ("audience", index), "audience: " + not_one_of("a career stage", stage_id, stage_ids))
        if event.valid("services", "frameworks"):
            self.services_typos(event)
        if event.valid("format", "venue") and event.format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not event.venue:
            self.add(event, ("format",), f"venue is missing; an event that is {event.format} needs 'venue:' to say where it happens")
        if not event.valid("format", "sessions"):
            return self.refs(event, event.frameworks)
        if event.format != EventFormat.SELF_PACED and not event.sessions:
            self.add(
                event,
                ("sessions",) if origin(event).has("sessions") else (),
                "sessions: an event needs at least one session with a start and end, "
                "like '- {start: 2026-03-04T09:30, end: 2026-03-04T16:30}' (only self-paced events may have none)",
            )
        order = sorted(range(len(event.sessions)), key=lambda i: event.sessions[i].start)
        for index, session in enumerate(event.sessions):
            for name in ("start", "end"):
                trouble = clock_change(getattr(session, name))
                if trouble:
                    self.add(event, ("sessions", index, name), f"sessions[{index + 1}].{name}: {trouble}")
            if session.end <= session.start:
                self.add(
                    event,
                    ("sessions", index, "end"),
                    f"sessions[{index + 1}].end: {session.end:%Y-%m-%dT%H:%M} is not after its start "
                    f"({session.start:%Y-%m-%dT%H:%M}); a session must end after it starts",
                )
            elif (hours := elapsed_hours(session.start, session.end)) > MAX_SESSION_HOURS:
                self.add(
                    event,
                    ("sessions", index, "end"),
                    f"sessions[{index + 1}] runs from {session.start:%A %-d %B %H:%M} to {session.end:%A %-d %B %H:%M}, "
                    f"{hours:g} hours without a break, which would all count as CPD hours; an event over several days "
                    "has a session for each day, like '- {start: 2026-03-06T09:00, end: 2026-03-06T17:00}'",
                )
        for before, after in itertools.pairwise(order):
            first, second = event.sessions[before], event.sessions[after]
            if first.end > first.start and second.start < first.end:
                self.add(
                    event,
                    ("sessions", after, "start"),
                    f"sessions[{after + 1}] starts at {second.start:%Y-%m-%dT%H:%M}, before session {before + 1} ends "
                    f"({first.end:%Y-%m-%dT%H:%M}); sessions must not overlap",
                )
        self.session_typos(event)
        if event.booking_closes and event.sessions and event.valid("booking_closes"):
            last = max(s.end for s in event.sessions).date()
            if event.booking_closes > last:
                self.add(
                    event,
                    ("booking_closes",),
                    f"booking_closes: {event.booking_closes} is after the event ends ({last}); booking must close by then",
                )
        self.refs(event, event.frameworks)

    def session_typos(self, event: Event) -> None:
        """Warnings: sessions listed out of date order, and a session months away from the event's others (a mistyped year)."""
        sessions = event.sessions
        for index in range(1, len(sessions)):
            if sessions[index].start < sessions[index - 1].start:
                self.warn(
                    event,
                    ("sessions", index, "start"),
                    f"sessions[{index + 1}].start: {sessions[index].start:%Y-%m-%dT%H:%M} comes before session {index} "
                    f"({sessions[index - 1].start:%Y-%m-%dT%H:%M}); list the sessions in date order (is a date mistyped?)",
                )
                break
        if len(sessions) < 2:
            return
        gaps = {
            index: min(abs((session.start - other.start).days) for n, other in enumerate(sessions) if n != index)
            for index, session in enumerate(sessions)
        }
        far = [index for index, gap in gaps.items() if gap > SESSION_GAP_DAYS]
        if far and len(far) == len(sessions):
            # Every session is far from every other (two sessions years apart): the one further from when
            # the event was added, else the later one, is the likelier slip.
            added = event.added or min(s.start for s in sessions).date()
            far = [max(far, key=lambda i: (abs((sessions[i].start.date() - added).days), i))]
        for index in far:
            session = sessions[index]
            others = [s.start for n, s in enumerate(sessions) if n != index]
            first, last = min(others), max(others)
            span = f"{first:%Y-%m-%d}" if first.date() == last.date() else f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"
            suggestion = ""
            for year in sorted({first.year, last.year}):
                try:
                    moved = session.start.replace(year=year)
                except ValueError:  # 29 February
                    continue
                if min(abs((moved - other).days) for other in others) <= SESSION_GAP_DAYS:
                    suggestion = f" (did you mean {moved:%Y-%m-%d}?)"
                    break
            self.warn(
                event,
                ("sessions", index, "start"),
                f"sessions[{index + 1}].start: {session.start:%Y-%m-%d} is {gaps[index]} days from the event's other sessions "
                f"({span}); is the year right?{suggestion}",
            )

    def services_typos(self, event: Event) -> None:
        """Warnings: an event for one service mapped to a framework only for the other (KSS for children on an adults' event)."""
        services = set(event.services)
        for index, ref in enumerate(event.frameworks):
            found = self.d.refs.resolve(ref)
            framework = found.framework if found else None
            if framework is None or not framework.services or services & set(framework.services):
                continue
            theirs = " and ".join(_POSSESSIVE.get(s, s) for s in framework.services)
            ours = " and ".join(_POSSESSIVE.get(s, s) for s in event.services)
            self.warn(
                event,
                ("frameworks", index),
                f"frameworks: {quote(ref)} is in {framework.short_name or framework.name}, which is for {theirs} services, "
                f"but this event is for {ours} services only; check the services, or the framework",
            )

    def refs(self, model: DataModel, refs: list[str]) -> None:
        for index, ref in enumerate(refs):
            if self.d.refs.resolve(ref) is None and not self.framework_unread(ref):
                self.add(model, ("frameworks", index), "frameworks: " + self.d.refs.explain(ref))

    def events_over_time(self) -> None:
        """An event may map only to frameworks, and be for stages, that apply on the day it starts."""
        for event in self.d.events:
            if not event.sessions or not event.valid("sessions"):
                continue
            day = min(s.start for s in event.sessions).date()
            if event.valid("frameworks"):
                for index, ref in enumerate(event.frameworks):
                    found = self.d.refs.resolve(ref)
                    if found is not None:
                        self.event_framework_day(event, index, ref, found.framework, found.item, day)
            if event.valid("audience", "services"):
                for index, stage_id in enumerate(event.audience):
                    stage = self.d.stage_by_id.get(stage_id)
                    if stage is not None:
                        self.event_stage_day(event, index, stage, day)

    def event_framework_day(self, event: Event, index: int, ref: str, framework: Framework, item: Item, day: dt.date) -> None:
        refs = self.d.refs
        if not in_order(framework.in_force) or not framework.valid("in_force"):
            return  # the framework's own dates are wrong, and reported there
        if framework.ends and day > framework.ends:
            successor = self.d.frameworks.get(framework.replaced_by or "")
            if successor is None:
                instead = "remove it, or map the event to a framework that applies then"
            else:
                mapped = [found.key for found in refs.successor_items(framework, item)]
                target = " and ".join(mapped) if mapped else f"an item of {successor.id}, like {successor.id}:{successor.items[0].id}"
                instead = f"{successor.id} (the {successor.name}) replaces it: map the event to {target} instead"
            self.add(
                event,
                ("frameworks", index),
                f"frameworks: {quote(ref)}: this event starts on {day}, but {framework.id} (the {framework.name}) "
                f"applies only until {framework.ends}; {instead}",
            )
        elif framework.starts and day < framework.starts:
            earlier = [f.id for f in self.d.frameworks.values() if f.replaced_by == framework.id]
            instead = (
                f"until then use {' or '.join(earlier)}" if earlier else "remove it, or map the event to a framework that applies then"
            )
            self.add(
                event,
                ("frameworks", index),
                f"frameworks: {quote(ref)}: this event starts on {day}, but {framework.id} (the {framework.name}) "
                f"applies only from {framework.starts}; {instead}",
            )

    def event_stage_day(self, event: Event, index: int, stage: Stage, day: dt.date) -> None:
        if not in_order(stage.in_force) or not stage.valid("in_force", "replaced_by"):
            return  # the stage's own dates are wrong, and reported there
        if not stage.applies_on(day):
            period = stage.in_force
            assert period is not None
            earlier = [s.id for s in self.d.pathways if s.replaced_by and s.replaced_by.stage == stage.id]
            instead = f"; until then write {' or '.join(earlier)}" if earlier and period.start and day < period.start else ""
            self.add(
                event,
                ("audience", index),
                f"audience: {quote(stage.id)}: this event starts on {day}, but the stage '{stage.name}' exists only "
                f"{span(period.start, period.until)}{instead}",
            )
            return
        change = stage.replaced_by
        if change and day >= change.start and change.covers(list(event.services)):
            successor = self.d.stage_by_id.get(change.stage)
            name = f" ({successor.name})" if successor else ""
            services = " and ".join(_POSSESSIVE[s] for s in change.services) if change.services else "all"
            self.add(
                event,
                ("audience", index),
                f"audience: {quote(stage.id)}: from {change.start} {change.stage}{name} takes over from this stage in "
                f"{services} services, and this event ({day}) is for those services only; write {change.stage} instead",
            )
