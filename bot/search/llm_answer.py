"""Optional: an LLM writes the short answer from the same numbered passages, and is checked.

The model sees only the passages the offline answer cites (prompts/answer_question.th.md).
Its answer is used only if every [n] it cites exists, every text it says it quotes occurs in
that passage, and it names no file or research label; on any failure (network, timeout,
bad JSON, a failed check) the offline answer stands.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from bot.search.citations import clean
from bot.search.retrieve import Passage
from bot.thai import normalize

log = logging.getLogger(__name__)

PROMPT = "answer_question"
MAX_ANSWER = 700
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_ROLE = re.compile(r"^<!--\s*role:\s*(system|user)\s*-->\s*$", re.MULTILINE)
_CITED = re.compile(r"\[(\d{1,2})\]")
# What an officer must never see in an answer: file names, section signs, research labels.
_FORBIDDEN = re.compile(
    r"\.(?:ya?ml|md|txt|docx?|pdf)\b|§|\bseeds?\b|\[public code\]|\b(?:SINGLE|NOT_CONFIRMED|CORROBORATED|DERIVED)\b",
    re.IGNORECASE,
)


class Writer(Protocol):
    """What answering needs of a writer: answer lines for a question and its passages, or None."""

    def write(self, question: str, passages: list[Passage]) -> str | None: ...


def _squash(text: str) -> str:
    return "".join(normalize(text).split())


def check(answer: str, quotes: list[dict], passages: list[Passage]) -> str:
    """Return why a generated answer cannot be used ("" when it passes every check)."""
    if not answer.strip() or len(answer) > MAX_ANSWER:
        return "empty or too long"
    cited = {int(n) for n in _CITED.findall(answer)}
    if not cited:
        return "cites no passage"
    if not cited <= set(range(1, len(passages) + 1)):
        return f"cites a passage that does not exist: {sorted(cited)}"
    if _FORBIDDEN.search(answer):
        return "names a file or a research label"
    for q in quotes:
        n, text = q.get("n"), str(q.get("text", ""))
        if not isinstance(n, int) or not 1 <= n <= len(passages):
            return f"quotes a passage that does not exist: {n!r}"
        if _squash(text) not in _squash(passages[n - 1].text):
            return f"quote not in passage {n}"
    return ""


class GroundedWriter:
    """Write the short answer with an OpenAI-compatible chat model, grounded in the cited passages."""

    def __init__(self, chat: BaseChatModel, prompts_dir: Path) -> None:
        self.chat = chat
        self.template = (Path(prompts_dir) / f"{PROMPT}.th.md").read_text(encoding="utf-8")

    def _messages(self, question: str, passages: list[Passage]) -> list:
        numbered = "\n".join(f"[{n}] {' '.join(clean(p.text).split())}" for n, p in enumerate(passages, 1))
        values = {"question": question, "passages": numbered}
        text = _PLACEHOLDER.sub(lambda m: values[m.group(1)], self.template)  # one pass: passages stay data
        parts = _ROLE.split(text)
        roles = dict(zip(parts[1::2], (p.strip() for p in parts[2::2]), strict=True))
        return [SystemMessage(roles.get("system", "")), HumanMessage(roles.get("user", text))]

    def write(self, question: str, passages: list[Passage]) -> str | None:
        """Return the checked answer, or None (the offline answer is used) on any failure."""
        if not passages:
            return None
        try:
            reply = self.chat.invoke(self._messages(question, passages))
            data = json.loads(str(reply.content))
            answer = str(data.get("answer", "")).strip()
            quotes = data.get("quotes") or []
            if not isinstance(quotes, list) or not all(isinstance(q, dict) for q in quotes):
                raise ValueError("quotes is not a list of objects")
        except Exception as exc:
            log.warning("LLM answer failed, offline answer used: %s", type(exc).__name__)
            return None
        why = check(answer, quotes, passages)
        if why:
            log.warning("LLM answer rejected, offline answer used: %s", why)
            return None
        return answer
