"""``python3 build.py new event | report | partner``: well-commented data files from a few questions.

Each command asks only what it needs, checks every answer against the data
already there (career stages, partners, frameworks), writes the file where
it belongs, and then checks the whole data folder again, so that a file it
writes can never leave the data broken. With ``--yes`` it asks nothing and
takes every answer from the command line, for scripts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core import clock
from ..core.load import load_dataset
from ..core.models.common import slugify, url_problem
from ..core.models.dataset import Dataset
from ..core.models.events import FORMAT_NAMES, RESERVED_IDS, TYPE_NAMES
from ..core.models.frameworks import Framework
from ..core.models.partners import KIND_NAMES
from ..core.models.year import Year
from ..core.rules.references import PLACEHOLDERS
from ..core.views.toolkit import KSS_FRAMEWORKS, frameworks_in_force
from .answers import long_date, parse_date, parse_times, parse_year, time_range
from .files import write_checked, write_whole
from .prompts import Asker

SERVICE_CHOICES = [("children", "Children and families"), ("adults", "Adults"), ("both", "Both")]
_STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "for", "with", "in", "on", "to", "at", "your", "our", "how"})


class Refused(Exception):
    """An answer given on the command line is not valid (the message says why)."""


def scalar(value: object) -> str:
    """One YAML value, quoted only when it needs to be."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip()
    return text[:-4].strip() if text.endswith("\n...") or text.endswith(" ...") else text.removesuffix("...").strip()


def flow(values: list[str]) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def parse_session(text: str) -> tuple[dt.datetime, dt.datetime]:
    """``14/04/2027 9.30am-12.30pm`` (or ``2027-04-14 09:30-12:30``): a day and its start and end times."""
    found = re.match(
        r"^\s*(?P<day>.*?\d.*?)\s+(?P<times>\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:-|–|—|to|until|till)\s*.+)$", text, re.I
    )
    if not found:
        raise ValueError(f"'{text}' is not a day and its times; write it like '14/04/2027 9:30-16:30'.")
    day = parse_date(found.group("day"))
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


def financial_year(day: dt.date) -> Year:
    return Year.of(day)


@dataclass
class EventDraft:
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
        return "\n".join(_align(line) for line in lines) + "\n"


def _align(line: str, column: int = 34) -> str:
    """Line trailing ``#`` comments up in one column (values containing '  #' are left alone)."""
    value, marker, comment = line.partition("  # ")
    if not marker or line.lstrip().startswith("#"):
        return line
    return f"{value.rstrip():<{column - 1}} # {comment.strip()}"


def _event_choices(dataset: Dataset) -> dict[str, list[tuple[str, str]]]:
    return {
        "type": list(TYPE_NAMES.items()),
        "format": list(FORMAT_NAMES.items()),
        "stage": [(s.id, s.name) for s in dataset.pathways],
        "partner": [(p.id, p.name) for p in dataset.partners] + [("other", "An organisation outside the partnership")],
    }


def _items(dataset: Dataset, framework_id: str) -> list[tuple[str, str]]:
    framework = dataset.frameworks[framework_id]
    short = framework.short_name or framework.id.upper()
    return [
        (f"{framework.id}:{item.id}", f"{short} {item.number} {item.title}" if item.number is not None else f"{short} {item.title}")
        for item in framework.items
    ]


def _not_in_force(dataset: Dataset, framework: Framework, day: dt.date) -> str:
    """Why ``framework`` cannot be used for an event on ``day``, and what to use instead."""
    if framework.ends and day > framework.ends:
        successor = dataset.frameworks.get(framework.replaced_by or "")
        instead = f"; use {successor.id} ({successor.name}) instead" if successor else ""
        return f"{framework.id} ({framework.name}) applies only until {framework.ends}{instead}."
    return f"{framework.id} ({framework.name}) applies only from {framework.starts}."


def _from_arguments(args: argparse.Namespace, dataset: Dataset) -> EventDraft:
    """An event drafted entirely from command-line options (for --yes)."""
    choices = _event_choices(dataset)
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

    draft = EventDraft(title=args.title, summary=args.summary, description=args.description)
    draft.type = one_of("type", args.type.lower(), choices["type"])
    draft.format = one_of("format", args.format.lower(), choices["format"])
    if args.provider:
        draft.provider = one_of("provider", args.provider, choices["partner"][:-1])
    draft.provider_name = args.provider_name
    draft.audience = [one_of("audience", s.strip().lower(), choices["stage"]) for s in args.audience.split(",")]
    services = [s.strip().lower() for s in args.services.split(",")]
    draft.services = ["children", "adults"] if services == ["both"] else [one_of("services", s, SERVICE_CHOICES[:2]) for s in services]
    draft.venue = args.venue
    for session in args.session or []:
        try:
            draft.sessions.append(parse_session(session))
        except ValueError as error:
            raise Refused(f"--session {session!r}: {error} Write it like '14/04/2027 9:30-16:30'.") from None
    for name in ("booking",):
        value = getattr(args, name)
        if value and check_url(value):
            raise Refused(f"--booking: {check_url(value)}")
    draft.booking = args.booking
    draft.capacity, draft.cpd_hours, draft.cost = args.capacity, args.hours, args.cost
    day = min((start for start, _ in draft.sessions), default=None)
    for ref in (args.frameworks or "").split(","):
        if ref.strip():
            found = dataset.refs.resolve(ref.strip())
            if found is None:
                raise Refused(f"--frameworks: {dataset.refs.explain(ref.strip())}")
            if day is not None and not found.framework.applies_on(day.date()):
                raise Refused(f"--frameworks: {ref.strip()}: {_not_in_force(dataset, found.framework, day.date())}")
            draft.frameworks.append(ref.strip())
    draft.tags = [t.strip() for t in (args.tags or "").split(",") if t.strip()]
    return draft


def _sessions(ask: Asker, now: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
    """The event's sessions; all of them in the past is asked about (the event would go straight to the archive)."""
    while True:
        ask.say("\nSessions, in UK local time.")
        sessions = []
        while True:
            day = ask.value("Date of the session (like 14/04/2027)", parse_date, echo=long_date)
            start, end = ask.value("Start and end time (like 9:30-16:30 or 9.30am-12.30pm)", parse_times, echo=lambda t: time_range(*t))
            sessions.append((dt.datetime.combine(day, start), dt.datetime.combine(day, end)))
            if not ask.yes("Add another session?"):
                break
        last = max(end for _, end in sessions)
        if last >= now.replace(tzinfo=None):
            return sessions
        ask.say(
            f"  Every session is in the past (today is {long_date(now.date())}), so the event would go straight to the "
            "past events, not the catalogue. Is the year right?"
        )
        if ask.yes("Keep these dates anyway?"):
            return sessions


def _interview(ask: Asker, dataset: Dataset, now: dt.datetime) -> EventDraft:
    choices = _event_choices(dataset)
    draft = EventDraft()
    ask.say("A new CPD event. Press Ctrl+C at any time to stop; nothing is written until the end.\n")
    draft.title = ask.text("Title") or ""
    draft.summary = ask.text("One line about it, for listings", required=False)
    draft.description = ask.lines("\nWhat will people do and learn? A few sentences for the event's page")
    draft.type = ask.choose("\nWhat type of event is it?", choices["type"])
    provider = ask.choose("\nWho runs it?", choices["partner"])
    if provider == "other":
        draft.provider_name = ask.text("The organisation's name")
    else:
        draft.provider = provider
    draft.audience = ask.choose_many("\nWhich career stages is it for?", choices["stage"])
    services = ask.choose("\nFor which services?", SERVICE_CHOICES)
    draft.services = ["children", "adults"] if services == "both" else [services]
    draft.format = ask.choose("\nHow is it delivered?", choices["format"])
    if draft.format in ("in-person", "hybrid"):
        draft.venue = ask.text("Where? (the venue, with its address)")
    if draft.format != "self-paced":
        draft.sessions = _sessions(ask, now)
    else:
        draft.cpd_hours = ask.text("How many hours of CPD is it?", check=check_number)
    draft.capacity = ask.text(
        "\nHow many places?", required=False, check=lambda t: None if t.isdigit() and int(t) > 0 else "Write a whole number, like 25."
    )
    draft.booking = ask.text("Where do people book? (a web address)", required=False, check=check_url)
    draft.cost = ask.text("Cost, in words (like 'Free to partner staff')", required=False)
    ask.say("")
    if "pcf" in dataset.frameworks:
        draft.frameworks += ask.choose_many("Which PCF domains does it help people evidence?", _items(dataset, "pcf"), required=False)
    # The statements for the event's services that apply on its first day: the child and family KSS
    # until 31 March 2027, then what replaces them (the early career standards).
    day = min((start for start, _ in draft.sessions), default=now.replace(tzinfo=None)).date()
    for framework in frameworks_in_force(dataset, day, KSS_FRAMEWORKS):
        if not framework.services or set(framework.services) & set(draft.services):
            draft.frameworks += ask.choose_many(
                f"\nWhich {framework.short_name or framework.id} {framework.item_name}s?",
                _items(dataset, framework.id),
                required=False,
            )
    if "peps" in dataset.frameworks and "practice-educator" in draft.audience:
        draft.frameworks += ask.choose_many("\nWhich PEPS domains?", _items(dataset, "peps"), required=False)
    tags = ask.text("\nTags, separated by commas (like 'safeguarding, law')", required=False)
    draft.tags = [t.strip() for t in (tags or "").split(",") if t.strip()]
    return draft


def new_event(args: argparse.Namespace, root: Path, ask: Asker) -> int:
    data_dir, content_dir = root / args.data, root / "content"
    dataset = load_dataset(data_dir, content_dir)
    now = clock.now()
    try:
        draft = _from_arguments(args, dataset) if args.yes else _interview(ask, dataset, now)
    except Refused as error:
        ask.say(f"Not written: {error}")
        return 1
    today = now.date()
    first = min((s for s, _ in draft.sessions), default=None)
    stem = short_id(draft.title, first)
    event_id, n = stem, 2
    while event_id in dataset.event_by_id:
        event_id, n = f"{stem}-{n}", n + 1
    if args.yes and args.id:
        problem = check_id(dataset)(args.id)
        if problem:
            ask.say(f"Not written: --id: {problem}")
            return 1
        event_id = args.id
    elif not args.yes:
        ask.say(f"\nIts web address will be /events/{event_id}/.")
        event_id = ask.text("Press Enter to keep it, or type another", default=event_id, check=check_id(dataset)) or event_id
    folder = data_dir / "events" / financial_year(first.date() if first else today)
    path = folder / f"{event_id}.yml"
    depth = len(path.relative_to(data_dir).parts)
    text = draft.yaml(event_id, today, depth)
    if not args.yes:
        ask.say("\n" + text)
        if not ask.yes(f"Write this to {path.relative_to(root)}?", default=True):
            ask.say("Nothing was written.")
            return 1
    problems = write_checked(path, text, data_dir, content_dir)
    if problems:
        ask.say("Not written, because the data would have these problems:\n" + "\n".join(problems))
        return 1
    ask.say(f"Wrote {path.relative_to(root)}. It will be published at /events/{event_id}/.")
    ask.say("See it now with: python3 build.py serve")
    return 0


def new_partner(args: argparse.Namespace, root: Path, ask: Asker) -> int:
    data_dir, content_dir = root / args.data, root / "content"
    dataset = load_dataset(data_dir, content_dir)
    kinds = list(KIND_NAMES.items())
    tiers = [("primary", "Primary"), ("secondary", "Secondary"), ("associate", "Associate")]
    if args.yes:
        missing = [n for n in ("name", "kind", "tier", "services") if not getattr(args, n)]
        if missing:
            ask.say("Not written: missing: " + ", ".join(f"--{m}" for m in missing))
            return 1
        name, kind, tier = args.name, args.kind, args.tier
        services = ["children", "adults"] if args.services == "both" else [s.strip() for s in args.services.split(",")]
    else:
        name = ask.text("The organisation's name") or ""
        kind = ask.choose("\nWhat kind of organisation is it?", kinds)
        tier = ask.choose("\nWhich membership tier?", tiers)
        chosen = ask.choose("\nWhich services?", SERVICE_CHOICES)
        services = ["children", "adults"] if chosen == "both" else [chosen]
    partner_id = args.id or slugify(name)
    if partner_id in dataset.partner_by_id:
        ask.say(f"Not written: the id {partner_id!r} is already a partner's; give another with --id.")
        return 1
    block = f"\n- id: {partner_id}\n  name: {scalar(name)}\n  kind: {kind}\n  tier: {tier}\n  services: {flow(services)}\n"
    path = data_dir / "partners.yml"
    problems = write_checked(path, block, data_dir, content_dir, append=True)
    if problems:
        ask.say("Not written, because the data would have these problems:\n" + "\n".join(problems))
        return 1
    ask.say(f"Added {name} to {path.relative_to(root)} as '{partner_id}'. Events and attendance files can now use that id.")
    return 0


def _new_report_year(dataset: Dataset) -> Callable[[str], Year]:
    def read(text: str) -> Year:
        year = parse_year(text)
        if dataset.report(year):
            taken = ", ".join(r.year for r in sorted(dataset.reports, key=lambda r: r.year))
            raise ValueError(
                f"There is a report for {year} already (data/reports/{year}.yml); reports so far: {taken}. Choose another year."
            )
        return year

    return read


NARRATIVE = f"""### Objectives

-

### What we did



### Impact



> "{PLACEHOLDERS[2]}"
> — {PLACEHOLDERS[3]}

### What did not go well


"""

PART_PROMPTS = {
    "foreword": "a short foreword from the chair of the board: the year in a few sentences, and thanks.",
    "executive_summary": "the year's strengths in a short list, and what the board is asked to agree (the recommendations follow it).",
    "governance": "how the partnership is governed: the boards, how often they meet, and the member organisations.",
    "method": "how the year was evaluated: where the figures come from, how they were checked, and their limits.",
    "risks": "the challenges and risks for the coming year, and what is being done about each.",
    "future": "what the partnership means to do next.",
    "glossary": "the abbreviations the report uses, as a list: **ASYE**: Assessed and Supported Year in Employment.",
}
"""What each optional part of a report holds, as the placeholder ``new report`` writes in its file."""


def new_report(args: argparse.Namespace, root: Path, ask: Asker) -> int:
    data_dir, content_dir = root / args.data, root / "content"
    dataset = load_dataset(data_dir, content_dir)
    if args.yes:
        try:
            year = parse_year(args.year or "")
        except ValueError as error:
            ask.say(f"Not written: --year: {error}")
            return 1
        if dataset.report(year):
            ask.say(f"Not written: data/reports/{year}.yml already exists.")
            return 1
    else:
        year = ask.value("Which year does it report on? (like 2026-27)", _new_report_year(dataset), default=args.year)
    years = sorted({y for area in dataset.metrics.values() for m in area.measures for y in m.values})
    baseline = args.baseline or (years[0] if years and years[0] <= year else year)
    # sections in the order the latest report has them, then any areas it did not use
    latest = [s.metrics for s in dataset.reports[0].sections if s.metrics] if dataset.reports else []
    areas = [dataset.metrics[a] for a in latest if a in dataset.metrics]
    areas += [area for key, area in dataset.metrics.items() if key not in latest]
    start = year.start
    title = args.title or f"{year} Progress Report"
    lines = [
        "# yaml-language-server: $schema=../../schema/report.schema.json",
        f"# The {year} annual progress report. Written by 'python3 build.py new report'.",
        f"# Each section's narrative is a Markdown file under content/reports/{year}/.",
        "",
        f"year: {year}",
        f"title: {scalar(title)}",
        f"period: {{start: {start}-04-01, end: {start + 1}-03-31}}   # April to March; change if yours differs",
        f"baseline: {baseline}                 # the first year shown in every measure table",
        "# draft: shown only in the preview (python3 build.py serve), with a Draft banner. Change it to",
        "# published once the board has approved the report and every placeholder is replaced.",
        "status: draft",
        "summary: >-",
        f"  {PLACEHOLDERS[0]}",
        "# The report's parts, each a Markdown file under content/ (delete a line to leave that part out).",
        f"introduction: reports/{year}/introduction.md",
    ]
    narratives = {f"reports/{year}/introduction.md": f"{PLACEHOLDERS[1]}: what the year was about, in a few paragraphs.\n"}
    for part, prompt in PART_PROMPTS.items():
        lines.append(f"{part}: reports/{year}/{part.replace('_', '-')}.md")
        narratives[f"reports/{year}/{part.replace('_', '-')}.md"] = f"{PLACEHOLDERS[4]}: {prompt}\n"
    lines.append("sections:")
    for area in areas:
        lines.append(f"  - title: {scalar(area.title)}")
        lines.append(f"    content: reports/{year}/{area.area}.md")
        lines.append(f"    metrics: {area.area}")
        narratives[f"reports/{year}/{area.area}.md"] = NARRATIVE
    if f"attendance/{year}.csv" in dataset.attendance:
        lines.append(f"attendance: attendance/{year}.csv")
    for relative, text in narratives.items():
        target = content_dir / relative
        if not target.exists():
            write_whole(target, text)
    path = data_dir / "reports" / f"{year}.yml"
    problems = write_checked(path, "\n".join(lines) + "\n", data_dir, content_dir)
    if problems:
        ask.say("Not written, because the data would have these problems:\n" + "\n".join(problems))
        return 1
    ask.say(
        f"Wrote {path.relative_to(root)} as a draft with {len(areas)} sections, and a Markdown file for each part and each "
        f"section's narrative in content/reports/{year}/. The preview shows it; once every placeholder is replaced, "
        f"'status: published' publishes it at /reports/{year}/."
    )
    return 0


def add_arguments(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``new`` command and its three kinds."""
    new = commands.add_parser(
        "new",
        help="write a new event, report or partner, asking what it needs",
        description="Write a new data file, asking questions and checking each answer.",
    )
    kinds = new.add_subparsers(dest="what", metavar="kind", required=True)

    event = kinds.add_parser("event", help="a new CPD event", description="Write a new event file. Without --yes, asks for each answer.")
    for flag, text in [
        ("--title", "the event's title"),
        ("--summary", "one line for listings"),
        ("--description", "Markdown text"),
        ("--type", "workshop, course, …"),
        ("--provider", "a partner id"),
        ("--provider-name", "an outside organisation"),
        ("--audience", "career stage ids, separated by commas"),
        ("--services", "children, adults or both"),
        ("--format", "in-person, online, hybrid or self-paced"),
        ("--venue", "where, for in-person and hybrid events"),
        ("--hours", "CPD hours"),
        ("--capacity", "places"),
        ("--booking", "booking web address"),
        ("--cost", "cost in words"),
        ("--frameworks", "framework:item references, separated by commas"),
        ("--tags", "tags, separated by commas"),
        ("--id", "its web address, /events/<id>/ (made from the title and month if left out)"),
    ]:
        event.add_argument(flag, help=text)
    event.add_argument(
        "--session", action="append", help="'14/04/2027 9:30-16:30' (or 2027-04-14 09:30-16:30); repeat for several sessions"
    )
    partner = kinds.add_parser("partner", help="a new partner organisation", description="Add a partner to partners.yml.")
    for flag, text in [
        ("--id", "lower-case id (made from the name if left out)"),
        ("--name", "the organisation's name"),
        ("--kind", ", ".join(KIND_NAMES)),
        ("--tier", "primary, secondary or associate"),
        ("--services", "children, adults or both"),
    ]:
        partner.add_argument(flag, help=text)
    report = kinds.add_parser(
        "report",
        help="a new annual report, with a narrative file per section",
        description="Write a new report file and Markdown files for its narratives.",
    )
    report.add_argument("--year", help="the year it reports on, like 2026-27")
    report.add_argument("--title", help="its title")
    report.add_argument("--baseline", help="the first year of its tables")
    for sub in (event, partner, report):
        sub.add_argument("--yes", action="store_true", help="ask nothing: take every answer from the options")
        sub.add_argument("--data", default="data", help="the data folder (default: data)")


__all__ = ["add_arguments", "new_event", "new_partner", "new_report"]
