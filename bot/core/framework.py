"""Load and validate the ITA framework facts shipped in knowledge/framework/.

Facts are data: every number, name, weight and level rule the bot uses comes
from these YAML files, each entry with its source and a confidence label, so
that the bot can hedge whatever is not confirmed.
"""
from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, model_validator

Confidence = Literal["CONFIRMED", "CORROBORATED", "SINGLE", "NOT_CONFIRMED"]

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge"


class Indicator(BaseModel):
    number: int = Field(ge=1, le=10)
    name: str
    tool: Literal["IIT", "EIT", "OIT"]
    variants: list[str] = Field(default_factory=list)
    misprints: list[str] = Field(default_factory=list)

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


class Framework(BaseModel):
    """Every ITA fact the bot knows, validated."""

    indicators: list[Indicator]
    tools: list[Tool]
    scales: list[Scale]
    sources: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> "Framework":
        numbers = sorted(i.number for i in self.indicators)
        if numbers != list(range(1, 11)):
            raise ValueError(f"indicators must be exactly 1..10, got {numbers}")
        covered = sorted(n for t in self.tools for n in t.indicators)
        if covered != list(range(1, 11)):
            raise ValueError("tools must cover each indicator exactly once")
        if abs(sum(t.weight for t in self.tools) - 1.0) > 1e-9:
            raise ValueError("tool weights must sum to 1")
        for ind in self.indicators:
            tool = next(t for t in self.tools if ind.number in t.indicators)
            if tool.code != ind.tool:
                raise ValueError(f"indicator {ind.number} says {ind.tool} but tools say {tool.code}")
        for scale in self.scales:
            mins = [lv.min for lv in scale.levels]
            if mins != sorted(mins, reverse=True):
                raise ValueError(f"scale {scale.name}: levels must be listed from highest to lowest")
        return self

    @cached_property
    def by_number(self) -> dict[int, Indicator]:
        return {i.number: i for i in self.indicators}

    def indicator(self, number: int) -> Indicator:
        """Return indicator `number` (1..10)."""
        return self.by_number[number]

    def tool_of(self, number: int) -> Tool:
        """Return the tool that measures indicator `number`."""
        return next(t for t in self.tools if number in t.indicators)

    def scale_for(self, year: int) -> Scale | None:
        """Return the grading scale in force for an assessment year (B.E.), if known."""
        return next((s for s in self.scales if s.covers(year)), None)


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def load_framework(knowledge_dir: Path = KNOWLEDGE_DIR) -> Framework:
    """Read knowledge/framework/*.yaml and return the validated Framework."""
    fw_dir = knowledge_dir / "framework"
    ind = _read(fw_dir / "indicators.yaml")
    tools = _read(fw_dir / "tools.yaml")
    grading = _read(fw_dir / "grading.yaml")
    return Framework(
        indicators=ind["indicators"],
        tools=tools["tools"],
        scales=grading["scales"],
        sources={"indicators": ind["source"], "tools": tools["source"]},
    )
