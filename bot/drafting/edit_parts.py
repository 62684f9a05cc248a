"""Applying edits that change part of a cell: one owner added or taken out, a word, one step.

Each is checked on every row it names before anything changes, so an edit that would do
nothing (an owner not listed, a word not there, a step number past the last) or leave a row
without owners or steps is refused with a Thai sentence that says why, and no row changes.
"""

from __future__ import annotations

import re
from typing import Any

from bot import wording
from bot.drafting.edit_changes import split_swap
from bot.drafting.edit_command import EditAction, EditCommand, EditError
from bot.drafting.edit_text import split_owners
from bot.ita.measures import MeasureRow

PART_CHANGES = (
    EditAction.ADD_OWNER,
    EditAction.REMOVE_OWNER,
    EditAction.REPLACE,
    EditAction.EDIT_STEP,
    EditAction.REMOVE_STEP,
)
_STEP_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.)]\s*")


def _step(cmd: EditCommand) -> tuple[int, str]:
    number, _, text = cmd.value.partition(":")
    return int(number), text.strip()


def part_what(cmd: EditCommand) -> str:
    """What the change did, for the reply ("ผู้รับผิดชอบ กองช่าง", 'คำว่า "a" เป็น "b"')."""
    if cmd.action in (EditAction.ADD_OWNER, EditAction.REMOVE_OWNER):
        added = cmd.action is EditAction.ADD_OWNER
        what = wording.EDIT_WHAT_OWNER_ADDED if added else wording.EDIT_WHAT_OWNER_REMOVED
        return what.format(owners=", ".join(split_owners(cmd.value)))
    if cmd.action is EditAction.REPLACE:
        old, new = split_swap(cmd.value)
        return wording.EDIT_WHAT_SWAP.format(old=old, new=new)
    n, _text = _step(cmd)
    removed = cmd.action is EditAction.REMOVE_STEP
    return (wording.EDIT_WHAT_STEP_REMOVED if removed else wording.EDIT_WHAT_STEP_NO).format(n=n)


def check_part(cmd: EditCommand, rows: list[MeasureRow]) -> None:
    """Refuse a part change that would do nothing or empty a cell: then nothing is applied."""
    where = cmd.where_th()
    if cmd.action is EditAction.REPLACE:
        old, _new = split_swap(cmd.value)
        if not any(old in text for row in rows for text in (row.measure, row.kpi, *row.steps, *row.owners)):
            raise EditError(wording.EDIT_WORD_NOT_FOUND.format(old=old, where=where))
    elif cmd.action is EditAction.REMOVE_OWNER:
        gone = split_owners(cmd.value)
        for row in rows:
            if not any(o in row.owners for o in gone):
                raise EditError(
                    wording.EDIT_OWNER_NOT_LISTED.format(
                        where=where, owners=", ".join(gone), owners_now=", ".join(row.owners) or "-"
                    )
                )
            if all(o in gone for o in row.owners):
                raise EditError(wording.EDIT_OWNER_LAST.format(where=where))
    elif cmd.action in (EditAction.EDIT_STEP, EditAction.REMOVE_STEP):
        n, _text = _step(cmd)
        for row in rows:
            if not 1 <= n <= len(row.steps):
                raise EditError(wording.EDIT_NO_SUCH_STEP.format(where=where, count=len(row.steps), n=n))
            if cmd.action is EditAction.REMOVE_STEP and len(row.steps) == 1:
                raise EditError(wording.EDIT_LAST_STEP.format(where=where))


def part_update(row: MeasureRow, cmd: EditCommand) -> dict[str, Any]:
    """The fields of one row after the change (checked first by check_part)."""
    if cmd.action is EditAction.REPLACE:
        old, new = split_swap(cmd.value)
        return {
            "measure": row.measure.replace(old, new),
            "kpi": row.kpi.replace(old, new),
            "steps": [step.replace(old, new) for step in row.steps],
            # an owner named whole is swapped whole ("สำนักปลัด" -> "กองคลัง"), once
            "owners": list(dict.fromkeys(new if o == old else o.replace(old, new) for o in row.owners)),
        }
    if cmd.action in (EditAction.EDIT_STEP, EditAction.REMOVE_STEP):
        n, text = _step(cmd)
        steps = [_STEP_NUMBER.sub("", s) for s in row.steps]
        numbered = all(_STEP_NUMBER.match(s) for s in row.steps)  # "1. …": keep the numbering
        if cmd.action is EditAction.EDIT_STEP:
            steps[n - 1] = _STEP_NUMBER.sub("", text)
        else:
            del steps[n - 1]
        return {"steps": [f"{i}. {s}" for i, s in enumerate(steps, 1)] if numbered else steps}
    named = split_owners(cmd.value)
    if cmd.action is EditAction.ADD_OWNER:
        return {"owners": list(dict.fromkeys([*row.owners, *named]))}
    return {"owners": [o for o in row.owners if o not in named]}
