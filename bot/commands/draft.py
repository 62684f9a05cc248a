"""python -m bot draft --scores FILE|- --agency-type T [...] — draft the measure plan offline.

Accepts the JSON printed by `parse-scores --json` or a raw pasted message.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _read_scores(source: str, fw, year: int | None):
    from bot.scores import ScoreSet, parse_scores

    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if isinstance(data, dict) and "indicators" in data:
        scores = ScoreSet.from_json(data)
        if year:
            scores = scores.model_copy(update={"year": year})
        return scores, None
    result = parse_scores(text, fw, year=year)
    return result.scores, result.error


def main(argv: list[str]) -> int:
    """Draft the plan and print JSON or write .docx/.xlsx files."""
    p = argparse.ArgumentParser(
        prog="python -m bot draft", description="ร่างมาตรการส่งเสริมคุณธรรมและความโปร่งใสจากคะแนน ITA"
    )
    p.add_argument(
        "--scores", required=True, help="ไฟล์คะแนน (JSON จาก parse-scores หรือข้อความที่วาง) หรือ - สำหรับ stdin"
    )
    p.add_argument(
        "--agency-type", required=True, help="ประเภทหน่วยงาน เช่น เทศบาลตำบล, อบต., โรงเรียน, องค์การมหาชน"
    )
    p.add_argument("--agency-name", default="", help="ชื่อหน่วยงาน")
    p.add_argument("--units", default="", help='หน่วยงานภายใน คั่นด้วยจุลภาค เช่น "สำนักปลัด,กองคลัง,กองช่าง"')
    p.add_argument("--year", type=int, help="ปีที่ประเมิน (พ.ศ.) หากคะแนนไม่ได้ระบุ")
    p.add_argument("--fiscal-year", type=int, help="ปีงบประมาณที่ใช้มาตรการ (พ.ศ.) ค่าเริ่มต้น = ปีที่ประเมิน + 1")
    p.add_argument("--threshold", default="", help='เกณฑ์ระดับ เช่น "85/95" หรือ "70"')
    p.add_argument("--no-maintain", action="store_true", help="ไม่ต้องร่างแถวรักษาระดับสำหรับตัวชี้วัดที่คะแนนสูง")
    p.add_argument("--out", type=Path, help="บันทึกไฟล์ Word (.docx)")
    p.add_argument("--xlsx", type=Path, help="บันทึกไฟล์ Excel (.xlsx)")
    p.add_argument("--json", action="store_true", help="พิมพ์ผลเป็น JSON")
    args = p.parse_args(argv)

    from bot.offline import configure_offline
    from bot.settings import Settings

    settings = Settings()
    configure_offline(settings.data_dir)
    from bot.app import build_drafter, build_knowledge, ensure_index
    from bot.drafting.engine import DraftRequest
    from bot.ita.measures import AgencyProfile
    from bot.ita.tiers import Thresholds, parse_thresholds

    kb = build_knowledge(settings)
    ensure_index(kb)
    agency_type = kb.playbook.match_agency_type(args.agency_type)
    if agency_type is None:
        names = ", ".join(t.name_th for t in kb.playbook.agency_types.values())
        print(f'ไม่รู้จักประเภทหน่วยงาน "{args.agency_type}" — กรุณาระบุหนึ่งใน: {names}', file=sys.stderr)
        return 2
    scores, error = _read_scores(args.scores, kb.framework, args.year)
    if error and not scores.indicators:
        print(
            json.dumps({"error": error}, ensure_ascii=False) if args.json else error,
            file=sys.stdout if args.json else sys.stderr,
        )
        return 2
    thresholds = Thresholds(settings.tier_urgent_below, settings.tier_maintain_from)
    if args.threshold:
        parsed = parse_thresholds(args.threshold)
        if parsed is None:
            print('อ่านเกณฑ์ไม่ได้ — กรุณาระบุ เช่น "85/95" หรือ "70"', file=sys.stderr)
            return 2
        thresholds = parsed
    profile = AgencyProfile(
        name=args.agency_name,
        type=agency_type.key,
        units=[u.strip() for u in args.units.split(",") if u.strip()],
        assessment_year=args.year or scores.year,
        fiscal_year=args.fiscal_year,
    )
    drafter = build_drafter(settings, kb)
    draft = drafter.draft(DraftRequest(profile, scores, thresholds, include_maintain=not args.no_maintain))
    for note in draft.notes:
        print(note, file=sys.stderr)
    if args.out or args.xlsx:
        from bot.export.chart import render_chart
        from bot.export.docx import render_docx
        from bot.export.xlsx import render_xlsx

        if args.out:
            args.out.write_bytes(
                render_docx(draft, kb.framework, chart_png=render_chart(draft, kb.framework))
            )
            print(f"บันทึกไฟล์ Word แล้ว: {args.out}", file=sys.stderr)
        if args.xlsx:
            args.xlsx.write_bytes(render_xlsx(draft, kb.framework))
            print(f"บันทึกไฟล์ Excel แล้ว: {args.xlsx}", file=sys.stderr)
    if args.json or not (args.out or args.xlsx):
        out = {
            "agency": draft.agency.model_dump(),
            "assessment_year": draft.assessment_year,
            "fiscal_year": draft.fiscal_year,
            "level": draft.level,
            "level_note": draft.level_note,
            "overall": draft.overall,
            "engine": draft.engine,
            "notes": draft.notes,
            "rows": [r.model_dump(exclude={"topic"}) | {"topic": r.topic} for r in draft.rows],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0
