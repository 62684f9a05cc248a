"""The fact models of the ITA framework: indicators, tools, scales, items, OIT items, calendar.

Every fact carries its source and a confidence label; hedge() is the wording the
bot appends to a fact that is not confirmed. bot.ita.framework assembles these
into the validated Framework.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

# DERIVED marks an inference by the fact collector (e.g. recommendation → item mapping);
# it is never a source on its own.
Confidence = Literal["CONFIRMED", "CORROBORATED", "SINGLE", "NOT_CONFIRMED", "DERIVED"]
SOLID: frozenset[str] = frozenset({"CONFIRMED", "CORROBORATED"})
# weakest first: a claim built from two facts is as sure as the weaker one
_STRENGTH = ("NOT_CONFIRMED", "DERIVED", "SINGLE", "CORROBORATED", "CONFIRMED")

_HEDGES = {
    "SINGLE": " (ข้อมูลนี้มาจากแหล่งข้อมูลเดียว ยังไม่ได้รับการยืนยันจากเอกสารทางการของ สำนักงาน ป.ป.ช.)",
    "NOT_CONFIRMED": " (ข้อมูลนี้ยังไม่ได้รับการยืนยันจากเอกสารทางการของ สำนักงาน ป.ป.ช.)",
    "DERIVED": " (ข้อมูลนี้อนุมานจากเอกสารของหน่วยงาน ยังไม่ได้รับการยืนยันจากเอกสารทางการของ สำนักงาน ป.ป.ช.)",
}
TOOL_OF_PREFIX = {"I": "IIT", "E": "EIT", "O": "OIT"}


def hedge(confidence: str | None) -> str:
    """Return the Thai suffix to append to a fact of this confidence ("" when confirmed)."""
    if confidence in SOLID:
        return ""
    return _HEDGES.get(confidence or "NOT_CONFIRMED", _HEDGES["NOT_CONFIRMED"])


class Sourced(BaseModel):
    source: str
    confidence: Confidence

    @field_validator("source")
    @classmethod
    def _has_source(cls, v: str) -> str:
        if not v or not v.strip():
            raise ValueError("every fact needs a non-empty source")
        return v


class Indicator(BaseModel):
    number: int = Field(ge=1)
    name: str
    tool: Literal["IIT", "EIT", "OIT"]
    variants: list[str] = Field(default_factory=list)
    misprints: list[str] = Field(default_factory=list)
    description: str = ""
    description_source: str = ""
    description_confidence: Confidence | None = None
    description_2568: str = ""
    description_2568_source: str = ""
    description_2568_confidence: Confidence | None = None

    def all_names(self) -> list[str]:
        """Return the canonical name and every known spelling variant."""
        return [self.name, *self.variants]


class Tool(BaseModel):
    code: Literal["IIT", "EIT", "OIT"]
    name: str
    indicators: list[int]
    weight: float = Field(gt=0, le=1)


class Level(BaseModel):
    label: str
    min: float = Field(ge=0, le=100)
    every_tool_min: float | None = None
    confidence: Confidence | None = None


class Scale(BaseModel):
    name: str
    years: tuple[int, int]
    source: str
    confidence: Confidence
    per_tool_rule: bool
    levels: list[Level]
    notes: list[str] = Field(default_factory=list)

    def covers(self, year: int) -> bool:
        """Tell whether this scale applies to an assessment year (B.E.)."""
        return self.years[0] <= year <= self.years[1]


class Item(Sourced):
    """An IIT (I1–I30) or EIT (E1–E15) question item."""

    code: str = Field(pattern=r"^[IE]\d{1,2}$")
    text: str = Field(min_length=1)
    indicator: int = Field(ge=1)
    years: list[int]
    sub_items: list[str] = Field(default_factory=list)
    short: str = ""
    scale: str = "4 ระดับ"
    reverse: bool = False
    note: str = ""

    @property
    def tool(self) -> str:
        return TOOL_OF_PREFIX[self.code[0]]


class OitItem(Sourced):
    """One OIT item of one assessment year."""

    code: str = Field(pattern=r"^(O\d{1,2}|\d{1,2}\.\d-\d)$")
    title: str = Field(min_length=1)
    indicator: int = Field(ge=1)  # one of the OIT tool's indicators (checked by Framework)
    year: int
    group: str = ""
    group_name: str = ""
    requirement: str = ""
    requirement_source: str = ""
    # how sure the requirement text is (it may be less sure than the item's title)
    requirement_confidence: Confidence | None = None
    note: str = ""

    @property
    def requirement_label(self) -> str:
        """Return how sure "this item requires this" is: the weaker of the title's and the text's labels."""
        labels = [self.confidence, self.requirement_confidence or "NOT_CONFIRMED"]
        return min(labels, key=_STRENGTH.index)

    @model_validator(mode="after")
    def _requirement_sourced(self) -> OitItem:
        if self.requirement and not (self.requirement_source.strip() and self.requirement_confidence):
            raise ValueError(f"OIT {self.year} {self.code}: a requirement needs its source and confidence")
        return self


class OitYear(Sourced):
    year: int
    notes: list[str] = Field(default_factory=list)
    groups: dict[str, str] = Field(default_factory=dict)
    items: list[OitItem] = Field(default_factory=list)


# Who wrote a recommendation: the NACC (quoted from its results report in a seed), or we did
# (knowledge/framework/guidance.yaml, distilled from the seeds; never presented as NACC wording).
Origin = Literal["NACC", "OURS"]


class Recommendation(Sourced):
    text: str = Field(min_length=1)
    origin: Origin = "NACC"
    variants: list[str] = Field(default_factory=list)
    items: list[str] = Field(default_factory=list)
    indicator: int | None = Field(default=None, ge=1)
    seeds: list[str] = Field(default_factory=list)
    years: list[int] = Field(default_factory=list)
    mapping_confidence: Confidence
    note: str = ""


class LevelMeaning(Sourced):
    level: str
    text: str = Field(min_length=1)
    generic: str = ""
    years: tuple[int, int] | None = None


class Unconfirmed(BaseModel):
    topic: str
    say_th: str = Field(pattern=r"^ยังไม่ได้รับการยืนยัน")
    source: str = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)


class Round(Sourced):
    name: str
    months: list[int]
    deadline: dict[str, int]


class FiscalCalendar(Sourced):
    """Thai fiscal-year conventions: FY N (B.E.) = 1 Oct N-1 .. 30 Sep N."""

    definition_th: str
    start: dict[str, int]
    end: dict[str, int]
    buddhist_offset: int = 543
    month_abbr: list[str] = Field(min_length=12, max_length=12)
    month_names: list[str] = Field(min_length=12, max_length=12)
    quarters: dict[int, list[int]]
    quarters_confidence: Confidence
    rounds: list[Round] = Field(default_factory=list)
    ita_cycle: dict = Field(default_factory=dict)

    @model_validator(mode="after")
    def _twelve_months(self) -> FiscalCalendar:
        months = sorted(m for q in self.quarters.values() for m in q)
        if sorted(self.quarters) != [1, 2, 3, 4] or months != list(range(1, 13)):
            raise ValueError("calendar quarters must be 1..4 and cover each month exactly once")
        return self

    def fiscal_year_bounds(self, fy_be: int) -> tuple[date, date]:
        """Return the first and last Gregorian day of fiscal year `fy_be` (B.E.)."""
        year = fy_be - self.buddhist_offset
        return (
            date(year - 1, self.start["month"], self.start["day"]),
            date(year, self.end["month"], self.end["day"]),
        )

    def quarter_months(self, q: int) -> list[int]:
        """Return the calendar months (1..12) of fiscal quarter q (1..4)."""
        return list(self.quarters[q])

    def fiscal_year_of(self, day: date) -> int:
        """Return the B.E. fiscal year a day falls in."""
        return day.year + self.buddhist_offset + (1 if day.month >= self.start["month"] else 0)

    def quarter_of_month(self, month: int) -> int:
        """Return the fiscal quarter (1..4) of a calendar month."""
        return next(q for q, months in self.quarters.items() if month in months)

    def abbr(self, month: int) -> str:
        """Return the Thai month abbreviation ("ต.ค.") of calendar month 1..12."""
        return self.month_abbr[month - 1]
