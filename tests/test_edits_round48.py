"""Families of officer phrasing behind the misses of dev rounds 47 and 48, as behaviour.

Each test names a family and holds variants written for it, not only the phrasing that showed the gap.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.dialogue.command_words import Command, is_confirm, is_keep, parse_command
from bot.drafting.edits import EditAction, parse_edit
from bot.ita.framework import load_framework

A = EditAction
KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge"


@pytest.fixture(scope="module")
def names() -> dict[str, int]:
    fw = load_framework(KNOWLEDGE)
    return {n: i.number for i in fw.indicators for n in (i.name, *i.variants)}


def _reads_as_confirm(text: str) -> bool:
    return parse_command(text) is None and parse_edit(text) is None and is_confirm(text)


@pytest.mark.parametrize(
    "text",
    [
        # what is confirmed named: the plan, the table, this version
        "ยืนยันแผนนี้ค่ะ",
        "ยืนยันตารางนี้ครับ",
        "ยืนยันแผนฉบับนี้ค่ะ ไม่มีแก้แล้ว",
        # approving, as a boss's word
        "อนุมัติตามนี้ครับ",
        "อนุมัติค่ะ",
        "เห็นชอบตามนี้ครับ",
        "approve ครับ",
        # checked first, then yes
        "เช็คแล้วค่ะ ถูกต้องทุกแถว ยืนยัน",
        "ตรวจแล้วครับ ถูกต้องทั้งหมด",
        "ดูครบแล้วค่ะ ยืนยัน",
        "ตรวจสอบเรียบร้อยแล้วค่ะ ยืนยันค่ะ",
        # nothing more to change, between yes words
        "โอเคค่ะ ไม่มีแก้แล้ว ยืนยันเลยค่ะ",
        "ตกลงครับ ไม่มีอะไรแก้แล้ว ยืนยันครับ",
        "ได้ครับ ไม่ต้องแก้แล้ว ตามนี้เลย",
        "ยืนยันแผนนี้ค่ะ ไม่มีอะไรแก้เพิ่มแล้ว",
    ],
)
def test_a_yes_in_many_registers_confirms(text):
    assert _reads_as_confirm(text)


@pytest.mark.parametrize(
    "text",
    [
        "โอเคค่ะ เดี๋ยวขอไปปรึกษาผู้อำนวยการก่อนนะคะ",
        "ตรวจแล้วค่ะ แต่แถว 3 ยังไม่ถูก",
        "ยังไม่ยืนยันนะคะ",
        "อนุมัติหรือยังคะ",
        "ยืนยันว่าต้องส่งแผนภายในวันไหนคะ",
        "เช็คแล้วค่ะ",
        "ไม่อนุมัติค่ะ",
    ],
)
def test_what_only_looks_like_a_yes_does_not_confirm(text):
    assert not is_confirm(text) or parse_command(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "คงไว้แบบเดิมค่ะ",
        "คงเดิมครับ",
        "เก็บแบบเดิมไว้ค่ะ ไม่ต้องเปลี่ยน",
        "เก็บอันเดิมไว้ครับ",
        "ยึดตามเดิมค่ะ",
        "ไม่เปลี่ยนนะคะ ใช้ของเก่า",
        "ใช้อันเก่าครับ",
        "เอาแบบเก่าไว้ค่ะ",
    ],
)
def test_keeping_what_was_there_keeps(text):
    assert parse_command(text) is None and parse_edit(text) is None and is_keep(text)


@pytest.mark.parametrize(
    "text",
    [
        "เอาคืนเหมือนก่อนแก้เมื่อกี้ค่ะ",
        "กลับไปเป็นแบบก่อนหน้านี้ค่ะ",
        "ขอคืนค่าก่อนหน้าครับ แก้พลาด",
        "ย้อนกลับให้เหมือนก่อนลบค่ะ",
        "เอากลับไปแบบเดิมครับ กดพลาด",
        "กลับไปเหมือนเดิมก่อนแก้ค่ะ",
    ],
)
def test_going_back_to_before_a_change_undoes(text):
    found = parse_command(text)
    assert found is not None and found[0] is Command.UNDO
