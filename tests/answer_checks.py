"""What an answer an officer pastes must never show, and how a factual answer is graded.

Shared by tests/test_answers_*.py and benchmarks/facts.py.
"""

from __future__ import annotations

import re

# A developer's source line: file names, section signs, crawl labels, seed numbers, keys.
_DEV_SOURCE = re.compile(
    r"[\w./-]+\.(?:ya?ml|md|txt|docx?|pdf|py|js|php)\b|§|\[public code\]|\bseed\s*\d|\bseeds?\b"
    r"|knowledge/|#[A-Z]\d|\bgh:|https?://",
    re.IGNORECASE,
)
_CONFIDENCE = re.compile(r"\b(?:SINGLE|NOT_CONFIRMED|CORROBORATED|CONFIRMED|DERIVED)\b")
# The plain-Thai hedge (any of the bot's wordings of "not confirmed").
HEDGE = re.compile(r"ยังไม่ได้(?:รับการ)?ยืนยัน|ยังไม่ยืนยัน")
_QUOTE = re.compile(r"“([^”]{20,})”")


def answer_problems(text: str) -> list[str]:
    """Return what is wrong with an answer's text: developer sources, confidence codes, repeats."""
    problems = [f"developer source: {m.group(0)!r}" for m in _DEV_SOURCE.finditer(text)]
    problems += [f"confidence code: {m.group(0)}" for m in _CONFIDENCE.finditer(text)]
    quotes = [" ".join(q.split()) for q in _QUOTE.findall(text)]
    problems += [f"duplicated passage: {q[:40]!r}" for n, q in enumerate(quotes) if q in quotes[:n]]
    return problems


def grade(question: dict, text: str) -> str:
    """Return "right", "unconfirmed" (says the fact is not confirmed, asserts nothing wrong) or "wrong"."""
    if any(re.search(f, text) for f in question.get("forbid", [])):
        return "wrong"
    hedged = bool(HEDGE.search(text))
    year = question.get("year")
    right = (
        all(re.search(e, text) for e in question.get("expect", []))
        and (year is None or str(year) in text)
        and (hedged or not question.get("hedged"))
    )
    if right:
        return "right"
    return "unconfirmed" if hedged else "wrong"
