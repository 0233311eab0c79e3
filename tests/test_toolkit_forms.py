"""The toolkit's forms as an assessment panel and an ASYE moderation panel need them, and as they change with the standards.

A placement's final report carries every sign-off a university's panel asks
for; the last placement's names Social Work England's professional standards
and the statutory tasks; the ASYE's forms come in one version per service and
set of standards, never two services' in one copy, each saying what it
assesses against and from when; and a worker who began on the KSS keeps KSS
forms to the end of their ASYE. The slow tests fill the forms in, as a
practice educator would, and read them back after LibreOffice prints them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import lxml.etree
import openpyxl
import pytest
import yaml

from conftest import ROOT, load
from test_toolkit import (
    DOMAINS,
    EXCEL,
    FORMS,
    FRAMEWORKS,
    OUTCOMES,
    PLACEMENTS,
    TRACKS,
    WORD,
    W,
    body_text,
    libreoffice,
    lists_in,
    pdf_pages,
    source_text,
    xml_of,
)

PEPS = yaml.safe_load((ROOT / "data/frameworks/peps.yml").read_text())
SWE = FRAMEWORKS["swe"]
STANDARDS = {fid: [item["title"] for item in FRAMEWORKS[fid]["items"]] for fid in ("kss-cf", "kss-adults", "cf-early-career")}
"""Every title of the ASYE's standards, by framework."""


def sign_off_rows(path: Path) -> dict[str, list[str]]:
    """The sign-off table: each row's first line (who) → its cells' text."""
    document = docx.Document(path)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Who, and what they confirm")
    return {row.cells[0].paragraphs[0].text: [c.text for c in row.cells] for row in table.rows[1:]}


def controls_by_title(path: Path) -> dict[str, lxml.etree._Element]:
    return {c.find(f"{W}sdtPr/{W}alias").get(f"{W}val"): c for c in xml_of(path).iter(f"{W}sdt")}


# -- final reports a panel accepts -------------------------------------------------------------


@pytest.mark.parametrize("level", [level["id"] for level in PLACEMENTS])
def test_final_reports_carry_every_sign_off_the_panel_needs(built: Path, level: str) -> None:
    path = built / "toolkit" / f"final-report-{level}.docx"
    rows = sign_off_rows(path)
    assert list(rows) == [
        "Student",
        "Practice educator",
        "Stage 2 mentor (countersignature)",
        "On-site supervisor (if there is one)",
        "University tutor",
        "Assessment panel chair",
    ]
    controls = controls_by_title(path)
    assert "Registration number: Practice educator" in controls and "Registration number: Stage 2 mentor (countersignature)" in controls
    assert "Registration number: Student" not in controls and rows["Student"][2] == "Not applicable", "a student has no registration"
    for who in rows:
        assert f"Signature: {who}" in controls and f"Date: {who}" in controls, who
    text = body_text(docx.Document(path))
    assert "a stage 2 practice educator (their mentor) reads the report and countersigns the recommendation" in text
    stages = [level["name"] for level in PEPS["levels"]]
    assert [*stages, *(f"Training for {s[0].lower()}{s[1:]}" for s in stages)] in lists_in(path), "the PEPS stages, from peps.yml"
    assert "Practice educator's Social Work England registration number" in text
    assert lists_in(path).count(OUTCOMES) == 2, "pass, refer, extension or fail: the recommendation and the panel's decision"
    for meaning in ("Refer: the practice educator cannot recommend a pass or a fail", "Extension: the evidence is not yet enough"):
        assert meaning in text
    assert "Days completed (from the days log)" in text and "The practice educator confirms the days completed" in text
    assert "at least 200 days of practice learning over the course (up to 30 of them skills days)" in text, "from swe-ets.yml"


def test_the_last_placement_report_names_the_professional_standards_and_the_statutory_tasks(built: Path) -> None:
    first, last = (body_text(docx.Document(built / "toolkit" / f"final-report-{level['id']}.docx")) for level in PLACEMENTS)
    for item in SWE["items"]:
        title = f"{item['number']}. {item['title']}"
        assert title in last and title not in first, title
    assert "Social Work England's professional standards" in last and "Social Work England's professional standards" not in first
    assert "Statutory tasks" in last and "The law it rests on" in last


def test_the_professional_standards_use_the_regulators_own_headings() -> None:
    titles = [item["title"] for item in SWE["items"]]
    assert titles == [
        "Promote the rights, strengths and wellbeing of people, families and communities",
        "Establish and maintain the trust and confidence of people",
        "Be accountable for the quality of my practice and the decisions I make",
        "Maintain my continuing professional development",
        "Act safely, respectfully and with professional integrity",
        "Promote ethical practice and report concerns",
    ]
    assert "Maintain my continuing professional development" in (ROOT / "data/frameworks/swe.yml").read_text().split("\nid: swe")[0]


def test_the_education_and_training_standards_are_a_framework_the_student_stage_uses() -> None:
    ets = FRAMEWORKS["swe-ets"]
    assert ets["in_force"] == {"from": dt.date(2021, 9, 1)}
    assert ets["practice_learning"] == {"days": 200, "skills_days": 30, "settings": 2, "statutory": 1}
    student = next(s for s in yaml.safe_load((ROOT / "data/pathways.yml").read_text()) if s["id"] == "student")
    assert "swe-ets" in student["frameworks"]


def test_practice_learning_that_does_not_add_up_is_refused(project: Path) -> None:
    from conftest import problems

    path = project / "data/frameworks/swe-ets.yml"
    path.write_text(path.read_text().replace("  skills_days: 30 ", "  skills_days: 250 "))
    found = problems(project)
    assert any(p.startswith("data/frameworks/swe-ets.yml:") and "skills_days (250) must be fewer than days (200)" in p for p in found), (
        found
    )


def test_the_early_career_stage_does_not_count_a_year_twice() -> None:
    stages = {s["id"]: s for s in yaml.safe_load((ROOT / "data/pathways.yml").read_text())}
    early = stages["early-career"]
    assert "years 2 and 3" not in early["name"] and "(years" not in early["name"]
    assert "after the ASYE or the ECDP" in early["summary"]
    assert (
        "no public source we have found says either whether the asye continues in adults' services" in stages["nqsw-asye"]["note"].lower()
    )


# -- the ASYE: one version per service, never two services' standards in one copy -------------


def holds(text: str, title: str) -> bool:
    """``title`` as words of ``text`` ("Intervention" is not in "Skills and Interventions")."""
    return re.search(rf"(?<![A-Za-z]){re.escape(title)}(?![A-Za-z])", text) is not None


def standards_in(text: str) -> set[str]:
    """The ASYE standards whose every title appears in ``text``."""
    return {fid for fid, titles in STANDARDS.items() if all(holds(text, title) for title in titles)}


def some_standards_in(text: str) -> set[str]:
    """The ASYE standards any of whose titles (that belong to no other of them) appear in ``text``."""
    own = {fid: set(titles) - {t for other, ts in STANDARDS.items() if other != fid for t in ts} for fid, titles in STANDARDS.items()}
    return {fid for fid, titles in own.items() if any(holds(text, title) for title in titles)}


@pytest.mark.parametrize("name", [n for n in WORD + EXCEL if n.startswith("asye-")])
def test_no_asye_file_holds_two_services_standards(built: Path, name: str) -> None:
    text = source_text(built / "toolkit" / name)
    found = some_standards_in(text)
    track = next((t for t in TRACKS if name.removesuffix(".docx").removesuffix(".xlsx").endswith(f"-{t}")), None)
    if track is None:
        assert not found, (name, "a form for every service lists no service's standards", found)
        return
    assert standards_in(text) >= {track}, (name, "every standard of its own")
    other = {"kss-cf": "kss-adults", "kss-adults": "kss-cf", "cf-early-career": "kss-adults"}[track]
    assert other not in found, (name, "never the other service's")


def test_the_kss_version_says_what_it_uses_and_maps_to_the_new_standards(built: Path) -> None:
    review = body_text(docx.Document(built / "toolkit/asye-review-kss-cf.docx"))
    assert "For an ASYE in children's services begun on or before 31 March 2027, against the KSS (children)" in review
    assert "keeps these forms to the end of their ASYE" in review
    assert "From 1 April 2027 the Child and family social worker early career standards apply to those who start then" in review
    assert "In the ECS (children): Relationships and communication; Intervention" in review, "statement 1, by the crosswalk"
    assert "between 1 April and 31 August 2027" in review and "No public source we have found says which standards" in review
    adults = body_text(docx.Document(built / "toolkit/asye-review-kss-adults.docx"))
    assert "For an ASYE in adults' services, against the KSS (adults)" in adults
    assert "In the ECS" not in adults
    book = openpyxl.load_workbook(built / "toolkit/asye-grid-kss-cf.xlsx")
    mapping = book["Into ECS (children)"]
    rows = {mapping.cell(r, 1).value: mapping.cell(r, 2).value for r in range(3, mapping.max_row + 1)}
    assert rows["Reflection and learning"] == "9. The role of supervision"
    row = next(r for r in range(3, mapping.max_row + 1) if mapping.cell(r, 1).value == "Reflection and learning")
    assert mapping.cell(row, 3).data_type == "f" and "SUMPRODUCT" in mapping.cell(row, 3).value


def test_the_complete_asye_set(built: Path) -> None:
    folder = built / "toolkit"
    agreement = body_text(docx.Document(folder / "asye-agreement.docx"))
    for part in ("Three-month review", "Six-month review", "Final review at twelve months", "Moderation panel", "10% of the newly"):
        assert part in agreement, part
    for track in TRACKS:
        plan = docx.Document(folder / f"asye-development-plan-{track}.docx")
        headings = [p.text for p in plan.paragraphs if p.style.name == "Heading 1"]
        assert headings[-4:-1] == ["The first three months", "From three to six months", "From six to twelve months"]
        final = folder / f"asye-final-assessment-{track}.docx"
        assert list(sign_off_rows(final)) == [
            "Newly qualified social worker",
            "ASYE assessor",
            "Line manager (if not the assessor)",
            "Moderation panel chair",
        ]
        assert ["Pass", "Extension", "Fail"] in lists_in(final)
        assert ["Not yet confident", "Developing", "Confident"] in lists_in(folder / f"asye-self-assessment-{track}.docx")
    observation = lists_in(folder / "direct-observation.docx")
    assert [*(f"A student: {level['name']}" for level in PLACEMENTS), "A newly qualified social worker in the ASYE"] in observation
    assert ["Practice educator", "On-site supervisor", "ASYE assessor", "Line manager", "Another professional"] in observation
    checklist = body_text(docx.Document(folder / "asye-moderation-checklist.docx"))
    assert "There are at least three direct observations" in checklist


def test_the_asye_versions_follow_the_standards_and_the_programme_over_time(project: Path) -> None:
    """Each version is offered from the day its standards apply until a year after the last day an ASYE could begin on
    it: the KSS (children) until 30 March 2028, the early career standards (begun 1 April to 31 August 2027, before the
    ECDP takes over) until 30 August 2028, the adults' KSS throughout."""
    from partnership.core.outputs.toolkit import asye, grids
    from partnership.core.present.toolkit import downloads
    from partnership.core.views.toolkit import toolkit

    dataset = load(project)
    expected = {
        dt.date(2027, 3, 31): ["kss-cf", "kss-adults"],
        dt.date(2027, 4, 1): ["kss-cf", "cf-early-career", "kss-adults"],
        dt.date(2027, 10, 1): ["kss-cf", "cf-early-career", "kss-adults"],
        dt.date(2028, 3, 30): ["kss-cf", "cf-early-career", "kss-adults"],
        dt.date(2028, 3, 31): ["cf-early-career", "kss-adults"],
        dt.date(2028, 8, 30): ["cf-early-career", "kss-adults"],
        dt.date(2028, 8, 31): ["kss-adults"],
    }
    for day, keys in expected.items():
        kit = toolkit(dataset, day)
        assert kit is not None and [t.key for t in kit.tracks] == keys, day
        assert [d.key for d in downloads(kit) if d.phase == "asye-reviews"] == [f"asye-review-{key}" for key in keys]
    when = dt.datetime(2027, 10, 1, 12)
    kit = toolkit(dataset, when.date())
    assert kit is not None and kit.asye_handed_over == ("children",)
    ecs = next(t for t in kit.tracks if t.key == "cf-early-career")
    assert (ecs.first_start, ecs.last_start) == (dt.date(2027, 4, 1), dt.date(2027, 8, 31))
    document = docx.Document(io.BytesIO(asye.review(kit, dataset.site, when, ecs)))
    text = body_text(document)
    assert "For an ASYE in children's services begun between 1 April 2027 and 31 August 2027" in text
    assert "newly qualified social workers who start from 1 September 2027 follow a different programme" in text
    assert all(title in text for title in STANDARDS["cf-early-career"]) and not some_standards_in(text) - {"cf-early-career"}
    services = [[i.get(f"{W}value") for i in dl] for dl in document.element.iter(f"{W}dropDownList")]
    assert not any("Adults' services" in options for options in services)
    book = openpyxl.load_workbook(io.BytesIO(grids.asye_grid(kit, dataset.site, when, ecs)))
    assert book.sheetnames == ["Cover", "ASYE", "ECS (children)", "Evidence log"], "no successor to map to"


# -- filled in, as a practice educator would, and printed by LibreOffice ------------------------


def fill(path: Path, target: Path, answer: str) -> list[str]:
    """Fill every content control of ``path`` as Word does when one types or chooses, and save it as ``target``.

    The hint goes (with its ``w:showingPlcHdr`` mark) and the answer takes
    its place, in the run properties the control gives typed text
    (``w:sdtPr/w:rPr``: none here, so the ordinary style). A list takes its
    first choice, a date a day. Returns what was typed, one per control.
    """
    document = docx.Document(path)
    typed = []
    for number, control in enumerate(document.element.body.iter(f"{W}sdt"), start=1):
        properties = control.find(f"{W}sdtPr")
        properties.remove(properties.find(f"{W}showingPlcHdr"))
        choices = properties.find(f"{W}dropDownList")
        if choices is None:
            choices = properties.find(f"{W}comboBox")
        if choices is not None:
            text = choices[0].get(f"{W}displayText")
        elif properties.find(f"{W}date") is not None:
            properties.find(f"{W}date").set(f"{W}fullDate", "2027-06-14T00:00:00Z")
            text = "14/06/2027"
        else:
            text = f"{answer} {number}"
        content = control.find(f"{W}sdtContent")
        for child in list(content):
            content.remove(child)
        run = lxml.etree.SubElement(content, f"{W}r")
        style = properties.find(f"{W}rPr")
        if style is not None:
            run.append(lxml.etree.fromstring(lxml.etree.tostring(style)))
        lxml.etree.SubElement(run, f"{W}t").text = text
        typed.append(text)
    document.save(target)
    return typed


def typed_runs_are_not_grey(path: Path) -> bool:
    """Every run inside a filled control is in the ordinary style, not the hint's "Placeholder Text"."""
    with zipfile.ZipFile(path) as archive:
        tree = lxml.etree.fromstring(archive.read("word/document.xml"))
    styles = [s.get(f"{W}val") for s in tree.iterfind(f".//{W}sdtContent//{W}rStyle")]
    return "PlaceholderText" not in styles


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.poppler
def test_every_form_filled_in_keeps_every_answer_when_libreoffice_prints_it(built: Path, tmp_path: Path) -> None:
    """Every Word form, every control answered (a final report and an ASYE review for each service among them), printed by
    LibreOffice: every answer is on the page (no row lost at a page's foot), no hint is left, and the answers are not grey."""
    typed = {}
    for name in FORMS:
        target = tmp_path / name
        typed[name] = fill(built / "toolkit" / name, target, "Answer")
        assert typed_runs_are_not_grey(target), name
    libreoffice([str(tmp_path / name) for name in FORMS], tmp_path / "pdf", tmp_path / "profile")
    lost = {}
    for name in FORMS:
        pages = pdf_pages(tmp_path / "pdf" / name.replace(".docx", ".pdf"))
        text = " ".join(" ".join(pages).split())
        missing = [answer for answer in typed[name] if answer.startswith("Answer") and f"{answer} " not in f"{text} "]
        if missing:
            lost[name] = missing
        for hint in ("Choose a date", "Summary of the evidence", "Choose a judgement", "Where the evidence is"):
            assert hint not in text, (name, hint, "no hint is left once answered")
        for number, page in enumerate(pages, start=1):
            assert f"Page {number} of {len(pages)}" in page, (name, number)
        if name.startswith("final-report"):
            assert all(domain in text for domain in DOMAINS)
    assert not lost, lost


@pytest.mark.slow
@pytest.mark.libreoffice
def test_libreoffice_grows_the_rows_to_fill_in(built: Path, tmp_path: Path) -> None:
    """LibreOffice reads each row to fill in as one of optimal height, which grows as one types into it (Excel does the
    same for a row not marked as custom height); the cover's rows, whose notes span merged cells, keep their heights."""
    names = [name for name in EXCEL]
    for name in names:
        shutil.copy(built / "toolkit" / name, tmp_path / name)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice
    command = [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "ods", "--outdir", str(tmp_path)]
    result = subprocess.run([*command, *(str(tmp_path / name) for name in names)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    for name in names:
        with zipfile.ZipFile(tmp_path / name.replace(".xlsx", ".ods")) as archive:
            content = archive.read("content.xml").decode()
        optimal = dict(
            re.findall(
                r'style:name="(ro\d+)" style:family="table-row"><style:table-row-properties [^>]*?use-optimal-row-height="(\w+)"', content
            )
        )
        for sheet, body in re.findall(r'<table:table table:name="([^"]+)"(.*?)</table:table>', content, re.S):
            rows = re.findall(r'<table:table-row table:style-name="(ro\d+)"', body)
            grows = {optimal[style] == "true" for style in rows[2:]}
            if sheet in ("Cover", "Totals"):
                assert optimal[rows[0]] == "false", (name, sheet)
            else:
                assert grows == {True}, (name, sheet, "every row under the header grows with what is typed")
