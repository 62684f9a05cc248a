"""A second family of harmless edits, written on 2026-12-03 before it was run against the grammar.

    .venv/bin/python benchmarks/edits.py --perturb --family fresh [--show]

The first family (edits_perturb.py) was tuned against for several rounds, so its figure no longer says
much about officers the grammar has not met. These edits change how a message is written, never what it
asks, in ways the first family does not: a field or verb said with another word officers use (Thai or
English), the field named before the row instead of after it, a filler beside the row ("ตรงแถว 3",
"แถว 3 นะคะ"), drawn-out chat particles, a whole polite frame around one line, spaces left out before
the value, a row number in words, a slip in the row word. Same rules as the first family: dev messages
only, a message an edit leaves unchanged is not counted, values are compared with Arabic digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.drafting.edit_words import KPI_WORDS, MEASURE_WORDS, OWNER_WORDS, STEP_WORDS, TIME_RANGE_WORDS

# A row named by number (not a list or range of rows: those move as one).
_ROW_AT = re.compile(
    r"(?<![A-Za-z\u0e00-\u0e7f])แถว(?:ที่)?\s*(?P<n>[0-9]{1,2})(?![0-9.])(?!\s*(?:-|–|ถึง|,|และ|กับ))"
)
_NUMBER_WORDS = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า", "สิบ", "สิบเอ็ด", "สิบสอง")

# Field words, each with words officers use for the same column that the first family never tried.
FIELD_SYNONYMS = {
    "ผู้รับผิดชอบ": ("หน่วยงานที่รับผิดชอบ", "owner"),
    "ระยะเวลาดำเนินการ": ("ช่วงเวลา", "timeline"),
    "ระยะเวลา": ("ระยะเวลาดำเนินการ", "timeline"),
    "ตัวชี้วัดความสำเร็จ": ("KPI", "ตัวชี้วัดผลสำเร็จ"),
    "KPI": ("ตัวชี้วัดความสำเร็จ", "kpi"),
    "ขั้นตอน": ("ขั้นตอนการดำเนินงาน", "steps"),
    "ชื่อมาตรการ": ("มาตรการ", "measure"),
}
# Verbs, each with another officers use for the same change.
VERB_SYNONYMS = {
    "แก้ไข": "ปรับแก้",
    "แก้": "แก้ไข",
    "เปลี่ยน": "เปลี่ยนแปลง",
    "ลบ": "ตัด",
    "ขอดู": "ขอเปิดดู",
}
# Chat particles drawn out, as officers type them on a phone.
DRAWN = ("ค่าาา", "คร้าบบ", "นะคะ 🙏🙏", "น้าาา", "ครับผม 🙏")


def _outside_value(t: str, value: str, word: str) -> int:
    """Where `word` first stands outside the value (-1 when it does not)."""
    at = t.find(word)
    while at >= 0:
        inside = bool(value) and value in t and t.find(value) <= at < t.find(value) + len(value)
        if not inside:
            return at
        at = t.find(word, at + 1)
    return -1


def _swap_word(table: dict[str, tuple[str, ...]], which: int) -> Callable[[str, str], str | None]:
    def edit(t: str, value: str) -> str | None:
        for word, others in table.items():
            at = _outside_value(t, value, word)
            if at < 0:
                continue
            if re.search(r"(?:หน่วยงาน|เป็น)$", t[:at]):  # inside a longer field word: "หน่วยงานผู้รับผิดชอบ"
                return None
            new = others[which]
            if new in t:
                return None
            pad = " " if new.isascii() else ""
            return t[:at] + pad + new + pad + t[at + len(word) :]
        return None

    return edit


def _verb(t: str, value: str) -> str | None:
    for word, other in VERB_SYNONYMS.items():
        at = _outside_value(t, value, word)
        if at >= 0 and not t.startswith(other, at):
            return t[:at] + other + t[at + len(word) :]
    return None


def _field_first(t: str, value: str) -> str | None:
    """ "แถว 3 ผู้รับผิดชอบ เป็น กองคลัง" -> "ผู้รับผิดชอบแถว 3 เป็น กองคลัง"."""
    m = _ROW_AT.match(t)
    if m is None or "\n" in t:
        return None
    rest = t[m.end() :].lstrip()
    for word in sorted(
        (*OWNER_WORDS, *TIME_RANGE_WORDS, *STEP_WORDS, *KPI_WORDS, *MEASURE_WORDS), key=len, reverse=True
    ):
        if rest.startswith(word) and word not in value:
            return f"{word}{m.group(0)} {rest[len(word) :].lstrip()}"
    return None


def _filler_before(t: str, value: str) -> str | None:
    m = _ROW_AT.search(t)
    if m is None or (value and value in t and t.find(value) < m.start()):
        return None
    return t[: m.start()] + "ตรง" + t[m.start() :]


def _filler_after(t: str, value: str) -> str | None:
    """ "แถว 3 ผู้รับผิดชอบ …" -> "แถว 3 นะคะ ผู้รับผิดชอบ …": a particle after the row, mid-sentence."""
    m = _ROW_AT.match(t)
    if m is None or not t[m.end() :].strip():
        return None
    return f"{m.group(0)} นะคะ {t[m.end() :].lstrip()}"


def _drawn(i: int) -> Callable[[str, str], str | None]:
    def edit(t: str, value: str) -> str | None:
        if re.search(r"(?:ค่ะ|คะ|ครับ|ครับผม|นะ|จ้า|[.!?🙏😊])\s*$", t) or "\n" in t.strip():
            return None
        return t.rstrip() + " " + DRAWN[i]

    return edit


def _polite_frame(t: str, value: str) -> str | None:
    """One line framed as a careful officer does: "รบกวนช่วย … ให้หน่อยนะคะ ขอบคุณค่ะ"."""
    if "\n" in t.strip() or value == "-" or re.search(r"(?:ค่ะ|คะ|ครับ|ครับผม|นะ|จ้า|หน่อย|ด้วย)\s*$", t):
        return None
    if re.match(r"(?:รบกวน|ช่วย|ขอ|กรุณา|เรียน|สวัสดี)", t):
        return None
    space = " " if t.strip()[:1].isascii() else ""
    return f"รบกวนช่วย{space}{t.strip()} ให้หน่อยนะคะ ขอบคุณค่ะ"


def _no_spaces_before_value(t: str, value: str) -> str | None:
    """ "แก้ ผู้รับผิดชอบ แถว 3 เป็น กองคลัง" -> "แก้ผู้รับผิดชอบแถว3เป็น กองคลัง": fast typing, the value untouched."""
    if not value or value == "-" or value not in t or "\n" in t:
        return None
    at = t.find(value)
    head = re.sub(r"(?<=[\u0e00-\u0e7f0-9]) +(?=[\u0e00-\u0e7f0-9])", "", t[:at].rstrip())
    return head + " " + t[at:]


def _row_in_words(t: str, value: str) -> str | None:
    m = _ROW_AT.search(t)
    if m is None or not 0 < int(m.group("n")) <= 12 or len(_ROW_AT.findall(t)) != 1:
        return None
    return t[: m.start()] + "แถวที่" + _NUMBER_WORDS[int(m.group("n"))] + t[m.end() :]


def _row_word_slip(t: str, value: str) -> str | None:
    m = _ROW_AT.search(t)
    if m is None:
        return None
    return t[: m.start()] + "แถวว" + t[m.start() + len("แถว") :]


FRESH: dict[str, Callable[[str, str], str | None]] = {
    "Thai field synonym": _swap_word(FIELD_SYNONYMS, 0),
    "English/other field word": _swap_word(FIELD_SYNONYMS, 1),
    "verb synonym": _verb,
    "field before row": _field_first,
    "ตรง before row": _filler_before,
    "นะคะ after row": _filler_after,
    **{f"drawn {w}": _drawn(i) for i, w in enumerate(DRAWN)},
    "polite frame": _polite_frame,
    "no spaces before value": _no_spaces_before_value,
    "row number in words": _row_in_words,
    "row word slip (แถวว)": _row_word_slip,
}
