"""Accessible Word documents with python-docx: real headings, header rows, title and language.

Practice educators fill these in, so every space to write in is a table
cell marked "Write here" in grey, and every table's first row is a header
row that repeats on each page it crosses.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

from ..zipped import restamp

LANGUAGE = "en-GB"
PROMPT = "Write here"
MUTED = RGBColor(0x4B, 0x55, 0x63)


def new_document(title: str, author: str, subject: str, when: dt.datetime) -> DocumentType:
    """An A4 document with its title, author and language set, and Arial 11 pt text."""
    document = Document()
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.subject = subject
    properties.language = LANGUAGE
    properties.created = when.replace(tzinfo=None)
    properties.modified = when.replace(tzinfo=None)
    properties.last_modified_by = author
    properties.revision = 1
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    _set_language(document)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        document.styles[name].font.name = "Arial"
        document.styles[name].font.color.rgb = RGBColor(0x1F, 0x23, 0x28)
    document.add_paragraph(title, style="Title")
    return document


def _set_language(document: DocumentType) -> None:
    """Set the document's default language (w:docDefaults/w:rPrDefault/w:rPr/w:lang)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), LANGUAGE)
    language.set(qn("w:eastAsia"), LANGUAGE)
    language.set(qn("w:bidi"), "ar-SA")


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    cant_split = OxmlElement("w:cantSplit")
    properties.append(cant_split)


def _describe(table: Table, caption: str) -> None:
    """The table's title and description (w:tblCaption, w:tblDescription) for screen readers."""
    properties = table._tbl.tblPr
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", caption)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value[:250])
        properties.append(element)


def _shade(cell: _Cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def write_in(cell: _Cell, text: str, bold: bool = False) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold


def space(cell: _Cell, prompt: str = PROMPT, lines: int = 3) -> None:
    """A clearly marked space to write in: a grey prompt and room for a few lines."""
    cell.text = ""
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(prompt)
    run.italic = True
    run.font.color.rgb = MUTED
    for _ in range(lines - 1):
        cell.add_paragraph("")


def table(
    document: DocumentType,
    header: Sequence[str],
    rows: Sequence[Sequence[str | None]],
    caption: str,
    widths: Sequence[float] | None = None,
    lines: int = 3,
) -> Table:
    """A table with a repeating header row; a ``None`` cell is a space to write in."""
    grid = document.add_table(rows=1 + len(rows), cols=len(header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    _describe(grid, caption)
    _repeat_header(grid.rows[0])
    for index, text in enumerate(header):
        cell = grid.rows[0].cells[index]
        write_in(cell, text, bold=True)
        _shade(cell, "E8ECF1")
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            cell = grid.rows[r].cells[c]
            if value is None:
                space(cell, lines=lines)
            else:
                write_in(cell, value, bold=c == 0)
    if widths:
        grid.autofit = False
        for index, width in enumerate(widths):
            grid.columns[index].width = Cm(width)
        for row in grid.rows:
            for index, width in enumerate(widths):
                row.cells[index].width = Cm(width)
    document.add_paragraph("")
    return grid


def form(document: DocumentType, fields: Sequence[str], caption: str) -> Table:
    """Two columns: a label, and a space to write its answer."""
    return table(document, ["Detail", "Your answer"], [[f, None] for f in fields], caption, widths=(6.0, 11.0), lines=1)


def to_bytes(document: DocumentType, when: dt.datetime) -> bytes:
    """The .docx file, the same bytes each time for the same document and ``when``."""
    buffer = io.BytesIO()
    document.save(buffer)
    return restamp(buffer.getvalue(), when)
