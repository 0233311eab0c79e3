"""Markdown for text that comes from data files and report narratives.

Two renderers:

* :func:`render_text` for Markdown written in YAML (an event's
  ``description``): raw HTML is shown as text, never run, and links may only
  go to web, e-mail or relative addresses. Anyone who can edit a data file
  can change what this produces, so it trusts nothing.
* :class:`NarrativeRenderer` for the Markdown files under ``content/`` that
  reports embed: the same Markdown the rest of the site's pages use, with
  links written relative to the file rewritten for the page that shows it,
  and heading ids made unique within that page.

Both outputs pass through :func:`.safehtml.clean`, which keeps only the
allow-listed tags, attributes and addresses (``check`` reports anything it
would remove, with its place, from :func:`checked_html`'s HTML of a
description and from every page of content/: see :mod:`partnership.core.rules.markdown`).
"""

from __future__ import annotations

import html as html_entities
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from ..weburl import parse
from .safehtml import clean

_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


class _NoRawHtml(Extension):
    """Treat ``<tags>`` in the source as text."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


class _SafeLinks(Treeprocessor):
    """Drop links and images whose address could run script (``javascript:``) or hides another site (``/\\host``),
    as a browser reads them (:mod:`..weburl`)."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is None:
                    continue
                address = parse(value)
                if address.disguised or (not address.relative and address.scheme not in _SAFE_SCHEMES):
                    del element.attrib[attribute]


class _SafeLinksExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_SafeLinks(md), "partnership-safe-links", 0)


class _ShiftHeadings(Treeprocessor):
    """Headings in data text start below the page's own: ``#`` becomes h3."""

    def __init__(self, md: markdown.Markdown, shift: int):
        super().__init__(md)
        self.shift = shift

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            match = re.fullmatch(r"h([1-6])", element.tag)
            if match:
                element.tag = f"h{min(6, int(match.group(1)) + self.shift)}"


class _ShiftHeadingsExtension(Extension):
    def __init__(self, shift: int):
        super().__init__()
        self.shift = shift

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_ShiftHeadings(md, self.shift), "partnership-shift-headings", 1)


_text_md = markdown.Markdown(
    extensions=[_NoRawHtml(), _SafeLinksExtension(), _ShiftHeadingsExtension(2), "sane_lists"],
    output_format="html",
)


_checked_md = markdown.Markdown(extensions=[_NoRawHtml(), _ShiftHeadingsExtension(2), "sane_lists"], output_format="html")


def checked_html(text: str) -> str:
    """The HTML :func:`render_text` makes of ``text`` before its links are judged and it is cleaned: what ``check`` looks at."""
    _checked_md.reset()
    return _checked_md.convert(text)


def render_text(text: str | None) -> Markup:
    """Safe HTML from Markdown written in a data file; empty for no text."""
    if not text:
        return Markup("")
    _text_md.reset()
    return Markup(clean(_text_md.convert(text)))


def plain(text: str | None) -> str:
    """Markdown text as plain text, for calendars, JSON-LD, feeds and meta descriptions.

    Its markup is removed and its characters are themselves again (``&`` and
    ``<``, never ``&amp;`` and ``&lt;``): whatever shows the text escapes it
    as its own format needs (HTML attributes, XML, JSON in a script).
    """
    if not text:
        return ""
    html = str(render_text(text))
    return html_entities.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip())


LinkResolver = Callable[[str], str | None]
"""Maps a content-relative path (``toolkit/index.md``) to a root-relative URL, or None."""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


class _Narrative(Treeprocessor):
    def __init__(self, md: markdown.Markdown, renderer: NarrativeRenderer):
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: etree.Element) -> None:
        state = self.renderer.state
        for element in root.iter():
            if re.fullmatch(r"h[1-6]", element.tag) and not element.get("id"):
                text = "".join(element.itertext())
                base = f"{state['prefix']}-{slug(text)}"
                candidate, n = base, 2
                while candidate in self.renderer.used_ids:
                    candidate, n = f"{base}-{n}", n + 1
                self.renderer.used_ids.add(candidate)
                element.set("id", candidate)
            if element.tag == "a" and element.get("href"):
                element.set("href", self.renderer.link(element.get("href", "")))
            if element.tag == "img" and element.get("src"):
                element.set("src", self.renderer.link(element.get("src", "")))


class NarrativeRenderer:
    """Renders content/ Markdown files into one page, rewriting links for it.

    ``page_url`` is the root-relative URL of the page that shows the
    narratives; ``resolve`` maps a content path to the URL of the page built
    from it. Links that resolve nowhere are collected in ``broken`` as
    ``(source file, link)`` for the caller to report.
    """

    def __init__(self, page_url: str, resolve: LinkResolver, relative: Callable[[str, str], str]):
        self.page_url = page_url
        self.resolve = resolve
        self.relative = relative
        self.used_ids: set[str] = set()
        self.broken: list[tuple[str, str]] = []
        self.state: dict[str, str] = {"prefix": "section", "source": ""}
        self._md = markdown.Markdown(
            extensions=["tables", "attr_list", "sane_lists", "footnotes", "admonition", "md_in_html", _NarrativeExtension(self)],
            output_format="html",
        )

    def render(self, text: str, source: str, prefix: str) -> Markup:
        """HTML for the Markdown ``text`` read from content/``source``."""
        self.state.update(prefix=prefix, source=source)
        self._md.reset()
        return Markup(clean(self._md.convert(text)))

    def link(self, href: str) -> str:
        address = parse(href)
        if not address.relative or address.other_site or href.startswith(("#", "/")):
            return href
        parts = urlsplit(href)
        path = posixpath.normpath(posixpath.join(posixpath.dirname(self.state["source"]), parts.path))
        target = self.resolve(path)
        if target is None:
            self.broken.append((self.state["source"], href))
            return href
        anchor = f"#{parts.fragment}" if parts.fragment else ""
        return self.relative(target + anchor, self.page_url)


class _NarrativeExtension(Extension):
    def __init__(self, renderer: NarrativeRenderer):
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Narrative(md, self.renderer), "partnership-narrative", 0)
