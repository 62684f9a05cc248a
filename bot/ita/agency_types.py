"""Agency types and unit roles, and fitting them to one agency: which type a name means, who owns a step.

knowledge/agency_types.yaml maps every role to the unit names of each agency
type, so owners never cross agency families. The Playbook holds these models
and calls the fitting below; it lives apart so playbook.py stays about entries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from bot.ita.facts import Confidence
from bot.thai import MONTHS_ABBR

Family = Literal["local_gov", "school", "central_gov", "public_org", "university"]
# Thai unit names share generic heads ("กอง", "กลุ่ม", "งาน" ...); comparing the
# rest keeps "กองคลัง" from looking like "กองช่าง".
_UNIT_HEADS = ("ส่วนงาน", "กลุ่มงาน", "กลุ่ม", "สำนัก", "กอง", "งาน", "ฝ่าย", "ศูนย์", "หน่วย", "ส่วน")
_MIN_UNIT_SCORE = 80.0
_MIN_TYPE_SCORE = 85.0
# Below this many characters a name is too short to fuzzy-match an agency type at all.
_MIN_FUZZY_TEXT = 4
# Aliases this short ("อบต", "กรม") match too much by chance, so fuzzy matching skips them,
# and a shorter one only counts at the start of a word.
_MIN_FUZZY_ALIAS = 5


class Role(BaseModel):
    """A unit role that steps and owners refer to."""

    key: str
    name_th: str
    keywords: list[str] = Field(default_factory=list)
    generic: bool = Field(default=False, description="not a unit (all units, ITA team, executive)")


class Audience(BaseModel):
    """Who an agency's plan speaks to (knowledge/agency_types.yaml `audiences`, by family)."""

    people: str = Field(min_length=2, description="the audience in full, e.g. นักเรียน ผู้ปกครอง และครู")
    public: str = Field(min_length=2, description='what stands where the playbook says "ประชาชน"')
    forum: str = Field(min_length=2, description="how the agency hears its audience, e.g. เวทีประชาคม")
    self: str = Field(default="หน่วยงาน", min_length=2, description="how a row names the agency")
    replace: list[tuple[str, str]] = Field(default_factory=list)

    def adapt(self, text: str) -> str:
        """Return text in this audience's words: each (from, to) pair applied once, in order.

        Each source phrase is swapped for a placeholder first, so a replacement's own words
        (e.g. "ผู้รับบริการ" put in for "ประชาชน") are never replaced again by a later pair.
        """
        if not self.replace or not text:
            return text
        marks: list[str] = []
        for old, new in self.replace:
            if old in text:
                text = text.replace(old, f"\x00{len(marks)}\x00")
                marks.append(new)
        for n, new in enumerate(marks):
            text = text.replace(f"\x00{n}\x00", new)
        return text


LOCAL_AUDIENCE = Audience(people="ประชาชน ผู้รับบริการ และผู้มีส่วนได้ส่วนเสีย", public="ประชาชน", forum="เวทีประชาคม")


class AgencyType(BaseModel):
    """One agency type: its names, units, role map and who approves the measures."""

    key: str = Field(pattern=r"^[a-z_]+$")
    name_th: str
    aliases: list[str] = Field(default_factory=list)
    family: Family
    default_units: list[str] = Field(min_length=1)
    unit_sources: dict[str, str] = Field(default_factory=dict, description='"seed 00N" or "standard"')
    unit_confidence: dict[str, Confidence] = Field(default_factory=dict, description="each unit name's label")
    confidence: Confidence = Field(description="that the NACC ITA assesses agencies of this type")
    source: str = Field(min_length=5, description="where this type is attested")
    roles: dict[str, list[str]]
    executive: str
    report_to: str
    audience: Audience = Field(default=LOCAL_AUDIENCE, description="from the family's entry in `audiences`")

    def known_names(self) -> set[str]:
        """Return every unit or role name that belongs to this type."""
        return set(self.default_units) | {n for names in self.roles.values() for n in names}


def match_agency_type(types: Mapping[str, AgencyType], text: str) -> AgencyType | None:
    """Return the agency type a name or alias refers to, tolerating typos; None if unsure."""
    norm = " ".join((text or "").split())
    if not norm:
        return None
    low = norm.lower()
    for at in types.values():
        if low in (at.key, at.name_th.lower()):
            return at
    best: tuple[tuple[int, int], AgencyType] | None = None
    for at in types.values():
        for alias in (at.name_th, *at.aliases):
            pos = _alias_position(alias.lower(), low)
            if pos is not None:
                rank = (-pos, len(alias))  # earliest mention wins, then the most specific alias
                if best is None or rank > best[0]:
                    best = (rank, at)
    if best:
        return best[1]
    if len(norm) < _MIN_FUZZY_TEXT:
        return None
    scored = []
    for at in types.values():
        for alias in (at.name_th, *at.aliases):
            if len(alias) >= _MIN_FUZZY_ALIAS:  # short aliases ("อบต", "กรม") match too much by chance
                scored.append((fuzz.partial_ratio(alias.lower(), low), len(alias), at))
    score, _, at = max(scored, key=lambda s: (s[0], s[1]))
    return at if score >= _MIN_TYPE_SCORE else None


def resolve_owners(
    roles: Mapping[str, Role],
    types: Mapping[str, AgencyType],
    wanted: list[str],
    agency_type: str,
    units: list[str] | None = None,
) -> list[str]:
    """Return unit names for the wanted roles in this agency type, picked from the officer's units if given."""
    at = types.get(agency_type) or match_agency_type(types, agency_type)
    if at is None:
        return []
    own = [u.strip() for u in units or [] if u and u.strip()]
    out: list[str] = []
    for role in wanted:
        if role not in roles:
            raise KeyError(f"unknown role {role!r}; known: {', '.join(roles)}")
        out.extend(_owners_for(roles, role, at, own) if own else at.roles[role])
    return list(dict.fromkeys(out))


def _owners_for(roles: Mapping[str, Role], role: str, at: AgencyType, units: list[str]) -> list[str]:
    names = at.roles[role]
    exact = [n for n in names if n in units]
    if exact:
        return exact
    best = _best_unit(roles, role, at, units)
    # "งานพัสดุ กองคลัง" beats a bare "กองคลัง", but not a unit the officer named for this role
    if best and not any(n.endswith(" " + best) for n in names):
        return [best]
    sub_units = [n for n in names if any(n.endswith(" " + u) for u in units)]
    if sub_units:
        return sub_units
    if best:
        return [best]
    if roles[role].generic or all(n.startswith("ทุก") for n in names):
        return names  # not a unit ("ทุกส่วนงานที่ให้บริการ..."): the type's wording fits any unit list
    if role != "admin":
        fallback = _owners_for(roles, "admin", at, units)
        if fallback:
            return fallback
    return units[:1]


def _best_unit(roles: Mapping[str, Role], role: str, at: AgencyType, units: list[str]) -> str | None:
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
            (75.0 + min(len(kw), 20) for kw in roles[role].keywords if kw.lower() in unit.lower()),
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
    if len(alias) >= _MIN_FUZZY_ALIAS:
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
        # "ม." is a university, but "ม.ค." a month
        if alias.endswith(".") and text.startswith(MONTHS_ABBR, start):
            continue
        return start
    return None
