"""Edits without a value, and the field words every edit is read by.

"ลบแถว 4", "ดูแถว 3", "ร่างตัวชี้วัด 7 ใหม่", "เพิ่มมาตรการข้อ O12", "ขอดูร่างทั้งหมด": a verb, a target and
nothing more than small talk or a reason ("… ค่ะ ยังไม่ตรงกับหน่วยงานเรา"). The field words (FIELD) are
shared with bot/drafting/edit_grammar.py, which reads the edits that carry a value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot import wording
from bot.drafting.edit_changes import CHATTER, CUT, SMALL_TALK_CHARS
from bot.drafting.edit_command import EditAction, EditCommand, EditError, EditTwoChanges, check_target
from bot.drafting.edit_targets import Target, find_target, with_spaced_rows
from bot.drafting.edit_text import particle_words, words
from bot.drafting.edit_words import (
    KPI_WORDS,
    MEASURE_WORDS,
    OWNER_WORDS,
    PARTICLES,
    STEP_WORDS,
    TIME_END_WORDS,
    TIME_RANGE_WORDS,
    UNIT_WORDS,
)

# ---------------------------------------------------------------- fields (value-bearing actions)
_FIELDS: tuple[tuple[EditAction, tuple[str, ...]], ...] = (
    (EditAction.KPI, KPI_WORDS),
    (EditAction.OWNERS, OWNER_WORDS),
    (EditAction.TIMELINE, TIME_END_WORDS + TIME_RANGE_WORDS),
    (EditAction.STEPS, STEP_WORDS),
    (EditAction.MEASURE, MEASURE_WORDS),
)
FIELD = re.compile(
    "|".join(
        # "ตรวจดูแล้ว" is no "ดูแล": a word whose last letter opens "แล้ว" is not the word; nor is one
        # whose last letter takes a vowel or mark after it ("งานพัสดุและ…" holds no "ดูแล")
        f"(?P<{action.name}>{words(*vocab)})(?!\u0e49\u0e27)(?![\u0e30-\u0e3a\u0e47-\u0e4e])"
        for action, vocab in sorted(_FIELDS, key=lambda aw: -max(len(w) for w in aw[1]))
    ),
    re.I,
)

UNIT_NEXT = re.compile(rf"\s*(?:{words(*UNIT_WORDS)})", re.I)

# ---------------------------------------------------------------- verbs (valueless actions)
_VERBS: tuple[tuple[EditAction, re.Pattern[str]], ...] = (
    (
        EditAction.ADD_ROW,
        re.compile(
            r"เพิ่ม(?:อีก)?\s*(?:(?:1|หนึ่ง)\s*)?(?:แถว|มาตรการ|รายการ|(?:ตัวชี้วัด|ตชว\.?)(?=\s*(?:ที่)?\s*\d))"
            # "ตัวชี้วัดที่ 8 ยังไม่มีมาตรการ ช่วยเพิ่มให้หน่อย": "เพิ่ม" closing the request
            r"|เพิ่ม(?:เข้า(?:มา|ไป)|ขึ้นมา|ลงไป|ไว้)?(?=(?:\s|ให้|ด้วย|หน่อย|เลย|"
            + particle_words(*PARTICLES)
            + r")*$)|(?:มาตรการ|แถว)\s*เพิ่ม(?:เติม)?"
            r"|\badd\s+(?:a\s+)?(?:row|measure)",
            re.I,
        ),
    ),
    (
        EditAction.SHOW,
        re.compile(
            # "ดูดี", "ดูเหมือน", "ดูน่าสนใจ": how a row looks is a remark, not "show"
            r"(?:ขอ)?(?:เปิด\s*(?=ดู))?(?<!ยัง)(?<!มัน)(?<!ก็)(?:ดู|แสดง|เปิด|(?<=อยาก)เห็น|(?<=ขอ)เห็น)(?!แล|เผย|ดี|เหมือน|น่า|เข้าท่า|โอเค|แปลก|ไม่|ด้วย|\s*ว่า|\s*ให้หน่อยว่า)"
            # "ยังดูกว้างไป", "ดูยาวเกิน": how a row looks, said with "too"
            r"(?![ก-๙]{1,8}(?:ไป|เกิน)(?:\s|$|นะ|หน่อย|ค่ะ|คะ|ครับ))"
            r"|\b(?:show|view|display)\b|(?:ขอ)?โชว์?(?!ว์)"
            # what a row says now: "แถว 5 ตอนนี้เขียนว่าอะไร" (not "ควรเขียนว่าอะไร", a request for advice)
            r"|(?<!ควร)(?<!ควรเขียน)(?<!ควร เขียน)(?:เขียน(?:ไว้)?\s*)?ว่าอะไร(?:บ้าง)?|มีอะไรบ้าง"
            # "แถว 5 เขียนไว้ว่าไงนะคะ"
            r"|(?<!ควร)(?<!ควร )เขียน(?:ไว้)?\s*ว่า(?:ไง|ยังไง|อย่างไร)",
            re.I,
        ),
    ),
    (
        EditAction.DELETE,
        re.compile(
            r"ลบ|ยกเลิก(?=\s*(?:มาตรการ|แถว|ตัวชี้วัด))|(?:ตัด|เอา|นำ)(?=[^\n]{0,40}?(?:ออก|ทิ้ง))|"
            + CUT
            + r"|(?:ไม่เอา|ไม่ต้องการ|ไม่ต้องมี)(?=\s*(?:แถว|ตัวชี้วัด|ตชว|มาตรการ|อัน|รายการ|ข้อ))"
            # right after the row: "แถว 3 ไม่เอาแล้ว", "แถว 10 ไม่ต้องแล้ว", "แถวสุดท้ายไม่ต้องมี"
            r"|(?:(?<=\d)|(?<=สุดท้าย)|(?<=แรก))\s*(?:ไม่เอา|ไม่ต้อง(?:มี|ใช้)?)|\b(?:delete|del|remove|drop)\b",
            re.I,
        ),
    ),
    (
        EditAction.REDRAFT,
        re.compile(
            r"(?:ร่าง|เขียน|ทำ)(?=[^\n]{0,40}?ใหม่)|\b(?:redraft|re-draft|rewrite|redo)\b"
            # another version asked for: "แถว 3 ขอแบบอื่น", "ขอมาตรการอื่นแทนแถว 3"
            r"|(?:แบบ|มาตรการ|อัน|ฉบับ)\s*อื่น",
            re.I,
        ),
    ),
)
# "… ใหม่เป็น …", "เขียนใหม่ว่า …", "ใหม่:": a cell written anew, the text after the connective.
_WRITTEN_AS = re.compile(r"ใหม่\s*(?:ให้)?\s*(?:ทั้งหมด|หมด)?\s*(?:เป็น|ว่า|ดังนี้|:|=|\n)")
_CHANGE_WORD = re.compile(r"แก้|เปลี่ยน|เพิ่ม|ลบ|ร่าง|ปรับ", re.I)
# What "ดู" shows when it names no row: the whole table ("ขอดูร่างทั้งหมด", "ดูตารางอีกที").
_WHOLE_TABLE = re.compile(
    r"\s*(?:(?:ร่าง|ตาราง|แผน)(?:มาตรการ)?|(?=ทั้งหมด|ทั้งตาราง|ทุกแถว))"  # "ขอดูทั้งหมด": the table too
    r"(?:\s*(?:ทั้งหมด|ทั้งฉบับ|ทั้งตาราง|ทุกแถว|ล่าสุด|อีกรอบ|อีกที|อีกครั้ง))*"
)


# A bare number right after the verb is a row ("ลบ 3", "ดู 12"), never a count, a share or a score.
_BARE_ROW = re.compile(
    r"\s*(?P<n>\d{1,3})(?![\d.%/])(?!\s*(?:%|เปอร์เซ็นต์|คะแนน|เดือน|วัน|ครั้ง|ปี|คน|ข้อ|แถว|อัน|รายการ|มาตรการ))"
)
_ROW_NUMBER = re.compile(r"(?:แถว|row)\s*(?:ที่)?\s*(\d{1,3})(?![\d.])", re.I)


def _context_before(probe: str, verb: re.Match[str], target: Target) -> int:
    """Where the order starts when a remark about rows comes before it, or 0.

    "แถว 2 ซ้ำกับแถว 3 ลบแถว 3 ทิ้ง": the verb's own row follows it and the remark before already named
    that row, with no change or cell in it; the remark is why, and the order is the rest.
    """
    if target.kind != "row" or target.start >= verb.start():
        return 0
    before, after = probe[: verb.start()], probe[verb.end() :]
    own = re.match(r"\s*(?:ขอ)?\s*" + _ROW_NUMBER.pattern, after, re.I)
    if own is None or FIELD.search(before) or _CHANGE_WORD.search(before):
        return 0
    return verb.start() if own.group(1) in _ROW_NUMBER.findall(before) else 0


def valueless(probe: str, *, question: bool, names: Mapping[str, int] | None) -> EditCommand | None:
    """Read "ลบแถว 4", "ดูแถว 3", "ร่างตัวชี้วัด 7 ใหม่", "เพิ่มมาตรการข้อ O12": a verb, a target, small talk."""
    for action, verb in _VERBS:
        m = verb.search(probe)
        if not m or (question and action is not EditAction.SHOW):
            continue
        target = find_target(probe, items=True, names=names)
        if action is EditAction.SHOW and target is None and (table := _WHOLE_TABLE.match(probe, m.end())):
            target = Target("all", 0, "", table.start(), table.end())  # "ขอดูร่างทั้งหมดอีกรอบ": the table
        if target is None and action is not EditAction.ADD_ROW and (bare := _BARE_ROW.match(probe, m.end())):
            target = Target("row", int(bare.group("n")), "", bare.start("n"), bare.end("n"))  # "ลบ 3", "ดู 3"
        if target is None or (target.kind == "all" and action is not EditAction.SHOW):
            continue  # "ลบทุกแถว" is never one verb away; showing every row is harmless
        context = _context_before(probe, m, target)
        if context:  # "แถว 2 ซ้ำกับแถว 3 ลบแถว 3 ทิ้ง": why, then the order and its own row
            probe = " " * context + probe[context:]
            target = find_target(probe, items=True, names=names)
            assert target is not None
        if action in (EditAction.DELETE, EditAction.SHOW):
            target = with_spaced_rows(probe, target)
        spans = sorted([(m.start(), m.end()), (target.start, target.end)])
        rest = probe[: spans[0][0]] + " " + probe[spans[0][1] : spans[1][0]] + " " + probe[spans[1][1] :]
        if action is EditAction.REDRAFT and FIELD.search(rest) and _WRITTEN_AS.search(probe, m.end()):
            continue  # "เขียนขั้นตอนแถว 3 ใหม่เป็น …": the cell written anew, with its text
        if action is EditAction.REDRAFT and cell_named(rest):  # "ร่างแถว 4 ใหม่ โดยให้กองช่างรับผิดชอบ"
            raise EditTwoChanges(wording.EDIT_ONE_AT_A_TIME)
        if action is EditAction.ADD_ROW and target.kind != "row" and re.search(r"[:：=]\s*\S", rest):
            continue  # "เพิ่มมาตรการตัวชี้วัด 2 อีกแถวค่ะ: เผยแพร่…": the new row's measure follows
        if action is EditAction.ADD_ROW and cell_named(rest):
            continue  # "ตัวชี้วัด 9 ขั้นตอน ขอเพิ่ม" adds to a cell, never a row
        if action is EditAction.DELETE and cell_named(rest) and chatter_only(FIELD.sub(" ", rest)):
            check_target(target)  # "ลบผู้รับผิดชอบแถว 2": the row, or only that cell?
            where = EditCommand(action, target.kind, target.number, item=target.item).where_th()
            raise EditError(wording.EDIT_DELETE_WHICH.format(where=where))
        rest = CHATTER.sub(" ", _without_reason(rest))
        rest = "".join(ch for ch in rest if ch.isalnum())
        if (
            len(rest) > SMALL_TALK_CHARS
            or any(ch.isdigit() for ch in rest)
            or UNIT_NEXT.match(probe, m.end())
        ):
            continue  # "เอากองคลังออก…" takes an owner out, never the row
        check_target(target)
        if action is EditAction.ADD_ROW and target.kind == "row":
            raise EditError(wording.EDIT_ADD_ROW_NEEDS_INDICATOR)
        more = target.more if action in (EditAction.DELETE, EditAction.SHOW) else ()
        return EditCommand(action, target.kind, target.number, item=target.item, more=more)
    return None


# Why the officer asks, after the order: "… ค่ะ ยังไม่ตรงกับหน่วยงานเรา", "… เพราะซ้ำกับข้อ O12".
_REASON = re.compile(
    r"(?:ค่ะ|คะ|ครับ(?:ผม)?|นะ|จ้า)\s+(?P<after>\S[^\n]*)$|\s*(?P<why>(?:เพราะ|เนื่องจาก|เหตุผล|ไม่งั้น)[^\n]*)$"
)


# A reason that compares with another row or item: "ซ้ำกับแถว 2", "เหมือนกับข้อ O12", "ได้เต็มแล้ว".
# ("อันเดิมซ้ำกับ I7": what is compared may be named first)
_COMPARED = re.compile(
    r"\s*(?:เพราะ|เนื่องจาก)?\s*(?:(?:อัน|ของ|แถว|ข้อ|มาตรการ)?\s*(?:เดิม|นี้|ที่ร่าง(?:มา|ไว้)?)\s*(?:มัน)?\s*)?"
    r"(?:ซ้ำ|เหมือน|ทับซ้อน|ตรงกัน)(?:กับ)?"
)


_INDICATOR_REF = re.compile(r"(?:ตัวชี้วัด|ตชว\.?)\s*(?:ที่)?\s*\d")


def _without_reason(rest: str) -> str:
    """What is left beside a verb and its target, without a reason given after it.

    A reason names no number and no cell: "ลบแถว 3 ค่ะ แล้วแก้ KPI แถว 4 …" is a second order, kept.
    """
    m = _REASON.search(rest)
    if m is None:
        return rest
    tail = m.group("after") or m.group("why")
    # "… ค่ะ ซ้ำกับแถว 2": a reason may name the row it compares with; other digits are a second order
    compared = _COMPARED.match(tail) is not None and not _CHANGE_WORD.search(tail)
    # ("ตัวชี้วัด 2" there names what it repeats, not the KPI cell)
    cell = FIELD.search(_INDICATOR_REF.sub(" ", tail))
    if (any(ch.isdigit() for ch in tail) and not compared) or cell or UNIT_NEXT.match(tail):
        return rest
    return rest[: m.start("after") if m.group("after") else m.start("why")]


def chatter_only(text: str) -> bool:
    """Tell whether a text is only small talk: a few letters, no digits."""
    left = "".join(ch for ch in CHATTER.sub(" ", text) if ch.isalnum())
    return len(left) <= SMALL_TALK_CHARS and not any(ch.isdigit() for ch in left)


def cell_named(text: str) -> bool:
    """Tell whether a text names a cell other than the measure ("ขั้นตอน", "ผู้รับผิดชอบ", "KPI")."""
    return any(m.lastgroup not in (None, "MEASURE") and m.group(0) != "ตัวชี้วัด" for m in FIELD.finditer(text))
