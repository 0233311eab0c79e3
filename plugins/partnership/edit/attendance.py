"""``python3 build.py import-attendance``: a booking export → the year's attendance counts.

It says what it read, lists every spelling it could not match with what it
is probably, as lines ready to paste into ``data/import.yml`` (or adds them
itself with ``--accept-suggestions``), and writes the year's counts with a
record of which rows this import wrote (``<year>.imports.yml``), so that
importing the same events again replaces exactly those rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import stat
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ..core import clock
from ..core.load import load_dataset
from ..core.load.importing import ImportError_, ImportResult, aggregate, fingerprint, log_text, plan, safe_file_name
from ..core.models.attendance import IMPORT_LOG_SUFFIX
from ..core.models.dataset import Dataset
from ..core.problems import DataError, plural
from ..core.text import visible
from .answers import parse_year
from .files import write_all_checked, write_checked
from .mappings import add_mappings, mapping_line


def _fail(message: str) -> int:
    print(message, file=sys.stderr, flush=True)
    return 1


MAX_EXPORT = 200 * 1_000_000
"""The largest export read (bytes): a year of a big partnership's bookings is a few megabytes."""


def read_export(path: Path) -> bytes | str:
    """The export's bytes, or what to tell the user: it is missing, a folder or a pipe, too large or unreadable.

    Opened without blocking, checked to be an ordinary file before a byte is read, and read up to the limit only.
    """
    shown = visible(str(path))
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return f"There is no file {shown}; give the path of the booking system's export, like exports/attendees.csv."
    except IsADirectoryError:
        return f"{shown} is a folder, not a file; give the path of the export inside it, like {shown}/attendees.csv."
    except OSError as error:
        return f"{shown} cannot be read: {error.strerror}."
    info = os.fstat(descriptor)
    mode = info.st_mode
    if stat.S_ISREG(mode) and info.st_size > MAX_EXPORT:
        os.close(descriptor)
        return _too_large(shown, info.st_size)
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            return f"{shown} is a folder, not a file; give the path of the export inside it, like {shown}/attendees.csv."
        kind = "a named pipe" if stat.S_ISFIFO(mode) else "a device or socket"
        return f"{shown} is {kind}, not a file; save the export as a file and give its path."
    with os.fdopen(descriptor, "rb") as handle:
        try:
            raw = handle.read(MAX_EXPORT + 1)
        except OSError as error:
            return f"{shown} cannot be read: {error.strerror}."
    if len(raw) > MAX_EXPORT:
        return _too_large(shown, len(raw))
    return raw


def _too_large(shown: str, size: int) -> str:
    how_large = f"{size / 1_000_000_000:.1f} GB" if size >= 1_000_000_000 else f"{size / 1_000_000:.0f} MB"
    return (
        f"{shown} is {how_large}, more than the {MAX_EXPORT // 1_000_000} MB an export may be; "
        "export the bookings of one year (or fewer events) at a time."
    )


def _lines(numbers: tuple[int, ...]) -> str:
    """``line 9``, ``lines 9-13``, ``lines 9-13, 20``."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    text = ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)
    return f"line{'s' if len(numbers) != 1 else ''} {text}"


def _aligned(rows: list[tuple[str, str]]) -> list[str]:
    """Lines and their comments, the comments lined up in one column."""
    width = max(len(line) for line, _ in rows) + 3
    return [f"{line:<{width}}# {comment}" if line.strip() else f"  # {comment}" for line, comment in rows]


def _suggested(
    spellings: Counter[str], suggestions: dict[str, str], otherwise: Callable[[str, str], tuple[str, str]]
) -> tuple[list[str], dict[str, str]]:
    """A line for every spelling, most bookings first: its suggestion marked "probably", else what ``otherwise`` says."""
    rows, accepted = [], {}
    for name, bookings in spellings.most_common():
        guess = suggestions.get(name)
        if guess:
            accepted[name] = guess
            rows.append((mapping_line(name, guess), f"probably; {plural(bookings, 'booking')}"))
        else:
            rows.append(otherwise(name, plural(bookings, "booking")))
    return _aligned(rows), accepted


def unmapped(result: ImportResult, year: str, accepting: bool = False) -> tuple[list[str], dict[str, str], dict[str, str]]:
    """What to print about spellings that matched nothing, and the suggestions to add (organisations, events)."""
    out: list[str] = []
    organisations: dict[str, str] = {}
    events: dict[str, str] = {}
    if result.unknown_organisations:
        total = sum(result.unknown_organisations.values())
        count = len(result.unknown_organisations)
        out.append(
            f"{plural(total, 'booking')} named {plural(count, 'organisation')} not mapped to a partner; "
            f"{'it is' if total == 1 else 'they are'} counted as unknown until you map {'it' if count == 1 else 'them'}."
        )
        out.append("Add these lines under 'organisations:' in data/import.yml (check each one), then import again:")
        lines, organisations = _suggested(
            result.unknown_organisations,
            result.suggestions,
            lambda name, bookings: (
                mapping_line(name, "other"),
                f"no partner is close: other, if it is outside the partnership; {bookings}",
            ),
        )
        out.extend(lines)
    if result.events_unmatched:
        count = len(result.events_unmatched)
        out.extend(
            [
                *([""] if out else []),
                f"{plural(count, 'event')} of the export {'is' if count == 1 else 'are'} not in the catalogue under that name, "
                f"so {'its' if count == 1 else 'their'} bookings are kept under the export's name.",
                "If it is a catalogue event, add a line for it under 'events:' in data/import.yml, then import again:",
            ]
        )
        lines, events = _suggested(
            result.events_unmatched,
            result.event_suggestions,
            lambda name, bookings: (
                "",
                f"{mapping_line(name, '', '').strip()} no catalogue event of {year} is close; {bookings} stay under this name",
            ),
        )
        out.extend(lines)
    if (organisations or events) and not accepting:
        out.append('Or import again with --accept-suggestions: it adds the lines marked "probably" for you, and counts with them.')
    return out, organisations, events


def _accept(root: Path, data_dir: Path, content_dir: Path, organisations: dict[str, str], events: dict[str, str]) -> list[str] | None:
    """Add the suggested mappings to import.yml (checked); the problems if they could not be added."""
    path = data_dir / "import.yml"
    text = path.read_text(encoding="utf-8") if path.is_file() else "# How to read booking exports; see data/README.md.\n"
    text = add_mappings(add_mappings(text, "organisations", organisations), "events", events)
    problems = write_checked(path, text, data_dir, content_dir)
    if problems:
        return problems
    print(f"Added to {path.relative_to(root)}:")
    for section, entries in (("organisations", organisations), ("events", events)):
        if entries:
            print(f"  under {section}:")
            for name, target in entries.items():
                print(mapping_line(name, target, "    "))
    return None


def _report(result: ImportResult, export: Path, year: str, accepting: bool) -> tuple[dict[str, str], dict[str, str]]:
    print(f"Read {plural(result.read, 'booking')} from {visible(export.name)} ({result.encoding}).")
    print("Names and e-mail addresses were read only, in memory, to spot duplicate bookings; none were written anywhere.")
    print("Columns read: " + "; ".join(f"{what.replace('_', ' ')} from '{column}'" for what, column in result.columns_used.items()) + ".")
    if result.columns_ignored:
        count = len(result.columns_ignored)
        print(f"{plural(count, 'column')} {'was' if count == 1 else 'were'} not needed and ignored: {', '.join(result.columns_ignored)}.")
    if result.duplicates:
        print(f"Ignored {plural(result.duplicates, 'duplicate booking')} (the same person twice on one event).")
    matched = sorted(set(result.events_matched.values()))
    names = ", ".join(f'"{n}"' for n in result.events_unmatched)
    kept = f", {len(result.events_unmatched)} kept under the export's name ({names})" if result.events_unmatched else ""
    print(f"{plural(len(result.written_for()), 'event')}: {len(matched)} found in the catalogue{kept}.")
    if result.unreadable:
        count = len(result.unreadable)
        print(
            f"{plural(count, 'row')} could not be read safely and {'were' if count != 1 else 'was'} left out "
            "(nothing from them was written; fix them in the export and import again):"
        )
        for line, why in result.unreadable:
            print(f"    line {line}: {why}")
    if result.no_event:
        print(f"{plural(result.no_event, 'booking')} had no event name; counted under 'Event not named in the export'.")
    if result.no_organisation:
        print(f"{plural(result.no_organisation, 'booking')} gave no organisation; counted as unknown.")
    lines, organisations, events = unmapped(result, year, accepting)
    if lines:
        print()
        print("\n".join(lines))
        print()
    return organisations, events


def import_attendance(args: argparse.Namespace, root: Path) -> int:
    """Count an attendee export into data/attendance/<year>.csv, saying what it did and what it could not match."""
    data_dir, content_dir = root / args.data, root / "content"
    try:
        year = args.year = parse_year(args.year)
    except ValueError as error:
        print(f"--year: {error}", file=sys.stderr)
        return 2
    export = Path(args.export)
    raw = read_export(export)
    if isinstance(raw, str):
        return _fail(raw)
    now = clock.now()
    try:
        dataset = load_dataset(data_dir, content_dir)
        result = aggregate(raw, dataset, now, year)
        accepting = bool(getattr(args, "accept_suggestions", False))
        organisations, events = _report(result, export, year, accepting)
        if accepting and (organisations or events):
            if args.dry_run:
                print("Dry run: import.yml was left as it is.")
            else:
                problems = _accept(root, data_dir, content_dir, organisations, events)
                if problems:
                    return _fail("import.yml was not changed, because the data would have these problems:\n" + "\n".join(problems))
                dataset = load_dataset(data_dir, content_dir)
                result = aggregate(raw, dataset, now, year)
                print("Counted again with them.\n")
    except DataError as error:
        return _fail("The data has problems to fix first:\n" + error.report())
    except ImportError_ as error:
        return _fail(str(error))
    return _write(args, root, dataset, result, export, raw, now)


def _write(args: argparse.Namespace, root: Path, dataset: Dataset, result: ImportResult, export: Path, raw: bytes, now: dt.datetime) -> int:
    data_dir, content_dir = root / args.data, root / "content"
    target = data_dir / "attendance" / f"{args.year}.csv"
    log_path = target.with_name(args.year + IMPORT_LOG_SUFFIX)
    before = target.read_text(encoding="utf-8") if target.is_file() else None
    table = dataset.attendance.get(f"attendance/{args.year}.csv")
    print_ = fingerprint(raw)
    outcome = plan(
        before, table.imports if table else None, result, dataset, export=safe_file_name(export.name, result), print_=print_, now=now
    )
    shown = target.relative_to(root)
    if outcome.clashes:
        lines = [
            f"Nothing was written: {shown} already counts events of this export in rows that the import would not replace, "
            "so their bookings would be counted twice:"
        ]
        for clash in outcome.clashes:
            lines.append(f'    {_lines(clash.lines)}: "{clash.event}", {clash.why}')
        lines.append(
            f"If the export counts the same bookings, delete those rows from {shown} (in a spreadsheet, or any text editor) "
            "and import again: from then on, importing again replaces what the import wrote."
        )
        return _fail("\n".join(lines))
    for replaced in outcome.replaced:
        which = "the same export, imported again" if replaced.same_export else "an earlier export of the same event"
        print(
            f"Replacing {plural(len(replaced.lines), 'row')} ({_lines(replaced.lines)}) that the import of {replaced.export} "
            f'on {replaced.imported:%-d %B %Y} wrote for "{replaced.name}" ({which}).'
        )
    if outcome.kept:
        print(f"Keeping the other {plural(outcome.kept, 'row')} of {shown} as {'it is' if outcome.kept == 1 else 'they are'}.")
    booked = sum(r.booked for r in result.rows)
    attended = sum(r.attended for r in result.rows)
    summary = (
        f"{plural(len(result.rows), 'row')} for {plural(len(result.events), 'event')}, {plural(booked, 'booking')}, {attended} attended"
    )
    if args.dry_run:
        print(f"Dry run: {shown} would get {summary}. Nothing was written.")
        return 0
    problems = write_all_checked({target: outcome.csv, log_path: log_text(outcome.log, target.name)}, data_dir, content_dir)
    if problems:
        return _fail("Not written, because the data would have these problems:\n" + "\n".join(problems))
    print(f"Wrote {shown}: {summary}; and {log_path.relative_to(root)}, which records which rows this import wrote.")
    return 0
