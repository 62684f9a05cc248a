"""Direct answers from the facts in knowledge/, before any passage is quoted.

Each reader recognises one kind of factual question and answers it in one to a few
lines from the Framework (grading by year, tool weights, an item's meaning in a year,
a year's OIT list for an indicator, what an O item requires) or the agency types
(typical owner units). A fact that is not confirmed says so in plain Thai; nothing is
asserted that the knowledge does not hold. The wording is in bot.wording; the words
that tell what a question asks are in bot.search.fact_words, as data.

Over 400 lines for a reason: every reader and the order they are tried in (the entry point
at the end) stay in one module, so which fact answers a question is read in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot import wording as w
from bot.ita.facts import Level, OitItem, Scale, Tool
from bot.ita.framework import Framework
from bot.search.citations import clean
from bot.search.fact_words import Agencies, Fact, asks, hedge, owners, rounds
from bot.search.question_years import YearAsked, strip_years
from bot.search.retrieve import query_focus
from bot.thai import ITEM_CODE, to_arabic

# A score: a number with decimals, or a whole number said as one ("ได้ 55", "55 คะแนน").
_SCORE = re.compile(
    r"(?<![\w.])(\d{1,3}\.\d{1,2})(?![\d.]*\s*%)(?![\w.])"
    r"|(?:ได้|คะแนน|score|got)\s*(\d{1,3})(?![\d.%])|(?<![\w.])(\d{1,3})\s*(?:คะแนน|แต้ม|points?)",
    re.IGNORECASE,
)
_INDICATOR_NUMBER = re.compile(r"ตัวชี้วัด(?:ที่|ย่อย)?\s*\d+(?:\.\d+)?|indicator\s*\d+", re.IGNORECASE)


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _name(level: Level) -> str:
    return level.label if level.label.isascii() else w.FACT_LABEL_WORDS.format(label=level.label)


def _level_hedge(level: Level, scale: Scale) -> str:
    return hedge(level.confidence or scale.confidence)


# ---------------------------------------------------------------------- grading
def _score(question: str) -> str | None:
    """Return the one overall score a question gives (0–100), as typed, if any."""
    text = ITEM_CODE.sub(" ", _INDICATOR_NUMBER.sub(" ", strip_years(question)))
    values = list(dict.fromkeys(next(g for g in m if g) for m in _SCORE.findall(text)))
    values = [v for v in values if 0 <= float(v) <= 100]
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
        text += w.FACT_LEVEL_BELOW.format(
            label=_name(above), min=_num(above.min), hedge=_level_hedge(above, scale)
        )
    return text


def _named_level(question: str, fw: Framework) -> tuple[Level, Scale] | None:
    """Return the level a question names ("ผ่านดีเยี่ยม", "AA"), longest label first."""
    found: list[tuple[int, Level, Scale]] = []
    for scale in fw.scales:
        for lv in scale.levels:
            if re.search(_label_rx(lv), question):
                found.append((len(lv.label), lv, scale))
    if not found:
        return None
    best = max(n for n, _, _ in found)
    return next((lv, sc) for n, lv, sc in found if n == best)


def _labels_named(question: str, scale: Scale) -> int:
    return sum(bool(re.search(_label_rx(lv), question)) for lv in scale.levels)


def _label_rx(level: Level) -> str:
    rx = re.escape(level.label)
    return rf"(?<![A-Za-z]){rx}(?![A-Za-z])" if level.label.isascii() else rx


def _threshold(question: str, fw: Framework, asked: YearAsked) -> Fact | None:
    year = asked.year
    named = _named_level(question, fw)
    scale = fw.scale_for(year)
    if named is not None and _labels_named(question, named[1]) > 1:
        scale, named = named[1], None  # "AA A B C D": the whole scale that has them
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
            if lv.min > 0 or n == 0
            else w.FACT_SCALE_LOWEST.format(
                label=_name(lv), below=_num(scale.levels[n - 1].min), hedge=_level_hedge(lv, scale)
            )
            for n, lv in enumerate(scale.levels)
        )
        text = w.FACT_SCALE.format(first=scale.years[0], last=_last(scale, fw), levels=levels)
        return Fact([text], dated=scale is fw.scale_for(year))
    lv, own = named
    every = w.FACT_THRESHOLD_EVERY.format(min=_num(lv.every_tool_min)) if lv.every_tool_min else ""
    text = w.FACT_THRESHOLD.format(
        label=_name(lv), min=_num(lv.min), every=every, hedge=_level_hedge(lv, own)
    )
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
    # A tool's or an indicator's score has no level of its own: only the overall is graded.
    part = query_focus(question, fw).indicators or any(t.code in question.upper() for t in fw.tools)
    if score is not None and asks("level", question) and asks("question", question) and not part:
        scale = fw.scale_for(year)
        if scale is None:
            return Fact([w.FACT_LEVEL_NONE.format(year=year)])
        return Fact([_level_of(score, scale, bool(re.search(r"ผ่าน|pass", question, re.IGNORECASE)))])
    if (
        score is None
        and asks("threshold", question)
        and (asks("level", question) or _named_level(question, fw))
    ):
        return _threshold(question, fw, asked)
    return None


# ---------------------------------------------------------------------- weights
def _weights(question: str, fw: Framework, year: int) -> Fact | None:
    overall = re.search(r"ภาพรวม|คะแนนรวม|overall|total|ITA", question, re.IGNORECASE)
    tools = [t.code for t in fw.tools if t.code in question.upper()]
    if not asks("weights", question) or not (overall or tools):
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


def _runs(numbers: list[int]) -> list[str]:
    """Return O codes in runs: [2, 4, 5, 6] -> ["O2", "O4–O6"]."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return [f"O{a}" if a == b else f"O{a}–O{b}" for a, b in runs]


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
    known = sorted(int(i.code[1:]) for i in fw.oit.get(year, []) if re.fullmatch(r"O\d+", i.code))
    runs = _runs([n for n in range(1, known[-1]) if n not in known]) if known else []
    # A year's list with holes (2569: O2, O4–O9 unknown) gives the items known, and says so.
    form = w.FACT_OIT_LIST_KNOWN if runs else w.FACT_OIT_LIST
    head = form.format(number=indicator, name=ind.name, count=len(items), hedge=hedge(year_conf))
    head += w.FACT_OIT_LIST_GAPS.format(codes=", ".join(runs)) if runs else ""
    body = [
        w.FACT_OIT_LIST_ITEM.format(
            code=i.code, title=i.title, hedge=hedge(i.confidence) if i.confidence != year_conf else ""
        )
        for i in items
    ]
    return [head, *body]


def _oit_list(question: str, fw: Framework, year: int) -> Fact | None:
    focus = query_focus(question, fw)
    if focus.items or not asks("list", question):
        return None
    oit = next(t for t in fw.tools if t.code == "OIT")
    numbers = [n for n in focus.indicators if n in oit.indicators]
    if not numbers and "OIT" in question.upper() and not focus.indicators:
        numbers = list(oit.indicators)
    if not numbers:
        return None
    # The same line for two indicators ("the years that have a list") is said once.
    return Fact(list(dict.fromkeys(line for n in numbers for line in _oit_lines(fw, year, n))))


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
    if len(codes) != 1 or not asks("meaning", question):
        return None
    code, year = codes[0], asked.year
    if code in fw.items:
        ie = fw.items[code]
        ind = fw.indicator(ie.indicator)
        subs = w.FACT_IE_ITEM_SUBS.format(subs="; ".join(ie.sub_items)) if ie.sub_items else ""
        text = w.FACT_IE_ITEM.format(
            code=code, tool=ie.tool, number=ind.number, name=ind.name, text=ie.text, subs=subs
        )
        if year in ie.years:
            return Fact([text + hedge(ie.confidence)])
        # The text is of its own years: it is said under them, never under the year asked.
        years = "–".join(map(str, sorted({ie.years[0], ie.years[-1]})))
        own = w.FACT_IE_TEXT_YEAR.format(years=years) + text + hedge(ie.confidence)
        said = [own, w.FACT_IE_OTHER_YEAR.format(tool=ie.tool, year=year, years=years)]
        return Fact(said, dated=False, year=max(ie.years))
    if not code.startswith("O"):
        return None
    item = _own_item(fw, code, year)
    if item is None:
        lines = [w.FACT_OIT_LIST_NONE if not fw.oit.get(year) else w.FACT_OIT_ITEM_UNKNOWN.format(code=code)]
    else:
        ind = fw.indicator(item.indicator)
        lines = [
            w.FACT_OIT_ITEM.format(
                code=code, title=item.title, number=ind.number, name=ind.name, hedge=hedge(item.confidence)
            )
        ]
    other = _other_years(fw, code, year) if (item is None or not asked.given) else ""
    return Fact([*lines, other] if other else lines)


def unknown_codes(question: str, fw: Framework, asked: YearAsked) -> list[str]:
    """Lines for the O codes a question names that the asked year's list does not hold, with other years'.

    O codes are renumbered between years: measures asked for "ปี 2568 ข้อ O36" must not pass for
    that year's O36 when the year's list has no such item.
    """
    if not asked.given or not fw.oit.get(asked.year):
        return []
    lines: list[str] = []
    for code in query_focus(question, fw).items:
        if code.startswith("O") and _own_item(fw, code, asked.year) is None:
            lines.append(w.FACT_OIT_CODE_NOT_IN_YEAR.format(code=code, year=asked.year))
            lines.append(_other_years(fw, code, asked.year))
    return [line for line in lines if line]


def _publish(question: str, fw: Framework, asked: YearAsked) -> Fact | None:
    codes = [c for c in query_focus(question, fw).items if c.startswith("O")]
    if len(codes) != 1 or not asks("publish", question):
        return None
    code, year = codes[0], asked.year
    item = _own_item(fw, code, year)
    # O codes are renumbered between years: when the year was not named, say what the code was before.
    other = _other_years(fw, code, year) if item is None or not asked.given else ""
    if item is None:
        line = w.FACT_OIT_LIST_NONE if not fw.oit.get(year) else w.FACT_OIT_ITEM_UNKNOWN.format(code=code)
    elif item.requirement:
        line = w.FACT_PUBLISH.format(
            code=code, title=item.title, what=item.requirement, hedge=hedge(item.requirement_label)
        )
    elif guide := fw.oit_publish(code, year):
        line = w.FACT_PUBLISH_GUIDE.format(code=code, title=item.title, what=guide, hedge=hedge("DERIVED"))
    else:
        line = w.FACT_PUBLISH_NONE.format(code=code, title=item.title)
    # The item's own note says which fiscal year a report or plan covers in that round.
    said = clean(item.note) if item is not None else ""  # a note that only named our sources says nothing
    note = (
        w.FACT_PUBLISH_NOTE.format(note=said, hedge=hedge(item.confidence))
        if item is not None and said
        else ""
    )
    return Fact([line, note, other])


# ---------------------------------------------------------------------- entry point
def _tool(question: str, fw: Framework) -> Fact | None:
    """What a tool is ("what is OIT"): its name, indicators and weight."""
    named = [t for t in fw.tools if re.search(rf"(?<![A-Za-z]){t.code}(?![A-Za-z])", question, re.IGNORECASE)]
    if len(named) != 1 or not asks("meaning", question) or query_focus(question, fw).items:
        return None
    return Fact([tool_line(named[0], fw)], dated=False)


def tool_line(tool: Tool, fw: Framework) -> str:
    """Return one line on a tool: its name, its indicators and its weight in the overall score."""
    indicators = w.FACT_TOOL_JOIN.join(
        w.FACT_TOOL_INDICATOR.format(number=n, name=fw.indicator(n).name) for n in tool.indicators
    )
    return w.FACT_TOOL.format(
        code=tool.code, name=tool.name, indicators=indicators, percent=_num(tool.weight * 100)
    )


def _indicators(question: str, fw: Framework) -> Fact | None:
    """The framework's indicators, by tool ("ITA มีกี่ตัวชี้วัด", "EIT มีตัวชี้วัดอะไรบ้าง")."""
    focus = query_focus(question, fw)
    if not asks("indicators", question) or focus.indicators or focus.items:
        return None
    named = [t for t in fw.tools if re.search(rf"(?<![A-Za-z]){t.code}(?![A-Za-z])", question, re.IGNORECASE)]
    tools = named or fw.tools
    count = sum(len(t.indicators) for t in tools)
    head = w.FACT_INDICATORS_OF_TOOL.format(tool=tools[0].code, count=count) if len(tools) == 1 else None
    lines = [head or w.FACT_INDICATORS.format(count=count, tools=len(tools))]
    lines += [
        w.FACT_INDICATORS_TOOL.format(
            tool=t.code,
            indicators=", ".join(
                w.FACT_TOOL_INDICATOR.format(number=n, name=fw.indicator(n).name) for n in t.indicators
            ),
        )
        for t in tools
    ]
    return Fact(lines, dated=False)


def _tools(question: str, fw: Framework) -> Fact | None:
    """The framework's tools, each with its indicators and weight ("ITA มีกี่แบบวัด")."""
    named = [t for t in fw.tools if re.search(rf"(?<![A-Za-z]){t.code}(?![A-Za-z])", question, re.IGNORECASE)]
    focus = query_focus(question, fw)
    if not asks("tools", question) or len(named) == 1 or focus.indicators or focus.items:
        return None
    lines = [w.FACT_TOOLS.format(count=len(fw.tools))]
    lines += [w.FACT_TOOLS_LINE.format(line=tool_line(t, fw)) for t in fw.tools]
    return Fact(lines, dated=False)


# Each reader, in the order tried, and the label of the facts it answers from.
_READERS: tuple[tuple[Callable[[str, Framework, YearAsked], Fact | None], str], ...] = (
    (_publish, w.CITE_OIT),
    (_item_meaning, w.CITE_FRAMEWORK),
    (lambda q, fw, y: _oit_list(q, fw, y.year), w.CITE_OIT),
    (_grading, w.FACT_SOURCE_GRADING),
    (lambda q, fw, y: _weights(q, fw, y.year), w.FACT_SOURCE_WEIGHTS),
    (lambda q, fw, y: _indicators(q, fw), w.CITE_FRAMEWORK_NO_YEAR),
    (lambda q, fw, y: _tools(q, fw), w.FACT_SOURCE_WEIGHTS),
    (lambda q, fw, y: _tool(q, fw), w.FACT_SOURCE_WEIGHTS),
    (lambda q, fw, y: rounds(q, fw), w.FACT_SOURCE_CALENDAR),
)


def fact_answer(
    question: str, fw: Framework, asked: YearAsked, agencies: Agencies | None = None, own_type: str = ""
) -> list[str]:
    """Return the lines of a direct answer from the facts, with the year it is about; [] if none fits.

    agencies: the playbook's agency types and roles, for owner units; own_type: the officer's
    agency type key, used when the question names none.
    """
    text = to_arabic(question)
    if asks("wording", text) or asks("national", text):
        return []
    for read, source in _READERS:
        fact = read(text, fw, asked)
        if fact is None:
            continue
        lines = [line for line in fact.lines if line]
        if fact.dated and lines:
            prefix = w.ANSWER_YEAR if asked.given else w.ANSWER_YEAR_DEFAULT
            lines[0] = prefix.format(year=asked.year) + lines[0]
        return [*lines, w.ANSWER_FACT_SOURCE.format(label=source.format(year=fact.year or asked.year))]
    fact = owners(text, agencies, own_type)
    return [*fact.lines, w.ANSWER_FACT_SOURCE.format(label=w.FACT_SOURCE_OWNERS)] if fact is not None else []
