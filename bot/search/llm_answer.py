"""Optional: an LLM writes the short answer from the same numbered passages, and is checked.

The model sees only the passages the offline answer cites (prompts/answer_question.th.md),
between tags, as data: the prompt's roles are split before the question and the passages
are put in, so neither can add a role or close its own tag. The answer is used only if
- it is 1–3 lines and cites at least one passage, and only passages [1]..[n] it was given;
- every number and item code in it occurs in a passage it cites, the question or the year asked;
- every text it says it quotes (its "quotes", and any “…” in the answer) occurs in the passage;
- it names no file, web address or research label.
On any failure (HTTP error, timeout, bad JSON, a failed check) the offline answer stands.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from bot.search.citations import clean
from bot.search.retrieve import Passage
from bot.thai import item_codes, normalize, to_arabic

log = logging.getLogger(__name__)

PROMPT = "answer_question"
MAX_ANSWER = 700
MAX_LINES = 3
MAX_QUESTION = 1000
# A quote in the answer shorter than this is a word or a name, not a claim about a passage.
MIN_QUOTE = 8
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_ROLE = re.compile(r"^<!--\s*role:\s*(system|user)\s*-->\s*$", re.MULTILINE)
# The tags the prompt puts data between: inside the data they are taken out, so it cannot close them.
_DATA_TAGS = re.compile(r"</?\s*(?:question|passages)\s*>|<!--|-->", re.IGNORECASE)
_CITED = re.compile(r"\[(\d{1,2})\]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
# What an officer must never see in an answer: file names, web addresses, section signs, research labels.
_FORBIDDEN = re.compile(
    r"\.(?:ya?ml|md|txt|docx?|pdf|py)\b|§|https?://|knowledge/|#[A-Z]\d|\bseeds?\b|\[public code\]"
    r"|\b(?:SINGLE|NOT_CONFIRMED|CORROBORATED|CONFIRMED|DERIVED)\b",
    re.IGNORECASE,
)


class Writer(Protocol):
    """What answering needs of a writer: answer lines for a question and its passages, or None."""

    def write(self, question: str, passages: list[Passage], year: int | None = None) -> str | None: ...


def _squash(text: str) -> str:
    return "".join(normalize(text).split())


def _numbers(text: str) -> set[float]:
    """Return the values of the numbers in a text (Thai digits and thousands commas read)."""
    text = _THOUSANDS.sub("", to_arabic(normalize(text)))
    return {float(n) for n in _NUMBER.findall(text)}


def check(
    answer: str, quotes: list[dict], passages: list[Passage], question: str = "", year: int | None = None
) -> str:
    """Return why a generated answer cannot be used ("" when it passes every check)."""
    lines = [x for x in answer.splitlines() if x.strip()]
    if not lines or len(answer) > MAX_ANSWER or len(lines) > MAX_LINES:
        return "empty, too long or more than three lines"
    cited = {int(n) for n in _CITED.findall(answer)}
    if not cited:
        return "cites no passage"
    if not cited <= set(range(1, len(passages) + 1)):
        return f"cites a passage that does not exist: {sorted(cited)}"
    if _FORBIDDEN.search(answer):
        return "names a file, an address or a research label"
    # Numbers and item codes come from the passages the answer cites (or the officer's own question).
    given = " ".join([question, *(passages[n - 1].text for n in sorted(cited))])
    known = _numbers(given) | ({float(year)} if year else set())
    unknown = _numbers(_CITED.sub(" ", answer)) - known
    if unknown:
        return f"states numbers no passage has: {sorted(unknown)}"
    codes = set(item_codes(answer)) - set(item_codes(given))
    if codes:
        return f"names items no passage has: {sorted(codes)}"
    for q in quotes:
        n, text = q.get("n"), str(q.get("text", ""))
        if not isinstance(n, int) or not 1 <= n <= len(passages):
            return f"quotes a passage that does not exist: {n!r}"
        if _squash(text) not in _squash(passages[n - 1].text):
            return f"quote not in passage {n}"
    bodies = [_squash(p.text) for p in passages]
    for text in _QUOTED.findall(answer):
        if len(text.strip()) >= MIN_QUOTE and not any(_squash(text) in b for b in bodies):
            return "a quoted text occurs in no passage"
    return ""


def _as_data(text: str) -> str:
    """Return text to put between the prompt's tags: the tags and comment marks taken out."""
    return _DATA_TAGS.sub(" ", text)


class GroundedWriter:
    """Write the short answer with an OpenAI-compatible chat model, grounded in the cited passages."""

    def __init__(self, chat: BaseChatModel, prompts_dir: Path) -> None:
        self.chat = chat
        template = (Path(prompts_dir) / f"{PROMPT}.th.md").read_text(encoding="utf-8")
        # The roles are split first and each filled on its own: a value can never add a role.
        parts = _ROLE.split(template)
        self.sections = list(zip(parts[1::2], parts[2::2], strict=True)) or [("user", template)]

    def _messages(self, question: str, passages: list[Passage], year: int | None) -> list[BaseMessage]:
        numbered = "\n".join(
            f"[{n}] {' '.join(_as_data(clean(p.text)).split())}" for n, p in enumerate(passages, 1)
        )
        values = {
            "question": " ".join(_as_data(question).split())[:MAX_QUESTION],
            "passages": numbered,
            "year": str(year) if year else "-",
        }
        out: list[BaseMessage] = []
        for role, body in self.sections:
            text = _PLACEHOLDER.sub(lambda m: values[m.group(1)], body).strip()  # one pass: values stay data
            out.append(SystemMessage(text) if role == "system" else HumanMessage(text))
        return out

    def write(self, question: str, passages: list[Passage], year: int | None = None) -> str | None:
        """Return the checked answer, or None (the offline answer is used) on any failure.

        year: the assessment year the answer is about (a number the answer may state).
        """
        if not passages:
            return None
        try:
            reply = self.chat.invoke(self._messages(question, passages, year))
            data = json.loads(str(reply.content))
            answer = str(data.get("answer", "")).strip()
            quotes = data.get("quotes") or []
            if not isinstance(quotes, list) or not all(isinstance(q, dict) for q in quotes):
                raise ValueError("quotes is not a list of objects")
        except Exception as exc:  # the endpoint is optional: any failure means the offline answer
            log.warning("LLM answer failed, offline answer used: %s", type(exc).__name__)
            return None
        why = check(answer, quotes, passages, question, year)
        if why:
            log.warning("LLM answer rejected, offline answer used: %s", why)
            return None
        return answer
