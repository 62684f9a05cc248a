"""python -m bot [run|ask|parse-scores|draft] ... — the command line, one parser for every command.

    python -m bot                    the bot (console chat when no channel credentials are set)
    python -m bot ask "<คำถาม>"       quote the best passages with sources
    python -m bot parse-scores       show what the score parser reads from stdin
    python -m bot draft --scores F   draft the measure plan offline (.docx/.xlsx/JSON); --layout NAME

Every command reads Settings and starts the bot with bot.app.boot(). main(argv)
returns the exit status, so tests call it in-process.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

from bot import wording
from bot.app import boot
from bot.channels import console
from bot.dialogue.data_lock import DataFolderBusy, DataFolderLock
from bot.dialogue.heavy import worker_count
from bot.dialogue.render import confirmation_summary
from bot.drafting.engine import DraftRequest
from bot.ita.framework import Framework
from bot.ita.measures import AgencyProfile
from bot.ita.tiers import parse_thresholds
from bot.scores import ScoreSet, parse_scores
from bot.search.answers import answer_question
from bot.settings import Settings

PROG = "python -m bot"
COMMANDS = ("run", "ask", "parse-scores", "draft")
HELP = ("-h", "--help", "help")
ASK_K = 5  # passages quoted by `ask` unless -k says otherwise
STDIN = "-"  # `draft --scores -` reads the scores from stdin
DEFAULT_LAYOUT = "default"  # `draft --layout`: the keys of wording.LAYOUT_LABELS (bot.export.layouts)


# ---------------------------------------------------------------------- run
def channel_runner(settings: Settings) -> str | None:
    """Return the module that serves the configured chat channels, or None for the console."""
    line = settings.line_channel_secret.get_secret_value()
    telegram = settings.telegram_bot_token.get_secret_value()
    if line or (telegram and settings.telegram_webhook_url):
        return "bot.channels.server"  # webhooks: LINE, and Telegram when a public URL is set
    if telegram:
        return "bot.channels.telegram"  # long polling
    return None


def cmd_run(args: argparse.Namespace) -> int:
    """Build the bot from settings and run the configured channel (console by default).

    With Telegram or LINE credentials in the settings the channel runners take
    over; without them the conversation runs in this terminal, or from piped
    stdin for scripted runs.
    """
    settings = Settings()
    runner = None if args.console else channel_runner(settings)
    if settings.heavy_workers < 0:  # auto: draft and render on every core when serving many officers
        settings = settings.model_copy(update={"heavy_workers": worker_count(-1) if runner else 0})
    interactive = sys.stdin.isatty()
    if interactive or runner:
        print(wording.CLI_RUN_PREPARING, file=sys.stderr)
    try:
        lock = DataFolderLock(settings.data_dir)
        lock.acquire()  # one bot per data folder (bot.dialogue.data_lock)
    except DataFolderBusy as exc:
        print(exc, file=sys.stderr)
        return 3
    with lock:
        app = boot(settings)
        try:
            if runner:
                # Imported by name: only the configured channel's SDK (telegram, linebot) is loaded.
                return int(importlib.import_module(runner).run(app) or 0)
            return console.run(app, user_id=args.user)
        finally:
            app.close()


# ---------------------------------------------------------------------- ask
def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question from the knowledge base; build the index first if there is none."""
    if not args.question.strip():
        print(wording.CLI_ASK_EMPTY, file=sys.stderr)
        return 2
    app = boot(Settings())
    if app.indexed:
        print(wording.CLI_ASK_INDEXED, file=sys.stderr)
    filters = dict(indicator=args.indicator, item=args.item, year=args.year, kind=args.kind)
    if args.json:
        passages = app.retriever.search(args.question, k=args.k, **filters)
        out = {
            "query": args.question,
            "passages": [
                {
                    "source": p.source,
                    "text": p.text,
                    "score": p.score,
                    "indicator": list(p.indicators),
                    "items": list(p.items),
                    "kind": p.kind,
                    "year": p.year,
                    "agency": p.agency,
                }
                for p in passages
            ],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if any(filters.values()):
        passages = app.retriever.search(args.question, k=args.k, **filters)
        for n, p in enumerate(passages, 1):
            print(f"[{n}] ({p.score:.2f}) {p.source}\n{p.text}\n")
        return 0
    print(
        answer_question(
            args.question, app.retriever, app.framework, k=args.k, playbook=app.playbook, writer=app.writer
        ).text
    )
    return 0


# ---------------------------------------------------------------------- parse-scores
def cmd_parse_scores(args: argparse.Namespace) -> int:
    """Parse stdin as one chat message; print the scores (exit 0) or the Thai error (exit 2)."""
    # The parser reads nothing from the index: an empty one in memory, nothing indexed.
    app = boot(Settings(), ensure=False, in_memory_index=True)
    text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    result = parse_scores(text, app.framework, year=args.year)
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
        out["previous"] = result.previous.to_json() if result.previous is not None else None
        out["fiscal_year"] = result.fiscal_year
        out["unsure"] = result.unsure
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(confirmation_summary(result.scores, app.framework, app.thresholds))
    for w in result.warnings:
        print(wording.CLI_PARSE_NOTE.format(warning=w))
    return 0


# ---------------------------------------------------------------------- draft
def _read_scores(source: str, framework: Framework, year: int | None) -> tuple[ScoreSet, str | None]:
    """Read the JSON printed by `parse-scores --json`, or parse a pasted message; return (scores, error)."""
    text = sys.stdin.read() if source == STDIN else Path(source).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if isinstance(data, dict) and "indicators" in data:
        scores = ScoreSet.from_json(data)
        if year:
            scores = scores.model_copy(update={"year": year})
        return scores, None
    result = parse_scores(text, framework, year=year)
    return result.scores, result.error


def cmd_draft(args: argparse.Namespace) -> int:
    """Draft the plan and print JSON or write .docx/.xlsx files, in the layout --layout names."""
    args.layout = (args.layout or DEFAULT_LAYOUT).strip().lower()
    if args.layout not in wording.LAYOUT_LABELS:
        names = ", ".join(wording.LAYOUT_LABELS)
        print(wording.CLI_DRAFT_UNKNOWN_LAYOUT.format(given=args.layout, names=names), file=sys.stderr)
        return 2
    settings = Settings()
    app = boot(settings)
    agency_type = app.playbook.match_agency_type(args.agency_type)
    if agency_type is None:
        names = ", ".join(t.name_th for t in app.playbook.agency_types.values())
        print(
            wording.CLI_DRAFT_UNKNOWN_AGENCY_TYPE.format(given=args.agency_type, names=names), file=sys.stderr
        )
        return 2
    scores, error = _read_scores(args.scores, app.framework, args.year)
    if error and not scores.indicators:
        print(
            json.dumps({"error": error}, ensure_ascii=False) if args.json else error,
            file=sys.stdout if args.json else sys.stderr,
        )
        return 2
    thresholds = app.thresholds
    if args.threshold:
        parsed = parse_thresholds(args.threshold)
        if parsed is None:
            print(wording.CLI_DRAFT_BAD_THRESHOLD, file=sys.stderr)
            return 2
        thresholds = parsed
    profile = AgencyProfile(
        name=args.agency_name,
        type=agency_type.key,
        units=[u.strip() for u in args.units.split(",") if u.strip()],
        assessment_year=args.year or scores.year,
        fiscal_year=args.fiscal_year,
    )
    draft = app.drafter.draft(
        DraftRequest(profile, scores, thresholds, include_maintain=not args.no_maintain)
    )
    draft = draft.model_copy(update={"layout": args.layout})
    for note in draft.notes:
        print(note, file=sys.stderr)
    exporters = app.exporters  # they draw the draft in its layout
    if args.out:
        chart = (
            exporters.render_chart(draft) if args.layout == DEFAULT_LAYOUT else None
        )  # only the default has one
        args.out.write_bytes(exporters.render_docx(draft, chart_png=chart))
        print(wording.CLI_DRAFT_SAVED_WORD.format(path=args.out), file=sys.stderr)
    if args.xlsx:
        args.xlsx.write_bytes(exporters.render_xlsx(draft))
        print(wording.CLI_DRAFT_SAVED_EXCEL.format(path=args.xlsx), file=sys.stderr)
    if args.json or not (args.out or args.xlsx):
        out = {
            "agency": draft.agency.model_dump(),
            "assessment_year": draft.assessment_year,
            "fiscal_year": draft.fiscal_year,
            "level": draft.level,
            "level_note": draft.level_note,
            "overall": draft.overall,
            "engine": draft.engine,
            "layout": draft.layout,
            "notes": draft.notes,
            "rows": [r.model_dump(exclude={"topic"}) | {"topic": r.topic} for r in draft.rows],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


# ---------------------------------------------------------------------- the parser
def parser() -> argparse.ArgumentParser:
    """Return the one parser: a sub-command per command, each with its own --help."""
    top = argparse.ArgumentParser(prog=PROG)
    commands = top.add_subparsers(dest="command", metavar="{" + ",".join(COMMANDS) + "}")

    def command(
        name: str, handler: Callable[[argparse.Namespace], int], description: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=description, description=description)
        sub.set_defaults(handler=handler)
        return sub

    p = command("run", cmd_run, wording.CLI_RUN_DESCRIPTION)
    p.add_argument("--console", action="store_true", help=wording.CLI_RUN_CONSOLE_HELP)
    p.add_argument("--user", default="officer", help=wording.CLI_RUN_USER_HELP)

    p = command("ask", cmd_ask, wording.CLI_ASK_DESCRIPTION)
    p.add_argument("question", help=wording.CLI_ASK_QUESTION_HELP)
    p.add_argument("--json", action="store_true", help=wording.CLI_JSON_HELP)
    p.add_argument("-k", type=int, default=ASK_K, help=wording.CLI_ASK_K_HELP.format(k=ASK_K))
    p.add_argument("--indicator", type=int, help=wording.CLI_ASK_INDICATOR_HELP)
    p.add_argument("--item", help=wording.CLI_ASK_ITEM_HELP)
    p.add_argument("--year", type=int, help=wording.CLI_ASK_YEAR_HELP)
    p.add_argument("--kind", help=wording.CLI_ASK_KIND_HELP)

    p = command("parse-scores", cmd_parse_scores, wording.CLI_PARSE_DESCRIPTION)
    p.add_argument("--year", type=int, default=None, help="assessment year (B.E.), e.g. 2568")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("draft", cmd_draft, wording.CLI_DRAFT_DESCRIPTION)
    p.add_argument("--scores", required=True, help=wording.CLI_DRAFT_SCORES_HELP)
    p.add_argument("--agency-type", required=True, help=wording.CLI_DRAFT_AGENCY_TYPE_HELP)
    p.add_argument("--agency-name", default="", help=wording.CLI_DRAFT_AGENCY_NAME_HELP)
    p.add_argument("--units", default="", help=wording.CLI_DRAFT_UNITS_HELP)
    p.add_argument("--year", type=int, help=wording.CLI_DRAFT_YEAR_HELP)
    p.add_argument("--fiscal-year", type=int, help=wording.CLI_DRAFT_FISCAL_YEAR_HELP)
    p.add_argument("--threshold", default="", help=wording.CLI_DRAFT_THRESHOLD_HELP)
    p.add_argument("--no-maintain", action="store_true", help=wording.CLI_DRAFT_NO_MAINTAIN_HELP)
    p.add_argument("--out", type=Path, help=wording.CLI_DRAFT_OUT_HELP)
    p.add_argument("--xlsx", type=Path, help=wording.CLI_DRAFT_XLSX_HELP)
    p.add_argument("--layout", default=DEFAULT_LAYOUT, metavar="NAME", help=wording.CLI_DRAFT_LAYOUT_HELP)
    p.epilog = _layouts_epilog()  # one layout a line, so the names and descriptions are not rewrapped
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("--json", action="store_true", help=wording.CLI_JSON_HELP)
    return top


def _layouts_epilog() -> str:
    """Return the list of layouts for `draft --help`: each name with its one-line Thai description."""
    choices = "\n".join(
        wording.CLI_DRAFT_LAYOUT_CHOICE.format(name=name, title=title, description=description)
        for name, (title, description) in wording.LAYOUT_LABELS.items()
    )
    return wording.CLI_DRAFT_LAYOUTS_EPILOG.format(choices=choices)


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status (`run` when none is named)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0].startswith("-") and args[0] not in HELP):
        args.insert(0, "run")  # `python -m bot` and `python -m bot --console` start the bot
    if args[0] == "help":
        args[0] = "--help"
    if args[0] not in COMMANDS + HELP:
        print(wording.CLI_USAGE, file=sys.stderr)
        return 2
    try:
        namespace = parser().parse_args(args)
    except SystemExit as exc:  # --help, or a usage error argparse has already printed
        return int(exc.code or 0)
    return int(namespace.handler(namespace))


if __name__ == "__main__":
    sys.exit(main())
