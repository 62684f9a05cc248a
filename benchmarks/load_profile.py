"""CPU of one conversation, step by step, in one process: what a light step and a draft cost (issue 15).

Builds the app as the bot does (default engine: SQLite sessions, the embedded index, hashing
embeddings, no LLM), warms it with --warm conversations, then runs --runs more through
`dialogue.handle` directly (no channel, no pool) and prints each step's CPU seconds (p50, mean)
and the whole conversation's. `--profile FILE` writes a cProfile of the measured conversations
(read it with `python -m pstats FILE`); `--channel` adds Telegram's rendering of each reply.

    .venv/bin/python benchmarks/load_profile.py --runs 20
    .venv/bin/python benchmarks/load_profile.py --runs 20 --profile /tmp/conv.prof
"""

from __future__ import annotations

import argparse
import cProfile
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.load_telegram import HEAVY, conversation  # noqa: E402
from bot.channels.telegram import outgoing  # noqa: E402
from bot.dialogue.messages import Inbound  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.wording import CONFIRM_LABEL  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warm", type=int, default=3)
    parser.add_argument("--profile", type=Path, default=None)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args(argv)
    from bot.app import build
    from bot.offline import configure_offline

    data_dir = Path(tempfile.mkdtemp(prefix="ita-load-profile-"))
    configure_offline(data_dir)
    settings = Settings(
        _env_file=None,
        data_dir=data_dir,
        database_url=args.database_url,
        llm_model="",
        embedding="hashing",
        heavy_workers=0,
    )
    app = build(settings)
    dialogue = app.dialogue
    steps = conversation(0)
    cpu: dict[int, list[float]] = {n: [] for n in range(len(steps))}
    profiler = cProfile.Profile(time.process_time) if args.profile else None
    for run in range(args.warm + args.runs):
        user = str(8_000_000 + run)
        measured = run >= args.warm
        if measured and profiler is not None:
            profiler.enable()
        for n, (action, value) in enumerate(steps):
            if action == "press":
                value = CONFIRM_LABEL  # the button's payload
            inbound = Inbound(
                channel="telegram",
                user_id=user,
                chat_id=user,
                text=value,
                kind="choice" if action == "press" else "text",
                choice=value if action == "press" else "",
            )
            t0 = time.process_time()
            outgoing(dialogue.handle(inbound))
            if measured:
                cpu[n].append(time.process_time() - t0)
        if measured and profiler is not None:
            profiler.disable()
    if profiler is not None:
        profiler.dump_stats(args.profile)
    app.close()
    print(f"\n### CPU of one conversation, in-process, {args.runs} runs after {args.warm} warm\n")
    print("| step | CPU p50 | CPU mean |\n|---|---|---|")
    for n, (action, value) in enumerate(steps):
        label = value.split("\n")[0][:24] + (" …" if "\n" in value else "")
        kind = "heavy" if value in HEAVY else "light"
        median, mean = statistics.median(cpu[n]), statistics.fmean(cpu[n])
        print(f"| {n + 1}. {action} {label} ({kind}) | {1000 * median:.1f} ms | {1000 * mean:.1f} ms |")
    light = sum(statistics.fmean(cpu[n]) for n, (_, v) in enumerate(steps) if v not in HEAVY)
    heavy = sum(statistics.fmean(cpu[n]) for n, (_, v) in enumerate(steps) if v in HEAVY)
    print(f"| whole conversation | | {light + heavy:.3f} s (light {light:.3f} s, heavy {heavy:.3f} s) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
