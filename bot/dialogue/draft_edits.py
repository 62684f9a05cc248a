"""Applying an officer's edit to the draft in the conversation: undo history, a redraft asked first.

The edit itself is read by bot.drafting (edit_grammar) and applied by bot.drafting.edits.apply;
this step keeps what "ย้อนกลับ" needs, asks before a redraft discards the officer's own changes,
and shows the rows the edit touched.
"""

from __future__ import annotations

from dataclasses import replace

from bot import wording as w
from bot.dialogue import render as say
from bot.dialogue.context import Context
from bot.dialogue.messages import Choice
from bot.drafting.edit_history import pending, remember
from bot.drafting.edits import (
    EditAction,
    EditCommand,
    EditError,
    EditGuess,
    EditNeedsConfirm,
    apply,
    number_rows,
    recent_unknown,
    row_numbers,
)
from bot.ita.measures import Draft, MeasureRow

# After an edit, show the cards of at most this many changed rows; "ดูตัวชี้วัดที่ 9" shows up to this many.
MAX_EDITED_CARDS = 3
MAX_SHOWN_CARDS = 10
# How much of the officer's message to quote back when asking which row it meant.
QUOTE_CHARS = 60
# Where the session keeps the undo history and a redraft waiting for "ยืนยัน" (JSON in session.extra).
HISTORY = "draft_history"
PENDING = "pending_edit"
# The open question (Context.ask) of an edit read with a guess at its cell: a yes applies `edit`.
GUESSED_EDIT = "guessed_edit"
# The rows the last edit changed or showed: what "แถวเมื่อกี้", "แถวที่เพิ่งแก้", "แถวนี้" name.
RECENT_ROWS = "recent_rows"


def resolve_recent(ctx: Context, cmd: EditCommand, draft: Draft) -> EditCommand | None:
    """Name the row a "แถวเมื่อกี้" edit means: the one row last changed or shown, if it still exists.

    Otherwise (none yet, several, or deleted since) the officer is asked for the row number, and None
    is returned: such an edit never lands on a row the officer did not mean.
    """
    if cmd.target != "recent":
        return cmd
    present = set(row_numbers(draft))
    named = list(ctx.session.extra.get(RECENT_ROWS) or [])
    recent = [n for n in named if n in present]
    if len(recent) == 1:
        return replace(cmd, target="row", number=recent[0])
    gone = [n for n in named if n not in present]
    if gone and not recent:  # "ลบแถว 1" then "แถวเมื่อกี้…": the row last named is gone
        ctx.say(w.EDIT_RECENT_DELETED.format(rows=", ".join(map(str, gone))))
    ctx.say(recent_unknown(draft, ctx.turn.text.strip()[:QUOTE_CHARS]))
    return None


def edit_draft(ctx: Context, cmd: EditCommand | None = None, *, force: bool = False) -> None:
    """Apply the edit the message names (or `cmd`) to the draft, and show the rows it names.

    A change is remembered for "ย้อนกลับ" (session.extra["draft_history"]); a redraft that
    would discard the officer's own changes asks first and waits in session.extra["pending_edit"].
    """
    extra = ctx.session.extra
    extra.pop(PENDING, None)
    error = ctx.parsed.edit_error
    if cmd is None and isinstance(error, EditGuess):  # "แถว 5 เปลี่ยนเป็นกองคลัง": which cell, asked with a yes
        yes_no = [Choice(w.YES_LABEL, w.YES_LABEL), Choice(w.NO_LABEL, w.NO_LABEL)]
        ctx.ask(str(error), yes_no, GUESSED_EDIT, edit=error.proposal)
        return
    if cmd is None and error is not None:
        ctx.say(str(error))
        return
    cmd, stored = cmd or ctx.parsed.edit, ctx.session.draft
    if cmd is None or stored is None:
        return
    draft = number_rows(stored)
    cmd = resolve_recent(ctx, cmd, draft)
    if cmd is None:
        return

    def redraft(d: Draft, indicator: int) -> Draft:
        return ctx.drafter.redraft_indicator(d, ctx.draft_request(), indicator)

    def add(d: Draft, indicator: int, item: str) -> list[MeasureRow]:
        number = indicator or ctx.fw.item_indicator(item, d.assessment_year)
        if not number:
            raise EditError(w.EDIT_UNKNOWN_ITEM.format(item=item))
        fresh = redraft(d.model_copy(update={"rows": []}), number).rows
        return [r for r in fresh if r.items == [item]][-1:] if item else fresh

    try:
        done = apply(draft, cmd, redraft=redraft, add=add, force=force)
    except EditNeedsConfirm as exc:
        extra[PENDING] = pending(cmd, draft)
        ctx.session.draft = draft
        ctx.say(str(exc), choices=say.redraft_choices())
        return
    except EditError as exc:
        ctx.say(str(exc))
        return
    if done.changed:
        extra[HISTORY] = remember(extra.get(HISTORY), draft, done.draft)
    after = set(row_numbers(done.draft))
    deleted = cmd.action is EditAction.DELETE
    gone = [n for n in row_numbers(draft) if n not in after] if deleted else []  # the rows it took out
    extra[RECENT_ROWS] = gone or [n for n in done.numbers if n in after]
    ctx.session.draft = done.draft
    ctx.say(done.text, w.EXPORT_HINT if done.changed else "", choices=say.export_choices())
    cards = say.row_cards(done.draft, ctx.indicator_name)
    shown = [c for c, row in zip(cards, done.draft.rows, strict=True) if row.number in done.numbers]
    limit = MAX_SHOWN_CARDS if cmd.action is EditAction.SHOW else MAX_EDITED_CARDS
    ctx.turn.reply.cards = shown[:limit]
