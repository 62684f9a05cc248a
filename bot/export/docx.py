"""Render a Draft as the publish-ready Word document: analysis report plus the measure table."""

from __future__ import annotations

import io
from datetime import date

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from bot.export.plan import (
    PLAN_COLUMNS,
    indicator_name,
    plan_cells,
    plan_years,
    reference_numbers,
    score_text,
    tier_for,
    tool_name,
    year_text,
)
from bot.export.tables import column_widths, fitted_widths, grid_table, plain_table
from bot.export.word import CELL_PAD, CM, NOTE_PT, TITLE_PT, USABLE_W, heading, new_document, para, to_bytes
from bot.ita.framework import Framework
from bot.ita.measures import Draft
from bot.ita.tiers import Tier
from bot.thai import format_thai_date

CHART_WIDTH_CM = 17  # small enough to share a landscape page with the indicator table


def document_title(draft: Draft) -> str:
    """Return the document title in the wording the seeds use, with both B.E. years."""
    return " ".join(title_lines(draft))


def agency_label(draft: Draft) -> str:
    """Return the agency name, or a dotted blank to fill in."""
    return draft.agency.name.strip() or "หน่วยงาน ...................................."


def title_lines(draft: Draft) -> list[str]:
    """Return the title broken into the lines of seed 002's cover, so no word is split."""
    assessment, fiscal = plan_years(draft)
    return [
        "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส",
        "ในการดำเนินงานของหน่วยงานภาครัฐ (ITA)",
        f"ประจำปีงบประมาณ พ.ศ. {year_text(assessment)}",
        "และมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        f"ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)}",
    ]


def _title_block(doc, draft: Draft, today: date) -> None:
    for line in title_lines(draft):
        para(doc, line, size=TITLE_PT, bold=True, center=True)
    para(doc, agency_label(draft), size=TITLE_PT, bold=True, center=True)
    para(doc, f"ข้อมูล ณ วันที่ {format_thai_date(today)}", center=True)


def _tool_label(framework: Framework, code: str) -> str:
    """Return "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)": the Thai name and the code."""
    return f"{tool_name(framework, code).split(' (')[0]} ({code})"


def _results(doc, draft: Draft, framework: Framework, chart_png: bytes | None) -> None:
    assessment, _ = plan_years(draft)
    heading(doc, "1. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)")
    sentence = f"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year_text(assessment)} ของ{agency_label(draft)}"
    if draft.overall is not None:
        sentence += f" ได้คะแนนภาพรวม {score_text(draft.overall)} คะแนน"
    if draft.level:
        sentence += f" อยู่ในระดับ {draft.level}"
    para(doc, sentence, indent_cm=1)
    if draft.level_note:
        para(doc, f"หมายเหตุ: {draft.level_note}", italic=True, indent_cm=1)
    if draft.tools:
        para(doc, "คะแนนรายเครื่องมือ", bold=True).paragraph_format.keep_with_next = True
        weights = {t.code: t.weight for t in framework.tools}
        rows: list[list[list[str]]] = [
            [
                [_tool_label(framework, code)],
                [f"ร้อยละ {weights[code] * 100:g}" if code in weights else "-"],
                [score_text(score)],
            ]
            for code, score in draft.tools.items()
        ]
        # 15.4 cm is not a whole number of twips, so the last width keeps a fraction (as released).
        grid_table(doc, ["เครื่องมือ", "น้ำหนัก", "คะแนน"], rows, column_widths([11, 2.4, 2], 15.4 * CM))
    if draft.indicators:
        _indicators_and_chart(doc, draft, framework, chart_png)
    elif chart_png:
        _chart(doc, chart_png, CHART_WIDTH_CM)


def _indicators_and_chart(doc, draft: Draft, framework: Framework, chart_png: bytes | None) -> None:
    """Indicator scores beside their chart on one page: the table left, the picture right."""
    low, high = draft.thresholds
    title = para(doc, "คะแนนรายตัวชี้วัดและระดับการพัฒนา", bold=True)
    # A new page: the table and the chart together fill one landscape page.
    title.paragraph_format.page_break_before = True
    title.paragraph_format.keep_with_next = True
    para(
        doc,
        f"(ต่ำกว่า {low:.2f} = {Tier.URGENT}; {low:.2f} ถึงต่ำกว่า {high:.2f} = {Tier.IMPROVE}; "
        f"ตั้งแต่ {high:.2f} ขึ้นไป = {Tier.MAINTAIN})",
        size=NOTE_PT,
    ).paragraph_format.keep_with_next = True
    row_tier = {r.indicator: r.tier for r in draft.rows}
    rows: list[list[list[str]]] = [
        [
            [str(n)],
            [indicator_name(framework, n)],
            [score_text(s)],
            [row_tier.get(n) or tier_for(s, draft.thresholds)],
        ]
        for n, s in sorted(draft.indicators.items())
    ]
    headers = ["ที่", "ตัวชี้วัด", "คะแนน", "ระดับการพัฒนา"]
    if not chart_png:
        grid_table(doc, headers, rows, column_widths([1, 5, 1.4, 2.4], 16 * CM), keep_together=True)
        return
    table_w, chart_w = 12 * CM, USABLE_W - 12 * CM
    layout = plain_table(doc, [["", ""]], [table_w, chart_w])
    left, right = layout.rows[0].cells
    grid_table(
        left, headers, rows, column_widths([0.8, 5, 1.5, 2.6], table_w - 2 * CELL_PAD), keep_together=True
    )
    _chart(right, chart_png, (chart_w - 2 * CELL_PAD) / CM)


def _chart(container, chart_png: bytes, width_cm: float) -> None:
    paragraph = container.paragraphs[0] if not container.paragraphs[0].text else container.add_paragraph()
    paragraph.add_run().add_picture(io.BytesIO(chart_png), width=Cm(width_cm))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(container, "ภาพที่ 1 คะแนนรายตัวชี้วัดเทียบกับเกณฑ์", size=NOTE_PT, center=True)


def _analysis(doc, draft: Draft, framework: Framework) -> None:
    heading(doc, "2. การวิเคราะห์ผลการประเมิน")
    if not draft.summary:
        weak = [n for n, s in sorted(draft.indicators.items()) if s < draft.thresholds[1]]
        text = (
            "ตัวชี้วัดที่ต้องพัฒนา: " + ", ".join(f"ตัวชี้วัดที่ {n} {indicator_name(framework, n)}" for n in weak)
            if weak
            else "-"
        )
        para(doc, text, indent_cm=1)
        return
    # One row per tool, strengths beside weaknesses (the seeds write them as lists under
    # each tool; a table keeps the three tools on one page).
    rows = []
    for tool in draft.summary:
        label = [_tool_label(framework, tool.tool)]
        if tool.score is not None:
            label.append(f"คะแนน {score_text(tool.score)}")
        rows.append(
            [label, [f"• {i}" for i in tool.strengths] or ["-"], [f"• {i}" for i in tool.weaknesses] or ["-"]]
        )
    grid_table(
        doc,
        ["เครื่องมือ", "จุดแข็ง (รักษาระดับ)", "จุดที่ต้องพัฒนา"],
        rows,
        column_widths([6, 10, 10]),
        keep_together=True,
    )


def _measures(doc, draft: Draft, framework: Framework) -> None:
    _, fiscal = plan_years(draft)
    title = heading(
        doc, f"3. มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)}"
    )
    # The table is the page-filling part: starting it on a fresh page avoids splitting
    # its first row after a few lines at the bottom of the analysis page.
    title.paragraph_format.page_break_before = True
    para(
        doc,
        f"{agency_label(draft)} นำผลการวิเคราะห์ข้างต้นไปกำหนดมาตรการ ขั้นตอนการดำเนินการ "
        "ผู้รับผิดชอบ ระยะเวลา และการกำกับติดตาม รายตัวชี้วัด ดังนี้",
        indent_cm=1,
    )
    if not draft.rows:
        para(doc, "- ยังไม่มีมาตรการ -", center=True)
        return
    references = reference_numbers(draft)
    cells = [plan_cells(r, references, framework) for r in draft.rows]
    widths = fitted_widths(cells, [int(c.min_cm * CM) for c in PLAN_COLUMNS], USABLE_W)
    grid_table(doc, [c.lines for c in PLAN_COLUMNS], cells, widths)
    para(doc, "หมายเหตุ: [n] คือลำดับของแหล่งอ้างอิงในภาคผนวกท้ายเอกสาร ซึ่งยกข้อความที่ใช้อ้างอิงไว้", size=NOTE_PT)


def _numbered(doc, items: list[str]) -> None:
    for i, item in enumerate(items or ["-"], start=1):
        para(doc, f"{i}. {item}" if items else item, indent_cm=1)


def _kpis_and_monitoring(doc, draft: Draft) -> None:
    heading(doc, "4. ตัวชี้วัดความสำเร็จ")
    _numbered(doc, draft.kpis)
    heading(doc, "5. การกำกับติดตามและรายงานผล")
    _numbered(doc, draft.monitoring_plan)
    executive = draft.agency.executive.strip()
    if executive:
        para(doc, f"ผู้บริหารผู้กำกับติดตามการดำเนินการตามมาตรการ: {executive}", indent_cm=1)


def _notes(doc, draft: Draft) -> None:
    if draft.notes:
        para(doc)
        para(doc, "หมายเหตุ", bold=True)
        for note in draft.notes:
            para(doc, f"• {note}", indent_cm=1)


def _sources(doc, draft: Draft) -> None:
    references = reference_numbers(draft)
    if references:
        heading(doc, "ภาคผนวก แหล่งอ้างอิงของมาตรการ")
        for (source, text), i in references.items():
            para(doc, f"[{i}] {source}", bold=True, size=NOTE_PT).paragraph_format.keep_with_next = True
            para(doc, f"“{text}”", size=NOTE_PT, indent_cm=1)


def _signatures(doc, draft: Draft) -> None:
    executive = draft.agency.executive.strip() or "...................................."
    para(doc)
    proposer = (
        "ลงชื่อ .................................... ผู้เสนอ\n"
        "(....................................)\n"
        "ตำแหน่ง ....................................\n"
        "วันที่ ........ เดือน .................... พ.ศ. ........"
    )
    approver = (
        "ลงชื่อ .................................... ผู้อนุมัติ\n"
        f"({executive})\n"
        "ผู้บริหารผู้กำกับติดตาม\n"
        "วันที่ ........ เดือน .................... พ.ศ. ........"
    )
    plain_table(doc, [[proposer, approver]], column_widths([1, 1]))


def render_docx(
    draft: Draft, framework: Framework, chart_png: bytes | None = None, *, today: date | None = None
) -> bytes:
    """Render the draft as an A4-landscape .docx in TH SarabunPSK, ready to publish.

    `framework` gives the indicator names, tool names and tool weights printed in it.
    """
    doc = new_document()
    _title_block(doc, draft, today or date.today())
    _results(doc, draft, framework, chart_png)
    _analysis(doc, draft, framework)
    _measures(doc, draft, framework)
    _kpis_and_monitoring(doc, draft)
    _notes(doc, draft)
    _signatures(doc, draft)
    _sources(doc, draft)
    return to_bytes(doc)
