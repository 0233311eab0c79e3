"""What reading a file gave, kept by the file's content, so that an unchanged file is never read again.

``check``, the build and the preview read every file under ``data/`` and
``content/``: at three thousand events, parsing their YAML and reading their
descriptions' Markdown is most of ``check``'s time. What each gave is kept
here, keyed by a SHA-256 of the bytes read (and what was done with them), in
memory for the preview's next rebuild and in ``.cache/parsed/`` beside the
project's other kept files for the next command; a changed file has another
key and is read again. Only what a file gave without a single problem or
warning is kept: a file with a mistake is read again each time, so its
messages are always made afresh.

Each entry is kept as bytes and unpickled anew for each caller (what the loader
is handed it may change: a misspelt field's place is aliased to the field
meant). The kept file is read with an unpickler that makes only plain values,
dates and the source map's classes: a file planted in ``.cache/`` can make
nothing else. Its name holds a hash of this release of the code and the readers' versions
(:func:`..release.salt`), so code that parses differently never reads what
older code kept; other releases' files are deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import pickle
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from ..release import salt

T = TypeVar("T")

FOLDER = Path(".cache") / "parsed"
"""Where, under the project, the kept readings live."""
LIBRARIES = ("pyyaml", "markdown", "nh3")
"""What reads the files (YAML, Markdown and the sanitiser behind the Markdown check): their versions name the kept file too."""
MAX_BYTES = 512_000_000
"""A kept file larger than this is not read (at 10,000 events it is about 17 MB)."""
MAX_ENTRIES = 200_000
"""More entries than this are never kept (a folder of generated files); the file would outgrow its use."""

_ALLOWED: dict[tuple[str, str], Any] = {
    ("datetime", "date"): dt.date,
    ("datetime", "datetime"): dt.datetime,
    ("datetime", "time"): dt.time,
    ("datetime", "timedelta"): dt.timedelta,
    ("datetime", "timezone"): dt.timezone,
    ("builtins", "set"): set,
    ("builtins", "frozenset"): frozenset,
}


class _Plain(pickle.Unpickler):
    """Unpickles plain values, dates and the classes registered with :func:`allow`; anything else is refused."""

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not kept in .cache/parsed/")
        return found


def allow(*classes: type) -> None:
    """Let kept readings hold instances of ``classes`` (plain data classes of this package, such as the source map)."""
    for cls in classes:
        _ALLOWED[(cls.__module__, cls.__qualname__)] = cls


def _loads(data: bytes) -> Any:
    return _Plain(io.BytesIO(data)).load()


class Kept:
    """The readings kept for one project (see the module's docstring)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._entries: dict[str, bytes] = {}
        self._used: set[str] = set()
        self._changed = False
        self._lock = threading.Lock()
        self._loaded = False

    def _file(self) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / f"{hashlib.sha256(salt(*LIBRARIES).encode()).hexdigest()[:32]}.pickle"

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        path = self._file()
        if path is None:
            return
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return  # a link, a pipe or a file grown past any real cache's size is never read
            entries = _loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError):
            return  # none yet, or damaged: everything is read again and kept anew
        if isinstance(entries, dict) and all(isinstance(k, str) and isinstance(v, bytes) for k, v in entries.items()):
            self._entries = entries

    @staticmethod
    def key(kind: str, content: bytes | str) -> str:
        raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        return f"{kind}:{hashlib.sha256(raw).hexdigest()}"

    def find(self, key: str) -> tuple[bool, Any]:
        """(True, the reading kept under ``key``, a fresh copy) or (False, None)."""
        with self._lock:
            self._load()
            kept = self._entries.get(key)
        if kept is None:
            return False, None
        try:
            value = _loads(kept)
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError):
            return False, None
        with self._lock:
            self._used.add(key)
        return True, value

    def keep(self, key: str, value: object) -> None:
        """Keep ``value`` under ``key`` (when the plain unpickler can read it back)."""
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            _loads(data)
        except (pickle.PicklingError, pickle.UnpicklingError, TypeError, AttributeError, RecursionError):
            return
        with self._lock:
            if len(self._entries) < MAX_ENTRIES:
                self._entries[key] = data
                self._used.add(key)
                self._changed = True

    def get(self, kind: str, content: bytes | str, read: Callable[[], tuple[T, bool]]) -> T:
        """What ``read`` gives for ``content`` (a file's bytes or text) read as ``kind``: kept, or read now.

        ``read`` returns the reading and whether it may be kept (it found no problem).
        """
        key = self.key(kind, content)
        found, value = self.find(key)
        if found:
            return cast(T, value)
        made, keep = read()
        if keep:
            self.keep(key, made)
        return made

    def save(self) -> None:
        """Write what is kept for the next command: the readings used since the last save, nothing else.

        Never fails a command: a read-only project or a full disk keeps nothing.
        """
        path = self._file()
        with self._lock:
            stale = set(self._entries) - self._used
            if path is None or not (self._changed or stale):
                self._used = set()
                return
            for key in stale:
                del self._entries[key]
            entries, self._used, self._changed = dict(self._entries), set(), False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for other in path.parent.glob("*.pickle"):
                if other != path:
                    other.unlink(missing_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".parsed-")
            try:
                with os.fdopen(handle, "wb") as out:
                    pickle.dump(entries, out, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            pass


MAX_PROJECTS = 4
"""Projects whose readings one process keeps in memory (the tests load hundreds of copies; a command, one)."""
_STORES: dict[Path, Kept] = {}
_STORES_LOCK = threading.Lock()


def kept_for(project: Path | None) -> Kept:
    """The readings kept for the project folder ``project`` (one per folder and process); None: kept in memory only, for now."""
    if project is None:
        return Kept(None)
    folder = (Path(project) / FOLDER).resolve()
    with _STORES_LOCK:
        found = _STORES.pop(folder, None) or Kept(folder)
        _STORES[folder] = found  # the most recently used last
        while len(_STORES) > MAX_PROJECTS:
            del _STORES[next(iter(_STORES))]
        return found


__all__ = ["FOLDER", "Kept", "allow", "kept_for"]
