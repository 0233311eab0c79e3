"""Preview benchmark: from saving an event's YAML file to the browser showing the change.

    .venv/bin/python benchmarks/preview.py

Starts ``python3 build.py serve`` on a copy of the example site, opens the
catalogue in Chromium, changes an event's title, and times how long until
the browser is on that event's page showing the new title (the preview
follows the edit). Repeats five times and prints the times. Goal (issue 7):
under 3 s.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="preview-bench-"))
    for part in ("data", "content", "theme", "mkdocs.yml"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    port = free_port()
    env = dict(os.environ, PARTNERSHIP_ROOT=str(folder), PARTNERSHIP_NOW="2026-11-22T12:00")
    server = subprocess.Popen(
        [sys.executable, "-m", "partnership.cli", "serve", "--address", f"127.0.0.1:{port}"],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    event = folder / "data/events/2026-27/young-carers-2026-12.yml"
    times = []
    try:
        with sync_playwright() as playwright:
            chromium = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
            browser = playwright.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
            page = browser.new_page()
            for _ in range(60):
                try:
                    page.goto(f"http://127.0.0.1:{port}/events/", timeout=2000)
                    break
                except Exception:
                    time.sleep(0.5)
            for n in range(5):
                page.goto(f"http://127.0.0.1:{port}/events/")
                title = f"Supporting Young Carers, take {n + 1}"
                started = time.perf_counter()
                text = event.read_text()
                event.write_text(text.replace(text.split("\n")[3], f"title: {title}"))
                page.wait_for_selector(f"h1:has-text('{title}')", timeout=30000)
                times.append(time.perf_counter() - started)
            browser.close()
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)
    print("Save to page shown (s):", ", ".join(f"{t:.2f}" for t in times))
    print(f"Median {statistics.median(times):.2f} s; worst {max(times):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
