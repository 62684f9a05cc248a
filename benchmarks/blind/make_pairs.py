#!/usr/bin/env python3
"""Build the blind comparison: 15 of the seeds' own rows beside our row for the same indicator.

    .venv/bin/python benchmarks/blind/make_pairs.py [--out benchmarks/blind/out] [--seed 12]

For each pair in pairs.yaml: the human row is read verbatim from the seed's lines (table
cells labelled by the seed's own header, mapped to common labels), and our row is drafted
by the real Drafter for the same agency type and the seed's own scores (parsed from the
seed with bot.scores). Both sides are written in the same plain form, the seed's agency
names hidden, in random order. Both are text copied from a printed page: the seeds' cells
carry their PDF's line ends as spaces, so our cells are taken as our published Word plan
prints them (bot.export.plan.published_cells, wrapped at the plan's own column widths by
the plan's own line breaker) with each line end a space (--medium clean: unwrapped). Writes:
  out/pairs.md    what the judge reads (A/B per pair; no authorship)
  out/pairs.jsonl the same, one JSON object per pair
  out/judge.th.md the judge's instructions, in Thai (benchmarks/blind/judge.th.md)
  out/key.json    which side is ours (keep it from the judge; --key PATH writes it elsewhere)
Protocol: benchmarks/blind/README.md. Retrieval is not used: the judge sees no sources.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import yaml

# the repository root: the nearest folder above holding pyproject.toml (this file sits two below it)
REPO = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").is_file())
sys.path.insert(0, str(REPO))

from bot.drafting.engine import Drafter, DraftRequest  # noqa: E402
from bot.drafting.style import house_style  # noqa: E402
from bot.export import house  # noqa: E402
from bot.export.docx import MEASURE_PT, _fitted  # noqa: E402  (the plan's own column widths)
from bot.export.plan import PUBLISHED_COLUMNS, published_cells  # noqa: E402
from bot.export.word import CELL_PAD, USABLE_W  # noqa: E402
from bot.export.wordbreak import breakable, plain, wrap  # noqa: E402
from bot.ita.framework import load_framework  # noqa: E402
from bot.ita.measures import AgencyProfile, MeasureRow  # noqa: E402
from bot.ita.playbook import load_playbook  # noqa: E402
from bot.ita.tiers import Thresholds  # noqa: E402
from bot.scores import parse_scores  # noqa: E402

SEEDS = REPO / "tests" / "data" / "seeds"
# Column header words -> the common label both sides are printed under (first match wins).
LABELS = [
    ("วิเคราะห์", "ผลการวิเคราะห์"),
    ("ระยะเวลา", "ระยะเวลา"),
    ("ขั้นตอน", "ขั้นตอน/วิธีการ"),
    ("วิธี", "ขั้นตอน/วิธีการ"),
    ("รับผิดชอบ", "ผู้รับผิดชอบ"),
    ("กำกับติดตาม", "การกำกับติดตาม"),
    ("รายงานผล", "การรายงานผล"),
    ("มาตรการ", "มาตรการ/กิจกรรม"),
    ("โครงการ", "มาตรการ/กิจกรรม"),
    ("เป้าหมาย", "ตัวชี้วัดความสำเร็จ"),
    ("ประเด็น", "ประเด็น"),
    ("ตัวชี้วัด", "ประเด็น"),
]
FIELD_OF = {
    "ประเด็น": "topic",
    "ผลการวิเคราะห์": "analysis",
    "มาตรการ/กิจกรรม": "measure",
    "ขั้นตอน/วิธีการ": "steps",
    "ผู้รับผิดชอบ": "owners",
    "ระยะเวลา": "timeline",
    "การกำกับติดตาม": "monitoring",
    "การรายงานผล": "reporting",
    "ตัวชี้วัดความสำเร็จ": "kpi",
}
LABEL_OF = {v: k for k, v in FIELD_OF.items()}


class NoPassages:
    """The judge sees no sources, so no retrieval: the same rows, without quotes."""

    def search(self, query, k=5, *, indicator=None, kind=None, scope=""):
        return []


def clean(text: str, hide: list[str]) -> str:
    text = re.sub(r"</?p>", " ", text)
    for name in sorted(hide, key=len, reverse=True):
        text = text.replace(name, "หน่วยงาน")
    return " ".join(text.split())


def label(head: str) -> str | None:
    return next((lab for word, lab in LABELS if word in head), None)


def human_side(lines: list[str], pair: dict, hide: list[str]) -> list[tuple[str, str]]:
    start, end = pair["lines"]
    body = lines[start - 1 : end]
    if "header" not in pair:
        return [("", clean(" ".join(body), hide))]
    heads = [label(h) for h in lines[pair["header"] - 1].split("\t")]
    cells: dict[str, str] = {}
    for row in body:
        for head, cell in zip(heads, row.split("\t"), strict=False):
            if head and cell.strip():
                cells[head] = f"{cells.get(head, '')} {cell}".strip()
    return [(head, clean(text, hide)) for head, text in cells.items()]


class Printed:
    """Our rows' fields as the published plan prints them, each line end read as a space.

    The plan's five cells hold, in order: topic, score line, analysis | measure, steps |
    owners, period | monitoring, reporting | KPIs. Each line is wrapped at its column's
    width exactly as bot.export.word.lines_xml breaks it.
    """

    def __init__(self, rows: list[MeasureRow], fw, agency_type: str = "", style: dict | None = None) -> None:
        self.fw = fw
        self.type = agency_type
        self.style = style or {}
        cells = [published_cells(r, fw, agency_type=agency_type, style=self.style) for r in rows]
        self.widths = _fitted(
            [[list(c) for c in row] for row in cells], PUBLISHED_COLUMNS, USABLE_W, MEASURE_PT
        )

    def _lines(self, text: str, column: int, bold: bool = False) -> str:
        text = house.digits(self.style, text)
        room = self.widths[column] - 2 * CELL_PAD
        lines = wrap(breakable(plain(text)), room, MEASURE_PT, bold)
        return " ".join(" ".join(plain(line) for line in lines).split())

    def text(self, row: MeasureRow, field: str) -> str:
        cells = published_cells(row, self.fw, agency_type=self.type, style=self.style)
        if field == "topic":  # the heading the plan prints (its own form by agency type), then the score
            head = cells[0][0].text
            topic = (
                f"{head} ({house.digits(self.style, f'{row.score:.2f}')})" if row.score is not None else head
            )
            return self._lines(topic, 0, bold=True)
        if field == "analysis":
            return self._lines(cells[0][-1].text, 0)
        if field == "measure":
            return self._lines(cells[1][0].text, 1, bold=True)
        if field == "steps":
            return " ".join(self._lines(line.text, 1) for line in cells[1][1:])
        if field == "owners":
            return " ".join(self._lines(o, 2) for o in house.owners(self.style, list(row.owners)))
        if field == "timeline":
            return self._lines(house.period(self.style, row.timeline, row.start_month, row.end_month), 2)
        if field == "monitoring":
            return self._lines(row.monitoring, 3)
        if field == "reporting":
            return self._lines(row.reporting, 3)
        if field == "kpi":
            return " ".join(self._lines(line.text, 4) for line in cells[4])
        return our_text(row, field)


def our_text(row: MeasureRow, field: str) -> str:
    if field == "steps":
        return " ".join(row.steps)
    if field == "owners":
        return ", ".join(row.owners)
    if field == "topic":
        return f"{row.topic} ({row.score:.2f})" if row.score is not None else row.topic
    return str(getattr(row, field))


def our_row(draft_rows: list[MeasureRow], pair: dict) -> MeasureRow:
    item = pair.get("item")
    for row in draft_rows:
        if row.indicator != pair["indicator"]:
            continue
        is_item_row = " – ข้อ " in row.topic
        if (item and is_item_row and row.items == [item]) or (not item and not is_item_row):
            return row
    raise LookupError(f"{pair['id']}: no drafted row for indicator {pair['indicator']} {item or ''}")


def our_side(
    row: MeasureRow, human: list[tuple[str, str]], pair: dict, printed: Printed | None
) -> list[tuple[str, str]]:
    if "header" in pair:
        fields = [FIELD_OF[head] for head, _ in human]
    else:
        fields = list(pair.get("show", ["analysis"]))
    text = printed.text if printed else our_text
    # the score is a field too: our topic carries it when the human row's does (a heading with a number
    # beside the indicator's own), as the rest of our side shows exactly the human row's fields
    topic = next((t for head, t in human if head == "ประเด็น"), "")
    scored = bool(re.search(r"[0-9๐-๙]+[.,][0-9๐-๙]{2}", topic)) if "header" in pair else True
    out = []
    for f in fields:
        value = text(row, f)
        if f == "topic" and not scored and row.score is not None:
            value = re.sub(r"\s*\([0-9๐-๙.]+\)$", "", value)
        out.append((LABEL_OF[f] if "header" in pair else "", value))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "blind" / "out")
    parser.add_argument("--seed", type=int, default=12, help="random seed of the A/B order")
    parser.add_argument(
        "--medium",
        choices=("printed", "clean"),
        default="printed",
        help="our side as copied from the printed plan (as the seeds' rows are) or as clean strings",
    )
    parser.add_argument(
        "--style",
        choices=("learned", "seeded", "none"),
        default="learned",
        help="our plan's house style: learned from the seed's own text (as when the agency uploads its "
        "past plan) with the rest seeded by its name; seeded by its name only; or the plain forms",
    )
    parser.add_argument(
        "--key",
        type=Path,
        default=None,
        help="where the answer key goes (default OUT/key.json); give a path outside OUT when OUT is "
        "handed to the judge whole",
    )
    args = parser.parse_args()
    key_path = args.key or args.out / "key.json"

    spec = yaml.safe_load((Path(__file__).parent / "pairs.yaml").read_text(encoding="utf-8"))
    fw = load_framework(REPO / "knowledge")
    drafter = Drafter(fw, load_playbook(REPO / "knowledge"), NoPassages())
    rng = random.Random(args.seed)
    drafts: dict[str, list[MeasureRow]] = {}
    printers: dict[str, Printed | None] = {}
    out, key = [], {}
    for pair in spec["pairs"]:
        seed = spec["seeds"][pair["seed"]]
        path = next(SEEDS.glob(f"{pair['seed']}_*.txt"))
        text = path.read_text(encoding="utf-8")
        if pair["seed"] not in drafts:
            parsed = parse_scores(text, fw)
            scores = parsed.scores
            profile = AgencyProfile(type=seed["type"], assessment_year=scores.year)
            # items the seed names as missing or failed without a score are this agency's own finding
            # the agency's house style: the forms of its own plan's text (as if uploaded), the rest chosen
            # by its name (the name is never printed: it only seeds the choices)
            name = seed.get("hide", [""])[0]
            if args.style == "learned":
                style = house_style(name, text).as_dict()
            elif args.style == "seeded":
                style = house_style(name).as_dict()
            else:
                style = {}
            request = DraftRequest(
                profile, scores, Thresholds(), named_items=list(parsed.named_items), style=style
            )
            draft = drafter.draft(request)
            drafts[pair["seed"]] = draft.rows
            printers[pair["seed"]] = (
                Printed(draft.rows, fw, seed["type"], style if args.style != "none" else {})
                if args.medium == "printed"
                else None
            )
        human = human_side(text.split("\n"), pair, seed.get("hide", []))
        ours = our_side(our_row(drafts[pair["seed"]], pair), human, pair, printers[pair["seed"]])
        first_is_ours = rng.random() < 0.5
        a, b = (ours, human) if first_is_ours else (human, ours)
        out.append({"id": pair["id"], "indicator": pair["indicator"], "A": a, "B": b})
        key[pair["id"]] = {"ours": "A" if first_is_ours else "B", "seed": pair["seed"]}

    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "pairs.jsonl").open("w", encoding="utf-8") as fh:
        for entry in out:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    md = ["# คู่เปรียบเทียบ (ไม่ระบุผู้จัดทำ)", ""]
    for entry in out:
        md.append(f"## {entry['id']} — ตัวชี้วัดที่ {entry['indicator']}")
        for side in ("A", "B"):
            md.append(f"### แถว {side}")
            md.extend(f"- {lab}: {text}" if lab else f"- {text}" for lab, text in entry[side])
        md.append("")
    (args.out / "pairs.md").write_text("\n".join(md), encoding="utf-8")
    # the judge's instructions, in Thai, beside the pairs (the judge gets these two files only)
    (args.out / "judge.th.md").write_text(
        (Path(__file__).parent / "judge.th.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    key_path.parent.mkdir(parents=True, exist_ok=True)
    key_path.write_text(json.dumps(key, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"{len(out)} pairs -> {args.out / 'pairs.md'}; key -> {key_path} (keep it from the judge)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
