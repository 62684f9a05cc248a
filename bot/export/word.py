"""Word layout primitives shared by the plan and the progress report: page, Thai fonts, tables.

Thai is a complex script: Word picks the font and size of Thai text from the
complex-script slots (w:rFonts/@w:cs, w:szCs), not from w:ascii/w:sz. Setting only
`run.font.name` leaves Thai in the theme font, so every slot is written here by hand.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from copy import deepcopy
from functools import lru_cache
from typing import NamedTuple
from xml.sax.saxutils import escape

import numpy as np
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

FONT = "TH SarabunPSK"
BODY_PT = 16
# 16 pt does not fit ten columns on a landscape A4 (about 12 Thai characters per line);
# 14 pt is the smallest size Thai official documents use and keeps the table legible.
TABLE_PT = 14

# A4 landscape in twips (1/20 pt): 297 x 210 mm.
PAGE_W, PAGE_H = 16838, 11906
# 1.5 cm binding side, 1.27 cm elsewhere: ten columns need every centimetre of width.
MARGIN_LEFT, MARGIN_RIGHT = 851, 720
MARGIN_TOP, MARGIN_BOTTOM = 851, 720
USABLE_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
USABLE_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
CELL_PAD = 57  # 0.1 cm left/right cell margin: Word's 0.19 cm default wastes a character per column

HEADER_FILL = "D9E2F3"


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
        half_points = str(int(round(size_pt * 2)))
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
    for name, size in (("Heading 1", 18), ("Heading 2", BODY_PT)):
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
    paragraph: Paragraph, text: str, *, size: float = BODY_PT, bold: bool = False, italic: bool = False
) -> Paragraph:
    """Append a run of `text` to a paragraph with the Thai font set on the run itself."""
    if "\t" in text or "\n" in text:  # python-docx turns these into w:tab / w:br
        run = paragraph.add_run(text)._r
        run.insert(0, deepcopy(_run_rpr(size, bold, italic)))
        return paragraph
    # Built from XML text: Run.text appends text character by character, and a fresh run
    # has no w:rPr (together most of the time of a plan).
    paragraph._p.append(parse_xml(_run_xml(text, size, bold, italic)))
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
        paragraph.paragraph_format.left_indent = Twips(int(indent_cm * 567))
    if text:
        write(paragraph, text, size=size, bold=bold, italic=italic)
    return paragraph


def heading(doc: DocumentObject, text: str, level: int = 1) -> Paragraph:
    """Add a numbered section heading (a real Word heading, so it shows in the navigation pane)."""
    paragraph = doc.add_paragraph()
    paragraph._p.style = f"Heading{level}"  # the style id: a lookup by name scans every style
    write(paragraph, text, size=18 if level == 1 else BODY_PT, bold=True)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def column_widths(weights: Sequence[float], total: int = USABLE_W) -> list[int]:
    """Split `total` twips in proportion to `weights`; the sum never exceeds `total`."""
    scale = total / sum(weights)
    widths = [int(w * scale) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _text(line: str | Line) -> str:
    return line.text if isinstance(line, Line) else line


def fitted_widths(
    rows: Sequence[Sequence[Sequence[str | Line]]],
    minimums: Sequence[int],
    total: int = USABLE_W,
    *,
    size: float = TABLE_PT,
    step: int = 142,
) -> list[int]:
    """Split `total` twips between columns so that the table's rows come out as short as possible.

    A row is as tall as its fullest cell. Starting from each column's minimum (its header
    must fit), every 0.25 cm goes to the column whose widening shortens the table most,
    by an estimate of each cell's lines: Thai in Laksaman/TH SarabunPSK advances about
    0.43 em per character, a wrapped line loses about two characters to the word that
    did not fit, and a paragraph's last line is on average half full. A row's height is
    taken as a soft maximum (p-norm) of its cells, so that widening one of several
    equally full cells still counts and the search does not stall.
    """
    em = size * 20 * 0.43  # twips per character
    chars = np.array([[sum(len(_text(p)) for p in cell) for cell in row] for row in rows], dtype=float)
    paragraphs = np.array([[len(cell) for cell in row] for row in rows], dtype=float)
    widths = np.array(minimums, dtype=float)
    if not len(rows):
        return column_widths([1] * len(minimums), total)

    def lines(w: np.ndarray) -> np.ndarray:  # rows x columns, for column widths w
        usable = np.maximum(em, w - 2 * CELL_PAD - 2 * em)
        return chars * em / usable + 0.5 * paragraphs

    p = 6.0
    free = total - widths.sum()
    while free >= step:
        now, wider = lines(widths) ** p, lines(widths + step) ** p
        power = now.sum(axis=1, keepdims=True)
        # gain of widening column c: sum over rows of norm(now) - norm(now with column c wider)
        gains = (power ** (1 / p) - (power - now + wider) ** (1 / p)).sum(axis=0)
        best = int(gains.argmax())
        if gains[best] <= 1e-9:
            break  # no column shortens any row: share what is left below
        widths[best] += step
        free -= step
    result = [int(w) for w in widths]
    volume = chars.sum(axis=0)
    if free > 0 and volume.sum():
        result = [w + int(free * v / volume.sum()) for w, v in zip(result, volume, strict=True)]
    result[int(np.argmax(result))] += total - sum(result)
    return result


def _estimated_lines(texts: Sequence[str], width: int, size: float) -> int:
    # Thai advance widths average about 0.42 em (combining vowels and tones have none).
    per_line = max(1, int((width - 2 * CELL_PAD) / (size * 20 * 0.42)))
    return sum(max(1, -(-len(_text(t)) // per_line)) for t in texts) or 1


def _short_row(cells: Sequence[Sequence[str]], widths: Sequence[int], size: float) -> bool:
    """Tell whether a row is short enough to keep on one page without leaving a large gap.

    Keeping a tall row whole pushes it to the next page and leaves the rest of the
    page blank: LibreOffice renders of ten-column rows near 45% of a page came out one
    row per page. So only rows up to ~30% of a page are kept whole; longer ones split.
    """
    line_height = size * 20 * 1.7  # TH SarabunPSK/Laksaman lines are ~1.7 em tall
    lines = max(_estimated_lines(c, w, size) for c, w in zip(cells, widths, strict=True))
    return lines * line_height < USABLE_H * 0.3


def _row_property(row, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is None:
        tr_pr.append(OxmlElement(tag))


# Characters XML 1.0 cannot carry (e.g. a vertical tab pasted from Word): dropped, not fatal.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@lru_cache(maxsize=32)
def _rpr_xml(size: float, bold: bool, italic: bool) -> str:
    return etree.tostring(_run_rpr(size, bold, italic), encoding="unicode")


def _run_xml(text: str, size: float, bold: bool, italic: bool, *, namespaced: bool = True) -> str:
    """Return the XML of one run of `text` in the Thai font (XML-unsafe characters dropped)."""
    text = _NOT_XML.sub("", text)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    ns = f" {nsdecls('w')}" if namespaced else ""
    return f"<w:r{ns}>{_rpr_xml(size, bold, italic)}<w:t{space}>{escape(text)}</w:t></w:r>"


def _fill(
    cell: _Cell,
    text_lines: Sequence[str | Line],
    size: float,
    bold: bool = False,
    keep_with_next: bool = False,
    center: bool = False,
) -> None:
    """Replace the cell's paragraphs with one paragraph per line, runs in the Thai font.

    The cell's XML is written as text and parsed once: building it element by element
    through python-docx was most of the time of a long table.
    """
    ppr = ""
    if keep_with_next or center:
        ppr = (
            "<w:pPr>"
            + ("<w:keepNext/>" if keep_with_next else "")
            + ('<w:jc w:val="center"/>' if center else "")
            + "</w:pPr>"
        )
    parts = []
    for line in text_lines or [""]:
        text, line_bold, italic = (
            (line.text, line.bold, line.italic) if isinstance(line, Line) else (line, False, False)
        )
        text = text.replace("\t", " ").replace("\n", " ")
        run = _run_xml(text, size, bold or line_bold, italic, namespaced=False) if text else ""
        parts.append(f"<w:p>{ppr}{run}</w:p>")
    body = parse_xml(f"<w:body {nsdecls('w')}>{''.join(parts)}</w:body>")
    tc = cell._tc
    for old in tc.findall(qn("w:p")):
        tc.remove(old)
    tc.extend(list(body))


def _shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _fix_geometry(table: Table, widths: Sequence[int]) -> None:
    """Pin the table to `widths`: fixed layout, grid columns and every cell's w:tcW.

    LibreOffice sizes columns from w:tblGrid and ignores cell widths alone; Word uses the
    cell widths; writing both makes the table look the same in both.
    """
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout", "w:tblCellMar", "w:tblInd"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    tbl_w = OxmlElement("w:tblW")
    tbl_w.set(qn("w:w"), str(sum(widths)))
    tbl_w.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(CELL_PAD))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    # Schema order inside tblPr: tblStyle, ..., tblW, jc, ..., tblLayout, tblCellMar, tblLook.
    anchor = tbl_pr.find(qn("w:tblLook"))
    for el in (tbl_w, layout, margins):
        if anchor is not None:
            anchor.addprevious(el)
        else:
            tbl_pr.append(el)
    jc = tbl_pr.find(qn("w:jc"))
    if jc is not None:
        tbl_pr.remove(jc)
        layout.addprevious(jc)
    grid = table._tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    for width in widths:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(width))
        grid.append(col)
    for index in range(len(table._tbl.tr_lst)):
        for cell, width in zip(_cells(table, index), widths, strict=True):
            cell.width = Twips(width)


def _cells(table: Table, row_index: int) -> list[_Cell]:
    # Table.rows[i].cells resolves merged cells with XPath on every call; these tables
    # have no merges, so each w:tc is a cell.
    return [_Cell(tc, table) for tc in table._tbl.tr_lst[row_index].tc_lst]


def grid_table(
    doc: DocumentObject | _Cell,
    headers: Sequence[str | Sequence[str]],
    rows: Sequence[Sequence[Sequence[str]]],
    widths: Sequence[int],
    *,
    size: float = TABLE_PT,
    keep_together: bool = False,
) -> Table:
    """Add a bordered table whose header row repeats on every page and whose rows keep together.

    `rows` holds, per row, one list of paragraphs per cell. A row is kept on one page
    (w:cantSplit) only when it is short enough; a row taller than a page must split.
    `keep_together` keeps a short table on one page (every row bound to the next).
    """
    table = doc.add_table(1 + len(rows), len(headers))  # a Document, or a cell of a layout table
    table._tbl.tblPr.style = "TableGrid"  # the style id: a lookup by name scans every style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fix_geometry(table, widths)
    header = table.rows[0]
    _row_property(header, "w:cantSplit")
    _row_property(header, "w:tblHeader")
    for cell, text in zip(_cells(table, 0), headers, strict=True):
        _fill(
            cell,
            [text] if isinstance(text, str) else list(text),
            size,
            bold=True,
            keep_with_next=keep_together and bool(rows),
            center=True,
        )
        _shade(cell, HEADER_FILL)
    for index, (row, cells) in enumerate(zip(table.rows[1:], rows, strict=True), start=1):
        if keep_together or _short_row(cells, widths, size):
            _row_property(row, "w:cantSplit")
        bind = keep_together and index < len(rows)
        for cell, lines in zip(_cells(table, index), cells, strict=True):
            _fill(cell, lines, size, keep_with_next=bind)
    return table


def plain_table(
    doc: DocumentObject,
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    *,
    size: float = BODY_PT,
    center: bool = True,
) -> Table:
    """Add a borderless layout table (e.g. the signature block), one paragraph per line."""
    table = doc.add_table(rows=len(rows), cols=len(widths))
    _fix_geometry(table, widths)
    for row, cells in zip(table.rows, rows, strict=True):
        _row_property(row, "w:cantSplit")
        for cell, text in zip(row.cells, cells, strict=True):
            _fill(cell, text.split("\n"), size, center=center)
    return table


def to_bytes(doc: DocumentObject) -> bytes:
    """Serialise a document to .docx bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
