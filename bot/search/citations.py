"""Citing retrieved passages to an officer: human labels, excerpts that keep the matched line, no repeats.

A label says what a passage is ("ข้อเสนอแนะของ สำนักงาน ป.ป.ช.", "รายงานผลการวิเคราะห์ของ…
ปี …", "เกณฑ์การประเมิน ITA ปี …"), never the file or key it was indexed from, and a
passage that is not confirmed says so in plain Thai rather than with a research label.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pythainlp.corpus import thai_stopwords
from rapidfuzz import fuzz

from bot import wording as w
from bot.ita.facts import SOLID
from bot.search.lexicon import SHORT_CHUNK
from bot.search.retrieve import Passage
from bot.thai import normalize, tokenize

# An excerpt longer than this buries the answer in a chat bubble; the part that matched is always kept.
MAX_EXCERPT = 360
# The short answer is a line or two: a longer matched line is cut around the words that matched.
MAX_LEAD = 300
# A heading's lines are this short; a one-line sentence of a short document is not a heading.
_HEADING_LINE = 40
# Two passages this alike (0–100) say the same thing: the second is dropped.
SAME_TEXT = 88
# What a passage text carries for the index but never for an officer: the passage's own hedge
# (said once, in the label), research tags, and notes naming the seed documents.
_OWN_HEDGE = re.compile(r"\s*\(ข้อมูลนี้[^()]*ยังไม่ได้รับการยืนยัน[^()]*\)")
_TAGS = re.compile(r"\s*\[(?:derived|public code|[a-z][a-z ]{2,20})\]", re.IGNORECASE)
_DEV_NOTE = re.compile(r"\s*(?:หมายเหตุ:\s*)?[^\s:()]*\s*seeds?\s*\d+[^()]*?(?=\(|$)", re.IGNORECASE)
# Where the bot's own knowledge notes where a text was seen and how its item was matched: for the
# index, not for an officer (bot.ita.passages writes them).
_SEEN_NOTE = re.compile(r"\s*พบในเอกสารของหน่วยงานตัวอย่าง\s*ปี\s*[\d, ]+|\s*\(การจับคู่กับข้อ[^()]*อนุมานจากถ้อยคำ\)")
_SPLIT = re.compile(r"\n+|\s+\|\s+")
# Inside one long line: after a clause mark, or at a space (Thai puts a space between clauses).
_PHRASES = re.compile(r"(?<=[;:])\s*|\s+")


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """Return a passage's text as an officer may read it: no own hedge, no research tags or seed notes.

    Each pattern runs only where its fixed words occur: _DEV_NOTE tries every start of a long Thai
    run (no spaces between words), so running it on every passage of every answer cost more than
    the search itself. Cached: the same passages come back question after question.
    """
    if "ยังไม่ได้รับการยืนยัน" in text:
        text = _OWN_HEDGE.sub("", text)
    if "[" in text:
        text = _TAGS.sub("", text)
    if "seed" in text.lower():
        text = _DEV_NOTE.sub("", text)
    if "พบในเอกสารของหน่วยงานตัวอย่าง" in text or "การจับคู่กับข้อ" in text:
        text = _SEEN_NOTE.sub("", text)
    return text.strip()


def heading_only(p: Passage) -> bool:
    """Tell whether a document passage is only a heading (or a page header): it ranks on its words but says nothing."""
    text = clean(p.text)
    short_lines = all(len(line.strip()) <= _HEADING_LINE for line in text.splitlines())
    return p.kind == "analysis" and "#" in p.pid and len(text) < SHORT_CHUNK and short_lines


def is_weak(p: Passage) -> bool:
    """Tell whether a passage's fact is not confirmed (curated passages carry their confidence)."""
    return bool(p.confidence) and p.confidence not in SOLID


def hedge(p: Passage) -> str:
    """Return the plain-Thai note for a passage that is not confirmed ("" otherwise)."""
    if not is_weak(p):
        return ""
    return w.FACT_HEDGE.get(p.confidence, w.FACT_HEDGE["NOT_CONFIRMED"])


def label(p: Passage, asked_year: int | None = None) -> str:
    """Return the human label of a passage: what it is, whose, which year."""
    agency = p.agency or w.CITE_OTHER_AGENCY
    if p.kind == "recommendation":
        text = (
            w.CITE_RECOMMENDATION_SEEN.format(agency=agency, year=p.year)
            if p.agency and p.year
            else w.CITE_RECOMMENDATION
        )
    elif p.kind == "analysis":
        text = (
            w.CITE_ANALYSIS.format(agency=agency, year=p.year)
            if p.year
            else w.CITE_ANALYSIS_NO_YEAR.format(agency=agency)
        )
    elif p.kind == "measure_table":
        text = w.CITE_MEASURES.format(agency=agency, year=p.year or "").strip().removesuffix(" ปี")
    elif p.kind == "score_table":
        text = w.CITE_SCORES.format(agency=agency, year=p.year or "").strip().removesuffix(" ปี")
    elif p.kind == "playbook":
        text = w.CITE_PLAYBOOK
    elif p.kind == "oit_item" and p.year:
        text = w.CITE_OIT.format(year=p.year)
    else:
        text = w.CITE_FRAMEWORK.format(year=p.year) if p.year else w.CITE_FRAMEWORK_NO_YEAR
    if (
        asked_year
        and p.year
        and p.year != asked_year
        and p.kind in ("oit_item", "framework", "recommendation")
    ):
        text += w.CITE_OTHER_YEAR.format(year=p.year, asked=asked_year)
    return text


@lru_cache(maxsize=16384)
def _words(text: str) -> frozenset[str]:
    # A one-letter token counts only as a number ("ไตรมาส 3"): numbers tell lines apart. Cached:
    # the lines of the passages an answer quotes recur from question to question.
    return frozenset(t.lower() for t in tokenize(normalize(text)) if len(t) > 1 or t.isdigit())


def best_line(text: str, question: str) -> tuple[int, list[str]]:
    """Return the index of the line that best matches the question, and the passage's lines."""
    lines = [x.strip() for x in _SPLIT.split(text) if x.strip()]
    if not lines:
        return 0, [text]
    asked = _words(question)
    scores = [len(asked & _words(x)) for x in lines]
    return max(range(len(lines)), key=lambda i: (scores[i], -i)), lines


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """Function words ("คือ", "ถึง", "ไหน"): they say where nothing is."""
    return frozenset(thai_stopwords())


def cut_line(line: str, question: str, limit: int) -> str:
    """Return the part of one long line around the words that matched, at most limit long, "…" where cut.

    The shortest run of whole phrases (cut at spaces and clause marks, never inside a word), at
    most half the limit, holding the most of the question's words is kept, the earliest on a tie; then what follows
    it (where an answer usually is: "ไตรมาสที่ 3 = เม.ย.–มิ.ย.") and what comes before, within limit.
    """
    line = " ".join(line.split())
    if len(line) <= limit:
        return line
    phrases = [x for x in _PHRASES.split(line) if x]
    asked = _words(question) - _stopwords()
    found = [_words(x) & asked for x in phrases]
    best = (0, 0, 0, 1)  # (-words covered, length, start, end)
    for start in range(len(phrases)):
        size, covered = -1, set[str]()
        for end in range(start, len(phrases)):
            size += len(phrases[end]) + 1
            if size > limit // 2 and end > start:  # half the room is left for what follows and precedes
                break
            covered |= found[end]
            best = min(best, (-len(covered), size, start, end + 1))
    _, size, start, end = best
    for share in (2 / 3, 1.0):  # mostly what follows, then what comes before, then the rest after
        while end < len(phrases) and size + len(phrases[end]) + 1 <= limit * share:
            size += len(phrases[end]) + 1
            end += 1
        while share == 1.0 and start > 0 and size + len(phrases[start - 1]) + 1 <= limit * 0.9:
            start -= 1
            size += len(phrases[start]) + 1
    while end < len(phrases) and size + len(phrases[end]) + 1 <= limit:
        size += len(phrases[end]) + 1
        end += 1
    out = " ".join(phrases[start:end])
    return ("… " if start > 0 else "") + out + (" …" if end < len(phrases) else "")


def excerpt(text: str, question: str, limit: int = MAX_EXCERPT) -> str:
    """Return the part of a passage to quote: the best-matching line, then its neighbours within limit.

    A best line longer than limit is itself cut around the words that matched (cut_line).
    """
    text = clean(text)
    if len(text) <= limit:
        return " ".join(text.split())
    at, lines = best_line(text, question)
    if len(lines[at]) > limit:
        cut = cut_line(lines[at], question, limit)
        head = "… " if at > 0 and not cut.startswith("…") else ""
        tail = " …" if at < len(lines) - 1 and not cut.endswith("…") else ""
        return head + cut + tail
    start, end = at, at + 1
    size = len(lines[at])
    while True:
        grew = False
        for i in (end, start - 1):
            if 0 <= i < len(lines) and (i == end or i == start - 1) and size + len(lines[i]) + 1 <= limit:
                size += len(lines[i]) + 1
                start, end = min(start, i), max(end, i + 1)
                grew = True
        if not grew:
            break
    out = " ".join(" ".join(lines[start:end]).split())
    return ("… " if start > 0 else "") + out + (" …" if end < len(lines) else "")


def distinct(passages: list[Passage]) -> list[Passage]:
    """Return passages without repeats: the same chunk, the same text, or one inside another."""
    kept: list[Passage] = []
    seen: list[str] = []
    for p in passages:
        body = "".join(normalize(clean(p.text)).split())
        if any(body in s or s in body or fuzz.ratio(body, s) >= SAME_TEXT for s in seen):
            continue
        if any(p.chunk_id == k.chunk_id for k in kept):
            continue
        kept.append(p)
        seen.append(body)
    return kept
