"""Scores written as officers write them in chat: one test per convention, several phrasings each.

Also: the parser's time on adversarial and generated input (CPU time, bounds 10x the 0.2 s target),
and the floor reached on the benchmark set (benchmarks/score_messages, dev and test halves).
"""

from __future__ import annotations

import random
import time

import pytest

from benchmarks.scores import ADVERSARIAL, SEED, evaluate, fuzz_input, load_messages
from bot.ita.framework import load_framework
from bot.scores import parse_correction, parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)
TEN = {1: 95.12, 2: 93.4, 3: 97.0, 4: 92.85, 5: 96.1, 6: 88.42, 7: 86.75, 8: 84.3, 9: 79.5, 10: 90.0}


def read(text: str):
    return parse_scores(text, FW)


@pytest.mark.parametrize(
    "text",
    [
        "คะแนน 10 ตัวชี้วัดตามลำดับค่ะ 95.12 93.40 97.00 92.85 96.10 88.42 86.75 84.30 79.50 90.00",
        "ได้ 95.12, 93.4, 97, 92.85, 96.1, 88.42, 86.75, 84.3, 79.5, 90 ตามลำดับครับ",
        "เรียงตามตัวชี้วัดนะคะ\n95.12\n93.40\n97.00\n92.85\n96.10\n88.42\n86.75\n84.30\n79.50\n90.00",
    ],
)
def test_an_unlabelled_run_of_ten_is_indicators_one_to_ten_and_is_asked_back(text):
    res = read(text)
    assert res.scores.indicators == TEN
    assert res.error is None
    assert res.unsure  # the dialogue confirms the order instead of guessing silently


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัด 1-10 ได้ 95.12 93.40 97.00 92.85 96.10 88.42 86.75 84.30 79.50 90.00",
        "ตัวชี้วัดที่ 1 ถึง 10 : 95.12 / 93.40 / 97.00 / 92.85 / 96.10 / 88.42 / 86.75 / 84.30 / 79.50 / 90.00",
        "ข้อ1 95.12 ข้อ2 93.40 ข้อ3 97 ข้อ4 92.85 ข้อ5 96.10 ข้อ6 88.42 ข้อ7 86.75 ข้อ8 84.30 ข้อ9 79.50 ข้อ10 90",
    ],
)
def test_a_labelled_range_or_kho_series_reads_in_order(text):
    res = read(text)
    assert res.scores.indicators == TEN
    assert res.error is None and not res.unsure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("เรื่องงบประมาณได้ 82.40 ค่ะ ส่วนเรื่องใช้อำนาจได้ 90.10", {2: 82.4, 3: 90.1}),
        ("หมวดทรัพย์สินราชการได้ 78.60 ครับ", {4: 78.6}),
        ("ด้านการเปิดเผยข้อมูลได้ 71.25 ด้านการป้องกันการทุจริตได้ 62.50", {9: 71.25, 10: 62.5}),
        ("ปฏิบัติหน้าที่ 96.44 งบประมาณ 92.10 ทรัพย์สิน 91.67", {1: 96.44, 2: 92.1, 4: 91.67}),
    ],
)
def test_indicators_named_by_topic(text, expected):
    assert read(text).scores.indicators == expected


def test_a_topic_word_inside_another_word_is_not_a_name():
    # "ปีงบประมาณ" is a fiscal year, not the budget indicator; 2569 is a year anyway.
    res = read("ปีงบประมาณ 2569 มีโครงการ 12 โครงการ")
    assert res.scores.is_empty() and res.error


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ตัวชี้วัดที่ 1, 2 และ 3 ได้ 95.00, 93.50 และ 94.75 ตามลำดับ", {1: 95.0, 2: 93.5, 3: 94.75}),
        ("ตัวชี้วัดที่ 6 และ 7 ได้ 84.10 กับ 80.95 ค่ะ", {6: 84.1, 7: 80.95}),
        ("ตัวชี้วัดที่1ได้ 95.20 ตัวชี้วัดที่2ได้ 88.10 ตัวชี้วัดที่3ได้ 91.00 ค่ะ", {1: 95.2, 2: 88.1, 3: 91.0}),
        ("ตัวชี้วัดที่ 1 ได้ 99.10 2 ได้ 98.75 3 ได้ 99.00", {1: 99.1, 2: 98.75, 3: 99.0}),
        ("ตัวชี้วัดที่ 1 ถึง 5 ได้ 100 ทุกตัว", dict.fromkeys(range(1, 6), 100.0)),
    ],
)
def test_several_indicators_in_one_sentence(text, expected):
    res = read(text)
    assert res.scores.indicators == expected
    assert res.error is None


@pytest.mark.parametrize(
    ("text", "overall", "year"),
    [
        ("ผลคะแนน ITA 2568 คือ 81.32 คะแนน ค่ะ", 81.32, 2568),
        ("ภาพรวมได้ 91.32 คะแนน ผ่านเกณฑ์ค่ะ", 91.32, None),
        ("ปี 66 ได้ 91.45 ค่ะ", 91.45, 2566),
        ("ITA score 2025 overall 88.40", 88.4, 2568),
    ],
)
def test_a_message_with_only_the_overall_score(text, overall, year):
    res = read(text)
    assert res.scores.overall == overall and not res.scores.indicators
    assert res.scores.year == year
    assert res.error is None


def test_a_lone_unlabelled_value_is_read_as_overall_but_asked_back():
    res = read("ปี 66 ได้ 91.45 ค่ะ")
    assert res.unsure and "91.45" in res.unsure[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ตัวชี้วัดที่ 10 ได้เต็มครับ ตัวชี้วัดที่ 9 ได้ 87.25", {10: 100.0, 9: 87.25}),
        ("ตัวชี้วัดที่ 2 ได้เต็มร้อยค่ะ", {2: 100.0}),
        ("ตัวชี้วัดที่ 3 เต็ม 100 ค่ะ ตัวชี้วัดที่ 4 ได้ 96.40", {3: 100.0, 4: 96.4}),
        ("การเปิดเผยข้อมูลได้คะแนนเต็มค่ะ", {9: 100.0}),
    ],
)
def test_full_marks_in_words(text, expected):
    assert read(text).scores.indicators == expected


def test_a_maximum_is_not_full_marks():
    assert read("ตัวชี้วัดที่ 7 ได้ 64 คะแนน จากคะแนนเต็ม 100").scores.indicators == {7: 64.0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O1-O5 ได้ 100 ครับ O6 ได้ 0", {**{f"O{n}": 100.0 for n in range(1, 6)}, "O6": 0.0}),
        ("O10 O11 O12 ได้ 0 ทุกข้อค่ะ", {"O10": 0.0, "O11": 0.0, "O12": 0.0}),
        ("ข้อ O20 ถึง O22 ได้ 0 ทุกข้อ", {"O20": 0.0, "O21": 0.0, "O22": 0.0}),
        ("I1, I2, I3 ได้ 95.5 เท่ากันครับ", {"I1": 95.5, "I2": 95.5, "I3": 95.5}),
    ],
)
def test_item_codes_sharing_one_value(text, expected):
    res = read(text)
    assert res.scores.items == expected
    assert res.error is None


def test_pdf_item_codes_that_lost_their_letter():
    text = "I13 การรับสินบน 96.10\n114 การใช้จ่ายเงินงบประมาณ 82.45\n115 การเบิกจ่าย 84.00"
    assert read(text).scores.items == {"I13": 96.1, "I14": 82.45, "I15": 84.0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ตัวชี้วัดที่ 3 ได้ 80 เอ้ย 85 ค่ะ", {3: 85.0}),
        ("ตัวชี้วัดที่ 3 ได้ 80\nเอ้ย 85 ค่ะ พิมพ์ผิด", {3: 85.0}),
        ("ตัวชี้วัดที่ 7 ได้ 64.20 ตัวชี้วัดที่ 8 ได้ 70.15\nตัวชี้วัดที่ 7 แก้เป็น 66.20", {7: 66.2, 8: 70.15}),
        ("ตัวชี้วัดที่ 5 ได้ 91.00\nขอโทษค่ะ ไม่ใช่ 91 ที่ถูกคือ 93.00", {5: 93.0}),
    ],
)
def test_a_correction_in_the_same_message_wins_without_a_conflict(text, expected):
    res = read(text)
    assert res.scores.indicators == expected
    assert res.error is None


def test_parse_correction_leaves_a_message_with_new_scores_to_parse_scores():
    # Taking this as a correction would drop indicator 8: parse_scores reads all of it instead.
    text = "ตัวชี้วัดที่ 8 ได้ 70.15\nตัวชี้วัดที่ 7 แก้เป็น 66.20"
    assert parse_correction(text, FW) is None
    assert parse_correction("แก้ตัวชี้วัด 7 เป็น 61.5", FW) == {7: 61.5}
    assert parse_correction("ตัวชี้วัดที่ 9 ที่ถูกคือ 80.25 ค่ะ", FW) == {9: 80.25}
    assert parse_correction("ขอแก้ภาพรวมเป็น 90.10", FW) == {"overall": 90.1}


def test_the_indicator_name_is_not_a_correction_word():
    res = read("ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต ได้ 79.33 ตัวชี้วัดที่ 4 ได้ 81.90")
    assert res.scores.indicators == {5: 79.33, 4: 81.9}
    assert parse_correction("ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต ได้ 79.33", FW) is None


@pytest.mark.parametrize(
    ("text", "now", "before"),
    [
        ("ตัวชี้วัดที่ 9 ปี 67 ได้ 72.50 ปี 68 ได้ 81.25 ค่ะ", (2568, {9: 81.25}, None), (2567, {9: 72.5}, None)),
        ("ภาพรวมปี 2567 ได้ 86.20 ส่วนปี 2568 ได้ 90.45", (2568, {}, 90.45), (2567, {}, 86.2)),
        ("ตัวชี้วัดที่ 10 ปี 2568 ได้ 90 ลดลงจากปี 2567 ที่ได้ 95", (2568, {10: 90.0}, None), (2567, {10: 95.0}, None)),
        ("ITA ปี 2567 ได้ 80.50 ปี 2568 ได้ 87.20 ครับ", (2568, {}, 87.2), (2567, {}, 80.5)),
    ],
)
def test_two_years_in_one_sentence_latest_wins_and_earlier_is_kept(text, now, before):
    res = read(text)
    assert (res.scores.year, res.scores.indicators, res.scores.overall) == now
    assert res.previous is not None
    assert (res.previous.year, res.previous.indicators, res.previous.overall) == before
    assert res.error is None


def test_relative_years_order_the_values():
    res = read("ปีที่แล้วภาพรวม 84.10 ปีนี้ 88.92 ครับ")
    assert res.scores.overall == 88.92
    assert res.previous is not None and res.previous.overall == 84.1


def test_one_year_has_no_previous():
    assert read("ตัวชี้วัดที่ 9 ได้ 72.50").previous is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน 81.30 ตัวชี้วัดที่ 9 การปรับปรุงการทำงาน 77.00", {8: 81.3, 9: 77.0}),
        ("ตัวชี้วัดที่ 2 การใช้อำนาจ 88.00", {2: 88.0}),
    ],
)
def test_a_written_indicator_number_beats_a_wrong_name(text, expected):
    res = read(text)
    assert res.scores.indicators == expected
    assert res.warnings  # the mismatch is reported, not silently ignored


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("อันดับ 1 ที่ต่ำสุดคือ การเปิดเผยข้อมูล 70.00 อันดับ 2 คือ การป้องกันการทุจริต 75.50", {9: 70.0, 10: 75.5}),
        ("ตัวที่ต่ำสุด\n1. ประสิทธิภาพการสื่อสาร 71.20\n2. การปรับปรุงการทำงาน 73.45", {7: 71.2, 8: 73.45}),
        ("ลำดับ\tตัวชี้วัด\tคะแนน\n1\tการเปิดเผยข้อมูล\t68.75\n2\tการป้องกันการทุจริต\t72.50", {9: 68.75, 10: 72.5}),
    ],
)
def test_a_rank_or_list_ordinal_does_not_beat_the_name(text, expected):
    assert read(text).scores.indicators == expected


@pytest.mark.parametrize(
    "text",
    [
        "ตั้งเป้าหมายตัวชี้วัดที่ 9 ไว้ที่ 95 คะแนนค่ะ",
        "เกณฑ์ผ่านคือ 85 คะแนนขึ้นไปใช่ไหมคะ",
        "คะแนนต้องมากกว่า 85 ถึงจะผ่าน",
        "มีผู้ตอบแบบสอบถาม 45 คน",
        "ส่งเอกสารภายในวันที่ 15/12/2568 ค่ะ",
        "ประชุมวันที่ 12 ม.ค. 69 เวลา 13:30 น.",
        "โทรกลับที่ 081-234-5678 นะคะ",
        "หนังสือที่ มท 0808.2/ว 4567 ลงวันที่ 20 ตุลาคม 2568",
        "ตัวชี้วัดที่ 2 ปีนี้เพิ่มขึ้น +5.20 จากปีก่อน",
        "ต้องเผยแพร่ 33 ข้อ ภายใน 30 วัน",
        "ตัวชี้วัดที่ 9 เปลี่ยน KPI เป็นร้อยละ 100 ภายใน มี.ค. 69",
        "ผู้เข้าร่วมอบรมร้อยละ 95 ของบุคลากร",
    ],
)
def test_targets_thresholds_counts_dates_phones_memo_numbers_and_changes_are_not_scores(text):
    res = read(text)
    assert res.scores.is_empty()
    assert res.error


def test_a_target_column_is_not_the_score():
    text = "ตัวชี้วัด\tคะแนนปี 2568\tเป้าหมายปี 2569\nตัวชี้วัดที่ 7\t78.42\t85.00\nตัวชี้วัดที่ 8\t80.19\t85.00"
    res = read(text)
    assert res.scores.indicators == {7: 78.42, 8: 80.19}
    assert res.scores.year == 2568


def test_a_signed_change_column_is_not_the_score():
    text = (
        "ตัวชี้วัด\t2566\t2567\tผลต่าง\nการเปิดเผยข้อมูล\t75.00\t86.25\t+11.25\nการป้องกันการทุจริต\t81.25\t75.00\t-6.25"
    )
    assert read(text).scores.indicators == {9: 86.25, 10: 75.0}


@pytest.mark.parametrize(
    ("text", "year"), [("ผล ITA ปี 67 ตัวชี้วัดที่ 1 ได้ 90", 2567), ("ita 68 ภาพรวม 90.1", 2568)]
)
def test_a_two_digit_year_is_25xx(text, year):
    assert read(text).scores.year == year


@pytest.mark.parametrize(
    ("text", "year", "fiscal"),
    [
        ("ช่วยร่างมาตรการปีงบ 69 ให้หน่อยค่ะ ตัวชี้วัดที่ 9 ได้ 76.40", None, 2569),
        ("ผล ITA ปี 2568 ตัวชี้วัดที่ 1 ได้ 90 ค่ะ จะทำแผนปีงบประมาณ 2569", 2568, 2569),
        ("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568 ตัวชี้วัดที่ 1 ได้ 90", 2568, None),
    ],
)
def test_the_plans_fiscal_year_is_not_the_assessment_year(text, year, fiscal):
    res = read(text)
    assert res.scores.year == year
    assert res.fiscal_year == fiscal


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("ตัวชี้วัดที่ 1 ได้ 95 ตัวชี้วัดที่ 2 ได้ 190 ตัวชี้วัดที่ 3 ได้ 92", {1: 95.0, 3: 92.0}),
        ("ตัวชี้วัดที่ 9 ได้ 80 ตัวชี้วัดที่ 11 ได้ 75", {9: 80.0}),
        ("ตัวชี้วัดที่ 7 ได้ 70.50\nตัวชี้วัดที่ 7 ได้ 75.00\nตัวชี้วัดที่ 8 ได้ 80.00", {8: 80.0}),
    ],
)
def test_a_bad_value_gets_a_thai_question_and_the_valid_ones_are_kept(text, kept):
    res = read(text)
    assert res.scores.indicators == kept
    assert res.error and "กรุณา" in res.error


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัดที่ 11 ได้ 90",
        "ตัวชี้วัดที่ 3 ได้ 150 คะแนน",
        "ตัวชี้วัดที่ 0 ได้ 80",
        "²",
        "ตัวชี้วัดที่ 99999999999999999999 ได้ 90",
        "O1-O99 ได้ 100",
        "I0 ได้ 5",
        "\ud800",
    ],
)
def test_a_message_with_only_bad_values_is_rejected(text):
    res = read(text)
    assert res.scores.is_empty() and res.error


@pytest.mark.parametrize(
    "text",
    [
        "ยืนยันค่ะ",
        "ขอเปลี่ยนผู้รับผิดชอบแถว 2 เป็นกองคลังค่ะ",
        "แถว 10 ขอให้เสร็จภายใน ธ.ค. 68",
        "แก้ KPI แถว 3 เป็น ร้อยละ 100 ของบุคลากร",
        "แก้แถว 2 เป็น 85",
    ],
)
def test_edits_are_neither_scores_nor_score_corrections(text):
    assert read(text).scores.is_empty()
    assert parse_correction(text, FW) is None


def test_a_misspelt_name_is_read_but_asked_back():
    res = read("ประสิทธิภาพการสื่อาสาร 72.20")
    assert res.scores.indicators == {7: 72.2}
    assert res.unsure and "ตัวชี้วัดที่ 7" in res.unsure[0]
    assert not read("ประสิทธิภาพการสื่อสาร 72.20").unsure  # the exact name needs no question


def test_the_old_api_still_works():
    res = parse_scores("ตัวชี้วัดที่ 1 ได้ 90", FW, year=2567)
    scores, error, warnings, missing = res.scores, res.error, res.warnings, res.missing
    assert (scores.year, scores.indicators, error, warnings) == (2567, {1: 90.0}, None, [])
    assert missing == list(range(2, 11))


# ---------------------------------------------------------------- time and robustness

LIMIT_CPU = 2.0  # 10x the target of 0.2 s per 50,000-character message, so a busy machine does not flake


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_input_is_fast_and_never_raises(name):
    text = ADVERSARIAL[name]
    t0 = time.process_time()
    res = parse_scores(text, FW)
    parse_correction(text, FW)
    assert time.process_time() - t0 < LIMIT_CPU
    assert res.error is None or res.error.strip()


def test_fuzzed_input_never_raises_and_stays_fast():
    rng = random.Random(SEED)
    worst = 0.0
    for _ in range(3000):
        text = fuzz_input(rng)
        t0 = time.process_time()
        res = parse_scores(text, FW)
        fix = parse_correction(text, FW)
        worst = max(worst, time.process_time() - t0)
        assert all(1 <= k <= 10 and 0 <= v <= 100 for k, v in res.scores.indicators.items())
        assert fix is None or all(0 <= v <= 100 for v in fix.values())
    assert worst < LIMIT_CPU


# ---------------------------------------------------------------- unit words that start the next clause
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("การปฏิบัติหน้าที่ 92.5 การใช้งบประมาณ 88 ส่วนเรื่องการใช้อำนาจได้ 90.14 ค่ะ", {1: 92.5, 2: 88.0, 3: 90.14}),
        ("ตัวชี้วัดที่ 6 ได้ 84 ส่วนของตัวชี้วัดที่ 7 ได้ 81 ค่ะ", {6: 84.0, 7: 81.0}),
        ("การใช้อำนาจ 91 ด้านการใช้ทรัพย์สินของราชการ 93 ครับ", {3: 91.0, 4: 93.0}),
        ("ตัวชี้วัดที่ 8 ได้ 77 ข้อ 9 ได้ 70 ค่ะ", {8: 77.0, 9: 70.0}),
        ("การเปิดเผยข้อมูลได้ 71 ตัวเดียวที่ต่ำกว่า 80 ค่ะ", {9: 71.0}),
    ],
)
def test_a_unit_word_that_opens_the_next_clause_does_not_make_a_count(text, want):
    res = read(text)
    assert res.scores.indicators == want and res.error is None


@pytest.mark.parametrize(
    "text",
    ["แบ่งงานเป็น 3 ส่วน ตัวชี้วัดที่ 9 ได้ 70.00", "ผ่าน 8 ข้อ ตัวชี้วัดที่ 9 ได้ 70.00", "มี 1 ข้อเดียว ตัวชี้วัดที่ 9 ได้ 70.00"],
)
def test_a_count_with_its_unit_is_still_not_a_score(text):
    res = read(text)
    assert res.scores.indicators == {9: 70.0} and res.scores.overall is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ตัวชี้วัดที่ 8 ได้ 90 ปีนี้ดีขึ้นค่ะ", {8: 90.0}),
        ("ตัวชี้วัดที่ 9 ได้ 70 ครั้งที่แล้วได้ 65", {9: 70.0}),
        ("ตัวชี้วัดที่ 9 รอบก่อนได้ 65 รอบนี้ได้ 70 ค่ะ", {9: 70.0}),
    ],
)
def test_a_time_word_after_a_value_is_not_its_unit(text, want):
    assert read(text).scores.indicators == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("1) 97.50, 2) 96.25, 3) 98.75", {1: 97.5, 2: 96.25, 3: 98.75}),
        ("8 84.10 9 70.20 10 81.00 ค่ะ", {8: 84.1, 9: 70.2, 10: 81.0}),
        ("๙ ๗๐ / ๑๐ ๗๕", {9: 70.0, 10: 75.0}),
    ],
)
def test_numbered_values_run_on_in_one_line_are_read_as_a_list(text, want):
    assert read(text).scores.indicators == want


@pytest.mark.parametrize("text", ["1 2 3 4", "9 70 10 75", "1 97.5 / 3 96"])
def test_numbers_that_do_not_count_up_in_pairs_are_not_a_list(text):
    assert read(text).scores.indicators == {}


@pytest.mark.parametrize(
    "text",
    [
        "ITA68 ได้ 89.5 ส่วน ITA67 ได้ 86.2",
        "ITA 67 = 86.2 ITA 68 = 89.5",
        "ปี 67 ได้ 86.2 ปี 68 ได้ 89.5 ส่วนปี 69 ตั้งเป้า 92",
    ],
)
def test_two_years_in_one_sentence_keep_the_latest_and_the_previous(text):
    res = read(text)
    assert (res.scores.year, res.scores.overall) == (2568, 89.5)
    assert res.previous is not None and (res.previous.year, res.previous.overall) == (2567, 86.2)


def test_item_codes_typed_in_lower_case_are_read():
    assert read("o15 ได้ 0 ค่ะ e4 ได้ 78.25").scores.items == {"O15": 0.0, "E4": 78.25}


def test_a_relative_year_word_with_a_number_is_that_year():
    res = read("ITA ปีที่แล้ว 66 ได้ 80.00 ปีนี้ 67 ได้ 84.00 ค่ะ")
    assert res.scores.year == 2567 and res.scores.overall == 84.0
    assert res.previous is not None and res.previous.year == 2566 and res.previous.overall == 80.0


@pytest.mark.parametrize(
    "text", ["ตัวชี้วัดที่ 7 ได้ 88 อุ๊ย 86.5 ค่ะ", "ตัวชี้วัดที่ 7 ได้ 88 ค่ะ ไม่ใช่ครับ 86.5", "ตัวชี้วัดที่ 7 ได้ 88 เอ๊ะ 86.5"]
)
def test_a_hesitation_takes_the_value_before_it_back(text):
    assert read(text).scores.indicators == {7: 86.5}


@pytest.mark.parametrize(
    "text", ["เทศบาลข้างๆ ได้ ITA 96.10 ค่ะ", "หน่วยงานอื่นได้คะแนนภาพรวม 93 กันหมดเลย", "อบต.ใกล้เคียงได้ ITA 90.5 ครับ"]
)
def test_another_agencys_result_is_not_ours(text):
    res = read(text)
    assert res.scores.is_empty() and res.error is not None


def test_ours_is_kept_beside_a_neighbours():
    assert read("ของเราได้ ITA 88.40 ค่ะ ส่วนเทศบาลข้างๆ ได้ 93.00").scores.overall == 88.4


@pytest.mark.parametrize("text", ["คะแนนรวมเก้าสิบจุดหนึ่งห้าค่ะ", "ได้ ITA เก้าสิบจุดหนึ่งห้าครับ"])
def test_a_spoken_overall_is_read(text):
    assert read(text).scores.overall == 90.15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ด้านที่ 4 ได้ 94", {4: 94.0}),
        ("ด้าน 9 = 71.25 ด้าน 10 = 80", {9: 71.25, 10: 80.0}),
        ("ผลของเราค่ะ ด้านที่ 6 ได้ 88.50 นะคะ", {6: 88.5}),
    ],
)
def test_an_indicator_given_by_number_after_dan_is_that_indicator(text, expected):
    res = read(text)
    assert res.scores.indicators == expected and res.scores.overall is None


def test_four_dan_counted_is_still_a_count():
    # "4 ด้าน" counts aspects; only "ด้าน(ที่) N" names one.
    assert read("ประเมิน 4 ด้าน ได้ 91.20 ค่ะ").scores.indicators == {}


@pytest.mark.parametrize(
    "text",
    [
        "ภาพรวม 88 ค่ะ 9 ได้ 70 10 ได้ 80",
        "คะแนนรวม 88 ครับ ส่วน 9 ได้ 70 และ 10 ได้ 80",
        "ภาพรวม 88, 9: 70, 10: 80",
    ],
)
def test_bare_indicator_numbers_after_an_overall_go_on_as_a_series(text):
    res = read(text)
    assert res.scores.overall == 88.0
    assert res.scores.indicators == {9: 70.0, 10: 80.0}


def test_a_series_goes_on_after_a_particle():
    assert read("ตัวชี้วัดที่ 1 ได้ 99 ค่ะ 2 ได้ 98 นะคะ 3 ได้ 97").scores.indicators == {1: 99.0, 2: 98.0, 3: 97.0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("การเปิดเผยข้อมูล (OIT) 72.5", {9: 72.5}),
        ("การเปิดเผยข้อมูล(OIT) 72.50 การป้องกันการทุจริต [OIT] 80", {9: 72.5, 10: 80.0}),
        ("คุณภาพการดำเนินงาน (EIT) ได้ 85.5 ค่ะ", {6: 85.5}),
    ],
)
def test_an_indicator_name_with_its_tool_in_brackets_is_the_indicator(text, expected):
    res = read(text)
    assert res.scores.indicators == expected
    assert not res.scores.tools


def test_a_tool_on_its_own_is_still_the_tool():
    assert read("OIT ได้ 72.5 ค่ะ").scores.tools == {"OIT": 72.5}


@pytest.mark.parametrize(
    "text",
    ["ประชุมวันนี้เวลา 13.30 น. ห้อง 2 ค่ะ", "นัดส่งเอกสาร ITA 9.30 น. นะคะ", "ประชุมเวลา 10.00 ค่ะ"],
)
def test_a_clock_time_written_with_a_dot_is_not_a_score(text):
    res = read(text)
    assert res.scores.is_empty() and res.error


@pytest.mark.parametrize("text", ["คะแนนโดยรวมของหน่วยงาน 93.47 ค่ะ", "ผลการประเมินโดยรวม 93.47 ครับ"])
def test_overall_written_as_doi_ruam(text):
    assert read(text).scores.overall == 93.47


@pytest.mark.parametrize(
    "text",
    ["ส่งคะแนนค่ะ 1) 96.5 2) 94.2 3) 97.8", "ผลตามลำดับนะคะ 1. 96.5 / 2. 94.2 / 3. 97.8 ค่ะ"],
)
def test_a_numbered_run_after_a_lead_in_is_indicators(text):
    assert read(text).scores.indicators == {1: 96.5, 2: 94.2, 3: 97.8}


def test_a_short_numbered_list_of_counts_after_a_lead_in_is_not_scores():
    assert read("โครงการ 1) 5 2) 6 3) 7").scores.indicators == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ITA ปีนี้ 88.9 ค่ะ ตัวที่ต่ำคือ 9 ได้ 71.4 กับ 10 ได้ 75", {9: 71.4, 10: 75.0}),
        ("คะแนน 9 = 72.5 และ 10 = 80 ค่ะ (ตัวชี้วัด)", {9: 72.5, 10: 80.0}),
        ("ตัวชี้วัดที่ต่ำ ๆ ค่ะ\n9 ได้ 70.59\n10 ได้ 76.47", {9: 70.59, 10: 76.47}),
    ],
)
def test_a_bare_indicator_number_with_its_value_in_a_message_about_indicators(text, expected):
    assert read(text).scores.indicators == expected


@pytest.mark.parametrize(
    "text",
    ["รอบ 2 ได้ 85 ค่ะ ตัวชี้วัดยังไม่ออก", "ปี 9 ได้ 80", "ได้ 9 ได้ 80 ตัวชี้วัดไหนคะ"],
)
def test_a_bare_number_after_an_ordinal_or_score_word_is_not_an_indicator(text):
    assert read(text).scores.indicators == {}


# ---------------------------------------------------------------- the benchmark set's floor

# Reached when this test was written (benchmarks/scores.py prints the same figures).
FLOOR = {"dev": 0.99, "test": 0.96}


def test_the_benchmark_set_stays_at_its_level():
    results = evaluate(load_messages(), FW)
    for half, floor in FLOOR.items():
        r = results[half]
        assert r["exact"] / r["n"] >= floor, (half, r["misses"])
        assert r["rejected"] == r["bad"], (half, r["misses"])
