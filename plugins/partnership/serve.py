"""The live preview behind ``python3 build.py serve`` (and ``edit``).

MkDocs' own ``serve`` with these changes for people who edit YAML:

* ``data/`` and ``theme/`` are watched as well as ``content/``;
* when an edit leaves the data with problems, every page of the preview
  shows the list of problems (file, line, column, what to write instead)
  and reloads by itself once they are fixed, instead of a stuck page and a
  traceback in the terminal;
* an address it will not answer (``%00``, a broken %-escape, ``..``) is a
  400 Bad Request, never a traceback.

With ``editor=True`` (``python3 build.py edit``) a second server, on the
next port (the editor's own origin, ``http://127.0.0.1:8001/admin/`` beside
the preview's ``http://127.0.0.1:8000/``), serves the browser editor at
``/admin/`` with its local backend at ``/api/v1``
(:mod:`partnership.edit.backend`), and nothing else: no page of the site,
and so no script a page of ``content/`` might carry, is ever served from
the origin that can write files, and the backend answers only requests
whose Host and Origin are the editor's own. A save writes the file under
``data/``, the preview rebuilds as for any other edit, and the editor shows
the problems the check finds. The editor's own files are written once, to a
folder of their own, so that a save that breaks the data (which empties the
preview) never takes the editor away with it.
"""

from __future__ import annotations

import errno
import html
import json
import re
import shutil
import socket
import socketserver
import sys
import tempfile
import threading
import time
import wsgiref.simple_server
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.livereload import LiveReloadServer, _serve_url

from .core.load import load_dataset_cached
from .core.problems import DataError, Problem
from .core.text import CONTROL
from .edit.backend import MAX_BODY
from .plugin.plugin import DataProblems


def problems_page(title: str, problems: list[Problem] | list[str], warnings: list[Problem] | None = None) -> bytes:
    """A plain page listing what to fix (each problem with its code frame), then the warnings."""
    items = "".join(_item(problem) for problem in problems)
    listed = ""
    if warnings:
        listed = f"<h2>{len(warnings)} warning{'s' if len(warnings) != 1 else ''}</h2>" + (
            "<p>Probably typing mistakes: they do not stop the site being built, so check each says what you meant.</p>"
            f"<ul>{''.join(_item(w) for w in warnings)}</ul>"
        )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}}
h1{{color:#b10e1e}}h2{{color:#7a4a00}}li{{margin:.5rem 0}}code{{white-space:pre-wrap;word-break:break-word}}
pre{{background:#f6f8fa;padding:.5rem;overflow-x:auto;margin:.25rem 0}}</style></head>
<body><main><h1>{html.escape(title)}</h1>
<p>The preview will come back by itself as soon as these are fixed. Each line gives the file, the line and the column.</p>
<ul>{items}</ul>{listed}</main></body></html>""".encode()


def _item(problem: Problem | str) -> str:
    if isinstance(problem, str):
        return f"<li><code>{html.escape(problem)}</code></li>"
    frame = f"<pre>{html.escape(problem.frame)}</pre>" if problem.frame else ""
    return f"<li><code>{html.escape(str(problem))}</code>{frame}</li>"


_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def bad_request(environ: dict[str, Any]) -> str | None:
    """Why the request's address is not one the preview answers (a 400), or None.

    The server has decoded the path's %-escapes once (as Latin-1): what is left must be UTF-8 with no
    control character (``%00`` included), no % that starts no escape, and no ``..`` or backslash
    that could climb out of the site's folder, however it was spelt.
    """
    raw = str(environ.get("PATH_INFO", ""))
    try:
        path = raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return "the address is not UTF-8 once its %-escapes are decoded"
    if CONTROL.search(path) or any(char in path for char in "\t\n\r"):
        return "the address holds a control character (such as %00)"
    if _PERCENT.search(path):  # a valid escape was decoded; a % left over started none
        return "the address holds a % that starts no %-escape"
    if "\\" in path or ".." in path.split("/"):
        return "the address climbs out of the site (.. or a backslash)"
    return None


def _refusing_bad_requests(app: Callable[..., Any]) -> Callable[..., Any]:
    """The preview's WSGI application, answering :func:`bad_request`'s addresses with 400 instead of a traceback or a 404."""

    def guarded(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        why = bad_request(environ)
        if why is None:
            return app(environ, start_response)
        body = f"400 Bad Request: {why}.\n".encode()
        start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
        return [body]

    return guarded


_LENGTH = re.compile(r"[0-9]{1,12}")


class _EditorHandler(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # the editor's requests are not news in the terminal
        pass


class EditorServer(socketserver.ThreadingMixIn, wsgiref.simple_server.WSGIServer):
    """The browser editor's own origin: /admin/ and /api/v1, and nothing of the site (so no page of it can call the backend)."""

    daemon_threads = True

    def __init__(self, host: str, port: int, editor: Editor):
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), _EditorHandler)
        self.editor = editor
        self.url = _serve_url(host, port, "/") + "admin/"
        self.hosts = {f"{host}:{port}", f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"}
        self.set_app(_refusing_bad_requests(self.serve_request))
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path == "/api/v1":
            status, answer = self._api(environ)
            content = json.dumps(answer).encode()
            reason = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 411: "Length Required",
                      413: "Payload Too Large", 422: "Unprocessable Entity"}.get(status, "Error")  # fmt: skip
            start_response(
                f"{status} {reason}",
                [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(content))), *_EDITOR_HEADERS],
            )
            return [content]
        if path in ("/", "/admin"):
            start_response("302 Found", [("Location", "/admin/"), *_EDITOR_HEADERS])
            return [b""]
        if path.startswith("/admin/"):
            return self.editor.serve(path[1:], start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8"), *_EDITOR_HEADERS])
        return [b"Not found: this is the editor's address; the site's preview is on its own address."]

    def _api(self, environ) -> tuple[int, Any]:
        if environ.get("REQUEST_METHOD") != "POST":
            return 405, {"error": "POST only"}
        refusal = self._foreign(environ)
        if refusal:
            return 403, {"error": refusal}
        given = (environ.get("CONTENT_LENGTH") or "").strip()
        if not given:
            return 411, {"error": "the request must say its length (Content-Length)"}
        if not _LENGTH.fullmatch(given):
            return 400, {"error": "the request's length (Content-Length) is not a whole number of bytes"}
        length = int(given)
        if length > MAX_BODY:
            return 413, {"error": "the request is too large for a data file"}
        body = environ["wsgi.input"].read(length)  # never more than it said, and never more than MAX_BODY
        return self.editor.backend.handle(body)

    def _foreign(self, environ) -> str | None:
        """Why a request to the backend is refused, if it may come from another web page than the editor's.

        Any page open in the editor's browser can send a request to
        127.0.0.1, the preview's pages included; only the editor's own page,
        on the editor's own origin, may write files. A cross-origin request
        with a JSON body must first ask the server (a preflight this server
        never grants), the Origin a browser sends must be the editor's (not
        the preview's: another port is another origin), and the Host must be
        this server's (against DNS rebinding).
        """
        if environ.get("HTTP_HOST") not in self.hosts:
            return "the editor's backend answers only requests addressed to it"
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None and (urlsplit(origin).scheme != "http" or urlsplit(origin).netloc not in self.hosts):
            return "the editor's backend answers only the editor's own page"
        if not (environ.get("CONTENT_TYPE") or "").startswith("application/json"):
            return "the editor's backend takes JSON only"
        return None


_EDITOR_HEADERS = [("X-Frame-Options", "DENY"), ("Content-Security-Policy", "frame-ancestors 'none'"), ("Cache-Control", "no-store")]
"""No other page may frame the editor (and trick a click on Publish)."""


class Editor:
    """The browser editor of one preview: its files, its configuration (from the data as last checked) and its backend."""

    def __init__(self, root: Path, folder: Path, preview_url: str | None = None):
        from .core.cms.admin import ADMIN, node_modules, write_admin
        from .core.cms.collections import cms_config, local_backend
        from .edit.backend import LocalBackend

        self.root = root
        self.folder = folder
        self.backend = LocalBackend(root, self.check)
        self._config = lambda dataset: cms_config(dataset, local_backend(), site_url=preview_url)
        dataset = load_dataset_cached(root / "data", root / "content")
        self.config = self._config(dataset)
        write_admin(folder, self.config, dataset.site.name, node_modules())
        self.admin = folder / ADMIN

    def check(self) -> dict:
        """The problems and warnings of the data as it is now; the editor's configuration follows valid data."""
        try:
            dataset = load_dataset_cached(self.root / "data", self.root / "content")
        except DataError as error:
            # The file saved last first: problems elsewhere may only follow from it (a measure it no longer defines).
            def saved_last(problem: Problem) -> float:
                path = self.root / problem.path
                return -path.stat().st_mtime if path.is_file() else 0.0

            problems = sorted(error.problems, key=saved_last)
            return {"problems": [_listed(p) for p in problems], "warnings": [_listed(p) for p in error.warnings]}
        self.config = self._config(dataset)
        return {"problems": [], "warnings": [_listed(p) for p in dataset.warnings]}

    def serve(self, relative: str, start_response):
        name = relative[len("admin") :].lstrip("/") or "index.html"
        headers = [("X-Content-Type-Options", "nosniff"), *_EDITOR_HEADERS]
        if name == "config.json":
            content = json.dumps(self.config).encode()
            start_response("200 OK", [("Content-Type", "application/json; charset=utf-8"), *headers])
            return [content]
        target = (self.admin / name).resolve()
        if self.admin.resolve() not in target.parents or not target.is_file():
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"Not found"]
        kind = {
            ".js": "text/javascript",
            ".html": "text/html",
            ".css": "text/css",
            ".json": "application/json",
            ".wasm": "application/wasm",
        }
        start_response("200 OK", [("Content-Type", kind.get(target.suffix, "application/octet-stream")), *headers])
        return [target.read_bytes()]


def _listed(problem: Problem) -> dict[str, str]:
    return {"where": f"{problem.path}:{problem.line}:{problem.column}", "message": problem.message}


def editor_port(port: int) -> int:
    """The editor's own port, beside the preview's: the next one."""
    return port + 1


def serve(root: Path, *, address: str, pdf: bool, open_browser: bool, editor: bool = False) -> int:
    site_dir = tempfile.mkdtemp(prefix="partnership-preview-")
    editor_dir = Path(tempfile.mkdtemp(prefix="partnership-editor-")) if editor else None
    host, _, port_text = address.rpartition(":")
    port = int(port_text)
    state: dict[str, bytes | None] = {"problems": None}

    def get_config():
        config = load_config(str(root / "mkdocs.yml"), site_dir=site_dir, dev_addr=address)
        plugin = config.plugins.get("partnership")
        if plugin is not None:
            plugin.config.pdf = pdf
            plugin.config.data_dir = str(root / "data")
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)

    watched = [root / "data", Path(config.docs_dir)]
    snapshot = {"files": _mtimes(watched)}

    def builder(config=None) -> None:
        config = config or get_config()
        config.site_url = serve_url
        before = snapshot["files"]
        snapshot["files"] = _mtimes(watched)
        edited = _newest_change(before, snapshot["files"])
        try:
            load_dataset_cached(root / "data", Path(config.docs_dir))  # problems first, as a list
            build(config, serve_url=serve_url)
            state["problems"] = None
            _note_edit(config, edited, Path(site_dir))
        except (DataProblems, DataError) as error:
            data_error = error.error if isinstance(error, DataProblems) else error
            found = data_error.problems
            print(data_error.report(), file=sys.stderr, flush=True)
            title = f"The data has {len(found)} problem{'s' if len(found) != 1 else ''}"
            state["problems"] = problems_page(title, found, data_error.warnings)
            _empty(Path(site_dir))
        except (Abort, MkDocsException) as error:
            print(f"The build failed: {error}", file=sys.stderr, flush=True)
            state["problems"] = problems_page("The site could not be built", [str(error)])
            _empty(Path(site_dir))

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path)
    editor_server: EditorServer | None = None
    if editor_dir is not None:
        try:
            editor_server = EditorServer(host.strip("[]"), editor_port(port), Editor(root, editor_dir, serve_url))
        except OSError as error:
            shutil.rmtree(site_dir, ignore_errors=True)
            shutil.rmtree(editor_dir, ignore_errors=True)
            if error.errno != errno.EADDRINUSE:
                raise
            return _port_in_use(host, port, editor=True, taken=editor_port(port))
        server.url = editor_server.url  # what "open in a browser" opens

    def error_handler(code: int) -> bytes | None:
        if state["problems"] is not None:
            # Let the problems page reload itself when the next build succeeds.
            return server._inject_js_into_html(state["problems"], server._visible_epoch)
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if page.is_file() else None

    server.error_handler = error_handler
    server.set_app(_refusing_bad_requests(server.serve_request))
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(str(root / "data"))
        server.watch(str(root / "theme"))
        server.watch(str(root / "mkdocs.yml"))
        server = config.plugins.on_serve(server, config=config, builder=builder)
        try:
            if editor_server is not None:
                editor_server.thread.start()
            server.serve(open_in_browser=open_browser)
        except KeyboardInterrupt:
            print("Stopped the preview.", flush=True)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            return _port_in_use(host, port, editor=editor_server is not None, taken=port)
        finally:
            server.shutdown()
            if editor_server is not None:
                if editor_server.thread.is_alive():
                    editor_server.shutdown()
                editor_server.server_close()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
        if editor_dir is not None:
            shutil.rmtree(editor_dir, ignore_errors=True)
    return 0


def _port_in_use(host: str, port: int, *, editor: bool, taken: int) -> int:
    """Say that ``taken`` is in use and which --address to try instead (the editor takes two ports); the exit status."""
    whose = "the editor's, beside the preview's" if taken != port else "the preview's"
    print(
        f"Port {taken} ({whose}) is in use: is a preview or the editor already running? Stop it (Ctrl+C in its window), "
        f"or use another port: --address {host}:{port + (2 if editor else 1)}",
        file=sys.stderr,
        flush=True,
    )
    return 1


def _mtimes(folders: list[Path]) -> dict[Path, int]:
    found = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                found[path] = path.stat().st_mtime_ns
    return found


def _newest_change(before: dict[Path, int], after: dict[Path, int]) -> Path | None:
    changed = [p for p, t in after.items() if before.get(p) != t]
    return max(changed, key=lambda p: after[p]) if changed and before else None


def _note_edit(config, edited: Path | None, site_dir: Path) -> None:
    """Tell the preview's pages which page shows the file just saved (they open it)."""
    if edited is None:
        return
    plugin = config.plugins.get("partnership")
    build = getattr(plugin, "build", None)
    if build is None:
        return
    from .core.html.sources import page_for

    target = page_for(build.dataset, edited)
    if target is None:
        return
    folder = site_dir / ".preview"
    folder.mkdir(exist_ok=True)
    (folder / "edited.json").write_text(json.dumps({"url": target, "stamp": time.time_ns()}))
    print(f"      Saved {edited.name}: opening /{target}", flush=True)


def _empty(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
