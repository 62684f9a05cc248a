"""Half-understood edits say what to send instead; and the conventions of edit rounds 28-31.

Phrasings here differ from the benchmark's (benchmarks/edit_messages.yaml rounds 28-31): each test
states the general rule, and the replies are checked to quote messages that themselves read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.dialogue.answer_words import is_confirm
from bot.dialogue.command_words import Command, parse_command
from bot.dialogue.files import _kinds
from bot.dialogue.understand import indicator_names
from bot.drafting.edits import (
    EditAction,
    EditError,
    EditTwoChanges,
    apply,
    command_period,
    number_rows,
    parse_edit,
)
from bot.ita.framework import load_framework
from bot.ita.measures import AgencyProfile, Draft, MeasureRow, Source

A = EditAction
NAMES = indicator_names(load_framework(Path(__file__).resolve().parents[1] / "knowledge"))


def _draft() -> Draft:
    rows = [
        MeasureRow(
            indicator=n,
            score=80.0,
            tier="แก้ไขเร่งด่วน",
            analysis="คะแนนต่ำ",
            measure=f"มาตรการ {n}",
            steps=["1. แต่งตั้งคณะทำงาน"],
            owners=["สำนักปลัด"],
            timeline="ต.ค. 68 – ก.ย. 69",
            start_month="2025-10",
            end_month="2026-09",
            monitoring="ติดตามรายไตรมาส",
            reporting="รายงานรอบ 6 และ 12 เดือน",
            kpi="ร้อยละ 100",
            sources=[Source(source="seed 001", text="ตัวอย่าง")],
        )
        for n in (2, 3, 9, 10)
    ]
    profile = AgencyProfile(name="อบต.นาดี", units=["สำนักปลัด"], assessment_year=2568, fiscal_year=2569)
    return number_rows(Draft(agency=profile, rows=rows, fiscal_year=2569))


def _read(text: str) -> tuple[EditAction, str, int, str]:
    cmd = parse_edit(text, NAMES)
    assert cmd is not None, text
    return cmd.action, cmd.target, cmd.number, cmd.value


# ---------------------------------------------------------------- two changes in one message
@pytest.mark.parametrize(
    "text, first, second",
    [
        ("แถว 2 ระยะเวลาเป็นทั้งปี แล้วก็ผู้รับผิดชอบเป็นกองช่าง", (A.TIMELINE, 2), (A.OWNERS, 2)),
        ("ลบแถว 4 นะคะ แล้วแก้มาตรการแถว 1 เป็น จัดทำคู่มือ", (A.DELETE, 4), (A.MEASURE, 1)),
        ("แก้ KPI แถว 2 เป็นร้อยละ 80 แล้วลบแถว 5", (A.KPI, 2), (A.DELETE, 5)),
        ("ผู้รับผิดชอบแถว 6 งานพัสดุ, ระยะเวลา ไตรมาส 3", (A.OWNERS, 6), (A.TIMELINE, 6)),
    ],
)
def test_two_changes_are_quoted_back_as_two_messages_that_each_read(text, first, second):
    with pytest.raises(EditTwoChanges) as caught:
        parse_edit(text, NAMES)
    parts = caught.value.parts
    assert len(parts) == 2 and all(part in str(caught.value) for part in parts)
    assert [(_read(part)[0], _read(part)[2]) for part in parts] == [first, second]


def test_a_kpi_may_rank_but_a_row_inside_it_is_a_second_change():
    assert _read("KPI แถว 2 เป็น อยู่ในลำดับ 1 ของจังหวัด") == (A.KPI, "row", 2, "อยู่ในลำดับ 1 ของจังหวัด")
    with pytest.raises(EditTwoChanges):
        parse_edit("ลบแถว 3 ค่ะ แล้วแก้ KPI แถว 2 เป็นร้อยละ 70", NAMES)


# ---------------------------------------------------------------- what is missing, said back
def test_a_change_without_a_row_quotes_the_message_with_a_row_that_reads():
    with pytest.raises(EditError) as caught:
        parse_edit("เปลี่ยนมาตรการเป็น จัดอบรมจริยธรรมประจำปี", NAMES)
    said = str(caught.value)
    assert "จัดอบรมจริยธรรมประจำปี" in said
    example = re.search(r'เช่น "([^"]+)"', said)
    assert example is not None
    assert _read(example.group(1))[::2] == (A.MEASURE, 3)


def test_a_row_named_without_a_cell_gets_examples_for_that_row():
    with pytest.raises(EditError) as caught:
        parse_edit("แถว 2 ขอแก้ไขหน่อยค่ะ", NAMES)
    lines = [line.lstrip("• ").strip() for line in str(caught.value).splitlines()[1:]]
    assert lines and all(_read(line)[2] == 2 for line in lines if "…" not in line)


# ---------------------------------------------------------------- the table, commands, yes
def test_asking_to_see_the_table_shows_every_row():
    cmd = parse_edit("ขอดูตารางทั้งหมดค่ะ", NAMES)
    assert cmd is not None and (cmd.action, cmd.target) == (A.SHOW, "all")
    draft = _draft()
    assert apply(draft, cmd).numbers == [r.number for r in draft.rows]
    assert not apply(draft, cmd).changed


@pytest.mark.parametrize(
    "text, command, kinds",
    [
        ("ขอไฟล์ word ครับ ขอ excel ด้วยครับ", Command.EXPORT, ("docx", "xlsx")),
        ("ส่งเป็นภาพให้หน่อยครับ", Command.EXPORT, ("png",)),
        ("ขอไฟล์ excel ค่ะ จะใช้ประชุมพรุ่งนี้", Command.EXPORT, ("xlsx",)),
    ],
)
def test_files_asked_in_other_words(text, command, kinds):
    found = parse_command(text)
    assert found is not None and found[0] is command and _kinds(found[1]) == kinds


@pytest.mark.parametrize(
    "text, command",
    [
        ("จัดทำรายงานสรุปผล 6 เดือนค่ะ", Command.REPORT),
        ("มีเมนูอะไรได้บ้างคะ", Command.HELP),
        ("ขอเริ่มแผนใหม่ค่ะ", Command.NEW),
    ],
)
def test_commands_in_other_words(text, command):
    found = parse_command(text)
    assert found is not None and found[0] is command


def test_two_sentences_asking_different_commands_are_neither():
    assert parse_command("ขอไฟล์ word ค่ะ ย้อนกลับด้วย") is None


def test_a_confirmation_may_close_with_several_words():
    assert is_confirm("ยืนยันตามนี้ทั้งหมดค่ะ")
    assert not is_confirm("ยืนยันตามนี้ แต่แก้แถว 2 ก่อน")


# ---------------------------------------------------------------- periods, rows by topic, reasons
@pytest.mark.parametrize(
    "text, number, label",
    [
        ("แถว 2 ทำเดือนมกราคมเดือนเดียวก็พอ", 2, "ม.ค. 69"),
        ("ม.ค. 69 ถึง มี.ค. 69 สำหรับแถว 5", 5, "ม.ค. – มี.ค. 69"),
        ("แถว 2 เลื่อนไปเริ่ม มี.ค. 69 แทน", 2, "มี.ค. – ก.ย. 69"),
        ("แถว 4 ยืดเวลาไปจนถึงสิ้นปีงบประมาณ", 4, "ต.ค. 68 – ก.ย. 69"),
    ],
)
def test_periods_with_words_around_them(text, number, label):
    cmd = parse_edit(text, NAMES)
    assert cmd is not None and (cmd.action, cmd.number) == (A.TIMELINE, number)
    assert command_period(cmd, 2569).label == label


def test_a_row_named_by_its_topic_and_a_topic_inside_a_value():
    assert _read("แถวเรื่องการใช้อำนาจ ผู้รับผิดชอบเป็นงานนิติการ") == (A.OWNERS, "indicator", 3, "งานนิติการ")
    assert _read("แถว 2 เพิ่มขั้นตอน อบรมเรื่องการป้องกันการทุจริต")[:3] == (A.ADD_STEP, "row", 2)


def test_a_reason_after_a_valueless_order_is_not_a_second_order():
    assert _read("ลบแถว 4 ครับ ซ้ำซ้อนกับแถวอื่น") == (A.DELETE, "row", 4, "")
    assert _read("ร่างแถว 2 ใหม่ค่ะ เพราะยังไม่ครอบคลุม") == (A.REDRAFT, "row", 2, "")


def test_should_be_one_owner_not_another_swaps_them():
    assert _read("ผู้รับผิดชอบแถว 2 ต้องเป็นกองช่างค่ะ ไม่ใช่กองคลัง") == (A.REPLACE, "row", 2, "กองคลัง → กองช่าง")
    assert parse_edit("ผู้รับผิดชอบแถว 2 ควรเป็นกองช่างไหมคะ", NAMES) is None
    assert _read("ทุกแถวผู้รับผิดชอบเป็นกองคลังทั้งหมดเลย") == (A.OWNERS, "all", 0, "กองคลัง")


@pytest.mark.parametrize(
    "text, label",
    [
        ("แถว 2 ดำเนินการไตรมาสที่สอง", "ม.ค. – มี.ค. 69"),
        ("ระยะเวลาแถว 2 ไตรมาสสองถึงสาม", "ม.ค. – มิ.ย. 69"),
    ],
)
def test_quarters_written_as_words(text, label):
    cmd = parse_edit(text, NAMES)
    assert cmd is not None and command_period(cmd, 2569).label == label


def test_a_row_named_as_a_measure_changes_its_name_when_no_other_cell_is_named():
    assert _read("มาตรการสุดท้ายเปลี่ยนชื่อเป็น อบรมผู้บริหาร") == (A.MEASURE, "last", 0, "อบรมผู้บริหาร")
    assert _read("มาตรการอันแรก ผู้รับผิดชอบเป็นกองคลัง")[:2] == (A.OWNERS, "first")
    assert parse_edit("มาตรการเรื่องงบประมาณ แก้เป็น 90", NAMES) is None  # a score, never a name


def test_a_remark_about_rows_before_an_order_that_names_its_own_row():
    assert _read("แถว 4 กับแถว 7 ซ้ำกัน ขอลบแถว 7 ค่ะ") == (A.DELETE, "row", 7, "")
    assert parse_edit("แถว 4 ลบแถว 7", NAMES) is None  # no remark: which row is meant is not clear
    with pytest.raises(EditError):
        parse_edit("แก้แถว 4 แล้วลบแถว 7", NAMES)  # a change before is a second order


@pytest.mark.parametrize(
    "text, label",
    [
        ("ระยะเวลาแถว 2 ดำเนินการต่อเนื่องตลอดปีงบ", "ต.ค. 68 – ก.ย. 69"),
        ("แถว 2 ให้เสร็จภายในมีนาคมนี้", "ต.ค. 68 – มี.ค. 69"),
    ],
)
def test_a_period_with_its_closing_words(text, label):
    cmd = parse_edit(text, NAMES)
    assert cmd is not None and command_period(cmd, 2569).label == label


def test_only_that_file_is_enough():
    found = parse_command("ขอ word อย่างเดียวก็พอค่ะ")
    assert found is not None and found[0] is Command.EXPORT and _kinds(found[1]) == ("docx",)


def test_voice_typing_pauses_are_not_words_of_the_value():
    assert _read("อืม แถว 2 มาตรการ แบบว่า เปลี่ยนเป็น จัดอบรมออนไลน์") == (A.MEASURE, "row", 2, "จัดอบรมออนไลน์")
    assert _read("แถว 2 ผู้รับผิดชอบ เอ่อ กองช่างค่ะ")[::3] == (A.OWNERS, "กองช่าง")


def test_a_change_verb_before_a_period_with_no_field_word():
    cmd = parse_edit("แถว 5 ขอเปลี่ยนเป็นไตรมาสแรก", NAMES)
    assert cmd is not None and command_period(cmd, 2569).label == "ต.ค. – ธ.ค. 68"


def test_a_file_asked_for_after_a_change_is_not_part_of_its_value():
    assert _read("แก้ผู้รับผิดชอบแถว 2 เป็นงานพัสดุ แล้วขอไฟล์ excel ด้วยค่ะ")[::3] == (A.OWNERS, "งานพัสดุ")
    step = "จัดทำรายงาน และส่งไฟล์รายงานให้นายก"
    assert _read(f"เพิ่มขั้นตอนแถว 2 ว่า {step}")[3] == step


def test_who_agreed_to_a_change_is_not_part_of_its_value():
    assert _read("แถว 2 ผู้รับผิดชอบเป็นกองช่าง ตามมติที่ประชุมค่ะ")[::3] == (A.OWNERS, "กองช่าง")
    assert _read("แก้มาตรการแถว 2 เป็น จัดทำรายงาน ตามที่กฎหมายกำหนด")[3] == "จัดทำรายงาน ตามที่กฎหมายกำหนด"


def test_the_same_cell_of_another_row_is_quoted_with_its_cell():
    with pytest.raises(EditTwoChanges) as caught:
        parse_edit("ระยะเวลาแถว 1 เป็นไตรมาส 1 ส่วนแถว 4 เป็นไตรมาส 3", NAMES)
    assert [(_read(p)[0], _read(p)[2]) for p in caught.value.parts] == [(A.TIMELINE, 1), (A.TIMELINE, 4)]


@pytest.mark.parametrize(
    "text, label",
    [
        ("แถว 2 ทำเดือน ธ.ค. 68 กับ ม.ค. 69", "ธ.ค. 68 – ม.ค. 69"),
        ("ระยะเวลาแถว 2 เป็น ส.ค. และ ก.ย. 69", "ส.ค. – ก.ย. 69"),
    ],
)
def test_two_months_side_by_side_are_one_period(text, label):
    cmd = parse_edit(text, NAMES)
    assert cmd is not None and command_period(cmd, 2569).label == label


def test_two_months_apart_are_asked_back():
    cmd = parse_edit("ระยะเวลาแถว 2 เป็น ม.ค. กับ มี.ค. 69", NAMES)
    assert cmd is not None
    with pytest.raises(EditError):
        command_period(cmd, 2569)


def test_a_softener_before_the_value_and_a_row_no_longer_needed():
    assert _read("ใส่ผู้รับผิดชอบแถว 2 ให้หน่อยค่ะ งานพัสดุ")[::3] == (A.OWNERS, "งานพัสดุ")
    assert _read("ไม่ต้องมีตัวชี้วัดที่ 10 แล้วค่ะ")[:3] == (A.DELETE, "indicator", 10)


@pytest.mark.parametrize(
    "text, label",
    [
        ("แถว 2 ทำ 3 เดือนแรก", "ต.ค. – ธ.ค. 68"),
        ("ระยะเวลาแถว 2 สองเดือนสุดท้ายของปีงบ", "ส.ค. – ก.ย. 69"),
        ("ระยะเวลาแถว 2 ครึ่งปีหลัง", "เม.ย. – ก.ย. 69"),
    ],
)
def test_the_fiscal_years_first_or_last_months_by_count(text, label):
    cmd = parse_edit(text, NAMES)
    assert cmd is not None and command_period(cmd, 2569).label == label


def test_more_words_for_owners_and_for_a_new_name():
    assert _read("แถว 2 เจ้าของเรื่องเป็นงานนิติการ")[::3] == (A.OWNERS, "งานนิติการ")
    assert _read("มาตรการแถว 2 ใช้ชื่อ ส่งเสริมความโปร่งใส")[::3] == (A.MEASURE, "ส่งเสริมความโปร่งใส")
