"""Parse, validate, merge and correct the ITA scores an officer sends in chat."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from bot.ita.framework import Framework
from bot.scores.tables import ITEM, ITEM_RANGES, TOOL, Found, extract, pick_year
from bot.scores.text import name_hits, normalise, squeeze

MAX_CHARS = 60_000
EXAMPLE = "เช่น 'ตัวชี้วัดที่ 1 98.89' หรือวางตารางผลการประเมินจากระบบ ITAS"


class ScoreSet(BaseModel):
    """The scores known so far for one agency and one assessment year."""

    year: int | None = None
    overall: float | None = None
    indicators: dict[int, float] = Field(default_factory=dict)
    items: dict[str, float] = Field(default_factory=dict)
    tools: dict[str, float] = Field(default_factory=dict)

    def merge(self, other: ScoreSet) -> ScoreSet:
        """Return these scores updated by `other`; the later value wins per key."""
        return ScoreSet(
            year=other.year if other.year is not None else self.year,
            overall=other.overall if other.overall is not None else self.overall,
            indicators={**self.indicators, **other.indicators},
            items={**self.items, **other.items},
            tools={**self.tools, **other.tools},
        )

    def to_json(self) -> dict:
        """Return a JSON-ready dict: indicator keys "1".."10", item keys such as "I14"."""
        return {
            "year": self.year,
            "overall": self.overall,
            "indicators": {str(k): v for k, v in sorted(self.indicators.items())},
            "items": dict(sorted(self.items.items(), key=lambda kv: (kv[0][0], int(kv[0][1:])))),
            "tools": dict(self.tools),
        }

    @classmethod
    def from_json(cls, data: dict) -> ScoreSet:
        """Build a ScoreSet from the dict that to_json returns."""
        return cls(
            year=data.get("year"),
            overall=data.get("overall"),
            indicators={int(k): float(v) for k, v in (data.get("indicators") or {}).items()},
            items={str(k): float(v) for k, v in (data.get("items") or {}).items()},
            tools={str(k): float(v) for k, v in (data.get("tools") or {}).items()},
        )

    def missing_indicators(self, numbers: Iterable[int]) -> list[int]:
        """Return which of the framework's indicator numbers have no score yet."""
        return [n for n in numbers if n not in self.indicators]

    def is_empty(self) -> bool:
        """Tell whether no score at all is known."""
        return not (self.indicators or self.items or self.tools or self.overall is not None)


@dataclass
class ParseResult:
    """What one message said: the scores read, or why they cannot be used."""

    scores: ScoreSet
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)


def _label(kind: str, key: int | str) -> str:
    return {"indicator": f"ตัวชี้วัดที่ {key}", "item": f"ข้อ {key}", "overall": "คะแนนภาพรวม"}.get(
        kind, f"คะแนนเครื่องมือ {key}"
    )


def _fix_example(kind: str, key: int | str, value: float | None = None) -> str:
    shown = f"{value:.2f}" if value is not None and 0 <= value <= 100 else "90.00"
    if kind == "indicator":
        return f"'แก้ตัวชี้วัด {key} เป็น {shown}'"
    if kind == "item":
        return f"'แก้ {key} เป็น {shown}'"
    return f"'แก้{'ภาพรวม' if kind == 'overall' else key} เป็น {shown}'"


def _invalid(f: Found) -> str | None:
    if f.kind == "indicator" and not 1 <= int(f.key) <= 10:
        return (
            f"ไม่มีตัวชี้วัดที่ {f.key} ในการประเมิน ITA (มีเฉพาะตัวชี้วัดที่ 1–10) "
            f"กรุณาตรวจสอบเลขตัวชี้วัดแล้วส่งใหม่ เช่น 'ตัวชี้วัดที่ 10 90.00'"
        )
    if f.value > 100:
        return (
            f"{_label(f.kind, f.key)} ได้ {f.value:g} ซึ่งเกิน 100 คะแนน (คะแนน ITA อยู่ระหว่าง 0–100) "
            f"กรุณาส่งคะแนนที่ถูกต้อง เช่น {_fix_example(f.kind, f.key)}"
        )
    if f.value < 0:
        return (
            f"{_label(f.kind, f.key)} ได้ {f.value:g} ซึ่งต่ำกว่า 0 (คะแนน ITA อยู่ระหว่าง 0–100) "
            f"กรุณาส่งคะแนนที่ถูกต้อง เช่น {_fix_example(f.kind, f.key)}"
        )
    return None


def _settle(found: list[Found], errors: list[str], warnings: list[str]) -> dict[tuple[str, int | str], float]:
    """Keep one value per key: a table beats prose, a stated overall beats an "ITA …" mention."""
    groups: dict[tuple[str, int | str], list[Found]] = {}
    for f in found:
        groups.setdefault((f.kind, f.key), []).append(f)
    out: dict[tuple[str, int | str], float] = {}
    for (kind, key), fs in groups.items():
        best = [f for f in fs if f.table] or fs
        if kind == "overall":
            best = [f for f in best if not f.weak] or best
        values = sorted({round(f.value, 2) for f in best})
        if len(values) > 1 and kind != "overall":
            shown = " และ ".join(f"{v:.2f}" for v in values)
            errors.append(
                f"{_label(kind, key)} มีคะแนนสองค่าที่ไม่ตรงกัน ({shown}) "
                f"กรุณาส่งค่าที่ถูกต้องเพียงค่าเดียว เช่น {_fix_example(kind, key, values[-1])}"
            )
            continue
        chosen = best[0].value
        others = sorted({round(f.value, 2) for f in fs} - {round(chosen, 2)})
        if others:
            where = "ในตาราง" if best[0].table else "ที่ระบุครั้งแรก"
            warnings.append(
                f"{_label(kind, key)} ในข้อความมีค่า {', '.join(f'{v:.2f}' for v in others)} ด้วย "
                f"จึงใช้ค่า{where} {chosen:.2f} หากไม่ถูกต้องกรุณาพิมพ์ {_fix_example(kind, key, others[0])}"
            )
        out[(kind, key)] = chosen
    return out


def parse_scores(text: str, fw: Framework, year: int | None = None) -> ParseResult:
    """Read one chat message into scores, or explain in Thai what to send instead."""
    text = text or ""
    if not re.search(r"[0-9A-Za-z\u0e00-\u0e7f]", text) or re.fullmatch(
        r"\s*\[?(?:sticker|สติกเกอร์|image|รูปภาพ)\]?\s*", text, re.I
    ):
        return ParseResult(
            ScoreSet(year=year),
            error=(
                "ไม่พบข้อความคะแนน (ข้อความว่าง หรือเป็นสติกเกอร์/รูปภาพ) กรุณาพิมพ์หรือวางคะแนน ITA เป็นข้อความ " + EXAMPLE
            ),
        )
    if len(text) > MAX_CHARS:
        return ParseResult(
            ScoreSet(year=year),
            error=(
                f"ข้อความยาวเกินไป ({len(text):,} ตัวอักษร) กรุณาส่งเฉพาะส่วนตารางคะแนน ไม่เกิน {MAX_CHARS:,} ตัวอักษร "
                + EXAMPLE
            ),
        )
    ex = extract(text, fw)
    errors: list[str] = []
    warnings = list(dict.fromkeys(ex.warnings))
    valid = []
    for f in ex.found:
        problem = _invalid(f)
        if problem:
            errors.append(problem)
        else:
            valid.append(f)
    settled = _settle(valid, errors, warnings)
    scores = ScoreSet(
        year=year if year is not None else pick_year(ex),
        overall=settled.get(("overall", "overall")),
        indicators={
            k: v for (kind, k), v in sorted(settled.items(), key=lambda kv: str(kv[0])) if kind == "indicator"
        },
        items={k: v for (kind, k), v in settled.items() if kind == "item"},
        tools={k: v for (kind, k), v in settled.items() if kind == "tool"},
    )
    scores.indicators = dict(sorted(scores.indicators.items()))
    if not errors and scores.is_empty():
        errors.append(
            "ไม่พบคะแนน ITA ในข้อความนี้ กรุณาส่งคะแนนรายตัวชี้วัด "
            + EXAMPLE
            + " หรือพิมพ์ทีละข้อ เช่น 'ตัวชี้วัดที่ 7 ได้ 60 คะแนน'"
        )
        errors += warnings  # e.g. EIT parts that were seen but cannot be used: say so, not just "nothing"
    error = None
    if errors:
        error = "\n".join(dict.fromkeys(errors))
        if not scores.is_empty():
            error += "\nคะแนนอื่นที่อ่านได้ถูกเก็บไว้แล้ว ส่งเฉพาะค่าที่แก้ไขก็พอ"
    missing = (
        scores.missing_indicators(fw.indicator_numbers) if (scores.indicators or not scores.items) else []
    )
    return ParseResult(scores, error, warnings, missing)


CORRECTION = re.compile(
    r"(?:(?:ขอ)?แก้(?:ไข)?\s*(?P<a>[^\n,;]+?)\s*(?:ให้)?(?:เป็น|=|→|->)\s*(?P<va>[-+]?\d+(?:\.\d+)?))"
    r"|(?:(?P<b>[^\n,;]+?)\s*(?:ที่ถูก(?:ต้อง)?(?:คือ|เป็น)?|ต้องเป็น|ควรเป็น|ที่แท้จริงคือ)\s*(?P<vb>[-+]?\d+(?:\.\d+)?))"
)


def _target(raw: str, fw: Framework) -> int | str | None:
    raw = raw.strip()
    m = re.search(r"(?:ตัวชี้วัด|ข้อ)\s*(?:ที่)?\s*(\d{1,2})\b", raw) or re.fullmatch(r"(\d{1,2})", raw)
    if m:
        return int(m.group(1))
    m = ITEM.search(raw)
    if m and 1 <= int(m.group(2)) <= ITEM_RANGES[m.group(1).upper()]:
        return f"{m.group(1).upper()}{int(m.group(2))}"
    m = TOOL.search(raw)
    if m:
        return m.group(1).upper()
    if re.search(r"ภาพรวม|คะแนนรวม|overall", raw, re.I):
        return "overall"
    hits = name_hits(squeeze(raw), fw)
    return hits[0].number if hits else None


def parse_correction(text: str, fw: Framework) -> dict[int | str, float] | None:
    """Read corrections such as 'แก้ตัวชี้วัด 7 เป็น 61.5' into {7: 61.5}; keys: 1..10, 'I14', 'IIT', 'overall'."""
    text = normalise(text or "")
    out: dict[int | str, float] = {}
    for m in CORRECTION.finditer(text):
        raw, value = (m.group("a"), m.group("va")) if m.group("a") else (m.group("b"), m.group("vb"))
        key = _target(raw, fw)
        val = float(value)
        if key is None or not 0 <= val <= 100 or (isinstance(key, int) and not 1 <= key <= 10):
            return None
        out[key] = val
    return out or None


def apply_correction(scores: ScoreSet, fix: dict[int | str, float]) -> ScoreSet:
    """Return scores with the corrections from parse_correction applied."""
    upd = ScoreSet()
    for key, val in fix.items():
        if key == "overall":
            upd.overall = val
        elif isinstance(key, int):
            upd.indicators[key] = val
        elif key in ("IIT", "EIT", "OIT"):
            upd.tools[key] = val
        else:
            upd.items[key] = val
    return scores.merge(upd)
