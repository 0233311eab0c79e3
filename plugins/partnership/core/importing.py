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
shifts every cell after it), or an event or organisation that looks like an
e-mail address or is one of the export's names (from its name and e-mail
columns, in any row).

Everything doubtful is counted and reported rather than dropped: rows with
no organisation, organisations nobody has mapped to a partner yet (counted
as ``unknown``, with the nearest partner suggested), events not in the
catalogue (kept under their names), duplicate bookings, columns that were
not needed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from dataclasses import dataclass, field

from .clock import local
from .dataset import Dataset
from .models.attendance import COLUMNS, AttendanceRow, is_personal_column
from .problems import did_you_mean


class ImportError_(Exception):
    """The export cannot be read as configured; the message says what to change."""


@dataclass
class ImportResult:
    rows: list[AttendanceRow]
    encoding: str
    read: int = 0
    columns_ignored: list[str] = field(default_factory=list)
    duplicates: int = 0
    no_organisation: int = 0
    unknown_organisations: Counter[str] = field(default_factory=Counter)
    suggestions: dict[str, str] = field(default_factory=dict)
    events_matched: dict[str, str] = field(default_factory=dict)
    events_unmatched: Counter[str] = field(default_factory=Counter)
    no_event: int = 0
    unreadable: list[tuple[int, str]] = field(default_factory=list)
    """(line in the export, why) of every row left out whole; the reason never quotes the row."""

    @property
    def events(self) -> set[str]:
        return {row.event for row in self.rows}


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the name of its encoding: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "Windows-1252"


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _people(records: list[tuple[int, list[str]]], header: list[str], person_columns: list[str]) -> set[str]:
    """Every name and e-mail address in the export (each personal cell, and first and last names together)."""
    personal = [i for i, name in enumerate(header) if is_personal_column(name) or name in person_columns]
    found: set[str] = set()
    for _, cells in records:
        values = [_normal(cells[i]) for i in personal if i < len(cells) and cells[i].strip()]
        found.update(values)
        found.update(" ".join(values[i : i + 2]) for i in range(len(values) - 1))
    return found


def _personal(value: str, people: set[str]) -> str | None:
    """Why ``value`` (an event or organisation cell) would be personal data, or None."""
    if _EMAIL.search(value):
        return "looks like an e-mail address"
    if _normal(value) in people:
        return "is a person's name or e-mail address from the export"
    return None


def aggregate(raw: bytes, dataset: Dataset, now: dt.datetime) -> ImportResult:
    """Counts per event and partner from an attendee export's bytes."""
    settings = dataset.import_settings
    columns = settings.columns
    text, encoding = decode(raw)
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    start = 1
    for cells in reader:
        records.append((start, cells))
        start = reader.line_num + 1
    header = [h.strip() for h in (records[0][1] if records else [])]
    needed = [columns.event, columns.organisation]
    outcome = [c for c in (columns.status, columns.checked_in) if c]
    missing = [c for c in needed if c not in header]
    if missing or not any(c in header for c in outcome):
        absent = missing + ([" or ".join(outcome)] if not any(c in header for c in outcome) else [])
        raise ImportError_(
            "The export has no column "
            + ", ".join(f"'{c}'" for c in absent)
            + ". Its columns are: "
            + ", ".join(header)
            + ". Say which column is which under 'columns:' in data/import.yml."
        )
    used = set(needed + outcome + list(columns.person))
    result = ImportResult(rows=[], encoding=encoding, columns_ignored=[h for h in header if h not in used])

    partners = {p.id: p.id for p in dataset.partners}
    names = {_normal(p.name): p.id for p in dataset.partners}
    mapped = {_normal(k): v for k, v in settings.organisations.items()}
    event_map = {_normal(k): v for k, v in settings.events.items()}
    titles: dict[str, str] = {}
    for event in dataset.events:
        titles.setdefault(_normal(event.title), event.id)
    attended_values = {_normal(v) for v in settings.attended}
    cancelled_values = {_normal(v) for v in settings.cancelled}
    seen: set[tuple[str, ...]] = set()
    counts: dict[tuple[str, str], Counter[str]] = {}
    choices = list(partners) + [p.name for p in dataset.partners]
    people = _people(records[1:], header, list(columns.person))

    for line, cells in records[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        result.read += 1
        if len(cells) != len(header):
            result.unreadable.append(
                (line, f"the row has {len(cells)} cells but the header has {len(header)} (often a comma in a name, without quotes)")
            )
            continue
        row = dict(zip(header, cells, strict=True))
        doubt = [
            f"its {what} {why}"
            for what, column in (("event", columns.event), ("organisation", columns.organisation))
            if (why := _personal(row.get(column) or "", people))
        ]
        if doubt:
            result.unreadable.append((line, " and ".join(doubt)))
            continue
        event_name = (row.get(columns.event) or "").strip()
        if not event_name:
            result.no_event += 1
            event_name = "Event not named in the export"
        key = _normal(event_name)
        event = event_map.get(key) or (event_name if event_name in dataset.event_by_id else None) or titles.get(key)
        if event:
            result.events_matched[event_name] = event
        else:
            event = event_name
            result.events_unmatched[event_name] += 1
        person = tuple(_normal(row.get(c) or "") for c in columns.person if c in header)
        if person and any(person):
            identity = (event, *person)
            if identity in seen:
                result.duplicates += 1
                continue
            seen.add(identity)
        typed = (row.get(columns.organisation) or "").strip()
        if not typed:
            partner = "unknown"
            result.no_organisation += 1
        else:
            partner = (
                mapped.get(_normal(typed))
                or partners.get(typed)
                or names.get(_normal(typed))
                or ("other" if _normal(typed) == "other" else None)
            )
            if partner is None:
                partner = "unknown"
                result.unknown_organisations[typed] += 1
                guess = did_you_mean(typed, choices)
                if guess:
                    result.suggestions[typed] = partners.get(guess) or names.get(_normal(guess), guess)
        status = _normal(row.get(columns.status) or "") if columns.status else ""
        checked = _normal(row.get(columns.checked_in) or "") if columns.checked_in else ""
        tally = counts.setdefault((event, partner), Counter())
        tally["booked"] += 1
        if status in cancelled_values:
            tally["cancelled"] += 1
        elif checked in attended_values or status in attended_values:
            tally["attended"] += 1
        else:
            catalogued = dataset.event_by_id.get(event)
            ended = True
            if catalogued is not None and catalogued.sessions:
                ended = max(local(s.end) for s in catalogued.sessions) < now
            if ended:
                tally["no_show"] += 1
    order = {p.id: i for i, p in enumerate(dataset.partners)} | {"other": 10_000, "unknown": 10_001}
    for (event, partner), tally in sorted(counts.items(), key=lambda kv: (kv[0][0].lower(), order.get(kv[0][1], 9_999))):
        result.rows.append(AttendanceRow(event, partner, tally["booked"], tally["attended"], tally["cancelled"], tally["no_show"]))
    return result


def merge(existing: str | None, result: ImportResult) -> str:
    """An attendance CSV: the existing rows for other events, then this import's rows."""
    kept: list[list[str]] = []
    if existing:
        reader = csv.reader(io.StringIO(existing.lstrip("\ufeff"), newline=""))
        header = next(reader, None)
        if header and [h.strip() for h in header] == list(COLUMNS):
            kept = [row for row in reader if row and row[0].strip() not in result.events]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(kept)
    for row in result.rows:
        writer.writerow([row.event, row.partner, row.booked, row.attended, row.cancelled, row.no_show])
    return buffer.getvalue()
