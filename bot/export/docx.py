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

import re
from datetime import date

from docx.oxml.ns import qn
from docx.shared import Pt
from rapidfuzz import fuzz

from bot.export import house
from bot.export.opening import (
    MEASURE_PT,
    analysis,
    compact,
    hinted,
    results,
    review_block,
    title_block,
    tpara,
)
from bot.export.opening import (
    agency_label as agency_label,  # re-exported: bot.export.report and others import it from here
)
from bot.export.opening import (
    document_title as document_title,
)
from bot.export.opening import (
    title_lines as title_lines,
)
from bot.export.plan import (
    CONTINUED,
    PLAN_COLUMNS,
    PUBLISHED_COLUMNS,
    common_reporting,
    own_voice,
    plan_cells,
    plan_years,
    printed_topic,
    published_cells,
    reference_numbers,
    year_text,
)
from bot.export.review import recommendation_confirmed
from bot.export.rowsplit import ROW_PAD, line_height, paginate, row_lines
from bot.export.tables import (
    column_widths,
    fitted_widths,
    grid_table,
    plain_table,
    without_empty_columns,
    word_minimums,
)
from bot.export.trend import comparison
from bot.export.word import (
    CM,
    HEADING_PT,
    NOTE_PT,
    TABLE_PT,
    USABLE_H,
    USABLE_W,
    Line,
    heading,
    new_document,
    to_bytes,
)
from bot.export.wordbreak import breakable, wrap
from bot.ita.framework import Framework
from bot.ita.measures import Draft

HEADING_SPACE = 18 * 20  # twips above and below a heading (12 pt + 6 pt, bot.export.word)
NEAR_DUPLICATE = 90  # rapidfuzz ratio from which two monitoring or KPI items say the same thing


def _fitted(cells: list[list[list[Line]]], columns, total: int, size: float) -> list[int]:
    """Column widths: wide enough for each column's widest word and header, the rest by the text."""
    words = word_minimums([column.lines for column in columns], cells, size)  # each header line whole
    minimums = [max(int(column.min_cm * CM) + 1, w) for column, w in zip(columns, words, strict=True)]
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
    tpara(doc, intro, indent_cm=1, size=TABLE_PT).paragraph_format.keep_with_next = True
    if not draft.rows:
        tpara(doc, "- ยังไม่มีมาตรการ -", center=True)
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
        cells = [
            _hinted_row(published_cells(r, framework, agency, shared, draft.agency.type or "", draft.style))
            for r in draft.rows
        ]
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
    # a continued row is headed as its first part is (the agency type's form; the review copy's own)
    kind = "" if review else draft.agency.type or ""
    style = {} if review else draft.style
    continued = [
        Line(
            breakable(
                house.digits(style, printed_topic(r, framework, kind, style)[0].split(" – ")[0]) + CONTINUED
            ),
            bold=True,
        )
        for r in draft.rows
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
        tpara(doc, "หมายเหตุ: [n] คือลำดับของแหล่งอ้างอิงในภาคผนวกท้ายเอกสาร ซึ่งยกข้อความที่ใช้อ้างอิงไว้", size=NOTE_PT)
    elif shared:
        tpara(doc, f"ทุกมาตรการรายงานผล{own_voice(shared, agency)}", size=NOTE_PT)


def _hinted_row(cells: list[list[Line]]) -> list[list[Line]]:
    return [hinted(cell) for cell in cells]


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
    return [f"{compact(groups[i])} {i}" if i in groups else i for i in out]


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
        tpara(doc)
        tpara(doc, "หมายเหตุ", bold=True)
        for note in draft.notes:
            tpara(doc, f"• {note}", indent_cm=1)


def _sources(doc, draft: Draft, framework: Framework) -> None:
    references = reference_numbers(draft)
    if references:
        heading(doc, "ภาคผนวก แหล่งอ้างอิงของมาตรการ")
        for (source, text), i in references.items():
            confirmed = recommendation_confirmed(
                next(s for r in draft.rows for s in r.sources if s.text == text), framework
            )
            label = f"[{i}] {source}" + (" (ยืนยันแล้ว)" if confirmed else "")
            tpara(doc, label, bold=True, size=NOTE_PT).paragraph_format.keep_with_next = True
            tpara(doc, f"“{text}”", size=NOTE_PT, indent_cm=1)


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
    title_block(doc, draft, today or date.today(), review)
    if review:
        review_block(doc, draft, framework)
    results(doc, draft, framework, review, today or date.today())
    analysis(doc, draft, framework, chart_png)
    comparison(doc, draft, framework)  # last year beside this year, when last year's scores are known
    _measures(doc, draft, framework, review)
    _kpis_and_monitoring(doc, draft)
    if review:
        _notes(doc, draft)
    _signatures(doc, draft)
    if review:
        _sources(doc, draft, framework)
    if not review and draft.style.get("digits") == "thai":  # a plan typed in Thai digits, all through
        name = draft.agency.name.strip()  # the agency's name is printed as the officer gave it
        for node in doc.element.body.iter(qn("w:t")):
            parts = (node.text or "").split(name) if name else [node.text or ""]
            node.text = name.join(house.digits(draft.style, part) for part in parts)
    return to_bytes(doc)
