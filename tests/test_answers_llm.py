"""The optional LLM answer: grounded in the cited passages, checked, and dropped on any failure.

Through the real client stack to tests/fakes/openai_server.FakeOpenAI on 127.0.0.1.
"""

from __future__ import annotations

import json

import pytest

from bot.app import build_knowledge, ensure_index
from bot.llm import build_chat_model
from bot.search.answers import answer_question
from bot.search.llm_answer import GroundedWriter
from tests.answer_checks import answer_problems
from tests.conftest import PROMPTS_DIR
from tests.fakes.openai_server import FakeOpenAI
from tests.kb_helpers import make_settings

QUESTION = "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร ควรเพิ่มช่องทางอะไร"


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    kb = build_knowledge(make_settings(tmp_path_factory.mktemp("kb")), in_memory=True)
    ensure_index(kb)
    return kb


@pytest.fixture
def fake():
    with FakeOpenAI() as server:
        yield server


def writer(fake: FakeOpenAI) -> GroundedWriter:
    return GroundedWriter(build_chat_model(fake.base_url, "fake-model", "sk-test", 5.0), PROMPTS_DIR)


def ask(kb, fake):
    return answer_question(QUESTION, kb.retriever, kb.framework, playbook=kb.playbook, writer=writer(fake))


def offline(kb) -> str:
    return answer_question(QUESTION, kb.retriever, kb.framework, playbook=kb.playbook).text


def test_a_checked_answer_leads_and_the_passages_are_sent_numbered_as_data(kb, fake):
    offline_text = offline(kb)
    # The passage the offline answer cites first: quote a piece of it word for word.
    first = answer_question(QUESTION, kb.retriever, kb.framework).passages[0]
    piece = " ".join(first.text.split())[:30]
    fake.enqueue_json({"answer": "ควรเพิ่มช่องทางการสื่อสารตามแนวทางที่พบ [1]", "quotes": [{"n": 1, "text": piece}]})
    answer = ask(kb, fake)
    assert answer.text.splitlines()[0] == "ควรเพิ่มช่องทางการสื่อสารตามแนวทางที่พบ [1]"
    assert answer.text.split("\n", 1)[1] in offline_text  # the citations are the offline ones
    sent = json.dumps(fake.chat_requests()[0], ensure_ascii=False)
    assert "[1] " in sent and QUESTION in sent
    assert answer_problems(answer.text) == []


@pytest.mark.parametrize(
    "reply",
    [
        {"answer": "ตอบโดยไม่อ้างอิงเลย", "quotes": []},
        {"answer": "ตามข้อ [9] ที่ไม่มีอยู่จริง", "quotes": []},
        {"answer": "ควรทำตาม [1]", "quotes": [{"n": 1, "text": "ข้อความที่ไม่มีอยู่ในข้อความอ้างอิงแน่นอน"}]},
        {"answer": "ดูไฟล์ knowledge/playbook/eit.yaml [1]", "quotes": []},
        "not json at all",
    ],
)
def test_an_answer_that_fails_a_check_falls_back_to_the_offline_answer(kb, fake, reply):
    if isinstance(reply, str):
        fake.enqueue_text(reply)
    else:
        fake.enqueue_json(reply)
    assert ask(kb, fake).text == offline(kb)


def test_a_server_error_falls_back_to_the_offline_answer(kb, fake):
    fake.enqueue_status(500)
    assert ask(kb, fake).text == offline(kb)
