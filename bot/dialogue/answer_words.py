"""Which short messages say yes or keep: "ยืนยันค่ะ", "ถูกต้องแล้วครับ ยืนยัน 👍", "ใช้ตามนี้".

A confirmation is a few confirmation words with polite particles and emoji, optionally led by
"all there" or what it is about ("ครบแล้วค่ะ ยืนยัน", "ข้อมูลถูกต้องค่ะ") and closed by a go-ahead
("ถูกต้องครับ ร่างได้เลย"), nothing more to change or thanks; a sentence is not a confirmation.
"""

from __future__ import annotations

import re
import unicodedata

from bot.dialogue.command_keys import key_words
from bot.dialogue.remarks import MAX_CHARS, sentences, with_remarks
from bot.drafting.edit_text import tidy_thai
from bot.drafting.edit_typos import fix_typos, without_salutation
from bot.drafting.edits import PARTICLES

# "That is all I have": the officer has no more scores ("มีแค่นี้แหละ", "มีแค่ 4 ตัวครับ", "ไม่มีตัวอื่นแล้ว").
ONLY_THESE = re.compile(
    r"(?:มี|ได้(?:มา)?|ส่ง(?:ได้)?)\s*(?:แค่|เพียง|เท่า)\s*(?:(?:\d{1,2}|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)\s*(?:ตัว(?:ชี้วัด)?|ข้อ|รายการ|อัน)|นี้|นั้น|เท่านี้|เท่านั้น|ที่ส่ง)"
    r"|(?:มี|ได้)\s*(?:นี้|เท่านี้)|ไม่มี(?:ตัว|ข้อ|คะแนน)?อื่น(?:แล้ว)?|มีเท่าที่ส่ง|ไม่มี(?:คะแนน)?(?:ตัว|ข้อ)?(?:ที่)?เหลือ|หมดแล้ว"
)
# The "draft from these" button typed, with the words officers put around it: "ร่างจากที่มีได้เลยครับ",
# "ร่างเท่าที่มีก่อนค่ะ", "ขอร่างจากคะแนนที่มีอยู่".
_PARTIAL_DRAFT = re.compile(
    r"(?:ขอ|ช่วย|รบกวน)?\s*(?:ร่าง|ทำ)(?:มาตรการ|แผน)?\s*(?:จาก|ตาม|เฉพาะ|แค่)?\s*(?:คะแนน|ตัวชี้วัด)?\s*(?:ที่|เท่าที่)\s*มี(?:อยู่)?"
    r"(?:\s*(?:ไป)?ก่อน|\s*ได้(?:เลย)?|\s*เลย|\s*ให้)*"
)


def is_partial_draft(text: str) -> bool:
    """Tell whether the officer asks to draft from the scores given so far (the button, typed)."""
    short = "".join(ch for ch in tidy_thai(text).lower() if not decor(ch)).strip()
    particles = "|".join(re.escape(p) for p in sorted(PARTICLES, key=len, reverse=True))
    # "มีแค่นี้ค่ะ ร่างจากที่มีได้เลย": that this is all, then the button typed
    lead = rf"(?:(?:{ONLY_THESE.pattern})(?:แหละ|ละ)?(?:\s*(?:{particles}))*\s*)?"
    return bool(re.fullmatch(rf"{lead}{_PARTIAL_DRAFT.pattern}(?:\s*(?:{particles}))*\s*", short))


def only_these(text: str) -> bool:
    """Tell whether the officer says these are all the scores there are."""
    return ONLY_THESE.search(text) is not None


# Words the officer may type (the buttons send the first of each).
KEEP_WORDS = (
    "ใช้ตามนี้",
    "เหมือนเดิม",
    "ตามนี้",
    "เอาตามนี้",
    "ใช้ค่าเดิม",
    "ค่าเดิม",
    "ของเดิม",
    "ใช้ของเดิม",
    "เอาของเดิม",
    "อันเดิม",
    "ใช้อันเดิม",
    "เอาอันเดิม",
    "แบบเดิม",
    "ใช้แบบเดิม",
    "เอาแบบเดิม",
    "ใช้ตามเดิม",
    "ตามเดิม",
    "ok",
    "okay",
    "โอเค",
    "โอเช",
    "keep",
    # "use this draft": "ใช้ร่างนี้ได้เลยครับ", "เอาฉบับนี้"
    "ใช้ร่างนี้",
    "เอาร่างนี้",
    "ใช้ฉบับนี้",
    "เอาฉบับนี้",
    "ใช้อันนี้",
    "เอาอันนี้",
    # what was there before said as old ("ใช้ของเก่า", "เอาแบบเก่าไว้") or as kept ("คงไว้", "คงเดิม")
    "ของเก่า",
    "อันเก่า",
    "แบบเก่า",
    "เดิม",
    "คงไว้",
    # the version named: "ใช้ตามร่างนี้ได้เลยค่ะ", "เอาแผนนี้"
    "ร่างนี้",
    "แผนนี้",
    "ตารางนี้",
    "ฉบับนี้",
)
# Verbs of keeping before what is kept: "คงไว้แบบเดิม", "เก็บอันเดิมไว้", "ยึดตามเดิม", "ใช้อันเก่า".
_KEEP_VERB = r"(?:(?:ใช้|เอา|คง|เก็บ|ยึด)(?:ไว้)?\s*(?:ตาม)?)?"
CONFIRM_WORDS = (
    "ยืนยัน", "ตกลง", "ถูกต้อง", "ใช่", "confirm", "yes", "ok", "okay", "โอเค", "ได้เลย", "ถูก", "เรียบร้อย", "ได้",
    "เอาเลย", "จัดไป", "ใช้ได้",
    "correct", "confirmed", "y",
    # approving, as a head of unit says yes: "อนุมัติตามนี้ครับ", "เห็นชอบค่ะ"
    "อนุมัติ", "เห็นชอบ", "approve", "approved", "ผ่าน",
)  # fmt: skip
CORRECT_WORDS = ("แก้ไข", "แก้", "แก้ไขคะแนน")
# A confirmation is a few words ("ถูกต้องแล้วค่ะ ยืนยัน"); a longer message says something else.
CONFIRM_MAX_CHARS = 40
# "ถูกต้องครับ ร่างได้เลย": a confirmation with a go-ahead answers the question in hand (the drafting
# step drafts on it, a redraft waiting for "ยืนยัน" is carried out); it never redrafts the whole table.
_GO_AHEAD = r"(?:\s*(?:ร่าง(?:มาตรการ)?(?:ใหม่)?|ดำเนินการ(?:ต่อ)?|ทำต่อ|ไปต่อ)(?:ได้)?(?:เลย)?)?"

# "ไม่มีแก้", "ไม่มีอะไรแก้เพิ่ม", "ไม่ต้องแก้": nothing more to change, beside a yes or a keep.
_NOTHING_TO_CHANGE = (
    r"(?:ไม่มี(?:อะไร)?(?:ปรับ)?(?:แก้ไข|แก้)(?:เพิ่ม)?|ไม่(?:ต้อง)?(?:แก้(?:ไข)?|เปลี่ยน(?:แปลง)?|ปรับ(?:แก้)?))(?:อะไร)?"
)
# Checked before the yes: "เช็คแล้วค่ะ ถูกต้องทุกแถว", "ตรวจสอบเรียบร้อยแล้วค่ะ ยืนยัน" (alone it says no yes).
_CHECKED = r"(?:เช็ค|เช็ก|ตรวจ(?:สอบ|ทาน|ดู)?|ดู|อ่าน)(?:\s*(?:ครบ|หมด|ทั้งหมด|ทุกแถว|เรียบร้อย))*\s*แล้ว"

# Emoji that agree on their own, with skin tones and variation selectors.
_AGREE = set("👍👌✅🆗🙆\ufe0f\u200d") | {chr(c) for c in range(0x1F3FB, 0x1F400)}


def decor(ch: str) -> bool:
    """Tell whether a character is an emoji, a symbol or punctuation around the words."""
    return ch in "\ufe0e\ufe0f\u200d" or unicodedata.category(ch) in ("So", "Sk", "Cf") or ch in "!~^….,;:"


def _only(text: str, words: tuple[str, ...]) -> bool:
    """Tell whether a short message is made only of these words, polite particles and emoji."""
    if len(text) > CONFIRM_MAX_CHARS:
        return False
    short = "".join(ch for ch in tidy_thai(text).lower() if not decor(ch)).strip()
    if not short:  # a lone 👍 or 👌 agrees; other emoji say nothing
        return words is CONFIRM_WORDS and bool(text.strip()) and all(ch in _AGREE for ch in text.strip())
    # a last letter drawn out or doubled by a slip: "ยืนยันน", "โอเคค"
    alts = "|".join(re.escape(w) + f"{re.escape(w[-1])}*" for w in sorted(words, key=len, reverse=True))
    # (and the chat endings that also end words, "ค่า", "คับ": a short answer has no such word)
    particles = "|".join(re.escape(p) for p in sorted((*PARTICLES, "ค่า", "คับ"), key=len, reverse=True))
    tail = (  # "โอเคครับ ตามนี้เลย": the words after a yes may stand apart
        "(?:\\s*(?:แล้ว|ได้|เลย|ไว้|ก่อน|(?:ใช้|เอา)?ตามนี้|ข้อมูล|คะแนน|ทั้งหมด|ทุกข้อ|ทุกแถว|ทุกรายการ|ทุกอย่าง|ครบถ้วน|ครบ"
        # what the yes is about: "ยืนยันแผนนี้", "ใช้ตารางฉบับนี้", "ยืนยันตามที่สรุปมาค่ะ", "ยืนยันตามนี้เลย"
        "|(?:ใช้|เอา)?(?:ตาม)?(?:ร่าง|แผน|ตาราง|ฉบับ|แบบ|อัน)(?:ฉบับ)?นี้|(?:ร่าง|แผน|ตาราง)(?:ฉบับ)?"
        "|ตาม(?:ที่)?(?:สรุป|แจ้ง|ร่าง|เสนอ)(?:มา|ไว้)?"
        # nothing more to change, between the yes words: "โอเคค่ะ ไม่มีแก้แล้ว ยืนยันเลยค่ะ"
        f"|{_NOTHING_TO_CHANGE}))*"
    )
    thanks = rf"(?:\s*(?:ขอบคุณ|ขอบใจ|thanks?|thank you)(?:มาก)?(?:\s*(?:{particles}))*)?"  # "ยืนยันค่ะ ขอบคุณค่ะ"
    go = _GO_AHEAD if words is CONFIRM_WORDS else ""
    go = f"{go}(?:\\s*(?:{particles}))*" if go else ""
    # "ครบแล้วค่ะ ยืนยัน": "all there" before a confirmation (alone it is no yes: "ครบแล้ว ร่างเลย" drafts)
    # "ไม่ต้องเปลี่ยนค่ะ ใช้ของเดิมไว้": nothing to change, said before a keep
    unchanged = (
        r"(?:ไม่(?:ต้อง)?(?:มี(?:อะไร)?)?(?:แก้(?:ไข)?|เปลี่ยน(?:แปลง)?|ปรับ(?:แก้)?)(?:อะไร)?(?:แล้ว)?"
        rf"(?:\s*(?:{particles}))*\s*)"
    )
    lead = (
        rf"(?:ครบ(?:ถ้วน)?(?:แล้ว)?(?:\s*(?:{particles}))*\s+|{_CHECKED}(?:\s*(?:{particles}))*\s*)?(?:ข้อมูล\s*|คะแนน\s*|ทุกอย่าง\s*|ทั้งหมด\s*|(?:แผน|ตาราง|ร่าง)(?:ฉบับ)?นี้\s*)?"
        if words is CONFIRM_WORDS
        else f"{unchanged}?{_KEEP_VERB}"
    )
    # "ยืนยันค่ะ ไม่มีแก้ไข", "ตามนี้เลยค่ะ ไม่มีแก้": nothing more to change, after a yes or a keep
    go += (
        rf"(?:\s*(?:ไม่มี(?:อะไร)?(?:ปรับ)?(?:แก้ไข|แก้)(?:เพิ่ม)?|ไม่(?:ต้อง)?(?:แก้(?:ไข)?|เปลี่ยน(?:แปลง)?|ปรับ(?:แก้)?))"
        rf"(?:อะไร)?(?:แล้ว)?(?:\s*(?:{particles}))*)?"
    )
    words_and_tail = rf"(?:\s*(?:{alts})(?:{tail}(?:\s*(?:{particles}))+)*{tail}(?:\s*(?:{particles}))*)+"
    return bool(re.fullmatch(rf"{lead}{words_and_tail}{go}{thanks}\s*", short))


def is_keep(text: str) -> bool:
    """Tell whether the officer keeps the value shown ("ใช้ตามนี้", "ใช้ตามนี้ค่ะ")."""
    return _only(_unsalute(text), KEEP_WORDS) or _said(text, "keep") or _with_remarks(text, KEEP_WORDS)


def is_confirm(text: str) -> bool:
    """Tell whether the officer confirms ("ยืนยัน", "ยืนยันค่ะ", "ถูกต้องแล้วครับ ยืนยัน 👍")."""
    return (
        _only(_unsalute(text), CONFIRM_WORDS) or _said(text, "confirm") or _with_remarks(text, CONFIRM_WORDS)
    )


# Words that also acknowledge anything said ("โอเคครับ เข้าใจแล้ว"): alone they answer, beside a remark not.
_ACK_ONLY = re.compile(r"(?:\s*(?:ok|okay|โอเค|โอเช|ได้|ได้เลย|เลย|แล้ว))+")


def _plain(span: str) -> str:
    """A short answer without emoji and polite particles, lower case."""
    short = "".join(ch for ch in tidy_thai(span).lower() if not decor(ch))
    particles = "|".join(re.escape(p) for p in sorted((*PARTICLES, "ค่า", "คับ"), key=len, reverse=True))
    return re.sub(rf"(?:{particles})(?=\s|$)", " ", short).strip()


def _with_remarks(text: str, words: tuple[str, ...]) -> bool:
    """ "ok ยืนยันค่ะ ข้อมูลถูกหมดแล้ว", "ไม่แก้แล้วครับ ใช้ตามนี้": the answer, and remarks that say why.

    "โอเคครับ เข้าใจแล้ว" acknowledges: beside a remark, an answer needs a word that only answers.
    """
    if len(text) > MAX_CHARS:
        return False
    found = with_remarks(
        sentences(_unsalute(text)),
        lambda span: True if _only(span, words) and not _ACK_ONLY.fullmatch(_plain(span)) else None,
        answer=True,
    )
    return found is not None


def _unsalute(text: str) -> str:
    """ "สวัสดีค่ะ\nยืนยันครับ": the answer after a greeting line (a greeting alone stays as it is)."""
    return fix_typos(without_salutation(text.strip()).strip() or text)  # "ไม่ต้องเปลียน": slips forgiven


def _said(text: str, key: str) -> bool:
    """A longer polite sentence that says yes or keep by its key words only ("ตรวจทานเรียบร้อยแล้ว
    ถูกต้องครบถ้วน ขอยืนยันแผนฉบับนี้ค่ะ"); short messages are read by `_only` alone."""
    if len(text) <= CONFIRM_MAX_CHARS:
        return False
    found = key_words(text)
    return found is not None and found[0] == key
