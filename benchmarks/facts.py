#!/usr/bin/env python3
"""Factual questions (benchmarks/fact_questions.yaml): is each answer right, honestly unconfirmed, or wrong?

    .venv/bin/python benchmarks/facts.py            # both halves, failures shown for dev only
    .venv/bin/python benchmarks/facts.py --all      # also print every dev answer

Builds the real knowledge (framework, playbook, an in-memory index of knowledge/ and
tests/data/seeds) and asks each question through bot.search.answers.answer_question,
then grades it with tests/answer_checks.grade and checks it with answer_problems.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.offline import configure_offline  # noqa: E402

configure_offline(Path(tempfile.gettempdir()) / "ita-bench-data")

from tests.answer_checks import answer_problems, grade  # noqa: E402

QUESTIONS = REPO / "benchmarks" / "fact_questions.yaml"


def load_questions() -> dict[str, list[dict]]:
    """Return the dev and test halves, and the fresh (dev) round."""
    return yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))


def build(tmp: Path):
    """Return the Knowledge (framework, playbook, retriever) over knowledge/ and the seeds."""
    from bot.app import build_knowledge
    from bot.search.ingest import ingest
    from bot.settings import Settings

    kb = build_knowledge(Settings(_env_file=None, data_dir=tmp), in_memory=True)
    ingest(kb.index, kb.framework, kb.playbook, [REPO / "tests" / "data" / "seeds"], progress=False)
    kb.refresh()
    return kb


def ask(answer_question, question: str, kb) -> str:
    """Return the answer's text (the playbook is passed where the engine takes it)."""
    try:
        return answer_question(question, kb.retriever, kb.framework, playbook=kb.playbook).text
    except TypeError:  # the quoting engine before issue 13 took no playbook
        return answer_question(question, kb.retriever, kb.framework).text


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--show", choices=["dev", "test"], default="dev", help="which half's failures to print"
    )
    parser.add_argument("--all", action="store_true", help="print every answer of the shown half")
    args = parser.parse_args()
    from bot.search.answers import answer_question

    with tempfile.TemporaryDirectory() as tmp:
        kb = build(Path(tmp))
        halves = load_questions()
        for half in ("dev", "fresh", "test"):
            if half not in halves:
                continue
            counts = {"right": 0, "unconfirmed": 0, "wrong": 0}
            dirty = 0
            for q in halves[half]:
                text = ask(answer_question, q["q"], kb)
                verdict = grade(q, text)
                counts[verdict] += 1
                problems = answer_problems(text)
                dirty += bool(problems)
                shown = half == args.show or (half == "fresh" and args.show == "dev")  # fresh rounds are dev
                if shown and (args.all or verdict != "right" or problems):
                    print(f"--- [{verdict}] {q['q']}  expect={q.get('expect')} year={q.get('year')}")
                    print(text)
                    for p in problems:
                        print(f"    ! {p}")
            n = len(halves[half])
            print(
                f"{half}: right {counts['right']}/{n}, says unconfirmed {counts['unconfirmed']}, "
                f"wrong {counts['wrong']}; answers with a dev source/code/repeat: {dirty}/{n}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
