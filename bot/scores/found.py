"""What the score reader finds: references, scores read, a message's extraction, and table header rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.scores.text import Num

LOOSE_LIMIT = 130
MAX_COLUMNS = 12  # a score table's numeric columns; more is header rows merged without end


@dataclass
class Ref:
    """A place in the text that names what the next score belongs to."""

    kind: str  # "indicator" | "item" | "tool" | "toolpart" | "overall"
    key: int | str
    start: int
    end: int
    strict: bool = False  # name-only or tool: only score words may stand before the number
    weak: bool = False  # "ITA" as a stand-in for the overall score
    limit: int = LOOSE_LIMIT
    note: str = ""
    guess: str = ""  # a misspelt name read as this indicator: asked back (ParseResult.unsure)


@dataclass
class Found:
    """One score read from the text."""

    kind: str
    key: int | str
    value: float
    line: int
    table: bool
    weak: bool = False
    fix: bool = False  # written as a correction of the value before it ("เอ้ย 85", "แก้เป็น 66")
    year: int | None = None  # the year label written before it (B.E., or prose.THIS_YEAR / LAST_YEAR)
    at: int = 0  # where the value starts in its line


@dataclass
class Extraction:
    found: list[Found] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    header_years: list[int] = field(default_factory=list)
    result_years: list[int] = field(default_factory=list)
    score_years: list[int] = field(default_factory=list)
    fixed_years: list[int] = field(default_factory=list)  # "เอ้ย ปี 68 ค่ะ": the year corrected
    line_years: dict[int, list[int]] = field(default_factory=dict)
    plan_years: list[int] = field(default_factory=list)  # "ร่างมาตรการปีงบ 69": the plan's fiscal year
    numbers: list[tuple[int, str, list[Num], int]] = field(default_factory=list)  # line, text, nums, 1st ref
    unsure: list[str] = field(default_factory=list)
    named_items: list[str] = field(default_factory=list)  # named as missing or failed, with no score


@dataclass
class Header:
    labelled: bool = False
    years: list[int] = field(default_factory=list)
    columns: list[tuple[str, int | None]] = field(default_factory=list)  # numeric columns: role, year


HEADER_WORDS = {
    "ตัวชี้วัดที่",
    "ตัวชี้วัด",
    "ตชว",
    "ตชว.",
    "ลำดับ",
    "ลำดับที่",
    "อันดับ",
    "ที่",
    "no",
    "no.",
    "คะแนน",
    "รายละเอียดตัวชี้วัด",
    "ชื่อตัวชี้วัด",
    "แบบ",
    "เครื่องมือ",
    "ผลต่าง",
    "ระดับ",
    "ข้อ",
    "ข้อที่",
    "ประเด็น",
    "indicator",
    "score",
    "ผลการประเมิน",
    "คะแนนที่ได้",
    "หมายเหตุ",
    # the header words a CSV export or an English sheet uses
    "tool",
    "tools",
    "item",
    "items",
    "code",
    "result",
    "results",
    "name",
    "indicators",
    "ผล",
    "รหัส",
    "รายการ",
    "หัวข้อ",
}


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"\t|\s{2,}", line.strip())]


_HEAD_YEAR = re.compile(
    r"(?P<what>คะแนน|ผลคะแนน|ผลการประเมิน|ผลประเมิน|เป้าหมาย|ค่าเป้าหมาย|target)?\s*"
    r"(?:(?:(?:ปี\s*(?:งบประมาณ\s*)?|FY\s*)?(?:พ\.ศ\.)?\s*)?(?P<y>25\d\d|20\d\d)"
    # "ปี67": a two-digit B.E. year, only after the word for year
    r"|ปี\s*(?:งบ(?:ประมาณ)?\s*)?(?:พ\.ศ\.)?\s*(?P<yy>[5-8]\d))",
    re.IGNORECASE,
)
# Columns that hold numbers which are not the agency's result: targets and thresholds, averages of other
# agencies (a benchmark to compare with), and the change between years.
# A wider group's column (the province, the country) is a benchmark too, and a tool's column beside its
# indicators ("รวมแบบวัด", merged over their rows) holds the tool's score, not the row's.
_HEAD_OTHER = re.compile(
    r"(?P<target>(?:ค่า)?(?:เป้าหมาย|เกณฑ์)\S*|target)|(?P<average>(?:คะแนน|ผล)?(?:ค่า)?เฉลี่ย\S*|average|mean"
    r"|(?:คะแนน|ผล)?(?:ระดับ|ทั้ง|ภาพรวม)?(?:จังหวัด|ประเทศ|เขต|กลุ่ม)\S*|province|national)"
    # (the change between years, however the header words it: "เพิ่ม/ลด", "เพิ่มขึ้น (ลดลง)", "ขึ้น/ลง", "change")
    r"|(?P<diff>ผลต่าง\S*|ส่วนต่าง|(?:การ)?เปลี่ยนแปลง|[+\-±]/?[-+]?|change|diff(?:erence)?|Δ"
    r"|(?:เพิ่ม(?:ขึ้น)?|ขึ้น)\s*+[/\-(]?\s*+(?:ลด(?:ลง)?|ลง)\s*+\)?)"
    r"|(?P<tool>(?:คะแนน)?(?:รวม|ราย)(?:แบบวัด|เครื่องมือ)\S*|(?:คะแนน)(?:แบบวัด|เครื่องมือ)\S*)",
    re.IGNORECASE,
)
# Numeric columns beside the score that hold no score: counts of items or respondents, weights and
# weighted parts ("คะแนนถ่วงน้ำหนัก"), a rank ("ลำดับ" after the first column).
_HEAD_NOT_SCORE = re.compile(
    r"จำนวน|น้ำหนัก|ลำดับ|อันดับ|ผู้ตอบ|กลุ่มตัวอย่าง|weight|rank|count|respondent", re.IGNORECASE
)
# The agency's own result: "คะแนน", "ร้อยละ", "%", or a column headed by the agency ("หน่วยงาน", "ของเรา").
_HEAD_ROLE = {"คะแนน": "score", "ผลคะแนน": "score", "คะแนนที่ได้": "score", "score": "score", "ผลต่าง": "diff"}
_HEAD_ROLE |= {"ร้อยละ": "score", "%": "score", "คะแนน(%)": "score", "หน่วยงาน": "score", "ของเรา": "score"}
_HEAD_ROLE |= {"หน่วยงานเรา": "score", "เรา": "score", "ผลของหน่วยงาน": "score"}
# and the score words with the agency as owner: "คะแนนของหน่วยงาน", "ผลคะแนนที่ได้", "คะแนน ITA ของเรา".
_HEAD_SCORE = re.compile(
    r"(?:ผล)?(?:คะแนน|การประเมิน|ประเมิน)\s*+(?:ที่ได้(?:รับ)?|ITA)?\s*+(?:ของ)?\s*+(?:หน่วยงาน(?:เรา)?|เรา)?", re.I
)


_LEAD_IN = re.compile(r"[^\t|]{1,40}?(?:ค่ะ|ครับ|คะ|จ้า|นะ)\s++")


def header_row(line: str) -> Header | None:
    """Read a table header row: its year columns, the role of each numeric column, and whether it is labelled."""
    cells = [c for c in _cells(line) if c]
    if not cells or re.search(r"(?<!\d)\d++\.\d", line):
        return None
    if len(cells) == 1 and re.search(r"(?<![A-Za-z])ITA(?![A-Za-z])|ภาพรวม|คะแนนรวม", cells[0], re.I):
        return None  # "คะแนน ITA" alone on a line labels the one value below it, not a column
    # "ส่งคะแนนค่ะ ตัวชี้วัด | คะแนน": a lead-in typed before the pasted header, on its line
    lead = _LEAD_IN.match(cells[0])
    if lead and cells[0][lead.end() :].lower() in HEADER_WORDS:
        cells[0] = cells[0][lead.end() :]
    years: list[int] = []
    words = 0
    columns: list[tuple[str, int | None]] = []
    for k, c in enumerate(cells):
        y = _HEAD_YEAR.fullmatch(c)
        if (
            len(cells) >= 2
            and (k or c.lower() not in HEADER_WORDS)
            and _HEAD_NOT_SCORE.search(c)
            and not re.search(r"\d", c)
        ):
            words += 1
            columns.append(("other", None))  # a count, a weight or a rank beside the score
        elif y:
            raw = y.group("y") or "25" + y.group("yy")
            year = int(raw) + (543 if raw.startswith("20") else 0)
            if y.group("what") and y.group("what").lower() in ("เป้าหมาย", "ค่าเป้าหมาย", "target"):
                columns.append(("target", None))  # a target column's year is the plan's, not a result
            else:
                years.append(year)
                columns.append(("score", year))
        elif (
            c.lower() in HEADER_WORDS
            or c.lower() in _HEAD_ROLE
            or _HEAD_OTHER.fullmatch(c)
            or _HEAD_SCORE.fullmatch(c)
        ):
            words += 1
            other = _HEAD_OTHER.fullmatch(c)
            role = (other.lastgroup if other else None) or _HEAD_ROLE.get(c.lower())
            role = role or ("score" if c.lower() not in HEADER_WORDS and _HEAD_SCORE.fullmatch(c) else None)
            if role:
                columns.append((role, None))
        else:
            return None
    if not words and not years:
        return None
    low = {c.lower() for c in cells}
    # numbers in the first column are indicator numbers when that column is headed "indicator" (not "rank")
    labelled = bool(
        low & {"ตัวชี้วัดที่", "ข้อ", "ข้อที่", "no", "no."} or cells[0] in ("ตัวชี้วัด", "indicator")
    ) and not low & {"ลำดับ", "อันดับ", "ลำดับที่"}
    return Header(labelled, years, columns)


def row_cells(line: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each non-empty tab cell of a line from start on."""
    cells: list[tuple[int, int]] = []
    at = start
    for part in line[start:].split("\t"):
        if part.strip():
            cells.append((at, at + len(part)))
        at += len(part) + 1
    return cells


def column_value(ref_end: int, nums: list[Num], line: str, header: Header) -> tuple[bool, Num | None]:
    """The value under the header's score column (the latest year's) in a tab row whose cells after the
    reference match the header's numeric columns one to one ("IIT | 30 | 1,250 | 95.40" under "เครื่องมือ |
    จำนวนข้อ | จำนวนผู้ตอบ | คะแนน"), or None if that cell holds none; (False, None) when cells do not match."""
    cells = row_cells(line, ref_end)
    if len(cells) != len(header.columns) or not any(r == "score" for r, _ in header.columns):
        return False, None
    scored = [(y or 0, k) for k, (r, y) in enumerate(header.columns) if r == "score"]
    a, b = cells[max(scored)[1]]
    inside = [n for n in nums if a <= n.start < b and not n.blocked]
    return True, inside[0] if len(inside) == 1 else None
