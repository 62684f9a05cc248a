"""What the score reader finds: references, scores read, a message's extraction, a table header."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.scores.text import Num

LOOSE_LIMIT = 130


@dataclass
class Ref:
    """A place in the text that names what the next score belongs to."""

    kind: str  # "indicator" | "item" | "tool" | "toolpart" | "overall"
    key: int | str
    start: int
    end: int
    strict: bool = False  # name-only or tool: only score words may stand before the number
    weak: bool = False  # "ITA" as a stand-in for the overall score
    limit: int = LOOSE_LIMIT
    note: str = ""
    guess: str = ""  # a misspelt name read as this indicator: asked back (ParseResult.unsure)


@dataclass
class Found:
    """One score read from the text."""

    kind: str
    key: int | str
    value: float
    line: int
    table: bool
    weak: bool = False
    fix: bool = False  # written as a correction of the value before it ("เอ้ย 85", "แก้เป็น 66")
    year: int | None = None  # the year label written before it (B.E., or prose.THIS_YEAR / LAST_YEAR)


@dataclass
class Extraction:
    found: list[Found] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    header_years: list[int] = field(default_factory=list)
    result_years: list[int] = field(default_factory=list)
    score_years: list[int] = field(default_factory=list)
    line_years: dict[int, list[int]] = field(default_factory=dict)
    plan_years: list[int] = field(default_factory=list)  # "ร่างมาตรการปีงบ 69": the plan's fiscal year
    numbers: list[tuple[int, str, list[Num], int]] = field(default_factory=list)  # line, text, nums, 1st ref
    unsure: list[str] = field(default_factory=list)


@dataclass
class Header:
    labelled: bool = False
    years: list[int] = field(default_factory=list)
    columns: list[tuple[str, int | None]] = field(default_factory=list)  # numeric columns: role, year
