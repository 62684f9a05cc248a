"""Find indicator names in a line: the framework's names, their variants and typos, by fuzzy matching."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.ita.framework import Framework


@dataclass
class NameHit:
    """An indicator name found in a line."""

    number: int
    start: int
    end: int
    score: float
    misprint: bool


_NAMES: dict[int, tuple[Framework, list[tuple[int, str, bool, frozenset[str]]]]] = {}
_HITS: dict[tuple[int, str], list[NameHit]] = {}


def _trigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 3] for i in range(len(text) - 2))


def _names(fw: Framework) -> list[tuple[int, str, bool, frozenset[str]]]:
    cached = _NAMES.get(id(fw))
    if cached and cached[0] is fw:
        return cached[1]
    out = []
    for ind in fw.indicators:
        out += [(ind.number, n, False) for n in ind.all_names()]
        # Officers drop the nominaliser: "ตัวชี้วัดที่ป้องกันการทุจริต".
        out += [(ind.number, n[3:], False) for n in ind.all_names() if n.startswith("การ") and len(n) >= 14]
        out += [(ind.number, n, True) for n in ind.misprints]
    names = [(number, name, misprint, _trigrams(name)) for number, name, misprint in out]
    _NAMES[id(fw)] = (fw, names)
    return names


# Thai marks above and below the letters (vowels, tone marks, and the nikhahit of "ำ"): a PDF copy often
# drops them or puts them after the next letter ("ตวัชี้วดั", "การปรบัปรงุการท างาน"). Names are also
# matched on their letters alone, the "skeleton", so such a copy still names its indicators.
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def skeleton(text: str) -> tuple[str, list[int]]:
    """The text without Thai marks ("ำ" as "า"), and where each of its letters was in the text."""
    kept = [(i, "\u0e32" if ch == "\u0e33" else ch) for i, ch in enumerate(text) if not _MARKS.match(ch)]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def _skeleton_names(fw: Framework) -> list[tuple[int, str, bool, frozenset[str]]]:
    cached = _SKELETONS.get(id(fw))
    if cached and cached[0] is fw:
        return cached[1]
    out = [(n, skeleton(name)[0], m, _trigrams(skeleton(name)[0])) for n, name, m, _ in _names(fw)]
    _SKELETONS[id(fw)] = (fw, out)
    return out


_SKELETONS: dict[int, tuple[Framework, list[tuple[int, str, bool, frozenset[str]]]]] = {}


def _aligned(
    text: str, names: list[tuple[int, str, bool, frozenset[str]]], floor: float = 0
) -> list[NameHit]:
    hits: list[NameHit] = []
    grams = _trigrams(text)
    for number, name, misprint, name_grams in names:
        if len(text) < len(name) * 0.8 or grams.isdisjoint(name_grams):
            continue
        # 88 on ten letters allows one slip; a long name may have two ("แก้ปัญหาทุจริต" for
        # "แก้ไขปัญหาทุจริต": one slip per eight letters)
        slipped = 100 * (len(name) - len(name) // 8) / len(name) - 0.5 if len(name) >= 16 else 100
        cutoff = max(floor, min(88 if len(name) >= 10 else 92, slipped))
        masked = text
        for _ in range(4):  # a line may name the same indicator more than once
            al = fuzz.partial_ratio_alignment(name, masked, score_cutoff=cutoff)
            if al is None or (al.dest_end - al.dest_start) < 0.8 * len(name):
                break
            end = al.dest_end
            while end > al.dest_start and (text[end - 1].isspace() or text[end - 1].isdigit()):
                end -= 1  # an alignment may reach over the space into the value after the name
            hits.append(NameHit(number, al.dest_start, end, al.score + len(name) / 100, misprint))
            masked = masked[: al.dest_start] + " " * (al.dest_end - al.dest_start) + masked[al.dest_end :]
    return hits


def name_hits(line: str, fw: Framework) -> list[NameHit]:
    """Find every indicator name (with variants and typos) in a squeezed line, best match per place.

    A name that shares no three-letter run with the line cannot reach the fuzzy cut-off (88 on ten
    letters allows one slip), so it is not tried: most lines are skipped without any fuzzy match.
    """
    key = (id(fw), line)
    if key in _HITS:
        return list(_HITS[key])
    text = line[:3000]
    hits = _aligned(text, _names(fw))
    bare, at = skeleton(text)
    if len(bare) < len(text):  # the same names on the letters alone, a little below a full match
        for h in _aligned(bare, _skeleton_names(fw), floor=95):  # the letters all but the same
            start, end = at[h.start], at[h.end - 1] + 1 if h.end > h.start else at[h.start]
            while end > start and not _THAI_LETTER.match(text[end - 1]):
                end -= 1  # an alignment may reach over the space into the value after the name
            while start < end and not _THAI_LETTER.match(text[start]):
                start += 1
            if end > start:
                hits.append(NameHit(h.number, start, end, h.score - 1, h.misprint))
    hits.sort(key=lambda h: -h.score)
    kept: list[NameHit] = []
    for h in hits:
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    kept.sort(key=lambda h: h.start)
    if len(_HITS) > 4096:
        _HITS.clear()
    _HITS[key] = kept
    return list(kept)
