"""Heavy files kept between builds: PDFs, Word, Excel and zip files, by a hash of what they are made from.

Builds are reproducible, so the same inputs give the same file: a file whose
inputs have not changed since the last build is copied from the cache
instead of being made again. The key of a file is a SHA-256 of exactly what
it is made from:

* a PDF: the HTML document it is printed from (which holds the data, the
  templates' output, the stylesheet, the charts, the logo and any date it
  shows), the site files it may fetch (every file under ``content/`` that is
  not Markdown, by name and content: images a narrative shows), the site's
  address, and the fonts fontconfig offers (file, version and size);
* a Word or Excel file: the data it is made from (the toolkit's whole
  view: frameworks, levels, the partners' names, the ASYE's stage and
  hand-over; and the site's identity) and the build's instant (the files are
  dated with it);
* a zip: the bytes of every file in it, their names and the build's instant;

and every key holds :func:`partnership.core.release.salt`: a hash of the
whole package's code and templates, and the versions of the libraries that
make the file (WeasyPrint, or python-docx and openpyxl, each with every
library it requires). No list of source files or libraries is kept by hand.

Change any of these and the key changes, so a stale file is never served.
Entries live in ``.cache/outputs/<kind>/`` (``.cache/`` is ignored by git);
after a build, entries of the kinds it made that it did not use are deleted,
so the folder holds one build's files.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from ..release import salt

PDF_LIBRARY = "weasyprint"
"""What prints the PDFs (:func:`partnership.core.outputs.pdf.html_to_pdf`), with what it requires in turn."""
OFFICE_LIBRARIES = ("python-docx", "openpyxl")
"""What writes the Word and Excel files (and so what the zip of them holds)."""


@cache
def fonts() -> str:
    """Every font file fontconfig offers, with its version and size: WeasyPrint chooses among them."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}|%{fontversion}|%{index}\n"], capture_output=True, text=True, timeout=30)
        lines = listed.stdout.splitlines() if listed.returncode == 0 else []
    except (OSError, subprocess.SubprocessError):
        lines = []
    if not lines:  # no fontconfig tools: the usual font folders instead
        folders = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts", Path.home() / ".local/share/fonts"]
        lines = [str(f) for folder in folders if folder.is_dir() for f in folder.rglob("*") if f.is_file()]
    described = []
    for line in sorted(set(lines)):
        path = line.split("|", 1)[0]
        with contextlib.suppress(OSError):
            described.append(f"{line}|{os.stat(path).st_size}")
    return "\n".join(described)


def site_files(content_dir: Path) -> str:
    """What a PDF may fetch from the site: every file under ``content/`` but Markdown, by path and SHA-256."""
    lines = []
    for path in sorted(content_dir.rglob("*")):
        if path.is_file() and path.suffix.lower() != ".md":
            lines.append(f"{path.relative_to(content_dir).as_posix()} {hashlib.sha256(path.read_bytes()).hexdigest()}")
    return "\n".join(lines)


@cache
def pdf_salt() -> str:
    """Everything a PDF depends on besides its HTML: this release of the code, WeasyPrint's libraries and the fonts."""
    return f"{salt(PDF_LIBRARY)}\n{fonts()}"


def office_salt() -> str:
    """Everything a Word, Excel or zip file depends on besides its inputs: this release of the code and its libraries."""
    return salt(*OFFICE_LIBRARIES)


def key(*parts: str | bytes) -> str:
    """A SHA-256 of ``parts``, each length-prefixed so that no two lists of parts give the same bytes."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class OutputCache:
    """Files by kind and key in ``folder`` (None: nothing is kept, everything is made)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.reused = 0
        """Files taken from the cache in this build."""
        self.made = 0
        """Files made in this build (not in the cache, or no cache)."""
        self._used: dict[str, set[str]] = {}

    def _path(self, kind: str, name: str) -> Path:
        assert self.folder is not None
        return self.folder / kind / f"{name}.{kind}"

    def get(self, kind: str, name: str) -> bytes | None:
        """The file ``name`` of ``kind`` (pdf, docx, xlsx, zip), if it is kept; counts it as reused."""
        self._used.setdefault(kind, set()).add(name)
        if self.folder is None:
            return None
        try:
            content = self._path(kind, name).read_bytes()
        except OSError:
            return None
        self.reused += 1
        return content

    def put(self, kind: str, name: str, content: bytes) -> None:
        """Keep a file just made (written whole, then renamed: a reader never sees half of one)."""
        self.made += 1
        self._used.setdefault(kind, set()).add(name)
        if self.folder is None:
            return
        target = self._path(kind, name)
        temporary = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".new-")
            with os.fdopen(handle, "wb") as file:
                file.write(content)
            os.replace(temporary, target)
        except OSError:  # a cache that cannot be written only means making the file again next time
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def file(self, kind: str, name: str, make: Callable[[], bytes]) -> bytes:
        """The kept file, or ``make()`` kept for next time."""
        found = self.get(kind, name)
        if found is None:
            found = make()
            self.put(kind, name, found)
        return found

    def prune(self) -> None:
        """Delete entries of the kinds used in this build that this build did not use."""
        if self.folder is None:
            return
        for kind, used in self._used.items():
            folder = self.folder / kind
            with contextlib.suppress(OSError):
                for entry in folder.iterdir():
                    if entry.is_file() and entry.stem not in used:
                        entry.unlink(missing_ok=True)
                    elif entry.is_dir():
                        shutil.rmtree(entry, ignore_errors=True)
