"""Shared values and their exceptions, full marks in words, and item codes a PDF turned into digits
(conventions from the lead's holdout 3, tested here on other wordings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores

FW = load_framework(Path(__file__).resolve().parents[1] / "knowledge")


def read(text: str):
    result = parse_scores(text, FW)
    return result.scores.indicators, result.scores.items, result.error


@pytest.mark.parametrize(
    ("text", "indicators", "items"),
    [
        ("ตัวชี้วัด 7 กับ 8 ได้เต็มร้อยทั้งคู่ค่ะ", {7: 100.0, 8: 100.0}, {}),
        ("ตัวชี้วัดที่ 9 และ 10 ได้ 95 ทั้งสองตัวครับ", {9: 95.0, 10: 95.0}, {}),
        ("ข้อ O5 ถึง O8 หมวดข้อมูลพื้นฐาน ได้ 100 ทุกข้อ", {}, {f"O{n}": 100.0 for n in range(5, 9)}),
        ("I1-I3 ด้านการปฏิบัติงาน = 90", {}, {"I1": 90.0, "I2": 90.0, "I3": 90.0}),
        ("ตัวชี้วัดที่ 1-5 ได้ 100 หมด ยกเว้นตัวที่ 3 ได้ 95.5", {1: 100.0, 2: 100.0, 3: 95.5, 4: 100.0, 5: 100.0}, {}),
        (
            "O1-O5 ได้ 100 ทุกข้อ แต่ O3 กับ O4 ได้ 50",
            {},
            {"O1": 100.0, "O2": 100.0, "O3": 50.0, "O4": 50.0, "O5": 100.0},
        ),
    ],
)
def test_a_value_shared_by_keys_and_the_keys_it_leaves_out(text, indicators, items):
    got_indicators, got_items, error = read(text)
    assert (got_indicators, got_items, error) == (indicators, items, None)


def test_item_codes_whose_o_became_a_zero_in_a_pdf_copy_are_read_as_items():
    indicators, items, error = read("ผลรายข้อ OIT\n020 100\n021 0\n022 100")
    assert (indicators, items, error) == ({}, {"O20": 100.0, "O21": 0.0, "O22": 100.0}, None)


def test_a_clock_time_or_a_single_zero_led_number_is_not_an_item():
    indicators, items, _ = read("09:15 ตัวชี้วัดที่ 9 ได้ 76.92\n09:16 ตัวชี้วัดที่ 10 ได้ 81.25")
    assert (indicators, items) == ({9: 76.92, 10: 81.25}, {})
    indicators, items, _ = read("ตัวชี้วัดที่ 9 ได้ 76.92\n010 100")  # one line alone proves nothing
    assert "O10" not in items
