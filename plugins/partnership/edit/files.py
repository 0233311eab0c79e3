"""Writing data files so that a write can never leave the data broken."""

from __future__ import annotations

from pathlib import Path

from ..core.load import load_dataset
from ..core.problems import DataError


def write_checked(path: Path, text: str, data_dir: Path, content_dir: Path, append: bool = False) -> list[str]:
    """Write (or append) ``text``, check the whole data folder, and undo the write if it broke anything.

    Returns the problems the write would have caused (empty when it was kept).
    """
    before = path.read_text(encoding="utf-8") if path.exists() else None
    return write_all_checked({path: (before or "") + text if append else text}, data_dir, content_dir)


def write_all_checked(files: dict[Path, str], data_dir: Path, content_dir: Path) -> list[str]:
    """Write several files together, check the whole data folder, and put every one back if anything broke."""
    before = {path: path.read_text(encoding="utf-8") if path.exists() else None for path in files}
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    try:
        load_dataset(data_dir, content_dir)
    except DataError as error:
        for path, old in before.items():
            if old is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(old, encoding="utf-8")
        return [str(p) for p in error.problems]
    return []
