"""The lexical index in PostgreSQL, for several bot instances on one Chroma server (issue 15).

In the embedded default every process holds the BM25 index and every chunk's text and metadata
(bot.search.retrieve). With LEXICAL_STORE=postgres they live in PostgreSQL instead, so a process's
memory no longer grows with the corpus, and every instance ranks what any instance ingested:

* `lex_doc` holds each chunk once (text, metadata, item codes, indicators, the words BM25 indexes:
  its pythainlp tokens with its lead-ins and title words, computed by retrieve.lexical_corpus, so
  both modes index the same words); `lex_term` one row per (chunk, word) with the word's count.
* BM25 is computed in SQL with bm25s's formula (Lucene idf, Robertson term frequency), so server
  mode ranks as the embedded mode does.
* The store follows the Chroma index: on every retriever refresh (FollowingRetriever notices an
  ingest by any process within seconds) the sources whose content hash moved are copied over, under
  an advisory lock, so two instances never copy one source twice.

Chroma's own sparse vectors were tried first: chromadb 1.5.9's local build (PersistentClient and
`chroma run`) refuses a sparse vector index ("Sparse vector indexing is not enabled in local") and
answers the Search API with "not implemented for local executor"; only Chroma Cloud ranks with them.
What the process still holds: chunk positions (8 bytes each), the Lexicon (the index's vocabulary and
agency names, streamed from the store to build it) and a bounded cache of recently read records.
It is a little over 400 lines: the schema, the SQL ranking and the on-demand views the retriever reads
(records, lookups, scores) change together, so they stay in one module.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import psycopg
from psycopg.types.json import Jsonb

from bot.search.index import KnowledgeIndex, Record
from bot.search.lexicon import Lexicon, with_lead_ins
from bot.thai import tokenize

if TYPE_CHECKING:  # retrieve.py imports this module: the retriever's types only for the checker
    from collections.abc import Sequence

    from bot.search.retrieve import Retriever, Tuning

_CACHE = 2048  # records kept in memory (recently ranked ones)
_TOP = 1000  # chunks the SQL ranking returns; the retriever takes its pool of 50 from them
_PREFETCH = 100  # of those, the best are read with their text in the same round trip

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
CREATE INDEX IF NOT EXISTS lex_term_cover ON lex_term (coll, term) INCLUDE (pos, tf, len);
CREATE TABLE IF NOT EXISTS lex_df (
    coll text NOT NULL, term text NOT NULL, df integer NOT NULL, PRIMARY KEY (coll, term));
CREATE INDEX IF NOT EXISTS lex_term_pos ON lex_term (pos);
"""

# bm25s (method "lucene"): idf = ln(1 + (N - df + 0.5) / (df + 0.5)); tf part = tf / (k1 (1 - b + b dl / avgdl) + tf),
# summed over the query's words, a repeated word counted each time.
_RANK = """
WITH q AS (SELECT d.term, count(*)::float8 * ln(1.0::float8 + (%(n)s::float8 - d.df + 0.5::float8) / (d.df + 0.5::float8))
                  AS idf
           FROM unnest(%(terms)s::text[]) AS u (term) JOIN lex_df d ON d.coll = %(coll)s AND d.term = u.term
           GROUP BY d.term, d.df)
SELECT t.pos, sum(q.idf * t.tf / (%(k1)s::float8 * ((1.0::float8 - %(b)s::float8) + %(b)s::float8 * t.len / %(avg)s::float8)
                  + t.tf)) AS score
FROM q JOIN lex_term t ON t.coll = %(coll)s AND t.term = q.term
WHERE t.pos <= %(last)s
GROUP BY t.pos ORDER BY score DESC, t.pos LIMIT %(top)s
"""


class LexicalBackend(Protocol):
    """Where the lexical index lives when not in the retriever's process (PostgresLexicon)."""

    def attach(self, retriever: Retriever) -> None:
        """Give the retriever its records, BM25 scorer, lexicon and item/indicator lookups."""


def lexical_corpus(records: list[Record], tuning: Tuning) -> list[list[str]]:
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


class PostgresLexicon:
    """The lexical index of one Chroma collection, kept in PostgreSQL (a retriever's LexicalBackend)."""

    def __init__(self, url: str, collection: str) -> None:
        self.coll = collection
        self._url = psycopg_url(url)
        self._conn: psycopg.Connection | None = None
        self._lock = threading.RLock()
        with self._lock, self.connection().transaction():
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
        with self._lock:
            if self._conn is not None:
                self._conn.close()

    # ------------------------------------------------------------------ following the Chroma index
    def sync(self, index: KnowledgeIndex, tuning: Tuning) -> int:
        """Copy the sources whose content changed in Chroma; drop those gone. Return sources copied."""
        layout = f"{tuning.lead_in}:{tuning.title}:{tuning.title_chars}"
        got = index.sources.get(include=["metadatas"])
        wanted = {
            i: str((m or {}).get("content_hash", ""))
            for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)
        }
        copied = 0
        with self._lock, self.connection().transaction():
            conn = self.connection()
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"lex:{self.coll}",))
            have: dict[str, str] = dict(
                conn.execute(
                    "SELECT source_key, content_hash || '/' || layout FROM lex_source WHERE coll = %s",
                    (self.coll,),
                ).fetchall()
            )
            for key in have.keys() - wanted.keys():
                self._drop(conn, key)
            stale = [k for k, h in wanted.items() if have.get(k) != f"{h}/{layout}"]
            for key in _in_index_order(index, stale):
                self._copy(conn, index, key, wanted[key], layout, tuning)
                copied += 1
        if copied:
            with self._lock:  # the planner's estimates, and index-only scans of the postings
                self.connection().execute("VACUUM (ANALYZE) lex_term, lex_df")
        return copied

    def _drop(self, conn: psycopg.Connection, key: str) -> None:
        conn.execute(
            "UPDATE lex_df d SET df = d.df - x.n FROM (SELECT t.term, count(*) AS n FROM lex_term t"
            " JOIN lex_doc USING (pos) WHERE lex_doc.coll = %s AND lex_doc.source_key = %s GROUP BY t.term) x"
            " WHERE d.coll = %s AND d.term = x.term",
            (self.coll, key, self.coll),
        )
        conn.execute("DELETE FROM lex_doc WHERE coll = %s AND source_key = %s", (self.coll, key))
        conn.execute("DELETE FROM lex_source WHERE coll = %s AND source_key = %s", (self.coll, key))

    def _copy(
        self,
        conn: psycopg.Connection,
        index: KnowledgeIndex,
        key: str,
        content_hash: str,
        layout: str,
        tuning: Tuning,
    ) -> None:
        self._drop(conn, key)
        got = index.collection.get(where={"source_key": key}, include=["documents", "metadatas"])
        records = [
            Record(i, d, dict(m))
            for i, d, m in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True)
        ]
        corpus = lexical_corpus(records, tuning)
        terms: list[tuple[str, str, int, int, int]] = []
        with conn.cursor() as cur:
            for record, words in zip(records, corpus, strict=True):
                meta = record.meta
                cur.execute(
                    "INSERT INTO lex_doc (coll, source_key, id, agency, body, meta, words, len, items, indicators)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING pos",
                    (
                        self.coll,
                        key,
                        record.id,
                        meta.get("agency", ""),
                        record.text,
                        Jsonb({k: v for k, v in meta.items() if k != "tokens"}),  # the words column has them
                        " ".join(words),
                        len(words),
                        _split(meta.get("items", "")),
                        [int(n) for n in _split(meta.get("indicators", ""))],
                    ),
                )
                row = cur.fetchone()
                assert row is not None
                terms.extend((self.coll, term, row[0], tf, len(words)) for term, tf in Counter(words).items())
            with cur.copy("COPY lex_term (coll, term, pos, tf, len) FROM STDIN") as copy:
                for term_row in terms:
                    copy.write_row(term_row)
            df = Counter(term for _, term, _, _, _ in terms)
            cur.executemany(
                "INSERT INTO lex_df VALUES (%s, %s, %s)"
                " ON CONFLICT (coll, term) DO UPDATE SET df = lex_df.df + EXCLUDED.df",
                [(self.coll, term, n) for term, n in df.items()],
            )
        conn.execute(
            "INSERT INTO lex_source VALUES (%s, %s, %s, %s)"
            " ON CONFLICT (coll, source_key) DO UPDATE SET content_hash = EXCLUDED.content_hash, layout = EXCLUDED.layout",
            (self.coll, key, content_hash, layout),
        )

    # ------------------------------------------------------------------ what the retriever reads
    def attach(self, retriever: Retriever) -> None:
        """Sync from the retriever's index, then give it records, scores and lookups read from here."""
        self.sync(retriever.index, retriever.tuning)
        with self._lock:
            conn = self.connection()
            rows = conn.execute(
                "SELECT pos FROM lex_doc WHERE coll = %s ORDER BY pos", (self.coll,)
            ).fetchall()
            positions = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
            del rows
            agencies = conn.execute(
                "SELECT DISTINCT agency FROM lex_doc WHERE coll = %s AND agency <> '' ORDER BY agency",
                (self.coll,),
            ).fetchall()
            stats = conn.execute(
                "SELECT coalesce(avg(len), 1) FROM lex_doc WHERE coll = %s", (self.coll,)
            ).fetchone()
        records = StoredRecords(self, positions)
        retriever.records = records
        retriever.agencies = [a for (a,) in agencies]
        retriever.position = _Positions(records)
        retriever._by_item = _Lookup(records, "items", str)
        retriever._by_indicator = _Lookup(records, "indicators", int)
        retriever.bm25 = _Scorer(records, retriever.tuning, float(stats[0]) if stats else 1.0)
        retriever.lexicon = Lexicon(self._passages())

    def _passages(self) -> Iterator[tuple[list[str], str]]:
        """Stream (words, agency) of every chunk, for the Lexicon (nothing kept per chunk)."""
        with self._lock, self.connection().transaction(), self.connection().cursor(name="lexicon") as cur:
            cur.itersize = 2000
            cur.execute("SELECT words, agency FROM lex_doc WHERE coll = %s ORDER BY pos", (self.coll,))
            for words, agency in cur:
                yield words.split(), agency


class StoredRecords:
    """The retriever's `records`: position i -> Record, read from PostgreSQL on demand (LRU cached)."""

    def __init__(self, store: PostgresLexicon, positions: np.ndarray) -> None:
        self.store = store
        self.positions = positions  # local position i -> lex_doc.pos, ascending
        self._cache: OrderedDict[int, Record] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.positions)

    def __bool__(self) -> bool:
        return len(self.positions) > 0

    def local(self, pos: Sequence[int]) -> list[int]:
        """Return the local positions of stored ones (those added after the last refresh are left out)."""
        arr = np.asarray(pos, dtype=np.int64)
        at = np.searchsorted(self.positions, arr)
        ok = (at < len(self.positions)) & (self.positions[np.minimum(at, len(self.positions) - 1)] == arr)
        return [int(i) for i in at[ok]] if len(self.positions) else []

    def __getitem__(self, i: int) -> Record:
        with self._lock:
            if i in self._cache:
                self._cache.move_to_end(i)
                return self._cache[i]
        self.load([i])
        with self._lock:
            return self._cache[i]

    def __iter__(self) -> Iterator[Record]:
        for i in range(len(self)):
            yield self[i]

    def load(self, local: list[int]) -> None:
        """Read the records at these local positions in one round trip, into the cache."""
        with self._lock:
            missing = [i for i in local if i not in self._cache]
        if not missing:
            return
        pos = [int(self.positions[i]) for i in missing]
        with self.store._lock:
            rows = (
                self.store.connection()
                .execute("SELECT pos, id, body, meta FROM lex_doc WHERE pos = ANY(%s)", (pos,))
                .fetchall()
            )
        by_pos = {p: Record(rid, body, dict(meta)) for p, rid, body, meta in rows}
        with self._lock:
            for i, p in zip(missing, pos, strict=True):
                self._cache[i] = by_pos.get(p) or Record(f"gone-{p}", "", {})  # dropped by a later ingest
            while len(self._cache) > _CACHE:
                self._cache.popitem(last=False)


class _Scorer:
    """The retriever's `bm25`: get_scores(tokens) as an array over local positions, ranked in SQL."""

    def __init__(self, records: StoredRecords, tuning: Tuning, avg_len: float) -> None:
        self.records = records
        self.k1, self.b, self.avg = tuning.k1, tuning.b, avg_len

    def get_scores(self, tokens: list[str]) -> np.ndarray:
        records = self.records
        scores = np.zeros(len(records), dtype=np.float32)
        if not len(records):
            return scores
        params: dict[str, Any] = {
            "terms": list(tokens),
            "coll": records.store.coll,
            "n": len(records),
            "k1": self.k1,
            "b": self.b,
            "avg": self.avg,
            "last": int(records.positions[-1]),
            "top": _TOP,
        }
        with records.store._lock:
            rows = records.store.connection().execute(_RANK, params).fetchall()
        local = records.local([p for p, _ in rows])
        kept = {int(records.positions[i]): i for i in local}
        ranked = [(kept[p], s) for p, s in rows if p in kept]
        for i, s in ranked:
            scores[i] = s
        records.load([i for i, _ in ranked[:_PREFETCH]])
        return scores


class _Lookup(dict):
    """The retriever's `_by_item` / `_by_indicator`: chunks carrying a code or indicator, read on demand."""

    def __init__(self, records: StoredRecords, column: str, kind: type) -> None:
        super().__init__()
        self.records, self.column, self.kind = records, column, kind

    def get(self, key: Any, default: Any = None) -> Any:
        if key in self:
            return self[key]
        store = self.records.store
        with store._lock:
            rows = (
                store.connection()
                .execute(
                    f"SELECT pos FROM lex_doc WHERE coll = %s AND %s = ANY({self.column}) ORDER BY pos",
                    (store.coll, self.kind(key)),
                )
                .fetchall()
            )
        found = self.records.local([p for (p,) in rows])
        if len(self) < 4096:
            self[key] = found
        return found or default


class _Positions(dict):
    """The retriever's `position`: chunk id -> local position, read on demand (the vector side)."""

    def __init__(self, records: StoredRecords) -> None:
        super().__init__()
        self.records = records

    def get(self, key: Any, default: Any = None) -> Any:
        store = self.records.store
        with store._lock:
            row = (
                store.connection()
                .execute("SELECT pos FROM lex_doc WHERE coll = %s AND id = %s", (store.coll, key))
                .fetchone()
            )
        found = self.records.local([row[0]]) if row else []
        return found[0] if found else default


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
