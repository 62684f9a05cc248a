"""The edit grammar officers type to change a drafted measure table.

Parsing is pure (text -> EditCommand) so that the grammar can be tested as a
table; applying returns a new Draft and never mutates the one passed in, so a
failed edit leaves the stored draft exactly as it was. The grammar is
documented in docs/conversation.md; keep the two in step.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot import wording
from bot.ita.measures import Draft, MeasureRow
from bot.thai import BE_OFFSET, MONTHS, MONTHS_ABBR, clean_display, to_arabic

# An edit's text goes into one table cell; longer text is a paste gone wrong, not a cell.
MAX_VALUE = 2000
# The grammar is read without the framework, so it checks indicator numbers against the
# assessment's count (10 since 2561); apply_edit then finds only indicators the draft has.
LAST_INDICATOR = 10
# A row number or an indicator number is one or two digits.
_NUMBER_DIGITS = 2

EXAMPLES = wording.EDIT_EXAMPLES


class EditError(ValueError):
    """An edit that was recognised but cannot be applied; the message is Thai and says what to send."""


class EditAction(enum.Enum):
    OWNERS = "owners"
    TIMELINE = "timeline"
    ADD_STEP = "add_step"
    DELETE = "delete"
    REDRAFT = "redraft"
    MEASURE = "measure"
    KPI = "kpi"


@dataclass(frozen=True)
class EditCommand:
    """One parsed edit: what to change, in which row(s), to what."""

    action: EditAction
    target: str  # "row" | "indicator"
    number: int
    value: str = ""

    def where_th(self) -> str:
        """Return the target in Thai, e.g. "แถว 3" or "ตัวชี้วัดที่ 9"."""
        where = wording.EDIT_WHERE_ROW if self.target == "row" else wording.EDIT_WHERE_INDICATOR
        return where.format(number=self.number)


@dataclass(frozen=True)
class Period:
    """A timeline inside one fiscal year."""

    start_month: str  # ISO YYYY-MM, Gregorian
    end_month: str
    label: str  # Thai B.E., e.g. "ต.ค. 68 – มี.ค. 69"


def examples_th() -> str:
    """Return the edit examples as a bulleted Thai list."""
    return "\n".join(wording.EDIT_EXAMPLE_LINE.format(example=e) for e in EXAMPLES)


# ---------------------------------------------------------------- parsing
_TARGET = rf"(?P<kind>แถว|ตัวชี้วัด)\s*(?:ที่)?\s*(?P<num>\d{{1,{_NUMBER_DIGITS}}})"
_SEP = r"\s*(?:เป็น|:|=|->|→)\s*"
_EDIT = r"แก้(?:ไข)?\s*"
_PATTERNS: tuple[tuple[EditAction, re.Pattern[str]], ...] = tuple(
    (action, re.compile(pattern, re.S))
    for action, pattern in (
        (EditAction.OWNERS, rf"^{_EDIT}ผู้รับผิดชอบ\s*{_TARGET}{_SEP}(?P<value>.+)$"),
        (EditAction.TIMELINE, rf"^(?:{_EDIT})?(?:ระยะเวลา|ช่วงเวลา|กรอบเวลา)\s*{_TARGET}{_SEP}(?P<value>.+)$"),
        (EditAction.ADD_STEP, rf"^เพิ่มขั้นตอน\s*{_TARGET}(?:{_SEP}|\s+)(?P<value>.+)$"),
        (EditAction.KPI, rf"^{_EDIT}(?:ตัวชี้วัดความสำเร็จ|KPI|kpi)\s*{_TARGET}{_SEP}(?P<value>.+)$"),
        (EditAction.MEASURE, rf"^{_EDIT}มาตรการ\s*{_TARGET}{_SEP}(?P<value>.+)$"),
        (EditAction.DELETE, rf"^ลบ\s*{_TARGET}\s*$"),
        (EditAction.REDRAFT, rf"^ร่าง\s*{_TARGET}\s*ใหม่\s*$"),
        (EditAction.REDRAFT, rf"^ร่างใหม่\s*{_TARGET}\s*$"),
    )
)
# Words that start an edit: text starting with these but matching no pattern gets the examples.
_EDIT_START = re.compile(r"^(?:แก้|ลบ|เพิ่มขั้นตอน|ระยะเวลา|ช่วงเวลา|กรอบเวลา|ร่าง\s*(?:แถว|ตัวชี้วัด)|ร่างใหม่)")
# "แก้ตัวชี้วัด 7 เป็น 61.5" and "แก้คะแนน ..." correct scores, not the draft: leave them to scores.py.
_SCORE_FIX = re.compile(r"^แก้(?:ไข)?\s*(?:คะแนน|ตัวชี้วัด\s*(?:ที่)?\s*\d|[IEOieo]\s?\d)")


def _probe(text: str) -> tuple[str, str]:
    # Same length on purpose: match on Arabic digits, but cut the value from what the officer typed.
    shown = " ".join(clean_display(text).split()) if "\n" not in text else clean_display(text).strip()
    return shown, to_arabic(shown)


def parse_edit(text: str) -> EditCommand | None:
    """Parse an edit; return None if the text is not an edit, raise EditError if it is one we cannot read."""
    shown, probe = _probe(text)
    if not probe or _SCORE_FIX.match(probe):
        return None
    for action, pattern in _PATTERNS:
        m = pattern.match(probe)
        if not m:
            continue
        value = shown[m.start("value") : m.end("value")].strip() if "value" in m.groupdict() else ""
        number = int(m.group("num"))
        target = "row" if m.group("kind") == "แถว" else "indicator"
        if target == "indicator" and not 1 <= number <= LAST_INDICATOR:
            raise EditError(
                wording.EDIT_NO_SUCH_INDICATOR.format(number=number, last=LAST_INDICATOR, example=EXAMPLES[1])
            )
        if number < 1:
            raise EditError(wording.EDIT_ROW_FROM_ONE.format(example=EXAMPLES[0]))
        if len(value) > MAX_VALUE:
            raise EditError(wording.EDIT_TOO_LONG.format(limit=MAX_VALUE))
        return EditCommand(action, target, number, value)
    if _EDIT_START.match(probe):
        raise EditError(wording.EDIT_UNREADABLE.format(examples=examples_th()))
    return None


# ---------------------------------------------------------------- periods
_MONTHS = tuple(zip(MONTHS, MONTHS_ABBR, strict=True))  # (full name, abbreviation) in calendar order


def _abbr_pattern(abbr: str) -> str:
    # "มี.ค." is also typed "มีค", "มี.ค" or "มี. ค." - dots and spaces are optional.
    letters = [part for part in abbr.split(".") if part]
    return r"\.?\s?".join(map(re.escape, letters)) + r"\.?"


_MONTH_ALTS = sorted(
    [(full, n) for n, (full, _a) in enumerate(_MONTHS, 1)]
    + [(_abbr_pattern(a), n) for n, (_f, a) in enumerate(_MONTHS, 1)],
    key=lambda pair: (pair[0].startswith("\\") or "\\" in pair[0], -len(pair[0])),
)
_MONTH = "|".join(f"(?P<m{i}>{alt})" for i, (alt, _n) in enumerate(_MONTH_ALTS))
_YEAR = r"(?:\s*(?:พ\.?\s?ศ\.?)?\s*(?P<y>\d{4}|\d{2}))?"
_ONE = re.compile(rf"(?:{_MONTH}){_YEAR}")
_RANGE_SEP = re.compile(r"^\s*(?:–|—|-|ถึง|to|จนถึง)\s*")


def _read_month(text: str, pos: int) -> tuple[int, int | None, int] | None:
    m = _ONE.match(text, pos)
    if not m:
        return None
    idx = next(i for i in range(len(_MONTH_ALTS)) if m.group(f"m{i}"))
    year = None
    if m.group("y"):
        y = int(m.group("y"))
        year = 2500 + y if y < 100 else (y if y >= 2400 else y + 543)
    return _MONTH_ALTS[idx][1], year, m.end()


def _label(month: int, be_year: int) -> str:
    return f"{_MONTHS[month - 1][1]} {be_year % 100:02d}"


def fiscal_span_th(fiscal_year: int) -> str:
    """Return a fiscal year (B.E.) as Thai months, e.g. 2569 -> "ต.ค. 68 – ก.ย. 69"."""
    return f"{_label(10, fiscal_year - 1)} – {_label(9, fiscal_year)}"


def parse_period(text: str, fiscal_year: int | None) -> Period:
    """Parse "ต.ค. 68 – มี.ค. 69" (Thai months, B.E. years) and check it lies inside the fiscal year."""
    probe = to_arabic(" ".join(clean_display(text).split()))
    example = (
        f"ต.ค. {(fiscal_year - 1) % 100:02d} – มี.ค. {fiscal_year % 100:02d}"
        if fiscal_year
        else "ต.ค. 68 – มี.ค. 69"
    )
    bad = EditError(wording.EDIT_PERIOD_UNREADABLE.format(text=text.strip(), example=example))
    first = _read_month(probe, 0)
    if not first:
        raise bad
    rest = probe[first[2] :]
    sep = _RANGE_SEP.match(rest)
    second = _read_month(rest, sep.end()) if sep else None
    if sep and not second:
        raise bad
    tail = rest[second[2] :] if second else rest
    if tail.strip():
        raise bad
    second = second or first
    (m1, y1, _), (m2, y2, _) = first, second

    def infer(month: int, year: int | None) -> int:
        if year is not None:
            return year
        if fiscal_year is None:
            raise EditError(wording.EDIT_PERIOD_NEEDS_YEAR.format(example=example))
        return fiscal_year - 1 if month >= 10 else fiscal_year

    y1, y2 = infer(m1, y1), infer(m2, y2)
    start, end = (y1, m1), (y2, m2)
    if start > end:
        raise EditError(wording.EDIT_PERIOD_BACKWARDS.format(example=example))
    if fiscal_year and not ((fiscal_year - 1, 10) <= start and end <= (fiscal_year, 9)):
        raise EditError(
            wording.EDIT_PERIOD_OUTSIDE.format(
                period=f"{_label(m1, y1)} – {_label(m2, y2)}",
                fiscal_year=fiscal_year,
                span=fiscal_span_th(fiscal_year),
                example=example,
            )
        )
    label = _label(m1, y1) if start == end else f"{_label(m1, y1)} – {_label(m2, y2)}"
    return Period(f"{y1 - BE_OFFSET:04d}-{m1:02d}", f"{y2 - BE_OFFSET:04d}-{m2:02d}", label)


# ---------------------------------------------------------------- applying
def _split_owners(value: str) -> list[str]:
    parts = re.split(r"\s*[,;、]\s*|\s+และ\s+|\n+", value)
    return [p.strip() for p in parts if p.strip()]


def _rows_for(draft: Draft, cmd: EditCommand) -> list[int]:
    if cmd.target == "row":
        if not 1 <= cmd.number <= len(draft.rows):
            raise EditError(wording.EDIT_NO_SUCH_ROW.format(count=len(draft.rows), number=cmd.number))
        return [cmd.number - 1]
    found = [i for i, row in enumerate(draft.rows) if row.indicator == cmd.number]
    if not found:
        present = ", ".join(str(n) for n in sorted({r.indicator for r in draft.rows})) or "-"
        raise EditError(wording.EDIT_INDICATOR_NOT_IN_DRAFT.format(number=cmd.number, present=present))
    return found


def draft_fiscal_year(draft: Draft) -> int | None:
    """Return the B.E. fiscal year the draft's measures run in."""
    return draft.fiscal_year or draft.agency.measures_year()


def apply_edit(
    draft: Draft, cmd: EditCommand, *, redraft: Callable[[Draft, int], Draft] | None = None
) -> tuple[Draft, str]:
    """Apply an edit and return the new draft with a Thai sentence saying what changed."""
    if cmd.action is EditAction.REDRAFT:
        indicator = draft.rows[_rows_for(draft, cmd)[0]].indicator if cmd.target == "row" else cmd.number
        if redraft is None:
            raise EditError(wording.EDIT_NO_REDRAFT)
        return redraft(draft, indicator), wording.EDIT_REDRAFTED.format(indicator=indicator)
    if not cmd.value.strip() and cmd.action is not EditAction.DELETE:
        raise EditError(wording.EDIT_NO_VALUE.format(example=EXAMPLES[0]))
    indices = _rows_for(draft, cmd)
    rows = list(draft.rows)
    if cmd.action is EditAction.DELETE:
        if len(indices) >= len(rows):
            raise EditError(wording.EDIT_LAST_ROW)
        kept = [row for i, row in enumerate(rows) if i not in indices]
        done = wording.EDIT_DELETED.format(where=cmd.where_th(), left=len(kept))
        return draft.model_copy(update={"rows": kept}), done
    change: dict
    if cmd.action is EditAction.OWNERS:
        owners = _split_owners(cmd.value)
        change, what = {"owners": owners}, wording.EDIT_WHAT_OWNERS.format(owners=", ".join(owners))
    elif cmd.action is EditAction.TIMELINE:
        period = parse_period(cmd.value, draft_fiscal_year(draft))
        change = {"timeline": period.label, "start_month": period.start_month, "end_month": period.end_month}
        what = wording.EDIT_WHAT_TIMELINE.format(period=period.label)
    elif cmd.action is EditAction.MEASURE:
        change, what = {"measure": cmd.value.strip()}, wording.EDIT_WHAT_MEASURE
    elif cmd.action is EditAction.KPI:
        change, what = {"kpi": cmd.value.strip()}, wording.EDIT_WHAT_KPI
    else:  # ADD_STEP
        change, what = {}, wording.EDIT_WHAT_STEP
    for i in indices:
        update = dict(change)
        if cmd.action is EditAction.ADD_STEP:
            update["steps"] = [*rows[i].steps, cmd.value.strip()]
        # Re-validate through the model so an edit can never store a row the exporters would reject.
        rows[i] = MeasureRow.model_validate({**rows[i].model_dump(), **update})
    verb = wording.EDIT_VERB_ADD if cmd.action is EditAction.ADD_STEP else wording.EDIT_VERB_CHANGE
    where = ", ".join(wording.EDIT_WHERE_ROW.format(number=i + 1) for i in indices)
    return draft.model_copy(update={"rows": rows}), wording.EDIT_DONE.format(
        verb=verb, what=what, where=where
    )
