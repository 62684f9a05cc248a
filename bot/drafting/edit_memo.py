"""A message written as an official memo, without its memo frame: the address ("เรียน ผู้ดูแลระบบ"),
the subject line ("เรื่อง …") when a body follows, and the closings ("จึงเรียนมาเพื่อโปรดพิจารณา",
"ขอแสดงความนับถือ", "รบกวนด้วยนะคะ"). Only the frame goes: the body is read as any message.

A value inside such a message ends where its quotes close or its sentence ends (`value_end`): what
follows is why, or thanks. A value that names what the cell holds now before the change keeps only
the new part (`new_of_now`).
"""

from __future__ import annotations

import re

from bot.drafting.edit_command import EditAction
from bot.drafting.edit_valueless import FIELD

# The address on a line of its own, or before the request on the same line ("เรียน ทีมงาน ขอแก้…").
_ADDRESS = re.compile(r"^\s*เรียน(?:\s*คุณ)?\s+(?:[^\n]*\n|\S{1,30}\s+(?=ขอ|รบกวน|กรุณา|ช่วย|อยาก|ต้องการ))")
# The subject line, when other lines follow it.
_SUBJECT = re.compile(r"^\s*เรื่อง\s[^\n]*\n(?=[^\n]*\S)", re.M)
_POLITE = r"(?:\s*(?:ด้วย)?\s*(?:นะ)?\s*(?:ครับผม|ครับ|คับ|ค่ะ|คะ|ค่า|จ้า))*"
# Closings of a memo or a polite request, at the end.
_CLOSING = re.compile(
    r"(?:\s|^)(?:จึงเรียนมา(?:เพื่อ(?:โปรด)?(?:ทราบ|พิจารณา)(?:และ)?(?:ดำเนินการ|อนุเคราะห์)?)?|ขอแสดงความนับถือ"
    r"|(?:ขอ)?รบกวน(?:ด้วย|หน่อย)|ขอบ(?:พระ)?คุณ(?:มาก|ล่วงหน้า)?(?:ครับผม|ครับ|ค่ะ|คะ)?)"
    rf"{_POLITE}\s*[.!🙏]*\s*$"
)


def without_memo(text: str) -> str:
    """Return the message without a memo's address, subject line and closings (the body, as typed)."""
    body = _ADDRESS.sub("", text, count=1)
    body = _SUBJECT.sub("", body, count=1)
    for _ in range(3):  # "… ค่ะ รบกวนด้วยนะคะ ขอบคุณค่ะ": closings one after another
        cut = _CLOSING.sub("", body).rstrip()
        if cut == body.rstrip() or not cut:
            break
        body = cut
    return body.strip() or text


# A value in quotes: only what they hold is the value ("เป็น “…” ค่ะ รบกวนด้วยนะคะ").
_QUOTED = re.compile(r"\s*[“\"‘「](?P<value>[^“”\"‘’「」\n]{2,}?)[”\"’」]")
# A sentence closed by its particle with more said after it: the value ends there. "คับ", "ค่า", "คะ"
# only before a space ("คะแนน", "ผู้บังคับบัญชา", "ค่าใช้จ่าย" hold them).
_SAID = re.compile(r"(?<=\S)\s*(?:นะ)?(?:ครับผม|ครับ|ค่ะ|(?:คับ|ค่า|คะ)(?=\s))(?=\s*[^\s!.🙏])")


def value_end(piece: str, start: int, end: int, *, sentences: bool = True) -> int:
    """Where a value that starts at `start` ends: its closing quote, or the particle that closes its sentence.

    A particle followed by another cell's name is not the end ("… กองคลัง ค่ะ ระยะเวลา ทั้งปี" is two
    changes, refused as such); `sentences=False` keeps whole sentences (a list of steps).
    """
    quoted = _QUOTED.match(piece, start)
    if quoted is not None:  # "ขอปรับเป็น “…” ครับ เพื่อให้สอดคล้อง…": what the quotes hold
        return min(end, quoted.end("value"))
    said = _SAID.search(piece, start, end) if sentences else None
    if said is not None and not FIELD.search(piece, said.end()):
        return said.start()  # "… ออนไลน์ครับ แค่นี้แหละครับ"
    return end


# Why the change is asked, after the value: "… เนื่องจากงานพัสดุย้ายไปสังกัดกองคลัง", "… เพราะซ้ำกับแถว 2".
# A reason word after a space ends any value but a list of steps (a step may say why it is done).
_BECAUSE = re.compile(r"\s+(?:เนื่องจาก|เพราะ(?:ว่า)?|ด้วยเหตุ(?:ว่า|ที่)|สาเหตุ(?:ที่|เพราะ))\S")
# "เพื่อ…" is the purpose of a measure ("อบรมเพื่อสร้างความรู้") but, after an owner, a period or a KPI's
# figure, the purpose of the change: "… ร้อยละ 85 เพื่อให้วัดผลได้จริง", "… ก.พ. 69 เพื่อให้ทันการตรวจ".
_PURPOSE = re.compile(r"\s+เพื่อ(?:ให้)?\S")
_FIGURE = re.compile(r"\d\s*(?:%|ร้อยละ|ราย|คน|ครั้ง|เรื่อง|ฉบับ|แห่ง|วัน|เดือน|ชิ้น|หน่วย|รายการ|ช่องทาง|คะแนน)?\s*$")


def reason_end(piece: str, start: int, end: int, *, purpose: bool, figure: bool) -> int:
    """Where a value ends before the reason given for the change (`end` when it gives none).

    `purpose`: "เพื่อ…" after the value is why (owners, periods); `figure`: only after a figure (a KPI).
    """
    because = _BECAUSE.search(piece, start, end)
    if because is not None and because.start() > start:
        end = because.start()
    if purpose or figure:
        for m in _PURPOSE.finditer(piece, start, end):
            if m.start() > start and (purpose or _FIGURE.search(piece, start, m.start())):
                return m.start()
    return end


# "ผู้รับผิดชอบเป็นสำนักปลัด ขอเปลี่ยนเป็นกองคลัง", "ระยะเวลาเดิม ต.ค.–ธ.ค. ขอแก้เป็น ม.ค.–มี.ค.": the value now,
# then a verb of change and the new one. Only the new value is stored.
_NOW_THEN_NEW = re.compile(
    r"^(?P<old>\S.*?)\s*(?:แต่|และ|แล้ว)?\s*(?:ขอ|อยาก|รบกวน|ช่วย)?\s*(?:ให้)?\s*(?:เปลี่ยน|แก้(?:ไข)?|ปรับ)\s*"
    r"(?:ให้)?\s*เป็น\s*(?P<new>\S.*)$"
)
_NOW_WORD = re.compile(r"ตอนนี้|เดิม|ปัจจุบัน|ขณะนี้")


def new_of_now(value: str, action: EditAction, before: str) -> str:
    """The new value of "X (now) … change to Y": Y. Names and periods always read so; free text
    (a measure, a step, a KPI) only when the message says X is what the cell holds now."""
    m = _NOW_THEN_NEW.match(value)
    if m is None:
        return value
    cell = action in (EditAction.OWNERS, EditAction.ADD_OWNER, EditAction.TIMELINE)
    if cell or _NOW_WORD.search(before) or _NOW_WORD.match(m.group("old")):
        return m.group("new").strip()
    return value
