"""The assessment year a question is about: B.E. or C.E., two or four digits, or "ปีนี้".

A question with no year is answered for the current framework year, which is the
latest assessment year the knowledge lists; the answer then says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ita.framework import Framework
from bot.thai import BE_OFFSET, to_arabic

# A two-digit year only counts after a year word ("ปี 68", "ITA68", "ปีงบ 69", "พ.ศ. 67");
# a four-digit one anywhere, when it is a plausible assessment year (B.E. 2555–2579, C.E. 2012–2036).
_YEAR = re.compile(
    r"(?:พ\.?\s?ศ\.?|ปีงบประมาณ|ปีงบ|ปีการประเมิน|ปี|ITA|year|FY)\s*(?:พ\.?\s?ศ\.?)?\s*(\d{2})(?![\d.,])"
    r"|(?<![\d.,])(25[5-7]\d|20[1-3]\d)(?![\d.,])",
    re.IGNORECASE,
)
# Relative years, counted from the current framework year.
_RELATIVE = (
    (re.compile(r"ปีนี้|ปีปัจจุบัน|ปีล่าสุด|this year|current year", re.IGNORECASE), 0),
    (re.compile(r"ปีที่แล้ว|ปีก่อน|ปีที่ผ่านมา|last year", re.IGNORECASE), -1),
    (re.compile(r"ปีหน้า|ปีถัดไป|next year", re.IGNORECASE), 1),
)


@dataclass(frozen=True)
class YearAsked:
    """The year an answer is about, and whether the question named it."""

    year: int
    given: bool


def current_year(fw: Framework) -> int:
    """Return the current framework year: the latest assessment year the knowledge lists."""
    years = [*fw.oit_years, *(s.years[0] for s in fw.scales)]
    return max(years) if years else 0


def _be(raw: str) -> int | None:
    y = int(raw)
    if len(raw) == 2:
        y += 2500
    elif y < 2500:
        y += BE_OFFSET
    return y if 2555 <= y <= 2579 else None


def years_named(question: str) -> list[int]:
    """Return the B.E. assessment years a question writes, in order, without repeats."""
    out: list[int] = []
    for m in _YEAR.finditer(to_arabic(question)):
        y = _be(m.group(1) or m.group(2))
        if y is not None and y not in out:
            out.append(y)
    return out


def year_asked(question: str, fw: Framework) -> YearAsked:
    """Return the year a question is about; the current framework year when it names none."""
    named = years_named(question)
    if named:
        return YearAsked(named[0], True)
    now = current_year(fw)
    for rx, shift in _RELATIVE:
        if rx.search(question):
            return YearAsked(now + shift, True)
    return YearAsked(now, False)


def strip_years(question: str) -> str:
    """Return the question without its year words, so a year is never read as a score."""
    return _YEAR.sub(" ", to_arabic(question))
