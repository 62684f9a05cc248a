"""The 6/12-month progress report template."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn

from bot.export.report import REPORT_HEADERS, render_report_docx
from bot.export.word import USABLE_W
from bot.ita.framework import load_framework
from tests.conftest import KNOWLEDGE_DIR
from tests.docx_text import printed, squashed
from tests.draft_samples import bare, tambon_municipality

FRAMEWORK = load_framework(KNOWLEDGE_DIR)  # the indicator names and tools the report prints


def _text(doc) -> str:
    return "\n".join(
        [printed(p) for p in doc.paragraphs]
        + [printed(c) for t in doc.tables for r in t.rows for c in r.cells]
    )


@pytest.mark.parametrize(
    ("months", "period", "deadline"),
    [
        (6, "รอบ 6 เดือน (ต.ค. 68 – มี.ค. 69)", "31 มีนาคม 2569"),
        (12, "รอบ 12 เดือน (ต.ค. 68 – ก.ย. 69)", "30 กันยายน 2569"),
    ],
)
def test_report_round_period_and_rows(months, period, deadline):
    draft = tambon_municipality()
    doc = Document(io.BytesIO(render_report_docx(draft, FRAMEWORK, months, today=date(2026, 3, 31))))
    text = _text(doc)
    assert period in text and deadline in text and "1 ตุลาคม 2568" in text
    assert "31 มีนาคม 2569" in text
    table = doc.tables[0]
    assert [printed(c) for c in table.rows[0].cells] == list(REPORT_HEADERS)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == len(REPORT_HEADERS) and sum(grid) <= USABLE_W
    assert len(table.rows) == 1 + len(draft.rows)
    for row, measure in zip(table.rows[1:], draft.rows, strict=True):
        assert measure.measure in printed(row.cells[0])
        assert all(squashed(o) in squashed(printed(row.cells[1])) for o in measure.owners)
        assert "☐ ดำเนินการแล้ว" in printed(row.cells[6]) and "☐ ยังไม่ดำเนินการ" in printed(row.cells[6])
    assert "(นายกเทศมนตรีตำบลนาดี)" in text
    sect = doc.sections[0]
    assert sect.page_width > sect.page_height


def test_report_rejects_other_rounds():
    with pytest.raises(ValueError):
        render_report_docx(tambon_municipality(), FRAMEWORK, 9)


def test_bare_report_renders():
    text = _text(Document(io.BytesIO(render_report_docx(bare(), FRAMEWORK, 6))))
    assert "รอบ 6 เดือน (ต.ค. – มี.ค.)" in text


def test_status_boxes_fit_their_column_and_summary_stays_with_signatures():
    from PIL import ImageFont

    from bot.export.chart import THAI_FONT
    from bot.export.report import STATUS_BOXES
    from bot.export.word import CELL_PAD, TABLE_PT

    doc = Document(
        io.BytesIO(render_report_docx(tambon_municipality(), FRAMEWORK, 6, today=date(2026, 11, 21)))
    )
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == REPORT_HEADERS[0])
    status_w = int(table._tbl.tblGrid.findall(qn("w:gridCol"))[-1].get(qn("w:w")))
    font = ImageFont.truetype(str(THAI_FONT), TABLE_PT * 20)  # sizes in twips
    widest = max(font.getlength(box[2:]) for box in STATUS_BOXES) + TABLE_PT * 20  # + the box glyph
    assert widest <= status_w - 2 * CELL_PAD
    summary = [p for p in doc.paragraphs if p.text.startswith("....")]
    assert len(summary) == 3 and all(p.paragraph_format.keep_with_next for p in summary)


@pytest.mark.parametrize("layout", sorted(__import__("bot.export.layouts", fromlist=["LAYOUTS"]).LAYOUTS))
def test_a_rows_progress_is_ticked_on_that_rows_line_in_every_layout(layout):
    from openpyxl import load_workbook

    from bot.drafting.edits import number_rows
    from bot.export.report import render_report_xlsx
    from bot.ita.progress import RowProgress, Status

    draft = number_rows(tambon_municipality())
    row = draft.rows[-1]  # a layout may reorder rows: the record must follow its row
    records = {row.number: RowProgress(status=Status.DONE, percent=100, done="ประชุมชี้แจงแล้ว 1 ครั้ง")}
    doc = Document(io.BytesIO(render_report_docx(draft, FRAMEWORK, 6, layout=layout, progress=records)))
    grid = max(doc.tables, key=lambda t: len(t.rows))
    lines = [squashed(" ".join(printed(c) for c in r.cells)) for r in grid.rows[1:]]
    ticked = [line for line in lines if "☑" in line]
    assert ticked and len(ticked) < len(lines)
    assert all(squashed("ดำเนินการแล้ว") in line and squashed("ประชุมชี้แจงแล้ว") in line for line in ticked)
    if layout != "ranked-oit":  # the ranked table prints topics, not measures
        assert all(squashed(row.measure) in line for line in ticked)
    sheet = load_workbook(
        io.BytesIO(render_report_xlsx(draft, FRAMEWORK, 6, layout=layout, progress=records))
    ).active
    cells = [str(c.value or "") for r in sheet.iter_rows(min_row=3) for c in r]
    assert sum("☑ ดำเนินการแล้ว" in c for c in cells) == len(ticked)


def test_a_long_evidence_link_does_not_squeeze_the_status_boxes():
    from bot.drafting.edits import number_rows
    from bot.ita.progress import RowProgress, Status

    draft = number_rows(tambon_municipality())
    link = "https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz012345"
    records = {draft.rows[0].number: RowProgress(status=Status.DONE, evidence=[link])}
    for layout in ("by-tool", "default"):
        blank = Document(io.BytesIO(render_report_docx(draft, FRAMEWORK, 6, layout=layout)))
        filled = Document(
            io.BytesIO(render_report_docx(draft, FRAMEWORK, 6, layout=layout, progress=records))
        )
        widths = [
            [c.width for c in max(d.tables, key=lambda t: len(t.rows)).rows[0].cells] for d in (blank, filled)
        ]
        assert widths[1][-1] >= widths[0][-1] * 0.9, layout  # the status column keeps its width
        text = squashed(" ".join(printed(c) for t in filled.tables for r in t.rows for c in r.cells))
        assert squashed(link) in text.replace("\n", "")
