"""One build of the site: its pages, the files beside them, the charts, and the process that makes the files.

A site generator (the MkDocs plugin in ``plugin/``) drives a :class:`SiteBuild`
and only forwards its own events to it:

1. ``SiteBuild(dataset, now)`` with the checked data: the build's views
   (:class:`~..present.siteviews.SiteViews`, computed once, or handed over
   by whoever computed them already: ``views=``) and every page (nothing
   rendered yet); draft reports only with ``drafts=True`` (the live
   preview), otherwise left out with their year's figures
   (:meth:`Dataset.published`);
2. :meth:`~SiteBuild.start_outputs` once the site folder is ready: calendars,
   open data, report CSVs and PDFs, toolkit documents and charts are made by a
   second process (where the platform forks) while the pages are written;
3. :meth:`~SiteBuild.page_html` (and :meth:`~SiteBuild.search_html`) for each
   generated page, and :meth:`~SiteBuild.hand_written` for the Markdown pages
   the generator renders;
4. :meth:`~SiteBuild.finish_page` on each page's whole HTML: download sizes and
   the Content-Security-Policy;
5. :meth:`~SiteBuild.finish` (or :meth:`~SiteBuild.cancel` when the build fails);
   then :meth:`~SiteBuild.write_editor` for the published site's browser editor at /admin/.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cms.admin import node_modules, write_admin
from ..cms.collections import cms_config
from ..html.blocks import render_blocks
from ..html.context import RenderContext, SitePage
from ..html.pages import all_pages
from ..html.security import ThemeScripts, with_policy
from ..html.sizes import fill_sizes, has_markers
from ..models.dataset import Dataset
from ..present.charts import Charts
from ..present.manifest import FileKind
from ..present.safehtml import clean
from ..present.siteviews import SiteViews
from ..present.templating import compiled_folder
from ..worker import Job, Send, can_fork
from .addresses import embedded_content

Log = Callable[[str], None]


@dataclass
class Finished:
    """What a build wrote beside its pages."""

    sizes: dict[str, int]
    """Every file written by the second process, by its path in the site: its size in bytes."""
    broken_links: list[tuple[str, str]]
    """(content file, link) of every link in a narrative that leads to no page or file."""


class SiteBuild:
    """The pages and files of one build, from one dataset at one instant."""

    def __init__(
        self,
        dataset: Dataset,
        now: dt.datetime,
        *,
        pdf: bool = True,
        downloads: bool = True,
        cache_dir: Path | None = None,
        parallel: bool | None = None,
        drafts: bool = False,
        log: Log = print,
        views: SiteViews | None = None,
        editor: tuple[str, ...] = (),
    ):
        if views is None:
            views = SiteViews.compute(dataset, now, drafts=drafts, editor=editor)
        assert views.source is dataset and views.now == now and views.drafts == drafts, "views computed from other data"
        assert views.editor == editor, "views computed for another editor"
        self.views = views
        """Everything the build shows, computed once: every page, file and chart reads it."""
        self.withheld = list(views.withheld)
        """Draft reports the published site leaves out: their narratives are no pages of their own either."""
        self.dataset = views.dataset
        """The data the site shows: figures quoted in reports' words filled in from it."""
        self.now = now
        self.pdf = pdf
        self.downloads = downloads
        self.cache_dir = cache_dir
        self.parallel = can_fork() if parallel is None else parallel
        """Make the files in a second process (and print PDFs on every core)."""
        self.log = log
        self.compiled = compiled_folder(cache_dir / "templates") if cache_dir else None
        """Where compiled templates are kept between builds (by this release of the code and Jinja's version)."""
        charts = Charts(cache_dir / "charts" if cache_dir else None, views.names)
        self.context = RenderContext(views, charts, pdf=pdf, compiled=self.compiled)
        self.pages: list[SitePage] = all_pages(views)
        self.context.known_urls = {page.url for page in self.pages}
        self._job: Job[dict[str, int]] | None = None
        self._charts_loaded = False

    def embedded_content(self) -> set[str]:
        """Markdown files under content/ that generated pages embed (or a draft report left out would), so they are not pages of their own."""
        return embedded_content(self.views)

    def start_outputs(self, site_dir: Path) -> None:
        """Start writing calendars, data, charts and downloads into ``site_dir``, beside the pages.

        Straight into the folder the pages are written to: writing thousands of
        files once costs half as much as writing and then moving them, and a
        failed build discards the whole folder anyway.
        """
        self.cancel()
        site_dir.mkdir(parents=True, exist_ok=True)
        views, context, pdf, downloads, parallel, log = self.views, self.context, self.pdf, self.downloads, self.parallel, self.log
        cache_dir, compiled = self.cache_dir, self.compiled
        known_urls = {page.url for page in self.pages}
        if parallel:
            context.compile_templates()  # once, here, before the other processes fork

        def work(send: Send) -> dict[str, int]:
            # Imported here: the writers' libraries (openpyxl, python-docx, icalendar)
            # are only needed by the process that writes the files.
            from ..outputs.cache import OutputCache
            from ..outputs.documents import Documents
            from ..outputs.writer import write_outputs

            # Charts first: the report pages (built meanwhile by the other process) and the PDFs both need them.
            send("charts", context.charts.draw_all(views.charts))
            docs = Documents(views, context.charts, known_urls, compiled)
            cache = OutputCache(cache_dir / "outputs" if cache_dir else None)
            return write_outputs(docs, site_dir, pdf=pdf, downloads=downloads, cache=cache, parallel=parallel, log=log)

        self._job = Job("writing calendars, reports and downloads", work, parallel)
        self._charts_loaded = False

    def page_html(self, page: SitePage) -> str:
        """The HTML of a generated page's body (from its h1 down), links relative to the page."""
        if self._job is not None:
            self._job.collect()  # the charts, as soon as they are drawn: the other process goes on to the files
        if page.charts and not self._charts_loaded and self._job is not None:
            drawn = self._job.part("charts")  # drawn by the second process meanwhile
            if drawn:
                self.context.charts.add(drawn)  # type: ignore[arg-type]
            self._charts_loaded = True
        return self.context.page_html(page)

    def search_html(self, page: SitePage) -> str | None:
        """The short version of a page for the site search to index, if it has one."""
        return self.context.search_html(page)

    def hand_written(self, html: str, page_url: str) -> tuple[str, list[str]]:
        """A hand-written page's HTML, cleaned to the allowed tags, with its ``[[blocks]]`` filled in; and the names of blocks this site does not know.

        (``check`` names what cleaning would remove; blocks are the site's own HTML.)
        """
        return render_blocks(clean(html), self.context, page_url)

    def finish_page(self, html: str, theme: ThemeScripts | None) -> str:
        """A page's whole HTML with the sizes of its downloads filled in and its Content-Security-Policy,
        which allows ``theme``'s own inline scripts (None: no policy, for the live preview's changing script)."""
        if has_markers(html) and self._job is not None:
            html = fill_sizes(html, self._job.result())
        return with_policy(html, theme) if theme is not None else html

    def finish(self) -> Finished:
        """Wait for the files; what was written, and the narrative links that lead nowhere."""
        assert self._job is not None, "start_outputs() comes first"
        sizes = self._job.result()
        self._job = None
        return Finished(sizes, list(self.context.broken_links))

    def write_editor(self, site_dir: Path, backend: dict[str, Any]) -> None:
        """The browser editor's files of the manifest (/admin/), its configuration saving through ``backend``
        (:func:`~..cms.collections.github_backend`); nothing when the build has no editor."""
        if not self.views.editor:
            return
        config = cms_config(self.dataset, backend, site_url=self.dataset.site.url)
        written = write_admin(site_dir, config, self.dataset.site.name, node_modules())
        listed = [file.path for file in self.views.files if file.kind == FileKind.EDITOR]
        assert written == listed, f"the editor wrote {written}, the manifest lists {listed}"

    def cancel(self) -> None:
        """Stop making the files (the build failed, or starts again)."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
