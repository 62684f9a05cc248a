"""ITA arithmetic: tiers and thresholds, tool weighting, levels by year."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from bot import wording
from bot.ita.framework import SOLID, Framework
from bot.thai import fix_number_slips, normalize


class Tier(enum.StrEnum):
    """The three tiers of a measure row; each value is the Thai name printed in plans and chats."""

    URGENT = "แก้ไขเร่งด่วน"
    IMPROVE = "พัฒนาให้ดีขึ้น"
    MAINTAIN = "รักษาระดับ"


# Short names for the members, used by the drafting rooms and the tests.
URGENT, IMPROVE, MAINTAIN = Tier.URGENT, Tier.IMPROVE, Tier.MAINTAIN


@dataclass(frozen=True)
class Thresholds:
    """Where the agency draws its tiers: below urgent_below is urgent, from maintain_from is maintain."""

    urgent_below: float = 85.0
    maintain_from: float = 95.0

    def __post_init__(self) -> None:
        if not 0 <= self.urgent_below <= self.maintain_from <= 100:
            raise ValueError("thresholds must satisfy 0 <= urgent_below <= maintain_from <= 100")

    def tier(self, score: float) -> Tier:
        """Return the tier of one indicator or item score."""
        if score < self.urgent_below:
            return URGENT
        return MAINTAIN if score >= self.maintain_from else IMPROVE


def parse_thresholds(text: str) -> Thresholds | None:
    """Read thresholds such as '70', '85/92' or '85 95'; None if the text gives no valid pair."""
    nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", fix_number_slips(normalize(text or "")))]
    if not 1 <= len(nums) <= 2:
        return None
    urgent = nums[0]
    maintain = nums[1] if len(nums) == 2 else max(Thresholds().maintain_from, urgent)
    try:
        return Thresholds(urgent, maintain)
    except ValueError:
        return None


@dataclass(frozen=True)
class LevelResult:
    label: str
    confirmed: bool
    note_th: str


def tool_scores(indicators: dict[int, float], fw: Framework) -> dict[str, float]:
    """Return each tool's score (plain mean of its indicators) for tools whose indicators are all known."""
    out: dict[str, float] = {}
    for tool in fw.tools:
        if all(n in indicators for n in tool.indicators):
            out[tool.code] = sum(indicators[n] for n in tool.indicators) / len(tool.indicators)
    return out


def overall(indicators: dict[int, float], fw: Framework) -> float | None:
    """Return the weighted overall score, or None until every indicator is known."""
    tools = tool_scores(indicators, fw)
    if len(tools) < len(fw.tools):
        return None
    return sum(t.weight * tools[t.code] for t in fw.tools)


def level(year: int | None, overall: float | None, tools: dict[str, float], fw: Framework) -> LevelResult:
    """Return the result level for the assessment year, saying how sure the rule is."""
    if overall is None:
        return LevelResult("", False, wording.LEVEL_NO_OVERALL)
    if year is None:
        return LevelResult("", False, wording.LEVEL_NO_YEAR)
    scale = fw.scale_for(year)
    if scale is None:
        return LevelResult("", False, wording.LEVEL_NO_SCALE.format(year=year))
    score = round(overall, 2)
    notes: list[str] = []
    for lv in scale.levels:
        if score < lv.min:
            continue
        if lv.every_tool_min is not None:
            if len(tools) < len(fw.tools):
                notes.append(wording.LEVEL_NEEDS_EVERY_TOOL.format(label=lv.label))
                continue
            if any(round(v, 2) < lv.every_tool_min for v in tools.values()):
                continue
        confidence = lv.confidence or scale.confidence
        confirmed = confidence in SOLID
        if not confirmed:
            notes.append(wording.LEVEL_UNCONFIRMED.format(label=lv.label, confidence=confidence))
        if scale.per_tool_rule:
            notes += scale.notes
        return LevelResult(lv.label, confirmed, " ".join(notes))
    return LevelResult("", False, " ".join(notes) or wording.LEVEL_NOT_FOUND)
