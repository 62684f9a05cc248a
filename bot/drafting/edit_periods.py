"""Periods an officer types for a row's timeline: Thai months and B.E. years inside one fiscal year.

"ต.ค. 68 – มี.ค. 69", "มกราคม - มีนาคม 2569", "ต.ค.68-ก.ย.69", or only an end month given
as a deadline ("ให้เสร็จภายใน ธ.ค. 68": from the fiscal year's first month to December).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import wording
from bot.drafting.edit_command import EditCommand, EditError
from bot.drafting.edit_words import MONTHS_SPOKEN
from bot.thai import BE_OFFSET, MONTHS, MONTHS_ABBR, clean_display, format_period, to_arabic

# The fiscal year starts in October.
FISCAL_START_MONTH = 10


@dataclass(frozen=True)
class Period:
    """A timeline inside one fiscal year."""

    start_month: str  # ISO YYYY-MM, Gregorian
    end_month: str
    label: str  # Thai B.E. as plans print it (thai.format_period): "ต.ค. 68 – มี.ค. 69", "ม.ค. – มี.ค. 69"


# ---------------------------------------------------------------- periods
_MONTHS = tuple(zip(MONTHS, MONTHS_ABBR, strict=True))  # (full name, abbreviation) in calendar order


def _abbr_pattern(abbr: str) -> str:
    # "มี.ค." is also typed "มีค", "มี.ค" or "มี. ค." - dots and spaces are optional.
    letters = [part for part in abbr.split(".") if part]
    return r"\.?\s?".join(map(re.escape, letters)) + r"\.?"


_ENGLISH = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_ALTS = sorted(
    [(full, n) for n, (full, _a) in enumerate(_MONTHS, 1)]
    + [(spoken, n) for n, spoken in enumerate(MONTHS_SPOKEN, 1)]
    + [(_abbr_pattern(a), n) for n, (_f, a) in enumerate(_MONTHS, 1)]
    + [(rf"(?i:{e}[a-z]*\.?)", n) for n, e in enumerate(_ENGLISH, 1)],
    key=lambda pair: (pair[0].startswith("\\") or "\\" in pair[0], -len(pair[0])),
)
_MONTH = "|".join(f"(?P<m{i}>{alt})" for i, (alt, _n) in enumerate(_MONTH_ALTS))
_YEAR = r"(?:\s*(?:พ\.?\s?ศ\.?)?\s*(?P<y>\d{4}|\d{2}))?"
_ONE = re.compile(rf"(?:{_MONTH}){_YEAR}")
_RANGE_SEP = re.compile(
    r"^\s*(?:–|—|-|(?:ไป\s*)?(?:จน\s*)?ถึง|ไปจน|to|until"
    # the end said as finishing: "เริ่ม ม.ค. 69 จบ มิ.ย. 69", "เริ่ม พ.ย. สิ้นสุด ก.พ.", "… แล้วเสร็จ มี.ค."
    r"|(?:และ|แล้ว)?\s*(?:ไป|ให้)?\s*(?:จบ|เสร็จ(?:สิ้น)?|สิ้นสุด)(?:\s*(?:ที่|ใน|ภายใน|เดือน))*"
    r"|(?P<both>กับ|และ))\s*"
)
# "ทั้งปีงบประมาณเลยค่ะ ต.ค. 68 ถึง ก.ย. 69": the whole year said, then its months: the months are read.
_SAID_THEN = re.compile(r"(?:\s|เลย|ค่ะ|คะ|ครับ|นะ|คือ|จ้า|[,:(])*")


# Words around the months that say nothing more: "ตั้งแต่เดือน ม.ค. ถึงเดือน มี.ค. 69".
_LEAD_WORDS = re.compile(
    r"^\s*(?:(?:ตั้งแต่|เริ่ม|ระหว่าง|ภายใน|ก่อน|ไม่เกิน|สิ้น|(?:ไป)?(?:จน)?ถึง|ช่วง|ใน|รอบ|เดือน|from|by|until)\s*)+"
)
# Words that give only the end: "ภายใน ธ.ค. 68", "ไม่เกิน มี.ค. 69", "(ขยายเวลาไป)ถึง มิ.ย. 69".
_DEADLINE_LEAD = re.compile(r"\s*(?:ภายใน|ก่อน|ไม่เกิน|สิ้น|(?:ไป)?(?:จน)?ถึง|by|until)")
_INNER_WORDS = re.compile(r"(?<=\s)(?:เดือน)\s*|(?<=ถึง)\s*เดือน|(?<=-)\s*เดือน")
_WHOLE_YEAR = re.compile(
    r"\s*(?:(?:ทำ|ดำเนินการ|ทุกเดือน|ต่อเนื่อง|ภายใน|(?:ไป)?(?:จน)?ถึง)\s*)*(?:(?:ตลอด|ทั้ง|เต็ม)\s*(?:ทั้ง)?\s*ปี\s*(?:งบประมาณ|งบ)?|(?:1|หนึ่ง)\s*ปี(?:เต็ม)?|(?:(?:ภายใน|ใน|สิ้น)\s*)?ปีงบ(?:ประมาณ)?)"
    r"\s*(?:พ\.?\s?ศ\.?)?\s*(?P<y>\d{2,4})?\s*"
)
_ONWARDS = re.compile(r"เป็นต้นไป|(?<![ก-๙])(?:onwards?)(?![a-z])", re.I)
_TO_YEAR_END = re.compile(
    r"\s*(?:ไป)?\s*(?:จน)?\s*(?:ถึง|จบ|สิ้นสุด)\s*(?:สิ้น)?\s*ปีงบ(?:ประมาณ)?(?:\s*(?:พ\.?\s?ศ\.?)?\s*\d{2,4})?\s*$"
)
# A period written inside brackets after a count: "3 เดือน (ม.ค.-มี.ค. 69)".
_BRACKETED = re.compile(r"\s*[^()]*?\(([^()]+)\)\s*")
# Words that close a period and say nothing more: "ทั้งปีงบเลย", "ถึง มี.ค. 69 ไปเลย".
_CLOSING = re.compile(
    r"\s*(?:ไปเลย|เลย|ไปก่อน|ก็ได้|ด้วย|นะ|(?:แค่|เพียง)?เดือนเดียว|เท่านั้น|อย่างเดียว|เป็นต้นไป|\([^()]{0,30}\)|(?:ก็)?พอ(?:แล้ว)?|แทน|นี้"
    r"|ของปีงบ(?:ประมาณ)?|ของปีนี้)+\s*$"
)  # "… ก.ย. 69 (ทั้งปี)": a note in brackets says nothing more
# Why, after the months: "30 เม.ย. 69 ก่อนระบบปิด", "ธ.ค. 68 เพื่อให้ทันรายงาน" (no month in it).
_WHY_AFTER = re.compile(r"\s+(?:ก่อน(?!\s*(?:เดือน|สิ้น))|เพื่อ|เพราะ|เนื่องจาก|จะได้|ให้ทัน|ทัน|ตามที่)\S[^\n]*$")
# Halves of the fiscal year: "6 เดือนแรก", "ครึ่งปีแรก" (Oct-Mar), "6 เดือนหลัง", "ครึ่งปีหลัง" (Apr-Sep).
_HALF = re.compile(
    r"(?:(?P<n>1[0-2]|[1-9]|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ)\s*เดือน|(?P<half>ครึ่งปี))\s*(?:งบ(?:ประมาณ)?)?\s*"
    r"(?:(?P<first>แรก)|(?P<second>หลัง|สุดท้าย))"
)
_COUNT_WORDS = {
    "หนึ่ง": 1,
    "สอง": 2,
    "สาม": 3,
    "สี่": 4,
    "ห้า": 5,
    "หก": 6,
    "เจ็ด": 7,
    "แปด": 8,
    "เก้า": 9,
    "สิบ": 10,
}


def _months_counted(m: re.Match[str]) -> str:
    """ "3 เดือนแรก" -> "ต.ค. – ธ.ค.", "6 เดือนหลัง" -> "เม.ย. – ก.ย.": the fiscal year's first or last months."""
    raw = m.group("n")
    n = 6 if m.group("half") else _COUNT_WORDS.get(raw) or int(raw)
    first = FISCAL_START_MONTH if m.group("first") else (FISCAL_START_MONTH - 1 - n) % 12 + 1
    last = (first - 1 + n - 1) % 12 + 1
    return f"{MONTHS_ABBR[first - 1]} – {MONTHS_ABBR[last - 1]}"


# Fiscal quarters: "ไตรมาส 2", "ไตรมาสแรก", "ไตรมาส 1-2", "Q3", "ไตรมาสที่ 4/69" (the fiscal year's quarters).
_QUARTER_MONTHS = {1: (10, 12), 2: (1, 3), 3: (4, 6), 4: (7, 9)}
_QUARTER_WORDS = {
    "แรก": 1,
    "สุดท้าย": 4,
    "หนึ่ง": 1,
    "สอง": 2,
    "สาม": 3,
    "สี่": 4,
}  # and as voice typing writes them
_QUARTER = re.compile(
    r"(?:ไตรมาส|\bq)\s*(?:ที่)?\s*(?P<a>[1-4]|แรก|สุดท้าย|หนึ่ง|สอง|สาม|สี่)(?![\d.])"
    r"(?:\s*(?:-|–|ถึง|และ|,)\s*(?:ไตรมาส|q)?\s*(?:ที่)?\s*(?P<b>[1-4]|สุดท้าย|สอง|สาม|สี่)(?![\d.]))?"
    # "ไตรมาส 2/69", "ไตรมาส 2 ปีงบ 69", "ไตรมาส 2 ของปีงบประมาณ 2569"
    r"(?:\s*(?:/|(?:ของ\s*)?ปี(?:งบประมาณ|งบ)?)\s*(?:พ\.?\s?ศ\.?)?\s*(?P<y>\d{4}|\d{2})(?!\d))?",
    re.I,
)


def _quarters(probe: str) -> str:
    """Write fiscal quarters as their months: "ไตรมาส 1-2" -> "ต.ค. – มี.ค." (with B.E. years when given)."""

    def months(m: re.Match[str]) -> str:
        a = _QUARTER_WORDS.get(m.group("a")) or int(m.group("a"))
        b_raw = m.group("b")
        b = (_QUARTER_WORDS.get(b_raw) or int(b_raw)) if b_raw else a
        if b < a:
            return m.group(0)  # "ไตรมาส 3-1": left as typed, so that it is refused as unreadable
        (start, _), (_, end) = _QUARTER_MONTHS[a], _QUARTER_MONTHS[b]
        if not m.group("y"):
            return f"{MONTHS_ABBR[start - 1]} – {MONTHS_ABBR[end - 1]}"
        y = int(m.group("y"))
        fy = 2500 + y if y < 100 else (y if y >= 2400 else y + 543)
        y1, y2 = (fy - 1 if start >= 10 else fy), (fy - 1 if end >= 10 else fy)
        return f"{MONTHS_ABBR[start - 1]} {y1} – {MONTHS_ABBR[end - 1]} {y2}"

    return _QUARTER.sub(months, probe)


# "1/10/68", "30/9/2569", "10/68": a date in numbers, day first, as Thai forms write it.
_NUMERIC_DATE = re.compile(r"(?<![\d/])(?:\d{1,2}/)?(?P<m>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")


def _numeric_dates(probe: str) -> str:
    """Write dates in numbers as a month and year ("1/10/68" -> "ต.ค. 68"); other numbers stay."""

    def month(m: re.Match[str]) -> str:
        n = int(m.group("m"))
        return f"{MONTHS_ABBR[n - 1]} {m.group('y')}" if 1 <= n <= 12 else m.group(0)

    return _NUMERIC_DATE.sub(month, probe)


# "1 ม.ค. 69", "วันที่ 30 มิ.ย. 69": a day before the month says nothing the timeline keeps.
_DAY = re.compile(r"\s*(?:วันที่\s*)?\d{1,2}\s*(?=\D)")


def _read_month(text: str, pos: int) -> tuple[int, int | None, int] | None:
    day = _DAY.match(text, pos)
    m = _ONE.match(text, day.end()) if day else None
    m = m or _ONE.match(text, pos)
    if not m:
        return None
    idx = next(i for i in range(len(_MONTH_ALTS)) if m.group(f"m{i}"))
    year = None
    if m.group("y"):
        y = int(m.group("y"))
        year = 2500 + y if y < 100 else (y if y >= 2400 else y + 543)
    return _MONTH_ALTS[idx][1], year, m.end()


def _label(month: int, be_year: int) -> str:
    return f"{_MONTHS[month - 1][1]} {be_year % 100:02d}"


def fiscal_span_th(fiscal_year: int) -> str:
    """Return a fiscal year (B.E.) as Thai months, e.g. 2569 -> "ต.ค. 68 – ก.ย. 69"."""
    return f"{_label(10, fiscal_year - 1)} – {_label(9, fiscal_year)}"


def parse_period(text: str, fiscal_year: int | None, *, deadline: bool = False) -> Period:
    """Parse "ต.ค. 68 – มี.ค. 69" (Thai months, B.E. years) and check it lies inside the fiscal year.

    With `deadline`, one month is the end of a period that starts with the fiscal year.
    """
    probe = to_arabic(" ".join(clean_display(text).split()))
    onwards = bool(_ONWARDS.search(probe))  # "ต.ค. 68 เป็นต้นไป": from then on
    if (
        (to_end := _TO_YEAR_END.search(probe))
        and to_end.start() > 0
        and _ONE.search(probe, 0, to_end.start())
    ):
        probe, onwards = probe[: to_end.start()], True  # "เริ่ม ก.พ. 69 ไปจนจบปีงบ": from then to the year's end
    if (
        (inner := _BRACKETED.fullmatch(probe))
        and _ONE.search(inner.group(1))
        and not _ONE.search(inner.group(0), 0, inner.start(1))
    ):
        probe = inner.group(1)  # "3 เดือน (ม.ค.-มี.ค. 69)": the months are in the brackets
    probe = _CLOSING.sub("", probe) or probe
    if (whole_lead := _WHOLE_YEAR.match(probe)) and whole_lead.end() < len(probe):
        then = _SAID_THEN.match(probe, whole_lead.end())
        if then is not None and _ONE.match(probe, then.end()):
            probe = probe[then.end() :].rstrip(" )")
    example = (
        f"ต.ค. {(fiscal_year - 1) % 100:02d} – มี.ค. {fiscal_year % 100:02d}"
        if fiscal_year
        else "ต.ค. 68 – มี.ค. 69"
    )
    bad = EditError(wording.EDIT_PERIOD_UNREADABLE.format(text=text.strip(), example=example))
    if whole := _WHOLE_YEAR.fullmatch(probe):
        if fiscal_year is None:
            raise EditError(wording.EDIT_PERIOD_NEEDS_YEAR.format(example=example))
        named = int(whole.group("y")) if whole.group("y") else None
        named = named + 2500 if named is not None and named < 100 else named
        if named is not None and named != fiscal_year:  # "ภายในปีงบประมาณ 2570" in a 2569 plan
            raise EditError(
                wording.EDIT_PERIOD_OUTSIDE.format(
                    period=probe.strip(),
                    fiscal_year=fiscal_year,
                    span=fiscal_span_th(fiscal_year),
                    example=example,
                )
            )
        return Period(
            f"{fiscal_year - 1 - BE_OFFSET:04d}-10",
            f"{fiscal_year - BE_OFFSET:04d}-09",
            fiscal_span_th(fiscal_year),
        )
    # "ภายใน ธ.ค. 68", "ไม่เกิน มี.ค. 69": only the end is given.
    deadline = deadline or bool(_DEADLINE_LEAD.match(probe))
    probe = _numeric_dates(_quarters(probe))  # "ไตรมาส 2/2569" is a quarter, not February
    probe = _HALF.sub(_months_counted, probe)
    # "ตั้งแต่ ม.ค. 69" alone: from then to the end of the fiscal year.
    since = not deadline and (onwards or bool(re.match(r"\s*(?:ตั้งแต่|เริ่ม|from|since)", probe)))
    if deadline and (quarter_end := re.fullmatch(rf"(?:{_DEADLINE_LEAD.pattern})?\s*\S+ – (.+)", probe)):
        probe = quarter_end.group(1)  # "ภายในไตรมาส 2": the quarter's last month is the deadline
    probe = _LEAD_WORDS.sub(lambda m: " " * len(m.group(0)), probe)  # keep offsets: blank the words out
    probe = _INNER_WORDS.sub(lambda m: " " * len(m.group(0)), probe)
    start_at = len(probe) - len(probe.lstrip())
    first = _read_month(probe, start_at)
    if not first:
        raise bad
    rest = probe[first[2] :]
    sep = _RANGE_SEP.match(rest)
    second = _read_month(rest, sep.end()) if sep else None
    if sep and not second:
        raise bad
    tail = rest[second[2] :] if second else rest
    if (why := _WHY_AFTER.match(tail)) is not None and not _ONE.search(why.group(0)):
        tail = ""  # "ภายใน 30 เม.ย. 69 ก่อนระบบปิด": the reason is no part of when
    if tail.strip():
        raise bad
    if sep and sep.group("both") and second and second[0] != first[0] % 12 + 1:
        raise bad  # "มิ.ย. กับ ก.ค.": two months side by side are one period; two apart are asked back
    second = second or first
    (m1, y1, _), (m2, y2, _) = first, second

    def infer(month: int, year: int | None) -> int:
        if year is not None:
            return year
        if fiscal_year is None:
            raise EditError(wording.EDIT_PERIOD_NEEDS_YEAR.format(example=example))
        return fiscal_year - 1 if month >= 10 else fiscal_year

    if y1 is None and y2 is not None and first is not second:
        # "ม.ค. – ก.ย. 69" (as plans print it): the first month is in the end's year, or the year
        # before when it comes later in the calendar ("ต.ค. – มี.ค. 69")
        y1 = y2 if m1 <= m2 else y2 - 1
    y1, y2 = infer(m1, y1), infer(m2, y2)
    if deadline and first is second:
        # Only the end was given: the period runs from the first month of its fiscal year.
        fy = fiscal_year or (y2 + 1 if m2 >= FISCAL_START_MONTH else y2)
        m1, y1 = FISCAL_START_MONTH, fy - 1
    elif since and first is second:
        fy = fiscal_year or (y1 + 1 if m1 >= FISCAL_START_MONTH else y1)
        m2, y2 = FISCAL_START_MONTH - 1, fy
    start, end = (y1, m1), (y2, m2)
    if start > end and fiscal_year and (deadline or since) and first is second:
        # "ภายใน มี.ค. 69" in a plan of 2570: one month given, and it lies outside the plan's year
        given = (m2, y2) if deadline else (m1, y1)
        raise EditError(
            wording.EDIT_PERIOD_OUTSIDE.format(
                period=_label(*given),
                fiscal_year=fiscal_year,
                span=fiscal_span_th(fiscal_year),
                example=example,
            )
        )
    if start > end:
        raise EditError(wording.EDIT_PERIOD_BACKWARDS.format(example=example))
    if fiscal_year and not ((fiscal_year - 1, 10) <= start and end <= (fiscal_year, 9)):
        raise EditError(
            wording.EDIT_PERIOD_OUTSIDE.format(
                period=f"{_label(m1, y1)} – {_label(m2, y2)}",
                fiscal_year=fiscal_year,
                span=fiscal_span_th(fiscal_year),
                example=example,
            )
        )
    start_iso, end_iso = f"{y1 - BE_OFFSET:04d}-{m1:02d}", f"{y2 - BE_OFFSET:04d}-{m2:02d}"
    return Period(start_iso, end_iso, format_period(start_iso, end_iso))


def command_period(cmd: EditCommand, fiscal_year: int | None) -> Period:
    """Return the period a timeline edit sets (a deadline runs from the start of the fiscal year)."""
    return parse_period(cmd.value, fiscal_year, deadline=cmd.deadline)
