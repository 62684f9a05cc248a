"""The conventions added for the later rounds of officer messages (benchmarks/edit_messages.yaml, round >= 1).

Each test states one convention with phrasings other than the benchmark's, and the applying tests
check the rows that must not change too.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from bot.dialogue.command_words import Command, parse_command
from bot.dialogue.files import _kinds
from bot.dialogue.understand import Kind, indicator_names, small_talk, understand
from bot.drafting.edits import (
    EditAction,
    EditError,
    apply,
    command_period,
    number_rows,
    parse_edit,
    split_owners,
)
from bot.ita.framework import load_framework
from bot.ita.measures import AgencyProfile, Draft, MeasureRow, Source

A = EditAction
FW = load_framework(Path(__file__).resolve().parents[1] / "knowledge")
NAMES = indicator_names(FW)


def _row(indicator: int, **extra) -> MeasureRow:
    base = dict(
        indicator=indicator,
        score=80.0,
        tier="แก้ไขเร่งด่วน",
        analysis="คะแนนต่ำ",
        measure=f"มาตรการตัวชี้วัด {indicator} รายไตรมาส",
        steps=["1. แต่งตั้งคณะทำงาน (สำนักปลัด)", "2. รายงานผลต่อนายกทุกไตรมาส"],
        owners=["สำนักปลัด", "กองคลัง"],
        timeline="ต.ค. 68 – ก.ย. 69",
        start_month="2025-10",
        end_month="2026-09",
        monitoring="ติดตามรายไตรมาส",
        reporting="รายงานรอบ 6 และ 12 เดือน",
        kpi="ร้อยละ 100",
        sources=[Source(source="seed 001", text="ตัวอย่าง")],
    )
    base.update(extra)
    return MeasureRow(**base)


@pytest.fixture
def draft() -> Draft:
    profile = AgencyProfile(
        name="เทศบาลตำบลนาดี", units=["สำนักปลัด", "กองคลัง"], assessment_year=2568, fiscal_year=2569
    )
    rows = [_row(2), _row(9), _row(9, items=["O12"]), _row(10)]
    return number_rows(Draft(agency=profile, rows=rows, fiscal_year=2569))


def _read(text: str):
    cmd = parse_edit(text, NAMES)
    assert cmd is not None, text
    return cmd.action, cmd.target, cmd.item if cmd.target == "item" else cmd.number, cmd.value


# ---------------------------------------------------------------- which rows
@pytest.mark.parametrize(
    "text, target, number",
    [
        ("ข้อ O13 ระยะเวลา ม.ค. 69 - มี.ค. 69", "item", "O13"),
        ("ขั้นตอนของข้อ I4 เปลี่ยนเป็น จัดอบรม", "item", "I4"),
        ("อันสุดท้าย KPI เป็น ร้อยละ 90", "last", 0),
        ("แถวบนสุด ผู้รับผิดชอบเป็นกองช่าง", "first", 0),
        ("ตัวชี้วัดเรื่องการป้องกันการทุจริต ผู้รับผิดชอบเป็นสำนักปลัด", "indicator", 10),
        ("มาตรการด้านการสื่อสาร ผู้รับผิดชอบเป็นงานประชาสัมพันธ์", "indicator", 7),
        ("แถ 4 ผู้รับผิดชอบเป็นกองช่าง", "row", 4),
        ("แถวที 6 ผู้รับผิดชอบเป็นกองช่าง", "row", 6),
    ],
)
def test_rows_named_by_item_place_name_or_a_slip(text, target, number):
    _action, got_target, got_number, _value = _read(text)
    assert (got_target, got_number) == (target, number)


@pytest.mark.parametrize(
    "text",
    [
        "เพิ่มขั้นตอน: เผยแพร่ข้อมูลข้อ O12 บนเว็บไซต์",  # an item inside the value names no row
        "แก้มาตรการ เป็น ส่งเสริมการใช้งบประมาณอย่างโปร่งใส",  # an indicator's name inside the value
    ],
)
def test_an_item_or_a_name_inside_the_value_is_not_the_target(text):
    try:
        cmd = parse_edit(text, NAMES)
    except EditError:
        return  # asked back: fine
    assert cmd is None


def test_first_and_last_are_the_rows_as_shown_now(draft):
    gone = apply(draft, parse_edit("ลบแถว 4")).draft
    done = apply(gone, parse_edit("แถวสุดท้าย ผู้รับผิดชอบเป็นกองช่าง"))
    assert done.numbers == [3]
    assert done.draft.rows[-1].owners == ["กองช่าง"]
    assert [r.owners for r in done.draft.rows[:2]] == [r.owners for r in gone.rows[:2]]
    first = apply(done.draft, parse_edit("ลบอันแรก"))
    assert [r.number for r in first.draft.rows] == [2, 3]


def test_an_indicator_name_edits_every_row_of_that_indicator_only(draft):
    done = apply(draft, parse_edit("มาตรการเรื่องการเปิดเผยข้อมูล ให้งานประชาสัมพันธ์รับผิดชอบ", NAMES))
    assert done.numbers == [2, 3]
    assert [r.owners for r in done.draft.rows] == [
        ["สำนักปลัด", "กองคลัง"],
        ["งานประชาสัมพันธ์"],
        ["งานประชาสัมพันธ์"],
        ["สำนักปลัด", "กองคลัง"],
    ]


# ---------------------------------------------------------------- timelines
@pytest.mark.parametrize(
    "text, label",
    [
        ("แถว 2 ให้เสร็จภายในไตรมาสที่ 3", "ต.ค. 68 – มิ.ย. 69"),
        ("แถว 2 ระยะเวลา ไตรมาส 2 ถึง ไตรมาส 3", "ม.ค. – มิ.ย. 69"),
        ("แถว 2 ระยะเวลา Q4", "ก.ค. – ก.ย. 69"),
        ("แถว 2 ให้จบภายในไตรมาสสุดท้าย", "ต.ค. 68 – ก.ย. 69"),
        ("แถว 2 ม.ค. 69 - เม.ย. 69", "ม.ค. – เม.ย. 69"),  # a period with no field word
        ("แถว 2 ดำเนินการตั้งแต่ ก.พ. 69 ถึง พ.ค. 69", "ก.พ. – พ.ค. 69"),
    ],
)
def test_quarters_and_bare_periods(text, label):
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action is A.TIMELINE
    assert command_period(cmd, 2569).label == label


def test_a_quarter_backwards_is_asked_again():
    cmd = parse_edit("แถว 2 ระยะเวลา ไตรมาส 3-1")
    with pytest.raises(EditError):
        command_period(cmd, 2569)


# ---------------------------------------------------------------- owners: add, take out, share
@pytest.mark.parametrize(
    "text, action, value",
    [
        ("แถว 3 ขอเพิ่มสำนักปลัดเป็นผู้รับผิดชอบด้วยค่ะ", A.ADD_OWNER, "สำนักปลัด"),
        ("แถว 3 เพิ่มผู้รับผิดชอบ งานพัสดุ", A.ADD_OWNER, "งานพัสดุ"),
        ("ตัดกองช่างออกจากแถว 3", A.REMOVE_OWNER, "กองช่าง"),
        ("แถว 3 ผู้รับผิดชอบไม่เอางานพัสดุ", A.REMOVE_OWNER, "งานพัสดุ"),
    ],
)
def test_an_owner_added_or_taken_out(text, action, value):
    got_action, target, number, got_value = _read(text)
    assert (got_action, target, number, got_value) == (action, "row", 3, value)


def test_a_task_is_not_an_owner_without_an_owner_word():
    cmd = parse_edit("แถว 3 เพิ่มงานประชาสัมพันธ์ออนไลน์")
    assert cmd is None or cmd.action is not A.ADD_OWNER


def test_taking_an_owner_out_never_deletes_the_row(draft):
    done = apply(draft, parse_edit("เอากองคลังออกจากแถว 2"))
    assert len(done.draft.rows) == 4
    assert done.draft.rows[1].owners == ["สำนักปลัด"]
    assert done.draft.rows[0].owners == ["สำนักปลัด", "กองคลัง"]
    added = apply(done.draft, parse_edit("แถว 2 เพิ่มกองช่างด้วย"))
    assert added.draft.rows[1].owners == ["สำนักปลัด", "กองช่าง"]


def test_an_owner_not_listed_or_the_last_owner_is_asked_about(draft):
    with pytest.raises(EditError, match="กองช่าง"):
        apply(draft, parse_edit("เอากองช่างออกจากผู้รับผิดชอบแถว 2"))
    one = apply(draft, parse_edit("เอากองคลังออกจากแถว 2")).draft
    with pytest.raises(EditError):
        apply(one, parse_edit("เอาสำนักปลัดออกจากแถว 2"))


@pytest.mark.parametrize(
    "value, owners",
    [
        ("กองคลังและกองช่าง", ["กองคลัง", "กองช่าง"]),
        ("สำนักปลัดกับงานพัสดุ", ["สำนักปลัด", "งานพัสดุ"]),
        ("กองยุทธศาสตร์และงบประมาณ", ["กองยุทธศาสตร์และงบประมาณ"]),
    ],
)
def test_owners_joined_without_spaces(value, owners):
    assert split_owners(value) == owners


def test_how_owners_share_the_work_is_not_a_name():
    assert _read("แถว 2 ให้กองช่างรับผิดชอบแทน")[3] == "กองช่าง"


# ---------------------------------------------------------------- a word replaced
def test_a_word_replaced_in_the_rows_text_only(draft):
    cmd = parse_edit('แถว 2 แทนที่คำว่า "นายก" ด้วย "ปลัด"')
    assert (cmd.action, cmd.value) == (A.REPLACE, "นายก → ปลัด")
    done = apply(draft, cmd)
    assert done.draft.rows[1].steps[1] == "2. รายงานผลต่อปลัดทุกไตรมาส"
    assert done.draft.rows[0].steps == draft.rows[0].steps


def test_a_word_not_in_the_row_is_asked_about(draft):
    with pytest.raises(EditError, match="งบประมาณ"):
        apply(draft, parse_edit("แถว 2 เปลี่ยนคำว่า งบประมาณ เป็น เงินงบประมาณ"))


# ---------------------------------------------------------------- delete, KPI
@pytest.mark.parametrize("text", ["แถว 4 ไม่เอาแล้วครับ", "ตัวชี้วัด 9 ไม่ต้องมีแล้ว", "แถวสุดท้ายไม่ต้องแล้วค่ะ"])
def test_not_wanted_after_a_row_deletes_it(text):
    assert parse_edit(text).action is A.DELETE


@pytest.mark.parametrize("text", ["ไม่ต้องลบแถว 4", "แถว 4 ไม่ต้องแก้แล้ว", "ไม่เอาแบบนี้ แถว 3", "แถว 2 ไม่เอากองคลัง"])
def test_not_wanted_before_a_verb_or_a_name_never_deletes(text):
    cmd = parse_edit(text)
    assert cmd is None or cmd.action is not A.DELETE


def test_a_measurable_kpi_needs_no_connective():
    assert _read("แถว 2 ตัวชี้วัดความสำเร็จ อย่างน้อย 2 ครั้งต่อปี") == (A.KPI, "row", 2, "อย่างน้อย 2 ครั้งต่อปี")


# ---------------------------------------------------------------- commands
@pytest.mark.parametrize(
    "text, command, kinds",
    [
        ("ขอไฟล์ excel ค่ะ เพื่อใช้ประกอบการประชุมพรุ่งนี้", Command.EXPORT, ("xlsx",)),
        ("ช่วยทำไฟล์ word ให้หน่อย จะเอาไปให้ปลัดดู", Command.EXPORT, ("docx",)),
        ("ขอไฟล์ word ไม่เอา excel นะคะ", Command.EXPORT, ("docx",)),
        ("ขอไฟล์ เอกเซล", Command.EXPORT, ("xlsx",)),
    ],
)
def test_export_in_long_polite_prose(text, command, kinds):
    found = parse_command(text)
    assert found is not None and found[0] is command
    assert _kinds(found[1]) == kinds


@pytest.mark.parametrize("text", ["undo ครับ พิมพ์ผิด", "ย้อนกลับค่ะ ลบผิดแถว"])
def test_undo_with_its_reason(text):
    assert parse_command(text) == (Command.UNDO, "")


@pytest.mark.parametrize("text", ["ไม่เอา word", "ไม่ต้องส่งไฟล์นะคะ"])
def test_a_refused_file_alone_is_not_an_order(text):
    assert parse_command(text) is None


# ---------------------------------------------------------------- kinds
@pytest.mark.parametrize(
    "text, kind",
    [
        ("ควรใช้แบบเอกสารแบบไหนครับ", Kind.QUESTION),
        ("งานนี้ให้ฝ่ายไหนดี", Kind.QUESTION),
        ("please help me choose a layout", Kind.QUESTION),
        ("เดี๋ยวเอาไปปรับอีกทีค่ะ ขอบคุณมากนะคะ 🙏", Kind.SMALL_TALK),
        ("รับทราบครับ เดี๋ยวส่งให้หัวหน้าดูก่อน", Kind.SMALL_TALK),
    ],
)
def test_message_kinds_after_the_draft(text, kind):
    assert understand(text, FW, drafted=True, state="drafted").kind is kind


def test_an_acknowledgement_that_also_confirms_still_confirms():
    assert small_talk("โอเคค่ะ ถูกต้อง") == ""
    assert understand("โอเคค่ะ ถูกต้อง", FW, drafted=False, state="confirm").kind is Kind.ANSWER


# ---------------------------------------------------------------- round 2
@pytest.mark.parametrize(
    "text, target, number",
    [
        ("ลบแถวที่สิบสอง", "row", 12),
        ("ขอดูตัวชี้วัดที่สี่", "indicator", 4),
        ("แถว: 7\nมาตรการ: จัดอบรม", "row", 7),
        ("ทุกแถว KPI เป็น ร้อยละ 100", "all", 0),
    ],
)
def test_number_words_labels_and_every_row(text, target, number):
    cmd = parse_edit(text)
    assert (cmd.target, cmd.number) == (target, number)


def test_a_number_word_is_not_read_inside_other_words():
    assert parse_edit("แถวสามารถแก้ได้ทุกแถว") is None


def test_every_row_is_never_deleted_by_one_verb():
    assert parse_edit("ลบทุกแถว") is None


@pytest.mark.parametrize("text", ["ลบทุกแถว ยกเว้นแถว 3", "แก้ผู้รับผิดชอบเป็นกองคลังทุกแถว ยกเว้นแถว 2"])
def test_an_exception_is_asked_back_never_applied(text):
    with pytest.raises(EditError):
        parse_edit(text)


def test_every_row_changes_every_row(draft):
    done = apply(draft, parse_edit("ผู้รับผิดชอบทุกมาตรการเป็นกองคลัง"))
    assert [r.owners for r in done.draft.rows] == [["กองคลัง"]] * 4


@pytest.mark.parametrize(
    "text, value",
    [
        ("ขั้นตอนที่ 1 แถว 2 เป็น ประชุมชี้แจง", "1: ประชุมชี้แจง"),
        ("แถว 2 แก้ขั้นตอนที่สอง เป็น รายงานปลัด", "2: รายงานปลัด"),
    ],
)
def test_one_step_by_its_number(text, value):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.value) == (A.EDIT_STEP, value)


def test_one_step_rewritten_or_removed_keeps_the_numbering(draft):
    done = apply(draft, parse_edit("แถว 2 ขั้นตอนที่ 2 เป็น 2. รายงานปลัด"))
    assert done.draft.rows[1].steps == ["1. แต่งตั้งคณะทำงาน (สำนักปลัด)", "2. รายงานปลัด"]
    gone = apply(draft, parse_edit("ลบขั้นตอนที่ 1 ของแถว 2"))
    assert gone.draft.rows[1].steps == ["1. รายงานผลต่อนายกทุกไตรมาส"]
    assert gone.draft.rows[0].steps == draft.rows[0].steps
    with pytest.raises(EditError):
        apply(draft, parse_edit("ลบขั้นตอนที่ 5 แถว 2"))


@pytest.mark.parametrize(
    "text, label",
    [
        ("แถว 2 เริ่มดำเนินการ เม.ย. 69", "เม.ย. – ก.ย. 69"),
        ("แถว 2 ระยะเวลาตั้งแต่ ก.พ. 69", "ก.พ. – ก.ย. 69"),
    ],
)
def test_a_start_alone_runs_to_the_end_of_the_fiscal_year(text, label):
    assert command_period(parse_edit(text), 2569).label == label


@pytest.mark.parametrize(
    "text, value",
    [
        ("แถว 3 ผู้รับผิดชอบ เปลี่ยนจาก กองช่าง เป็น กองคลัง", "กองคลัง"),
        ("KPI แถว 2 ไม่ชัด ขอแก้เป็น ร้อยละ 90", "ร้อยละ 90"),
    ],
)
def test_a_remark_or_the_old_value_before_the_change(text, value):
    assert parse_edit(text).value == value


@pytest.mark.parametrize("text", ["ยกเลิกแถว 4 ค่ะ", "ขอยกเลิกมาตรการตัวชี้วัด 9"])
def test_cancelling_a_measure_deletes_it(text):
    assert parse_edit(text).action is A.DELETE


def test_a_request_to_look_at_something_is_a_question_not_a_show():
    assert understand("ช่วยดูว่าแถว 2 ผู้รับผิดชอบถูกไหม", FW, drafted=True, state="drafted").kind is Kind.QUESTION


@pytest.mark.parametrize(
    "text, command",
    [
        ("ส่งไฟล์ word อีกครั้งครับ", Command.EXPORT),
        ("ร่างมาตรการอีกรอบ", Command.DRAFT),
        ("ขอแบบรายงานความก้าวหน้ารอบ 12 เดือน", Command.REPORT),
        ("ย้อนกลับเป็นแบบเดิม", Command.UNDO),
    ],
)
def test_again_and_progress_wording(text, command):
    assert parse_command(text)[0] is command


@pytest.mark.parametrize(
    "text, kind, state",
    [
        ("ตารางนี้ละเอียดดีค่ะ", Kind.SMALL_TALK, "drafted"),
        ("ขอปรึกษาเรื่องตัวชี้วัดที่ 5 ค่ะ", Kind.QUESTION, "drafted"),
        ("เทศบาลตำบลบ้านสวย", Kind.ANSWER, "profile_name"),
    ],
)
def test_praise_and_consulting(text, kind, state):
    assert understand(text, FW, drafted=state == "drafted", state=state).kind is kind


# ---------------------------------------------------------------- round 3
@pytest.mark.parametrize(
    "text, action, target, number",
    [
        ("ตชว.7 ระยะเวลา ม.ค. 69 - มี.ค. 69", A.TIMELINE, "indicator", 7),
        ("ขอดู ตชว. 2", A.SHOW, "indicator", 2),
        ("ตัวชี้วัดของแถว 5 ขอเป็น ร้อยละ 95", A.KPI, "row", 5),
        ("แถว 2 ให้กองคลังเป็นเจ้าภาพหลัก", A.OWNERS, "row", 2),
        ("หน่วยงานหลักของแถว 2 : กองช่าง", A.OWNERS, "row", 2),
        ("ลำดับที่ 6 ยังไม่ชัด ขอร่างใหม่", A.REDRAFT, "row", 6),
        ("แถว 8 ปัจจุบันเขียนว่าอะไรบ้าง", A.SHOW, "row", 8),
    ],
)
def test_abbreviations_host_units_kpi_column_and_remarks(text, action, target, number):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.target, cmd.number) == (action, target, number)


def test_a_numbered_indicator_is_never_the_kpi_column():
    cmd = parse_edit("ตัวชี้วัดที่ 9 ผู้รับผิดชอบเป็นกองคลัง")
    assert (cmd.action, cmd.target, cmd.number) == (A.OWNERS, "indicator", 9)


@pytest.mark.parametrize("text", ["แถว 5 ควรเขียนว่าอะไร", "แถว 2 ยังไม่ต้องแก้นะ"])
def test_advice_and_holding_back_are_not_edits(text):
    cmd = parse_edit(text)
    assert cmd is None


@pytest.mark.parametrize(
    "text, label",
    [
        ("แถว 2 ระยะเวลา ครึ่งปีแรก", "ต.ค. 68 – มี.ค. 69"),
        ("แถว 2 ดำเนินการ 6 เดือนหลัง", "เม.ย. – ก.ย. 69"),
        ("แถว 2 ให้เสร็จภายในปีงบ 69", "ต.ค. 68 – ก.ย. 69"),
        ("แถว 2 ระยะเวลา จาก ม.ค. 69 เป็น ก.พ. 69 - เม.ย. 69", "ก.พ. – เม.ย. 69"),
    ],
)
def test_halves_and_the_whole_fiscal_year(text, label):
    assert command_period(parse_edit(text), 2569).label == label


def test_another_fiscal_year_is_refused():
    with pytest.raises(EditError):
        command_period(parse_edit("แถว 2 ให้เสร็จภายในปีงบประมาณ 2570"), 2569)


def test_arrow_and_thai_quotes_open_a_value():
    assert parse_edit("แถว 3 KPI => ร้อยละ 90").value == "ร้อยละ 90"
    assert parse_edit("แก้มาตรการแถว 3 เป็น “อบรมจริยธรรม”").value == "อบรมจริยธรรม"


@pytest.mark.parametrize(
    "text, command",
    [("ส่งไฟล์ที่แก้ไขแล้วมาด้วยค่ะ", Command.EXPORT), ("ขอแบบติดตามผล 12 เดือน", Command.REPORT)],
)
def test_edited_files_and_follow_up_forms(text, command):
    assert parse_command(text)[0] is command


@pytest.mark.parametrize("text", ["ลบได้จริงเหรอคะ", "แบบนี้โอเคป่ะ", "ส่งวันนี้ทันมั้ยคะ"])
def test_spoken_question_endings(text):
    assert understand(text, FW, drafted=True, state="drafted").kind is Kind.QUESTION


# ---------------------------------------------------------------- never the wrong rows
@pytest.mark.parametrize("text", ["ลบขั้นตอนแถว 2", "ลบผู้รับผิดชอบแถว 2", "ลบ KPI แถว 3 ค่ะ", "ลบระยะเวลาแถว 4"])
def test_deleting_a_cell_word_and_a_row_asks_which(text):
    with pytest.raises(EditError, match="ลบทั้ง"):
        parse_edit(text)


def test_a_delete_word_inside_a_value_does_not_ask():
    cmd = parse_edit("แก้ขั้นตอนแถว 2 เป็น ตัดสินใจร่วมกันก่อนออกประกาศ")
    assert cmd.action is A.STEPS


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัดที่ 9 และ 10 ผู้รับผิดชอบเป็นกองคลัง",
        "ข้อ O12, O13 ผู้รับผิดชอบเป็นงานพัสดุ",
        "แถวแรกกับแถวสุดท้าย ผู้รับผิดชอบเป็นกองคลัง",
        "ลบแถวแรก แถวสุดท้าย",
        "แถว 4 ขั้นตอนที่ 2 กับ 3 ลบออก",
        "แถว 4 แก้ขั้นตอนที่ 2 และ 3 เป็น จัดอบรม",
    ],
)
def test_several_indicators_items_places_or_steps_are_asked_one_at_a_time(text):
    with pytest.raises(EditError):
        parse_edit(text)


def test_rows_in_number_words_keep_the_whole_range():
    cmd = parse_edit("ลบแถวที่สองถึงสี่")
    assert (cmd.number, cmd.more) == (2, (3, 4))


@pytest.mark.parametrize("text", ["แถวสุดท้ายเป็นของตัวชี้วัดอะไร", "O12 ผู้รับผิดชอบเป็นใครดี"])
def test_a_message_ending_in_a_question_word_is_not_applied(text):
    assert parse_edit(text) is None


@pytest.mark.parametrize(
    "text, rows",
    [("นายกสั่งให้ลบแถว 3 กับแถว 4", (3, 4)), ("ช่วยลบแถวที่ 5 ให้หน่อยได้ไหมคะ ขอบคุณค่ะ", (5,))],
)
def test_a_boss_title_or_closing_thanks_do_not_hide_a_delete(text, rows):
    cmd = parse_edit(text)
    assert cmd.action is A.DELETE and (cmd.number, *cmd.more) == rows


def test_owners_after_the_owner_word_join_the_owners():
    assert split_owners(_read("แถว 2 ให้กองคลังรับผิดชอบร่วมกับกองช่าง")[3]) == ["กองคลัง", "กองช่าง"]


def test_a_fund_is_not_a_division():
    cmd = parse_edit("แถว 3 เพิ่มกองทุนสวัสดิการ")
    assert cmd is None or cmd.action is not A.ADD_OWNER


# ---------------------------------------------------------------- round 4
@pytest.mark.parametrize(
    "text, action, number, value",
    [
        ("แก้ KPI แถว 4 เป็นร้อยละ 90 ด้วยคับ", A.KPI, 4, "ร้อยละ 90"),
        ("แถว 2 มีอะไรบ้าง", A.SHOW, 2, ""),
        ("เพิ่มอีก 1 แถวของตัวชี้วัด 6", A.ADD_ROW, 6, ""),
    ],
)
def test_round_four_conventions(text, action, number, value):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number, cmd.value) == (action, number, value)


def test_a_word_ending_in_khap_keeps_it():
    assert parse_edit("แก้มาตรการแถว 2 เป็น ทบทวนระเบียบที่ใช้บังคับ").value == "ทบทวนระเบียบที่ใช้บังคับ"


def test_owners_joined_by_plus():
    assert split_owners("กองคลัง + งานพัสดุ") == ["กองคลัง", "งานพัสดุ"]


@pytest.mark.parametrize("text", ["ขอบคุณสำหรับไฟล์ word ค่ะ", "ได้รับไฟล์แล้ว excel", "how do I export the plan"])
def test_a_bare_file_kind_after_a_remark_or_a_question_is_no_order(text):
    assert parse_command(text) is None


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("ขอบคุณค่ะ ขอไฟล์ excel ด้วยนะคะ", ("xlsx",)),
        ("ส่ง excel ทางไลน์ให้หน่อย", ("xlsx",)),
        ("เอาไฟล์ word", ("docx",)),
    ],
)
def test_a_request_after_a_remark_still_exports(text, kinds):
    found = parse_command(text)
    assert found is not None and found[0] is Command.EXPORT and _kinds(found[1]) == kinds


# ---------------------------------------------------------------- round 5
def test_a_new_value_announced_with_mai():
    assert parse_edit("แถว 2 KPI ใหม่: ร้อยละ 95").value == "ร้อยละ 95"


def test_mai_is_never_read_as_hai():
    assert parse_edit("แก้มาตรการแถว 2 เป็น ใหม่ทั้งระบบ").value == "ใหม่ทั้งระบบ"


@pytest.mark.parametrize("text", ["เพิ่มมาตรการตัวชี้วัดที่ 4 อีก 1 มาตรการ", "ขอเพิ่มแถวตัวชี้วัด 5 อีกหนึ่งแถว"])
def test_a_count_of_one_more_row_is_an_added_row_not_a_value(text):
    assert parse_edit(text).action is A.ADD_ROW


@pytest.mark.parametrize(
    "text, kind",
    [("ตัวชี้วัดที่ 8 ได้ 92.01", Kind.SCORES), ("ไว้ค่อยแก้ทีหลังค่ะ", Kind.SMALL_TALK)],
)
def test_a_stated_score_and_a_remark_that_puts_off(text, kind):
    assert understand(text, FW, drafted=True, state="drafted").kind is kind


# ---------------------------------------------------------------- round 6
@pytest.mark.parametrize("text", ["ยืนยันค่ะ ขอบคุณค่ะ", "ถูกต้องครับ ขอบคุณมากครับ", "ถูกต้องค่ะ โอเคแล้ว"])
def test_a_confirmation_closing_with_thanks_or_ok_still_confirms(text):
    assert understand(text, FW, drafted=False, state="confirm").kind is Kind.ANSWER


def test_a_remark_that_a_row_is_fine_is_small_talk():
    assert understand("มาตรการแถว 4 โอเคแล้วค่ะ", FW, drafted=True, state="drafted").kind is Kind.SMALL_TALK


# ---------------------------------------------------------------- round 7
@pytest.mark.parametrize(
    "text",
    ["แถว 3 ทำตลอดทั้งปีเลยครับ", "ระยะเวลาแถว 3 เต็มปีงบประมาณ", "แถว 3 ทั้งปีงบไปเลยค่ะ", "แถว 3 ดำเนินการทั้งปีนะคะ"],
)
def test_the_whole_fiscal_year_said_in_passing(text):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number) == (A.TIMELINE, 3)
    assert command_period(cmd, 2569).label == "ต.ค. 68 – ก.ย. 69"


@pytest.mark.parametrize(
    "text",
    ["เริ่มใหม่หมดเลยค่ะ", "ขอเริ่มต้นใหม่ทั้งหมดครับ", "ล้างข้อมูลทั้งหมดแล้วเริ่มใหม่", "เริ่มใหม่ตั้งแต่ต้น", "reset", "start over"],
)
def test_every_way_to_say_start_over_is_new(text):
    assert parse_command(text) == (Command.NEW, "")


@pytest.mark.parametrize("text", ["ลบทั้งหมด", "ไม่ต้องเริ่มใหม่ค่ะ", "เริ่มใหม่ต้องทำยังไง"])
def test_start_over_is_not_read_into_other_sentences(text):
    assert parse_command(text) is None or parse_command(text)[0] is not Command.NEW


@pytest.mark.parametrize("text", ["ถูกต้องครับ ร่างได้เลย", "ยืนยันค่ะ ร่างใหม่ได้เลย", "ตกลง ร่างเลยค่ะ"])
def test_a_confirmation_with_a_go_ahead_confirms_and_never_redrafts_the_table(text):
    assert parse_command(text) is None
    assert understand(text, FW, drafted=True, state="drafted").kind is Kind.ANSWER
    assert understand(text, FW, drafted=False, state="confirm").kind is Kind.ANSWER


def test_draft_after_another_lead_in_still_drafts():
    assert parse_command("ครบแล้วค่ะ ร่างได้เลย") == (Command.DRAFT, "")


# ---------------------------------------------------------------- rounds 8 and 9
@pytest.mark.parametrize(
    "text, action",
    [
        ("แก้ผู้รับผิดขอบแถว 2 เป็นกองช่าง", A.OWNERS),  # one consonant for another
        ("ผู้รับผิดชอแถว 2 เป็นกองช่าง", A.OWNERS),  # the last letter left out
        ("ระยะเวลลาแถว 2 เป็น ม.ค. 69 - มี.ค. 69", A.TIMELINE),  # one letter typed twice
        ("ระยเวลาแถว 2 เป็น ม.ค. 69 - มี.ค. 69", A.TIMELINE),  # a vowel left out
        ("แก้มาตราการแถว 2 เป็น จัดอบรม", A.MEASURE),  # one letter typed in extra
        ("ขั้นตอนนแถว 2 เป็น จัดอบรม", A.STEPS),
    ],
)
def test_a_field_word_with_one_slip_is_still_the_field(text, action):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.target, cmd.number) == (action, "row", 2)


@pytest.mark.parametrize(
    "text, value",
    [("แก้มาตรการแถว 2 เป็น ตรวจสอบขั้นต้น", "ตรวจสอบขั้นต้น"), ("เพิ่มมาตรการตัวชี้วัด 4", "")],
)
def test_a_real_word_near_a_field_word_is_left_as_typed(text, value):
    assert parse_edit(text).value == value


def test_thaep_before_a_number_is_a_slip_of_thaew():
    assert (parse_edit("แถบ 3 ลบออก").action, parse_edit("แถบ 3 ลบออก").number) == (A.DELETE, 3)


@pytest.mark.parametrize(
    "text, action, rows",
    [
        ("ลบแถว 1 3 4", A.DELETE, (1, 3, 4)),
        ("ลบแถวที่ 2 3 ออกค่ะ", A.DELETE, (2, 3)),
        ("แสดงแถว 1 2", A.SHOW, (1, 2)),
        ("แถว 1 2 ผู้รับผิดชอบเป็นกองช่าง", A.OWNERS, (1, 2)),
    ],
)
def test_rows_listed_with_spaces_are_all_named(text, action, rows):
    cmd = parse_edit(text)
    assert (cmd.action, (cmd.number, *cmd.more)) == (action, rows)


@pytest.mark.parametrize(
    "text, value",
    [("เป้าหมายแถว 3 80", "80"), ("KPI แถว 3 ร้อยละ 80", "ร้อยละ 80")],
)
def test_a_number_after_a_row_in_a_value_is_never_another_row(text, value):
    cmd = parse_edit(text)
    assert (cmd.number, cmd.more, cmd.value) == (3, (), value)


def test_a_spaced_row_list_deletes_exactly_those_rows(draft):
    done = apply(draft, parse_edit("ลบแถว 1 3"))
    assert [r.number for r in done.draft.rows] == [2, 4]


@pytest.mark.parametrize(
    "text, action",
    [
        ("สวัสดีค่ะ รบกวนลบแถว 3 ด้วยนะคะ ขอบพระคุณค่ะ", A.DELETE),
        ("เรียนผู้ดูแลระบบ ขอลบแถว 3 ค่ะ", A.DELETE),
        ("เรียนเจ้าหน้าที่ครับ แถว 3 ผู้รับผิดชอบเป็นกองช่างครับ ขอบคุณครับ", A.OWNERS),
    ],
)
def test_a_greeting_or_address_and_thanks_around_an_edit(text, action):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number) == (action, 3)


@pytest.mark.parametrize(
    "text, command",
    [
        ("สวัสดีครับ ขอไฟล์ excel ฉบับแก้ไขครับ ขอบพระคุณครับ", (Command.EXPORT, "excel")),
        ("เรียนเจ้าหน้าที่ ขอแบบรายงาน 12 เดือนค่ะ ขอบคุณค่ะ", (Command.REPORT, "12")),
        ("มีไฟล์ word ไหมคะ", (Command.EXPORT, "word")),
        ("มีแบบรายงานรอบ 12 เดือนมั้ยครับ", (Command.REPORT, "12")),
    ],
)
def test_a_command_among_greetings_or_asked_as_is_there(text, command):
    assert parse_command(text) == command


@pytest.mark.parametrize("text", ["มีตัวอย่างมาตรการไหม", "มีไฟล์ pdf ไหมคะ", "มีไฟล์ word ไหม ไม่เอาแล้ว"])
def test_is_there_without_a_file_we_make_is_no_command(text):
    assert parse_command(text) is None


@pytest.mark.parametrize(
    "text, label",
    [
        ("แถว 3 เลื่อนไปเสร็จ เม.ย. 69", "ต.ค. 68 – เม.ย. 69"),
        ("เลื่อนแถว 3 ไป เม.ย. 69 ค่ะ", "ต.ค. 68 – เม.ย. 69"),  # one month after moving: the new end
        ("ขยายเวลาแถว 3 ไปถึง ส.ค. 69", "ต.ค. 68 – ส.ค. 69"),
        ("ระยะเวลาแถว 3 ถึง มิ.ย. 69", "ต.ค. 68 – มิ.ย. 69"),
        ("เลื่อนแถว 3 ไปทำไตรมาส 2", "ม.ค. – มี.ค. 69"),  # a quarter: the span
        ("แถว 3 ภายใน ก.พ. 69", "ต.ค. 68 – ก.พ. 69"),
    ],
)
def test_a_moved_timeline_with_a_month_or_a_quarter(text, label):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number, command_period(cmd, 2569).label) == (A.TIMELINE, 3, label)


@pytest.mark.parametrize(
    "text", ["แถว 3 เลื่อนออกไปอีก 2 เดือน", "เลื่อนแถว 3 เร็วขึ้น 1 เดือน", "แถว 3 เลื่อนไปอีกเดือนค่ะ"]
)
def test_a_shift_by_a_count_of_months_is_asked_back(text):
    with pytest.raises(EditError, match="ระบุเดือน"):
        parse_edit(text)


def test_a_lone_month_beside_a_row_without_a_verb_is_not_read():
    assert parse_edit("แถว 3 มี.ค. 69") is None


@pytest.mark.parametrize(
    "text, row, value",
    [
        ("แก้ 'รายไตรมาส' เป็น 'รายเดือน' ในแถว 2", 2, "รายไตรมาส → รายเดือน"),
        ("แถว 2 จาก “รายไตรมาส” แก้เป็น “รายเดือน”", 2, "รายไตรมาส → รายเดือน"),
        ('เปลี่ยน "นายก" เป็น "ปลัด" แถว 1 ค่ะ', 1, "นายก → ปลัด"),
    ],
)
def test_quoted_old_text_with_the_row_before_or_after(text, row, value):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number, cmd.value) == (A.REPLACE, row, value)


def test_quoted_old_text_with_a_sentence_after_is_not_read_as_the_row():
    with pytest.raises(EditError):  # asked back: which change, where?
        parse_edit('แก้ "นายก" เป็น "ปลัด" เพราะแถว 1 ผิดระเบียบการเงินการคลัง')


@pytest.mark.parametrize(
    "text, value",
    [
        ("แถว 2 ใช้ กองช่าง แทน สำนักปลัด", "สำนักปลัด → กองช่าง"),
        ("แถว 2 ใช้กองช่างแทนสำนักปลัดด้วยค่ะ", "สำนักปลัด → กองช่าง"),
        ("ให้กองช่างรับผิดชอบแทนสำนักปลัด แถว 2", "สำนักปลัด → กองช่าง"),
        ("แถว 2 ไม่ใช่สำนักปลัด ต้องเป็นกองช่าง", "สำนักปลัด → กองช่าง"),
        ("แถว 2 ผู้รับผิดชอบไม่ใช่สำนักปลัด เป็นกองช่าง", "สำนักปลัด → กองช่าง"),
    ],
)
def test_one_owner_put_in_another_owners_place(text, value):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number, cmd.value) == (A.REPLACE, 2, value)


def test_an_owner_swap_keeps_the_other_owners_and_names_the_new_one_in_steps(draft):
    done = apply(draft, parse_edit("แถว 2 ใช้กองช่างแทนสำนักปลัด"))
    row = next(r for r in done.draft.rows if r.number == 2)
    assert row.owners == ["กองช่าง", "กองคลัง"] and row.steps[0] == "1. แต่งตั้งคณะทำงาน (กองช่าง)"
    assert all(r.owners == ["สำนักปลัด", "กองคลัง"] for r in done.draft.rows if r.number != 2)


def test_an_owner_swap_of_an_owner_not_listed_is_refused(draft):
    with pytest.raises(EditError):
        apply(draft, parse_edit("แถว 2 ใช้กองช่างแทนงานพัสดุ"))


@pytest.mark.parametrize("text", ["แถว 3 ใส่ผู้รับผิดชอบเป็นกองคลัง", "กรอกผู้รับผิดชอบแถว 3 ว่า กองคลัง"])
def test_put_in_and_fill_in_are_verbs_of_change(text):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number, cmd.value) == (A.OWNERS, 3, "กองคลัง")


@pytest.mark.parametrize("text", ["ลบแถว 4 แล้วจะกู้คืนได้ไหม", "ถ้าลบแถว 4 จะเรียกคืนได้ไหมคะ"])
def test_a_question_about_what_follows_a_change_is_not_the_change(text):
    with contextlib.suppress(EditError):  # asked back, or not an edit at all
        assert parse_edit(text) is None
    assert understand(text, FW, drafted=True, state="drafted").kind is not Kind.EDIT


# ---------------------------------------------------------------- round 10
@pytest.mark.parametrize("text", ["ลบแถว 2 ไม่ได้เหรอคะ", "แถว 2 ลบไปแล้วหรอ", "ดูแถว 2 ได้รึเปล่า"])
def test_spoken_question_endings_are_questions(text):
    cmd = None
    with contextlib.suppress(EditError):
        cmd = parse_edit(text)
    assert cmd is None or cmd.action is A.SHOW  # showing is harmless; nothing is changed on a question


@pytest.mark.parametrize(
    "text",
    [
        "แถว 3: ผู้รับผิดชอบ = กองคลัง, ระยะเวลา = ทั้งปี",
        "แถว 3 ผู้รับผิดชอบ: กองคลัง; KPI: ร้อยละ 90",
        "แถว 3 มาตรการ = จัดอบรม\nขั้นตอน: แต่งตั้งคณะทำงาน",
    ],
)
def test_a_second_field_with_its_own_connective_is_two_changes(text):
    with pytest.raises(EditError, match="ทีละ"):
        parse_edit(text)


@pytest.mark.parametrize("text", ["ตัวชี้วัด 9 แถวแรก ผู้รับผิดชอบ กองคลัง", "ลบตัวชี้วัดที่ 9 อันสุดท้าย"])
def test_one_row_of_an_indicator_named_by_place_is_asked_back(text, draft):
    with pytest.raises(EditError):
        apply(draft, parse_edit(text))


def test_every_row_of_an_indicator_is_still_the_indicator():
    cmd = parse_edit("ตัวชี้วัดที่ 9 ทุกแถว ผู้รับผิดชอบเป็นกองคลัง")
    assert (cmd.target, cmd.number, cmd.value) == ("indicator", 9, "กองคลัง")


@pytest.mark.parametrize("text", ["ผู้รับผิดชอบ: กองคลัง (แถว 3)", "ผู้รับผิดชอบเป็นกองคลัง [แถว 3]"])
def test_a_target_in_brackets_leaves_no_bracket_in_the_value(text):
    cmd = parse_edit(text)
    assert (cmd.number, cmd.value) == (3, "กองคลัง")


def test_a_bracketed_part_of_a_name_stays():
    assert parse_edit("ผู้รับผิดชอบแถว 3 เป็น สำนักปลัด (งานธุรการ)").value == "สำนักปลัด (งานธุรการ)"


@pytest.mark.parametrize(
    "text",
    ["แถว 4 ต้องเสร็จไม่เกินเดือนเมษายน 2569", "แถว 4 ต้องแล้วเสร็จภายใน เม.ย. 69", "แถว 4 เสร็จไม่เกิน เม.ย. 69"],
)
def test_must_finish_by_is_a_deadline(text):
    assert command_period(parse_edit(text), 2569).label == "ต.ค. 68 – เม.ย. 69"


@pytest.mark.parametrize(
    "text, months",
    [("ขอแบบรายงานรอบครึ่งปีค่ะ", "6"), ("ขอแบบรายงานสิ้นปีงบประมาณ", "12"), ("แบบรายงานรอบกลางปี", "6")],
)
def test_a_report_round_said_in_words(text, months):
    assert parse_command(text) == (Command.REPORT, months)


@pytest.mark.parametrize("text", ["แก้ผิดค่ะ ขอย้อนกลับ 1 ขั้น", "ย้อนกลับหนึ่งสเต็ป"])
def test_undo_by_one_step(text):
    assert parse_command(text) == (Command.UNDO, "")


@pytest.mark.parametrize("text", ["มีคำสั่งอะไรบ้าง", "พิมพ์อะไรได้บ้างคะ", "ขอดูวิธีใช้งานค่ะ"])
def test_asking_what_can_be_typed_is_help(text):
    assert parse_command(text) == (Command.HELP, "")


@pytest.mark.parametrize("text", ["แถว 2 เอากองช่างด้วย", "แถว 2 ใส่กองช่างเพิ่มค่ะ", "แถว 2 รวมกองช่างด้วยนะคะ"])
def test_taking_a_unit_too_adds_an_owner(text, draft):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number, cmd.value) == (A.ADD_OWNER, 2, "กองช่าง")
    row = next(r for r in apply(draft, cmd).draft.rows if r.number == 2)
    assert row.owners == ["สำนักปลัด", "กองคลัง", "กองช่าง"]


def test_a_step_added_after_the_row_is_added_not_replacing():
    cmd = parse_edit("ขั้นตอนแถว 5 เพิ่มอีกข้อ ติดตามประเมินผล")
    assert (cmd.action, cmd.number, cmd.value) == (A.ADD_STEP, 5, "ติดตามประเมินผล")


# ---------------------------------------------------------------- round 11
@pytest.mark.parametrize(
    "text, owners",
    [("แถว 5 ผู้รับผิดชอบ สป. และ กค.", ["สป.", "กค."]), ("ผู้รับผิดชอบแถว 5 กช.", ["กช."])],
)
def test_an_abbreviated_unit_is_an_owner(text, owners):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number, split_owners(cmd.value)) == (A.OWNERS, 5, owners)


@pytest.mark.parametrize(
    "text, label",
    [
        ("แถว 8 ทำเดือน ก.พ. 69 เดือนเดียว", "ก.พ. 69"),
        ("แถว 8 ดำเนินการ มี.ค. 69 เท่านั้น", "มี.ค. 69"),
        ("แถว 8 ระยะเวลาเริ่ม ธ.ค. 68 ถึง ส.ค. 69", "ธ.ค. 68 – ส.ค. 69"),
        ("แถว 8 ขอให้ดำเนินการให้แล้วเสร็จภายใน 30 มิถุนายน 2569", "ต.ค. 68 – มิ.ย. 69"),
    ],
)
def test_one_month_to_do_it_in_and_a_deadline_after_a_verb(text, label):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number, command_period(cmd, 2569).label) == (A.TIMELINE, 8, label)


def test_use_the_wording_is_a_connective():
    cmd = parse_edit("มาตรการแถว 4 ขอใช้ว่า เผยแพร่ข้อมูลผ่านเว็บไซต์ ครับ")
    assert (cmd.action, cmd.value) == (A.MEASURE, "เผยแพร่ข้อมูลผ่านเว็บไซต์")


@pytest.mark.parametrize(
    "text, value",
    [("ขั้นตอนแถว 1 ข้อ 2 แก้เป็น ประชุมทุกเดือน", "2: ประชุมทุกเดือน"), ("ขั้นตอนแถว 1 ลำดับที่ 2 เป็น ประชุม", "2: ประชุม")],
)
def test_one_step_named_after_the_row_changes_that_step_only(text, value, draft):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.value) == (A.EDIT_STEP, value)
    row = apply(draft, cmd).draft.rows[0]
    assert len(row.steps) == 2 and row.steps[0] == "1. แต่งตั้งคณะทำงาน (สำนักปลัด)"


@pytest.mark.parametrize(
    "text, at", [("แถว 1 เพิ่มขั้นตอนที่ 2 ตรวจสอบเอกสาร", 2), ("แถว 1 เพิ่มขั้นตอนที่ 3 ตรวจสอบเอกสาร", 3)]
)
def test_an_added_step_with_a_number_goes_in_at_that_place(text, at, draft):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.value, cmd.step) == (A.ADD_STEP, "ตรวจสอบเอกสาร", at)
    steps = apply(draft, cmd).draft.rows[0].steps
    assert len(steps) == 3 and steps[at - 1] == f"{at}. ตรวจสอบเอกสาร"
    assert [s.split(". ", 1)[0] for s in steps] == ["1", "2", "3"]


def test_an_added_step_past_the_end_is_refused(draft):
    with pytest.raises(EditError):
        apply(draft, parse_edit("แถว 1 เพิ่มขั้นตอนที่ 7 ตรวจสอบเอกสาร"))


def test_a_count_after_an_added_step_stays_in_its_text():
    assert parse_edit("เพิ่มขั้นตอน แถว 3 จัดอบรม 2 ครั้ง").value == "จัดอบรม 2 ครั้ง"


@pytest.mark.parametrize("text", ["แถว 4 ขั้นตอนที่ 2 ไม่ต้องมีค่ะ", "ขั้นตอนที่ 2 แถว 4 ไม่ต้องใช้แล้ว"])
def test_a_step_not_needed_is_taken_out(text):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number, cmd.value) == (A.REMOVE_STEP, 4, "2")


def test_a_step_that_needs_no_meeting_is_not_taken_out():
    cmd = None
    with contextlib.suppress(EditError):
        cmd = parse_edit("แถว 4 ขั้นตอนที่ 2 ไม่ต้องมีการประชุม")
    assert cmd is None or cmd.action is not A.REMOVE_STEP


@pytest.mark.parametrize("text", ["ย้อนกลับไปก่อนลบค่ะ", "ขอย้อนไปก่อนเปลี่ยน", "กลับไปก่อนที่จะแก้"])
def test_undo_to_before_a_change(text):
    assert parse_command(text) == (Command.UNDO, "")


@pytest.mark.parametrize("text", ["ยืนยันค่ะ ถูกต้องทุกข้อ", "ถูกต้องครบถ้วนค่ะ"])
def test_a_confirmation_that_all_is_right(text):
    assert understand(text, FW, drafted=False, state="confirm").kind is Kind.ANSWER


# ---------------------------------------------------------------- round 13
def test_an_owner_swap_never_keeps_a_particle_in_a_name():
    cmd = parse_edit("แถว 2 ผู้รับผิดชอบไม่ใช่กองคลังค่ะ เป็นสำนักปลัด")
    assert (cmd.action, cmd.value) == (A.REPLACE, "กองคลัง → สำนักปลัด")


@pytest.mark.parametrize("text", ["ตกลงค่ะ ร่างได้เลยค่ะ", "ยืนยันครับ ร่างเลยครับ"])
def test_a_confirmation_with_a_polite_go_ahead_confirms(text):
    assert parse_command(text) is None
    assert understand(text, FW, drafted=False, state="confirm").kind is Kind.ANSWER


@pytest.mark.parametrize("text", ["ขั้นตอนแถว 4 ข้อที่ 3 ลบออก", "ขั้นตอนของแถว 4 ลำดับที่ 3 ไม่ต้องมีแล้ว"])
def test_one_step_named_after_the_row_is_taken_out(text):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number, cmd.value) == (A.REMOVE_STEP, 4, "3")


# ---------------------------------------------------------------- round 14
@pytest.mark.parametrize(
    "text", ["แถว 3 ผู้รับผิดชอบ กองคลัง หรือ กองช่าง ดีคะ", "ผู้รับผิดชอบแถว 3 เป็น กองคลัง หรือ สำนักปลัด"]
)
def test_owners_given_as_a_choice_are_asked_back(text):
    with pytest.raises(EditError, match="หน่วยงานใด"):
        parse_edit(text)


@pytest.mark.parametrize(
    "text", ["แถว 6 ผู้รับผิดชอบ กองคลัง ค่ะ ระยะเวลา ทั้งปีค่ะ", "แถว 6 KPI ร้อยละ 90 ครับ ผู้รับผิดชอบ กองคลัง"]
)
def test_a_particle_then_another_field_is_a_second_change(text):
    with pytest.raises(EditError, match="ทีละ"):
        parse_edit(text)


def test_a_field_word_inside_a_measure_is_part_of_it():
    cmd = parse_edit("แก้มาตรการแถว 2 เป็น ทบทวนขั้นตอนและระยะเวลาการให้บริการ")
    assert (cmd.action, cmd.value) == (A.MEASURE, "ทบทวนขั้นตอนและระยะเวลาการให้บริการ")


@pytest.mark.parametrize("text", ["ยกเลิกค่ะ ไม่ต้องร่างใหม่", "ยกเลิก ไม่เอาแล้วครับ"])
def test_cancel_with_a_negated_reason_cancels(text):
    assert parse_command(text) == (Command.CANCEL, "")


@pytest.mark.parametrize("text", ["ยืนยันร่างนี้ค่ะ", "ยืนยันตามร่างนี้ครับ", "ถูกต้องตามนี้ค่ะ"])
def test_confirming_this_draft_confirms(text):
    assert understand(text, FW, drafted=True, state="drafted").kind is Kind.ANSWER


# ---------------------------------------------------------------- round 15
@pytest.mark.parametrize("text", ["ครบแล้วค่ะ ยืนยัน", "ครบถ้วนแล้วครับ ยืนยันครับ"])
def test_all_there_then_a_confirmation_confirms(text):
    assert understand(text, FW, drafted=False, state="confirm").kind is Kind.ANSWER


@pytest.mark.parametrize("text", ["ครบแล้วค่ะ ร่างได้เลย", "ครบแล้ว ร่างเลย"])
def test_all_there_then_draft_still_drafts(text):
    assert parse_command(text) == (Command.DRAFT, "")


@pytest.mark.parametrize(
    "text, months", [("ขอแบบรายงาน 6 เดือนเป็น word ค่ะ", "6"), ("แบบรายงานรอบ 12 เดือน ไฟล์ word", "12")]
)
def test_a_report_round_asked_as_a_word_file(text, months):
    assert parse_command(text) == (Command.REPORT, months)


@pytest.mark.parametrize("text", ["แถว 6 ระยะเวลา ➡️ ไตรมาส 2", "แถว 6 ระยะเวลา ⇒ ไตรมาส 2"])
def test_an_arrow_emoji_is_the_arrow_connective(text):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number, command_period(cmd, 2569).label) == (A.TIMELINE, 6, "ม.ค. – มี.ค. 69")


# ---------------------------------------------------------------- round 16
def test_every_row_after_an_indicator_is_part_of_the_target():
    cmd = parse_edit("ขอปรับผู้รับผิดชอบตัวชี้วัดที่ 1 ทุกแถวเป็นสำนักปลัด")
    assert (cmd.target, cmd.number, cmd.value) == ("indicator", 1, "สำนักปลัด")


@pytest.mark.parametrize(
    "text", ["แถว 2 ระยะเวลา ต.ค.68 - ก.ย.69 (ทั้งปี)", "ระยะเวลาแถว 2 ตั้งแต่ ต.ค. 68 เป็นต้นไป"]
)
def test_a_bracketed_note_or_onwards_closes_a_period(text):
    assert command_period(parse_edit(text), 2569).label == "ต.ค. 68 – ก.ย. 69"


@pytest.mark.parametrize("text", ["ทุกแถวให้กองคลังร่วมรับผิดชอบด้วย", "แถว 2 ให้กองช่างร่วมดำเนินการ"])
def test_one_unit_joining_is_added(text):
    assert parse_edit(text).action is A.ADD_OWNER


def test_units_responsible_together_are_the_owners():
    cmd = parse_edit("แถว 5 ให้กองคลังกับกองช่างร่วมกันรับผิดชอบ")
    assert (cmd.action, split_owners(cmd.value)) == (A.OWNERS, ["กองคลัง", "กองช่าง"])


def test_removing_an_owner_named_after_the_owner_word(draft):
    cmd = parse_edit("แถว 2 ลบผู้รับผิดชอบกองคลังออก")
    assert (cmd.action, cmd.value) == (A.REMOVE_OWNER, "กองคลัง")
    assert next(r for r in apply(draft, cmd).draft.rows if r.number == 2).owners == ["สำนักปลัด"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("แถว 5 พิมพ์ผิด ผู้รับผิดชอบต้องเป็นกองคลัง", "กองคลัง"),
        ("ขั้นตอนของแถว 5 ให้เหลือแค่ จัดอบรมบุคลากร", "จัดอบรมบุคลากร"),
        ("แถว 5 เพิ่มขั้นตอนสุดท้าย สรุปผลเสนอนายก", "สรุปผลเสนอนายก"),
    ],
)
def test_must_be_only_and_last_are_not_part_of_the_value(text, value):
    assert parse_edit(text).value == value


def test_a_redraft_with_a_condition_is_asked_back():
    with pytest.raises(EditError, match="ทีละ"):
        parse_edit("ขอร่างแถว 4 ใหม่ โดยให้กองช่างรับผิดชอบ")


@pytest.mark.parametrize("text", ["ยกเลิกการลบแถว 3", "ยกเลิกที่แก้แถว 3 เมื่อกี้", "แถว 3 กองคลังไม่ยอมรับผิดชอบ"])
def test_taking_a_change_back_or_a_refusal_is_never_that_change(text):
    assert parse_edit(text) is None


@pytest.mark.parametrize("text", ["ยกเลิกการลบแถวเมื่อกี้ค่ะ", "ยกเลิกที่แก้แถวเมื่อกี้"])
def test_taking_back_the_last_change_to_a_row_is_undo(text):
    assert parse_command(text) == (Command.UNDO, "")


@pytest.mark.parametrize("text", ["ยืนยันค่ะ ไม่มีแก้ไข", "ข้อมูลถูกต้องค่ะ", "คะแนนถูกต้องครับ"])
def test_a_yes_with_what_it_is_about_or_nothing_more(text):
    assert understand(text, FW, drafted=False, state="confirm").kind is Kind.ANSWER


def test_download_the_report_form():
    assert parse_command("ดาวน์โหลดแบบรายงาน 12 เดือน") == (Command.REPORT, "12")


# ---------------------------------------------------------------- round 17
def test_two_owner_cells_in_one_message_are_asked_back():
    with pytest.raises(EditError, match="ทีละ"):
        parse_edit("แถว 2 ผู้รับผิดชอบหลัก สำนักปลัด ผู้รับผิดชอบรอง กองคลัง")


@pytest.mark.parametrize(
    "text, label",
    [("แถว 11 ทำได้ตั้งแต่ มี.ค. 69", "มี.ค. – ก.ย. 69"), ("แถว 11 ระยะเวลา ม.ค. 69 แค่เดือนเดียว", "ม.ค. 69")],
)
def test_can_start_from_and_only_one_month(text, label):
    assert command_period(parse_edit(text), 2569).label == label


@pytest.mark.parametrize(
    "text, value",
    [
        ("แก้ชื่อมาตรการแถว 1 ให้สั้นลงเป็น ประกาศเจตจำนงสุจริต", "ประกาศเจตจำนงสุจริต"),
        ("มาตรการแถว 1 ใช้ชื่อว่า ประกาศเจตจำนงสุจริต", "ประกาศเจตจำนงสุจริต"),
        ("แก้มาตรการแถว 1 ให้ชัดเจนขึ้นว่า ประกาศเจตจำนงสุจริตของผู้บริหาร", "ประกาศเจตจำนงสุจริตของผู้บริหาร"),
    ],
)
def test_how_the_new_text_should_read_is_not_part_of_it(text, value):
    assert parse_edit(text).value == value


def test_an_added_first_step_goes_first(draft):
    cmd = parse_edit("แถว 1 เพิ่มขั้นตอนแรก สำรวจข้อมูล")
    assert (cmd.action, cmd.value, cmd.step) == (A.ADD_STEP, "สำรวจข้อมูล", 1)
    assert apply(draft, cmd).draft.rows[0].steps[0] == "1. สำรวจข้อมูล"


def test_not_wanting_a_row_any_more_deletes_it():
    cmd = parse_edit("ไม่ต้องการแถว 7 แล้วค่ะ")
    assert (cmd.action, cmd.number) == (A.DELETE, 7)


@pytest.mark.parametrize(
    "text, command",
    [
        ("ขอไฟล์ทั้งสองแบบค่ะ", (Command.EXPORT, "")),
        ("ขอแบบรายงานความก้าวหน้าครั้งที่ 1 (6 เดือน)", (Command.REPORT, "6")),  # "1" is no round
    ],
)
def test_both_kinds_and_a_round_in_brackets(text, command):
    assert parse_command(text) == command


@pytest.mark.parametrize("text", ["ผู้รับผิดชอบแถว 6 คือกองไหนนะ", "แถว 6 ควรให้หน่วยงานไหนรับผิดชอบ"])
def test_which_one_is_a_question(text):
    assert parse_edit(text) is None


# ---------------------------------------------------------------- round 18
@pytest.mark.parametrize(
    "text",
    ["แถว 2 ผู้รับผิดชอบเป็นกองคลัง และระยะเวลาเป็นไตรมาส 1", "แถว 2 ผู้รับผิดชอบเป็นกองคลัง ระยะเวลา ทั้งปี"],
)
def test_an_owner_value_holding_another_field_is_two_changes(text):
    with pytest.raises(EditError, match="ทีละ"):
        parse_edit(text)


@pytest.mark.parametrize("value", ["เจ้าหน้าที่ผู้ดูแลเว็บไซต์", "งานส่งเสริมกิจกรรมเด็กและเยาวชน"])
def test_an_owner_name_with_a_word_like_a_field_stays_a_name(value):
    assert parse_edit(f"แถว 3 ผู้รับผิดชอบเป็น {value}").value == value


def test_a_measure_with_and_then_a_cell_word_stays_one_measure():
    cmd = parse_edit("แก้มาตรการแถว 3 เป็น จัดอบรมและกิจกรรมเป็นประจำทุกปี")
    assert (cmd.action, cmd.value) == (A.MEASURE, "จัดอบรมและกิจกรรมเป็นประจำทุกปี")


def test_an_owner_not_needed_any_more_is_taken_out():
    cmd = parse_edit("แถว 7 ไม่ต้องมีกองช่างแล้ว")
    assert (cmd.action, cmd.number, cmd.value) == (A.REMOVE_OWNER, 7, "กองช่าง")


@pytest.mark.parametrize("text", ["แถว 4 ดูดีแล้ว", "แถว 4 ดูเหมือนจะยาวไป", "มาตรการแถว 4 ดูน่าสนใจ"])
def test_how_a_row_looks_is_a_remark_not_show(text):
    assert parse_edit(text) is None


@pytest.mark.parametrize("text", ["ขอเริ่มใหม่ทั้งหมดค่ะ ข้อมูลผิด", "เริ่มใหม่ครับ กรอกผิดหมด"])
def test_start_over_with_its_reason(text):
    assert parse_command(text) == (Command.NEW, "")


# ---------------------------------------------------------------- round 19
@pytest.mark.parametrize("text", ["ขอเพิ่มตัวชี้วัดที่ 8 เข้าไปในแผนด้วย", "ตัวชี้วัดที่ 8 ยังไม่มีมาตรการ ช่วยเพิ่มให้หน่อย"])
def test_adding_an_indicator_to_the_plan_adds_its_rows(text):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.target, cmd.number) == (A.ADD_ROW, "indicator", 8)


def test_add_at_the_end_beside_a_cell_word_adds_no_row():
    assert parse_edit("ตัวชี้วัด 9 ขั้นตอน ขอเพิ่ม") is None


def test_a_kpi_with_a_target_figure_inside_needs_no_connective():
    cmd = parse_edit("แถว 9 KPI ข้อร้องเรียนได้รับการแก้ไขภายใน 15 วัน ร้อยละ 100")
    assert (cmd.action, cmd.value) == (A.KPI, "ข้อร้องเรียนได้รับการแก้ไขภายใน 15 วัน ร้อยละ 100")


def test_a_kpi_remark_without_a_figure_is_no_edit():
    assert parse_edit("KPI แถว 3 ยังอ่านยากอยู่") is None


def test_taking_out_a_gan_unit_needs_no_owner_word_and_is_checked_when_applied(draft):
    cmd = parse_edit("แถว 2 เอางานพัสดุออก")
    assert (cmd.action, cmd.value) == (A.REMOVE_OWNER, "งานพัสดุ")
    with pytest.raises(EditError):  # not an owner of row 2: nothing changes
        apply(draft, cmd)


def test_a_polite_request_then_why_is_the_request():
    cmd = parse_edit("ตัวชี้วัดที่ 5 ร่างใหม่ได้ไหมคะ ยังไม่ค่อยตรง")
    assert (cmd.action, cmd.target, cmd.number) == (A.REDRAFT, "indicator", 5)


def test_a_polite_request_then_a_question_is_a_question():
    assert parse_edit("ลบแถว 5 ได้ไหมคะ หรือต้องเก็บไว้") is None


@pytest.mark.parametrize(
    "text, command",
    [
        ("ขอไฟล์ตาราง excel ที่แก้ล่าสุดค่ะ", (Command.EXPORT, "excel")),
        ("ขอดาวน์โหลดแผนฉบับเต็มค่ะ", (Command.EXPORT, "")),
    ],
)
def test_the_latest_or_full_plan_is_the_export(text, command):
    assert parse_command(text) == command


def test_ok_it_will_do_confirms():
    assert understand("โอเคค่ะ ใช้ได้", FW, drafted=False, state="confirm").kind is Kind.ANSWER


# ---------------------------------------------------------------- round 20
@pytest.mark.parametrize(
    "text, action",
    [
        ("ตามที่ประชุมผู้บริหารเมื่อวาน ขอลบแถว 6 ออกค่ะ", A.DELETE),
        ("เนื่องจากงบประมาณไม่พอ จึงขอร่างแถว 6 ใหม่", A.REDRAFT),
        ("ท่านปลัดให้ปรับระยะเวลาแถว 6 เป็น ม.ค. 69 - มิ.ย. 69 เพราะงบมาช้า", A.TIMELINE),
    ],
)
def test_why_the_officer_asks_is_never_part_of_the_edit(text, action):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.number) == (action, 6)
    if action is A.TIMELINE:
        assert command_period(cmd, 2569).label == "ม.ค. – มิ.ย. 69"


@pytest.mark.parametrize(
    "text, command",
    [
        ("ขอ excel ไว้ส่งผู้บริหาร", (Command.EXPORT, "excel")),
        ("ขอแบบรายงานรอบ 6 เดือนไปกรอกผลค่ะ", (Command.REPORT, "6")),
    ],
)
def test_what_a_file_is_for_is_not_an_argument(text, command):
    assert parse_command(text) == command


@pytest.mark.parametrize("text", ["ยืนยันตามที่สรุปมาค่ะ", "ยืนยันตามที่แจ้งไว้ครับ"])
def test_confirming_as_summed_up(text):
    assert understand(text, FW, drafted=False, state="confirm").kind is Kind.ANSWER


def test_keep_with_nothing_more_to_change():
    assert understand("ตามนี้เลยค่ะ ไม่มีแก้", FW, drafted=True, state="drafted").kind is Kind.ANSWER


def test_the_first_quarter_of_the_fiscal_year():
    assert command_period(parse_edit("แถว 5 ให้เสร็จภายในไตรมาสแรกของปีงบ"), 2569).label == "ต.ค. – ธ.ค. 68"


@pytest.mark.parametrize(
    "text", ["แถว 3 ระยะเวลา ทุกไตรมาส", "ระยะเวลาแถว 5 รายเดือน", "แถว 7 ระยะเวลา 12 เดือน"]
)
def test_a_frequency_or_a_length_is_not_a_period(text, draft):
    with pytest.raises(EditError):
        cmd = parse_edit(text)
        if cmd is not None:
            command_period(cmd, 2569)
        else:
            raise EditError("not read")


# ---------------------------------------------------------------- round 21
@pytest.mark.parametrize(
    "text", ["รบกวนเพิ่มผู้รับผิดชอบแถว 2 อีกหนึ่งหน่วย คือ กองช่าง", "ขอเพิ่มผู้รับผิดชอบแถว 2 เป็นกองช่าง"]
)
def test_adding_to_the_owner_cell_adds_an_owner(text, draft):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.value) == (A.ADD_OWNER, "กองช่าง")
    assert next(r for r in apply(draft, cmd).draft.rows if r.number == 2).owners == [
        "สำนักปลัด",
        "กองคลัง",
        "กองช่าง",
    ]


@pytest.mark.parametrize(
    "text", ["เพิ่มขั้นตอนในแถว 1 สองข้อ คือ ประชุม และ รายงานผล", "แถว 1 เพิ่มขั้นตอน 3 ข้อ: ก ข ค"]
)
def test_several_added_steps_are_asked_one_at_a_time(text):
    with pytest.raises(EditError, match="ทีละ"):
        parse_edit(text)


def test_extend_to_the_end_of_the_fiscal_year():
    assert command_period(parse_edit("แถว 3 ขยายเวลาถึงสิ้นปีงบประมาณ"), 2569).label == "ต.ค. 68 – ก.ย. 69"


def test_write_anew_as_is_a_change_verb():
    cmd = parse_edit("มาตรการแถว 5 ขอเขียนใหม่เป็น ส่งเสริมการรับฟังความคิดเห็น")
    assert (cmd.action, cmd.value) == (A.MEASURE, "ส่งเสริมการรับฟังความคิดเห็น")


@pytest.mark.parametrize(
    "text, command",
    [
        ("ดาวน์โหลดไฟล์ทั้ง 3 ไฟล์", (Command.EXPORT, "")),
        ("แบบรายงาน 6 เดือน ขอด้วยค่ะ", (Command.REPORT, "6")),
        ("ร่างต่อได้เลยค่ะ", (Command.DRAFT, "")),
        ("ขอความช่วยเหลือค่ะ", (Command.HELP, "")),
    ],
)
def test_more_command_wordings(text, command):
    assert parse_command(text) == command


def test_a_row_that_looks_odd_is_a_remark():
    assert parse_edit("แถว 5 ผู้รับผิดชอบดูแปลกๆ") is None


# ---------------------------------------------------------------- round 22
def test_owners_joined_by_together_with_are_split():
    assert split_owners("กองคลังร่วมกับงานพัสดุ") == ["กองคลัง", "งานพัสดุ"]


def test_a_word_holding_the_letters_of_how_many_is_no_question():
    cmd = parse_edit("ลบแถว 8 ด้วยนะครับ ไม่เกี่ยวข้อง")
    assert (cmd.action, cmd.number) == (A.DELETE, 8)


def test_how_many_is_still_a_question():
    assert parse_edit("ระยะเวลาแถว 2 ควรกี่เดือน") is None


@pytest.mark.parametrize(
    "text, action, value",
    [
        ("แถว 9 ช่วงเวลาดำเนินการ พ.ย. 68", A.TIMELINE, "พ.ย. 68"),
        ("ขั้นตอนแถว 4 แก้ทั้งหมดเป็น ประชุมชี้แจง", A.STEPS, "ประชุมชี้แจง"),
    ],
)
def test_more_field_and_verb_wordings(text, action, value):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.value) == (action, value)


def test_a_measure_more_for_an_indicator_adds_a_row():
    cmd = parse_edit("ขอมาตรการเพิ่มของตัวชี้วัดที่ 2")
    assert (cmd.action, cmd.target, cmd.number) == (A.ADD_ROW, "indicator", 2)


def test_a_new_file_after_the_edits_are_done():
    assert parse_command("ขอไฟล์ใหม่ค่ะ แก้เสร็จแล้ว") == (Command.EXPORT, "")


def test_a_row_like_another_is_never_deleted_for_it():
    assert parse_edit("ลบแถว 3 ซ้ำกับแถว 2") is None


@pytest.mark.parametrize(
    "text", ["ย้อนกลับหน่อยค่ะ แก้ผิด", "ย้อนกลับให้ด้วยครับ", "ย้อนหน่อยนะคะ ลบผิดแถว", "undo please"]
)
def test_undo_takes_softeners_between_the_verb_and_the_particle(text):
    assert parse_command(text) == (Command.UNDO, "")


@pytest.mark.parametrize(
    ("text", "row", "period"),
    [
        ("แถว 6 ขอเลื่อนเป็น ม.ค. 69 ถึง มิ.ย. 69 ค่ะ", 6, "ม.ค. 69 ถึง มิ.ย. 69"),
        ("แถว 2 รบกวนเลื่อนเป็น ก.พ. 69 – เม.ย. 69", 2, "ก.พ. 69 – เม.ย. 69"),
        ("แถว 4 ช่วยขยายเวลาเป็น ต.ค. 68 - ก.ค. 69 หน่อย", 4, "ต.ค. 68 - ก.ค. 69"),
    ],
)
def test_a_request_opener_before_a_timeline_verb_still_sets_the_period(text, row, period):
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action is EditAction.TIMELINE and cmd.number == row
    assert cmd.value.replace("ถึง", "–").replace("-", "–").replace("  ", " ") == period.replace(
        "ถึง", "–"
    ).replace("-", "–")


# ---------------------------------------------------------------- "now X, change to Y": only Y is stored
@pytest.mark.parametrize(
    ("text", "action", "value"),
    [
        ("แถว 3 ตอนนี้ผู้รับผิดชอบเป็นสำนักปลัด ขอเปลี่ยนเป็นกองคลังค่ะ เพราะเป็นเรื่องพัสดุ", "owners", "กองคลัง"),
        ("ผู้รับผิดชอบแถว 2 เดิมเป็นกองช่าง แต่ขอแก้เป็นงานพัสดุนะคะ", "owners", "งานพัสดุ"),
        (
            "ระยะเวลาแถว 4 ตอนนี้ ต.ค. 68 - ธ.ค. 68 ขอเปลี่ยนเป็น ม.ค. 69 - มี.ค. 69",
            "timeline",
            "ม.ค. 69 - มี.ค. 69",
        ),
        (
            "มาตรการแถว 1 ปัจจุบันเป็น กิจกรรมรักษามาตรฐาน อยากเปลี่ยนเป็น โครงการอบรมจริยธรรม",
            "measure",
            "โครงการอบรมจริยธรรม",
        ),
    ],
)
def test_the_value_now_before_a_change_is_not_stored(text, action, value):
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action.value == action and cmd.value == value


def test_a_change_word_inside_free_text_stays_when_no_value_now_is_named():
    cmd = parse_edit("แก้มาตรการแถว 1 เป็น ปรับปรุงระบบแล้วเปลี่ยนเป็นออนไลน์")
    assert cmd is not None and cmd.value == "ปรับปรุงระบบแล้วเปลี่ยนเป็นออนไลน์"
