"""Thai text processing: normalisation, word segmentation, sentence splitting.

Thai has no spaces between words, so every lexical step (BM25, hashing
embedding, query analysis) segments with pythainlp instead of splitting on
whitespace. Item codes such as "O13" and "I14" are kept whole, because the
dictionary segmenter would cut them into "O" + "13".
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
# Zero-width and BOM characters that PDF/Word exports leave inside Thai words.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# "ํา" (nikhahit + sara aa) typed instead of the precomposed "ำ" breaks matching.
_SARA_AM = re.compile("\u0e4d\u0e32")

ITEM_CODE = re.compile(r"(?<![A-Za-z0-9])([IEO])\s?(\d{1,2})(?!\d)")
_SEGMENT = re.compile(r"[IEOiea]\d{1,2}(?!\d)|[A-Za-z]+|\d+(?:[.,]\d+)*|[\u0e00-\u0e7f]+")
_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]")

# Words that carry no retrieval signal in this domain's documents.
STOPWORDS = frozenset(
    """และ หรือ ของ ที่ ใน การ ความ ให้ ได้ เป็น มี ไป มา จาก โดย กับ แก่ ซึ่ง อยู่ ว่า นี้ นั้น
    เพื่อ ต่อ ตาม ด้วย แล้ว จะ ก็ ยัง ทั้ง อย่าง ไม่ ขอ ช่วย บ้าง อะไร อย่างไร ไหม ครับ ค่ะ คะ
    the of and to in for a an is""".split()
)

_ENGINE = "nlpo3"


def normalize(text: str) -> str:
    """Return text with Thai digits as Arabic, zero-width marks removed and Unicode composed."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = _SARA_AM.sub("\u0e33", text)
    return text.translate(_TO_ARABIC)


def clean_display(text: str) -> str:
    """Return text fit to show or store: zero-width marks removed, digits untouched."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    return _SARA_AM.sub("\u0e33", text)


@lru_cache(maxsize=1)
def _segmenter():
    from pythainlp.tokenize import word_tokenize

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
    from pythainlp.tokenize import sent_tokenize

    # Thai marks sentence ends with a space; crfcut decides which spaces are ends.
    return [s.strip() for s in sent_tokenize(paragraph, engine="crfcut") if s.strip()]
