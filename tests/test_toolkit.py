"""The PCF toolkit's files, opened with the libraries that wrote them and with LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import lxml.html
import openpyxl
import pikepdf
import pytest
import yaml

from conftest import ROOT, build_site, copy_project, run_cli

PCF = yaml.safe_load((ROOT / "data/frameworks/pcf.yml").read_text())
DOMAINS = [f"{item['number']}. {item['title']}" for item in PCF["items"]]
TOOLKIT_LEVELS = [level["name"] for level in PCF["levels"] if level.get("toolkit")]
WORD = ["pcf-level-guide.docx", "evidence-grid.docx", "direct-observation.docx", "critical-reflection.docx"]
EXCEL = ["evidence-grid.xlsx", "kss-asye-grid.xlsx"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.mark.parametrize("name", WORD)
def test_word_files_are_accessible(built: Path, name: str) -> None:
    document = docx.Document(built / "toolkit" / name)
    assert document.core_properties.title
    assert document.core_properties.language == "en-GB"
    defaults = document.styles.element.find(f"{W}docDefaults")
    assert defaults.find(f".//{W}lang").get(f"{W}val") == "en-GB"
    styles = [p.style.name for p in document.paragraphs if p.text]
    assert styles[0] == "Title" and "Heading 1" in styles
    assert document.tables
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.find(f".//{W}tblHeader") is not None, "header rows repeat and are marked as headers"
        assert table._tbl.tblPr.find(f"{W}tblCaption") is not None
    text = all_text(document)
    positions = [text.index(domain) for domain in DOMAINS]
    assert positions == sorted(positions), "domains in the order of the data"


def test_level_guide_has_every_level_and_descriptor(built: Path) -> None:
    document = docx.Document(built / "toolkit/pcf-level-guide.docx")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["The domains", *TOOLKIT_LEVELS]
    text = all_text(document)
    toolkit_levels = {level["id"] for level in PCF["levels"] if level.get("toolkit")}
    for item in PCF["items"]:
        for level, descriptor in item.get("descriptors", {}).items():
            assert (descriptor in text) == (level in toolkit_levels), (item["id"], level)


@pytest.mark.parametrize("name", EXCEL)
def test_excel_files_are_named_headed_and_validated(built: Path, name: str) -> None:
    book = openpyxl.load_workbook(built / "toolkit" / name)
    assert book.properties.title and book.properties.language == "en-GB"
    assert book.sheetnames[0] == "How to use"
    for sheet in book.worksheets[1:]:
        header = [cell.value for cell in sheet[1]]
        assert header[2:7] == ["Direct observation", "Service user or carer feedback", "Supervision", "Written work", "Reflective log"]
        assert sheet.freeze_panes == "B2"
        assert sheet.print_area and sheet.print_title_rows == "$1:$1"
        tables = list(sheet.tables.values())
        assert len(tables) == 1 and tables[0].headerRowCount in (None, 1)
        validations = sheet.data_validations.dataValidation
        assert len(validations) == 1
        assert validations[0].formula1 == '"Not yet evidenced,Partly evidenced,Evidenced"'
        assert str(validations[0].sqref).startswith(f"{chr(64 + len(header))}2:")
    if name == "evidence-grid.xlsx":
        assert book.sheetnames[1:] == [level.get("short_name") or level["name"] for level in PCF["levels"] if level.get("toolkit")]
        assert [book.worksheets[1].cell(row=r, column=1).value for r in range(2, 11)] == DOMAINS
    else:
        assert book.sheetnames[1:] == ["KSS (children)", "KSS (adults)"]
        assert book.worksheets[1].cell(row=2, column=1).value == "1. Relationships and effective direct work"


@pytest.mark.poppler
def test_level_guide_pdf_is_tagged(built: Path) -> None:
    with pikepdf.open(built / "toolkit/pcf-level-guide.pdf") as pdf:
        assert pdf.Root.MarkInfo.Marked is True and str(pdf.Root.Lang) == "en-GB"
        with pdf.open_metadata() as meta:
            assert meta["dc:title"] == "PCF level guide for practice educators"
    text = subprocess.run(["pdftotext", str(built / "toolkit/pcf-level-guide.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    for domain in DOMAINS:
        assert domain in " ".join(text.split())


def test_toolkit_page_and_zip(built: Path) -> None:
    page = lxml.html.fromstring((built / "toolkit/index.html").read_text())
    links = {a.get("href"): " ".join(a.getparent().text_content().split()) for a in page.xpath('//ul[@class="cpd-files"]//a')}
    for name in WORD + EXCEL + ["pcf-level-guide.pdf"]:
        size = (built / "toolkit" / name).stat().st_size
        assert f"({name.rsplit('.', 1)[1].upper()}, {round(size / 1024):,} KB)" in links[name]
    with zipfile.ZipFile(built / "toolkit/pcf-toolkit.zip") as archive:
        assert sorted(archive.namelist()) == sorted(WORD + EXCEL + ["pcf-level-guide.pdf"])
        assert archive.read("evidence-grid.xlsx") == (built / "toolkit/evidence-grid.xlsx").read_bytes()
    assert "Last updated" in page.text_content()


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
        assert "5. Knowledge and Research" in all_text(docx.Document(folder / name)), name
    for name in ("evidence-grid.xlsx",):
        book = openpyxl.load_workbook(folder / name)
        assert all(sheet.cell(row=6, column=1).value == "5. Knowledge and Research" for sheet in book.worksheets[1:])
    text = subprocess.run(["pdftotext", str(folder / "pcf-level-guide.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Knowledge and Research" in text
    with zipfile.ZipFile(folder / "pcf-toolkit.zip") as archive:
        inner = docx.Document(io.BytesIO(archive.read("direct-observation.docx")))
        assert "5. Knowledge and Research" in all_text(inner)


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.poppler
def test_files_open_in_libreoffice(built: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed (python3 build.py test installs it, as root on Debian)"
    for name in WORD + EXCEL:
        shutil.copy(built / "toolkit" / name, tmp_path / name)
    result = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *(str(tmp_path / n) for n in WORD + EXCEL),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for name in WORD:
        pdf = tmp_path / "pdf" / name.replace(".docx", ".pdf")
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "1. Professionalism" in text, name
    grid = tmp_path / "pdf" / "kss-asye-grid.pdf"
    assert grid.is_file() and grid.stat().st_size > 1000


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


def test_excel_guidance_rows_are_tall_enough_to_read(built: Path) -> None:
    """Spreadsheet programs do not grow rows for wrapped text on opening, so every guidance row says its height."""
    for name in EXCEL:
        sheet = openpyxl.load_workbook(built / "toolkit" / name).worksheets[0]
        width = sheet.column_dimensions["A"].width
        for row in range(2, sheet.max_row + 1):
            text = str(sheet.cell(row, 1).value or "")
            lines = -(-len(text) // int(width * 1.25))
            assert sheet.row_dimensions[row].height >= 15 * lines, f"{name} row {row}"
