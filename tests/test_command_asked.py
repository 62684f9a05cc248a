"""Orders closed by "?", answers with their reason, and cells redone wholesale (issue 11, round 46)."""

from __future__ import annotations

import pytest

from bot.dialogue.command_words import Command, is_confirm, is_keep, parse_command
from bot.drafting.edits import EditAction, parse_edit


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("what can you do?", Command.HELP),
        ("มีคำสั่งอะไรบ้าง?", Command.HELP),
        ("ขอไฟล์ word ได้ไหมคะ?", Command.EXPORT),
        ("Could you send me the Excel file?", Command.EXPORT),
        ("ย้อนกลับได้ไหมคะ?", Command.UNDO),
        ("ขอแบบรายงาน 6 เดือนได้ไหมคะ?", Command.REPORT),
        ("เริ่มร่างได้เลยครับ ไม่มีคะแนนเพิ่มแล้ว", Command.DRAFT),
        # an order among courtesies and reasons
        ("ขอบคุณค่ะ ขอไฟล์ excel ด้วยนะคะ หัวหน้าอนุมัติแล้ว", Command.EXPORT),
        ("สวัสดีค่ะ ขอแบบรายงานรอบ 12 เดือนค่ะ ขอบคุณค่ะ หัวหน้าอนุมัติแล้ว", Command.REPORT),
        ("ขอดูข้อมูลหน่วยงานที่ตั้งไว้หน่อยค่ะ?", Command.PROFILE),
        ("ขอ\u200bไฟล์ word\u200b ค่ะ", Command.EXPORT),
    ],
)
def test_requests_are_orders(text: str, command: Command):
    found = parse_command(text)
    assert found is not None and found[0] is command


@pytest.mark.parametrize("text", ["ย้อนกลับ?", "ร่างใหม่?", "รายงาน?", "ทำไมต้องร่างใหม่?", "ร่างเลยค่ะ แถว 3 ยังไม่ดี"])
def test_a_bare_word_asked_or_a_remark_naming_rows_is_no_order(text: str):
    assert parse_command(text) is None


@pytest.mark.parametrize(
    ("text", "yes", "keep"),
    [
        ("ok ยืนยันค่ะ ข้อมูลถูกหมดแล้ว", True, False),
        ("ใช้ร่างนี้ได้เลยครับ ไม่แก้แล้ว", False, True),
        ("ไม่แก้แล้วครับ ใช้ตามนี้", False, True),
        ("ยืนยันค่ะ แต่ยังไม่ครบ", False, False),
        ("ยืนยันครับ ตัวชี้วัด 9 ผิด", False, False),
        ("โอเคครับ เข้าใจแล้ว", False, False),
        ("ขอบคุณครับ เรียบร้อยแล้ว", False, False),
    ],
)
def test_an_answer_beside_its_reason(text: str, yes: bool, keep: bool):
    assert (is_confirm(text), is_keep(text)) == (yes, keep)


@pytest.mark.parametrize(
    "text",
    [
        "ขั้นตอนแถว 1 เปลี่ยนใหม่หมดเป็น ทบทวนคู่มือ",
        "ขั้นตอนแถว 1 เอาใหม่หมดเลย เป็น ทบทวนคู่มือ",
        "ขั้นตอนแถว 1 เปลี่ยนหมดเป็น ทบทวนคู่มือ",
    ],
)
def test_a_cell_redone_wholesale(text: str):
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action is EditAction.STEPS and cmd.number == 1 and cmd.value == "ทบทวนคู่มือ"


def test_a_yes_with_its_go_ahead_and_a_reason_is_a_yes():
    text = "ตกลงค่ะ ร่างได้เลยค่ะ หัวหน้าอนุมัติแล้ว"
    assert parse_command(text) is None and is_confirm(text)


@pytest.mark.parametrize(
    ("text", "action", "value"),
    [
        ("ขอเปลี่ยนผู้รับผิดชอบแถว 3 เป็นกองช่าง?", EditAction.OWNERS, "กองช่าง"),
        ("ขอร่างแถว 5 ใหม่อีกรอบ?", EditAction.REDRAFT, ""),
        ("แก้ผู้รับผิดชอบ\u200bแถว\u200b3 เป็น กองคลัง", EditAction.OWNERS, "กองคลัง"),
    ],
)
def test_an_edit_asked_or_copied_with_zero_width_spaces(text: str, action: EditAction, value: str):
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action is action and cmd.value == value


@pytest.mark.parametrize("text", ["ขอถามว่าผู้รับผิดชอบแถว 3 เป็นกองช่างได้?", "ผู้รับผิดชอบแถว 3 เป็นกองช่าง?"])
def test_a_statement_asked_is_no_edit(text: str):
    assert parse_edit(text) is None


def test_a_place_beside_an_indicator_named_by_topic_is_its_rows():
    from pathlib import Path

    from bot.dialogue.understand import indicator_names
    from bot.ita.framework import load_framework

    names = indicator_names(load_framework(Path(__file__).resolve().parents[1] / "knowledge"))
    cmd = parse_edit("ลบทุกแถวของตัวชี้วัดเรื่องการเปิดเผยข้อมูล", names)
    assert cmd is not None and (cmd.action, cmd.target, cmd.number) == (EditAction.DELETE, "indicator", 9)
    cmd = parse_edit("ตัวชี้วัดเรื่องการใช้งบประมาณ ทุกแถว ระยะเวลาเป็นไตรมาส 4", names)
    assert cmd is not None and (cmd.target, cmd.number) == ("indicator", 2)
