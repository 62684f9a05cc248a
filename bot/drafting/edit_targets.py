"""Which row(s) an edit names: a row number, an indicator, an item code, a place, or an indicator's name.

"แถว 3", "แถวที 3" (a slip), "แถว 3-5", "ตัวชี้วัดที่ 9", "ข้อ O12", "แถวสุดท้าย", "มาตรการอันแรก",
"มาตรการเรื่องงบประมาณ" (an indicator by its name, after "ตัวชี้วัด" or "มาตรการ"). Numbers win over
places, places over item codes, item codes over names; the first of each kind in the text is the one.
Pure text: the indicator names come from the caller (the framework), as a name -> number mapping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from bot.drafting.edit_text import words
from bot.drafting.edit_words import SEPARATORS_TH
from bot.thai import to_arabic

# At most this many rows in one edit ("ลบแถว 3-8").
MAX_ROWS = 30
# A name shorter than this, once "การ"/"การใช้" is cut, names nothing ("ใช้").
MIN_NAME_CHARS = 4

# "แถ 3", "แถบ 3" and "แถวที 3" are slips of "แถว 3" and "แถวที่ 3".
_ROW = re.compile(
    # "มาตรการที่ 3", "มาตรการลำดับที่ 4", "อันที่ 3": the third measure of the table is its third row
    # "ข้อ 3": a bare number after "ข้อ" counts the table's measures (an item code has its letter)
    r"(?:แถวว*|แถบ?(?=\s*(?:ที่?|ท)?\s*\d)|(?:มาตรการ\s*)?ลำดับ|(?:มาตรการ|อัน|รายการ)(?=\s*ที่\s*\d)|"
    r"(?:มาตรการ\s*)?ข้อ(?=\s*(?:ที่)?\s*\d)|\brows?|(?<![\w#])(?=#\s*\d))"
    # "แถวที่ 2 จากท้าย" counts from the end: not the row numbered 2, so no row is read
    r"\s*(?:ที่?|ท|no\.?|#|:)?\s*(?P<n>\d{1,3})(?![\d.])(?!\s*(?:นับ)?\s*จาก\s*(?:ด้าน)?(?:ท้าย|ล่าง|หลัง))",
    re.I,
)
# "ลบแถว 2 3 4": more rows after spaces only, each a bare number (never a count, a percentage or a score).
_SPACED_ROWS = re.compile(
    r"(?:\s+(?:แถว\s*(?:ที่)?\s*)?\d{1,3}(?![\d.%])(?!\s*(?:%|เปอร์เซ็นต์|คะแนน|เดือน|วัน|ครั้ง|ปี|คน|ข้อ)))+"
)
# "ตัวชี้วัด", and "ตชว." as officers abbreviate it.
INDICATOR_WORD = r"(?:ตัวชี้วัด|ตชว\.?)"
_INDICATOR = re.compile(rf"(?:{INDICATOR_WORD}|\bindicator)\s*(?:ที่?)?\s*(?P<n>\d{{1,3}})(?![\d.])", re.I)
_MORE_ROWS = re.compile(
    r"\s*(?:(?P<to>ถึง|-|–|to)|,|และ|กับ|&|/|and)\s*(?:แถว\s*(?:ที่)?\s*|row\s*)?(?P<n>\d{1,3})(?![\d.%])(?!\s*(?:%|เปอร์เซ็นต์|คะแนน|เดือน|วัน|ครั้ง|ปี|คน))",
    re.I,
)
_AND = r"\s*(?:,|และ|กับ|&|/|and|ถึง|-|–)\s*"
_MORE_INDICATORS = re.compile(
    rf"{_AND}(?:{INDICATOR_WORD}\s*(?:ที่)?\s*)?\d{{1,2}}(?![\d.%])(?!\s*(?:%|คะแนน))", re.I
)
_MORE_ITEMS = re.compile(rf"{_AND}(?:ข้อ\s*)?[IEOieo]\s?\d{{1,2}}(?![\d.])")
_ITEM = re.compile(r"(?:ข้อ\s*)?(?<![A-Za-z])(?P<tool>[IEOieo])\s?(?P<n>\d{1,2})(?![\d.])")
# The table's first or last row as shown: "แถวสุดท้าย", "มาตรการอันแรก", "อันล่างสุด", "the last row".
_ROW_NOUN = r"(?:แถว|มาตรการ|อัน|รายการ|ข้อ)"
_PLACE = re.compile(
    rf"{_ROW_NOUN}\s*(?:{_ROW_NOUN}\s*)?(?:ที่)?\s*(?:(?P<last>สุดท้าย|ล่างสุด|ท้ายสุด)|(?P<first>แรก|บนสุด))"
    r"|\b(?:the\s+)?(?:(?P<last_en>last)|(?P<first_en>first))\s+(?:row|measure)\b"
    r"|(?P<all>ทุก\s*(?:แถว|มาตรการ|รายการ)|\ball\s+(?:rows|measures)\b)",
    re.I,
)
_EVERY_ROW = re.compile(r"\s*(?:ทุก\s*(?:แถว|มาตรการ|รายการ)|ทั้งหมด)")
# Before an indicator's name: "ตัวชี้วัด", "มาตรการ", then "เรื่อง"/"ด้าน"/"ของ" and "การ"/"การใช้".
# A row may be named by its topic too: "แถวเรื่องการเปิดเผยข้อมูล", "อันที่เกี่ยวกับงบประมาณ", "เรื่องงบประมาณ".
_NAME_LEAD = (
    rf"(?:(?:{INDICATOR_WORD}|มาตรการ)\s*(?:(?:ที่)?(?:เกี่ยวกับ|เรื่อง|ด้าน|ของ)\s*)?"
    r"|(?:(?:แถว|อัน|รายการ)\s*(?:ที่)?\s*)?(?:เกี่ยวกับ|เรื่อง|ด้าน)\s*"
    # a row named straight by its indicator's name: "มาตรการในแถวการใช้งบประมาณ", "แถวของการเปิดเผยข้อมูล"
    r"|(?:แถว|รายการ)\s*(?:ของ)?\s*(?=การ))(?:การ)?(?:ใช้)?\s*"
)


# "แถวที่สาม", "ลบแถวห้า", "ตัวชี้วัดที่เก้า" (voice typing): Thai number words after a row or indicator.
_UNITS = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_NUMBER_WORDS = {
    **{w: n for n, w in enumerate(_UNITS) if w},
    **{
        f"{tens}{'เอ็ด' if u == 1 else _UNITS[u]}": t * 10 + u
        for t, tens in ((1, "สิบ"), (2, "ยี่สิบ"))
        for u in range(10)
    },
}
_NUMBER_WORD = re.compile(
    rf"(?P<lead>(?:แถว|{INDICATOR_WORD}|ขั้นตอน)\s*(?:ที่)?\s*)(?P<word>{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})"
    r"(?!ารถ)"
)
_NUMBER_WORD_MORE = re.compile(
    rf"(?P<lead>\d\s*(?:ถึง|-|–|และ|กับ|,)\s*(?:แถว\s*(?:ที่)?\s*)?)(?P<word>{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})"
    r"(?!ารถ)"
)


def number_words(probe: str) -> str:
    """Write a number word after "แถว"/"ตัวชี้วัด"/"ขั้นตอน" as digits, padded to the same length.

    So are the words of a list or range after one ("แถวที่หนึ่งถึงสาม" -> "แถวที่1    ถึง3  ").
    """

    def digits(m: re.Match[str]) -> str:
        word = m.group("word")
        return m.group("lead") + str(_NUMBER_WORDS[word]).ljust(len(word))

    out = _NUMBER_WORD.sub(digits, probe)
    for _ in range(MAX_ROWS):
        more = _NUMBER_WORD_MORE.sub(digits, out)
        if more == out:
            return out
        out = more
    return out


# Item codes spelled in Thai letters, as voice typing and quick typing write them: "ข้อโอ 33",
# "โอสิบสาม", "ไอ 5", "อี 9" are O33, O13, I5, E9. The letter's name stands alone (or after "ข้อ"/"ตัว"),
# so "โอกาส", "ไอที", "อีก 2 ข้อ" are words, not codes.
_ITEM_LETTERS = {"โอ": "O", "ไอ": "I", "อี": "E"}
_DIGIT_WORDS = {w: n for n, w in enumerate(_UNITS) if w} | {"เอ็ด": 1}
_TENS = r"(?:(?:ยี่|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)?สิบ)"
_UNIT_WORD = r"(?:เอ็ด|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)"
_ITEM_WORD = re.compile(
    # after a space, "ข้อ"/"ตัว" or a verb ("ขอดูไอ 5"); never inside a word ("วิดีโอ 2 เรื่อง")
    r"(?:(?<![ก-๙A-Za-z])|(?<=ข้อ)|(?<=ตัว)|(?<=ดู)|(?<=ลบ)|(?<=แก้)|(?<=ของ)|(?<=ใน)|(?<=เพิ่ม)|(?<=สำหรับ))"
    r"(?P<letter>โอ|ไอ|อี)\s?(?:[.\-]\s?)?"
    rf"(?P<n>\d{{1,2}}(?![\d.])|{_TENS}{_UNIT_WORD}?|{_UNIT_WORD})"
)


def thai_number(word: str) -> int:
    """Return the value of a Thai number word from one to ninety-nine ("สามสิบสาม" -> 33), else 0."""
    tens, sep, units = word.partition("สิบ")
    if not sep:
        return _DIGIT_WORDS.get(word, 0) if word != "เอ็ด" else 0
    ten = 1 if not tens else 2 if tens == "ยี่" else _DIGIT_WORDS.get(tens, 0)
    unit = _DIGIT_WORDS.get(units, 0) if units else 0
    return ten * 10 + unit if ten and (unit or not units) else 0


def item_words(text: str) -> str:
    """Write an item code spelled in Thai letters as the code, padded to the same length ("ข้อโอ 33" -> "ข้อO33  ").

    Thai digits are read too ("โอ ๓๓"); the rest of the text is left as it is.
    """
    arabic = to_arabic(text)
    out, at = [], 0
    for m in _ITEM_WORD.finditer(arabic):
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else thai_number(raw)
        if not 0 < n < 100:
            continue
        code = f"{_ITEM_LETTERS[m.group('letter')]}{n}"
        out += [text[at : m.start()], code.ljust(m.end() - m.start())]
        at = m.end()
    return "".join(out) + text[at:] if out else text


@dataclass(frozen=True)
class Target:
    kind: str  # "row" | "indicator" | "item" | "first" | "last" | "all" | "recent"
    number: int
    item: str
    start: int
    end: int
    more: tuple[int, ...] = ()  # further rows: "แถว 3, 5", "แถว 3 และแถว 4", "แถว 3-5"
    several: bool = False  # "ตัวชี้วัด 9 และ 10", "ข้อ O12 กับ O13": one at a time, so it is asked back


def name_key(name: str) -> str:
    """An indicator's name as it is matched: without a leading "การ" or "การใช้" ("งบประมาณ")."""
    return re.sub(r"^(?:การ)?(?:ใช้)?", "", "".join(name.split()))


@lru_cache(maxsize=8)
def _name_pattern(names: tuple[tuple[str, int], ...]) -> re.Pattern[str] | None:
    keys = {name_key(n): number for n, number in names if len(name_key(n)) >= MIN_NAME_CHARS}
    if not keys:
        return None
    return re.compile(rf"{_NAME_LEAD}(?P<name>{words(*keys)})", re.I)


def _by_name(probe: str, names: Mapping[str, int]) -> Target | None:
    pairs = tuple(sorted(names.items()))
    pattern = _name_pattern(pairs)
    m = pattern.search(probe) if pattern else None
    if m is None:
        return None
    found = "".join(m.group("name").split())
    by_key = {name_key(n): number for n, number in pairs}
    number = by_key.get(found) or next(
        (n for key, n in by_key.items() if re.fullmatch(words(key), found, re.I)), 0
    )
    return Target("indicator", number, "", m.start(), m.end()) if number else None


@lru_cache(maxsize=8)
def _name_after_pattern(names: tuple[tuple[str, int], ...]) -> re.Pattern[str] | None:
    keys = {name_key(n) for n, _number in names if len(name_key(n)) >= MIN_NAME_CHARS}
    if not keys:
        return None
    return re.compile(rf"\s*(?:(?:เรื่อง|ด้าน|ของ|คือ)\s*)?(?:การ)?(?:ใช้)?\s*(?P<name>{words(*keys)})", re.I)


def _own_name_end(probe: str, end: int, number: int, names: Mapping[str, int] | None) -> int:
    """Where a numbered indicator ends: after its own name when the officer writes it too.

    "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ" is one target; another indicator's name there is left
    to be read as it is (a conflict, or a value).
    """
    if not names:
        return end
    pairs = tuple(sorted(names.items()))
    pattern = _name_after_pattern(pairs)
    m = pattern.match(probe, end) if pattern else None
    if m is None:
        return end
    found = "".join(m.group("name").split())
    own = {name_key(n) for n, k in pairs if k == number}
    return m.end() if any(re.fullmatch(words(key), found, re.I) for key in own) else end


# A row named by what was said about it: "แถวที่กล่าวถึงข้างต้น", "แถวเมื่อกี้", "แถวที่เพิ่งแก้",
# "มาตรการที่พึ่งดูไป", "แถวนี้", "แถวเดิม". The dialogue resolves it to the row it last showed or changed,
# or asks which row; the grammar never guesses a number for it.
_RECENT = re.compile(
    r"(?:แถว|มาตรการ|อัน|รายการ)\s*(?:ที่)?\s*(?:"
    r"(?:เพิ่ง|พึ่ง)\s*(?:จะ)?\s*(?:แก้ไข|แก้|เปลี่ยน|ขอดู|ดู|เพิ่ม|ร่าง|ถาม|พูดถึง|กล่าวถึง|ส่ง|แสดง)"
    r"|(?:(?:ได้)?(?:กล่าวถึง|พูดถึง|อ้างถึง|ระบุ|แก้ไข|แก้|เปลี่ยน|ขอดู|เปิดดู|ดู|แสดง|ถาม)\s*(?:ไป|ไว้)?\s*)?"
    r"(?:เมื่อสักครู่|เมื่อครู่|เมื่อกี้|เมื่อกี๊|เมื่อกี|ข้างต้น|ข้างบน|ด้านบน|ก่อนหน้า(?:นี้)?|ล่าสุด))"
    r"|แถว\s*(?:เดิม|นั้น|นี้|เดียวกัน)|มาตรการ\s*(?:นั้น|นี้)"
)


def find_target(probe: str, *, items: bool, names: Mapping[str, int] | None = None) -> Target | None:
    """Return the row(s) the text names, or None; `items`: item codes may name rows.

    A row named by what was said ("แถวเมื่อกี้") is kind "recent"; beside a row or indicator number
    it is one target too many, and is asked back; whichever the text names first is the target.
    """
    other = _named_target(probe, items=items, names=names)
    recent = _RECENT.search(probe)
    row_said = recent is not None and recent.group(0).startswith(("แถว", "อัน", "รายการ"))
    if recent is not None and row_said and other is not None and other.kind == "indicator":
        return Target("recent", 0, "", recent.start(), recent.end(), several=True)  # which of its rows?
    if recent is None or (other is not None and other.start < recent.start()):
        return other  # "ข้อ O12 เพิ่มขั้นตอน ประเมินผลมาตรการนี้": the code names the row
    numbered = other is not None and other.kind in ("row", "indicator")
    return Target("recent", 0, "", recent.start(), recent.end(), several=numbered)


def _named_target(probe: str, *, items: bool, names: Mapping[str, int] | None) -> Target | None:
    found = [m for pattern in (_ROW, _INDICATOR) for m in [pattern.search(probe)] if m]
    if found:
        m = min(found, key=lambda m: m.start())
        if m.re is _INDICATOR:
            # "ตัวชี้วัด 3 แถวแรก …": one row of the indicator, which one is asked back
            place = _PLACE.search(probe)
            several = _MORE_INDICATORS.match(probe, m.end()) is not None or bool(
                place and not place.group("all")
            )
            number = int(m.group("n"))
            every = _EVERY_ROW.match(probe, m.end())  # "ตัวชี้วัดที่ 1 ทุกแถว …": the indicator's rows
            end = every.end() if every else _own_name_end(probe, m.end(), number, names)
            return Target("indicator", number, "", m.start(), end, several=several)
        first, end = int(m.group("n")), m.end()
        more: list[int] = []
        for nxt in _MORE_ROWS.finditer(probe, end):
            if nxt.start() != end or len(more) >= MAX_ROWS:
                break
            n, last = int(nxt.group("n")), more[-1] if more else first
            if nxt.group("to") and not 0 < n - last <= MAX_ROWS:
                break  # "row 3 to 90% …" is not a range of rows
            span = range(last, n + 1) if nxt.group("to") else [n]
            more.extend(x for x in span if x != first and x not in more)
            end = nxt.end()
        return Target("row", first, "", m.start(), end, tuple(more[:MAX_ROWS]))
    place = _PLACE.search(probe)
    named = _by_name(probe, names) if names and place is not None else None
    if place is not None and named is not None:
        return _place_of_named(probe, place, named)  # "ลบทุกแถวของตัวชี้วัดเรื่องการเปิดเผยข้อมูล"
    if place is not None:
        kind = (
            "all"
            if place.group("all")
            else "last"
            if place.group("last") or place.group("last_en")
            else "first"
        )
        several = _PLACE.search(probe, place.end()) is not None  # "แถวแรกกับแถวสุดท้าย": asked back
        return Target(kind, 0, "", place.start(), place.end(), several=several)
    code = _ITEM.search(probe) if items else None
    if code is not None:
        item = f"{code.group('tool').upper()}{int(code.group('n'))}"
        several = _MORE_ITEMS.match(probe, code.end()) is not None
        return Target("item", 0, item, code.start(), code.end(), several=several)
    return _by_name(probe, names) if names else None


def _place_of_named(probe: str, place: re.Match[str], named: Target) -> Target:
    """An indicator named by its topic beside a place: its rows, as "ตัวชี้วัดที่ 9 ทุกแถว" / "… แถวแรก".

    Every row of it is the indicator; one of its rows ("แถวแรก") is asked back. The place joins the
    target when only "ของ" or spaces stand between them, so it is never read as a value.
    """
    start, end = named.start, named.end
    if re.fullmatch(r"\s*(?:ของ|ใน|สำหรับ)?\s*", probe[place.end() : named.start]):
        start = place.start()
    elif re.fullmatch(r"\s*", probe[named.end : place.start()]):
        end = place.end()
    return Target("indicator", named.number, "", start, end, several=not place.group("all"))


def with_spaced_rows(probe: str, target: Target) -> Target:
    """A row target followed by more row numbers after spaces ("ลบแถว 2 3 4"): all of them.

    Only for a verb without a value (delete, show), where a number after the row cannot be a value.
    """
    if target.kind != "row":
        return target
    m = _SPACED_ROWS.match(probe, target.end)
    if m is None:
        return target
    more = list(target.more)
    for n in map(int, re.findall(r"\d{1,3}", m.group(0))):
        if n != target.number and n not in more and len(more) < MAX_ROWS:
            more.append(n)
    return Target("row", target.number, "", target.start, m.end(), tuple(more))


def row_mentioned(text: str) -> bool:
    """Tell whether a text names a row by number ("… แถว 4 …"): a second target inside a value."""
    return _ROW.search(text) is not None


# Words between a field word and the row it names: "ผู้รับผิดชอบของแถว 3", "มาตรการสำหรับ O12".
HEAD_GAP = re.compile(r"(?:\s|ของ|ใน|ที่|สำหรับ|for|of)*", re.I)
_VALUE_OPENS = re.compile(rf"(?:{words(*SEPARATORS_TH)})")


def measure_names_row(probe: str, named: list[re.Match[str]], target: Target) -> bool:
    """ "มาตรการแถว 3 ผู้รับผิดชอบเป็น…": "มาตรการ" just before the row names the row, not its cell.

    Only when another cell is named before any value opens ("เปลี่ยนมาตรการแถว 1 เป็น …ขั้นตอน…" keeps
    the measure: the other word is inside its value).
    """
    if len(named) < 2 or named[0].lastgroup != "MEASURE" or named[0].end() > target.start:
        return False
    other = next((m for m in named[1:] if m.lastgroup != "MEASURE"), None)
    gap = HEAD_GAP.fullmatch(probe, named[0].end(), target.start)  # "มาตรการของ O12 ผู้รับผิดชอบ…"
    if other is None or gap is None or other.start() < target.end:
        return False
    return _VALUE_OPENS.search(probe, target.end, other.start()) is None


# A row named again by pointing back: "แถวดังกล่าว", "ข้อนี้", "ตัวชี้วัดนี้", "มาตรการของข้อนี้".
_BACK = re.compile(r"(?P<word>แถว|ข้อ|ตัวชี้วัด|ตชว\.?)\s*(?:ที่)?\s*(?:ดังกล่าว|นี้|นั้น|เดียวกัน)")
_SENTENCE_CLOSED = re.compile(r"(?:ครับ|ค่ะ|คะ|นะ|จ้า)\s")
_BACK_KINDS = {"แถว": ("row",), "ข้อ": ("item",), "ตัวชี้วัด": ("indicator",), "ตชว": ("indicator",)}


def refer_back(text: str, names: Mapping[str, int] | None = None) -> str:
    """Name the row a message points back to with the one it named before ("…ในแถวที่ 6 ซ้ำซ้อน… จึงขอให้
    ลบแถวดังกล่าว" -> "… ลบแถว 6"): the text as it was when it names none, or more than one, or another kind.
    """
    probe = to_arabic(text)
    back = _BACK.search(probe)
    if back is None:
        return text
    before = find_target(probe[: back.start()], items=True, names=names)
    after = find_target(probe[back.end() :], items=True, names=names)
    kinds = _BACK_KINDS.get(back.group("word").rstrip("."), ())
    if before is None or after is not None or before.more or before.several or before.kind not in kinds:
        return text
    if _SENTENCE_CLOSED.search(probe, before.end, back.start()):
        return text  # "เอาข้อ O3 ออกครับ ข้อนี้ได้เต็มแล้ว": the order was given; what follows is why
    said = {
        "row": f"แถว {before.number}",
        "indicator": f"ตัวชี้วัดที่ {before.number}",
        "item": f"ข้อ {before.item}",
    }
    # named once, where the order names it: the first mention was the remark's subject
    return (
        text[: before.start]
        + text[before.end : back.start()]
        + said[before.kind]
        + " "
        + text[back.end() :].lstrip()
    )
