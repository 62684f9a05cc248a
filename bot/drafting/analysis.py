"""The analysis column of a drafted row, written from the row's situation.

An indicator row's analysis is a few sentences, each from a slot of voice.yaml `analysis`:
the score against its threshold (always with the threshold's number), where the score stands
among the agency's own scores (lowest of the plan or of its tool, below its tool's mean,
highest), what the indicator's score measures or what the row aims at (never a finding
about the agency), and the weak items: scored items, items the officer named as missing
(stated as the agency's own finding), else the items agencies often lose (to check, never
"failed"). Each slot has several shapes; the one a row takes is chosen by the agency, the
indicator and the severity, and a plan never uses one shape twice, so two agencies, or two
rows of one plan, do not read as one template. An item row opens with voice.yaml's item
openings and goes on with its practice's own analysis.
"""

from __future__ import annotations

import re
from statistics import mean

from bot.drafting.row_context import Context, fill, item_label, pick, shape, turn
from bot.drafting.weak_items import often_lost
from bot.ita.playbook import PlaybookEntry
from bot.ita.tiers import Tier

# An analysis longer than this leaves out what the score measures, then where it stands.
LONGEST = 260
# A score this far below its tool's other indicators' mean is worth saying.
BELOW_MEAN = 3.0
# The playbook's stock first clause ("ข้อ {items} ได้คะแนน {score} คะแนน"): the item opening says it.
_STOCK_OPENING = re.compile(
    r"^(?:(?:ผลการประเมิน)?ตัวชี้วัดที่ \d+ \{indicator_name\} ของ\{agency\} ได้คะแนน \{score\} คะแนน"
    r"|ข้อ \{items\}(?: ได้คะแนน \{score\} คะแนน)?)\s*(?:อยู่ในกลุ่ม(?:ประเด็น)?ที่ต้องแก้ไขเร่งด่วน\s*)?"
)


def _standing(ctx: Context, number: int, score: float, tier: Tier) -> tuple[str, dict]:
    """Return the slot saying where the score stands among the agency's own scores, or ""."""
    scores = ctx.scores.indicators
    tool = ctx.fw.tool_of(number)
    same_tool = [s for n, s in scores.items() if n != number and n in tool.indicators]
    others = [s for n, s in scores.items() if n != number]
    if tier == Tier.MAINTAIN:
        return ("highest", {}) if len(others) >= 2 and score > max(others) else ("", {})
    if len(others) >= 2 and score < min(others):
        return "lowest", {}
    if same_tool and score < min(same_tool):
        return "lowest_tool", {}
    if len(same_tool) >= 2 and mean(same_tool) - score >= BELOW_MEAN:
        return "below_tool", {"tool_mean": f"{mean(same_tool):.2f}"}
    return "", {}


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
    if parts or tier == Tier.MAINTAIN:
        return " ".join(parts)
    codes = often_lost(ctx, number)
    if codes and (oit or ctx.fw.items_of(number, ctx.year)):
        options = slots["lost_oit" if oit else "lost_ie"]
        style = int(pick(ctx, ["0", "1"], number, "listed"))
        lost = _listed(codes[: int(pick(ctx, ["2", "3", "3"], number, "how many"))], style)
        return fill(shape(ctx, "lost", options, number, tier.value), ctx, number, score, [], lost=lost)
    if codes and tier == Tier.URGENT:  # the year's codes are unknown: topics only, a code might not hold
        many = int(pick(ctx, ["1", "2"], number, "how many topics"))
        topics = [n for c in codes[:many] if (n := ctx.fw.item_name(c)) and not n.startswith(c)]
        if topics:
            text = shape(ctx, "lost_topics", slots["lost_topics"], number)
            return fill(text, ctx, number, score, [], topics=" และ".join(topics))
    return ""


def _meaning(ctx: Context, number: int, score: float | None, tier: Tier, *, goal: bool) -> str:
    slots = ctx.voice.analysis
    tool = ctx.fw.tool_of(number).code
    published = tool == "OIT"
    if tier == Tier.MAINTAIN:
        kind = "kept_published" if published else "kept"
    elif goal:
        kind = "goal_published" if published else "goal"
    else:
        kind = "published" if published else "perceived"
    who = slots["who"].get(tool, "{people}")
    if isinstance(who, list):  # one wording per agency
        who = pick(ctx, who, tool, "who")
    who = fill(who, ctx, number, score, [], public=ctx.audience.public)
    reflects = slots["reflects"].get(number) or slots["reflects"].get(str(number)) or ""
    if isinstance(reflects, list):  # one wording per agency
        reflects = pick(ctx, reflects, number, "reflects")
    if not reflects:
        return ""
    text = shape(ctx, f"meaning:{kind}", slots["meaning"][kind], number, tier.value)
    return fill(text, ctx, number, score, [], who=who, reflects=reflects)


def indicator_analysis(
    ctx: Context, number: int, score: float | None, tier: Tier, items: list[str], named: list[str]
) -> str:
    """Return an indicator row's analysis from its situation (module docstring)."""
    slots = ctx.voice.analysis
    opening, said, change = "", "", ""
    if score is not None:
        options = slots["score"][tier.value]
        opening = fill(shape(ctx, f"score:{tier.value}", options, number), ctx, number, score, [])
        standing, extra = _standing(ctx, number, score, tier)
        if standing:
            said = fill(shape(ctx, standing, slots[standing], number), ctx, number, score, [], **extra)
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
    found = _items_sentence(ctx, number, score, tier, items, named)
    # what the score measures, or the goal: always for a strong row or one with no items to name,
    # else in some rows only (the items say why)
    way = pick(ctx, ["measure", "goal", "none", "none"], number, tier.value, "meaning")
    meaning = ""
    if tier == Tier.MAINTAIN or not found or way != "none":
        meaning = _meaning(ctx, number, score, tier, goal=way == "goal")
    # never past the column's length: what the score measures goes first, then where it stands
    if len(" ".join([opening, said, change, meaning, found])) > LONGEST:
        meaning = ""
    if len(" ".join([opening, said, change, found])) > LONGEST:
        said = ""
    parts = [f"{opening} {said}".strip(), change]
    # some rows say what the score measures before the score itself
    first = pick(ctx, ["", "", "first"], number, tier.value, "order") == "first"
    opens = f"first:{meaning[:20]}"
    if first and way == "measure" and tier != Tier.MAINTAIN and opens not in ctx.used:
        ctx.used[opens] = 1
        parts.insert(0, meaning)
    else:
        parts.append(meaning)
    parts.append(found)
    return " ".join(p for p in parts if p)


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
