"""Last year's measures carried forward onto this year's draft ("ต่อยอด"): keep, revise or drop.

A measure kept (or kept with new wording) is marked as continued in the new draft: when a row
of the same indicator already says the same thing (most of the shorter title's words are in the
other), that row is marked; otherwise the measure becomes a new row under its indicator, with
last year's steps and owners when the plan printed them, and this year's row's otherwise. The
new row gets the next row number, so references to the other rows keep naming the same rows.
A dropped measure changes nothing.
"""

from __future__ import annotations

from bot import wording as w
from bot.agency.plans import PastMeasure
from bot.ita.measures import Draft, MeasureRow, Source
from bot.ita.tiers import Thresholds
from bot.thai import tokenize

SAME_MEASURE = 0.6  # this share of the shorter title's words in the other: the same measure
MAX_STEPS = 6


def similarity(a: str, b: str) -> float:
    """Return the share of the shorter text's words that the other text holds (0..1)."""
    words_a, words_b = set(tokenize(a)), set(tokenize(b))
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def mark(year: int | None) -> str:
    """Return the words that mark a measure as continued from last year's plan."""
    return w.CONTINUED_MARK.format(year=year) if year else w.CONTINUED_MARK_NO_YEAR


def is_marked(measure: str) -> bool:
    """Tell whether a row's measure is already marked as continued."""
    return "มาตรการต่อเนื่อง" in measure


def _year_text(year: int | None) -> str:
    return w.AGENCY_PLAN_YEAR.format(year=year) if year else ""


def same_row(draft: Draft, measure: PastMeasure) -> MeasureRow | None:
    """Return the draft's row of the same indicator that says the same measure, if one does."""
    best, best_share = None, 0.0
    for row in draft.rows:
        if row.indicator != measure.indicator:
            continue
        share = similarity(measure.title, row.measure)
        if share > best_share:
            best, best_share = row, share
    return best if best_share >= SAME_MEASURE else None


def carry(draft: Draft, measure: PastMeasure, year: int | None, title: str = "") -> tuple[Draft, int, bool]:
    """Return the draft with `measure` kept (with `title` as its new wording, if given).

    Returns (draft, the row number marked or added, True when a row was added).
    """
    wording = " ".join((title or measure.title).split())
    rows = list(draft.rows)
    same = same_row(draft, measure) if not title else None
    if same is not None:
        at = rows.index(same)
        marked = same.measure if is_marked(same.measure) else f"{same.measure} {mark(year)}"
        rows[at] = same.model_copy(update={"measure": marked, "edited": True})
        return draft.model_copy(update={"rows": rows}), same.number or at + 1, False
    number = draft.last_row_number + 1
    row = _new_row(draft, measure, year, f"{wording} {mark(year)}", number)
    last = max((i for i, r in enumerate(rows) if r.indicator <= measure.indicator), default=-1)
    rows.insert(last + 1, row)
    return draft.model_copy(update={"rows": rows, "last_row_number": number}), number, True


def _new_row(draft: Draft, measure: PastMeasure, year: int | None, text: str, number: int) -> MeasureRow:
    """A row for a kept measure: this year's row of its indicator lends the dates, owners and KPI."""
    like = next((r for r in draft.rows if r.indicator == measure.indicator and not r.items), None)
    like = like or next((r for r in draft.rows if r.indicator == measure.indicator), None)
    like = like or draft.rows[0]
    score = draft.indicators.get(measure.indicator)
    tier = Thresholds(*draft.thresholds).tier(score) if score is not None else like.tier
    steps = [s for s in measure.steps if s][:MAX_STEPS] or [w.CARRIED_STEP]
    return MeasureRow(
        indicator=measure.indicator,
        items=[],
        score=score,
        tier=tier,
        topic=like.topic if like.indicator == measure.indicator else "",
        analysis=w.CARRIED_ANALYSIS.format(year=_year_text(year)),
        measure=text,
        steps=steps,
        owners=list(measure.owners) or list(like.owners),
        timeline=like.timeline,
        start_month=like.start_month,
        end_month=like.end_month,
        monitoring=like.monitoring,
        reporting=like.reporting,
        kpi=like.kpi,
        sources=[Source(source=w.CARRIED_SOURCE.format(year=_year_text(year)), text=measure.title)],
        number=number,
        edited=True,
    )
