"""Word tables: column widths fitted to the text, bordered grids and borderless layout tables."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from docx.table import Table, _Cell

from bot.export.word import BODY_PT, CELL_PAD, TABLE_PT, USABLE_H, USABLE_W, Line, lines_xml, run_xml
from bot.export.wordbreak import breakable, longest_piece_width, plain, text_width

HEADER_FILL = "D9E2F3"
# Rows up to this share of the usable page height are kept whole (see _short_row).
KEEP_WHOLE_MAX = 0.3


def column_widths(weights: Sequence[float], total: float = USABLE_W) -> list[float]:
    """Split `total` twips in proportion to `weights`; the sum never exceeds `total`."""
    scale = total / sum(weights)
    widths: list[float] = [int(w * scale) for w in weights]
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
        return [int(w) for w in column_widths([1] * len(minimums), total)]

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


def _estimated_lines(texts: Sequence[str | Line], width: float, size: float) -> int:
    # Thai advance widths average about 0.42 em (combining vowels and tones have none).
    per_line = max(1, int((width - 2 * CELL_PAD) / (size * 20 * 0.42)))
    return sum(max(1, -(-len(_text(t)) // per_line)) for t in texts) or 1


def _short_row(cells: Sequence[Sequence[str | Line]], widths: Sequence[float], size: float) -> bool:
    """Tell whether a row is short enough to keep on one page without leaving a large gap.

    Keeping a tall row whole pushes it to the next page and leaves the rest of the
    page blank: LibreOffice renders of ten-column rows near 45% of a page came out one
    row per page. So only rows up to ~30% of a page are kept whole; longer ones split.
    """
    line_height = size * 20 * 1.7  # TH SarabunPSK/Laksaman lines are ~1.7 em tall
    lines = max(_estimated_lines(c, w, size) for c, w in zip(cells, widths, strict=True))
    return lines * line_height < USABLE_H * KEEP_WHOLE_MAX


def _row_property(row, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is None:
        tr_pr.append(OxmlElement(tag))


def _fill(
    cell: _Cell,
    text_lines: Sequence[str | Line],
    size: float,
    bold: bool = False,
    keep_with_next: bool = False,
    center: bool = False,
    width: float | None = None,
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
        # Lines are broken here, with w:br between them (word.lines_xml): LibreOffice's own Thai
        # line breaking cut words even where hints allowed a break.
        strong = bold or line_bold
        run = (
            lines_xml(text, width - 2 * CELL_PAD, size, strong, italic)
            if width
            else run_xml(plain(text), size, strong, italic, namespaced=False)
        )
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


def _fix_geometry(table: Table, widths: Sequence[float]) -> None:
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
    rows: Sequence[Sequence[Sequence[str | Line]]],
    widths: Sequence[float],
    *,
    size: float = TABLE_PT,
    keep_together: bool = False,
    whole_rows: bool = False,
) -> Table:
    """Add a bordered table whose header row repeats on every page and whose rows keep together.

    `rows` holds, per row, one list of paragraphs per cell. A row is kept on one page
    (w:cantSplit) only when it is short enough; a row taller than a page must split.
    `keep_together` keeps a short table on one page (every row bound to the next);
    `whole_rows` keeps every row on one page (the caller has cut them to fit: bot.export.rowsplit).
    """
    widths = _widened_to_words(widths, headers, rows, size)
    table = doc.add_table(1 + len(rows), len(headers))  # a Document, or a cell of a layout table
    table._tbl.tblPr.style = "TableGrid"  # the style id: a lookup by name scans every style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fix_geometry(table, widths)
    header = table.rows[0]
    _row_property(header, "w:cantSplit")
    _row_property(header, "w:tblHeader")
    for cell, text, width in zip(_cells(table, 0), headers, widths, strict=True):
        _fill(
            cell,
            [text] if isinstance(text, str) else list(text),
            size,
            bold=True,
            keep_with_next=keep_together and bool(rows),
            center=True,
            width=width,
        )
        _shade(cell, HEADER_FILL)
    for index, (row, cells) in enumerate(zip(table.rows[1:], rows, strict=True), start=1):
        if keep_together or whole_rows or _short_row(cells, widths, size):
            _row_property(row, "w:cantSplit")
        bind = keep_together and index < len(rows)
        for cell, lines, w in zip(_cells(table, index), cells, widths, strict=True):
            _fill(cell, lines, size, keep_with_next=bind, width=w)
    return table


def word_minimums(
    headers: Sequence[Sequence[str]],
    rows: Sequence[Sequence[Sequence[str | Line]]],
    size: float = TABLE_PT,
    *,
    whole_headers: bool = True,
) -> list[int]:
    """Return each column's narrowest width in twips: its longest word, and its header, fit.

    With `whole_headers` every header line must fit unbroken; else only the header's longest word.
    """
    minimums = []
    for col, header in enumerate(headers):
        if whole_headers:
            head = max((text_width(plain(h), size, True) for h in header), default=0.0)
        else:
            head = max((longest_piece_width(breakable(plain(h)), size, True) for h in header), default=0.0)
        words = [
            longest_piece_width(breakable(plain(_text(line))), size, isinstance(line, Line) and line.bold)
            for row in rows
            for line in row[col]
        ]
        minimums.append(int(max(head, *words, 0.0)) + 2 * CELL_PAD + 1)
    return minimums


def _widened_to_words(
    widths: Sequence[float],
    headers: Sequence[str | Sequence[str]],
    rows: Sequence[Sequence[Sequence[str | Line]]],
    size: float,
) -> list[int]:
    """Return `widths` with every column at least as wide as its longest word, header included.

    A word wider than its column would be cut by the reader wherever it runs out of room
    ("ผู้รับผิด|ชอบ"). The room comes from the widest columns first, so the table keeps its
    total width; when even that cannot fit every word, the widths are left as given.
    """
    need = word_minimums([[h] if isinstance(h, str) else h for h in headers], rows, size, whole_headers=False)
    out = [int(w) for w in widths]
    short = sum(max(0, int(n) + 1 - w) for n, w in zip(need, out, strict=True))
    if short <= 0 or sum(max(0, w - int(n) - 1) for n, w in zip(need, out, strict=True)) < short:
        return out
    for i, n in enumerate(need):
        out[i] = max(out[i], int(n) + 1)
    for i in sorted(range(len(out)), key=lambda k: -out[k]):  # the widest columns give first
        give = min(short, max(0, out[i] - int(need[i]) - 1))
        out[i] -= give
        short -= give
    return out


def plain_table(
    doc: DocumentObject,
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    size: float = BODY_PT,
    center: bool = True,
) -> Table:
    """Add a borderless layout table (e.g. the signature block), one paragraph per line."""
    table = doc.add_table(rows=len(rows), cols=len(widths))
    _fix_geometry(table, widths)
    for row, cells in zip(table.rows, rows, strict=True):
        _row_property(row, "w:cantSplit")
        for cell, text, width in zip(row.cells, cells, widths, strict=True):
            _fill(cell, text.split("\n"), size, center=center, width=width)
    return table


def without_empty_columns(
    headers: Sequence[str | Sequence[str]],
    rows: Sequence[Sequence[Sequence[str | Line]]],
    weights: Sequence[float],
) -> tuple[list, list[list], list[float]]:
    """Drop every column that is empty (or "-") in every row: no all-blank column is printed."""

    def blank(cell: Sequence[str | Line]) -> bool:
        return all(_text(p).strip() in ("", "-") for p in cell)

    keep = [i for i in range(len(headers)) if not rows or not all(blank(r[i]) for r in rows)]
    return (
        [headers[i] for i in keep],
        [[r[i] for i in keep] for r in rows],
        [weights[i] for i in keep],
    )
