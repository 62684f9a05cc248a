"""Last year's plan, read from the text of a file the officer sent: is it a plan, and which measures.

Agencies lay their plans out in many ways (tests/data/seeds): a measure table with a column of
measures ("มาตรการ/โครงการ/กิจกรรม", "วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ"), a table of steps by
issue ("ประเด็นที่ควรแก้ไขโดยเร่งด่วน | ขั้นตอนดำเนินการ"), or bullet lines of measures under a
plan's title. The reader finds a table's header by its column words (never by one agency's
layout), then each row's subject (an indicator by number, name or item code; else the indicator
heading above it) and its measure (the measure column, else the first step). A document without
such tables gives its bullet lines that start with an action word, placed by the indicator they
name or, failing that, by the NACC recommendation they repeat. A file is a plan when its head
says "มาตรการ" and at least two measures were found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.ita.framework import Framework
from bot.thai import item_codes, normalize, to_arabic, tokenize

MIN_MEASURES = 2
MAX_MEASURES = 40  # a plan longer than this is offered forward by its first rows only
TITLE_CHARS = 160
HEAD_CHARS = 2000
_SUBJECT_WORDS = ("ตัวชี้วัด", "ประเด็น")
_MEASURE_WORDS = ("มาตรการ", "โครงการ", "กิจกรรม", "วิธีการนำผล", "แนวทาง")
_STEP_WORDS = ("ขั้นตอน", "วิธีดำเนินการ", "วิธีการปฏิบัติ")
_OWNER_WORDS = ("ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ")
_INDICATOR_NO = re.compile(r"ตัวชี้วัดที่\s*(\d{1,2})")
_LEADING_NO = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*(?=[\u0e00-\u0e7f])")
# a list mark at the start of a cell or a part: "- ", "1) ", "๑. ", "(2)", "<p>"
_MARK = re.compile(r"^(?:<p>|\s|[-•*–]|\(?\d{1,2}[.)](?!\d))+")
_PART = re.compile(r"(?:^|\s)(?:-\s|•\s|\(?\d{1,2}[.)](?!\d)\s*)")
_YEAR = re.compile(r"(?:ปีงบประมาณ|ประจำปี|ปี)\s*(?:พ\.ศ\.)?\s*(25[5-7]\d)")
_ACTION = re.compile(
    r"^(?:เพิ่ม|ส่งเสริม|จัด|ปรับปรุง|พัฒนา|แสดง|เปิด|แก้ไข|กำกับ|สร้าง|ประชาสัมพันธ์|เผยแพร่|"
    r"ลด|ตรวจสอบ|ติดตาม|กำหนด|มาตรการ|โครงการ|กิจกรรม)"
)
SIMILAR = 0.6  # a bullet is a recommendation's copy when this share of its words are the recommendation's


@dataclass(frozen=True)
class PastMeasure:
    """One measure of last year's plan: under which indicator, its title, and its steps if printed."""

    indicator: int
    title: str
    steps: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()

    def to_json(self) -> dict:
        """Return the measure as JSON for the session."""
        return {
            "indicator": self.indicator,
            "title": self.title,
            "steps": list(self.steps),
            "owners": list(self.owners),
        }

    @classmethod
    def from_json(cls, data: dict) -> PastMeasure:
        """Read a measure stored by to_json."""
        return cls(
            int(data["indicator"]),
            str(data["title"]),
            tuple(str(s) for s in data.get("steps") or ()),
            tuple(str(o) for o in data.get("owners") or ()),
        )


@dataclass(frozen=True)
class PastPlan:
    """Last year's plan as read: its fiscal year (B.E., if printed) and its measures in order."""

    year: int | None
    measures: list[PastMeasure] = field(default_factory=list)


_TAG = re.compile(r"</?\w+>")  # "<p>" left in cells by a PDF or web copy
MAX_OWNER = 80


def _cells(line: str) -> list[str]:
    return [" ".join(_TAG.sub(" ", c).split()) for c in line.split("\t")]


def _role(cell: str) -> str:
    squashed = cell.replace(" ", "")
    if any(w in squashed for w in _OWNER_WORDS):
        return "owner"
    if any(w in squashed for w in _MEASURE_WORDS) and not squashed.startswith(_SUBJECT_WORDS):
        return "measure"
    if any(w in squashed for w in _STEP_WORDS):
        return "steps"
    if squashed.startswith(_SUBJECT_WORDS) or "ตัวชี้วัด" in squashed:
        return "subject"
    return ""


def _header(cells: list[str]) -> dict[str, int] | None:
    """Return the columns of a plan table's header row (subject, measure or steps, owner), else None."""
    if any(_INDICATOR_NO.search(to_arabic(c)) for c in cells):
        return None  # a row that names an indicator is a row of the table, never its header
    roles: dict[str, int] = {}
    for i, cell in enumerate(cells):
        role = _role(cell) if len(cell) < 120 else ""
        if role and role not in roles:
            roles[role] = i
    if "subject" not in roles or not ({"measure", "steps"} & roles.keys()):
        return None
    return roles


def indicator_in(text: str, fw: Framework) -> int | None:
    """Return the one indicator a cell or line names (by number, name or item code), else None."""
    norm = to_arabic(normalize(text))
    numbered = _INDICATOR_NO.search(norm)
    if numbered and 1 <= int(numbered.group(1)) <= len(fw.indicators):
        return int(numbered.group(1))
    squashed = re.sub(r"(?<=[\u0e00-\u0e7f])\s+(?=[\u0e00-\u0e7f])", "", norm)
    for ind in fw.indicators:
        if any(name.replace(" ", "") in squashed for name in [*ind.all_names(), *ind.misprints]):
            return ind.number
    for code in item_codes(norm):
        number = fw.item_indicator(code)
        if number:
            return number
    lead = _LEADING_NO.match(norm)  # "1. การปฏิบัติ หน้าที่": a numbered subject cell
    if lead and 1 <= int(lead.group(1)) <= len(fw.indicators):
        return int(lead.group(1))
    return None


def _parts(cell: str) -> list[str]:
    """Split a cell into its listed parts ("1) ... 2) ...", "- ... - ...")."""
    pieces = [p.strip(" -•") for p in _PART.split(cell) if p and p.strip(" -•")]
    return [_MARK.sub("", p).strip() for p in pieces if _MARK.sub("", p).strip()]


def _title(text: str) -> str:
    text = _MARK.sub("", text).strip()
    if len(text) <= TITLE_CHARS:
        return text
    cut = text.rfind(" ", 0, TITLE_CHARS)
    return text[: cut if cut > 40 else TITLE_CHARS].rstrip()


def _table_measures(lines: list[str], fw: Framework) -> list[PastMeasure]:
    found: list[PastMeasure] = []
    roles: dict[str, int] | None = None
    carried: int | None = None
    for line in lines:
        if "\t" not in line:
            continue
        cells = _cells(line)
        header = _header(cells)
        if header is not None:
            roles = header
            continue
        filled = [c for c in cells if c]
        if len(filled) == 1 and _INDICATOR_NO.search(to_arabic(filled[0])):
            carried = indicator_in(filled[0], fw)  # "ตัวชี้วัดที่ 2 การใช้งบประมาณ" over its item rows
            continue
        if roles is None:
            continue
        subject = cells[roles["subject"]] if roles["subject"] < len(cells) else ""
        column = roles.get("measure", roles.get("steps", -1))
        action = cells[column] if 0 <= column < len(cells) else ""
        if not subject or not action:
            continue
        number = indicator_in(subject, fw) or carried
        if number is None:
            continue
        parts = _parts(action) or [action]
        steps_at = roles.get("steps")
        steps = _parts(cells[steps_at]) if steps_at is not None and steps_at < len(cells) else parts
        owner_at = roles.get("owner")
        owners = cells[owner_at] if owner_at is not None and owner_at < len(cells) else ""
        found.append(
            PastMeasure(
                number,
                _title(parts[0]),
                tuple(_title(s) for s in steps[:8]),
                tuple(o.strip() for o in re.split(r"[,/]", owners) if 0 < len(o.strip()) <= MAX_OWNER)[:4],
            )
        )
    return found


def _recommended(text: str, fw: Framework) -> int | None:
    """Return the indicator of the NACC recommendation a bullet repeats, if it repeats one."""
    words = set(tokenize(text))
    if not words:
        return None
    best, best_share = None, 0.0
    for rec in fw.recommendations:
        if rec.indicator is None:
            continue
        share = len(words & set(tokenize(rec.text))) / len(words)
        if share > best_share:
            best, best_share = rec.indicator, share
    return best if best_share >= SIMILAR else None


def _bullet_measures(lines: list[str], fw: Framework) -> list[PastMeasure]:
    found: list[PastMeasure] = []
    carried: int | None = None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        bullet = re.match(r"^(?:[-•*]|\(?\d{1,2}[.)])\s*", stripped)
        if bullet is None or len(stripped) > 400:
            if len(stripped) < 120 and _INDICATOR_NO.search(to_arabic(stripped)):
                carried = indicator_in(stripped, fw)
            continue
        body = _MARK.sub("", stripped).strip()
        if not _ACTION.match(body):
            continue
        number = indicator_in(body, fw) or _recommended(body, fw) or carried
        if number is not None:
            found.append(PastMeasure(number, _title(body)))
    return found


def plan_year(text: str) -> int | None:
    """Return the fiscal year a document's head names (B.E.), the latest when it names several."""
    years = [int(y) for y in _YEAR.findall(to_arabic(normalize(text[:HEAD_CHARS])))]
    return max(years) if years else None


def read_plan(text: str, fw: Framework) -> PastPlan | None:
    """Return the plan a document holds (year, measures), or None when it is no measure plan."""
    if "มาตรการ" not in normalize(text[:HEAD_CHARS]).replace(" ", ""):
        return None
    lines = text.splitlines()
    measures = _table_measures(lines, fw) or _bullet_measures(lines, fw)
    seen: set[tuple[int, str]] = set()
    kept = []
    for m in measures:
        key = (m.indicator, m.title)
        if key not in seen:
            seen.add(key)
            kept.append(m)
    if len(kept) < MIN_MEASURES:
        return None
    return PastPlan(plan_year(text), kept[:MAX_MEASURES])


PROSE_LINE = 80  # a line this long without tabs, mostly words: a document's paragraph
PROSE_LINES = 4  # a document has at least this many (a result page or a score list has none)


def is_document(text: str) -> bool:
    """Tell a document (a plan, an analysis, a report) from a result page or a list of scores.

    A result page, read from a screenshot or a PDF, is short lines of names and numbers; a
    document has paragraphs: lines of running text with few numbers in them.
    """
    prose = 0
    for line in text.splitlines():
        flat = line.strip()
        if len(flat) >= PROSE_LINE and "\t" not in flat and len(re.findall(r"\d+(?:\.\d+)?", flat)) <= 3:
            prose += 1
            if prose >= PROSE_LINES:
                return True
    return False
