"""Choosing a document layout in chat (issue 12): typed requests, the /layout buttons, and later drafts."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from bot import wording as w
from bot.dialogue.conversation import State
from bot.export.wordbreak import plain
from bot.thai import to_arabic
from tests.test_dialogue import Officer, make_dialogue, parts  # noqa: F401
from tests.test_dialogue_flow import session, to_confirm, to_drafted


@pytest.fixture
def officer(parts, tmp_path):  # noqa: F811
    return Officer(make_dialogue(parts, tmp_path / "s.db"))


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = plain(z.read("word/document.xml").decode("utf-8"))
    # the text of the runs, without break hints or spaces of any width
    return re.sub(r"[\s\u2060\u200b\u202f]", "", re.sub(r"<[^>]+>", "", xml))


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("ขอแบบแยกตามเครื่องมือค่ะ", "by-tool"),
        ("เปลี่ยนเป็นแบบจุดแข็งจุดอ่อนครับ", "strengths-weaknesses"),
        ("ขอรูปแบบวิเคราะห์แล้วตารางค่ะ", "analysis-then-table"),
    ],
)
def test_a_typed_layout_request_changes_the_drafts_layout_and_nothing_else(officer, typed, name):
    to_drafted(officer)
    rows = [r.model_dump(exclude={"number"}) for r in session(officer).draft.rows]
    officer.says(typed)
    draft = session(officer).draft
    assert draft.layout == name and officer.state() is State.DRAFTED
    assert [r.model_dump(exclude={"number"}) for r in draft.rows] == rows
    assert "ใช้แบบ" in officer.text()


def test_the_layout_command_offers_every_layout_as_a_button_and_a_press_picks_it(officer):
    to_drafted(officer)
    officer.says("/layout")
    labels = [c.label for c in officer.last.choices]
    assert len(labels) == 6 and all(len(label) <= 20 for label in labels)
    officer.presses(w.LAYOUT_BY_TOOL_TITLE)
    draft = session(officer).draft
    assert draft.layout == "by-tool"
    # the agency's house style may print Thai digits ("รอบ ๑๒ เดือน"): compare the digits' values
    document = to_arabic(_docx_text(officer.dialogue.exports.render_docx(draft)))
    assert "รอบ12เดือน" in document and "OIT" in document


def test_a_layout_chosen_before_the_draft_is_used_when_it_is_drafted(officer):
    to_confirm(officer)
    officer.says("ขอแบบแยกตามเครื่องมือ")
    assert officer.state() is State.CONFIRM
    officer.says("ยืนยัน")
    assert session(officer).draft.layout == "by-tool"


def test_a_sentence_that_merely_starts_with_the_word_for_form_is_not_a_layout_request(officer):
    to_drafted(officer)
    officer.says("แบบนี้ดีแล้วค่ะ ขอบคุณ")
    assert session(officer).draft.layout == "default"


def test_an_unknown_layout_name_lists_the_layouts(officer):
    to_drafted(officer)
    officer.says("/layout แบบของกรมป่าไม้")
    assert w.LAYOUT_BY_TOOL_TITLE in officer.text() and session(officer).draft.layout == "default"
