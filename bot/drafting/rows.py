"""Wording of drafted rows: fit playbook practice to one agency, its units and year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from bot.ita.agency_types import AgencyType
from bot.ita.framework import Framework
from bot.ita.measures import AgencyProfile, MeasureRow, Source
from bot.ita.playbook import DocumentDefaults, Playbook, PlaybookEntry
from bot.ita.tiers import Thresholds, Tier
from bot.scores import ScoreSet
from bot.thai import fiscal_month_iso, format_period, normalize

# When in the fiscal year a row runs (fiscal months, 1 = ต.ค.): urgent work must
# finish before the next ITA data entry (about เม.ย.), improvements by mid-year.
_SPAN = {Tier.URGENT: (1, 6), Tier.IMPROVE: (1, 9), Tier.MAINTAIN: (1, 12)}
# A strong indicator's row without its own maintain block keeps the first steps only.
MAINTAIN_STEPS = 3
# Words that make a measure read as keeping a level: wrong for a row that must fix or develop.
MAINTAIN_WORDS = ("รักษามาตรฐาน", "รักษาระดับ")


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
    """Everything a row's wording depends on."""

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


def pick_entry(ctx: Context, number: int, item: str | None) -> PlaybookEntry:
    """Return the playbook entry for an item if there is one, else for its indicator."""
    entries = ctx.playbook.entries_for(number, [item] if item else [], year=ctx.year)
    if item:
        for entry in entries:
            if item in entry.items:
                return entry
    return entries[0]


def item_label(ctx: Context, item: str | None) -> str:
    """Return "O13 รายงานผลการจัดซื้อจัดจ้าง..." or just the code when the title is unknown."""
    if not item:
        return ""
    title = ctx.fw.item_title(item, ctx.year)
    return f"{item} {title}" if title else item


def _fill(template: str, ctx: Context, number: int, score: float | None, items: list[str]) -> str:
    values = {
        "agency": ctx.agency,
        "score": f"{score:.2f}" if score is not None else "-",
        "indicator_name": ctx.fw.indicator(number).name,
        "items": ", ".join(item_label(ctx, i) for i in items) or "-",
        "fiscal_year": ctx.fiscal_year or "",
        "year": ctx.year or "",
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template  # a template with a placeholder we do not know is shown as written


def _owners(ctx: Context, roles: list[str]) -> list[str]:
    key = ctx.agency_type.key if ctx.agency_type else ""
    owners = ctx.playbook.resolve_owners(roles, key, ctx.units or None) if key else []
    return owners or ctx.units[:1] or ["ผู้บริหารหน่วยงานมอบหมาย"]


def executive(ctx: Context) -> str:
    """Return who approves and monitors the measures for this agency type."""
    return ctx.agency_type.executive if ctx.agency_type else "หัวหน้าหน่วยงาน"


def _report_to(ctx: Context) -> str:
    return ctx.agency_type.report_to if ctx.agency_type else executive(ctx)


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
    """Return one measure row fitted to the agency."""
    name = ctx.fw.indicator(number).name
    topic = f"ตัวชี้วัดที่ {number} {name}" + (f" – ข้อ {item_label(ctx, item)}" if item else "")
    # Score and tier are their own fields; the exporters and cards print them.

    if item and item not in entry.items:
        # No practice written for this item: speak about the item, not the indicator's score.
        shown = f" ได้คะแนน {score:.2f} คะแนน" if score is not None else ""
        analysis = (
            f"ข้อ {item_label(ctx, item)} ภายใต้ตัวชี้วัดที่ {number} {name} ของ{ctx.agency}{shown} "
            f"อยู่ในกลุ่มที่ต้อง{tier} จึงกำหนดมาตรการตามแนวทางของตัวชี้วัดนี้โดยเน้นประเด็นของข้อดังกล่าว"
        )
    else:
        analysis = _fill(
            entry.analysis.get(tier) or entry.analysis.get(Tier.IMPROVE) or "", ctx, number, score, items
        )
    if not item and items:
        weak = ", ".join(f"{item_label(ctx, i)} ({ctx.scores.items[i]:.2f})" for i in items)
        analysis += f" ประเด็นย่อยที่ได้คะแนนต่ำ ได้แก่ {weak}"
    if item and item.startswith("O"):
        publish = getattr(entry, "publish", "") or ""
        requirement = ""
        oit = ctx.fw.oit_item(item, ctx.year)
        if oit is not None:
            requirement = oit.requirement
        analysis += f" ข้อ {item_label(ctx, item)} ยังเผยแพร่ไม่ครบถ้วนตามเกณฑ์"
        if requirement or publish:
            analysis += f" ต้องเผยแพร่: {requirement or publish}"

    measure = pick_measure(entry, tier, name)
    if item and item.startswith("O"):
        measure = f"{measure} (ข้อ {item_label(ctx, item)})"
    if ctx.fiscal_year:
        measure += f" ประจำปีงบประมาณ พ.ศ. {ctx.fiscal_year}"

    # A strong indicator's row is short: its entry's maintain block, else the first three steps.
    keep = getattr(entry, "maintain", None) if tier == Tier.MAINTAIN else None
    if keep is not None:
        steps_source, monitoring_text, kpis = keep.steps, keep.monitoring, [keep.kpi]
    else:
        steps_source = entry.steps if tier != Tier.MAINTAIN else entry.steps[:MAINTAIN_STEPS]
        monitoring_text, kpis = entry.monitoring, entry.kpis[:2]
    steps = []
    for n, step in enumerate(steps_source, 1):
        who = _owners(ctx, [step.role]) if getattr(step, "role", "") else []
        text = _fill(step.text, ctx, number, score, items)
        steps.append(f"{n}. {text}" + (f" ({', '.join(who)})" if who else ""))

    start, end = _SPAN[tier]
    timing = getattr(entry, "timing", None)
    if timing is not None and tier != Tier.MAINTAIN:
        start, end = max(1, timing.start), min(_SPAN[tier][1], max(timing.end, timing.start))
    start_iso = fiscal_month_iso(ctx.fiscal_year, start)
    end_iso = fiscal_month_iso(ctx.fiscal_year, end)

    reporting = _reporting(ctx, entry, item)
    monitoring = (
        _fill(monitoring_text, ctx, number, score, items)
        if monitoring_text
        else (f"{executive(ctx)}กำกับติดตามความก้าวหน้าเป็นรายไตรมาส")
    )
    return MeasureRow(
        indicator=number,
        items=items,
        score=score,
        tier=tier,
        topic=topic,
        analysis=analysis.strip(),
        measure=measure,
        steps=steps,
        owners=_owners(ctx, list(entry.owner_roles)),
        timeline=format_period(start_iso, end_iso),
        start_month=start_iso,
        end_month=end_iso,
        monitoring=monitoring,
        reporting=reporting,
        kpi="; ".join(_fill(k, ctx, number, score, items) for k in kpis),
        sources=sources,
    )


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
    """Return the citation of a playbook entry (with the seed passages it distils)."""
    documents = len({r.seed for r in entry.seed_refs})
    scope = f"ข้อ {', '.join(entry.items)}" if entry.items else f"ตัวชี้วัดที่ {entry.indicator}"
    # The table cell is narrow: a short label; the appendix carries the text.
    return Source(
        source=f"แนวทางมาตรการของระบบ {scope}",
        text=f"{entry.title} — สรุปจากรายงานของหน่วยงาน {documents} แห่งในฐานความรู้ของระบบ",
    )


def cite(passage: Quoted) -> str:
    """Return a readable citation for a retrieved passage."""
    where = "รายงาน ITA"
    if passage.agency:
        where += f" {passage.agency}"
    if passage.year:
        where += f" ปี {passage.year}"
    return where


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
        kpis.append(
            f"คะแนน ITA ปีงบประมาณ พ.ศ. {ctx.fiscal_year or ''} ไม่น้อยกว่า {target:.2f} คะแนน".replace("  ", " ")
        )
    weak = sorted({r.indicator for r in rows if r.tier != Tier.MAINTAIN})
    for number in weak:
        kpis.append(
            f"ตัวชี้วัดที่ {number} {ctx.fw.indicator(number).name} ได้คะแนนไม่น้อยกว่า {ctx.thresholds.maintain_from:.0f} คะแนน"
        )
    kpis.extend(_fill(k, ctx, 1, None, []) for k in defaults.kpis)
    return list(dict.fromkeys(kpis))


def monitoring_plan(ctx: Context, defaults: DocumentDefaults) -> list[str]:
    """Return the monitoring and reporting paragraphs, naming the executive and rounds."""
    plan = [_fill(p, ctx, 1, None, []) for p in [*defaults.monitoring_plan, *defaults.reporting_plan]]
    plan.append(
        f"{executive(ctx)}เป็นผู้กำกับติดตามการดำเนินงานตามมาตรการ โดยรายงานผลรอบ 6 เดือน ภายในวันที่ 31 มีนาคม "
        f"{ctx.fiscal_year or ''} และรอบ 12 เดือน ภายในวันที่ 30 กันยายน {ctx.fiscal_year or ''}".rstrip()
    )
    return plan
