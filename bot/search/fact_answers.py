"""Direct answers from the facts in knowledge/, before any passage is quoted.

Each reader recognises one kind of factual question and answers it in one to a few
lines from the Framework (grading by year, tool weights, an item's meaning in a year,
a year's OIT list for an indicator, what an O item requires) or the agency types
(typical owner units). A fact that is not confirmed says so in plain Thai; nothing is
asserted that the knowledge does not hold. The wording is in bot.wording; the words
that tell what a question asks are below, as data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from bot import wording as w
from bot.ita.agency_types import AgencyType, Role
from bot.ita.facts import SOLID, Level, OitItem, Scale
from bot.ita.framework import Framework
from bot.search.question_years import YearAsked, strip_years
from bot.search.retrieve import query_focus
from bot.thai import ITEM_CODE, to_arabic, tokenize

# What a question asks for, by the words it uses (Thai as officers type it, and English).
_ASKS = {
    "publish": r"เผยแพร่|ต้องมีอะไร|ต้องมี|ต้องลง|ลงอะไร|ต้องแสดง|ต้องใส่|องค์ประกอบ|ข้อกำหนด|publish|require",
    "meaning": r"คือ|หมายถึง|อะไร|เรื่อง|ถาม|ชื่อข้อ|ข้อไหน|what|mean",
    "list": r"ข้ออะไร|มีข้อ|กี่ข้อ|ข้อไหน|รายการ|ประกอบด้วย|มีอะไรบ้าง|items?\b|list",
    "level": r"ระดับ|เกรด|ผ่าน|grade|level|pass",
    "threshold": r"กี่คะแนน|เท่าไร|เท่าไหร่|กี่แต้ม|ต้องได้|เกณฑ์|how much|how many points",
    "weights": r"น้ำหนัก|สัดส่วน|คิดจาก|คำนวณ|คิดอย่างไร|คิดยังไง|คิดคะแนน|เปอร์เซ็นต์|ร้อยละ|weight|calculat|computed",
    "owner": r"ใคร|รับผิดชอบ|หน่วยไหน|กองไหน|ฝ่ายไหน|กลุ่มไหน|งานไหน|ดูแล|หน้าที่ของ|owner|who",
}
_ASK = {k: re.compile(v, re.IGNORECASE) for k, v in _ASKS.items()}
_SCORE = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,2})?)(?![\d.]*\s*%)(?![\w.])")
_INDICATOR_NUMBER = re.compile(r"ตัวชี้วัด(?:ที่|ย่อย)?\s*\d+(?:\.\d+)?|indicator\s*\d+", re.IGNORECASE)


class Agencies(Protocol):
    """What owner answers need of the playbook: agency types and unit roles."""

    roles: dict[str, Role]
    agency_types: dict[str, AgencyType]


@dataclass(frozen=True)
class Fact:
    """A direct answer: its lines, and whether the year prefix applies to it."""

    lines: list[str]
    dated: bool = True


def _asks(kind: str, text: str) -> bool:
    return bool(_ASK[kind].search(text))


def _hedge(confidence: str | None) -> str:
    return "" if confidence in SOLID else w.FACT_HEDGE.get(confidence or "", w.FACT_HEDGE["NOT_CONFIRMED"])


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _name(level: Level) -> str:
    return level.label if level.label.isascii() else w.FACT_LABEL_WORDS.format(label=level.label)


def _level_hedge(level: Level, scale: Scale) -> str:
    return _hedge(level.confidence or scale.confidence)


# ---------------------------------------------------------------------- grading
def _score(question: str) -> str | None:
    """Return the one overall score a question gives (0–100), as typed, if any."""
    text = ITEM_CODE.sub(" ", _INDICATOR_NUMBER.sub(" ", strip_years(question)))
    values = [m for m in _SCORE.findall(text) if 0 <= float(m) <= 100]
    return values[0] if len(values) == 1 else None


def _level_of(typed: str, scale: Scale, asks_pass: bool) -> str:
    score = float(typed)
    parts: list[str] = []
    above: Level | None = None
    for lv in scale.levels:
        if score < lv.min:
            if lv.every_tool_min is None:
                above = lv
            continue
        if lv.every_tool_min is not None:
            parts.append(
                w.FACT_LEVEL_IF_EVERY_TOOL.format(
                    label=_name(lv), min=_num(lv.every_tool_min), hedge=_level_hedge(lv, scale)
                )
            )
            continue
        parts.append(w.FACT_LEVEL_PLAIN.format(label=_name(lv), hedge=_level_hedge(lv, scale)))
        break
    text = w.FACT_LEVEL_OF_SCORE.format(score=typed, levels="".join(parts))
    if asks_pass and above is not None and len(parts) == 1:
        text += w.FACT_LEVEL_BELOW.format(label=_name(above), min=_num(above.min), hedge=_level_hedge(above, scale))
    return text


def _named_level(question: str, fw: Framework) -> tuple[Level, Scale] | None:
    """Return the level a question names ("ผ่านดีเยี่ยม", "AA"), longest label first."""
    found: list[tuple[int, Level, Scale]] = []
    for scale in fw.scales:
        for lv in scale.levels:
            rx = re.escape(lv.label)
            if lv.label.isascii():
                rx = rf"(?<![A-Za-z]){rx}(?![A-Za-z])"
            if re.search(rx, question):
                found.append((len(lv.label), lv, scale))
    if not found:
        return None
    best = max(n for n, _, _ in found)
    return next((lv, sc) for n, lv, sc in found if n == best)


def _threshold(question: str, fw: Framework, asked: YearAsked) -> Fact | None:
    year = asked.year
    named = _named_level(question, fw)
    scale = fw.scale_for(year)
    if named is None:
        if scale is None:
            return Fact([w.FACT_LEVEL_NONE.format(year=year)])
        levels = ", ".join(
            w.FACT_SCALE_LEVEL.format(
                label=_name(lv),
                min=_num(lv.min),
                every=w.FACT_SCALE_EVERY.format(min=_num(lv.every_tool_min)) if lv.every_tool_min else "",
                hedge=_level_hedge(lv, scale),
            )
            for lv in scale.levels
        )
        return Fact([w.FACT_SCALE.format(first=scale.years[0], last=_last(scale, fw), levels=levels)])
    lv, own = named
    every = w.FACT_THRESHOLD_EVERY.format(min=_num(lv.every_tool_min)) if lv.every_tool_min else ""
    text = w.FACT_THRESHOLD.format(label=_name(lv), min=_num(lv.min), every=every, hedge=_level_hedge(lv, own))
    if scale is own:
        return Fact([text])
    text = w.FACT_THRESHOLD_OTHER_SCALE.format(first=own.years[0], last=_last(own, fw)) + text
    if asked.given and scale is not None:
        names = ", ".join(_name(x) for x in scale.levels)
        text += w.FACT_THRESHOLD_NOT_IN_YEAR.format(year=year, levels=names)
    return Fact([text], dated=False)


def _last(scale: Scale, fw: Framework) -> int:
    """Return the last year a scale is known to apply (an open end stops at the latest year listed)."""
    latest = max(fw.oit_years, default=scale.years[1])
    return min(scale.years[1], max(latest, scale.years[0]))


def _grading(question: str, fw: Framework, asked: YearAsked) -> Fact | None:
    year = asked.year
    score = _score(question)
    if score is not None and _asks("level", question):
        scale = fw.scale_for(year)
        if scale is None:
            return Fact([w.FACT_LEVEL_NONE.format(year=year)])
        return Fact([_level_of(score, scale, bool(re.search(r"ผ่าน|pass", question, re.IGNORECASE)))])
    if score is None and _asks("threshold", question) and (_asks("level", question) or _named_level(question, fw)):
        return _threshold(question, fw, asked)
    return None


# ---------------------------------------------------------------------- weights
def _weights(question: str, fw: Framework, year: int) -> Fact | None:
    overall = re.search(r"ภาพรวม|คะแนนรวม|overall|total|ITA", question, re.IGNORECASE)
    tools = [t.code for t in fw.tools if t.code in question.upper()]
    if not _asks("weights", question) or not (overall or tools):
        return None
    terms = " + ".join(w.FACT_WEIGHT_TERM.format(tool=t.code, percent=_num(t.weight * 100)) for t in fw.tools)
    groups = ", ".join(
        w.FACT_WEIGHT_GROUP.format(tool=t.code, indicators=_span(t.indicators)) for t in fw.tools
    )
    return Fact([w.FACT_WEIGHTS.format(terms=terms, groups=groups)])


def _span(numbers: list[int]) -> str:
    ordered = sorted(numbers)
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(map(str, ordered))


# ---------------------------------------------------------------------- items
def _oit_lines(fw: Framework, year: int, indicator: int) -> list[str]:
    items = fw.oit_list(indicator, year)
    ind = fw.indicator(indicator)
    if not items:
        listed = [y for y, its in fw.oit.items() if its]
        return [
            w.FACT_OIT_LIST_HEAD.format(number=indicator, name=ind.name) + w.FACT_OIT_LIST_NONE,
            w.FACT_OIT_LIST_OTHER_YEARS.format(years=", ".join(map(str, listed))),
        ]
    year_conf = fw.oit_years[year].confidence
    head = w.FACT_OIT_LIST.format(number=indicator, name=ind.name, count=len(items), hedge=_hedge(year_conf))
    body = [
        w.FACT_OIT_LIST_ITEM.format(
            code=i.code, title=i.title, hedge=_hedge(i.confidence) if i.confidence != year_conf else ""
        )
        for i in items
    ]
    return [head, *body]


def _oit_list(question: str, fw: Framework, year: int) -> Fact | None:
    focus = query_focus(question, fw)
    if focus.items or not _asks("list", question):
        return None
    oit = next(t for t in fw.tools if t.code == "OIT")
    numbers = [n for n in focus.indicators if n in oit.indicators]
    if not numbers and "OIT" in question.upper() and not focus.indicators:
        numbers = list(oit.indicators)
    if not numbers:
        return None
    return Fact([line for n in numbers for line in _oit_lines(fw, year, n)])


def _own_item(fw: Framework, code: str, year: int) -> OitItem | None:
    return next((i for i in fw.oit.get(year, []) if i.code == code), None)


def _other_years(fw: Framework, code: str, year: int) -> str:
    seen: list[str] = []
    for y in sorted(fw.oit, reverse=True):
        item = _own_item(fw, code, y)
        if y != year and item is not None and item.title not in seen[-1:]:
            seen.append(w.FACT_ITEM_OTHER_YEAR.format(year=y, title=item.title))
    return w.FACT_ITEM_OTHER_YEARS.format(code=code, years="; ".join(seen[:3])) if seen else ""


def _item_meaning(question: str, fw: Framework, asked: YearAsked) -> Fact | None:
    codes = query_focus(question, fw).items
    if len(codes) != 1 or not _asks("meaning", question):
        return None
    code, year = codes[0], asked.year
    if code in fw.items:
        item = fw.items[code]
        ind = fw.indicator(item.indicator)
        subs = w.FACT_IE_ITEM_SUBS.format(subs="; ".join(item.sub_items)) if item.sub_items else ""
        text = w.FACT_IE_ITEM.format(
            code=code, tool=item.tool, number=ind.number, name=ind.name, text=item.text, subs=subs
        )
        if year in item.years:
            return Fact([text + _hedge(item.confidence)])
        years = "–".join(map(str, sorted({item.years[0], item.years[-1]})))
        return Fact([w.FACT_IE_OTHER_YEAR.format(tool=item.tool, years=years) + text])
    if not code.startswith("O"):
        return None
    item = _own_item(fw, code, year)
    if item is None:
        lines = [w.FACT_OIT_LIST_NONE if not fw.oit.get(year) else w.FACT_OIT_ITEM_UNKNOWN.format(code=code)]
    else:
        ind = fw.indicator(item.indicator)
        lines = [
            w.FACT_OIT_ITEM.format(
                code=code, title=item.title, number=ind.number, name=ind.name, hedge=_hedge(item.confidence)
            )
        ]
    other = _other_years(fw, code, year) if (item is None or not asked.given) else ""
    return Fact([*lines, other] if other else lines)


def _publish(question: str, fw: Framework, year: int) -> Fact | None:
    codes = [c for c in query_focus(question, fw).items if c.startswith("O")]
    if len(codes) != 1 or not _asks("publish", question):
        return None
    item = _own_item(fw, codes[0], year)
    if item is None:
        return Fact([w.FACT_OIT_LIST_NONE if not fw.oit.get(year) else w.FACT_OIT_ITEM_UNKNOWN.format(code=codes[0])])
    if item.requirement:
        text = w.FACT_PUBLISH.format(
            code=item.code, title=item.title, what=item.requirement, hedge=_hedge(item.confidence)
        )
        return Fact([text])
    guide = fw.oit_publish(item.code, year)
    if guide:
        return Fact([w.FACT_PUBLISH_GUIDE.format(code=item.code, title=item.title, what=guide, hedge=_hedge("DERIVED"))])
    return Fact([w.FACT_PUBLISH_NONE.format(code=item.code, title=item.title)])


# ---------------------------------------------------------------------- owners
def _role_of(question: str, roles: dict[str, Role]) -> Role | None:
    def hits(role: Role) -> int:
        return sum(
            bool(re.search(rf"(?<![A-Za-z]){re.escape(k)}(?![A-Za-z])" if k.isascii() else re.escape(k), question))
            for k in role.keywords
        )

    # Ties between keywords ("แผนและงบประมาณ": planning or finance) go to the role whose own
    # name shares most words with the question.
    asked = set(tokenize(question))
    scored = [(hits(r), len(asked & set(tokenize(r.name_th))), not r.generic, r) for r in roles.values()]
    best = max(scored, key=lambda s: s[:3], default=None)
    return best[3] if best and best[0] else None


def _owners(question: str, agencies: Agencies | None) -> Fact | None:
    if agencies is None or not _asks("owner", question):
        return None
    at = next(
        (
            t
            for t in agencies.agency_types.values()
            if any(re.search(rf"(?<![\u0e00-\u0e7f]){re.escape(a)}", question) for a in (t.name_th, *t.aliases) if len(a) > 2)
        ),
        None,
    )
    role = _role_of(question, agencies.roles)
    if at is None or role is None or not at.roles.get(role.key):
        return None
    units = at.roles[role.key]
    # "งานพัสดุ กองคลัง" is a sub-unit: its parent's source stands for it.
    sources = [at.unit_sources.get(u) or at.unit_sources.get(u.split()[-1], "standard") for u in units]
    hedge = w.FACT_OWNERS_STANDARD if not role.generic and "standard" in sources else ""
    return Fact(
        [w.FACT_OWNERS.format(agency_type=at.name_th, role=role.name_th, units=", ".join(units), hedge=hedge)],
        dated=False,
    )


# ---------------------------------------------------------------------- entry point
_READERS: tuple[Callable[[str, Framework, YearAsked, Agencies | None], Fact | None], ...] = (
    lambda q, fw, y, a: _publish(q, fw, y.year),
    lambda q, fw, y, a: _item_meaning(q, fw, y),
    lambda q, fw, y, a: _oit_list(q, fw, y.year),
    lambda q, fw, y, a: _grading(q, fw, y),
    lambda q, fw, y, a: _weights(q, fw, y.year),
    lambda q, fw, y, a: _owners(q, a),
)


def fact_answer(question: str, fw: Framework, asked: YearAsked, agencies: Agencies | None = None) -> list[str]:
    """Return the lines of a direct answer from the facts, with the year it is about; [] if none fits."""
    text = to_arabic(question)
    for read in _READERS:
        fact = read(text, fw, asked, agencies)
        if fact is None:
            continue
        lines = [line for line in fact.lines if line]
        if fact.dated and lines:
            prefix = w.ANSWER_YEAR if asked.given else w.ANSWER_YEAR_DEFAULT
            lines[0] = prefix.format(year=asked.year) + lines[0]
        return lines
    return []
