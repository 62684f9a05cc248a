"""Progress reported in chat row by row ("รายงานผล"), stored by year and round, and /new with an export first.

The real Dialogue, framework, drafter, exporters and SQLite; the report is read back from the .docx.
"""

from __future__ import annotations

import io
import re

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook

from bot.dialogue.conversation import State
from bot.dialogue.progress import PROGRESS, WALK, progress_of
from bot.dialogue.progress_words import read_progress
from bot.ita.progress import Status
from tests.test_dialogue import FIRST_HALF, SECOND_HALF, Officer, make_dialogue, parts  # noqa: F401


def drafted(parts, db) -> Officer:  # noqa: F811
    officer = Officer(make_dialogue(parts, db))
    officer.fill_profile()
    officer.says(FIRST_HALF)
    officer.says(SECOND_HALF)
    officer.presses("ยืนยัน")
    assert officer.state() is State.DRAFTED
    return officer


def extra(officer: Officer) -> dict:
    return officer.dialogue.sessions.load("telegram:u1").extra


def docx_rows(content: bytes) -> list[list[str]]:
    doc = WordDocument(io.BytesIO(content))
    table = max(doc.tables, key=lambda t: len(t.rows))
    return [[cell.text for cell in row.cells] for row in table.rows]


def ticked_status(cell: str) -> str | None:
    """The one ticked box's label in a status cell (Word wraps the cell's lines), or None."""
    found = re.search(r"☑([^☐]+)", re.sub(r"\s", "", cell))
    return found.group(1) if found else None


def test_three_rows_reported_in_chat_are_exactly_the_statuses_in_the_six_month_report(parts, tmp_path):  # noqa: F811
    officer = drafted(parts, tmp_path / "s.db")
    reply = officer.says("รายงานผลรอบ 6 เดือนค่ะ")
    rows = [r.number for r in officer.dialogue.sessions.load("telegram:u1").draft.rows]
    assert len(rows) >= 4 and None not in rows
    assert "รอบ 6 เดือน" in officer.text() and {"ดำเนินการแล้ว", "ข้าม", "หยุดไว้ก่อน"} <= {
        c.label for c in reply.choices
    }
    # row 1: everything in one message
    officer.says("ดำเนินการแล้วค่ะ 100% จัดอบรมเจ้าหน้าที่ 2 ครั้ง https://example.go.th/ita/o1.pdf")
    assert f"แถว {rows[1]}" in officer.text()  # nothing left to ask: the next row
    # row 2: the button, then each question in turn, a slip in the percentage word
    officer.presses("อยู่ระหว่างดำเนินการ")
    assert "ร้อยละ" in officer.text()
    officer.says("ประมาณ 60 เปอเซ็นต์ค่ะ")
    assert "ดำเนินการอะไรไปแล้ว" in officer.text()
    officer.says("แต่งตั้งคณะทำงานแล้ว รอประชุมครั้งที่ 2 ค่ะ")
    assert "ลิงก์หลักฐาน" in officer.text()
    officer.says("ไม่มีค่ะ")
    # row 3: typed with a slip, not started, the reason kept as what was said
    officer.says("ยังไม่ได้ดำเนินการค่ะ")
    officer.says("รองบประมาณปี 70")
    # the rest skipped, then stopped
    officer.says("ข้าม")
    officer.says("หยุดก่อนค่ะ")
    assert "บันทึกแล้ว 3 แถว" in officer.text()
    assert WALK not in extra(officer)

    progress = progress_of(extra(officer))
    records = progress.round(2569, 6)
    assert records[rows[0]].status is Status.DONE and records[rows[0]].percent == 100
    assert records[rows[0]].done == "จัดอบรมเจ้าหน้าที่ 2 ครั้ง"
    assert records[rows[0]].evidence == ["https://example.go.th/ita/o1.pdf"]
    assert records[rows[1]].status is Status.DOING and records[rows[1]].percent == 60
    assert "แต่งตั้งคณะทำงาน" in records[rows[1]].done and records[rows[1]].evidence == []
    assert records[rows[2]].status is Status.NOT_STARTED and records[rows[2]].done == "รองบประมาณปี 70"
    assert rows[3] not in records

    officer.says("/report 6")
    names = [d.filename for d in officer.last.documents]
    assert names == ["ita-report-6m-2569.docx", "ita-report-6m-2569.xlsx"]
    assert "3 จาก" in officer.text()
    table = docx_rows(officer.last.documents[0].content)
    body = table[1:]
    status_col = [row[-1] for row in body]
    ticked = [ticked_status(cell) for cell in status_col]
    assert ticked[:3] == ["ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ"]
    assert all(t is None for t in ticked[3:])  # nothing reported: the boxes stay empty
    result = re.sub(r"[\s\u200b\u2060]", "", body[0][-4])
    assert "ร้อยละ100" in result and "https://example.go.th/ita/o1.pdf" in result
    sheet = load_workbook(io.BytesIO(officer.last.documents[1].content)).active
    cells = [str(c.value or "") for row in sheet.iter_rows(min_row=3) for c in row]
    assert (
        sum("☑ ดำเนินการแล้ว" in c for c in cells) == 1 and sum("☑ อยู่ระหว่างดำเนินการ" in c for c in cells) == 1
    )


def test_a_restart_mid_walk_loses_nothing_and_carries_on(parts, tmp_path):  # noqa: F811
    db = tmp_path / "s.db"
    officer = drafted(parts, db)
    officer.says("รายงานผล")
    officer.says("อยู่ระหว่างดำเนินการค่ะ")
    # the process stops; a new dialogue opens the same database
    again = Officer(make_dialogue(parts, db))
    again.says("70")
    assert "ดำเนินการอะไรไปแล้ว" in again.text()
    record = next(iter(progress_of(extra(again)).years.values()))
    assert any(r.percent == 70 for rnd in record.values() for r in rnd.values())


def test_a_question_at_the_status_step_is_answered_and_the_row_asked_again(parts, tmp_path):  # noqa: F811
    officer = drafted(parts, tmp_path / "s.db")
    officer.says("รายงานผล")
    officer.says("ตัวชี้วัดที่ 9 วัดอะไรคะ")
    assert "สถานะของแถวนี้" in officer.text()
    assert not progress_of(extra(officer)).years  # nothing recorded from the question


def test_text_that_names_no_status_is_kept_and_the_status_asked_again(parts, tmp_path):  # noqa: F811
    officer = drafted(parts, tmp_path / "s.db")
    officer.says("รายงานผล")
    officer.says("จัดประชุมชี้แจงเจ้าหน้าที่ไปเมื่อวันที่ 15 มกราคม")
    assert "ยังไม่ทราบสถานะ" in officer.text()
    officer.presses("ดำเนินการแล้ว")
    records = next(iter(next(iter(progress_of(extra(officer)).years.values())).values()))
    first = records[min(records)]
    assert first.status is Status.DONE and "จัดประชุมชี้แจง" in first.done


def test_a_percentage_over_a_hundred_is_refused_with_what_to_send(parts, tmp_path):  # noqa: F811
    officer = drafted(parts, tmp_path / "s.db")
    officer.says("รายงานผล")
    officer.presses("อยู่ระหว่างดำเนินการ")
    officer.says("150%")
    assert "เกิน 100" in officer.text() and "0–100" in officer.text()
    officer.says("50")
    assert "ดำเนินการอะไรไปแล้ว" in officer.text()


def test_the_report_form_asked_by_name_comes_without_a_walk(parts, tmp_path):  # noqa: F811
    officer = drafted(parts, tmp_path / "s.db")
    officer.says("ขอแบบรายงานรอบ 12 เดือนค่ะ")
    assert [d.filename for d in officer.last.documents] == [
        "ita-report-12m-2569.docx",
        "ita-report-12m-2569.xlsx",
    ]
    assert WALK not in extra(officer) and "เว้นช่องผลไว้" in officer.text()


def test_cancel_stops_the_walk_and_keeps_what_was_said(parts, tmp_path):  # noqa: F811
    officer = drafted(parts, tmp_path / "s.db")
    officer.says("รายงานผล")
    officer.says("ดำเนินการแล้ว 100% ค่ะ")
    officer.says("ยกเลิก")
    assert WALK not in extra(officer) and PROGRESS in extra(officer)


def test_new_offers_the_files_first_and_erases_only_after_yes(parts, tmp_path):  # noqa: F811
    officer = drafted(parts, tmp_path / "s.db")
    officer.says("รายงานผล")
    officer.says("ดำเนินการแล้ว 100% ค่ะ")
    officer.says("หยุด")
    officer.says("/new")
    assert any(c.label == "ขอไฟล์ก่อนล้าง" for c in officer.last.choices)
    officer.presses("ขอไฟล์ก่อนล้าง")
    names = [d.filename for d in officer.last.documents]
    assert "ita-measures-2569.docx" in names and "ita-report-6m-2569.docx" in names
    assert officer.state() is State.DRAFTED and PROGRESS in extra(officer)  # nothing erased yet
    officer.presses("ยืนยันล้างข้อมูล")
    assert officer.state() is State.PROFILE_NAME and PROGRESS not in extra(officer)


@pytest.mark.parametrize(
    ("text", "status", "percent"),
    [
        ("ดำเนินการเเล้วค่ะ", Status.DONE, None),  # two sara e for sara ae
        ("อยู่ระหว่างดำเนิการค่ะ", Status.DOING, None),
        ("ยังไม่เสร็จค่ะ", Status.DOING, None),
        ("ยังไม่ได้เริ่มเลยครับ", Status.NOT_STARTED, None),
        ("ทำไปแล้ว ๗๐ เปอร์เซ็นต์ค่ะ", Status.DOING, 70),
        ("เสร็จเรียบร้อยแล้วครับ ร้อยละ 100", Status.DONE, 100),
    ],
)
def test_statuses_and_percentages_are_read_as_officers_type_them(text, status, percent):
    reading = read_progress(text)
    assert reading.status is status and reading.percent == percent and reading.done == ""


def test_a_status_word_inside_a_later_answer_keeps_the_status_given(parts, tmp_path):  # noqa: F811
    officer = drafted(parts, tmp_path / "s.db")
    officer.says("รายงานผลรอบ 6 เดือน")
    officer.says("กำลังทำอยู่ค่ะ")
    officer.says("น่าจะซัก 60 เปอเซ็นได้ค่ะ")
    officer.says("ร่างคู่มือเสร็จแล้ว รอนายกลงนามค่ะ")  # what was done, not a new status
    first = progress_of(extra(officer)).round(2569, 6)[1]
    assert first.status is Status.DOING and first.percent == 60
    assert first.done == "ร่างคู่มือเสร็จแล้ว รอนายกลงนาม"


@pytest.mark.parametrize("wish", ["จะรายงานผลรอบ 6 เดือนค่ะ", "ขออัปเดตความคืบหน้าหน่อยค่ะ", "บันทึกผลการดำเนินงานค่ะ"])
def test_a_wish_to_report_in_other_words_starts_the_walk(parts, tmp_path, wish):  # noqa: F811
    officer = drafted(parts, tmp_path / "s.db")
    officer.says(wish)
    assert WALK in extra(officer) and "สถานะของแถวนี้" in officer.text()
