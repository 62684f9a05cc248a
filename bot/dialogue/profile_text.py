"""Read the agency profile's typed answers: a name without its lead-in, a list of units.

Pure text functions for the profile steps in bot.dialogue.states: officers type
"ชื่อหน่วยงานคือ …ค่ะ", or units as a sentence, a bulleted list, or names
separated only by spaces ("กองคลัง กองช่าง สำนักปลัด").
"""

from __future__ import annotations

import re

_UNIT_SEPARATORS = re.compile(r"[,\n;、/]|\s+และ\s*|(?<=\S)และ(?=(?:กอง|สำนัก|ฝ่าย|กลุ่ม|ศูนย์|หน่วย|งาน|ส่วน|แผนก))")
# A list item's marker: bullets, dashes, "1." or "1)".
_BULLET = re.compile(r"^\s*(?:[•●○◦▪■\-–—*·]+|\(?\d{1,2}[.)])\s*")
# The words a Thai unit's name starts with: between two of them, a space separates two units.
_UNIT_HEADS = ("กอง", "สำนัก", "ฝ่าย", "กลุ่ม", "ศูนย์", "หน่วย", "งาน", "ส่วน", "แผนก", "คณะ", "ที่ทำการ")
# Words that name a kind of public body, beyond the agency types' own names and aliases.
_AGENCY_WORDS = re.compile(
    r"สำนักงาน|โรงพยาบาล|โรงเรียน|วิทยาลัย|สถาบัน|ศูนย์|กรม|กระทรวง|องค์การ|องค์กร|เทศบาล|อบต|อบจ|"
    r"จังหวัด|อำเภอ|สถานี|ศาล|การไฟฟ้า|การประปา|ธนาคาร|มหาวิทยาลัย|กอง|สำนัก|ตำรวจ|ค่าย|agency|office|"
    r"department|ministry|university|school|hospital",
    re.I,
)
# Where an introduction turns to the agency: "…ของ", "…จาก", "…สังกัด" before a body's word.
_INTRO_LEAD = re.compile(rf"(?:ของ|จาก|สังกัด|ประจำ|อยู่ที่|อยู่)\s*(?=(?:{_AGENCY_WORDS.pattern}))", re.I)
_PERSON = re.compile(r"(?:ผม|ดิฉัน|หนู|เรา|ครู|เจ้าหน้าที่|ผู้อำนวยการ|หัวหน้า|นัก|รอง|ผอ)")
# Polite particles closing a typed answer: never part of a name or a unit.
# Lead-ins before a typed name or list: "ชื่อหน่วยงานคือ ...", "หน่วยงานของเราชื่อ ...", "มี ...".
_NAME_LEAD = re.compile(
    r"^(?:ชื่อหน่วยงาน(?:ของ(?:เรา|ฉัน|ผม|หนู|ดิฉัน))?|หน่วยงาน(?:ของ(?:เรา|ฉัน|ผม|หนู|ดิฉัน))?ชื่อ|ชื่อ|"
    r"(?:ผม|ดิฉัน|หนู|เรา)?(?:อยู่|มา)?จาก|(?:ผม|ดิฉัน|หนู|เรา)อยู่)\s*(?:คือ|ว่า|:)?\s*"
)
_UNITS_LEAD = re.compile(
    r"^(?:หน่วยงานย่อย(?:มี|คือ|ได้แก่)?\s*:?|(?:มี|ได้แก่|คือ)\s*:?\s*(?=กอง|สำนัก|ฝ่าย|กลุ่ม|ศูนย์|หน่วย|งาน|ส่วน|แผนก|คณะ))\s*"
)
_CLOSING_PARTICLES = re.compile(r"(?:\s*(?:นะ)?(?:ครับผม|ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ))+\s*$")


def plain_answer(text: str) -> str:
    """Return a typed answer on one line, without the closing polite particles ("กองคลังค่ะ" -> "กองคลัง")."""
    return _CLOSING_PARTICLES.sub("", " ".join(text.split())).strip()


def drop_name_lead(name: str) -> str:
    """Return a typed name without its lead-in ("หน่วยงานของเราชื่อ …" -> "…")."""
    return _NAME_LEAD.sub("", name, count=1).strip()


def name_in_intro(text: str) -> str:
    """Return the agency's name an introduction ends with, or "" ("ผมเป็นครูผู้รับผิดชอบ ITA ของโรงเรียน…ครับ").

    The name is what follows the first "ของ/จาก/สังกัด/ประจำ/อยู่ที่" that runs into a word for a
    public body, when no such word comes before it: the person's own role is not the name.
    """
    line = " ".join(text.split())
    leads = list(_INTRO_LEAD.finditer(line))
    if not leads:
        return ""
    match = leads[0]
    if _AGENCY_WORDS.search(line, 0, match.start()):
        # "ผู้อำนวยการกองคลังของเทศบาลเมือง…": a person's post names a unit; the agency comes last
        if not _PERSON.match(line):
            return ""
        match = leads[-1]
    return plain_answer(line[match.end() :])


def names_a_body(name: str) -> bool:
    """Tell whether a name holds a word for a kind of public body ("โรงพยาบาล", "สำนักงาน", "school")."""
    return bool(_AGENCY_WORDS.search(name))


def split_units(text: str, known: list[str]) -> list[str]:
    """Split a typed list of units on commas, new lines, bullets, "และ", and spaces between unit names."""
    units: list[str] = []
    for piece in _UNIT_SEPARATORS.split(_UNITS_LEAD.sub("", text.strip(), count=1)):
        piece = plain_answer(_BULLET.sub("", piece)).strip(" -•*\t.")
        if not piece:
            continue
        units.extend([piece] if piece in known else _split_on_spaces(piece))
    return units


def _split_on_spaces(piece: str) -> list[str]:
    """ "กองคลัง กองช่าง สำนักปลัด" -> three units; "กองการศึกษา ศาสนาและวัฒนธรรม" stays one."""
    groups: list[list[str]] = []
    for word in piece.split():
        if groups and not word.startswith(_UNIT_HEADS):
            groups[-1].append(word)
        else:
            groups.append([word])
    return [" ".join(g) for g in groups]


def looks_like_unit(unit: str, known: list[str]) -> bool:
    """Tell whether a typed unit reads as a unit's name: a known unit, or one led by a unit word."""
    return unit in known or unit.startswith(_UNIT_HEADS) or bool(_AGENCY_WORDS.search(unit))


def more_units(text: str) -> list[str]:
    """Return the units a message adds after the unit step, or [] when it is not a unit list.

    Officers send a list one unit a message ("- กองคลัง", "กองการเจ้าหน้าที่ค่ะ"): a message with no
    digits whose every piece starts with a unit's head word (after a bullet) adds to the units.
    """
    if any(ch.isdigit() for ch in text):
        return []
    units = split_units(text, [])
    return units if units and all(u.startswith(_UNIT_HEADS) for u in units) else []
