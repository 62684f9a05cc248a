"""Mechanisms added for the fresh rounds of officer messages (rounds 36 and later), as behaviour.

Each test names the general mechanism, with more than the one phrasing that showed the gap.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.dialogue.command_words import Command, is_confirm, parse_command
from bot.drafting.edit_text import tidy_thai
from bot.drafting.edits import (
    EditAction,
    EditError,
    EditGuess,
    EditTwoChanges,
    command_period,
    parse_edit,
    split_owners,
)
from bot.ita.framework import load_framework

A = EditAction
KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge"


@pytest.fixture(scope="module")
def names() -> dict[str, int]:
    fw = load_framework(KNOWLEDGE)
    return {n: i.number for i in fw.indicators for n in (i.name, *i.variants)}


def test_keyboard_slips_that_change_no_meaning_are_made_regular():
    assert tidy_thai("เเถว 4 ก่่อน") == "แถว 4 ก่อน"
    assert tidy_thai("x" * 10 + "ก" + "่" * 50_000) == "x" * 10 + "ก่"


@pytest.mark.parametrize(
    "text, action, number",
    [
        ("เเถว 4 ทำทั้งปีเลยครับ", A.TIMELINE, 4),
        ("เเก้ผู้รับผิดชอบเเถว 3 เป็นกองคลัง", A.OWNERS, 3),
        ("ลบเเถว 2 ค่่ะ", A.DELETE, 2),
    ],
)
def test_two_sara_e_typed_for_sara_ae_read_as_the_word(text, action, number):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.number) == (action, number)


def test_a_slip_is_not_kept_in_a_value():
    cmd = parse_edit("แถว 2 ผู้รับผิดชอบเป็น เเผนงาน")
    assert cmd is not None and cmd.value == "แผนงาน"


@pytest.mark.parametrize("text", ["ยืนยันค่่ะ", "ยืนยันเเล้วค่ะ"])
def test_a_confirmation_with_a_slip_confirms(text):
    assert is_confirm(text)


@pytest.mark.parametrize(
    "text, action",
    [
        ("แถว 6 ร่างใหม่ให้หน่อยครับ ยังไม่โดน", A.REDRAFT),
        ("ร่างแถว 6 ใหม่ค่ะ ยังไม่ชอบเลย", A.REDRAFT),
        ("แถว 6 ร่างใหม่ ยังไม่ตอบโจทย์", A.REDRAFT),
    ],
)
def test_a_judgement_after_the_order_is_its_reason(text, action):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.number) == (action, 6)


@pytest.mark.parametrize(
    "text", ["แถว 2 ยังไม่ลบนะ", "ยังไม่ต้องแก้แถว 5", "แถว 3 ยังไม่อยากเปลี่ยน", "ยังไม่ร่างแถว 4 ใหม่"]
)
def test_not_yet_before_a_change_holds_it_back(text):
    assert parse_edit(text) is None


@pytest.mark.parametrize(
    "text, action, number",
    [
        ("เพิ่มแถวตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการค่ะ", A.ADD_ROW, 4),
        ("ลบตัวชี้วัดที่ 3 การใช้อำนาจ", A.DELETE, 3),
        ("ตัวชี้วัดที่ 2 เรื่องงบประมาณ ผู้รับผิดชอบเป็นกองคลัง", A.OWNERS, 2),
        ("ขอดูตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", A.SHOW, 9),
    ],
)
def test_a_numbered_indicator_may_carry_its_own_name(names, text, action, number):
    cmd = parse_edit(text, names)
    assert cmd is not None and (cmd.action, cmd.target, cmd.number) == (action, "indicator", number)
    if action is A.OWNERS:
        assert cmd.value == "กองคลัง"


def test_export_with_a_slip_is_still_an_export():
    assert parse_command("ดาวน์โหลดไฟล์ทั้งหมดค่่ะ") == (Command.EXPORT, "")


@pytest.mark.parametrize(
    "text, action, value",
    [
        ("มาตรการแถว 3 ผู้รับผิดชอบเป็นกองคลัง", A.OWNERS, "กองคลัง"),
        ("มาตรการที่ 3 ระยะเวลา ไตรมาส 2", A.TIMELINE, "ไตรมาส 2"),
        ("มาตรการลำดับที่ 3 KPI ร้อยละ 80", A.KPI, "ร้อยละ 80"),
    ],
)
def test_measure_before_a_row_number_names_the_row(text, action, value):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.target, cmd.number, cmd.value) == (action, "row", 3, value)


def test_a_measure_whose_new_name_holds_another_field_word_stays_a_measure():
    cmd = parse_edit("แก้มาตรการแถว 12 เป็น ลดขั้นตอนการขออนุญาต")
    assert cmd is not None and (cmd.action, cmd.value) == (A.MEASURE, "ลดขั้นตอนการขออนุญาต")


@pytest.mark.parametrize(
    "text, owner",
    [
        ("แถว 4 ให้กองการศึกษาดูแลค่ะ", "กองการศึกษา"),
        ("แถว 1 ให้ผู้อำนวยการกองคลังเป็นคนรับผิดชอบ", "ผู้อำนวยการกองคลัง"),
        ("แถว 1 ให้งานพัสดุเป็นผู้ดูแล", "งานพัสดุ"),
    ],
)
def test_an_owner_named_before_the_verb_of_looking_after(text, owner):
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action is A.OWNERS and split_owners(cmd.value) == [owner]


@pytest.mark.parametrize(
    "text", ["แถว 7 ทำทุกเดือนตลอดปีงบ", "แถว 7 ดำเนินการเป็นประจำ ตลอดปี", "แถว 7 รายไตรมาส ทั้งปี"]
)
def test_how_often_is_no_part_of_when(text):
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action is A.TIMELINE
    assert command_period(cmd, 2569).label == "ต.ค. 68 – ก.ย. 69"


@pytest.mark.parametrize("text", ["ขอดูเมนูคำสั่งหน่อยค่ะ", "เปิดคู่มือการใช้งาน", "วิธีใช้บอทนี้ค่ะ"])
def test_help_in_any_order_of_its_words(text):
    assert parse_command(text) == (Command.HELP, "")


@pytest.mark.parametrize("text", ["คำสั่งซื้อ", "เมนูอาหาร"])
def test_other_menus_and_orders_are_not_help(text):
    assert parse_command(text) is None


@pytest.mark.parametrize("text", ["แถว 1 กับ 2 ลบออกครับ ไม่ต้องทำ", "ลบแถว 1 ค่ะ ไม่จำเป็นต้องมี"])
def test_a_negation_after_the_order_is_its_reason(text):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.number) == (A.DELETE, 1)


@pytest.mark.parametrize("text", ["ลบแถว 4 อย่าลบแถว 5", "ไม่ต้องลบแถว 4 นะ", "แถว 8 ยังไม่ต้องแก้นะคะ"])
def test_a_negation_of_an_order_holds_the_change_back(text):
    assert parse_edit(text) is None


@pytest.mark.parametrize(
    "text", ["ขอดูข้อมูลหน่วยงานหน่อยครับ", "แก้ชื่อหน่วยงาน", "เปลี่ยนหน่วยงานย่อยใหม่ค่ะ", "แก้ไขปีที่ประเมิน"]
)
def test_the_profile_asked_for_in_words(text):
    assert parse_command(text) == (Command.PROFILE, "")


def test_a_question_about_the_profile_is_not_the_command():
    assert parse_command("ข้อมูลหน่วยงานของเราถูกต้องไหม") is None


@pytest.mark.parametrize(
    "text",
    [
        "แถว 3 ให้กองคลังรับผิดชอบ แล้วก็เลื่อนเวลาเป็นไตรมาส 3",
        "แถว 3 ให้กองคลังรับผิดชอบ และแก้ KPI เป็น ร้อยละ 90",
    ],
)
def test_a_second_change_beside_the_value_is_refused_and_split(text):
    with pytest.raises(EditTwoChanges) as caught:
        parse_edit(text)
    assert len(caught.value.parts) == 2 and all("แถว 3" in part for part in caught.value.parts)


@pytest.mark.parametrize(
    "text", ["แถว 1 เวลาดำเนินการ 1 ต.ค. 68 - 30 ก.ย. 69", "แถว 1 ระยะเวลา ทำ ต.ค. 68 - ก.ย. 69"]
)
def test_doing_before_a_period_is_no_part_of_it(text):
    cmd = parse_edit(text)
    assert cmd is not None and command_period(cmd, 2569).label == "ต.ค. 68 – ก.ย. 69"


def test_an_owner_taken_out_of_the_owner_cell_is_named_without_in():
    cmd = parse_edit("แถว 3 ไม่ต้องมีสำนักปลัดในผู้รับผิดชอบค่ะ")
    assert cmd is not None and cmd.action is A.REMOVE_OWNER and split_owners(cmd.value) == ["สำนักปลัด"]


@pytest.mark.parametrize("text", ["ส่ง word มาใหม่อีกรอบครับ แก้ครบแล้ว", "ขอไฟล์ word ค่ะ ปรับเรียบร้อยแล้ว"])
def test_a_file_asked_for_with_the_edits_said_done(text):
    assert parse_command(text) == (Command.EXPORT, "word")


@pytest.mark.parametrize("text", ["แถว 5 เปลี่ยนเป็นกองคลังค่ะ", "แถว 5 กองคลัง, กองช่าง"])
def test_units_beside_a_row_with_no_cell_named_are_asked_as_owners(text):
    with pytest.raises(EditGuess) as caught:
        parse_edit(text)
    assert caught.value.proposal.startswith("แก้ผู้รับผิดชอบ แถว 5 เป็น กองคลัง")
    assert parse_edit(caught.value.proposal) is not None  # a yes applies the proposal as typed


@pytest.mark.parametrize("text", ["แถว 5 กองทุนหมู่บ้าน", "แถว 5 ไตรมาส 2"])
def test_other_bare_values_are_not_guessed_as_owners(text):
    try:
        parse_edit(text)
    except EditGuess:  # pragma: no cover - the failure itself
        pytest.fail("guessed as owners")
    except EditError:
        pass


@pytest.mark.parametrize(
    "text, action",
    [
        ("ลบอันที่ 3", A.DELETE),
        ("ทำแถว 3 ใหม่", A.REDRAFT),
        ("แถว 3 ขอแบบอื่น", A.REDRAFT),
        ("ขอมาตรการอื่นแทนแถว 3", A.REDRAFT),
        ("แถว 3 ขั้นตอนทั้งหมดเป็น 1) แต่งตั้งคณะทำงาน 2) จัดประชุม", A.STEPS),
    ],
)
def test_more_ways_to_name_a_row_and_ask_for_another_version(text, action):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.number) == (action, 3)


@pytest.mark.parametrize(
    "text, owners",
    [
        ("แถว 5 ผู้รับผิดชอบ: นายก อบต. และปลัด อบต.", ["นายก อบต.", "ปลัด อบต."]),
        ("แถว 5 ผู้รับผิดชอบ ครูวิชาการ", ["ครูวิชาการ"]),
        ("แถว 5 ผู้รับผิดชอบ กองยุทธศาสตร์และงบประมาณ", ["กองยุทธศาสตร์และงบประมาณ"]),
    ],
)
def test_people_by_their_posts_are_owners(text, owners):
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action is A.OWNERS and split_owners(cmd.value) == owners


@pytest.mark.parametrize("text", ["ยกเลิกล่าสุด", "ยกเลิกอันเมื่อกี้ค่ะ"])
def test_cancelling_the_last_change_is_undo(text):
    assert parse_command(text) == (Command.UNDO, "")


@pytest.mark.parametrize(
    "text, label",
    [
        ("แถว 3 ระยะเวลา 1/10/68 - 30/9/69", "ต.ค. 68 – ก.ย. 69"),
        ("แถว 3 ระยะเวลา 1/1/2569 ถึง 31/3/2569", "ม.ค. – มี.ค. 69"),
        ("แถว 3 กรอบเวลา ไตรมาส 2/2569", "ม.ค. – มี.ค. 69"),  # a quarter's year, not February
        ("แถว 3 ทำแค่ไตรมาสแรก", "ต.ค. – ธ.ค. 68"),
    ],
)
def test_dates_in_numbers_and_only_words_in_periods(text, label):
    cmd = parse_edit(text)
    assert cmd is not None and command_period(cmd, 2569).label == label


@pytest.mark.parametrize(
    "text, action", [("ลบ 3", A.DELETE), ("ดู 3", A.SHOW), ("del แถว 3", A.DELETE), ("redo row 3", A.REDRAFT)]
)
def test_a_bare_number_after_a_verb_is_a_row(text, action):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.target, cmd.number) == (action, "row", 3)


@pytest.mark.parametrize("text", ["ลบ 3 แถวแรก", "ดู 80%"])
def test_a_count_or_a_share_after_a_verb_is_not_a_row(text):
    assert parse_edit(text) is None or parse_edit(text).number != 3


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ขอเอกสารฉบับสมบูรณ์", (Command.EXPORT, "")),
        ("ขอทั้ง 2 ไฟล์", (Command.EXPORT, "")),
        ("ขอแบบรายงานผลการดำเนินงานตามมาตรการ ฯ รอบ 6 เดือน (ต.ค. - มี.ค.)", (Command.REPORT, "6")),
        ("รายงานรอบ 12 เดือน (ต.ค.68-ก.ย.69)", (Command.REPORT, "12")),
        ("บอทนี้ใช้ยังไงคะ", (Command.HELP, "")),
    ],
)
def test_more_file_report_and_help_requests(text, expected):
    assert parse_command(text) == expected


@pytest.mark.parametrize("text", ["แถว 4 ผู้รับผิดชอบ ควรเป็นกองช่าง", "แถว 4 ผู้รับผิดชอบน่าจะเป็นกองช่างนะคะ"])
def test_should_be_with_a_value_is_a_change_not_a_question(text):
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action is A.OWNERS and split_owners(cmd.value) == ["กองช่าง"]


@pytest.mark.parametrize("text", ["ผู้รับผิดชอบแถว 5 ควรเป็นกองไหนคะ", "ควรลบแถว 4 ไหม"])
def test_should_with_a_question_word_still_asks(text):
    assert parse_edit(text) is None


def test_a_hedged_unit_with_no_cell_is_asked_without_the_hedge():
    with pytest.raises(EditGuess) as caught:
        parse_edit("แถว 4 น่าจะเป็นกองช่างมากกว่าค่ะ")
    assert caught.value.proposal == "แก้ผู้รับผิดชอบ แถว 4 เป็น กองช่าง"


@pytest.mark.parametrize(
    "text",
    [
        "แถว 2 ขอปรับระยะเวลาให้ยาวขึ้นเป็นทั้งปี",
        "แถว 2 ระยะเวลาสั้นไป ขอเป็นทั้งปีงบ",
        "แถว 2 ขยายถึงสิ้นปีงบประมาณ",
    ],
)
def test_a_manner_or_a_remark_before_the_value(text):
    cmd = parse_edit(text)
    assert cmd is not None and command_period(cmd, 2569).label == "ต.ค. 68 – ก.ย. 69"


def test_show_everything_is_the_table():
    cmd = parse_edit("ขอดูทั้งหมด")
    assert cmd is not None and (cmd.action, cmd.target) == (A.SHOW, "all")


@pytest.mark.parametrize("ending", ["อะ", "อ่ะ", "งับ", "ค่า", "คร่ะ", "เด้อ", "คับ", "นะคะ ขอบคุณมากๆค่ะ 🙏🙏"])
def test_chat_particles_are_never_saved_in_a_value(ending):
    cmd = parse_edit(f"แถว 3 ผู้รับผิดชอบเป็นกองคลัง{ending}")
    assert cmd is not None and split_owners(cmd.value) == ["กองคลัง"]


@pytest.mark.parametrize("value", ["เพิ่มมูลค่า", "ตามข้อบังคับ", "จัดทำแผนปีงบ"])
def test_words_that_end_like_particles_are_kept(value):
    cmd = parse_edit(f"แถว 3 มาตรการเป็น {value}")
    assert cmd is not None and cmd.value == value


@pytest.mark.parametrize(
    "text, label",
    [
        ("แถว 3 ระยะเวลา มกรา - มีนา 69", "ม.ค. – มี.ค. 69"),
        ("แถว 3 ระยะเวลา ต.ค. 68 เป็นต้นไป", "ต.ค. 68 – ก.ย. 69"),
        ("แถว 3 ระยะเวลา 1 ปี", "ต.ค. 68 – ก.ย. 69"),
        ("แถว 3 ระยะเวลา 3 เดือน (ม.ค.-มี.ค. 69)", "ม.ค. – มี.ค. 69"),
        ("แถว 3 ระยะเวลา ม.ค. 69 ถึง มี.ค. 69 ค่า", "ม.ค. – มี.ค. 69"),
    ],
)
def test_spoken_months_onwards_one_year_and_months_in_brackets(text, label):
    cmd = parse_edit(text)
    assert cmd is not None and command_period(cmd, 2569).label == label


@pytest.mark.parametrize(
    "text, owners",
    [
        ("#3 ผู้รับผิดชอบ กองคลัง", ["กองคลัง"]),
        ("แถว 3 ผู้รับผิดชอบ (กองคลัง)", ["กองคลัง"]),
        ("แถว 3 ผู้รับผิดชอบ: - กองคลัง - กองช่าง", ["กองคลัง", "กองช่าง"]),
        ("แถว 3 มอบหมายกองคลัง", ["กองคลัง"]),
        ("แถว 3 มอบให้กองคลังรับผิดชอบ", ["กองคลัง"]),
        ("แถว 3 ผู้ปฏิบัติ กองคลัง", ["กองคลัง"]),
    ],
)
def test_more_owner_words_and_list_shapes(text, owners):
    cmd = parse_edit(text)
    assert (
        cmd is not None and cmd.action is A.OWNERS and cmd.number == 3 and split_owners(cmd.value) == owners
    )


@pytest.mark.parametrize(
    "text, label",
    [
        ("แถว 2 ให้เริ่มเดือนกุมภา 69 ไปจนจบปีงบ", "ก.พ. – ก.ย. 69"),
        ("แถว 2 ม.ค. 69 ถึงสิ้นปีงบประมาณ", "ม.ค. – ก.ย. 69"),
    ],
)
def test_a_start_then_to_the_year_end(text, label):
    cmd = parse_edit(text)
    assert cmd is not None and command_period(cmd, 2569).label == label


@pytest.mark.parametrize("text", ["โอเคครับ ตามนี้เลย", "ได้ค่ะ ถูกต้องแล้ว", "ยืนยันค่ะ ตามนี้"])
def test_a_yes_with_its_words_apart_confirms(text):
    assert is_confirm(text)


def test_an_undo_naming_a_row_carries_the_row():
    assert parse_command("ย้อนกลับไปก่อนแก้แถว 3 ค่ะ") == (Command.UNDO, "แถว 3")
    assert parse_command("ย้อนกลับค่ะ") == (Command.UNDO, "")


def test_complete_is_a_word_not_a_slip_of_the_particle():
    cmd = parse_edit("KPI ตัวชี้วัด 9: ร้อยละ 100 ของข้อมูล OIT เผยแพร่ครบ")
    assert cmd is not None and cmd.value.endswith("เผยแพร่ครบ")


@pytest.mark.parametrize(
    "text, action, value",
    [
        ("แถว 2 เป้าหมายความสำเร็จ: ร้อยละ 90", A.KPI, "ร้อยละ 90"),
        ("แถว 2 ผลลัพธ์ที่คาดหวัง ร้อยละ 90", A.KPI, "ร้อยละ 90"),
        ("แถว 2 ชื่อโครงการ เปลี่ยนเป็น โครงการประหยัดพลังงาน", A.MEASURE, "โครงการประหยัดพลังงาน"),
        ("แถว 2 วิธีการ: อบรมเชิงปฏิบัติการ", A.STEPS, "อบรมเชิงปฏิบัติการ"),
        ("แถว 2 ผู้รับผิดชอบ\n1. กองคลัง\n2. กองช่าง", A.OWNERS, "1. กองคลัง\n2. กองช่าง"),
        ("แถว 2 ขั้นตอน\n1. แต่งตั้งคณะทำงาน\n2. จัดประชุม", A.STEPS, "1. แต่งตั้งคณะทำงาน\n2. จัดประชุม"),
    ],
)
def test_more_field_words_and_a_value_on_the_next_line(text, action, value):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.number, cmd.value) == (action, 2, value)


def test_a_numbered_owner_list_is_split_without_its_numbers():
    assert split_owners("1. กองคลัง\n2) กองช่าง") == ["กองคลัง", "กองช่าง"]


@pytest.mark.parametrize(
    "text, at", [("แถว 3 แทรกขั้นตอนก่อนข้อ 2 ว่า ประชุมชี้แจง", 2), ("แถว 3 เพิ่มขั้นตอนหลังข้อ 2: ประชุมชี้แจง", 3)]
)
def test_a_step_inserted_before_or_after_another_goes_there(text, at):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.step, cmd.value) == (A.ADD_STEP, at, "ประชุมชี้แจง")


def test_or_without_a_space_is_still_a_choice_asked_back():
    with pytest.raises(EditError):
        parse_edit("แถว 3 ผู้รับผิดชอบเป็นกองคลัง หรือกองช่างดีคะ")


def test_a_row_counted_from_the_end_is_never_read_as_that_number():
    assert parse_edit("แถวที่ 2 จากท้าย ลบ") is None


def test_measure_of_an_item_names_the_item():
    cmd = parse_edit("มาตรการของ O12 ผู้รับผิดชอบงานพัสดุ")
    assert cmd is not None and (cmd.action, cmd.item, cmd.value) == (A.OWNERS, "O12", "งานพัสดุ")


@pytest.mark.parametrize(
    "text, command",
    [
        ("ร่างมาตรการใหม่หมดเลย", Command.DRAFT),
        ("เปลี่ยนเกณฑ์", Command.THRESHOLD),
        ("ขอเปลี่ยนรูปแบบเอกสาร", Command.LAYOUT),
        ("help me", Command.HELP),
        ("how to edit", Command.HELP),
        ("ขอดูคำสั่งทั้งหมด", Command.HELP),
    ],
)
def test_more_command_wordings(text, command):
    found = parse_command(text)
    assert found is not None and found[0] is command


@pytest.mark.parametrize(
    "text", ["แถว 6 ตอนนี้เป็นสำนักปลัด ขอเปลี่ยนเป็นกองช่างค่ะ", "แถว 6 เปลี่ยนจากสำนักปลัดเป็นกองช่าง"]
)
def test_one_unit_for_another_with_no_cell_named_sets_the_owners_to_the_new_one(text):
    # the unit named as the value now says which cell it is: only the owners hold units
    cmd = parse_edit(text)
    assert cmd is not None and cmd.action is EditAction.OWNERS and (cmd.target, cmd.number) == ("row", 6)
    assert cmd.value == "กองช่าง"


def test_a_unit_with_no_cell_named_and_no_unit_before_it_is_still_asked():
    with pytest.raises(EditGuess) as caught:
        parse_edit("แถว 6 เปลี่ยนเป็นกองช่างค่ะ")
    assert caught.value.proposal == "แก้ผู้รับผิดชอบ แถว 6 เป็น กองช่าง"


def test_where_a_word_is_replaced_is_no_part_of_the_new_word():
    cmd = parse_edit("แถว 1 เปลี่ยนคำว่า ประชาชน เป็น ผู้มารับบริการ ทุกที่ในแถว")
    assert cmd is not None and cmd.value == "ประชาชน → ผู้มารับบริการ"


def test_the_start_of_the_fiscal_year_before_a_count_of_months():
    cmd = parse_edit("แถว 2 อยากให้ทำช่วงต้นปีงบ 3 เดือนแรกค่ะ")
    assert cmd is not None and command_period(cmd, 2569).label == "ต.ค. – ธ.ค. 68"


@pytest.mark.parametrize(
    "text, command",
    [
        ("ขอแบบรายงาน 6 เดือนค่ะ ต้องส่งอำเภอสิ้นเดือนนี้", (Command.REPORT, "6")),
        ("ขอไฟล์ word ค่ะ ผู้บริหารรออยู่", (Command.EXPORT, "word")),
        ("ขอดูว่าพิมพ์คำสั่งอะไรได้บ้างคะ", (Command.HELP, "")),
    ],
)
def test_an_order_then_a_remark_is_the_order(text, command):
    assert parse_command(text) == command


@pytest.mark.parametrize("text", ["ขอไฟล์ word ค่ะ แก้แถว 3 ด้วย", "ขอไฟล์ word ค่ะ แล้วดูแถว 2 ได้ไหม"])
def test_an_order_then_a_change_or_a_question_is_not_only_the_order(text):
    assert parse_command(text) is None


@pytest.mark.parametrize(
    "text, action",
    [
        ("แถว 3 ระยะเวาล ไตรมาส 2", A.TIMELINE),  # two letters swapped
        ("แถว 3 ขั้นตอณ เพิ่ม ประเมินผล", A.ADD_STEP),  # a letter of the same sound, at the end
        ("แถวว 3 ลบ", A.DELETE),  # the row word's last letter doubled
    ],
)
def test_more_typing_slips_in_field_and_row_words(text, action):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.number) == (action, 3)


def test_a_real_word_near_a_field_word_is_not_fixed():
    assert (
        parse_edit("แถว 3 ขั้นต้น เพิ่ม ประเมินผล") is None
        or parse_edit("แถว 3 ขั้นต้น เพิ่ม ประเมินผล").action is not A.ADD_STEP
    )


@pytest.mark.parametrize("text", ["ยืนยันน", "โอเคค่ะ"])
def test_a_yes_with_its_last_letter_doubled_confirms(text):
    assert is_confirm(text)


@pytest.mark.parametrize("text, kinds", [("ขอไฟล เวิร์ด", "เวิร์ด"), ("ขอไฟล์เอ็กเซลล์", "เอ็กเซลล์")])
def test_file_words_typed_with_slips(text, kinds):
    assert parse_command(text) == (Command.EXPORT, kinds)


@pytest.mark.parametrize(
    "text, action, value",
    [
        ("ขอให้แถว 3 เป็นความรับผิดชอบของกองคลังค่ะ", A.OWNERS, "กองคลัง"),
        ("แถว 3 ขอเปลี่ยนชื่อเป็น มาตรการป้องกันการรับสินบน ค่ะ", A.MEASURE, "มาตรการป้องกันการรับสินบน"),
        ("แถว 3 ขอแก้ชื่อมาตรการนะคะ เป็น มาตรการส่งเสริมวัฒนธรรมสุจริต", A.MEASURE, "มาตรการส่งเสริมวัฒนธรรมสุจริต"),
        ("แถว 3 ตัวชี้วัดความสำเร็จ มีคู่มือ 1 เล่ม เผยแพร่บนเว็บไซต์", A.KPI, "มีคู่มือ 1 เล่ม เผยแพร่บนเว็บไซต์"),
        ("แถว 3 ขั้นที่ 2 แก้เป็น จัดประชุมคณะทำงานทุกเดือน", A.EDIT_STEP, "2: จัดประชุมคณะทำงานทุกเดือน"),
        ("แถว 3 อยากเห็นทั้งหมดอีกที", A.SHOW, ""),
        ("แถว 3 ขอเพิ่มกองสวัสดิการสังคมร่วมด้วย", A.ADD_OWNER, "กองสวัสดิการสังคม"),
    ],
)
def test_round_41_shapes(text, action, value):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.number) == (action, 3)
    assert (split_owners(cmd.value) == [value]) if action in (A.OWNERS, A.ADD_OWNER) else cmd.value == value


def test_a_bare_kpi_word_with_a_count_is_not_enough():
    assert parse_edit("แถว 3 ตัวชี้วัด 2 ข้อนี้ดีแล้ว") is None


def test_rows_named_before_a_command_word_make_an_edit():
    assert parse_command("ตัวชี้วัดการใช้อำนาจ ร่างใหม่ค่ะ") is None
    assert parse_command("ไม่มีตัวอื่นแล้ว ร่างเลย") == (Command.DRAFT, "")


@pytest.mark.parametrize(
    "text, action, value",
    [
        ("ผู้รับผิดชอบแถว 4 อยากให้เปลี่ยน:กองคลังครับ", A.OWNERS, "กองคลัง"),
        ("ค่าเป้าหมายแถว 4 อยากให้แก้ไข:มีรายงานผล 2 ครั้งนะครับ", A.KPI, "มีรายงานผล 2 ครั้ง"),
        ("มาตรการแถว 4 อยากให้แก้ไขให้เป็นจัดทำคู่มือการปฏิบัติงานค่ะ", A.MEASURE, "จัดทำคู่มือการปฏิบัติงาน"),
        ("ผู้รับผิดชอบมาตรการที่ 4 ช่วยเปลี่ยนเป็นกองคลังค่ะ", A.OWNERS, "กองคลัง"),
    ],
)
def test_a_verb_and_its_connective_after_a_request_open_the_value(text, action, value):
    cmd = parse_edit(text)
    assert cmd is not None and (cmd.action, cmd.number, cmd.value) == (action, 4, value)


def test_a_period_after_a_request_and_a_verb_is_read():
    cmd = parse_edit("กรอบเวลาแถว ๔ อยากให้เปลี่ยนเป็นทั้งปีจ้า")
    assert cmd is not None and command_period(cmd, 2569).label == "ต.ค. 68 – ก.ย. 69"


# ---------------------------------------------------------------- rounds 42 and 43 (wt-dialog)
@pytest.mark.parametrize(
    ("text", "action", "number"),
    [
        ("ข้อ 3 ขอเลื่อนระยะเวลาเป็น ม.ค.-มี.ค. 69 ค่ะ", A.TIMELINE, 3),
        ("ลบข้อที่ 7 ออกค่ะ", A.DELETE, 7),
        ("แก้มาตรการข้อ 5 เป็น จัดอบรมจริยธรรม", A.MEASURE, 5),
    ],
)
def test_a_bare_number_after_kho_counts_the_tables_rows(names, text, action, number):
    cmd = parse_edit(text, names)
    assert cmd is not None and cmd.action is action and cmd.target == "row" and cmd.number == number


def test_kho_with_an_item_code_still_names_the_item(names):
    cmd = parse_edit("ข้อ O12 ผู้รับผิดชอบเป็นงานพัสดุ", names)
    assert cmd is not None and cmd.target == "item" and cmd.item == "O12"


@pytest.mark.parametrize(
    ("text", "action", "owner"),
    [
        ("แถว 2 เติมงานบุคคลเข้าไปเป็นผู้รับผิดชอบด้วย", A.ADD_OWNER, "งานบุคคล"),
        ("แถว 5 เติมกองช่างด้วยค่ะ", A.ADD_OWNER, "กองช่าง"),
        ("ถอดกองช่างออกจากแถว 7 ครับ", A.REMOVE_OWNER, "กองช่าง"),
        ("แถว 3 ดึงงานพัสดุออกค่ะ", A.REMOVE_OWNER, "งานพัสดุ"),
    ],
)
def test_filling_in_and_pulling_out_owners_are_add_and_remove(names, text, action, owner):
    cmd = parse_edit(text, names)
    assert cmd is not None and cmd.action is action and split_owners(cmd.value) == [owner]


@pytest.mark.parametrize("text", ["แถว 4 คำว่า นายก ขอเปลี่ยนเป็น ผู้บริหาร", "แถว 4 คำว่า นายก แก้เป็น ผู้บริหาร"])
def test_a_request_verb_before_the_new_word_is_not_part_of_the_old(names, text):
    cmd = parse_edit(text, names)
    assert cmd is not None and cmd.action is A.REPLACE and cmd.value == "นายก → ผู้บริหาร"


@pytest.mark.parametrize(
    "text", ["มาตรการที่ 4 ยังไม่โดนเท่าไหร่ ช่วยร่างใหม่ให้หน่อยครับ", "แถว 4 ไม่ค่อยชัดเท่าไร ร่างใหม่ค่ะ"]
)
def test_not_very_is_a_remark_not_a_question(names, text):
    cmd = parse_edit(text, names)
    assert cmd is not None and cmd.action is A.REDRAFT and cmd.number == 4


def test_a_quarter_of_a_named_fiscal_year_is_read(names):
    cmd = parse_edit("แถวที่ 5 ทำในไตรมาส 2 ของปีงบ 69 ค่ะ", names)
    assert cmd is not None and command_period(cmd, 2569).label in ("ม.ค. – มี.ค. 69", "ม.ค. 69 – มี.ค. 69")


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("ช่วยร่างแผนยกระดับ ITA ให้หน่อยครับ", Command.DRAFT),
        ("ร่างแผนส่งเสริมคุณธรรมให้ด้วยค่ะ", Command.DRAFT),
        ("ใช้งานยังไงบ้างคะ มีคำสั่งอะไรให้เลือกบ้าง", Command.HELP),
        ("ขอแบบฟอร์มรายงานผลครบ 12 เดือนค่ะ", Command.REPORT),
    ],
)
def test_commands_in_fuller_sentences(text, command):
    found = parse_command(text)
    assert found is not None and found[0] is command


@pytest.mark.parametrize("text", ["ร่างมาตรการต้องมีอะไรบ้าง", "ร่างมาตรการตัวชี้วัด 9", "ร่างแผนเรื่องงบประมาณใหม่"])
def test_a_question_or_a_named_row_after_draft_is_not_the_draft_command(text):
    found = parse_command(text)
    assert found is None or found[0] is not Command.DRAFT


@pytest.mark.parametrize("text", ["โอเคค่ะ ใช้ตามนี้ได้เลย 👍", "ได้ค่ะ เอาตามนี้เลย"])
def test_keeping_what_is_shown_after_a_yes_confirms(text):
    assert is_confirm(text)
