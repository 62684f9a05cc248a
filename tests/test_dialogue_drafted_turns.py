"""Turns at the drafted step: a change whose cell was not named is asked with a yes, never applied unasked;
what an undo brought back is shown; a PDF request says what can be sent; thanks close the work."""

from __future__ import annotations

import pytest

from bot import wording as w
from bot.dialogue.conversation import State
from tests.test_dialogue import Officer, make_dialogue, parts  # noqa: F401
from tests.test_dialogue_flow import session, to_drafted


@pytest.fixture
def officer(parts, tmp_path):  # noqa: F811
    return Officer(make_dialogue(parts, tmp_path / "s.db"))


def test_units_beside_a_row_are_asked_and_applied_on_yes(officer):
    to_drafted(officer)
    before = [row.owners for row in session(officer).draft.rows]
    officer.says("แถว 5 เปลี่ยนเป็นกองคลังค่ะ")
    assert "แก้ผู้รับผิดชอบ แถว 5 เป็น กองคลัง" in officer.text()
    assert [row.owners for row in session(officer).draft.rows] == before  # nothing applied yet
    officer.says("ใช่ค่ะ")
    rows = session(officer).draft.rows
    assert next(r for r in rows if r.number == 5).owners == ["กองคลัง"]
    assert [r.owners for r in rows if r.number != 5] == [
        o for r, o in zip(rows, before, strict=True) if r.number != 5
    ]
    assert officer.state() is State.DRAFTED


def test_a_no_to_the_guess_changes_nothing(officer):
    to_drafted(officer)
    before = session(officer).draft.rows
    officer.says("แถว 5 กองคลัง")
    officer.presses(w.NO_LABEL)
    assert w.EDIT_GUESS_DECLINED in officer.last.texts and session(officer).draft.rows == before


@pytest.mark.parametrize("text", ["ขอไฟล์ pdf ค่ะ", "ส่งเป็น PDF ได้ไหมคะ"])
def test_a_pdf_request_says_what_can_be_sent_instead(officer, text):
    to_drafted(officer)
    officer.says(text)
    assert officer.last.texts == [w.PDF_UNAVAILABLE] and not officer.last.documents
    assert any(c.label == w.EXPORT_WORD_LABEL for c in officer.last.choices)


def test_an_undo_shows_the_row_it_brought_back(officer):
    to_drafted(officer)
    officer.says("แถว 2 ผู้รับผิดชอบเป็นกองช่าง")
    officer.says("ย้อนกลับค่ะ")
    cards = officer.last.cards
    assert len(cards) == 1 and "แถว 2" in cards[0].title and "กองช่าง" not in str(cards[0])


def test_thanks_at_the_end_of_the_work_are_answered_without_the_step_again(officer):
    to_drafted(officer)
    officer.says("ขอบคุณค่ะ")
    assert officer.last.texts == [w.YOU_ARE_WELCOME] and officer.state() is State.DRAFTED


def test_an_undo_for_another_row_than_the_last_change_undoes_nothing(officer):
    to_drafted(officer)
    officer.says("แถว 2 ผู้รับผิดชอบเป็นกองช่าง")
    edited = session(officer).draft
    officer.says("ย้อนกลับไปก่อนแก้แถว 4 ค่ะ")
    assert session(officer).draft == edited and "แถว 2" in officer.text()
    officer.says("ย้อนกลับไปก่อนแก้แถว 2 ค่ะ")
    assert session(officer).draft != edited and officer.last.cards
