"""Load and validate the ITA framework facts shipped in knowledge/framework/.

Facts are data: every name, item, OIT requirement, recommendation, level rule and
calendar convention comes from these YAML files, each entry with its source and a
confidence label, so that the bot can hedge whatever is not confirmed.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

# DERIVED marks an inference by the fact collector (e.g. recommendation → item mapping);
# it is never a source on its own.
Confidence = Literal["CONFIRMED", "CORROBORATED", "SINGLE", "NOT_CONFIRMED", "DERIVED"]
SOLID: frozenset[str] = frozenset({"CONFIRMED", "CORROBORATED"})

# libyaml is ~5x faster than the pure-Python parser; the framework loads at every start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
    number: int = Field(ge=1, le=10)
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
    indicator: int = Field(ge=1, le=10)
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
    indicator: Literal[9, 10]
    year: int
    group: str = ""
    group_name: str = ""
    requirement: str = ""
    requirement_source: str = ""
    note: str = ""


class OitYear(Sourced):
    year: int
    notes: list[str] = Field(default_factory=list)
    groups: dict[str, str] = Field(default_factory=dict)
    items: list[OitItem] = Field(default_factory=list)


class Recommendation(Sourced):
    text: str = Field(min_length=1)
    variants: list[str] = Field(default_factory=list)
    items: list[str] = Field(default_factory=list)
    indicator: int | None = Field(default=None, ge=1, le=10)
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


class Framework(BaseModel):
    """Every ITA fact the bot knows, validated."""

    indicators: list[Indicator]
    tools: list[Tool]
    scales: list[Scale]
    sources: dict[str, str] = Field(default_factory=dict)
    items: dict[str, Item] = Field(default_factory=dict)
    oit_years: dict[int, OitYear] = Field(default_factory=dict)
    recommendations: list[Recommendation] = Field(default_factory=list)
    level_meanings: dict[str, LevelMeaning] = Field(default_factory=dict)
    unconfirmed: list[Unconfirmed] = Field(default_factory=list)
    calendar: FiscalCalendar | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        numbers = sorted(i.number for i in self.indicators)
        if numbers != list(range(1, 11)):
            raise ValueError(f"indicators must be exactly 1..10, got {numbers}")
        covered = sorted(n for t in self.tools for n in t.indicators)
        if covered != list(range(1, 11)):
            raise ValueError("tools must cover each indicator exactly once")
        if abs(sum(t.weight for t in self.tools) - 1.0) > 1e-9:
            raise ValueError("tool weights must sum to 1")
        tool_of = {n: t.code for t in self.tools for n in t.indicators}
        for ind in self.indicators:
            if tool_of[ind.number] != ind.tool:
                raise ValueError(
                    f"indicator {ind.number} says {ind.tool} but tools say {tool_of[ind.number]}"
                )
        for scale in self.scales:
            mins = [lv.min for lv in scale.levels]
            if mins != sorted(mins, reverse=True):
                raise ValueError(f"scale {scale.name}: levels must be listed from highest to lowest")
        for code, item in self.items.items():
            if code != item.code:
                raise ValueError(f"item key {code} differs from its code {item.code}")
            if tool_of[item.indicator] != item.tool:
                raise ValueError(
                    f"item {code} is an {item.tool} item but indicator {item.indicator} "
                    f"belongs to {tool_of[item.indicator]}"
                )
        for year, entry in self.oit_years.items():
            codes = [i.code for i in entry.items]
            dupes = sorted({c for c in codes if codes.count(c) > 1})
            if dupes:
                raise ValueError(f"OIT {year}: duplicate codes {dupes}")
        for rec in self.recommendations:
            unknown = [c for c in rec.items if c not in self.items and not self._oit_code_known(c)]
            if unknown:
                raise ValueError(f"recommendation {rec.text[:40]!r} names unknown items {unknown}")
        return self

    def _oit_code_known(self, code: str) -> bool:
        return any(i.code == code for y in self.oit_years.values() for i in y.items)

    @cached_property
    def by_number(self) -> dict[int, Indicator]:
        return {i.number: i for i in self.indicators}

    @cached_property
    def oit(self) -> dict[int, list[OitItem]]:
        """OIT items by assessment year (B.E.); a year known to be unknown maps to []."""
        return {y: list(e.items) for y, e in sorted(self.oit_years.items())}

    @property
    def indicator_numbers(self) -> tuple[int, ...]:
        """Return the numbers of the assessment's indicators, in order (1..10 today)."""
        return tuple(sorted(self.by_number))

    def indicator(self, number: int) -> Indicator:
        """Return indicator `number` (1..10)."""
        return self.by_number[number]

    def tool_of(self, number: int) -> Tool:
        """Return the tool that measures indicator `number`."""
        return next(t for t in self.tools if number in t.indicators)

    def scale_for(self, year: int) -> Scale | None:
        """Return the grading scale in force for an assessment year (B.E.), if known."""
        return next((s for s in self.scales if s.covers(year)), None)

    def oit_item(self, code: str, year: int | None = None) -> OitItem | None:
        """Return OIT item `code` for a year: that year's list, else the nearest listed year
        at or before it, else the nearest after; year=None = the latest year having the code.

        A year whose list is known but lacks the code gives None: O-codes are renumbered
        between years, so borrowing another year's item would mislead.
        """
        code = (code or "").strip().upper()
        listed = [y for y, items in self.oit.items() if items]
        if not listed:
            return None
        if year is None:
            found = [i for y in reversed(listed) for i in self.oit[y] if i.code == code]
            return found[0] if found else None
        before = [y for y in listed if y <= year]
        pick = max(before) if before else min(listed)
        return next((i for i in self.oit[pick] if i.code == code), None)

    def item_indicator(self, code: str, year: int | None = None) -> int | None:
        """Return the indicator number of an I/E/O item code, or None if unknown."""
        code = (code or "").strip().upper()
        if code in self.items:
            return self.items[code].indicator
        if code.startswith("O"):
            oit = self.oit_item(code, year)
            return oit.indicator if oit else None
        return None

    def item_title(self, code: str, year: int | None = None) -> str | None:
        """Return an item's short Thai title (OIT title, or the I/E text), or None."""
        code = (code or "").strip().upper()
        if code in self.items:
            item = self.items[code]
            return item.short or item.text
        oit = self.oit_item(code, year) if code.startswith("O") else None
        return oit.title if oit else None

    def recommendations_for(
        self, indicator: int | None = None, item: str | None = None
    ) -> list[Recommendation]:
        """Return recommendations listed under an indicator (or mapped to one) and/or naming an item."""
        out = []
        for rec in self.recommendations:
            if item is not None and item.strip().upper() not in rec.items:
                continue
            if (
                indicator is not None
                and rec.indicator != indicator
                and indicator not in {self.item_indicator(c) for c in rec.items}
            ):
                continue
            out.append(rec)
        return out

    def knowledge_passages(self) -> list[dict]:
        """Return self-contained Thai passages of every fact, for the vector index."""
        from bot.ita.passages import build_passages  # noqa: PLC0415 - keeps this module small

        return build_passages(self)


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_LOADER)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def _items(data: dict) -> dict[str, dict]:
    defaults = data.get("defaults", {})
    out: dict[str, dict] = {}
    for raw in data["items"]:
        base = defaults.get("iit" if str(raw.get("code", "")).startswith("I") else "eit", {})
        entry = {**base, **raw}
        if entry["code"] in out:
            raise ValueError(f"items.yaml: duplicate item code {entry['code']}")
        out[entry["code"]] = entry
    return out


def _oit_years(data: dict) -> dict[int, dict]:
    raw_years = {int(e["year"]): e for e in data["years"]}

    def own_items(year: int, seen: tuple[int, ...] = ()) -> tuple[dict, list[dict]]:
        # Items keep only their own source/confidence here; the year that lists them
        # supplies the defaults below, so a copied item is credited to the copying year.
        if year in seen or year not in raw_years:
            raise ValueError(f"oit.yaml: bad same_as chain at {year}")
        e = raw_years[year]
        groups, items = {}, []
        if e.get("same_as"):
            groups, origin = own_items(int(e["same_as"]), (*seen, year))
            only = e.get("only_groups")
            items = [dict(it) for it in origin if only is None or str(it.get("group")) in only]
        groups = {**groups, **(e.get("groups") or {})}
        items += [dict(it) for it in e.get("items") or []]
        patches = {p["code"]: p for p in e.get("overrides") or []}
        return groups, [{**it, **patches.get(it["code"], {})} for it in items]

    out = {}
    for year, e in raw_years.items():
        groups, items = own_items(year)
        for it in items:
            it.setdefault("source", e.get("source", ""))
            it.setdefault("confidence", e.get("confidence"))
            it["group_name"] = groups.get(str(it.get("group", "")), "")
            it["year"] = year
        out[year] = {
            "year": year,
            "source": e.get("source", ""),
            "confidence": e.get("confidence"),
            "notes": e.get("notes") or [],
            "groups": groups,
            "items": items,
        }
    return out


def _recommendations(data: dict) -> list[dict]:
    defaults = data.get("defaults", {})
    seed_years = {str(k): int(v) for k, v in (data.get("years_of_seed") or {}).items()}
    out = []
    for raw in data["recommendations"]:
        entry = {**defaults, **raw}
        entry.setdefault("years", sorted({seed_years[s] for s in entry.get("seeds", []) if s in seed_years}))
        out.append(entry)
    return out


def load_framework(knowledge_dir: Path) -> Framework:
    """Read knowledge/framework/*.yaml and return the validated Framework."""
    fw_dir = Path(knowledge_dir) / "framework"
    ind = _read(fw_dir / "indicators.yaml")
    tools = _read(fw_dir / "tools.yaml")
    grading = _read(fw_dir / "grading.yaml")
    extra = {
        name: _read(fw_dir / f"{name}.yaml") if (fw_dir / f"{name}.yaml").exists() else None
        for name in ("items", "oit", "recommendations", "descriptions", "unconfirmed", "calendar")
    }
    indicators = [dict(i) for i in ind["indicators"]]
    if extra["descriptions"]:
        texts = {d["number"]: d for d in extra["descriptions"]["indicators"]}
        for i in indicators:
            i.update({k: v for k, v in texts.get(i["number"], {}).items() if k != "number"})
    try:
        return Framework(
            indicators=indicators,
            tools=tools["tools"],
            scales=grading["scales"],
            sources={"indicators": ind["source"], "tools": tools["source"]},
            items=_items(extra["items"]) if extra["items"] else {},
            oit_years=_oit_years(extra["oit"]) if extra["oit"] else {},
            recommendations=_recommendations(extra["recommendations"]) if extra["recommendations"] else [],
            level_meanings={m["level"]: m for m in (extra["descriptions"] or {}).get("level_meanings", [])},
            unconfirmed=(extra["unconfirmed"] or {}).get("unconfirmed", []),
            calendar=extra["calendar"],
        )
    except ValidationError as exc:
        raise ValueError(f"invalid ITA framework data in {fw_dir}: {_explain(exc)}") from exc


def _explain(exc: ValidationError) -> str:
    """Return a short, readable list of what is wrong and where."""
    parts = []
    for err in exc.errors()[:8]:
        where = ".".join(str(p) for p in err["loc"])
        msg = re.sub(r"^Value error, ", "", err["msg"])
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts)
