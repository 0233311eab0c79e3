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
import json
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import lxml.etree
import openpyxl
import pytest
import yaml
from PIL import ImageFont

from conftest import ROOT, load
from test_toolkit import (
    DOMAINS,
    EXCEL,
    FORMS,
    FRAMEWORKS,
    OUTCOMES,
    PCF,
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
    assert "Registration number: Student" not in controls and "Registration number: Not applicable" in rows["Student"][1], (
        "a student has none"
    )
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
    assert "Days completed in this placement (from the days log)" in text and "The practice educator confirms the days completed" in text
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


# -- what a practice educator found filling them in (issue 26, round two) -----------------------

PARTNERS = yaml.safe_load((ROOT / "data/partners.yml").read_text())
LIBERATION = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
"""Liberation Sans: Arial's widths, letter for letter (fonts-liberation, which python3 build.py test installs)."""
SURNAMES = ("Nwachukwu-Sterling", "Ramaswamy-Clarke", "Whitfield-Armstrong", "Adebayo-Fitzgerald", "Kowalczyk-Brennan", "Hargreaves")
"""Long surnames a practice educator met in one round of forms: each must print whole in a column for names."""
FULL_NAME = "Aleksandra Kowalczyk-Brennan"
"""A whole long name, which a sign-off's name column prints on one line."""
TWIPS_PER_CM = 1440 / 2.54
CELL_MARGINS_CM = 2 * 0.19
"""Table Grid's left and right cell margins, which text cannot use."""


def arial_cm(text: str, size: float = 11) -> float:
    """How wide ``text`` prints in Arial (measured with Liberation Sans, which has Arial's widths)."""
    assert LIBERATION.is_file(), "fonts-liberation is needed (python3 build.py test installs it, as root on Debian)"
    return ImageFont.truetype(str(LIBERATION), int(size * 100)).getlength(text) / 100 / 72 * 2.54


def name_cells(path: Path) -> list[tuple[str, str, float]]:
    """Each content control in a table that takes a person's name or signature: (its title, the table's caption, the cell's
    width in cm)."""
    found = []
    for control in xml_of(path).iter(f"{W}sdt"):
        title = control.find(f"{W}sdtPr/{W}alias").get(f"{W}val")
        hint = "".join(control.find(f"{W}sdtContent").itertext()).lower()
        cell = next(control.iterancestors(f"{W}tc"), None)
        if cell is None or not (title.startswith(("Name", "Signature")) or re.search(r"\bnames?\b", hint)):
            continue
        table = next(control.iterancestors(f"{W}tbl"))
        caption = table.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val")
        found.append((title, caption, int(cell.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) / TWIPS_PER_CM))
    return found


@pytest.mark.parametrize("name", FORMS)
def test_every_column_for_a_name_prints_a_long_double_barrelled_name_whole(built: Path, name: str) -> None:
    """At Arial's widths no surname breaks in a column for names or signatures ("Nwachukwu / -Sterling" did), and a
    sign-off's name column holds a first name and a long double-barrelled surname on one line."""
    cells = name_cells(built / "toolkit" / name)
    surname = max(arial_cm(n) for n in SURNAMES) + CELL_MARGINS_CM
    for title, caption, width in cells:
        assert width >= surname, (name, caption, title, round(width, 2), round(surname, 2))
        if caption in ("Sign-offs", "Signatures") and title.startswith("Name"):
            assert width >= arial_cm(FULL_NAME) + CELL_MARGINS_CM, (name, title, round(width, 2))


def test_every_form_with_a_signature_has_names_to_check(built: Path) -> None:
    """The test above looks at something: every form to sign has a name and a signature column."""
    for name in FORMS:
        titles = [title for title, _, _ in name_cells(built / "toolkit" / name)]
        if "Signatures" in body_text(docx.Document(built / "toolkit" / name)) or "Sign-offs" in body_text(
            docx.Document(built / "toolkit" / name)
        ):
            assert any(t.startswith("Name") for t in titles) and any(t.startswith("Signature") for t in titles), name


def test_the_last_placement_report_adds_up_the_course_days(built: Path) -> None:
    """The 200 days can be confirmed: the other placement's days, the skills days and the course's total, with the figures
    from the education and training standards (swe-ets.yml); the first placement's report asks only for its own."""
    need = FRAMEWORKS["swe-ets"]["practice_learning"]
    first, last = (built / "toolkit" / f"final-report-{level['id']}.docx" for level in PLACEMENTS)
    text = body_text(docx.Document(last))
    for label in (
        "Days in the student's other placement",
        f"Skills days completed (up to {need['skills_days']})",
        f"Days of practice learning over the course (at least {need['days']})",
        "The practice learning the course needs is complete",
    ):
        assert label in text and label not in body_text(docx.Document(first)), label
    assert [f"Yes: {need['days']} days or more", "No: see the notes"] in lists_in(last)


@pytest.mark.parametrize("level", PLACEMENTS, ids=lambda level: level["id"])
def test_the_final_report_gives_the_evidence_the_room(built: Path, level: dict) -> None:
    """Each domain's descriptor at the placement's level sits under its name, as in the ASYE forms, so that the evidence
    column is the widest on the page (it was 1.9 of 6.7 inches beside a descriptor column as wide)."""
    document = docx.Document(built / "toolkit" / f"final-report-{level['id']}.docx")
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Domain")
    assert [c.text for c in table.rows[0].cells] == ["Domain", "Evidence", "Judgement"]
    for row, item in zip(table.rows[1:], PCF["items"], strict=True):
        assert [p.text for p in row.cells[0].paragraphs] == [f"{item['number']}. {item['title']}", item["descriptors"][level["id"]]]
    widths = [table.columns[i].width.cm for i in range(3)]
    assert widths[1] == max(widths) and widths[1] >= 7.5, widths


def test_the_final_report_asks_about_concerns_and_the_observations_asked_for(built: Path) -> None:
    """Whether a cause for concern or the university's suitability procedure was used (yes or no, and how it ended), and how
    many direct observations the university asks for beside those done; the ASYE's final assessment asks about concerns too."""
    for level in PLACEMENTS:
        path = built / "toolkit" / f"final-report-{level['id']}.docx"
        controls = controls_by_title(path)
        for question in (
            "Answer: Was a cause for concern record opened during the placement?",
            "Answer: Was the university's suitability or fitness to practise procedure used?",
        ):
            options = [i.get(f"{W}value") for i in controls[question].iter(f"{W}listItem")]
            assert options == ["Yes", "No"], question
        assert "Answer: If either was: what, when, and how it ended" in controls
        assert "Answer: Direct observations the university asks for" in controls
    for track in TRACKS:
        controls = controls_by_title(built / "toolkit" / f"asye-final-assessment-{track}.docx")
        assert "Answer: Was a concern about progress recorded during the year?" in controls


def employers(service: str) -> list[str]:
    return [p["name"] for p in PARTNERS if p["kind"] != "hei" and service in p["services"]]


@pytest.mark.parametrize("track", TRACKS)
def test_an_asye_form_lists_only_its_services_employers(built: Path, track: str) -> None:
    """A children's form offers no adults' employer (it offered "Adult Social Care" and "Adults and Health"), and the
    other way round; the forms every service shares list them all."""
    service = "children" if FRAMEWORKS[track]["services"] == ["children"] else "adults"
    for kind in ("asye-review", "asye-final-assessment", "asye-development-plan", "asye-self-assessment"):
        lists = lists_in(built / "toolkit" / f"{kind}-{track}.docx", "comboBox")
        assert employers(service) in lists, (kind, track)
        other = set(employers("adults" if service == "children" else "children")) - set(employers(service))
        assert other and not other & {name for options in lists for name in options}, (kind, track)
    shared = lists_in(built / "toolkit/asye-agreement.docx", "comboBox")
    assert [p["name"] for p in PARTNERS if p["kind"] != "hei"] in shared


@pytest.mark.parametrize("track", TRACKS)
def test_an_asye_review_asks_for_registration_numbers_and_the_next_review(built: Path, track: str) -> None:
    path = built / "toolkit" / f"asye-review-{track}.docx"
    controls = controls_by_title(path)
    for who in ("Newly qualified social worker", "ASYE assessor", "Line manager (if not the assessor)"):
        assert f"Registration number: {who}" in controls and f"Name: {who}" in controls and f"Date: {who}" in controls, who
    assert controls["Answer: Date of the next review"].find(f"{W}sdtPr/{W}date") is not None


ADULTS = [n for n in WORD + EXCEL if n.startswith("asye-") and n.removesuffix(".docx").removesuffix(".xlsx").endswith("-kss-adults")]


@pytest.mark.parametrize("name", ADULTS)
def test_an_adults_form_says_nothing_of_the_childrens_change(built: Path, name: str) -> None:
    """The children's services' change of standards (31 March 2027, the early career standards, the ECDP, April to August
    2027) is not on an adults' form or workbook: it confused an adults' assessor."""
    text = source_text(built / "toolkit" / name)
    for phrase in ("31 March 2027", "1 April 2027", "31 August 2027", "early career", "ECDP", "children's services"):
        assert phrase not in text, (name, phrase)


KSS_CF_FILES = [n for n in WORD + EXCEL if n.startswith("asye-") and n.removesuffix(".docx").removesuffix(".xlsx").endswith("-kss-cf")]


@pytest.mark.parametrize("name", KSS_CF_FILES)
def test_a_kss_form_says_plainly_that_keeping_it_to_the_end_is_unconfirmed(built: Path, name: str) -> None:
    """For everyone who finishes an ASYE begun on the child and family KSS after 31 March 2027 (not only those finishing
    between April and August), each form says that using it to the end is the partnership's reading, not yet confirmed."""
    text = " ".join(source_text(built / "toolkit" / name).split())
    assert "Not yet confirmed:" in text and "finishes it after 31 March 2027" in text, name
    assert "The partnership reads it as this statement, to the end of their ASYE whenever that is" in text, name
    assert "Check with your employer's ASYE lead" in text


def test_the_mapping_to_the_new_standards_loses_no_evidence(built: Path) -> None:
    """The early career standards' anti-discriminatory practice, which no KSS statement goes into, says so and counts what
    the log marks under the PCF's Diversity and Equality (it showed 0 whatever was logged)."""
    book = openpyxl.load_workbook(built / "toolkit/asye-grid-kss-cf.xlsx")
    mapping, log = book["Into ECS (children)"], book["Evidence log"]
    rows = {mapping.cell(r, 1).value: r for r in range(3, mapping.max_row + 1)}
    row = rows["Anti-discriminatory practice"]
    assert mapping.cell(row, 2).value.startswith("No KSS (children) statement goes into it")
    assert "3. Diversity and Equality" in mapping.cell(row, 2).value
    column = next(c.column_letter for c in log[3] if c.value == "3. Diversity and Equality")
    assert f"'Evidence log'!${column}$4:${column}$153" in mapping.cell(row, 3).value
    for target, sources in rows.items():
        assert mapping.cell(sources, 3).value.startswith("=SUMPRODUCT("), target
    cover = " ".join(str(c.value) for r in book["Cover"].iter_rows() for c in r if c.value)
    assert "No KSS (children) statement goes into Anti-discriminatory practice" in cover


@pytest.mark.parametrize("track", TRACKS)
def test_the_asye_evidence_log_labels_its_column_groups(built: Path, track: str) -> None:
    """The nine PCF columns and the standards' columns are both numbered from 1: a label over each group says which is which."""
    log = openpyxl.load_workbook(built / "toolkit" / f"asye-grid-{track}.xlsx")["Evidence log"]
    short = FRAMEWORKS[track]["short_name"]
    spans = {log.cell(r.min_row, r.min_col).value: (r.min_col, r.max_col) for r in log.merged_cells.ranges if r.min_row == 2}
    pcf = spans["The PCF domains it shows: Yes under each"]
    own = spans[f"The {short} statements it shows: Yes under each"]
    assert pcf == (5, 4 + len(DOMAINS)) and own == (5 + len(DOMAINS), 4 + len(DOMAINS) + len(FRAMEWORKS[track]["items"]))
    assert log.cell(3, own[0]).value.startswith("1. ") and log.cell(3, pcf[0]).value == DOMAINS[0]


@pytest.mark.parametrize("name", EXCEL)
def test_a_cover_date_is_a_date(built: Path, name: str) -> None:
    """A first day typed on the cover is a date, shown dd/mm/yyyy, and only a date is taken."""
    cover = openpyxl.load_workbook(built / "toolkit" / name)["Cover"]
    days = [r for r in range(6, 14) if str(cover.cell(r, 1).value or "").startswith("First day")]
    assert days or name == "days-log.xlsx"
    for row in days:
        assert cover.cell(row, 2).number_format == "dd/mm/yyyy"
        rules = [v for v in cover.data_validations.dataValidation if f"B{row}" in str(v.sqref)]
        assert rules and rules[0].type == "date", name


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
    assert "These forms are offered until 31 March 2028, a year after the last day an ASYE could begin on it" in review
    assert (
        'From 1 April 2027 the Child and family social worker early career standards (shortened to "ECS (children)") apply to '
        "those who start then" in review
    ), "ECS spelt out before it is used"
    assert review.index("ECS (children)") > review.index("early career standards (shortened to"), "spelt out at its first use"
    assert "In the ECS (children): Relationships and communication; Intervention" in review, "statement 1, by the crosswalk"
    assert "In the ECS (children), also: Anti-discriminatory practice" in review, "the PCF's Diversity and Equality, by related:"
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
    it: the KSS (children) until 31 March 2028, the early career standards (begun 1 April to 31 August 2027, before the
    ECDP takes over) until 31 August 2028, the adults' KSS throughout."""
    from partnership.core.outputs.toolkit import asye, grids
    from partnership.core.present.toolkit import downloads
    from partnership.core.views.toolkit import toolkit

    dataset = load(project)
    expected = {
        dt.date(2027, 3, 31): ["kss-cf", "kss-adults"],
        dt.date(2027, 4, 1): ["kss-cf", "cf-early-career", "kss-adults"],
        dt.date(2027, 10, 1): ["kss-cf", "cf-early-career", "kss-adults"],
        dt.date(2028, 3, 31): ["kss-cf", "cf-early-career", "kss-adults"],
        dt.date(2028, 4, 1): ["cf-early-career", "kss-adults"],
        dt.date(2028, 8, 31): ["cf-early-career", "kss-adults"],
        dt.date(2028, 9, 1): ["kss-adults"],
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


def answer_controls(document: docx.document.Document, typed_text: Callable[[int, str], str]) -> list[str]:
    """Answer every content control of ``document`` as Word does when one types or chooses.

    The hint goes (with its ``w:showingPlcHdr`` mark) and the answer takes
    its place, in the run properties the control gives typed text
    (``w:sdtPr/w:rPr``: none here, so the ordinary style). A list takes its
    first choice, a date a day, and a text control what ``typed_text``
    gives for its number and title. Returns what was put in, one per control.
    """
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
            text = typed_text(number, properties.find(f"{W}alias").get(f"{W}val"))
        content = control.find(f"{W}sdtContent")
        for child in list(content):
            content.remove(child)
        run = lxml.etree.SubElement(content, f"{W}r")
        style = properties.find(f"{W}rPr")
        if style is not None:
            run.append(lxml.etree.fromstring(lxml.etree.tostring(style)))
        lxml.etree.SubElement(run, f"{W}t").text = text
        typed.append(text)
    return typed


def fill(path: Path, target: Path, answer: str) -> list[str]:
    """Fill every content control of ``path`` (:func:`answer_controls`; text: ``answer`` and the control's number) and save
    it as ``target``. Returns what was typed, one per control."""
    document = docx.Document(path)
    typed = answer_controls(document, lambda number, _: f"{answer} {number}")
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
    same for a row not marked as custom height); the cover's title and notes, which span merged cells, keep their heights."""
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
            if sheet == "Cover":
                assert optimal[rows[0]] == "false", (name, sheet)
            else:
                assert grows == {True}, (name, sheet, "every row under the header grows with what is typed")


# -- filled in as a practice educator would, printed at Arial's widths and at DejaVu's ----------

REJECT_LIBERATION = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>/usr/share/fonts/truetype/liberation*/*</glob></rejectfont></selectfont>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def print_with(sources: list[Path], target: Path, font: str) -> None:
    """Print ``sources`` to PDFs with LibreOffice drawing Arial as Liberation Sans (its widths: ``arial``), or, as on a machine
    without it, as DejaVu Sans (``dejavu``, up to a fifth wider)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed (python3 build.py test installs it, as root on Debian)"
    assert LIBERATION.is_file(), "fonts-liberation is needed (python3 build.py test installs it, as root on Debian)"
    environment = dict(os.environ)
    if font == "dejavu":
        config = target.parent / f"fonts-{font}.conf"
        config.write_text(REJECT_LIBERATION.format(cache=target.parent / "fontcache"))
        environment["FONTCONFIG_FILE"] = str(config)
    profile = target.parent / f"profile-{font}"
    command = [soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", str(target)]
    result = subprocess.run([*command, *map(str, sources)], capture_output=True, text=True, timeout=900, env=environment)
    assert result.returncode == 0, result.stderr
    fonts = subprocess.run(["pdffonts", str(target / f"{sources[0].stem}.pdf")], capture_output=True, text=True, check=True).stdout
    assert ("LiberationSans" in fonts) == (font == "arial"), fonts  # DejaVu Sans draws the few signs Liberation lacks


ANSWER = (
    "The student planned the visit with the family and explained her role clearly; the parents said she listened and "
    "was honest about what would happen next, and her record of the visit was accurate, analytical and on time."
)
WORDS = re.findall(r"\S+", ANSWER)


def marked_fill(
    path: Path, target: Path, words: int, names: dict[str, str] | None = None, *, mark_rows: bool = True
) -> tuple[list[str], list[list[str]]]:
    """Fill every control of ``path`` (:func:`answer_controls`) and mark every table row, saving ``target``.

    A text control gets ``words`` words between its own tokens (``T12a`` … ``T12z``); with ``names``, a control for a name
    or a signature gets the name given for its title instead. With ``mark_rows``, every cell of every table row gets a token
    at its start and its end (``R7c2a`` … ``R7c2z``), so that a printed row can be checked whole on one page. Returns every
    token, and the tokens of each row that must stay whole (not one holding a long answer, which may run on).
    """
    document = docx.Document(path)
    tokens: list[str] = []

    def typed_text(number: int, title: str) -> str:
        if names is not None and title.split(":")[0] in ("Name", "Signature"):
            return names.get(title, "Sam Lee")
        tokens.extend((f"T{number}a", f"T{number}z"))
        return " ".join([f"T{number}a", *(WORDS * 9)[:words], f"T{number}z"])

    answer_controls(document, typed_text)
    whole: list[list[str]] = []
    rows = [r for t in document.tables for r in t.rows[1:]] if mark_rows else []
    for number, row in enumerate(rows, start=1):
        marks = []
        for column, cell in enumerate(row.cells):
            first, last = cell.paragraphs[0], cell.paragraphs[-1]
            first._p.insert(
                1 if first._p.pPr is not None else 0,
                docx.oxml.parse_xml(f'<w:r xmlns:w="{W[1:-1]}"><w:t xml:space="preserve">R{number}c{column}a </w:t></w:r>'),
            )
            last.add_run(f" R{number}c{column}z")
            marks += [f"R{number}c{column}a", f"R{number}c{column}z"]
        tokens += marks
        room = max((int(s.get(f"{W}after", 0)) for s in row._tr.iter(f"{W}spacing")), default=0)
        if room < 4 * 16 * 20:
            whole.append(marks)
    document.save(target)
    return tokens, whole


def pages_of(pdf: Path) -> list[set[str]]:
    """The words on each page of ``pdf``."""
    return [set(page.split()) for page in pdf_pages(pdf)]


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.poppler
def test_filled_forms_print_every_row_and_never_split_a_row(built: Path, tmp_path: Path) -> None:
    """The last placement's final report and a children's ASYE review, every control answered at three lengths (a few words,
    a sentence or two, a paragraph), printed by LibreOffice at Arial's widths: every row of every table is printed (LibreOffice
    once dropped the rest of a table at an unbreakable row; a final report lost its sign-offs), and every row but those
    holding a long answer (a holistic assessment) is on one page, a label beside its answer, a sign-off in one piece."""
    forms = ("final-report-last-placement.docx", "asye-review-kss-cf.docx", "asye-final-assessment-kss-adults.docx")
    expected: dict[str, tuple[list[str], list[list[str]]]] = {}
    for form in forms:
        for words in (2, 14, 45):
            target = tmp_path / f"{form.removesuffix('.docx')}-{words}.docx"
            expected[target.stem] = marked_fill(built / "toolkit" / form, target, words)
    print_with(sorted(tmp_path.glob("*.docx")), tmp_path / "pdf", "arial")
    for stem, (tokens, whole) in expected.items():
        pages = pages_of(tmp_path / "pdf" / f"{stem}.pdf")
        printed = set().union(*pages)
        assert not [t for t in tokens if t not in printed], (stem, "every row and answer is printed")
        split = [marks for marks in whole if len({n for n, page in enumerate(pages) for mark in marks if mark in page}) > 1]
        assert not split, (stem, "rows split across pages", split[:3])
        assert sum(len(m) for m in whole) > 0.8 * sum(1 for t in tokens if t.startswith("R")), "most rows are kept whole"


SIGNERS = {
    "Student": "Chiamaka Adebayo-Fitzgerald",
    "Practice educator": "Joanna Whitfield-Armstrong",
    "Stage 2 mentor (countersignature)": "Deborah Nwachukwu-Sterling",
    "On-site supervisor (if there is one)": "Dr Peter Hargreaves",
    "University tutor": "Aleksandra Kowalczyk-Brennan",
    "Assessment panel chair": "Dr Sunita Ramaswamy-Clarke",
    "Newly qualified social worker": "Aleksandra Kowalczyk-Brennan",
    "ASYE assessor": "Deborah Nwachukwu-Sterling",
    "Line manager (if not the assessor)": "Joanna Whitfield-Armstrong",
    "Moderation panel chair": "Dr Sunita Ramaswamy-Clarke",
}


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.poppler
@pytest.mark.parametrize("font", ["arial", "dejavu"])
def test_double_barrelled_names_print_whole(built: Path, tmp_path: Path, font: str) -> None:
    """Names and typed signatures in the sign-offs, filled in with long double-barrelled names: at Arial's widths each prints
    on one line ("Hargreave/s" and "Nwachukwu / -Sterling" did not); in the wider DejaVu Sans a name may break after its
    hyphen at most, never inside a word."""
    forms = ("final-report-last-placement.docx", "asye-final-assessment-kss-cf.docx", "asye-review-kss-adults.docx")
    typed: dict[str, list[str]] = {}
    for form in forms:
        titles = [c.find(f"{W}sdtPr/{W}alias").get(f"{W}val") for c in xml_of(built / "toolkit" / form).iter(f"{W}sdt")]
        names = {t: SIGNERS[t.split(": ", 1)[1]] for t in titles if t.startswith("Name: ") and t.split(": ", 1)[1] in SIGNERS}
        names |= {t: f"{n[0]}. {n.split()[-1]}" for t, n in ((t.replace("Name", "Signature", 1), n) for t, n in names.items())}
        marked_fill(built / "toolkit" / form, tmp_path / form, 3, names, mark_rows=False)
        typed[form] = [name.split()[-1] for name in names.values()]
        assert len(typed[form]) >= 6, form
    print_with([tmp_path / form for form in forms], tmp_path / "pdf", font)
    for form in forms:
        raw = subprocess.run(
            ["pdftotext", "-raw", str(tmp_path / "pdf" / form.replace(".docx", ".pdf")), "-"], capture_output=True, text=True, check=True
        ).stdout
        text = raw if font == "arial" else raw.replace("-\n", "-")
        for surname in set(typed[form]):
            assert text.count(surname) >= typed[form].count(surname), (form, font, surname, "printed whole")


UNO = Path("/usr/lib/python3/dist-packages/uno.py")
"""LibreOffice's Python bridge (Debian's python3-uno, which python3 build.py test installs), for typing as a user would."""
EVIDENCE = (
    "Observation 2 on 22 September 2026 (home visit, child protection plan): she explained her role clearly, listened to "
    "both parents, adapted her language for the nine-year-old and agreed next steps the family understood. The mother's "
    "feedback says she felt respected; reflective log part 2 analyses the visit and what she would do differently."
)


def type_into(book: Path, typed: list[tuple[str, str, str]], read: list[str], tmp_path: Path) -> dict:
    """Open ``book`` in LibreOffice, type ``typed`` ((sheet, cell, text)) through its API as a user would, print it to
    ``book``'s name .pdf, and return each typed row's height before and after, and the values of the cells ``read``."""
    assert UNO.is_file(), "LibreOffice's Python bridge is needed: python3-uno (python3 build.py test installs it, as root on Debian)"
    spec = tmp_path / f"{book.stem}.json"
    spec.write_text(json.dumps({"type": typed, "read": read}))
    script = Path(__file__).with_name("libreoffice_typing.py")
    environment = dict(os.environ, PYTHONPATH=f"{UNO.parent}:/usr/lib/libreoffice/program")
    result = subprocess.run(
        ["/usr/bin/python3", str(script), str(book), str(book.with_suffix(".pdf")), str(tmp_path / f"uno-{book.stem}"), str(spec)],
        capture_output=True,
        text=True,
        timeout=600,
        env=environment,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.poppler
def test_a_row_grows_as_one_types_into_it_in_libreoffice(built: Path, tmp_path: Path) -> None:
    """Typed into in LibreOffice (through its own API, as typing does): a grid's judgement row beside its descriptor, a row of
    the evidence log and a day of the days log each grow to show the whole text on screen and on paper (they were cut off
    after a line or three), and the mapping counts a piece logged under the PCF's Diversity and Equality for the early
    career standards' anti-discriminatory practice (it showed 0 whatever was logged). Excel grows a row that is not of a
    custom height as one types too, but there is no Excel here to show it."""
    book = openpyxl.load_workbook(built / "toolkit/asye-grid-kss-cf.xlsx")
    log = book["Evidence log"]
    diversity = next(c.column_letter for c in log[3] if c.value == "3. Diversity and Equality")
    into = book["Into ECS (children)"]
    anti = next(r for r in range(3, into.max_row + 1) if into.cell(r, 1).value == "Anti-discriminatory practice")
    grid, days = tmp_path / "grid.xlsx", tmp_path / "days.xlsx"
    shutil.copy(built / "toolkit/asye-grid-kss-cf.xlsx", grid)
    shutil.copy(built / "toolkit/days-log.xlsx", days)
    typed = [("ASYE", "D3", EVIDENCE), ("Evidence log", "B4", EVIDENCE), ("Evidence log", f"{diversity}4", "Yes")]
    found = type_into(grid, typed, [f"Into ECS (children)!C{anti}"], tmp_path)
    rows = found["rows"] | type_into(days, [("Days", "D3", EVIDENCE)], [], tmp_path)["rows"]
    for where in ("ASYE!D3", "Evidence log!B4", "Days!D3"):
        row = rows[where]
        assert row["optimal"] and row["after"] > 1.5 * row["before"], (where, row, "the row grows with what is typed")
    assert found["read"][f"Into ECS (children)!C{anti}"] == 1, "nothing logged is lost at the change of standards"
    for pdf in (grid.with_suffix(".pdf"), days.with_suffix(".pdf")):
        printed = " ".join(" ".join(pdf_pages(pdf)).split())
        assert "would do differently." in printed, (pdf.name, "the last words of the evidence are printed")
