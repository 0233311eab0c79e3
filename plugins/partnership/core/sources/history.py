"""When files last changed, for "last updated" dates on downloads.

The repository's history says when a file's content last changed (a fresh
checkout sets every file's modification time to the moment of checkout).
Without git, or for files with uncommitted changes, the files' own times
are used instead.
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
