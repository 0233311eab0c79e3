"""Random edits of valid files never crash the loader: they load, or they give located problems."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, copy_project
from partnership.core.load import load_dataset
from partnership.core.problems import DataError

TARGETS = [
    "data/events/2025-26/strengths-based-practice-2026-03.yml",
    "data/partners.yml",
    "data/pathways.yml",
    "data/metrics/placements.yml",
    "data/reports/2025-26.yml",
    "data/frameworks/kss-cf.yml",
    "data/attendance/2025-26.csv",
    "data/site.yml",
]
PIECES = [
    ":",
    ": ",
    "-",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "#",
    "'",
    '"',
    "\t",
    "  ",
    "\n",
    "&a",
    "*a",
    "!!",
    "<<: *a",
    "0",
    "2026-13-45",
    "null",
    "yes",
    "ü",
    "\x00",
    ",",
    "%",
]

_BASE = Path(tempfile.mkdtemp(prefix="fuzz-base-"))
copy_project(_BASE / "project")


@st.composite
def edits(draw):
    target = draw(st.sampled_from(TARGETS))
    text = (ROOT / target).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "duplicate-line", "drop-line", "truncate"]))
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 12)) :]
        elif kind in ("duplicate-line", "drop-line"):
            lines = text.splitlines(keepends=True)
            if lines:
                i = draw(st.integers(0, len(lines) - 1))
                lines[i : i + 1] = [lines[i]] * (2 if kind == "duplicate-line" else 0)
                text = "".join(lines)
        else:
            text = text[:at]
    return target, text


@pytest.mark.slow
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_random_edits_never_crash(edit: tuple[str, str]) -> None:
    target, text = edit
    project = _BASE / "project"
    path = project / target
    original = (ROOT / target).read_bytes()
    try:
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
        try:
            load_dataset(project / "data", project / "content")
        except DataError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.line >= 1 and problem.column >= 1
                # a data file's problem, or a report narrative's that quotes a figure the edit took away
                assert problem.path.startswith(("data/", "content/reports/"))
                assert problem.message and "Traceback" not in problem.message
    finally:
        path.write_bytes(original)


def teardown_module() -> None:
    shutil.rmtree(_BASE, ignore_errors=True)
