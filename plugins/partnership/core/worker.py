"""Work done in a second process while the site generator builds the pages.

Calendars, open data, report PDFs and toolkit documents need nothing from
the pages, and report charts can be drawn ahead of the pages that show
them; so on a machine with two cores they are done by a forked child
process while the parent builds pages, and collected when needed. Where
forking is not safe (the live preview runs threads; macOS and Windows do
not fork) the same work runs in the parent, when it is first needed. Either
way the result is the same.

:func:`bounded_map` is the other kind of second process: work whose time
and memory the input decides (the Markdown of every page and description,
read by ``check`` and by every build before a page is made), done item by
item under a time and memory limit, so that no input can keep a command
busy for minutes or take all the memory.

No process started here outlives the command: each calls
:func:`die_with_parent` first, so that even a ``kill -9`` of the command
ends them.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar, cast

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


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Make this (child) process end when its parent does, however the parent ends (``kill -9`` too).

    On Linux the kernel sends SIGKILL when the parent goes (``prctl(PR_SET_PDEATHSIG)``); if the
    parent (``parent``, its process id as the parent gave it) went before that was set, this process
    ends now. Elsewhere a thread watches for the
    parent to go. Called first thing in every process the core starts, so none outlives the command.
    """
    parent = os.getppid() if parent is None else parent
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)  # this program's own symbols, libc's prctl among them (no ldconfig run)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - a Linux without prctl
            _watch_parent(parent)
    else:  # pragma: no cover - macOS, Windows
        _watch_parent(parent)
    if os.getppid() != parent:
        os._exit(1)


def _watch_parent(parent: int) -> None:  # pragma: no cover - where there is no prctl
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _stop(signum: int, frame: object) -> None:  # pragma: no cover - runs in the child
    """Asked to stop (cancel()): stop the workers this child started (PDF printers), then die of the signal."""
    for process in multiprocessing.active_children():
        process.terminate()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _child(work: Callable[[Send], object], connection: Connection, other_end: Connection, parent: int) -> None:  # pragma: no cover
    die_with_parent(parent)
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
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        if parallel:
            context = multiprocessing.get_context("fork")
            parent, child = context.Pipe(duplex=False)
            # Not a daemon: the child may start workers of its own (PDFs are printed on every core).
            self._process = context.Process(target=_child, args=(work, child, parent, os.getpid()))
            self._process.start()
            child.close()
            self._connection = parent

    def _receive(self) -> tuple[str, object]:
        assert self._process is not None and self._connection is not None
        while True:
            if self._connection.poll(0.2):
                try:
                    message: tuple[str, object] = self._connection.recv()
                    return message
                except EOFError:
                    return ("error", f"the process {self.what} ended without a word")
            if not self._process.is_alive() and not self._connection.poll(0):
                return ("error", f"the process {self.what} stopped (exit code {self._process.exitcode})")

    def _settle(self, kind: str, payload: object) -> None:
        if kind == "part":
            name, value = cast("tuple[str, object]", payload)
            self._parts[name] = value
        elif kind == "ok":
            self._result = cast("T", payload)
            self._done = True
            assert self._process is not None
            self._process.join()
        elif kind == "os-error":
            text, error = cast("tuple[str, OSError]", payload)
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
            return cast("T", self._result)
        if not self.parallel:
            self._result = self.work(lambda name, value: None)
            self._done = True
        else:
            while not self._done:
                self._settle(*self._receive())
        return self._result

    def cancel(self) -> None:
        """Stop the work: the child process and any workers it started."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


# -- Work on input nobody has vetted, bounded in time and memory --------------------------------------


@dataclass(frozen=True)
class Overran:
    """Why ``bounded_map`` has no result for an item: what stopped it, in words that finish "…, so it was stopped"."""

    why: str


Item = TypeVar("Item")
Out = TypeVar("Out")

MEMORY = 2 * 1024**3
"""What a bounded worker may take beyond the memory it started with (bytes)."""


def _bounded_child(
    function: Callable[[Item], Out], items: Sequence[Item], connection: Connection, other_end: Connection, parent: int
) -> None:  # pragma: no cover - runs in the child
    die_with_parent(parent)
    other_end.close()
    if sys.platform.startswith("linux"):
        import resource

        with open("/proc/self/statm") as statm:
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (used + MEMORY, resource.RLIM_INFINITY))
    for item in items:
        try:
            connection.send(("ok", function(item)))
        except RecursionError:
            connection.send(("overran", "it is nested too deeply to be read"))
        except MemoryError:
            connection.send(("overran", f"reading it took more than {MEMORY // 1024**3} GB of memory"))
        except Exception:
            connection.send(("error", traceback.format_exc()))
    connection.close()


def bounded_map(function: Callable[[Item], Out], items: Sequence[Item], seconds: float) -> list[Out | Overran]:
    """``function`` of each item, worked out in a second process that may spend ``seconds`` on each and
    :data:`MEMORY` in all, and never outlives this one.

    For work whose time or memory the input decides (Markdown from the data: a few thousand
    characters can keep a parser busy for minutes). An item that takes longer, runs out of memory,
    recurses too deeply or crashes its process gets an :class:`Overran` instead of a result; the
    process is then stopped and a new one goes on with the items after it. Any other exception in
    ``function`` is a bug, raised here as :class:`WorkFailed` with its traceback.
    """
    results: list[Out | Overran] = []
    # Forked where that is safe (a command's one thread); started afresh where threads run (the preview) or there is no fork.
    fork = can_fork() and threading.active_count() == 1
    context = multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
    while len(results) < len(items):
        rest = items[len(results) :]
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=_bounded_child, args=(function, rest, sending, receiving, os.getpid()), daemon=True)
        process.start()
        sending.close()
        try:
            for _ in rest:
                if not receiving.poll(seconds):
                    results.append(Overran(f"reading it took more than {seconds:g} seconds"))
                    break
                try:
                    kind, value = receiving.recv()
                except EOFError:
                    results.append(Overran(f"reading it stopped its process (exit code {process.exitcode})"))
                    break
                if kind == "error":
                    raise WorkFailed(f"Reading an item failed:\n{value}")
                results.append(cast("Out", value) if kind == "ok" else Overran(cast("str", value)))
        finally:
            receiving.close()
            if process.is_alive():
                process.kill()
            process.join()
    return results
