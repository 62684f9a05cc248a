"""How the retriever reads a question: agency names, the kind of passage asked for, lead-in lines."""

from __future__ import annotations

import pytest

from bot.search.query import kinds_asked, names_part, query_focus, tools_named
from bot.search.retrieve import Retriever, Tuning
from bot.search.terms import load_terms
from tests.conftest import KNOWLEDGE_DIR

OFF = Tuning(
    agency_words=False,
    repairs=False,
    intent=0.0,
    short=0.0,
    lead_in=False,
    title=0,
    whole=0.0,
    tool_measures=False,
    by_score=False,
)


def _search(built, question, tuning=None, k=5):
    index, fw = built
    return Retriever(index, fw, use_vector=False, tuning=tuning).search(question, k=k)


def test_an_agency_named_by_its_short_name_gives_its_passage_not_its_cover(built):
    top = _search(built, "ทุ่งทอง ขั้นตอนจัดทำข้อมูลพื้นฐาน", k=1)[0]
    assert top.agency == "องค์การบริหารส่วนตำบลทุ่งทอง"
    assert "จัดทำข้อมูลพื้นฐาน" in top.text and top.kind == "measure_table"


def test_a_question_asking_for_measures_gets_measures(built):
    found = _search(built, "ตัวชี้วัดที่ 4 ใช้ทรัพย์สินราชการ ควรทำมาตรการอะไรดี", k=3)
    assert found[0].kind == "playbook"
    assert all(p.kind in ("playbook", "measure_table", "recommendation") for p in found)


def test_a_list_is_found_by_the_lead_in_line_above_it(built):
    question = "สสปน ผู้มีส่วนได้ส่วนเสียภายใน ประเด็นที่ต้องแก้ไขเร่งด่วน มีข้อไหน"
    lists = [p for p in _search(built, question) if "I14" in p.items and "I7" in p.items]
    assert lists, "the list under the lead-in line"


def test_every_reading_can_be_switched_off(built):
    # The benchmark compares each mechanism by switching it off; off must really be off.
    question = "ทุ่งทอง ขั้นตอนจัดทำข้อมูลพื้นฐาน"
    assert [p.pid for p in _search(built, question, OFF)] != [p.pid for p in _search(built, question)]


def test_what_ita_is_finds_the_passage_that_says_it(built):
    top = _search(built, "ITA คืออะไร ใครเป็นผู้ประเมิน", k=1)[0]
    assert top.pid == "about-ita" and "สำนักงาน ป.ป.ช." in top.text and "OIT" in top.text


def test_a_passage_is_found_by_the_words_of_its_first_line(built):
    # Field weighting: the first line names what a passage is about ("ตัวชี้วัดความสำเร็จ"),
    # so the agency's list under that heading outranks passages that only use the words.
    question = "ตัวชี้วัดความสำเร็จของมาตรการ ทต นามะเขือ"
    assert any(p.text.startswith("ตัวชี้วัดความสำเร็จ") for p in _search(built, question, k=3))


@pytest.mark.parametrize(
    ("question", "indicators"),
    [
        ("how to improve indicator 8 score", (8,)),
        ("Indicator 10 items 2569", (10,)),
        ("ตัวชีวัดที่ 7 คะแนนต่ำ", (7,)),
    ],
)
def test_an_indicator_is_read_as_officers_type_it(built, question, indicators):
    assert query_focus(question, built[1]).indicators == indicators


@pytest.mark.parametrize(
    ("question", "indicators"),
    [
        ("ทำยังไงให้คะแนน OIT ดีขึ้น", (9, 10)),
        ("eit ส่วนที่ 2 คิดยังไง", (6, 7, 8)),
        ("คะแนนรวม ITA", ()),
        ("EDIT ข้อความ", ()),
    ],
)
def test_a_tool_named_by_its_code_stands_for_its_indicators(built, question, indicators):
    assert tools_named(question, built[1]) == indicators


@pytest.mark.parametrize("question", ["อยากยกระดับคะแนนตัวชี้วัดที่ 7 ควรทำอะไรดี", "improve indicator 6 please"])
def test_measures_for_a_whole_indicator_find_its_playbook_entry(built, question):
    (number,) = query_focus(question, built[1]).indicators
    found = _search(built, question, k=2)
    assert any(p.kind == "playbook" and p.indicators == (number,) and not p.items for p in found)
    off = Tuning(whole_kind=0.0, whole_candidates=False)
    assert [p.pid for p in _search(built, question, off)] != [p.pid for p in _search(built, question)]


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("ตัวชี้วัด 9.1 ปี 2565 มีข้อย่อยอะไรบ้าง", True),
        ("กลุ่ม 10.2 มาตรการภายใน", True),
        ("ตัวชี้วัดที่ 9 ได้ 9.5 คะแนน", False),
        ("ตัวชี้วัดที่ 10 มีข้ออะไรบ้าง", False),
    ],
)
def test_a_part_of_an_indicator_is_not_the_whole(question, part):
    assert names_part(question) is part


def test_the_items_of_a_part_come_before_the_measures_of_the_whole(built):
    found = _search(built, "ตัวชี้วัด 9.1 ปี 2565 มีข้อย่อยอะไรบ้าง มาตรการ")
    assert found[0].kind == "oit_item" and found[0].year == 2565


def test_counting_questions_ask_for_the_framework():
    assert kinds_asked("ITA มีกี่แบบวัด") == {"framework", "oit_item"}
    assert kinds_asked("how many items does OIT have") == {"framework", "oit_item"}


def test_the_first_five_do_not_depend_on_how_many_are_asked_for(built):
    index, fw = built
    retriever = Retriever(index, fw, use_vector=False, terms=load_terms(KNOWLEDGE_DIR))
    for question in ("How can we raise our EIT score?", "ทำยังไงให้คะแนน OIT ดีขึ้น", "ข้อ O12 ปี 68 คืออะไร"):
        five = [p.pid for p in retriever.search(question, k=5)]
        assert five == [p.pid for p in retriever.search(question, k=10)][:5]


def test_a_short_chunk_that_states_a_score_range_is_found_like_any_content(built):
    # Seed 003 puts "ผลประเมิน ต่ำกว่า 85.00 คะแนน" in a chunk of its own under its heading.
    index, fw = built
    retriever = Retriever(index, fw, use_vector=False, terms=load_terms(KNOWLEDGE_DIR))
    found = retriever.search("สสปน. แบ่งข้อที่เป็นจุดแข็งกับข้อที่ต้องแก้ไขเร่งด่วนใช้เกณฑ์กี่คะแนน", k=5)
    assert any("ผลประเมิน" in p.text and "คะแนน" in p.text and len(p.text) < 100 for p in found)
