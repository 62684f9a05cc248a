"""Officers' terms read as the documents' words (knowledge/officer_terms.yaml), and the readings added with them."""

from __future__ import annotations

from bot.search.query import kinds_asked
from bot.search.retrieve import Retriever, Tuning
from bot.search.terms import Term, Terms, load_terms
from tests.conftest import KNOWLEDGE_DIR


def _pids(built, question, k=5, **tuning):
    index, fw = built
    retriever = Retriever(
        index, fw, use_vector=False, tuning=Tuning(**tuning), terms=load_terms(KNOWLEDGE_DIR)
    )
    return [p.pid for p in retriever.search(question, k=k)]


def test_the_shipped_terms_file_loads_and_every_entry_says_and_means_something():
    terms = load_terms(KNOWLEDGE_DIR)
    assert len(terms.terms) >= 30
    assert all(t.say and t.means and all(w.strip() for w in (*t.say, *t.means)) for t in terms.terms)


def test_an_english_abbreviation_adds_the_thai_words_the_documents_use():
    terms = load_terms(KNOWLEDGE_DIR)
    assert "ทรัพยากรบุคคล" in terms.expansion("แผน HR ปี 2569 อยู่ข้อไหน")
    assert "มาตรการ" in terms.expansion("จะตั้ง measure อะไรดี")
    assert "ทรัพย์สินของราชการ" in terms.expansion("คนยืมของหลวงไปใช้ไม่ขออนุญาต")


def test_english_terms_match_whole_words_only_and_thai_terms_whole_segmented_words():
    terms = Terms([Term(("hr", "e-service"), ("ทรัพยากรบุคคล",)), Term(("นายก",), ("ผู้บริหาร",))])
    assert terms.expansion("THREE items") == []
    assert terms.expansion("ระบบ E Service ของหน่วยงาน") == ["ทรัพยากรบุคคล"]
    assert terms.expansion("นายกเทศมนตรีประกาศ") == []  # a longer word that starts alike is not the term
    assert terms.expansion("นายก ต้องประกาศเจตนารมณ์") == ["ผู้บริหาร"]


def test_words_the_question_already_says_are_not_added_twice():
    terms = Terms([Term(("HR",), ("ทรัพยากรบุคคล", "บุคลากร"))])
    assert terms.expansion("HR ทรัพยากรบุคคล") == ["บุคลากร"]
    assert terms.expand("ไม่มีคำนี้") == "ไม่มีคำนี้"


def test_no_terms_file_means_no_terms(tmp_path):
    assert load_terms(tmp_path).expansion("แผน HR") == []


def test_hr_asked_by_its_english_abbreviation_finds_the_years_hr_items_first(built):
    on = _pids(built, "HR ปี 2569 อยู่ข้อไหน")
    assert on[:2] == ["oit-2569-O13", "oit-2569-O14"]
    assert _pids(built, "HR ปี 2569 อยู่ข้อไหน", terms=False)[0] != "oit-2569-O13"


def test_a_when_question_asks_for_the_calendar_even_beside_the_word_measures():
    assert "framework" in kinds_asked("รายงานผลมาตรการรอบแรกถึงเดือนไหน")
    assert "playbook" not in kinds_asked("รายงานผลมาตรการรอบแรกถึงเดือนไหน")
    assert "oit_item" in kinds_asked("แผนพัฒนาบุคลากรอยู่ข้อ O อะไร")
    assert "oit_item" not in kinds_asked("ทำมาตรการอะไรดี")


def test_an_o_code_missing_from_the_years_list_finds_what_is_said_of_that_list(built):
    question = "ปี 2569 ข้อ O5 คือเรื่องอะไร"
    assert "unconfirmed-oit_2569_full" in _pids(built, question)
    assert "unconfirmed-oit_2569_full" not in _pids(built, question, unlisted=False)


def test_a_nacc_recommendation_is_not_ranked_lower_for_another_year(built):
    question = "ป.ป.ช. แนะนำว่าไง ถ้าบุคลากรไม่รู้แผนการใช้จ่ายงบประมาณประจำปีนี้"
    on = _pids(built, question, k=10)
    off = _pids(built, question, k=10, advice_any_year=False)
    assert "rec-06" in on
    assert "rec-06" not in off or on.index("rec-06") < off.index("rec-06")
