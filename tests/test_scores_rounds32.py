"""Conventions found with dev rounds 32-33: a question asked of a value, last year only, label and value
blocks, an I read as a 1. Several phrasings each; the understanding step and the dialogue agree."""

from __future__ import annotations

import time

import pytest

from bot.dialogue.conversation import State
from bot.dialogue.understand import Kind, understand
from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR
from tests.test_dialogue import Officer, make_dialogue, parts  # noqa: F401
from tests.test_dialogue_flow import session, to_scores

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- a question asked of its only value

ASKED = [
    "คะแนน 72 ถือว่าต่ำมากไหมคะ",
    "ได้ 85.5 ต้องทำแผนไหม",
    "is 72 low?",
    "ตัวชี้วัดที่ 9 ได้ 72 ถือว่าต่ำไหมคะ",
    "EIT 80 ต่ำไปมั้ยครับ",
    "ภาพรวม 91.5 ต้องทำมาตรการด้วยหรือเปล่าคะ",
    "ทำไมตัวชี้วัดที่ 7 ได้แค่ 65 คะ",
    "คะแนน 79.5 อยู่ระดับไหนคะ",
    "คะแนนตัวชี้วัดที่ 10 ได้ 70 หมายความว่าอย่างไรครับ",
]


@pytest.mark.parametrize("text", ASKED)
def test_a_question_asked_of_its_only_value_is_a_question(text):
    res = read(text)
    assert res.scores.is_empty() and res.error
    for state in ("scores", "confirm", "drafted"):
        assert understand(text, FW, drafted=state == "drafted", state=state).kind is Kind.QUESTION


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("ตัวชี้วัดที่ 9 ได้ 72 ควรทำอะไรก่อนคะ", {9: 72.0}),  # asks what to do, not about 72
        ("ตัวชี้วัดที่ 10 ได้ 60 ควรเขียนมาตรการยังไงดีคะ", {10: 60.0}),
        ("ตัวชี้วัด 7 ได้ 78.40 ครับ\nแบบนี้ถือว่าต่ำไหมครับ", {7: 78.4}),  # stated first, asked after
        ("ตัวชี้วัดที่ 9 ได้ 72.5 ตัวชี้วัดที่ 10 ได้ 80 แบบนี้ต้องทำมาตรการไหมคะ", {9: 72.5, 10: 80.0}),
    ],
)
def test_a_report_that_asks_about_something_else_keeps_its_scores(text, expect):
    assert read(text).scores.indicators == expect
    assert understand(text, FW, drafted=False, state="scores").kind is Kind.SCORES


def test_a_value_stated_with_a_particle_before_the_question_is_kept():
    assert read("ภาพรวมปีนี้ได้ 88.5 ค่ะ ต้องทำแผนไหมคะ").scores.overall == 88.5
    assert read("ภาพรวมปีนี้ได้ 88.5 ต้องทำแผนไหมคะ").scores.is_empty()


def test_a_data_command_that_asks_sets_nothing():
    assert understand("เกณฑ์ 85 ใช่ไหมคะ", FW, drafted=False, state="scores").kind is Kind.QUESTION
    sent = understand("คะแนน ตัวชี้วัด 9 ได้ 70", FW, drafted=False, state="scores")
    assert sent.kind is Kind.COMMAND


@pytest.fixture
def officer(parts, tmp_path):  # noqa: F811
    return Officer(make_dialogue(parts, tmp_path / "s.db"))


def test_an_officer_who_asks_about_a_score_is_answered_and_keeps_the_step(officer):
    to_scores(officer)
    officer.says("คะแนน 72 ถือว่าต่ำมากไหมคะ")
    assert officer.state() is State.SCORES
    assert "ไม่พบคะแนน" not in officer.text()
    assert session(officer).scores is None or session(officer).scores.is_empty()


# ---------------------------------------------------------------- last year only


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("ปีที่แล้วได้ 85 ปีนี้ยังไม่ประกาศ", {"overall": 85.0}),
        ("ITA ปีที่ผ่านมาได้ 91.25 ครับ ของปีนี้ยังไม่ได้ผล", {"overall": 91.25}),
        ("ผลปีก่อนตัวชี้วัด 9 ได้ 70 ค่ะ ปีนี้ยังรอประกาศอยู่", {"indicators": {"9": 70.0}}),
        ("ปี 67 ได้ 88.5 ค่ะ ส่วนปี 68 ผลยังไม่ออก", {"year": 2567, "overall": 88.5}),
    ],
)
def test_last_years_score_with_this_year_not_out_is_the_previous_year_only(text, previous):
    res = read(text)
    assert res.scores.is_empty() and res.error
    assert res.previous is not None
    got = res.previous.to_json()
    assert {k: got[k] for k in previous} == previous


def test_a_result_not_out_without_another_year_changes_nothing():
    assert read("ตัวชี้วัดที่ 9 ได้ 72.5 ค่ะ ภาพรวมยังไม่ประกาศค่ะ").scores.indicators == {9: 72.5}
    assert read("ปีที่แล้วได้ 85 ปีนี้ขึ้นมาเป็น 90.5 ค่ะ").scores.overall == 90.5


# ---------------------------------------------------------------- labels, then their values


@pytest.mark.parametrize(
    ("text", "field", "expect"),
    [
        (
            "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\nตัวชี้วัดที่ 10 การป้องกันการทุจริต\n85.75\n90.00",
            "indicators",
            {9: 85.75, 10: 90.0},
        ),
        ("การเปิดเผยข้อมูล\nการป้องกันการทุจริต\n\n85.00\n92.50", "indicators", {9: 85.0, 10: 92.5}),
        ("ก๊อปจาก pdf ค่ะ\nO1\nO2\nO3\n100.00\n0.00\n100.00", "items", {"O1": 100.0, "O2": 0.0, "O3": 100.0}),
        ("EIT รายข้อ\nE1 ปฏิบัติตามขั้นตอน\nE2 ให้ข้อมูลชัดเจน\n90.50\n88.00", "items", {"E1": 90.5, "E2": 88.0}),
        ("IIT\nEIT\nOIT\n95.42\n88.10\n76.00", "tools", {"IIT": 95.42, "EIT": 88.1, "OIT": 76.0}),
        ("ตัวชี้วัดที่ 6\nตัวชี้วัดที่ 7\nตัวชี้วัดที่ 8\n91.15 84.60 87.30", "indicators", {6: 91.15, 7: 84.6, 8: 87.3}),
    ],
)
def test_a_block_of_labels_then_a_block_of_values_pairs_in_order(text, field, expect):
    assert getattr(read(text).scores, field) == expect


def test_a_block_whose_counts_differ_pairs_nothing_by_guessing():
    res = read("ตัวชี้วัดที่ 8\nตัวชี้วัดที่ 9\nตัวชี้วัดที่ 10\n84.00\n79.50")
    assert 8 not in res.scores.indicators  # two values for three labels: not the first two labels'


# ---------------------------------------------------------------- an I that became a 1


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("ก๊อปตาราง IIT จาก pdf ตัว I กลายเป็นเลข 1\n14 100.00\n15 97.50", {"I4": 100.0, "I5": 97.5}),
        ("ผล IIT จาก pdf\n115 80.25\n116 77.00\n120 91.10", {"I15": 80.25, "I16": 77.0, "I20": 91.1}),
    ],
)
def test_an_iit_item_whose_letter_became_a_one(text, expect):
    assert read(text).scores.items == expect


def test_a_leading_one_is_not_an_i_without_a_reason():
    res = read("IIT รายข้อ\n14 100.00\n15 97.50")  # may be I14 and I15: not read as I4 and I5
    assert "I4" not in res.scores.items and "I5" not in res.scores.items


# ---------------------------------------------------------------- a year, a point back, and speed


def test_this_years_two_digit_year_before_a_labelled_value_is_the_year():
    res = read("ปีนี้ 68 😭 ตัวที่10 ได้แค่ 56.25 เองค่ะ")
    assert res.scores.overall is None and res.scores.indicators == {10: 56.25} and res.scores.year == 2568


def test_a_unit_word_pointing_back_is_no_count():
    assert read("ตัวชี้วัดที่ 10 ได้ 80 แบบนี้ดีไหม ตัวชี้วัดที่ 9 ได้ 70").scores.indicators.get(9) == 70.0
    assert read("ตัวชี้วัดที่ 9 ได้ 72.5 ตัวชี้วัดที่ 10 ได้ 80 แบบนี้โอเคค่ะ").scores.indicators[10] == 80.0


def test_a_line_of_spaces_is_read_in_linear_time():
    t0 = time.process_time()
    read(" " * 49_999 + "1")
    assert time.process_time() - t0 < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "ขอถ้อยคำสำหรับตัวชี้วัดที่ 9 ที่ได้ 72 คะแนนหน่อยค่ะ",
        "รบกวนขอตัวอย่างมาตรการสำหรับตัวชี้วัด 9 ที่ได้ 72 หน่อย",
        "แนะนำหน่อยค่ะ ตัวชี้วัด 9 ได้ 72 ควรเริ่มจากอะไร",
    ],
)
def test_a_request_for_wording_that_names_a_score_is_a_question(text):
    parsed = understand(text, FW, drafted=False, state="scores")
    assert parsed.kind is Kind.QUESTION
    assert parsed.scores is not None and parsed.scores.scores.indicators == {9: 72.0}  # still read


def test_a_request_to_draft_with_a_score_sends_the_score():
    assert (
        understand("ช่วยร่างมาตรการให้หน่อย ตัวชี้วัด 9 ได้ 72", FW, drafted=False, state="scores").kind is Kind.SCORES
    )
