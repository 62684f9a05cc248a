"""Commands said in a longer polite sentence: the command's key word anywhere in it ("ขอดูข้อมูลโปรไฟล์
ของหน่วยงานที่ระบบบันทึกไว้ด้วยครับ" asks for the profile).

The key words and the negations are data (command_keys.yaml). A message is read by them only when it
names no row, indicator or item, asks no question (help excepted: asking what can be typed asks for
help), carries no number (a report's rounds excepted) and holds the key words of exactly one command
with no negation standing right before them; the longest word wins where two overlap. Memo openings
and closings ("เรียน …", "จึงเรียนมาเพื่อโปรดพิจารณา") are cut first (bot.drafting.edit_memo).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from bot.drafting.edit_memo import without_memo
from bot.drafting.edit_targets import number_words
from bot.thai import to_arabic

DATA = Path(__file__).with_name("command_keys.yaml")
# Shorter messages are read exactly by the aliases (bot.dialogue.command_words): "ย้อนกลับไปหน้าแรก" is
# no undo. The key words read the longer sentences those leave.
MIN_CHARS = 25
# A message longer than this is a letter about something else, not a command.
MAX_CHARS = 320
# Answers, read by bot.dialogue.answer_words; the other keys name commands.
ANSWERS = ("confirm", "keep")
# Rows, indicators and items named (by number or topic): the message is an edit or a question about them.
_NAMES_ROWS = re.compile(
    r"แถวว*\s*(?:ที่)?\s*\d|ตัวชี้วัด\s*(?:ที่)?\s*\d|ตชว|ข้อ\s*(?:[A-Za-z]|โอ|ไอ|อี)?\s*\d|\b[OIEoie]\s?\d{1,2}\b"
    r"|มาตรการ\s*(?:ลำดับ)?\s*ที่|(?:^|\s)ลำดับ\s*(?:ที่)?\s*\d|\brows?\s*\d"
    # an indicator named by its topic: "ร่างแผนเรื่องงบประมาณใหม่" redrafts its rows
    r"|เรื่อง|ด้าน",
    re.I,
)
_QUESTION = re.compile(
    r"[?？]|ทำไม|อะไร|เมื่อไร|เมื่อไหร่|ไหน|อย่างไร|ยังไง|ไหม|มั้ย|มั๊ย|หรือเปล่า|หรือไม่|เท่าไร|เท่าไหร่|ใคร|ได้บ้าง|ต่างกัน|แตกต่าง|"
    r"ถามว่า|สอบถาม|\b(?:how|what|why|which|can i|could)\b",
    re.I,
)
# A file is asked for, not only named: "ขอบคุณสำหรับไฟล์ word" thanks.
_REQUEST = re.compile(r"ขอ(?!บ)|ส่ง|โหลด|อยากได้|ต้องการ|export|download|send|get", re.I)
# Thanks left once the closings are cut: "ขอบคุณที่ร่างให้นะคะ เดี๋ยวดาวน์โหลด…" is a remark.
_THANKS = re.compile(r"ขอบคุณ|ขอบพระคุณ|ขอบใจ|thank", re.I)
# "อื่น" right after a key word makes it someone else's: "ลบข้อมูลของหน่วยงานอื่น", "ไฟล์ word ของคนอื่น".
_OTHERS = re.compile(r"\s*(?:ๆ|ของ)?\s*(?:คน|ที่|หน่วยงาน|แห่ง)?\s*อื่น")
# A count said in words.
_COUNTED = re.compile(r"(?:สอง|สาม|สี่|ห้า|หลาย)\s*(?:ครั้ง|รอบ|ขั้น|อัน|แถว|ไฟล์)")
# A letter drawn out: "ร่างแผนให้เลยยย", "แก้ผิดดด".
_DRAWN = re.compile(r"([ก-ฮ])\1{2,}")
# Small words between a negation and the key word: "ไม่ต้องการเริ่มใหม่", "ไม่เอาให้ยกเลิก".
_NEGATION_GAP = r"\s*(?:ต้องการ|ต้อง|เอา|ให้|การ|อยาก)?\s*"


@cache
def _lists() -> tuple[dict[str, tuple[str, ...]], re.Pattern[str], re.Pattern[str]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    negations = tuple(data.pop("negations"))
    keys = {key: tuple(str(w).lower() for w in words) for key, words in data.items()}
    every = sorted({w for words in keys.values() for w in words}, key=len, reverse=True)
    found = re.compile("|".join(re.escape(w) for w in every), re.I)
    negs = "|".join(re.escape(n) for n in sorted(negations, key=len, reverse=True))
    held = re.compile(rf"(?:{negs}){_NEGATION_GAP}$", re.I)
    return keys, found, held


def key_words(text: str) -> tuple[str, str] | None:
    """Return (key, arguments) when a polite sentence says one command or answer by its key words, else None.

    The key is a command's value ("profile", "export", …) or "confirm"/"keep"; the arguments are the
    file kinds of an export and the rounds of a report.
    """
    flat = _DRAWN.sub(r"\1", " ".join(to_arabic(without_memo(text)).split())).lower()
    if (
        not flat
        or not MIN_CHARS <= len(flat) <= MAX_CHARS
        or flat.startswith("/")
        or _NAMES_ROWS.search(number_words(flat))  # "แถวที่หก เพิ่มขั้นตอน รายงานผล…" names row 6
        or _THANKS.search(flat)
    ):
        return None
    keys, found, held = _lists()
    said: dict[str, list[str]] = {}
    for m in found.finditer(flat):
        if held.search(flat, 0, m.start()):
            continue  # "ไม่ต้องเริ่มต้นใหม่": held back
        if _OTHERS.match(flat, m.end()):
            return None  # "ข้อมูลของหน่วยงานอื่น": another's, never the officer's own command
        word = m.group(0)
        key = next(k for k, words in keys.items() if word in words)
        said.setdefault(key, []).append(word)
    if len(said) != 1:
        return None
    key, words = next(iter(said.items()))
    if key != "help" and _QUESTION.search(flat):
        return None
    digits = re.findall(r"\d+", flat)
    if _COUNTED.search(flat):
        return None  # "ย้อนกลับไปสองครั้ง": a count the command does not take
    if key == "report":
        rounds = [d for d in digits if d in ("6", "12")]
        return (key, " ".join(dict.fromkeys(rounds))) if len(rounds) == len(digits) else None
    if digits:
        return None
    if key == "export":
        if not _REQUEST.search(flat):
            return None
        return key, " ".join(dict.fromkeys(words))
    return key, ""
