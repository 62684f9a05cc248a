"""Fuzzing with a fixed seed: 5,000 generated messages through understand() in every state, and through the
whole Dialogue (real framework, scores, SQLite), with no crash and always a reply.
benchmarks/fuzz_understand.py runs the same generator on 100,000 messages and reports CPU times."""

from __future__ import annotations

import pytest

from benchmarks.fuzz_understand import STATES, messages
from bot import wording as w
from bot.dialogue.conversation import State
from bot.dialogue.messages import Inbound
from bot.dialogue.understand import Kind, understand
from bot.ita.framework import load_framework
from tests.conftest import KNOWLEDGE_DIR
from tests.test_dialogue_states import SEED_001, make, say, to_scores  # noqa: F401

FW = load_framework(KNOWLEDGE_DIR)
SEED = 11


def test_five_thousand_generated_messages_are_read_in_every_state_without_a_crash():
    kinds = set()
    for i, text in enumerate(messages(5000, SEED)):
        state = STATES[i % len(STATES)]
        parsed = understand(text, FW, drafted=state == "drafted", state=state)
        assert isinstance(parsed.kind, Kind) and parsed.text == text
        assert 0 < parsed.confidence <= 1
        kinds.add(parsed.kind)
    assert {Kind.SCORES, Kind.QUESTION, Kind.COMMAND, Kind.ANSWER} <= kinds  # the generator reaches them


def test_generated_messages_through_the_whole_dialogue_always_get_a_reply(make):  # noqa: F811
    d = make()
    users = ("fresh", "scores", "confirm", "drafted")
    to_scores(d, "scores")
    to_scores(d, "confirm")
    say(d, SEED_001, "confirm")
    to_scores(d, "drafted")
    say(d, SEED_001, "drafted")
    say(d, "ยืนยัน", "drafted")
    assert State(d.sessions.load("line:drafted").state) is State.DRAFTED
    for i, text in enumerate(messages(600, SEED + 1)):
        user = users[i % len(users)]
        reply = d.handle(Inbound("line", user, text=text, kind="text"))
        assert reply.texts or reply.documents, (user, text)
        assert w.FAILED not in reply.texts, (user, text)
        pressed = d.handle(Inbound("line", user, text=text, choice=text, kind="choice"))
        assert pressed.texts or pressed.documents


@pytest.mark.parametrize("text", ["²", "ตัวชี้วัด ² ได้ ³", "1" * 5000, "๙" * 3000 + "\n" * 50])
def test_inputs_that_broke_the_parser_before_are_answered_in_every_state(make, text):  # noqa: F811
    d = make()
    for state in STATES:
        understand(text, FW, drafted=state == "drafted", state=state)
    to_scores(d)
    d.handle(Inbound("line", "u1", text="สวัสดี"))
    assert w.FAILED not in say(d, text).texts
