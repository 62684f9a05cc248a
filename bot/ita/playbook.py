"""Load the measures playbook and agency types, and fit them to one agency.

The playbook (knowledge/playbook/*.yaml) is our distilled practice from the
seed documents: per indicator and per weak item, what measures agencies take,
their steps tagged with a unit ROLE, timing, KPIs, monitoring and the seed
passages they came from. knowledge/agency_types.yaml maps every role to the
unit names of each agency type, so owners never cross agency families.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, field_validator, model_validator
from rapidfuzz import fuzz

from bot.ita.playbook_models import MaintainPlan, SeedRef, Step
from bot.ita.playbook_models import check_template as _check_template

TIERS = ("แก้ไขเร่งด่วน", "พัฒนาให้ดีขึ้น", "รักษาระดับ")
Family = Literal["local_gov", "school", "central_gov", "public_org", "university"]
WHOLE_YEAR = "ตลอดปี"
# Thai unit names share generic heads ("กอง", "กลุ่ม", "งาน" ...); comparing the
# rest keeps "กองคลัง" from looking like "กองช่าง".
_UNIT_HEADS = ("ส่วนงาน", "กลุ่มงาน", "กลุ่ม", "สำนัก", "กอง", "งาน", "ฝ่าย", "ศูนย์", "หน่วย", "ส่วน")
_MIN_UNIT_SCORE = 80.0
_MIN_TYPE_SCORE = 85.0


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
    indicator: int = Field(ge=1, le=10)
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
    maintain: MaintainPlan | None = Field(default=None, description="the short รักษาระดับ row")
    group: str = Field(default="", description="OIT group, e.g. 9.3")
    codes: dict[str, list[str]] = Field(default_factory=dict, description="OIT codes by B.E. year or range")
    publish: str = Field(default="", description="what must be published on the website (OIT)")
    source: str = Field(default="", description="file#key this entry was loaded from")

    @field_validator("timing", mode="before")
    @classmethod
    def _whole_year(cls, value):
        if value == WHOLE_YEAR:
            return {"start": 1, "end": 12, "label": WHOLE_YEAR}
        return value

    @field_validator("analysis")
    @classmethod
    def _tiers(cls, value: dict[str, str]) -> dict[str, str]:
        if set(value) != set(TIERS):
            raise ValueError(f"analysis needs exactly the tiers {TIERS}, got {sorted(value)}")
        for text in value.values():
            _check_template(text)
        return value

    @field_validator("kpis", "measures")
    @classmethod
    def _templates(cls, value: list[str]) -> list[str]:
        return [_check_template(v) for v in value]

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


class Role(BaseModel):
    """A unit role that steps and owners refer to."""

    key: str
    name_th: str
    keywords: list[str] = Field(default_factory=list)
    generic: bool = Field(default=False, description="not a unit (all units, ITA team, executive)")


class AgencyType(BaseModel):
    """One agency type: its names, units, role map and who approves the measures."""

    key: str = Field(pattern=r"^[a-z_]+$")
    name_th: str
    aliases: list[str] = Field(default_factory=list)
    family: Family
    default_units: list[str] = Field(min_length=1)
    unit_sources: dict[str, str] = Field(default_factory=dict, description='"seed 00N" or "standard"')
    roles: dict[str, list[str]]
    executive: str
    report_to: str

    def known_names(self) -> set[str]:
        """Return every unit or role name that belongs to this type."""
        return set(self.default_units) | {n for names in self.roles.values() for n in names}


class DocumentDefaults(BaseModel):
    """Document-level success KPIs, monitoring and reporting text, expected results."""

    kpis: list[str] = Field(min_length=1)
    monitoring_plan: list[str] = Field(min_length=1)
    reporting_plan: list[str] = Field(min_length=1)
    expected_results: list[str] = Field(min_length=1)
    seed_refs: list[SeedRef] = Field(min_length=1)

    @field_validator("kpis", "monitoring_plan", "reporting_plan", "expected_results")
    @classmethod
    def _templates(cls, value: list[str]) -> list[str]:
        return [_check_template(v) for v in value]


class Playbook(BaseModel):
    """Every playbook entry and agency type, validated as a whole."""

    roles: dict[str, Role]
    agency_types: dict[str, AgencyType]
    entries: dict[str, PlaybookEntry]
    defaults: dict[str, DocumentDefaults]
    default_year: int = 2568

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
            unknown = sorted(used - set(self.roles))
            if unknown:
                raise ValueError(f"entry {entry.key}: unknown role(s) {unknown}")
        covered = {e.indicator for e in self.entries.values() if not e.items and not e.codes}
        if covered != set(range(1, 11)):
            raise ValueError(
                f"every indicator 1-10 needs an indicator entry, missing {sorted(set(range(1, 11)) - covered)}"
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

    def passages(self) -> list[dict]:
        """Return one self-contained Thai passage per entry, for the retrieval index."""
        out = []
        for e in self.entries.values():
            head = f"แนวทางมาตรการ ตัวชี้วัดที่ {e.indicator}"
            if e.items:
                head += f" ข้อ {', '.join(e.items)}"
            if e.group:
                head += f" (OIT กลุ่ม {e.group})"
            lines = [f"{head}: {e.title}", "มาตรการ/โครงการ: " + "; ".join(e.measures)]
            lines.append(
                "ขั้นตอน: "
                + " ".join(f"{i}. {s.text} ({self.roles[s.role].name_th})" for i, s in enumerate(e.steps, 1))
            )
            lines.append("ตัวชี้วัดความสำเร็จ: " + "; ".join(e.kpis))
            lines.append(f"การกำกับติดตาม: {e.monitoring}")
            lines.append(f"การรายงานผล: {e.reporting}")
            if e.publish:
                lines.append(f"สิ่งที่ต้องเผยแพร่: {e.publish}")
            if e.codes:
                lines.append("รหัสข้อตามปี: " + "; ".join(f"{y}: {', '.join(c)}" for y, c in e.codes.items()))
            out.append(
                {
                    "id": f"playbook:{e.key}",
                    "text": "\n".join(lines),
                    "source": e.source,
                    "kind": "playbook",
                    "indicator": e.indicator,
                    "items": list(e.items),
                }
            )
        return out

    def document_defaults(self, family: str) -> DocumentDefaults:
        """Return the document-level defaults for an agency family."""
        if family not in self.defaults:
            raise KeyError(f"no document defaults for family {family!r}; known: {', '.join(self.defaults)}")
        return self.defaults[family]

    # -- agency types --------------------------------------------------------
    def match_agency_type(self, text: str) -> AgencyType | None:
        """Return the agency type a name or alias refers to, tolerating typos; None if unsure."""
        norm = " ".join((text or "").split())
        if not norm:
            return None
        low = norm.lower()
        for at in self.agency_types.values():
            if low in (at.key, at.name_th.lower()):
                return at
        best: tuple[tuple, AgencyType] | None = None
        for at in self.agency_types.values():
            for alias in (at.name_th, *at.aliases):
                pos = _alias_position(alias.lower(), low)
                if pos is not None:
                    rank = (-pos, len(alias))  # earliest mention wins, then the most specific alias
                    if best is None or rank > best[0]:
                        best = (rank, at)
        if best:
            return best[1]
        if len(norm) < 4:
            return None
        scored = []
        for at in self.agency_types.values():
            for alias in (at.name_th, *at.aliases):
                if len(alias) >= 5:  # short aliases ("อบต", "กรม") match too much by chance
                    scored.append((fuzz.partial_ratio(alias.lower(), low), len(alias), at))
        score, _, at = max(scored, key=lambda s: (s[0], s[1]))
        return at if score >= _MIN_TYPE_SCORE else None

    def resolve_owners(self, roles: list[str], agency_type: str, units: list[str] | None = None) -> list[str]:
        """Return unit names for roles in this agency type, picked from the officer's units if given."""
        at = self.agency_types.get(agency_type) or self.match_agency_type(agency_type)
        if at is None:
            return []
        own = [u.strip() for u in units or [] if u and u.strip()]
        out: list[str] = []
        for role in roles:
            if role not in self.roles:
                raise KeyError(f"unknown role {role!r}; known: {', '.join(self.roles)}")
            out.extend(self._owners_for(role, at, own) if own else at.roles[role])
        return list(dict.fromkeys(out))

    def _owners_for(self, role: str, at: AgencyType, units: list[str]) -> list[str]:
        names = at.roles[role]
        exact = [n for n in names if n in units]
        if exact:
            return exact
        best = self._best_unit(role, at, units)
        # "งานพัสดุ กองคลัง" beats a bare "กองคลัง", but not a unit the officer named for this role
        if best and not any(n.endswith(" " + best) for n in names):
            return [best]
        sub_units = [n for n in names if any(n.endswith(" " + u) for u in units)]
        if sub_units:
            return sub_units
        if best:
            return [best]
        if self.roles[role].generic or all(n.startswith("ทุก") for n in names):
            return names  # not a unit ("ทุกส่วนงานที่ให้บริการ..."): the type's wording fits any unit list
        if role != "admin":
            fallback = self._owners_for("admin", at, units)
            if fallback:
                return fallback
        return units[:1]

    def _best_unit(self, role: str, at: AgencyType, units: list[str]) -> str | None:
        scored = []
        # a unit this type names for another role is not picked by keyword ("ส่วนงานพัสดุและบริการ
        # สำนักงาน" is procurement, not the service units, although it contains "บริการ")
        taken = {n for r, names in at.roles.items() if r != role for n in names} - set(at.roles[role])
        for i, unit in enumerate(units):
            if unit in taken:
                continue
            by_name = max((_name_score(n, unit) for n in at.roles[role]), default=0.0)
            # a longer keyword is more specific ("บริหารทั่วไป" over "สำนักงาน")
            by_keyword = max(
                (75.0 + min(len(kw), 20) for kw in self.roles[role].keywords if kw.lower() in unit.lower()),
                default=0.0,
            )
            scored.append((max(by_name, by_keyword), by_keyword, -i, unit))
        if not scored:
            return None
        score, _, _, unit = max(scored)
        return unit if score >= _MIN_UNIT_SCORE else None


def _core(name: str) -> str:
    name = name.strip()
    for head in _UNIT_HEADS:
        if name.startswith(head) and len(name) > len(head) + 1:
            return name[len(head) :].strip()
    return name


def _name_score(role_name: str, unit: str) -> float:
    a, b = _core(role_name), _core(unit)
    score = fuzz.ratio(a, b)
    # containment ("คลัง" in "คลังและพัสดุ") counts only when near-exact: short Thai
    # words align loosely ("บริหาร" ~ "บริการ")
    if min(len(a), len(b)) >= 4 and (partial := fuzz.partial_ratio(a, b)) >= 95:
        score = max(score, partial)
    # a whole-name typo ("กองคลงั") keeps a high ratio that the bare cores lose
    if (whole := fuzz.ratio(role_name, unit)) >= 85:
        score = max(score, whole)
    return float(score)


def _alias_position(alias: str, text: str) -> int | None:
    """Return where an alias occurs in text, or None; short aliases only count at a word start."""
    if len(alias) >= 5:
        pos = text.find(alias)
        return pos if pos >= 0 else None
    for match in re.finditer(re.escape(alias), text):
        start, end = match.start(), match.end()
        at_word_start = start == 0 or text[start - 1] in " (/"
        if not at_word_start:
            continue
        nxt = text[end : end + 1]
        # "ทต"/"รร" must stand alone; "อบต" or "กรม" may run into the name ("อบตทุ่งทอง")
        if len(alias) <= 2 and not alias.endswith(".") and nxt not in ("", " ", "."):
            continue
        return start
    return None


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
    agency_types: dict[str, AgencyType] = {}
    for raw in types_data.get("types") or []:
        raw = dict(raw)
        units = raw.pop("units", [])
        at = AgencyType(
            default_units=[u["name"] for u in units],
            unit_sources={u["name"]: u.get("source", "standard") for u in units},
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
    for path in files:
        data = _read_yaml(path)
        rel = (
            path.relative_to(knowledge_dir.parent).as_posix()
            if knowledge_dir.parent in path.parents
            else path.name
        )
        default_year = int(data.get("default_year", default_year))
        for raw in data.get("entries") or []:
            entry = PlaybookEntry(**raw, source=f"{rel}#{raw.get('key', '')}")
            if entry.key in entries:
                raise ValueError(f"duplicate playbook entry {entry.key!r} in {path.name}")
            entries[entry.key] = entry
        for family, raw in (data.get("families") or {}).items():
            defaults[family] = DocumentDefaults(**raw)
    return Playbook(
        roles=roles, agency_types=agency_types, entries=entries, defaults=defaults, default_year=default_year
    )
