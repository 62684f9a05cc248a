"""The Word plan printed in the agency's house style (Draft.style, bot.export.house).

Heading, period, step numbers, digits and owners each in the form the style names; an empty
style prints as before; a period the officer wrote is kept as written; item codes keep their
Latin digits. The forms' names are bot.drafting.style.FORMS (the contract between the two).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document

from bot.drafting.style import FORMS
from bot.export import house
from bot.export.docx import render_docx
from bot.export.plan import published_cells
from bot.ita.framework import load_framework
from bot.ita.measures import MeasureRow
from tests.draft_samples import tambon_municipality as sample_draft

REPO = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").is_file())
FRAMEWORK = load_framework(REPO / "knowledge")


def test_every_form_the_drafter_can_choose_is_one_the_export_prints():
    assert set(house.HEADINGS) == set(FORMS["heading"])
    start, end, timeline = "2025-10", "2026-03", "ต.ค. 68 – มี.ค. 69"
    printed = {house.period({"period": p}, timeline, start, end) for p in FORMS["period"]}
    assert len(printed) == len(FORMS["period"])
    assert {house.number({"numbering": n}, 1) for n in FORMS["numbering"]} == {"1.", "1)", "(1)"}
    lines = {tuple(house.owners({"owners": o}, ["กองคลัง", "สำนักปลัด"])) for o in FORMS["owners"]}
    assert len(lines) == len(FORMS["owners"])


@pytest.mark.parametrize(
    ("form", "start", "end", "expected"),
    [
        ("abbr", "2025-10", "2026-03", "ต.ค. 68 – มี.ค. 69"),
        ("full", "2025-10", "2026-03", "ตุลาคม 2568 – มีนาคม 2569"),
        ("fiscal", "2025-10", "2026-09", "ตลอดปีงบประมาณ"),
        ("fiscal", "2025-11", "2026-04", "พ.ย. 2568 – เม.ย. 2569"),
        ("quarter", "2025-10", "2026-03", "ไตรมาสที่ 1 – 2 (ต.ค. 68 – มี.ค. 69)"),
        ("quarter", "2026-01", "2026-03", "ไตรมาสที่ 2 (ม.ค. – มี.ค. 69)"),
        # a period that does not start and end with a quarter is not called one (a blind judge read
        # "ไตรมาสที่ 1 – 4 (พ.ย. 64 – ก.ย. 65)" as a contradiction: the first quarter starts in October)
        ("quarter", "2025-11", "2026-09", "พ.ย. 68 – ก.ย. 69"),
        ("quarter", "2025-10", "2026-02", "ต.ค. 68 – ก.พ. 69"),
    ],
)
def test_a_period_prints_in_the_house_form(form, start, end, expected):
    from bot.thai import format_period

    assert house.period({"period": form}, format_period(start, end), start, end) == expected


def test_a_period_the_officer_wrote_is_printed_as_written():
    assert house.period({"period": "full"}, "ภายในไตรมาสแรก", "2025-10", "2025-12") == "ภายในไตรมาสแรก"


def test_thai_digits_leave_item_codes_and_latin_names_alone():
    style = {"digits": "thai"}
    assert house.digits(style, "ข้อ O13 และ I7 ร้อยละ 85.50 ปี 2569") == "ข้อ O13 และ I7 ร้อยละ ๘๕.๕๐ ปี ๒๕๖๙"
    assert house.digits(style, "O\u206014 ISO 9001") == "O\u206014 ISO ๙๐๐๑"
    assert house.digits({}, "ปี 2569") == "ปี 2569"


def _row() -> MeasureRow:
    return sample_draft().rows[0]


def test_a_row_prints_heading_numbers_owners_and_period_in_the_house_forms():
    row = _row().model_copy(update={"owners": ["กองคลัง", "สำนักปลัดเทศบาล"]})
    style = {"heading": "dot", "period": "full", "numbering": "paren", "owners": "slash", "digits": "thai"}
    cells = published_cells(row, FRAMEWORK, agency_type="municipality_subdistrict", style=style)
    name = FRAMEWORK.indicator(row.indicator).name
    assert cells[0][0].text.startswith(house.digits(style, f"{row.indicator}. {name}"))
    steps = [line.text for line in cells[1][1:]]
    assert steps and all(re.match(r"^[๐-๙]+\) ", s) for s in steps)
    assert cells[2][0].text == "กองคลัง / สำนักปลัดเทศบาล"
    assert not re.search(r"[0-9]", cells[2][-1].text)  # the period in Thai digits, month names in full
    assert any(m in cells[2][-1].text for m in ("ตุลาคม", "พฤศจิกายน", "มกราคม", "กุมภาพันธ์", "เมษายน"))
    # no style: the plan as it always printed
    plain = published_cells(row, FRAMEWORK, agency_type="municipality_subdistrict")
    assert plain[1][1].text.startswith("1. ") and plain[2][-1].text.endswith(row.timeline)


def test_a_plan_in_thai_digits_is_thai_all_through_but_its_item_codes():
    draft = sample_draft()
    draft = draft.model_copy(update={"style": {"digits": "thai", "numbering": "both"}})
    doc = Document(io.BytesIO(render_docx(draft, FRAMEWORK)))
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    text = "\n".join(texts)
    assert "พ.ศ. ๒๕" in text and "(๑)" in text
    latin = re.findall(r"(?<![A-Za-z0-9\u2060])[0-9]+", text)
    assert not latin, latin[:5]
    codes = [c for r in draft.rows for c in r.items]
    assert all(c in text for c in codes)
