"""Issue 11's conversation flow through the real Dialogue (real framework, playbook, index, drafter, SQLite),
typed the way officers type: particles, prose, greetings, buttons from elsewhere."""

from __future__ import annotations

import pytest

from bot import wording as w
from bot.dialogue.conversation import State
from bot.dialogue.messages import Inbound
from tests.test_dialogue import FIRST_HALF, SECOND_HALF, Officer, make_dialogue, parts  # noqa: F401

# Only the four weak indicators, one line each, as typed in a chat.
FOUR_IN_PROSE = (
    "ตัวชี้วัดที่ 7 ได้ 61.5 คะแนน\nตัวชี้วัดที่ 8 ได้ 70 คะแนน\nตัวชี้วัดที่ 9 ได้ 72.25 คะแนน\nตัวชี้วัดที่ 10 ได้ 80 คะแนนค่ะ"
)


@pytest.fixture
def officer(parts, tmp_path):  # noqa: F811
    return Officer(make_dialogue(parts, tmp_path / "s.db"))


def session(officer: Officer):
    return officer.dialogue.sessions.load(Inbound(officer.channel, officer.user).session_key)


def to_scores(officer: Officer) -> None:
    officer.fill_profile()
    assert officer.state() is State.SCORES


def to_confirm(officer: Officer, overall: str = "") -> None:
    to_scores(officer)
    officer.says(FIRST_HALF)
    officer.says(SECOND_HALF + overall)
    assert officer.state() is State.CONFIRM


def to_drafted(officer: Officer) -> None:
    to_confirm(officer)
    officer.says("ยืนยันค่ะ")
    assert officer.state() is State.DRAFTED


# ---------------------------------------------------------------- confirmation and edits
def test_a_confirmation_with_a_particle_drafts_and_is_never_answered_no_scores(officer):
    to_confirm(officer)
    officer.says("อืม ขอดูอีกทีนะคะ")
    assert officer.state() is State.CONFIRM
    assert "ไม่พบคะแนน" not in officer.text() and "ยังไม่พบคะแนน" not in officer.text()
    assert w.CONFIRM_UNSURE in officer.text() and any(c.payload == "ยืนยัน" for c in officer.last.choices)
    officer.says("ยืนยันค่ะ")
    assert officer.state() is State.DRAFTED and officer.last.cards


def test_a_kpi_edit_with_a_percentage_never_replaces_a_confirmed_score(officer):
    to_drafted(officer)
    before = session(officer).scores.indicators[9]
    officer.says("แก้ KPI ตัวชี้วัด 9 เป็น ร้อยละ 100 ของข้อมูลที่ต้องเปิดเผย")
    officer.says("ตัวชี้วัด 9 ร้อยละ 100 ค่ะ")
    assert session(officer).scores.indicators[9] == before == pytest.approx(83.5)
    assert officer.state() is State.DRAFTED


def test_a_score_change_after_the_draft_is_asked_before_it_replaces_the_score(officer):
    to_drafted(officer)
    officer.says("คะแนนตัวชี้วัดที่ 9 ที่ถูกต้องคือ 86.00 ค่ะ")
    assert "83.50 → 86.00" in officer.text() and session(officer).scores.indicators[9] == pytest.approx(83.5)
    officer.presses(w.SCORE_CHANGE_NO_LABEL)
    assert session(officer).scores.indicators[9] == pytest.approx(83.5)
    officer.says("คะแนนตัวชี้วัดที่ 9 ได้ 86 คะแนน")
    officer.presses(w.SCORE_CHANGE_YES_LABEL)
    assert session(officer).scores.indicators[9] == pytest.approx(86.0) and officer.state() is State.DRAFTED


# ---------------------------------------------------------------- the profile
def test_a_greeting_is_greeted_back_and_never_taken_as_the_agency_name(officer):
    officer.says("หวัดดีครับ")
    officer.says("สวัสดีค่ะ")
    assert w.GREETING_REPLY in officer.last.texts and "ชื่อหน่วยงาน" in officer.text()
    assert session(officer).profile.name == "" and officer.state() is State.PROFILE_NAME
    officer.says("สวัสดีค่ะ เทศบาลตำบลนามะเขือค่ะ")
    assert session(officer).profile.name == "เทศบาลตำบลนามะเขือ"


def test_an_emoji_or_a_name_unlike_an_agency_is_not_saved_unasked(officer):
    officer.says("สวัสดีครับ")
    officer.says("😀🙏")
    assert session(officer).profile.name == "" and officer.state() is State.PROFILE_NAME
    officer.says("ชมรมจิตอาสาบ้านนา")
    assert "ใช่ไหม" in officer.text() and session(officer).profile.name == ""
    officer.presses(w.NO_LABEL)
    assert session(officer).profile.name == "" and "ชื่อหน่วยงาน" in officer.text()
    officer.says("ชมรมจิตอาสาบ้านนา")
    officer.presses(w.YES_LABEL)
    assert session(officer).profile.name == "ชมรมจิตอาสาบ้านนา" and officer.state() is State.PROFILE_TYPE


@pytest.mark.parametrize(
    ("typed", "units"),
    [
        ("กองคลัง กองช่าง สำนักปลัด", ["กองคลัง", "กองช่าง", "สำนักปลัด"]),
        ("• กองคลัง\n• กองช่าง\n3. สำนักปลัดเทศบาล", ["กองคลัง", "กองช่าง", "สำนักปลัดเทศบาล"]),
        ("กองคลังและกองช่างค่ะ", ["กองคลัง", "กองช่าง"]),
        (
            "กองการศึกษา ศาสนาและวัฒนธรรม, กองสาธารณสุขและสิ่งแวดล้อม",
            ["กองการศึกษา ศาสนาและวัฒนธรรม", "กองสาธารณสุขและสิ่งแวดล้อม"],
        ),
    ],
)
def test_unit_lists_split_as_officers_type_them(officer, typed, units):
    officer.says("สวัสดีครับ")
    officer.says("เทศบาลตำบลนามะเขือ")
    officer.presses("เทศบาล")
    officer.says(typed)
    assert session(officer).profile.units == units


def test_a_payload_the_bot_never_offered_is_not_taken_as_a_name_or_a_unit(officer):
    officer.says("สวัสดีครับ")
    rich_menu = Inbound("telegram", officer.user, choice="richmenu:home", kind="choice")
    reply = officer.dialogue.handle(rich_menu)
    assert w.UNKNOWN_BUTTON in reply.texts and session(officer).profile.name == ""
    officer.says("เทศบาลตำบลนามะเขือ")
    officer.presses("เทศบาล")
    officer.dialogue.handle(
        Inbound("telegram", officer.user, text="action=menu", choice="action=menu", kind="choice")
    )
    assert officer.state() is State.PROFILE_UNITS and session(officer).profile.units == []


# ---------------------------------------------------------------- partial scores and the overall
def test_four_indicator_scores_in_prose_give_a_four_row_plan_and_no_invented_score(officer):
    to_scores(officer)
    officer.says(FOUR_IN_PROSE)
    assert "ยังขาดตัวชี้วัดที่ 1" in officer.text() and officer.state() is State.SCORES
    assert [c.label for c in officer.last.choices] == [w.PARTIAL_WAIT_LABEL, w.PARTIAL_DRAFT_LABEL]
    officer.presses(w.PARTIAL_WAIT_LABEL)
    assert officer.state() is State.SCORES and w.PARTIAL_WAITING in officer.text()
    officer.says(FOUR_IN_PROSE)
    officer.presses(w.PARTIAL_DRAFT_LABEL)
    assert officer.state() is State.CONFIRM and "7, 8, 9, 10" in officer.text()
    officer.says("ยืนยันค่ะ")
    draft = session(officer).draft
    assert officer.state() is State.DRAFTED
    assert [r.indicator for r in draft.rows] == [7, 8, 9, 10]
    assert draft.indicators == {7: 61.5, 8: 70.0, 9: 72.25, 10: 80.0}


def test_a_typed_overall_that_disagrees_is_asked_about_once_and_used_as_typed(officer):
    to_confirm(officer, "\nคะแนนรวม 94.39")
    assert "94.39" in officer.text() and [c.payload for c in officer.last.choices] == [
        w.OVERALL_TYPED,
        w.OVERALL_COMPUTED,
    ]
    officer.says("ประสิทธิภาพการสื่อสารคืออะไร")  # a question on the way keeps the question open
    assert officer.state() is State.CONFIRM and officer.last.choices[0].payload == w.OVERALL_TYPED
    officer.presses("ที่แจ้ง")
    officer.says("แก้ตัวชี้วัด 7 เป็น 91.6")
    assert "ต่างจากค่าที่คำนวณ" not in "\n".join(officer.last.texts[1:])  # asked once for this pair
    officer.says("ยืนยัน")
    draft = session(officer).draft
    assert draft.overall == pytest.approx(94.39)
    assert any("94.39" in k or "95.39" in k for k in draft.kpis)


def test_the_computed_overall_is_used_when_the_officer_picks_it(officer):
    to_confirm(officer, "\nคะแนนรวม 94.39")
    officer.presses("ที่คำนวณ")
    officer.presses("ยืนยัน")
    draft = session(officer).draft
    assert draft.overall is not None and abs(draft.overall - 94.39) > 0.05


# ---------------------------------------------------------------- questions in any state
@pytest.mark.parametrize("question", ["ทำไมต้องกรอกหน่วยงานย่อย", "what is OIT"])
def test_a_question_without_a_question_mark_is_answered_and_the_step_is_kept(officer, question):
    officer.says("สวัสดีครับ")
    officer.says("เทศบาลตำบลนามะเขือ")
    officer.presses("เทศบาล")
    officer.says(question)
    assert officer.state() is State.PROFILE_UNITS and session(officer).profile.units == []
    assert "ที่มา" in officer.text() or "[1]" in officer.text()
    hint = officer.last.texts[-1]
    assert (
        hint.startswith(w.STEP_HINTS["profile_units"].split("{")[0]) and "กองคลัง" in hint
    )  # a เทศบาล's units
    assert [c.label for c in officer.last.choices] == [w.KEEP_LABEL]


def test_a_request_for_wording_at_the_last_step_is_answered_not_taken_as_an_edit(officer):
    to_drafted(officer)
    rows = session(officer).draft.rows
    officer.says("ขอตัวอย่างถ้อยคำมาตรการการเปิดเผยข้อมูล")
    assert session(officer).draft.rows == rows and "[1]" in officer.text()
    officer.says("ขอบคุณค่ะ")
    assert w.YOU_ARE_WELCOME in officer.last.texts and officer.state() is State.DRAFTED


def test_a_go_ahead_with_some_scores_in_offers_the_two_ways_on_instead_of_no_scores(officer):
    to_scores(officer)
    officer.says(FOUR_IN_PROSE)
    officer.says("ไม่มีตัวอื่นแล้วค่ะ")
    assert "ไม่พบคะแนน" not in officer.text() and officer.state() is State.SCORES
    assert [c.payload for c in officer.last.choices] == [w.PARTIAL_WAIT, w.PARTIAL_DRAFT]
    officer.says("ร่างจากที่มี")  # the button's label typed as text does what the button does
    assert officer.state() is State.CONFIRM


def test_after_a_question_the_step_is_said_again_with_its_buttons(officer):
    to_scores(officer)
    officer.says(FOUR_IN_PROSE)
    officer.says("ทำไมตัวชี้วัด 9 ต่ำ")
    assert officer.state() is State.SCORES and officer.last.texts[-1] == w.STEP_HINTS["scores"]
    assert [c.payload for c in officer.last.choices] == [w.PARTIAL_WAIT, w.PARTIAL_DRAFT]


def test_typing_another_name_instead_of_yes_or_no_reads_the_new_name(officer):
    officer.says("สวัสดีครับ")
    officer.says("ทีมงานบ้านเรา")
    assert "ใช่ไหม" in officer.text()
    officer.says("องค์การบริหารส่วนตำบลหนองบัวค่ะ")
    assert session(officer).profile.name == "องค์การบริหารส่วนตำบลหนองบัว"
    assert officer.state() is State.PROFILE_TYPE and "pending" not in session(officer).extra


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("ชื่อหน่วยงานคือ เทศบาลตำบลนามะเขือค่ะ", "เทศบาลตำบลนามะเขือ"),
        ("ผมอยู่ อบต.หนองบัว ครับ", "อบต.หนองบัว"),
    ],
)
def test_a_name_typed_in_a_sentence_is_kept_without_its_lead_in_and_particles(officer, typed, name):
    officer.says("สวัสดีครับ")
    officer.says("ใช่ค่ะ")  # a yes with no question open is not a name
    assert session(officer).profile.name == "" and officer.state() is State.PROFILE_NAME
    officer.says(typed)
    assert session(officer).profile.name == name and officer.state() is State.PROFILE_TYPE


def test_the_draft_command_with_some_scores_offers_the_two_ways_on_then_drafts_what_was_given(officer):
    officer.says("สวัสดีครับ")
    officer.says(FOUR_IN_PROSE)  # sent before the profile: kept, and only listed as missing later
    officer.fill_profile()
    assert officer.state() is State.SCORES and not officer.last.choices
    officer.says("/draft")
    assert officer.state() is State.SCORES and "ยังขาดตัวชี้วัดที่ 1" in officer.text()
    assert [c.payload for c in officer.last.choices] == [w.PARTIAL_WAIT, w.PARTIAL_DRAFT]
    officer.says("/draft")  # asked again once the missing indicators were listed: draft from these
    draft = session(officer).draft
    assert officer.state() is State.DRAFTED and [r.indicator for r in draft.rows] == [7, 8, 9, 10]


def test_the_confirmation_shows_the_overall_as_typed(officer):
    to_confirm(officer, "\nคะแนนรวม 94.39")
    summary = officer.last.texts[0]
    assert "คะแนนภาพรวมที่แจ้งมา: 94.39" in summary and "ต่างจากที่คำนวณได้" not in summary


# ---------------------------------------------------------------- a yes with a go-ahead, and starting over
def test_a_yes_with_a_go_ahead_drafts_at_the_confirmation_step(officer):
    to_confirm(officer)
    officer.says("ถูกต้องครับ ร่างได้เลย")
    assert officer.state() is State.DRAFTED and officer.last.cards


def test_a_yes_with_a_go_ahead_carries_out_the_waiting_redraft_only(officer):
    to_drafted(officer)
    officer.says("แก้ผู้รับผิดชอบ ตัวชี้วัด 7 เป็น กองช่าง")
    officer.says("แก้ผู้รับผิดชอบ ตัวชี้วัด 9 เป็น กองคลัง")
    officer.says("ร่างตัวชี้วัด 9 ใหม่")
    assert any(c.label == w.REDRAFT_KEEP_LABEL for c in officer.last.choices)  # asked first
    officer.says("ยืนยันค่ะ ร่างใหม่ได้เลย")
    rows = session(officer).draft.rows
    assert all(not r.edited for r in rows if r.indicator == 9)  # the waiting redraft was carried out
    assert all(r.owners == ["กองช่าง"] and r.edited for r in rows if r.indicator == 7)  # and nothing else


def test_starting_over_asks_before_it_erases_the_draft(officer):
    to_drafted(officer)
    officer.says("เริ่มใหม่หมดเลยครับ")
    assert officer.state() is State.DRAFTED and session(officer).draft is not None
    assert [c.payload for c in officer.last.choices][:2] == [w.NEW_YES_LABEL, w.NEW_NO_LABEL]
    officer.presses(w.NEW_NO_LABEL)
    assert officer.state() is State.DRAFTED and session(officer).draft is not None
    officer.says("/new")
    officer.presses(w.NEW_YES_LABEL)
    assert officer.state() is State.PROFILE_NAME and session(officer).draft is None


# ---------------------------------------------------------------- scores sent early, and go-aheads
def test_scores_sent_while_the_type_is_asked_are_kept_and_a_yes_takes_the_guessed_type(officer):
    officer.says("สวัสดีค่ะ")
    officer.says("อบต.หนองบัวแดง จ.ชัยภูมิ ค่ะ")
    assert officer.state() is State.PROFILE_TYPE
    officer.says("ปีนี้ได้ตัวชี้วัดที่ 1 ได้ 92.5 เรื่องงบประมาณ 81.3 ค่ะ")
    assert officer.state() is State.PROFILE_TYPE  # the open question still stands
    assert "ไม่พบประเภทหน่วยงาน" not in officer.text() and "2 ตัวชี้วัด" in officer.text()
    officer.says("ใช่ค่ะ")  # to "น่าจะเป็น องค์การบริหารส่วนตำบล"
    assert officer.state() is State.PROFILE_UNITS
    assert session(officer).profile.type == "sao"
    assert session(officer).scores.indicators == {1: 92.5, 2: 81.3}


def test_a_yes_without_a_guess_is_not_a_type(officer):
    officer.says("สวัสดีค่ะ")
    officer.says("ศูนย์บริการร่วม")  # no agency type in the name: nothing is guessed
    if officer.state() is State.PROFILE_NAME:  # the bot asks whether the name is an agency's
        officer.says("ใช่")
    assert officer.state() is State.PROFILE_TYPE
    officer.says("ใช่ค่ะ")
    assert officer.state() is State.PROFILE_TYPE and session(officer).profile.type in (None, "")


def test_scores_with_their_year_answer_the_year_question_too(officer):
    officer.says("สวัสดีครับ")
    officer.says("เทศบาลตำบลนามะเขือ")
    officer.presses("เทศบาล")
    officer.presses("ใช้ตามนี้")
    assert officer.state() is State.PROFILE_YEAR
    officer.says("ผล ITA ปี 2568 ตัวชี้วัดที่ 9 ได้ 72.25 ตัวชี้วัดที่ 10 ได้ 80 ครับ")
    profile = session(officer).profile
    assert (profile.assessment_year, profile.fiscal_year) == (2568, 2569)
    assert session(officer).scores.indicators == {9: 72.25, 10: 80.0}
    assert officer.state() is State.SCORES and "ยังขาดตัวชี้วัดที่ 1" in officer.text()


@pytest.mark.parametrize("go_ahead", ["ไม่มีตัวอื่นแล้วค่ะ ร่างเลย", "ยืนยันค่ะ"])
def test_a_go_ahead_after_the_missing_indicators_were_listed_drafts_from_what_was_given(officer, go_ahead):
    to_scores(officer)
    officer.says(FOUR_IN_PROSE)
    assert "ยังขาดตัวชี้วัดที่ 1" in officer.text()  # the two ways on were shown
    officer.says(go_ahead)
    if officer.state() is State.CONFIRM:
        officer.says("ยืนยันค่ะ")
    draft = session(officer).draft
    assert officer.state() is State.DRAFTED and [r.indicator for r in draft.rows] == [7, 8, 9, 10]


@pytest.mark.parametrize(
    ("intro", "name"),
    [
        ("สวัสดีครับ ผมเป็นครูผู้รับผิดชอบ ITA ของโรงเรียนบ้านหนองแวงวิทยาครับ", "โรงเรียนบ้านหนองแวงวิทยา"),
        ("ผู้อำนวยการกองคลังของเทศบาลเมืองบ้านไผ่ครับ", "เทศบาลเมืองบ้านไผ่"),
        (
            "ดิฉันเป็นนักวิเคราะห์ฯ สังกัดสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1 ค่ะ",
            "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1",
        ),
    ],
)
def test_an_introduction_naming_the_agency_is_asked_back_not_lost(officer, intro, name):
    officer.says(intro)
    assert officer.state() is State.PROFILE_NAME and f'"{name}"' in officer.text()
    officer.says("ใช่ค่ะ")
    assert session(officer).profile.name == name and officer.state() is State.PROFILE_TYPE


def test_a_month_abbreviation_is_not_a_university(parts):  # noqa: F811
    playbook = parts[0].playbook
    assert playbook.match_agency_type("แถว 7 ระยะเวลา ม.ค.-มิ.ย. 70") is None
    assert playbook.match_agency_type("ม.ขอนแก่น").key == "university"


def test_the_hint_after_a_question_names_a_row_the_draft_has(officer):
    """A three-row plan once got 'เช่น "ลบแถว 4"' after a question: an example row it did not have."""
    to_scores(officer)
    officer.says(FOUR_IN_PROSE)
    officer.says("ร่างจากที่มีค่ะ")
    officer.says("ยืนยันค่ะ")
    assert officer.state() is State.DRAFTED
    officer.says("ลบแถว 1 ค่ะ")
    officer.says("ข้อ O13 ต้องเผยแพร่อะไรคะ")
    hint = officer.last.texts[-1]
    assert hint.startswith("ร่างพร้อมแล้ว") and "แถว 2" in hint and "แถว 4" not in hint, hint
