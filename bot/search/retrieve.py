"""Hybrid Thai retrieval over the Chroma index: BM25 + vector, fused by rank.

Lexical side: BM25 (bm25s) over pythainlp word tokens stored with each chunk.
Vector side: the configured embedding through langchain-chroma. The two
rankings are fused with reciprocal-rank fusion, then passages that carry the
item codes or indicators the question names get a small boost, because an
officer asking about "O13" wants passages about O13 first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

import bm25s
import numpy as np

from bot.ita.framework import Framework
from bot.search.chunking import mentions
from bot.search.index import KnowledgeIndex, Record
from bot.thai import normalize, tokenize

_RRF_K = 60
_CACHE_SIZE = 4096


@dataclass(frozen=True)
class Passage:
    """One retrieved passage with its citation."""

    source: str
    text: str
    score: float
    indicators: tuple[int, ...]
    items: tuple[str, ...]
    kind: str
    year: int | None
    chunk_id: str
    agency: str = ""
    confidence: str = ""


@dataclass(frozen=True)
class QueryFocus:
    """What a question is about: indicators and item codes it names."""

    indicators: tuple[int, ...]
    items: tuple[str, ...]


def query_focus(query: str, fw: Framework) -> QueryFocus:
    """Find the indicators (by number or name, typos included) and item codes a question names."""
    indicators, codes = mentions(query, fw, loose=True)
    return QueryFocus(tuple(indicators), tuple(codes))


_TYPE_ALIASES = {
    "องค์การบริหารส่วนตำบล": ("องค์การบริหารส่วนตำบล", "อบต"),
    "องค์การบริหารส่วนจังหวัด": ("องค์การบริหารส่วนจังหวัด", "อบจ"),
    "เทศบาลตำบล": ("เทศบาลตำบล", "ทต."),
    "เทศบาลเมือง": ("เทศบาลเมือง", "ทม."),
    "เทศบาลนคร": ("เทศบาลนคร", "ทน."),
    "โรงเรียน": ("โรงเรียน",),
}


def _split_agency(agency: str) -> tuple[str, str]:
    """Split "เทศบาลตำบลนิเวศน์" into its type and its own name."""
    for kind in _TYPE_ALIASES:
        if agency.startswith(kind):
            return kind, agency[len(kind) :]
    return "", agency if len(agency) >= 4 else ""


def _split(field: str) -> list[str]:
    return [x for x in field.strip("|").split("|") if x]


def _passage(record: Record, score: float) -> Passage:
    m = record.meta
    return Passage(
        source=m.get("source", ""),
        text=record.text,
        score=round(float(score), 4),
        indicators=tuple(int(x) for x in _split(m.get("indicators", ""))),
        items=tuple(_split(m.get("items", ""))),
        kind=m.get("kind", ""),
        year=m.get("year") or None,
        chunk_id=record.id,
        agency=m.get("agency", ""),
        confidence=m.get("confidence", ""),
    )


class Searcher(Protocol):
    """What answering needs of a retriever: passages for a question (Retriever is the real one)."""

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        indicator: int | None = None,
        item: str | None = None,
        year: int | None = None,
        kind: str | None = None,
    ) -> list[Passage]: ...


class Retriever:
    """Search the index with Thai-aware hybrid retrieval and metadata filters."""

    def __init__(self, index: KnowledgeIndex, fw: Framework, *, use_vector: bool = True) -> None:
        self.index = index
        self.fw = fw
        self.use_vector = use_vector
        self.refresh()

    def refresh(self) -> None:
        """Reload the lexical index from the collection (after an ingest)."""
        # Drafting asks the same agency-independent questions for every plan
        # ("มาตรการ I14 ... ตัวชี้วัดที่ 3"), so answers are memoised until the
        # index is reloaded; passages are immutable, so sharing them is safe.
        self._cache: OrderedDict[tuple, list[Passage]] = OrderedDict()
        self._lock = threading.Lock()
        self.records = self.index.records()
        self.agencies = sorted({r.meta.get("agency", "") for r in self.records} - {""})
        self.position = {r.id: i for i, r in enumerate(self.records)}
        self.bm25 = bm25s.BM25()
        corpus = [r.meta.get("tokens", "").split() or ["<empty>"] for r in self.records]
        if corpus:
            self.bm25.index(corpus, show_progress=False)

    def _agencies_named(self, query: str) -> dict[str, float]:
        """Score the indexed agencies a question names: by own name (1.0) or only by type (0.75)."""
        norm = normalize(query).replace(" ", "")
        named: dict[str, float] = {}
        for agency in self.agencies:
            kind, own = _split_agency(agency)
            if own and own in norm:
                named[agency] = 1.0
            elif kind and any(alias in norm for alias in _TYPE_ALIASES.get(kind, (kind,))):
                named[agency] = 0.75
        return named

    def _expand(self, query: str, focus: QueryFocus) -> str:
        # Item codes alone say little to BM25; add the item's title and the indicator's name.
        extra = []
        for code in focus.items:
            title_of = getattr(self.fw, "item_title", None)
            title = title_of(code) if title_of else None
            if title:
                extra.append(title)
        extra.extend(self.fw.indicator(n).name for n in focus.indicators)
        return " ".join([query, *extra])

    def _allowed(self, meta: dict, indicator, item, year, kind) -> bool:
        return (
            (indicator is None or meta.get(f"ind_{indicator}") is True)
            and (item is None or meta.get(f"item_{item.upper()}") is True)
            and (year is None or meta.get("year") == year)
            and (kind is None or meta.get("kind") == kind)
        )

    def _where(self, indicator, item, year, kind) -> dict | None:
        clauses = []
        if indicator is not None:
            clauses.append({f"ind_{indicator}": True})
        if item is not None:
            clauses.append({f"item_{item.upper()}": True})
        if year is not None:
            clauses.append({"year": year})
        if kind is not None:
            clauses.append({"kind": kind})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        indicator: int | None = None,
        item: str | None = None,
        year: int | None = None,
        kind: str | None = None,
    ) -> list[Passage]:
        """Return the k best passages for a Thai question, each with source, text and score."""
        if not self.records or not query.strip():
            return []
        key = (query, k, indicator, item, year, kind)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return list(self._cache[key])
        found = self._search(query, k, indicator, item, year, kind)
        with self._lock:
            self._cache[key] = found
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return list(found)

    def _search(self, query: str, k: int, indicator, item, year, kind) -> list[Passage]:
        focus = query_focus(query, self.fw)
        expanded = self._expand(query, focus)
        pool = max(50, k * 10)
        fused: dict[int, float] = {}

        tokens = tokenize(expanded)
        if tokens:
            scores = self.bm25.get_scores(tokens)
            order = np.argsort(-scores)
            rank = 0
            for i in order:
                if scores[i] <= 0 or rank >= pool:
                    break
                if self._allowed(self.records[i].meta, indicator, item, year, kind):
                    fused[int(i)] = fused.get(int(i), 0.0) + 1.0 / (_RRF_K + rank)
                    rank += 1

        if self.use_vector:
            hits = self.index.store.similarity_search_with_score(
                expanded, k=min(pool, len(self.records)), filter=self._where(indicator, item, year, kind)
            )
            for rank, (doc, _distance) in enumerate(hits):
                i = self.position.get(doc.id) if doc.id is not None else None
                if i is not None:
                    fused[i] = fused.get(i, 0.0) + 1.0 / (_RRF_K + rank)

        named = self._agencies_named(query)
        for i in list(fused):
            meta = self.records[i].meta
            bonus = 0.4 * named.get(meta.get("agency", ""), 0.0)
            bonus += sum(0.5 for code in focus.items if meta.get(f"item_{code}") is True)
            bonus += sum(0.15 for n in focus.indicators if meta.get(f"ind_{n}") is True)
            fused[i] += bonus / (_RRF_K + 1)

        best = sorted(fused.items(), key=lambda kv: -kv[1])[:k]
        top = 2.0 / (_RRF_K) + (0.5 * len(focus.items) + 0.15 * len(focus.indicators)) / (_RRF_K + 1)
        return [_passage(self.records[i], min(1.0, s / top)) for i, s in best]
