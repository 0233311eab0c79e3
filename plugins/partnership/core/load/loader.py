"""Read ``data/`` into a validated :class:`~..models.dataset.Dataset`, or report every problem.

One pass reads every file, validates what it can, and carries on past
problems so that they are all reported together. Then the rules
(:mod:`..rules`) run over whatever was valid. If anything was wrong,
:class:`~..problems.DataError` is raised with all of it, sorted by file,
line and column; nothing is returned half-checked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from ..models.attendance import (
    COLUMNS,
    COUNT_COLUMNS,
    IMPORT_LOG_SUFFIX,
    AttendanceRow,
    AttendanceTable,
    is_personal_column,
)
from ..models.common import DataModel, slugify
from ..models.dataset import Dataset, Unread, content_key, set_origin
from ..models.events import Event
from ..models.frameworks import Framework
from ..models.importing import ImportLog, ImportSettings
from ..models.metrics import MetricsArea
from ..models.partners import Partner
from ..models.pathways import Stage
from ..models.reports import Report
from ..models.site import Site
from ..models.strategy import LogicModel
from ..models.year import Year
from ..problems import Problems, did_you_mean, hint, in_order, quote
from ..rules import run_all
from ..sources.csvsource import TEXT_AS_UTF8, decode, load_csv
from ..sources.files import SourceFiles
from ..sources.kept import kept_for
from ..sources.yamlsource import YAML_SUFFIXES, Document, SourceMap, load_yaml
from ..text import formula_like
from .computed import fill_computed
from .validation import validate

M = TypeVar("M", bound=DataModel)

#: What may stand at the top of data/, and what it is. Anything else is
#: reported, so that a file saved in the wrong place is not silently ignored.
LAYOUT: dict[str, str] = {
    "site.yml": "the partnership's name and contacts",
    "partners.yml": "the organisations in the partnership",
    "pathways.yml": "the career stages",
    "frameworks": "one framework a file",
    "events": "one CPD event a file",
    "metrics": "one area of measures a file",
    "attendance": "one CSV of attendance counts a year",
    "reports": "one annual report a file",
    "import.yml": "how to read booking exports (python3 build.py import-attendance)",
    "logic-model": "one logic model and its objectives a period",
    "drafts": "unfinished answers of 'python3 build.py new event', never read as data (new event --resume finishes them)",
    "README.md": "the guide to these files",
}
REQUIRED = ("site.yml", "partners.yml", "pathways.yml")
MAX_COUNT_DIGITS = 9
"""A count in an attendance file is at most 999,999,999 (written in ASCII digits: ² or ١٢ are refused)."""


class _NotRead:
    """What could not be read so far; :meth:`done` makes it the dataset's :class:`~..models.dataset.Unread`."""

    def __init__(self) -> None:
        self.ids: dict[str, set[str]] = {}

    def add(self, kind: str, identifier: object = "*") -> None:
        self.ids.setdefault(kind, set()).add(identifier if isinstance(identifier, str) and identifier else "*")

    def done(self) -> Unread:
        return Unread(MappingProxyType({kind: frozenset(ids) for kind, ids in self.ids.items()}))


class _Reader:
    """Reads files under one data folder, adding problems as it goes."""

    def __init__(self, data_dir: Path, problems: Problems, content_dir: Path | None = None, overlay: Mapping[Path, str] | None = None):
        self.data_dir = data_dir
        self.base = data_dir.parent
        self.problems = problems
        content_dir = content_dir or self.base / "content"
        self.files = SourceFiles([data_dir, content_dir, content_dir.parent / "theme"], problems, self.display, overlay)
        self.unread = _NotRead()
        self.kept = kept_for(self.base)

    def display(self, path: Path) -> str:
        """A path as messages show it: relative to the project, with forward slashes."""
        try:
            return path.relative_to(self.base).as_posix()
        except ValueError:
            return path.as_posix()

    def read_text(self, path: Path) -> str | None:
        raw = self.files.read(path)
        if raw is None:
            return None
        if path.suffix.lower() == ".csv":
            return decode(raw, self.display(path), self.problems)
        return decode(raw, self.display(path), self.problems, how=TEXT_AS_UTF8)

    def document(self, path: Path) -> Document | None:
        """``path`` parsed, or None (reported); a file read before with the same bytes is not parsed again (:mod:`..sources.kept`)."""
        raw = self.files.read(path)
        if raw is None:
            return None
        shown = self.display(path)

        def parse() -> tuple[Document | None, bool]:
            before = len(self.problems.items), len(self.problems.warnings)
            text = decode(raw, shown, self.problems, how=TEXT_AS_UTF8)
            found = load_yaml(text, shown, self.problems) if text is not None else None
            return found, found is not None and before == (len(self.problems.items), len(self.problems.warnings))

        return self.kept.get(f"yaml:{shown}", raw, parse)

    def required(self, name: str, what: str) -> Document | None:
        path = self.data_dir / name
        if os.path.lexists(path) and not self.files.check(path):
            return None
        if path.is_dir():
            self.problems.add(
                self.display(path), 1, 1, f"this is a folder, but it must be a file holding {what}: rename the folder (see data/README.md)"
            )
            return None
        if not self.files.exists(path):
            self.problems.add(self.display(path), 1, 1, f"this file is missing; it holds {what} (see data/README.md)")
            return None
        return self.document(path)

    def one(self, doc: Document | None, model: type[M], what: str) -> M | None:
        """A file that holds one mapping, validated as ``model`` (None, reported, when it cannot be)."""
        if doc is None:
            return None
        if not isinstance(doc.data, dict):
            self.problems.add(doc.where.path, 1, 1, f"this file must hold the fields of {what}, one 'name: value' a line")
            return None
        found = validate(model, doc.data, doc.where, self.problems)
        if found is not None:
            set_origin(found, doc.where)
        return found

    def many(self, doc: Document | None, model: type[M], what: str, kind: str) -> list[M]:
        """A file that holds a list of mappings, each validated as ``model``; ``kind`` names them in :attr:`unread`."""
        if doc is None:
            self.unread.add(kind)
            return []
        if doc.data is None:
            return []
        if not isinstance(doc.data, list):
            self.problems.add(doc.where.path, 1, 1, f"this file must be a list of {what}, each starting with '- '")
            self.unread.add(kind)
            return []
        result: list[M] = []
        for index, entry in enumerate(doc.data):
            if not isinstance(entry, dict):
                mark = doc.where.at((index,))
                self.problems.add(doc.where.path, mark.line, mark.column, f"each entry must be {what}'s fields, 'name: value' a line")
                self.unread.add(kind)
                continue
            found = validate(model, entry, doc.where, self.problems, (index,))
            if found is not None:
                set_origin(found, doc.where, (index,))
                result.append(found)
            else:
                self.unread.add(kind, entry.get("id"))
        return result

    def folder(self, name: str, recursive: bool = False, suffixes: tuple[str, ...] = YAML_SUFFIXES) -> list[Path]:
        folder = self.data_dir / name
        if not self.files.is_folder(folder) or (folder.exists() and not self.files.check(folder)):
            return []
        found = []
        for path in self.files.walk(folder):
            if not recursive and path.parent != folder:
                continue
            if path.name.lower().endswith(suffixes):
                found.append(path)
            elif path.name != "README.md":
                self.problems.add(
                    self.display(path),
                    1,
                    1,
                    f"{quote(path.name)} is not a {' or '.join(suffixes)} file, so it would be ignored; "
                    f"rename it or move it out of data/{name}/",
                )
        return found

    def per_file(
        self,
        folder: str,
        model: type[M],
        what: str,
        key: str,
        *,
        default_key: bool = True,
        match_file: bool = True,
        kinds: tuple[str, ...] = (),
    ) -> Iterator[tuple[M, Document]]:
        """Each valid one-entity-per-file model in ``data/<folder>/`` with its document.

        ``key`` (a framework's ``id``, a report's ``year``) defaults to the file's name when
        ``default_key``; with ``match_file`` a key that differs from the file name is a problem
        and that file is skipped. A file that cannot be read marks its key (the file's name) as
        unread under the first of ``kinds``, and everything under the others.
        """
        for path in self.folder(folder):
            doc = self.document(path)
            if default_key and doc is not None and isinstance(doc.data, dict) and key not in doc.data:
                doc.data[key] = path.stem
            found = self.one(doc, model, what)
            if found is None or doc is None:
                for index, kind in enumerate(kinds):
                    self.unread.add(kind, path.stem if index == 0 else "*")
                continue
            if match_file and found.valid(key) and not self.named_like_file(doc, key, getattr(found, key), path):
                continue
            yield found, doc

    def named_like_file(self, doc: Document, field: str, value: str, path: Path) -> bool:
        """True when ``value`` (the file's id or year) is the file's name; otherwise say so."""
        if value == path.stem:
            return True
        mark = doc.where.at((field,))
        self.problems.add(
            doc.where.path,
            mark.line,
            mark.column,
            f"{field}: {quote(value)} must be the same as the file name ({path.stem}); "
            f"rename the file to {value}.yml or change the {field}",
        )
        return False


def _frameworks(reader: _Reader) -> dict[str, Framework]:
    found = reader.per_file("frameworks", Framework, "a framework", "id", kinds=("framework",))
    frameworks = {framework.id: framework for framework, _ in found}
    if "pcf" in frameworks:  # the PCF leads every list of frameworks
        frameworks = {"pcf": frameworks["pcf"], **frameworks}
    return frameworks


def _events(reader: _Reader) -> list[Event]:
    events: list[Event] = []
    for path in reader.folder("events", recursive=True):
        doc = reader.document(path)
        if doc is None or not isinstance(doc.data, dict):
            reader.unread.add("event", path.stem)
            if doc is not None:
                reader.problems.add(doc.where.path, 1, 1, "this file must hold one event's fields, one 'name: value' a line")
            continue
        if "id" not in doc.data:
            stem = path.stem
            if slugify(stem) != stem:
                reader.problems.add(
                    doc.where.path,
                    1,
                    1,
                    f"the file name {quote(stem)} cannot be the event's id; rename the file to "
                    f"{slugify(stem)}.yml, or add a line 'id: {slugify(stem)}'",
                )
                continue
            doc.data["id"] = stem
        event = reader.one(doc, Event, "an event")
        if event is not None:
            events.append(event)
        else:
            reader.unread.add("event", doc.data.get("id"))
    return events


def _metrics(reader: _Reader) -> dict[str, MetricsArea]:
    areas: dict[str, MetricsArea] = {}
    for area, doc in reader.per_file("metrics", MetricsArea, "an area of measures", "area", match_file=False, kinds=("area", "measure")):
        if not area.valid("measures"):  # one bad value: its measures are not "no measure" to the rules that name them
            raw = doc.data.get("measures") if isinstance(doc.data, dict) else None
            for entry in raw if isinstance(raw, list) else []:
                reader.unread.add("measure", entry.get("id") if isinstance(entry, dict) else None)
        if not area.valid("area"):
            continue
        if area.area in areas:
            mark = doc.where.at(("area",))
            reader.problems.add(
                doc.where.path, mark.line, mark.column, f"area: {quote(area.area)} is already used by another file in data/metrics/"
            )
            continue
        areas[area.area] = area
    return areas


def _reports(reader: _Reader) -> list[Report]:
    reports = [report for report, _ in reader.per_file("reports", Report, "a report", "year", default_key=False)]
    return sorted(reports, key=lambda r: r.year, reverse=True)


def _logic_models(reader: _Reader) -> list[LogicModel]:
    # A model whose period could not be read is reported already, and covers no year.
    models = [model for model, _ in reader.per_file("logic-model", LogicModel, "a logic model", "period") if model.valid("period")]
    return sorted(models, key=lambda m: m.period)


def _attendance(reader: _Reader) -> dict[str, AttendanceTable]:
    tables: dict[str, AttendanceTable] = {}
    found = reader.folder("attendance", suffixes=(".csv", IMPORT_LOG_SUFFIX))
    tables_found = {path.stem for path in found if path.suffix == ".csv"}
    for path in found:
        if path.name.endswith(IMPORT_LOG_SUFFIX):
            year = path.name.removesuffix(IMPORT_LOG_SUFFIX)
            if year not in tables_found:
                reader.problems.add(
                    reader.display(path),
                    1,
                    1,
                    f"this file records what imports wrote into data/attendance/{year}.csv, which does not exist; "
                    "delete it (or put the attendance file back)",
                )
            continue
        table = _attendance_table(reader, path)
        if table is not None:
            log_path = path.with_name(path.stem + IMPORT_LOG_SUFFIX)
            log = reader.one(reader.document(log_path), ImportLog, "an import log") if reader.files.exists(log_path) else None
            tables[path.relative_to(reader.data_dir).as_posix()] = replace(table, imports=log)
    return tables


def _attendance_table(reader: _Reader, path: Path) -> AttendanceTable | None:
    shown = reader.display(path)
    problems = reader.problems
    try:
        year = Year(path.stem)
    except Exception:
        problems.add(shown, 1, 1, f"the file name {quote(path.stem)} is not a year; name the file like 2021-22.csv")
        return None
    text = reader.read_text(path)
    if text is None:
        return None
    table = load_csv(text, shown, problems)
    if table is None:
        return None
    personal = [(name, col) for name, col in zip(table.header, table.header_columns, strict=False) if is_personal_column(name)]
    for name, column in personal:
        problems.add(
            shown,
            1,
            column,
            f"column {quote(name)} would hold personal data; attendance files hold counts only. "
            "Delete the column (and its values) before saving; allowed columns: " + ", ".join(COLUMNS),
        )
    if personal:
        return None  # no row of a file with personal data is read, let alone published
    missing = [name for name in COLUMNS if name not in table.header]
    misspelt: set[str] = set()  # 'partnr' is one mistake: "did you mean partner?", not also "no partner column"
    for name, column in zip(table.header, table.header_columns, strict=False):
        if name not in COLUMNS:
            meant = did_you_mean(name, missing)
            misspelt |= {meant} if meant else set()
            problems.add(
                shown,
                1,
                column,
                f"column {quote(name)} is not part of an attendance file{hint(name, missing)}; allowed columns: " + ", ".join(COLUMNS),
            )
    for name in missing:
        if name not in misspelt:
            problems.add(shown, 1, 1, f"the header has no {quote(name)} column; the header must be: " + ",".join(COLUMNS))
    if missing:
        return None
    rows: list[AttendanceRow] = []
    seen: dict[tuple[str, str], int] = {}
    for row in table.rows:
        counts: dict[str, int] = {}
        for name in COUNT_COLUMNS:
            cell = row.cells[name]
            if not (cell.isascii() and cell.isdigit()) or len(cell) > MAX_COUNT_DIGITS:
                problems.add(
                    shown,
                    row.line,
                    row.column(name),
                    f"{name}: {quote(cell) if cell else 'an empty cell'} is not a count; write a whole number, 0 or more, "
                    f"in the digits 0 to 9 (at most {MAX_COUNT_DIGITS} of them)",
                )
                continue
            counts[name] = int(cell)
        event, partner = row.cells["event"], row.cells["partner"]
        if not event:
            problems.add(shown, row.line, row.column("event"), "event: the cell is empty; write the event's id or name")
        if not partner:
            problems.add(shown, row.line, row.column("partner"), "partner: the cell is empty; write a partner id, other or unknown")
        if formula_like(event):
            problems.add(
                shown,
                row.line,
                row.column("event"),
                f"event: {quote(event)} starts with {quote(event[0])}, so a spreadsheet that opens this file would run it as "
                "a formula; write the event's id or its name as plain text",
            )
        if len(counts) < len(COUNT_COLUMNS) or not event or not partner:
            continue
        booked, attended = counts["booked"], counts["attended"]
        cancelled, no_show = counts["cancelled"], counts["no_show"]
        if attended > booked:
            problems.add(
                shown,
                row.line,
                row.column("attended"),
                f"attended ({attended}) is more than booked ({booked}); attended can be at most the number booked",
            )
        elif cancelled + no_show > booked - attended:
            problems.add(
                shown,
                row.line,
                row.column("cancelled"),
                f"cancelled + no_show ({cancelled} + {no_show} = {cancelled + no_show}) is more than "
                f"booked − attended ({booked} − {attended} = {booked - attended}); together they can be at most "
                f"{booked - attended}",
            )
        key = (event, partner)
        if key in seen:
            problems.add(
                shown,
                row.line,
                row.column("event"),
                f"{quote(event)} and {quote(partner)} already have a row on line {seen[key]}; add the counts together in one row",
            )
            continue
        seen[key] = row.line
        rows.append(AttendanceRow(event, partner, booked, attended, cancelled, no_show, row.line, row.column("partner")))
    return AttendanceTable(year, shown, tuple(rows))


def _markdown(reader: _Reader, content_dir: Path, reports: list[Report]) -> dict[str, str]:
    """Every Markdown file under content/, by its path there, read once (the rules and the pages use this text).

    Each entry of content/ is checked as it is walked (a link out of the
    project, a pipe… is a problem, and not read); a file that is not UTF-8 is
    a problem too. A report's narrative in a folder the walk skips (a hidden
    one) is read as well; the report's rules say whether it may be used.
    """
    texts: dict[str, str] = {}
    if content_dir.is_dir() and reader.files.check(content_dir):
        for path in reader.files.walk(content_dir):
            if path.suffix.lower() != ".md":
                continue
            raw = reader.files.read(path)
            text = decode(raw, reader.display(path), reader.problems, how=TEXT_AS_UTF8) if raw is not None else None
            if text is not None:
                texts[path.relative_to(content_dir).as_posix()] = text
    root = content_dir.resolve()
    for report in reports:
        for _, relative in report.narratives():
            key, target = content_key(relative), content_dir / relative
            if key in texts or target.suffix.lower() != ".md" or not target.is_file() or not target.resolve().is_relative_to(root):
                continue  # read already, or not a narrative the report's rules accept (they say why)
            raw = reader.files.read(target)
            text = decode(raw, reader.display(target), Problems()) if raw is not None else None
            if text is not None:  # the walk would have said why not; this folder it skips
                texts[key] = text
    return texts


def _unexpected(reader: _Reader) -> None:
    if not reader.data_dir.is_dir():
        return
    for entry in sorted(reader.data_dir.iterdir()):
        if entry.name.startswith(".") or not reader.files.check(entry) or entry.name in LAYOUT:
            continue
        kind = "folder" if entry.is_dir() else "file"
        expected = ", ".join(name for name in LAYOUT if name != "README.md")
        problems_text = f"data/ has no place for the {kind} {quote(entry.name)}, so it would be ignored; data/ holds: {expected}"
        reader.problems.add(reader.display(entry), 1, 1, problems_text)


def load_dataset(data_dir: Path, content_dir: Path | None = None, overlay: Mapping[Path, str] | None = None) -> Dataset:
    """Read, validate and cross-check everything in ``data_dir``.

    ``overlay`` (file → text) reads those files as if they had been written
    so: what a command is about to write is checked before it is written.
    Raises :class:`~..problems.DataError` with every problem found.
    """
    data_dir = Path(data_dir).resolve()
    content_dir = Path(content_dir).resolve() if content_dir else data_dir.parent / "content"
    problems = Problems()
    reader = _Reader(data_dir, problems, content_dir, overlay)
    if not data_dir.is_dir():
        problems.add(reader.display(data_dir), 1, 1, "the data folder does not exist")
        problems.raise_if_any()
    site = reader.one(reader.required("site.yml", LAYOUT["site.yml"]), Site, "the site")
    partners = reader.many(reader.required("partners.yml", LAYOUT["partners.yml"]), Partner, "a partner", "partner")
    pathways = reader.many(reader.required("pathways.yml", LAYOUT["pathways.yml"]), Stage, "a career stage", "stage")
    frameworks = _frameworks(reader)
    events = _events(reader)
    metrics = _metrics(reader)
    attendance = _attendance(reader)
    metrics = fill_computed(metrics, attendance)
    reports = _reports(reader)
    logic_models = _logic_models(reader)
    settings_path = data_dir / "import.yml"
    settings = reader.one(reader.document(settings_path), ImportSettings, "import settings") if reader.files.exists(settings_path) else None
    markdown = _markdown(reader, content_dir, reports)
    _unexpected(reader)
    dataset = Dataset(
        data_dir=data_dir,
        content_dir=content_dir,
        site=site
        if site is not None
        else Site.model_construct(name="", short_name="", region="", contact_email="", accessibility_contact=""),
        partners=partners,
        frameworks=frameworks,
        pathways=pathways,
        events=sorted(events, key=Event.sort_key),
        metrics=metrics,
        attendance=attendance,
        reports=reports,
        import_settings=settings or ImportSettings(),
        logic_models=logic_models,
        markdown=markdown,
        unread=reader.unread.done(),
    )
    try:
        run_all(dataset, reader.files, problems, reader.kept)
    finally:
        reader.kept.save()
    problems.raise_if_any()
    return replace(dataset, warnings=in_order(problems.warnings))


__all__ = ["SourceMap", "load_dataset"]
