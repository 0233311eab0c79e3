"""The live preview: it follows an edit to the page that shows it, and shows data problems until they are fixed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import NOW, free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_preview_follows_edits_and_shows_problems(project: Path, browser) -> None:
    port = free_port()
    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW)
    server = subprocess.Popen(
        [sys.executable, "-m", "partnership.cli", "serve", "--address", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    event = project / "data/events/2026-27/young-carers-2026-12.yml"
    try:
        context = browser.new_context()
        page = context.new_page()
        for _ in range(120):
            try:
                page.goto(f"http://127.0.0.1:{port}/events/", timeout=2000)
                break
            except Exception:
                time.sleep(0.5)
        assert page.url.endswith("/events/")
        event.write_text(event.read_text().replace("title: Supporting Young Carers", "title: Supporting Young Carers at Home"))
        page.wait_for_url("**/events/young-carers-2026-12/", timeout=30000)
        page.wait_for_selector("h1:has-text('Supporting Young Carers at Home')", timeout=30000)
        event.write_text(event.read_text().replace("type: webinar", "type: webinr"))
        page.wait_for_selector("text=The data has 1 problem", timeout=30000)
        assert "type: 'webinr' is not allowed here (did you mean webinar?)" in page.inner_text("li")
        event.write_text(event.read_text().replace("type: webinr", "type: webinar"))
        page.wait_for_selector("h1:has-text('Supporting Young Carers at Home')", timeout=30000)
        # A file YAML cannot read: the problems page shows its lines with a caret.
        event.write_text(event.read_text().replace("summary: Young carers", "summary Young carers"))
        page.wait_for_selector("text=The data has 1 problem", timeout=30000)
        assert "line 5 has no colon after its field name" in page.inner_text("li")
        assert "  > 5 | summary Young carers" in page.inner_text("pre")
        # A likely typo: the site is built, and every page of the preview lists the warning.
        event.write_text(
            event.read_text()
            .replace("summary Young carers", "summary: Young carers")
            .replace(
                "  - {start: 2026-12-09T12:30, end: 2026-12-09T13:30}",
                "  - {start: 2026-12-09T12:30, end: 2026-12-09T13:30}\n  - {start: 2062-12-16T12:30, end: 2062-12-16T13:30}",
            )
        )
        page.wait_for_selector("aside[aria-label='Warnings about the data']", timeout=30000)
        panel = page.inner_text("aside[aria-label='Warnings about the data']")
        assert "1 warning in the data" in panel and "sessions[2].start: 2062-12-16 is 13156 days from the event's other sessions" in panel
        context.close()
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Saved young-carers-2026-12.yml: opening /events/young-carers-2026-12/" in output
