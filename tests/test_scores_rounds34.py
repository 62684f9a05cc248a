"""Conventions found with dev rounds 34-35 and the perturbation check: several phrasings each."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- whose a value is, and what it measures


def test_a_column_headed_by_the_agency_is_the_score_and_the_countrys_average_is_not():
    text = "ตัวชี้วัด\tคะแนนของหน่วยงาน\tคะแนนเฉลี่ยระดับประเทศ\n1 การปฏิบัติหน้าที่\t96.20\t93.10\n9 การเปิดเผยข้อมูล\t77.50\t85.14"
    assert read(text).scores.indicators == {1: 96.2, 9: 77.5}


@pytest.mark.parametrize(
    "text",
    [
        "คะแนนเฉลี่ยทั้งจังหวัด 89.45 นะคะ",
        "ผลสำรวจความพึงพอใจผู้รับบริการ 92.5% ค่ะ ใช้แทน EIT ได้ไหม",
        "LPA ปีนี้ได้ 88.5 ค่ะ",
        "อบต.บ้านโคกได้ 95.5 ส่วนของเราไม่รู้เลยค่ะ",
    ],
)
def test_another_bodys_or_another_measures_value_is_no_score(text):
    res = read(text)
    assert res.scores.is_empty() and res.error


# ---------------------------------------------------------------- keys and years said another way


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัดที่ ๑ ถึงที่ ๓ ได้ ๙๗.๕๐ ๙๖.๒๕ และ ๙๕.๗๕ ตามลำดับครับ",
        "ตัวชี้วัดหนึ่งถึงสามได้ 97.5 96.25 95.75 ครับ",
    ],
)
def test_a_range_of_indicators_said_another_way(text):
    assert read(text).scores.indicators == {1: 97.5, 2: 96.25, 3: 95.75}


@pytest.mark.parametrize(
    "text",
    ["ตัวชี้วัดที่ 1 กับ 3 ได้คะแนนเต็มค่ะ", "ตัวชี้วัด 1 และ 3 ได้เต็มร้อยค่ะ"],
)
def test_full_marks_after_a_list_of_keys_is_every_keys(text):
    assert read(text).scores.indicators == {1: 100.0, 3: 100.0}


def test_a_plain_value_after_two_keys_is_still_not_shared():
    assert 1 not in read("ตัวชี้วัดที่ 1, 3 ได้ 90").scores.indicators


def test_a_year_label_right_after_a_lone_value_labels_it():
    res = read("เทศบาลเราได้ 91.86 เมื่อปีที่แล้ว ปีนี้ได้ 93.02 ค่ะ")
    assert res.scores.overall == 93.02 and res.previous is not None and res.previous.overall == 91.86


@pytest.mark.parametrize(
    "text",
    ["ผลปี 2567 กับ 2568 คือ 86.75 และ 90.12 ตามลำดับ", "ปี 67 และ 68 ได้ 86.75 กับ 90.12 คะแนนค่ะ"],
)
def test_two_years_then_their_two_values_pair_in_order(text):
    res = read(text)
    assert res.scores.overall == 90.12 and res.scores.year == 2568
    assert res.previous is not None and res.previous.overall == 86.75


# ---------------------------------------------------------------- corrections and lost letters


@pytest.mark.parametrize("text", ["ตัวชี้วัดที่ 2 ได้ 88.4 ค่ะ\n*84.8", "ตัวชี้วัดที่ 2 ได้ 88.4 ค่ะ\n84.8 ค่ะ พิมพ์ผิด"])
def test_a_lone_value_marked_as_a_correction_corrects_the_last_one(text):
    assert read(text).scores.indicators == {2: 84.8}


@pytest.mark.parametrize(
    "text",
    [
        "ก๊อปมาจาก PDF เลขข้อ O หายไปค่ะ\n1 100\n2 100\n3 50",
        "OIT รายข้อค่ะ\n1 100\n2 100\n3 50",
        "จาก pdf ไม่มีตัว O ค่ะ\n1 100\n2 100\n3 50",
    ],
)
def test_item_numbers_that_lost_their_letter(text):
    res = read(text)
    assert res.scores.items == {"O1": 100.0, "O2": 100.0, "O3": 50.0} and not res.scores.indicators


def test_bare_numbers_with_no_word_of_a_lost_letter_stay_indicators():
    assert read("ตัวชี้วัด\n1 96.5\n2 95.25").scores.indicators == {1: 96.5, 2: 95.25}


# ---------------------------------------------------------------- harmless edits change nothing


def test_a_bulleted_table_reads_as_the_table():
    text = "- ตัวชี้วัด | คะแนน | ลำดับ\n- การใช้อำนาจ | 99.75 | 1\n- การใช้งบประมาณ | 99.38 | 2"
    assert read(text).scores.indicators == {3: 99.75, 2: 99.38}


def test_a_run_of_ten_with_a_unit_after_each_value():
    text = "คะแนนรายตัวชี้วัด 1-10 ครับ\n" + " ".join(f"{v} คะแนน" for v in range(91, 101))
    assert read(text).scores.indicators == {k: float(90 + k) for k in range(1, 11)}


def test_a_lead_in_before_a_pasted_header():
    text = "ส่งคะแนนค่ะ ตัวชี้วัด | คะแนน | ลำดับ\nการใช้อำนาจ | 99.75 | 1\nการใช้งบประมาณ | 99.38 | 2"
    assert read(text).scores.indicators == {3: 99.75, 2: 99.38}


# ---------------------------------------------------------------- rounds 36-37


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("ตัวชี้วัด 9 กับ 10 เป็น 74.25 และ 80 ค่ะ", {9: 74.25, 10: 80.0}),
        ("ตัวชี้วัดที่ 1 ถึง 3 ของ IIT ได้ 98 97.5 96", {1: 98.0, 2: 97.5, 3: 96.0}),
        ("[10:32] สมศรี: ตัวชี้วัดที่ 9 ได้ 78.5 ค่ะ\n[10:33] สมศรี: ตัวชี้วัดที่ 10 ได้ 82 ค่ะ", {9: 78.5, 10: 82.0}),
    ],
)
def test_keys_and_values_with_words_between(text, expect):
    res = read(text)
    assert res.scores.indicators == expect and res.error is None


def test_a_chat_exports_time_is_no_score():
    assert read("[10:32] สมศรี: ประชุม ITA พรุ่งนี้ 13.30 น. นะคะ").scores.is_empty()


@pytest.mark.parametrize("text", ["ปีก่อนได้ B (84.2) ปีนี้ได้ A (90.7)", "ปีก่อนได้ระดับ B (84.2) ปีนี้ได้ระดับ A (90.7)"])
def test_a_grade_then_its_value_in_brackets(text):
    res = read(text)
    assert res.scores.overall == 90.7 and res.previous is not None and res.previous.overall == 84.2


# ---------------------------------------------------------------- round 38


@pytest.mark.parametrize("text", ["ทำได้เต็มที่แล้วค่ะ", "ปีนี้ทำได้เต็มความสามารถ", "ทุกตัวชี้วัดต้องได้ 85 ขึ้นไป"])
def test_doing_ones_best_or_a_bound_for_all_is_no_score(text):
    assert read(text).scores.is_empty()


@pytest.mark.parametrize(
    ("text", "nine"),
    [("ได้เต็ม 100 ทุกตัวชี้วัดยกเว้นตัวที่ 9 ได้ 92", 92.0), ("ตัวชี้วัดทุกตัวได้ 100 ค่ะ", 100.0)],
)
def test_one_value_for_every_indicator(text, nine):
    got = read(text).scores.indicators
    assert set(got) == set(range(1, 11)) and got[9] == nine and got[1] == 100.0


@pytest.mark.parametrize(
    ("text", "overall"),
    [("ITA score ↑ 85.1 → 89.6 🎉", 89.6), ("2567 → 87.10, 2568 → 90.25", 90.25)],
)
def test_the_value_an_arrow_leads_to_is_the_result(text, overall):
    assert read(text).scores.overall == overall


def test_a_zero_in_brackets_is_an_items_value():
    assert read("O ที่ไม่ผ่านคือ O12 (0) O20 (50)").scores.items == {"O12": 0.0, "O20": 50.0}


def test_a_range_line_keeps_the_label_above_waiting():
    assert read("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\n(O1-O33)\n80.00").scores.indicators == {9: 80.0}


# ---------------------------------------------------------------- round 39


@pytest.mark.parametrize("text", ["ตัวชี้วัดที่ 9.1 ได้ 80 ตัวชี้วัดที่ 9 รวมได้ 85.25", "ตัวชี้วัดที่ 9 ภาพรวม 85.25"])
def test_a_total_word_right_after_a_key_is_that_keys_total(text):
    res = read(text)
    assert res.scores.indicators == {9: 85.25} and res.scores.overall is None


def test_a_single_digit_after_the_name_ita_numbers_a_form():
    assert read("แบบ ITA 2 ส่งภายใน 15 วันทำการ").scores.is_empty()
    assert read("ITA 88 ค่ะ").scores.overall == 88.0


# ---------------------------------------------------------------- round 40


@pytest.mark.parametrize("text", ["O1-O3 เต็มหมด O4 = 50", "O1 ถึง O3 เต็มทุกข้อ O4 = 50"])
def test_full_marks_right_after_the_keys(text):
    assert read(text).scores.items == {"O1": 100.0, "O2": 100.0, "O3": 100.0, "O4": 50.0}


@pytest.mark.parametrize("text", ["ตัวชี้วัดที่ 3 เดิม 88 ตอนนี้ 93.5", "ตัวชี้วัดที่ 3 แต่ก่อนได้ 88 ปีนี้ 93.5"])
def test_the_former_value_before_the_one_said_next(text):
    assert read(text).scores.indicators == {3: 93.5}


# ---------------------------------------------------------------- harmless edits, later rounds


@pytest.mark.parametrize(
    "text",
    ["จาก 85.10 เพิ่มเป็น 89.60 ค่ะ ภาพรวม ควรทำอะไรก่อนคะ", "จาก 85.10 เพิ่มเป็น 89.60 นะคะ ภาพรวม."],
)
def test_a_value_before_its_label_with_a_remark_or_stop_after(text):
    assert read(text).scores.overall == 89.6


def test_a_value_after_got_is_claimed_by_its_label_not_the_next():
    assert read("ตัวชี้วัดที่ 9 ได้รับ 72.5 ค่ะ ตัวชี้วัดที่ 10 ยังไม่รู้").scores.indicators == {9: 72.5}


def test_score_words_between_a_value_and_its_arrow_or_year():
    assert read("ITA score ↑ 85.1 คะแนน → 89.6 คะแนน 🎉").scores.overall == 89.6
    res = read("ตัวชี้วัด 9 = 79.50 คะแนน (ปี 68), 72.25 คะแนน (ปี 67)")
    assert (
        res.scores.indicators == {9: 79.5}
        and res.previous is not None
        and res.previous.indicators == {9: 72.25}
    )


# ---------------------------------------------------------------- round 42


def test_a_judgement_word_between_a_key_and_its_whole_value():
    assert read("ตชว 9 แค่ 76 เองอะ 🥲 ตชว 10 รอด 86").scores.indicators == {9: 76.0, 10: 86.0}


@pytest.mark.parametrize("text", ["ได้ 78 คะแนนในตัวชี้วัดที่ 9 ค่ะ", "78 คะแนนสำหรับตัวชี้วัดที่ 9 ครับ"])
def test_a_value_before_its_label_with_in_or_for(text):
    assert read(text).scores.indicators == {9: 78.0}


def test_from_one_year_to_the_next_the_later_is_the_results_year():
    res = read("ตัวชี้วัด 9: 66 → 78 (ปี 67 → 68)")
    assert res.scores.indicators == {9: 78.0} and res.scores.year == 2568


def test_units_under_the_agency_are_not_the_agency():
    assert read("รพ.สต. ในเครือได้ 90.02 ค่ะ ของ รพ. ยังไม่ออก").scores.is_empty()
