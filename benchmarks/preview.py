"""Preview benchmark: from saving an event's YAML file to the browser showing the change.

    .venv/bin/python benchmarks/preview.py          # the example site
    .venv/bin/python benchmarks/preview.py 3000     # with 3,000 generated events (catalogue.py's)

Starts ``python3 build.py serve`` on a copy of the example site (or of
:mod:`catalogue`'s site with N events), opens the catalogue in Chromium,
changes an event's title, and times how long until the browser is on that
event's page showing the new title (the preview follows the edit). Repeats
five times and prints the times and their median, under the load average
(the figures may be recorded only when it was under 1: :mod:`common`).
Goal (issue 28): at most 1 s at 3,000 events.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from catalogue import make_site
from common import Session, cli, copy_example, site_env, wait_for_quiet
from playwright.sync_api import sync_playwright


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Time the preview from saving an event to the browser showing it.")
    parser.add_argument("events", nargs="?", type=int, default=0, help="generated events (default: the example site's)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--wait", type=float, default=0, help="minutes to wait for a quiet machine first")
    args = parser.parse_args(argv)
    wait_for_quiet(args.wait)
    folder = Path(tempfile.mkdtemp(prefix="preview-bench-"))
    if args.events:
        project = make_site(folder, args.events)
        event = project / "data/events/bench-event-00007.yml"
    else:
        project = copy_example(folder)
        event = project / "data/events/2026-27/young-carers-2026-12.yml"
    port = free_port()
    session = Session()
    server = subprocess.Popen(
        [*cli("serve"), "--address", f"127.0.0.1:{port}"],
        cwd=project,
        env=site_env(project),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    times = []
    try:
        with sync_playwright() as playwright:
            chromium = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
            browser = playwright.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
            page = browser.new_page()
            for _ in range(600):
                try:
                    page.goto(f"http://127.0.0.1:{port}/events/", timeout=2000)
                    break
                except Exception:
                    time.sleep(0.5)
            for n in range(args.repeats):
                page.goto(f"http://127.0.0.1:{port}/events/")
                title = f"A renamed event, take {n + 1}"
                started = time.perf_counter()
                lines = event.read_text().split("\n")
                event.write_text("\n".join(f"title: {title}" if line.startswith("title: ") else line for line in lines))
                page.wait_for_selector(f"h1:has-text('{title}')", timeout=300_000)
                times.append(time.perf_counter() - started)
            browser.close()
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)
    session.end()
    print(session.header(f"the preview, save to page shown, {args.events or 'the example'} events"))
    print("Save to page shown (s):", ", ".join(f"{t:.2f}" for t in times))
    print(f"Median {statistics.median(times):.2f} s; worst {max(times):.2f} s (goal: at most 1 s at 3,000 events)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
