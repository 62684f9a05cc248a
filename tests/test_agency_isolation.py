"""One agency's uploads never reach another: 1,000 interleaved messages through Dialogue.handle.

Four officers of four agencies share one bot (real Chroma index, real drafter, SQLite sessions).
Two of them send their own plan in chat; every document carries words no other text has (the
markers). The messages are interleaved round-robin: profile, scores, confirmation, then
questions that name the other agency's markers word for word, and redrafts. Every reply and
every row of every draft is checked for the markers of the agencies it does not belong to
(issue 16 Done-when: 0 passages). The uploaders' own answers and drafts must find their own
document, so the test cannot pass by finding nothing.
"""

from __future__ import annotations

import itertools

import pytest

from bot.agency.years import PLAN, SCORES, YearStore
from bot.app import build_drafter, build_knowledge, ensure_index
from bot.dialogue.conversation import Dialogue
from bot.dialogue.messages import Inbound, Reply
from bot.dialogue.sessions import SessionStore
from bot.export import Exporters
from bot.ita.framework import load_framework
from bot.search.ingest import PrivateLibrary
from tests.conftest import KNOWLEDGE_DIR
from tests.kb_helpers import make_settings
from tests.test_agency import SCORES_2569

MESSAGES = 1000
# Each uploader's plan: a measure table whose every row names the agency's own project.
MARKERS = {
    "Ua": ("ธนาคารขยะรีไซเคิลสามสี", "เทศบาลตำบลหนองบัวแดง"),
    "Ub": ("ตลาดนัดคุณธรรมเก้ายอด", "องค์การบริหารส่วนตำบลดอยสะเก็ด"),
}
NAMES = {
    "Ua": "เทศบาลตำบลหนองบัวแดง",
    "Ub": "องค์การบริหารส่วนตำบลดอยสะเก็ด",
    "Uc": "เทศบาลตำบลนามะเขือ",
    "Ud": "องค์การบริหารส่วนตำบลทุ่งทอง",
}
INDICATORS = [i.name for i in load_framework(KNOWLEDGE_DIR).indicators]  # in the framework's order


def plan_text(project: str, place: str) -> str:
    """A plan of FY 2569 whose analysis and every measure name the agency's own project."""
    lines = [
        f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2569 {place}",
        "",
        f"ผลการวิเคราะห์: หน่วยงาน{place}ดำเนินโครงการ{project}เพื่อเปิดเผยข้อมูลและรับฟังความคิดเห็น"
        f"ของประชาชนอย่างต่อเนื่อง โดยรายงานผลโครงการ{project}ทุกไตรมาสบนเว็บไซต์ของหน่วยงาน{place}",
        "",
        "ตัวชี้วัด\tมาตรการ/โครงการ/กิจกรรม\tขั้นตอนการดำเนินการ\tผู้รับผิดชอบ",
    ]
    for number, name in enumerate(INDICATORS, start=1):
        lines.append(
            f"ตัวชี้วัดที่ {number} {name}\tมาตรการขยายโครงการ{project}ด้าน{name}\t"
            f"1. ประชุมคณะทำงานโครงการ{project} 2. รายงานผล{place}ต่อผู้บริหาร\tสำนักปลัด{place}"
        )
    return "\n".join(lines)


QUESTIONS = [
    "มาตรการโครงการ{project} ตัวชี้วัดที่ {n} ควรทำอย่างไร",
    "ขอตัวอย่างมาตรการ {project} สำหรับการเปิดเผยข้อมูล",
    "แผนของ{place}ปีที่แล้วมีมาตรการอะไรบ้าง",
    "ตัวชี้วัดที่ {n} ทำมาตรการอะไรดีคะ {place}",
]


@pytest.fixture(scope="module")
def dialogue(tmp_path_factory):
    folder = tmp_path_factory.mktemp("isolation")
    settings = make_settings(folder)
    kb = build_knowledge(settings, in_memory=True)
    ensure_index(kb)
    sessions = SessionStore(f"sqlite:///{folder / 'sessions.db'}")
    yield Dialogue(
        kb.framework,
        kb.playbook,
        kb.retriever,
        build_drafter(settings, kb),
        sessions,
        exports=Exporters(kb.framework),
        library=PrivateLibrary(kb.index, kb.framework, kb.refresh),
        years=YearStore(sessions.engine),  # every turn reads and writes each agency's year record
    )
    sessions.close()


def _setup(user: str) -> list[Inbound]:
    """The messages that bring an officer to a draft (and the uploaders' plan, sent at the scores step)."""
    typed = ["สวัสดีค่ะ", NAMES[user], "1", "ใช้ตามนี้", "2569"]
    steps = [Inbound("line", user, text=t) for t in typed]
    if user in MARKERS:
        project, place = MARKERS[user]
        steps.append(Inbound("line", user, text=plan_text(project, place), kind="file"))
    steps += [Inbound("line", user, text=SCORES_2569), Inbound("line", user, text="ยืนยัน")]
    return steps


def _later(user: str, i: int) -> Inbound:
    """The i-th message after the setup: a question naming another agency's (or its own) markers, or a redraft."""
    if i % 25 == 24:
        return Inbound("line", user, text="/draft")
    owners = list(MARKERS)
    project, place = MARKERS[owners[(i // 2) % len(owners)]]  # every officer asks about both markers
    question = QUESTIONS[i % len(QUESTIONS)].format(project=project, place=place, n=1 + i % 10)
    return Inbound("line", user, text=question)


def _texts(reply: Reply) -> str:
    parts = [*reply.texts, *(c.title for c in reply.cards)]
    parts += [value for card in reply.cards for _, value in card.fields]
    return "\n".join(parts)


def _draft_texts(draft) -> str:
    if draft is None:
        return ""
    parts = []
    for row in draft.rows:
        parts += [row.analysis, row.measure, *row.steps, *row.owners, row.kpi]
        parts += [f"{s.source} {s.text}" for s in row.sources]
    return "\n".join(parts)


def test_no_passage_of_one_agencys_upload_reaches_another_over_1000_interleaved_messages(dialogue):
    users = list(NAMES)
    queues = {u: iter(_setup(u)) for u in users}
    counters = dict.fromkeys(users, 0)
    leaks: list[str] = []
    own_found = dict.fromkeys(MARKERS, 0)
    own_in_drafts = dict.fromkeys(MARKERS, 0)
    sent = 0
    for user in itertools.cycle(users):
        if sent >= MESSAGES:
            break
        inbound = next(queues[user], None)
        if inbound is None:
            inbound = _later(user, counters[user])
            counters[user] += 1
        reply = dialogue.handle(inbound)
        sent += 1
        said = _texts(reply)
        draft_text = ""
        if inbound.text == "/draft" or inbound.text == "ยืนยัน":
            draft_text = _draft_texts(dialogue.sessions.load(inbound.session_key).draft)
        if inbound.kind == "file":
            continue  # the officer's own file: the reply is about it
        for owner, (project, place) in MARKERS.items():
            # A question names the project itself, and the officer's own words quoted back are no
            # leak: answers are checked for words only the plan has; a draft for the project and
            # the agency's name too (a quote of another agency's text has its name taken out).
            only_plan = [f"ประชุมคณะทำงานโครงการ{project}", f"มาตรการขยายโครงการ{project}"]
            in_answer = [m for m in only_plan if m in said]
            in_draft = [m for m in [*only_plan, project, place] if m in draft_text]
            if owner == user:
                own_found[owner] += bool(in_answer)
                own_in_drafts[owner] += project in draft_text
            elif in_answer or in_draft:
                leaks.append(f"{user} got {owner}'s {(in_answer or in_draft)[0]} for {inbound.text[:40]!r}")
    assert sent == MESSAGES
    assert leaks == []
    # each agency's year record holds its own year only, under its own key
    years = dialogue.years
    assert years is not None and set(years.keys()) == {f"line:{u}" for u in users}
    for user in users:
        record = years.load(f"line:{user}")
        assert list(record[SCORES]) == [2569] and not record[PLAN]
    # the uploaders' own documents were found: in answers and in drafts
    assert all(n > 0 for n in own_found.values()), own_found
    assert all(n > 0 for n in own_in_drafts.values()), own_in_drafts
