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


# ---------------------------------------------------------------- round 16: voice typing, abbreviations, targets


@pytest.mark.parametrize(
    ("text", "overall"),
    [
        ("ภาพรวมได้แปดสิบเจ็ดจุดสามเปอร์เซ็นต์ค่ะ", 87.3),
        ("ภาพรวม 87.3 เปอร์เซ็นต์", 87.3),
        ("ภาพรวม 87.3 เปอร์เซ็น ค่ะ", 87.3),
        ("ภาพรวมได้ 87.3 percent", 87.3),
    ],
)
def test_a_spoken_percent_sign(text, overall):
    assert read(text).scores.overall == overall


@pytest.mark.parametrize(
    "text",
    ["ไอไอที เก้าสิบสี่ อีไอที แปดสิบเก้า โอไอที เจ็ดสิบแปด", "IIT เก้าสิบสี่ EIT แปดสิบเก้า OIT เจ็ดสิบแปด"],
)
def test_spoken_numbers_after_a_tool(text):
    assert read(text).scores.tools == {"IIT": 94.0, "EIT": 89.0, "OIT": 78.0}


@pytest.mark.parametrize(
    "text",
    ["ตว.9 = 68.75 ตว.10 = 72.92", "ตว 9 ได้ 68.75 ตว 10 ได้ 72.92", "ตัวชี้ฯ 9 ได้ 68.75 ตัวชี้ฯ 10 ได้ 72.92"],
)
def test_short_forms_of_indicator(text):
    assert read(text).scores.indicators == {9: 68.75, 10: 72.92}


def test_an_animal_is_no_indicator():
    assert read("สัตว์ 9 ตัว").scores.is_empty()


@pytest.mark.parametrize(
    "text",
    [
        "O1 โครงสร้าง ✔ 100 / O2 ข้อมูลผู้บริหาร ✔ 100 / O3 อำนาจหน้าที่ ✘ 0",
        "O1 โครงสร้าง 100, O2 ข้อมูลผู้บริหาร 100, O3 อำนาจหน้าที่ 0",
        "O1 โครงสร้าง 100 O2 ข้อมูลผู้บริหาร 100 O3 อำนาจหน้าที่ 0",
    ],
)
def test_item_rows_run_on_in_one_line(text):
    assert read(text).scores.items == {"O1": 100.0, "O2": 100.0, "O3": 0.0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I1-I5 ได้ 90 ขึ้นทุกข้อ ยกเว้น I6 ได้ 78.5", {"I6": 78.5}),
        ("O1-O5 ได้ 90 กว่าทุกข้อ ยกเว้น O6 ได้ 0", {"O6": 0.0}),
        ("O1-O5 ได้ 100 ทุกข้อ", {f"O{n}": 100.0 for n in range(1, 6)}),
    ],
)
def test_a_bound_shared_by_a_range_is_no_value(text, expected):
    assert read(text).scores.items == expected


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัดที่ 1-8 ได้ 90+ ทุกตัว ตัวชี้วัดที่ 9 ได้ 70.5",
        "ตัวชี้วัดที่ 1 ถึง 8 ได้ 90 กว่าทุกตัว ตัวชี้วัดที่ 9 ได้ 70.5",
        "ตัวชี้วัดที่ 1-8 ได้ 90 ขึ้นไป ตัวชี้วัดที่ 9 ได้ 70.5",
    ],
)
def test_a_range_end_is_not_a_bare_key(text):
    assert read(text).scores.indicators == {9: 70.5}


@pytest.mark.parametrize(
    ("text", "overall"),
    [
        ("คณะได้คะแนน ITA 90.77 ค่ะ (มหาวิทยาลัยภาพรวม 93.05)", 90.77),
        ("กองได้ 88.5 (ทั้งกรมภาพรวม 92.1)", 88.5),
        ("ITA 88.5 ค่ะ (จังหวัดได้ 91.2)", 88.5),
        ("(มหาวิทยาลัย) ผล ITA ภาพรวม 93.05", 93.05),
    ],
)
def test_a_wider_body_in_brackets_after_our_value(text, overall):
    assert read(text).scores.overall == overall


@pytest.mark.parametrize(
    "text",
    [
        "ปฏิบัติหน้าที่ 97.1 / ใช้งบ 92.5 / ใช้อำนาจ 95.0 / ใช้ทรัพย์สิน 90.2 / แก้ทุจริต 93.4",
        "การปฏิบัติหน้าที่ 97.1 การใช้งบ 92.5 การใช้อำนาจ 95.0 การใช้ทรัพย์สิน 90.2 การแก้ไขทุจริต 93.4",
    ],
)
def test_short_names_of_indicators(text):
    assert read(text).scores.indicators == {1: 97.1, 2: 92.5, 3: 95.0, 4: 90.2, 5: 93.4}


def test_spending_a_budget_is_no_score():
    assert read("ปีนี้ใช้งบ 50,000 บาท").scores.is_empty()


# ---------------------------------------------------------------- round 17: values before labels, slang, asides


@pytest.mark.parametrize(
    "text",
    [
        "72.5 คือตัวชี้วัดที่ 9 ส่วน 80 คือตัวชี้วัดที่ 10 ค่ะ",
        "ได้ 72.5 (ตัวที่ 9) กับ 80 (ตัวที่ 10)",
        "72.5 เป็นของตัวชี้วัดที่ 9 ส่วน 80 เป็นของตัวชี้วัดที่ 10",
    ],
)
def test_a_value_before_its_label(text):
    assert read(text).scores.indicators == {9: 72.5, 10: 80.0}


@pytest.mark.parametrize("text", ["88.5ค่ะ ภาพรวมปีนี้", "88.5 ภาพรวม", "88.5 คือภาพรวมค่ะ"])
def test_a_value_before_the_overall_word_ending_the_line(text):
    assert read(text).scores.overall == 88.5


@pytest.mark.parametrize(
    ("text", "indicators", "overall"),
    [
        ("ภาพรวม 88.5 ค่ะ ตัวชี้วัดที่ 9", {}, 88.5),
        ("ตัวชี้วัดที่ 8 ได้ 90 คือตัวชี้วัดที่ 9 ได้ 70", {8: 90.0, 9: 70.0}, None),
        ("ที่ต่ำกว่า 85 คือตัวชี้วัดที่ 9 ได้ 70", {9: 70.0}, None),
        ("ผลการประเมินตัวชี้วัดที่ 1 - 5 (IIT) ได้คะแนนเฉลี่ย 95.22 คะแนน", {}, None),
    ],
)
def test_a_value_claimed_before_stays_with_its_label(text, indicators, overall):
    res = read(text)
    assert (res.scores.indicators, res.scores.overall) == (indicators, overall)


@pytest.mark.parametrize(
    "text",
    ["ข้อ 9 กะ ข้อ 10 ได้ 70 กะ 75 อ่ะ", "ตัวชี้วัดที่ 9 กะ 10 ได้ 70 กะ 75", "9=70 กะ 10=75 ตัวชี้วัดนะ"],
)
def test_ka_is_kap_in_chat(text):
    assert read(text).scores.indicators == {9: 70.0, 10: 75.0}


@pytest.mark.parametrize(
    "text", ["ตัวชี้วัด 9 → 72.5\nตัวชี้วัด 10 → 80", "ตัวชี้วัด 9 -> 72.5 ตัวชี้วัด 10 -> 80", "ข้อ 9 => 72.5 ข้อ 10 => 80"]
)
def test_arrows_lead_to_a_value(text):
    assert read(text).scores.indicators == {9: 72.5, 10: 80.0}


@pytest.mark.parametrize(
    "text",
    [
        "IIT (ตัวชี้วัด 1-5) 95.2 EIT (6-8) 90.4 OIT (9-10) 78.1",
        "IIT (ตัวชี้วัดที่ 1 ถึง 5) 95.2 EIT (ตัวชี้วัด 6-8) 90.4 OIT (ตัวชี้วัด 9-10) 78.1",
    ],
)
def test_a_tool_with_its_indicator_range_in_brackets(text):
    assert read(text).scores.tools == {"IIT": 95.2, "EIT": 90.4, "OIT": 78.1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ตัวชี้วัดที่ 9 ต่ำกว่าเป้า 85 อยู่ 10 คะแนน (ได้ 75)", {9: 75.0}),
        ("ตัวชี้วัดที่ 9 ได้ 75 ขาดอีก 10 คะแนน", {9: 75.0}),
        ("ตัวชี้วัดที่ 9 ห่างเป้า 10 คะแนน ได้ 75", {9: 75.0}),
        ("ตัวชี้วัด 9 ได้ 72 (เป้า 85) ตัวชี้วัด 10 ได้ 88 (เป้า 85)", {9: 72.0, 10: 88.0}),
    ],
)
def test_a_shortfall_or_a_target_beside_the_value(text, expected):
    assert read(text).scores.indicators == expected


def test_a_bracketed_target_governs_nothing_after_it():
    res = read("EIT 88.6 (เป้า 90) / IIT 93.2 (เป้า 90) / OIT 76 (เป้า 85)")
    assert res.scores.tools == {"EIT": 88.6, "IIT": 93.2, "OIT": 76.0}


@pytest.mark.parametrize(
    ("text", "overall"),
    [
        ("ภาพรวมประมาณ 88 ค่ะ ตัวเลขจริง 88.04", 88.04),
        ("ได้ราวๆ 90 ค่ะ ที่จริงคือ 89.67", 89.67),
        ("ได้ประมาณ 88.5 ค่ะ", 88.5),
    ],
)
def test_a_round_guess_gives_way_to_the_exact_value(text, overall):
    assert read(text).scores.overall == overall


@pytest.mark.parametrize("text", ["รอบนี้น่าจะได้ประมาณ 90 ค่ะ ยังไม่ประกาศ", "น่าจะเกือบ 90 ค่ะ"])
def test_a_round_guess_alone_is_no_score(text):
    assert read(text).scores.is_empty()


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัดที่เก้า เจ็ดสิบสอง ตัวชี้วัดที่สิบ แปดสิบ",
        "ตัวที่เก้า เจ็ดสิบสอง ตัวที่สิบ แปดสิบ",
        "ข้อเก้า เจ็ดสิบสอง ข้อสิบ แปดสิบ",
    ],
)
def test_a_spoken_value_after_a_spoken_label(text):
    assert read(text).scores.indicators == {9: 72.0, 10: 80.0}


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัดที่ 9 ได้ 72.5 (ปีก่อน 65) ตัวชี้วัดที่ 10 ได้ 80 (ปีก่อน 78)",
        "ตัวชี้วัดที่ 9 ได้ 72.5 (ปีที่แล้ว 65) ตัวชี้วัดที่ 10 ได้ 80 (ปีที่แล้ว 78)",
    ],
)
def test_last_years_value_in_brackets_is_no_year(text):
    res = read(text)
    assert res.scores.year is None and res.scores.indicators == {9: 72.5, 10: 80.0}


@pytest.mark.parametrize(
    "text",
    [
        "อำเภอได้ 90.2 ค่ะ ของเรายังไม่ประกาศ",
        "จังหวัดภาพรวม 90.2 ของเรายังไม่ออกเลยค่ะ",
        "เพื่อนได้ 91.5 ของหนูยังรออยู่ค่ะ",
        "มีผู้ตอบ IIT 45 คน EIT 120 คน",
    ],
)
def test_not_ours_yet_and_counts_of_people_are_no_scores(text):
    assert read(text).scores.is_empty()


def test_ours_named_before_a_pending_part_is_kept():
    assert read("ของเราได้ 88.5 ส่วนรายตัวชี้วัดของเรายังไม่ออก").scores.overall == 88.5


# ---------------------------------------------------------------- round 18: ordinals, glosses, hypotheticals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ตัวแรกได้ 97.5 ตัวที่สองได้ 95 ตัวสุดท้ายได้ 70.25", {1: 97.5, 2: 95.0, 10: 70.25}),
        ("ตัวชี้วัดตัวสุดท้าย 66.67", {10: 66.67}),
        ("สองตัวสุดท้ายได้ 70 กับ 75 ค่ะ", {9: 70.0, 10: 75.0}),
        ("สามตัวแรกได้ 100 ทุกตัว", {1: 100.0, 2: 100.0, 3: 100.0}),
    ],
)
def test_indicators_by_their_place(text, expected):
    assert read(text).scores.indicators == expected


@pytest.mark.parametrize(
    "text",
    [
        "แบบวัด IIT (ภายใน) 92.1 แบบวัด EIT (ภายนอก) 88.3 แบบตรวจ OIT 75.5",
        "IIT (บุคลากร) 92.1 EIT (ผู้รับบริการ) 88.3 OIT (เว็บไซต์) 75.5",
    ],
)
def test_a_bracketed_gloss_between_a_tool_and_its_value(text):
    assert read(text).scores.tools == {"IIT": 92.1, "EIT": 88.3, "OIT": 75.5}


@pytest.mark.parametrize(
    "text", ["ภาพรวมตกจาก 90 เหลือ 86.5 ค่ะ", "ภาพรวมลดจาก 90 มาที่ 86.5", "ภาพรวมจาก 90 เป็น 86.5"]
)
def test_from_a_value_to_another(text):
    assert read(text).scores.overall == 86.5


@pytest.mark.parametrize("text", ["ไม่ได้ 85 นะคะ ได้ 83.5 ค่ะ พิมพ์ผิด", "ไม่ใช่ 85 ค่ะ ได้ 83.5"])
def test_a_value_taken_back_with_a_negation(text):
    assert read(text).scores.overall == 83.5


@pytest.mark.parametrize(
    "text",
    [
        "ถ้าได้ 85 จะได้ระดับอะไรคะ",
        "หากคะแนน 90 จะได้ AA ไหม",
        "สมมติว่าได้ 88 ต้องทำมาตรการไหมคะ",
        "หน่วยงานที่ได้ 100 คะแนนมีกี่แห่งคะ",
        "อบต.อื่นๆที่ได้ 95 ทำยังไงคะ",
        "ปีนี้มีงบทำ ITA 15,000 บาท ทำได้ 3 กิจกรรม",
        "ITA งบ 1,250,000 ค่ะ",
    ],
)
def test_hypotheticals_others_and_thousands_are_no_scores(text):
    assert read(text).scores.is_empty()


@pytest.mark.parametrize(("text", "overall"), [("ระดับ A (88.12) ค่ะ", 88.12), ("ระดับ AA: 95.5", 95.5)])
def test_a_grade_before_the_value(text, overall):
    assert read(text).scores.overall == overall


@pytest.mark.parametrize(
    ("text", "now", "before"),
    [
        ("ภาพรวม 87.5 (ปีที่แล้ว 84)", 87.5, 84.0),
        ("ภาพรวม 87.5 ปีก่อน 84", 87.5, 84.0),
        ("คะแนนเราปีนี้ 91.11 ปีที่แล้ว 89.99 ปีก่อนโน้น 85.55", 91.11, 89.99),
        ("ปีนี้ 91.11 สองปีก่อน 85.55 ปีที่แล้ว 89.99", 91.11, 89.99),
    ],
)
def test_this_year_before_past_ones(text, now, before):
    res = read(text)
    assert res.scores.overall == now
    assert res.previous is not None and res.previous.overall == before


def test_this_year_written_as_a_year_is_no_value():
    res = read("ITA ปี 67 ได้ 82.10 ปีนี้ 68 ได้ 86.40 ดีขึ้นนิดนึงค่ะ")
    assert (res.scores.year, res.scores.overall) == (2568, 86.4)


@pytest.mark.parametrize("text", ["ตัวที่ 9 เจ็ดสิบสอง ตัวที่ 10 แปดสิบ", "ตัวชี้วัดที่ 9 เจ็ดสิบสองจุดศูนย์ ตัวชี้วัดที่ 10 แปดสิบ"])
def test_a_spoken_value_after_a_written_label(text):
    assert read(text).scores.indicators == {9: 72.0, 10: 80.0}


# ---------------------------------------------------------------- round 19: years after values, shared values


@pytest.mark.parametrize(
    "text",
    [
        "88.5 (68) / 85.1 (67) ค่ะ ภาพรวม",
        "ภาพรวม 88.5 (ปี 2568) กับ 85.1 (ปี 2567)",
        "ได้ 88.5 (2568) ส่วน 85.1 (2567)",
    ],
)
def test_a_year_in_brackets_after_a_value_labels_it(text):
    res = read(text)
    assert (res.scores.year, res.scores.overall) == (2568, 88.5)
    assert res.previous is not None and (res.previous.year, res.previous.overall) == (2567, 85.1)


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        ("ตัวชี้วัด 9 = 72.5, ตัวชี้วัด 10 = 80 (ปี 68)", {9: 72.5, 10: 80.0}),
        ("ตัวชี้วัดที่ 9 ได้ 72.5 (ปี 2568)", {9: 72.5}),
    ],
)
def test_a_bracketed_year_after_a_labelled_value_stays_an_aside(text, indicators):
    assert read(text).scores.indicators == indicators


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ตัวชี้วัดที่ 9 และ 10 ได้เท่ากันคือ 75", {9: 75.0, 10: 75.0}),
        ("ตัวชี้วัดที่ 9 กับ 10 ได้เหมือนกัน 75", {9: 75.0, 10: 75.0}),
        ("ตัวชี้วัดที่ 9, 10 ทั้งคู่ได้ 75", {9: 75.0, 10: 75.0}),
    ],
)
def test_a_value_shared_when_a_word_says_so(text, expected):
    assert read(text).scores.indicators == expected


@pytest.mark.parametrize("text", ["ตัวชี้วัดที่สามได้ร้อยเต็มค่ะ", "ตัวชี้วัดที่สามได้เต็มร้อยค่ะ", "ตัวชี้วัดที่ 3 ได้เต็ม"])
def test_full_marks_in_words(text):
    assert read(text).scores.indicators == {3: 100.0}


def test_this_year_is_not_given_last_years_label():
    res = read("เมื่อปี 67 ได้ 80 ปีนี้ได้ 85.5")
    assert (res.scores.year, res.scores.overall) == (None, 85.5)
    assert res.previous is not None and (res.previous.year, res.previous.overall) == (2567, 80.0)


# ---------------------------------------------------------------- round 20: glued colons, clocks, realisations


@pytest.mark.parametrize(
    "text", ["ส่งคะแนนครับ ตัวชี้วัด9:72.5 ตัวชี้วัด10:80", "ตัวชี้วัดที่ 9: 72.5 ตัวชี้วัดที่ 10: 80", "ข้อ9:72.5 ข้อ10:80"]
)
def test_a_colon_glued_to_a_label_is_no_clock(text):
    assert read(text).scores.indicators == {9: 72.5, 10: 80.0}


@pytest.mark.parametrize(
    "text",
    [
        "ประชุม 9:30 น. ตัวชี้วัดที่ 9 ได้ 72.5",
        "ประชุม 9:30-12:00 ตัวชี้วัดที่ 9 ได้ 72.5",
        "เวลา 9:30 ตัวชี้วัดที่ 9 ได้ 72.5",
    ],
)
def test_a_clock_time_is_no_indicator_pair(text):
    assert read(text).scores.indicators == {9: 72.5}


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัดที่ 8 ได้ 85.5 ครับ อ้อ ไม่ใช่ 85.5 ครับ 58.5",
        "ตัวชี้วัดที่ 8 ได้ 85.5 ไม่ใช่ 85.5 ครับ 58.5",
        "ตัวชี้วัดที่ 8 ได้ 85.5 อ๋อ 58.5 ค่ะ",
    ],
)
def test_a_realisation_corrects_the_value(text):
    assert read(text).scores.indicators == {8: 58.5}


# ---------------------------------------------------------------- round 21: rounds, pipes, judgements, years in gaps


@pytest.mark.parametrize(
    ("text", "now", "before"),
    [
        ("ผลรอบนี้ 91.5 รอบที่แล้ว 88", 91.5, 88.0),
        ("ครั้งนี้ได้ 91.5 ครั้งก่อน 88", 91.5, 88.0),
    ],
)
def test_rounds_as_relative_years(text, now, before):
    res = read(text)
    assert res.scores.overall == now
    assert res.previous is not None and res.previous.overall == before


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัด 1 97 | 2 95 | 3 96",
        "ตัวชี้วัด 1 97 / 2 95 / 3 96",
        "ตัวชี้วัดที่ 1 ได้ 97 | 2 ได้ 95 | 3 ได้ 96",
        "ตัวชี้วัดที่ 1 ได้ 97 / 2 ได้ 95 / 3 ได้ 96",
    ],
)
def test_numbered_values_between_pipes(text):
    assert read(text).scores.indicators == {1: 97.0, 2: 95.0, 3: 96.0}


@pytest.mark.parametrize(
    "text",
    [
        "ITA ปี 2567 = 84.5\nITA ปี 2568 = 88.25",
        "ITA ปี 67 ได้ 84.5\nITA ปี 68 ได้ 88.25",
        "ภาพรวม ปี 2568 = 88.25 ภาพรวม ปี 2567 = 84.5",
    ],
)
def test_a_year_between_a_key_and_its_value(text):
    res = read(text)
    assert (res.scores.year, res.scores.overall) == (2568, 88.25)
    assert res.previous is not None and (res.previous.year, res.previous.overall) == (2567, 84.5)


@pytest.mark.parametrize("text", ["ตัวชี้วัดลำดับที่ 9 ได้ 76.19", "ตัวชี้วัด #9 = 76.19", "ตัวชี้วัดลำดับ 9 ได้ 76.19"])
def test_rank_words_inside_an_indicator_label(text):
    assert read(text).scores.indicators == {9: 76.19}


def test_last_years_values_beside_overall_and_an_indicator():
    res = read("ITA ได้ 85.29 (ปีที่แล้ว 80.00) ตัวชี้วัดที่ 9 ได้ 70.83 (ปีที่แล้ว 62.50)")
    assert (res.scores.overall, res.scores.indicators) == (85.29, {9: 70.83})
    assert res.previous is not None
    assert (res.previous.overall, res.previous.indicators) == (80.0, {9: 62.5})


@pytest.mark.parametrize(
    "text",
    ["สรุปผลค่ะ IIT ดีมาก 97.8 EIT ปานกลาง 85.2 OIT แย่ 60.5", "IIT ผ่าน 97.8 EIT ผ่าน 85.2 OIT ไม่ผ่าน 60.5"],
)
def test_a_judgement_between_a_tool_and_its_value(text):
    assert read(text).scores.tools == {"IIT": 97.8, "EIT": 85.2, "OIT": 60.5}


@pytest.mark.parametrize("text", ["O1-O5 ได้ครบ 100 ทุกข้อ", "O1-O5 ได้เต็ม 100 ทุกข้อ", "O1 ถึง O5 ได้ 100 ครบทุกข้อ"])
def test_complete_and_full_before_a_shared_value(text):
    assert read(text).scores.items == {f"O{n}": 100.0 for n in range(1, 6)}


# ---------------------------------------------------------------- round 22: list marks, dates, changes


@pytest.mark.parametrize(
    "text", ["1. 98.5\n2. 97\n3. 96.75\n4. 95\n5. 94.25", "1) 98.5\n2) 97\n3) 96.75\n4) 95\n5) 94.25"]
)
def test_whole_numbers_in_a_numbered_list(text):
    assert read(text).scores.indicators == {1: 98.5, 2: 97.0, 3: 96.75, 4: 95.0, 5: 94.25}


@pytest.mark.parametrize(
    ("text", "blocked"),
    [("ส่ง 15/10/2568", True), ("ส่ง 3 - 10 - 68", True), ("3. 96.75", False), ("12. 96. 75", False)],
)
def test_a_date_needs_a_real_month(text, blocked):
    from bot.scores.text import numbers

    assert any(n.blocked == "date/number" for n in numbers(text, [])) == blocked


@pytest.mark.parametrize(
    "text",
    ["ภาพรวมดีขึ้น 3 คะแนนจากปีที่แล้ว", "ภาพรวมแย่ลง 2.5 คะแนน", "ตัวชี้วัดที่ 9 ลดลง 4 คะแนน", "OIT ตกลง 3.75"],
)
def test_a_change_is_no_score(text):
    assert read(text).scores.is_empty()


# ---------------------------------------------------------------- round 23: counts before a tool's value


@pytest.mark.parametrize(
    ("text", "tools"),
    [
        ("OIT ได้ 33 ข้อ จาก 33 ข้อ = 100 คะแนน", {"OIT": 100.0}),
        ("IIT มีผู้ตอบ 45 คน ได้ 92.5", {"IIT": 92.5}),
        ("EIT ผู้ตอบ 120 ราย คะแนน 88.75", {"EIT": 88.75}),
        ("มีผู้ตอบ IIT 45 คน EIT 120 คน", {}),
    ],
)
def test_counts_may_stand_before_a_tools_marked_value(text, tools):
    assert read(text).scores.tools == tools


# ---------------------------------------------------------------- small edits that must not change a read


@pytest.mark.parametrize("tail", ["", " ค่ะ", " ครับผม", " ควรทำอะไรก่อนคะ"])
def test_words_after_the_last_value_of_a_list(tail):
    assert read("1. 98.5\n2. 97\n3. 96.75" + tail).scores.indicators == {1: 98.5, 2: 97.0, 3: 96.75}
    assert read("ภาพรวม: 88.5\n9 - 72.5\n10 - 80" + tail).scores.indicators == {9: 72.5, 10: 80.0}
    assert read("ตัวชี้วัดที่ 6\n88.46\nตัวชี้วัดที่ 7\n84.62" + tail).scores.indicators == {6: 88.46, 7: 84.62}


@pytest.mark.parametrize("lead", ["", "ส่งคะแนนค่ะ ", "เรียนพี่ครับ ", "ส่งคะแนนนะคะ\n"])
def test_a_lead_in_before_the_scores(lead):
    assert read(lead + "ตว.9 = 68.75 ตว.10 = 72.92").scores.indicators == {9: 68.75, 10: 72.92}
    assert read(lead + "ทรัพย์สินราชการ 100 เต็ม เปิดเผยข้อมูล 88.5").scores.indicators == {4: 100.0, 9: 88.5}
    assert read(lead + "O1 โครงสร้าง 100 / O3 อำนาจหน้าที่ 0").scores.items == {"O1": 100.0, "O3": 0.0}
    assert read(lead + "1. 98.5\n2. 97\n3. 96.75").scores.indicators == {1: 98.5, 2: 97.0, 3: 96.75}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9 ได้รับ 72.5 ส่วน 10 ได้รับ 80 (ตัวชี้วัดนะคะ)", {9: 72.5, 10: 80.0}),
        ("ตัวชี้วัดที่ 9 ต่ำกว่าเป้า 85 อยู่ 10 คะแนน (ได้รับ 75)", {9: 75.0}),
        ("ภาพรวม 86.3 ตัวชี้วัดที่ต่ำสุดคือ 9 ได้รับ 68.33", {9: 68.33}),
    ],
)
def test_dai_rap_leads_a_value_as_dai_does(text, expected):
    assert read(text).scores.indicators == expected


@pytest.mark.parametrize("text", ["ถ้าได้รับ 85 จะได้ระดับอะไรคะ", "ไม่ได้รับ 85 นะคะ"])
def test_dai_rap_in_a_hypothetical_or_negation(text):
    assert read(text).scores.is_empty()


def test_a_score_alone_at_a_line_start_is_no_section_number():
    assert read("ตัวชี้วัดที่ 7\n84.62 ควรทำอะไรก่อนคะ").scores.indicators == {7: 84.62}
    assert read("1.1 การเปิดเผยข้อมูล\n1.2 การป้องกันการทุจริต").scores.is_empty()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("พี่ครับ 9 กับ 10 ได้ 72.5 คะแนน กับ 78.75 คะแนน ครับ ตัวชี้วัดนะครับ", {9: 72.5, 10: 78.75}),
        ("ตัวชี้วัดที่ 9-10 ได้ 75.00 คะแนน, 80.00 คะแนน", {9: 75.0, 10: 80.0}),
        ("(9) 72.5 คะแนน (10) 80.0 คะแนน ตัวชี้วัดค่ะ", {9: 72.5, 10: 80.0}),
        ("คะแนนแต่ละตัว 1) 99.10 คะแนน 2) 97.45 คะแนน 3) 98.00 คะแนน", {1: 99.1, 2: 97.45, 3: 98.0}),
        ("ตัวชี้วัดที่ 6 84.75 คะแนน / 7 83.10 คะแนน / 8 81.90 คะแนน", {6: 84.75, 7: 83.1, 8: 81.9}),
        ("ที่ต่ำกว่า 85 มีตัวชี้วัด 9 (72.5 คะแนน) กับ 10 (80)", {9: 72.5, 10: 80.0}),
        ("ตัวชี้วัดที่ 5 ได้ 96.67 คะแนน ค่ะ ส่วนที่ 6 ได้ 90.12 คะแนน", {5: 96.67, 6: 90.12}),
    ],
)
def test_the_word_score_after_each_value(text, expected):
    assert read(text).scores.indicators == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ข้อ 1) 92.40 ข้อ 2) 90 ข้อ 3) 87.15", {1: 92.4, 2: 90.0, 3: 87.15}),
        ("ตัวชี้วัดที่ 9 .......... 72.50\nตัวชี้วัดที่ 10 ......... 80", {9: 72.5, 10: 80.0}),
        ("9. การเปิดเผยข้อมูล = 72.50 คะแนน 10. การป้องกันการทุจริต = 81.25 คะแนน", {9: 72.5, 10: 81.25}),
    ],
)
def test_list_marks_and_leaders_before_a_whole_number(text, expected):
    assert read(text).scores.indicators == expected


# ---------------------------------------------------------------- round 24: longer messages, years by keys


@pytest.mark.parametrize(
    "text",
    [
        "ตัวที่ต่ำคือ 9 (64.58) กับ 10 (70.83)",
        "ตัวชี้วัดที่ต่ำสุดคือ 9 (64.58) และ 10 (70.83) ค่ะ",
    ],
)
def test_bare_numbers_with_bracketed_values_in_a_message_about_indicators(text):
    assert read(text).scores.indicators == {9: 64.58, 10: 70.83}


@pytest.mark.parametrize(
    ("text", "now", "before"),
    [
        ("ได้ 78.4 ค่ะ 😭 ปีที่แล้ว 81 ลดลงเยอะเลย", 78.4, 81.0),
        ("ได้ 90.5 ค่ะ ปีก่อน 88 ดีขึ้นนิดนึง", 90.5, 88.0),
    ],
)
def test_last_years_value_after_this_years_is_no_year(text, now, before):
    res = read(text)
    assert (res.scores.year, res.scores.overall) == (None, now)
    assert res.previous is not None and res.previous.overall == before


def test_an_aside_after_a_particle_gives_no_year():
    res = read("ตัวชี้วัดที่ 9 ได้ 70.83 ครับ (ปี 67 ได้ 62.5)")
    assert (res.scores.year, res.scores.indicators) == (None, {9: 70.83})


@pytest.mark.parametrize(
    "text",
    [
        "ปี 68 ภาพรวม 91.2 ปี 67 ภาพรวม 89.4",
        "ปี 2568 ITA 91.2 ปี 2567 ITA 89.4",
        "ปี 68 ภาพรวม 91.2\nปี 67 ภาพรวม 89.4",
    ],
)
def test_a_year_label_right_before_a_key(text):
    res = read(text)
    assert (res.scores.year, res.scores.overall) == (2568, 91.2)
    assert res.previous is not None and (res.previous.year, res.previous.overall) == (2567, 89.4)


@pytest.mark.parametrize(
    ("text", "year", "indicators"),
    [
        ("ตัวชี้วัดที่ 9 ปี 67 ได้ 70 ตัวชี้วัดที่ 10 ได้ 80", 2567, {9: 70.0, 10: 80.0}),
        ("อยากให้ช่วยทำแผนสำหรับปีงบ 2569 ค่ะ ตัวชี้วัดที่ 7 ได้ 66.00", None, {7: 66.0}),
    ],
)
def test_a_year_before_another_keys_value_or_a_plans_year_labels_nothing_after(text, year, indicators):
    res = read(text)
    assert (res.scores.year, res.scores.indicators) == (year, indicators)


@pytest.mark.parametrize("text", ["ถ้าปีหน้าได้ 95 จะได้ AA ไหมคะ", "หากรอบหน้าเราได้ 90 จะดีมาก"])
def test_a_hypothetical_with_words_between(text):
    assert read(text).scores.is_empty()


# ---------------------------------------------------------------- round 26: the bad side


@pytest.mark.parametrize(
    "text",
    [
        "อีก 1.67 คะแนนถึงจะได้ 85",
        "ต้องทำอีกนิดจึงจะได้ 90",
        "ปีหน้าจะได้ 95 แน่นอน",
        "อบจ. ได้ 92 เขาเก่งมาก",
        "เขาได้ 95.5 ค่ะ",
    ],
)
def test_future_values_and_theirs_are_no_scores(text):
    assert read(text).scores.is_empty()


@pytest.mark.parametrize(
    ("text", "overall"),
    [
        ("ได้ 85.5 ค่ะ ส่วน อบจ. ได้ 92 (เขาเก่งมาก)", 85.5),
        ("เราได้ 85.5 ส่วนเทศบาลได้ 92", 85.5),
        ("ภาพรวม 90.45 ค่ะ ถ้าปีหน้าได้ 95 จะได้ AA", 90.45),
        ("ตัวชี้วัดที่ 7 ได้ 83.33 อีก 1.67 ถึง 85", None),
    ],
)
def test_ours_beside_theirs_and_a_shortfall(text, overall):
    assert read(text).scores.overall == overall


@pytest.mark.parametrize(
    "text",
    ["ส่งคะแนนค่ะ ค่าเฉลี่ยของกรม 90.12 ค่ะ", "ส่งคะแนนค่ะ ค่ามัธยฐานประเทศ 91.2", "ส่งคะแนนค่ะ ค่าเฉลี่ยทุกหน่วยงาน 88.4"],
)
def test_a_wider_bodys_average_or_median_is_a_benchmark(text):
    assert read(text).scores.is_empty()
