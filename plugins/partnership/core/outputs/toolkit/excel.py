"""Excel workbooks with openpyxl, built for printing, for data, and to be filled in safely.

A :class:`GridBook` opens on a **cover** sheet: the details to fill in once (the
student's name, the practice educator's) and how to use the workbook. Each
further sheet is an Excel table (a real header row for screen readers and
filters) made by :meth:`GridBook.sheet`, with frozen headers, wrapped text and
drop-down lists, printed A4 landscape, fitted to the page's width, with the
title rows repeated on every page.

**Protected where it matters.** Every sheet is protected (without a
password: Review > Unprotect Sheet undoes it), so that a descriptor, a
heading or a formula cannot be typed over by mistake; the cells to fill in
are unlocked and shaded pale yellow. Rows and columns can still be resized.

**Rows that grow.** No row with a cell to fill in has a fixed height: Excel
and LibreOffice grow such a row to fit whatever is typed into it. A row of a
log (nothing in it but cells to fill in) has no height at all; a row that
also holds fixed text (a descriptor beside the cells to judge it) is given
the height that text needs, measured with the font's widths
(:func:`.fit.wrapped_lines`), because LibreOffice shows a row at its stored
height when it opens a file, but not marked as a custom height, so that it
still grows (openpyxl marks every row with a height as custom;
:meth:`GridBook.to_bytes` takes the mark off). Only the cover's title and
notes, which span merged cells (which no spreadsheet program grows by
itself), keep fixed heights.

Printed headers and the student's name: an Excel page header cannot show a
cell's value (its codes are only the page, the date, the file and the sheet
name). So the page header carries what is known when the file is made: the
form, the level (or the standards) the sheet is for, and the partnership;
the footer carries "Page X of Y". The student's and the assessor's names
are typed once on the cover and shown in each sheet's first row by a formula
(``='Cover'!$B$6&""``); that row is one of the print titles, so the names
are printed at the top of every page.

Every cell is written through :func:`put`, which keeps text as text: a
framework's title starting with ``=``, ``+``, ``-`` or ``@`` is stored as a
string and never becomes a formula. The only formulas are those the code
writes (:class:`Formula`: the cover references, the counts from the evidence
log, the days log's totals), each recorded; before the file is written,
every other cell that would be a formula is made text again
(:func:`..cells.text_not_formulas`), whoever wrote it.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ...models.site import Site
from ...present.format import date as long_date
from ..cells import text_not_formulas
from ..zipped import archive
from .fit import longest_word_cm, wrapped_lines

HEADER_FILL = PatternFill("solid", fgColor="1D4F91")
INPUT_FILL = PatternFill("solid", fgColor="FFF7D6")
HEADER_FONT = Font(name="Arial", size=11, bold=True, color="FFFFFF")
BODY_FONT = Font(name="Arial", size=11)
LABEL_FONT = Font(name="Arial", size=11, bold=True)
TITLE_FONT = Font(name="Arial", size=16, bold=True)
THIN = Side(style="thin", color="9AA3AD")
BOX = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
ROTATED = Alignment(wrap_text=False, vertical="bottom", horizontal="center", text_rotation=90)
UNLOCKED = Protection(locked=False)
COVER = "Cover"
NOTES_WIDTH = 75
"""Width of the cover's wide column, in characters: the cover fits across A4 portrait when printed."""
CM_PER_WIDTH = 0.19
"""About how many cm one unit of column width is (7 pixels and the cell's padding, at 96 pixels an inch)."""
CELL_PADDING_CM = 0.2
"""A cell's own padding, left and right together, which text cannot use."""
LINE_POINTS = 15
"""The height of one line of 11-point text in a row (Excel's own row height for it)."""
INPUT_ROW = 45
"""The height (points) of a row to judge in a grid, beside its descriptor: room for two or three lines until it grows with what is typed."""


@dataclass(frozen=True)
class Detail:
    """A detail typed once on the cover: its label, and whether each grid's first row repeats it."""

    label: str
    hint: str
    repeated: bool = False
    date: bool = False
    """A date, shown dd/mm/yyyy, and only a date may be typed."""


@dataclass(frozen=True)
class Formula:
    """A formula the code writes (never text from the data), shown as its result and locked."""

    text: str
    """Without the leading ``=``."""


Value = str | int | float | Formula | None


@dataclass(frozen=True)
class Column:
    """One column of a sheet's table: its heading and width, and whether (and how) it is filled in."""

    heading: str
    width: float
    input: bool = False
    """Unlocked and shaded, to type into."""
    choices: Sequence[str] = ()
    """A drop-down list for an input column."""
    rotated: bool = False
    """A narrow column whose heading is printed sideways."""
    numbers: bool = False
    """An input column that takes whole numbers of 0 or more (hours, days)."""
    dates: bool = False
    """An input column of dates (dd/mm/yyyy)."""
    choices_title: str = ""
    """The drop-down's prompt title, when not the heading."""


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


def protect(sheet: Worksheet) -> None:
    """Lock the sheet's fixed cells (no password); its unlocked cells stay open, and rows and columns can be resized."""
    sheet.protection = SheetProtection(sheet=True, formatRows=False, formatColumns=False, autoFilter=False, selectLockedCells=False)


def height(texts: Sequence[tuple[str, float, bool]], minimum: float = LINE_POINTS) -> float:
    """A row height (points) that shows every ``(text, column width, bold)`` wrapped in full, at least ``minimum``.

    Measured with Arial's widths and room for a wider stand-in font, as
    LibreOffice shows a row at its stored height when it opens a file.
    """
    lines = max(
        (wrapped_lines(text, width * CM_PER_WIDTH - CELL_PADDING_CM, 11, bold=bold) for text, width, bold in texts if text), default=1
    )
    return max(minimum, LINE_POINTS * lines + 4)


def _safe_sheet_title(text: str) -> str:
    for char in "[]:*?/\\":
        text = text.replace(char, " ")
    return text[:31].strip()


def fit_width(heading: str, values: Sequence[Value], width: float) -> float:
    """``width``, or more if a word of the heading or the fixed text would not fit (a spreadsheet breaks it letter by letter)."""
    texts = [v for v in values if isinstance(v, str)]
    need = max(longest_word_cm([heading], 11, bold=True), longest_word_cm(texts, 11, bold=True)) + 0.3
    return max(width, math.ceil(need / CM_PER_WIDTH))


class GridBook:
    """A workbook being made: a cover, then one sheet per level, set of standards, or log, all printed alike."""

    def __init__(self, title: str, site: Site, when: dt.datetime):
        self.title, self.site, self.when = title, site, when
        self.workbook = Workbook()
        properties = self.workbook.properties
        properties.title = title
        properties.creator = properties.lastModifiedBy = site.name
        properties.subject = "PCF toolkit for practice educators"
        properties.language = "en-GB"
        properties.created = properties.modified = when.astimezone(dt.UTC).replace(tzinfo=None)  # Excel reads them as UTC
        self.workbook.remove(self.workbook.worksheets[0])  # the empty sheet a new workbook has
        self.names: dict[str, str] = {}
        """Each detail the sheets repeat in their first row, by its label: the cover cell holding it."""
        self.cover_cells: dict[str, str] = {}
        """Every detail on the cover, by its label: the cell holding it."""
        self.formulas: set[tuple[str, str]] = set()
        """The formulas this code wrote, as (sheet title, cell): the only ones the file may hold."""
        self.fixed: dict[str, set[int]] = {}
        """The rows that keep a fixed height, by sheet: the cover's title and notes, in merged cells. Every other row grows."""

    def cover(self, details: Sequence[Detail], notes: Sequence[str]) -> Worksheet:
        """The first sheet: the details to type once, then how to use the workbook."""
        sheet: Worksheet = self.workbook.create_sheet(COVER, 0)
        sheet.column_dimensions["A"].width = 30
        sheet.column_dimensions["B"].width = NOTES_WIDTH - 30
        put(sheet, 1, 1, self.title, TITLE_FONT)
        sheet.row_dimensions[1].height = 26
        put(sheet, 2, 1, self.site.name, LABEL_FONT)
        put(sheet, 3, 1, "Type the details below once: every sheet prints them at the top of each page.")
        for number in (1, 2, 3):
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=2)
        sheet.row_dimensions[2].height = height([(str(sheet["A2"].value), NOTES_WIDTH, True)])
        sheet.row_dimensions[3].height = height([(str(sheet["A3"].value), NOTES_WIDTH, False)])
        fixed = self.fixed.setdefault(COVER, {1, 2, 3})
        put(sheet, 5, 1, "Detail", HEADER_FONT).fill = HEADER_FILL
        put(sheet, 5, 2, "Answer", HEADER_FONT).fill = HEADER_FILL
        for number, detail in enumerate(details, start=6):
            put(sheet, number, 1, detail.label, LABEL_FONT).border = BOX
            answer = put(sheet, number, 2, None)
            answer.fill, answer.border, answer.protection = INPUT_FILL, BOX, UNLOCKED
            sheet.row_dimensions[number].height = height([(detail.label, 30, True)], minimum=20)
            if detail.date:
                answer.number_format = "dd/mm/yyyy"
                hint = _typed("date", "greaterThan", ("36526",), "A date", "Type a date, like 14/09/2026.")
                hint.showInputMessage, hint.promptTitle, hint.prompt = True, detail.label[:32], f"{detail.hint} (dd/mm/yyyy)"[:255]
            else:
                hint = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=detail.label[:32], prompt=detail.hint[:255])
            hint.add(f"B{number}")
            sheet.add_data_validation(hint)
            self.cover_cells[detail.label] = f"$B${number}"
            if detail.repeated:
                self.names[detail.label] = f"$B${number}"
        first = 7 + len(details)
        put(sheet, first, 1, "How to use this workbook", Font(name="Arial", size=13, bold=True))
        sheet.merge_cells(start_row=first, start_column=1, end_row=first, end_column=2)
        sheet.row_dimensions[first].height = 20
        fixed.add(first)
        for number, line in enumerate(notes, start=first + 1):
            put(sheet, number, 1, line)
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=2)
            sheet.row_dimensions[number].height = height([(line, NOTES_WIDTH, False)])
            fixed.add(number)
        sheet.print_area = f"A1:B{first + len(notes)}"
        sheet.print_title_rows = "1:2"
        print_setup(sheet, self.title, "", self.site, self.when, landscape=False)
        sheet.page_setup.fitToHeight = 1  # the cover on one page, however long its notes
        protect(sheet)
        return sheet

    def formula(self, sheet: Worksheet, row: int, column: int, formula: Formula, font: Font = BODY_FONT) -> Cell:
        """Write one of the code's own formulas, and record it as allowed."""
        cell = sheet.cell(row=row, column=column)
        assert isinstance(cell, Cell), "written only outside merged ranges"
        cell.value = "=" + formula.text
        cell.font = font
        cell.alignment = WRAP
        self.formulas.add((sheet.title, cell.coordinate))
        return cell

    def cover_value(self, label: str) -> Formula:
        """A formula for a detail typed on the cover, as a number (empty: 0)."""
        return Formula(f"N({quote_sheetname(COVER)}!{self.cover_cells[label]})")

    def sheet(
        self,
        title: str,
        scope: str,
        table_name: str,
        columns: Sequence[Column],
        rows: Sequence[Sequence[Value]],
        *,
        empty_rows: int = 0,
        row_height: float | None = INPUT_ROW,
        groups: Sequence[tuple[str, int]] = (),
    ) -> Worksheet:
        """A sheet holding one table: a first row of the names typed on the cover, then the table's header and rows.

        ``rows`` give the fixed values (text, numbers, :class:`Formula`) of
        the first columns; the rest of each row, and ``empty_rows`` more
        rows, are left to fill in where a column is an input. A row with a
        cell to fill in is at least ``row_height`` high, or has no height of
        its own when that is None and it holds no fixed text (a log's rows),
        and grows with what is typed. ``groups`` label runs of columns
        (label, how many columns) in a row above the header: "The PCF
        domains it shows". ``scope`` (the level, or the standards) is
        printed in the middle of each page's header.
        """
        sheet: Worksheet = self.workbook.create_sheet(_safe_sheet_title(title))
        sheet.sheet_properties.tabColor = "1D4F91"
        top = 3 if groups else 2
        widths = [
            fit_width(c.heading, [r[i] if i < len(r) else None for r in rows], c.width) if not c.rotated else c.width
            for i, c in enumerate(columns)
        ]
        labels: list[tuple[str, float, bool]] = []
        for index, (label, address) in enumerate(self.names.items()):
            put(sheet, 1, 2 * index + 1, label, LABEL_FONT)
            self.formulas.add((sheet.title, copy_from_cover(sheet, 1, 2 * index + 2, address).coordinate))
            labels.append((label, widths[2 * index] if 2 * index < len(widths) else 10, True))
        sheet.row_dimensions[1].height = height(labels, minimum=20)
        first = 1
        spans: list[tuple[str, float, bool]] = []
        for label, count in groups:
            cell = put(sheet, 2, first, label, LABEL_FONT)
            cell.border = BOX
            if count > 1:
                sheet.merge_cells(start_row=2, start_column=first, end_row=2, end_column=first + count - 1)
            spans.append((label, sum(widths[first - 1 : first - 1 + count]), True))
            first += count
        if groups:
            sheet.row_dimensions[2].height = height(spans)
        for index, column in enumerate(columns, start=1):
            cell = put(sheet, top, index, column.heading, HEADER_FONT)
            cell.fill = HEADER_FILL
            if column.rotated:
                cell.alignment = ROTATED
        rotated = [len(c.heading) for c in columns if c.rotated]
        sheet.row_dimensions[top].height = (
            max(rotated) * 6.5 + 12 if rotated else height([(c.heading, widths[i], True) for i, c in enumerate(columns)])
        )
        total = len(rows) + empty_rows
        for offset in range(total):
            number = top + 1 + offset
            values = rows[offset] if offset < len(rows) else ()
            texts: list[tuple[str, float, bool]] = []
            for index, column in enumerate(columns, start=1):
                value = values[index - 1] if index - 1 < len(values) else None
                if isinstance(value, Formula):
                    cell = self.formula(sheet, number, index, value)
                else:
                    bold = index == 1 and not column.input
                    cell = put(sheet, number, index, value, LABEL_FONT if bold else BODY_FONT)
                    if isinstance(value, str):
                        texts.append((value, widths[index - 1], bold))
                cell.border = BOX
                if column.input:
                    cell.fill, cell.protection = INPUT_FILL, UNLOCKED
                    if column.numbers:
                        cell.alignment = Alignment(vertical="top", horizontal="right")
                    if column.dates:
                        cell.number_format = "dd/mm/yyyy"
            takes_input = any(c.input for c in columns)
            if texts or not takes_input:
                sheet.row_dimensions[number].height = height(texts, minimum=(row_height or LINE_POINTS) if takes_input else LINE_POINTS)
            elif row_height is not None:
                sheet.row_dimensions[number].height = row_height
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        last_row = top + max(total, 1)
        last_column = get_column_letter(len(columns))
        grid = Table(displayName=table_name, ref=f"A{top}:{last_column}{last_row}")
        grid.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        sheet.add_table(grid)
        for index, column in enumerate(columns, start=1):
            if not column.input:
                continue
            letter = get_column_letter(index)
            where = f"{letter}{top + 1}:{letter}{last_row}"
            if column.choices:
                options = ", ".join(column.choices)
                rule = DataValidation(
                    type="list",
                    formula1='"' + ",".join(column.choices) + '"',
                    allow_blank=True,
                    showDropDown=False,
                    promptTitle=(column.choices_title or column.heading)[:32],
                    prompt=f"Choose: {options}"[:255],
                    errorTitle="Choose from the list",
                    error=f"Choose one of: {options}"[:255],
                    showInputMessage=True,
                    showErrorMessage=True,
                )
            elif column.numbers:
                rule = _typed("decimal", "between", ("0", "24"), "A number", "Type a number of hours from 0 to 24.")
            elif column.dates:
                rule = _typed("date", "greaterThan", ("36526",), "A date", "Type a date, like 14/09/2026.")  # after 1 January 2000
            else:
                continue
            rule.add(where)
            sheet.add_data_validation(rule)
        sheet.freeze_panes = f"B{top + 1}"
        sheet.print_area = f"A1:{last_column}{last_row}"
        sheet.print_title_rows = f"1:{top}"
        print_setup(sheet, self.title, scope, self.site, self.when, landscape=True)
        protect(sheet)
        return sheet

    def to_bytes(self) -> bytes:
        """The .xlsx file, the same bytes each time for the same workbook and instant.

        Written by openpyxl's ExcelWriter rather than ``Workbook.save``, which
        would overwrite the "modified" date set above with the clock; then
        every row but the cover's title and notes loses its custom-height mark.
        """
        text_not_formulas(self.workbook, keep=self.formulas)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as written:
            ExcelWriter(self.workbook, written).write_data()
        parts = {f"xl/worksheets/sheet{n}.xml": self.fixed.get(s.title, set()) for n, s in enumerate(self.workbook.worksheets, start=1)}
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
            files = {
                info.filename: _grow_rows(source.read(info), parts[info.filename]) if info.filename in parts else source.read(info)
                for info in source.infolist()
            }
        return archive(files, self.when)


def _typed(
    kind: Literal["decimal", "date"], operator: Literal["between", "greaterThan"], limits: tuple[str, ...], title: str, error: str
) -> DataValidation:
    """A rule that takes only a number or a date within ``limits``, saying ``error`` otherwise."""
    return DataValidation(
        type=kind,
        operator=operator,
        formula1=limits[0],
        formula2=limits[1] if len(limits) > 1 else None,
        allow_blank=True,
        errorTitle=title,
        error=error,
        showErrorMessage=True,
    )


_CUSTOM_HEIGHT = re.compile(rb'(<row\b[^>]*?\br="(\d+)"[^>]*?) customHeight="1"')


def _grow_rows(xml: bytes, fixed: Collection[int]) -> bytes:
    """A sheet's XML with the custom-height marks taken off every row but ``fixed``: their heights become what the program fits to the text."""
    return _CUSTOM_HEIGHT.sub(lambda match: match[0] if int(match[2]) in fixed else match[1], xml)


def count_yes(sheet_title: str, column: str, first: int, last: int) -> Formula:
    """How many rows of a log's ``column`` say Yes."""
    return Formula(f'COUNTIF({quote_sheetname(sheet_title)}!${column}${first}:${column}${last},"Yes")')


def count_any_yes(sheet_title: str, columns: Collection[str], first: int, last: int) -> Formula:
    """How many rows of a log say Yes in at least one of ``columns`` (a piece showing two of them counts once)."""
    if not columns:
        return Formula("0")
    quoted = quote_sheetname(sheet_title)
    terms = "+".join(f'({quoted}!${c}${first}:${c}${last}="Yes")' for c in sorted(columns))
    return Formula(f"SUMPRODUCT(--(({terms})>0))")


def yes_columns(columns: Mapping[str, int]) -> dict[str, str]:
    """Column letters by key, from 1-based column numbers."""
    return {key: get_column_letter(number) for key, number in columns.items()}
