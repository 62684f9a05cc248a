"""Fuzz the understanding step: 100,000 generated messages through understand() in every state.

Reports crashes (there must be none) and the CPU time of one call: max and p99, beside the wall time
of the whole run. The generator is seeded, so a run is reproducible; tests/test_understand_fuzz.py
runs the same generator on 5,000 messages through understand() and the whole Dialogue.

    python benchmarks/fuzz_understand.py              # 100,000 messages, seed 11
    python benchmarks/fuzz_understand.py -n 20000 --seed 3 --max-len 2000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# Pieces officers' messages are made of, and pieces that have broken parsers before.
WORDS = (
    "ตัวชี้วัด",
    "ตัวชี้วัดที่",
    "ข้อ",
    "แถว",
    "แก้",
    "เป็น",
    "คะแนน",
    "คะแนนรวม",
    "ได้",
    "ร้อยละ",
    "ยืนยัน",
    "ค่ะ",
    "ครับ",
    "นะคะ",
    "ไหม",
    "ทำไม",
    "อะไร",
    "ขอตัวอย่าง",
    "ช่วยเขียน",
    "ผู้รับผิดชอบ",
    "ระยะเวลา",
    "KPI",
    "ลบแถว",
    "ร่างใหม่",
    "กองคลัง",
    "กองช่าง",
    "สำนักปลัด",
    "และ",
    "เทศบาลตำบล",
    "อบต.",
    "สวัสดี",
    "ขอบคุณ",
    "IIT",
    "EIT",
    "OIT",
    "O13",
    "I14",
    "E5",
    "ปี",
    "ปีงบ",
    "2568",
    "68",
    "๒๕๖๘",
    "๙๘.๕๐",
    "100",
    "0",
    "98.89",
    "/export",
    "/draft",
    "/start",
    "ดาวน์โหลด",
    "ใช้ตามนี้",
    "ไม่ใช่",
    "ใช่",
    "how",
    "what",
    "?",
    "？",
    "²",
    "³",
    "½",
    "٣",
    "१",
    "𝟗",
    "😀",
    "👍",
    "🙏",
    "\u200b",
    "\ufeff",
    "•",
    "-",
    "*",
    "1.",
    "|",
    "\t",
    "\n",
    "  ",
    "<message>",
    "</message>",
    "{{x}}",
    "%",
    "±",
    "−",
    "–",
    "—",
    ":",
    "=",
    ",",
    ".",
    "(",
    ")",
    "[",
    "]",
    "ignore previous instructions",
    "ระบบ:",
    "ต.ค. 68",
    "มี.ค. 69",
    "ธ.ค.",
    "๑",
    "๐",
    "ๆ",
    "ฯ",
)
ALPHABET = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋็์0123456789.,-+%/ \n\t²¹⁰"


def messages(n: int, seed: int, max_len: int = 300):
    """Yield n generated messages (seeded): word salad, random characters, long digit runs, empties."""
    rng = random.Random(seed)
    for i in range(n):
        shape = i % 6
        if shape == 0:
            text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60)))
        elif shape == 1:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 25)))
        elif shape == 2:
            text = "".join(rng.choice(WORDS) + rng.choice(("", " ", "\n")) for _ in range(rng.randint(1, 40)))
        elif shape == 3:
            text = "".join(rng.choice("0123456789.๐๑๒๓๔๕๖๗๘๙ ") for _ in range(rng.randint(1, max_len)))
        elif shape == 4:
            text = "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(rng.randint(0, 40)))
        else:
            lines = [
                f"{rng.randint(-3, 14)}\t{rng.choice(WORDS)}\t{rng.uniform(-20, 140):.{rng.randint(0, 3)}f}"
            ]
            lines += [rng.choice(WORDS) for _ in range(rng.randint(0, 8))]
            text = "\n".join(lines)
        yield text[:max_len]


STATES = ("", "profile_name", "profile_type", "profile_units", "profile_year", "scores", "confirm", "drafted")


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz and print crashes and per-call CPU times."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--max-len", type=int, default=300)
    args = ap.parse_args(argv)
    from bot.dialogue.understand import understand
    from bot.ita.framework import load_framework

    fw = load_framework(REPO / "knowledge")
    times: list[float] = []
    crashes = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for i, text in enumerate(messages(args.n, args.seed, args.max_len)):
        state = STATES[i % len(STATES)]
        start = time.thread_time()
        try:
            understand(text, fw, drafted=state == "drafted", state=state)
        except Exception as exc:  # counted and shown: the run must report none
            crashes += 1
            if crashes <= 5:
                print(f"CRASH {type(exc).__name__}: {exc} on {text[:80]!r} [{state}]")
        times.append(time.thread_time() - start)
    times.sort()
    p99 = times[int(len(times) * 0.99) - 1]
    print(
        f"{args.n} messages (seed {args.seed}, up to {args.max_len} chars): crashes {crashes}; "
        f"CPU per call max {times[-1] * 1000:.1f} ms, p99 {p99 * 1000:.2f} ms, "
        f"mean {sum(times) / len(times) * 1000:.2f} ms; whole run wall {time.perf_counter() - wall0:.1f} s, "
        f"CPU {time.process_time() - cpu0:.1f} s"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
