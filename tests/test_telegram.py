"""Telegram adapter through the real python-telegram-bot stack against FakeBotAPI on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time

import pytest

from bot.channels.telegram import build_application
from bot.channels.telegram_render import split_text, units
from bot.channels.telegram_tokens import MAX_CALLBACK
from bot.dialogue.messages import Card, Choice, Document, Inbound, Reply
from bot.settings import Settings
from bot.wording import FILE_FETCH_FAILED
from bot.wording import TELEGRAM_BUTTON_EXPIRED as EXPIRED
from bot.wording import TELEGRAM_FAILURE as FAILURE
from tests.fakes.telegram_api import TOKEN, BotThread, FakeBotAPI

USER, OTHER = 1001, 1002


class ScriptedDialogue:
    """A stand-in dialogue: answers each Inbound with script(inbound) and records what it was given."""

    def __init__(self, script) -> None:
        self.script = script
        self.inbounds: list[Inbound] = []
        self._lock = threading.Lock()

    def handle(self, inbound: Inbound) -> Reply:
        with self._lock:
            self.inbounds.append(inbound)
        return self.script(inbound)


def echo(inbound: Inbound) -> Reply:
    return Reply(texts=[f"ได้รับ: {inbound.kind}|{inbound.text}"])


@pytest.fixture
def api():
    with FakeBotAPI() as fake:
        yield fake


def settings_for(api: FakeBotAPI, **extra) -> Settings:
    return Settings(telegram_bot_token=TOKEN, telegram_base_url=api.base_url, **extra)


def running(api: FakeBotAPI, dialogue, **extra) -> BotThread:
    return BotThread(build_application(settings_for(api, **extra), dialogue))


# ---------------------------------------------------------------- text rendering
def test_long_reply_is_split_under_4096_at_line_and_space_boundaries(api):
    lines = [
        f"ข้อ {i} หน่วยงานควรเผยแพร่ข้อมูลข่าวสารตามมาตรา ๗ และมาตรา ๙ ผ่านเว็บไซต์ของหน่วยงาน" for i in range(400)
    ]
    long = "\n".join(lines[:150]) + "\n\n" + " ".join(lines[150:])
    dialogue = ScriptedDialogue(lambda _: Reply(texts=[long, "จบ"]))
    with running(api, dialogue):
        api.send_text(USER, "ขอรายละเอียด")
        api.wait_for(lambda: "จบ" in api.texts_to(USER))
    texts = api.texts_to(USER)
    assert len(texts) >= 4
    assert all(units(t) <= 4096 for t in texts)
    # No word was cut: re-joining the chunks gives back exactly the original words.
    assert " ".join(texts[:-1]).split() == long.split()
    assert texts[0].endswith(lines[texts[0].count("\n")])  # the first chunk ends on a whole line


def test_split_without_spaces_never_cuts_before_a_thai_mark():
    text = "ที่นี่มีน้ำใจ" * 800  # no spaces or newlines at all
    chunks = split_text(text, 100)
    assert "".join(chunks) == text
    assert all(units(c) <= 100 for c in chunks)
    assert all(not ("\u0e31" <= c[0] <= "\u0e3a" or "\u0e47" <= c[0] <= "\u0e4e") for c in chunks)


def _row_card(i: int, measure: str = "เผยแพร่ข้อมูล <O1> & ปรับปรุงเว็บไซต์") -> Card:
    return Card(
        f"แถว {i} · ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (83.50)",
        "แก้ไขเร่งด่วน",
        (("มาตรการ", measure), ("ผู้รับผิดชอบ", "สำนักปลัด"), ("ระยะเวลา", "ต.ค. 2568 – มี.ค. 2569")),
    )


def test_cards_share_one_readable_message_in_order_with_markup_escaped(api):
    dialogue = ScriptedDialogue(
        lambda _: Reply(texts=["ร่างมาตรการมีดังนี้"], cards=[_row_card(i) for i in (1, 2, 3)])
    )
    with running(api, dialogue):
        api.send_text(USER, "ดูร่าง")
        api.wait_replies(USER, 2)
        time.sleep(0.3)  # nothing more comes: three short cards are one message
    messages = api.messages_to(USER)
    assert messages[0].params["text"] == "ร่างมาตรการมีดังนี้" and len(messages) == 2
    text = messages[1].params["text"]
    assert messages[1].params["parse_mode"] == "HTML"
    heads = [text.index(f"<b>แถว {i} · ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (83.50)</b>") for i in (1, 2, 3)]
    assert heads == sorted(heads)  # in the draft's order
    assert text.count("<i>แก้ไขเร่งด่วน</i>") == 3
    assert text.count("• <b>มาตรการ:</b> เผยแพร่ข้อมูล &lt;O1&gt; &amp; ปรับปรุงเว็บไซต์") == 3
    assert "• <b>ผู้รับผิดชอบ:</b> สำนักปลัด" in text


def test_cards_that_do_not_fit_one_message_go_on_in_the_next(api):
    long_measure = "ก" * 1500  # three such cards are over Telegram's 4,096 characters
    cards = [_row_card(i, long_measure) for i in (1, 2, 3)]
    dialogue = ScriptedDialogue(lambda _: Reply(cards=cards, choices=[Choice("ยืนยัน", "ยืนยัน")]))
    with running(api, dialogue):
        api.send_text(USER, "ดูร่าง")
        api.wait_replies(USER, 2)
        time.sleep(0.3)
    messages = api.messages_to(USER)
    assert len(messages) == 2 and all(len(m.params["text"]) <= 4096 for m in messages)
    assert "แถว 1" in messages[0].params["text"] and "แถว 2" in messages[0].params["text"]
    assert "แถว 3" in messages[1].params["text"] and "แถว 2" not in messages[1].params["text"]
    assert "reply_markup" in messages[1].params and "reply_markup" not in messages[0].params  # buttons last


# ---------------------------------------------------------------- buttons
LONG_PAYLOAD = "แก้ไขแถว 3 มาตรการ: เผยแพร่รายงานผลการดำเนินงานประจำปีบนเว็บไซต์"


def buttons_of(call) -> list[dict]:
    markup = json.loads(call.params["reply_markup"])
    return [b for row in markup["inline_keyboard"] for b in row]


def test_choices_become_an_inline_keyboard_and_a_press_comes_back_as_a_choice(api):
    def script(inbound: Inbound) -> Reply:
        if inbound.kind == "choice":
            return Reply(texts=[f"เลือกแล้ว: {inbound.choice}"])
        return Reply(
            texts=["ข้อหนึ่ง", "ข้อสอง"], choices=[Choice("ยืนยัน", "ยืนยัน"), Choice("แก้ไขแถว 3", LONG_PAYLOAD)]
        )

    dialogue = ScriptedDialogue(script)
    with running(api, dialogue):
        api.send_text(USER, "เริ่ม")
        first, last = api.wait_replies(USER, 2)
        assert "reply_markup" not in first.params  # buttons only on the last message
        buttons = buttons_of(last)
        assert [b["text"] for b in buttons] == ["ยืนยัน", "แก้ไขแถว 3"]
        assert all(len(b["callback_data"].encode()) <= MAX_CALLBACK for b in buttons)
        assert buttons[0]["callback_data"] == "ยืนยัน"  # short payloads travel as themselves
        assert len(LONG_PAYLOAD.encode()) > MAX_CALLBACK
        message_id = 4242
        api.press(USER, buttons[1]["callback_data"], message_id)
        api.wait_for(lambda: any("เลือกแล้ว" in t for t in api.texts_to(USER)))
    choice = dialogue.inbounds[-1]
    assert (choice.kind, choice.choice, choice.text) == ("choice", LONG_PAYLOAD, LONG_PAYLOAD)
    assert api.texts_to(USER)[-1] == f"เลือกแล้ว: {LONG_PAYLOAD}"
    assert len(api.calls_of("answerCallbackQuery")) == 1
    edited = api.calls_of("editMessageReplyMarkup")
    assert edited and edited[0].params["message_id"] == str(message_id)


def test_unknown_button_token_asks_to_type_instead_and_skips_the_dialogue(api):
    dialogue = ScriptedDialogue(echo)
    with running(api, dialogue):
        api.press(USER, "~0123456789abcdef0123", 77)
        api.wait_replies(USER, 1)
    assert api.texts_to(USER) == [EXPIRED]
    assert dialogue.inbounds == []
    assert len(api.calls_of("answerCallbackQuery")) == 1


# ---------------------------------------------------------------- documents
def test_documents_arrive_with_filename_bytes_and_caption(api):
    docx = b"PK\x03\x04" + bytes(range(256)) * 40
    xlsx = b"PK\x03\x04xlsx-bytes"
    docs = [
        Document(
            "แผนมาตรการ ITA 2569.docx",
            docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "ร่างแผนมาตรการ",
        ),
        Document("plan.xlsx", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ]
    dialogue = ScriptedDialogue(
        lambda _: Reply(texts=["ส่งไฟล์ให้แล้ว"], documents=docs, choices=[Choice("เริ่มใหม่", "/start")])
    )
    with running(api, dialogue):
        api.send_text(USER, "/export")
        api.wait_replies(USER, 3)
    assert api.documents_to(USER) == [
        ("แผนมาตรการ ITA 2569.docx", docx, "ร่างแผนมาตรการ"),
        ("plan.xlsx", xlsx, ""),
    ]
    last = api.replies_to(USER)[-1]
    assert last.method == "sendDocument" and buttons_of(last)[0]["callback_data"] == "/start"
    assert dialogue.inbounds[0].text == "/export"  # commands pass through as text


# ---------------------------------------------------------------- who may talk to the bot
def test_unlisted_user_gets_one_polite_refusal_and_the_dialogue_is_never_called(api):
    dialogue = ScriptedDialogue(echo)
    with running(api, dialogue, telegram_allowed_users=f"{USER}, 999"):
        api.send_text(OTHER, "/start")
        api.wait_replies(OTHER, 1)
        api.send_text(OTHER, "ขอข้อมูลหน่วยงานอื่น")
        api.send_sticker(OTHER)
        api.send_text(USER, "สวัสดี")
        api.wait_replies(USER, 1)
        time.sleep(0.3)
    refusal = api.texts_to(OTHER)
    assert refusal == [
        f"ขออภัย บัญชีของท่านยังไม่ได้รับสิทธิ์ใช้งาน กรุณาติดต่อผู้ดูแลระบบของหน่วยงานเพื่อขอเพิ่มสิทธิ์ (Telegram ID: {OTHER})"
    ]
    assert [i.user_id for i in dialogue.inbounds] == [str(USER)]
    assert api.texts_to(USER) == ["ได้รับ: text|สวัสดี"]


def test_group_chat_sessions_are_per_user_within_the_group_and_commands_lose_the_bot_name(api):
    dialogue = ScriptedDialogue(echo)
    group = -100500
    with running(api, dialogue):
        api.send_text(USER, "/start@ita_test_bot", chat_id=group, chat_type="supergroup")
        api.send_text(OTHER, "/start@some_other_bot", chat_id=group, chat_type="supergroup")
        api.wait_replies(group, 1)
        time.sleep(0.3)
    assert len(dialogue.inbounds) == 1
    inbound = dialogue.inbounds[0]
    assert (inbound.text, inbound.chat_id, inbound.group_id) == ("/start", str(group), str(group))
    assert inbound.session_key == f"telegram:{group}:{USER}"


def test_stickers_reach_the_dialogue_as_a_kind_and_files_as_the_text_they_hold(api):
    dialogue = ScriptedDialogue(echo)
    with running(api, dialogue):
        api.send_sticker(USER)
        api.wait_replies(USER, 1)
        api.send_document(USER, "ตัวชี้วัดที่ 9 83.50\n".encode(), file_name="scores.txt", mime_type="text/plain")
        api.wait_replies(USER, 2)
        api.send_photo(USER)  # a photo whose file the Bot API no longer has: answered, not passed on
        api.wait_replies(USER, 3)
    assert [(i.kind, i.text) for i in dialogue.inbounds] == [("sticker", ""), ("file", "ตัวชี้วัดที่ 9 83.50")]
    assert api.texts_to(USER)[-1] == FILE_FETCH_FAILED


# ---------------------------------------------------------------- timing and failures
def test_typing_is_shown_before_a_slow_answer_and_not_for_a_quick_one(api):
    slow = ScriptedDialogue(lambda i: (time.sleep(1.6 if i.text == "ช้า" else 0.0), echo(i))[1])
    with running(api, slow):
        api.send_text(USER, "ช้า")
        api.wait_replies(USER, 1)
        api.send_text(USER, "เร็ว")
        api.wait_replies(USER, 2)
    calls = [c.method for c in api.calls if c.chat_id == str(USER)]
    first_answer = calls.index("sendMessage")
    assert calls[:first_answer] == ["sendChatAction"]  # the slow one: "typing…", then the answer
    assert calls[first_answer + 1 :] == ["sendMessage"]  # the quick one: the answer alone
    assert api.calls_of("sendChatAction")[0].params["action"] == "typing"


def test_one_slow_user_does_not_delay_another(api):
    def script(inbound: Inbound) -> Reply:
        if inbound.user_id == str(USER):
            time.sleep(2.0)  # e.g. drafting a whole plan
        return echo(inbound)

    dialogue = ScriptedDialogue(script)
    with running(api, dialogue):
        api.send_text(USER, "ร่างแผน")
        api.wait_for(lambda: len(dialogue.inbounds) == 1)
        pushed = time.monotonic()
        api.send_text(OTHER, "สวัสดี")
        fast = api.wait_replies(OTHER, 1)[0]
        slow = api.wait_replies(USER, 1)[0]
    assert fast.at < slow.at
    assert fast.at - pushed < 1.0


def test_one_users_messages_are_answered_in_order(api):
    def script(inbound: Inbound) -> Reply:
        if inbound.text == "หนึ่ง":
            time.sleep(0.8)
        return echo(inbound)

    dialogue = ScriptedDialogue(script)
    with running(api, dialogue):
        api.send_text(USER, "หนึ่ง")
        api.send_text(USER, "สอง")
        api.wait_replies(USER, 2)
    assert api.texts_to(USER) == ["ได้รับ: text|หนึ่ง", "ได้รับ: text|สอง"]


def test_a_failing_dialogue_still_answers_politely_and_logs_no_message_text(api, caplog):
    def script(inbound: Inbound) -> Reply:
        raise RuntimeError(f"cannot read {inbound.text}")

    caplog.set_level("INFO")
    with running(api, ScriptedDialogue(script)):
        api.send_text(USER, "คะแนนลับของเทศบาล 83.50")
        api.wait_replies(USER, 1)
    assert api.texts_to(USER) == [FAILURE]
    assert "RuntimeError" in caplog.text  # the operator still sees what failed and where
    assert "คะแนนลับ" not in caplog.text
    assert TOKEN not in caplog.text and TOKEN.split(":")[1] not in caplog.text  # httpx logs URLs at INFO


def test_flood_control_is_waited_out(api):
    api.fail["sendMessage"] = [
        (
            429,
            {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests",
                "parameters": {"retry_after": 1},
            },
        )
    ]
    with running(api, ScriptedDialogue(echo)):
        api.send_text(USER, "สวัสดี")
        api.wait_replies(USER, 2, timeout=10)
    assert api.texts_to(USER)[-1] == "ได้รับ: text|สวัสดี"
    first, second = api.messages_to(USER)
    assert second.at - first.at >= 0.9


# ---------------------------------------------------------------- webhook mode
async def test_webhook_accepts_only_the_right_secret_and_registers_itself(api):
    import asyncio

    import httpx
    from starlette.applications import Starlette

    from bot.channels.telegram import (
        start_webhook,
        stop_application,
        telegram_webhook_routes,
        webhook_secret,
        webhook_url,
    )

    settings = settings_for(
        api, telegram_webhook_url="https://ita.example.go.th", telegram_webhook_secret="s3cret_-X"
    )
    dialogue = ScriptedDialogue(echo)
    application = build_application(settings, dialogue)
    assert application.updater is None  # webhook mode: updates come only through the route
    secret = webhook_secret(settings)
    await start_webhook(application, webhook_url(settings), secret)
    try:
        asgi = Starlette(routes=telegram_webhook_routes(application, secret))
        transport = httpx.ASGITransport(app=asgi)
        async with httpx.AsyncClient(transport=transport, base_url="http://bot.test") as client:

            def post(text: str, headers: dict):
                body = json.dumps({"update_id": int(time.time()), **api.text_update(USER, text)}).encode()
                return client.post(
                    "/telegram/webhook", content=body, headers={"Content-Type": "application/json", **headers}
                )

            assert (await post("ไม่มีรหัส", {})).status_code == 403
            forged = {"X-Telegram-Bot-Api-Secret-Token": "s3cret_-Y"}
            assert (await post("รหัสปลอม", forged)).status_code == 403
            good = {"X-Telegram-Bot-Api-Secret-Token": "s3cret_-X"}
            assert (await post("รหัสถูกต้อง", good)).status_code == 200
            garbage = await client.post("/telegram/webhook", content=b"{not json", headers=good)
            assert garbage.status_code == 400
            assert (await client.get("/telegram/webhook", headers=good)).status_code == 405
        await asyncio.to_thread(api.wait_replies, USER, 1)
    finally:
        await stop_application(application)
    assert [i.text for i in dialogue.inbounds] == ["รหัสถูกต้อง"]
    assert api.texts_to(USER) == ["ได้รับ: text|รหัสถูกต้อง"]
    registered = api.webhook
    assert registered["url"] == "https://ita.example.go.th/telegram/webhook"
    assert registered["secret_token"] == "s3cret_-X"


async def test_webhook_with_an_empty_secret_refuses_everything(api):
    import httpx
    from starlette.applications import Starlette

    from bot.channels.telegram import telegram_webhook_routes

    application = build_application(settings_for(api, telegram_webhook_url="https://x.go.th/hook"), echo)
    asgi = Starlette(routes=telegram_webhook_routes(application, ""))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=asgi), base_url="http://bot.test"
    ) as client:
        body = json.dumps({"update_id": 1, **api.text_update(USER, "x")})
        response = await client.post(
            "/telegram/webhook", content=body, headers={"X-Telegram-Bot-Api-Secret-Token": ""}
        )
    assert response.status_code == 403
    assert application.update_queue.empty()


def test_derived_webhook_secret_is_stable_and_valid_for_telegram():
    import re

    from bot.channels.telegram import webhook_secret, webhook_url

    a = Settings(telegram_bot_token=TOKEN, telegram_webhook_url="https://x.go.th/custom/path")
    b = Settings(telegram_bot_token=TOKEN)
    other = Settings(telegram_bot_token="999:other")
    assert webhook_secret(a) == webhook_secret(b) != webhook_secret(other)
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,256}", webhook_secret(a))
    assert TOKEN not in webhook_secret(a)
    assert webhook_url(a) == "https://x.go.th/custom/path"


def test_polling_run_leaves_a_configured_webhook_to_the_server():
    from types import SimpleNamespace

    from bot.channels import telegram

    settings = Settings(telegram_bot_token=TOKEN, telegram_webhook_url="https://x.go.th/hook")
    with pytest.raises(ValueError, match=r"bot\.channels\.server"):
        telegram.run(SimpleNamespace(settings=settings, dialogue=ScriptedDialogue(echo)))
