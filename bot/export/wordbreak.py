"""Thai line breaks for Word files: lines end only between words, never inside a word or a number.

Thai has no spaces between words, so Word and LibreOffice find line breaks with their own
dictionaries, and each breaks where its dictionary says: LibreOffice (ICU) wrapped
"งบ|ประมาณ", "ร้อย|ละ" and "72.|80" in narrow cells, and even with hints (below) it still cut
"รอบ 6 เดื|อน" and "256|9". So the plan chooses its own lines: `breakable` marks the text up once
with pythainlp's word boundaries, `wrap` fills lines by the fonts' real advance widths, and
bot.export.word.lines_xml writes them with w:br, without the hints. The marks:

- U+200B ZERO WIDTH SPACE between two words: a break is allowed there;
- U+2060 WORD JOINER between the letter clusters inside a word: no break there;
- U+00A0 NO-BREAK SPACE between a number and its unit or label ("ร้อยละ 90", "90 คะแนน",
  "พ.ศ. 2569", "2 ธันวาคม"); Thai abbreviations ("อบจ.", "มี.ค.") are one word.

`plain` removes them again (no-break spaces become spaces).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# Laksaman is the metric twin of TH SarabunPSK (same design, free licence): lines are measured
# with it, and the chart is drawn with it; it is shipped so that no system font is needed.
FONTS_DIR = resources.files("bot.export") / "fonts"
THAI_FONT = FONTS_DIR / "Laksaman.ttf"
THAI_FONT_BOLD = FONTS_DIR / "Laksaman-Bold.ttf"

ZWSP = "\u200b"
WJ = "\u2060"
NBSP = "\u00a0"
INVISIBLE = (ZWSP, WJ)

# A Thai run, with the points of Thai abbreviations in it ("อบจ.", "ป.ป.ช.", "ผอ.รพ.สต."): pythainlp
# keeps an abbreviation whole only when it sees its point.
_THAI = re.compile(r"[\u0e01-\u0e5b]+(?:\.[\u0e01-\u0e5b]+)*\.?")
# A letter and the marks that sit on it (above/below vowels, tone marks, sara am, ...).
_CLUSTER = re.compile(r".[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]*", re.S)
_NUMBER = r"\d[\d,]*(?:[.:/]\d+)*"
_MONTHS = r"(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\."
_MONTH_NAMES = "(?:มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)"
# Units after a number; a Thai unit must not be the start of a longer word ("ราย" of "รายงาน").
_UNITS = (
    r"(?:คะแนน|เดือน|วัน(?!ที่)|ครั้ง|ราย(?!งาน|การ|ละเอียด|ไตรมาส|ปี)|คน|เรื่อง|ข้อ(?!มูล|เสนอ|ความ|กำหนด)"
    rf"|หัวข้อ|ฉบับ|แห่ง|ชั่วโมง|บาท|%|{_MONTHS}|{_MONTH_NAMES})"
)
_STRONG = re.compile(rf"^(?:ร้อยละ|พ\.ศ\.|{_MONTHS})$")
_LABELS = (
    r"(?:ร้อยละ|คะแนน|ข้อ|ตัวชี้วัดที่|ที่|พ\.ศ\.|ปี|ไตรมาส(?:ที่)?|รอบ|ระดับ|จำนวน|อย่างน้อย|ไม่น้อยกว่า"
    rf"|ภายใน|วันที่|ฉบับที่|{_MONTHS})"
)
# A number keeps its unit after it ("6 เดือน", "31 มี.ค."), or else the word that names it
# before it ("ร้อยละ 90", "พ.ศ. 2569", "ต.ค. 68"): one side only, so that runs of numbers and
# words never become one unbreakable line.
_GLUED = re.compile(
    rf"(?:({_LABELS}) )?(?<![\d.,])({_NUMBER})(?![\d])(?: ({_UNITS})(?: (\d{{2,4}})(?!\d))?)?"
)
_BEFORE_NON_THAI = re.compile(r" (?=[(\[\d])")
_POINT = re.compile(r"(?<=\d)([.,:/])(?=\d)")


GLUE = NBSP


def _glue(match: re.Match[str]) -> str:
    label, number, unit, year = match.groups()
    if label and _STRONG.match(label):  # "ร้อยละ 90", "พ.ศ. 2569", "ก.ย. 69": never apart
        tail = f"{GLUE}{unit}" + (f" {year}" if year else "") if unit else ""
        return f"{label}{GLUE}{number}{tail}"
    if unit:
        if year and not unit.endswith("."):  # only a month takes a year after it ("31 มี.ค. 69")
            return (f"{label} " if label else "") + f"{number}{GLUE}{unit} {year}"
        return (f"{label} " if label else "") + f"{number}{GLUE}{unit}" + (f"{GLUE}{year}" if year else "")
    return f"{label}{GLUE}{number}" if label else number


@lru_cache(maxsize=8192)
def _thai_run(run: str) -> str:
    """Return a Thai run with a break hint between words and a joiner inside each word."""
    from pythainlp.tokenize import word_tokenize  # noqa: PLC0415 - heavy; loaded on the first plan

    tokens = word_tokenize(run, engine="newmm", keep_whitespace=True)
    words: list[str] = []
    for i, token in enumerate(tokens):
        # pythainlp cuts some abbreviations at their points ("มี", ".", "ค", "."): a point stays
        # with what it ends, and a short part between two points with the part before it.
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if words and (
            token == "."
            or (words[-1].endswith(".") and len(words[-1]) <= 4 and len(token) <= 3 and after == ".")
        ):
            words[-1] += token
        else:
            words.append(token)
    return ZWSP.join(WJ.join(_CLUSTER.findall(word)) for word in _kept_whole(run, words))


# Terms of the ITA plan that pythainlp's dictionary cuts ("ตัว|ชี้|วัด", "ผู้|มี|ส่วนได้ส่วนเสีย") and a
# line must not: the boundaries inside them are dropped, so every break left is still one of pythainlp's.
KEEP_WHOLE = (
    "ตัวชี้วัด", "ผู้มีส่วนได้ส่วนเสีย", "ผู้มีส่วนได้เสีย", "ผู้รับบริการ", "ผู้มาติดต่อ", "แบบวัด", "ข้อคำถาม",
    "ประมวลจริยธรรม", "สำนักปลัด", "กองการเจ้าหน้าที่", "ผลการประเมิน", "ข้อร้องเรียน",
)  # fmt: skip
_KEEP_WHOLE = re.compile("|".join(sorted(KEEP_WHOLE, key=len, reverse=True)))


def _kept_whole(run: str, words: list[str]) -> list[str]:
    """Return `words` with those that split a KEEP_WHOLE term joined again."""
    inside = {k for m in _KEEP_WHOLE.finditer(run) for k in range(m.start() + 1, m.end())}
    if not inside:
        return words
    out: list[str] = []
    at = 0
    for word in words:
        if out and at in inside:
            out[-1] += word
        else:
            out.append(word)
        at += len(word)
    return out


@lru_cache(maxsize=8192)
def breakable(text: str) -> str:
    """Return `text` with Thai line-break hints and numbers glued to their units (see the module)."""
    if not text:
        return text
    text = _GLUED.sub(_glue, text)
    text = text.replace(" – ", f"{NBSP}– ")  # a range's dash ends a line, never starts or fills one
    text = _THAI.sub(lambda m: _thai_run(m.group(0)), text)
    # LibreOffice does not take the space before a bracket or a number as a break in Thai text
    # (it then breaks inside the next word): a zero-width space there makes it one.
    return _BEFORE_NON_THAI.sub(f" {ZWSP}", text)


def plain(text: str) -> str:
    """Return `text` without the hints `breakable` added (no-break spaces become spaces)."""
    for mark in INVISIBLE:
        text = text.replace(mark, "")
    return text.replace(NBSP, " ").replace("\u202f", " ")  # and the narrow one others may have glued with


# -- measuring: how many lines a hinted text takes in a column -----------------------------------
# The shipped fonts are the metric twins of TH SarabunPSK (bot/export/fonts); their advance widths
# give a paragraph's lines the way LibreOffice and Word fill them: greedily, breaking only at a
# space or a zero-width space.
_BREAK = re.compile(rf"(?<= )|{ZWSP}")
WIDTH_SLACK = 1.02  # rendering adds kerning and rounding: measure a little wide


@lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[int, int], int]:
    from fontTools.ttLib import TTFont  # noqa: PLC0415 - matplotlib's dependency; loaded on first use

    with TTFont(str(THAI_FONT_BOLD if bold else THAI_FONT), lazy=True) as font:
        hmtx, cmap = font["hmtx"], font.getBestCmap()
        advances = {code: hmtx[name][0] for code, name in cmap.items()}
        return advances, font["head"].unitsPerEm


@lru_cache(maxsize=65536)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Return the printed width of `text` in twips at `size` points (hints have no width)."""
    advances, em = _advances(bold)
    units = sum(advances.get(ord(ch), em // 2) for ch in text if ch not in INVISIBLE)
    return units * size * 20 / em * WIDTH_SLACK


@lru_cache(maxsize=16384)
def wrap(text: str, width: float, size: float, bold: bool = False) -> tuple[str, ...]:
    """Return the lines a hinted paragraph fills in a column `width` twips wide (at least one)."""
    lines: list[str] = []
    line, used = "", 0.0
    for piece in _BREAK.split(text):
        if not piece:
            continue
        # A line's last space counts: LibreOffice does not let a space before a w:br hang in the
        # margin, and wraps it to a line of its own.
        wide = text_width(piece, size, bold)
        if line and used + wide > width:
            lines.append(line)
            line, used = "", 0.0
        line += piece if not line else ZWSP + piece
        used += text_width(piece, size, bold)
    lines.append(line)
    return tuple(lines)


def longest_piece_width(text: str, size: float, bold: bool = False) -> float:
    """Return the width of the widest unbreakable piece of a hinted text: the narrowest column for it."""
    return max((text_width(p.rstrip(" "), size, bold) for p in _BREAK.split(text) if p), default=0.0)
