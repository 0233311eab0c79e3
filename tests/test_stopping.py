"""Stopping ``python3 build.py`` the ways people stop it: nothing left running, nothing left half done.

Each test runs build.py as an editor does, in a copy of the project that
shares this checkout's installed ``.venv/`` (the same locks, so nothing is
installed), records the whole tree of processes it started (the site's
command line, the build's second process, PDF printers …), stops it, and
checks that every one of them has gone, the port is free and the temporary
folders are removed. A Ctrl+C typed in a terminal reaches every process of
the terminal's group at once: that is tried by hand (tmux), since these
tests have no terminal.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import NOW, ROOT, free_port

pytestmark = pytest.mark.slow

#: What build.py needs beside the project's data to run a command without installing anything.
BUILD_PY_FILES = ("build.py", "requirements.lock", "requirements-test.lock", "pyproject.toml")
#: Files build.py reads, when a branch has them (the browser editor's npm lock: issue 23).
OPTIONAL_FILES = ("plugins/partnership/core/cms/npm/package.json", "plugins/partnership/core/cms/npm/package-lock.json")


def children_of() -> dict[int, list[int]]:
    """Every running process's children, from /proc."""
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry))
    return tree


def descendants(pid: int) -> set[int]:
    tree, found, todo = children_of(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class BuildPy:
    """``python3 build.py <command>`` started as an editor starts it, with its output in a file."""

    def __init__(self, project: Path, *args: str):
        for part in BUILD_PY_FILES + tuple(p for p in OPTIONAL_FILES if (ROOT / p).is_file()):
            (project / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / part, project / part)
        (project / ".venv").symlink_to(ROOT / ".venv")
        self.temporary = project / "tmp"  # the command's temporary folders, where no other test's land
        self.temporary.mkdir()
        self.log = project / "build-py.log"
        env = dict(os.environ, PARTNERSHIP_NOW=NOW, TMPDIR=str(self.temporary))
        env.pop("PARTNERSHIP_ROOT", None)
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                [sys.executable, str(project / "build.py"), *args],
                cwd=project,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.seen: set[int] = set()

    @property
    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for(self, text: str, timeout: float = 300) -> None:
        """Until ``text`` is printed, noting every process started meanwhile (a guard against a hang, not a speed bound)."""
        deadline = time.monotonic() + timeout
        while text not in self.output:
            assert self.process.poll() is None, self.output
            assert time.monotonic() < deadline, self.output
            self.seen |= descendants(self.process.pid)
            time.sleep(0.05)
        self.seen |= descendants(self.process.pid)

    def stop(self, signum: int) -> int:
        self.process.send_signal(signum)
        return self.process.wait(timeout=120)

    def left_running(self) -> list[int]:
        deadline = time.monotonic() + 10  # a process that has exited may take a moment to be reaped by its parent
        while (running := [pid for pid in self.seen if alive(pid)]) and time.monotonic() < deadline:
            time.sleep(0.1)
        return running


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["SIGTERM", "SIGINT", "SIGHUP"])
@pytest.mark.parametrize("command", [("serve",), ("edit", "--no-open")], ids=["serve", "edit"])
def test_stopping_the_preview_leaves_no_process_port_or_folder(project: Path, command: tuple[str, ...], how: signal.Signals) -> None:
    """The issue: `kill` on build.py serve left its child serving on the port. Ctrl+C sent to build.py alone (SIGINT) too.

    ``edit`` (issue 23: the browser editor beside the preview) is the same server with the editor's backend and folder.
    """
    port = free_port()
    run = BuildPy(project, *command, "--address", f"127.0.0.1:{port}")
    run.wait_for("Serving on")
    assert run.seen, f"build.py runs the {command[0]} command in a process of its own"
    assert run.stop(how) == 0, run.output
    assert "Stopped the preview." in run.output
    assert run.left_running() == [], run.output
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))  # the port is free again
    assert list(run.temporary.iterdir()) == [], "the preview's temporary folders are removed"


def test_stopping_a_build_leaves_no_process_and_the_site_as_it_was(project: Path) -> None:
    """SIGTERM while the pages are made: the second process (and its PDF printers) stop too; site/ is untouched."""
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site")
    run = BuildPy(project, "build")
    run.wait_for("[2/3] Building pages")
    deadline = time.monotonic() + 120
    while len(run.seen) < 2 and time.monotonic() < deadline:  # the command line, and the build's second process
        run.seen |= descendants(run.process.pid)
        time.sleep(0.05)
    code = run.stop(signal.SIGTERM)
    assert code in (130, 1), run.output
    assert run.left_running() == [], run.output
    assert [p.name for p in site.iterdir()] == ["index.html"] and (site / "index.html").read_text() == "the last good site"
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site-build-")], "the private build folder is removed"


def test_every_command_is_run_passing_signals_on() -> None:
    """build.py starts nothing, itself or through its bootstrap modules, but through the function that passes signals on."""
    sources = [ROOT / "build.py", *sorted((ROOT / "plugins/partnership/bootstrap").glob("*.py"))]
    for path in sources:
        text = path.read_text()
        if path.name == "stopping.py":
            continue
        for call in ("subprocess.run(", "subprocess.call(", "subprocess.check_call(", "subprocess.Popen(", "os.system("):
            assert call not in text, f"{path.name} starts a program with {call}: use stopping.run_passing_signals"
