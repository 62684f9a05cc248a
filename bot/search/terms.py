"""Officers' words read with the documents' words: English terms and chat Thai (knowledge/officer_terms.yaml).

An officer asks for "แผน HR", "measure", "ของหลวง" or "ไม่รับของขวัญ"; the documents say
ทรัพยากรบุคคล, มาตรการ, ทรัพย์สินของราชการ and "NO GIFT POLICY". BM25 only matches words it
sees, so the retriever adds the documents' words for the terms a question uses (query
expansion from data); the question itself is kept as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.thai import normalize, tokenize

TERMS_FILE = "officer_terms.yaml"  # in the knowledge folder


def _english(term: str) -> re.Pattern[str]:
    """Match an English term as whole words, "-" and spaces alike ("e-service" = "E Service")."""
    words = [re.escape(w) for w in re.split(r"[\s\-–]+", term.strip()) if w]
    return re.compile(r"(?<![A-Za-z0-9])" + r"[\s\-–]*".join(words) + r"(?![A-Za-z0-9])", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    """One entry: what officers say, and the words the documents use for it."""

    say: tuple[str, ...]
    means: tuple[str, ...]


class Terms:
    """Every entry of the officer-terms file, ready to match questions."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms
        self._english = [[_english(s) for s in t.say if s.isascii() and not _is_parts(s)] for t in terms]
        self._thai = [
            [tuple(tokenize(s, drop_stopwords=False)) for s in t.say if not s.isascii() and not _is_parts(s)]
            for t in terms
        ]
        self._parts = [[_parts(s) for s in t.say if _is_parts(s)] for t in terms]
        # the lengths of the Thai runs: a question's word runs of these lengths are looked up in one set
        self._lengths = sorted({len(run) for runs in self._thai for run in runs if run})

    def expansion(self, question: str) -> list[str]:
        """Return the documents' words for the terms a question uses, those it does not already say."""
        text = normalize(question)
        words = tokenize(text, drop_stopwords=False)
        squashed = "".join(text.split()).lower()
        runs = {tuple(words[i : i + n]) for n in self._lengths for i in range(len(words) - n + 1)}
        out: list[str] = []
        for term, english, thai, parts in zip(
            self.terms, self._english, self._thai, self._parts, strict=True
        ):
            if (
                any(rx.search(text) for rx in english)
                or any(run in runs for run in thai)
                or any(all(part in squashed for part in these) for these in parts)
            ):
                out += [m for m in term.means if "".join(m.split()).lower() not in squashed and m not in out]
        return out

    def expand(self, question: str) -> str:
        """Return the question with the documents' words for its terms added at the end."""
        extra = self.expansion(question)
        return " ".join([question, *extra]) if extra else question


def _is_parts(said: str) -> bool:
    return said.endswith("*") or "+" in said


def _parts(said: str) -> tuple[str, ...]:
    """A stem "เลี้ยง*" matches inside any word (เลี้ยงข้าว, กินเลี้ยง); "ย้อนหลัง+เซ็น" needs both anywhere."""
    return tuple("".join(normalize(p).split()).lower() for p in said.rstrip("*").split("+") if p.strip())


@lru_cache(maxsize=4)
def load_terms(knowledge_dir: Path) -> Terms:
    """Read the knowledge folder's officer-terms file (no file: no terms)."""
    path = Path(knowledge_dir) / TERMS_FILE
    if not path.exists():
        return Terms([])
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Terms([Term(tuple(map(str, e["say"])), tuple(map(str, e["means"]))) for e in raw.get("terms", [])])
