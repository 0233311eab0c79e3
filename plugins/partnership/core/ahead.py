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
"""Who claimed a piece of work: nobody, this process; a helper is ``_HELPER + its number``."""
_HELPER = 2


class PagesAhead:
    """Shares the rendering of ``pages`` (but those with narratives or charts) with ``helpers`` forked processes.

    Two kinds of work are shared, each claimed once under a lock: a page's body
    (with its search version), and then, once every body is claimed, the
    search versions of the pages this process rendered (the site generator
    asks for those later, while it writes the pages).
    """

    def __init__(self, pages: Sequence[SitePage], helpers: int):
        self._pages = [page for page in pages if not page.narratives and not page.charts]
        self._index = {page.url: number for number, page in enumerate(self._pages)}
        context = multiprocessing.get_context("fork")
        count = len(self._pages)
        self._body = context.RawArray("b", count)  # who renders each page's body
        self._search = context.RawArray("b", count)  # who renders the search version of a page rendered here
        self._back = context.RawValue("i", count)  # helpers claim bodies below this, downwards
        self._search_back = context.RawValue("i", count)  # and then search versions below this
        self._lock = context.Lock()
        self._searches: dict[str, str | None] = {}
        self._jobs = [Job(f"rendering pages ahead (helper {n + 1})", self._helper(n), parallel=True) for n in range(helpers)]

    def _helper(self, number: int):
        owner = _HELPER + number

        def work(send: Send) -> int:
            done = 0
            while (index := self._claim_body(owner)) is not None:
                page = self._pages[index]
                send(page.url, (page.render(), page.search_render() if page.search_render else None))
                done += 1
            while (index := self._claim_search(owner)) is not None:
                page = self._pages[index]
                send("search:" + page.url, page.search_render())  # type: ignore[misc]
            return done

        return work

    def _claim_body(self, owner: int) -> int | None:
        with self._lock:
            while self._back.value > 0:
                self._back.value -= 1
                index = self._back.value
                if self._body[index] == _FREE:
                    self._body[index] = owner
                    return index
        return None

    def _claim_search(self, owner: int) -> int | None:
        """The last page whose body this process rendered and whose search version nobody has claimed."""
        with self._lock:
            while self._search_back.value > 0:
                self._search_back.value -= 1
                index = self._search_back.value
                if self._body[index] == _HERE and self._search[index] == _FREE and self._pages[index].search_render is not None:
                    self._search[index] = owner
                    return index
        return None

    def _collect(self) -> None:
        for job in self._jobs:
            job.collect()

    def body(self, page: SitePage) -> str | None:
        """The page's HTML if a helper rendered it (waiting for it if need be); None: render it here."""
        index = self._index.get(page.url)
        if index is None:
            return None
        self._collect()
        with self._lock:
            owner = self._body[index]
            if owner == _FREE:
                self._body[index] = _HERE
        if owner < _HELPER:
            return None
        html, search = self._jobs[owner - _HELPER].take(page.url)  # type: ignore[misc]
        self._searches[page.url] = search
        return html

    def rendered_ahead(self, page: SitePage) -> bool:
        """Whether a helper rendered the page's search version (with its body, or after)."""
        index = self._index.get(page.url)
        if index is None:
            return False
        if page.url in self._searches:
            return True
        self._collect()
        with self._lock:
            owner = self._search[index]
            if owner == _FREE:
                self._search[index] = _HERE
        if owner < _HELPER:
            return False
        self._searches[page.url] = self._jobs[owner - _HELPER].take("search:" + page.url)  # type: ignore[assignment]
        return True

    def search(self, page: SitePage) -> str | None:
        """The search version a helper rendered (after :meth:`rendered_ahead` said so; once)."""
        return self._searches.pop(page.url, None)

    def finish(self) -> int:
        """Wait for the helpers; how many page bodies they rendered."""
        return sum(job.result() for job in self._jobs)

    def cancel(self) -> None:
        for job in self._jobs:
            job.cancel()
