"""Data types of a drafted measure plan: profile, rows, the whole draft.

These are the nouns every other layer speaks: the drafting engines produce a
`Draft`, the exporters turn it into bytes, the dialogue edits its rows. They are
pydantic models so that an LLM's structured output is validated against the
very same schema as the default engine's rows.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, field_validator

from bot.ita.tiers import Tier

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class Source(BaseModel):
    """One cited passage: where it came from and what it says."""

    source: str = Field(description="file or knowledge entry the passage came from")
    text: str = Field(description="the quoted passage (short)")


class MeasureRow(BaseModel):
    """One row of the measure table (มาตรการ ... รายตัวชี้วัด)."""

    indicator: int = Field(ge=1, le=10)
    items: list[str] = Field(default_factory=list, description="weak item codes, e.g. I14, E6, O13")
    score: float | None = Field(default=None, ge=0, le=100)
    tier: Tier
    topic: str = Field(default="", description="ตัวชี้วัด/ประเด็น as printed in the table")
    analysis: str = Field(min_length=1)
    measure: str = Field(min_length=1)
    steps: list[str] = Field(min_length=1)
    owners: list[str] = Field(min_length=1)
    timeline: str = Field(min_length=1, description='Thai B.E. text, e.g. "ต.ค. 68 – ก.ย. 69"')
    start_month: str = Field(description="ISO YYYY-MM, Gregorian")
    end_month: str = Field(description="ISO YYYY-MM, Gregorian")
    monitoring: str = Field(min_length=1)
    reporting: str = Field(min_length=1)
    kpi: str = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    # The row's number in chat ("แถว 5"): given once when the row first appears, never reused, so a
    # reference keeps naming the same row after deletes and redrafts (bot/drafting/edits.number_rows).
    number: int | None = Field(default=None, ge=1, description="stable row number shown in chat")
    edited: bool = Field(default=False, description="the officer changed this row by hand")

    @field_validator("start_month", "end_month")
    @classmethod
    def _iso_month(cls, value: str) -> str:
        if not _MONTH.match(value):
            raise ValueError(f"month must be YYYY-MM, got {value!r}")
        return value


class AgencyProfile(BaseModel):
    """Who the plan is for."""

    name: str = ""
    type: str = Field(default="", description="agency type key from knowledge/playbook units")
    units: list[str] = Field(default_factory=list)
    assessment_year: int | None = Field(default=None, description="B.E. year of the ITA results")
    fiscal_year: int | None = Field(default=None, description="B.E. fiscal year the measures run in")
    executive: str = Field(default="", description="the executive who monitors the measures")

    def measures_year(self) -> int | None:
        """Return the fiscal year of the measures: set explicitly, or the year after the assessment."""
        if self.fiscal_year:
            return self.fiscal_year
        return self.assessment_year + 1 if self.assessment_year else None


class ToolSummary(BaseModel):
    """Strengths and weaknesses of one tool (IIT / EIT / OIT) for the summary section."""

    tool: str
    score: float | None = None
    strengths: list[str] = Field(default_factory=list)
    weaknesses: list[str] = Field(default_factory=list)


class Draft(BaseModel):
    """A whole measure plan, ready to edit and export."""

    agency: AgencyProfile
    assessment_year: int | None = None
    fiscal_year: int | None = None
    level: str = ""
    level_note: str = Field(default="", description="hedge shown when the level rule is not confirmed")
    overall: float | None = None
    tools: dict[str, float] = Field(default_factory=dict)
    indicators: dict[int, float] = Field(default_factory=dict)
    thresholds: tuple[float, float] = (85.0, 95.0)
    summary: list[ToolSummary] = Field(default_factory=list)
    rows: list[MeasureRow] = Field(default_factory=list)
    kpis: list[str] = Field(default_factory=list, description="document-level success indicators")
    monitoring_plan: list[str] = Field(default_factory=list)
    engine: str = "default"
    layout: str = Field(default="default", description="document layout: a key of bot.export.layouts.LAYOUTS")
    style: dict[str, str] = Field(
        default_factory=dict, description="the agency's house style (bot.drafting.style.StyleProfile.as_dict)"
    )
    notes: list[str] = Field(default_factory=list, description="messages for the officer, e.g. LLM fallback")
    last_row_number: int = Field(default=0, ge=0, description="the highest row number ever given")
    checks: list[str] = Field(
        default_factory=list,
        description="what the officer should verify before publishing (unconfirmed item titles ...); never printed in the plan",
    )
    # The previous assessment, when known (typed, read from a file, or last year's confirmed scores):
    # the plan's comparison table and two-year chart (bot.agency.trend) are drawn from these.
    previous_year: int | None = Field(default=None, description="B.E. year of the previous assessment")
    previous_indicators: dict[int, float] = Field(default_factory=dict)
