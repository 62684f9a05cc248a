"""Load test of the LINE webhook: N concurrent officers send signed webhooks to the real ASGI app.

The app runs under uvicorn on 127.0.0.1; replies go to FakeLineAPI (127.0.0.1)
through the real line-bot-sdk. Each user sends --messages messages one after
another (waiting for the answer, as a person would); all users run at once.
Latency is from sending the webhook to the fake API recording the reply or
push. The dialogue is a scripted stand-in taking --work seconds per message,
or with --real the real services (a fresh data dir, the full conversation).

    .venv/bin/python benchmarks/load_line.py --users 100 --messages 3
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from bot.channels.server import create_app  # noqa: E402
from bot.dialogue.messages import Card, Choice, Reply  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.fakes.line_api import FakeLineAPI, sign, text_event, webhook_body  # noqa: E402

SECRET = "load-test-channel-secret"
REAL_SCRIPT = [
    "สวัสดีครับ",
    "เทศบาลตำบลนามะเขือ",
    "1",
    "ใช้ตามนี้",
    "2568",
    "1 การปฏิบัติหน้าที่ 98.89\n2 การใช้งบประมาณ 99.38\n3 การใช้อำนาจ 99.75\n"
    "4 การใช้ทรัพย์สินของราชการ 98.77\n5 การแก้ไขปัญหาการทุจริต 95.56\n6 คุณภาพการดำเนินงาน 95.26\n"
    "7 ประสิทธิภาพการสื่อสาร 91.50\n8 การปรับปรุงการทำงาน 92.01\n9 การเปิดเผยข้อมูล 83.50\n"
    "10 การป้องกันการทุจริต 100.00",
    "ยืนยัน",
    "/export",
]


class StandIn:
    """A dialogue taking `work` seconds and answering like a drafted plan (texts, buttons, cards)."""

    def __init__(self, work: float) -> None:
        self.work = work

    def handle(self, inbound):
        time.sleep(self.work)
        card = Card(
            "แถว 1 · ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (83.50)",
            "แก้ไขเร่งด่วน",
            (("มาตรการ", "เผยแพร่ข้อมูลตามรายการ o1-o10 ครบถ้วน"), ("ผู้รับผิดชอบ", "สำนักปลัด")),
        )
        return Reply(
            [f"รับทราบ: {inbound.text}", "ร่างมาตรการพร้อมแล้ว"],
            choices=[Choice("ยืนยัน", "ยืนยัน")],
            cards=[card] * 3,
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Connection:
    """A minimal keep-alive HTTP/1.1 client: the load generator must cost far less than the server."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader = self.writer = None

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> int:
        reused = self.writer is not None
        try:
            return await self._post(path, body, headers)
        except (OSError, IndexError, asyncio.IncompleteReadError):
            if not reused:
                raise
            # The server closed the idle keep-alive connection (uvicorn: after 5 s): reconnect once.
            self.close()
            self.writer = None
            return await self._post(path, body, headers)

    async def _post(self, path: str, body: bytes, headers: dict[str, str]) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.writer.write(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n{head}\r\n".encode()
            + body
        )
        status = int((await self.reader.readline()).split()[1])
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def officer(
    port: int, waiters: dict, current: dict, user: str, texts: list[str], stats: dict, timeout: float
) -> None:
    loop = asyncio.get_running_loop()
    conn = Connection(port)
    try:
        for text in texts:
            ev = text_event(text, user=user)
            body = webhook_body(ev)
            answered = waiters[ev["replyToken"]] = loop.create_future()
            current[user] = ev["replyToken"]
            sent = time.monotonic()
            try:
                status = await conn.post(
                    "/line/webhook",
                    body,
                    {"X-Line-Signature": sign(SECRET, body), "Content-Type": "application/json"},
                )
                stats["ack"].append(time.monotonic() - sent)
            except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
                stats["errors"] += 1
                conn.close()
                conn = Connection(port)
                continue
            if status != 200:
                stats["errors"] += 1
                continue
            try:  # wait for our answer, as the officer would, before typing the next message
                at = await asyncio.wait_for(answered, timeout)
                stats["latency"].append(at - sent)
            except TimeoutError:
                stats["timeouts"] += 1
    finally:
        conn.close()


class Timed:
    """ASGI wrapper timing each webhook inside the server (request in -> 200 out), served at /bench/acks."""

    def __init__(self, app) -> None:
        self.app, self.acks = app, []

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"] == "/bench/acks":
            body = json.dumps(self.acks).encode()
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": body})
            return
        if scope["type"] != "http" or scope["path"] != "/line/webhook":
            return await self.app(scope, receive, send)
        start = time.monotonic()

        async def timed_send(message):
            if message["type"] == "http.response.start":
                self.acks.append(time.monotonic() - start)
            await send(message)

        await self.app(scope, receive, timed_send)


def serve(values: dict, work: float, real: bool) -> None:
    """Child process: build the app and serve it with uvicorn (so its RSS is measured alone)."""
    settings = Settings(_env_file=None, **values)
    if real:
        from bot.app import build

        services = build(settings)
    else:
        services = SimpleNamespace(dialogue=StandIn(work))
    uvicorn.run(
        Timed(create_app(settings, services)),
        host="127.0.0.1",
        port=settings.port,
        log_level="warning",
        access_log=False,
        backlog=2048,
    )


def peak_rss_mb(pid: int) -> float:
    """Return the peak resident set (VmHWM) of a live process in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """Return user+system CPU seconds a process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_healthy(port: int, limit: float = 300.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit("server did not start")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--messages", type=int, default=3, help="messages per user (stand-in dialogue)")
    parser.add_argument("--work", type=float, default=0.05, help="seconds the stand-in dialogue takes")
    parser.add_argument("--real", action="store_true", help="use the real services and the full conversation")
    parser.add_argument("--timeout", type=float, default=120.0, help="per-message answer timeout (bound)")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="load-line-"))
    fake = FakeLineAPI().start()
    port = free_port()
    # Plain values, not a dumped Settings: dumping masks the secrets.
    values = dict(
        data_dir=str(tmp),
        line_channel_secret=SECRET,
        line_channel_access_token="t",
        line_api_host=fake.host,
        public_base_url="https://bot.example.go.th",
        link_secret="load-test-link-secret-0123456789",
        host="127.0.0.1",
        port=port,
    )
    texts = REAL_SCRIPT if args.real else [f"ข้อความที่ {i + 1}" for i in range(args.messages)]
    child = multiprocessing.get_context("spawn").Process(
        target=serve, args=(values, args.work, args.real), daemon=True
    )
    child.start()
    stats = {"ack": [], "latency": [], "errors": 0, "timeouts": 0}
    try:
        wait_healthy(port)
        rss_idle = peak_rss_mb(child.pid)
        cpu_server, cpu_load = cpu_seconds(child.pid), time.process_time()

        async def drive() -> float:
            loop = asyncio.get_running_loop()
            waiters: dict[str, asyncio.Future] = {}  # reply token -> answered at
            current: dict[str, str] = {}  # user -> reply token of the message awaiting an answer

            def answered(call) -> None:  # runs in the fake's thread: a reply names its token, a push its user
                key = call.body.get("replyToken") or current.get(call.body.get("to", ""))
                future = waiters.get(key)
                if future is not None:
                    loop.call_soon_threadsafe(lambda: future.done() or future.set_result(call.at))

            fake.listener = answered
            start = time.monotonic()
            await asyncio.gather(
                *(
                    officer(port, waiters, current, f"U{n:032x}", texts, stats, args.timeout)
                    for n in range(args.users)
                )
            )
            return time.monotonic() - start

        elapsed = asyncio.run(drive())
        server_acks = httpx.get(f"http://127.0.0.1:{port}/bench/acks", timeout=10).json()
        rss_peak = peak_rss_mb(child.pid)
        cpu_server, cpu_load = cpu_seconds(child.pid) - cpu_server, time.process_time() - cpu_load
    finally:
        child.terminate()
        child.join(timeout=30)
        fake.stop()
    sent = args.users * len(texts)
    ack, lat = stats["ack"], stats["latency"]
    mode = "real services" if args.real else f"stand-in dialogue {args.work}s"
    rows = [
        ("users × messages", f"{args.users} × {len(texts)} ({mode})"),
        ("webhooks sent", str(sent)),
        ("webhooks/s (answered)", f"{len(lat) / elapsed:.1f}"),
        (
            "webhook 200, in server p50 / p95",
            f"{percentile(server_acks, 0.5) * 1000:.1f} / {percentile(server_acks, 0.95) * 1000:.1f} ms",
        ),
        (
            "webhook 200, seen by client p50 / p95",
            f"{percentile(ack, 0.5) * 1000:.1f} / {percentile(ack, 0.95) * 1000:.1f} ms",
        ),
        (
            "answer recorded p50 / p95",
            f"{percentile(lat, 0.5) * 1000:.0f} / {percentile(lat, 0.95) * 1000:.0f} ms",
        ),
        ("reply / push calls", f"{len(fake.of('reply'))} / {len(fake.of('push'))}"),
        ("errors / timeouts", f"{stats['errors']} / {stats['timeouts']}"),
        ("wall time", f"{elapsed:.1f} s"),
        ("server RSS idle / peak", f"{rss_idle:.0f} / {rss_peak:.0f} MB"),
        (
            "CPU: server / load generator + fake API",
            f"{cpu_server:.1f} / {cpu_load:.1f} s on {os.cpu_count()} CPUs",
        ),
    ]
    print("| metric | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 1 if stats["errors"] or stats["timeouts"] else 0


if __name__ == "__main__":
    sys.exit(main())
