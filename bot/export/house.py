"""Print a row in the agency's house style (Draft.style, chosen by bot.drafting.style).

The forms: the row's heading ("ตัวชี้วัดที่ 7 …", "7. …", "ตัวชี้วัด…", the name alone), its
period ("ต.ค. 68 – มี.ค. 69", "ตุลาคม 2568 – มีนาคม 2569", "ตลอดปีงบประมาณ", "ไตรมาสที่ 1 – 2",
"รอบ 6 เดือน") with its dash ("–" or "-"), its years ("68" or "2568") and how a whole fiscal year
reads ("ตลอดปีงบประมาณ", "ปีงบประมาณ พ.ศ. 2569" …), step numbers ("1.", "1)", "(1)"), digits
(Arabic or Thai) and how owners are listed. An empty
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
# a whole fiscal year in the "fiscal" form, by the style's "whole" form ({year}: the fiscal year, B.E.;
# "throughout": the year itself is stated once, in the plan's heading)
WHOLE_YEAR = "ตลอดปีงบประมาณ"
WHOLE = {
    "throughout": WHOLE_YEAR,
    "fiscal_be": "ปีงบประมาณ พ.ศ. {year}",
    "throughout_be": "ตลอดปีงบประมาณ พ.ศ. {year}",
}
# the dash between a range's two ends, by the style's "dash" form
DASHES = {"en": DASH, "hyphen": "-"}
# the report rounds a row's work is reported in, for a plan that dates its rows by rounds (seed 002:
# "รายงานผลการปฏิบัติตามมาตรการ - รอบ 6 เดือน - รอบ 12 เดือน"): done by มี.ค., or later in the year
ROUND_HALF, ROUND_YEAR = "รอบ 6 เดือน", "รอบ 12 เดือน"
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


def _abbr(iso: str, long: bool) -> str:
    year = int(iso[:4]) + BE_OFFSET
    return f"{MONTHS_ABBR[int(iso[5:7]) - 1]} {year if long else year % 100:02d}"


def _full(iso: str) -> str:
    return f"{MONTHS[int(iso[5:7]) - 1]} {int(iso[:4]) + BE_OFFSET}"


def _range(start: str, end: str, dash: str, full: bool, long: bool) -> str:
    """Return "ต.ค. 68 – มี.ค. 69" in the given month names, years and dash; one month alone when the
    range starts and ends there; abbreviated months within one B.E. year name the year once
    ("ม.ค. – มี.ค. 69"), as format_period does."""
    one = _full if full else (lambda iso: _abbr(iso, long))
    if start == end:
        return one(start)
    if not full and start[:4] == end[:4]:
        return f"{MONTHS_ABBR[int(start[5:7]) - 1]} {dash} {one(end)}"
    return f"{one(start)} {dash} {one(end)}"


def period(style: dict[str, str], timeline: str, start: str, end: str) -> str:
    """Return a row's period in the house form; a period the officer wrote in their own words
    (one that is not the drafted "ต.ค. 68 – มี.ค. 69" of its months) is printed as written.

    Every row of one plan prints in the one form its style names (its own past plan's, else chosen by
    the agency): month ranges abbreviated or in full, with its dash and years; the fiscal-year form
    says a whole year in its own words; quarters with their months or alone (a plan by quarter
    columns shows the quarters the work falls in); report rounds for a plan that dates its rows so.
    """
    form = style.get("period", "")
    if not (_ISO.match(start or "") and _ISO.match(end or "")) or timeline != format_period(start, end):
        return timeline
    dash = DASHES.get(style.get("dash", ""), DASH)
    years = style.get("years", "")
    if form in ("", "abbr"):
        return _range(start, end, dash, False, years == "long")
    if form == "full":
        return _range(start, end, dash, True, True)
    first, last = _fiscal_month(start), _fiscal_month(end)
    whole = first == 1 and last == 12
    if form == "fiscal":
        if whole:  # the heading states the fiscal year; some plans say it again
            return WHOLE.get(style.get("whole", ""), WHOLE_YEAR).format(year=_fiscal_year(end))
        return _range(start, end, dash, False, True)  # beside "ปีงบประมาณ พ.ศ. 2569": the year in full
    if form == "quarters":  # the quarters the work falls in, as a plan by quarter columns marks them
        q1, q2 = (first - 1) // 3 + 1, (last - 1) // 3 + 1
        return f"ไตรมาสที่ {q1}" if q1 == q2 else f"ไตรมาสที่ {q1} {dash} {q2}"
    if form == "rounds":
        return ROUND_HALF if last <= 6 else f"{ROUND_HALF} {dash} {ROUND_YEAR}"
    if form == "quarter":
        months = _range(start, end, dash, False, years == "long")
        if first % 3 != 1 or last % 3 != 0:
            return months  # "ไตรมาสที่ 1 (พ.ย. 68 – ธ.ค. 68)" would contradict itself: quarters are whole
        q1, q2 = (first - 1) // 3 + 1, (last - 1) // 3 + 1
        quarters = f"ไตรมาสที่ {q1}" if q1 == q2 else f"ไตรมาสที่ {q1} {dash} {q2}"
        return f"{quarters} ({months})"
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
