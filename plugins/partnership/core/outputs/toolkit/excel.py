"""Accessible Excel grids with openpyxl: named sheets, marked header rows, lists to choose from.

Each grid is an Excel table (so its header row is a real header row for
screen readers and filters), with frozen headers, wrapped text, a print
area and print titles, and a drop-down list of judgements in its last
column. A second sheet, "How to use", says what the grid is for.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..cells import text_not_formulas
from ..zipped import restamp

HEADER_FILL = PatternFill("solid", fgColor="1D4F91")
HEADER_FONT = Font(name="Arial", size=11, bold=True, color="FFFFFF")
BODY_FONT = Font(name="Arial", size=11)
LABEL_FONT = Font(name="Arial", size=11, bold=True)
THIN = Side(style="thin", color="9AA3AD")


def new_workbook(title: str, author: str, when: dt.datetime) -> Workbook:
    workbook = Workbook()
    workbook.properties.title = title
    workbook.properties.creator = author
    workbook.properties.language = "en-GB"
    workbook.properties.created = when.replace(tzinfo=None)
    workbook.properties.modified = when.replace(tzinfo=None)
    workbook.remove(workbook.active)
    return workbook


NOTES_WIDTH = 75
"""Width of the guidance column, in characters: it fits across A4 portrait when printed."""


def _safe_sheet_title(text: str) -> str:
    for char in "[]:*?/\\":
        text = text.replace(char, " ")
    return text[:31].strip()


def grid_sheet(
    workbook: Workbook,
    title: str,
    table_name: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    judgements: Sequence[str],
    widths: Sequence[float],
) -> Worksheet:
    """A sheet holding one grid: given rows of labels, then empty cells to fill, then a judgement."""
    sheet = workbook.create_sheet(_safe_sheet_title(title))
    sheet.sheet_properties.tabColor = "1D4F91"
    sheet.append(list(header))
    for values in rows:
        sheet.append(list(values) + [""] * (len(header) - len(values)))
    last_row = len(rows) + 1
    last_column = get_column_letter(len(header))
    for cell in sheet[1]:
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2, max_row=last_row):
        for index, cell in enumerate(row):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
            cell.font = LABEL_FONT if index == 0 else BODY_FONT
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for number in range(2, last_row + 1):
        sheet.row_dimensions[number].height = 60
    grid = Table(displayName=table_name, ref=f"A1:{last_column}{last_row}")
    grid.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
    sheet.add_table(grid)
    choices = DataValidation(
        type="list",
        formula1='"' + ",".join(judgements) + '"',
        allow_blank=True,
        showDropDown=False,
        promptTitle="Judgement",
        prompt="Choose: " + ", ".join(judgements),
        errorTitle="Choose from the list",
        error="Choose one of: " + ", ".join(judgements),
        showInputMessage=True,
        showErrorMessage=True,
    )
    choices.add(f"{last_column}2:{last_column}{last_row}")
    sheet.add_data_validation(choices)
    sheet.freeze_panes = "B2"
    sheet.print_area = f"A1:{last_column}{last_row}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet


def notes_sheet(workbook: Workbook, title: str, lines: Sequence[str]) -> Worksheet:
    """A sheet of plain guidance, one paragraph a row, with a header row."""
    sheet = workbook.create_sheet(_safe_sheet_title(title), 0)
    sheet.append(["How to use this workbook"])
    sheet["A1"].font = Font(name="Arial", bold=True, size=14)
    for line in lines:
        sheet.append([line])
    sheet.column_dimensions["A"].width = NOTES_WIDTH
    sheet.row_dimensions[1].height = 24
    for number, row in enumerate(sheet.iter_rows(min_row=2), start=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
        row[0].font = BODY_FONT
        # Spreadsheet programs do not grow a row to fit wrapped text when they
        # open or print a file, so each row is given the height its lines need.
        wrapped = max(1, math.ceil(len(str(row[0].value or "")) / (NOTES_WIDTH * 1.25)))  # ~1.25 letters of prose per width unit
        sheet.row_dimensions[number].height = 15 * wrapped + 4
    sheet.print_area = f"A1:A{len(lines) + 1}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet


def to_bytes(workbook: Workbook, when: dt.datetime) -> bytes:
    """The .xlsx file, the same bytes each time for the same workbook and ``when``.

    Written by openpyxl's ExcelWriter rather than ``Workbook.save``, which
    would overwrite the "modified" date set in :func:`new_workbook` with the clock.
    """
    text_not_formulas(workbook)  # framework text starting with "=" is shown, never run
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).write_data()
    return restamp(buffer.getvalue(), when)
