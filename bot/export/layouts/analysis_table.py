"""analysis-then-table (seed 001): numbered analyses, then one table, then the KPIs.

Seed 001 (a เทศบาลตำบล) writes "ตัวชี้วัดที่ n ชื่อ (คะแนน)" and a paragraph for every
indicator, then section 4 "การนำผลการวิเคราะห์ไปสู่การปรับปรุง หรือพัฒนาองค์กร หรือรักษาระดับ"
as one six-column table (ประเด็น / ผลการวิเคราะห์ / มาตรการ / ขั้นตอน / ระยะเวลา /
ผู้รับผิดชอบ), then ตัวชี้วัดความสำเร็จ and the follow-up. The table's analysis column is
the short finding (score, tier, the items at fault); the full analysis is above it.
"""

from __future__ import annotations

from bot.export.layouts.common import (
    Cell,
    LayoutContext,
    cover,
    finish,
    fit_table,
    heading,
    indicator_analysis,
    indicator_heading,
    is_item_row,
    numbered,
    overall_sentence,
    para,
    rows_of,
    score_table,
    signatures,
    success_and_monitoring,
)
from bot.export.plan import score_text, year_text
from bot.export.word import Line, new_document
from bot.ita.measures import MeasureRow

HEADERS: tuple[tuple[str, ...], ...] = (
    ("ประเด็น/", "ตัวชี้วัด"),
    ("ผลการ", "วิเคราะห์"),
    ("มาตรการ/", "กิจกรรม"),
    ("ขั้นตอนหรือ", "วิธีการปฏิบัติ"),
    ("ระยะเวลา", "ดำเนินการ"),
    ("ผู้รับผิดชอบ",),
)


def finding(row: MeasureRow) -> str:
    """Return the table's short finding: score, tier and the items at fault."""
    parts = []
    if row.score is not None:
        parts.append(f"{score_text(row.score)} คะแนน")
    parts.append(str(row.tier))
    text = " ".join(parts)
    if row.items and not is_item_row(row):
        text += " ข้อที่ต้องปรับปรุง " + ", ".join(row.items)
    return text


def table_cells(ctx: LayoutContext, row: MeasureRow) -> list[Cell]:
    """Return the six cells of one row of the table."""
    topic = row.topic or ctx.indicator_label(row.indicator)
    return [
        [Line(topic, bold=not is_item_row(row))],
        [finding(row)],
        [row.measure],
        numbered(row.steps, ctx.style),
        [row.timeline],
        list(row.owners),
    ]


def ordered_rows(ctx: LayoutContext) -> list[MeasureRow]:
    """Return the rows by indicator, each indicator row before its item rows."""
    return [r for n in sorted({r.indicator for r in ctx.draft.rows}) for r in rows_of(ctx, n)]


def render(ctx: LayoutContext, chart_png: bytes | None = None) -> bytes:
    """Return the analyses-then-table plan as .docx bytes."""
    assessment, fiscal = ctx.years
    doc = new_document()
    cover(
        doc,
        ctx,
        [
            "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส",
            f"ในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. {year_text(assessment)}",
            "และการนำผลการประเมินไปสู่การพัฒนาองค์กร",
        ],
    )
    heading(doc, f"1. ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year_text(assessment)}")
    para(doc, overall_sentence(ctx), indent_cm=1)
    if ctx.draft.indicators:
        score_table(doc, ctx, sorted(ctx.draft.indicators))
    heading(doc, "2. การวิเคราะห์ผลการประเมินรายตัวชี้วัด")
    for i, number in enumerate(sorted(ctx.draft.indicators), start=1):
        indicator_heading(doc, ctx, number, f"2.{i} ")
        indicator_analysis(doc, ctx, number)
    heading(
        doc,
        f"3. การนำผลการวิเคราะห์ไปสู่การปรับปรุง หรือพัฒนาองค์กร หรือรักษาระดับ ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)}",
    )
    rows = ordered_rows(ctx)
    if rows:
        fit_table(doc, HEADERS, [table_cells(ctx, r) for r in rows])
    else:
        para(doc, "- ยังไม่มีมาตรการ -", center=True)
    success_and_monitoring(doc, ctx, 4)
    signatures(doc, ctx)
    return finish(doc, ctx)


# ---------------------------------------------------------------------- Excel and progress report
XLSX_HEADERS = tuple("".join(h) for h in HEADERS)
XLSX_WIDTHS = (30, 24, 32, 56, 18, 26)
REPORT_HEADERS = (HEADERS[0], HEADERS[2], HEADERS[4], HEADERS[5])


def xlsx_rows(ctx: LayoutContext) -> list[list[object]]:
    """Return the table's six columns as spreadsheet rows."""
    return [
        [
            "\n".join(line.text if isinstance(line, Line) else line for line in cell)
            for cell in table_cells(ctx, r)
        ]
        for r in ordered_rows(ctx)
    ]


def report_rows(ctx: LayoutContext, round_months: int) -> list[list[list[str]]]:
    """Return the printed cells of the progress report: ประเด็น, มาตรการ, ระยะเวลา, ผู้รับผิดชอบ."""
    return [
        [[r.topic or ctx.indicator_label(r.indicator)], [r.measure], [r.timeline], list(r.owners)]
        for r in ordered_rows(ctx)
    ]
