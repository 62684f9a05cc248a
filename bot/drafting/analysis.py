"""The analysis column of a drafted row, written from the row's situation.

An indicator row's analysis reads as a coordinator writes it (voice.yaml `analysis`): a plain
sentence of what the result says (`situation`, by indicator and severity band: staff's or service
users' perception for IIT/EIT, what the website publishes for OIT), then only what this row's
facts add: an urgent score below the threshold (its number, never the gap to two decimals), a
middling score just past the threshold or close to the target, where the score stands among the
agency's own scores (said in words, never a list of the others' scores), the change since the last
assessment (the earlier score), the weak items (scored, or named by the officer as missing: the
agency's own finding, which then opens an OIT row), and what the agency should do ("ควร...").
How these are put together is a `shape` taken by the situation (kind, indicator, agency type)
and in turn down the plan, so no one order runs through every row or every agency. Output is
the same for the same input. An item row opens with voice.yaml's item openings and goes on with
its practice's own analysis.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from statistics import mean

from bot.drafting.coherence import COVERED, coverage
from bot.drafting.row_context import Context, agency_key, fill, item_label, pick, score_text, shape, turn
from bot.drafting.style import StyleProfile, seeded_style
from bot.ita.playbook import PlaybookEntry
from bot.ita.tiers import Tier

# An analysis longer than this leaves out, in turn, where the score stands and the advice.
LONGEST = 200
# A score this far below its tool's other indicators' mean is worth saying.
BELOW_MEAN = 3.0
# A lowest score closer than this to the next one is not worth saying.
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
# A predicate an analysis may not open with: it needs the indicator before it ("ได้คะแนนต่ำที่สุด...",
# "ยังได้คะแนนต่ำกว่า...", "เป็นตัวชี้วัดที่...", "ซึ่งยังต่ำกว่าเกณฑ์..."): a clause joining a sentence.
_PREDICATE = re.compile(
    r"^(?:ซึ่ง|โดย)?(?=เป็นตัวชี้วัด|ได้คะแนน|ได้ \d|มีคะแนน|ยังได้|ยังต่ำ|ยังอยู่|ยังไม่|ยังพัฒนา|อยู่ในระดับ|ต่ำกว่า|สูงกว่า|ผ่านเกณฑ์|ใกล้|"
    r"เพิ่มขึ้น|ลดลง|ดีขึ้น|ทรงตัว)"
)
# A slot in a shape's wording.
_SLOT = re.compile(r"\{(\w+)\}")


def _say(
    ctx: Context, slot: str | list[str], number: int, score: float | None, *key: object, **extra: str
) -> str:
    """Return one wording of a voice slot (a string or equivalent wordings), chosen by the situation."""
    options = [slot] if isinstance(slot, str) else list(slot)
    return fill(pick(ctx, options, number, *key), ctx, number, score, [], **extra) if options else ""


def _standing(ctx: Context, number: int, score: float, tier: Tier) -> str:
    """Return where a fixing score stands among the agency's own scores, in words, or ""."""
    if tier == Tier.MAINTAIN:
        return ""
    slots, scores = ctx.voice.analysis, ctx.scores.indicators
    tool = ctx.fw.tool_of(number)
    same_tool = {n: s for n, s in scores.items() if n != number and n in tool.indicators}
    others = [s for n, s in scores.items() if n != number]
    if len(others) >= 2 and min(others) - score >= CLEAR_LOWEST:
        return _say(ctx, slots["lowest"], number, score, "lowest")
    if same_tool and min(same_tool.values()) - score >= CLEAR_LOWEST:
        return _say(ctx, slots["lowest_tool"], number, score, "lowest_tool", tool=tool.code)
    if len(same_tool) >= 2 and mean(same_tool.values()) - score >= BELOW_MEAN:
        return _say(ctx, slots["below_tool"], number, score, "below_tool", tool=tool.code)
    return ""


def _people(ctx: Context) -> dict[str, str]:
    kind = ctx.agency_type.key if ctx.agency_type else ""
    words = {"staff": "บุคลากร", "public": ctx.audience.public}
    words.update(ctx.voice.analysis.get("people_words", {}).get(kind, {}))
    return words


def _situation(ctx: Context, number: int, score: float | None, tier: Tier) -> str:
    """Return the plain sentence of what the indicator's result says, in the band's own terms."""
    by_band = ctx.voice.analysis.get("situation", {}).get(number, {})
    options = by_band.get(tier.value) or []
    if not options:
        return ""
    # equivalent wordings: the agency type and the score choose (same input, same sentence), past
    # any whose frame another row of the plan printed ("…ได้คะแนนในระดับสูงจาก…ส่วนใหญ่" in three
    # strong rows read as one template, blind round 12)
    first = (ctx.offset + number + int(score or 0)) % len(options)
    turned = [options[(first + k) % len(options)] for k in range(len(options))]
    printed = [t for t in ctx.used if t.startswith("situation:")]
    text = next((t for t in turned if not any(_same_frame(t, p[10:]) for p in printed)), turned[0])
    ctx.used[f"situation:{text}"] = 1
    most = "ทุกข้อ" if score is not None and score >= 100 else "เกือบทุกข้อ"
    return fill(text, ctx, number, score, [], most=most, **_people(ctx))


# Two wordings sharing this many characters outside their slots have one frame.
FRAME = 12


def _same_frame(one: str, other: str) -> bool:
    """Return whether two wordings share a run of FRAME characters outside their slots."""
    # a slot never matches: each side's slots are a character the other side does not hold
    a, b = _SLOT.sub("\x00", one), _SLOT.sub("\x01", other)
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size >= FRAME


# An advice is said only when the row's steps hold at least this share of its own words: the
# analysis never recommends what no step does ("ควรแจ้งผลการปรับปรุงงาน..." with no step that informs).
ADVICE_COVERED = 0.5
# ... and not when the situation already holds this share of its words: it would say it twice.
RESTATES = 0.6


def _advice(
    ctx: Context, number: int, score: float | None, tier: Tier, steps: list[str], situation: str = ""
) -> str:
    """Return what the agency should do about this indicator ("ควร..."), in its own voice, or "":
    one of the wordings the row's own steps carry out (the situation's choice among them) that does
    not say the situation again in other words ("...ยังไม่เห็นผล จึงควร...ให้เห็นผล")."""
    by_kind = ctx.voice.analysis.get("advice", {}).get(number, {})
    options = by_kind.get("keep" if tier == Tier.MAINTAIN else "fix") or []
    people = _people(ctx)
    filled = {fill(o, ctx, number, score, [], **people): o for o in options}
    printed = [ctx.audience.adapt(s) for s in steps]  # the steps in the audience's words, as printed
    done = [
        t
        for t in filled
        if coverage(t.removeprefix("ควร"), steps) >= ADVICE_COVERED
        # ... and its first phrase, what it says to do first, is a step's too
        and coverage(ctx.audience.adapt(t.removeprefix("ควร")).split(" ", 1)[0], printed) >= COVERED
        and not (situation and coverage(t.removeprefix("ควร"), [situation]) >= RESTATES)
    ]
    if not done:
        return ""
    return pick(ctx, done, number, tier.value, "advice")


# A plan says how far below the threshold a score is in at most this many rows.
MOST_FAR = 2
# A plan names the threshold beside a failing score (not nearly there) in at most this many rows.
MOST_THRESHOLD = 3


def _distance(ctx: Context, number: int, score: float, tier: Tier) -> str:
    """Return how far the score is from the threshold or target in words, when the score says so."""
    slots = ctx.voice.analysis
    floor, target = ctx.thresholds.urgent_below, ctx.thresholds.maintain_from
    if tier == Tier.URGENT:
        gap = floor - score
        key = "near" if gap <= NEAR_FLOOR else "far" if gap >= FAR_FLOOR else "between"
        if key == "far":
            # the topic shows every score: "far below the threshold" is said in a few rows, not in
            # every row of a very low plan (round 12: its wordings were the sentences most shared)
            told = ctx.used.get("distance:far", 0)
            if told >= MOST_FAR:
                key = "between"  # past the plan's few "far" sentences, the row still says its score
            ctx.used["distance:far"] = told + 1
        if key != "near":
            # a plan names the threshold in a few rows; its other failing rows say their score alone
            # (a very low plan's "ต่ำกว่าเกณฑ์ 85 คะแนน" in every row read as one template)
            said = ctx.used.get("distance:threshold", 0)
            if said >= MOST_THRESHOLD and slots["floor"].get("score_only"):
                key = "score_only"
            ctx.used["distance:threshold"] = said + 1
        # one plan takes a band's wordings in turn (shape): two rows never say it alike while any is left
        options = list(slots["floor"][key])
        return fill(shape(ctx, f"floor:{key}", options, number), ctx, number, score, [])
    if tier == Tier.IMPROVE and score - floor <= JUST_PAST:
        return _say(ctx, slots["just_past"], number, score, "just_past")
    if tier == Tier.IMPROVE and target - score <= NEAR_TARGET:
        return _say(ctx, slots["near_target"], number, score, "near_target")
    return ""


def _change(ctx: Context, number: int, score: float) -> str:
    """Return the change since the previous assessment, with the earlier score, or ""."""
    previous = ctx.previous.get(number)
    if previous is None:
        return ""
    delta = score - previous
    way = "same" if abs(delta) < 0.5 else ("up" if delta > 0 else "down")
    wordings = ctx.voice.analysis.get("change", {}).get(way) or ctx.voice.change[way]
    return _say(ctx, wordings, number, score, "change", previous=score_text(previous))


def register(ctx: Context) -> str:
    """Return how this agency puts its analyses (style FORMS["voice"]): its past plan's, else its own
    seeded choice, so one plan keeps one register and two agencies rarely share it."""
    return StyleProfile.from_dict(ctx.style).over(seeded_style(agency_key(ctx))).voice or "finding"


def _measures(ctx: Context, number: int, score: float | None) -> str:
    """Return what the indicator measures, in one of its wordings (voice.yaml analysis.measures_what)."""
    options = (ctx.voice.analysis.get("measures_what") or {}).get(number) or []
    return _say(ctx, list(options), number, score, "measures", **_people(ctx)) if options else ""


def compose(segments: list[list[str]], parts: dict[str, str]) -> str:
    """Return a shape filled with the row's parts: each segment's first wording whose slots are all
    filled (a segment with none is left out), joined with spaces."""
    out = []
    for wordings in segments:
        for wording in wordings:
            slots = _SLOT.findall(wording)
            if all(parts.get(s) for s in slots):
                out.append(wording.format_map({s: parts[s] for s in slots}))
                break
    return " ".join(" ".join(out).split())


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
        weak = ", ".join(f"{item_label(ctx, i)} ({score_text(ctx.scores.items[i])} คะแนน)" for i in scored)
        parts.append(fill(turn(ctx, "weak", voice.weak_items), ctx, number, score, [], items=weak))
    if named:
        options = slots["named_oit" if oit else "named_ie"]
        parts.append(fill(shape(ctx, "named", options, number), ctx, number, score, [], items=_listed(named)))
    # Without the agency's own item results the analysis says nothing about items: "the items
    # agencies often lose" is advice, not this agency's finding (blind judges read it as a
    # generic claim to remove before publishing); the steps say which items to check first.
    return " ".join(parts)


def indicator_analysis(
    ctx: Context,
    number: int,
    score: float | None,
    tier: Tier,
    items: list[str],
    named: list[str],
    steps: list[str] | None = None,
) -> str:
    """Return an indicator row's analysis from its situation (module docstring)."""
    found = _items_sentence(ctx, number, score, tier, items, named)
    oit = ctx.fw.tool_of(number).code == "OIT"
    # an OIT row whose missing items are known says so first, as the seeds do ("... เนื่องจาก O13 O14")
    known = oit and bool(named or [i for i in items if i in ctx.scores.items])
    situation = "" if known else _situation(ctx, number, score, tier)
    parts = {
        "situation": situation,
        "found": found,
        "advice": _advice(ctx, number, score, tier, steps or [], situation),
        "distance": _distance(ctx, number, score, tier) if score is not None else "",
        "standing": _standing(ctx, number, score, tier) if score is not None else "",
        "change": _change(ctx, number, score) if score is not None else "",
        "measures": _measures(ctx, number, score),
        "score": score_text(score) if score is not None else "",
    }
    kind = "oit_found" if known else {Tier.URGENT: "urgent", Tier.IMPROVE: "improve"}.get(tier, "maintain")
    # the agency's register (voice.yaml analysis.registers) replaces the shared shapes of a kind
    voice = register(ctx)
    own = (ctx.voice.analysis.get("registers") or {}).get(voice, {}).get(kind) or []
    shared = ctx.voice.analysis.get("shapes", {}).get(kind) or [[["{situation}"], ["{found}"]]]
    segments: list[list[str]] = (
        _next_own(ctx, f"analysis:{voice}:{kind}", own, number, tier)
        or shared[
            # the shapes of a kind taken in turn down the plan (shape() works on wordings: their indices)
            int(shape(ctx, f"analysis:{kind}", [str(n) for n in range(len(shared))], number, tier.value))
        ]
    )
    # the change since the last assessment, when known, is always said (the shape's place, else last)
    if parts["change"] and not any("{change}" in w for seg in segments for w in seg):
        segments = [*segments, ["{change}"]]
    text = compose(segments, parts)
    # a failing row says its score with the threshold (blind round 12: "ต่ำกว่า 85 อยู่มาก" alone)
    if tier == Tier.URGENT and parts["distance"] and parts["score"] not in text:
        segments = [*segments, ["{distance}"]]
        text = compose(segments, parts)
    # never past the column's length: where it stands, then the advice give way (the change stays)
    for optional in ("standing", "advice"):
        if len(text) <= LONGEST:
            break
        parts[optional] = ""
        text = compose(segments, parts)
    return _with_subject(ctx, number, score, text or compose([["{situation}"], ["{found}"]], parts))


def _next_own(ctx: Context, slot: str, own: list, number: int, tier: Tier) -> list[list[str]] | None:
    """Return the register's next shape this plan has not printed (the situation's own first), or None
    once each is used: a plan keeps its agency's register, and the shared shapes then vary its rows."""
    if not own:
        return None
    first = int(pick(ctx, [str(n) for n in range(len(own))], number, tier.value, slot))
    for k in range(len(own)):
        at = (first + k) % len(own)
        # nor one whose words before its first slot another row of the plan opened with
        opening = "opening:" + own[at][0][0].split("{", 1)[0].strip()
        if f"shape:{slot}:{at}" not in ctx.used and opening not in ctx.used:
            ctx.used[f"shape:{slot}:{at}"] = 1
            if opening != "opening:":
                ctx.used[opening] = 1
            return list(own[at])
    return None


def _with_subject(ctx: Context, number: int, score: float | None, text: str) -> str:
    """Return an analysis that opens with its subject: a shape leading with where the score stands
    ("ได้คะแนนต่ำที่สุดในทุกตัวชี้วัด เนื่องจาก...") is given the indicator to stand before it
    (voice.yaml analysis.subjects, one wording by the situation)."""
    found = _PREDICATE.match(text)
    if not found:
        return text
    rest = text[found.end() :]
    # "เป็นตัวชี้วัดที่..." takes the indicator's name (never "ตัวชี้วัด...เป็นตัวชี้วัด...")
    subjects = ["{indicator_name}"] if rest.startswith("เป็นตัวชี้วัด") else ctx.voice.analysis.get("subjects")
    subject = fill(pick(ctx, list(subjects or ["ตัวชี้วัดนี้"]), number, "subject"), ctx, number, score, [])
    return subject + (" " if re.search(r"[A-Za-z0-9)]$", subject) else "") + rest


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
