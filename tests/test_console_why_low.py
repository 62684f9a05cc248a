"""End to end through the console: "why is indicator 9 low" is answered from the officer's own scores.

The real App behind bot.channels.console.run. With scores, the answer is this agency's indicator (its
score against the thresholds, its tier, what it measures, its weak items, the draft's analysis); with
no score for the indicator asked about, the knowledge base answers as before, with its sources.
"""

from __future__ import annotations

import io

import pytest

from bot.app import App, build
from bot.channels import console
from bot.dialogue.messages import Inbound
from bot.settings import Settings

PROFILE = ("สวัสดีค่ะ", "เทศบาลตำบลนามะเขือ", "1", "ใช้ตามนี้ค่ะ", "2568")
FOUR = "ปีนี้ตัวชี้วัด 7 ได้ 61.5 ตัวชี้วัด 8 ได้ 70 ตัวชี้วัด 9 ได้ 72.25 ตัวชี้วัด 10 ได้ 80 ค่ะ"


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> App:
    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("console-why"))
    return build(settings, in_memory_index=True)


def run(app: App, user: str, *lines: str) -> str:
    out = io.StringIO()
    assert console.run(app, user_id=user, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out) == 0
    return out.getvalue()


def last_answer(out: str) -> str:
    return out.rsplit("คุณ> ", 1)[1]


def test_why_low_after_scores_answers_with_the_officers_own_indicator(app: App):
    out = last_answer(run(app, "why1", *PROFILE, FOUR, "ทำไมตัวชี้วัด 9 ต่ำจังคะ"))
    assert "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล" in out and "ได้ 72.25 คะแนน" in out
    assert "ต่ำกว่าเกณฑ์ 85 คะแนน" in out and "แก้ไขเร่งด่วน" in out
    assert "เว็บไซต์" in out  # what the indicator measures
    assert "ผลวิเคราะห์:" in out
    assert "ที่มา:" not in out  # not a search answer with passages
    assert "ตัวชี้วัดที่ 7" not in out  # only the indicator asked about
    assert "ขั้นตอนปัจจุบัน" in out  # the step is kept
    session = app.sessions.load(Inbound("console", "why1").session_key)
    assert session.scores is not None and session.scores.indicators[9] == 72.25


def test_why_low_in_the_score_message_names_the_weak_items_given(app: App):
    out = last_answer(run(app, "why2", *PROFILE, "ตัวชี้วัดที่ 9 ได้ 60 ค่ะ O12 ได้ 0 O13 ได้ 50 ทำไมถึงต่ำขนาดนี้คะ"))
    assert "ได้ 60 คะแนน" in out and "ต่ำกว่าเกณฑ์ 85" in out
    assert "O12" in out and "O13" in out
    assert "ที่มา:" not in out
    session = app.sessions.load(Inbound("console", "why2").session_key)
    assert session.scores is not None and session.scores.items == {"O12": 0.0, "O13": 50.0}


def test_a_middling_score_is_said_to_be_past_the_threshold_not_below_it(app: App):
    out = last_answer(run(app, "why3", *PROFILE, "ตัวชี้วัด 8 ได้ 90 ค่ะ", "ตชว.8 ได้แค่ 90 เพราะอะไรคะ"))
    assert "ตัวชี้วัดที่ 8" in out and "ผ่านเกณฑ์ 85 คะแนนแล้ว" in out and "พัฒนาให้ดีขึ้น" in out


def test_after_drafting_the_answer_says_the_plans_own_analysis(app: App):
    out = run(app, "why4", *PROFILE, FOUR, "ร่างจากที่มี", "ยืนยันค่ะ")
    session = app.sessions.load(Inbound("console", "why4").session_key)
    assert session.draft is not None
    row = next(r for r in session.draft.rows if r.indicator == 7)
    out = last_answer(run(app, "why4", "ทำไมตัวชี้วัด 7 คะแนนน้อยจัง"))
    assert "ได้ 61.50 คะแนน" in out and row.analysis in out


def test_without_a_score_for_it_the_question_is_searched_as_before(app: App):
    out = last_answer(run(app, "why5", *PROFILE, "ทำไมตัวชี้วัด 9 ต่ำจังคะ"))
    assert "ที่มา:" in out and "ได้ 72.25" not in out
