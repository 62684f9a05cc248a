"""The weak items a row names: each weak O item with what to publish and where, I/E items by code.

A failing OIT indicator lists every missing or zero-scored O item of the assessment
year; without item scores a row names the year's items in one step, by topic group
("ข้อมูลพื้นฐาน (O1–O4)"), without claiming which failed; an I/E indicator whose items
for the year are unknown names none (the officer is asked for item scores instead). Titles the framework holds as unconfirmed are printed as codes only and noted
for the officer (Draft.checks), never stated in the row.
"""

from __future__ import annotations

import re

from bot.drafting.row_context import (
    Context,
    fill,
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
        step = fill(voice.oit_item_step, ctx, number, None, [], code, what=what)
        role = dedicated.steps[-1].role if dedicated else "ita_team"
        lines.append((role, step))
    return lines


def _oit_check_lines(ctx: Context, number: int) -> list[tuple[str, str]]:
    """No item scores: one "ตรวจสอบข้อ ..." step naming the year's OIT items by group, no failure claimed."""
    listed = ctx.fw.oit_list(number, ctx.year)
    if not listed:
        ctx.checks.append(fill(ctx.voice.checks["oit_unknown"], ctx, number, None, []))
        return []
    note_oit_titles(ctx, [i.code for i in listed])
    where = " " + fill(ctx.voice.oit_item_where, ctx, number, None, [])
    groups: dict[str, list[str]] = {}
    for oit in listed:
        # a dotted group ("9.1") is shown by its name, a named group (2568) by itself
        group = oit.group_name if re.fullmatch(r"\d+\.\d+", oit.group) else oit.group
        groups.setdefault(group, []).append(oit.code)
    named = " ".join(
        f"{group} ({code_runs(codes)})" if group else code_runs(codes) for group, codes in groups.items()
    )
    return [("ita_team", fill(ctx.voice.oit_check_step, ctx, number, None, [], items=named, where=where))]


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


def indicator_extra(ctx: Context, number: int, tier: Tier, items: list[str]) -> list[tuple[str, str]]:
    """Return the steps a weak indicator row adds for its items (named, or to be checked)."""
    voice = ctx.voice
    oit = ctx.fw.tool_of(number).code == "OIT"
    if items:
        if oit:
            note_oit_titles(ctx, items)
            return _weak_o_lines(ctx, number, items)
        note_ie_titles(ctx, items)
        return [("ita_team", fill(voice.focus_step, ctx, number, None, items))]
    if oit:
        return _oit_check_lines(ctx, number)
    known = ctx.fw.items_of(number, ctx.year)
    if known:
        named = code_runs([i.code for i in known])
        return [("ita_team", fill(voice.ie_check_step, ctx, number, None, [], items=named))]
    # no item list for the year: the officer is asked for item scores; the row names no item
    ctx.checks.append(fill(voice.checks["ie_unknown"], ctx, number, None, []))
    unknown = fill(voice.ie_check_step_unknown, ctx, number, None, [])
    return [("ita_team", unknown)] if unknown else []
