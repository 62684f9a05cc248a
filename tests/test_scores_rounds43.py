"""Conventions found with dev rounds 43 (a writer's) and 44 (the helper's own): several phrasings each."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- a denial that corrects


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("ภาพรวม 85.5 เอ้ย ไม่ใช่ 88.5 ค่ะ", "overall", 88.5),
        ("ตัวชี้วัดที่ 9 ได้ 70 อุ๊ย ไม่ใช่ 77 ครับ", 9, 77.0),
        ("IIT ได้ 91.2 ไม่ใช่ไม่ใช่ 92.1 ค่ะ", "IIT", 92.1),
        ("การใช้อำนาจได้ 82.5 อ่ะ ไม่ใช่ๆ 83.5 ครับ", 3, 83.5),
    ],
)
def test_a_denial_after_a_correction_word_or_said_twice_gives_the_right_value(text, key, value):
    s = read(text).scores
    got = (
        s.overall if key == "overall" else s.tools.get(key) if isinstance(key, str) else s.indicators.get(key)
    )
    assert got == value


def test_a_plain_denial_of_another_value_keeps_the_value_said():
    assert read("IIT ได้ 91.2 ไม่ใช่ 92.1 ค่ะ").scores.tools == {"IIT": 91.2}


# ---------------------------------------------------------------- out of 100, labels alone on a line


@pytest.mark.parametrize(
    ("text", "indicators", "overall"),
    [("ตัวชี้วัดที่ 9 ได้ 75/100.", {9: 75.0}, None), ("ผลภาพรวมได้ 90.5/100.", {}, 90.5)],
)
def test_a_score_over_100_may_end_its_sentence_with_a_full_stop(text, indicators, overall):
    s = read(text).scores
    assert s.indicators == indicators and s.overall == overall


@pytest.mark.parametrize(
    ("text", "overall", "tools"),
    [
        ("คะแนน ITA\n86.03\nระดับ\nA\nIIT\n93.48", 86.03, {"IIT": 93.48}),
        ("ITA\n91.20\nIIT\n95.00", 91.2, {"IIT": 95.0}),
        ("ผล ITA\n88.75", 88.75, {}),
    ],
)
def test_a_label_alone_on_its_line_takes_the_value_alone_below_it(text, overall, tools):
    s = read(text).scores
    assert s.overall == overall and s.tools == tools


# ---------------------------------------------------------------- keys and values by their place


@pytest.mark.parametrize(
    ("text", "tools", "indicators"),
    [
        ("IIT EIT OIT ได้ 96.1 89.3 และ 81.7 ตามลำดับค่ะ", {"IIT": 96.1, "EIT": 89.3, "OIT": 81.7}, {}),
        ("IIT, EIT และ OIT = 95.5, 90.25, 81", {"IIT": 95.5, "EIT": 90.25, "OIT": 81.0}, {}),
        ("การใช้อำนาจ กับ การใช้ทรัพย์สินของราชการ ได้ 96 และ 91.5 ค่ะ", {}, {3: 96.0, 4: 91.5}),
        ("95.50 = IIT\n90.25 = EIT", {"IIT": 95.5, "EIT": 90.25}, {}),
        ("72.50 = การเปิดเผยข้อมูล\n88.12 : การป้องกันการทุจริต", {}, {9: 72.5, 10: 88.12}),
    ],
)
def test_a_list_of_keys_takes_its_values_in_order_and_a_value_may_come_first(text, tools, indicators):
    s = read(text).scores
    assert s.tools == tools and s.indicators == indicators


def test_a_value_before_a_range_of_labels_is_each_ones_but_a_labels_own_number_is_not():
    s = read("ได้เต็ม 100 ในตัวชี้วัดที่ 1 ถึง 4 ค่ะ ส่วนตัวที่ 5 ได้ 97.8").scores
    assert s.indicators == {1: 100.0, 2: 100.0, 3: 100.0, 4: 100.0, 5: 97.8}
    assert read("ขอตัวอย่างมาตรการตัวชี้วัดที่ 9 ข้อ 1-3 ค่ะ").scores.is_empty()
    assert read("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้ 79.17 คะแนน (O1-O24)").scores.items == {}


# ---------------------------------------------------------------- whose average


@pytest.mark.parametrize(
    "text",
    [
        "คะแนนเฉลี่ยของ อปท. ทั้งหมดในอำเภอ 86.3 ค่ะ",
        "ค่าเฉลี่ยของหน่วยงานทั้งหมดในจังหวัด 87.1",
        "คะแนนเฉลี่ยของโรงเรียนทุกแห่ง 88.2",
    ],
)
def test_an_average_of_a_wider_group_named_a_few_words_on_is_no_score(text):
    res = read(text)
    assert res.scores.is_empty() and res.error


def test_our_own_average_is_the_overall():
    assert read("คะแนนเฉลี่ยของเรา 88.2 ค่ะ").scores.overall == 88.2


# ---------------------------------------------------------------- voice typing run on, PDF copies


@pytest.mark.parametrize(
    ("text", "indicators", "overall"),
    [
        ("การเปิดเผยข้อมูลได้เจ็ดสิบแปดการป้องกันการทุจริตได้แปดสิบห้า", {9: 78.0, 10: 85.0}, None),
        ("ภาพรวมได้เก้าสิบจุดห้าตัวชี้วัดที่เก้าได้แปดสิบ", {9: 80.0}, 90.5),
        ("ตัวชี้วัดที่สิบได้เจ็ดสิบห้าส่วนตัวที่เก้าได้หกสิบ", {9: 60.0, 10: 75.0}, None),
    ],
)
def test_a_number_said_in_words_ends_where_a_dictionary_word_begins(text, indicators, overall):
    s = read(text).scores
    assert s.indicators == indicators and s.overall == overall


def test_last_year_and_this_year_run_on_in_words():
    res = read("ปีที่แล้วได้แปดสิบสามปีนี้ได้แปดสิบเจ็ดจุดสองห้าค่ะ")
    assert res.scores.overall == 87.25 and res.previous is not None and res.previous.overall == 83.0


def test_number_words_inside_longer_words_stay_words():
    assert read("ทำได้สามารถ").scores.is_empty()


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        ("ตวัชี้วดัที่ 8 การปรบัปรงุการท างาน 80.55", {8: 80.55}),
        ("ตวัชี้วดัที่ 3 การใชอ้ านาจ 95.12", {3: 95.12}),
        ("ตวัชี้วดัที่ 9 84.93\nตวัชี้วดัที่ 10 81.06", {9: 84.93, 10: 81.06}),
        ("การเปดิเผยขอ้มลู 72.30", {9: 72.3}),
    ],
)
def test_a_pdf_copy_with_marks_moved_or_dropped_still_names_its_indicators(text, indicators):
    assert read(text).scores.indicators == indicators


# ---------------------------------------------------------------- round 45: chains, addresses, years in brackets


def test_ten_values_split_by_slashes_are_a_run_and_a_lone_ratio_is_not():
    res = read("97.5/96/95.2/93/90/88/87.5/86/72.3/80")
    assert res.scores.indicators[4] == 93.0 and len(res.scores.indicators) == 10 and res.unsure
    assert read("ประชุมครั้งที่ 3/2568").scores.is_empty()


@pytest.mark.parametrize(
    "text", ["อบต.หนองบัว หมู่ 5 ได้คะแนน 91 ค่ะ ตัวชี้วัดที่ 9 ได้ 74", "เทศบาลตำบลบ้านใหม่ ม.3 ได้ 91 ค่ะ ตัวชี้วัดที่ 9 ได้ 74"]
)
def test_a_village_number_in_the_agencys_name_is_no_indicator_and_no_value(text):
    s = read(text).scores
    assert s.overall == 91.0 and s.indicators == {9: 74.0}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ภาพรวม\n88.5 คะแนน (68)\n85.1 คะแนน (67)", "overall"),
        ("88.5 คะแนน (68)\n85.1 คะแนน (67)", "overall"),
        ("ตัวชี้วัดที่ 9\n88.5 (68)\n85.1 (67)", 9),
        ("ตัวชี้วัดที่ 9 90.25 คะแนน (68) / 88 คะแนน (67)", 9),
    ],
)
def test_years_in_brackets_after_values_label_them_on_one_line_or_several(text, key):
    res = read(text)
    now = res.scores.overall if key == "overall" else res.scores.indicators.get(key)
    before = res.previous.overall if key == "overall" else res.previous.indicators.get(key)
    assert res.scores.year == 2568 and res.previous.year == 2567
    assert now in (88.5, 90.25) and before in (85.1, 88.0)
    assert key == "overall" or res.scores.overall is None


def test_a_question_after_a_verdict_about_something_else_keeps_it_and_one_about_it_does_not():
    res = read("OIT ได้ 65.12 ค่ะ ข้อ O10 กับ O11 ไม่ผ่าน ส่วน O30 ผ่านแล้ว ควรทำอะไรก่อนคะ")
    assert res.scores.items == {"O10": 0.0, "O11": 0.0, "O30": 100.0}
    assert read("O13 ผ่านแล้วหรือยังคะ").scores.is_empty()


def test_a_lead_in_may_stand_before_a_value_written_before_its_key():
    assert read("ส่งคะแนนค่ะ 72.50 = การเปิดเผยข้อมูล").scores.indicators == {9: 72.5}


def test_a_name_matched_on_its_letters_never_swallows_the_value_after_it():
    res = read("ส่งคะแนนค่ะ ทรัพย์สินของราชการ 95.83 ค่ะ")
    assert res.scores.indicators == {4: 95.83} and res.unsure == []


def test_tools_run_together_with_their_values_are_parted():
    assert read("IIT:96.12EIT:90.05OIT:82.11").scores.tools == {"IIT": 96.12, "EIT": 90.05, "OIT": 82.11}


def test_spaces_alone_may_part_a_list_of_indicator_numbers():
    s = read("ตัวชี้วัดที่ 6 7 และ 8 ได้ 88 85.5 และ 90 ตามลำดับ").scores
    assert s.indicators == {6: 88.0, 7: 85.5, 8: 90.0}
    assert read("ตัวชี้วัดที่ 9 72 ตัวชี้วัดที่ 10 80").scores.indicators == {9: 72.0, 10: 80.0}
