"""Conventions found with the second and third rounds of fresh dev messages: one test each, several phrasings."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


@pytest.mark.parametrize(
    "text",
    ["ตัวที่ 9 ได้ 70.5 ตัวที่ 10 ได้ 82", "ตชว.9 ได้ 70.5 ตชว.10 ได้ 82", "ตัว 9 = 70.5 / ตัว 10 = 82"],
)
def test_indicator_words_abbreviated(text):
    assert read(text).scores.indicators == {9: 70.5, 10: 82.0}


@pytest.mark.parametrize(
    ("text", "indicators", "overall"),
    [
        ("ตัวชี้วัดที่เก้าได้เจ็ดสิบแปดคะแนน", {9: 78.0}, None),
        ("ตัวชี้วัดที่ 9 ได้ 78 จุด 50", {9: 78.5}, None),
        ("ผลไอทีเอปีนี้ได้แปดสิบเก้าจุดห้าคะแนนครับ", {}, 89.5),
    ],
)
def test_voice_typed_numbers(text, indicators, overall):
    res = read(text)
    assert res.scores.indicators == indicators and res.scores.overall == overall


@pytest.mark.parametrize("text", ["ที่สามารถทำได้ร้อยละ 85.5 ค่ะ", "ได้เก้าอี้มา 5 ตัว", "ห้ามเกินห้าวัน"])
def test_number_words_inside_other_words_stay_words(text):
    res = read(text)
    assert res.scores.indicators == {} and 9 not in res.scores.indicators


def test_a_spaced_pipe_table_keeps_its_target_column_a_target():
    res = read("ตัวชี้วัด | คะแนน | เป้าหมาย\nการเปิดเผยข้อมูล | 72.00 | 85\nการป้องกันการทุจริต | 80.00 | 85")
    assert res.scores.indicators == {9: 72.0, 10: 80.0}


def test_item_rows_with_titles_and_whole_values():
    res = read("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\nO1 โครงสร้าง 100\nO3 อำนาจหน้าที่ 0\nO4 แผนพัฒนาหน่วยงาน 100")
    assert res.scores.items == {"O1": 100.0, "O3": 0.0, "O4": 100.0} and res.scores.indicators == {}


def test_pdf_item_codes_that_lost_their_letter_without_a_title():
    res = read("I1 92.45\nI2 90.10\n13 88.75\n14 91.20")
    assert res.scores.items == {"I1": 92.45, "I2": 90.1, "I3": 88.75, "I4": 91.2} and res.error is None


def test_a_count_word_that_opens_the_next_topic_is_not_a_unit():
    res = read("เรื่องการเปิดเผยข้อมูลได้ 74 เรื่องป้องกันการทุจริตได้ 86")
    assert res.scores.indicators == {9: 74.0, 10: 86.0}
    assert read("ปีที่แล้วมีเรื่องร้องเรียน 3 เรื่อง ปีนี้ 5 เรื่อง").scores.is_empty()


@pytest.mark.parametrize("text", ["ITA 68 ได้ 88.00 ครับ", "ITA 68 = 88.00"])
def test_a_two_digit_year_after_ita_then_a_value(text):
    res = read(text)
    assert res.scores.year == 2568 and res.scores.overall == 88.0


def test_bare_indicator_numbers_before_their_values_when_indicators_are_spoken_of():
    res = read("พี่ครับ 9 กับ 10 ได้ 72.5 กับ 78.75 ครับ ตัวชี้วัดนะครับ")
    assert res.scores.indicators == {9: 72.5, 10: 78.75}
    assert read("ปี 67 กับ 68 ได้ 80.5 กับ 85.2 ตัวชี้วัดนะครับ").scores.indicators == {}
    assert read("หัวหน้าให้ส่งมาค่ะ\nตัวที่ต่ำคือ 7 กับ 9\n7 ได้ 76.00\n9 ได้ 72.40").scores.indicators == {
        7: 76.0,
        9: 72.4,
    }


def test_ours_among_two_agencies_values():
    assert read("ของเราได้ 86.20 นะคะ ส่วน อบต.ข้างๆ ได้ 93.40").scores.overall == 86.2
    assert read("อบต.ก ได้ 79.50 อบต.ข ได้ 90.20").scores.overall is None


def test_slash_separated_decimals_are_a_list_and_a_date_keeps_one_separator():
    res = read("ขอส่งคะแนนค่ะ 99.2 / 98.1 / 99.6 / 97.9 / 98.8 / 92.3 / 90.7 / 91.2 / 88.5 / 100.0")
    assert len(res.scores.indicators) == 10 and res.unsure
    assert read("ส่งเอกสารภายในวันที่ 15/12/2568 ค่ะ").scores.is_empty()
    assert read("ส่งเอกสารภายในวันที่ 15.12.68 ค่ะ").scores.is_empty()


def test_a_bulleted_total_line_is_the_overall():
    res = read("- IIT 94.20\n- EIT 87.80\n- OIT 81.40\n- รวม 88.10")
    assert res.scores.overall == 88.1 and res.scores.tools == {"IIT": 94.2, "EIT": 87.8, "OIT": 81.4}


@pytest.mark.parametrize(
    "text", ["ตัวชี้วัดที่ 6 84.75 / 7 83.10 / 8 81.90", "ตัวชี้วัดที่ 6 ได้ 84.75 ค่ะ ส่วนที่ 7 ได้ 83.10 และที่ 8 ได้ 81.90"]
)
def test_a_series_goes_on_after_the_first_indicator(text):
    assert read(text).scores.indicators == {6: 84.75, 7: 83.1, 8: 81.9}


def test_year_labels_before_values():
    res = read("ตัวชี้วัดที่ 3 ปี 66 ได้ 85 ปี 67 ได้ 88 ปี 68 ได้ 91")
    assert res.scores.indicators == {3: 91.0} and res.scores.year == 2568
    assert res.previous is not None and res.previous.indicators == {3: 88.0} and res.previous.year == 2567
    res = read("คะแนนปีนี้ 90.45 ปีที่แล้ว 87.10 ดีขึ้นค่ะ")
    assert res.scores.overall == 90.45 and res.previous is not None and res.previous.overall == 87.1


def test_a_dash_before_a_score_is_not_a_range():
    res = read("ตัวชี้วัดที่ 1 - 98.40\nตัวชี้วัดที่ 2 - 97.10")
    assert res.scores.indicators == {1: 98.4, 2: 97.1}
    assert read("ผลการประเมินตัวชี้วัดที่ 1 - 5 (IIT) ได้คะแนนเฉลี่ย 95.22 คะแนน").scores.indicators == {}


@pytest.mark.parametrize("text", ["ช่วยทำมาตรการให้ได้ 95 คะแนนปีหน้าค่ะ", "อยากได้ 90 คะแนนค่ะ", "ปีหน้าต้องได้ 88.5"])
def test_a_score_wished_for_is_not_a_result(text):
    res = read(text)
    assert res.scores.is_empty() and res.error


def test_a_total_said_mid_sentence():
    assert read("คะแนน IIT เฉลี่ย 95.02 ส่วน EIT 87.66 OIT 80.00 รวมได้ 87.90 ครับ").scores.overall == 87.9
