"""What the officer should check before publishing: the review notes, kept out of the published plan.

The published Word plan states only what an agency would publish. Whatever the bot is not
sure of, or where a row came from, goes to the officer instead: as the numbered list
"ก่อนเผยแพร่ โปรดตรวจสอบ…" in chat when the Word file is sent (bot.dialogue.files), and at
the top of the review copy (render_docx(..., review=True)), which also keeps the per-row
sources and their appendix.
"""

from __future__ import annotations

import re

from bot import wording as w
from bot.ita.facts import SOLID
from bot.ita.framework import Framework
from bot.ita.measures import Draft, Source

_OIT_CODE = re.compile(r"\bO\d{1,2}\b")


def recommendation_confirmed(source: Source, framework: Framework) -> bool | None:
    """Tell whether a cited passage is a NACC recommendation the framework confirms.

    True: a recommendation of confirmed or corroborated wording; False: one known only from
    a single agency's report; None: not a recommendation of the framework at all.
    """
    for rec in framework.recommendations:
        if source.text.startswith(rec.text) or any(source.text.startswith(v) for v in rec.variants):
            return rec.confidence in SOLID
    return None


def _unconfirmed_recommendations(draft: Draft, framework: Framework) -> list[int]:
    return sorted(
        {
            r.indicator
            for r in draft.rows
            for s in r.sources
            if recommendation_confirmed(s, framework) is False
        }
    )


def _oit_codes(draft: Draft) -> list[str]:
    codes = {c for r in draft.rows for c in r.items if c.startswith("O")}
    codes |= {c for r in draft.rows for c in _OIT_CODE.findall(" ".join([r.topic, r.analysis, *r.steps]))}
    return sorted(codes, key=lambda c: int(c[1:]))


def _oit_year_confirmed(framework: Framework, year: int | None) -> bool:
    if year is None or year not in framework.oit_years:
        return False
    entry = framework.oit_years[year]
    return entry.confidence in SOLID and bool(entry.items)


_LABEL = re.compile(r"\s*\((?:ความเชื่อมั่น|confidence)\s*:\s*[A-Z_]+\)")


def without_labels(text: str) -> str:
    """Return a note without its confidence label ("(ความเชื่อมั่น: NOT_CONFIRMED)"): words for an officer."""
    return _LABEL.sub("", text)


_INDICATOR = re.compile(r"ตัวชี้วัดที่ (\d{1,2})")


_CODES = re.compile(r"\(((?:[OIE]\d{1,2})(?:, [OIE]\d{1,2})*)\)")


def _code_order(code: str) -> tuple[str, int]:
    return code[0], int(code[1:])


def _grouped(checks: list[str]) -> list[str]:
    """Say once what the checks say per indicator or item list.

    "… ตัวชี้วัดที่ 1, 3, 4 …" instead of one line each, and one "ชื่อข้อ OIT … (O1, O3, O21)"
    instead of one line per row that names items.
    """
    groups: dict[str, list[str]] = {}
    for check in checks:
        numbers = _INDICATOR.findall(check)
        codes = _CODES.findall(check)
        if len(numbers) == 1:
            groups.setdefault(_INDICATOR.sub("ตัวชี้วัดที่ {n}", check, count=1), []).append(numbers[0])
        elif len(codes) == 1:
            groups.setdefault(_CODES.sub("({c})", check, count=1), []).extend(codes[0].split(", "))
        else:
            groups.setdefault(check, [])
    out = []
    for key, values in groups.items():
        if "{n}" in key:
            out.append(key.replace("{n}", ", ".join(sorted(set(values), key=int))))
        elif "{c}" in key:
            out.append(key.replace("{c}", ", ".join(sorted(set(values), key=_code_order))))
        else:
            out.append(key)
    return out


def review_notes(draft: Draft, framework: Framework) -> list[str]:
    """Return the numbered-list items the officer should check before publishing (may be empty)."""
    notes: list[str] = []
    if draft.level and draft.level_note:
        notes.append(w.REVIEW_LEVEL.format(level=draft.level))
    notes.extend(draft.notes)
    notes.extend(_grouped(draft.checks))  # doubtful item titles the rows left out, one line per kind
    weak = _unconfirmed_recommendations(draft, framework)
    if weak:
        notes.append(w.REVIEW_RECOMMENDATIONS.format(indicators=", ".join(map(str, weak))))
    codes = _oit_codes(draft)
    year = draft.fiscal_year or draft.agency.measures_year()
    if codes and not _oit_year_confirmed(framework, year):
        notes.append(w.REVIEW_OIT_ITEMS.format(codes=", ".join(codes), year=year or "ที่ประเมิน"))
    if draft.rows:
        notes.append(w.REVIEW_FIT)
    return list(dict.fromkeys(notes))
