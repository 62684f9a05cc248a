"""The edit grammar: parsing as a table, periods inside the fiscal year, applying to a Draft."""

from __future__ import annotations

import pytest

from bot.drafting.edits import EditAction, EditCommand, EditError, apply_edit, parse_edit, parse_period
from bot.ita.measures import AgencyProfile, Draft, MeasureRow, Source


def _row(indicator: int, **extra) -> MeasureRow:
    base = dict(
        indicator=indicator,
        score=80.0,
        tier="แก้ไขเร่งด่วน",
        analysis="คะแนนต่ำ",
        measure=f"มาตรการตัวชี้วัด {indicator}",
        steps=["แต่งตั้งคณะทำงาน"],
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
        name="เทศบาลตำบลนาดี", type="x", units=["สำนักปลัด", "กองคลัง"], assessment_year=2568, fiscal_year=2569
    )
    return Draft(
        agency=profile,
        assessment_year=2568,
        fiscal_year=2569,
        rows=[_row(9), _row(10), _row(9, measure="มาตรการ O13"), _row(7)],
    )


@pytest.mark.parametrize(
    "text, action, target, number, value",
    [
        ("แก้ผู้รับผิดชอบ แถว 3 เป็น กองคลัง", EditAction.OWNERS, "row", 3, "กองคลัง"),
        ("แก้ไขผู้รับผิดชอบแถวที่ ๓ เป็น กองคลัง", EditAction.OWNERS, "row", 3, "กองคลัง"),
        ("ระยะเวลา ตัวชี้วัด 9 เป็น ต.ค. 68 – มี.ค. 69", EditAction.TIMELINE, "indicator", 9, "ต.ค. 68 – มี.ค. 69"),
        ("แก้ระยะเวลา แถว 1: ม.ค. 69 - มิ.ย. 69", EditAction.TIMELINE, "row", 1, "ม.ค. 69 - มิ.ย. 69"),
        ("เพิ่มขั้นตอน แถว 2: จัดอบรม ๒ ครั้ง", EditAction.ADD_STEP, "row", 2, "จัดอบรม ๒ ครั้ง"),
        ("เพิ่มขั้นตอน แถว 2 จัดประชุมชี้แจง", EditAction.ADD_STEP, "row", 2, "จัดประชุมชี้แจง"),
        ("ลบแถว 4", EditAction.DELETE, "row", 4, ""),
        ("ลบ ตัวชี้วัดที่ 10", EditAction.DELETE, "indicator", 10, ""),
        ("ร่างตัวชี้วัด 7 ใหม่", EditAction.REDRAFT, "indicator", 7, ""),
        ("ร่างใหม่ แถว 2", EditAction.REDRAFT, "row", 2, ""),
        ("แก้มาตรการ แถว 1 เป็น จัดทำคู่มือ", EditAction.MEASURE, "row", 1, "จัดทำคู่มือ"),
        ("แก้ตัวชี้วัดความสำเร็จ แถว 1 เป็น ร้อยละ 90", EditAction.KPI, "row", 1, "ร้อยละ 90"),
        ("แก้ KPI แถว 2 = ร้อยละ ๘๐", EditAction.KPI, "row", 2, "ร้อยละ ๘๐"),
    ],
)
def test_parse_edit_reads_each_form(text, action, target, number, value):
    assert parse_edit(text) == EditCommand(action, target, number, value)


@pytest.mark.parametrize(
    "text",
    ["สวัสดีครับ", "ยืนยัน", "แก้ตัวชี้วัด 7 เป็น 61.5", "แก้คะแนนรวม 90", "แก้ O13 เป็น 100", "ตัวชี้วัดที่ 9 ควรทำอย่างไร"],
)
def test_parse_edit_leaves_non_edits_alone(text):
    assert parse_edit(text) is None


@pytest.mark.parametrize("text", ["แก้ผู้รับผิดชอบ กองคลัง", "ลบแถว", "แก้มาตรการ แถว 1", "ลบตัวชี้วัด 12"])
def test_malformed_edit_explains_with_examples(text):
    with pytest.raises(EditError) as err:
        parse_edit(text)
    assert "เช่น" in str(err.value) or "แก้ผู้รับผิดชอบ แถว 3 เป็น กองคลัง" in str(err.value)


@pytest.mark.parametrize(
    "text, start, end, label",
    [
        ("ต.ค. 68 – มี.ค. 69", "2025-10", "2026-03", "ต.ค. 68 – มี.ค. 69"),
        ("ตค68-มีค69", "2025-10", "2026-03", "ต.ค. 68 – มี.ค. 69"),
        ("ตุลาคม 2568 ถึง กันยายน 2569", "2025-10", "2026-09", "ต.ค. 68 – ก.ย. 69"),
        ("ม.ค. – ส.ค. 69", "2026-01", "2026-08", "ม.ค. – ส.ค. 69"),
        ("ธ.ค. ๖๘", "2025-12", "2025-12", "ธ.ค. 68"),
        ("พ.ย. พ.ศ. 2568 - ก.พ. 2569", "2025-11", "2026-02", "พ.ย. 68 – ก.พ. 69"),
    ],
)
def test_parse_period_converts_be_months_to_iso(text, start, end, label):
    period = parse_period(text, 2569)
    assert (period.start_month, period.end_month, period.label) == (start, end, label)


@pytest.mark.parametrize(
    "text, needle",
    [
        ("ต.ค. 67 – มี.ค. 68", "นอกปีงบประมาณ พ.ศ. 2569"),
        ("ส.ค. 69 – ต.ค. 69", "นอกปีงบประมาณ"),
        ("มี.ค. 69 – ต.ค. 68", "เดือนเริ่มต้นอยู่หลัง"),
        ("เร็ว ๆ นี้", "อ่านช่วงเวลา"),
    ],
)
def test_parse_period_rejects_with_reason_and_example(text, needle):
    with pytest.raises(EditError) as err:
        parse_period(text, 2569)
    assert needle in str(err.value)
    assert 'เช่น "ต.ค. 68 – มี.ค. 69"' in str(err.value)


def test_owner_edit_changes_only_that_row(draft):
    new, what = apply_edit(draft, parse_edit("แก้ผู้รับผิดชอบ แถว 3 เป็น กองคลัง และ กองช่าง"))
    assert new.rows[2].owners == ["กองคลัง", "กองช่าง"]
    assert [r.owners for i, r in enumerate(new.rows) if i != 2] == [["สำนักปลัด"]] * 3
    assert draft.rows[2].owners == ["สำนักปลัด"]  # the original is untouched
    assert "แถว 3" in what


def test_timeline_by_indicator_changes_every_row_of_it(draft):
    new, _ = apply_edit(draft, parse_edit("ระยะเวลา ตัวชี้วัด 9 เป็น ต.ค. 68 – มี.ค. 69"))
    nines = [r for r in new.rows if r.indicator == 9]
    assert [(r.start_month, r.end_month, r.timeline) for r in nines] == [
        ("2025-10", "2026-03", "ต.ค. 68 – มี.ค. 69")
    ] * 2
    assert new.rows[1].end_month == "2026-09"


def test_timeline_outside_fiscal_year_is_refused(draft):
    with pytest.raises(EditError, match="นอกปีงบประมาณ"):
        apply_edit(draft, parse_edit("ระยะเวลา แถว 1 เป็น ต.ค. 69 – ธ.ค. 69"))


def test_add_step_measure_kpi_and_delete(draft):
    d, _ = apply_edit(draft, parse_edit("เพิ่มขั้นตอน แถว 2: จัดอบรม ๒ ครั้ง"))
    assert d.rows[1].steps == ["แต่งตั้งคณะทำงาน", "จัดอบรม ๒ ครั้ง"]
    d, _ = apply_edit(d, parse_edit("แก้มาตรการ แถว 1 เป็น จัดทำคู่มือการเปิดเผยข้อมูล"))
    assert d.rows[0].measure == "จัดทำคู่มือการเปิดเผยข้อมูล"
    d, _ = apply_edit(d, parse_edit("แก้ตัวชี้วัดความสำเร็จ แถว 1 เป็น ร้อยละ 90"))
    assert d.rows[0].kpi == "ร้อยละ 90"
    d, what = apply_edit(d, parse_edit("ลบแถว 4"))
    assert [r.indicator for r in d.rows] == [9, 10, 9] and "เหลือ 3 แถว" in what


def test_unknown_row_or_indicator_says_what_exists(draft):
    with pytest.raises(EditError, match="แถวที่มีอยู่: 1, 2, 3, 4"):
        apply_edit(draft, parse_edit("ลบแถว 9"))
    with pytest.raises(EditError, match="ตัวชี้วัดที่ 7, 9, 10"):
        apply_edit(draft, parse_edit("แก้ผู้รับผิดชอบ ตัวชี้วัด 3 เป็น กองคลัง"))


def test_cannot_delete_every_row(draft):
    one = draft.model_copy(update={"rows": draft.rows[:1]})
    with pytest.raises(EditError, match="อย่างน้อย 1 แถว"):
        apply_edit(one, parse_edit("ลบแถว 1"))


def test_redraft_calls_back_with_the_rows_indicator(draft):
    seen = []

    def redraft(d: Draft, indicator: int) -> Draft:
        seen.append(indicator)
        return d

    apply_edit(draft, parse_edit("ร่างใหม่ แถว 2"), redraft=redraft)
    apply_edit(draft, parse_edit("ร่างตัวชี้วัด 7 ใหม่"), redraft=redraft)
    assert seen == [10, 7]


def test_a_new_owner_takes_the_units_steps_but_never_the_executives_orders(draft):
    boss = "นายกเทศมนตรี"
    row = _row(
        9,
        owners=[boss, "สำนักปลัด"],
        steps=[f"1. {boss}มีคำสั่งแต่งตั้งคณะทำงาน", "2. สำนักปลัดตรวจข้อมูลบนเว็บไซต์", f"3. รายงานผล ({boss})"],
    )
    with_boss = draft.model_copy(
        update={"agency": draft.agency.model_copy(update={"executive": boss}), "rows": [row, *draft.rows[1:]]}
    )
    new, _ = apply_edit(with_boss, parse_edit("แก้ผู้รับผิดชอบ แถว 1 เป็น กองคลัง"))
    assert new.rows[0].owners == ["กองคลัง"]
    assert new.rows[0].steps == [
        f"1. {boss}มีคำสั่งแต่งตั้งคณะทำงาน",
        "2. กองคลังตรวจข้อมูลบนเว็บไซต์",
        f"3. รายงานผล ({boss})",
    ]


@pytest.mark.parametrize("text, month", [("ภายใน มี.ค. 69", "มี.ค. 69"), ("ตั้งแต่ ต.ค. 70", "ต.ค. 70")])
def test_one_month_outside_the_plans_year_is_named_with_the_year_not_as_a_reversed_range(text, month):
    # "แถว 2 ขอให้เสร็จภายใน มี.ค. 69" in a plan of 2570 was answered "the start month is after the end".
    with pytest.raises(EditError) as err:
        parse_period(text, 2570)
    message = str(err.value)
    assert month in message and "2570" in message and "ต.ค. 69 – ก.ย. 70" in message
    assert "เดือนเริ่มต้นอยู่หลังเดือนสิ้นสุด" not in message
