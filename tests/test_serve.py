"""The live preview: it follows an edit to the page that shows it, and shows data problems until they are fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import NOW

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
        context.close()
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Saved young-carers-2026-12.yml: opening /events/young-carers-2026-12/" in output
