"""Questions and requests in the middle of a step are answered and the step is kept (issue 11):
ITA topics at a profile step, the bot's own words explained, measures asked for before any scores,
a score message that also asks, hospitals, and button labels in full. Real Dialogue, index and drafter."""

from __future__ import annotations

import io

import pytest

from bot import wording as w
from bot.channels.console import ConsoleChannel
from bot.dialogue.conversation import State
from bot.dialogue.messages import Inbound
from bot.dialogue.terms import term_asked
from tests.test_dialogue import Officer, make_dialogue, parts  # noqa: F401


@pytest.fixture
def officer(parts, tmp_path):  # noqa: F811
    return Officer(make_dialogue(parts, tmp_path / "s.db"))


def session(officer: Officer):
    return officer.dialogue.sessions.load(Inbound(officer.channel, officer.user).session_key)


def units_text(key: str) -> str:
    """The first words of a term's explanation, as the bot says it."""
    return w.TERMS[key][1].split("{", 1)[0]


# ---------------------------------------------------------------- profile steps
@pytest.mark.parametrize("topic", ["ข้อเสนอแนะ ปปช ตัวชี้วัดที่ 8", "ขอเกณฑ์ OIT ข้อ O12 หน่อยค่ะ"])
def test_an_ita_topic_at_the_name_step_is_answered_not_saved_as_the_name(officer, topic):
    officer.says("สวัสดีค่ะ")
    officer.says(topic)
    assert officer.state() is State.PROFILE_NAME and session(officer).profile.name == ""
    assert "ที่มา" in officer.text() and w.ASK_IS_AGENCY.split(":")[0] not in officer.text()
    assert w.ASK_NAME in officer.text()  # the step is said again
    officer.says("เทศบาลตำบลนามะเขือ")
    assert session(officer).profile.name == "เทศบาลตำบลนามะเขือ"


def test_an_office_of_the_nacc_is_still_a_name(officer):
    officer.says("สวัสดีค่ะ")
    officer.says("สำนักงาน ป.ป.ช. ประจำจังหวัดขอนแก่น")
    assert session(officer).profile.name == "สำนักงาน ป.ป.ช. ประจำจังหวัดขอนแก่น"


def test_an_ita_topic_at_the_units_step_is_never_saved_as_units(officer):
    officer.says("สวัสดีครับ")
    officer.says("เทศบาลตำบลนามะเขือ")
    officer.presses("เทศบาลตำบล")
    officer.says("ข้อเสนอแนะ ปปช ตัวชี้วัดที่ 8")
    assert officer.state() is State.PROFILE_UNITS and session(officer).profile.units == []


@pytest.mark.parametrize(
    ("question", "key"),
    [("หน่วยงานย่อยคืออะไร", "units"), ("ผู้รับผิดชอบหมายถึงใครคะ", "owners"), ("หน่วยงานยอ่ยคืออะไรคะ", "units")],
)
def test_the_bots_own_words_are_explained_from_its_wording_at_the_first_message(officer, question, key):
    officer.says(question)
    text = officer.text()
    assert units_text(key) in text and "ที่มา" not in text
    assert text.count(w.ASK_NAME) == 1  # the welcome asks for the name once, not twice
    assert officer.state() is State.PROFILE_NAME and session(officer).profile.name == ""


def test_what_to_type_at_the_units_step_explains_units_with_the_agency_types_own(officer):
    officer.says("สวัสดีครับ")
    officer.says("โรงพยาบาลชุมชนนาดี")
    officer.says("ใช่ค่ะ")  # the type guessed from the name
    assert officer.state() is State.PROFILE_UNITS
    officer.says("ต้องใส่อะไรคะ")
    text = officer.text()
    assert units_text("units") in text and "กลุ่มงานบริหารทั่วไป" in text and "กองคลัง" not in text
    assert officer.state() is State.PROFILE_UNITS


def test_a_meaning_question_about_something_else_is_not_taken_for_a_term():
    assert term_asked("O12 คืออะไร", "profile_units") == ""
    assert term_asked("ตัวชี้วัดที่ 9 คืออะไร", "") == ""
    assert term_asked("ผู้รับผิดชอบตัวชี้วัด 9 ควรเป็นกองไหน", "") == ""


def test_a_hospital_gets_its_own_type_and_units(officer):
    officer.says("สวัสดีครับ")
    officer.says("รพ.สต.บ้านหนองบัว")
    assert "โรงพยาบาล" in officer.text()  # guessed from the name
    officer.says("ใช่")
    assert session(officer).profile.type == "hospital"
    officer.presses("ใช้ตามนี้")
    assert "กองคลัง" not in session(officer).profile.units


# ---------------------------------------------------------------- scores step
def to_scores(officer: Officer) -> None:
    officer.fill_profile()
    assert officer.state() is State.SCORES


def test_measures_asked_before_scores_say_what_is_needed_and_are_shown_first_once_drafted(officer):
    to_scores(officer)
    officer.says("ขอมาตรการตัวชี้วัด 9 หน่อยค่ะ")
    text = officer.text()
    assert "ยังไม่พบคะแนน" not in text and "ตัวชี้วัดที่ 9" in text and "คะแนน" in text
    assert officer.state() is State.SCORES
    officer.says("ตัวชี้วัดที่ 7 ได้ 61.5\nตัวชี้วัดที่ 9 ได้ 72.25 ค่ะ")
    officer.presses(w.PARTIAL_DRAFT_LABEL)
    officer.says("ยืนยันค่ะ")
    assert officer.state() is State.DRAFTED
    assert w.WANTED_ROWS.split("{", 1)[0] in officer.text()
    assert "ตัวชี้วัดที่ 9" in officer.last.cards[0].title  # the row asked for comes first


def test_a_score_message_that_also_asks_gets_the_answer_and_keeps_the_score(officer):
    to_scores(officer)
    officer.says("ตัวชี้วัดที่ 9 ได้ 70.5 ค่ะ อยากทราบว่าควรปรับปรุงอะไรก่อน")
    assert session(officer).scores.indicators[9] == 70.5
    assert "ที่มา" in officer.text()  # answered from the knowledge base
    assert officer.state() is State.SCORES


def test_a_tag_question_on_a_score_is_not_searched(officer):
    to_scores(officer)
    officer.says("ตัวชี้วัดที่ 9 ได้ 70.5 ค่ะ ส่งแบบนี้ได้ไหม")
    assert session(officer).scores.indicators[9] == 70.5 and "ที่มา" not in officer.text()


# ---------------------------------------------------------------- buttons
def test_the_console_shows_type_buttons_in_full(parts, tmp_path):  # noqa: F811
    dialogue = make_dialogue(parts, tmp_path / "s.db")
    out = io.StringIO()
    console = ConsoleChannel(dialogue, tmp_path / "exports", user_id="somsri", out=out, echo=True)
    console.run(["สวัสดีครับ\n", "เทศบาลตำบลนามะเขือ\n"])
    shown = out.getvalue()
    assert "องค์การบริหารส่วนตำบล (อบต.)" in shown.split("ปุ่ม:")[-1]
    assert "มหาวิทยาลัย (สถาบันอุดมศึกษา)" in shown.split("ปุ่ม:")[-1]


@pytest.mark.parametrize("answer", ["13", "๑๓", "-"])
def test_a_number_at_the_units_step_is_not_saved_as_a_unit(officer, answer):
    officer.says("สวัสดีครับ")
    officer.says("เทศบาลตำบลนามะเขือ")
    officer.presses("เทศบาลตำบล")
    officer.says(answer)
    assert officer.state() is State.PROFILE_UNITS and session(officer).profile.units == []
    assert "หน่วยงานย่อย" in officer.text()  # what to send instead


def test_measures_asked_politely_with_may_i_are_kept_too(officer):
    to_scores(officer)
    officer.says("ขอมาตรการตัวชี้วัด 9 ได้ไหมคะ")
    assert session(officer).extra.get("wanted_measures") == [9] and officer.state() is State.SCORES


def test_undo_before_any_draft_says_there_is_no_draft(officer):
    to_scores(officer)
    officer.says("ย้อนกลับค่ะ")
    assert w.UNDO_NO_DRAFT in officer.text()
    assert "ร่างปัจจุบันยังอยู่ครบ" not in officer.text()
