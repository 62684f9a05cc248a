"""Forms the fresh dev round edits10 and the edit perturbation harness showed, as general mechanisms.

Each case is written in other words than the round's own messages: a reason after the value, the unit now
then the new one, a row pointed back to ("แถวดังกล่าว"), a memo's frame, emoji and greetings around an
order, the row on a line of its own, "ลำดับที่ N" and "ตชว.N" glued to a verb, a keep or a cancel with a
reason in a negation, and a delete by item code that takes out only the item's own rows.
"""

from __future__ import annotations

import pytest

from bot.dialogue.command_words import Command, is_confirm, is_keep, parse_command
from bot.drafting.edits import EditAction, EditError, apply_edit, parse_edit
from bot.ita.measures import AgencyProfile, Draft
from tests.test_edits import _row


@pytest.mark.parametrize(
    ("text", "action", "value"),
    [
        # a reason after the value is no part of it
        (
            "แถว 2 KPI เป็น มีผู้เข้าร่วมอบรมไม่น้อยกว่า 50 คน เพื่อให้นับได้ชัด",
            EditAction.KPI,
            "มีผู้เข้าร่วมอบรมไม่น้อยกว่า 50 คน",
        ),
        ("แถว 2 ผู้รับผิดชอบเป็นงานพัสดุ เนื่องจากเป็นงานจัดซื้อโดยตรง", EditAction.OWNERS, "งานพัสดุ"),
        ("แถว 2 ผู้รับผิดชอบเป็นกองช่าง เพื่อให้ตรงกับภารกิจ", EditAction.OWNERS, "กองช่าง"),
        (
            "แก้มาตรการแถว 2 เป็น ประชุมเพื่อสร้างความเข้าใจ เพราะของเดิมกว้างไป",
            EditAction.MEASURE,
            "ประชุมเพื่อสร้างความเข้าใจ",
        ),
        # ... but a measure's own purpose stays
        (
            "แก้มาตรการแถว 2 เป็น จัดอบรมเพื่อสร้างความรู้เรื่องผลประโยชน์ทับซ้อน",
            EditAction.MEASURE,
            "จัดอบรมเพื่อสร้างความรู้เรื่องผลประโยชน์ทับซ้อน",
        ),
        # the value now, then the new one: the new one is the value
        ("แถว 4 ตอนนี้เป็นกองคลัง ขอเปลี่ยนเป็นงานพัสดุค่ะ", EditAction.OWNERS, "งานพัสดุ"),
        ("แถว 4 ระยะเวลาตอนนี้เป็นทั้งปี ขอเปลี่ยนเป็น ม.ค. - มี.ค. 69", EditAction.TIMELINE, "ม.ค. - มี.ค. 69"),
        # decoration and layout
        ("✏️ แถว 4 ผู้รับผิดชอบ กองคลัง 🙏", EditAction.OWNERS, "กองคลัง"),
        ("แถว 4\nเพิ่มขั้นตอน ประชุมชี้แจงบุคลากร", EditAction.ADD_STEP, "ประชุมชี้แจงบุคลากร"),
        ("ลำดับที่ 4 เพิ่มขั้นตอน จัดทำรายงานผลการดำเนินงาน", EditAction.ADD_STEP, "จัดทำรายงานผลการดำเนินงาน"),
    ],
)
def test_the_value_is_what_the_officer_set_and_nothing_around_it(text, action, value):
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action is action and cmd.target == "row"
    assert cmd.number == int(text.split("แถว ", 1)[1][0] if "แถว " in text else text.split("ที่ ", 1)[1][0])
    assert cmd.value == value


@pytest.mark.parametrize(
    ("text", "action", "target", "number"),
    [
        (
            "เรียน เจ้าหน้าที่\nเรื่อง ขอปรับแผน\nเนื่องจากมาตรการในแถวที่ 5 ทำไปแล้วในปีนี้ จึงขอให้ลบแถวดังกล่าวค่ะ\nจึงเรียนมาเพื่อโปรดทราบ",
            EditAction.DELETE,
            "row",
            5,
        ),
        ("ตัวชี้วัดที่ 8 ยังไม่มีในแผน ขอให้เพิ่มแถวของตัวชี้วัดนี้ด้วยครับ", EditAction.ADD_ROW, "indicator", 8),
        ("ไม่เอาตชว.6 แล้วครับ", EditAction.DELETE, "indicator", 6),
        ("ขอเพิ่มตชว.7 เข้าไปด้วยค่ะ", EditAction.ADD_ROW, "indicator", 7),
        ("แถว 5 ร่างใหม่ได้ไหมคะ อยากได้แบบที่ทำได้จริงในหน่วยงานเล็ก", EditAction.REDRAFT, "row", 5),
    ],
)
def test_rows_named_back_or_beside_a_verb_are_the_rows_meant(text, action, target, number):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.target, cmd.number) == (action, target, number)


@pytest.mark.parametrize(
    "text",
    [
        "แถว 5 ลบได้ไหม ผอ. ถามมา",  # a question someone asked, not an order
        "แถว 3 ดีแล้ว แถวนี้ไม่ต้องแก้",  # pointing back in a remark that changes nothing
        "เอาข้อ O12 ออกจากขั้นตอนแถว 3 ได้ไหม",
    ],
)
def test_questions_and_remarks_stay_out(text):
    assert parse_edit(text) is None


def test_a_delete_by_item_code_takes_out_only_the_items_own_rows():
    profile = AgencyProfile(
        name="อบต.นาดี", type="x", units=["สำนักปลัด"], assessment_year=2568, fiscal_year=2569
    )
    rows = [
        _row(9, items=["O12", "O13"], topic="ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"),
        _row(9, items=["O12"], topic="ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล – ข้อ O12"),
        _row(10),
    ]
    draft = Draft(agency=profile, assessment_year=2568, fiscal_year=2569, rows=rows)
    cmd = parse_edit("เอาข้อ O12 ออกจากแผนค่ะ ข้อนี้ผ่านแล้ว")
    assert cmd is not None and (cmd.action, cmd.target, cmd.item) == (EditAction.DELETE, "item", "O12")
    new, _text = apply_edit(draft, cmd)
    assert [r.topic for r in new.rows] == ["ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", rows[2].topic]
    with pytest.raises(EditError, match="O13"):  # listed in its indicator's row only: no row of its own
        apply_edit(draft, parse_edit("ลบข้อ O13"))


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("ใช้อันเดิมค่ะ ไม่ต้องแก้", "keep"),
        ("เอาแบบเดิมครับ ไม่เปลี่ยนแล้ว", "keep"),
        ("สวัสดีค่ะ\nยืนยันค่ะ", "confirm"),
        ("ยกเลิกครับ ไม่ร่างแล้ว", Command.CANCEL),
        ("รบกวนค่ะ มีไฟล์ word ไหมคะ", Command.EXPORT),
        ("มีแบบรายงาน ๑๒ เดือนไหมคะ", Command.REPORT),
        ("ช่วยเหลือ ค่ะ", Command.HELP),
    ],
)
def test_answers_and_commands_with_a_reason_a_greeting_or_thai_digits(text, command):
    if command == "keep":
        assert is_keep(text) and parse_edit(text) is None
    elif command == "confirm":
        assert is_confirm(text)
    else:
        found = parse_command(text)
        assert found is not None and found[0] is command
        if command is Command.REPORT:
            assert found[1] == "12"
