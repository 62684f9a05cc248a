"""A row a coordinator publishes unchanged (issue 12, blind round 7), as behaviour.

The judge recognised every one of our rows and listed defects as classes: an analysis advising
work no step does, a report naming a review no step makes, monitoring that follows one step of
several, an O-code list that skips codes the year's list lacks, a spending plan published from
January, steps in an order's voice ("ให้นายกเทศมนตรีตั้ง..."), colloquial or internal wording,
analyses opening without a subject, and one team name in every agency's rows. Real knowledge,
the real Drafter, many invented agencies of every type and the seeds' own scores.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bot.drafting.coherence import COVERED, coverage
from bot.drafting.engine import Drafter, DraftRequest
from bot.drafting.rows import step_text
from bot.ita.facts import SOLID
from bot.ita.framework import load_framework
from bot.ita.measures import AgencyProfile, Draft, MeasureRow
from bot.ita.playbook import load_playbook
from bot.ita.tiers import Thresholds
from bot.scores import ScoreSet, parse_scores
from tests.draft_samples import AGENCY_TYPES

REPO = Path(__file__).resolve().parents[1]
KNOWLEDGE = REPO / "knowledge"
SEEDS = REPO / "tests" / "data" / "seeds"
# score ranges of three severities (every indicator drawn in the range)
SEVERITIES = ((30.0, 72.0), (70.0, 93.0), (88.0, 100.0))


class NoPassages:
    def search(self, query, k=5, *, indicator=None, kind=None, scope=""):
        return []


@pytest.fixture(scope="module")
def drafter():
    return Drafter(load_framework(KNOWLEDGE), load_playbook(KNOWLEDGE), NoPassages())


@pytest.fixture(scope="module")
def plans(drafter) -> list[Draft]:
    """Every agency type at three severities, two invented agencies each (72 plans)."""
    out = []
    for t, type_ in enumerate(AGENCY_TYPES):
        for s, (low, high) in enumerate(SEVERITIES):
            for k in range(2):
                rnd = random.Random(100 * t + 10 * s + k)
                scores = {n: round(rnd.uniform(low, high), 2) for n in range(1, 11)}
                profile = AgencyProfile(name=f"หน่วยงานทดลอง {type_} {s}{k}", type=type_, assessment_year=2568)
                request = DraftRequest(profile, ScoreSet(year=2568, indicators=scores), Thresholds())
                out.append(drafter.draft(request))
    return out


def _seed(drafter, seed: str, type_: str) -> Draft:
    text = next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    parsed = parse_scores(text, drafter.fw)
    profile = AgencyProfile(type=type_, assessment_year=parsed.scores.year or 2568)
    request = DraftRequest(profile, parsed.scores, Thresholds(), named_items=list(parsed.named_items))
    return drafter.draft(request)


def _item_row(draft: Draft, item: str) -> MeasureRow:
    return next(r for r in draft.rows if f"– ข้อ {item}" in r.topic)


def _rows(plans):
    return [r for d in plans for r in d.rows]


# -- what the analysis advises, a step does --------------------------------------------------------
def test_an_analysis_advises_only_what_a_step_of_its_row_does(plans):
    advised = 0
    for row in _rows(plans):
        # the advice follows "จึง" or "แต่" (voice.yaml shapes); its first phrase says what to do
        for advice in re.findall(r"(?:จึง|แต่)ควร(\S+)", row.analysis):
            steps = [step_text(s) for s in row.steps]
            # (the whole advice is held to 0.5; its first phrase alone to the looser COVERED)
            assert coverage(advice, steps) >= COVERED, (row.topic, row.analysis, steps)
            advised += 1
    assert advised > 50  # the advice is still said where the steps carry it out


def test_a_report_names_no_work_the_row_does_not_do(drafter):
    # p12: "ผลการใช้จ่ายงบประมาณ ความคุ้มค่าของโครงการ และผลการตรวจสอบภายใน" with no step that
    # reviews value for money
    row = _item_row(_seed(drafter, "003", "public_org"), "I8")
    text = " ".join([*row.steps, row.monitoring])
    if "คุ้มค่า" not in text:
        assert "คุ้มค่า" not in row.reporting, row.reporting
    assert "ผลการตรวจสอบภายใน" in row.reporting  # what a step does is still reported


def test_kpis_measure_the_rows_own_work(plans):
    for row in _rows(plans):
        kpis = row.kpi.split("; ")
        for kpi in kpis[1:]:
            assert coverage(kpi, [*row.steps, row.monitoring]) >= COVERED, (row.topic, kpi, row.steps)


def test_monitoring_written_from_the_steps_follows_more_than_one_step(drafter):
    # p10: the row announces criteria, informs each person of the result with reasons and opens a
    # complaint channel, but monitoring followed the announcement only
    row = _item_row(_seed(drafter, "003", "public_org"), "I14")
    assert "ประกาศหลักเกณฑ์" in row.monitoring, row.monitoring
    assert "แจ้งผล" in row.monitoring or "ช่องทาง" in row.monitoring, row.monitoring


# -- when the work starts ------------------------------------------------------------------------
def test_the_years_spending_plan_is_published_from_the_start_of_the_fiscal_year(drafter):
    # p09: a row publishing the year's spending plan started in ม.ค.
    row = _item_row(_seed(drafter, "003", "public_org"), "I7")
    assert any(re.search(r"(?:เผยแพร่|เปิดเผย)แผนการใช้จ่ายงบประมาณประจำปี", s) for s in row.steps)
    assert row.timeline.startswith("ต.ค."), row.timeline


# -- OIT items: per-item owners, and no code list that skips codes ----------------------------------
def test_each_oit_item_step_names_its_own_unit(drafter):
    # p04: O13 named งานพัสดุ but O14 and O16 (personnel) named no unit
    row = next(r for r in _seed(drafter, "001", "municipality_subdistrict").rows if r.indicator == 9)
    items = [s for s in row.steps if re.match(r"\d+\. ข้อ O\d+", s)]
    assert len(items) >= 3, row.steps
    # the unit in brackets after the step, or (most agencies, as the seeds write it) opening its action
    units = drafter.playbook.agency_types["municipality_subdistrict"].default_units
    for step in items:
        assert re.search(r"\([^()]+\)$", step) or ": งาน" in step or any(f": {u}" in step for u in units), (
            step
        )
    hr = [s for s in items if re.match(r"\d+\. ข้อ O1[46]\b", s)]
    assert hr and all("กองการเจ้าหน้าที่" in s for s in hr), hr


def test_without_item_results_an_oit_row_checks_named_items_or_groups_and_claims_none(plans, drafter):
    # blind round 8: rows at 33.96 and 6.25 named no item to check (the human rows name O13, O14,
    # O16). Without the agency's item results a row now names, as a CHECK, up to three items of the
    # year's list whose titles are solid; a year without such titles names its groups instead.
    checked = named = 0
    for draft in plans:
        year = draft.assessment_year
        solid = {i.code for n in (9, 10) for i in drafter.fw.oit_list(n, year) if i.confidence in SOLID}
        for row in draft.rows:
            if row.indicator not in (9, 10) or row.items or row.tier == "รักษาระดับ":
                continue
            # the analysis, monitoring and KPI claim nothing about items
            assert not re.search(r"\bO\d", " ".join([row.analysis, row.monitoring, row.kpi])), row.topic
            checks = [s for s in row.steps if s.count("หมวด") >= 2 or re.search(r"\bO\d", s)]
            assert len(checks) == 1, row.steps
            codes = set(re.findall(r"\bO\d+", checks[0]))
            assert not re.search(r"O\d+–O?\d+", checks[0]), checks[0]  # never a range the list may skip
            assert codes <= solid and len(codes) <= 3, (codes, solid)
            assert "ไม่ผ่าน" not in checks[0] and "บางข้อ" not in checks[0]
            if not codes:  # the groups: says plainly that the agency finds the items it lacks
                assert re.search(r"ข้อ(?:ที่|ใด)ยัง", checks[0]), checks[0]
            named += bool(codes)
            checked += 1
    assert checked > 20 and named > 5, (checked, named)


# -- an official document's register ---------------------------------------------------------------
INTERNAL = (
    "อีกไม่มาก",  # colloquial: "nearly there"
    "โดยดูข้อ",  # a working note: "look at items ... first"
    "เปิด URL",
    "ว่าถึงหน้า",
    "ระบุส่วนที่ยังขาด",
    "ในความเห็นของ",
    "เพิ่งผ่านเกณฑ์",
)


def test_published_rows_carry_no_colloquial_or_internal_wording(plans, drafter):
    seeds = [
        _seed(drafter, s, t)
        for s, t in (("001", "municipality_subdistrict"), ("003", "public_org"), ("004", "sao"))
    ]
    for row in _rows([*plans, *seeds]):
        text = " ".join([row.analysis, *row.steps, row.monitoring, row.reporting, row.kpi])
        for phrase in INTERNAL:
            assert phrase not in text, (row.topic, phrase, text)
        # "ทำแผน" is a working word; a plan is "จัดทำ"
        assert not re.search(r"(?<!จัด)ทำแผน", text), (row.topic, text)
        for step in row.steps:
            body = step_text(step)
            # a step states the action, not an order's "ให้..." before its subject
            assert not re.match(r"ให้(?:ผู้|นายก|หน่วย|งาน|กอง|สำนัก|ฝ่าย|ส่วน|ทุก|คณะ)", body), step
            # a committee is appointed (แต่งตั้ง), not "ตั้ง" as in speech
            assert not re.search(r"(?<!แต่ง)ตั้งคณะทำงาน", body), step


_PREDICATE = re.compile(r"^(?:ซึ่ง|โดย|เป็นตัวชี้วัด|ได้คะแนน|มีคะแนน|ยังได้|ต่ำกว่า|ผ่านเกณฑ์|ลดลง|เพิ่มขึ้น)")


def test_no_analysis_opens_without_its_subject(plans):
    for row in _rows(plans):
        assert not _PREDICATE.match(row.analysis), (row.topic, row.analysis)


# -- stock names vary by agency, and hold within one plan -------------------------------------------
def test_agencies_name_their_team_in_their_own_words_one_name_per_plan(plans):
    names = set()
    for draft in plans:
        teams = {o for r in draft.rows for o in r.owners if o.startswith("คณะทำงาน")}
        # one plan names its team one way throughout, in the owners and in the steps
        assert len(teams) <= 1, teams
        for team in teams:
            for row in draft.rows:
                for step in row.steps:
                    assert "คณะทำงาน ITA" not in step or team.startswith("คณะทำงาน ITA"), (team, step)
        names |= teams
    assert len(names) >= 3, names
