"""Commands of the dialogue, with Thai and English aliases, as a table of handlers.

Every command works in every state. Slash commands may carry arguments; a
Thai alias is a command only when it is the whole message (or, for the few
commands that take arguments, is followed by them), so that ordinary Thai
sentences that happen to start with "ร่าง" or "รายงาน" are not taken as orders.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from bot.dialogue import render as say
from bot.dialogue.states import PROFILE_STATES, State, Turn
from bot.thai import THAI_DIGITS

_DIGITS = str.maketrans(THAI_DIGITS, "0123456789")


class Command(enum.Enum):
    START = "start"
    HELP = "help"
    NEW = "new"
    PROFILE = "profile"
    SCORES = "scores"
    DRAFT = "draft"
    EXPORT = "export"
    REPORT = "report"
    THRESHOLD = "threshold"
    CANCEL = "cancel"
    ASK = "ask"


# (command, Thai/English words, Thai words may be followed by arguments)
ALIASES: tuple[tuple[Command, tuple[str, ...], bool], ...] = (
    (Command.START, ("เริ่ม", "start"), False),
    (Command.HELP, ("ช่วยเหลือ", "วิธีใช้", "help"), False),
    (Command.NEW, ("เริ่มใหม่",), False),
    (Command.PROFILE, ("ข้อมูลหน่วยงาน",), False),
    (Command.SCORES, ("คะแนน",), True),
    (Command.DRAFT, ("ร่าง", "ร่างมาตรการ", "ร่างใหม่ทั้งหมด"), False),
    (Command.EXPORT, ("ดาวน์โหลด",), True),
    (Command.REPORT, ("รายงาน", "แบบรายงานผล"), True),
    (Command.THRESHOLD, ("เกณฑ์",), True),
    (Command.CANCEL, ("ยกเลิก", "cancel"), False),
    (Command.ASK, ("ถาม",), True),
)


def parse_command(text: str) -> tuple[Command, str] | None:
    """Return (command, arguments) if the message is a command, else None."""
    stripped = text.strip()
    if stripped.startswith("/"):
        head, _, args = stripped[1:].partition(" ")
        head, _, rest = head.partition("\n")
        name = head.split("@", 1)[0].lower()  # Telegram groups send "/start@SomeBot"
        args = "\n".join(x for x in (rest, args) if x).strip()
        return next(((c, args) for c in Command if c.value == name), None)
    lowered = stripped.lower()
    for command, words, takes_args in ALIASES:
        for word in sorted(words, key=len, reverse=True):
            if lowered == word:
                return command, ""
            if takes_args and lowered.startswith(word) and lowered[len(word) : len(word) + 1] in (" ", "\n"):
                rest = stripped[len(word) :].strip()
                # "รายงานผลต้องส่งเมื่อไร?" is a question, not /report.
                if command in (Command.EXPORT, Command.REPORT) and (len(rest) > 40 or "?" in rest):
                    return None
                return command, rest
    return None


# ---------------------------------------------------------------- handlers
def _start(d, turn: Turn, args: str) -> None:
    session = turn.session
    turn.say(say.WELCOME)
    state = State(session.state)
    if state in PROFILE_STATES:
        d.ask_profile_step(turn, state)
    elif state is State.SCORES:
        turn.say(say.ASK_SCORES)
        scores = d.scores(session)
        if scores is not None:
            turn.say(d.missing_text(scores))
    elif state is State.CONFIRM:
        d.show_confirmation(turn)
    else:
        d.show_draft(turn, d.draft(session))


def _help(d, turn: Turn, args: str) -> None:
    turn.say(say.HELP, d._prompt_hint(turn.session))


def _new(d, turn: Turn, args: str) -> None:
    s = turn.session
    s.profile, s.scores, s.thresholds, s.draft, s.extra = {}, None, None, None, {}
    s.state = State.PROFILE_NAME.value
    turn.say("ล้างข้อมูลเดิมของท่านแล้ว เริ่มต้นใหม่ได้เลย", say.ASK_NAME)


def _profile(d, turn: Turn, args: str) -> None:
    session = turn.session
    profile = d.profile(session)
    turn.say(say.profile_text(profile, d.type_name(profile)))
    if State(session.state) not in PROFILE_STATES:
        session.extra["resume"] = session.state
    turn.say('แก้ได้ทีละขั้นตอน กดปุ่ม "ใช้ตามนี้" เพื่อคงค่าเดิม หรือพิมพ์ /cancel เพื่อกลับไปขั้นตอนเดิม')
    session.state = d.ask_profile_step(turn, State.PROFILE_NAME).value


def _scores(d, turn: Turn, args: str) -> None:
    session = turn.session
    state = State(session.state)
    # A Thai "คะแนน ..." message is itself a score table: hand all of it to the parser.
    text = turn.text if not turn.text.startswith("/") else args
    if state in PROFILE_STATES or not d.profile_complete(session):
        if args:
            turn.text = text
            d._stash_scores(turn)
        turn.say("กรุณากรอกข้อมูลหน่วยงานให้ครบก่อน", d._prompt_hint(session))
        return
    if args:
        turn.text = text
        session.state = d.states[State.SCORES](turn).value
        return
    scores = d.scores(session)
    turn.say(say.ASK_SCORES, d.missing_text(scores) if scores is not None else "")
    session.state = State.SCORES.value


def _draft(d, turn: Turn, args: str) -> None:
    session = turn.session
    if not d.profile_complete(session):
        turn.say("ยังร่างไม่ได้ เพราะข้อมูลหน่วยงานยังไม่ครบ", d._prompt_hint(session))
        return
    scores = d.scores(session)
    if scores is None or scores.missing_indicators(d.fw.indicator_numbers):
        if scores is not None:
            turn.say("ยังร่างไม่ได้ เพราะคะแนนยังไม่ครบ", d.missing_text(scores))
        else:
            turn.say("ยังร่างไม่ได้ เพราะยังไม่มีคะแนน", say.ASK_SCORES)
        session.state = State.SCORES.value
        return
    session.extra.pop("resume", None)
    session.state = d.make_draft(turn).value


def _export(d, turn: Turn, args: str) -> None:
    from bot.dialogue.files import export_documents

    draft = d.draft(turn.session)
    if draft is None:
        turn.say(say.NO_DRAFT, d._prompt_hint(turn.session))
        return
    export_documents(d.exports, turn, draft, args.lower())


def _report(d, turn: Turn, args: str) -> None:
    from bot.dialogue.files import report_documents

    draft = d.draft(turn.session)
    if draft is None:
        turn.say(say.NO_DRAFT, d._prompt_hint(turn.session))
        return
    months = [m for m in (6, 12) if str(m) in args.translate(_DIGITS)] or [6, 12]
    report_documents(d.exports, turn, draft, months)


def _threshold(d, turn: Turn, args: str) -> None:
    from bot.ita.tiers import parse_thresholds

    session = turn.session
    current = d.thresholds(session)
    if not args:
        turn.say(
            say.thresholds_text(current.urgent_below, current.maintain_from),
            'ตั้งใหม่ได้ เช่น "/threshold 85/92" หรือ "เกณฑ์ 70"',
        )
        return
    parsed = parse_thresholds(args) or parse_thresholds(turn.text)
    if parsed is None:
        turn.say(
            f'ขออภัย อ่านเกณฑ์ "{args[:40]}" ไม่ออก กรุณาระบุคะแนน 0–100 เช่น "/threshold 85/92" '
            '(ต่ำกว่า 85 แก้ไขเร่งด่วน, ตั้งแต่ 92 รักษาระดับ) หรือ "เกณฑ์ 70"'
        )
        return
    session.thresholds = [parsed.urgent_below, parsed.maintain_from]
    turn.say("ตั้ง" + say.thresholds_text(parsed.urgent_below, parsed.maintain_from) + " แล้ว")
    state = State(session.state)
    if state is State.CONFIRM:
        d.show_confirmation(turn)
    elif state is State.DRAFTED:
        turn.say("พิมพ์ /draft เพื่อร่างมาตรการใหม่ตามเกณฑ์นี้ (ร่างปัจจุบันยังอยู่)")


def _cancel(d, turn: Turn, args: str) -> None:
    session = turn.session
    resume = session.extra.pop("resume", None)
    state = State(session.state)
    if resume and state in PROFILE_STATES:
        session.state = resume
        turn.say("ยกเลิกการแก้ข้อมูลหน่วยงานแล้ว ข้อมูลที่บันทึกไว้ยังอยู่", d._prompt_hint(session))
    elif state is State.CONFIRM:
        session.state = State.SCORES.value
        turn.say("ยกเลิกการยืนยันแล้ว คะแนนยังเก็บไว้ ส่งคะแนนเพิ่มหรือแก้ไขได้ แล้วพิมพ์ /draft เมื่อพร้อม")
    else:
        turn.say("ไม่มีขั้นตอนที่ต้องยกเลิก ข้อมูลของท่านยังอยู่ครบ (หากต้องการล้างทั้งหมด พิมพ์ /new)", d._prompt_hint(session))


def _ask(d, turn: Turn, args: str) -> None:
    if not args:
        turn.say('กรุณาพิมพ์คำถามต่อท้ายคำสั่ง เช่น "/ask ขอตัวอย่างมาตรการเรื่องการเปิดเผยข้อมูล O13"')
        return
    d.answer(turn, args)


COMMANDS: dict[Command, Callable] = {
    Command.START: _start,
    Command.HELP: _help,
    Command.NEW: _new,
    Command.PROFILE: _profile,
    Command.SCORES: _scores,
    Command.DRAFT: _draft,
    Command.EXPORT: _export,
    Command.REPORT: _report,
    Command.THRESHOLD: _threshold,
    Command.CANCEL: _cancel,
    Command.ASK: _ask,
}
