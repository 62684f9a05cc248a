"""Direct answers that must not put one year's facts under another year's heading (issue 13)."""

from __future__ import annotations

from bot.ita.framework import load_framework
from bot.search.fact_answers import fact_answer
from bot.search.question_years import year_asked
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def answer(question: str) -> list[str]:
    return fact_answer(question, FW, year_asked(question, FW))


def test_an_item_text_known_only_for_2564_is_said_under_2564_not_under_the_year_asked():
    lines = answer("ข้อ E4 ถามอะไร")
    assert lines[0].startswith("ปี 2564: ข้อ E4")
    assert "2569" not in lines[0]
    assert "ปี 2569 ยังไม่ได้ยืนยัน" in lines[1]  # the asked year's text is said to be unconfirmed
    assert "2564" in lines[-1] and "2569" not in lines[-1]  # its source is the text's year


def test_an_item_asked_in_a_year_its_text_is_known_for_is_said_under_that_year():
    lines = answer("ข้อ E4 ปี 2564 ถามอะไร")
    assert lines[0].startswith("ปี 2564: ข้อ E4") and len(lines) == 2


def test_a_question_on_the_countrys_target_gets_no_grading_or_weights_fact():
    assert answer("เป้าระดับประเทศช่วงปี 66-70 ต้องมีหน่วยงานผ่านเกณฑ์กี่ % ครับ") == []
    assert answer("เป้าหมายระดับประเทศ ITA ต้องผ่านกี่เปอร์เซ็นต์") == []
    assert answer("ปี 2566 ต้องได้กี่คะแนนถึงจะผ่าน")  # one agency's pass mark is still answered
