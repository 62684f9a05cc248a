"""Year-aware retrieval: the year a question names, in any way officers write it, steers the passages."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.ita.passages import framework_passages
from bot.search.embeddings import HashingEmbeddings
from bot.search.index import KnowledgeIndex
from bot.search.ingest import ingest
from bot.search.retrieve import Retriever, clean_query, question_years
from tests.conftest import KNOWLEDGE_DIR


@pytest.fixture(scope="module")
def fw():
    return load_framework(KNOWLEDGE_DIR)


@pytest.fixture(scope="module")
def retriever(tmp_path_factory, seeds_dir, fw):
    index = KnowledgeIndex(
        tmp_path_factory.mktemp("chroma"), "ita_years", HashingEmbeddings(), "hashing-1024-v1"
    )
    ingest(index, fw, None, [seeds_dir], progress=False)
    return Retriever(index, fw, use_vector=False)


@pytest.mark.parametrize(
    "question, years",
    [
        ("ข้อ O12 ปี 2568 ต้องเผยแพร่อะไร", (2568,)),
        ("O๑๒ ปี ๒๕๖๘", (2568,)),  # Thai digits
        ("ITA68 ข้อ O12", (2568,)),
        ("ปีงบ 69 ต้องทำอะไร", (2569,)),
        ("พ.ศ.2566 ข้อ O31", (2566,)),
        ("ปี 2025 No Gift Policy", (2568,)),  # C.E.
        ("FY2024 OIT", (2567,)),
        ("ข้อ O10 ปี 66 กับปี 68 ต่างกันยังไง", (2566, 2568)),
        ("ปีนี้ข้อ O23 คืออะไร", (2569,)),  # the latest year the framework knows
        ("ปีที่แล้ว O21", (2568,)),
    ],
)
def test_the_year_is_read_however_it_is_written(fw, question, years):
    assert question_years(question, fw) == years


@pytest.mark.parametrize(
    "question",
    [
        "คะแนน 94.12 อยู่ระดับไหน",  # a score, not a year
        "งบ 2,567 บาท",
        "ตัวชี้วัดที่ 9 ได้ 25.67 คะแนน",
        "ข้อ O25 คืออะไร",  # a code number is not a 2-digit year
        "มาตรการ 68 ข้อ",  # a bare number with no year word
    ],
)
def test_numbers_that_are_not_years_are_left_alone(fw, question):
    assert question_years(question, fw) == ()


def test_item_codes_typed_in_lower_case_are_read_as_codes():
    assert clean_query("ข้อ o12 กับ e9 และ i14") == "ข้อ O12 กับ E9 และ I14"
    assert clean_query("ปี ๒๕๖๘") == "ปี 2568"


@pytest.mark.parametrize("year", [2564, 2566, 2568, 2569])
def test_an_o_code_question_gets_that_years_item_first(retriever, year):
    found = retriever.search(f"ข้อ O12 ปี {year} คืออะไร", k=5)
    assert found[0].pid == f"oit-{year}-O12", [p.pid for p in found]
    assert all(p.year_asked == year for p in found)


def test_without_a_year_no_year_is_reported(retriever):
    found = retriever.search("ข้อ O12 คืออะไร", k=5)
    assert found and all(p.year_asked is None for p in found)


def test_passages_of_other_years_rank_below_the_year_asked(retriever):
    found = retriever.search("รายงานผลการจัดซื้อจัดจ้างประจำปี ปี 2568", k=5)
    dated = [p.year for p in found if p.year]
    assert dated and dated[0] == 2568, [(p.pid, p.year) for p in found]


def test_every_passage_has_a_stable_id(retriever, fw):
    pids = {r.meta["pid"] for r in retriever.records}
    assert len(pids) == len(retriever.records)
    assert {p["id"] for p in framework_passages(fw)} <= pids
    assert any(pid.startswith("001_") and "#" in pid for pid in pids)


def test_an_item_code_finds_its_passages_even_when_the_words_do_not(retriever):
    found = retriever.search("E9", k=5)
    assert any(p.pid == "item-E9" for p in found), [p.pid for p in found]
