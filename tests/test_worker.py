"""The build's other process: the one that writes the files and draws the charts (and the PDF printers it starts)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import NOW_INSTANT, ROOT, load
from partnership.core.build import SiteBuild
from partnership.core.worker import can_fork

pytestmark = [
    pytest.mark.skipif(not can_fork(), reason="the build works in one process where it cannot fork"),
    pytest.mark.slow,  # each test builds the example (out of the --quick lane)
]


def children(pid: int) -> set[int]:
    """The live Python processes whose parent is ``pid`` (from /proc; fc-list, which it also runs, is left out)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, rest = stat.read_text().rsplit(")", 1)
        except OSError:
            continue
        fields = rest.split()
        if int(fields[1]) == pid and fields[0] != "Z" and "python" in name:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_cancelling_a_build_stops_the_pdf_printers_too(tmp_path: Path) -> None:
    build = SiteBuild(load(ROOT), NOW_INSTANT, cache_dir=tmp_path / ".cache", parallel=True, log=lambda _: None)
    build.start_outputs(tmp_path / "site")
    worker = build._job._process.pid  # type: ignore[union-attr]
    deadline = time.monotonic() + 120
    pages = iter(build.pages)
    printers: set[int] = set()
    while not printers and time.monotonic() < deadline:
        page = next(pages, None)  # pages are written meanwhile, as in a build
        if page is not None:
            build.page_html(page)
        seen = children(worker)
        time.sleep(0.3)
        printers = seen & children(worker)  # still there: printers, not a passing fc-list
    assert printers, "the worker started no PDF printers"
    build.cancel()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in printers | {worker}) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in printers | {worker})


def test_pages_are_the_same_whether_or_not_the_build_forks(tmp_path: Path) -> None:
    dataset = load(ROOT)
    alone = SiteBuild(dataset, NOW_INSTANT, pdf=False, downloads=False, parallel=False, log=lambda _: None)
    shared = SiteBuild(dataset, NOW_INSTANT, pdf=False, downloads=False, parallel=True, log=lambda _: None)
    alone.start_outputs(tmp_path / "alone")
    shared.start_outputs(tmp_path / "shared")
    charted = [page for page in shared.pages if page.charts]
    by_url = {page.url: page for page in alone.pages}
    for page in shared.pages:
        assert shared.page_html(page) == alone.page_html(by_url[page.url]), page.url
        assert shared.search_html(page) == alone.search_html(by_url[page.url]), page.url
    shared.finish()
    alone.finish()
    assert charted  # their charts came from the other process
