"""CSV reading that remembers the line and column of every cell.

The attendance tables are kept in spreadsheets and saved as CSV, so this
reader expects what spreadsheets write: a header row, commas, quotes around
cells that hold commas, UTF-8 (with or without the byte-order mark Excel's
"CSV UTF-8" adds). A file in another encoding is a problem to report, not
something to guess at.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from ..problems import Problems
from ..text import control_problem


@dataclass
class CsvRow:
    """One record: its cells by column name, and where each cell starts."""

    line: int
    cells: dict[str, str]
    columns: dict[str, int] = field(default_factory=dict)

    def column(self, name: str) -> int:
        return self.columns.get(name, 1)


@dataclass
class CsvTable:
    path: str
    header: list[str]
    header_columns: list[int]
    rows: list[CsvRow]


def _field_starts(line: str) -> list[int]:
    """The 1-based column where each comma-separated field of ``line`` starts."""
    starts = [1]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            starts.append(index + 2)
    return starts


_SAVE_AS_UTF8 = "in Excel use Save As › 'CSV UTF-8 (Comma delimited)'"
TEXT_AS_UTF8 = "save it as UTF-8 (in VS Code: the encoding in the status bar › Save with Encoding › UTF-8)"
"""How to fix a text file (YAML, Markdown) that is not UTF-8."""


def decode(raw: bytes, display_path: str, problems: Problems, how: str = _SAVE_AS_UTF8) -> str | None:
    """UTF-8 text from a file's bytes, or None (with a problem, ending in ``how`` to fix it) when it is not UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(display_path, 1, 1, f"this file is saved as UTF-16 text, not UTF-8; {how}")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        problems.add(
            display_path,
            line,
            column,
            f"this file is not saved as UTF-8 text; {how}",
        )
        return None


def load_csv(text: str, display_path: str, problems: Problems) -> CsvTable | None:
    """Parse CSV text with a header row. None (with a problem) if there is no header."""
    physical = text.splitlines()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = []
        start_line = 1
        for record in reader:
            records.append((start_line, record))
            start_line = reader.line_num + 1
    except csv.Error as error:
        problems.add(display_path, reader.line_num or 1, 1, f"this CSV file cannot be read: {error}")
        return None
    records = [(line, record) for line, record in records if any(cell.strip() for cell in record)]
    if not records:
        problems.add(display_path, 1, 1, "this file is empty; it needs a header row, then one row per event and partner")
        return None
    header_line, header = records[0]
    for name in header:
        hidden = control_problem(name)
        if hidden:
            problems.add(display_path, header_line, 1, hidden)
    header = [name.strip() for name in header]
    header_columns = _field_starts(physical[header_line - 1]) if header_line <= len(physical) else [1] * len(header)
    rows = []
    for line, record in records[1:]:
        starts = _field_starts(physical[line - 1]) if line <= len(physical) else []
        cells: dict[str, str] = {}
        columns: dict[str, int] = {}
        for index, name in enumerate(header):
            cells[name] = record[index].strip() if index < len(record) else ""
            columns[name] = starts[index] if index < len(starts) else 1
        for index, raw in enumerate(record):
            hidden = control_problem(raw)
            if hidden:
                problems.add(display_path, line, starts[index] if index < len(starts) else 1, hidden)
        if len(record) > len(header):
            extra = starts[len(header)] if len(starts) > len(header) else 1
            problems.add(
                display_path,
                line,
                extra,
                f"this row has {len(record)} cells but the header has {len(header)}; remove the extra cells",
            )
        rows.append(CsvRow(line, cells, columns))
    return CsvTable(display_path, header, header_columns[: len(header)], rows)
