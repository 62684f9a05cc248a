"""The index's own vocabulary reads agency names and typing slips in questions."""

from __future__ import annotations

import pytest

from bot.search.lexicon import Lexicon
from bot.thai import tokenize


def _lexicon() -> Lexicon:
    passages = [
        (tokenize("เทศบาลตำบลนามะเขือ มาตรการเปิดเผยข้อมูล"), "เทศบาลตำบลนามะเขือ"),
        (tokenize("ผลการประเมินของนามะเขือ ตัวชี้วัดที่ 9"), "เทศบาลตำบลนามะเขือ"),
        (tokenize("นามะเขือ ผลที่คาดว่าจะได้รับ"), "เทศบาลตำบลนามะเขือ"),
        (tokenize("บ้านพักและมาตรการ"), "เทศบาลตำบลนามะเขือ"),
        (tokenize("บ้านเลขที่ มาตรการ"), "เทศบาลตำบลนามะเขือ"),
        (tokenize("บ้านและทุจริต มาตรการ"), "เทศบาลตำบลนามะเขือ"),
        (tokenize("แนวทางมาตรการ ตัวชี้วัดที่ 7 การทุจริต"), ""),
        (tokenize("มาตรการป้องกันการทุจริต ตัวชี้วัดที่ 10"), ""),
    ]
    return Lexicon(passages)


def test_a_word_found_almost_only_in_one_agency_names_it():
    named = _lexicon().agency_words(tokenize("ข้อเสนอแนะของนามะเขือ"))
    assert list(named) == ["เทศบาลตำบลนามะเขือ"]
    assert "มะเขือ" in named["เทศบาลตำบลนามะเขือ"]


@pytest.mark.parametrize("question", ["ยืมของไปใช้ที่บ้าน", "ปี 68 มาตรการ ตัวชี้วัดที่ 9"])
def test_a_lone_short_word_or_a_number_names_no_agency(question):
    assert _lexicon().agency_words(tokenize(question)) == {}


def test_a_slip_is_read_as_the_indexed_word():
    assert "มาตรการ" in _lexicon().repairs("ทำมาตราการอะไรดี")
    assert "ทุจริต" in _lexicon().repairs("ช่องทางร้องเรียนทุจิต")


def test_a_colloquial_dictionary_word_is_not_repaired():
    assert _lexicon().repairs("ขอมาตรการหน่อยครับ") == []


def test_a_word_the_segmenter_cut_across_is_read_as_the_index_has_it():
    # The segmenter reads "จุดอ่อนตัวไหน" as "จุด" + "อ่อนตัว" + "ไหน", and "จุดแข็งตัวไหน" as
    # "จุด" + "แข็งตัว" + "ไหน": the index's "จุดอ่อน" / "จุดแข็ง" would be lost.
    passages = [(tokenize(f"{w} ตัวชี้วัดที่ {n}"), "") for n in range(1, 4) for w in ("จุดอ่อน", "จุดแข็ง")]
    lexicon = Lexicon(passages)
    assert "จุดอ่อน" in lexicon.repairs("ได้จุดอ่อนตัวไหน")
    assert "จุดแข็ง" in lexicon.repairs("ได้จุดแข็งตัวไหน")
    assert lexicon.repairs("จุดอ่อนที่ต้องพัฒนา") == []  # cut as the index cuts it: nothing to add


def test_a_lone_content_word_found_only_in_one_agencys_documents_names_no_agency():
    agency = "สำนักงานส่งเสริมการจัดประชุม"
    passages = [(tokenize(f"ประเด็นที่ต้องแก้ไขเร่งด่วน ข้อ {n}"), agency) for n in range(4)]
    passages += [(tokenize("ข้อที่ต้องแก้ไข มาตรการป้องกันการทุจริต"), "")]
    assert Lexicon(passages).agency_words(tokenize("ข้อที่ต้องแก้ไขเร่งด่วนใช้เกณฑ์อะไร")) == {}
