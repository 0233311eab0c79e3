"""The PCF "fan": a framework's items as wedges and its levels as rings, in SVG.

Every wedge is a link to the item's page, with its number as real text and
its full name as the link's accessible name; the page lists the same items
as text beside the drawing, so nothing is only in the picture. Groups (the
PCF's Purpose, Practice and Impact) have their own colour and are named in
the legend, never told apart by colour alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from markupsafe import Markup, escape

from ..models.frameworks import Framework
from ..present import urls
from ..present.colours import mix

#: Group colours: each keeps at least 4.5:1 with white text.
PALETTE = ("#1d4f91", "#0b6e4f", "#6b3fa0", "#8a4b00", "#005a70")


def _point(cx: float, cy: float, radius: float, degrees: float) -> tuple[float, float]:
    angle = math.radians(degrees)
    return cx + radius * math.cos(angle), cy - radius * math.sin(angle)


def _sector(cx: float, cy: float, inner: float, outer: float, start: float, end: float) -> str:
    x1, y1 = _point(cx, cy, outer, start)
    x2, y2 = _point(cx, cy, outer, end)
    x3, y3 = _point(cx, cy, inner, end)
    x4, y4 = _point(cx, cy, inner, start)
    return (
        f"M{x1:.1f},{y1:.1f} A{outer:.1f},{outer:.1f} 0 0 1 {x2:.1f},{y2:.1f} "
        f"L{x3:.1f},{y3:.1f} A{inner:.1f},{inner:.1f} 0 0 0 {x4:.1f},{y4:.1f} Z"
    )


def group_colours(framework: Framework) -> dict[str | None, str]:
    groups: list[str | None] = []
    for item in framework.items:
        if item.group not in groups:
            groups.append(item.group)
    return {group: PALETTE[i % len(PALETTE)] for i, group in enumerate(groups)}


def fan(framework: Framework, url: Callable[[str], str]) -> Markup:
    """The SVG fan of ``framework`` (which should have levels), links relative via ``url``."""
    width, height = 640, 350
    cx, cy = width / 2, height - 20
    inner, outer = 70.0, 300.0
    levels = max(len(framework.levels), 1)
    ring = (outer - inner) / levels
    count = len(framework.items)
    step = 180 / count
    colours = group_colours(framework)
    parts = [
        f'<svg class="cpd-fan" viewBox="0 0 {width} {height}" role="group" '
        f'aria-labelledby="fan-title-{framework.id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="fan-title-{framework.id}">{escape(framework.name)}: '
        f"{count} items as a fan, {levels} levels as rings from the centre outwards</title>",
    ]
    for index, item in enumerate(framework.items):
        start = 180 - index * step
        end = start - step
        colour = colours[item.group]
        label = f"{item.number}. {item.title}" if item.number is not None else item.title
        if item.group:
            label += f" ({item.group})"
        link = url(urls.framework_item(framework.id, item.id))
        parts.append(f'<a href="{escape(link)}" aria-label="{escape(label)}" class="cpd-fan__item">')
        for level in range(levels):
            tint = 0.78 * (1 - level / max(levels - 1, 1)) if levels > 1 else 0
            parts.append(
                f'<path d="{_sector(cx, cy, inner + level * ring, inner + (level + 1) * ring, start, end)}" '
                f'fill="{mix(colour, "#ffffff", tint)}" stroke="#ffffff" stroke-width="1.5"/>'
            )
        x, y = _point(cx, cy, outer - ring / 2, start - step / 2)
        text = str(item.number) if item.number is not None else item.title[:2]
        parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" dominant-baseline="central" '
            f'class="cpd-fan__number" fill="#ffffff" aria-hidden="true">{escape(text)}</text>'
        )
        parts.append("</a>")
    parts.append(
        f'<text x="{cx:.1f}" y="{cy - 18:.1f}" text-anchor="middle" class="cpd-fan__centre" aria-hidden="true">'
        f"{escape(framework.short_name or framework.id.upper())}</text>"
    )
    parts.append("</svg>")
    return Markup("".join(parts))
