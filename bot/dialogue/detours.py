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
from bot.thai import to_arabic

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


# What a question beside scores is about: "ตัวชี้วัดที่ 9", "ตชว.9", "ข้อ O12".
_SUBJECT = re.compile(
    r"(?:ตัวชี้วัด|ตชว\.?)\s*(?:ที่)?\s*(?P<n>\d{1,2})(?![\d.])|(?<![A-Za-z0-9])(?P<code>[IEOieo]\s?\d{1,2})(?![\d.])"
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Small words between the last score and the question ("… 62 ค่ะ แต่ทำไม…"), cut from its start.
_QUESTION_LEAD = re.compile(r"(?:\s|[,;:.!]|ค่ะ|คะ|ครับผม|ครับ|นะ|จ้า|แต่|และ|แล้ว(?:ก็)?|ส่วน|คือ|อ่ะ|อะ)+")
# A connective left where the next score starts ("… ต่ำจังคะ ส่วน").
_QUESTION_TAIL = re.compile(r"(?:\s|[,;]|ส่วน|และ|แล้ว(?:ก็)?|กับ)+$")
# "ปีนี้" beside scores is the year of those scores, not the calendar's or the framework's latest.
_THIS_YEAR = re.compile(r"ปีนี้|ปีปัจจุบัน|ปีล่าสุด")


def question_part(text: str, year: int | None = None) -> str:
    """Return what a score message asks, without the scores: the question and what it is about.

    "ปีนี้ ตัวชี้วัด 1 ได้ 95 … ตัวชี้วัด 9 ได้ 62 ทำไมต่ำจังคะ" asks "ตัวชี้วัดที่ 9 ทำไมต่ำจังคะ": the
    question starts after the last score before its question word, ends where the next indicator's
    score starts, and is about the indicator (or item) named last before it when it names none itself.
    "ปีนี้" in it, and the subject put in front, take the scores' `year` (dropped when not known), so the
    answer reads that year's criteria. The whole text when nothing asks.
    """
    flat = to_arabic(" ".join(text.split()))
    cue = _QUESTION_BESIDE.search(_TAG.sub("", flat))
    if cue is None:
        return text
    values = list(_NUMBER.finditer(flat, 0, cue.start()))
    start = values[-1].end() if values else 0
    lead = _QUESTION_LEAD.match(flat, start)
    start = lead.end() if lead else start
    later = [m for m in _SUBJECT.finditer(flat, cue.end()) if _NUMBER.search(flat, m.end(), m.end() + 12)]
    subjects_in = list(_SUBJECT.finditer(flat, start, cue.end()))
    end = len(flat)
    for m in later:  # the next indicator given a score starts another sentence
        if subjects_in or m.start() - cue.end() > 12:
            end = m.start()
            break
        subjects_in.append(m)  # "ทำไมตัวชี้วัด 9 ต่ำ": the question's own subject, just after its word
    clause = _QUESTION_TAIL.sub("", flat[start:end])
    if not _SUBJECT.search(clause):
        before = list(_SUBJECT.finditer(flat, 0, start))
        if before:
            m = before[-1]
            subject = (
                f"ตัวชี้วัดที่ {m.group('n')}" if m.group("n") else f"ข้อ {m.group('code').upper().replace(' ', '')}"
            )
            of_year = f" ปี {year}" if year and not _THIS_YEAR.search(clause) else ""
            clause = f"{subject}{of_year} {clause}"  # the criteria of the year the scores are for
    clause = _THIS_YEAR.sub(f" ปี {year} " if year else " ", clause)
    return " ".join(clause.split()) or text


def wanted_text(indicators: tuple[int, ...] | list[int]) -> str:
    """Return "ตัวชี้วัดที่ 8, 9 " for the indicators asked for ("" for none), as wording.MEASURES_* take it."""
    return f"ตัวชี้วัดที่ {', '.join(map(str, indicators))} " if indicators else ""
