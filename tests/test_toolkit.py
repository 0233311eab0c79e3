"""The practice educators' toolkit, file by file, as a practice educator would use it.

Every Word and Excel file of the built example is opened with the library
that reads it (python-docx, openpyxl) and checked for what Word's and
Excel's users expect: content controls with hints instead of text to
delete, headers and "Page X of Y" footers, header rows that repeat and rows
that may break across pages, print titles, page headers and drop-down lists. The slow
tests convert every file once with LibreOffice (a private profile, so that
parallel runs do not collide) and read the pages back with pdftotext.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import lxml.etree
import lxml.html
import openpyxl
import pikepdf
import pytest
import yaml
from PIL import ImageFont

from conftest import ROOT, build_site, copy_project, load, run_cli
from partnership.core.present.format import filesize

PCF = yaml.safe_load((ROOT / "data/frameworks/pcf.yml").read_text())
SITE = yaml.safe_load((ROOT / "data/site.yml").read_text())
FRAMEWORKS = {f["id"]: f for f in (yaml.safe_load(p.read_text()) for p in (ROOT / "data/frameworks").glob("*.yml"))}
DOMAINS = [f"{item['number']}. {item['title']}" for item in PCF["items"]]
TOOLKIT_LEVELS = [level for level in PCF["levels"] if level.get("toolkit")]
PLACEMENTS = [level for level in TOOLKIT_LEVELS if level["id"] in ("first-placement", "last-placement")]
TODAY = dt.date(2026, 11, 22)


def in_force(framework: dict, day: dt.date) -> bool:
    window = framework.get("in_force") or {}
    return window.get("from", day) <= day <= window.get("until", day)


TRACKS = [fid for fid in ("kss-cf", "kss-adults") if in_force(FRAMEWORKS[fid], TODAY)]
"""The ASYE's versions on the tests' day: one per service, each the KSS in force then."""
PER_LEVEL = ("learning-agreement", "midway-review", "final-report")
PER_TRACK = ("asye-development-plan", "asye-self-assessment", "asye-review", "asye-final-assessment")
ASYE_SHARED = ["asye-agreement.docx", "asye-reflective-log.docx", "asye-people-feedback.docx", "asye-moderation-checklist.docx"]
WORD = [
    "pcf-level-guide.docx",
    "progression-grid.docx",
    *(f"learning-agreement-{level['id']}.docx" for level in PLACEMENTS),
    "supervision-record.docx",
    "direct-observation.docx",
    "critical-reflection.docx",
    "service-user-feedback.docx",
    "colleague-feedback.docx",
    "evidence-grid.docx",
    "cause-for-concern.docx",
    *(f"midway-review-{level['id']}.docx" for level in PLACEMENTS),
    *(f"final-report-{level['id']}.docx" for level in PLACEMENTS),
    "portfolio-index.docx",
    "placement-quality-audit.docx",
    *ASYE_SHARED,
    *(f"{kind}-{track}.docx" for kind in PER_TRACK for track in TRACKS),
]
FORMS = [name for name in WORD if name != "pcf-level-guide.docx"]
WITHOUT_DOMAINS = ("service-user-feedback.docx", "asye-people-feedback.docx", "portfolio-index.docx", "placement-quality-audit.docx")
WITH_DOMAINS = [name for name in WORD if name not in (*WITHOUT_DOMAINS, *ASYE_SHARED) and not name.startswith("asye-self-assessment")]
"""The Word files with a row for every PCF domain."""
"""The Word files with spaces to fill (the level guide is to read)."""
EXCEL = ["days-log.xlsx", "evidence-grid.xlsx", *(f"asye-grid-{track}.xlsx" for track in TRACKS)]
PDF = ["pcf-level-guide.pdf"]
JUDGEMENTS = ["Not yet evidenced", "Partly evidenced", "Evidenced"]
OUTCOMES = ["Pass", "Refer", "Extension", "Fail"]
SOURCES = ["Direct observation", "Service user or carer feedback", "Supervision", "Written work", "Reflective log"]
STUDENT = "Sam Example-Student"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LOG_SHEET = "Evidence log"
LONG_ANSWER_TWIPS = 4 * 16 * 20
"""The room under a long answer's hint (four handwritten lines of 16 pt, in twentieths of a point): only such a row may break."""
NS = {"w": W[1:-1]}


def item_title(item: dict) -> str:
    return f"{item['number']}. {item['title']}" if item.get("number") is not None else item["title"]


def body_text(document: docx.document.Document) -> str:
    """Every paragraph's and cell's text (python-docx leaves out content controls' hints)."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def xml_of(path: Path, part: str = "word/document.xml") -> lxml.etree._Element:
    with zipfile.ZipFile(path) as archive:
        return lxml.etree.fromstring(archive.read(part))


def all_xml_text(path: Path) -> str:
    """Every text node of every XML part of a Word or Excel file, hints included."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            "".join(lxml.etree.fromstring(archive.read(name)).itertext()) for name in archive.namelist() if name.endswith(".xml")
        )


# -- the set of files ------------------------------------------------------------------------


def test_the_example_toolkit_has_every_document(built: Path) -> None:
    folder = built / "toolkit"
    made = sorted(p.name for p in folder.iterdir() if p.suffix in (".docx", ".xlsx", ".pdf"))
    assert made == sorted(WORD + EXCEL + PDF)
    assert len(TRACKS) == 2, "one ASYE version for children's services, one for adults'"


def moments(page: lxml.html.HtmlElement) -> list[tuple[str, list[str]]]:
    """The toolkit page's moments, in order: each one's title and the ids of its files."""
    found = []
    for details in page.xpath('//details[contains(@class, "cpd-moment")]'):
        title = " ".join(details.xpath("./summary/h3")[0].text_content().split())
        found.append((title, [li.get("id") for li in details.xpath('.//li[contains(@class, "cpd-download")]')]))
    return found


def test_toolkit_page_offers_the_files_by_moment_in_the_order_a_placement_uses_them(built: Path) -> None:
    page = lxml.html.fromstring((built / "toolkit/index.html").read_text())
    assert page.xpath('//nav[contains(@class, "cpd-moments")]/h2')[0].text_content() == "What do you need now?"
    found = moments(page)
    assert [title for title, _ in found] == [
        "Before the placement",
        "At the start of a placement",
        "Throughout the placement",
        "Midway through the placement",
        "At the end of the placement",
        "Starting the ASYE",
        "Through the ASYE",
        "ASYE reviews",
        "The end of the ASYE",
    ]
    order = [key for _, keys in found for key in keys]
    assert len(order) == len(set(order)) == len({name.rsplit(".", 1)[0] for name in WORD + EXCEL + PDF})
    assert order.index("pcf-level-guide") < order.index("learning-agreement-first-placement") < order.index("midway-review-first-placement")
    assert order.index("midway-review-last-placement") < order.index("final-report-first-placement") < order.index("asye-agreement")
    by_moment = dict(found)
    assert by_moment["ASYE reviews"] == [f"asye-review-{track}" for track in TRACKS]
    assert by_moment["At the end of the placement"][:2] == [f"final-report-{level['id']}" for level in PLACEMENTS]
    links = {a.get("href"): " ".join(a.text_content().split()) for a in page.xpath('//a[contains(@class, "cpd-file")]')}
    for name in WORD + EXCEL + PDF:
        size = (built / "toolkit" / name).stat().st_size
        assert f"({name.rsplit('.', 1)[1].upper()}, {round(size / 1024):,} KB)" in links[name], name
    button = " ".join(page.xpath('//a[@href="pcf-toolkit.zip"]')[0].text_content().split())
    assert f"ZIP, {filesize((built / 'toolkit/pcf-toolkit.zip').stat().st_size)}" in button and "README" in button
    text = " ".join(page.text_content().split())
    assert "Last updated" in text
    for track in TRACKS:
        assert f"{FRAMEWORKS[track]['short_name']}" in text
    assert "Not yet confirmed:" in text and "between 1 April and 31 August 2027" in text, "the April to August 2027 group is told"
    assert "finish it after 31 March 2027" in text, "and everyone else who finishes a KSS ASYE after the change"
    assert "Offered until 31 March 2028, a year after the last day such an ASYE could begin" in text


DATE = re.compile(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")
TOOLKIT_SOURCES = ("data/frameworks", "data/partners.yml", "data/pathways.yml", "data/site.yml", "content/toolkit")


def test_the_toolkit_page_gives_one_date_the_datas(built: Path, example_project: Path) -> None:
    """The page says when the files' data last changed, once: not the build's day as well ("made 22 November 2026"), which
    would differ from it. The example site is built from a copy outside git, so the date is its newest file's."""
    page = lxml.html.fromstring((built / "toolkit/index.html").read_text()).xpath("//article")[0]
    text = " ".join(page.text_content().split())
    updated = re.findall(r"Last updated (" + DATE.pattern + ")", text)
    assert len(updated) == 1, "one date"
    assert "last made" not in text and "made 22 November 2026" not in text and "in force on" not in text
    files = [f for source in TOOLKIT_SOURCES for f in (example_project / source, *(example_project / source).rglob("*")) if f.is_file()]
    day = dt.date.fromtimestamp(max(f.stat().st_mtime for f in files))
    assert updated[0] == f"{day.day} {day:%B %Y}", "the data's date, not the build's"
    with zipfile.ZipFile(built / "toolkit/pcf-toolkit.zip") as archive:
        readme = " ".join(archive.read("README.txt").decode("utf-8").split())
    assert f"Made on {updated[0]} from the frameworks in force that day" in readme, "the files carry the page's date"


def test_the_zip_holds_every_file_and_a_readme(built: Path) -> None:
    with zipfile.ZipFile(built / "toolkit/pcf-toolkit.zip") as archive:
        names = archive.namelist()
        assert names[0] == "README.txt"
        assert sorted(names[1:]) == sorted(WORD + EXCEL + PDF)
        for name in names[1:]:
            assert archive.read(name) == (built / "toolkit" / name).read_bytes(), name
        readme = archive.read("README.txt").decode("utf-8")
    assert readme.startswith("PCF toolkit for practice educators\r\n" + SITE["name"] + "\r\n")
    for name in names[1:]:
        assert name in readme, name
    headings = [line for line in readme.splitlines() if line.isupper() and line.strip()]
    assert headings[:9] == [
        "BEFORE THE PLACEMENT",
        "AT THE START OF A PLACEMENT",
        "THROUGHOUT THE PLACEMENT",
        "MIDWAY THROUGH THE PLACEMENT",
        "AT THE END OF THE PLACEMENT",
        "STARTING THE ASYE",
        "THROUGH THE ASYE",
        "ASYE REVIEWS",
        "THE END OF THE ASYE",
    ]
    assert "https://basw.co.uk/resources/professional-capabilities-framework-social-work-england" in readme, "addresses are never broken"
    assert SITE["contact_email"] in readme and re.search("Made on " + DATE.pattern, readme), "dated (by its data: see above)"


# -- Word ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", WORD)
def test_word_forms_have_the_features_word_users_expect(built: Path, name: str) -> None:
    path = built / "toolkit" / name
    document = docx.Document(path)
    title = document.core_properties.title
    assert title and document.core_properties.language == "en-GB" and document.core_properties.author == SITE["name"]
    assert document.styles.element.find(f"{W}docDefaults").find(f".//{W}lang").get(f"{W}val") == "en-GB"
    assert document.settings.element.find(f"{W}themeFontLang").get(f"{W}val") == "en-GB"
    styled = [p.style.name for p in document.paragraphs if p.text]
    assert styled[0] == "Title" and document.paragraphs[0].text == title
    assert "Heading 1" in styled, "a navigable structure"
    levels = [int(name.split()[-1]) for name in styled if name.startswith("Heading ")]
    assert all(b <= a + 1 for a, b in zip([0, *levels], levels, strict=False)), "no heading level skipped"
    for section in document.sections:
        header = " ".join(p.text for p in section.header.paragraphs)
        assert title in header and (SITE["name"] in header or SITE["short_name"] in header.split("\t")[-1])
        assert not section.header.is_linked_to_previous, "each section's own header, for its orientation"
        fields = [" ".join(t.split()) for t in section.footer._element.xpath(".//w:instrText/text()")]
        assert fields == ["PAGE", "NUMPAGES"], "Page X of Y"
        assert "Page " in section.footer.paragraphs[0].text and " of " in section.footer.paragraphs[0].text
    body = xml_of(path).find(f"{W}body")
    for paragraph in body.findall(f"{W}p"):
        assert "".join(paragraph.itertext()).strip(), "no empty paragraphs for spacing (a section break sits in the paragraph before it)"
    assert document.tables
    for table in document.tables:
        assert table.style.name == "Table Grid"
        assert table._tbl.tblPr.find(f"{W}tblCaption") is not None, "tables have a title for screen readers"
        rows = table._tbl.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None, "the header row is marked and repeats"
        assert rows[0].find(f"{W}trPr/{W}cantSplit") is not None, "the header row is never split"
        for row in rows[1:]:
            room = max((int(s.get(f"{W}after", 0)) for s in row.iter(f"{W}spacing")), default=0)
            if room < LONG_ANSWER_TWIPS:
                assert row.find(f"{W}trPr/{W}cantSplit") is not None, (name, "a label stays beside its answer on one page")
        assert all(row.find(f"{W}trPr/{W}trHeight") is None for row in rows), "no minimum heights (LibreOffice loses rows)"
    assert "Write here" not in all_xml_text(path)
    with zipfile.ZipFile(path) as archive:
        assert not any("thumbnail" in n for n in archive.namelist()), "no picture of python-docx's blank template"


@pytest.mark.parametrize("name", FORMS)
def test_every_space_to_fill_is_a_content_control_with_a_hint(built: Path, name: str) -> None:
    path = built / "toolkit" / name
    tree = xml_of(path)
    controls = tree.findall(f".//{W}sdt")
    assert controls, name
    ids = [c.find(f"{W}sdtPr/{W}id").get(f"{W}val") for c in controls]
    assert len(ids) == len(set(ids)), "ids unique within the document"
    for control in controls:
        properties = control.find(f"{W}sdtPr")
        assert [child.tag.removeprefix(W) for child in properties][:4] == ["alias", "tag", "id", "showingPlcHdr"], "schema order"
        assert properties.find(f"{W}alias").get(f"{W}val"), "a title for screen readers"
        runs = control.findall(f"{W}sdtContent/{W}r")
        hint = "".join(run.findtext(f"{W}t") or "" for run in runs)
        assert hint and hint != "Write here"
        assert all(run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "PlaceholderText" for run in runs), "the hint is grey"
        choices = properties.find(f"{W}dropDownList")
        if choices is not None:
            options = [item.get(f"{W}value") for item in choices]
            assert options and all(options)
    styles = xml_of(path, "word/styles.xml")
    placeholder = styles.xpath('//w:style[@w:styleId="PlaceholderText"]', namespaces=NS)
    assert placeholder and placeholder[0].find(f"{W}rPr/{W}color").get(f"{W}val") == "595959", "a grey with 7:1 contrast"


@pytest.mark.parametrize("name", FORMS)
def test_text_typed_into_a_control_is_not_grey(built: Path, name: str) -> None:
    """In Word, a control's own run properties (w:sdtPr/w:rPr) are the style of the text typed into it: they must not be the
    hint's grey "Placeholder Text" style, or every answer stays grey. Only the hint's own runs, marked w:showingPlcHdr, are."""
    for control in xml_of(built / "toolkit" / name).iter(f"{W}sdt"):
        properties = control.find(f"{W}sdtPr")
        styles = [s.get(f"{W}val") for s in properties.iterfind(f"{W}rPr/{W}rStyle")]
        assert "PlaceholderText" not in styles, name
        assert properties.find(f"{W}showingPlcHdr") is not None, "the grey is the hint's, shown only while nothing is typed"


def lists_in(path: Path, kind: str = "dropDownList") -> list[list[str]]:
    return [[i.get(f"{W}value") for i in dl] for dl in xml_of(path).iter(f"{W}{kind}")]


def test_judgements_and_recommendations_are_chosen_from_a_list(built: Path) -> None:
    professional = FRAMEWORKS["swe"]["items"]
    for level in PLACEMENTS:
        path = built / "toolkit" / f"final-report-{level['id']}.docx"
        lists = lists_in(path)
        judged = len(DOMAINS) + (len(professional) if level is PLACEMENTS[-1] else 0)
        assert lists.count(JUDGEMENTS) == judged, "every domain, and on the last placement every professional standard"
        assert lists.count(OUTCOMES) == 2, "the practice educator's recommendation and the panel's decision"
        dates = xml_of(path).findall(f".//{W}date/{W}dateFormat")
        assert dates and all(d.get(f"{W}val") == "dd/MM/yyyy" for d in dates)


def test_level_guide_is_complete_in_word(built: Path) -> None:
    document = docx.Document(built / "toolkit/pcf-level-guide.docx")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["How to use this guide", "The domains", *DOMAINS, *(level["name"] for level in TOOLKIT_LEVELS)]
    sections = document.sections
    assert [s.page_width > s.page_height for s in sections] == [False, True, False], "the domains' pages are landscape"
    text = body_text(document)
    toolkit_levels = {level["id"] for level in TOOLKIT_LEVELS}
    for item in PCF["items"]:
        for level, descriptor in item.get("descriptors", {}).items():
            assert (descriptor in text) == (level in toolkit_levels), (item["id"], level)
        for example in item["evidence"]:
            assert example in text
    for level in TOOLKIT_LEVELS:
        assert level["overall"] in text, ("what the level asks overall", level["id"])
    assert "A domain that is only partly evidenced at the end does not stop a pass" in text
    assert "Partly evidenced: some evidence shows the domain at the level, but not yet consistently" in text
    positions = [text.index(domain) for domain in DOMAINS]
    assert positions == sorted(positions), "domains in the order of the data"
    grids = [t for t in document.tables if t.rows[0].cells[0].text == "At each level"]
    assert len(grids) == len(DOMAINS), "a page per domain with the levels side by side, as in the PDF"


def test_progression_grid_has_a_landscape_page_per_domain_with_the_levels_side_by_side(built: Path) -> None:
    document = docx.Document(built / "toolkit/progression-grid.docx")
    section = document.sections[0]
    assert section.page_width > section.page_height, "landscape"
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0), "A4"
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in headings] == ["The levels", "Using the grid", *DOMAINS]
    domains = headings[2:]
    assert all(p.paragraph_format.page_break_before for p in domains), "each domain starts a page"
    grids = document.tables[1:]
    assert len(grids) == len(DOMAINS)
    for item, grid in zip(PCF["items"], grids, strict=True):
        assert [cell.text for cell in grid.rows[0].cells] == ["At each level", *(level["name"] for level in TOOLKIT_LEVELS)]
        assert [cell.text for cell in grid.rows[1].cells][1:] == [item["descriptors"][level["id"]] for level in TOOLKIT_LEVELS]


@pytest.mark.parametrize("kind", PER_LEVEL)
def test_forms_for_one_placement_level_show_that_level_only(built: Path, kind: str) -> None:
    assert len(PLACEMENTS) == 2
    for level in PLACEMENTS:
        document = docx.Document(built / "toolkit" / f"{kind}-{level['id']}.docx")
        assert document.core_properties.title.endswith(level["name"])
        text = body_text(document)
        for item in PCF["items"]:
            for other in PLACEMENTS:
                assert (item["descriptors"][other["id"]] in text) == (other is level), (kind, level["id"], item["id"], other["id"])
        assert level["overall"] in text or kind == "midway-review"


def test_feedback_forms_say_which_domains_each_answer_can_show(built: Path) -> None:
    for name, who in (("service-user-feedback.docx", "social work student"), ("asye-people-feedback.docx", "social worker")):
        document = docx.Document(built / "toolkit" / name)
        assert docx.shared.Pt(12) == document.styles["Normal"].font.size, "larger type for the people who use services"
        mapping = {row.cells[0].text: row.cells[1].text for row in document.tables[-1].rows[1:]}
        assert mapping[f"Did the {who} listen to you?"] == "7. Skills and Interventions; 2. Values and Ethics"
        assert all(mapping.values())


def test_universities_and_employers_come_from_the_partners(built: Path) -> None:
    partners = yaml.safe_load((ROOT / "data/partners.yml").read_text())
    for level in PLACEMENTS:
        combos = lists_in(built / "toolkit" / f"learning-agreement-{level['id']}.docx", "comboBox")
        assert [p["name"] for p in partners if p["kind"] == "hei"] in combos
        assert [p["name"] for p in partners if p["kind"] != "hei"] in combos


# -- Excel -----------------------------------------------------------------------------------


def grid_sheets(book: openpyxl.Workbook) -> list:
    """The sheets with descriptors or standards to judge (not the cover, a log, the totals or a mapping)."""
    return [s for s in book.worksheets[1:] if s.cell(row=2, column=4).value == SOURCES[0]]


@pytest.mark.parametrize("name", EXCEL)
def test_excel_workbooks_are_built_for_printing_and_for_data(built: Path, name: str) -> None:
    book = openpyxl.load_workbook(built / "toolkit" / name)
    assert book.properties.title and book.properties.language == "en-GB" and book.properties.creator == SITE["name"]
    assert book.sheetnames[0] == "Cover"
    cover = book["Cover"]
    labels = {cover.cell(row=r, column=1).value: r for r in range(6, 14)}
    for sheet in book.worksheets:
        assert sheet.print_area and sheet.print_title_rows, sheet.title
        assert sheet.oddHeader.left.text == book.properties.title.replace("&", "&&")[:80], sheet.title
        assert sheet.oddHeader.right.text == SITE["name"].replace("&", "&&")
        assert sheet.oddFooter.right.text == "Page &P of &N"
        assert int(sheet.page_setup.paperSize) == 9, "A4"
        pages_high = 1 if sheet.title == "Cover" else 0  # the cover on one page; the others as long as they need
        assert (
            sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == pages_high and sheet.sheet_properties.pageSetUpPr.fitToPage
        )
    for sheet in book.worksheets[1:]:
        assert sheet.page_setup.orientation == "landscape"
        top = 3 if sheet.title == "Evidence log" else 2
        assert sheet.print_title_rows == f"$1:${top}" and sheet.freeze_panes == f"B{top + 1}"
        assert sheet.oddHeader.center.text, "the level or standards the sheet is for"
        tables = list(sheet.tables.values())
        assert len(tables) == 1 and tables[0].ref.startswith(f"A{top}:")
        first = [cell.value for cell in sheet[1]][:4]
        person = first[0]
        assert first[1] == f"='Cover'!$B${labels[person]}&\"\"", "the name typed on the cover, printed on every page"
    grids = grid_sheets(book)
    if name == "days-log.xlsx":
        assert book.sheetnames[1:] == ["Days", "Totals"] and not grids
        return
    assert book.sheetnames[-1] == "Evidence log"
    for sheet in grids:
        header = [cell.value for cell in sheet[2]]
        assert header[2] == "Pieces in the evidence log" and header[3:8] == SOURCES
        judgement = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
        assert len(judgement) == 1 and judgement[0].formula1 == '"' + ",".join(JUDGEMENTS) + '"'
        assert str(judgement[0].sqref).startswith(f"{chr(64 + len(header))}3:")
    if name == "evidence-grid.xlsx":
        assert [s.title for s in grids] == [level.get("short_name") or level["name"] for level in TOOLKIT_LEVELS]
        assert [grids[0].cell(row=r, column=1).value for r in range(3, 12)] == DOMAINS
        assert [sheet.oddHeader.center.text for sheet in grids] == [level["name"] for level in TOOLKIT_LEVELS]
    else:
        track = FRAMEWORKS[name.removeprefix("asye-grid-").removesuffix(".xlsx")]
        assert [s.title for s in grids] == ["ASYE", track["short_name"]], "the PCF at the ASYE level, then this version's standards only"
        assert grids[1].cell(row=3, column=1).value == item_title(track["items"][0])


@pytest.mark.parametrize("name", EXCEL)
def test_excel_sheets_are_protected_except_the_cells_to_fill_in(built: Path, name: str) -> None:
    """Descriptors, headings and formulas are locked (a protected sheet, no password); the cells to fill in are not."""
    book = openpyxl.load_workbook(built / "toolkit" / name)
    for sheet in book.worksheets:
        assert sheet.protection.sheet and not sheet.protection.password, sheet.title
        assert not sheet.protection.formatRows and not sheet.protection.formatColumns, "rows and columns can still be resized"
        cells = [c for row in sheet.iter_rows() for c in row]
        fixed = [c for c in cells if c.value is not None and c.data_type in ("s", "f", "n")]
        open_ = [c for c in cells if not c.protection.locked]
        assert open_ or sheet.title == "Totals", ("somewhere to type", sheet.title)
        assert all(c.protection.locked for c in fixed if not (sheet.title == "Cover" and c.column == 2 and c.row > 5)), sheet.title
        assert all(c.value is None for c in open_), "every open cell starts empty"
        assert all(c.fill.fgColor.rgb.endswith("FFF7D6") for c in open_), "the cells to fill in are shaded"
    grids = grid_sheets(book)
    for sheet in grids:
        header = [cell.value for cell in sheet[2]]
        for row in range(3, sheet.max_row + 1):
            assert sheet.cell(row, 2).protection.locked, "the descriptor cannot be typed over"
            assert sheet.cell(row, 3).data_type == "f" and sheet.cell(row, 3).protection.locked, "the count cannot be typed over"
            assert not sheet.cell(row, len(header)).protection.locked, "the judgement is chosen"


@pytest.mark.parametrize("name", EXCEL)
def test_excel_rows_to_fill_in_grow_with_their_text(built: Path, name: str) -> None:
    """Spreadsheet programs grow a row to fit what is typed only when its height is not fixed (marked custom): no row with a
    cell to fill in is, and a log's rows (nothing but cells to fill in) have no height at all, so that they stay unfixed even
    if another program rewrites the file. Only the cover's title and notes (merged cells, which no program grows) keep
    fixed heights."""
    path = built / "toolkit" / name
    book = openpyxl.load_workbook(path)
    with zipfile.ZipFile(path) as archive:
        for index, sheet in enumerate(book.worksheets, start=1):
            xml = archive.read(f"xl/worksheets/sheet{index}.xml").decode()
            rows = {int(r): attributes for r, attributes in re.findall(r'<row\b[^>]*?\br="(\d+)"([^>]*)>', xml)}
            for number, attributes in rows.items():
                cells = [c for c in sheet[number] if not isinstance(c, openpyxl.cell.MergedCell)]
                takes_input = any(not c.protection.locked for c in cells)
                fixed_text = any(c.value is not None and c.protection.locked for c in cells)
                if takes_input:
                    assert 'customHeight="1"' not in attributes, (name, sheet.title, number, "a row to fill in grows")
                    if not fixed_text:
                        assert " ht=" not in attributes, (name, sheet.title, number, "an empty row to fill in has no height")
                elif 'customHeight="1"' in attributes:
                    assert sheet.title == "Cover", (name, sheet.title, number)
            if sheet.title in (LOG_SHEET, "Days"):
                assert sum(" ht=" in a for a in rows.values()) <= 3, "only the names, the group labels and the header"


DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def lines_in(text: str, width: float, font: ImageFont.FreeTypeFont) -> int:
    """How many lines ``text`` wraps to in a column ``width`` units wide (Excel's: 7 pixels each and 5 of padding, at 96 dpi)."""
    room, space, lines = int(width * 7 + 5) - 6, font.getlength(" "), 0
    for paragraph in text.split("\n"):
        lines, used = lines + 1, 0.0
        for word in paragraph.split():
            size = font.getlength(word)
            if used and used + space + size > room:
                lines, used = lines + 1, size
            else:
                used += (space if used else 0) + size
    return max(lines, 1)


@pytest.mark.parametrize("name", EXCEL)
def test_excel_fixed_text_is_shown_whole_in_the_wider_stand_in_font(built: Path, name: str) -> None:
    """LibreOffice shows a row at its stored height when it opens a file. Every row's fixed text (labels, descriptors, the
    names row, headings) fits its height when drawn in DejaVu Sans, the wider font LibreOffice uses where Arial is missing:
    measured here with the font itself, at 11 point and about 14 points a line."""
    book = openpyxl.load_workbook(built / "toolkit" / name)
    regular, bold = ImageFont.truetype(str(DEJAVU), 15), ImageFont.truetype(str(DEJAVU_BOLD), 15)  # 11 pt at 96 dpi
    for sheet in book.worksheets:
        merged = {c for r in sheet.merged_cells.ranges for c in r.cells}
        for row in sheet.iter_rows():
            for cell in row:
                if (cell.row, cell.column) in merged or not isinstance(cell.value, str) or cell.value.startswith("="):
                    continue
                if cell.alignment.text_rotation or not cell.protection.locked:
                    continue
                width = sheet.column_dimensions[cell.column_letter].width
                font = bold if cell.font.b else regular
                height = sheet.row_dimensions[cell.row].height or 15
                assert height >= 14 * lines_in(cell.value, width, font), (name, sheet.title, cell.coordinate, cell.value)


def test_the_evidence_log_feeds_the_counts(built: Path) -> None:
    """Each grid counts, by formula, the rows of the evidence log marked Yes for its domain or standard."""
    book = openpyxl.load_workbook(built / "toolkit/evidence-grid.xlsx")
    log = book["Evidence log"]
    header = [cell.value for cell in log[3]]
    assert header[:4] == ["Date", "What the evidence is", "Source", "Where it is kept"]
    assert all(
        name == domain or (name.endswith("…") and domain.startswith(name[:-1])) for name, domain in zip(header[4:], DOMAINS, strict=True)
    )
    assert [log.cell(2, 1).value, log.cell(2, 5).value] == ["The piece of evidence", "The PCF domains it shows: Yes under each"]
    assert {str(r) for r in log.merged_cells.ranges} == {"A2:D2", f"E2:{chr(68 + len(DOMAINS))}2"}, "a label over each group"
    assert log.max_row >= 100, "room for a placement's evidence"
    yes = [v for v in log.data_validations.dataValidation if v.formula1 == '"Yes"']
    assert yes and str(yes[0].sqref).startswith("E4:")
    for sheet in grid_sheets(book):
        formulas = [sheet.cell(row, 3).value for row in range(3, 3 + len(DOMAINS))]
        assert formulas == [f"=COUNTIF('Evidence log'!${chr(69 + n)}$4:${chr(69 + n)}$153,\"Yes\")" for n in range(len(DOMAINS))]
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert all(c.row == 1 or "Evidence log" in c.value for c in cells), "no formula but the names and the counts"


def test_the_days_log_totals_the_days(built: Path) -> None:
    book = openpyxl.load_workbook(built / "toolkit/days-log.xlsx")
    days, totals = book["Days"], book["Totals"]
    assert [c.value for c in days[2]] == ["Date", "Kind of day", "Hours", "What was done", "Confirmed by (initials)"]
    kinds = [v for v in days.data_validations.dataValidation if v.type == "list"]
    assert kinds and "Placement day" in kinds[0].formula1 and "Skills day" in kinds[0].formula1
    rows = {totals.cell(r, 1).value: totals.cell(r, 2).value for r in range(3, totals.max_row + 1)}
    assert rows["Placement days completed"] == "=COUNTIF('Days'!$B$3:$B$202,\"Placement day\")"
    assert "'Cover'!$B$11" in rows["Days still to do"] and rows["Days still to do"].startswith("=MAX(0,")
    cover = " ".join(str(c.value) for row in book["Cover"].iter_rows() for c in row if c.value)
    assert "at least 200 days of practice learning" in cover and "up to 30 of them skills days" in cover, "from swe-ets.yml"


# -- the level guide PDF ---------------------------------------------------------------------


def pdf_pages(path: Path) -> list[str]:
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout)[1])
    return [
        subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True, text=True, check=True).stdout
        for n in range(1, count + 1)
    ]


@pytest.mark.poppler
def test_level_guide_pdf_is_tagged_and_has_a_landscape_page_per_domain(built: Path) -> None:
    path = built / "toolkit/pcf-level-guide.pdf"
    with pikepdf.open(path) as pdf:
        assert pdf.Root.MarkInfo.Marked is True and str(pdf.Root.Lang) == "en-GB"
        assert "/StructTreeRoot" in pdf.Root
        with pdf.open_metadata() as meta:
            assert meta["dc:title"] == "PCF level guide for practice educators"
        landscape = [n for n, page in enumerate(pdf.pages) if float(page.MediaBox[2]) > float(page.MediaBox[3])]
    pages = pdf_pages(path)
    assert len(landscape) == len(DOMAINS), "one landscape page per domain"
    for domain, number in zip(DOMAINS, landscape, strict=True):
        text = " ".join(pages[number].split())
        assert text.count(domain) >= 2, (domain, "heading and caption on its own page")
        positions = [text.index(level["name"]) for level in TOOLKIT_LEVELS]
        assert positions == sorted(positions), "the levels side by side, lowest first"
        assert "Notes on the student" in text
    for number, page in enumerate(pages[1:], start=2):
        assert f"Page {number} of {len(pages)}" in page
    assert "font-family" not in "".join(pages), "the style sheet is applied, not printed"
    whole = " ".join(" ".join(pages).split())
    for level in TOOLKIT_LEVELS:
        assert level["overall"] in whole, level["id"]
    assert "A domain that is only partly evidenced at the end does not stop a pass" in whole


@pytest.mark.slow
@pytest.mark.poppler
def test_renaming_a_domain_changes_every_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    pcf = project / "data/frameworks/pcf.yml"
    pcf.write_text(pcf.read_text().replace("    title: Knowledge\n", "    title: Knowledge and Research\n"))
    result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    folder = project / "site/toolkit"
    for name in WITH_DOMAINS:
        assert "5. Knowledge and Research" in body_text(docx.Document(folder / name)), name
    book = openpyxl.load_workbook(folder / "evidence-grid.xlsx")
    assert all(sheet.cell(row=7, column=1).value == "5. Knowledge and Research" for sheet in grid_sheets(book))
    text = subprocess.run(["pdftotext", str(folder / "pcf-level-guide.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Knowledge and Research" in text
    with zipfile.ZipFile(folder / "pcf-toolkit.zip") as archive:
        inner = docx.Document(io.BytesIO(archive.read("direct-observation.docx")))
        assert "5. Knowledge and Research" in body_text(inner)


def test_text_that_looks_like_a_formula_stays_text(project: Path) -> None:
    """A descriptor or summary starting with = is written to Excel as text, never as a formula."""
    from partnership.core.outputs.toolkit import grids
    from partnership.core.views.toolkit import toolkit

    hostile = '=HYPERLINK("http://evil.example/","Click")'
    pcf = project / "data/frameworks/pcf.yml"
    plain = "      readiness: Shows a grasp of the basic knowledge needed to begin practice.\n"
    assert plain in pcf.read_text()
    pcf.write_text(pcf.read_text().replace(plain, f"      readiness: '{hostile}'\n"))
    kss = project / "data/frameworks/kss-adults.yml"
    summary = "summary: Understanding social work's distinct contribution alongside other professions in adult services."
    assert summary in kss.read_text()
    kss.write_text(kss.read_text().replace(summary, "summary: '=1+1'"))
    dataset = load(project)
    when = dt.datetime(2026, 11, 22, 12)
    kit = toolkit(dataset, when.date())
    assert kit is not None
    book = openpyxl.load_workbook(io.BytesIO(grids.evidence_grid(kit, dataset.site, when)))
    cells = [c for row in book["Readiness"].iter_rows(min_row=3) for c in row if c.value == hostile]
    assert len(cells) == 1 and cells[0].data_type == "s"
    adults = next(track for track in kit.tracks if track.key == "kss-adults")
    book = openpyxl.load_workbook(io.BytesIO(grids.asye_grid(kit, dataset.site, when, adults)))
    cells = [c for row in book["KSS (adults)"].iter_rows(min_row=3) for c in row if c.value == "=1+1"]
    assert len(cells) == 1 and cells[0].data_type == "s"


@pytest.mark.slow
def test_the_same_data_builds_the_same_site_byte_for_byte(built: Path, tmp_path: Path) -> None:
    """Building again from the same data and time gives identical files, Word and Excel ones included.

    (Their libraries date every entry of the archive, and openpyxl its
    "modified" property, with the clock; the build dates them with its own time.)
    The second build is the command line in a new process, with its own hash
    seed and Python's real clock (``built`` was built in the tests' process),
    so nothing may depend on either.
    """
    project = copy_project(tmp_path / "project")
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    again = project / "site"
    first = {p.relative_to(built) for p in built.rglob("*") if p.is_file()}
    second = {p.relative_to(again) for p in again.rglob("*") if p.is_file()}
    assert first == second
    differ = [str(p) for p in sorted(first) if (built / p).read_bytes() != (again / p).read_bytes()]
    assert not differ, differ
    assert {"toolkit/evidence-grid.xlsx", "toolkit/pcf-level-guide.docx", "toolkit/pcf-toolkit.zip"} <= {str(p) for p in first}


# -- LibreOffice: every file converted once, read page by page --------------------------------


@pytest.fixture(scope="session")
def converted(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every Word and Excel file of the example toolkit as a PDF made by LibreOffice, converted once per session.

    The Word and Excel evidence grids share a name, so each file is copied
    under a name that keeps its extension (evidence-grid.docx.pdf). A
    private profile keeps parallel runs from sharing LibreOffice's.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed (python3 build.py test installs it, as root on Debian)"
    folder = tmp_path_factory.mktemp("libreoffice")
    for name in WORD + EXCEL:
        shutil.copy(built / "toolkit" / name, folder / f"{name}.{name.rsplit('.', 1)[1]}")
    named = openpyxl.load_workbook(built / "toolkit/evidence-grid.xlsx")
    named["Cover"]["B6"] = STUDENT
    named.save(folder / "named.xlsx")
    sources = [str(folder / f"{name}.{name.rsplit('.', 1)[1]}") for name in WORD + EXCEL] + [str(folder / "named.xlsx")]
    libreoffice(sources, folder / "pdf", folder / "profile")
    yield folder / "pdf"


def libreoffice(sources: list[str], target: Path, profile: Path) -> None:
    """Convert ``sources`` to PDFs in ``target`` with LibreOffice, using its own ``profile``."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed (python3 build.py test installs it, as root on Debian)"
    command = [soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", str(target), *sources]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr


def converted_pdf(folder: Path, name: str) -> Path:
    path = folder / f"{name}.pdf"
    assert path.is_file(), f"LibreOffice did not convert {name}"
    return path


@pytest.mark.slow
@pytest.mark.parametrize("name", WORD)
@pytest.mark.libreoffice
@pytest.mark.poppler
def test_word_forms_in_libreoffice(converted: Path, built: Path, name: str) -> None:
    pages = pdf_pages(converted_pdf(converted, name))
    title = docx.Document(built / "toolkit" / name).core_properties.title
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page, (name, number)
        assert title in " ".join(page.split()), "the form's name on every page"
        assert "Write here" not in page
    text = " ".join(" ".join(pages).split())
    if name in WITH_DOMAINS:
        for domain in DOMAINS:
            assert domain in text, (name, domain, "every row of every table is shown")
    assert "Choose a date" in text or name in ("pcf-level-guide.docx", "progression-grid.docx"), "hints show as text"


def words_of(pdf: Path) -> list[list[tuple[float, float, float, str]]]:
    """Each page's words as (left, top, bottom, text), from pdftotext's bounding boxes."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    tree = lxml.etree.fromstring(xhtml.encode())
    pages = []
    for page in tree.iter("{*}page"):
        pages.append([(float(w.get("xMin")), float(w.get("yMin")), float(w.get("yMax")), w.text or "") for w in page.iter("{*}word")])
    return pages


def broken_words(pdf: Path, source: str) -> list[str]:
    """Words printed in ``pdf`` that are not words of ``source`` (the text it was made from): the pieces of a word broken
    letter by letter across lines ("Professionalis" and "m"), which a column too narrow for it makes."""
    vocabulary = set(re.findall(r"[A-Za-z]+", source))
    printed = {part for page in words_of(pdf) for *_, word in page for part in re.findall(r"[A-Za-z]+", word)}
    return sorted(printed - vocabulary)


def source_text(path: Path) -> str:
    """Every text of a Word or Excel file (hints, lists and headers included), words kept apart."""
    with zipfile.ZipFile(path) as archive:
        return " ".join(" ".join(lxml.etree.fromstring(archive.read(n)).itertext()) for n in archive.namelist() if n.endswith(".xml"))


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.poppler
def test_no_word_is_broken_in_any_conversion_or_pdf(converted: Path, built: Path) -> None:
    """No column is narrower than its longest word, in Word's tables, Excel's columns or the level guide's PDF."""
    made = "Page of RDTP PCF toolkit made December November"  # the footer's words, and the build's date
    problems = {}
    for name in WORD + EXCEL:
        broken = broken_words(converted_pdf(converted, name), source_text(built / "toolkit" / name) + made)
        if broken:
            problems[name] = broken
    template = ROOT / "plugins/partnership/core/outputs/templates/toolkit_guide_pdf.html"  # the PDF's own words, and the data's
    guide = broken_words(
        built / "toolkit/pcf-level-guide.pdf", source_text(built / "toolkit/pcf-level-guide.docx") + template.read_text() + made
    )
    if guide:
        problems["pcf-level-guide.pdf"] = guide
    assert not problems, problems


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.poppler
def test_progression_grid_prints_a_page_per_domain(converted: Path) -> None:
    pages = [" ".join(page.split()) for page in pdf_pages(converted_pdf(converted, "progression-grid.docx"))]
    assert len(pages) == 1 + len(DOMAINS), "an introduction, then a page for each domain"
    for domain, page in zip(DOMAINS, pages[1:], strict=True):
        assert page.count(domain) == 1 and "Notes on the student" in page, domain
        positions = [page.index(level["name"].split()[0]) for level in TOOLKIT_LEVELS]
        assert positions == sorted(positions)


@pytest.mark.slow
@pytest.mark.parametrize("name", EXCEL)
@pytest.mark.libreoffice
@pytest.mark.poppler
def test_excel_sheets_print_with_headers_and_titles_on_every_page(converted: Path, built: Path, name: str) -> None:
    book = openpyxl.load_workbook(built / "toolkit" / name)
    pages = [" ".join(page.split()) for page in pdf_pages(converted_pdf(converted, name))]
    assert len(pages) >= len(book.worksheets)
    for number, page in enumerate(pages, start=1):
        assert book.properties.title in page and SITE["name"] in page, number
        assert f"Page {number} of {len(pages)}" in page, number
    first = book.worksheets[1].cell(row=1, column=1).value.split()[0]
    assert all(first in page for page in pages[1:]), "the first row, with the student's name, is printed on every page"
    for sheet in book.worksheets[1:]:
        assert any(sheet.oddHeader.center.text in page for page in pages), sheet.title
    assert len(pages) <= 3 * len(book.worksheets) + 6, "an empty log prints on a few pages, not dozens"


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.poppler
def test_the_name_typed_on_the_cover_is_printed_on_every_page_of_the_grid(converted: Path) -> None:
    pages = [" ".join(page.split()) for page in pdf_pages(converted / "named.pdf")]
    grid_pages = [page for page in pages if "Direct observation" in page]
    assert grid_pages and all("Student" in page and STUDENT in page for page in grid_pages)
