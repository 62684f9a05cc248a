"""python -m bot parse-scores through its front door, as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO_DIR


def _run(args, text):
    p = subprocess.run(
        [sys.executable, "-m", "bot", "parse-scores", *args],
        input=text.encode("utf-8"),
        capture_output=True,
        cwd=REPO_DIR,
        timeout=120,
    )
    return p.returncode, p.stdout.decode("utf-8")


def test_json_of_a_seed(seeds_dir):
    code, out = _run(["--json"], next(seeds_dir.glob("001_*.txt")).read_text(encoding="utf-8"))
    data = json.loads(out)
    assert code == 0
    assert data["indicators"]["3"] == 99.75 and data["overall"] == 94.12 and data["year"] == 2568
    assert data["missing"] == []


def test_json_items_and_partial_missing():
    code, out = _run(["--json", "--year", "2564"], "I14 84.25\nตัวชี้วัดที่ 7 60")
    data = json.loads(out)
    assert code == 0 and data["items"] == {"I14": 84.25} and data["year"] == 2564
    assert data["indicators"] == {"7": 60.0} and 1 in data["missing"] and 7 not in data["missing"]


def test_json_error_exit_2():
    code, out = _run(["--json"], "ตัวชี้วัดที่ 7 ได้ 105")
    assert code == 2 and "เกิน 100" in json.loads(out)["error"]


def test_text_output_is_the_confirmation_summary():
    code, out = _run([], "ตัวชี้วัดที่ 7 ได้ 60")
    assert code == 0 and "ยืนยัน" in out and "60.00" in out


def test_text_error_exit_2():
    code, out = _run([], "")
    assert code == 2 and "เช่น" in out
