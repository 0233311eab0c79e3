"""The PCF toolkit's files, built from ``data/frameworks/``.

The level guide (PDF, printed from :func:`level_guide_html`, and Word), the
evidence mapping grid (Excel and Word), the direct observation form and
critical reflection template (Word) and the KSS grid for the ASYE (Excel,
when there are KSS frameworks); :mod:`..writer` adds a zip of them all.
Nothing is a template kept in the repository: change a domain's title in
pcf.yml and every file changes with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...views.toolkit import EVIDENCE_SOURCES, JUDGEMENTS, Toolkit
from ..documents import Documents
from . import excel, word


def _domain(item) -> str:
    return f"{item.number}. {item.title}" if item.number is not None else item.title


def level_guide_docx(ctx: Documents, kit: Toolkit) -> bytes:
    site, pcf = ctx.dataset.site, kit.pcf
    document = word.new_document(
        "PCF level guide for practice educators",
        site.name,
        "The Professional Capabilities Framework at the levels practice educators assess",
        ctx.now,
    )
    levels = ", ".join(level.name for level in kit.levels)
    document.add_paragraph(
        f"What each of the {len(pcf.items)} domains of the {pcf.name} looks like at these levels: {levels}. "
        f"The descriptions are the {site.short_name}'s own short guide; the full framework is published by "
        f"{pcf.owner} at {pcf.url}."
    )
    document.add_paragraph(
        "Use it with your student at the learning agreement to agree what they need to show, and at the "
        "midway review and final report to judge their progress as a whole, not domain by domain."
    )
    document.add_heading("The domains", level=1)
    word.table(
        document,
        ["Domain", "Group", "In brief"],
        [[_domain(item), item.group or "", item.summary or ""] for item in pcf.items],
        caption=f"The {len(pcf.items)} domains of the PCF",
        widths=(5.0, 2.5, 9.5),
    )
    for level in kit.levels:
        document.add_heading(level.name, level=1)
        rows = [[_domain(item), item.descriptors.get(level.id) or f"See the full framework: {pcf.url}"] for item in pcf.items]
        word.table(
            document,
            ["Domain", f"What it looks like at {level.short_name or level.name}"],
            rows,
            caption=f"The domains at {level.name}",
            widths=(5.0, 12.0),
        )
    return word.to_bytes(document, ctx.now)


def level_guide_html(ctx: Documents, kit: Toolkit) -> str:
    """The level guide as an HTML document to print (the PDF is made from it)."""
    return ctx.document("toolkit_guide_pdf.html", kit=kit)


def evidence_grid_xlsx(ctx: Documents, kit: Toolkit) -> bytes:
    site, pcf = ctx.dataset.site, kit.pcf
    book = excel.new_workbook("PCF evidence mapping grid", site.name, ctx.now)
    excel.notes_sheet(
        book,
        "How to use",
        [
            f"{site.name}: PCF evidence mapping grid.",
            "There is a sheet for each level. Find the level your student is working at, and for each domain note "
            "where the evidence is: which direct observation, which piece of feedback, which supervision record.",
            f"In the last column choose a judgement from the list: {', '.join(JUDGEMENTS)}. Judge the student's "
            "capability as a whole: the grid shows where evidence is thin, it is not a checklist.",
            f"The domains and descriptions come from the {pcf.name} ({pcf.owner}, {pcf.version}): {pcf.url}",
        ],
    )
    for level in kit.levels:
        header = ["Domain", "What it looks like at this level", *EVIDENCE_SOURCES, "Holistic judgement"]
        rows = [[_domain(item), item.descriptors.get(level.id, "")] for item in pcf.items]
        excel.grid_sheet(
            book,
            level.short_name or level.name,
            "Evidence" + re.sub(r"[^A-Za-z0-9]", "", level.id.title()),
            header,
            rows,
            JUDGEMENTS,
            widths=(28, 40, 22, 22, 22, 22, 22, 20),
        )
    return excel.to_bytes(book, ctx.now)


def evidence_grid_docx(ctx: Documents, kit: Toolkit) -> bytes:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    site, pcf = ctx.dataset.site, kit.pcf
    document = word.new_document("PCF evidence mapping grid", site.name, "Where the evidence for each PCF domain is", ctx.now)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    document.add_paragraph(
        "For each domain, note where the evidence is in each source, then make a holistic judgement: " + ", ".join(JUDGEMENTS) + "."
    )
    document.add_heading("Who and when", level=1)
    word.form(document, ["Student", "Practice educator", "Level", "Date"], caption="Who and when")
    document.add_heading("Evidence for each domain", level=1)
    header = ["Domain", *EVIDENCE_SOURCES, "Holistic judgement"]
    rows = [[_domain(item), *([None] * (len(header) - 1))] for item in pcf.items]
    word.table(document, header, rows, caption="Evidence for each PCF domain", widths=(4.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5), lines=2)
    return word.to_bytes(document, ctx.now)


def direct_observation_docx(ctx: Documents, kit: Toolkit) -> bytes:
    site, pcf = ctx.dataset.site, kit.pcf
    document = word.new_document(
        "Direct observation form", site.name, "Recording a direct observation of practice against the PCF", ctx.now
    )
    document.add_paragraph(
        "Complete one form for each observed piece of practice. Agree the observation with the student and the "
        "person using services beforehand, and give feedback as soon as you can afterwards."
    )
    document.add_heading("About the observation", level=1)
    word.form(
        document,
        [
            "Student",
            "Practice educator or observer",
            "Date",
            "Setting",
            "What the work was",
            "How the person's consent was gained",
            "Level the student is working at",
        ],
        caption="About the observation",
    )
    document.add_heading("The student's plan", level=1)
    word.table(
        document,
        ["Question", "The student's answer"],
        [
            ["What do you plan to do, and why?", None],
            ["Which domains do you hope to show?", None],
            ["What might be difficult?", None],
        ],
        caption="The student's plan before the observation",
        widths=(6.0, 11.0),
    )
    document.add_heading("What was observed", level=1)
    word.table(
        document,
        ["Domain", "What was observed"],
        [[_domain(item), None] for item in pcf.items],
        caption="What was observed, by PCF domain",
        widths=(5.0, 12.0),
    )
    document.add_heading("Feedback and reflection", level=1)
    word.table(
        document,
        ["Part", "Notes"],
        [
            ["The practice educator's feedback: strengths", None],
            ["The practice educator's feedback: areas to develop", None],
            ["The student's reflection on the feedback", None],
            ["The view of the person using services, if they agree to give it", None],
            ["Agreed actions", None],
        ],
        caption="Feedback and reflection",
        widths=(6.0, 11.0),
    )
    document.add_heading("Signatures", level=1)
    word.form(document, ["Student's signature and date", "Practice educator's signature and date"], caption="Signatures")
    return word.to_bytes(document, ctx.now)


def critical_reflection_docx(ctx: Documents, kit: Toolkit) -> bytes:
    site, pcf = ctx.dataset.site, kit.pcf
    document = word.new_document("Critical reflection template", site.name, "A structured critical reflection mapped to the PCF", ctx.now)
    document.add_paragraph(
        "Use this after a direct observation or a significant piece of work. Move from describing what happened "
        "to analysing it: what you knew, what you assumed, and what you would do differently."
    )
    word.form(document, ["Student", "Date", "The piece of work"], caption="About this reflection")
    for heading, prompt in (
        ("What happened?", "Describe the situation briefly: who, where, what you did."),
        ("What did I think and feel?", "Your reactions at the time, and any assumptions or values at play."),
        ("What helped me make sense of it?", "Knowledge, law, theory and research that explain what happened."),
        ("What power and difference were at play?", "How identity, power and discrimination shaped the work."),
        ("What did I learn, and what will I do differently?", "What you will take into your next piece of work."),
    ):
        document.add_heading(heading, level=1)
        document.add_paragraph(prompt)
        word.table(document, ["Prompt", "Your reflection"], [[heading, None]], caption=heading, widths=(5.0, 12.0), lines=6)
    document.add_heading("How this reflection shows the PCF", level=1)
    word.table(
        document,
        ["Domain", "How this piece of work shows it"],
        [[_domain(item), None] for item in pcf.items],
        caption="The PCF domains this reflection shows",
        widths=(5.0, 12.0),
        lines=2,
    )
    return word.to_bytes(document, ctx.now)


def kss_grid_xlsx(ctx: Documents, kit: Toolkit) -> bytes:
    site = ctx.dataset.site
    book = excel.new_workbook("KSS mapping grid for the ASYE", site.name, ctx.now)
    names = ", ".join(f.name for f in kit.kss)
    excel.notes_sheet(
        book,
        "How to use",
        [
            f"{site.name}: knowledge and skills statement mapping grid for the Assessed and Supported Year in Employment.",
            "There is a sheet for each statement: use the one for the newly qualified social worker's service. For each "
            "statement, note where the evidence is, then choose a judgement from the list in the last column.",
            f"The statements are summarised in the partnership's own words; the full text is published by the owners: {names}.",
        ],
    )
    for framework in kit.kss:
        header = ["Statement", "In brief", *EVIDENCE_SOURCES, "Judgement"]
        rows = [[_domain(item), item.summary or ""] for item in framework.items]
        excel.grid_sheet(
            book,
            framework.short_name or framework.name,
            "Kss" + re.sub(r"[^A-Za-z0-9]", "", framework.id.title()),
            header,
            rows,
            JUDGEMENTS,
            widths=(34, 40, 22, 22, 22, 22, 22, 20),
        )
    return excel.to_bytes(book, ctx.now)


Maker = Callable[[Documents, Toolkit], bytes]

#: The Word and Excel files, by (download key, extension). The level guide's PDF is printed from :func:`level_guide_html`.
MAKERS: dict[tuple[str, str], Maker] = {
    ("pcf-level-guide", "docx"): level_guide_docx,
    ("evidence-grid", "xlsx"): evidence_grid_xlsx,
    ("evidence-grid", "docx"): evidence_grid_docx,
    ("direct-observation", "docx"): direct_observation_docx,
    ("critical-reflection", "docx"): critical_reflection_docx,
    ("kss-asye-grid", "xlsx"): kss_grid_xlsx,
}


def inputs(ctx: Documents, kit: Toolkit) -> str:
    """Everything the Word and Excel files are made from, as text: the frameworks, the site's identity and the build's instant."""
    parts = [ctx.dataset.site.model_dump_json(), kit.pcf.model_dump_json(), *(level.id for level in kit.levels)]
    parts.extend(framework.model_dump_json() for framework in kit.kss)
    parts.append(ctx.now.isoformat())
    return "\n".join(parts)


__all__ = ["MAKERS", "inputs", "level_guide_html"]
