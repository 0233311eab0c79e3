"""The toolkit's guides in Word: the PCF level guide and the progression grid.

The level guide says how to use the toolkit and judge as a whole, lists
the files in the order a placement uses them, and gives the domains at
each level the toolkit covers. The progression grid has one A4 landscape
page per domain with the levels side by side (readiness, first placement,
last placement, ASYE in the example), and a row for notes on the student.
The PDF level guide (``toolkit_guide_pdf.html``) has the same parts.
"""

from __future__ import annotations

import datetime as dt

from ...models.site import Site
from ...present.toolkit import PHASES, downloads
from ...views.toolkit import Toolkit
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


def level_guide(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
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
    form.heading("The files, in the order a placement uses them", 2)
    phases = {phase.id: phase.title for phase in PHASES}
    form.table(
        ["When", "File", "What it is for"],
        [[phases[d.phase], Label(d.title), d.description] for d in downloads(kit)],
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
    for level in kit.levels:
        form.heading(level.name, 1, new_page=True)
        if level.summary:
            form.text(level.summary, keep_with_next=True)
        rows: list[list[Cell]] = [
            [Label(item_name(item)), item.descriptors.get(level.id) or f"See the full framework: {pcf.url}"] for item in pcf.items
        ]
        form.table(["Domain", f"What it looks like at the {level_name(level)} level"], rows, f"The domains at {level.name}", (5.0, 12.0))
    form.text(f"The progression grid shows each domain across these levels side by side. {contact(site)}")
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
    width = 22.2 / len(kit.levels)
    for item in pcf.items:
        form.heading(item_name(item), 1, new_page=True)
        about = " ".join(part for part in (f"{item.group}." if item.group else "", item.summary or "") if part)
        if about:
            form.text(about, keep_with_next=True)
        rows: list[list[Cell]] = [
            [Label("What it looks like"), *(item.descriptors.get(level.id) or "See the full framework" for level in kit.levels)],
            [Label("Notes on the student"), *(Ask("Notes", lines=9) for _ in kit.levels)],
        ]
        form.table(
            ["At each level", *(level.name for level in kit.levels)],
            rows,
            f"{item_name(item)} from {level_name(kit.levels[0])} to {level_name(kit.levels[-1])}",
            (3.5, *(width for _ in kit.levels)),
        )
        if item.evidence:
            form.text("Evidence that can show it, at any level:", keep_with_next=True)
            form.bullets(item.evidence)
    form.text(contact(site))
    return form.to_bytes(when)
