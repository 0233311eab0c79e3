"""Pages rendered ahead by helper processes while the site generator writes pages in this one.

A catalogue's pages are thousands of event and facet pages. Helper processes
(forked once the page list is made) take pages from the end of the list, and
the site generator's process from the start; each page is rendered once, by
whichever process claims it first, and a helper's pages are handed over
through a pipe with their search versions. On a machine with two cores this
takes about half of the pages' rendering off the build's critical path.

Pages that embed content/ narratives (whose links that lead nowhere this
process reports) and pages with charts (drawn by the other process) are
always rendered here. Where forking is not safe there are no helpers, and
every page is rendered here, the same.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence

from .html.context import SitePage
from .worker import Job, Send

_FREE, _HERE = 0, 1
"""Who claimed a page: nobody, this process; a helper is ``_HELPER + its number``."""
_HELPER = 2


class PagesAhead:
    """Shares the rendering of ``pages`` (but those with narratives or charts) with ``helpers`` forked processes."""

    def __init__(self, pages: Sequence[SitePage], helpers: int):
        self._pages = [page for page in pages if not page.narratives and not page.charts]
        self._index = {page.url: number for number, page in enumerate(self._pages)}
        context = multiprocessing.get_context("fork")
        self._owner = context.RawArray("b", len(self._pages))
        self._back = context.RawValue("i", len(self._pages))  # helpers claim below this, downwards
        self._lock = context.Lock()
        self._searches: dict[str, str | None] = {}
        self._jobs = [Job(f"rendering pages ahead (helper {n + 1})", self._helper(n), parallel=True) for n in range(helpers)]

    def _helper(self, number: int):
        def work(send: Send) -> int:
            done = 0
            while (index := self._claim_from_the_end(_HELPER + number)) is not None:
                page = self._pages[index]
                send(page.url, (page.render(), page.search_render() if page.search_render else None))
                done += 1
            return done

        return work

    def _claim_from_the_end(self, owner: int) -> int | None:
        with self._lock:
            while self._back.value > 0:
                self._back.value -= 1
                index = self._back.value
                if self._owner[index] == _FREE:
                    self._owner[index] = owner
                    return index
        return None

    def body(self, page: SitePage) -> str | None:
        """The page's HTML if a helper rendered it (waiting for it if need be); None: render it here."""
        index = self._index.get(page.url)
        if index is None:
            return None
        for job in self._jobs:
            job.collect()
        with self._lock:
            owner = self._owner[index]
            if owner == _FREE:
                self._owner[index] = _HERE
        if owner < _HELPER:
            return None
        html, search = self._jobs[owner - _HELPER].take(page.url)  # type: ignore[misc]
        self._searches[page.url] = search
        return html

    def search(self, page: SitePage) -> str | None:
        """The search version a helper rendered with the page, if it did (once)."""
        return self._searches.pop(page.url, None)

    def rendered_ahead(self, page: SitePage) -> bool:
        return page.url in self._searches

    def finish(self) -> int:
        """Wait for the helpers; how many pages they rendered."""
        return sum(job.result() for job in self._jobs)

    def cancel(self) -> None:
        for job in self._jobs:
            job.cancel()
