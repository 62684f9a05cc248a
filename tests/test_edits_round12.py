"""Forms the fresh dev round edits12 showed, as general mechanisms, each in other words than the round's.

A field word is never read inside another word's syllable ("พัสดุและ" holds no "ดูแล"); a word that
qualifies the field ("หลัก", "เดิม") stands before the connective; a reason after the order may name what
it is compared with; "เขียนไว้ว่าไง" asks to see a row; a new row may bring its measure with no cell
named; a remark after a bare period is no part of it; keep said after "nothing to change"; help asked as
what the bot can do; a summary of a round is the report; a capture is the picture.
"""

from __future__ import annotations

import pytest

from bot.dialogue.command_words import Command, is_keep, parse_command
from bot.drafting.edits import EditAction, EditError, parse_edit, split_owners


def test_a_field_word_is_never_read_inside_a_syllable():
    cmd = parse_edit("O12 ให้งานพัสดุและการเงิน กับ กองคลัง ดูแลค่ะ")
    assert cmd is not None and cmd.action is EditAction.OWNERS and cmd.item == "O12"
    assert split_owners(cmd.value) == ["งานพัสดุและการเงิน", "กองคลัง"]


@pytest.mark.parametrize(
    ("text", "action", "value"),
    [
        ("แถว 6 มาตรการหลักขอเป็น จัดอบรมจริยธรรมประจำปี", EditAction.MEASURE, "จัดอบรมจริยธรรมประจำปี"),
        ("แถว 6 ขั้นตอนเดิมขอเปลี่ยนเป็น ประชุมคณะทำงานทุกเดือน", EditAction.STEPS, "ประชุมคณะทำงานทุกเดือน"),
    ],
)
def test_a_word_qualifying_the_field_before_the_connective(text, action, value):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.number, cmd.value) == (action, 6, value)


def test_a_reason_naming_what_it_repeats():
    cmd = parse_edit("ตัวชี้วัด 4 ร่างใหม่ครับ ของเดิมซ้ำกับตัวชี้วัด 2")
    assert cmd is not None and (cmd.action, cmd.target, cmd.number) == (EditAction.REDRAFT, "indicator", 4)


@pytest.mark.parametrize("text", ["แถว 8 เขียนไว้ว่ายังไงคะ", "ตัวชี้วัด 8 เขียนว่าไง"])
def test_what_a_row_says_is_shown(text):
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action is EditAction.SHOW and cmd.number == 8


def test_a_new_row_with_its_measure_and_no_cell_named():
    cmd = parse_edit("ข้อ O20 เพิ่มอีกแถว: จัดทำรายงานการใช้จ่ายงบประมาณรายไตรมาส")
    assert cmd is not None and (cmd.action, cmd.item) == (EditAction.ADD_ROW, "O20")
    assert cmd.value == "จัดทำรายงานการใช้จ่ายงบประมาณรายไตรมาส"
    with pytest.raises(EditError):  # a row number names no indicator to add a row for: asked
        parse_edit("แถว 4 เพิ่มอีกแถว: จัดอบรม")


def test_a_remark_after_a_bare_period_is_no_part_of_it():
    cmd = parse_edit("แถว 2 ทำภายในมีนา 69 ค่ะ ทันประเมินรอบหน้า")
    assert cmd is not None and cmd.action is EditAction.TIMELINE and cmd.number == 2
    assert "ทัน" not in cmd.value


@pytest.mark.parametrize("text", ["ไม่ต้องแก้ค่ะ ใช้อันเดิมไว้", "ไม่ต้องปรับครับ เอาของเดิม", "ใช้แบบเดิมไว้ก่อนครับ"])
def test_keep_after_nothing_to_change(text):
    assert is_keep(text)


@pytest.mark.parametrize(
    ("text", "command", "args"),
    [
        ("ระบบนี้ช่วยอะไรได้บ้างคะ", Command.HELP, ""),
        ("ช่วยด้วยครับ บอทนี้ทำอะไรได้บ้าง", Command.HELP, ""),
        ("สรุปผลรอบ 6 เดือนค่ะ", Command.REPORT, "6"),
        ("แคปเป็นรูปภาพส่งมาหน่อยค่ะ", Command.EXPORT, "png"),
    ],
)
def test_commands_said_in_other_words(text, command, args):
    assert parse_command(text) == (command, args)


def test_what_the_bot_can_do_about_a_row_is_no_help():
    assert parse_command("แถว 3 ทำอะไรได้บ้าง") is None
