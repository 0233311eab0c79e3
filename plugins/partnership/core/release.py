"""What a cached file depends on besides its own inputs: this release of the code, and the libraries that draw it.

Every file kept in ``.cache/`` between builds (PDFs, Word, Excel and zip
files, charts, compiled templates) and the loader's dataset cache are keyed
by what they are made from *and* by :func:`salt`: a hash of the whole
``partnership`` package (every file under ``plugins/partnership/``: its
Python, templates, stylesheets) and the versions of the libraries that draw
the file, each with every library it requires in turn. So no list of
modules or libraries is kept by hand, and none can be forgotten: a new
release of any module (a number written another way in ``present/format.py``)
makes every cached file again on the next build, and a build of an
unchanged release reuses every one.

The package is hashed once per process (about 170 files, a few
milliseconds); a build's second process inherits the answer.
"""

from __future__ import annotations

import hashlib
import re
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
"""``plugins/partnership/``: the code and templates of the whole product."""

_SKIPPED = ("__pycache__",)
_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


@cache
def package_hash(folder: Path = PACKAGE) -> str:
    """A SHA-256 of every file of the package (in ``folder``), by path and content: changes with any release of the code.

    Compiled Python (``__pycache__``) is left out: it follows from the source.
    """
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if not path.is_file() or any(part in _SKIPPED for part in relative.parts) or path.suffix == ".pyc":
            continue
        content = path.read_bytes()
        for part in (relative.as_posix().encode("utf-8"), content):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
    return digest.hexdigest()


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(name: str, extras: frozenset[str]) -> list[tuple[str, frozenset[str]]]:
    """The libraries ``name`` (with ``extras``) requires: (name, the extras asked of it), as its metadata lists them."""
    found = []
    for line in metadata.requires(name) or ():
        spec, _, marker = line.partition(";")
        wanted = set(_EXTRA.findall(marker))
        if wanted and not wanted & extras:
            continue  # needed only for an extra nobody asked for
        match = _REQUIREMENT.match(spec)
        if match:
            found.append((match.group(1), frozenset(e.strip() for e in (match.group(2) or "").split(",") if e.strip())))
    return found


@cache
def library_versions(*names: str) -> str:
    """``python 3.11; matplotlib==3.11.2; numpy==…``: the libraries ``names`` and, in turn, every library they require.

    A library that is not installed (one required only on another platform)
    is named as such; the list is sorted, so it says the same in every process.
    """
    seen: dict[str, str] = {}
    waiting = [(name, frozenset[str]()) for name in names]
    asked: set[tuple[str, frozenset[str]]] = set()
    while waiting:
        name, extras = waiting.pop()
        if (_normal(name), extras) in asked:
            continue
        asked.add((_normal(name), extras))
        try:
            seen[_normal(name)] = metadata.version(name)
        except metadata.PackageNotFoundError:
            seen.setdefault(_normal(name), "not installed")
            continue
        waiting.extend(_requirements(name, extras))
    listed = "; ".join(f"{name}=={version}" for name, version in sorted(seen.items()))
    return f"python {sys.version_info[0]}.{sys.version_info[1]}; {listed}"


def salt(*libraries: str) -> str:
    """What every cached file made with ``libraries`` depends on besides its inputs: this release of the code and their versions."""
    return f"partnership {package_hash()}\n{library_versions(*libraries)}"


__all__ = ["PACKAGE", "library_versions", "package_hash", "salt"]
