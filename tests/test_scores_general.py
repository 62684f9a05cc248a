"""General conventions found by perturbing the dev messages and by dev round 49: what a harmless change
of writing (a label's spelling, a per cent sign, a question after a table, a full stop) must not change.

Each test gives several phrasings, none of them copied from a benchmark message.
"""

from __future__ import annotations

import random

import pytest

from benchmarks.scores import judge, load_messages
from benchmarks.scores_perturb import PERTURB
from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- one label, however it is spelt


@pytest.mark.parametrize(
    "label", ["ตัวชี้วัดที่ ", "ตชว.", "ตชว ", "ตว.", "ตัวชี้ฯ ", "ตัวบ่งชี้ที่ ", "Indicator ", "ตัวชี้วด ", "ตัวที่"]
)
def test_every_spelling_of_the_indicator_label_reads_the_same(label):
    res = read(f"{label}6 ได้เต็ม {label}8 ได้ 91.35 ค่ะ")
    assert res.scores.indicators == {6: 100.0, 8: 91.35}


def test_a_label_over_tab_columns_is_not_joined_to_the_first_column():
    res = read("ตัวชี้วัดที่\t7\t8\nปี 2567\t80.00\t71.00\nปี 2568\t84.50\t77.25")
    assert res.scores.indicators == {7: 84.5, 8: 77.25}


# ---------------------------------------------------------------- per cent signs, full stops, particles


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ตัวชี้วัดที่ 3, 4 และ 5 ได้ 91.5%, 93% และ 90.25%", {3: 91.5, 4: 93.0, 5: 90.25}),
        ("ตัวชี้วัดที่ 2-4 ได้ 97.1% 95.5% 96.8%", {2: 97.1, 3: 95.5, 4: 96.8}),
        ("ตัวชี้วัดที่ 6 กับ 7 ได้ 88.00% เท่ากันครับ", {6: 88.0, 7: 88.0}),
    ],
)
def test_a_per_cent_sign_after_a_score_says_nothing_more(text, want):
    assert read(text).scores.indicators == want


def test_a_share_of_something_keeps_its_per_cent_sign_and_is_no_score():
    res = read("บุคลากร 85% ของทั้งหมดตอบแบบ IIT แล้วค่ะ")
    assert res.scores.is_empty() and res.error


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("O4 ไม่ผ่าน, O9 ผ่าน.", {"O4": 0.0, "O9": 100.0}),
        ("ตัวชี้วัดที่ 7 ได้ 83.40 ครับ.", None),
    ],
)
def test_a_full_stop_ending_the_message_changes_nothing(text, items):
    res = read(text)
    if items is None:
        assert res.scores.indicators == {7: 83.4}
    else:
        assert res.scores.items == items


def test_a_particle_glued_to_the_next_words_still_ends_the_report():
    assert read("ตัวชี้วัดที่ 4 = 90.40 ค่ะอันนี้ต้องทำแผนไหมคะ").scores.indicators == {4: 90.4}


# ---------------------------------------------------------------- a question after a table or a block of values


@pytest.mark.parametrize(
    "text",
    [
        "แบบวัด\tIIT\tEIT\tOIT\nคะแนน\t96.20\t90.40\t82.10 รบกวนช่วยดูด้วยค่ะ",
        "IIT\nEIT\nOIT\n96.20\n90.40\n82.10 ต้องทำอะไรบ้างคะ",
    ],
)
def test_a_question_after_the_last_value_of_a_table_is_a_sentence_of_its_own(text):
    assert read(text).scores.tools == {"IIT": 96.2, "EIT": 90.4, "OIT": 82.1}


def test_a_question_about_the_only_value_still_asks_rather_than_reports():
    assert read("ได้ 84.5 ต้องทำแผนไหม").scores.is_empty()


# ---------------------------------------------------------------- whole numbers, shared values, verdict columns


@pytest.mark.parametrize("text", ["EIT ดีมาก 93 OIT ต่ำไปหน่อย 81", "EIT ดีมาก 93.00 OIT ต่ำไปหน่อย 81.00"])
def test_a_whole_number_after_a_key_and_filler_reads_like_a_decimal(text):
    assert read(text).scores.tools == {"EIT": 93.0, "OIT": 81.0}


def test_a_count_after_has_is_still_no_score():
    assert read("ตัวชี้วัดที่ 8 มี 12 ข้อ ตัวชี้วัดที่ 9 มี 30 ข้อ").scores.is_empty()


def test_a_key_of_its_own_beats_one_value_said_of_every_key():
    res = read("ทุกตัวชี้วัดได้ 100 ยกเว้นตัวที่ 6 ได้ 91 และตัวที่ 8 ได้ 86.5")
    assert res.scores.indicators == {**dict.fromkeys((1, 2, 3, 4, 5, 7, 9, 10), 100.0), 6: 91.0, 8: 86.5}


def test_a_pass_or_fail_column_in_an_item_table_gives_100_or_0():
    res = read("ข้อ\tหัวข้อ\tผลตรวจ\nO5\tข่าวประชาสัมพันธ์\tผ่าน\nO18\tการจัดซื้อจัดจ้าง\tไม่ผ่าน")
    assert res.scores.items == {"O5": 100.0, "O18": 0.0}


def test_a_count_may_stand_between_a_verdict_and_the_codes_it_names():
    assert read("ปี 68 ไม่ผ่าน 3 รายการ ได้แก่ O2 O7 กับ O30").scores.items == {"O2": 0.0, "O7": 0.0, "O30": 0.0}


# ---------------------------------------------------------------- whose value, which year


def test_a_key_named_before_our_result_is_said_not_out_is_someone_elses():
    assert read("อำเภอได้ 95.1 ตัวชี้วัดที่ 10 ได้ 98 ส่วนของเรายังไม่ออกเลย").scores.is_empty()


def test_a_target_year_is_the_plans_fiscal_year():
    res = read("ตัวชี้วัดที่ 10 ได้ 77.40 ตั้งเป้าปีงบ 70 ให้ถึง 90")
    assert res.scores.indicators == {10: 77.4} and res.scores.year is None and res.fiscal_year == 2570


def test_a_year_after_a_value_in_english_labels_it():
    res = read("IIT scored 91.5 in 2568 after 88.2 in 2567")
    assert res.scores.tools == {"IIT": 91.5} and res.scores.year == 2568
    assert res.previous is not None and res.previous.tools == {"IIT": 88.2}


def test_one_decimal_labelled_by_its_year_is_the_overall_asked_back():
    res = read("ปี 67 = 91.05 ครับ")
    assert res.scores.overall == 91.05 and res.scores.year == 2567 and res.unsure


def test_a_row_number_is_no_value_written_before_its_label():
    assert read("แถวที่ 2 ตัวชี้วัดที่ 7 ขอเปลี่ยนกำหนดเสร็จเป็นมีนาคมค่ะ").scores.is_empty()


# ---------------------------------------------------------------- the perturbations, on a fixed sample


def test_harmless_edits_of_a_sample_of_dev_messages_keep_their_reads():
    dev = [m for m in load_messages() if m["split"] == "dev" and not m["expect"].get("rejected")]
    sample = random.Random(49).sample(dev, 60)
    broken = []
    for name in ("Thai digits", "ตชว. for ตัวชี้วัดที่", "per cent after a decimal", "question after", "emoji"):
        for m in sample:
            new = PERTURB[name](m["text"])
            right = new and new != m["text"] and not judge(read(m["text"]), m["expect"])
            if right and judge(read(new), m["expect"]):
                broken.append((name, m["id"]))
    assert len(broken) <= 2, broken
