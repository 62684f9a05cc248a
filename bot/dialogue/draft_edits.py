"""Applying an officer's edit to the draft in the conversation: undo history, a redraft asked first.

The edit itself is read by bot.drafting (edit_grammar) and applied by bot.drafting.edits.apply;
this step keeps what "ย้อนกลับ" needs, asks before a redraft discards the officer's own changes,
and shows the rows the edit touched.
"""

from __future__ import annotations

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
)
from bot.ita.measures import Draft, MeasureRow

# After an edit, show the cards of at most this many changed rows; "ดูตัวชี้วัดที่ 9" shows up to this many.
MAX_EDITED_CARDS = 3
MAX_SHOWN_CARDS = 10
# Where the session keeps the undo history and a redraft waiting for "ยืนยัน" (JSON in session.extra).
HISTORY = "draft_history"
PENDING = "pending_edit"
# The open question (Context.ask) of an edit read with a guess at its cell: a yes applies `edit`.
GUESSED_EDIT = "guessed_edit"


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
    ctx.session.draft = done.draft
    ctx.say(done.text, w.EXPORT_HINT if done.changed else "", choices=say.export_choices())
    cards = say.row_cards(done.draft, ctx.indicator_name)
    shown = [c for c, row in zip(cards, done.draft.rows, strict=True) if row.number in done.numbers]
    limit = MAX_SHOWN_CARDS if cmd.action is EditAction.SHOW else MAX_EDITED_CARDS
    ctx.turn.reply.cards = shown[:limit]
