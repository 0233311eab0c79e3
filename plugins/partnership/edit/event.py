"""``python3 build.py new event``: an event file from questions, without ever losing an answer.

The questions come in the order that lets each answer be checked as it is
given: what it is, who runs it and how, *then* its dates, then the services,
and only then the career stages and framework items, offered only where
they exist on the event's first day for its services (a stage that exists
only for a while says when). Dates and times are read as people write them
and said back (:mod:`.answers`); choices are read in words (:mod:`.choices`).

Before anything is written, the whole data folder is checked with the new
file in it, by the same rules as ``check`` (the loader's overlay). If a rule
still refuses it, only the answers the problems name are asked again. Nothing
typed is ever thrown away: Ctrl+C, the end of the input, the terminal closing
(SIGTERM, SIGHUP), a "no" at the end, or a problem no answer can fix all end
with the answers saved as a draft (:mod:`.drafts`), which ``new event
--resume`` takes up where it stopped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..core import clock
from ..core.load import load_dataset
from ..core.models.common import SERVICES, slugify, url_problem
from ..core.models.dataset import Dataset
from ..core.models.events import FORMAT_NAMES, RESERVED_IDS, TYPE_NAMES
from ..core.models.pathways import Stage
from ..core.models.year import Year
from ..core.problems import DataError
from ..core.views.toolkit import KSS_FRAMEWORKS, frameworks_in_force
from . import drafts
from .answers import long_date, parse_date, parse_times, read_date, read_times, time_range
from .files import write_all_checked
from .prompts import Asker, Cancelled, Stopped
from .yamltext import align, flow, scalar

SERVICE_CHOICES = [("children", "Children and families"), ("adults", "Adults")]
SERVICE_WORDS = {"child and family": "children", "children and family": "children", "c&f": "children", "adult": "adults", "asc": "adults"}
FORMAT_WORDS = {
    "face to face": "in-person",
    "f2f": "in-person",
    "in the room": "in-person",
    "classroom": "in-person",
    "virtual": "online",
    "remote": "online",
    "teams": "online",
    "microsoft teams": "online",
    "zoom": "online",
    "live online": "online",
    "blended": "hybrid",
    "in person and online": "hybrid",
    "online and in person": "hybrid",
    "on demand": "self-paced",
    "recorded": "self-paced",
    "e learning": "self-paced",
    "elearning": "self-paced",
}
"""Other words people use for an event's format (compared as :func:`.choices.normal` writes them)."""
TYPE_WORDS = {"als": "action-learning-set", "talk": "twilight", "evening talk": "twilight", "training": "course", "seminar": "webinar"}
_STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "for", "with", "in", "on", "to", "at", "your", "our", "how"})

ORDER = (
    "title",
    "summary",
    "description",
    "type",
    "provider",
    "format",
    "venue",
    "sessions",
    "cpd_hours",
    "services",
    "audience",
    "capacity",
    "booking",
    "cost",
    "frameworks",
    "tags",
    "id",
)
"""The questions, in the order they are asked: every answer is checked against those before it."""


class Refused(Exception):
    """An answer given on the command line is not valid (the message says why)."""


@dataclass
class EventDraft:
    """The answers so far; ``answered`` lists the questions (of :data:`ORDER`) already answered."""

    title: str = ""
    summary: str | None = None
    description: str | None = None
    type: str = ""
    provider: str | None = None
    provider_name: str | None = None
    audience: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    format: str = ""
    venue: str | None = None
    sessions: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)
    cpd_hours: str | None = None
    capacity: str | None = None
    booking: str | None = None
    cost: str | None = None
    frameworks: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    id: str | None = None
    answered: list[str] = field(default_factory=list)

    def first_day(self, today: dt.date) -> dt.date:
        """The day of its first session (today for a self-paced event): what it must fit."""
        return min((start for start, _ in self.sessions), default=dt.datetime.combine(today, dt.time())).date()

    def answers(self) -> dict[str, Any]:
        """Every answer as plain YAML values, for a draft."""
        found = asdict(self)
        found["sessions"] = [[f"{s:%Y-%m-%dT%H:%M}", f"{e:%Y-%m-%dT%H:%M}"] for s, e in self.sessions]
        return found

    @classmethod
    def from_answers(cls, answers: dict[str, Any]) -> EventDraft:
        """A draft's answers back as an :class:`EventDraft` (unknown or unreadable answers are asked again)."""
        known = {f.name for f in fields(cls)}
        draft = cls(**{key: value for key, value in answers.items() if key in known and key != "sessions"})
        try:
            draft.sessions = [(dt.datetime.fromisoformat(s), dt.datetime.fromisoformat(e)) for s, e in answers.get("sessions") or []]
        except (TypeError, ValueError):
            draft.answered = [key for key in draft.answered if key != "sessions"]
        draft.answered = [key for key in draft.answered if key in ORDER]
        return draft

    def yaml(self, event_id: str, today: dt.date, depth: int) -> str:
        schema = "../" * depth + "schema/event.schema.json"
        lines = [
            f"# yaml-language-server: $schema={schema}",
            f"# One CPD event. Its id is the file name: {event_id}. See data/README.md.",
            f"# Written by 'python3 build.py new event' on {today.isoformat()}; edit it freely.",
            "",
            f"title: {scalar(self.title)}",
        ]
        if self.summary:
            lines.append(f"summary: {scalar(self.summary)}  # one line, shown in listings")
        if self.description:
            lines.append("description: |  # Markdown: paragraphs, - lists, **bold**, [links](https://…)")
            lines.extend(f"  {line}" if line else "" for line in self.description.splitlines())
        lines.append(f"type: {self.type}  # " + ", ".join(TYPE_NAMES))
        if self.provider:
            lines.append(f"provider: {self.provider}  # a partner id from partners.yml")
        else:
            lines.append(f"provider_name: {scalar(self.provider_name)}  # an organisation outside the partnership")
        lines.append(f"audience: {flow(self.audience)}  # career stage ids from pathways.yml")
        lines.append(f"services: {flow(self.services)}")
        lines.append(f"format: {self.format}  # in-person, online, hybrid or self-paced")
        if self.venue:
            lines.append(f"venue: {scalar(self.venue)}")
        if self.sessions:
            lines.append("sessions:  # UK local times, one line per session")
            for start, end in self.sessions:
                lines.append(f"  - {{start: {start:%Y-%m-%dT%H:%M}, end: {end:%Y-%m-%dT%H:%M}}}")
        for key in ("cpd_hours", "capacity"):
            value = getattr(self, key)
            if value:
                lines.append(f"{key}: {value}")
        if self.booking:
            lines.append(f"booking: {scalar(self.booking)}")
        if self.cost:
            lines.append(f"cost: {scalar(self.cost)}")
        lines.append("status: scheduled  # scheduled, full, cancelled or postponed")
        lines.append(f"frameworks: {flow(self.frameworks)}  # what it helps people evidence: framework:item")
        lines.append(f"tags: {flow(self.tags)}")
        lines.append(f"added: {today.isoformat()}  # when it was published; orders the 'new events' feed")
        return "\n".join(align(line) for line in lines) + "\n"


# ---------------------------------------------------------------- checks of single answers


def parse_session(text: str, today: dt.date | None = None) -> tuple[dt.datetime, dt.datetime]:
    """``14/04/2027 9.30am-12.30pm`` (or ``2027-04-14 09:30-12:30``): a day and its start and end times."""
    found = re.match(
        r"^\s*(?P<day>.*?\d.*?)\s+(?P<times>\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:-|–|—|to|until|till|til)\s*.+)$", text, re.I
    )
    if not found:
        raise ValueError(f"'{text}' is not a day and its times; write it like '14/04/2027 9:30-16:30'.")
    day = parse_date(found.group("day"), today)
    start, end = parse_times(found.group("times"))
    return dt.datetime.combine(day, start), dt.datetime.combine(day, end)


def short_id(title: str, first: dt.datetime | None) -> str:
    """A short web address for an event: its title's first few words, and the month it starts in."""
    words = [w for w in slugify(title).split("-") if w and w not in _STOP_WORDS] or slugify(title).split("-")
    stem = "-".join(words[:4])[:40].strip("-") or "event"
    return stem + (f"-{first:%Y-%m}" if first else "")


def check_id(dataset: Dataset) -> Callable[[str], str | None]:
    """Why a typed event id cannot be used (not an id, or taken), or None."""

    def check(text: str) -> str | None:
        if slugify(text) != text:
            return (
                f"'{text}' cannot be a web address; use lower-case words joined by hyphens, like {slugify(text) or 'court-skills-2027-06'}."
            )
        if text in dataset.event_by_id:
            return f"'{text}' is already an event's address; choose another."
        if text in RESERVED_IDS or text in dataset.frameworks:
            return f"'{text}' is kept for the catalogue's own pages; choose something more specific, like {text}-workshop."
        return None

    return check


def check_url(text: str) -> str | None:
    """The data's own rule for an address (core.models.common.url_problem), as a sentence."""
    problem = url_problem(text.strip())
    return f"{problem[0].upper()}{problem[1:]}." if problem else None


def check_number(text: str) -> str | None:
    try:
        value = float(text)
    except ValueError:
        return f"'{text}' is not a number."
    return None if value > 0 else "It must be more than 0."


def stage_choices(dataset: Dataset, day: dt.date, services: list[str]) -> list[tuple[str, str]]:
    """The career stages an event on ``day`` for ``services`` may be for, each labelled with its dates when it has any.

    A stage that does not exist yet (or any more) on the day, one only for
    another service, and one that another stage has taken over by then for
    every one of the services, is not offered.
    """
    offered = []
    for stage in dataset.pathways:
        if not stage.applies_on(day) or (stage.services and not set(stage.services) & set(services)):
            continue
        change = stage.replaced_by
        if change and day >= change.start and change.covers(services):
            continue
        offered.append((stage.id, stage.name + _stage_dates(stage)))
    return offered


def _stage_dates(stage: Stage) -> str:
    """`` (from 1 September 2027)``, `` (in children's services until 31 August 2027)``, or nothing."""
    notes = []
    if stage.in_force and stage.in_force.start:
        notes.append(f"from {long_date(stage.in_force.start).split(' ', 1)[1]}")
    if stage.in_force and stage.in_force.until:
        notes.append(f"until {long_date(stage.in_force.until).split(' ', 1)[1]}")
    if stage.replaced_by:
        last = stage.replaced_by.start - dt.timedelta(days=1)
        where = " and ".join(f"{s}'" if s.endswith("s") else f"{s}'s" for s in stage.replaced_by.services) or "all"
        notes.append(f"in {where} services until {long_date(last).split(' ', 1)[1]}")
    return f" ({'; '.join(notes)})" if notes else ""


def _items(dataset: Dataset, framework_id: str) -> list[tuple[str, str]]:
    framework = dataset.frameworks[framework_id]
    short = framework.short_name or framework.id.upper()
    return [
        (f"{framework.id}:{item.id}", f"{short} {item.number} {item.title}" if item.number is not None else f"{short} {item.title}")
        for item in framework.items
    ]


# ---------------------------------------------------------------- the questions


def asked(draft: EventDraft, key: str) -> bool:
    """Whether the question ``key`` is asked, given the answers before it (a venue only for an event in a room …)."""
    if key == "venue":
        return draft.format in ("in-person", "hybrid")
    if key == "sessions":
        return draft.format != "self-paced"
    if key == "cpd_hours":
        return draft.format == "self-paced"
    return True


class Interview:
    """Asks each question of :data:`ORDER` not yet answered, checking each answer as it is given."""

    def __init__(self, ask: Asker, dataset: Dataset, now: dt.datetime, draft: EventDraft):
        self.ask = ask
        self.d = dataset
        self.now = now
        self.today = now.date()
        self.draft = draft

    def run(self, only: list[str] | None = None) -> None:
        """Ask every question not answered yet (or just ``only``, again), in order."""
        for key in ORDER:
            if only is not None and key not in only:
                continue
            if only is None and key in self.draft.answered:
                continue
            if self.applies(key):
                getattr(self, f"ask_{key}")()
            if key not in self.draft.answered:
                self.draft.answered.append(key)

    def applies(self, key: str) -> bool:
        return asked(self.draft, key)

    def ask_title(self) -> None:
        self.draft.title = self.ask.text("Title") or ""

    def ask_summary(self) -> None:
        self.draft.summary = self.ask.text("One line about it, for listings", required=False)

    def ask_description(self) -> None:
        self.draft.description = self.ask.lines("\nWhat will people do and learn? A few sentences for the event's page")

    def ask_type(self) -> None:
        self.draft.type = self.ask.choose("\nWhat type of event is it?", list(TYPE_NAMES.items()), aliases=TYPE_WORDS)

    def ask_provider(self) -> None:
        options = [(p.id, p.name) for p in self.d.partners] + [("other", "An organisation outside the partnership")]
        provider = self.ask.choose("\nWho runs it?", options)
        self.draft.provider, self.draft.provider_name = (
            (None, self.ask.text("The organisation's name")) if provider == "other" else (provider, None)
        )

    def ask_format(self) -> None:
        self.draft.format = self.ask.choose("\nHow is it delivered?", list(FORMAT_NAMES.items()), aliases=FORMAT_WORDS)
        if self.draft.format == "self-paced":
            self.draft.sessions, self.draft.venue = [], None
        else:
            self.draft.cpd_hours = None
        if self.draft.format not in ("in-person", "hybrid"):
            self.draft.venue = None

    def ask_venue(self) -> None:
        self.draft.venue = self.ask.text("Where? (the venue, with its address)")

    def ask_cpd_hours(self) -> None:
        self.draft.cpd_hours = self.ask.text("How many hours of CPD is it?", check=check_number)

    def ask_sessions(self) -> None:
        """The event's sessions; every one in the past is asked about (the event would go straight to the archive)."""
        while True:
            self.ask.say("\nSessions, in UK local time.")
            sessions: list[tuple[dt.datetime, dt.datetime]] = []
            while True:
                sessions.append(self._session(sessions))
                if not self.ask.yes("Add another session?"):
                    break
            if max(end for _, end in sessions) >= self.now.replace(tzinfo=None):
                break
            self.ask.say(
                f"  Every session is in the past (today is {long_date(self.today)}), so the event would go straight to the "
                "past events, not the catalogue. Is the year right?"
            )
            if self.ask.yes("Keep these dates anyway?"):
                break
        self.draft.sessions = sorted(sessions)

    def _session(self, earlier: list[tuple[dt.datetime, dt.datetime]]) -> tuple[dt.datetime, dt.datetime]:
        """One session, its day and times checked as they are given: real, not in a clock change, not overlapping another."""
        day = self.ask.value(
            "Date of the session (like 14/04/2027)", lambda text: read_date(text, self.today), echo=lambda r: long_date(r[0]) + r[1]
        )[0]
        while True:
            start_time, end_time, _ = self.ask.value(
                "Start and end time (like 9:30-16:30 or 9.30am-12.30pm)", read_times, echo=lambda t: time_range(t[0], t[1]) + t[2]
            )
            start, end = dt.datetime.combine(day, start_time), dt.datetime.combine(day, end_time)
            trouble = clock.clock_change(start) or clock.clock_change(end)
            clash = next((f"{a:%H:%M} to {b:%H:%M}" for a, b in earlier if start < b and a < end), None)
            if trouble:
                self.ask.say(f"  {trouble}.")
            elif clash:
                self.ask.say(f"  That overlaps the session on the same day from {clash}; sessions must not overlap.")
            else:
                return start, end

    def ask_services(self) -> None:
        self.draft.services = self.ask.choose_many("\nFor which services? (one, or both)", SERVICE_CHOICES, aliases=SERVICE_WORDS) or list(
            SERVICES
        )

    def ask_audience(self) -> None:
        day = self.draft.first_day(self.today)
        options = stage_choices(self.d, day, self.draft.services)
        when = f"on {long_date(day)}" if self.draft.sessions else "now"
        self.draft.audience = self.ask.choose_many(f"\nWhich career stages is it for? (the stages that exist {when})", options)

    def ask_capacity(self) -> None:
        self.draft.capacity = self.ask.text(
            "\nHow many places?", required=False, check=lambda t: None if t.isdigit() and int(t) > 0 else "Write a whole number, like 25."
        )

    def ask_booking(self) -> None:
        self.draft.booking = self.ask.text("Where do people book? (a web address)", required=False, check=check_url)

    def ask_cost(self) -> None:
        self.draft.cost = self.ask.text("Cost, in words (like 'Free to partner staff')", required=False)

    def ask_frameworks(self) -> None:
        """What it helps people evidence: the PCF, then the statements in force on its first day for its services."""
        chosen: list[str] = []
        self.ask.say("")
        if "pcf" in self.d.frameworks:
            chosen += self.ask.choose_many("Which PCF domains does it help people evidence?", _items(self.d, "pcf"), required=False)
        # The child and family KSS until 31 March 2027, then what replaces them (the early career standards).
        for framework in frameworks_in_force(self.d, self.draft.first_day(self.today), KSS_FRAMEWORKS):
            if not framework.services or set(framework.services) & set(self.draft.services):
                chosen += self.ask.choose_many(
                    f"\nWhich {framework.short_name or framework.id} {framework.item_name}s?", _items(self.d, framework.id), required=False
                )
        if "peps" in self.d.frameworks and "practice-educator" in self.draft.audience:
            chosen += self.ask.choose_many("\nWhich PEPS domains?", _items(self.d, "peps"), required=False)
        self.draft.frameworks = chosen

    def ask_tags(self) -> None:
        tags = self.ask.text("\nTags, separated by commas (like 'safeguarding, law')", required=False)
        self.draft.tags = [t.strip() for t in (tags or "").split(",") if t.strip()]

    def ask_id(self) -> None:
        first = min((s for s, _ in self.draft.sessions), default=None)
        stem = short_id(self.draft.title, first)
        offered, n = stem, 2
        while offered in self.d.event_by_id:
            offered, n = f"{stem}-{n}", n + 1
        self.ask.say(f"\nIts web address will be /events/{offered}/.")
        self.draft.id = self.ask.text("Press Enter to keep it, or type another", default=offered, check=check_id(self.d)) or offered


# ---------------------------------------------------------------- the whole file, checked by the rules


def financial_year(day: dt.date) -> Year:
    """The folder under data/events/ for an event starting on ``day``: its programme year, April to March (the editor's too)."""
    return Year.of(day)


def _path(data_dir: Path, draft: EventDraft, today: dt.date) -> Path:
    """Where the event's file goes: under the programme year of its first session (a self-paced event: of the day it is added)."""
    first = min((s for s, _ in draft.sessions), default=None)
    return data_dir / "events" / financial_year(first.date() if first else today) / f"{draft.id}.yml"


_FIELD = re.compile(r"^'?(?P<field>[a-z_]+)(?:\[\d+\])?(?:[.:' ]|$)")
_QUESTION_OF = {"provider_name": "provider", "start": "sessions", "end": "sessions", "added": None, "status": None}


def questions_named(problem: str, text: str, path: str) -> str | None:
    """The question whose answer a problem (``file:line:column: message``) is about, or None when no answer can change it."""
    where, _, message = problem.partition(f"{path}:")[2].partition(": ")
    line = int(where.split(":")[0]) if where.split(":")[0].isdigit() else 0
    named = _FIELD.match(message)
    key = named.group("field") if named else None
    if key not in ORDER and key not in _QUESTION_OF:  # not named: the field written on the problem's line
        key = None
        for number, written in enumerate(text.splitlines(), start=1):
            top = re.match(r"^([a-z_]+):", written)
            if top:
                key = top.group(1)
            if number == line:
                break
        else:
            key = None
    if key in _QUESTION_OF:
        return _QUESTION_OF[key]
    return key if key in ORDER else None


def _check(data_dir: Path, content_dir: Path, path: Path, text: str) -> list[str]:
    try:
        load_dataset(data_dir, content_dir, overlay={path: text})
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


# ---------------------------------------------------------------- the command


def new_event(args: argparse.Namespace, root: Path, ask: Asker) -> int:
    data_dir, content_dir = root / args.data, root / "content"
    dataset = load_dataset(data_dir, content_dir)
    now = clock.now()
    if args.yes:
        try:
            draft = from_arguments(args, dataset, now.date())
        except Refused as error:
            ask.say(f"Not written: {error}")
            return 1
        return _finish_from_options(args, root, ask, dataset, draft, now)
    resumed: Path | None = None
    draft = EventDraft()
    if getattr(args, "resume", None):
        picked = _pick_draft(ask, data_dir, args.resume)
        if picked is None:
            return 1
        resumed, draft = picked
    try:
        return _interview(args, root, ask, dataset, now, draft, resumed)
    except (KeyboardInterrupt, Cancelled) as stop:
        return _keep(ask, data_dir, draft, now, resumed, stop)


def _interview(
    args: argparse.Namespace, root: Path, ask: Asker, dataset: Dataset, now: dt.datetime, draft: EventDraft, resumed: Path | None
) -> int:
    data_dir, content_dir = root / args.data, root / "content"
    if resumed is None:
        ask.say("A new CPD event. Press Ctrl+C at any time to stop: your answers are kept as a draft to finish later.\n")
    else:
        kept = sum(1 for key in draft.answered if asked(draft, key))
        ask.say(f"Finishing the draft {resumed.name}: {kept} answer{'s' if kept != 1 else ''} kept; the rest follow.\n")
    interview = Interview(ask, dataset, now, draft)
    interview.run()
    while True:
        path = _path(data_dir, draft, now.date())
        text = draft.yaml(draft.id or "event", now.date(), len(path.relative_to(data_dir).parts))
        shown = path.relative_to(root).as_posix()
        problems = _check(data_dir, content_dir, path, text)
        if not problems:
            break
        named = {problem: questions_named(problem, text, shown) for problem in problems}
        ask.say("\nThe check found " + ("a problem" if len(problems) == 1 else f"{len(problems)} problems") + ":")
        for problem in problems:
            ask.say(f"  {problem.partition(': ')[2] if problem.startswith(shown) else problem}")
        if None in named.values():
            ask.say("No answer here can fix that; fix what it names, then finish this event with: python3 build.py new event --resume")
            return _keep(ask, data_dir, draft, now, resumed, None)
        again = sorted({key for key in named.values() if key}, key=ORDER.index)
        ask.say("Asking again: " + ", ".join(key.replace("_", " ") for key in again) + ". Your other answers are kept.")
        interview.run(only=again)
    ask.say("\n" + text)
    if not ask.yes(f"Write this to {shown}?", default=True):
        ask.say("Nothing was written.")
        return _keep(ask, data_dir, draft, now, resumed, None)
    try:
        problems = write_all_checked({path: text}, data_dir, content_dir)
    except OSError as error:  # a full disk: each file is written whole or not at all (edit/files.py)
        ask.say(f"Not written: {error.strerror or error}. Every data file is as it was before.")
        return _keep(ask, data_dir, draft, now, resumed, None)
    if problems:  # the data changed meanwhile (another editor, the preview's editor)
        ask.say("Not written, because the data would now have these problems:\n" + "\n".join(problems))
        return _keep(ask, data_dir, draft, now, resumed, None)
    if resumed is not None:
        resumed.unlink(missing_ok=True)
    ask.say(f"Wrote {shown}. It will be published at /events/{draft.id}/.")
    ask.say("See it now with: python3 build.py serve")
    return 0


def _keep(ask: Asker, data_dir: Path, draft: EventDraft, now: dt.datetime, resumed: Path | None, stop: BaseException | None) -> int:
    """Save the answers as a draft: asked first when someone is there to answer (Enter saves); always after SIGTERM or the end of input."""
    count = sum(1 for key in draft.answered if asked(draft, key))
    if not count:
        ask.say("\nStopped; nothing had been answered, so nothing was kept.")
        return 1
    if stop is not None:
        ask.say("\nStopped " + ("(the answers ran out)." if isinstance(stop, Cancelled) else "before the end."))
    if not isinstance(stop, (Stopped, Cancelled)):
        try:
            if not ask.yes(f"Keep your {count} answer{'s' if count != 1 else ''} as a draft, to finish later?", default=True):
                if resumed is not None:
                    ask.say(f"The draft {resumed.name} is kept as it was.")
                else:
                    ask.say("Nothing was kept.")
                return 1
        except (KeyboardInterrupt, Cancelled):
            ask.say("")
    try:
        saved = drafts.save(data_dir, "event", draft.answers(), now.replace(tzinfo=None), resumed)
    except OSError as error:  # a full disk: the answers are on the screen, in the file shown before the last question
        ask.say(f"The draft could not be saved either ({error.strerror or error}). Copy your answers from this window before closing it.")
        return 1
    ask.say(f"Saved your answers in {saved.relative_to(data_dir.parent).as_posix()} (never published).")
    ask.say("Finish it with: python3 build.py new event --resume")
    return 1


def _pick_draft(ask: Asker, data_dir: Path, wanted: str | bool) -> tuple[Path, EventDraft] | None:
    """The draft to resume: the one named, the only one, or the one chosen from the list."""
    waiting = [p for p in drafts.waiting(data_dir) if p.name.startswith("event-")]
    if isinstance(wanted, str):
        named = Path(wanted)
        waiting = [p for p in waiting if p.name == named.name or p == named.resolve()] or ([named] if named.is_file() else [])
    if not waiting:
        ask.say(f"There is no draft of a new event to finish in {data_dir.name}/{drafts.FOLDER}/.")
        return None
    path = waiting[0]
    if len(waiting) > 1:
        options = [(str(i), f"{p.name}") for i, p in enumerate(waiting)]
        path = waiting[int(ask.choose("Which draft?", options))]
    try:
        _, answers = drafts.load(path)
    except ValueError as error:
        ask.say(f"Cannot resume: {error}.")
        return None
    return path, EventDraft.from_answers(answers)


def from_arguments(args: argparse.Namespace, dataset: Dataset, today: dt.date) -> EventDraft:
    """An event drafted entirely from command-line options (for --yes)."""
    missing = [name for name in ("title", "type", "audience", "services", "format") if not getattr(args, name)]
    if not args.provider and not args.provider_name:
        missing.append("provider (or provider-name)")
    if args.format not in (None, "self-paced") and not args.session:
        missing.append("session")
    if missing:
        raise Refused("missing: " + ", ".join(f"--{m.replace('_', '-')}" for m in missing))

    def one_of(name: str, value: str, options: list[tuple[str, str]]) -> str:
        allowed = [v for v, _ in options]
        if value not in allowed:
            raise Refused(f"--{name} {value!r} is not allowed; allowed: {', '.join(allowed)}")
        return value

    draft = EventDraft(title=args.title, summary=args.summary, description=args.description, id=args.id)
    draft.type = one_of("type", args.type.lower(), list(TYPE_NAMES.items()))
    draft.format = one_of("format", args.format.lower(), list(FORMAT_NAMES.items()))
    if args.provider:
        draft.provider = one_of("provider", args.provider, [(p.id, p.name) for p in dataset.partners])
    draft.provider_name = args.provider_name
    draft.audience = [one_of("audience", s.strip().lower(), [(s.id, s.name) for s in dataset.pathways]) for s in args.audience.split(",")]
    services = [s.strip().lower() for s in args.services.split(",")]
    draft.services = [str(s) for s in SERVICES] if services == ["both"] else [one_of("services", s, SERVICE_CHOICES) for s in services]
    draft.venue = args.venue
    for session in args.session or []:
        try:
            draft.sessions.append(parse_session(session, today))
        except ValueError as error:
            raise Refused(f"--session {session!r}: {error} Write it like '14/04/2027 9:30-16:30'.") from None
    if args.booking and check_url(args.booking):
        raise Refused(f"--booking: {check_url(args.booking)}")
    draft.booking = args.booking
    draft.capacity, draft.cpd_hours, draft.cost = args.capacity, args.hours, args.cost
    for ref in (args.frameworks or "").split(","):
        if ref.strip():
            if dataset.refs.resolve(ref.strip()) is None:
                raise Refused(f"--frameworks: {dataset.refs.explain(ref.strip())}")
            draft.frameworks.append(ref.strip())
    draft.tags = [t.strip() for t in (args.tags or "").split(",") if t.strip()]
    return draft


def _finish_from_options(args: argparse.Namespace, root: Path, ask: Asker, dataset: Dataset, draft: EventDraft, now: dt.datetime) -> int:
    """--yes: the file written from the options, or every problem the check finds in it, naming the options."""
    data_dir, content_dir = root / args.data, root / "content"
    if draft.id:
        problem = check_id(dataset)(draft.id)
        if problem:
            ask.say(f"Not written: --id: {problem}")
            return 1
    else:
        first = min((s for s, _ in draft.sessions), default=None)
        stem = short_id(draft.title, first)
        draft.id, n = stem, 2
        while draft.id in dataset.event_by_id:
            draft.id, n = f"{stem}-{n}", n + 1
    path = _path(data_dir, draft, now.date())
    text = draft.yaml(draft.id, now.date(), len(path.relative_to(data_dir).parts))
    problems = write_all_checked({path: text}, data_dir, content_dir)
    if problems:
        shown = path.relative_to(root).as_posix()
        ask.say("Not written, because the data would have these problems:\n" + "\n".join(_as_options(p, text, shown) for p in problems))
        return 1
    ask.say(f"Wrote {path.relative_to(root).as_posix()}. It will be published at /events/{draft.id}/.")
    return 0


OPTIONS = {key: f"--{key}" for key in ORDER} | {"sessions": "--session", "cpd_hours": "--hours"}
"""The command-line option of each answer, for --yes."""


def _as_options(problem: str, text: str, shown: str) -> str:
    """A problem of the file --yes would have written, named by the option to change: ``--frameworks: 'kss-cf:8': …``."""
    key = questions_named(problem, text, shown) if problem.startswith(f"{shown}:") else None
    if key is None:
        return problem
    message = problem.partition(f"{shown}:")[2].split(": ", 1)[1]
    return f"{OPTIONS[key]}: " + re.sub(r"^'?[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)?'?: ", "", message)


__all__ = ["EventDraft", "Interview", "new_event", "parse_session", "questions_named", "short_id", "stage_choices"]
