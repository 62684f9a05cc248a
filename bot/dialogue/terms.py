"""The bot's own words explained: "หน่วยงานย่อยคืออะไร", "ผู้รับผิดชอบหมายถึงใคร", "ต้องใส่อะไรคะ".

The profile steps and the draft use words of the bot's own (หน่วยงานย่อย, ผู้รับผิดชอบ, ปีที่ประเมิน,
ใช้ตามนี้ ...). A question about one of them is answered from bot.wording.TERMS before any search:
the knowledge base is about the ITA, and would answer with an unrelated passage. A question about
what to type with no term named ("ต้องใส่อะไรคะ") is about the step in hand (wording.STEP_TERMS).
A term is found as typed or with one slip (rapidfuzz), and only in a question that asks what
something means or what to type, so "ผู้รับผิดชอบตัวชี้วัด 9 ควรเป็นกองไหน" still goes to the search.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot import wording as w

# Asking what a word means or what to type: "คืออะไร", "หมายถึง", "แปลว่า", "คำว่า X", "ใส่อะไร".
_MEANING = re.compile(
    r"คือ\s*(?:อะไร|ใคร|\S{0,3}ไหน|ยังไง|อย่างไร)|หมายถึง|หมายความ|แปลว่า|อะไรคือ|คำว่า|"
    r"(?:ใส่|กรอก|พิมพ์|ตอบ|เลือก)\s*(?:อะไร|ยังไง|อย่างไร|แบบไหน)|ได้แก่อะไร|เช่นอะไร|what (?:is|does|do you mean)",
    re.I,
)
# What is left of "ต้องใส่อะไรคะ" without its cue: pointing words and particles, so it names nothing.
_NOTHING_NAMED = re.compile(
    r"ต้อง|ตรงนี้|ช่องนี้|อันนี้|ข้อนี้|ขั้นตอนนี้|ขั้นนี้|นี้|นี่|ตรง|ให้|ครับผม|ครับ|ค่ะ|คะ|นะ|จ๊ะ|จ้า|"
    r"ผม|หนู|ดิฉัน|เรา|ที่|ว่า|ไป|ลง|[?？!.\s]"
)
# The term must carry the question: a long message is about more than a word.
MAX_CHARS = 60
# A term typed with one slip ("หน่วยงานยอ่ย") still counts; shorter terms must be exact.
MIN_FUZZY_TERM = 6
FUZZY_SCORE = 88.0


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def term_asked(question: str, state: str = "") -> str:
    """Return the key of the bot's term a question asks about (wording.TERMS), else "".

    `state`: the dialogue step; a meaning question naming no term is about the step's own term.
    """
    flat = " ".join(question.split())
    if not flat or len(flat) > MAX_CHARS or not _MEANING.search(flat):
        return ""
    squashed = _squash(flat)
    best, best_len = "", 0
    for key, (aliases, _text) in w.TERMS.items():
        for alias in aliases:
            word = _squash(alias)
            hit = word in squashed or (
                len(word) >= MIN_FUZZY_TERM and fuzz.partial_ratio(word, squashed) >= FUZZY_SCORE
            )
            if hit and len(word) > best_len:  # the longest term named wins: "ปีงบประมาณของมาตรการ"
                best, best_len = key, len(word)
    if best:
        return best
    rest = _NOTHING_NAMED.sub("", _MEANING.sub("", flat))
    return "" if rest else w.STEP_TERMS.get(state, "")  # "O12 คืออะไร" names something else


def explain(key: str, example: str) -> str:
    """Return what the bot means by the term `key`, with `example` (units of the officer's type)."""
    return w.TERMS[key][1].format(example=example)
