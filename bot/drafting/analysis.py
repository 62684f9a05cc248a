"""The analysis column of a drafted row, written from the row's situation.

An indicator row's analysis reads as a coordinator writes it: one plain sentence of what the
result says (voice.yaml `analysis.situation`, by indicator and severity band: staff's or service
users' perception for IIT/EIT, what the website publishes for OIT), then only what this row's
facts add: how far an urgent score is below the threshold (with its number), a middling score
just past the threshold or close to the target, where the score stands among the agency's own
scores (the comparison shown, never a bare "lowest"), the change since the last assessment, and
the weak items: scored items, or items the officer named as missing (the agency's own finding,
which then opens an OIT row); never the items agencies often lose (the steps check those). Which of a situation's equivalent wordings a row takes follows the
agency type and the score, so output is the same for the same input. An item row opens with
voice.yaml's item openings and goes on with its practice's own analysis.
"""

from __future__ import annotations

import re
from statistics import mean

from bot.drafting.row_context import Context, fill, item_label, shape, turn
from bot.ita.playbook import PlaybookEntry
from bot.ita.tiers import Tier

# An analysis longer than this leaves out where the score stands.
LONGEST = 220
# A score this far below its tool's other indicators' mean is worth saying.
BELOW_MEAN = 3.0
# A lowest score closer than this to the next one is not worth a comparison.
CLEAR_LOWEST = 1.0
# An urgent score this close to the threshold is "nearly there"; this far below is "far below".
NEAR_FLOOR, FAR_FLOOR = 3.0, 20.0
# A middling score this close to the threshold or the target says so.
JUST_PAST, NEAR_TARGET = 1.5, 2.0
# The playbook's stock first clause ("ข้อ {items} ได้คะแนน {score} คะแนน"): the item opening says it.
_STOCK_OPENING = re.compile(
    r"^(?:(?:ผลการประเมิน)?ตัวชี้วัดที่ \d+ \{indicator_name\} ของ\{agency\} ได้คะแนน \{score\} คะแนน"
    r"|ข้อ \{items\}(?: ได้คะแนน \{score\} คะแนน)?)\s*(?:อยู่ในกลุ่ม(?:ประเด็น)?ที่ต้องแก้ไขเร่งด่วน\s*)?"
)


def _n(value: float) -> str:
    return f"{value:.2f}"


def _standing(ctx: Context, number: int, score: float, tier: Tier) -> str:
    """Return where a fixing score stands among the agency's own scores, the comparison shown, or ""."""
    if tier == Tier.MAINTAIN:
        return ""
    slots, scores = ctx.voice.analysis, ctx.scores.indicators
    tool = ctx.fw.tool_of(number)
    same_tool = {n: s for n, s in scores.items() if n != number and n in tool.indicators}
    others = [s for n, s in scores.items() if n != number]
    args: tuple[Context, int, float, list[str]] = (ctx, number, score, [])
    if len(others) >= 2 and min(others) - score >= CLEAR_LOWEST:
        return fill(slots["lowest"], *args, low=_n(min(others)), high=_n(max(others)))
    if same_tool and min(same_tool.values()) - score >= CLEAR_LOWEST:
        if len(same_tool) <= 2:
            listed = " ".join(f"ตัวชี้วัดที่ {n} ได้ {_n(s)}" for n, s in sorted(same_tool.items()))
        else:
            listed = f"ซึ่งได้ {_n(min(same_tool.values()))}–{_n(max(same_tool.values()))} คะแนน"
        return fill(slots["lowest_tool"], *args, tool=tool.code, others=listed)
    if len(same_tool) >= 2 and mean(same_tool.values()) - score >= BELOW_MEAN:
        return fill(slots["below_tool"], *args, tool=tool.code, tool_mean=_n(mean(same_tool.values())))
    return ""


def _situation(ctx: Context, number: int, score: float | None, tier: Tier) -> str:
    """Return the plain sentence of what the indicator's result says, in the band's own terms."""
    by_band = ctx.voice.analysis.get("situation", {}).get(number, {})
    options = by_band.get(tier.value) or []
    if not options:
        return ""
    # equivalent wordings: the agency type and the score choose (same input, same sentence)
    text = options[(ctx.offset + number + int(score or 0)) % len(options)]
    most = "ทุกข้อ" if score is not None and score >= 100 else "เกือบทุกข้อ"
    kind = ctx.agency_type.key if ctx.agency_type else ""
    words = {"staff": "บุคลากร", "public": ctx.audience.public}
    words.update(ctx.voice.analysis.get("people_words", {}).get(kind, {}))
    return fill(text, ctx, number, score, [], most=most, **words)


def _distance(ctx: Context, number: int, score: float, tier: Tier) -> str:
    """Return how far the score is from the threshold or target, when this row's score says so."""
    slots = ctx.voice.analysis
    args: tuple[Context, int, float, list[str]] = (ctx, number, score, [])
    floor, target = ctx.thresholds.urgent_below, ctx.thresholds.maintain_from
    if tier == Tier.URGENT:
        gap = floor - score
        key = "near" if gap <= NEAR_FLOOR else "far" if gap >= FAR_FLOOR else "between"
        return fill(slots["floor"][key], *args)
    if tier == Tier.IMPROVE and score - floor <= JUST_PAST:
        return fill(slots["just_past"], *args)
    if tier == Tier.IMPROVE and target - score <= NEAR_TARGET:
        return fill(slots["near_target"], *args)
    return ""


def _listed(codes: list[str], style: int = 0) -> str:
    """Return codes as a list in one of two styles: "O13, O14 และ O16" or "O13 O14 และ O16"."""
    if len(codes) == 1:
        return codes[0]
    head = ", ".join(codes[:-1]) if style == 0 else " ".join(codes[:-1])
    return f"{head} และ {codes[-1]}"


def _items_sentence(
    ctx: Context, number: int, score: float | None, tier: Tier, items: list[str], named: list[str]
) -> str:
    voice, slots = ctx.voice, ctx.voice.analysis
    oit = ctx.fw.tool_of(number).code == "OIT"
    scored = [i for i in items if i in ctx.scores.items]
    parts = []
    if scored:
        weak = ", ".join(f"{item_label(ctx, i)} ({ctx.scores.items[i]:.2f} คะแนน)" for i in scored)
        parts.append(fill(turn(ctx, "weak", voice.weak_items), ctx, number, score, [], items=weak))
    if named:
        options = slots["named_oit" if oit else "named_ie"]
        parts.append(fill(shape(ctx, "named", options, number), ctx, number, score, [], items=_listed(named)))
    # Without the agency's own item results the analysis says nothing about items: "the items
    # agencies often lose" is advice, not this agency's finding (blind judges read it as a
    # generic claim to remove before publishing); the steps say which items to check first.
    return " ".join(parts)


def indicator_analysis(
    ctx: Context, number: int, score: float | None, tier: Tier, items: list[str], named: list[str]
) -> str:
    """Return an indicator row's analysis from its situation (module docstring)."""
    found = _items_sentence(ctx, number, score, tier, items, named)
    oit = ctx.fw.tool_of(number).code == "OIT"
    # an OIT row whose missing items are known says so first, as the seeds do ("... เนื่องจาก O13 O14")
    known = bool(named or [i for i in items if i in ctx.scores.items])
    situation = "" if oit and known else _situation(ctx, number, score, tier)
    distance, standing, change = "", "", ""
    if score is not None:
        distance = _distance(ctx, number, score, tier)
        standing = _standing(ctx, number, score, tier)
        previous = ctx.previous.get(number)
        if previous is not None:
            delta = score - previous
            way = "same" if abs(delta) < 0.5 else ("up" if delta > 0 else "down")
            change = fill(
                ctx.voice.change[way],
                ctx,
                number,
                score,
                [],
                delta=f"{abs(delta):.2f}",
                previous=f"{previous:.2f}",
            )
    # never past the column's length: where the score stands goes first
    if len(" ".join([situation, distance, standing, change, found])) > LONGEST:
        standing = ""
    head = [found, distance, standing] if oit and known else [situation, distance, standing]
    tail = [change] if oit and known else [change, found]
    return " ".join(p for p in [*head, *tail] if p)


def item_analysis(
    ctx: Context, entry: PlaybookEntry, number: int, score: float | None, tier: Tier, item: str
) -> str:
    """Return an item row's analysis: its opening, then its practice's own reason."""
    voice = ctx.voice
    key = "missing" if score == 0 and "missing" in voice.openings["item"] else tier.value
    options = voice.openings["item"][key]
    opening = options[(int(re.sub(r"\D", "", item) or 0) + ctx.offset) % len(options)]
    parts = [fill(opening, ctx, number, score, [item], item)]
    if item not in entry.items:
        parts.append(fill(voice.item_fallback, ctx, number, score, [item], item))
    else:
        template = entry.analysis.get(tier) or entry.analysis.get(Tier.IMPROVE) or ""
        parts.append(fill(_STOCK_OPENING.sub("", template), ctx, number, score, [item], item))
    return " ".join(p for p in parts if p)
