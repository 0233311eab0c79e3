"""The browser editor driven as an editor would: ``python3 build.py edit``, the real Decap CMS, real files.

Set PARTNERSHIP_GUIDE_SCREENSHOTS to a folder to have these tests save the
guide's screenshots there (content/assets/guide/ holds the committed ones).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import AXE, NOW, ROOT, build_site, free_port_pair, load, run_cli

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("PARTNERSHIP_GUIDE_SCREENSHOTS")
NEW_EVENT = "data/events/2026-27/court-skills-for-social-workers.yml"
CANCELLED = "data/events/2026-27/hoarding-self-neglect-2027-01.yml"


class EditServer:
    """``python3 build.py edit`` on a project, started the way an editor starts it (through build.py's own process)."""

    def __init__(self, project: Path):
        self.project = project
        self.port = free_port_pair()
        self.preview = f"http://127.0.0.1:{self.port}/"
        self.url = f"http://127.0.0.1:{self.port + 1}/"
        """The editor's own origin (/admin/ and /api/v1), beside the preview's."""
        env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW)
        self.log = project / "edit.log"
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "partnership.cli", "edit", "--no-open", "--address", f"127.0.0.1:{self.port}"],
                cwd=project,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 120  # a runaway guard only: the first build takes seconds
        while "Serving on" not in self.log.read_text():
            assert self.process.poll() is None, self.log.read_text()
            assert time.monotonic() < deadline, self.log.read_text()
            time.sleep(0.2)

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=60)


@pytest.fixture
def editor(project: Path) -> Iterator[EditServer]:
    server = EditServer(project)
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.stop()


def _page(browser: Any, width: int = 1280, height: int = 900) -> Any:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    return context.new_page()


def _sign_in(page: Any, url: str) -> None:
    page.goto(url + "admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Events").first.wait_for()


def _open(page: Any, url: str, where: str) -> None:
    """Open ``where`` (the part after #) afresh: the CMS keeps the last entry's form when only the hash changes."""
    page.goto(url + "admin/#" + where)
    page.reload()
    page.locator("[id*='-field-']").first.wait_for()


def _expand(page: Any, summary: str) -> None:
    """Open the collapsed row of a list whose summary reads ``summary``."""
    row = page.get_by_text(summary, exact=True).first
    row.locator("xpath=ancestor::*[contains(@class, 'ListItem')][1]").locator("button").first.click()


def _choose(page: Any, name: str, option: str, nth: int = 0) -> None:
    box = page.locator(f"input[id^='{name}-field-']").nth(nth)
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()


def _publish(page: Any) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now", exact=True).click()
    try:
        page.get_by_text("Entry saved").first.wait_for()
    except Exception:
        page.screenshot(path=str(Path(tempfile.gettempdir()) / "partnership-editor-failed-save.png"))
        raise


def _panel(page: Any) -> Any:
    panel = page.locator("#partnership-problems")
    panel.get_by_role("heading").first.wait_for()
    return panel


def _shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def _wait_for(path: Path, pattern: str) -> str:
    deadline = time.monotonic() + 30
    while not (path.is_file() and re.search(pattern, path.read_text())):
        assert time.monotonic() < deadline, path.read_text() if path.is_file() else f"{path} was not written"
        time.sleep(0.2)
    return path.read_text()


def test_an_editor_adds_an_event_edits_a_partner_and_cancels_an_event(browser: Any, editor: EditServer) -> None:
    project, page = editor.project, _page(browser)
    stage = {s.id: s.name for s in load(project).pathways}
    _sign_in(page, editor.url)

    # Add an event, as people write it
    _open(page, editor.url, "/collections/events/new")
    page.locator("input[id^='title-field-']").first.fill("Court Skills for Social Workers")
    page.locator("textarea[id^='summary-field-']").fill("Writing evidence and giving it in the family court.")
    _choose(page, "type", "Workshop")
    _choose(page, "provider", "University of Riverside")
    _choose(page, "audience", stage["nqsw-asye"])
    _choose(page, "audience", stage["early-career"])
    _choose(page, "services", "children")
    _choose(page, "format", "Online")
    page.get_by_role("button", name="Add sessions").click()
    page.get_by_label("Start", exact=True).fill("2027-02-10T09:30")
    page.get_by_label("End", exact=True).fill("2027-02-10T12:30")
    _choose(page, "frameworks", "PCF 5 Knowledge")
    page.locator("input[id^='booking-field-']").fill("https://www.example.org/book/court-skills")
    page.locator("input[id^='title-field-']").first.scroll_into_view_if_needed()
    _shot(page, "editor-new-event")
    _publish(page)
    saved = _wait_for(project / NEW_EVENT, "pcf:5")
    assert saved.startswith("# yaml-language-server: $schema=../../../schema/event.schema.json\n")
    for line in (
        "title: Court Skills for Social Workers",
        "  - start: 2027-02-10T09:30",
        "    end: 2027-02-10T12:30",
        "  - pcf:5",
        "provider: university-of-riverside",
    ):
        assert line in saved.splitlines(), saved
    assert "programme_year" not in saved
    assert "Saved. The data has no problems" in _panel(page).inner_text()

    # Edit a partner: partners.yml is one list, saved as the list
    _open(page, editor.url, "/collections/partners/entries/partners")
    _expand(page, "Harbour Family Trust")
    name = page.locator("input[id^='name-field-'][value='Harbour Family Trust']")
    name.fill("Harbour Family and Fostering Trust")
    _publish(page)
    partners = _wait_for(project / "data/partners.yml", "Harbour Family and Fostering Trust")
    assert partners.startswith("# yaml-language-server: $schema=../schema/partners.schema.json\n")
    assert "\n- id: riverside-children\n" in partners

    # Cancel an event
    _open(page, editor.url, "/collections/events/entries/2026-27/hoarding-self-neglect-2027-01")
    _choose(page, "status", "Cancelled (cancelled)")
    page.locator("textarea[id^='status_note-field-']").fill("The trainer is unwell; a new date will follow.")
    _shot(page, "editor-cancel-event")
    _publish(page)
    _wait_for(project / CANCELLED, "status: cancelled")

    # The files are where the contract puts them, the check passes, and the built pages show the changes
    assert run_cli(project, "check").returncode == 0
    result = build_site(project, "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    event = (site / "events/court-skills-for-social-workers/index.html").read_text()
    assert "Court Skills for Social Workers" in event and "10 February 2027" in event
    assert "Harbour Family and Fostering Trust" in (site / "partners/harbour-family-trust/index.html").read_text()
    cancelled = (site / "events/hoarding-self-neglect-2027-01/index.html").read_text()
    assert "Cancelled" in cancelled and "The trainer is unwell" in cancelled


def test_a_figure_recorded_and_a_mistake_shown_with_what_to_change(browser: Any, editor: EditServer) -> None:
    project, page = editor.project, _page(browser)
    _sign_in(page, editor.url)
    _open(page, editor.url, "/collections/metrics/entries/placements")
    _expand(page, "Statutory placements offered by partners")
    _expand(page, "2025-26: 171")
    figure = page.locator("input[id^='value-field-'][value='171']")
    figure.fill("174")
    _shot(page, "editor-report-figure")
    _publish(page)
    _wait_for(project / "data/metrics/placements.yml", "2025-26: 174")
    assert "no problems" in _panel(page).inner_text()

    # A careless edit: a figure typed with its unit
    figure = page.locator("input[id^='value-field-'][value='174']")
    figure.press("End")
    figure.press_sequentially(" placements")
    _publish(page)
    panel = _panel(page)
    expect(panel).to_contain_text("cannot be published", timeout=30_000)
    text = panel.inner_text()
    assert "the site cannot be published until" in text
    assert re.search(
        r"data/metrics/placements\.yml:\d+:\d+ measures\[\d\]\.values\.2025-26: '174 placements' is not a value; write a number", text
    ), text
    _shot(page, "editor-problem")
    # axe finds nothing in what this site adds to the editor (the problems panel)
    page.evaluate(AXE.read_text())  # as a script of the test's own: the page's policy allows none inline
    found = page.evaluate("async () => (await axe.run('#partnership-problems')).violations.map(v => v.id)")
    assert found == []


@pytest.mark.parametrize("width", [390, 1280])
def test_admin_makes_no_request_to_another_origin_before_sign_in(browser: Any, site_url: str, width: int) -> None:
    """The published /admin/ (GitHub backend) loads everything from the site itself until someone signs in."""
    page = _page(browser, width=width, height=844 if width < 600 else 900)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "admin/")
    page.get_by_role("button", name=re.compile("Login with GitHub")).wait_for()
    page.wait_for_timeout(500)
    others = [url for url in requests if not url.startswith(site_url)]
    assert others == [] and errors == []
    assert len(requests) > 3


def test_axe_finds_nothing_in_the_editors_own_page(browser: Any, site_url: str) -> None:
    """What the site adds to /admin/ (its page and the problems panel, shown) has no violation; the CMS's own are listed in README."""
    page = _page(browser)
    page.goto(site_url + "admin/")
    page.get_by_role("button", name=re.compile("Login with GitHub")).wait_for()
    page.evaluate(
        """() => { const p = document.getElementById('partnership-problems'); p.hidden = false;
        p.innerHTML = '<h2>Saved, but the site cannot be published until this problem is fixed</h2><ul><li><code>data/site.yml:3:8</code> x</li></ul><button type="button">Hide this message</button>'; }"""
    )
    page.evaluate(AXE.read_text())  # as a script of the test's own: the page's policy allows none inline
    ours = page.evaluate("async () => (await axe.run({include: ['#partnership-problems']})).violations.map(v => v.id)")
    assert ours == []
    whole = page.evaluate("async () => (await axe.run({runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']})).violations")
    theirs = {v["id"] for v in whole if not any("partnership-problems" in " ".join(n["target"]) for n in v["nodes"])}
    mine = [v["id"] for v in whole if any("partnership-problems" in " ".join(n["target"]) for n in v["nodes"])]
    assert mine == []
    print("Decap CMS's own axe violations on the sign-in page:", json.dumps(sorted(theirs)))


def test_stopping_edit_leaves_no_process_or_folder_behind(project: Path) -> None:
    """SIGTERM to build.py (as a service manager or Ctrl+C from another terminal sends it) stops the server it started."""
    port = free_port_pair()
    private = project / "tmp"  # the server's temporary folders, where no other test's land
    private.mkdir()
    env = dict(os.environ, PARTNERSHIP_NOW=NOW, TMPDIR=str(private))
    # build.py as an editor runs it, in a project that shares this one's installed .venv (same locks, so nothing is installed)
    for part in (
        "build.py",
        "requirements.lock",
        "pyproject.toml",
        "plugins/partnership/core/cms/npm/package.json",
        "plugins/partnership/core/cms/npm/package-lock.json",
    ):
        (project / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / part, project / part)
    (project / ".venv").symlink_to(ROOT / ".venv")
    log = project / "edit.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, str(project / "build.py"), "edit", "--no-open", "--address", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 300
    while "Serving on" not in log.read_text():
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.2)
    children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
    assert children, "build.py runs the editor in a process of its own"
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0, log.read_text()
    for child in children:
        assert not Path(f"/proc/{child}").exists(), f"process {child} was left running"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))  # the port is free again
    assert list(private.iterdir()) == [], "the preview's and the editor's temporary folders are removed"


def test_only_the_editors_own_page_may_write_files(editor: EditServer) -> None:
    """Another web page open in the same browser, or a rebound host name, cannot save through the backend."""
    import urllib.error
    import urllib.request

    body = json.dumps(
        {"action": "persistEntry", "params": {"dataFiles": [{"path": "data/site.yml", "raw": "name: Hacked\n"}], "assets": []}}
    ).encode()
    before = (editor.project / "data/site.yml").read_text()
    attempts = [
        {"Content-Type": "application/json", "Origin": "https://evil.example"},
        {"Content-Type": "text/plain"},  # a "simple" request, sent cross-origin without asking
        {"Content-Type": "application/json", "Host": "evil.example"},
    ]
    for headers in attempts:
        request = urllib.request.Request(editor.url + "api/v1", data=body, headers=headers, method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 403, headers
    assert (editor.project / "data/site.yml").read_text() == before
    own = urllib.request.Request(
        editor.url + "api/v1",
        data=json.dumps({"action": "info"}).encode(),
        headers={"Content-Type": "application/json", "Origin": editor.url.rstrip("/")},
    )
    with urllib.request.urlopen(own, timeout=30) as answer:
        assert json.loads(answer.read())["publish_modes"] == ["simple"]


def test_edit_listens_on_this_computer_only(project: Path) -> None:
    result = run_cli(project, "edit", "--no-open", "--address", "0.0.0.0:8123")
    assert result.returncode == 1
    assert "listens on this computer only" in result.stderr
