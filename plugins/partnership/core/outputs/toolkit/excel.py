"""Excel workbooks with openpyxl, built for printing and for data.

A :class:`GridBook` opens on a **cover** sheet: the details to fill in once (the
student's name, the practice educator's) and how to use the workbook. Each
**grid** sheet is an Excel table (a real header row for screen readers and
filters) with frozen headers, wrapped text and a drop-down list of
judgements in its last column, printed A4 landscape, fitted to the page's
width, with the title rows repeated on every page.

Printed headers and the student's name: an Excel page header cannot show a
cell's value (its codes are only the page, the date, the file and the sheet
name). So the page header carries what is known when the file is made: the
form, the level (or the standards) the sheet is for, and the partnership;
the footer carries "Page X of Y". The student's and the assessor's names
are typed once on the cover and shown in each grid's first row by a formula
(``='Cover'!$B$6&""``); that row is one of the print titles, so the names
are printed at the top of every page.

Every cell is written through :func:`put`, which keeps text as text: a
framework's title starting with ``=``, ``+``, ``-`` or ``@`` is stored as a
string and never becomes a formula. The only formulas are the cover
references above, made by :func:`copy_from_cover` from addresses the code
chooses; before the file is written, every other cell that would be a
formula is made text again (:func:`..cells.text_not_formulas`), whoever
wrote it.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ...models.site import Site
from ...present.format import date as long_date
from ..cells import text_not_formulas
from ..zipped import restamp

HEADER_FILL = PatternFill("solid", fgColor="1D4F91")
INPUT_FILL = PatternFill("solid", fgColor="FFF7D6")
HEADER_FONT = Font(name="Arial", size=11, bold=True, color="FFFFFF")
BODY_FONT = Font(name="Arial", size=11)
LABEL_FONT = Font(name="Arial", size=11, bold=True)
TITLE_FONT = Font(name="Arial", size=16, bold=True)
THIN = Side(style="thin", color="9AA3AD")
BOX = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
COVER = "Cover"
NOTES_WIDTH = 75
"""Width of the cover's wide column, in characters: the cover fits across A4 portrait when printed."""
LETTERS_PER_WIDTH = 1.25
"""About how many letters of prose fit in one unit of column width (Arial 11)."""


@dataclass(frozen=True)
class Detail:
    """A detail typed once on the cover: its label, and whether each grid's first row repeats it."""

    label: str
    hint: str
    repeated: bool = False


def put(sheet: Worksheet, row: int, column: int, value: str | int | float | None, font: Font = BODY_FONT) -> Cell:
    """Write one cell: text stays text (never a formula, whatever it starts with)."""
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, Cell), "written only outside merged ranges"
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    cell.font = font
    cell.alignment = WRAP
    return cell


def copy_from_cover(sheet: Worksheet, row: int, column: int, source: str) -> Cell:
    """A formula showing the text of the cover's cell ``source`` (empty while it is empty)."""
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, Cell), "written only outside merged ranges"
    cell.value = f'={quote_sheetname(COVER)}!{source}&""'
    cell.font = BODY_FONT
    cell.alignment = WRAP
    return cell


def _header_text(text: str) -> str:
    """Text for a page header or footer: an ampersand written as Excel's code for one."""
    return text.replace("&", "&&")


def print_setup(sheet: Worksheet, form: str, scope: str, site: Site, when: dt.datetime, *, landscape: bool) -> None:
    """A4, fitted to the page's width; a header naming the form, what the sheet covers and the partnership; Page X of Y."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    setup = sheet.sheet_properties.pageSetUpPr
    if setup is None:
        setup = sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    setup.fitToPage = True
    sheet.page_margins.top = sheet.page_margins.bottom = 0.9
    sheet.page_margins.header = sheet.page_margins.footer = 0.35
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None, "openpyxl makes a sheet's header and footer"
    header.left.text = _header_text(form)[:80]
    header.left.font = "Arial,Bold"
    header.center.text = _header_text(scope)[:80]
    header.right.text = _header_text(site.name)[:80]
    footer.left.text = _header_text(f"{site.short_name} PCF toolkit, made {long_date(when.date())}")
    footer.right.text = "Page &P of &N"
    for part in (header.left, header.center, header.right, footer.left, footer.right):
        part.size = 9
        if part.font is None:
            part.font = "Arial,Regular"


def _height(texts: Sequence[tuple[str, float]], minimum: float = 15) -> float:
    """A row height (points) that shows every wrapped text in full: spreadsheet programs do not grow rows on opening."""
    lines = max((math.ceil(len(text) / int(width * LETTERS_PER_WIDTH)) for text, width in texts if text), default=1)
    return max(minimum, 15 * lines + 4)


def _safe_sheet_title(text: str) -> str:
    for char in "[]:*?/\\":
        text = text.replace(char, " ")
    return text[:31].strip()


class GridBook:
    """A workbook being made: a cover, then one grid sheet per level or set of standards, all printed alike."""

    def __init__(self, title: str, site: Site, when: dt.datetime, judgements: Sequence[str]):
        self.title, self.site, self.when, self.judgements = title, site, when, tuple(judgements)
        self.workbook = Workbook()
        properties = self.workbook.properties
        properties.title = title
        properties.creator = properties.lastModifiedBy = site.name
        properties.subject = "PCF toolkit for practice educators"
        properties.language = "en-GB"
        properties.created = properties.modified = when.replace(tzinfo=None)
        self.workbook.remove(self.workbook.worksheets[0])  # the empty sheet a new workbook has
        self.names: dict[str, str] = {}
        """Each detail the grids repeat in their first row, by its label: the cover cell holding it."""
        self.formulas: set[tuple[str, str]] = set()
        """The formulas this code wrote, as (sheet title, cell): the only ones the file may hold."""

    def cover(self, details: Sequence[Detail], notes: Sequence[str]) -> Worksheet:
        """The first sheet: the details to type once, then how to use the workbook."""
        sheet: Worksheet = self.workbook.create_sheet(COVER, 0)
        sheet.column_dimensions["A"].width = 30
        sheet.column_dimensions["B"].width = NOTES_WIDTH - 30
        put(sheet, 1, 1, self.title, TITLE_FONT)
        sheet.row_dimensions[1].height = 26
        put(sheet, 2, 1, self.site.name, LABEL_FONT)
        put(sheet, 3, 1, "Type the details below once: every grid sheet prints them at the top of each page.")
        for number in (1, 2, 3):
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=2)
        sheet.row_dimensions[3].height = _height([(str(sheet["A3"].value), NOTES_WIDTH)])
        put(sheet, 5, 1, "Detail", HEADER_FONT).fill = HEADER_FILL
        put(sheet, 5, 2, "Answer", HEADER_FONT).fill = HEADER_FILL
        for number, detail in enumerate(details, start=6):
            put(sheet, number, 1, detail.label, LABEL_FONT).border = BOX
            answer = put(sheet, number, 2, None)
            answer.fill, answer.border = INPUT_FILL, BOX
            sheet.row_dimensions[number].height = 20
            hint = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=detail.label[:32], prompt=detail.hint[:255])
            hint.add(f"B{number}")
            sheet.add_data_validation(hint)
            if detail.repeated:
                self.names[detail.label] = f"$B${number}"
        first = 7 + len(details)
        put(sheet, first, 1, "How to use this workbook", Font(name="Arial", size=13, bold=True))
        sheet.row_dimensions[first].height = 20
        for number, line in enumerate(notes, start=first + 1):
            put(sheet, number, 1, line)
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=2)
            sheet.row_dimensions[number].height = _height([(line, NOTES_WIDTH)])
        sheet.print_area = f"A1:B{first + len(notes)}"
        sheet.print_title_rows = "1:2"
        print_setup(sheet, self.title, "", self.site, self.when, landscape=False)
        return sheet

    def grid(
        self, title: str, scope: str, table_name: str, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> Worksheet:
        """A sheet holding one grid: a first row of the names typed on the cover, then the table of rows to fill and judge.

        ``scope`` (the level, or the standards) is printed in the middle of each page's header.
        """
        sheet: Worksheet = self.workbook.create_sheet(_safe_sheet_title(title))
        sheet.sheet_properties.tabColor = "1D4F91"
        for column, (label, address) in enumerate(self.names.items(), start=0):
            put(sheet, 1, 2 * column + 1, label, LABEL_FONT)
            self.formulas.add((sheet.title, copy_from_cover(sheet, 1, 2 * column + 2, address).coordinate))
        sheet.row_dimensions[1].height = 20
        top = 2
        for index, text in enumerate(header, start=1):
            put(sheet, top, index, text, HEADER_FONT).fill = HEADER_FILL
        sheet.row_dimensions[top].height = _height([(text, widths[i]) for i, text in enumerate(header)])
        for number, values in enumerate(rows, start=top + 1):
            for index in range(len(header)):
                value = values[index] if index < len(values) else None
                put(sheet, number, index + 1, value, LABEL_FONT if index == 0 else BODY_FONT).border = BOX
            sheet.row_dimensions[number].height = _height([(str(v or ""), widths[i]) for i, v in enumerate(values)], minimum=60)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        last_row = top + len(rows)
        last_column = get_column_letter(len(header))
        grid = Table(displayName=table_name, ref=f"A{top}:{last_column}{last_row}")
        grid.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        sheet.add_table(grid)
        choices = DataValidation(
            type="list",
            formula1='"' + ",".join(self.judgements) + '"',
            allow_blank=True,
            showDropDown=False,
            promptTitle="Judgement",
            prompt="Choose: " + ", ".join(self.judgements),
            errorTitle="Choose from the list",
            error="Choose one of: " + ", ".join(self.judgements),
            showInputMessage=True,
            showErrorMessage=True,
        )
        choices.add(f"{last_column}{top + 1}:{last_column}{last_row}")
        sheet.add_data_validation(choices)
        sheet.freeze_panes = f"B{top + 1}"
        sheet.print_area = f"A1:{last_column}{last_row}"
        sheet.print_title_rows = f"1:{top}"
        print_setup(sheet, self.title, scope, self.site, self.when, landscape=True)
        return sheet

    def to_bytes(self) -> bytes:
        """The .xlsx file, the same bytes each time for the same workbook and instant.

        Written by openpyxl's ExcelWriter rather than ``Workbook.save``, which
        would overwrite the "modified" date set above with the clock.
        """
        text_not_formulas(self.workbook, keep=self.formulas)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            ExcelWriter(self.workbook, archive).write_data()
        return restamp(buffer.getvalue(), self.when)
