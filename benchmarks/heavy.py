"""Heavy files (PDF, Word, Excel, zip) a build makes again when nothing changed but the hour: goal none.

    .venv/bin/python benchmarks/heavy.py            # the example data
    .venv/bin/python benchmarks/heavy.py 3000       # with N generated events

Builds once at ``PARTNERSHIP_NOW`` (12:00), then again with the same data and
the cache that build left at 12:30, the next morning and a week later, as a
preview save, a nightly run and a weekly one would; for each, the build's own
count of files made again ("Reused … from the cache; made N") and whether
every heavy file came out the same, byte for byte. A count, not a time: the
load average is printed all the same.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from catalogue import make_site
from common import Session, cli, copy_example, site_env

HEAVY = ("*.pdf", "*.docx", "*.xlsx", "*.zip")
LATER = {"half an hour later": "2026-11-22T12:30", "the next morning": "2026-11-23T07:00", "a week later": "2026-11-29T12:00"}


def heavy(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for pattern in HEAVY for p in site.rglob(pattern)}


def build(project: Path, now: str) -> tuple[int, int]:
    result = subprocess.run(cli("build"), cwd=project, env=site_env(project, now), capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    found = re.search(r"Reused (\d+) PDF, Word, Excel and zip files from the cache; made (\d+)", result.stdout)
    assert found, result.stdout
    return int(found.group(1)), int(found.group(2))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Count the heavy files a build makes again when only the hour changed.")
    parser.add_argument("events", nargs="?", type=int, default=0, help="generated events (default: the example data's)")
    args = parser.parse_args(argv)
    session = Session()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-heavy-") as temporary:
        folder = Path(temporary)
        project = make_site(folder, args.events) if args.events else copy_example(folder)
        made_first = build(project, "2026-11-22T12:00")[1]
        files = heavy(project / "site")
        for when, now in LATER.items():
            reused, made = build(project, now)
            rows.append((when, now, reused, made, heavy(project / "site") == files))
    session.end()
    print(session.header(f"heavy files made again with the same data ({args.events or 'the example'} events), a count not a time"))
    print(f"First build (12:00 on 22 November 2026): {made_first} heavy files made.\n")
    print("| built again | PARTNERSHIP_NOW | reused | made again (goal: 0) | every heavy file the same, byte for byte |")
    print("|---|---|---:|---:|---|")
    for when, now, reused, made, same in rows:
        print(f"| {when} | {now} | {reused} | {made} | {'yes' if same else 'no'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
