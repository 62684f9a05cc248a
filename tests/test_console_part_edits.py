"""End to end through the console: edits that name rows by place or name, change part of a cell, or ask first.

The real App behind bot.channels.console.run; what changed is read back from the session store,
so each test checks the row the officer meant and that every other row stayed as it was.
"""

from __future__ import annotations

import io

import pytest

from bot.app import App, build
from bot.channels import console
from bot.dialogue.messages import Inbound
from bot.ita.measures import Draft, MeasureRow
from bot.settings import Settings

USER = "malee"
KEY = Inbound("console", USER).session_key
SCORES = [
    '"""',
    *(f"{n} {name} {score}" for n, name, score in (
        (1, "การปฏิบัติหน้าที่", 98.89), (2, "การใช้งบประมาณ", 99.38), (3, "การใช้อำนาจ", 99.75),
        (4, "การใช้ทรัพย์สินของราชการ", 98.77), (5, "การแก้ไขปัญหาการทุจริต", 95.56),
        (6, "คุณภาพการดำเนินงาน", 95.26), (7, "ประสิทธิภาพการสื่อสาร", 91.50), (8, "การปรับปรุงการทำงาน", 92.01),
        (9, "การเปิดเผยข้อมูล", 83.50), (10, "การป้องกันการทุจริต", 100.00),
    )),
    '"""',
]  # fmt: skip


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> App:
    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("console-part-edits"))
    built = build(settings, in_memory_index=True)
    run(built, "สวัสดีครับ", "เทศบาลตำบลนาดี", "1", "ใช้ตามนี้ค่ะ", "2568", *SCORES, "ยืนยันค่ะ")
    return built


def run(app: App, *lines: str) -> str:
    out = io.StringIO()
    assert console.run(app, user_id=USER, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out) == 0
    return out.getvalue()


def draft(app: App) -> Draft:
    stored = app.sessions.load(KEY).draft
    assert stored is not None
    return stored


def test_place_name_and_part_edits_land_on_the_meant_rows_and_undo(app: App):
    before = draft(app)
    run(app, "ลบแถว 10")
    last = draft(app).rows[-1]
    assert last.number == 9
    out = run(app, "แถวสุดท้าย เพิ่มกองช่างด้วยค่ะ")
    after = draft(app)
    assert after.rows[-1].owners == [*last.owners, "กองช่าง"] and "แถว 9" in out
    assert same(after.rows[:-1], [r for r in before.rows if r.indicator != 10][:-1])  # no other row changed

    run(app, "มาตรการเรื่องการใช้งบประมาณ ระยะเวลาไตรมาส 2")
    row2 = next(r for r in draft(app).rows if r.indicator == 2)
    assert (row2.timeline, row2.start_month, row2.end_month) == ("ม.ค. – มี.ค. 69", "2026-01", "2026-03")

    kept = draft(app)
    out = run(app, "ลบผู้รับผิดชอบแถว 3")
    assert "ลบทั้งแถว 3" in out and draft(app) == kept  # asked, nothing applied

    run(app, "ย้อนกลับ")
    assert next(r for r in draft(app).rows if r.indicator == 2).timeline == before.rows[1].timeline


def same(rows: list[MeasureRow], others: list[MeasureRow]) -> bool:
    return [r.model_dump(exclude={"number"}) for r in rows] == [
        r.model_dump(exclude={"number"}) for r in others
    ]
