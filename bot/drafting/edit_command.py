"""What an edit is once read: EditAction, EditCommand and EditError, and the target check.

Shared by the grammar (edit_grammar), the part-cell readers (edit_changes) and applying (edits,
edit_parts), so that none of them imports another only for these nouns.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from bot import wording
from bot.drafting.edit_targets import Target

# The grammar is read without the framework, so it checks indicator numbers against the
# assessment's count (10 since 2561); applying then finds only indicators the draft has.
LAST_INDICATOR = 10
EXAMPLES = wording.EDIT_EXAMPLES


class EditError(ValueError):
    """An edit that was recognised but cannot be applied; the message is Thai and says what to send."""


class EditGuess(EditError):
    """A change whose cell was not named, with one likely reading: asked with a yes, never applied unasked.

    `proposal`: the edit as it would be typed in full ("แก้ผู้รับผิดชอบ แถว 5 เป็น กองคลัง").
    """

    def __init__(self, message: str, proposal: str) -> None:
        super().__init__(message)
        self.proposal = proposal


class EditTwoChanges(EditError):
    """Two changes in one message: asked back one at a time.

    `parts`: the message cut into two messages that each read as one edit (bot.drafting.edit_split),
    or () when no such cut was found; the dialogue may offer or apply them in turn.
    """

    def __init__(self, message: str, parts: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.parts = parts


class EditAction(enum.Enum):
    OWNERS = "owners"
    TIMELINE = "timeline"
    ADD_STEP = "add_step"
    STEPS = "steps"  # replace all steps
    DELETE = "delete"
    REDRAFT = "redraft"
    MEASURE = "measure"
    KPI = "kpi"
    SHOW = "show"
    ADD_ROW = "add_row"
    ADD_OWNER = "add_owner"  # one more owner beside those listed ("แถว 2 เพิ่มกองช่างด้วย")
    REMOVE_OWNER = "remove_owner"  # one owner taken out ("เอากองคลังออกจากผู้รับผิดชอบแถว 5")
    REPLACE = "replace"  # a word replaced in the row's text: value "old → new"
    EDIT_STEP = "edit_step"  # one step rewritten: value "N: text"
    REMOVE_STEP = "remove_step"  # one step taken out: value "N"


# Actions that carry no value: the message is a verb and a target (an added row may name its measure).
VALUELESS = (EditAction.DELETE, EditAction.REDRAFT, EditAction.SHOW, EditAction.ADD_ROW)


@dataclass(frozen=True)
class EditCommand:
    """One parsed edit: what to change, in which row(s), to what."""

    action: EditAction
    target: str  # "row" | "indicator" | "item" | "first" | "last" (the table's first or last row) | "all"
    # | "recent" (the row the conversation last showed or changed: resolved by the dialogue)
    number: int  # the row or indicator number (0 for an item)
    value: str = ""
    item: str = ""  # the item code of an "item" target, e.g. "O12"
    more: tuple[int, ...] = ()  # further row numbers of a "row" target ("ลบแถว 3, 4")
    deadline: bool = False  # a timeline given as its end only ("ให้เสร็จภายใน ธ.ค. 68")
    step: int = 0  # where an added step goes ("เพิ่มขั้นตอนที่ 4 …"); 0: after the last

    def where_th(self) -> str:
        """Return the target in Thai, e.g. "แถว 3", "ตัวชี้วัดที่ 9" or "ข้อ O12"."""
        if self.target == "item":
            return wording.EDIT_WHERE_ITEM.format(item=self.item)
        if self.target in ("first", "last", "all", "recent"):
            return {
                "first": wording.EDIT_WHERE_FIRST,
                "last": wording.EDIT_WHERE_LAST,
                "recent": wording.EDIT_WHERE_RECENT,
            }.get(self.target, wording.EDIT_WHERE_ALL)
        if self.more:
            return wording.EDIT_WHERE_ROW.format(number=", ".join(map(str, (self.number, *self.more))))
        where = wording.EDIT_WHERE_ROW if self.target == "row" else wording.EDIT_WHERE_INDICATOR
        return where.format(number=self.number)


def check_target(target: Target) -> None:
    """Refuse an indicator past the last or a row number below one, saying what to send."""
    if target.kind == "indicator" and not 1 <= target.number <= LAST_INDICATOR:
        raise EditError(
            wording.EDIT_NO_SUCH_INDICATOR.format(
                number=target.number, last=LAST_INDICATOR, example=EXAMPLES[1]
            )
        )
    if target.several:
        raise EditError(wording.EDIT_SEVERAL_TARGETS.format(example=EXAMPLES[1]))
    if target.kind == "row" and target.number < 1:
        raise EditError(wording.EDIT_ROW_FROM_ONE.format(example=EXAMPLES[0]))
