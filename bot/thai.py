"""Thai text and dates: digits, normalisation, word segmentation, B.E. dates and fiscal months.

Thai has no spaces between words, so every lexical step (BM25, hashing
embedding, query analysis) segments with pythainlp instead of splitting on
whitespace. Item codes such as "O13" and "I14" are kept whole, because the
dictionary segmenter would cut them into "O" + "13".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import cast

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
# Zero-width and BOM characters that PDF/Word exports leave inside Thai words.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# "ํา" (nikhahit + sara aa) typed instead of the precomposed "ำ" breaks matching.
_SARA_AM = re.compile("\u0e4d\u0e32")

ITEM_CODE = re.compile(r"(?<![A-Za-z0-9])([IEO])\s?(\d{1,2})(?!\d)")
_SEGMENT = re.compile(r"[IEOieo]\d{1,2}(?!\d)|[A-Za-z]+|\d+(?:[.,]\d+)*|[\u0e00-\u0e7f]+")
_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]")
# A polite particle ending a chat question ("ข้อไหนคะ", "แบบวัดไหนครับ"): the dictionary segmenter
# cuts "ไหนคะ" into "ไห" + "นคะ", so the word before it is lost; it is split off first. No Thai word
# of the documents ends in these (unlike "ค่า" in มูลค่า or "คับ" in บังคับ).
_END_PARTICLE = re.compile(r"(?<=[\u0e00-\u0e7f]{2})(?:คะ|ค่ะ|ครับ)$")

# Words that carry no retrieval signal in this domain's documents.
STOPWORDS = frozenset(
    [
        "และ",
        "หรือ",
        "ของ",
        "ที่",
        "ใน",
        "การ",
        "ความ",
        "ให้",
        "ได้",
        "เป็น",
        "มี",
        "ไป",
        "มา",
        "จาก",
        "โดย",
        "กับ",
        "แก่",
        "ซึ่ง",
        "อยู่",
        "ว่า",
        "นี้",
        "นั้น",
        "เพื่อ",
        "ต่อ",
        "ตาม",
        "ด้วย",
        "แล้ว",
        "จะ",
        "ก็",
        "ยัง",
        "ทั้ง",
        "อย่าง",
        "ไม่",
        "ขอ",
        "ช่วย",
        "บ้าง",
        "อะไร",
        "อย่างไร",
        "ไหม",
        "ครับ",
        "ค่ะ",
        "คะ",
        "the",
        "of",
        "and",
        "to",
        "in",
        "for",
        "an",
        "is",
    ]
)

_ENGINE = "nlpo3"


def normalize(text: str) -> str:
    """Return text with Thai digits as Arabic, zero-width marks removed and Unicode composed."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = _SARA_AM.sub("\u0e33", text)
    return text.translate(_TO_ARABIC)


def to_arabic(text: str) -> str:
    """Return text with Thai digits (๐–๙) written as Arabic digits, nothing else changed."""
    return text.translate(_TO_ARABIC)


def fix_number_slips(text: str) -> str:
    """Return text with OCR slips inside numbers and decimal commas ("91,50") made regular."""
    # OCR reads 1 as l/I/| and 0 as O inside numbers: "9l.50" is 91.50.
    text = re.sub(r"(?<=\d)[lI|](?=\d|\.\d)", "1", text)
    text = re.sub(r"(?<=\d\.)[lI](?=\d)", "1", text)
    text = re.sub(r"(?<=\d)[Oo](?=\d|\.\d)", "0", text)
    text = re.sub(r"(?<=\d\.)[Oo](?=\d)", "0", text)
    # (not "6,91.22": a value with its own decimal point after a comma is the next cell, not decimals)
    if not re.search(r"\d,\d{2}(?!\d)", text):
        return text
    return re.sub(r"(?<=\d)\s*,\s*(?=\d{2}\b(?!\.\d))", ".", text)


def clean_display(text: str) -> str:
    """Return text fit to show or store: zero-width marks removed, digits untouched."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    return _SARA_AM.sub("\u0e33", text)


# A Thai abbreviation with its dots ("อบต.", "ป.ป.ช.", "สพป.", "ทต.") glued to the word before it:
# "ของอบต.หนองบัว" is written "ของ อบต.หนองบัว". Only after the short words that join a name to a
# sentence, and only before letters-and-dots, so no other word is split.
_GLUED_ABBREVIATION = re.compile(
    r"(ของ|แก่|ต่อ|จาก|กับ|ใน|และ|หรือ|โดย|ณ|ถึง)(?=(?:[ก-ฮ]{1,4}\.){1,3}(?:[\u0e00-\u0e7f\s]|$))"
)


def space_abbreviations(text: str) -> str:
    """Return text with a space between a joining word and the agency abbreviation after it.

    "ผลการประเมินของอบต.หนองบัว" -> "ผลการประเมินของ อบต.หนองบัว"; a full name stays joined
    ("ขององค์การบริหารส่วนตำบลหนองบัว"), as official Thai writes it.
    """
    return _GLUED_ABBREVIATION.sub(r"\1 ", text)


@lru_cache(maxsize=1)
def _segmenter() -> Callable[[str], list[str]]:
    from pythainlp.tokenize import word_tokenize  # noqa: PLC0415 - ~0.1 s to import; only segmenting needs it

    try:
        word_tokenize("ทดสอบ", engine=_ENGINE)
        engine = _ENGINE
    except ImportError:  # nlpo3 is pinned, but newmm is the same algorithm, only slower
        engine = "newmm"
    return lambda run: word_tokenize(run, engine=engine, keep_whitespace=False)


def tokenize(text: str, *, drop_stopwords: bool = True) -> list[str]:
    """Segment normalised text into lower-case words; item codes and numbers stay whole."""
    words: list[str] = []
    segment = _segmenter()
    # "I 14" and "I14" must become the same token.
    text = ITEM_CODE.sub(lambda m: f"{m.group(1)}{int(m.group(2))}", normalize(text))
    for match in _SEGMENT.finditer(text):
        piece = match.group(0)
        if _THAI_RUN.match(piece):
            particle = _END_PARTICLE.search(piece)
            if particle:
                words.extend(w for w in segment(piece[: particle.start()]) if w.strip())
                words.append(particle.group(0))
            else:
                words.extend(w for w in segment(piece) if w.strip())
        else:
            words.append(piece.upper() if ITEM_CODE.fullmatch(piece.upper()) else piece.lower())
    if drop_stopwords:
        words = [w for w in words if w not in STOPWORDS]
    return words


def item_codes(text: str) -> list[str]:
    """Return the I/E/O item codes mentioned in text, in order, without repeats."""
    seen: dict[str, None] = {}
    for letter, num in ITEM_CODE.findall(normalize(text)):
        if 1 <= int(num) <= 45:
            seen[f"{letter}{int(num)}"] = None
    return list(seen)


def split_sentences(paragraph: str) -> list[str]:
    """Split a Thai paragraph into sentences at spaces that end a clause, never inside a word."""
    from pythainlp.tokenize import sent_tokenize  # noqa: PLC0415 - ~0.1 s to import; only splitting needs it

    # Thai marks sentence ends with a space; crfcut decides which spaces are ends.
    sentences = cast(list[str], sent_tokenize(paragraph, engine="crfcut"))  # a str in, so str sentences out
    return [s.strip() for s in sentences if s.strip()]


# ---------------------------------------------------------------- B.E. dates and fiscal months
BE_OFFSET = 543
MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
DASH = "–"


def fiscal_month_iso(fiscal_year_be: int | None, fiscal_month: int) -> str:
    """Return the Gregorian ISO month of fiscal month 1..12 (1 = ต.ค.) of a B.E. fiscal year."""
    if not 1 <= fiscal_month <= 12:
        raise ValueError(f"fiscal month must be 1..12, got {fiscal_month}")
    fy = fiscal_year_be or 0
    gregorian_fy = fy - BE_OFFSET
    month = (fiscal_month + 8) % 12 + 1  # 1 -> 10 (Oct), 3 -> 12, 4 -> 1, 12 -> 9
    year = gregorian_fy - 1 if fiscal_month <= 3 else gregorian_fy
    return f"{year:04d}-{month:02d}"


def month_short(iso_month: str) -> str:
    """Return "ต.ค. 68" for "2025-10"."""
    year, month = (int(x) for x in iso_month.split("-"))
    return f"{MONTHS_ABBR[month - 1]} {(year + BE_OFFSET) % 100:02d}"


def format_period(start_iso: str, end_iso: str) -> str:
    """Return a period as coordinators print it: "ม.ค. – ก.ย. 69" within one B.E. year, both years
    when they differ ("ต.ค. 68 – มี.ค. 69"), one month alone when it starts and ends there."""
    if start_iso == end_iso:
        return month_short(start_iso)
    if start_iso[:4] == end_iso[:4]:
        return f"{MONTHS_ABBR[int(start_iso[5:7]) - 1]} {DASH} {month_short(end_iso)}"
    return f"{month_short(start_iso)} {DASH} {month_short(end_iso)}"


def fiscal_bounds_iso(fiscal_year_be: int) -> tuple[str, str]:
    """Return the first and last ISO months of a B.E. fiscal year."""
    return fiscal_month_iso(fiscal_year_be, 1), fiscal_month_iso(fiscal_year_be, 12)


def current_fiscal_year(today) -> int:
    """Return the B.E. fiscal year a date falls in (October starts the next one)."""
    return today.year + BE_OFFSET + (1 if today.month >= 10 else 0)


# Buddhist Era = Gregorian + 543; documents never print Gregorian years.
MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)


def be_year(gregorian_year: int) -> int:
    """Return the Buddhist-era year of a Gregorian year."""
    return gregorian_year + BE_OFFSET


def format_thai_date(day: date) -> str:
    """Return a date as printed in a Thai document, e.g. "21 พฤศจิกายน 2569"."""
    return f"{day.day} {MONTHS[day.month - 1]} {be_year(day.year)}"


format_month_short = month_short  # the name the export modules and their tests use


def round_period(fiscal_year_be: int | None, round_months: int) -> str:
    """Return the period a progress round covers, e.g. "ต.ค. 68 – มี.ค. 69" for FY 2569, 6 months.

    A Thai fiscal year N runs 1 Oct of N-1 to 30 Sep of N; the 6-month round ends
    in March and the 12-month round in September.
    """
    if round_months not in (6, 12):
        raise ValueError(f"a progress round is 6 or 12 months, got {round_months}")
    last = "มี.ค." if round_months == 6 else "ก.ย."
    if fiscal_year_be is None:
        return f"ต.ค. {DASH} {last}"
    return f"ต.ค. {(fiscal_year_be - 1) % 100:02d} {DASH} {last} {fiscal_year_be % 100:02d}"


def round_deadline(fiscal_year_be: int | None, round_months: int) -> str:
    """Return the last day of a round in words, e.g. "31 มีนาคม 2569"; blank year if unknown."""
    if round_months not in (6, 12):
        raise ValueError(f"a progress round is 6 or 12 months, got {round_months}")
    text = "31 มีนาคม" if round_months == 6 else "30 กันยายน"
    return f"{text} {fiscal_year_be}" if fiscal_year_be else text
