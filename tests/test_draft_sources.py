"""Drafts of the five seed documents: citations, quotes, tier wording and reporting.

The index holds the built-in knowledge and the seeds themselves (real Chroma,
real pythainlp), so rows cite other agencies' measure tables as they do in use.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
import yaml
from rapidfuzz import fuzz

from bot.app import build_drafter, ensure_index
from bot.drafting import quotes as draft_text
from bot.drafting.engine import DraftRequest
from bot.ita.measures import AgencyProfile
from bot.ita.tiers import Thresholds
from bot.scores import parse_scores
from bot.search.chunking import chunk_document
from bot.search.ingest import ingest
from tests.conftest import KNOWLEDGE_DIR
from tests.kb_helpers import make_kb, make_settings

SEED_TYPES = {
    "000": "school",
    "001": "municipality_subdistrict",
    "002": "municipality_subdistrict",
    "003": "public_org",
    "004": "sao",
}
MAINTAIN = "รักษาระดับ"
MAINTAIN_WORDS = ("รักษามาตรฐาน", "รักษาระดับ")
# each indicator's standing measure: a strong row may be titled by it, as agencies title one
STANDING = {
    (e["indicator"], e["measures"][0])
    for e in yaml.safe_load((KNOWLEDGE_DIR / "playbook" / "indicators.yaml").read_text(encoding="utf-8"))[
        "entries"
    ]
}


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def kb(tmp_path_factory, seeds_dir):
    kb = make_kb(tmp_path_factory.mktemp("kb"))
    ensure_index(kb)
    report = ingest(kb.index, kb.framework, kb.playbook, [seeds_dir], progress=False)
    assert not report.problems
    return kb


@pytest.fixture(scope="module")
def drafts(kb, seeds_dir, tmp_path_factory):
    drafter = build_drafter(make_settings(tmp_path_factory.mktemp("s")), kb)
    out = {}
    for seed, type_key in SEED_TYPES.items():
        text = next(seeds_dir.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
        scores = parse_scores(text, kb.framework).scores
        profile = AgencyProfile(type=type_key, assessment_year=scores.year)
        out[seed] = drafter.draft(DraftRequest(profile, scores, Thresholds()))
    return out


@pytest.fixture(scope="module")
def reports(kb):
    """Return the indexed text of every past report, by the label rows cite it with."""
    texts: dict[str, list[str]] = {}
    for record in kb.retriever.records:
        if record.meta.get("kind") in ("measure_table", "analysis"):
            where = SimpleNamespace(agency=record.meta.get("agency", ""), year=record.meta.get("year"))
            texts.setdefault(draft_text.cite(where), []).append(_flat(record.text))
    return texts


def _rows(drafts):
    return [(seed, row) for seed, draft in drafts.items() for row in draft.rows]


# -- citations --------------------------------------------------------------------------------
def test_no_row_cites_the_same_passage_twice(drafts, reports):
    cited_reports = 0
    for seed, row in _rows(drafts):
        pairs = [(s.source, s.text) for s in row.sources]
        assert len(pairs) == len(set(pairs)), (seed, row.topic, pairs)
        cited_reports += sum(1 for s in row.sources if s.source in reports)
    assert cited_reports > 50  # the seeds are indexed: rows do quote other agencies' reports


def test_quotes_are_row_content_found_in_the_cited_report(drafts, reports):
    checked = 0
    for seed, row in _rows(drafts):
        for source in row.sources:
            if source.source not in reports:
                continue
            assert "หัวตาราง" not in source.text, (seed, row.topic, source.text)
            assert len(source.text) <= 230
            # verbatim apart from the " | " joins between cells and the "…" of a cut
            for piece in source.text.split(" | "):
                piece = piece.strip().removesuffix("…").strip()
                assert piece and any(piece in text for text in reports[source.source]), (seed, source)
            checked += 1
    assert checked > 50


def _header_cells(chunk_text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Read a table chunk back: its headers and the (header, cell) pairs of its first row."""
    lines = chunk_text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("หัวตาราง: "))
    headers = sorted(lines[at].removeprefix("หัวตาราง: ").split(" | "), key=len, reverse=True)
    cells = []
    for part in lines[at + 1].split(" | "):
        head = next((h for h in headers if part.startswith(f"{h}: ")), None)
        if head:
            cells.append((head, _flat(part[len(head) + 2 :])))
    return headers, cells


@pytest.mark.parametrize("seed", ["001", "002", "003", "004"])
def test_table_quotes_give_the_planned_measure_not_the_headers(kb, seeds_dir, seed):
    text = next(seeds_dir.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    tables = [c for c in chunk_document(text, kb.framework) if c.kind == "measure_table"]
    assert tables
    for chunk in tables:
        quoted = draft_text.quote(chunk.text)
        headers, cells = _header_cells(chunk.text)
        assert "หัวตาราง" not in quoted
        assert not any(f"{h}:" in quoted for h in headers if len(h) > 3), quoted
        planned = [
            c
            for h, c in cells[1:]
            if c and any(w in h for w in ("มาตรการ", "ขั้นตอน", "โครงการ")) and "รับผิดชอบ" not in h
        ]
        if planned:
            assert planned[0][:15] in quoted, (quoted, planned[0][:40])


def test_quote_picks_the_row_about_the_item():
    text = (
        "ผลคะแนนรายข้อ\nหัวตาราง: ข้อ | มาตรการ\n"
        "ข้อ: I1 การปฏิบัติงานตามขั้นตอน | มาตรการ: จัดทำคู่มือการให้บริการ\n"
        "ข้อ: I14 การประเมินผลการปฏิบัติงาน | มาตรการ: ประกาศหลักเกณฑ์การประเมินผล"
    )
    assert "ประกาศหลักเกณฑ์" in draft_text.quote(text, ("I14",))
    assert "จัดทำคู่มือ" in draft_text.quote(text, ("I1",))


def test_playbook_citation_is_readable_thai(drafts):
    for _seed, row in _rows(drafts):
        label = row.sources[0].source
        assert label.startswith("แนวทางมาตรการ")
        assert not re.search(r"[a-z_()]", label), label  # no entry keys such as "ind1" or "oit_9_3"
        item = row.items[0] if len(row.items) == 1 and row.items[0] in row.topic else None
        assert f"ตัวชี้วัดที่ {row.indicator}" in label or (item and f"ข้อ {item}" in label), (label, row.topic)


# -- wording ------------------------------------------------------------------------------------
def test_measure_wording_follows_the_tier(drafts):
    tiers = set()
    for seed, row in _rows(drafts):
        tiers.add(row.tier)
        text = " ".join([row.measure, *row.steps])
        if row.tier == MAINTAIN:
            # kept, continued, or the indicator's own standing measure (strong-row titles rotate, as
            # agencies title them; tests/test_row_content.py checks the standing measure)
            assert any(w in row.measure for w in (*MAINTAIN_WORDS, "ต่อเนื่อง")) or any(
                n == row.indicator and fuzz.ratio(m, row.measure) >= 85 for n, m in STANDING
            ), (seed, row.topic, row.measure)
        else:
            assert not any(w in text for w in MAINTAIN_WORDS), (seed, row.topic, row.tier, row.measure)
    assert tiers == {"แก้ไขเร่งด่วน", "พัฒนาให้ดีขึ้น", MAINTAIN}


def test_reporting_names_what_each_row_reports_and_to_whom(kb, drafts):
    for seed, draft in drafts.items():
        at = kb.playbook.agency_types[SEED_TYPES[seed]]
        reporting = [row.reporting for row in draft.rows]
        assert len(set(reporting)) == len(reporting), seed  # each row says what it reports
        for row in draft.rows:
            # the rounds follow the row's period: only a row running to ก.ย. reports at 12 months
            assert "รอบ 6 เดือน" in row.reporting
            # ("รอบ 12 เดือน", "6 เดือนและ 12 เดือน": each agency's own wording of the rounds)
            assert ("12 เดือน" in row.reporting) == row.end_month.endswith("-09")
            assert at.report_to in row.reporting
            assert len(row.reporting) <= 200  # it shares a cell with the monitoring text
            if len(row.items) == 1 and row.items[0].startswith("O") and row.items[0] in row.topic:
                assert row.items[0] in row.reporting
