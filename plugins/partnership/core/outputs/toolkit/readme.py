"""The zip's README: what each file is for, in the order a placement uses them, and what they were made from."""

from __future__ import annotations

import datetime as dt
import textwrap

from ...models.site import Site
from ...present import urls
from ...present.format import date as long_date
from ...present.toolkit import PHASES, Download
from ...views.toolkit import Toolkit

WIDTH = 78
FORMAT_NAMES = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel"}


def _wrap(text: str, indent: str = "", hanging: str = "") -> list[str]:
    """``text`` wrapped at :data:`WIDTH`, never breaking a web address or a hyphenated word."""
    lines = textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent + hanging, break_long_words=False, break_on_hyphens=False
    )
    return lines or [""]


def _name(download: Download, extension: str) -> str:
    """The file's name in the zip."""
    return urls.toolkit_file(download.key, extension).rpartition("/")[2]


def readme(kit: Toolkit, offered: tuple[Download, ...], site: Site, when: dt.datetime, names: list[str]) -> bytes:
    """README.txt for a zip holding ``names`` (file names) of the toolkit's files ``offered``, with Windows line ends so that every editor shows it."""
    lines = ["PCF toolkit for practice educators", site.name, ""]
    lines += _wrap(f"Made on {long_date(when.date())} from the frameworks in force that day:")
    for framework in (kit.pcf, *kit.kss, *(f for f in (kit.professional, kit.course) if f is not None)):
        lines += _wrap(f"- {framework.name} ({framework.owner}, {framework.version}): {framework.url}", hanging="  ")
    lines += [""]
    lines += _wrap(
        "The descriptions in these files are the partnership's own short guide; the full frameworks are published by "
        "their owners at the addresses above."
    )
    for phase in PHASES:
        here = [d for d in offered if d.phase == phase.id and any(_name(d, ext) in names for ext in d.formats)]
        if not here:
            continue
        lines += ["", phase.title.upper(), *_wrap(phase.summary), ""]
        for download in here:
            files = [name for name in (_name(download, ext) for ext in download.formats) if name in names]
            kinds = ", ".join(FORMAT_NAMES[name.rsplit(".", 1)[1]] for name in files)
            lines += _wrap(f"{download.title} ({kinds}): {', '.join(files)}")
            lines += _wrap(f"{download.stage}. {download.description}", "    ")
    lines += ["", "USING THE FILES", ""]
    lines += _wrap(
        "Word forms: click a grey hint and type, or choose from its list; the hint disappears. Printed blank, every "
        "answer has room to write by hand. Each page shows the form's name, the partnership and 'Page X of Y'."
    )
    lines += [""]
    lines += _wrap(
        "Excel grids: type the names once on the Cover sheet; every sheet shows them in its first row, which is printed "
        "at the top of every page. Fill in the pale yellow cells (their rows grow with what you type); log each piece of "
        "evidence once and the grids count it. Descriptions, headings and totals are protected against typing over "
        "(Review > Unprotect Sheet, no password)."
    )
    lines += [""]
    if site.url:
        lines += _wrap(f"The latest files: {urls.absolute(site.url, urls.toolkit())}")
    lines += _wrap(f"Questions: the {site.short_name} central team, {site.contact_email}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
