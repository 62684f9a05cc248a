"""Answer questions about ITA wording extractively, quoting cited passages.

The default engine never paraphrases: it quotes the best passages with their
sources, so an officer can copy official wording and check where it came from.
Facts whose source is not confirmed are marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot import wording
from bot.ita.framework import Framework
from bot.search.retrieve import Passage, Searcher, query_focus

_KIND_TH = wording.ANSWER_KIND
_WEAK = ("SINGLE", "NOT_CONFIRMED")
_WANTS_MEASURES = ("มาตรการ", "ตัวอย่าง", "แนวทาง", "ควรทำ", "ทำอย่างไร", "โครงการ", "กิจกรรม")
# A quote longer than this buries the answer in a chat bubble; it is cut at a space.
MAX_QUOTE = 600


@dataclass
class Answer:
    """A Thai answer and the passages it quotes."""

    text: str
    passages: list[Passage] = field(default_factory=list)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[:MAX_QUOTE].rsplit(" ", 1)[0] + " …"


def answer_question(question: str, retriever: Searcher, fw: Framework, k: int = 4) -> Answer:
    """Return an extractive Thai answer quoting the k best passages with numbered citations."""
    focus = query_focus(question, fw)
    item = focus.items[0] if len(focus.items) == 1 else None
    passages: list[Passage] = []
    if any(word in question for word in _WANTS_MEASURES):
        # "ขอตัวอย่างมาตรการ…" wants practice, not the item's definition: playbook and
        # other agencies' measure tables first, then whatever else fits.
        for kind in ("playbook", "measure_table"):
            passages += retriever.search(question, k=2, item=item, kind=kind) if item else []
            passages += [p for p in retriever.search(question, k=2, kind=kind) if p not in passages]
        passages = passages[: max(2, k // 2)]
    if item:
        seen = {p.chunk_id for p in passages}
        passages += [p for p in retriever.search(question, k=k, item=item) if p.chunk_id not in seen]
        passages = passages[:k]
    if len(passages) < k:
        seen = {p.chunk_id for p in passages}
        passages += [p for p in retriever.search(question, k=k) if p.chunk_id not in seen][
            : k - len(passages)
        ]
    if not passages:
        return Answer(wording.ANSWER_NOTHING_FOUND)
    lines = [wording.ANSWER_HEADING, ""]
    hedged = False
    for n, p in enumerate(passages, 1):
        label = _KIND_TH.get(p.kind, p.kind)
        where = (
            f"{p.source}"
            + (wording.ANSWER_WHERE_AGENCY.format(agency=p.agency) if p.agency else "")
            + (wording.ANSWER_WHERE_YEAR.format(year=p.year) if p.year else "")
        )
        lines.append(wording.ANSWER_QUOTE.format(n=n, label=label, quote=_quote(p.text)))
        lines.append(wording.ANSWER_SOURCE.format(where=where))
        if p.confidence in _WEAK:
            lines.append(wording.ANSWER_UNCONFIRMED)
            hedged = True
        lines.append("")
    if any(p.kind in ("measure_table", "analysis") for p in passages):
        lines.append(wording.ANSWER_OTHER_AGENCIES)
    if hedged:
        lines.append(wording.ANSWER_CHECK_UNCONFIRMED)
    return Answer("\n".join(lines).strip(), passages)
