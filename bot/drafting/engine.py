"""Draft the measure table: indicator by indicator and weak item by weak item.

The default engine is offline and deterministic. For every indicator in tier
แก้ไขเร่งด่วน or พัฒนาให้ดีขึ้น it writes one row for the indicator and one per
weak item under it, from the playbook (our distilled practice) and the NACC
recommendations, fitted to the agency's name, units and fiscal year; every row
cites the passages it came from. Strong indicators get a short รักษาระดับ row.
An optional LLM refiner may rewrite the wording afterwards; it falls back to
this engine's rows on any failure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from bot import wording
from bot.drafting import document, quotes
from bot.drafting import row_context as draft_text
from bot.drafting import rows as row_text
from bot.drafting.style import StyleProfile, seeded_style
from bot.ita.facts import SOLID, Tool
from bot.ita.framework import Framework
from bot.ita.measures import AgencyProfile, Draft, MeasureRow, Source, ToolSummary
from bot.ita.playbook import Playbook, PlaybookEntry
from bot.ita.tiers import Thresholds, Tier, level, overall, tool_scores
from bot.scores import ScoreSet
from bot.thai import current_fiscal_year

# A row cites the playbook, the NACC recommendation and at most this many sources in all.
MAX_SOURCES = 4


class Retriever(Protocol):
    """Past analyses for a row (bot.search.retrieve.Retriever, injected by bot.app)."""

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        indicator: int | None = None,
        kind: str | None = None,
        scope: str = "",
    ) -> Sequence[quotes.Quoted]: ...


class Refiner(Protocol):
    """Rewrites a draft's wording (bot.drafting.llm.LLMRefiner, built by bot.app only when an LLM is set).

    A Protocol rather than an import, so the default engine never loads the LLM client libraries.
    """

    def refine(self, draft: Draft) -> Draft: ...


@dataclass
class DraftRequest:
    """What the officer asked for."""

    profile: AgencyProfile
    scores: ScoreSet
    thresholds: Thresholds
    include_maintain: bool = True
    # indicator scores of the previous assessment, when the officer gave them: analyses say the change
    previous: dict[int, float] = field(default_factory=dict)
    # item codes the officer named as missing or failed without a score (ParseResult.named_items):
    # the weak items of their indicator's row, stated as the agency's own finding
    named_items: list[str] = field(default_factory=list)
    # the year of `previous` (B.E.), when known: the plan's comparison table names it
    previous_year: int | None = None
    # the agency's private search scope (bot.agency.scope): its own uploaded documents are quoted
    # beside the shared knowledge, another agency's never
    scope: str = ""
    # the forms of the agency's own past plan (bot.drafting.style.house_style(...).as_dict()); the
    # forms it does not show are chosen by the agency (style.seeded_style), so no two agencies share one voice
    style: dict[str, str] = field(default_factory=dict)


class Drafter:
    """The drafting engine: default rows, optionally refined by an LLM."""

    def __init__(
        self, fw: Framework, playbook: Playbook, retriever: Retriever, *, refiner: Refiner | None = None
    ) -> None:
        self.fw = fw
        self.playbook = playbook
        self.retriever = retriever
        self.refiner = refiner

    # -- public -------------------------------------------------------------
    def draft(self, request: DraftRequest) -> Draft:
        """Return a complete draft for the request."""
        ctx = self._context(request)
        rows: list[MeasureRow] = []
        for number in self.fw.indicator_numbers:
            rows.extend(self._indicator_rows(ctx, number))
        draft = self._document(ctx, document.common_start(document.distinct_monitoring(ctx, rows)))
        return self._refine(draft)

    def redraft_indicator(self, draft: Draft, request: DraftRequest, indicator: int) -> Draft:
        """Return the draft with one indicator's rows drafted afresh (other rows and edits kept)."""
        ctx = self._context(request)
        fresh = document.distinct_monitoring(ctx, self._indicator_rows(ctx, indicator))
        # a redrafted row starts with the plan's other rows (as the officer left them)
        others = [r.start_month for r in draft.rows if r.indicator != indicator and r.start_month]
        fresh = document.common_start(fresh, min(others, default=""))
        if self.refiner is not None and fresh:
            partial = self._refine(draft.model_copy(update={"rows": fresh, "notes": []}))
            fresh, notes = partial.rows, partial.notes
        else:
            notes = []
        rows: list[MeasureRow] = []
        placed = False
        for row in draft.rows:
            if row.indicator == indicator:
                if not placed:
                    rows.extend(fresh)
                    placed = True
                continue
            if not placed and row.indicator > indicator:
                rows.extend(fresh)
                placed = True
            rows.append(row)
        if not placed:
            rows.extend(fresh)
        return draft.model_copy(update={"rows": rows, "notes": [*draft.notes, *notes]})

    # -- internals ----------------------------------------------------------
    def _context(self, request: DraftRequest) -> draft_text.Context:
        profile = request.profile
        agency_type = None
        if profile.type:
            agency_type = self.playbook.agency_types.get(profile.type) or self.playbook.match_agency_type(
                profile.type
            )
        year = profile.assessment_year or request.scores.year
        fiscal = profile.fiscal_year or ((year + 1) if year else current_fiscal_year(date.today()))
        units = list(profile.units) or (list(agency_type.default_units) if agency_type else [])
        return draft_text.Context(
            fw=self.fw,
            playbook=self.playbook,
            profile=profile,
            agency_type=agency_type,
            agency=profile.name or "หน่วยงาน",
            previous=dict(request.previous or {}),
            offset=list(self.playbook.agency_types).index(agency_type.key) if agency_type else 0,
            units=units,
            year=year,
            fiscal_year=fiscal,
            scores=request.scores,
            thresholds=request.thresholds,
            include_maintain=request.include_maintain,
            named_items=list(dict.fromkeys(c.upper() for c in request.named_items or [])),
            scope=request.scope,
            previous_year=request.previous_year,
            style=dict(request.style or {}),
        )

    def _weak_items(self, ctx: draft_text.Context, number: int) -> list[tuple[str, float]]:
        items = []
        for code, score in sorted(ctx.scores.items.items(), key=lambda kv: kv[1]):
            if (
                self.fw.item_indicator(code, ctx.year) == number
                and ctx.thresholds.tier(score) != Tier.MAINTAIN
            ):
                items.append((code, score))
        return items

    def _indicator_rows(self, ctx: draft_text.Context, number: int) -> list[MeasureRow]:
        score = ctx.scores.indicators.get(number)
        weak = self._weak_items(ctx, number)
        told = [
            c
            for c in ctx.named_items
            if c not in ctx.scores.items and self.fw.item_indicator(c, ctx.year) == number
        ]
        if score is None and not weak and not told:
            return []
        # An indicator keeps its own tier; weak items under a strong indicator
        # still get their own rows, since the officer must fix them anyway.
        tier = ctx.thresholds.tier(score) if score is not None else Tier.IMPROVE
        rows = []
        if tier != Tier.MAINTAIN or ctx.include_maintain or weak or told:
            rows.append(self._row(ctx, number, score, tier, [code for code, _ in weak], item=None, told=told))
        for code, item_score in weak:
            rows.append(
                self._row(ctx, number, item_score, ctx.thresholds.tier(item_score), [code], item=code)
            )
        return rows

    def _row(
        self,
        ctx: draft_text.Context,
        number: int,
        score: float | None,
        tier: Tier,
        items: list[str],
        *,
        item: str | None,
        told: list[str] | None = None,
    ) -> MeasureRow:
        entry = draft_text.pick_entry(ctx, number, item)
        sources = self._sources(ctx, number, item, entry)
        return row_text.build_row(
            ctx,
            entry,
            number=number,
            score=score,
            tier=tier,
            items=items,
            item=item,
            sources=sources,
            named_items=told,
        )

    def _sources(
        self, ctx: draft_text.Context, number: int, item: str | None, entry: PlaybookEntry
    ) -> list[Source]:
        found: list[Source] = [quotes.playbook_source(entry)]
        for rec in (
            self.fw.recommendations_for(item=item)
            if item
            else self.fw.recommendations_for(indicator=number)[:1]
        ):
            hedge = "" if rec.confidence in SOLID else " (พบในรายงานของหน่วยงานเดียว ยังไม่ได้ยืนยันกับเอกสาร ป.ป.ช.)"
            found.append(Source(source="ข้อเสนอแนะ ป.ป.ช.", text=rec.text + hedge))
        name = self.fw.indicator(number).name
        query = (
            f"มาตรการ {item or ''} {draft_text.item_label(ctx, item) if item else ''} ตัวชี้วัดที่ {number} {name}"
        )
        # Past analyses (measure tables first) show how other agencies phrased it;
        # curated recommendations are already cited above.
        scope = ctx.scope
        passages = [*self.retriever.search(query, k=3, indicator=number, kind="measure_table", scope=scope)]
        passages += self.retriever.search(query, k=2, indicator=number, kind="analysis", scope=scope)
        focus = (item,) if item else (f"ตัวชี้วัดที่ {number}", name)
        # A quote is another agency's wording: its name (and that of every agency quoted) is left out.
        others = [p.agency for p in passages]
        quoted = [
            Source(source=quotes.cite(p), text=quotes.unnamed(quotes.quote(p.text, focus), others))
            for p in passages
        ]
        quoted = [q for q in quoted if not quotes.names_other_indicator(q.text, number)]
        # Two chunks of one report can read the same to the officer (same label, same quote):
        # cite what the reader sees once, and one passage per report before a second from any.
        reports: set[str] = set()
        first: list[Source] = []
        later: list[Source] = []
        for q in quoted:
            (later if q.source in reports else first).append(q)
            reports.add(q.source)
        for q in [*first, *later]:
            if len(found) >= MAX_SOURCES:
                break
            if q.text and q not in found:
                found.append(q)
        return list({(s.source, s.text): s for s in found}.values())

    def _document(self, ctx: draft_text.Context, rows: list[MeasureRow]) -> Draft:
        indicators = dict(sorted(ctx.scores.indicators.items()))
        tools = tool_scores(indicators, self.fw) or dict(ctx.scores.tools)
        # The overall the officer typed is the official NACC result: the plan uses it as given
        # (the dialogue asks first when it disagrees with the weighted mean of the indicators).
        total = ctx.scores.overall if ctx.scores.overall is not None else overall(indicators, self.fw)
        lv = level(ctx.year, total, tools, self.fw)
        summary = [self._tool_summary(ctx, tool, tools.get(tool.code)) for tool in self.fw.tools]
        defaults = document.document_defaults(ctx)
        return Draft(
            agency=ctx.profile.model_copy(
                update={
                    "units": ctx.units,
                    "fiscal_year": ctx.fiscal_year,
                    "assessment_year": ctx.year,
                    "executive": ctx.profile.executive or draft_text.executive(ctx),
                }
            ),
            assessment_year=ctx.year,
            fiscal_year=ctx.fiscal_year,
            level=lv.label if lv else "",
            level_note=(lv.note_th if lv and not lv.confirmed else ""),
            overall=total,
            tools=tools,
            indicators=indicators,
            thresholds=(ctx.thresholds.urgent_below, ctx.thresholds.maintain_from),
            summary=summary,
            rows=rows,
            kpis=document.document_kpis(ctx, rows, total, defaults),
            notes=self._notes(ctx),
            checks=list(dict.fromkeys(ctx.checks)),
            monitoring_plan=document.monitoring_plan(ctx, defaults),
            previous_year=ctx.previous_year if ctx.previous else None,
            previous_indicators=dict(ctx.previous),
            style=StyleProfile.from_dict(ctx.style).over(seeded_style(draft_text.agency_key(ctx))).as_dict(),
        )

    def _notes(self, ctx: draft_text.Context) -> list[str]:
        current = current_fiscal_year(date.today())
        if ctx.fiscal_year and ctx.fiscal_year < current:
            return [wording.DRAFT_FISCAL_YEAR_OVER.format(fiscal_year=ctx.fiscal_year, current=current)]
        return []

    def _tool_summary(self, ctx: draft_text.Context, tool: Tool, score: float | None) -> ToolSummary:
        strengths: list[str] = []
        weaknesses: list[str] = []
        for number in tool.indicators:
            value = ctx.scores.indicators.get(number)
            if value is None:
                continue
            label = f"ตัวชี้วัดที่ {number} {self.fw.indicator(number).name} ({value:.2f} คะแนน)"
            (strengths if ctx.thresholds.tier(value) == Tier.MAINTAIN else weaknesses).append(label)
        return ToolSummary(tool=tool.code, score=score, strengths=strengths, weaknesses=weaknesses)

    def _refine(self, draft: Draft) -> Draft:
        if self.refiner is None or not draft.rows:
            return draft
        return self.refiner.refine(draft)
