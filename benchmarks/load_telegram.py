"""Load test: N officers talk to the real Telegram application at once, through a fake Bot API on 127.0.0.1.

Each simulated officer runs a whole conversation (/start, profile, score paste,
ยืนยัน by button, /draft, an edit, /export) and waits for each complete answer
before sending the next message. Latency is measured from the moment an
update is queued at the fake server to the moment the bot's first and last
message of that answer reach it. Loopback only; bounded in users and time.

    .venv/bin/python benchmarks/load_telegram.py --users 100
    .venv/bin/python benchmarks/load_telegram.py --dialogue scripted --delay 0.2 --users 200
    .venv/bin/python benchmarks/load_telegram.py --users 200 --heavy-workers 2 --workers 64

--heavy-workers N drafts and renders in N worker processes (bot/workers.py); the table then gives
light steps and heavy ones (the score confirmation, which drafts, /draft and /export) separately, and the CPU time of the
bot's process and its workers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.channels.telegram import DIALOGUE_WORKERS, build_application, outgoing  # noqa: E402
from bot.dialogue.messages import Choice, Inbound, Reply  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.wording import TELEGRAM_FAILURE as FAILURE  # noqa: E402
from tests.fakes.telegram_api import TOKEN, BotThread, FakeBotAPI  # noqa: E402

MAX_USERS = 1000
SCORES = "\n".join(
    [
        "ตัวชี้วัดที่\tรายละเอียดตัวชี้วัด\tคะแนน",
        "1\tการปฏิบัติหน้าที่\t98.89",
        "2\tการใช้งบประมาณ\t99.38",
        "3\tการใช้อำนาจ\t99.75",
        "4\tการใช้ทรัพย์สินของราชการ\t98.77",
        "5\tการแก้ไขปัญหาการทุจริต\t95.56",
        "6\tคุณภาพการดำเนินงาน\t95.26",
        "7\tประสิทธิภาพการสื่อสาร\t91.50",
        "8\tการปรับปรุงการทำงาน\t92.01",
        "9\tการเปิดเผยข้อมูล\t83.50",
        "10\tการป้องกันการทุจริต\t100.00",
    ]
)


def conversation(i: int) -> list[tuple[str, str]]:
    """Return one officer's steps: ("say", text) or ("press", part of a button label)."""
    return [
        ("say", "/start"),
        ("say", f"เทศบาลตำบลทดสอบที่ {i}"),
        ("say", "1"),
        ("say", "ใช้ตามนี้"),
        ("say", "2568"),
        ("say", SCORES),
        ("press", "ยืนยัน"),
        ("say", "/draft"),
        ("say", "แก้ผู้รับผิดชอบ แถว 1 เป็น กองคลัง"),
        ("say", "/export"),
    ]


class MeasuredDialogue:
    """Wrap a dialogue and note how many Telegram messages each answer becomes, so waits are exact."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.expected: dict[str, list[int]] = defaultdict(list)
        self._lock = threading.Lock()

    def handle(self, inbound: Inbound) -> Reply:
        try:
            reply = self.inner.handle(inbound)
        except Exception:  # the adapter answers FAILURE then; count that one message
            with self._lock:
                self.expected[inbound.user_id].append(1)
            raise
        with self._lock:
            self.expected[inbound.user_id].append(len(outgoing(reply)))
        return reply


class ScriptedDialogue:
    """A stand-in that sleeps `delay` s per message: measures the adapter alone."""

    def __init__(self, delay: float) -> None:
        self.delay = delay

    def handle(self, inbound: Inbound) -> Reply:
        time.sleep(self.delay)
        if inbound.text == "/export":
            from bot.dialogue.messages import Document

            return Reply(
                ["ไฟล์พร้อมแล้ว"], documents=[Document("plan.docx", b"PK" + b"x" * 30_000, "application/x")]
            )
        return Reply(
            [f"รับทราบ: {inbound.text[:40]}"], choices=[Choice("ยืนยัน", "ยืนยัน"), Choice("แก้ไข", "แก้ไข")]
        )


class Officer(threading.Thread):
    """One simulated officer: send, wait for the whole answer, record timings, go on."""

    def __init__(
        self, api: FakeBotAPI, dialogue: MeasuredDialogue, user_id: int, steps, deadline: float
    ) -> None:
        super().__init__(daemon=True)
        self.api, self.dialogue, self.user, self.steps, self.deadline = (
            api,
            dialogue,
            user_id,
            steps,
            deadline,
        )
        self.first: list[float] = []
        self.last: list[float] = []
        self.errors: list[str] = []
        self.got_docx = False

    def run(self) -> None:
        replies: list = []
        for n, (action, value) in enumerate(self.steps):
            before = len(self.api.replies_to(self.user))
            if action == "press":
                found = [
                    (b, c.result["message_id"])
                    for c in replies
                    if "reply_markup" in c.params
                    for row in json.loads(c.params["reply_markup"])["inline_keyboard"]
                    for b in row
                    if value in b["text"]
                ]
                if not found:
                    self.errors.append(f"step {n}: no button {value!r}")
                    return
                update_id = self.api.press(self.user, found[0][0]["callback_data"], found[0][1])
            else:
                update_id = self.api.send_text(self.user, value)
            pushed = self.api.pushed_at[update_id]
            try:
                replies = self.api.wait_for(
                    lambda n=n, before=before: self._answer(n, before),
                    max(0.1, self.deadline - time.monotonic()),
                    chat=self.user,
                )
            except TimeoutError:
                self.errors.append(f"step {n}: timed out")
                return
            self.first.append(replies[0].at - pushed)
            self.last.append(replies[-1].at - pushed)
            if any(c.params.get("text") == FAILURE for c in replies):
                self.errors.append(f"step {n}: failure message")
            self.got_docx |= any(
                c.method == "sendDocument" and c.params.get("_filename", "").endswith(".docx")
                for c in replies
            )

    def _answer(self, n: int, before: int):
        expected = self.dialogue.expected.get(str(self.user), [])
        if len(expected) <= n:
            return None
        calls = self.api.replies_to(self.user)
        return calls[before:] if len(calls) >= before + expected[n] else None


HEAVY = ("ยืนยัน", "/draft", "/export")  # confirming scores drafts the plan; these draft or render


def _cpu(workers: list[int]) -> float:
    """CPU seconds of this process and of the running heavy-work processes (Linux /proc)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    total = own.ru_utime + own.ru_stime
    for pid in workers:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return total


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) >= 2 else (values[0] if values else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds for the whole run")
    parser.add_argument("--dialogue", choices=["real", "scripted"], default="real")
    parser.add_argument("--delay", type=float, default=0.2, help="scripted dialogue: seconds per message")
    parser.add_argument("--workers", type=int, default=DIALOGUE_WORKERS, help="dialogue threads in the bot")
    parser.add_argument("--data-dir", type=Path, default=None, help="default: a new temporary folder")
    parser.add_argument("--heavy-workers", type=int, default=0, help="processes that draft and render")
    args = parser.parse_args(argv)
    users = max(1, min(args.users, MAX_USERS))

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="ita-load-telegram-"))
    from bot.offline import configure_offline

    configure_offline(data_dir)
    with FakeBotAPI() as api:
        settings = Settings(
            data_dir=data_dir,
            telegram_bot_token=TOKEN,
            telegram_base_url=api.base_url,
            telegram_webhook_url="",
            telegram_allowed_users="",
            llm_model="",
            embedding="hashing",
            heavy_workers=args.heavy_workers,
        )
        started = time.monotonic()
        app, pids = None, []
        if args.dialogue == "real":
            from bot.app import build

            app = build(settings)
            if app.pool is not None:
                pids = app.pool.warm()  # each worker builds its engine before the officers arrive
            inner = app.dialogue
        else:
            inner = ScriptedDialogue(args.delay)
        setup = time.monotonic() - started
        dialogue = MeasuredDialogue(inner)
        with BotThread(build_application(settings, dialogue, workers=args.workers)):
            t0, cpu0 = time.monotonic(), _cpu(pids)
            deadline = t0 + args.timeout
            officers = [
                Officer(api, dialogue, 7_000_000 + i, conversation(i), deadline) for i in range(users)
            ]
            for officer in officers:
                officer.start()
            for officer in officers:
                officer.join(max(0.1, deadline - time.monotonic()))
            wall, cpu = time.monotonic() - t0, _cpu(pids) - cpu0
        if app is not None:
            app.close()
        replies = sum(len(api.replies_to(o.user)) for o in officers)
    first = [x for o in officers for x in o.first]
    last = [x for o in officers for x in o.last]
    heavy_steps = {n for n, (_, value) in enumerate(conversation(0)) if value in HEAVY}
    light = [x for o in officers for n, x in enumerate(o.last) if n not in heavy_steps]
    heavy = [x for o in officers for n, x in enumerate(o.last) if n in heavy_steps]
    errors = [e for o in officers for e in o.errors]
    done = sum(1 for o in officers if not o.errors and o.got_docx)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\n### Telegram load: {users} officers, dialogue={args.dialogue}, {args.workers} dialogue threads,"
        f" {args.heavy_workers} heavy-work processes"
        f"{f' (delay {args.delay}s)' if args.dialogue == 'scripted' else ''}\n"
    )
    print("| metric | value |\n|---|---|")
    rows = [
        ("setup (build services/index)", f"{setup:.1f} s"),
        ("wall time of the conversations", f"{wall:.1f} s"),
        ("conversations completed with .docx", f"{done}/{users}"),
        ("updates answered", f"{len(last)}"),
        ("bot messages + documents sent", f"{replies}"),
        ("replies/s (messages+documents)", f"{replies / wall:.1f}"),
        ("answers/s (updates fully answered)", f"{len(last) / wall:.1f}"),
        ("latency to first message p50 / p95", f"{pct(first, 50):.2f} / {pct(first, 95):.2f} s"),
        ("latency to complete answer p50 / p95", f"{pct(last, 50):.2f} / {pct(last, 95):.2f} s"),
        ("latency to complete answer max", f"{max(last, default=0):.2f} s"),
        ("light steps complete answer p50 / p95", f"{pct(light, 50):.2f} / {pct(light, 95):.2f} s"),
        ("heavy steps (ยืนยัน, /draft, /export) p50 / p95", f"{pct(heavy, 50):.2f} / {pct(heavy, 95):.2f} s"),
        ("CPU (bot + workers + fake) / wall", f"{cpu:.1f} s / {wall:.1f} s = {100 * cpu / wall:.0f}%"),
        ("CPU per conversation", f"{cpu / max(1, done):.2f} s"),
        ("errors", f"{len(errors)}" + (f" (first: {errors[0]})" if errors else "")),
        ("peak RSS (bot + fake server, one process)", f"{rss_mb:.0f} MB"),
    ]
    for name, value in rows:
        print(f"| {name} | {value} |")
    print("\n| step | answers | complete answer p50 / p95 |\n|---|---|---|")
    for n, (action, value) in enumerate(conversation(0)):
        times = [o.last[n] for o in officers if len(o.last) > n]
        label = value.split("\n")[0][:24] + (" …" if "\n" in value else "")
        print(f"| {n + 1}. {action} {label} | {len(times)} | {pct(times, 50):.2f} / {pct(times, 95):.2f} s |")
    return 0 if not errors and done == users else 1


if __name__ == "__main__":
    sys.exit(main())
