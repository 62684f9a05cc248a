"""The published Word plan: nothing internal printed, compact pages, no Thai word or number broken.

Drafts come from the real default engine over the shipped knowledge (one agency of every type,
three severities); the LibreOffice checks render through soffice and skip only when it is missing.
"""

from __future__ import annotations

import importlib.util
import io
import random
import re
import shutil
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from bot import wording as w
from bot.app import build_drafter, ensure_index
from bot.dialogue.context import Turn
from bot.dialogue.files import export_documents
from bot.dialogue.sessions import Session
from bot.drafting.engine import DraftRequest
from bot.export import Exporters
from bot.export.chart import render_chart
from bot.export.docx import render_docx
from bot.export.wordbreak import NBSP, WJ, ZWSP, breakable, plain
from bot.ita.measures import AgencyProfile
from bot.ita.tiers import Thresholds
from bot.scores import ScoreSet
from bot.thai import to_arabic
from tests.kb_helpers import make_kb, make_settings

REPO = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("pages_benchmark", REPO / "benchmarks" / "pages.py")
pages = importlib.util.module_from_spec(SPEC)
sys.modules["pages_benchmark"] = pages
SPEC.loader.exec_module(pages)

# Printed by no published plan. "ความเชื่อมั่น" is checked as the confidence label it was
# ("ความเชื่อมั่น:"), since "เสริมสร้างความเชื่อมั่น" (building trust) is a measure's own name.
MARKERS = (*tuple(m for m in pages.MARKERS if m != "ความเชื่อมั่น"), "ความเชื่อมั่น:", "[1]", "ภาคผนวก แหล่งอ้างอิง")
NAMES = [name for _, name, _ in pages.INVENTED] + [name for _, name in pages.SEEDS.values()]


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    kb = make_kb(tmp_path_factory.mktemp("kb"))
    ensure_index(kb)
    return kb


@pytest.fixture(scope="module")
def drafts(kb, tmp_path_factory):
    """One plan per invented agency (every agency type, very low / middling / high scores)."""
    drafter = build_drafter(make_settings(tmp_path_factory.mktemp("s")), kb)
    out = []
    for i, (atype, name, severity) in enumerate(pages.INVENTED):
        scores = ScoreSet(year=2568, indicators=pages.invented_scores(severity, random.Random(i)))
        profile = AgencyProfile(name=name, type=atype, assessment_year=2568)
        out.append(drafter.draft(DraftRequest(profile, scores, Thresholds())))
    return out


def _text(data: bytes) -> str:
    return "\n".join(pages.docx_paragraphs(data))


def test_published_plan_prints_no_internal_marker_and_no_other_agency(kb, drafts):
    assert {d.agency.type for d in drafts} >= {"school", "sao", "public_org", "department", "university"}
    for draft in drafts:
        text = _text(render_docx(draft, kb.framework))
        found = [m for m in (*MARKERS, *(n for n in NAMES if n != draft.agency.name)) if m in text]
        assert not found, (draft.agency.name, found)
        assert text.count(draft.agency.name) == 1  # the cover only; rows say "หน่วยงาน"
        # (a plan in the house's Thai digits states it "๒๕๖๙")
        assert "ประจำปีงบประมาณ พ.ศ. 2569" in to_arabic(text)
        # The fiscal year is stated in the heading, not at the end of every measure title.
        assert not re.search(r"ประจำปีงบประมาณ พ\.ศ\. \d{4}\n", to_arabic(text).split("3. มาตรการ")[1])


def test_review_copy_keeps_sources_and_the_notes_the_plan_leaves_out(kb, drafts):
    draft = drafts[0]
    review = _text(render_docx(draft, kb.framework, review=True))
    assert w.REVIEW_COPY_MARK in review and w.REVIEW_TITLE in review
    assert "ภาคผนวก แหล่งอ้างอิงของมาตรการ" in review and "[1]" in review
    source = draft.rows[0].sources[0]
    assert source.text in review
    notes = Exporters(kb.framework).review_notes(draft)
    assert notes and all(n in review for n in notes)


def test_review_notes_carry_the_level_hedge_and_unconfirmed_oit_titles(kb, drafts):
    note = "ระดับนี้ยังไม่ได้รับการยืนยัน (ความเชื่อมั่น: NOT_CONFIRMED)"
    draft = drafts[0].model_copy(update={"level_note": note, "level": "C"})
    notes = Exporters(kb.framework).review_notes(draft)
    assert any('"C"' in n and "ยังไม่ได้รับการยืนยัน" in n for n in notes)
    assert not any("NOT_CONFIRMED" in n or "ความเชื่อมั่น:" in n for n in notes)  # words, not labels
    review = _text(render_docx(draft, kb.framework, review=True))
    assert "หมายเหตุ: ระดับนี้ยังไม่ได้รับการยืนยัน\n" in review
    published = _text(render_docx(draft, kb.framework))
    assert "ระดับนี้ยังไม่ได้รับการยืนยัน" not in published and "อยู่ในระดับ C" not in published


def test_review_notes_say_each_kind_of_doubt_once_with_every_item_it_covers(kb, drafts):
    checks = [
        "ชื่อข้อ OIT ปี 2568 ที่ระบุในแผน (O12, O3) ยังไม่ได้ยืนยันกับคู่มือ",
        "ชื่อข้อ OIT ปี 2568 ที่ระบุในแผน (O21, O3) ยังไม่ได้ยืนยันกับคู่มือ",
        "แผนจึงไม่ระบุเลขข้อของตัวชี้วัดที่ 5 โปรดส่งคะแนนรายข้อ",
        "แผนจึงไม่ระบุเลขข้อของตัวชี้วัดที่ 3 โปรดส่งคะแนนรายข้อ",
    ]
    draft = drafts[0].model_copy(update={"checks": checks})
    notes = Exporters(kb.framework).review_notes(draft)
    assert "ชื่อข้อ OIT ปี 2568 ที่ระบุในแผน (O3, O12, O21) ยังไม่ได้ยืนยันกับคู่มือ" in notes
    assert "แผนจึงไม่ระบุเลขข้อของตัวชี้วัดที่ 3, 5 โปรดส่งคะแนนรายข้อ" in notes
    assert sum("ที่ระบุในแผน" in n for n in notes) == 1


def test_chat_lists_what_to_check_with_the_word_file_and_sends_the_review_copy_on_request(kb, drafts):
    exports = Exporters(kb.framework)
    draft = drafts[3]
    turn = Turn(Session(key="t"), "/export")
    export_documents(exports, turn, draft, "docx")
    said = "\n".join(turn.reply.texts)
    assert w.REVIEW_TITLE in said and re.search(r"^1\. ", said, re.M)
    assert [d.filename for d in turn.reply.documents] == ["ita-measures-2569.docx"]
    turn = Turn(Session(key="t"), "/export ตรวจทาน")
    export_documents(exports, turn, draft, "ตรวจทาน")
    (doc,) = turn.reply.documents
    assert doc.filename == "ita-measures-2569-review.docx" and w.REVIEW_COPY_MARK in _text(doc.content)
    # the default export is unchanged: Word, Excel and chart, no review copy
    turn = Turn(Session(key="t"), "/export")
    export_documents(exports, turn, draft, "")
    assert [d.filename.rsplit(".", 1)[1] for d in turn.reply.documents] == ["docx", "xlsx", "png"]


def test_numbering_is_never_doubled_and_monitoring_items_are_not_repeated(kb, drafts):
    draft = drafts[1].model_copy(deep=True)
    draft.rows[0].steps = ["1) 1. ทบทวนคู่มือ", "2. เผยแพร่คู่มือ", "(3) อบรมบุคลากร"]
    draft.monitoring_plan = [*draft.monitoring_plan, draft.monitoring_plan[0] + " "]
    # numbered once, in the house's own form ("1.", "1)" or "(1)": Draft.style)
    for numbering, (a, b, c) in (
        ("dot", ("1.", "2.", "3.")),
        ("paren", ("1)", "2)", "3)")),
        ("both", ("(1)", "(2)", "(3)")),
    ):
        draft.style = {**draft.style, "numbering": numbering, "digits": "arabic"}
        doc = Document(io.BytesIO(render_docx(draft, kb.framework)))
        text = "\n".join(plain(c.text) for t in doc.tables for r in t.rows for c in r.cells)
        assert f"{a} ทบทวนคู่มือ\n{b} เผยแพร่คู่มือ\n{c} อบรมบุคลากร" in text
        assert "1) 1." not in text and "1. 1." not in text and "(1) 1." not in text
    monitoring = next(t for t in doc.tables if "5. การกำกับติดตาม" in plain(t.rows[0].cells[-1].text))
    items = [p for p in plain(monitoring.rows[1].cells[1].text).split("\n") if p]
    assert len(items) == len({re.sub(r"^\d+\. ", "", i).strip() for i in items})


def test_break_hints_keep_words_and_numbers_and_leave_the_text_unchanged():
    text = "ไม่น้อยกว่าร้อยละ 90 ภายใน ก.ย. 69 ได้ 72.80 คะแนน ผู้รับผิดชอบ (กองคลัง)"
    hinted = breakable(text)
    assert plain(hinted) == text
    visible = hinted.replace(WJ, "").replace(ZWSP, "")  # the no-break spaces stay
    assert f"ร้อยละ{NBSP}90" in visible and f"ก.ย.{NBSP}69" in visible and f"72.80{NBSP}คะแนน" in visible
    assert "72.80" in hinted  # a number is never cut by a hint
    assert WJ in hinted and ZWSP in hinted
    # no joiner between a letter and the marks on it (that would break the shaping)
    assert not re.search(f"{WJ}[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", hinted)
    # a joiner inside each pythainlp word, a break hint only between words
    assert f"ร{WJ}ับ" not in hinted and f"ผู้{WJ}รั{WJ}บ{WJ}ผิ{WJ}ด{WJ}ช{WJ}อ{WJ}บ" in hinted


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("ดำเนินการให้แล้วเสร็จภายใน 31 มี.ค. 69 ตามแผน", "31 มี.ค. 69"),
        ("ข้อมูล ณ วันที่ 2 ธันวาคม 2569 จากระบบ ITAS", "2 ธันวาคม"),
        ("เสนอผลต่อคณะกรรมการ สำนักปลัด อบจ. ทุกไตรมาส", "อบจ."),
        ("ข้อเสนอแนะของสำนักงาน ป.ป.ช. ประจำปี", "ป.ป.ช."),
    ],
)
def test_lines_never_cut_an_abbreviation_or_a_date(text, whole):
    from bot.export.wordbreak import text_width, wrap

    hinted = breakable(text)
    for width in range(200, 4000, 50):  # every column width from very narrow to wide
        lines = [plain(line).strip() for line in wrap(hinted, width, 14)]
        assert any(whole in line for line in lines) or text_width(whole, 14) > width, (width, lines)


def test_chart_is_drawn_once_per_scores_and_thresholds(kb, drafts):
    draft = drafts[2]
    first = render_chart(draft, kb.framework)
    assert render_chart(draft.model_copy(deep=True), kb.framework) is first
    other = draft.model_copy(update={"thresholds": (80.0, 90.0)})
    assert render_chart(other, kb.framework) != first


@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftotext"), reason="needs LibreOffice")
def test_rendered_plans_fit_their_pages_and_break_thai_only_between_words(kb, drafts, tmp_path):
    full = drafts[5]  # a school, middling scores: ten rows
    weakest = sorted(full.indicators, key=full.indicators.get)[:4]
    four = full.model_copy(update={"rows": [r for r in full.rows if r.indicator in weakest][:4]})
    assert len(full.rows) == 10 and len(four.rows) == 4
    files = {}
    for name, draft in (("ten", full), ("four", four)):
        files[name] = tmp_path / f"{name}.docx"
        files[name].write_bytes(render_docx(draft, kb.framework, render_chart(draft, kb.framework)))
    pages.convert(list(files.values()), tmp_path)
    for name, limit in (("ten", 12), ("four", 6)):
        pdf = files[name].with_suffix(".pdf")
        assert pages.page_count(pdf) <= limit
        checked, failures, _ = pages.check_breaks(
            pages.rendered_lines(pdf), pages.docx_paragraphs(files[name].read_bytes())
        )
        assert checked > 50
        assert failures == []


def test_table_cells_arrive_broken_into_lines_that_fit_and_end_between_words(kb, drafts):
    from pythainlp.tokenize import word_tokenize

    from bot.export.word import CELL_PAD, TABLE_PT
    from bot.export.wordbreak import text_width

    doc = Document(io.BytesIO(render_docx(drafts[1], kb.framework)))
    table = max(doc.tables, key=lambda t: len(t.rows))
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    broken = 0
    for row in table.rows[1:]:
        for cell, width in zip(row.cells, widths, strict=True):
            for paragraph in cell.paragraphs:
                bold = paragraph._p.find(f".//{qn('w:b')}") is not None
                size_el = paragraph._p.find(f".//{qn('w:szCs')}")
                size = int(size_el.get(qn("w:val"))) / 2 if size_el is not None else TABLE_PT
                lines, line = [], ""
                for el in paragraph._p.iter(qn("w:t"), qn("w:br")):
                    if el.tag == qn("w:br"):
                        lines.append(line)
                        line = ""
                    else:
                        line += el.text or ""
                lines.append(line)
                for text in lines:
                    assert text_width(text.rstrip(), size, bold) <= width - 2 * CELL_PAD
                whole = "".join(lines)
                ends, at = set(), 0
                for word in word_tokenize(whole, engine="newmm", keep_whitespace=True):
                    at += len(word)
                    ends.add(at)
                at = 0
                for text in lines[:-1]:
                    at += len(text)
                    broken += 1
                    assert at in ends or whole[at - 1] == " ", (whole[:at][-10:], whole[at:][:10])
    assert broken > 100
    # each break is a run in the line's own size: Word sizes a line by every character on it
    for br in table._tbl.iter(qn("w:br")):
        assert br.getparent().find(f"{qn('w:rPr')}/{qn('w:szCs')}") is not None


def test_the_drafts_own_checks_reach_the_officer_and_never_the_published_plan(kb, drafts):
    check = "ข้อ O25 ชื่อหัวข้อปี 2568 ยังไม่ได้รับการยืนยัน โปรดเทียบกับคู่มือของปีนั้น"
    draft = drafts[0].model_copy(update={"checks": [check]})
    assert check in Exporters(kb.framework).review_notes(draft)
    assert "ยังไม่ได้รับการยืนยัน โปรดเทียบ" not in _text(render_docx(draft, kb.framework))


def test_the_review_copy_button_sends_the_review_copy(kb, drafts):
    from bot.dialogue.render import export_choices

    payload = next(c.payload for c in export_choices() if c.label == w.REVIEW_BUTTON_LABEL)
    turn = Turn(Session(key="t"), payload)
    export_documents(Exporters(kb.framework), turn, drafts[3], payload.split(" ", 1)[1])
    assert [d.filename for d in turn.reply.documents] == ["ita-measures-2569-review.docx"]


def test_checks_that_differ_only_by_indicator_are_said_once(kb, drafts):
    checks = [f"รายการข้อคำถามปี 2568 ยังไม่ได้ยืนยัน แผนจึงไม่ระบุเลขข้อของตัวชี้วัดที่ {n} โปรดตรวจสอบ" for n in (5, 1, 3)]
    notes = Exporters(kb.framework).review_notes(drafts[0].model_copy(update={"checks": [*checks, "อื่น ๆ"]}))
    assert "รายการข้อคำถามปี 2568 ยังไม่ได้ยืนยัน แผนจึงไม่ระบุเลขข้อของตัวชี้วัดที่ 1, 3, 5 โปรดตรวจสอบ" in notes
    assert "อื่น ๆ" in notes and not any("ตัวชี้วัดที่ 5 โปรด" in n for n in notes)


def test_every_column_of_the_progress_report_fits_its_longest_word(kb):
    from datetime import date

    from bot.export.report import REPORT_HEADERS, render_report_docx
    from bot.export.word import CELL_PAD, TABLE_PT
    from bot.export.wordbreak import longest_piece_width
    from tests.draft_samples import tambon_municipality

    doc = Document(
        io.BytesIO(render_report_docx(tambon_municipality(), kb.framework, 6, today=date(2026, 3, 31)))
    )
    table = doc.tables[0]
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    for header, width in zip(REPORT_HEADERS, widths, strict=True):
        assert longest_piece_width(breakable(header), TABLE_PT, True) <= width - 2 * CELL_PAD, header


def test_a_range_dash_never_begins_a_line():
    from bot.export.word import TABLE_PT
    from bot.export.wordbreak import wrap

    hinted = breakable("ดำเนินการ ต.ค. 68 – เม.ย. 69 ตามแผน")
    for width in range(600, 3000, 40):
        assert not any(plain(line).startswith("–") for line in wrap(hinted, width, TABLE_PT))


@pytest.mark.parametrize("term", ["ตัวชี้วัด", "ผู้มีส่วนได้ส่วนเสีย", "ผู้รับบริการ"])
def test_the_plans_own_terms_are_never_cut_at_a_line_end(term):
    from bot.export.wordbreak import wrap

    hinted = breakable(f"รายงานผลตาม{term}ความสำเร็จให้ผู้บริหารทราบทุกไตรมาสและตาม{term}ของหน่วยงาน")
    for width in range(900, 4000, 45):
        lines = [plain(line) for line in wrap(hinted, width, 14)]
        text = "".join(lines)
        ends = [sum(len(x) for x in lines[: i + 1]) for i in range(len(lines) - 1)]
        for m in re.finditer(term, text):
            assert not any(m.start() < e < m.end() for e in ends), (width, lines)


def test_a_space_that_overflows_its_line_is_not_printed_before_the_break():
    from bot.export.word import lines_xml
    from bot.export.wordbreak import text_width

    name = "องค์การบริหารส่วนตำบล"  # one unbreakable term in the plan's own vocabulary
    size = 14.0
    narrow = text_width(name, size) + 5  # the word fits, the word and its space do not
    runs = lines_xml(f"ต่อ{name} รอบ 6 เดือน", narrow, size, False, False).split("<w:br/>")
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", r)) for r in runs]
    assert len(texts) >= 2 and all(t for t in texts)  # no empty line
    assert not any(t.endswith(" ") and text_width(t, size) > narrow for t in texts)
    wide = lines_xml(f"ต่อ{name} รอบ 6 เดือน", 40_000, size, False, False)
    assert f"{name} รอบ" in "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", wide))  # a space that fits stays
