"""Answer an officer's ITA question: a direct answer from the facts, else a short answer with cited passages.

1. The year the question is about is read first (bot.search.question_years); with none
   named, the answer is for the current framework year and says so.
2. A factual question (grading, weights, an item's meaning, a year's OIT list, what an O
   item requires, owner units) is answered from knowledge/ directly (bot.search.fact_answers).
3. Otherwise the best passages are found, the asked year's first (practice first, for any
   year, when measures or wording are asked for), and the answer is the line that matched
   best, or a checked LLM answer from the same passages when a writer is given
   (bot.search.llm_answer); then a paste-ready measure when wording is asked for, and
   numbered citations with human labels (bot.search.citations): never a file name or a
   research label, never the same passage twice.
Facts whose source is not confirmed are marked as such in plain Thai.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from bot import wording
from bot.ita.facts import Tool
from bot.ita.framework import Framework
from bot.ita.measures import AgencyProfile
from bot.ita.passages import GUIDANCE_PREFIX
from bot.ita.playbook import Playbook
from bot.search.citations import (
    MAX_LEAD,
    best_line,
    clean,
    distinct,
    excerpt,
    heading_only,
    hedge,
    is_weak,
    label,
)
from bot.search.fact_answers import fact_answer, tool_line, unknown_codes
from bot.search.fact_words import asks
from bot.search.llm_answer import Writer
from bot.search.paste_block import paste_block, practice_lead
from bot.search.query import tools_named
from bot.search.question_years import YearAsked, year_asked
from bot.search.retrieve import Passage, QueryFocus, Searcher, query_focus
from bot.thai import to_arabic, tokenize

log = logging.getLogger(__name__)

# A whole tool asked for measures: at most this many indicators get their own entry searched.
_MOST_INDICATORS = 3
# A question that names the NACC's recommendations gets them first.
_ASKS_RECOMMENDATION = "ข้อเสนอแนะ"
# Passages of these kinds are facts of one assessment year: another year's are put last.
_YEARLY = ("oit_item", "framework", "recommendation")
# Words that make a named year the year of the results, not of the plan.
_RESULTS = re.compile(r"ผล(?:การ)?ประเมิน|คะแนน|ได้\s*\d|ITA\s*\d|ITA\s*ปี", re.IGNORECASE)
_CITED = re.compile(r"\[(\d{1,2})\]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Numbers that label rather than state: "๓.", "(6)", "ตัวชี้วัดที่ 6", "ข้อ 4", "O12", "I4".
_LABELS = re.compile(
    r"(?:^|(?<=\s))\(?\d{1,2}[.)](?!\d)|ตัวชี้วัด(?:ที่|ย่อย)?\s*\d+(?:\.\d+)?|ข้อ(?:ที่)?\s*\d+|[A-Za-z]\s?\d+"
)
# A written answer that already says its fact is not confirmed is not hedged twice.
_HEDGED = re.compile(r"ยังไม่ได้(?:รับการ)?ยืนยัน|ยังไม่ยืนยัน")


@dataclass
class Answer:
    """A Thai answer and the passages it cites."""

    text: str
    passages: list[Passage] = field(default_factory=list)


def _unconfirmed_topics(question: str, fw: Framework) -> list[str]:
    """Return what the knowledge says is not confirmed about topics the question names."""
    return [u.say_th for u in fw.unconfirmed if any(k and k in question for k in u.keywords)]


def _by_year(passages: list[Passage], asked: YearAsked) -> list[Passage]:
    """Put another year's yearly facts last; the rest keep their rank (the asked year's or no year's).

    A passage of the asked year is not put before a better one of no year: "ปีงบประมาณ 2569
    เริ่มวันไหน" is answered by the fiscal calendar, not by the 2569 OIT list.
    """
    if not asked.given:
        return passages
    return sorted(passages, key=lambda p: bool(p.year and p.year != asked.year and p.kind in _YEARLY))


def _practice(question: str, retriever: Searcher, focus: QueryFocus, k: int) -> list[Passage]:
    """Return the playbook's and other agencies' measures for what a question names, best first."""
    item = focus.items[0] if len(focus.items) == 1 else None
    indicators = focus.indicators[:_MOST_INDICATORS] if item is None else ()
    found: list[Passage] = []
    for kind in ("playbook", "measure_table"):
        found += retriever.search(question, k=2, item=item, kind=kind) if item else []
        # Deeper for a whole indicator: its indicator-wide entry may rank below its items' entries.
        for n in indicators:
            found += retriever.search(question, k=8 * k, indicator=n, kind=kind)
        found += retriever.search(question, k=2, kind=kind)
    if focus.indicators:  # another indicator's measures do not answer "มาตรการตัวชี้วัดที่ 9"
        found = [p for p in found if not p.indicators or set(p.indicators) & set(focus.indicators)]
    # The playbook's entries first; a whole indicator asked: its indicator-wide entry before one
    # item's. Our own guidance is advice beside the playbook, not an entry to paste from: after them.
    found.sort(
        key=lambda p: (
            p.kind != "playbook",
            bool(indicators) and bool(p.items),
            p.pid.startswith(GUIDANCE_PREFIX),
        )
    )
    return distinct(found)[: max(len(indicators), 2, k // 2)]


def tool_asked(question: str, fw: Framework) -> Tool | None:
    """Return the one tool a request for measures is about ("ทำยังไงให้คะแนน OIT ดีขึ้น"), if it names no indicator or item."""
    focus = query_focus(question, fw)
    if focus.items or focus.indicators:
        return None
    named = [t for t in fw.tools if set(t.indicators) <= set(tools_named(question, fw))]
    return named[0] if len(named) == 1 else None


def find_passages(
    question: str, retriever: Searcher, fw: Framework, asked: YearAsked, k: int
) -> list[Passage]:
    """Return up to k distinct passages for a question: practice first when it asks for measures.

    Practice (the playbook, other agencies' measure tables) holds for any year, so it stays
    first even when the year asked puts that year's facts before the rest.
    """
    focus = query_focus(question, fw)
    item = focus.items[0] if len(focus.items) == 1 else None
    tool = tool_asked(question, fw) if wants_wording(question) else None
    if tool is not None:  # measures for a tool are the measures for each of its indicators
        focus = QueryFocus(tuple(tool.indicators), ())
    practice = _practice(question, retriever, focus, k) if wants_wording(question) else []
    found: list[Passage] = []
    if _ASKS_RECOMMENDATION in question:
        found += retriever.search(question, k=2, item=item, kind="recommendation") if item else []
        found += retriever.search(question, k=2, kind="recommendation")
    if item:
        found += retriever.search(question, k=k, item=item)
    found += retriever.search(question, k=2 * k)  # ranks other years' passages lower already
    if asked.given:  # the asked year's passages the words missed, after those they found
        found += retriever.search(question, k=k, year=asked.year)
    # A heading alone says nothing to paste or check; two chunks that repeat one long line would
    # be quoted alike: each is shown once.
    kept: list[Passage] = []
    quoted: set[str] = set()
    for p in distinct([*practice, *_by_year(found, asked)]):
        quote = _bare(excerpt(p.text, question))
        if not heading_only(p) and quote not in quoted:
            kept.append(p)
            quoted.add(quote)
    return kept[:k]


def wants_wording(question: str) -> bool:
    """Tell whether a question asks for measures or wording (practice to paste), not a fact."""
    return asks("wording", to_arabic(question))


def _numbers(text: str) -> set[str]:
    """Return the quantities a text states: not list numbers, item codes or indicator numbers."""
    return set(_NUMBER.findall(_LABELS.sub(" ", to_arabic(text))))


def _new_numbers(text: str, question: str) -> set[str]:
    """Return the quantities a text states that the question did not (a year asked is not an answer)."""
    return _numbers(text) - _numbers(question)


def lead_line(question: str, passages: list[Passage], fw: Framework) -> tuple[int, str]:
    """Return the short answer: the line that matches the question best, and its passage's number.

    It is the best passage's best line; but a question asking how much or how many is
    answered by the first passage, in rank order, with a line stating a number the question
    did not give ("ได้เท่าไร": the line with the score, not the heading), and not about
    another indicator than the one asked.
    """
    if asks("threshold", to_arabic(question)):
        asked = set(tokenize(question))
        named = set(query_focus(question, fw).indicators)
        for n, p in enumerate(passages, 1):
            lines = [
                x
                for x in best_line(clean(p.text), question)[1]
                if _new_numbers(x, question) and _about(x, named, fw)
            ]
            if lines:
                best = max(lines, key=lambda x: (len(asked & set(tokenize(x))), -lines.index(x)))
                return n, excerpt(best, question, MAX_LEAD)
    at, lines = best_line(clean(passages[0].text), question)
    return 1, excerpt(lines[at], question, MAX_LEAD)


def _assessed(question: str, asked: YearAsked) -> int:
    """Return the assessment year a measure answers (it runs in the fiscal year after it).

    A year named with measures ("มาตรการ … ปี 2569") is the plan's own year, so the results it
    answers are the year before; a year named with results ("ผลการประเมินปี 2568") is that year.
    """
    if asked.given and not _RESULTS.search(question):
        return asked.year - 1
    return asked.year


def _bare(text: str) -> str:
    """Return text without its cut marks and spaces, to tell whether one excerpt holds another."""
    return "".join(text.replace("…", " ").split())


def _about(line: str, indicators: set[int], fw: Framework) -> bool:
    """Tell whether a line may answer about these indicators: it names none, or only them."""
    named = set(query_focus(line, fw).indicators)
    return not indicators or named <= indicators


def cite(question: str, passages: list[Passage], asked: YearAsked, lead: tuple[int, str]) -> list[str]:
    """Return the numbered citations of a passage answer, with human labels."""
    year = asked.year if asked.given else None
    out = [wording.ANSWER_SOURCES]
    for n, p in enumerate(passages, 1):
        quote = excerpt(p.text, question)
        # The lead line is its passage's best line (or the part of it that matched): what it
        # already shows is not quoted a second time.
        shown = n == lead[0] and _bare(lead[1]) in _bare(quote)
        form = wording.ANSWER_CITATION_LEAD if shown else wording.ANSWER_CITATION
        out.append(form.format(n=n, label=label(p, year), hedge=hedge(p), quote=quote))
    return out


def written_lead(writer: Writer, question: str, passages: list[Passage], year: int) -> str | None:
    """Return the writer's checked answer, hedged when a passage it cites is not confirmed; None on failure."""
    try:
        text = writer.write(question, passages, year)
    except Exception as exc:  # a writer is optional: whatever it raises, the offline answer stands
        log.warning("answer writer failed, offline answer used: %s", type(exc).__name__)
        return None
    if not text:
        return None
    cited = [passages[int(n) - 1] for n in _CITED.findall(text) if 0 < int(n) <= len(passages)]
    if any(is_weak(p) for p in cited) and not _HEDGED.search(text):
        text += wording.FACT_HEDGE["NOT_CONFIRMED"]
    return text


def answer_question(
    question: str,
    retriever: Searcher,
    fw: Framework,
    k: int = 4,
    *,
    playbook: Playbook | None = None,
    profile: AgencyProfile | None = None,
    writer: Writer | None = None,
) -> Answer:
    """Return a Thai answer: a direct one from the facts, else a short answer with numbered citations.

    playbook: for owner units and paste-ready measures; profile: the officer's agency, whose
    type and units the owners are fitted to; writer: an optional LLM that writes the short
    answer from the same passages, used only when its citations check out.
    """
    asked = year_asked(question, fw)
    unconfirmed = _unconfirmed_topics(question, fw)
    direct = fact_answer(question, fw, asked, playbook, profile.type if profile is not None else "")
    if direct:
        return Answer("\n".join([*direct, *unconfirmed]))
    passages = find_passages(question, retriever, fw, asked, k)
    if not passages:
        return Answer("\n".join([wording.ANSWER_NOTHING_FOUND, *unconfirmed]))
    lines = []
    practice = playbook is not None and wants_wording(question)
    # The year line says which year's facts come first: not for measures (practice holds for any
    # year), and only when a passage of that year is shown.
    if asked.given and not wants_wording(question) and any(p.year == asked.year for p in passages):
        lines.append(wording.ANSWER_ABOUT_YEAR.format(year=asked.year))
    lines += unknown_codes(to_arabic(question), fw, asked)  # "ปี 2568 ข้อ O36": not that year's code
    tool = tool_asked(question, fw) if practice else None
    if tool is not None:  # "คะแนน OIT": what the tool covers, then the measures of its indicators
        lines.append(tool_line(tool, fw))
    lead = lead_line(question, passages, fw)
    written = written_lead(writer, question, passages, asked.year) if writer is not None else None
    # A request for measures is answered by the practice's title; the short answer says
    # itself when its fact is not confirmed, not only its citation.
    titled = (
        practice_lead(passages, playbook, every=tool is not None) if playbook is not None and practice else ""
    )
    lines += [
        written
        or titled
        or wording.ANSWER_LEAD.format(sentence=lead[1], hedge=hedge(passages[lead[0] - 1]), n=lead[0]),
        "",
    ]
    # Only a lead line that is shown is left out of its passage's quote.
    quoted = (0, "") if written or titled else lead
    block = (
        paste_block(question, passages, playbook, fw, _assessed(question, asked), profile)
        if playbook and practice
        else []
    )
    if block:
        lines += [*block, ""]
    lines += cite(question, passages, asked, quoted)
    if unconfirmed:
        lines += ["", *unconfirmed]
    if any(p.kind in ("measure_table", "analysis", "score_table") for p in passages):
        lines += ["", wording.ANSWER_OTHER_AGENCIES]
    if any(is_weak(p) for p in passages):
        lines.append(wording.ANSWER_CHECK_UNCONFIRMED)
    return Answer("\n".join(lines).strip(), passages)
