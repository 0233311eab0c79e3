"""Writing data files so that a write can never leave the data broken, nor half written.

What a command is about to write is checked first, with the whole data
folder, as if it had been written (the loader's *overlay*): nothing reaches
the disk unless the data would then be valid. Every file a command writes
under ``data/`` (``new event``'s file and its draft, an import's counts and
its record, a mapping added to ``import.yml``, the editor's saves) is then
written by :func:`write_whole`: into a temporary file in the same folder,
flushed to the disk, then renamed over the old one. A rename within a folder
is atomic, so a reader (the preview, ``check``), a full disk, a crash or a
``kill -9`` at any instant sees either the old file, untouched, or the new
one, whole; never half of one. When one of several files cannot be written
(a full disk), the ones already written are put back.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..core.load import load_dataset
from ..core.problems import DataError


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (UTF-8, ``\\n`` line ends), keeping the old file's permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".writing", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    with contextlib.suppress(OSError):  # the rename itself reaches the disk (not every system can open a folder)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def write_checked(path: Path, text: str, data_dir: Path, content_dir: Path, append: bool = False) -> list[str]:
    """Write (or append) ``text`` if the data stays valid with it.

    Returns the problems the write would have caused (empty when it was written).
    """
    before = path.read_text(encoding="utf-8") if path.exists() else None
    return write_all_checked({path: (before or "") + text if append else text}, data_dir, content_dir)


def write_all_checked(files: dict[Path, str], data_dir: Path, content_dir: Path) -> list[str]:
    """Write several files if the data stays valid with all of them (each whole); otherwise write none.

    When a file cannot be written (a full disk), or the command is interrupted (Ctrl+C) between two files, the ones
    already written are put back and the error is raised. Nothing is ever written to be checked and then undone.
    """
    try:
        load_dataset(data_dir, content_dir, overlay=files)
    except DataError as error:
        return [str(p) for p in error.problems]
    before = {path: path.read_text(encoding="utf-8") if path.exists() else None for path in files}
    written: list[Path] = []
    try:
        for path, text in files.items():
            write_whole(path, text)
            written.append(path)
    except (OSError, KeyboardInterrupt):
        _put_back({path: before[path] for path in written})
        raise
    return []


def _put_back(before: dict[Path, str | None]) -> None:
    for path, old in before.items():
        if old is None:
            path.unlink(missing_ok=True)
        else:
            write_whole(path, old)
