"""What a message asks beside the step in hand: it is answered, and the step is kept.

Officers ask in the middle of a step without a question word: "ข้อเสนอแนะ ปปช ตัวชี้วัดที่ 8" at
the agency-name step is not a name, "ขอมาตรการตัวชี้วัด 9 หน่อยค่ะ" before any scores is a request
to keep, and "ตัวชี้วัดที่ 9 ได้ 70.5 ค่ะ ทำไมถึงต่ำ" carries scores and a question. These readers
are about the text only; the dialogue decides (bot.dialogue.conversation) with the agency check,
which needs the playbook.
"""

from __future__ import annotations

import re

from bot.ita.framework import Framework
from bot.search.chunking import mentions

# Words of the ITA itself: no agency's name or unit list holds them ("ป.ป.ช." may, in the NACC's own
# offices' names, so the dialogue also checks that the text does not name a body).
_ITA_WORDS = re.compile(
    r"ตัวชี้วัด|(?<![A-Za-z0-9])[IEOieo]\s?\d{1,2}(?![\d.])|(?<![A-Za-z])(?:ITA|OIT|IIT|EIT|ITAS)(?![A-Za-z])|"
    r"ไอทีเอ|ป\.?\s?ป\.?\s?ช|ข้อเสนอแนะ|เกณฑ์|แบบวัด|คะแนน|มาตรการ",
    re.I,
)
# A request: "ขอ…", "อยากได้…", "ช่วย…", "ต้องการ…", "…หน่อย", "…ด้วย".
_REQUEST = re.compile(r"^(?:รบกวน|กรุณา)?\s*(?:ขอ|อยาก|ช่วย|ต้องการ|เอา|แนะนำ)|หน่อย|ด้วย(?:ครับ|ค่ะ|คะ|นะ)*\s*$")
_MEASURE_WORD = re.compile(r"มาตร(?:า)?การ")
# Closing tags that only ask to confirm what was said ("…ใช่ไหมคะ", "…นะคะ"): not a question to search.
_TAG = re.compile(r"(?:ใช่|ถูก(?:ต้อง)?)?\s*(?:ไหม|มั้ย|มั๊ย|หรือเปล่า|รึเปล่า|ป่ะ|นะ)(?:ครับผม|ครับ|คะ|ค่ะ|จ๊ะ|\s|[?？])*$")
# A real question beside scores: why/what/how words or a request for advice.
_QUESTION_BESIDE = re.compile(
    r"ทำไม|อะไร|อย่างไร|ยังไง|แบบไหน|ควร|แนะนำ|ช่วย(?:ดู|คิด|บอก)|ขอ(?:คำแนะนำ|แนวทาง|ตัวอย่าง|ถ้อยคำ)|"
    r"[?？]"
)


# A polite request's ending: "ขอมาตรการตัวชี้วัด 9 ได้ไหมคะ" asks for them, not whether it can be done.
_MAY_I = re.compile(r"ได้(?:ไหม|มั้ย|มั๊ย|หรือไม่|หรือเปล่า|ป่าว|เปล่า)(?:ครับผม|ครับ|คะ|ค่ะ|นะ|\s)*[?？]?\s*$")


def only_polite(text: str) -> str:
    """Return a request without its polite "…ได้ไหมคะ" ending."""
    return _MAY_I.sub("", " ".join(text.split())).strip()


def names_ita_topic(text: str) -> bool:
    """Tell whether a message speaks of the ITA itself (an indicator, an item code, NACC advice, a score).

    At a profile step such a message is a question, not an agency's name, type, units or year.
    """
    return bool(_ITA_WORDS.search(text))


def measures_asked(text: str, fw: Framework) -> tuple[int, ...] | None:
    """Return the indicators a request for measures names ("ขอมาตรการตัวชี้วัด 9" -> (9,)); () for all;
    None when the message does not ask for measures."""
    flat = " ".join(text.split())
    if not _MEASURE_WORD.search(flat) or not _REQUEST.search(flat):
        return None
    indicators, codes = mentions(flat, fw, loose=True)
    del codes  # an item's indicator is already among `indicators`
    return tuple(indicators)


def question_beside_scores(text: str) -> bool:
    """Tell whether a score message also asks something worth answering ("…ทำไมถึงต่ำคะ").

    A closing tag ("…ใช่ไหมคะ") only checks what was said, and is not searched.
    """
    flat = " ".join(text.split())
    return bool(_QUESTION_BESIDE.search(_TAG.sub("", flat)))


def question_part(text: str) -> str:
    """Return the lines of a score message that ask something (the whole text when it is one line)."""
    lines = [line for line in text.splitlines() if line.strip()]
    asked = [line for line in lines if question_beside_scores(line)]
    return "\n".join(asked) if len(lines) > 1 and asked else text


def wanted_text(indicators: tuple[int, ...] | list[int]) -> str:
    """Return "ตัวชี้วัดที่ 8, 9 " for the indicators asked for ("" for none), as wording.MEASURES_* take it."""
    return f"ตัวชี้วัดที่ {', '.join(map(str, indicators))} " if indicators else ""
