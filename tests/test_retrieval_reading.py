"""How the retriever reads a question: agency names, the kind of passage asked for, lead-in lines."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.ita.playbook import load_playbook
from bot.search.embeddings import HashingEmbeddings
from bot.search.index import KnowledgeIndex
from bot.search.ingest import ingest
from bot.search.retrieve import Retriever, Tuning
from tests.conftest import KNOWLEDGE_DIR

OFF = Tuning(agency_words=False, repairs=False, intent=0.0, short=0.0, lead_in=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory, seeds_dir):
    fw = load_framework(KNOWLEDGE_DIR)
    index = KnowledgeIndex(
        tmp_path_factory.mktemp("chroma"), "ita_reading", HashingEmbeddings(), "hashing-1024-v1"
    )
    ingest(index, fw, load_playbook(KNOWLEDGE_DIR), [seeds_dir], progress=False)
    return index, fw


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
