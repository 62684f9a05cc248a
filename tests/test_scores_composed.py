"""General conventions found by composing messages from dev facts (benchmarks/scores.py --compose) and by
fresh dev round 50: a value before a named key, a line broken inside a clause, names beside item codes,
numbers said in words, and what takes a value back or closes a statement.

Each test gives phrasings of its own, none copied from a benchmark message.
"""

from __future__ import annotations

import random

import pytest

from benchmarks.scores import judge, load_messages
from benchmarks.scores_perturb import compose_one, spoken
from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- a value written before its key


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("68.4 คือการเปิดเผยข้อมูล ส่วน 79 คือการป้องกันการทุจริต", {9: 68.4, 10: 79.0}),
        ("ได้ 91.2 คะแนนในด้านคุณภาพการดำเนินงาน และได้ 85 คะแนนในเรื่องการสื่อสารค่ะ", {6: 91.2, 7: 85.0}),
        ("ได้ 77 คะแนนในตัวที่ 4 ได้ 81.5 คะแนนในตัวที่ 5 ได้ 90 คะแนนในตัวที่ 6", {4: 77.0, 5: 81.5, 6: 90.0}),
        ("83.25 คือเรื่องการใช้อำนาจ 88 คือเรื่องการใช้งบประมาณ", {3: 83.25, 2: 88.0}),
    ],
)
def test_a_value_before_a_named_or_numbered_key_is_that_keys(text, want):
    res = read(text)
    assert res.scores.indicators == want and res.scores.overall is None


def test_value_first_overall_and_item_keys_are_read():
    res = read("93.1 คือคะแนน ITA / 0 คือข้อ O12 / 100 คือO14")
    assert res.scores.overall == 93.1 and res.scores.items == {"O12": 0.0, "O14": 100.0}


def test_a_year_before_a_value_first_clause_dates_it_and_does_not_take_it():
    res = read("ปี 67 ได้ 70.25 คะแนนในตัวชี้วัด 8")
    assert res.scores.indicators == {8: 70.25} and res.scores.year == 2567 and res.scores.overall is None


def test_a_score_in_a_year_or_a_round_is_no_value_first_key():
    res = read("ได้ 86.5 คะแนนในปีนี้ค่ะ")
    assert res.scores.overall == 86.5 and not res.scores.indicators


# ---------------------------------------------------------------- lines broken inside a clause


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ตัวชี้วัด 4 ได้แค่\n70.5 เอง ตัวชี้วัด 6 ได้ 88", {4: 70.5, 6: 88.0}),
        ("ตัวชี้วัดที่ 3 การใช้อำนาจ:\n92.4\nตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต: 90", {3: 92.4, 5: 90.0}),
        ("การใช้งบประมาณ\nอยู่ที่ 84.3 และการใช้อำนาจ อยู่ที่ 91", {2: 84.3, 3: 91.0}),
        ("71.9\nคือการปรับปรุงการทำงาน และ 80 คือการเปิดเผยข้อมูล", {8: 71.9, 9: 80.0}),
    ],
)
def test_a_line_broken_between_a_key_and_its_value_is_one_clause(text, want):
    assert read(text).scores.indicators == want


def test_a_heading_with_a_colon_still_opens_a_list_below_it():
    res = read("คะแนนรายตัวชี้วัด:\n8 - 81.5\n9 - 70")
    assert res.scores.indicators == {8: 81.5, 9: 70.0}


def test_a_table_header_ending_in_dai_is_not_joined_to_its_first_row():
    res = read("ตัวชี้วัด\tคะแนนที่ได้\n7\t83.5\n8\t90")
    assert res.scores.indicators == {7: 83.5, 8: 90.0}


# ---------------------------------------------------------------- names beside item codes


def test_indicator_names_are_read_on_a_line_that_also_has_item_codes():
    res = read("ด้านการใช้ทรัพย์สินของราชการ 89.5 / E3 70 / E4 75.5")
    assert res.scores.indicators == {4: 89.5} and res.scores.items == {"E3": 70.0, "E4": 75.5}


def test_a_name_inside_an_item_title_is_not_an_indicator():
    res = read("O28 มาตรการส่งเสริมคุณธรรมและความโปร่งใส การป้องกันการทุจริต ได้ 0")
    assert res.scores.items == {"O28": 0.0} and not res.scores.indicators


# ---------------------------------------------------------------- numbers and codes said in words


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ตัวชี้วัด 7 ได้ แปดสิบสองจุดห้า คะแนน", {7: 82.5}),
        ("ตัวชี้วัด 3 ได้แค่เจ็ดสิบเก้าเองค่ะ", {3: 79.0}),
        ("หกสิบเอ็ดจุดสอง คือตัวชี้วัด 9", {9: 61.2}),
    ],
)
def test_a_number_said_in_words_reads_alone_or_after_a_hedge(text, want):
    assert read(text).scores.indicators == want


def test_a_single_number_word_standing_alone_stays_a_word():
    assert read("ตัวชี้วัด 9 ได้ 80 มี สาม ข้อที่ยังไม่ได้ทำ").scores.indicators == {9: 80.0}


def test_item_codes_said_aloud_are_codes():
    res = read("ข้อไอสิบสี่ กับ อีหก ได้ศูนย์ค่ะ")
    assert res.scores.items == {"I14": 0.0, "E6": 0.0}


def test_a_word_that_starts_like_a_spoken_code_is_not_one():
    assert read("อีสานได้ 80 ค่ะ").scores.items == {}


def test_the_spoken_number_writer_of_the_benchmark_says_what_it_means():
    assert [spoken(v) for v in (72.5, 100, 81, 21.05)] == [
        "เจ็ดสิบสองจุดห้า",
        "หนึ่งร้อย",
        "แปดสิบเอ็ด",
        "ยี่สิบเอ็ดจุดศูนย์ห้า",
    ]


# ---------------------------------------------------------------- signs, years and what takes a value back


def test_the_hundred_points_sign_is_one_hundred():
    assert read("EIT 💯 ค่ะ IIT 93.5").scores.tools == {"EIT": 100.0, "IIT": 93.5}


@pytest.mark.parametrize("text", ["ITA'67 ได้ 84.1", "ผล ITA ’67 = 84.1"])
def test_an_apostrophe_before_a_two_digit_year_is_the_year(text):
    res = read(text)
    assert res.scores.year == 2567 and res.scores.overall == 84.1


def test_a_full_stop_after_a_year_mid_text_ends_the_sentence():
    res = read("We scored 86.4 in ITA 2567. EIT was 90.2.")
    assert res.scores.year == 2567 and res.scores.overall == 86.4 and res.scores.tools == {"EIT": 90.2}


@pytest.mark.parametrize("wrong", ["ใส่ผิดช่อง", "จำผิดค่ะ", "อ่านผิดแถว"])
def test_a_word_of_having_got_it_wrong_before_a_lone_value_corrects_the_last(wrong):
    res = read(f"ตัวชี้วัดที่ 6 ได้ 81.2\n{wrong} ที่ได้จริงคือ 83.4")
    assert res.scores.indicators == {6: 83.4}


def test_not_wrong_takes_nothing_back():
    res = read("ตัวชี้วัดที่ 6 ได้ 81.2\nถ้าจำไม่ผิด ตัวชี้วัดที่ 7 ได้ 90")
    assert res.scores.indicators == {6: 81.2, 7: 90.0}


def test_eng_after_a_value_closes_the_statement_before_a_question():
    assert read("ภาพรวมได้ 79.9 เอง ขอทบทวนผลได้ไหมคะ").scores.overall == 79.9


def test_a_question_of_the_value_itself_still_blocks_it():
    assert read("ได้ 79.9 ถือว่าต่ำไหมคะ").scores.is_empty()


# ---------------------------------------------------------------- the composed messages, on a fixed sample


def test_messages_composed_from_dev_facts_are_read_exactly_on_a_fixed_sample():
    names = {ind.number: ind.all_names() for ind in FW.indicators}
    facts = [
        m["expect"]
        for m in load_messages()
        if m["split"] == "dev"
        and not m["expect"].get("rejected")
        and not set(m["expect"]) - {"year", "overall", "indicators", "items"}
        and len(m["expect"].get("indicators") or {}) + len(m["expect"].get("items") or {}) <= 4
    ]
    rng = random.Random(50)
    missed = []
    for one in rng.sample(facts, 150):
        text, _ = compose_one(one, names, rng)
        if judge(read(text), one):
            missed.append(text)
    assert len(missed) <= 15, missed[:5]  # the session began at 82.6% on the benchmark's 3,000
