"""When files were first committed and last changed, from the repository's history.

When the data a document is made from last changed is the date it carries
(the toolkit's Word and Excel files, its zip and level guide, and the
toolkit page's "last updated"), never the build's instant, so that the same
data gives the same files whatever the hour (:func:`changed_at`), in this
order, following the reproducible-builds convention:

1. ``SOURCE_DATE_EPOCH``, when the caller sets it (:func:`partnership.core.clock.source_date_epoch`);
2. else the last commit touching those files, when none of them has uncommitted
   changes (a fresh checkout sets every file's modification time to the
   moment of checkout: the history is what says when the content changed);
3. else (outside git, or with a file changed since its last commit) the
   newest modification time among the files, to the second: editing a file
   dates the documents made from it with that moment, and copying a project
   with its files' times kept (``cp -p``, ``rsync -a``) keeps their dates.

The history also says when a file was first committed, which dates a new
event in the feed when its file has no ``added:``; without git there is no such date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Sequence
from pathlib import Path

from ..clock import LONDON, source_date_epoch


def changed_at(paths: Sequence[Path], root: Path) -> dt.datetime | None:
    """When the newest of ``paths`` (files or folders) last changed, as UK time to the second (see the module's docstring for
    the order of sources); None when none of them exists and no SOURCE_DATE_EPOCH is set."""
    fixed = source_date_epoch()
    if fixed is not None:
        return fixed
    existing = [p for p in paths if p.exists()]
    if not existing:
        return None
    committed = _last_commit(existing, root)
    if committed is not None:
        return committed
    times = [f.stat().st_mtime for p in existing for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()]
    return dt.datetime.fromtimestamp(int(max(times)), LONDON) if times else None


def _last_commit(existing: list[Path], root: Path) -> dt.datetime | None:
    """The instant of the last commit touching ``existing``, when none of them has uncommitted changes; None otherwise."""
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
                ["git", "log", "-1", "--format=%ct", "--", *map(str, existing)],
                cwd=root,
                capture_output=True,
                text=True,
                timeout=10,
            )
            if logged.returncode == 0 and logged.stdout.strip():
                return dt.datetime.fromtimestamp(int(logged.stdout.strip()), LONDON)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return None


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
