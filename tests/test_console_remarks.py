"""End to end through the console: an order with its reason, an asked request, a cell redone "ใหม่หมด".

The real App behind bot.channels.console.run; what changed is read back from the session store.
Each conversation went wrong before its fix (issue 11, fresh round 46 and the "?" weak point).
"""

from __future__ import annotations

import pytest

from bot.app import App, build
from bot.dialogue.messages import Inbound
from bot.ita.measures import Draft
from bot.settings import Settings
from tests.test_console_officer import FOUR, PROFILE, run

HELP_LINE = "คำสั่งที่ใช้ได้"


@pytest.fixture()
def app(tmp_path) -> App:
    return build(Settings(_env_file=None, data_dir=tmp_path), in_memory_index=True)


def state(app: App, user: str) -> str:
    return app.sessions.load(Inbound("console", user).session_key).state


def draft(app: App, user: str) -> Draft | None:
    return app.sessions.load(Inbound("console", user).session_key).draft


def test_a_yes_with_its_reason_confirms_the_scores(app: App):
    # "ok ยืนยันค่ะ ข้อมูลถูกหมดแล้ว" was read as nothing: the officer was asked to confirm again.
    run(app, "a", *PROFILE, FOUR, "ร่างจากที่มี")
    assert state(app, "a") == "confirm"
    run(app, "a", "ok ยืนยันค่ะ ข้อมูลถูกหมดแล้ว")
    made = draft(app, "a")
    assert state(app, "a") == "drafted" and made is not None and len(made.rows) == 4


def test_a_yes_taken_back_by_its_remark_does_not_confirm(app: App):
    run(app, "b", *PROFILE, FOUR, "ร่างจากที่มี")
    run(app, "b", "ยืนยันค่ะ แต่ยังไม่ครบ")
    assert state(app, "b") == "confirm" and draft(app, "b") is None


def test_steps_redone_wholesale_replace_the_cell(app: App):
    # "ขั้นตอนแถว 1 เปลี่ยนใหม่หมดเป็น …" (and "เอาใหม่หมดเลย") was refused.
    run(app, "c", *PROFILE, FOUR, "ร่างจากที่มี", "ยืนยัน")
    run(app, "c", "ขั้นตอนแถว 1 เปลี่ยนใหม่หมดเป็น ทบทวนคู่มือการให้บริการทุกงาน")
    run(app, "c", "ขั้นตอนของแถว 2 เอาใหม่หมดเลยนะคะ ให้เป็น สำรวจความพึงพอใจทุกไตรมาส")
    made = draft(app, "c")
    assert made is not None
    rows = {r.number: r for r in made.rows}
    assert rows[1].steps == ["ทบทวนคู่มือการให้บริการทุกงาน"]
    assert rows[2].steps == ["สำรวจความพึงพอใจทุกไตรมาส"]


def test_what_can_you_do_with_a_question_mark_shows_the_commands(app: App):
    # A "?" blocked every command: "what can you do?" was answered as an ITA question.
    run(app, "d", *PROFILE, FOUR)
    out = run(app, "d", "what can you do?")
    assert HELP_LINE in out
    out = run(app, "d", "บอทนี้ทำอะไรได้บ้างคะ?")
    assert HELP_LINE in out
    assert state(app, "d") == "scores"  # the step in hand is kept


def test_a_request_closed_by_a_question_mark_is_carried_out(app: App):
    run(app, "e", *PROFILE, FOUR, "ร่างจากที่มี", "ยืนยัน")
    run(app, "e", "ลบแถว 1")
    assert [r.number for r in draft(app, "e").rows] == [2, 3, 4]  # type: ignore[union-attr]
    run(app, "e", "ย้อนกลับได้ไหมคะ?")
    after = draft(app, "e")
    assert after is not None and [r.number for r in after.rows] == [1, 2, 3, 4]


def test_a_bare_command_word_asked_is_not_carried_out(app: App):
    run(app, "f", *PROFILE, FOUR, "ร่างจากที่มี", "ยืนยัน")
    run(app, "f", "ลบแถว 1")
    run(app, "f", "ย้อนกลับ?")
    made = draft(app, "f")
    assert made is not None and [r.number for r in made.rows] == [2, 3, 4]


def test_an_edit_asked_with_a_question_mark_is_applied_without_it(app: App):
    # "ขอเปลี่ยนผู้รับผิดชอบแถว 2 เป็นกองช่าง?" stored the owner as "กองช่าง?".
    run(app, "g", *PROFILE, FOUR, "ร่างจากที่มี", "ยืนยัน")
    run(app, "g", "ขอเปลี่ยนผู้รับผิดชอบแถว 2 เป็นกองช่าง?")
    run(app, "g", "แก้ผู้รับผิดชอบ\u200bแถว\u200b3 เป็น กองคลัง")  # zero-width spaces from a copy
    made = draft(app, "g")
    assert made is not None
    rows = {r.number: r for r in made.rows}
    assert rows[2].owners == ["กองช่าง"] and rows[3].owners == ["กองคลัง"]


def test_a_statement_asked_changes_nothing(app: App):
    run(app, "h", *PROFILE, FOUR, "ร่างจากที่มี", "ยืนยัน")
    before = draft(app, "h")
    run(app, "h", "แถว 2 ผู้รับผิดชอบเป็นกองช่าง?")
    after = draft(app, "h")
    assert before is not None and after is not None
    assert [r.owners for r in after.rows] == [r.owners for r in before.rows]


def test_every_row_of_an_indicator_named_by_its_topic(app: App):
    # "ทุกแถว" beside "ตัวชี้วัดเรื่อง…" was read as every row of the plan, or refused.
    run(app, "i", *PROFILE, FOUR, "ร่างจากที่มี", "ยืนยัน")
    run(app, "i", "ผู้รับผิดชอบทุกแถวของตัวชี้วัดเรื่องการเปิดเผยข้อมูล เป็นงานประชาสัมพันธ์")
    made = draft(app, "i")
    assert made is not None
    assert all((r.owners == ["งานประชาสัมพันธ์"]) == (r.indicator == 9) for r in made.rows)
