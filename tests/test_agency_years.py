"""The agency's year record (issue 16 part 6): scores, plans and progress stored by year, next year
started from this one, /new erasing it, and nothing of one agency reaching another.

Real SQLite and real PostgreSQL (127.0.0.1:5432, database `test`, a schema of its own, dropped
after), the real framework, playbook, drafter and exporters, through Dialogue.handle. Nothing of
bot.* is patched.
"""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from bot import wording as w
from bot.agency.carry import is_marked
from bot.agency.years import PLAN, PROGRESS, SCORES, YearStore, empty
from bot.dialogue.conversation import Dialogue, State
from bot.dialogue.sessions import Session, SessionStore
from bot.dialogue.year_record import PLANS, named_year, reporting_plan
from bot.export import Exporters
from bot.ita.framework import load_framework
from bot.ita.measures import AgencyProfile, Draft
from bot.search.ingest import PrivateLibrary
from bot.thai import to_arabic
from tests.conftest import KNOWLEDGE_DIR
from tests.docx_text import squashed
from tests.pg import drop_schema, pg_schema_url
from tests.test_agency import SCORES_2568, Officer, _docx_text, kb  # noqa: F401 - the module's fixture
from tests.test_progress import ticked_status

NAMES = [i.name for i in load_framework(KNOWLEDGE_DIR).indicators]  # in the framework's order
# ITA 2567 (the plan of FY 2568), then ITA 2568 (tests.test_agency): 9 fell, the others rose or held.
SCORES_2567 = {1: 97.5, 2: 98.1, 3: 99.0, 4: 97.8, 5: 94.2, 6: 93.0, 7: 90.4, 8: 91.0, 9: 88.0, 10: 100.0}


def result_text(year: int, scores: dict[int, float]) -> str:
    """The result page as an officer pastes it: the year, then one indicator a line."""
    rows = "\n".join(f"{n}\t{NAMES[n - 1]}\t{scores[n]:.2f}" for n in sorted(scores))
    return f"ผลการประเมิน ITA ประจำปี พ.ศ. {year}\n{rows}"


@pytest.fixture(params=["sqlite", "postgresql"])
def sessions(request, tmp_path):
    """A SessionStore on real SQLite or on real PostgreSQL (a schema of its own, dropped after)."""
    if request.param == "sqlite":
        store = SessionStore(f"sqlite:///{tmp_path / 'sessions.db'}")
        yield store
        store.close()
        return
    url, schema = pg_schema_url()
    store = SessionStore(url)
    try:
        yield store
    finally:
        store.close()
        drop_schema(schema)


def make_dialogue(kb, sessions: SessionStore) -> tuple[Dialogue, YearStore]:  # noqa: F811
    knowledge, drafter = kb
    years = YearStore(sessions.engine)
    dialogue = Dialogue(
        knowledge.framework,
        knowledge.playbook,
        knowledge.retriever,
        drafter,
        sessions,
        exports=Exporters(knowledge.framework),
        library=PrivateLibrary(knowledge.index, knowledge.framework, knowledge.refresh),
        years=years,
    )
    return dialogue, years


def drafted_2568_plan(officer: Officer) -> None:
    """ITA 2567 confirmed, the FY 2568 plan drafted and its Word file sent."""
    officer.to_scores(year="2567")
    officer.says(result_text(2567, SCORES_2567))
    officer.presses("ยืนยัน")
    assert officer.session().state == State.DRAFTED.value
    officer.says("ขอไฟล์ word")
    assert any(d.filename == "ita-measures-2568.docx" for d in officer.last.documents)


# ---------------------------------------------------------------- the store alone
def test_the_store_writes_only_what_changed_and_keeps_agencies_apart(sessions):
    store = YearStore(sessions.engine)
    before = empty()
    after = {SCORES: {2567: {"9": 88.0}}, PLAN: {2568: {"rows": []}}, PROGRESS: {2568: {"6": {}}}}
    assert store.write("line:A", before, after) == 3
    assert store.write("line:A", after, after) == 0  # nothing changed, nothing written
    store.write("line:B", empty(), {SCORES: {2567: {"9": 50.0}}, PLAN: {}, PROGRESS: {}})
    assert store.load("line:A") == after
    assert store.load("line:B")[SCORES] == {2567: {"9": 50.0}}
    later = {**after, SCORES: {2568: {"9": 72.25}}}  # 2567 gone, 2568 added
    assert store.write("line:A", after, later) == 2
    assert store.load("line:A")[SCORES] == {2568: {"9": 72.25}}
    assert store.load("line:A", (SCORES,))[PLAN] == {}  # only the kinds asked for are read
    store.erase("line:A")
    assert store.keys() == ["line:B"] and store.load("line:A") == empty()


def test_a_year_named_and_the_plan_still_being_reported_are_chosen():
    assert named_year("แบบรายงานผล 12 เดือน ปีงบ 68") == 2568
    assert named_year("รายงานผล ปีงบประมาณ พ.ศ. ๒๕๖๘") == 2568
    assert named_year("รายงานผลรอบ 12 เดือน") is None
    old = Draft(agency=AgencyProfile(), assessment_year=2567, fiscal_year=2568)
    new = Draft(agency=AgencyProfile(), assessment_year=2568, fiscal_year=2569)
    session = Session("line:x", draft=new, extra={PLANS: {"2568": old.model_dump(mode="json")}})
    # FY 2569 begins on 1 October 2025: before it, the FY 2568 plan is the one still being reported
    assert reporting_plan(session, "รายงานผล", date(2025, 8, 20)).fiscal_year == 2568
    assert reporting_plan(session, "รายงานผล", date(2025, 11, 1)) is new
    assert reporting_plan(session, "รายงานผลปีงบ 2569", date(2025, 8, 20)) is new
    assert reporting_plan(session, "แบบรายงานผล ปีงบ 2568", date(2026, 3, 1)).fiscal_year == 2568


# ---------------------------------------------------------------- through the dialogue
def test_next_year_starts_from_this_one_with_no_file_sent(kb, sessions):  # noqa: F811
    dialogue, years = make_dialogue(kb, sessions)
    officer = Officer(dialogue, "Uyear")
    key = "line:Uyear"
    drafted_2568_plan(officer)
    record = years.load(key)
    assert record[SCORES] == {2567: {str(n): v for n, v in SCORES_2567.items()}}
    published = Draft.model_validate(record[PLAN][2568])
    assert published.fiscal_year == 2568 and published.rows == officer.session().draft.rows
    assert PLANS not in officer.session().extra  # the plan lives in the year record, not the session

    officer.says("รายงานผลแถว 1 กับ 2")  # FY 2568 is over: the 12-month round
    officer.presses("ดำเนินการแล้ว")
    officer.says("จัดอบรมแล้วค่ะ https://example.go.th/ita/a.pdf")
    officer.presses("อยู่ระหว่างดำเนินการ")
    officer.says("ร้อยละ 50 ค่ะ")
    officer.says("ข้าม")
    officer.says("ข้าม")
    assert set(years.load(key)[PROGRESS][2568]["12"]) == {"1", "2"}

    # The next year: only the new scores are sent.
    officer.says(result_text(2568, SCORES_2568))
    said = officer.text()
    assert "ผลการประเมินปี 2568" in said and "ปีงบประมาณ พ.ศ. 2569" in said
    officer.presses(w.NEXT_YEAR_YES_LABEL)
    said = officer.text()
    assert w.NEXT_YEAR_TREND.format(before=2567) in said
    count = len(published.rows)
    assert w.NEXT_YEAR_CARRY.format(count=count, year=2568) in said
    assert officer.session().state == State.CONFIRM.value
    officer.presses("ยืนยัน")
    said = officer.text()
    draft = officer.session().draft
    assert draft.assessment_year == 2568 and draft.fiscal_year == 2569
    assert draft.previous_year == 2567 and draft.previous_indicators == SCORES_2567
    assert w.CARRY_INTRO.format(year=w.AGENCY_PLAN_YEAR.format(year=2568), count=count) in said
    officer.presses("คงไว้ทั้งหมด")
    continued = [r for r in officer.session().draft.rows if is_marked(r.measure)]
    assert continued and all(w.CONTINUED_MARK.format(year=2568) in r.measure for r in continued)
    officer.says("ขอไฟล์ word")
    content = next(d.content for d in officer.last.documents if d.filename == "ita-measures-2569.docx")
    text = to_arabic(_docx_text(content))  # the house style may print Thai digits
    assert squashed(w.TREND_TITLE.format(before=2567, now=2568)) in text
    assert squashed(w.TREND_FELL.format(numbers="9")) in text and "-4.50(ลดลง)" in text
    assert set(years.load(key)[PLAN]) == {2568, 2569} and set(years.load(key)[SCORES]) == {2567, 2568}

    # Last year's plan is still reported on: its 12-month report carries what was said.
    officer.says("/report 12 ปีงบ 2568")
    assert w.REPORT_OF_PLAN.format(year=2568) in officer.text()
    files = {d.filename: d.content for d in officer.last.documents}
    grid = max(docx.Document(io.BytesIO(files["ita-report-12m-2568.docx"])).tables, key=lambda t: len(t.rows))
    ticked = [ticked_status(row.cells[-1].text) for row in grid.rows[1:]]
    assert ticked[:2] == ["ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ"] and set(ticked[2:]) == {None}


def test_no_is_kept_and_new_erases_the_year_record_of_this_user_only(kb, sessions):  # noqa: F811
    dialogue, years = make_dialogue(kb, sessions)
    first, second = Officer(dialogue, "Ufirst"), Officer(dialogue, "Usecond")
    drafted_2568_plan(first)
    second.to_scores(name="องค์การบริหารส่วนตำบลทุ่งทอง", year="2568")
    second.says(result_text(2568, SCORES_2568))  # the other agency's first year: no trend, no offer
    second.presses("ยืนยัน")
    draft = second.session().draft
    assert not draft.previous_indicators and "มาตรการเดิมข้อ" not in second.text()
    assert years.load("line:Usecond")[SCORES] == {2568: {str(n): v for n, v in SCORES_2568.items()}}
    assert set(years.load("line:Ufirst")[SCORES]) == {2567}  # one agency's years never reach another's
    assert not years.load("line:Usecond")[PLAN] and set(years.load("line:Ufirst")[PLAN]) == {2568}

    first.says(result_text(2568, SCORES_2568))
    first.presses(w.NEXT_YEAR_NO_LABEL)
    assert w.NEXT_YEAR_KEPT.format(held=2567) in first.text()
    assert first.session().draft.assessment_year == 2567

    first.says("/new")
    first.presses(w.NEW_YES_LABEL)
    assert first.session().state == State.PROFILE_NAME.value
    assert years.load("line:Ufirst") == empty()
    assert set(years.keys()) == {"line:Usecond"}
    assert years.load("line:Usecond")[SCORES]  # the other user's record is untouched
    drafted_2568_plan(first)  # starting again: nothing of the erased years comes back
    assert not first.session().draft.previous_indicators
    assert set(years.load("line:Ufirst")[SCORES]) == {2567}
