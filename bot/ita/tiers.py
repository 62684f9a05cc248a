"""ITA arithmetic and wording: tool weighting, levels by year, tiers and the confirmation summary."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from bot import wording
from bot.ita.framework import SOLID, Framework
from bot.thai import fix_number_slips, normalize


class Tier(enum.StrEnum):
    """The three tiers of a measure row; each value is the Thai name printed in plans and chats."""

    URGENT = "แก้ไขเร่งด่วน"
    IMPROVE = "พัฒนาให้ดีขึ้น"
    MAINTAIN = "รักษาระดับ"


# Short names for the members, used by confirmation_summary and the tests.
URGENT, IMPROVE, MAINTAIN = Tier.URGENT, Tier.IMPROVE, Tier.MAINTAIN
CONFIRM_PROMPT = wording.CONFIRM_PROMPT


class ScoresRead(Protocol):
    """What the confirmation summary reads of a score set (bot.scores.ScoreSet; ita never imports it)."""

    year: int | None
    overall: float | None
    indicators: dict[int, float]
    items: dict[str, float]
    tools: dict[str, float]

    def missing_indicators(self, numbers: Iterable[int]) -> list[int]: ...


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


def _fmt(v: float) -> str:
    return f"{v:.2f}"


def confirmation_summary(scores: ScoresRead, fw: Framework, thresholds: Thresholds) -> str:
    """Return the Thai summary that asks the officer to confirm the scores read."""
    lines = [f"สรุปคะแนน ITA ที่ได้รับ{f' ปี {scores.year}' if scores.year else ''} กรุณาตรวจสอบ"]
    computed = tool_scores(scores.indicators, fw)
    for tool in fw.tools:
        lines.append(f"\n{tool.code} — {tool.name.split(' (')[0]} (น้ำหนัก {tool.weight * 100:.0f}%)")
        for n in tool.indicators:
            name = fw.indicator(n).name
            if n in scores.indicators:
                v = scores.indicators[n]
                lines.append(f"• ตัวชี้วัดที่ {n} {name}: {_fmt(v)} ({thresholds.tier(v)})")
            else:
                lines.append(f"• ตัวชี้วัดที่ {n} {name}: ยังไม่ได้รับคะแนน")
        if tool.code in computed:
            lines.append(f"  คะแนน {tool.code} (คำนวณ): {_fmt(computed[tool.code])}")
            typed = scores.tools.get(tool.code)
            if typed is not None and abs(typed - computed[tool.code]) > 0.05:
                lines.append(
                    f"  ⚠️ คะแนน {tool.code} ที่แจ้งมา ({_fmt(typed)}) ต่างจากที่คำนวณได้ กรุณาตรวจสอบคะแนนรายตัวชี้วัด"
                )
    if scores.items:
        lines.append("\nคะแนนรายข้อ")
        lookup = getattr(fw, "item_indicator", None)
        for code, v in sorted(scores.items.items(), key=lambda kv: (kv[0][0], int(kv[0][1:]))):
            number = lookup(code, scores.year) if lookup else None
            where = f" (ตัวชี้วัดที่ {number})" if number else ""
            lines.append(f"• {code}{where}: {_fmt(v)} ({thresholds.tier(v)})")
    total = overall(scores.indicators, fw)
    lines.append("")
    if total is not None:
        lines.append(f"คะแนนภาพรวม (คำนวณ IIT×0.3 + EIT×0.3 + OIT×0.4): {_fmt(total)}")
        if scores.overall is not None and abs(scores.overall - total) > 0.05:
            lines.append(
                f"⚠️ คะแนนภาพรวมที่แจ้งมา ({_fmt(scores.overall)}) ต่างจากที่คำนวณได้ ({_fmt(total)}) "
                "กรุณาตรวจสอบคะแนนรายตัวชี้วัดอีกครั้ง"
            )
    elif scores.overall is not None:
        lines.append(f"คะแนนภาพรวมที่แจ้งมา: {_fmt(scores.overall)}")
    lv = level(scores.year, total if total is not None else scores.overall, computed, fw)
    if lv.label:
        lines.append(f"ระดับผลการประเมิน: {lv.label}" + ("" if lv.confirmed else " (เกณฑ์ยังไม่ได้รับการยืนยัน)"))
    if lv.note_th:
        lines.append(f"หมายเหตุ: {lv.note_th}")
    missing = scores.missing_indicators(fw.indicator_numbers)
    if missing:
        lines.append(
            f"\nยังขาดคะแนนตัวชี้วัดที่ {', '.join(map(str, missing))} กรุณาส่งเพิ่ม เช่น 'ตัวชี้วัดที่ {missing[0]} 90.00'"
        )
    lines.append(
        f"\nเกณฑ์แบ่งกลุ่ม: ต่ำกว่า {thresholds.urgent_below:g} = {URGENT}, "
        f"{thresholds.urgent_below:g} ถึงต่ำกว่า {thresholds.maintain_from:g} = {IMPROVE}, "
        f"ตั้งแต่ {thresholds.maintain_from:g} = {MAINTAIN}"
    )
    lines.append(CONFIRM_PROMPT)
    return "\n".join(lines)
