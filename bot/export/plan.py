"""The plan laid out once: the measure-table columns, cell texts and years every export draws.

docx, xlsx, report and chart draw from here. The framework (indicator names, tools)
is passed in by the caller (bot.export.Exporters, built by bot.app): nothing here
reads settings or files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.export import house
from bot.export.word import Line
from bot.ita.framework import Framework
from bot.ita.measures import Draft, MeasureRow
from bot.ita.tiers import Tier


@dataclass(frozen=True)
class Column:
    """One column of a measure table: header lines, its share of the width and its narrowest width."""

    lines: tuple[str, ...]  # the header split where a Thai reader expects the break
    weight: float  # relative width; xlsx turns these into character widths
    min_cm: float = 1.5  # the Word table never makes the column narrower (its header must fit)

    @property
    def header(self) -> str:
        """Return the header as one string."""
        return "".join(self.lines)


# The spreadsheet keeps one column per field, so officers can filter and track by column.
# Order follows seed 001/002 (indicator, analysis, measure, steps, owner, period) and adds the
# monitoring/reporting/KPI columns seed 003 and ita-framework.md §5.2 ask for. Weights follow
# how long each cell usually is: steps and analysis are the longest texts.
MEASURE_COLUMNS: tuple[Column, ...] = (
    Column(("ตัวชี้วัด/", "ประเด็น"), 9),
    Column(("ผลการวิเคราะห์",), 12.5),
    Column(("มาตรการ/", "โครงการ/กิจกรรม"), 10.5),
    Column(("ขั้นตอน/", "วิธีดำเนินการ"), 16.5),
    Column(("ผู้รับผิดชอบ",), 8),
    Column(("ระยะเวลา", "ดำเนินการ"), 9),
    Column(("แนวทาง", "การกำกับติดตาม"), 10.5),
    Column(("การรายงานผล",), 9),
    Column(("ตัวชี้วัด", "ความสำเร็จ"), 9),
    Column(("แหล่งอ้างอิง",), 6.5),
)
MEASURE_HEADERS: tuple[str, ...] = tuple(c.header for c in MEASURE_COLUMNS)

# The Word plan is read on paper. Ten columns of 14 pt Thai on A4 landscape leave a few
# words per line (26 pages for ten rows); the seeds print three to six columns. The plan
# prints every field in seven: the measure heads its steps and cites its sources by number
# ([n] in the appendix, which quotes each passage once), as seed 002 lists measures over
# their steps, and the reporting line joins the monitoring cell, as seed 003 pairs them.
# min_cm: the widest header line in Laksaman Bold 14 pt plus cell padding.
PLAN_COLUMNS: tuple[Column, ...] = (
    Column(("ตัวชี้วัด/", "ประเด็น"), 9, 2.0),
    Column(("ผลการ", "วิเคราะห์"), 12.5, 2.1),
    Column(("มาตรการ/โครงการ/กิจกรรม", "และขั้นตอนดำเนินการ"), 27, 3.0),
    Column(("ผู้รับผิดชอบ",), 8, 2.7),
    Column(("ระยะเวลา", "ดำเนินการ"), 9, 2.4),
    Column(("การกำกับ", "ติดตามและ", "รายงานผล"), 12, 2.6),
    Column(("ตัวชี้วัด", "ความสำเร็จ"), 9, 2.7),
)
PLAN_HEADERS: tuple[str, ...] = tuple(c.header for c in PLAN_COLUMNS)
REPORTING_LABEL = "รายงานผล: "
SOURCES_LABEL = "แหล่งอ้างอิง "


def indicator_name(framework: Framework, number: int) -> str:
    """Return the canonical Thai name of an indicator."""
    return framework.indicator(number).name


def tool_name(framework: Framework, code: str) -> str:
    """Return the full Thai name of a tool (IIT/EIT/OIT), or the code if unknown."""
    return next((t.name for t in framework.tools if t.code == code), code)


def tier_for(score: float, thresholds: tuple[float, float]) -> Tier:
    """Return the development tier of a score against the draft's (low, high) thresholds."""
    low, high = thresholds
    if score < low:
        return Tier.URGENT
    return Tier.IMPROVE if score < high else Tier.MAINTAIN


def plan_years(draft: Draft) -> tuple[int | None, int | None]:
    """Return (assessment year, fiscal year of the measures), B.E., from the draft or its profile."""
    assessment = draft.assessment_year or draft.agency.assessment_year
    fiscal = draft.fiscal_year or draft.agency.measures_year()
    if fiscal is None and assessment:
        fiscal = assessment + 1  # results of year N drive the measures of FY N+1 (§6.2)
    return assessment, fiscal


def year_text(year: int | None) -> str:
    """Return a B.E. year, or a dotted blank the officer fills in by hand."""
    return str(year) if year else "........"


def score_text(score: float | None) -> str:
    """Return a score with two decimals as ITAS prints it, or a dash."""
    return f"{score:.2f}" if score is not None else "-"


def topic_lines(row: MeasureRow, framework: Framework) -> list[str]:
    """Return the ตัวชี้วัด/ประเด็น cell: topic, weak items, score and tier."""
    lines = [row.topic or f"ตัวชี้วัดที่ {row.indicator} {indicator_name(framework, row.indicator)}"]
    if row.items:
        lines.append("ประเด็น: " + ", ".join(row.items))
    if row.score is not None:
        lines.append(f"คะแนน {score_text(row.score)}")
    lines.append(f"({row.tier})")
    return lines


def _numbered_steps(row: MeasureRow) -> list[str]:
    # The drafter numbers its steps already and edits may add "1)": number them once, afresh.
    return renumbered(row.steps)


def measure_cells(row: MeasureRow, framework: Framework) -> list[list[str]]:
    """Return the ten spreadsheet cells of one measure row, each as a list of paragraphs."""
    return [
        topic_lines(row, framework),
        [row.analysis],
        [row.measure],
        _numbered_steps(row),
        list(row.owners),
        [row.timeline],
        [row.monitoring],
        [row.reporting],
        [row.kpi],
        [s.source for s in row.sources],
    ]


def plan_cells(
    row: MeasureRow, references: dict[tuple[str, str], int], framework: Framework
) -> list[list[Line]]:
    """Return the seven Word-plan cells of one row; sources become their numbers in `references`."""
    numbers = sorted({references[(s.source, s.text)] for s in row.sources})
    measure = [Line(row.measure, bold=True), *(Line(s) for s in _numbered_steps(row))]
    if numbers:
        measure.append(Line(SOURCES_LABEL + " ".join(f"[{n}]" for n in numbers), italic=True))
    monitoring = [Line(row.monitoring)] if row.monitoring else []
    if row.reporting:
        monitoring.append(Line(REPORTING_LABEL + row.reporting))
    return [
        [Line(t) for t in topic_lines(row, framework)],
        [Line(row.analysis)],
        measure,
        [Line(o) for o in row.owners],
        [Line(row.timeline)],
        monitoring,
        [Line(row.kpi)],
    ]


def unique_sources(draft: Draft) -> list[tuple[str, str]]:
    """Return every (source, passage) cited by the rows, first citation first, without repeats."""
    seen: dict[tuple[str, str], None] = {}
    for row in draft.rows:
        for src in row.sources:
            seen.setdefault((src.source, src.text), None)
    return list(seen)


def reference_numbers(draft: Draft) -> dict[tuple[str, str], int]:
    """Number every cited (source, passage) from 1, in order of first citation."""
    return {pair: n for n, pair in enumerate(unique_sources(draft), start=1)}


# -- the published plan (docx, default layout) --------------------------------------------------
# Five columns: the indicator heads its analysis (as seed 002 heads each analysis with its
# indicator), owners share a cell with the period, monitoring with reporting. Two fewer
# narrow columns leave the width to the long texts, so a ten-row plan prints in about ten
# landscape pages. Sources are not printed: the published plan cites only the agency's own
# results, the NACC recommendations and the OIT criteria (the review copy keeps them).
# One header line each (a second line on every page is half a page over ten rows): the
# period and the reporting are labelled in their cells ("ระยะเวลา …", "รายงานผล: …").
PUBLISHED_COLUMNS: tuple[Column, ...] = (
    Column(("ตัวชี้วัด/ผลการวิเคราะห์",), 12.5, 2.6),
    Column(("มาตรการ/โครงการ/กิจกรรม และขั้นตอนดำเนินการ",), 27, 4.4),
    Column(("ผู้รับผิดชอบ",), 8, 2.4),
    Column(("การกำกับติดตาม",), 12, 2.9),
    Column(("ตัวชี้วัดความสำเร็จ",), 9, 1.9),
)
PUBLISHED_HEADERS: tuple[str, ...] = tuple(c.header for c in PUBLISHED_COLUMNS)
TIMELINE_LABEL = "ระยะเวลา "
CONTINUED = " (ต่อ)"
_NUMBERING = re.compile(r"^\s*(?:[(\[]?\d{1,2}\s*[.)\]]\s*)+")
_FISCAL_SUFFIX = re.compile(r"\s*ประจำปี(?:งบประมาณ)?\s*(?:พ\.ศ\.)?\s*\d{4}\s*$")


def renumbered(steps: list[str], style: dict[str, str] | None = None) -> list[str]:
    """Return steps numbered 1., 2., ... (or the house's "1)", "(1)") whatever numbering they
    carried ("1) 1." is never printed)."""
    return [
        f"{house.number(style or {}, i)} {_NUMBERING.sub('', step).strip()}"
        for i, step in enumerate(steps, start=1)
    ]


def without_fiscal_year(text: str) -> str:
    """Drop a trailing "ประจำปีงบประมาณ พ.ศ. NNNN": the heading states the fiscal year once."""
    return _FISCAL_SUFFIX.sub("", text)


def own_voice(text: str, agency: str) -> str:
    """Return text with the agency's own name read as "หน่วยงาน" (the cover names it once)."""
    return text.replace(agency, "หน่วยงาน") if agency else text


def short_topic(row: MeasureRow, framework: Framework) -> str:
    """Return the row's indicator and items in one short line, e.g. "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"."""
    return row.topic or f"ตัวชี้วัดที่ {row.indicator} {indicator_name(framework, row.indicator)}"


# How an agency's own plan heads an indicator row, by agency type (the seeds: a school writes
# "ตัวชี้วัดประสิทธิภาพการสื่อสาร" (000), a municipality "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร" (001),
# an อบต. the topic alone (004), others "7. ประสิทธิภาพการสื่อสาร" (002)). An item row leads with
# its item ("I14 การประเมินผล…", 003) and names its indicator on the line below.
TOPIC_FORMS = {
    "school": "ตัวชี้วัด{name}",
    "esa": "ตัวชี้วัด{name}",
    "sao": "{name}",
    "municipality_subdistrict": "ตัวชี้วัดที่ {n} {name}",
    "municipality_town": "ตัวชี้วัดที่ {n} {name}",
    "municipality_city": "ตัวชี้วัดที่ {n} {name}",
    "pao": "ตัวชี้วัดที่ {n} {name}",
}
OTHER_TOPIC = "{n}. {name}"
_ITEM_TOPIC = " – ข้อ "


def printed_topic(
    row: MeasureRow, framework: Framework, agency_type: str = "", style: dict[str, str] | None = None
) -> tuple[str, str]:
    """Return (the row's heading as the agency's plan prints it, what the line below adds): in the
    house style's heading form (Draft.style) when it has one, else the agency type's."""
    if not agency_type and not (style or {}).get("heading"):
        return short_topic(row, framework), ""
    if _ITEM_TOPIC in row.topic and len(row.items) == 1:
        head, item = row.topic.split(_ITEM_TOPIC, 1)
        return item, head
    name = indicator_name(framework, row.indicator)
    if not row.topic.startswith(f"ตัวชี้วัดที่ {row.indicator} {name}"):
        return short_topic(row, framework), ""  # a topic the officer wrote is printed as written
    form = TOPIC_FORMS.get(agency_type, OTHER_TOPIC)
    head = house.heading(style or {}, row.indicator, name) or form.format(n=row.indicator, name=name)
    return head + row.topic.removeprefix(f"ตัวชี้วัดที่ {row.indicator} {name}"), ""


def common_reporting(rows: list[MeasureRow]) -> str:
    """Return the closing words every row's reporting shares (whom to and when), or "".

    Rows drafted for one agency report to the same executive at the same rounds; the plan
    says it once under the table instead of in every row.
    """
    if len(rows) < 2:
        return ""
    split = [r.reporting.split(" ") for r in rows]
    shared: list[str] = []
    for words in zip(*(reversed(s) for s in split), strict=False):
        if len(set(words)) != 1:
            break
        shared.insert(0, words[0])
    if len(shared) < 3 or any(len(s) <= len(shared) for s in split):
        return ""  # a few words, or a whole reporting text: nothing worth saying once
    return " ".join(shared)


def published_cells(
    row: MeasureRow,
    framework: Framework,
    agency: str = "",
    shared_reporting: str = "",
    agency_type: str = "",
    style: dict[str, str] | None = None,
) -> list[list[Line]]:
    """Return the five cells of one row of the published plan (no sources, no internal notes).

    `agency` is the officer's agency: printed once on the cover, it reads "หน่วยงาน" in rows.
    `shared_reporting` (common_reporting) is said once under the table, so left out here.
    `style` is the agency's house style (Draft.style, bot.export.house): heading, period, step
    numbers, digits and owners in its own forms.
    """
    style = style or {}

    def own(text: str) -> str:
        return own_voice(text, agency)

    cells = _published(row, framework, own, shared_reporting, agency_type, style)
    if style.get("digits") != "thai":
        return cells
    return [[line._replace(text=house.digits(style, line.text)) for line in cell] for cell in cells]


def _published(
    row: MeasureRow,
    framework: Framework,
    own: Callable[[str], str],
    shared_reporting: str,
    agency_type: str,
    style: dict[str, str],
) -> list[list[Line]]:
    topic, under = printed_topic(row, framework, agency_type, style)
    head = [Line(topic, bold=True)]
    facts = [under, f"คะแนน {score_text(row.score)}" if row.score is not None else "", f"({row.tier})"]
    if row.items and not under:
        facts.append("ประเด็น: " + ", ".join(row.items))
    head.append(Line(" ".join(f for f in facts if f)))
    monitoring = [Line(own(row.monitoring))] if row.monitoring else []
    reporting = row.reporting.removesuffix(shared_reporting).strip() if shared_reporting else row.reporting
    if reporting:
        monitoring.append(Line(REPORTING_LABEL + own(reporting)))
    return [
        [*head, Line(own(row.analysis))],
        [
            Line(own(without_fiscal_year(row.measure)), bold=True),
            *(Line(own(s)) for s in renumbered(row.steps, style)),
        ],
        [
            *(Line(o) for o in house.owners(style, list(row.owners))),
            Line(
                TIMELINE_LABEL + house.period(style, row.timeline, row.start_month, row.end_month),
                italic=True,
            ),
        ],
        monitoring,
        [Line(k.strip()) for k in row.kpi.split(";") if k.strip()],
    ]
