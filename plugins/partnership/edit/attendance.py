"""``python3 build.py import-attendance``: a booking export → the year's attendance counts."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..core import clock
from ..core.importing import ImportError_, aggregate, merge
from ..core.load import load_dataset
from ..core.problems import DataError
from .files import write_checked


def _fail(message: str) -> int:
    print(message, file=sys.stderr, flush=True)
    return 1


def import_attendance(args: argparse.Namespace, root: Path) -> int:
    """Count an attendee export into data/attendance/<year>.csv, saying what it did and what it could not match."""
    data_dir, content_dir = root / args.data, root / "content"
    year = args.year
    if not re.fullmatch(r"\d{4}-\d{2}", year) or (int(year[:4]) + 1) % 100 != int(year[5:]):
        print(f"--year {year!r} is not a year; write it like 2025-26.", file=sys.stderr)
        return 2
    export = Path(args.export)
    if not export.is_file():
        return _fail(f"There is no file {export}.")
    try:
        dataset = load_dataset(data_dir, content_dir)
        result = aggregate(export.read_bytes(), dataset, clock.now())
    except DataError as error:
        return _fail("The data has problems to fix first:\n" + error.report())
    except ImportError_ as error:
        return _fail(str(error))
    print(f"Read {result.read} bookings from {export.name} ({result.encoding}).")
    print("Names and e-mail addresses were read only, in memory, to spot duplicate bookings; none were written anywhere.")
    if result.columns_ignored:
        print(f"{len(result.columns_ignored)} columns were not needed and were ignored: {', '.join(result.columns_ignored)}.")
    if result.duplicates:
        print(f"Ignored {result.duplicates} duplicate booking{'s' if result.duplicates != 1 else ''} (the same person twice on one event).")
    matched = sorted(set(result.events_matched.values()))
    print(
        f"{len(result.events)} events: {len(matched)} found in the catalogue"
        + (
            f", {len(result.events_unmatched)} kept by the name in the export: " + ", ".join(f'"{n}"' for n in result.events_unmatched)
            if result.events_unmatched
            else ""
        )
        + "."
    )
    if result.unreadable:
        count = len(result.unreadable)
        print(
            f"{count} row{'s' if count != 1 else ''} could not be read safely and {'were' if count != 1 else 'was'} left out "
            "(nothing from them was written; fix them in the export and import again):"
        )
        for line, why in result.unreadable:
            print(f"    line {line}: {why}")
    if result.no_event:
        print(f"{result.no_event} bookings had no event name; they are counted under 'Event not named in the export'.")
    if result.no_organisation:
        print(f"{result.no_organisation} bookings gave no organisation; they are counted as unknown.")
    if result.unknown_organisations:
        total = sum(result.unknown_organisations.values())
        print(f"{total} bookings named organisations that are not mapped to a partner; they are counted as unknown until you map them:")
        for name, count in result.unknown_organisations.most_common():
            guess = result.suggestions.get(name)
            print(f'    "{name}" ({count}){" - probably " + guess if guess else ""}')
        print("  To map them, add lines like these under 'organisations:' in data/import.yml, then import again:")
        for name in list(result.unknown_organisations)[:5]:
            print(f'    "{name}": {result.suggestions.get(name, "other")}')
    target = data_dir / "attendance" / f"{year}.csv"
    before = target.read_text(encoding="utf-8") if target.is_file() else None
    text = merge(before, result)
    booked = sum(r.booked for r in result.rows)
    attended = sum(r.attended for r in result.rows)
    if args.dry_run:
        print(f"Dry run: {target.relative_to(root)} would get {len(result.rows)} rows ({booked} bookings, {attended} attended).")
        return 0
    problems = write_checked(target, text, data_dir, content_dir)
    if problems:
        return _fail("Not written, because the data would have these problems:\n" + "\n".join(problems))
    replaced = " (replacing the rows for these events)" if before else ""
    print(
        f"Wrote {target.relative_to(root)}{replaced}: {len(result.rows)} rows for {len(result.events)} events, "
        f"{booked} bookings, {attended} attended."
    )
    return 0
