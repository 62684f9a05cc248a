"""Which short messages are commands, and which say yes or keep: "ร่างเลยค่ะ", "ขอไฟล์ Word", "ยืนยันครับ".

A Thai alias is a command only when it is the whole message (or, for the few
commands that take arguments, is followed by them), after polite particles,
openers ("ขอ", "รบกวน") and a short lead-in without digits are trimmed, so that
ordinary Thai sentences that happen to start with "ร่าง" or "รายงาน" are not
taken as orders. Button labels typed as text are the button's command. Yes and keep are read
in bot.dialogue.answer_words (re-exported here).
"""

from __future__ import annotations

import enum
import re

from bot.dialogue.answer_words import CONFIRM_WORDS, CORRECT_WORDS, KEEP_WORDS, decor, is_confirm, is_keep
from bot.dialogue.command_keys import ANSWERS, key_words
from bot.dialogue.file_words import BARE_KINDS, without_refused_kinds
from bot.dialogue.file_words import export_or_report as _files_read
from bot.dialogue.remarks import MAX_SENTENCES, sentences, with_remarks
from bot.drafting.edit_text import tidy_thai
from bot.drafting.edit_typos import CLOSING_MARK, fix_typos, without_salutation
from bot.drafting.edits import strip_polite
from bot.thai import to_arabic
from bot.wording import REDRAFT_KEEP_LABEL

__all__ = [
    "CONFIRM_WORDS",
    "CORRECT_WORDS",
    "KEEP_WORDS",
    "Command",
    "is_confirm",
    "is_keep",
    "parse_command",
]

# An export/report alias followed by this much text is a sentence about reports, not an order.
COMMAND_ARGS_MAX_CHARS = 40

# "ครบแล้ว ร่างเลย": a short lead-in before a command, with no digits, is still that command.
LEAD_IN_MAX_CHARS = 30


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
    UNDO = "undo"
    LAYOUT = "layout"


# (command, Thai/English words, Thai words may be followed by arguments). The whole message,
# once polite particles, openers ("ขอ", "ช่วย") and "เลย"/"ให้" are cut, must be one of the words.
ALIASES: tuple[tuple[Command, tuple[str, ...], bool], ...] = (
    (Command.START, ("เริ่ม", "เริ่มต้น", "start"), False),
    (
        Command.HELP,
        (
            "ช่วยเหลือ",
            "วิธีใช้",
            "help",
            "คำสั่ง",
            "ดูคำสั่ง",
            "คำสั่งทั้งหมด",
            "ดูคำสั่งทั้งหมด",
            "เมนู",
            "menu",
            "วิธีใช้งาน",
            "ความช่วยเหลือ",
            "ดูวิธีใช้",
            "ดูวิธีใช้งาน",
        ),
        False,
    ),
    (Command.NEW, ("เริ่มใหม่", "เริ่มต้นใหม่", "เริ่มใหม่ทั้งหมด", "ล้างข้อมูล", "new"), False),
    (Command.PROFILE, ("ข้อมูลหน่วยงาน", "แก้ข้อมูลหน่วยงาน", "profile"), False),
    (Command.SCORES, ("คะแนน",), True),
    (
        Command.DRAFT,
        (
            "ร่าง",
            "ร่างมาตรการ",
            "ร่างใหม่ทั้งหมด",
            "ร่างใหม่ทั้งฉบับ",
            "ร่างใหม่",
            "ร่างแผน",
            "ร่างแผนมาตรการ",
            "เริ่มร่าง",
            "ร่างมาตรการใหม่",
            "ร่างมาตรการใหม่ทั้งหมด",
            "ร่างตาราง",
            "ร่างตารางมาตรการ",
            "ร่างต่อ",
            "draft",
        ),
        False,
    ),
    (Command.EXPORT, ("ดาวน์โหลด",), True),
    (Command.REPORT, ("รายงาน", "แบบรายงานผล"), True),
    (Command.THRESHOLD, ("เกณฑ์", "เกณฑ์แบ่งกลุ่ม", "ดูเกณฑ์", "เปลี่ยนเกณฑ์", "แก้เกณฑ์"), True),
    (Command.CANCEL, ("ยกเลิก", "cancel", REDRAFT_KEEP_LABEL), False),
    (Command.ASK, ("ถาม",), True),
    (Command.UNDO, ("ย้อนกลับ", "ย้อน", "undo", "เอาคืน", "คืนค่าเดิม"), False),
    (
        Command.LAYOUT,
        ("แบบเอกสาร", "รูปแบบเอกสาร", "เลือกแบบเอกสาร", "เปลี่ยนแบบเอกสาร", "เปลี่ยนรูปแบบเอกสาร", "layout"),
        True,
    ),
)
# Asking what can be typed asks for the commands: "มีคำสั่งอะไรบ้าง", "พิมพ์คำสั่งอะไรได้บ้าง".
_HELP_ASK = re.compile(
    r"^(?:มี)?(?:คำสั่ง|เมนู)(?:มี)?อะไร(?:ได้|ให้(?:เลือก|ใช้|พิมพ์|กด))?บ้าง$"
    r"|^(?:(?:ดู|ถาม|อยากรู้|อยากทราบ)\s*(?:ว่า)?\s*)?(?:ต้อง|จะ)?(?:พิมพ์|สั่ง|ใช้)(?:คำสั่ง|เมนู)?(?:อะไร)?(?:ได้)?บ้าง$"
    r"|^what (?:can i|commands?)|^help me$|^how (?:to|do i|can i) (?:use|edit|start)\b"
    # how to use the bot: "ใช้ยังไง", "ช่วยด้วย ใช้งานอย่างไร", "บอทนี้ใช้ยังไงคะ"
    r"|^(?:ช่วยด้วย(?:ครับ|ค่ะ|คะ|นะ)*\s*)?(?:บอท(?:นี้)?|ระบบ(?:นี้)?)?\s*(?:ใช้|ใช้งาน|เริ่มใช้)(?:ยังไง|อย่างไร)(?:บ้าง)?$"
    # what the bot can do: "บอทนี้ทำอะไรได้บ้าง", "ช่วยด้วยค่ะ ระบบนี้ช่วยอะไรได้บ้าง", "what can you do"
    r"|^(?:ช่วยด้วย(?:ครับ|ค่ะ|คะ|นะ)*\s*)?(?:บอท|ระบบ|น้อง|คุณ)(?:นี้)?\s*(?:ทำ|ช่วย)(?:อะไร)(?:ได้)?(?:บ้าง)$"
    r"|^what can (?:you|this bot|the bot) do"
)
# Help in any order of its words: "ดูเมนูคำสั่ง", "เปิดคู่มือการใช้งาน", "วิธีใช้บอทนี้", "คำสั่งทั้งหมดของระบบ".
_HELP_WORDS = re.compile(
    r"^(?:ขอ)?\s*(?:เปิด\s*)?(?:ดู|เปิด|แสดง)?\s*(?:เมนู|คำสั่ง|วิธี(?:การ)?ใช้(?:งาน)?|คู่มือ|ความช่วยเหลือ|ช่วยเหลือ|help|menu|รายการคำสั่ง)"
    r"(?:\s*(?:เมนู|คำสั่ง|คู่มือ|ทั้งหมด|การใช้งาน|การใช้|ใช้งาน|ของ|บอท|bot|ระบบ|นี้|หลัก|หน่อย))*$",
    re.I,
)
# The agency's profile, to see or change: "ขอดูข้อมูลหน่วยงาน", "แก้ชื่อหน่วยงาน", "เปลี่ยนหน่วยงานย่อยใหม่".
_PROFILE_WORDS = re.compile(
    r"^(?:ดู|แสดง|เปิด|แก้(?:ไข)?|เปลี่ยน(?:แปลง)?|ปรับ(?:ปรุง)?)?\s*(?:(?:ข้อมูล|โปรไฟล์|profile)\s*(?:ของ)?\s*(?:หน่วยงาน|องค์กร)|ชื่อหน่วยงาน"
    r"|ประเภทหน่วยงาน|หน่วยงานย่อย|ปีที่ประเมิน|ปีประเมิน)"
    r"(?:\s*(?:ของ(?:ฉัน|ผม|หนู|เรา)|ใหม่|หน่อย|ทั้งหมด|ที่บันทึกไว้|ที่กรอกไว้))*$",
    re.I,
)
# Drafting the plan named with words about it: "ร่างแผนยกระดับ ITA", "ร่างมาตรการส่งเสริมคุณธรรมฯ ให้หน่วยงาน".
# No digits and no rows, items or topics named: "ร่างมาตรการตัวชี้วัด 9" and "ร่างแผนเรื่องงบประมาณ" are edits;
# and no question: "ร่างมาตรการต้องมีอะไรบ้าง" asks.
# The plan's fiscal or assessment year beside a request to draft it: "ปีงบ 69", "ปีงบประมาณ พ.ศ. 2569", "ปี 2569".
_PLAN_YEAR = re.compile(r"(?:ของ|สำหรับ)?\s*ปี(?:งบ(?:ประมาณ)?)?\s*(?:พ\.?\s?ศ\.?)?\s*(?:25)?[5-7]\d(?!\d)")
_DRAFT_PLAN = re.compile(
    r"^ร่าง\s*(?:แผน|มาตรการ|ตาราง)(?![^\n]*(?:\d|แถว|ตัวชี้วัด|ข้อ|เรื่อง|ด้าน|ใหม่|อะไร|ไหม|มั้ย|ยังไง|อย่างไร|ทำไม|ต้อง|ควร|บ้าง|\?))[^\n]{0,40}$"
)
# Commands a short lead-in may precede ("ไม่มีตัวอื่นแล้ว ร่างเลย").
_AFTER_LEAD_IN = (Command.DRAFT, Command.EXPORT, Command.REPORT, Command.HELP, Command.UNDO)

_OPENERS = re.compile(
    r"^(?:ขอ|รบกวน|ช่วย|กรุณา|อยากได้|อยาก|ต้องการ|please|pls|(?:can|could|may) (?:i|we) (?:have|get)"
    r"|(?:can|could|would) you (?:please )?(?:send|give)(?: me| us)?|(?:send|give) (?:me|us)|i want|i need)\s*",
    re.I,
)
# At the end: "ได้ไหม", "เลย", "ให้", and "again" ("อีกรอบ", "อีกครั้ง") - the order is the same.
_THEN = re.compile(
    r"\s*(?:ได้(?:ไหม|มั้ย|มั๊ย|มัย|หรือเปล่า|หรือไม่|ป่าว|ปะ)|ได้เลย|เลย|ให้|ได้|ทีนะ|ที|(?:ไป|ไว้)?ก่อน|อีกรอบ|อีกครั้ง|อีกที|ใหม่อีกครั้ง|(?<!ทั้ง)หมด"
    r"|now|please|again)\s*$",
    re.I,
)
_NEGATION = re.compile(r"ไม่ต้อง|อย่า(?!ง)|ยังไม่|ไม่เอา|ไม่ใช่|\b(?:don't|do not|not)\b", re.I)
# Undo: a verb of going back, then only words about which change ("ย้อนกลับไปก่อนหน้า", "undo last edit").
_UNDO_HEAD = re.compile(
    r"^(?:undo|revert|ย้อน(?:กลับ)?|เอาคืน|เอากลับ|คืนค่า|กลับไป|ยกเลิก(?=\s*(?:(?:การ|ที่|สิ่งที่)\s*(?:ปรับ|แก้|ลบ|ตัด|เพิ่ม|เปลี่ยน)"
    r"|(?:อัน|ครั้ง|รายการ)?(?:ล่าสุด|เมื่อกี้|เมื่อกี๊|เมื่อสักครู่))))",
    re.I,
)
_UNDO_REST = re.compile(
    r"(?:\s|(?:การ|ที่|สิ่งที่)?(?:ปรับแก้|ปรับ|แก้ไข|แก้|ลบ|ตัด|เพิ่ม|เปลี่ยนแปลง|เปลี่ยน)|ไป|กลับ|ล่าสุด|ครั้งล่าสุด|ครั้ง|เมื่อกี้|เมื่อกี๊|เมื่อสักครู่|ก่อนหน้านี้"
    r"|ก่อนหน้า|ก่อน(?:การ|ที่จะ)?(?:ปรับแก้|ปรับ|แก้ไข|แก้|ลบ|ตัด|เพิ่ม|เปลี่ยน)|แถว(?!\s*\d)|เหมือนเดิม|ให้เหมือนเดิม|ค่าเดิม|อันเดิม|อัน|รายการ|ร่างเดิม|หนึ่ง|1|ขั้น|สเต็ป|the|last|edit|change|one|step"
    # how it was: "เอาคืนเหมือนก่อนแก้", "กลับไปเป็นแบบก่อนหน้านี้", "เอากลับไปแบบเดิม"
    r"|เหมือน(?:กับ)?|แบบ|ตอน"
    # the reason beside it: "ย้อนกลับ แก้ผิด", "undo, wrong row"
    r"|(?:แก้|พิมพ์|ลบ|ตัด|กด)?(?:ผิด|พลาด)(?:แถว)?|wrong|mistake|ครับ|ค่ะ|คะ|นะ|เป็น|แบบเดิม|ที่"
    # softeners between the verb and the particle: "ย้อนกลับหน่อยค่ะ แก้ผิด"
    r"|หน่อย|ด้วย|ให้|ที|จ้า|จ้ะ|please)*",
    re.I,
)


# "ยกเลิกการลบแถวเมื่อกี้", "ย้อนกลับไปก่อนตัด": the change taken back is named as a delete.
_UNDO_DELETE = re.compile(r"ลบ|ตัด|เอาออก|นำออก|\b(?:delete|remove)", re.I)


def undoes_delete(text: str) -> bool:
    """Tell whether an undo names the change it takes back as a delete (the dialogue then checks it was)."""
    return _UNDO_DELETE.search(text) is not None


_UNDO_ROW = re.compile(r"(?:แถว|row)\s*(?:ที่)?\s*(\d{1,3})(?!\d)", re.I)
# Start over: "เริ่มใหม่หมดเลย", "ขอเริ่มต้นใหม่ทั้งหมด", "ล้างข้อมูลแล้วเริ่มใหม่", "reset". The command asks
# before it erases anything, so every way of saying it may be read as /new.
_NEW = re.compile(
    r"^(?:(?:ขอ|รบกวน|ช่วย|อยากจะ|อยาก|ต้องการ|please)\s*)?"
    r"(?:เริ่ม(?:ต้น)?(?:ทำ)?(?:แผน(?:มาตรการ)?)?ใหม่|ล้าง(?=\s*(?:ข้อมูล|ทั้งหมด|หมด))|เคลียร์(?:ข้อมูล)?|รีเซ็ต|รีเซต|reset|start\s+(?:over|again|from scratch)"
    r"|ลบข้อมูล(?=[^\n]*เริ่ม(?:ต้น)?ใหม่))"
    r"(?:\s|หมด|ทั้งหมด|เลย|ตั้งแต่ต้น|ตั้งแต่แรก|อีกครั้ง|อีกรอบ|ทุกอย่าง|ข้อมูล|เดิม|ของ(?:ฉัน|ผม|หนู|เรา)|แล้ว|ใหม่"
    r"|เริ่ม(?:ต้น)?ใหม่|ได้|ไหม|มั้ย|all|everything|again"
    # the reason beside it: "ข้อมูลผิด", "กรอกผิดหมด"
    r"|(?:ข้อมูล|คะแนน|ชื่อ)?(?:กรอก|ใส่|พิมพ์)?(?:ผิด|ไม่ถูก)(?:หมด)?|ค่ะ|ครับ|คะ|นะ)*$",
    re.I,
)
# Thanks closing a request: "ขอไฟล์ word ค่ะ ขอบพระคุณค่ะ" (the request stands before them).
_THANKS_END = re.compile(
    r"(?<=\S)\s+(?:ขอบคุณ|ขอบพระคุณ|ขอบใจ|thanks?|thank you)(?:มาก|มากๆ|ล่วงหน้า|ครับผม|ครับ|ค่ะ|คะ|นะ|จ้า|\s|[!.🙏])*$",
    re.I,
)
# "มีไฟล์ excel ไหมครับ", "มีแบบรายงาน 6 เดือนไหมคะ": asking whether a file is there asks for it.
_HAVE = re.compile(
    r"^(?:(?:รบกวน|ขอโทษ|ขออนุญาต)(?:นะ)?(?:ครับผม|ครับ|ค่ะ|คะ)?\s+)?(?:ขอ)?มี(?P<what>\s*(?:ไฟล์|เอกสาร|แบบ|ฟอร์ม|รายงาน|word|excel|เวิร์ด|เอ็กเซล)[^\n?]*?)\s*"
    r"(?:ไหม|มั้ย|มั๊ย|มั๋ย|หรือเปล่า|หรือไม่|ป่าว|ไม๊)\s*(?:ครับผม|ครับ|คะ|ค่ะ|นะ|จ๊ะ)*\s*[?？.]?$",
    re.I,
)

_ASKING = re.compile(
    r"\b(?:how|what|why|when|where|which|who|can|could|should|do|does|is|are)\b|ทำไม|อย่างไร|ยังไง|ไหม|มั้ย|อะไร|หรือเปล่า",
    re.I,
)
# A purpose after the request, after a space: "… เพื่อส่งจังหวัด", "… จะนำไปเสนอท่านนายก".
_PURPOSE = re.compile(
    r"\s+(?:เพื่อ|จะ(?:นำ|เอา)?(?:ไป|ส่ง|ใช้|เสนอ|แนบ|พิมพ์|ปริ้น|ปริ๊น)|(?:นำ|เอา)ไป)\S[^\n]*$"
    # "ขอ excel ไว้ส่งผู้บริหาร", "ขอแบบรายงาน 6 เดือนไปกรอกผล": what it is for
    r"|\s*(?:ไว้|ไป)(?=ส่ง|กรอก|ใช้|แก้|ทำ|เสนอ|ประกอบ|ยื่น|พิมพ์|ดู)[^\n]*$"
)
# "ยกเลิกค่ะ ไม่ต้องร่างใหม่", "cancel, no need": cancelling, then why, in a negation.
_CANCEL_BECAUSE = re.compile(
    r"^(?:ยกเลิก|cancel)(?:\s*(?:ครับผม|ครับ|ค่ะ|คะ|นะ|จ้า))*\s+(?:ไม่(?:ต้อง|เอา|ทำ|ใช้|ร่าง|แก้|เปลี่ยน)|no need|don't)[^\d?]{0,30}$",
    re.I,
)


def _forms(text: str) -> list[str]:
    """The message as a command is compared, ever shorter: lower case and no emoji, then without
    particles, "เลย"/"ให้" at the end and openers ("ขอ", "ช่วย") at the start, one cut at a time."""
    text = " ".join("".join(ch for ch in to_arabic(text).lower() if not decor(ch)).split())
    forms = [text]
    while True:
        polite = _THEN.sub("", strip_polite(text)).strip()
        if polite and polite != text and polite not in forms:
            forms.append(polite)  # "ช่วยเหลือ ค่ะ": the particle goes before "ช่วย" may be taken for an opener
        cut = _OPENERS.sub("", polite).strip()
        if cut == text or not cut:
            return forms
        forms.append(cut)
        text = cut


def _without_purpose(text: str) -> str:
    """ "ขอไฟล์ Word ค่ะ จะนำไปเสนอท่านนายก" -> "ขอไฟล์ Word ค่ะ": why the officer wants it is not an argument."""
    m = _PURPOSE.search(text)
    return text[: m.start()].strip() if m and m.start() > 0 else text


def export_or_report(short: str) -> tuple[Command, str] | None:
    """A file or report request (bot.dialogue.file_words) as its command."""
    found = _files_read(short)
    return (Command(found[0]), found[1]) if found is not None else None


def _alias(short: str) -> tuple[Command, str] | None:
    if _NEW.match(strip_polite(short)):
        return Command.NEW, ""
    for command, words, _takes_args in ALIASES:
        if short in words:
            return command, ""
    if _HELP_ASK.match(short) or _HELP_WORDS.match(short):
        return Command.HELP, ""
    if _PROFILE_WORDS.match(short):
        return Command.PROFILE, ""
    if _DRAFT_PLAN.match(_PLAN_YEAR.sub("", short)):  # "ร่างแผนมาตรการปีงบ 69 ให้เลย": the plan's year is no row
        return Command.DRAFT, ""
    undo = _UNDO_HEAD.match(short)
    if undo:
        # "ย้อนกลับไปก่อนแก้แถว 3": the row the officer means goes along, so the undo can check it
        row = _UNDO_ROW.search(short, undo.end())
        rest = short[: row.start()] + " " + short[row.end() :] if row else short
        if _UNDO_REST.fullmatch(rest, undo.end()):
            return Command.UNDO, f"แถว {row.group(1)}" if row else ""
    return export_or_report(short)


def parse_command(text: str) -> tuple[Command, str] | None:
    """Return (command, arguments) if the message is a command, else None.

    A message of two sentences is a command when both ask for the same one: "ขอวิธีใช้งานหน่อยครับ
    พิมพ์คำสั่งอะไรได้บ้าง" asks for help twice over.
    """
    text = fix_typos(tidy_thai(text))  # "ร่างมาตราการให้เลย", "ย้อนกลับไปก่อนลบบ": the words, slips forgiven
    plain = CLOSING_MARK.sub("", text)
    if plain != text and plain.strip() and _POLITE_REQUEST.search(plain.strip()):
        text = plain  # "ขอดูข้อมูลหน่วยงานที่ตั้งไว้หน่อยค่ะ?": a request asked is the request
    found = _parse_command(text)
    if found is not None or text.strip().startswith("/"):
        return found
    found = _sentences(text)
    if found is not None or is_confirm(text) or is_keep(text):
        return found
    keyed = key_words(text)  # "ขอดูข้อมูลโปรไฟล์ของหน่วยงานที่ระบบบันทึกไว้ด้วยครับ": a key word in a sentence
    if keyed is None or keyed[0] in ANSWERS:
        return None
    return Command(keyed[0]), keyed[1]


def _sentences(text: str) -> tuple[Command, str] | None:
    parts = sentences(text)
    if not 1 < len(parts) <= MAX_SENTENCES:
        return None
    read = [r for s in parts if (r := _parse_command(s)) is not None]
    if len(read) == len(parts) and len({command for command, _ in read}) == 1:
        args = " ".join(dict.fromkeys(a for _, a in read if a))  # "ขอ word ค่ะ ขอ excel ด้วย": both
        return read[0][0], args
    # "ขอแบบรายงาน 6 เดือนค่ะ ต้องส่งอำเภอสิ้นเดือนนี้", "เริ่มร่างได้เลยครับ ไม่มีคะแนนเพิ่มแล้ว": the order and why
    if len(read) > 1 or any(is_confirm(s) or is_keep(s) for s in parts):
        return None  # two orders ("ขอไฟล์ word ค่ะ ย้อนกลับด้วย"), or a yes with its go-ahead (is_confirm)
    found = with_remarks(parts, _parse_command)
    return found if found is not None and found[0] in _AFTER_LEAD_IN else None


# Words that name rows of the draft: a lead-in holding one makes the message an edit, not a command.
_NAMES_ROWS = re.compile(r"แถว|ตัวชี้วัด|มาตรการ|ข้อ\s*[IEOieo]\s?\d|\brows?\b", re.I)


# Question marks closing a message (CLOSING_MARK): a polite request ("ขอไฟล์ word ได้ไหมคะ?") or a help
# ask ("what can you do?") is still the order; a bare alias asked ("ย้อนกลับ?") is a question.
_POLITE_REQUEST = re.compile(
    r"^(?:ขอ|รบกวน|ช่วย|กรุณา|อยากได้|can (?:i|you|we)|could (?:i|you|we)|would you|may i|please)"
    r"|(?:ได้|หน่อย|ด้วย|ให้)\s*(?:ไหม|มั้ย|มั๊ย|มัย|หรือเปล่า|หรือไม่|ป่ะ|ปะ|ป่าว)?\s*(?:ครับผม|ครับ|คะ|ค่ะ|นะ|จ้า|จ๊ะ)*$",
    re.I,
)


def _parse_command(text: str) -> tuple[Command, str] | None:
    plain = CLOSING_MARK.sub("", text)
    if plain == text or not plain.strip():
        return _parse_plain(text)
    found = _parse_plain(plain)
    if found is None or found[0] is Command.HELP or _POLITE_REQUEST.search(tidy_thai(plain).strip()):
        return found
    return None


def _parse_plain(text: str) -> tuple[Command, str] | None:
    stripped = tidy_thai(text).strip()
    if stripped.startswith("/"):
        head, _, args = stripped[1:].partition(" ")
        head, _, rest = head.partition("\n")
        name = head.split("@", 1)[0].lower()  # Telegram groups send "/start@SomeBot"
        args = "\n".join(x for x in (rest, args) if x).strip()
        return next(((c, args) for c in Command if c.value == name), None)
    lowered = stripped.lower()
    for command, words, takes_args in ALIASES:
        if not takes_args or command in (Command.EXPORT, Command.REPORT):
            continue
        for word in sorted(words, key=len, reverse=True):
            if lowered == word:
                return command, ""
            if lowered.startswith(word) and lowered[len(word) : len(word) + 1] in (" ", "\n"):
                return command, stripped[len(word) :].strip()
    stripped = _without_purpose(
        without_refused_kinds(without_salutation(_THANKS_END.sub("", stripped) or stripped))
    )
    have = _HAVE.match(stripped.lstrip("".join(ch for ch in stripped[:8] if decor(ch) or ch.isspace())))
    if have is not None:  # "มีไฟล์ excel ไหมครับ": asking for the file, as "ขอไฟล์ excel"
        found = export_or_report(strip_polite(to_arabic(have.group("what")).strip().lower()))
        return found if found is not None and not _NEGATION.search(stripped) else None
    if "\n" in stripped or len(stripped) > COMMAND_ARGS_MAX_CHARS * 2:
        return None
    forms = _forms(stripped)
    if _CANCEL_BECAUSE.match(forms[0]):  # "ยกเลิกค่ะ ไม่ต้องร่างใหม่": the reason says the same
        return Command.CANCEL, ""
    if _NEGATION.search(forms[0]) or "?" in forms[0]:
        return None
    for form in forms:
        found = _alias(form)
        if found is not None:
            return found
    # "ไม่มีตัวอื่นแล้ว ร่างเลย": a short lead-in without digits, then a command.
    # The longest command after it wins; a bare file kind there ("ขอบคุณสำหรับไฟล์ word") is no order.
    tokens = forms[-1].split(" ")
    for i in range(1, len(tokens)):
        lead, last = " ".join(tokens[:i]), " ".join(tokens[i:])
        if len(lead) > LEAD_IN_MAX_CHARS or any(ch.isdigit() for ch in lead) or _ASKING.search(lead):
            break  # "how do I export the plan" asks how
        if _NAMES_ROWS.search(lead):
            break  # "ตัวชี้วัดการใช้อำนาจ ร่างใหม่": the rows named come first, so it is an edit of them
        if any(_alias(form) is not None for form in _forms(lead)):
            return None  # "ขอไฟล์ word ค่ะ ย้อนกลับด้วย": two orders, neither carried out unasked
        for form in _forms(last):
            found = _alias(form)
            if found is not None and found[0] in _AFTER_LEAD_IN and not BARE_KINDS.fullmatch(last):
                if found[0] is Command.DRAFT and is_confirm(lead):
                    return None  # "ถูกต้องครับ ร่างได้เลย" confirms (is_confirm)
                return found
    return None
