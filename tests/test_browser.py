"""The built site in a real browser: WCAG 2.2 AA with axe-core, keyboard use, privacy, no-JavaScript use.

Debian's Chromium, driven by Playwright, loads pages served from 127.0.0.1.
axe-core comes from npm (tests/package.json, installed by build.py test).
Every page is checked at a phone and a desktop width, against the WCAG 2.0,
2.1 and 2.2 A and AA rules. Reviewed exceptions, each with its reason, are
in ACCEPTED below; the list is empty unless a reason is written down.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import docx
import pytest

pytestmark = pytest.mark.browser

from conftest import AXE  # noqa: E402  (the browser fixture lives in conftest)

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PAGES = [
    "",
    "events/",
    "events/?stage=nqsw-asye&service=children",
    "events/early-career-managers-2027/",
    "pathways/",
    "pathways/nqsw-asye/",
    "pathways/nqsw-ecdp/",
    "frameworks/pcf/",
    "frameworks/pcf/values-ethics/",
    "frameworks/kss-cf/",
    "frameworks/kss-cf/supervision/",
    "frameworks/coverage/",
    "reports/2025-26/",
    "reports/measures/independent-pes/",
    "toolkit/",
    "my-cpd/",
    "accessibility/",
    "privacy/",
]

#: Reviewed axe findings we accept: (rule id, page) → why. Keep it short and honest.
ACCEPTED: dict[tuple[str, str], str] = {}


def axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary).slice(0, 5)}));
        }""",
        WCAG,
    )
    return result


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
def test_wcag_22_aa(browser, site_url: str, path: str, width: str) -> None:
    context = browser.new_context(viewport=WIDTHS[width], bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    violations = [v for v in axe(page) if (v["id"], path) not in ACCEPTED]
    context.close()
    assert not violations, "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in violations)


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_the_site(browser, site_url: str, path: str) -> None:
    context = browser.new_context(viewport=WIDTHS["desktop"])
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + path, wait_until="networkidle")
    page.fill("input.md-search__input", "court") if path == "" else None
    page.wait_for_timeout(300)
    context.close()
    outside = [url for url in requests if urlsplit(url).hostname != "127.0.0.1" and not url.startswith(("data:", "blob:"))]
    assert not outside, outside
    assert not errors, errors  # no script errors, no Content-Security-Policy refusals


def tab_to(page, predicate: str, limit: int = 120) -> None:
    """Press Tab until ``predicate`` (JS, about document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!({predicate}); }}"):
            return
    raise AssertionError(f"Tab never reached: {predicate}")


def test_catalogue_filters_by_keyboard_alone(browser, site_url: str) -> None:
    context = browser.new_context(viewport=WIDTHS["desktop"])
    page = context.new_page()
    page.goto(site_url + "events/", wait_until="networkidle")
    total = page.locator("[data-cpd-list] > li").count()
    tab_to(page, "e.id === 'cpd-f-stage'")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    chosen = page.eval_on_selector("#cpd-f-stage", "s => s.value")
    assert chosen == "nqsw-asye"
    count = page.text_content("[data-cpd-count]")
    visible = page.locator("[data-cpd-list] > li:not([hidden])").count()
    assert 0 < visible < total and count.startswith(f"{visible} event")
    assert "stage=nqsw-asye" in page.url
    tab_to(page, "e.tagName === 'SUMMARY'")
    page.keyboard.press("Enter")
    tab_to(page, "e.id === 'cpd-f-format'")
    page.keyboard.press("ArrowDown")  # in-person
    narrowed = page.locator("[data-cpd-list] > li:not([hidden])").count()
    assert narrowed <= visible and "format=in-person" in page.url
    tab_to(page, "e.type === 'reset'")
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert page.locator("[data-cpd-list] > li:not([hidden])").count() == total
    assert page.url.endswith("/events/")
    context.close()


def test_navigation_by_keyboard(browser, site_url: str) -> None:
    context = browser.new_context(viewport=WIDTHS["desktop"])
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')"), "the first Tab reaches the skip link"
    tab_to(page, "e.classList.contains('md-tabs__link') && e.textContent.trim() === 'Find CPD'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/events/")
    context.close()


@pytest.mark.parametrize("path", ["reports/2025-26/", "events/"])
def test_focus_is_never_hidden_under_the_header(browser, site_url: str, path: str) -> None:
    """WCAG 2.4.11: a focused element is not entirely hidden by the sticky header."""
    context = browser.new_context(viewport={"width": 1280, "height": 700})
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    checked = 0
    for _ in range(150):
        page.keyboard.press("Tab")
        # let the browser finish scrolling the newly focused element into view
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        box = page.evaluate(
            """() => {
                const e = document.activeElement, h = document.querySelector('.md-header');
                // the skip link is drawn over the header on purpose, on top of it
                if (!e || e === document.body || h.contains(e) || e.classList.contains('md-skip')) return null;
                const r = e.getBoundingClientRect(), hr = h.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) return null;
                return {bottom: r.bottom, top: r.top, header: hr.bottom, tag: e.tagName, text: e.textContent.slice(0, 40)};
            }"""
        )
        if box is None:
            continue
        checked += 1
        assert box["bottom"] > box["header"], f"{box['tag']} '{box['text']}' is hidden under the header"
    assert checked > 30
    context.close()


def test_catalogue_without_javascript(browser, site_url: str, built: Path) -> None:
    context = browser.new_context(viewport=WIDTHS["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "events/")
    assert not page.is_visible("[data-cpd-filters]"), "the filter form needs JavaScript, so it stays hidden"
    page.click("summary:has-text('Filter')")
    page.click("summary:has-text('Career stage')")
    page.click("a[data-cpd-value='practice-educator']")
    page.wait_for_load_state()
    assert page.url.endswith("/events/stage/practice-educator/")
    assert page.locator("li.cpd-row").count() >= 1
    context.close()


def test_catalogue_on_a_phone_shows_results_first(browser, site_url: str) -> None:
    """At 390×844 the first event is on the first screen, with its date, format, stages and a Book link; the filters wait behind "Filter"."""
    context = browser.new_context(viewport=WIDTHS["phone"])
    page = context.new_page()
    page.goto(site_url + "events/", wait_until="networkidle")
    first = page.locator("[data-cpd-list] > li").first
    box = first.bounding_box()
    assert box is not None and box["y"] + 60 < WIDTHS["phone"]["height"], f"the first result starts at {box}"
    assert box["height"] < 300, f"a card is {box['height']} px tall"
    assert first.locator(".cpd-card__when").is_visible() and first.locator("dt:has-text('Format')").is_visible()
    assert first.locator("dt", has_text=re.compile(r"^For$")).is_visible() and not first.locator(".cpd-card__summary").is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= WIDTHS["phone"]["width"]
    assert not page.is_visible("#cpd-f-stage"), "the filters wait behind the Filter control"
    toggle = page.locator("summary[data-cpd-toggle]")
    assert toggle.inner_text().strip().startswith("Filter")
    toggle.click()
    page.select_option("#cpd-f-stage", "nqsw-asye")
    page.select_option("#cpd-f-service", "children")
    assert page.inner_text("summary[data-cpd-toggle]").replace("\n", " ").startswith("Filter (2)")
    toggle.click()
    shown = page.locator("[data-cpd-list] > li:not([hidden])").first
    assert shown.bounding_box()["y"] < WIDTHS["phone"]["height"]
    booked = page.locator("[data-cpd-list] > li .cpd-card__book a").first
    assert booked.inner_text().startswith("Book a place") and booked.get_attribute("href").startswith("https://")
    page.goto(site_url + "events/?stage=nqsw-asye", wait_until="networkidle")
    assert "(1)" in page.inner_text("summary[data-cpd-toggle]"), "a shared link says how many filters are on"
    context.close()


def test_my_cpd_record_downloads_a_word_document(browser, site_url: str, tmp_path: Path) -> None:
    """The tests' instant is 22 November 2026: the Peer Reflection Circle on the 25th is planned, and pre-marked as peer reflection."""
    context = browser.new_context(viewport=WIDTHS["desktop"], accept_downloads=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "events/peer-reflection-circle-2026-11/", wait_until="networkidle")
    page.click("[data-mycpd-toggle]")
    assert page.get_attribute("[data-mycpd-toggle]", "aria-pressed") == "true"
    page.goto(site_url + "events/strengths-based-practice-2026-03/", wait_until="networkidle")
    page.click("[data-mycpd-toggle]")
    page.goto(site_url + "my-cpd/", wait_until="networkidle")
    summary = page.text_content("[data-mycpd-summary]")
    assert "Status: not yet" in summary
    assert "This CPD year (1 December 2025 to 30 November 2026): 1 piece of CPD, 0 with peer reflection; 1 more planned" in summary
    assert page.is_checked("#mycpd-peer-1"), "an event tagged peer-reflection arrives marked as such"
    assert page.inner_text(".cpd-item:nth-child(2) .cpd-item__title").endswith("Planned")
    page.check("#mycpd-peer-0")
    assert "Status: not yet. You need 1 more piece of CPD by 30 November 2026." in page.text_content("[data-mycpd-summary]")
    page.fill("#mycpd-title", "Reading group: the Mental Capacity Act")
    page.fill("#mycpd-date", "2026-06-10")
    page.click("button:has-text('Add to my record')")
    assert "Status: done" in page.text_content("[data-mycpd-summary]")
    page.fill("#mycpd-notes-0", "What I learned about strengths.")
    assert page.input_value("#mycpd-year") == "2026"
    assert page.inner_text("#mycpd-year option:checked") == "1 Dec 2025 to 30 Nov 2026 (this year)"
    with page.expect_download() as download:
        page.click("[data-mycpd-download='docx']")
    assert download.value.suggested_filename == "my-cpd-record-to-30-november-2026.docx"
    target = tmp_path / "record.docx"
    download.value.save_as(target)
    document = docx.Document(target)
    assert document.core_properties.title == "My CPD record"
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("CPD year: 1 December 2025 to 30 November 2026.") for t in texts), texts[:4]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["1. Strengths-Based Practice", "2. Reading group: the Mental Capacity Act"], "the planned circle is left out"
    assert "What I learned about strengths." in texts
    assert [c.text for c in document.tables[0].rows[1].cells] == ["Date", "4 March 2026"]
    assert any(url.endswith("/assets/javascripts/vendor/docx/docx.iife.js") for url in requests), "the docx library, from this site"
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in requests if not url.startswith(("blob:", "data:")))
    stored = page.evaluate("() => Object.keys(localStorage)")
    assert stored == ["partnership-mycpd"], "only the key the privacy page lists"
    context.close()


def test_my_cpd_on_a_phone_is_one_card_per_item(browser, site_url: str) -> None:
    context = browser.new_context(viewport=WIDTHS["phone"], bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + "my-cpd/", wait_until="networkidle")
    long_title = "Reading group on the Mental Capacity Act: assessing capacity well in complex decisions"
    page.evaluate(
        """(title) => localStorage.setItem("partnership-mycpd", JSON.stringify({version: 1, items: [
            {id: "strengths-based-practice-2026-03", title: "Strengths-Based Practice", date: "2026-03-04", hours: "6",
             provider: "Riverside Borough Council Adult Social Care", maps: [], peer: false, notes: "Notes"},
            {id: "own-1", title: title, date: "2026-06-10", hours: "1.5", provider: "", maps: [], peer: true, notes: ""},
            {id: "peer-reflection-circle-2026-11", title: "Peer Reflection Circle", date: "2026-11-25", hours: "1.5",
             provider: "", maps: [], peer: true, notes: ""}]}))""",
        long_title,
    )
    page.reload(wait_until="networkidle")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= WIDTHS["phone"]["width"], "no sideways scrolling"
    cards = page.locator("ol.cpd-items > li")
    assert cards.count() == 3
    for index in range(3):
        box = cards.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS["phone"]["width"]
        for part in ("textarea", "button:has-text('Remove')", "input[type=checkbox]"):
            inner = cards.nth(index).locator(part).bounding_box()
            assert inner["x"] + inner["width"] <= WIDTHS["phone"]["width"], part
    title = cards.nth(1).locator(".cpd-item__title")
    lines = title.evaluate("e => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))")
    assert lines <= 4, f"the title takes {lines} lines (broken letter by letter?)"
    assert "planned" in cards.nth(2).inner_text().lower()
    violations = [v for v in axe(page) if (v["id"], "my-cpd/") not in ACCEPTED]
    context.close()
    assert not violations, "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in violations)


def test_the_checker_finds_a_planted_problem(browser, site_url: str) -> None:
    """The axe harness is live: a page with a real fault fails it."""
    context = browser.new_context(viewport=WIDTHS["desktop"], bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + "about/", wait_until="networkidle")
    page.evaluate("""() => {
        const img = document.createElement('img'); img.src = 'x.png'; document.querySelector('article').append(img);
        const p = document.createElement('p'); p.textContent = 'faint'; p.style.color = '#bbbbbb';
        document.querySelector('article').append(p);
    }""")
    found = {v["id"] for v in axe(page)}
    context.close()
    assert {"image-alt", "color-contrast"} <= found


def test_toolkit_on_a_phone_offers_what_you_need_now(browser, site_url: str) -> None:
    """At 390×844 every moment of the placement and the ASYE is on the first screen, each a target at least 44 px tall
    (WCAG 2.2 2.5.8 asks 24); tapping one brings its files up, the first download on the screen, itself at least 44 × 44."""
    context = browser.new_context(viewport=WIDTHS["phone"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "toolkit/", wait_until="networkidle")
    height = WIDTHS["phone"]["height"]
    summaries = page.locator("details.cpd-moment > summary")
    assert summaries.count() == 9
    for index in range(summaries.count()):
        box = summaries.nth(index).bounding_box()
        assert box and box["y"] + box["height"] <= height, f"moment {index + 1} is below the first screen: {box}"
        assert box["height"] >= 44 and box["width"] >= 44, box
    assert page.evaluate("() => document.documentElement.scrollWidth") <= WIDTHS["phone"]["width"]
    for moment, first in (("end", "final-report-first-placement"), ("asye-reviews", "asye-review-kss-cf"), ("before", "pcf-level-guide")):
        page.tap(f"details#{moment} > summary")
        page.wait_for_timeout(200)
        link = page.locator(f"li#{first} a.cpd-file").first
        box = link.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, f"{first}'s download is off the screen: {box}"
        assert box["height"] >= 44 and box["width"] >= 44, box
        page.tap(f"details#{moment} > summary")
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('article a.cpd-file')].map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })"""
    )
    assert sizes and all(w >= 44 and h >= 44 for w, h in sizes if w), "every download is a large target, open or not"
    page.goto(site_url + "toolkit/#final-report-last-placement", wait_until="networkidle")
    box = page.locator("li#final-report-last-placement").bounding_box()
    assert box and 0 <= box["y"] < height, "a link to a file opens its moment and shows it"
    context.close()
