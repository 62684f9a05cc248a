"""Rows of different agencies differ in form, not only in words (issue 12, blind round 13's tells).

The round-13 judge recognised our rows in 15/15 pairs by: one period form across agencies (the
"fiscal" and "quarter" forms still printed "ต.ค. … – …" month ranges, and seed 002's period column,
which prints report rounds, was read as "fiscal"), the same reporting sentence in every row, and one
step sequence in every OIT row (team → check items → units fill → recheck links). Here: each agency
prints its period its own way (its past plan's, else chosen by its name) and one way through its plan;
reporting sentences and step shapes differ between agencies of one type and severity and down one
plan; everything stays deterministic. No retrieval: sources never change a row's text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.drafting import coherence
from bot.drafting.engine import Drafter, DraftRequest
from bot.drafting.rows import step_text
from bot.drafting.style import extract_style, house_style, seeded_style
from bot.export import house
from bot.ita.framework import load_framework
from bot.ita.measures import AgencyProfile, Draft
from bot.ita.playbook import load_playbook
from bot.ita.tiers import Thresholds
from bot.scores import ScoreSet, parse_scores
from bot.thai import MONTHS, MONTHS_ABBR

REPO = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").is_file())
SEEDS = REPO / "tests" / "data" / "seeds"
NAMES = [f"เทศบาลตำบล{n}" for n in ("นาดี", "หนองบัว", "ท่าช้าง", "บ้านใหม่", "โคกสูง", "ห้วยทราย", "นาคู", "ดงบัง")]
# one severity for every agency: a failing OIT indicator, middling others, a few strong ones
SCORES = {1: 97.0, 2: 88.0, 3: 90.0, 4: 96.5, 5: 86.0, 6: 97.5, 7: 80.0, 8: 89.0, 9: 60.0, 10: 70.0}


class NoPassages:
    def search(self, query, k=5, *, indicator=None, kind=None, scope=""):
        return []


@pytest.fixture(scope="module")
def drafter():
    knowledge = REPO / "knowledge"
    return Drafter(load_framework(knowledge), load_playbook(knowledge), NoPassages())


def _draft(drafter, name: str, scores=None, type_="municipality_subdistrict", style=None) -> Draft:
    profile = AgencyProfile(name=name, type=type_, assessment_year=2568)
    score_set = ScoreSet(year=2568, indicators=dict(scores or SCORES))
    return drafter.draft(DraftRequest(profile, score_set, Thresholds(), style=style or {}))


def _periods(draft: Draft) -> list[str]:
    return [house.period(draft.style, r.timeline, r.start_month, r.end_month) for r in draft.rows]


_FULL = re.compile("|".join(sorted(MONTHS, key=len, reverse=True)))
_ABBR = re.compile("|".join(re.escape(m) for m in MONTHS_ABBR))


def _form(period: str) -> str:
    """A printed period's form: months (abbreviated or in full) and numbers masked."""
    text = _ABBR.sub("m.", _FULL.sub("M", period))
    return re.sub(r"[0-9๐-๙]+", lambda m: "N" * len(m.group()), text)


# -- (1) the period ---------------------------------------------------------------------------
def test_agencies_of_one_type_and_severity_print_their_periods_differently(drafter):
    forms = {name: frozenset(_form(p) for p in _periods(_draft(drafter, name))) for name in NAMES}
    # not one form for every agency (round 13: "M N – M N" in 16 of 17 plans)
    assert len(set(forms.values())) >= 3, forms
    widest = max(sum(f == g for g in forms.values()) for f in forms.values())
    assert widest <= len(NAMES) // 2, forms


def test_one_plan_prints_its_periods_one_way(drafter):
    for name in [*NAMES, *(f"หน่วยงาน {n}" for n in range(12))]:
        periods = _periods(_draft(drafter, name))
        text = " ".join(periods)
        # one dash, one kind of month name, one length of year, quarters or months, not both
        assert len(set(re.findall(r" ([–-]) ", text))) <= 1, (name, periods)
        assert not (_FULL.search(text) and _ABBR.search(text)), (name, periods)
        years = {len(y) for y in re.findall(r"(?<![0-9])[0-9]{2,4}(?![0-9])", text) if len(y) in (2, 4)}
        assert len(years) <= 1, (name, periods)
        assert not ("ไตรมาส" in text and _ABBR.search(text) and "(" not in text), (name, periods)


@pytest.mark.parametrize(
    ("prefix", "printed"),
    [
        # its period column prints ต.ค. 68 – ก.ย. 69
        ("001", re.compile(r"^(?:ต\.ค\.|พ\.ย\.|ม\.ค\.) (?:68 )?– \S+ 69$")),
        # its period column prints the report rounds ("-รอบ 6 เดือน -รอบ 12 เดือน")
        ("002", re.compile(r"^รอบ 6 เดือน(?: [–-] รอบ 12 เดือน)?$")),
        # its plan marks quarter columns: the quarters, no months
        ("003", re.compile(r"^ไตรมาสที่ \d(?: [–-] \d)?$")),
        # its plan writes months in full ("มีนาคม ๒๕๖๕")
        ("004", re.compile(r"^\S+ \d{4}(?: [–-] \S+ \d{4})?$")),
    ],
)
def test_a_seed_prints_its_period_as_its_own_past_plan_does(drafter, prefix, printed):
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    parsed = parse_scores(text, drafter.fw)
    style = house_style("ชื่อใดก็ได้", text).as_dict()
    profile = AgencyProfile(type="municipality_subdistrict", assessment_year=parsed.scores.year)
    draft = drafter.draft(DraftRequest(profile, parsed.scores, Thresholds(), style=style))
    for period in _periods(draft):
        assert printed.match(period), (prefix, period)


def test_a_plan_without_month_ranges_is_not_read_as_one_that_has_them():
    # the fiscal year in a plan's title is no period form; report rounds in its table are
    assert extract_style("แผน ประจำปีงบประมาณ พ.ศ. 2569\nเรื่อง ปีงบประมาณ พ.ศ. 2569").period == "fiscal"
    rows = "ตัวชี้วัด\tมาตรการ\tระยะเวลา\n1. ก\tข\t-รอบ 6 เดือน\n2. ค\tง\t-รอบ 6 เดือน -รอบ 12 เดือน"
    assert extract_style("แผน ประจำปีงบประมาณ พ.ศ. 2569\n" + rows).period == "rounds"
    # quarters beside their months are the "quarter" form; quarter columns alone are "quarters"
    beside = "ไตรมาสที่ 1 (ต.ค. – ธ.ค. 68)\nไตรมาสที่ 2 (ม.ค. – มี.ค. 69)\nไตรมาสที่ 3 (เม.ย. – มิ.ย. 69)"
    assert extract_style(beside).period == "quarter"
    assert extract_style("\tไตรมาสที่ 1\tไตรมาสที่ 2\tไตรมาสที่ 3\tไตรมาสที่ 4").period == "quarters"
    found = extract_style("ต.ค. 2568 - มี.ค. 2569 และ ม.ค. 2569 - ก.ย. 2569")
    assert (found.period, found.dash, found.years) == ("abbr", "hyphen", "long")


def test_an_agency_without_a_past_plan_gets_one_of_several_period_forms():
    many = [seeded_style(f"หน่วยงาน {n}") for n in range(60)]
    assert {p.period for p in many} >= {"abbr", "full", "fiscal", "quarter", "quarters"}
    assert {p.dash for p in many} == {"en", "hyphen"} and {p.years for p in many} == {"short", "long"}
    assert "rounds" not in {p.period for p in many}  # only an agency whose own plan dates rows so
    start, end = "2025-10", "2026-09"
    whole = {house.period(p.as_dict(), "ต.ค. 68 – ก.ย. 69", start, end) for p in many if p.period == "fiscal"}
    assert len(whole) >= 2, whole  # "ตลอดปีงบประมาณ", "ปีงบประมาณ พ.ศ. 2569" …


# -- (2) the reporting sentence ---------------------------------------------------------------
def _frame(reporting: str, to: str) -> str:
    head = next((v for v in ("จัดทำรายงาน", "นำเสนอ", "รายงาน", "แจ้ง") if reporting.startswith(v)), "-")
    at = reporting.find(to)
    before = re.search(r"(ต่อ|เสนอ|ให้)\s*$", reporting[:at])
    after = re.match(r"\s*(ทราบ|พิจารณา)", reporting[at + len(to) :])
    return f"{head}|{before and before[1]}|{after and after[1]}"


def test_reporting_sentences_vary_down_a_plan_and_between_agencies(drafter):
    to = drafter.playbook.agency_types["municipality_subdistrict"].report_to
    frames = {}
    for name in NAMES:
        draft = _draft(drafter, name)
        mine = [_frame(r.reporting, to) for r in draft.rows]
        assert all(to in r.reporting for r in draft.rows)
        # not one sentence closing every row (round 13): several frames in one plan
        assert len(set(mine)) >= 3, (name, mine)
        frames[name] = tuple(mine)
    assert len(set(frames.values())) >= len(NAMES) - 2, frames


def test_a_report_names_no_verb_twice():
    from bot.drafting.measure_words import _LEAD

    # "แจ้งการประกาศหลักเกณฑ์และการแจ้งผล…" and "รายงานรายงาน…" were frames put before their report
    leads = [_LEAD.match(f) for f in ("แจ้ง{what} ให้{to}ทราบ {when}", "จัดทำรายงาน{what} เสนอ{to} {when}")]
    assert [m[1] if m else None for m in leads] == ["แจ้ง", "รายงาน"]


def test_no_reporting_sentence_repeats_its_verb(drafter):
    to = drafter.playbook.agency_types["municipality_subdistrict"].report_to
    for name in NAMES:
        for row in _draft(drafter, name).rows:
            lead = re.match(r"^(?:จัดทำ|นำ)?(รายงาน|แจ้ง)", row.reporting)
            if lead:  # what is reported, up to its recipient, does not say the verb again
                what = re.sub(r"\s*(?:ต่อ|เสนอ|ให้)$", "", row.reporting[lead.end() : row.reporting.find(to)])
                assert lead[1] not in what, row.reporting


# -- (3) the steps' shape ---------------------------------------------------------------------
def _kinds(steps: list[str]) -> tuple[str, ...]:
    kinds = []
    for step in steps:
        text = step_text(step)
        if text.startswith("ข้อ "):
            kinds.append("item")
        elif coherence.CLOSING_CHECK.search(text):
            kinds.append("close")
        elif re.search(r"แต่งตั้ง|มีคำสั่ง|ประกาศเจตนารมณ์|กำหนดให้", text[:50]):
            kinds.append("order")
        elif coherence.ITEM_CODE.search(text):
            kinds.append("check")
        else:
            kinds.append("work")
    return tuple(kinds)


def test_two_agencies_of_one_type_and_severity_lay_out_their_oit_rows_differently(drafter):
    shapes = set()
    for name in NAMES:
        row = next(r for r in _draft(drafter, name).rows if r.indicator == 9)
        shapes.add(_kinds(row.steps))
        # whatever its shape, an urgent OIT row checks what is missing and ends with the closing check
        assert coherence.CLOSING_CHECK.search(step_text(row.steps[-1])), row.steps
        assert any(coherence.ITEM_CODE.search(s) for s in row.steps), row.steps
    # not one sequence (round 13: team → check → units fill → recheck in every row)
    assert len(shapes) >= 3, shapes


def test_a_team_appointed_and_its_check_may_be_one_step(drafter):
    merged = []
    for name in [*NAMES, *(f"เทศบาลตำบลทดสอบ {n}" for n in range(12))]:
        row = next(r for r in _draft(drafter, name).rows if r.indicator == 9)
        merged += [s for s in row.steps if re.search(r"แต่งตั้ง\S*[^\n]* เพื่อ\S*ตรวจ|แต่งตั้ง.* เพื่อ", s)]
    assert merged, "no agency appoints its team and says what it checks in one step"
    for step in merged:  # the order and what the team checks: the items, or the groups of items
        assert coherence.ITEM_CODE.search(step), step


def test_strong_rows_take_two_or_three_steps_by_agency(drafter):
    counts = set()
    for name in NAMES:
        for row in _draft(drafter, name).rows:
            if row.tier.value == "รักษาระดับ":
                counts.add(len(row.steps))
                assert 2 <= len(row.steps) <= 3, row.steps
    assert counts == {2, 3}, counts


def test_the_same_request_drafts_the_same_rows(drafter):
    for name in NAMES[:3]:
        first, again = _draft(drafter, name), _draft(drafter, name)
        assert [r.model_dump() for r in first.rows] == [r.model_dump() for r in again.rows]
        assert first.style == again.style
