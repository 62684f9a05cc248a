"""Reporting progress on the plan in chat, row by row, and the reports and reminders that follow.

"รายงานผล" (any command word of `report` without a file or round asked for) starts a walk over the
plan's rows for the current round: for each row the status (buttons), then the percentage, what
was done and the evidence links, each asked only if the officer has not already typed it
(bot.dialogue.progress_words reads every message for all four). "ข้าม" skips a question (at the
status question: the whole row, its earlier record kept), "หยุด" stops and keeps what was said.
Each answer is stored in the session at once (bot.ita.progress.Progress under PROGRESS, by fiscal
year and round), so a restart or a stop loses nothing. The 6- and 12-month reports are then drawn
from these records as Word and Excel (bot.dialogue.progress_reports); the reminder opt-in is
bot.dialogue.reminders.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from bot import wording as w
from bot.dialogue.context import Context
from bot.dialogue.messages import Choice
from bot.dialogue.progress_reports import PROGRESS, progress_of, report_files
from bot.dialogue.progress_words import ProgressReading, normalise, read_progress, row_numbers_named
from bot.dialogue.reminders import REMIND
from bot.dialogue.understand import Kind, question_cue
from bot.dialogue.year_record import plan_of, reporting_plan
from bot.drafting.edits import draft_fiscal_year, number_rows
from bot.ita.measures import Draft, MeasureRow
from bot.ita.progress import ROUNDS, STATUS_TH, RowProgress, Status
from bot.thai import to_arabic

log = logging.getLogger(__name__)

# session.extra key: the walk in progress (the records: bot.dialogue.progress_reports.PROGRESS).
WALK = "progress_walk"
FIELDS = ("status", "percent", "done", "evidence")
# A request for the report's files rather than a walk: the form, a file kind or a round with "ขอ".
_FILES_ASKED = re.compile(r"แบบ|ฟอร์ม|ไฟล์|เอกสาร|word|docx|excel|xlsx|เวิร์ด|เวิด|เอ็กเซล|เอกเซล|^ขอ|^ส่ง|^/", re.I)
_FILE_WORDS = re.compile(r"แบบ|ฟอร์ม|ไฟล์|เอกสาร|word|docx|excel|xlsx|เวิร์ด|เวิด|เอ็กเซล|เอกเซล", re.I)
_ROUND = re.compile(r"(?<!\d)(6|12)(?!\d)")
# "จะรายงานผลรอบ 6 เดือนค่ะ", "ขออัปเดตความคืบหน้าแถว 2": a wish to report that no command word caught.
_REPORT_WISH = re.compile(r"(?:รายงาน|อัปเดต|อัพเดต|อัพเดท|แจ้ง|บันทึก)\s*(?:ผล|ความคืบหน้า|ความก้าวหน้า)")
REPORT_WISH_MAX_CHARS = 60
# The month (Gregorian) from which the 12-month round is the one being reported.
TWELVE_FROM_MONTH = 7


def current_round(fiscal_year_be: int | None, today: date) -> int:
    """The round being reported on a day: 6 until June of the fiscal year, then 12."""
    if not fiscal_year_be:
        return 6
    year = fiscal_year_be - 543
    return 12 if (today.year, today.month) >= (year, TWELVE_FROM_MONTH) else 6


def summary(record: RowProgress) -> str:
    """One line for a row's record: "ดำเนินการแล้ว · ร้อยละ 100 · จัดอบรม… · หลักฐาน 1 ลิงก์"."""
    if record.empty:
        return w.PROGRESS_NOTHING
    parts = [STATUS_TH[record.status]] if record.status is not None else []
    if record.percent is not None:
        parts.append(w.PROGRESS_PERCENT.format(percent=record.percent))
    if record.done:
        parts.append(record.done if len(record.done) <= 80 else record.done[:79] + "…")
    if record.evidence:
        parts.append(w.PROGRESS_LINKS.format(count=len(record.evidence)))
    return " · ".join(parts)


# ------------------------------------------------------------------ starting
def wants_files(text: str, args: str) -> bool:
    """Tell whether a report command asks for the files ("แบบรายงานผล", "/report 6") rather than a walk."""
    flat = normalise(text).strip()
    return bool(_FILES_ASKED.search(flat)) and not (flat.startswith("/") and not args.strip())


def start(ctx: Context, args: str) -> None:
    """Begin the row-by-row report ("รายงานผล", "รายงานผลแถว 2 กับ 5", "รายงานผลรอบ 12 เดือน")."""
    plan = reporting_plan(ctx.session, f"{ctx.turn.text} {args}")  # an earlier year's, named or still due
    if plan is None or not plan.rows:
        ctx.say(w.PROGRESS_NO_DRAFT)
        return
    draft = number_rows(plan)  # deterministic: the numbers the chat shows
    if plan is ctx.session.draft:
        ctx.session.draft = draft
    else:
        ctx.say(w.REPORT_OF_PLAN.format(year=draft_fiscal_year(draft)))
    numbered = [r.number for r in draft.rows if r.number is not None]
    named = row_numbers_named(f"{ctx.turn.text} {args}")
    rows = [n for n in numbered if n in named] if named else numbered
    if not rows:
        listing = ", ".join(map(str, numbered)) or "-"
        ctx.say(w.PROGRESS_NO_ROWS.format(rows=listing, first=numbered[0] if numbered else 1))
        return
    year = draft_fiscal_year(draft)
    said = _ROUND.findall(to_arabic(f"{ctx.turn.text} {args}").replace("แถว", " แถว"))
    months = int(said[-1]) if said and not named else current_round(year, date.today())
    ctx.session.extra[WALK] = {"year": year, "months": months, "rows": rows, "at": 0, "asked": []}
    ctx.say(w.PROGRESS_START.format(months=months, year=year or "-", count=len(rows)))
    _ask_next(ctx, fresh_row=True)


def start_asked(ctx: Context) -> bool:
    """Start the walk for a short wish to report that no command word caught; False for anything else."""
    text = normalise(ctx.turn.text)
    if (
        ctx.parsed.kind in (Kind.COMMAND, Kind.QUESTION)
        or len(text) > REPORT_WISH_MAX_CHARS
        or not _REPORT_WISH.search(text)
        or question_cue(text) >= 1
        or re.search(r"ไม่|ยัง", text.split("รายงาน")[0] if "รายงาน" in text else "")
        or ctx.session.draft is None
    ):
        return False
    if _FILE_WORDS.search(text):  # "บันทึกผลเป็นไฟล์ word": the files
        report_files(
            ctx.exports, ctx.turn, ctx.session.draft, [int(m) for m in _ROUND.findall(text)] or list(ROUNDS)
        )
    else:
        start(ctx, "")
    return True


def walking(ctx: Context) -> bool:
    """Tell whether a row-by-row report is open in this session."""
    return isinstance(ctx.session.extra.get(WALK), dict)


def stop(ctx: Context) -> bool:
    """Close an open walk ("ยกเลิก" too); False when none was open."""
    walk = ctx.session.extra.pop(WALK, None)
    if not isinstance(walk, dict):
        return False
    ctx.say(w.PROGRESS_STOPPED.format(saved=_saved_count(ctx, walk)), choices=_end_choices(ctx, walk))
    return True


# ------------------------------------------------------------------ one answer
def takes(ctx: Context) -> bool:
    """Tell whether this message belongs to the open walk (commands pass unless they read as progress)."""
    if not walking(ctx):
        return False
    if ctx.parsed.kind is not Kind.COMMAND:
        return True
    reading = read_progress(ctx.turn.text)
    return reading.status is not None or reading.percent is not None or bool(reading.evidence) or reading.skip


def answer(ctx: Context) -> None:
    """Apply one message to the row being asked about, then ask the next question."""
    walk = ctx.session.extra[WALK]
    rows: list[int] = walk["rows"]
    number = rows[walk["at"]]
    asked: list[str] = walk["asked"]
    question = asked[-1] if asked else "status"
    reading = read_progress(ctx.turn.text, want_percent=question == "percent")
    if reading.stop:
        stop(ctx)
        return
    plain = reading.status is None and reading.percent is None and not reading.evidence and not reading.skip
    if question == "status" and plain and _a_question(ctx):
        ctx.answer(ctx.parsed.text, restate=False)  # "ต้องแนบหลักฐานอะไรบ้างคะ": answered, the row asked again
        _ask(ctx, walk, number, question)
        return
    progress = progress_of(ctx.session.extra)
    year, months = walk["year"], walk["months"]
    if question == "status" and reading.skip:
        ctx.say(w.PROGRESS_SKIPPED_ROW.format(number=number))
        _next_row(ctx, walk)
        return
    # a row's first answer starts its record afresh; later answers add to it
    record = progress.get(year, months, number) if walk.get("touched") else RowProgress()
    record = _merge(record, reading, question)
    progress.put(year, months, number, record)
    walk["touched"] = True
    ctx.session.extra[PROGRESS] = progress.to_json()
    if reading.bad_percent:
        ctx.say(w.PROGRESS_BAD_PERCENT.format(value=reading.bad_percent))
        return  # the same question again; anything else the message said is kept
    if question == "status" and record.status is None:
        if reading.done or reading.evidence:
            ctx.say(w.PROGRESS_NOT_READ)
        else:
            ctx.say(w.PROGRESS_NOT_READ.split(" (")[0])
        _ask(ctx, walk, number, "status")
        return
    if question == "percent" and reading.percent is None and not reading.skip and reading.done:
        ctx.say(w.PROGRESS_PERCENT_NOT_READ)
    _ask_next(ctx)


def _a_question(ctx: Context) -> bool:
    return ctx.parsed.kind is Kind.QUESTION or bool(ctx.parsed.question) or question_cue(ctx.turn.text) >= 1


def _merge(record: RowProgress, reading: ProgressReading, question: str) -> RowProgress:
    """The record with what the message said; typed text that answers nothing else is what was done."""
    data = record.model_dump()
    # a later question's answer is that answer: "ร่างเสร็จแล้ว" as work done does not change the status
    if reading.status is not None and (
        data["status"] is None or (question == "status" and not reading.implied)
    ):
        data["status"] = reading.status
    if reading.percent is not None:
        data["percent"] = reading.percent
    if reading.done:
        done = data["done"]
        data["done"] = reading.done if not done else f"{done}\n{reading.done}"
    if reading.evidence:
        data["evidence"] = list(dict.fromkeys([*data["evidence"], *reading.evidence]))[:10]
    if question == "evidence" and not reading.evidence and reading.done and not reading.skip:
        # evidence described, not linked ("ภาพถ่ายอยู่ในแฟ้มงาน"): kept as evidence, not as work done
        data["done"] = record.done
        data["evidence"] = [*data["evidence"], reading.done][:10]
    if data["status"] == Status.DONE and data["percent"] is None:
        data["percent"] = 100
    if data["status"] == Status.NOT_STARTED and data["percent"] is None:
        data["percent"] = 0
    return RowProgress.model_validate(data)


def _missing(record: RowProgress, asked: list[str]) -> str | None:
    """The next question for a row: what is neither said nor asked already."""
    if record.status is None:
        return "status"
    if record.status is Status.NOT_STARTED:
        return "done" if not record.done and "done" not in asked else None
    for name in FIELDS[1:]:
        if name in asked:
            continue
        if (name == "percent" and record.percent is None) or (
            name != "percent" and not getattr(record, name)
        ):
            return name
    return None


def _ask_next(ctx: Context, *, fresh_row: bool = False) -> None:
    walk = ctx.session.extra[WALK]
    while walk["at"] < len(walk["rows"]):
        number = walk["rows"][walk["at"]]
        record = (
            RowProgress()
            if fresh_row or not walk["asked"]
            else progress_of(ctx.session.extra).get(walk["year"], walk["months"], number)
        )
        question = _missing(record, walk["asked"]) if walk["asked"] else "status"
        if question is not None:
            _ask(ctx, walk, number, question)
            return
        ctx.say(w.PROGRESS_SAVED_ROW.format(number=number, summary=summary(record)))
        walk["at"] += 1
        walk["asked"], walk["touched"] = [], False
        fresh_row = True
    _finish(ctx, walk)


def _next_row(ctx: Context, walk: dict) -> None:
    walk["at"] += 1
    walk["asked"], walk["touched"] = [], False
    _ask_next(ctx, fresh_row=True)


def _ask(ctx: Context, walk: dict, number: int, question: str) -> None:
    if question not in walk["asked"]:
        walk["asked"].append(question)
    texts: list[str] = []
    if question == "status":
        row = _row(_walked_plan(ctx, walk["year"]), number)
        if row is not None:
            texts.append(
                w.PROGRESS_ROW.format(
                    number=number,
                    position=walk["at"] + 1,
                    count=len(walk["rows"]),
                    topic=row.topic or ctx.indicator_name(row.indicator),
                    measure=row.measure,
                )
            )
        before = progress_of(ctx.session.extra).get(walk["year"], walk["months"], number)
        if not before.empty:
            texts.append(w.PROGRESS_BEFORE.format(summary=summary(before)))
        texts.append(w.PROGRESS_ASK_STATUS)
        choices = [Choice(label, label) for label in STATUS_TH.values()]
        choices += [
            Choice(w.PROGRESS_SKIP_LABEL, w.PROGRESS_SKIP_LABEL),
            Choice(w.PROGRESS_STOP_LABEL, w.PROGRESS_STOP_LABEL),
        ]
    else:
        texts.append(
            {
                "percent": w.PROGRESS_ASK_PERCENT,
                "done": w.PROGRESS_ASK_DONE,
                "evidence": w.PROGRESS_ASK_EVIDENCE,
            }[question]
        )
        choices = [
            Choice(w.PROGRESS_SKIP_LABEL, w.PROGRESS_SKIP_LABEL),
            Choice(w.PROGRESS_STOP_LABEL, w.PROGRESS_STOP_LABEL),
        ]
    ctx.say("\n".join(texts), choices=choices)


def _walked_plan(ctx: Context, year: int | None) -> Draft | None:
    """The plan the walk reports on: the draft, or the recorded plan of the walk's fiscal year."""
    draft = ctx.session.draft
    if draft is not None and draft_fiscal_year(draft) == year:
        return draft
    found = plan_of(ctx.session, year)
    return number_rows(found) if found is not None else draft


def _row(draft: Draft | None, number: int) -> MeasureRow | None:
    return next((r for r in (draft.rows if draft else []) if r.number == number), None)


def _saved_count(ctx: Context, walk: dict) -> int:
    records = progress_of(ctx.session.extra).round(walk["year"], walk["months"])
    return sum(1 for n in walk["rows"] if n in records and not records[n].empty)


def _finish(ctx: Context, walk: dict) -> None:
    ctx.session.extra.pop(WALK, None)
    records = progress_of(ctx.session.extra).round(walk["year"], walk["months"])
    lines = [
        w.PROGRESS_SUMMARY_LINE.format(number=n, summary=summary(records.get(n, RowProgress())))
        for n in walk["rows"]
    ]
    ctx.say(
        w.PROGRESS_FINISHED.format(months=walk["months"], summary="\n".join(lines)),
        choices=_end_choices(ctx, walk),
    )


def _end_choices(ctx: Context, walk: dict) -> list[Choice]:
    months = walk["months"]
    choices = [Choice(w.PROGRESS_REPORT_LABEL.format(months=months), f"/report {months}")]
    if not (ctx.session.extra.get(REMIND) or {}).get("on"):
        choices.append(Choice(w.PROGRESS_REMIND_LABEL, w.PROGRESS_REMIND_LABEL))
    return choices


__all__ = ["PROGRESS", "WALK", "answer", "progress_of", "report_files", "start", "stop", "takes"]
