"""Classify the numbers of pasted score text (why one is no score: bot.scores.unscored; names: bot.scores.names)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from bot.scores.unscored import CONTEXT_AFTER, CONTEXT_BEFORE, inside, why_blocked
from bot.scores.years import MONTH as _MONTH

THAI = "\u0e00-\u0e7f"

# A number glued to Latin letters ("0IIT", "A4") is a code, not a score.
NUMBER = re.compile(r"(?<![A-Za-z0-9.])([+\-±−]?)(\d+(?:\.\d+)?)(?![\dA-Za-z]|\.\d)(\s*%)?")

_DIGIT = re.compile(r"\d")
# Spans that are never scores: dates, clock times, document numbers, phone numbers, section numbers.
_BLOCKED = [
    # a day, a month and a year with one separator: not "99.2 / 98", nor "3. 96.75" (no month 96)
    re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])\s*+([/\-.])\s*+(?:0?[1-9]|1[0-2])\s*+\1\s*+\d{2,4}"),
    # a clock time has minutes under 60 and no decimal after: "ตัวชี้วัด9:72.5" is a label and its value
    re.compile(r"(?<![\d.])\d{1,2}:[0-5]\d(?::[0-5]\d)?(?![\d.])(?:\s*น\.)?"),
    # "13.30 น.", "เวลา 9.30": a clock time written with a dot, as Thai letters write it.
    re.compile(
        r"(?<![\d.])\d{1,2}\.\d{2}(?=\s*+(?:น\.|นาฬิกา|-\s*+\d{1,2}\.\d{2}\s*+น\.))|(?<=เวลา)\s*+\d{1,2}[.:]\d{2}"
    ),
    # "33/33", "ว 4567/2568"; not "99.2 / 98.1", nor a value and the next label ("97 / 2 ได้ 95", "97 / 2 95")
    # (nor a link of a chain of values split by slashes: "97.5/96/95.2/93/90/88/…")
    re.compile(r"(?<![\d./])(?<!/ )\d++\s*+/\s*+\d++(?!\.\d)(?!\s*+(?:ได้|=|:)|\s++\d|\s*+/\s*+\d)"),
    re.compile(r"0\d{1,2}[- ]?\d{3}[- ]?\d{3,4}"),
    re.compile(r"(?<!\d)\d{1,2}\s*+" + _MONTH + r"\s*+\d{0,4}"),
    re.compile(_MONTH + r"\s*+\d{2,4}"),
    re.compile(r"(?<![\d.])\d++(?:\.\d++){2,}"),
    re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})++(?![\d])"),  # "15,000 บาท": thousands, a quantity
    re.compile(
        r"^\s*+(?:[#\-•*]++\s*+)?(?:[1-9]|[12]\d)\.\d{1,2}(?!\d)(?!\s*+(?:คะแนน|ค่ะ|ครับ|คะ|นะ|จ้า))(?=\s*["
        + THAI
        + r"A-Za-z(.)])"
    ),
]


def squeeze(line: str) -> str:
    """Drop spaces between Thai letters: Thai has no word spaces, so they are wrap or PDF artefacts."""
    # Two or more spaces separate the columns of a pasted table: keep those.
    # A space after a closing particle ends a phrase: "ส่งคะแนนค่ะ ตว.9 = 68.75" keeps it.
    # A space before a total ("ผลออกแล้ว รวม 90.62") marks where the word starts: kept.
    line = re.sub(
        f"(?<=[{THAI}])(?<!ค่ะ)(?<!ครับ)(?<!คะ)(?<!นะ)(?<!จ้า) (?=[{THAI}])(?!รวม|ทั้งหมด|ทั้งสิ้น)", "", line
    )
    # "ได้เต็ม" with no number means full marks (for every key it follows: "ตัวชี้วัดที่ 1 กับ 3 ได้เต็ม").
    line = FULL_MARKS.sub("ได้ 100 เต็ม ", line)
    # "O1-O10 เต็มหมด", "ตัวชี้วัด 9 เต็มค่ะ": full marks said right after the keys
    return _FULL_AFTER_KEY.sub(" 100 เต็ม ", line)


_FULL_AFTER_KEY = re.compile(r"(?<=[\dA-Za-z])(?<!100)\s++เต็ม(?=\s*+(?:หมด|ทุก|ทั้ง|ค่ะ|ครับ|นะ|$))")
# "ได้เต็ม", "ได้คะแนนเต็มร้อย": full marks; not "ทำได้เต็มที่" (did one's best), "เต็มความสามารถ", "เต็มใจ".
FULL_MARKS = re.compile(
    r"ได้(?:รับ)?(?:คะแนน)?เต็ม(?:\s*ร้อย(?!ละ))?(?!\s*(?:\d|ร้อยละ|จำนวน))"
    r"(?=\s|$|[^\u0e00-\u0e7f]|ค่ะ|ครับ|คะ|นะ|จ้า|เลย|ทุก|ทั้ง|หมด|แล้ว|ๆ|คะแนน|ตัว|ข้อ|และ|กับ|ส่วน|ยกเว้น|ปี)"
)


@dataclass
class Num:
    """One number token in a line and what its surroundings say about it."""

    start: int
    end: int
    value: float
    text: str
    is_int: bool
    signed: bool
    blocked: str = ""  # why it cannot be a score, "" if it can
    context: bool = False  # score words around it ("ได้", "คะแนน", ...)
    cell: bool = False  # the whole line or tab cell is this number


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _prev_char(line: str, i: int) -> str:
    """The last character before i that is not a space ("" at the line start)."""
    while i > 0 and line[i - 1] == " ":
        i -= 1
    return line[i - 1] if i else ""


def _is_cell(line: str, start: int, end: int) -> bool:
    """Tell whether a number is alone in its line or tab cell (brackets and "คะแนน" allowed)."""
    left = line.rfind("\t", 0, start) + 1
    right = line.find("\t", end)
    right = len(line) if right < 0 else right
    head = line[left:start].strip(" (")
    tail = line[end:right].strip(" )")
    return not head and re.fullmatch(r"(?:คะแนน)?\s*+(?:ค่ะ|ครับ|คะ|นะ|จ้า|นะคะ|นะครับ)?", tail) is not None


def numbers(line: str, consumed: list[tuple[int, int]]) -> list[Num]:
    """List the number tokens of a line that no reference consumed, classified (linear in the line)."""
    if not _DIGIT.search(line):
        return []  # no digit, no number token (NUMBER needs one)
    spans = sorted(consumed)
    c_starts = [a for a, _ in spans]
    c_ends = sorted(b for _, b in spans)
    # a span that starts in a reference is not a number of its own: "ตัวชี้วัดที่ 2 / 96" is no "2/96"
    found = [(m.start(), m.end()) for rx in _BLOCKED for m in rx.finditer(line)]
    blocked = _merge([(a, b) for a, b in found if not inside(a, c_starts, spans)])
    b_starts = [a for a, _ in blocked]
    out: list[Num] = []
    for m in NUMBER.finditer(line):
        s = m.start(2)
        if inside(s, c_starts, spans):
            continue
        sign, digits, pct = m.group(1), m.group(2), m.group(3)
        value = float(digits) * (-1 if sign in "-−" and sign else 1)
        num = Num(m.start(), m.end(), value, m.group(0), "." not in digits, bool(sign))
        # Context before a number stops at the reference it belongs to: "หน้าที่" is a name, not "ที่ N".
        k = bisect_right(c_ends, m.start())
        floor = max(c_ends[k - 1] if k else 0, s - 25)
        before, after = line[floor : m.start()], line[m.end() : m.end() + 40]
        num.blocked = "date/number" if inside(s, b_starts, blocked) else ""
        num.blocked = num.blocked or why_blocked(line, m, digits, before, after, c_starts, spans)
        if (
            not num.blocked
            and num.is_int
            and 1 <= value <= 20  # no list is numbered from 0: "O12 (0) O20 (50)"
            and re.match(r"[.)]\s*[\u0e00-\u0e7fA-Za-z]", after)
            and (
                _prev_char(line, m.start()) in ("", "\t", "(")
                or not CONTEXT_BEFORE.search(before)
                or re.search(r"\d\s*+คะแนน\s*+$", before)  # "= 72.50 คะแนน 10. การป้องกัน…"
            )
        ):
            num.blocked = "enumerator"  # "2. จัดทำ…" numbers a list item
        num.context = bool(CONTEXT_BEFORE.search(before) or CONTEXT_AFTER.search(after))
        num.cell = pct is None and _is_cell(line, m.start(), m.end())
        out.append(num)
    return out


_FILLER = re.compile(
    r"โดยรวม|ได้รับ|ได้|ผลประเมิน|ผลคะแนน|คะแนน|คะเเนน|เท่ากับ|ร้อยละ|อยู่ที่|คือ|มี|ค่า|ที่|รวม|ทั้งหมด|"
    r"ตัวชี้วัด|หน่วยงาน|ของ|เฉลี่ย|เต็ม|ครับ|ค่ะ|คะ|นะ|ประมาณ|score|"
    # a relative clause carrying the value: "ตัวชี้วัดการใช้อำนาจซึ่งได้ 82.15", "ที่ได้เพียง"
    r"ซึ่ง|"
    # "EIT ได้น้อยสุด 79.80", "ตัว 10 ก็ 80", "ได้มา", "indicator 9 at 77.3"
    r"(?:น้อย|ต่ำ|สูง|มาก)(?:ที่)?สุด|มา|ก็|แค่|เพียง|เหลือ|ถึง|at|is|"
    # "IIT ดีมาก 97.8 EIT ปานกลาง 85.2 OIT แย่ 60.5": a word of judgement before the value
    r"(?:ไม่)?ผ่าน|ดี(?:มาก)?|ปานกลาง|พอใช้|แย่|เยี่ยม|ต่ำ|สูง|โอเค|ok|"
    # and its degree: "OIT ต่ำไปหน่อย 82.00", "ดีมากเลย", "น้อยไปนิดนึง"
    r"(?:ไป|มาก)?(?:นิด)?หน่อย|นิดนึง|ไป|เลย|จัง|มากๆ",
    re.IGNORECASE,
)


def tight_gap(gap: str, slack: int = 3) -> bool:
    """Tell whether only score words and punctuation (and `slack` other letters) stand between a name
    and its number."""
    rest = _FILLER.sub("", re.sub(r"\([^()\d]{0,40}\)", "", gap))  # "IIT (ภายใน) 92.1": a gloss
    return len(re.sub(r"[\s:=()\[\]\-–—|,.\"'“”]", "", rest)) <= slack
