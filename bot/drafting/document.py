"""The document-level parts of a draft: its KPIs and monitoring plan, without near-duplicates."""

from __future__ import annotations

from rapidfuzz import fuzz

from bot.drafting.row_context import (
    FISCAL_SUFFIX,
    SAME_TEXT,
    Context,
    alike,
    executive,
    fill,
    pick,
    wordings,
)
from bot.ita.measures import MeasureRow
from bot.ita.playbook import DocumentDefaults
from bot.ita.tiers import Tier
from bot.thai import format_period, space_abbreviations


def common_start(rows: list[MeasureRow], start: str = "") -> list[MeasureRow]:
    """Return the rows all starting in one month: `start`, else the plan's earliest (a plan whose rows
    start in different months reads as unchecked, blind round 12); each row keeps its end month."""
    begun = start or min((r.start_month for r in rows if r.start_month), default="")
    if not begun:
        return rows
    out = []
    for row in rows:
        if row.start_month and row.end_month and row.start_month != begun and begun <= row.end_month:
            update = {"start_month": begun, "timeline": format_period(begun, row.end_month)}
            row = row.model_copy(update=update)
        out.append(row)
    return out


def distinct_monitoring(ctx: Context, rows: list[MeasureRow]) -> list[MeasureRow]:
    """Return the rows with no two monitoring texts near-identical: a repeat names its own item."""
    seen: list[str] = []
    out = []
    for row in rows:
        if alike(row.monitoring, seen):
            item = row.items[0] if len(row.items) == 1 and row.items[0] in row.topic else None
            slot, first = (
                ("item_monitoring", ctx.voice.item_monitoring)
                if item
                else ("indicator_monitoring", ctx.voice.indicator_monitoring)
            )
            template = pick(ctx, wordings(ctx, slot, first), row.indicator, item or "", slot)
            text = ctx.audience.adapt(fill(template, ctx, row.indicator, row.score, row.items, item))
            row = row.model_copy(update={"monitoring": text})
        seen.append(row.monitoring)
        out.append(row)
    return out


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
    kpis.extend(FISCAL_SUFFIX.sub("", fill(k, ctx, 1, None, [])) for k in defaults.kpis)
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
    plan = [fill(p, ctx, 1, None, []) for p in [*defaults.monitoring_plan, *defaults.reporting_plan]]
    plan.append(
        f"{executive(ctx)}เป็นผู้กำกับติดตามการดำเนินงานตามมาตรการ โดยรายงานผลรอบ 6 เดือน ภายในวันที่ 31 มีนาคม "
        f"{ctx.fiscal_year or ''} และรอบ 12 เดือน ภายในวันที่ 30 กันยายน {ctx.fiscal_year or ''}".rstrip()
    )
    return [space_abbreviations(ctx.audience.adapt(p)) for p in _distinct(plan)]
