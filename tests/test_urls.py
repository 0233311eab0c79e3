"""The site's addresses (core/present/urls.py): the data contract's URLs, links between pages, full addresses."""

from __future__ import annotations

import posixpath

import pytest

from partnership.core.present import urls


def test_the_data_contracts_addresses() -> None:
    assert urls.events() == "events/"
    assert urls.event("strengths-2026-03") == "events/strengths-2026-03/"
    assert urls.event_ics("strengths-2026-03") == "events/strengths-2026-03/event.ics"
    assert urls.calendar() == "calendar.ics"
    assert urls.stage("nqsw-asye") == "pathways/nqsw-asye/"
    assert urls.framework("pcf") == "frameworks/pcf/"
    assert urls.framework_item("pcf", "knowledge") == "frameworks/pcf/knowledge/"
    assert urls.report("2025-26") == "reports/2025-26/"
    assert urls.report_pdf("2025-26") == "reports/2025-26/report.pdf"
    assert urls.report_csv("2025-26", "workforce") == "reports/2025-26/data/workforce.csv"
    assert urls.report_attendance_csv("2025-26") == "reports/2025-26/data/attendance.csv"
    assert urls.toolkit() == "toolkit/"
    assert urls.accessibility() == "accessibility/"


def test_files_and_filters() -> None:
    assert urls.toolkit_file("evidence-grid", "xlsx") == "toolkit/evidence-grid.xlsx"
    assert urls.toolkit_zip() == "toolkit/pcf-toolkit.zip"
    assert urls.schema() == "schema/"
    assert urls.schema("event") == "schema/event.schema.json" == urls.schema_file("event.schema.json")
    assert urls.catalogue_filter({"stage": "nqsw-asye"}) == "events/?stage=nqsw-asye"
    assert urls.catalogue_filter({"stage": "nqsw-asye", "kss-cf": "1"}) == "events/?stage=nqsw-asye&kss-cf=1"
    assert urls.catalogue_filter({"keyword": "anti racism & you"}) == "events/?keyword=anti%20racism%20%26%20you"


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("about.md", "about/"),
        ("index.md", ""),
        ("toolkit/index.md", "toolkit/"),
        ("reports/2025-26/introduction.md", "reports/2025-26/introduction/"),
    ],
)
def test_content_pages(path: str, page: str) -> None:
    assert urls.content_page(path) == page


@pytest.mark.parametrize(
    ("target", "page", "link"),
    [
        ("events/abc/", "events/stage/x/", "../../abc/"),
        ("events/abc/", "frameworks/pcf/y/", "../../../events/abc/"),
        ("events/abc/", "events/abc/", "./"),
        ("events/abc/event.ics", "events/abc/", "event.ics"),
        ("", "events/abc/", "../../"),
        ("", "", "./"),
        ("pathways/", "", "pathways/"),
        ("#levels", "frameworks/pcf/", "#levels"),
        ("frameworks/pcf/#levels", "toolkit/", "../frameworks/pcf/#levels"),
        ("reports/2025-26/", "reports/2025-26/report.pdf", "./"),
    ],
)
def test_links_between_pages(target: str, page: str, link: str) -> None:
    assert urls.relative(target, page) == link


@pytest.mark.parametrize("page", ["", "events/", "events/abc/", "events/stage/x/", "frameworks/pcf/y/", "partners/a/"])
@pytest.mark.parametrize("target", ["", "events/", "events/abc/", "events/stage/x/", "frameworks/pcf/", "calendar.ics"])
def test_a_link_leads_where_it_says(target: str, page: str) -> None:
    """Followed from its page, every link arrives at its target, whatever the two folders and depths."""
    link = urls.relative(target, page)
    arrived = posixpath.normpath(posixpath.join(page, link))
    assert (arrived if arrived != "." else "") == target.rstrip("/")


def test_rooted_links_never_survive_relativise() -> None:
    html = "".join(
        f'<a href="{urls.rooted(t)}">' for t in ("", "events/", "events/abc/#about", urls.catalogue_filter({"month": "2027-01"}))
    )
    for page in ("", "events/", "events/abc/", "pathways/nqsw-asye/"):
        assert urls.ROOT not in urls.relativise(html, page)


def test_full_addresses() -> None:
    assert urls.absolute("https://example.org/partnership/", "events/abc/") == "https://example.org/partnership/events/abc/"
    assert urls.absolute("https://example.org/partnership", "events/abc/") == "https://example.org/partnership/events/abc/"
    assert urls.absolute(None, "events/abc/") == "events/abc/"
