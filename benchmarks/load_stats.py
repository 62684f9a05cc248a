"""CPU, load and percentiles of the load runs (benchmarks/load_telegram.py), from Linux /proc.

`CpuSampler` samples every `every` seconds: the CPU time of each bot process and all its
descendants (the heavy-work pool's workers), this harness's own CPU time, the whole machine's busy
time (/proc/stat) and the 1-minute load average; and it marks the intervals in which drafts queue
(`queued()`: more heavy steps waiting than pool workers), so the bots' CPU share over exactly
those intervals can be given. Beside them, the small helpers a run needs: a free port, waiting
for a bot to serve, and the sessions database (SQLite, or a fresh PostgreSQL schema).
"""

from __future__ import annotations

import os
import secrets
import socket
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

TICK = os.sysconf("SC_CLK_TCK")
PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def pct(values: list[float], q: int) -> float:
    """Return the q-th percentile (statistics.quantiles' default method), or the one value there is."""
    return statistics.quantiles(values, n=100)[q - 1] if len(values) >= 2 else (values[0] if values else 0.0)


def descendants(pid: int) -> list[int]:
    """Return pid and every process under it (children of each of its threads, recursively)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue  # ended meanwhile
    return found


def process_cpu(pid: int) -> float:
    """Return a process's user + system CPU seconds (0 once it ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def machine_busy() -> tuple[float, float]:
    """Return (busy, total) CPU seconds of the whole machine since boot, over all cores."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values) - idle) / TICK, sum(values) / TICK


@dataclass
class Stats:
    wall: float
    bot_cpu: float
    worker_cpu: float
    queued_s: float
    queued_cpu: float
    harness_cpu: float
    machine_pct: float
    load_mean: float
    load_max: float

    @property
    def bot_pct(self) -> float:
        return 100 * self.bot_cpu / self.wall if self.wall else 0.0

    @property
    def queued_pct(self) -> float:
        return 100 * self.queued_cpu / self.queued_s if self.queued_s else 0.0


class CpuSampler(threading.Thread):
    """Sample the bots' CPU (with their pool workers) while the officers talk."""

    def __init__(self, bots: list[int], *, queued: Callable[[], bool], every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.bots, self.queued, self.every = bots, queued, every
        self._halt = threading.Event()
        self._per_pid: dict[int, tuple[float, float]] = {}  # pid -> (first seen, last seen) CPU
        self._queued_s = self._queued_cpu = 0.0
        self._loads: list[float] = []

    def _bot_cpu(self) -> float:
        for root in self.bots:
            for pid in descendants(root):
                cpu = process_cpu(pid)
                first = self._per_pid.get(pid, (cpu, cpu))[0]
                self._per_pid[pid] = (first, max(cpu, self._per_pid.get(pid, (0.0, 0.0))[1]))
        return sum(last - first for first, last in self._per_pid.values())

    def run(self) -> None:
        self._t0 = last_t = time.monotonic()
        self._h0 = time.process_time()
        self._m0 = machine_busy()
        last_cpu = self._bot_cpu()
        while not self._halt.wait(self.every):
            queued = self.queued()
            now, cpu = time.monotonic(), self._bot_cpu()
            if queued:
                self._queued_s += now - last_t
                self._queued_cpu += cpu - last_cpu
            self._loads.append(os.getloadavg()[0])
            last_t, last_cpu = now, cpu

    def stop(self) -> Stats:
        self._halt.set()
        self.join()
        wall = time.monotonic() - self._t0
        bot = self._bot_cpu()
        workers = sum(
            last - first for pid, (first, last) in self._per_pid.items() if pid not in set(self.bots)
        )
        busy, total = machine_busy()
        machine = 100 * os.cpu_count() * (busy - self._m0[0]) / max(1e-9, total - self._m0[1])  # type: ignore[operator]
        loads = self._loads or [os.getloadavg()[0]]
        return Stats(
            wall=wall,
            bot_cpu=bot,
            worker_cpu=workers,
            queued_s=self._queued_s,
            queued_cpu=self._queued_cpu,
            harness_cpu=time.process_time() - self._h0,
            machine_pct=machine,
            load_mean=statistics.fmean(loads),
            load_max=max(loads),
        )


def wait_serving(ports: list[int], timeout: float) -> None:
    """Wait until every bot's webhook server answers /healthz."""
    deadline = time.monotonic() + timeout
    for port in ports:
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the bot on port {port} did not start serving")
            time.sleep(0.2)


def free_port() -> int:

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database(args, data_dir: Path) -> tuple[str, str]:
    """Return (sessions URL, PostgreSQL schema to drop or "")."""
    if args.database_url:
        return args.database_url, ""
    if args.instances == 1 and not args.postgres:
        return f"sqlite:///{data_dir / 'sessions.sqlite3'}", ""
    from sqlalchemy import create_engine, text

    schema = f"load_{secrets.token_hex(6)}"
    engine = create_engine(PG_BASE)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return f"{PG_BASE}?options=-csearch_path%3D{schema}", schema


def drop_schema(schema: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_BASE)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()
