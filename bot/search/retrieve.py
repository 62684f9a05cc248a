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
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

import bm25s
import numpy as np

from bot.ita.framework import Framework
from bot.search.chunking import mentions
from bot.search.embeddings import embedding_id
from bot.search.index import KnowledgeIndex, Record
from bot.search.lexicon import Lexicon
from bot.thai import BE_OFFSET, normalize, tokenize

_RRF_K = 60
# Bonuses in units of one rank-fusion vote at rank 1 (1 / (_RRF_K + 1)).
_ITEM_BONUS = 0.5  # the passage carries an item code the question names
_AGENCY_BONUS = 0.4  # the passage is from the agency the question names
_YEAR_BONUS = 0.0  # the passage is about the year the question names (dev: any lift hurts)
_OTHER_YEAR_PENALTY = 0.3  # the passage is about another year
_CURATED_BONUS = 0.05  # curated knowledge, when the question names no agency
_CACHE_SIZE = 4096
# A document chunk this short is a heading or a lead-in line ("ประเด็นที่ต้องแก้ไขเร่งด่วน").
_LEAD_IN_CHARS = 100

# What kind of passage a question's wording asks for. Measures: the playbook, measure tables and
# NACC advice; advice: NACC recommendations (and the playbook built on them); a meaning: the
# framework's own definitions and OIT item lists.
_INTENTS = {
    "measure": (
        re.compile(r"มาตร(?:า)?การ|ทำอะไรดี|ควรทำอะไร|ควรจัด|ทำยังไง|ทำอย่างไร"),
        frozenset({"playbook", "measure_table", "recommendation"}),
    ),
    "advice": (re.compile(r"ข้อเสนอแนะ|แนะนำ"), frozenset({"recommendation", "playbook"})),
    "meaning": (
        re.compile(r"คืออะไร|คือเรื่อง|หมายถึง|หมายความ|แปลว่า|เกี่ยวกับอะไร|วัดเรื่อง|หัวข้อ"),
        frozenset({"framework", "oit_item"}),
    ),
}


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
    by_score: bool = False  # BM25 votes by score relative to the best, not by rank
    curated: float = _CURATED_BONUS  # bonus of curated knowledge when the question names no agency
    intent: float = 0.2  # bonus of the passage kinds the question's wording asks for
    intents: tuple[str, ...] = ("measure", "advice", "meaning")
    short: float = 0.1  # penalty of a document chunk that is only a heading or a lead-in line
    lead_in: bool = True  # a chunk is also found by the short lines just before it that introduce it


@dataclass(frozen=True)
class QueryFocus:
    """What a question is about: indicators and item codes it names."""

    indicators: tuple[int, ...]
    items: tuple[str, ...]


def query_focus(query: str, fw: Framework) -> QueryFocus:
    """Find the indicators (by number or name, typos included) and item codes a question names."""
    indicators, codes = mentions(query, fw, loose=True)
    return QueryFocus(tuple(indicators), tuple(codes))


# A B.E. year 2550-2579 or a C.E. year 2007-2036 standing alone (not "2,567" or "25.67").
_YEAR4 = re.compile(r"(?<!\d)(?<!\d[.,])(25[5-7]\d|20[0-3]\d)(?!\d|[.,]\d)")
# A 2-digit year only after a year word: "ปี 68", "พ.ศ.67", "ปีงบ 69", "ITA68", "FY 25".
_YEAR2 = re.compile(
    r"(?:ปี(?:งบประมาณ|งบ|การศึกษา)?|พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|ita|ไอทีเอ|fy|b\.?e\.?|c\.?e\.?)\s*(\d{2})(?![\d.,])",
    re.IGNORECASE,
)
_THIS_YEAR = re.compile(r"ปีนี้|ปีปัจจุบัน|this year", re.IGNORECASE)
_LAST_YEAR = re.compile(r"ปีที่แล้ว|ปีก่อน|ปีที่ผ่านมา|last year", re.IGNORECASE)


def _be(number: int, *, christian: bool) -> int:
    return number + BE_OFFSET if christian else number


_LOWER_CODE = re.compile(r"(?<![A-Za-z0-9])([ieo])\s?(\d{1,2})(?![\d.])")


def clean_query(query: str) -> str:
    """Return a question with Thai digits as Arabic and item codes typed in lower case ("o12") upper-cased."""
    return _LOWER_CODE.sub(lambda m: f"{m.group(1).upper()}{m.group(2)}", normalize(query))


def question_years(query: str, fw: Framework) -> tuple[int, ...]:
    """Return the B.E. assessment years a question names, in order ("ปีนี้" = the framework's latest year)."""
    text = normalize(query)
    found: list[tuple[int, int]] = []
    for m in _YEAR4.finditer(text):
        n = int(m.group(1))
        found.append((m.start(), _be(n, christian=n < 2500)))
    for m in _YEAR2.finditer(text):
        n = int(m.group(1))
        christian = m.group(0).lower().startswith(("ค", "c", "fy")) and n < 50
        year = 2000 + n + BE_OFFSET if christian else 2500 + n
        if 2550 <= year <= 2579:
            found.append((m.start(), year))
    latest = max(fw.oit_years, default=None)
    if latest is not None:
        found.extend((m.start(), latest) for m in _THIS_YEAR.finditer(text))
        found.extend((m.start(), latest - 1) for m in _LAST_YEAR.finditer(text))
    years: list[int] = []
    for _, year in sorted(found):
        if year not in years:
            years.append(year)
    return tuple(years)


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
    ) -> None:
        self.index = index
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
        self.records = self.index.records()
        self.agencies = sorted({r.meta.get("agency", "") for r in self.records} - {""})
        self.position = {r.id: i for i, r in enumerate(self.records)}
        self._by_item: dict[str, list[int]] = {}
        for i, r in enumerate(self.records):
            for code in _split(r.meta.get("items", "")):
                self._by_item.setdefault(code, []).append(i)
        self.bm25 = bm25s.BM25(k1=self.tuning.k1, b=self.tuning.b)
        corpus = [r.meta.get("tokens", "").split() or ["<empty>"] for r in self.records]
        if self.tuning.lead_in:
            corpus = _with_lead_ins(self.records, corpus)
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
            kind, own = _split_agency(agency)
            if own and own in norm:
                named[agency] = 1.0
            elif kind and any(alias in norm for alias in _TYPE_ALIASES.get(kind, (kind,))):
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
        query = clean_query(query)
        focus = query_focus(query, self.fw)
        years = question_years(query, self.fw) if self.use_year else ()
        asked = year if year is not None else (years[0] if years else None)
        expanded = self._expand(query, focus, asked)
        pool = max(50, k * 10)
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
                if self._allowed(self.records[i].meta, indicator, item, year, kind):
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
                if i is not None:
                    fused[i] = fused.get(i, 0.0) + 1.0 / (_RRF_K + rank)

        # A passage that carries an item code the question names is a candidate even when its
        # words miss; an O code only in the year asked (O codes change meaning between years).
        for code in focus.items:
            for i in self._by_item.get(code, ()):
                meta = self.records[i].meta
                if self._code_applies(code, meta, years) and self._allowed(meta, indicator, item, year, kind):
                    fused.setdefault(i, 0.0)

        wanted: set[str] = set()
        if self.tuning.intent:
            for name in self.tuning.intents:
                rx, kinds = _INTENTS[name]
                if rx.search(query):
                    wanted |= kinds
        for i in list(fused):
            meta = self.records[i].meta
            bonus = _AGENCY_BONUS * named.get(meta.get("agency", ""), 0.0)
            bonus += sum(
                _ITEM_BONUS
                for code in focus.items
                if meta.get(f"item_{code}") is True and self._code_applies(code, meta, years)
            )
            bonus += sum(0.15 for n in focus.indicators if meta.get(f"ind_{n}") is True)
            if years and meta.get("year"):
                bonus += _YEAR_BONUS if _of_year(meta, years) else -_OTHER_YEAR_PENALTY
            if meta.get("agency") and len(self.records[i].text) < _LEAD_IN_CHARS:
                bonus -= self.tuning.short
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


def _with_lead_ins(records: list[Record], corpus: list[list[str]], most: int = 2) -> list[list[str]]:
    """Add to each document chunk the words of the short chunks right before it in its file.

    A list's lead-in lines ("2. กลุ่มผู้มีส่วนได้ส่วนเสียภายนอก", "ประเด็นที่ต้องแก้ไขเร่งด่วน")
    are chunks of their own; without them the list below cannot be found by what it is.
    """
    by_source: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        if r.meta.get("agency"):
            by_source.setdefault(r.meta.get("source_key", ""), []).append(i)
    out = list(corpus)
    for members in by_source.values():
        members.sort(key=lambda i: records[i].meta.get("chunk_no", 0))
        for pos, i in enumerate(members):
            before = [j for j in members[max(0, pos - most) : pos]]
            lead: list[str] = []
            for j in reversed(before):
                if len(records[j].text) >= _LEAD_IN_CHARS:
                    break
                lead = corpus[j] + lead
            if lead:
                out[i] = lead + corpus[i]
    return out


def _of_year(meta: dict, years: tuple[int, ...]) -> bool:
    """Whether a stored passage is about one of the years (its own year, or a year it covers)."""
    return any(meta.get("year") == y or meta.get(f"y_{y}") is True for y in years)
