"""A why-low question about the officer's own indicator, answered from the officer's own scores.

"ทำไมตัวชี้วัด 9 ต่ำจังคะ", sent with scores or after them, asks about THIS agency's indicator 9,
not about the framework: the answer is its score against the agency's thresholds and tier, what the
indicator measures (the framework's description, its first clause), the weak items when the officer
gave item scores or named failed items, and the analysis sentence the draft itself would print for
that indicator (bot.drafting.analysis.indicator_analysis, called with the same facts, not rewritten
here; once drafted, the plan's own row says it). An OIT indicator without item results names the items to check first (weak_items.check_items),
said as a check, never as a finding. Without scores for the indicator asked about, None: the dialogue
searches the knowledge base as for any question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot import wording as w
from bot.dialogue.detours import question_part
from bot.drafting.analysis import indicator_analysis
from bot.drafting.row_context import Context as RowContext
from bot.drafting.row_context import score_text
from bot.drafting.weak_items import check_items
from bot.ita.facts import hedge
from bot.ita.framework import Framework
from bot.ita.measures import AgencyProfile
from bot.ita.playbook import Playbook
from bot.ita.tiers import Thresholds, Tier
from bot.scores import ScoreSet
from bot.search.chunking import mentions
from bot.thai import to_arabic

# "ทำไม…", "…เพราะอะไร", "สาเหตุที่…", "why": asking for a reason.
_WHY = re.compile(r"ทำไม|ทําไม|เพราะอะไร|เพราะไร|เหตุใด|สาเหตุ|มีปัญหาตรงไหน|\bwhy\b", re.I)
# ... that the score is low: "ต่ำ", "น้อย", "ได้แค่", "ไม่ผ่าน", "ตก", "ลดลง", "low".
_LOW = re.compile(r"ต่ำ|ตํ่า|น้อย|ได้แค่|ได้เพียง|ไม่ผ่าน|ไม่ถึง|ตก|ลดลง|แย่|ไม่ดี|\blow\b|\bfail", re.I)
# The framework's descriptions open with this; the answer says what the indicator does instead.
_DESCRIPTION_LEAD = re.compile(r"^เป็นตัวชี้วัดที่มีวัตถุประสงค์เพื่อ\s*")
# Where the first clause of a description ends (after at least a few words).
_CLAUSE_END = re.compile(r"\s(?:ในประเด็น|ใน\s*\S+\s*ประเด็น|เพื่อ|ซึ่ง|นอกจากนี้|โดย|รวมไปถึง|ทั้ง)")
CLAUSE_MIN = 25
# "ตชว.2", "ตชว 2": the indicator word as officers shorten it.
_SHORT_INDICATOR = re.compile(r"ตชว\.?\s*(?=\d)")
# At most this many indicators are explained in one answer (a question about "the low ones").
MOST = 3


@dataclass(frozen=True)
class Facts:
    """What the session knows that the draft's analysis also reads."""

    fw: Framework
    playbook: Playbook
    profile: AgencyProfile
    scores: ScoreSet
    thresholds: Thresholds
    previous: dict[int, float] = field(default_factory=dict)
    named_items: list[str] = field(default_factory=list)
    # the analysis each indicator's row of the drafted plan prints, when there is a plan
    printed: dict[int, str] = field(default_factory=dict)


def asks_why_low(text: str) -> bool:
    """Tell whether a message asks why a score is low ("ทำไมตัวชี้วัด 9 ต่ำจังคะ", "ตชว.9 ได้แค่นี้เพราะอะไร")."""
    flat = " ".join(text.split())
    return bool(_WHY.search(flat) and _LOW.search(flat))


def answer(text: str, facts: Facts, message: str = "") -> str | None:
    """Return the answer to a why-low question from the officer's own scores, or None to search instead.

    `message`: the whole message the question came in, when `text` is the question cut from its scores
    ("ตชว.8 ได้แค่ 90 เพราะอะไรคะ" asks "ตัวชี้วัดที่ 8 เพราะอะไรคะ": the low word was beside the score).
    """
    if not (asks_why_low(text) or (message and _WHY.search(text) and asks_why_low(message))):
        return None
    scores = facts.scores
    asked = question_part(text, scores.year)  # the question without the scores sent with it
    indicators, codes = mentions(_SHORT_INDICATOR.sub("ตัวชี้วัดที่ ", to_arabic(asked)), facts.fw, loose=True)
    if not indicators:
        # "ทำไมคะแนนต่ำจัง": the agency's indicators below the target, lowest first
        low = sorted(
            (s, n) for n, s in scores.indicators.items() if facts.thresholds.tier(s) != Tier.MAINTAIN
        )
        indicators = [n for _s, n in low[:MOST]]
    known = [n for n in indicators if n in scores.indicators][:MOST]
    if not known:
        return None  # the indicator asked about has no score here: the knowledge base answers
    ctx = _row_context(facts)
    parts = [
        _explain(ctx, facts, n, [c for c in codes if facts.fw.item_indicator(c, ctx.year) == n])
        for n in known
    ]
    return "\n\n".join(parts)


def _row_context(facts: Facts) -> RowContext:
    """The facts as the drafting engine hands them to a row (the same agency, year, scores, thresholds)."""
    profile, playbook = facts.profile, facts.playbook
    agency_type = (
        (playbook.agency_types.get(profile.type) or playbook.match_agency_type(profile.type))
        if profile.type
        else None
    )
    year = profile.assessment_year or facts.scores.year
    return RowContext(
        fw=facts.fw,
        playbook=playbook,
        profile=profile,
        agency_type=agency_type,
        agency=profile.name or w.WHY_LOW_AGENCY,
        units=list(profile.units) or (list(agency_type.default_units) if agency_type else []),
        year=year,
        fiscal_year=profile.fiscal_year or ((year + 1) if year else None),
        scores=facts.scores,
        thresholds=facts.thresholds,
        include_maintain=True,
        previous=dict(facts.previous),
        offset=list(playbook.agency_types).index(agency_type.key) if agency_type else 0,
        named_items=[c.upper() for c in facts.named_items],
    )


def _explain(ctx: RowContext, facts: Facts, number: int, asked_items: list[str]) -> str:
    fw, thresholds = facts.fw, facts.thresholds
    score = facts.scores.indicators[number]
    tier = thresholds.tier(score)
    indicator, tool = fw.indicator(number), fw.tool_of(number)
    floor, target = score_text(thresholds.urgent_below), score_text(thresholds.maintain_from)
    standing = {
        Tier.URGENT: w.WHY_LOW_BELOW,
        Tier.IMPROVE: w.WHY_LOW_BETWEEN,
        Tier.MAINTAIN: w.WHY_LOW_ABOVE,
    }[tier].format(floor=floor, target=target, tier=tier.value)
    lines = [
        w.WHY_LOW_SCORE.format(
            number=number,
            name=indicator.name,
            tool=tool.code,
            agency=ctx.agency,
            score=score_text(score),
            standing=standing,
        )
    ]
    what = _measures(indicator.description)
    if what:
        lines.append(w.WHY_LOW_MEASURES.format(what=what, hedge=hedge(indicator.description_confidence)))
    # the indicator's weak items: scored below the target, or named by the officer as not passed
    weak = sorted(
        (
            c
            for c, s in facts.scores.items.items()
            if fw.item_indicator(c, ctx.year) == number and thresholds.tier(s) != Tier.MAINTAIN
        ),
        key=lambda c: facts.scores.items[c],
    )
    told = [
        c for c in ctx.named_items if c not in facts.scores.items and fw.item_indicator(c, ctx.year) == number
    ]
    analysis = facts.printed.get(number) or indicator_analysis(ctx, number, score, tier, weak, told)
    if analysis:
        lines.append(w.WHY_LOW_ANALYSIS.format(analysis=analysis))
    if tier is Tier.MAINTAIN:
        return "\n".join(lines)
    if weak and not analysis:
        listed = ", ".join(f"{c} ({score_text(facts.scores.items[c])})" for c in weak)
        lines.append(w.WHY_LOW_ITEMS.format(items=listed))
    elif not weak and not told:
        scored = [c for c in asked_items if c in facts.scores.items]
        checks = check_items(ctx, number) if tool.code == "OIT" and not scored else ""
        if checks:
            lines.append(w.WHY_LOW_CHECK.format(items=checks))
        example = _example_item(ctx, number)
        lines.append(w.WHY_LOW_ASK_ITEMS.format(example=example) if example else w.WHY_LOW_ASK_ITEMS_ANY)
    return "\n".join(lines)


def _measures(description: str) -> str:
    """Return the first clause of an indicator's description, as what it measures ("" without one)."""
    text = _DESCRIPTION_LEAD.sub("", " ".join(description.split()))
    if not text:
        return ""
    end = _CLAUSE_END.search(text, CLAUSE_MIN)
    return text[: end.start()] if end else text


def _example_item(ctx: RowContext, number: int) -> str:
    """An item code of this indicator in the year's list, or "" when the year's list is not known."""
    codes = [i.code for i in ctx.fw.items_of(number, ctx.year)] or [
        i.code for i in ctx.fw.oit_list(number, ctx.year)
    ]
    return codes[0] if codes else ""
