"""End to end through the console, typed as officers type: the defects found by playing the officer.

The real App behind bot.channels.console.run; what changed is read back from the session store.
Each test is one conversation that went wrong before its fix (issue 11, wt-dialog's console round).
"""

from __future__ import annotations

import io

import pytest

from bot.app import App, build
from bot.channels import console
from bot.dialogue.messages import Inbound
from bot.ita.measures import Draft
from bot.settings import Settings

PROFILE = ("สวัสดีครับ", "กรมส่งเสริมการเกษตร", "ใช่ครับ", "ใช้ตามนี้", "ปีงบ 68")
FOUR = "ได้ 91.3 คะแนนรวมครับ ตัวชี้วัดที่ 7 ได้ 79.6 ตัวชี้วัดที่ 8 ได้ 81.4 ตัวชี้วัด 9 ได้ 74.25 ตัวชี้วัดที่ 10 ได้ 84"


@pytest.fixture()
def app(tmp_path) -> App:
    return build(Settings(_env_file=None, data_dir=tmp_path), in_memory_index=True)


def run(app: App, user: str, *lines: str) -> str:
    out = io.StringIO()
    assert console.run(app, user_id=user, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out) == 0
    return out.getvalue()


def draft(app: App, user: str) -> Draft | None:
    return app.sessions.load(Inbound("console", user).session_key).draft


def test_only_these_and_the_typed_button_draft_four_rows(app: App):
    # "มีแค่ 4 ตัวครับ" once the missing indicators were listed was "no scores found", and the button's
    # label typed with "ได้เลยครับ" offered the two buttons again: the officer could not go on.
    out = run(app, "a", *PROFILE, FOUR, "มีแค่ 4 ตัวครับ")
    assert out.rsplit("คุณ> ", 1)[1].count("ร่างจากที่มี") >= 1  # the two ways on, said again
    out += run(app, "a", "ร่างจากที่มีได้เลยครับ")
    assert app.sessions.load(Inbound("console", "a").session_key).state == "confirm"
    out += run(app, "a", "ยืนยันค่ะ")
    made = draft(app, "a")
    assert made is not None and [r.indicator for r in made.rows] == [7, 8, 9, 10]
    assert "ไม่พบคะแนน" not in out


def test_typed_partial_button_at_the_score_step(app: App):
    run(app, "b", *PROFILE, FOUR, "ร่างเท่าที่มีไปก่อนค่ะ")
    assert app.sessions.load(Inbound("console", "b").session_key).state == "confirm"
    run(app, "b", "ยืนยันครับ")
    made = draft(app, "b")
    assert made is not None and len(made.rows) == 4


def test_an_edit_before_the_draft_is_answered_and_the_step_kept(app: App):
    # At the confirmation step "แถว 9 เสร็จภายในธันวา 68" got "ไม่แน่ใจว่าหมายถึงอะไร … ยืนยันคะแนนนี้ไหม".
    run(app, "c", *PROFILE, FOUR, "ร่างจากที่มี")
    out = run(app, "c", "แถว 1 ผู้รับผิดชอบ ศูนย์เทคโนโลยีสารสนเทศและการสื่อสารครับ")
    assert "ยังไม่ได้ร่างมาตรการ" in out and "ยืนยัน" in out  # said, then the step again
    session = app.sessions.load(Inbound("console", "c").session_key)
    assert session.state == "confirm" and session.draft is None
    assert session.scores is not None and session.scores.indicators == {7: 79.6, 8: 81.4, 9: 74.25, 10: 84.0}


def test_an_added_step_about_reporting_is_an_edit_not_a_progress_report(app: App):
    # "แถว 3 เพิ่มขั้นตอน รายงานผลต่ออธิบดีทุกไตรมาส" opened the row-by-row progress report, and every
    # edit after it was stored as the work done on that row.
    run(app, "d", *PROFILE, FOUR, "ร่างจากที่มี", "ยืนยัน")
    before = draft(app, "d")
    assert before is not None
    out = run(app, "d", "แถว 3 เพิ่มขั้นตอน รายงานผลต่ออธิบดีทุกไตรมาส", "ลบแถว 1")
    after = draft(app, "d")
    assert after is not None and "สถานะของแถวนี้" not in out
    row3 = next(r for r in after.rows if r.number == 3)
    assert row3.steps[-1].endswith("รายงานผลต่ออธิบดีทุกไตรมาส")
    assert [r.number for r in after.rows] == [2, 3, 4]


def test_a_row_added_with_its_measure_named(app: App):
    # "เพิ่มแถวตัวชี้วัด 9 มาตรการ …" changed the measure of the indicator's row instead of adding one.
    run(app, "e", *PROFILE, FOUR, "ร่างจากที่มี", "ยืนยัน")
    out = run(app, "e", "ลบแถว 3", "เพิ่มแถวตัวชี้วัด 9 มาตรการ ทำแบบสอบถามความพึงพอใจผ่าน QR code ค่ะ")
    made = draft(app, "e")
    assert made is not None, out
    added = [r for r in made.rows if r.indicator == 9]
    assert [r.number for r in added] == [5], out  # a new number: row 3 stays deleted
    assert added[0].measure == "ทำแบบสอบถามความพึงพอใจผ่าน QR code"


def test_units_sent_one_a_message_are_all_kept(app: App):
    # A bulleted unit list sent one line a message: the first was saved, the rest were answered
    # "กรุณาระบุปีที่ประเมินเป็นปี พ.ศ." and lost.
    out = run(
        app,
        "f",
        "สวัสดีครับ",
        "กรมส่งเสริมการเกษตร",
        "ใช่ครับ",
        "- สำนักงานเลขานุการกรม",
        "- กองคลัง",
        "- กองการเจ้าหน้าที่ครับ",
        "ปีงบ 68",
    )
    profile = app.sessions.load(Inbound("console", "f").session_key).profile
    assert profile.units == ["สำนักงานเลขานุการกรม", "กองคลัง", "กองการเจ้าหน้าที่"]
    assert profile.assessment_year == 2568
    assert "กรุณาระบุปีที่ประเมิน" not in out


def test_tool_scores_alone_are_acknowledged_and_indicators_asked(app: App):
    # "IIT 83.2 EIT 88.9 OIT 70 ค่ะ" was answered "ยังไม่พบคะแนนในข้อความนี้".
    out = run(app, "g", *PROFILE, "IIT 83.2 EIT 88.9 OIT 70 ค่ะ")
    assert "ยังไม่พบคะแนน" not in out
    assert "IIT 83.20" in out and "OIT 70.00" in out and "รายตัวชี้วัด" in out
    assert app.sessions.load(Inbound("console", "g").session_key).state == "scores"


def test_why_low_about_a_shortened_indicator_answers_that_one(app: App):
    # "ทำไมตชว.2 ได้น้อยคะ" was answered about indicators 9, 10 and 2: the shortening was not read.
    scores = "ตัวชี้วัดที่ 1 95.5 ตัวชี้วัดที่ 2 80 ตัวชี้วัดที่ 9 65.5 ตัวชี้วัดที่ 10 74"
    run(app, "h", *PROFILE, scores, "ร่างจากที่มี", "ยืนยัน")
    out = run(app, "h", "ทำไมตชว.2 ได้น้อยคะ")
    assert "ตัวชี้วัดที่ 2 การใช้งบประมาณ" in out
    assert "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (แบบวัด OIT)" not in out


def test_only_these_and_the_button_in_one_message_draft(app: App):
    # "มีแค่นี้ค่ะ ร่างจากที่มีได้เลย" in one message got the missing indicators and the two buttons again.
    run(app, "i", *PROFILE, FOUR, "มีแค่นี้ค่ะ ร่างจากที่มีได้เลย")
    assert app.sessions.load(Inbound("console", "i").session_key).state == "confirm"
    run(app, "i", "ยืนยันค่าาา")  # a particle drawn out, as officers type on a phone
    made = draft(app, "i")
    assert made is not None and [r.indicator for r in made.rows] == [7, 8, 9, 10]


def test_cut_then_edits_by_row_number_in_chat_words(app: App):
    # "ตัดแถว 1" was refused; "แถว 3 นะคะ …" (a particle after the row) and "แถวที่สี่ … รายงานผล"
    # (a row in words beside a report word) never reached the rows the officer named.
    run(app, "j", *PROFILE, FOUR, "ร่างจากที่มี", "ยืนยัน")
    out = run(
        app,
        "j",
        "ตัดแถว 1 ค่ะ",
        "แถว 3 นะคะ ให้เสร็จภายในมีนา 69",
        "แถวที่สี่ เพิ่มขั้นตอน รายงานผลต่อผู้บริหารทุกไตรมาส คร้าบบ",
    )
    made = draft(app, "j")
    assert made is not None, out
    assert [r.number for r in made.rows] == [2, 3, 4]
    row3 = next(r for r in made.rows if r.number == 3)
    row4 = next(r for r in made.rows if r.number == 4)
    assert row3.indicator == 9 and row3.timeline == "ต.ค. 68 – มี.ค. 69"
    assert row4.indicator == 10 and row4.steps[-1].endswith("รายงานผลต่อผู้บริหารทุกไตรมาส")
    assert "สถานะของแถวนี้" not in out  # no progress report was opened


def test_an_undo_named_as_a_delete_never_takes_back_another_edit(app: App):
    # "ยกเลิกการลบแถวเมื่อกี้ค่ะ" after a delete and then a KPI edit took back the KPI edit, silently:
    # the officer's row stayed deleted and the edit they wanted was lost.
    run(app, "k", *PROFILE, FOUR, "ร่างจากที่มี", "ยืนยัน")
    run(app, "k", "ลบแถว 1 คับ", "แถว 2 ตัวชี้วัดความสำเร็จ ขอเป็น เผยแพร่ข้อมูลครบ 100% ค่าา")
    out = run(app, "k", "ยกเลิกการลบแถวเมื่อกี้ค่ะ")
    made = draft(app, "k")
    assert made is not None
    assert [r.number for r in made.rows] == [2, 3, 4]  # nothing undone
    assert next(r for r in made.rows if r.number == 2).kpi == "เผยแพร่ข้อมูลครบ 100%"
    assert "ไม่ใช่การลบแถว" in out
    run(app, "k", "ย้อนกลับ", "ย้อนกลับ")  # step by step, back to before the delete
    made = draft(app, "k")
    assert made is not None and [r.number for r in made.rows] == [1, 2, 3, 4]
