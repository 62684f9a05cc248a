import re

import pytest

from bot.ita.framework import load_framework
from bot.search.chunking import chunk_document, describe_document, mentions
from bot.thai import normalize
from tests.conftest import KNOWLEDGE_DIR


@pytest.fixture(scope="module")
def fw():
    return load_framework(KNOWLEDGE_DIR)


def _seed(seeds_dir, prefix):
    return next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_document_agency_and_year(seeds_dir):
    assert describe_document(_seed(seeds_dir, "001")).agency == "เทศบาลตำบลนามะเขือ"
    assert describe_document(_seed(seeds_dir, "001")).year == 2568
    assert describe_document(_seed(seeds_dir, "002")).agency == "เทศบาลตำบลนิเวศน์"
    assert describe_document(_seed(seeds_dir, "003")).year == 2564
    assert "ทุ่งทอง" in describe_document(_seed(seeds_dir, "004")).agency


def test_table_rows_stay_whole_and_carry_header(seeds_dir, fw):
    text = _seed(seeds_dir, "002")
    chunks = chunk_document(text, fw)
    measure = [c for c in chunks if c.kind == "measure_table"]
    assert measure, "seed 002's measure table must be recognised"
    for chunk in measure:
        assert "หัวตาราง: ตัวชี้วัด" in chunk.text
    # Every cell of the indicator-9 row ends up in one chunk, not spread over two.
    row = next(line for line in text.splitlines() if line.startswith("9. การเปิดเผยข้อมูล\t"))
    cells = [c.strip() for c in row.split("\t") if c.strip()]
    holders = [c for c in measure if cells[0] in c.text]
    assert len(holders) == 1
    assert all(cell in holders[0].text for cell in cells)
    assert holders[0].indicators == [9]


def test_score_table_is_one_chunk_with_all_rows(seeds_dir, fw):
    chunks = chunk_document(_seed(seeds_dir, "001"), fw)
    tables = [c for c in chunks if c.kind == "score_table"]
    assert len(tables) == 1
    assert (
        "การใช้จ่ายเงิน: 99.75" in tables[0].text.replace("รายละเอียดตัวชี้วัด: ", "").replace(" | คะแนน", "")
        or "99.75" in tables[0].text
    )
    assert tables[0].indicators == list(range(1, 11))


def test_page_broken_row_is_joined_to_the_row_it_continues(seeds_dir, fw):
    # Seed 003 repeats the table header after a page break and then finishes the
    # I7 row ("...ไตรมาส 1 และ 2 ผ่านทางช่องทาง"): both halves belong to one chunk.
    chunks = chunk_document(_seed(seeds_dir, "003"), fw)
    holder = [c for c in chunks if "การรับทราบแผนการใช้งบประมาณประจำปี" in c.text and c.kind == "measure_table"]
    assert len(holder) == 1
    assert "ไตรมาส 1 และ 2 ผ่านทางช่องทาง" in holder[0].text
    assert holder[0].text.count("หัวตาราง:") == 1


def test_prose_chunks_end_at_word_boundaries(seeds_dir, fw):
    text = _seed(seeds_dir, "000")
    flat = normalize(re.sub(r"\s+", " ", text))
    for chunk in chunk_document(text, fw):
        if chunk.kind not in ("analysis", "recommendation"):
            continue
        body = chunk.text.split("\n")
        last = normalize(body[-1]).strip()
        tail = last[-40:]
        ends = [m.end() for m in re.finditer(re.escape(tail), flat)]
        assert ends, f"chunk tail not found in source: {tail!r}"
        assert any(flat[e : e + 1] in ("", " ") for e in ends), f"chunk ends inside a word: …{tail!r}"


def test_mentions_finds_numbers_names_codes_and_wrapped_names(fw):
    inds, items = mentions("ตัวชี้วัดที่ ๗ และ การใช้ ทรัพย์สินของราชการ ข้อ O13", fw)
    assert 7 in inds and 4 in inds
    assert items == ["O13"]


def test_recommendation_section_is_labelled(seeds_dir, fw):
    kinds = {c.kind for c in chunk_document(_seed(seeds_dir, "003"), fw)}
    assert "recommendation" in kinds


def test_the_next_numbered_section_ends_a_subsection_heading_even_when_it_is_long(fw):
    long_title = (
        "๔. ข้อเสนอแนะจากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน" + "ของหน่วยงานภาครัฐ" * 3
    )
    text = "\n\n".join(
        [
            "๓.๒ จุดอ่อนที่ต้องพัฒนา (ตัวชี้วัดที่ได้คะแนนต่ำกว่าร้อยละ ๗๐) มีจำนวน ๑ ตัวชี้วัด ดังนี้",
            "ตัวชี้วัดประสิทธิภาพการสื่อสาร โดยรวมได้คะแนนเท่ากับ ร้อยละ ๖๐.๐๐" + " ต้องเผยแพร่ข้อมูลให้ทั่วถึง" * 4,
            long_title,
            "- เพิ่มช่องทางรับฟังคำติชมหรือความคิดเห็นเกี่ยวกับการดำเนินงานและการให้บริการของหน่วยงาน",
            "๑. การดำเนินการเพื่อป้องกันการทุจริต ได้แก่ เจตจำนงสุจริตของผู้บริหาร" + " การประเมินความเสี่ยง" * 6,
        ]
    )
    assert len(long_title) >= 120  # too long for a short heading
    chunks = chunk_document(text, fw)
    advice = next(c for c in chunks if "เพิ่มช่องทางรับฟังคำติชม" in c.text)
    assert advice.text.startswith("๔. ข้อเสนอแนะ") and "๓.๒" not in advice.text
    assert advice.kind == "recommendation"
    assert not any(c.text.strip() == f"๓.๒ {long_title}" for c in chunks)
    # A numbered list item that does not continue the section numbering stays a paragraph.
    listed = next(c for c in chunks if "เจตจำนงสุจริต" in c.text)
    assert listed.text.startswith("๔. ข้อเสนอแนะ")
