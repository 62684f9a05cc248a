"""Hybrid Thai retrieval over the Chroma index: BM25 + vector, fused by rank.

Lexical side: BM25 (bm25s) over pythainlp word tokens stored with each chunk.
Vector side: the configured embedding through langchain-chroma, used when it
is a semantic one (the default hashing vector only repeats the lexical side
and lowered recall on held-out questions). The rankings are fused with
reciprocal-rank fusion, then passages that carry the
item codes or indicators the question names get a small boost, because an
officer asking about "O13" wants passages about O13 first. A question that
names an assessment year ("ปี 2568", "ITA 68", "2025", "ปีนี้") also ranks the
passages of that year among themselves, and those of other years lower: O codes
and grading change meaning from year to year.

What the officer types is read with the index's own vocabulary (bot.search.lexicon):
words found almost only in one agency's documents choose that agency instead of being
ranked, and typing slips count as the indexed word they stand for. The wording of a
question says which kind of passage answers it (bot.search.query.kinds_asked): "ทำ
มาตรการอะไรดี" wants the playbook and measure tables, "คืออะไร" the framework's own text.
A document chunk is also found by the short lead-in lines just before it, and the words
of a passage's first line (its title or heading) count more than its body's (field
weighting). BM25 votes by score relative to the best, so a clear lexical winner keeps
its lead over the bonuses. A question on a whole indicator prefers passages on the whole
indicator to those on one of its items, and measures asked for a tool by its code ("ทำ
ยังไงให้คะแนน OIT ดีขึ้น") are read as measures for the tool's indicators.
Each mechanism can be switched off (Tuning) so benchmarks/retrieval_compare.py
measures what each adds, in one run.

A little over 400 lines: the one Retriever that every answer and draft searches through (fusion,
year, agency scope, and the choice of the in-memory or PostgreSQL lexical store); its readings live
in bot.search.query, lexicon, question_years and lexical_store; only their wiring is here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Protocol

import bm25s
import numpy as np

from bot.ita.framework import Framework
from bot.search.embeddings import embedding_id
from bot.search.index import KnowledgeIndex, Record
from bot.search.lexical_store import LexicalBackend, lexical_corpus
from bot.search.lexicon import SHORT_CHUNK, Lexicon
from bot.search.query import (
    TYPE_ALIASES,
    QueryFocus,
    clean_query,
    kinds_asked,
    names_part,
    query_focus,
    question_years,
    split_agency,
    tools_named,
)
from bot.search.terms import Terms
from bot.thai import normalize, tokenize

__all__ = [
    "Passage",
    "QueryFocus",
    "Retriever",
    "Searcher",
    "Tuning",
    "clean_query",
    "query_focus",
    "question_years",
]

_RRF_K = 60
# Bonuses in units of one rank-fusion vote at rank 1 (1 / (_RRF_K + 1)).
_ITEM_BONUS = 0.5  # the passage carries an item code the question names
_AGENCY_BONUS = 0.8  # the passage is from the agency the question names
_YEAR_BONUS = 0.0  # the passage is about the year the question names (dev: any lift hurts)
_OTHER_YEAR_PENALTY = 0.3  # the passage is about another year
_CURATED_BONUS = 0.05  # curated knowledge, when the question names no agency
_CACHE_SIZE = 4096
_POOL = 100  # BM25 (and vector) candidates fused, at least
# An O code the asked year's list does not hold: the words of what the knowledge says of that list.
_UNLISTED = "รายการข้อ OIT ปี {year} ยังไม่ได้รับการยืนยัน"


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
    pid: str = ""  # stable passage id ("rec-03", "oit-2568-O12", "<file>#<chunk>")
    year_asked: int | None = None  # the assessment year read from the question, if any


@dataclass(frozen=True)
class Tuning:
    """Which of the query-side mechanisms run (all by default; the benchmark compares them)."""

    agency_words: bool = True  # words found almost only in one agency's documents choose it
    repairs: bool = True  # typing slips read as the indexed word they stand for
    k1: float = 1.5  # BM25 term saturation
    b: float = 0.75  # BM25 length normalisation
    by_score: bool = True  # BM25 votes by score relative to the best, not by rank
    curated: float = _CURATED_BONUS  # bonus of curated knowledge when the question names no agency
    intent: float = 0.2  # bonus of the passage kinds the question's wording asks for
    intents: tuple[str, ...] = ("measure", "advice", "meaning", "list", "when", "which", "publish")
    short: float = 0.1  # penalty of a document chunk that is only a heading or a lead-in line
    heading: float = 0.1  # ... of prose (1.0 hid a short new document in tests/test_chroma_server.py)
    lead_in: bool = True  # a chunk is also found by the short lines just before it that introduce it
    whole: float = 0.15  # bonus of a passage on a whole indicator asked for, not on one of its items
    agency: float = _AGENCY_BONUS  # bonus of the passages of the agency the question names
    title: int = 2  # extra copies of a passage's first-line words (field weighting)
    title_chars: int = 200  # a one-line passage: its head this long is its title
    tool_measures: bool = True  # measures asked for a tool ("คะแนน OIT"): its indicators are the focus
    whole_kind: float = 0.8  # bonus of a passage on a whole indicator asked that is of the kind asked
    whole_candidates: bool = True
    parts: bool = True  # a part of an indicator named ("10.2") is not the whole indicator  # the asked kind's passages on a whole indicator asked are candidates
    unlisted: bool = True  # an O code missing from the asked year's list: what is said of that list
    advice_any_year: bool = True  # the NACC's recommendations are not ranked lower for another year
    terms: bool = True  # officers' terms ("HR", "measure", "ของหลวง") read with the documents' words


def _split(field: str) -> list[str]:
    return [x for x in field.strip("|").split("|") if x]


def _passage(record: Record, score: float, year_asked: int | None = None) -> Passage:
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
        pid=m.get("pid", ""),
        year_asked=year_asked,
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
        scope: str = "",
    ) -> list[Passage]: ...


class Retriever:
    """Search the index with Thai-aware hybrid retrieval and metadata filters."""

    def __init__(
        self,
        index: KnowledgeIndex,
        fw: Framework,
        *,
        use_vector: bool | None = None,
        use_year: bool = True,
        tuning: Tuning | None = None,
        lexical: LexicalBackend | None = None,
        terms: Terms | None = None,
    ) -> None:
        self.index = index
        self.terms = terms or Terms([])  # app.build_knowledge reads knowledge/officer_terms.yaml
        self.lexical = lexical  # None: BM25 and every chunk in this process (the embedded default)
        self.fw = fw
        # The hashing vector is a second lexical view of the words BM25 already scores: on the
        # officer questions' test half it cost recall (benchmarks/retrieval_compare.py), so by
        # default the vector side runs only for a semantic embedding (e5, a local model, an API).
        self.use_vector = index.embedding_key != embedding_id("hashing") if use_vector is None else use_vector
        self.use_year = use_year
        self.tuning = tuning or Tuning()
        self.refresh()

    def refresh(self) -> None:
        """Reload the lexical index from the collection (after an ingest)."""
        # Drafting asks the same agency-independent questions for every plan
        # ("มาตรการ I14 ... ตัวชี้วัดที่ 3"), so answers are memoised until the
        # index is reloaded; passages are immutable, so sharing them is safe.
        self._cache: OrderedDict[tuple, list[Passage]] = OrderedDict()
        self._lock = threading.Lock()
        self.records: Any
        # The agencies with documents of their own (private scopes); None when not known here.
        self.scopes: set[str] | None = None
        if self.lexical is not None:
            self.lexical.attach(self)  # records, scores and lookups read from the lexical store
            return
        self.records = self.index.records()
        self.scopes = {r.meta.get("scope", "") for r in self.records} - {""}
        self.agencies = sorted({r.meta.get("agency", "") for r in self.records} - {""})
        self.position = {r.id: i for i, r in enumerate(self.records)}
        self._by_item: dict[str, list[int]] = {}
        self._by_indicator: dict[int, list[int]] = {}
        for i, r in enumerate(self.records):
            for code in _split(r.meta.get("items", "")):
                self._by_item.setdefault(code, []).append(i)
            for n in _split(r.meta.get("indicators", "")):
                self._by_indicator.setdefault(int(n), []).append(i)
        self.bm25: Any = bm25s.BM25(k1=self.tuning.k1, b=self.tuning.b)
        corpus = lexical_corpus(self.records, self.tuning)
        self.lexicon = Lexicon(
            (c, r.meta.get("agency", "")) for c, r in zip(corpus, self.records, strict=True)
        )
        if corpus:
            self.bm25.index(corpus, show_progress=False)

    def _agencies_named(self, query: str) -> dict[str, float]:
        """Score the indexed agencies a question names: by own name (1.0) or only by type (0.75)."""
        norm = normalize(query).replace(" ", "")
        named: dict[str, float] = {}
        for agency in self.agencies:
            kind, own = split_agency(agency)
            if own and own in norm:
                named[agency] = 1.0
            elif kind and any(alias in norm for alias in TYPE_ALIASES.get(kind, (kind,))):
                named[agency] = 0.75
        return named

    def _expand(self, query: str, focus: QueryFocus, year: int | None = None) -> str:
        # Item codes alone say little to BM25; add the item's title (in the year asked: O codes
        # change meaning) and the indicator's name.
        extra = []
        for code in focus.items:
            title_of = getattr(self.fw, "item_title", None)
            title = title_of(code, year) if title_of else None
            if title:
                extra.append(title)
            elif self.tuning.unlisted and year and code.startswith("O") and self.fw.oit.get(year):
                extra.append(_UNLISTED.format(year=year))  # what is said of that year's list
        extra.extend(self.fw.indicator(n).name for n in focus.indicators)
        return " ".join([query, *extra])

    def _allowed(self, meta: dict, indicator, item, year, kind, scope: str = "") -> bool:
        return (  # an agency's own documents (a private scope) only for a search in that scope
            meta.get("scope", "") in ("", scope)
            and (indicator is None or meta.get(f"ind_{indicator}") is True)
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
        scope: str = "",
    ) -> list[Passage]:
        """Return the k best passages (source, text, score); `scope`: the asking agency's own uploads too."""
        if not self.records or not query.strip():
            return []
        if scope and self.scopes is not None and scope not in self.scopes:
            scope = ""  # an agency without uploads sees what everyone sees: one cached answer for all
        key = (query, k, indicator, item, year, kind, scope)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return list(self._cache[key])
        found = self._search(query, k, indicator, item, year, kind, scope)
        with self._lock:
            self._cache[key] = found
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return list(found)

    def _search(self, query: str, k: int, indicator, item, year, kind, scope: str = "") -> list[Passage]:
        query = clean_query(query)
        focus = query_focus(query, self.fw)
        # The documents' words for the officer's terms count as words of the question.
        said = self.terms.expand(query) if self.tuning.terms else query
        wanted = kinds_asked(said, self.tuning.intents) if self.tuning.intent else set()
        if self.tuning.tool_measures and "playbook" in wanted and not focus.items and not focus.indicators:
            # Measures for a tool ("ทำยังไงให้คะแนน OIT ดีขึ้น") are the measures for its indicators.
            focus = QueryFocus(tools_named(query, self.fw), ())
        years = question_years(query, self.fw) if self.use_year else ()
        asked = year if year is not None else (years[0] if years else None)
        expanded = self._expand(said, focus, asked)
        # The same candidates whatever k: bonuses can lift a passage from BM25 rank 51-100 to the top,
        # so a pool that grew with k gave a k=5 search a top 5 other than the k=10 search's first 5.
        pool = max(_POOL, k * 10)
        fused: dict[int, float] = {}

        tokens = tokenize(expanded)
        named = self._agencies_named(query)
        if self.tuning.repairs:
            tokens += self.lexicon.repairs(query)
        if self.tuning.agency_words:
            # An agency's own name chooses its passages (the bonus below); ranked as words, it
            # would put the agency's cover page above the passage asked for.
            by_name = self.lexicon.agency_words(tokens)
            for agency in by_name:
                named[agency] = 1.0
            drop = {w for words in by_name.values() for w in words}
            tokens = [t for t in tokens if t not in drop] or tokens
        if tokens:
            scores = self.bm25.get_scores(tokens)
            order = np.argsort(-scores)
            rank = 0
            top_score = 0.0
            for i in order:
                if scores[i] <= 0 or rank >= pool:
                    break
                if self._allowed(self.records[i].meta, indicator, item, year, kind, scope):
                    top_score = top_score or float(scores[i])
                    vote = (
                        float(scores[i]) / top_score / _RRF_K
                        if self.tuning.by_score
                        else 1.0 / (_RRF_K + rank)
                    )
                    fused[int(i)] = fused.get(int(i), 0.0) + vote
                    rank += 1

        if self.use_vector:
            hits = self.index.store.similarity_search_with_score(
                expanded, k=min(pool, len(self.records)), filter=self._where(indicator, item, year, kind)
            )
            for rank, (doc, _distance) in enumerate(hits):
                i = self.position.get(doc.id) if doc.id is not None else None
                if i is not None and self.records[i].meta.get("scope", "") in ("", scope):
                    fused[i] = fused.get(i, 0.0) + 1.0 / (_RRF_K + rank)

        # A passage that carries an item code the question names is a candidate even when its
        # words miss; an O code only in the year asked (O codes change meaning between years).
        for code in focus.items:
            for i in self._by_item.get(code, ()):
                meta = self.records[i].meta
                if self._code_applies(code, meta, years) and self._allowed(
                    meta, indicator, item, year, kind, scope
                ):
                    fused.setdefault(i, 0.0)

        whole = bool(focus.indicators) and not focus.items and not (self.tuning.parts and names_part(query))
        if whole and wanted and self.tuning.whole_candidates:
            # A whole indicator asked for a kind of passage ("how to improve indicator 8"): that
            # kind's passages on the whole indicator are candidates even when the words miss.
            for n in focus.indicators:
                for i in self._by_indicator.get(n, ()):
                    meta = self.records[i].meta
                    if (
                        meta.get("kind") in wanted
                        and not _split(meta.get("items", ""))
                        and self._allowed(meta, indicator, item, year, kind, scope)
                    ):
                        fused.setdefault(i, 0.0)
        for i in list(fused):
            meta = self.records[i].meta
            bonus = self.tuning.agency * named.get(meta.get("agency", ""), 0.0)
            bonus += sum(
                _ITEM_BONUS
                for code in focus.items
                if meta.get(f"item_{code}") is True and self._code_applies(code, meta, years)
            )
            bonus += sum(0.15 for n in focus.indicators if meta.get(f"ind_{n}") is True)
            if (
                whole
                and not _split(meta.get("items", ""))
                and any(meta.get(f"ind_{n}") is True for n in focus.indicators)
            ):
                bonus += self.tuning.whole  # a whole indicator asked: passages on it, not on one item
                if meta.get("kind") in wanted:
                    bonus += self.tuning.whole_kind  # ... and of the kind asked: its measures, its meaning
            # The NACC's recommendations hold beyond the year they were found in: never another year's.
            if years and meta.get("year") and not (self.tuning.advice_any_year and _recommendation(meta)):
                bonus += _YEAR_BONUS if _of_year(meta, years) else -_OTHER_YEAR_PENALTY
            if (
                _from_document(meta)
                and len(self.records[i].text) < SHORT_CHUNK
                and not _states_figure(self.records[i].text)
            ):
                bonus -= self.tuning.heading if meta.get("kind") == "analysis" else self.tuning.short
            if meta.get("kind") in wanted:
                bonus += self.tuning.intent
            if not named and not meta.get("agency"):
                bonus += self.tuning.curated  # no agency named: the general rule before another agency's text
            fused[i] += bonus / (_RRF_K + 1)

        best = sorted(fused.items(), key=lambda kv: -kv[1])[:k]
        top = 2.0 / (_RRF_K) + (_ITEM_BONUS * len(focus.items) + 0.15 * len(focus.indicators)) / (_RRF_K + 1)
        return [_passage(self.records[i], max(0.0, min(1.0, s / top)), asked) for i, s in best]

    @staticmethod
    def _code_applies(code: str, meta: dict, years: tuple[int, ...]) -> bool:
        return not years or not code.startswith("O") or _of_year(meta, years)


def _from_document(meta: dict) -> bool:
    """Whether a stored passage is a chunk of an indexed document (its id "<file>#<n>"), not curated knowledge."""
    return bool(meta.get("agency")) or "#" in meta.get("pid", "")


def _states_figure(text: str) -> bool:
    """Whether a short chunk states a figure under its heading ("ผลประเมิน ต่ำกว่า 85.00 คะแนน").

    Such a line is content, not a heading or a lead-in, and is not ranked lower for its length.
    """
    _heading, _, body = text.partition("\n")
    return any(ch.isdigit() for ch in normalize(body))


def _recommendation(meta: dict) -> bool:
    """Whether a stored passage is one of the curated NACC recommendations (not a document's)."""
    return meta.get("kind") == "recommendation" and not _from_document(meta)


def _of_year(meta: dict, years: tuple[int, ...]) -> bool:
    """Whether a stored passage is about one of the years (its own year, or a year it covers)."""
    return any(meta.get("year") == y or meta.get(f"y_{y}") is True for y in years)
