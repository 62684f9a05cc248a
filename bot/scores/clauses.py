"""What a clause says of every value in it, not only of the first: a target or a wish governs the list
of keys and values after it, and a question asked about an "if" makes its values hypothetical.

"ตั้งเป้า IIT ต้องได้ไม่ต่ำกว่า 95 EIT 95 OIT 90": all three are targets, not the first only.
"ถ้า IIT ได้ 90 EIT 88 OIT 80 รวมแล้วจะได้เท่าไหร่คะ": the officer asks about made-up values.
"คะแนน 72 ถือว่าต่ำไหมคะ", "ทำไมตัวชี้วัดที่ 7 ได้แค่ 65": a question asked of a sentence's only value
is a question, not a report of it; "ตัวชี้วัดที่ 9 ได้ 72 ควรทำอะไรก่อนคะ" asks about something else
(what to do), and "ได้ 88.5 ค่ะ ต้องทำแผนไหมคะ" reports first, closing that sentence with a particle.
"""

from __future__ import annotations

import re

from bot.scores.text import Num, numbers
from bot.scores.unscored import TARGET_LIST

# Why a value is not a result, when the same holds for the values listed after it.
_GOVERNS = {"target", "wish", "hypothetical"}
# "ถ้า", "หาก", "สมมติว่า" open a hypothetical; "ถ้าจำไม่ผิด" (if I remember right) reports a fact.
_IF = re.compile(r"(?:ถ้า|(?<!ปัญ)หาก|สมมติ|สมมุติ)(?!\s*+(?:จำ|ไม่ผิด|ดูจาก))")
# A bound is a target's when the clause aims at it: "ตั้งเป้า IIT ต้องได้ไม่ต่ำกว่า 95 EIT 95".
_AIMED = re.compile(r"เป้า|ต้องได้|ควรได้|อยากได้|KPI|target", re.I)
# "IIT ได้ 85.5 เป้าหมาย 90 EIT 88.25": a target word and its number only are an aside on the key before.
_ASIDE = re.compile(r"(?:เป้า(?:หมาย)?|เกณฑ์|KPI|target)\s*+(?:ที่|คือ|ไว้)?\s*+[:=]?\s*+$", re.I)
_ASKS = re.compile(r"ไหม|มั้ย|เท่าไ[หร]|หรือเปล่า|หรือไม่|ยังไง|อย่างไร|ไหน(?!ๆ)|\?")


# Where a sentence ends: a closing particle, "?" or "!", an English full stop, or before a word that
# points back at what was said ("… ได้ 78.26 แบบนี้ต้องทำมาตรการไหมคะ": the value was stated first).
_SENTENCE_END = re.compile(
    r"(?:ครับผม|ครับ|ค่ะ|(?:คับ|คะ|ค่า|จ้า|จ้ะ)(?=[\s!?.,~)]|$))[\s!?.,~)]*+|[!?？]++\s*+|(?<=[A-Za-z])\.\s++"
    r"|(?=แบบนี้|อย่างนี้|แบบนั้น|อย่างนั้น|งี้|งั้น|ดังนั้น|เช่นนี้)"
    # ("ได้ 84.99 ขาด 0.01 เอง อุทธรณ์ได้ไหมคะ": "เอง" closes a statement of fact, as a particle does)
    r"|(?<=\d)\s?เอง(?:นะ|จ้า)?\s*+"
)
_CLOSE = r"\s*+(?:ครับผม|ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ|นะ|ดี|เนี่ย|เหรอ)*+[\s!?.,~)]*+$"
# A yes/no question closing its sentence ("ต่ำไปมั้ยครับ", "ผ่านเกณฑ์หรือเปล่า", "is 72 low?").
_YES_NO = re.compile(r"(?:ไหม|มั้ย|มั๊ย|มัย|หรือไม่|หรือเปล่า|รึเปล่า|รึป่าว|หรือป่าว|ป่ะ|ป่าว|เหรอ|หรอ|[?？])" + _CLOSE)
# Why the value is what it is, or what it means: asked of the value itself.
_OF_VALUE = re.compile(
    r"ทำไม|(?:หมายความว่า|หมายถึง|แปลว่า|ถือว่า|ระดับ|เกณฑ์)\s*+(?:อะไร|อย่างไร|ยังไง|ไหน|แค่ไหน)"
    r"|\b(?:why|mean|means)\b",
    re.I,
)
# Asking about something else after the value ("ควรทำอะไรก่อน", "ต้องทำมาตรการกี่ข้อ", "what should we do").
_OF_ELSE = re.compile(
    r"อะไร|อย่างไร|ยังไง|กี่|ตรงไหน|ที่ไหน|เมื่อไ[รห]|เท่าไ[รห]|ใคร|อันไหน|ข้อไหน|ตัวไหน|"
    r"\b(?:what|how|which|where|when|who)\b",
    re.I,
)


def _asked(line: str, nums: list[Num]) -> None:
    """Block the only value of a sentence that asks about it (linear in the line)."""
    start, k = 0, 0
    ends = [m.end() for m in _SENTENCE_END.finditer(line)] + [len(line)]
    for end in ends:
        if end <= start:
            continue
        sentence = line[start:end]
        inside = []
        while k < len(nums) and nums[k].start < end:
            if nums[k].start >= start and not nums[k].blocked:
                inside.append(nums[k])
            k += 1
        if len(inside) == 1 and (
            _OF_VALUE.search(sentence) or (_YES_NO.search(sentence) and not _OF_ELSE.search(sentence))
        ):
            inside[0].blocked = "asked"
        start = end


# A sentence that aims at a value rather than reporting one, with the intent before the key, out of reach
# of the value's own context: "ปีหน้าตั้งใจให้ตัวชี้วัดที่ 8 ได้ 90", "จะพยายามทำให้ภาพรวมได้ 95".
# ("ปัญหาที่ทำให้ตัวชี้วัดที่ 9 ได้แค่ 70" tells a cause: a bare "ทำให้" is no intent.)
_INTENT = re.compile(
    r"(?:ปี|ครั้ง|รอบ)(?:หน้า|ถัดไป|ต่อไป)|ตั้งใจ(?:จะ|ว่า|ให้)|(?:จะ|ต้อง)?พยายาม(?:ทำ)?ให้|(?:จะ|ต้อง)(?:ทำ|ผลักดัน)ให้"
    r"|อยากให้|หวังว่า|มุ่งหวัง|คาดหวัง(?:ว่า|ให้)?|(?:วาง)?แผน(?:ไว้)?(?:ให้|ว่า(?:จะ)?)"
)
# ... unless the sentence then turns to what was got: "ปีหน้าจะทำให้ดีขึ้น ปีนี้ได้ 85".
_NOW = re.compile(r"ปีนี้|ตอนนี้|ล่าสุด|ปัจจุบัน|ผล(?:ประเมิน|คะแนน|ที่ได้|ปี|ITA)|ได้จริง|จริงๆ|แต่")
_REACH = 80


def _intended(line: str, nums: list[Num]) -> None:
    """Block the values of a sentence whose intent word stands before them (linear in the line)."""
    if not _INTENT.search(line):
        return
    ends = [m.end() for m in _SENTENCE_END.finditer(line)]
    k = 0
    for n in nums:
        while k < len(ends) and ends[k] <= n.start:
            k += 1
        start = max(ends[k - 1] if k else 0, n.start - _REACH)
        if n.blocked:
            continue
        last = None
        for last in _INTENT.finditer(line, start, n.start):  # noqa: B007 (the last one)
            pass
        if last is not None and not _NOW.search(line, last.end(), n.start):
            n.blocked = "wish"


def asked_after(line: str, at: int) -> bool:
    """Tell whether the sentence that goes on at `at` asks yes or no ("คะแนนเต็ม 100 ใช่ไหมคะ")."""
    end = _SENTENCE_END.search(line, at)
    sentence = line[at : end.end() if end else len(line)]
    return bool(_YES_NO.search(sentence)) and not _OF_ELSE.search(sentence)


# The question that follows an "if" on the next line: "ถ้าตัวชี้วัดที่ 9 ได้ 85\nจะผ่านไหมคะ".
_THEN_ASKS = re.compile(r"\s*+(?:แล้ว)?(?:จะ|ก็|ต้อง|ถึงจะ|จึงจะ|ยัง)")


def govern(line: str, nums: list[Num], next_line: str = "") -> None:
    """Block the values a clause's target, wish or question governs (linear in the line)."""
    _asked(line, nums)
    _intended(line, nums)
    opened = _IF.search(line)
    asked_at = None
    if opened:
        for q in _ASKS.finditer(line, opened.end()):
            asked_at = q.start()  # the last question of the line
        if asked_at is None and _THEN_ASKS.match(next_line) and _ASKS.search(next_line, 0, 120):
            asked_at = len(line)
    for n in nums:
        if (
            asked_at is not None
            and opened is not None
            and opened.end() <= n.start < asked_at
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


def blocked_below(label_line: str, ref: tuple[int, int], line: str, n: Num, next_line: str = "") -> bool:
    """Tell whether a value at the start of the line under its label is no result once read in the label's
    sentence: a line broken inside it ("ตชว.5 ต้องได้ไม่ต่ำกว่า\n70 คะแนน", "ถ้า IIT ได้\n90 จะผ่านไหม").
    Reads the label line's last 120 characters only, so a page of labels stays linear."""
    cut = max(0, min(ref[0], len(label_line) - 120))
    head = label_line[cut:].rstrip() + " "
    joined = head + line[: n.end + 40]
    nums = numbers(joined, [(ref[0] - cut, ref[1] - cut)])
    govern(joined, nums, next_line)
    return any(m.start == len(head) + n.start and m.blocked for m in nums)


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
