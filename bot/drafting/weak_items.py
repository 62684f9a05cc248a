"""The weak items a row names: each weak O item with what to publish and where, I/E items by code.

A failing OIT indicator lists every missing or zero-scored O item of the assessment
year; without item scores a row names, as a check, up to three items of the year's list whose
titles are solid (those agencies most often lose, then annual reports: check_items), never as
failed, or else the year's topic groups by title ("หมวดข้อมูลพื้นฐาน"); an I/E indicator whose items
for the year are unknown names none (the officer is asked for item scores instead). Titles the
framework holds as unconfirmed are printed as codes only and noted
for the officer (Draft.checks), never stated in the row.
"""

from __future__ import annotations

import re

from bot.drafting.row_context import (
    Context,
    brief,
    fill,
    pick,
    shape,
    wordings,
)
from bot.ita.facts import SOLID
from bot.ita.tiers import Tier


def _weak_o_lines(ctx: Context, number: int, items: list[str]) -> list[tuple[str, str]]:
    """Return one (role, step) per weak O item: what must be published and where."""
    voice = ctx.voice
    where = fill(voice.oit_item_where, ctx, number, None, [])
    lines = []
    for code in items:
        own = ctx.playbook.entries_for(number, [code], year=ctx.year)[1:]
        year = ctx.year or ctx.playbook.default_year
        dedicated = next((e for e in own if len(e.codes_for(year)) == 1), None)
        guidance = ctx.fw.oit_publish(code, ctx.year)
        if dedicated and dedicated.publish:
            what = dedicated.publish
        elif guidance:
            what = fill(voice.oit_item_publish, ctx, number, None, [], what=guidance, where=where)
        else:
            what = f"{voice.oit_item_what} {where}"
        # the item's title when the plan has not said it yet: one agency names each item in full, another
        # by its code where the publication says what it is (voice.yaml analysis.oit_item_forms)
        form = pick(ctx, wordings(ctx, "oit_item_forms", voice.oit_item_step), number, code, "oit-form")
        # an unconfirmed title is left out (item_label): no space is left before the colon
        step = fill(form, ctx, number, None, [], code, what=_publish_gist(what)).replace(" : ", ": ")
        # the unit that owns the item's publication (its entry's owner), not whoever checks it last
        role = (
            (dedicated.owner_roles or [dedicated.steps[-1].role])[0] if dedicated else _item_role(ctx, code)
        )
        lines.append((role, step))
    return lines


def _item_role(ctx: Context, code: str) -> str:
    """Return the role that publishes an O item without a practice of its own: the unit its title
    (then its group) is about (voice.yaml analysis.oit_item_roles: "ทรัพยากรบุคคล" -> hr), else the
    ITA team."""
    oit = ctx.fw.oit_item(code, ctx.year)
    texts = [ctx.fw.item_name(code, ctx.year) or "", oit.group_name if oit else "", oit.group if oit else ""]
    for text in texts:
        for word, role in (ctx.voice.analysis.get("oit_item_roles") or {}).items():
            if word in text:
                return str(role)
    return "ita_team"


# What an O item must publish keeps what and where; the list of its contents ("อย่างน้อยแสดง...",
# "ครอบคลุม...", "เช่น ...") is the manual's, not the plan's.
_CONTENTS = re.compile(r" (?:อย่างน้อย|ครอบคลุม|เช่น|ประกอบด้วย)")


def _publish_gist(what: str) -> str:
    """Return what an O item must publish without the list of what it contains."""
    for match in _CONTENTS.finditer(what):
        head = what[: match.start()].rstrip()
        if "เว็บไซต์" in head and len(head) >= 30:
            return head
    return what


def _oit_check_lines(ctx: Context, number: int, tier: Tier) -> list[tuple[str, str]]:
    """No item scores: one step naming the year's OIT topic groups by their titles, no failure claimed.

    The groups are named, never their codes: the year's list the framework holds may lack codes
    (2568: O2, O5–O7), and "O1, O3, O4" or "O8–O11" then reads as a list that skips items. The
    step says plainly that the agency finds which items it has not published (voice.yaml
    analysis.oit_check_steps, one wording per agency)."""
    listed = ctx.fw.oit_list(number, ctx.year)
    if not listed:
        ctx.checks.append(fill(ctx.voice.checks["oit_unknown"], ctx, number, None, []))
        return []
    note_oit_titles(ctx, [i.code for i in listed])
    groups: list[str] = []
    for oit in listed:
        # a dotted group ("9.1") is shown by its name, a named group (2568) by itself
        group = oit.group_name if re.fullmatch(r"\d+\.\d+", oit.group) else oit.group
        if group and group not in groups:
            groups.append(group)
    titles = [f"หมวด{g.removeprefix('หมวด')}" for g in groups]
    # the items to check by name: the year's solid items agencies most often have to redo
    # (checked, never said to have failed); an urgent row names each with its title, a middling
    # one, short, by its codes (seed 001: "ข้อมูล O13, O14 และ O16 ไม่ครบถ้วน")
    named = check_items(ctx, number, titled=tier == Tier.URGENT, reasons=True)
    if named:
        # far below the threshold most items are to do: every item is checked, these among them
        far = tier == Tier.URGENT and far_below(ctx, number)
        forms = ctx.voice.analysis.get("oit_item_checks_far" if far else "oit_item_checks") or []
        # by severity: an urgent row checks, a middling one reviews (never one wording for both)
        options = list(forms.get(tier.value) or []) if isinstance(forms, dict) else list(forms)
        # one plan never prints one wording twice (shape): its two OIT rows read differently
        form = shape(ctx, "oit-item-check", options, number)
        if form:
            return [("ita_team", fill(form, ctx, number, None, [], items=named))]
    # one of two ways of listing them, by agency: "หมวดก หมวดข และหมวดค", or with commas
    commas = pick(ctx, ["spaces", "commas"], number, "oit-groups") == "commas" and len(titles) > 2
    named = (f"{', '.join(titles[:-1])} และ{titles[-1]}" if commas else thai_list(titles)) or "ทุกหมวด"
    # severity moves the wording along (as rows.vary does): an urgent and a middling row of one
    # type never share the step word for word
    shift = list(Tier).index(tier)
    form = pick(
        ctx, wordings(ctx, "oit_check_steps", ctx.voice.oit_check_step), number, "oit-check", shift=shift
    )
    return [("ita_team", fill(form, ctx, number, None, [], groups=named))]


# A row without item results names at most this many items to check by name.
CHECKED = 3
# An item whose title says it is redone every year (a plan or a report "ประจำปี").
_ANNUAL = re.compile(r"ประจำปี")


def check_items(ctx: Context, number: int, titled: bool = True, reasons: bool = False) -> str:
    """Return "O13 รายงาน…, O14 … และ O16 …": the items of the indicator in the year's OIT list
    that a row without item results asks its unit to check, or "".

    Codes alone when not `titled`; each with what to look for in it when `reasons`. Only items whose title the framework holds as solid (CONFIRMED, CORROBORATED) for that year:
    first those agencies most often lose (often_lost: a seed named them missing), then those whose
    title says they are redone every year. Never a claim that they failed: the step checks them.
    """
    listed = [i for i in ctx.fw.oit_list(number, ctx.year) if i.confidence in SOLID]
    if not listed:
        return ""
    by_code = {i.code: i for i in listed}
    lost = [by_code[c] for c in often_lost(ctx, number) if c in by_code]
    annual = [i for i in listed if _ANNUAL.search(i.title) and "รอบ 6 เดือน" not in i.title and i not in lost]
    # agencies name different ones of these, two or three (seed 001 names O13, O14 and O16; the
    # same three in every plan was a tell, blind round 12): each agency leaves out some of the
    # first CHECKED + 1, chosen by the agency, the order kept
    chosen = [*lost, *annual][: CHECKED + 1]
    # with what to look for in each (reasons) a row names two, as long as three bare names were
    most = CHECKED - 1 if reasons else CHECKED - (pick(ctx, ["3", "2"], number, "checked-count") == "2")
    count = min(len(chosen), most)
    while len(chosen) > count:
        chosen.pop(int(pick(ctx, [str(k) for k in range(len(chosen))], number, "checked", len(chosen))))
    names = [_checked_name(ctx, i.code, titled) for i in chosen]
    if not reasons:
        return _and(names)
    # each item with what to look for in it (voice.yaml analysis.oit_check_reasons, read off what the
    # item must publish): items that share a reason are named together before it
    by_reason: dict[str, list[str]] = {}
    for item, name in zip(chosen, names, strict=True):
        by_reason.setdefault(_check_reason(ctx, item.code), []).append(name)
    return _and([f"{_and(group)} {why}".strip() for why, group in by_reason.items()])


def _checked_name(ctx: Context, code: str, titled: bool) -> str:
    return f"{code} {ctx.fw.item_name(code, ctx.year) or ''}".strip() if titled else code


def _and(names: list[str]) -> str:
    """Return "ก, ข และ ค"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} และ {names[-1]}"


def _check_reason(ctx: Context, code: str) -> str:
    """Return what to look for in an O item a row checks ("เป็นรายงานของปีที่ผ่านมา"): the first of
    voice.yaml analysis.oit_check_reasons whose pattern matches what the item must publish (else its
    title); "" when none does."""
    what = f"{ctx.fw.oit_publish(code, ctx.year)} {ctx.fw.item_name(code, ctx.year) or ''}"
    for reason in ctx.voice.analysis.get("oit_check_reasons") or []:
        if re.search(str(reason["when"]), what):
            return str(reason["says"])
    return ""


def far_below(ctx: Context, number: int) -> bool:
    """Return whether an indicator's score is far below the threshold (most of its items to do)."""
    score = ctx.scores.indicators.get(number)
    return score is not None and ctx.thresholds.urgent_below - score >= FAR_BELOW


# An OIT score this far below the threshold leaves most items to do: the row checks every group.
FAR_BELOW = 35.0


def thai_list(parts: list[str]) -> str:
    """Return "ก ข และ ค": a Thai list, its last part after "และ"."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{' '.join(parts[:-1])} และ{parts[-1]}"


def _check_first(ctx: Context, number: int, known: set[str] | None = None) -> str:
    """Return " (เช่น I14 การประเมินผล… และ I16 …)" for a check step: the often-lost items of the
    year's list by code and short name, given as examples to look at (never as failed), or ""."""
    # one example with why it is looked at (as long as two bare names were)
    lost = [c for c in often_lost(ctx, number) if known is None or c in known][:CHECKED_IE]
    lost = lost[int(pick(ctx, [str(k) for k in range(len(lost))], number, "example")) :][:1] if lost else []
    if not ctx.voice.check_first.strip() or not lost:
        return ""
    names = [f"{c} {ctx.fw.item_name(c, ctx.year) or ''} {_why_check(ctx, number, c)}".strip() for c in lost]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} และ {names[-1]}"
    return " " + fill(ctx.voice.check_first, ctx, number, None, [], items=listed)


# An example item's reason keeps the first phrase of its practice's first step: at least WHY_SHORT
# characters, cut at a clause when longer than WHY_LONG.
WHY_SHORT, WHY_LONG = 20, 45


def _why_check(ctx: Context, number: int, code: str) -> str:
    """Return why an I/E item is given as an example to look at: what its own practice does first
    ("ซึ่งต้องกำหนดตัวชี้วัดผลการปฏิบัติงาน...", voice.yaml analysis.check_first_why), or ""."""
    own = ctx.playbook.entries_for(number, [code], year=ctx.year)[1:]
    first = next((e.steps[0].text for e in own if code in e.items and e.steps), "")
    if not first:
        return ""
    what = fill(first, ctx, number, None, [code], code)
    # its first phrase: up to the first space past WHY_SHORT characters ("ทบทวนขั้นตอน... ลดขั้นตอน...")
    cut = what.find(" ", WHY_SHORT)
    what = what[:cut] if cut > 0 else what
    if len(what) > WHY_LONG:
        what = brief(what, WHY_LONG)
    form = pick(ctx, wordings(ctx, "check_first_why", "ซึ่งต้อง{what}"), number, "why-check")
    return form.format(what=what)


# An I/E check step names at most this many items by name (a row, not the questionnaire).
CHECKED_IE = 2


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


def note_oit_titles(ctx: Context, codes: list[str]) -> None:
    shaky = [
        c for c in codes if (o := ctx.fw.oit_item(c, ctx.year)) is not None and o.confidence not in SOLID
    ]
    if shaky:
        note = fill(ctx.voice.checks["oit_titles"], ctx, 9, None, [], items=", ".join(shaky))
        if note not in ctx.checks:
            ctx.checks.append(note)


def note_ie_titles(ctx: Context, codes: list[str]) -> None:
    shaky = [c for c in codes if c in ctx.fw.items and ctx.year not in ctx.fw.items[c].years]
    if shaky and ctx.year:
        note = fill(ctx.voice.checks["ie_titles"], ctx, 1, None, [], items=", ".join(shaky))
        if note not in ctx.checks:
            ctx.checks.append(note)


# A topic this close (rapidfuzz partial ratio) to the analysis so far is already said.
SAID_ALREADY = 70
# The verbs a recommendation opens with when it says what to do.
_DOING = re.compile(r"(?:เพิ่ม|ส่งเสริม|สร้าง|พัฒนา|กำกับ|ปรับปรุง|เปิดโอกาส|จัด|กำหนด)")
# At most this many topics are named when the codes are unknown (a topic reads longer than a code).
TOPICS = 2
# At most this many often-lost items are named in a row without item scores.
OFTEN_LOST = 3
# An action quoted for a weak I/E item keeps its first clause, about this long.
ACTION_LONG = 55


def often_lost(ctx: Context, number: int) -> list[str]:
    """Return the codes of an indicator's items that agencies most often lose, best known first.

    Derived from the seeds, never from this agency's scores: an O item is one the playbook has a
    practice of its own for in that year (written because a seed named it missing: O13, O14,
    O16 in 2568); an I/E item is one whose practice draws on two or more seeds' rows or NACC
    recommendations. A row names them as items to check first, never as items that failed.
    """
    year = ctx.year or ctx.playbook.default_year
    entries = [e for e in ctx.playbook.entries.values() if e.indicator == number]
    if ctx.fw.tool_of(number).code == "OIT":
        listed = {i.code for i in ctx.fw.oit_list(number, ctx.year)}
        codes = [c for e in entries if len(e.codes_for(year)) == 1 for c in e.codes_for(year) if c in listed]
    else:
        # a practice we wrote ourselves (DERIVED) cites related seed rows, not rows for its item
        spread = [e for e in entries if len(e.items) == 1 and not e.codes and e.confidence != "DERIVED"]
        spread.sort(key=lambda e: -len({r.seed for r in e.seed_refs}))
        codes = [e.items[0] for e in spread if len({r.seed for r in e.seed_refs}) >= 2]
    return list(dict.fromkeys(codes))[:OFTEN_LOST]


def _ie_item_lines(ctx: Context, number: int, items: list[str]) -> list[tuple[str, str]]:
    """Return one (role, step) per weak I/E item: its code, short name and what to do about it.

    The action is the item's own practice's first step (its item row then goes on from the
    second), else the NACC recommendation for the item, else the voice's generic focus.
    """
    lines = []
    for code in items:
        own = ctx.playbook.entries_for(number, [code], year=ctx.year)[1:]
        recs = ctx.fw.recommendations_for(item=code)
        # a NACC recommendation that says what to do ("เพิ่ม...", "ส่งเสริม..."), not what to check
        doing = [r.text.removeprefix("ให้") for r in recs if _DOING.match(r.text.removeprefix("ให้"))]
        if own and own[0].steps:
            role, action = own[0].steps[0].role, own[0].steps[0].text
        else:
            role, action = "ita_team", doing[0] if doing else ctx.voice.ie_item_fallback
        what = brief(fill(action, ctx, number, None, [code], code), ACTION_LONG)
        if own and own[0].steps:  # said here: the item's row does not repeat it
            ctx.said.setdefault(number, []).extend([action, what])
        lines.append((role, fill(ctx.voice.ie_item_step, ctx, number, None, [], code, what=what)))
    return lines


def indicator_extra(ctx: Context, number: int, tier: Tier, items: list[str]) -> list[tuple[str, str]]:
    """Return the steps a weak indicator row adds for its items (named, or to be checked)."""
    voice = ctx.voice
    oit = ctx.fw.tool_of(number).code == "OIT"
    if items:
        if oit:
            note_oit_titles(ctx, items)
            return _weak_o_lines(ctx, number, items)
        note_ie_titles(ctx, items)
        return _ie_item_lines(ctx, number, items)
    if oit:
        return _oit_check_lines(ctx, number, tier)
    known = ctx.fw.items_of(number, ctx.year)
    if known:
        named = code_runs([i.code for i in known])
        first = _check_first(ctx, number, {i.code for i in known})
        # one plan takes the wordings in turn (shape): its I/E rows do not all print one sentence
        form = shape(ctx, "ie-check", wordings(ctx, "ie_check_steps", voice.ie_check_step), number)
        return [("ita_team", fill(form, ctx, number, None, [], items=named, what=first))]
    # no item list for the year: the officer is asked for item scores; the row names no item
    ctx.checks.append(fill(voice.checks["ie_unknown"], ctx, number, None, []))
    unknown = fill(voice.ie_check_step_unknown, ctx, number, None, [])
    return [("ita_team", unknown)] if unknown else []
