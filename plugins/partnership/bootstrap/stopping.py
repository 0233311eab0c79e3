"""Stopping what build.py starts, whichever way it is stopped (standard library only: build.py uses it before .venv exists).

A command is stopped by Ctrl+C in its terminal (SIGINT, which the terminal
sends to every process in its foreground group), by ``kill`` or a service
manager (SIGTERM, to one process), or by its terminal closing (SIGHUP). Each
program build.py starts, and each the commands start in turn (pip, apt-get,
the site's command line, pytest), is run with :func:`run_passing_signals`:
the signal is passed on to it, it stops in its own way (the preview removes
its folders, a build its private folder, ``new event`` keeps the answers),
and the caller waits for it, so that nothing is left running. A Ctrl+C typed
in the terminal has reached the program already and is not sent twice (a
second one would interrupt its clean stop).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

STOPS: tuple[str, ...] = ("SIGINT", "SIGTERM", "SIGHUP") if os.name != "nt" else ("SIGINT",)


def run_passing_signals(command: list[str], *, as_interrupt: bool = False, **options: Any) -> subprocess.CompletedProcess[Any]:
    """``subprocess.run(command, **options)``, passing Ctrl+C, SIGTERM and SIGHUP on to the command and waiting for it to stop.

    ``as_interrupt``: pass every stop on as SIGINT, for a program that stops
    cleanly on Ctrl+C only (pytest stops its workers and reports). The
    result is the command's, whatever stopped it.
    """
    child = subprocess.Popen(command, **options)

    def pass_on(signum: int, frame: object) -> None:
        if child.poll() is None and not (signum == signal.SIGINT and from_terminal()):
            child.send_signal(signal.SIGINT if as_interrupt else signum)

    try:
        previous = {name: signal.signal(getattr(signal, name), pass_on) for name in STOPS}
    except ValueError:  # not the main thread: signals cannot be handled here; run it plainly
        previous = {}
    try:
        out, err = child.communicate()
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)
    return subprocess.CompletedProcess(command, child.returncode, out, err)


def from_terminal() -> bool:
    """Whether a Ctrl+C came from the terminal, which sends it to the whole foreground group (the command too)."""
    try:
        return os.tcgetpgrp(sys.stdin.fileno()) == os.getpgrp()
    except (OSError, AttributeError, ValueError):
        return False


@contextlib.contextmanager
def stopped_as_by_ctrl_c(raising: Callable[[str], BaseException] = KeyboardInterrupt) -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise ``raising(name)`` (a KeyboardInterrupt), as Ctrl+C raises one."""

    def stop(signum: int, frame: object) -> None:
        raise raising(signal.Signals(signum).name)

    try:
        previous = {name: signal.signal(getattr(signal, name), stop) for name in STOPS if name != "SIGINT"}
    except ValueError:  # not the main thread: leave the signals alone
        yield
        return
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def exit_status(code: int) -> int:
    """A child's exit status as a shell gives it: 128 + the signal's number when a signal ended it."""
    return 128 - code if code < 0 else code


__all__ = ["STOPS", "exit_status", "from_terminal", "run_passing_signals", "stopped_as_by_ctrl_c"]
