"""Render a Draft as the Word plan: the published plan, or the officer's review copy.

The published plan (the default) prints only what an agency publishes: its own results, the
analysis, the measures with owners, periods, monitoring and KPIs, in the agency's voice. What
the officer should check, and where each row came from, are in the review copy
(review=True: the notes of bot.export.review on its cover, the sources numbered in the rows and
quoted in an appendix) and in chat.

Every cell text is marked with pythainlp's word boundaries (bot.export.wordbreak) so that no
Thai word or number is broken across lines; the measure table's rows are cut to fit the
pages (bot.export.rowsplit), each kept on one page under the repeated header.
"""

from __future__ import annotations

import io
import re
from datetime import date

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from rapidfuzz import fuzz

from bot import wording as w
from bot.export.plan import (
    CONTINUED,
    PLAN_COLUMNS,
    PUBLISHED_COLUMNS,
    common_reporting,
    indicator_name,
    own_voice,
    plan_cells,
    plan_years,
    published_cells,
    reference_numbers,
    score_text,
    short_topic,
    tier_for,
    tool_name,
    year_text,
)
from bot.export.review import recommendation_confirmed, review_notes
from bot.export.rowsplit import ROW_PAD, line_height, paginate, row_lines
from bot.export.tables import column_widths, fitted_widths, grid_table, plain_table, without_empty_columns
from bot.export.word import (
    BODY_PT,
    CELL_PAD,
    CM,
    HEADING_PT,
    NOTE_PT,
    TABLE_PT,
    USABLE_H,
    USABLE_W,
    Line,
    heading,
    new_document,
    para,
    to_bytes,
)
from bot.export.wordbreak import breakable, longest_piece_width, plain, text_width, wrap
from bot.ita.framework import Framework
from bot.ita.measures import Draft
from bot.ita.tiers import Tier
from bot.thai import format_thai_date

CHART_WIDTH_CM = 17  # small enough to share a landscape page with the indicator table
# The measure table at 13 pt: a ten-row plan in about ten landscape pages (at 14 pt each row
# needs a whole page); the tables of the opening pages stay at 14 pt.
MEASURE_PT = 13
COVER_PT = 18  # the title lines: the first page also holds the results, the analysis and the chart
HEADING_SPACE = 18 * 20  # twips above and below a heading (12 pt + 6 pt, bot.export.word)
NEAR_DUPLICATE = 90  # rapidfuzz ratio from which two monitoring or KPI items say the same thing


def _hinted(lines: list[Line]) -> list[Line]:
    return [line._replace(text=breakable(line.text)) for line in lines]


def _p(container, text: str = "", **kwargs):
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


def _title_block(doc, draft: Draft, today: date, review: bool) -> None:
    if review:
        _p(doc, w.REVIEW_COPY_MARK, size=BODY_PT, bold=True, center=True)
    for line in title_lines(draft):
        _p(doc, line, size=COVER_PT, bold=True, center=True)
    # The name as typed (no hints): it is what an officer searches the file for; a centred
    # line of its own is never broken inside a word.
    para(doc, agency_label(draft), size=COVER_PT, bold=True, center=True)


def _review_block(doc, draft: Draft, framework: Framework) -> None:
    notes = review_notes(draft, framework)
    if notes:
        _p(doc, w.REVIEW_TITLE, bold=True)
        for i, note in enumerate(notes, start=1):
            _p(doc, f"{i}. {note}", indent_cm=1, size=NOTE_PT)


def _tool_label(framework: Framework, code: str) -> str:
    """Return "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)": the Thai name and the code."""
    return f"{tool_name(framework, code).split(' (')[0]} ({code})"


def _results(doc, draft: Draft, framework: Framework, review: bool, today: date) -> None:
    assessment, _ = plan_years(draft)
    heading(doc, "1. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)")
    sentence = f"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year_text(assessment)}"
    if draft.overall is not None:
        sentence += f" ได้คะแนนภาพรวม {score_text(draft.overall)} คะแนน"
    # A level whose rule is not confirmed is not stated: the officer is told in the review notes.
    if draft.level and (review or not draft.level_note):
        sentence += f" อยู่ในระดับ {draft.level}"
    _p(doc, f"{sentence} (ข้อมูล ณ วันที่ {format_thai_date(today)})", indent_cm=1)
    if review and draft.level_note:
        _p(doc, f"หมายเหตุ: {draft.level_note}", italic=True, indent_cm=1)


def _compact(numbers: list[int]) -> str:
    """Return "ตัวชี้วัดที่ 1, 2 และ 5": the scores and names are in the indicator table."""
    listed = [str(n) for n in numbers]
    return "ตัวชี้วัดที่ " + (f"{', '.join(listed[:-1])} และ {listed[-1]}" if len(listed) > 1 else listed[0])


def _hinted_cells(cells: list[list[str]]) -> list[list[Line]]:
    return [_hinted([Line(t) for t in cell]) for cell in cells]


def _tiers(draft: Draft) -> str:
    low, high = draft.thresholds
    return f"ต่ำกว่า {low:.2f} {Tier.URGENT}; ต่ำกว่า {high:.2f} {Tier.IMPROVE}; ตั้งแต่ {high:.2f} {Tier.MAINTAIN}"


def _tool_lines(draft: Draft, framework: Framework) -> list[Line]:
    """Per tool: its weight and score, then its strong and weak indicators (as seed 000 lists them).

    A line with nothing to say ("จุดแข็ง" of a tool with no strength) is left out.
    """
    weights = {t.code: t.weight for t in framework.tools}
    summary = {t.tool: t for t in draft.summary}
    lines: list[Line] = []
    for code in list(draft.tools) or list(summary):
        mine = sorted(n for n in draft.indicators if framework.tool_of(n).code == code)
        strong = [n for n in mine if tier_for(draft.indicators[n], draft.thresholds) == Tier.MAINTAIN]
        weak = [n for n in mine if n not in strong]
        score = draft.tools.get(code, summary[code].score if code in summary else None)
        head = _tool_label(framework, code).removeprefix("แบบวัด")
        if code in weights:
            head += f" น้ำหนักร้อยละ {weights[code] * 100:g}"
        if score is not None:
            head += f" คะแนน {score_text(score)}"
        lines.append(Line(breakable(head), bold=True))
        said = [
            f"จุดแข็ง (รักษาระดับ): {_compact(strong)}" if strong else "",
            f"จุดที่ต้องพัฒนา: {_compact(weak)}" if weak else "",
        ]
        if any(said):
            lines.append(Line(breakable("; ".join(s for s in said if s))))
    return lines


def _analysis(doc, draft: Draft, framework: Framework, chart_png: bytes | None) -> None:
    """Section 2 on the first page: strengths and weaknesses by tool beside the indicator chart.

    The chart names every indicator with its score and the thresholds; without a chart the
    indicator table follows the tool list. A borderless layout table of one row holds the two
    side by side (a nested table there was moved to the next page by LibreOffice).
    """
    heading(doc, "2. การวิเคราะห์ผลการประเมิน")
    lines = _tool_lines(draft, framework) if (draft.tools or draft.summary) else []
    if chart_png and draft.indicators:
        table_w = 18.5 * CM
        layout = plain_table(doc, [["", ""]], [table_w, USABLE_W - table_w])
        left, right = layout.rows[0].cells
        for split in layout.rows[0]._tr.trPr.findall(qn("w:cantSplit")):
            layout.rows[0]._tr.trPr.remove(split)  # LibreOffice moved the kept row although it fitted
        _fill_cell(left, lines)
        _p(left, _tiers(draft), italic=True, size=MEASURE_PT)
        _chart(right, chart_png, (USABLE_W - table_w - 2 * CELL_PAD) / CM)
        return
    for line in lines:
        _p(doc, plain(line.text), bold=line.bold, italic=line.italic, indent_cm=0.5, size=TABLE_PT)
    if lines:
        _p(doc, _tiers(draft), italic=True, indent_cm=0.5, size=NOTE_PT)
    _indicator_table(doc, draft, framework)
    if chart_png:
        _chart(doc, chart_png, CHART_WIDTH_CM)


def _fill_cell(cell, lines: list[Line]) -> None:
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    for line in lines:
        para(cell, line.text, bold=line.bold, italic=line.italic, size=TABLE_PT)


def _indicator_table(doc, draft: Draft, framework: Framework) -> None:
    """Indicator scores and tiers, kept together on one page (when there is no chart to show them)."""
    if not draft.indicators:
        return
    low, high = draft.thresholds
    _p(doc, "คะแนนรายตัวชี้วัดและระดับการพัฒนา", bold=True).paragraph_format.keep_with_next = True
    _p(
        doc,
        f"(ต่ำกว่า {low:.2f} = {Tier.URGENT}; {low:.2f} ถึงต่ำกว่า {high:.2f} = {Tier.IMPROVE}; "
        f"ตั้งแต่ {high:.2f} ขึ้นไป = {Tier.MAINTAIN})",
        size=NOTE_PT,
    ).paragraph_format.keep_with_next = True
    row_tier = {r.indicator: r.tier for r in draft.rows}
    rows = [
        _hinted_cells(
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


def _chart(container, chart_png: bytes, width_cm: float, caption: bool = True) -> None:
    paragraph = container.paragraphs[0] if not container.paragraphs[0].text else container.add_paragraph()
    for extra in container.paragraphs[1:]:  # a merged cell keeps each cell's empty paragraph
        if not extra.text:
            extra._p.getparent().remove(extra._p)
    paragraph.add_run().add_picture(io.BytesIO(chart_png), width=Cm(width_cm))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if caption:
        _p(container, "ภาพที่ 1 คะแนนรายตัวชี้วัดเทียบกับเกณฑ์", size=NOTE_PT, center=True)


def _fitted(cells: list[list[list[Line]]], columns, total: int, size: float) -> list[int]:
    """Column widths: wide enough for each column's widest word and header, the rest by the text."""
    minimums = []
    for i, column in enumerate(columns):
        header = max(text_width(h, size, True) for h in column.lines)  # each header line whole
        words = max((longest_piece_width(p.text, size, p.bold) for row in cells for p in row[i]), default=0.0)
        minimums.append(int(max(column.min_cm * CM, header + 2 * CELL_PAD, words + 2 * CELL_PAD)) + 1)
    return fitted_widths(cells, minimums, total, size=size)


def _text_height(text: str, size: float, width: float) -> float:
    return len(wrap(breakable(text), width, size)) * line_height(size)


def _measures(doc, draft: Draft, framework: Framework, review: bool) -> None:
    assessment, _ = plan_years(draft)
    heading(doc, "3. มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")
    # The table fills the pages from here, its first part sized for a whole page: heading,
    # sentence and first row move to the next page together when the first page is full
    # (a break before the heading left a page holding one spilled line of the chart's block).
    # What the plan rests on, in the agency's voice: its own results, the NACC's
    # recommendations and the OIT criteria (the sources of each row are in the review copy).
    intro = (
        f"หน่วยงานนำผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year_text(assessment)} ข้อเสนอแนะของ สำนักงาน ป.ป.ช. "
        "และเกณฑ์การประเมินการเปิดเผยข้อมูลสาธารณะ (OIT) มากำหนดมาตรการ ผู้รับผิดชอบ ระยะเวลา "
        "และการกำกับติดตาม รายตัวชี้วัด ดังนี้"
    )
    _p(doc, intro, indent_cm=1, size=TABLE_PT).paragraph_format.keep_with_next = True
    if not draft.rows:
        _p(doc, "- ยังไม่มีมาตรการ -", center=True)
        return
    agency = draft.agency.name.strip()
    shared = ""
    references = reference_numbers(draft)
    if review:
        columns = PLAN_COLUMNS
        cells = [_hinted_row(plan_cells(r, references, framework)) for r in draft.rows]
    else:
        columns = PUBLISHED_COLUMNS
        shared = common_reporting(draft.rows)
        cells = [_hinted_row(published_cells(r, framework, agency, shared)) for r in draft.rows]
    headers, cells, kept = without_empty_columns([c.lines for c in columns], cells, list(range(len(columns))))
    columns = tuple(columns[int(i)] for i in kept)
    widths = _fitted(cells, columns, USABLE_W, MEASURE_PT)
    header_cells = [[Line(breakable(h), bold=True) for h in lines] for lines in headers]
    header_h = row_lines(header_cells, widths, MEASURE_PT) * line_height(MEASURE_PT) + ROW_PAD
    used = (
        line_height(HEADING_PT)
        + HEADING_SPACE
        + _text_height(intro, TABLE_PT, USABLE_W - CM)
        + 2 * line_height(TABLE_PT)  # what the opening pages may spill over
    )
    continued = [
        Line(breakable(short_topic(r, framework).split(" – ")[0] + CONTINUED), bold=True) for r in draft.rows
    ]
    rows = paginate(
        cells,
        widths,
        MEASURE_PT,
        page_height=USABLE_H,
        first_free=USABLE_H - used,
        header_height=header_h,
        continued=continued,
    )
    grid_table(
        doc,
        [[breakable(h) for h in lines] for lines in headers],
        rows,
        widths,
        size=MEASURE_PT,
        whole_rows=True,
    )
    if review:
        _p(doc, "หมายเหตุ: [n] คือลำดับของแหล่งอ้างอิงในภาคผนวกท้ายเอกสาร ซึ่งยกข้อความที่ใช้อ้างอิงไว้", size=NOTE_PT)
    elif shared:
        _p(doc, f"ทุกมาตรการรายงานผล{own_voice(shared, agency)}", size=NOTE_PT)


def _hinted_row(cells: list[list[Line]]) -> list[list[Line]]:
    return [_hinted(cell) for cell in cells]


def distinct(items: list[str]) -> list[str]:
    """Return the items without repeats or near-repeats (the first of two that say the same thing)."""
    kept: list[str] = []
    for item in items:
        if item.strip() and not any(fuzz.ratio(item, k) >= NEAR_DUPLICATE for k in kept):
            kept.append(item)
    return kept


_PER_INDICATOR = re.compile(r"^ตัวชี้วัดที่ (\d+) (?:\S+ )*?(ได้คะแนน.+)$")


def merged_kpis(items: list[str]) -> list[str]:
    """Return KPIs with "ตัวชี้วัดที่ N … ได้คะแนน …" items of the same target said once for all N."""
    out: list[str] = []
    groups: dict[str, list[int]] = {}
    for item in items:
        found = _PER_INDICATOR.match(item)
        if not found:
            out.append(item)
            continue
        if found.group(2) not in groups:
            out.append(found.group(2))  # a placeholder, filled below
        groups.setdefault(found.group(2), []).append(int(found.group(1)))
    return [f"{_compact(groups[i])} {i}" if i in groups else i for i in out]


def _numbered(items: list[str]) -> list[Line]:
    return [Line(breakable(f"{i}. {item}")) for i, item in enumerate(items, start=1)] or [Line("-")]


def _kpis_and_monitoring(doc, draft: Draft) -> None:
    """Sections 4 and 5 side by side: two short numbered lists share the page with the table's end."""
    heading(doc, "4. ตัวชี้วัดความสำเร็จ และ 5. การกำกับติดตามและรายงานผล")
    agency = draft.agency.name.strip()
    monitoring = distinct([own_voice(m, agency) for m in draft.monitoring_plan])
    executive = draft.agency.executive.strip()
    if executive and not any(executive in m for m in monitoring):
        monitoring.append(f"ผู้บริหารผู้กำกับติดตามการดำเนินการตามมาตรการ: {executive}")
    cells = [
        _numbered(merged_kpis(distinct([own_voice(k, agency) for k in draft.kpis]))),
        _numbered(monitoring),
    ]
    # Widths by the text: the two lists end at about the same line.
    widths = fitted_widths([cells], [6 * CM, 6 * CM], USABLE_W, size=MEASURE_PT)
    grid_table(doc, ["4. ตัวชี้วัดความสำเร็จ", "5. การกำกับติดตามและรายงานผล"], [cells], widths, size=MEASURE_PT)


def _notes(doc, draft: Draft) -> None:
    if draft.notes:
        _p(doc)
        _p(doc, "หมายเหตุ", bold=True)
        for note in draft.notes:
            _p(doc, f"• {note}", indent_cm=1)


def _sources(doc, draft: Draft, framework: Framework) -> None:
    references = reference_numbers(draft)
    if references:
        heading(doc, "ภาคผนวก แหล่งอ้างอิงของมาตรการ")
        for (source, text), i in references.items():
            confirmed = recommendation_confirmed(
                next(s for r in draft.rows for s in r.sources if s.text == text), framework
            )
            label = f"[{i}] {source}" + (" (ยืนยันแล้ว)" if confirmed else "")
            _p(doc, label, bold=True, size=NOTE_PT).paragraph_format.keep_with_next = True
            _p(doc, f"“{text}”", size=NOTE_PT, indent_cm=1)


def _signatures(doc, draft: Draft) -> None:
    executive = draft.agency.executive.strip() or "...................................."
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
    table = plain_table(doc, [[proposer, approver]], column_widths([1, 1]), size=TABLE_PT)
    table.rows[0].cells[0].paragraphs[0].paragraph_format.space_before = Pt(12)
    table.rows[0].cells[1].paragraphs[0].paragraph_format.space_before = Pt(12)


def render_docx(
    draft: Draft,
    framework: Framework,
    chart_png: bytes | None = None,
    *,
    today: date | None = None,
    review: bool = False,
) -> bytes:
    """Render the draft as an A4-landscape .docx in TH SarabunPSK.

    The published plan by default; `review=True` gives the officer's review copy (the review
    notes first, every row's sources numbered and quoted in an appendix). `framework` gives the
    indicator names, tool names and tool weights printed in it.
    """
    doc = new_document()
    _title_block(doc, draft, today or date.today(), review)
    if review:
        _review_block(doc, draft, framework)
    _results(doc, draft, framework, review, today or date.today())
    _analysis(doc, draft, framework, chart_png)
    _measures(doc, draft, framework, review)
    _kpis_and_monitoring(doc, draft)
    if review:
        _notes(doc, draft)
    _signatures(doc, draft)
    if review:
        _sources(doc, draft, framework)
    return to_bytes(doc)
