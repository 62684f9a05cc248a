"""The five agency layouts, drawn from drafts of the five seeds' own scores (real drafter, real knowledge).

Each layout must show the structure of the seed it reproduces, print nothing internal,
and give Excel and the progress report its own columns.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook

from benchmarks.layout_requests import DEV, TEST
from bot.app import build_drafter, ensure_index
from bot.drafting.engine import DraftRequest
from bot.export import Exporters, render_layout_docx
from bot.export.layouts import LAYOUTS, find_layout, get_layout, layout_choices
from bot.export.layouts.common import LayoutContext, is_item_row, keep_units
from bot.export.layouts.item_gantt import quarters
from bot.export.layouts.positions import position_of
from bot.export.layouts.ranked_oit import ranked_rows
from bot.export.report import RESULT_HEADERS
from bot.export.wordbreak import NBSP, WJ, ZWSP, longest_piece_width
from bot.export.wordbreak import plain as plain_text
from bot.ita.measures import AgencyProfile
from bot.ita.tiers import Thresholds, Tier
from bot.scores import parse_scores
from bot.thai import tokenize
from tests.kb_helpers import make_kb, make_settings
from tests.markers import MARKERS as PUBLISHED_NEVER

SEEDS = {  # seed -> (agency type, name) as the seed's own agency
    "000": ("school", "โรงเรียนบ้านธิพิทยา"),
    "001": ("municipality_subdistrict", "เทศบาลตำบลนามะเขือ"),
    "002": ("municipality_subdistrict", "เทศบาลตำบลนิเวศน์"),
    "003": ("public_org", "สำนักงานส่งเสริมการจัดประชุมและนิทรรศการ"),
    "004": ("sao", "องค์การบริหารส่วนตำบลทุ่งทอง"),
}
FIVE = [name for name in LAYOUTS if name != "default"]
MARKERS = (*(m for m in PUBLISHED_NEVER if m != "ความเชื่อมั่น"), "ความเชื่อมั่น:", "แหล่งอ้างอิง", "หมายเหตุ")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    kb = make_kb(tmp_path_factory.mktemp("kb"))
    ensure_index(kb)
    return kb


@pytest.fixture(scope="module")
def drafts(kb, seeds_dir, tmp_path_factory):
    drafter = build_drafter(make_settings(tmp_path_factory.mktemp("s")), kb)
    out = {}
    for key, (type_key, name) in SEEDS.items():
        text = next(seeds_dir.glob(f"{key}_*.txt")).read_text(encoding="utf-8")
        scores = parse_scores(text, kb.framework).scores
        profile = AgencyProfile(name=name, type=type_key, assessment_year=scores.year)
        # the shapes are checked in the plain forms; test_every_layout_prints_in_the_house_style
        # checks the agency's own forms (headings, periods, step numbers, digits)
        out[key] = drafter.draft(DraftRequest(profile, scores, Thresholds())).model_copy(update={"style": {}})
    return out


@pytest.fixture(scope="module")
def exporters(kb):
    return Exporters(kb.framework, kb.playbook.agency_types)


def _doc(data: bytes):
    return Document(io.BytesIO(data))


def _all_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", re.sub(r"</w:p>", "\n", xml))


def _head(table) -> list[str]:
    """Return a table's header texts, each header's lines joined."""
    return [_clean(c.text).replace("\n", "") for c in table.rows[0].cells]


def _tables_with(doc, header_text: str):
    return [t for t in doc.tables if header_text in "".join(_head(t))]


def _cells(tr) -> list[str]:
    """Return the texts of a table row's own cells (a merged row has one)."""
    return ["".join(t.text or "" for t in tc.iter() if t.tag.endswith("}t")) for tc in tr.tc_lst]


def _clean(text: str) -> str:
    return plain_text(text)


@pytest.mark.parametrize("seed", sorted(SEEDS))
@pytest.mark.parametrize("layout", FIVE)
def test_every_layout_renders_every_seed_without_internal_notes(layout, seed, drafts, exporters):
    draft = drafts[seed].model_copy(update={"layout": layout})
    assert draft.notes or draft.level_note or draft.rows  # there is something internal to leave out
    text = _clean(_all_text(exporters.render_docx(draft)))
    for marker in MARKERS:
        assert marker not in text, (layout, seed, marker)
    assert text.count(SEEDS[seed][1]) >= 1
    for other, (_, name) in SEEDS.items():
        if other != seed:
            assert name not in text, (layout, seed, name)
    for source in {s.text for r in draft.rows for s in r.sources if len(s.text) > 80}:
        assert source not in text  # quoted passages are for the officer, not the published plan
    for row in draft.rows:  # every measure is in the document
        assert _clean(keep_units(row.measure)) in text or row.measure in text, (layout, seed, row.measure)


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_strengths_weaknesses_splits_at_the_threshold_then_bullets_each_weakness(seed, drafts, exporters):
    draft = drafts[seed].model_copy(update={"layout": "strengths-weaknesses"})
    doc = _doc(exporters.render_docx(draft))
    paras = [_clean(p.text) for p in doc.paragraphs]
    low = draft.thresholds[0]
    weak = [n for n, s in draft.indicators.items() if s < low]
    strong = [n for n, s in draft.indicators.items() if s >= low]
    strengths_at = next(i for i, p in enumerate(paras) if p.startswith("3.1 จุดแข็ง"))
    weaknesses_at = next(i for i, p in enumerate(paras) if p.startswith("3.2 จุดอ่อน"))
    advice_at = next(i for i, p in enumerate(paras) if p.startswith("4. ข้อเสนอแนะ"))
    assert strengths_at < weaknesses_at < advice_at
    assert f"จำนวน {len(strong)} ตัวชี้วัด" in paras[strengths_at]
    assert f"จำนวน {len(weak)} ตัวชี้วัด" in paras[weaknesses_at]
    listed_weak = [p for p in paras[weaknesses_at:advice_at] if re.match(r"\(\d+\) ตัวชี้วัดที่", p)]
    assert len(listed_weak) == len(weak)
    for i, n in enumerate(sorted(weak, key=lambda n: draft.indicators[n]), start=1):
        head = next(j for j, p in enumerate(paras) if p.startswith(f"4.{i} ตัวชี้วัดที่ {n} "))
        row = next(r for r in draft.rows if r.indicator == n and not is_item_row(r))
        bullets = paras[head + 1 : head + 2 + len(row.steps)]
        assert bullets[0] == f"- {row.measure}" and all(b.startswith("- ") for b in bullets)


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_a_strength_that_can_still_improve_says_it_passed_before_what_it_lacks(seed, drafts, exporters):
    draft = drafts[seed].model_copy(update={"layout": "strengths-weaknesses"})
    paras = [_clean(p.text) for p in _doc(exporters.render_docx(draft)).paragraphs]
    start = next(i for i, p in enumerate(paras) if p.startswith("3.1 จุดแข็ง"))
    end = next(i for i, p in enumerate(paras) if p.startswith("3.2 จุดอ่อน"))
    low, high = draft.thresholds[0], draft.thresholds[-1]
    middling = [n for n, s in draft.indicators.items() if low <= s < high]
    for n in middling:
        head = next(i for i in range(start, end) if paras[i].startswith("(") and f"ตัวชี้วัดที่ {n} " in paras[i])
        assert paras[head + 1].startswith(f"ได้คะแนนผ่านเกณฑ์ {low:g} คะแนนแล้ว แต่ยังพัฒนาต่อได้"), paras[head + 1]
    for i in range(start + 1, end):  # no strength paragraph opens with a shortcoming
        assert not paras[i].startswith("ยังไม่"), paras[i]


def test_strengths_weaknesses_lists_the_seed_000_weakness(drafts, exporters):
    draft = drafts["000"].model_copy(update={"layout": "strengths-weaknesses"})
    text = _clean(_all_text(exporters.render_docx(draft)))
    # seed 000: one weakness, ประสิทธิภาพการสื่อสาร at 60
    assert "3.2 จุดอ่อนที่ต้องพัฒนา (ตัวชี้วัดที่ได้คะแนนต่ำกว่า 85 คะแนน) จำนวน 1 ตัวชี้วัด" in text
    assert "4.1 ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร (จุดอ่อน)" in text


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_analysis_then_table_has_numbered_analyses_one_table_then_kpis(seed, drafts, exporters):
    draft = drafts[seed].model_copy(update={"layout": "analysis-then-table"})
    doc = _doc(exporters.render_docx(draft))
    paras = [_clean(p.text) for p in doc.paragraphs]
    analyses = [p for p in paras if re.match(r"2\.\d+ ตัวชี้วัดที่ \d+ ", p)]
    assert len(analyses) == len(draft.indicators)
    tables = _tables_with(doc, "ผลการวิเคราะห์")
    assert len(tables) == 1
    headers = _head(tables[0])
    assert headers == [
        "ประเด็น/ตัวชี้วัด",
        "ผลการวิเคราะห์",
        "มาตรการ/กิจกรรม",
        "ขั้นตอนหรือวิธีการปฏิบัติ",
        "ระยะเวลาดำเนินการ",
        "ผู้รับผิดชอบ",
    ]
    assert len(tables[0].rows) == 1 + len(draft.rows)
    table_at = next(i for i, p in enumerate(paras) if p.startswith("3. การนำผลการวิเคราะห์"))
    kpi_at = next(i for i, p in enumerate(paras) if p == "4. ตัวชี้วัดความสำเร็จ")
    assert paras.index(analyses[-1]) < table_at < kpi_at
    assert paras[kpi_at + 1].startswith("1. ")


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_by_tool_groups_rows_under_iit_eit_oit_with_6_and_12_month_columns(seed, drafts, exporters, kb):
    draft = drafts[seed].model_copy(update={"layout": "by-tool"})
    doc = _doc(exporters.render_docx(draft))
    paras = [_clean(p.text) for p in doc.paragraphs]
    groups = [p for p in paras if re.match(r"4\.\d ", p)]
    tools_with_rows = [
        c
        for c in ("IIT", "EIT", "OIT")
        if any(kb.framework.tool_of(r.indicator).code == c for r in draft.rows)
    ]
    assert [g[-4:-1] for g in groups] == tools_with_rows
    tables = _tables_with(doc, "รอบ 12 เดือน")
    assert len(tables) == len(tools_with_rows)
    for table, code in zip(tables, tools_with_rows, strict=True):
        headers = _head(table)
        assert len(headers) == 6 and headers[-2:] == ["รายงานผลรอบ 6 เดือน", "รายงานผลรอบ 12 เดือน"]
        numbers = {
            int(m.group(1)) for tr in table._tbl.tr_lst[1:] if (m := re.match(r"(\d+)\. ", _cells(tr)[0]))
        }
        assert numbers and all(kb.framework.tool_of(n).code == code for n in numbers)
        for tr in table._tbl.tr_lst[1:]:
            six, twelve = _clean(_cells(tr)[4]), _clean(_cells(tr)[5])
            assert six.startswith("ภายใน 31 มีนาคม") and twelve.startswith("ภายใน 30 กันยายน")


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_item_gantt_ticks_each_rows_quarters_in_three_tiers(seed, drafts, exporters):
    draft = drafts[seed].model_copy(update={"layout": "item-gantt"})
    doc = _doc(exporters.render_docx(draft))
    tables = _tables_with(doc, "Q4")
    tiers = [t for t in (Tier.URGENT, Tier.IMPROVE, Tier.MAINTAIN) if any(r.tier == t for r in draft.rows)]
    assert len(tables) == len(tiers)
    fiscal = draft.fiscal_year
    expected = []  # independently: the quarter of each start and end month in the fiscal year
    for tier in tiers:
        for r in sorted(
            (r for r in draft.rows if r.tier == tier), key=lambda r: (r.indicator, is_item_row(r))
        ):
            first, last = ((int(m[5:]) - 10) % 12 // 3 + 1 for m in (r.start_month, r.end_month))
            expected.append([q in range(first, last + 1) for q in (1, 2, 3, 4)])
    got = []
    for table in tables:
        assert _head(table)[2:6] == ["Q1", "Q2", "Q3", "Q4"]
        for tr in table._tbl.tr_lst[1:]:
            cells = _cells(tr)
            if len(cells) == 1:  # the indicator's sub-heading row
                assert _clean(cells[0]).startswith("ตัวชี้วัดที่ ")
                continue
            got.append([cells[c] == "✓" for c in (2, 3, 4, 5)])
            assert all(cells[c].strip() in ("✓", "") for c in (2, 3, 4, 5))
    assert got == expected
    assert fiscal is not None
    headers = _head(tables[0])
    assert headers[-2:] == ["แนวทางการกำกับติดตาม", "การรายงานผล"]


def test_item_gantt_is_item_level_for_the_seed_with_item_scores(drafts, exporters):
    draft = drafts["003"].model_copy(update={"layout": "item-gantt"})
    text = _clean(_all_text(exporters.render_docx(draft)))
    assert "ข้อ I7" in text and "ข้อ I14" in text  # seed 003's urgent items, by code
    assert "ประเด็นที่ควรแก้ไขโดยเร่งด่วน (คะแนนต่ำกว่า 85 คะแนน)" in text


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_ranked_oit_rows_run_from_the_lowest_score_led_by_oit_topics(seed, drafts, exporters, kb):
    draft = drafts[seed].model_copy(update={"layout": "ranked-oit"})
    ctx = LayoutContext(draft, kb.framework, kb.playbook.agency_types)
    ranked = ranked_rows(ctx)
    scores = [r.row.score for r in ranked]
    assert scores == sorted(scores)
    doc = _doc(exporters.render_docx(draft))
    table = _tables_with(doc, "ขั้นตอนและวิธีการปฏิบัติ")[0]
    printed = [
        float(m.group(1))
        for tr in table._tbl.tr_lst[1:]
        if (m := re.search(r"(\d+\.\d\d) คะแนน", _clean(_cells(tr)[0])))
    ]
    assert printed == sorted(printed) and len(printed) == len(ranked)
    for tr in table._tbl.tr_lst[1:]:
        owners = _clean(_cells(tr)[2])
        assert owners.startswith(("หัวหน้า", "ผู้อำนวยการ", "ประธาน", "นายก", "ปลัด")), owners


def test_ranked_oit_leads_seed_004_with_its_oit_topics(drafts, kb):
    draft = drafts["004"]  # OIT 6.25 and 33.96: the two lowest
    ranked = ranked_rows(LayoutContext(draft, kb.framework, kb.playbook.agency_types))
    assert ranked[0].row.indicator == 10 and ranked[0].topic != ranked[0].row.topic
    topics = [r.topic for r in ranked if r.row.indicator == 9]
    assert "ข้อมูลพื้นฐาน" in topics and "การบริหารเงินงบประมาณ" in topics  # 2564's OIT groups
    assert all(r.row.indicator in (9, 10) for r in ranked[: len(topics) + 3])


@pytest.mark.parametrize("layout", FIVE)
def test_excel_and_progress_report_follow_the_layouts_columns(layout, drafts, exporters):
    draft = drafts["003"].model_copy(update={"layout": layout})
    chosen = LAYOUTS[layout]
    sheet = load_workbook(io.BytesIO(exporters.render_xlsx(draft)))["มาตรการ"]
    headers = [c.value for c in sheet[2]]
    assert headers == list(chosen.xlsx_headers)
    assert sheet.max_row - 2 >= len(draft.rows)
    assert "แหล่งอ้างอิง" not in load_workbook(io.BytesIO(exporters.render_xlsx(draft))).sheetnames
    for months in (6, 12):
        doc = _doc(exporters.render_report_docx(draft, months))
        table = doc.tables[0]
        got = _head(table)
        assert chosen.report_headers is not None
        want = ["".join(h) for h in [*chosen.report_headers(months), *RESULT_HEADERS]]
        assert got == want


def test_by_tool_report_prints_the_rounds_own_column(drafts, exporters):
    draft = drafts["001"].model_copy(update={"layout": "by-tool"})
    six = _clean(_all_text(exporters.render_report_docx(draft, 6)))
    twelve = _clean(_all_text(exporters.render_report_docx(draft, 12)))
    assert "รายงานความก้าวหน้า" in six or "แล้วเสร็จ" in six
    assert "รายงานผลตามตัวชี้วัดความสำเร็จ" in twelve and "รายงานผลตามตัวชี้วัดความสำเร็จ" not in six


def test_default_layout_is_the_plan_as_before(drafts, kb):
    draft = drafts["001"]
    assert draft.layout == "default" and get_layout(draft.layout).render_docx is None
    from bot.export.docx import render_docx

    assert len(render_layout_docx(draft, kb.framework)) > 0
    assert _all_text(render_layout_docx(draft, kb.framework)) == _all_text(render_docx(draft, kb.framework))


# ---------------------------------------------------------------------- find_layout
def test_find_layout_reads_requests_dev_and_test_halves():
    for half, floor in ((DEV, 1.0), (TEST, 0.9)):
        right = sum((found.name if (found := find_layout(t)) else None) == want for t, want in half)
        assert right / len(half) >= floor, (right, len(half))
    assert sum(1 for _, want in DEV + TEST if want) >= 20


@pytest.mark.parametrize(
    "text",
    ["ขอไฟล์ Excel ด้วยครับ", "แก้ระยะเวลาตัวชี้วัดที่ 2 เป็น ม.ค. – มิ.ย.", "คะแนนภาพรวม 88.48", "ยืนยัน", ""],
)
def test_find_layout_refuses_unrelated_text(text):
    assert find_layout(text) is None


def test_layout_choices_are_the_registry_with_thai_titles():
    choices = layout_choices()
    assert [c[0] for c in choices] == list(LAYOUTS) and choices[0][0] == "default"
    assert all(re.search("[ก-๙]", title) and re.search("[ก-๙]", desc) for _, title, desc in choices)


# ---------------------------------------------------------------------- helpers
@pytest.mark.parametrize(
    ("start", "end", "fiscal", "want"),
    [
        ("2025-10", "2026-09", 2569, {1, 2, 3, 4}),
        ("2025-10", "2025-12", 2569, {1}),
        ("2026-01", "2026-06", 2569, {2, 3}),
        ("2026-07", "2026-09", 2569, {4}),
        ("2025-08", "2025-11", 2569, {1}),  # starts before the fiscal year: clamped to Q1
    ],
)
def test_quarters_come_from_the_rows_months(start, end, fiscal, want, drafts):
    row = drafts["001"].rows[0].model_copy(update={"start_month": start, "end_month": end})
    assert quarters(row, fiscal) == want


@pytest.mark.parametrize(
    ("unit", "position"),
    [
        ("กองคลัง", "ผู้อำนวยการกองคลัง"),
        ("งานพัสดุ กองคลัง", "หัวหน้างานพัสดุ กองคลัง"),
        ("สำนักปลัด", "หัวหน้าสำนักปลัด"),
        ("คณะทำงาน ITA", "ประธานคณะทำงาน ITA"),
        ("นายกองค์การบริหารส่วนตำบล", "นายกองค์การบริหารส่วนตำบล"),
        ("กลุ่มบริหารงบประมาณ", "หัวหน้ากลุ่มบริหารงบประมาณ"),
    ],
)
def test_units_become_the_positions_that_head_them(unit, position):
    assert position_of(unit) == position


def longest_word(text: str) -> float:
    """The widest unbreakable piece of `text`, in em."""
    return longest_piece_width(keep_units(text), 1.0) / 20


def test_numbers_stay_with_their_units_and_words_are_never_split():
    printed = keep_units("ไม่น้อยกว่าร้อยละ 90 ของบุคลากร")
    assert plain_text(printed) == "ไม่น้อยกว่าร้อยละ 90 ของบุคลากร"
    pieces = [p for p in re.split(f"[ {ZWSP}]", printed.replace(WJ, "")) if p]
    assert f"ร้อยละ{NBSP}90" in pieces  # the unit and its number: one unbreakable piece
    words = tokenize("ไม่น้อยกว่าร้อยละ 90 ของบุคลากร", drop_stopwords=False)
    assert [p for p in pieces if NBSP not in p] == [w for w in words if w not in ("ร้อยละ", "90")]
    assert WJ + "ถ้" in keep_units("ครบถ้วน")  # no break inside a word
    assert plain_text(keep_units("ภายใน 31 มี.ค. 69")).endswith("31 มี.ค. 69")
    assert f"31{NBSP}" in keep_units("ภายใน 31 มี.ค. 69")
    assert ZWSP not in keep_units("กรอบ 3 ด้าน").split(" ")[0]  # "กรอบ" is one word
    assert keep_units(printed) == printed
    assert longest_word(keep_units("รอบ 12 เดือน")) > longest_word("เดือน")


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_a_buttons_label_or_name_reads_back_as_its_layout(name):
    # the chat's buttons can send the Thai title (or the name) as their payload
    assert find_layout(LAYOUTS[name].title) is LAYOUTS[name]
    assert find_layout(f"ขอ{LAYOUTS[name].title}ค่ะ") is LAYOUTS[name]
    assert find_layout(name) is LAYOUTS[name]


def test_an_abbreviated_agency_name_is_spaced_after_of_in_the_layouts_and_in_chat(kb):
    from bot.dialogue.render import draft_summary
    from bot.export.layouts.common import overall_sentence
    from tests.draft_samples import tambon_municipality

    draft = tambon_municipality()
    draft.agency.name = "อบต.หนองบัว"
    assert "ของ อบต.หนองบัว" in overall_sentence(LayoutContext(draft, kb.framework))
    assert "ของ อบต.หนองบัว" in draft_summary(draft)
    draft.agency.name = "องค์การบริหารส่วนตำบลหนองบัว"  # a full name stays joined, as official Thai writes it
    assert "ขององค์การบริหารส่วนตำบลหนองบัว" in draft_summary(draft)


@pytest.mark.parametrize("layout", [n for n in LAYOUTS if n != "default"])
def test_every_layout_prints_in_the_house_style(layout, drafts, exporters):
    # issue 12: the five layouts and the Excel sheet use the agency's house style as the default plan does
    style = {"heading": "dot", "period": "full", "numbering": "paren", "digits": "thai", "owners": "slash"}
    draft = drafts["004"].model_copy(update={"style": style, "layout": layout})
    text = _all_text(exporters.render_docx(draft))
    assert re.search("[๐-๙]", text) and not re.search(r"\b(?:19|20|25)\d\d\b", text), layout
    assert re.search(r"[๐-๙]\) ", text), layout  # steps numbered "๑)"
    assert re.search(r"(?:ตุลาคม|พฤศจิกายน|ธันวาคม|มกราคม) ๒๕", text), layout  # full month names
    assert "O" in text or "I" in text or "E" in text  # item codes keep their Latin letters
    sheet = load_workbook(io.BytesIO(exporters.render_xlsx(draft)))["มาตรการ"]
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert re.search("[๐-๙]", cells) and not re.search(r"\b(?:19|20|25)\d\d\b", cells), layout
    if any("ระยะเวลา" in str(c.value) for c in sheet[2]):  # a period column (item-gantt ticks quarters)
        assert re.search(r"(?:ตุลาคม|พฤศจิกายน|ธันวาคม|มกราคม) ๒๕", cells), layout
