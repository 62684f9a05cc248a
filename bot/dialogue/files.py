"""Turn a draft into Documents for the officer: measure table (Word/Excel), chart, round reports.

The exporters are injected (any object with render_docx, render_xlsx,
render_chart, render_report_docx); the default imports bot.export lazily so
the dialogue starts even while an exporter's heavy libraries load.
"""

from __future__ import annotations

import logging

from bot.dialogue import render as say
from bot.dialogue.messages import Document
from bot.dialogue.states import Turn
from bot.drafting.edits import draft_fiscal_year
from bot.ita.framework import Framework
from bot.ita.measures import Draft

log = logging.getLogger(__name__)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG = "image/png"

_KINDS = {  # what the officer may ask for -> which files
    "docx": ("docx",),
    "word": ("docx",),
    "เวิร์ด": ("docx",),
    "xlsx": ("xlsx",),
    "excel": ("xlsx",),
    "เอ็กเซล": ("xlsx",),
    "png": ("png",),
    "chart": ("png",),
    "กราฟ": ("png",),
    "แผนภูมิ": ("png",),
}


class DefaultExports:
    """The bot.export renderers, imported on first use."""

    def __init__(self, framework: Framework) -> None:
        self.framework = framework

    def render_docx(self, draft: Draft, chart_png: bytes | None = None) -> bytes:
        from bot.export.docx import render_docx

        return render_docx(draft, self.framework, chart_png)

    def render_xlsx(self, draft: Draft) -> bytes:
        from bot.export.xlsx import render_xlsx

        return render_xlsx(draft, self.framework)

    def render_chart(self, draft: Draft) -> bytes:
        from bot.export.chart import render_chart

        return render_chart(draft, self.framework)

    def render_report_docx(self, draft: Draft, round_months: int) -> bytes:
        from bot.export.report import render_report_docx

        return render_report_docx(draft, self.framework, round_months)


def _kinds(args: str) -> tuple[str, ...]:
    words = args.replace(",", " ").split()
    picked = [k for w in words for k in _KINDS.get(w, ())]
    return tuple(dict.fromkeys(picked)) or ("docx", "xlsx", "png")


def export_documents(exports, turn: Turn, draft: Draft, args: str) -> None:
    """Render the requested files (default: Word, Excel and chart) into the reply."""
    fy = draft_fiscal_year(draft) or "draft"
    kinds = _kinds(args)
    chart = None
    failed = []
    if "png" in kinds or "docx" in kinds:
        try:
            chart = exports.render_chart(draft)
        except Exception as exc:  # a chart is a nicety: the table still goes out without it
            log.warning("chart rendering failed (%s)", type(exc).__name__)
            failed.append("กราฟ")
    jobs = {
        "docx": lambda: Document(
            f"ita-measures-{fy}.docx", exports.render_docx(draft, chart), DOCX, "ตารางมาตรการ (Word) แก้ไขต่อได้"
        ),
        "xlsx": lambda: Document(
            f"ita-measures-{fy}.xlsx", exports.render_xlsx(draft), XLSX, "ตารางมาตรการ (Excel) ใช้ติดตามผล"
        ),
        "png": lambda: Document(f"ita-chart-{fy}.png", chart, PNG, "กราฟคะแนนรายตัวชี้วัด") if chart else None,
    }
    names = {"docx": "Word", "xlsx": "Excel", "png": "กราฟ"}
    for kind in kinds:
        try:
            doc = jobs[kind]()
        except Exception as exc:
            log.warning("%s export failed (%s)", kind, type(exc).__name__)
            failed.append(names[kind])
            continue
        if doc is not None:
            turn.reply.documents.append(doc)
    turn.reply.slow = True
    if turn.reply.documents:
        turn.say(
            "ไฟล์ร่างมาตรการ: "
            + ", ".join(d.filename for d in turn.reply.documents)
            + "\nหากแก้ร่างในแชตต่อ พิมพ์ /export อีกครั้งเพื่อรับไฟล์ฉบับล่าสุด"
        )
    if failed:
        turn.say(
            "ขออภัย สร้างไฟล์ " + ", ".join(dict.fromkeys(failed)) + " ไม่สำเร็จ ร่างของท่านยังอยู่ครบ "
            'กรุณาพิมพ์ /export อีกครั้ง หรือเลือกเฉพาะไฟล์ เช่น "/export xlsx"'
        )
    turn.reply.choices = say.export_choices()


def report_documents(exports, turn: Turn, draft: Draft, months: list[int]) -> None:
    """Render the 6- and/or 12-month progress report forms into the reply."""
    fy = draft_fiscal_year(draft) or "draft"
    for m in months:
        try:
            content = exports.render_report_docx(draft, m)
        except Exception as exc:
            log.warning("report export failed (%s)", type(exc).__name__)
            turn.say(f'ขออภัย สร้างแบบรายงานรอบ {m} เดือนไม่สำเร็จ ร่างของท่านยังอยู่ครบ กรุณาพิมพ์ "/report {m}" อีกครั้ง')
            continue
        turn.reply.documents.append(
            Document(
                f"ita-report-{m}m-{fy}.docx", content, DOCX, f"แบบรายงานผลการดำเนินการตามมาตรการ รอบ {m} เดือน"
            )
        )
    turn.reply.slow = True
    if turn.reply.documents:
        turn.say("แบบรายงานผลการดำเนินการตามมาตรการ: " + ", ".join(d.filename for d in turn.reply.documents))
