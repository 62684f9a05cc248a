"""The agency's own documents in the conversation (issue 16, parts 3-4).

- Every search of a turn runs in the agency's private scope (`ScopedRetriever`, `ScopedDrafter`):
  its own uploads are found beside the shared knowledge, another agency's never.
- A document sent in chat that is not a result page (bot.agency.plans.is_document) is indexed in
  that scope (the Library port); a plan among them is read (bot.agency.plans.read_plan) and its
  measures are kept to offer forward. Scores printed in it for an earlier year join the agency's
  year record; a result page of an earlier year does too (it is never taken as this year's).
- The year record (bot.dialogue.agency_years: scores by assessment year, plans and progress by fiscal
  year, in the sessions' database) keeps each drafted year's confirmed scores; a draft takes the
  year before its own from it when the officer typed none, and a plan sent as a file is recorded.
- After a draft is made (or a plan arrives after it), last year's measures are offered forward
  one at a time ("ต่อยอด": keep, revise or drop, by button or typed), and each kept measure is
  marked as continued in the new draft (bot.agency.carry).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from datetime import date

from bot import wording as w
from bot.agency.carry import carry
from bot.agency.plans import PastMeasure, is_document, read_plan
from bot.agency.scope import agency_scope
from bot.agency.years import Record, YearStore
from bot.dialogue import render as say
from bot.dialogue.agency_years import next_year_from_file
from bot.dialogue.context import PREVIOUS_SCORES, Context
from bot.dialogue.file_words import carry_answer
from bot.dialogue.messages import Choice
from bot.dialogue.ports import Drafter, Library, Retriever
from bot.dialogue.sessions import Session
from bot.dialogue.understand import Kind, read_scores
from bot.dialogue.year_record import close_record, open_record, published, remember_year, scores_before
from bot.drafting.edits import number_rows
from bot.drafting.engine import DraftRequest
from bot.drafting.style import extract_style
from bot.ita.measures import Draft
from bot.scores import ScoreSet
from bot.search.documents import UnreadableDocument
from bot.search.retrieve import Passage
from bot.thai import format_thai_date

log = logging.getLogger(__name__)

CARRY = "carry"  # session.extra: last year's plan to offer forward, and how far the offer has gone
SCORES_CHARS = 20000  # a document's scores are read from its first pages (where the results table is)


# ------------------------------------------------------------------ the agency's private scope
class ScopedRetriever:
    """The turn's retriever: every search in the agency's private scope."""

    def __init__(self, inner: Retriever, scope: str) -> None:
        self.inner = inner
        self.scope = scope

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        indicator: int | None = None,
        item: str | None = None,
        year: int | None = None,
        kind: str | None = None,
        scope: str = "",
    ) -> list[Passage]:
        """Return the k best passages of the shared knowledge and this agency's own documents."""
        del scope  # the turn's agency decides, never the caller
        return self.inner.search(
            query, k, indicator=indicator, item=item, year=year, kind=kind, scope=self.scope
        )


class ScopedDrafter:
    """The turn's drafter: drafts in the agency's scope, with last year's scores from its record."""

    def __init__(self, inner: Drafter, session: Session, years: YearStore | None = None) -> None:
        self.inner = inner
        self.session = session
        self.drafted = False  # a whole new draft was made in this turn
        self.years = years  # the year record's store (None: the session alone keeps the record)
        self.record: Record = open_record(session, years)  # the record as read, for after_turn

    def request(self, request: DraftRequest) -> DraftRequest:
        """Return the request in this agency's scope, with the previous assessment filled in if known."""
        previous, year = dict(request.previous), None
        kept = self.session.extra.get(PREVIOUS_SCORES)
        if previous and isinstance(kept, dict):
            year = kept.get("year") if isinstance(kept.get("year"), int) else None
        now = request.profile.assessment_year or request.scores.year
        if not previous and now:
            before = scores_before(self.session, now)
            if before is not None:
                year, previous = before
        if year is None and previous and now:
            year = now - 1
        carried = self.session.extra.get(CARRY)
        # the forms of the agency's own past plan (heading, periods, numbering, digits, owners), if sent
        style = carried.get("style") if isinstance(carried, dict) else None
        return replace(
            request,
            scope=agency_scope(self.session.key),
            previous=previous,
            previous_year=year,
            style=dict(style) if isinstance(style, dict) else dict(request.style),
        )

    def draft(self, request: DraftRequest) -> Draft:
        """Draft in the agency's scope."""
        self.drafted = True
        return self.inner.draft(self.request(request))

    def redraft_indicator(self, draft: Draft, request: DraftRequest, indicator: int) -> Draft:
        """Redraft one indicator in the agency's scope."""
        return self.inner.redraft_indicator(draft, self.request(request), indicator)


def scoped(
    retriever: Retriever | None, drafter: Drafter, session: Session, years: YearStore | None = None
) -> tuple[Retriever | None, ScopedDrafter]:
    """Return the turn's retriever and drafter in the session's agency scope (its year record read)."""
    scope = agency_scope(session.key)
    return (ScopedRetriever(retriever, scope) if retriever is not None else None), ScopedDrafter(
        drafter, session, years
    )


# ------------------------------------------------------------------ the year record
def after_turn(ctx: Context, drafter: ScopedDrafter) -> None:
    """After the step's handler: keep a drafted year's scores and a published plan; offer last year's
    plan on a new draft; write the year record back."""
    session = ctx.session
    if session.draft is not None and session.scores is not None and session.scores.indicators:
        remember_year(
            session, session.draft.assessment_year or session.scores.year, session.scores.indicators
        )
    published(session, ctx.turn.reply.documents)
    plan = session.extra.get(CARRY)
    if drafter.drafted and session.draft is not None and isinstance(plan, dict) and plan.get("measures"):
        offer(ctx)
    close_record(session, drafter.years, drafter.record)


def _current_year(ctx: Context) -> int | None:
    scores = ctx.session.scores
    return ctx.profile.assessment_year or (scores.year if scores is not None else None)


# ------------------------------------------------------------------ a file sent in chat
def take_file(ctx: Context, library: Library | None, text: str) -> bool:
    """Answer a file that is a document, or a result page of an earlier year; False: read it as scores."""
    plan = read_plan(text, ctx.fw)
    if plan is None and not is_document(text):
        return _earlier_result(ctx) or next_year_from_file(ctx)
    if library is None:
        ctx.say(w.AGENCY_NO_LIBRARY)
        _restate(ctx)
        return True
    scope = agency_scope(ctx.session.key)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    name = w.AGENCY_DOC_NAME.format(when=format_thai_date(date.today()))
    try:
        status = library.keep(scope, digest, name, text)
    except UnreadableDocument as exc:
        ctx.say(w.AGENCY_DOC_FAILED.format(reason=str(exc)))
        _restate(ctx)
        return True
    log.info("an agency document was kept (%s, %d chars)", status, len(text))
    ctx.say((w.AGENCY_DOC_SAME if status == "unchanged" else w.AGENCY_DOC_KEPT).format(name=name))
    _document_scores(ctx, text)
    if plan is None:
        _restate(ctx)
        return True
    year_text = w.AGENCY_PLAN_YEAR.format(year=plan.year) if plan.year else ""
    ctx.say(w.AGENCY_PLAN_FOUND.format(year=year_text, count=len(plan.measures)))
    # The plan's own forms are kept beside its measures: the next draft is printed in them
    # (AgencyTurns.request). "source" names the indexed copy of the text.
    ctx.session.extra[CARRY] = {
        "year": plan.year,
        "measures": [m.to_json() for m in plan.measures],
        "source": f"{scope}:{digest}",
        "style": extract_style(text).as_dict(),
    }
    if ctx.session.draft is not None and ctx.session.state == "drafted":
        offer(ctx)
    else:
        ctx.say(w.AGENCY_PLAN_LATER)
        _restate(ctx)
    return True


def _restate(ctx: Context) -> None:
    if ctx.session.state:
        ctx.restate()


def _document_scores(ctx: Context, text: str) -> None:
    """Keep the scores a document prints for an earlier year than this one in the year record."""
    parsed = read_scores(text[:SCORES_CHARS], ctx.fw)
    result = parsed.scores
    if result is None:
        return
    now = _current_year(ctx)
    for found in (result.scores, result.previous):
        if found is None or not found.indicators or not found.year:
            continue
        if now is None or found.year < now:
            remember_year(ctx.session, found.year, found.indicators)
            if now is not None:
                ctx.say(w.AGENCY_PREVIOUS_KEPT.format(year=found.year, count=len(found.indicators)))


def _earlier_result(ctx: Context) -> bool:
    """A result page of an earlier year, once this year's scores are in: kept as last year's.

    Before this year's scores a page is read as them, with the profile's year (as typed scores are).
    """
    parsed = ctx.parsed
    found: ScoreSet | None = parsed.scores.scores if parsed.scores is not None else None
    now = _current_year(ctx)
    have = ctx.session.scores is not None and bool(ctx.session.scores.indicators)
    if (
        not have
        or parsed.kind is not Kind.SCORES
        or found is None
        or not found.indicators
        or not found.year
        or now is None
    ):
        return False
    if found.year >= now:
        return False
    remember_year(ctx.session, found.year, found.indicators)
    ctx.say(w.AGENCY_PREVIOUS_KEPT.format(year=found.year, count=len(found.indicators)))
    _restate(ctx)
    return True


# ------------------------------------------------------------------ last year's measures offered forward
def carry_choices() -> list[Choice]:
    """Return the buttons of one measure offered forward."""
    return [
        Choice(w.CARRY_KEEP_LABEL, w.CARRY_KEEP_LABEL),
        Choice(w.CARRY_REVISE_LABEL, w.CARRY_REVISE_LABEL),
        Choice(w.CARRY_DROP_LABEL, w.CARRY_DROP_LABEL),
        Choice(w.CARRY_ALL_LABEL, w.CARRY_ALL_LABEL),
        Choice(w.CARRY_STOP_LABEL, w.CARRY_STOP_LABEL),
    ]


def offer(ctx: Context) -> None:
    """Start offering last year's measures forward, from the first one."""
    plan = ctx.session.extra[CARRY]
    plan.update({"at": 0, "kept": 0, "revised": 0, "dropped": 0, "revising": False})
    year = plan.get("year")
    year_text = w.AGENCY_PLAN_YEAR.format(year=year) if year else ""
    ctx.say(w.CARRY_INTRO.format(year=year_text, count=len(plan["measures"])))
    _ask(ctx, plan)


def _ask(ctx: Context, plan: dict) -> None:
    at, measures = plan["at"], plan["measures"]
    measure = PastMeasure.from_json(measures[at])
    ctx.say(
        w.CARRY_ASK.format(
            at=at + 1,
            count=len(measures),
            indicator=measure.indicator,
            indicator_name=ctx.indicator_name(measure.indicator),
            title=measure.title,
        ),
        choices=carry_choices(),
    )


def open_offer(session: Session) -> dict | None:
    """Return the offer in progress (a measure waiting for its answer), else None."""
    plan = session.extra.get(CARRY)
    if not isinstance(plan, dict) or "at" not in plan or session.draft is None or session.state != "drafted":
        return None
    return plan if plan["at"] < len(plan.get("measures", [])) else None


def answer_offer(ctx: Context) -> bool:
    """Apply the officer's answer to the measure offered forward; False: the message is no such answer."""
    plan = open_offer(ctx.session)
    if plan is None:
        return False
    text = ctx.turn.text.strip()
    if plan.get("revising") and ctx.parsed.kind is not Kind.COMMAND and text:
        answer: tuple[str, str] | None = ("revise", text)
    elif ctx.parsed.kind in (Kind.COMMAND, Kind.EDIT, Kind.SCORES, Kind.CORRECTION):
        return False
    else:
        answer = carry_answer(text)
    if answer is None:
        return False
    kind, wording = answer
    if kind == "revise" and not wording:
        plan["revising"] = True
        measure = PastMeasure.from_json(plan["measures"][plan["at"]])
        ctx.say(w.CARRY_REVISE_ASK.format(title=measure.title))
        return True
    plan["revising"] = False
    if kind == "all":
        while plan["at"] < len(plan["measures"]):
            _keep(ctx, plan, "")
    elif kind == "stop":
        plan["dropped"] += len(plan["measures"]) - plan["at"]
        plan["at"] = len(plan["measures"])
    elif kind == "drop":
        plan["dropped"] += 1
        plan["at"] += 1
        ctx.say(w.CARRY_DROPPED)
    else:
        _keep(ctx, plan, wording if kind == "revise" else "")
    if plan["at"] < len(plan["measures"]):
        _ask(ctx, plan)
    else:
        ctx.say(
            w.CARRY_DONE.format(kept=plan["kept"], revised=plan["revised"], dropped=plan["dropped"]),
            choices=say.export_choices(),
        )
    return True


def _keep(ctx: Context, plan: dict, wording: str) -> None:
    """Carry the measure in hand onto the draft (marked as continued) and move to the next."""
    session = ctx.session
    if session.draft is None:  # open_offer checked; a guard for mypy
        return
    measure = PastMeasure.from_json(plan["measures"][plan["at"]])
    draft, row, added = carry(number_rows(session.draft), measure, plan.get("year"), wording)
    session.draft = draft
    plan["at"] += 1
    if wording:
        plan["revised"] += 1
        ctx.say(w.CARRY_REVISED.format(row=row, title=wording))
    else:
        plan["kept"] += 1
        ctx.say((w.CARRY_ADDED if added else w.CARRY_MARKED).format(row=row))
