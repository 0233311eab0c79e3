"""Word forms with python-docx that work the way Word users expect, and pass Word's accessibility checker.

A :class:`WordForm` is an A4 document (portrait or landscape) with its
title, author, subject and language set; a header naming the form and the
partnership on every page; a footer with "Page X of Y" fields; the Title,
Heading 1 and Heading 2 styles, so that the navigation pane shows its
structure; and tables in the Table Grid style whose first row is a marked
header row repeated on every page, and which have a title for screen
readers. A row is never split across two pages (a label stays beside its
answer, a sign-off in one piece), except a row holding a long answer (a
holistic assessment, a reflection: :data:`LONG_ANSWER`), which may run on
to the next page rather than leave most of one empty. No row has a minimum
height: LibreOffice loses the rest of a table whose unbreakable rows of a
minimum height meet the foot of a page (Collabora Online issues #11629 and
#16066; a filled-in final report once lost its sign-offs this way), so the
room to write by hand is paragraph spacing instead, and the tests print
filled-in forms to check that every row is still there.

Every space to fill in is a content control (:class:`Ask`) showing a short
grey hint ("Student's name", "Choose a judgement") that disappears when
the user types or chooses, and what is typed is in the ordinary text style,
not the hint's grey; a long list's choices are spelt out too, and the
spacing after each hint leaves room to write by hand when the form is
printed blank. Space between parts comes from paragraph spacing, never from
empty paragraphs. No column is narrower than its longest word
(:mod:`.fit`), so no word is broken letter by letter, and a column that
takes a person's name or signature is as wide as a long double-barrelled
name ("Nwachukwu-Sterling"), so that a name prints whole. A form may change
orientation part-way (:meth:`WordForm.section`): each section has the same
header and footer.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ...models.site import Site
from ...present.format import date as long_date
from ..zipped import restamp
from . import docx_parts
from .docx_parts import Kind
from .fit import fit_widths, longest_word_cm, name_width_cm

LANGUAGE = "en-GB"
INK = RGBColor(0x1F, 0x23, 0x28)
MUTED = RGBColor(0x4B, 0x55, 0x63)
HEADER_FILL = "E8ECF1"
SMALL = 9.5
"""The size (points) of the smaller text under a label: what a level looks like, what a signature confirms."""
MARGIN_CM = 2.0
HEADER_LETTERS = 80
"""The most letters of the form's title and the partnership's name on one header line; past it, the short name is used."""
CELL_MARGINS_CM = 0.5
"""A table cell's left and right margins (Table Grid's 0.19 cm each), and a little to spare."""
LINE = Pt(16)
"""The height of one handwritten line in a printed form.

The room under an answer's hint is the spacing after its paragraph, not a
minimum row height: LibreOffice (7.4) drops the rest of a table whose
repeated header row and unsplittable rows meet a row with a minimum height
that ends just at the foot of a page."""
LONG_ANSWER = 5
"""An answer given this many handwritten lines or more may run on to the next page; every other table row is kept whole."""


@dataclass(frozen=True)
class Ask:
    """A space to answer: a content control with a hint, and room for ``lines`` handwritten lines when printed."""

    hint: str
    kind: Kind = "text"
    options: tuple[str, ...] = ()
    lines: int = 1

    @property
    def takes_name(self) -> bool:
        """Whether the answer is a person's name or signature (its hint asks for a name): its column fits a long one whole."""
        return bool({"name", "names"} & set(re.findall(r"[a-z]+", self.hint.lower())))


SHORT_LIST = 60
"""A drop-down whose options take fewer letters than this lists them in its hint, so that a printed form shows them."""


def choose(hint: str, options: Sequence[str]) -> Ask:
    """A drop-down list of ``options`` (only these); a short list is spelt out in the hint for paper ("Choose: Yes / No")."""
    spelt = " / ".join(options)
    return Ask(f"{hint}: {spelt}" if len(spelt) < SHORT_LIST else hint, "choice", tuple(options))


def pick_or_type(hint: str, options: Sequence[str]) -> Ask:
    """A list of ``options`` that also takes other text."""
    return Ask(hint, "combo", tuple(options)) if options else Ask(hint)


DATE = Ask("Choose a date", "date")
DATE_SHOWN = "00/00/0000"
"""How wide a chosen date is (dd/mm/yyyy): a date column is never narrower."""


@dataclass(frozen=True)
class Label:
    """A cell's fixed text: a bold line and, optionally, smaller lines under it."""

    title: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Part:
    """One of the answers in a :class:`Stack`: what it is (printed before it, and the start of its control's title), and the answer."""

    name: str
    value: Ask | str
    named: bool = True
    """Whether ``name`` is printed before the answer (the first answer under a column's heading may go without)."""


@dataclass(frozen=True)
class Stack:
    """Several answers one under another in one cell: a name over a registration number, a signature over a date."""

    parts: tuple[Part, ...]


Cell = str | Ask | Label | Stack | None
"""What a table cell holds: plain text, a space to answer, a label, answers one under another, or nothing."""


def _contents(value: Cell) -> list[Ask | str]:
    """The answers and the plain text a cell holds (a label aside), one by one."""
    if isinstance(value, Ask | str):
        return [value]
    if isinstance(value, Stack):
        return [part.value for part in value.parts]
    return []


def _asks(value: Cell) -> list[Ask]:
    return [content for content in _contents(value) if isinstance(content, Ask)]


def _label(text: str, ask: Ask | str) -> Label:
    """A question's label; a list too long for its hint is spelt out under it, so that a printed form shows the choices."""
    if isinstance(ask, Ask) and ask.kind == "choice" and not all(option in ask.hint for option in ask.options):
        return Label(text, ("One of: " + "; ".join(ask.options) + ".",))
    return Label(text)


class WordForm:
    """One toolkit document being made."""

    def __init__(self, title: str, site: Site, subject: str, when: dt.datetime, *, landscape: bool = False, text_size: float = 11):
        self.title = title
        self.site, self.when, self.text_size = site, when, text_size
        self.document = Document()
        self.controls = docx_parts.ContentControls(self.document)
        self.width_cm = (29.7 if landscape else 21.0) - 2 * MARGIN_CM
        self._properties(site, subject, when)
        self._styles(text_size)
        self._page(self.document.sections[0], landscape)
        self.document.add_paragraph(title, style="Title")

    # -- set-up ----------------------------------------------------------------------
    def _properties(self, site: Site, subject: str, when: dt.datetime) -> None:
        properties = self.document.core_properties
        properties.title = self.title
        properties.author = site.name
        properties.subject = subject
        properties.language = LANGUAGE
        properties.category = "PCF toolkit for practice educators"
        properties.keywords = "social work; practice education; PCF"
        properties.created = properties.modified = when.astimezone(dt.UTC).replace(tzinfo=None)  # Word reads them as UTC
        properties.last_modified_by = site.name
        properties.revision = 1
        docx_parts.drop_thumbnail(self.document)

    def _styles(self, text_size: float) -> None:
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(text_size)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(6)
        docx_parts.language(self.document, LANGUAGE)
        for name, size, before in (("Title", 22, 0), ("Heading 1", 15, 16), ("Heading 2", 12.5, 12)):
            style = styles[name]
            style.font.name = "Arial"
            style.font.size = Pt(size)
            style.font.color.rgb = INK
            style.paragraph_format.space_before = Pt(before)
            style.paragraph_format.space_after = Pt(6)
        styles["Title"].paragraph_format.space_after = Pt(10)
        for name in ("Header", "Footer"):
            style = styles[name]
            style.font.name = "Arial"
            style.font.size = Pt(9)
            style.font.color.rgb = MUTED
            style.paragraph_format.tab_stops.clear_all()
            style.paragraph_format.space_after = Pt(0)

    def _page(self, section: Section, landscape: bool) -> None:
        """A4 in ``landscape`` or portrait, the margins, and the header and footer every page shows."""
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(MARGIN_CM))
        section.header_distance = section.footer_distance = Cm(1.0)
        self.width_cm = (29.7 if landscape else 21.0) - 2 * MARGIN_CM
        right = Cm(self.width_cm)
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        header = section.header.paragraphs[0]
        header.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT)
        header.add_run(self.title).bold = True
        header.add_run("\t" + (self.site.name if len(self.title) + len(self.site.name) <= HEADER_LETTERS else self.site.short_name))
        footer = section.footer.paragraphs[0]
        footer.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT)
        docx_parts.page_x_of_y(footer)
        footer.add_run(f"\t{self.site.short_name} PCF toolkit, made {long_date(self.when.date())}")

    def section(self, *, landscape: bool) -> None:
        """Start a new page in a new section, landscape or portrait, with the same header and footer.

        The section break belongs to the last paragraph before it (Word's
        way), not to an empty paragraph of its own.
        """
        self.document.add_section(WD_SECTION.NEW_PAGE)
        docx_parts.section_break_in_last_paragraph(self.document)
        self._page(self.document.sections[-1], landscape)

    # -- writing ---------------------------------------------------------------------
    def heading(self, text: str, level: int = 1, *, new_page: bool = False) -> Paragraph:
        paragraph: Paragraph = self.document.add_heading(text, level=level)
        paragraph.paragraph_format.page_break_before = new_page
        return paragraph

    def _after_table(self, paragraph: Paragraph) -> Paragraph:
        """Space a paragraph that follows a table away from it."""
        previous = paragraph._p.getprevious()
        if previous is not None and previous.tag == qn("w:tbl"):
            paragraph.paragraph_format.space_before = Pt(8)
        return paragraph

    def text(self, text: str, *, keep_with_next: bool = False) -> Paragraph:
        paragraph = self._after_table(self.document.add_paragraph(text))
        paragraph.paragraph_format.keep_with_next = keep_with_next
        return paragraph

    def bullets(self, items: Sequence[str]) -> None:
        for item in items:
            self._after_table(self.document.add_paragraph(item, style="List Bullet"))

    def answer(self, label: str, ask: Ask) -> Paragraph:
        """A line with a bold label and a space to answer after it (outside a table)."""
        paragraph = self.document.add_paragraph()
        paragraph.add_run(label + ": ").bold = True
        self.controls.add(paragraph, ask.kind, ask.hint, label, ask.options)
        return paragraph

    def table(self, header: Sequence[str], rows: Sequence[Sequence[Cell]], caption: str, widths: Sequence[float]) -> Table:
        """A table with a marked, repeating header row and rows kept whole.

        ``widths`` in cm, scaled to the page, then widened where a column
        would be narrower than its longest word (taking the room from the
        others).
        """
        grid: Table = self.document.add_table(rows=1 + len(rows), cols=len(header))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.LEFT
        grid.autofit = False
        docx_parts.describe(grid, caption)
        docx_parts.header_row(grid.rows[0])
        for index, text in enumerate(header):
            cell = grid.rows[0].cells[index]
            cell.paragraphs[0].add_run(text).bold = True
            docx_parts.shade(cell, HEADER_FILL)
        docx_parts.keep_whole(grid.rows[0])
        for number, values in enumerate(rows, start=1):
            row = grid.rows[number]
            first = values[0].title if isinstance(values[0], Label) else values[0] if isinstance(values[0], str) else ""
            for index, value in enumerate(values):
                self._fill(row.cells[index], value, header[index], first if index else "")
            if all(ask.lines < LONG_ANSWER for value in values for ask in _asks(value)):
                docx_parts.keep_whole(row)
        scale = self.width_cm / sum(widths)
        needs = [self._column_need(header[index], [row[index] for row in rows]) for index in range(len(header))]
        for index, width in enumerate(fit_widths([w * scale for w in widths], needs)):
            grid.columns[index].width = Cm(width)
            for cell in grid.columns[index].cells:
                cell.width = Cm(width)
        return grid

    def _column_need(self, heading: str, cells: Sequence[Cell]) -> float:
        """The narrowest a column can be without breaking a word: its longest word, and the cell's margins."""
        size = self.text_size
        bold = [heading, *(c.title for c in cells if isinstance(c, Label))]
        asks = [ask for c in cells for ask in _asks(c)]
        plain = [text for c in cells for text in _contents(c) if isinstance(text, str)]
        plain += [text for ask in asks for text in (ask.hint, *ask.options)]
        plain += [DATE_SHOWN for ask in asks if ask.kind == "date"]
        small = [detail for c in cells if isinstance(c, Label) for detail in c.details]
        small += [part.name for c in cells if isinstance(c, Stack) for part in c.parts if part.named]
        words = max(longest_word_cm(bold, size, bold=True), longest_word_cm(plain, size), longest_word_cm(small, SMALL))
        if any(ask.takes_name for ask in asks):
            words = max(words, name_width_cm(size))
        return words + CELL_MARGINS_CM

    def fields(self, rows: Sequence[tuple[str, Ask | str]], caption: str, header: tuple[str, str] = ("Detail", "Answer")) -> Table:
        """Two columns: what is asked, and the space to answer it (or, for what the form already knows, the answer)."""
        return self.table(header, [[_label(label, ask), ask] for label, ask in rows], caption, (6.0, 11.0))

    def _fill(self, cell: _Cell, value: Cell, heading: str, row: str) -> None:
        """Put ``value`` in ``cell``, in the column ``heading`` of the row whose first cell says ``row``.

        A content control's title, which screen readers read, names both:
        "Evidence: 1. Professionalism" (the column's heading alone in a row's
        first cell, and the part's name for a :class:`Stack`'s answers).
        """
        paragraph = cell.paragraphs[0]
        paragraph.paragraph_format.space_after = Pt(2)
        if isinstance(value, Stack):
            for index, part in enumerate(value.parts):
                line = paragraph if index == 0 else cell.add_paragraph()
                line.paragraph_format.space_after = Pt(2)
                if part.named:
                    self._small(line, f"{part.name}: ")
                self._answer(line, part.value, f"{part.name}: {row}" if row else part.name)
        elif isinstance(value, Label):
            paragraph.add_run(value.title).bold = True
            for detail in value.details:
                extra = cell.add_paragraph()
                extra.paragraph_format.space_after = Pt(2)
                self._small(extra, detail)
        elif value is not None:
            self._answer(paragraph, value, f"{heading}: {row}" if row else heading)

    def _answer(self, paragraph: Paragraph, value: Ask | str, title: str) -> None:
        """A space to answer (with room for its handwritten lines below), or fixed text."""
        if isinstance(value, Ask):
            self.controls.add(paragraph, value.kind, value.hint, title, value.options)
            if value.lines > 1:
                paragraph.paragraph_format.space_after = LINE * (value.lines - 1) + Pt(2)
        elif value:
            paragraph.add_run(value)

    @staticmethod
    def _small(paragraph: Paragraph, text: str) -> None:
        run = paragraph.add_run(text)
        run.font.size = Pt(SMALL)
        run.font.color.rgb = MUTED

    def to_bytes(self, when: dt.datetime) -> bytes:
        """The .docx file, the same bytes each time for the same content and ``when``."""
        buffer = io.BytesIO()
        self.document.save(buffer)
        return restamp(buffer.getvalue(), when)
