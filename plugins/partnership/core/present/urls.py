"""The public URLs of the site, as the data contract fixes them.

Every URL here is relative to the site root and ends in ``/`` for a page:
``events/strengths-based-practice-2026-03/``. :func:`relative` turns one
into a link from another page, so that a site published under a sub-path
(``https://example.github.io/partnership/``) works unchanged.

Pages are rendered with links from the root, marked by :func:`rooted`, and
made relative to their page in one pass by :func:`relativise` once the
page's HTML is whole: a fragment shown on many pages (an event's card) is
then the same wherever it appears, and is rendered once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

ROOT = "\x1e"
"""Marks a link written from the site's root until :func:`relativise` makes it relative.

A control character: HTML escaping leaves it as it is, no address contains
it, and it never reaches a published page (:func:`relativise` replaces every one).
"""
_ROOTED = re.compile(ROOT + r"""([^\s"'<>\x1e]*)""")


def rooted(target: str) -> str:
    """A link to ``target`` (root-relative) from whatever page will show it."""
    return ROOT + target


def relativise(html: str, page: str) -> str:
    """``html`` with every :func:`rooted` link made relative to the page at ``page``, in one pass."""
    if ROOT not in html:
        return html
    folder = _folder(page)

    def link(match: re.Match[str]) -> str:
        path, sharp, anchor = match.group(1).partition("#")
        if not path and sharp:
            return f"#{anchor}"
        return (_from_folder(path, folder) or "./") + (f"#{anchor}" if sharp else "")

    return _ROOTED.sub(link, html)


def _folder(page: str) -> str:
    """The folder relative links start from: the page itself for ``x/``, its parent for ``x/file.html``."""
    if page.endswith("/") or not page:
        return page
    parent = page.rpartition("/")[0]
    return parent + "/" if parent else ""


def relative(target: str, page: str) -> str:
    """A link from the page at ``page`` to ``target`` (both root-relative).

    ``""`` is the home page; ``"#id"`` stays an anchor on the same page.
    Both are site paths without ``..``, so plain string work is enough (and
    this runs for every link of every page).
    """
    path, sharp, anchor = target.partition("#")
    if not path and sharp:
        return f"#{anchor}"
    link = _from_folder(path, _folder(page)) or "./"
    return link + (f"#{anchor}" if sharp else "")


@lru_cache(maxsize=65536)
def _from_folder(path: str, folder: str) -> str:
    """A link to ``path`` from a page in ``folder`` ("" or ending in /).

    A path outside the folder is reached from its parent, one ``..`` up:
    ``events/a/`` and ``events/b/`` both link to ``pathways/x/`` as ``../``
    plus the link from ``events/``, which is worked out once for them all.
    """
    if path.startswith(folder):
        return path[len(folder) :]
    parent = folder[:-1].rpartition("/")[0]
    return "../" + _from_folder(path, parent + "/" if parent else "")


def absolute(site_url: str | None, target: str) -> str:
    """A full address for ``target`` (root-relative) on the published site; ``target`` itself without one."""
    return site_url.rstrip("/") + "/" + target if site_url else target


def content_page(path: str) -> str:
    """The page a content/ Markdown file becomes: ``about.md`` → ``about/``, ``x/index.md`` → ``x/``."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def home() -> str:
    return ""


def events() -> str:
    return "events/"


def all_events() -> str:
    """Every upcoming event as cards: what the catalogue fetches when a filter is used."""
    return "events/all/"


def catalogue_filter(filters: dict[str, str]) -> str:
    """The catalogue with filters set: ``events/?stage=nqsw-asye&pcf=knowledge&keyword=carers``.

    The words are in ``keyword``, never ``q``: Material's site search opens
    itself over any page whose address has ``q`` (catalogue.js moves an old
    link's ``q`` to ``keyword`` before it can).
    """
    assert "q" not in filters, "the catalogue's words go in keyword: Material's search reads q"
    return "events/?" + "&".join(f"{name}={quote(value)}" for name, value in filters.items())


def event(event_id: str) -> str:
    return f"events/{event_id}/"


def event_ics(event_id: str) -> str:
    return f"events/{event_id}/event.ics"


def facet(kind: str, value: str) -> str:
    """A static facet page of the catalogue: ``events/stage/nqsw-asye/``."""
    return f"events/{kind}/{value}/"


def stage_in_service(stage_id: str, service: str) -> str:
    """The static page of a career stage's events in one service: ``events/stage/experienced/children/``."""
    return f"events/stage/{stage_id}/{service}/"


def archive(year: int | None = None) -> str:
    return f"events/archive/{year}/" if year else "events/archive/"


def calendar() -> str:
    return "calendar.ics"


def stage_calendar(stage_id: str) -> str:
    return f"pathways/{stage_id}/calendar.ics"


def pathways() -> str:
    return "pathways/"


def stage(stage_id: str, service: str | None = None) -> str:
    """A career stage's page, for every service or for one: ``pathways/experienced/`` or ``pathways/experienced/children/``."""
    return f"pathways/{stage_id}/{service}/" if service else f"pathways/{stage_id}/"


def frameworks() -> str:
    return "frameworks/"


def framework(framework_id: str) -> str:
    return f"frameworks/{framework_id}/"


def framework_item(framework_id: str, item_id: str) -> str:
    return f"frameworks/{framework_id}/{item_id}/"


def coverage() -> str:
    return "frameworks/coverage/"


def reports() -> str:
    return "reports/"


def report(year: str) -> str:
    return f"reports/{year}/"


def report_pdf(year: str) -> str:
    return f"reports/{year}/report.pdf"


def report_csv(year: str, area: str) -> str:
    return f"reports/{year}/data/{area}.csv"


def report_attendance_csv(year: str) -> str:
    return f"reports/{year}/data/attendance.csv"


def measures() -> str:
    return "reports/measures/"


def measure(measure_id: str) -> str:
    return f"reports/measures/{measure_id}/"


def strategy() -> str:
    return "strategy/"


def logic_model(period: str) -> str:
    return f"strategy/{period}/"


def recommendations() -> str:
    return "strategy/recommendations/"


def partners() -> str:
    return "partners/"


def partner(partner_id: str) -> str:
    return f"partners/{partner_id}/"


def partner_pdf(partner_id: str, year: str) -> str:
    return f"partners/{partner_id}/{year}.pdf"


def toolkit() -> str:
    return "toolkit/"


def toolkit_file(key: str, extension: str) -> str:
    """One of the toolkit's downloads: ``toolkit/evidence-grid.xlsx``."""
    return f"toolkit/{key}.{extension}"


def toolkit_zip() -> str:
    return "toolkit/pcf-toolkit.zip"


def editor_file(name: str) -> str:
    """One of the browser editor's files: ``admin/index.html`` (the editor is at /admin/)."""
    return f"admin/{name}"


def accessibility() -> str:
    return "accessibility/"


def privacy() -> str:
    return "privacy/"


def my_cpd() -> str:
    return "my-cpd/"


def open_data() -> str:
    return "events.json"


def feed() -> str:
    return "events/feed.xml"


def schema(kind: str = "") -> str:
    return schema_file(f"{kind}.schema.json") if kind else "schema/"


def schema_file(name: str) -> str:
    """A file in the schema folder: ``schema/event.schema.json``."""
    return f"schema/{name}"


def brand_css() -> str:
    """The stylesheet made from data/site.yml's colours (mkdocs.yml's extra_css names it too)."""
    return "assets/stylesheets/brand.css"


def docx_library() -> str:
    """The Word-writing library (vendored in theme/) My CPD loads only when a record is downloaded."""
    return "assets/javascripts/vendor/docx/docx.iife.js"
