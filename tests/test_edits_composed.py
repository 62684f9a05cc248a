"""Edits composed from their parts, in every order officers use: the grammar must read each one.

A seeded sample of target forms x field words x request openers x verbs x connectives x particles
(and valueless verbs with greetings and thanks): each part is read by its own rule, so any
combination must come out as the one edit it says. Kept small here; the parts are the point.
"""

from __future__ import annotations

import random

import pytest

from bot.drafting.edits import EditAction, parse_edit, split_owners

TARGETS = (("แถว 4", "row"), ("แถวที่ 4", "row"), ("มาตรการที่ 4", "row"), ("แถว ๔", "row"), ("แถวที่สี่", "row"))
OPENERS = ("", "ขอ", "รบกวน", "ช่วย", "อยากให้", "ขอให้", "รบกวนช่วย")
VERBS = ("แก้", "เปลี่ยน", "แก้ไข", "ปรับ", "")
CONNECTIVES = ("เป็น", "ให้เป็น", ":", " = ")
PARTICLES = ("", "ค่ะ", "ครับ", "นะคะ", "ด้วยค่ะ", "หน่อยครับ", "ให้หน่อยนะคะ", "จ้า", " 🙏")
FIELDS = {
    EditAction.OWNERS: (("ผู้รับผิดชอบ", "หน่วยงานรับผิดชอบ", "คนรับผิดชอบ", "ผู้ดูแล"), "กองคลัง"),
    EditAction.KPI: (("ตัวชี้วัดความสำเร็จ", "KPI", "ค่าเป้าหมาย", "เป้าหมาย"), "ร้อยละ 80 ของบุคลากร"),
    EditAction.MEASURE: (("ชื่อมาตรการ", "มาตรการ"), "จัดทำคู่มือการปฏิบัติงาน"),
}


def _composed(seed: int, count: int) -> list[tuple[str, EditAction, str]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        target, _kind = rng.choice(TARGETS)
        action = rng.choice(list(FIELDS))
        words, value = FIELDS[action]
        field, opener, verb = rng.choice(words), rng.choice(OPENERS), rng.choice(VERBS)
        connective, particle = rng.choice(CONNECTIVES), rng.choice(PARTICLES)
        order = rng.randrange(3)
        text = (
            f"{opener}{verb}{field}{target} {connective}{value}{particle}"
            if order == 0
            else f"{target} {opener}{verb}{field}{connective}{value}{particle}"
            if order == 1
            else f"{field}{target} {opener}{verb}{connective}{value}{particle}"
        )
        out.append((" ".join(text.split()), action, value))
    return out


@pytest.mark.parametrize(("text", "action", "value"), _composed(20261202, 200))
def test_a_composed_edit_reads_as_its_parts_say(text, action, value):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.target, cmd.number) == (action, "row", 4)
    assert (split_owners(cmd.value) == [value]) if action is EditAction.OWNERS else cmd.value == value
