"""Conventions found with fresh dev rounds 15 and later (chat as officers write it): several phrasings each."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- every common way to say "total"


@pytest.mark.parametrize(
    "text",
    [
        "OIT ได้ 68.5 IIT 90.1 EIT 88.35 รวมทั้งหมด 80.99 ครับ",
        "IIT 90.1 EIT 88.35 OIT 68.5 ทั้งหมด 80.99",
        "IIT 90.1 EIT 88.35 OIT 68.5 สรุปรวมได้ 80.99 ค่ะ",
        "IIT 90.1 EIT 88.35 OIT 68.5 ยอดรวม 80.99",
        "IIT 90.1 EIT 88.35 OIT 68.5 รวมแล้วได้ 80.99",
        "IIT 90.1 EIT 88.35 OIT 68.5 รวมทั้งสิ้น 80.99",
        "IIT 90.1 EIT 88.35 OIT 68.5 โดยรวม 80.99",
    ],
)
def test_total_words_name_the_overall(text):
    res = read(text)
    assert res.scores.overall == 80.99
    assert res.scores.tools == {"IIT": 90.1, "EIT": 88.35, "OIT": 68.5}


@pytest.mark.parametrize(
    "text", ["บุคลากรทั้งหมด 45 คน", "รวมทั้งหมด 10 ตัวชี้วัด", "ทั้งหมด 3 ข้อ ยังไม่ผ่าน", "รวมทั้ง 2 ตัว"]
)
def test_a_total_of_a_count_is_no_score(text):
    res = read(text)
    assert res.scores.is_empty() and res.error


# ---------------------------------------------------------------- years label values in running prose


@pytest.mark.parametrize(
    ("text", "now", "before"),
    [
        ("ปี 67 ได้ 78.10 ปี 68 ขึ้นมาเป็น 84.95 ค่ะ", 84.95, 78.1),
        ("ปี 67 ได้ 78.10 ปี 68 อยู่ที่ 84.95", 84.95, 78.1),
        ("ปี 2567 ได้ 81.2 ส่วนปี 2568 ลดลงเหลือ 79.4 ค่ะ", 79.4, 81.2),
        ("ปี 67 ได้ 78.10 ปี 68 เพิ่มเป็น 84.95", 84.95, 78.1),
        ("ปี 67 ได้ 78.10 ปี 68 ก็ขยับขึ้นไปอยู่ที่ 84.95", 84.95, 78.1),
    ],
)
def test_a_year_and_a_change_verb_label_the_new_value(text, now, before):
    res = read(text)
    assert (res.scores.year, res.scores.overall) == (2568, now)
    assert res.previous is not None and (res.previous.year, res.previous.overall) == (2567, before)


def test_relative_years_with_a_change_verb():
    res = read("ปีก่อน 80.5 ปีนี้ขยับขึ้นไปอยู่ที่ 88.25")
    assert res.scores.overall == 88.25
    assert res.previous is not None and res.previous.overall == 80.5


def test_an_indicator_by_year_with_a_change_verb_takes_a_whole_number():
    res = read("ตัวชี้วัดที่ 9 ปี 67 ได้ 70 ปี 68 ขึ้นมาเป็น 80")
    assert res.scores.indicators == {9: 80.0}
    assert res.previous is not None and res.previous.indicators == {9: 70.0}


# ---------------------------------------------------------------- list marks glued to their values


@pytest.mark.parametrize(
    "text",
    [
        "สรุปสั้นๆนะคะ 1)96.2 2)94.8 3)95.1",
        "1)96.2 2)94.8 3)95.1",
        "(1)96.2 (2)94.8 (3)95.1",
        "1:96.2 2:94.8 3:95.1",
        "ส่งค่ะ 1.)96.2 2.)94.8 3.)95.1",
        "1-96.2 2-94.8 3-95.1",
        "ตัวชี้วัด 1)96.2 2)94.8 3)95.1",
    ],
)
def test_list_marks_glued_to_values(text):
    assert read(text).scores.indicators == {1: 96.2, 2: 94.8, 3: 95.1}


@pytest.mark.parametrize("text", ["9:30 10:45 ประชุม", "1-5 คะแนน", "196.2 294.8"])
def test_glued_marks_do_not_split_times_ranges_or_numbers(text):
    assert read(text).scores.indicators == {}
