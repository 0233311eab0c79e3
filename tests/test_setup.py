"""Setting up a machine: what build.py installs or asks for, the test lanes, and the lock files.

``python3 build.py test`` on a machine without Chromium, poppler or
LibreOffice either installs them (as root on Debian or Ubuntu) or stops
before any test, with one message. These tests cannot take
the programs off this machine (others use them), so they point build.py's
search at an empty folder (``PARTNERSHIP_PROGRAMS_PATH``), run it as a user
that is not root, and put a stand-in ``apt-get`` first on the PATH.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT
from partnership.bootstrap import lock, programs

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'
FEDORA = 'NAME="Fedora Linux"\nID=fedora\n'
PACKAGES = "chromium poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui default-jre-headless"


def executable(path: Path, text: str = "#!/bin/sh\nexit 0\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IEXEC | stat.S_IXGRP | stat.S_IXOTH)
    return path


# ---------------------------------------------------------------- the programs, unit by unit


def test_debian_and_ubuntu_are_told_apart_from_others() -> None:
    assert programs.is_debian_like(DEBIAN) and programs.is_debian_like(UBUNTU)
    assert not programs.is_debian_like(FEDORA) and not programs.is_debian_like("")


def test_missing_lists_exactly_what_is_not_on_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARTNERSHIP_CHROMIUM", raising=False)
    for name in ("chromium", "pdftotext", "pdfinfo", "java"):
        executable(tmp_path / name)
    absent = dict((r.what, what) for r, what in programs.missing(programs.requirements(True), str(tmp_path), debian=False))
    assert absent == {"poppler": ["pdftoppm"], "LibreOffice Writer and Calc": ["soffice"]}
    with_npm = [r.what for r, _ in programs.missing(programs.requirements(False), str(tmp_path), debian=False)]
    assert "npm" in with_npm, "npm is needed until the tests' node tools are installed"
    monkeypatch.setenv("PARTNERSHIP_CHROMIUM", str(tmp_path / "no-such-chrome"))
    assert "Chromium" in [r.what for r, _ in programs.missing(programs.requirements(True), str(tmp_path), debian=False)]


def test_the_message_names_what_is_missing_and_the_command(tmp_path: Path) -> None:
    absent = programs.missing(programs.requirements(True), str(tmp_path), debian=True)
    user = programs.message(absent, programs.Machine(root=False, debian=True, apt=True))
    assert "- Chromium, for the browser tests (accessibility, keyboard, privacy): chromium not found" in user
    assert "- poppler, for reading the PDFs: pdftotext, pdfinfo, pdftoppm not found" in user
    assert "  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium poppler-utils" in user
    assert user.rstrip().endswith("python3 build.py test --skip-browser")
    root = programs.message(absent, programs.Machine(root=True, debian=True, apt=True), failure="apt-get update exited with status 100")
    assert "Installing them failed (apt-get update exited with status 100)" in root
    assert "  apt-get update && apt-get install -y --no-install-recommends chromium" in root
    elsewhere = programs.message(absent, programs.Machine(root=False, debian=False, apt=False))
    assert "this system's package manager" in elsewhere and "--skip-browser" in elsewhere


def test_only_root_on_debian_with_apt_installs() -> None:
    assert programs.Machine(root=True, debian=True, apt=True).can_install
    for machine in (programs.Machine(False, True, True), programs.Machine(True, False, True), programs.Machine(True, True, False)):
        assert not machine.can_install


# ---------------------------------------------------------------- build.py itself


def build_py(*args: str, env: dict[str, str], user: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python3 build.py <args>`` as a user would run it (the system's Python, not .venv's), and how long it took."""
    python = "python3"
    if user is not None:  # another user may not be able to reach root's own Python (pyenv keeps it under /root)
        python = shutil.which("python3", path="/usr/bin:/bin") or "python3"
    command = [python, str(ROOT / "build.py"), *args]
    if user is not None:
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def clean_environment(programs_path: Path, path: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PARTNERSHIP_", "PYTEST_"))}
    env.update(PARTNERSHIP_PROGRAMS_PATH=str(programs_path), PATH=path or os.environ["PATH"])
    return env


@pytest.mark.slow
def test_without_the_programs_build_py_test_stops_at_once_and_says_what_to_do(tmp_path: Path) -> None:
    """As a user who is not root: one message, exit 1, before .venv or any test."""
    empty = tmp_path / "empty"
    empty.mkdir()
    user = None
    if os.geteuid() == 0:
        user = "nobody"
        readable = ["runuser", "-u", user, "--", "test", "-r", str(ROOT / "build.py")]
        if shutil.which("runuser") is None or subprocess.run(readable).returncode != 0:
            pytest.skip("running build.py as a user who is not root needs runuser and a checkout that user can read")
    result = build_py("test", env=clean_environment(empty), user=user)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout + result.stderr
    assert out.count("The tests need programs that this machine does not have:") == 1
    for what in ("Chromium", "poppler", "LibreOffice Writer and Calc", "Java"):
        assert f"- {what}, for " in out, what
    assert "sudo apt-get update && sudo apt-get install -y --no-install-recommends" in out
    assert "python3 build.py test --skip-browser" in out
    assert "Running:" not in out and "passed" not in out, "no test ran"


@pytest.mark.slow
def test_as_root_on_debian_build_py_installs_with_apt_get(tmp_path: Path) -> None:
    """The install branch, with a stand-in apt-get that records what it is asked and installs nothing."""
    if os.geteuid() != 0 or not programs.is_debian_like(programs.OS_RELEASE.read_text() if programs.OS_RELEASE.is_file() else ""):
        pytest.skip("the install branch runs only as root on Debian or Ubuntu")
    empty = tmp_path / "empty"
    empty.mkdir()
    calls = tmp_path / "apt-calls"
    executable(tmp_path / "bin/apt-get", f'#!/bin/sh\necho "$@" >> {calls}\nexit ${{FAKE_APT_STATUS:-0}}\n')
    env = clean_environment(empty, f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    result = build_py("test", env=env)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    asked = calls.read_text().splitlines()
    assert asked[0] == "update"
    assert asked[1].startswith(f"install -y --no-install-recommends {PACKAGES}"), asked
    assert "apt-get finished, but they are still not found" in out
    failing = build_py("test", env=dict(env, FAKE_APT_STATUS="100"))
    assert "Installing them failed (apt-get update exited with status 100)" in failing.stdout + failing.stderr


@pytest.mark.slow
def test_build_py_programs_says_all_is_there_on_this_machine() -> None:
    path = os.environ.get("PARTNERSHIP_PROGRAMS_PATH", os.environ["PATH"])
    needed = programs.requirements(programs.node_tools_installed(ROOT))
    if programs.missing(needed, path, debian=programs.Machine.this_one().debian):
        pytest.skip("this machine lacks some of the programs (and this test must not install them; the tests above cover that case)")
    result = subprocess.run(["python3", str(ROOT / "build.py"), "programs"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "every program the tests drive is installed" in result.stdout


# ---------------------------------------------------------------- the lanes and the markers

SAMPLE = textwrap.dedent(
    """\
    import subprocess
    import pytest

    def pdfinfo():
        try:
            subprocess.run(["pdfinfo", "-v"], capture_output=True)
        except FileNotFoundError:
            pass  # the program need not be there: the guard decides before it is looked for

    @pytest.mark.poppler
    def test_marked_pdf():
        pdfinfo()

    def test_unmarked_pdf():
        pdfinfo()

    def test_in_a_browser(browser):
        pass

    @pytest.mark.slow
    def test_slow():
        pass

    def test_plain():
        pass
    """
)


def sub_pytest(tmp_path: Path, *args: str) -> str:
    """Run pytest on SAMPLE with this suite's conftest.py, in a new process; its output."""
    shutil.copy(ROOT / "tests/conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    browser: x\n    slow: x\n")
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", "-rs", *args]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    return result.stdout + result.stderr


@pytest.mark.slow
def test_a_test_that_starts_a_program_without_its_marker_fails(tmp_path: Path) -> None:
    out = sub_pytest(tmp_path, "-k", "pdf")
    assert "test_unmarked_pdf runs pdfinfo: mark it @pytest.mark.poppler" in out
    assert "1 failed, 1 passed" in out


@pytest.mark.slow
def test_skip_browser_skips_what_needs_the_programs_and_says_how_many(tmp_path: Path) -> None:
    out = sub_pytest(tmp_path, "--skip-browser", "-k", "not unmarked")
    assert "--skip-browser: 2 tests that need Chromium, poppler, LibreOffice or Java will be skipped" in out
    assert "needs poppler (pdftotext, pdfinfo, pdftoppm) (--skip-browser)" in out
    assert "needs Chromium (--skip-browser)" in out, "a test using the browser fixture is marked by itself"
    assert "2 passed, 2 skipped" in out
    assert "--skip-browser: skipped 2 tests that need Chromium, poppler, LibreOffice or Java" in out


@pytest.mark.slow
def test_quick_leaves_out_the_slow_tests_and_those_needing_programs(tmp_path: Path) -> None:
    out = sub_pytest(tmp_path, "--quick", "-k", "not unmarked")
    assert "--quick: 1 test (the data rules and one build)" in out
    assert "1 passed, 4 deselected" in out


# ---------------------------------------------------------------- the lock files


def test_the_lock_files_hold_every_pin_of_pyproject() -> None:
    runtime, test = lock.pins(ROOT / "pyproject.toml")
    locked = lock.locked(ROOT / "requirements.lock", ROOT / "requirements-test.lock")
    for requirement in runtime + test:
        if "==" in requirement:
            name = lock.name_of(requirement)
            assert lock.name_of(locked.get(name, "")) == name and locked[name].split("==")[1] == requirement.split("==")[1], requirement
    assert "setuptools" in lock.locked(ROOT / "requirements.lock"), "installing the site's own package needs it"


def test_the_lock_files_are_as_build_py_lock_writes_them() -> None:
    for path, header in ((ROOT / "requirements.lock", lock.RUNTIME_HEADER), (ROOT / "requirements-test.lock", lock.TEST_HEADER)):
        text = path.read_text()
        assert lock.render(header, [line for line in text.splitlines() if line and not line.startswith("#")]) == text, path.name


def test_lock_keeps_locked_versions_but_not_over_pyproject_pins() -> None:
    existing = {"certifi": "certifi==2026.10.18", "pydantic": "pydantic==2.14.3", "setuptools": "setuptools==80.9.0"}
    kept = lock.constraints(existing, ["pydantic==2.15.0", "setuptools>=69"])
    assert kept == ["certifi==2026.10.18", "setuptools==80.9.0"]
    runtime, added = lock.split(["certifi==2026.10.18", "pip==23.2.1"], ["certifi==2026.10.18", "pip==23.2.1", "pytest==9.2.0"])
    assert added == ["pytest==9.2.0"]
    assert lock.render("# h\n", runtime) == "# h\ncertifi==2026.10.18\n", "pip itself is left out"
