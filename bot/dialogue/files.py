"""Turn a draft into Documents for the officer: measure table (Word/Excel), chart, round reports.

The exporters are injected (the Exporters port; bot.app passes bot.export.Exporters),
so this module never imports a renderer itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot import wording as w
from bot.dialogue import render as say
from bot.dialogue.context import Turn
from bot.dialogue.messages import Document
from bot.dialogue.ports import Exporters
from bot.drafting.edits import draft_fiscal_year
from bot.ita.measures import Draft

log = logging.getLogger(__name__)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG = "image/png"

_KINDS = {  # what the officer may ask for -> which files
    "docx": ("docx",),
    "word": ("docx",),
    "เวิร์ด": ("docx",),
    "เวิด": ("docx",),
    "xlsx": ("xlsx",),
    "excel": ("xlsx",),
    "เอ็กเซล": ("xlsx",),
    "เอกเซล": ("xlsx",),
    "เอ็กเซลล์": ("xlsx",),
    "เอกเซลล์": ("xlsx",),
    "เอ็กซ์เซล": ("xlsx",),
    "png": ("png",),
    "chart": ("png",),
    "กราฟ": ("png",),
    "แผนภูมิ": ("png",),
    # the officer's review copy: sources and notes, not for publishing
    "ตรวจทาน": ("review",),
    "ฉบับตรวจทาน": ("review",),
    "review": ("review",),
}


def _kinds(args: str) -> tuple[str, ...]:
    words = args.replace(",", " ").split()
    picked = [k for word in words for k in _KINDS.get(word, ())]
    return tuple(dict.fromkeys(picked)) or ("docx", "xlsx", "png")


def export_documents(exports: Exporters, turn: Turn, draft: Draft, args: str) -> None:
    """Render the requested files (default: Word, Excel and chart) into the reply."""
    fy = draft_fiscal_year(draft) or "draft"
    kinds = _kinds(args)
    chart = None
    failed: list[str] = []
    if "png" in kinds or "docx" in kinds or "review" in kinds:
        try:
            chart = exports.render_chart(draft)
        except Exception as exc:  # a chart is a nicety: the table still goes out without it
            log.warning("chart rendering failed (%s)", type(exc).__name__)
            failed.append(w.CHART)
    jobs: dict[str, Callable[[], Document | None]] = {
        "docx": lambda: Document(
            f"ita-measures-{fy}.docx", exports.render_docx(draft, chart), DOCX, w.WORD_CAPTION
        ),
        "xlsx": lambda: Document(
            f"ita-measures-{fy}.xlsx", exports.render_xlsx(draft), XLSX, w.EXCEL_CAPTION
        ),
        "png": lambda: Document(f"ita-chart-{fy}.png", chart, PNG, w.CHART_CAPTION) if chart else None,
        "review": lambda: Document(
            f"ita-measures-{fy}-review.docx",
            exports.render_docx(draft, chart, review=True),
            DOCX,
            w.REVIEW_COPY_CAPTION,
        ),
    }
    names = {"docx": "Word", "xlsx": "Excel", "png": w.CHART, "review": "Word"}
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
        turn.say(w.FILES_SENT.format(files=", ".join(d.filename for d in turn.reply.documents)))
    if failed:
        turn.say(w.FILES_FAILED.format(files=", ".join(dict.fromkeys(failed))))
    if any(d.mime == DOCX for d in turn.reply.documents):
        _say_review_notes(exports, turn, draft)
    turn.reply.choices = say.export_choices()


def _say_review_notes(exports: Exporters, turn: Turn, draft: Draft) -> None:
    """With the Word file: the short numbered list of what to check before publishing."""
    try:
        notes = exports.review_notes(draft)
    except Exception as exc:  # the files are out; the list is a help, not a condition
        log.warning("review notes failed (%s)", type(exc).__name__)
        return
    if notes:
        turn.say("\n".join([w.REVIEW_TITLE, *(f"{i}. {n}" for i, n in enumerate(notes, start=1))]))


def report_documents(exports: Exporters, turn: Turn, draft: Draft, months: list[int]) -> None:
    """Render the 6- and/or 12-month progress report forms into the reply."""
    fy = draft_fiscal_year(draft) or "draft"
    for m in months:
        try:
            content = exports.render_report_docx(draft, m)
        except Exception as exc:
            log.warning("report export failed (%s)", type(exc).__name__)
            turn.say(w.REPORT_FAILED.format(months=m))
            continue
        turn.reply.documents.append(
            Document(f"ita-report-{m}m-{fy}.docx", content, DOCX, w.REPORT_CAPTION.format(months=m))
        )
    turn.reply.slow = True
    if turn.reply.documents:
        turn.say(w.REPORTS_SENT.format(files=", ".join(d.filename for d in turn.reply.documents)))
