"""Documents carry the date their data last changed, never the build's instant (issue 28, deliverable 3).

SOURCE_DATE_EPOCH when the caller sets it, else the last commit touching the
files (when none has uncommitted changes), else their newest modification
time; and the day the calendar last changed what is in force, when that is
later. Whole builds at other hours are in test_cache.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from conftest import LONDON, load, run_cli
from partnership.core import clock
from partnership.core.sources.history import changed_at
from partnership.core.views.toolkit import in_force_since, toolkit


def _git(folder: Path, *args: str, when: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t")
    env["GIT_COMMITTER_EMAIL"] = "t@example.invalid"
    if when:
        env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"] = when
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def test_the_last_commit_dates_committed_files_and_the_file_times_date_changed_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.yml").write_text("a: 1\n")
    (data / "b.yml").write_text("b: 1\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "one", when="2026-03-04T10:20:30+00:00")
    (data / "b.yml").write_text("b: 2\n")
    _git(tmp_path, "commit", "-q", "-am", "two", when="2026-06-07T08:09:10+01:00")

    assert changed_at([data / "a.yml"], tmp_path) == dt.datetime(2026, 3, 4, 10, 20, 30, tzinfo=LONDON)
    assert changed_at([data], tmp_path) == dt.datetime(2026, 6, 7, 8, 9, 10, tzinfo=LONDON), "a folder: its newest commit"
    assert changed_at([data], tmp_path).date() == dt.date(2026, 6, 7)

    edited = dt.datetime(2026, 8, 1, 17, 45, 12, tzinfo=LONDON).timestamp()
    (data / "a.yml").write_text("a: 2\n")  # changed since its last commit: the history no longer says when
    os.utime(data / "a.yml", (edited, edited + 0.75))
    os.utime(data / "b.yml", (edited - 3600, edited - 3600))
    assert changed_at([data], tmp_path) == dt.datetime(2026, 8, 1, 17, 45, 12, tzinfo=LONDON), "its modification time, to the second"
    assert changed_at([tmp_path / "missing.yml"], tmp_path) is None


def test_source_date_epoch_names_the_date_and_a_wrong_one_is_said_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yml").write_text("a: 1\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert changed_at([tmp_path / "a.yml"], tmp_path) == dt.datetime(2026, 1, 1, tzinfo=LONDON)
    for wrong in ("yesterday", "-5", "1.5e9", "99999999999999999999"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", wrong)
        with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
            clock.source_date_epoch()


def test_the_epoch_the_build_lends_mkdocs_is_not_taken_for_the_data_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build sets SOURCE_DATE_EPOCH to its own instant for MkDocs' sitemap: the documents must not carry that."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with clock.dated_for_mkdocs():
        assert os.environ["SOURCE_DATE_EPOCH"] == str(int(clock.now().timestamp()))
        assert clock.source_date_epoch() is None
    assert "SOURCE_DATE_EPOCH" not in os.environ
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    with clock.dated_for_mkdocs():  # the caller's own is kept, and read
        assert clock.source_date_epoch() == dt.datetime(2026, 1, 1, tzinfo=LONDON)


def test_a_wrong_source_date_epoch_stops_a_command_with_one_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "last tuesday")
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert "SOURCE_DATE_EPOCH='last tuesday' is not a whole number of seconds since 1970" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_the_toolkit_is_the_same_from_the_day_its_date_names_to_the_build_day(project: Path) -> None:
    """Every day from :func:`in_force_since` to the build's day holds the same toolkit (its day aside), over four years of
    builds: so dating the files by that day (when later than the data's change) never dates a change the calendar made."""
    dataset = load(project)

    def content(day: dt.date) -> object:
        kit = toolkit(dataset, day)
        return dataclasses.replace(kit, on=None) if kit is not None else None

    moved = 0
    day = dt.date(2025, 1, 1)
    while day < dt.date(2029, 1, 1):
        since = in_force_since(dataset, day)
        assert since is not None and since <= day
        expected = content(day)
        between = since
        while between < day:
            assert content(between) == expected, f"the toolkit on {between} differs from {day}'s, yet {since} is its date"
            between += dt.timedelta(days=9)
        moved += content(day - dt.timedelta(days=30)) != expected
        day += dt.timedelta(days=30)
    assert moved, "the example data's frameworks and stages change what is in force over these years (or the test proves nothing)"
