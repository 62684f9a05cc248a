"""The agency's year record in the session during a turn (issue 16 part 6): scores, plans, progress.

The record is kept in the sessions' database by bot.agency.years.YearStore and read into the
session at the start of each turn, under the session's lock:
* session.extra[YEARS]:    assessment year -> confirmed indicator scores (kept in the session too);
* session.extra[PROGRESS]: fiscal year -> rounds -> rows (kept in the session too: the web editor reads it);
* session.extra[PLANS]:    only during the turn, the plans as published (a Draft's JSON by fiscal
  year) as `Plans`: the years on record, each plan read from the store when the turn first asks for
  it (`plan_of`, `plan_years`, `all_plans`), as a plan is tens of KB and most turns need none.
At the end of the turn what changed is written back (`close_record`), so /new, which empties the
session, empties the record in the same turn. Without a store (tests, tools) the session alone
keeps all three (the plans as a plain {"2568": Draft JSON}).

The plan of a fiscal year is recorded when its Word or Excel file is sent (`published`). Progress
of an earlier plan is still reported, and its 6/12-month reports drawn, from the plan recorded
(`reporting_plan`).
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from bot.agency.plans import PastMeasure
from bot.agency.years import PLAN, PROGRESS, SCORES, Record, YearStore, as_json, by_year, empty
from bot.dialogue.messages import Document
from bot.dialogue.sessions import Session
from bot.drafting.edits import draft_fiscal_year
from bot.ita.measures import Draft
from bot.thai import BE_OFFSET, to_arabic

__all__ = ["Plans", "YearStore", "all_plans", "close_record", "open_record", "plan_of", "reporting_plan"]

log = logging.getLogger(__name__)

YEARS = "agency_years"  # session.extra: {"2567": {"1": 88.5, ...}} the agency's scores by assessment year
PLANS = "agency_plans"  # session.extra, during a turn: {"2568": Draft JSON} the plans as published
PROGRESS_KEY = "progress"  # session.extra: the progress records of every year and round
KEYS = {SCORES: YEARS, PLAN: PLANS, PROGRESS: PROGRESS_KEY}
PLAN_FILES = re.compile(r"^ita-measures-\d+\.(?:docx|xlsx)$")
# A fiscal year named in a message: "2568", "ปีงบ 68", "ปีงบประมาณ พ.ศ. 2568".
_YEAR_4 = re.compile(r"(?<!\d)(25\d\d)(?!\d)")
_YEAR_2 = re.compile(r"ปี(?:งบ(?:ประมาณ)?)?\s*(?:พ\.?\s*ศ\.?)?\s*(\d\d)(?!\d)")


# ------------------------------------------------------------------ loading and writing back
class Plans:
    """The agency's published plans during a turn: the years on record, each read on first use."""

    def __init__(self, store: YearStore, key: str, on_record: list[int], held: dict[int, Any]) -> None:
        self.store, self.key = store, key
        self.on_record = set(on_record)  # stored when the turn began
        self.read: dict[int, Any] = {}  # as read from the store in this turn
        self.plans: dict[int, Any] = dict(held)  # read or recorded in this turn

    def years(self) -> list[int]:
        """Return every fiscal year with a plan (on record or recorded in this turn)."""
        return sorted(self.on_record | set(self.plans))

    def get(self, year: int) -> Any:
        """Return the plan of a fiscal year (read from the store the first time), or None."""
        unread = [year] if year in self.on_record and year not in self.plans else []
        self._read(unread)
        return self.plans.get(year)

    def all(self) -> dict[int, Any]:
        """Return every plan, the unread ones read in one query."""
        self._read([y for y in self.on_record if y not in self.plans])
        return {y: self.plans[y] for y in self.years() if y in self.plans}

    def put(self, year: int, plan: Any) -> None:
        """Record a fiscal year's plan."""
        self.plans[year] = plan

    def _read(self, years: list[int]) -> None:
        found = self.store.read(self.key, PLAN, years)
        self.read.update(found)
        self.plans.update(found)

    def diff(self) -> tuple[dict[int, Any], dict[int, Any]]:
        """Return (before, after) of the plans for YearStore.write: an unread year stands for itself."""
        unread = {y: _UNREAD for y in self.on_record if y not in self.read}
        return {**unread, **self.read}, {**unread, **self.plans}


_UNREAD = object()  # a plan on record that the turn neither read nor replaced: written as it was


def open_record(session: Session, store: YearStore | None) -> Record:
    """Read the scores and progress on record into the session, and which plans are on record (their
    data when asked for); return the record as read (for `close_record`)."""
    if store is None:
        return empty()
    stored = store.load(session.key, (SCORES, PROGRESS))
    for kind in (SCORES, PROGRESS):
        name = KEYS[kind]
        merged = {**by_year(session.extra.get(name)), **stored[kind]}  # a stored year wins
        if merged:
            session.extra[name] = as_json(merged)
    on_record = store.years(session.key, PLAN)
    held = {y: p for y, p in by_year(session.extra.get(PLANS)).items() if y not in on_record}
    session.extra[PLANS] = Plans(store, session.key, on_record, held)  # a stored year wins
    stored[PLAN] = dict.fromkeys(on_record, _UNREAD)  # what an emptied session (/new) erases
    return stored


def close_record(session: Session, store: YearStore | None, stored: Record) -> None:
    """Write back what the turn changed in the record; plans leave the session (the store keeps them)."""
    if store is None:
        return
    plans = session.extra.pop(PLANS, None)
    now = {kind: by_year(session.extra.get(KEYS[kind])) for kind in (SCORES, PROGRESS)}
    before = dict(stored)
    if isinstance(plans, Plans):
        before[PLAN], now[PLAN] = plans.diff()
    else:  # the session was emptied (/new): the plans on record go, a plan recorded since is kept
        now[PLAN] = by_year(plans)
    touched = store.write(session.key, before, now)
    if touched:
        log.info("agency year record: %d year(s) written", touched)


def remember_year(session: Session, year: int | None, indicators: dict[int, float]) -> None:
    """Keep one year's indicator scores in the agency's record (a later reading of a year replaces it)."""
    if not year or not indicators:
        return
    record = dict(session.extra.get(YEARS) or {})
    record[str(year)] = {str(n): v for n, v in sorted(indicators.items())}
    session.extra[YEARS] = record


def scores_before(session: Session, now: int) -> tuple[int, dict[int, float]] | None:
    """Return the latest recorded assessment year before `now` and its scores, if any."""
    years = by_year(session.extra.get(YEARS))
    earlier = [y for y in years if y < now]
    if not earlier:
        return None
    year = max(earlier)
    return year, {int(k): float(v) for k, v in years[year].items()}


# ------------------------------------------------------------------ plans
def keep_plan(session: Session, draft: Draft, *, replace: bool = True) -> int | None:
    """Record the draft as its fiscal year's plan (`replace=False`: only if none is recorded)."""
    year = draft_fiscal_year(draft)
    if not year:
        return None
    if not replace and year in plan_years(session):
        return year
    held = session.extra.get(PLANS)
    if isinstance(held, Plans):
        held.put(year, draft.model_dump(mode="json"))
    else:
        session.extra[PLANS] = {**(held or {}), str(year): draft.model_dump(mode="json")}
    return year


def plan_years(session: Session) -> list[int]:
    """Return the fiscal years with a recorded plan (no plan is read)."""
    held = session.extra.get(PLANS)
    return held.years() if isinstance(held, Plans) else sorted(by_year(held))


def plan_of(session: Session, year: int | None) -> Draft | None:
    """Return the recorded plan of a fiscal year, if any (read from the store on first use)."""
    held = session.extra.get(PLANS)
    stored = held.get(year or 0) if isinstance(held, Plans) else by_year(held).get(year or 0)
    return Draft.model_validate(stored) if isinstance(stored, dict) else None


def all_plans(session: Session) -> dict[int, Draft]:
    """Return every recorded plan by fiscal year (read in one go: the export before /new)."""
    held = session.extra.get(PLANS)
    stored = held.all() if isinstance(held, Plans) else by_year(held)
    return {y: Draft.model_validate(p) for y, p in sorted(stored.items()) if isinstance(p, dict)}


def published(session: Session, documents: list[Document]) -> None:
    """After a turn that sent the plan's Word or Excel: record the draft as its fiscal year's plan."""
    if session.draft is not None and any(PLAN_FILES.match(d.filename) for d in documents):
        keep_plan(session, session.draft)


def named_year(text: str) -> int | None:
    """Return the B.E. year a message names ("ปีงบประมาณ 2568", "ปีงบ 68"), if one."""
    flat = to_arabic(text)
    found = _YEAR_4.findall(flat) or [f"25{y}" for y in _YEAR_2.findall(flat)]
    return int(found[-1]) if found else None


def reporting_plan(session: Session, text: str, today: date | None = None) -> Draft | None:
    """The plan progress is reported on: the fiscal year named, else this draft's; but while this
    draft's fiscal year has not begun, the latest recorded plan before it (its rounds are still due)."""
    draft = session.draft
    year = named_year(text)
    current = draft_fiscal_year(draft) if draft is not None else None
    if year and year != current:
        found = plan_of(session, year)
        if found is not None:
            return found
    if draft is None or not current:
        return draft
    begins = date(current - BE_OFFSET - 1, 10, 1)  # fiscal year N runs from 1 October of N-1
    if (today or date.today()) < begins and not (year and year == current):
        earlier = [y for y in plan_years(session) if y < current]
        if earlier:
            return plan_of(session, max(earlier))
    return draft


_MARK = re.compile(r"\s*\(มาตรการต่อเนื่อง[^)]*\)")


def plan_measures(plan: Draft) -> list[PastMeasure]:
    """The plan's rows as measures to offer forward (a measure said twice is offered once)."""
    seen: set[tuple[int, str]] = set()
    found = []
    for row in plan.rows:
        title = _MARK.sub("", row.measure).strip()
        if not title or (row.indicator, title) in seen:
            continue
        seen.add((row.indicator, title))
        found.append(PastMeasure(row.indicator, title, tuple(row.steps), tuple(row.owners)))
    return found
