"""Work done in a second process while the site generator builds the pages.

Calendars, open data, report PDFs and toolkit documents need nothing from
the pages, and report charts can be drawn ahead of the pages that show
them; so on a machine with two cores they are done by a forked child
process while the parent builds pages, and collected when needed. Where
forking is not safe (the live preview runs threads; macOS and Windows do
not fork) the same work runs in the parent, when it is first needed. Either
way the result is the same.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class WorkFailed(RuntimeError):
    """The work failed; the message says what it was doing and holds the traceback."""


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    if os.environ.get("PARTNERSHIP_PARALLEL", "1") == "0":
        return False
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


Send = Callable[[str, object], None]
"""Hands an intermediate result to the parent as soon as it is ready: send(name, value)."""


def _stop(signum: int, frame: object) -> None:  # pragma: no cover - runs in the child
    """Asked to stop (cancel()): stop the workers this child started (PDF printers), then die of the signal."""
    for process in multiprocessing.active_children():
        process.terminate()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _child(work: Callable[[Send], object], connection, other_end) -> None:  # pragma: no cover - runs in the child
    other_end.close()  # only the parent reads: if it dies, sending fails here instead of waiting for ever
    signal.signal(signal.SIGTERM, _stop)
    try:
        connection.send(("ok", work(lambda name, value: connection.send(("part", (name, value))))))
    except OSError as error:  # a full disk, a file that cannot be written: the parent raises it as it is
        connection.send(("os-error", (traceback.format_exc(), error)))
    except BaseException:
        connection.send(("error", traceback.format_exc()))
    finally:
        connection.close()


class Job(Generic[T]):
    """``work`` done once: in a forked process started now, or in this one when the result is asked for.

    ``work`` is given a ``send(name, value)`` with which it can hand over a
    part of its result early; :meth:`part` waits for just that part.
    """

    def __init__(self, what: str, work: Callable[[Send], T], parallel: bool):
        self.what = what
        self.work = work
        self.parallel = parallel
        self._done = False
        self._result: T | None = None
        self._parts: dict[str, object] = {}
        self._process = None
        self._connection = None
        if parallel:
            context = multiprocessing.get_context("fork")
            parent, child = context.Pipe(duplex=False)
            # Not a daemon: the child may start workers of its own (PDFs are printed on every core).
            self._process = context.Process(target=_child, args=(work, child, parent))
            self._process.start()
            child.close()
            self._connection = parent

    def _receive(self) -> tuple[str, object]:
        assert self._process is not None and self._connection is not None
        while True:
            if self._connection.poll(0.2):
                try:
                    return self._connection.recv()
                except EOFError:
                    return ("error", f"the process {self.what} ended without a word")
            if not self._process.is_alive() and not self._connection.poll(0):
                return ("error", f"the process {self.what} stopped (exit code {self._process.exitcode})")

    def _settle(self, kind: str, payload: object) -> None:
        if kind == "part":
            name, value = payload  # type: ignore[misc]
            self._parts[name] = value
        elif kind == "ok":
            self._result = payload  # type: ignore[assignment]
            self._done = True
            assert self._process is not None
            self._process.join()
        elif kind == "os-error":
            text, error = payload  # type: ignore[misc]
            raise error from WorkFailed(f"{self.what.capitalize()} failed:\n{text}")
        else:
            raise WorkFailed(f"{self.what.capitalize()} failed:\n{payload}")

    def part(self, name: str) -> object | None:
        """An early part of the result; None when working in this process (nothing to wait for)."""
        if not self.parallel:
            return None
        while name not in self._parts and not self._done:
            self._settle(*self._receive())
        return self._parts.get(name)

    def collect(self) -> None:
        """Take in every part already sent, without waiting (so that the child never waits for room in the pipe)."""
        while self._connection is not None and not self._done and self._connection.poll(0):
            self._settle(*self._receive())

    def result(self) -> T:
        """Wait for the work and return its result (raises WorkFailed if it failed)."""
        if self._done:
            return self._result  # type: ignore[return-value]
        if not self.parallel:
            self._result = self.work(lambda name, value: None)
            self._done = True
        else:
            while not self._done:
                self._settle(*self._receive())
        return self._result  # type: ignore[return-value]

    def cancel(self) -> None:
        """Stop the work: the child process and any workers it started."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
