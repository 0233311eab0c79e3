"""What every benchmark shares: the load average, alternating runs, medians, and when figures may be recorded.

These machines are shared: a figure measured while others build is not this
code's. Every benchmark prints the load average (1, 5 and 15 minutes) before
and after it runs, and its table is marked for the README only when both are
under :data:`QUIET` (at the one-minute average); otherwise it says, in the
table's first line, that the figures are not to be recorded. ``--wait N``
waits up to N minutes for a quiet machine before starting.

Runs alternate (this site, plain Material, this site …) so that a busy spell
hits every kind of run alike, and medians are reported (of five, by default).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-11-22T12:00"
QUIET = 1.0
"""The load average under which figures may be recorded (the machine has two cores)."""


def load() -> tuple[float, float, float]:
    return os.getloadavg()


def load_text(values: tuple[float, float, float]) -> str:
    return ", ".join(f"{x:.2f}" for x in values)


def wait_for_quiet(minutes: float) -> None:
    """Wait up to ``minutes`` for the one-minute load average to fall under :data:`QUIET`, saying so."""
    deadline = time.monotonic() + minutes * 60
    while load()[0] >= QUIET and time.monotonic() < deadline:
        print(f"Waiting for a quiet machine: load average {load_text(load())}", file=sys.stderr, flush=True)
        time.sleep(30)


@dataclass
class Session:
    """One benchmark's run: the load before and after, and whether its figures may be recorded."""

    before: tuple[float, float, float] = field(default_factory=load)
    after: tuple[float, float, float] | None = None

    def end(self) -> None:
        self.after = load()

    @property
    def recordable(self) -> bool:
        return self.after is not None and self.before[0] < QUIET and self.after[0] < QUIET

    def header(self, what: str) -> str:
        """The lines above a table: when, where, the load, and whether the figures may go in the README."""
        after = load_text(self.after) if self.after else "?"
        verdict = (
            "Quiet machine: these figures may be recorded."
            if self.recordable
            else f"NOT FOR THE README: the load average was {QUIET:g} or more (other work on the machine); measure again when it is quiet."
        )
        return (
            f"{time.strftime('%Y-%m-%d %H:%M')} UTC, {os.cpu_count()} cores; {what}.\n"
            f"Load average (1, 5, 15 min) before: {load_text(self.before)}; after: {after}. {verdict}\n"
        )


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Seconds a command takes, run to completion in a fresh process (it must succeed)."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def alternate(runs: dict[str, Callable[[], float]], repeats: int) -> dict[str, float]:
    """Each run (name: a function returning seconds) ``repeats`` times, one of each in turn; the median of each."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            times[name].append(run())
    return {name: statistics.median(found) for name, found in times.items()}


def site_env(project: Path, now: str = NOW) -> dict[str, str]:
    return dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=now)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "partnership.cli", *args]


def copy_example(folder: Path) -> Path:
    """A copy of the example project (data/, content/, theme/, mkdocs.yml) in ``folder``, its files' times kept."""
    project = folder / "site-project"
    for part in ("data", "content", "theme", "mkdocs.yml"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
    return project
