"""An agency's plan in its own house style, not one program's (issue 12, blind round 9's tell).

The judge recognised every bot row by forms shared across agencies (one heading form, one
month-range form, strong rows all "กิจกรรมรักษามาตรฐาน…"). Here: the forms read from an agency's
own past plan (the five seeds), forms chosen per agency when it has none, strong-row titles
that differ, and monitoring that never times the work's object ("การจัดช่องทางรายเดือน…").
Real knowledge, real Chroma and the real Drafter, as in test_row_voice.py.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bot.app import build_drafter, ensure_index
from bot.drafting.coherence import gist
from bot.drafting.engine import DraftRequest
from bot.drafting.style import FORMS, StyleProfile, extract_style, house_style, seeded_style
from bot.ita.measures import AgencyProfile, Draft
from bot.ita.tiers import Thresholds, Tier
from bot.scores import ScoreSet, parse_scores
from tests.draft_samples import AGENCY_TYPES
from tests.kb_helpers import make_kb, make_settings

SEEDS = Path(__file__).parent / "data" / "seeds"


def _seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def drafter(tmp_path_factory):
    kb = make_kb(tmp_path_factory.mktemp("kb"))
    ensure_index(kb)
    return build_drafter(make_settings(tmp_path_factory.mktemp("s")), kb)


def _draft(drafter, type_: str, indicators: dict[int, float], name: str, style=None) -> Draft:
    scores = ScoreSet(year=2568, indicators=indicators)
    profile = AgencyProfile(name=name, type=type_, assessment_year=2568)
    return drafter.draft(DraftRequest(profile, scores, Thresholds(), style=style or {}))


# -- (a) forms read from an agency's own plan ---------------------------------------------------
@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        # a municipality: "ตัวชี้วัดที่ 1 …", "ต.ค. 68 – ก.ย. 69", "1.", Arabic digits, "สำนักปลัดเทศบาล / ทุกกอง"
        (
            "001",
            {"heading": "word", "period": "abbr", "numbering": "dot", "digits": "arabic", "owners": "slash"},
        ),
        # a municipality that heads rows "7.ประสิทธิภาพการสื่อสาร" and whose period column prints the
        # report rounds ("-รอบ 6 เดือน -รอบ 12 เดือน"), not the fiscal year its title names
        # (its analyses open with what should be done: "- ควรมีการปรับปรุง…")
        (
            "002",
            {"heading": "dot", "period": "rounds", "numbering": "dot", "digits": "arabic", "voice": "advice"},
        ),
        # an องค์การมหาชน: a quarter Gantt (quarter columns, no months printed) and "1)" steps
        ("003", {"heading": "word", "period": "quarters", "numbering": "paren", "digits": "arabic"}),
        # an อบต. typed in Thai digits, dating by full month names ("มีนาคม ๒๕๖๕")
        # (its rows are headed by the indicator's name alone; its prose says "ตัวชี้วัดที่ ๑")
        ("004", {"heading": "name", "period": "full", "digits": "thai"}),
        # a school in Thai digits whose plan dates only by fiscal year
        # (its analyses say what the indicator measures: "เป็นคะแนนจาก ตัวชี้วัดที่มีวัตถุประสงค์…")
        ("000", {"period": "fiscal", "digits": "thai", "voice": "measures"}),
    ],
)
def test_the_forms_of_an_agencys_own_plan_are_read_from_its_text(prefix, expected):
    found = extract_style(_seed_text(prefix)).as_dict()
    assert {k: found.get(k) for k in expected} == expected


def test_a_text_without_forms_gives_no_form_and_its_agency_keeps_its_seeded_ones():
    assert extract_style("").as_dict() == {}
    assert extract_style("ขอบคุณค่ะ แผนปีที่แล้วอยู่ในไฟล์แนบ").as_dict() == {}
    seeded = seeded_style("เทศบาลตำบลทดสอบ")
    assert house_style("เทศบาลตำบลทดสอบ", "ขอบคุณค่ะ") == seeded
    # the past plan's forms win over the seeded ones; what it does not show stays seeded
    learned = house_style("เทศบาลตำบลทดสอบ", _seed_text("003"))
    assert learned.period == "quarters" and learned.numbering == "paren"
    assert learned.owners == seeded.owners  # seed 003 shows no owner form


def test_a_profile_round_trips_through_the_draft_and_drops_unknown_forms():
    profile = StyleProfile(heading="dot", period="full", numbering="both", digits="thai", owners="space")
    assert StyleProfile.from_dict(profile.as_dict()) == profile
    assert StyleProfile.from_dict({"heading": "ตัวหนา", "period": "full", "x": "y"}) == StyleProfile(
        period="full"
    )


# -- (b) no past plan: forms chosen per agency -------------------------------------------------
def test_agencies_without_a_past_plan_do_not_share_one_voice():
    names = [f"เทศบาลตำบล{n}" for n in ("นาดี", "หนองบัว", "ท่าช้าง", "บ้านใหม่", "โคกสูง", "ห้วยทราย")]
    profiles = [seeded_style(n) for n in names]
    assert profiles == [seeded_style(n) for n in names]  # the same agency always reads the same
    assert len(set(profiles)) == len(profiles)
    for form, values in FORMS.items():
        assert {getattr(p, form) for p in profiles} <= set(values)
    # across agencies every form takes more than one value
    many = [seeded_style(f"หน่วยงาน {n}") for n in range(40)]
    for form in FORMS:
        assert len({getattr(p, form) for p in many}) > 1, form


def test_the_draft_keeps_the_agencys_style_learned_forms_first(drafter):
    scores = dict.fromkeys(range(1, 11), 80.0)
    plain = _draft(drafter, "municipality_subdistrict", scores, "เทศบาลตำบลนาดี")
    assert plain.style == seeded_style("เทศบาลตำบลนาดี").as_dict()
    assert set(plain.style) == set(FORMS)
    other = _draft(drafter, "municipality_subdistrict", scores, "เทศบาลตำบลหนองบัว")
    assert other.style != plain.style
    learned = house_style("เทศบาลตำบลนาดี", _seed_text("004")).as_dict()
    own = _draft(drafter, "municipality_subdistrict", scores, "เทศบาลตำบลนาดี", style=learned)
    assert own.style["digits"] == "thai" and own.style["period"] == "full"


# -- (c) strong rows and step shapes -----------------------------------------------------------
def test_strong_rows_are_not_all_titled_alike_and_stay_complete(drafter):
    titles: list[str] = []
    for n, type_ in enumerate(AGENCY_TYPES):
        rng = random.Random(n)
        scores = {k: round(rng.uniform(95.5, 99.5), 2) for k in range(1, 11)}
        draft = _draft(drafter, type_, scores, f"หน่วยงานทดสอบแข็ง {n}")
        strong = [r for r in draft.rows if r.tier == Tier.MAINTAIN]
        assert len(strong) == 10
        for row in strong:
            assert row.measure and row.steps and row.owners and row.timeline and row.kpi and row.monitoring
        plan_titles = [r.measure for r in strong]
        # one plan does not title its strong rows "กิจกรรมรักษามาตรฐาน…" (at most as often as any other form)
        assert sum(t.startswith("กิจกรรมรักษามาตรฐาน") for t in plan_titles) <= 4, plan_titles
        titles.extend(plan_titles)
    openings = {re.match(r"^(กิจกรรม|มาตรการ|แนวทาง|โครงการ)\S{0,12}", t).group(0) for t in titles if t}
    assert len(openings) >= 4, openings


# -- 2. no compressed phrase that times the work's object --------------------------------------
# "ติดตามการจัดช่องทางรายเดือนจนแล้วเสร็จ" read as "a monthly channel" (blind round 9): a frequency
# right after the work it times, before "until done", is read as part of the work's name.
COMPRESSED = re.compile(r"การ\S+(?:รายเดือน|ทุกเดือน|รายไตรมาส|ทุกไตรมาส|ทุกครึ่งปี|ปีละ\s?\d ครั้ง)จนแล้วเสร็จ")


@pytest.mark.parametrize(
    ("step", "kept"),
    [
        # a verb and its object cut before what they are for: "จัดช่องทาง" alone names nothing
        ("จัดช่องทางให้บุคลากรแจ้งกรณีการประเมินผลไม่เป็นธรรม", "บุคลากร"),
        ("แจ้งบุคลากรให้ทราบช่องทางร้องเรียนการทุจริต ขั้นตอนการติดตามผล", "ช่องทางร้องเรียน"),
        # two joined verbs keep the object they share
        ("จัดทำคู่มือแนวทางการขอยืมและใช้ทรัพย์สินของราชการ", "ทรัพย์สิน"),
    ],
)
def test_what_a_monitoring_names_keeps_what_the_work_is_about(step, kept):
    assert kept in gist(step)


def test_a_short_first_phrase_that_says_the_work_is_still_used():
    assert gist("ประกาศหลักเกณฑ์และแจ้งให้บุคลากรทุกคนทราบ") == "ประกาศหลักเกณฑ์"
    assert gist("จัดเวทีประชาคมหรือการประชุมรับฟังความคิดเห็น") == "จัดเวทีประชาคม"


def test_no_monitoring_or_step_times_the_object_of_its_work(drafter):
    checked = 0
    for n, type_ in enumerate(AGENCY_TYPES):
        for low, high in ((20.0, 60.0), (80.0, 94.0), (95.5, 99.9)):
            rng = random.Random(n * 7 + int(low))
            scores = {k: round(rng.uniform(low, high), 2) for k in range(1, 11)}
            draft = _draft(drafter, type_, scores, f"หน่วยงานสแกน {n}")
            for row in draft.rows:
                for text in (*row.steps, row.monitoring, row.reporting):
                    checked += 1
                    assert not COMPRESSED.search(text), (type_, row.indicator, text)
    assert checked > 500


def test_a_seed_drafted_in_its_own_style_keeps_every_row_complete(drafter):
    text = _seed_text("001")
    scores = parse_scores(text, drafter.fw).scores
    profile = AgencyProfile(type="municipality_subdistrict", assessment_year=scores.year)
    style = house_style("เทศบาลตำบลตัวอย่าง", text).as_dict()
    draft = drafter.draft(DraftRequest(profile, scores, Thresholds(), style=style))
    assert draft.style["period"] == "abbr" and draft.style["heading"] == "word"
    assert draft.rows and all(r.steps and r.owners and r.timeline for r in draft.rows)


# -- (d) the analyses' register: one per agency, its own plan's when it sent one ---------------------
def test_an_agencys_analyses_keep_its_register_and_two_registers_read_apart(drafter):
    # blind round 10: every pair's analysis was put one way; real plans keep one register each
    scores = {1: 78.0, 2: 88.0, 3: 96.0, 7: 80.0, 8: 90.0, 10: 97.0}
    name = "เทศบาลตำบลนาดี"
    advice = _draft(drafter, "municipality_subdistrict", scores, name, style={"voice": "advice"})
    measures = _draft(drafter, "municipality_subdistrict", scores, name, style={"voice": "measures"})
    led = [r.analysis for r in advice.rows if r.analysis.startswith("ควร")]
    assert len(led) >= 3, [r.analysis for r in advice.rows]  # what should be done comes first
    said = [r.analysis for r in measures.rows if "ประเมิน" in r.analysis[:60]]
    assert len(said) >= 3, [r.analysis for r in measures.rows]  # what the indicator measures
    assert not {r.analysis for r in advice.rows} & {r.analysis for r in measures.rows}
    # the register is read from the past plan's text, and an agency without one gets its own
    assert house_style(name, _seed_text("002")).voice == "advice"
    assert {seeded_style(f"หน่วยงาน {n}").voice for n in range(20)} == set(FORMS["voice"])
