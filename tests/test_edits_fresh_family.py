"""What the fresh perturbation family (benchmarks/edits_perturb_fresh.py) showed, as general mechanisms.

Each case is typed in other words than the benchmark's messages: chat particles drawn out, "ตัด" for
"ลบ", "เปลี่ยนแปลง" and "ปรับแก้" for "เปลี่ยน" and "แก้", "เปิดดู" for "ดู", a row number in words beside
words that name a command, a particle or "ตรง" beside the row, a long step word before a step's number,
a greeting glued to the request. Each would have been refused, or read as another command, before.
"""

from __future__ import annotations

import pytest

from bot.dialogue.command_words import Command, is_confirm, parse_command
from bot.drafting.edit_text import strip_polite, tidy_thai
from bot.drafting.edits import EditAction, parse_edit


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("แถว 2 ค่าาา", "แถว 2 ค่ะ"),
        ("กองช่างคร้าบบบ", "กองช่างคร้าบ"),
        ("ลบได้เลยน้าาา", "ลบได้เลยนะ"),
        ("ขอบคุณคับบ", "ขอบคุณครับ"),
        # a word that ends as a particle does is left alone, drawn out or not
        ("ประกาศให้ทราบล่วงหน้า", "ประกาศให้ทราบล่วงหน้า"),
        ("มูลค่า", "มูลค่า"),
    ],
)
def test_a_drawn_out_particle_is_read_as_the_particle(typed, read):
    assert tidy_thai(typed) == read


def test_a_value_ending_like_a_particle_keeps_its_end():
    cmd = parse_edit("แถว 6 มาตรการ: แจ้งกำหนดการประชุมให้ทราบล่วงหน้า")
    assert cmd is not None and cmd.value == "แจ้งกำหนดการประชุมให้ทราบล่วงหน้า"
    assert strip_polite("แจ้งล่วงหน้า") == "แจ้งล่วงหน้า"


@pytest.mark.parametrize(
    ("text", "action", "value"),
    [
        ("แถว 7 ผู้รับผิดชอบเป็นกองสาธารณสุข ค่าาา", EditAction.OWNERS, "กองสาธารณสุข"),
        ("แถว 7 ให้จบไตรมาส 2 คร้าบบ", EditAction.TIMELINE, "ไตรมาส 2"),
        ("แถว 7 ขั้นตอนเพิ่ม ประชุมคณะกรรมการ น้าาา", EditAction.ADD_STEP, "ประชุมคณะกรรมการ"),
    ],
)
def test_an_edit_closed_by_a_drawn_out_particle(text, action, value):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.target, cmd.number) == (action, "row", 7)
    assert cmd.value == value


@pytest.mark.parametrize("text", ["ยืนยันค่าาา", "ยืนยันคับ", "ยืนยันค่ะ ไม่มีปรับแก้"])
def test_chat_endings_on_a_confirmation(text):
    assert is_confirm(text)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("ตัดแถว 7 ค่ะ", 7),
        ("แถว 9 ตัดได้เลยครับ", 9),
        ("รบกวนตัดแถวที่แปดให้หน่อยนะคะ", 8),
    ],
)
def test_cut_takes_a_row_out(text, numbers):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.target, cmd.number) == (EditAction.DELETE, "row", numbers)


def test_cut_takes_one_step_out_and_never_cuts_a_budget():
    cmd = parse_edit("ตัดขั้นตอนที่ 2 ของแถว 6")
    assert cmd is not None and (cmd.action, cmd.number, cmd.value) == (EditAction.REMOVE_STEP, 6, "2")
    cmd = parse_edit("ตัดขั้นตอนการดำเนินงานที่ 4 แถว 6")
    assert cmd is not None and (cmd.action, cmd.number, cmd.value) == (EditAction.REMOVE_STEP, 6, "4")
    assert parse_edit("แถว 6 ตัดงบ") is None


@pytest.mark.parametrize(
    "text", ["ยกเลิกการปรับแก้ล่าสุดครับ", "ย้อนกลับไปก่อนตัดแถวค่ะ", "เอาคืนครับ ตัดผิด", "ยกเลิกที่ตัดไปเมื่อกี้"]
)
def test_undo_said_with_the_other_verbs(text):
    assert parse_command(text) == (Command.UNDO, "")


@pytest.mark.parametrize(
    ("text", "action", "value"),
    [
        ("ผู้รับผิดชอบแถว 4 เปลี่ยนแปลงจากกองช่างเป็นกองคลัง", EditAction.OWNERS, "กองคลัง"),
        ("มาตรการแถว 4 กว้างไป ขอปรับแก้เป็น จัดทำคู่มือการยืมพัสดุ", EditAction.MEASURE, "จัดทำคู่มือการยืมพัสดุ"),
        ("แถว 4 ขอปรับแก้ชื่อเป็น โครงการโรงเรียนสุจริต", EditAction.MEASURE, "โครงการโรงเรียนสุจริต"),
    ],
)
def test_change_said_with_the_longer_verbs(text, action, value):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.number, cmd.value) == (action, 4, value)


def test_open_and_look():
    assert parse_command("ขอเปิดดูเมนูหน่อยครับ") == (Command.HELP, "")
    cmd = parse_edit("ขอเปิดดูแถว 3 หน่อยค่ะ")
    assert cmd is not None and (cmd.action, cmd.number) == (EditAction.SHOW, 3)


@pytest.mark.parametrize(
    ("text", "action", "number"),
    [
        # "หก" beside "รายงาน" is row six, not the six-month report
        ("แถวที่หก เพิ่มขั้นตอน จัดทำรายงานผลต่อผู้บริหาร", EditAction.ADD_STEP, 6),
        # "ร่างให้" beside a row in words redrafts that row, not the whole plan
        ("แถวที่สาม ยังไม่ตรง ร่างให้ใหม่ค่ะ", EditAction.REDRAFT, 3),
        ("แถวว 5 เพิ่มขั้นตอน สรุปรายงานผลทุก 6 เดือน", EditAction.ADD_STEP, 5),
    ],
)
def test_a_row_named_in_words_is_an_edit_not_a_command(text, action, number):
    assert parse_command(text) is None
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.target, cmd.number) == (action, "row", number)


@pytest.mark.parametrize(
    ("text", "action", "number"),
    [
        ("แถว 3 ค่ะ ทำช่วงไตรมาส 2", EditAction.TIMELINE, 3),
        ("แถว 3 นะครับ ไม่ต้องแล้ว", EditAction.DELETE, 3),
        ("ลบขั้นตอนที่ 1 ตรงแถว 3 ค่ะ", EditAction.REMOVE_STEP, 3),
        ("ให้เสร็จภายใน มี.ค. 69 ตรงแถว 3", EditAction.TIMELINE, 3),
        ("สวัสดีค่ะรบกวนลบแถว 3 ค่ะ", EditAction.DELETE, 3),
    ],
)
def test_words_around_the_row(text, action, number):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.target, cmd.number) == (action, "row", number)


def test_at_the_row_is_no_owner():
    cmd = parse_edit("ผู้รับผิดชอบ\nตรงแถว 3 งานพัสดุ")
    assert cmd is not None and (cmd.action, cmd.number, cmd.value) == (EditAction.OWNERS, 3, "งานพัสดุ")
