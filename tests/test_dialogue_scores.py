"""What a score message says besides this year's scores, through the real Dialogue: an overall on its own,
the reads the parser was not sure of, the plan's fiscal year, and last year's scores."""

from __future__ import annotations

import pytest

from bot import wording as w
from bot.dialogue.context import PREVIOUS_SCORES, SCORES_UNSURE
from bot.dialogue.conversation import State
from bot.dialogue.understand import understand
from tests.test_dialogue import FIRST_HALF, SECOND_HALF, Officer, make_dialogue, parts  # noqa: F401
from tests.test_dialogue_flow import session, to_confirm, to_scores

TEN_UNLABELLED = "ขอส่งคะแนนค่ะ\n99.2 98.1 99.6 97.9 98.8 92.3 90.7 91.2 88.5 100"


@pytest.fixture
def officer(parts, tmp_path):  # noqa: F811
    return Officer(make_dialogue(parts, tmp_path / "s.db"))


# ---------------------------------------------------------------- an overall on its own
def test_an_overall_only_message_counts_as_scores(parts):  # noqa: F811
    kb, _ = parts
    parsed = understand("ITA ปี 2568 ได้ 87.36 คะแนนค่ะ", kb.framework, drafted=False, state="scores")
    assert parsed.has_scores and parsed.scores is not None and parsed.scores.scores.overall == 87.36
    assert not understand("ปี 2568 ค่ะ", kb.framework, drafted=False, state="profile_year").has_scores


def test_an_overall_alone_is_kept_as_typed_and_the_indicators_are_asked_for(officer):
    to_scores(officer)
    officer.says("ITA ปี 2568 ได้ 87.36 คะแนนค่ะ")
    assert officer.state() is State.SCORES
    assert w.SCORES_OVERALL_KEPT.format(overall=87.36) in officer.text() and "ยังขาดตัวชี้วัดที่ 1" in officer.text()
    officer.says(FIRST_HALF)
    officer.says(SECOND_HALF)
    assert officer.state() is State.CONFIRM and session(officer).scores.overall == pytest.approx(87.36)


def test_an_overall_sent_before_the_profile_is_not_lost(officer):
    officer.says("สวัสดีค่ะ")
    officer.says("ITA ปี 2568 ของเราได้ 87.36 คะแนนค่ะ")
    assert w.SCORES_OVERALL_KEPT.format(overall=87.36) in officer.text()
    assert officer.state() is State.PROFILE_NAME
    officer.says("เทศบาลตำบลนามะเขือ")
    officer.presses("เทศบาล")
    officer.presses("ใช้ตามนี้")
    officer.says("2568")
    assert session(officer).scores.overall == pytest.approx(87.36) and officer.state() is State.SCORES


# ---------------------------------------------------------------- unsure reads are confirmed
def test_an_unsure_read_is_asked_at_the_confirmation_and_forgotten_once_confirmed(officer):
    to_scores(officer)
    officer.says(TEN_UNLABELLED)
    assert officer.state() is State.CONFIRM
    question = w.SCORES_UNSURE_ORDER.format(count=10)
    assert question in officer.text() and officer.text().count(question) == 1
    assert any(c.payload == "ยืนยัน" for c in officer.last.choices)
    assert session(officer).scores.indicators[9] == pytest.approx(88.5)
    officer.says("ยืนยันค่ะ")
    assert officer.state() is State.DRAFTED and SCORES_UNSURE not in session(officer).extra


def test_a_labelled_score_message_asks_nothing_extra(officer):
    to_confirm(officer)
    assert "ขอให้ตรวจสอบการอ่านคะแนน" not in officer.text()


# ---------------------------------------------------------------- the plan's fiscal year
def test_a_fiscal_year_in_a_score_message_sets_the_plans_year_and_says_so(officer):
    to_scores(officer)
    officer.says("ขอแผนปีงบ 70 ค่ะ ตัวชี้วัดที่ 9 ได้ 72.00")
    assert session(officer).profile.fiscal_year == 2570
    assert w.FISCAL_YEAR_FROM_SCORES.format(year=2570) in officer.text()
    assert session(officer).scores.indicators == {9: 72.0} and session(officer).scores.year == 2568


def test_a_fiscal_year_before_the_assessment_year_is_not_taken(officer):
    to_scores(officer)
    before = session(officer).profile.fiscal_year
    officer.says("ร่างมาตรการปีงบ 60 ค่ะ ตัวชี้วัดที่ 9 ได้ 72.00")
    assert session(officer).profile.fiscal_year == before
    assert "ตั้งปีงบประมาณของมาตรการ" not in officer.text()


# ---------------------------------------------------------------- the year a score message names
def test_the_first_scores_naming_their_year_move_the_profiles_year_and_say_so(officer):
    to_scores(officer)  # the year step was answered "2568"
    officer.says("ผลITAปี67ของเทศบาลได้ 86.45 ค่ะ ตัวชี้วัด 9 ได้ 70.2")
    profile, scores = session(officer).profile, session(officer).scores
    assert (profile.assessment_year, profile.measures_year()) == (2567, 2568)
    assert scores.year == 2567 and scores.indicators == {9: 70.2} and scores.overall == 86.45
    assert w.SCORES_YEAR_MOVED.format(assessment=2567, held=2568, fiscal=2568) in officer.text()


def test_a_later_message_naming_another_year_keeps_the_scores_year_and_says_so(officer):
    to_scores(officer)
    officer.says(FIRST_HALF)
    officer.says("ปี 2566 ตัวชี้วัดที่ 9 ได้ 83.50 ค่ะ")
    assert session(officer).profile.assessment_year == 2568
    assert session(officer).scores.year == 2568 and session(officer).scores.indicators[9] == 83.5
    assert w.SCORES_YEAR_KEPT.format(named=2566, held=2568) in officer.text()


def test_scores_without_a_year_take_the_profiles_year_silently(officer):
    to_scores(officer)
    officer.says("ตัวชี้วัดที่ 9 ได้ 72.00 ค่ะ")
    assert session(officer).scores.year == 2568
    assert "เปลี่ยนปีที่ประเมิน" not in officer.text() and "ข้อความระบุปี" not in officer.text()


# ---------------------------------------------------------------- last year's scores
def test_last_years_scores_are_kept_and_the_analysis_says_the_change(officer):
    to_confirm(officer)
    officer.says("ตัวชี้วัดที่ 9 ปี 67 ได้ 60.00 ปี 68 ได้ 75.00 ค่ะ")
    s = session(officer)
    assert s.scores.indicators[9] == pytest.approx(75.0)
    assert s.extra[PREVIOUS_SCORES]["indicators"] == {"9": 60.0} and s.extra[PREVIOUS_SCORES]["year"] == 2567
    officer.says("ยืนยันค่ะ")
    draft = session(officer).draft
    assert officer.state() is State.DRAFTED and draft is not None
    nine = next(r for r in draft.rows if r.indicator == 9)
    # the earlier score as the officer gave it, no difference computed (round 7)
    assert "60 คะแนน" in nine.analysis and ("เพิ่มขึ้น" in nine.analysis or "ดีขึ้น" in nine.analysis)
    others = [r for r in draft.rows if r.indicator != 9]
    assert others and all("การประเมินครั้งก่อน" not in r.analysis for r in others)


# ---------------------------------------------------------------- voice typing: numbers said in words
def test_scores_said_in_number_words_are_taken_in_chat(officer):
    to_scores(officer)
    officer.says("ตัวชี้วัดที่เก้าได้แปดสิบเก้าจุดห้าค่ะ")
    assert session(officer).scores.indicators == {9: 89.5}
    assert "ไม่พบคะแนน" not in officer.text()
    officer.says("ตัวชี้วัดที่สิบได้เจ็ดสิบแปดครับ")
    assert session(officer).scores.indicators == {9: 89.5, 10: 78.0}


def test_number_words_without_a_score_are_not_scores(parts):  # noqa: F811
    kb, _ = parts
    for text in ("ตัวชี้วัดที่เก้าต่ำมากเลยค่ะ", "ขอบคุณที่ช่วยนะคะ", "มีสามเรื่องอยากถามค่ะ"):
        parsed = understand(text, kb.framework, drafted=False, state="scores")
        assert not parsed.has_scores, text
    parsed = understand("ภาพรวมแปดสิบแปดจุดสองห้าค่ะ", kb.framework, drafted=False, state="scores")
    assert parsed.has_scores and parsed.scores is not None and parsed.scores.scores.overall == 88.25


# ---------------------------------------------------------------- a value sent again
def test_a_score_sent_again_with_another_value_says_what_it_replaced(officer):
    to_scores(officer)
    officer.says("ตัวที่1 ได้ 91.2 ตัวที่ 2 ได้ 84.55 ตัวชี้วัดที่3 = 88")
    officer.says("อ้อ ตัวที่ 2 ผิดครับ จริงๆ 85.55")
    assert "ตัวชี้วัดที่ 2 = 85.55 (เดิม 84.55)" in officer.text()
    assert session(officer).scores.indicators[2] == pytest.approx(85.55)
    officer.says("ตัวชี้วัดที่ 3 = 88")  # the same value again changes nothing and says nothing
    assert "(เดิม" not in officer.text()


# ---------------------------------------------------------------- items named without scores
def test_items_named_as_failed_are_kept_and_drafted_as_the_agencys_weak_items(officer):
    to_scores(officer)
    officer.says(FIRST_HALF)
    officer.says("ข้อ O13 กับ O14 ยังไม่ได้เผยแพร่ค่ะ")
    assert w.NAMED_ITEMS_KEPT.format(items="O13, O14") in officer.text()
    assert "ไม่พบคะแนน" not in officer.text()
    officer.says(SECOND_HALF)
    officer.says("ยืนยัน")
    draft = session(officer).draft
    assert draft is not None
    row9 = next(r for r in draft.rows if r.indicator == 9)
    assert {"O13", "O14"} <= set(row9.items)
    assert all(code not in session(officer).scores.items for code in ("O13", "O14"))  # no score made up


def test_the_level_rules_hedge_is_shown_whole_once_and_the_draft_says_it_in_one_line(officer):
    to_scores(officer)
    officer.says("คะแนนรวม 86.45 ค่ะ ตัวชี้วัด 9 ได้ 70.2 ตัวชี้วัด 10 ได้ 75")
    officer.presses("ร่างจากที่มี")
    confirmation = officer.text()
    officer.says("ยืนยันค่ะ")
    draft = session(officer).draft
    assert draft is not None and draft.level and draft.level_note  # "ผ่าน" without every tool: unsure
    assert "ยังไม่ได้รับการยืนยัน" in confirmation
    drafted = officer.text()
    assert draft.level_note not in drafted and w.DRAFT_LEVEL_UNSURE in drafted
