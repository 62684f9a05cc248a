"""Load and validate the ITA framework facts shipped in knowledge/framework/.

Facts are data: every name, item, OIT requirement, recommendation, level rule and
calendar convention comes from these YAML files, each entry with its source and a
confidence label, so that the bot can hedge whatever is not confirmed. The fact
models live in bot.ita.facts; this module checks them against each other.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

from bot.ita.facts import (
    SOLID,
    FiscalCalendar,
    Indicator,
    Item,
    LevelMeaning,
    OitItem,
    OitYear,
    Recommendation,
    Scale,
    Tool,
    Unconfirmed,
    hedge,
)

__all__ = ["SOLID", "Framework", "hedge", "load_framework"]

# libyaml is ~5x faster than the pure-Python parser; the framework loads at every start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Framework(BaseModel):
    """Every ITA fact the bot knows, validated."""

    indicators: list[Indicator]
    tools: list[Tool]
    scales: list[Scale]
    sources: dict[str, str] = Field(default_factory=dict)
    items: dict[str, Item] = Field(default_factory=dict)
    oit_years: dict[int, OitYear] = Field(default_factory=dict)
    recommendations: list[Recommendation] = Field(default_factory=list, description="NACC wording only")
    guidance: list[Recommendation] = Field(
        default_factory=list,
        description="guidance.yaml: our own recommendations (origin OURS), never cited as NACC text",
    )
    level_meanings: dict[str, LevelMeaning] = Field(default_factory=dict)
    unconfirmed: list[Unconfirmed] = Field(default_factory=list)
    calendar: FiscalCalendar | None = None
    oit_guidance: list[tuple[tuple[str, ...], str]] = Field(
        default_factory=list,
        description="oit.yaml publish_guidance: title words -> what to publish (DERIVED)",
    )
    item_names: dict[str, str] = Field(
        default_factory=dict,
        description="our short form of each I/E item (items.yaml `name`), for drafted rows",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        # The assessment's indicators are numbered 1..N with no gap (N = 10 today).
        numbers = sorted(i.number for i in self.indicators)
        expected = list(range(1, len(numbers) + 1))
        if numbers != expected:
            raise ValueError(f"indicators must be exactly 1..{len(numbers)}, got {numbers}")
        covered = sorted(n for t in self.tools for n in t.indicators)
        if covered != expected:
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
            if item.indicator not in tool_of:
                raise ValueError(f"item {code} names unknown indicator {item.indicator}")
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
            not_oit = sorted({i.code for i in entry.items if tool_of.get(i.indicator) != "OIT"})
            if not_oit:
                raise ValueError(f"OIT {year}: items {not_oit} name an indicator the OIT does not measure")
        for rec in self.recommendations:
            if rec.origin != "NACC":
                raise ValueError(f"recommendation {rec.text[:40]!r} is not NACC wording: put it in guidance")
        for rec in self.guidance:
            if rec.origin != "OURS" or rec.confidence in SOLID:
                raise ValueError(f"guidance {rec.text[:40]!r} must be origin OURS and not labelled confirmed")
        for rec in [*self.recommendations, *self.guidance]:
            if rec.indicator is not None and rec.indicator not in tool_of:
                raise ValueError(f"recommendation {rec.text[:40]!r} names unknown indicator {rec.indicator}")
            unknown = [c for c in rec.items if c not in self.items and not self._oit_code_known(c)]
            if unknown:
                raise ValueError(f"recommendation {rec.text[:40]!r} names unknown items {unknown}")
        return self

    def _oit_code_known(self, code: str) -> bool:
        """Tell whether any assessment year lists this OIT code."""
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
        """Return indicator `number` (one of indicator_numbers)."""
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

    def item_name(self, code: str, year: int | None = None) -> str | None:
        """Return an item's short name for a drafted row: never a question stem.

        I/E items: the `name` written for rows, else the seed's short label; O items: the year's title.
        """
        code = (code or "").strip().upper()
        if code in self.item_names:
            return self.item_names[code]
        return self.item_title(code, year)

    def oit_publish(self, code: str, year: int | None) -> str:
        """Return what to publish for an OIT item, from its title (DERIVED guidance), or "".

        Nothing for an item whose title is NOT_CONFIRMED: guidance read off a doubtful title
        would state the doubt as fact.
        """
        item = self.oit_item(code, year)
        if item is None or item.confidence == "NOT_CONFIRMED":
            return ""
        return next((what for words, what in self.oit_guidance if all(w in item.title for w in words)), "")

    def oit_list(self, indicator: int, year: int | None) -> list[OitItem]:
        """Return the OIT items of an indicator in an assessment year's list (that year's own list only).

        Empty when the year's list is unknown: O-codes are renumbered between years.
        """
        if year is None:
            return []
        return [i for i in self.oit.get(year, []) if i.indicator == indicator]

    def items_of(self, indicator: int, year: int | None) -> list[Item]:
        """Return the I/E items of an indicator when the item list is known for that year, else []."""
        return [i for i in self.items.values() if i.indicator == indicator and year in i.years]

    def recommendations_for(
        self, indicator: int | None = None, item: str | None = None, *, ours: bool = False
    ) -> list[Recommendation]:
        """Return NACC recommendations listed under an indicator (or mapped to one) and/or naming an item.

        ours=True returns our own guidance (guidance.yaml) instead: never to be cited as NACC wording.
        """
        out = []
        for rec in self.guidance if ours else self.recommendations:
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
        groups: dict[str, str] = {}
        items: list[dict] = []
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


def _recommendations(data: dict, key: str = "recommendations") -> list[dict]:
    defaults = data.get("defaults", {})
    seed_years = {str(k): int(v) for k, v in (data.get("years_of_seed") or {}).items()}
    out = []
    for raw in data[key]:
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
        for name in ("items", "oit", "recommendations", "guidance", "descriptions", "unconfirmed", "calendar")
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
            guidance=_recommendations(extra["guidance"], "guidance") if extra["guidance"] else [],
            level_meanings={m["level"]: m for m in (extra["descriptions"] or {}).get("level_meanings", [])},
            unconfirmed=(extra["unconfirmed"] or {}).get("unconfirmed", []),
            calendar=extra["calendar"],
            oit_guidance=[
                (tuple(e["match"]), str(e["what"]))
                for e in ((extra["oit"] or {}).get("publish_guidance") or {}).get("entries", [])
            ],
            item_names={
                str(raw["code"]): str(raw["name"])
                for raw in (extra["items"] or {}).get("items", [])
                if raw.get("name")
            },
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
