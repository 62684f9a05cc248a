"""Conventions found with dev round 51 (a writer's, unseen code), and the parser's time bound."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_correction, parse_scores
from bot.scores.lines import bounded
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- a change column, however it is headed


@pytest.mark.parametrize("change", ["เพิ่ม/ลด", "เพิ่มขึ้น (ลดลง)", "ขึ้น/ลง", "change", "การเปลี่ยนแปลง"])
@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_a_change_column_is_no_score_and_the_year_columns_stay_years(change, sep):
    text = sep.join(["ตัวชี้วัด", "ปี 2567", "ปี 2568", change]) + "\n"
    text += sep.join(["9 การเปิดเผยข้อมูล", "81.25", "86.50", "+5.25"]) + "\n"
    text += sep.join(["10 การป้องกันการทุจริต", "77.00", "72.50", "-4.50"])
    res = read(text)
    assert res.scores.year == 2568
    assert res.scores.indicators == {9: 86.5, 10: 72.5}
    assert res.previous is not None and res.previous.indicators == {9: 81.25, 10: 77.0}


# ---------------------------------------------------------------- a bounded start, read the same


def test_a_whole_report_of_score_lines_is_read_from_its_start_and_says_so():
    text = "".join(f"ตัวชี้วัดที่ {k % 10 + 1} ได้ {80 + k % 10}.5 คะแนน\n" for k in range(1500))
    res = read(text)
    assert res.scores.indicators == {k: 80 + (k - 1) + 0.5 for k in range(1, 11)}
    assert any("ส่วนต้น" in w or "บรรทัดแรก" in w for w in res.warnings)


def test_bounded_keeps_a_real_report_whole_and_cuts_a_longer_one_at_a_line():
    report = "ตัวชี้วัดที่ 9 ได้ 72.50\n" * 250
    assert bounded(report) == (report, None)
    text, why = bounded("ตัวชี้วัดที่ 9 ได้ 72.50\n" * 1000)
    assert why is not None and text.endswith("72.50") and text.count("\n") < 600


@pytest.mark.parametrize(
    "noise",
    [" " * 49_000, "\n" * 40_000, "1" * 40_000, "๙" * 40_000, "แก้" * 15_000, "การเปิดเผยข้อมูล " * 2500],
)
def test_a_score_message_beside_a_long_run_reads_as_alone(noise):
    assert read("ตัวชี้วัดที่ 9 ได้ 72.50 ค่ะ\n" + noise).scores.indicators == {9: 72.5}


def test_a_long_run_of_digits_is_no_value_and_blank_lines_keep_a_label_over_its_value():
    assert read("1" * 20_000).error is not None
    assert (
        read("ตัวชี้วัดที่ 9\n" + "\n" * 30 + "72.5").scores.indicators
        == read("ตัวชี้วัดที่ 9\n" + "\n" * 8 + "72.5").scores.indicators
    )


def test_a_correction_without_a_value_is_not_read_and_long_prose_is_no_correction():
    assert parse_correction("แก้" * 20_000, FW) is None
    assert parse_correction("ขอแก้ตัวชี้วัด 7 เป็น 61.5 ค่ะ", FW) == {7: 61.5}


# ---------------------------------------------------------------- found by composing (seed 5151)


@pytest.mark.parametrize(
    ("text", "overall"),
    [
        ("ITA68 คะแนน ITA 92.47 🙏", 92.47),
        ("ITA๖๘ คะแนน ITA อยู่ที่ ๘๘.๖๔ ค่ะ", 88.64),
        ("ITA 68 คะแนนภาพรวม 90.5", 90.5),
    ],
)
def test_a_year_after_ita_is_no_score_when_the_score_word_leads_the_next_key(text, overall):
    res = read(text)
    assert res.scores.overall == overall and res.scores.year == 2568


@pytest.mark.parametrize(
    ("text", "indicators", "items"),
    [
        ("ได้ 96.50 คะแนนในตัวชี้วัดที่ 1 / ได้ 88.25 คะแนนในตัวชี้วัดที่\n2 การใช้งบประมาณ", {1: 96.5, 2: 88.25}, {}),
        ("Indicator 9 อยู่ที่ 78.5, Indicator\n10 อยู่ที่ 84.00", {9: 78.5, 10: 84.0}, {}),
        ("ตัวชี้วัด 9\nได้แค่ 75.00 เอง ตัวชี้วัด 10 ได้แค่ 70 เอง", {9: 75.0, 10: 70.0}, {}),
        ("O1 = 100, ข้อ O2\n= 100, O3 = 0", {}, {"O1": 100.0, "O2": 100.0, "O3": 0.0}),
        ("ข้อ I14\n= 71.25 ส่วน I17 = 74.60", {}, {"I14": 71.25, "I17": 74.6}),
    ],
)
def test_a_line_wrapped_inside_a_key_or_before_its_value_reads_as_one_line(text, indicators, items):
    res = read(text)
    assert (res.scores.indicators, res.scores.items) == (indicators, items)
