"""Conventions found with dev rounds 47 and 48 (a writer's, unseen code): several phrasings each."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- verdicts on OIT items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("OIT 76 ตกข้อ O7 O33 O34 ค่ะ", {"O7": 0.0, "O33": 0.0, "O34": 0.0}),
        ("พบว่ามีข้อที่ไม่ผ่านเกณฑ์ ได้แก่ O12 O15 และ O28 โดย OIT ได้ 78.40", {"O12": 0.0, "O15": 0.0, "O28": 0.0}),
        ("OIT 90 ผ่านข้อ O1 O2 ครับ", {"O1": 100.0, "O2": 100.0}),
        ("OIT 80 ไม่ผ่านคือ O5, O6 ค่ะ", {"O5": 0.0, "O6": 0.0}),
    ],
)
def test_a_verdict_before_the_codes_it_introduces_judges_them(text, items):
    assert read(text).scores.items == items


def test_a_verdict_without_a_word_introducing_codes_stays_with_the_codes_before_it():
    assert read("OIT 80 O1 ไม่ผ่าน O2 ผ่าน").scores.items == {"O1": 0.0, "O2": 100.0}


def test_a_verdict_before_codes_that_have_values_leaves_the_values():
    assert read("ไม่ผ่านข้อ O5 ได้ 60 ค่ะ").scores.items == {"O5": 60.0}


def test_an_instruction_before_a_verdict_is_not_a_finding():
    assert read("OIT 80 ต้องทำให้ผ่านข้อ O5 O6 ค่ะ").scores.items == {}


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("o13 o14 ไม่ผ่านนะคะ o20 ผ่าน", {"O13": 0.0, "O14": 0.0, "O20": 100.0}),
        ("OIT 70 ข้อ o5 ไม่ผ่านค่ะ", {"O5": 0.0}),
    ],
)
def test_item_codes_typed_in_lower_case_are_read(text, items):
    assert read(text).scores.items == items


@pytest.mark.parametrize(
    "text",
    [
        "ภาพรวม 82.00 คะแนนค่ะ โดยข้อ O36 ไม่ผ่าน ทำให้คะแนนตัวชี้วัดที่ 10 ลดลงไปมาก",
        "ภาพรวม 82.00 ค่ะ ข้อ O36 ไม่ผ่านเพราะยังไม่ได้เผยแพร่",
    ],
)
def test_a_verdict_run_into_the_next_word_still_counts(text):
    assert read(text).scores.items == {"O36": 0.0}


# ---------------------------------------------------------------- "ผ่านเกณฑ์" as a verdict, not a target


@pytest.mark.parametrize(
    "text",
    [
        "ปี 2567 ได้ 84.10 ไม่ผ่านเกณฑ์ ส่วนปี 2568 ได้ 88.95 ผ่านเกณฑ์แล้วค่ะ",
        "ปี 67 ได้ 84.10 ยังไม่ผ่านเกณฑ์ค่ะ ปี 68 ได้ 88.95",
    ],
)
def test_a_pass_verdict_does_not_make_the_next_value_a_target(text):
    r = read(text)
    assert (r.scores.year, r.scores.overall) == (2568, 88.95)
    assert r.previous is not None and (r.previous.year, r.previous.overall) == (2567, 84.1)


def test_the_number_a_pass_criterion_names_is_still_a_target():
    assert read("ต้องผ่านเกณฑ์ 85 ค่ะ").scores.overall is None


# ---------------------------------------------------------------- years


@pytest.mark.parametrize(
    "text",
    [
        "ในปีงบประมาณ 2568 โรงเรียนได้คะแนน ITA 91.48 คะแนน ส่วนปีงบประมาณ 2567 ได้ 89.90 คะแนน",
        "ปี 2568 สำนักงานของเราได้คะแนน ITA 91.48 ส่วนปี 2567 ได้ 89.90",
    ],
)
def test_a_subject_between_a_year_and_its_score_keeps_the_year(text):
    r = read(text)
    assert (r.scores.year, r.scores.overall) == (2568, 91.48)
    assert r.previous is not None and (r.previous.year, r.previous.overall) == (2567, 89.9)


@pytest.mark.parametrize("head", ["ตชว\tปี67\tปี68", "ตัวชี้วัด\tปี 67\tปี 68", "ตัวชี้วัด\tปีงบ 67\tปีงบ 68"])
def test_two_digit_years_head_year_columns(head):
    r = read(head + "\n9\t66.67\t80.00\n10\t70.00\t75.50")
    assert (r.scores.year, r.scores.indicators) == (2568, {9: 80.0, 10: 75.5})
    assert r.previous is not None and r.previous.indicators == {9: 66.67, 10: 70.0}


# ---------------------------------------------------------------- whose, and a relative clause


@pytest.mark.parametrize("text", ["ทต.ข้างบ้านได้ 95 อะ ทำไงดี", "อบต.ข้างบ้านเขาได้ ITA 96.5 ค่ะ"])
def test_a_next_door_agencys_score_is_not_ours(text):
    assert read(text).scores.overall is None


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        ("ตัวชี้วัดการแก้ไขปัญหาการทุจริตซึ่งได้เพียง 76.80 และตัวชี้วัดการใช้อำนาจซึ่งได้ 82.15 ค่ะ", {5: 76.8, 3: 82.15}),
        ("การเปิดเผยข้อมูลซึ่งได้ 70.5 ต่ำที่สุดค่ะ", {9: 70.5}),
    ],
)
def test_a_relative_clause_may_stand_between_a_name_and_its_value(text, indicators):
    assert read(text).scores.indicators == indicators


# ---------------------------------------------------------------- shortened and misspelt labels


def test_a_long_name_shortened_by_two_letters_is_still_named_and_keeps_its_value():
    s = read("การใช้อำนาจ 95.2 / การใช้งบ 88.4 / แก้ปัญหาทุจริต 83").scores
    assert s.indicators == {3: 95.2, 2: 88.4, 5: 83.0}


@pytest.mark.parametrize("text", ["คะแนนภาพรม 84.9 จ้า", "ภาพรวท 84.9 ค่ะ", "ภาพรวม 84.9"])
def test_the_overall_word_misspelt_by_one_letter_is_read(text):
    assert read(text).scores.overall == 84.9


def test_a_dictionary_word_near_the_overall_word_is_not_taken_for_it():
    from bot.scores.normalise import fix_label_typos

    assert fix_label_typos("ภาพร่าง 2 ชุด ภาพถ่าย 3 ภาพ") == "ภาพร่าง 2 ชุด ภาพถ่าย 3 ภาพ"
    assert fix_label_typos("ภาพรม 84.9") == "ภาพรวม 84.9"
