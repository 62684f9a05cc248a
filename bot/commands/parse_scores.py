"""python -m bot parse-scores [--year N] [--json] < message.txt — show what the parser reads."""

from __future__ import annotations

import argparse
import json
import sys

from bot.ita.framework import load_framework
from bot.ita.tiers import Thresholds, confirmation_summary
from bot.scores import parse_scores
from bot.settings import Settings


def main(argv: list[str]) -> int:
    """Parse stdin as one chat message; print the scores (exit 0) or the Thai error (exit 2)."""
    ap = argparse.ArgumentParser(prog="python -m bot parse-scores")
    ap.add_argument("--year", type=int, default=None, help="assessment year (B.E.), e.g. 2568")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    settings = Settings()
    fw = load_framework(settings.knowledge_dir)
    text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    result = parse_scores(text, fw, year=args.year)
    if result.error:
        if args.json:
            print(json.dumps({"error": result.error}, ensure_ascii=False))
        else:
            print(result.error)
        return 2
    if args.json:
        out = result.scores.to_json()
        out["missing"] = result.missing
        out["warnings"] = result.warnings
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    thresholds = Thresholds(settings.tier_urgent_below, settings.tier_maintain_from)
    print(confirmation_summary(result.scores, fw, thresholds))
    for w in result.warnings:
        print(f"ข้อสังเกต: {w}")
    return 0
