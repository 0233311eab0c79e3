"""Writing data files so that a write can never leave the data broken, nor half written.

What a command is about to write is checked first, with the whole data
folder, as if it had been written (the loader's *overlay*): nothing reaches
the disk unless the data would then be valid. Each file is then written
atomically: to a temporary file beside it, flushed to the disk, and renamed
over the old one, so that a reader (the preview, ``check``), a full disk or a
stop at any instant sees the old file or the new one, never a part of it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..core.load import load_dataset
from ..core.problems import DataError


def write_checked(path: Path, text: str, data_dir: Path, content_dir: Path, append: bool = False) -> list[str]:
    """Write (or append) ``text`` if the data stays valid with it.

    Returns the problems the write would have caused (empty when it was written).
    """
    before = path.read_text(encoding="utf-8") if path.exists() else None
    return write_all_checked({path: (before or "") + text if append else text}, data_dir, content_dir)


def write_all_checked(files: dict[Path, str], data_dir: Path, content_dir: Path) -> list[str]:
    """Write several files if the data stays valid with all of them; otherwise write none."""
    try:
        load_dataset(data_dir, content_dir, overlay=files)
    except DataError as error:
        return [str(p) for p in error.problems]
    for path, text in files.items():
        write_atomically(path, text)
    return []


def write_atomically(path: Path, text: str) -> None:
    """``path`` holds ``text``, whole, or is as it was (its folder is made if need be)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
