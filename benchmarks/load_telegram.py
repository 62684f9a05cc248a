"""Load test: N officers talk at once to one or more real bot processes, through a fake Bot API on 127.0.0.1.

The bot runs as deployed, in its own process(es) (benchmarks/load_bot.py: bot.app.build, the
heavy-work pool, the Telegram webhook under uvicorn); this process holds only the fake Bot API
and the simulated officers, so the measurement never shares an interpreter lock with the bot.
Each officer runs a whole conversation (/start, profile, score paste, ยืนยัน by button, /draft,
an edit, /export), POSTs each update to a bot's webhook as Telegram does, and waits for the whole
answer before the next. With --think S an officer also reads and types for a while before each
message (uniformly 0.5-1.5 x S, seeded per officer; the first message within S of the start), as
people do; without it (0, the default) every officer sends the next message the moment the answer
is complete, a stress no person produces. Latency runs from the POST to the bot's first and last message of that
answer reaching the fake API. CPU is read from /proc for the bot processes and their pool workers
(separately from this harness), beside the wall time and the machine's load average.

With --instances 2 the instances share one sessions database (a fresh PostgreSQL schema on
127.0.0.1:5432 unless --database-url is given); each officer's updates alternate between them,
and --duplicates of the updates are delivered a second time to the other instance (a webhook
redelivery). The run then counts duplicate answers (an update answered twice) and lost saves
(an officer's stored session missing what the conversation saved: profile, draft, the edit).

    .venv/bin/python benchmarks/load_telegram.py --users 200
    .venv/bin/python benchmarks/load_telegram.py --users 200 --think 3
    .venv/bin/python benchmarks/load_telegram.py --users 200 --instances 2 --duplicates 0.2
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from multiprocessing.connection import Listener
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.load_stats import CpuSampler, database, drop_schema, free_port, pct, wait_serving  # noqa: E402
from bot.channels.telegram import SECRET_HEADER, WEBHOOK_PATH, webhook_secret  # noqa: E402
from bot.dialogue.heavy import worker_count  # noqa: E402
from bot.dialogue.sessions import SessionStore  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.wording import TELEGRAM_FAILURE as FAILURE  # noqa: E402
from tests.fakes.telegram_api import BOT_ID, TOKEN, FakeBotAPI  # noqa: E402

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
EDIT_OWNER = "กองคลัง"
HEAVY = ("ยืนยัน", "/draft", "/export")  # confirming scores drafts the plan; these draft or render


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
        ("say", f"แก้ผู้รับผิดชอบ แถว 1 เป็น {EDIT_OWNER}"),
        ("say", "/export"),
    ]


class Answers:
    """What the bots told us (benchmarks/load_bot.py): each answer's message count, per officer."""

    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api
        self.expected: dict[str, list[int]] = defaultdict(list)
        # per answer, wall times: dialogue start and end, the event claim's start and end
        self.dialogue: dict[str, list[tuple[float, float, float, float]]] = defaultdict(list)
        self.ready: dict[int, tuple[int, list[int]]] = {}  # instance -> (bot pid, pool worker pids)
        self._cond = threading.Condition()

    def listen(self, listener: Listener, instances: int) -> None:
        for instance in range(instances):
            conn = listener.accept()
            threading.Thread(target=self._read, args=(conn, instance), daemon=True).start()

    def _read(self, conn, instance: int) -> None:
        while True:
            try:
                kind, a, b = conn.recv()
            except (EOFError, OSError):
                return
            if kind == "ready":
                with self._cond:
                    self.ready[instance] = (a, b)
                    self._cond.notify_all()
                continue
            messages, *times = b
            self.dialogue[a].append(tuple(times))
            self.expected[a].append(messages)
            cond = self.api._chat_cond(a)  # wake the officer waiting on this chat
            with cond:
                cond.notify_all()

    def wait_ready(self, instances: int, timeout: float) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: len(self.ready) == instances, timeout):
                raise RuntimeError("the bot processes did not get ready")


class Officer(threading.Thread):
    """One simulated officer: POST each update to a bot, wait for the whole answer, go on."""

    ids = itertools.count(1)
    ids_lock = threading.Lock()
    heavy_now = 0  # officers waiting on a heavy step right now (drafts queue when above the pool)

    def __init__(self, run: Run, index: int) -> None:
        super().__init__(daemon=True)
        self.run_, self.index, self.user = run, index, 7_000_000 + index
        self.steps = conversation(index)
        self.first: list[float] = []
        self.last: list[float] = []
        self.queued: list[bool] = []  # per step: drafts were queueing beyond the pool when it was sent
        self.sent_at: list[float] = []  # per step: wall time of the POST (for the stage split)
        self.errors: list[str] = []
        self.got_docx = False
        self.duplicates_sent = 0

    def _update(self, action: str, value: str, replies: list) -> dict | None:
        api = self.run_.api
        with Officer.ids_lock:
            update_id = next(Officer.ids)
        if action == "say":
            return {"update_id": update_id, **api.text_update(self.user, value)}
        found = [
            (b["callback_data"], c.result["message_id"])
            for c in replies
            if "reply_markup" in c.params
            for row in json.loads(c.params["reply_markup"])["inline_keyboard"]
            for b in row
            if value in b["text"] and "callback_data" in b
        ]
        if not found:
            return None
        data, message_id = found[0]
        sender = {"id": self.user, "is_bot": False, "first_name": f"user{self.user}"}
        bot = {"id": BOT_ID, "is_bot": True, "first_name": "ITA"}
        chat = {"id": self.user, "type": "private", "first_name": "u"}
        message = {"message_id": message_id, "date": int(time.time()), "chat": chat, "from": bot, "text": "…"}
        query = {"id": f"cq{update_id}", "chat_instance": f"ci{self.user}", "from": sender, "data": data}
        return {"update_id": update_id, "callback_query": {**query, "message": message}}

    def run(self) -> None:
        run, api = self.run_, self.run_.api
        replies: list = []
        pause = random.Random(self.index)
        for n, (action, value) in enumerate(self.steps):
            if run.think:
                time.sleep(
                    pause.uniform(0.0, 1.0) * run.think if n == 0 else pause.uniform(0.5, 1.5) * run.think
                )
            before = len(api.replies_to(self.user))
            update = self._update(action, value, replies)
            if update is None:
                self.errors.append(f"step {n}: no button {value!r}")
                return
            heavy = value in HEAVY
            instance = (self.index + n) % len(run.ports)
            sent, sent_wall = time.monotonic(), time.time()
            with run.count_lock:
                queued = Officer.heavy_now > run.pool
                Officer.heavy_now += heavy
            try:
                run.post(instance, update)
                if run.duplicate():  # the same update again, to the other instance
                    run.post((instance + 1) % len(run.ports), update)
                    self.duplicates_sent += 1
                replies = api.wait_for(
                    lambda n=n, before=before: self._answer(n, before),
                    max(0.1, run.deadline - time.monotonic()),
                    chat=self.user,
                )
            except (TimeoutError, httpx.HTTPError) as exc:
                self.errors.append(f"step {n}: {type(exc).__name__}")
                return
            finally:
                with run.count_lock:
                    Officer.heavy_now -= heavy
            self.first.append(replies[0].at - sent)
            self.last.append(replies[-1].at - sent)
            self.queued.append(queued)
            self.sent_at.append(sent_wall)
            if any(c.params.get("text") == FAILURE for c in replies):
                self.errors.append(f"step {n}: failure message")
            self.got_docx |= any(
                c.method == "sendDocument" and c.params.get("_filename", "").endswith(".docx")
                for c in replies
            )

    def _answer(self, n: int, before: int):
        expected = self.run_.answers.expected.get(str(self.user), [])
        if len(expected) <= n:
            return None
        calls = self.run_.api.replies_to(self.user)
        return calls[before:] if len(calls) >= before + expected[n] else None


class Run:
    """The harness's shared state: the fake API, the bots' ports, the HTTP client, the deadline."""

    def __init__(
        self, api: FakeBotAPI, answers: Answers, ports: list[int], duplicates: float, think: float, pool: int
    ) -> None:
        self.api, self.answers, self.ports = api, answers, ports
        self.think, self.pool = think, pool  # seconds an officer reads and types; heavy-work processes
        self.secret = webhook_secret(Settings(_env_file=None, telegram_bot_token=TOKEN))
        self.http = httpx.Client(limits=httpx.Limits(max_connections=400), timeout=60.0)
        self.count_lock = threading.Lock()
        self.deadline = 0.0
        self._dup_every = round(1 / duplicates) if duplicates > 0 else 0
        self._posts = itertools.count(1)

    def post(self, instance: int, update: dict) -> None:
        url = f"http://127.0.0.1:{self.ports[instance]}{WEBHOOK_PATH}"
        self.http.post(url, json=update, headers={SECRET_HEADER: self.secret}).raise_for_status()

    def duplicate(self) -> bool:
        return bool(self._dup_every) and next(self._posts) % self._dup_every == 0


def start_bots(args, data_dir: Path, database_url: str, api: FakeBotAPI, listener, key: str):
    """Start one bot process per instance; return the processes and their ports."""
    procs, ports = [], []
    env = {**os.environ, "LOAD_AUTHKEY": key, "PYTHONUNBUFFERED": "1"}
    for i in range(args.instances):
        port = free_port()
        config = {
            "data_dir": str(data_dir / f"instance{i}"),
            "database_url": database_url,
            "token": TOKEN,
            "base_url": api.base_url,
            "port": port,
            "heavy_workers": worker_count(args.heavy_workers),
            "listener": list(listener.address),
        }
        log = open(data_dir / f"instance{i}.log", "w")  # noqa: SIM115 - kept open for the child's life
        cmd = [sys.executable, str(REPO / "benchmarks" / "load_bot.py"), json.dumps(config)]
        procs.append(subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT))
        ports.append(port)
    return procs, ports


def lost_saves(database_url: str, officers: list[Officer]) -> tuple[int, int]:
    """Return (officers checked, officers whose stored session misses a save of their conversation)."""
    store = SessionStore(database_url)
    checked = lost = 0
    try:
        for o in officers:
            if o.errors:
                continue
            checked += 1
            s = store.load(f"telegram:{o.user}")
            rows = s.draft.rows if s.draft is not None else []
            kept = (
                s.profile.name == f"เทศบาลตำบลทดสอบที่ {o.index}"
                and s.scores is not None
                and bool(rows)
                and any(EDIT_OWNER in r.owners for r in rows if r.number == 1)
            )
            lost += not kept
    finally:
        store.close()
    return checked, lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--instances", type=int, default=1, help="bot processes sharing the sessions")
    parser.add_argument("--heavy-workers", type=int, default=-1, help="per instance; -1 = one per CPU")
    parser.add_argument("--duplicates", type=float, default=0.0, help="share of updates delivered twice")
    parser.add_argument("--database-url", default="", help="default: SQLite (1 instance) or PostgreSQL")
    parser.add_argument("--postgres", action="store_true", help="one instance on PostgreSQL too")
    parser.add_argument("--warm", type=int, default=4, help="officers per instance before the run")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds for the whole run")
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean seconds an officer reads and types before a message"
    )
    args = parser.parse_args(argv)
    users = max(1, min(args.users, MAX_USERS))
    data_dir = Path(tempfile.mkdtemp(prefix="ita-load-telegram-"))
    database_url, schema = database(args, data_dir)
    key = secrets.token_hex(16)
    listener = Listener(("127.0.0.1", 0), authkey=bytes.fromhex(key))
    procs: list[subprocess.Popen] = []
    try:
        with FakeBotAPI() as api:
            answers = Answers(api)
            threading.Thread(target=answers.listen, args=(listener, args.instances), daemon=True).start()
            started = time.monotonic()
            procs, ports = start_bots(args, data_dir, database_url, api, listener, key)
            answers.wait_ready(args.instances, 600)
            wait_serving(ports, 60)
            setup = time.monotonic() - started
            bots = [pid for pid, _ in answers.ready.values()]
            pool = sum(len(workers) for _, workers in answers.ready.values())
            run = Run(api, answers, ports, args.duplicates, args.think, pool)
            sampler = CpuSampler(bots, queued=lambda: Officer.heavy_now > pool)
            run.deadline = time.monotonic() + args.timeout
            warm = [Officer(run, MAX_USERS + i) for i in range(args.warm * args.instances)]
            run.think = 0.0  # the warm-up officers do not pause
            for officer in warm:  # lazy imports, font caches, first queries: not in the figures
                officer.start()
            for officer in warm:
                officer.join(max(0.1, run.deadline - time.monotonic()))
            run.think = args.think
            officers = [Officer(run, i) for i in range(users)]
            print(f"warm; measuring bots {bots}", file=sys.stderr, flush=True)
            sampler.start()
            for officer in officers:
                officer.start()
            for officer in officers:
                officer.join(max(0.1, run.deadline - time.monotonic()))
            stats = sampler.stop()
            time.sleep(1.0)  # a late duplicate answer would arrive now
            sent = {str(o.user): len(api.replies_to(o.user)) for o in officers}
        checked, lost = lost_saves(database_url, officers)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(30)
        listener.close()
        if schema:
            drop_schema(schema)
    report(args, users, setup, officers, answers, sent, stats, checked, lost, database_url)
    errors = [e for o in officers for e in o.errors]
    done = sum(1 for o in officers if not o.errors and o.got_docx)
    return 0 if not errors and done == users and not lost else 1


def print_stages(officers, answers, heavy_steps, steps) -> None:
    """Where light steps sent while drafts queued spent their time: before the dialogue began
    (webhook, per-user order, the event claim, a dialogue thread), in it (load, understand, save),
    and after it (rendering and the Bot API calls until the last message arrived)."""
    to_claim, claim, to_dialogue, inside, after = [], [], [], [], []
    for o in officers:
        times = answers.dialogue.get(str(o.user), [])
        if len(times) != steps or len(o.last) != steps:
            continue  # a redelivered or failed update: its answers do not line up with the steps
        for n in range(steps):
            if n in heavy_steps or not o.queued[n]:
                continue
            began, ended, claim_began, claim_ended = times[n]
            to_claim.append(claim_began - o.sent_at[n])
            claim.append(claim_ended - claim_began)
            to_dialogue.append(began - claim_ended)
            inside.append(ended - began)
            after.append(o.last[n] - (ended - o.sent_at[n]))
    if not inside:
        return
    print(f"\n| light steps while drafts queued (n={len(inside)}) | p50 | p95 |\n|---|---|---|")
    for name, xs in (
        ("POST to the event claim (webhook, order, a dialogue thread)", to_claim),
        ("the event claim", claim),
        ("claim end to dialogue start", to_dialogue),
        ("dialogue (session lock, load, understand, save)", inside),
        ("dialogue end to last message (render, Bot API calls)", after),
    ):
        print(f"| {name} | {pct(xs, 50):.3f} s | {pct(xs, 95):.3f} s |")


def report(args, users, setup, officers, answers, sent, stats, checked, lost, database_url) -> None:
    steps = len(conversation(0))
    heavy_steps = {n for n, (_, value) in enumerate(conversation(0)) if value in HEAVY}
    first = [x for o in officers for x in o.first]
    last = [x for o in officers for x in o.last]
    light = [x for o in officers for n, x in enumerate(o.last) if n not in heavy_steps]
    heavy = [x for o in officers for n, x in enumerate(o.last) if n in heavy_steps]
    light_queued = [
        x
        for o in officers
        for n, (x, q) in enumerate(zip(o.last, o.queued, strict=True))
        if n not in heavy_steps and q
    ]
    errors = [e for o in officers for e in o.errors]
    done = sum(1 for o in officers if not o.errors and o.got_docx)
    answered_twice = sum(max(0, len(answers.expected[str(o.user)]) - steps) for o in officers)
    extra = sum(max(0, sent[str(o.user)] - sum(answers.expected[str(o.user)])) for o in officers)
    wall = stats.wall
    engine = database_url.split(":", 1)[0].split("+", 1)[0]
    print(
        f"\n### Telegram load: {users} officers, {args.instances} bot process(es), "
        f"{worker_count(args.heavy_workers)} heavy-work processes each, sessions on {engine}, "
        f"think time {args.think:g} s\n"
    )
    print("| metric | value |\n|---|---|")
    rows = [
        ("setup (bots built, index, pool warm)", f"{setup:.1f} s"),
        ("wall time of the conversations", f"{wall:.1f} s"),
        ("conversations completed with .docx", f"{done}/{users}"),
        ("updates answered", f"{len(last)}"),
        ("answers/s", f"{len(last) / wall:.1f}"),
        ("latency to first message p50 / p95", f"{pct(first, 50):.3f} / {pct(first, 95):.3f} s"),
        ("light steps complete answer p50 / p95", f"{pct(light, 50):.3f} / {pct(light, 95):.3f} s"),
        (
            "light steps sent while drafts queued, p50 / p95 (n)",
            f"{pct(light_queued, 50):.3f} / {pct(light_queued, 95):.3f} s ({len(light_queued)})",
        ),
        ("heavy steps (ยืนยัน, /draft, /export) p50 / p95", f"{pct(heavy, 50):.2f} / {pct(heavy, 95):.2f} s"),
        (
            "CPU of the bots (+ pool workers) / wall",
            f"{stats.bot_cpu:.1f} s / {wall:.1f} s = {stats.bot_pct:.0f}%",
        ),
        ("  of which pool workers", f"{stats.worker_cpu:.1f} s"),
        ("CPU of the bots while drafts queue", f"{stats.queued_pct:.0f}% over {stats.queued_s:.1f} s"),
        ("CPU of this harness (fake Bot API + officers)", f"{stats.harness_cpu:.1f} s"),
        ("whole machine busy (all processes, 2 cores = 200%)", f"{stats.machine_pct:.0f}%"),
        ("load average (1 min) during the run, mean / max", f"{stats.load_mean:.1f} / {stats.load_max:.1f}"),
        ("bot CPU per conversation", f"{stats.bot_cpu / max(1, done):.3f} s"),
        ("duplicate deliveries sent", f"{sum(o.duplicates_sent for o in officers)}"),
        ("duplicate answers (an update answered twice)", f"{answered_twice} (extra messages {extra})"),
        ("lost saves (sessions checked)", f"{lost} ({checked})"),
        ("errors, by kind", f"{len(errors)} {dict(Counter(errors).most_common(4))}" if errors else "0"),
    ]
    for name, value in rows:
        print(f"| {name} | {value} |")
    print_stages(officers, answers, heavy_steps, steps)
    print("\n| step | answers | complete answer p50 / p95 |\n|---|---|---|")
    for n, (action, value) in enumerate(conversation(0)):
        times = [o.last[n] for o in officers if len(o.last) > n]
        label = value.split("\n")[0][:24] + (" …" if "\n" in value else "")
        print(f"| {n + 1}. {action} {label} | {len(times)} | {pct(times, 50):.3f} / {pct(times, 95):.3f} s |")


if __name__ == "__main__":
    sys.exit(main())
