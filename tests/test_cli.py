"""The command-line front doors: ingest.py, ask and draft, called in-process (main(argv)).

One `python -m bot draft` run is a real subprocess: the whole way from the shell to a .docx.
"""

import contextlib
import io
import json
import os
import subprocess
import sys
import zipfile

import pytest

import ingest
from bot.__main__ import main
from tests.conftest import REPO_DIR

ROW_KEYS = {
    "indicator",
    "items",
    "tier",
    "analysis",
    "measure",
    "steps",
    "owners",
    "timeline",
    "start_month",
    "end_month",
    "monitoring",
    "reporting",
    "kpi",
    "sources",
}


class Result:
    """What a command returned and printed."""

    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def _call(command, args, data_dir) -> Result:
    """Call a front door's main(argv) in this process with DATA_DIR set, capturing what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with (
        pytest.MonkeyPatch.context() as env,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        env.setenv("DATA_DIR", str(data_dir))
        code = command(args)
    return Result(code, out.getvalue(), err.getvalue())


def _bot(args, data_dir) -> Result:
    return _call(main, args, data_dir)


def _ingest(args, data_dir) -> Result:
    return _call(ingest.main, args, data_dir)


def _subprocess(args, data_dir):
    env = {**os.environ, "DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO_DIR)}
    return subprocess.run(
        [sys.executable, *args], cwd=REPO_DIR, env=env, capture_output=True, text=True, timeout=240
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, seeds_dir):
    path = tmp_path_factory.mktemp("cli")
    first = _ingest([str(seeds_dir), "--quiet"], path)
    assert first.returncode == 0, first.stderr
    assert "แหล่งข้อมูลใหม่ 7 รายการ" in first.stdout  # 5 seeds + framework + playbook
    return path


def test_ingest_twice_changes_nothing(data_dir, seeds_dir):
    again = _ingest([str(seeds_dir), "--quiet"], data_dir)
    assert again.returncode == 0
    assert "ไม่เปลี่ยนแปลง 7 รายการ" in again.stdout and "ข้อความที่เพิ่ม 0 ตอน" in again.stdout


def test_ingest_names_a_bad_file_and_exits_1(tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    result = _ingest([str(bad), "--quiet"], tmp_path / "data")
    assert result.returncode == 1
    assert "scan.pdf" in result.stdout


def test_ask_json_quotes_seeds_and_curated_knowledge(data_dir):
    result = _bot(["ask", "ขอตัวอย่างมาตรการเรื่องการเปิดเผยข้อมูล O13", "--json", "-k", "8"], data_dir)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["query"].startswith("ขอตัวอย่าง")
    sources = [p["source"] for p in out["passages"]]
    assert any(s.startswith("001_") for s in sources), sources
    assert any(s.startswith("knowledge/") or "ita-framework" in s or "seed" in s for s in sources), sources
    for p in out["passages"]:
        assert {"source", "text", "score", "indicator", "items"} <= set(p)
    assert any("O13" in p["items"] for p in out["passages"])


def test_ask_text_answer_cites_sources(data_dir):
    result = _bot(["ask", "ข้อเสนอแนะของ ป.ป.ช. เรื่อง I14 การประเมินผลการปฏิบัติงาน"], data_dir)
    assert result.returncode == 0, result.stderr
    assert "[1]" in result.stdout and "ที่มา:" in result.stdout
    assert "ส่งเสริมกลไกการประเมินผลการปฏิบัติงาน" in result.stdout


def test_draft_json_and_documents(data_dir, seeds_dir, tmp_path):
    seed = next(seeds_dir.glob("001_*.txt"))
    out = tmp_path / "plan.docx"
    xlsx = tmp_path / "plan.xlsx"
    result = _subprocess(  # end to end: the shell, python -m bot, the .docx and .xlsx on disk
        [
            "-m",
            "bot",
            "draft",
            "--scores",
            str(seed),
            "--agency-type",
            "ทต.",
            "--agency-name",
            "เทศบาลตำบลนามะเขือ",
            "--json",
            "--out",
            str(out),
            "--xlsx",
            str(xlsx),
        ],
        data_dir,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"agency", "assessment_year", "fiscal_year", "level", "rows"} <= set(data)
    assert data["assessment_year"] == 2568 and data["fiscal_year"] == 2569 and data["level"] == "ผ่านดี"
    for row in data["rows"]:
        assert set(row) >= ROW_KEYS
        assert isinstance(row["indicator"], int) and row["sources"]
    with zipfile.ZipFile(out) as z:
        assert "เทศบาลตำบลนามะเขือ" in z.read("word/document.xml").decode("utf-8")
    assert zipfile.is_zipfile(xlsx)


def test_draft_accepts_parse_scores_json(data_dir, tmp_path):
    scores = tmp_path / "scores.json"
    scores.write_text(
        json.dumps({"year": 2566, "indicators": {str(n): 90.0 for n in range(1, 11)}, "items": {"O2": 0}}),
        encoding="utf-8",
    )
    result = _bot(["draft", "--scores", str(scores), "--agency-type", "โรงเรียน", "--json"], data_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["fiscal_year"] == 2567
    assert any(r["items"] == ["O2"] for r in data["rows"])


def test_draft_rejects_an_unknown_agency_type(data_dir, seeds_dir):
    result = _bot(
        ["draft", "--scores", str(next(seeds_dir.glob("001_*.txt"))), "--agency-type", "ยานอวกาศ"], data_dir
    )
    assert result.returncode == 2
    assert "ไม่รู้จักประเภทหน่วยงาน" in result.stderr and "เทศบาลตำบล" in result.stderr


def test_draft_help_lists_every_layout_with_its_thai_description(tmp_path):
    from bot import wording

    result = _bot(["draft", "--help"], tmp_path)
    assert result.returncode == 0
    assert "--layout NAME" in result.stdout
    for name, (title, description) in wording.LAYOUT_LABELS.items():
        line = next(li for li in result.stdout.splitlines() if li.strip().startswith(name + " "))
        assert title in line and description in line  # one line per layout


def test_draft_layout_writes_that_layout(data_dir, seeds_dir, tmp_path):
    out, xlsx = tmp_path / "by-tool.docx", tmp_path / "by-tool.xlsx"
    result = _bot(
        [
            "draft",
            "--scores",
            str(next(seeds_dir.glob("002_*.txt"))),
            "--agency-type",
            "ทต.",
            "--agency-name",
            "เทศบาลตำบลนิเวศน์",
            "--layout",
            "by-tool",
            "--out",
            str(out),
            "--xlsx",
            str(xlsx),
        ],
        data_dir,
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as z:  # without the invisible line-break hints (word joiners, no-break spaces)
        xml = z.read("word/document.xml").decode("utf-8")
    xml = xml.replace("\u2060", "").replace("\u200b", "").replace("\u202f", " ")
    for text in ("(IIT)", "(EIT)", "(OIT)", "รอบ 6 เดือน", "รอบ 12 เดือน", "เทศบาลตำบลนิเวศน์"):
        assert text in xml
    assert "แหล่งอ้างอิง" not in xml and "ภาพที่ 1" not in xml  # no sources, no chart in this layout
    from openpyxl import load_workbook

    headers = [c.value for c in load_workbook(xlsx)["มาตรการ"][2]]
    assert headers[0] == "แบบ" and headers[-2:] == ["รายงานผลรอบ 6 เดือน", "รายงานผลรอบ 12 เดือน"]


def test_draft_rejects_an_unknown_layout(data_dir, seeds_dir):
    result = _bot(
        [
            "draft",
            "--scores",
            str(next(seeds_dir.glob("001_*.txt"))),
            "--agency-type",
            "ทต.",
            "--layout",
            "gantt",
        ],
        data_dir,
    )
    assert result.returncode == 2
    assert 'ไม่รู้จักแบบเอกสาร "gantt"' in result.stderr and "item-gantt" in result.stderr
