"""Conventions found with dev round 51 (a writer's, unseen code), and the parser's time bound."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
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
