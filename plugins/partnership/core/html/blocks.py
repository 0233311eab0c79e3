"""``[[blocks]]`` that hand-written pages can place: listings kept up to date by the build.

A line of its own in a content/ Markdown file such as::

    [[upcoming-events 4]]

is replaced by the next four upcoming events. The blocks:

==================  =====================================================
upcoming-events N   the next N upcoming events as cards (default 3)
pathway             the career pathway diagram
latest-report       a link to the newest annual report, with its summary
partners            the partners, by tier
==================  =====================================================
"""

from __future__ import annotations

import re

from .context import RenderContext

BLOCK = re.compile(r"<p>\[\[([a-z][a-z-]*)(?:\s+(\d+))?\]\]</p>")
BLOCKS = {"upcoming-events", "pathway", "latest-report", "partners"}


def render_blocks(html: str, ctx: RenderContext, page_url: str) -> tuple[str, list[str]]:
    """``html`` with every known block filled in, and the names of unknown ones."""
    unknown: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name, number = match.group(1), match.group(2)
        if name not in BLOCKS:
            unknown.append(name)
            return match.group(0)
        return ctx.render_page(f"blocks/{name}.html", page_url, count=int(number) if number else 3)

    return BLOCK.sub(replace, html), unknown


def find_blocks(markdown: str) -> list[tuple[int, str]]:
    """``(line, name)`` of every block written in a Markdown source."""
    found = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = re.fullmatch(r"\s*\[\[([a-z][a-z-]*)(?:\s+\d+)?\]\]\s*", line)
        if match:
            found.append((number, match.group(1)))
    return found
