#!/usr/bin/env python3
"""Index the built-in ITA knowledge and any past analyses into the Chroma index.

    python ingest.py [FILE_OR_FOLDER ...] [--rebuild]

Files may be .txt, .md, .docx or .pdf. Re-running adds no duplicates; a
changed file replaces its old passages; a file a killed run left incomplete is
completed. Limits (INGEST_MAX_FILE_MB, INGEST_MAX_UNPACKED_MB, INGEST_MAX_CHARS,
INGEST_MAX_CHUNKS) refuse a file with a message naming it and the limit.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from bot import wording
from bot.app import boot
from bot.search.documents import Limits
from bot.search.ingest import ingest
from bot.settings import Settings


def main(argv: list[str] | None = None) -> int:
    """Run the ingest and print counts; exit 1 if any file could not be read."""
    parser = argparse.ArgumentParser(description=wording.CLI_INGEST_DESCRIPTION)
    parser.add_argument("paths", nargs="*", type=Path, help=wording.CLI_INGEST_PATHS_HELP)
    parser.add_argument("--rebuild", action="store_true", help=wording.CLI_INGEST_REBUILD_HELP)
    parser.add_argument("--quiet", action="store_true", help=wording.CLI_INGEST_QUIET_HELP)
    args = parser.parse_args(argv)

    settings = Settings()
    if args.rebuild and settings.chroma_dir().exists():
        shutil.rmtree(settings.chroma_dir())
    app = boot(settings, ensure=False)  # the ingest below indexes the built-in knowledge too
    index = app.knowledge.index
    limits = Limits(
        file_bytes=int(settings.ingest_max_file_mb * 1024 * 1024),
        unpacked_bytes=int(settings.ingest_max_unpacked_mb * 1024 * 1024),
        chars=settings.ingest_max_chars,
        chunks=settings.ingest_max_chunks,
    )
    try:
        report = ingest(
            index,
            app.framework,
            app.playbook,
            args.paths,
            progress=not args.quiet,
            limits=limits,
            lexical=app.knowledge.lexical,  # LEXICAL_STORE=postgres: copied here, found by every instance
        )
    finally:
        if app.knowledge.lexical is not None:
            app.knowledge.lexical.close()
    print(report.summary_th(index.count()))
    if report.chars and report.seconds:
        print(wording.CLI_INGEST_SPEED.format(per_second=report.chars / report.seconds))
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
