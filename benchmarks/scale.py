#!/usr/bin/env python3
"""Scale curve (issue 15): 1x, 10x and 100x the seeds, embedded index versus a Chroma server.

    .venv/bin/python benchmarks/scale.py                    # 1x, 10x, 100x; embedded and server
    .venv/bin/python benchmarks/scale.py --scales 1 10 30 100 --modes server-pg

For each mode the corpus grows through the scales, in one index (one Chroma server, one PostgreSQL
schema): it is written from the five seed documents (tests/data/seeds), copy k of a seed having every
line marked "(ฉบับที่ k)", so no chunk is a duplicate of another (the index stores identical chunks
once) while the words stay real agency Thai. At each scale the copies added since the last one are
ingested (the files already indexed are found unchanged), then, each in a fresh process so that
memory is that process's own:
  * ingest (as ingest.py does it): wall and CPU seconds, characters per second of the added copies;
  * start-up of a bot process: build the knowledge and the retriever;
  * RSS after start-up and after 40 officer questions;
  * query p50 / p95 (wall) and CPU per query over those questions.
Server mode starts `chroma run` on 127.0.0.1 (the command the chromadb package installs);
server-pg adds LEXICAL_STORE=postgres (the BM25 index in PostgreSQL, a fresh schema of --pg per mode):
its ingest figure includes the copy into PostgreSQL that ingest() makes (timed apart too). CPU is this
process's own: PostgreSQL's and the Chroma server's work is in their processes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "tests" / "data" / "seeds"
CHROMA = Path(sys.executable).with_name("chroma")


def write_corpus(folder: Path, copies: int, start: int = 0) -> int:
    """Write marked copies start+1 .. `copies` of every seed into folder; return the characters written."""
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for seed in sorted(SEEDS.glob("*.txt")):
        lines = seed.read_text(encoding="utf-8").splitlines()
        for k in range(start, copies):
            mark = f" (ฉบับที่ {k + 1})" if k else ""
            text = "\n".join(line + mark if line.strip() else line for line in lines)
            (folder / f"{seed.stem}-{k + 1:03d}.txt").write_text(text, encoding="utf-8")
            chars += len(text)
    return chars


def _settings(data_dir: Path, port: int | None):
    from bot.settings import Settings

    extra: dict = {"chroma_host": "127.0.0.1", "chroma_port": port} if port else {}
    if os.environ.get("SCALE_LEXICAL_URL"):
        extra.update(lexical_store="postgres", lexical_database_url=os.environ["SCALE_LEXICAL_URL"])
    return Settings(_env_file=None, data_dir=data_dir, collection="scale", **extra)


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child_ingest(data_dir: Path, port: int | None, corpus: Path) -> dict:
    from bot.app import build_knowledge
    from bot.offline import configure_offline
    from bot.search.ingest import ingest

    configure_offline(data_dir)
    kb = build_knowledge(_settings(data_dir, port))
    w0, c0 = time.perf_counter(), _cpu()
    report = ingest(kb.index, kb.framework, kb.playbook, [corpus], progress=False, lexical=kb.lexical)
    return {
        "ingest_wall": time.perf_counter() - w0,
        "ingest_cpu": _cpu() - c0,
        "copy_wall": report.copy_seconds,
        "chunks": kb.index.count(),
        "problems": len(report.problems),
    }


def child_serve(data_dir: Path, port: int | None) -> dict:
    import yaml

    from bot.app import build_knowledge
    from bot.offline import configure_offline

    configure_offline(data_dir)
    w0, c0 = time.perf_counter(), _cpu()
    kb = build_knowledge(_settings(data_dir, port))
    retriever = kb.retriever  # reads every chunk and builds the lexical index
    start_wall, start_cpu, rss_start = time.perf_counter() - w0, _cpu() - c0, _rss_mb()
    questions = yaml.safe_load((REPO / "benchmarks" / "retrieval_officer.yaml").read_text(encoding="utf-8"))
    asked = [q["q"] for q in questions["questions"]][:40]
    walls, c1 = [], _cpu()
    for q in asked:
        t = time.perf_counter()
        retriever.search(q, k=5)
        walls.append(time.perf_counter() - t)
    walls.sort()
    return {
        "start_wall": start_wall,
        "start_cpu": start_cpu,
        "rss_start": rss_start,
        "rss_after": _rss_mb(),
        "p50_ms": 1000 * statistics.median(walls),
        "p95_ms": 1000 * walls[int(0.95 * (len(walls) - 1))],
        "cpu_per_query_ms": 1000 * (_cpu() - c1) / len(asked),
        "chunks": len(retriever.records),
    }


_REPLICATE = [
    # copy 1 of each seed, `k` more times: fresh positions, its agency named apart (a new agency each)
    "CREATE TEMP TABLE m AS SELECT d.pos AS old, k, 0::bigint AS new FROM lex_doc d, generate_series(%(a)s::int, %(b)s::int) k"
    " WHERE d.coll = %(coll)s AND d.source_key LIKE 'file:%%-001.txt' AND d.id NOT LIKE '%%~%%'"
    " ORDER BY k, d.pos",
    "UPDATE m SET new = nextval(pg_get_serial_sequence('lex_doc', 'pos'))",
    "INSERT INTO lex_doc (pos, coll, source_key, id, agency, body, meta, words, len, items, indicators)"
    " SELECT m.new, coll, source_key, id || '~' || m.k, CASE WHEN agency <> '' THEN agency || ' ' || m.k ELSE '' END,"
    " body, meta, words, len, items, indicators FROM lex_doc d JOIN m ON m.old = d.pos",
    "INSERT INTO lex_term (coll, term, pos, tf, len, impact)"
    " SELECT coll, term, m.new, tf, len, impact FROM lex_term t JOIN m ON m.old = t.pos",
    # the vocabulary counted again from the postings (spellings are not: their counts stay at the ingested size)
    "DELETE FROM lex_df WHERE coll = %(coll)s",
    "INSERT INTO lex_df SELECT coll, term, count(*) FROM lex_term WHERE coll = %(coll)s GROUP BY coll, term",
    "DELETE FROM lex_agency_df WHERE coll = %(coll)s",
    "INSERT INTO lex_agency_df SELECT t.coll, t.term, d.agency, count(*) FROM lex_term t JOIN lex_doc d USING (pos)"
    " WHERE t.coll = %(coll)s AND d.agency <> '' GROUP BY t.coll, t.term, d.agency",
    "DROP TABLE m",
]


def replicate(url: str, first: int, last: int) -> None:
    """Add copies first..last of every seed to the PostgreSQL lexical store only (see --replicate-above)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        with conn.transaction():
            for statement in _REPLICATE:
                conn.execute(statement, {"a": first, "b": last, "coll": "scale"})
        conn.execute("VACUUM (ANALYZE) lex_doc, lex_term, lex_df, lex_agency_df")


def _pg(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement.encode())  # a schema name of ours


def _in_child(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


class ChromaServer:
    """`chroma run` on a free port of 127.0.0.1, its data in a temporary folder."""

    def __enter__(self) -> int:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self.folder = Path(tempfile.mkdtemp(prefix="ita-scale-chroma-"))
        self.proc = subprocess.Popen(
            [str(CHROMA), "run", "--path", str(self.folder), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1).close()
                return self.port
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("chroma run did not start")

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)
        shutil.rmtree(self.folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument(
        "--modes",
        nargs="+",
        default=["embedded", "server", "server-pg"],
        choices=["embedded", "server", "server-pg"],
    )
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test", help="for server-pg")
    parser.add_argument(
        "--replicate-above",
        type=int,
        default=0,
        help="server-pg: scales above this one are reached in PostgreSQL alone, copying the chunks and "
        "postings of copy 1 of each seed in SQL (Chroma keeps the last ingested scale)",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        role, data_dir, port = args.child[0], Path(args.child[1]), int(args.child[2]) or None
        result = (
            child_ingest(data_dir, port, Path(args.child[3]))
            if role == "ingest"
            else child_serve(data_dir, port)
        )
        print(json.dumps(result))
        return 0

    print(f"### Scale curve ({os.cpu_count()} CPUs; `python benchmarks/scale.py`)\n")
    print(
        "| mode | scale | chunks served | chunks in Chroma | ingest of the added copies, chars/s (wall; CPU s) | start-up wall / CPU |"
        " RSS after start / after 40 queries | query p50 / p95 | CPU per query | load (1 min) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for mode in args.modes:
        work = Path(tempfile.mkdtemp(prefix=f"ita-scale-{mode}-"))
        server, port = (ChromaServer(), 0) if mode.startswith("server") else (None, 0)
        if server is not None:
            port = server.__enter__()
        schema = f"scale_{os.getpid()}_{mode.replace('-', '_')}"
        if mode == "server-pg":
            _pg(args.pg, f'CREATE SCHEMA "{schema}"')
            os.environ["SCALE_LEXICAL_URL"] = f"{args.pg}?options=-csearch_path%3D{schema}"
        try:
            done = in_chroma = 0
            for scale in sorted(args.scales):
                if mode == "server-pg" and 0 < args.replicate_above < scale:
                    w0 = time.perf_counter()
                    replicate(os.environ["SCALE_LEXICAL_URL"], done + 1, scale)
                    done_at, done = done, scale
                    ingested = (
                        f"{in_chroma:,} | copies {done_at + 1}-{scale} of seed copy 1, made in PostgreSQL only "
                        f"({time.perf_counter() - w0:.0f} s)"
                    )
                else:
                    chars = write_corpus(work / "corpus", scale, done)
                    done = scale
                    ing = _in_child("ingest", str(work / "data"), str(port), str(work / "corpus"))
                    in_chroma = ing["chunks"]
                    copy = f"; PostgreSQL copy {ing['copy_wall']:.1f} s" if mode == "server-pg" else ""
                    ingested = (
                        f"{ing['chunks']:,} | {chars / ing['ingest_wall']:,.0f} "
                        f"({ing['ingest_wall']:.1f} s; {ing['ingest_cpu']:.1f}{copy})"
                    )
                srv = _in_child("serve", str(work / "data"), str(port))
                print(
                    f"| {mode} | {scale}× | {srv['chunks']:,} | {ingested} | "
                    f"{srv['start_wall']:.1f} s / {srv['start_cpu']:.1f} s | "
                    f"{srv['rss_start']:.0f} / {srv['rss_after']:.0f} MB | "
                    f"{srv['p50_ms']:.0f} / {srv['p95_ms']:.0f} ms | {srv['cpu_per_query_ms']:.0f} ms | "
                    f"{os.getloadavg()[0]:.1f} |",
                    flush=True,
                )
        finally:
            os.environ.pop("SCALE_LEXICAL_URL", None)
            if mode == "server-pg":
                _pg(args.pg, f'DROP SCHEMA "{schema}" CASCADE')
            if server is not None:
                server.__exit__()
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
