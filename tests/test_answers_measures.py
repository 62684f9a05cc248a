"""Questions asking for measures: the playbook leads whatever the year, fitted to the agency type asked.

Real framework, playbook, Chroma index and pythainlp; the seeds are indexed like an officer's
files, so other agencies' passages of the year asked compete with the playbook.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import build_knowledge, ensure_index
from bot.ita.measures import AgencyProfile
from bot.search.answers import answer_question, find_passages
from bot.search.fact_words import asks, named_type, sound_key
from bot.search.ingest import ingest
from bot.search.paste_block import paste_block
from bot.search.question_years import year_asked
from bot.search.retrieve import Passage
from tests.answer_checks import answer_problems
from tests.kb_helpers import make_settings

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    kb = build_knowledge(make_settings(tmp_path_factory.mktemp("kb")), in_memory=True)
    ensure_index(kb)
    ingest(kb.index, kb.framework, kb.playbook, [SEEDS], progress=False)
    kb.refresh()
    return kb


def ask(kb, question: str, profile: AgencyProfile | None = None):
    return answer_question(question, kb.retriever, kb.framework, playbook=kb.playbook, profile=profile)


@pytest.mark.parametrize("indicator", range(1, 11))
@pytest.mark.parametrize("year", [None, 2566, 2568])
def test_a_whole_indicators_measures_lead_with_its_indicator_wide_playbook_entry(kb, indicator, year):
    question = f"ขอตัวอย่างมาตรการตัวชี้วัดที่ {indicator}" + (f" ปี {year}" if year else "")
    answer = ask(kb, question)
    first = answer.passages[0]
    assert first.kind == "playbook" and first.indicators == (indicator,) and not first.items
    assert "มาตรการ:" in answer.text and "ขั้นตอน:" in answer.text and "[1] (" in answer.text
    # The short answer names the practice the block is drawn from, and cites it.
    lead = next(line for line in answer.text.splitlines() if line.endswith("[1]"))
    assert lead.startswith(f"แนวทางมาตรการ ตัวชี้วัดที่ {indicator}: ")
    # Practice of another indicator is not offered for this one.
    assert all(indicator in p.indicators for p in answer.passages if p.kind == "playbook")
    assert answer_problems(answer.text) == []


def test_the_agency_type_the_question_names_wins_over_the_profile_and_borrows_none_of_its_units(kb):
    town = AgencyProfile(
        name="เทศบาลตำบลนามะเขือ", type="municipality_subdistrict", units=["กองคลัง", "สำนักปลัดเทศบาล"]
    )
    text = ask(kb, "ขอตัวอย่างมาตรการตัวชี้วัดที่ 9 สำหรับโรงเรียนค่ะ", town).text
    block = text.split("ที่มา:")[0]
    assert "กลุ่มบริหาร" in block and "กอง" not in block and "เทศบาล" not in block
    own = ask(kb, "ขอตัวอย่างมาตรการตัวชี้วัดที่ 9", town).text.split("ที่มา:")[0]
    assert "สำนักปลัดเทศบาล" in own and "กลุ่มบริหาร" not in own


def test_the_block_cites_the_number_of_the_passage_it_was_drawn_from(kb):
    question = "ขอตัวอย่างมาตรการตัวชี้วัดที่ 7"
    asked = year_asked(question, kb.framework)
    found = find_passages(question, kb.retriever, kb.framework, asked, 4)
    other = next(p for p in kb.retriever.search("เกณฑ์ระดับผลการประเมิน", k=5) if p.kind != "playbook")
    block = paste_block(question, [other, *found], kb.playbook, kb.framework, asked.year)
    assert "[2]" in block[0] and "[1]" not in block[0]


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("weights", "คะแนนรวม ITA คำนวนยังไง"),  # ณ typed as น
        ("weights", "OIT คิดเปอรเซนตเท่าไหร่"),  # marks left out
        ("question", "ปี 64 ได้ 88.5 ได้ระดับไรคะ"),  # spoken ไร for อะไร
        ("owner", "ใครรับผิดชอบเรื่องนี้"),
        ("publish", "O20 ปี2569 ต้องเอาอะไรขึ้นเว็บ"),  # what goes on the website
        ("publish", "O5 ต้องอัพโหลดอะไรบ้าง"),
    ],
)
def test_cue_words_count_as_officers_type_them(kind, text):
    assert asks(kind, text)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("wording", "โรงเรียน ใครดูแลเว็บไซต์"),  # เรียน is not เขียน: letters of different sounds
        ("question", "ไร่นาสวนผสม"),  # ไร inside another word is not the spoken อะไร
    ],
)
def test_words_that_only_look_alike_are_not_cue_words(kind, text):
    assert not asks(kind, text)


def test_sound_key_joins_letters_of_one_sound_and_drops_tone_marks():
    assert sound_key("คำนวณ") == sound_key("คำนวน") and sound_key("เปอร์เซ็นต์") == sound_key("เปอรเซนต")
    assert sound_key("เขียน") != sound_key("เรียน")


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("ขอตัวอย่างมาตรการสำหรับโรงเรียนค่ะ", "school"),
        ("มาตรการของ อบต. ควรมีอะไร", "sao"),
        ("ในเทศบาลเมืองควรทำอะไร", "municipality_town"),
        ("ขอตัวอย่างมาตรการตัวชี้วัดที่ 7", None),
    ],
)
def test_the_agency_type_a_question_names(kb, question, key):
    found = named_type(question, kb.playbook.agency_types)
    assert (found.key if found else None) == key


class Fixed:
    """A stand-in retriever (the Searcher protocol) that finds the same passages for any question."""

    def __init__(self, *passages: Passage) -> None:
        self.passages = list(passages)

    def search(self, query: str, k: int = 5, **filters) -> list[Passage]:
        return self.passages[:k]


def _analysis(n: int, text: str) -> Passage:
    return Passage("report.txt", text, 1.0, (), (), "analysis", 2568, f"c{n}", agency="เทศบาลตำบลตัวอย่าง")


def test_how_much_is_answered_by_a_line_with_the_number_about_what_was_asked(kb):
    found = Fixed(
        _analysis(1, "๓. การวิเคราะห์ผลการประเมิน ITA ปี พ.ศ. ๒๕๖๘ ของเทศบาลตำบลตัวอย่าง"),
        _analysis(2, "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ได้คะแนน 98.89 คะแนน"),
        _analysis(3, "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร ได้คะแนน 91.50 คะแนน"),
    )
    text = answer_question("ปี 2568 ตัวชี้วัดที่ 7 ได้กี่คะแนน", found, kb.framework).text
    lead = next(line for line in text.splitlines() if line.endswith("]"))
    assert "91.50" in lead and lead.endswith("[3]")
    # Not a quantity question: the best passage's best line leads, as before.
    other = answer_question("ปี 2568 ตัวชี้วัดที่ 7 วิเคราะห์ว่าอย่างไร", found, kb.framework).text
    assert next(line for line in other.splitlines() if line.endswith("]")).endswith("[1]")


@pytest.mark.parametrize(
    ("question", "tool"),
    [
        ("ทำยังไงให้คะแนน OIT ดีขึ้น", "OIT"),
        ("อยากให้คะแนน EIT สูงขึ้น ควรทำมาตรการอะไร", "EIT"),
        ("how to improve our IIT score", "IIT"),
    ],
)
def test_measures_for_a_whole_tool_are_the_measures_of_each_of_its_indicators(kb, question, tool):
    answer = ask(kb, question)
    lines = answer.text.splitlines()
    named = next(t for t in kb.framework.tools if t.code == tool)
    assert lines[0].startswith(f"{tool} คือ") and all(f"ตัวชี้วัดที่ {n} " in lines[0] for n in named.indicators)
    # One lead line per indicator-wide entry, each cited, before the paste-ready block.
    leads = [x for x in lines if x.startswith("แนวทางมาตรการ ตัวชี้วัดที่ ")]
    assert len(leads) >= 2 and all(x.endswith("]") for x in leads)
    wide = [p for p in answer.passages if p.kind == "playbook" and not p.items]
    assert {n for p in wide for n in p.indicators} <= set(named.indicators) and len(wide) >= 2
    assert "มาตรการ:" in answer.text and answer_problems(answer.text) == []


def test_a_request_for_measures_with_a_year_says_no_year_line(kb):
    # Practice holds for any year: "data of year N first" would mislead above a measure.
    assert "แสดงก่อน" not in ask(kb, "มาตรการตัวชี้วัดที่ 7 ปี 2569 ทำอะไรดี").text
    # A question about a year's facts still says which year the passages are about.
    assert ask(kb, "รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน ปี 64 คือข้อไหน").text.startswith(
        "ข้อมูลของปี 2564 แสดงก่อน"
    )


def test_what_ita_is_is_answered_from_the_framework_passage(kb):
    answer = ask(kb, "ITA คืออะไรคะ ใครเป็นคนประเมิน")
    assert answer.passages[0].pid == "about-ita"
    lead = answer.text.splitlines()[0]
    assert "Integrity and Transparency Assessment" in lead and "สำนักงาน ป.ป.ช." in lead
    assert answer_problems(answer.text) == []
