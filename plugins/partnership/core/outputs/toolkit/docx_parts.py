"""The pieces of WordprocessingML that python-docx has no API for, made in one place.

Content controls (``w:sdt``) with placeholder text, page-number fields,
header rows that repeat and never split, row heights, table
titles for screen readers, cell shading, and the document's language. Each
element is built in the order the OOXML schema (ECMA-376, transitional)
requires, because Word refuses a file whose elements are out of order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

PLACEHOLDER_STYLE = "Placeholder Text"
"""Word's own character style for a content control's placeholder (style id PlaceholderText)."""
PLACEHOLDER_COLOUR = RGBColor(0x59, 0x59, 0x59)
"""Dark grey: 7:1 against white, so the hint stays readable (Word's own 808080 is 3.9:1)."""

Kind = Literal["text", "choice", "combo", "date"]


def element(tag: str, children: Sequence[BaseOxmlElement] = (), **attributes: str) -> BaseOxmlElement:
    """``<w:tag w:name="value" …>children</w:tag>``: attribute names are written without their ``w:``."""
    made = OxmlElement(tag)
    for name, value in attributes.items():
        made.set(qn(f"w:{name}"), value)
    for child in children:
        made.append(child)
    return made


def _text(value: str) -> BaseOxmlElement:
    text = element("w:t")
    text.text = value
    if value != value.strip():
        text.set(qn("xml:space"), "preserve")
    return text


def run(value: str, style: str | None = None) -> BaseOxmlElement:
    """A run of text, in a character style when given one."""
    properties = [element("w:rPr", [element("w:rStyle", val=style)])] if style else []
    return element("w:r", [*properties, _text(value)])


def placeholder_style(document: DocumentType) -> None:
    """Add Word's "Placeholder Text" character style, in a grey that passes contrast checks."""
    if PLACEHOLDER_STYLE in [style.name for style in document.styles]:
        return
    style = document.styles.add_style(PLACEHOLDER_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = PLACEHOLDER_COLOUR
    style.hidden = False
    style.priority = 99
    style.unhide_when_used = True


def style_id(document: DocumentType, name: str) -> str:
    identifier: str = document.styles[name].style_id
    return identifier


class ContentControls:
    """Makes content controls with ids unique within one document (and the same from build to build)."""

    def __init__(self, document: DocumentType):
        placeholder_style(document)
        self.style = style_id(document, PLACEHOLDER_STYLE)
        self._next = 1000

    def add(self, paragraph: Paragraph, kind: Kind, placeholder: str, title: str, options: Sequence[str] = ()) -> BaseOxmlElement:
        """Append to ``paragraph`` a content control showing ``placeholder`` until the user types or chooses.

        ``text`` is a rich-text control (it takes several paragraphs),
        ``choice`` a drop-down list of ``options``, ``combo`` a list that
        also takes other text, ``date`` a date picker (dd/mm/yyyy). The
        placeholder is the control's content, marked ``w:showingPlcHdr``:
        Word selects it whole and replaces it with what is typed, and
        LibreOffice shows it as grey text, as Word does.

        Only the placeholder's own run is in the grey "Placeholder Text"
        style. The control's properties (``w:sdtPr``) carry no run
        properties: in Word, a ``w:rPr`` there is the style of the text
        typed *into* the control (its "Use a style to format text typed
        into the empty control" setting), so a placeholder style there would
        leave every answer grey.
        """
        self._next += 1
        properties: list[BaseOxmlElement] = [
            element("w:alias", val=title[:255]),
            element("w:tag", val=title[:64]),
            element("w:id", val=str(self._next)),
            element("w:showingPlcHdr"),
        ]
        if kind in ("choice", "combo"):
            items = [element("w:listItem", displayText=option, value=option) for option in options]
            properties.append(element("w:dropDownList" if kind == "choice" else "w:comboBox", items))
        elif kind == "date":
            properties.append(
                element(
                    "w:date",
                    [
                        element("w:dateFormat", val="dd/MM/yyyy"),
                        element("w:lid", val="en-GB"),
                        element("w:storeMappedDataAs", val="dateTime"),
                        element("w:calendar", val="gregorian"),
                    ],
                )
            )
        control = element("w:sdt", [element("w:sdtPr", properties), element("w:sdtContent", [run(placeholder, self.style)])])
        paragraph._p.append(control)
        return control


def field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A field (``PAGE``, ``NUMPAGES``) as Word writes it: begin, instruction, separate, last result, end."""
    p = paragraph._p
    p.append(element("w:r", [element("w:fldChar", fldCharType="begin")]))
    instr = element("w:instrText")
    instr.text = f" {instruction} "
    instr.set(qn("xml:space"), "preserve")
    p.append(element("w:r", [instr]))
    p.append(element("w:r", [element("w:fldChar", fldCharType="separate")]))
    p.append(run(shown))
    p.append(element("w:r", [element("w:fldChar", fldCharType="end")]))


def page_x_of_y(paragraph: Paragraph) -> None:
    """ "Page X of Y", with X and Y as fields that Word and LibreOffice fill in."""
    paragraph.add_run("Page ")
    field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    field(paragraph, "NUMPAGES")


def _row_properties(row: _Row) -> BaseOxmlElement:
    return row._tr.get_or_add_trPr()


def header_row(row: _Row) -> None:
    """Mark ``row`` as the table's header row: repeated at the top of every page the table crosses."""
    _row_properties(row).append(element("w:tblHeader"))


def keep_whole(row: _Row) -> None:
    """Never split ``row`` across two pages."""
    _row_properties(row).append(element("w:cantSplit"))


def describe(table: Table, title: str, description: str | None = None) -> None:
    """The table's title and description (``w:tblCaption``, ``w:tblDescription``): its alt text in Word."""
    properties = table._tbl.tblPr
    properties.append(element("w:tblCaption", val=title[:255]))
    properties.append(element("w:tblDescription", val=(description or title)[:255]))


def shade(cell: _Cell, fill: str) -> None:
    """Fill ``cell`` with a colour (hex, no #)."""
    properties = cell._tc.get_or_add_tcPr()
    shading = element("w:shd", val="clear", color="auto", fill=fill)
    # w:shd comes after the width, span, merge and borders, and before margins and alignment.
    later = [
        child
        for child in properties
        if child.tag in {qn(t) for t in ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")}
    ]
    if later:
        later[0].addprevious(shading)
    else:
        properties.append(shading)


def language(document: DocumentType, tag: str) -> None:
    """The document's language: in the default run properties (what Word's checker reads) and the theme's fonts."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = element("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = element("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = element("w:rPr")
        run_defaults.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = element("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), "ar-SA")
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)
        theme.attrib.pop(qn("w:eastAsia"), None)


def drop_thumbnail(document: DocumentType) -> None:
    """Remove the picture of python-docx's own blank template that would stand for the file in a file browser."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]


def section_break_in_last_paragraph(document: DocumentType) -> None:
    """Move the break python-docx puts in an empty paragraph of its own into the paragraph before it.

    A section ends with the ``w:sectPr`` in its last paragraph's properties;
    python-docx adds a new, empty paragraph to hold it, which would print as
    a blank line. When the element before is a table, the empty paragraph
    stays (Word needs a paragraph after a table).
    """
    body = document.element.body
    holder = body.findall(qn("w:p"))[-1]
    previous = holder.getprevious()
    properties = holder.find(qn("w:pPr"))
    if properties is None or previous is None or previous.tag != qn("w:p") or "".join(holder.itertext()).strip():
        return
    section = properties.find(qn("w:sectPr"))
    if section is None:
        return
    target = previous.find(qn("w:pPr"))
    if target is None:
        target = element("w:pPr")
        previous.insert(0, target)
    target.append(section)
    body.remove(holder)
