"""The Excel workbook: same columns as the Word table, wrapped, frozen, Thai font."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from bot.export.plan import MEASURE_HEADERS
from bot.export.xlsx import render_xlsx
from bot.ita.framework import load_framework
from tests.conftest import KNOWLEDGE_DIR
from tests.draft_samples import bare, tambon_municipality

FRAMEWORK = load_framework(KNOWLEDGE_DIR)  # the indicator names and tools the workbook prints


def test_measure_sheet_has_same_headers_bold_frozen_and_wrapped():
    draft = tambon_municipality()
    wb = load_workbook(io.BytesIO(render_xlsx(draft, FRAMEWORK)))
    ws = wb["มาตรการ"]
    headers = [c.value for c in ws[2]]
    assert headers == list(MEASURE_HEADERS)
    assert all(c.font.b for c in ws[2])
    assert ws.freeze_panes == "A3"
    cells = [c for row in ws.iter_rows(min_row=2) for c in row]
    assert cells and all(c.alignment.wrap_text for c in cells)
    assert all(c.font.name == "TH SarabunPSK" for c in cells)
    assert ws.max_row == 2 + len(draft.rows)
    for col in "ABCDEFGHIJ":
        assert 10 <= ws.column_dimensions[col].width <= 45


def test_measure_rows_are_complete():
    draft = tambon_municipality()
    ws = load_workbook(io.BytesIO(render_xlsx(draft, FRAMEWORK)))["มาตรการ"]
    text = "\n".join(str(c.value) for row in ws.iter_rows(min_row=3) for c in row)
    for row in draft.rows:
        for i, step in enumerate(row.steps, start=1):
            assert f"{i}. {step}" in text
        for value in (*row.owners, row.measure, row.kpi, *(s.source for s in row.sources)):
            assert value in text


def test_scores_sheet_lists_all_indicators_with_tier():
    draft = tambon_municipality()
    ws = load_workbook(io.BytesIO(render_xlsx(draft, FRAMEWORK)))["คะแนนรายตัวชี้วัด"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in rows] == list(range(1, 11))
    assert rows[8][1] == "การเปิดเผยข้อมูล" and rows[8][2] == 78.5 and rows[8][3] == "แก้ไขเร่งด่วน"
    assert rows[0][3] == "รักษาระดับ"


def test_bare_draft_gives_header_only_workbook():
    wb = load_workbook(io.BytesIO(render_xlsx(bare(), FRAMEWORK)))
    assert wb["มาตรการ"].max_row == 2


def test_sources_sheet_quotes_every_cited_passage_under_the_number_the_row_gives():
    draft = tambon_municipality()
    wb = load_workbook(io.BytesIO(render_xlsx(draft, FRAMEWORK)))
    quotes = {r[0]: (r[1], r[2]) for r in wb["แหล่งอ้างอิง"].iter_rows(min_row=3, values_only=True)}
    assert sorted(quotes) == list(range(1, len(quotes) + 1))
    for row, cells in zip(draft.rows, wb["มาตรการ"].iter_rows(min_row=3, values_only=True), strict=True):
        cited = {int(line[1 : line.index("]")]): line for line in cells[-1].split("\n")}
        assert len(cited) == len({(s.source, s.text) for s in row.sources})
        for src in row.sources:
            assert any(
                quotes[n] == (src.source, src.text) and src.source in line for n, line in cited.items()
            )
