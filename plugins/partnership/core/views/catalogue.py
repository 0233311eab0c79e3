"""The CPD catalogue: upcoming and past events, facets, related events, coverage.

A facet is one way to narrow the catalogue (career stage, service, format,
type, a framework's items, month, provider); each of its values has the
upcoming events that match, which the static facet pages list and the
catalogue's filters count.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from ..models.common import SERVICES, Service
from ..models.dataset import Dataset
from ..models.events import FORMAT_NAMES, TYPE_NAMES, EventStatus
from ..models.frameworks import Framework
from ..models.year import Year
from .events import EventView, event_views

SERVICE_NAMES: dict[Service, str] = {Service.CHILDREN: "Children and families", Service.ADULTS: "Adults"}

#: Facet kinds whose pages are made even when nothing upcoming matches, so
#: that links from stage and framework pages always land somewhere.
ALWAYS_LISTED = {"stage", "service"}

#: How many of the soonest events sharing a stage or item are weighed as related (see related()).
RELATED_WINDOW = 300


@dataclass(frozen=True)
class FacetValue:
    kind: str
    value: str
    label: str
    events: list[EventView] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.events)


@dataclass(frozen=True)
class Facet:
    kind: str
    """The URL segment and query parameter: stage, service, pcf, month …"""
    label: str
    """What the filter is called: Career stage, PCF domain …"""
    values: list[FacetValue]
    framework: Framework | None = None
    """The framework a framework's facet filters by (its dates say what applies when)."""

    def value(self, value: str) -> FacetValue | None:
        return next((v for v in self.values if v.value == value), None)


@dataclass(frozen=True)
class Combination:
    """Two filters at once, as a static page for browsers without JavaScript: a career stage in one service."""

    stage: FacetValue
    service: FacetValue
    events: list[EventView]

    @property
    def count(self) -> int:
        return len(self.events)

    @property
    def label(self) -> str:
        """``Experienced social worker: Children and families``."""
        return f"{self.stage.label}: {self.service.label}"


def _month_label(month: str) -> str:
    return dt.date(int(month[:4]), int(month[5:]), 1).strftime("%B %Y")


@dataclass(frozen=True)
class Catalogue:
    """Every event of one build, and the ways to find them; made once (:meth:`build`), never changed."""

    dataset: Dataset
    now: dt.datetime
    events: list[EventView]
    by_id: dict[str, EventView] = field(init=False)
    upcoming: list[EventView] = field(init=False)
    past: list[EventView] = field(init=False)
    """Newest first."""
    facets: list[Facet] = field(init=False)
    _by_item: dict[str, tuple[list[EventView], list[EventView]]] = field(init=False, repr=False)
    """Framework item key (``pcf:3``) → its upcoming and past events."""

    def __post_init__(self) -> None:
        fix = functools.partial(object.__setattr__, self)  # the one place a catalogue's fields are set
        fix("by_id", {e.id: e for e in self.events})
        fix("upcoming", [e for e in self.events if e.upcoming])
        fix("past", sorted((e for e in self.events if not e.upcoming), key=lambda e: e.start or self.now, reverse=True))
        fix("facets", self._facets())
        by_item: dict[str, tuple[list[EventView], list[EventView]]] = {}
        for index, events in enumerate((self.upcoming, self.past)):
            for event in events:
                for key in event.keys:
                    by_item.setdefault(key, ([], []))[index].append(event)
        fix("_by_item", by_item)

    @classmethod
    def build(cls, dataset: Dataset, now: dt.datetime) -> Catalogue:
        return cls(dataset, now, event_views(dataset, now))

    def past_by_year(self) -> dict[int, list[EventView]]:
        """Past events by the calendar year they started in, newest first."""
        years: dict[int, list[EventView]] = defaultdict(list)
        for event in self.past:
            years[event.year or self.now.year].append(event)
        return dict(sorted(years.items(), reverse=True))

    def facet(self, kind: str) -> Facet | None:
        return next((f for f in self.facets if f.kind == kind), None)

    def _facets(self) -> list[Facet]:
        d = self.dataset
        stage = Facet("stage", "Career stage", [FacetValue("stage", s.id, s.name) for s in d.pathways])
        service = Facet("service", "Service", [FacetValue("service", s, SERVICE_NAMES[s]) for s in SERVICES])
        fmt = Facet("format", "Format", [FacetValue("format", k, v) for k, v in FORMAT_NAMES.items()])
        kind = Facet("type", "Type of event", [FacetValue("type", k, v) for k, v in TYPE_NAMES.items()])
        frameworks = [
            Facet(
                fw.id,
                f"{fw.short_name or fw.name} {fw.item_name}",
                [FacetValue(fw.id, item.id, f"{item.number} {item.title}" if item.number is not None else item.title) for item in fw.items],
                framework=fw,
            )
            for fw in self.frameworks_offered()
        ]
        months = sorted({m for e in self.upcoming for m in e.months})
        month = Facet("month", "Month", [FacetValue("month", m, _month_label(m)) for m in months])
        providers: dict[str, str] = {p.id: p.name for p in d.partners}
        for event in self.upcoming:
            providers.setdefault(event.provider_slug, event.provider_label)
        provider = Facet("provider", "Provider", [FacetValue("provider", k, v) for k, v in providers.items()])
        facets = [stage, service, fmt, kind, *frameworks, month, provider]
        index = {(f.kind, v.value): v for f in facets for v in f.values}
        for event in self.upcoming:
            keys = [("stage", s.id) for s in event.stages]
            keys += [("service", s) for s in event.event.services]
            keys += [("format", event.event.format), ("type", event.event.type)]
            keys += [(item.framework.id, item.item.id) for item in event.items]
            keys += [("month", m) for m in event.months]
            keys += [("provider", event.provider_slug)]
            for key in keys:
                if key in index:
                    index[key].events.append(event)
        return [
            facet
            if facet.kind in ALWAYS_LISTED or facet.kind in d.frameworks
            else dataclasses.replace(facet, values=[v for v in facet.values if v.events])
            for facet in facets
        ]

    def frameworks_offered(self) -> list[Framework]:
        """The frameworks in force on the day of at least one upcoming event (today, for one without dates).

        The catalogue's filters offer only these: once the child and family
        KSS stop applying and no listed event falls before that day, its
        filter goes, and the early career standards' filter appears with the
        first event they apply to.
        """
        days = {event.start.date() if event.start else self.now.date() for event in self.upcoming}
        return [fw for fw in self.dataset.frameworks.values() if any(fw.applies_on(day) for day in days)]

    def related(self, event: EventView, limit: int = 4) -> list[EventView]:
        """Upcoming events that share career stages or framework items, most shared first, then soonest.

        A shared framework item counts twice a shared stage: it says more
        about what the event is about. Only the soonest ``RELATED_WINDOW``
        events sharing each stage or item are weighed, so that a catalogue of
        thousands of events costs the same per event as one of hundreds.

        The candidates are counted as bits: each stage or item has a whole
        number with a bit set at the catalogue position of every event in
        its window, and the scores are added bit-sliced (``planes[i]`` holds
        bit i of every candidate's score), so the work is a few operations on
        whole numbers per stage or item rather than one per candidate.
        """
        windows = self._related_windows
        planes: list[int] = []
        candidates = 0
        for key in event.related_keys:
            window = windows.get(key, 0)
            candidates |= window
            level, carry = (1 if ":" in key else 0), window  # an item adds 2, a stage 1
            while carry:
                while level >= len(planes):
                    planes.append(0)
                planes[level], carry = planes[level] ^ carry, planes[level] & carry
                level += 1
        own = self._positions.get(event.id)
        if own is not None:
            candidates &= ~(1 << own)
        chosen: list[int] = []
        for score in range((1 << len(planes)) - 1, 0, -1):  # highest score first
            scored = candidates
            for bit, plane in enumerate(planes):
                scored &= plane if score >> bit & 1 else ~plane
            while scored and len(chosen) < limit:  # soonest (lowest position) first
                lowest = scored & -scored
                chosen.append(lowest.bit_length() - 1)
                scored ^= lowest
            if len(chosen) == limit:
                break
        return [self.upcoming[position] for position in chosen]

    @cached_property
    def _related_windows(self) -> dict[str, int]:
        """For each stage and item, the soonest ``RELATED_WINDOW`` upcoming events sharing it, as bits."""
        by_key: dict[str, list[int]] = defaultdict(list)
        for position, other in enumerate(self.upcoming):
            if other.event.status != EventStatus.CANCELLED:
                for key in other.related_keys:
                    by_key[key].append(position)
        return {key: sum(1 << p for p in positions[:RELATED_WINDOW]) for key, positions in by_key.items()}

    @cached_property
    def _positions(self) -> dict[str, int]:
        """Each upcoming event's place in the catalogue's order."""
        return {event.id: position for position, event in enumerate(self.upcoming)}

    @cached_property
    def combinations(self) -> dict[tuple[str, str], Combination]:
        """Every career stage in every service it exists in, with its upcoming events there: (stage id, service) → it.

        Without JavaScript the catalogue's filters do not combine, so the most
        wanted pair has pages of its own. A stage has a page per service it
        applies to, events or none (links from the stage's pages always land
        somewhere): at most twice the number of stages, whatever the number
        of events.
        """
        stages, services = self.facet("stage"), self.facet("service")
        assert stages is not None and services is not None
        found = {}
        for stage in stages.values:
            applies = self.dataset.stage_by_id[stage.value].services
            for service in services.values:
                if applies and service.value not in applies:
                    continue
                events = [e for e in stage.events if service.value in e.event.services]
                found[(stage.value, service.value)] = Combination(stage, service, events)
        return found

    def narrower(self, kind: str, value: str) -> list[Combination]:
        """The combinations a stage's or a service's static page links to: that stage in each service, or each stage in that service."""
        at = {"stage": 0, "service": 1}.get(kind)
        return [c for key, c in self.combinations.items() if at is not None and key[at] == value]

    def for_stage(self, stage_id: str) -> list[EventView]:
        value = self.facet("stage").value(stage_id)  # type: ignore[union-attr]
        return value.events if value else []

    def for_item(self, framework_id: str, item_id: str) -> tuple[list[EventView], list[EventView]]:
        """Upcoming events mapped to an item, and past ones (newest first)."""
        upcoming, past = self._by_item.get(f"{framework_id}:{item_id}", ([], []))
        return list(upcoming), list(past)

    def programme_year(self) -> tuple[Year, dt.date, dt.date]:
        """The financial year (April to March) that contains ``now``: the year, its first and last day."""
        year = Year.of(self.now.date())
        return year, year.first_day, year.last_day

    def coverage(self) -> list[Coverage]:
        """For every framework item, how many of this programme year's events map to it."""
        _, first, last = self.programme_year()
        in_year = [
            e for e in self.events if e.event.status != EventStatus.CANCELLED and (e.start is None or first <= e.start.date() <= last)
        ]
        rows = []
        for framework in self.dataset.frameworks.values():
            for item in framework.items:
                key = f"{framework.id}:{item.id}"
                matched = [e for e in in_year if key in e.keys]
                rows.append(Coverage(framework.id, item.id, len(matched), sum(1 for e in matched if e.upcoming)))
        return rows


@dataclass(frozen=True)
class Coverage:
    framework_id: str
    item_id: str
    events: int
    upcoming: int

    @property
    def status(self) -> str:
        """A word, never only a colour: Not covered, Under-served or Covered."""
        if self.events == 0:
            return "Not covered"
        if self.events == 1:
            return "Under-served"
        return "Covered"
