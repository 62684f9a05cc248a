"""LINE adapter through the real line-bot-sdk: signed webhooks in, reply/push calls to a fake LINE API out."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import httpx
import pytest

from bot.channels.server import create_app
from bot.dialogue.messages import Card, Choice, Document, Reply
from bot.settings import Settings
from tests.fakes.line_api import (
    FakeLineAPI,
    follow_event,
    postback_event,
    sign,
    sticker_event,
    text_event,
    webhook_body,
)

SECRET = "test-channel-secret"
TOKEN = "test-access-token"


class ScriptedDialogue:
    """Answers with whatever `script(inbound)` returns and records every Inbound."""

    def __init__(self, script=None, delay: float = 0.0) -> None:
        self.script = script or (lambda inbound: Reply([f"ได้รับ: {inbound.text}"]))
        self.delay = delay
        self.seen = []
        self.active: dict[str, int] = {}
        self.max_active: dict[str, int] = {}
        self._lock = threading.Lock()

    def handle(self, inbound):
        with self._lock:
            self.seen.append(inbound)
            key = inbound.session_key
            self.active[key] = self.active.get(key, 0) + 1
            self.max_active[key] = max(self.max_active.get(key, 0), self.active[key])
        try:
            if self.delay:
                time.sleep(self.delay)
            return self.script(inbound)
        finally:
            with self._lock:
                self.active[inbound.session_key] -= 1


@pytest.fixture
def fake():
    with FakeLineAPI() as api:
        yield api


def settings_for(tmp_path, fake, **overrides) -> Settings:
    values = dict(
        data_dir=tmp_path,
        line_channel_secret=SECRET,
        line_channel_access_token=TOKEN,
        line_api_host=fake.host,
        public_base_url="https://bot.example.go.th",
        link_secret="a-long-enough-link-secret-for-tests",
    )
    values.update(overrides)
    return Settings(_env_file=None, **values)


class Harness:
    """The ASGI app in-process, posting signed webhooks and waiting for the background work."""

    def __init__(self, app, client, dialogue) -> None:
        self.app, self.client, self.dialogue = app, client, dialogue

    async def post(
        self, *events, secret: str = SECRET, signature: str | None = None, body: bytes | None = None
    ):
        body = body if body is not None else webhook_body(*events)
        headers = {"Content-Type": "application/json"}
        if signature is not False:
            headers["X-Line-Signature"] = signature or sign(secret, body)
        response = await self.client.post("/line/webhook", content=body, headers=headers)
        await self.app.state.line.drain(timeout=20)
        return response


@pytest.fixture
async def harness(tmp_path, fake):
    made: list = []

    async def make(dialogue=None, line_options=None, **overrides):
        dialogue = dialogue or ScriptedDialogue()
        settings = settings_for(tmp_path, fake, **overrides)
        app = create_app(settings, SimpleNamespace(dialogue=dialogue), line_options=line_options)
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="https://bot.example.go.th"
        )
        made.append((app, client))
        return Harness(app, client, dialogue)

    yield make
    for app, client in made:
        await client.aclose()
        app.state.line.close()


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# ---------------------------------------------------------------- signatures
async def test_missing_signature_is_400_and_nothing_runs(harness, fake):
    h = await harness()
    response = await h.post(text_event("สวัสดี"), signature=False)
    assert response.status_code == 400
    assert h.dialogue.seen == [] and fake.calls == []


async def test_forged_signature_is_400_and_nothing_runs(harness, fake, caplog):
    h = await harness()
    body = webhook_body(text_event("คะแนน 83.5 ลับมาก"))
    forged = await h.post(body=body, secret="someone-elses-secret")
    tampered = await h.post(body=body.replace(b"83.5", b"99.9"), signature=sign(SECRET, body))
    assert (forged.status_code, tampered.status_code) == (400, 400)
    assert h.dialogue.seen == [] and fake.calls == []
    assert "ลับมาก" not in caplog.text and "83.5" not in caplog.text  # bodies are never logged


async def test_thai_body_signed_over_exact_bytes_is_accepted(harness, fake):
    h = await harness()
    response = await h.post(text_event("หน่วยงาน: สำนักงานเขตพื้นที่ 😀"))
    assert response.status_code == 200
    assert h.dialogue.seen[0].text == "หน่วยงาน: สำนักงานเขตพื้นที่ 😀"


# ---------------------------------------------------------------- replies
async def test_text_goes_to_dialogue_and_reply_uses_token(harness, fake):
    h = await harness()
    ev = text_event("สวัสดีครับ", user="Uofficer")
    await h.post(ev)
    inbound = h.dialogue.seen[0]
    assert (inbound.kind, inbound.channel, inbound.session_key) == ("text", "line", "line:Uofficer")
    [call] = fake.of("reply")
    assert call.body["replyToken"] == ev["replyToken"]
    assert call.authorization == f"Bearer {TOKEN}"
    assert call.body["messages"] == [{"type": "text", "text": "ได้รับ: สวัสดีครับ"}]
    assert fake.of("push") == []


async def test_more_than_five_messages_overflow_to_push_with_buttons_last(harness, fake):
    texts = [f"ส่วนที่ {i}\n" + "ก" * 3000 for i in range(8)]  # too long to merge: 8 bubbles
    dialogue = ScriptedDialogue(lambda _: Reply(texts, choices=[Choice("ยืนยัน", "/confirm")]))
    h = await harness(dialogue)
    await h.post(text_event("ร่าง", user="U7"))
    [reply] = fake.of("reply")
    [push] = fake.of("push")
    assert len(reply.body["messages"]) == 5 and len(push.body["messages"]) == 3
    assert push.body["to"] == "U7" and push.retry_key
    assert [m["text"] for m in fake.messages()] == texts
    assert "quickReply" in fake.messages()[-1]
    assert all("quickReply" not in m for m in fake.messages()[:-1])


async def test_many_short_texts_are_merged_into_one_call(harness, fake):
    texts = [f"ข้อ {i}" for i in range(9)]
    h = await harness(ScriptedDialogue(lambda _: Reply(texts)))
    await h.post(text_event("x"))
    assert len(fake.of("reply")) == 1 and fake.of("push") == []
    assert "\n\n".join(texts) == "\n\n".join(m["text"] for m in fake.messages())


async def test_long_text_split_by_utf16_units_with_emoji_and_thai(harness, fake):
    line = "มาตรการเปิดเผยข้อมูลสาธารณะ 📊✅ ผู้รับผิดชอบ: กองกลาง 👩‍💼\n"
    long = line * 300
    assert utf16(long) > 3 * 5000 and len(long) < utf16(long)  # emoji count two units each
    h = await harness(ScriptedDialogue(lambda _: Reply([long])))
    await h.post(text_event("ยาว"))
    texts = [m["text"] for m in fake.messages()]
    assert len(texts) >= 4
    assert all(utf16(t) <= 5000 for t in texts)
    assert all(t.endswith("👩‍💼") for t in texts)  # cut at line boundaries only
    assert "\n".join(texts) + "\n" == long


async def test_quick_reply_postbacks_within_limits(harness, fake):
    choices = [Choice(f"ตัวเลือกที่ยาวมากเกินยี่สิบตัวอักษร {i}", f"/pick {i}") for i in range(15)]
    h = await harness(ScriptedDialogue(lambda _: Reply(["เลือกหนึ่งข้อ"], choices=choices)))
    await h.post(text_event("เมนู"))
    [message] = fake.messages()
    items = message["quickReply"]["items"]
    assert len(items) == 13
    for item, choice in zip(items, choices, strict=False):
        action = item["action"]
        assert action["type"] == "postback" and action["data"] == choice.payload
        assert len(action["label"]) <= 20 and action["displayText"] == choice.label


async def test_postback_follow_and_sticker_reach_the_dialogue(harness, fake):
    h = await harness()
    await h.post(postback_event("/confirm", user="U1"), follow_event(user="U2"), sticker_event(user="U3"))
    kinds = {i.user_id: (i.kind, i.choice, i.text) for i in h.dialogue.seen}
    assert kinds == {
        "U1": ("choice", "/confirm", "/confirm"),
        "U2": ("follow", "", ""),
        "U3": ("sticker", "", ""),
    }
    assert len(fake.of("reply")) == 3


async def test_flex_carousel_shape(harness, fake):
    cards = [
        Card(
            f"แถว {i} · ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (83.50)",
            "แก้ไขเร่งด่วน",
            (("มาตรการ", "เผยแพร่ข้อมูล " * 80), ("ผู้รับผิดชอบ", "กองกลาง"), ("ระยะเวลา", "ต.ค. 68 - ก.ย. 69")),
        )
        for i in range(14)
    ]
    h = await harness(ScriptedDialogue(lambda _: Reply(["ร่างมาตรการ"], cards=cards)))
    await h.post(text_event("ร่าง"))
    flex = [m for m in fake.messages() if m["type"] == "flex"]
    assert [len(m["contents"]["contents"]) for m in flex] == [12, 2]
    for message in flex:
        assert message["contents"]["type"] == "carousel" and 0 < len(message["altText"]) <= 400
    bubble = flex[0]["contents"]["contents"][3]
    assert bubble["type"] == "bubble"
    assert bubble["header"]["contents"][0]["text"] == cards[3].title
    assert bubble["header"]["contents"][1]["text"] == "แก้ไขเร่งด่วน"
    rows = bubble["body"]["contents"]
    assert [r["contents"][0]["text"] for r in rows] == ["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    assert rows[2]["contents"][1]["text"] == "ต.ค. 68 - ก.ย. 69"


# ---------------------------------------------------------------- documents
async def test_documents_become_links_that_download_for_that_user(harness, fake):
    docx = Document(
        "แผนมาตรการ ITA.docx",
        b"PK\x03\x04 word bytes",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    png = Document("chart.png", b"\x89PNG\r\n\x1a\n fake", "image/png")
    h = await harness(ScriptedDialogue(lambda _: Reply(["ไฟล์พร้อมแล้ว"], documents=[docx, png])))
    await h.post(text_event("/export", user="Uowner"))
    messages = fake.messages()
    link_text = next(m["text"] for m in messages if "ดาวน์โหลด" in m["text"])
    urls = {}
    for line in link_text.splitlines():
        if line.startswith("ดาวน์โหลด "):
            name, url = line[len("ดาวน์โหลด ") :].split(": ", 1)
            urls[name] = url
    assert set(urls) == {"แผนมาตรการ ITA.docx", "chart.png"}
    images = [m for m in messages if m["type"] == "image"]
    assert images == [
        {"type": "image", "originalContentUrl": urls["chart.png"], "previewImageUrl": urls["chart.png"]}
    ]
    response = await h.client.get(urls["แผนมาตรการ ITA.docx"])
    assert response.status_code == 200 and response.content == docx.content
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response.headers["content-disposition"]
    token_url, _, tag = urls["chart.png"].partition("?u=")
    other = await h.client.get(f"{token_url}?u={tag[::-1]}")
    assert other.status_code == 403


# ---------------------------------------------------------------- reply token failures
async def test_reply_failure_falls_back_to_push(harness, fake):
    fake.fail_replies(400, "Invalid reply token")
    h = await harness(ScriptedDialogue(lambda _: Reply(["ร่างเสร็จแล้ว"], choices=[Choice("ดูร่าง", "/show")])))
    await h.post(text_event("ร่าง", user="Ulate"))
    [push] = fake.of("push")
    assert push.body["to"] == "Ulate"
    assert push.body["messages"][0]["text"] == "ร่างเสร็จแล้ว"
    assert push.body["messages"][0]["quickReply"]["items"][0]["action"]["data"] == "/show"


async def test_slow_work_pushes_without_trying_the_stale_token(harness, fake):
    h = await harness(ScriptedDialogue(delay=0.3), line_options={"push_after": 0.1, "loading_after": 0.05})
    await h.post(text_event("ช้า", user="Uslow"))
    assert fake.of("reply") == []
    [push] = fake.of("push")
    assert push.body["to"] == "Uslow"
    [loading] = fake.of("start")
    assert loading.body["chatId"] == "Uslow"


async def test_used_reply_token_twice_is_rejected_by_fake_then_pushed(harness, fake):
    h = await harness()
    ev = text_event("หนึ่ง", user="U1")
    await h.post(ev)
    again = dict(ev, webhookEventId="01HDIFFERENT", message=dict(ev["message"], text="สอง"))
    await h.post(again)
    assert len(fake.of("reply")) == 1 and len(fake.of("push")) == 1


# ---------------------------------------------------------------- groups, allowlist, redelivery
async def test_group_chat_sessions_are_per_user(harness, fake):
    h = await harness()
    await h.post(
        text_event("ผม A", user="UA", group="Cgroup1"),
        text_event("ผม B", user="UB", group="Cgroup1"),
        text_event("ห้อง", user="UA", room="Rroom1"),
    )
    keys = sorted(i.session_key for i in h.dialogue.seen)
    assert keys == ["line:Cgroup1:UA", "line:Cgroup1:UB", "line:Rroom1:UA"]
    assert all(i.chat_id == i.group_id for i in h.dialogue.seen)
    fake.fail_replies()
    await h.post(text_event("อีกครั้ง", user="UB", group="Cgroup1"))
    assert fake.of("push")[-1].body["to"] == "Cgroup1"  # push goes to the group, where the user spoke


async def test_allowlist_refuses_others_once_politely(harness, fake):
    h = await harness(line_allowed_users="Uallowed, Uother")
    await h.post(text_event("ขอข้อมูล", user="Ustranger"))
    await h.post(text_event("ขออีกครั้ง", user="Ustranger"))
    await h.post(text_event("สวัสดี", user="Uallowed"))
    assert [i.user_id for i in h.dialogue.seen] == ["Uallowed"]
    replies = [c.body["messages"][0]["text"] for c in fake.of("reply")]
    assert len(replies) == 2 and "ไม่ได้รับอนุญาต" in replies[0] and replies[1] == "ได้รับ: สวัสดี"


def test_refusal_is_remembered_per_key_for_its_window_only():
    from bot.channels.runtime import RefusalMemory

    now = [0.0]
    memory = RefusalMemory(window=3600.0, size=2, clock=lambda: now[0])
    assert memory.first("C1:U1") and not memory.first("C1:U1")
    assert memory.first("C2:U1")  # another chat is told too
    now[0] = 3600.0
    assert memory.first("C1:U1")  # an hour later, once more
    assert memory.first("C3:U1")  # a third key pushes out the oldest entry (C1:U1) ...
    assert memory.first("C1:U1") and not memory.first("C3:U1")  # ... so it is told again, C3 is not


async def test_redelivered_event_is_answered_once(harness, fake):
    h = await harness()
    ev = text_event("ครั้งเดียว")
    await h.post(ev)
    await h.post(dict(ev, deliveryContext={"isRedelivery": True}))
    assert len(h.dialogue.seen) == 1


async def test_same_user_messages_are_handled_one_at_a_time(harness, fake):
    h = await harness(ScriptedDialogue(delay=0.05))
    await h.post(*[text_event(f"ข้อความ {i}", user="Ubusy") for i in range(4)], text_event("อื่น", user="Ucalm"))
    assert h.dialogue.max_active["line:Ubusy"] == 1
    assert len(h.dialogue.seen) == 5


async def test_dialogue_crash_gets_polite_thai_apology(harness, fake):
    def boom(_):
        raise RuntimeError("bug")

    h = await harness(ScriptedDialogue(boom))
    await h.post(text_event("x"))
    [message] = fake.messages()
    assert message["text"].startswith("ขออภัย")


async def test_healthz_and_unconfigured_line(tmp_path, fake):
    settings = settings_for(tmp_path, fake, line_channel_secret="", line_channel_access_token="")
    app = create_app(settings, SimpleNamespace(dialogue=ScriptedDialogue()))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        health = (await client.get("/healthz")).json()
        webhook = await client.post("/line/webhook", content=b"{}")
    assert health == {"status": "ok", "line": False, "telegram": False}
    assert webhook.status_code == 404


async def test_console_verify_request_without_events_is_200(harness, fake):
    h = await harness()
    response = await h.post()  # LINE's "Verify" button posts a signed body with no events
    assert response.status_code == 200 and fake.calls == [] and h.dialogue.seen == []
