"""What one very long message costs the officers behind it: CPU of Dialogue.handle, one step.

    .venv/bin/python benchmarks/long_messages.py

Issue 11: a 20,000-digit message must cost other officers less than 0.5 s of waiting. A channel
worker is busy for as long as handle() runs, so the figure is its CPU (beside wall time) for
messages built to be slow: digits in one run, digits in groups, tens of thousands of characters of
score lines, random digits, dots and spaces. Real knowledge, in-memory index, SQLite sessions, at the
scores step (every parser runs).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.offline import configure_offline  # noqa: E402

DATA = Path(tempfile.mkdtemp(prefix="ita-bench-long-"))
configure_offline(DATA)

from bot.app import build_drafter, build_knowledge, ensure_index  # noqa: E402
from tests.kb_helpers import make_settings  # noqa: E402
from tests.test_dialogue import Officer, make_dialogue  # noqa: E402

TARGET_S = 0.5


def messages() -> dict[str, str]:
    rnd = random.Random(1)
    return {
        "20,000 digits": "1" * 20_000,
        "20,000 digits in groups of ten": " ".join(["1234567890"] * 2_000),
        "50,000 characters of score lines": ("ตัวชี้วัดที่ 1 ได้ 85.5 ค่ะ " * 2_000)[:50_000],
        "20,000 random digits, dots, spaces": "".join(rnd.choice("0123456789. ") for _ in range(20_000)),
    }


def main() -> int:
    settings = make_settings(DATA / "kb")
    kb = build_knowledge(settings, in_memory=True)
    ensure_index(kb)
    officer = Officer(make_dialogue((kb, build_drafter(settings, kb)), DATA / "sessions.db"))
    officer.fill_profile()
    worst = 0.0
    for name, text in messages().items():
        cpu, wall = time.process_time(), time.perf_counter()
        officer.says(text)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        worst = max(worst, cpu)
        print(f"{name:<38} CPU {cpu:.3f} s   wall {wall:.3f} s")
    print(f"worst CPU {worst:.3f} s (target < {TARGET_S} s): {'MET' if worst < TARGET_S else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
