"""Commands of the dialogue as a table of handlers over the message's Context.

Every command works in every state. Which text is a command (with its Thai and
English aliases) is decided in bot.dialogue.understand; here each command does
its work and, where it moves the conversation, sets the session's state.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot import wording as w
from bot.dialogue import progress
from bot.dialogue import render as say
from bot.dialogue.command_words import Command, undoes_delete
from bot.dialogue.context import PARTIAL, PARTIAL_OFFERED, Context
from bot.dialogue.draft_edits import HISTORY, MAX_EDITED_CARDS, PENDING
from bot.dialogue.files import export_documents
from bot.dialogue.messages import Choice
from bot.dialogue.states import (
    NEW_ASKED,
    PROFILE_STATES,
    State,
    ask_profile_step,
    on_scores,
    start_over,
)
from bot.dialogue.year_record import plan_years
from bot.drafting.edit_history import remember, undo
from bot.drafting.edits import row_numbers
from bot.ita.measures import AgencyProfile, Draft
from bot.ita.tiers import parse_thresholds
from bot.thai import to_arabic

# The progress-report rounds an officer may ask for ("/report 6").
REPORT_ROUNDS = (6, 12)
# How much of unreadable thresholds to quote back.
QUOTE_CHARS = 40


def _start(ctx: Context, args: str) -> None:
    session = ctx.session
    ctx.say(w.WELCOME)
    state = State(session.state)
    if state in PROFILE_STATES:
        ask_profile_step(ctx, state)
    elif state is State.SCORES:
        ctx.say(w.ASK_SCORES)
        if session.scores is not None:
            ctx.say(ctx.missing_text(session.scores))
    elif state is State.CONFIRM:
        ctx.show_confirmation()
    elif session.draft is not None:
        ctx.show_draft(session.draft)


def _layout(ctx: Context, args: str) -> None:
    options = ctx.exports.layout_options()
    name = ctx.exports.layout_for(args) if args else None
    if name is None:
        if args:
            titles = ", ".join(title for _, title, _ in options)
            ctx.say(w.LAYOUT_UNKNOWN.format(titles=titles))
            return
        lines = "\n".join(w.LAYOUT_CHOICE_LINE.format(title=t, description=d) for _, t, d in options)
        ctx.say(w.LAYOUT_QUESTION.format(choices=lines), choices=say.layout_choices(options))
        return
    ctx.use_layout(name)


def _help(ctx: Context, args: str) -> None:
    ctx.say(say.help_text(), ctx.prompt_hint())


def _new(ctx: Context, args: str) -> None:
    """Start over: with anything stored, ask first (a yes is read in bot.dialogue.pending)."""
    s = ctx.session
    if s.profile == AgencyProfile() and s.scores is None and s.draft is None:
        start_over(ctx)
        return
    choices = [Choice(w.NEW_YES_LABEL, w.NEW_YES_LABEL), Choice(w.NEW_NO_LABEL, w.NEW_NO_LABEL)]
    text = w.NEW_ASK
    if s.draft is not None or plan_years(s):  # the plans and their reports can be kept before erasing
        choices.append(Choice(w.NEW_EXPORT_LABEL, w.NEW_EXPORT_LABEL))
        text += w.NEW_ASK_EXPORT
    ctx.ask(text, choices, NEW_ASKED)


def _profile(ctx: Context, args: str) -> None:
    session = ctx.session
    ctx.say(say.profile_text(ctx.profile, ctx.type_name(ctx.profile)))
    if State(session.state) not in PROFILE_STATES:
        session.extra["resume"] = session.state
    ctx.say(w.PROFILE_EDIT_HINT)
    session.state = ask_profile_step(ctx, State.PROFILE_NAME).value


def _scores(ctx: Context, args: str) -> None:
    session = ctx.session
    state = State(session.state)
    # A Thai "คะแนน ..." message is itself a score table: hand all of it to the parser.
    text = ctx.turn.text if not ctx.turn.text.startswith("/") else args
    if state in PROFILE_STATES or not ctx.profile_complete():
        if args:
            ctx.reread(text)
            ctx.stash_scores()
        ctx.say(w.PROFILE_FIRST, ctx.prompt_hint())
        return
    if args:
        ctx.reread(text)
        session.state = on_scores(ctx).value
        return
    scores = session.scores
    ctx.say(w.ASK_SCORES, ctx.missing_text(scores) if scores is not None else "")
    session.state = State.SCORES.value


def _draft(ctx: Context, args: str) -> None:
    session = ctx.session
    if not ctx.profile_complete():
        ctx.say(w.CANNOT_DRAFT_PROFILE, ctx.prompt_hint())
        return
    scores = session.scores
    if (
        session.extra.get(PARTIAL_OFFERED)
        and scores is not None
        and scores.indicators
        and ctx.missing(scores)
    ):
        # "ไม่มีตัวอื่นแล้ว ร่างเลย" after the missing indicators were listed: draft from these
        session.extra[PARTIAL] = True
    partial_chosen = bool(session.extra.get(PARTIAL)) and scores is not None and bool(scores.indicators)
    if scores is None or (ctx.missing(scores) and not partial_chosen):
        if scores is not None and scores.indicators:
            ctx.offer_partial(scores)  # wait for the rest, or draft from the indicators given
        elif scores is not None:
            ctx.say(w.CANNOT_DRAFT_MISSING, ctx.missing_text(scores))
        else:
            ctx.say(w.CANNOT_DRAFT_NO_SCORES, w.ASK_SCORES)
        session.state = State.SCORES.value
        return
    session.extra.pop("resume", None)
    session.extra.pop(PENDING, None)
    before = session.draft
    ctx.make_draft()
    if before is not None and session.draft is not None:
        # "ย้อนกลับ" after a whole redraft brings back the draft as it was, edits and all.
        session.extra[HISTORY] = remember(session.extra.get(HISTORY), before, session.draft)
    session.state = State.DRAFTED.value


def _export(ctx: Context, args: str) -> None:
    draft = ctx.session.draft
    if draft is None:
        ctx.say(w.NO_DRAFT, ctx.prompt_hint())
        return
    export_documents(ctx.exports, ctx.turn, draft, args.lower())


def _report(ctx: Context, args: str) -> None:
    draft = ctx.session.draft
    if draft is None:
        ctx.say(w.NO_DRAFT, ctx.prompt_hint())
        return
    if not progress.wants_files(ctx.turn.text, args):
        progress.start(ctx, args)  # "รายงานผล": the rows' progress, asked row by row
        return
    named = re.findall(r"\d+", to_arabic(args))  # "12" names the 12-month round only, never the 6
    months = [m for m in REPORT_ROUNDS if str(m) in named] or list(REPORT_ROUNDS)
    progress.report_files(ctx.exports, ctx.turn, draft, months)


def _threshold(ctx: Context, args: str) -> None:
    session = ctx.session
    if not args:
        ctx.say(say.thresholds_text(ctx.thresholds()), w.THRESHOLDS_HOW)
        return
    parsed = parse_thresholds(args) or parse_thresholds(ctx.turn.text)
    if parsed is None:
        ctx.say(say.bad_thresholds(args[:QUOTE_CHARS]))
        return
    session.thresholds = parsed
    ctx.say(w.THRESHOLDS_SET.format(thresholds=say.thresholds_text(parsed)))
    state = State(session.state)
    if state is State.CONFIRM:
        ctx.show_confirmation()
    elif state is State.DRAFTED:
        ctx.say(w.REDRAFT_FOR_THRESHOLDS)


def _cancel(ctx: Context, args: str) -> None:
    session = ctx.session
    resume = session.extra.pop("resume", None)
    state = State(session.state)
    if progress.stop(ctx):  # "ยกเลิก" during the row-by-row report: stopped, what was said kept
        return
    if (ctx.pending or {}).get("kind") == NEW_ASKED:
        ctx.drop_pending()
        ctx.say(w.NEW_KEPT, ctx.prompt_hint())
    elif session.extra.pop(PENDING, None) is not None:
        ctx.say(w.REDRAFT_KEPT, ctx.prompt_hint())
    elif resume and state in PROFILE_STATES:
        session.state = resume
        ctx.say(w.PROFILE_EDIT_CANCELLED, ctx.prompt_hint())
    elif state is State.CONFIRM:
        session.state = State.SCORES.value
        ctx.say(w.CONFIRM_CANCELLED)
    else:
        ctx.say(w.NOTHING_TO_CANCEL, ctx.prompt_hint())


def _undo(ctx: Context, args: str) -> None:
    session = ctx.session
    previous, history, stale = undo(session.extra.get(HISTORY), session.draft)
    if previous is None:
        session.extra[HISTORY] = history
        nothing = w.UNDO_NOTHING if session.draft is not None else w.UNDO_NO_DRAFT
        ctx.say(w.UNDO_STALE if stale else nothing, ctx.prompt_hint())
        return
    named = re.search(r"\d+", to_arabic(args))
    touched = _touched(previous, session.draft)
    if named and int(named.group(0)) not in touched:  # "ย้อนกลับไปก่อนแก้แถว 3": only if that was the last change
        rows = ", ".join(map(str, touched)) or "-"
        ctx.say(w.UNDO_OTHER_ROW.format(row=named.group(0), rows=rows), choices=say.export_choices())
        return  # nothing undone, the history kept
    now = session.draft.rows if session.draft is not None else []
    came_back = {r.number for r in previous.rows} - {r.number for r in now}
    if undoes_delete(ctx.turn.text) and not came_back:  # "ยกเลิกการลบแถวเมื่อกี้" after another edit
        rows = ", ".join(map(str, touched)) or "-"
        ctx.say(w.UNDO_NOT_A_DELETE.format(rows=rows), choices=say.export_choices())
        return  # nothing undone: the last change was no delete
    session.extra[HISTORY] = history
    session.extra.pop(PENDING, None)
    current = session.draft.rows if session.draft is not None else []
    session.draft = previous
    done = w.UNDO_DONE.format(left=len(history)) if history else w.UNDO_DONE_LAST
    ctx.say(done, choices=say.export_choices())
    ctx.say(w.ROWS_NOW.format(numbers=", ".join(str(n) for n in row_numbers(previous))))
    # the rows the undo brought back, as they are now: what was taken back is seen, not guessed
    cards = say.row_cards(previous, ctx.indicator_name)
    back = [card for card, row in zip(cards, previous.rows, strict=True) if row not in current]
    ctx.turn.reply.cards = back[:MAX_EDITED_CARDS]


def _touched(before: Draft, after: Draft | None) -> list[int]:
    """The numbers of the rows that differ between two drafts (what an undo would change)."""
    now = after.rows if after is not None else []
    changed = [r for r in before.rows if r not in now] + [r for r in now if r not in before.rows]
    return sorted({r.number for r in changed if r.number is not None})


def _ask(ctx: Context, args: str) -> None:
    if not args:
        ctx.say(w.ASK_QUESTION)
        return
    ctx.answer(args)


COMMANDS: dict[Command, Callable[[Context, str], None]] = {
    Command.START: _start,
    Command.HELP: _help,
    Command.LAYOUT: _layout,
    Command.NEW: _new,
    Command.PROFILE: _profile,
    Command.SCORES: _scores,
    Command.DRAFT: _draft,
    Command.EXPORT: _export,
    Command.REPORT: _report,
    Command.THRESHOLD: _threshold,
    Command.CANCEL: _cancel,
    Command.ASK: _ask,
    Command.UNDO: _undo,
}
