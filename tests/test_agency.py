"""The agency's own documents and year record (issue 16, parts 3-4), pure parts and through Dialogue.handle.

Real framework, playbook, Chroma index, drafter and SQLite; the files are the five seeds (real
plans and analyses) and a synthetic plan. Nothing of bot.* is patched.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from bot import wording as w
from bot.agency.carry import carry, is_marked, similarity
from bot.agency.plans import PastMeasure, is_document, read_plan
from bot.agency.scope import agency_scope
from bot.agency.trend import trend
from bot.app import build_drafter, build_knowledge, ensure_index
from bot.dialogue.conversation import Dialogue, State
from bot.dialogue.file_words import carry_answer
from bot.dialogue.messages import Inbound, Reply
from bot.dialogue.sessions import SessionStore
from bot.drafting.style import extract_style
from bot.export import Exporters
from bot.search.ingest import PrivateLibrary
from tests.docx_text import printed, squashed
from tests.kb_helpers import make_settings

SEEDS = Path(__file__).parent / "data" / "seeds"
PLAN_001 = SEEDS / "001_33c122b6f7974d24.txt"  # เทศบาลตำบลนามะเขือ: ITA 2568, measures for FY 2569
# This year's (2569) scores of the same agency: 7, 8 and 9 fell since 2568, 6 rose.
SCORES_2569 = (
    "1\tการปฏิบัติหน้าที่\t98.95\n2\tการใช้งบประมาณ\t99.40\n3\tการใช้อำนาจ\t99.70\n"
    "4\tการใช้ทรัพย์สินของราชการ\t98.80\n5\tการแก้ไขปัญหาการทุจริต\t95.60\n6\tคุณภาพการดำเนินงาน\t97.10\n"
    "7\tประสิทธิภาพการสื่อสาร\t86.20\n8\tการปรับปรุงการทำงาน\t88.00\n9\tการเปิดเผยข้อมูล\t72.25\n"
    "10\tการป้องกันการทุจริต\t100.00"
)
SCORES_2568 = {
    1: 98.89,
    2: 99.38,
    3: 99.75,
    4: 98.77,
    5: 95.56,
    6: 95.26,
    7: 91.50,
    8: 92.01,
    9: 83.50,
    10: 100.0,
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("agency-kb"))
    knowledge = build_knowledge(settings, in_memory=True)
    ensure_index(knowledge)
    return knowledge, build_drafter(settings, knowledge)


def make_dialogue(kb, db: Path) -> Dialogue:
    knowledge, drafter = kb
    return Dialogue(
        knowledge.framework,
        knowledge.playbook,
        knowledge.retriever,
        drafter,
        SessionStore(f"sqlite:///{db}"),
        exports=Exporters(knowledge.framework),
        library=PrivateLibrary(knowledge.index, knowledge.framework, knowledge.refresh),
    )


class Officer:
    """One officer in the chat: typed messages, button presses and files."""

    def __init__(self, dialogue: Dialogue, user: str) -> None:
        self.dialogue, self.user = dialogue, user
        self.last = Reply()

    def says(self, text: str) -> Reply:
        self.last = self.dialogue.handle(Inbound("line", self.user, text=text))
        return self.last

    def sends_file(self, text: str) -> Reply:
        self.last = self.dialogue.handle(Inbound("line", self.user, text=text, kind="file"))
        return self.last

    def presses(self, label: str) -> Reply:
        choice = next(c for c in self.last.choices if c.label == label)
        self.last = self.dialogue.handle(Inbound("line", self.user, choice=choice.payload, kind="choice"))
        return self.last

    def text(self) -> str:
        return "\n".join(self.last.texts)

    def session(self):
        return self.dialogue.sessions.load(f"line:{self.user}")

    def to_scores(self, name: str = "เทศบาลตำบลนามะเขือ", year: str = "2569") -> None:
        self.says("สวัสดีครับ")
        self.says(name)
        self.presses(next(c.label for c in self.last.choices if "เทศบาล" in c.label))
        self.presses("ใช้ตามนี้")
        self.says(year)


# ---------------------------------------------------------------- pure parts
@pytest.mark.parametrize(
    ("seed", "year", "at_least"),
    [("000", 2566, 10), ("001", 2568, 15), ("002", 2569, 9), ("003", 2564, 10), ("004", 2565, 2)],
)
def test_each_seed_plan_is_recognised_with_its_measures(kb, seed, year, at_least):
    fw = kb[0].framework
    text = next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    plan = read_plan(text, fw)
    assert plan is not None and plan.year == year and len(plan.measures) >= at_least
    assert all(1 <= m.indicator <= 10 and 3 <= len(m.title) <= 160 for m in plan.measures)
    assert is_document(text)


def test_the_measures_of_seed_001_are_read_by_indicator_with_steps_and_owners(kb):
    plan = read_plan(PLAN_001.read_text(encoding="utf-8"), kb[0].framework)
    assert plan is not None
    by_indicator: dict[int, PastMeasure] = {}
    for m in plan.measures:
        by_indicator.setdefault(m.indicator, m)  # the first table: "ประเด็นการวิเคราะห์ | วิธีการนำผล…"
    assert by_indicator[9].title == "ปรับปรุงข้อมูล OIT ให้ครบถ้วน"
    assert by_indicator[9].owners == ("สำนักปลัดเทศบาล",)
    assert by_indicator[8].steps == ("ลดขั้นตอนและระยะเวลาการให้บริการ",)


def test_a_result_page_or_a_score_list_is_no_document_and_no_plan(kb):
    page = "ผลการประเมิน ITA ปี 2568\n" + SCORES_2569 + "\nคะแนนรวม 93.20"
    assert not is_document(page) and read_plan(page, kb[0].framework) is None
    memo = (
        "บันทึกข้อความ เรื่อง ขอเชิญประชุม\n"
        + "เนื่องด้วยหน่วยงานจะจัดประชุมคณะทำงานเพื่อทบทวนการดำเนินงานประจำปี ขอเชิญทุกท่านเข้าร่วมประชุมตามวันเวลาดังกล่าว\n"
        * 5
    )
    assert is_document(memo) and read_plan(memo, kb[0].framework) is None


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("คงไว้", ("keep", "")),
        ("คงไว้ค่ะ", ("keep", "")),
        ("ใช้ต่อครับ", ("keep", "")),
        ("ตัดออก", ("drop", "")),
        ("ไม่เอาค่ะ", ("drop", "")),
        ("ปรับ", ("revise", "")),
        ("ปรับเป็น พัฒนาระบบ E-Service ให้ครบทุกงานบริการ", ("revise", "พัฒนาระบบ E-Service ให้ครบทุกงานบริการ")),
        ("แก้เป็น: เพิ่มช่องทางประชาสัมพันธ์ออนไลน์ค่ะ", ("revise", "เพิ่มช่องทางประชาสัมพันธ์ออนไลน์")),
        ("คงไว้ทั้งหมด", ("all", "")),
        ("ข้ามที่เหลือ", ("stop", "")),
        ("แก้ผู้รับผิดชอบ แถว 3 เป็น กองคลัง", None),
        ("ตัวชี้วัดที่ 9 คืออะไร", None),
    ],
)
def test_answers_to_a_measure_offered_forward_are_read(typed, read):
    assert carry_answer(typed) == read


def test_a_kept_measure_marks_the_same_row_or_becomes_a_new_numbered_row(kb):
    knowledge, drafter = kb
    from bot.drafting.edits import number_rows
    from bot.drafting.engine import DraftRequest
    from bot.ita.measures import AgencyProfile
    from bot.ita.tiers import Thresholds
    from bot.scores import parse_scores

    scores = parse_scores(SCORES_2569, knowledge.framework).scores
    profile = AgencyProfile(name="เทศบาลตำบลนามะเขือ", type="municipality", assessment_year=2569)
    draft = number_rows(drafter.draft(DraftRequest(profile, scores, Thresholds())))
    nine = next(r for r in draft.rows if r.indicator == 9 and not r.items)
    same = PastMeasure(9, nine.measure)
    marked, row, added = carry(draft, same, 2569)
    assert not added and row == nine.number and len(marked.rows) == len(draft.rows)
    assert is_marked(next(r for r in marked.rows if r.number == row).measure)
    other = PastMeasure(9, "จัดทำคลิปวิดีโอแนะนำช่องทางร้องเรียนทางออนไลน์", ("ถ่ายทำคลิป", "เผยแพร่ทางเพจ"))
    grown, new, added = carry(marked, other, 2569)
    assert added and new == draft.last_row_number + 1 and grown.last_row_number == new
    fresh = next(r for r in grown.rows if r.number == new)
    assert fresh.indicator == 9 and fresh.steps == ["ถ่ายทำคลิป", "เผยแพร่ทางเพจ"]
    assert fresh.measure.endswith(w.CONTINUED_MARK.format(year=2569))
    rows = [r.indicator for r in grown.rows]
    assert rows == sorted(rows)  # placed under its indicator
    assert similarity("พัฒนาระบบ E-Service", "พัฒนาระบบ E-Service ให้ครบทุกงาน") == 1.0


def test_the_trend_says_what_fell_rose_and_each_tool(kb):
    knowledge, _ = kb
    from bot.ita.measures import AgencyProfile, Draft

    now = {**SCORES_2568, 9: 72.25, 6: 97.10}
    draft = Draft(
        agency=AgencyProfile(),
        assessment_year=2569,
        indicators=now,
        previous_year=2568,
        previous_indicators=SCORES_2568,
    )
    found = trend(draft, knowledge.framework)
    assert found is not None and found.fell() == [9] and found.rose() == [6]
    nine = dict(found.indicators)[9]
    assert nine.delta == round(72.25 - 83.50, 2) and nine.way == "down"
    assert [c.label.split()[0] for c in found.tools] == ["IIT", "EIT", "OIT"]
    oit = found.tools[2]
    assert oit.before == pytest.approx((83.50 + 100) / 2) and oit.now == pytest.approx((72.25 + 100) / 2)
    assert trend(draft.model_copy(update={"previous_indicators": {}}), knowledge.framework) is None


def test_the_scope_is_a_digest_of_the_session_and_differs_between_agencies():
    a, b = agency_scope("line:U1"), agency_scope("line:U2")
    assert a != b and a.startswith("agency:") and "U1" not in a
    with pytest.raises(ValueError):
        agency_scope("")


# ---------------------------------------------------------------- through the dialogue
def _docx_text(content: bytes) -> str:
    """The plan's printed text, without spaces (a cell's lines are broken at word boundaries)."""
    document = docx.Document(io.BytesIO(content))
    parts = [printed(p) for p in document.paragraphs]
    tables = list(document.tables)
    while tables:  # a layout table's cells hold tables too (the comparison beside its chart)
        for row in tables.pop(0).rows:
            for cell in row.cells:
                parts.append(printed(cell))
                tables.extend(cell.tables)
    return squashed("\n".join(parts))


def test_last_years_plan_sent_before_the_scores_is_offered_forward_on_the_new_draft(kb, tmp_path):
    officer = Officer(make_dialogue(kb, tmp_path / "s.db"), "Uplan")
    officer.to_scores()
    officer.sends_file(PLAN_001.read_text(encoding="utf-8"))
    said = officer.text()
    count = len(read_plan(PLAN_001.read_text(encoding="utf-8"), officer.dialogue.fw).measures)
    assert count == 15
    assert w.AGENCY_PLAN_FOUND.format(year=w.AGENCY_PLAN_YEAR.format(year=2568), count=count) in said
    assert w.AGENCY_PREVIOUS_KEPT.format(year=2568, count=10) in said
    assert w.AGENCY_PLAN_LATER in said and officer.session().state == State.SCORES.value

    officer.says(SCORES_2569)
    officer.presses("ยืนยัน")
    said = officer.text()
    assert officer.session().state == State.DRAFTED.value
    assert w.CARRY_INTRO.split(":")[0].format(year=w.AGENCY_PLAN_YEAR.format(year=2568)) in said
    assert "มาตรการเดิมข้อ 1/15" in said and "ปรับปรุงข้อมูล OIT ให้ครบถ้วน" in said
    assert [c.label for c in officer.last.choices][:3] == ["คงไว้", "ปรับ", "ตัด"]

    before = len(officer.session().draft.rows)
    officer.presses("คงไว้")  # 1: indicator 9
    assert "มาตรการเดิมข้อ 2/15" in officer.text()
    officer.says("ตัดค่ะ")  # 2: indicator 7
    assert w.CARRY_DROPPED in officer.text()
    officer.presses("ปรับ")  # 3: indicator 8, new wording asked
    assert "พิมพ์ข้อความมาตรการใหม่" in officer.text()
    officer.says("พัฒนาระบบ E-Service ให้ครบทุกงานบริการภายในปีงบประมาณ")
    assert "ปรับแล้ว" in officer.text() and "มาตรการเดิมข้อ 4/15" in officer.text()
    officer.presses("คงไว้ทั้งหมด")  # 4 to 15
    assert w.CARRY_DONE.format(kept=13, revised=1, dropped=1) in officer.text()

    draft = officer.session().draft
    continued = [r for r in draft.rows if is_marked(r.measure)]
    # 14 kept: each marks a row of its indicator that says the same, or adds one (two may mark one row)
    assert 9 <= len(continued) <= 14 and len(draft.rows) >= before
    plan = read_plan(PLAN_001.read_text(encoding="utf-8"), officer.dialogue.fw)
    kept = [m for i, m in enumerate(plan.measures) if i != 1]
    assert {m.indicator for m in kept} == {r.indicator for r in continued}
    assert any(r.measure.startswith("พัฒนาระบบ E-Service ให้ครบทุกงานบริการ") for r in continued)
    assert all(w.CONTINUED_MARK.format(year=2568) in r.measure for r in continued)
    numbers = [r.number for r in draft.rows]
    assert len(set(numbers)) == len(numbers) and None not in numbers

    # Part 4: last year's scores came from the plan's own results table
    assert draft.previous_year == 2568 and draft.previous_indicators == SCORES_2568
    # the plan's own forms (heading, periods, numbering, owners) are the new draft's house style
    own = extract_style(PLAN_001.read_text(encoding="utf-8")).as_dict()
    assert own and all(draft.style.get(k) == v for k, v in own.items())
    nine = next(
        r for r in draft.rows if r.indicator == 9 and not r.items and not r.analysis.startswith("ต่อยอด")
    )
    assert "ลดลง" in nine.analysis and "83.50" in nine.analysis
    officer.says("ขอไฟล์ word")
    content = next(d.content for d in officer.last.documents if d.filename.endswith(".docx"))
    text = _docx_text(content)
    assert squashed(w.TREND_TITLE.format(before=2568, now=2569)) in text
    assert "-11.25(ลดลง)" in text and "+1.84(เพิ่มขึ้น)" in text
    assert squashed(w.TREND_FELL.format(numbers="7, 8, 9")) in text
    assert text.count(squashed(w.CONTINUED_MARK.format(year=2568))) == len(continued)
    pictures = docx.Document(io.BytesIO(content)).inline_shapes
    assert len(pictures) == 2  # this year's chart and the two-year chart


def test_a_plan_sent_after_the_draft_is_offered_at_once_and_a_question_leaves_the_offer_open(kb, tmp_path):
    officer = Officer(make_dialogue(kb, tmp_path / "s.db"), "Uafter")
    officer.to_scores()
    officer.says(SCORES_2569)
    officer.presses("ยืนยัน")
    officer.sends_file(next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8"))
    assert "มาตรการเดิมข้อ 1/9" in officer.text()
    officer.says("ตัวชี้วัดที่ 9 คืออะไรคะ")  # a question is answered; the offer waits
    assert "มาตรการเดิมข้อ" not in officer.text() or "1/9" in officer.text()
    officer.says("ข้ามที่เหลือ")
    assert w.CARRY_DONE.format(kept=0, revised=0, dropped=9) in officer.text()
    assert not any(is_marked(r.measure) for r in officer.session().draft.rows)


def test_a_result_page_of_an_earlier_year_is_kept_as_last_year_never_as_this_year(kb, tmp_path):
    officer = Officer(make_dialogue(kb, tmp_path / "s.db"), "Uearlier")
    officer.to_scores()
    officer.says(SCORES_2569)
    page = "ผลการประเมิน ITA ประจำปี พ.ศ. 2568\n" + "\n".join(
        f"{n}\t{name}\t{SCORES_2568[n]:.2f}"
        for n, name in [(1, "การปฏิบัติหน้าที่"), (2, "การใช้งบประมาณ"), (9, "การเปิดเผยข้อมูล")]
    )
    officer.sends_file(page)
    assert w.AGENCY_PREVIOUS_KEPT.format(year=2568, count=3) in officer.text()
    session = officer.session()
    assert session.scores.indicators[9] == 72.25  # this year's scores are untouched
    assert session.state == State.CONFIRM.value
    officer.says("ยืนยัน")
    draft = officer.session().draft
    assert draft.previous_year == 2568 and draft.previous_indicators == {1: 98.89, 2: 99.38, 9: 83.5}
