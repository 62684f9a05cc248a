"""Scores written as running prose: key lists and ranges, ordered runs, corrections, year labels, topics.

These are the conventions officers use in chat that a table reader does not see:
- a list or range of keys followed by as many values ("ตัวชี้วัดที่ 1, 2 และ 3 ได้ 95, 93.5 และ 94"),
  or by one value they share ("O1-O5 ได้ 100", "O10 O11 O12 ได้ 0 ทุกข้อ");
- an unlabelled run of exactly as many numbers as there are indicators is indicators 1..N in order;
- a value after a correction word ("เอ้ย", "แก้เป็น", "ที่ถูกคือ") replaces the one before it;
- a year written before a value ("ปี 67 ได้ 72.5 ปี 68 ได้ 81.25") labels that value;
- an indicator named by its topic ("เรื่องงบประมาณ", "หมวดทรัพย์สินราชการ"): the framework's names
  without their "การ"/"ใช้" prefix.
Every pattern here is possessive or bounded, so each pass is linear in the text.

It runs past 400 lines: every reader of key lists here (keys then values, one value then its keys)
shares the same key patterns and Group, and split apart they would only be passed back and forth.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from bot.ita.framework import Framework
from bot.scores.clauses import CODE, excepted
from bot.scores.topics import marked_starts
from bot.scores.unscored import GOT_BY_HEAD, ORDINAL_BEFORE, bound_after

THAI = "\u0e00-\u0e7f"
_IND_PREFIX = (
    r"(?:ตัวชี้วัด(?:ที่)?|ตัวชี้ฯ|ตัวบ่งชี้(?:ที่)?|ข้อ(?:ที่)?|ตัวที่|ตชว\.?|(?<![\u0e00-\u0e7f])ตว\.|indicators?|ind\.?)"
)
_RANGE = r"\s*+(?:-|–|—|ถึง|to)\s*+"
_KEY_SEP = r"\s*+(?:,|/|และ|กับ|กะ|&)\s*+"  # "กะ": กับ as chat says it
_CODE = CODE  # an item code: "O13", "I 4"
# Two or more indicator numbers: "ตัวชี้วัดที่ 1, 2 และ 3", "ตัวชี้วัด 1-10", "ข้อ 9 กับ 10", "ที่ 1 ถึงที่ 3".
IND_KEYS = re.compile(
    rf"{_IND_PREFIX}\s*+(?P<a>\d{{1,2}})(?![\d.])"
    rf"(?:{_RANGE}(?:(?:{_IND_PREFIX}|ที่)\s*+)?(?P<b>\d{{1,2}})(?![\d.])"
    # (spaces alone may part the numbers of a list: "ตัวชี้วัดที่ 6 7 และ 8 ได้ 88 85.5 และ 90")
    rf"|(?P<list>(?:(?:{_KEY_SEP}|\s++(?=(?:10|[1-9])(?![\d.])))(?:(?:{_IND_PREFIX}|ที่)\s*+)?\d{{1,2}}(?![\d.]))++))",
    re.IGNORECASE,
)
# Bare indicator numbers before their values, in a message that speaks of indicators:
# "9 กับ 10 ได้ 72.5 กับ 78.75 ครับ ตัวชี้วัดนะครับ".
BARE_KEYS = re.compile(
    rf"(?<![\d.A-Za-z])(?P<a>\d{{1,2}})(?:{_RANGE}(?P<b>\d{{1,2}})|(?P<list>(?:{_KEY_SEP}\d{{1,2}}(?![\d.]))++))"
    rf"(?![\d.])(?=\s*+(?:ได้(?:รับ)?|=|:))"
)
SPEAKS_OF_INDICATORS = re.compile(r"ตัวชี้วัด|ตัวที่|indicator", re.I)
# One bare indicator number with its value, in such a message: "ตัวที่ต่ำคือ 9 ได้ 71.4 กับ 10 ได้ 75".
BARE_KEY = re.compile(
    r"(?<![\d.A-Za-z])(?P<a>10|[1-9])(?![\d.])(?=\s*+(?:ได้(?:รับ)?|=|:)\s*+\d|\s*+\(\s*+\d{1,3}(?:\.\d++)?\s*+(?:คะแนน\s*+)?\))"
)
# ... unless a label, an ordinal, a score word or another number stands right before it.
_NOT_A_KEY_BEFORE = re.compile(
    r"(?:ที่|ข้อ|ตัวชี้วัด|ตัว|ด้าน|ปี|รอบ|ครั้ง|ไตรมาส|ระดับ|อันดับ|ลำดับ|ได้|เท่ากับ|ร้อยละ|เต็ม|ถึง|[A-Za-z\d.=:/\-–])\s*+$"
)
# Two or more item codes: "O1-O5", "O20 ถึง O22", "I1, I2, I3", "O10 O11 O12".
ITEM_KEYS = re.compile(
    rf"(?<![A-Za-z])(?P<a>{_CODE})(?:{_RANGE}(?P<b>{_CODE})|(?P<list>(?:(?:{_KEY_SEP}|\s++)(?:ข้อ\s*+)?{_CODE})++))"
)
_FILL = re.compile(
    r"(?:\s*+(?:ได้(?:รับ)?|คะแนน|เท่ากับ|เป็น|อยู่ที่|คือ|=>|->|→|=|:|ตามลำดับ|ร้อยละ|ครับ|ค่ะ|คะ|นะ|score|"
    r"เท่ากัน(?:หมด)?|เหมือนกัน|ทั้งคู่|ทุกตัว|ทุกข้อ|ครบ|เต็ม))*+\s*+",
    re.I,
)
_VALUE = r"\d{1,3}(?:\.\d{1,2})?(?![\d.%])"
_ONE_VALUE = re.compile(_VALUE)
_UNIT = r"(?:\s*+คะแนน)?"  # "72.5 คะแนน กับ 78.75 คะแนน"
VALUES = re.compile(rf"{_VALUE}{_UNIT}(?:(?:\s*+(?:,|/|และ|กับ|กะ|;)\s*+|\s++){_VALUE}{_UNIT})*+")
_STATUS = re.compile(rf"[^\S\n]++[{THAI}][{THAI} ]{{0,20}}?(?<!ไม่)(?=ได้)")
# A gloss between keys and their value: "(IIT)", or a topic said after a range ("O31 ถึง O33 เรื่อง No Gift ได้ 0")
_GLOSS = re.compile(
    r"\s*+(?:\([^()\d\n]{1,30}\)|(?:เรื่อง|หมวด|ด้าน)[^\d\n()]{1,30}?(?=\s*+(?:ได้|=|:))"
    r"|(?:ของ|ใน)\s*+(?:แบบวัด|เครื่องมือ)?\s*+(?:IIT|EIT|OIT)(?![A-Za-z]))",  # "ตัวชี้วัดที่ 1 ถึง 5 ของ IIT ได้ …"
    re.I,
)
_SHARED = re.compile(
    r"\s*+(?:คะแนน\s*+)?(?:(?:ค่ะ|ครับ|คะ|นะ|จ้า)\s*+)*+(?:เต็ม\s*+)?(?:ทุก|เท่ากัน|เหมือนกัน|ทั้งหมด|หมด|ทั้งคู่|ทั้งสอง)|(?<=100)\s*+เต็ม(?![\u0e00-\u0e7f])"
)
_SHARED_BEFORE = re.compile(r"เท่ากัน|เหมือนกัน|ทั้งคู่|ทุกตัว|ทุกข้อ")

# A correction: "เอ้ย", "แก้เป็น", and the officer taking a value back ("เอ๊ะ", "อุ๊ย", "ไม่ใช่ค่ะ").
FIX_MARK = re.compile(
    r"เอ้ย|เอ๊ย|เอ่ย|เอ๊ะ|อุ๊ย|อุ้ย|อ้อ|อ๋อ|ไม่ใช่(?:\s*+(?:ๆ|ไม่ใช่))*+\s*(?:ค่ะ|ครับ|คะ|นะ|(?=\d|$))|ขอแก้|แก้(?:ไข)?(?:เป็น)?|ที่ถูก(?:ต้อง)?(?:คือ|เป็น)?|ต้องเป็น|ควรเป็น|พิมพ์ผิด",
    re.I,
)
# An apology between two values takes the first back: "88.5 ค่ะ ขอโทษค่ะ 85.8 ค่ะ พิมพ์สลับ".
APOLOGY = re.compile(r"ขอโทษ|ขออภัย|sorry|พิมพ์สลับ", re.I)
# A year written as a label: "ปี 67", "ปีงบประมาณ 2568", "2567 =", "ปีนี้ 68" (the number wins), and relative ones.
YEAR_LABEL = re.compile(
    r"(?:ปี(?:งบประมาณ|งบ|นี้|ที่แล้ว|ก่อน|ล่าสุด)?\s*+(?:พ\.ศ\.)?\s*+(?P<y>\d{4}|\d{2})(?![\d.])|(?<![\d.])(?P<b>25\d\d|20[1-4]\d)(?![\d.])"
    r"|(?<![A-Za-z])ITA\s*+(?P<i>[5-7]\d)(?![\d.])(?=\s*+(?:ได้(?:รับ)?|=|:))"  # "ITA67 ได้ 86.2": the tool's name and its year
    r"|(?P<now>ปีนี้|(?:ครั้ง|รอบ)นี้|ปีล่าสุด|ปีปัจจุบัน|this year)|(?P<before_last>ปีก่อน(?:โน้น|หน้านั้น)|(?:สอง|2)\s*+ปี(?:ก่อน|ที่แล้ว)|ปีที่แล้วโน้น)"
    r"|(?P<last>ปี(?:งบ(?:ประมาณ)?)?\s*+(?:ที่แล้ว|ก่อน(?:หน้า)?|ที่ผ่านมา)|ปีเดิม|(?:ครั้ง|รอบ)(?:ที่แล้ว|ก่อน)|last year))",
    re.I,
)
TOPIC_MARKER = re.compile(r"(?:เรื่อง|ด้าน|หมวด|ประเด็น)(?:การใช้|การ|ใช้)?$")
# Ranks of the relative labels, above any B.E. year; RELATIVE is the lowest of them.
THIS_YEAR, LAST_YEAR, BEFORE_LAST = 10_000, 9_999, 9_998
RELATIVE = BEFORE_LAST
_TOPIC_BEFORE = re.compile(rf"(?:เรื่อง|ด้าน|หมวด|ประเด็น|ส่วน|ตัว|การใช้|การ|ใช้)$|(?:^|[^{THAI}])$")


# year_rank scans this many characters back first; no label is longer than _LABEL_MAX.
_REACH, _LABEL_MAX = 400, 60


def be_year(raw: str) -> int | None:
    """A written year as B.E.: "68" -> 2568, "2025" -> 2568; None if implausible for ITA."""
    y = int(raw)
    if len(raw) == 2:
        # a two-digit year is B.E. 25xx, and an ITA year near now: "ITA 88" is a score, not 2588
        return 2500 + y if 50 <= y <= 75 else None
    if 2010 <= y <= 2045:
        y += 543
    return y if 2550 <= y <= 2590 else None


def year_rank(text: str) -> int | None:
    """The last year label in a stretch of text, as a B.E. year or a relative rank; None if none.

    Read from the end: the last label that names a year decides (an implausible number leaves the
    one before it in force). Only a window at the end is scanned, wider while nothing in it decides,
    so a caller asking of every value on a 50,000-character line is not quadratic in its labels.
    """
    end, reach = len(text), _REACH
    while True:
        lo = max(0, end - reach)
        found = list(YEAR_LABEL.finditer(text, lo))
        if lo:  # a label cut by the window's edge is read again from a wider window
            found = [m for m in found if m.start() >= lo + _LABEL_MAX]
        for m in reversed(found):
            y = m.group("y")
            if (
                y
                and len(y) == 2
                and re.match(r"ปี(?:ที่แล้ว|ก่อน)", m.group(0))
                and re.match(r"\s*+\)", text[m.end() :])
            ):
                return None  # "72.5 (ปีก่อน 65)": last year's value, not a year labelling what follows
            if m.group("now"):
                return THIS_YEAR
            if m.group("last"):
                return LAST_YEAR
            if m.group("before_last"):
                return BEFORE_LAST
            year = be_year(m.group("y") or m.group("b") or m.group("i"))
            if year is not None:
                return year
        if not lo:
            return None
        reach *= 4


@dataclass
class Group:
    """Several keys given values in one phrase."""

    kind: str  # "indicator" | "item"
    pairs: list[tuple[int | str, float]]
    start: int
    end: int
    shared: bool = False  # one value said of them all ("ทุกตัวชี้วัด", "O1-O5 ได้ 100"): a key's own value beats it


def _codes(a: str, b: str | None, rest: str | None) -> list[str] | None:
    first = a.replace(" ", "").upper()
    if b is not None:
        last = b.replace(" ", "").upper()
        lo, hi = int(first[1:]), int(last[1:])
        if last[0] != first[0] or not lo < hi or hi - lo > 60:
            return None
        return [f"{first[0]}{n}" for n in range(lo, hi + 1)]
    return [first] + [c.replace(" ", "").upper() for c in re.findall(_CODE, rest or "")]


def _numbers(a: str, b: str | None, rest: str | None) -> list[int] | None:
    if b is not None:
        lo, hi = int(a), int(b)
        return list(range(lo, hi + 1)) if lo < hi <= lo + 30 else None
    return [int(a)] + [int(n) for n in re.findall(r"\d{1,2}", rest or "")]


# One value, then the keys that got it: "ข้อที่ได้ 0 มี O11 กับ O12", "ที่ได้ 100 คือ O1 ถึง O5",
# "ตัวที่ได้ 70 คือตัวชี้วัดที่ 9".
_VALUE_FIRST = re.compile(
    rf"{GOT_BY_HEAD}[^\S\n]*+ได้(?:รับ)?[^\S\n]*+(?:คะแนน[^\S\n]*+)?(?P<v>{_VALUE})\s*+(?:คะแนน\s*+)?(?:(?:ค่ะ|ครับ|คะ|นะ)\s*+)?"
    r"(?:ก็\s*+)?(?:มี|คือ|ได้แก่|เป็น|:|=)\s*+(?:ข้อ\s*+)?"
)
_ONE_ITEM = re.compile(rf"(?<![A-Za-z])(?P<a>{_CODE})(?![\d.])")
_ONE_INDICATOR = re.compile(rf"{_IND_PREFIX}\s*+(?P<a>10|[1-9])(?![\d.])", re.I)
_OWN_VALUE = re.compile(r"\s*+(?:ได้|=|:)\s*+\d")


def _value_first(text: str) -> list[Group]:
    out: list[Group] = []
    for m in _VALUE_FIRST.finditer(text):
        value = float(m.group("v"))
        for kind, many, one in (("item", ITEM_KEYS, _ONE_ITEM), ("indicator", IND_KEYS, _ONE_INDICATOR)):
            k = many.match(text, m.end())
            keys: list | None = None
            if k:
                keys = (_codes if kind == "item" else _numbers)(k.group("a"), k.group("b"), k.group("list"))
            else:
                k = one.match(text, m.end())
                keys = (
                    [k.group("a").replace(" ", "").upper() if kind == "item" else int(k.group("a"))]
                    if k
                    else None
                )
            if k and keys and len(set(keys)) == len(keys) and not _OWN_VALUE.match(text, k.end()):
                out.append(
                    Group(kind, [(key, value) for key in keys], m.start(), k.end(), shared=len(keys) > 1)
                )
                break
    return out


def groups(text: str) -> list[Group]:
    """Find key lists and ranges that are followed by their values (as many, or one shared), and one
    value followed by the keys that got it."""
    out: list[Group] = _value_first(text) if "ที่" in text else []
    passes = [("item", ITEM_KEYS), ("indicator", IND_KEYS)]
    if SPEAKS_OF_INDICATORS.search(text):
        passes.append(("indicator", BARE_KEYS))
    for kind, rx in passes:
        bare = rx is BARE_KEYS
        taken = sorted((g.start, g.end) for g in out) if bare else []
        taken_starts = [a for a, _ in taken]
        for m in rx.finditer(text):
            k = bisect_right(taken_starts, m.start()) - 1
            if bare and k >= 0 and m.start() < taken[k][1]:
                continue  # inside a list that named its indicators
            if any(g.start <= m.start() < g.end for g in out[-3:]):
                continue
            keys: list | None = (
                _codes(m.group("a"), m.group("b"), m.group("list"))
                if kind == "item"
                else _numbers(m.group("a"), m.group("b"), m.group("list"))
            )
            if not keys or len(set(keys)) != len(keys) or (bare and not all(1 <= int(k) <= 10 for k in keys)):
                continue
            gloss = _GLOSS.match(text, m.end())  # "ตัวชี้วัด 1-5 (IIT) 95.63, 94.07, …"
            fill = _FILL.match(text, gloss.end() if gloss else m.end())
            at = fill.end() if fill else m.end()
            vals = VALUES.match(text, at)
            status = None if vals else _STATUS.match(text, m.end())
            if status:  # "O16 O17 ยังไม่ผ่าน ได้ 0 คะแนน": a few words of status, then the value
                fill = _FILL.match(text, status.end())
                vals = VALUES.match(text, fill.end() if fill else status.end())
            if not vals:
                continue
            if bound_after(text[vals.end() : vals.end() + 12]):
                continue  # "I1-I5 ได้ 90 ขึ้นทุกข้อ": a bound they all reach, not their value
            values = [float(v) for v in re.findall(_VALUE, vals.group(0))]
            if len(values) == len(keys):
                pairs = list(zip(keys, values, strict=True))
            elif len(values) == 1:
                pairs = [(k, values[0]) for k in keys]
                # "ทุกตัว" after the value, or "เท่ากันคือ 75", "ทั้งคู่ได้ 80" before it
                after = _SHARED.match(text, vals.end())
                shared = after or _SHARED_BEFORE.search(text, m.end(), at)
                # "ตัวชี้วัดที่ 1, 2 ได้ 90" with no "ทุกตัว" is too loose to share; a range with its
                # prefix ("ตัวชี้วัดที่ 6-8 ได้ 100") names every indicator in it, so it shares, and so
                # does a labelled list given full marks or none ("ตัวชี้วัดที่ 1 2 3 ได้เต็ม 100")
                ranged = m.group("b") is not None and not bare
                whole = not bare and (values[0] in (0.0, 100.0) or "เต็ม" in text[m.end() : at])
                if kind == "indicator" and not (shared or ranged or whole):
                    continue
                # "O20-O26 ได้ 100 ทุกข้อ ยกเว้น O24 ได้ 0": the exception keeps its own value
                left_out = set(excepted(text, after.end() if after else vals.end(), kind))
                pairs = [(k, v) for k, v in pairs if k not in left_out]
            else:
                continue
            out.append(Group(kind, pairs, m.start(), vals.end(), shared=len(values) == 1 < len(keys)))
    out += _every_indicator(text, out)
    out += _bare_singles(text, out, bool(SPEAKS_OF_INDICATORS.search(text)))
    return out


# One value for every indicator: "ได้ 100 ทุกตัวชี้วัด ยกเว้นตัวที่ 9 …", "ทุกตัวชี้วัดได้ 95" (not a run of values).
_EVERY = r"(?:ทุกตัวชี้วัด|ตัวชี้วัดทุกตัว|ครบทุกตัวชี้วัด)"
_EVERY_INDICATOR = re.compile(
    rf"(?P<v>{_VALUE})\s*+(?:คะแนน\s*+)?(?:เต็ม\s*+)?{_EVERY}"
    rf"|{_EVERY}\s*+ได้(?:รับ)?\s*+(?:คะแนน)?\s*+(?:เต็ม\s*+)?(?P<w>{_VALUE})(?!\s*+[,/]?\s*+\d)"
)
# The value was got, not asked for: "ได้เต็ม 100 ทุกตัวชี้วัด", not "ต้องไม่ต่ำกว่า 85 ทุกตัวชี้วัด".
_GOT_BEFORE = re.compile(r"(?<!ต้อง)(?<!ให้)(?<!อยาก)(?<!จะ)ได้(?:รับ)?\s*+(?:คะแนน)?\s*+(?:เต็ม)?\s*+$")
INDICATORS = range(1, 11)


def _every_indicator(text: str, taken: list[Group]) -> list[Group]:
    out: list[Group] = []
    for m in _EVERY_INDICATOR.finditer(text):
        if any(g.start <= m.start() < g.end for g in taken):
            continue
        if m.group("v") and not _GOT_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        value = float(m.group("v") or m.group("w"))
        left_out = set(excepted(text, m.end(), "indicator"))
        pairs = [(k, value) for k in INDICATORS if k not in left_out]
        out.append(Group("indicator", list(pairs), m.start(), m.end(), shared=True))
        break  # one such statement per message
    return out


# A count's unit after the value: "ห้อง 1=30 คน" is no indicator's score.
_COUNT_AFTER = re.compile(
    r"\s*+(?:คน|ราย|ครั้ง|วัน|เดือน|บาท|แห่ง|ชั่วโมง|นาที|เรื่อง|ฉบับ|โครงการ|หน่วยงาน|ห้อง|%?\s*+ของ)"
)
# "9:30 น.", "เวลา 9:30", "9:30-12:00": a clock time, not indicator 9 and its value.
_CLOCK = re.compile(r"\d{1,2}:[0-5]\d(?:\s*+(?:น\.|นาฬิกา)|\s*+[-–]\s*+\d{1,2}[:.][0-5]\d)")
# "10:03", "9:30": hours and minutes with no decimal, in a chat export or a meeting time.
_TIME = re.compile(r"\d{1,2}:[0-5]\d(?![\d.])")
_CLOCK_BEFORE = re.compile(r"(?:เวลา|ตั้งแต่|นัด|\[|\()\s*+$")  # "[10:32] สมศรี: …", a chat export's time
_BRACKET_OR_FILL = re.compile(r"\s*+\(\s*+|" + _FILL.pattern, re.I)
# Between one "9=68.4" pair and the next: "9=68.4 10=74.2", "9=68, 10=74 ครับ".
_PAIR_GAP = re.compile(r"[\s,;/]*+(?:ครับ|ค่ะ|คะ|และ|กับ|กะ)?[\s,;/]*+")


def _bare_singles(text: str, taken: list[Group], speaks: bool) -> list[Group]:
    """One bare indicator number with its value, in a message about indicators ("…คือ 9 ได้ 71.4").

    A run of "N=value" pairs ("9=68 10=74") needs no indicator word: two pairs or more written with "=".
    A pair right after another pair's value goes on from it, though a number stands before it.
    """
    out: list[Group] = []
    spans = sorted((g.start, g.end) for g in taken)
    starts = [a for a, _ in spans]
    for m in BARE_KEY.finditer(text):
        follows = bool(out) and _PAIR_GAP.fullmatch(text, out[-1].end, m.start()) is not None
        lead = text[max(0, m.start() - 12) : m.start()]
        lead = lead[lead.rfind("\n") + 1 :]  # (the lead stops at the line start)
        if not follows and (_NOT_A_KEY_BEFORE.search(lead) or ORDINAL_BEFORE.search(lead)):  # "หมู่ 5 ได้ 91"
            continue
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < spans[k][1]:
            continue  # inside a list that was read already (groups do not overlap)
        fill = _BRACKET_OR_FILL.match(text, m.end())  # "คือ 9 (64.58) กับ 10 (70.83)"
        value = _ONE_VALUE.match(text, fill.end() if fill else m.end())
        if not speaks and "=" not in text[m.end() : value.start() if value else m.end()]:
            continue
        if (
            value
            and 0 <= float(value.group(0)) <= 100
            and not _COUNT_AFTER.match(text, value.end())
            and not bound_after(text[value.end() : value.end() + 12])
            and not _CLOCK.match(text, m.start())
            and not _TIME.match(text, m.start())
            and not (
                ":" in text[m.end() : m.end() + 3]
                and _CLOCK_BEFORE.search(text, max(0, m.start() - 10), m.start())
            )
        ):
            out.append(
                Group("indicator", [(int(m.group("a")), float(value.group(0)))], m.start(), value.end())
            )
    if not speaks and len(out) < 2:
        return []
    return out


def ordered_run(values: list[tuple[float, bool]], count: int) -> list[float] | None:
    """The values of an unlabelled run if it is exactly `count` long and all could be scores."""
    if len(values) != count or not all(0 <= v <= 100 for v, _ in values):
        return None
    decimals = sum(1 for _, is_int in values if not is_int)
    if decimals < count // 2 and not all(v >= 50 for v, is_int in values if is_int):
        return None  # ten small integers are a list of counts or codes more often than scores
    return [v for v, _ in values]


_TOPICS: dict[int, tuple[re.Pattern[str], dict[str, int]]] = {}


def _topic_rx(fw: Framework) -> tuple[re.Pattern[str], dict[str, int]]:
    if id(fw) in _TOPICS:
        return _TOPICS[id(fw)]
    cores: dict[str, set[int]] = {}
    for ind in fw.indicators:
        for name in ind.all_names():
            # "ทรัพย์สินราชการ", and with its verb when the rest is short: "ใช้งบ"
            for core in {name.removeprefix("การ").removeprefix("ใช้"), name.removeprefix("การ")}:
                if len(core) >= 5:
                    cores.setdefault(core, set()).add(ind.number)
    table = {c: next(iter(n)) for c, n in cores.items() if len(n) == 1}
    alternation = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
    _TOPICS[id(fw)] = (re.compile(f"(?:{alternation})"), table)
    return _TOPICS[id(fw)]


def topic_hits(line: str, fw: Framework) -> list[tuple[int, int, int, bool]]:
    """(number, start, end, marked) of indicators named by topic: "เรื่องงบประมาณ", "ทรัพย์สินราชการ 78",
    or by the start of their name and "ฯ" ("เปิดเผยฯ 76.5", see abbreviation_hits).

    `marked`: a topic word ("เรื่อง", "ด้าน", "หมวด") leads it, so a few words may stand before the value.
    """
    rx, table = _topic_rx(fw)
    out = []
    for m in rx.finditer(line):
        before = line[max(0, m.start() - 6) : m.start()]
        if _TOPIC_BEFORE.search(before):
            out.append((table[m.group(0)], m.start(), m.end(), bool(TOPIC_MARKER.search(before))))
    for number, start, end in abbreviation_hits(line, fw):
        if not any(a <= start < b or start <= a < end for _, a, b, _ in out):
            out.append((number, start, end, False))
    for number, start, end in started_hits(line, fw):  # "ปรับปรุงงาน 90.75", "ทรัพย์สินราชกาน 88"
        same = [i for i, (n, a, b, _) in enumerate(out) if n == number and start <= a < end]
        for i in same:  # the topic found, the officer's own ending runs on to the value
            out[i] = (number, out[i][1], max(end, out[i][2]), out[i][3])
        if not same and not any(a <= start < b or start <= a < end for _, a, b, _ in out):
            out.append((number, start, end, False))
    for number, start, end in marked_starts(line, fw):  # "เรื่องงบได้ 94.80"
        if not any(a <= start < b or start <= a < end for _, a, b, _ in out):
            out.append((number, start, end, True))
    return sorted(out, key=lambda t: t[1])


_ABBREVS: dict[int, dict[str, int | None]] = {}
_ABBREV_SHORTEST = 5


def _abbrev_table(fw: Framework) -> dict[str, int | None]:
    """Every start of an indicator's name (5 letters or more) and the one indicator it starts, or None."""
    if id(fw) in _ABBREVS:
        return _ABBREVS[id(fw)]
    table: dict[str, int | None] = {}
    for ind in fw.indicators:
        for name in ind.all_names():
            for core in {name, name.removeprefix("การ"), name.removeprefix("การ").removeprefix("ใช้")}:
                for k in range(_ABBREV_SHORTEST, len(core) + 1):
                    seen = table.get(core[:k], ind.number)
                    table[core[:k]] = ind.number if seen == ind.number else None
    _ABBREVS[id(fw)] = table
    return table


def abbreviation_hits(line: str, fw: Framework) -> list[tuple[int, int, int]]:
    """(number, start, end) of indicators named by the start of their name and "ฯ": "เปิดเผยฯ 76.5".

    The longest run of letters before "ฯ" that starts exactly one indicator's name names it
    ("ป้องกันฯ", "การแก้ไขฯ"); "การใช้ฯ" starts three and names none, "กรมฯ" and "นายกฯ" none.
    """
    if "ฯ" not in line:
        return []
    table = _abbrev_table(fw)
    out = []
    for m in re.finditer(rf"[\u0e00-\u0e2e\u0e30-\u0e7f]{{{_ABBREV_SHORTEST},30}}(?=ฯ(?!ล))", line):
        run = m.group(0)
        for k in range(len(run) - _ABBREV_SHORTEST + 1):
            number = table.get(run[k:])
            if run[k:] in table:
                if number is not None:
                    out.append((number, m.start() + k, m.end() + 1))
                break
    return out


_STARTED_CORE = 7  # letters of the name's start, past "การ" and "ใช้": "ปรับปรุง", "ทรัพย์สิน"
_STARTED_TAIL = 10  # the officer's own ending: "งาน", "ของหลวง", "ของราชกาน"


def _rest_shared(start: str, tail: str, number: int, fw: Framework) -> bool:
    """Whether the officer's ending may go on the start of a name: it does when the start stops inside
    every name it starts; after a whole name, the ending must share two letters in a row with the rest
    of a longer name: "ของหลวง" and "ของราชการ", "งาน" and "การทำงาน"; not "เพิ่มขึ้น" or "เคยได้"
    after a whole name ("การป้องกันการทุจริตเพิ่มขึ้น 1.70" is a change, not a score)."""
    pairs = {tail[i : i + 2] for i in range(len(tail) - 1)}
    cores = [
        core
        for ind in fw.indicators
        if ind.number == number
        for name in ind.all_names()
        for core in (name, name.removeprefix("การ"), name.removeprefix("การ").removeprefix("ใช้"))
    ]
    if not tail or start not in cores:
        return True  # the start stops inside a name: "ปรับปรุง|งาน", "ทรัพย์สินราชกา|น"
    for core in cores:
        rest = core[len(start) :] if core.startswith(start) else ""
        if any(rest[i : i + 2] in pairs for i in range(len(rest) - 1)):
            return True
    return False


def started_hits(line: str, fw: Framework) -> list[tuple[int, int, int]]:
    """(number, start, end) of an indicator named as a key by the start of its name and a short
    ending of the officer's own, the value right after: "ปรับปรุงงาน 90.75" (การปรับปรุงการทำงาน),
    "การใช้ทรัพย์สินของหลวง 97", "การใช้ทรัพย์สินของราชกาน95.5".

    The word must stand alone (no Thai letter before it) and its longest start found among the
    names' starts must start exactly one indicator, reach seven letters past "การ" and "ใช้", and
    leave at most ten letters over: "คุณภาพชีวิต 80" and "การใช้จ่าย 80" name none.
    """
    table = _abbrev_table(fw)
    out = []
    for m in re.finditer(rf"(?<![{THAI}])[\u0e01-\u0e2e\u0e40-\u0e44][{THAI}]{{5,40}}(?=\s*+\d)", line):
        run = m.group(0)
        for k in range(len(run), _ABBREV_SHORTEST - 1, -1):
            if run[:k] in table:
                number = table[run[:k]]
                core = run[:k].removeprefix("การ").removeprefix("ใช้")
                if (
                    number is not None
                    and len(core) >= _STARTED_CORE
                    and len(run) - k <= _STARTED_TAIL
                    and not re.match(r"[\u0e30-\u0e3a\u0e47-\u0e4e]", run[k:])
                    and _rest_shared(run[:k], run[k:], number, fw)
                ):
                    out.append((number, m.start(), m.end()))
                break
    return out
