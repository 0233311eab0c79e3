"""The rules that span fields or files, run after every file has been validated.

Pydantic checks each file's shape; these rules check what one file says
about another (an event's audience must be a stage in pathways.yml) and
what one field says about another (an in-person event needs a venue). Each
rule adds located problems and never stops the others.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from .clock import clock_change
from .colours import contrast
from .dataset import Dataset, origin
from .models.attendance import SPECIAL_PARTNERS
from .models.common import DataModel, slugify, year_label, year_start
from .models.events import RESERVED_IDS, Event
from .models.frameworks import Framework, InForce, Item
from .models.metrics import MeasureValue, MetricsArea
from .models.pathways import Stage
from .models.strategy import COLUMNS
from .present.markdown import text_findings
from .problems import Problems, allowed, did_you_mean, not_one_of, quote

Display = Callable[[Path], str]
M = TypeVar("M", bound=DataModel)


def event_sort_key(event: Event) -> tuple[dt.datetime, str, str]:
    """Soonest first; self-paced events, which have no dates, after dated ones."""
    starts = [s.start for s in event.sessions]
    first = min(starts) if starts else dt.datetime.max
    return (first, event.title.lower(), event.id)


class _Rules:
    def __init__(self, dataset: Dataset, problems: Problems, display: Display):
        self.d = dataset
        self.problems = problems
        self.display = display

    def at(self, model: DataModel, *path: str | int, key: bool = False) -> tuple[str, int, int]:
        where = origin(model)
        mark = where.key_at(*path) if key else where.at(*path)
        return where.path, mark.line, mark.column

    def add(self, model: DataModel, path: tuple[str | int, ...], message: str, key: bool = False) -> None:
        file, line, column = self.at(model, *path, key=key)
        self.problems.add(file, line, column, message)

    def warn(self, model: DataModel, path: tuple[str | int, ...], message: str, key: bool = False) -> None:
        """A likely typo in valid data: listed, never stopping the build."""
        file, line, column = self.at(model, *path, key=key)
        self.problems.warn(file, line, column, message)

    def unread(self, kind: str, identifier: str) -> bool:
        """True (and the problem held back) when a reference may lead to an entry that could not be read."""
        if self.d.unread.missing(kind, identifier):
            self.problems.held_back += 1
            return True
        return False

    def framework_unread(self, ref: str) -> bool:
        """:meth:`unread` for a reference such as ``pcf:knowledge``, ``kss-cf`` or ``pcf@asye``."""
        return self.unread("framework", re.split(r"[:@]", ref, maxsplit=1)[0])

    def duplicates(self, models: Iterable[M], key: Callable[[M], str], field: str, what: str) -> None:
        first: dict[str, M] = {}
        for model in models:
            if not model.valid(field):
                continue
            value = key(model)
            if value in first:
                file, line, _ = self.at(first[value], field)
                where = f"line {line}" if file == origin(model).path else f"{file}:{line}"
                self.add(model, (field,), f"{field}: {quote(value)} is already the id of {what} ({where}); every id must be different")
            else:
                first[value] = model

    # -- partners -----------------------------------------------------------
    def partners(self) -> None:
        self.duplicates(self.d.partners, lambda p: p.id, "id", "another partner")

    # -- frameworks ---------------------------------------------------------
    def frameworks(self) -> None:
        for framework in self.d.frameworks.values():
            level_ids = [level.id for level in framework.levels]
            seen_levels: set[str] = set()
            for index, level in enumerate(framework.levels):
                if level.id in seen_levels:
                    self.add(
                        framework, ("levels", index, "id"), f"levels: {quote(level.id)} is listed twice; every level id must be different"
                    )
                seen_levels.add(level.id)
            names: dict[str, str] = {}
            numbers: dict[int, str] = {}
            for index, item in enumerate(framework.items):
                for name, path in [(item.id, ("items", index, "id"))] + [
                    (alias, ("items", index, "aliases", a)) for a, alias in enumerate(item.aliases)
                ]:
                    if name in names and names[name] != item.id:
                        self.add(
                            framework,
                            path,
                            f"{quote(name)} already means the item {quote(names[name])}; ids and aliases must all be different",
                        )
                    elif name in names and path[-1] == "id":
                        self.add(framework, path, f"items: {quote(name)} is listed twice; every item id must be different")
                    names.setdefault(name, item.id)
                if item.number is not None:
                    if item.number in numbers:
                        self.add(
                            framework,
                            ("items", index, "number"),
                            f"number: {item.number} is already the number of {quote(numbers[item.number])}",
                        )
                    numbers.setdefault(item.number, item.id)
                for level_id in item.descriptors:
                    if not level_ids:
                        self.add(
                            framework,
                            ("items", index, "descriptors", level_id),
                            f"descriptors: {quote(level_id)} names a level, but this framework has no levels; add a 'levels:' list",
                            key=True,
                        )
                    elif level_id not in level_ids:
                        self.add(
                            framework,
                            ("items", index, "descriptors", level_id),
                            "descriptors: " + not_one_of(f"a level of {framework.id}", level_id, level_ids),
                            key=True,
                        )

    def toolkit_framework(self) -> None:
        """The PCF toolkit is built from pcf.yml's levels: a PCF without levels is a mistake."""
        pcf = self.d.frameworks.get("pcf")
        if pcf is not None and pcf.valid("levels") and not pcf.levels:
            self.add(
                pcf,
                ("items",),
                key=True,
                message="the PCF has no levels; add a 'levels:' list (lowest first) so that career stages and "
                "the practice educators' toolkit can use them, like  levels: [{id: asye, name: ASYE}]",
            )

    def practice_learning(self) -> None:
        """A course's practice learning: its skills days are part of its days, so there must be fewer of them."""
        for framework in self.d.frameworks.values():
            need = framework.practice_learning
            if need is not None and framework.valid("practice_learning") and need.skills_days >= need.days:
                self.add(
                    framework,
                    ("practice_learning", "skills_days"),
                    f"practice_learning: skills_days ({need.skills_days}) must be fewer than days ({need.days}): the skills "
                    "days are counted within the days of practice learning, like  days: 200, skills_days: 30",
                )

    # -- pathways -----------------------------------------------------------
    def pathways(self) -> None:
        self.duplicates(self.d.pathways, lambda s: s.id, "id", "another stage")
        pcf = self.d.frameworks.get("pcf")
        levels = [level.id for level in pcf.levels] if pcf else []
        stage_ids = [s.id for s in self.d.pathways]
        for stage in self.d.pathways:
            if stage.pcf_level is not None:
                if pcf is None:
                    self.add(
                        stage,
                        ("pcf_level",),
                        "pcf_level: there is no data/frameworks/pcf.yml to take levels from; add it, or remove pcf_level",
                    )
                elif stage.pcf_level not in levels:
                    self.add(stage, ("pcf_level",), "pcf_level: " + not_one_of("a level of the PCF", stage.pcf_level, levels))
            for index, next_id in enumerate(stage.next):
                if next_id == stage.id:
                    self.add(stage, ("next", index), f"next: a stage cannot lead to itself ({quote(next_id)})")
                elif next_id not in stage_ids and not self.unread("stage", next_id):
                    self.add(stage, ("next", index), "next: " + not_one_of("a career stage", next_id, stage_ids))
            self.stage_targets(stage)

    def stage_targets(self, stage: Stage) -> None:
        """A stage works towards items (pcf:2), whole frameworks (kss-cf) or frameworks at a level (pcf@asye)."""
        for index, ref in enumerate(stage.frameworks):
            if self.d.refs.resolve_target(ref) is None and not self.framework_unread(ref):
                self.add(stage, ("frameworks", index), "frameworks: " + self.d.refs.explain_target(ref))

    def refs(self, model: DataModel, refs: list[str]) -> None:
        for index, ref in enumerate(refs):
            if self.d.refs.resolve(ref) is None and not self.framework_unread(ref):
                self.add(model, ("frameworks", index), "frameworks: " + self.d.refs.explain(ref))

    # -- frameworks and stages over time -----------------------------------
    def frameworks_over_time(self) -> None:
        """Each framework's in_force, replaced_by and crosswalk: dates in order, a known successor, no overlap."""
        frameworks = self.d.frameworks
        for framework in frameworks.values():
            self.period(framework, "a framework")
            successor = None
            if framework.replaced_by and framework.valid("replaced_by"):
                others = [i for i in sorted(frameworks) if i != framework.id]
                if framework.replaced_by == framework.id:
                    self.add(
                        framework,
                        ("replaced_by",),
                        f"replaced_by: a framework cannot replace itself; write the id of the one that takes over; {allowed(others)}",
                    )
                elif framework.replaced_by not in frameworks and not self.unread("framework", framework.replaced_by):
                    self.add(
                        framework,
                        ("replaced_by",),
                        "replaced_by: "
                        + not_one_of("a framework id", framework.replaced_by, others)
                        + " (add the successor's file to data/frameworks/ first)",
                    )
                else:
                    successor = frameworks[framework.replaced_by]
                    self.succession_overlap(framework, successor)
            self.crosswalk(framework, successor)

    def period(self, model: Framework | Stage, what: str) -> None:
        """``in_force.until`` may not come before ``in_force.from``."""
        period = model.in_force
        if period and model.valid("in_force") and period.start and period.until and period.until < period.start:
            self.add(
                model,
                ("in_force", "until"),
                f"in_force: until {period.until} is before from {period.start}; {what} must start before it stops applying",
            )

    def succession_overlap(self, framework: Framework, successor: Framework) -> None:
        """A framework and the one that replaces it may not both apply on the same day."""
        if not framework.valid("in_force") or not successor.valid("in_force"):
            return
        ends, starts = framework.ends, successor.starts
        where = ("in_force", "until") if ends else ("replaced_by",)
        successor_file = origin(successor).path
        if ends and starts and starts <= ends:
            self.add(
                framework,
                where,
                f"in_force: {framework.id} applies until {ends} but {successor.id}, which replaces it, applies from {starts} "
                f"({successor_file}); the two overlap, so an event between those dates would count for both. "
                f"End this one on {starts - dt.timedelta(days=1)} or start {successor.id} on {ends + dt.timedelta(days=1)}",
            )
        elif starts and not ends:
            self.add(
                framework,
                where,
                f"replaced_by: {successor.id} replaces {framework.id} from {starts}, but {framework.id} has no end date, so the two "
                f"would overlap; add in_force: {{until: {starts - dt.timedelta(days=1)}}}",
            )
        elif ends and not starts:
            self.add(
                framework,
                where,
                f"replaced_by: {successor.id} replaces {framework.id} after {ends}, but {successor.id} has no start date "
                f"({successor_file}), so the two would overlap; add in_force: {{from: {ends + dt.timedelta(days=1)}}} to it",
            )

    def crosswalk(self, framework: Framework, successor: Framework | None) -> None:
        """Each crosswalk key is an item of this framework; each target an item of its successor."""
        if not framework.crosswalk or not framework.valid("crosswalk"):
            return
        if successor is None:
            if not framework.replaced_by:
                self.add(
                    framework,
                    ("crosswalk",),
                    "crosswalk: there is no replaced_by to map these items to; add replaced_by: <the id of the framework that "
                    "takes over>, or remove the crosswalk",
                    key=True,
                )
            return
        refs = self.d.refs
        for key, targets in framework.crosswalk.items():
            if refs.resolve(f"{framework.id}:{key}") is None:
                self.add(framework, ("crosswalk", key), "crosswalk: " + refs.explain(f"{framework.id}:{key}"), key=True)
            for n, target in enumerate(targets):
                ref = target if ":" in target else f"{successor.id}:{target}"
                found = refs.resolve(ref)
                if found is None:
                    self.add(framework, ("crosswalk", key, n), "crosswalk: " + refs.explain(ref))
                elif found.framework.id != successor.id:
                    self.add(
                        framework,
                        ("crosswalk", key, n),
                        f"crosswalk: {quote(target)} is not an item of {successor.id}, which replaces {framework.id}; "
                        f"write an item of {successor.id}, like {successor.items[0].id}",
                    )

    def stages_over_time(self) -> None:
        """Each stage's in_force and replaced_by, and whether what it works towards applies while it exists."""
        stages = self.d.stage_by_id
        for stage in self.d.pathways:
            self.period(stage, "a stage")
            change = stage.replaced_by
            if change and stage.valid("replaced_by"):
                others = [s for s in stages if s != stage.id]
                successor = stages.get(change.stage)
                if change.stage == stage.id:
                    self.add(stage, ("replaced_by", "stage"), f"replaced_by.stage: a stage cannot replace itself; {allowed(others)}")
                elif successor is None and not self.unread("stage", change.stage):
                    self.add(stage, ("replaced_by", "stage"), "replaced_by.stage: " + not_one_of("a career stage", change.stage, others))
                elif (
                    successor is not None
                    and successor.in_force
                    and successor.valid("in_force")
                    and not successor.in_force.covers(change.start)
                ):
                    period = successor.in_force
                    self.add(
                        stage,
                        ("replaced_by", "from"),
                        f"replaced_by: {change.stage} takes over on {change.start}, but it exists only "
                        f"{_span(period.start, period.until)} (its in_force); make the two dates agree",
                    )
            if stage.in_force and stage.valid("in_force", "frameworks"):
                self.stage_targets_in_force(stage)

    def stage_targets_in_force(self, stage: Stage) -> None:
        """What a stage works towards must apply at some time while the stage exists."""
        period = stage.in_force
        assert period is not None
        first, last = period.start or dt.date.min, period.until or dt.date.max
        for index, ref in enumerate(stage.frameworks):
            found = self.d.refs.resolve_target(ref)
            framework = found.framework if found else None
            if framework and framework.in_force and not framework.in_force.overlaps(first, last):
                self.add(
                    stage,
                    ("frameworks", index),
                    f"frameworks: {quote(ref)}: {framework.name} applies {_span(framework.starts, framework.ends)}, never while "
                    f"this stage exists ({_span(period.start, period.until)}); remove it, or name what applies then",
                )

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
        if not _in_order(framework.in_force) or not framework.valid("in_force"):
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
        if not _in_order(stage.in_force) or not stage.valid("in_force", "replaced_by"):
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
                f"{_span(period.start, period.until)}{instead}",
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

    # -- events -------------------------------------------------------------
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
        for finding in text_findings(event.description if event.valid("description") else None):
            self.add(event, ("description",), "description: " + finding.explain())
        if event.valid("services", "frameworks"):
            self.services_typos(event)
        if event.valid("format", "venue") and event.format in ("in-person", "hybrid") and not event.venue:
            self.add(event, ("format",), f"venue is missing; an event that is {event.format} needs 'venue:' to say where it happens")
        if not event.valid("format", "sessions"):
            return self.refs(event, event.frameworks)
        if event.format != "self-paced" and not event.sessions:
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

    # -- metrics ------------------------------------------------------------
    def metrics(self) -> None:
        first: dict[str, str] = {}
        for area in self.d.metrics.values():
            for index, measure in enumerate(area.measures):
                if measure.id in first:
                    self.add(
                        area,
                        ("measures", index, "id"),
                        f"id: {quote(measure.id)} is already the id of a measure in {first[measure.id]}; "
                        "measure ids must be different across all areas, because each has its own page",
                    )
                else:
                    first[measure.id] = origin(area).path
                if measure.target and measure.unit == "percent" and not 0 <= measure.target.value <= 100:
                    self.add(
                        area,
                        ("measures", index, "target", "value"),
                        f"target: {measure.target.value:g} is not a percentage; a percent is from 0 to 100",
                    )
                counted = {table.year for table in self.d.attendance.values()} if measure.computed else set()
                for year, value in measure.values.items():
                    if year in counted:
                        continue  # counted from the year's attendance file, whose own rules say what is wrong with it
                    label = f"measures[{index + 1}].values.{year}"
                    self.value(area, ("measures", index, "values", year), label, measure.unit, value)
                self.fraction_typos(area, index)
                self.year_typos(area, index)

    def fraction_typos(self, area: MetricsArea, index: int) -> None:
        """Warnings: a percentage written as a fraction (0.11 when the other years are 11 to 22)."""
        measure = area.measures[index]
        if measure.unit != "percent":
            return
        numbers = {year: value.number for year, value in measure.values.items() if value.number is not None}
        for year, number in numbers.items():
            others = [n for y, n in numbers.items() if y != year]
            if not 0 < number < 1 or not others or min(others) < 2:
                continue
            self.warn(
                area,
                ("measures", index, "values", year),
                f"measures[{index + 1}].values.{year}: {number:g} looks like a fraction, but the other years are "
                f"{min(others):g} to {max(others):g} percent; did you mean {number * 100:g}?",
            )

    def year_typos(self, area: MetricsArea, index: int) -> None:
        """Warnings: a value for a year far beyond the newest report's (2052-53 typed for 2025-26)."""
        newest = max((year_start(r.year) for r in self.d.reports if r.valid("year")), default=None)
        if newest is None:
            return
        measure = area.measures[index]
        for year in measure.values:
            ahead = year_start(year) - newest
            if ahead > YEARS_AHEAD:
                self.warn(
                    area,
                    ("measures", index, "values", year),
                    f"measures[{index + 1}].values: {year} is {ahead} years after the newest report ({year_label(newest)}); "
                    "is the year right?",
                    key=True,
                )

    def value(self, area: DataModel, path: tuple[str | int, ...], label: str, unit: str, value: MeasureValue) -> None:
        numbers: list[tuple[tuple[str | int, ...], float]] = []
        if value.number is not None:
            numbers.append(((*path, "value") if origin(area).has(*path, "value") else path, value.number))
        for cohort, part in (value.by or {}).items():
            if isinstance(part, float):
                numbers.append(((*path, "by", cohort), part))
        for where, number in numbers:
            if unit == "percent" and not 0 <= number <= 100:
                self.add(
                    area, where, f"{label}: {number:g} is not a percentage; a percent is from 0 to 100 (write 57.6, not 0.576 or 5760)"
                )
            elif unit == "count" and (number < 0 or number != int(number)):
                self.add(area, where, f"{label}: {number:g} is not a count; a count is a whole number, 0 or more")

    # -- attendance ---------------------------------------------------------
    def attendance(self) -> None:
        allowed = [p.id for p in self.d.partners] + list(SPECIAL_PARTNERS)
        for table in self.d.attendance.values():
            catalogue = catalogue_names(self.d.events, table.year)
            warned: set[str] = set()
            for row in table.rows:
                event = catalogue.get(comparable(row.event)) if row.event not in self.d.event_by_id else None
                if event is not None and row.event not in warned:
                    warned.add(row.event)
                    self.problems.warn(
                        table.path,
                        row.line,
                        1,
                        f"event: {quote(row.event)} is the catalogue's event {event}, written as free text, so its counts are "
                        f"not joined to the event; write {event} instead (in every row for it), or, if an import wrote it, "
                        f"map the name to {event} under 'events:' in data/import.yml and import again",
                    )
                if row.partner not in allowed and not self.unread("partner", row.partner):
                    self.problems.add(
                        table.path,
                        row.line,
                        row.partner_column,
                        "partner: " + not_one_of("a partner id", row.partner, allowed),
                    )

    # -- logic models, objectives and recommendations ----------------------
    def strategy(self) -> None:
        measures = list(self.d.measure_by_id)
        areas = sorted(self.d.metrics)
        tags = sorted({t for e in self.d.events for t in e.tags})
        objective_ids: dict[str, str] = {}
        for model in self.d.logic_models:
            items = [(column, index, item) for column, _ in COLUMNS for index, item in enumerate(getattr(model, column))]
            ids = [item.id for _, _, item in items]
            seen: set[str] = set()
            for column, index, item in items:
                if item.id in seen:
                    self.add(model, (column, index, "id"), f"id: {quote(item.id)} is already the id of another item of this logic model")
                seen.add(item.id)
                for n, target in enumerate(item.leads_to):
                    if target == item.id:
                        self.add(model, (column, index, "leads_to", n), f"leads_to: an item cannot lead to itself ({quote(target)})")
                    elif target not in ids:
                        self.add(
                            model, (column, index, "leads_to", n), "leads_to: " + not_one_of("an item of this logic model", target, ids)
                        )
                for n, measure in enumerate(item.measures):
                    if measure not in measures and not self.unread("measure", measure):
                        self.add(model, (column, index, "measures", n), "measures: " + not_one_of("a measure id", measure, measures))
                for n, tag in enumerate(item.tags):
                    # A tag no event has yet shows as "0 events"; one a letter away from a real tag is a typo.
                    guess = did_you_mean(tag, tags)
                    if tag not in tags and guess:
                        self.add(model, (column, index, "tags", n), f"tags: no event has the tag {quote(tag)}; did you mean {guess}?")
            for index, objective in enumerate(model.objectives):
                if objective.id in objective_ids:
                    self.add(
                        model,
                        ("objectives", index, "id"),
                        f"id: {quote(objective.id)} is already the id of an objective in {objective_ids[objective.id]}",
                    )
                objective_ids.setdefault(objective.id, origin(model).path)
                if objective.area not in self.d.metrics and not self.unread("area", objective.area):
                    self.add(
                        model,
                        ("objectives", index, "area"),
                        "area: " + not_one_of("a metrics area in data/metrics/", objective.area, areas),
                    )
                for n, measure in enumerate(objective.measures):
                    if measure not in measures and not self.unread("measure", measure):
                        self.add(model, ("objectives", index, "measures", n), "measures: " + not_one_of("a measure id", measure, measures))
        made: dict[str, str] = {}
        for report in sorted(self.d.reports, key=lambda r: r.year):
            if not report.valid("year"):
                continue
            logic = self.d.logic_model_for(report.year)
            allowed = [o.id for o in logic.objectives] if logic else []
            for objective_id in report.objectives:
                if objective_id not in allowed:
                    where = (
                        f"one of the {logic.period} logic model's objectives"
                        if logic
                        else f"an objective (no logic model in data/logic-model/ covers {report.year})"
                    )
                    self.add(report, ("objectives", objective_id), "objectives: " + not_one_of(where, objective_id, allowed), key=True)
            for recommendation_id in report.follow_ups:
                if recommendation_id not in made:
                    earlier = sorted(made)
                    self.add(
                        report,
                        ("follow_ups", recommendation_id),
                        "follow_ups: " + not_one_of("a recommendation of an earlier report", recommendation_id, earlier),
                        key=True,
                    )
            for index, recommendation in enumerate(report.recommendations):
                if recommendation.id in made:
                    self.add(
                        report,
                        ("recommendations", index, "id"),
                        f"id: {quote(recommendation.id)} is already a recommendation of the {made[recommendation.id]} report; every recommendation id must be different",
                    )
                elif recommendation.area and recommendation.area not in self.d.metrics and not self.unread("area", recommendation.area):
                    self.add(
                        report, ("recommendations", index, "area"), "area: " + not_one_of("a metrics area", recommendation.area, areas)
                    )
                made.setdefault(recommendation.id, report.year)

    # -- import settings ----------------------------------------------------
    def import_settings(self) -> None:
        settings = self.d.import_settings
        if origin(settings).path == "<built in code>":
            return
        event_ids = [e.id for e in self.d.events]
        for name, event_id in settings.events.items():
            if event_id not in event_ids and not self.unread("event", event_id):
                self.add(settings, ("events", name), "events: " + not_one_of("an event id", event_id, event_ids))
        partner_ids = [p.id for p in self.d.partners] + list(SPECIAL_PARTNERS)
        for name, partner_id in settings.organisations.items():
            if partner_id not in partner_ids and not self.unread("partner", partner_id):
                self.add(settings, ("organisations", name), "organisations: " + not_one_of("a partner id", partner_id, partner_ids))

    # -- reports ------------------------------------------------------------
    def reports(self) -> None:
        for report in self.d.reports:
            if not report.valid("year", "baseline", "period"):
                continue
            first, baseline = year_start(report.year), year_start(report.baseline)
            if baseline > first:
                self.add(
                    report,
                    ("baseline",),
                    f"baseline: {report.baseline} is after the report's year ({report.year}); the baseline is the first year shown, so it must be {report.year} or earlier",
                )
            if report.period.end <= report.period.start:
                self.add(report, ("period", "end"), f"period.end: {report.period.end} is not after period.start ({report.period.start})")
            elif report.period.start.year not in (first, first + 1) and report.period.end.year not in (first, first + 1):
                self.add(
                    report, ("period", "start"), f"period: {report.period.start} to {report.period.end} is outside the year {report.year}"
                )
            ids: dict[str, int] = {}
            for index, section in enumerate(report.sections):
                section_id = section.id or slugify(section.title)
                if section_id in ids:
                    self.add(
                        report,
                        ("sections", index, "id" if section.id else "title"),
                        f"sections: two sections would both be called {quote(section_id)}; give one an 'id:'",
                    )
                ids.setdefault(section_id, index)
                if section.metrics and section.metrics not in self.d.metrics and not self.unread("area", section.metrics):
                    self.add(
                        report,
                        ("sections", index, "metrics"),
                        "metrics: " + not_one_of("a metrics area in data/metrics/", section.metrics, sorted(self.d.metrics)),
                    )
                if section.content:
                    self.content_file(report, ("sections", index, "content"), section.content)
            for path, relative in report.narratives():
                if path[0] != "sections":  # the introduction and the report's parts (sections are checked above)
                    self.content_file(report, path, relative)
            if report.attendance and report.valid("attendance") and report.attendance not in self.d.attendance:
                exists = (self.d.data_dir / report.attendance).is_file()
                available = sorted(self.d.attendance)
                if not exists:
                    self.add(
                        report, ("attendance",), "attendance: " + not_one_of("an attendance file under data/", report.attendance, available)
                    )

    def content_file(self, model: DataModel, path: tuple[str | int, ...], relative: str, suffixes: tuple[str, ...] = (".md",)) -> None:
        """``relative`` must name a file under content/ with one of ``suffixes``."""
        target = (self.d.content_dir / relative).resolve()
        if not target.is_relative_to(self.d.content_dir.resolve()):
            self.add(
                model,
                path,
                f"{path[-1]}: {quote(relative)} is outside content/; write a path under content/, like reports/2021-22/placements.md",
            )
        elif not target.is_file():
            self.add(model, path, f"{path[-1]}: there is no file content/{relative}; create it, or correct the path")
        elif target.suffix.lower() not in suffixes:
            self.add(model, path, f"{path[-1]}: {quote(relative)} must be a {' or '.join(suffixes)} file")

    # -- site ---------------------------------------------------------------
    def site(self) -> None:
        site = self.d.site
        if site.logo and site.valid("logo"):
            self.content_file(site, ("logo",), site.logo, (".svg", ".png"))
        if site.valid("colours"):
            for name in ("primary", "accent"):
                colour = getattr(site.colours, name)
                ratio = contrast(colour, "#ffffff")
                if ratio < 4.5:
                    path = ("colours", name) if origin(site).has("colours", name) else ("colours",)
                    self.add(
                        site,
                        path,
                        f"colours.{name}: {colour} on white, or white on it, has a contrast of only {ratio:.1f}:1; "
                        "choose a darker colour (4.5:1 or more is needed for text, by WCAG 2.2 AA)",
                    )


def _in_order(period: InForce | None) -> bool:
    """False for a period that ends before it starts."""
    return period is None or period.start is None or period.until is None or period.start <= period.until


_POSSESSIVE = {"children": "children's", "adults": "adults'"}


def _span(start: dt.date | None, until: dt.date | None) -> str:
    """``from 2027-04-01``, ``until 2027-03-31``, ``from 2015-01-01 until 2027-03-31``."""
    parts = ([f"from {start}"] if start else []) + ([f"until {until}"] if until else [])
    return " ".join(parts) or "always"


SESSION_GAP_DAYS = 180
"""A session further than this from every other session of its event is probably a mistyped year (a warning)."""
YEARS_AHEAD = 1
"""A measure's value for a year more than this after the newest report's is probably a mistyped year (a warning)."""


def comparable(text: str) -> str:
    """A title or id as it is compared loosely: lower case, one space between words, no punctuation."""
    return " ".join(re.sub(r"[^\w]+", " ", text.replace("’", "'").lower()).split())


def in_year(event: Event, year: str | None) -> bool:
    """True when the event's first session falls in the year (April to March), or no year is given."""
    if year is None:
        return True
    if not event.sessions:
        return False
    first = min(s.start for s in event.sessions).date()
    start = year_start(year)
    return dt.date(start, 4, 1) <= first <= dt.date(start + 1, 3, 31)


def catalogue_names(events: Iterable[Event], year: str | None = None) -> dict[str, str]:
    """Every catalogue event's title and id, compared loosely → its id (for a title used twice, the event in ``year``, else the first)."""
    names: dict[str, str] = {}
    events = list(events)
    for event in [e for e in events if in_year(e, year)] + events:
        names.setdefault(comparable(event.title), event.id)
        names.setdefault(comparable(event.id), event.id)
    return names


def run_all(dataset: Dataset, problems: Problems, display: Display) -> None:
    """Run every cross-file rule, adding to ``problems``."""
    rules = _Rules(dataset, problems, display)
    rules.site()
    rules.partners()
    rules.frameworks()
    rules.toolkit_framework()
    rules.practice_learning()
    rules.pathways()
    rules.events()
    rules.frameworks_over_time()
    rules.stages_over_time()
    rules.events_over_time()
    rules.metrics()
    rules.attendance()
    rules.reports()
    rules.import_settings()
    rules.strategy()
