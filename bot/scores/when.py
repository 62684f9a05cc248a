"""Which year a value is labelled with: several values by the years written before them, one by a year
label between (or right before) its key and itself. Each reads a bounded stretch of one line.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.scores.found import MAX_COLUMNS, Extraction, Header, Ref, row_cells
from bot.scores.prose import BEFORE_LAST, LAST_YEAR, THIS_YEAR, YEAR_LABEL, be_year, year_rank
from bot.scores.reading import record
from bot.scores.text import Num
from bot.scores.years import plan_years

_YEAR_RIGHT_BEFORE = re.compile(r"ปี(?:ที่แล้ว|ก่อน(?:หน้า|โน้น)?|นี้|ล่าสุด)\s*+[(:=]?\s*+$")


def _year_before(line: str, n: Num) -> bool:
    """ "ปีที่แล้ว 84": a relative year right before a whole number (not "ปีนี้ 68 ได้ …", a year itself)."""
    return bool(_YEAR_RIGHT_BEFORE.search(line, max(0, n.start - 16), n.start)) and not re.match(
        r"\s*+(?:ได้|=|:)", line[n.end : n.end + 8]
    )


_VALUE_OR_ASIDE = re.compile(r"\d+\.\d+|\)")


def by_year(ex: Extraction, ref: Ref, window: list[Num], line: str, floor: int, i: int, table: bool) -> bool:
    """ "ปี 67 ได้ 72.5 ปี 68 ได้ 81.25": record each value with the year written before it.

    A year label right before a whole number gives it a score's context: "87.5 (ปีที่แล้ว 84)".
    """
    usable = [
        n for n in window if not n.blocked and (not n.is_int or n.context or n.cell or _year_before(line, n))
    ][:6]
    if len(usable) < 2:
        return False
    ranks: list[int | None] = []
    past: list[bool] = []  # the year is written as a time gone by: "เมื่อปี 66", "ตอนปี 67", "เทียบกับปี 67"
    for k, n in enumerate(usable):
        rank, region = None, ""
        # the key's own year label is close before it; a subject may stand between ("ในปีงบประมาณ 2568
        # โรงเรียนได้คะแนน ITA 91.48 ส่วนปีงบประมาณ 2567 ได้ 89.90"), so a wider stretch is tried next
        for reach in (20, 60) if not k else (0,):
            lo = max(floor, ref.start - reach)
            for m in _VALUE_OR_ASIDE.finditer(
                line, lo, ref.start
            ):  # not the value or aside of what came before
                lo = m.end()
            region = line[usable[k - 1].end : n.start] if k else line[lo : n.start]
            rank = year_rank(region)
            if rank is not None:
                break
        ranks.append(rank)
        past.append(rank is not None and rank < BEFORE_LAST and _gone_by(region))
    if ranks and ranks[0] is None and {r for r in ranks[1:] if r is not None} <= {LAST_YEAR, BEFORE_LAST}:
        ranks[0] = THIS_YEAR  # "87.5 (ปีที่แล้ว 84)": the value before last year's is this year's
    if any(past) and all(p or r is None for p, r in zip(past, ranks, strict=True)):
        # "ตัวชี้วัดที่ 9 ได้ 75.5 เมื่อปี 66 ได้ 88.5": every year written is a time gone by, so a value
        # with none is the latest, this year's
        ranks = [THIS_YEAR if r is None else r for r in ranks]
    labelled = [(n, r) for n, r in zip(usable, ranks, strict=True) if r is not None]
    if len({r for _, r in labelled}) < 2:
        return False
    for n, r in labelled:
        record(ex, ref, n, i, table, year=r)
    return True


# A written year said as a time gone by: "เมื่อปี 66", "ตอนปี 67", "เทียบกับปี 67", "จากปี 66 ที่ได้".
_GONE_BY = re.compile(r"(?:เมื่อ|ตอน|สมัย|เทียบ(?:กับ)?|จาก|เคย(?:ได้)?)\s*+(?:ใน|ช่วง)?\s*+$")


def _gone_by(region: str) -> bool:
    last = None
    for m in YEAR_LABEL.finditer(region):
        last = m
    return last is not None and bool(_GONE_BY.search(region, max(0, last.start() - 16), last.start()))


def tool_year(ref: Ref, window: list[Num], chosen: Num, line: str) -> int | None:
    """ "ITA67 ได้ 86.2": the year written right after the tool's name labels its value; so does a year
    label anywhere between a key and its value ("ITA ปี 2567 = 84.5")."""
    gap = line[ref.end : chosen.start]
    if ref.kind == "overall" and ref.weak:
        years = [n for n in window if n.blocked == "year" and n.end <= chosen.start]
        if years:
            return be_year(years[0].text.strip())
    rank = year_rank(gap) if len(gap) <= 30 else None
    if rank in (LAST_YEAR, BEFORE_LAST) and any(
        n.blocked == "former" and ref.end <= n.start < chosen.start for n in window
    ):
        rank = None  # "ภาพรวมจาก 82.50 ปีที่แล้ว ขึ้นมาเป็น 88.10": the past is the former value's label
    lead = line[max(0, ref.start - 24) : ref.start]  # ("ปีที่แล้วตัวชี้วัดการ…": a topic word between)
    if rank is None and ("ปี" in lead or "รอบ" in lead or "ครั้ง" in lead):  # "ปี 67 ภาพรวม 89.4": a label
        # right before the key, with no value after it
        last = None
        for m in YEAR_LABEL.finditer(lead):
            last = m
        if (
            last
            and not last.group("b")  # a bare "2569" is more often a date's or a deadline's
            and not re.search(r"\d", lead[last.end() :])
            and not plan_years(line[max(0, ref.start - 48) : ref.start])
        ):
            rank = year_rank(lead[last.start() :])
    return rank


def section_years(ex: Extraction, lines: list[str]) -> None:
    """ "ปี 2567 IIT 90.12 … รวม 81.66 / ปี 2568 IIT 93.05 … รวม 89.35": when a key is given two values with
    no year of their own, each takes the year of the last year label before it (its section's), the next
    lines included ("ปี 2564 คะแนนรวม 95.01\nIIT 93.03 …\nปีก่อน (2563) คะแนนรวม 93.75 IIT 93.41 …")."""
    if ex.header_years:
        return  # a comparison table's header gives the years
    values: dict[tuple[str, int | str], set[float]] = {}
    for f in ex.found:
        if f.year is None and not f.fix:
            values.setdefault((f.kind, f.key), set()).add(round(f.value, 2))
    if not any(len(v) > 1 for v in values.values()):
        return
    labels: list[tuple[int, int, int]] = []
    for i, line in enumerate(lines):
        if "ปี" not in line and not re.search(r"25\d\d|20[1-4]\d|ITA|this year|last year", line, re.I):
            continue
        plans = plan_years(line)
        for m in YEAR_LABEL.finditer(line):
            rank = year_rank(m.group(0))
            if rank is not None and rank not in plans:
                labels.append((i, m.end(), rank))
    if len({r for _, _, r in labels}) < 2:
        return
    keys = [(i, at) for i, at, _ in labels]
    years: list[int | None] = []
    for f in ex.found:
        k = bisect_right(keys, (f.line, f.at)) - 1
        years.append(labels[k][2] if f.year is None and k >= 0 else f.year)
    by_year: dict[tuple[str, int | str, int | None], set[float]] = {}
    for f, y in zip(ex.found, years, strict=True):
        if not f.fix:
            by_year.setdefault((f.kind, f.key, y), set()).add(round(f.value, 2))
    if any(len(v) > 1 for v in by_year.values()):
        return  # the years do not part the values: not sections of one message
    for f, y in zip(ex.found, years, strict=True):
        f.year = y


# Words that turn from the past to another time: "ปีที่แล้ว IIT 92.1 แต่ปีนี้ EIT 95".
_CONTRAST = re.compile(r"แต่|ส่วน|ตอนนี้|ล่าสุด|ปัจจุบัน")


def carry_past(ex: Extraction, lines: list[str]) -> None:
    """ "ปีที่แล้ว IIT 92.1 EIT 88.4 OIT 75.3": a past label that opens a line labels the values listed after
    its first one too, until another year label or a turn to another time."""
    by_line: dict[int, list] = {}
    for f in ex.found:
        by_line.setdefault(f.line, []).append(f)
    for i, fs in by_line.items():
        fs.sort(key=lambda f: f.at)
        first, line = fs[0], lines[i]
        label = YEAR_LABEL.search(line, 0, first.at) if first.year in (LAST_YEAR, BEFORE_LAST) else None
        if (
            label is None
            or re.search(r"\d", line[: label.start()])
            or year_rank(label.group(0)) != first.year
        ):
            continue
        prev = first
        for f in fs[1:]:
            between = line[prev.at : f.at]
            if f.year is not None or YEAR_LABEL.search(between) or _CONTRAST.search(between):
                break
            f.year, prev = first.year, f


def year_columns(
    ex: Extraction, ref: Ref, chosen: Num, nums: list[Num], line: str, header: Header, i: int
) -> int | None:
    """A comparison table ("ตัวชี้วัด | ปี 2567 | ปี 2568"): record each earlier year's cell of the row with its
    year, and return the year of the chosen (latest) cell; None when the row's cells do not match the header."""
    if len(header.columns) > MAX_COLUMNS:
        return None  # header rows merged without end: no comparison table
    years = [y for r, y in header.columns if r == "score" and y]
    if len(set(years)) < 2 or "\t" not in line:
        return None
    cells = row_cells(line, ref.end)
    if len(cells) != len(header.columns):
        return None
    latest = max(years)
    for (a, b), (role, year) in zip(cells, header.columns, strict=True):
        inside = [n for n in nums if a <= n.start < b and not n.blocked]
        if role == "score" and year and year != latest and len(inside) == 1 and inside[0] is not chosen:
            record(ex, ref, inside[0], i, True, year=year)
    return latest


# "ปีนี้ยังไม่ประกาศ", "ส่วนปี 68 ผลยังไม่ออก", "ของปีนี้ยังรอประกาศอยู่": a year whose results are not out.
_NOT_OUT = re.compile(
    r"(?P<year>(?:ปี|ครั้ง|รอบ)(?:นี้|ล่าสุด)|this year|ปี(?:งบประมาณ|งบ)?\s*+(?:พ\.ศ\.)?\s*+\d{2,4}(?![\d.]))"
    r"[^\d\n]{0,16}?(?:ยังไม่(?:ได้)?|ยังรอ|รอ)\s*+(?:ผล|การ|ทาง)?\s*+(?:ประกาศ|ออก|ทราบ|ได้ผล|มีผล|รู้ผล|แจ้ง)"
    r"|(?P<en>this year'?s?[^\d\n]{0,20}?not (?:out|announced|published))",
    re.I,
)
# A value that is another year's: "ปีที่แล้วได้ 85", "ผลปีก่อน…", "ปี 67 ได้ 88.5".
# A year written as a number: "ปี 67", "ปีงบประมาณ 2567", "ITA67".
_WRITTEN_YEAR = re.compile(
    r"(?:ปี(?:งบประมาณ|งบ)?\s*+(?:พ\.ศ\.)?\s*+|ITA\s*+)(?:25|๒๕)?[5-7๕-๗]\d(?![\d.])", re.I
)
_PAST = re.compile(r"ปีที่แล้ว|ปีก่อน|ปีที่ผ่านมา|ปีเดิม|(?:ครั้ง|รอบ)(?:ที่แล้ว|ก่อน)|last year", re.I)


def not_out(text: str) -> int | None:
    """Return the year whose results the text says are not out yet (B.E., or THIS_YEAR), else None.

    Only when it also gives another year's values: "ปีที่แล้วได้ 85 ปีนี้ยังไม่ประกาศ" gives last year's
    score, and nothing of this year's; "ภาพรวมยังไม่ประกาศ" names no year and says nothing of the values.
    """
    m = _NOT_OUT.search(text)
    if m is None:
        return None
    digits = re.search(r"\d{2,4}", m.group(0)) if not m.group("en") else None
    year = be_year(digits.group(0)) if digits else THIS_YEAR
    if year is None:
        return None
    if year == THIS_YEAR and not _PAST.search(text) and not _WRITTEN_YEAR.search(text):
        return None  # ("ITA ปี 67 ได้ 88 ปีนี้ยังไม่ประกาศ": a written year's values are then an earlier year's)
    return year
