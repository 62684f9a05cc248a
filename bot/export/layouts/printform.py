"""The print form of the layouts' text: the plan's own Thai line breaks, and how wide a column must be.

The layouts print through the same mechanism as the default plan (bot.export.wordbreak):
`keep_units` marks pythainlp word boundaries and glues numbers to their units, the Word
writer then breaks each paragraph into lines that fit; `word_minimums` makes every column at
least as wide as its widest unbreakable piece, by the shipped fonts' advance widths.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.export.word import CELL_PAD, TABLE_PT, Line
from bot.export.wordbreak import NBSP, WJ, ZWSP, breakable, longest_piece_width, plain, text_width

__all__ = ["NBSP", "WJ", "ZWSP", "keep_units", "longest_word", "plain_text", "word_minimums"]


def keep_units(text: str) -> str:
    """Return text in print form: break hints between pythainlp words, numbers glued to their units."""
    return breakable(plain(text))


def plain_text(text: str) -> str:
    """Return print-form text as a reader sees it: no hints, no-break spaces as spaces."""
    return plain(text)


def longest_word(text: str, bold: bool = False) -> float:
    """Return the width in em of the longest unbreakable piece of `text` ("ร้อยละ 90" is one)."""
    return longest_piece_width(keep_units(text), 1.0, bold) / 20


def word_minimums(
    headers: Sequence[Sequence[str]], rows: Sequence[Sequence[Sequence[str | Line]]], size: float = TABLE_PT
) -> list[int]:
    """Return each column's narrowest width in twips: its longest header line and its longest word fit."""
    minimums = []
    for col, header in enumerate(headers):
        head = max(text_width(plain(h), size, True) for h in header)  # header lines never wrap
        words = [
            longest_piece_width(keep_units(line.text if isinstance(line, Line) else line), size, _bold(line))
            for row in rows
            for line in row[col]
        ]
        minimums.append(int(max(head, *words, 0.0)) + 2 * CELL_PAD + 1)
    return minimums


def _bold(line: str | Line) -> bool:
    return isinstance(line, Line) and line.bold
