"""Two years side by side: the change per indicator, per tool and overall, from a draft's scores.

The draft carries this year's indicator scores and, when known, the previous assessment's
(Draft.previous_indicators, previous_year). Tool and overall scores of each year are computed
the framework's way (bot.ita.tiers) when all of a tool's indicators are known; a change is
"up", "down" or "same" (within half a point, as the analyses say it).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.ita.framework import Framework
from bot.ita.measures import Draft
from bot.ita.tiers import overall, tool_scores

SAME_WITHIN = 0.5  # a change smaller than this is "about the same" (bot/drafting/analysis._change)


@dataclass(frozen=True)
class Change:
    """One line of the comparison: a label, last year's score, this year's, and the change."""

    label: str
    before: float | None
    now: float | None

    @property
    def delta(self) -> float | None:
        """Return now - before, or None when either is missing."""
        return None if self.before is None or self.now is None else round(self.now - self.before, 2)

    @property
    def way(self) -> str:
        """Return "up", "down", "same", or "" when the change is unknown."""
        d = self.delta
        if d is None:
            return ""
        return "same" if abs(d) < SAME_WITHIN else ("up" if d > 0 else "down")


@dataclass(frozen=True)
class Trend:
    """The comparison of two assessments: per indicator, per tool, and overall."""

    year_before: int | None
    year_now: int | None
    indicators: list[tuple[int, Change]]
    tools: list[Change]
    overall: Change

    def fell(self) -> list[int]:
        """Return the indicators whose score fell."""
        return [n for n, c in self.indicators if c.way == "down"]

    def rose(self) -> list[int]:
        """Return the indicators whose score rose."""
        return [n for n, c in self.indicators if c.way == "up"]


def trend(draft: Draft, fw: Framework) -> Trend | None:
    """Return the draft's two-year comparison, or None when no previous score is known."""
    before, now = draft.previous_indicators, draft.indicators
    if not before:
        return None
    numbers = [n for n in fw.indicator_numbers if n in before or n in now]
    rows = [(n, Change(f"{n}. {fw.indicator(n).name}", before.get(n), now.get(n))) for n in numbers]
    tools_before, tools_now = tool_scores(before, fw), tool_scores(now, fw)
    tools = [
        Change(
            f"{t.code} {t.name.split(' (')[0]}",  # the Thai name: the English one in brackets is the code's
            tools_before.get(t.code),
            tools_now.get(t.code, draft.tools.get(t.code)),
        )
        for t in fw.tools
    ]
    total_now = draft.overall if draft.overall is not None else overall(now, fw)
    return Trend(
        draft.previous_year,
        draft.assessment_year,
        rows,
        tools,
        Change("ภาพรวม", overall(before, fw), total_now),
    )
