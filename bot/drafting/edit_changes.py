"""Reading edits that change part of a cell: an owner added or taken out, a word replaced, a step taken out.

"แถว 2 เพิ่มกองช่างด้วย", "แถว 8 ผู้รับผิดชอบเพิ่มงานนิติการ", "เอากองคลังออกจากผู้รับผิดชอบแถว 5",
"แถว 5 ไม่เอากองคลัง", "แถว 1 เปลี่ยนคำว่า ไตรมาส เป็น รายเดือน", "ในขั้นตอนแถว 3 แก้ 'นายก' เป็น 'ปลัด'";
"ลบขั้นตอนที่ 3 แถว 2"; and a period typed beside a target with no field word ("แถว 2 ดำเนินการไตรมาส 1-2").

An owner is a unit's name ("กอง…", "สำนัก…"); a name that only may be one ("งาน…", "ฝ่าย…") counts
only beside an owner word, so "แถว 3 เพิ่มงานประชาสัมพันธ์ออนไลน์" is not read as a new owner. Taking an
owner out never deletes the row: "เอา … ออก" with a unit's name in it is about the owner.

A little over 400 lines: the part-cell readings and the bare period and owners share one set of unit,
owner and period patterns, kept beside each other so that a change to one is seen by the others.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot import wording
from bot.drafting.edit_command import EditAction, EditCommand, EditError, EditTwoChanges, check_target
from bot.drafting.edit_targets import Target, find_target
from bot.drafting.edit_text import particle_words, slips, split_owners, strip_polite, words
from bot.drafting.edit_words import (
    CHANGE_VERBS,
    KPI_WORDS,
    MEASURE_WORDS,
    MONTHS_SPOKEN,
    OPENERS,
    OWNER_WORDS,
    PARTICLES,
    SMALL_TALK,
    STEP_WORDS,
    TIME_RANGE_WORDS,
    UNIT_WORDS,
)
from bot.thai import MONTHS, MONTHS_ABBR, to_arabic

# A message naming a row but no change ("ลบแถว 8 ได้เลย", "แถว 4 เป็นยังไงบ้าง ขอดู") may keep
# this many letters of small talk beside its verb; more is a sentence about something else.
SMALL_TALK_CHARS = 16
# Words that may stand beside a valueless verb without changing what it means.
CHATTER = re.compile(
    "|".join(slips(w) for w in sorted((*PARTICLES, *OPENERS, *SMALL_TALK), key=len, reverse=True)), re.I
)
# The step a change names ("ขั้นตอนที่ 2", "step 2") and the verbs that take one out.
_STEP_REF = re.compile(
    r"(?:ขั้นตอน(?:การ(?:ดำเนินงาน|ดำเนินการ|ทำงาน))?|กิจกรรม|steps?)\s*(?:ที่|ข้อ|no\.?|#)?\s*(?P<n>\d{1,2})(?![\d.])",
    re.I,
)
_MORE_STEPS = re.compile(r"\s*(?:,|และ|กับ|&|ถึง|-|–)\s*(?:ขั้นตอน(?:ที่)?\s*)?\d{1,2}(?![\d.])")
_STEP_AFTER_ROW = re.compile(
    r"(?:ขั้นตอน|กิจกรรม)\s*(?:ของ|ใน)?\s*(?P<row>แถว\s*(?:ที่)?\s*\d{1,3})\s*"
    r"(?:ที่|ข้อ(?:ที่)?|ลำดับ(?:ที่)?)\s*(?P<n>\d{1,2})(?![\d.])"
)
# "ตัด" alone takes out as "ลบ" does ("ตัดแถว 4", "แถว 3 ตัดค่ะ"), never "ตัดสิน", "ตัดงบ", "ตัดคะแนน".
CUT = r"ตัด(?!สิน|ต่อ|งบ|ยอด|คะแนน|เกรด|ตอน|แต่ง)"
_STEP_REMOVE = re.compile(
    r"ลบ|(?:ตัด|เอา|นำ|ถอด)(?=[^\n]{0,40}?(?:ออก|ทิ้ง))|ไม่เอา|\b(?:delete|remove|drop)\b|"
    + CUT
    # "ขั้นตอนที่ 3 ไม่ต้องมีค่ะ": only closing the sentence ("ไม่ต้องมีการประชุม" says what the step is)
    + rf"|ไม่ต้อง(?:มี|ใช้)?(?:แล้ว)?(?=(?:\s|{'|'.join(map(re.escape, PARTICLES))})*$)",
    re.I,
)

# Units whose name alone says it is a unit; the others need an owner word beside them.
STRONG_UNITS = ("กอง", "สำนัก", "ศูนย์", "ส่วน", "กลุ่มงาน", "ฝ่าย")
# …but "กองทุน" is a fund, not a division.
_NOT_UNIT = re.compile(r"^กองทุน")

_OWNER = re.compile(words(*OWNER_WORDS), re.I)
_UNIT = words(*UNIT_WORDS)
_STRONG = re.compile(rf"^(?:{words(*STRONG_UNITS)})", re.I)
_ADD = re.compile(
    rf"(?:เพิ่ม(?:เติม)?|เติม|\badd\b)\s*(?:{words(*OWNER_WORDS)})?\s*(?:เป็น|คือ|:)?\s*(?=(?:{_UNIT}))"
    # "แถว 3 เอากองคลังด้วย", "ใส่งานพัสดุเพิ่ม": one more owner, "too"
    rf"|(?:เอา|ใส่|รวม)\s*(?=(?:{_UNIT})[^\s]*\s*(?:ด้วย|เพิ่ม|อีก)(?!\S*\s*(?:เป็น|แทน)))"
    # "ทุกแถวให้กองคลังร่วมรับผิดชอบด้วย": one unit joins ("ร่วมกันรับผิดชอบ", together, names them all)
    rf"|ให้\s*(?=(?:{_UNIT})[^\s]*?\s*ร่วม(?!กัน)\s*(?:รับผิดชอบ|ดำเนินการ))",
    re.I,
)
_REMOVE = re.compile(
    rf"(?:ไม่ต้องมี\s*(?=(?:{_UNIT}))|(?:ลบ|เอา|ตัด|นำ|ถอด|ดึง)\s*(?:{words(*OWNER_WORDS)})?\s*(?=(?:{_UNIT})[^\n]*?(?:ออก|ทิ้ง))|ไม่เอา\s*(?=(?:{_UNIT}))|\bremove\s+(?=(?:{_UNIT})))",
    re.I,
)
# Where the names end: "ออก", "จาก…", "ด้วย", a target, the end of a line.
_UNITS_END = re.compile(
    rf"\s*(?:ออก|ทิ้ง|จาก|ด้วย|เพิ่ม|อีก|แล้ว|เข้า(?:ไป|มา)|ใน(?:แถว|ตัวชี้วัด)|ของ(?:แถว|ตัวชี้วัด)|แถว|ตัวชี้วัด|\n|$"
    rf"|(?:เป็น|ร่วม|ใน)?\s*(?:{words(*OWNER_WORDS)})|เป็นผู้ร่วม|ร่วมดำเนินการ|ร่วมรับผิดชอบ"
    # "เพิ่มกองสวัสดิการสังคมร่วมด้วย (ครับ)": "ร่วม" is no part of the name
    rf"|ร่วม(?=\s*(?:ด้วย|กัน)?\s*(?:(?:{particle_words(*PARTICLES)})\s*)*$))",
    re.I,
)

_QUOTE = "\"'“”‘’「」"
_WORD_SWAP = re.compile(
    rf"(?:คำว่า|แทนที่(?:คำว่า)?|\breplace\b)\s*[{_QUOTE}]?(?P<old>[^{_QUOTE}\n]+?)[{_QUOTE}]?\s*"
    # "คำว่า นายก ขอเปลี่ยนเป็น ผู้บริหาร": a request and a verb may stand before "เป็น"
    rf"(?:(?:(?:ขอ|ช่วย|อยาก|ให้)\s*)?(?:เปลี่ยน(?:แปลง)?|(?:ปรับ)?แก้(?:ไข)?|ปรับ(?:ปรุง)?)\s*)?"
    rf"(?:ให้เป็น|เป็น(?:คำว่า)?|ด้วย(?:คำว่า)?|->|→|\bwith\b|\bto\b)\s*[{_QUOTE}]?(?P<new>[^{_QUOTE}\n]+?)[{_QUOTE}]?\s*$"
    rf"|(?:จาก\s*)?[{_QUOTE}](?P<old2>[^{_QUOTE}\n]+)[{_QUOTE}]\s*(?:(?:ปรับ)?(?:แก้|เปลี่ยน)(?:ไข|แปลง)?\s*)?"
    rf"(?:ให้เป็น|เป็น|->|→)\s*[{_QUOTE}](?P<new2>[^{_QUOTE}\n]+)[{_QUOTE}]",
    re.I,
)

# A period typed straight after a target: months, quarters, "ตั้งแต่ …", "ทั้งปี".
_MONTH_WORDS = "|".join(
    [
        *MONTHS,
        *MONTHS_SPOKEN,
        *(r"\.?\s?".join(map(re.escape, a.strip(".").split("."))) + r"\.?" for a in MONTHS_ABBR),
    ]
)
_PERIOD_START = re.compile(
    rf"^(?:ไตรมาส|q[1-4]\b|ตั้งแต่|ระหว่าง|(?:ตลอด|ทั้ง|เต็ม)\s*(?:ทั้ง)?\s*ปี|(?:1[0-2]|[1-9]|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)\s*เดือน(?:แรก|หลัง|สุดท้าย)|ครึ่งปี|(?:{_MONTH_WORDS})(?:\s*\d{{2,4}})?\s*(?:-|–|ถึง|กับ|และ))",
    re.I,
)
_PERIOD_LEAD = re.compile(
    # a request's opener may come first: "แถว 6 ขอเลื่อนเป็น ม.ค. 69 ถึง มิ.ย. 69"
    # how often is no part of when: "แถว 7 ทำทุกเดือนตลอดปีงบ", "ทำเป็นประจำทุกไตรมาส ช่วง …"
    r"^(?:(?:อย่าง)?ต่อเนื่อง|เป็นประจำ|แค่|เฉพาะ|เพียง|(?:ช่วง)?ต้นปี(?:งบ(?:ประมาณ)?)?(?=\s*\d)|(?:ทุก|ราย)(?:เดือน|ไตรมาส|สัปดาห์|ปี)(?=\s*\S)|\s|ขอ|รบกวน|ช่วย|อยากจะ|อยาก|ต้องการ|ดำเนินการ|ทำ|เอา|เปลี่ยน(?:แปลง)?|แก้(?:ไข)?|ปรับ|ได้|ช่วง|ในช่วง|ใน|รอบ|ให้|เป็น|:|เลื่อน|ขยาย(?:เวลา)?|ยืด(?:เวลา)?|ออก|ไป|เสร็จ|จบ|(?:จน)?ถึง|เดือน)+"
)
# Words that lead from a period to the row it is for: "… สำหรับแถวที่ 4", "… ของแถว 2".
_TO_TARGET = re.compile(r"\s*(?:สำหรับ|ของ|ใน|ให้กับ|ให้|ที่|for|of|in)\s*$", re.I)
# "แถว 8 ทำเดือน ก.พ. 69 เดือนเดียว": one month to do it in, after a verb of doing.
_DOING = re.compile(r"ทำ|ดำเนินการ|ช่วง")
# Moving a timeline ("เลื่อนไป มี.ค. 69", "ขยายเวลาถึง มิ.ย. 69"): one month is then its new end.
_SHIFT = re.compile(r"เลื่อน|ขยาย|ยืด")
_END_WORDS = re.compile(r"เสร็จ|จบ|ถึง")
_ONE_MONTH = re.compile(
    rf"^(?:ภายใน|ก่อน|ไม่เกิน|สิ้น)?\s*(?:เดือน)?\s*(?:{_MONTH_WORDS})(?:\s*\d{{2,4}})?"
    # "ทำเดือนพฤศจิกายนเดือนเดียวพอ": only that month, and that is enough
    r"(?:\s*(?:แค่|เพียง)?(?:เดือนเดียว|เท่านั้น|อย่างเดียว))?(?:\s*(?:ก็)?พอ(?:แล้ว)?)?$"
)
_BY_MONTH = re.compile(rf"^(?:ภายใน|ก่อน|ไม่เกิน|สิ้น)\s*(?:{_MONTH_WORDS}|ไตรมาส|ปีงบ)")
# "เลื่อนออกไปอีก 1 เดือน", "เลื่อนเร็วขึ้น 2 เดือน": a shift by a count of months is asked back.
_RELATIVE = re.compile(
    r"^(?:อีก|เร็วขึ้น|ช้าลง|ถอยหลัง|ถอย|ไปข้างหน้า)?\s*(?:\d{1,2}|หนึ่ง|สอง|สาม|สี่|ห้า|หก)?\s*(?:เดือน|สัปดาห์|อาทิตย์|วัน)"
    r"|^(?:เร็วขึ้น|ช้าลง|ออกไปอีก)"
)


def _units(shown: str, start: int, stop: int) -> str:
    end = _UNITS_END.search(shown, start, stop) if stop > start else None
    return strip_polite(shown[start : end.start() if end else stop]).strip(" ,:")


def owner_change(shown: str, probe: str, names: Mapping[str, int] | None) -> tuple[str, Target, str] | None:
    """Return ("add_owner" | "remove_owner", target, names) for a message that adds or removes an owner."""
    for action, verb in (("remove_owner", _REMOVE), ("add_owner", _ADD)):
        m = verb.search(probe)
        if m is None:
            continue
        target = find_target(probe, items=True, names=names)
        if target is None or target.start <= m.end() < target.end:
            return None
        stop = target.start if target.start > m.end() else len(probe)
        value = _units(shown, m.end(), stop)
        owner_word = bool(_OWNER.search(probe))
        # taking out "งาน…" needs no owner word: applying refuses a name the row does not list
        named = owner_word or _STRONG.match(value) or action == "remove_owner"
        if value and not _NOT_UNIT.match(value) and named:
            return action, target, value
    return None


# Where a word is replaced, said after the new word: "ทุกที่ในแถว", "ทั้งแถว", "ทุกจุด".
_SWAP_SCOPE = re.compile(
    r"\s+(?:ทุกที่|ทุกจุด|ทั้งหมด|ทั้งแถว|ทุกคำ)(?:\s*(?:ใน|ของ|ที่มี(?:ใน)?)?\s*(?:แถว(?:นี้)?|ตาราง|ร่าง))?$"
)


def word_swap(shown: str, probe: str, names: Mapping[str, int] | None) -> tuple[Target, str] | None:
    """Return (target, "old → new") for "แถว 1 เปลี่ยนคำว่า ไตรมาส เป็น รายเดือน"."""
    m = _WORD_SWAP.search(shown)
    if m is None:
        return None
    target = find_target(probe[: m.start()], items=True, names=names)
    if target is None and m.group("old2"):  # 'แก้ "รายงานผล" เป็น "สรุปผล" แถว 2': the row after the quotes
        after = find_target(probe[m.end() :], items=True, names=names)
        if after is not None and _chatter_only(
            probe[m.end() :][: after.start] + probe[m.end() :][after.end :]
        ):
            target = after
    if target is None:
        return None
    old = (m.group("old") or m.group("old2") or "").strip()
    new = strip_polite(m.group("new") or m.group("new2") or "").strip(_QUOTE + " ")
    new = _SWAP_SCOPE.sub("", new).strip(_QUOTE + " ")  # "… ทุกที่ในแถว": where, not the new word
    if not old or not new or old == new:
        return None
    return target, f"{old} → {new}"


# One owner for another: "ใช้ กองคลัง แทน สำนักปลัด", "ให้งานพัสดุรับผิดชอบแทนกองคลัง",
# "ไม่ใช่กองช่าง ต้องเป็นกองคลัง": value "old → new", replaced where the row names the old one.
_NAME = rf"(?:{_UNIT})[^\s,]*?"
_INSTEAD = re.compile(
    rf"(?:ใช้|ให้|เอา)?\s*(?P<new>{_NAME})\s*(?:เป็นผู้รับผิดชอบ|รับผิดชอบ)?\s*แทน(?:ที่)?\s*(?P<old>{_NAME})(?=\s|$)"
    rf"|ไม่ใช่\s*(?P<old2>{_NAME})\s*(?:แต่|ต้อง|ให้|ควร)?\s*(?:เป็น|คือ)\s*(?P<new2>{_NAME})(?=\s|$)"
    # "ควรเป็นกองคลังนะ ไม่ใช่สำนักปลัด": the new one first
    rf"|(?:ควร|ต้อง)?(?:จะ)?\s*(?:เป็น|คือ)\s*(?P<new3>{_NAME})(?:\s*(?:นะ|ค่ะ|คะ|ครับ|จ้า))*\s*,?\s*ไม่ใช่\s*(?P<old3>{_NAME})(?=\s|$)",
    re.I,
)


# "… และแก้ผู้รับผิดชอบเป็น …": a second change inside the value.
# "…, ระยะเวลา = ทั้งปี": a second field with its own "=" or ":" after a comma.
_FIELDS_ALT = words(*KPI_WORDS, *OWNER_WORDS, *TIME_RANGE_WORDS, *STEP_WORDS, *MEASURE_WORDS)
_SECOND_EDIT = re.compile(
    rf"(?:และ|แล้ว|,|;)\s*(?:ก็)?\s*(?:{words(*CHANGE_VERBS)})\s*(?:{_FIELDS_ALT})"
    r"\s*(?:ของ)?\s*(?:แถว\s*(?:ที่)?\s*\d+)?\s*(?:เป็น|:|=)"
    rf"|(?:,|;|\n)\s*(?:{_FIELDS_ALT})\s*(?::|=)"
    # "… กองคลัง ค่ะ ระยะเวลา ทั้งปี": a polite particle closes one change, a field word opens the next
    rf"|(?:ค่ะ|ครับ(?:ผม)?|นะคะ|นะครับ|จ้า)\s+(?:{_FIELDS_ALT})"
    # "… กองคลัง และระยะเวลาเป็นไตรมาส 1": a field that never stands inside a cell's text, with its connective
    rf"|(?:และ|แล้ว(?:ก็)?)\s*(?:{words(*OWNER_WORDS, 'ระยะเวลา', 'ช่วงเวลา', 'กรอบเวลา', 'kpi', 'ตัวชี้วัดความสำเร็จ')})"
    r"\s*(?:เป็น|:|=)",
    re.I,
)
# A field word an owner's name never holds ("กองคลัง ระยะเวลา ทั้งปี" is two changes; "ผู้ดูแลเว็บไซต์",
# "งานส่งเสริมกิจกรรม…" may be names, so those words are left out).
_ANY_FIELD = re.compile(
    words(
        *(w for w in KPI_WORDS if w != "ตัวชี้วัด"),
        *(w for w in TIME_RANGE_WORDS if len(w) > 4 and not w.startswith("เริ่ม")),
        "ขั้นตอน", "มาตรการ", "ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "หน่วยงานรับผิดชอบ",
    ),
    re.I,
)  # fmt: skip
_STEP_COUNT = re.compile(r"^(?:[2-9]|สอง|สาม|สี่|ห้า)\s*(?:ข้อ|ขั้นตอน|กิจกรรม|อย่าง)")
# Owners given as a choice ("กองคลัง หรือ กองช่าง"): asked back, never stored as one name.
_CHOICE = re.compile(r"\sหรือ|\bor\b", re.I)


def check_one_change(value: str, action: EditAction, target: Target) -> None:
    """Refuse a value that holds a second change, or owners given as a choice: asked back, never stored."""
    if action is EditAction.ADD_STEP and _STEP_COUNT.match(to_arabic(value)):  # "สองข้อ คือ …": one at a time
        raise EditError(wording.EDIT_ONE_STEP)
    if _SECOND_EDIT.search(value) or (action is EditAction.OWNERS and _ANY_FIELD.search(value)):
        raise EditTwoChanges(
            wording.EDIT_ONE_AT_A_TIME
        )  # "… หลัก สำนักปลัด ผู้รับผิดชอบรอง กองคลัง": two owner cells
    if action is EditAction.OWNERS and _CHOICE.search(value):  # "กองคลัง หรือ กองช่าง ดีคะ": which one?
        where = " " + EditCommand(action, target.kind, target.number, item=target.item).where_th()
        raise EditError(wording.EDIT_OWNER_CHOICE.format(where=where))


def check_rest(pieces: list[str], value: str) -> None:
    """Refuse a second change in the text beside the value ("แถว 3 ให้กองคลังรับผิดชอบ แล้วก็เลื่อนเวลาเป็น…")."""
    if any(piece != value and _SECOND_EDIT.search(" " + piece) for piece in pieces):
        raise EditTwoChanges(wording.EDIT_ONE_AT_A_TIME)


def _chatter_only(text: str) -> bool:
    left = _OWNER.sub(" ", CHATTER.sub(" ", text))
    left = "".join(ch for ch in left if ch.isalnum())
    return len(left) <= SMALL_TALK_CHARS and not any(ch.isdigit() for ch in left)


def owner_swap(shown: str, probe: str, names: Mapping[str, int] | None) -> tuple[Target, str] | None:
    """Return (target, "old → new") for a message that puts one owner in another's place."""
    text = strip_polite(shown)
    m = _INSTEAD.search(text)
    if m is None:
        return None
    old, new = (
        strip_polite(m.group(k) or m.group(f"{k}2") or m.group(f"{k}3") or "") for k in ("old", "new")
    )
    rest = probe[: m.start()] + " " + probe[m.end() :]
    target = find_target(rest, items=True, names=names)
    if target is None or old == new or not _chatter_only(rest[: target.start] + " " + rest[target.end :]):
        return None
    return target, f"{old} → {new}"


# "สป.", "กค.", "ผอ.กองคลัง": a unit's abbreviation, a few consonants and a dot.
_ABBREVIATION = re.compile(r"^[ก-ฮ]{1,4}\.")


def is_abbreviation(value: str) -> bool:
    """Tell whether a value starts with an abbreviated unit ("สป. และ กค.")."""
    return _ABBREVIATION.match(value) is not None


_PERIOD_SIGN = re.compile(rf"\d|ไตรมาส|ปีงบ|ทั้งปี|ตลอดปี|ครึ่งปี|\bq[1-4]|{_MONTH_WORDS}", re.I)


def has_period(value: str) -> bool:
    """Tell whether a value names a time: a month, a quarter, a year or a number."""
    return _PERIOD_SIGN.search(to_arabic(value)) is not None


# A remark after the sentence's particle, with no figure: "… เม.ย. 69 นะคะ ก่อนปิดระบบ" (why, not when).
_REMARK_AFTER = re.compile(r"(?:(?<=ค่ะ)|(?<=คะ)|(?<=นะ)|(?<=จ้า)|(?<=ครับ)|(?<=ผม))\s+[^\d๐-๙\n]{1,40}$")


def bare_period(shown: str, target: Target) -> str:
    """The period typed beside a target with no field word ("แถว 3 ม.ค.-มี.ค. 69"), or "".

    After a verb that moves the timeline ("เลื่อนไปเสร็จ มี.ค. 69", "เลื่อนแถว 2 ไป มี.ค. 69"), one month
    is its new end (a deadline: "ภายใน มี.ค. 69"); a count of months to move by is asked back.
    """
    before = shown[: target.start]
    for piece in (shown[target.end :], before):
        # "ต.ค. 68 ถึง มี.ค. 69 ค่ะ สำหรับแถวที่ 4": the word that leads to the target is not the period's
        text = strip_polite(_TO_TARGET.sub("", piece) if piece is before else _REMARK_AFTER.sub("", piece))
        lead = _PERIOD_LEAD.match(text)
        words = lead.group(0) if lead else ""
        value = text[len(words) :]
        arabic = to_arabic(value)
        moved = bool(_SHIFT.search(words) or (piece is not before and _SHIFT.search(before)))
        if moved and _RELATIVE.match(arabic):
            where = EditCommand(EditAction.TIMELINE, target.kind, target.number, item=target.item).where_th()
            raise EditError(wording.EDIT_SHIFT_NEEDS_MONTH.format(where=where))
        if _PERIOD_START.match(arabic) or _BY_MONTH.match(arabic):
            return f"ภายใน {value}" if _END_WORDS.search(words) and moved else value
        if (moved or _END_WORDS.search(words)) and _ONE_MONTH.match(arabic):
            return value if re.match(r"ภายใน|ก่อน|ไม่เกิน|สิ้น", arabic) else f"ภายใน {value}"
        if _DOING.search(words) and _ONE_MONTH.match(arabic) and not re.match(r"ภายใน|ก่อน|ไม่เกิน|สิ้น", arabic):
            return value  # the one month to do it in
    return ""


# Before owners typed beside a row with no owner word: a request and a verb of change ("ขอเปลี่ยนเป็น …").
_OWNERS_LEAD = re.compile(rf"^(?:\s|ขอ|รบกวน|ช่วย|ให้|เป็น|ควรจะ|ควร|น่าจะ|:|(?:{words(*CHANGE_VERBS)}))*", re.I)
_OWNERS_HEDGE = re.compile(r"\s*(?:มากกว่า|ดีกว่า)$")


def bare_owners(shown: str, target: Target) -> tuple[str, bool]:
    """Units typed after a row with no field word ("แถว 5 เปลี่ยนเป็นกองคลังค่ะ", "แถว 5 กองคลัง, กองช่าง"),
    and whether the message says by itself that they are the owners.

    Only names that say by themselves they are units ("กอง…", "สำนัก…") are read so: anything else
    is asked back as a change whose cell is not named. The units now named before the new ones
    ("ตอนนี้เป็นสำนักปลัด ขอเปลี่ยนเป็นกองช่าง") name the cell: only the owners hold units, so it is sure.
    """
    text = strip_polite(shown[target.end :])
    swap = _FROM_TO.match(text)  # "ตอนนี้เป็นสำนักปลัด ขอเปลี่ยนเป็นกองช่าง": the unit now, then the new one
    sure = bool(swap and _units_only(swap.group("old")))
    if swap and sure:
        text = swap.group("new")
    value = text[_OWNERS_LEAD.match(text).end() :]  # type: ignore[union-attr]  # the pattern always matches
    value = _OWNERS_HEDGE.sub("", value)  # "น่าจะเป็นกองช่างมากกว่า": the hedge is no part of the name
    if sure and value and not _PERIOD_SIGN.search(to_arabic(value)):
        return value, True  # the cell is the owners: the new name need not say it is a unit ("งานพัสดุ")
    return (value, False) if _units_only(value) else ("", False)


_FROM_TO = re.compile(
    r"^\s*(?:(?:ขอ)?(?:เปลี่ยน(?:แปลง)?|(?:ปรับ)?แก้)\s*)?(?:จาก|(?:ตอนนี้|เดิม|ปัจจุบัน)\s*(?:เป็น|คือ)?)\s*(?P<old>\S.*?)\s*"
    r"(?:ขอ|ให้)?\s*(?:เปลี่ยน(?:แปลง)?|(?:ปรับ)?แก้)?\s*(?:ให้)?เป็น\s*(?P<new>\S.*)$"
)


def _units_only(value: str) -> bool:
    """Tell whether a text is only names that say by themselves they are units ("กองคลัง, สำนักปลัด")."""
    names = split_owners(value)
    strong = all(_STRONG.match(n) and not _NOT_UNIT.match(n) and len(n.split()) <= 2 for n in names)
    return bool(names) and strong and not _PERIOD_SIGN.search(to_arabic(value))


def split_swap(value: str) -> tuple[str, str]:
    """Return (old, new) of a "old → new" value."""
    old, _, new = value.partition(" → ")
    return old.strip(), new.strip()


def _step_removal(probe: str, names: Mapping[str, int] | None) -> EditCommand | None:
    """ "ลบขั้นตอนที่ 3 แถว 2": one step taken out of a row."""
    ref, verb = _STEP_REF.search(probe), _STEP_REMOVE.search(probe)
    after = _STEP_AFTER_ROW.search(probe) if ref is None else None  # "ขั้นตอนแถว 4 ข้อที่ 3 ลบออก"
    if (ref is None and after is None) or verb is None:
        return None
    ref = ref or after
    assert ref is not None
    if _MORE_STEPS.match(probe, ref.end()):
        raise EditError(wording.EDIT_ONE_STEP)
    row = f" {ref.group('row')} " if ref.re is _STEP_AFTER_ROW else " "
    rest = probe[: ref.start()] + row + probe[ref.end() :]
    target = find_target(rest, items=True, names=names)
    if target is None:
        return None
    left = CHATTER.sub(" ", rest[: target.start] + " " + rest[target.end :])
    left = _STEP_REMOVE.sub(" ", left)
    if len("".join(ch for ch in left if ch.isalnum())) > SMALL_TALK_CHARS:
        return None
    check_target(target)
    return EditCommand(EditAction.REMOVE_STEP, target.kind, target.number, ref.group("n"), item=target.item)


def part_change(shown: str, probe: str, names: Mapping[str, int] | None) -> EditCommand | None:
    """An owner added or taken out, a word replaced, a step taken out: read before the whole-cell edits."""
    if (step := _step_removal(probe, names)) is not None:
        return step
    for read_swap in (word_swap, owner_swap):  # a word in the steps first, then an owner in their cell
        swap = read_swap(shown, probe, names)
        if swap is not None:
            target, value = swap
            check_target(target)
            return EditCommand(
                EditAction.REPLACE, target.kind, target.number, value, item=target.item, more=target.more
            )
    owners = owner_change(shown, probe, names)
    if owners is not None:
        action, target, value = owners
        check_target(target)
        return EditCommand(
            EditAction(action), target.kind, target.number, value, item=target.item, more=target.more
        )
    return None
