"""Playbook and agency types: validation, seed quotes, type matching, owners by role."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.drafting.measure_words import maintains, pick_measure
from bot.ita.framework import load_framework
from bot.ita.passages import playbook_passages
from bot.ita.playbook import load_playbook
from bot.ita.tiers import Tier
from tests.conftest import KNOWLEDGE_DIR

KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge"
TIERS = tuple(Tier)

REQUIRED_ITEMS = [
    "I1",
    "I2",
    "I3",
    "I7",
    "I8",
    "I11",
    "I12",
    "I13",
    "I14",
    "I15",
    "I20",
    "I21",
    "I22",
    "I23",
    "I24",
    "I27",
    "I30",
    "E2",
    "E3",
    "E5",
    "E6",
    "E7",
    "E8",
    "E9",
    "E10",
    "E11",
    "E12",
    "E14",
    "E15",
]
ITEM_INDICATOR = {
    **dict.fromkeys(("I1", "I2", "I3"), 1),
    **dict.fromkeys(("I7", "I8", "I11", "I12"), 2),
    **dict.fromkeys(("I13", "I14", "I15"), 3),
    **dict.fromkeys(("I20", "I21", "I22", "I23", "I24"), 4),
    **dict.fromkeys(("I27", "I30"), 5),
    **dict.fromkeys(("E2", "E3", "E5"), 6),
    **dict.fromkeys(("E6", "E7", "E8", "E9", "E10"), 7),
    **dict.fromkeys(("E11", "E12", "E14", "E15"), 8),
}
FILL = {
    "agency": "เทศบาลตำบลทดสอบ",
    "score": "84.25",
    "indicator_name": "การใช้อำนาจ",
    "items": "I14",
    "fiscal_year": 2569,
    "year": 2568,
}


@pytest.fixture(scope="module")
def pb():
    return load_playbook(KNOWLEDGE_DIR)


# -- validation on broken copies ---------------------------------------------------------------
@pytest.fixture
def broken(tmp_path):
    """Copy the real knowledge files to tmp and return an editor for one YAML file."""
    shutil.copy(KNOWLEDGE / "agency_types.yaml", tmp_path / "agency_types.yaml")
    shutil.copytree(KNOWLEDGE / "playbook", tmp_path / "playbook")

    def edit(rel: str, change) -> Path:
        path = tmp_path / rel
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return tmp_path

    return edit


def test_unmodified_copy_loads(broken):
    pb = load_playbook(broken("playbook/indicators.yaml", lambda d: None))
    assert len(pb.entries) == len(load_playbook(KNOWLEDGE_DIR).entries)


def _first(data, key):
    return next(e for e in data["entries"] if e["key"] == key)


@pytest.mark.parametrize(
    "rel, change, message",
    [
        ("agency_types.yaml", lambda d: d["types"][5]["roles"].pop("finance"), "school: roles missing"),
        ("agency_types.yaml", lambda d: d["types"][0]["roles"].update(audit=[]), "roles missing"),
        ("agency_types.yaml", lambda d: d["types"][0].update(family="ministry"), "family"),
        (
            "playbook/indicators.yaml",
            lambda d: _first(d, "ind2").update(timing={"start": 1, "end": 13}),
            "less than or equal to 12",
        ),
        (
            "playbook/indicators.yaml",
            lambda d: _first(d, "ind2").update(timing={"start": 9, "end": 3}),
            "before it starts",
        ),
        (
            "playbook/indicators.yaml",
            lambda d: _first(d, "ind3").update(steps=_first(d, "ind3")["steps"][:2]),
            "at least 3",
        ),
        ("playbook/indicators.yaml", lambda d: _first(d, "ind4")["maintain"]["steps"].pop(), "at least 3"),
        (
            "playbook/indicators.yaml",
            lambda d: _first(d, "ind4")["maintain"]["steps"].append({"role": "hr", "text": "จัดอบรมเพิ่มเติม"}),
            "at most 3",
        ),
        (
            "playbook/indicators.yaml",
            lambda d: _first(d, "ind5")["maintain"]["steps"][1].update(role="treasury"),
            "unknown role",
        ),
        (
            "playbook/indicators.yaml",
            lambda d: _first(d, "ind6")["maintain"].update(kpi="ร้อยละ {percent}"),
            "unknown placeholder",
        ),
        ("playbook/iit.yaml", lambda d: _first(d, "I14").update(seed_refs=[]), "at least 1"),
        ("playbook/iit.yaml", lambda d: _first(d, "I14")["steps"][0].update(role="treasury"), "unknown role"),
        ("playbook/eit.yaml", lambda d: _first(d, "E6")["analysis"].pop("รักษาระดับ"), "exactly the tiers"),
        (
            "playbook/eit.yaml",
            lambda d: _first(d, "E6")["analysis"].update({"แก้ไขเร่งด่วน": "ได้ {scor} คะแนน"}),
            "unknown placeholder",
        ),
        (
            "playbook/oit.yaml",
            lambda d: _first(d, "oit_9_3")["codes"].update({"ปี 2568": ["O12"]}),
            "B.E. year",
        ),
        ("playbook/indicators.yaml", lambda d: d["entries"].pop(9), "missing \\[10\\]"),
        ("playbook/defaults.yaml", lambda d: d["families"].pop("school"), "family 'school'"),
        (
            "playbook/iit.yaml",
            lambda d: d["entries"].append(dict(_first(d, "I1"))),
            "duplicate playbook entry",
        ),
    ],
)
def test_broken_copies_fail_validation(broken, rel, change, message):
    with pytest.raises(ValueError, match=message):
        load_playbook(broken(rel, change))


# -- seed quotes -----------------------------------------------------------------------------
def test_every_seed_quote_occurs_in_its_seed(pb, seeds_dir):
    seeds = {p.name[:3]: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    refs = [(e.key, r) for e in pb.entries.values() for r in e.seed_refs]
    refs += [
        (f"{e.key}:maintain", r) for e in pb.entries.values() if e.maintain for r in e.maintain.seed_refs
    ]
    refs += [(f"defaults:{fam}", r) for fam, d in pb.defaults.items() for r in d.seed_refs]
    assert len(refs) > 80
    missing = [(key, r.seed, r.quote) for key, r in refs if r.quote not in seeds[r.seed]]
    assert missing == []
    assert {r.seed for _, r in refs} == {"000", "001", "002", "003", "004"}


# -- coverage ------------------------------------------------------------------------------
def test_indicator_entries_cover_exactly_the_frameworks_indicators(pb):
    covered = sorted(e.indicator for e in pb.entries.values() if not e.items and not e.codes)
    assert tuple(covered) == load_framework(KNOWLEDGE_DIR).indicator_numbers


@pytest.mark.parametrize("indicator", range(1, 11))
def test_each_indicator_has_its_entry_first(pb, indicator):
    entries = pb.entries_for(indicator)
    assert entries[0].indicator == indicator and entries[0].items == []
    assert len(entries[0].steps) >= 4
    assert set(entries[0].analysis) == set(TIERS)


@pytest.mark.parametrize("code", REQUIRED_ITEMS)
def test_required_items_have_entries(pb, code):
    number = ITEM_INDICATOR[code]
    entries = pb.entries_for(number, [code])
    assert len(entries) == 2 and entries[1].items == [code]
    entry = entries[1]
    assert entry.indicator == number
    assert len(entry.steps) >= 4
    assert entry.kpis and entry.monitoring and entry.reporting and entry.seed_refs
    for text in entry.analysis.values():
        filled = text.format(**FILL)
        assert "84.25" in filled or entry.analysis["รักษาระดับ"] == text


@pytest.mark.parametrize("key", sorted(load_playbook(KNOWLEDGE_DIR).entries))
def test_each_tier_gets_wording_of_its_own(pb, key):
    """A row that must be fixed or developed never reads "keep the standard", and a strong one does."""
    entry = pb.entry(key)
    for tier in TIERS:
        keeps = tier == "รักษาระดับ"
        assert maintains(pick_measure(entry, tier, "การป้องกันการทุจริต")) == keeps, (key, tier)
        assert keeps or not maintains(entry.analysis[tier])
    assert not any(maintains(step.text) for step in entry.steps)


def test_each_entry_says_what_its_row_reports(pb):
    reports = [e.report for e in pb.entries.values()]
    assert all(5 <= len(r) <= 90 for r in reports)
    assert len(set(reports)) == len(reports)
    # the drafter adds the recipient and the rounds itself
    assert not any("ผู้บริหาร" in r or "6 เดือน" in r for r in reports)


@pytest.mark.parametrize(
    "year, code, key",
    [
        (2568, "O13", "oit_procurement_report"),
        (2568, "O14", "oit_hr_plan"),
        (2568, "O16", "oit_ethics"),
        (2568, "O17", "oit_9_5"),
        (2564, "O13", "oit_9_2"),  # in 2564 O13 was the work manual, not the procurement report
        (2565, "O24", "oit_procurement_report"),
        (2565, "O42", "oit_measures"),
        (2566, "O43", "oit_measures"),
        (2569, "O25", "oit_measures"),
        (2564, "O25", "oit_hr_plan"),
        (2566, "O2", "oit_9_1"),
        (2566, "O39", "oit_ethics_2566"),  # 2566 files the ethics items under indicator 10
        (2564, "O36", "oit_10_1"),
    ],
)
def test_oit_codes_resolve_by_year(pb, year, code, key):
    entries = pb.entries_for(9, [code], year=year)
    assert [e.key for e in entries[1:]] == [key]
    assert entries[1].items == [code]


def test_oit_entries_say_what_to_publish_and_cover_groups(pb):
    oit = [e for e in pb.entries.values() if e.codes]
    assert {e.group for e in oit} >= {"9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"}
    assert all(len(e.publish) > 40 for e in oit)


def test_entries_for_without_year_uses_default_year_and_skips_unknown(pb):
    entries = pb.entries_for(9, ["O13", "o14", "O99", "I99"])
    assert [e.key for e in entries] == ["ind9", "oit_procurement_report", "oit_hr_plan"]
    assert pb.entries_for(10, ["O42"])[1].key == "oit_measures"  # not in 2568: found in another year
    assert pb.entries_for(9, ["O13"], year=2567) == pb.entries_for(9)  # 2567 list is not confirmed


def test_items_of_one_entry_are_merged(pb):
    entries = pb.entries_for(9, ["O17", "O19"], year=2568)
    assert [(e.key, e.items) for e in entries[1:]] == [("oit_9_5", ["O17", "O19"])]
    assert pb.entry("oit_9_5").items == ["O17", "O18", "O19", "O20"]  # the stored entry is untouched


def test_entry_by_key(pb):
    assert pb.entry("I14").indicator == 3
    with pytest.raises(KeyError, match="no playbook entry"):
        pb.entry("I99")


def test_timing_whole_year_and_fiscal_months(pb):
    assert (pb.entry("ind7").timing.start, pb.entry("ind7").timing.end, pb.entry("ind7").timing.label) == (
        1,
        12,
        "ตลอดปี",
    )
    assert all(1 <= e.timing.start <= e.timing.end <= 12 for e in pb.entries.values() if e.timing)


# -- agency types ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, key",
    [
        ("เทศบาลตำบลนามะเขือ", "municipality_subdistrict"),
        ("ทต.นิเวศน์", "municipality_subdistrict"),
        ("เทศบาล", "municipality_subdistrict"),
        ("เทสบาลตำบลนิเวศน์", "municipality_subdistrict"),  # typo ศ -> ส
        ("เทศบาลเมืองกาฬสินธุ์", "municipality_town"),
        ("เทศบาลนครขอนแก่น", "municipality_city"),
        ("อบต", "sao"),
        ("อบต.ทุ่งทอง", "sao"),
        ("องค์กรบริหารส่วนตำบลกู่ทอง", "sao"),  # seed 004's own misspelling
        ("องค์การบริหารส่วนตำบ", "sao"),  # truncated
        ("อบจ.ขอนแก่น", "pao"),
        ("โรงเรียนบ้านธิพิทยา", "school"),
        ("รร.บ้านนา", "school"),
        ("โรงเรียนป่าตาลบ้านธิพิทยาศาสตร์ สังกัดสำนักงานเขตพื้นที่การศึกษา", "school"),
        ("สพป.ลำพูน เขต 1", "esa"),
        ("สำนักงานส่งเสริมการจัดประชุมและนิทรรศการ (องค์การมหาชน)", "public_org"),
        ("องค์การมหาชน", "public_org"),
        ("กรมบัญชีกลาง", "department"),
        ("จังหวัดลำพูน", "province"),
        ("การไฟฟ้าส่วนภูมิภาค", "state_enterprise"),
        ("มหาวิทยาลัยขอนแก่น", "university"),
        ("school", "school"),
        ("โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านหนองบัว", "hospital"),
        ("รพ.สต.บ้านโคก", "hospital"),
        ("โรงพยาบาลชุมชนนาดี", "hospital"),
    ],
)
def test_match_agency_type(pb, text, key):
    found = pb.match_agency_type(text)
    assert found is not None and found.key == key


@pytest.mark.parametrize("text", ["", "สวัสดีครับ", "ทนายความ", "123"])
def test_match_agency_type_rejects_noise(pb, text):
    assert pb.match_agency_type(text) is None


def test_agency_types_cover_the_brief(pb):
    assert set(pb.agency_types) == {
        "municipality_subdistrict",
        "municipality_town",
        "municipality_city",
        "sao",
        "pao",
        "school",
        "esa",
        "department",
        "province",
        "public_org",
        "state_enterprise",
        "university",
        "hospital",
    }
    tt = pb.agency_types["municipality_subdistrict"]
    assert tt.unit_sources["กองคลัง"].startswith("seed") and tt.unit_sources["กองการศึกษา"] == "standard"
    assert pb.agency_types["public_org"].report_to == "ผู้อำนวยการ หรือผู้ที่ผู้อำนวยการมอบหมาย"


# -- owners --------------------------------------------------------------------------------
def test_default_owners_stay_inside_their_type(pb):
    for at in pb.agency_types.values():
        for role in pb.roles:
            owners = pb.resolve_owners([role], at.key)
            assert owners and set(owners) <= at.known_names(), (at.key, role, owners)


def test_owners_never_cross_families(pb):
    def names(family):
        return set().union(*(t.known_names() for t in pb.agency_types.values() if t.family == family))

    for at in pb.agency_types.values():
        foreign = set().union(
            *(
                names(f)
                for f in {"local_gov", "school", "central_gov", "public_org", "university"}
                if f != at.family
            )
        ) - names(at.family)
        for units in (None, at.default_units):
            owners = pb.resolve_owners(list(pb.roles), at.key, units)
            assert not set(owners) & foreign, (at.key, set(owners) & foreign)
    assert "กองคลัง" not in pb.resolve_owners(list(pb.roles), "school")
    assert "กลุ่มบริหารงบประมาณ" not in pb.resolve_owners(list(pb.roles), "municipality_subdistrict")
    assert pb.resolve_owners(["finance"], "school") == ["กลุ่มบริหารงบประมาณ"]
    assert pb.resolve_owners(["finance"], "municipality_subdistrict") == ["กองคลัง"]
    assert pb.resolve_owners(["procurement"], "public_org") == ["ส่วนงานพัสดุและบริการสำนักงาน"]


def test_resolve_owners_picks_from_the_officers_units(pb):
    school_units = ["งานวิชาการ", "งานงบประมาณ", "งานบุคคล", "งานบริหารทั่วไป"]
    got = {
        r: pb.resolve_owners([r], "school", school_units) for r in ("admin", "finance", "hr", "service_units")
    }
    assert got == {
        "admin": ["งานบริหารทั่วไป"],
        "finance": ["งานงบประมาณ"],
        "hr": ["งานบุคคล"],
        "service_units": ["งานวิชาการ"],
    }
    for role in ("procurement", "pr_it", "legal", "audit", "planning"):
        assert set(pb.resolve_owners([role], "school", school_units)) <= set(school_units)

    tt_units = ["สำนักปลัด", "กองคลัง", "กองช่าง"]
    assert pb.resolve_owners(["admin"], "municipality_subdistrict", tt_units) == ["สำนักปลัด"]
    # a sub-unit of a unit they listed keeps its parent's name
    assert pb.resolve_owners(["procurement"], "municipality_subdistrict", tt_units) == ["งานพัสดุ กองคลัง"]
    # no HR division of their own: falls back to their administrative unit
    assert pb.resolve_owners(["hr"], "municipality_subdistrict", tt_units) == ["สำนักปลัด"]
    # roles that are not units keep the type's wording
    assert pb.resolve_owners(["executive", "all_units"], "municipality_subdistrict", tt_units) == [
        "นายกเทศมนตรี",
        "ทุกกอง/สำนัก",
    ]


def test_resolve_owners_tolerates_typos_and_keywords(pb):
    units = ["สำนักปลัดเทศบาล", "กองคลงั", "กองการศึกษา", "งานประชาสัมพันธ์"]
    assert pb.resolve_owners(["finance"], "municipality_subdistrict", units) == ["กองคลงั"]
    assert pb.resolve_owners(["pr_it"], "municipality_subdistrict", units) == ["งานประชาสัมพันธ์"]
    assert pb.resolve_owners(["service_units"], "municipality_subdistrict", units) == ["กองการศึกษา"]
    assert pb.resolve_owners(["finance", "procurement"], "public_org", ["ฝ่ายบริหาร", "ฝ่ายการเงินและพัสดุ"]) == [
        "ฝ่ายการเงินและพัสดุ"
    ]


def test_service_units_are_not_picked_by_a_shared_word(pb):
    # public_org's procurement unit "ส่วนงานพัสดุและบริการสำนักงาน" contains "บริการ" (service)
    at = pb.agency_types["public_org"]
    procurement = set(pb.resolve_owners(["procurement"], "public_org", at.default_units))
    service = pb.resolve_owners(["service_units"], "public_org", at.default_units)
    assert service and not set(service) & procurement and set(service) <= at.known_names()
    # an officer's own service unit is still found by its keyword
    units = ["ฝ่ายบริหาร", "ส่วนงานพัสดุและบริการสำนักงาน", "ฝ่ายบริการลูกค้า"]
    assert pb.resolve_owners(["service_units"], "public_org", units) == ["ฝ่ายบริการลูกค้า"]
    enterprise = pb.agency_types["state_enterprise"]
    assert (
        pb.resolve_owners(["service_units"], "state_enterprise", enterprise.default_units)
        == enterprise.roles["service_units"]
    )


def test_resolve_owners_falls_back_to_first_unit(pb):
    assert pb.resolve_owners(["audit"], "school", ["ห้องเรียนพิเศษ", "งานอาคารสถานที่"]) == ["ห้องเรียนพิเศษ"]
    assert pb.resolve_owners(["finance"], "no-such-type") == []
    with pytest.raises(KeyError, match="unknown role"):
        pb.resolve_owners(["treasurer"], "school")


# -- documents and passages -----------------------------------------------------------------
@pytest.mark.parametrize("family", ["local_gov", "school", "central_gov", "public_org", "university"])
def test_document_defaults_per_family(pb, family):
    d = pb.document_defaults(family)
    assert d.kpis and d.monitoring_plan and d.reporting_plan and d.expected_results
    assert any("OIT" in k for k in d.kpis)


def test_document_defaults_differ_by_family(pb):
    assert "31 มีนาคม" in " ".join(pb.document_defaults("local_gov").reporting_plan)
    assert "ผู้อำนวยการ" in " ".join(pb.document_defaults("public_org").reporting_plan)
    assert "สภามหาวิทยาลัย" in " ".join(pb.document_defaults("university").reporting_plan)
    with pytest.raises(KeyError):
        pb.document_defaults("ministry")


def test_passages_are_self_contained_and_cite_their_file(pb):
    passages = playbook_passages(pb)
    assert len(passages) == len(pb.entries)
    assert len({p["id"] for p in passages}) == len(passages)
    repo = KNOWLEDGE.parent
    for p in passages:
        entry = pb.entry(p["id"].removeprefix("playbook:"))
        assert p["kind"] == "playbook" and p["indicator"] == entry.indicator and p["items"] == entry.items
        assert entry.title in p["text"] and entry.steps[0].text in p["text"] and entry.kpis[0] in p["text"]
        path, _, key = p["source"].partition("#")
        assert key == entry.key and f"key: {key}" in (repo / path).read_text(encoding="utf-8")


def test_step_and_kpi_templates_are_checked(broken):
    def bad_step(d):
        _first(d, "ind1")["steps"][0]["text"] = "แจ้งเวียน {agancy} ให้ทราบ"

    with pytest.raises(ValueError, match="unknown placeholder"):
        load_playbook(broken("playbook/indicators.yaml", bad_step))
    with pytest.raises(ValueError, match="unknown placeholder"):
        load_playbook(
            broken("playbook/defaults.yaml", lambda d: d["families"]["school"]["kpis"].append("{x}"))
        )


def test_a_hospital_gets_hospital_units_and_owners_never_a_municipality_s(pb):
    hospital = pb.agency_types["hospital"]
    assert hospital.confidence is not None and "กองคลัง" not in hospital.default_units
    owners = pb.resolve_owners(["finance", "executive"], "hospital")
    assert owners and all("กอง" not in o for o in owners) and "ผู้อำนวยการโรงพยาบาล" in owners
