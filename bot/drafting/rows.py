"""Wording of drafted rows: fit playbook practice to one agency, its audience, severity and year.

A row speaks in the agency's voice and holds only what an agency would publish: the
agency is "หน่วยงาน"/"สถานศึกษา" (its name is printed once, in the heading), the fiscal
year is left to the heading, item names are short forms, and municipal words reach only
local government (knowledge/agency_types.yaml audiences). Severity changes the content:
a failing OIT indicator lists each weak O item with what to publish and where; without
item scores a row names the items to check without saying which failed. Analyses open
with sentences from knowledge/playbook/voice.yaml, taken in turn down the plan.
The module runs past 400 lines because the quoting of retrieved passages (table rows,
Thai-aware excerpts) shares the row's context and stays beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from rapidfuzz import fuzz, process

from bot.ita.agency_types import LOCAL_AUDIENCE, AgencyType, Audience
from bot.ita.facts import SOLID
from bot.ita.framework import Framework
from bot.ita.measures import AgencyProfile, MeasureRow, Source
from bot.ita.playbook import DocumentDefaults, Playbook, PlaybookEntry, Voice
from bot.ita.tiers import Thresholds, Tier
from bot.scores import ScoreSet
from bot.thai import fiscal_month_iso, format_period, normalize

# When in the fiscal year a row runs (fiscal months, 1 = ต.ค.): urgent work must
# finish before the next ITA data entry (about เม.ย.), improvements by mid-year.
_SPAN = {Tier.URGENT: (1, 6), Tier.IMPROVE: (1, 9), Tier.MAINTAIN: (1, 12)}
# A strong indicator's row without its own maintain block keeps the first steps only.
MAINTAIN_STEPS = 3
# A middling indicator keeps this many common steps, then focuses on its weak items.
IMPROVE_STEPS = 4
# An item row has at least this many steps of its own.
ITEM_STEPS = 3
# Two texts at least this similar (rapidfuzz ratio) say the same thing.
SAME_TEXT = 85
# Words that make a measure read as keeping a level: wrong for a row that must fix or develop.
MAINTAIN_WORDS = ("รักษามาตรฐาน", "รักษาระดับ")
# The playbook's stock first clause ("ผลการประเมินตัวชี้วัดที่ 1 {indicator_name} ของ{agency}
# ได้คะแนน {score} คะแนน อยู่ในกลุ่ม...", "ข้อ {items} ได้คะแนน {score} คะแนน"): the voice opens instead.
_STOCK_OPENING = re.compile(
    r"^(?:(?:ผลการประเมิน)?ตัวชี้วัดที่ \d+ \{indicator_name\} ของ\{agency\} ได้คะแนน \{score\} คะแนน"
    r"|ข้อ \{items\}(?: ได้คะแนน \{score\} คะแนน)?)\s*(?:อยู่ในกลุ่ม(?:ประเด็น)?ที่ต้องแก้ไขเร่งด่วน\s*)?"
)
_NUMBERED = re.compile(r"^\s*(?:\d+|[๐-๙]+)\s*[.)]\s*(?:(?:\d+|[๐-๙]+)\s*[.)]\s*)*")
_FISCAL_SUFFIX = re.compile(r"\s*(?:ประจำ)?ปีงบประมาณ\s*(?:พ\.ศ\.\s*)?\d{4}")
_NAME_PREFIX = (
    r"(?:เทศบาล(?:ตำบล|เมือง|นคร)|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|อบต\.|อบจ\.|ทต\.|ทม\.|ทน\.|โรงเรียน)?\s?"
)


class Quoted(Protocol):
    """A retrieved passage as a row cites it (bot.search.retrieve.Passage; drafting never imports search)."""

    @property
    def text(self) -> str: ...

    @property
    def agency(self) -> str: ...

    @property
    def year(self) -> int | None: ...


@dataclass
class Context:
    """Everything a row's wording depends on, and what the plan has said so far."""

    fw: Framework
    playbook: Playbook
    profile: AgencyProfile
    agency_type: AgencyType | None
    agency: str
    units: list[str]
    year: int | None
    fiscal_year: int | None
    scores: ScoreSet
    thresholds: Thresholds
    include_maintain: bool
    previous: dict[int, float] = field(default_factory=dict)
    # openings used so far (by kind and tier), the steps each indicator's rows already carry,
    # and the notes for the officer (never printed in the plan)
    used: dict[str, int] = field(default_factory=dict)
    said: dict[int, list[str]] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)
    # where this agency type starts in each list of wordings: two types never read alike
    offset: int = 0
    # template values by (indicator, score, items, item): a row fills many templates
    values: dict[tuple, dict] = field(default_factory=dict)

    @property
    def audience(self) -> Audience:
        return self.agency_type.audience if self.agency_type else LOCAL_AUDIENCE

    @property
    def voice(self) -> Voice:
        if self.playbook.voice is None:
            raise ValueError("the playbook has no voice (knowledge/playbook/voice.yaml)")
        return self.playbook.voice


def pick_entry(ctx: Context, number: int, item: str | None) -> PlaybookEntry:
    """Return the playbook entry for an item if there is one, else for its indicator."""
    entries = ctx.playbook.entries_for(number, [item] if item else [], year=ctx.year)
    if item:
        for entry in entries:
            if item in entry.items:
                return entry
    return entries[0]


def item_label(ctx: Context, item: str | None) -> str:
    """Return "O13 รายงานผลการจัดซื้อจัดจ้าง..." (the short name, never a question stem) or the code.

    An OIT title marked NOT_CONFIRMED is left out: the code alone holds either way.
    """
    if not item:
        return ""
    oit = ctx.fw.oit_item(item, ctx.year) if item.upper().startswith("O") else None
    if oit is not None and oit.confidence == "NOT_CONFIRMED":
        return item
    name = ctx.fw.item_name(item, ctx.year)
    return f"{item} {name}" if name else item


def _num(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def _values(ctx: Context, number: int, score: float | None, codes: list[str], item: str | None) -> dict:
    key = (number, score, tuple(codes), item)
    if key not in ctx.values:
        ctx.values[key] = _compute_values(ctx, number, score, codes, item)
    return ctx.values[key]


def _compute_values(
    ctx: Context, number: int, score: float | None, codes: list[str], item: str | None
) -> dict:
    floor, target = ctx.thresholds.urgent_below, ctx.thresholds.maintain_from
    value = score if score is not None else 0.0
    audience = ctx.audience
    return {
        "agency": audience.self,
        "self": audience.self,
        "people": audience.people,
        "score": f"{score:.2f}" if score is not None else "-",
        "indicator_name": ctx.fw.indicator(number).name,
        "number": number,
        "items": ", ".join(item_label(ctx, i) for i in codes) or "-",
        "item": item or "",
        "item_name": item_label(ctx, item).removeprefix(item or "").strip() if item else "",
        "fiscal_year": ctx.fiscal_year or "",
        "year": ctx.year or "",
        "floor": _num(floor),
        "target": _num(target),
        "gap": f"{max(0.0, floor - value):.2f}",
        "to_target": f"{max(0.0, target - value):.2f}",
        "tool": ctx.fw.tool_of(number).code,
        "what": "",
        "where": "",
        "delta": "",
        "previous": "",
    }


def _fill(
    template: str,
    ctx: Context,
    number: int,
    score: float | None,
    codes: list[str],
    item: str | None = None,
    **extra: object,
) -> str:
    values = {**_values(ctx, number, score, codes, item), **extra}
    try:
        return " ".join(template.format(**values).split())
    except (KeyError, IndexError, ValueError):
        return template  # a template with a placeholder we do not know is shown as written


def _turn(ctx: Context, key: str, options: list[str]) -> str:
    """Return the next of several wordings for `key`: rows down the plan take them in turn."""
    n = ctx.used.get(key, 0)
    ctx.used[key] = n + 1
    return options[(n + ctx.offset) % len(options)]


def _owners(ctx: Context, roles: list[str]) -> list[str]:
    key = ctx.agency_type.key if ctx.agency_type else ""
    owners = ctx.playbook.resolve_owners(roles, key, ctx.units or None) if key else []
    return owners or ctx.units[:1] or ["ผู้บริหารหน่วยงานมอบหมาย"]


def executive(ctx: Context) -> str:
    """Return who approves and monitors the measures for this agency type."""
    return ctx.agency_type.executive if ctx.agency_type else "หัวหน้าหน่วยงาน"


def _report_to(ctx: Context) -> str:
    return ctx.agency_type.report_to if ctx.agency_type else executive(ctx)


def step_text(step: str) -> str:
    """Return a step without its number and its owners: "2. ทบทวน... (กองคลัง)" -> "ทบทวน..."."""
    text = _NUMBERED.sub("", step)
    return re.sub(r"\s*\([^()]*\)\s*$", "", text).strip()


def renumber(steps: list[str]) -> list[str]:
    """Return steps numbered "1. ", "2. " ... once: any numbering a step already carries is dropped.

    For rows edited after drafting (an added "1) จัดอบรม ..." would otherwise read "7. 1) ...").
    """
    texts = [_NUMBERED.sub("", s).strip() for s in steps]
    return [f"{n}. {t}" for n, t in enumerate((t for t in texts if t), 1)]


def _alike(text: str, others: list[str]) -> bool:
    """Return whether text reads like one of others (rapidfuzz ratio >= SAME_TEXT)."""
    return (
        bool(others)
        and process.extractOne(text, others, scorer=fuzz.ratio, score_cutoff=SAME_TEXT) is not None
    )


def _said(ctx: Context, number: int, text: str) -> bool:
    return _alike(text, ctx.said.get(number, []))


def _weak_o_lines(ctx: Context, number: int, items: list[str]) -> list[tuple[str, str]]:
    """Return one (role, step) per weak O item: what must be published and where."""
    voice = ctx.voice
    where = _fill(voice.oit_item_where, ctx, number, None, [])
    lines = []
    for code in items:
        own = ctx.playbook.entries_for(number, [code], year=ctx.year)[1:]
        year = ctx.year or ctx.playbook.default_year
        dedicated = next((e for e in own if len(e.codes_for(year)) == 1), None)
        guidance = ctx.fw.oit_publish(code, ctx.year)
        if dedicated and dedicated.publish:
            what = dedicated.publish
        elif guidance:
            what = _fill(voice.oit_item_publish, ctx, number, None, [], what=guidance, where=where)
        else:
            what = f"{voice.oit_item_what} {where}"
        step = _fill(voice.oit_item_step, ctx, number, None, [], code, what=what)
        role = dedicated.steps[-1].role if dedicated else "ita_team"
        lines.append((role, step))
    return lines


def _oit_check_lines(ctx: Context, number: int) -> list[tuple[str, str]]:
    """No item scores: one "ตรวจสอบข้อ ..." step naming the year's OIT items by group, no failure claimed."""
    listed = ctx.fw.oit_list(number, ctx.year)
    if not listed:
        ctx.checks.append(_fill(ctx.voice.checks["oit_unknown"], ctx, number, None, []))
        return []
    _note_oit_titles(ctx, [i.code for i in listed])
    where = " " + _fill(ctx.voice.oit_item_where, ctx, number, None, [])
    groups: dict[str, list[str]] = {}
    for oit in listed:
        # a dotted group ("9.1") is shown by its name, a named group (2568) by itself
        group = oit.group_name if re.fullmatch(r"\d+\.\d+", oit.group) else oit.group
        groups.setdefault(group, []).append(oit.code)
    named = "; ".join(
        f"{code_runs(codes)} ({group})" if group else code_runs(codes) for group, codes in groups.items()
    )
    return [("ita_team", _fill(ctx.voice.oit_check_step, ctx, number, None, [], items=named, where=where))]


def code_runs(codes: list[str]) -> str:
    """Return "O1–O9, O12" for codes in order: three or more consecutive numbers become a range."""
    runs: list[list[str]] = []
    for code in codes:
        number = re.fullmatch(r"([A-Z]+)(\d+)", code)
        last = re.fullmatch(r"([A-Z]+)(\d+)", runs[-1][-1]) if runs else None
        if number and last and number[1] == last[1] and int(number[2]) == int(last[2]) + 1:
            runs[-1].append(code)
        else:
            runs.append([code])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) >= 3 else ", ".join(r) for r in runs)


def _note_oit_titles(ctx: Context, codes: list[str]) -> None:
    shaky = [
        c for c in codes if (o := ctx.fw.oit_item(c, ctx.year)) is not None and o.confidence not in SOLID
    ]
    if shaky:
        note = _fill(ctx.voice.checks["oit_titles"], ctx, 9, None, [], items=", ".join(shaky))
        if note not in ctx.checks:
            ctx.checks.append(note)


def _note_ie_titles(ctx: Context, codes: list[str]) -> None:
    shaky = [c for c in codes if c in ctx.fw.items and ctx.year not in ctx.fw.items[c].years]
    if shaky and ctx.year:
        note = _fill(ctx.voice.checks["ie_titles"], ctx, 1, None, [], items=", ".join(shaky))
        if note not in ctx.checks:
            ctx.checks.append(note)


def _indicator_extra(ctx: Context, number: int, tier: Tier, items: list[str]) -> list[tuple[str, str]]:
    """Return the steps a weak indicator row adds for its items (named, or to be checked)."""
    voice = ctx.voice
    oit = ctx.fw.tool_of(number).code == "OIT"
    if items:
        if oit:
            _note_oit_titles(ctx, items)
            return _weak_o_lines(ctx, number, items)
        _note_ie_titles(ctx, items)
        return [("ita_team", _fill(voice.focus_step, ctx, number, None, items))]
    if oit:
        return _oit_check_lines(ctx, number)
    known = ctx.fw.items_of(number, ctx.year)
    if known:
        named = code_runs([i.code for i in known])
        return [("ita_team", _fill(voice.ie_check_step, ctx, number, None, [], items=named))]
    ctx.checks.append(_fill(voice.checks["ie_unknown"], ctx, number, None, []))
    return [("ita_team", _fill(voice.ie_check_step_unknown, ctx, number, None, []))]


def _analysis(
    ctx: Context,
    entry: PlaybookEntry,
    number: int,
    score: float | None,
    tier: Tier,
    items: list[str],
    item: str | None,
) -> str:
    voice = ctx.voice
    # The opening is picked by the indicator's (or item's) number and the agency type: rows
    # of one plan differ, and so do two agency types' rows for the same indicator.
    if item:
        key = "missing" if score == 0 and "missing" in voice.openings["item"] else tier.value
        options = voice.openings["item"][key]
        opening = options[(int(re.sub(r"\D", "", item) or 0) + ctx.offset) % len(options)]
    else:
        options = voice.openings["indicator"][tier.value]
        opening = options[(number + ctx.offset) % len(options)]
    parts = [_fill(opening, ctx, number, score, items, item)]
    previous = ctx.previous.get(number) if not item else None
    if previous is not None and score is not None:
        delta = score - previous
        way = "same" if abs(delta) < 0.5 else ("up" if delta > 0 else "down")
        parts.append(
            _fill(
                voice.change[way],
                ctx,
                number,
                score,
                items,
                delta=f"{abs(delta):.2f}",
                previous=f"{previous:.2f}",
            )
        )
    if item and item not in entry.items:
        parts.append(_fill(voice.item_fallback, ctx, number, score, items, item))
    else:
        template = entry.analysis.get(tier) or entry.analysis.get(Tier.IMPROVE) or ""
        parts.append(_fill(_STOCK_OPENING.sub("", template), ctx, number, score, items, item))
    if not item and tier != Tier.MAINTAIN:
        if items:
            weak = ", ".join(f"{item_label(ctx, i)} ({ctx.scores.items[i]:.2f} คะแนน)" for i in items)
            parts.append(_fill(_turn(ctx, "weak", voice.weak_items), ctx, number, score, [], items=weak))
        elif ctx.fw.tool_of(number).code == "OIT" and ctx.fw.oit_list(number, ctx.year):
            listed = ctx.fw.oit_list(number, ctx.year)
            codes = code_runs([i.code for i in listed])
            parts.append(_fill(voice.check_items, ctx, number, score, [], items=codes))
        elif ctx.fw.items_of(number, ctx.year):
            codes = ", ".join(i.code for i in ctx.fw.items_of(number, ctx.year))
            parts.append(_fill(voice.check_items, ctx, number, score, [], items=codes))
        else:
            parts.append(_fill(voice.check_items_unknown, ctx, number, score, []))
    return " ".join(p for p in parts if p)


def _steps(
    ctx: Context,
    entry: PlaybookEntry,
    number: int,
    score: float | None,
    tier: Tier,
    items: list[str],
    item: str | None,
) -> tuple[list[tuple[str, str]], str, list[str]]:
    """Return (role, text) steps, the monitoring template and the KPI templates of a row."""
    keep = entry.maintain if tier == Tier.MAINTAIN else None
    if keep is not None:
        return [(s.role, s.text) for s in keep.steps], keep.monitoring, [keep.kpi]
    own = [(s.role, s.text) for s in entry.steps]
    monitoring, kpis = entry.monitoring, list(entry.kpis[:2])
    if tier == Tier.MAINTAIN:
        return own[:MAINTAIN_STEPS], monitoring, kpis
    if item:
        if item not in entry.items:
            own, monitoring = [], ctx.voice.item_monitoring
        return own, monitoring, kpis
    extra = _indicator_extra(ctx, number, tier, items)
    common = own if tier == Tier.URGENT else own[:IMPROVE_STEPS]
    if ctx.fw.tool_of(number).code == "OIT" and items:
        kpis.insert(0, _fill(ctx.voice.oit_item_kpi, ctx, number, score, [], items=", ".join(items)))
    # the named items come after the first two common steps (appoint, study the criteria ...)
    return [*common[:2], *extra, *common[2:]], monitoring, kpis[:2]


def build_row(
    ctx: Context,
    entry: PlaybookEntry,
    *,
    number: int,
    score: float | None,
    tier: Tier,
    items: list[str],
    item: str | None,
    sources: list[Source],
) -> MeasureRow:
    """Return one measure row fitted to the agency, its audience and the row's severity."""
    name = ctx.fw.indicator(number).name
    if item:  # the officer checks an item title the framework cannot confirm for this year
        (_note_oit_titles if item.upper().startswith("O") else _note_ie_titles)(ctx, [item])
    topic = f"ตัวชี้วัดที่ {number} {name}" + (f" – ข้อ {item_label(ctx, item)}" if item else "")
    analysis = _analysis(ctx, entry, number, score, tier, items, item)

    measure = _FISCAL_SUFFIX.sub("", pick_measure(entry, tier, name))
    if item and (item.startswith("O") or item not in entry.items) and item not in measure:
        measure = f"{measure} (ข้อ {item})"

    raw, monitoring_text, kpis = _steps(ctx, entry, number, score, tier, items, item)
    chosen: list[tuple[str, str]] = []
    for role, template in raw:
        text = step_text(_fill(template, ctx, number, score, items, item))
        if text and not (item and _said(ctx, number, text)) and not _alike(text, [t for _, t in chosen]):
            chosen.append((role, text))
    if item:
        for extra in ctx.voice.item_steps:
            if len(chosen) >= ITEM_STEPS:
                break
            chosen.append((extra.role, step_text(_fill(extra.text, ctx, number, score, items, item))))
    ctx.said.setdefault(number, []).extend(t for _, t in chosen)
    steps = []
    for n, (role, text) in enumerate(chosen, 1):
        who = _owners(ctx, [role]) if role else []
        steps.append(f"{n}. {text}" + (f" ({', '.join(who)})" if who else ""))

    start, end = _SPAN[tier]
    timing = getattr(entry, "timing", None)
    if timing is not None and tier != Tier.MAINTAIN:
        start, end = max(1, timing.start), min(_SPAN[tier][1], max(timing.end, timing.start))
    start_iso = fiscal_month_iso(ctx.fiscal_year, start)
    end_iso = fiscal_month_iso(ctx.fiscal_year, end)

    monitoring = (
        _fill(monitoring_text, ctx, number, score, items, item)
        if monitoring_text
        else f"{executive(ctx)}กำกับติดตามความก้าวหน้าเป็นรายไตรมาส"
    )
    adapt = ctx.audience.adapt
    return MeasureRow(
        indicator=number,
        items=items,
        score=score,
        tier=tier,
        topic=adapt(topic),
        analysis=adapt(analysis.strip()),
        measure=adapt(measure),
        steps=[adapt(s) for s in steps],
        owners=_owners(ctx, list(entry.owner_roles)),
        timeline=format_period(start_iso, end_iso),
        start_month=start_iso,
        end_month=end_iso,
        monitoring=adapt(monitoring),
        reporting=adapt(_reporting(ctx, entry, item)),
        kpi=adapt("; ".join(dict.fromkeys(_fill(k, ctx, number, score, items, item) for k in kpis))),
        sources=sources,
    )


def distinct_monitoring(ctx: Context, rows: list[MeasureRow]) -> list[MeasureRow]:
    """Return the rows with no two monitoring texts near-identical: a repeat names its own item."""
    seen: list[str] = []
    out = []
    for row in rows:
        if _alike(row.monitoring, seen):
            item = row.items[0] if len(row.items) == 1 and row.items[0] in row.topic else None
            template = ctx.voice.item_monitoring if item else ctx.voice.indicator_monitoring
            text = ctx.audience.adapt(_fill(template, ctx, row.indicator, row.score, row.items, item))
            row = row.model_copy(update={"monitoring": text})
        seen.append(row.monitoring)
        out.append(row)
    return out


def maintains(text: str) -> bool:
    """Return whether a measure reads as keeping a level (รักษามาตรฐาน/รักษาระดับ)."""
    return any(word in text for word in MAINTAIN_WORDS)


def pick_measure(entry: PlaybookEntry, tier: str, indicator_name: str) -> str:
    """Return the entry's measure for a tier: one that fixes or develops unless the row maintains."""
    if tier == Tier.MAINTAIN:
        own = next((m for m in entry.measures if maintains(m)), None)
        return own or f"กิจกรรมรักษาระดับ{indicator_name}: {entry.measures[0]}"
    return next((m for m in entry.measures if not maintains(m)), entry.title)


def _reporting(ctx: Context, entry: PlaybookEntry, item: str | None) -> str:
    """Return what the row reports, to whom, and when (the Word plan prints it after "รายงานผล: ")."""
    what = entry.report
    if item and item not in entry.items:
        what += f" ในประเด็นข้อ {item}"
    elif item and item.startswith("O"):
        what += f" (ข้อ {item})"
    return f"{what} ต่อ{_report_to(ctx)} รอบ 6 เดือน และรอบ 12 เดือน"


def playbook_source(entry: PlaybookEntry) -> Source:
    """Return the citation of a playbook entry: the practice it distils and from how many plans."""
    documents = len({r.seed for r in entry.seed_refs})
    scope = f"ข้อ {', '.join(entry.items)}" if entry.items else f"ตัวชี้วัดที่ {entry.indicator}"
    # The table cell is narrow: a short label; the appendix carries the text.
    return Source(
        source=f"แนวทางมาตรการ {scope}",
        text=f"{entry.title} (แนวปฏิบัติที่สรุปจากแผนมาตรการของหน่วยงาน {documents} แห่ง)",
    )


def cite(passage: Quoted) -> str:
    """Return a readable citation for a retrieved passage."""
    where = "รายงาน ITA"
    if passage.agency:
        where += f" {passage.agency}"
    if passage.year:
        where += f" ปี {passage.year}"
    return where


def unnamed(text: str, agencies: list[str]) -> str:
    """Return a quote with these agencies' names (and their bare place names) put as "หน่วยงาน"."""
    for name in sorted({a for a in agencies if a}, key=len, reverse=True):
        text = text.replace(name, "หน่วยงาน")
        core = re.sub(f"^{_NAME_PREFIX}", "", name).strip()
        if len(core) >= 3:
            text = re.sub(_NAME_PREFIX + re.escape(core), "หน่วยงาน", text)
    return text


def excerpt(text: str, limit: int = 220) -> str:
    """Return a short verbatim quote of a passage, cut at a space (or between Thai words)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    head = flat[:limit]
    space = head.rfind(" ")
    cut = head[:space] if space > 0 else ""
    if len(cut) < limit - 40:
        # Thai runs on for long without a space: cut between words rather than drop the run
        from pythainlp.tokenize import word_tokenize  # noqa: PLC0415 - ~0.1 s to import; long Thai runs only

        start = space + 1 if space > 0 else 0
        taken = ""
        for word in word_tokenize(flat[start:].split(" ", 1)[0], engine="newmm"):
            if start + len(taken) + len(word) > limit:
                break
            taken += word
        cut = flat[:start] + taken
    return (cut.rstrip(" |") or head) + " …"


# Table chunks are "context\nหัวตาราง: h1 | h2 ...\nh1: cell | h2: cell ..." (chunking._table_chunks).
# A quote gives the row's label and the cells saying what the agency planned, not the headers.
_TABLE_HEAD = "หัวตาราง: "
_PLAN_HEADS = ("มาตรการ", "โครงการ", "กิจกรรม", "ขั้นตอน")
_METHOD_HEADS = ("วิธี", "แนวทาง")
_OTHER_HEADS = ("รับผิดชอบ", "ระยะเวลา", "กำกับติดตาม", "รายงานผล")
_LABEL_LIMIT = 70


def _head_rank(head: str) -> int:
    if not head or any(w in head for w in _OTHER_HEADS):
        return 0
    return 2 if any(w in head for w in _PLAN_HEADS) else (1 if any(w in head for w in _METHOD_HEADS) else 0)


def _row_cells(row: str, headers: list[str]) -> list[tuple[str, str]]:
    """Split a rendered row "h1: a | h2: b" into (header, cell) pairs."""
    cells: list[tuple[str, str]] = []
    for part in row.split(" | "):
        head = next((h for h in headers if part.startswith(f"{h}: ")), None)
        if head is not None:
            cells.append((head, part[len(head) + 2 :]))
        elif cells:
            cells[-1] = (cells[-1][0], f"{cells[-1][1]} | {part}")  # a cell that itself holds " | "
        else:
            cells.append(("", part))
    return cells


def _mentions(row: str, term: str) -> bool:
    return re.search(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![0-9])", row) is not None


def names_other_indicator(quoted: str, number: int) -> bool:
    """Return whether a quote opens on another indicator ("ตัวชี้วัดที่ 5 ..." cited for indicator 10)."""
    found = re.match(r"\D{0,40}?ตัวชี้วัดที่\s*(\d+)", normalize(quoted))
    return found is not None and int(found.group(1)) != number


def quote(text: str, focus: tuple[str, ...] = (), limit: int = 220) -> str:
    """Return a short verbatim quote of a passage; for a table row, the row's label and planned measures.

    `focus` (item codes, "ตัวชี้วัดที่ 3") picks the row of a multi-row chunk that mentions them.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    at = next((i for i, line in enumerate(lines) if line.startswith(_TABLE_HEAD)), None)
    if at is None:
        return excerpt(text, limit)
    named = [h.strip() for h in lines[at][len(_TABLE_HEAD) :].split(" | ")]
    if named and " (" in named[-1]:
        named.append(named[-1].rsplit(" (", 1)[0])  # the last header carries the sub-header row
    headers = sorted({*named, "-"}, key=len, reverse=True)
    rows = lines[at + 1 :]
    if not rows:
        return ""
    row = next((r for r in rows if any(_mentions(r, t) for t in focus)), rows[0])
    cells = [(h, " ".join(c.split())) for h, c in _row_cells(row, headers)]
    label, rest = cells[0][1], [c for c in cells[1:] if c[1]]
    best = max((_head_rank(h) for h, _ in rest), default=0)
    if best:
        planned = [c for r in (2, 1) for h, c in rest if _head_rank(h) == r]
    else:
        planned = [c for h, c in rest if not any(w in h for w in _OTHER_HEADS)]
    if len(label) > _LABEL_LIMIT:
        label = excerpt(label, _LABEL_LIMIT)
    return excerpt(" | ".join(x for x in [label, *planned] if x), limit)


def document_defaults(ctx: Context) -> DocumentDefaults:
    """Return the playbook's document-level defaults for this agency family."""
    family = ctx.agency_type.family if ctx.agency_type else "local_gov"
    return ctx.playbook.document_defaults(family)


def document_kpis(
    ctx: Context, rows: list[MeasureRow], total: float | None, defaults: DocumentDefaults
) -> list[str]:
    """Return success indicators for the whole plan, driven by this agency's scores."""
    kpis = []
    if total is not None:
        target = max(ctx.thresholds.urgent_below, min(100.0, round(total + 1, 2)))
        kpis.append(f"ผลการประเมิน ITA รอบถัดไปไม่น้อยกว่า {target:.2f} คะแนน")
    weak = sorted({r.indicator for r in rows if r.tier != Tier.MAINTAIN})
    for number in weak:
        kpis.append(
            f"ตัวชี้วัดที่ {number} {ctx.fw.indicator(number).name} ได้คะแนนไม่น้อยกว่า {ctx.thresholds.maintain_from:.0f} คะแนน"
        )
    kpis.extend(_FISCAL_SUFFIX.sub("", _fill(k, ctx, 1, None, [])) for k in defaults.kpis)
    return [ctx.audience.adapt(k) for k in _distinct(kpis)]


def _distinct(texts: list[str]) -> list[str]:
    """Return texts in order without near-repeats (rapidfuzz token-set ratio)."""
    kept: list[str] = []
    for text in texts:
        if all(fuzz.token_set_ratio(text, old) < SAME_TEXT for old in kept):
            kept.append(text)
    return kept


def monitoring_plan(ctx: Context, defaults: DocumentDefaults) -> list[str]:
    """Return the monitoring and reporting paragraphs, naming the executive and rounds."""
    plan = [_fill(p, ctx, 1, None, []) for p in [*defaults.monitoring_plan, *defaults.reporting_plan]]
    plan.append(
        f"{executive(ctx)}เป็นผู้กำกับติดตามการดำเนินงานตามมาตรการ โดยรายงานผลรอบ 6 เดือน ภายในวันที่ 31 มีนาคม "
        f"{ctx.fiscal_year or ''} และรอบ 12 เดือน ภายในวันที่ 30 กันยายน {ctx.fiscal_year or ''}".rstrip()
    )
    return [ctx.audience.adapt(p) for p in _distinct(plan)]
