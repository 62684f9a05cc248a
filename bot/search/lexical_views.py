"""What a retriever reads from the PostgreSQL lexical store (bot.search.lexical_store), on demand.

* `StoredRecords`: position -> Record, read in batches and kept in a bounded cache.
* `_Scorer`: BM25 ranked in SQL with bm25s's formula (Lucene idf, Robertson term frequency). A word
  in more than `posting_cap` chunks (a very common one, of low idf) is read from its `posting_cap`
  best postings only (the impact order of `lex_term_impact`); the best candidates are then scored in
  full, those long lists' postings in them read by position, so a candidate's score is exact. While
  no word of a question is in more chunks than the cap (the whole 1x corpus), the ranking is exactly
  the in-memory one; above it a chunk that holds only common words, none in its best postings, can
  be missed. A question's cost is bounded by its words times the cap, not by the corpus.
* `_Lookup`: the chunks carrying an item code or indicator (GIN indexes), read in batches as iterated.
* `StoredLexicon`: the Lexicon of bot.search.lexicon answered from the vocabulary tables for the words
  of one question; nothing of the vocabulary is loaded at start-up.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from bot.search.index import Record
from bot.search.lexicon import _FIX_MAX_SPAN, _FIX_MIN_LEN, Lexicon, _dictionary, _thai
from bot.thai import tokenize

if TYPE_CHECKING:
    from bot.search.lexical_store import PostgresLexicon
    from bot.search.retrieve import Retriever

POSTING_CAP = 2000  # postings read of a word in more chunks than this (more than the 1x corpus)
_CACHE = 2048  # records kept in memory (recently ranked ones)
_TOP = 1000  # chunks the SQL ranking returns; the retriever takes its pool of 100 from them
_PREFETCH = 100  # of those, the best are read with their text in the same round trip
_BATCH = 256  # records read per round trip while a lookup is iterated
_LENGTHS = 16  # spelling lengths whose repair candidates are kept (bounded)

_PART = "{q}.idf * {t}.tf / (%(k1)s * (1.0 - %(b)s + %(b)s * {t}.len / %(avg)s) + {t}.tf)"
# bm25s (method "lucene"): idf = ln(1 + (N - df + 0.5) / (df + 0.5)); tf part = tf / (k1 (1 - b + b dl / avgdl) + tf),
# summed over the query's words, a repeated word counted each time.
_RANK = f"""
WITH q AS (
    SELECT d.term, d.df, d.df > %(cap)s AS long,
           count(*)::float8 * ln(1.0::float8 + (%(n)s::float8 - d.df + 0.5) / (d.df + 0.5)) AS idf
    FROM unnest(%(terms)s::text[]) AS u (term) JOIN lex_df d ON d.coll = %(coll)s AND d.term = u.term
    GROUP BY d.term, d.df),
hit AS (
    SELECT t.pos, false AS long, {_PART.format(q="q", t="t")} AS part
    FROM q JOIN lex_term t ON t.coll = %(coll)s AND t.term = q.term
    WHERE NOT q.long AND t.pos <= %(last)s
    UNION ALL
    SELECT h.pos, true, {_PART.format(q="q", t="h")}
    FROM q CROSS JOIN LATERAL (
        SELECT t.pos, t.tf, t.len FROM lex_term t
        WHERE t.coll = %(coll)s AND t.term = q.term AND t.pos <= %(last)s
        ORDER BY t.impact DESC LIMIT %(cap)s) h
    WHERE q.long),
cand AS MATERIALIZED (
    SELECT pos, coalesce(sum(part) FILTER (WHERE NOT long), 0.0) AS part FROM hit
    GROUP BY pos ORDER BY sum(part) DESC, pos LIMIT %(pool)s),
rest AS (
    SELECT x.pos, sum({_PART.format(q="q", t="x")}) AS part
    FROM q CROSS JOIN LATERAL (
        SELECT t.pos, t.tf, t.len FROM lex_term t
        WHERE t.coll = %(coll)s AND t.term = q.term AND t.pos = ANY (ARRAY(SELECT pos FROM cand))) x
    WHERE q.long
    GROUP BY x.pos)
SELECT c.pos, c.part + coalesce(r.part, 0.0) AS score FROM cand c LEFT JOIN rest r USING (pos)
ORDER BY score DESC, c.pos LIMIT %(top)s
"""


def attach_views(
    store: PostgresLexicon, retriever: Retriever, positions: np.ndarray, agencies: list[str], avg: float
) -> None:
    """Give the retriever its records, scorer, lookups and lexicon, all read from the store."""
    records = StoredRecords(store, positions)
    retriever.records = records
    retriever.agencies = agencies
    retriever.position = _Positions(records)
    retriever._by_item = _Lookup(records, "items", "text")
    retriever._by_indicator = _Lookup(records, "indicators", "integer")
    retriever.bm25 = _Scorer(records, retriever.tuning.k1, retriever.tuning.b, avg)
    retriever.lexicon = StoredLexicon(store)


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
        if not len(self.positions):
            return []
        arr = np.asarray(pos, dtype=np.int64)
        at = np.searchsorted(self.positions, arr)
        ok = (at < len(self.positions)) & (self.positions[np.minimum(at, len(self.positions) - 1)] == arr)
        return [int(i) for i in at[ok]]

    def __getitem__(self, i: int) -> Record:
        with self._lock:
            if i in self._cache:
                self._cache.move_to_end(i)
                return self._cache[i]
        self.load([i])
        with self._lock:
            return self._cache[i]

    def __iter__(self) -> Iterator[Record]:
        for start in range(0, len(self), _BATCH):
            block = list(range(start, min(len(self), start + _BATCH)))
            self.load(block)
            for i in block:
                yield self[i]

    def load(self, local: list[int]) -> None:
        """Read the records at these local positions in one round trip, into the cache."""
        with self._lock:
            missing = [i for i in dict.fromkeys(local) if i not in self._cache]
        if not missing:
            return
        pos = [int(self.positions[i]) for i in missing]
        with self.store.lock:
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

    def __init__(self, records: StoredRecords, k1: float, b: float, avg_len: float) -> None:
        self.records = records
        self.k1, self.b, self.avg = k1, b, avg_len

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
            "pool": _TOP,
            "cap": records.store.posting_cap,
        }
        with records.store.lock:
            rows = records.store.connection().execute(_RANK, params).fetchall()
        local = records.local([p for p, _ in rows])
        kept = {int(records.positions[i]): i for i in local}
        ranked = [(kept[p], s) for p, s in rows if p in kept]
        for i, s in ranked:
            scores[i] = s
        records.load([i for i, _ in ranked[:_PREFETCH]])
        return scores


class _Batched(list):
    """Local positions that read their records in batches as they are iterated (a lookup's answer)."""

    def __init__(self, records: StoredRecords, found: list[int]) -> None:
        super().__init__(found)
        self.records = records

    def __iter__(self) -> Iterator[int]:
        items = list.__iter__(self)
        while block := [i for _, i in zip(range(_BATCH), items, strict=False)]:
            self.records.load(block)
            yield from block


class _Lookup(dict):
    """The retriever's `_by_item` / `_by_indicator`: chunks carrying a code or indicator, read on demand."""

    def __init__(self, records: StoredRecords, column: str, kind: str) -> None:
        super().__init__()
        self.records, self.column, self.kind = records, column, kind

    def get(self, key: Any, default: Any = None) -> Any:
        store = self.records.store
        with store.lock:
            rows = (
                store.connection()
                .execute(
                    f"SELECT pos FROM lex_doc WHERE coll = %s AND {self.column} @> ARRAY[%s]::{self.kind}[]"
                    " ORDER BY pos",
                    (store.coll, str(key) if self.kind == "text" else int(key)),
                )
                .fetchall()
            )
        found = self.records.local([p for (p,) in rows])
        return _Batched(self.records, found) if found else default


class _Positions(dict):
    """The retriever's `position`: chunk id -> local position, read on demand (the vector side)."""

    def __init__(self, records: StoredRecords) -> None:
        super().__init__()
        self.records = records

    def get(self, key: Any, default: Any = None) -> Any:
        store = self.records.store
        with store.lock:
            row = (
                store.connection()
                .execute("SELECT pos FROM lex_doc WHERE coll = %s AND id = %s", (store.coll, key))
                .fetchone()
            )
        found = self.records.local([row[0]]) if row else []
        return found[0] if found else default


class StoredLexicon(Lexicon):
    """The Lexicon's two readings of a question, from the store's vocabulary tables (its own words only).

    Each call builds a small Lexicon of the rows the question's words need and asks it, so the
    readings are bot.search.lexicon's own; only the repair candidates of a few word lengths are kept.
    """

    def __init__(self, store: PostgresLexicon) -> None:  # nothing is read until a question comes
        self.store = store
        self._candidates: OrderedDict[int, list[tuple[str, str, int]]] = OrderedDict()
        self._lock = threading.Lock()

    def _rows(self, sql: str, *params: Any) -> list[tuple]:
        with self.store.lock:
            return self.store.connection().execute(sql, (self.store.coll, *params)).fetchall()

    def agency_words(self, tokens: list[str]) -> dict[str, list[str]]:
        words = sorted(set(tokens))
        part = Lexicon.__new__(Lexicon)
        part.df = Counter(
            dict(self._rows("SELECT term, df FROM lex_df WHERE coll = %s AND term = ANY(%s)", words))
        )
        part.by_agency = defaultdict(Counter)
        for term, agency, n in self._rows(
            "SELECT term, agency, n FROM lex_agency_df WHERE coll = %s AND term = ANY(%s) ORDER BY agency",
            words,
        ):
            part.by_agency[agency][term] = n
        return part.agency_words(tokens)

    def repairs(self, text: str) -> list[str]:
        tokens = tokenize(text, drop_stopwords=False)
        spans = {
            "".join(tokens[i : i + n])
            for n in range(1, _FIX_MAX_SPAN + 1)
            for i in range(len(tokens) - n + 1)
            if all(_thai(t) for t in tokens[i : i + n])
        }
        # ... and the heads of runs that end inside their last piece (Lexicon._cut_across reads them).
        for n in range(2, _FIX_MAX_SPAN + 1):
            for i in range(len(tokens) - n + 1):
                pieces = tokens[i : i + n]
                if all(_thai(t) for t in pieces):
                    whole = "".join(pieces)
                    spans.update(whole[:end] for end in range(len(whole) - len(pieces[-1]) + 1, len(whole)))
        spans = {s for s in spans if len(s) >= _FIX_MIN_LEN}
        part = Lexicon.__new__(Lexicon)
        part.known, part._count, part._by_len = {}, {}, defaultdict(list)
        for joined, run, n in self._rows(
            "SELECT DISTINCT ON (joined) joined, run, n FROM lex_spelling WHERE coll = %s AND joined = ANY(%s)"
            " ORDER BY joined, n DESC, run",
            sorted(spans),
        ):
            part.known[joined], part._count[joined] = tuple(run.split(" ")), n
        words = _dictionary()
        unknown = {len(s) + d for s in spans if s not in part.known and s not in words for d in (-1, 0, 1)}
        for length in sorted(n for n in unknown if n >= _FIX_MIN_LEN):
            for joined, run, n in self._candidates_of(length):
                part.known.setdefault(joined, tuple(run.split(" ")))
                part._count.setdefault(joined, n)
                part._by_len[length].append(joined)
        return part.repairs(text)

    def _candidates_of(self, length: int) -> list[tuple[str, str, int]]:
        """Return the frequent spellings of one length (a slip's candidates), a few lengths kept."""
        with self._lock:
            if length in self._candidates:
                self._candidates.move_to_end(length)
                return self._candidates[length]
        found = self._rows(
            "SELECT DISTINCT ON (joined) joined, run, n FROM lex_spelling"
            " WHERE coll = %s AND char_length(joined) = %s AND n >= 3 ORDER BY joined, n DESC, run",
            length,
        )
        with self._lock:
            self._candidates[length] = found
            while len(self._candidates) > _LENGTHS:
                self._candidates.popitem(last=False)
        return found
