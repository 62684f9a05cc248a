"""Reliability of the session store and the ingest: lost saves, kill -9 restarts, cut ingests, bad files.

Real SQLite files and the real PostgreSQL on 127.0.0.1:5432 (database `test`, trust auth; a fresh
schema per run, dropped after; skipped if unreachable), real Chroma and real subprocesses killed
with SIGKILL. Prints one table per part, CPU time (this process and its children) beside wall time.

    .venv/bin/python benchmarks/reliability_store.py [--writers 50] [--restarts 20] [--cuts 10]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import docx  # noqa: E402
from pypdf import PdfWriter  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.exc import OperationalError  # noqa: E402

from bot.dialogue.sessions import Session, SessionStore  # noqa: E402
from bot.ita.framework import load_framework  # noqa: E402
from bot.ita.playbook import load_playbook  # noqa: E402
from bot.search.documents import UnreadableDocument, read_document  # noqa: E402
from bot.search.embeddings import HashingEmbeddings  # noqa: E402
from bot.search.index import KnowledgeIndex  # noqa: E402
from bot.search.ingest import ingest, knowledge_sources  # noqa: E402

PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
KNOWLEDGE = REPO / "knowledge"
ROW = "O13\tรายงานผลการจัดซื้อจัดจ้าง\t85.50"
THAI = "ผลการประเมินตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้คะแนน 85.50 คะแนน ต้องเผยแพร่ข้อมูล O13 ให้ครบถ้วน"


def cpu_now() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@contextmanager
def timed(row: dict) -> Iterator[None]:
    wall, cpu = time.perf_counter(), cpu_now()
    yield
    row["wall_s"] = round(time.perf_counter() - wall, 2)
    row["cpu_s"] = round(cpu_now() - cpu, 2)


def table(title: str, rows: list[dict]) -> None:
    print(f"\n## {title}\n")
    if not rows:
        print("(nothing ran)")
        return
    keys = list(dict.fromkeys(k for r in rows for k in r))
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r.get(k, "")) for k in keys) + " |")


# ------------------------------------------------------------------ databases
@contextmanager
def databases(tmp: Path) -> Iterator[list[tuple[str, str]]]:
    urls = [("sqlite", f"sqlite:///{tmp / 'sessions.sqlite3'}")]
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(PG_BASE, connect_args={"connect_timeout": 3})
    try:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        urls.append(("postgresql", f"{PG_BASE}?options=-csearch_path%3D{schema}"))
    except OperationalError:
        print("PostgreSQL unreachable on 127.0.0.1:5432: its rows are skipped")
        schema = ""
    try:
        yield urls
    finally:
        if schema:
            with engine.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


def _writer(url: str, writer: int, rounds: int, key: str, store: SessionStore | None = None) -> None:
    own = store or SessionStore(url)
    for _ in range(rounds):
        with own.open(key) as s:
            s.extra["count"] = s.extra.get("count", 0) + 1
            s.extra[f"w{writer}"] = s.extra.get(f"w{writer}", 0) + 1
        with own.open(f"{key}:{writer}") as s:
            s.extra["count"] = s.extra.get("count", 0) + 1
    if store is None:
        own.close()


def lost_saves(url: str, key: str, writers: int, rounds: int) -> int:
    store = SessionStore(url)
    shared = store.load(key).extra
    lost = max(0, writers * rounds - shared.get("count", 0))
    lost += sum(max(0, rounds - shared.get(f"w{w}", 0)) for w in range(writers))
    lost += sum(max(0, rounds - store.load(f"{key}:{w}").extra.get("count", 0)) for w in range(writers))
    store.close()
    return lost


def concurrency(urls: list[tuple[str, str]], writers: int, rounds: int) -> list[dict]:
    rows = []
    fork = multiprocessing.get_context("fork")
    for name, url in urls:
        SessionStore(url).close()
        for mode in ("threads", "processes"):
            key = f"line:{mode}-{uuid.uuid4().hex[:6]}"
            row: dict = {"database": name, "writers": f"{writers} {mode}", "saves": writers * rounds * 2}
            with timed(row):
                if mode == "threads":
                    store = SessionStore(url)
                    workers: list = [
                        threading.Thread(target=_writer, args=(url, w, rounds, key, store))
                        for w in range(writers)
                    ]
                else:
                    workers = [
                        fork.Process(target=_writer, args=(url, w, rounds, key)) for w in range(writers)
                    ]
                for w in workers:
                    w.start()
                for w in workers:
                    w.join()
                if mode == "threads":
                    store.close()
            row["failed_writers"] = 0 if mode == "threads" else sum(1 for w in workers if w.exitcode)
            row["lost_saves"] = lost_saves(url, key, writers, rounds)
            rows.append(row)
    return rows


def _save_new(url: str, key: str, writer: int, barrier) -> None:
    store = SessionStore(url)
    session = Session(key)
    session.extra[f"by{writer}"] = True
    barrier.wait()
    store.save(session)
    store.close()


def new_user_races(urls: list[tuple[str, str]], races: int) -> list[dict]:
    rows = []
    fork = multiprocessing.get_context("fork")
    for name, url in urls:
        row: dict = {"database": name, "races": races}
        both = 0
        with timed(row):
            for n in range(races):
                key = f"line:new-{uuid.uuid4().hex[:8]}-{n}"
                barrier = fork.Barrier(2)
                procs = [fork.Process(target=_save_new, args=(url, key, w, barrier)) for w in (1, 2)]
                for p in procs:
                    p.start()
                for p in procs:
                    p.join()
                store = SessionStore(url)
                both += store.load(key).extra == {"by1": True, "by2": True}
                store.close()
        row["both_saved"] = both
        rows.append(row)
    return rows


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from bot.dialogue.sessions import SessionStore
    store = SessionStore(sys.argv[1])
    key, me = sys.argv[2], sys.argv[3]
    while True:
        with store.open(key) as s:
            s.extra[me] = s.extra.get(me, 0) + 1
            s.extra["total"] = s.extra.get("total", 0) + 1
            mine = s.extra[me]
        print(mine, flush=True)  # acknowledged: the save is committed
    """
)


def kill_restarts(urls: list[tuple[str, str]], restarts: int) -> list[dict]:
    rows = []
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for name, url in urls:
        key = f"line:killed-{uuid.uuid4().hex[:6]}"
        acked = {"a": 0, "b": 0}
        row: dict = {"database": name, "restarts": restarts, "writers": 2}
        lost = 0
        with timed(row):
            for _ in range(restarts):
                procs = {
                    me: subprocess.Popen(
                        [sys.executable, "-c", KILLED_WRITER, url, key, me],
                        cwd=REPO,
                        env=env,
                        stdout=subprocess.PIPE,
                        text=True,
                    )
                    for me in acked
                }
                readers, started = {}, {me: threading.Event() for me in acked}
                for me, proc in procs.items():

                    def read(
                        me: str = me,
                        proc: subprocess.Popen = proc,
                        acked: dict = acked,
                        started: dict = started,
                    ) -> None:
                        assert proc.stdout is not None
                        for line in proc.stdout:
                            acked[me] = max(acked[me], int(line))
                            started[me].set()

                    readers[me] = threading.Thread(target=read)
                    readers[me].start()
                for event in started.values():
                    event.wait(timeout=60)  # both are saving
                time.sleep(random.uniform(0.05, 1.0))
                for proc in procs.values():
                    proc.send_signal(signal.SIGKILL)
                for me, proc in procs.items():
                    proc.wait()
                    readers[me].join()
                stored = SessionStore(url)
                extra = stored.load(key).extra
                stored.close()
                lost += sum(max(0, acked[me] - extra.get(me, 0)) for me in acked)
        row["acknowledged_saves"] = sum(acked.values())
        row["lost_acknowledged"] = lost
        rows.append(row)
    return rows


# ------------------------------------------------------------------ ingest
def _index(path: Path) -> KnowledgeIndex:
    return KnowledgeIndex(path, "ita_bench", HashingEmbeddings(), "hashing-1024-v1")


KILLED_INGEST = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from bot.ita.framework import load_framework
    from bot.ita.playbook import load_playbook
    from bot.search.embeddings import HashingEmbeddings
    from bot.search.index import KnowledgeIndex
    from bot.search.ingest import ingest
    index = KnowledgeIndex(Path(sys.argv[1]), "ita_bench", HashingEmbeddings(), "hashing-1024-v1")
    knowledge = Path(sys.argv[3])
    print("ready", flush=True)
    ingest(index, load_framework(knowledge), load_playbook(knowledge), [Path(sys.argv[2])], progress=False)
    print("done", flush=True)
    """
)


def cut_ingests(tmp: Path, cuts: int) -> list[dict]:
    fw, playbook = load_framework(KNOWLEDGE), load_playbook(KNOWLEDGE)
    big = tmp / "analysis.txt"
    big.write_text("\n\n".join(f"ย่อหน้าที่ {n}: {THAI} รอบที่ {n}" for n in range(800)), encoding="utf-8")
    clean = _index(tmp / "clean")
    clean_start = time.perf_counter()
    ingest(clean, fw, playbook, [big], progress=False)
    clean_s = time.perf_counter() - clean_start
    expected = sorted(clean.collection.get(include=["documents"])["documents"] or [])
    sources = {k: len(v) for k, v in knowledge_sources(fw, playbook).items()}
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    row: dict = {"kills": cuts, "clean_ingest_s": round(clean_s, 1)}
    cut_short = complete = 0
    with timed(row):
        for n in range(cuts):
            chroma = tmp / f"cut-{n}"
            proc = subprocess.Popen(
                [sys.executable, "-c", KILLED_INGEST, str(chroma), str(big), str(KNOWLEDGE)],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert proc.stdout is not None
            proc.stdout.readline()  # "ready": the index is open, the ingest starts now
            time.sleep(random.uniform(0.05, 1.0) * clean_s)  # anywhere in a whole ingest
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            index = _index(chroma)
            partial = any(
                len(index.collection.get(where={"source_key": k}, include=[])["ids"]) not in (0, count)
                for k, count in sources.items()
            ) or bool(index.incomplete_files())
            cut_short += partial
            ingest(index, fw, playbook, [big], progress=False)  # the next run
            complete += sorted(index.collection.get(include=["documents"])["documents"] or []) == expected
            shutil.rmtree(chroma)
    row["left_a_source_partial"] = cut_short
    row["complete_after_next_run"] = complete
    return [row]


def _docx(path: Path, body: str) -> None:
    document = docx.Document()
    document.add_paragraph(body)
    document.save(str(path))


def bad_files(tmp: Path) -> list[dict]:
    fw = load_framework(KNOWLEDGE)
    folder = tmp / "bad"
    folder.mkdir()
    _docx(tmp / "plain.docx", THAI)
    cases: list[tuple[str, Callable[[Path], None]]] = []

    def bomb(path: Path) -> None:
        shutil.copy(tmp / "plain.docx", path)
        with (
            zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
            archive.open("word/media/padding.bin", "w") as part,
        ):
            for _ in range(100):
                part.write(b"\0" * (1024 * 1024))

    def locked(path: Path) -> None:
        writer = PdfWriter()
        writer.add_blank_page(200, 200)
        writer.encrypt("secret", algorithm="RC4-128")
        with open(path, "wb") as fh:
            writer.write(fh)

    cases = [
        ("bomb_100mb_unpacked.docx", bomb),
        ("big_25mb.txt", lambda p: p.write_bytes(("ก" * 1000 + "\n").encode() * 8700)),
        ("long_5mb.txt", lambda p: p.write_text((THAI + "\n") * 18_000, encoding="utf-8")),
        ("rows_10000_identical.txt", lambda p: p.write_text("\n".join([ROW] * 10_000), encoding="utf-8")),
        ("old.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)),
        ("empty.txt", lambda p: p.write_bytes(b"")),
        ("locked.pdf", locked),
        ("utf16.txt", lambda p: p.write_bytes(THAI.encode("utf-16"))),
        ("mixed_utf8_tis620.txt", lambda p: p.write_bytes(THAI.encode() + b"\n" + THAI.encode("cp874"))),
    ]
    rows = []
    for name, make in cases:
        path = folder / name
        make(path)
        nxt = folder / f"next_after_{path.stem}.txt"
        nxt.write_text(f"{THAI} ({name})", encoding="utf-8")
        index = _index(tmp / f"idx-{path.stem}")
        ingest(index, fw, None, [], progress=False)  # the knowledge first, outside the timing
        before = index.count()
        row: dict = {"file": name, "size": f"{path.stat().st_size / 1024 / 1024:.1f} MB"}
        peak0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        try:
            read_document(path)
        except UnreadableDocument:
            row["refused_in_s"] = round(time.perf_counter() - start, 3)
        with timed(row):  # the whole run: this file, then the next one
            report = ingest(index, fw, None, [path, nxt], progress=False)
        row["peak_rss_growth_mb"] = round(
            (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak0) / 1024, 1
        )
        row["stored"] = next((r.chunks for r in report.results if r.source == name), "refused")
        row["next_file_ingested"] = any(r.source == nxt.name and r.status == "added" for r in report.results)
        row["entries_added"] = index.count() - before
        row["message"] = (report.problems[0][:90] + "…") if report.problems else ""
        rows.append(row)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--races", type=int, default=20)
    parser.add_argument("--restarts", type=int, default=20)
    parser.add_argument("--cuts", type=int, default=10)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    random.seed(args.seed)
    print(f"# reliability_store: {os.cpu_count()} CPUs, python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="reliability-") as tmpdir:
        tmp = Path(tmpdir)
        with databases(tmp) as urls:
            table("Concurrent writers (lost saves)", concurrency(urls, args.writers, args.rounds))
            table("Two processes saving the same new user", new_user_races(urls, args.races))
            table("kill -9 restarts of two writer processes", kill_restarts(urls, args.restarts))
        table("Ingest killed with SIGKILL at a random moment, then run again", cut_ingests(tmp, args.cuts))
        table("Bad files (each followed by a good file in the same run)", bad_files(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
