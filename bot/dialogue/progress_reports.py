"""The 6- and 12-month reports with the officer's progress filled in, as Word and Excel.

The records are kept in the session under PROGRESS (bot.ita.progress.Progress, by fiscal year and
round) and in the year record; bot.dialogue.progress writes them row by row, and the reports read
one round of them. The plan reported on is the draft's, or an earlier recorded plan when the
message names its fiscal year or the draft's year has not begun (bot.dialogue.year_record).
"""

from __future__ import annotations

import logging

from bot import wording as w
from bot.dialogue.context import Turn
from bot.dialogue.files import DOCX, XLSX
from bot.dialogue.messages import Document
from bot.dialogue.ports import Exporters
from bot.dialogue.year_record import PROGRESS_KEY, reporting_plan
from bot.drafting.edits import draft_fiscal_year, number_rows
from bot.ita.measures import Draft
from bot.ita.progress import Progress

log = logging.getLogger(__name__)

PROGRESS = PROGRESS_KEY  # session.extra key: the records of every year and round


def progress_of(session_extra: dict) -> Progress:
    """The session's progress records (empty if none)."""
    return Progress.from_json(session_extra.get(PROGRESS))


def report_files(exports: Exporters, turn: Turn, draft: Draft, months: list[int]) -> None:
    """The 6- and/or 12-month reports, Word and Excel, with this year's records filled in."""
    progress = progress_of(turn.session.extra)
    if draft is turn.session.draft:  # an earlier year's plan, when named or still being reported
        draft = reporting_plan(turn.session, turn.text) or draft
        if draft is not turn.session.draft:
            turn.say(w.REPORT_OF_PLAN.format(year=draft_fiscal_year(draft)))
    draft = number_rows(draft)  # the records are by the numbers the chat shows
    year = draft_fiscal_year(draft)
    fy = year or "draft"
    for m in months:
        records = progress.round(year, m)
        for kind, render, mime, caption in (
            ("docx", exports.render_report_docx, DOCX, w.REPORT_CAPTION),
            ("xlsx", exports.render_report_xlsx, XLSX, w.REPORT_XLSX_CAPTION),
        ):
            try:
                content = render(draft, m, records)
            except Exception as exc:
                log.warning("report %s export failed (%s)", kind, type(exc).__name__)
                turn.say(w.REPORT_FAILED.format(months=m))
                continue
            turn.reply.documents.append(
                Document(f"ita-report-{m}m-{fy}.{kind}", content, mime, caption.format(months=m))
            )
        filled = sum(1 for r in draft.rows if r.number in records and not records[r.number].empty)
        if filled:
            turn.say(w.REPORT_FILLED.format(filled=filled, rows=len(draft.rows), months=m))
        else:
            turn.say(w.REPORT_UNFILLED.format(months=m))
    turn.reply.slow = True
    reports = [d.filename for d in turn.reply.documents if d.filename.startswith("ita-report-")]
    if reports:
        turn.say(w.REPORTS_SENT.format(files=", ".join(reports)))
