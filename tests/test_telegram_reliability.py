"""Telegram under redelivery, service messages, failing sends and abusive webhooks, through python-telegram-bot."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest
from sqlalchemy import create_engine
from starlette.applications import Starlette

from bot.channels.delivery import Backoff
from bot.channels.telegram import (
    build_application,
    recover,
    start_webhook,
    stop_application,
    telegram_webhook_routes,
    webhook_secret,
    webhook_url,
)
from bot.dialogue.messages import Inbound, Reply
from bot.dialogue.seen_events import SeenEvents
from bot.settings import Settings
from bot.wording import RESEND_AFTER_RESTART
from tests.fakes.telegram_api import SERVICE_CONTENT, TOKEN, BotThread, FakeBotAPI

FAST = Backoff(attempts=6, first=0.01, cap=0.05, budget=30.0)
USER = 1001


class Recorder:
    def __init__(self, gate: threading.Event | None = None) -> None:
        self.inbounds: list[Inbound] = []
        self.gate = gate
        self._lock = threading.Lock()

    def handle(self, inbound: Inbound) -> Reply:
        with self._lock:
            self.inbounds.append(inbound)
        if self.gate is not None:
            self.gate.wait(10)
        return Reply(texts=[f"ได้รับ: {inbound.text}"])


@pytest.fixture
def api():
    with FakeBotAPI() as fake:
        yield fake


def running(api, dialogue, *, seen=None, **extra) -> BotThread:
    settings = Settings(_env_file=None, telegram_bot_token=TOKEN, telegram_base_url=api.base_url, **extra)
    return BotThread(build_application(settings, dialogue, seen=seen, retry=FAST))


def test_service_messages_and_edits_get_no_reply_in_groups_or_private(api):
    dialogue = Recorder()
    with running(api, dialogue):
        for kind in SERVICE_CONTENT:
            api.push(api.service_update(kind, USER))
            api.push(api.service_update(kind, USER, chat_id=USER, chat_type="private"))
        api.push(api.edited_update(USER, "แก้ข้อความ"))
        api.send_text(USER, "ข้อความจริง", chat_id=-100200, chat_type="supergroup")
        api.wait_replies(-100200, 1)
        time.sleep(0.3)
    assert len(SERVICE_CONTENT) >= 30
    assert [i.text for i in dialogue.inbounds] == ["ข้อความจริง"]
    assert api.texts_to(-100200) == ["ได้รับ: ข้อความจริง"] and api.texts_to(USER) == []


def test_a_redelivered_update_id_is_answered_once_even_after_a_restart(api, tmp_path):
    url = f"sqlite:///{tmp_path / 'sessions.sqlite3'}"
    updates = [{"update_id": 500 + n, **api.text_update(USER + n % 5, f"ข้อความ {n}")} for n in range(25)]
    first = Recorder()
    with running(api, first, seen=SeenEvents(create_engine(url))):
        for update in updates + updates[:10]:  # ten sent twice in the same run
            api.push_raw(update)
        api.wait_for(lambda: len(api.calls_of("sendMessage")) >= 25, timeout=20)
        time.sleep(0.3)
    assert len(first.inbounds) == 25

    second = Recorder()  # a new process, the same database; Telegram sends them all again
    with running(api, second, seen=SeenEvents(create_engine(url))):
        for update in updates:
            api.push_raw(update)
        api.push_raw(
            {"update_id": 900, **api.text_update(USER, "ใหม่")}
        )  # a later update_id, as Telegram numbers
        api.wait_for(lambda: "ได้รับ: ใหม่" in api.texts_to(USER), timeout=20)
        time.sleep(0.3)
    assert [i.text for i in second.inbounds] == ["ใหม่"]
    assert len(api.calls_of("sendMessage")) == 26


def test_no_reply_is_lost_when_five_percent_of_sends_fail(api):
    api.fail_fraction(0.05, seed=3, modes=("500", "502", "drop", "429"))
    dialogue = Recorder()
    users = [2000 + n for n in range(60)]
    with running(api, dialogue):
        for user in users:
            api.send_text(user, "หนึ่ง")
        api.wait_for(lambda: all(api.texts_to(u) for u in users), timeout=60)
        for user in users:
            api.send_text(user, "สอง")
        api.wait_for(lambda: all(len(api.texts_to(u)) >= 2 for u in users), timeout=60)
    assert sum(api.injected.values()) > 0
    assert all(api.texts_to(u) == ["ได้รับ: หนึ่ง", "ได้รับ: สอง"] for u in users)


def test_a_message_in_flight_at_a_crash_is_asked_for_again_at_the_next_start(api, tmp_path):
    url = f"sqlite:///{tmp_path / 'sessions.sqlite3'}"
    seen = SeenEvents(create_engine(url))
    gate = threading.Event()
    bot = running(api, Recorder(gate), seen=seen).start()
    api.send_text(USER, "ค้างอยู่")
    api.wait_for(lambda: any(c.method == "sendChatAction" for c in api.calls), timeout=10)
    # The process dies here: nothing more of it runs (its loop is stopped, not shut down cleanly).
    bot.loop.call_soon_threadsafe(bot.loop.stop)
    bot._thread.join(5)
    gate.set()
    assert api.texts_to(USER) == []

    second = Recorder()
    settings = Settings(_env_file=None, telegram_bot_token=TOKEN, telegram_base_url=api.base_url)
    application = build_application(settings, second, seen=SeenEvents(create_engine(url)), retry=FAST)
    with BotThread(application) as restarted:
        told = restarted._run(recover(application))
        assert told == 1 and restarted._run(recover(application)) == 0
    assert api.texts_to(USER) == [RESEND_AFTER_RESTART]
    assert second.inbounds == []  # the update Telegram sent again is not answered twice


@pytest.mark.parametrize(
    "body",
    [
        b'{"update_id": 1, "message": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        b'{"update_id": 1, "x": ' + b'{"a":' * 3000 + b"1" + b"}" * 3000 + b"}",
        b"[1]",
        b"\xff not json",
        b'{"update_id": "x", "message": 5}',
    ],
    ids=["deep-lists", "deep-objects", "not-an-object", "not-json", "wrong-shape"],
)
async def test_webhook_bad_json_is_400_and_a_huge_chunked_body_413(api, body):
    settings = Settings(
        _env_file=None,
        telegram_bot_token=TOKEN,
        telegram_base_url=api.base_url,
        telegram_webhook_url="https://ita.example.go.th",
        telegram_webhook_secret="s3cret",
    )
    dialogue = Recorder()
    application = build_application(settings, dialogue)
    await start_webhook(application, webhook_url(settings), webhook_secret(settings))
    sent = [0]

    async def huge():
        for _ in range(200):
            sent[0] += 65536
            yield b" " * 65536

    try:
        asgi = Starlette(routes=telegram_webhook_routes(application, "s3cret"))
        headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret", "Content-Type": "application/json"}
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=asgi), base_url="http://t") as client:
            bad = await client.post("/telegram/webhook", content=body, headers=headers)
            big = await client.post("/telegram/webhook", content=huge(), headers=headers)
    finally:
        await stop_application(application)
    assert bad.status_code == 400 and dialogue.inbounds == []
    assert big.status_code == 413 and sent[0] < 2_000_000
    assert json.dumps(api.webhook)  # the webhook was registered, so the route was live
