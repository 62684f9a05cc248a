"""Conventions found with dev round 56 (r17): the families of its misses, not its phrasings."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- a name's start and the officer's own ending


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ปรับปรุงระบบ 88.5", {8: 88.5}),
        ("สื่อสาร 80 / ปรับปรุงงานบริการ 77.25", {7: 80.0, 8: 77.25}),
        ("การใช้ทรัพย์สินของทางหลวง 91", {4: 91.0}),
        ("ใช้ทรัพย์สินของหลวง 93.4, เปิดเผยข้อมูล 90", {4: 93.4, 9: 90.0}),
        ("ทรัพย์สินราชกาน 88\nปรับปรุงงาน 70", {4: 88.0, 8: 70.0}),
    ],
)
def test_an_indicator_named_by_its_start_and_an_ending_of_its_own(text, expected):
    res = read(text)
    assert res.scores.indicators == expected
    assert res.error is None


@pytest.mark.parametrize(
    "text",
    [
        "คุณภาพชีวิต 80",
        "การใช้จ่าย 80 ล้านบาท",
        "การประชุม 12 ครั้ง",
        "การป้องกันการทุจริตเพิ่มขึ้น 1.70 คะแนนจากปีก่อน",
        "การปฏิบัติหน้าที่เคยได้ 60.53 เมื่อปี 66",
    ],
)
def test_a_short_start_or_a_shared_start_names_no_indicator(text):
    assert read(text).scores.indicators == {}


# ---------------------------------------------------------------- a year corrected after the values


@pytest.mark.parametrize(
    "text",
    [
        "ผลปี 67 ค่ะ ภาพรวม 90.45\nเอ้ย ปี 68 ค่ะ ไม่ใช่ 67",
        "ปี 67 ได้ 90.45\nเอ้ยไม่ใช่ปี 67 ปี 68 ค่ะ",
        "ภาพรวม 90.45 ปี 2567\nขอแก้ ปี 2568 ค่ะ",
    ],
)
def test_a_year_corrected_after_the_values_is_their_year(text):
    res = read(text)
    assert res.scores.year == 2568
    assert res.scores.overall == 90.45
    assert res.previous is None
