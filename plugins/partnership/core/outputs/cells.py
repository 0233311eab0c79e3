"""Spreadsheet cells that open as text: no formula injection from the data.

Excel and LibreOffice run a CSV cell that starts with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return before one) as a formula, so text typed in
a data file (``=HYPERLINK("http://…", "Click")``) would become a live formula
in a download. Following OWASP's rule, such a cell is written with a leading
``'``, which both programs show as text. A cell that is a number as written
(``-5``, ``-3.2%``, ``1,382``) stays a number.

In ``.xlsx`` files a string cell is never evaluated, but openpyxl turns a
Python string starting with ``=`` into a formula cell; :func:`text_not_formulas`
makes every such cell a string cell again.
"""

from __future__ import annotations

from collections.abc import Collection

from openpyxl import Workbook

from ..text import formula_like


def csv_cell(value: object) -> object:
    """``value`` as a CSV cell that a spreadsheet shows as text rather than runs."""
    if isinstance(value, str) and formula_like(value):
        return "'" + value
    return value


def csv_row(values: list[object]) -> list[object]:
    return [csv_cell(value) for value in values]


def text_not_formulas(workbook: Workbook, keep: Collection[tuple[str, str]] = ()) -> None:
    """Every cell of ``workbook`` that openpyxl would write as a formula is written as the text it holds.

    ``keep`` names the formulas the code itself wrote, as (sheet title, cell
    coordinate), such as the toolkit's references to its cover sheet.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" and (sheet.title, cell.coordinate) not in keep:
                    cell.data_type = "s"
