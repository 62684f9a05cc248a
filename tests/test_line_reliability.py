"""The LINE webhook under abuse and failure: capped bodies, bad JSON, redeliveries, lost sends, restarts."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy import create_engine

from bot.channels.delivery import Backoff
from bot.channels.runtime import RateLimit
from bot.channels.server import create_app
from bot.dialogue.messages import Reply
from bot.dialogue.seen_events import SeenEvents
from bot.settings import Settings
from bot.wording import RATE_LIMITED, RESEND_AFTER_RESTART
from tests.fakes.line_api import FakeLineAPI, service_events, sign, text_event, webhook_body

SECRET = "test-channel-secret"
FAST = Backoff(attempts=6, first=0.01, cap=0.05, budget=30.0)


class Recorder:
    """A dialogue that echoes and records; `gate` (if set) holds every answer until it is opened."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.seen: list = []
        self.gate = gate
        self._lock = threading.Lock()

    def handle(self, inbound):
        with self._lock:
            self.seen.append(inbound)
        if self.gate is not None:
            self.gate.wait(10)
        return Reply([f"ได้รับ: {inbound.text}"])


@pytest.fixture
def fake():
    with FakeLineAPI() as api:
        yield api


def make(tmp_path, fake, dialogue, *, seen=None, **options):
    settings = Settings(
        _env_file=None,
        data_dir=tmp_path,
        line_channel_secret=SECRET,
        line_channel_access_token="token",
        line_api_host=fake.host,
        public_base_url="https://bot.example.go.th",
        link_secret="a-long-enough-link-secret-for-tests",
    )
    app = SimpleNamespace(dialogue=dialogue, seen_events=seen)
    return create_app(settings, app, line_options={"retry": FAST, **options})


def client_for(asgi) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=asgi), base_url="https://bot.example.go.th")


async def post(client, asgi, *events, body: bytes | None = None):
    body = body if body is not None else webhook_body(*events)
    headers = {"Content-Type": "application/json", "X-Line-Signature": sign(SECRET, body)}
    response = await client.post("/line/webhook", content=body, headers=headers)
    await asgi.state.line.drain(timeout=30)
    return response


# ---------------------------------------------------------------- bounded input
async def test_a_40_mb_body_without_content_length_is_refused_having_read_little(tmp_path, fake):
    asgi = make(tmp_path, fake, Recorder())
    sent = [0]

    async def forty_megabytes():
        chunk = b"x" * 65536
        for _ in range(40 * 16):
            sent[0] += len(chunk)
            yield chunk

    async with client_for(asgi) as client:
        headers = {"X-Line-Signature": "c2lnbmF0dXJl", "Content-Type": "application/json"}
        response = await client.post("/line/webhook", content=forty_megabytes(), headers=headers)
    asgi.state.line.close()
    assert response.status_code == 413
    assert sent[0] < 2_000_000  # stopped after the 1 MB cap, not after 40 MB


async def test_a_declared_40_mb_body_is_refused_before_reading(tmp_path, fake):
    asgi = make(tmp_path, fake, Recorder())
    async with client_for(asgi) as client:
        headers = {"X-Line-Signature": "c2ln", "Content-Length": str(40 * 2**20)}
        response = await client.post("/line/webhook", content=b"{}", headers=headers)
    asgi.state.line.close()
    assert response.status_code == 413


@pytest.mark.parametrize(
    "body",
    [
        b'{"destination": "U", "events": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"destination": "U", "events": [' + b'{"a":' * 5000 + b"1" + b"}" * 5000 + b"]}",
        b"[1, 2, 3]",
        b'{"events": "nope"}',
        b"\xff\xfe not utf-8",
        b'{"events": [',
    ],
    ids=["deep-lists", "deep-objects", "not-an-object", "events-not-a-list", "not-utf8", "cut-short"],
)
async def test_malformed_or_over_nested_signed_json_is_400_never_500(tmp_path, fake, body):
    dialogue = Recorder()
    asgi = make(tmp_path, fake, dialogue)
    async with client_for(asgi) as client:
        response = await post(client, asgi, body=body)
    asgi.state.line.close()
    assert response.status_code == 400 and dialogue.seen == []


# ---------------------------------------------------------------- idempotent
async def test_a_redelivery_after_a_restart_is_not_answered_again(tmp_path, fake):
    url = f"sqlite:///{tmp_path / 'sessions.sqlite3'}"
    events = [text_event(f"ข้อความ {i}", user=f"U{i % 7}") for i in range(40)]
    first = Recorder()
    asgi = make(tmp_path, fake, first, seen=SeenEvents(create_engine(url)))
    async with client_for(asgi) as client:
        await post(client, asgi, *events[:20])
        await post(client, asgi, *events[20:])
        await post(client, asgi, *events[:20])  # a redelivery in the same run
    asgi.state.line.close()
    assert len(first.seen) == 40

    second = Recorder()  # a new process: nothing in memory, the same database
    asgi = make(tmp_path, fake, second, seen=SeenEvents(create_engine(url)))
    redelivered = [dict(e, deliveryContext={"isRedelivery": True}) for e in events]
    async with client_for(asgi) as client:
        await post(client, asgi, *redelivered)
        await post(client, asgi, text_event("ใหม่", user="U1"))
    asgi.state.line.close()
    assert [i.text for i in second.seen] == ["ใหม่"]
    assert len(fake.of("reply")) + len(fake.of("push")) == 41


async def test_events_no_officer_typed_get_no_reply(tmp_path, fake):
    dialogue = Recorder()
    asgi = make(tmp_path, fake, dialogue)
    async with client_for(asgi) as client:
        response = await post(client, asgi, *service_events(user="U1"))
    asgi.state.line.close()
    assert response.status_code == 200
    assert dialogue.seen == [] and fake.calls == []


# ---------------------------------------------------------------- delivery
async def test_a_push_failing_with_5xx_and_429_is_retried_and_arrives_once(tmp_path, fake):
    fake.fail_replies(400, "Invalid reply token")
    fake.fail_fraction(1.0, modes=("500",))  # every call fails ...
    asgi = make(tmp_path, fake, Recorder())
    async with client_for(asgi) as client:
        task = asyncio.create_task(post(client, asgi, text_event("สวัสดี")))
        await asyncio.sleep(0.05)
        fake.fail_fraction(0.0)  # ... until the API recovers
        await task
    asgi.state.line.close()
    assert [m["text"] for m in fake.messages()] == ["ได้รับ: สวัสดี"]
    assert fake.injected["500"] >= 1


async def test_429_retry_after_is_respected(tmp_path, fake):
    fake.fail_fraction(1.0, modes=("429",))
    asgi = make(tmp_path, fake, Recorder())
    async with client_for(asgi) as client:
        started = time.monotonic()
        task = asyncio.create_task(post(client, asgi, text_event("สวัสดี")))
        await asyncio.sleep(0.3)
        fake.fail_fraction(0.0)
        await task
    asgi.state.line.close()
    [push] = fake.of("push")  # the reply got 429, so the reply goes by push, after Retry-After: 1
    assert push.at - started >= 0.95
    assert [m["text"] for m in fake.messages()] == ["ได้รับ: สวัสดี"]


async def test_no_reply_is_lost_when_five_percent_of_sends_fail(tmp_path, fake):
    fake.fail_fraction(0.05, seed=7, modes=("500", "drop", "429"))
    dialogue = Recorder()
    asgi = make(tmp_path, fake, dialogue)
    users = [f"U{n:03d}" for n in range(100)]
    async with client_for(asgi) as client:
        for round_ in range(2):
            await asyncio.gather(
                *(post(client, asgi, text_event(f"{u} รอบ {round_}", user=u)) for u in users)
            )
    asgi.state.line.close()
    answered = sorted(m["text"] for m in fake.messages())
    assert sum(fake.injected.values()) > 0  # failures did happen
    # every message answered exactly once: none lost, none doubled
    assert answered == sorted(f"ได้รับ: {u} รอบ {r}" for u in users for r in range(2))


# ---------------------------------------------------------------- restarts
async def test_a_message_in_flight_at_a_crash_is_asked_for_again_after_the_restart(tmp_path, fake):
    url = f"sqlite:///{tmp_path / 'sessions.sqlite3'}"
    gate = threading.Event()  # never opened before the "crash": the answer is never sent
    asgi = make(tmp_path, fake, Recorder(gate), seen=SeenEvents(create_engine(url)))
    event = text_event("ข้อความที่ค้างอยู่", user="Ucrash")
    async with client_for(asgi) as client:
        body = webhook_body(event)
        headers = {"X-Line-Signature": sign(SECRET, body)}
        assert (await client.post("/line/webhook", content=body, headers=headers)).status_code == 200
        await asyncio.sleep(0.3)
    for task in list(asgi.state.line._tasks):  # the process dies: its tasks never finish
        task.cancel()
    await asyncio.sleep(0.05)
    gate.set()
    asgi.state.line.close()
    assert fake.messages() == []

    second = Recorder()
    asgi = make(tmp_path, fake, second, seen=SeenEvents(create_engine(url)))
    async with asgi.router.lifespan_context(asgi), client_for(asgi) as client:
        await post(client, asgi, dict(event, deliveryContext={"isRedelivery": True}))
    [push] = fake.of("push")
    assert push.body["to"] == "Ucrash" and push.body["messages"][0]["text"] == RESEND_AFTER_RESTART
    assert second.seen == []  # the redelivery is not answered a second time

    third = make(tmp_path, fake, Recorder(), seen=SeenEvents(create_engine(url)))
    async with third.router.lifespan_context(third):
        pass
    assert len(fake.of("push")) == 1  # told once, not on every start


# ---------------------------------------------------------------- rate limit
async def test_a_burst_from_one_user_is_limited_with_one_polite_reply(tmp_path, fake):
    dialogue = Recorder()
    asgi = make(tmp_path, fake, dialogue, rate=RateLimit(per=5, seconds=60.0))
    async with client_for(asgi) as client:
        for i in range(30):
            await post(client, asgi, text_event(f"ข้อความ {i}", user="Uflood"))
        await post(client, asgi, text_event("คนอื่น", user="Ucalm"))
    asgi.state.line.close()
    assert len([i for i in dialogue.seen if i.user_id == "Uflood"]) == 5
    texts = [m["text"] for m in fake.messages()]
    limited = [t for t in texts if t.startswith(RATE_LIMITED.split("{")[0])]
    assert len(limited) == 1 and "วินาที" in limited[0]
    assert "ได้รับ: คนอื่น" in texts


# ---------------------------------------------------------------- health
async def test_readyz_fails_when_the_line_api_is_down_while_healthz_stays_ok(tmp_path, fake):
    asgi = make(tmp_path, fake, Recorder())
    async with client_for(asgi) as client:
        ready = await client.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["checks"] == {"database": True, "line_api": True}
        fake.down = True
        down = await client.get("/readyz")
        alive = await client.get("/healthz")
    asgi.state.line.close()
    assert down.status_code == 503 and down.json()["checks"]["line_api"] is False
    assert alive.status_code == 200 and json.loads(alive.text)["status"] == "ok"
