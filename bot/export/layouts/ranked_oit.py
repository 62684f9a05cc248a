"""ranked-oit (seed 004): indicators ranked by score, measures led by the OIT topics, positions as owners.

Seed 004 (an อบต. at 57.93, OIT at 20.11) ranks its ten indicators by score (อันดับ /
ตัวชี้วัด / คะแนน), says per tool which indicator scored least ("จากลำดับคะแนน พบว่า ..."),
and then plans in a three-column table whose first rows are the OIT topics (ข้อมูลพื้นฐาน,
การบริหารเงินงบประมาณ, ...) each listing what to publish, with the heads of units as owners,
closed by the two reporting dates. Here the measure table runs from the lowest score up;
a failing or middling OIT indicator is split into its OIT topics of the assessment year
(only items whose titles are confirmed are named); owners are positions.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.export.layouts.common import (
    Cell,
    LayoutContext,
    cover,
    finish,
    fit_table,
    heading,
    indicators_by_tool,
    is_item_row,
    numbered,
    overall_sentence,
    para,
    score_table,
    signatures,
    success_and_monitoring,
)
from bot.export.layouts.positions import positions
from bot.export.plan import indicator_name, score_text, year_text
from bot.export.word import Line, new_document
from bot.ita.facts import SOLID, OitItem
from bot.ita.measures import MeasureRow
from bot.ita.tiers import Tier
from bot.thai import round_deadline

OIT_TOOL = "OIT"


@dataclass(frozen=True)
class RankedRow:
    """One row of the ranked table: a measure row, or one OIT topic of an OIT indicator's row."""

    row: MeasureRow
    topic: str  # the first cell: the OIT topic, or the indicator / item
    steps: tuple[str, ...]
    lead: bool = True  # prints the measure's name above the steps (the first row of a measure)


def _group_label(item: OitItem) -> str:
    # 2562–2566 lists key groups "9.1".."10.2" and name them in group_name; 2568 keys them by name.
    return item.group_name if item.group[:1].isdigit() and item.group_name else item.group


def oit_topics(ctx: LayoutContext, row: MeasureRow) -> list[tuple[str, list[OitItem]]]:
    """Return the OIT topics of an OIT indicator's row with their confirmed items (none if unknown)."""
    assessment, _ = ctx.years
    items = [
        i
        for i in ctx.framework.oit.get(assessment or 0, [])
        if i.indicator == row.indicator and i.confidence in SOLID
    ]
    named = [c for c in row.items if c.startswith("O")]
    if named:  # the items the agency failed: only their topics
        items = [i for i in items if i.code in named]
    topics: dict[str, list[OitItem]] = {}
    for item in items:
        topics.setdefault(_group_label(item), []).append(item)
    return list(topics.items())


def ranked_rows(ctx: LayoutContext) -> list[RankedRow]:
    """Return the table's rows from the lowest score up; a weak OIT indicator is led by its topics."""

    def score(r: MeasureRow) -> float:
        return r.score if r.score is not None else ctx.draft.indicators.get(r.indicator, 100.0)

    out: list[RankedRow] = []
    for row in sorted(ctx.draft.rows, key=lambda r: (score(r), r.indicator, is_item_row(r))):
        topics = (
            oit_topics(ctx, row)
            if ctx.tool_of(row.indicator) == OIT_TOOL and row.tier != Tier.MAINTAIN
            else []
        )
        if topics and not is_item_row(row):
            for k, (name, items) in enumerate(topics):
                steps = tuple(f"จัดทำและเผยแพร่ {i.title} ({i.code}) ให้ครบถ้วนและเป็นปัจจุบัน" for i in items)
                out.append(RankedRow(row, name, steps, lead=k == 0))
            # then the indicator's own steps (team, checks, reporting), common to its topics
            out.append(RankedRow(row, ctx.indicator_label(row.indicator), tuple(row.steps), lead=False))
            continue
        out.append(RankedRow(row, row.topic or ctx.indicator_label(row.indicator), tuple(row.steps)))
    return out


def ordered_rows(ctx: LayoutContext) -> list[MeasureRow]:
    """Return the measure rows in the ranked order (each once)."""
    seen: dict[int, MeasureRow] = {}
    for ranked in ranked_rows(ctx):
        seen.setdefault(id(ranked.row), ranked.row)
    return list(seen.values())


def table_cells(ctx: LayoutContext, ranked: RankedRow) -> list[Cell]:
    """Return the four cells: topic and score, steps, positions, period."""
    row = ranked.row
    topic: list[str | Line] = [Line(ranked.topic, bold=True)]
    if ranked.topic != (row.topic or ctx.indicator_label(row.indicator)):
        topic.append(ctx.indicator_label(row.indicator))
    if row.score is not None:
        topic.append(f"{score_text(row.score)} คะแนน")
    steps: list[str | Line] = [Line(row.measure, bold=True)] if ranked.lead else []
    steps.extend(numbered(list(ranked.steps), ctx.style))
    return [topic, steps, positions(list(row.owners)), [row.timeline]]


def _lowest_per_tool(doc, ctx: LayoutContext) -> None:
    scores = ctx.draft.indicators
    for code, numbers in indicators_by_tool(ctx).items():
        tool = ctx.draft.tools.get(code)
        lead = f"{ctx.tool_label(code)}"
        if tool is not None:
            lead += f" มีค่าคะแนนเท่ากับ {score_text(tool)} คะแนน"
        lowest = min(numbers, key=lambda n: scores[n])
        text = (
            f"{lead} ประกอบด้วย {len(numbers)} ตัวชี้วัด จากลำดับคะแนน พบว่า ตัวชี้วัดที่ {lowest} "
            f"{indicator_name(ctx.framework, lowest)} มีค่าคะแนนน้อยที่สุดในกลุ่มเครื่องมือ "
            f"({score_text(scores[lowest])} คะแนน)"
        )
        para(doc, text, indent_cm=1)


def render(ctx: LayoutContext, chart_png: bytes | None = None) -> bytes:
    """Return the ranked plan as .docx bytes."""
    assessment, fiscal = ctx.years
    doc = new_document()
    cover(
        doc,
        ctx,
        ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", f"ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)}"],
    )
    heading(doc, f"1. ผลคะแนนการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year_text(assessment)}")
    para(doc, overall_sentence(ctx), indent_cm=1)
    scores = ctx.draft.indicators
    if scores:
        para(doc, "ลำดับคะแนนรายตัวชี้วัด จากคะแนนสูงสุดถึงต่ำสุด", bold=True).paragraph_format.keep_with_next = True
        score_table(doc, ctx, sorted(scores, key=lambda n: (-scores[n], n)), rank=True)
        heading(doc, "2. การวิเคราะห์ผลคะแนนรายเครื่องมือ")
        _lowest_per_tool(doc, ctx)
    heading(
        doc,
        f"3. มาตรการขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)}",
    )
    para(
        doc,
        "เรียงตามคะแนนจากต่ำสุดขึ้นไป ตัวชี้วัดด้านการเปิดเผยข้อมูลสาธารณะ (OIT) ที่ยังไม่ถึงเกณฑ์แสดงตามหัวข้อที่ต้องเผยแพร่",
        indent_cm=1,
    )
    ranked = ranked_rows(ctx)
    if ranked:
        headers = (
            ("ตัวชี้วัด/หัวข้อ",),
            ("ขั้นตอนและวิธีการปฏิบัติ", f"เพื่อดำเนินการในปี พ.ศ. {year_text(fiscal)}"),
            ("ผู้รับผิดชอบ",),
            ("ระยะเวลา",),
        )
        fit_table(doc, headers, [table_cells(ctx, r) for r in ranked])
    else:
        para(doc, "- ยังไม่มีมาตรการ -", center=True)
    closing = (
        "ให้ผู้ที่ได้รับมอบหมายรายงานความก้าวหน้าและสรุปผลการดำเนินงานภายในวันที่ "
        f"{round_deadline(fiscal, 6)} และวันที่ {round_deadline(fiscal, 12)}"
    )
    if ctx.executive:
        closing += f" ต่อ{ctx.executive}"
    para(doc)
    para(doc, closing, indent_cm=1)
    success_and_monitoring(doc, ctx, 4)
    signatures(doc, ctx)
    return finish(doc, ctx)


# ---------------------------------------------------------------------- Excel and progress report
XLSX_HEADERS = ("ลำดับ", "ตัวชี้วัด/หัวข้อ", "คะแนน", "ขั้นตอนและวิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลา")
XLSX_WIDTHS = (8, 34, 10, 64, 32, 18)
REPORT_HEADERS = (("ลำดับ",), ("ตัวชี้วัด/หัวข้อ",), ("ผู้รับผิดชอบ",), ("ระยะเวลา",))


def xlsx_rows(ctx: LayoutContext) -> list[list[object]]:
    """Return the ranked rows, lowest score first."""
    out: list[list[object]] = []
    for i, ranked in enumerate(ranked_rows(ctx), start=1):
        steps = ([ranked.row.measure] if ranked.lead else []) + numbered(list(ranked.steps), ctx.style)
        out.append(
            [
                i,
                ranked.topic,
                ranked.row.score,
                "\n".join(steps),
                "\n".join(positions(list(ranked.row.owners))),
                ranked.row.timeline,
            ]
        )
    return out


def report_rows(ctx: LayoutContext, round_months: int) -> list[list[list[str]]]:
    """Return the printed cells: rank, topic, positions, period."""
    return [
        [[str(i)], [r.topic], positions(list(r.row.owners)), [r.row.timeline]]
        for i, r in enumerate(ranked_rows(ctx), start=1)
    ]
