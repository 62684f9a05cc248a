"""What drafted rows say (issue 12 items 4 and 5), across invented agencies of every type.

Real knowledge, real Chroma, real pythainlp and the real Drafter, as in test_drafting.py.
Every rule is checked on every plan: clean wording, nothing internal, severity changes the
content, the audience fits the agency type, and analyses never open alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

import pytest
import yaml
from pythainlp.tokenize import word_tokenize
from rapidfuzz import fuzz

from bot.app import build_drafter, ensure_index
from bot.drafting.engine import DraftRequest
from bot.drafting.row_context import SAME_TEXT
from bot.drafting.rows import renumber, step_text
from bot.ita.measures import AgencyProfile, Draft, MeasureRow
from bot.ita.tiers import Thresholds
from bot.scores import ScoreSet
from bot.search.chunking import describe_document
from tests.conftest import KNOWLEDGE_DIR, SEEDS_DIR
from tests.kb_helpers import make_kb, make_settings
from tests.markers import MARKERS

URGENT, IMPROVE, MAINTAIN = "แก้ไขเร่งด่วน", "พัฒนาให้ดีขึ้น", "รักษาระดับ"
TEXT_FIELDS = ("topic", "analysis", "measure", "monitoring", "reporting", "kpi")
# What a published plan never shows (issue 12 "Done when"), besides other agencies' names.
# NACC question-stem tails that must never stand as an item's name.
STEMS = ("มีลักษณะดังนี้", "ดังต่อไปนี้", "มากน้อยเพียงใด", "ของท่าน")
MUNICIPAL = ("ประชาชน", "เวทีประชาคม", "หอกระจายข่าว")
STRONG = dict.fromkeys(range(1, 11), 97.0)


@dataclass
class Case:
    name: str
    type: str
    indicators: dict[int, float]
    items: dict[str, float] = field(default_factory=dict)
    previous: dict[int, float] = field(default_factory=dict)
    year: int = 2568


CASES = [
    Case(
        "เทศบาลตำบลบ้านสวนทดสอบ",
        "municipality_subdistrict",
        {**STRONG, 9: 33.96, 7: 88.0},
        {"O13": 0.0, "O14": 0.0, "O16": 45.0, "E6": 70.0},
        {9: 60.0, 7: 80.0},
    ),
    Case("เทศบาลเมืองทดสอบ", "municipality_town", {**STRONG, 9: 85.75, 3: 80.0, 5: 90.0}),
    Case(
        "เทศบาลนครทดสอบ",
        "municipality_city",
        {**STRONG, 10: 60.0, 2: 88.0},
        {"O21": 0.0, "O23": 50.0, "I7": 70.0},
    ),
    Case(
        "องค์การบริหารส่วนตำบลทดลอง",
        "sao",
        {1: 80.0, 2: 82.0, 3: 84.0, 4: 86.0, 5: 88.0, 6: 90.0, 7: 91.0, 8: 92.0, 9: 70.0, 10: 75.0},
    ),
    Case("องค์การบริหารส่วนจังหวัดทดลอง", "pao", {**STRONG, 8: 86.0}, {"E14": 60.0, "E12": 80.0}),
    Case("โรงเรียนบ้านหนองทดสอบ", "school", {**STRONG, 9: 33.96, 6: 84.0, 7: 88.0}, {"E1": 70.0}),
    Case("โรงเรียนมัธยมทดสอบวิทยา", "school", {**STRONG, 9: 85.75, 10: 90.0}),
    Case("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ", "esa", {**STRONG, 1: 70.0, 9: 55.0}),
    Case("กรมทดสอบการพัฒนา", "department", {**STRONG, 4: 75.0, 9: 40.0}, {"I23": 60.0, "O8": 0.0}),
    Case("จังหวัดทดสอบ", "province", {**STRONG, 7: 89.0, 8: 93.0}, previous={7: 92.0, 8: 93.2}),
    Case(
        "สถาบันทดสอบ (องค์การมหาชน)",
        "public_org",
        {1: 90.0, 2: 85.5, 3: 99.0, 4: 88.0, 5: 86.0, 6: 91.0, 7: 80.0, 8: 87.0, 9: 33.96, 10: 85.75},
        {"O13": 0.0, "O17": 0.0, "E8": 75.0},
    ),
    Case("การประปาทดสอบ", "state_enterprise", {**STRONG, 6: 82.0}),
    Case("มหาวิทยาลัยทดสอบ", "university", {**STRONG, 9: 60.0, 7: 86.0}),
    Case("โรงพยาบาลชุมชนทดสอบ", "hospital", {**STRONG, 9: 60.0, 6: 84.0}, {"O13": 0.0}),
]
SEED_AGENCIES = [
    describe_document(p.read_text(encoding="utf-8")).agency for p in sorted(SEEDS_DIR.glob("*.txt"))
]


@pytest.fixture(scope="module")
def drafter(tmp_path_factory):
    kb = make_kb(tmp_path_factory.mktemp("kb"))
    ensure_index(kb)
    return build_drafter(make_settings(tmp_path_factory.mktemp("s")), kb)


@pytest.fixture(scope="module")
def plans(drafter) -> dict[str, tuple[Case, Draft]]:
    out = {}
    for case in CASES:
        scores = ScoreSet(year=case.year, indicators=case.indicators, items=case.items)
        profile = AgencyProfile(name=case.name, type=case.type, assessment_year=case.year)
        request = DraftRequest(profile, scores, Thresholds(), previous=case.previous)
        out[case.name] = (case, drafter.draft(request))
    return out


def _texts(row: MeasureRow) -> list[str]:
    return [*(getattr(row, f) for f in TEXT_FIELDS), *row.steps]


def _indicator_row(draft: Draft, number: int) -> MeasureRow:
    return next(r for r in draft.rows if r.indicator == number and " – ข้อ " not in r.topic)


def _item_rows(draft: Draft, number: int) -> list[MeasureRow]:
    return [r for r in draft.rows if r.indicator == number and " – ข้อ " in r.topic]


def test_cases_cover_every_agency_type(drafter):
    assert {c.type for c in CASES} == set(drafter.playbook.agency_types)
    assert len(CASES) >= 10


# -- item 4: clean wording --------------------------------------------------------------------
def test_item_names_are_short_forms_not_question_stems(plans):
    for _case, draft in plans.values():
        for row in draft.rows:
            for text in _texts(row):
                assert not any(stem in text for stem in STEMS), (row.topic, text)


def test_the_agency_name_is_left_to_the_heading(plans):
    for case, draft in plans.values():
        core = re.sub(r"^(เทศบาล(ตำบล|เมือง|นคร)|องค์การบริหารส่วน(ตำบล|จังหวัด)|โรงเรียน|กรม|จังหวัด)", "", case.name)
        for text in [*(t for r in draft.rows for t in _texts(r)), *draft.kpis, *draft.monitoring_plan]:
            assert case.name not in text and core not in text, text


def test_the_fiscal_year_is_stated_only_in_the_heading(plans):
    for _case, draft in plans.values():
        assert draft.fiscal_year
        for row in draft.rows:
            assert not re.search(r"ปีงบประมาณ\s*(พ\.ศ\.)?\s*\d{4}", row.measure), row.measure
            for text in _texts(row):
                assert "ปีงบประมาณ พ.ศ." not in text, text
        assert not any("ปีงบประมาณ พ.ศ." in k for k in draft.kpis)


def test_no_two_monitoring_texts_read_alike(plans):
    for _case, draft in plans.values():
        for a, b in combinations([r.monitoring for r in draft.rows], 2):
            assert fuzz.ratio(a, b) < SAME_TEXT, (a, b)
        for a, b in combinations(draft.monitoring_plan, 2):
            assert fuzz.token_set_ratio(a, b) < SAME_TEXT, (a, b)


def test_steps_are_numbered_once(plans):
    for _case, draft in plans.values():
        for row in draft.rows:
            for n, step in enumerate(row.steps, 1):
                assert step.startswith(f"{n}. "), step
                assert not re.match(r"^\d+\.\s*(\d+|[๐-๙]+)\s*[.)]", step), step


def test_an_added_step_is_numbered_once():
    steps = ["1. แต่งตั้งคณะทำงาน (สำนักปลัด)", "2. ประชุมชี้แจง", "1) 1. จัดอบรมบุคลากร", "๓. เผยแพร่ผล", "  "]
    assert renumber(steps) == ["1. แต่งตั้งคณะทำงาน (สำนักปลัด)", "2. ประชุมชี้แจง", "3. จัดอบรมบุคลากร", "4. เผยแพร่ผล"]


def test_item_rows_do_not_repeat_their_indicator_rows_steps(plans):
    checked = 0
    for _case, draft in plans.values():
        for number in {r.indicator for r in draft.rows}:
            common = {step_text(s) for s in _indicator_row(draft, number).steps}
            seen: set[str] = set()
            for row in _item_rows(draft, number):
                own = [step_text(s) for s in row.steps]
                assert len(own) >= 3
                assert not (set(own) & common), (row.topic, set(own) & common)
                assert not (set(own) & seen), row.topic  # nor another item row's
                seen |= set(own)
                checked += 1
    assert checked >= 8


# -- item 1 of the issue, for row text: nothing internal --------------------------------------
def test_nothing_internal_in_row_text(plans):
    for case, draft in plans.values():
        others = [a for a in SEED_AGENCIES if a and a != case.name]
        for row in draft.rows:
            for text in _texts(row):
                for marker in MARKERS:
                    assert marker not in text, (marker, text)
                for other in others:
                    assert other not in text, (other, text)
            for source in row.sources:
                assert "ฐานความรู้ของระบบ" not in source.text
                for other in others:
                    assert other not in source.text, (other, source)


# -- item 5: severity changes the content -----------------------------------------------------
def test_a_failing_oit_indicator_lists_each_weak_item_with_what_and_where(plans):
    _case, draft = plans["เทศบาลตำบลบ้านสวนทดสอบ"]
    row = _indicator_row(draft, 9)
    assert row.tier == URGENT
    for code in ("O13", "O14", "O16"):
        line = next(s for s in row.steps if re.search(f"ข้อ {code}[ :]", s))
        assert "เผยแพร่" in line and "เว็บไซต์" in line, line
    assert "O13" in row.analysis and "O14" in row.analysis
    assert "O13" in row.kpi


def _codes(text: str) -> set[str]:
    """Return the O-codes a text names, ranges ("O8–O11") expanded."""
    found = set(re.findall(r"O\d+", text))
    for first, last in re.findall(r"O(\d+)–O(\d+)", text):
        found |= {f"O{n}" for n in range(int(first), int(last) + 1)}
    return found


def test_without_item_scores_a_weak_oit_row_names_the_items_to_check(plans, drafter):
    _case, draft = plans["เทศบาลเมืองทดสอบ"]
    row = _indicator_row(draft, 9)
    assert row.tier == IMPROVE
    # ONE step names the items to check, by code and short title: the year's items with solid
    # titles that agencies most often lose (O13, O14 and O16 in 2568), never a code range the
    # year's list may skip (blind round 7) and never as failed (blind round 8 wanted them named)
    naming = [s for s in row.steps if _codes(s)]
    assert len(naming) == 1, row.steps
    checks = naming[0]
    # two or three of them, chosen by the agency (the same three in every plan was a tell, round 12)
    assert 2 <= len(_codes(checks)) <= 3 and len(_codes(checks) & {"O13", "O14", "O16"}) >= 2, checks
    assert "–" not in checks  # a middling row names them by code (an urgent one with titles)
    assert "ไม่ผ่าน" not in checks and "ยังไม่ได้เผยแพร่" not in checks  # a check, not a finding
    # the analysis names no item: without the agency's own item results, "the items agencies often
    # lose" would be advice dressed as a finding (blind round 6); the step above says what to check
    assert not _codes(row.analysis)
    assert "มัก" not in row.analysis and "ไม่ผ่าน" not in row.analysis and "ได้ 0" not in row.analysis


def test_each_weak_oit_item_says_what_to_publish(plans, drafter):
    _case, draft = plans["สถาบันทดสอบ (องค์การมหาชน)"]
    line = next(s for s in _indicator_row(draft, 9).steps if "ข้อ O17 " in s)
    # O17 (2568) has no practice of its own: the framework's guidance for its title says what
    assert drafter.fw.oit_publish("O17", 2568) in line and "เว็บไซต์" in line
    _case, draft = plans["เทศบาลนครทดสอบ"]
    line = next(s for s in _indicator_row(draft, 10).steps if "ข้อ O21 " in s)
    assert "No Gift" in line and "ลงนาม" in line
    # a title nobody confirmed gets no guidance read off it
    assert drafter.fw.oit_publish("O25", 2568) == ""


def test_unconfirmed_oit_titles_are_not_printed(plans, drafter):
    _case, draft = plans["เทศบาลนครทดสอบ"]
    unconfirmed = [i for i in drafter.fw.oit_list(10, 2568) if i.confidence == "NOT_CONFIRMED"]
    assert unconfirmed
    text = " ".join(t for r in draft.rows for t in _texts(r))
    for item in unconfirmed:
        assert f"{item.code} {item.title}" not in text
    assert draft.checks  # and the officer is told what to check, in chat, never in the plan
    assert any("O21" in c for c in draft.checks)  # a 2568 title from one source only
    for check in draft.checks:
        assert check not in text


def test_severity_bands_give_different_rows(plans):
    _c, urgent = plans["เทศบาลตำบลบ้านสวนทดสอบ"]  # indicator 9 at 33.96
    _c, middle = plans["เทศบาลเมืองทดสอบ"]  # indicator 9 at 85.75
    _c, strong = plans["จังหวัดทดสอบ"]  # indicator 9 at 97
    rows = [_indicator_row(d, 9) for d in (urgent, middle, strong)]
    assert [r.tier for r in rows] == [URGENT, IMPROVE, MAINTAIN]
    assert len(rows[2].steps) == 3 and len(rows[0].steps) > len(rows[2].steps)
    assert len({tuple(r.steps) for r in rows}) == 3
    assert len({r.analysis for r in rows}) == 3


def test_low_iit_eit_indicators_name_their_weak_items(plans):
    _case, draft = plans["กรมทดสอบการพัฒนา"]
    row = _indicator_row(draft, 4)
    assert row.tier == URGENT and "I23" in row.analysis and any("I23" in s for s in row.steps)
    item = next(r for r in _item_rows(draft, 4) if "I23" in r.topic)
    assert "I23" in item.analysis
    _case, draft = plans["องค์การบริหารส่วนตำบลทดลอง"]
    # no item scores and no item list for the year: no step that names nothing ("ตรวจสอบผล
    # คะแนนรายข้อ ... แก้ไขข้อที่ได้คะแนนต่ำ"); the officer is asked for the item scores instead
    for number in (1, 2, 3):
        row = _indicator_row(draft, number)
        assert row.tier == URGENT
        assert not any("รายข้อ" in s or "ข้อที่ได้คะแนนต่ำ" in s for s in row.steps), row.steps
        assert any(f"ตัวชี้วัดที่ {number}" in c and "คะแนนรายข้อ" in c for c in draft.checks)


def test_strong_indicators_get_a_short_maintain_row(plans):
    # titled as keeping the level, or continuing the work, or by the indicator's own standing
    # measure as agencies title a strong row (seed 002: "มาตรการการเผยแพร่ข้อมูลงบประมาณ" at 100)
    entries = yaml.safe_load((KNOWLEDGE_DIR / "playbook" / "indicators.yaml").read_text(encoding="utf-8"))
    standing = {(e["indicator"], e["measures"][0]) for e in entries["entries"]}
    for _case, draft in plans.values():
        for row in draft.rows:
            if row.tier == MAINTAIN:
                # three steps, or the two main ones (voice.yaml analysis.step_shapes "two")
                assert len(row.steps) in (2, 3), row.topic
                # (the standing measure in the audience's words: "…การให้บริการประชาชน" -> "…การให้บริการ")
                assert re.search("รักษา|ต่อเนื่อง", row.measure) or any(
                    n == row.indicator and fuzz.ratio(m, row.measure) >= 85 for n, m in standing
                ), (row.topic, row.measure)


# -- item 5: the audience comes from the agency type ------------------------------------------
@pytest.mark.parametrize(
    ("type_", "wanted"),
    [
        ("school", ("นักเรียน", "ผู้ปกครอง", "ครู")),
        ("public_org", ("ผู้รับบริการ", "ผู้มีส่วนได้ส่วนเสีย")),
        ("department", ("ผู้รับบริการ", "ผู้มีส่วนได้ส่วนเสีย")),
        ("university", ("นักศึกษา", "ผู้รับบริการ")),
    ],
)
def test_non_municipal_plans_speak_to_their_own_audience(plans, type_, wanted):
    drafts = [d for c, d in plans.values() if c.type == type_]
    assert drafts
    for draft in drafts:
        text = " ".join([*(t for r in draft.rows for t in _texts(r)), *draft.kpis, *draft.monitoring_plan])
        for word in MUNICIPAL:
            assert word not in text, (type_, word)
        assert any(w in text for w in wanted), type_


def test_local_government_keeps_its_forum(drafter):
    at = drafter.playbook.agency_types
    assert all("ประชาชน" in at[k].audience.people for k in ("sao", "pao", "municipality_subdistrict"))
    assert all(at[k].audience.forum == "เวทีประชาคม" for k in ("sao", "municipality_city"))
    assert "ประชาชน" not in at["school"].audience.people and "ประชาชน" not in at["public_org"].audience.people


def test_agencies_of_different_types_or_severities_never_share_a_row(plans):
    rows = []
    for case, draft in plans.values():
        for row in draft.rows:
            printed = (row.topic, row.analysis, row.measure, tuple(row.steps), tuple(row.owners))
            rows.append((case.type, row.tier, (*printed, row.monitoring, row.reporting, row.kpi)))
    compared = 0
    for (type_a, tier_a, a), (type_b, tier_b, b) in combinations(rows, 2):
        if type_a != type_b or tier_a != tier_b:
            assert a != b, (type_a, type_b, a[0])
            compared += 1
    assert compared > 1000


# -- item 5: analyses written from the situation ----------------------------------------------
def _opening(text: str, n: int = 5) -> tuple[str, ...]:
    words = [w for w in word_tokenize(text, engine="newmm") if w.strip()]
    return tuple(words[:n])


def test_no_two_analyses_of_a_plan_open_alike(plans):
    long_plans = 0
    for _case, draft in plans.values():
        openings = [_opening(r.analysis) for r in draft.rows]
        if len(openings) >= 10:
            long_plans += 1
        assert len(set(openings)) == len(openings), openings
    assert long_plans >= 3


def test_analyses_say_the_change_since_the_last_assessment(plans):
    _case, draft = plans["เทศบาลตำบลบ้านสวนทดสอบ"]
    # with the earlier score as the officer gave it (round 7: no difference computed to two decimals)
    nine, seven = _indicator_row(draft, 9).analysis, _indicator_row(draft, 7).analysis
    assert "เพิ่มขึ้น" not in nine and "ดีขึ้น" not in nine
    assert "ลดลง" in nine and "60 คะแนน" in nine and "26.04" not in nine, nine
    assert re.search(r"เพิ่มขึ้น|ดีขึ้น", seven) and "80 คะแนน" in seven and "8.00" not in seven, seven
    _case, draft = plans["จังหวัดทดสอบ"]
    seven = _indicator_row(draft, 7).analysis
    assert "ลดลง" in seven and "92 คะแนน" in seven and "3.00" not in seven, seven
    assert re.search(r"ใกล้เคียง|ทรงตัว", _indicator_row(draft, 8).analysis)
    _case, draft = plans["เทศบาลเมืองทดสอบ"]  # no previous scores: no claim of change
    assert not any("การประเมินครั้งก่อน" in r.analysis for r in draft.rows)


def test_weak_rows_name_their_items_and_score(plans):
    _case, draft = plans["สถาบันทดสอบ (องค์การมหาชน)"]
    row = _indicator_row(draft, 9)
    # the indicator's score stands beside its topic in every layout; the analysis names the items
    assert row.score == 33.96 and "O13" in row.analysis and "O17" in row.analysis
    row7 = _indicator_row(draft, 7)
    # an item's score as officers write it: "75", not "75.00"
    assert "E8" in row7.analysis and "(75 คะแนน)" in row7.analysis and row7.score == 80.0


# -- issue 12 follow-up: what gave our rows away in the blind comparison ------------------------
_BRACKET = re.compile(r"\(([^()]*)\)\s*$")


def _bracketed(step: str) -> list[str]:
    """Return the units a step names in its closing brackets (none if it names none)."""
    found = _BRACKET.search(step)
    if not found or re.search(r"[A-Z]\d", found[1]):  # "(O1, O3)" names items, not units
        return []
    return [u.strip() for u in found[1].split(",")]


def _in_owners(unit: str, owners: list[str]) -> bool:
    """A bracketed unit is one of the row's owners, its long words perhaps shortened ("อบจ.")."""
    head = re.sub(r"\s+(?:อบจ\.|อบต\.)$", "", unit)
    return any(o == unit or (head != unit and o.startswith(head)) for o in owners)


def _executive(drafter, type_: str) -> list[str]:
    """The agency type's executive, as a step names them ("นายก อบต." for the long name)."""
    names = drafter.playbook.resolve_owners(["executive"], type_)
    short = {"องค์การบริหารส่วนตำบล": "อบต.", "องค์การบริหารส่วนจังหวัด": "อบจ."}
    return [*names, *(n.replace(long, " " + abbr) for n in names for long, abbr in short.items())]


def test_a_step_names_its_unit_only_when_it_is_not_the_rows_owner(plans, drafter):
    for case, draft in plans.values():
        # the executive who orders or approves is named in their own step and is not among the
        # owners (blind round 8: an owners cell gathering every unit, the mayor included, was a tell)
        boss = _executive(drafter, case.type)
        for row in draft.rows:
            named = [_bracketed(s) for s in row.steps]
            # the owners column says who does the row: most steps carry no brackets ...
            assert sum(1 for n in named if not n) >= 1, row.steps
            assert sum(1 for n in named if n) < len(row.steps), row.steps
            # ... and every unit a step names is in the owners column (the units doing the work)
            for units in named:
                for unit in units:
                    assert _in_owners(unit, [*row.owners, *boss]), (unit, row.owners)
            assert not set(row.owners[1:]) & set(boss), row.owners  # only ever as the main owner
            assert len(set(row.owners)) == len(row.owners)


def test_no_row_lists_item_codes_without_a_reason(plans):
    for case, draft in plans.values():
        for row in draft.rows:
            if row.items:
                continue
            # without item scores the analysis names only the often-lost items, hedged ("มัก"),
            # and at most one step names codes
            assert not _codes(row.analysis) or "มัก" in row.analysis, row.analysis
            assert sum(1 for s in row.steps if _codes(s)) <= 1, row.steps
            for step in row.steps:
                assert "ข้อที่ได้คะแนนต่ำ" not in step or row.items, step
        for row in draft.rows:
            # named weak items: only those the officer's scores show as weak
            if row.items and row.tier != MAINTAIN and " – ข้อ " not in row.topic:
                weak = {c for c, s in case.items.items() if s < 95}
                assert set(row.items) <= weak, (row.items, weak)


def test_reporting_rounds_follow_the_rows_period(plans):
    for _case, draft in plans.values():
        for row in draft.rows:
            month = row.end_month[5:]
            assert "รอบ 6 เดือน" in row.reporting, row.reporting
            # a row ending in มี.ค. or มิ.ย. never promises a 12-month round
            assert ("12 เดือน" in row.reporting) == (month == "09"), (row.timeline, row.reporting)
            for step in row.steps:
                assert not re.search(r"รอบ\s*12\s*เดือน", step) or month == "09", step


def test_rows_are_short(plans):
    for _case, draft in plans.values():
        for row in draft.rows:
            most = 3 if row.tier == MAINTAIN else 5 + max(0, len(row.items) - 3)
            assert len(row.steps) <= most, (row.topic, row.steps)
            assert len(row.analysis) <= 400, row.analysis


def test_the_confidence_word_reaches_no_printable_knowledge():
    # a literal check is used on the published plan: the word is never in what rows print
    framework = KNOWLEDGE_DIR / "framework"
    items = yaml.safe_load((framework / "items.yaml").read_text(encoding="utf-8"))["items"]
    names = [i["name"] for i in items]
    assert len(names) > 40 and not any("ความเชื่อมั่น" in n for n in names)
    texts = yaml.safe_load((framework / "descriptions.yaml").read_text(encoding="utf-8"))
    # the generic level texts can be printed (the indicator descriptions and `text:` stay quotes)
    printable = [d.get("generic", "") for d in texts["level_meanings"]]
    assert printable and not any("ความเชื่อมั่น" in t for t in printable)
    assert "ความเชื่อมั่น" not in (KNOWLEDGE_DIR / "playbook" / "voice.yaml").read_text(encoding="utf-8")


def test_two_agency_types_word_their_steps_differently(plans):
    firsts = {}
    for case, draft in plans.values():
        firsts.setdefault(case.type, set()).update(step_text(s) for r in draft.rows for s in r.steps)
    types = list(firsts)
    shared = [
        len(firsts[a] & firsts[b]) / max(1, min(len(firsts[a]), len(firsts[b])))
        for a, b in combinations(types, 2)
    ]
    # no two agency types share all their steps word for word
    assert max(shared) < 1.0, shared
