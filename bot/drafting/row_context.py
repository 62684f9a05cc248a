"""What a row is drafted from: the agency, its scores and year, the playbook entry, and the fill-ins.

`Context` carries one draft's facts through every row; `fill` puts them into the
playbook's and voice.yaml's templates ({agency}, {score}, {items}, ...), `pick` chooses
one of several wordings by the agency and the row's situation (the same every run), `alike`
is the one test of "the same text again" used for steps and monitoring items, and `brief`
and `terse` cut a long step to its first clause or phrase.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from bot.ita.agency_types import LOCAL_AUDIENCE, AgencyType, Audience
from bot.ita.framework import Framework
from bot.ita.measures import AgencyProfile
from bot.ita.playbook import Playbook, PlaybookEntry, Voice
from bot.ita.tiers import Thresholds
from bot.scores import ScoreSet
from bot.thai import space_abbreviations

FISCAL_SUFFIX = re.compile(r"\s*(?:ประจำ)?ปีงบประมาณ\s*(?:พ\.ศ\.\s*)?\d{4}")

# A step or monitoring sentence longer than this keeps its first clause only: the clause
# after " โดย", " เพื่อ", " พร้อม" or " และ" restates the intent (the seeds' steps are one line).
STEP_LONG = 60
_TAIL = re.compile(r" (?:โดย|เพื่อ|พร้อม|และ|รวมทั้ง|ตลอดจน)")

# Two texts at least this similar (rapidfuzz ratio) say the same thing.
SAME_TEXT = 85


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
    # item codes the officer named as missing or failed, without scores (DraftRequest.named_items)
    named_items: list[str] = field(default_factory=list)
    # the agency's private search scope and the previous assessment's year (DraftRequest)
    scope: str = ""
    previous_year: int | None = None
    # the agency's house style from its past plan (DraftRequest.style; Draft.style adds the seeded forms)
    style: dict[str, str] = field(default_factory=dict)
    # template values by (indicator, score, items, item): a row fills many templates
    values: dict[tuple, Any] = field(default_factory=dict)

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


def score_text(value: float) -> str:
    """Return a score as officers write it in prose: "100", "85", "83.50" (whole numbers bare)."""
    return f"{value:.0f}" if round(float(value), 2).is_integer() else f"{value:.2f}"


_num = score_text


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
        "score": score_text(score) if score is not None else "-",
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


def fill(
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
        return space_abbreviations(" ".join(template.format(**values).split()))
    except (KeyError, IndexError, ValueError):
        return template  # a template with a placeholder we do not know is shown as written


def turn(ctx: Context, key: str, options: list[str]) -> str:
    """Return the next of several wordings for `key`: rows down the plan take them in turn."""
    n = ctx.used.get(key, 0)
    ctx.used[key] = n + 1
    return options[(n + ctx.offset) % len(options)]


def pick(ctx: Context, options: list[str], *key: object, shift: int = 0) -> str:
    """Return one of several wordings, chosen by the situation: the agency (type and name), and
    whatever the caller adds (indicator, tier, weak items, step). The same situation always reads
    the same (a CRC, not Python's per-run hash); two situations rarely share every choice.
    `shift` moves along the options from the situation's own: one agency's rows of two severities
    (shift by tier) then never take the same wording of a phrase.
    """
    if not options:
        return ""
    kind = ctx.agency_type.key if ctx.agency_type else ""
    seed = "|".join(str(k) for k in (kind, agency_key(ctx), *key))
    return options[(zlib.crc32(seed.encode("utf-8")) + shift) % len(options)]


def shape(ctx: Context, slot: str, options: list[str], *key: object, shift: int = 0) -> str:
    """Return one of a slot's shapes: the situation's own (pick, moved along by `shift`), or the next
    one this plan has not used yet, so one plan never prints a shape twice (while any is left)."""
    if not options:
        return ""
    first = (options.index(pick(ctx, options, slot, *key)) + shift) % len(options)
    for k in range(len(options)):
        at = (first + k) % len(options)
        mark = f"shape:{slot}:{at}"
        if mark not in ctx.used:
            ctx.used[mark] = 1
            return options[at]
    return options[first]


def wordings(ctx: Context, slot: str, first: str) -> list[str]:
    """Return a slot's equivalent wordings: voice.yaml `analysis.<slot>` if listed, else `first` alone."""
    listed = ctx.voice.analysis.get(slot)
    return list(listed) if isinstance(listed, list) and listed else [first]


def agency_key(ctx: Context) -> str:
    """Return what tells this agency from another of its type: its name, else its own scores
    (two unnamed agencies of one type with different scores do not read alike)."""
    if ctx.profile.name:
        return ctx.profile.name
    return ",".join(f"{n}:{v:.2f}" for n, v in sorted(ctx.scores.indicators.items()))


def owners(ctx: Context, roles: list[str]) -> list[str]:
    key = ctx.agency_type.key if ctx.agency_type else ""
    owners = ctx.playbook.resolve_owners(roles, key, ctx.units or None) if key else []
    return [unit_words(ctx, o) for o in owners] or ctx.units[:1] or ["ผู้บริหารหน่วยงานมอบหมาย"]


def unit_words(ctx: Context, unit: str) -> str:
    """Return a standard unit name in this agency's words: a name every agency of a type would
    print alike ("คณะทำงาน ITA", "ทุกกอง/สำนัก") takes one of its wordings (voice.yaml
    analysis.unit_words), chosen by the agency, so one plan names its team one way throughout and
    two agencies' plans do not share it. A unit the officer named is kept as they wrote it."""
    listed = ctx.voice.analysis.get("unit_words", {}).get(unit) if ctx.playbook.voice else None
    if not listed or unit in ctx.units:
        return unit
    return pick(ctx, list(listed), "unit", unit)


def own_name(ctx: Context, unit: str) -> str:
    """Return what this agency's owners column prints for a standard unit name: a generic role's
    standard name ("คณะทำงาน ITA", the ita_team role's name_th) is the unit the type gives that
    role ("คณะทำงาน ITA ของโรงเรียน", "ศูนย์ปฏิบัติการต่อต้านการทุจริต") in the agency's words, so a
    step and the owners column name one team alike; any other name its unit_words wording."""
    key = ("own_name", unit)
    if key not in ctx.values:
        roles = [r for r, role in ctx.playbook.roles.items() if role.generic and role.name_th == unit]
        ctx.values[key] = (owners(ctx, roles[:1]) if roles and ctx.agency_type else [""])[0] or unit_words(
            ctx, unit
        )
    return str(ctx.values[key])


def in_own_words(ctx: Context, text: str) -> str:
    """Return a text (a monitoring, a KPI, a report) naming standard units in this agency's words
    (unit_words), as its owners column does; "คณะทำงาน ITA ของโรงเรียน" is a name of its own."""
    if not ctx.playbook.voice:
        return text
    for unit in ctx.voice.analysis.get("unit_words", {}):
        own = own_name(ctx, unit)
        if unit in text and own != unit:
            # a wording that extends the name ("ทุกส่วนงาน" -> "ทุกส่วนงานภายใน") is not extended twice
            rest = own.removeprefix(unit)
            after = rf"(?!{re.escape(rest)})" if rest != own else ""
            # "ทุกส่วนงานที่มีการติดต่อ..." is a longer name of its own
            text = re.sub(re.escape(unit) + after + r"(?! ของ)(?!ที่)", own, text)
            # a standing unit ("ศูนย์ปฏิบัติการ...") is not appointed as a committee is: it is assigned
            # (voice.yaml analysis.standing_team)
            standing = ctx.voice.analysis.get("standing_team")
            if standing and not own.startswith("คณะ"):
                text = re.sub(rf"(?:มีคำสั่ง)?แต่งตั้ง{re.escape(own)}\s?", standing.format(team=own), text)
    return text


def executive(ctx: Context) -> str:
    """Return who approves and monitors the measures for this agency type."""
    return ctx.agency_type.executive if ctx.agency_type else "หัวหน้าหน่วยงาน"


def report_to(ctx: Context) -> str:
    return ctx.agency_type.report_to if ctx.agency_type else executive(ctx)


def alike(text: str, others: list[str]) -> bool:
    """Return whether text reads like one of others (rapidfuzz ratio >= SAME_TEXT)."""
    return (
        bool(others)
        and process.extractOne(text, others, scorer=fuzz.ratio, score_cutoff=SAME_TEXT) is not None
    )


def brief(text: str, longest: int = STEP_LONG) -> str:
    """Return a long step or sentence cut to its first clause (at least 25 characters), else as is."""
    if len(text) <= longest:
        return text
    for match in _TAIL.finditer(text):
        head = text[: match.start()].rstrip()
        # " และ" closing a list ("แผนงบประมาณ แผนจัดซื้อ และ...", "เช่น A และ B") is not a clause end
        listed = match.group().strip() in ("และ", "รวมทั้ง", "ตลอดจน") and (
            "เช่น" in head or (" " in head and len(head.rsplit(" ", 1)[1]) < 30)
        )
        if len(head) >= 25 and not listed:
            return head
    return text


# A step cut to its first phrase keeps at least this much, and is never cut before a number,
# a list or a word that needs what follows ("เดือนละ 1 ครั้ง", "เช่น ...", "ของ ...").
TERSE_MIN = 20
_CHANNELS = re.compile(r" ?(?:ผ่าน|เช่น )")
_OPEN_END = re.compile(r"(?:\d|ละ|ที่|ของ|เช่น|ได้แก่|คือ|ใน|กับ|แก่|ต่อ|และ|หรือ|ให้)$")


# Channels an agency would name (seed 001: "พัฒนาช่องทาง Facebook และ Line Official"): a step
# listing them as examples keeps them, up to the next action it joins ("... และจัดทำสื่อ...").
_CONCRETE = re.compile(r"Facebook|LINE|Line|ไลน์|เพจ|บอร์ด|ป้าย|QR|หนังสือเวียน|เสียงตามสาย|หอกระจายข่าว")
_NEXT_ACTION = re.compile(r" (?:และ|พร้อม|เพื่อ|โดย)(?=จัด|ทำ|ให้|เผยแพร่|ประชาสัมพันธ์|ตอบ|ติดตาม|สรุป)")
# ... when the examples end within this many characters.
CONCRETE_LONG = 95


def terse(text: str) -> str:
    """Return a step cut to its first phrase, as many of the seeds' steps read: at its first space
    after TERSE_MIN characters that does not fall inside a list, or before the channels or examples
    it lists ("... ผ่านเว็บไซต์ และสื่อออนไลน์"), else brief(). Concrete channels it lists
    ("เช่น Facebook และ LINE Official Account") are kept: they say what the agency will use."""
    concrete = _CONCRETE.search(text)
    if concrete:
        joint = _NEXT_ACTION.search(text, concrete.end())
        head = text[: joint.start()] if joint else text
        if len(head) <= CONCRETE_LONG:
            return head.rstrip()
    cuts = []
    for match in re.finditer(r" (?=[ก-๙])", text):
        head, tail = text[: match.start()], text[match.end() :]
        # "สอบถาม ทักท้วง และร้องเรียน": a space inside a list is not the end of the phrase
        listing = re.search(r"(?:^| )(?:และ|หรือ)", tail[:25]) is not None
        closed = head.count("(") == head.count(")") and not head.endswith(")")
        # "... นำเข้า URL ให้ตรงกับ...": a phrase opening with ให้ completes the verb before it
        complement = tail.startswith("ให้")
        if (
            len(head) >= TERSE_MIN
            and not _OPEN_END.search(head)
            and closed
            and not listing
            and not complement
        ):
            cuts.append(len(head))
            break
    cuts += [m.start() for m in _CHANNELS.finditer(text) if m.start() >= TERSE_MIN]
    if not cuts:
        return brief(text)
    return text[: min(cuts)].rstrip()


# "ให้" before the person or unit a step opens with is an order's voice ("ให้นายกเทศมนตรีตั้ง...");
# a plan's step states the action ("นายกเทศมนตรีแต่งตั้ง..."), as an official document does.
_ORDER_VOICE = re.compile(
    r"^ให้(?=ผู้|นายก|ปลัด|หน่วย|งาน|กอง|สำนัก|ฝ่าย|ส่วน|ทุก|คณะ|บุคลากร|เจ้าหน้าที่|ครู|หัวหน้า|ศูนย์|กลุ่ม)"
)


def stated(step: str) -> str:
    """Return a step in a plan's voice: without the order's "ให้" before its subject."""
    return _ORDER_VOICE.sub("", step, count=1)
