"""Conventions found with dev round 54 (r15): the families of its misses, not its phrasings."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- comma- or semicolon-separated rows (CSV)


@pytest.mark.parametrize(
    "text",
    [
        "indicator,score\n6,91.22\n7,88.90\n8,87.15",
        "ตัวชี้วัด,คะแนน\n6,91.22\n7,88.90\n8,87.15",
        "no;score\n6;91.22\n7;88.90\n8;87.15",
        "ตัวชี้วัด;คะแนน\n6;91,22\n7;88,90\n8;87,15",
        "6,91.22\n7,88.90\n8,87.15",
        "ตัวชี้วัด 6,91.22\nตัวชี้วัด 7,88.90\nตัวชี้วัด 8,87.15",
        'indicator,score\n6,"91.22"\n7,"88.90"\n8,"87.15"',
        "ตัวชี้วัด, คะแนน\n6, 91.22\n7, 88.90\n8, 87.15",
    ],
)
def test_separated_rows_are_a_table(text):
    res = read(text)
    assert res.scores.indicators == {6: 91.22, 7: 88.9, 8: 87.15}
    assert res.error is None


def test_separated_rows_with_a_target_column_keep_the_score():
    res = read("indicator,score,target\n9,73.00,85\n10,68.75,85")
    assert res.scores.indicators == {9: 73.0, 10: 68.75}


def test_separated_item_and_tool_rows():
    assert read("item,score\nO1,100\nO2,0\nO3,100").scores.items == {"O1": 100.0, "O2": 0.0, "O3": 100.0}
    assert read("tool,score\nIIT,95.5\nEIT,88.25\nOIT,72.5").scores.tools == {
        "IIT": 95.5,
        "EIT": 88.25,
        "OIT": 72.5,
    }


def test_a_decimal_comma_stays_a_decimal():
    assert read("ตัวชี้วัดที่ 1 91,22").scores.indicators == {1: 91.22}
    assert read("ภาพรวม 88,75 ค่ะ").scores.overall == 88.75


# ---------------------------------------------------------------- a mistyped value past 100 is said


@pytest.mark.parametrize(
    "text",
    [
        "O13 ได้ 1000 O14 ได้ 100 ครับ",
        "ตัวชี้วัดที่ 9 ได้ 8875 ตัวที่ 10 ได้ 90",
        "ข้อ O5 = 1000",
        "IIT ได้ 9550 EIT 88.5",
        "ภาพรวมได้ 8880 ค่ะ",
    ],
)
def test_a_value_past_100_after_its_key_is_an_error(text):
    res = read(text)
    assert res.error is not None
    assert all(v <= 100 for v in res.scores.indicators.values())


@pytest.mark.parametrize("text", ["งบประมาณได้ 1500 บาท ภาพรวม 88", "ปี 2568 ได้ 88", "ภาพรวม 88 ผู้ตอบ 1200 คน"])
def test_a_large_number_that_is_no_score_stays_out(text):
    res = read(text)
    assert res.error is None and res.scores.overall == 88.0


# ---------------------------------------------------------------- the plan's fiscal year said first


@pytest.mark.parametrize(
    "text",
    [
        "ปีงบ69 ขอมาตรการหน่อยครับ ภาพรวม ITA 68 = 88.8",
        "ปีงบประมาณ 69 อยากได้มาตรการ ITA ปี 68 ได้ 88.8",
        "FY69 ขอแผนครับ ITA 68 ได้ 88.8",
        "ปีงบ 2569 ช่วยร่างมาตรการให้หน่อยค่ะ ผลปี 2568 ภาพรวม 88.8",
        "ขอมาตรการหน่อยครับ ปีงบ 69 ภาพรวม ITA 68 = 88.8",
    ],
)
def test_a_fiscal_year_before_the_plan_asked_for_is_the_plans(text):
    res = read(text)
    assert res.fiscal_year == 2569
    assert (res.scores.year, res.scores.overall) == (2568, 88.8)


def test_a_score_word_between_plan_and_year_makes_it_the_scores_year():
    res = read("ขอมาตรการหน่อยครับ ภาพรวม ITA 68 = 88.8")
    assert res.fiscal_year is None
    assert res.scores.year == 2568


# ---------------------------------------------------------------- one value, then the keys that got it


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("OIT ได้ 62.50 ค่ะ ข้อที่ได้ 0 มี O11 กับ O12", {"O11": 0.0, "O12": 0.0}),
        ("ข้อที่ได้ 0 คือ O11 O12", {"O11": 0.0, "O12": 0.0}),
        ("ที่ได้ 0 ได้แก่ O11, O12 และ O20", {"O11": 0.0, "O12": 0.0, "O20": 0.0}),
        ("ข้อที่ได้ 100 มี O1 ถึง O5", {f"O{k}": 100.0 for k in range(1, 6)}),
        ("ข้อที่ได้ศูนย์คะแนนคือ O3 กับ O7 ค่ะ", {"O3": 0.0, "O7": 0.0}),
        ("ที่ได้ 50 : I4, I5", {"I4": 50.0, "I5": 50.0}),
        ("ข้อที่ได้ 0 คือ O11", {"O11": 0.0}),
    ],
)
def test_a_value_then_the_keys_that_got_it(text, items):
    res = read(text)
    assert res.scores.items == items
    assert res.scores.overall is None


def test_tools_beside_a_value_first_item_list():
    res = read("OIT ได้ 62.50 ค่ะ ข้อที่ได้ 0 มี O11 กับ O12")
    assert res.scores.tools == {"OIT": 62.5}


@pytest.mark.parametrize(
    "tail",
    [" ค่ะ", " คะแนน", " ควรทำอะไรก่อนคะ", ".", " 👍"],
)
def test_separated_rows_keep_a_particle_unit_or_remark_after_a_value(tail):
    res = read(f"indicator,score\n6,91.22\n7,88.90\n8,87.15{tail}")
    assert res.scores.indicators == {6: 91.22, 7: 88.9, 8: 87.15}


def test_separated_rows_with_bullets():
    assert read("- indicator,score\n- 6,91.22\n- 7,88.90").scores.indicators == {6: 91.22, 7: 88.9}


def test_a_name_ending_in_thi_is_no_relative_clause():
    res = read("ได้ 95.50 คะแนนในเรื่องการปฎิบัติหน้าที่\nได้ 93 คะแนนในเรื่องการใช้งบ\nได้ 94.25 คะแนนในเรื่องใช้อำนาจ")
    assert res.scores.indicators == {1: 95.5, 2: 93.0, 3: 94.25}
