"""Booking exports → aggregated attendance counts, with nothing personal kept.

A booking system's attendee export (Eventbrite's attendee report is the
usual one) has a row per booked place, with names, e-mail addresses and
answers to booking questions. :func:`aggregate` reads it in memory and
returns only counts per event and partner: booked, attended, cancelled,
no-show. Names and e-mail addresses are used for one thing, spotting the
same person booked twice on one event, and are never returned, written or
logged.

A row that could put personal data into ``data/`` is left out whole and
counted as unreadable, with its line in the export (never its values): a
row with more or fewer cells than the header (an unquoted comma in a name
shifts every cell after it), or an event or organisation cell that
:class:`.personal.Guard` refuses (an e-mail address, a name from the export
or by a common pattern, a spreadsheet formula, a control character).

What would make every count wrong stops the import with nothing written: a
file that is not CSV (a workbook, a PDF), a cell too long to be one, a quote
that swallows the rows after it, or a column the import reads appearing twice.

Everything doubtful is counted and reported rather than dropped: rows with
no organisation, organisations nobody has mapped to a partner yet (counted
as ``unknown``, with the nearest partner suggested), events not in the
catalogue (kept under their names, with the nearest event of the year
suggested), duplicate bookings, columns that were not needed.

:func:`plan` then works out the year's new attendance file: the rows an
earlier import wrote for the same events (as its ``<year>.imports.yml``
records) are replaced, every other row is kept as it is, and rows typed by
hand for an event of the export stop the import rather than be counted twice.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field

from ..clock import local
from ..models.attendance import COLUMNS, AttendanceRow, is_personal_column
from ..models.dataset import Dataset
from ..models.events import Event, comparable
from ..models.importing import ImportedEvent, ImportedExport, ImportLog, names
from ..models.year import Year
from ..problems import did_you_mean
from .personal import Guard, normal


class ImportError_(Exception):
    """The export cannot be read as configured; the message says what to change."""


@dataclass
class ImportResult:
    rows: list[AttendanceRow]
    encoding: str
    read: int = 0
    columns_used: dict[str, str] = field(default_factory=dict)
    """What the import read (event, organisation …) → the export's name for that column."""
    columns_ignored: list[str] = field(default_factory=list)
    duplicates: int = 0
    no_organisation: int = 0
    unknown_organisations: Counter[str] = field(default_factory=Counter)
    suggestions: dict[str, str] = field(default_factory=dict)
    """Unmapped organisation spelling → the partner id it is probably."""
    events_matched: dict[str, str] = field(default_factory=dict)
    """The export's event name → the catalogue event's id."""
    events_unmatched: Counter[str] = field(default_factory=Counter)
    """The export's event name (not in the catalogue) → its bookings."""
    event_suggestions: dict[str, str] = field(default_factory=dict)
    """Unmatched event name → the catalogue event of the year it is probably."""
    no_event: int = 0
    unreadable: list[tuple[int, str]] = field(default_factory=list)
    """(line in the export, why) of every row left out whole; the reason never quotes the row."""
    people: set[str] = field(default_factory=set, repr=False)
    """Every name and e-mail address in the export, normalised; kept in memory only, to keep them out of what is written."""

    @property
    def events(self) -> set[str]:
        return {row.event for row in self.rows}

    def written_for(self) -> dict[str, str]:
        """Every event name in the export → the attendance file's ``event`` cell for it."""
        return {**{name: name for name in self.events_unmatched}, **self.events_matched}


_NOT_CSV = {
    b"PK\x03\x04": "an Excel workbook (.xlsx) or another zipped file",
    b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls)",
    b"%PDF": "a PDF",
}


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the name of its encoding: UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1252.

    Raises :class:`ImportError_` for a file that is not text (a workbook, a PDF, binary junk).
    """
    what = next((kind for start, kind in _NOT_CSV.items() if raw.startswith(start)), None)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            what = "not text in the encoding its first bytes announce (UTF-16)"
    if what is None and b"\x00" in raw[:65536]:
        what = "not text (it holds null bytes)"
    if what is not None:
        raise ImportError_(
            f"The export is {what}, not a CSV file, so nothing was imported. Save it as CSV "
            "(in Excel: File › Save As › 'CSV UTF-8 (Comma delimited)'), then import that file."
        )
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "Windows-1252"


def _records(text: str) -> list[tuple[int, list[str]]]:
    """Each record of the export with the line it starts on; a cell too long to be one, or an unclosed quote, stops the import."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        if "field larger" in str(error):
            raise ImportError_(
                f"Line {start} of the export has a cell longer than {csv.field_size_limit():,} characters, which no booking "
                'export has: often a quote (") opened and never closed, or a file that is not CSV. Nothing was imported; '
                "fix the export, then import again."
            ) from None
        raise ImportError_(f"Line {start} of the export cannot be read as CSV ({error}); nothing was imported.") from None
    if not records:
        return records
    width = len(records[0][1])
    ends = [line - 1 for line, _ in records[1:]] + [max(reader.line_num, start - 1)]
    for (line, cells), end in zip(records, ends, strict=True):
        swallowed = [inner for cell in cells if "\n" in cell for inner in cell.splitlines()[1:] if inner.count(",") >= max(width - 2, 1)]
        if swallowed:
            raise ImportError_(
                f'Line {line} of the export opens a quote (") that is not closed until line {end}, so the rows between '
                f"were read as one cell and would not be counted. Nothing was imported; close the quote (or delete it) "
                "in the export, then import again."
            )
    return records


def _one_of_each(header: list[str], columns: set[str]) -> None:
    """Stops the import when a column it reads appears twice: it cannot tell which of the two to count."""
    for column in sorted(columns):
        places = [index + 1 for index, name in enumerate(header) if _column_key(name) == _column_key(column)]
        if len(places) > 1:
            raise ImportError_(
                f"The export has {len(places)} columns named like '{column}' (columns {', '.join(map(str, places))}), and the "
                "import reads that column: it cannot tell which to count. Nothing was imported; delete or rename the one "
                "you do not mean, then import again."
            )


def _column_key(text: str) -> str:
    """A column name as compared: ``Check-in``, ``Check In`` and ``checked in`` differ only by letters that count."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

#: What the import reads, as messages name it, and whether the export must have it.
WANTED: dict[str, tuple[str, bool]] = {
    "event": ("the event's name", True),
    "organisation": ("the attendee's organisation", True),
    "status": ("the booking's status", False),
    "checked_in": ("whether the attendee was checked in", False),
}


def find_columns(header: list[str], dataset: Dataset) -> dict[str, str]:
    """Which of the export's columns holds what: the first of the names import.yml lists that the export has.

    Raises :class:`ImportError_` naming what is missing, the names looked for and the export's columns.
    """
    columns = dataset.import_settings.columns
    by_key = {_column_key(name): name for name in header}
    found: dict[str, str] = {}
    for what in WANTED:
        for candidate in names(getattr(columns, what)):
            if _column_key(candidate) in by_key:
                found[what] = by_key[_column_key(candidate)]
                break
    missing = [what for what, (_, needed) in WANTED.items() if needed and what not in found]
    if "status" not in found and "checked_in" not in found:
        missing.append("status or checked_in")
    if not missing:
        return found
    lines = []
    for what in missing:
        looked = [n for part in what.split(" or ") for n in names(getattr(columns, part))]
        described = " or ".join(WANTED[part][0] for part in what.split(" or "))
        guess = next((g for name in looked if (g := did_you_mean(name, header))), None)
        lines.append(
            f"The export has no column for {described} ('{what}'): looked for "
            + ", ".join(f"'{n}'" for n in looked)
            + (f" (is it '{guess}'?)" if guess else "")
            + "."
        )
    raise ImportError_(
        "\n".join(lines)
        + "\nIts columns are: "
        + ", ".join(header)
        + ".\nAdd the export's name for it to the list under 'columns:' in data/import.yml, like  "
        + f"{missing[0].split(' or ')[0]}: [{', '.join(names(getattr(columns, missing[0].split(' or ')[0]))[:2])}, Your column name]"
    )


def _people(records: list[tuple[int, list[str]]], header: list[str], person_columns: list[str]) -> set[str]:
    """Every name and e-mail address in the export (each personal cell, and first and last names together)."""
    personal = [i for i, name in enumerate(header) if is_personal_column(name) or name in person_columns]
    found: set[str] = set()
    for _, cells in records:
        values = [normal(cells[i]) for i in personal if i < len(cells) and cells[i].strip()]
        found.update(values)
        found.update(" ".join(values[i : i + 2]) for i in range(len(values) - 1))
    return found


def _event_suggestion(name: str, events: list[Event]) -> str | None:
    """The catalogue event (of the import's year) an unmatched export name is probably."""
    if not events:
        return None
    loose = comparable(name)
    containing = [e.id for e in events if comparable(e.title) and (comparable(e.title) in loose or loose in comparable(e.title))]
    if len(containing) == 1:
        return containing[0]
    titles = {e.title: e.id for e in reversed(events)}  # the soonest event for a title used twice
    guess = did_you_mean(name, list(titles))
    return titles.get(guess) if guess else None


def aggregate(raw: bytes, dataset: Dataset, now: dt.datetime, year: Year | None = None) -> ImportResult:
    """Counts per event and partner from an attendee export's bytes; ``year`` (2025-26) prefers that year's events."""
    settings = dataset.import_settings
    text, encoding = decode(raw)
    records = _records(text)
    header = [h.strip() for h in (records[0][1] if records else [])]
    found = find_columns(header, dataset)
    person_columns = [c for c in settings.columns.person if c in header]
    used = set(found.values()) | set(person_columns)
    _one_of_each(header, used)
    result = ImportResult(rows=[], encoding=encoding, columns_used=found, columns_ignored=[h for h in header if h not in used])

    partners = {p.id: p.id for p in dataset.partners}
    partner_names = {normal(p.name): p.id for p in dataset.partners}
    mapped = {normal(k): v for k, v in settings.organisations.items()}
    event_map = {normal(k): v for k, v in settings.events.items()}
    of_year = [e for e in dataset.events if e.in_year(year)]
    titles: dict[str, str] = {}
    for event in [*of_year, *dataset.events]:  # this year's events first: a title used every year means this year's
        titles.setdefault(normal(event.title), event.id)
    attended_values = {normal(v) for v in settings.attended}
    cancelled_values = {normal(v) for v in settings.cancelled}
    seen: set[tuple[str, ...]] = set()
    counts: dict[tuple[str, str], Counter[str]] = {}
    choices = list(partners) + [p.name for p in dataset.partners]
    result.people = _people(records[1:], header, person_columns)
    guard = Guard.of(result.people, [*(e.title for e in dataset.events), *(p.name for p in dataset.partners), *settings.events])
    own_columns = [i for i, name in enumerate(header) if is_personal_column(name) or name in person_columns]
    known = {
        "event": lambda value: normal(value) in event_map or value in dataset.event_by_id or normal(value) in titles,
        "organisation": lambda value: normal(value) in {*mapped, *partner_names, "other"} or value in partners,
    }

    def cell(row: dict[str, str], what: str) -> str:
        column = found.get(what)
        return (row.get(column) or "").strip() if column else ""

    for line, cells in records[1:]:
        if not any(c.strip() for c in cells):
            continue
        result.read += 1
        if len(cells) != len(header):
            result.unreadable.append(
                (line, f"the row has {len(cells)} cells but the header has {len(header)} (often a comma in a name, without quotes)")
            )
            continue
        row = dict(zip(header, cells, strict=True))
        own = [cells[i] for i in own_columns]
        doubt = [f"its {what} {why}" for what in known if (why := guard.problem(row.get(found[what]) or "", own, known[what]))]
        if doubt:
            result.unreadable.append((line, " and ".join(doubt)))
            continue
        event_name = cell(row, "event")
        if not event_name:
            result.no_event += 1
            event_name = "Event not named in the export"
        key = normal(event_name)
        event_id = event_map.get(key) or (event_name if event_name in dataset.event_by_id else None) or titles.get(key)
        if event_id:
            result.events_matched[event_name] = event_id
        else:
            event_id = event_name
        person = tuple(normal(row.get(c) or "") for c in person_columns)
        if person and any(person):
            identity = (event_id, *person)
            if identity in seen:
                result.duplicates += 1
                continue
            seen.add(identity)
        if event_id == event_name and event_name not in result.events_matched:
            result.events_unmatched[event_name] += 1
        typed = cell(row, "organisation")
        if not typed:
            partner = "unknown"
            result.no_organisation += 1
        else:
            partner = (
                mapped.get(normal(typed))
                or partners.get(typed)
                or partner_names.get(normal(typed))
                or ("other" if normal(typed) == "other" else "")
            )
            if not partner:
                partner = "unknown"
                result.unknown_organisations[typed] += 1
                guess = did_you_mean(typed, choices)
                if guess:
                    result.suggestions[typed] = partners.get(guess) or partner_names.get(normal(guess), guess)
        status = normal(cell(row, "status"))
        checked = normal(cell(row, "checked_in"))
        tally = counts.setdefault((event_id, partner), Counter())
        tally["booked"] += 1
        if status in cancelled_values:
            tally["cancelled"] += 1
        elif checked in attended_values or status in attended_values:
            tally["attended"] += 1
        else:
            catalogued = dataset.event_by_id.get(event_id)
            ended = True
            if catalogued is not None and catalogued.sessions:
                ended = max(local(s.end) for s in catalogued.sessions) < now
            if ended:
                tally["no_show"] += 1
    for name in result.events_unmatched:
        guess = _event_suggestion(name, of_year)
        if guess:
            result.event_suggestions[name] = guess
    order = {p.id: i for i, p in enumerate(dataset.partners)} | {"other": 10_000, "unknown": 10_001}
    for (event_id, partner), tally in sorted(counts.items(), key=lambda kv: (kv[0][0].lower(), order.get(kv[0][1], 9_999))):
        result.rows.append(AttendanceRow(event_id, partner, tally["booked"], tally["attended"], tally["cancelled"], tally["no_show"]))
    return result


def fingerprint(raw: bytes) -> str:
    """``sha256:…`` of an export's bytes: the same export imported twice has the same fingerprint."""
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def safe_file_name(name: str, result: ImportResult) -> str:
    """The export's file name to record, unless it holds a person's name or e-mail address from the export."""
    loose = " " + " ".join(re.split(r"[\s._-]+", name.lower())) + " "
    if _EMAIL.search(name) or any(len(person) > 3 and f" {person} " in loose for person in result.people):
        return "(an export whose file name held a person's name)"
    return name


@dataclass(frozen=True)
class CsvRow:
    """A row of the year's attendance file as it stands, with its line."""

    line: int
    cells: list[str]

    @property
    def event(self) -> str:
        return self.cells[0].strip() if self.cells else ""

    @property
    def partner(self) -> str:
        return self.cells[1].strip() if len(self.cells) > 1 else ""


@dataclass(frozen=True)
class Replaced:
    """Rows an earlier import wrote that this one replaces."""

    export: str
    imported: dt.datetime
    same_export: bool
    name: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Clash:
    """Rows this import cannot leave alone and must not replace: they count an event of the export already."""

    event: str
    lines: tuple[int, ...]
    why: str


@dataclass
class Plan:
    """The year's new attendance file and import log, and what changes from the old ones."""

    csv: str
    log: ImportLog
    replaced: list[Replaced] = field(default_factory=list)
    kept: int = 0
    """Rows of the old file left exactly as they were."""
    clashes: list[Clash] = field(default_factory=list)


def _rows(existing: str | None) -> list[CsvRow]:
    if not existing:
        return []
    reader = csv.reader(io.StringIO(existing.lstrip("\ufeff"), newline=""))
    rows: list[CsvRow] = []
    start = 1
    for cells in reader:
        if start > 1 and any(c.strip() for c in cells):
            rows.append(CsvRow(start, cells))
        start = reader.line_num + 1
    return rows


def plan(
    existing: str | None,
    log: ImportLog | None,
    result: ImportResult,
    dataset: Dataset,
    *,
    export: str,
    print_: str,
    now: dt.datetime,
) -> Plan:
    """The year's attendance file after this import (``print_`` is the export's fingerprint).

    For each event of the export, the rows an earlier import wrote for it (by the export's name
    for it, whatever the file calls it now) are replaced; every other row is kept. A row that no
    import wrote (typed by hand) for an event of this import is a :class:`Clash`: the caller stops.
    """
    log = log or ImportLog()
    rows = _rows(existing)
    written = result.written_for()
    earlier: dict[tuple[str, str], tuple[ImportedExport, ImportedEvent]] = {}
    for record in log.imports:
        for entry in record.events:
            for partner in entry.partners:
                earlier.setdefault((entry.event, partner), (record, entry))
    replacing = {
        (entry.event, partner): (record, entry)
        for record in log.imports
        for entry in record.events
        if entry.name in written
        for partner in entry.partners
    }
    new_keys = set(written.values())
    loose = {comparable(name): key for name, key in written.items()}
    for key in new_keys:
        event = dataset.event_by_id.get(key)
        if event is not None:
            loose.setdefault(comparable(event.title), key)
    outcome = Plan(csv="", log=ImportLog())
    kept: list[CsvRow] = []
    replaced: dict[tuple[int, str], list[int]] = {}
    clashes: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        origin = replacing.get((row.event, row.partner))
        if origin is not None:
            record, entry = origin
            replaced.setdefault((log.imports.index(record), entry.name), []).append(row.line)
            continue
        if row.event in new_keys or comparable(row.event) in loose:
            by_import = earlier.get((row.event, row.partner))
            why = (
                f"written by the import of {by_import[0].export} ({by_import[0].imported:%-d %B %Y}) for its event '{by_import[1].name}'"
                if by_import
                else "typed by hand (no import wrote them)"
            )
            clashes.setdefault((row.event, why), []).append(row.line)
        kept.append(row)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(row.cells for row in kept)
    for new in result.rows:
        writer.writerow([new.event, new.partner, new.booked, new.attended, new.cancelled, new.no_show])
    outcome.csv = buffer.getvalue()
    outcome.kept = len(kept)
    for (index, name), lines in replaced.items():
        record = log.imports[index]
        outcome.replaced.append(Replaced(record.export, record.imported, record.fingerprint == print_, name, tuple(lines)))
    outcome.clashes = [Clash(event, tuple(lines), why) for (event, why), lines in clashes.items()]
    # The log: earlier imports without the events this one replaces, then this one.
    records = []
    for record in log.imports:
        events = [entry for entry in record.events if entry.name not in written]
        if events:
            records.append(record.model_copy(update={"events": events}))
    partners_by_key: dict[str, list[str]] = {}
    for new in result.rows:
        partners_by_key.setdefault(new.event, []).append(new.partner)
    records.append(
        ImportedExport(
            export=export,
            fingerprint=print_,
            imported=now.replace(tzinfo=None, second=0, microsecond=0),
            events=[ImportedEvent(name=name, event=key, partners=partners_by_key.get(key, [])) for name, key in sorted(written.items())],
        )
    )
    outcome.log = ImportLog(imports=records)
    return outcome


LOG_HEADER = """# yaml-language-server: $schema=../../schema/attendance-imports.schema.json
# Written by 'python3 build.py import-attendance': which rows of {csv} each
# import wrote, by the export's name for each event, so that importing those
# events again replaces exactly those rows and leaves every other row (typed
# by hand, or from another export) alone. Event names and partner ids only:
# nothing about any person. Leave it to the import; delete it only together
# with the rows it lists.
"""


def log_text(log: ImportLog, csv_name: str) -> str:
    """The import log as YAML, with a comment saying what it is."""
    import yaml

    data = {
        "imports": [
            {
                "export": record.export,
                "fingerprint": record.fingerprint,
                "imported": record.imported.strftime("%Y-%m-%dT%H:%M"),
                "events": [{"name": e.name, "event": e.event, "partners": list(e.partners)} for e in record.events],
            }
            for record in log.imports
        ]
    }
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200, default_flow_style=None)
    body = re.sub(r"^(\s*imported: )'([^']*)'$", r"\1\2", body, flags=re.M)  # a date-time, not text
    return LOG_HEADER.format(csv=csv_name) + body
