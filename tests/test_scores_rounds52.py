"""Conventions found with dev round 52 (a writer's, unseen code), and number words in the number budget."""

from __future__ import annotations

import time

import pytest

from bot import wording
from bot.ita.framework import load_framework
from bot.scores import parse_scores
from bot.scores.lines import MAX_NUMBERS
from bot.scores.normalise import normalise
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- a year alone on the line above its value


@pytest.mark.parametrize("head", ["ผลการประเมินในภาพรวมย้อนหลัง", "คะแนนภาพรวม", "ITA ภาพรวม"])
def test_years_each_alone_above_their_value_read_both_years(head):
    res = read(f"{head}\n2567\n88.90\n2568\n90.55")
    assert res.scores.overall == 90.55 and res.scores.year == 2568
    assert res.previous is not None and res.previous.overall == 88.9 and res.previous.year == 2567


def test_one_year_alone_above_its_value_labels_it():
    res = read("คะแนนภาพรวม\n2568\n91.20")
    assert res.scores.overall == 91.2 and res.scores.year == 2568 and res.previous is None


# ---------------------------------------------------------------- a title ending in "ปี", then the value


@pytest.mark.parametrize("value", ["0", "100", "0.00"])
def test_a_value_in_points_after_a_title_ending_in_pi_is_the_items(value):
    res = read(f"O13 รายงานผลจัดซื้อจัดจ้างประจำปี {value} คะแนน, O14 แผนบริหารและพัฒนาทรัพยากรบุคคล 100 ค่ะ")
    assert res.scores.items == {"O13": float(value), "O14": 100.0}


def test_a_two_digit_year_after_pi_is_still_a_year():
    res = read("ITA ประจำปี 68 คะแนน 90.5")
    assert res.scores.overall == 90.5 and res.scores.year == 2568


# ---------------------------------------------------------------- number words count against the budget


def test_a_page_of_number_words_is_read_from_its_start_and_says_so():
    text = "ได้เต็มร้อยทุกตัวชี้วัด " * 2200  # no digit until normalised
    normalise.cache_clear()
    t0 = time.process_time()
    res = read(text)
    cpu = time.process_time() - t0
    assert wording.SCORES_TOO_MANY_NUMBERS.format(limit=MAX_NUMBERS) in res.warnings
    assert cpu < 2.0  # 10x the 0.2 s target: a bound that holds on a loaded machine


def test_a_page_of_spoken_numbers_is_cut_before_it_is_normalised():
    text = "ตัวชี้วัดที่เก้าได้แปดสิบเก้าจุดห้า " * 1500
    res = read(text)
    assert res.scores.indicators == {9: 89.5}
    assert wording.SCORES_TOO_MANY_NUMBERS.format(limit=MAX_NUMBERS) in res.warnings
