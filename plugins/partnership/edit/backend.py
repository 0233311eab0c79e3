"""The browser editor's local backend: Decap CMS's proxy protocol, spoken by the preview server.

``python3 build.py edit`` serves the site, ``/admin/`` and this backend from
one address, so an editor needs Python and nothing else (no Node.js, no
second server, no port to agree on). The protocol is decap-server's (a JSON
``POST`` of ``{action, params}`` to ``/api/v1``) for the actions the CMS
uses without the editorial workflow, with three differences that serve
editors:

* a file is written whole or not at all (``edit.files.write_whole``, as every
  command's write under ``data/``: a temporary file beside it, flushed, then
  renamed over it, keeping the file's permissions): a save interrupted by a
  crash or a full disk never leaves half a YAML file for the build to choke on;
* only YAML files under ``data/`` (less the attendance files, which
  ``import-attendance`` keeps) may be read or written: never a path outside
  it, however it is spelt;
* ``partnershipCheck`` answers with the problems ``check`` finds, each with
  its file, line and column, which the editor shows after every save.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from .files import write_whole

MAX_BODY = 8 * 1024 * 1024
"""The largest request the backend reads: a data file is a few kilobytes; a larger body is refused."""


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
        path = (self.root / relative).resolve()
        if path != self.data and self.data not in path.parents:
            raise Refused(f"only files under data/ can be edited here, not {given}")
        if not folder:
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
            request = json.loads(body.decode("utf-8"))
            if not isinstance(request, dict):
                raise Refused("the request is not a JSON object")
            action = request.get("action")
            params = request.get("params") or {}
            if not isinstance(params, dict):
                raise Refused("params must be a JSON object")
            method = getattr(self, f"_{action}", None) if isinstance(action, str) and action.isidentifier() else None
            if method is None:
                raise Refused(f"Unknown action {action}")
            return 200, method(params)
        except Refused as refused:
            return refused.status, {"error": str(refused)}
        except (UnicodeDecodeError, json.JSONDecodeError):
            return 400, {"error": "the request is not JSON"}
        except OSError as error:
            return 500, {"error": f"the file could not be read or written: {error.strerror or error}"}

    def _info(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}

    def _entry(self, path: Path, label: object = None) -> dict[str, Any]:
        file: dict[str, Any] = {"path": self._shown(path), "label": label}
        try:
            content = path.read_bytes()
        except OSError:
            return {"data": None, "file": {**file, "id": None}}
        return {"data": content.decode("utf-8", errors="replace"), "file": {**file, "id": hashlib.sha256(content).hexdigest()}}

    def _entriesByFolder(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        folder = self._path(params.get("folder"), folder=True)
        extension = str(params.get("extension") or "yml")
        depth = int(params.get("depth") or 1)
        if not folder.is_dir():
            return []
        found = []
        for path in sorted(folder.rglob(f"*.{extension}")):
            if len(path.relative_to(folder).parts) <= depth and path.is_file():
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
