#!/usr/bin/env python3
"""CPU per turn with an agency's year record on file (issue 16 part 6): how much the record costs a turn.

    nice -n 5 .venv/bin/python benchmarks/year_record_cpu.py            # 9 plans on record, 40 turns
    nice -n 5 .venv/bin/python benchmarks/year_record_cpu.py --plans 1 --turns 40

An officer drafts the FY 2568 plan through the real dialogue (SQLite session store, real drafter and
index) and sends its Word file, so the plan is recorded as published; the same plan is then stored
for `--plans - 1` earlier fiscal years, as an agency's record grows year by year. Each measured turn
is a short message answered without a draft or a search ("ขอบคุณครับ"). Reported: CPU (process
time) and wall per turn, median and p90, and the size of a stored plan.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.agency.years import PLAN, YearStore, empty  # noqa: E402
from bot.app import build_drafter, build_knowledge, ensure_index  # noqa: E402
from bot.dialogue.conversation import Dialogue  # noqa: E402
from bot.dialogue.messages import Inbound  # noqa: E402
from bot.dialogue.sessions import SessionStore  # noqa: E402
from bot.export import Exporters  # noqa: E402
from tests.kb_helpers import make_settings  # noqa: E402
from tests.test_agency import Officer  # noqa: E402
from tests.test_agency_years import SCORES_2567, result_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, default=9, help="fiscal years of plans on record")
    parser.add_argument("--turns", type=int, default=40, help="turns measured")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = make_settings(Path(tmp) / "kb")
        knowledge = build_knowledge(settings, in_memory=True)
        ensure_index(knowledge)
        sessions = SessionStore(f"sqlite:///{Path(tmp) / 'sessions.db'}")
        years = YearStore(sessions.engine)
        dialogue = Dialogue(
            knowledge.framework,
            knowledge.playbook,
            knowledge.retriever,
            build_drafter(settings, knowledge),
            sessions,
            exports=Exporters(knowledge.framework),
            years=years,
        )
        officer = Officer(dialogue, "Ucpu")
        officer.to_scores(year="2567")
        officer.says(result_text(2567, SCORES_2567))
        officer.presses("ยืนยัน")
        officer.says("ขอไฟล์ word")  # the FY 2568 plan, recorded as published
        key = "line:Ucpu"
        plan = years.load(key)[PLAN][2568]
        earlier = {2568 - i: plan for i in range(1, args.plans)}
        years.write(key, empty(), {**empty(), PLAN: earlier})
        assert len(years.load(key)[PLAN]) == args.plans
        cpu, wall = [], []
        for _ in range(args.turns + 3):
            c0, w0 = time.process_time(), time.perf_counter()
            dialogue.handle(Inbound("line", "Ucpu", text="ขอบคุณครับ"))
            cpu.append(time.process_time() - c0)
            wall.append(time.perf_counter() - w0)
        cpu, wall = cpu[3:], wall[3:]  # the first turns warm caches
        sessions.close()

    def ms(values: list[float], q: float) -> str:
        ordered = sorted(values)
        return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.1f}"

    size = len(json.dumps(plan, ensure_ascii=False).encode("utf-8"))
    print(f"{args.plans} plan(s) on record, {size / 1024:.1f} KB each; {args.turns} turns")
    print(f"CPU per turn: median {1000 * statistics.median(cpu):.1f} ms, p90 {ms(cpu, 0.9)} ms")
    print(f"wall per turn: median {1000 * statistics.median(wall):.1f} ms, p90 {ms(wall, 0.9)} ms")


if __name__ == "__main__":
    main()
