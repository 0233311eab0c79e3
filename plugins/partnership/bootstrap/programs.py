"""The programs the tests drive besides Python: find them, install them as root on Debian or Ubuntu, or say what to do.

``python3 build.py test`` asks :func:`ensure` before it sets anything else
up, so that a machine without them stops within seconds, with one message
listing what is missing and the command that installs it, instead of
failing test after test. ``--skip-browser`` runs the other tests without them.

Where to look is the PATH, or ``PARTNERSHIP_PROGRAMS_PATH`` when it is set
(a machine that keeps them elsewhere, and the tests of this module);
``PARTNERSHIP_CHROMIUM`` names a Chromium (or Chrome) to use instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .stopping import run_passing_signals

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LIBERATION = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
UNO = Path("/usr/lib/python3/dist-packages/uno.py")
OS_RELEASE = Path("/etc/os-release")
APT_OPTIONS = ["-y", "--no-install-recommends"]


@dataclass(frozen=True)
class Requirement:
    """Something the tests need, how to tell it is there, and the Debian packages that bring it."""

    what: str
    why: str
    packages: tuple[str, ...]
    programs: tuple[str, ...] = ()  # every one of these must be found
    files: tuple[Path, ...] = ()  # or these files must exist
    debian_only: bool = False  # checked only where the Debian package is the way to get it

    def missing(self, path: str) -> list[str]:
        """The programs or files of this requirement that are not there ([] when it is met)."""
        absent = [program for program in self.programs if find(program, path) is None]
        absent += [str(file) for file in self.files if not file.is_file()]
        return absent


def find(program: str, path: str) -> str | None:
    """Where ``program`` is on ``path`` (Chromium: also where PARTNERSHIP_CHROMIUM says)."""
    if program == "chromium":
        named = os.environ.get("PARTNERSHIP_CHROMIUM")
        if named:
            return named if Path(named).is_file() else None
    return shutil.which(program, path=path)


NODE_TOOLS = ("tests/node_modules/axe-core/axe.min.js", "tests/node_modules/vnu-jar/build/dist/vnu.jar")


def node_tools_installed(root: Path) -> bool:
    """Whether axe-core and the Nu HTML Checker are in tests/node_modules/ (npm is needed until they are)."""
    return all((root / tool).is_file() for tool in NODE_TOOLS)


def requirements(node_tools_installed: bool) -> list[Requirement]:
    """What ``python3 build.py test`` needs; npm only until it has installed the tests' node tools."""
    needed = [
        Requirement("Chromium", "the browser tests (accessibility, keyboard, privacy)", ("chromium",), programs=("chromium",)),
        Requirement("poppler", "reading the PDFs", ("poppler-utils",), programs=("pdftotext", "pdfinfo", "pdftoppm")),
        Requirement(
            "LibreOffice Writer and Calc",
            "opening the toolkit's Word and Excel files",
            ("libreoffice-writer-nogui", "libreoffice-calc-nogui"),
            programs=("soffice",),
        ),
        Requirement("DejaVu fonts", "the fonts LibreOffice draws with", ("fonts-dejavu-core",), files=(DEJAVU,), debian_only=True),
        Requirement(
            "Liberation fonts",
            "printing the forms at Arial's widths (Liberation Sans has them)",
            ("fonts-liberation",),
            files=(LIBERATION,),
            debian_only=True,
        ),
        Requirement(
            "LibreOffice's Python bridge",
            "typing into the Excel workbooks as a user would",
            ("python3-uno",),
            files=(UNO,),
            debian_only=True,
        ),
        Requirement("Java", "the Nu HTML Checker", ("default-jre-headless",), programs=("java",)),
    ]
    if not node_tools_installed:
        needed.append(Requirement("npm", "installing axe-core and the Nu HTML Checker", ("npm",), programs=("npm",)))
    return needed


def is_debian_like(os_release: str) -> bool:
    """Whether /etc/os-release's text describes Debian or a system built on it (Ubuntu...)."""
    fields = dict(line.split("=", 1) for line in os_release.splitlines() if "=" in line)
    names = " ".join(fields.get(key, "") for key in ("ID", "ID_LIKE")).replace('"', "").split()
    return bool({"debian", "ubuntu"} & set(names))


@dataclass(frozen=True)
class Machine:
    """What decides whether build.py may install packages itself."""

    root: bool
    debian: bool
    apt: bool

    @classmethod
    def this_one(cls) -> Machine:
        os_release = OS_RELEASE.read_text(errors="replace") if OS_RELEASE.is_file() else ""
        root = hasattr(os, "geteuid") and os.geteuid() == 0
        return cls(root=root, debian=is_debian_like(os_release), apt=shutil.which("apt-get") is not None)

    @property
    def can_install(self) -> bool:
        return self.root and self.debian and self.apt


def missing(needed: Sequence[Requirement], path: str, debian: bool) -> list[tuple[Requirement, list[str]]]:
    found = [(requirement, requirement.missing(path)) for requirement in needed if debian or not requirement.debian_only]
    return [(requirement, absent) for requirement, absent in found if absent]


def install_command(packages: Sequence[str], root: bool) -> str:
    sudo = "" if root else "sudo "
    return f"{sudo}apt-get update && {sudo}apt-get install {' '.join(APT_OPTIONS)} {' '.join(packages)}"


def message(absent: Sequence[tuple[Requirement, list[str]]], machine: Machine, failure: str = "") -> str:
    """The one message that says what is missing, and exactly how to install it."""
    lines = ["The tests need programs that this machine does not have:"]
    for requirement, what in absent:
        lines.append(f"  - {requirement.what}, for {requirement.why}: {', '.join(what)} not found")
    packages = [package for requirement, _ in absent for package in requirement.packages]
    command = install_command(packages, machine.root)
    if failure:
        lines.append(f"Installing them failed ({failure}). Check the connection to the package archive, then run:")
        lines.append(f"  {command}")
    elif machine.debian:
        lines.append(
            "Install them with:" if machine.root else "Install them as root (python3 build.py test does it itself when run as root):"
        )
        lines.append(f"  {command}")
    else:
        lines.append("Install them with this system's package manager (on Debian or Ubuntu:")
        lines.append(f"  {command}")
        lines.append(")")
    lines.append("Or run every other test without them:")
    lines.append("  python3 build.py test --skip-browser")
    return "\n".join(lines)


Say = Callable[[str], None]


def ensure(root: Path, say: Say, machine: Machine | None = None, path: str | None = None) -> bool:
    """True when every program is there, after installing what is missing if this machine allows it; else say why not."""
    machine = machine or Machine.this_one()
    path = path if path is not None else os.environ.get("PARTNERSHIP_PROGRAMS_PATH", os.environ.get("PATH", os.defpath))
    needed = requirements(node_tools_installed(root))
    absent = missing(needed, path, machine.debian)
    if not absent:
        return True
    if not machine.can_install:
        say(message(absent, machine))
        return False
    packages = [package for requirement, _ in absent for package in requirement.packages]
    say(f"installing what the tests need (as root, with apt-get): {' '.join(packages)}")
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update"], ["apt-get", "install", *APT_OPTIONS, *packages]):
        result = run_passing_signals(command, env=environment, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            say(message(absent, machine, failure=f"{' '.join(command[:2])} exited with status {result.returncode}"))
            return False
    still = missing(needed, path, machine.debian)
    if still:
        say(message(still, machine, failure="apt-get finished, but they are still not found"))
        return False
    return True


def main(root: Path) -> int:
    """``python3 build.py programs``: check, and install as root, what the tests need."""
    ok = ensure(root, lambda text: print(f"build.py: {text}", file=sys.stderr, flush=True))
    if ok:
        print("build.py: every program the tests drive is installed.", flush=True)
    return 0 if ok else 1
