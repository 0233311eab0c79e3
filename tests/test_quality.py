"""Static checks of the built example site: links, HTML validity, alt text, size budgets, security headers.

These read the files of a real build. The Nu HTML Checker (vnu.jar, from
npm) runs on the machine's Java. Its findings that come from Material for
MkDocs' own templates, not from this project, are listed in
HTML_EXCEPTIONS with the reason each is acceptable.
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from conftest import ROOT

VNU = ROOT / "tests/node_modules/vnu-jar/build/dist/vnu.jar"

#: Nu HTML Checker errors accepted, each with why. All come from Material's base template.
HTML_EXCEPTIONS = {
    "Attribute “autocomplete” is only allowed when the input type is": (
        "Material's hidden drawer and search toggles are checkboxes with autocomplete=off, so that Firefox "
        "does not reopen them on Back; the attribute does nothing else and no user sees or uses these inputs."
    ),
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.": (
        "Material's table of contents has a mobile toggle label for the #__toc checkbox, which it leaves out "
        "of pages without the navigation sidebar; the label is inert there (no control to toggle, no text for "
        "assistive technology to mis-announce)."
    ),
}

#: The most a page or file may weigh. Recorded in the README.
BUDGETS = {
    ".html": 60 * 1024,  # gzipped; the largest is a report page with all its charts inline
    ".pdf": 2 * 1024 * 1024,
    ".docx": 512 * 1024,
    ".xlsx": 512 * 1024,
    ".ics": 256 * 1024,
}


def html_files(site: Path) -> list[Path]:
    """The site's pages; not the browser editor's page at /admin/, which has its own policy and tests (tests/test_cms*.py)."""
    return sorted(path for path in site.rglob("*.html") if path.relative_to(site).parts[0] != "admin")


def target_of(site: Path, page: Path, link: str) -> Path:
    """The file a link on ``page`` leads to (root-absolute links from the site's root)."""
    path = unquote(urlsplit(link).path)
    base = site if path.startswith("/") else page.parent
    resolved = (base / path.lstrip("/")).resolve()
    return resolved / "index.html" if resolved.is_dir() else resolved


def test_every_internal_link_and_anchor_resolves(built: Path) -> None:
    ids: dict[Path, set[str]] = {}
    trees = {}
    for path in html_files(built):
        tree = lxml.html.fromstring(path.read_bytes())
        trees[path] = tree
        ids[path] = set(tree.xpath("//@id")) | set(tree.xpath("//a/@name"))
    broken = []
    for path, tree in trees.items():
        for element in tree.xpath("//a[@href]|//link[@href]|//script[@src]|//img[@src]"):
            target = element.get("href") or element.get("src")
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith(("mailto:", "tel:", "data:")):
                continue
            if not parts.path:
                if parts.fragment and parts.fragment not in ids[path]:
                    broken.append(f"{path.relative_to(built)}: #{parts.fragment}")
                continue
            resolved = target_of(built, path, target)
            if not resolved.exists():
                broken.append(f"{path.relative_to(built)}: {target}")
            elif parts.fragment and resolved.suffix == ".html":
                anchors = ids.get(resolved) or set(lxml.html.fromstring(resolved.read_bytes()).xpath("//@id"))
                if parts.fragment not in anchors:
                    broken.append(f"{path.relative_to(built)}: {target} (no such anchor)")
    assert not broken, "\n".join(broken[:40])


@pytest.mark.slow
@pytest.mark.java
def test_every_page_is_valid_html(built: Path) -> None:
    java = shutil.which("java")
    assert java and VNU.is_file(), "needs Java and tests/node_modules/vnu-jar (python3 build.py test installs it)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "gnu", "--errors-only", "--skip-non-html", str(built)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    errors = [line for line in result.stderr.splitlines() + result.stdout.splitlines() if ": error: " in line]
    unexplained = [line for line in errors if not any(known in line for known in HTML_EXCEPTIONS)]
    assert len(errors) > 0 or result.returncode == 0
    assert not unexplained, "\n".join(unexplained[:30])


def test_images_and_charts_have_text_alternatives(built: Path) -> None:
    missing = []
    for path in html_files(built):
        tree = lxml.html.fromstring(path.read_bytes())
        for image in tree.xpath("//img"):
            if image.get("alt") is None:
                missing.append(f"{path.relative_to(built)}: <img src={image.get('src')}>")
        for svg in tree.xpath("//*[local-name()='svg'][@role='img']"):
            label = svg.get("aria-labelledby") or svg.get("aria-label")
            if not label:
                missing.append(f"{path.relative_to(built)}: an SVG image without a label")
    assert not missing, "\n".join(missing)


def test_files_stay_within_their_size_budget(built: Path) -> None:
    over = []
    for path in built.rglob("*"):
        budget = BUDGETS.get(path.suffix)
        if budget is None or not path.is_file():
            continue
        size = len(gzip.compress(path.read_bytes())) if path.suffix == ".html" else path.stat().st_size
        if size > budget:
            over.append(f"{path.relative_to(built)}: {size // 1024} KB (budget {budget // 1024} KB)")
    assert not over, "\n".join(over)


def test_every_page_links_to_the_accessibility_statement_and_privacy(built: Path) -> None:
    for path in html_files(built):
        tree = lxml.html.fromstring(path.read_bytes())
        links = {a.text_content().strip(): a.get("href") for a in tree.xpath('//nav[@class="cpd-footer-links"]//a')}
        for label, target in (("Accessibility statement", "accessibility"), ("Privacy and cookies", "privacy")):
            assert label in links, f"{path.relative_to(built)} has no '{label}' link"
            assert target_of(built, path, links[label]) == (built / target / "index.html").resolve(), (path, links[label])


def test_content_security_policy_allows_only_the_site_own_scripts(built: Path) -> None:
    for path in html_files(built):
        html = path.read_text()
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert meta, f"{path.relative_to(built)} has no Content-Security-Policy"
        policy = dict(part.strip().split(" ", 1) for part in meta.group(1).split(";") if part.strip())
        assert policy["default-src"] == "'self'"
        sources = policy["script-src"].split()
        assert sources[0] == "'self'" and all(s.startswith("'sha256-") for s in sources[1:])
        assert "unsafe-inline" not in policy["script-src"] and "http" not in policy["script-src"]
        assert html.index("Content-Security-Policy") < html.index("<script"), "the policy comes before any script"


def test_nothing_is_loaded_from_another_origin(built: Path) -> None:
    for path in html_files(built):
        tree = lxml.html.fromstring(path.read_bytes())
        for element in tree.xpath("//script[@src]|//link[@rel='stylesheet' or @rel='preconnect' or @rel='icon']|//img[@src]|//iframe"):
            source = element.get("src") or element.get("href") or ""
            assert not urlsplit(source).netloc, f"{path.relative_to(built)} loads {source}"
        assert "fonts.googleapis.com" not in path.read_text()
