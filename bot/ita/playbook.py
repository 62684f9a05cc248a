"""Load the measures playbook and agency types, and fit them to one agency.

The playbook (knowledge/playbook/*.yaml) is our distilled practice from the
seed documents: per indicator and per weak item, what measures agencies take,
their steps tagged with a unit ROLE, timing, KPIs, monitoring and the seed
passages they came from. knowledge/agency_types.yaml maps every role to the
unit names of each agency type (bot.ita.agency_types), so owners never cross
agency families. The passages indexed for retrieval are built in bot.ita.passages.
The module runs a little over 400 lines because the row voice (voice.yaml: openings,
item steps, officer checks) is validated here with the entries it speaks for.
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, field_validator, model_validator

from bot.ita.agency_types import AgencyType, Audience, Role, match_agency_type, resolve_owners
from bot.ita.facts import Confidence
from bot.ita.tiers import Tier

WHOLE_YEAR = "ตลอดปี"
# The tier names the analysis texts are keyed by (the YAML keys are these Thai strings).
_TIER_NAMES = tuple(t.value for t in Tier)
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


class Timing(BaseModel):
    """When a measure runs, in fiscal months (1 = ต.ค. ... 12 = ก.ย.)."""

    start: int = Field(ge=1, le=12)
    end: int = Field(ge=1, le=12)
    label: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> Timing:
        if self.end < self.start:
            raise ValueError(f"timing ends (month {self.end}) before it starts (month {self.start})")
        return self


class PlaybookEntry(BaseModel):
    """Practice for one indicator, or one weak item (I/E) or OIT item group."""

    key: str = Field(pattern=r"^[A-Za-z0-9_]+$")
    indicator: int = Field(ge=1)
    items: list[str] = Field(default_factory=list)
    title: str = Field(min_length=5)
    analysis: dict[str, str]
    measures: list[str] = Field(min_length=1)
    steps: list[Step] = Field(min_length=3)
    owner_roles: list[str] = Field(min_length=1)
    timing: Timing | None = None
    kpis: list[str] = Field(min_length=1)
    monitoring: str = Field(min_length=5)
    reporting: str = Field(min_length=5)
    report: str = Field(
        min_length=5,
        max_length=90,
        description="what the row reports to the executive, e.g. ผลสำรวจความพึงพอใจ...",
    )
    seed_refs: list[SeedRef] = Field(min_length=1)
    # How well the seeds back this practice (a file's `defaults` may set both): CORROBORATED =
    # two or more seed documents show it, SINGLE = one, DERIVED = written by us from the item's
    # wording and related practice. Never CONFIRMED: the NACC publishes no practice to confirm it.
    confidence: Confidence
    basis: str = Field(min_length=5, description="where the practice comes from, in words")
    maintain: MaintainPlan | None = Field(default=None, description="the short รักษาระดับ row")
    group: str = Field(default="", description="OIT group, e.g. 9.3")
    codes: dict[str, list[str]] = Field(default_factory=dict, description="OIT codes by B.E. year or range")
    publish: str = Field(default="", description="what must be published on the website (OIT)")
    source: str = Field(default="", description="file#key this entry was loaded from")

    @field_validator("timing", mode="before")
    @classmethod
    def _whole_year(cls, value: object) -> object:
        if value == WHOLE_YEAR:
            return {"start": 1, "end": 12, "label": WHOLE_YEAR}
        return value

    @field_validator("analysis")
    @classmethod
    def _tiers(cls, value: dict[str, str]) -> dict[str, str]:
        if set(value) != set(_TIER_NAMES):
            raise ValueError(f"analysis needs exactly the tiers {_TIER_NAMES}, got {sorted(value)}")
        for text in value.values():
            check_template(text)
        return value

    @field_validator("kpis", "measures")
    @classmethod
    def _templates(cls, value: list[str]) -> list[str]:
        return [check_template(v) for v in value]

    @field_validator("codes")
    @classmethod
    def _year_keys(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for key in value:
            if not re.fullmatch(r"\d{4}(-\d{4})?", key):
                raise ValueError(f"codes key must be a B.E. year or range like 2564-2565, got {key!r}")
        return value

    def codes_for(self, year: int) -> list[str]:
        """Return the OIT codes this entry covers in an assessment year (B.E.)."""
        found: list[str] = []
        for key, codes in self.codes.items():
            first, _, last = key.partition("-")
            if int(first) <= year <= int(last or first):
                found.extend(codes)
        return found

    def years(self) -> list[int]:
        """Return every assessment year this entry has OIT codes for."""
        out: set[int] = set()
        for key in self.codes:
            first, _, last = key.partition("-")
            out.update(range(int(first), int(last or first) + 1))
        return sorted(out)


class DocumentDefaults(BaseModel):
    """Document-level success KPIs, monitoring and reporting text, expected results."""

    kpis: list[str] = Field(min_length=1)
    monitoring_plan: list[str] = Field(min_length=1)
    reporting_plan: list[str] = Field(min_length=1)
    expected_results: list[str] = Field(min_length=1)
    seed_refs: list[SeedRef] = Field(min_length=1)
    confidence: Confidence
    basis: str = Field(min_length=5)

    @field_validator("kpis", "monitoring_plan", "reporting_plan", "expected_results")
    @classmethod
    def _templates(cls, value: list[str]) -> list[str]:
        return [check_template(v) for v in value]


VOICE_PLACEHOLDERS = {
    "number",
    "indicator_name",
    "score",
    "floor",
    "target",
    "gap",
    "to_target",
    "self",
    "people",
    "tool",
    "item",
    "item_name",
    "items",
    "what",
    "where",
    "delta",
    "previous",
    "year",
    "groups",
}


def _voice_template(text: str) -> str:
    unknown = placeholders(text) - VOICE_PLACEHOLDERS
    if unknown:
        raise ValueError(f"unknown placeholder(s) {sorted(unknown)} in {text[:60]!r}")
    return text


class VoiceStep(BaseModel):
    """A step an item row adds (voice.yaml item_steps): its role and a voice template."""

    role: str
    text: str = Field(min_length=5)


class Voice(BaseModel):
    """How drafted rows speak (knowledge/playbook/voice.yaml): openings by tier, item steps, checks."""

    openings: dict[str, dict[str, list[str]]]
    weak_items: list[str] = Field(min_length=1)
    check_items: str
    check_items_unknown: str
    change: dict[str, str]
    item_fallback: str
    item_steps: list[VoiceStep] = Field(min_length=3)
    item_monitoring: str
    indicator_monitoring: str
    oit_item_step: str
    oit_item_where: str
    oit_item_what: str
    oit_item_publish: str
    oit_item_kpi: str
    oit_check_step: str
    ie_check_step: str
    ie_check_step_unknown: str
    focus_step: str
    # a weak I/E item named in its indicator's row, with what to do about it ({what})
    ie_item_step: str = "ข้อ {item} {item_name}: {what}"
    ie_item_fallback: str = "ทบทวนสาเหตุร่วมกับหน่วยงานที่เกี่ยวข้องและกำหนดแนวทางแก้ไข"
    # no item scores: the items agencies most often lose, named so it holds either way
    check_first: str = ""
    checks: dict[str, str]
    # the reporting rounds by the row's end: half (by มี.ค.), later (by ส.ค.), year (ก.ย.)
    report_rounds: dict[str, str] = Field(
        default={
            "half": "รอบ 6 เดือน",
            "later": "รอบ 6 เดือน และรอบ 12 เดือน",
            "year": "รอบ 6 เดือน และรอบ 12 เดือน",
        }
    )
    # a step phrase -> its wordings, one per agency type (taken by the type's offset)
    step_words: dict[str, list[str]] = Field(default_factory=dict)
    # long words in unit names -> the short form a step's brackets use ("อบจ.")
    unit_short: dict[str, str] = Field(default_factory=dict)
    # an indicator row's analysis by slot (score, lowest, meaning, named_oit ...): lists of shapes,
    # and who/reflects lookups (bot/drafting/analysis.py)
    analysis: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _templates(self) -> Voice:
        for kind in ("indicator", "item"):
            missing = set(_TIER_NAMES) - set(self.openings.get(kind, {}))
            if missing:
                raise ValueError(f"voice openings.{kind} needs every tier, missing {sorted(missing)}")
        if set(self.change) != {"up", "down", "same"}:
            raise ValueError("voice change needs exactly up, down and same")
        texts = [t for by_tier in self.openings.values() for ts in by_tier.values() for t in ts]
        texts += [*self.weak_items, *self.change.values(), *self.checks.values()]
        texts += [s.text for s in self.item_steps]
        texts += [
            self.ie_item_step,
            self.ie_item_fallback,
            self.check_first,
        ]
        texts += [
            self.check_items,
            self.check_items_unknown,
            self.item_fallback,
            self.item_monitoring,
            self.indicator_monitoring,
            self.oit_item_step,
            self.oit_item_where,
            self.oit_item_what,
            self.oit_item_publish,
            self.oit_item_kpi,
            self.oit_check_step,
            self.ie_check_step,
            self.ie_check_step_unknown,
            self.focus_step,
        ]
        for text in texts:
            _voice_template(text)
        return self


class Playbook(BaseModel):
    """Every playbook entry and agency type, validated as a whole."""

    roles: dict[str, Role]
    agency_types: dict[str, AgencyType]
    entries: dict[str, PlaybookEntry]
    defaults: dict[str, DocumentDefaults]
    default_year: int = 2568
    voice: Voice | None = Field(default=None, description="knowledge/playbook/voice.yaml")

    @model_validator(mode="after")
    def _consistent(self) -> Playbook:
        for at in self.agency_types.values():
            missing = sorted(set(self.roles) - {r for r, names in at.roles.items() if names})
            extra = sorted(set(at.roles) - set(self.roles))
            if missing or extra:
                raise ValueError(f"agency type {at.key}: roles missing {missing}, unknown {extra}")
            if at.family not in self.defaults:
                raise ValueError(f"no document defaults for family {at.family!r} (type {at.key})")
        for entry in self.entries.values():
            used = set(entry.owner_roles) | {s.role for s in entry.steps}
            used |= {s.role for s in entry.maintain.steps} if entry.maintain else set()
            used |= {s.role for s in self.voice.item_steps} if self.voice else set()
            unknown = sorted(used - set(self.roles))
            if unknown:
                raise ValueError(f"entry {entry.key}: unknown role(s) {unknown}")
        # Every indicator that any entry names, and every number below it, needs its own
        # indicator entry. The playbook does not load the framework; a test checks that
        # the indicators covered are exactly the framework's.
        covered = {e.indicator for e in self.entries.values() if not e.items and not e.codes}
        named = set(range(1, max((e.indicator for e in self.entries.values()), default=1) + 1))
        if covered != named:
            raise ValueError(
                f"every indicator 1-{max(named)} needs an indicator entry, missing {sorted(named - covered)}"
            )
        return self

    # -- entries -------------------------------------------------------------
    def entry(self, key: str) -> PlaybookEntry:
        """Return the entry with this key (KeyError names the known keys if absent)."""
        try:
            return self.entries[key]
        except KeyError:
            raise KeyError(f"no playbook entry {key!r}; known: {', '.join(sorted(self.entries))}") from None

    def entries_for(
        self, indicator: int, items: list[str] | tuple[str, ...] = (), year: int | None = None
    ) -> list[PlaybookEntry]:
        """Return the indicator's entry first, then one entry per given item that has one.

        Returned item entries are copies whose `items` are the requested codes they
        matched. O-codes differ by year: `year` is the ITA assessment year (B.E.);
        without it the playbook's default year is tried first, then the others.
        """
        base = next(
            e for e in self.entries.values() if e.indicator == indicator and not e.items and not e.codes
        )
        matched: dict[str, list[str]] = {}
        for raw in items:
            code = raw.strip().upper()
            found = self._entry_for_item(code, year)
            if found is not None:
                matched.setdefault(found.key, []).append(code)
        return [base, *(self.entries[k].model_copy(update={"items": codes}) for k, codes in matched.items())]

    def _entry_for_item(self, code: str, year: int | None) -> PlaybookEntry | None:
        if not code.startswith("O"):
            return next((e for e in self.entries.values() if code in e.items and not e.codes), None)
        all_years = sorted({y for e in self.entries.values() for y in e.years()}, reverse=True)
        tried = [year] if year else [self.default_year, *all_years]
        for y in tried:
            hits = [e for e in self.entries.values() if code in e.codes_for(y)]
            if hits:
                # the entry naming the fewest codes is the most specific (O13 before group 9.3)
                return min(hits, key=lambda e: len(e.codes_for(y)))
        return None

    def document_defaults(self, family: str) -> DocumentDefaults:
        """Return the document-level defaults for an agency family."""
        if family not in self.defaults:
            raise KeyError(f"no document defaults for family {family!r}; known: {', '.join(self.defaults)}")
        return self.defaults[family]

    # -- agency types --------------------------------------------------------
    def match_agency_type(self, text: str) -> AgencyType | None:
        """Return the agency type a name or alias refers to, tolerating typos; None if unsure."""
        return match_agency_type(self.agency_types, text)

    def resolve_owners(self, roles: list[str], agency_type: str, units: list[str] | None = None) -> list[str]:
        """Return unit names for roles in this agency type, picked from the officer's units if given."""
        return resolve_owners(self.roles, self.agency_types, roles, agency_type, units)


def _read_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def load_playbook(knowledge_dir: Path) -> Playbook:
    """Load and validate knowledge/agency_types.yaml and knowledge/playbook[/*].yaml."""
    knowledge_dir = Path(knowledge_dir)
    types_data = _read_yaml(knowledge_dir / "agency_types.yaml")
    roles = {k: Role(key=k, **v) for k, v in (types_data.get("roles") or {}).items()}
    audiences = {k: Audience(**v) for k, v in (types_data.get("audiences") or {}).items()}
    agency_types: dict[str, AgencyType] = {}
    for raw in types_data.get("types") or []:
        raw = dict(raw)
        units = raw.pop("units", [])
        family = raw.get("family", "")
        if audiences and family not in audiences:
            raise ValueError(f"agency type {raw.get('key')!r}: no audience for family {family!r}")
        if family in audiences:
            raw.setdefault("audience", audiences[family])
        at = AgencyType(
            default_units=[u["name"] for u in units],
            unit_sources={u["name"]: u.get("source", "standard") for u in units},
            unit_confidence={u["name"]: u["confidence"] for u in units},
            **raw,
        )
        if at.key in agency_types:
            raise ValueError(f"duplicate agency type {at.key!r}")
        agency_types[at.key] = at

    files = [p for p in [knowledge_dir / "playbook.yaml"] if p.exists()]
    files += sorted((knowledge_dir / "playbook").glob("*.yaml"))
    if not files:
        raise FileNotFoundError(f"no playbook files under {knowledge_dir}")
    entries: dict[str, PlaybookEntry] = {}
    defaults: dict[str, DocumentDefaults] = {}
    default_year = 2568
    voice: Voice | None = None
    for path in files:
        data = _read_yaml(path)
        rel = (
            path.relative_to(knowledge_dir.parent).as_posix()
            if knowledge_dir.parent in path.parents
            else path.name
        )
        default_year = int(data.get("default_year", default_year))
        labels = data.get("defaults") or {}  # confidence and basis for every entry of the file
        for raw in data.get("entries") or []:
            entry = PlaybookEntry(**{**labels, **raw}, source=f"{rel}#{raw.get('key', '')}")
            if entry.key in entries:
                raise ValueError(f"duplicate playbook entry {entry.key!r} in {path.name}")
            entries[entry.key] = entry
        for family, raw in (data.get("families") or {}).items():
            defaults[family] = DocumentDefaults(**{**labels, **raw})
        if data.get("voice"):
            voice = Voice(**data["voice"])
    return Playbook(
        roles=roles,
        agency_types=agency_types,
        entries=entries,
        defaults=defaults,
        default_year=default_year,
        voice=voice,
    )
