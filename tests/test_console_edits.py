"""End to end through the console: delete rows, then edit by row number; undo; a redraft of an edited row asks.

The real App (framework, playbook, index, drafter, SQLite sessions, exporters) behind
bot.channels.console.run, fed the way an officer types. What changed is read back from
the session store, so the test checks the row the officer meant and every other row.
"""

from __future__ import annotations

import io
import re

import pytest

from bot.app import App, build
from bot.channels import console
from bot.dialogue.messages import Inbound
from bot.ita.measures import Draft, MeasureRow
from bot.settings import Settings

USER = "somsri"
KEY = Inbound("console", USER).session_key
SCORES = [
    '"""',
    "1 การปฏิบัติหน้าที่ 98.89",
    "2 การใช้งบประมาณ 99.38",
    "3 การใช้อำนาจ 99.75",
    "4 การใช้ทรัพย์สินของราชการ 98.77",
    "5 การแก้ไขปัญหาการทุจริต 95.56",
    "6 คุณภาพการดำเนินงาน 95.26",
    "7 ประสิทธิภาพการสื่อสาร 91.50",
    "8 การปรับปรุงการทำงาน 92.01",
    "9 การเปิดเผยข้อมูล 83.50",
    "10 การป้องกันการทุจริต 100.00",
    '"""',
]


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> App:
    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("console-edits"))
    return build(settings, in_memory_index=True)


def run(app: App, *lines: str) -> str:
    out = io.StringIO()
    assert console.run(app, user_id=USER, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out) == 0
    return out.getvalue()


def draft(app: App) -> Draft:
    stored = app.sessions.load(KEY).draft
    assert stored is not None
    return stored


def by_indicator(d: Draft) -> dict[int, MeasureRow]:
    return {row.indicator: row for row in d.rows}


def test_edits_after_deletes_land_on_the_row_the_officer_meant(app: App):
    out = run(app, "สวัสดีครับ", "เทศบาลตำบลนามะเขือ", "1", "ใช้ตามนี้ค่ะ", "2568", *SCORES, "ยืนยันค่ะ")
    assert "แถว 7 · ตัวชี้วัดที่ 7" in out and "แถว 10 · ตัวชี้วัดที่ 10" in out
    first = draft(app)
    assert [r.indicator for r in first.rows] == list(range(1, 11))  # row n is indicator n at the start
    before = by_indicator(first)

    out = run(app, "ลบแถว 3", "ลบแถว 5 ค่ะ")
    assert "เลขแถวอื่นคงเดิม" in out
    assert [r.indicator for r in draft(app).rows] == [1, 2, 4, 6, 7, 8, 9, 10]  # row 5 was still indicator 5

    out = run(app, "ขอเปลี่ยนผู้รับผิดชอบแถว 9 เป็นกองคลังค่ะ", "แถว 10 ขอให้เสร็จภายใน ธ.ค. 68")
    assert "แถว 9 · ตัวชี้วัดที่ 9" in out and "แถว 10 · ตัวชี้วัดที่ 10" in out
    after = by_indicator(draft(app))
    assert after[9].owners == ["กองคลัง"]  # the particle is not part of the owner
    # Steps that named the row's old units now name the new one, in brackets or as the unit a step
    # opens with ("2. สำนักปลัดตรวจ..." -> "2. กองคลังตรวจ..."); the executive's own steps
    # ("1. นายกเทศมนตรีมีคำสั่งแต่งตั้ง...") and every other step stay as they were.
    # (Row 9, not row 7: a drafted step names its unit only when it is not the row's main owner,
    # and row 7's owners are one division now.)
    executive = draft(app).agency.executive
    old = [o for o in before[9].owners if o != executive]
    naming = 0
    for was, now in zip(before[9].steps, after[9].steps, strict=True):
        bracket = next((o for o in old if f"({o})" in was), None)
        opens = next((o for o in old if re.match(rf"\d+\. (?:ให้)?{re.escape(o)}", was)), None)
        if bracket:
            assert now == was.replace(f"({bracket})", "(กองคลัง)")
        elif opens:
            assert now == re.sub(rf"^(\d+\. (?:ให้)?){re.escape(opens)}\s?", r"\1กองคลัง", was)
        else:
            assert now == was
        naming += bool(bracket or opens)
    assert naming and any("กองคลัง" in step for step in after[9].steps)
    assert (after[10].timeline, after[10].start_month, after[10].end_month) == (
        "ต.ค. – ธ.ค. 68",
        "2025-10",
        "2025-12",
    )
    for n in (1, 2, 4, 6, 7, 8):  # no other row changed
        assert after[n] == before[n].model_copy(update={"number": n})
    assert after[9].edited and after[10].edited and not after[8].edited

    out = run(app, "แก้มาตรการแถว 3 เป็น จัดทำคู่มือ")
    assert "แถว 3 ถูกลบไปแล้ว" in out
    assert by_indicator(draft(app)) == after  # a reference to a deleted row changes nothing


def test_undo_restores_the_draft_before_the_last_change_even_after_a_restart(app: App):
    now = by_indicator(draft(app))
    run(app, "แก้ KPI แถว 9 = ร้อยละ 100 ของข้อมูลเผยแพร่ตามกำหนด")
    assert by_indicator(draft(app))[9].kpi == "ร้อยละ 100 ของข้อมูลเผยแพร่ตามกำหนด"
    assert app.sessions.load(KEY).scores.indicators[9] == 83.50  # a KPI's percentage is not a score

    restarted = build(app.settings, ensure=False, in_memory_index=True)  # a new process, the same SQLite file
    out = run(restarted, "ย้อนกลับค่ะ")
    assert "ย้อนการแก้ไขล่าสุดแล้ว" in out
    assert by_indicator(draft(restarted)) == now
    out = run(restarted, "ย้อนกลับ")  # the timeline edit before it
    assert by_indicator(draft(restarted))[10].timeline == "ต.ค. 68 – ก.ย. 69"
    restarted.sessions.close()


def test_redraft_of_an_edited_row_asks_before_discarding_the_edit(app: App):
    out = run(app, "ร่างแถว 9 ใหม่")
    assert "แก้ไขเอง" in out and "[1] ยืนยัน" in out
    assert by_indicator(draft(app))[9].owners == ["กองคลัง"]  # nothing redrafted yet
    out = run(app, "ยกเลิก")
    assert "คงร่างเดิม" in out and by_indicator(draft(app))[9].owners == ["กองคลัง"]

    run(app, "ร่างแถว 9 ใหม่", "ยืนยันครับ")
    rows = draft(app).rows
    nine = [r for r in rows if r.indicator == 9]
    assert [r.number for r in nine] == [9] and nine[0].owners != ["กองคลัง"] and not nine[0].edited
    assert [r.number for r in rows] == [1, 2, 4, 6, 7, 8, 9, 10]  # the numbers still mean the same rows

    out = run(app, "ดูแถว 8", "ดาวน์โหลดทั้งหมด")
    assert "แถว 8 · ตัวชี้วัดที่ 8" in out
    assert sorted(p.suffix for p in app.settings.exports_dir().glob("console-*/*")) == [
        ".docx",
        ".png",
        ".xlsx",
    ]
