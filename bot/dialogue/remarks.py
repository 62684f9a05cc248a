"""Sentences beside an order that only say why: "ขอแบบรายงาน 6 เดือนค่ะ ต้องส่งอำเภอสิ้นเดือนนี้",
"ok ยืนยันค่ะ ข้อมูลถูกหมดแล้ว", "เริ่มร่างได้เลยครับ ไม่มีคะแนนเพิ่มแล้ว".

A message of a few sentences is one order (or one answer) when a run of its sentences reads as it and
every other sentence is a remark: short, with no number, no row, no change asked and no question. A
"nothing more" negation ("ไม่แก้แล้ว") is a remark though it holds a verb of change. Beside an order,
courtesies (thanks, a greeting, an address) are remarks too; beside a yes only thanks that close the
message are (thanks first make it thanks), and nothing may take the answer back ("แต่", "ยังไม่").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from bot.drafting.edit_text import ZERO_WIDTH
from bot.thai import to_arabic

T = TypeVar("T")

# Where one sentence ends and the next begins: a polite particle, then a space; or a new line.
SENTENCE_END = re.compile(r"(?:(?<=ครับ)|(?<=ค่ะ)|(?<=คะ)|(?<=นะ)|(?<=จ้า)|(?<=ผม))\s+|\n+")
# "Nothing more": "ไม่แก้แล้ว", "ไม่มีคะแนนเพิ่มแล้ว", "ไม่ต้องเปลี่ยนอะไรอีก". It agrees with any order that
# ends the work in hand (yes, keep, draft, a file), though it holds a verb of change.
NOTHING_MORE = re.compile(
    r"ไม่(?:ต้อง)?(?:มี)?(?:อะไร)?(?:ต้อง)?(?:\s*(?:ปรับแก้|ปรับ|แก้ไข|แก้|เปลี่ยนแปลง|เปลี่ยน|เพิ่มเติม|เพิ่ม|ส่ง|คะแนน|ข้อมูล"
    r"|ตัวชี้วัด|ตัว|ข้อ|อื่น|อะไร|อีก))+(?:\s*(?:แล้ว|อีก))*"
)
# A remark beside an order or an answer says no more than why: no number, no row, no change, no question.
_REMARK_BLOCKS = re.compile(
    r"\d|แก้|เปลี่ยน|ลบ|เพิ่ม|ร่าง|ย้อน|ยกเลิก|แถว|ตัวชี้วัด|[?？]|ไหม|มั้ย|อะไร|ยังไง|อย่างไร|ทำไม|\b(?:but|not|no)\b", re.I
)
# Beside a yes or a keep a remark must not take it back either: "ยืนยันค่ะ แต่แถว 3 ผิด", "ตามนี้ค่ะ ยังไม่ครบ";
# and thanks first make the message thanks ("ขอบคุณครับ เรียบร้อยแล้ว"): a yes closes with them (`_only`).
_TAKES_BACK = re.compile(r"แต่|ผิด|ไม่|ยัง|รอ|ก่อน|เดี๋ยว|ขอบคุณ|ขอบพระคุณ|ขอบใจ|thank", re.I)
REMARK_MAX_CHARS = 40


def remark(sentence: str, *, answer: bool = False) -> bool:
    """Tell whether a sentence beside an order only says why ("ข้อมูลถูกหมดแล้ว", "ไม่แก้แล้ว").

    `answer`: beside a yes or a keep, where nothing may take the answer back.
    """
    text = NOTHING_MORE.sub(" ", to_arabic(sentence.strip()))
    if len(sentence.strip()) > REMARK_MAX_CHARS or _REMARK_BLOCKS.search(text):
        return False
    return not (answer and _TAKES_BACK.search(text))


# A courtesy sentence: thanks, a greeting, an address ("ขอบคุณค่ะ", "สวัสดีครับ", "เรียนเจ้าหน้าที่ค่ะ").
_COURTESY = re.compile(
    r"^(?:ขอบคุณ|ขอบพระคุณ|ขอบใจ|thanks?|thank you|สวัสดี|เรียน)[^\d\n?？]{0,25}$",
    re.I,
)
_THANKS = re.compile(r"^(?:ขอบคุณ|ขอบพระคุณ|ขอบใจ|thanks?|thank you)[^\d\n?？]{0,25}$", re.I)
# At most this many sentences: a longer message is a letter, read by its key words (command_keys).
MAX_SENTENCES = 4
MAX_CHARS = MAX_SENTENCES * REMARK_MAX_CHARS * 2


def sentences(text: str) -> list[str]:
    """The message's sentences: cut after a polite particle and a space, or at a new line."""
    if len(text) > MAX_CHARS:
        return [text]  # a letter: read by its key words, never sentence by sentence
    return [s for s in SENTENCE_END.split(text.translate(ZERO_WIDTH).strip()) if s.strip()]


def with_remarks(parts: list[str], read: Callable[[str], T | None], *, answer: bool = False) -> T | None:
    """What `read` finds in the longest run of sentences whose others are all remarks, else None."""
    n = len(parts)
    if not 1 < n <= MAX_SENTENCES:
        return None
    for size in range(n - 1, 0, -1):
        for i in range(n - size + 1):
            others = [(k, s) for k, s in enumerate(parts) if not i <= k < i + size]
            if not all(
                remark(s, answer=answer) or _courtesy(s, last=k == n - 1, answer=answer) for k, s in others
            ):
                continue
            found = read(" ".join(parts[i : i + size]))
            if found is not None:
                return found
    return None


def _courtesy(sentence: str, *, last: bool, answer: bool) -> bool:
    """Thanks, a greeting or an address; beside a yes only thanks that close the message."""
    text = sentence.strip()
    if answer:
        return last and _THANKS.match(text) is not None
    return _COURTESY.match(text) is not None
