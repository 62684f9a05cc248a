"""The one open question of a conversation: a yes/no (or two buttons) that must be answered before applying.

Whatever the dialogue is unsure of is asked, never guessed: a name that does not
read as an agency, a score change after the draft exists, which overall to use,
a reading made by the optional LLM. `Context.ask` stores the question in the
session; the next message either answers it (`resolve_pending`), or is a
question or small talk (answered, then the question is asked again), or moves
on (the question is dropped and the message read afresh).
"""

from __future__ import annotations

from dataclasses import replace

from bot import wording as w
from bot.dialogue.agency_years import export_years
from bot.dialogue.command_words import is_confirm
from bot.dialogue.context import Context
from bot.dialogue.draft_edits import GUESSED_EDIT
from bot.dialogue.files import export_documents
from bot.dialogue.messages import Choice
from bot.dialogue.progress_reports import report_files
from bot.dialogue.states import (
    NEW_ASKED,
    State,
    ask_profile_step,
    edit_draft,
    save_name,
    save_units,
    scores_or_confirmation,
    start_over,
)
from bot.dialogue.understand import Kind, bare, is_no
from bot.dialogue.year_record import plan_years
from bot.drafting.edits import EditError, parse_edit
from bot.ita.progress import ROUNDS
from bot.scores import ScoreSet, apply_correction


def resolve_pending(ctx: Context) -> State | None:
    """Apply the officer's answer to the open question; None if this message does not answer it."""
    pending = ctx.pending
    if pending is None:
        return None
    text = ctx.turn.text.strip()
    payloads = [payload for _, payload in pending.get("choices", [])]
    yes = text == (payloads[0] if payloads else None) or is_confirm(bare(text).lower())
    no = text == (payloads[1] if len(payloads) > 1 else None) or (not yes and is_no(text))
    kind, state = pending.get("kind"), State(ctx.session.state)
    if kind == NEW_ASKED and text == w.NEW_EXPORT_LABEL and (ctx.session.draft or plan_years(ctx.session)):
        export_before_new(ctx)  # the files first; the question stays open
        return state
    if pending.get("state", state.value) != state.value:
        ctx.drop_pending()  # asked at another step (a command moved the conversation since)
        return None
    if kind == "overall" and state is State.CONFIRM:
        return None  # on_confirm reads the two buttons (and "ยืนยัน" keeps the typed overall)
    if not (yes or no):
        if ctx.parsed.kind not in (Kind.QUESTION, Kind.SMALL_TALK, Kind.COMMAND):
            ctx.drop_pending()  # the officer moved on: read the message afresh
        return None
    ctx.drop_pending()
    if kind == NEW_ASKED:
        if yes:
            return start_over(ctx)
        ctx.say(w.NEW_KEPT, ctx.prompt_hint())
        return state
    if kind == "name":
        if yes:
            return save_name(ctx, str(pending.get("name", "")))
        ctx.say(w.NAME_NOT_AGENCY, w.ASK_NAME)
        return State.PROFILE_NAME
    if kind == "units":
        if yes:
            return save_units(ctx, [str(u) for u in pending.get("units") or []])
        ctx.say(w.UNITS_NOT_SAVED)
        return ask_profile_step(ctx, State.PROFILE_UNITS)
    if kind in ("score_change", "llm_scores"):
        if not yes:
            ctx.say(w.SCORE_CHANGE_KEPT if kind == "score_change" else w.LLM_DECLINED, ctx.prompt_hint())
            return state
        new = ScoreSet.from_json(pending.get("scores") or {})
        old = ctx.session.scores
        ctx.session.scores = old.merge(new) if old is not None and kind == "llm_scores" else new
        if state is State.DRAFTED:
            ctx.say(w.SCORES_CHANGED)
            return State.DRAFTED
        return scores_or_confirmation(ctx)
    if kind in ("llm_edit", GUESSED_EDIT) and state is State.DRAFTED:
        if not yes:
            ctx.say(w.LLM_DECLINED if kind == "llm_edit" else w.EDIT_GUESS_DECLINED)
            return state
        run_edit_text(ctx, str(pending.get("edit", "")))
        return State.DRAFTED
    return None


def export_before_new(ctx: Context) -> None:
    """Send the plan (Word, Excel) and every round's report before a /new erases them, then every
    other year on record (bot.dialogue.agency_years.export_years); ask again."""
    draft = ctx.session.draft
    if draft is not None:
        export_documents(ctx.exports, ctx.turn, draft, "docx xlsx")
        report_files(ctx.exports, ctx.turn, draft, list(ROUNDS))
    export_years(ctx)
    choices = [Choice(w.NEW_YES_LABEL, w.NEW_YES_LABEL), Choice(w.NEW_NO_LABEL, w.NEW_NO_LABEL)]
    ctx.ask(w.NEW_EXPORTED, choices, NEW_ASKED)


def run_edit_text(ctx: Context, text: str) -> bool:
    """Apply an edit written in the edit grammar (an LLM's reading, confirmed by the officer)."""
    try:
        cmd = parse_edit(text)
    except EditError as exc:
        ctx.say(str(exc))
        return False
    if cmd is None:
        ctx.say(w.LLM_DECLINED)
        return False
    ctx.parsed = replace(ctx.parsed, text=text, kind=Kind.EDIT, edit=cmd, edit_error=None)
    edit_draft(ctx)
    return True


def propose_score_change(ctx: Context) -> State:
    """After the draft: show what a score message would change, and change it only on a yes."""
    old = ctx.session.scores or ScoreSet()
    parsed = ctx.parsed
    if parsed.kind is Kind.CORRECTION and parsed.correction:
        new = apply_correction(old, parsed.correction)
    elif parsed.scores is not None:
        new = old.merge(
            parsed.scores.scores.model_copy(update={"year": old.year or parsed.scores.scores.year})
        )
    else:
        return State.DRAFTED
    changes = _changes(old, new)
    if not changes:
        ctx.say(w.SCORE_CHANGE_KEPT, ctx.prompt_hint())
        return State.DRAFTED
    choices = [
        Choice(w.SCORE_CHANGE_YES_LABEL, w.SCORE_CHANGE_YES_LABEL),
        Choice(w.SCORE_CHANGE_NO_LABEL, w.SCORE_CHANGE_NO_LABEL),
    ]
    ctx.ask(w.SCORE_CHANGE_ASK.format(changes=changes), choices, "score_change", scores=new.to_json())
    return State.DRAFTED


def _changes(old: ScoreSet, new: ScoreSet) -> str:
    """Say what differs between two score sets ("ตัวชี้วัดที่ 9: 83.50 → 86.00")."""

    def fmt(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    parts = [
        f"{w.INDICATOR.format(number=n)}: {fmt(old.indicators.get(n))} → {fmt(v)}"
        for n, v in sorted(new.indicators.items())
        if old.indicators.get(n) != v
    ]
    parts += [
        f"{code}: {fmt(old.items.get(code))} → {fmt(v)}"
        for code, v in new.items.items()
        if old.items.get(code) != v
    ]
    if new.overall != old.overall and new.overall is not None:
        parts.append(f"{w.OVERALL}: {fmt(old.overall)} → {fmt(new.overall)}")
    return ", ".join(parts)
