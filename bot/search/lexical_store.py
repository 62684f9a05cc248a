"""The lexical index in PostgreSQL, for several bot instances on one Chroma server (issue 15).

In the embedded default every process holds the BM25 index and every chunk's text and metadata
(bot.search.retrieve). With LEXICAL_STORE=postgres they live in PostgreSQL instead, so a process's
memory no longer grows with the corpus, and every instance ranks what any instance ingested:

* `lex_doc` holds each chunk once (text, metadata, item codes, indicators, the words BM25 indexes:
  its pythainlp tokens with its lead-ins and title words, computed by lexical_corpus, so both modes
  index the same words); `lex_term` one row per (chunk, word) with the word's count and its impact
  (the BM25 term-frequency part), so a long posting list can be read best first.
* The vocabulary the Lexicon reads (document frequencies overall and by agency, and the spellings of
  runs of up to three Thai words) is kept in `lex_df`, `lex_agency_df` and `lex_spelling`, counted
  as sources are copied, so start-up reads none of it: a question reads the rows of its own words.
* The store follows the Chroma index: `ingest` (ingest.py) copies what it wrote, and every retriever
  refresh (FollowingRetriever notices an ingest by any process within seconds) copies the sources
  whose content hash moved, under an advisory lock, so two instances never copy one source twice.

Chroma's own sparse vectors were tried first: chromadb 1.5.9's local build (PersistentClient and
`chroma run`) refuses a sparse vector index ("Sparse vector indexing is not enabled in local") and
answers the Search API with "not implemented for local executor"; only Chroma Cloud ranks with them.
Ranking and the on-demand views the retriever reads are in bot.search.lexical_views.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
import psycopg
from psycopg.types.json import Jsonb

from bot.search.index import KnowledgeIndex, Record
from bot.search.lexical_views import (
    POSTING_CAP,
    StoredLexicon,
    StoredRecords,
    attach_views,
)
from bot.search.lexicon import _FIX_MAX_SPAN, _thai, with_lead_ins
from bot.thai import tokenize

if TYPE_CHECKING:  # retrieve.py imports this module: the retriever's types only for the checker
    from bot.search.retrieve import Retriever, Tuning

__all__ = ["LexicalBackend", "PostgresLexicon", "StoredLexicon", "StoredRecords", "lexical_corpus"]

_VERSION = "3"  # in each source's layout: a store written by an older version is copied again

_SCHEMA = """
CREATE TABLE IF NOT EXISTS lex_source (
    coll text NOT NULL, source_key text NOT NULL, content_hash text NOT NULL, layout text NOT NULL,
    PRIMARY KEY (coll, source_key));
CREATE TABLE IF NOT EXISTS lex_doc (
    pos bigserial PRIMARY KEY, coll text NOT NULL, source_key text NOT NULL, id text NOT NULL,
    agency text NOT NULL, body text NOT NULL, meta jsonb NOT NULL, words text NOT NULL,
    len integer NOT NULL, items text[] NOT NULL, indicators integer[] NOT NULL);
CREATE INDEX IF NOT EXISTS lex_doc_source ON lex_doc (coll, source_key);
CREATE INDEX IF NOT EXISTS lex_doc_id ON lex_doc (coll, id);
CREATE INDEX IF NOT EXISTS lex_doc_items ON lex_doc USING gin (items);
CREATE INDEX IF NOT EXISTS lex_doc_indicators ON lex_doc USING gin (indicators);
CREATE TABLE IF NOT EXISTS lex_term (
    coll text NOT NULL, term text NOT NULL, pos bigint NOT NULL REFERENCES lex_doc ON DELETE CASCADE,
    tf integer NOT NULL, len integer NOT NULL);
ALTER TABLE lex_term ADD COLUMN IF NOT EXISTS impact real NOT NULL DEFAULT 0;
DROP INDEX IF EXISTS lex_term_cover;
CREATE INDEX IF NOT EXISTS lex_term_key ON lex_term (coll, term, pos) INCLUDE (tf, len);
CREATE INDEX IF NOT EXISTS lex_term_impact ON lex_term (coll, term, impact DESC) INCLUDE (pos, tf, len);
CREATE INDEX IF NOT EXISTS lex_term_pos ON lex_term (pos);
CREATE TABLE IF NOT EXISTS lex_df (
    coll text NOT NULL, term text NOT NULL, df integer NOT NULL, PRIMARY KEY (coll, term));
CREATE TABLE IF NOT EXISTS lex_agency_df (
    coll text NOT NULL, term text NOT NULL, agency text NOT NULL, n integer NOT NULL,
    PRIMARY KEY (coll, term, agency));
CREATE TABLE IF NOT EXISTS lex_spelling (
    coll text NOT NULL, joined text NOT NULL, run text NOT NULL, n integer NOT NULL,
    PRIMARY KEY (coll, joined, run));
CREATE INDEX IF NOT EXISTS lex_spelling_len ON lex_spelling (coll, char_length(joined)) WHERE n >= 3;
"""


class LexicalBackend(Protocol):
    """Where the lexical index lives when not in the retriever's process (PostgresLexicon)."""

    def attach(self, retriever: Retriever) -> None:
        """Give the retriever its records, BM25 scorer, lexicon and item/indicator lookups."""


@dataclass(frozen=True)
class Layout:
    """The part of retrieve.Tuning that decides what is stored: the words indexed and their impacts."""

    lead_in: bool = True
    title: int = 2
    title_chars: int = 200
    k1: float = 1.5
    b: float = 0.75


# What ingest copies with, no retriever at hand: Tuning()'s values (tests/test_lexical_store.py checks)
DEFAULT_LAYOUT = Layout()


def lexical_corpus(records: list[Record], tuning: Tuning | Layout) -> list[list[str]]:
    """Return the words BM25 indexes for each record: its tokens, lead-ins and title words."""
    corpus = [r.meta.get("tokens", "").split() or ["<empty>"] for r in records]
    if tuning.lead_in:
        corpus = with_lead_ins(records, corpus)
    if tuning.title:
        # Field weighting: the words of a passage's first line (its title or heading) count twice.
        corpus = [
            tokenize(r.text.split("\n", 1)[0][: tuning.title_chars]) * tuning.title + c
            for r, c in zip(records, corpus, strict=True)
        ]
    return corpus


def psycopg_url(url: str) -> str:
    """Return a libpq URL for a SQLAlchemy one ("postgresql+psycopg://…" -> "postgresql://…")."""
    scheme, sep, rest = url.partition("://")
    return f"{scheme.split('+', 1)[0]}{sep}{rest}" if sep else url


class _Vocab:
    """Changes to the stored vocabulary during one sync, written in one go at its end."""

    def __init__(self) -> None:
        self.df: Counter[tuple[str, ...]] = Counter()
        self.agency: Counter[tuple[str, ...]] = Counter()
        self.spelling: Counter[tuple[str, ...]] = Counter()

    def add(self, words: list[str], agency: str, sign: int = 1) -> None:
        """Count (sign 1) or uncount (sign -1) one chunk's words, as Lexicon counts a passage."""
        for word in set(words):
            self.df[(word,)] += sign
            if agency:
                self.agency[(word, agency)] += sign
        runs = {
            tuple(words[i : i + n])
            for n in range(1, _FIX_MAX_SPAN + 1)
            for i in range(len(words) - n + 1)
            if all(_thai(t) for t in words[i : i + n])
        }
        for run in runs:
            self.spelling[("".join(run), " ".join(run))] += sign

    def write(self, conn: psycopg.Connection, coll: str) -> None:
        _merge(conn, coll, "lex_df", ("term",), "df", self.df)
        _merge(conn, coll, "lex_agency_df", ("term", "agency"), "n", self.agency)
        _merge(conn, coll, "lex_spelling", ("joined", "run"), "n", self.spelling)


def _merge(
    conn: psycopg.Connection, coll: str, table: str, keys: tuple[str, ...], value: str, delta: Counter
) -> None:
    """Add `delta` to a counting table through a temporary table (one COPY, one upsert)."""
    rows = [(*key, n) for key, n in delta.items() if n]
    if not rows:
        return
    cols = ", ".join(keys)
    conn.execute(
        f"CREATE TEMP TABLE lex_delta ({', '.join(f'{k} text' for k in keys)}, n integer) ON COMMIT DROP"
    )
    with conn.cursor() as cur, cur.copy(f"COPY lex_delta ({cols}, n) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    conn.execute(
        f"INSERT INTO {table} (coll, {cols}, {value}) SELECT %s, {cols}, n FROM lex_delta"
        f" ON CONFLICT (coll, {cols}) DO UPDATE SET {value} = {table}.{value} + EXCLUDED.{value}",
        (coll,),
    )
    conn.execute(f"DELETE FROM {table} WHERE coll = %s AND {value} <= 0", (coll,))
    conn.execute("DROP TABLE lex_delta")


class PostgresLexicon:
    """The lexical index of one Chroma collection, kept in PostgreSQL (a retriever's LexicalBackend).

    `posting_cap`: a word in more chunks than this is ranked from its best postings (lexical_views).
    """

    def __init__(self, url: str, collection: str, *, posting_cap: int = POSTING_CAP) -> None:
        self.coll = collection
        self.posting_cap = posting_cap
        self._url = psycopg_url(url)
        self._conn: psycopg.Connection | None = None
        self.lock = threading.RLock()
        with self.lock, self.connection().transaction():
            conn = self.connection()
            conn.execute("SELECT pg_advisory_xact_lock(hashtext('lex_schema'))")
            conn.execute(_SCHEMA)

    def connection(self) -> psycopg.Connection:
        """Return this process's connection (opened again if it was lost)."""
        if self._conn is None or self._conn.closed:
            self._conn = psycopg.connect(self._url, autocommit=True, connect_timeout=5)
        return self._conn

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            if self._conn is not None:
                self._conn.close()

    # ------------------------------------------------------------------ following the Chroma index
    def sync(self, index: KnowledgeIndex, tuning: Tuning | Layout | None = None) -> int:
        """Copy the sources whose content changed in Chroma; drop those gone. Return sources copied."""
        tuning = tuning or DEFAULT_LAYOUT
        layout = f"{_VERSION}:{tuning.lead_in}:{tuning.title}:{tuning.title_chars}"
        got = index.sources.get(include=["metadatas"])
        wanted = {
            i: str((m or {}).get("content_hash", ""))
            for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)
        }
        copied = 0
        with self.lock, self.connection().transaction():
            conn = self.connection()
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"lex:{self.coll}",))
            have: dict[str, str] = dict(
                conn.execute(
                    "SELECT source_key, content_hash || '/' || layout FROM lex_source WHERE coll = %s",
                    (self.coll,),
                ).fetchall()
            )
            if any(not h.endswith(f"/{layout}") for h in have.values()):
                self._wipe(conn)  # another layout (an older version, other tuning): copied anew
                have = {}
            vocab = _Vocab()
            for key in have.keys() - wanted.keys():
                self._drop(conn, key, vocab)
            stale = [k for k, h in wanted.items() if have.get(k) != f"{h}/{layout}"]
            avg = conn.execute("SELECT avg(len) FROM lex_doc WHERE coll = %s", (self.coll,)).fetchone()
            for key in _in_index_order(index, stale):
                if key in have:
                    self._drop(conn, key, vocab)
                self._copy(
                    conn, index, key, f"{wanted[key]}/{layout}", tuning, vocab, avg[0] if avg else None
                )
                copied += 1
            vocab.write(conn, self.coll)
            dropped = bool(have.keys() - wanted.keys())
        if copied or dropped:
            with self.lock:  # the planner's estimates, and index-only scans of the postings
                self.connection().execute("VACUUM (ANALYZE) lex_term, lex_df, lex_agency_df, lex_spelling")
        return copied

    def _wipe(self, conn: psycopg.Connection) -> None:
        for table in ("lex_doc", "lex_source", "lex_df", "lex_agency_df", "lex_spelling"):
            conn.execute(f"DELETE FROM {table} WHERE coll = %s", (self.coll,))

    def _drop(self, conn: psycopg.Connection, key: str, vocab: _Vocab) -> None:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT words, agency FROM lex_doc WHERE coll = %s AND source_key = %s", (self.coll, key)
            )
            for words, agency in cur:
                vocab.add(words.split(), agency, -1)
        conn.execute("DELETE FROM lex_doc WHERE coll = %s AND source_key = %s", (self.coll, key))
        conn.execute("DELETE FROM lex_source WHERE coll = %s AND source_key = %s", (self.coll, key))

    def _copy(
        self,
        conn: psycopg.Connection,
        index: KnowledgeIndex,
        key: str,
        mark: str,
        tuning: Tuning | Layout,
        vocab: _Vocab,
        avg: float | None,
    ) -> None:
        got = index.collection.get(where={"source_key": key}, include=["documents", "metadatas"])
        records = [
            Record(i, d, dict(m))
            for i, d, m in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True)
        ]
        corpus = lexical_corpus(records, tuning)
        avg = float(avg or sum(map(len, corpus)) / max(1, len(corpus)))
        with conn.cursor() as cur:
            cur.execute(
                "SELECT nextval(pg_get_serial_sequence('lex_doc', 'pos')) FROM generate_series(1, %s)",
                (len(records),),
            )
            positions = sorted(p for (p,) in cur.fetchall())
            with cur.copy(
                "COPY lex_doc (pos, coll, source_key, id, agency, body, meta, words, len, items, indicators)"
                " FROM STDIN"
            ) as copy:
                for pos, record, words in zip(positions, records, corpus, strict=True):
                    meta = record.meta
                    agency = meta.get("agency", "")
                    copy.write_row(
                        (
                            pos,
                            self.coll,
                            key,
                            record.id,
                            agency,
                            record.text,
                            Jsonb({k: v for k, v in meta.items() if k != "tokens"}),  # words has them
                            " ".join(words),
                            len(words),
                            _split(meta.get("items", "")),
                            [int(n) for n in _split(meta.get("indicators", ""))],
                        )
                    )
                    vocab.add(words, agency)
            with cur.copy("COPY lex_term (coll, term, pos, tf, len, impact) FROM STDIN") as copy:
                for pos, words in zip(positions, corpus, strict=True):
                    # the BM25 term-frequency part at today's average length: the order of a word's postings
                    norm = tuning.k1 * (1 - tuning.b + tuning.b * len(words) / avg)
                    for term, tf in Counter(words).items():
                        copy.write_row((self.coll, term, pos, tf, len(words), tf / (norm + tf)))
        content_hash, layout = mark.split("/", 1)
        conn.execute(
            "INSERT INTO lex_source VALUES (%s, %s, %s, %s)"
            " ON CONFLICT (coll, source_key) DO UPDATE SET content_hash = EXCLUDED.content_hash, layout = EXCLUDED.layout",
            (self.coll, key, content_hash, layout),
        )

    # ------------------------------------------------------------------ what the retriever reads
    def attach(self, retriever: Retriever) -> None:
        """Sync from the retriever's index, then give it records, scores and lookups read from here."""
        self.sync(retriever.index, retriever.tuning)
        with self.lock:
            conn = self.connection()
            with conn.cursor() as cur:
                cur.execute("SELECT pos FROM lex_doc WHERE coll = %s ORDER BY pos", (self.coll,))
                positions = np.array([p for (p,) in cur], dtype=np.int64)
            agencies = conn.execute(
                "SELECT DISTINCT agency FROM lex_doc WHERE coll = %s AND agency <> '' ORDER BY agency",
                (self.coll,),
            ).fetchall()
            stats = conn.execute(
                "SELECT coalesce(avg(len), 1) FROM lex_doc WHERE coll = %s", (self.coll,)
            ).fetchone()
        attach_views(self, retriever, positions, [a for (a,) in agencies], float(stats[0]) if stats else 1.0)


def _in_index_order(index: KnowledgeIndex, keys: list[str]) -> list[str]:
    """Return source keys in the order Chroma holds their chunks, so positions (and so the order of
    passages with equal scores) are the ones the embedded retriever sees."""
    if len(keys) < 2:
        return keys
    by_prefix = {hashlib.sha1(k.encode()).hexdigest()[:16]: k for k in keys}
    order: dict[str, None] = {}
    for chunk_id in index.collection.get(include=[])["ids"]:
        key = by_prefix.get(chunk_id.split("-", 1)[0])
        if key is not None:
            order.setdefault(key)
    return [*order, *(k for k in keys if k not in order)]


def _split(field: str) -> list[str]:
    return [x for x in field.strip("|").split("|") if x]
