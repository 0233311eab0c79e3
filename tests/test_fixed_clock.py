"""Every test runs at one fixed instant, NOW: in the builds, in Python, and in the browser.

These guard the guards in conftest.py: if one of them stopped fixing the
clock, the suite would start to depend on today's date again (as it did on
1 December 2026, when the CPD year rolled over under a browser running on
the real clock).
"""

from __future__ import annotations

import ast
import datetime as dt
import os
from pathlib import Path

import lxml.etree
import pytest

from conftest import LONDON, NOW, NOW_INSTANT, ROOT

MINUTE_MS = 60_000


def test_python_runs_at_now() -> None:
    assert abs(dt.datetime.now(LONDON) - NOW_INSTANT) < dt.timedelta(minutes=1)
    assert abs(dt.date.today() - NOW_INSTANT.date()) <= dt.timedelta(days=1)  # date.today() is in the machine's zone
    assert os.environ["PARTNERSHIP_NOW"] == NOW, "a build started by a test without saying when runs at NOW too"


@pytest.mark.browser
def test_every_browser_context_and_page_runs_at_now(browser, site_url: str) -> None:
    context = browser.new_context()
    pages = [context.new_page(), browser.new_page()]
    for page in pages:
        page.goto(site_url + "my-cpd/")
        assert abs(page.evaluate("() => Date.now()") - NOW_INSTANT.timestamp() * 1000) < MINUTE_MS
        assert page.evaluate("() => Intl.DateTimeFormat().resolvedOptions().timeZone") == "Europe/London"
    context.close()
    pages[1].context.close()


def test_no_test_starts_a_browser_of_its_own() -> None:
    """Only the browser fixture launches Chromium, so every browser in the tests runs on the fixed clock."""
    offenders = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        if path.name == "conftest.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
            if name in ("sync_playwright", "async_playwright", "launch", "launch_persistent_context"):
                offenders.append(f"{path.name}:{node.lineno}: {name}")
    assert not offenders, "use the browser fixture instead:\n" + "\n".join(offenders)


def test_the_sitemap_is_dated_by_the_build_clock(built: Path) -> None:
    """MkDocs dates the sitemap with today's date unless told otherwise; the build tells it its own time."""
    tree = lxml.etree.parse(str(built / "sitemap.xml"))
    dates = {element.text for element in tree.iter("{*}lastmod")}
    assert dates == {NOW[:10]}
