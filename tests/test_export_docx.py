"""The Word plan: page, Thai font slots, measure table geometry and content."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn

from bot.export.chart import render_chart
from bot.export.docx import render_docx
from bot.export.measure_table import MEASURE_HEADERS
from bot.export.word import PAGE_H, PAGE_W, USABLE_W
from tests.draft_samples import bare, school, tambon_municipality

TODAY = date(2026, 11, 21)


def _xml(data: bytes, part: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(part).decode("utf-8")


def _measure_table(doc):
    return next(t for t in doc.tables
                if [c.text.replace("\n", "") for c in t.rows[0].cells] == list(MEASURE_HEADERS))


@pytest.fixture(scope="module")
def plan() -> bytes:
    return render_docx(tambon_municipality(), today=TODAY)


def test_page_is_a4_landscape(plan):
    sect = Document(io.BytesIO(plan)).sections[0]
    assert (sect.page_width.twips, sect.page_height.twips) == (PAGE_W, PAGE_H) == (16838, 11906)
    assert sect.orientation == 1  # WD_ORIENT.LANDSCAPE
    assert 'w:orient="landscape"' in _xml(plan, "word/document.xml")


def test_normal_style_sets_every_font_slot_and_complex_script_size(plan):
    styles = _xml(plan, "word/styles.xml")
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.S).group(0)
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert f'w:{slot}="TH SarabunPSK"' in normal
    assert '<w:sz w:val="32"/>' in normal and '<w:szCs w:val="32"/>' in normal
    assert "Theme" not in re.search(r"<w:rFonts[^>]*>", normal).group(0)
    assert 'w:bidi="th-TH"' in normal


def test_every_run_carries_thai_font_in_all_slots_and_cs_size(plan):
    body = Document(io.BytesIO(plan)).element.body
    runs = body.iter(qn("w:r"))
    checked = 0
    for run in runs:
        if not "".join(t.text or "" for t in run.iter(qn("w:t"))):
            continue
        rpr = run.find(qn("w:rPr"))
        fonts = rpr.find(qn("w:rFonts"))
        assert all(fonts.get(qn(f"w:{s}")) == "TH SarabunPSK" for s in ("ascii", "hAnsi", "cs", "eastAsia"))
        size, size_cs = rpr.find(qn("w:sz")), rpr.find(qn("w:szCs"))
        assert size is not None and size_cs is not None and size.get(qn("w:val")) == size_cs.get(qn("w:val"))
        assert int(size_cs.get(qn("w:val"))) >= 28  # never below 14 pt
        checked += 1
    assert checked > 100


def test_title_names_agency_both_years_and_buddhist_era_date(plan):
    text = "\n".join(p.text for p in Document(io.BytesIO(plan)).paragraphs)
    assert "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส" in text
    assert "ประจำปีงบประมาณ พ.ศ. 2568" in text and "ประจำปีงบประมาณ พ.ศ. 2569" in text
    assert "เทศบาลตำบลนาดี" in text
    assert "21 พฤศจิกายน 2569" in text  # 2026 + 543, Thai month name
    assert "2026" not in text


def test_measure_table_header_repeats_and_geometry_fits_page(plan):
    table = _measure_table(Document(io.BytesIO(plan)))
    first = table.rows[0]._tr.trPr
    assert first.find(qn("w:tblHeader")) is not None
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == len(MEASURE_HEADERS) == 10
    assert sum(grid) <= USABLE_W
    for row in table.rows:
        assert [c.width.twips for c in row.cells] == grid  # Word reads tcW, LibreOffice gridCol
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_short_rows_kept_on_one_page_long_rows_may_split():
    draft = tambon_municipality()
    draft.rows[0].steps = [f"ขั้นตอนที่ยาวมากเพื่อทดสอบการแบ่งแถวข้ามหน้า ลำดับ {i}" for i in range(40)]
    short = draft.rows[3]
    short.steps, short.analysis, short.monitoring, short.reporting = ["สั้น"], "สั้น", "สั้น", "สั้น"
    short.topic, short.items = "ตัวชี้วัดที่ 7", []
    table = _measure_table(Document(io.BytesIO(render_docx(draft, today=TODAY))))
    by_indicator = {int(re.search(r"ตัวชี้วัดที่ (\d+)", r.cells[0].text).group(1)): r for r in table.rows[1:]}
    assert by_indicator[9]._tr.trPr is None or by_indicator[9]._tr.trPr.find(qn("w:cantSplit")) is None
    assert by_indicator[7]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_every_row_field_is_printed(plan):
    draft = tambon_municipality()
    doc = Document(io.BytesIO(plan))
    table_text = "\n".join(c.text for r in _measure_table(doc).rows for c in r.cells)
    all_text = table_text + "\n".join(p.text for p in doc.paragraphs)
    for row in draft.rows:
        for i, step in enumerate(row.steps, start=1):
            assert f"{i}. {step}" in table_text
        for value in (*row.owners, row.measure, row.analysis, row.timeline, row.monitoring,
                      row.reporting, row.kpi, row.tier, f"{row.score:.2f}"):
            assert value in table_text
        for src in row.sources:
            assert src.source in table_text and src.text in all_text


def test_sections_kpis_monitoring_executive_signature_and_notes(plan):
    draft = tambon_municipality()
    doc = Document(io.BytesIO(plan))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells)
    for title in ("1. ผลการประเมิน", "2. การวิเคราะห์", "3. มาตรการ", "4. ตัวชี้วัดความสำเร็จ",
                  "5. การกำกับติดตามและรายงานผล"):
        assert title in text
    for item in (*draft.kpis, *draft.monitoring_plan, *draft.notes):
        assert item in text
    for tool in draft.summary:
        for item in (*tool.strengths, *tool.weaknesses):
            assert item in text
    assert "ผู้เสนอ" in text and "ผู้อนุมัติ" in text
    assert "(นายกเทศมนตรีตำบลนาดี)" in text
    assert "ระดับ ผ่าน" in text and "89.49" in text  # overall = .3 IIT + .3 EIT + .4 OIT


def test_chart_is_embedded_when_given():
    draft = tambon_municipality()
    with_chart = render_docx(draft, render_chart(draft), today=TODAY)
    without = render_docx(draft, today=TODAY)
    media = [n for n in zipfile.ZipFile(io.BytesIO(with_chart)).namelist() if n.startswith("word/media/")]
    assert media and not [n for n in zipfile.ZipFile(io.BytesIO(without)).namelist()
                          if n.startswith("word/media/")]


def test_level_note_hedge_is_printed():
    draft = school()
    text = "\n".join(p.text for p in Document(io.BytesIO(render_docx(draft, today=TODAY))).paragraphs)
    assert draft.level_note in text
    assert "ประจำปีงบประมาณ พ.ศ. 2569" in text  # fiscal year derived from assessment year + 1


def test_bare_draft_renders_with_blanks():
    doc = Document(io.BytesIO(render_docx(bare(), today=TODAY)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "พ.ศ. ........" in text and "ยังไม่มีมาตรการ" in text
