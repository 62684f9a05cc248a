"""The years a score message names: the assessment year of its scores, and the fiscal year of a plan asked for."""

from __future__ import annotations

import re

from bot.thai import MONTHS, MONTHS_ABBR

# Thai month abbreviations ("ต.ค.") and full names ("ตุลาคม"), as dates write them.
MONTH = "(?:" + "|".join(map(re.escape, (*MONTHS_ABBR, *MONTHS))) + ")"

YEAR_RX = re.compile(
    r"(?:(?:พ\.ศ\.|ปีงบประมาณ|ปีงบฯ?|งบปี|(?<![A-Za-z])(?:FY|[Ff]iscal\s++[Yy]ear)|ปี(?:นี้|ที่แล้ว|ก่อน|ล่าสุด)?|ITA)\s*+(?:พ\.ศ\.)?\s*+(\d{4}|\d{2})(?!\d|\.\d))|(?<![\d./])(25[5-7]\d|20[1-3]\d)(?![\d./])",
    re.IGNORECASE,
)
# A year right after these words is the year of the plan being asked for, not of the assessment.
# A few words may name the plan between ("แผนยกระดับปีงบ 69", "แผนมาตรการส่งเสริมคุณธรรมและความโปร่งใส
# ปีงบประมาณ 2569"), none of them about results.
_PLAN_BEFORE = re.compile(
    r"(?:(?:มาตรการ|แผน|ร่าง|จัดทำ)(?:(?!ผล|คะแนน|ได้|ภาพรวม|รวม)[\u0e01-\u0e4e ]){0,48}?|ปีหน้า|ถัดไป|เป้า(?:หมาย)?|สำหรับ"
    r"|(?<![A-Za-z])(?:[Pp]lans?|[Mm]easures?)\s++(?:for|of)\s++(?:the\s++)?)\s*(?:ประจำ|ของ|ใน)?\s*$"
)
# ... or a fiscal year comes first and the request for the plan right after it: "ปีงบ69 ขอมาตรการหน่อยครับ",
# "ปีงบประมาณ 69 อยากได้แผน", "FY69 ช่วยร่างมาตรการ"; not when the plan names its own year after it
# ("ปี 2568 ครับ อยากได้มาตรการปี 2569") or a value stands right before the year ("ได้ 88 ปีงบ 68 ขอ…").
_FISCAL = re.compile(r"ปีงบ|งบปี|FY|fiscal", re.I)
_PLAN_AFTER = re.compile(
    r"\s*+(?:(?:ครับ|ค่ะ|คะ|นะ)\s*+)?(?:ขอ|อยาก|ช่วย|ทำ|ร่าง|จัดทำ|วาง|เตรียม|ต้องการ|เอา)"
    r"[\u0e01-\u0e4e ]{0,16}?(?:มาตรการ|แผน)"
    r"(?!(?:(?!ค่ะ|ครับ|คะ|นะ|ผล|คะแนน|ได้)[\u0e01-\u0e4e ]){0,24}?(?:ปี|FY)\s*+\d)"
    r"|\s*+(?:(?:action\s++)?plans?|measures?)(?![A-Za-z])",
    re.I,
)
# A year with its own score right after it ("… ปี 68 ภาพรวมได้ 84.33", "… ปี 2568 ได้ 84.33") is the
# results' year, whatever plan word came before; a fiscal year ("ปีงบ 69") is still the plan's.
_OWN_SCORE_AFTER = re.compile(
    r"\s*+(?:(?:ITA|ภาพรวม|คะแนนรวม|รวม|overall)\s*+)?(?:ได้(?:รับ)?|=|:|คือ|อยู่ที่)?\s*+(?:คะแนน\s*+)?\d", re.I
)
_VALUE_BEFORE = re.compile(r"\d\s*+(?:คะแนน)?\s*+(?:ครับ|ค่ะ|คะ|นะ)?\s*+$")
_ANNOUNCED = re.compile(r"ประกาศ(?:ผล)?|ผลออก")
_MONTH_BEFORE = re.compile(MONTH + r"\s*$")


_DIGIT = re.compile(r"\d")
_THEN_YEAR = re.compile(r"\s*+(?:→|->|/|ถึง)\s*+(?:ปี\s*+)?((?:25)?\d\d)(?![\d.])")


def be_year(raw: str) -> int | None:
    y = int(raw)
    if len(raw) == 2:
        # a two-digit year is B.E. 25xx, and an ITA year near now: "ITA 88" is a score, not 2588
        return 2500 + y if 50 <= y <= 75 else None
    if 2010 <= y <= 2040:
        y += 543
    return y if 2550 <= y <= 2590 else None


def _years(line: str, plan: bool) -> list[int]:
    out: list[int] = []
    if not _DIGIT.search(line):
        return out  # a year is written in digits (spoken ones are digits by now)
    for m in YEAR_RX.finditer(line):
        y = be_year(m.group(1) or m.group(2))
        before = line[max(0, m.start() - 64) : m.start()]
        fiscal = bool(_FISCAL.match(m.group(0)))
        is_plan = (
            bool(_PLAN_BEFORE.search(before)) and (fiscal or not _OWN_SCORE_AFTER.match(line, m.end()))
        ) or (fiscal and bool(_PLAN_AFTER.match(line, m.end())) and not _VALUE_BEFORE.search(before))
        # a deadline's year is not the assessment's, but the year results were announced is
        dated = _MONTH_BEFORE.search(before) and not _ANNOUNCED.search(
            line, max(0, m.start() - 40), m.start()
        )
        # "72.5 (ปีก่อน 65)": a relative year word and a number closing a bracket give last year's value
        # "ปีที่แล้ว 81 ลดลงเยอะ": a relative year and a number with no value after give last year's value
        value = (
            re.match(r"ปี(?:ที่แล้ว|ก่อน)", m.group(0))
            and len(m.group(1) or "") == 2
            and not re.match(r"\s*+(?:ได้(?:รับ)?|=|:)?\s*+\d", line[m.end() : m.end() + 12])
        )
        # "เอ้ย ปี 68 ค่ะ ไม่ใช่ 67": a year denied is no year of the results
        denied = re.search(r"ไม่ใช่\s*+(?:ปี)?\s*+$", line[max(0, m.start() - 12) : m.start()])
        if y is not None and is_plan == plan and (plan or not dated) and not value and not denied:
            # "ปี 67 → 68", "ปี 67/68": from one year to the next, the later is the results' year
            then = _THEN_YEAR.match(line, m.end())
            later = be_year(then.group(1)) if then else None
            out.append(later if later is not None and later > y else y)
    return out


# "78.50 (ปี 67: 70.20)": a bracket after a value that compares with another year's value.
_ASIDE = re.compile(
    r"(?<=\d)\s*+(?:คะแนน)?\s*+(?:ครับ|ค่ะ|คะ|นะ)?\s*+\((?=[^()\n]{0,40}?\d++[^\d()\n]++\d)[^()\n]{0,40}\)"
)


def line_years(line: str) -> list[int]:
    """The assessment years that label a line's scores: not those of an aside after a value."""
    if not _DIGIT.search(line):
        return []
    return years_in(_ASIDE.sub(_aside_or_years, line))


_VALUE_MARK = re.compile(r"(?:[:=]|ได้|คือ)\s*+\d")


def _aside_or_years(m: re.Match[str]) -> str:
    """Drop an aside with another year's value; keep brackets of years only ("78 (ปี 67 → 68)")."""
    numbers = re.findall(r"\d+(?:\.\d+)?", m.group(0))
    years_only = all("." not in n and be_year(n) is not None for n in numbers) and not _VALUE_MARK.search(
        m.group(0)
    )  # "(ปี 67: 75)": a year and its value, not two years
    return m.group(0) if years_only and "ปี" in m.group(0) else " "


def years_in(line: str) -> list[int]:
    """Return the assessment years written in a line (B.E.; C.E. and two-digit years converted).

    Not a plan's year ("ร่างมาตรการปีงบ 69") nor a deadline's ("ภายในมีนาคม 2569").
    """
    return _years(line, plan=False)


def plan_years(line: str) -> list[int]:
    """Return the fiscal years of a plan asked for in a line: "ร่างมาตรการปีงบ 69" -> [2569]."""
    return _years(line, plan=True)
