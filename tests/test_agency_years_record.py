"""The year record's leftovers of issue 16: an operator's delete erases the years too, /new's export
offers every year on record, and a turn reads only the plans it needs."""

from __future__ import annotations

import io

import docx
from sqlalchemy import event

from bot import wording as w
from bot.agency.years import PLAN, PROGRESS, SCORES, YearStore, empty
from bot.dialogue.sessions import Session
from bot.dialogue.year_record import PLANS
from bot.thai import to_arabic
from tests.test_agency import SCORES_2568, Officer, _docx_text, kb  # noqa: F401 - the module's fixture
from tests.test_agency_years import (  # noqa: F401 - sessions: SQLite and PostgreSQL, the module's fixture
    drafted_2568_plan,
    make_dialogue,
    result_text,
    sessions,
)
from tests.test_progress import ticked_status


def test_an_operators_delete_erases_the_agencys_years_and_only_its_own(sessions):  # noqa: F811
    years = YearStore(sessions.engine)
    record = {SCORES: {2567: {"9": 88.0}}, PLAN: {2568: {"rows": []}}, PROGRESS: {2568: {"6": {}}}}
    for key in ("line:A", "line:B"):
        sessions.save(Session(key, state="drafted"))
        years.write(key, empty(), record)
    sessions.delete("line:A")
    assert sessions.keys() == ["line:B"]
    assert years.load("line:A") == empty() and years.keys() == ["line:B"]
    assert years.load("line:B") == record


def test_delete_works_before_any_year_was_recorded(sessions):  # noqa: F811
    sessions.save(Session("line:A", state="drafted"))
    sessions.delete("line:A")  # no agency_years table yet: nothing to erase there, no error
    assert sessions.keys() == []


# ---------------------------------------------------------------- through the dialogue
def _plan_reads(engine) -> list:
    """Watch the engine: return the list the years of every plan-data read are appended to."""
    reads: list = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        values = list(parameters.values()) if isinstance(parameters, dict) else list(parameters or ())
        if "agency_years.data" in statement and "plan" in values:
            reads.append(sorted(v for v in values if isinstance(v, int)))

    event.listen(engine, "before_cursor_execute", seen)
    return reads


def _earlier_plan(published: dict, fiscal: int) -> dict:
    return {**published, "fiscal_year": fiscal, "assessment_year": fiscal - 1}


def test_a_turn_reads_only_the_plans_it_needs_and_keeps_the_others(kb, sessions):  # noqa: F811
    dialogue, years = make_dialogue(kb, sessions)
    officer, key = Officer(dialogue, "Uread"), "line:Uread"
    drafted_2568_plan(officer)
    published = years.load(key)[PLAN][2568]
    years.write(key, empty(), {**empty(), PLAN: {2566: _earlier_plan(published, 2566)}})
    years.write(key, empty(), {**empty(), PLAN: {2567: _earlier_plan(published, 2567)}})
    reads = _plan_reads(sessions.engine)
    officer.says("ขอบคุณครับ")
    officer.says("/profile")
    assert reads == []  # three plans on record, none read
    officer.says("/report 12 ปีงบ 2567")
    assert w.REPORT_OF_PLAN.format(year=2567) in officer.text()
    assert any(d.filename == "ita-report-12m-2567.docx" for d in officer.last.documents)
    assert reads == [[2567]]  # the one plan the report is of
    stored = years.load(key)[PLAN]
    assert set(stored) == {2566, 2567, 2568} and stored[2568] == published  # unread plans kept as they were
    assert PLANS not in officer.session().extra


def test_the_export_before_new_sends_every_year_on_record(kb, sessions):  # noqa: F811
    dialogue, years = make_dialogue(kb, sessions)
    officer, key = Officer(dialogue, "Uall"), "line:Uall"
    drafted_2568_plan(officer)
    officer.says("รายงานผลแถว 1 กับ 2")  # FY 2568 is over: its 12-month round
    officer.presses("ดำเนินการแล้ว")
    officer.says("จัดอบรมแล้วค่ะ https://example.go.th/ita/a.pdf")
    officer.presses("อยู่ระหว่างดำเนินการ")
    officer.says("ร้อยละ 50 ค่ะ")
    officer.says("ข้าม")
    officer.says("ข้าม")
    officer.says(result_text(2568, SCORES_2568))  # the next year, from this one
    officer.presses(w.NEXT_YEAR_YES_LABEL)
    officer.presses("ยืนยัน")
    officer.presses("คงไว้ทั้งหมด")
    assert officer.session().draft.fiscal_year == 2569
    before = years.load(key)

    officer.says("/new")
    officer.presses(w.NEW_EXPORT_LABEL)
    files = {d.filename: d.content for d in officer.last.documents}
    for year in (2568, 2569):  # last year's plan as published and this year's draft, each with its reports
        assert {
            f"ita-measures-{year}.docx",
            f"ita-measures-{year}.xlsx",
            f"ita-report-6m-{year}.docx",
            f"ita-report-12m-{year}.docx",
            f"ita-report-12m-{year}.xlsx",
        } <= set(files)
    assert len(files) == len(officer.last.documents)  # no file twice
    grid = max(docx.Document(io.BytesIO(files["ita-report-12m-2568.docx"])).tables, key=lambda t: len(t.rows))
    ticked = [ticked_status(row.cells[-1].text) for row in grid.rows[1:]]
    assert ticked[:2] == ["ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ"] and set(ticked[2:]) == {None}
    plan_2568 = to_arabic(_docx_text(files["ita-measures-2568.docx"]))
    assert "2568" in plan_2568 and "มาตรการต่อเนื่อง" not in plan_2568  # the plan as published then
    assert "2568" in officer.text() and w.NEW_EXPORTED.split(" ")[0] in officer.text()
    after = years.load(key)  # nothing erased yet (this draft, sent as Word, is recorded as published)
    assert after[SCORES] == before[SCORES] and after[PROGRESS] == before[PROGRESS]
    assert after[PLAN][2568] == before[PLAN][2568] and set(after[PLAN]) == {2568, 2569}

    officer.presses(w.NEW_YES_LABEL)
    assert years.load(key) == empty()


def test_new_offers_the_years_on_record_when_no_draft_is_open(kb, sessions):  # noqa: F811
    dialogue, years = make_dialogue(kb, sessions)
    officer, key = Officer(dialogue, "Unodraft"), "line:Unodraft"
    drafted_2568_plan(officer)
    officer.says(result_text(2568, SCORES_2568))
    officer.presses(w.NEXT_YEAR_YES_LABEL)  # next year begun: scores in hand, no draft yet
    assert officer.session().draft is None
    officer.says("/new")
    officer.presses(w.NEW_EXPORT_LABEL)
    names = {d.filename for d in officer.last.documents}
    assert {"ita-measures-2568.docx", "ita-measures-2568.xlsx", "ita-report-12m-2568.docx"} <= names
    assert set(years.load(key)[PLAN]) == {2568}
