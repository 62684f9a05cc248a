"""Two bot instances on one PostgreSQL sessions database: every update answered once, no save lost (issue 15).

Each instance is what a second `python -m bot run` holds: its own python-telegram-bot
Application (webhook mode), its own dialogue threads, its own SessionStore and SeenEvents on their
own connection pool. Every update is delivered to BOTH instances at once, as when Telegram
redelivers to the other instance behind one webhook address; the dialogue appends each message
to the session. So a duplicate answer shows as a second reply or a message stored twice, a lost
save as a message missing from the session. Real PostgreSQL on 127.0.0.1:5432 (a schema per test).
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator

import pytest
from telegram import Update

from bot.channels.delivery import Backoff
from bot.channels.telegram import build_application, stop_application
from bot.channels.telegram_tokens import MAX_CALLBACK
from bot.dialogue.messages import Choice, Inbound, Reply
from bot.dialogue.seen_events import SeenEvents
from bot.dialogue.sessions import SessionStore
from bot.settings import Settings
from tests.fakes.telegram_api import BOT_ID, TOKEN, FakeBotAPI
from tests.pg import drop_schema, pg_schema_url

FAST = Backoff(attempts=6, first=0.01, cap=0.05, budget=30.0)
OFFICERS = 12
MESSAGES = 6
ASK = "เลือกการแก้ไข"
LONG_PAYLOAD = "แก้ไขแถว 3 มาตรการ: เผยแพร่รายงานผลการดำเนินงานประจำปีบนเว็บไซต์"


class Appending:
    """A dialogue that stores every message it answers in the officer's session, in order."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store
        self.answered = 0
        self._lock = threading.Lock()

    def handle(self, inbound: Inbound) -> Reply:
        with self.store.open(inbound.session_key) as session:
            session.extra = {**session.extra, "said": [*session.extra.get("said", []), inbound.text]}
        with self._lock:
            self.answered += 1
        if inbound.text == ASK:  # a question with a button whose payload is over Telegram's 64 bytes
            return Reply(texts=[ASK], choices=[Choice("ยืนยัน", "ยืนยัน"), Choice("แก้ไขแถว 3", LONG_PAYLOAD)])
        return Reply(texts=[f"ได้รับ: {inbound.text}"])


class Instance:
    """One bot instance: a webhook-mode Application on its own event loop, its own database pool."""

    def __init__(self, api: FakeBotAPI, url: str) -> None:
        self.store = SessionStore(url)
        self.dialogue = Appending(self.store)
        settings = Settings(
            _env_file=None,
            telegram_bot_token=TOKEN,
            telegram_base_url=api.base_url,
            telegram_webhook_url="https://bot.example/telegram/webhook",
            link_secret="instances-test-secret",
        )
        seen = SeenEvents(self.store.engine)
        self.app = build_application(settings, self.dialogue, seen=seen, retry=FAST)
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self._run(self._start())

    async def _start(self) -> None:
        await self.app.initialize()
        await self.app.start()

    def _run(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(30)

    def deliver(self, data: dict) -> None:
        """What the webhook route does with a verified body: the update into the application's queue."""
        self._run(self.app.update_queue.put(Update.de_json(data, self.app.bot)))

    def stop(self) -> None:
        try:
            self._run(stop_application(self.app))
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(10)
            self.loop.close()
            self.store.close()


@pytest.fixture
def instances() -> Iterator[tuple[FakeBotAPI, str, list[Instance]]]:
    url, schema = pg_schema_url()
    with FakeBotAPI() as api:
        pair = [Instance(api, url), Instance(api, url)]
        try:
            yield api, url, pair
        finally:
            for instance in pair:
                instance.stop()
            drop_schema(schema)


def _said(url: str, user: int) -> list[str]:
    store = SessionStore(url)
    try:
        return store.load(f"telegram:{user}").extra.get("said", [])
    finally:
        store.close()


def test_an_update_delivered_to_both_instances_is_answered_once_and_saved_once(instances):
    api, url, pair = instances
    update_ids = iter(range(10_000, 20_000))

    def officer(user: int) -> None:
        for n in range(MESSAGES):
            data = {"update_id": next(update_ids), **api.text_update(user, f"ข้อความ {n}")}
            order = pair if (user + n) % 2 else pair[::-1]  # either may be first to hear of it
            delivered = [threading.Thread(target=i.deliver, args=(data,)) for i in order]
            for thread in delivered:  # both at once: the two instances race for it
                thread.start()
            for thread in delivered:
                thread.join()
            api.wait_replies(user, n + 1, timeout=20)  # an officer waits for the answer

    users = [5000 + k for k in range(OFFICERS)]
    threads = [threading.Thread(target=officer, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    api.wait_for(lambda: sum(i.dialogue.answered for i in pair) >= OFFICERS * MESSAGES, timeout=20)

    assert sum(i.dialogue.answered for i in pair) == OFFICERS * MESSAGES  # none answered twice
    assert all(i.dialogue.answered for i in pair)  # both instances took part
    for user in users:
        assert api.texts_to(user) == [f"ได้รับ: ข้อความ {n}" for n in range(MESSAGES)]
        assert _said(url, user) == [f"ข้อความ {n}" for n in range(MESSAGES)]  # each saved once, in order


def test_two_messages_at_once_on_two_instances_are_both_saved(instances):
    api, url, pair = instances
    users = [6000 + k for k in range(OFFICERS)]
    sent = []
    for k, user in enumerate(users):
        for n in range(2):  # sent back to back, one to each instance: nothing orders them
            data = {"update_id": 30_000 + 2 * k + n, **api.text_update(user, f"ส่งพร้อมกัน {n}")}
            sent.append(threading.Thread(target=pair[n].deliver, args=(data,)))
    for thread in sent:
        thread.start()
    for thread in sent:
        thread.join()
    for user in users:
        api.wait_replies(user, 2, timeout=20)

    for user in users:
        assert sorted(_said(url, user)) == ["ส่งพร้อมกัน 0", "ส่งพร้อมกัน 1"]
        assert len(api.texts_to(user)) == 2


def _press(update_id: int, user: int, data: str, message_id: int) -> dict:
    """The update Telegram sends when the officer presses a button on the bot's message."""
    chat = {"id": user, "type": "private", "first_name": "u"}
    message = {"message_id": message_id, "date": 0, "chat": chat, "text": "…"}
    message["from"] = {"id": BOT_ID, "is_bot": True, "first_name": "ITA"}
    sender = {"id": user, "is_bot": False, "first_name": f"user{user}"}
    query = {"id": f"cq{update_id}", "chat_instance": f"ci{user}", "from": sender, "data": data}
    return {"update_id": update_id, "callback_query": {**query, "message": message}}


def test_a_long_button_sent_by_one_instance_is_understood_by_the_other(instances):
    api, url, pair = instances
    user = 7000
    pair[0].deliver({"update_id": 40_000, **api.text_update(user, ASK)})
    (question,) = api.wait_replies(user, 1, timeout=20)
    buttons = [b for row in json.loads(question.params["reply_markup"])["inline_keyboard"] for b in row]
    data = next(b["callback_data"] for b in buttons if b["text"] == "แก้ไขแถว 3")
    assert len(LONG_PAYLOAD.encode()) > MAX_CALLBACK and len(data.encode()) <= MAX_CALLBACK

    pair[1].deliver(_press(40_001, user, data, question.result["message_id"]))  # the other instance
    api.wait_replies(user, 2, timeout=20)

    assert api.texts_to(user)[-1] == f"ได้รับ: {LONG_PAYLOAD}"  # the choice, not "button expired"
    assert _said(url, user) == [ASK, LONG_PAYLOAD]
    assert pair[1].dialogue.answered == 1
