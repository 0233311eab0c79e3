"""The ``partnership`` MkDocs plugin: MkDocs events in, forwarded to the core's :class:`SiteBuild`.

* ``on_config`` loads and checks ``data/`` (every problem at once, or the
  build stops) and prepares the build: its views are computed once, or
  taken from ``python3 build.py``'s check of the same data (:meth:`~PartnershipPlugin.reuse`);
* ``on_files`` adds one generated page per public URL (``File.generated``),
  outside the navigation except for the section pages, refuses a
  hand-written file at an address the site makes (a page, or a file of the
  manifest), and starts the build's files (calendars, open data, report PDFs,
  toolkit files) beside them;
* ``on_page_content`` swaps each generated page's body for the core's HTML,
  and fills ``[[blocks]]`` in hand-written pages;
* ``on_post_page`` fills in download sizes and the Content-Security-Policy;
* ``on_post_build`` waits for the files and reports what went wrong;
* ``on_serve`` watches ``data/`` so that a YAML edit rebuilds the preview.

Nothing here decides what the site shows; it translates between MkDocs'
objects and the core's.
"""

from __future__ import annotations

import contextlib
import html as html_entities
import json
import os
import re
import time
from collections.abc import Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..core import clock
from ..core.build import SiteBuild
from ..core.build.addresses import clashes, taken
from ..core.cms.admin import published_files
from ..core.cms.collections import github_backend
from ..core.html.context import SitePage
from ..core.html.security import ThemeScripts
from ..core.load import load_dataset_cached
from ..core.present import urls
from ..core.present.siteviews import SiteViews
from ..core.present.templating import compiled_templates
from ..core.problems import DataError, Problem
from ..core.worker import WorkFailed
from .chrome import SharedChrome
from .config import PartnershipConfig
from .pages import GeneratedPage

if TYPE_CHECKING:
    from mkdocs.structure.toc import _TocToken  # what get_toc() is given: Python-Markdown's table-of-contents tokens

log = get_plugin_logger(__name__)

_HEADING = re.compile(r"<h([123])\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_H1 = re.compile(r"<h1(?![^>]*\bid=)")


class DataProblems(PluginError):
    """The data has problems; ``error`` holds them all, for the command line to print."""

    def __init__(self, error: DataError):
        super().__init__(error.report())
        self.error = error


@contextlib.contextmanager
def _reported() -> Iterator[None]:
    """The core's failures as MkDocs' plugin errors, which every MkDocs command reports without a traceback."""
    try:
        yield
    except WorkFailed as error:
        raise PluginError(str(error)) from None


def _toc(html: str) -> list[_TocToken]:
    """Table-of-contents tokens (as Python-Markdown makes them) from h1–h3 with ids.

    The page's h1 is the root, as in Markdown pages: the theme's skip link
    goes to it, and its sidebar lists the h1's children.
    """
    roots: list[_TocToken] = []
    stack: list[_TocToken] = []
    for level, anchor, inner in _HEADING.findall(html):
        token: _TocToken = {"level": int(level), "id": anchor, "name": _TAG.sub("", inner).strip(), "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots


def _check_analytics(config: MkDocsConfig) -> None:
    """Analytics only with consent, and refusing as easy as accepting (no tracking without it)."""
    analytics = config.extra.get("analytics")
    if not analytics:
        return
    consent = config.extra.get("consent")
    actions = (consent or {}).get("actions") or ["accept", "manage"]
    if not consent or "reject" not in actions:
        raise PluginError(
            "mkdocs.yml: extra.analytics is set, so extra.consent is needed, with a Reject button as "
            "easy to find as Accept: add  consent: {title: Cookie consent, description: …, actions: [accept, reject, manage]}"
        )


def _follow_edits(root: str) -> str:
    """In the preview only: after a rebuild, go to the page that shows the file just saved."""
    return f"""<script>
fetch({json.dumps(root)} + ".preview/edited.json", {{cache: "no-store"}})
  .then(function (r) {{ return r.ok ? r.json() : null; }})
  .then(function (e) {{
    if (!e || sessionStorage.getItem("partnership-edited") === String(e.stamp)) return;
    sessionStorage.setItem("partnership-edited", String(e.stamp));
    var target = new URL({json.dumps(root)} + e.url, location.href);
    if (target.pathname !== location.pathname) location.assign(target.href);
  }}).catch(function () {{}});
</script>"""


def _warnings_panel(warnings: Sequence[Problem]) -> str:
    """In the preview only: the data's warnings, in a panel at the foot of every page."""
    if not warnings:
        return ""
    items = "".join(f"<li><code>{escape(str(w))}</code></li>" for w in warnings)
    count = f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
    return (
        '<aside aria-label="Warnings about the data" style="position:fixed;bottom:0;left:0;right:0;z-index:10;'
        "max-height:40vh;overflow:auto;background:#fff8e1;color:#1f2328;border-top:3px solid #7a4a00;"
        'padding:.5rem 1rem;font:15px/1.4 system-ui,sans-serif"><details open><summary style="cursor:pointer">'
        f"<strong>{count}</strong> in the data: probably typing mistakes (the site is built anyway)"
        f'</summary><ul style="margin:.25rem 0">{items}</ul></details></aside>'
    )


def _shown(path: str | None, base: Path) -> str | None:
    """``path`` as the editor knows it (relative to the project), if it is inside the project."""
    try:
        return Path(path).resolve().relative_to(base).as_posix() if path else None
    except ValueError:
        return None


_TAGS = re.compile(r"<[^>]*>")


def _escape_head(meta: MutableMapping[str, Any]) -> None:
    """A hand-written page's front matter title and description, escaped: the theme writes them into <head> as they are.

    (``check`` refuses markup in them: :mod:`partnership.core.rules.frontmatter`; this keeps a page safe even so.)
    """
    for key in ("title", "description"):
        if key in meta:
            meta[key] = escape(meta[key] if isinstance(meta[key], str) else str(meta[key]))


def _meta(page: SitePage) -> dict[str, Any]:
    """What front matter would say of a generated page: title, description, search and hidden parts.

    The theme does not escape titles or descriptions, so text from data is escaped here.
    """
    meta: dict[str, Any] = {"title": escape(page.title)}
    if page.description:
        meta["description"] = escape(page.description)
    if not page.search:
        meta["search"] = {"exclude": True}
    hide = ["navigation"] if not page.in_nav else []
    if not page.toc:
        hide.append("toc")
    if hide:
        meta["hide"] = hide
    return meta


class PartnershipPlugin(BasePlugin[PartnershipConfig]):
    """Builds the partnership's site from ``data/``."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.build: SiteBuild | None = None
        self.generated: dict[str, SitePage] = {}
        self.data_dir = Path("data")
        self.is_serving = False
        self._full_content: dict[str, str] = {}
        self._checked: SiteViews | None = None

    def reuse(self, views: SiteViews) -> None:
        """The views the command computed while checking the data: the next build uses them (and their instant)
        instead of computing them again, when the data it loads is the very dataset they were computed from."""
        self._checked = views

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serving = command == "serve"

    # Runs late (-50) so that every other plugin has adjusted the config
    # (Material's search adds its options) before site_name is set from data.
    @event_priority(-50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        started = time.perf_counter()
        base = Path(config.config_file_path or ".").resolve().parent
        self.data_dir = (base / self.config.data_dir).resolve()
        try:
            dataset = load_dataset_cached(self.data_dir, Path(config.docs_dir))
        except DataError as error:
            raise DataProblems(error) from None
        checked, self._checked = self._checked, None
        editor = () if self.is_serving else published_files()  # the preview's `edit` serves an editor of its own
        reusable = checked is not None and checked.source is dataset and checked.drafts == self.is_serving and checked.editor == editor
        views = checked if reusable else None
        now = views.now if views is not None else clock.now()
        if self.build is not None:
            self.build.cancel()
        self.build = SiteBuild(
            dataset,
            now,
            pdf=self.config.pdf,
            downloads=self.config.downloads,
            cache_dir=base / self.config.cache_dir if self.config.cache_dir else None,
            parallel=None if not self.is_serving else False,  # the preview runs threads: no fork there
            drafts=self.is_serving,  # draft reports are shown in the preview only
            log=log.info,
            views=views,
            editor=editor,
        )
        site = dataset.site
        # The theme's templates do not escape; text from data must not become markup.
        config.site_name = escape(site.name)
        if site.description:
            config.site_description = escape(site.description)
        if site.url:
            config.site_url = site.url
        if site.logo:
            config.theme["logo"] = site.logo
        _check_analytics(config)
        config.extra["partnership"] = {
            "short_name": site.short_name,
            "contact_email": site.contact_email,
            "accessibility_url": urls.accessibility(),
            "privacy_url": urls.privacy(),
            "colours": site.colours.model_dump(),
            "built": now.strftime("%-d %B %Y"),
        }
        log.info(
            "Checked data: %d events, %d partners, %d frameworks, %d reports (%.2f s)",
            len(dataset.events),
            len(dataset.partners),
            len(dataset.frameworks),
            len(dataset.reports),
            time.perf_counter() - started,
        )
        return config

    # Runs early (+50): the generated pages must exist before other plugins
    # (search, and anything that lists pages) look at the files.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.build is not None
        for src_uri in self.build.embedded_content():
            found = files.get_file_from_path(src_uri)
            if found is not None:
                files.remove(found)
        base = Path(config.config_file_path or ".").resolve().parent
        # Hand-written files (content/, theme/) by address: none may share one with a page or file the site makes.
        hand_written = sorted((_shown(f.abs_src_path, base) or f.src_uri, f.dest_uri) for f in files if f.generated_by is None)
        taken_by_both = clashes(taken(self.build.pages, self.build.views.files), hand_written)
        if taken_by_both:
            raise PluginError("\n".join(str(problem) for problem in taken_by_both))
        self.generated = {}
        for page in self.build.pages:
            src_uri = f"{page.url}index.md"
            # No front matter: the page's meta is set in on_page_markdown, which spares
            # MkDocs a YAML round trip per page (thousands of event pages).
            content = ""
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, src_uri, content=content, inclusion=inclusion)
            if not page.in_nav:
                GeneratedPage(None, file, config)  # sets file.page; MkDocs skips its Markdown pass
            files.append(file)
            self.generated[src_uri] = page
        log.info("Generated %d pages", len(self.generated))
        # Straight into the site folder that MkDocs has just cleaned (see SiteBuild.start_outputs).
        self.build.start_outputs(Path(config.site_dir))
        return files

    # Default priority: Material adds nothing to the environment that this needs.
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.build is not None and self.build.compiled is not None:  # the theme's templates, compiled once until they change
            env.bytecode_cache = compiled_templates(self.build.compiled)
        chrome = SharedChrome(env.filters["url"])  # new each build: the nav may have changed
        env.filters["url"] = chrome.url
        env.globals["shared_chrome"] = chrome
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            page.meta.update(_meta(generated))
            # The theme does not escape titles; text from data must not become markup.
            # (Section pages keep the shorter title mkdocs.yml's nav gives them.)
            if not generated.in_nav:
                page.title = page.meta["title"]
        else:
            _escape_head(page.meta)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.build is not None
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            with _reported():
                body = self.build.page_html(generated)
            html = _H1.sub('<h1 id="main-content"', body, count=1)
            # Always set (the theme's skip link needs it); hidden by "hide: toc" where not wanted.
            page.toc = get_toc(_toc(html))
            return html
        if "title" not in page.meta and page.title is not None and not page.is_homepage:
            # A title taken from the page's first heading is HTML, which the theme's striptags would turn back
            # into markup inside <title> (&lt;/title&gt; → </title>); the heading's text, escaped, is the title.
            page.meta["title"] = escape(html_entities.unescape(_TAGS.sub("", page.title)))
        rendered, unknown = self.build.hand_written(html, page.url)
        for name in unknown:
            log.warning("%s: [[%s]] is not a block this site knows", page.file.src_uri, name)
        return rendered

    # Runs first (+100), before Material's search plugin (0) indexes the page:
    # a generated page that offers a short search version is indexed by it.
    @event_priority(100)
    def _search_version_in(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        generated = self.generated.get(page.file.src_uri)
        if generated is not None and generated.search_template is not None:
            assert self.build is not None
            self._full_content[page.file.src_uri] = page.content or ""
            page.content = self.build.search_html(generated)
        return context

    # Runs last (-100), after every plugin has read the page: the page itself
    # is rendered with its full content.
    @event_priority(-100)
    def _search_version_out(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        full = self._full_content.pop(page.file.src_uri, None)
        if full is not None:
            page.content = full
        return context

    on_page_context = CombinedEvent(_search_version_in, _search_version_out)

    # Runs last (-100): the policy must hash the page's final inline scripts.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        assert self.build is not None
        with _reported():
            # The preview's live-reload script is inline and changes: no policy there.
            output = self.build.finish_page(output, None if self.is_serving else ThemeScripts.from_folders(config.theme.dirs))
        if self.is_serving:
            preview = _warnings_panel(self.build.dataset.warnings) + _follow_edits(urls.relative("", page.url))
            output = output.replace("</body>", preview + "</body>", 1)
        return output

    # Runs last (-100), like on_post_page: pages the theme makes itself (404.html) get the policy too.
    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name.endswith(".html") and not self.is_serving and self.build is not None:
            return self.build.finish_page(output_content, ThemeScripts.from_folders(config.theme.dirs))
        return output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.build is not None
        started = time.perf_counter()
        with _reported():
            finished = self.build.finish()
        for source, link in finished.broken_links:
            log.warning("content/%s: the link %r leads to no page or file", source, link)
        log.info("Wrote %d calendars, data files and downloads (waited %.1f s)", len(finished.sizes), time.perf_counter() - started)
        self._write_editor(config)

    def _write_editor(self, config: MkDocsConfig) -> None:
        """The browser editor at /admin/ (files of the manifest), configured for the GitHub repository (the preview's `edit` serves its own)."""
        assert self.build is not None
        if self.is_serving:
            return
        if not self.build.views.editor:
            log.info(
                "The browser editor (/admin/) is not in this build: its npm install is missing (run python3 build.py with npm installed)"
            )
            return
        repo = self.config.cms_repo or os.environ.get("GITHUB_REPOSITORY", "")
        auth = self.config.cms_auth_url or os.environ.get("CMS_AUTH_URL", "")
        self.build.write_editor(Path(config.site_dir), github_backend(repo or "OWNER/REPOSITORY", self.config.cms_branch, auth or None))

    def on_build_error(self, *, error: Exception) -> None:
        if self.build is not None:
            self.build.cancel()

    def on_shutdown(self) -> None:
        if self.build is not None:  # a build stopped by Ctrl+C gets here without on_build_error
            self.build.cancel()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.data_dir))
        return server


__all__ = ["DataProblems", "PartnershipPlugin"]
