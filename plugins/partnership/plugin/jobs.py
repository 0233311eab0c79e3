"""Writing the site's files in a second process while MkDocs builds the pages.

Calendars, open data, report PDFs and toolkit documents need nothing from
the pages, so on a machine with two cores they are written by a forked
child process into a staging folder while the parent builds pages; the
parent collects them at the end. Where forking is not safe (the live
preview runs threads; macOS and Windows do not fork) the same work runs in
the parent instead. Either way the result is the same files.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError

Work = Callable[[Path], dict[str, int]]
"""Writes files under the given folder and returns {site path: size in bytes}."""


def can_fork() -> bool:
    if os.environ.get("PARTNERSHIP_PARALLEL", "1") == "0":
        return False
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _child(work: Work, staging: Path, connection) -> None:  # pragma: no cover - runs in the child
    try:
        connection.send(("ok", work(staging)))
    except BaseException:  # noqa: BLE001 - everything goes back to the parent to report
        connection.send(("error", traceback.format_exc()))
    finally:
        connection.close()


class OutputJob:
    """One batch of file writing, started early and collected once."""

    def __init__(self, work: Work, staging: Path, parallel: bool):
        self.work = work
        self.staging = staging
        self.parallel = parallel
        self._sizes: dict[str, int] | None = None
        self._process = None
        self._connection = None

    def start(self) -> None:
        self.staging.mkdir(parents=True, exist_ok=True)
        if not self.parallel:
            return
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(self.work, self.staging, child), daemon=True)
        self._process.start()
        child.close()
        self._connection = parent

    def sizes(self) -> dict[str, int]:
        """Wait for the files, and return their sizes (raises PluginError if writing failed)."""
        if self._sizes is not None:
            return self._sizes
        if not self.parallel:
            self._sizes = self.work(self.staging)
            return self._sizes
        assert self._process is not None and self._connection is not None
        message = None
        while message is None:
            if self._connection.poll(0.2):
                try:
                    message = self._connection.recv()
                except EOFError:
                    message = ("error", "the process writing files ended without a word")
            elif not self._process.is_alive():
                message = ("error", f"the process writing files stopped (exit code {self._process.exitcode})")
        self._process.join()
        kind, payload = message
        if kind != "ok":
            raise PluginError(f"Writing calendars, reports and downloads failed:\n{payload}")
        self._sizes = payload
        return self._sizes

    def move_into(self, site_dir: Path) -> int:
        """Move every staged file into ``site_dir``; return how many."""
        self.sizes()
        moved = 0
        for dirpath, _, filenames in os.walk(self.staging):
            relative = Path(dirpath).relative_to(self.staging)
            target = site_dir / relative
            target.mkdir(parents=True, exist_ok=True)
            for name in filenames:
                os.replace(Path(dirpath) / name, target / name)
                moved += 1
        shutil.rmtree(self.staging, ignore_errors=True)
        return moved

    def cancel(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
        shutil.rmtree(self.staging, ignore_errors=True)
