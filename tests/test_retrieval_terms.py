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


def test_a_star_stem_matches_inside_any_word_and_joined_words_anywhere_in_any_order():
    terms = Terms([Term(("เลี้ยง*",), ("ประโยชน์อื่นใด",)), Term(("รถหลวง", "ย้อนหลัง+เซ็น"), ("ทรัพย์สินของราชการ",))])
    for said in ("ผู้รับเหมาเลี้ยงข้าว", "ไปกินเลี้ยงกับบริษัท", "จัดเลี้ยงรับรอง"):
        assert terms.expansion(said) == ["ประโยชน์อื่นใด"], said
    assert terms.expansion("หลีกเลี่ยงการประชุม") == []  # another word, not the stem
    assert terms.expansion("เอารถหลวงไปใช้") == ["ทรัพย์สินของราชการ"]
    assert terms.expansion("หัวหน้าให้เซ็นเอกสารย้อนหลัง") == ["ทรัพย์สินของราชการ"]
    assert terms.expansion("ผลการประเมินย้อนหลัง 3 ปี") == []  # one of the two words only


def test_a_situation_told_in_the_officers_words_adds_the_framework_words_for_it():
    terms = load_terms(KNOWLEDGE_DIR)
    assert "เอื้อประโยชน์ให้ผู้ประกอบการรายใดรายหนึ่ง" in terms.expansion("เขียนสเปคล็อคให้ยี่ห้อเดียว")
    assert "เบิกจ่ายเงินที่เป็นเท็จ" in terms.expansion("มีคนเซ็นย้อนหลังแล้วเบิกโอที")
    assert terms.expansion("คะแนน ITA ย้อนหลัง 3 ปี") == []
    assert "รับทรัพย์สินหรือประโยชน์อื่นใด" in terms.expansion("ผู้รับเหมาพาไปเลี้ยงข้าว")
    assert "ทรัพย์สินของราชการ" in terms.expansion("เจ้าหน้าที่เอารถหลวงไปใช้ส่งลูก")


def test_no_term_adds_a_word_it_already_says():
    terms = load_terms(KNOWLEDGE_DIR)
    for term in terms.terms:
        for said in term.say:
            assert said.rstrip("*") not in term.means, said


def test_situations_find_the_items_that_ask_about_them(built):
    # Questions that name no item, indicator or framework word: only the situation says which item.
    cases = {
        "เขียนสเปคล็อคให้ยี่ห้อเดียว คะแนนข้อไหนจะโดน": {"item-I11", "playbook:I11", "rec-09"},
        "ผู้รับเหมาชวนไปเลี้ยงข้าวหลังตรวจงาน แบบนี้ผิดไหม": {"item-I5", "playbook:I5", "guide-02"},
        "สตง. ทักท้วงมาแล้วไม่เคยเอาไปแก้ ต้องทำยังไงคะ": {"item-I29", "playbook:I29", "guide-13"},
    }
    for question, answers in cases.items():
        assert answers & set(_pids(built, question)), question
        assert not answers & set(_pids(built, question, terms=False)), question


def test_what_must_be_published_asks_for_the_oit_item_lists():
    assert "oit_item" in kinds_asked("ข้อมูลผู้บริหารบนเว็บต้องมีอะไรบ้าง")
    assert "oit_item" in kinds_asked("แผนจัดซื้อจัดจ้างต้องลงอะไรในเว็บไซต์")
    assert "oit_item" not in kinds_asked("ข้อมูลผู้บริหารมีผลต่อคะแนนไหม")


def test_what_must_be_on_the_website_for_a_year_finds_that_years_item(built):
    question = "ปี 2564 โครงสร้างหน่วยงานบนเว็บไซต์ต้องแสดงอะไรบ้าง"
    on = _pids(built, question)
    off = _pids(built, question, intents=("measure", "advice", "meaning", "list", "when", "which"))
    assert on[0] == "oit-2564-O1"
    listed = lambda pids: sum(p.startswith("oit-") for p in pids)  # noqa: E731
    assert listed(on) > listed(off)  # the item lists before the playbook's measures


def test_english_and_chat_words_for_advice_grading_and_tools_add_the_documents_words():
    terms = load_terms(KNOWLEDGE_DIR)
    assert "ข้อเสนอแนะ" in terms.expansion("ได้รับคำแนะนำเรื่องข้อมูลผู้บริหารว่ายังไง")
    assert "ผ่านเกณฑ์" in terms.expansion("What is the passing score for ITA 2024?")
    assert "ผู้มีส่วนได้ส่วนเสียภายนอก" in terms.expansion("how to raise scores from external stakeholders")
    assert "ไม่รับของขวัญ" in terms.expansion("gift policy of the director")
    # A tool's code is in the documents as written: it adds nothing that would outweigh the question.
    assert terms.expansion("OIT ปี 69 ข้อ O1") == []


def test_the_old_letter_grades_asked_in_chat_words_find_the_level_meaning(built):
    assert "level-A" in _pids(built, "ระดับ A ตามเกณฑ์เก่าหมายความว่ายังไงครับ", k=3)


def test_english_and_any_list_words_ask_for_the_kinds_their_thai_does():
    assert kinds_asked("What must be published for O12 in 2025?") == {"oit_item"}
    assert "oit_item" not in kinds_asked("How can we raise our EIT score?")
    assert "framework" in kinds_asked("Which indicators are in the EIT tool?")
    assert "framework" in kinds_asked("แบบวัด EIT มีตัวชี้วัดอะไรบ้าง")
