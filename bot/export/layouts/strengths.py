"""strengths-weaknesses (seed 000): strengths and weaknesses split at a threshold, then bullets per weakness.

The school's plan of seed 000 reads: ๑ หลักการและเหตุผล, ๒ the overall result, ๓.๑ จุดแข็ง
(indicators above the line, each with its score and what it measures), ๓.๒ จุดอ่อนที่ต้องพัฒนา
(below the line), ๔ ข้อเสนอแนะ as "-" bullets. Here the line is the draft's lower
threshold (the NACC pass mark, 85 by default); the bullets of each weakness are its
measure and steps, closed by who does it and when.
"""

from __future__ import annotations

from bot.export.layouts.common import (
    LayoutContext,
    cover,
    finish,
    heading,
    indicator_analysis,
    indicator_heading,
    is_item_row,
    item_name,
    overall_sentence,
    para,
    plain_steps,
    rows_of,
    score_table,
    signatures,
    success_and_monitoring,
    threshold_text,
)
from bot.export.plan import year_text
from bot.export.word import new_document
from bot.ita.measures import MeasureRow
from bot.ita.tiers import Tier

PRINCIPLE = (
    "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
    "เป็นเครื่องมือที่มุ่งพัฒนาการดำเนินงานของหน่วยงานภาครัฐในเชิงสร้างสรรค์ "
    "ให้หน่วยงานได้รับทราบสถานะและจุดที่ต้องพัฒนาด้านคุณธรรมและความโปร่งใสของตน "
    "และนำผลการประเมินไปกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานอย่างเป็นรูปธรรม"
)


def split(ctx: LayoutContext) -> tuple[list[int], list[int]]:
    """Return (strengths, weaknesses): indicators at or above the lower threshold, and below it."""
    line = ctx.draft.thresholds[0]
    scores = ctx.draft.indicators
    strengths = sorted((n for n in scores if scores[n] >= line), key=lambda n: -scores[n])
    weaknesses = sorted((n for n in scores if scores[n] < line), key=lambda n: scores[n])
    return strengths, weaknesses


def _indicator_paragraph(doc, ctx: LayoutContext, i: int, number: int, *, strength: bool = False) -> None:
    indicator_heading(doc, ctx, number, f"({i}) ")
    lead = ""
    if strength and ctx.tier_of(number) != Tier.MAINTAIN:
        # Under "จุดแข็ง" a row that still has work ("ยังไม่…") says first that it passed, then why
        # it can still improve: a strength heading over a bare shortcoming reads as a contradiction.
        lead = f"ได้คะแนนผ่านเกณฑ์ {threshold_text(ctx.draft.thresholds[0])} คะแนนแล้ว แต่ยังพัฒนาต่อได้ เนื่องจาก"
    indicator_analysis(doc, ctx, number, lead=lead)


def _bullets(doc, ctx: LayoutContext, row: MeasureRow, *, steps: bool = True) -> None:
    """Print a row as seed 000's "-" bullets: the measure, its steps, who and when, the KPI."""
    label = f"{item_name(row)}: " if is_item_row(row) else ""
    para(doc, f"- {label}{row.measure}", bold=True, indent_cm=1).paragraph_format.keep_with_next = True
    if steps:
        for step in plain_steps(row):
            para(doc, f"- {step}", indent_cm=1.5)
    para(doc, f"ผู้รับผิดชอบ: {', '.join(row.owners)}  ระยะเวลา: {row.timeline}", indent_cm=1.5)
    if steps:
        para(doc, f"ตัวชี้วัดความสำเร็จ: {row.kpi}", indent_cm=1.5)


def render(ctx: LayoutContext, chart_png: bytes | None = None) -> bytes:
    """Return the strengths-and-weaknesses plan as .docx bytes."""
    assessment, fiscal = ctx.years
    doc = new_document()
    cover(
        doc,
        ctx,
        [
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            f"ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)}",
        ],
    )
    heading(doc, "1. หลักการและเหตุผล")
    para(doc, PRINCIPLE, indent_cm=1)
    heading(doc, f"2. ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year_text(assessment)}")
    para(doc, overall_sentence(ctx), indent_cm=1)
    if ctx.draft.indicators:
        score_table(doc, ctx, sorted(ctx.draft.indicators))
    strengths, weaknesses = split(ctx)
    line = threshold_text(ctx.draft.thresholds[0])
    heading(doc, "3. การวิเคราะห์ผลการประเมิน: จุดแข็งและจุดอ่อน")
    heading(doc, f"3.1 จุดแข็ง (ตัวชี้วัดที่ได้คะแนนตั้งแต่ {line} คะแนนขึ้นไป) จำนวน {len(strengths)} ตัวชี้วัด", 2)
    for i, number in enumerate(strengths, start=1):
        _indicator_paragraph(doc, ctx, i, number, strength=True)
    if not strengths:
        para(doc, "ไม่มีตัวชี้วัดที่ได้คะแนนถึงเกณฑ์นี้", indent_cm=1)
    heading(
        doc,
        f"3.2 จุดอ่อนที่ต้องพัฒนา (ตัวชี้วัดที่ได้คะแนนต่ำกว่า {line} คะแนน) จำนวน {len(weaknesses)} ตัวชี้วัด",
        2,
    )
    for i, number in enumerate(weaknesses, start=1):
        _indicator_paragraph(doc, ctx, i, number)
    if not weaknesses:
        para(doc, "ไม่มีตัวชี้วัดที่ได้คะแนนต่ำกว่าเกณฑ์นี้", indent_cm=1)
    heading(doc, f"4. ข้อเสนอแนะและมาตรการ ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)}")
    for i, number in enumerate(weaknesses, start=1):
        heading(doc, f"4.{i} {ctx.indicator_label(number)} (จุดอ่อน)", 2)
        for row in rows_of(ctx, number):
            _bullets(doc, ctx, row)
    # Strong indicators that still have a row to improve or keep: after the weaknesses, as in seed 000.
    others = [n for n in strengths if rows_of(ctx, n)]
    if others:
        k = len(weaknesses) + 1
        heading(doc, f"4.{k} การพัฒนาต่อยอดและรักษาระดับตัวชี้วัดที่เป็นจุดแข็ง", 2)
        for number in sorted(others, key=lambda n: ctx.draft.indicators[n]):
            tier = ctx.tier_of(number)
            suffix = " (รักษาระดับ)" if tier == Tier.MAINTAIN else ""
            para(doc, f"{ctx.indicator_label(number)}{suffix}", bold=True, indent_cm=0.5)
            for row in rows_of(ctx, number):
                # a strength keeps a short entry: its measure, who and when (steps are in Excel)
                _bullets(doc, ctx, row, steps=tier != Tier.MAINTAIN)
    success_and_monitoring(doc, ctx, 5)
    signatures(doc, ctx)
    return finish(doc, ctx)


# ---------------------------------------------------------------------- Excel and progress report
XLSX_HEADERS = (
    "ตัวชี้วัด",
    "คะแนน",
    "จุดแข็ง/จุดอ่อน",
    "ผลการวิเคราะห์",
    "ข้อเสนอแนะ/มาตรการ",
    "ขั้นตอน",
    "ผู้รับผิดชอบ",
    "ระยะเวลา",
    "ตัวชี้วัดความสำเร็จ",
)
XLSX_WIDTHS = (28, 10, 14, 40, 32, 50, 24, 16, 30)
REPORT_HEADERS = (("ตัวชี้วัด",), ("ข้อเสนอแนะ/มาตรการ",), ("ผู้รับผิดชอบ",), ("ระยะเวลา",))


def ordered_rows(ctx: LayoutContext) -> list[MeasureRow]:
    """Return the rows as the document gives them: weaknesses (lowest first), then the strengths."""
    strengths, weaknesses = split(ctx)
    strong = sorted((n for n in strengths if rows_of(ctx, n)), key=lambda n: ctx.draft.indicators[n])
    listed = [r for n in [*weaknesses, *strong] for r in rows_of(ctx, n)]
    rest = [r for r in ctx.draft.rows if r not in listed]  # rows of indicators without a score
    return listed + rest


def _side(ctx: LayoutContext, row: MeasureRow) -> str:
    score = ctx.draft.indicators.get(row.indicator)
    return "จุดอ่อน" if score is not None and score < ctx.draft.thresholds[0] else "จุดแข็ง"


def xlsx_rows(ctx: LayoutContext) -> list[list[object]]:
    """Return the spreadsheet rows in the document's order."""
    return [
        [
            r.topic or ctx.indicator_label(r.indicator),
            r.score,
            _side(ctx, r),
            r.analysis,
            r.measure,
            "\n".join(plain_steps(r)),
            "\n".join(r.owners),
            r.timeline,
            r.kpi,
        ]
        for r in ordered_rows(ctx)
    ]


def report_rows(ctx: LayoutContext, round_months: int) -> list[list[list[str]]]:
    """Return the printed cells of the progress report, one row per measure."""
    return [
        [
            [r.topic or ctx.indicator_label(r.indicator), f"({_side(ctx, r)})"],
            [r.measure],
            list(r.owners),
            [r.timeline],
        ]
        for r in ordered_rows(ctx)
    ]
