"""The command line, used as staff and CI use it: exit statuses, messages, and atomic builds."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import build_site, run_cli


def tree_digest(folder: Path) -> str:
    """One hash of every file's path and bytes under ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_check_passes_on_the_example(project: Path) -> None:
    result = run_cli(project, "check", timeout=120)  # only a runaway; check's speed is measured in benchmarks/
    assert result.returncode == 0, result.stderr
    assert "data/ is valid: 50 events, 11 partners, 10 career stages, 10 frameworks" in result.stdout


def test_check_lists_every_problem_and_exits_1(project: Path) -> None:
    (project / "data/events/2026-27/young-carers-2026-12.yml").write_text(
        (project / "data/events/2026-27/young-carers-2026-12.yml").read_text().replace("type: webinar", "type: webinars")
    )
    pathways = project / "data/pathways.yml"
    pathways.write_text(pathways.read_text().replace("pcf_level: asye", "pcf_level: nqsw"))
    result = run_cli(project, "check")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("data/events/2026-27/young-carers-2026-12.yml:")
    assert "type: 'webinars' is not allowed here (did you mean webinar?)" in lines[0]
    assert lines[1].startswith("data/pathways.yml:40:14: pcf_level: 'nqsw' is not a level of the PCF")
    assert lines[-1] == "2 problems found; nothing was published."


def test_check_reports_unknown_blocks_in_content(project: Path) -> None:
    (project / "content/about.md").write_text("# About\n\n[[upcoming-eventz]]\n")
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert "content/about.md:3:1: [[upcoming-eventz]] is not a block this site knows; allowed: latest-report" in result.stderr


@pytest.mark.slow
def test_bad_data_leaves_the_last_good_site_unchanged(project: Path) -> None:
    first = build_site(project, "--no-pdf")  # the last good site (the command under test is the second build)
    assert first.returncode == 0, first.stdout + first.stderr
    before = tree_digest(project / "site")
    event = project / "data/events/2026-27/young-carers-2026-12.yml"
    event.write_text(event.read_text().replace("audience: [", "audience: [astronaut, "))
    second = run_cli(project, "build", "--no-pdf")
    assert second.returncode == 1
    assert "audience: 'astronaut' is not a career stage" in second.stderr
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".site-build-*")), "the temporary build folder was left behind"


@pytest.mark.slow
def test_a_failing_page_build_leaves_the_site_unchanged(project: Path) -> None:
    first = build_site(project, "--no-pdf")  # the last good site (the command under test is the second build)
    assert first.returncode == 0, first.stdout + first.stderr
    before = tree_digest(project / "site")
    # A broken link is a warning, and warnings fail a strict build.
    (project / "content/about.md").write_text("# About\n\n[Nowhere](no-such-page.md)\n")
    second = run_cli(project, "build", "--no-pdf")
    assert second.returncode == 1
    assert "no-such-page.md" in second.stdout + second.stderr
    assert "Nothing was published; site/ is unchanged." in second.stderr
    assert tree_digest(project / "site") == before


@pytest.mark.slow
def test_a_file_at_an_address_the_site_makes_fails_the_build(project: Path) -> None:
    """A hand-written file may not share an address with a generated one (which would win is left to chance)."""
    (project / "content/calendar.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    result = run_cli(project, "build", "--no-pdf")
    assert result.returncode == 1
    assert "content/calendar.ics:1:1: this file would be published at /calendar.ics, where the site makes /calendar.ics" in result.stderr
    assert not (project / "site").exists()


@pytest.mark.slow
def test_build_replaces_the_site_and_shows_progress(project: Path) -> None:
    result = run_cli(project, "build", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert "[1/3] Checking data/ and content/" in result.stdout
    assert "[2/3] Building pages" in result.stdout
    assert "[3/3] Publishing site/" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr
    assert (project / "site/index.html").is_file()
    stale = project / "site/stale.txt"
    stale.write_text("left from an old build")
    again = build_site(project, "--no-pdf")  # the same publishing code, without starting Python again
    assert again.returncode == 0
    assert not stale.exists()


@pytest.mark.slow
def test_help_and_usage_errors(project: Path) -> None:
    for args in (["--help"], ["check", "--help"], ["build", "--help"], ["serve", "--help"], ["test", "--help"]):
        result = run_cli(project, *args)
        assert result.returncode == 0, args
        assert "usage: python3 build.py" in result.stdout
    wrong = run_cli(project, "bulid")
    assert wrong.returncode == 2
    assert "invalid choice: 'bulid'" in wrong.stderr


@pytest.mark.slow
def test_a_build_leaves_the_process_as_it_found_it(project: Path) -> None:
    """What a build changes for itself is scoped to it: the collector's setting and SOURCE_DATE_EPOCH (tests and the preview build in one process)."""
    import contextlib
    import gc
    import io
    import os

    from conftest import _environment
    from partnership import cli

    thresholds = gc.get_threshold()
    assert thresholds != (50_000, 20, 20), "the build's own setting must differ from the default for this to show anything"
    with (
        _environment(PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW="2026-11-22T12:00", SOURCE_DATE_EPOCH=None),
        contextlib.chdir(project),
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()) as err,
    ):
        assert cli.main(["build", "--no-pdf"]) == 0, err.getvalue()
        assert "SOURCE_DATE_EPOCH" not in os.environ
    assert gc.get_threshold() == thresholds


def test_the_cached_dataset_cannot_be_changed(project: Path) -> None:
    """The loader's cache hands the same dataset to the check, the build and the preview: nothing may change it."""
    import dataclasses

    from pydantic import ValidationError

    from partnership.core.load import load_dataset_cached

    dataset = load_dataset_cached(project / "data", project / "content")
    assert load_dataset_cached(project / "data", project / "content") is dataset
    event, report = dataset.events[0], dataset.reports[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        dataset.events = ()
    with pytest.raises(AttributeError):
        dataset.events.append(event)
    with pytest.raises(TypeError):
        dataset.metrics["extra"] = dataset.metrics[report.sections[0].metrics or ""]
    with pytest.raises(TypeError):
        dataset.event_by_id["extra"] = event
    with pytest.raises(ValidationError, match="frozen"):
        event.title = "Changed"
    assert load_dataset_cached(project / "data", project / "content").events[0].title == event.title
