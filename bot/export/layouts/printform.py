"""The print form of the layouts' text: where a line may break, and how wide a column must be.

Thai has no spaces between words, so LibreOffice and Word break lines with their own
dictionaries, and cut "ร้อยละ|90", "งบ|ประมาณ", "ครบ|ถ้วน" in narrow columns. keep_units
puts the breaks where pythainlp puts word boundaries and glues numbers to their units;
word_minimums makes every column at least as wide as its widest unbreakable piece,
measured in the shipped Laksaman font (the metric twin of TH SarabunPSK).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from bot.export.word import CELL_PAD, TABLE_PT, Line
from bot.thai import tokenize

# The narrow no-break space: LibreOffice renders of U+00A0 inside Thai text broke lines at it
# (and then inside the next word); U+202F kept "ร้อยละ 90" and "12 เดือน" whole. Word honours both.
NBSP = "\u202f"
ZWSP = "\u200b"  # zero-width space: a break opportunity
WJ = "\u2060"  # word joiner: no break here
_THAI_RUN = re.compile("[ก-๙]+")
_THAI = re.compile("[ก-๙]")
_THAI_RUN_END = re.compile("[ก-๙]+$")
_THAI_RUN_START = re.compile("[ก-๙]+")
# A number and its unit, or a unit word and its number, are one unbreakable word in print.
_UNIT_AFTER = re.compile(r"(\d[\d.,]*)\s+(คะแนน|ครั้ง|วัน|เดือน|ปี|ข้อ|ตัวชี้วัด|คน|แห่ง|บริการ|รอบ|%)")
_UNIT_BEFORE = re.compile(r"(ร้อยละ|ไตรมาส(?:ที่)?|รอบ|ตัวชี้วัดที่|พ\.ศ\.)\s+(\d[\d.,]*)")
_MONTH_YEAR = re.compile(r"([ก-๙]{1,2}\.[ก-๙]{1,2}\.)\s+(\d{2,4})")  # "ต.ค. 68"
_DATE = re.compile(r"(\d{1,2})\s+([ก-๙]{1,2}\.[ก-๙]{1,2}\.|[ก-๙]+าคม|[ก-๙]+ายน|กุมภาพันธ์)\s+(\d{2,4})")


@lru_cache(maxsize=8192)
def keep_units(text: str) -> str:
    """Return text in its print form: lines break only between pythainlp words, never in a number's unit.

    Numbers are glued to their units and dates to their months with a narrow no-break space
    ("ร้อยละ 90", "31 มี.ค. 69"; a unit word that ends another word, "กรอบ 3", is left
    alone). Then every Thai run is segmented with pythainlp: a zero-width space between two
    words is the break opportunity, and word joiners between the letters of a word stop
    LibreOffice's and Word's own dictionaries from breaking inside it ("ครบ|ถ้วน",
    "งบ|ประมาณ" were cut in renders without them). All of these print as nothing.
    """

    if WJ in text or ZWSP in text:
        return text  # already in print form
    if not text:
        return text

    def glue(m: re.Match[str]) -> str:
        text, start, end = m.string, m.start(), m.end()
        before = after = ""
        if start > 0 and _THAI.match(text[start - 1]):
            run = _THAI_RUN_END.search(text[:start])
            if run is None or _words(run.group(0) + m.group(1))[-1] != m.group(1):
                return m.group(0)  # "กรอบ 3": the unit is the end of another word, not a word
            before = ZWSP
        if end < len(text) and _THAI.match(text[end]):
            run = _THAI_RUN_START.match(text, end)
            last = m.groups()[-1]
            if run is None or _words(last + run.group(0))[0] != last:
                return m.group(0)
            after = ZWSP
        return before + NBSP.join(g for g in m.groups() if g) + after

    for pattern in (_DATE, _MONTH_YEAR, _UNIT_AFTER, _UNIT_BEFORE):
        text = pattern.sub(glue, text)
    # After "(" LibreOffice ignores the joiners ("(ค|ณะทำงาน", "(ฝ่ายบริ|หาร)" in renders); a break
    # opportunity on each side of a bracket stops it (at worst a "(" ends a line)
    text = text.replace("(", ZWSP + "(" + ZWSP).replace(")", ")" + ZWSP)
    return _THAI_RUN.sub(lambda m: _bind(m.group(0)), text)


def _bind(run: str) -> str:
    """Return a Thai run with break opportunities between its pythainlp words and none inside them."""
    words = tokenize(run, drop_stopwords=False)
    if "".join(words) != run:  # normalisation changed the text: print it as it is
        return run
    return ZWSP.join(_joined(word) for word in words)


def _joined(word: str) -> str:
    # a word joiner before each character that starts a new cell (never before a vowel or tone mark)
    return "".join((WJ + ch) if i and unicodedata.category(ch) != "Mn" else ch for i, ch in enumerate(word))


def plain_text(text: str) -> str:
    """Return print-form text as a reader sees it: no joiners, no-break spaces as spaces."""
    return text.replace(WJ, "").replace(ZWSP, "").replace(NBSP, " ")


# ---------------------------------------------------------------------- widths
FONTS_DIR = Path(__file__).resolve().parents[1] / "fonts"
SAFETY = 90  # twips: LibreOffice's line fitting needs a hair more than the glyphs' advance


@lru_cache(maxsize=2)
def _font(bold: bool):
    from PIL import ImageFont  # noqa: PLC0415 - Pillow (with matplotlib) loads only when a layout draws

    # Laksaman is the metric twin of TH SarabunPSK (bot/export/fonts/README.md).
    return ImageFont.truetype(str(FONTS_DIR / ("Laksaman-Bold.ttf" if bold else "Laksaman.ttf")), 100)


def text_em(text: str, bold: bool = False) -> float:
    """Return the printed width of `text` in em (its advance in the shipped Laksaman font)."""
    return float(_font(bold).getlength(text)) / 100


def _words(part: str) -> list[str]:
    return tokenize(part, drop_stopwords=False) if _THAI.search(part) else [part]


@lru_cache(maxsize=4096)
def longest_word(text: str, bold: bool = False) -> float:
    """Return the width in em of the longest unbreakable piece of `text`.

    A piece is a pythainlp word, or everything between two break opportunities (spaces,
    zero-width spaces) that contains a no-break space ("ร้อยละ 90", "31 มี.ค. 69").
    """
    best = 0.0
    for piece in re.split(f"[ {ZWSP}]", text):
        if not piece:
            continue
        if NBSP in piece or WJ in piece:  # glued or bound: one piece
            best = max(best, text_em(piece.replace(WJ, ""), bold))
            continue
        best = max([best, *(text_em(w, bold) for w in _words(piece) if w)])
    return best


def _lines(cell: Sequence[str | Line]) -> list[tuple[str, bool]]:
    return [(line.text, line.bold) if isinstance(line, Line) else (line, False) for line in cell]


def word_minimums(
    headers: Sequence[Sequence[str]], rows: Sequence[Sequence[Sequence[str | Line]]], size: float = TABLE_PT
) -> list[int]:
    """Return each column's narrowest width in twips: its longest header line and its longest word fit."""
    em = size * 20
    minimums = []
    for col, header in enumerate(headers):
        header_em = max(text_em(h, bold=True) for h in header)  # header lines never wrap
        word_em = max(
            (longest_word(t, bold) for row in rows for t, bold in _lines(row[col]) if t), default=0.0
        )
        minimums.append(int(max(header_em, word_em) * em + 2 * CELL_PAD + SAFETY))
    return minimums
