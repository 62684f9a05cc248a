"""Conventions found with fresh dev rounds 10-12 (forwarded chats, Excel, OCR, abbreviations): several phrasings each."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from bot.scores.normalise import normalise
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- emoji and keycaps


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1️⃣ 97.50\n2️⃣ 95.00\n3️⃣ 96.25", {1: 97.5, 2: 95.0, 3: 96.25}),
        ("ตัวชี้วัด 9️⃣ ได้ 71.43\nตัวชี้วัด 🔟 ได้ 80.00", {9: 71.43, 10: 80.0}),
    ],
)
def test_keycap_digits_number_a_list(text, expected):
    assert read(text).scores.indicators == expected


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("O1 ✅ 100\nO2 ✅ 100\nO3 ❌ 0", {"O1": 100.0, "O2": 100.0, "O3": 0.0}),
        ("O10 ⭐ 100 O11 ⚠️ 0", {"O10": 100.0, "O11": 0.0}),
    ],
)
def test_pictographs_between_a_key_and_its_value_are_decoration(text, items):
    assert read(text).scores.items == items


def test_pictograph_bullets_before_tools():
    res = read("🔹ภาพรวม 90.55\n🔸IIT 94.80\n▪️EIT 90.12\n👉OIT 87.93")
    assert res.scores.overall == 90.55
    assert res.scores.tools == {"IIT": 94.8, "EIT": 90.12, "OIT": 87.93}


# ---------------------------------------------------------------- OCR slips


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ตัวชี้วัดที่ 9 ได้ 78 .50", {9: 78.5}),
        ("ตัวชี้วัดที่ 9 ได้ 78. 50", {9: 78.5}),
        ("ตัวชี้วัดที่ 1O ได้ 7O.59", {10: 70.59}),
        ("ตัวชี้วัดที่ 8 ได้ 8O", {8: 80.0}),
    ],
)
def test_ocr_slips_around_a_decimal_point_and_a_closing_zero(text, expected):
    assert read(text).scores.indicators == expected


@pytest.mark.parametrize(
    "text", ["1. 97.25\n2. 95.00", "ข้อ 2. 50 คะแนน", "ตัวชี้วัดที่ 9. 70 คะแนน", "9. 72\n10. 85", "O10. 85"]
)
def test_a_list_number_before_a_value_is_not_a_split_point(text):
    assert normalise(text) == text


def test_an_item_code_keeps_its_letter_o():
    assert read("O10 ได้ 0 O11 ได้ 100").scores.items == {"O10": 0.0, "O11": 100.0}


# ---------------------------------------------------------------- full marks written as "/100"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ตัวชี้วัดที่ 5 ได้ 83/100 ค่ะ ตัวชี้วัดที่ 8 ได้ 79/100", {5: 83.0, 8: 79.0}),
        ("การเปิดเผยข้อมูล 72.5/100", {9: 72.5}),
    ],
)
def test_a_score_over_its_full_marks_is_the_score(text, expected):
    assert read(text).scores.indicators == expected


def test_a_run_of_values_ending_in_100_keeps_its_last_value():
    res = read("ตัวชี้วัด 1-10 => 99.2 / 98.1 / 99.6 / 97.9 / 98.8 / 92.3 / 90.7 / 91.2 / 88.5 / 100")
    assert res.scores.indicators[10] == 100.0 and len(res.scores.indicators) == 10


@pytest.mark.parametrize("text", ["ตอบครบ 33/33 ข้อ", "เลขที่หนังสือ 45/100"])
def test_counts_and_numbers_over_100_are_not_scores(text):
    assert read(text).scores.is_empty()


# ---------------------------------------------------------------- table columns


@pytest.mark.parametrize(
    "header",
    ["ตัวชี้วัด\tหน่วยงาน\tจังหวัด", "ตัวชี้วัด\tของเรา\tค่าเฉลี่ยจังหวัด", "ตัวชี้วัด\tคะแนน\tระดับประเทศ"],
)
def test_a_province_or_country_column_is_a_benchmark(header):
    res = read(header + "\n1\t96.00\t94.12\n2\t90.50\t92.30")
    assert res.scores.indicators == {1: 96.0, 2: 90.5}


@pytest.mark.parametrize("tool_column", ["รวมแบบวัด", "คะแนนแบบวัด", "คะแนนรายเครื่องมือ"])
def test_a_tool_column_merged_over_its_rows_is_not_the_rows_score(tool_column):
    text = (
        f"ตัวชี้วัด\tคะแนน\t{tool_column}\nการปฏิบัติหน้าที่\t95.00\t93.50\nการใช้งบประมาณ\t92.00\t\n"
        "การเปิดเผยข้อมูล\t80.00\t78.00\nการป้องกันการทุจริต\t76.00\t"
    )
    assert read(text).scores.indicators == {1: 95.0, 2: 92.0, 9: 80.0, 10: 76.0}


@pytest.mark.parametrize("head", ["ร้อยละ", "%", "คะแนน"])
def test_a_percent_column(head):
    res = read(f"ตัวชี้วัด\t{head}\n9\t75.00%\n10\t81.82%")
    assert res.scores.indicators == {9: 75.0, 10: 81.82}


# ---------------------------------------------------------------- names shortened with "ฯ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("เปิดเผยฯ 76.5 ป้องกันฯ 82.0", {9: 76.5, 10: 82.0}),
        ("การแก้ไขฯ ได้ 80 ประสิทธิภาพฯ 85.5", {5: 80.0, 7: 85.5}),
        ("ปฏิบัติหน้าที่ฯ = 97.1", {1: 97.1}),
    ],
)
def test_a_name_shortened_with_paiyannoi(text, expected):
    assert read(text).scores.indicators == expected


@pytest.mark.parametrize("text", ["การใช้ฯ ได้ 70", "นายกฯ ได้ 90 คน", "กรุงเทพฯ 85 แห่ง"])
def test_a_shortening_that_names_no_single_indicator_names_none(text):
    assert read(text).scores.indicators == {}


# ---------------------------------------------------------------- the agency that got the overall


@pytest.mark.parametrize(
    ("text", "overall", "indicators"),
    [
        ("กรมฯ ได้ 93.02 ค่ะ ส่วนตัวชี้วัดที่ 8 ได้ 86.67 ต่ำสุด", 93.02, {8: 86.67}),
        ("โรงเรียนเราได้ 88.40 ครับ ตัวชี้วัดที่ 9 ได้ 70.00", 88.4, {9: 70.0}),
        ("อบต.บ้านนาได้คะแนน 81.25 ตัวชี้วัดที่ 10 ได้ 66.67", 81.25, {10: 66.67}),
    ],
)
def test_the_agency_that_got_a_value_gives_the_overall(text, overall, indicators):
    res = read(text)
    assert res.scores.overall == overall and res.scores.indicators == indicators


def test_another_agency_that_got_a_value_does_not():
    res = read("อบต.ข้างๆ ได้ 96.50 ส่วนตัวชี้วัดที่ 9 ของเราได้ 70.00")
    assert res.scores.overall is None and res.scores.indicators == {9: 70.0}


# ---------------------------------------------------------------- tool names in Thai letters


@pytest.mark.parametrize(
    ("text", "year", "overall", "tools"),
    [
        ("ไอทีเอ 68 ได้ 91.02 ครับ", 2568, 91.02, {}),
        ("โอไอที 80.5 อีไอที 88.25", None, None, {"OIT": 80.5, "EIT": 88.25}),
        ("ไอไอทีได้เก้าสิบสี่คะแนน", None, None, {"IIT": 94.0}),
        ("ฝ่ายไอทีเอาไปแก้ 3 วัน", None, None, {}),
    ],
)
def test_tool_names_spelt_in_thai_letters(text, year, overall, tools):
    res = read(text)
    assert (res.scores.year, res.scores.overall, res.scores.tools) == (year, overall, tools)


# ---------------------------------------------------------------- tables laid across


def test_a_table_laid_across_pairs_each_key_with_the_value_under_it():
    res = read("เครื่องมือ\tIIT\tEIT\tOIT\tรวม\nคะแนน\t94.10\t88.20\t80.50\t86.90")
    assert res.scores.tools == {"IIT": 94.1, "EIT": 88.2, "OIT": 80.5} and res.scores.overall == 86.9


def test_indicator_numbers_across_and_two_year_rows_under_them():
    res = read("ตัวชี้วัดที่\t9\t10\nปี 2567\t70.00\t75.00\nปี 2568\t78.50\t81.25")
    assert res.scores.year == 2568 and res.scores.indicators == {9: 78.5, 10: 81.25}


def test_bare_numbers_across_need_an_indicator_heading():
    res = read("ลำดับ\t1\t2\t3\nคะแนน\t98.00\t96.50\t97.00")
    assert res.scores.indicators == {}


# ---------------------------------------------------------------- "N=value" pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9=68.4 10=74.2 ตัวชี้วัดนะครับ", {9: 68.4, 10: 74.2}),
        ("ทราบ 9=68 10=74 เร่งแก้ด้วย", {9: 68.0, 10: 74.0}),
        ("1=98.5, 2=96 ครับ", {1: 98.5, 2: 96.0}),
    ],
)
def test_key_value_pairs_name_indicators(text, expected):
    assert read(text).scores.indicators == expected


@pytest.mark.parametrize(
    "text", ["ทราบ 9=68 ครับ", "ได้ 9 ได้ 80", "ห้อง 3 ได้ 45 คน", "ห้อง 1=30 คน, ห้อง 2=25 คน"]
)
def test_one_bare_pair_with_no_indicator_word_names_no_indicator(text):
    assert read(text).scores.indicators == {}


# ---------------------------------------------------------------- former values and asides


@pytest.mark.parametrize(
    ("text", "indicators", "overall"),
    [
        ("ตัวชี้วัดที่ 9 เพิ่มขึ้นจาก 70.10 เป็น 78.45 ครับ", {9: 78.45}, None),
        ("ภาพรวมจาก 82.50 ปีที่แล้ว ขึ้นมาเป็น 88.10 ปีนี้ค่ะ", {}, 88.1),
        ("ตัวชี้วัดที่ 10 ลดลงจาก 80 เป็น 72.5", {10: 72.5}, None),
    ],
)
def test_the_value_it_changed_from_is_not_the_result(text, indicators, overall):
    res = read(text)
    assert res.scores.indicators == indicators and res.scores.overall == overall


def test_a_year_in_an_aside_after_a_value_does_not_label_the_line():
    res = read("9 การเปิดเผยข้อมูล 78.50 (ปี 67: 70.20)\n10 การป้องกันการทุจริต 81.00 (ปี 67: 75.00)")
    assert res.scores.year is None and res.scores.indicators == {9: 78.5, 10: 81.0}


def test_a_year_in_brackets_after_a_value_alone_still_labels_it():
    assert read("ภาพรวม 88.20 (ปี 2568)").scores.year == 2568


# ---------------------------------------------------------------- grades, status words, apologies


@pytest.mark.parametrize("text", ["ปีนี้ได้ระดับ A 88.50 คะแนนค่ะ", "ได้ AA 95.10 ค่ะ", "ผลการประเมิน B 84.20"])
def test_a_grade_between_the_score_word_and_the_value(text):
    assert read(text).scores.overall is not None


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("O16 O17 ยังไม่ผ่าน ได้ 0 คะแนน", {"O16": 0.0, "O17": 0.0}),
        ("O20-O22 ไม่มีข้อมูล ได้ 0 ค่ะ", {"O20": 0.0, "O21": 0.0, "O22": 0.0}),
    ],
)
def test_a_few_status_words_between_item_codes_and_their_shared_value(text, items):
    assert read(text).scores.items == items


def test_status_words_that_say_not_published_give_no_value():
    assert read("O13 O14 ยังไม่ได้เผยแพร่ค่ะ").scores.items == {}


@pytest.mark.parametrize(
    ("text", "overall"),
    [
        ("ภาพรวม 88.5 ค่ะ ขอโทษค่ะ 85.8 ค่ะ พิมพ์สลับ", 85.8),
        ("ภาพรวม 88.5\nขออภัยครับ 85.8", 85.8),
        ("ภาพรวม 91.00\nขอโทษค่ะ ไม่ใช่ 91 ที่ถูกคือ 93.00", 93.0),
    ],
)
def test_an_apology_between_two_values_takes_the_first_back(text, overall):
    assert read(text).scores.overall == overall


def test_an_apology_for_being_late_changes_nothing():
    res = read("ขอโทษที่ส่งช้าค่ะ ตัวชี้วัดที่ 9 ได้ 70.00 ตัวชี้วัดที่ 10 ได้ 75.00")
    assert res.scores.indicators == {9: 70.0, 10: 75.0}


# ---------------------------------------------------------------- years listed with no score word


def test_values_each_with_its_own_year_need_no_score_word():
    res = read("ปี 2567 = 80.45\nปี 2568 = 86.02")
    assert res.scores.overall == 86.02 and res.previous is not None and res.previous.overall == 80.45


def test_one_value_after_a_year_with_no_score_word_is_not_read():
    assert read("ปีงบ 2569 = 12").scores.is_empty()


# ---------------------------------------------------------------- words between a key and its value


@pytest.mark.parametrize(
    ("text", "indicators", "tools", "overall"),
    [
        ("ตัวชี้วัดที่ 9 ได้ 72.5 ตัวชี้วัดที่ 10 ก็ 80 ค่ะ", {9: 72.5, 10: 80.0}, {}, None),
        ("ตัวชี้วัดที่ 10 เหลือแค่ 60 เองค่ะ", {10: 60.0}, {}, None),
        ("EIT ได้น้อยสุด 79.80 ครับ", {}, {"EIT": 79.8}, None),
        ("OIT ได้สูงที่สุด 95 คะแนน", {}, {"OIT": 95.0}, None),
        ("ได้คะแนนมา 84.30 ครับพี่", {}, {}, 84.3),
    ],
)
def test_qualifiers_between_a_key_and_its_value(text, indicators, tools, overall):
    res = read(text)
    assert (res.scores.indicators, res.scores.tools, res.scores.overall) == (indicators, tools, overall)


@pytest.mark.parametrize(
    ("text", "overall"),
    [("ภาพรวมได้ 92 กว่าๆ ค่ะ 92.38", 92.38), ("ได้ 80 ปลายๆ ค่ะ ภาพรวม 88.12", 88.12)],
)
def test_an_estimate_is_not_the_result(text, overall):
    assert read(text).scores.overall == overall


def test_an_estimate_alone_is_not_read():
    assert read("ภาพรวมน่าจะได้ 80 กว่าๆ ค่ะ").scores.is_empty()


# ---------------------------------------------------------------- the overall in other places


@pytest.mark.parametrize(
    "text",
    ["IIT 96.1 ค่ะ EIT 90.2 ค่ะ OIT 85.0 ค่ะ รวม 89.9 ค่ะ", "IIT 96.1 EIT 90.2 OIT 85.0 รวม 89.9"],
)
def test_ruam_as_a_word_of_its_own_is_the_total(text):
    res = read(text)
    assert res.scores.overall == 89.9 and res.scores.tools == {"IIT": 96.1, "EIT": 90.2, "OIT": 85.0}


def test_ruam_with_a_count_is_not_a_total():
    assert read("รวม 12 โครงการ").scores.is_empty()


def test_a_value_before_the_english_word_overall():
    res = read("We got 91.2 overall. Lowest is indicator 9 at 77.3")
    assert res.scores.overall == 91.2 and res.scores.indicators == {9: 77.3}


@pytest.mark.parametrize(
    ("text", "value"), [("ผลปี 68 ออกแล้วค่ะ 🎉 93.75", 93.75), ("ผลออกแล้วค่ะ เย้ 88.46", 88.46)]
)
def test_the_one_decimal_value_of_a_message_about_results(text, value):
    res = read(text)
    assert res.scores.overall == value and res.unsure  # read, and asked back


@pytest.mark.parametrize(
    "text",
    [
        "ได้รับไฟล์ขนาด 12.5 MB แล้วค่ะ",
        "ผลปี 68 ออกแล้ว 93.75 กับ 88.10",
        "ได้ 5.5 ชั่วโมง",
        "ได้งบ 1.5 ล้านบาท",
        "ผลออกแล้วค่ะ",
    ],
)
def test_no_lone_value_when_it_could_be_something_else(text):
    assert read(text).scores.overall is None


def test_relative_year_words_label_two_overalls():
    res = read("ผลปีล่าสุด 87.61 (ปี 2568) ปีก่อนหน้า 84.02 (ปี 2567)")
    assert res.scores.overall == 87.61 and res.previous is not None and res.previous.overall == 84.02


# ---------------------------------------------------------------- numbered runs with brackets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(9) 72.5 (10) 80.0 ตัวชี้วัดค่ะ", {9: 72.5, 10: 80.0}),
        ("OIT: 9) 72.5 10) 80", {9: 72.5, 10: 80.0}),
        ("ที่ต่ำกว่า 85 มีตัวชี้วัด 9 (72.5) กับ 10 (80)", {9: 72.5, 10: 80.0}),
    ],
)
def test_numbers_closed_by_a_bracket_label_values(text, expected):
    assert read(text).scores.indicators == expected


@pytest.mark.parametrize("text", ["1 2 3 4", "(9 72.5 (10 80", "ข้อ 1) 2 คน 2) 3 คน"])
def test_runs_that_are_not_numbered_values_stay_as_they_are(text):
    assert normalise(text) == text


# ---------------------------------------------------------------- a wider group's average


@pytest.mark.parametrize(
    "text",
    [
        "คะแนน ITA ของเราได้เท่าไหร่คะ ค่าเฉลี่ยประเทศ 87.5",
        "ค่าเฉลี่ยจังหวัดปีนี้ได้ 88.25 ค่ะ",
        "ภาพรวมของประเทศปีนี้ 87.44",
    ],
)
def test_a_province_or_country_average_alone_is_not_our_score(text):
    assert read(text).scores.is_empty()


@pytest.mark.parametrize(
    ("text", "overall", "indicators"),
    [
        ("ภาพรวมเราได้ 88.14 สูงกว่าค่าเฉลี่ยจังหวัด (85.27)", 88.14, {}),
        ("ตัวชี้วัดที่ 9 ได้ 74.29 ค่าเฉลี่ยจังหวัด 86.50", None, {9: 74.29}),
        ("คะแนนเฉลี่ย 89.12 ค่ะ", 89.12, {}),  # ITAS calls the agency's own result an average
    ],
)
def test_our_score_beside_a_wider_average(text, overall, indicators):
    res = read(text)
    assert res.scores.overall == overall and res.scores.indicators == indicators


# ---------------------------------------------------------------- round 13


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("การเปิดเผยข้อมูล / การป้องกันการทุจริต\n72.5 / 80", {9: 72.5, 10: 80.0}),
        ("ตัวชี้วัดที่ 6, ตัวชี้วัดที่ 7\n88.10, 86.50", {6: 88.1, 7: 86.5}),
    ],
)
def test_names_on_one_line_and_their_values_on_the_next(text, expected):
    assert read(text).scores.indicators == expected


def test_two_names_side_by_side_are_two_indicators():
    res = read("การเปิดเผยข้อมูล การป้องกันการทุจริต 80.25")
    assert res.scores.indicators == {10: 80.25}


@pytest.mark.parametrize("text", ["ITA 68 ผ่านแล้วค่ะ 🎉", "ITA 67 ยังไม่ได้ส่งผลเลย", "ส่ง ITA 69 ภายในมีนาคมนะคะ"])
def test_a_two_digit_year_after_ita_is_a_year_not_a_score(text):
    assert read(text).scores.is_empty()


@pytest.mark.parametrize(
    ("text", "overall"),
    [("ได้ ITA 72 ค่ะ", 72.0), ("ITA 70 คะแนน", 70.0), ("ITA 88 ค่ะ", 88.0), ("ITA 68 ได้ 88.00", 88.0)],
)
def test_a_score_after_ita(text, overall):
    assert read(text).scores.overall == overall


@pytest.mark.parametrize(
    "text",
    [
        "ปีหน้าตั้งเป้า IIT 95 EIT 90 OIT 90",
        "เป้าหมายปี 69: ตัวชี้วัดที่ 9 90 ตัวชี้วัดที่ 10 92",
        "KPI ภาพรวม 90 และ OIT 95",
    ],
)
def test_a_target_word_governs_the_list_after_it(text):
    assert read(text).scores.is_empty()


def test_a_result_after_a_target_is_still_read():
    assert read("ตั้งเป้า 85 แต่ได้ 78.5 ค่ะ").scores.overall == 78.5
    assert read("เป้าหมาย 85 ตัวชี้วัดที่ 9 ได้ 70").scores.indicators == {9: 70.0}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("ผล ITA ประกาศวันที่ 30 ก.ย. 2568 ค่ะ ภาพรวม 88.46", 2568),
        ("ส่งแผนภายใน 31 มี.ค. 2569 ค่ะ ภาพรวม 88.46", None),
    ],
)
def test_the_year_results_were_announced_is_their_year_a_deadlines_is_not(text, year):
    res = read(text)
    assert res.scores.overall == 88.46 and res.scores.year == year


# ---------------------------------------------------------------- items named as weak, without scores


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("ข้อ O13 O14 ยังไม่ได้เผยแพร่ค่ะ", ["O13", "O14"]),
        ("ข้อ O20-O22 ยังไม่ได้เผยแพร่ ส่วน O5 ขาดไป", ["O20", "O21", "O22", "O5"]),
        ("I7 กับ I9 ยังไม่ผ่านครับ", ["I7", "I9"]),
        # a finding and the advice after it on one line, or in the next cell of a table row
        ("สาเหตุหลักมาจากการขาดข้อมูลในหัวข้อ O13 และ O16 ดังนั้นควรปรับปรุงเว็บไซต์", ["O13", "O16"]),
        ("เนื่องจากข้อมูล O14 ไม่ครบถ้วน\tจัดทำและเผยแพร่ข้อมูลให้ครบถ้วน", ["O14"]),
    ],
)
def test_items_named_as_missing_are_carried_without_scores(text, named):
    res = read(text)
    assert res.named_items == named
    assert res.scores.items == {} and res.error  # no score is made up: the officer is still asked


def test_an_oit_items_verdict_is_its_score_and_is_asked_back():
    # OIT items are checked as published or not: a pass is 100, a fail 0; read, then confirmed
    res = read("O20-O22 ไม่ผ่านค่ะ ส่วน O5 ขาดไป")
    assert res.scores.items == {"O20": 0.0, "O21": 0.0, "O22": 0.0} and res.named_items == ["O5"]
    assert any("O20, O21, O22" in q and "0 คะแนน" in q for q in res.unsure)
    res = read("OIT ได้ 65.12 ค่ะ ข้อ O10 กับ O11 ไม่ผ่าน ส่วน O30 ผ่านแล้ว")
    assert res.scores.items == {"O10": 0.0, "O11": 0.0, "O30": 100.0} and res.scores.tools == {"OIT": 65.12}
    assert len(res.unsure) == 2


@pytest.mark.parametrize(
    "text",
    ["I7 กับ I9 ยังไม่ผ่านครับ", "O13 ยังไม่ผ่านใช่ไหมคะ", "ต้องทำให้ O13 ผ่านภายใน มี.ค.", "O13 ไม่ผ่าน ได้ 20 คะแนน"],
)
def test_a_verdict_gives_no_score_to_perception_items_questions_instructions_or_a_valued_item(text):
    res = read(text)
    assert all(v != 0.0 or k != "O13" for k, v in res.scores.items.items()) or "20" in text
    assert not any(k.startswith("I") for k in res.scores.items)
    if "20" in text:
        assert res.scores.items == {"O13": 20.0}


def test_named_items_beside_scores_keep_the_scores():
    res = read("ตัวชี้วัดที่ 9 ได้ 70 ค่ะ ข้อ O12 ยังไม่ได้เผยแพร่")
    assert res.scores.indicators == {9: 70.0} and res.named_items == ["O12"] and res.error is None


def test_an_item_with_a_score_is_not_named_again():
    res = read("O13 O14 O22 ได้ 0 ค่ะ ยังไม่ได้เผยแพร่")
    assert res.scores.items == {"O13": 0.0, "O14": 0.0, "O22": 0.0} and res.named_items == []


@pytest.mark.parametrize(
    "text",
    [
        "ต้องเผยแพร่ O1 ถึง O33 ภายใน 31 มี.ค. 69",
        "O13 ยังไม่ได้เผยแพร่ใช่ไหมคะ",
        "O13 O14 เผยแพร่ครบแล้วค่ะ",
        "ควรเผยแพร่ O20 ให้ครบ",
    ],
)
def test_instructions_questions_and_done_items_name_nothing(text):
    assert read(text).named_items == []


@pytest.mark.parametrize(
    ("text", "year", "fiscal"),
    [
        ("ผลประเมินปีงบ 68 ได้ 92.36 ค่ะ ขอทำแผนยกระดับปีงบ 69", 2568, 2569),
        ("ITA 68 ได้ 88.00 ขอมาตรการส่งเสริมคุณธรรมปี 69", 2568, 2569),
        ("ITA 68 ได้ 88.00 ขอแผนปี 69", 2568, 2569),
    ],
)
def test_a_plan_named_with_a_few_words_before_its_year(text, year, fiscal):
    res = read(text)
    assert (res.scores.year, res.fiscal_year) == (year, fiscal)


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        ("ตัวชี้วัด 6-8 ได้ 100 หมดเลยครับ", {6: 100.0, 7: 100.0, 8: 100.0}),
        ("ตัวชี้วัดที่ 6-8 ได้ 100", {6: 100.0, 7: 100.0, 8: 100.0}),
        ("ตัวชี้วัดที่ 1 ถึง 3 = 95 ค่ะ", {1: 95.0, 2: 95.0, 3: 95.0}),
    ],
)
def test_a_range_of_indicators_with_one_value_gives_it_to_each(text, indicators):
    assert read(text).scores.indicators == indicators


def test_a_list_with_one_value_and_no_sharing_word_is_still_not_shared():
    assert read("ตัวชี้วัดที่ 1, 2 ได้ 90").scores.indicators != {1: 90.0, 2: 90.0}


@pytest.mark.parametrize("text", ["ตัวชี้วัดที่ 2 ไม่ใช่ 80 แต่เป็น 85.5 ค่ะ", "ตัวชี้วัดที่ 2 ไม่ใช่ 80 ครับ แต่ได้ 85.5"])
def test_a_denied_value_gives_way_to_the_one_it_is(text):
    assert read(text).scores.indicators == {2: 85.5}
