"""by-tool (seed 002): everything grouped by IIT / EIT / OIT, a six-column table per tool.

Seed 002 (a เทศบาลตำบล) prints the scores as แบบ / ลำดับ / ตัวชี้วัด / คะแนน grouped by
tool, analyses under 3.1 IIT, 3.2 EIT, 3.3 OIT, then the measures of the coming fiscal
year with "-รอบ 6 เดือน -รอบ 12 เดือน" in their period cell. Here each tool has its own
table of six columns: ตัวชี้วัด, มาตรการ, ขั้นตอน, ผู้รับผิดชอบ, and what is reported at
6 months and at 12 months (with the round's deadline).
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
    indicators_by_tool,
    is_item_row,
    numbered,
    overall_sentence,
    para,
    rows_of,
    signatures,
    success_and_monitoring,
)
from bot.export.plan import indicator_name, score_text, year_text
from bot.export.word import USABLE_W, Line, new_document
from bot.ita.measures import MeasureRow
from bot.thai import fiscal_month_iso, round_deadline

HEADERS: tuple[tuple[str, ...], ...] = (
    ("ตัวชี้วัด",),
    ("มาตรการ/", "โครงการ/กิจกรรม"),
    ("ขั้นตอน/", "วิธีดำเนินการ"),
    ("ผู้รับผิดชอบ",),
    ("รายงานผล", "รอบ 6 เดือน"),
    ("รายงานผล", "รอบ 12 เดือน"),
)


def six_month_report(row: MeasureRow, fiscal: int | None) -> list[str]:
    """Return what the row reports at 6 months: its result if it ends by March, else its progress."""
    due = f"ภายใน {round_deadline(fiscal, 6)}"
    done_by_march = fiscal is not None and row.end_month <= fiscal_month_iso(fiscal, 6)
    return [due, "รายงานผลการดำเนินการที่แล้วเสร็จ" if done_by_march else "รายงานความก้าวหน้าของการดำเนินการ"]


def twelve_month_report(row: MeasureRow, fiscal: int | None) -> list[str]:
    """Return what the row reports at 12 months: the result against its KPI."""
    return [f"ภายใน {round_deadline(fiscal, 12)}", f"รายงานผลตามตัวชี้วัดความสำเร็จ: {row.kpi}"]


def table_cells(ctx: LayoutContext, row: MeasureRow) -> list[Cell]:
    """Return the six cells of one row."""
    _, fiscal = ctx.years
    if is_item_row(row):
        topic = [Line(row.topic.split("–")[-1].strip())]
    else:
        topic = [Line(f"{row.indicator}. {indicator_name(ctx.framework, row.indicator)}", bold=True)]
        if row.score is not None:
            topic.append(Line(f"({score_text(row.score)} คะแนน)"))
    return [
        topic,
        [row.measure],
        numbered(row.steps, ctx.style),
        list(row.owners),
        six_month_report(row, fiscal),
        twelve_month_report(row, fiscal),
    ]


def ordered_rows(ctx: LayoutContext) -> list[MeasureRow]:
    """Return the rows tool by tool (IIT, EIT, OIT), indicator by indicator."""
    return [r for numbers in indicators_by_tool(ctx).values() for n in numbers for r in rows_of(ctx, n)]


def _score_table(doc, ctx: LayoutContext) -> None:
    rows: list[list[Cell]] = []
    spans = []  # (first, last) table row of each tool, merged down the แบบ column as in seed 002
    for code, numbers in indicators_by_tool(ctx).items():
        spans.append((len(rows) + 1, len(rows) + len(numbers)))
        for i, n in enumerate(numbers):
            rows.append(
                [
                    [Line(code, bold=True)] if i == 0 else [""],
                    [str(n)],
                    [indicator_name(ctx.framework, n)],
                    [score_text(ctx.draft.indicators[n])],
                ]
            )
    table = fit_table(
        doc, [("แบบ",), ("ลำดับ",), ("รายละเอียดตัวชี้วัด",), ("คะแนน",)], rows, total=int(USABLE_W * 0.55)
    )
    for first, last in spans:
        if last > first:
            top = table.cell(first, 0)
            kept = list(top._tc.iterchildren())
            top.merge(table.cell(last, 0))
            for p in top.paragraphs[1:]:  # the merged cells' blank paragraphs
                if p._p not in kept:
                    p._p.getparent().remove(p._p)


def render(ctx: LayoutContext, chart_png: bytes | None = None) -> bytes:
    """Return the by-tool plan as .docx bytes."""
    assessment, fiscal = ctx.years
    doc = new_document()
    cover(
        doc,
        ctx,
        [
            "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส",
            f"ในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ปีงบประมาณ พ.ศ. {year_text(assessment)}",
            "และแนวทาง/มาตรการเพื่อขับเคลื่อนส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            f"ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)}",
        ],
    )
    heading(doc, "1. ผลการประเมินของหน่วยงาน")
    para(doc, overall_sentence(ctx), indent_cm=1)
    tools = ctx.draft.tools
    if tools:
        para(
            doc,
            "คะแนนรายเครื่องมือ: " + " ".join(f"{c} {score_text(s)} คะแนน" for c, s in tools.items()),
            indent_cm=1,
        )
    heading(doc, f"2. สรุปผลการประเมินรายตัวชี้วัด ประจำปีงบประมาณ พ.ศ. {year_text(assessment)}")
    if ctx.draft.indicators:
        _score_table(doc, ctx)
    heading(doc, "3. การวิเคราะห์ผลการประเมินจำแนกตามเครื่องมือ")
    groups = indicators_by_tool(ctx)
    for k, (code, numbers) in enumerate(groups.items(), start=1):
        heading(doc, f"3.{k} {ctx.tool_label(code)}", 2)
        for i, n in enumerate(numbers, start=1):
            indicator_heading(doc, ctx, n, f"({i}) ")
            indicator_analysis(doc, ctx, n)
    heading(
        doc,
        f"4. การนำผลการวิเคราะห์ไปสู่การปรับปรุง หรือพัฒนาองค์กร หรือรักษาระดับ ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)}",
    )
    for k, (code, numbers) in enumerate(groups.items(), start=1):
        rows = [r for n in numbers for r in rows_of(ctx, n)]
        if not rows:
            continue
        heading(doc, f"4.{k} {ctx.tool_label(code)}", 2)
        fit_table(doc, HEADERS, [table_cells(ctx, r) for r in rows])
    if not ctx.draft.rows:
        para(doc, "- ยังไม่มีมาตรการ -", center=True)
    success_and_monitoring(doc, ctx, 5)
    signatures(doc, ctx)
    return finish(doc, ctx)


# ---------------------------------------------------------------------- Excel and progress report
XLSX_HEADERS = ("แบบ", *("".join(h) for h in HEADERS))
XLSX_WIDTHS = (8, 28, 32, 56, 26, 30, 40)
REPORT_HEADERS_BY_ROUND = {
    6: (("ตัวชี้วัด",), ("มาตรการ",), ("ผู้รับผิดชอบ",), ("รายงาน", "รอบ 6 เดือน")),
    12: (("ตัวชี้วัด",), ("มาตรการ",), ("ผู้รับผิดชอบ",), ("รายงาน", "รอบ 12 เดือน")),
}


def xlsx_rows(ctx: LayoutContext) -> list[list[object]]:
    """Return the rows tool by tool, the tool in the first column."""
    out: list[list[object]] = []
    for r in ordered_rows(ctx):
        cells = [
            "\n".join(x.text if isinstance(x, Line) else x for x in cell) for cell in table_cells(ctx, r)
        ]
        out.append([ctx.tool_of(r.indicator), *cells])
    return out


def report_rows(ctx: LayoutContext, round_months: int) -> list[list[list[str]]]:
    """Return the printed cells: tool and indicator, measure, owners, and this round's reporting cell."""
    _, fiscal = ctx.years
    report = six_month_report if round_months == 6 else twelve_month_report
    return [
        [
            [f"{ctx.tool_of(r.indicator)}", r.topic or ctx.indicator_label(r.indicator)],
            [r.measure],
            list(r.owners),
            report(r, fiscal),
        ]
        for r in ordered_rows(ctx)
    ]
