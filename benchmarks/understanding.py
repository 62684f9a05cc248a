"""How often the understanding step reads a message as the kind an officer meant (benchmarks/questions.yaml).

Each message is read by `bot.dialogue.understand.understand` in the state it was sent in, and its
kind compared with the label. The dev and test halves are reported apart (tune on dev only), and the
same set is read by an earlier revision's code (default: the commit this work started from), checked
out with `git archive` into a scratch folder and run in a child process, so both figures come from
one run on one machine.

    python benchmarks/understanding.py                 # this checkout and the baseline revision
    python benchmarks/understanding.py --baseline ''   # this checkout only
    python benchmarks/understanding.py --show-misses   # list what each half got wrong
    python benchmarks/understanding.py --round 1 --show-misses   # one later dev round only
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SET = REPO / "benchmarks" / "questions.yaml"
# main before issue 11's dialogue work: the baseline every figure is compared with.
BASELINE_REV = "18a70cb"

# Runs inside the checkout being measured: reads the set from stdin, prints one label per message.
_READER = r"""
import json, sys, inspect
from pathlib import Path
from bot.ita.framework import load_framework
from bot.dialogue import understand as u
fw = load_framework(Path("knowledge"))
takes_state = "state" in inspect.signature(u.understand).parameters
out = []
for m in json.load(sys.stdin):
    kw = {"state": m["state"]} if takes_state else {}
    p = u.understand(m["text"], fw, drafted=m["state"] == "drafted", **kw)
    kind = p.kind.value
    out.append({"thanks": "small_talk", "other": "answer"}.get(kind, kind))
print(json.dumps(out))
"""


def _labels(messages: list[dict], checkout: Path) -> tuple[list[str], float, float]:
    start_wall = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [sys.executable, "-c", _READER],
        input=json.dumps(messages, ensure_ascii=False),
        capture_output=True,
        text=True,
        cwd=checkout,
        check=True,
    )
    wall = time.perf_counter() - start_wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall, cpu


def _checkout(rev: str, into: Path) -> Path:
    data = subprocess.run(
        ["git", "archive", "--format=tar", rev, "bot", "knowledge", "prompts"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def _report(name: str, halves: dict[str, list[dict]], checkout: Path, show: bool) -> None:
    for half, messages in halves.items():
        got, wall, cpu = _labels(messages, checkout)
        ok = sum(g == m["kind"] for g, m in zip(got, messages, strict=True))
        print(
            f"{name:10} {half:5} {ok:3}/{len(messages):3} = {ok / len(messages):6.1%}"
            f"   (wall {wall:.2f} s, CPU {cpu:.2f} s, loading included)"
        )
        if show and half != "test":  # tune on dev only: the test half's misses are never printed
            for g, m in zip(got, messages, strict=True):
                if g != m["kind"]:
                    print(f"      want {m['kind']:10} got {g:10} [{m['state']}] {m['text']!r}")


def main(argv: list[str] | None = None) -> int:
    """Print the exact-kind rate of each half for this checkout and the baseline revision."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", default=BASELINE_REV, help="git revision to compare with ('' = none)")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--round", type=int, default=None, help="only the dev messages of this later round")
    args = ap.parse_args(argv)
    halves = yaml.safe_load(SET.read_text(encoding="utf-8"))
    if args.round is not None:
        halves = {"dev": [m for m in halves["dev"] if m.get("round") == args.round]}
    print(f"{SET.relative_to(REPO)}: " + ", ".join(f"{h} {len(m)}" for h, m in halves.items()) + " messages")
    if args.baseline:
        with tempfile.TemporaryDirectory() as tmp:
            _report(args.baseline[:10], halves, _checkout(args.baseline, Path(tmp)), args.show_misses)
    _report("this", halves, REPO, args.show_misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
