"""Answer an officer's ITA question: a direct answer from the facts, else a short answer with cited passages.

1. The year the question is about is read first (bot.search.question_years); with none
   named, the answer is for the current framework year and says so.
2. A factual question (grading, weights, an item's meaning, a year's OIT list, what an O
   item requires, owner units) is answered from knowledge/ directly (bot.search.fact_answers).
3. Otherwise the best passages are found, the asked year's first, and the answer is the
   line that matched best, followed by numbered citations with human labels
   (bot.search.citations): never a file name or a research label, never the same passage twice.
Facts whose source is not confirmed are marked as such in plain Thai.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot import wording
from bot.ita.framework import Framework
from bot.search.citations import best_line, clean, distinct, excerpt, hedge, is_weak, label
from bot.search.fact_answers import Agencies, fact_answer
from bot.search.question_years import YearAsked, year_asked
from bot.search.retrieve import Passage, Searcher, query_focus

_WANTS_MEASURES = ("มาตรการ", "ตัวอย่าง", "แนวทาง", "ควรทำ", "ทำอย่างไร", "โครงการ", "กิจกรรม")
# Passages of these kinds are facts of one assessment year: another year's are put last.
_YEARLY = ("oit_item", "framework", "recommendation")


@dataclass
class Answer:
    """A Thai answer and the passages it cites."""

    text: str
    passages: list[Passage] = field(default_factory=list)


def _unconfirmed_topics(question: str, fw: Framework) -> list[str]:
    """Return what the knowledge says is not confirmed about topics the question names."""
    return [u.say_th for u in fw.unconfirmed if any(k and k in question for k in u.keywords)]


def _by_year(passages: list[Passage], asked: YearAsked) -> list[Passage]:
    """Put passages of the asked year (or of no year) first; another year's yearly facts last."""
    if not asked.given:
        return passages

    def rank(p: Passage) -> int:
        if p.year == asked.year:
            return 0
        return 2 if p.year and p.kind in _YEARLY else 1

    return sorted(passages, key=rank)


def find_passages(question: str, retriever: Searcher, fw: Framework, asked: YearAsked, k: int) -> list[Passage]:
    """Return up to k distinct passages for a question: practice first when it asks for measures."""
    focus = query_focus(question, fw)
    item = focus.items[0] if len(focus.items) == 1 else None
    found: list[Passage] = []
    if any(word in question for word in _WANTS_MEASURES):
        # "ขอตัวอย่างมาตรการ…" wants practice, not the item's definition: playbook and
        # other agencies' measure tables first, then whatever else fits.
        for kind in ("playbook", "measure_table"):
            found += retriever.search(question, k=2, item=item, kind=kind) if item else []
            found += retriever.search(question, k=2, kind=kind)
        found = distinct(found)[: max(2, k // 2)]
    if asked.given:
        found += retriever.search(question, k=k, year=asked.year)
    if item:
        found += retriever.search(question, k=k, item=item)
    found += retriever.search(question, k=2 * k)
    return _by_year(distinct(found), asked)[:k]


def cite(question: str, passages: list[Passage], asked: YearAsked) -> list[str]:
    """Return the lead line and the numbered citations of a passage answer."""
    year = asked.year if asked.given else None
    at, lines = best_line(clean(passages[0].text), question)
    lead = excerpt(lines[at], question)
    out = [wording.ANSWER_LEAD.format(sentence=lead), "", wording.ANSWER_SOURCES]
    for n, p in enumerate(passages, 1):
        out.append(
            wording.ANSWER_CITATION.format(n=n, label=label(p, year), hedge=hedge(p), quote=excerpt(p.text, question))
        )
    return out


def answer_question(
    question: str,
    retriever: Searcher,
    fw: Framework,
    k: int = 4,
    *,
    playbook: Agencies | None = None,
) -> Answer:
    """Return a Thai answer: a direct one from the facts, else a short answer with numbered citations."""
    asked = year_asked(question, fw)
    unconfirmed = _unconfirmed_topics(question, fw)
    direct = fact_answer(question, fw, asked, playbook)
    if direct:
        return Answer("\n".join([*direct, *unconfirmed]))
    passages = find_passages(question, retriever, fw, asked, k)
    if not passages:
        return Answer("\n".join([wording.ANSWER_NOTHING_FOUND, *unconfirmed]))
    lines = []
    if asked.given:
        lines.append(wording.ANSWER_ABOUT_YEAR.format(year=asked.year))
    lines += cite(question, passages, asked)
    if unconfirmed:
        lines += ["", *unconfirmed]
    if any(p.kind in ("measure_table", "analysis", "score_table") for p in passages):
        lines += ["", wording.ANSWER_OTHER_AGENCIES]
    if any(is_weak(p) for p in passages):
        lines.append(wording.ANSWER_CHECK_UNCONFIRMED)
    return Answer("\n".join(lines).strip(), passages)
