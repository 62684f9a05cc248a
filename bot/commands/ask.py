"""python -m bot ask "<คำถาม>" [--json] [-k N] — quote the best passages with sources."""

from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str]) -> int:
    """Answer one question from the knowledge base; build the index first if there is none."""
    parser = argparse.ArgumentParser(
        prog="python -m bot ask", description="ค้นข้อความจากฐานความรู้ ITA พร้อมแหล่งอ้างอิง"
    )
    parser.add_argument("question", help="คำถามภาษาไทย")
    parser.add_argument("--json", action="store_true", help="พิมพ์ผลเป็น JSON")
    parser.add_argument("-k", type=int, default=5, help="จำนวนข้อความที่ต้องการ (ค่าเริ่มต้น 5)")
    parser.add_argument("--indicator", type=int, help="กรองเฉพาะตัวชี้วัด")
    parser.add_argument("--item", help="กรองเฉพาะรหัสข้อ เช่น O13")
    parser.add_argument("--year", type=int, help="กรองเฉพาะปี พ.ศ.")
    parser.add_argument(
        "--kind",
        help="กรองชนิดข้อความ: recommendation, framework, oit_item, playbook, measure_table, score_table, analysis",
    )
    args = parser.parse_args(argv)
    if not args.question.strip():
        print('กรุณาพิมพ์คำถาม เช่น python -m bot ask "ขอตัวอย่างมาตรการเรื่องการเปิดเผยข้อมูล O13"', file=sys.stderr)
        return 2

    from bot.offline import configure_offline
    from bot.settings import Settings

    settings = Settings()
    configure_offline(settings.data_dir)
    from bot.app import build_knowledge, ensure_index

    kb = build_knowledge(settings)
    if ensure_index(kb):
        print("สร้างหรือปรับปรุงดัชนีความรู้ในตัวระบบเรียบร้อย", file=sys.stderr)
    filters = dict(indicator=args.indicator, item=args.item, year=args.year, kind=args.kind)
    if args.json:
        passages = kb.retriever.search(args.question, k=args.k, **filters)
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
    from bot.search.answers import answer_question

    if any(filters.values()):
        passages = kb.retriever.search(args.question, k=args.k, **filters)
        for n, p in enumerate(passages, 1):
            print(f"[{n}] ({p.score:.2f}) {p.source}\n{p.text}\n")
        return 0
    print(answer_question(args.question, kb.retriever, kb.framework, k=args.k).text)
    return 0
