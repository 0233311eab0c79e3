"""The toolkit's Excel workbooks: the PCF evidence mapping grid and the ASYE standards grid."""

from __future__ import annotations

import datetime as dt
import re

from ...models.site import Site
from ...views.toolkit import EVIDENCE_SOURCES, JUDGEMENTS, Toolkit
from . import excel
from .common import handover_note, item_name, standards_text
from .excel import Detail

SOURCE_WIDTH = 18


def _table_name(prefix: str, text: str) -> str:
    """An Excel table name: letters and digits only."""
    return prefix + re.sub(r"[^A-Za-z0-9]", "", text.title())


def evidence_grid(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    pcf = kit.pcf
    book = excel.GridBook("PCF evidence mapping grid", site, when, JUDGEMENTS)
    book.cover(
        [
            Detail("Student", "The student's full name", repeated=True),
            Detail("Practice educator", "The practice educator's name", repeated=True),
            Detail("University", "The student's university"),
            Detail("Placement", "The agency and team"),
            Detail("Level", "The level the placement is judged at: use that level's sheet"),
            Detail("First day", "The placement's first day"),
        ],
        [
            f"{site.name}: PCF evidence mapping grid.",
            "There is a sheet for each level. Use the one for the level your student is working at, and for each domain "
            "note where the evidence is: which direct observation, which piece of feedback, which supervision record.",
            f"In the last column choose a judgement from the list: {', '.join(JUDGEMENTS)}. Judge the student's capability "
            "as a whole: the grid shows where evidence is thin, it is not a checklist.",
            "When printed, each page shows the form, the level and the partnership at the top, the student's and "
            "practice educator's names (typed once above) in the first row, and the page number at the foot.",
            f"The domains and descriptions come from the {pcf.name} ({pcf.owner}, {pcf.version}), in the partnership's "
            f"own words: {pcf.url}",
            f"Questions: the {site.short_name} central team, {site.contact_email}.",
        ],
    )
    for level in kit.levels:
        book.grid(
            level.short_name or level.name,
            level.name,
            _table_name("Evidence", level.id),
            ["Domain", f"What it looks like at the {level.short_name or level.name} level", *EVIDENCE_SOURCES, "Holistic judgement"],
            [[item_name(item), item.descriptors.get(level.id, "")] for item in pcf.items],
            (24, 36, *(SOURCE_WIDTH for _ in EVIDENCE_SOURCES), 18),
        )
    return book.to_bytes()


def asye_grid(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    standards = standards_text(kit.kss)
    book = excel.GridBook("ASYE standards grid", site, when, JUDGEMENTS)
    item_names = sorted({f"{f.item_name}s" for f in kit.kss})
    notes = [
        f"{site.name}: a grid of {standards} for the Assessed and Supported Year in Employment, each against the sources of evidence.",
        f"There is a sheet for each set of standards: use the one for the newly qualified social worker's service. For "
        f"each of its {' and '.join(item_names)}, note where the evidence is, then choose a judgement from the list in "
        "the last column. Use the PCF evidence mapping grid's ASYE sheet for the PCF.",
        f"The {' and '.join(item_names)} are summarised in the partnership's own words; the full text is published by "
        f"the owners: {'; '.join(f'{f.name} ({f.owner}): {f.url}' for f in kit.kss)}.",
    ]
    note = handover_note(kit)
    if note:
        notes.append(note)
    notes.append(f"Questions: the {site.short_name} central team, {site.contact_email}.")
    book.cover(
        [
            Detail("Newly qualified social worker", "Their full name", repeated=True),
            Detail("ASYE assessor", "The assessor's name", repeated=True),
            Detail("Employer", "The employer and team"),
            Detail("Service", "Children's or adults' services: use that service's sheet"),
            Detail("First day in post", "The first day of the ASYE"),
        ],
        notes,
    )
    for framework in kit.kss:
        book.grid(
            framework.short_name or framework.name,
            f"{framework.short_name or framework.name} (ASYE)",
            _table_name("Asye", framework.id),
            [framework.item_name.capitalize(), "In brief", *EVIDENCE_SOURCES, "Judgement"],
            [[item_name(item), item.summary or ""] for item in framework.items],
            (28, 40, *(SOURCE_WIDTH for _ in EVIDENCE_SOURCES), 18),
        )
    return book.to_bytes()
