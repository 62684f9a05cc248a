"""Conventions found with dev round 55 (r16): the families of its misses, not its phrasings."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- a separated table with years for columns


@pytest.mark.parametrize(
    "header",
    ["เครื่องมือ,ปี 2567,ปี 2568", "tool,2567,2568", "เครื่องมือ;ปี 67;ปี 68", "เครื่องมือ,พ.ศ. 2567,พ.ศ. 2568"],
)
def test_separated_rows_under_year_columns(header):
    sep = ";" if ";" in header else ","
    res = read(f"{header}\nIIT{sep}93.10{sep}95.42\nEIT{sep}88.00{sep}90.15")
    assert res.scores.year == 2568
    assert res.scores.tools == {"IIT": 95.42, "EIT": 90.15}
    assert res.previous is not None and res.previous.tools == {"IIT": 93.1, "EIT": 88.0}


# ---------------------------------------------------------------- years and values paired across a slash


@pytest.mark.parametrize(
    "text",
    [
        "ภาพรวม 2567/2568 = 82.10/87.65",
        "ภาพรวม ปี 67/68 ได้ 82.10/87.65 ค่ะ",
        "ภาพรวม (2567/2568) 82.10/87.65",
        "ภาพรวม 82.10/87.65 (ปี 67/68)",
        "คะแนนรวม ปี 2567 / 2568 : 82.10 / 87.65",
    ],
)
def test_years_and_values_paired_across_a_slash(text):
    res = read(text)
    assert (res.scores.year, res.scores.overall) == (2568, 87.65)
    assert res.previous is not None and (res.previous.year, res.previous.overall) == (2567, 82.1)


def test_a_tool_with_years_and_values_across_a_slash():
    res = read("IIT 67/68: 91.2/94.6 EIT 67/68: 85/88.3")
    assert res.scores.tools == {"IIT": 94.6, "EIT": 88.3}
    assert res.previous is not None and res.previous.tools == {"IIT": 91.2, "EIT": 85.0}


def test_two_values_with_a_slash_and_no_years_stay_as_they_were():
    res = read("ตัวชี้วัด 9 กับ 10 ได้ 72.5/80")
    assert res.scores.year is None


# ---------------------------------------------------------------- a plan request, then the results' year


@pytest.mark.parametrize(
    "text",
    [
        "ปีงบฯ 69 ขอแผนยกระดับค่ะ ปี 68 ภาพรวมได้ 84.33",
        "ขอแผนยกระดับค่ะ ปี 68 ภาพรวมได้ 84.33",
        "ช่วยร่างมาตรการให้หน่อยนะคะ ปี 2568 ได้ 84.33",
        "อยากได้มาตรการ ปี 68 ภาพรวม 84.33",
    ],
)
def test_a_year_with_its_score_after_a_plan_request_is_the_scores(text):
    res = read(text)
    assert (res.scores.year, res.scores.overall) == (2568, 84.33)
    assert res.fiscal_year in (None, 2569)


def test_a_plan_year_said_after_the_request_stays_the_plans():
    res = read("ช่วยร่างมาตรการปี 2569 ให้หน่อยค่ะ ปี 2568 ภาพรวม 84.33")
    assert (res.fiscal_year, res.scores.year) == (2569, 2568)


# ---------------------------------------------------------------- the plan asked for in English


@pytest.mark.parametrize(
    "text",
    [
        "Need the FY2026 measures please. ITA 2568 overall 90.5",
        "Please draft measures for FY69. ITA 68 overall 90.5",
        "plan for fiscal year 2569 please, ITA 2568 overall 90.5",
        "FY 2569 plan please - overall 90.5 in 2568",
    ],
)
def test_a_plan_asked_for_in_english_names_the_fiscal_year(text):
    res = read(text)
    assert res.fiscal_year == 2569
    assert (res.scores.year, res.scores.overall) == (2568, 90.5)


def test_years_and_values_across_a_slash_with_units():
    res = read("ภาพรวม 2567/2568 = 82.10 คะแนน/87.65 คะแนน")
    assert (res.scores.year, res.scores.overall) == (2568, 87.65)


# ---------------------------------------------------------------- composed from round 55's facts


def test_a_whole_value_moved_after_its_key_keeps_a_value_mark():
    res = read("ได้ 0 คะแนนในตัวชี้วัดที่ 9 การเปิดเผยข้อมูล และได้ 80 คะแนนในตัวชี้วัดที่ 10 การป้องกันการทุจริต")
    assert res.scores.indicators == {9: 0.0, 10: 80.0}


@pytest.mark.parametrize("give", ["อยู่ที่", "ได้", ":"])
def test_a_key_wrapped_at_a_line_end_does_not_take_the_value_before_it(give):
    res = read(
        f"ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ {give} 98.40 ตัวชี้วัดที่ 2 การใช้งบประมาณ {give} 97.1 ตัวชี้วัดที่ 3\n"
        f"การใช้อำนาจ {give} 99.20"
    )
    assert res.scores.indicators == {1: 98.4, 2: 97.1, 3: 99.2}
    assert res.error is None


@pytest.mark.parametrize("value", ["96", "96.00"])
def test_a_year_in_brackets_after_a_named_value_dates_the_line(value):
    res = read(f"ส่วนการใช้งบประมาณ 95.00 ส่วนการใช้อำนาจ {value} (ปี 2568)")
    assert (res.scores.year, res.scores.indicators) == (2568, {2: 95.0, 3: 96.0})
