"""The toolkit's Excel workbooks: the PCF evidence mapping grid, the placement days log, and an ASYE grid per version.

Each has an **evidence log** (or a log of days): rows to fill in, one per
piece of evidence (or day), whose counts the other sheets show by formula,
so that a thin column shows at a glance. The descriptors, headings and
formulas are locked; the cells to fill in are open and grow with their text
(:mod:`.excel`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from openpyxl.utils import quote_sheetname

from ...models.frameworks import Framework, Item
from ...models.site import Site
from ...present.format import date
from ...present.toolkit import track_for, track_name
from ...views.toolkit import EVIDENCE_SOURCES, JUDGEMENTS, AsyeTrack, Toolkit
from . import excel
from .common import handover_note, item_name, stage_note
from .excel import Column, Detail, Formula, Value

SOURCE_WIDTH = 18
LOG = "Evidence log"
LOG_ROWS = 150
"""Rows for pieces of evidence in a log: a placement or an ASYE rarely has more; more can be inserted once the sheet is unprotected."""
DAYS = "Days"
DAY_ROWS = 200
"""Rows for days in the days log: a 100-day placement with its absences and closures."""
PLACEMENT_DETAILS = (
    Detail("Student", "The student's full name", repeated=True),
    Detail("Practice educator", "The practice educator's name", repeated=True),
    Detail("University", "The student's university"),
    Detail("Placement", "The agency and team"),
)
"""What a placement's workbooks ask on their cover first."""
DAY_KINDS = ("Placement day", "Skills day", "Study day", "Absence", "Closure or bank holiday")


def _table_name(prefix: str, text: str) -> str:
    """An Excel table name: letters and digits only."""
    return prefix + re.sub(r"[^A-Za-z0-9]", "", text.title())


HEADING_LETTERS = 34
"""The most letters of a log column's sideways heading: longer titles are cut at a word, with "…"."""


def _short(item: Item) -> str:
    """A log column's sideways heading: the item's number and title, cut short at a word if long (the full title is on the grid)."""
    name = item_name(item)
    if len(name) <= HEADING_LETTERS:
        return name
    return name[: HEADING_LETTERS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _log(book: excel.GridBook, items: Sequence[tuple[str, Item]], scope: str) -> dict[str, str]:
    """The evidence log sheet: a row per piece of evidence, and a Yes column per item. Returns each item's column letter, by key."""
    fixed = [
        Column("Date", 13, input=True, dates=True),
        Column("What the evidence is", 40, input=True),
        Column("Source", 22, input=True, choices=(*EVIDENCE_SOURCES, "Other")),
        Column("Where it is kept", 22, input=True),
    ]
    shown = [Column(_short(item), 5.5, input=True, choices=("Yes",), rotated=True, choices_title="Shows it?") for _, item in items]
    book.sheet(LOG, scope, _table_name("Log", scope), [*fixed, *shown], [], empty_rows=LOG_ROWS, row_height=excel.LOG_ROW)
    return excel.yes_columns({key: len(fixed) + index for index, (key, _) in enumerate(items, start=1)})


def _counts(letters: dict[str, str], key: str) -> Formula:
    return excel.count_yes(LOG, letters[key], 3, 2 + LOG_ROWS)


def evidence_grid(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    pcf = kit.pcf
    book = excel.GridBook("PCF evidence mapping grid", site, when)
    book.cover(
        [
            *PLACEMENT_DETAILS,
            Detail("Level", "The level the placement is judged at: use that level's sheet"),
            Detail("First day", "The placement's first day"),
        ],
        [
            f"{site.name}: PCF evidence mapping grid.",
            f"Log each piece of evidence once on the '{LOG}' sheet (a direct observation, a piece of feedback, a supervision "
            "record) and mark Yes under each domain it shows. Each level's sheet counts the pieces for every domain, so a "
            "thin domain shows at a glance.",
            "There is a sheet for each level. Use the one for the level your student is working at: for each domain note "
            "where the evidence is in each source, and choose a judgement from the list in the last column: "
            f"{', '.join(JUDGEMENTS)}. Judge the student's capability as a whole: the grid shows where evidence is thin, it "
            "is not a checklist.",
            "The pale yellow cells are for you to fill in, and their rows grow with what you type. The descriptions, "
            "headings and counts are protected so that they are not typed over by mistake (Review > Unprotect Sheet, no "
            "password, if you must change them).",
            "When printed, each page shows the form, the level and the partnership at the top, the student's and "
            "practice educator's names (typed once above) in the first row, and the page number at the foot.",
            f"The domains and descriptions come from the {pcf.name} ({pcf.owner}, {pcf.version}), in the partnership's "
            f"own words: {pcf.url}",
            f"Questions: the {site.short_name} central team, {site.contact_email}.",
        ],
    )
    letters = _log(book, [(item.id, item) for item in pcf.items], "PCF")
    columns = [
        Column("Domain", 24),
        Column("What it looks like", 36),
        Column("Pieces in the evidence log", 12),
        *(Column(source, SOURCE_WIDTH, input=True) for source in EVIDENCE_SOURCES),
        Column("Holistic judgement", 18, input=True, choices=JUDGEMENTS, choices_title="Judgement"),
    ]
    for level in kit.levels:
        columns[1] = Column(f"What it looks like at the {level.short_name or level.name} level", 36)
        rows: list[list[Value]] = [[item_name(item), item.descriptors.get(level.id, ""), _counts(letters, item.id)] for item in pcf.items]
        book.sheet(level.short_name or level.name, level.name, _table_name("Evidence", level.id), columns, rows)
    book.workbook.move_sheet(LOG, offset=len(kit.levels))
    return book.to_bytes()


def days_log(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    book = excel.GridBook("Placement days log", site, when)
    course = kit.course
    need = course.practice_learning if course else None
    rule = (
        f"The {course.name} ({course.version}) ask for at least {need.days} days of practice learning over the "
        f"course, up to {need.skills_days} of them skills days, in at least {need.settings} contrasting settings, "
        f"{need.statutory} of them statutory. This log counts one placement's days."
        if course and need
        else "The university's handbook says how many days each placement needs."
    )
    book.cover(
        [
            *PLACEMENT_DETAILS,
            Detail("Level", "First or last placement"),
            Detail("Days this placement needs", "A number, from the university's handbook"),
        ],
        [
            f"{site.name}: placement days log.",
            f"On the '{DAYS}' sheet, add a row for each day: the date, the kind of day, the hours and what was done. The "
            "'Totals' sheet counts them and shows the days still to do. The practice educator (or on-site supervisor) "
            "initials each week, and confirms the total in the final report.",
            rule,
            "The pale yellow cells are for you to fill in; the totals are protected so that they are not typed over by "
            "mistake (Review > Unprotect Sheet, no password).",
            f"Questions: the {site.short_name} central team, {site.contact_email}.",
        ],
    )
    columns = [
        Column("Date", 13, input=True, dates=True),
        Column("Kind of day", 22, input=True, choices=DAY_KINDS),
        Column("Hours", 9, input=True, numbers=True),
        Column("What was done", 48, input=True),
        Column("Confirmed by (initials)", 16, input=True),
    ]
    book.sheet(DAYS, "Each day", "Days", columns, [], empty_rows=DAY_ROWS, row_height=excel.LOG_ROW)
    kinds = f"{quote_sheetname(DAYS)}!$B$3:$B${2 + DAY_ROWS}"
    hours = f"{quote_sheetname(DAYS)}!$C$3:$C${2 + DAY_ROWS}"
    done = f'COUNTIF({kinds},"Placement day")+COUNTIF({kinds},"Skills day")'
    needed = book.cover_value("Days this placement needs").text
    totals: list[list[Value]] = [
        ["Placement days completed", Formula(f'COUNTIF({kinds},"Placement day")')],
        ["Skills days completed", Formula(f'COUNTIF({kinds},"Skills day")')],
        ["Days of practice learning completed", Formula(done)],
        ["Days this placement needs (from the cover)", Formula(needed)],
        ["Days still to do", Formula(f"MAX(0,{needed}-({done}))")],
        ["Days of absence", Formula(f'COUNTIF({kinds},"Absence")')],
        ["Hours recorded", Formula(f"SUM({hours})")],
    ]
    book.sheet("Totals", "Totals", "Totals", [Column("Total", 44), Column("Days or hours", 16)], totals, growing=False)
    return book.to_bytes()


def _standards_rows(framework: Framework, letters: dict[str, str]) -> list[list[Value]]:
    return [[item_name(item), item.summary or "", _counts(letters, f"{framework.id}:{item.id}")] for item in framework.items]


def asye_grid(kit: Toolkit, site: Site, when: dt.datetime, track: AsyeTrack) -> bytes:
    level = kit.asye
    assert level is not None, "the ASYE grid is made only when the toolkit covers the ASYE level"
    framework = track.framework
    book = excel.GridBook(f"ASYE evidence grid: {track_name(track)}", site, when)
    items = framework.item_name + "s"
    notes = [
        f"{site.name}: an evidence grid for the Assessed and Supported Year in Employment. {track_for(track)}.",
        f"Log each piece of evidence once on the '{LOG}' sheet and mark Yes under each PCF domain and each {framework.item_name} "
        f"it shows. The '{level.short_name or level.name}' sheet (the PCF at the ASYE level) and the "
        f"'{framework.short_name or framework.name}' sheet count the pieces, note where the evidence is, and take a "
        "judgement from the list in the last column.",
        f"The {items} are summarised in the partnership's own words; the full text is published by the owner: "
        f"{framework.name} ({framework.owner}): {framework.url}.",
        "The pale yellow cells are for you to fill in, and their rows grow with what you type. The descriptions, headings "
        "and counts are protected so that they are not typed over by mistake (Review > Unprotect Sheet, no password).",
    ]
    successor = track.successor
    mapped = successor is not None and any(track.mapped(item) for item in framework.items)
    if successor is not None and mapped:
        notes.append(
            f"The '{_mapping_title(successor)}' sheet shows where each {framework.item_name} goes in the {successor.name} "
            f"(from {date(successor.starts) if successor.starts else 'when they apply'}), with the evidence counted "
            "for each of their areas, so that nothing gathered is lost at the change."
        )
    for note in (handover_note(kit), stage_note(kit)):
        if note:
            notes.append(note)
    notes.append(f"Questions: the {site.short_name} central team, {site.contact_email}.")
    book.cover(
        [
            Detail("Newly qualified social worker", "Their full name", repeated=True),
            Detail("ASYE assessor", "The assessor's name", repeated=True),
            Detail("Employer", "The employer and team"),
            Detail("First day of the ASYE", "The first day of the ASYE"),
        ],
        notes,
    )
    keyed = [(f"pcf:{item.id}", item) for item in kit.domains] + [(f"{framework.id}:{item.id}", item) for item in framework.items]
    letters = _log(book, keyed, track_name(track))
    judged = [
        *(Column(source, SOURCE_WIDTH, input=True) for source in EVIDENCE_SOURCES),
        Column("Judgement", 18, input=True, choices=JUDGEMENTS),
    ]
    pcf_rows: list[list[Value]] = [
        [item_name(item), item.descriptors.get(level.id, ""), _counts(letters, f"pcf:{item.id}")] for item in kit.domains
    ]
    book.sheet(
        level.short_name or level.name,
        f"PCF at {level.name}",
        _table_name("Asye", "pcf"),
        [
            Column("Domain", 24),
            Column(f"What it looks like at the {level.short_name or level.name} level", 36),
            Column("Pieces in the evidence log", 12),
            *judged,
        ],
        pcf_rows,
    )
    book.sheet(
        framework.short_name or framework.name,
        f"{framework.short_name or framework.name} (ASYE)",
        _table_name("Asye", framework.id),
        [Column(framework.item_name.capitalize(), 28), Column("In brief", 40), Column("Pieces in the evidence log", 12), *judged],
        _standards_rows(framework, letters),
    )
    if successor is not None and mapped:
        rows: list[list[Value]] = []
        for target in successor.items:
            sources = [item for item in framework.items if target in track.mapped(item)]
            columns = {letters[f"{framework.id}:{item.id}"] for item in sources}
            rows.append(
                [
                    item_name(target),
                    "; ".join(item_name(item) for item in sources),
                    excel.count_any_yes(LOG, columns, 3, 2 + LOG_ROWS),
                ]
            )
        book.sheet(
            _mapping_title(successor),
            f"Where the {framework.short_name or framework.name} goes",
            _table_name("Into", successor.id),
            [
                Column(f"In the {successor.short_name or successor.name}", 30),
                Column(f"The {items} that go into it (the partnership's mapping)", 48),
                Column("Pieces in the evidence log", 12),
                Column("Notes", 40, input=True),
            ],
            rows,
        )
    book.workbook.move_sheet(LOG, offset=len(book.workbook.worksheets) - 1 - book.workbook.sheetnames.index(LOG))
    return book.to_bytes()


def _mapping_title(successor: Framework) -> str:
    return f"Into {successor.short_name or successor.name}"
