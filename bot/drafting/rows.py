"""Wording of drafted rows: fit playbook practice to one agency, its audience, severity and year.

A row speaks in the agency's voice and holds only what an agency would publish: the
agency is "หน่วยงาน"/"สถานศึกษา" (its name is printed once, in the heading), the fiscal
year is left to the heading, item names are short forms, and municipal words reach only
local government (knowledge/agency_types.yaml audiences). Severity changes the content:
a failing OIT indicator lists each weak O item with what to publish and where; without
item scores a row names the items to check without saying which failed. Analyses open
with sentences from knowledge/playbook/voice.yaml, taken in turn down the plan.
Quoting retrieved passages for a row's sources is bot.drafting.quotes; how a row's steps are
laid out (its shape), bot.drafting.step_shapes. A little over 400 lines: one row is built in one
pass (steps, owners, analysis, monitoring, KPIs, period, report), each part from the ones before.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot.drafting import coherence
from bot.drafting.analysis import indicator_analysis, item_analysis
from bot.drafting.measure_words import measure_kind, pick_measure, reporting
from bot.drafting.row_context import (
    FISCAL_SUFFIX,
    Context,
    alike,
    brief,
    fill,
    in_own_words,
    item_label,
    owners,
    pick,
    shape,
    stated,
    terse,
    wordings,
)
from bot.drafting.step_shapes import SETUP_ROLES as _SETUP_ROLES
from bot.drafting.step_shapes import lay_out, step_owners
from bot.drafting.weak_items import indicator_extra, note_ie_titles, note_oit_titles
from bot.ita.measures import MeasureRow, Source
from bot.ita.playbook import PlaybookEntry
from bot.ita.tiers import Tier
from bot.thai import fiscal_month_iso, format_period

# When in the fiscal year a row runs (fiscal months, 1 = ต.ค.): urgent work must
# finish before the next ITA data entry (about เม.ย.), improvements by mid-year.
_SPAN = {Tier.URGENT: (1, 6), Tier.IMPROVE: (1, 9), Tier.MAINTAIN: (1, 12)}
# A strong indicator's row without its own maintain block keeps the first steps only.
MAINTAIN_STEPS = 3
# A middling indicator keeps this many common steps, then focuses on its weak items.
IMPROVE_STEPS = 4
# An item row has at least this many steps of its own.
ITEM_STEPS = 3
# A common step this close (rapidfuzz partial ratio) to what a named item's step says to do is
# the same action in other words ("ออกหนังสือสั่งการกำชับบุคลากรให้..." / "...กำชับให้บุคลากร...").
SAME_ACTION = 80
# The most steps a row prints: a fixing row keeps one line of intent per step, five at most
# (more only when it names more weak items than that), a maintain row three.
MAX_STEPS = 5
# A monitoring, KPI or analysis sentence longer than this keeps its first clause (brief()).
LINE_LONG = 95
# A step that only restates the reporting column ("...รายงานผู้บริหารรอบ 6 เดือนและรอบ 12 เดือน").
_REPORT_STEP = re.compile(r"รอบ\s*6\s*เดือน|รอบ\s*12\s*เดือน")
# A step that already says who does it: its owner goes in brackets, not before it.
_SUBJECT = re.compile(r"^(?:ผู้|ให้|ข้อ |คณะ|หน่วย|งาน|กอง|สำนัก|ฝ่าย|ส่วน|ทุก|บุคลากร|เจ้าหน้าที่|เจ้าของ|นายก|ปลัด|ครู|ศูนย์)")
_NUMBERED = re.compile(r"^\s*(?:\d+|[๐-๙]+)\s*[.)]\s*(?:(?:\d+|[๐-๙]+)\s*[.)]\s*)*")


def step_text(step: str) -> str:
    """Return a step without its number and its owners: "2. ทบทวน... (กองคลัง)" -> "ทบทวน..."."""
    text = _NUMBERED.sub("", step)
    return re.sub(r"\s*\([^()]*\)\s*$", "", text).strip()


def step_action(step: str, owners: list[str]) -> str:
    """Return what a step says to do: step_text() without the unit it opens with, when that unit is
    one of the row's owners ("3. ให้หน่วยตรวจสอบภายในสอบทาน..." -> "สอบทาน...")."""
    text = step_text(step)
    names = "|".join(re.escape(o) for o in sorted(owners, key=len, reverse=True) if o)
    if not names:
        return text
    return re.sub(rf"^(?:ให้)?(?:{names})(?:\s*(?:และ|,)\s*(?:{names}))*\s?", "", text, count=1)


def renumber(steps: list[str]) -> list[str]:
    """Return steps numbered "1. ", "2. " ... once: any numbering a step already carries is dropped.

    For rows edited after drafting (an added "1) จัดอบรม ..." would otherwise read "7. 1) ...").
    """
    texts = [_NUMBERED.sub("", s).strip() for s in steps]
    return [f"{n}. {t}" for n, t in enumerate((t for t in texts if t), 1)]


def said(ctx: Context, number: int, text: str) -> bool:
    return alike(text, ctx.said.get(number, []))


def _steps(
    ctx: Context,
    entry: PlaybookEntry,
    number: int,
    score: float | None,
    tier: Tier,
    items: list[str],
    item: str | None,
) -> tuple[list[tuple[str, str]], str, list[str], set[str]]:
    """Return (role, text) steps, the monitoring and KPI templates, and the steps naming items."""
    keep = entry.maintain if tier == Tier.MAINTAIN else None
    if keep is not None:
        return [(s.role, s.text) for s in keep.steps], keep.monitoring, [keep.kpi], set()
    own = [(s.role, s.text) for s in entry.steps]
    monitoring, kpis = entry.monitoring, list(entry.kpis[:2])
    if tier == Tier.MAINTAIN:
        return own[:MAINTAIN_STEPS], monitoring, kpis[:1], set()
    if item:
        if item not in entry.items:
            options = wordings(ctx, "item_monitoring", ctx.voice.item_monitoring)
            own, monitoring = [], pick(ctx, options, number, item, "item_monitoring")
        return own, monitoring, kpis, set()
    extra = indicator_extra(ctx, number, tier, items)
    if tier == Tier.URGENT:
        common = own
    else:  # a middling indicator needs no new order or committee: it starts from the work itself
        common = own[1 : IMPROVE_STEPS + 1] if own and own[0][0] == "executive" else own[:IMPROVE_STEPS]
    if ctx.fw.tool_of(number).code == "OIT" and items:
        kpis.insert(0, fill(ctx.voice.oit_item_kpi, ctx, number, score, [], items=", ".join(items)))
    # a middling row keeps one KPI; the named items come after the first two common steps
    kpis = kpis[:2] if tier == Tier.URGENT else kpis[:1]
    # the named items come once the work is set up: after the order and the study when urgent,
    # after the first step when the row starts from the work itself
    at = 2 if tier == Tier.URGENT else 1
    return [*common[:at], *extra, *common[at:]], monitoring, kpis, {t for _, t in extra}


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
    named_items: list[str] | None = None,
) -> MeasureRow:
    """Return one measure row fitted to the agency, its audience and the row's severity."""
    name = ctx.fw.indicator(number).name
    if item:  # the officer checks an item title the framework cannot confirm for this year
        (note_oit_titles if item.upper().startswith("O") else note_ie_titles)(ctx, [item])
    topic = f"ตัวชี้วัดที่ {number} {name}" + (f" – ข้อ {item_label(ctx, item)}" if item else "")
    # items the officer named as missing or failed (no score): this row's weak items too
    told = [c for c in named_items or [] if c not in items]
    weak = items
    items = [*items, *told]

    measure = FISCAL_SUFFIX.sub("", pick_measure(entry, tier, name))
    if tier == Tier.MAINTAIN and not item:
        measure = maintain_title(ctx, measure, number, FISCAL_SUFFIX.sub("", entry.measures[0]))
    if item and (item.startswith("O") or item not in entry.items) and item not in measure:
        measure = f"{measure} (ข้อ {item})"

    raw, monitoring_text, kpis, named = _steps(ctx, entry, number, score, tier, items, item)
    # local government writes each step as one short phrase, as the municipal seeds do (001, 002);
    # other agencies keep a step's first clause
    local = ctx.agency_type is not None and ctx.agency_type.family == "local_gov"
    short = not item and local
    chosen: list[tuple[str, str]] = []
    listed: set[str] = set()  # the steps naming the row's items, as printed
    # what the steps naming an item say to do ("ข้อ I1 ...: <action>"): no other step repeats it
    actions = [t.split(": ", 1)[-1] for t in (fill(n, ctx, number, score, items, item) for n in named)]
    # the row's main work (its first step that is neither an order nor the ITA team's) keeps its
    # detail, as a coordinator writes the step that matters at length and the others in a phrase
    main = next((n for n, (role, _) in enumerate(raw) if role not in _SETUP_ROLES), -1)
    for at, (role, template) in enumerate(raw):
        text = stated(
            vary(ctx, step_text(fill(template, ctx, number, score, items, item)), tier, number, item or "")
        )
        if template not in named:  # a step naming items keeps them all
            if at == main:
                text = brief(text) if short else brief(text, LINE_LONG)
            else:
                text = terse(text) if short else brief(text)
            if any(fuzz.partial_ratio(text, a) >= SAME_ACTION for a in actions):
                continue
        if (
            text
            and not _REPORT_STEP.search(text)
            and not (item and said(ctx, number, text))
            and not alike(text, [t for _, t in chosen])
        ):
            chosen.append((role, text))
            if template in named:
                listed.add(text)
    if item:
        for extra in ctx.voice.item_steps:
            if len(chosen) >= ITEM_STEPS:
                break
            chosen.append((extra.role, stated(step_text(fill(extra.text, ctx, number, score, items, item)))))
    most = max(_step_count(ctx, number, score, tier, item), len(named) + 2 if named else 0)
    # the row's shape: the practice's order, or one a coordinator would write for this row (voice.yaml
    # analysis.step_shapes), chosen by the agency and the row; prepare before publishing
    kpi = fill(kpis[0], ctx, number, score, items, item) if kpis else ""
    drafted = len(chosen)
    chosen, most = lay_out(ctx, chosen, most, tier, number, item, listed, kpi)
    # an urgent OIT row ends with a check before the system closes (a middling one checks in monitoring)
    if ctx.fw.tool_of(number).code == "OIT" and tier == Tier.URGENT:
        # the check comes on top of the work: a row nearly there still prepares what is missing
        chosen = coherence.closing_check(
            ctx, chosen, max(most, MAX_STEPS - 1), number, tier.value, item or ""
        )
    ctx.said.setdefault(number, []).extend(t for _, t in chosen)
    steps, row_owners = _owned_steps(ctx, entry, chosen)
    work = [t for _, t in chosen]
    measure = measure_kind(measure, work, score)
    # the analysis is written once the steps are known: what it advises, a step does
    if item:
        analysis = item_analysis(ctx, entry, number, score, tier, item)
    else:
        analysis = indicator_analysis(ctx, number, score, tier, weak, told, work)

    args = (number, score, items, item)
    every_step = [
        fill(s.text, ctx, *args) for s in (*entry.steps, *(entry.maintain.steps if entry.maintain else ()))
    ]
    # a maintain block's monitoring is written for exactly its steps (all of them)
    curated = tier == Tier.MAINTAIN and entry.maintain is not None and len(chosen) == drafted
    monitoring = coherence.monitoring(
        ctx,
        monitoring_text,
        every_step,
        chosen,
        row_owners,
        args,
        LINE_LONG,
        curated=curated,
        tier=tier.value,
    )
    # a KPI measures work the row does: one about a step the row left out gives way (the first stays)
    kpi_texts = [brief(fill(k, ctx, *args), LINE_LONG) for k in kpis]
    kpi_texts = [
        k for n, k in enumerate(kpi_texts) if not n or coherence.coverage(k, work) >= coherence.COVERED
    ]

    start, end = _SPAN[tier]
    timing = getattr(entry, "timing", None)
    if timing is not None and tier != Tier.MAINTAIN:
        start, end = max(1, timing.start), min(_SPAN[tier][1], max(timing.end, timing.start))
    # the row starts when its first activity can (an order at once, work with people later), and
    # keeps at least a quarter for its work; the fiscal year's first work (coherence.row_start) in ต.ค.
    first = coherence.row_start(work) if chosen else start
    start = first if first == coherence.START_ORDER else max(start, min(first, end - 2))
    # work that goes on (monthly, quarterly, ongoing) runs to the end of the fiscal year
    if coherence.continuous([t for _, t in chosen] + [monitoring, *kpi_texts]):
        end = 12
    start_iso, end_iso = fiscal_month_iso(ctx.fiscal_year, start), fiscal_month_iso(ctx.fiscal_year, end)

    def adapt(text: str) -> str:  # the audience's words; standard unit names in the agency's own
        return ctx.audience.adapt(in_own_words(ctx, text))

    return MeasureRow(
        indicator=number,
        items=items,
        score=score,
        tier=tier,
        topic=adapt(topic),
        analysis=adapt(analysis.strip()),
        measure=adapt(measure),
        steps=[adapt(s) for s in steps],
        owners=[ctx.audience.adapt(o) for o in row_owners],
        timeline=format_period(start_iso, end_iso),
        start_month=start_iso,
        end_month=end_iso,
        monitoring=adapt(monitoring),
        reporting=adapt(reporting(ctx, entry, item, end, [*work, monitoring], tier)),
        kpi=adapt("; ".join(dict.fromkeys(kpi_texts))),
        sources=sources,
    )


# How many steps a fixing row keeps follows how far its score has to go (points below the
# threshold for an urgent row, below the target for a middling one): (at least this far, steps).
URGENT_STEPS: tuple[tuple[float, int], ...] = ((20.0, 5), (5.0, 4), (0.0, 3))
IMPROVE_STEPS_BY_GAP: tuple[tuple[float, int], ...] = ((6.0, 4), (0.0, 3))


def _step_count(ctx: Context, number: int, score: float | None, tier: Tier, item: str | None) -> int:
    """Return how many steps a row keeps, by how far its score has to go: an urgent row five when
    far below the threshold, four, or three when nearly there; a middling row four, or three when
    close to the target; a strong row its maintain steps (the seeds' rows have three to six:
    their counts follow the work, not one number for every row)."""
    if item:
        return MAX_STEPS
    value = score if score is not None else 0.0
    if tier == Tier.MAINTAIN:
        return MAINTAIN_STEPS
    if tier == Tier.URGENT:
        gap, table = ctx.thresholds.urgent_below - value, URGENT_STEPS
    else:
        gap, table = ctx.thresholds.maintain_from - value, IMPROVE_STEPS_BY_GAP
    return next(n for least, n in table if gap >= least)


def _owned_steps(
    ctx: Context, entry: PlaybookEntry, chosen: list[tuple[str, str]]
) -> tuple[list[str], list[str]]:
    """Return the numbered steps and the row's owners: every unit that owns a step.

    The owners column names the row's main owners (the units owning most steps, the
    entry's own owners first on a tie), then every other unit a step names, each once: a
    section is listed under its division when the division owns a step too ("งานประชาสัมพันธ์
    สำนักปลัดเทศบาล" and "สำนักปลัดเทศบาล" -> "สำนักปลัดเทศบาล"), and three or more units of
    one step are "all units" in the type's own words ("ทุกกอง/สำนัก"). Every step that is not the
    main owners' names its unit (as its subject, else in brackets), so every unit in the owners
    column has a step a reader can see. Long unit names take their usual short form (voice.yaml).
    """
    whose = [_together(ctx, owners(ctx, [role])) if role else [] for role, _ in chosen]
    every = [u for w in whose for u in w]
    whose = [list(dict.fromkeys(_division(u, every) for u in w)) for w in whose]
    groups = [tuple(w) for w in whose if w]
    main: tuple[str, ...] = ()
    if groups:
        lead = tuple(_division(u, every) for u in owners(ctx, list(entry.owner_roles)))
        main = max(dict.fromkeys(groups), key=lambda g: (groups.count(g), g == lead))
    # every step another unit owns names it: as the step's subject ("หน่วยตรวจสอบภายในสอบทาน..."),
    # or in brackets when the step already has a subject ("ผู้บังคับบัญชา...", "ข้อ O13 ...: ...")
    steps = []
    several = len(set(groups)) > 1
    # how this agency names a step's unit when the step has a subject of its own (voice.yaml
    # analysis.step_owners): in brackets after it, or not at all (its owners column does, as every
    # seed's does); an item's step then takes its unit as the subject of what it says to do
    form = step_owners(ctx)
    for n, ((_, text), who) in enumerate(zip(chosen, whose, strict=True)):
        # a step for one item names its unit even when that unit owns most steps: each item's owner
        # is read off its own step ("ข้อ O14 ...: ... (กองการเจ้าหน้าที่)")
        if who and (tuple(who) != main or (several and text.startswith("ข้อ "))):
            names = [_short(ctx, u) for u in who]
            joined = names[0] if len(names) == 1 else f"{' '.join(names[:-1])} และ{names[-1]}"
            joined += " " if re.search(r"[A-Za-z.)]$", joined) else ""
            if any(n in text for n in names):  # the step names its unit already
                pass
            elif form != "bracket" and text.startswith("ข้อ ") and ": " in text:
                head, _, action = text.partition(": ")
                text = f"{head}: {joined}{action}"
            elif _SUBJECT.match(text):
                if form == "bracket":
                    text = f"{text} ({', '.join(names)})"
            else:
                text = f"{joined}{text}"
        steps.append(f"{n + 1}. {text}")
    # the executive who orders or approves is named in their own step, not among the row's owners:
    # the owners column says who does the work (seed 001: "สำนักปลัดเทศบาล / ทุกกอง")
    boss = {u for (role, _), w in zip(chosen, whose, strict=True) if role == "executive" for u in w}
    doers = [u for (role, _), w in zip(chosen, whose, strict=True) if role != "executive" for u in w]
    union = list(dict.fromkeys([*main, *doers])) or list(dict.fromkeys([*main, *boss]))
    fallback = [_division(u, every) for u in owners(ctx, list(entry.owner_roles))]
    return steps, list(dict.fromkeys(_short(ctx, u) for u in union or fallback))


def _division(unit: str, units: list[str]) -> str:
    """Return the division a section belongs to when that division is among units, else the unit."""
    return next((d for d in units if d != unit and unit.endswith(" " + d)), unit)


def _together(ctx: Context, units: list[str]) -> list[str]:
    """Return three or more units of one step as the type's "all units" wording, else as they are."""
    if len(units) < 3:
        return units
    return owners(ctx, ["all_units"])[:1] or units


def _short(ctx: Context, unit: str) -> str:
    """Return a unit's name as a row prints it: "สำนักปลัด อบจ." (the usual abbreviation)."""
    for long, short in ctx.voice.unit_short.items():
        if unit.endswith(long) and unit != long:
            return f"{unit.removesuffix(long).rstrip()} {short}"
    return unit


# The playbook's strong-row title: "กิจกรรมรักษามาตรฐาน<what>" (indicators.yaml measures)
_MAINTAIN_TITLE = "กิจกรรมรักษามาตรฐาน"


def maintain_title(ctx: Context, measure: str, number: int, first: str) -> str:
    """Return a strong row's measure in one of the titles agencies give such rows (voice.yaml
    analysis.maintain_titles): "มาตรการรักษาระดับ…", "กิจกรรมส่งเสริม…อย่างต่อเนื่อง" … chosen by the
    agency and the indicator, each used once in a plan while others are left, so strong rows do
    not all read "กิจกรรมรักษามาตรฐาน…" (blind round 9)."""
    if not measure.startswith(_MAINTAIN_TITLE):
        return measure
    what = measure.removeprefix(_MAINTAIN_TITLE)
    options = wordings(ctx, "maintain_titles", _MAINTAIN_TITLE + "{what}")
    return shape(ctx, "maintain_title", options, number).format(what=what, first=first)


def vary(ctx: Context, text: str, tier: Tier, *situation: object) -> str:
    """Return a step in this agency's wording: the phrase it opens with (voice.yaml step_words) in
    one of several wordings, chosen by the agency and the row's situation (indicator, item), and
    moved along by severity, so two agencies, or one agency's urgent and middling rows, do not
    share one skeleton; within one plan a wording is used once while others are left."""
    shift = list(Tier).index(tier)
    for phrase, options in ctx.voice.step_words.items():
        if text.startswith(phrase):
            # one plan takes a phrase's wordings in turn: two of its rows never open alike
            return shape(ctx, f"vary:{phrase}", options, *situation, shift=shift) + text.removeprefix(phrase)
    return text
