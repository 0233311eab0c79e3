"""The practice educators' toolkit, file by file, as a practice educator would use it.

Every Word and Excel file of the built example is opened with the library
that reads it (python-docx, openpyxl) and checked for what Word's and
Excel's users expect: content controls with hints instead of text to
delete, headers and "Page X of Y" footers, header rows that repeat and rows
that never split, print titles, page headers and drop-down lists. The slow
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

from conftest import ROOT, build_site, copy_project, load, run_cli

PCF = yaml.safe_load((ROOT / "data/frameworks/pcf.yml").read_text())
SITE = yaml.safe_load((ROOT / "data/site.yml").read_text())
DOMAINS = [f"{item['number']}. {item['title']}" for item in PCF["items"]]
TOOLKIT_LEVELS = [level for level in PCF["levels"] if level.get("toolkit")]
PLACEMENTS = [level for level in TOOLKIT_LEVELS if level["id"] in ("first-placement", "last-placement")]
WORD = [
    "pcf-level-guide.docx",
    "progression-grid.docx",
    "learning-agreement.docx",
    "direct-observation.docx",
    "critical-reflection.docx",
    "service-user-feedback.docx",
    "evidence-grid.docx",
    "cause-for-concern.docx",
    "midway-review.docx",
    *(f"final-report-{level['id']}.docx" for level in PLACEMENTS),
    "asye-development-plan.docx",
    "asye-review.docx",
]
FORMS = [name for name in WORD if name != "pcf-level-guide.docx"]
"""The Word files with spaces to fill (the level guide is to read)."""
EXCEL = ["evidence-grid.xlsx", "kss-asye-grid.xlsx"]
PDF = ["pcf-level-guide.pdf"]
JUDGEMENTS = ["Not yet evidenced", "Partly evidenced", "Evidenced"]
SOURCES = ["Direct observation", "Service user or carer feedback", "Supervision", "Written work", "Reflective log"]
STUDENT = "Sam Example-Student"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


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
    documents = {name.rsplit(".", 1)[0] for name in made}
    assert len(documents) >= 10, documents


def test_toolkit_page_lists_the_files_in_the_order_a_placement_uses_them(built: Path) -> None:
    page = lxml.html.fromstring((built / "toolkit/index.html").read_text())
    ids = ("before", "start", "throughout", "midway", "end", "asye")
    phases = [" ".join(h.text_content().split()) for h in page.xpath("//h3[@id]") if h.get("id") in ids]
    assert phases == [
        "1. Before the placement",
        "2. At the start",
        "3. Throughout the placement",
        "4. Midway",
        "5. At the end",
        "6. The ASYE",
    ]
    order = [row.get("id") for row in page.xpath('//table[contains(@class, "cpd-downloads")]//tr[@id]')]
    assert order.index("pcf-level-guide") < order.index("learning-agreement") < order.index("midway-review")
    assert order.index("midway-review") < order.index("final-report-first-placement") < order.index("asye-development-plan")
    links = {a.get("href"): " ".join(a.getparent().text_content().split()) for a in page.xpath('//ul[@class="cpd-files"]//a')}
    for name in WORD + EXCEL + PDF:
        size = (built / "toolkit" / name).stat().st_size
        assert f"({name.rsplit('.', 1)[1].upper()}, {round(size / 1024):,} KB)" in links[name], name
    button = " ".join(page.xpath('//a[@href="pcf-toolkit.zip"]')[0].text_content().split())
    assert f"ZIP, {round((built / 'toolkit/pcf-toolkit.zip').stat().st_size / 1024):,} KB" in button and "README" in button
    assert "Last updated" in page.text_content()


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
    assert headings[:6] == ["BEFORE THE PLACEMENT", "AT THE START", "THROUGHOUT THE PLACEMENT", "MIDWAY", "AT THE END", "THE ASYE"]
    assert "https://basw.co.uk/resources/professional-capabilities-framework-social-work-england" in readme, "addresses are never broken"
    assert SITE["contact_email"] in readme and "Made on 22 November 2026" in readme


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
        assert title in header and SITE["name"] in header
        fields = [" ".join(t.split()) for t in section.footer._element.xpath(".//w:instrText/text()")]
        assert fields == ["PAGE", "NUMPAGES"], "Page X of Y"
        assert "Page " in section.footer.paragraphs[0].text and " of " in section.footer.paragraphs[0].text
    body = xml_of(path).find(f"{W}body")
    for paragraph in body.findall(f"{W}p"):
        assert "".join(paragraph.itertext()).strip(), "no empty paragraphs for spacing"
    assert document.tables
    for table in document.tables:
        assert table.style.name == "Table Grid"
        assert table._tbl.tblPr.find(f"{W}tblCaption") is not None, "tables have a title for screen readers"
        rows = table._tbl.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None, "the header row is marked and repeats"
        assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows), "rows never split across pages"
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
        assert [child.tag.removeprefix(W) for child in properties][:5] == ["rPr", "alias", "tag", "id", "showingPlcHdr"], "schema order"
        assert properties.find(f"{W}alias").get(f"{W}val"), "a title for screen readers"
        runs = control.findall(f"{W}sdtContent/{W}r")
        hint = "".join(run.findtext(f"{W}t") or "" for run in runs)
        assert hint and hint != "Write here"
        assert all(run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "PlaceholderText" for run in runs)
        choices = properties.find(f"{W}dropDownList")
        if choices is not None:
            options = [item.get(f"{W}value") for item in choices]
            assert options and all(options)
    styles = xml_of(path, "word/styles.xml")
    placeholder = styles.xpath('//w:style[@w:styleId="PlaceholderText"]', namespaces=NS)
    assert placeholder and placeholder[0].find(f"{W}rPr/{W}color").get(f"{W}val") == "595959", "a grey with 7:1 contrast"


def test_judgements_are_chosen_from_a_list(built: Path) -> None:
    for level in PLACEMENTS:
        tree = xml_of(built / "toolkit" / f"final-report-{level['id']}.docx")
        lists = [[i.get(f"{W}value") for i in dl] for dl in tree.iter(f"{W}dropDownList")]
        assert lists.count(JUDGEMENTS) == len(DOMAINS)
        assert ["Pass", "Fail"] in lists
        dates = tree.findall(f".//{W}date/{W}dateFormat")
        assert dates and all(d.get(f"{W}val") == "dd/MM/yyyy" for d in dates)


def test_level_guide_has_every_level_and_descriptor(built: Path) -> None:
    document = docx.Document(built / "toolkit/pcf-level-guide.docx")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["How to use this guide", "The domains", *(level["name"] for level in TOOLKIT_LEVELS)]
    text = body_text(document)
    toolkit_levels = {level["id"] for level in TOOLKIT_LEVELS}
    for item in PCF["items"]:
        for level, descriptor in item.get("descriptors", {}).items():
            assert (descriptor in text) == (level in toolkit_levels), (item["id"], level)
        for example in item["evidence"]:
            assert example in text
    positions = [text.index(domain) for domain in DOMAINS]
    assert positions == sorted(positions), "domains in the order of the data"


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


def test_final_reports_follow_their_placement_level(built: Path) -> None:
    assert len(PLACEMENTS) == 2
    for level in PLACEMENTS:
        document = docx.Document(built / "toolkit" / f"final-report-{level['id']}.docx")
        assert document.core_properties.title == f"Final report: {level['name']}"
        text = body_text(document)
        for item in PCF["items"]:
            for other in PLACEMENTS:
                assert (item["descriptors"][other["id"]] in text) == (other is level), (level["id"], item["id"], other["id"])
        assert "Holistic assessment" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def test_asye_forms_follow_the_standards_for_each_service(built: Path) -> None:
    for name in ("asye-development-plan.docx", "asye-review.docx"):
        document = docx.Document(built / "toolkit" / name)
        headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
        assert "Knowledge and skills statement for child and family practitioners" in headings
        assert "Knowledge and skills statement for social workers in adult services" in headings
        text = body_text(document)
        assert "1. Relationships and effective direct work" in text and "The role of social workers working with adults" in text
        for item in PCF["items"]:
            assert item["descriptors"]["asye"] in text
    reviews = [[i.get(f"{W}value") for i in dl] for dl in xml_of(built / "toolkit/asye-review.docx").iter(f"{W}dropDownList")]
    assert ["Three-month review", "Six-month review", "Final review at twelve months"] in reviews


def test_feedback_form_says_which_domains_each_answer_can_show(built: Path) -> None:
    document = docx.Document(built / "toolkit/service-user-feedback.docx")
    assert docx.shared.Pt(12) == document.styles["Normal"].font.size, "larger type for the people who use services"
    mapping = {row.cells[0].text: row.cells[1].text for row in document.tables[-1].rows[1:]}
    assert mapping["Did the student listen to you?"] == "7. Skills and Interventions; 2. Values and Ethics"
    assert all(mapping.values())


def test_universities_and_employers_come_from_the_partners(built: Path) -> None:
    tree = xml_of(built / "toolkit/learning-agreement.docx")
    combos = [[i.get(f"{W}value") for i in box] for box in tree.iter(f"{W}comboBox")]
    partners = yaml.safe_load((ROOT / "data/partners.yml").read_text())
    assert [p["name"] for p in partners if p["kind"] == "hei"] in combos
    assert [p["name"] for p in partners if p["kind"] != "hei"] in combos


# -- Excel -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXCEL)
def test_excel_workbooks_are_built_for_printing_and_for_data(built: Path, name: str) -> None:
    book = openpyxl.load_workbook(built / "toolkit" / name)
    assert book.properties.title and book.properties.language == "en-GB" and book.properties.creator == SITE["name"]
    assert book.sheetnames[0] == "Cover"
    cover = book["Cover"]
    labels = {cover.cell(row=r, column=1).value: r for r in range(6, 12)}
    for sheet in book.worksheets:
        assert sheet.print_area and sheet.print_title_rows, sheet.title
        assert sheet.oddHeader.left.text == book.properties.title, sheet.title
        assert sheet.oddHeader.right.text == SITE["name"].replace("&", "&&")
        assert sheet.oddFooter.right.text == "Page &P of &N"
        assert int(sheet.page_setup.paperSize) == 9, "A4"
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
    for sheet in book.worksheets[1:]:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.print_title_rows == "$1:$2" and sheet.freeze_panes == "B3"
        assert sheet.oddHeader.center.text, "the level or standards the sheet is for"
        header = [cell.value for cell in sheet[2]]
        assert header[2:7] == SOURCES
        tables = list(sheet.tables.values())
        assert len(tables) == 1 and tables[0].ref.startswith("A2:")
        judgement = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
        assert len(judgement) == 1 and judgement[0].formula1 == '"' + ",".join(JUDGEMENTS) + '"'
        assert str(judgement[0].sqref).startswith(f"{chr(64 + len(header))}3:")
        first = [cell.value for cell in sheet[1]][:4]
        person = first[0]
        assert first[1] == f"='Cover'!$B${labels[person]}&\"\"", "the name typed on the cover, printed on every page"
        assert sheet.cell(row=1, column=2).data_type == "f", "a live reference, not its text"
        formulas = [c.coordinate for row in sheet.iter_rows(min_row=2) for c in row if c.data_type == "f"]
        assert not formulas, "no formula but the names from the cover"
    if name == "evidence-grid.xlsx":
        assert book.sheetnames[1:] == [level.get("short_name") or level["name"] for level in TOOLKIT_LEVELS]
        assert [book.worksheets[1].cell(row=r, column=1).value for r in range(3, 12)] == DOMAINS
        assert [sheet.oddHeader.center.text for sheet in book.worksheets[1:]] == [level["name"] for level in TOOLKIT_LEVELS]
    else:
        assert book.sheetnames[1:] == ["KSS (children)", "KSS (adults)"]
        assert book.worksheets[1].cell(row=3, column=1).value == "1. Relationships and effective direct work"


def test_excel_rows_are_tall_enough_to_read(built: Path) -> None:
    """Spreadsheet programs do not grow rows for wrapped text on opening, so every row with prose says its height."""
    for name in EXCEL:
        book = openpyxl.load_workbook(built / "toolkit" / name)
        cover = book["Cover"]
        width = cover.column_dimensions["A"].width + cover.column_dimensions["B"].width
        for row in range(12, cover.max_row + 1):
            text = str(cover.cell(row, 1).value or "")
            if text:
                lines = -(-len(text) // int(width * 1.25))
                assert (cover.row_dimensions[row].height or 15) >= 15 * lines, f"{name} row {row}"
        for sheet in book.worksheets[1:]:
            for row in range(3, sheet.max_row + 1):
                for column in range(1, 3):
                    text = str(sheet.cell(row, column).value or "")
                    width = sheet.column_dimensions[chr(64 + column)].width
                    assert sheet.row_dimensions[row].height >= 15 * -(-len(text) // int(width * 1.25)), f"{name} {sheet.title} {row}"


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


@pytest.mark.slow
@pytest.mark.poppler
def test_renaming_a_domain_changes_every_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    pcf = project / "data/frameworks/pcf.yml"
    pcf.write_text(pcf.read_text().replace("    title: Knowledge\n", "    title: Knowledge and Research\n"))
    result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    folder = project / "site/toolkit"
    for name in WORD:
        if name not in ("service-user-feedback.docx",):
            assert "5. Knowledge and Research" in body_text(docx.Document(folder / name)), name
    book = openpyxl.load_workbook(folder / "evidence-grid.xlsx")
    assert all(sheet.cell(row=7, column=1).value == "5. Knowledge and Research" for sheet in book.worksheets[1:])
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
    book = openpyxl.load_workbook(io.BytesIO(grids.asye_grid(kit, dataset.site, when)))
    cells = [c for row in book["KSS (adults)"].iter_rows(min_row=3) for c in row if c.value == "=1+1"]
    assert len(cells) == 1 and cells[0].data_type == "s"


def test_asye_forms_leave_out_a_service_that_has_moved_to_another_programme(project: Path) -> None:
    """From September 2027 the ECDP replaces the ASYE in children's services: the ASYE forms are then for adults' services."""
    from partnership.core.outputs.toolkit import asye, grids
    from partnership.core.present.toolkit import downloads
    from partnership.core.views.toolkit import toolkit

    dataset = load(project)
    before, after = dt.datetime(2027, 7, 1, 12), dt.datetime(2027, 10, 1, 12)
    kit = toolkit(dataset, before.date())
    assert kit is not None and [f.id for f in kit.kss] == ["cf-early-career", "kss-adults"] and not kit.asye_handed_over
    kit = toolkit(dataset, after.date())
    assert kit is not None and [f.id for f in kit.kss] == ["kss-adults"] and kit.asye_handed_over == ("children",)
    document = docx.Document(io.BytesIO(asye.development_plan(kit, dataset.site, after)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "In children's services, newly qualified social workers have followed a different programme since 1 September 2027" in text
    assert "early career standards" not in body_text(document).lower()
    services = [[i.get(f"{W}value") for i in dl] for dl in document.element.iter(f"{W}dropDownList")]
    assert ["Adults' services"] in services
    book = openpyxl.load_workbook(io.BytesIO(grids.asye_grid(kit, dataset.site, after)))
    assert book.sheetnames == ["Cover", "KSS (adults)"]
    assert [d.key for d in downloads(kit)][-3:] == ["asye-development-plan", "asye-review", "kss-asye-grid"]


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
    result = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "pdf"),
            *sources,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    yield folder / "pdf"


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
    if name != "service-user-feedback.docx":
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


def rows_start_under_the_header(pdf: Path, header: tuple[str, str], starts: set[str]) -> list[str]:
    """Pages of a table that do not begin with a whole row.

    On every page showing the table's header row (found by the first words
    of its first two columns, ``header``), the first word below it in the first column must
    begin a row (one of ``starts``), and sit as close under the header as
    the first row does on the table's first page: the tail of a row split
    across pages would sit there instead, and push the next row down.
    """
    problems, reference = [], None
    for number, words in enumerate(words_of(pdf), start=1):
        heads = [w for w in words if w[3] == header[0] and any(v[3] == header[1] and abs(v[1] - w[1]) < 1 for v in words)]
        for left, _, bottom, _ in heads:
            below = sorted((w for w in words if abs(w[0] - left) < 3 and w[1] > bottom + 1), key=lambda w: w[1])
            if not below:
                continue
            gap = below[0][1] - bottom
            reference = gap if reference is None else reference
            if below[0][3] not in starts or gap > reference + 3:
                problems.append(f"page {number}: {below[0][3]!r} {gap:.0f}pt under the header (the first row: {reference:.0f}pt)")
    return problems


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.poppler
def test_no_row_is_split_across_pages_in_the_grids(converted: Path) -> None:
    numbers = {f"{n}." for n in range(1, 20)}
    problems: list[str] = []
    grids = {
        "evidence-grid.docx": "Direct",
        "midway-review.docx": "Evidence",
        "learning-agreement.docx": "Learning",
        "cause-for-concern.docx": "Touched?",
        **{f"final-report-{level['id']}.docx": "At" for level in PLACEMENTS},
    }
    for name, second in grids.items():
        pdf = converted_pdf(converted, name)
        assert sum(w[3] == "Domain" for page in words_of(pdf) for w in page) >= 1, name
        problems += [f"{name} {p}" for p in rows_start_under_the_header(pdf, ("Domain", second), numbers)]
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
    grid_pages = [page for page in pages if "Direct observation" in page]
    assert len(grid_pages) >= len(book.worksheets) - 1
    for page in grid_pages:
        first = book.worksheets[1].cell(row=1, column=1).value
        assert first in page, "the student's name row is printed on every page"
    for sheet in book.worksheets[1:]:
        assert any(sheet.oddHeader.center.text in page for page in grid_pages), sheet.title


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.poppler
def test_the_name_typed_on_the_cover_is_printed_on_every_page_of_the_grid(converted: Path) -> None:
    pages = [" ".join(page.split()) for page in pdf_pages(converted / "named.pdf")]
    grid_pages = [page for page in pages if "Direct observation" in page]
    assert grid_pages and all(f"Student {STUDENT}" in page for page in grid_pages)
