"""Pages rendered from the site's root and made relative once: every link right from every folder and depth.

An event's card, row and related item are rendered once per build and shared
by every page that shows them. That is only right if nothing in them depends
on the page: these tests render pages at the same depth in different folders,
and the catalogue's pages with a heading level changed (which once turned
every event link on framework item pages into a 404), and follow every link.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jinja2
import lxml.html
import pytest

from conftest import NOW_INSTANT, ROOT, load
from partnership.core.html.context import RenderContext, SitePage
from partnership.core.html.pages import all_pages
from partnership.core.present import urls

BASE = "https://site.invalid/"


def site_links(html: str, page_url: str) -> list[str]:
    """Every link of a page that stays on the site, as a root-relative path (anchors and queries dropped)."""
    found = []
    for href in lxml.html.fromstring(html).xpath("//a/@href"):
        if href.startswith(("#", "mailto:")) or urlsplit(href).scheme:
            continue
        found.append(urlsplit(urljoin(BASE + page_url, href)).path.removeprefix("/"))
    return found


@pytest.fixture(scope="module")
def example() -> tuple[RenderContext, dict[str, SitePage]]:
    context = RenderContext.build(load(ROOT), NOW_INSTANT)
    return context, {page.url: page for page in all_pages(context.views)}


def shared_event(context: RenderContext) -> tuple[str, str, str]:
    """An upcoming event shown on a stage facet page and on a framework item page: (event id, facet URL, item URL)."""
    for event in context.catalogue.upcoming:
        if event.stages and event.items:
            item = event.items[0]
            return event.id, urls.facet("stage", event.stages[0].id), urls.framework_item(item.framework.id, item.item.id)
    raise AssertionError("the example data has no upcoming event with a stage and a framework item")


def test_pages_at_the_same_depth_in_different_folders_link_to_the_same_event(example) -> None:
    context, pages = example
    event_id, facet_url, item_url = shared_event(context)
    assert facet_url.count("/") == item_url.count("/") and facet_url.split("/")[0] != item_url.split("/")[0]
    for url in (facet_url, item_url, facet_url):  # the later pages reuse the rows the first made
        html = context.page_html(pages[url])
        assert urls.ROOT not in html
        links = site_links(html, url)
        assert urls.event(event_id) in links, f"/{url} does not link to /{urls.event(event_id)}"
        for link in links:
            assert link in pages or link.endswith(".ics"), f"/{url} links to /{link}, which is no page"


def test_every_generated_page_links_only_to_pages_and_files_the_site_has(example, built: Path) -> None:
    context, pages = example
    files = {path.relative_to(built).as_posix() for path in built.rglob("*") if path.is_file()}
    for url, page in pages.items():
        html = context.page_html(page)
        assert urls.ROOT not in html, f"/{url} kept a link marker"
        for link in site_links(html, url):
            assert link in pages or link in files or (link + "index.html") in files, f"/{url} links to /{link}, which does not exist"


@pytest.mark.parametrize("heading", [2, 3, 4])
def test_a_changed_heading_level_breaks_no_link(heading: int) -> None:
    """The facet page and the item page list events at the same heading level, so they share rows."""
    context = RenderContext.build(load(ROOT), NOW_INSTANT)
    source = context.env.loader.get_source(context.env, "item.html")[0]  # type: ignore[union-attr]
    facet_source = context.env.loader.get_source(context.env, "facet.html")[0]  # type: ignore[union-attr]
    assert "m.event_list(upcoming, 3)" in source and "m.event_list(value.events, 2)" in facet_source
    context.env.loader = jinja2.ChoiceLoader(
        [
            jinja2.DictLoader(
                {
                    "item.html": source.replace("m.event_list(upcoming, 3)", f"m.event_list(upcoming, {heading})"),
                    "facet.html": facet_source.replace("m.event_list(value.events, 2)", f"m.event_list(value.events, {heading})"),
                }
            ),
            context.env.loader,  # type: ignore[list-item]
        ]
    )
    context.env.cache = None
    pages = {page.url: page for page in all_pages(context.views)}
    event_id, facet_url, item_url = shared_event(context)
    for url in (facet_url, item_url, facet_url):
        html = context.page_html(pages[url])
        assert f'<h{heading} class="cpd-row__title">' in html
        links = site_links(html, url)
        assert urls.event(event_id) in links
        for link in links:
            assert link in pages or link.endswith(".ics"), f"/{url} links to /{link}, which is no page"


def test_rooted_links_are_made_relative_to_each_page() -> None:
    html = f'<a href="{urls.rooted(urls.event("abc"))}">x</a> <a href="{urls.rooted(urls.framework("pcf"))}#levels">y</a>'
    assert urls.relativise(html, "events/stage/x/") == '<a href="../../abc/">x</a> <a href="../../../frameworks/pcf/#levels">y</a>'
    assert urls.relativise(html, "frameworks/pcf/y/") == '<a href="../../../events/abc/">x</a> <a href="../#levels">y</a>'
    assert urls.relativise(html, "events/abc/") == '<a href="./">x</a> <a href="../../frameworks/pcf/#levels">y</a>'
    assert urls.relativise(f"{urls.rooted('')}", "") == "./"
    assert (
        urls.relativise(urls.rooted(urls.catalogue_filter({"stage": "nqsw-asye"})), "pathways/nqsw-asye/")
        == "../../events/?stage=nqsw-asye"
    )
    assert urls.relativise(urls.rooted("#top"), "events/abc/") == "#top"
    assert urls.relativise("no links here", "events/") == "no links here"


def test_no_link_marker_reaches_a_published_file(built: Path) -> None:
    """Links written from the root (by the core's pages and the shared theme parts) are all made relative."""
    for path in built.rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".ics", ".csv"):
            content = path.read_bytes()
            assert b"\x1e" not in content and b"\x1d" not in content, path
