"""Print a row in the agency's house style (Draft.style, chosen by bot.drafting.style).

The forms: the row's heading ("ตัวชี้วัดที่ 7 …", "7. …", "ตัวชี้วัด…", the name alone), its
period ("ต.ค. 68 – มี.ค. 69", "ตุลาคม 2568 – มีนาคม 2569", "ตลอดปีงบประมาณ", "ไตรมาสที่ 1 – 2"),
step numbers ("1.", "1)", "(1)"), digits (Arabic or Thai) and how owners are listed. An empty
style prints as the plan always has (the agency type's heading form, "ต.ค. 68 – มี.ค. 69", "1.").
The form names are bot.drafting.style.FORMS (export does not import drafting: the names are a
contract, checked by tests/test_export_house.py).
"""

from __future__ import annotations

import re

from bot.thai import BE_OFFSET, DASH, MONTHS, MONTHS_ABBR, THAI_DIGITS, format_period

HEADINGS = {
    "word": "ตัวชี้วัดที่ {n} {name}",
    "dot": "{n}. {name}",
    "bare": "ตัวชี้วัด{name}",
    "name": "{name}",
}
# a whole fiscal year in the "fiscal" form (the year itself is stated once, in the plan's heading)
WHOLE_YEAR = "ตลอดปีงบประมาณ"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
# a number, and the Latin letter it may follow (a code: "O13", "ISO9001", "O\u206013" with a word joiner)
_NUMBER = re.compile(r"([A-Za-z][\u2060\u200b\u00a0]*)?(\d+(?:[.,]\d+)*)")
_ISO = re.compile(r"^\d{4}-\d{2}$")


def heading(style: dict[str, str], number: int, name: str) -> str | None:
    """Return an indicator row's heading in the house form, or None (the agency type's own form)."""
    form = HEADINGS.get(style.get("heading", ""))
    return form.format(n=number, name=name) if form else None


def _fiscal_month(iso: str) -> int:
    month = int(iso[5:7])
    return month - 9 if month >= 10 else month + 3


def _fiscal_year(iso: str) -> int:
    return int(iso[:4]) + BE_OFFSET + (1 if int(iso[5:7]) >= 10 else 0)


def _abbr_long(iso: str) -> str:
    return f"{MONTHS_ABBR[int(iso[5:7]) - 1]} {int(iso[:4]) + BE_OFFSET}"


def _full(iso: str) -> str:
    return f"{MONTHS[int(iso[5:7]) - 1]} {int(iso[:4]) + BE_OFFSET}"


def period(style: dict[str, str], timeline: str, start: str, end: str) -> str:
    """Return a row's period in the house form; a period the officer wrote in their own words
    (one that is not the drafted "ต.ค. 68 – มี.ค. 69" of its months) is printed as written."""
    form = style.get("period", "")
    if not form or form == "abbr" or not (_ISO.match(start or "") and _ISO.match(end or "")):
        return timeline
    if timeline != format_period(start, end):
        return timeline
    one = start == end
    if form == "full":
        return _full(start) if one else f"{_full(start)} {DASH} {_full(end)}"
    if form == "fiscal":
        if _fiscal_month(start) == 1 and _fiscal_month(end) == 12:
            return WHOLE_YEAR  # the heading states the fiscal year once
        return _abbr_long(start) if one else f"{_abbr_long(start)} {DASH} {_abbr_long(end)}"
    if form == "quarter":
        if _fiscal_month(start) % 3 != 1 or _fiscal_month(end) % 3 != 0:
            return timeline  # "ไตรมาสที่ 1 (พ.ย. 68 – ธ.ค. 68)" would contradict itself: quarters are whole
        first, last = (_fiscal_month(start) - 1) // 3 + 1, (_fiscal_month(end) - 1) // 3 + 1
        quarters = f"ไตรมาสที่ {first}" if first == last else f"ไตรมาสที่ {first} {DASH} {last}"
        return f"{quarters} ({timeline})"
    return timeline


def number(style: dict[str, str], n: int) -> str:
    """Return a step's number in the house form: "1.", "1)" or "(1)"."""
    form = style.get("numbering", "")
    return f"{n})" if form == "paren" else f"({n})" if form == "both" else f"{n}."


def digits(style: dict[str, str], text: str) -> str:
    """Return text with its numbers in Thai digits when the house writes them so (item codes kept)."""
    if style.get("digits") != "thai":
        return text
    return _NUMBER.sub(lambda m: m.group(0) if m.group(1) else m.group(2).translate(_TO_THAI), text)


def owners(style: dict[str, str], units: list[str]) -> list[str]:
    """Return the owners column's lines: one unit a line, or all on one line joined by " / " or a space."""
    form = style.get("owners", "")
    if len(units) < 2 or form not in ("slash", "space"):
        return list(units)
    return [(" / " if form == "slash" else " ").join(units)]
