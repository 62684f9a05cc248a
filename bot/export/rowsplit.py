"""Measure-table rows fitted to pages: each row is kept on one page, a row too tall is continued.

A row that spans two pages is hard to read on paper, and keeping every row whole (w:cantSplit)
leaves the bottom of a page empty whenever the next row does not fit. So the plan's rows are
laid on pages here, by the lines their cells fill (bot.export.wordbreak.wrap with the fonts'
own widths): a row that fits the rest of the page goes there whole; one that does not is cut
where the page ends, and continues in a new row on the next page under the repeated header,
its first cell saying whose continuation it is. A row whose rest would be a line or two moves to
the next page whole; one whose continuation would still be short is cut higher (MIN_TAIL_LINES),
so a "(ต่อ)" part is never a tiny orphan, unless a shorter continuation saves a page: the rows
are laid out with each continuation floor from MIN_TAIL_LINES down to MIN_PART_LINES, and the
roomiest layout of the fewest pages wins (a 4-row plan whose every row was cut nine lines plus
six took a page more than it needed). Every row is then kept whole by the renderer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.export.word import CELL_PAD, Line
from bot.export.wordbreak import ZWSP, wrap

Cells = list[list[Line]]
LINE_EM = 1.715  # Laksaman / TH SarabunPSK line height: (typo ascender + descender + gap) / em
ROW_PAD = 40  # twips a row adds to its lines: borders and rounding
MIN_PART_LINES = 3  # a cut leaves at least this many lines on the page it starts on
# A continuation keeps at least this many lines under its "(ต่อ)" line: a cut that would leave fewer
# is moved up, so the next page never opens with a two-line orphan of the row before.
MIN_TAIL_LINES = 6
SLACK_LINES = 1.0  # room kept free at a cut, against the estimate's errors


def line_height(size: float) -> float:
    """Return the height of one line of text at `size` points, in twips."""
    return size * 20 * LINE_EM


def cell_lines(cell: Sequence[Line], width: float, size: float) -> list[list[str]]:
    """Return each paragraph of a cell as the lines it fills in a column `width` twips wide."""
    usable = width - 2 * CELL_PAD
    return [list(wrap(p.text, usable, size, p.bold)) for p in cell] or [[""]]


def row_lines(cells: Sequence[Sequence[Line]], widths: Sequence[float], size: float) -> int:
    """Return how many lines a row is tall: its fullest cell's."""
    return max(sum(len(p) for p in cell_lines(c, w, size)) for c, w in zip(cells, widths, strict=True))


def _cut_cell(cell: Sequence[Line], width: float, size: float, budget: int) -> tuple[list[Line], list[Line]]:
    """Split a cell after `budget` lines: whole paragraphs first, then a paragraph at a line end."""
    head: list[Line] = []
    tail: list[Line] = []
    if not cell:
        return head, tail
    left = budget
    for line, wrapped in zip(cell, cell_lines(cell, width, size), strict=True):
        if tail or left <= 0:
            tail.append(line)
        elif len(wrapped) <= left:
            head.append(line)
            left -= len(wrapped)
        else:
            head.append(line._replace(text=ZWSP.join(wrapped[:left])))
            tail.append(line._replace(text=ZWSP.join(wrapped[left:])))
            left = 0
    return head, tail


@dataclass
class Page:
    """The page being filled: its height and what is already on it, in twips."""

    height: float
    used: float = 0.0

    @property
    def free(self) -> float:
        return self.height - self.used


def paginate(
    rows: Sequence[Cells],
    widths: Sequence[float],
    size: float,
    *,
    page_height: float,
    first_free: float,
    header_height: float,
    continued: Sequence[Line],
) -> list[Cells]:
    """Return the rows cut so that none is taller than the space left on its page.

    `first_free` is the room left on the page where the table starts, `header_height` the
    header row that repeats on each page, and `continued[i]` the first line of row i's
    continuation (e.g. "ตัวชี้วัดที่ 9 … (ต่อ)"). Of the layouts with each continuation floor
    (MIN_TAIL_LINES down to MIN_PART_LINES), the one with the fewest pages is returned, and of
    those the one whose continuations are longest.
    """
    best: tuple[int, list[Cells]] | None = None
    for tail in range(MIN_TAIL_LINES, MIN_PART_LINES - 1, -1):
        pages, out, bound = _laid_out(
            rows, widths, size, page_height, first_free, header_height, continued, tail
        )
        if best is None or pages < best[0]:
            best = (pages, out)
        if not bound:  # no cut was moved up for its continuation: a lower floor lays out the same
            break
    assert best is not None
    return best[1]


def _laid_out(
    rows: Sequence[Cells],
    widths: Sequence[float],
    size: float,
    page_height: float,
    first_free: float,
    header_height: float,
    continued: Sequence[Line],
    min_tail: int,
) -> tuple[int, list[Cells], bool]:
    """Return (pages, rows, whether the floor moved a cut up) laid out greedily, each continuation
    at least `min_tail` lines."""
    unit = line_height(size)
    pages = 1
    bound = False
    page = Page(first_free, header_height)
    out: list[Cells] = []
    for index, row in enumerate(rows):
        part = [list(c) for c in row]
        while True:
            need = row_lines(part, widths, size) * unit + ROW_PAD
            if need <= page.free - 0.3 * unit:
                out.append(part)
                page.used += need
                break
            budget = int((page.free - ROW_PAD) / unit - SLACK_LINES)
            total = row_lines(part, widths, size)
            at_top = page.used <= header_height
            # rebalance: a continuation of a few lines takes more with it, so it is no orphan (a row
            # whose rest would be a line or two still moves to the next page whole, below)
            if at_top or MIN_PART_LINES <= total - budget < min_tail:
                bound = bound or total - min_tail < budget
                budget = min(budget, total - min_tail)
            if budget < MIN_PART_LINES or total - budget < MIN_PART_LINES:
                if not at_top:  # not at the top of a page yet: start a new one
                    page = Page(page_height, header_height)
                    pages += 1
                    continue
                budget = max(budget, MIN_PART_LINES)  # taller than a whole page: cut anyway
            cut = [_cut_cell(c, w, size, budget) for c, w in zip(part, widths, strict=True)]
            out.append([head for head, _ in cut])
            part = [tail for _, tail in cut]
            part[0] = [continued[index], *part[0]]
            page = Page(page_height, header_height)
            pages += 1
    return pages, out, bound
