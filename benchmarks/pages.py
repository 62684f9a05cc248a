#!/usr/bin/env python3
"""Page benchmark: render Word plans through LibreOffice, count pages, check markers and line breaks.

    .venv/bin/python benchmarks/pages.py [--out /tmp/ita-pages] [--only seeds|invented]

Drafts, with the default engine and the shipped knowledge (plus the seeds, as the drafting
benchmark does), a plan for
  - each seed's own scores (tests/data/seeds: five agencies, their own indicator and item scores),
    in forms chosen by the agency's name and again in the house style of its own plan's text
    (bot.drafting.style.house_style);
  - twelve invented agencies, one of every agency type in knowledge/agency_types.yaml, at very low,
    middling and high scores: ten-row plans (every indicator) and four-row plans (only the four
    weakest indicators, no maintain rows);
renders each published Word plan (chart included) and converts them all to PDF with one
`soffice --headless --convert-to pdf` call, then per plan:
  - pages (pdfinfo) against the issue's limits: 10 rows <= 12 pages, 4 rows <= 6;
  - markers that must never be printed (internal notes, confidence labels, other agencies' names);
  - word breaks: `pdftotext -bbox-layout` gives each rendered line; for every line that wraps
    inside a paragraph, the break must fall between two pythainlp words of the source text
    (or at a space), and never inside a number or between a number and its unit.
Needs LibreOffice Writer and poppler-utils. Not a test: it measures and prints a table.
"""

from __future__ import annotations

import argparse
import io
import itertools
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree as ET

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


from bot.offline import configure_offline  # noqa: E402

configure_offline(Path(tempfile.gettempdir()) / "ita-bench-data")

# Never printed in a published plan (issue 12).
from tests.markers import MARKERS  # noqa: E402

LIMITS = {10: 12, 4: 6}  # rows -> most pages allowed

SEEDS = {  # the seeds' own agencies
    "000": ("school", "โรงเรียนป่าตาลบ้านธิพิทยาศาสตร์"),
    "001": ("municipality_subdistrict", "เทศบาลตำบลนามะเขือ"),
    "002": ("municipality_subdistrict", "เทศบาลตำบลนิเวศน์"),
    "003": ("public_org", "สำนักงานส่งเสริมการจัดประชุมและนิทรรศการ (องค์การมหาชน)"),
    "004": ("sao", "องค์การบริหารส่วนตำบลทุ่งทอง"),
}
# Invented agencies: every agency type, three severities (score ranges of the ten indicators).
INVENTED = (
    ("municipality_subdistrict", "เทศบาลตำบลหนองบัวทอง", "very low"),
    ("municipality_town", "เทศบาลเมืองท่าสะอาด", "middling"),
    ("municipality_city", "เทศบาลนครแม่ปิง", "high"),
    ("sao", "องค์การบริหารส่วนตำบลบ้านโคกใหญ่", "very low"),
    ("pao", "องค์การบริหารส่วนจังหวัดสุวรรณภูมิ", "middling"),
    ("school", "โรงเรียนบ้านห้วยทรายวิทยา", "middling"),
    ("esa", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำน้ำใส เขต 2", "high"),
    ("department", "กรมส่งเสริมการค้าชุมชน", "very low"),
    ("province", "สำนักงานจังหวัดเชียงดาว", "middling"),
    ("public_org", "สำนักงานพัฒนาพื้นที่ท่องเที่ยวชายฝั่ง (องค์การมหาชน)", "high"),
    ("state_enterprise", "การประปาชุมชนภาคตะวันออก", "middling"),
    ("university", "มหาวิทยาลัยราชภัฏดอยงาม", "very low"),
)
SEVERITY = {"very low": (30.0, 72.0), "middling": (70.0, 93.0), "high": (88.0, 100.0)}
# The checker's own idea of a number and its unit or label (independent of bot.export.wordbreak).
# (as bot.export.wordbreak's units: "ราย" of "รายงาน", "ข้อ" of "ข้อมูล" start longer words)
_UNIT_AFTER = re.compile(
    r"^(คะแนน|เดือน|วัน(?!ที่)|ครั้ง|ข้อ(?!มูล|เสนอ|ความ|กำหนด)|ราย(?!งาน|การ|ละเอียด|ไตรมาส|ปี)|คน|%)"
)
_LABEL_BEFORE = re.compile(r"(ร้อยละ|พ\.ศ\.|[มกสตพธ]\.[คยพ]\.)$")
_MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\s\u200b\u2060\u00a0]")


@dataclass
class Case:
    """One plan to render: a name for the table, the draft, and the agency names it must not print."""

    label: str
    kind: str  # "seed" or "invented"
    draft: object
    others: list[str] = field(default_factory=list)


def invented_scores(severity: str, rnd: random.Random) -> dict[int, float]:
    """Return ten indicator scores in the severity's range, the OIT ones lowest (as ITAS results are)."""
    low, high = SEVERITY[severity]
    scores = {n: round(rnd.uniform(low, high), 2) for n in range(1, 11)}
    for n in (9, 10):
        scores[n] = round(max(0.0, scores[n] - rnd.uniform(5, 20)), 2)
    return scores


def build_cases(only: str | None) -> list[Case]:
    """Draft every case with the default engine over the shipped knowledge and the seeds."""
    from bot.app import build_drafter, build_knowledge
    from bot.drafting.engine import DraftRequest
    from bot.drafting.style import house_style
    from bot.ita.measures import AgencyProfile
    from bot.ita.tiers import Thresholds
    from bot.scores import ScoreSet, parse_scores
    from bot.search.ingest import ingest
    from bot.settings import Settings

    settings = Settings(_env_file=None, data_dir=Path(tempfile.mkdtemp(prefix="ita-bench-pages-")))
    kb = build_knowledge(settings)
    ingest(kb.index, kb.framework, kb.playbook, [], progress=False)
    ingest(kb.index, kb.framework, kb.playbook, [REPO / "tests" / "data" / "seeds"], progress=False)
    drafter = build_drafter(settings, kb)
    names = [n for _, n in SEEDS.values()] + [n for _, n, _ in INVENTED]
    cases: list[Case] = []
    if only in (None, "seeds"):
        for seed, (atype, name) in SEEDS.items():
            text = next((REPO / "tests" / "data" / "seeds").glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
            scores = parse_scores(text, kb.framework).scores
            profile = AgencyProfile(name=name, type=atype, assessment_year=scores.year or 2568)
            draft = drafter.draft(DraftRequest(profile, scores, Thresholds()))
            others = [n for n in names if n != name]
            cases.append(Case(f"seed {seed} ({atype})", "seed", draft, others))
            # the same agency in the house style of its own plan (as when it uploads last year's plan)
            style = house_style(name, text).as_dict()
            own = drafter.draft(DraftRequest(profile, scores, Thresholds(), style=style))
            cases.append(Case(f"seed {seed} ({atype}) own style", "seed", own, others))
    if only in (None, "invented"):
        for i, (atype, name, severity) in enumerate(INVENTED):
            rnd = random.Random(i)
            scores = ScoreSet(year=2568, indicators=invented_scores(severity, rnd))
            profile = AgencyProfile(name=name, type=atype, assessment_year=2568)
            others = [n for n in names if n != name]
            full = drafter.draft(DraftRequest(profile, scores, Thresholds()))
            cases.append(Case(f"{atype} {severity} 10 rows", "invented", full, others))
            # Four rows: the four weakest indicators only, maintain rows left out.
            weakest = sorted(scores.indicators, key=scores.indicators.get)[:4]
            four = ScoreSet(
                year=2568, indicators={n: s if n in weakest else 99.0 for n, s in scores.indicators.items()}
            )
            part = drafter.draft(DraftRequest(profile, four, Thresholds(), include_maintain=False))
            cases.append(Case(f"{atype} {severity} 4 rows", "invented", part, others))
    return cases, kb


def convert(docx_files: list[Path], out: Path) -> None:
    """Convert every .docx to PDF in one LibreOffice run (a private profile, headless)."""
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                *map(str, docx_files),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def page_count(pdf: Path) -> int:
    """Return the number of pages of a PDF (pdfinfo)."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def docx_paragraphs(data: bytes) -> list[str]:
    """Return every paragraph of a .docx (body and table cells), hints removed."""
    from docx import Document

    from bot.export.wordbreak import plain

    doc = Document(io.BytesIO(data))
    body = doc.element.body
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return [plain("".join(t.text or "" for t in p.iter(f"{ns}t"))) for p in body.iter(f"{ns}p")]


def rendered_lines(pdf: Path) -> list[list[str]]:
    """Return runs of lines that may be one wrapped paragraph, from pdftotext -bbox-layout.

    pdftotext gives each rendered line as a block of its own, and files a Thai mark drawn high
    above its letter as a word of its own, sometimes on a line of its own. So words are
    regrouped into lines by their baseline (the bottom of the box; mark-only words dropped, as
    the check ignores marks, which extraction also reorders), and a line is followed by the
    line that starts at the same left edge one line lower on the same page: the lines of a
    left-aligned cell paragraph. Whether two such lines really are one paragraph is decided by
    the source text (check_breaks).
    """
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    ns = "{http://www.w3.org/1999/xhtml}"
    chains: list[list[str]] = []
    for page in root.iter(f"{ns}page"):
        lines = []  # (baseline, left, height, text)
        for block in page.iter(f"{ns}block"):
            words = [
                (
                    float(w.get("yMax")),
                    float(w.get("xMin")),
                    float(w.get("yMax")) - float(w.get("yMin")),
                    w.text,
                )
                for w in block.iter(f"{ns}word")
                if _MARKS.sub("", w.text or "")
            ]
            group: list[tuple[float, float, float, str]] = []
            for word in sorted(words):
                if group and abs(group[0][0] - word[0]) >= 4:  # another baseline (4 pt apart)
                    lines.append(_line(group))
                    group = []
                group.append(word)
            if group:
                lines.append(_line(group))
        taken: set[int] = set()
        for i, (base, left, height, text) in enumerate(sorted(lines)):
            if i in taken:
                continue
            chain, at = [text], (base, left, height)
            ordered = sorted(lines)
            for j in range(i + 1, len(ordered)):
                b, x, _, t = ordered[j]
                if j not in taken and abs(x - at[1]) < 1.5 and 0.5 * at[2] < b - at[0] < 1.6 * at[2]:
                    chain.append(t)
                    taken.add(j)
                    at = (b, x, at[2])
            chains.append(chain)
    return chains


def _line(words: list[tuple[float, float, float, str]]) -> tuple[float, float, float, str]:
    words = sorted(words, key=lambda w: w[1])
    return (max(w[0] for w in words), words[0][1], max(w[2] for w in words), " ".join(w[3] for w in words))


def _skeleton(text: str) -> tuple[str, list[int]]:
    """Return text without spaces and Thai marks (extraction reorders marks), with offsets into `text`."""
    chars, offsets = [], []
    for i, ch in enumerate(text):
        if not _MARKS.match(ch):
            chars.append(ch)
            offsets.append(i)
    return "".join(chars), offsets


@lru_cache(maxsize=4096)
def _boundaries(paragraph: str) -> frozenset[int]:
    from pythainlp.tokenize import word_tokenize

    ends, at = set(), 0
    for word in word_tokenize(paragraph, engine="newmm", keep_whitespace=True):
        at += len(word)
        ends.add(at)
    return frozenset(ends)


def check_breaks(blocks: list[list[str]], paragraphs: list[str]) -> tuple[int, list[str], int]:
    """Check every wrapped line; return (breaks checked, failures, breaks not found in the source)."""
    sources = [(p, *_skeleton(p)) for p in paragraphs if p.strip()]
    checked, failures, unmatched = 0, [], 0
    for lines in blocks:
        for before, after in itertools.pairwise(lines):
            tail, _ = _skeleton(before[-14:])
            head, _ = _skeleton(after[:14])
            if len(_skeleton(before)[0]) < 4 or not head:
                continue  # a wrapped line is never this short: cells of one column (row numbers)
            found = None
            for text, skeleton, offsets in sources:
                at = skeleton.find(tail + head)
                if at >= 0:
                    found = (text, offsets[at + len(tail)])  # the first character of the next line
                    break
            if found is None:
                unmatched += 1  # a new paragraph, or two cells pdftotext put in one block
                continue
            checked += 1
            text, cut = found
            # The break sits before `cut`; spaces and marks between the two lines belong to the first.
            start = cut
            while start > 0 and _MARKS.match(text[start - 1]):
                start -= 1
            left, right = text[:cut].rstrip(), text[cut:]
            where = f"{left[-12:]}|{right[:12]}"
            if (left[-1:].isdigit() and right[:1].isdigit()) or (
                re.search(r"\d[.,]$", left) and right[:1].isdigit()
            ):
                failures.append(f"number split: {where}")
            elif (left[-1:].isdigit() and _UNIT_AFTER.match(right)) or (
                _LABEL_BEFORE.search(left) and right[:1].isdigit()
            ):
                failures.append(f"number and unit split: {where}")
            elif text[cut - 1 : cut].isspace() or text[start - 1 : start].isspace():
                continue
            elif cut not in _boundaries(text) and start not in _boundaries(text):
                failures.append(f"inside a word: {where}")
    return checked, failures, unmatched


def markers_found(data: bytes, others: list[str]) -> list[str]:
    """Return the forbidden markers and other agencies' names printed in a .docx."""
    text = "\n".join(docx_paragraphs(data))
    return [m for m in (*MARKERS, *others) if m in text]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "ita-pages")
    parser.add_argument("--only", choices=("seeds", "invented"), default=None)
    args = parser.parse_args()
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        print("needs LibreOffice (soffice) and poppler-utils (pdfinfo, pdftotext)")
        return 2
    from bot.export import Exporters

    t0 = time.perf_counter()
    cases, kb = build_cases(args.only)
    exporters = Exporters(kb.framework)
    args.out.mkdir(parents=True, exist_ok=True)
    files, datas = [], []
    for i, case in enumerate(cases):
        data = exporters.render_docx(case.draft, exporters.render_chart(case.draft))
        path = args.out / f"plan-{i:02d}.docx"
        path.write_bytes(data)
        files.append(path)
        datas.append(data)
    drafted = time.perf_counter() - t0
    convert(files, args.out)
    converted = time.perf_counter() - t0 - drafted
    print(
        f"{len(cases)} plans drafted and rendered in {drafted:.1f} s, converted by LibreOffice in {converted:.1f} s"
    )
    print()
    print("| plan | rows | pages | limit | markers | line breaks checked | breaks inside a word or number |")
    print("|---|---|---|---|---|---|---|")
    bad = 0
    all_failures = []
    for case, path, data in zip(cases, files, datas, strict=True):
        pdf = path.with_suffix(".pdf")
        pages = page_count(pdf)
        rows = len(case.draft.rows)
        limit = LIMITS.get(rows)
        markers = markers_found(data, case.others)
        checked, failures, _ = check_breaks(rendered_lines(pdf), docx_paragraphs(data))
        over = limit is not None and pages > limit
        bad += bool(over or markers or failures)
        all_failures += [f"{case.label}: {f}" for f in failures]
        print(
            f"| {case.label} | {rows} | {pages}{' (over)' if over else ''} | {limit or '-'} "
            f"| {', '.join(markers) or 'none'} | {checked} | {len(failures)} |"
        )
    print()
    for failure in all_failures[:40]:
        print(failure)
    print(f"plans failing a limit, a marker or the break check: {bad} of {len(cases)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
