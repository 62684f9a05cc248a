"""Read an officer's message once: is it a command, a draft edit, a question, scores, or something else?

`understand` runs every parser the conversation may need exactly once and
returns a typed `Parsed`; the handlers take what they need from it instead of
parsing the text again. Commands come with Thai and English aliases: a Thai
alias is a command only when it is the whole message (or, for the few commands
that take arguments, is followed by them), so that ordinary Thai sentences that
happen to start with "ร่าง" or "รายงาน" are not taken as orders.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace

from bot.drafting.edits import EditCommand, EditError, parse_edit
from bot.ita.framework import Framework
from bot.scores import ParseResult, parse_correction, parse_scores
from bot.thai import to_arabic

_QUESTION = re.compile(r"[?？]\s*$|อย่างไร|อะไร|ขอตัวอย่าง|ควร|แนะนำ|ไหม|หรือไม่|ยังไง|เท่าไร|เมื่อไร")
GREETING = re.compile(r"^(?:สวัสดี|หวัดดี|hello|hi\b|hey\b)", re.I)
_THANKS = re.compile(r"^(?:ขอบคุณ|ขอบใจ|thank)", re.I)
# Only a short "thank you" is small talk; a longer message that opens with thanks carries content.
THANKS_MAX_CHARS = 40
# An export/report alias followed by this much text is a sentence about reports, not an order.
COMMAND_ARGS_MAX_CHARS = 40

# Words the officer may type (the buttons send the first of each).
KEEP_WORDS = ("ใช้ตามนี้", "เหมือนเดิม", "ตามนี้", "ใช้ค่าเดิม", "ok", "โอเค")
CONFIRM_WORDS = ("ยืนยัน", "ตกลง", "ถูกต้อง", "ใช่", "confirm", "yes")
CORRECT_WORDS = ("แก้ไข", "แก้", "แก้ไขคะแนน")


class Command(enum.Enum):
    """The commands; the value is the slash word ("/start")."""

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
                if command in (Command.EXPORT, Command.REPORT) and (
                    len(rest) > COMMAND_ARGS_MAX_CHARS or "?" in rest
                ):
                    return None
                return command, rest
    return None


def looks_like_question(text: str) -> bool:
    """Tell whether a message reads as a question (ends with ? or uses a Thai question word)."""
    return bool(_QUESTION.search(text))


def is_keep(text: str) -> bool:
    """Tell whether the officer keeps the value shown ("ใช้ตามนี้")."""
    return text.strip().lower() in KEEP_WORDS


def is_confirm(text: str) -> bool:
    """Tell whether the officer confirms ("ยืนยัน")."""
    return text.strip().lower() in CONFIRM_WORDS


class Kind(enum.Enum):
    """What a message is, in the order the conversation looks: the first that fits wins."""

    COMMAND = "command"
    EDIT = "edit"  # only once a draft exists
    QUESTION = "question"  # reads as a question and carries no scores
    THANKS = "thanks"
    CORRECTION = "correction"  # "แก้ตัวชี้วัด 7 เป็น 61.5"
    SCORES = "scores"
    OTHER = "other"


@dataclass(frozen=True)
class Parsed:
    """One message, read once: its kind and everything the parsers found in it."""

    text: str
    kind: Kind
    command: tuple[Command, str] | None = None
    edit: EditCommand | None = None
    edit_error: EditError | None = None  # an edit we recognised but cannot read: say why
    question: bool = False
    # parse_scores(text) without a year (the year only fills ScoreSet.year: see with_year); None for commands.
    scores: ParseResult | None = None
    correction: dict[int | str, float] | None = None

    @property
    def has_scores(self) -> bool:
        """Tell whether the text carries indicator or item scores (the test of a score message)."""
        return self.scores is not None and _score_message(self.text, self.scores)


def _score_message(text: str, result: ParseResult) -> bool:
    if not any(ch.isdigit() for ch in to_arabic(text)):
        return False
    return bool(result.scores.indicators or result.scores.items)


def read_scores(text: str, fw: Framework) -> Parsed:
    """Read a text only as scores or a score correction (the arguments of /scores)."""
    scores = parse_scores(text, fw)
    correction = parse_correction(text, fw)
    kind = Kind.CORRECTION if correction else Kind.SCORES if _score_message(text, scores) else Kind.OTHER
    return Parsed(text, kind, scores=scores, correction=correction)


def understand(text: str, fw: Framework, *, drafted: bool) -> Parsed:
    """Classify a message once; `drafted`: the conversation is at its last step, where edits apply."""
    command = parse_command(text)
    if command is not None:
        return Parsed(text, Kind.COMMAND, command=command)
    edit, edit_error = None, None
    if drafted:
        try:
            edit = parse_edit(text)
        except EditError as exc:
            edit_error = exc
    read = read_scores(text, fw)
    question = looks_like_question(text)
    kind = read.kind
    if edit is not None or edit_error is not None:
        kind = Kind.EDIT
    elif question and not read.has_scores:
        kind = Kind.QUESTION
    elif _THANKS.match(text) and len(text) < THANKS_MAX_CHARS:
        kind = Kind.THANKS
    return Parsed(
        text,
        kind,
        edit=edit,
        edit_error=edit_error,
        question=question,
        scores=read.scores,
        correction=read.correction,
    )


def with_year(result: ParseResult, year: int | None) -> ParseResult:
    """Return the parse as parse_scores(text, fw, year=year) would have: the year fills ScoreSet.year."""
    if year is None:
        return result
    return replace(result, scores=result.scores.model_copy(update={"year": year}))
