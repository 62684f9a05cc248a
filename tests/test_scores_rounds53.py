"""Conventions found with dev round 53 and composed messages: causes, not phrasings."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- a labelled list given full marks or none


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        ("ตัวชี้วัดที่ 1 2 3 ได้เต็ม 100 ค่ะ ตัวชี้วัดที่ 4 ได้ 98.20", {1: 100.0, 2: 100.0, 3: 100.0, 4: 98.2}),
        ("ตัวชี้วัดที่ 4, 5 ได้ 100", {4: 100.0, 5: 100.0}),
        ("ตัวชี้วัด 6 และ 7 ได้ 0 ค่ะ", {6: 0.0, 7: 0.0}),
    ],
)
def test_a_labelled_list_given_full_marks_or_none_shares_it(text, indicators):
    assert read(text).scores.indicators == indicators


# ---------------------------------------------------------------- "ส่วน" after a whole number opens a clause


@pytest.mark.parametrize("joiner", ["ส่วนได้", "ส่วน ได้", "ส่วนก็ได้"])
def test_as_for_after_a_whole_value_is_no_unit(joiner):
    res = read(f"ได้ 95 คะแนนในI1 {joiner} 96 คะแนนในI2 {joiner} 95 คะแนนในข้อ I3")
    assert res.scores.items == {"I1": 95.0, "I2": 96.0, "I3": 95.0}


def test_stakeholders_after_a_count_stay_a_count():
    assert read("IIT มีผู้มีส่วนได้ส่วนเสีย 45 คน").scores.is_empty()


# ---------------------------------------------------------------- a two-digit year is near now


@pytest.mark.parametrize("value", ["85", "88", "90", "๙๐"])
def test_a_score_sized_number_after_ita_is_the_score_not_a_far_year(value):
    res = read(f"แจ้งผลคะแนนค่ะ ITA {value}")
    assert res.scores.overall == float(85 if value == "85" else 88 if value == "88" else 90)
    assert res.scores.year is None


def test_a_near_two_digit_year_after_ita_is_still_a_year():
    res = read("ITA 68 ตัวชี้วัดที่ 1 90.5")
    assert (res.scores.year, res.scores.indicators) == (2568, {1: 90.5})
