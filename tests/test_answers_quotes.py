"""What an answer quotes: the part of a long line that matched, never a bare heading, our notes kept out.

Real framework, playbook, Chroma index and pythainlp; the seeds are indexed like an officer's files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import build_knowledge, ensure_index
from bot.search.answers import answer_question
from bot.search.citations import MAX_LEAD, cut_line, excerpt, heading_only
from bot.search.fact_words import asks
from bot.search.ingest import ingest
from bot.search.retrieve import Passage
from tests.answer_checks import HEDGE, answer_problems
from tests.kb_helpers import make_settings

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
# One long line, as the curated calendar passage is written.
CALENDAR = (
    "ปีงบประมาณของไทย: ระยะเวลาตั้งแต่วันที่ 1 ตุลาคมของปีหนึ่ง ถึงวันที่ 30 กันยายนของปีถัดไป "
    "และให้ใช้ปี พ.ศ. ที่ถัดไปนั้นเป็นชื่อสำหรับปีงบประมาณนั้น เช่น ปีงบประมาณ พ.ศ. 2569 คือ 1 ต.ค. 2568 "
    "ถึง 30 ก.ย. 2569 ไตรมาสที่ 1 = ต.ค.–ธ.ค.; ไตรมาสที่ 2 = ม.ค.–มี.ค.; ไตรมาสที่ 3 = เม.ย.–มิ.ย.; "
    "ไตรมาสที่ 4 = ก.ค.–ก.ย. การรายงานผลตามมาตรการ: รอบ 6 เดือน = ต.ค.–มี.ค.; รอบ 12 เดือน = ต.ค.–ก.ย."
)


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    kb = build_knowledge(make_settings(tmp_path_factory.mktemp("kb")), in_memory=True)
    ensure_index(kb)
    ingest(kb.index, kb.framework, kb.playbook, [SEEDS], progress=False)
    kb.refresh()
    return kb


def ask(kb, question: str):
    return answer_question(question, kb.retriever, kb.framework, playbook=kb.playbook)


# ---------------------------------------------------------------- long lines are cut around the match
@pytest.mark.parametrize(
    ("question", "kept", "dropped"),
    [
        ("ไตรมาส 3 ของปีงบประมาณ คือเดือนอะไร", "ไตรมาสที่ 3 = เม.ย.–มิ.ย.", "ปีงบประมาณของไทย:"),
        ("รอบ 12 เดือน รายงานช่วงไหน", "รอบ 12 เดือน = ต.ค.–ก.ย.", "ไตรมาสที่ 1 = ต.ค.–ธ.ค."),
    ],
)
def test_a_long_line_is_cut_around_the_words_that_matched_with_what_follows(question, kept, dropped):
    quote = cut_line(CALENDAR, question, 120)
    assert kept in quote and dropped not in quote
    assert len(quote) <= 120 + 4  # the cut marks "… " / " …" aside
    assert quote.startswith("… ")  # a cut is shown as one


def test_a_line_that_fits_is_never_cut():
    assert cut_line("ไตรมาสที่ 3 = เม.ย.–มิ.ย.", "ไตรมาส 3", 120) == "ไตรมาสที่ 3 = เม.ย.–มิ.ย."


def test_an_excerpt_of_a_passage_with_one_long_line_keeps_the_match_and_no_double_cut_marks():
    text = "หัวข้อปฏิทิน\n" + CALENDAR + "\nบรรทัดท้าย"
    quote = excerpt(text, "ไตรมาส 3 คือเดือนไหน", 160)
    assert "ไตรมาสที่ 3 = เม.ย.–มิ.ย." in quote and "… …" not in quote and len(quote) <= 170


def test_the_short_answer_to_a_question_on_a_long_passage_is_the_part_that_answers(kb):
    text = ask(kb, "ไตรมาส 3 ของปีงบประมาณ คือเดือนไหนถึงเดือนไหนคะ").text
    lead = text.splitlines()[0]
    assert "ไตรมาสที่ 3 = เม.ย.–มิ.ย." in lead and len(lead) <= MAX_LEAD + 10
    assert answer_problems(text) == []


# ---------------------------------------------------------------- headings say nothing
def _passage(text: str, **kw) -> Passage:
    base = dict(
        source="x.txt",
        score=1.0,
        indicators=(),
        items=(),
        kind="analysis",
        year=2568,
        chunk_id="c",
        pid="x.txt#3",
    )
    return Passage(text=text, **{**base, **kw})


def test_a_document_chunk_that_is_only_a_heading_is_told_apart():
    assert heading_only(_passage("11/6/69 21:49\nผลการประเมินรายเครื่องมือ"))
    assert not heading_only(_passage("หัวตาราง: ตัวชี้วัด | คะแนน\nตัวชี้วัด: รวม | คะแนน: 94.12", kind="score_table"))
    assert not heading_only(_passage("ผลการประเมิน ITA ระดับ A", pid="level-A"))  # curated, not a chunk


@pytest.mark.parametrize(
    "question",
    [
        "ผลการประเมินรายเครื่องมือ ของเทศบาลตำบลนามะเขือ",
        "กลุ่มผู้มีส่วนได้ส่วนเสียภายใน ประเด็นที่ต้องแก้ไขเร่งด่วน ของ สสปน.",
        "สรุปผลการประเมินรายตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2568 เทศบาลตำบลนิเวศน์",
    ],
)
def test_a_question_in_a_headings_words_gets_passages_that_say_something(kb, question):
    answer = ask(kb, question)
    assert answer.passages and not [p.pid for p in answer.passages if heading_only(p)]


# ---------------------------------------------------------------- what is shown, and in which order
def test_the_research_notes_of_a_recommendation_are_not_shown(kb):
    text = ask(kb, "ข้อเสนอแนะ ป.ป.ช. ข้อ E15 ว่าอย่างไร").text
    assert "ปรับปรุงการดำเนินงาน/การให้บริการ" in text
    assert "อนุมานจากถ้อยคำ" not in text and "พบในเอกสารของหน่วยงานตัวอย่าง" not in text


def test_the_playbook_entry_comes_before_our_guidance_when_measures_are_asked(kb):
    answer = ask(kb, "ขอตัวอย่างมาตรการข้อ I29 หน่อยค่ะ")
    pids = [p.pid for p in answer.passages]
    assert pids[0] == "playbook:I29"
    guidance = [n for n, pid in enumerate(pids) if pid.startswith("guide-")]
    assert all(n > 0 for n in guidance)


def test_a_year_named_does_not_put_that_years_list_before_the_passage_that_answers(kb):
    answer = ask(kb, "ปีงบประมาณ 2570 เริ่มต้นวันที่เท่าไหร่ครับ")
    assert answer.passages[0].pid == "calendar-fiscal-year"


@pytest.mark.parametrize(
    "question",
    [
        "ข้อมูลการติดต่อ ปี 69 ต้องมีอะไรบ้างคะ",
        "ระดับ B C D E F แต่ละระดับหมายถึงอะไรบ้าง",
        "ตัวชี้วัดที่ 5 มีประเด็นอะไรบ้างคะ",
    ],
)
def test_what_is_asked_about_one_thing_is_not_answered_with_the_tools(kb, question):
    assert not asks("tools", question)
    assert "3 แบบวัด" not in ask(kb, question).text.splitlines()[0]


def test_a_2569_report_item_says_which_fiscal_year_it_reports_and_that_it_is_unconfirmed(kb):
    text = ask(kb, "ข้อ O24 ปี 2569 ต้องเผยแพร่อะไรบ้าง").text
    note = next(line for line in text.splitlines() if line.startswith("หมายเหตุ:"))
    assert "ปีงบประมาณ 2568" in note and HEDGE.search(note)
    assert answer_problems(text) == []


@pytest.mark.parametrize(
    ("question", "fiscal_year"),
    [
        ("ขอตัวอย่างมาตรการตัวชี้วัดที่ 7 สำหรับ อบต. ปี 2569 ค่ะ", 2569),  # the plan's own year
        ("ผลการประเมินปี 2568 ตัวชี้วัดที่ 7 ต่ำ ขอตัวอย่างมาตรการค่ะ", 2569),  # results: the plan runs after
    ],
)
def test_a_year_named_with_measures_is_the_plans_year_and_with_results_the_year_before_it(
    kb, question, fiscal_year
):
    text = ask(kb, question).text
    assert f"ปีงบประมาณ {fiscal_year}" in text and f"ปีงบประมาณ {fiscal_year + 1}" not in text


def test_a_years_oit_list_with_holes_gives_the_items_known_and_names_the_holes(kb):
    head = ask(kb, "ITA 2026 indicator 9 มีข้อไหนบ้างครับ").text.splitlines()[0]
    assert "ข้อที่ทราบมี" in head and "O2, O4–O9" in head and HEDGE.search(head)
    complete = ask(kb, "ปี 2564 ตัวชี้วัดที่ 10 มีข้ออะไรบ้าง").text.splitlines()[0]
    assert "ยังไม่ทราบชื่อข้อ" not in complete  # O1–O43 are all known for 2564
