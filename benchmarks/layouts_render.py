"""Render every layout for the five seeds' own scores through LibreOffice; count pages, check line breaks.

    python benchmarks/layouts_render.py [--png docs/render/layouts]

For each layout and seed: draft with the real drafter (the seed's scores, its agency type),
write the Word plan, convert it to PDF with `soffice --headless`, and report
  * pages,
  * line breaks, by the page benchmark's check (benchmarks/pages.py): every wrapped line of a
    paragraph or cell ends between two pythainlp words of that paragraph, never inside a
    number or between a number and its unit ("ร้อยละ" | "90", "90" | "คะแนน"),
  * CPU and wall time of drafting plus Word.
With --png, the first two pages of each layout for the seed it reproduces go to that folder.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.app import build_drafter, ensure_index  # noqa: E402
from bot.drafting.engine import DraftRequest  # noqa: E402
from bot.export import Exporters  # noqa: E402
from bot.export.layouts import LAYOUTS  # noqa: E402
from bot.ita.measures import AgencyProfile, Draft  # noqa: E402
from bot.ita.tiers import Thresholds  # noqa: E402
from bot.scores import parse_scores  # noqa: E402
from tests.kb_helpers import make_kb, make_settings  # noqa: E402

# The line-break check of the page benchmark: every wrapped line of a paragraph must end
# between two pythainlp words of that paragraph, never inside a number or between a number
# and its unit.
_SPEC = importlib.util.spec_from_file_location("pages_benchmark", REPO / "benchmarks" / "pages.py")
pages_benchmark = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
sys.modules["pages_benchmark"] = pages_benchmark  # its dataclass looks its module up
_SPEC.loader.exec_module(pages_benchmark)  # type: ignore[union-attr]

SEEDS = {
    "000": ("school", "โรงเรียนบ้านธิพิทยา"),
    "001": ("municipality_subdistrict", "เทศบาลตำบลนามะเขือ"),
    "002": ("municipality_subdistrict", "เทศบาลตำบลนิเวศน์"),
    "003": ("public_org", "สำนักงานส่งเสริมการจัดประชุมและนิทรรศการ"),
    "004": ("sao", "องค์การบริหารส่วนตำบลทุ่งทอง"),
}
OWN_SEED = {
    "strengths-weaknesses": "000",
    "analysis-then-table": "001",
    "by-tool": "002",
    "item-gantt": "003",
    "ranked-oit": "004",
}


def drafts() -> dict[str, Draft]:
    """Return the drafts of the five seeds' own scores."""
    tmp = Path(tempfile.mkdtemp(prefix="layouts-"))
    kb = make_kb(tmp / "kb")
    ensure_index(kb)
    drafter = build_drafter(make_settings(tmp / "s"), kb)
    out = {}
    for key, (type_key, name) in SEEDS.items():
        text = next((REPO / "tests/data/seeds").glob(f"{key}_*.txt")).read_text(encoding="utf-8")
        scores = parse_scores(text, kb.framework).scores
        profile = AgencyProfile(name=name, type=type_key, assessment_year=scores.year)
        out[key] = drafter.draft(DraftRequest(profile, scores, Thresholds()))
    drafts.exporters = Exporters(kb.framework, kb.playbook.agency_types)  # type: ignore[attr-defined]
    return out


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--png", type=Path, help="write the first two pages of each layout here")
    opts = args.parse_args()
    seeds = drafts()
    exporters: Exporters = drafts.exporters  # type: ignore[attr-defined]
    work = Path(tempfile.mkdtemp(prefix="layouts-pdf-"))
    timings = {}
    for layout in LAYOUTS:
        for key, draft in seeds.items():
            chosen = draft.model_copy(update={"layout": layout})
            wall, cpu = time.perf_counter(), time.process_time()
            data = exporters.render_docx(chosen)
            timings[(layout, key)] = (time.perf_counter() - wall, time.process_time() - cpu)
            (work / f"{layout}-{key}.docx").write_bytes(data)
    files = sorted(str(p) for p in work.glob("*.docx"))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), *files],
        check=True,
        capture_output=True,
    )
    print(f"{'layout':22} seed pages rows checked breaks  Word CPU/wall (s)  examples")
    for layout in LAYOUTS:
        for key in seeds:
            pdf = work / f"{layout}-{key}.pdf"
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
            pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
            checked, breaks, _ = pages_benchmark.check_breaks(
                pages_benchmark.rendered_lines(pdf),
                pages_benchmark.docx_paragraphs((work / f"{layout}-{key}.docx").read_bytes()),
            )
            wall, cpu = timings[(layout, key)]
            rows = len(seeds[key].rows)
            print(
                f"{layout:22} {key}  {pages:5} {rows:4} {checked:7} {len(breaks):6}  {cpu:.3f}/{wall:.3f}"
                f"       {' '.join(breaks[:4])}"
            )
            if opts.png and OWN_SEED.get(layout) == key:
                opts.png.mkdir(parents=True, exist_ok=True)
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        "60",
                        "-f",
                        "1",
                        "-l",
                        "2",
                        "-png",
                        str(pdf),
                        str(opts.png / f"{layout}-seed{key}"),
                    ],
                    check=True,
                )
                # pdftoppm numbers pages with as many digits as the PDF's last page: always two here
                for png in opts.png.glob(f"{layout}-seed{key}-*.png"):
                    number = re.fullmatch(r".*-(\d+)\.png", png.name)
                    if number and len(number[1]) != 2:
                        png.replace(png.with_name(f"{layout}-seed{key}-{int(number[1]):02d}.png"))


if __name__ == "__main__":
    main()
