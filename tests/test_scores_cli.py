"""python -m bot parse-scores: main(argv) in-process, and once through its front door as a subprocess."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from bot.__main__ import main
from tests.conftest import REPO_DIR


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    """Return run(args, text) -> (exit code, stdout): parse-scores in-process, `text` as its stdin."""

    def run(args, text):
        monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
        monkeypatch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
        )
        code = main(["parse-scores", *args])
        return code, capsys.readouterr().out

    return run


def test_json_of_a_seed(seeds_dir, tmp_path):
    # End to end: the shell pipes a pasted message into python -m bot parse-scores.
    p = subprocess.run(
        [sys.executable, "-m", "bot", "parse-scores", "--json"],
        input=next(seeds_dir.glob("001_*.txt")).read_text(encoding="utf-8").encode("utf-8"),
        capture_output=True,
        cwd=REPO_DIR,
        env={**os.environ, "DATA_DIR": str(tmp_path / "data")},
        timeout=120,
    )
    code, out = p.returncode, p.stdout.decode("utf-8")
    data = json.loads(out)
    assert code == 0
    assert data["indicators"]["3"] == 99.75 and data["overall"] == 94.12 and data["year"] == 2568
    assert data["missing"] == []


def test_json_items_and_partial_missing(run):
    code, out = run(["--json", "--year", "2564"], "I14 84.25\nตัวชี้วัดที่ 7 60")
    data = json.loads(out)
    assert code == 0 and data["items"] == {"I14": 84.25} and data["year"] == 2564
    assert data["indicators"] == {"7": 60.0} and 1 in data["missing"] and 7 not in data["missing"]


def test_json_error_exit_2(run):
    code, out = run(["--json"], "ตัวชี้วัดที่ 7 ได้ 105")
    assert code == 2 and "เกิน 100" in json.loads(out)["error"]


def test_text_output_is_the_confirmation_summary(run):
    code, out = run([], "ตัวชี้วัดที่ 7 ได้ 60")
    assert code == 0 and "ยืนยัน" in out and "60.00" in out


def test_text_error_exit_2(run):
    code, out = run([], "")
    assert code == 2 and "เช่น" in out


def test_json_carries_last_year_the_plans_fiscal_year_and_the_unsure_reads(run):
    code, out = run(["--json"], "ตัวชี้วัดที่ 9 ปี 67 ได้ 60.00 ปี 68 ได้ 75.00 ขอแผนปีงบ 69 ค่ะ")
    data = json.loads(out)
    assert code == 0 and data["indicators"] == {"9": 75.0} and data["year"] == 2568
    assert data["previous"]["year"] == 2567 and data["previous"]["indicators"] == {"9": 60.0}
    assert data["fiscal_year"] == 2569 and data["unsure"] == []
    code, out = run(["--json"], "ขอส่งคะแนนค่ะ\n99.2 98.1 99.6 97.9 98.8 92.3 90.7 91.2 88.5 100")
    data = json.loads(out)
    assert code == 0 and data["previous"] is None and data["fiscal_year"] is None
    assert len(data["unsure"]) == 1 and "1–10" in data["unsure"][0]
