"""The MkDocs page class for generated pages kept out of the navigation.

Their Markdown is empty: the plugin renders the body in ``on_page_content``. MkDocs
would still build a Markdown converter with every configured extension for each
of them, which on a catalogue of thousands of events is a tenth of the build.
``GeneratedPage.render`` skips that and sets what an empty page's render sets.
(Material's blog plugin subclasses ``Page`` the same way for its posts and views.)

Pages in the navigation keep MkDocs' own class: MkDocs gives them their title
from ``nav`` in ``mkdocs.yml`` only when it makes the page itself.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class GeneratedPage(Page):
    """A page whose body the plugin writes; MkDocs' Markdown pass is skipped."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self.markdown.strip():  # not a generated page after all: render it as MkDocs would
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
