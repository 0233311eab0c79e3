"""The checked dataset, loaded once while no file it is read or checked from changes.

``build`` checks the data before the site generator starts, and the MkDocs
plugin loads it again inside it; ``serve`` rebuilds on every edit. Both ask
:func:`load_dataset_cached`, which hands out the same
:class:`~..models.dataset.Dataset` again while every file is as it was. That
is safe because a dataset cannot be changed: its fields are tuples and
read-only mappings of frozen models, so no caller can alter what the next
one is given.

Its key is everything the loader reads: every file under ``data/``,
``content/`` and ``theme/`` (whose files the rules check too), by path, size
and modification time, and this release of the code
(:func:`..release.package_hash`).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..models.dataset import Dataset
from ..release import package_hash
from .loader import load_dataset

Fingerprint = tuple[str, tuple[tuple[str, str, int, int], ...]]
"""This release of the code, and every file's (folder, name, size, modification time) under some folders, sorted."""

_CACHE: dict[tuple[Path, Path], tuple[Fingerprint, Dataset]] = {}


def _fingerprint(*folders: Path) -> Fingerprint:
    """This release of the code, and every file's path, size and modification time under ``folders``."""
    found = []
    for folder in folders:
        for dirpath, _, filenames in os.walk(folder):
            for name in filenames:
                try:
                    stat = os.stat(os.path.join(dirpath, name))
                except OSError:
                    continue
                found.append((dirpath, name, stat.st_size, stat.st_mtime_ns))
    return package_hash(), tuple(sorted(found))


def load_dataset_cached(data_dir: Path, content_dir: Path | None = None) -> Dataset:
    """:func:`~.loader.load_dataset`, reusing the last result (it cannot be changed) while no file has changed."""
    data_dir = Path(data_dir).resolve()
    content_dir = Path(content_dir).resolve() if content_dir else data_dir.parent / "content"
    key = (data_dir, content_dir)
    stamp = _fingerprint(data_dir, content_dir, content_dir.parent / "theme")
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    dataset = load_dataset(data_dir, content_dir)
    _CACHE[key] = (stamp, dataset)
    return dataset
