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
from bot.export.plan import (
    PLAN_COLUMNS,
    PLAN_HEADERS,
    PUBLISHED_HEADERS,
    SOURCES_LABEL,
    printed_topic,
    reference_numbers,
)
from bot.export.tables import column_widths, fitted_widths
from bot.export.word import CELL_PAD, PAGE_H, PAGE_W, USABLE_W
from bot.ita.framework import load_framework
from tests.conftest import KNOWLEDGE_DIR
from tests.docx_text import printed, squashed
from tests.draft_samples import bare, school, tambon_municipality

FRAMEWORK = load_framework(KNOWLEDGE_DIR)  # the indicator names and tools the plan prints

TODAY = date(2026, 11, 21)


def _xml(data: bytes, part: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(part).decode("utf-8")


def _measure_table(doc, headers=PLAN_HEADERS):
    return next(
        t for t in doc.tables if [printed(c).replace("\n", "") for c in t.rows[0].cells] == list(headers)
    )


def _text(cell_or_paragraph) -> str:
    return printed(cell_or_paragraph)


@pytest.fixture(scope="module")
def plan() -> bytes:
    """The review copy: every field of every row, sources numbered and quoted in the appendix."""
    return render_docx(tambon_municipality(), FRAMEWORK, today=TODAY, review=True)


@pytest.fixture(scope="module")
def published() -> bytes:
    return render_docx(tambon_municipality(), FRAMEWORK, today=TODAY)


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
        assert int(size_cs.get(qn("w:val"))) >= 26  # never below 13 pt (the measure table)
        checked += 1
    assert checked > 100


def test_title_names_agency_both_years_and_buddhist_era_date(plan):
    text = "\n".join(printed(p) for p in Document(io.BytesIO(plan)).paragraphs)
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
    assert len(grid) == len(PLAN_HEADERS) == 7
    assert sum(grid) <= USABLE_W
    assert all(width >= column.min_cm * 567 for width, column in zip(grid, PLAN_COLUMNS, strict=True))
    for row in table.rows:
        assert [c.width.twips for c in row.cells] == grid  # Word reads tcW, LibreOffice gridCol
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_short_rows_kept_on_one_page_long_rows_may_split():
    draft = tambon_municipality()
    draft.rows[0].steps = [f"ขั้นตอนที่ยาวมากเพื่อทดสอบการแบ่งแถวข้ามหน้า ลำดับ {i}" for i in range(40)]
    short = draft.rows[3]
    short.steps, short.analysis, short.monitoring, short.reporting = ["สั้น"], "สั้น", "สั้น", "สั้น"
    short.topic, short.items = "ตัวชี้วัดที่ 7", []
    table = _measure_table(
        Document(io.BytesIO(render_docx(draft, FRAMEWORK, today=TODAY))), PUBLISHED_HEADERS
    )
    firsts = [printed(r.cells[0]) for r in table.rows[1:]]
    # The long row is cut into continuation rows under the repeated header; every row is kept whole.
    # (each part headed as the agency type's plan heads the row: printed_topic)
    head = printed_topic(draft.rows[0], FRAMEWORK, draft.agency.type)[0]
    assert sum(head in f for f in firsts) >= 2, (head, firsts)
    assert any("(ต่อ)" in f for f in firsts)
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
    steps = "\n".join(printed(r.cells[1]) for r in table.rows[1:])
    assert all(f"{i + 1}. ขั้นตอนที่ยาวมาก" in steps for i in range(40))


def _appendix(doc) -> dict[int, str]:
    """Map each [n] of the appendix to the text of its entry (label line + quote line)."""
    paragraphs = [printed(p) for p in doc.paragraphs]
    start = paragraphs.index("ภาคผนวก แหล่งอ้างอิงของมาตรการ")
    entries: dict[int, str] = {}
    for text in paragraphs[start + 1 :]:
        found = re.match(r"\[(\d+)\] ", text)
        if found:
            entries[int(found.group(1))] = text
        elif entries:
            entries[max(entries)] += "\n" + text
    return entries


def test_every_row_field_is_printed(plan):
    draft = tambon_municipality()
    doc = Document(io.BytesIO(plan))
    rows = _measure_table(doc).rows[1:]
    appendix = _appendix(doc)
    assert len(rows) == len(draft.rows)
    for row, table_row in zip(draft.rows, rows, strict=True):
        cells = "\n".join(printed(c) for c in table_row.cells)
        for i, step in enumerate(row.steps, start=1):
            assert f"{i}. {step}" in cells
        for owner in row.owners:  # a unit name may break at its space (see docx_text.squashed)
            assert squashed(owner) in squashed(cells)
        for value in (
            row.measure,
            row.analysis,
            row.timeline,
            row.monitoring,
            row.reporting,
            row.kpi,
            row.tier,
            f"{row.score:.2f}",
        ):
            assert value in cells
        # Every source is cited by number in the row and quoted under that number in the appendix.
        cited = {int(n) for n in re.findall(r"\[(\d+)\]", cells.split(SOURCES_LABEL)[1])}
        assert cited
        for src in row.sources:
            assert any(src.source in appendix[n] and src.text in appendix[n] for n in cited)


def test_appendix_quotes_each_source_once_numbered_in_order_of_citation():
    draft = tambon_municipality()
    draft.rows[1].sources = [*draft.rows[1].sources, draft.rows[0].sources[0]]  # cited twice
    doc = Document(io.BytesIO(render_docx(draft, FRAMEWORK, today=TODAY, review=True)))
    appendix = _appendix(doc)
    numbers = reference_numbers(draft)
    assert sorted(appendix) == list(range(1, len(numbers) + 1))
    assert numbers[(draft.rows[0].sources[0].source, draft.rows[0].sources[0].text)] == 1
    first_source = draft.rows[0].sources[0]
    assert sum(first_source.text in entry for entry in appendix.values()) == 1
    second_row = "\n".join(printed(c) for c in _measure_table(doc).rows[2].cells)
    assert "[1]" in second_row.split(SOURCES_LABEL)[1]


def test_fitted_widths_respect_minimums_fill_the_width_and_follow_the_text():
    minimums = [1000, 1000, 1000]
    rows = [[["สั้น"], ["ข้อความยาว " * 40], ["ข้อความปานกลาง " * 10]] for _ in range(5)]
    widths = fitted_widths(rows, minimums, 12000)
    assert sum(widths) == 12000 and all(w >= m for w, m in zip(widths, minimums, strict=True))
    assert widths[1] > widths[2] > widths[0]
    assert widths[0] == minimums[0]  # a column of short cells keeps its minimum
    # The fitted table is no taller than an even split, by the same line estimate.
    em = 14 * 20 * 0.43

    def height(ws):
        return sum(
            max(
                sum(len(p) * em / (w - 2 * CELL_PAD - 2 * em) + 0.5 for p in cell)
                for cell, w in zip(row, ws, strict=True)
            )
            for row in rows
        )

    assert height(widths) < height(column_widths([1, 1, 1], 12000))


def test_tool_analysis_and_chart_share_the_first_page_side_by_side():
    draft = tambon_municipality()
    doc = Document(io.BytesIO(render_docx(draft, FRAMEWORK, render_chart(draft, FRAMEWORK), today=TODAY)))
    layout = next(t for t in doc.tables if t.rows[0].cells[-1]._tc.xpath(".//pic:pic"))
    left, right = layout.rows[0].cells
    assert "ภาพที่ 1" in printed(right)
    text = printed(left)
    assert all(f"({code})" in text for code in ("IIT", "EIT", "OIT")) and "จุดที่ต้องพัฒนา: ตัวชี้วัดที่" in text
    # the chart names the indicators: no separate indicator table
    assert not any(printed(t.rows[0].cells[0]) == "ที่" for t in doc.tables)


def test_without_a_chart_the_indicator_table_lists_every_indicator():
    draft = tambon_municipality()
    doc = Document(io.BytesIO(render_docx(draft, FRAMEWORK, today=TODAY)))
    scores = next(t for t in doc.tables if printed(t.rows[0].cells[0]) == "ที่")
    assert [printed(c) for c in scores.rows[0].cells] == ["ที่", "ตัวชี้วัด", "คะแนน", "ระดับการพัฒนา"]
    assert len(scores.rows) == 1 + len(draft.indicators)


def test_analysis_gives_each_tool_its_weight_score_strengths_and_weaknesses(plan):
    text = "\n".join(printed(p) for p in Document(io.BytesIO(plan)).paragraphs)
    section = text.split("2. การวิเคราะห์ผลการประเมิน")[1].split("3. มาตรการ")[0]
    assert "(IIT) น้ำหนักร้อยละ 30 คะแนน" in section and "(OIT) น้ำหนักร้อยละ 40 คะแนน" in section
    assert "จุดแข็ง (รักษาระดับ): ตัวชี้วัดที่ 1, 2, 3 และ 4" in section
    assert "จุดที่ต้องพัฒนา: ตัวชี้วัดที่ 9 และ 10" in section


def test_a_column_empty_in_every_row_is_not_printed():
    draft = tambon_municipality()
    draft.rows[0].kpi = "-"
    for row in draft.rows:
        row.kpi = "-"
    doc = Document(io.BytesIO(render_docx(draft, FRAMEWORK, today=TODAY)))
    table = next(t for t in doc.tables if printed(t.rows[0].cells[0]) == "ตัวชี้วัด/ผลการวิเคราะห์")
    headers = [printed(c) for c in table.rows[0].cells]
    assert "ตัวชี้วัดความสำเร็จ" not in headers and len(headers) == 4
    # A tool without a strong indicator says nothing about strengths (no "จุดแข็ง: -").
    draft.indicators = dict.fromkeys(draft.indicators, 50.0)
    text = "\n".join(printed(p) for p in Document(io.BytesIO(render_docx(draft, FRAMEWORK))).paragraphs)
    assert "จุดแข็ง" not in text and "จุดที่ต้องพัฒนา: ตัวชี้วัดที่ 1, 2, 3, 4 และ 5" in text


def test_sections_kpis_monitoring_executive_signature_and_notes(plan):
    draft = tambon_municipality()
    doc = Document(io.BytesIO(plan))
    text = "\n".join(printed(p) for p in doc.paragraphs) + "\n".join(
        printed(c) for t in doc.tables for r in t.rows for c in r.cells
    )
    for title in (
        "1. ผลการประเมิน",
        "2. การวิเคราะห์",
        "3. มาตรการ",
        "4. ตัวชี้วัดความสำเร็จ",
        "5. การกำกับติดตามและรายงานผล",
    ):
        assert title in text
    for item in (*draft.kpis, *draft.monitoring_plan, *draft.notes):
        assert item in text
    assert "ผู้เสนอ" in text and "ผู้อนุมัติ" in text
    assert "(นายกเทศมนตรีตำบลนาดี)" in text
    assert "ระดับ ผ่าน" in text and "89.49" in text  # overall = .3 IIT + .3 EIT + .4 OIT


def test_chart_is_embedded_when_given():
    draft = tambon_municipality()
    with_chart = render_docx(draft, FRAMEWORK, render_chart(draft, FRAMEWORK), today=TODAY)
    without = render_docx(draft, FRAMEWORK, today=TODAY)
    media = [n for n in zipfile.ZipFile(io.BytesIO(with_chart)).namelist() if n.startswith("word/media/")]
    assert media and not [
        n for n in zipfile.ZipFile(io.BytesIO(without)).namelist() if n.startswith("word/media/")
    ]


def test_level_note_hedge_is_in_the_review_copy_and_the_unconfirmed_level_left_out_of_the_plan():
    draft = school()
    review = "\n".join(
        printed(p)
        for p in Document(io.BytesIO(render_docx(draft, FRAMEWORK, today=TODAY, review=True))).paragraphs
    )
    text = "\n".join(
        printed(p) for p in Document(io.BytesIO(render_docx(draft, FRAMEWORK, today=TODAY))).paragraphs
    )
    assert draft.level_note in review and f"ระดับ {draft.level}" in review
    assert draft.level_note not in text and f"อยู่ในระดับ {draft.level}" not in text
    assert "ประจำปีงบประมาณ พ.ศ. 2569" in text  # fiscal year derived from assessment year + 1


def test_bare_draft_renders_with_blanks():
    doc = Document(io.BytesIO(render_docx(bare(), FRAMEWORK, today=TODAY)))
    text = "\n".join(printed(p) for p in doc.paragraphs)
    assert "พ.ศ. ........" in text and "ยังไม่มีมาตรการ" in text


def test_markup_and_control_characters_in_cells_are_kept_as_text():
    draft = tambon_municipality()
    draft.rows[0].measure = 'มาตรการ <ทดสอบ> & "คำพูด"\x0b จาก Word\tแท็บ'
    table = _measure_table(Document(io.BytesIO(render_docx(draft, FRAMEWORK, today=TODAY, review=True))))
    assert 'มาตรการ <ทดสอบ> & "คำพูด" จาก Word แท็บ' in printed(table.rows[1].cells[2])


def test_appendix_labels_stay_with_their_quotes(plan):
    doc = Document(io.BytesIO(plan))
    labels = [p for p in doc.paragraphs if re.match(r"\[\d+\] ", printed(p))]
    assert labels and all(p.paragraph_format.keep_with_next for p in labels)


def test_with_partial_scores_every_tool_given_is_analysed_even_without_its_own_score():
    # An officer sent indicators 2, 5, 9 and 10 only: IIT's score cannot be computed (1, 3, 4
    # missing), but its two weak indicators must still be in the analysis, not only OIT's.
    full = tambon_municipality()
    given = {2: 79.80, 5: 82.00, 9: 71.25, 10: 66.50}
    draft = full.model_copy(
        update={
            "indicators": given,
            "tools": {"OIT": 68.88},
            "summary": [],
            "rows": [r for r in full.rows if r.indicator in given],
        }
    )
    text = "\n".join(
        printed(p) for p in Document(io.BytesIO(render_docx(draft, FRAMEWORK, today=TODAY))).paragraphs
    )
    section = text.split("2. การวิเคราะห์ผลการประเมิน")[1].split("3. มาตรการ")[0]
    iit, oit = section.index("(IIT)"), section.index("(OIT)")
    assert iit < oit and "(EIT)" not in section  # no indicator of EIT given: not mentioned
    assert "จุดที่ต้องพัฒนา: ตัวชี้วัดที่ 2 และ 5" in section[iit:oit]
    assert "(IIT) น้ำหนักร้อยละ 30 คะแนน" not in section  # no IIT score is invented
    assert "(OIT) น้ำหนักร้อยละ 40 คะแนน 68.88" in section
