"""Weighting, levels by year, tiers and the confirmation summary, checked against the seeds' own totals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.dialogue.render import confirmation_summary
from bot.ita import tiers as ita
from bot.ita.framework import load_framework
from bot.scores import ScoreSet
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)
S002 = {1: 100.0, 2: 100.0, 3: 99.65, 4: 100.0, 5: 100.0, 6: 99.92, 7: 99.88, 8: 99.88, 9: 85.75, 10: 90.0}
S001 = {1: 98.89, 2: 99.38, 3: 99.75, 4: 98.77, 5: 95.56, 6: 95.26, 7: 91.50, 8: 92.01, 9: 83.50, 10: 100.0}
S003 = {1: 94.57, 2: 90.83, 3: 91.31, 4: 92.13, 5: 96.31, 6: 92.08, 7: 91.07, 8: 87.88, 9: 100.0, 10: 100.0}
S004 = {1: 94.08, 2: 81.78, 3: 78.77, 4: 81.32, 5: 86.72, 6: 82.08, 7: 84.28, 8: 78.95, 9: 33.96, 10: 6.25}


@pytest.mark.parametrize("scores,total", [(S002, 95.10), (S001, 94.12), (S003, 95.01), (S004, 57.93)])
def test_weighting_reproduces_every_seed_total(scores, total):
    assert round(ita.overall(scores, FW), 2) == total


def test_tool_scores_are_plain_means_and_need_all_indicators():
    t = ita.tool_scores(S004, FW)
    assert round(t["IIT"], 2) == 84.53 and round(t["EIT"], 2) == 81.77 and round(t["OIT"], 2) == 20.11
    partial = {k: v for k, v in S004.items() if k != 9}
    assert set(ita.tool_scores(partial, FW)) == {"IIT", "EIT"}
    assert ita.overall(partial, FW) is None


@pytest.mark.parametrize(
    "year,scores,label,confirmed",
    [
        (2568, S002, "ผ่านดี", True),  # OIT 87.9 < 95 keeps a 95.10 total at ผ่านดี
        (2568, S001, "ผ่านดี", True),
        (2564, S003, "AA", True),
        (2564, S004, "D", True),
    ],
)
def test_levels_of_the_seeds(year, scores, label, confirmed):
    lv = ita.level(year, ita.overall(scores, FW), ita.tool_scores(scores, FW), FW)
    assert (lv.label, lv.confirmed) == (label, confirmed)


def test_pass_level_with_a_weak_tool_is_flagged_unconfirmed():
    tools = {"IIT": 95.0, "EIT": 80.0, "OIT": 90.0}
    lv = ita.level(2566, 88.0, tools, FW)
    assert lv.label == "ผ่าน" and not lv.confirmed and "ยังไม่ได้รับการยืนยัน" in lv.note_th


def test_lower_pass_levels_are_unconfirmed():
    lv = ita.level(2567, 75.0, {"IIT": 75.0, "EIT": 75.0, "OIT": 75.0}, FW)
    assert lv.label == "ต้องปรับปรุง" and not lv.confirmed


def test_top_level_needs_every_tool():
    lv = ita.level(2568, 97.0, {"IIT": 99.0, "EIT": 96.0, "OIT": 96.0}, FW)
    assert lv.label == "ผ่านดีเยี่ยม" and not lv.confirmed  # SINGLE source


def test_level_without_year_or_total():
    assert ita.level(None, 90.0, {}, FW).label == ""
    assert "ปี" in ita.level(None, 90.0, {}, FW).note_th
    assert ita.level(2568, None, {}, FW).label == ""


@pytest.mark.parametrize(
    "score,tier",
    [
        (0, ita.URGENT),
        (84.99, ita.URGENT),
        (85, ita.IMPROVE),
        (94.99, ita.IMPROVE),
        (95, ita.MAINTAIN),
        (100, ita.MAINTAIN),
    ],
)
def test_default_tiers(score, tier):
    assert ita.Thresholds().tier(score) == tier


@pytest.mark.parametrize(
    "text,want",
    [
        ("70", (70, 95)),
        ("85/92", (85, 92)),
        ("85 95", (85, 95)),
        ("๘๕/๙๒", (85, 92)),
        ("ใช้ 80 กับ 90", (80, 90)),
    ],
)
def test_parse_thresholds(text, want):
    t = ita.parse_thresholds(text)
    assert (t.urgent_below, t.maintain_from) == want


@pytest.mark.parametrize("text", ["", "ไม่ทราบ", "95/85", "101", "1 2 3"])
def test_parse_thresholds_rejects(text):
    assert ita.parse_thresholds(text) is None


@given(st.floats(0, 100), st.floats(0, 100), st.floats(0, 100))
def test_tiers_are_monotone(a, b, score):
    t = ita.Thresholds(min(a, b), max(a, b))
    order = [ita.URGENT, ita.IMPROVE, ita.MAINTAIN]
    assert order.index(t.tier(score)) <= order.index(t.tier(min(100.0, score + 1)))


def test_summary_lists_indicators_tools_level_and_asks_to_confirm():
    s = ScoreSet(year=2568, overall=95.10, indicators=S002)
    text = confirmation_summary(s, FW, ita.Thresholds())
    assert "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล: 85.75 (พัฒนาให้ดีขึ้น)" in text
    assert "คะแนน OIT (คำนวณ): 87.88" in text
    assert "95.10" in text and "ผ่านดี" in text
    assert "⚠️" not in text
    assert text.rstrip().endswith("'แก้ตัวชี้วัด 7 เป็น 61.5'") and "ยืนยัน" in text


def test_summary_shows_the_typed_overall_and_warns_when_a_typed_tool_score_differs():
    # The typed overall is what the plan uses; the dialogue asks once when it differs from the
    # weighted mean (tests/test_dialogue_flow.py), so the summary does not repeat a warning.
    s = ScoreSet(year=2568, overall=94.00, indicators=S002, tools={"OIT": 90.0})
    text = confirmation_summary(s, FW, ita.Thresholds())
    assert "คะแนนภาพรวมที่แจ้งมา: 94.00" in text and "95.10" not in text
    assert "คะแนน OIT ที่แจ้งมา (90.00)" in text


def test_summary_of_partial_scores_asks_for_the_rest_and_uses_agency_thresholds():
    s = ScoreSet(indicators={7: 60.0}, items={"I14": 84.25})
    text = confirmation_summary(s, FW, ita.Thresholds(70, 92))
    assert "ยังขาดคะแนนตัวชี้วัดที่ 1, 2, 3, 4, 5, 6, 8, 9, 10" in text
    assert "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร: 60.00 (แก้ไขเร่งด่วน)" in text
    assert "I14 (ตัวชี้วัดที่ 3): 84.25 (พัฒนาให้ดีขึ้น)" in text


def test_summary_flags_unconfirmed_levels():
    low = dict.fromkeys(range(1, 11), 75.0)
    text = confirmation_summary(ScoreSet(year=2567, indicators=low), FW, ita.Thresholds())
    assert "ต้องปรับปรุง (เกณฑ์ยังไม่ได้รับการยืนยัน)" in text
    # the officer reads words, never the research label behind them
    assert "NOT_CONFIRMED" not in text and "ความเชื่อมั่น:" not in text
    assert "ยังไม่ได้รับการยืนยันจากเอกสารของสำนักงาน ป.ป.ช." in text
