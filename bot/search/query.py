"""What a question asks for, read before any search: items, indicators, years, agency, passage kind.

The retriever (bot.search.retrieve) ranks with these; answers reuse query_focus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ita.framework import Framework
from bot.search.chunking import mentions
from bot.thai import BE_OFFSET, normalize

# What kind of passage a question's wording asks for. Measures: the playbook, measure tables and
# NACC advice; advice: NACC recommendations (and the playbook built on them); a meaning: the
# framework's own definitions and OIT item lists.
_INTENTS = {
    # Raising a score ("ทำยังไงให้คะแนน OIT ดีขึ้น", "how to improve") asks for measures too.
    "measure": (
        re.compile(
            r"มาตร(?:า)?การ|ทำอะไรดี|ควรทำ|ควรจัด|ดีขึ้น|สูงขึ้น|เพิ่มขึ้น|ยกระดับ|คะแนนต่ำ|ได้น้อย"
            r"|improv|rais|increas|boost",
            re.IGNORECASE,
        ),
        frozenset({"playbook", "measure_table", "recommendation"}),
    ),
    "advice": (re.compile(r"ข้อเสนอแนะ|แนะนำ"), frozenset({"recommendation", "playbook"})),
    "meaning": (
        re.compile(r"คืออะไร|คือเรื่อง|หมายถึง|หมายความ|แปลว่า|เกี่ยวกับอะไร|วัดเรื่อง|หัวข้อ"),
        frozenset({"framework", "oit_item"}),
    ),
    # What a part of the framework is made of, or how many ("มีข้อย่อยอะไรบ้าง", "มีกี่แบบวัด"):
    # the framework's own lists, not practice.
    "list": (
        re.compile(
            r"ข้อย่อย|(?:ข้อ|ตัวชี้วัด|แบบวัด)\s*(?:อะไร|ไหน)บ้าง|กี่ข้อ|กี่แบบ|กี่ตัวชี้วัด|กี่ตัว|กี่ด้าน|ประกอบด้วย"
            r"|how many|(?:which|what) (?:items|indicators|tools)",
            re.IGNORECASE,
        ),
        frozenset({"framework", "oit_item"}),
    ),
    # Which item a topic is ("แผน HR อยู่ข้อ O อะไร", "E-Service เป็นข้อที่เท่าไหร่"): the item lists.
    "which": (
        re.compile(
            r"อยู่(?:ใน)?ข้อ|ลงข้อ|ลงในข้อ|เป็นข้อ|ข้อ\s*O?\s*(?:อะไร|ไหน|ไร)|ข้อที่เท่า|which item|what item",
            re.IGNORECASE,
        ),
        frozenset({"oit_item", "framework"}),
    ),
    # What must be on the website ("ข้อมูลผู้บริหารบนเว็บต้องมีอะไรบ้าง", "ต้องลงอะไร"): the OIT item lists.
    "publish": (
        re.compile(
            r"ต้อง(?:มี|ลง|เผยแพร่|แสดง|ใส่|โพสต์|แปะ)\s*(?:อะไร|ไร)"
            r"|(?:must|need to|needs to|have to|has to|should|required to)\s+(?:be\s+)?(?:publish|post|disclos|upload)"
            r"|what to (?:publish|post|disclose|upload)",
            re.IGNORECASE,
        ),
        frozenset({"oit_item"}),
    ),
    # When something runs or is due ("รอบแรกถึงเดือนไหน", "ไตรมาส 2 คือช่วงไหน"): the fiscal
    # calendar and the framework's dates, even beside the word มาตรการ.
    "when": (
        re.compile(
            r"เดือนไหน|เดือนอะไร|ถึงเดือน|ช่วงไหน|ช่วงเดือน|เมื่อไหร่|เมื่อไร|กำหนดส่ง|deadline|when", re.IGNORECASE
        ),
        frozenset({"framework"}),
    ),
}
# A part of an indicator ("ตัวชี้วัด 10.2", "กลุ่ม 9.1", "ตัวชี้วัดย่อยที่ 9.3"): not the whole indicator.
_SUB_INDICATOR = re.compile(
    r"(?:ตัวชี้วัด(?:ย่อย)?|กลุ่ม|indicator)\s*(?:ที่\s*)?(?:10|[1-9])\.\d(?!\d)", re.IGNORECASE
)


def names_part(query: str) -> bool:
    """Tell whether a question names a part of an indicator (10.2, กลุ่ม 9.1) rather than the whole."""
    return bool(_SUB_INDICATOR.search(normalize(query)))


@dataclass(frozen=True)
class QueryFocus:
    """What a question is about: indicators and item codes it names."""

    indicators: tuple[int, ...]
    items: tuple[str, ...]


def query_focus(query: str, fw: Framework) -> QueryFocus:
    """Find the indicators (by number or name, typos included) and item codes a question names."""
    indicators, codes = mentions(query, fw, loose=True)
    return QueryFocus(tuple(indicators), tuple(codes))


def tools_named(query: str, fw: Framework) -> tuple[int, ...]:
    """Return the indicators of the assessment tools a question names ("OIT" -> 9, 10), by code."""
    upper = normalize(query).upper()
    found: list[int] = []
    for tool in fw.tools:
        if re.search(rf"(?<![A-Z]){tool.code}(?![A-Z])", upper):
            found.extend(tool.indicators)
    return tuple(found)


# A B.E. year 2550-2579 or a C.E. year 2007-2036 standing alone (not "2,567" or "25.67").
_YEAR4 = re.compile(r"(?<!\d)(?<!\d[.,])(25[5-7]\d|20[0-3]\d)(?!\d|[.,]\d)")
# A 2-digit year only after a year word: "ปี 68", "พ.ศ.67", "ปีงบ 69", "ITA68", "FY 25".
_YEAR2 = re.compile(
    r"(?:ปี(?:งบประมาณ|งบ|การศึกษา)?|พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|ita|ไอทีเอ|fy|b\.?e\.?|c\.?e\.?)\s*(\d{2})(?![\d.,])",
    re.IGNORECASE,
)
_THIS_YEAR = re.compile(r"ปีนี้|ปีปัจจุบัน|this year", re.IGNORECASE)
_LAST_YEAR = re.compile(r"ปีที่แล้ว|ปีก่อน|ปีที่ผ่านมา|last year", re.IGNORECASE)


def _be(number: int, *, christian: bool) -> int:
    return number + BE_OFFSET if christian else number


_LOWER_CODE = re.compile(r"(?<![A-Za-z0-9])([ieo])\s?(\d{1,2})(?![\d.])")


def clean_query(query: str) -> str:
    """Return a question with Thai digits as Arabic and item codes typed in lower case ("o12") upper-cased."""
    return _LOWER_CODE.sub(lambda m: f"{m.group(1).upper()}{m.group(2)}", normalize(query))


def question_years(query: str, fw: Framework) -> tuple[int, ...]:
    """Return the B.E. assessment years a question names, in order ("ปีนี้" = the framework's latest year)."""
    text = normalize(query)
    found: list[tuple[int, int]] = []
    for m in _YEAR4.finditer(text):
        n = int(m.group(1))
        found.append((m.start(), _be(n, christian=n < 2500)))
    for m in _YEAR2.finditer(text):
        n = int(m.group(1))
        christian = m.group(0).lower().startswith(("ค", "c", "fy")) and n < 50
        year = 2000 + n + BE_OFFSET if christian else 2500 + n
        if 2550 <= year <= 2579:
            found.append((m.start(), year))
    latest = max(fw.oit_years, default=None)
    if latest is not None:
        found.extend((m.start(), latest) for m in _THIS_YEAR.finditer(text))
        found.extend((m.start(), latest - 1) for m in _LAST_YEAR.finditer(text))
    years: list[int] = []
    for _, year in sorted(found):
        if year not in years:
            years.append(year)
    return tuple(years)


TYPE_ALIASES = {
    "องค์การบริหารส่วนตำบล": ("องค์การบริหารส่วนตำบล", "อบต"),
    "องค์การบริหารส่วนจังหวัด": ("องค์การบริหารส่วนจังหวัด", "อบจ"),
    "เทศบาลตำบล": ("เทศบาลตำบล", "ทต."),
    "เทศบาลเมือง": ("เทศบาลเมือง", "ทม."),
    "เทศบาลนคร": ("เทศบาลนคร", "ทน."),
    "โรงเรียน": ("โรงเรียน",),
}


def split_agency(agency: str) -> tuple[str, str]:
    """Split "เทศบาลตำบลนิเวศน์" into its type and its own name."""
    for kind in TYPE_ALIASES:
        if agency.startswith(kind):
            return kind, agency[len(kind) :]
    return "", agency if len(agency) >= 4 else ""


def kinds_asked(query: str, intents: tuple[str, ...] = tuple(_INTENTS)) -> set[str]:
    """Return the passage kinds a question's wording asks for ("ทำมาตรการอะไรดี" -> playbook, ...)."""
    said = [name for name in intents if _INTENTS[name][0].search(query)]
    if "when" in said:  # "รายงานผลมาตรการรอบแรกถึงเดือนไหน" asks a date, not for measures
        said = [name for name in said if name != "measure"]
    return {kind for name in said for kind in _INTENTS[name][1]}
