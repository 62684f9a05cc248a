"""Next year started from this one (issue 16 part 6): a later year's scores sent after the draft.

Scores of a later assessment year than the draft's (typed, or a result page sent as a file) ask
whether to start the next year's plan from them. On the officer's yes this year's draft is kept as
its fiscal year's plan in the year record (bot.dialogue.year_record), the new scores go to the
confirmation, last year's scores feed the trend, and the plan's measures are offered forward
("ต่อยอด", bot.dialogue.agency_turns) once the new draft is made: no file is sent again.
"""

from __future__ import annotations

from typing import Any

from bot import wording as w
from bot.dialogue.command_words import is_confirm
from bot.dialogue.context import Context
from bot.dialogue.messages import Choice
from bot.dialogue.sessions import Session
from bot.dialogue.states import scores_or_confirmation
from bot.dialogue.understand import Kind, bare, is_no
from bot.dialogue.year_record import (
    PLANS,
    PROGRESS_KEY,
    YEARS,
    keep_plan,
    plan_measures,
    plan_of,
    remember_year,
    scores_before,
)
from bot.drafting.edits import draft_fiscal_year
from bot.scores import ScoreSet

NEXT_YEAR = "next_year"  # the pending question: start next year's plan from these scores?
# What a new year keeps of the session's extra; the rest belonged to last year's draft.
OUTLIVE_A_YEAR = (YEARS, PLANS, PROGRESS_KEY, "carry", "layout", "reminders", "offered")


# ------------------------------------------------------------------ the next year
def _later_scores(ctx: Context) -> ScoreSet | None:
    """Scores of a later assessment year than the draft's, sent after the draft; else None."""
    session, parsed = ctx.session, ctx.parsed
    draft = session.draft
    if session.state != "drafted" or draft is None or parsed.kind is not Kind.SCORES:
        return None
    found = parsed.scores.scores if parsed.scores is not None else None
    held = draft.assessment_year or (session.scores.year if session.scores else None)
    if found is None or not found.indicators or not found.year or not held or found.year <= held:
        return None
    return found


def next_year(ctx: Context) -> bool:
    """Ask to start next year's plan from a later year's scores, or apply the answer; False otherwise."""
    pending = ctx.pending
    if pending is not None and pending.get("kind") == NEXT_YEAR:
        return _answer(ctx, pending)
    found = _later_scores(ctx)
    return found is not None and _ask(ctx, found)


def next_year_from_file(ctx: Context) -> bool:
    """A result page of a later year sent after the draft: ask to start next year's plan from it."""
    found = _later_scores(ctx)
    return found is not None and _ask(ctx, found)


def _ask(ctx: Context, found: ScoreSet) -> bool:
    draft = ctx.session.draft
    assert draft is not None  # _later_scores checked
    fiscal = ctx.parsed.scores.fiscal_year if ctx.parsed.scores is not None else None
    fiscal = fiscal if fiscal and fiscal > (found.year or 0) else (found.year or 0) + 1
    choices = [
        Choice(w.NEXT_YEAR_YES_LABEL, w.NEXT_YEAR_YES_LABEL),
        Choice(w.NEXT_YEAR_NO_LABEL, w.NEXT_YEAR_NO_LABEL),
    ]
    ctx.ask(
        w.NEXT_YEAR_ASK.format(
            year=found.year,
            held=draft.assessment_year,
            fiscal=fiscal,
            old_fiscal=draft_fiscal_year(draft) or "-",
        ),
        choices,
        NEXT_YEAR,
        scores=found.to_json(),
        fiscal=fiscal,
    )
    return True


def _answer(ctx: Context, pending: dict[str, Any]) -> bool:
    text = ctx.turn.text.strip()
    yes = text == w.NEXT_YEAR_YES_LABEL or is_confirm(bare(text).lower())
    no = text == w.NEXT_YEAR_NO_LABEL or (not yes and is_no(text))
    if not (yes or no):
        return False  # a question, a command or anything else: the dialogue reads it (and moves on)
    ctx.drop_pending()
    draft = ctx.session.draft
    if no or draft is None:
        ctx.say(w.NEXT_YEAR_KEPT.format(held=draft.assessment_year if draft else "-"))
        return True
    scores = ScoreSet.from_json(pending.get("scores") or {})
    start_year(ctx.session, scores, int(pending.get("fiscal") or (scores.year or 0) + 1))
    said = [
        w.NEXT_YEAR_STARTED.format(
            year=scores.year, fiscal=ctx.profile.measures_year(), old=draft_fiscal_year(draft)
        )
    ]
    before = scores_before(ctx.session, scores.year or 0)
    if before is not None:
        said.append(w.NEXT_YEAR_TREND.format(before=before[0]))
    carried = ctx.session.extra.get("carry")
    if isinstance(carried, dict) and carried.get("measures"):
        said.append(w.NEXT_YEAR_CARRY.format(count=len(carried["measures"]), year=carried.get("year")))
    ctx.say(*said)
    ctx.session.state = scores_or_confirmation(ctx).value
    return True


def start_year(session: Session, scores: ScoreSet, fiscal: int) -> None:
    """Begin the next year: this draft kept as its year's plan and offered forward, the new scores in hand."""
    draft = session.draft
    if draft is not None:
        if session.scores is not None:
            remember_year(session, draft.assessment_year or session.scores.year, session.scores.indicators)
        old_fiscal = keep_plan(session, draft, replace=False)
        plan = plan_of(session, old_fiscal) or draft
        session.extra["carry"] = {  # bot.dialogue.agency_turns.CARRY: offered after the new draft
            "year": old_fiscal,
            "measures": [m.to_json() for m in plan_measures(plan)],
            "source": "year-record",
            "style": dict(plan.style),
        }
    for name in [k for k in session.extra if k not in OUTLIVE_A_YEAR]:
        session.extra.pop(name)
    session.profile.assessment_year, session.profile.fiscal_year = scores.year, fiscal
    session.scores, session.draft = scores, None
