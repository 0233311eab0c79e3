"""The browser editor's local backend: Decap CMS's proxy protocol, spoken by ``python3 build.py edit``.

``python3 build.py edit`` serves the preview of the site on one address and
``/admin/`` with this backend on the next port (:class:`partnership.serve.EditorServer`:
an origin that serves no page of the site, so no script in ``content/`` can
call it), so an editor needs Python and nothing else (no Node.js, no
decap-server). The protocol is decap-server's (a JSON ``POST`` of
``{action, params}`` to ``/api/v1``) for the actions the CMS uses without the
editorial workflow, with these differences that serve editors:

* a file is written whole or not at all (``edit.files.write_whole``, as every
  command's write under ``data/``: a temporary file beside it, flushed, then
  renamed over it, keeping the file's permissions): a save interrupted by a
  crash or a full disk never leaves half a YAML file for the build to choke on;
* only YAML files under ``data/`` (less the attendance files, which
  ``import-attendance`` keeps) may be read or written: never a path outside
  it, however it is spelt, and never through a symbolic link (each part of a
  path is looked at without following links, and files are opened with
  ``O_NOFOLLOW``), so a link made while the editor runs leads nowhere;
* every parameter of every action is held to what the CMS sends (an
  extension from a short list, a depth between 1 and 10, a path of plain
  names: a new folder's name has no dot), and only the actions in
  :data:`ACTIONS` are carried out; anything else is a 4xx with a plain
  message, never a traceback;
* ``partnershipCheck`` answers with the problems ``check`` finds, each with
  its file, line and column, which the editor shows after every save.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from ..core.rules.names import name_problem
from .files import write_whole

MAX_BODY = 8 * 1024 * 1024
"""The largest request the backend reads: a data file is a few kilobytes; a larger body is refused."""
EXTENSIONS = frozenset({"yml", "yaml", "md", "csv"})
"""The extensions a folder's listing may ask for (only .yml files are ever listed: the data's files)."""
MAX_DEPTH = 10
"""The deepest a folder's listing may look (the data's folders are two deep)."""
MAX_JSON_NESTING = 64
"""The deepest a request's JSON may nest (the CMS's are four deep); deeper is refused before it is read."""


class Refused(Exception):
    """A request the backend will not carry out; ``status`` is its HTTP status."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


Check = Callable[[], dict[str, Any]]
"""Checks the data: ``{"problems": [{where, message}], "warnings": [...]}``."""


class LocalBackend:
    """Reads and writes the data files of the project at ``root`` for the CMS."""

    def __init__(self, root: Path, check: Check):
        self.root = root.resolve()
        self.data = self.root / "data"
        self.check = check

    # -- paths ---------------------------------------------------------------

    def _path(self, given: object, *, folder: bool = False) -> Path:
        """``given`` (relative to the project, like data/events/x.yml) as a path under data/, or refused."""
        if not isinstance(given, str) or not given or "\\" in given or "\x00" in given:
            raise Refused(f"not a file of the data: {given!r}")
        relative = PurePosixPath(given)
        if relative.is_absolute() or ".." in relative.parts or relative.parts[:1] != ("data",):
            raise Refused(f"only files under data/ can be edited here, not {given}")
        for part in relative.parts[1:]:
            problem = name_problem(part)
            if problem or part.startswith("."):
                raise Refused(f"not a file of the data: {json.dumps(given)[:200]} ({problem or 'a hidden name'})")
        path = self.root / relative
        _no_links(self.root, relative.parts)
        if not folder:
            for depth in range(2, len(relative.parts)):
                if "." in relative.parts[depth - 1] and not _is_folder(self.root.joinpath(*relative.parts[:depth])):
                    raise Refused(f"a new folder's name may not hold a dot (it looks like a file): {given}")
            if path.suffix != ".yml":
                raise Refused(f"only YAML data files (.yml) can be edited here, not {given}")
            if path.parent.name == "attendance" and path.parent.parent == self.data:
                raise Refused("attendance files are changed with python3 build.py import-attendance, not in the editor")
        return path

    def _shown(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    # -- the protocol ----------------------------------------------------------

    def handle(self, body: bytes) -> tuple[int, Any]:
        """Answer one request: (HTTP status, JSON body)."""
        if len(body) > MAX_BODY:
            return 413, {"error": "the request is too large for a data file"}
        try:
            request = _parsed(body)
            action = request.get("action")
            params = request.get("params") or {}
            if not isinstance(params, dict):
                raise Refused("params must be a JSON object")
            name = ACTIONS.get(action) if isinstance(action, str) else None
            if name is None:
                shown = json.dumps(action)[:60]
                raise Refused(f"unknown action {shown}; the editor's backend answers: {', '.join(sorted(ACTIONS))}")
            answer: Any = getattr(self, name)(params)
            return 200, answer
        except Refused as refused:
            return refused.status, {"error": str(refused)}
        except OSError as error:
            return 500, {"error": f"the file could not be read or written: {error.strerror or error}"}
        except (TypeError, ValueError, KeyError, AttributeError):  # a parameter of a kind no check above foresaw: never a traceback
            return 400, {"error": "a parameter of this request is not of the kind the editor sends"}

    def _info(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}

    def _entry(self, path: Path, label: object = None) -> dict[str, Any]:
        file: dict[str, Any] = {"path": self._shown(path), "label": label if isinstance(label, str) else None}
        content = _read(path)
        if content is None:
            return {"data": None, "file": {**file, "id": None}}
        return {"data": content.decode("utf-8", errors="replace"), "file": {**file, "id": hashlib.sha256(content).hexdigest()}}

    def _entriesByFolder(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        folder = self._path(params.get("folder"), folder=True)
        extension = "yml" if params.get("extension") is None else params["extension"]
        if not isinstance(extension, str) or extension not in EXTENSIONS:
            raise Refused(f"extension must be one of {', '.join(sorted(EXTENSIONS))}, not {json.dumps(extension)[:60]}")
        depth = 1 if params.get("depth") is None else params["depth"]
        if type(depth) is not int or not 1 <= depth <= MAX_DEPTH:
            raise Refused(f"depth must be a whole number from 1 to {MAX_DEPTH}, not {json.dumps(depth)[:60]}")
        if not _is_folder(folder):
            return []
        found = []
        for path in sorted(_files(folder, depth)):
            if path.name.endswith(f".{extension}"):
                try:
                    self._path(self._shown(path))
                except Refused:
                    continue
                found.append(self._entry(path))
        return found

    def _entriesByFiles(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        files = params.get("files") or []
        if not isinstance(files, list):
            raise Refused("files must be a list")
        return [
            self._entry(self._path(f.get("path") if isinstance(f, dict) else f), f.get("label") if isinstance(f, dict) else None)
            for f in files
        ]

    def _getEntry(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._entry(self._path(params.get("path")))

    def _persistEntry(self, params: dict[str, Any]) -> dict[str, Any]:
        files = params.get("dataFiles") or ([params["entry"]] if isinstance(params.get("entry"), dict) else [])
        if not isinstance(files, list) or not files:
            raise Refused("nothing to save")
        if params.get("assets"):
            raise Refused("pictures and other files are not saved from the editor; put them under content/assets/")
        writes = []
        for file in files:
            if not isinstance(file, dict) or not isinstance(file.get("raw"), str):
                raise Refused("a saved file needs a path and its text")
            if not _encodable(file["raw"]):
                raise Refused("the text holds a character that cannot be saved (half of a surrogate pair); retype it", 400)
            target = self._path(file.get("newPath") or file.get("path"))
            writes.append((target, file["raw"], self._path(file["path"]) if file.get("newPath") else None))
        for target, raw, old in writes:
            write_whole(target, raw)
            if old is not None and old != target:
                old.unlink(missing_ok=True)
        return {"message": "entry persisted"}

    def _deleteFiles(self, params: dict[str, Any]) -> dict[str, Any]:
        paths = params.get("paths") or []
        if not isinstance(paths, list):
            raise Refused("paths must be a list")
        for path in [self._path(p) for p in paths]:
            path.unlink(missing_ok=True)
        return {"message": "deleted"}

    def _deleteFile(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._deleteFiles({"paths": [params.get("path")]})

    def _getMedia(self, params: dict[str, Any]) -> list[Any]:
        return []

    def _getMediaFile(self, params: dict[str, Any]) -> dict[str, Any]:
        raise Refused("pictures are not served by the editor", 404)

    def _persistMedia(self, params: dict[str, Any]) -> dict[str, Any]:
        raise Refused("pictures and other files are not saved from the editor; put them under content/assets/")

    def _getDeployPreview(self, params: dict[str, Any]) -> None:
        return None

    def _partnershipCheck(self, params: dict[str, Any]) -> dict[str, Any]:
        return self.check()


ACTIONS: dict[str, str] = {
    action: f"_{action}"
    for action in (
        "info",
        "entriesByFolder",
        "entriesByFiles",
        "getEntry",
        "persistEntry",
        "deleteFiles",
        "deleteFile",
        "getMedia",
        "getMediaFile",
        "persistMedia",
        "getDeployPreview",
        "partnershipCheck",
    )
}
"""The actions the backend carries out (the protocol's name → its method); no other method is ever called."""


def _parsed(body: bytes) -> dict[str, Any]:
    """The request's JSON object, or refused: not UTF-8, not JSON, nested deeper than :data:`MAX_JSON_NESTING`."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("the request is not UTF-8 text", 400) from None
    depth = deepest = 0
    quoted = escaped = False
    for char in text:  # a linear scan before the parser, whose recursion a deep body would exhaust
        if quoted:
            escaped, quoted = (False, True) if escaped else (char == "\\", char != '"')
        elif char == '"':
            quoted = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    if deepest > MAX_JSON_NESTING:
        raise Refused(f"the request nests more than {MAX_JSON_NESTING} levels deep; the editor's requests nest a few", 400)
    try:
        request = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise Refused("the request is not JSON", 400) from None
    if not isinstance(request, dict):
        raise Refused("the request is not a JSON object")
    return request


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _no_links(root: Path, parts: tuple[str, ...]) -> None:
    """Refuse a path any part of which (below ``root``) is a symbolic link or not a file or folder; parts not yet made are fine."""
    path = root
    for part in parts:
        path = path / part
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return
        except OSError as error:
            raise Refused(f"{path.relative_to(root).as_posix()} cannot be read: {error.strerror}") from None
        if stat.S_ISLNK(info.st_mode):
            raise Refused(f"{path.relative_to(root).as_posix()} is a link; the editor never follows links", 403)
        if not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
            raise Refused(f"{path.relative_to(root).as_posix()} is not an ordinary file or folder", 403)


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _files(folder: Path, depth: int) -> Iterator[Path]:
    """The ordinary files under ``folder``, at most ``depth`` levels down; links (to files or folders) are never followed."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_file(follow_symlinks=False):
            yield Path(entry.path)
        elif depth > 1 and entry.is_dir(follow_symlinks=False):
            yield from _files(Path(entry.path), depth - 1)


def _read(path: Path) -> bytes | None:
    """The bytes of the ordinary file ``path``, opened without following a link (and without waiting on a pipe), or None."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        return handle.read(MAX_BODY + 1)[:MAX_BODY]
