"""Edits to a drafted measure table: text -> EditCommand (edit_grammar) -> a new Draft (here).

Applying returns a new Draft and never mutates the one passed in, so a failed
edit leaves the stored draft exactly as it was. Rows are referred to by their
stable number (`MeasureRow.number`), given once when a row first appears and
never reused, so "แถว 5" names the same measure after row 3 is deleted or a row
is redrafted. A row the officer changed is marked `edited`, and redrafting it
asks first (EditNeedsConfirm). The grammar is documented in docs/conversation.md;
keep the two in step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from bot import wording
from bot.drafting.edit_command import (
    EXAMPLES,
    LAST_INDICATOR,
    EditAction,
    EditCommand,
    EditError,
    EditGuess,
    EditTwoChanges,
)
from bot.drafting.edit_grammar import MAX_VALUE, PARTICLES, examples_th, parse_edit
from bot.drafting.edit_parts import PART_CHANGES, check_part, part_update, part_what
from bot.drafting.edit_periods import Period, command_period, fiscal_span_th, parse_period
from bot.drafting.edit_text import split_owners, strip_polite
from bot.ita.measures import Draft, MeasureRow

__all__ = [
    "EXAMPLES",
    "LAST_INDICATOR",
    "MAX_VALUE",
    "PARTICLES",
    "Applied",
    "EditAction",
    "EditCommand",
    "EditError",
    "EditGuess",
    "EditNeedsConfirm",
    "EditTwoChanges",
    "Period",
    "apply",
    "apply_edit",
    "command_period",
    "draft_fiscal_year",
    "examples_th",
    "fiscal_span_th",
    "number_rows",
    "parse_edit",
    "parse_period",
    "row_numbers",
    "split_owners",
    "strip_polite",
]

# Drafts one indicator's rows afresh: (draft, indicator) -> the draft with them (the engine's redraft).
Redraft = Callable[[Draft, int], Draft]
# Drafts the rows an added indicator or item needs: (draft, indicator, item code or "") -> rows.
AddRows = Callable[[Draft, int, str], list[MeasureRow]]

_STEP_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.)]\s*")
# How much of an added step the reply quotes back.
QUOTED_STEP = 60


class EditNeedsConfirm(EditError):
    """A redraft would discard the officer's own changes: ask before doing it."""


@dataclass(frozen=True)
class Applied:
    """What an edit did: the new draft, a Thai sentence, and the numbers of the rows to show."""

    draft: Draft
    text: str
    numbers: list[int] = field(default_factory=list)
    changed: bool = True


def draft_fiscal_year(draft: Draft) -> int | None:
    """Return the B.E. fiscal year the draft's measures run in."""
    return draft.fiscal_year or draft.agency.measures_year()


# ---------------------------------------------------------------- numbering
def number_rows(draft: Draft, *, after: Draft | None = None) -> Draft:
    """Give every row without a number the next unused one (1, 2, ... for a fresh draft).

    Numbers are never reused: `Draft.last_row_number` remembers the highest ever given, and
    a number is only kept if it was given here (not above that mark, not twice). Deterministic,
    so a draft shown before it was numbered is numbered the same way later.
    `after`: the draft this one replaced, whose numbers must not be given again.
    """
    last = max(draft.last_row_number, after.last_row_number if after else 0)
    seen: set[int] = set()
    rows = []
    for row in draft.rows:
        if not row.number or row.number > last or row.number in seen:
            row = row.model_copy(update={"number": None})
        seen.add(row.number or 0)
        rows.append(row)
    if all(r.number for r in rows) and last == draft.last_row_number and rows == draft.rows:
        return draft
    numbered = []
    for row in rows:
        if not row.number:
            last += 1
            row = row.model_copy(update={"number": last})
        numbered.append(row)
    return draft.model_copy(update={"rows": numbered, "last_row_number": last})


def row_numbers(draft: Draft) -> list[int]:
    """Return the numbers of the draft's rows, in table order."""
    return [r.number or i for i, r in enumerate(number_rows(draft).rows, 1)]


def recent_unknown(draft: Draft, said: str, example: str = "") -> str:
    """Say that a row named by what was said ("แถวเมื่อกี้") could not be told, and how to name it."""
    numbers = row_numbers(draft)
    first = numbers[0] if numbers else 1
    return wording.EDIT_RECENT_UNKNOWN.format(
        said=said,
        example=example or EXAMPLES[0].replace("แถว 3", f"แถว {first}"),
        numbers=_numbers_th(numbers),
    )


def _numbers_th(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers) or "-"


def _rows_for(draft: Draft, cmd: EditCommand) -> list[int]:
    """Return the indices of the rows an edit names; refuse a row number that is not in the draft."""
    if cmd.target == "row":
        numbers = row_numbers(draft)
        for wanted in (cmd.number, *cmd.more):  # every row named must exist, or nothing changes
            if wanted in numbers:
                continue
            if wanted <= draft.last_row_number:
                raise EditError(wording.EDIT_ROW_DELETED.format(number=wanted, numbers=_numbers_th(numbers)))
            raise EditError(wording.EDIT_NO_SUCH_ROW.format(number=wanted, numbers=_numbers_th(numbers)))
        return sorted({numbers.index(n) for n in (cmd.number, *cmd.more)})
    if cmd.target == "all":
        return list(range(len(draft.rows)))
    if cmd.target == "item":
        found = [i for i, row in enumerate(draft.rows) if cmd.item in row.items]
        if not found:
            raise EditError(wording.EDIT_ITEM_NOT_IN_DRAFT.format(item=cmd.item))
        return found
    found = [i for i, row in enumerate(draft.rows) if row.indicator == cmd.number]
    if not found:
        present = ", ".join(str(n) for n in sorted({r.indicator for r in draft.rows})) or "-"
        raise EditError(wording.EDIT_INDICATOR_NOT_IN_DRAFT.format(number=cmd.number, present=present))
    return found


def _existing(draft: Draft, cmd: EditCommand) -> int | None:
    try:
        return _rows_for(draft, cmd)[0]
    except EditError:
        return None


# ---------------------------------------------------------------- owners inside steps
def _owners_in_steps(steps: list[str], old: list[str], new: list[str]) -> list[str]:
    """Name the new owners where a step names the old ones ("… (สำนักปลัด)" -> "… (กองคลัง)",
    "2. ให้สำนักปลัดแจ้งเวียน…" -> "2. ให้กองคลังแจ้งเวียน…")."""
    if not old:
        return steps
    names = "|".join(re.escape(o) for o in sorted(old, key=len, reverse=True))
    group = re.compile(rf"\((?:\s*(?:{names})\s*(?:,|และ|/)?\s*)+\)")
    # a step that opens with its unit ("3. ให้หน่วยตรวจสอบภายในสอบทาน...") names the new one there
    subject = re.compile(rf"^(\s*\d+\.\s*(?:ให้)?)(?:{names})(?:\s*(?:และ|,)\s*(?:{names}))*(\s?)")
    joined = ", ".join(new)
    said = " และ".join(new) if new else ""

    def opening(match: re.Match[str]) -> str:
        gap = " " if re.search(r"[A-Za-z.]$", said) else match.group(2)
        return f"{match.group(1)}{said}{gap}"

    return [subject.sub(opening, group.sub(f"({joined})", step), count=1) for step in steps]


def _with_step(steps: list[str], text: str, at: int, where: str) -> list[str]:
    """The steps with one more: after the last, or at step `at` ("เพิ่มขั้นตอนที่ 2 …"), renumbered."""
    at = at or len(steps) + 1
    if not 1 <= at <= len(steps) + 1:
        raise EditError(wording.EDIT_NO_SUCH_STEP.format(where=where, count=len(steps), n=at))
    numbered = all(_STEP_NUMBER.match(step) for step in steps)  # "1. …": number the new step too
    plain = [_STEP_NUMBER.sub("", step) for step in steps] if numbered else list(steps)
    plain.insert(at - 1, text)
    return [f"{k}. {step}" for k, step in enumerate(plain, 1)] if numbered else plain


def _steps_from(value: str) -> list[str]:
    lines = [_STEP_NUMBER.sub("", line).strip() for line in value.splitlines()]
    return [line for line in lines if line]


# ---------------------------------------------------------------- applying
def apply_edit(
    draft: Draft,
    cmd: EditCommand,
    *,
    redraft: Redraft | None = None,
    add: AddRows | None = None,
    force: bool = False,
) -> tuple[Draft, str]:
    """Apply an edit and return the new draft with a Thai sentence saying what changed."""
    done = apply(draft, cmd, redraft=redraft, add=add, force=force)
    return done.draft, done.text


def apply(
    draft: Draft,
    cmd: EditCommand,
    *,
    redraft: Redraft | None = None,
    add: AddRows | None = None,
    force: bool = False,
) -> Applied:
    """Apply an edit to a draft (numbered first); `force` redrafts rows the officer edited."""
    draft = number_rows(draft)
    if cmd.target == "recent":  # the dialogue resolves "แถวเมื่อกี้" first; unresolved, it is asked back
        raise EditError(recent_unknown(draft, wording.EDIT_WHERE_RECENT))
    if cmd.target in ("first", "last") and draft.rows:  # the table's first or last row, as shown
        numbers = row_numbers(draft)
        cmd = replace(cmd, target="row", number=numbers[0 if cmd.target == "first" else -1])
    if cmd.action is EditAction.SHOW:
        # Showing is harmless: show the rows that exist, and refuse only if none of them does.
        named = (
            [EditCommand(cmd.action, "row", n) for n in (cmd.number, *cmd.more)]
            if cmd.target == "row"
            else []
        )
        found = [i for one in named if (i := _existing(draft, one)) is not None]
        indices = sorted(set(found)) or _rows_for(draft, cmd)
        numbers = [draft.rows[i].number or 0 for i in indices]
        return Applied(draft, wording.EDIT_SHOWN.format(where=cmd.where_th()), numbers, changed=False)
    if cmd.action is EditAction.REDRAFT:
        return _redraft(draft, cmd, redraft, force=force)
    if cmd.action is EditAction.ADD_ROW:
        return _add_rows(draft, cmd, add)
    if not cmd.value.strip() and cmd.action is not EditAction.DELETE:
        raise EditError(wording.EDIT_NO_VALUE.format(example=EXAMPLES[0]))
    indices = _rows_for(draft, cmd)
    rows = list(draft.rows)
    if cmd.action is EditAction.DELETE and cmd.target == "item":
        # "ลบข้อ O3": the item's own rows only, never its indicator's row that lists it among the weak items
        indices = [i for i in indices if rows[i].items == [cmd.item] and cmd.item in rows[i].topic]
        if not indices:
            raise EditError(wording.EDIT_ITEM_NOT_IN_DRAFT.format(item=cmd.item))
    if cmd.action is EditAction.DELETE:
        if len(indices) >= len(rows):
            raise EditError(wording.EDIT_LAST_ROW)
        gone = [rows[i].number or 0 for i in indices]
        kept = [row for i, row in enumerate(rows) if i not in indices]
        text = wording.EDIT_DELETED.format(
            where=cmd.where_th(),
            rows="" if cmd.target == "row" else wording.EDIT_DELETED_ROWS.format(rows=_numbers_th(gone)),
            left=len(kept),
            numbers=_numbers_th([r.number or 0 for r in kept]),
        )
        return Applied(draft.model_copy(update={"rows": kept}), text, [])
    change, what = _change(draft, cmd)
    if cmd.action in PART_CHANGES:
        check_part(cmd, [rows[i] for i in indices])
    for i in indices:
        update = dict(change)
        if cmd.action in PART_CHANGES:
            update = part_update(rows[i], cmd)
        elif cmd.action is EditAction.ADD_STEP:
            update["steps"] = _with_step(rows[i].steps, cmd.value.strip(), cmd.step, cmd.where_th())
        elif cmd.action is EditAction.OWNERS:
            # The executive's own steps ("ผู้อำนวยการ…มีคำสั่งแต่งตั้ง…") stay theirs: a unit named as the
            # new owner carries out the work, it does not give the orders.
            units = [o for o in rows[i].owners if o != draft.agency.executive.strip()]
            update["steps"] = _owners_in_steps(rows[i].steps, units, change["owners"])
        # Re-validate through the model so an edit can never store a row the exporters would reject.
        rows[i] = MeasureRow.model_validate({**rows[i].model_dump(), **update, "edited": True})
    verb = {
        EditAction.ADD_STEP: wording.EDIT_VERB_ADD,
        EditAction.ADD_OWNER: wording.EDIT_VERB_ADD,
        EditAction.REMOVE_OWNER: wording.EDIT_VERB_REMOVE,
        EditAction.REMOVE_STEP: wording.EDIT_VERB_REMOVE,
    }.get(cmd.action, wording.EDIT_VERB_CHANGE)
    numbers = [rows[i].number or 0 for i in indices]
    where = ", ".join(wording.EDIT_WHERE_ROW.format(number=n) for n in numbers)
    text = wording.EDIT_DONE.format(verb=verb, what=what, where=where)
    return Applied(draft.model_copy(update={"rows": rows}), text, numbers)


def _change(draft: Draft, cmd: EditCommand) -> tuple[dict[str, Any], str]:
    value = cmd.value.strip()
    if cmd.action is EditAction.OWNERS:
        owners = split_owners(value)
        if not owners:
            raise EditError(wording.EDIT_NO_VALUE.format(example=EXAMPLES[0]))
        return {"owners": owners}, wording.EDIT_WHAT_OWNERS.format(owners=", ".join(owners))
    if cmd.action is EditAction.TIMELINE:
        period = command_period(cmd, draft_fiscal_year(draft))
        change = {"timeline": period.label, "start_month": period.start_month, "end_month": period.end_month}
        return change, wording.EDIT_WHAT_TIMELINE.format(period=period.label)
    if cmd.action is EditAction.MEASURE:
        return {"measure": value}, wording.EDIT_WHAT_MEASURE
    if cmd.action is EditAction.KPI:
        return {"kpi": value}, wording.EDIT_WHAT_KPI
    if cmd.action is EditAction.STEPS:
        return {"steps": _steps_from(value) or [value]}, wording.EDIT_WHAT_STEPS
    if cmd.action in PART_CHANGES:
        return {}, part_what(cmd)
    # ADD_STEP: the step is appended per row; the reply quotes it (shortened) so the officer sees what went in.
    return {}, wording.EDIT_WHAT_STEP.format(
        step=value if len(value) <= QUOTED_STEP else value[:QUOTED_STEP] + "…"
    )


def _redraft(draft: Draft, cmd: EditCommand, redraft: Redraft | None, *, force: bool) -> Applied:
    if cmd.target == "item":
        raise EditError(wording.EDIT_REDRAFT_ITEM.format(item=cmd.item))
    indicator = draft.rows[_rows_for(draft, cmd)[0]].indicator if cmd.target == "row" else cmd.number
    if redraft is None:
        raise EditError(wording.EDIT_NO_REDRAFT)
    old = [r for r in draft.rows if r.indicator == indicator]
    edited = [r.number or 0 for r in old if r.edited]
    if edited and not force:
        raise EditNeedsConfirm(
            wording.EDIT_REDRAFT_CONFIRM.format(indicator=indicator, rows=_numbers_th(edited))
        )
    fresh = redraft(draft, indicator)
    # The redrafted rows take the numbers of the rows they replace, in order; extra rows get new ones.
    reuse = iter([r.number for r in old if r.number])
    rows = []
    for row in fresh.rows:
        if row.indicator == indicator and not row.number:
            row = row.model_copy(update={"number": next(reuse, None), "edited": False})
        rows.append(row)
    new = number_rows(fresh.model_copy(update={"rows": rows}), after=draft)
    numbers = [r.number or 0 for r in new.rows if r.indicator == indicator]
    return Applied(
        new, wording.EDIT_REDRAFTED.format(indicator=indicator, rows=_numbers_th(numbers)), numbers
    )


def _add_rows(draft: Draft, cmd: EditCommand, add: AddRows | None) -> Applied:
    if add is None:
        raise EditError(wording.EDIT_NO_REDRAFT)
    if cmd.target == "item" and any(cmd.item in r.items and len(r.items) == 1 for r in draft.rows):
        have = [r.number or 0 for r in draft.rows if r.items == [cmd.item]]
        raise EditError(wording.EDIT_ITEM_HAS_ROW.format(item=cmd.item, rows=_numbers_th(have)))
    indicator = cmd.number
    if cmd.target == "indicator" and any(r.indicator == indicator for r in draft.rows):
        have = [r.number or 0 for r in draft.rows if r.indicator == indicator]
        raise EditError(wording.EDIT_INDICATOR_HAS_ROW.format(indicator=indicator, rows=_numbers_th(have)))
    fresh = add(draft, indicator, cmd.item)
    if not fresh:
        example = f"{cmd.item} 60" if cmd.item else f"ตัวชี้วัดที่ {cmd.number} 80"
        raise EditError(wording.EDIT_NOTHING_TO_ADD.format(where=cmd.where_th(), example=example))
    # New rows go after the last row of their indicator (or before the next indicator's rows).
    last = draft.last_row_number
    fresh = [r.model_copy(update={"number": last + k, "edited": False}) for k, r in enumerate(fresh, 1)]
    if cmd.value:  # "เพิ่มแถวตัวชี้วัด 7 มาตรการ …": the new row takes the officer's measure
        fresh[0] = fresh[0].model_copy(update={"measure": strip_polite(cmd.value), "edited": True})
    target_indicator = fresh[0].indicator
    at = next((i for i, r in enumerate(draft.rows) if r.indicator > target_indicator), len(draft.rows))
    rows = [*draft.rows[:at], *fresh, *draft.rows[at:]]
    new = draft.model_copy(update={"rows": rows, "last_row_number": last + len(fresh)})
    numbers = [r.number or 0 for r in fresh]
    return Applied(new, wording.EDIT_ADDED.format(where=cmd.where_th(), rows=_numbers_th(numbers)), numbers)
