"""Progress on a plan's rows: what the officer reported for each row in a reporting round.

A plan is reported on twice a fiscal year (bot.thai.round_period: 6 and 12 months). For each row
(by its stable number, bot.ita.measures.MeasureRow.number) the officer gives a status, a
percentage, what was done and links to the evidence. The records are stored by fiscal year and
round (`Progress`), so next year's plan starts beside this year's record and a round's report is
drawn from exactly what was said for that round.
"""

from __future__ import annotations

import enum
from typing import Any

from pydantic import BaseModel, Field

ROUNDS = (6, 12)  # months into the fiscal year at which progress is reported
MAX_DONE_CHARS = 2000  # what was done: a paragraph, not a document
MAX_LINKS = 10
MAX_LINK_CHARS = 500


class Status(enum.StrEnum):
    """The three statuses the NACC's report form ticks."""

    DONE = "done"
    DOING = "doing"
    NOT_STARTED = "not_started"


# As printed in the report form and on the buttons, in the form's order.
STATUS_TH: dict[Status, str] = {
    Status.DONE: "ดำเนินการแล้ว",
    Status.DOING: "อยู่ระหว่างดำเนินการ",
    Status.NOT_STARTED: "ยังไม่ดำเนินการ",
}


class RowProgress(BaseModel):
    """What was reported for one row in one round; every part is optional until said."""

    status: Status | None = None
    percent: int | None = Field(default=None, ge=0, le=100)
    done: str = Field(default="", max_length=MAX_DONE_CHARS)
    evidence: list[str] = Field(default_factory=list, max_length=MAX_LINKS)

    @property
    def empty(self) -> bool:
        """Tell whether nothing has been reported for the row."""
        return self.status is None and self.percent is None and not self.done and not self.evidence


class Progress(BaseModel):
    """Every round's records of every fiscal year: {year: {round: {row number: RowProgress}}}."""

    years: dict[int, dict[int, dict[int, RowProgress]]] = Field(default_factory=dict)

    @classmethod
    def from_json(cls, stored: Any) -> Progress:
        """Read the stored JSON (string keys); anything unreadable is an empty record."""
        try:
            return cls.model_validate({"years": stored or {}})
        except ValueError:
            return cls()

    def to_json(self) -> dict[str, Any]:
        """Return the JSON to store (string keys, as JSON objects have)."""
        return self.model_dump(mode="json", exclude_defaults=False)["years"]

    def round(self, year: int | None, months: int) -> dict[int, RowProgress]:
        """Return the records of one round (empty if none), keyed by row number."""
        return dict(self.years.get(year or 0, {}).get(months, {}))

    def get(self, year: int | None, months: int, row: int) -> RowProgress:
        """Return one row's record in a round (a blank one if nothing was said)."""
        return self.round(year, months).get(row, RowProgress())

    def put(self, year: int | None, months: int, row: int, record: RowProgress) -> None:
        """Store one row's record in a round."""
        self.years.setdefault(year or 0, {}).setdefault(months, {})[row] = record
