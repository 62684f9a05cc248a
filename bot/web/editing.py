"""A page edit applied to the session draft, through the same validation as chat edits.

Owners, steps, the measure, the KPI and the timeline become the very EditCommands a chat
message would (bot.drafting.edits.apply): owners named inside steps follow, a timeline
is read by the chat's period reader and refused outside the fiscal year. The other
cells (topic, analysis, monitoring, reporting) are checked by the MeasureRow model, as
apply() re-validates every row. A form names the draft version it was made from (the
draft's fingerprint, bot.drafting.edit_history): if the draft changed since, in chat or
another tab, nothing is written and the officer is told, so no edit is silently lost.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from pydantic import ValidationError

from bot import wording as w
from bot.drafting.edit_history import fingerprint, remember, undo
from bot.drafting.edits import (
    EditAction,
    EditCommand,
    EditError,
    EditNeedsConfirm,
    Redraft,
    apply,
    draft_fiscal_year,
    number_rows,
)
from bot.ita.measures import Draft, MeasureRow
from bot.thai import clean_display, fiscal_month_iso, format_period, month_short

# The same cap as a chat edit's value (bot.drafting.edit_grammar.MAX_VALUE).
MAX_FIELD = 2000
MAX_ITEMS = 30  # steps or owners in one cell
# Cells without their own chat edit: checked by the MeasureRow model (non-empty).
PLAIN_FIELDS = ("topic", "analysis", "monitoring", "reporting")


class Conflict(Exception):
    """The draft changed since the page was loaded."""


@dataclass
class RowForm:
    """One row's cells as the page sent them (already stripped)."""

    number: int
    measure: str = ""
    kpi: str = ""
    topic: str = ""
    analysis: str = ""
    monitoring: str = ""
    reporting: str = ""
    steps: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    start_month: str = ""
    end_month: str = ""


@dataclass(frozen=True)
class Outcome:
    """A page edit's result: the new draft, the Thai summary for the chat, the fields changed."""

    draft: Draft
    summary: str
    changed: tuple[str, ...] = ()


def version(draft: Draft | None) -> str:
    """Return the draft's version as the page carries it (of the numbered draft, as the page shows it)."""
    return fingerprint(number_rows(draft)) if draft is not None else ""


def check_version(draft: Draft | None, seen: str) -> Draft:
    """Return the draft if it is still the version the page saw, else raise Conflict."""
    if draft is None or seen != version(draft):
        raise Conflict
    return number_rows(draft)


def fiscal_months(draft: Draft) -> list[tuple[str, str]]:
    """Return the fiscal year's 12 months as (ISO month, Thai label), October first."""
    fy = draft_fiscal_year(draft)
    if not fy:
        return []
    return [(iso, month_short(iso)) for iso in (fiscal_month_iso(fy, m) for m in range(1, 13))]


def _clean(text: str) -> str:
    return clean_display(text).strip()[:MAX_FIELD]


def _items(values: list[str]) -> list[str]:
    return [v for v in (_clean(x) for x in values) if v][:MAX_ITEMS]


def _row(draft: Draft, number: int) -> MeasureRow:
    for row in draft.rows:
        if row.number == number:
            return row
    raise EditError(w.EDITOR_NO_ROW.format(number=number))


# The cells a row form carries, each compared as the page sent it and as it was shown.
FORM_FIELDS = (
    "topic",
    "analysis",
    "measure",
    "monitoring",
    "reporting",
    "kpi",
    "steps",
    "owners",
    "timeline",
)


def _cell(source: RowForm | MeasureRow, name: str) -> object:
    if name == "timeline":
        return [source.start_month, source.end_month]
    if name in ("steps", "owners"):
        return _items(getattr(source, name))
    return _clean(getattr(source, name))


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def base_of(row: MeasureRow) -> str:
    """Return the digests of a row's cells as shown (the form carries them back as `base`)."""
    return ".".join(_digest(_cell(row, name)) for name in FORM_FIELDS)


def touched(form: RowForm, base: str) -> RowForm:
    """Return the form with only the cells the officer changed since the page was shown; the rest empty.

    On a conflict the latest row is shown with these cells laid over it, so saving again changes
    only what the officer typed and never puts back what the chat changed meanwhile.
    """
    shown = base.split(".")
    kept = RowForm(number=form.number, steps=[], owners=[])
    for i, name in enumerate(FORM_FIELDS):
        if i < len(shown) and shown[i] == _digest(_cell(form, name)):
            continue
        if name == "timeline":
            kept.start_month, kept.end_month = form.start_month, form.end_month
        else:
            setattr(kept, name, getattr(form, name))
    return kept


def save_row(draft: Draft, form: RowForm) -> Outcome:
    """Apply every changed cell of one row; all or nothing (an EditError names the first bad cell)."""
    draft = number_rows(draft)
    old = _row(draft, form.number)
    new = draft
    changed: list[str] = []

    def command(action: EditAction, value: str) -> None:
        nonlocal new
        new = apply(new, EditCommand(action, "row", form.number, value=value)).draft

    owners, steps = _items(form.owners), _items(form.steps)
    if owners != old.owners:
        if not owners:
            raise EditError(w.EDITOR_EMPTY.format(field=w.EDITOR_FIELD_NAMES["owners"]))
        command(EditAction.OWNERS, "\n".join(owners))
        changed.append("owners")
    if steps != old.steps:  # after owners: the officer's own steps win over names that followed
        if not steps:
            raise EditError(w.EDITOR_EMPTY.format(field=w.EDITOR_FIELD_NAMES["steps"]))
        command(EditAction.STEPS, "\n".join(steps))
        changed.append("steps")
    if (form.start_month, form.end_month) != (old.start_month, old.end_month):
        months = dict(fiscal_months(draft))
        if form.start_month not in months or form.end_month not in months:
            raise EditError(w.EDITOR_BAD_MONTH)
        # Read as the chat reads "ต.ค. 68 – มี.ค. 69": a range backwards or outside the year is refused there.
        command(EditAction.TIMELINE, format_period(form.start_month, form.end_month))
        changed.append("timeline")
    for name, action in (("measure", EditAction.MEASURE), ("kpi", EditAction.KPI)):
        value = _clean(getattr(form, name))
        if value != getattr(old, name):
            if not value:
                raise EditError(w.EDITOR_EMPTY.format(field=w.EDITOR_FIELD_NAMES[name]))
            command(action, value)
            changed.append(name)
    plain = {n: _clean(getattr(form, n)) for n in PLAIN_FIELDS if _clean(getattr(form, n)) != getattr(old, n)}
    if plain:
        rows = list(new.rows)
        i = next(k for k, r in enumerate(rows) if r.number == form.number)
        empty = next((n for n, v in plain.items() if not v and n != "topic"), None)
        if empty:
            raise EditError(w.EDITOR_EMPTY.format(field=w.EDITOR_FIELD_NAMES[empty]))
        try:
            rows[i] = MeasureRow.model_validate({**rows[i].model_dump(), **plain, "edited": True})
        except ValidationError:
            raise EditError(w.EDITOR_INVALID) from None
        new = new.model_copy(update={"rows": rows})
        changed += list(plain)
    names = ", ".join(w.EDITOR_FIELD_NAMES[n] for n in changed)
    return Outcome(new, w.EDITOR_SAVED_ROW.format(number=form.number, fields=names), tuple(changed))


def row_action(draft: Draft, number: int, action: str) -> Outcome:
    """Delete, move up, move down, or add a row after `number` (a copy to edit)."""
    draft = number_rows(draft)
    row = _row(draft, number)
    rows = list(draft.rows)
    at = rows.index(row)
    if action == "delete":
        done = apply(draft, EditCommand(EditAction.DELETE, "row", number))
        return Outcome(done.draft, w.EDITOR_DELETED_ROW.format(number=number), ("delete",))
    if action in ("up", "down"):
        to = at - 1 if action == "up" else at + 1
        if not 0 <= to < len(rows):
            raise EditError(w.EDITOR_CANNOT_MOVE)
        rows[at], rows[to] = rows[to], rows[at]
        return Outcome(draft.model_copy(update={"rows": rows}), w.EDITOR_MOVED_ROW.format(number=number))
    if action == "add":
        copy = row.model_copy(update={"number": None, "edited": True})
        rows.insert(at + 1, copy)
        new = number_rows(draft.model_copy(update={"rows": rows}), after=draft)
        added = new.rows[at + 1].number
        return Outcome(new, w.EDITOR_ADDED_ROW.format(number=added, source=number), ("add",))
    raise EditError(w.EDITOR_INVALID)


class NeedsConfirm(Exception):
    """Redrafting would discard the officer's own edits of these rows: ask on the page first."""

    def __init__(self, indicator: int, numbers: list[int]) -> None:
        super().__init__(indicator, numbers)
        self.indicator = indicator
        self.numbers = numbers


def redraft_row(draft: Draft, number: int, redraft: Redraft | None, *, force: bool) -> Outcome:
    """Redraft the rows of row `number`'s indicator from the engine, as chat's "ร่างแถว 3 ใหม่" does.

    The same bot.drafting.edits.apply: rows the officer edited are not replaced unless `force`
    (the page asked and the officer confirmed); NeedsConfirm names them.
    """
    draft = number_rows(draft)
    row = _row(draft, number)
    try:
        done = apply(draft, EditCommand(EditAction.REDRAFT, "row", number), redraft=redraft, force=force)
    except EditNeedsConfirm:
        edited = [r.number or 0 for r in draft.rows if r.indicator == row.indicator and r.edited]
        raise NeedsConfirm(row.indicator, edited) from None
    return Outcome(done.draft, done.text, ("redraft",))


def record(extra: dict, before: Draft, after: Draft, history_key: str) -> None:
    """Remember the change for undo, in the same history chat's "ย้อนกลับ" uses."""
    extra[history_key] = remember(extra.get(history_key), before, after)


def undo_last(draft: Draft, extra: dict, history_key: str) -> Outcome:
    """Return the draft before the last change (page or chat), or raise EditError when there is none."""
    previous, history, stale = undo(extra.get(history_key), draft)
    if previous is None:
        extra[history_key] = history
        raise EditError(w.EDITOR_UNDO_STALE if stale else w.EDITOR_UNDO_NONE)
    extra[history_key] = history
    return Outcome(previous, w.EDITOR_UNDONE)
