"""Edits and commands as officers type them, and what applying them does to row numbers and history.

The grammar is a table here (benchmarks/edits.py measures it on a larger, split set); the
applying tests use a small Draft so that every row that must not change is checked too.
"""

from __future__ import annotations

import contextlib

import pytest

from bot.dialogue import render
from bot.dialogue.command_words import CORRECT_WORDS, Command, is_confirm, is_keep, parse_command
from bot.dialogue.files import _kinds
from bot.drafting.edit_history import MAX_HISTORY, fingerprint, pending, pending_command, remember, undo
from bot.drafting.edits import (
    PARTICLES,
    EditAction,
    EditCommand,
    EditError,
    EditNeedsConfirm,
    apply,
    command_period,
    number_rows,
    parse_edit,
    split_owners,
)
from bot.ita.measures import AgencyProfile, Draft, MeasureRow, Source

A = EditAction


def _row(indicator: int, **extra) -> MeasureRow:
    base = dict(
        indicator=indicator,
        score=80.0,
        tier="แก้ไขเร่งด่วน",
        analysis="คะแนนต่ำ",
        measure=f"มาตรการตัวชี้วัด {indicator}",
        steps=["1. แต่งตั้งคณะทำงาน (สำนักปลัด)", "2. ติดตามผล (กองช่าง)"],
        owners=["สำนักปลัด"],
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
    rows = [_row(n) for n in (1, 3, 5, 7, 9)]
    return Draft(agency=profile, assessment_year=2568, fiscal_year=2569, rows=rows)


# ---------------------------------------------------------------- reading
@pytest.mark.parametrize(
    "text, action, target, number, value",
    [
        ("ขอเปลี่ยนผู้รับผิดชอบแถว 2 เป็นกองคลังค่ะ", A.OWNERS, "row", 2, "กองคลัง"),
        ("แถว 4 หน่วยงานที่รับผิดชอบ: กองช่าง นะครับ", A.OWNERS, "row", 4, "กองช่าง"),
        ("ให้งานพัสดุเป็นผู้รับผิดชอบแถว ๕ ค่ะ", A.OWNERS, "row", 5, "งานพัสดุ"),
        ("แก้ผู้รบผิดชอบ แถว 1 เป็น กองคลัง", A.OWNERS, "row", 1, "กองคลัง"),  # the mai han-akat left out
        ("แถว 10 ขอให้เสร็จภายใน ธ.ค. 68", A.TIMELINE, "row", 10, "ธ.ค. 68"),
        ("ช่วงเวลาตัวชี้วัดที่ 3 ให้เป็น ม.ค. 69 ถึง มี.ค. 69 จ้า", A.TIMELINE, "indicator", 3, "ม.ค. 69 ถึง มี.ค. 69"),
        ("แถว 2 ขอแก้ชื่อมาตรการเป็น ทบทวนขั้นตอนการให้บริการ", A.MEASURE, "row", 2, "ทบทวนขั้นตอนการให้บริการ"),
        ("ตัวชี้วัดความสำเร็จแถว 3 = ร้อยละ 100 ของบุคลากร", A.KPI, "row", 3, "ร้อยละ 100 ของบุคลากร"),
        ("ขอเพิ่มกิจกรรมในแถว 6 ว่า จัดประชุมชี้แจง ด้วยนะคะ", A.ADD_STEP, "row", 6, "จัดประชุมชี้แจง"),
        ("เปลี่ยนขั้นตอนของแถว 2 เป็น แต่งตั้งคณะทำงาน", A.STEPS, "row", 2, "แต่งตั้งคณะทำงาน"),
        ("เอาแถว 7 ออกได้เลยค่ะ", A.DELETE, "row", 7, ""),
        ("แถว 3 ร่างใหม่อีกครั้งนะ", A.REDRAFT, "row", 3, ""),
        ("ขอดูแถว 12 หน่อย", A.SHOW, "row", 12, ""),
        ("Change the KPI of row 3 to 90% of staff", A.KPI, "row", 3, "90% of staff"),
    ],
)
def test_natural_edits_read_as_meant(text, action, target, number, value):
    cmd = parse_edit(text)
    assert (cmd.action, cmd.target, cmd.number, cmd.value) == (action, target, number, value)


@pytest.mark.parametrize("text, item", [("เพิ่มมาตรการข้อ O12", "O12"), ("ขอเพิ่มแถวของข้อ i 4 ค่ะ", "I4")])
def test_add_row_for_an_item(text, item):
    assert parse_edit(text) == EditCommand(A.ADD_ROW, "item", 0, item=item)


@pytest.mark.parametrize("particle", PARTICLES)
def test_a_particle_is_never_saved_in_a_value(particle):
    cmd = parse_edit(f"แก้ผู้รับผิดชอบ แถว 3 เป็น กองคลัง{particle}")
    assert split_owners(cmd.value) == ["กองคลัง"]


@pytest.mark.parametrize(
    "text",
    [
        "แก้ตัวชี้วัด 7 เป็น 61.5",  # a score correction
        "ตัวชี้วัดที่ 9 ได้ 78 คะแนน",
        "ผู้รับผิดชอบแถว 3 ควรเป็นใคร",  # a question
        "มาตรการแถว 3 ดีมากเลย",  # a remark, no change asked
        "ไม่ต้องลบแถว 4 นะ",  # told not to
        "ควรลบแถว 4 ไหม",
        "ขอตัวอย่างมาตรการตัวชี้วัดที่ 9",
    ],
)
def test_messages_that_only_look_like_edits_are_not_edits(text):
    assert parse_edit(text) is None


def test_an_edit_that_cannot_be_read_says_how():
    with pytest.raises(EditError, match="แก้ผู้รับผิดชอบ แถว 3 เป็น กองคลัง"):
        parse_edit("แก้แถว 3 เป็น กองคลัง")  # which field?


def test_a_deadline_runs_from_the_start_of_the_fiscal_year():
    period = command_period(parse_edit("แถว 10 ขอให้เสร็จภายใน ธ.ค. 68"), 2569)
    assert (period.start_month, period.end_month, period.label) == ("2025-10", "2025-12", "ต.ค. – ธ.ค. 68")
    assert (
        command_period(parse_edit("ระยะเวลาแถว 1 เป็น มี.ค. 69"), 2569).label == "มี.ค. 69"
    )  # a span, not a deadline


# ---------------------------------------------------------------- commands and buttons
@pytest.mark.parametrize(
    "text, command, args",
    [
        ("ไม่มีตัวอื่นแล้ว ร่างเลย", Command.DRAFT, ""),
        ("ช่วยร่างมาตรการให้หน่อยค่ะ", Command.DRAFT, ""),
        ("ขอไฟล์ Word ค่ะ", Command.EXPORT, "word"),
        ("ส่งไฟล์มา", Command.EXPORT, ""),
        ("ขอรายงานผลรอบ 6 เดือน", Command.REPORT, "6"),
        ("ยกเลิกการแก้ไขล่าสุด", Command.UNDO, ""),
        ("ย้อนกลับค่ะ 🙏", Command.UNDO, ""),
        ("ช่วยเหลือ", Command.HELP, ""),
        ("ยกเลิก", Command.CANCEL, ""),
    ],
)
def test_commands_in_officer_words(text, command, args):
    assert parse_command(text) == (command, args)


@pytest.mark.parametrize(
    "text", ["รายงานผลต้องส่งเมื่อไร", "ไม่ต้องร่างนะ รอคะแนนก่อน", "ดาวน์โหลดแล้วเปิดไม่ได้ ไฟล์เสียหรือเปล่า"]
)
def test_sentences_about_commands_are_not_commands(text):
    assert parse_command(text) is None


def test_every_button_label_typed_as_text_does_what_the_button_does():
    for choice in render.export_choices():
        by_label, by_payload = parse_command(choice.label), parse_command(choice.payload)
        assert by_label is not None and by_label[0] is by_payload[0]
        if by_label[0] is Command.EXPORT:
            assert _kinds(by_label[1]) == _kinds(by_payload[1])
    confirm, correct = render.confirm_choices()
    assert is_confirm(confirm.label) and correct.payload in CORRECT_WORDS and correct.label in CORRECT_WORDS
    assert all(is_keep(c.label) for c in render.keep_choice())
    go, keep = render.redraft_choices()
    assert is_confirm(go.label) and parse_command(keep.label) == parse_command(keep.payload) == (
        Command.CANCEL,
        "",
    )


@pytest.mark.parametrize(
    "text", ["ยืนยันค่ะ", "ยืนยันครับผม", "ตกลงค่ะ", "ถูกต้องครับ", "โอเคค่ะ", "ยืนยัน 👍", "ใช่ค่ะถูกต้อง"]
)
def test_confirmation_tolerates_particles_and_emoji(text):
    assert is_confirm(text)


@pytest.mark.parametrize(
    "text", ["ยืนยันว่าคะแนนตัวชี้วัด 9 ถูกต้องหรือไม่ ยังไม่แน่ใจ", "ตกลงจะแก้ตัวไหนดี", "ใช้ตามนี้ค่ะ", "ยืนยัน" * 12]
)
def test_confirmation_refuses_sentences(text):
    assert not is_confirm(text)


# ---------------------------------------------------------------- applying: stable rows
def test_row_numbers_stay_with_their_rows_after_a_delete(draft):
    d = apply(draft, parse_edit("ลบแถว 2")).draft
    assert [(r.number, r.indicator) for r in d.rows] == [(1, 1), (3, 5), (4, 7), (5, 9)]
    d = apply(d, parse_edit("แก้ผู้รับผิดชอบแถว 4 เป็น กองคลัง")).draft
    assert [r.owners for r in d.rows] == [["สำนักปลัด"], ["สำนักปลัด"], ["กองคลัง"], ["สำนักปลัด"]]
    assert d.rows[2].indicator == 7  # the row the officer saw as "แถว 4"
    with pytest.raises(EditError, match="แถว 2 ถูกลบไปแล้ว"):
        apply(d, parse_edit("แก้มาตรการแถว 2 เป็น ทบทวนคู่มือ"))


def test_owners_named_in_steps_follow_the_owners(draft):
    row = apply(draft, parse_edit("แก้ผู้รับผิดชอบแถว 1 เป็น กองคลัง, กองช่าง")).draft.rows[0]
    assert row.owners == ["กองคลัง", "กองช่าง"] and row.edited
    assert row.steps == ["1. แต่งตั้งคณะทำงาน (กองคลัง, กองช่าง)", "2. ติดตามผล (กองช่าง)"]


def test_an_added_step_continues_the_numbering(draft):
    row = apply(draft, parse_edit("เพิ่มขั้นตอนแถว 1: รายงานผู้บริหาร")).draft.rows[0]
    assert row.steps[-1] == "3. รายงานผู้บริหาร"


def test_a_redraft_of_an_edited_row_asks_and_keeps_its_number(draft):
    calls = []

    def redraft(d: Draft, indicator: int) -> Draft:
        calls.append(indicator)
        fresh = [_row(indicator, measure="ร่างใหม่"), _row(indicator, measure="ร่างใหม่ รายข้อ", items=["O1"])]
        rows = [r for r in d.rows if r.indicator != indicator]
        return d.model_copy(update={"rows": [*rows[:2], *fresh, *rows[2:]]})

    edited = apply(draft, parse_edit("แก้ KPI แถว 3 เป็น ร้อยละ 90")).draft
    with pytest.raises(EditNeedsConfirm, match="แถว 3"):
        apply(edited, parse_edit("ร่างตัวชี้วัด 5 ใหม่"), redraft=redraft)
    assert calls == []  # nothing was redrafted before the officer agreed
    done = apply(edited, parse_edit("ร่างตัวชี้วัด 5 ใหม่"), redraft=redraft, force=True)
    assert [(r.number, r.indicator, r.measure) for r in done.draft.rows if r.indicator == 5] == [
        (3, 5, "ร่างใหม่"),
        (6, 5, "ร่างใหม่ รายข้อ"),  # an extra row gets a new number, never an old one
    ]
    assert done.numbers == [3, 6] and not any(r.edited for r in done.draft.rows)


def test_added_rows_never_reuse_a_deleted_number(draft):
    d = apply(draft, parse_edit("ลบแถว 5")).draft  # the highest number
    added = apply(d, parse_edit("เพิ่มแถว ตัวชี้วัดที่ 4"), add=lambda _d, n, _i: [_row(n)])
    assert added.numbers == [6]
    assert [(r.number, r.indicator) for r in added.draft.rows] == [(1, 1), (2, 3), (6, 4), (3, 5), (4, 7)]
    with pytest.raises(EditError, match="มีแถวอยู่แล้ว"):
        apply(added.draft, parse_edit("เพิ่มแถว ตัวชี้วัดที่ 4"), add=lambda _d, n, _i: [_row(n)])


def test_numbers_from_elsewhere_are_not_trusted(draft):
    # An LLM may echo a number: only numbers this module gave (not above the mark, not twice) stay.
    rows = [r.model_copy(update={"number": 7}) for r in draft.rows[:2]] + list(draft.rows[2:])
    numbered = number_rows(draft.model_copy(update={"rows": rows}))
    assert [r.number for r in numbered.rows] == [1, 2, 3, 4, 5] and numbered.last_row_number == 5


# ---------------------------------------------------------------- history
def test_undo_restores_each_change_in_turn_and_refuses_a_draft_it_did_not_make(draft):
    history: list = []
    one = apply(draft, parse_edit("ลบแถว 1")).draft
    history = remember(history, draft, one)
    two = apply(one, parse_edit("แก้มาตรการแถว 2 เป็น ทบทวนคู่มือ")).draft
    history = remember(history, one, two)
    back, history, stale = undo(history, two)
    assert back == one and not stale and len(history) == 1
    back, history, stale = undo(history, back)
    assert back == draft and history == []
    assert undo(remember([], draft, one), draft) == (None, [], True)  # the draft moved on another way


def test_history_is_bounded_and_a_pending_redraft_is_tied_to_its_draft(draft):
    history: list = []
    for _ in range(MAX_HISTORY + 3):
        history = remember(history, draft, draft)
    assert len(history) == MAX_HISTORY
    cmd = parse_edit("ร่างตัวชี้วัด 5 ใหม่")
    stored = pending(cmd, draft)
    assert pending_command(stored, draft) == cmd
    other = apply(draft, parse_edit("ลบแถว 1")).draft
    assert pending_command(stored, other) is None and fingerprint(other) != fingerprint(draft)


def test_deleting_an_indicator_names_the_rows_it_removed(draft):
    done = apply(draft, parse_edit("ลบตัวชี้วัดที่ 5"))
    assert "(แถว 3)" in done.text and "แถว 1, 2, 4, 5" in done.text
    assert [r.indicator for r in done.draft.rows] == [1, 3, 7, 9]


# ---------------------------------------------------------------- robustness
def _read_all(text: str) -> None:
    with contextlib.suppress(EditError):
        parse_edit(text)
    parse_command(text)
    is_confirm(text)
    is_keep(text)


def test_random_messages_never_raise():
    import random

    rng = random.Random(11)
    alphabet = [
        *"แก้ลบเพิ่มแถวที่ตัวชี้วัดเป็นค่ะครับ:=-–?.,/\n ๑๒๓1234567890OIEo²👍🏻\u200b",
        "ผู้รับผิดชอบ", "ระยะเวลา", "ให้เสร็จภายใน", "ร่าง", "ใหม่", "ดู", "ยืนยัน", "ดาวน์โหลด", "รายงาน", "ย้อนกลับ",
    ]  # fmt: skip
    for _ in range(3000):
        _read_all("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))))


@pytest.mark.parametrize(
    "text",
    [
        "แก้มาตรการแถว 1 เป็น x" + "ค่ะเป็น" * 3000,  # particles and connectives to cut, one by one
        "ตัด" * 7000,
        "แถว " + "1" * 20000,
        "ร่าง" * 7000,
    ],
)
def test_long_messages_are_read_in_linear_time(text):
    import time

    start = time.process_time()
    _read_all(text)
    assert time.process_time() - start < 0.5


# ---------------------------------------------------------------- several rows, requests, periods in words
@pytest.mark.parametrize(
    "text, more",
    [("ลบแถวที่ 2 และแถวที่ 4", (4,)), ("ลบแถว 2,4", (4,)), ("ลบแถว 2-4", (3, 4)), ("ดูแถว 2 กับ 4", (4,))],
)
def test_several_rows_in_one_message(text, more):
    cmd = parse_edit(text)
    assert (cmd.number, cmd.more) == (2, more)


def test_deleting_several_rows_removes_exactly_those(draft):
    done = apply(draft, parse_edit("ลบแถว 2 และ 4 ค่ะ"))
    assert [(r.number, r.indicator) for r in done.draft.rows] == [(1, 1), (3, 5), (5, 9)]
    with pytest.raises(EditError, match="ไม่มีแถว 9"):  # one row missing: nothing is deleted
        apply(draft, parse_edit("ลบแถว 1, 9"))


def test_a_number_after_to_is_not_a_row_range():
    cmd = parse_edit("Change the KPI of row 3 to 90% of staff")
    assert (cmd.number, cmd.more, cmd.value) == (3, (), "90% of staff")


@pytest.mark.parametrize("text", ["ลบแถว 3 ได้ไหมคะ", "ร่างแถว 3 ใหม่ได้มั้ย", "แก้ผู้รับผิดชอบแถว 3 เป็นกองคลังได้ไหม"])
def test_a_polite_request_is_carried_out(text):
    assert parse_edit(text).number == 3


def test_an_owner_named_as_a_unit_needs_no_connective():
    assert parse_edit("แถว 1 ผู้รับผิดชอบ กองคลัง").value == "กองคลัง"
    assert parse_edit("แถว 1 ผู้รับผิดชอบคือใคร") is None  # a question, not an owner called "ใคร"


def test_a_value_that_names_another_row_is_refused_not_half_applied():
    with pytest.raises(EditError, match="แถว 2, 3"):
        parse_edit("แก้ผู้รับผิดชอบแถว 2 เป็นกองคลัง แล้วก็แถว 3 ด้วย")


@pytest.mark.parametrize(
    "text, label",
    [
        ("ขอแก้ระยะเวลาแถว 2 เป็นเดือน ม.ค. - มี.ค. 69", "ม.ค. – มี.ค. 69"),
        ("ระยะเวลาแถว 4 ตลอดปีงบประมาณ", "ต.ค. 68 – ก.ย. 69"),
        ("แถว 5 ให้เสร็จก่อน มี.ค. 69", "ต.ค. 68 – มี.ค. 69"),
        ("แถว 3 เริ่ม พ.ย. 68 ถึง ม.ค. 69", "พ.ย. 68 – ม.ค. 69"),
    ],
)
def test_periods_in_words(text, label):
    assert command_period(parse_edit(text), 2569).label == label


@pytest.mark.parametrize("text", ["ย้อนกลับไปก่อนหน้า", "ขอ undo", "ยกเลิกที่แก้ไปเมื่อกี้", "เอาคืนเหมือนเดิม"])
def test_ways_to_say_undo(text):
    assert parse_command(text) == (Command.UNDO, "")


@pytest.mark.parametrize("text", ["ย้อนกลับไปหน้าแรก", "กลับไปแก้คะแนน"])
def test_going_back_elsewhere_is_not_undo(text):
    assert parse_command(text) is None


@pytest.mark.parametrize(
    "text, effect",
    [
        ("แก้ไข ผู้รับผิดชอบ แถว 2 เปน กองคลัง", ["กองคลัง"]),  # "เป็น" without its mai taikhu
        ("เปลี่ยนผู้รับผิดชอบ แถว 3 เป็น กองช่าง ครับบบ", ["กองช่าง"]),  # a drawn-out particle
        ("ขอเปลี่ยนผู้รับผิดชอบ แถว 3 นะคะ เป็นกองช่าง", ["กองช่าง"]),  # a particle before the connective
        ("แก้ผู้รับผิดชอบ แถว2 เป็น:กองคลัง", ["กองคลัง"]),
    ],
)
def test_typing_slips_in_owner_edits(text, effect):
    assert split_owners(parse_edit(text).value) == effect


def test_a_value_that_starts_with_hai_keeps_it_and_a_second_change_is_refused():
    assert parse_edit("แก้มาตรการแถว 1 เป็น ให้บริการออนไลน์").value == "ให้บริการออนไลน์"
    assert parse_edit("แก้มาตรการแถว 1 เป็น จัดอบรมและปรับปรุงขั้นตอนการให้บริการ").value.endswith("การให้บริการ")
    with pytest.raises(EditError, match="ทีละรายการ"):
        parse_edit("แก้ KPI แถว 3 เป็น ร้อยละ 85 และแก้ผู้รับผิดชอบเป็นกองคลัง")


@pytest.mark.parametrize("text", ["👍", "👍🏻", "ตกลงครับ ยืนยันตามนี้", "ยืนยันข้อมูล"])
def test_more_ways_to_confirm(text):
    assert is_confirm(text)


@pytest.mark.parametrize(
    "text, args",
    [("ขอ word", "word"), ("ส่ง excel มาหน่อย", "excel"), ("ขอกราฟ", "กราฟ"), ("ขอเอกสารทั้งหมดค่ะ", "")],
)
def test_asking_for_a_file_by_its_kind(text, args):
    assert parse_command(text) == (Command.EXPORT, args)


def test_showing_rows_skips_the_deleted_ones(draft):
    d = apply(draft, parse_edit("ลบแถว 2")).draft
    assert apply(d, parse_edit("ดูแถว 1-3")).numbers == [1, 3]
    with pytest.raises(EditError, match="แถว 2 ถูกลบไปแล้ว"):
        apply(d, parse_edit("ดูแถว 2"))


def test_showing_an_indicator_shows_all_its_rows(draft):
    two_nines = draft.model_copy(update={"rows": [*draft.rows, _row(9, items=["O13"])]})
    assert apply(two_nines, parse_edit("ดูตัวชี้วัดที่ 9")).numbers == [5, 6]
