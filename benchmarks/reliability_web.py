"""Reliability of the webhooks and delivery (issue 14, parts 3-5): re-runnable against a checkout.

Each section prints its figures with wall and CPU time (this process; the
server child's CPU where one runs). Everything runs on 127.0.0.1 against the
fakes in tests/fakes: the real SDKs, a real uvicorn server in a child process
where memory or a kill -9 is measured, SQLite in a scratch folder.

    .venv/bin/python benchmarks/reliability_web.py              # every section
    .venv/bin/python benchmarks/reliability_web.py --only load  # one: dup, body, service, load, crash, llm

Sections:
  dup      1,000 redelivered updates and events (500 Telegram, 500 LINE) after a restart: duplicate answers
  body     a 40 MB LINE body with and without Content-Length: status and the server's memory growth
  service  Telegram service messages and edits, LINE events nobody typed: replies
  load     100 officers x 3 messages, the fake API failing 5% of sends: lost and doubled replies
  crash    30 messages in flight when the server is killed (-9), then a restart: who is told to resend
  llm      the LLM outage matrix (timeout, 5xx, bad JSON, connection refused): draft time and engine
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from bot.channels.delivery import Backoff  # noqa: E402
from bot.channels.server import create_app  # noqa: E402
from bot.channels.telegram import build_application  # noqa: E402
from bot.dialogue.messages import Reply  # noqa: E402
from bot.dialogue.seen_events import SeenEvents  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.fakes.line_api import FakeLineAPI, service_events, sign, text_event, webhook_body  # noqa: E402
from tests.fakes.telegram_api import SERVICE_CONTENT, TOKEN, BotThread, FakeBotAPI  # noqa: E402

SECRET = "bench-channel-secret"
FAST = Backoff(attempts=6, first=0.2, cap=2.0, budget=30.0)


class Echo:
    """A stand-in dialogue: `work` seconds, then an answer naming the message (so doubles are visible)."""

    def __init__(self, work: float = 0.0) -> None:
        self.work, self.count, self._lock = work, 0, threading.Lock()

    def handle(self, inbound):
        with self._lock:
            self.count += 1
        if self.work:
            time.sleep(self.work)
        return Reply([f"ได้รับ: {inbound.text}"])


class Clock:
    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.monotonic(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.monotonic() - self.wall, time.process_time() - self.cpu

    def __str__(self) -> str:
        return f"wall {self.wall:.1f} s, CPU {self.cpu:.1f} s"


def line_settings(folder: Path, fake: FakeLineAPI, **extra) -> Settings:
    values = dict(
        data_dir=folder,
        line_channel_secret=SECRET,
        line_channel_access_token="token",
        line_api_host=fake.host,
        public_base_url="https://bot.example.go.th",
        link_secret="bench-link-secret-long-enough-0123456789",
        rate_limit_messages=0,
    )
    values.update(extra)
    return Settings(_env_file=None, **values)


async def post_line(client, asgi, *events) -> int:
    body = webhook_body(*events)
    response = await client.post(
        "/line/webhook", content=body, headers={"X-Line-Signature": sign(SECRET, body)}
    )
    await asgi.state.line.drain(timeout=120)
    return response.status_code


def line_app(folder: Path, fake: FakeLineAPI, dialogue, url: str):
    app = SimpleNamespace(dialogue=dialogue, seen_events=SeenEvents(create_engine(url)))
    return create_app(line_settings(folder, fake), app, line_options={"retry": FAST})


def client_for(asgi) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=asgi), base_url="https://bot.example.go.th")


# ---------------------------------------------------------------------- dup
async def line_dup(folder: Path, n: int) -> tuple[int, int]:
    url = f"sqlite:///{folder / 'line.sqlite3'}"
    events = [text_event(f"ข้อความ {i}", user=f"U{i % 50}") for i in range(n)]
    with FakeLineAPI() as fake:
        first = Echo()
        asgi = line_app(folder, fake, first, url)
        async with client_for(asgi) as client:
            for i in range(0, n, 25):
                await post_line(client, asgi, *events[i : i + 25])
        asgi.state.line.close()
        answered_first = len(fake.messages())
        second = Echo()  # the restart: a new process state, the same database
        asgi = line_app(folder, fake, second, url)
        async with client_for(asgi) as client:
            for i in range(0, n, 25):
                again = [dict(e, deliveryContext={"isRedelivery": True}) for e in events[i : i + 25]]
                await post_line(client, asgi, *again)
        asgi.state.line.close()
        return answered_first, len(fake.messages()) - answered_first


def telegram_dup(folder: Path, n: int) -> tuple[int, int]:
    url = f"sqlite:///{folder / 'telegram.sqlite3'}"
    with FakeBotAPI() as api:
        updates = [
            {"update_id": 10_000 + i, **api.text_update(3000 + i % 50, f"ข้อความ {i}")} for i in range(n)
        ]
        settings = Settings(_env_file=None, telegram_bot_token=TOKEN, telegram_base_url=api.base_url)
        seen = SeenEvents(create_engine(url))
        with BotThread(build_application(settings, Echo(), seen=seen, retry=FAST)):
            for update in updates:
                api.push_raw(update)
            api.wait_for(lambda: len(api.calls_of("sendMessage")) >= n, timeout=120)
        first = len(api.calls_of("sendMessage"))
        seen = SeenEvents(create_engine(url))
        with BotThread(build_application(settings, Echo(), seen=seen, retry=FAST)):
            for update in updates:
                api.push_raw(update)
            # a fresh one (a later update_id), to know the redeliveries before it were read
            api.push_raw({"update_id": 20_000, **api.text_update(3999, "ข้อความใหม่หลังเริ่มใหม่")})
            api.wait_for(lambda: api.texts_to(3999), timeout=120)
            time.sleep(1.0)
        return first, len(api.calls_of("sendMessage")) - first - 1


def section_dup(folder: Path) -> None:
    with Clock() as clock:
        line_first, line_again = asyncio.run(line_dup(folder, 500))
        tg_first, tg_again = telegram_dup(folder, 500)
    print("## dup: 1,000 redelivered updates and events after a restart (same session database)")
    print(
        f"  LINE: {line_first} answered, then 500 redelivered after a restart -> {line_again} answered again"
    )
    print(
        f"  Telegram: {tg_first} answered, then 500 redelivered after a restart -> {tg_again} answered again"
    )
    print(f"  duplicate answers: {line_again + tg_again} of 1000 ({clock})")


# ---------------------------------------------------------------------- body (real uvicorn, memory)
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kb(pid: int, field: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def child_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(folder: Path, port: int, api_host: str, work: float) -> subprocess.Popen:
    cmd = [sys.executable, __file__, "--serve", str(folder), str(port), api_host, str(work)]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def serve(folder: str, port: str, api_host: str, work: str) -> None:
    """Child process: the LINE webhook under uvicorn, sessions' database in `folder`."""
    import uvicorn

    Path(folder).mkdir(parents=True, exist_ok=True)
    with FakeLineAPI() as placeholder:
        settings = line_settings(Path(folder), placeholder, line_api_host=api_host, port=int(port))
    url = f"sqlite:///{Path(folder) / 'sessions.sqlite3'}"
    app = SimpleNamespace(dialogue=Echo(float(work)), seen_events=SeenEvents(create_engine(url)))
    asgi = create_app(settings, app, line_options={"retry": FAST})
    uvicorn.run(asgi, host="127.0.0.1", port=int(port), access_log=False, log_config=None)


def send_raw(port: int, head: bytes, chunks: int, chunk: bytes) -> str:
    """Send a request head then up to `chunks` chunks; return the status line (the server may stop reading)."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(head)
        sock.settimeout(10)
        try:
            for _ in range(chunks):
                sock.sendall(chunk)
        except OSError:
            pass  # the server answered 413 and closed: the rest is never read
        try:
            return sock.recv(200).split(b"\r\n", 1)[0].decode()
        except OSError as exc:
            return type(exc).__name__


def section_body(folder: Path) -> None:
    port = free_port()
    with FakeLineAPI() as fake:
        proc = start_server(folder / "body", port, fake.host, 0.0)
        try:
            base = rss_kb(proc.pid)
            cpu0 = child_cpu(proc.pid)
            mb = 40 * 2**20
            sig = sign(SECRET, b"x")
            declared = (
                f"POST /line/webhook HTTP/1.1\r\nHost: x\r\nContent-Length: {mb}\r\n"
                f"X-Line-Signature: {sig}\r\nContent-Type: application/json\r\n\r\n"
            ).encode()
            chunked = (
                "POST /line/webhook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                f"X-Line-Signature: {sig}\r\nContent-Type: application/json\r\n\r\n"
            ).encode()
            piece = b"x" * 65536
            frame = b"10000\r\n" + piece + b"\r\n"
            with Clock() as clock:
                with_length = send_raw(port, declared, mb // len(piece), piece)
                without_length = send_raw(port, chunked, mb // len(piece), frame)
            peak = rss_kb(proc.pid, "VmHWM")
            after = rss_kb(proc.pid)
            cpu = child_cpu(proc.pid) - cpu0
            ok = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(20)
    print("## body: a 40 MB LINE webhook body, real uvicorn server")
    print(f"  with Content-Length: {with_length}; chunked, no Content-Length: {without_length}")
    print(
        f"  server memory: {base / 1024:.1f} MB before, peak {peak / 1024:.1f} MB "
        f"(+{(peak - base) / 1024:.1f} MB), {after / 1024:.1f} MB after; /healthz then {ok}"
    )
    print(f"  ({clock}; server CPU {cpu:.2f} s)")


# ---------------------------------------------------------------------- service
def section_service(folder: Path) -> None:
    with Clock() as clock, FakeBotAPI() as api:
        dialogue = Echo()
        settings = Settings(_env_file=None, telegram_bot_token=TOKEN, telegram_base_url=api.base_url)
        with BotThread(build_application(settings, dialogue, retry=FAST)):
            for kind in SERVICE_CONTENT:
                api.push(api.service_update(kind, 5001))
                api.push(api.service_update(kind, 5001, chat_id=5001, chat_type="private"))
            api.push(api.edited_update(5001, "แก้ไขแล้ว"))
            api.send_text(5002, "ข้อความจริง")
            api.wait_replies(5002, 1)
            time.sleep(1.0)
        tg_updates = 2 * len(SERVICE_CONTENT) + 1
        tg_replies = len(api.calls_of("sendMessage")) - 1
    with FakeLineAPI() as fake:
        dialogue_line = Echo()

        async def run() -> None:
            asgi = line_app(folder, fake, dialogue_line, f"sqlite:///{folder / 'service.sqlite3'}")
            async with client_for(asgi) as client:
                await post_line(client, asgi, *service_events(user="U1"))
            asgi.state.line.close()

        asyncio.run(run())
        line_events, line_replies = len(service_events()), len(fake.calls)
    print("## service: messages nobody typed")
    print(
        f"  Telegram: {tg_updates} service messages and edits ({len(SERVICE_CONTENT)} kinds, group and private)"
    )
    print(f"    -> {tg_replies} replies, {dialogue.count - 1} dialogue calls")
    print(
        f"  LINE: {line_events} events (unfollow, join, leave, members, unsend, ...) -> {line_replies} API calls"
    )
    print(f"  ({clock})")


# ---------------------------------------------------------------------- load
async def line_load(folder: Path, officers: int, messages: int) -> tuple[int, int, dict, int]:
    with FakeLineAPI() as fake:
        fake.fail_fraction(0.05, seed=14)
        asgi = line_app(folder, fake, Echo(0.05), f"sqlite:///{folder / 'load.sqlite3'}")
        users = [f"Uload{n:03d}" for n in range(officers)]
        async with client_for(asgi) as client:

            async def officer(user: str) -> None:
                for m in range(messages):
                    await post_line(client, asgi, text_event(f"{user} ข้อ {m}", user=user))

            await asyncio.gather(*(officer(u) for u in users))
        asgi.state.line.close()
        expected = {f"ได้รับ: {u} ข้อ {m}" for u in users for m in range(messages)}
        got = [m["text"] for m in fake.messages()]
        lost = len(expected - set(got))
        doubled = len(got) - len(set(got))
        calls = len(fake.calls) + sum(fake.injected.values())
        return lost, doubled, dict(fake.injected), calls


def telegram_load(officers: int, messages: int) -> tuple[int, int, dict, int]:
    with FakeBotAPI() as api:
        api.fail_fraction(0.05, seed=14, modes=("500", "502", "429", "drop"))
        settings = Settings(
            _env_file=None, telegram_bot_token=TOKEN, telegram_base_url=api.base_url, rate_limit_messages=0
        )
        users = [7000 + n for n in range(officers)]
        with BotThread(build_application(settings, Echo(0.05), retry=FAST)):
            for m in range(messages):
                for user in users:
                    api.send_text(user, f"{user} ข้อ {m}")
                api.wait_for(lambda m=m: all(len(api.texts_to(u)) > m for u in users), timeout=180)
            time.sleep(1.0)
        expected = {f"ได้รับ: {u} ข้อ {m}" for u in users for m in range(messages)}
        got = [t for u in users for t in api.texts_to(u)]
        sends = len(api.calls_of("sendMessage")) + sum(api.injected.values())
        return len(expected - set(got)), len(got) - len(set(got)), dict(api.injected), sends


def section_load(folder: Path) -> None:
    print(
        "## load: 100 officers x 3 messages, the fake API failing 5% of sends (500, 429 Retry-After 1, drops)"
    )
    with Clock() as clock:
        lost, doubled, injected, calls = asyncio.run(line_load(folder, 100, 3))
    print(
        f"  LINE: {lost} lost, {doubled} doubled of 300; failures injected {injected} in {calls} calls ({clock})"
    )
    with Clock() as clock:
        lost, doubled, injected, calls = telegram_load(100, 3)
    print(
        f"  Telegram: {lost} lost, {doubled} doubled of 300; failures injected {injected} in {calls} sends ({clock})"
    )


# ---------------------------------------------------------------------- crash
def section_crash(folder: Path) -> None:
    port = free_port()
    data = folder / "crash"
    events = [text_event(f"ข้อความค้าง {i}", user=f"Ucrash{i:02d}") for i in range(30)]
    with FakeLineAPI() as fake, Clock() as clock:
        proc = start_server(data, port, fake.host, 30.0)  # every answer takes 30 s: all in flight
        for ev in events:
            body = webhook_body(ev)
            httpx.post(
                f"http://127.0.0.1:{port}/line/webhook",
                content=body,
                headers={"X-Line-Signature": sign(SECRET, body)},
            )
        time.sleep(1.0)
        proc.kill()  # kill -9
        proc.wait(10)
        before = len(fake.messages())
        proc = start_server(data, port, fake.host, 0.0)
        try:
            fake.wait_for(before + 30, kinds=("push",), timeout=60)
            told = {c.body["to"] for c in fake.of("push")}
            for ev in events:  # LINE redelivers what the dead server never answered
                body = webhook_body(dict(ev, deliveryContext={"isRedelivery": True}))
                httpx.post(
                    f"http://127.0.0.1:{port}/line/webhook",
                    content=body,
                    headers={"X-Line-Signature": sign(SECRET, body)},
                )
            time.sleep(2.0)
            answered_again = len(fake.messages()) - before - len(told)
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(20)
    print("## crash: 30 messages in flight at kill -9, then a restart")
    print(
        f"  replies before the kill: {before}; officers told to resend after the restart: {len(told)} of 30"
    )
    print(f"  redeliveries of those 30 answered again: {answered_again} ({clock})")


# ---------------------------------------------------------------------- llm
def section_llm(folder: Path, timeout: float) -> None:
    from bot.app import build_drafter, build_knowledge, ensure_index
    from bot.drafting.engine import DraftRequest
    from bot.ita.measures import AgencyProfile
    from bot.ita.tiers import Thresholds
    from bot.scores import parse_scores
    from tests.fakes.openai_server import FakeOpenAI

    scores_text = (
        "1 การปฏิบัติหน้าที่ 98.89\n2 การใช้งบประมาณ 99.38\n3 การใช้อำนาจ 99.75\n4 การใช้ทรัพย์สินของราชการ 98.77\n"
        "5 การแก้ไขปัญหาการทุจริต 95.56\n6 คุณภาพการดำเนินงาน 95.26\n7 ประสิทธิภาพการสื่อสาร 91.50\n"
        "8 การปรับปรุงการทำงาน 92.01\n9 การเปิดเผยข้อมูล 83.50\n10 การป้องกันการทุจริต 100.00"
    )
    base = Settings(_env_file=None, data_dir=folder / "llm")
    kb = build_knowledge(base, in_memory=True)
    ensure_index(kb)
    profile = AgencyProfile(name="เทศบาลตำบลนามะเขือ", type="เทศบาลตำบล", assessment_year=2568)
    request = DraftRequest(profile, parse_scores(scores_text, kb.framework).scores, Thresholds())
    offline = build_drafter(base, kb)
    offline.draft(request)  # warm the retriever
    with Clock() as clock:
        offline.draft(request)
    print(
        f"## llm: outage matrix, LLM_TIMEOUT={timeout:g} s (budget = timeout); offline draft alone: {clock}"
    )
    cases = {
        "slow (each row just under the timeout)": lambda f: [
            f.enqueue_slow(timeout * 0.95) for _ in range(60)
        ],
        "timeout (no answer within it)": lambda f: [f.enqueue_slow(timeout * 3) for _ in range(60)],
        "HTTP 503": lambda f: [f.enqueue_status(503) for _ in range(60)],
        "bad JSON": lambda f: [f.enqueue_text("นี่ไม่ใช่ JSON {") for _ in range(60)],
        "connection refused": None,
    }
    for name, script in cases.items():
        with FakeOpenAI() as fake:
            if script is not None:
                script(fake)
                url = fake.base_url
            else:
                url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
            settings = Settings(
                _env_file=None, data_dir=folder / "llm", llm_base_url=url, llm_model="m", llm_timeout=timeout
            )
            drafter = build_drafter(settings, kb)
            with Clock() as clock:
                draft = drafter.draft(request)
            calls = len(fake.chat_requests())
        verdict = "within" if clock.wall <= timeout + 2 else "OVER"
        print(
            f"  {name}: {clock} ({verdict} LLM_TIMEOUT + 2 s), {len(draft.rows)} rows, "
            f"engine {draft.engine!r}, {calls} LLM calls"
        )


# ---------------------------------------------------------------------- main
SECTIONS = ("dup", "body", "service", "load", "crash", "llm")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        serve(*sys.argv[2:6])
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", choices=SECTIONS, action="append", help="run only these sections")
    parser.add_argument("--llm-timeout", type=float, default=5.0)
    args = parser.parse_args()
    print(f"# reliability_web  ({os.cpu_count()} cores, Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for section in args.only or SECTIONS:
            if section == "llm":
                section_llm(folder, args.llm_timeout)
            else:
                globals()[f"section_{section}"](folder)
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
