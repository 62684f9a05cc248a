"""Read an officer's message once: a command, a draft edit, a question, scores, an answer, or small talk?

`understand` runs every parser the conversation may need exactly once and
returns a typed `Parsed`: its kind, what was read, and how sure the reading is
(`confidence`, and `unsure` naming what must be asked before anything is
applied); the handlers take what they need from it instead of parsing the text
again. Questions are recognised by their form (why/what/how words, "ไหม" and its
spellings, requests for wording or examples, English questions), with or
without a question mark. Commands come with Thai and English aliases: a Thai
alias is a command only when it is the whole message (or, for the few commands
that take arguments, is followed by them), so that ordinary Thai sentences that
happen to start with "ร่าง" or "รายงาน" are not taken as orders.
"""

from __future__ import annotations

import enum
import logging
import re
from dataclasses import dataclass, replace

from bot.dialogue.command_words import Command, is_confirm, is_keep, parse_command
from bot.drafting.edit_text import ZERO_WIDTH
from bot.drafting.edits import EditCommand, EditError, parse_edit
from bot.ita.framework import Framework
from bot.scores import ParseResult, ScoreSet, has_number, parse_correction, parse_scores
from bot.thai import to_arabic

log = logging.getLogger(__name__)
GREETING = re.compile(r"^(?:สวัสดี|หวัดดี|ดีครับ|ดีค่ะ|ดีคะ|ดีจ้า|hello|hi\b|hey\b|good (?:morning|afternoon))", re.I)
_THANKS = re.compile(r"^(?:ขอบคุณ|ขอบใจ|thank)", re.I)
# Only a short "thank you" is small talk; a longer message that opens with thanks carries content.
THANKS_MAX_CHARS = 40


def looks_like_question(text: str) -> bool:
    """Tell whether a message reads as a question: a question word or ending, a request, or English."""
    return question_cue(text) > 0


class Kind(enum.Enum):
    """What a message is, in the order the conversation looks: the first that fits wins."""

    COMMAND = "command"
    EDIT = "edit"  # only once a draft exists
    QUESTION = "question"  # reads as a question and carries no scores
    SMALL_TALK = "small_talk"  # a greeting, thanks, an emoji: answered, then the step is said again
    CORRECTION = "correction"  # "แก้ตัวชี้วัด 7 เป็น 61.5"
    SCORES = "scores"
    ANSWER = "answer"  # a reply to the step in hand: a profile answer, yes/no, "ยืนยัน"
    OTHER = "other"  # none of these: the step's handler says what it needs


# Unsure readings, named so that the dialogue asks the one right short question.
UNSURE_SCORE_WARNINGS = "score_warnings"  # scores read, but the parser has doubts (warnings, error, unsure)
UNSURE_QUESTION = "question_form"  # reads as a question only from a weak cue (a request form)

# Thai question words and endings (with the spellings officers type).
_QUESTION_WORDS = re.compile(
    r"[?？]|ทำไม|อะไร(?!สัก|ก็ได้|ก็ตาม)|อย่างไร|ยังไง|แบบไหน|อันไหน|ตรงไหน|ที่ไหน|วันไหน|ข้อไหน|ตัวไหน|ใคร|"
    r"เมื่อไร|เมื่อไหร่|เท่าไร|เท่าไหร่|กี่(?:คะแนน|ข้อ|วัน|เดือน|ปี|ตัว|ครั้ง|แถว|มาตรการ|ระดับ)|"
    r"ไหม|มั้ย|มั๊ย|มั๋ย|หรือไม่|หรือเปล่า|รึเปล่า|รึป่าว|หรือป่าว|ใช่ป่ะ|ได้บ้าง|บ้างไหม|"
    r"หมายถึง|หมายความว่า|ต่างกัน|แตกต่างกัน|"
    # "กองไหนดี", "แบบไหนครับ": "ไหน" closing the sentence asks which
    r"ไหน(?=\s*(?:ดี|บ้าง)?\s*(?:ครับผม|ครับ|คะ|ค่ะ|นะ|จ๊ะ)*\s*[?？]?\s*$)|"
    # spoken question endings: "ถูกแล้วเหรอคะ", "ใช้ได้ป่ะ", "จริงหรอ"
    r"(?:เหรอ|หรอ|ป่ะ|ปะ|ป่าว|มะ)(?=\s*(?:ครับผม|ครับ|คะ|ค่ะ|นะ|จ๊ะ)*\s*[?？]?\s*$)"
)
# Requests for wording, examples, advice or explanation: questions without a question word.
_REQUEST = re.compile(
    r"^(?:ขอ(?:ตัวอย่าง|ถ้อยคำ|ข้อความ|คำแนะนำ|แนวทาง|คำอธิบาย|วิธี|ไอเดีย|ความรู้|คำปรึกษา|รายละเอียด)|"
    r"ช่วย(?:เขียน|ร่าง|แนะนำ|อธิบาย|บอก|คิด|ยกตัวอย่าง|หา|เรียบเรียง)|แนะนำ|อธิบาย|"
    r"อยาก(?:ทราบ|รู้|ได้ตัวอย่าง|ได้ถ้อยคำ|ได้คำแนะนำ)|สงสัย|วิธี|ควร|(?:ขอ(?:อนุญาต)?)?(?:สอบถาม|ปรึกษา)|ขอถาม)"
)
# A request for wording, examples or advice: a question even when it names a score ("ขอถ้อยคำสำหรับ
# ตัวชี้วัดที่ 9 ที่ได้ 72 คะแนน"); a request to draft ("ช่วยร่างมาตรการให้หน่อย ตัวชี้วัด 9 ได้ 72") is not one.
_ASKS_FOR = re.compile(
    r"^(?:(?:ขอ)?รบกวน|กรุณา)?\s*+(?:ขอ(?:ตัวอย่าง|ถ้อยคำ|ข้อความ|คำแนะนำ|แนวทาง|คำอธิบาย|วิธี|ไอเดีย)|"
    r"(?:ช่วย)?(?:แนะนำ|อธิบาย|ยกตัวอย่าง)|อยาก(?:ทราบ|รู้|ได้ตัวอย่าง|ได้ถ้อยคำ|ได้คำแนะนำ)|"
    r"(?:please\s+)?(?:suggest|explain|give me (?:an? )?(?:example|wording)))",
    re.I,
)
# A question's ending (or opening "ทำไม"): strong enough to beat an edit that could not be read.
_QUESTION_ENDING = re.compile(
    r"^ทำไม|(?:[?？]|ไหม|มั้ย|มั๊ย|หรือไม่|หรือเปล่า|รึเปล่า|ยังไง|อย่างไร|เท่าไร|เท่าไหร่|อะไร|บ้าง|เหรอ|หรอ|ป่ะ|ป่าว)"
    r"\s*(?:ครับผม|ครับ|คะ|ค่ะ|นะ|จ๊ะ|ดี)*\s*[?？]?\s*$"
)
_ENGLISH_QUESTION = re.compile(
    r"^(?:please\s+)?(?:how|what|why|when|where|who|which|can|could|should|would|is|are|do|does|did|may|will|"
    r"explain|tell me|give me|show me|help me|i (?:want|need) to know|any (?:tips|advice|examples?))\b",
    re.I,
)
# Acknowledgements and laughter: small talk when they are the whole message.
_ACK = re.compile(
    r"^(?:ดี|ดีมาก|เยี่ยม|เยี่ยมมาก|สุดยอด|เก่งมาก|รับทราบ|ทราบแล้ว|great|nice|cool|good|5{3,}|ฮ่า+|อิอิ|lol)$",
    re.I,
)
# A remark that closes with thanks ("เดี๋ยวดาวน์โหลดไปเสนอผู้บริหารก่อนนะคะ ขอบคุณค่ะ") is thanks.
_THANKS_END = re.compile(r"(?:ขอบคุณ|ขอบใจ|thanks?)(?:มาก|ครับผม|ครับ|ค่ะ|คะ|นะ|จ้า|you|\s|[!.🙏])*$", re.I)
THANKS_END_MAX_CHARS = 80
# An acknowledgement, then a short remark: "รับทราบค่ะ เดี๋ยวลองแก้ดู", "โอเคครับ เข้าใจแล้ว".
_ACK_LEAD = re.compile(
    r"^(?:รับทราบ|โอเค|ok(?:ay)?|เข้าใจแล้ว|ได้เลย|เยี่ยม(?:มาก)?)(?:ครับผม|ครับ|ค่ะ|คะ|จ้า|นะ)*\s+(?P<rest>.+)$", re.I
)
ACK_REST_MAX_CHARS = 30
# A remark that puts something off: "เดี๋ยวค่อยดาวน์โหลดนะคะ", "ไว้ค่อยแก้ทีหลัง".
_LATER = re.compile(r"^(?:เดี๋ยว|ไว้)(?:ค่อย|จะ|ขอ)?[^\d?？]{0,30}$")
# A short remark that ends in praise ("ไฟล์ word สวยมากค่ะ", "มาตรการแถว 3 ดีมากเลย") is an acknowledgement.
_PRAISE_END = re.compile(
    r"(?:(?:^|\s)(?:ดีมาก|สวยมาก|สวย|เยี่ยม|ชอบมาก|ถูกใจ|ดีเลย|ดีแล้ว|โอเคมาก)|\s(?:โอเคแล้ว|โอเค)|เรียบร้อยดี|ครบถ้วนดี|ละเอียดดี|ชัดเจนดี)"
    r"(?:มาก|เลย|ๆ|ครับผม|ครับ|ค่ะ|คะ|จ้า|นะ|\s|[!.👍🙏😊])*$"
)
PRAISE_MAX_CHARS = 50
# Polite particles and filler at the end of a short message.
_PARTICLES = re.compile(r"(?:ครับผม|ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ|นะ|น้า|มาก ?ๆ|มาก|เลย|[!.\s])+$")
# Words naming a draft row's fields: a message carrying one is about the draft, not a new score.
_EDIT_FIELD_WORDS = re.compile(
    r"ร้อยละ|เปอร์เซ็นต์|%|kpi|ผู้รับผิดชอบ|ระยะเวลา|มาตรการ|เป้าหมาย|แถว|ขั้นตอน|ความสำเร็จ|กิจกรรม",
    re.I,
)
# Words that say a number is a score: "คะแนน", or "ได้" before it ("ตัวชี้วัดที่ 3 ได้ 99.75").
_SCORE_WORDS = re.compile(r"คะแนน|score|ได้\s*\d", re.I)
# A table of this many indicator scores at the last step is a new score set, even without "คะแนน".
EXPLICIT_TABLE_INDICATORS = 3
# Commands whose words are data to set: the scores, the thresholds.
_DATA_COMMANDS = (Command.SCORES, Command.THRESHOLD)
# The steps after the profile and before the draft, where an edit of rows is answered "draft first".
# Before the plan is drafted an edit ("แถว 3 ขอให้เสร็จภายใน มี.ค. 69") is told there is no row yet,
# at the profile steps too: never read as a year, a name or a unit list.
EARLY_EDIT_STATES = ("profile_name", "profile_type", "profile_units", "profile_year", "scores", "confirm")
# Longer messages are not small talk however they start.
SMALL_TALK_MAX_CHARS = 40
_NO = re.compile(r"^(?:ไม่ใช่|ไม่ถูก|ไม่|ผิด|no\b|nope)", re.I)


@dataclass(frozen=True)
class Parsed:
    """One message, read once: its kind, everything the parsers found in it, and how sure the reading is."""

    text: str
    kind: Kind
    command: tuple[Command, str] | None = None
    edit: EditCommand | None = None
    edit_error: EditError | None = None  # an edit we recognised but cannot read: say why
    question: bool = False
    # parse_scores(text) without a year (the year only fills ScoreSet.year: see with_year); None for commands.
    scores: ParseResult | None = None
    correction: dict[int | str, float] | None = None
    small_talk: str = ""  # "greeting" | "thanks" | "ack" for SMALL_TALK
    confidence: float = 1.0  # 1.0 = read by an exact rule; lower = read from a cue that could mislead
    unsure: str = ""  # what to ask before applying (UNSURE_*); "" when nothing needs asking
    source: str = "rules"  # "rules", or "llm" for a reading the officer confirms before it is applied

    @property
    def has_scores(self) -> bool:
        """Tell whether the text carries indicator or item scores (the test of a score message)."""
        return self.scores is not None and _score_message(self.text, self.scores)


def indicator_names(fw: Framework) -> dict[str, int]:
    """The indicators' names and variants to their numbers: "มาตรการเรื่องงบประมาณ" names indicator 2."""
    return {name: ind.number for ind in fw.indicators for name in (ind.name, *ind.variants)}


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in to_arabic(text))


def _score_message(text: str, result: ParseResult) -> bool:
    """Indicator, item or overall scores: "ITA ปี 68 ได้ 87.36" is scores too (the indicators are asked for).

    The values may be digits or the number words voice typing writes ("ได้แปดสิบเก้าจุดห้า").
    """
    if not has_number(text):
        return False
    found = result.scores
    return bool(found.indicators or found.items or found.overall is not None)


def _any_scores(text: str, result: ParseResult) -> bool:
    """Scores of any kind: indicators, items, the overall, only the tool scores, or items named as failed."""
    return (
        _score_message(text, result)
        or (has_number(text) and bool(result.scores.tools))
        or bool(result.named_items)  # "ข้อ O13 O14 ยังไม่ได้เผยแพร่": kept as weak items, no score made up
    )


def read_scores(text: str, fw: Framework) -> Parsed:
    """Read a text only as scores or a score correction (the arguments of /scores)."""
    try:
        scores = parse_scores(text, fw)
        correction = parse_correction(text, fw)
    except Exception as exc:  # a parser bug must cost one unread message, never the conversation
        log.exception("score parsing failed (%s)", type(exc).__name__)
        scores, correction = ParseResult(ScoreSet()), None
    kind = Kind.CORRECTION if correction else Kind.SCORES if _any_scores(text, scores) else Kind.OTHER
    doubts = scores.warnings or scores.error or scores.unsure
    unsure = UNSURE_SCORE_WARNINGS if kind is Kind.SCORES and doubts else ""
    return Parsed(text, kind, scores=scores, correction=correction, unsure=unsure)


def bare(text: str) -> str:
    """Return a short message without its closing particles ("ยืนยันค่ะ" -> "ยืนยัน")."""
    flat = " ".join(text.split())
    return _PARTICLES.sub("", flat).strip() or flat


def question_cue(text: str) -> float:
    """Return how surely a message is a question: 0 (not one), 0.8 (a request form) .. 1 (a question word)."""
    flat = " ".join(text.split())
    if not flat:
        return 0.0
    if _QUESTION_WORDS.search(flat):
        return 1.0
    if _ENGLISH_QUESTION.match(flat):
        return 0.9
    if _REQUEST.match(flat):
        return 0.8
    return 0.0


def is_no(text: str) -> bool:
    """Tell whether the officer answers no ("ไม่ใช่ค่ะ")."""
    return bool(_NO.match(bare(text)))


def _remark(flat: str) -> str:
    """A remark that closes with thanks or praise, or opens with an acknowledgement, else "".

    A confirmation ("ถูกต้องค่ะ โอเคแล้ว") is never a remark: it answers the question in hand.
    """
    head = _THANKS_END.sub("", flat).strip() or flat  # "ยืนยันค่ะ ขอบคุณค่ะ" confirms
    if is_confirm(bare(head)) or is_keep(bare(head)):
        return ""
    if len(flat) <= THANKS_END_MAX_CHARS and _THANKS_END.search(flat) and not _has_digit(flat):
        return "thanks"
    if len(flat) <= PRAISE_MAX_CHARS and _PRAISE_END.search(flat):
        return "ack"
    if _LATER.match(flat):
        return "ack"
    lead = _ACK_LEAD.match(flat)
    if lead and len(lead.group("rest")) <= ACK_REST_MAX_CHARS and not _has_digit(flat):
        rest = lead.group("rest")
        if not (is_confirm(bare(rest)) or is_keep(bare(rest))):  # "โอเคค่ะ ถูกต้อง" still confirms
            return "ack"
    return ""


def small_talk(text: str, *, remarks: bool = True) -> str:
    """Return "greeting", "thanks" or "ack" when the whole message is small talk, else "".

    `remarks`: a remark closing with thanks or praise, or opening with an acknowledgement, counts
    too (not at a profile step, where "เทศบาลตำบลบ้านสวย" is an answer).
    """
    flat = " ".join(text.split())
    remark = _remark(flat) if remarks and flat else ""
    if remark:
        return remark
    if not flat or len(flat) > SMALL_TALK_MAX_CHARS:
        return ""
    if not any(ch.isalnum() for ch in flat):
        return "ack"  # emoji, symbols, punctuation
    core = bare(flat)
    if _has_digit(core):
        return "ack" if re.fullmatch(r"5{3,}", core) else ""  # "555" is laughter
    if GREETING.match(core) and len(core) <= SMALL_TALK_MAX_CHARS // 2:
        return "greeting"
    if _THANKS.match(core):
        return "thanks"
    if _ACK.match(core):
        return "ack"
    return ""


def _explicit_score_change(text: str, read: Parsed) -> bool:
    """At the last step a score change must say so (score words, a correction, a table) and name no row field."""
    if _EDIT_FIELD_WORDS.search(text):
        return False
    if read.kind is Kind.CORRECTION:
        return True
    found = read.scores.scores if read.scores is not None else None
    table = found is not None and len(found.indicators) >= EXPLICIT_TABLE_INDICATORS
    return bool(_SCORE_WORDS.search(text)) or table


def _asks_instead(command: tuple[Command, str], fw: Framework) -> bool:
    """Tell whether a command that sets data from its words asks a question with them instead.

    "คะแนน 72 ถือว่าต่ำมากไหมคะ" asks whether 72 is low (no score is read from it), and "เกณฑ์ 85
    ใช่ไหมคะ" asks what the threshold is: neither sets anything. "คะแนน ตัวชี้วัด 9 ได้ 70 ควรทำอะไรก่อน"
    still sends its score.
    """
    name, args = command
    if name not in _DATA_COMMANDS or question_cue(args) < 1:
        return False
    return name is not Command.SCORES or read_scores(args, fw).kind is Kind.OTHER


def understand(text: str, fw: Framework, *, drafted: bool, state: str = "") -> Parsed:
    """Classify a message once.

    `drafted`: the conversation is at its last step, where edits apply; `state`: the dialogue
    State's value, so that a reply to a profile step is read as its answer.
    """
    said, text = text, text.translate(ZERO_WIDTH)  # a copy from Word or the web: word breaks, not characters
    command = parse_command(text)
    if command is not None and not _asks_instead(command, fw):
        return Parsed(said, Kind.COMMAND, command=command)
    drafted = drafted or state == "drafted"
    edit, edit_error = None, None
    early = state in EARLY_EDIT_STATES  # "แถว 9 เสร็จภายในธันวา 68" before the plan is drafted: said, not lost
    if drafted or early:
        try:
            edit = parse_edit(text, indicator_names(fw))
        except EditError as exc:
            edit_error = exc if drafted else None
    read = read_scores(text, fw)
    if early and edit is not None and (read.kind is not Kind.OTHER or cue_of_scores(text, edit)):
        edit = None  # scores, or a score correction, at the score steps are what they say
    cue = question_cue(text)
    profile_step = state.startswith("profile_")
    chat = small_talk(text, remarks=not profile_step)
    kind, confidence = read.kind, 1.0
    if edit is not None:
        kind = Kind.EDIT  # the edit wins: "KPI ... ร้อยละ 100" is never a score
    elif drafted and kind in (Kind.SCORES, Kind.CORRECTION) and not _explicit_score_change(text, read):
        kind = Kind.QUESTION if cue else Kind.EDIT if edit_error is not None else Kind.OTHER
    elif edit_error is not None and kind is not Kind.CORRECTION and not _QUESTION_ENDING.search(text.strip()):
        kind = Kind.EDIT  # an edit we could not read: say how to write it (unless it asks something)
    elif kind is Kind.SCORES and profile_step and not read.has_scores:
        kind = Kind.ANSWER  # a year, or a name with a number, is not an overall score
    elif cue and kind not in (Kind.SCORES, Kind.CORRECTION):
        kind, confidence = Kind.QUESTION, cue
    elif kind is Kind.SCORES and _ASKS_FOR.match(" ".join(text.split())):
        kind = Kind.QUESTION  # a request for wording that names a score asks; the score stays in `scores`
    elif chat:
        kind = Kind.SMALL_TALK
    elif kind is Kind.OTHER and (
        profile_step or is_confirm(bare(text)) or is_keep(bare(text)) or is_no(text)
    ):
        kind = Kind.ANSWER
    return Parsed(
        said,
        kind,
        edit=edit,
        edit_error=edit_error,
        question=cue > 0,
        scores=read.scores,
        correction=read.correction,
        small_talk=chat if kind is Kind.SMALL_TALK else "",
        confidence=confidence,
        unsure=read.unsure if kind is Kind.SCORES else UNSURE_QUESTION if confidence < 1 else "",
    )


def cue_of_scores(text: str, edit: EditCommand) -> bool:
    """Tell whether an edit read before any draft would rather be a score ("ตัวชี้วัด 9 ... คะแนน")."""
    return edit.target == "indicator" and bool(_SCORE_WORDS.search(text))


def with_year(result: ParseResult, year: int | None) -> ParseResult:
    """Return the parse as parse_scores(text, fw, year=year) would have: the year fills ScoreSet.year."""
    if year is None:
        return result
    return replace(result, scores=result.scores.model_copy(update={"year": year}))
