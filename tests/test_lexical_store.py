"""The PostgreSQL lexical store (LEXICAL_STORE=postgres) against the real PostgreSQL on 127.0.0.1.

Its vocabulary tables, its pruned ranking of long posting lists and its copy made by `ingest` itself;
each test in a schema of its own, dropped after (tests/pg.py).
"""

from __future__ import annotations

import shutil
from collections import Counter

import numpy as np
import pytest

from bot.ita.framework import load_framework
from bot.search.embeddings import HashingEmbeddings
from bot.search.index import KnowledgeIndex
from bot.search.ingest import ingest
from bot.search.lexical_store import DEFAULT_LAYOUT, PostgresLexicon, lexical_corpus
from bot.search.lexical_views import StoredLexicon
from bot.search.lexicon import Lexicon
from bot.search.retrieve import Retriever, Tuning
from bot.thai import tokenize
from tests.conftest import KNOWLEDGE_DIR
from tests.pg import drop_schema, pg_schema_url

QUESTIONS = [
    "มาตรการป้องกันการทุจริตของโรงเรียนป่าตาลบ้านธิพิทยาศาสตร์",
    "มาตราการเปิดเผยข้อมุลต้องทำอะไรบ้าง",  # typing slips
    "ทำยังไงให้คะแนนการป้องกันการทุจริตดีขึ้นครับ",
    "แผนปฏิบัติการป้องกันการทุจริตของหน่วยงาน ประจำปี 2566",
    "การมีส่วนร่วมของผู้มีส่วนได้ส่วนเสีย",
]


@pytest.fixture(scope="module")
def fw():
    return load_framework(KNOWLEDGE_DIR)


@pytest.fixture
def pg_url():
    url, schema = pg_schema_url()
    yield url
    drop_schema(schema)


def _index(path, name="lex_test"):
    return KnowledgeIndex(path, name, HashingEmbeddings(), "hashing-1024-v1")


def _table(store: PostgresLexicon, sql: str) -> Counter:
    with store.lock:
        rows = store.connection().execute(sql, (store.coll,)).fetchall()
    return Counter({tuple(r[:-1]): r[-1] for r in rows})


def _recounted(store: PostgresLexicon) -> tuple[Counter, Counter, Counter]:
    """The vocabulary counted again from the stored chunks, as bot.search.lexicon counts it."""
    memory = Lexicon(
        (words.split(), agency)
        for words, agency in store.connection().execute(
            "SELECT words, agency FROM lex_doc WHERE coll = %s", (store.coll,)
        )
    )
    df = Counter({(w,): n for w, n in memory.df.items()})
    by_agency = Counter({(w, a): n for a, c in memory.by_agency.items() for w, n in c.items()})
    return df, by_agency, Counter({(j,): memory._count[j] for j in memory.known})


def test_the_vocabulary_tables_follow_copies_and_drops(tmp_path, seeds_dir, fw, pg_url):
    folder = tmp_path / "docs"
    shutil.copytree(seeds_dir, folder)
    index = _index(tmp_path / "idx")
    store = PostgresLexicon(pg_url, "lex_test")
    try:
        ingest(index, fw, None, [folder], progress=False, lexical=store)
        target = sorted(folder.glob("*.txt"))[0]
        target.write_text("เทศบาลตำบลทดลอง\nมาตรการกล่องรับเรื่องร้องเรียนสีม่วงหน้าสำนักงาน", encoding="utf-8")
        assert ingest(index, fw, None, [folder], progress=False, lexical=store).count("replaced") == 1
        gone = f"file:{sorted(folder.glob('*.txt'))[1].resolve()}"
        index.collection.delete(where={"source_key": gone})
        index.sources.delete(ids=[gone])
        assert store.sync(index) == 0  # a source gone from the index is dropped, nothing copied
        assert len(store.connection().execute("SELECT pos FROM lex_doc").fetchall()) == index.count()

        df, by_agency, spellings = _recounted(store)
        assert len(df) > 1000 and len(by_agency) > 1000
        assert _table(store, "SELECT term, df FROM lex_df WHERE coll = %s") == df
        assert _table(store, "SELECT term, agency, n FROM lex_agency_df WHERE coll = %s") == by_agency
        best = _table(
            store, "SELECT joined, max(n) FROM lex_spelling WHERE coll = %s AND n > 0 GROUP BY joined"
        )
        assert best == spellings
        postings = _table(store, "SELECT term, count(*) FROM lex_term WHERE coll = %s GROUP BY term")
        assert postings == df  # BM25's document frequencies are the Lexicon's
    finally:
        store.close()


def test_the_stored_lexicon_reads_questions_as_the_in_memory_one(tmp_path, seeds_dir, fw, pg_url):
    index = _index(tmp_path / "idx")
    ingest(index, fw, None, [seeds_dir], progress=False)
    records = index.records()
    memory = Lexicon(
        (words, r.meta.get("agency", ""))
        for words, r in zip(lexical_corpus(records, Tuning()), records, strict=True)
    )
    store = PostgresLexicon(pg_url, "lex_test")
    try:
        store.sync(index)
        stored = StoredLexicon(store)
        repaired = named = 0
        for question in QUESTIONS:
            tokens = tokenize(question)
            assert stored.agency_words(tokens) == memory.agency_words(tokens), question
            assert stored.repairs(question) == memory.repairs(question), question
            repaired += bool(memory.repairs(question))
            named += bool(memory.agency_words(tokens))
        assert repaired and named  # the questions exercise both readings
    finally:
        store.close()


def test_a_capped_posting_list_still_scores_its_candidates_in_full(tmp_path, seeds_dir, fw, pg_url):
    index = _index(tmp_path / "idx")
    ingest(index, fw, None, [seeds_dir], progress=False)
    exact_store = PostgresLexicon(pg_url, "lex_test")
    capped_store = PostgresLexicon(pg_url, "lex_test", posting_cap=30)  # of ~645 chunks
    try:
        exact = Retriever(index, fw, lexical=exact_store)
        capped = Retriever(index, fw, lexical=capped_store)

        pruned = 0
        for question in QUESTIONS:
            tokens = tokenize(question)
            full = exact.bm25.get_scores(tokens)
            some = capped.bm25.get_scores(tokens)
            found = np.flatnonzero(some)
            assert len(found) > 10
            # every chunk the capped ranking returns has its full score, long lists' words included
            assert np.allclose(some[found], full[found], rtol=1e-5)
            assert int(np.argmax(some)) == int(np.argmax(full)), question
            pruned += int(len(found) < np.count_nonzero(full))
        assert pruned  # the cap did leave chunks out
    finally:
        exact_store.close()
        capped_store.close()


def test_ingest_copies_into_the_store_itself(tmp_path, seeds_dir, fw, pg_url):
    index = _index(tmp_path / "idx")
    store = PostgresLexicon(pg_url, "lex_test")
    try:
        report = ingest(index, fw, None, [seeds_dir], progress=False, lexical=store)
        assert report.copy_seconds > 0
        copied = store.connection().execute("SELECT count(*) FROM lex_doc WHERE coll = 'lex_test'").fetchone()
        assert copied == (index.count(),)
        assert store.sync(index) == 0  # nothing left for a running instance to copy
        again = ingest(index, fw, None, [seeds_dir], progress=False, lexical=store)
        assert again.count("unchanged") == 6  # the framework and the five files
    finally:
        store.close()


def test_ingest_copies_with_the_retrievers_default_layout():
    tuning = Tuning()
    assert {k: getattr(tuning, k) for k in vars(DEFAULT_LAYOUT)} == vars(DEFAULT_LAYOUT)
