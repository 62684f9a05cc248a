"""Small building blocks of playbook entries: templates, seed quotes, steps, the maintain block.

Kept apart from playbook.py so that file stays about loading and fitting; it
re-exports what it uses from here.
"""

from __future__ import annotations

import string

from pydantic import BaseModel, Field, field_validator

PLACEHOLDERS = {"agency", "score", "indicator_name", "items", "fiscal_year", "year"}
# A รักษาระดับ row is short: one line per step, a short monitoring sentence and one KPI.
MAINTAIN_STEPS = 3
MAINTAIN_STEP_MAX = 75
MAINTAIN_LINE_MAX = 90


def placeholders(text: str) -> set[str]:
    """Return the {names} a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def check_template(text: str) -> str:
    """Return the template unchanged, or raise if it uses a placeholder the drafter does not fill."""
    unknown = placeholders(text) - PLACEHOLDERS
    if unknown:
        raise ValueError(f"unknown placeholder(s) {sorted(unknown)} in {text[:60]!r}")
    return text


class SeedRef(BaseModel):
    """A short exact quote from a seed document that an entry distils."""

    seed: str = Field(pattern=r"^\d{3}$")
    quote: str = Field(min_length=4, max_length=120)


class Step(BaseModel):
    """One numbered step of a measure, with the unit role that carries it out."""

    role: str
    text: str = Field(min_length=5)

    @field_validator("text")
    @classmethod
    def _template(cls, value: str) -> str:
        return check_template(value)


class MaintainStep(Step):
    """A step of a รักษาระดับ row: one short, concrete action."""

    text: str = Field(min_length=5, max_length=MAINTAIN_STEP_MAX)


class MaintainPlan(BaseModel):
    """What a strong indicator's รักษาระดับ row says instead of the full practice.

    Exactly three short steps (review/update, announce, publish the evidence ...),
    one monitoring sentence and one measurable KPI.
    """

    steps: list[MaintainStep] = Field(min_length=MAINTAIN_STEPS, max_length=MAINTAIN_STEPS)
    monitoring: str = Field(min_length=5, max_length=MAINTAIN_LINE_MAX)
    kpi: str = Field(min_length=5, max_length=MAINTAIN_LINE_MAX)
    seed_refs: list[SeedRef] = Field(default_factory=list)

    @field_validator("monitoring", "kpi")
    @classmethod
    def _templates(cls, value: str) -> str:
        return check_template(value)
