#!/usr/bin/env python3
"""Score-reading benchmark: exact reads on the officer-message set, and parse time under fuzzing.

    .venv/bin/python benchmarks/scores.py                 # exact-read rates, dev and test halves
    .venv/bin/python benchmarks/scores.py --show dev      # also list the dev messages read wrongly
    .venv/bin/python benchmarks/scores.py --fuzz 100000   # max / p99 CPU time of parse_scores + parse_correction
    .venv/bin/python benchmarks/scores.py --split         # (once) assign dev/test halves -> split.yaml
    .venv/bin/python benchmarks/scores.py --perturb       # dev reads that a harmless edit changes, and the share kept
    .venv/bin/python benchmarks/scores.py --compose 3000  # messages written anew from dev facts: share read exactly
    .venv/bin/python benchmarks/scores.py --round none --compose 2000 --seed 51  # another seed: fresh classes
                                                 # (--compose N also writes N/2 bad messages: scores_bad.py)
    .venv/bin/python benchmarks/scores.py --round extra_dev28 --show dev   # one fresh round only

The messages live in benchmarks/score_messages/*.yaml, each with its expected structured result.
Their dev/test halves were assigned once, by a seeded shuffle stratified by register, before any
tuning (split.yaml); tune on dev, look at test only to report. extra_dev.yaml was written after the
first tuning pass, as fresh messages to check that the rules generalise, and is dev only; so are
extra_dev2..7.yaml, six more rounds each written before its first run (the first-run figures are in
BENCHMARKS.md, "Issue 11: score messages").

Baseline (the parser on main, commit 18a70cb, before any of this work), on the 228 split messages:
dev 74/121 exact (61.2%), bad rejected 20/21; test 66/107 (61.7%), bad rejected 21/21.

A message is exact when year, overall, indicators and items all match (tools, previous year and
fiscal year too when the entry names them), nothing extra was read, and an error was raised only
when the entry expects one. A bad message counts when it is rejected: an error and no score kept.
Not a test: tests/test_scores_prose.py asserts the floor.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.scores_bad import compose_bad  # noqa: E402
from benchmarks.scores_perturb import compose, perturb  # noqa: E402
from bot.ita.framework import load_framework  # noqa: E402
from bot.scores import ParseResult, parse_correction, parse_scores  # noqa: E402
from bot.scores.normalise import normalise  # noqa: E402

DATA = REPO / "benchmarks" / "score_messages"
SPLIT_FILE = DATA / "split.yaml"
SEED = 20261202


def load_messages() -> list[dict]:
    """Every message of the set, with its split ("dev" or "test") filled in."""
    split = yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8")) if SPLIT_FILE.exists() else {}
    out = []
    for path in sorted(DATA.glob("*.yaml")):
        if path == SPLIT_FILE:
            continue
        # A fresh round (extra_dev*.yaml) is dev only, whether or not split.yaml lists its ids.
        fresh = path.name.startswith("extra_dev")
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            entry["split"] = "dev" if fresh else split.get(entry["id"], "?")
            entry["file"] = path.stem
            out.append(entry)
    return out


def assign_split(messages: list[dict]) -> dict[str, str]:
    """Half of each register to dev and half to test, by a seeded shuffle."""
    rng = random.Random(SEED)
    by_register: dict[str, list[str]] = {}
    for m in messages:
        by_register.setdefault(m["register"], []).append(m["id"])
    out: dict[str, str] = {}
    for register in sorted(by_register):
        ids = sorted(by_register[register])
        rng.shuffle(ids)
        for i, mid in enumerate(ids):
            out[mid] = "dev" if i % 2 == 0 else "test"
    return out


def _floats(d: dict | None) -> dict[str, float]:
    return {str(k): round(float(v), 2) for k, v in (d or {}).items()}


def _same_set(got, exp: dict) -> list[str]:
    diffs = []
    if got is None:
        return ["no previous-year scores"]
    if exp.get("year") != got.year:
        diffs.append(f"year {got.year} != {exp.get('year')}")
    want_overall = exp.get("overall")
    if (want_overall is None) != (got.overall is None) or (
        want_overall is not None and abs(got.overall - want_overall) > 0.005
    ):
        diffs.append(f"overall {got.overall} != {want_overall}")
    for name in ("indicators", "items"):
        if _floats(getattr(got, name)) != _floats(exp.get(name)):
            diffs.append(f"{name} {_floats(getattr(got, name))} != {_floats(exp.get(name))}")
    if "tools" in exp and _floats(got.tools) != _floats(exp["tools"]):
        diffs.append(f"tools {_floats(got.tools)} != {_floats(exp['tools'])}")
    return diffs


def judge(result: ParseResult, expect: dict) -> list[str]:
    """What differs between a parse and the expected result ([] = exact)."""
    s = result.scores
    if expect.get("rejected"):
        if result.error is None or not s.is_empty():
            return [f"not rejected: {s.to_json()}"]
        return []
    diffs = _same_set(s, expect)
    if expect.get("error") and result.error is None:
        diffs.append("no error raised")
    if not expect.get("error") and result.error is not None:
        diffs.append(f"error: {result.error[:120]}")
    if "previous" in expect:
        diffs += [f"previous: {d}" for d in _same_set(getattr(result, "previous", None), expect["previous"])]
    if "fiscal_year" in expect and getattr(result, "fiscal_year", None) != expect["fiscal_year"]:
        diffs.append(f"fiscal_year {getattr(result, 'fiscal_year', None)} != {expect['fiscal_year']}")
    return diffs


def evaluate(messages: list[dict], fw) -> dict[str, dict]:
    """Per half: totals, exact counts, bad messages rejected, and the misses."""
    out: dict[str, dict] = {}
    for m in messages:
        half = out.setdefault(m["split"], {"n": 0, "exact": 0, "bad": 0, "rejected": 0, "misses": []})
        diffs = judge(parse_scores(m["text"], fw), m["expect"])
        half["n"] += 1
        half["exact"] += not diffs
        if m["expect"].get("rejected"):
            half["bad"] += 1
            half["rejected"] += not diffs
        if diffs:
            half["misses"].append((m["id"], m["register"], diffs))
    return out


FRAGMENTS = [
    "ตัวชี้วัดที่ ",
    "ตัวชี้วัด",
    "ข้อ",
    "ได้",
    "คะแนน",
    "ภาพรวม",
    "ITA",
    "IIT",
    "O",
    "I",
    "E",
    "ปี ",
    "ปีงบ",
    "ครับ",
    "ค่ะ",
    "นะคะ",
    "เอ้ย",
    "แก้เป็น",
    "ที่ถูกคือ",
    "เต็ม",
    "ทุกข้อ",
    "ถึง",
    "-",
    "–",
    "/",
    ".",
    ",",
    ":",
    "=",
    "(",
    ")",
    "\t",
    "\n",
    " ",
    "  ",
    "การเปิดเผยข้อมูล",
    "เรื่องงบประมาณ",
    "หมวด",
    "ทรัพย์สินราชการ",
    "เป้าหมาย",
    "ร้อยละ",
    "😭",
    "🎉",
    "²",
    "๙๕.๒๕",
    "๑๐",
    "%",
    "+",
    "±",
    "\u200b",
    "\xa0",
    "ตามลำดับ",
    "และ",
]


def fuzz_input(rng: random.Random) -> str:
    """One generated message: score-ish fragments, numbers, Thai, emoji and punctuation, any length."""
    parts = []
    for _ in range(rng.randint(0, 60)):
        r = rng.random()
        if r < 0.45:
            parts.append(rng.choice(FRAGMENTS))
        elif r < 0.75:
            parts.append(f"{rng.uniform(-20, 220):.{rng.randint(0, 3)}f}")
        elif r < 0.85:
            parts.append(str(rng.randint(0, 3000)))
        elif r < 0.95:
            parts.append("".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(rng.randint(1, 8))))
        else:
            parts.append(rng.choice(FRAGMENTS) * rng.randint(2, 400))
    return "".join(parts)


ADVERSARIAL = {
    "20,000 digits": "1" * 20_000,
    "50k 'ตัวชี้วัดที่ 1 '": ("ตัวชี้วัดที่ 1 " * 4000)[:50_000],
    "50k dots": "." * 50_000,
    "50k spaces then a digit": " " * 49_999 + "1",
    "50k Thai digits": "๙" * 50_000,
    "50k scores": ("ตัวชี้วัดที่ 1 ได้ 85.5 คะแนน\n" * 2000)[:50_000],
    "50k numbers": ("85.5 " * 10_000)[:50_000],
    "50k tab cells": ("1\t" * 25_000)[:50_000],
    "50k 'แก้'": ("แก้" * 20_000)[:50_000],
    "50k item codes": ("O1 " * 20_000)[:50_000],
    "50k 'ข้อ1 '": ("ข้อ1 " * 12_000)[:50_000],
    "50k names": ("การเปิดเผยข้อมูล " * 4000)[:50_000],
    "50k digits and dots": ("1." * 25_000)[:50_000],
    "50k lines of one digit": ("9\n" * 25_000)[:50_000],
    # number words become digits only once normalised: the number budget must count them too
    "50k full marks in words": ("ได้เต็มร้อยทุกตัวชี้วัด " * 2200)[:50_000],
    "50k spoken scores": ("ตัวชี้วัดที่เก้าได้แปดสิบเก้าจุดห้า " * 1500)[:50_000],
    "50k goals": ("ปีหน้าตั้งใจให้ IIT ได้ 95 " * 2000)[:50_000],
    "50k ifs": ("ถ้า IIT ได้ 90 " * 4000)[:50_000],
    "50k name lines": ("การเปิดเผยข้อมูล 85.5\n" * 2500)[:50_000],
}


def timed(text: str, fw) -> float:
    normalise.cache_clear()  # a fresh message: nothing normalised yet (parse_correction then reuses it)
    t0 = time.process_time()
    parse_scores(text, fw)
    parse_correction(text, fw)
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", choices=["dev", "test", "all"], help="list the messages read wrongly")
    ap.add_argument("--fuzz", type=int, default=0, help="time N generated inputs (and the adversarial ones)")
    ap.add_argument("--split", action="store_true", help="write split.yaml (once, before tuning)")
    ap.add_argument(
        "--round", help="only the messages of one file, e.g. extra_dev28 (a fresh round's figure)"
    )
    ap.add_argument(
        "--perturb",
        action="store_true",
        help="harmless edits of the dev messages that change a read (scores_perturb.py)",
    )
    ap.add_argument(
        "--compose",
        type=int,
        default=0,
        help="write N messages from dev facts by a seeded generator and count exact reads",
    )
    ap.add_argument(
        "--seed", type=int, default=SEED, help="the composer's seed (a fresh one finds fresh classes)"
    )
    args = ap.parse_args(argv)
    fw = load_framework(REPO / "knowledge")
    messages = load_messages()
    if args.split:
        split = assign_split(messages)
        SPLIT_FILE.write_text(
            "# dev/test halves, assigned once by benchmarks/scores.py --split (seeded, by register)\n"
            + yaml.safe_dump(split, allow_unicode=True, sort_keys=True),
            encoding="utf-8",
        )
        print(f"wrote {SPLIT_FILE.relative_to(REPO)}: {len(split)} messages")
        return 0
    if args.round:
        messages = [m for m in messages if m["file"] == args.round]
    w0, c0 = time.perf_counter(), time.process_time()
    results = evaluate(messages, fw)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    for half in ("dev", "test"):
        r = results.get(half, {"n": 0, "exact": 0, "bad": 0, "rejected": 0, "misses": []})
        print(
            f"{half:4}: {r['exact']}/{r['n']} exact ({100 * r['exact'] / max(r['n'], 1):.1f}%), "
            f"bad rejected {r['rejected']}/{r['bad']}"
        )
    print(f"parse time for {len(messages)} messages: wall {wall:.2f} s, CPU {cpu:.2f} s")
    if args.show:
        for half in ("dev", "test") if args.show == "all" else (args.show,):
            for mid, register, diffs in results.get(half, {}).get("misses", []):
                print(f"  [{half}] {mid} ({register}): {'; '.join(diffs)}")
    if args.perturb:
        perturb(messages, lambda text: parse_scores(text, fw), judge, show=bool(args.show))
    if args.compose:
        compose(
            load_messages(),
            lambda text: parse_scores(text, fw),
            judge,
            fw,
            args.compose,
            args.seed,
            bool(args.show),
        )
        # and half as many bad messages: non-results beside keys, which must all be rejected
        compose_bad(
            lambda text: parse_scores(text, fw), judge, fw, args.compose // 2, args.seed, bool(args.show)
        )
    if args.fuzz:
        for name, text in ADVERSARIAL.items():
            print(f"  adversarial {name:28} {len(text):6} chars  CPU {1000 * timed(text, fw):7.1f} ms")
        rng = random.Random(SEED)
        times = []
        w0 = time.perf_counter()
        for _ in range(args.fuzz):
            times.append(timed(fuzz_input(rng), fw))
        times.sort()
        p99 = times[int(0.99 * (len(times) - 1))]
        print(
            f"fuzz {args.fuzz} inputs: no exception; CPU per input max {1000 * times[-1]:.1f} ms, "
            f"p99 {1000 * p99:.2f} ms, median {1000 * statistics.median(times):.2f} ms; "
            f"total wall {time.perf_counter() - w0:.1f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
