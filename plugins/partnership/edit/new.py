"""``python3 build.py new event | report | partner``: well-commented data files from a few questions.

Each command asks only what it needs, checks every answer against the data
already there (career stages, partners, frameworks), and writes the file
where it belongs only if the whole data folder is valid with it, so that a
file it writes can never leave the data broken. With ``--yes`` it asks
nothing and takes every answer from the command line, for scripts. ``new
event`` is in :mod:`.event`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..core.load import load_dataset
from ..core.models.common import slugify
from ..core.models.dataset import Dataset
from ..core.models.partners import KIND_NAMES
from ..core.models.year import Year
from ..core.rules.references import PLACEHOLDERS
from .answers import parse_year
from .event import SERVICE_CHOICES, SERVICE_WORDS, new_event
from .files import write_checked, write_whole
from .prompts import Asker
from .yamltext import flow, scalar


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
        services = ask.choose_many("\nWhich services? (one, or both)", SERVICE_CHOICES, aliases=SERVICE_WORDS)
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


__all__ = ["new_event", "new_partner", "new_report"]
