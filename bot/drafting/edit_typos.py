"""Reading the text of an edit: field words typed with one slip, greetings, thanks and polite endings.

"ผู้รับผิดขอบ", "ระยะเวลลา", "มาตราการ", "ระยเวลา", "ผู้รับผิดชอ": a long field word is read
through one slip inside it: a letter left out (the last one too), one letter typed in extra, or
one consonant for another. Its first letter always stays, an extra letter is never read at its
ends, and a consonant is never read for a vowel or tone mark ("ขั้นต้น" is a word, not a slip of
"ขั้นตอน"). Tone-mark and vowel-length slips are forgiven by the word patterns themselves
(edit_text.slips); this pass is for the slips they cannot forgive.

"สวัสดีค่ะ …", "เรียนเจ้าหน้าที่ …", "เรียนผู้ดูแลระบบ …": an opening address says nothing about the
edit, so it is cut before the request is read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.drafting.edit_targets import item_words, number_words
from bot.drafting.edit_text import tidy_thai, words
from bot.drafting.edit_words import PARTICLES, REQUEST_ENDINGS
from bot.thai import clean_display, to_arabic

# The field words read through a slip: long enough that one slip cannot make another word.
TYPO_WORDS = (
    "ตัวชี้วัดความสำเร็จ",
    "ผู้รับผิดชอบ",
    "รับผิดชอบ",
    "ระยะเวลา",
    "เปลี่ยน",
    "ช่วงเวลา",
    "กรอบเวลา",
    "เป้าหมาย",
    "ตัวชี้วัด",
    "มาตรการ",
    "ขั้นตอน",
    "กิจกรรม",
)
MIN_TYPO_CHARS = 7
# Letters that sound alike, typed for one another ("ขั้นตอณ", "ผู้รับผิดชอบ" with ฌ): each to its others.
_SOUNDS = (
    "นณ",
    "สศษ",
    "ทธฑฒ",
    "ลฬ",
    "คฆ",
    "พภ",
    "ตฏ",
    "ดฎ",
    "ชฌ",
    "ยญ",
    "\u0e38\u0e39",
    "\u0e34\u0e35",
    "\u0e36\u0e37",
)
# (and a short vowel for its long one below or above the letter: "ผุ้รับผิดชอบ", "ตัวชิ้วัด")
# After a drawn-out last letter, no vowel or mark that would make it the next word's first ("ลบบัญชี").
_NOT_CONTINUED = "(?![\u0e30-\u0e3a\u0e47-\u0e4e])"
_HOMOPHONE = {ch: group.replace(ch, "") for group in _SOUNDS for ch in group}
_CONSONANT = "[ก-ฮ]"


def _is_consonant(ch: str) -> bool:
    return "ก" <= ch <= "ฮ"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for word in sorted(TYPO_WORDS, key=len, reverse=True):
        if len(word) < MIN_TYPO_CHARS:
            continue
        # the last letter drawn out ("ระยะเวลาา") first, then the word as it is, so a right word is never "fixed"
        # (never when the extra letter starts the next syllable: "ขั้นตอนนะคะ" is "ขั้นตอน นะคะ")
        alts = [re.escape(word) + re.escape(word[-1]) + "+" + _NOT_CONTINUED, re.escape(word)]
        for i in range(1, len(word)):
            alts.append(re.escape(word[:i] + word[i + 1 :]))  # a letter left out
            alts.append(re.escape(word[:i]) + "." + re.escape(word[i:]))  # one typed in extra
            if i < len(word) - 1 and _is_consonant(word[i]):
                alts.append(re.escape(word[:i]) + _CONSONANT + re.escape(word[i + 1 :]))  # one for another
            if i < len(word) - 1 and word[i] != word[i + 1]:  # two side by side swapped ("ระยะเวาล")
                alts.append(re.escape(word[:i] + word[i + 1] + word[i] + word[i + 2 :]))
            if (same := _HOMOPHONE.get(word[i])) is not None:  # a letter of the same sound, the last too
                alts.append(re.escape(word[:i]) + f"[{same}]" + re.escape(word[i + 1 :]))
        # longest first: "ระยะเวาล" is the swap of the whole word, not "ระยะเวา" (a letter left out) and an "ล"
        alts = [*alts[:2], *sorted(alts[2:], key=lambda alt: -len(re.sub(r"\\(.)", r"\1", alt)))]
        out.append((re.compile("|".join(alts)), word))
    return tuple(out)


# Short verbs of an edit or a command, too short for the slips above: only a tone mark typed wrong or
# left out ("เพิ้ม", "เพิม") or the last letter drawn out ("ลบบ") is forgiven. ("แก้" and "ร่าง" are
# left out: "แก่" and "ราง" are words.)
SHORT_SLIP_WORDS = ("เพิ่ม", "ลบ", "ย้อน", "เปลี่ยน")


@lru_cache(maxsize=1)
def _short_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for word in SHORT_SLIP_WORDS:
        # a tone mark typed as another, or left out
        tone = "".join(
            "[\u0e48-\u0e4b]?" if ch in "\u0e48\u0e49\u0e4a\u0e4b" else re.escape(ch) for ch in word
        )
        drawn = re.escape(word) + re.escape(word[-1]) + "+" + _NOT_CONTINUED
        # a tone slip is read only before a letter that starts a new syllable or the end
        out.append((re.compile(f"{drawn}|{tone}{_NOT_CONTINUED}"), word))
    return tuple(out)


def fix_short_slips(text: str) -> str:
    """Write a short verb typed with a tone-mark slip or a drawn-out last letter as the word ("เพิ้ม", "ลบบ")."""
    for pattern, word in _short_patterns():
        text = pattern.sub(word, text)
    return text


def fix_typos(text: str) -> str:
    """Write a field word typed with one slip as the word ("ผู้รับผิดขอบ" -> "ผู้รับผิดชอบ")."""
    if not any("\u0e00" <= ch <= "\u0e7f" for ch in text):
        return text
    text = fix_short_slips(text)
    for pattern, word in _patterns():

        def fixed(m: re.Match[str], word: str = word) -> str:
            # "เพิ่มมาตรการ": a slip read from a letter before the word is the word itself, as typed.
            if m.group(0).rstrip(word[-1]) == word.rstrip(word[-1]):
                return word  # "ระยะเวลาา": the last letter drawn out
            at = m.string.find(word, m.start())
            return m.group(0) if m.start() <= at < m.end() else word

        text = pattern.sub(fixed, text)
    return text


# An opening greeting or address, then the request: "สวัสดีค่ะ รบกวน…", "เรียนเจ้าหน้าที่ค่ะ ขอ…".
MAX_SALUTATIONS = 3
_SALUTATION = re.compile(
    # a greeting glued to the request: "สวัสดีค่ะรบกวนลบแถว 3"
    r"^(?:(?:สวัสดี|หวัดดี)(?:ครับผม|ครับ|ค่ะ|คะ|จ้า)(?=[ก-๙])"
    r"|(?:สวัสดี|หวัดดี|เรียน|ถึง(?=\s*(?:เจ้าหน้าที่|ผู้ดูแล|แอดมิน|admin))|hello\b|hi\b|dear\b"
    # a courtesy said on its own before the order: "รบกวนค่ะ ยกเลิก", "ขออนุญาตครับ ลบแถว 3"
    r"|(?:ขอ)?(?:รบกวน|โทษ|อนุญาต)(?=(?:นะ)?(?:ค่ะ|คะ|ครับ|จ้า)))\S*\s+(?=\S))",
    re.I,
)


_THANKS_TAIL = re.compile(
    rf"\s*(?:ขอบคุณ|ขอบพระคุณ|ขอบใจ|thanks?(?: you)?)(?:มาก|ล่วงหน้า|ๆ|\s|[!.~^\u2600-\u27bf\ufe0f\U0001f300-\U0001faff]|{words(*PARTICLES)})*$",
    re.I,
)
# "ลบแถว 4 แล้วจะกู้คืนได้ไหม": a question about what follows a change ("ได้ไหม" asks there).
_CONSEQUENCE = re.compile(r"แล้ว\s*(?:จะ|ต้อง|ยัง|เลข)|(?:^|\s)จะ")
_REQUEST_END = re.compile(
    rf"\s*(?:{words(*REQUEST_ENDINGS)})(?:\s*(?:{words(*PARTICLES)}))*\s*[?？]?\s*$", re.I
)


# Arrows officers type or pick as emoji are the arrow connective "→".
_ARROWS = re.compile("[➡➔➜➝➞⇒⟶⮕][\ufe0e\ufe0f]?")


# A request opening the message ("ขอ…", "รบกวน…", "could you …", a verb of change), not one to be told something.
_ORDER_OPENS = re.compile(
    r"^(?:ขอ(?:ให้|อนุญาต)?|รบกวน(?:ช่วย)?|ช่วย|กรุณา|อยากให้|please|can you|could you|would you"
    # an order's own verb first: "เปลี่ยนผู้รับผิดชอบแถว 3 เป็นกองช่าง?" (not "แถว 3 เป็นกองช่าง?", which asks)
    r"|แก้|เปลี่ยน|ปรับ|ลบ|ตัด|เพิ่ม|ดู|ร่าง|change|edit|delete|remove|add|show)"
    r"(?!\s*(?:ถาม|สอบถาม|ทราบ|ปรึกษา|คำแนะนำ|แนะนำ|ตัวอย่าง|ถ้อยคำ|อธิบาย|ความรู้|คำอธิบาย|วิธี|ไอเดีย|ข้อความ|รายละเอียด|ความเห็น))",
    re.I,
)
CLOSING_MARK = re.compile(r"\s*[?？]+\s*$")


_REQUEST_ASIDE = re.compile(
    rf"\s*(?:{words(*REQUEST_ENDINGS)})(?:\s*(?:{words(*PARTICLES)}))*\s+"
    r"(?P<why>(?![^\n]*(?:ไหม|มั้ย|หรือ|อะไร|ยังไง|อย่างไร|\?|ถาม|สงสัย|อยากรู้|อยากทราบ))[^\d\n]{1,60})$"
)


# "ไม่ต้องลบแถว 4", "อย่าเพิ่งแก้": an order not to change is not an edit ("ไม่ต้องมี" asks to remove).
# "แถว 10 ไม่ต้องแล้ว" and "แถว 8 ไม่ต้องมี" ask to remove the row: "ไม่ต้อง" there ends the sentence.
NEGATED = re.compile(
    rf"ไม่ต้อง(?!มี|การ|ใช้|\s*(?:แล้ว)?\s*(?:(?:{words(*PARTICLES)})\s*)*$)|อย่า(?!ง)"
    # "ยังไม่ดี", "ยังไม่ชัด" judge the row; "ยังไม่ต้องลบ" holds the change back
    # "ยังไม่ต้องลบ", "ยังไม่แก้" hold a change back; "ยังไม่โดน", "ยังไม่ดี", "ยังไม่มี" judge the row (a reason)
    rf"|ยังไม่\s*(?:ต้อง|อยาก|เอา|ลบ|แก้|เปลี่ยน|เพิ่ม|ร่าง|ปรับ|ส่ง|ทำ|ให้)|\b(?:don't|do not|never)\b"
    # "ยกเลิกการลบแถว 3" takes a change back (undo), "กองคลังไม่ยอมรับผิดชอบ" reports a refusal
    rf"|ยกเลิก(?:การ|ที่)?\s*(?:ลบ|ตัด|ปรับ|แก้|เปลี่ยน|เพิ่ม)|ไม่ยอม|ไม่สามารถ|ไม่พร้อม",
    re.I,
)


# The verbs of an order to change the draft; "ต้อง"/"เอา" may stand between a negation and one.
_ORDER = re.compile(r"ลบ|แก้|เปลี่ยน|เพิ่ม|ร่าง|ตัด|ย้าย|ปรับ|เลื่อน|ใส่|\b(?:delete|remove|change|edit|add)\b", re.I)
_ORDER_NEXT = re.compile(r"\s*(?:ต้อง(?:การ)?|อยาก|เอา|ให้)?\s*(?:" + _ORDER.pattern + ")", re.I)


def negated(probe: str) -> bool:
    """Tell whether the message holds its change back ("ไม่ต้องลบแถว 4", "แถว 8 ยังไม่ต้องแก้นะคะ").

    A negation after the order that does not negate another order is the order's reason:
    "แถว 1 กับ 2 ลบออกครับ ไม่ต้องทำ" deletes the rows; "ลบแถว 4 อย่าลบแถว 5" holds back.
    """
    for m in NEGATED.finditer(probe):
        if not _ORDER.search(probe, 0, m.start()) or _ORDER_NEXT.match(probe, m.end()):
            return True
    return False


# Why the officer asks, before the request ("ตามที่ประชุมเมื่อวาน ขอลบแถว 6", "เนื่องจาก… จึงขอแก้…")
# or after it ("… เป็น ม.ค. 69 - มิ.ย. 69 เพราะงบมาช้า"): never part of the edit.
_CONTEXT = re.compile(
    r"^(?:ตามที่|ตามมติ|ตามคำสั่ง|เนื่องจาก|เพราะ)[^\n]{1,80}?[ \t]+(?:จึง\s*)?(?=ขอ(?!บคุณ|บพระคุณ)|รบกวน|ช่วย|กรุณา|อยาก)"
)
_BECAUSE = re.compile(r"(?<=\S)\s+(?:เพราะ|เนื่องจาก)[^\n]{1,80}$")
# "… เป็นกองคลัง ตามที่ ผอ. สั่ง", "… ตามมติที่ประชุม": who agreed to the change is no part of its value
# ("… ตามที่กฎหมายกำหนด" says what a measure does, and stays).
_AS_AGREED = re.compile(
    r"(?<=\S)\s+ตาม(?:ที่)?\s*(?:มติ|คำสั่ง|ผอ|นายก|ปลัด|ผู้บริหาร|หัวหน้า|ท่าน|ที่ประชุม"
    r"|(?:ได้)?(?:คุย|ตกลง|หารือ|สั่ง|แจ้ง|ประชุม))[^\n]{0,40}$"
)
# "… เป็นกองคลัง แล้วส่งไฟล์ word มา": a file asked for after the change is no part of its value (the
# reply to a change offers the files).
_FILES_AFTER = re.compile(
    r"(?<=\S)\s*(?:,|แล้ว(?:ก็)?|และ|ค่ะ|ครับ|นะคะ|นะครับ)\s*(?:ขอ|ส่ง|ดาวน์โหลด|โหลด|export|download)\s*(?:ออก)?\s*"
    r"(?:เป็น)?\s*(?:ไฟล์|เอกสาร|word|excel|เวิร์ด|เวิด|เอ็กเซล|pdf)"
    # then only small words: "… ส่งไฟล์รายงานให้นายก" says what a step does, and stays
    r"(?:\s|ใหม่|มา|ให้|ด้วย|หน่อย|เลย|ทั้งหมด|อีกที|อีกครั้ง|word|excel|เวิร์ด|เอ็กเซล|และ|กับ|ค่ะ|ครับ|คะ|นะ|จ้า|ที)*$",
    re.I,
)


def without_salutation(text: str) -> str:
    """Return the text without an opening greeting or address ("สวัสดีครับ ลบแถว 7" -> "ลบแถว 7")."""
    for _ in range(MAX_SALUTATIONS):  # "รบกวนค่ะ เรียนผู้ดูแลระบบ ขอลบแถว 11": each opening in turn
        cut = _SALUTATION.sub("", text, count=1)
        if cut == text:
            break
        text = cut
    return text


# A full stop or exclamation closing the message, after a figure or a word of four letters or more
# (never an abbreviation's dot: "อบต.", "สพป.", "ป.ป.ช.", "ฯลฯ." stay as typed).
# (or after a polite particle, "… กองคลัง ค่ะ.", or a capitalised name, "… LINE OA.")
_FULL_STOP = re.compile(
    r"(?:(?<=[0-9๐-๙%)”\"'])|(?<=[ก-๙]{4})|(?<=[A-Za-z]{3})|(?<=[A-Z]{2})"
    r"|(?<=ค่ะ)|(?<=คะ)|(?<=นะ)|(?<=จ้า)|(?<=จ้ะ)|(?<=ค่า))\s*[.!]+\s*$"
)
# Emoji and pictographs (with their joiners and variation selectors); arrows are read before this.
_EMOJI = re.compile("[\u2600-\u27bf\u2b50\u2b55\ufe0f\u200d\U0001f000-\U0001faff]+")
# Pauses voice typing writes as words, standing alone: "เอ่อ", "อืม", "คือว่า", "แบบว่า".
_FILLERS = re.compile(r"(?:(?<=\s)|^)(?:เอ่อ+|อ่า+|อืม+|เอิ่ม+|(?:ก็)?คือว่า|แบบว่า)(?=\s|$)")


# The last word before a closing full stop: a short Thai word with a vowel or tone mark in it ("50 คน" no,
# "ครบ 2 รอบ." no, "15 วัน." yes) is a word, not an abbreviation ("อบต.", "กทม.", "ธ.ค.", "ฯลฯ." keep theirs).
_LAST_WORD_STOP = re.compile(r"(?:^|(?<=[\s\d/]))(?P<word>[\u0e01-\u0e4e]{1,3})\s*[.!]+\s*$")
_MARKED = re.compile("[\u0e30-\u0e3a\u0e40-\u0e4e]")


def _word_stop(text: str) -> str:
    """Cut a full stop after a short Thai word that is no abbreviation ("… ภายใน 15 วัน.")."""
    m = _LAST_WORD_STOP.search(text)
    if m is None or not _MARKED.search(m.group("word")):
        return text
    return text[: m.end("word")]


# A row named first, then a polite particle before the rest: "แถว 2 นะคะ ดำเนินการไตรมาส 1-2", "ข้อ O3 ค่ะ ลบออก".
_TARGET_THEN_PARTICLE = re.compile(
    r"^(?P<target>(?:แถวว*|ตัวชี้วัด|ตชว\.?|ข้อ|row)\s*(?:ที่)?\s*(?:[A-Za-z]\s?)?[0-9๐-๙]{1,3})"
    r"\s*(?:นะคะ|นะครับ|นะค่ะ|นะ|ค่ะ|คะ|ครับผม|ครับ|จ้า|อ่ะ|อะ)(?=\s+\S)",
    re.I,
)
# "ตรงแถว 3", "ตรงข้อ O12": "at" before a row is no part of an edit ("ตรงกับ…" stays).
_AT_TARGET = re.compile(r"(?:^|(?<=\s))ตรง\s*(?=(?:แถว|ตัวชี้วัด|ตชว|ข้อ|row)\s*(?:ที่)?\s*[0-9๐-๙A-Za-z])", re.I)


def probe_text(text: str) -> tuple[str, str]:
    """Return (shown, probe): the message as it is read, and the same with Arabic digits.

    Same length on purpose: the grammar matches on the probe and cuts values from what the officer
    typed. The opening address and closing thanks are cut, and a polite "…ได้ไหมคะ" that asks for
    the change; spaces are evened, field-word slips are fixed and number words after
    "แถว"/"ตัวชี้วัด" are written as digits ("แถวที่สาม" -> "แถวที่3  ").
    """
    # "ระยะเวลา ➡️ ไตรมาส 2": an arrow; then other emoji ("✏️ แถว 10 ไม่ต้องแล้วค่ะ 🙏"), never part of a value
    shown = _EMOJI.sub(" ", _ARROWS.sub("→", tidy_thai(clean_display(text))))
    shown = without_salutation(shown.strip())
    shown = _word_stop(_FULL_STOP.sub("", shown))  # "… เป็นกองคลัง.": the sentence's end, not the value's
    shown = _FILLERS.sub(" ", shown)  # "เอ่อ แถว 3 ผู้รับผิดชอบ คือว่า เปลี่ยนเป็น…": voice typing's pauses
    shown = _BECAUSE.sub("", _CONTEXT.sub("", shown, count=1), count=1)  # "ตามที่ประชุม… ขอลบ…", "… เพราะ…"
    shown = _AS_AGREED.sub("", _FILES_AFTER.sub("", shown, count=1), count=1)
    shown = "\n".join(" ".join(line.split()) for line in shown.strip().splitlines() if line.strip())
    shown = item_words(number_words(fix_typos(shown)))
    shown = _TARGET_THEN_PARTICLE.sub(r"\g<target>", _AT_TARGET.sub("", shown), count=1)
    probe = to_arabic(shown)
    thanks = _THANKS_TAIL.search(probe)
    if thanks and thanks.start() > 0:  # "… ได้ไหมคะ ขอบคุณค่ะ": the thanks close the message
        shown, probe = shown[: thanks.start()], probe[: thanks.start()]
    aside = _REQUEST_ASIDE.search(probe)  # "ร่างใหม่ได้ไหมคะ ยังไม่ค่อยตรง": the request, then why
    if aside and not _CONSEQUENCE.search(probe, 0, aside.start()):
        # the request's particle stays where the sentence ends: what follows it is why, not the order
        shown = shown[: aside.start()] + " ค่ะ " + shown[aside.start("why") :]
        probe = probe[: aside.start()] + " ค่ะ " + probe[aside.start("why") :]
    request = _REQUEST_END.search(probe)
    if request and not _CONSEQUENCE.search(probe, 0, request.start()):  # "ลบแถว 3 ได้ไหมคะ" asks for it
        shown, probe = shown[: request.start()], probe[: request.start()]
    asked = CLOSING_MARK.search(probe)
    if asked and _ORDER_OPENS.match(probe):  # "ขอเปลี่ยนผู้รับผิดชอบแถว 3 เป็นกองคลัง?" asks for it too
        shown, probe = shown[: asked.start()], probe[: asked.start()]
    return shown, probe
