"""What a clause says of every value in it, not only of the first: a target or a wish governs the list
of keys and values after it, and a question asked about an "if" makes its values hypothetical.

"ตั้งเป้า IIT ต้องได้ไม่ต่ำกว่า 95 EIT 95 OIT 90": all three are targets, not the first only.
"ถ้า IIT ได้ 90 EIT 88 OIT 80 รวมแล้วจะได้เท่าไหร่คะ": the officer asks about made-up values.
"""

from __future__ import annotations

import re

from bot.scores.text import TARGET_LIST, Num

# Why a value is not a result, when the same holds for the values listed after it.
_GOVERNS = {"target", "wish", "hypothetical"}
# "ถ้า", "หาก", "สมมติว่า" open a hypothetical; "ถ้าจำไม่ผิด" (if I remember right) reports a fact.
_IF = re.compile(r"(?:ถ้า|หาก|สมมติ|สมมุติ)(?!\s*+(?:จำ|ไม่ผิด|ดูจาก))")
# A bound is a target's when the clause aims at it: "ตั้งเป้า IIT ต้องได้ไม่ต่ำกว่า 95 EIT 95".
_AIMED = re.compile(r"เป้า|ต้องได้|ควรได้|อยากได้|KPI|target", re.I)
# "IIT ได้ 85.5 เป้าหมาย 90 EIT 88.25": a target word and its number only are an aside on the key before.
_ASIDE = re.compile(r"(?:เป้า(?:หมาย)?|เกณฑ์|KPI|target)\s*+(?:ที่|คือ|ไว้)?\s*+[:=]?\s*+$", re.I)
_ASKS = re.compile(r"ไหม|มั้ย|เท่าไ[หร]|หรือเปล่า|หรือไม่|ยังไง|อย่างไร|\?")


def govern(line: str, nums: list[Num]) -> None:
    """Block the values a clause's target, wish or asked hypothetical governs (linear in the line)."""
    opened = _IF.search(line)
    asked = None
    if opened:
        for q in _ASKS.finditer(line, opened.end()):
            asked = q  # the last question of the line
    for n in nums:
        if (
            asked is not None
            and opened is not None
            and opened.end() <= n.start < asked.start()
            and not n.blocked
        ):
            n.blocked = "hypothetical"
    prev: Num | None = None
    for n in nums:
        if (
            prev is not None
            and not n.blocked
            and (
                prev.blocked in _GOVERNS
                or (prev.blocked == "threshold" and _AIMED.search(line, 0, prev.start) is not None)
            )
            and ")" not in line[prev.end : n.start]  # "(เป้า 90) / IIT 93.2": the aside is closed
            and not _ASIDE.search(line, max(0, prev.start - 24), prev.start)
            and TARGET_LIST.fullmatch(line, prev.end, n.start)
        ):
            n.blocked = prev.blocked
        prev = n


# An item code as prose writes it ("O13", "I 4"); bot.scores.prose reads keys with it.
CODE = r"[IEO]\s?\d{1,2}(?![\d.])"
# After a shared value, the keys it does not cover: "… ได้ 100 ทุกข้อ ยกเว้น O24 ได้ 0".
_EXCEPT = re.compile(
    rf"(?:ข้อ|ตัว(?:ชี้วัด)?)?\s*+(?:[^\S\n]*+(?:ครับ|ค่ะ|คะ|นะ))?\s*+(?:ยกเว้น|เว้นแต่|เว้น|แต่)\s*+(?:ข้อ|ตัวชี้วัด(?:ที่)?|ตัวที่)?\s*+"
    rf"(?P<keys>{CODE}(?:\s*+(?:,|และ|กับ)\s*+{CODE})*+|\d{{1,2}}(?:\s*+(?:,|และ|กับ)\s*+\d{{1,2}})*+)(?![\d.])",
    re.I,
)


def excepted(text: str, at: int, kind: str) -> list:
    """Return the keys an exception right at `at` leaves out of a shared value ([] when none)."""
    but = _EXCEPT.match(text, at)
    if but is None:
        return []
    keys = but.group("keys")
    if kind == "item":
        return [c.replace(" ", "").upper() for c in re.findall(CODE, keys, re.I)]
    return [int(n) for n in re.findall(r"\d{1,2}", keys)]
