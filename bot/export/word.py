"""Word layout primitives shared by the plan and the progress report: page, Thai fonts, paragraphs.

Tables are in bot.export.tables.

Thai is a complex script: Word picks the font and size of Thai text from the
complex-script slots (w:rFonts/@w:cs, w:szCs), not from w:ascii/w:sz. Setting only
`run.font.name` leaves Thai in the theme font, so every slot is written here by hand.
"""

from __future__ import annotations

import io
import re
from copy import deepcopy
from functools import lru_cache
from typing import NamedTuple
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

FONT = "TH SarabunPSK"
CM = 567  # twips per centimetre
BODY_PT = 16
# 16 pt does not fit ten columns on a landscape A4 (about 12 Thai characters per line);
# 14 pt is the smallest size Thai official documents use and keeps the table legible.
TABLE_PT = 14
TITLE_PT = 20  # the cover lines of the plan and the report
HEADING_PT = 18  # numbered section headings
NOTE_PT = 14  # captions, notes and the appendix of quoted sources

# A4 landscape in twips (1/20 pt): 297 x 210 mm.
PAGE_W, PAGE_H = 16838, 11906
# 1.5 cm binding side, 1.27 cm elsewhere: ten columns need every centimetre of width.
MARGIN_LEFT, MARGIN_RIGHT = 851, 720
MARGIN_TOP, MARGIN_BOTTOM = 851, 720
USABLE_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
USABLE_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
CELL_PAD = 57  # 0.1 cm left/right cell margin: Word's 0.19 cm default wastes a character per column


class Line(NamedTuple):
    """One paragraph of a table cell, with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


# Child order of w:rPr required by the OOXML schema (Word rejects files that break it).
_RPR_ORDER = (
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)


def _set_rpr_child(rpr, tag: str, **attrs: str):
    """Replace child `tag` of a w:rPr with one carrying `attrs`, keeping schema order."""
    for old in rpr.findall(qn(tag)):
        rpr.remove(old)
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    successors = _RPR_ORDER[_RPR_ORDER.index(tag) + 1 :]
    rpr.insert_element_before(el, *successors)
    return el


def set_thai_font(rpr, size_pt: float | None = None, bold: bool | None = None) -> None:
    """Write TH SarabunPSK into every font slot of a w:rPr, and its size into w:sz and w:szCs."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = _set_rpr_child(rpr, "w:rFonts")
    for attr in [a for a in rfonts.attrib if a.endswith("Theme")]:
        del rfonts.attrib[attr]  # theme fonts override the explicit names, so drop them
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        rfonts.set(qn(f"w:{slot}"), FONT)
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            if bold:
                _set_rpr_child(rpr, tag)
            else:
                for old in rpr.findall(qn(tag)):
                    rpr.remove(old)
    if size_pt is not None:
        half_points = str(round(size_pt * 2))
        _set_rpr_child(rpr, "w:sz", val=half_points)
        _set_rpr_child(rpr, "w:szCs", val=half_points)


def _style_rpr(style_el):
    return style_el.get_or_add_rPr()  # python-docx inserts it in schema order


def _style_document(doc: DocumentObject) -> None:
    """Make TH SarabunPSK 16 pt the default everywhere, headings black, language Thai."""
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_thai_font(defaults, BODY_PT)
    # w:bidi names the complex-script language: Word uses it for Thai line breaking.
    _set_rpr_child(defaults, "w:lang", val="th-TH", eastAsia="th-TH", bidi="th-TH")
    for style_el in styles_el.findall(qn("w:style")):
        rpr = style_el.find(qn("w:rPr"))
        if rpr is None and style_el.get(qn("w:styleId")) != "Normal":
            continue
        rpr = _style_rpr(style_el)
        set_thai_font(rpr)
        for color in rpr.findall(qn("w:color")):
            rpr.remove(color)  # built-in headings are theme blue; official documents are black
    normal = doc.styles["Normal"]
    set_thai_font(_style_rpr(normal.element), BODY_PT)
    _set_rpr_child(_style_rpr(normal.element), "w:lang", val="th-TH", eastAsia="th-TH", bidi="th-TH")
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    for name, size in (("Heading 1", HEADING_PT), ("Heading 2", BODY_PT)):
        style = doc.styles[name]
        set_thai_font(_style_rpr(style.element), size, bold=True)
        for tag in ("w:i", "w:iCs"):
            for old in _style_rpr(style.element).findall(qn(tag)):
                _style_rpr(style.element).remove(old)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)


def new_document() -> DocumentObject:
    """Return an empty A4-landscape document whose every style prints Thai in TH SarabunPSK."""
    # Loading python-docx's template and restyling it is a fifth of a plan's render time:
    # do it once and open a copy of the result for each document.
    return Document(io.BytesIO(_template()))


@lru_cache(maxsize=1)
def _template() -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Twips(PAGE_W), Twips(PAGE_H)
    section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    _style_document(doc)
    return to_bytes(doc)


def write(
    paragraph: Paragraph,
    text: str,
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    width: float | None = None,
) -> Paragraph:
    """Append a run of `text` to a paragraph with the Thai font set on the run itself.

    With `width` (twips of text room), the text is broken into lines here, between pythainlp
    words by the fonts' real widths, and the lines written with w:br (see `lines_xml`).
    """
    if width and "\t" not in text and "\n" not in text:
        paragraph._p.extend(
            parse_xml(f"<w:body {nsdecls('w')}>{lines_xml(text, width, size, bold, italic)}</w:body>")
        )
        return paragraph
    if "\t" in text or "\n" in text:  # python-docx turns these into w:tab / w:br
        run = paragraph.add_run(text)._r
        run.insert(0, deepcopy(_run_rpr(size, bold, italic)))
        return paragraph
    # Built from XML text: Run.text appends text character by character, and a fresh run
    # has no w:rPr (together most of the time of a plan).
    paragraph._p.append(parse_xml(run_xml(text, size, bold, italic)))
    return paragraph


@lru_cache(maxsize=32)
def _run_rpr(size: float, bold: bool, italic: bool):
    """Return a template w:rPr with the Thai font in every slot (cached per style)."""
    rpr = OxmlElement("w:rPr")
    set_thai_font(rpr, size, bold=bold)
    if italic:
        _set_rpr_child(rpr, "w:i")
        _set_rpr_child(rpr, "w:iCs")
    return rpr


def para(
    container,
    text: str = "",
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    center: bool = False,
    style: str | None = None,
    indent_cm: float = 0,
) -> Paragraph:
    """Add a paragraph of Thai text to a document or a cell and return it."""
    paragraph = container.add_paragraph(style=style) if style else container.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent_cm:
        paragraph.paragraph_format.left_indent = Twips(int(indent_cm * CM))
    if text:
        room = _text_room(container) - (int(indent_cm * CM) if indent_cm else 0)
        write(paragraph, text, size=size, bold=bold, italic=italic, width=room if room > 0 else None)
    return paragraph


def _text_room(container) -> float:
    """Return the width in twips that a paragraph of `container` (a document or a cell) fills."""
    if isinstance(container, _Cell):
        tcw = container._tc.tcPr.find(qn("w:tcW")) if container._tc.tcPr is not None else None
        if tcw is None or tcw.get(qn("w:type")) != "dxa":
            return 0
        return int(tcw.get(qn("w:w"))) - 2 * CELL_PAD
    return USABLE_W


def lines_xml(text: str, width: float, size: float, bold: bool, italic: bool) -> str:
    """Return the runs of `text` broken into lines that fit `width` twips, joined by w:br.

    The breaks are chosen here rather than left to the reader: LibreOffice's Thai line
    breaking cut words even where a zero-width space offered a break ("รอบ 6 เดื|อน",
    "95 ค|ะแนน"), and Word and LibreOffice break differently. Lines come from pythainlp's word
    boundaries and the fonts' advance widths (bot.export.wordbreak), so each fits its room and no
    reader breaks it again; the printed text carries no invisible hints.
    """
    from bot.export.wordbreak import breakable, plain, text_width, wrap  # noqa: PLC0415 - wordbreak loads fonts

    lines = wrap(breakable(plain(text)), width, size, bold)
    # The break is a run in the line's own font and size: Word sizes a line by every character on it.
    br = f"<w:r>{_rpr_xml(size, bold, italic)}<w:br/></w:r>"
    # A line's last space that does not fit is dropped: LibreOffice wraps it to a line of its own,
    # which printed as an empty line under a long unbreakable word ("…ส่วนตำบล "). A space that
    # fits stays, so copied text keeps its words apart ("No Gift" | "Policy").
    texts = [plain(line) for line in lines]
    texts = [
        t.rstrip() if text_width(line, size, bold) > width else t
        for t, line in zip(texts, lines, strict=True)
    ]
    return br.join(run_xml(t, size, bold, italic, namespaced=False) for t in texts if t)


def heading(doc: DocumentObject, text: str, level: int = 1) -> Paragraph:
    """Add a numbered section heading (a real Word heading, so it shows in the navigation pane)."""
    paragraph = doc.add_paragraph()
    paragraph._p.style = f"Heading{level}"  # the style id: a lookup by name scans every style
    write(paragraph, text, size=HEADING_PT if level == 1 else BODY_PT, bold=True, width=USABLE_W)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


# Characters XML 1.0 cannot carry (e.g. a vertical tab pasted from Word): dropped, not fatal.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@lru_cache(maxsize=32)
def _rpr_xml(size: float, bold: bool, italic: bool) -> str:
    return etree.tostring(_run_rpr(size, bold, italic), encoding="unicode")


def run_xml(text: str, size: float, bold: bool, italic: bool, *, namespaced: bool = True) -> str:
    """Return the XML of one run of `text` in the Thai font (XML-unsafe characters dropped)."""
    text = _NOT_XML.sub("", text)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    ns = f" {nsdecls('w')}" if namespaced else ""
    return f"<w:r{ns}>{_rpr_xml(size, bold, italic)}<w:t{space}>{escape(text)}</w:t></w:r>"


def to_bytes(doc: DocumentObject) -> bytes:
    """Serialise a document to .docx bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
