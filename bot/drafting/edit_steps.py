"""The one step a steps edit names: "ขั้นตอนที่ 2 ของแถว 3 เป็น …", "ขั้นตอนแถว 3 ข้อ 2 แก้เป็น …",
"แถว 2 เพิ่มขั้นตอนที่ 4 …" (the new step's place).

A step number is never left in the value and never read as "all the steps": an edit that names
one step changes that step only, and an added step with a number goes in at that place.
"""

from __future__ import annotations

import re

from bot import wording
from bot.drafting.edit_command import EditAction, EditError

# Right after the field word: "ขั้นตอนที่ 2", "ขั้นตอน 2", "step 2".
_STEP_NO = re.compile(r"\s*(?:ที่|ข้อ|no\.?|#)?\s*(?P<n>\d{1,2})(?![\d.])", re.I)
# An added step's place needs "ที่"/"ข้อ" ("เพิ่มขั้นตอนที่ 4 …"), so "เพิ่มขั้นตอน 2 ครั้ง" stays a text.
# "เพิ่มขั้นตอนแรก …" puts it first ("สุดท้าย", last, is where an added step goes anyway).
# "แทรกขั้นตอนก่อนข้อ 2 …" goes in at 2, "… หลังขั้นตอนที่ 2 …" at 3.
_ADDED_AT = re.compile(
    r"\s*(?:(?:ที่|ข้อ|no\.?|#)\s*(?P<n>\d{1,2})(?![\d.])|(?P<first>แรก)"
    r"|(?:(?P<before>ก่อน)|หลัง)\s*(?:ขั้นตอน|ข้อ)?\s*(?:ที่)?\s*(?P<at>\d{1,2})(?![\d.]))",
    re.I,
)
# After the row, when the field word came before it: "ขั้นตอนแถว 3 ข้อ 2 …", "ขั้นตอนแถว 3 ลำดับที่ 2 …".
_AFTER_TARGET = re.compile(
    r"\s*(?:ของ\s*)?(?:ขั้นตอน|กิจกรรม)?\s*(?:ที่|ข้อ(?:ที่)?|ลำดับ(?:ที่)?)\s*(?P<n>\d{1,2})(?![\d.])"
)
# "ขั้นตอนที่ 2 และ 3": more than one step, asked back one at a time.
_MORE_STEPS = re.compile(r"\s*(?:,|และ|กับ|&|ถึง|-|–)\s*(?:ขั้นตอน(?:ที่)?\s*)?\d{1,2}(?![\d.])")


def step_number(m: re.Match[str]) -> int:
    """The step a match names: its number, 1 for "แรก", the place "ก่อน/หลัง ข้อ N" puts a new step."""
    groups = m.groupdict()
    if groups.get("at"):
        return int(groups["at"]) + (0 if groups.get("before") else 1)
    return int(m.group("n") or 1)


def named_step(
    probe: str, action: EditAction, field_end: int, target_end: int
) -> tuple[EditAction, re.Match[str] | None]:
    """Return the action and the step number's match of a steps edit that names one step (else None)."""
    if action is EditAction.ADD_STEP:
        m = _ADDED_AT.match(probe, field_end)
    elif action is EditAction.STEPS:
        m = _STEP_NO.match(probe, field_end) or _AFTER_TARGET.match(probe, target_end)
    else:
        return action, None
    if m is None:
        return action, None
    if _MORE_STEPS.match(probe, m.end()):
        raise EditError(wording.EDIT_ONE_STEP)
    return (EditAction.EDIT_STEP if action is EditAction.STEPS else action), m
