"""Colour contrast, as WCAG 2.2 measures it."""

from __future__ import annotations


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """Relative luminance of ``#rrggbb``."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, amount: float) -> str:
    """``a`` moved ``amount`` (0–1) of the way towards ``b``."""
    ha, hb = a.lstrip("#"), b.lstrip("#")
    parts = []
    for i in (0, 2, 4):
        x, y = int(ha[i : i + 2], 16), int(hb[i : i + 2], 16)
        parts.append(round(x + (y - x) * amount))
    return "#" + "".join(f"{p:02x}" for p in parts)


def brand_css(primary: str, accent: str) -> str:
    """Material's colour variables set to the partnership's colours."""
    return f"""/* Written by the build from data/site.yml: do not edit. */
:root,
[data-md-color-scheme="default"] {{
  --md-primary-fg-color: {primary};
  --md-primary-fg-color--light: {mix(primary, "#ffffff", 0.25)};
  --md-primary-fg-color--dark: {mix(primary, "#000000", 0.25)};
  --md-primary-bg-color: #ffffff;
  --md-primary-bg-color--light: #ffffffb3;
  --md-accent-fg-color: {accent};
  --md-accent-fg-color--transparent: {accent}1a;
  --md-typeset-a-color: {primary};
}}
"""
