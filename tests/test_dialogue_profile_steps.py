"""The profile steps as a coordinator reads them: the type list shown once, unit examples that fit
the agency's type (from knowledge/agency_types.yaml), a yes that keeps the units shown."""

from __future__ import annotations

import pytest

from bot import wording as w
from bot.dialogue.conversation import State
from bot.dialogue.messages import Inbound
from tests.test_dialogue import Officer, make_dialogue, parts  # noqa: F401


@pytest.fixture
def officer(parts, tmp_path):  # noqa: F811
    return Officer(make_dialogue(parts, tmp_path / "s.db"))


def profile(officer: Officer):
    return officer.dialogue.sessions.load(Inbound(officer.channel, officer.user).session_key).profile


def default_units(parts, key: str) -> list[str]:  # noqa: F811
    kb, _drafter = parts
    return list(kb.playbook.agency_types[key].default_units)


def test_the_type_list_is_shown_once_and_asked_again_without_it(officer):
    officer.says("สวัสดีครับ")
    officer.says("โรงเรียนบ้านหนองบัววิทยา")
    first = officer.text()
    assert "1. " in first and "13. " in first
    officer.says("ประเภทพิเศษ")
    again = officer.text()
    assert "1. " not in again and "13. " not in again and "1–13" in again
    assert "โรงเรียน" in again  # the guess from the name is still offered
    assert len(officer.last.choices) == 13 and officer.state() is State.PROFILE_TYPE


def test_not_sure_of_the_type_gets_a_way_on_not_an_error(officer):
    officer.says("โรงเรียนบ้านหนองบัววิทยา")
    officer.says("ไม่แน่ใจค่ะ")
    assert w.TYPE_UNSURE in officer.last.texts and "ไม่พบประเภท" not in officer.text()
    assert officer.state() is State.PROFILE_TYPE


@pytest.mark.parametrize(
    "name, key", [("โรงเรียนบ้านหนองบัววิทยา", "school"), ("เทศบาลตำบลนามะเขือ", "municipality_subdistrict")]
)
def test_the_units_example_fits_the_agency_type(parts, officer, name, key):  # noqa: F811
    officer.says(name)
    officer.says("ใช่ค่ะ")
    assert officer.state() is State.PROFILE_UNITS
    units = default_units(parts, key)
    example = ", ".join(units[:3])
    assert f'เช่น "{example}"' in officer.text()
    if key == "school":
        assert "สำนักปลัด" not in officer.text() and "กองคลัง" not in officer.text()
    officer.says("ทำไมต้องกรอกหน่วยงานย่อย")  # a detour: the step is said again with its example and button
    assert example in officer.last.texts[-1] and [c.label for c in officer.last.choices] == [w.KEEP_LABEL]
    officer.says("x" * 300)  # too long for a unit: asked again, with the same example
    assert example in officer.text()


@pytest.mark.parametrize("answer", ["ใช่ค่ะ", "โอเคครับ", "ได้ค่ะ"])
def test_a_yes_to_the_units_shown_keeps_them(parts, officer, answer):  # noqa: F811
    officer.says("โรงเรียนบ้านหนองบัววิทยา")
    officer.says("ใช่ค่ะ")
    officer.says(answer)
    assert profile(officer).units == default_units(parts, "school")
    assert officer.state() is State.PROFILE_YEAR


@pytest.mark.parametrize("first", ["สวัสดีครับ อบต.โนนสะอาด อ.เมือง จ.อุดรธานี ครับ", "สวัสดีค่ะ เทศบาลตำบลนามะเขือค่ะ"])
def test_a_greeting_with_the_name_in_the_first_message_keeps_the_name(officer, first):
    officer.says(first)
    name = profile(officer).name
    assert name and not name.startswith("สวัสดี") and not name.endswith(("ครับ", "ค่ะ"))
    assert officer.state() is State.PROFILE_TYPE and officer.text().count("สวัสดี") == 1


def test_a_greeting_alone_first_still_asks_for_the_name(officer):
    officer.says("สวัสดีครับ")
    assert not profile(officer).name and officer.state() is State.PROFILE_NAME


def test_a_reply_with_no_unit_name_is_asked_back_not_saved_as_every_owner(officer):
    officer.says("อบต.หนองหญ้าปล้อง")
    officer.says("ใช่ค่ะ")
    officer.says("ร่างจากที่มีได้เลยค่ะ")  # no unit in it: asked, not stored
    assert "ร่างจากที่มีได้เลย" in officer.text() and "ใช่ไหม" in officer.text()
    assert profile(officer).units == [] and officer.state() is State.PROFILE_UNITS
    officer.says("ไม่ใช่ค่ะ")
    assert w.UNITS_NOT_SAVED in officer.last.texts and profile(officer).units == []
    officer.says("ปลัด, คลัง")  # shorthand the officer confirms is kept as typed
    officer.says("ใช่")
    assert profile(officer).units == ["ปลัด", "คลัง"] and officer.state() is State.PROFILE_YEAR
    officer.says("กองคลัง, สำนักปลัด")  # a real unit list at the year step adds, as before
    assert officer.state() is State.PROFILE_YEAR


def test_an_edit_before_any_draft_is_not_read_as_the_assessment_year(officer):
    officer.says("เทศบาลตำบลนามะเขือ")
    officer.says("ใช่ค่ะ")
    officer.says("กองคลัง, สำนักปลัด")
    assert officer.state() is State.PROFILE_YEAR
    officer.says("แถว 3 ขอให้เสร็จภายใน มี.ค. 69 นะคะ")  # "69" is a month's year in an edit
    assert w.EDIT_BEFORE_DRAFT in officer.last.texts
    assert profile(officer).assessment_year is None and officer.state() is State.PROFILE_YEAR
    officer.says("2568")
    assert profile(officer).assessment_year == 2568


@pytest.mark.parametrize(
    "year, assessment, fiscal",
    [("ปี 68 ค่ะ", 2568, 2569), ("ปีงบ 68 ครับ", 2568, 2569), ("พ.ศ. ๒๕๖๗", 2567, 2568)],
)
def test_the_year_and_units_sent_a_step_early_are_kept_for_their_steps(officer, year, assessment, fiscal):
    officer.says("อบต.หนองบัวแดง ค่ะ")
    officer.says("สำนักปลัด กองคลัง กองช่าง ค่ะ")  # the units, while the type is asked
    assert "ไม่พบประเภท" not in officer.text() and officer.state() is State.PROFILE_TYPE
    officer.says(year)  # the year, while the type is still asked
    assert officer.state() is State.PROFILE_TYPE and str(assessment) in officer.text()
    officer.says("ใช่ค่ะ")  # the type guessed from the name
    shown = officer.text()
    assert "1. สำนักปลัด" in shown and "3. กองช่าง" in shown and "ค่าเริ่มต้น" not in shown
    officer.says("ใช้ตามนี้")
    assert profile(officer).units == ["สำนักปลัด", "กองคลัง", "กองช่าง"]
    assert officer.state() is State.PROFILE_YEAR and str(assessment) in officer.text()
    officer.says("ใช้ตามนี้")  # the year kept earlier, confirmed with one tap
    kept = profile(officer)
    assert (kept.assessment_year, kept.fiscal_year) == (assessment, fiscal)
    assert officer.state() is State.SCORES
