"""When files were first committed and last changed, from the repository's history.

The repository's history says when a file's content last changed (a fresh
checkout sets every file's modification time to the moment of checkout), for
"last updated" dates on downloads; without git, or for files with
uncommitted changes, the files' own times are used instead. It also says
when a file was first committed, which dates a new event in the feed when
its file has no ``added:``; without git there is no such date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Sequence
from pathlib import Path


def last_changed(paths: Sequence[Path], root: Path) -> dt.date | None:
    """The date the newest of ``paths`` last changed."""
    existing = [p for p in paths if p.exists()]
    if not existing:
        return None
    try:
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", *map(str, existing)],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        )
        if dirty.returncode == 0 and not dirty.stdout.strip():
            logged = subprocess.run(
                ["git", "log", "-1", "--format=%cs", "--", *map(str, existing)],
                cwd=root,
                capture_output=True,
                text=True,
                timeout=10,
            )
            if logged.returncode == 0 and logged.stdout.strip():
                return dt.date.fromisoformat(logged.stdout.strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    times = [f.stat().st_mtime for p in existing for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()]
    return dt.date.fromtimestamp(max(times)) if times else None


def first_committed(folder: Path, root: Path) -> dict[Path, dt.date]:
    """Each file under ``folder`` → the date it was first committed (files never committed, or no git: absent)."""
    try:
        logged = subprocess.run(
            ["git", "log", "--diff-filter=A", "--format=>%cs", "--name-only", "--no-renames", "--", str(folder)],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
        )
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return {}
    if logged.returncode != 0 or top.returncode != 0:
        return {}
    base = Path(top.stdout.strip()).resolve()
    found: dict[Path, dt.date] = {}
    day = None
    for line in logged.stdout.splitlines():  # newest commit first: the oldest date for a file comes last
        if line.startswith(">"):
            day = dt.date.fromisoformat(line[1:])
        elif line.strip() and day is not None:
            found[(base / line.strip()).resolve()] = day
    return found
