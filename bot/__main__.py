"""python -m bot <command> — entry point.

Commands: run (default), ask, parse-scores, draft. Each lives in
bot/commands/<name>.py and exposes main(argv) -> exit status.
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "run": "bot.commands.run",
    "ask": "bot.commands.ask",
    "parse-scores": "bot.commands.parse_scores",
    "draft": "bot.commands.draft",
}


def main(argv: list[str] | None = None) -> int:
    """Dispatch to a sub-command and return its exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    name = args.pop(0) if args and not args[0].startswith("-") else "run"
    if name in ("-h", "--help", "help") or name not in COMMANDS:
        print("ใช้งาน: python -m bot [run|ask|parse-scores|draft] ...", file=sys.stderr)
        return 0 if name in ("-h", "--help", "help") else 2
    module = importlib.import_module(COMMANDS[name])
    return int(module.main(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
