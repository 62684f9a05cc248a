"""The edit grammar: an officer's sentence about the draft -> EditCommand.

Officers do not type a fixed syntax, so a sentence is read by its parts, in any
order: a target ("แถว 3", "ตัวชี้วัดที่ 9", "ข้อ O12"), an action (a field word
with its synonyms, or a verb such as ลบ/ดู/ร่าง…ใหม่/เพิ่มแถว) and, for the
fields, a value: what is left once the target, the field word, the verbs,
connectives ("เป็น", ":", "ให้") and polite particles ("ค่ะ", "นะครับ", "หน่อย")
are cut away. Field words tolerate the usual tone-mark and vowel slips.

A sentence that only looks like an edit stays out: a question, a score
correction ("แก้ตัวชี้วัด 7 เป็น 61.5"), or a remark that names a field but no
change ("มาตรการแถว 3 ดีมาก"). Parsing is pure, so the grammar is tested as a
table (tests/test_edits_natural.py) and measured (benchmarks/edits.py).

A little over 400 lines: the one reading of a value-bearing edit (target, field, pieces, value, checks)
is kept whole here; every part that stands alone (targets, valueless verbs, part-cell changes, memo
frames, periods, slips) is in its own edit_*.py module.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot import wording
from bot.drafting.edit_changes import (
    bare_owners,
    bare_period,
    check_one_change,
    check_rest,
    has_period,
    is_abbreviation,
    part_change,
)
from bot.drafting.edit_command import (
    EXAMPLES,
    EditAction,
    EditCommand,
    EditError,
    EditGuess,
    EditTwoChanges,
    check_target,
)
from bot.drafting.edit_memo import new_of_now, reason_end, value_end, without_memo
from bot.drafting.edit_only import only_owners
from bot.drafting.edit_split import split_changes
from bot.drafting.edit_steps import named_step, step_number
from bot.drafting.edit_targets import (
    HEAD_GAP,
    INDICATOR_WORD,
    Target,
    find_target,
    measure_names_row,
    refer_back,
    row_mentioned,
    with_spaced_rows,
)
from bot.drafting.edit_text import ZERO_WIDTH, particle_words, strip_polite, tail, words
from bot.drafting.edit_typos import CLOSING_MARK, negated, probe_text
from bot.drafting.edit_valueless import FIELD, valueless
from bot.drafting.edit_words import (
    ADDED_AFTER,
    CHANGE_VERBS,
    KPI_WORDS,
    LEADING_FILLER,
    MEASURE_WORDS,
    ONE_MORE,
    OPENERS,
    PARTICLES,
    SEPARATORS,
    SEPARATORS_TH,
    STEP_WORDS,
    TIME_END_WORDS,
    UNIT_WORDS,
)
from bot.thai import to_arabic

# An edit's text goes into one table cell; longer text is a paste gone wrong, not a cell.
MAX_VALUE = 2000
# The indicators' names and variants to their numbers (from the framework), or None.
Names = Mapping[str, int] | None


def examples_th() -> str:
    """Return the edit examples as a bulleted Thai list."""
    return "\n".join(wording.EDIT_EXAMPLE_LINE.format(example=e) for e in EXAMPLES)


# ---------------------------------------------------------------- words
_CHANGE = re.compile(rf"(?:{words(*CHANGE_VERBS)})", re.I)
_LEAD = re.compile(
    rf"(?:\s|[,;\-–]|(?:{words(*OPENERS, *CHANGE_VERBS, *LEADING_FILLER)})"
    rf"(?![A-Za-z]|แต่|ม่)|(?:{words(*SEPARATORS)})(?![A-Za-z])"
    # a softener left before the value: "ใส่ผู้รับผิดชอบแถว 6 ให้หน่อย กองสาธารณสุขฯ"
    r"|(?:(?:หน่อย|ด้วย)(?:ครับผม|ครับ|ค่ะ|คะ|นะคะ|นะครับ|นะ|จ้า)?|ครับผม|ครับ|ค่ะ|คะ|นะคะ|นะครับ|จ้า)(?=\s))+",
    re.I,
)
_OPENED = re.compile(
    rf"^(?:\s|(?:{words(*OPENERS[:-3], *CHANGE_VERBS, *PARTICLES, 'เพิ่ม', *ONE_MORE, 'อีก', 'ใหม่', 'ออกไป', 'ไป', 'ทั้งหมด', 'ทั้งช่อง', 'หมด', 'เลย', 'เอา', 'หลัก', 'เดิม', 'ควรจะ', 'ควร', 'น่าจะ')})(?![A-Za-z]|ม่))*"
    rf"(?:(?:{words(*SEPARATORS_TH, 'ให้')})(?!ม่)|(?<![A-Za-z])(?:to|as|is)(?![A-Za-z])"
    # the value on the next line after the words that ask for it: "ขั้นตอนทั้งหมดขอเปลี่ยนใหม่ครับ\n1. …"
    r"|(?<=\S)[ \t]*\n(?=\s*\S))"
    # a particle before the colon: "ใช้อันนี้แทนค่ะ: …"
    rf"(?:\s*(?:{particle_words(*PARTICLES)})(?=\s*[:=]))?(?:\s*(?::|=|->|→))*",
    re.I,
)
# Before a free text (a step, a measure, a KPI) whose verb of change was said before the field, a
# verb is the text's own: "แถว 3 เพิ่มขั้นตอน ปรับปรุงเว็บไซต์", "เพิ่มขั้นตอนในแถว 9 ตั้งกล่องรับเรื่อง".
_LEAD_KEEPING_VERBS = re.compile(
    rf"(?:\s|[,;\-–]|(?:{words(*OPENERS, *LEADING_FILLER)})"
    rf"(?![A-Za-z]|แต่|ม่)|(?:{words(*SEPARATORS)})(?![A-Za-z])"
    r"|(?:(?:หน่อย|ด้วย)(?:ครับผม|ครับ|ค่ะ|คะ|นะคะ|นะครับ|นะ|จ้า)?|ครับผม|ครับ|ค่ะ|คะ|นะคะ|นะครับ|จ้า)(?=\s))+",
    re.I,
)
_FREE_TEXT = (EditAction.STEPS, EditAction.ADD_STEP, EditAction.MEASURE, EditAction.KPI)
# "ให้เป็นแบบนี้ค่ะ 1. …", "ใช้ตามนี้: …": a word pointing at the text that follows (after a particle, a
# colon, a new line or a numbered list) is no part of it; "เป็นแบบนี้ดีแล้ว" points at nothing.
_POINTER = re.compile(
    rf"(?:แบบ|อัน|ตาม|ดัง|ต่อไป)นี้(?:แทน)?(?:(?:\s*(?:{particle_words(*PARTICLES)}))+\s*[:=]?|\s*[:=]|[ \t]*(?=\n|\d{{1,2}}\s*[.)]))"
    r"\s*(?=\S)",
    re.I,
)
# A piece that says only "to have" ("อยากให้มีขั้นตอน …"): no value.
_NO_VALUE = re.compile(r"(?:ให้)?\s*(?:มี|ใส่|ทำ)")
# "ให้" opens a value only before a name ("ให้กองช่างรับผิดชอบ"); before a verb it is an opener.
_VERB_THEN_SEP = re.compile(
    rf"\s*(?:{words(*CHANGE_VERBS)})\s*(?:ให้)?\s*(?:เป็น|:|=|->|→)\s*|\s*ให้เป็น\s*", re.I
)
_NEW_LINE = re.compile(r"[ \t]*\n\s*\S")
_BY_HAI = re.compile(r"^\s*ให้(?!\s*เป็น)")
# Connectives left at the end of a value: only as words of their own ("… ที่", not "พื้นที่").
_TRAIL_WORDS = re.compile(rf"(?:{particle_words(*PARTICLES)}|(?<!\S)(?:เป็น|ให้|ของ|ใน|ที่)|[,;:=])$", re.I)

_DEADLINE = re.compile(words(*TIME_END_WORDS), re.I)
_UNIT = re.compile(rf"(?:{words(*UNIT_WORDS)})", re.I)
_ADD = re.compile(r"เพิ่ม(?:เติม)?(?:อีก)?|(?<!เพิ่ม)เติม|แทรก|ต่อท้าย|\badd\b", re.I)
# An opener before the verb after the head: "ขั้นตอนที่ 4 ของแถว 2 ให้เพิ่ม …", "แถว 3 ขั้นตอน ขอเพิ่ม …".
# (or where it goes: "แถว 7 ขั้นตอนสุดท้ายเพิ่ม …")
_ASKING_LEAD = re.compile(
    r"^(?:(?:ขอให้|ขอ|ให้|ช่วย|รบกวน|อยากจะ|อยากให้|อยาก|ต้องการ|สุดท้าย|ท้ายสุด|ต่อท้าย|(?:ที่|ข้อ(?:ที่)?)\s*\d{1,2}(?![\d.]))\s*)+"
)


def _added_after(rest: str) -> re.Match[str] | None:
    """ "ขั้นตอนที่ 4 ของแถว 2 ให้เพิ่ม …": the verb of adding after the head, with a text after it
    ("ตัวชี้วัด 9 ขั้นตอน ขอเพิ่ม" alone names nothing to add)."""
    after = _ASKING_LEAD.sub("", rest.lstrip())
    m = _ADD.match(after)
    return m if m is not None and strip_polite(after[m.end() :]).strip() else None


# "แทนที่ขั้นตอนเดิมทั้งหมดด้วย: …": a cell replaced with a text is that cell changed to it ("แทนที่สำนักปลัด
# ด้วยกองคลัง", with no cell named, replaces a word).
_REPLACE_CELL = re.compile(r"แทนที่\s*(?P<mid>[^\n]{1,80}?)\s*ด้วย(?=\s*:?\s*\S)")


def _cell_replaced(text: str) -> str:
    def said(m: re.Match[str]) -> str:
        named = any(f.lastgroup not in (None, "MEASURE") for f in FIELD.finditer(m.group("mid")))
        return f"เปลี่ยน{m.group('mid')}เป็น" if named else m.group(0)

    return _REPLACE_CELL.sub(said, text, count=1)


# A new row asked for before its measure's name: "เพิ่มแถวตัวชี้วัด 7 มาตรการ …", "เพิ่มแถวใหม่ O30 มาตรการ …".
_ADD_ROW_HEAD = re.compile(
    r"เพิ่ม(?:อีก)?\s*(?:(?:1|หนึ่ง)\s*)?(?:แถว|รายการ)(?:ใหม่)?|เพิ่มมาตรการใหม่|\badd\s+(?:a\s+)?(?:new\s+)?row"
    # one more row said after the target: "เพิ่มมาตรการสำหรับตัวชี้วัด 2 อีกแถว: …"
    r"|อีก\s*(?:(?:1|หนึ่ง)\s*)?(?:แถว|มาตรการ|รายการ)",
    re.I,
)

# A question is answered, never applied ("ผู้รับผิดชอบควรเป็นใคร", "ระยะเวลาควรกี่เดือน?").
_QUESTION = re.compile(
    # "ควรเป็นกองช่าง" says what it should be; "ควรลบไหม", "ควรเป็นใคร" ask (by their other words too)
    r"[?？]|ควร(?!\s*(?:จะ)?\s*(?:เป็น|ใช้))|ไหม|มั้ย|หรือไม่|หรือเปล่า|อย่างไร|ยังไง|อะไร|ทำไม|ตัวอย่าง|แนะนำ|เท่าไร|เท่าไหร่|(?<!เ)กี่|ใคร|ที่ไหน"
    r"|เหรอ|หรอ|รึเปล่า|รึป่าว|หรือป่าว|ไหน|\b(?:how|why|what|which)\b",
    re.I,
)
_SHOULD_NOT = re.compile(r"(?:ควร|ต้อง)(?=\s*(?:จะ)?\s*เป็น[^\n]*ไม่ใช่)")
# "ยังไม่โดนเท่าไหร่", "ไม่ค่อยชัดเท่าไร": "not very", a remark, not "how much?"
_NOT_VERY = re.compile(r"ไม่\S{1,15}?เท่า(?:ไหร่|ไร)(?:นัก)?")
_QUESTION_END = re.compile(
    r"(?:ไหม|มั้ย|หรือไม่|หรือเปล่า|อย่างไร|ยังไง|อะไร|ทำไม|เท่าไร|เท่าไหร่|ใคร|ไหน|บ้าง)(?:ดี)?\s*[?？]?$"
)
# Words that open an edit: such a message that cannot be read gets the examples.
_EDIT_START = re.compile(
    rf"^(?:{words(*OPENERS)})?\s*(?:แก้|เปลี่ยน|ลบ|เพิ่มขั้นตอน|เพิ่มแถว|ระยะเวลา|ช่วงเวลา|กรอบเวลา|ผู้รับผิดชอบ|ร่าง\s*(?:แถว|ตัวชี้วัด)|ร่างใหม่)"
)
_EDIT_VERB = re.compile(rf"^(?:{words(*OPENERS)})?\s*(?:แก้|เปลี่ยน|ลบ|เพิ่มขั้นตอน|เพิ่มแถว)")
# "แก้ตัวชี้วัด 7 เป็น 61.5" and "แก้คะแนน ..." correct scores, not the draft: leave them to scores.
_SCORE_FIX = re.compile(rf"^(?:ขอ)?\s*แก้(?:ไข)?\s*(?:คะแนน|ผล|{INDICATOR_WORD}\s*(?:ที่)?\s*\d|[IEOieo]\s?\d)")
# A numbered indicator ("ตัวชี้วัดที่ 9") names rows wherever it stands; words between a field and a target.
_NUMBERED = re.compile(rf"(?:{INDICATOR_WORD}|indicator)\s*(?:ที่)?\s*\d", re.I)
# A KPI value that is a measure on its own ("แถว 12 KPI ร้อยละ 90 ของผู้เข้าอบรม") needs no connective.
_MEASURABLE = re.compile(
    r"^(?:ร้อยละ|\d|อย่างน้อย|ไม่น้อยกว่า|ไม่ต่ำกว่า|ไม่เกิน|จำนวน|ครบ)"
    r"|ร้อยละ\s*\d|\d\s*%|ไม่น้อยกว่า\s*\d|ไม่ต่ำกว่า\s*\d|อย่างน้อย\s*\d"  # "… ภายใน 15 วัน ร้อยละ 100"
)
# "ให้กองคลังกับกองช่างร่วมกันรับผิดชอบ", "ให้กองช่างรับผิดชอบแทน", "เป็นสำนักปลัดหมดเลย": not a name.
# "ให้ผู้อำนวยการกองคลังเป็นคนรับผิดชอบ": the "เป็น" before the owner word is no part of the name.
_OWNERS_TAIL = re.compile(
    r"(?:\s*(?:(?:แต่)?(?:เพียง)?(?:หน่วย|คน|กอง)?เดียว(?:เท่านั้น|พอ)?|เท่านั้น|ร่วมกัน|แทน|เป็นหลัก|ร่วม|ทั้งหมด|ทั้งคู่|ทั้งสองแถว|หมด|เลย|เป็น|มากกว่า|ดีกว่า|(?:เป็น)?(?:คน|ผู้)?(?:รับผิดชอบ|ดูแล|ดำเนินการ)))+$"
)
# A change verb and its connective later in a piece: the value starts after them ("จาก X" is the old value).
_CHANGED_TO = re.compile(
    rf"(?:{words(*CHANGE_VERBS, 'เขียนใหม่', 'เขียน', 'เอาใหม่')})(?:\s*(?:ชื่อ|ทั้งหมด|ทั้งช่อง|ใหม่|หมด|เลย|เดิม|ให้|{words(*STEP_WORDS, *KPI_WORDS, *MEASURE_WORDS)}))*"
    # "… แล้วใส่ว่า …", "เขียนใหม่ว่า …": the verb of writing, then what to write
    r"(?:\s*จาก[^\n]{1,60}?)?\s*(?:ให้เป็น|เป็น|ว่า|:|=)\s*"
    r"|^\s*จาก[^\n]{1,60}?\s*(?:เป็น|->|→)\s*"
    # a remark, then the request: "ระยะเวลาสั้นไป ขอเป็นทั้งปีงบ"
    r"|(?:^|\s)(?:ขอ|ขอให้|อยากให้|อยากได้)\s*เป็น\s*"
    # a correction: "ไม่ใช่แบบนี้ค่ะ ต้องเป็น …", "ผิดค่ะ ควรเป็น …"
    r"|(?:^|\s)(?:ต้อง|ควรจะ|ควร)\s*เป็น\s*"
)
# "แก้ชื่อมาตรการแถว 1 ให้สั้นลงเป็น …": a word on how it should read, then the connective.
_MANNER = re.compile(
    r"^\s*(?:ขอ)?\s*(?:ปรับ|แก้)?\s*(?:ให้)?\s*(?:[ก-๙]{1,12}?(?:ขึ้น|ลง)|กระชับ|ชัดเจน|ถูกต้อง|เหมาะสม)\s*(?:ให้)?\s*(?:เป็น|ว่า|:)\s*"
)
# "ลบทุกแถว ยกเว้นแถว 3": an exception is never read as the rows named.
_EXCEPT = re.compile(r"ยกเว้น|เว้นแต่|นอกจาก|\bexcept\b", re.I)
# Owners named after the owner word: "… รับผิดชอบร่วมกับงานพัสดุ".
_JOINT = re.compile(rf"^\s*(?:ร่วมกับ|กับ|และ)\s*(?P<unit>(?:{words(*UNIT_WORDS)})[^\n]*)$", re.I)
_DOING_LEAD = re.compile(r"^(?:(?:ดำเนินการ|ดำเนินงาน|ปฏิบัติงาน|ปฏิบัติ|ทำงาน|ทำ|แค่|เฉพาะ|เพียง)\s*)+(?=\S)")
_STARTS = re.compile(r"^(?:เริ่มดำเนินการ|เริ่ม)$")
_ROW_WORD = re.compile(r"(?:แถว|\brows?)\s*(?:ที่)?\s*\d", re.I)
_SCORE_VALUE = re.compile(r"^\d{1,3}(?:\.\d+)?\s*(?:คะแนน|%)?$")


# ---------------------------------------------------------------- cleaning
def _clean_value(piece: str, action: EditAction, *, opened: bool, verb_said: bool = False) -> str:
    """Cut connectives, openers and particles from both ends of a value.

    After a connective ("เป็น", ":") the value starts: a verb there is the officer's text
    ("เป็น ปรับปรุงเว็บไซต์"), so only the words up to the connective are cut.
    """
    start, end = 0, len(piece)
    if opened and not _BY_HAI.match(piece):
        m = _OPENED.match(piece)
        start = m.end() if m else 0
        # "อยากให้เปลี่ยน: กองคลัง", "อยากให้แก้ให้เป็น …": the verb and its connective after "ให้" open it
        while (verb := _VERB_THEN_SEP.match(piece, start)) is not None and verb.end() > start:
            start = verb.end()
    elif (
        m := (_LEAD_KEEPING_VERBS if verb_said and action in _FREE_TEXT else _LEAD).match(piece)
    ) is not None:
        start = m.end()
    if action in _FREE_TEXT and (pointer := _POINTER.match(piece, start)) is not None:
        start = pointer.end()  # "ให้เป็นแบบนี้ค่ะ 1. …": the text pointed at
    end = value_end(piece, start, end, sentences=action is not EditAction.STEPS)
    if action not in (EditAction.STEPS, EditAction.ADD_STEP, EditAction.EDIT_STEP):  # a step may say why
        purpose = action in (EditAction.OWNERS, EditAction.TIMELINE)
        end = reason_end(piece, start, end, purpose=purpose, figure=action is EditAction.KPI)
    end = tail(piece, start, end, _TRAIL_WORDS)
    value = piece[start:end].strip().strip("\"'“”‘’「」").strip()
    if value[:1] in "([" and value[-1:] in ")]" and value.count("(") + value.count("[") == 1:
        value = value[1:-1].strip()  # "ผู้รับผิดชอบ (กองคลัง)": the whole value in brackets
    value = value.rstrip("([{ ").lstrip(")]} ")
    if action is EditAction.TIMELINE:  # "เวลาดำเนินการ 1 ต.ค. 68 - …": doing is no part of when
        value = _DOING_LEAD.sub("", value)
    if action is EditAction.OWNERS:
        value = re.sub(r"^(?:ให้|โดย)\s*", "", value)
        value = _OWNERS_TAIL.sub("", value)
    return value


# ---------------------------------------------------------------- parsing


def _pieces(shown: str, spans: list[tuple[int, int]], field: int = -1) -> list[tuple[str, bool]]:
    """Cut the spans out of the text; each piece says whether a connective ("เป็น", ":", "ให้") opens it.

    `field`: where the field word starts. A new line opens a value after it ("ผู้รับผิดชอบ\nกองคลัง"),
    never the words that lead to it ("แถว 9\nขอเพิ่มขั้นตอน …").
    """
    out: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(spans):
        out.append((shown[at:start], start == field))
        at = max(at, end)
    out.append((shown[at:], False))
    read = []
    for piece, before_field in out:
        if (m := _MANNER.match(piece)) is not None:  # "ให้สั้นลงเป็น …": how the change reads, then the value
            read.append((piece[m.end() :], True))
        elif _OPENED.match(piece) or (
            _NEW_LINE.match(piece) and not before_field
        ):  # a value on the next line
            read.append((piece, True))
        elif (m := _CHANGED_TO.search(piece)) is not None:  # "ยาวไป ขอเปลี่ยนเป็น …", "เปลี่ยนจาก X เป็น …"
            read.append((piece[m.end() :], True))
        else:
            read.append((piece, False))
    return read


def _field(probe: str, target: Target | None) -> tuple[EditAction, re.Match[str]] | None:
    """The first field word outside the target ("ตัวชี้วัด 9", "มาตรการเรื่องงบประมาณ" are targets).

    A bare "ตัวชี้วัด" is the KPI column only when no other field word is named.
    """
    found = []
    for m in FIELD.finditer(probe):
        inside = target is not None and target.start < m.end() and m.start() < target.end
        numbered = m.lastgroup == "KPI" and _NUMBERED.match(probe, m.start()) is not None
        if m.lastgroup is not None and not inside and not numbered:
            found.append(m)
    named = [m for m in found if m.group(0) != "ตัวชี้วัด"] or found
    if target is not None and measure_names_row(probe, named, target):
        named = named[1:]
    if not named and target is not None and _CHANGE.search(probe):
        # "มาตรการแรกขอเปลี่ยนชื่อเป็น …": the row named as a measure, and no other cell: its name
        named = [m for m in FIELD.finditer(probe, target.start, target.end) if m.lastgroup == "MEASURE"]
    return (EditAction[named[0].lastgroup or ""], named[0]) if named else None


def _in_head(probe: str, target: Target, fm: re.Match[str]) -> bool:
    """An item code, a place or a name is the target only where the officer names the row: before the value."""
    if target.kind == "row" or (
        target.kind == "indicator" and target.number and _NUMBERED.match(probe, target.start)
    ):
        return True
    inside = target.start <= fm.start() and fm.end() <= target.end  # "มาตรการแรก…": the field names the row
    return (
        inside or target.start < fm.start() or HEAD_GAP.fullmatch(probe, fm.end(), target.start) is not None
    )


def parse_edit(text: str, names: Names = None) -> EditCommand | None:
    """Parse an edit; return None if the text is not an edit, raise EditError if it is one we cannot read.

    `names`: the indicators' names (and variants) to their numbers, so that "มาตรการเรื่องงบประมาณ"
    names indicator 2; without them only numbers, item codes and places name rows. Two changes in one
    message raise EditTwoChanges, with the message cut into the two to send when it can be.
    """
    text = text.translate(ZERO_WIDTH)  # "แถว\u200b3": a copy from Word marks where words break
    try:
        return _read(text, names)
    except EditTwoChanges as exc:
        parts = split_changes(text, lambda part: _read(part, names))
        if parts is None:
            raise
        first, second = parts
        raise EditTwoChanges(wording.EDIT_SPLIT.format(first=first, second=second), parts) from exc


def _needs_row(text: str, names: Names) -> str:
    """The reply to a change that names no row: what was understood, and the message with a row in it."""
    example = f"แถว {wording.EDIT_EXAMPLE_ROW} {' '.join(text.split())}"
    try:
        cmd = _read(example, names)
    except EditError:
        return ""
    field = wording.EDIT_FIELD_NAMES.get(cmd.action.value) if cmd is not None else None
    if cmd is None or field is None or cmd.target != "row":
        return ""
    return wording.EDIT_NEEDS_ROW.format(
        field=field, value=cmd.value, example=example, number=wording.EDIT_EXAMPLE_ROW
    )


def _needs_field(target: Target) -> str:
    """The reply to a change of a named row that says neither the cell nor the new value."""
    where = EditCommand(EditAction.MEASURE, target.kind, target.number, item=target.item).where_th()
    examples = "\n".join(
        wording.EDIT_EXAMPLE_LINE.format(example=line.format(where=where))
        for line in wording.EDIT_ROW_EXAMPLES
    )
    return wording.EDIT_NEEDS_FIELD.format(where=where, examples=examples)


def _read(text: str, names: Names, *, rewritten: bool = False) -> EditCommand | None:
    # a memo's frame cut (เรียน…, เรื่อง…, จึงเรียนมา…), and "แถวดังกล่าว" named as the row said before it
    text = _cell_replaced(refer_back(without_memo(text), names))
    shown, probe = probe_text(text)  # without the greeting, the thanks and a polite "…ได้ไหม"
    if not probe:
        return None
    if not rewritten and (
        only := only_owners(shown, probe, lambda t: _read(t, names, rewritten=True), names)
    ):
        return only  # "เหลือแค่กองคลัง", "… ไม่ต้องมีกองอื่น": the owners that stay, the whole cell
    if negated(probe):
        return None
    if _EXCEPT.search(probe) and find_target(probe, items=True, names=names) is not None:
        raise EditError(wording.EDIT_EXCEPT)
    # "ควรเป็นกองคลัง ไม่ใช่สำนักปลัด" corrects; only "ควร" asks nothing beside "ไม่ใช่"
    question = bool(_QUESTION.search(_NOT_VERY.sub(" ", _SHOULD_NOT.sub(" ", probe))))
    if not question and (part := part_change(shown, probe, names)) is not None:
        return part
    bare = valueless(probe, question=question, names=names)
    if bare is not None:
        return bare
    target = find_target(probe, items=True, names=names)
    field = _field(probe, target)
    new_row = _ADD_ROW_HEAD.search(probe) if field is None and target is not None else None
    if new_row is not None and target is not None and target.kind in ("indicator", "item"):
        field = (EditAction.MEASURE, new_row)  # "ตัวชี้วัด 9 เพิ่มอีกแถว: …": a new row and its measure
    if target is not None and field is not None and target.kind == "row":
        listed = with_spaced_rows(probe, target)  # "แถว 2 3 ผู้รับผิดชอบเป็น…": rows listed before the field
        gap = probe[listed.end : field[1].start()]
        if listed.more != target.more and field[1].start() >= listed.end and not gap.strip():
            target = listed
    if field is not None and target is not None and not _in_head(probe, target, field[1]):
        target = None  # "เพิ่มขั้นตอน: เผยแพร่ข้อ O12" names no row
    if field is None and target is not None and not question:
        period = bare_period(shown, target)
        if period:  # "แถว 2 ดำเนินการไตรมาส 1-2": a target and a period, no field word
            check_target(target)
            return EditCommand(EditAction.TIMELINE, target.kind, target.number, period, item=target.item)
        owners, sure = bare_owners(shown, target)
        if owners and sure:  # "แถว 6 ตอนนี้เป็นสำนักปลัด ขอเปลี่ยนเป็นกองช่าง": the units now name the cell
            check_target(target)
            return EditCommand(EditAction.OWNERS, target.kind, target.number, owners, item=target.item)
        if owners:  # "แถว 5 เปลี่ยนเป็นกองคลังค่ะ": a target and units, no field word: asked, not guessed
            check_target(target)
            where = EditCommand(EditAction.OWNERS, target.kind, target.number, item=target.item).where_th()
            proposal = wording.EDIT_GUESS_OWNERS.format(where=where, owners=owners)
            raise EditGuess(wording.EDIT_GUESS.format(proposal=proposal), proposal)
    if field is None or target is None:
        if _SCORE_FIX.match(probe) or (question and not _EDIT_VERB.match(probe)):
            return None  # a score, or a question ("ผู้รับผิดชอบควรเป็นใคร"); "แก้อะไรได้บ้าง" gets the examples
        if target is None and _EDIT_START.match(probe):
            hint = _needs_row(text, names) if field is not None else ""
            raise EditError(hint or wording.EDIT_UNREADABLE.format(examples=examples_th()))
        if target is not None and target.kind == "row" and _CHANGE.search(probe):
            raise EditError(_needs_field(target))
        return None
    action, fm = field
    head = probe[: max(fm.end(), target.end)]
    added = _ADD.search(head) or _added_after(probe[len(head) :])
    if added and action in (EditAction.STEPS, EditAction.OWNERS):  # "ขั้นตอนแถว 5 เพิ่มอีกข้อ …" adds too
        action = EditAction.ADD_STEP if action is EditAction.STEPS else EditAction.ADD_OWNER
    spans = [(fm.start(), fm.end()), (target.start, target.end)]
    one_more = (
        _ADD_ROW_HEAD.search(probe, target.end)
        if action is EditAction.MEASURE and target.kind in ("indicator", "item")
        else None
    )
    if one_more is not None and one_more.start() >= fm.end():  # "… ตัวชี้วัด 2 อีกแถวค่ะ: …": no part of the value
        spans.append((one_more.start(), one_more.end()))
    action, step_no = named_step(probe, action, fm.end(), target.end)
    if step_no is not None:  # "ขั้นตอนที่ 2 ของแถว 3 เป็น …": that one step (or where an added one goes)
        spans.append((step_no.start(), step_no.end()))
    pieces = _pieces(shown, spans, fm.start())
    said = bool(added) or bool(_CHANGE.search(head))
    # (only the text after the field and the target: the verb before them is the order's own)
    last = len(pieces) - 1
    values = [
        (_clean_value(p, action, opened=opened, verb_said=said and k == last), opened)
        for k, (p, opened) in enumerate(pieces)
    ]
    values = [(v, opened) for v, opened in values if v and not _NO_VALUE.fullmatch(v)]
    opened = [v for v, o in values if o]
    value = opened[-1] if opened else (values[-1][0] if values else "")
    value = new_of_now(value, action, probe[: fm.start()])  # "…เป็นสำนักปลัด ขอเปลี่ยนเป็นกองคลัง": the new one
    if action is EditAction.TIMELINE and not has_period(value):  # "ขอให้ดำเนินการให้แล้วเสร็จภายใน 30 มิ.ย. 69"
        value = next((v for v, _o in reversed(values) if has_period(v)), value)
    joint = _JOINT.match(pieces[-1][0]) if action is EditAction.OWNERS else None
    if joint and value and value != values[-1][0]:  # "ให้งานการเงินรับผิดชอบร่วมกับงานพัสดุ": both
        value = f"{value}, {strip_polite(joint.group('unit'))}"
    if action in (EditAction.STEPS, EditAction.OWNERS) and (added := added or re.search(ADDED_AFTER, value)):
        value = re.sub(ADDED_AFTER, "", value)  # "อยากให้แถว 3 มีขั้นตอนจัดอบรมเพิ่มเข้าไปด้วย": one more
        action = EditAction.ADD_STEP if action is EditAction.STEPS else EditAction.ADD_OWNER
    asks = _QUESTION_END.search(strip_polite(probe))  # "แถวสุดท้ายเป็นของตัวชี้วัดอะไร"
    if question and (not opened or _QUESTION.search(head) or _QUESTION_END.search(value) or asks):
        return None
    if CLOSING_MARK.search(probe):  # "แถว 3 ผู้รับผิดชอบเป็นกองช่าง?" asks (an order's "?" is cut by probe_text)
        return None
    # A value needs a sign of change: a connective, a verb of change or addition, a time field,
    # or an owner that reads as a unit's name ("แถว 1 ผู้รับผิดชอบ กองคลัง").
    changed = bool(opened) or bool(_CHANGE.search(head)) or bool(added)
    changed = changed or (action is EditAction.KPI and bool(_MEASURABLE.search(to_arabic(value))))
    # a KPI word of its own ("ตัวชี้วัดความสำเร็จ", not a bare "ตัวชี้วัด") then a count: "มีคู่มือ 1 เล่ม …"
    counted = fm.group(0) != "ตัวชี้วัด" and any(ch.isdigit() for ch in to_arabic(value))
    changed = changed or (action is EditAction.KPI and counted)
    unit = action is EditAction.OWNERS and (bool(_UNIT.match(value)) or is_abbreviation(value))
    if not (changed or unit or action is EditAction.TIMELINE):
        return None
    # a KPI may rank ("ลำดับ 1 ของจังหวัด"), but a row in it is a second change
    if row_mentioned(to_arabic(value)) and (
        action is not EditAction.KPI or _ROW_WORD.search(to_arabic(value))
    ):
        raise EditTwoChanges(wording.EDIT_TWO_TARGETS)
    check_one_change(value, action, target)
    check_rest([v for v, _o in values], value)
    check_target(target)
    if not value:
        raise EditError(wording.EDIT_NO_VALUE.format(example=EXAMPLES[0]))
    if target.kind == "indicator" and action is not EditAction.KPI and _SCORE_VALUE.match(to_arabic(value)):
        return None  # a bare number for an indicator is a score, not a cell
    if len(value) > MAX_VALUE:
        raise EditError(wording.EDIT_TOO_LONG.format(limit=MAX_VALUE))
    if (
        action is EditAction.MEASURE
        and target.kind in ("indicator", "item")
        and (_ADD_ROW_HEAD.search(head) or one_more)
    ):
        return EditCommand(EditAction.ADD_ROW, target.kind, target.number, value, item=target.item)
    deadline = action is EditAction.TIMELINE and bool(_DEADLINE.fullmatch(fm.group(0)))
    if action is EditAction.TIMELINE and _STARTS.match(fm.group(0)):
        value = f"ตั้งแต่ {value}"  # "เริ่ม ม.ค. 69": from then to the end of the fiscal year
    if step_no is not None and action is EditAction.EDIT_STEP:
        value = f"{step_no.group('n')}: {value}"
    at = step_number(step_no) if step_no is not None and action is EditAction.ADD_STEP else 0
    return EditCommand(
        action,
        target.kind,
        target.number,
        value,
        item=target.item,
        deadline=deadline,
        more=target.more,
        step=at,
    )
