"""Measure rows laid on pages (bot.export.rowsplit): whole when they fit, continued when not,
continuations long unless a shorter one saves a page."""

from __future__ import annotations

from bot.export.rowsplit import MIN_PART_LINES, MIN_TAIL_LINES, ROW_PAD, line_height, paginate, row_lines
from bot.export.word import Line

SIZE = 13
UNIT = line_height(SIZE)
WIDTHS = [6000.0, 6000.0]
HEADER = 2 * UNIT
PAGE = 23.1 * UNIT


def _row(lines: int, tag: str) -> list[list[Line]]:
    """A row whose first cell fills `lines` lines (one short paragraph a line)."""
    return [[Line(f"{tag}{n}") for n in range(lines)], [Line("งาน")]]


def _pages(parts, first_free: float) -> int:
    """Count the pages a renderer fills keeping each part whole, as LibreOffice does (w:cantSplit)."""
    pages, free = 1, first_free - HEADER
    for part in parts:
        need = row_lines(part, WIDTHS, SIZE) * UNIT + ROW_PAD
        if need > free:
            pages, free = pages + 1, PAGE - HEADER
        assert need <= free, "a part is taller than the room it was laid in"
        free -= need
    return pages


def _lay(heights: list[int], first_free: float):
    rows = [_row(h, f"r{i}-") for i, h in enumerate(heights)]
    continued = [Line(f"r{i} (ต่อ)", bold=True) for i in range(len(rows))]
    return paginate(
        rows,
        WIDTHS,
        SIZE,
        page_height=PAGE,
        first_free=first_free,
        header_height=HEADER,
        continued=continued,
    )


def test_rows_of_two_thirds_of_a_page_are_not_each_cut_into_two_halves():
    # four rows of 14-16 lines on 21-line pages: long continuations cut every row 9 + 6 and took a
    # page more than the 62 lines need
    parts = _lay([15, 15, 14, 16], 14.6 * UNIT)
    assert _pages(parts, 14.6 * UNIT) == 4
    tails = [p for p in parts if p[0][0].text.endswith("(ต่อ)")]
    assert all(row_lines(t, WIDTHS, SIZE) - 1 >= MIN_PART_LINES for t in tails)


def test_a_continuation_stays_long_when_a_short_one_saves_no_page():
    parts = _lay([10, 18, 5], 23.1 * UNIT)
    tails = [p for p in parts if p[0][0].text.endswith("(ต่อ)")]
    assert tails, "the 18-line row does not fit under the first one and is continued"
    assert all(row_lines(t, WIDTHS, SIZE) - 1 >= MIN_TAIL_LINES for t in tails)
    assert _pages(parts, 23.1 * UNIT) == 2


def test_every_line_of_every_row_is_laid_out_once():
    parts = _lay([15, 15, 14, 16], 14.6 * UNIT)
    printed = [line.text for p in parts for line in p[0] if not line.text.endswith("(ต่อ)")]
    assert printed == [f"r{i}-{n}" for i, h in enumerate([15, 15, 14, 16]) for n in range(h)]
