#!/usr/bin/env python3
"""Index the built-in ITA knowledge and any past analyses into the Chroma index.

    python ingest.py [FILE_OR_FOLDER ...] [--rebuild]

Files may be .txt, .md, .docx or .pdf. Re-running adds no duplicates; a
changed file replaces its old passages.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Run the ingest and print counts; exit 1 if any file could not be read."""
    parser = argparse.ArgumentParser(description="นำเข้าความรู้ ITA และเอกสารวิเคราะห์ย้อนหลังเข้าสู่ดัชนี")
    parser.add_argument("paths", nargs="*", type=Path, help="ไฟล์หรือโฟลเดอร์ (.txt .md .docx .pdf)")
    parser.add_argument("--rebuild", action="store_true", help="ลบดัชนีเดิมแล้วสร้างใหม่")
    parser.add_argument("--quiet", action="store_true", help="ไม่แสดงแถบความคืบหน้า")
    args = parser.parse_args(argv)

    from bot.offline import configure_offline
    from bot.settings import Settings

    settings = Settings()
    configure_offline(settings.data_dir)
    if args.rebuild and settings.chroma_dir().exists():
        shutil.rmtree(settings.chroma_dir())

    from bot.app import build_knowledge

    kb = build_knowledge(settings)
    from bot.search.ingest import ingest

    report = ingest(kb.index, kb.framework, kb.playbook, args.paths, progress=not args.quiet)
    print(report.summary_th(kb.index.count()))
    if report.chars and report.seconds:
        print(f"ความเร็ว {report.chars / report.seconds:,.0f} ตัวอักษร/วินาที")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
