"""The HTML that Markdown may carry onto the site, and the sanitiser that enforces it.

Markdown lets a writer type raw HTML, and ``attr_list`` lets them add any
attribute (``{: onclick=… }``). Everything Markdown produces for the site's
pages passes through :func:`clean` (nh3, the Python binding of the Rust
sanitiser *ammonia*), which keeps only the tags, attributes and addresses
listed here and removes the rest:

* no element that runs or loads code or another document: ``script``,
  ``style``, ``iframe``, ``object``, ``embed``, ``form`` and its fields,
  ``svg``, ``math``, ``base``, ``meta``, ``link``…;
* no event-handler attribute (``onclick``, ``onerror``…), no ``style``
  except ``text-align`` (which Markdown tables write), no ``data-``
  attributes, no ids starting with ``__`` (the theme's own);
* links only to ``http``, ``https``, ``mailto``, ``tel`` or relative
  addresses: no ``javascript:``, no ``data:``; images only from the site's
  own files (a relative address): an image from another site would tell that
  site who reads the page, and the PDFs fetch nothing from elsewhere.

:func:`findings` lists what :func:`clean` would remove from a fragment, so
that ``check`` can tell the writer where and why, instead of their text
vanishing silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from ..text import visible
from ..weburl import parse

TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn",
        "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
        "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary",
        "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
    }
)  # fmt: skip
"""Tags kept; any other tag is removed (its text stays, except for those in :data:`DROPPED_WITH_CONTENT`)."""

DROPPED_WITH_CONTENT: frozenset[str] = frozenset({"script", "style", "template", "noscript", "textarea", "title", "iframe"})
"""Tags removed together with everything inside them."""

ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "td": {"style", "colspan", "rowspan"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
"""Attributes kept, by tag (``*``: on every tag)."""

URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
"""Schemes a link or image may use; relative addresses (no scheme) are always allowed."""

STYLE_PROPERTIES: frozenset[str] = frozenset({"text-align"})
"""CSS properties kept in a ``style`` attribute (Markdown tables align columns with it)."""

_URL_ATTRIBUTES = {"href", "src", "cite"}
_CODE_RUNS = {"script", "iframe", "object", "embed", "svg", "math", "base", "meta", "link", "form", "frame", "frameset", "applet"}


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: no ids of the theme's (``__config``…), no images from other sites, no address a browser
    would read otherwise than it looks (:mod:`..weburl`: another site written as a path, a scheme not allowed)."""
    if attribute == "id" and value.startswith("__"):
        return None
    if attribute in _URL_ATTRIBUTES:
        address = parse(value)
        if address.disguised or (tag == "img" and attribute == "src" and address.other_site):
            return None
        if not address.relative and address.scheme not in URL_SCHEMES:
            return None
    return value


def clean(html: str) -> str:
    """``html`` with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_keep_attribute,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
    )


@dataclass(frozen=True)
class Finding:
    """One thing :func:`clean` would remove: a tag, an attribute or an address."""

    kind: str
    """``tag``, ``attribute``, ``theme-id`` (an id starting ``__``), ``address`` (a scheme not allowed), ``image`` (an image
    from another site) or ``disguised`` (another site, written like a path of this one)."""
    name: str
    """The tag's or attribute's name, or the address's scheme."""
    tag: str
    value: str = ""

    @property
    def runs_code(self) -> bool:
        """True for what would run script or load another document if it were kept."""
        if self.kind == "tag":
            return self.name in _CODE_RUNS or self.name in DROPPED_WITH_CONTENT
        if self.kind == "attribute":
            return self.name.startswith("on") and "&" not in self.name
        if self.kind in ("image", "theme-id", "disguised"):
            return False
        return self.name in ("javascript", "vbscript", "data")

    def explain(self) -> str:
        """What is wrong and what is allowed, in the words of the data contract's messages."""
        if self.kind == "tag":
            why = "it could run code or load another page" if self.runs_code else "it is not on the list of HTML the site keeps"
            return (
                f"<{self.name}> is not allowed in a page ({why}), so the site would remove it; "
                f"use Markdown, or only these tags: {', '.join(sorted(TAGS))}"
            )
        if self.kind == "attribute" and "&" in self.name:
            shown = visible(self.name if len(self.name) <= 40 else self.name[:37] + "…")
            return (
                f"the attribute name '{shown}' on <{self.tag}> holds a character reference (like &#61;), which browsers do "
                "not decode in a name, so it is no attribute they know and the site would remove it; write an attribute as "
                'name="value", and event handlers (on…) are not allowed at all'
            )
        if self.kind == "attribute":
            if self.runs_code:
                return (
                    f"the attribute {self.name}= on <{self.tag}> runs script, so the site would remove it; event handlers are not allowed"
                )
            kept = sorted(ATTRIBUTES["*"] | ATTRIBUTES.get(self.tag, set()))
            return f"the attribute {self.name}= on <{self.tag}> is not allowed, so the site would remove it; allowed on <{self.tag}>: {', '.join(kept)}"
        shown = visible(self.value if len(self.value) <= 40 else self.value[:37] + "…")
        if self.kind == "theme-id":
            return (
                f"the id '{shown}' on <{self.tag}> starts with __, which the theme keeps for its own ids, so the site would "
                "remove it; choose an id without the two underscores"
            )
        if self.kind == "disguised":
            return (
                f"the address '{shown}' looks like a path on this site, but browsers read it as the site {self.name} "
                "(they read \\ as / and // as another site), so the site would remove it; write https://… in full "
                "for another site, or a path starting with one / for a page of this one"
            )
        if self.kind == "image":
            return (
                f"the image '{shown}' is on another site, so the site would leave it out: pages load nothing from other "
                "sites (it would tell them who reads the page) and PDFs fetch nothing; save the image under content/ "
                "and give its path"
            )
        return (
            f"the address '{shown}' would be removed: a {self.name}: address can run code or hide content; "
            "allowed: https://…, http://…, mailto:…, tel:… or a path to a page or file of the site"
        )


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag not in TAGS:
            self.found.append(Finding("tag", tag, tag))
            return
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            name = name.lower()
            text = value or ""
            address = parse(text) if name in _URL_ATTRIBUTES else None
            if name not in allowed:
                self.found.append(Finding("attribute", name, tag, text))
            elif name == "id" and text.startswith("__"):
                self.found.append(Finding("theme-id", name, tag, text))
            elif address is None:
                pass
            elif address.disguised:
                self.found.append(Finding("disguised", address.host, tag, text))
            elif tag == "img" and name == "src" and address.other_site:
                self.found.append(Finding("image", "src", tag, text))
            elif not address.relative and address.scheme not in URL_SCHEMES:
                self.found.append(Finding("address", address.scheme or "?", tag, text))
            elif name == "style":
                properties = {part.split(":", 1)[0].strip().lower() for part in text.split(";") if part.strip()}
                for extra in sorted(properties - STYLE_PROPERTIES):
                    self.found.append(Finding("attribute", f"style ({extra})", tag, text))

    handle_startendtag = handle_starttag


def findings(html: str) -> list[Finding]:
    """What :func:`clean` would remove from ``html``, in document order."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


_SCRIPT_TAGS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "foreignobject", "handler", "listener"}
)
"""Tags of a hand-written HTML or SVG file that run script or load another document (SVG's ``foreignObject`` holds HTML)."""
_ANIMATED = frozenset({"set", "animate", "animatemotion", "animatetransform"})
_SAFE_DATA = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")


class _ScriptFinder(HTMLParser):
    """Every place of a whole HTML or SVG file that would run script if a browser opened the file itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []

    def _add(self, message: str) -> None:
        line, column = self.getpos()
        self.found.append((line, column + 1, message))

    def handle_pi(self, data: str) -> None:
        if data.lower().startswith("xml-stylesheet"):
            self._add("<?xml-stylesheet?> makes a page of the file with a stylesheet, which can run script")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in _SCRIPT_TAGS:
            self._add(f"<{tag}> runs script or loads another document")
        elif tag.startswith("xsl:"):
            self._add(f"<{tag}> is XSLT, which builds a page that can run script")
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta" and "http-equiv" in values:
            self._add("<meta http-equiv> can send the reader to another address")
        animated = values.get("attributename", "").lower().split(":")[-1]
        if tag in _ANIMATED and (animated in ("href", "src") or animated.startswith("on")):
            self._add(f"<{tag} attributeName={values['attributename']}> changes an address or an event handler as it plays")
        for name, value in values.items():
            if name.startswith("on"):
                self._add(f"the attribute {name}= on <{tag}> runs script")
                continue
            address = parse(value.strip())
            if address.scheme in ("javascript", "vbscript") or (
                address.scheme == "data" and not value.strip().lower().startswith(_SAFE_DATA)
            ):
                self._add(f"the address '{visible(value[:37])}' in {name}= on <{tag}> can run script")

    handle_startendtag = handle_starttag


def script_places(markup: str) -> list[tuple[int, int, str]]:
    """(line, column, what) for everything in the whole HTML or SVG file ``markup`` that would run script: the elements,
    event-handler attributes and addresses :func:`clean` removes from a page because they run code (:attr:`Finding.runs_code`),
    with SVG's own ways (``foreignObject``, an animation that sets ``href``)."""
    finder = _ScriptFinder()
    finder.feed(markup)
    finder.close()
    return finder.found
