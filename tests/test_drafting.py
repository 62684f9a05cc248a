"""The default drafting engine, against real knowledge, real Chroma and real pythainlp."""

import pytest

from bot.app import build_drafter, ensure_index
from bot.drafting.coherence import continuous
from bot.drafting.engine import DraftRequest
from bot.ita.measures import AgencyProfile, MeasureRow
from bot.ita.tiers import Thresholds
from bot.scores import ScoreSet, parse_scores
from bot.thai import fiscal_bounds_iso, format_period
from tests.kb_helpers import make_kb, make_settings

MUNI_SCORES = {
    1: 98.89,
    2: 99.38,
    3: 99.75,
    4: 98.77,
    5: 95.56,
    6: 95.26,
    7: 91.50,
    8: 92.01,
    9: 83.50,
    10: 100.0,
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    path = tmp_path_factory.mktemp("kb")
    kb = make_kb(path)
    ensure_index(kb)
    return kb


@pytest.fixture(scope="module")
def drafter(kb, tmp_path_factory):
    return build_drafter(make_settings(tmp_path_factory.mktemp("s")), kb)


DEFAULT_THRESHOLDS = Thresholds()


def _draft(
    drafter,
    *,
    type_key="municipality_subdistrict",
    name="เทศบาลตำบลทดสอบ",
    indicators=None,
    items=None,
    year=2568,
    units=(),
    thresholds=DEFAULT_THRESHOLDS,
    include_maintain=True,
):
    scores = ScoreSet(year=year, indicators=dict(indicators or MUNI_SCORES), items=dict(items or {}))
    profile = AgencyProfile(name=name, type=type_key, units=list(units), assessment_year=year)
    return drafter.draft(DraftRequest(profile, scores, thresholds, include_maintain))


def test_rows_follow_the_schema_and_cite_sources(drafter):
    draft = _draft(drafter, items={"O13": 0.0, "I14": 80.0})
    assert draft.rows
    for row in draft.rows:
        MeasureRow.model_validate(row.model_dump())  # round-trips through the schema
        # two steps for some strong rows, as agencies write them (voice.yaml analysis.step_shapes)
        assert len(row.steps) >= (2 if row.tier == "รักษาระดับ" else 3)
        assert all(step.startswith(f"{n}.") for n, step in enumerate(row.steps, 1))
        assert row.sources and all(s.source and s.text for s in row.sources)
        assert row.owners and row.kpi and row.monitoring
        # the rounds follow the row's period: work done by มี.ค. reports in the 6-month round
        assert "รอบ 6 เดือน" in row.reporting
        # ... and only a row running to the year's end promises the 12-month round
        assert ("12 เดือน" in row.reporting) == row.end_month.endswith("-09"), (row.timeline, row.reporting)


def test_every_weak_indicator_and_item_is_covered(drafter):
    items = {"I14": 80.0, "E6": 84.0, "O13": 0.0, "I1": 99.0}
    draft = _draft(drafter, items=items)
    weak_indicators = {n for n, s in MUNI_SCORES.items() if s < 95}
    drafted = {r.indicator for r in draft.rows if r.tier != "รักษาระดับ"}
    assert weak_indicators <= drafted
    item_rows = {r.items[0] for r in draft.rows if len(r.items) == 1 and r.items[0] in r.topic}
    assert {"I14", "E6", "O13"} <= item_rows
    assert "I1" not in item_rows  # 99 is strong: no item row


def test_oit_item_row_names_the_item_and_what_to_publish(drafter):
    draft = _draft(drafter, items={"O13": 0.0})
    row = next(r for r in draft.rows if r.items == ["O13"] and "O13" in r.topic)
    assert "O13" in row.measure
    assert "จัดซื้อจัดจ้าง" in row.topic
    assert "เผยแพร่" in row.analysis
    assert "O13" in row.reporting and "นายกเทศมนตรี" in row.reporting


def test_timelines_stay_inside_the_fiscal_year(drafter):
    draft = _draft(drafter, items={"I14": 70.0, "O13": 0.0}, year=2568)
    assert draft.fiscal_year == 2569
    first, last = fiscal_bounds_iso(2569)
    assert (first, last) == ("2025-10", "2026-09")
    for row in draft.rows:
        assert first <= row.start_month <= row.end_month <= last
        assert row.timeline == format_period(row.start_month, row.end_month)
    urgent = [r for r in draft.rows if r.tier == "แก้ไขเร่งด่วน"]
    # before the ITA data entry, unless the row promises work that goes on (then to the year's end)
    assert urgent and all(
        r.end_month <= "2026-03" or (r.end_month == last and continuous([*r.steps, r.monitoring, r.kpi]))
        for r in urgent
    )


def test_explicit_fiscal_year_is_used(drafter):
    scores = ScoreSet(year=2568, indicators=MUNI_SCORES)
    profile = AgencyProfile(
        name="ทต.ทดสอบ", type="municipality_subdistrict", assessment_year=2568, fiscal_year=2570
    )
    draft = drafter.draft(DraftRequest(profile, scores, Thresholds()))
    assert all(r.start_month >= "2026-10" and r.end_month <= "2027-09" for r in draft.rows)
    assert "69" in draft.rows[0].timeline and "70" in draft.rows[0].timeline


def _foreign_units(playbook, own_type):
    own = playbook.agency_types[own_type]
    own_names = own.known_names()
    foreign = set()
    for _key, at in playbook.agency_types.items():
        if at.family != own.family:
            foreign |= at.known_names() - own_names
    return foreign


@pytest.mark.parametrize(
    "type_key", ["municipality_subdistrict", "sao", "school", "public_org", "university", "department"]
)
def test_owners_come_from_the_agency_type(kb, drafter, type_key):
    draft = _draft(drafter, type_key=type_key, items={"I14": 80.0, "O13": 0.0, "E6": 84.0})
    foreign = _foreign_units(kb.playbook, type_key)
    for row in draft.rows:
        assert not set(row.owners) & foreign, (type_key, row.owners)


def test_public_org_owners_follow_what_each_indicator_is_about(kb, drafter):
    at = kb.playbook.agency_types["public_org"]

    def unit(*roles):
        return set(kb.playbook.resolve_owners(list(roles), "public_org", at.default_units))

    items = {
        "I2": 80.0,
        "I11": 80.0,
        "I14": 80.0,
        "I20": 80.0,
        "E2": 80.0,
        "E3": 80.0,
        "E6": 80.0,
        "E11": 80.0,
        "E12": 80.0,
        "E14": 80.0,
        "O13": 0.0,
    }
    draft = _draft(
        drafter,
        type_key="public_org",
        name="สำนักงานทดสอบ (องค์การมหาชน)",
        indicators=dict.fromkeys(range(1, 11), 80.0),
        items=items,
    )
    money = unit("procurement", "finance")
    for row in draft.rows:
        owners = set(row.owners)
        # the type's own units, a standard name in one of its wordings (voice.yaml unit_words)
        words = kb.playbook.voice.analysis.get("unit_words", {})
        known = at.known_names() | {w for n in at.known_names() for w in words.get(n, [])}
        assert owners and owners <= known, row.owners
        if row.indicator in (1, 6, 7, 8):  # service and communication work is not the procurement unit's
            assert not owners & money, (row.topic, row.owners)
            assert not any(f"({m})" in step for step in row.steps for m in money), row.steps
    by_indicator = {
        r.indicator: set(r.owners) for r in draft.rows if not r.items or r.items[0] not in r.topic
    }  # the indicator rows
    assert by_indicator[6] & unit("service_units") and by_indicator[8] & unit("service_units")
    assert by_indicator[2] & unit("finance") and by_indicator[3] & unit("hr")
    assert by_indicator[4] & unit("procurement") and by_indicator[7] & unit("pr_it")
    assert by_indicator[9] & unit("ita_team", "pr_it") and by_indicator[10] & unit("ita_team", "planning")
    procurement_rows = [
        r for r in draft.rows if r.items and r.items[0] in ("I11", "O13") and r.items[0] in r.topic
    ]
    assert procurement_rows and all(set(r.owners) & unit("procurement") for r in procurement_rows)


def test_the_agencys_own_units_are_used(drafter):
    units = ["สำนักปลัด", "กองคลัง", "กองช่าง", "งานประชาสัมพันธ์"]
    draft = _draft(drafter, units=units, items={"O13": 0.0})
    allowed = set(units)
    for row in draft.rows:
        # a unit of theirs, or a section inside one ("งานพัสดุ กองคลัง")
        concrete = [o for o in row.owners if any(u in o for u in allowed)]
        assert concrete, f"row {row.topic} has no owner from the agency's own list: {row.owners}"
    assert draft.agency.units == units


def test_strong_indicators_get_short_rows_unless_turned_off(drafter):
    with_maintain = _draft(drafter)
    strong = [r for r in with_maintain.rows if r.tier == "รักษาระดับ"]
    assert {r.indicator for r in strong} == {1, 2, 3, 4, 5, 6, 10}
    assert all(len(r.steps) <= 3 for r in strong)
    without = _draft(drafter, include_maintain=False)
    assert {r.indicator for r in without.rows} == {7, 8, 9}


def test_thresholds_change_the_tiers(drafter):
    draft = _draft(drafter, thresholds=Thresholds(urgent_below=92, maintain_from=99))
    tiers = {r.indicator: r.tier for r in draft.rows}
    assert tiers[7] == "แก้ไขเร่งด่วน" and tiers[5] == "พัฒนาให้ดีขึ้น" and tiers[3] == "รักษาระดับ"


def test_different_agencies_get_different_drafts(drafter):
    a = _draft(drafter, name="เทศบาลตำบลหนึ่ง")
    b = _draft(
        drafter, name="เทศบาลตำบลสอง", indicators={**MUNI_SCORES, 3: 80.0, 9: 97.0}, items={"I14": 75.0}
    )
    assert [r.topic for r in a.rows] != [r.topic for r in b.rows]
    # the agency's name is printed once, in the heading: rows say "หน่วยงาน"
    assert not any("เทศบาลตำบลหนึ่ง" in r.analysis or "เทศบาลตำบลหนึ่ง" in r.measure for r in a.rows)
    assert [r.analysis for r in a.rows] != [r.analysis for r in b.rows]
    row3 = next(
        r for r in b.rows if (r.indicator == 3 and not r.items) or (r.indicator == 3 and "I14" not in r.topic)
    )
    assert row3.tier == "แก้ไขเร่งด่วน" and row3.score == 80.0


def test_document_parts_and_level(drafter):
    draft = _draft(drafter)
    assert draft.level == "ผ่านดี"
    assert abs(draft.overall - 94.118) < 0.01
    assert [s.tool for s in draft.summary] == ["IIT", "EIT", "OIT"]
    assert any("ตัวชี้วัดที่ 9" in w for s in draft.summary for w in s.weaknesses)
    assert draft.kpis and draft.monitoring_plan
    assert draft.agency.executive
    assert any("31 มีนาคม 2569" in p for p in draft.monitoring_plan)


def test_redraft_one_indicator_keeps_the_others(drafter):
    scores = ScoreSet(year=2568, indicators=MUNI_SCORES, items={"O13": 0.0})
    profile = AgencyProfile(name="ทต.ทดสอบ", type="municipality_subdistrict", assessment_year=2568)
    request = DraftRequest(profile, scores, Thresholds())
    draft = drafter.draft(request)
    edited = draft.model_copy(
        update={
            "rows": [
                r.model_copy(update={"owners": ["กองช่าง"]}) if r.indicator == 7 else r for r in draft.rows
            ]
        }
    )
    edited.rows[0] = edited.rows[0].model_copy(update={"measure": "แก้ไขโดยเจ้าหน้าที่"})
    again = drafter.redraft_indicator(edited, request, 7)
    assert [r.indicator for r in again.rows] == [r.indicator for r in draft.rows]
    assert again.rows[0].measure == "แก้ไขโดยเจ้าหน้าที่"  # other rows untouched
    row7 = next(r for r in again.rows if r.indicator == 7)
    assert row7.owners != ["กองช่าง"]


def test_pasted_seed_scores_draft_end_to_end(kb, drafter, seeds_dir):
    text = next(seeds_dir.glob("003_*.txt")).read_text(encoding="utf-8")
    parsed = parse_scores(text, kb.framework)
    profile = AgencyProfile(name="สสปน.", type="public_org", assessment_year=parsed.scores.year)
    draft = drafter.draft(DraftRequest(profile, parsed.scores, Thresholds()))
    assert draft.fiscal_year == 2565
    weak_items = {c for c, s in parsed.scores.items.items() if s < 95}
    covered = {r.items[0] for r in draft.rows if len(r.items) == 1 and r.items[0] in r.topic}
    assert weak_items <= covered
