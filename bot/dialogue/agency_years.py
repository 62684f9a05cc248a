"""Next year started from this one (issue 16 part 6): a later year's scores sent after the draft.

Scores of a later assessment year than the draft's (typed, or a result page sent as a file) ask
whether to start the next year's plan from them. On the officer's yes this year's draft is kept as
its fiscal year's plan in the year record (bot.dialogue.year_record), the new scores go to the
confirmation, last year's scores feed the trend, and the plan's measures are offered forward
("ต่อยอด", bot.dialogue.agency_turns) once the new draft is made: no file is sent again.

Before /new erases the record, `export_years` sends every year it holds: each plan as published
(Word, Excel) and its 6- and 12-month reports with the progress recorded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from bot import wording as w
from bot.dialogue.command_words import is_confirm
from bot.dialogue.context import Context
from bot.dialogue.files import DOCX, XLSX
from bot.dialogue.messages import Choice, Document
from bot.dialogue.ports import Exporters
from bot.dialogue.progress_reports import progress_of
from bot.dialogue.sessions import Session
from bot.dialogue.states import scores_or_confirmation
from bot.dialogue.understand import Kind, bare, is_no
from bot.dialogue.year_record import (
    PLANS,
    PROGRESS_KEY,
    YEARS,
    all_plans,
    keep_plan,
    plan_measures,
    plan_of,
    remember_year,
    scores_before,
)
from bot.drafting.edits import draft_fiscal_year, number_rows
from bot.ita.measures import Draft
from bot.ita.progress import ROUNDS, Progress
from bot.scores import ScoreSet

log = logging.getLogger(__name__)

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


# ------------------------------------------------------------------ every year, before /new
def export_years(ctx: Context) -> None:
    """Send every year the record holds, beside what the reply already carries: each plan as published
    (this draft for its own fiscal year), Word and Excel, and its 6- and 12-month reports."""
    session, turn = ctx.session, ctx.turn
    plans = all_plans(session)
    current = draft_fiscal_year(session.draft) if session.draft is not None else None
    if session.draft is not None and current:
        plans[current] = session.draft  # the latest of its year
    progress = progress_of(session.extra)
    sent, failed, years = [], [], []
    for year, plan in sorted(plans.items()):
        have = {d.filename for d in turn.reply.documents}
        for doc_name, render in _year_files(ctx.exports, year, plan, progress).items():
            if doc_name in have:
                continue
            try:
                turn.reply.documents.append(render())
            except Exception as exc:  # one file failed: the others still go out, and the officer is told
                log.warning("export before /new failed (%s)", type(exc).__name__)
                failed.append(doc_name)
                continue
            sent.append(doc_name)
            if year not in years:
                years.append(year)
    turn.reply.slow = True
    if sent:
        turn.say(w.NEW_EXPORTED_YEARS.format(years=", ".join(map(str, years)), files=", ".join(sent)))
    if failed:
        turn.say(w.NEW_EXPORT_FAILED.format(files=", ".join(failed)))


def _year_files(
    exports: Exporters, year: int, plan: Draft, progress: Progress
) -> dict[str, Callable[[], Document]]:
    """One year's files by name, each rendered only when called."""
    numbered = number_rows(plan)  # progress is recorded by the numbers the chat shows

    def chart() -> bytes | None:
        try:
            return exports.render_chart(plan)
        except Exception:  # a chart is a nicety: the plan still goes out without it
            return None

    files: dict[str, Callable[[], Document]] = {
        f"ita-measures-{year}.docx": lambda: Document(
            f"ita-measures-{year}.docx", exports.render_docx(plan, chart()), DOCX, w.WORD_CAPTION
        ),
        f"ita-measures-{year}.xlsx": lambda: Document(
            f"ita-measures-{year}.xlsx", exports.render_xlsx(plan), XLSX, w.EXCEL_CAPTION
        ),
    }
    for m in ROUNDS:
        records = progress.round(year, m)
        for kind, render, mime, caption in (
            ("docx", exports.render_report_docx, DOCX, w.REPORT_CAPTION),
            ("xlsx", exports.render_report_xlsx, XLSX, w.REPORT_XLSX_CAPTION),
        ):
            name = f"ita-report-{m}m-{year}.{kind}"
            files[name] = partial(_report, name, render, numbered, m, records, mime, caption.format(months=m))
    return files


def _report(
    name: str,
    render: Callable[[Draft, int, Any], bytes],
    plan: Draft,
    months: int,
    records: Any,
    mime: str,
    caption: str,
) -> Document:
    return Document(name, render(plan, months, records), mime, caption)
