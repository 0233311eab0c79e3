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
    "events/stage/experienced/",
    "events/stage/experienced/children/",
    "events/early-career-managers-2027/",
    "pathways/",
    "pathways/nqsw-asye/",
    "pathways/nqsw-ecdp/",
    "pathways/experienced/children/",
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


def _filtered(page) -> tuple[str, int, bool]:
    """What the catalogue shows: the count sentence, the cards shown, and whether Material's site search is open."""
    page.wait_for_function("() => !document.querySelector('[data-cpd-count]').textContent.startsWith('Showing')")
    shown = page.locator("[data-cpd-list] > li:not([hidden])").count()
    search_open = page.evaluate("() => document.querySelector('[data-md-toggle=search]').checked")
    return page.text_content("[data-cpd-count]"), shown, search_open


def test_catalogue_keyword_survives_back_reload_and_a_shared_link(browser, site_url: str) -> None:
    """The issue: the keyword lived in ?q=, Material's own search parameter, so Back, reload or a shared link opened the site search."""
    context = browser.new_context(viewport=WIDTHS["desktop"])
    page = context.new_page()
    page.goto(site_url + "events/", wait_until="networkidle")
    total = page.locator("[data-cpd-list] > li").count()
    page.fill("#cpd-keyword", "carers")
    page.select_option("#cpd-f-service", "children")
    page.wait_for_function("() => location.search.includes('keyword=carers')")
    assert "q=" not in urlsplit(page.url).query.replace("keyword=", "")
    filtered = _filtered(page)
    assert 0 < filtered[1] < total and not filtered[2], filtered
    shared = page.url
    # Open an event from the filtered list, then come Back.
    with page.expect_navigation():
        page.locator("[data-cpd-list] > li:not([hidden]) a").first.click()
    assert "/events/" in page.url and page.url != shared
    page.go_back(wait_until="networkidle")
    assert page.url == shared
    assert _filtered(page) == filtered, "Back shows the same filtered list, and no site search over it"
    assert page.input_value("#cpd-keyword") == "carers" and page.input_value("#cpd-f-service") == "children"
    page.reload(wait_until="networkidle")
    assert _filtered(page) == filtered, "a reload too"
    # The link, shared: opened in another browser.
    other = browser.new_context(viewport=WIDTHS["phone"])
    elsewhere = other.new_page()
    elsewhere.goto(shared, wait_until="networkidle")
    assert _filtered(elsewhere)[:2] == filtered[:2] and not _filtered(elsewhere)[2]
    # A link from before the change (?q=) still filters, moved to ?keyword=, and opens no site search.
    elsewhere.goto(site_url + "events/?q=carers&service=children", wait_until="networkidle")
    assert _filtered(elsewhere)[:2] == filtered[:2] and not _filtered(elsewhere)[2]
    assert urlsplit(elsewhere.url).query == "keyword=carers&service=children"
    elsewhere.wait_for_timeout(500)  # Material's search starts after the page: it still finds no q to open with
    assert not elsewhere.evaluate("() => document.querySelector('[data-md-toggle=search]').checked")
    other.close()
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


def test_filters_combine_without_javascript(browser, site_url: str) -> None:
    """The issue: /events/stage/experienced/ offered "Combine with other filters", which without JavaScript showed all events."""
    context = browser.new_context(viewport=WIDTHS["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "events/stage/experienced/")
    assert not page.is_visible("text=Combine with other filters"), "a link that needs JavaScript is not offered without it"
    everything = page.locator("li.cpd-row").count()
    page.click("nav.cpd-narrower >> text=Children and families")
    page.wait_for_load_state()
    assert page.url.endswith("/events/stage/experienced/children/")
    assert page.inner_text("h1") == "Experienced social worker: Children and families"
    rows = page.locator("li.cpd-row")
    assert 0 < rows.count() < everything
    for index in range(rows.count()):
        assert "Children and families" in rows.nth(index).inner_text()
    page.click("text=Every career stage in children and families")
    page.wait_for_load_state()
    assert page.url.endswith("/events/service/children/")
    page.click("nav.cpd-narrower >> text=Newly qualified social worker (ASYE)")
    page.wait_for_load_state()
    assert page.url.endswith("/events/stage/nqsw-asye/children/")
    context.close()
    scripted = browser.new_context(viewport=WIDTHS["phone"])
    page = scripted.new_page()
    page.goto(site_url + "events/stage/experienced/", wait_until="networkidle")
    assert page.is_visible("text=Combine with other filters"), "with JavaScript, the catalogue's filters are offered too"
    scripted.close()


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


def test_a_stage_page_leads_a_practitioner_on_a_phone(browser, site_url: str, built: Path) -> None:
    """The issue: nine "Coverage" blocks filled four screens before the events, mixed services, and no word on what to do next."""
    import yaml

    from conftest import ROOT

    stages = {s["id"]: s for s in yaml.safe_load((ROOT / "data/pathways.yml").read_text())}
    context = browser.new_context(viewport=WIDTHS["phone"], java_script_enabled=False)  # the service choice needs no script
    page = context.new_page()
    page.goto(site_url + "pathways/experienced/")
    headings = page.locator("article h2").all_inner_texts()
    assert headings[0] == "What to do next", headings
    assert page.locator("#next").bounding_box()["y"] < WIDTHS["phone"]["height"], "what to do next starts on the first screen"
    steps = page.locator("ol.cpd-next > li").all_inner_texts()
    assert steps[0].startswith("Book CPD for this stage. The next dates:")
    dates = page.locator("ol.cpd-next .cpd-next__dates time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert len(dates) == 3 and dates == sorted(dates)
    for name in stages["experienced"]["next"]:
        step = next(s for s in steps[1:] if stages[name]["name"] in s)
        assert "What it takes:" in step and stages[name]["evidence"][0] in step, step
    # The coverage is for CPD leads: after the events, closed.
    assert page.evaluate("() => document.querySelector('#cpd').compareDocumentPosition(document.querySelector('details.cpd-leads')) & 4")
    assert page.locator(".cpd-level").count() > 0 and not page.locator(".cpd-level").first.is_visible()
    page.click("summary.cpd-leads__summary")
    assert page.locator("details.cpd-leads table").first.is_visible()
    # The practitioner's service: a link, a page of its own.
    page.click("nav.cpd-choice >> text=Children and families")
    page.wait_for_load_state()
    assert page.url.endswith("/pathways/experienced/children/")
    assert page.get_attribute("nav.cpd-choice a[aria-current=page]", "href") == "./"
    rows = page.locator("#cpd ~ ol.cpd-rows li.cpd-row")
    assert rows.count() == len(events_for("experienced", "children"))
    for index in range(rows.count()):
        assert "Children and families" in rows.nth(index).inner_text()
    for link in page.locator(".cpd-next__dates a").all():
        assert link.get_attribute("href").split("/")[-2] in {e["id"] for e in events_for("experienced", "children")}
    assert page.locator("details.cpd-leads").count() == 0, "one copy of the coverage, on the page for every service"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= WIDTHS["phone"]["width"]
    context.close()


def events_for(stage: str, service: str) -> list[dict]:
    """The example's upcoming events for a stage in a service, straight from the YAML."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    import yaml

    from conftest import NOW, ROOT

    now = dt.datetime.fromisoformat(NOW).replace(tzinfo=ZoneInfo("Europe/London"))
    found = []
    for path in sorted((ROOT / "data/events").rglob("*.yml")):
        event = yaml.safe_load(path.read_text())
        ends = [dt.datetime.fromisoformat(str(s["end"])).replace(tzinfo=ZoneInfo("Europe/London")) for s in event.get("sessions", [])]
        if stage in event["audience"] and service in event["services"] and (not ends or max(ends) >= now):
            found.append({"id": path.stem, **event})
    return found


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
    # Social Work England's form, field by field: the type, what was done and why, the learning, the impact, peer reflection.
    assert page.input_value("#mycpd-type-0") == "Course or training", "an event arrives with its type of CPD"
    assert page.input_value("#mycpd-did-0").startswith("I took part in Strengths-Based Practice (online), run by ")
    page.fill("#mycpd-did-0", "A day's course on strengths-based conversations, for my work with families in crisis.")
    page.fill("#mycpd-learning-0", "What I learned about strengths.")
    page.fill("#mycpd-impact-0", "I now open assessments by asking what is going well.")
    page.fill("#mycpd-peer-reflection-0", "Talked it through with my practice supervisor.")
    assert page.is_checked("#mycpd-peer-0"), "writing a peer reflection marks the item as having one"
    page.select_option("#mycpd-type-1", "Reading or research")
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
    answers = answers_under_headings(document)
    assert answers[:4] == [
        (
            "What I did, and why it is relevant to my practice",
            "A day's course on strengths-based conversations, for my work with families in crisis.",
        ),
        ("What I learned", "What I learned about strengths."),
        ("The impact on my practice, and on the people I work with", "I now open assessments by asking what is going well."),
        ("Peer reflection: what I learned from discussing it with a peer", "Talked it through with my practice supervisor."),
    ]
    assert [heading for heading, _ in answers[4:]] == [heading for heading, _ in answers[:4]], "the same four, blank, for the next"
    rows = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows[1:]}
    assert [c.text for c in document.tables[0].rows[1].cells] == ["Date", "4 March 2026"]
    assert rows["Type of CPD"] == "Course or training" and rows["CPD year"] == "1 December 2025 to 30 November 2026"
    assert rows["Peer reflection"] == "Yes"
    assert {row.cells[0].text: row.cells[1].text for row in document.tables[1].rows[1:]}["Type of CPD"] == "Reading or research"
    assert any(url.endswith("/assets/javascripts/vendor/docx/docx.iife.js") for url in requests), "the docx library, from this site"
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in requests if not url.startswith(("blob:", "data:")))
    stored = page.evaluate("() => Object.keys(localStorage)")
    assert stored == ["partnership-mycpd"], "only the key the privacy page lists"
    context.close()


def answers_under_headings(document) -> list[tuple[str, str]]:
    """(Heading 2, the text of the paragraph after it) in a Word document, in order."""
    paragraphs = document.paragraphs
    return [(p.text, paragraphs[i + 1].text) for i, p in enumerate(paragraphs) if p.style.name == "Heading 2"]


def test_my_cpd_keeps_records_saved_before_and_says_each_items_cpd_year(browser, site_url: str, tmp_path: Path) -> None:
    """A record from before (one notes box) opens with its notes as the learning; an item of an earlier CPD year says so."""
    context = browser.new_context(viewport=WIDTHS["phone"], accept_downloads=True)
    page = context.new_page()
    page.goto(site_url + "my-cpd/", wait_until="networkidle")
    page.evaluate(
        """() => localStorage.setItem("partnership-mycpd", JSON.stringify({version: 1, items: [
            {id: "strengths-based-practice-2026-03", title: "Strengths-Based Practice", date: "2026-03-04", hours: "6",
             provider: "Riverside Borough Council Adult Social Care", maps: ["PCF 5 Knowledge"], peer: false, notes: "Asking what works."},
            {id: "mca-assessing-capacity-2025-12", title: "Assessing Capacity", date: "2025-11-12", hours: "3",
             provider: "", maps: [], peer: true, notes: ""}]}))"""
    )
    page.reload(wait_until="networkidle")
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('partnership-mycpd'))")
    assert stored["version"] == 2 and "notes" not in stored["items"][1] and stored["items"][0]["learning"] == "Asking what works."
    cards = page.locator("ol.cpd-items > li")
    earlier, this_year = cards.nth(0), cards.nth(1)
    assert "Assessing Capacity" in earlier.inner_text()
    assert (
        earlier.locator(".cpd-item__year").inner_text() == "CPD year 1 Dec 2024 to 30 Nov 2025: an earlier year, not counted in this one."
    )
    assert this_year.locator(".cpd-item__year").inner_text() == "CPD year 1 Dec 2025 to 30 Nov 2026: this year."
    assert page.input_value("#mycpd-learning-1") == "Asking what works."
    summary = page.text_content("[data-mycpd-summary]")
    assert "This CPD year (1 December 2025 to 30 November 2026): 1 piece of CPD, 0 with peer reflection." in summary
    assert "1 more piece in your record belongs to another CPD year (or has no date), so it does not count now." in summary
    with page.expect_download() as download:
        page.click("[data-mycpd-download='md']")
    target = tmp_path / "record.md"
    download.value.save_as(target)
    text = target.read_text()
    assert "- Type of CPD: \n" in text and "- CPD year: 1 December 2025 to 30 November 2026\n" in text
    assert "### What I learned\n\nAsking what works.\n" in text and "Assessing Capacity" not in text, "one CPD year at a time"
    for heading in ("What I did, and why it is relevant to my practice", "The impact on my practice, and on the people I work with"):
        assert f"### {heading}\n" in text
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
        for part in ("textarea", "select", "button:has-text('Remove')", "input[type=checkbox]"):
            for inner in cards.nth(index).locator(part).all():
                box = inner.bounding_box()
                assert box["x"] + box["width"] <= WIDTHS["phone"]["width"], part
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
