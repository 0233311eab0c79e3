"""The toolkit's guides in Word: the PCF level guide and the progression grid.

The level guide says how to use the toolkit and how to judge as a whole
(what each judgement means, and how a domain only partly evidenced squares
with a pass), what each level asks overall, lists the files in the order a
placement uses them, gives a landscape page per domain with the levels side
by side, and then the domains level by level: the same parts as the PDF
level guide (``toolkit_guide_pdf.html``), which reads the same constants.
The progression grid has one A4 landscape page per domain with the levels
side by side and a row for notes on the student.
"""

from __future__ import annotations

import datetime as dt

from ...models.frameworks import Framework, Item, Level
from ...models.site import Site
from ...present.toolkit import PHASES, Download
from ...views.toolkit import JUDGEMENT_MEANINGS, JUDGEMENTS, PLACEMENT_OUTCOME_MEANINGS, PLACEMENT_OUTCOMES, Toolkit
from .common import contact, item_name, level_name
from .word import Ask, Cell, Label, WordForm

HOW_TO_USE = (
    "Before the placement, read the level the student is working towards and the level before it: together they say "
    "where the student starts from and where they need to get to.",
    "At the learning agreement, agree which pieces of work will give the student the chance to show each domain.",
    "At the midway review and in the final report, judge the student's practice as a whole against the level.",
)
AS_A_WHOLE = (
    "The domains describe one whole practitioner. A student meets a level when their practice, taken together, shows "
    "it, not when every domain holds the same amount of evidence. One piece of work usually shows several domains. "
    "Where the evidence for a domain is thin, look for chances to gather more rather than counting pieces of paper; "
    "where it points the wrong way, say so early and record it."
)
JUDGING = (
    "A domain that is only partly evidenced at the end does not stop a pass when the student's practice as a whole meets "
    "the level: say in the holistic assessment why the gap does not outweigh the rest, and carry it into what to work on "
    "next.",
    "A domain not yet evidenced at the end needs an explanation. If the placement gave no chance to show it, say so and how "
    "the gap will be closed; if the student had the chance and did not show it, a pass is hard to justify: consider refer, "
    "extension or fail.",
    "A serious concern about safety, honesty or values can outweigh good evidence elsewhere. Raise it as soon as it arises "
    "(the cause for concern record), and explain it in the final report.",
    "Progress matters as well as the end point: a student who started below the level and reached it has met it; a student "
    "whose practice has fallen back has not.",
    "A stage 1 practice educator, or one in training, does not make the final assessment alone: a stage 2 mentor reads the "
    "evidence and countersigns the recommendation.",
)
"""How to reach a judgement the assessment panel can follow, in the partnership's words."""


def judgement_lines() -> list[str]:
    """What each judgement and each recommendation means, for the guides."""
    return [f"{name}: {JUDGEMENT_MEANINGS[name]}." for name in reversed(JUDGEMENTS)] + [
        f"{name} (the recommendation): {PLACEMENT_OUTCOME_MEANINGS[name]}." for name in PLACEMENT_OUTCOMES
    ]


def _progression_page(form: WordForm, pcf: Framework, levels: tuple[Level, ...], item: Item, *, first: bool, notes_lines: int) -> None:
    """One domain with the levels side by side, on a landscape page of its own."""
    form.heading(item_name(item), 1, new_page=not first)
    about = " ".join(part for part in (f"{item.group}." if item.group else "", item.summary or "") if part)
    if about:
        form.text(about, keep_with_next=True)
    width = 22.2 / len(levels)
    rows: list[list[Cell]] = [
        [Label("What it looks like"), *(item.descriptors.get(level.id) or f"See the full framework: {pcf.url}" for level in levels)],
        [Label("Notes on the student"), *(Ask("Notes", lines=notes_lines) for _ in levels)],
    ]
    form.table(
        ["At each level", *(level.name for level in levels)],
        rows,
        f"{item_name(item)} from {level_name(levels[0])} to {level_name(levels[-1])}",
        (3.5, *(width for _ in levels)),
    )
    if item.evidence:
        form.text("Evidence that can show it, at any level:", keep_with_next=True)
        form.bullets(item.evidence)


def level_guide(kit: Toolkit, offered: tuple[Download, ...], site: Site, when: dt.datetime) -> bytes:
    """The level guide in Word; ``offered``: the toolkit's files (:attr:`~...present.siteviews.SiteViews.downloads`), which it lists."""
    pcf = kit.pcf
    form = WordForm(
        "PCF level guide for practice educators",
        site,
        "The Professional Capabilities Framework at the levels practice educators assess",
        when,
    )
    levels = ", ".join(level.name for level in kit.levels)
    form.text(
        f"What each of the {len(pcf.items)} domains of the {pcf.name} looks like at these levels: {levels}. "
        f"The descriptions are the {site.short_name}'s own short guide; the full framework is published by its owner "
        f"({pcf.owner}) at {pcf.url}."
    )
    form.heading("How to use this guide", 1)
    form.bullets(HOW_TO_USE)
    form.heading("Judging as a whole", 2)
    form.text(AS_A_WHOLE)
    form.bullets(JUDGING)
    form.heading("What the judgements and recommendations mean", 2)
    form.bullets(judgement_lines())
    form.heading("What each level asks overall", 2)
    form.table(
        ["Level", "What it asks as a whole", "When and by whom it is judged"],
        [[Label(level.name), level.overall or "", level.summary or ""] for level in kit.levels],
        "What each level asks overall",
        (4.0, 8.0, 5.0),
    )
    form.heading("The files, in the order a placement uses them", 2)
    phases = {phase.id: phase.title for phase in PHASES}
    form.table(
        ["When", "File", "What it is for"],
        [[phases[d.phase], Label(d.title), d.description] for d in offered],
        "The toolkit's files, in the order they are used",
        (3.5, 4.5, 9.0),
    )
    form.heading("The domains", 1, new_page=True)
    form.table(
        ["Domain", "Group", "In brief", "Evidence that can show it"],
        [[Label(item_name(item)), item.group or "", item.summary or "", "; ".join(item.evidence)] for item in pcf.items],
        f"The {len(pcf.items)} domains of the PCF",
        (3.6, 2.0, 5.4, 6.0),
    )
    form.text("Next, a landscape page for each domain shows the levels side by side; then the domains are listed level by level.")
    form.section(landscape=True)
    for index, item in enumerate(pcf.items):
        _progression_page(form, pcf, kit.levels, item, first=index == 0, notes_lines=5)
    form.section(landscape=False)
    for index, level in enumerate(kit.levels):
        form.heading(level.name, 1, new_page=index > 0)
        if level.overall:
            form.text(f"Overall: {level.overall}", keep_with_next=True)
        if level.summary:
            form.text(level.summary, keep_with_next=True)
        rows: list[list[Cell]] = [
            [Label(item_name(item)), item.descriptors.get(level.id) or f"See the full framework: {pcf.url}"] for item in pcf.items
        ]
        form.table(["Domain", f"What it looks like at the {level_name(level)} level"], rows, f"The domains at {level.name}", (5.0, 12.0))
    form.text(f"The progression grid has the pages for each domain with more room for notes. {contact(site)}")
    return form.to_bytes(when)


def progression_grid(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    pcf = kit.pcf
    form = WordForm(
        "PCF progression grid", site, "How each PCF domain builds from one level to the next", when, landscape=True, text_size=12
    )
    names = " → ".join(level_name(level) for level in kit.levels)
    form.text(
        f"A page for each domain, with the levels side by side: {names}. Use it to see where a student starts from and "
        "what the next level asks, and write notes on the student as they move through the levels. The descriptions are the "
        f"{site.short_name}'s own short guide; the full framework is published by its owner ({pcf.owner}) at {pcf.url}."
    )
    form.heading("The levels", 1)
    form.table(
        ["Level", "When and by whom it is judged"],
        [[Label(level.name), level.summary or ""] for level in kit.levels],
        "The levels in this grid",
        (8.0, 17.7),
    )
    form.heading("Using the grid", 1)
    form.bullets(
        [
            "Read across a row to see how a domain grows: each level builds on the one before.",
            "Before a placement, read the column for the level before the placement's: it describes where the student "
            "should be starting from.",
            "At each review, note what you have seen under the level the student is working at.",
        ]
    )
    for item in pcf.items:
        _progression_page(form, pcf, kit.levels, item, first=False, notes_lines=9)
    form.text(contact(site))
    return form.to_bytes(when)
