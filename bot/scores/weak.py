"""Item codes an officer names as missing or failed, with no score: "ข้อ O13 O14 ยังไม่ได้เผยแพร่", "O5 ไม่ผ่าน"."""

from __future__ import annotations

import re

from bot.scores.clauses import CODE
from bot.scores.prose import ITEM_KEYS
from bot.scores.prose import _codes as codes_of

# Item codes named as missing or failed, with no score: "ข้อ O13 O14 ยังไม่ได้เผยแพร่", "O5 ไม่ผ่าน".
_WEAK_WORD = re.compile(
    r"ยังไม่(?:ได้)?\s*+(?:เผยแพร่|ผ่าน|ครบ|มี|ส่ง|ทำ|ลง|ดำเนินการ|อัปโหลด|อัพโหลด|เปิดเผย)|ไม่ผ่าน|ไม่ครบ|ไม่ได้\s*+(?:เผยแพร่|ลง|ส่ง|คะแนน)|"
    r"ไม่มีข้อมูล|ขาด|ตกหล่น|missing|failed|not (?:yet )?published",
    re.I,
)
# An instruction, a deadline or a target about items is not a finding about them.
_NOT_A_FINDING = re.compile(r"ภายใน|ต้อง|ให้|เป้าหมาย|ควร|\?|ไหม|หรือเปล่า|มั้ย")
_ONECODE = re.compile(rf"(?<![A-Za-z])({CODE})")
# A finding and the advice after it often share a line ("… ขาดข้อมูลในหัวข้อ O13 … ดังนั้นควรปรับปรุง…",
# or a table row whose next cell says what to do): each cell and each sentence is judged on its own.
# (a run of spaces is tried from its first space only: linear in a line of spaces)
_CLAUSES = re.compile(r"\t|(?<!\s)\s++(?=ดังนั้น|จึง(?:ควร|ต้อง|ให้)|ทั้งนี้|โดยควร|อย่างไรก็ตาม)|(?<=[.!])\s++")


def named_weak_items(text: str, ranges: dict[str, int]) -> list[str]:
    """The item codes a message names as missing or failed without giving them a score, in order.

    Only a line that says so ("ยังไม่ได้เผยแพร่", "ไม่ผ่าน", "ขาด") and gives no instruction, deadline,
    target or question counts; ranges ("O20-O22") are expanded. No score is made up for them.
    """
    out: list[str] = []
    clauses = (c for line in text.split("\n")[:1500] for c in _CLAUSES.split(line[:1000])[:50])
    for line in clauses:
        if not _WEAK_WORD.search(line) or _NOT_A_FINDING.search(line):
            continue
        taken: list[tuple[int, int]] = []
        for m in ITEM_KEYS.finditer(line):
            codes = codes_of(m.group("a"), m.group("b"), m.group("list")) or []
            out += codes
            taken.append((m.start(), m.end()))
        for m in _ONECODE.finditer(line):
            if not any(a <= m.start() < b for a, b in taken[-3:]):
                out.append(m.group(1).replace(" ", "").upper())
    return [c for c in dict.fromkeys(out) if 1 <= int(c[1:]) <= ranges.get(c[0], 0)][:200]
