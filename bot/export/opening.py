"""The opening of the Word plan: cover, results, and the analysis by tool beside the chart.

Split from bot.export.docx (the measure table, the closing sections and render_docx) to keep
each module short. Every text goes through bot.export.wordbreak.breakable (tpara, hinted).
"""

from __future__ import annotations

import io
from datetime import date

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm

from bot import wording as w
from bot.export.plan import indicator_name, plan_years, score_text, tier_for, tool_name, year_text
from bot.export.review import review_notes, without_labels
from bot.export.tables import column_widths, grid_table, plain_table
from bot.export.word import BODY_PT, CELL_PAD, CM, NOTE_PT, TABLE_PT, USABLE_W, Line, heading, para
from bot.export.wordbreak import breakable, plain
from bot.ita.framework import Framework
from bot.ita.measures import Draft
from bot.ita.tiers import Tier
from bot.thai import format_thai_date

CHART_WIDTH_CM = 17  # the chart below the tool list when there is no room beside it
# The measure table at 13 pt: a ten-row plan in about ten landscape pages (at 14 pt each row
# needs a whole page); the tables of the opening pages stay at 14 pt.
MEASURE_PT = 13
COVER_PT = 18  # the title lines: the first page also holds the results, the analysis and the chart


def hinted(lines: list[Line]) -> list[Line]:
    return [line._replace(text=breakable(line.text)) for line in lines]


def tpara(container, text: str = "", **kwargs):
    """A paragraph whose Thai breaks only between words (see bot.export.wordbreak)."""
    return para(container, breakable(text), **kwargs)


def document_title(draft: Draft) -> str:
    """Return the document title in the wording the seeds use, with both B.E. years."""
    return " ".join(title_lines(draft))


def agency_label(draft: Draft) -> str:
    """Return the agency name, or a dotted blank to fill in."""
    return draft.agency.name.strip() or "หน่วยงาน ...................................."


def title_lines(draft: Draft) -> list[str]:
    """Return the title: the analysis of the assessment year, then the measures of the fiscal year."""
    assessment, fiscal = plan_years(draft)
    return [
        "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
        f"ประจำปีงบประมาณ พ.ศ. {year_text(assessment)}",
        f"และมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)}",
    ]


def title_block(doc, draft: Draft, today: date, review: bool) -> None:
    if review:
        tpara(doc, w.REVIEW_COPY_MARK, size=BODY_PT, bold=True, center=True)
    for line in title_lines(draft):
        tpara(doc, line, size=COVER_PT, bold=True, center=True)
    # The name as typed (no hints): it is what an officer searches the file for; a centred
    # line of its own is never broken inside a word.
    para(doc, agency_label(draft), size=COVER_PT, bold=True, center=True)


def review_block(doc, draft: Draft, framework: Framework) -> None:
    notes = review_notes(draft, framework)
    if notes:
        tpara(doc, w.REVIEW_TITLE, bold=True)
        for i, note in enumerate(notes, start=1):
            tpara(doc, f"{i}. {note}", indent_cm=1, size=NOTE_PT)


def tool_label(framework: Framework, code: str) -> str:
    """Return "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)": the Thai name and the code."""
    return f"{tool_name(framework, code).split(' (')[0]} ({code})"


def results(doc, draft: Draft, framework: Framework, review: bool, today: date) -> None:
    assessment, _ = plan_years(draft)
    heading(doc, "1. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)")
    sentence = f"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year_text(assessment)}"
    if draft.overall is not None:
        sentence += f" ได้คะแนนภาพรวม {score_text(draft.overall)} คะแนน"
    # A level whose rule is not confirmed is not stated: the officer is told in the review notes.
    if draft.level and (review or not draft.level_note):
        sentence += f" อยู่ในระดับ {draft.level}"
    tpara(doc, f"{sentence} (ข้อมูล ณ วันที่ {format_thai_date(today)})", indent_cm=1)
    if review and draft.level_note:
        tpara(doc, f"หมายเหตุ: {without_labels(draft.level_note)}", italic=True, indent_cm=1)


def compact(numbers: list[int]) -> str:
    """Return "ตัวชี้วัดที่ 1, 2 และ 5": the scores and names are in the indicator table."""
    listed = [str(n) for n in numbers]
    return "ตัวชี้วัดที่ " + (f"{', '.join(listed[:-1])} และ {listed[-1]}" if len(listed) > 1 else listed[0])


def hinted_cells(cells: list[list[str]]) -> list[list[Line]]:
    return [hinted([Line(t) for t in cell]) for cell in cells]


def tiers(draft: Draft) -> str:
    low, high = draft.thresholds
    return f"ต่ำกว่า {low:.2f} {Tier.URGENT}; ต่ำกว่า {high:.2f} {Tier.IMPROVE}; ตั้งแต่ {high:.2f} {Tier.MAINTAIN}"


def tool_lines(draft: Draft, framework: Framework) -> list[Line]:
    """Per tool: its weight and score, then its strong and weak indicators (as seed 000 lists them).

    A line with nothing to say ("จุดแข็ง" of a tool with no strength) is left out.
    """
    weights = {t.code: t.weight for t in framework.tools}
    summary = {t.tool: t for t in draft.summary}
    lines: list[Line] = []
    # Every tool with a score or with an indicator given: with partial scores a tool's own score
    # cannot be computed (IIT without indicator 1), but its weak indicators are still analysed.
    given = {framework.tool_of(n).code for n in draft.indicators}
    known = list(draft.tools) or list(summary)
    codes: list[str] = [t.code for t in framework.tools if t.code in known or t.code in given]
    codes += [code for code in known if code not in codes]
    for code in codes:
        mine = sorted(n for n in draft.indicators if framework.tool_of(n).code == code)
        strong = [n for n in mine if tier_for(draft.indicators[n], draft.thresholds) == Tier.MAINTAIN]
        weak = [n for n in mine if n not in strong]
        score = draft.tools.get(code, summary[code].score if code in summary else None)
        head = tool_label(framework, code).removeprefix("แบบวัด")
        if code in weights:
            head += f" น้ำหนักร้อยละ {weights[code] * 100:g}"
        if score is not None:
            head += f" คะแนน {score_text(score)}"
        lines.append(Line(breakable(head), bold=True))
        said = [
            f"จุดแข็ง (รักษาระดับ): {compact(strong)}" if strong else "",
            f"จุดที่ต้องพัฒนา: {compact(weak)}" if weak else "",
        ]
        if any(said):
            lines.append(Line(breakable("; ".join(s for s in said if s))))
    return lines


def analysis(doc, draft: Draft, framework: Framework, chart_png: bytes | None) -> None:
    """Section 2 on the first page: strengths and weaknesses by tool beside the indicator chart.

    The chart names every indicator with its score and the thresholds; without a chart the
    indicator table follows the tool list. A borderless layout table of one row holds the two
    side by side (a nested table there was moved to the next page by LibreOffice).
    """
    heading(doc, "2. การวิเคราะห์ผลการประเมิน")
    lines = tool_lines(draft, framework) if (draft.tools or draft.summary or draft.indicators) else []
    if chart_png and draft.indicators:
        table_w = 18.5 * CM
        layout = plain_table(doc, [["", ""]], [table_w, USABLE_W - table_w])
        left, right = layout.rows[0].cells
        tr_pr = layout.rows[0]._tr.trPr
        if tr_pr is not None:  # LibreOffice moved the whole-kept row although it fitted
            for split in tr_pr.findall(qn("w:cantSplit")):
                tr_pr.remove(split)
        fill_cell(left, lines)
        tpara(left, tiers(draft), italic=True, size=MEASURE_PT)
        chart(right, chart_png, (USABLE_W - table_w - 2 * CELL_PAD) / CM)
        return
    for line in lines:
        tpara(doc, plain(line.text), bold=line.bold, italic=line.italic, indent_cm=0.5, size=TABLE_PT)
    if lines:
        tpara(doc, tiers(draft), italic=True, indent_cm=0.5, size=NOTE_PT)
    indicator_table(doc, draft, framework)
    if chart_png:
        chart(doc, chart_png, CHART_WIDTH_CM)


def fill_cell(cell, lines: list[Line]) -> None:
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    for line in lines:
        para(cell, line.text, bold=line.bold, italic=line.italic, size=TABLE_PT)


def indicator_table(doc, draft: Draft, framework: Framework) -> None:
    """Indicator scores and tiers, kept together on one page (when there is no chart to show them)."""
    if not draft.indicators:
        return
    low, high = draft.thresholds
    tpara(doc, "คะแนนรายตัวชี้วัดและระดับการพัฒนา", bold=True).paragraph_format.keep_with_next = True
    tpara(
        doc,
        f"(ต่ำกว่า {low:.2f} = {Tier.URGENT}; {low:.2f} ถึงต่ำกว่า {high:.2f} = {Tier.IMPROVE}; "
        f"ตั้งแต่ {high:.2f} ขึ้นไป = {Tier.MAINTAIN})",
        size=NOTE_PT,
    ).paragraph_format.keep_with_next = True
    row_tier = {r.indicator: r.tier for r in draft.rows}
    rows = [
        hinted_cells(
            [
                [str(n)],
                [indicator_name(framework, n)],
                [score_text(s)],
                [row_tier.get(n) or tier_for(s, draft.thresholds)],
            ]
        )
        for n, s in sorted(draft.indicators.items())
    ]
    headers = ["ที่", "ตัวชี้วัด", "คะแนน", "ระดับการพัฒนา"]
    grid_table(doc, headers, rows, column_widths([1, 5, 1.4, 2.4], 16 * CM), keep_together=True)


def chart(container, chart_png: bytes, width_cm: float, caption: bool = True) -> None:
    paragraph = container.paragraphs[0] if not container.paragraphs[0].text else container.add_paragraph()
    for extra in container.paragraphs[1:]:  # a merged cell keeps each cell's empty paragraph
        if not extra.text:
            extra._p.getparent().remove(extra._p)
    paragraph.add_run().add_picture(io.BytesIO(chart_png), width=Cm(width_cm))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if caption:
        tpara(container, "ภาพที่ 1 คะแนนรายตัวชี้วัดเทียบกับเกณฑ์", size=NOTE_PT, center=True)
