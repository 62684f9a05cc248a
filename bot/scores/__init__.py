"""Parse, validate, merge and correct the ITA scores an officer sends in chat.

It runs past 400 lines: parse_scores settles a message's years (labels, a corrected year, the previous
year) in one place, next to the ScoreSet and ParseResult it fills.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from bot import wording
from bot.ita.framework import Framework
from bot.scores.lines import bounded
from bot.scores.names import name_hits
from bot.scores.normalise import normalise
from bot.scores.prose import BEFORE_LAST, LAST_YEAR, THIS_YEAR
from bot.scores.prose import RELATIVE as THIS_YEAR_RANK
from bot.scores.spoken import ANY_NUM_WORD
from bot.scores.tables import ITEM, ITEM_RANGES, TOOL, Extraction, Found, extract, fixed_year, pick_year
from bot.scores.text import FULL_MARKS, squeeze
from bot.scores.when import not_out

# A pasted score table is a few thousand characters; more is a whole report pasted by mistake.
MAX_CHARS = 60_000
EXAMPLE = wording.SCORES_EXAMPLE


# Full marks said in words: "ได้เต็มร้อย", "ได้เต็มทุกตัวชี้วัด".
_FULL_IN_WORDS = re.compile(rf"เต็ม\s*+(?:ร้อย|100)|{FULL_MARKS.pattern}")


# What any value needs (before normalising): a digit, a number word, full marks, a keycap or 💯.
_MAY_HOLD_A_VALUE = re.compile(rf"\d|{ANY_NUM_WORD.pattern}|เต็ม|\u20e3|\U0001f51f|\U0001f4af")


def has_number(text: str) -> bool:
    """Tell whether a text holds a number as the parser reads it: digits (Thai ones too), or the
    number words voice typing writes ("ตัวชี้วัดที่เก้าได้แปดสิบเก้าจุดห้า", "ได้เต็มร้อย")."""
    text = (text or "")[:MAX_CHARS]
    if any(ch.isdigit() for ch in text):
        return True
    return any(ch.isdigit() for ch in normalise(text)) or bool(_FULL_IN_WORDS.search(text))


class ScoreSet(BaseModel):
    """The scores known so far for one agency and one assessment year."""

    year: int | None = None
    overall: float | None = None
    indicators: dict[int, float] = Field(default_factory=dict)
    items: dict[str, float] = Field(default_factory=dict)
    tools: dict[str, float] = Field(default_factory=dict)

    def merge(self, other: ScoreSet) -> ScoreSet:
        """Return these scores updated by `other`; the later value wins per key."""
        return ScoreSet(
            year=other.year if other.year is not None else self.year,
            overall=other.overall if other.overall is not None else self.overall,
            indicators={**self.indicators, **other.indicators},
            items={**self.items, **other.items},
            tools={**self.tools, **other.tools},
        )

    def to_json(self) -> dict:
        """Return a JSON-ready dict: indicator keys "1".."10", item keys such as "I14"."""
        return {
            "year": self.year,
            "overall": self.overall,
            "indicators": {str(k): v for k, v in sorted(self.indicators.items())},
            "items": dict(sorted(self.items.items(), key=lambda kv: (kv[0][0], int(kv[0][1:])))),
            "tools": dict(self.tools),
        }

    @classmethod
    def from_json(cls, data: dict) -> ScoreSet:
        """Build a ScoreSet from the dict that to_json returns."""
        return cls(
            year=data.get("year"),
            overall=data.get("overall"),
            indicators={int(k): float(v) for k, v in (data.get("indicators") or {}).items()},
            items={str(k): float(v) for k, v in (data.get("items") or {}).items()},
            tools={str(k): float(v) for k, v in (data.get("tools") or {}).items()},
        )

    def missing_indicators(self, numbers: Iterable[int]) -> list[int]:
        """Return which of the framework's indicator numbers have no score yet."""
        return [n for n in numbers if n not in self.indicators]

    def is_empty(self) -> bool:
        """Tell whether no score at all is known."""
        return not (self.indicators or self.items or self.tools or self.overall is not None)


@dataclass
class ParseResult:
    """What one message said: the scores read, or why they cannot be used.

    scores: the latest assessment year's scores (with two years in one message, the latest wins).
    error: Thai text saying what could not be used and what to send instead (valid values are kept).
    warnings: Thai notes on how something was read (e.g. several values in one table row).
    missing: the framework's indicator numbers with no score yet.
    previous: the earlier year's scores when a message gives two years ("ปี 67 ได้ 72.5 ปี 68 ได้ 81.25"),
        kept for comparisons; None when the message gives one year.
    fiscal_year: the B.E. fiscal year of the plan the officer asks for ("ร่างมาตรการปีงบ 69" -> 2569);
        it is never taken as the assessment year. None when not said.
    unsure: one short Thai question per read that is likely but not certain (ten unlabelled numbers
        read as indicators 1..10 in order, a lone number read as the overall score). The scores are
        filled in; the dialogue should confirm them with the officer rather than use them silently.
    named_items: item codes the message names as missing or failed without a score ("ข้อ O13 O14
        ยังไม่ได้เผยแพร่"), in order. No score is made up for them: they are not in scores.items, and a
        message that gives nothing else still has its error. The dialogue may ask for their scores.
    """

    scores: ScoreSet
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)
    previous: ScoreSet | None = None
    fiscal_year: int | None = None
    unsure: list[str] = field(default_factory=list)
    named_items: list[str] = field(default_factory=list)


def _label(kind: str, key: int | str) -> str:
    labels = {
        "indicator": wording.SCORE_LABEL_INDICATOR,
        "item": wording.SCORE_LABEL_ITEM,
        "overall": wording.SCORE_LABEL_OVERALL,
    }
    return labels.get(kind, wording.SCORE_LABEL_TOOL).format(key=key)


def _fix_example(kind: str, key: int | str, value: float | None = None) -> str:
    shown = f"{value:.2f}" if value is not None and 0 <= value <= 100 else "90.00"
    if kind == "indicator":
        return wording.FIX_INDICATOR.format(key=key, value=shown)
    if kind == "item":
        return wording.FIX_ITEM.format(key=key, value=shown)
    return wording.FIX_OTHER.format(key=wording.FIX_OVERALL_KEY if kind == "overall" else key, value=shown)


def _invalid(f: Found, fw: Framework) -> str | None:
    if f.kind == "indicator" and int(f.key) not in fw.indicator_numbers:
        return wording.SCORE_NO_SUCH_INDICATOR.format(key=f.key, last=max(fw.indicator_numbers))
    if f.value > 100:
        return wording.SCORE_OVER_100.format(
            label=_label(f.kind, f.key), value=f.value, fix=_fix_example(f.kind, f.key)
        )
    if f.value < 0:
        return wording.SCORE_BELOW_0.format(
            label=_label(f.kind, f.key), value=f.value, fix=_fix_example(f.kind, f.key)
        )
    return None


def _settle(found: list[Found], errors: list[str], warnings: list[str]) -> dict[tuple[str, int | str], float]:
    """Keep one value per key: a table beats prose, a stated overall beats an "ITA …" mention."""
    groups: dict[tuple[str, int | str], list[Found]] = {}
    for f in found:
        groups.setdefault((f.kind, f.key), []).append(f)
    out: dict[tuple[str, int | str], float] = {}
    for (kind, key), fs in groups.items():
        fixes = [f for f in fs if f.fix]
        if fixes:  # "ได้ 80 เอ้ย 85", "แก้เป็น 66": the officer's own correction wins, no question
            out[(kind, key)] = fixes[-1].value
            continue
        best = [f for f in fs if f.table] or fs
        # a key's own value beats a stated overall's "ITA …" mention, and one value said of many keys
        # ("ได้เต็มร้อยทุกตัวชี้วัด ยกเว้นตัวที่ 9 ได้ 70 กับตัวที่ 10 ได้ 88.5")
        best = [f for f in best if not f.weak] or best
        values = sorted({round(f.value, 2) for f in best})
        if len(values) > 1 and kind != "overall":
            shown = wording.SCORE_CONFLICT_JOIN.join(f"{v:.2f}" for v in values)
            errors.append(
                wording.SCORE_CONFLICT.format(
                    label=_label(kind, key), values=shown, fix=_fix_example(kind, key, values[-1])
                )
            )
            continue
        chosen = best[0].value
        others = sorted({round(f.value, 2) for f in fs} - {round(chosen, 2)})
        if others:
            where = wording.SCORE_WHERE_TABLE if best[0].table else wording.SCORE_WHERE_FIRST
            warnings.append(
                wording.SCORE_ALSO_SEEN.format(
                    label=_label(kind, key),
                    others=", ".join(f"{v:.2f}" for v in others),
                    where=where,
                    chosen=chosen,
                    fix=_fix_example(kind, key, others[0]),
                )
            )
        out[(kind, key)] = chosen
    return out


def parse_scores(text: str, fw: Framework, year: int | None = None) -> ParseResult:
    """Read one chat message into scores, or explain in Thai what to send instead."""
    text = text or ""
    if not re.search(r"[0-9A-Za-z\u0e00-\u0e7f]", text) or re.fullmatch(
        r"\s*\[?(?:sticker|สติกเกอร์|image|รูปภาพ)\]?\s*", text, re.I
    ):
        return ParseResult(ScoreSet(year=year), error=wording.SCORES_EMPTY_MESSAGE.format(example=EXAMPLE))
    if len(text) > MAX_CHARS:
        return ParseResult(
            ScoreSet(year=year),
            error=wording.SCORES_TOO_LONG.format(length=len(text), limit=MAX_CHARS, example=EXAMPLE),
        )
    text, cut = bounded(text)
    # no digit, number word, full marks or keycap: no value to read, so no table or prose to read either
    ex = extract(text, fw) if _MAY_HOLD_A_VALUE.search(text) else Extraction()
    errors: list[str] = []
    warnings = list(dict.fromkeys(([cut] if cut else []) + ex.warnings))
    valid = []
    for f in ex.found:
        problem = _invalid(f, fw)
        if problem:
            errors.append(problem)
        else:
            valid.append(f)
    _anchor_relative(valid)
    labelled = [f.year for f in valid if f.year is not None]
    latest = max(labelled) if labelled else None
    if latest is not None and set(labelled) <= {LAST_YEAR, BEFORE_LAST}:
        latest = THIS_YEAR  # "ปีที่แล้ว EIT ได้ 85": every label is the past, so no value is this year's
    waiting = not_out(text)
    if waiting is not None and valid and waiting not in labelled and (latest is None or latest < waiting):
        # "ปีที่แล้วได้ 85 ปีนี้ยังไม่ประกาศ": every value is an earlier year's; this year has none yet
        for f in valid:
            f.year = f.year or (LAST_YEAR if waiting == THIS_YEAR else waiting - 1)
        latest = waiting
    latest = fixed_year(ex, valid, latest, THIS_YEAR_RANK)  # "ผลปี 67 ... เอ้ย ปี 68 ค่ะ"
    older = [f for f in valid if f.year is not None and f.year != latest]
    current = [f for f in valid if f.year is None or f.year == latest]
    settled = _settle(current, errors, warnings)
    real_year = latest if latest is not None and latest < THIS_YEAR_RANK else None
    picked = pick_year(ex)
    if latest is not None and latest >= THIS_YEAR_RANK and picked in {f.year for f in older}:
        picked = None  # "ปี 67 ได้ 80 ปีนี้ได้ 85.5": 2567 is last year's label, not this year's
    scores = _scoreset(settled, year if year is not None else real_year or picked)
    previous = None
    if older:
        prior = max(f.year for f in older if f.year is not None)
        prior_year = (
            prior if prior < THIS_YEAR_RANK else (scores.year - (THIS_YEAR - prior) if scores.year else None)
        )
        previous = _scoreset(_settle([f for f in older if f.year == prior], [], []), prior_year)
        if scores.year:
            warnings.append(wording.SCORES_UNSURE_YEARS.format(year=scores.year))
    if not errors and scores.is_empty() and previous is not None and not previous.is_empty():
        errors.append(wording.SCORES_ONLY_PREVIOUS.format(example=EXAMPLE))
    elif not errors and scores.is_empty():
        errors.append(wording.SCORES_NONE_FOUND.format(example=EXAMPLE))
        errors += warnings  # e.g. EIT parts that were seen but cannot be used: say so, not just "nothing"
    error = None
    if errors:
        error = "\n".join(dict.fromkeys(errors))
        if not scores.is_empty():
            error += "\n" + wording.SCORES_OTHERS_KEPT
    missing = (
        scores.missing_indicators(fw.indicator_numbers) if (scores.indicators or not scores.items) else []
    )
    fiscal = ex.plan_years[0] if ex.plan_years else None
    unsure = list(dict.fromkeys(ex.unsure)) if not scores.is_empty() else []
    named = [c for c in ex.named_items if c not in scores.items]
    return ParseResult(scores, error, warnings, missing, previous, fiscal, unsure, named)


def _anchor_relative(found: list[Found]) -> None:
    """ "ปี 2568 ได้ 95.01 ปีที่แล้วได้ 93.75": last year is the year before the one written (2567)."""
    years = {f.year for f in found if f.year is not None}
    written = [y for y in years if y < THIS_YEAR_RANK]
    if written and years & {LAST_YEAR, BEFORE_LAST} and THIS_YEAR not in years:
        for f in found:
            if f.year in (LAST_YEAR, BEFORE_LAST):
                f.year = max(written) - (THIS_YEAR - f.year)


def _scoreset(settled: dict[tuple[str, int | str], float], year: int | None) -> ScoreSet:
    return ScoreSet(
        year=year,
        overall=settled.get(("overall", "overall")),
        indicators=dict(
            sorted((k, v) for (kind, k), v in settled.items() if kind == "indicator" and isinstance(k, int))
        ),
        items={str(k): v for (kind, k), v in settled.items() if kind == "item"},
        tools={str(k): v for (kind, k), v in settled.items() if kind == "tool"},
    )


# Corrections, read in bounded windows so a long message stays linear: "แก้ตัวชี้วัด 7 เป็น 61.5" (A)
# and "ตัวชี้วัด 7 ที่ถูกคือ 61.5" (B). "การแก้ไขปัญหา…" is indicator 5's name, not a correction.
_FIX_A = re.compile(r"(?<!การ)(?:ขอ)?แก้(?:ไข)?")
_FIX_A_VALUE = re.compile(r"\s*+(?:ให้)?(?:เป็น|=|→|->)\s*+([-+]?\d+(?:\.\d+)?)")
_FIX_B = re.compile(r"(?:ที่ถูก(?:ต้อง)?(?:คือ|เป็น)?|ต้องเป็น|ควรเป็น|ที่แท้จริงคือ)\s*+([-+]?\d+(?:\.\d+)?)")
# The words every correction above needs, as typed (normalising never makes them): a cheap first look.
_FIX_STEM = re.compile("แก้|ถูก|เป็น|แท้จริง")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff]")
_STOP = re.compile(r"[\n,;]")
_WINDOW = 100
MAX_FIXES = 200
# A score statement left over once the corrections are taken out: then the message is a score message.
_OTHER_SCORE = re.compile(
    r"(?:ตัวชี้วัด|ข้อ)\s*+(?:ที่)?\s*+\d{1,2}(?![\d.])[^\n\d]{0,40}?(?:ได้|=|:)\s*+\d|"
    r"(?<![A-Za-z])[IEO]\d{1,2}(?![\d.])\s*+(?:ได้|=|:)\s*+\d"
)


def _corrections(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, target text, value) of each correction, in order, never overlapping."""
    found: list[tuple[int, int, str, str]] = []
    floor = 0
    for tried, m in enumerate(_FIX_A.finditer(text)):
        if tried >= MAX_FIXES:  # a correction is a short message; a page of "แก้" is not one
            break
        if m.start() < floor:
            continue
        stop = _STOP.search(text, m.end(), m.end() + _WINDOW)
        end = stop.start() if stop else min(len(text), m.end() + _WINDOW)
        for v in _FIX_A_VALUE.finditer(text, m.end(), end):
            if v.start() > m.end():  # the target must be named between "แก้" and "เป็น"
                found.append((m.start(), v.end(), text[m.end() : v.start()], v.group(1)))
                floor = v.end()
                break
    for tried, m in enumerate(_FIX_B.finditer(text)):
        if tried >= MAX_FIXES:
            break
        if any(a <= m.start() < b for a, b, _, _ in found[-3:]):
            continue
        lo = max(0, m.start() - _WINDOW)
        before = max([lo, *(b for _, b, _, _ in found if b <= m.start())][-1:])
        cut = max(text.rfind(c, before, m.start()) for c in "\n,;")
        begin = cut + 1 if cut >= 0 else before
        if text[begin : m.start()].strip():
            found.append((begin, m.end(), text[begin : m.start()], m.group(1)))
    return sorted(found)


def _target(raw: str, fw: Framework) -> int | str | None:
    raw = raw.strip()
    m = re.search(r"(?:ตัวชี้วัด|ข้อ)\s*(?:ที่)?\s*(\d{1,2})\b", raw) or re.fullmatch(r"(\d{1,2})", raw)
    if m:
        return int(m.group(1))
    m = ITEM.search(raw)
    if m and 1 <= int(m.group(2)) <= ITEM_RANGES[m.group(1).upper()]:
        return f"{m.group(1).upper()}{int(m.group(2))}"
    m = TOOL.search(raw)
    if m:
        return m.group(1).upper()
    if re.search(r"ภาพรวม|คะแนนรวม|overall", raw, re.I):
        return "overall"
    hits = name_hits(squeeze(raw), fw)
    return hits[0].number if hits else None


def parse_correction(text: str, fw: Framework) -> dict[int | str, float] | None:
    """Read corrections such as 'แก้ตัวชี้วัด 7 เป็น 61.5' into {7: 61.5}; keys: indicator numbers, 'I14', 'IIT', 'overall'.

    None when there is no correction, when one cannot be used, and when the message also gives scores
    of its own ("ตัวชี้วัดที่ 8 ได้ 70 … ตัวชี้วัดที่ 7 แก้เป็น 66"): parse_scores reads that whole
    message, the correction included, so nothing the officer sent is lost.
    """
    text = text or ""
    if len(text) > MAX_CHARS or not _FIX_STEM.search(_ZERO_WIDTH.sub("", text)):
        return None  # no correction word at all: nothing to normalise
    if not _MAY_HOLD_A_VALUE.search(text):
        return None  # nor a value to correct to
    text = normalise(bounded(text)[0])
    out: dict[int | str, float] = {}
    found = _corrections(text)
    for _, _, raw, value in found:
        key = _target(raw[-_WINDOW:], fw)
        val = float(value)
        if key is None or not 0 <= val <= 100 or (isinstance(key, int) and key not in fw.indicator_numbers):
            return None
        out[key] = val
    if out:
        rest = "".join(
            text[b:a]
            for (_, b, _, _), (a, _, _, _) in zip(
                [(0, 0, "", ""), *found], [*found, (len(text), 0, "", "")], strict=True
            )
        )
        if _OTHER_SCORE.search(rest):
            return None
    return out or None


def apply_correction(scores: ScoreSet, fix: dict[int | str, float]) -> ScoreSet:
    """Return scores with the corrections from parse_correction applied."""
    upd = ScoreSet()
    for key, val in fix.items():
        if key == "overall":
            upd.overall = val
        elif isinstance(key, int):
            upd.indicators[key] = val
        elif key in ("IIT", "EIT", "OIT"):
            upd.tools[key] = val
        else:
            upd.items[key] = val
    return scores.merge(upd)
