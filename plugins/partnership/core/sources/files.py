"""Which files of the project may be read, and reading them without surprises.

The site is built from ``data/``, ``content/`` and ``theme/``, which many
hands touch (and CI builds pull requests). Whatever is in those folders is
read or published, so this module refuses, with the file's place:

* a symbolic link that leads outside those three folders (to ``/proc``, to
  ``.git/config``, to another checkout), that leads nowhere, or that leads
  to a folder;
* anything that is not an ordinary file: a named pipe (FIFO), a socket, a
  device. Reading one could wait for ever, or never end (``/dev/zero``);
* a file larger than its kind's limit (:data:`LIMITS`).

Files are opened without following a last link, non-blocking, and checked
to be ordinary files before a byte is read, so that nothing swapped in
after the check is read either; at most the limit (and one byte) is read.

An *overlay* (file → text) makes the project read as if those files had
been written: ``new`` and the attendance import check what they are about to
write before a byte of it reaches the disk.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from ..problems import Problems

MEGABYTE = 1_000_000
LIMITS: dict[str, int] = {
    ".yml": 1 * MEGABYTE,
    ".yaml": 1 * MEGABYTE,
    ".csv": 5 * MEGABYTE,
    ".md": 1 * MEGABYTE,
}
"""The largest file of each kind that is read (bytes). The biggest real files are a few kilobytes
(a framework, a year's attendance); these limits keep a pasted export or a runaway generator from
taking minutes or gigabytes, far above anything a partnership writes by hand."""

Display = Callable[[Path], str]


def limit_for(path: Path) -> int | None:
    return LIMITS.get(path.suffix.lower())


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not an ordinary file"


def _size(count: int) -> str:
    return f"{count / MEGABYTE:.1f} MB" if count >= 100_000 else f"{count:,} bytes"


class SourceFiles:
    """The rules above for one project; problems go to ``problems``, located at 1:1 of the file."""

    def __init__(self, roots: Sequence[Path], problems: Problems, display: Display, overlay: Mapping[Path, str] | None = None):
        self.roots = [Path(root).resolve() for root in roots]
        self.problems = problems
        self.display = display
        self._refused: set[Path] = set()
        self.overlay = {Path(path).resolve(): text.encode("utf-8") for path, text in (overlay or {}).items()}
        """Files read as if written with this text (whether or not they exist on disk)."""

    def _in_overlay(self, path: Path) -> bool:
        """True when ``path`` is one of the overlay's files (a path is resolved only when there is an overlay: thousands of
        files are checked and read, and resolving each walks every folder above it)."""
        return bool(self.overlay) and path.resolve() in self.overlay

    def exists(self, path: Path) -> bool:
        """True when ``path`` is a file (on disk, or in the overlay)."""
        return self._in_overlay(path) or path.is_file()

    def is_folder(self, path: Path) -> bool:
        """True when ``path`` is a folder (on disk, or one the overlay's files would be written in)."""
        return path.is_dir() or bool(self._overlaid(path))

    def _problem(self, path: Path, message: str) -> None:
        if path not in self._refused:
            self._refused.add(path)
            self.problems.add(self.display(path), 1, 1, message)

    def refused(self, path: Path) -> bool:
        return path in self._refused

    def entry_problem(self, path: Path) -> str | None:
        """Why ``path`` may not be read or published, or None when it is fine (an ordinary file or folder)."""
        try:
            info = os.lstat(path)
        except OSError as error:
            return f"this file cannot be read: {error.strerror}"
        if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
            return None
        if not stat.S_ISLNK(info.st_mode):
            return f"this is {_kind(info.st_mode)}, not a file; only ordinary files may be here (delete it)"
        target = Path(os.path.realpath(path))
        inside = any(target == root or target.is_relative_to(root) for root in self.roots)
        if not inside:
            return (
                f"this is a link to {target}, outside {', '.join(r.name + '/' for r in self.roots)}; "
                "a link may only lead to a file inside them: copy the file here instead"
            )
        try:
            found = os.stat(target)
        except OSError:
            return "this is a link that leads nowhere (its target does not exist); delete it, or copy the file here"
        if stat.S_ISDIR(found.st_mode):
            return "this is a link to a folder; links to folders are not allowed: move or copy the files here instead"
        if not stat.S_ISREG(found.st_mode):
            return f"this is a link to {_kind(found.st_mode)}, not a file; only ordinary files may be here"
        return None

    def check(self, path: Path) -> bool:
        """True when ``path`` may be read; otherwise its problem is added."""
        if self._in_overlay(path):
            return True
        problem = self.entry_problem(path)
        if problem:
            self._problem(path, problem)
        return problem is None

    def walk(self, folder: Path) -> Iterator[Path]:
        """Every file under ``folder`` that may be read, in name order; hidden entries skipped, others reported."""
        try:
            entries = list(os.scandir(folder)) if folder.exists() or not self._overlaid(folder) else []
        except OSError as error:
            self._problem(folder, f"this folder cannot be read: {error.strerror}")
            return
        names = {entry.name for entry in entries}
        # Files of the overlay that are not on disk yet, and folders that would be made for them.
        added = {path.relative_to(folder.resolve()).parts[0] for path in self._overlaid(folder)} - names
        for name in sorted(names | added):
            if name.startswith("."):
                continue
            path = folder / name
            if name in added:
                if self._in_overlay(path):
                    yield path
                else:
                    yield from self.walk(path)
                continue
            if not self.check(path):
                continue
            if path.is_dir() and not path.is_symlink():
                yield from self.walk(path)
            else:
                yield path

    def _overlaid(self, folder: Path) -> list[Path]:
        """The overlay's files anywhere under ``folder``."""
        if not self.overlay:
            return []
        root = folder.resolve()
        return [path for path in self.overlay if path.is_relative_to(root) and path != root]

    def read(self, path: Path, limit: int | None = None) -> bytes | None:
        """The bytes of ``path``, or None with a problem (a link out, a pipe, too large, unreadable)."""
        if self._in_overlay(path):
            return self.overlay[path.resolve()]
        if not self.check(path):
            return None
        limit = limit if limit is not None else limit_for(path)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            # A link (check let it through: it leads to a file inside the roots) is opened at its target; anything else
            # as it is, never followed (O_NOFOLLOW: swapped for a link since, it is refused, not read).
            target = os.path.realpath(path) if os.path.islink(path) else path
            descriptor = os.open(target, flags)
        except OSError as error:
            self._problem(path, f"this file cannot be read: {error.strerror}")
            return None
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                self._problem(path, f"this is {_kind(info.st_mode)}, not a file; only ordinary files may be here (delete it)")
                return None
            if limit is not None and info.st_size > limit:
                self._too_large(path, info.st_size, limit)
                return None
            try:
                content = handle.read(limit + 1) if limit is not None else handle.read()
            except OSError as error:
                self._problem(path, f"this file cannot be read: {error.strerror}")
                return None
        if limit is not None and len(content) > limit:
            self._too_large(path, len(content), limit)
            return None
        return content

    def _too_large(self, path: Path, size: int, limit: int) -> None:
        self._problem(
            path,
            f"this file is {_size(size)}, more than the {_size(limit)} a {path.suffix.lower()} file may have "
            "(see data/README.md, 'Limits'); split it into smaller files",
        )
