"""What a factual question asks, and two readers about the agency rather than the framework.

The words that tell what a question asks (as data), the Fact a reader returns, the plain-Thai
hedge of an unconfirmed fact; and the readers for reporting rounds (calendar) and the units
that usually own a kind of work in an agency type. bot.search.fact_answers runs them all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from bot import wording as w
from bot.ita.agency_types import AgencyType, Role
from bot.ita.facts import SOLID
from bot.ita.framework import Framework
from bot.thai import tokenize

# What a question asks for, by the words it uses (Thai as officers type it, and English).
ASKS = {
    "publish": r"เผยแพร่|ต้องเปิดเผย|เปิดเผยอะไร|เปิดเผยข้อมูลอะไร|ต้องมีอะไร|ต้องมี|ต้องลง|ลงอะไร|ต้องแสดง|ต้องใส่|องค์ประกอบ|ข้อกำหนด"
    r"|ขึ้นเว็บ|ลงเว็บ|เอาขึ้น|อัปโหลด|อัพโหลด|โพสต์|ต้องแนบ|publish|require|upload|\bpost",
    "meaning": r"คือ|หมายถึง|อะไร|ชื่อข้อ|ข้อไหน|what|mean",
    "list": r"ข้ออะไร|มีข้อ|กี่ข้อ|ข้อไหน|รายการ|ประกอบด้วย|มีอะไรบ้าง|items?\b|list",
    "level": r"ระดับ|เกรด|ผ่าน|grade|level|pass",
    # The framework's indicators as a whole ("ITA มีกี่ตัวชี้วัด"), not one indicator's items.
    "indicators": r"กี่ตัวชี้วัด|ตัวชี้วัด\D{0,12}(?:อะไรบ้าง|ไหนบ้าง|กี่ตัว|ทั้งหมด)|how many indicators|which indicators"
    r"|indicators? (?:are there|list)",
    # The framework's tools as a whole ("ITA มีกี่แบบวัด", "แบบวัดมีอะไรบ้าง"), not one tool.
    "tools": r"กี่แบบวัด|แบบวัด\D{0,8}(?:กี่แบบ|อะไรบ้าง|ไหนบ้าง|ทั้งหมด)|กี่เครื่องมือ|เครื่องมือ\D{0,6}(?:อะไรบ้าง|ทั้งหมด)"
    r"|how many tools|which tools",
    "threshold": r"กี่คะแนน|เท่าไร|เท่าไหร่|กี่แต้ม|ต้องได้|เกณฑ์|how much|how many points",
    "weights": r"น้ำหนัก|สัดส่วน|คิดจาก|คำนวณ|คิดอย่างไร|คิดยังไง|คิดคะแนน|เปอร์เซ็นต์|ร้อยละ|weight|calculat|computed",
    # A request for measures or wording wants practice, not a fact: no direct answer.
    "wording": r"มาตรการ|ตัวอย่าง|แนวทาง|ควรทำ|ทำอย่างไร|ทำยังไง|โครงการ|กิจกรรม|ถ้อยคำ|ข้อความ|เขียน|ร่าง|example|wording"
    r"|should we|how to|how can|how do|what should",
    # A question, not a statement that happens to hold a score ("เป้าหมายไม่น้อยกว่า 85 คะแนน").
    "question": r"ไหน|อะไร|ไหม|มั้ย|หรือไม่|หรือเปล่า|เท่าไร|เท่าไหร่|\?|what|which|\bpass",
    "when": r"เมื่อไหร่|เมื่อไร|ภายใน|กำหนดส่ง|ส่งวันไหน|วันไหน|ช่วงไหน|เดือนไหน|เดือนอะไร|deadline|when",
    # The country's target or share of agencies ("เป้าระดับประเทศ", "หน่วยงานผ่านเกณฑ์กี่ %"): not
    # one agency's grading, so no grading or weights fact answers it.
    "national": r"ระดับประเทศ|ทั้งประเทศ|ร้อยละของหน่วยงาน|หน่วยงาน\S{0,12}ผ่านเกณฑ์|national|nationwide",
    "owner": r"ใคร|รับผิดชอบ|หน่วยไหน|กองไหน|ฝ่ายไหน|กลุ่มไหน|งานไหน|ดูแล|หน้าที่ของ|owner|who",
}
ASK = {k: re.compile(v, re.IGNORECASE) for k, v in ASKS.items()}
# Spoken short forms that are words of their own only where the segmenter cuts them out
# ("ระดับไรคะ": ไร = อะไร), so they are matched as whole words, never inside another word.
ASK_WORDS = {
    "question": {"ไร", "ไหร่", "ไง", "ยังไง", "ใด", "ป่าว", "ปะ", "ป่ะ", "มั๊ย", "เหรอ", "แค่ไหน"},
    "weights": {"ยังไง"},
    "meaning": {"ไร", "ไหน"},
}
# A Thai cue word this long may be typed with a letter of the same sound or without its tone
# marks ("คำนวน" for คำนวณ, "เปอรเซนต" for เปอร์เซ็นต์) and still count.
SOUND_MIN_CHARS = 4
# Letters that sound alike, each group read as its first letter; marks that change no letter, dropped.
SAME_SOUND = ("นณ", "สศษซ", "ทธฑฒถ", "ตฏ", "ดฎ", "คฅฆขฃ", "พภผ", "ฟฝ", "ชฌฉ", "ยญ", "ลฬร", "หฮ", "ไใ")
_SOUND = str.maketrans(
    {c: g[0] for g in SAME_SOUND for c in g[1:]}
    | dict.fromkeys(map(ord, "\u0e48\u0e49\u0e4a\u0e4b\u0e47\u0e4c"), None)
)
_LITERAL = re.compile(r"^[\u0e00-\u0e7f]+$")


def sound_key(text: str) -> str:
    """Return Thai text as it sounds: letters of one sound made one, tone marks dropped, no spaces."""
    return "".join(text.split()).translate(_SOUND)


def _top_level(pattern: str) -> list[str]:
    """Return a pattern's top-level alternatives: "a|b(?:c|d)" gives "a" and "b(?:c|d)", never "d" alone."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and (i == 0 or pattern[i - 1] != "\\"):
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]


# Only a whole cue counts by sound: "อะไรบ้าง" inside "แบบวัด…(?:…|อะไรบ้าง)" is not a cue for tools alone.
_BY_SOUND = {
    k: [sound_key(alt) for alt in _top_level(v) if _LITERAL.match(alt) and len(alt) >= SOUND_MIN_CHARS]
    for k, v in ASKS.items()
}


class Agencies(Protocol):
    """What owner answers need of the playbook: agency types and unit roles."""

    roles: dict[str, Role]
    agency_types: dict[str, AgencyType]


@dataclass(frozen=True)
class Fact:
    """A direct answer: its lines, and whether the year prefix applies to it."""

    lines: list[str]
    dated: bool = True
    year: int | None = None  # the year the facts are of, when not the year asked (its source says it)


def asks(kind: str, text: str) -> bool:
    """Tell whether a question uses a cue word of a kind: as written, as a spoken short form, or as it sounds."""
    return _asks(kind, text)


@lru_cache(maxsize=4096)
def _asks(kind: str, text: str) -> bool:
    if ASK[kind].search(text):
        return True
    words = ASK_WORDS.get(kind)
    if words and words & set(tokenize(text, drop_stopwords=False)):
        return True
    heard = sound_key(text)
    return any(alt in heard for alt in _BY_SOUND[kind])


def hedge(confidence: str | None) -> str:
    return "" if confidence in SOLID else w.FACT_HEDGE.get(confidence or "", w.FACT_HEDGE["NOT_CONFIRMED"])


# ---------------------------------------------------------------------- reporting rounds
def rounds(question: str, fw: Framework) -> Fact | None:
    """When a reporting round covers and is due ("รอบ 6 เดือน ส่งเมื่อไหร่")."""
    cal = fw.calendar
    if cal is None or not asks("when", question):
        return None
    named = [r for r in cal.rounds if "".join(r.name.split()) in "".join(question.split())]
    if not named:
        return None
    lines = [
        w.FACT_ROUND.format(
            name=r.name,
            first=cal.abbr(r.months[0]),
            last=cal.abbr(r.months[-1]),
            day=r.deadline["day"],
            month=cal.abbr(r.deadline["month"]),
            hedge=hedge(r.confidence),
        )
        for r in named
    ]
    return Fact(lines, dated=False)


# ---------------------------------------------------------------------- owners
def _role_of(question: str, roles: dict[str, Role]) -> Role | None:
    def hits(role: Role) -> int:
        return sum(
            bool(
                re.search(
                    rf"(?<![A-Za-z]){re.escape(k)}(?![A-Za-z])" if k.isascii() else re.escape(k), question
                )
            )
            for k in role.keywords
        )

    # Ties between keywords ("แผนและงบประมาณ": planning or finance) go to the role whose own
    # name shares most words with the question.
    asked = set(tokenize(question))
    scored = [(hits(r), len(asked & set(tokenize(r.name_th))), not r.generic, r) for r in roles.values()]
    best = max(scored, key=lambda s: s[:3], default=None)
    return best[3] if best and best[0] else None


def named_type(question: str, types: Mapping[str, AgencyType]) -> AgencyType | None:
    """Return the agency type a question names ("…สำหรับโรงเรียน", "อบต. …"); the longest name wins.

    A name counts where it starts a run of Thai letters or is whole words of the question as
    segmented, so "เรียน" in a word, or a type's name inside an agency's own name, is not one.
    """
    words = tokenize(question, drop_stopwords=False)
    best: tuple[int, AgencyType] | None = None
    for t in types.values():
        for name in (t.name_th, *t.aliases):
            if len(name) <= 2 or (best is not None and len(name) <= best[0]):
                continue
            starts_run = re.search(rf"(?<![\u0e00-\u0e7f]){re.escape(name)}", question)
            if starts_run or _has_run(words, tokenize(name, drop_stopwords=False)):
                best = (len(name), t)
    return best[1] if best else None


def _has_run(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return n > 0 and any(words[i : i + n] == run for i in range(len(words) - n + 1))


def owners(question: str, agencies: Agencies | None, own_type: str = "") -> Fact | None:
    """The units that usually own a kind of work, in the agency type the question names (else the officer's)."""
    if agencies is None or not asks("owner", question):
        return None
    named = named_type(question, agencies.agency_types)
    at = named or agencies.agency_types.get(own_type)
    role = _role_of(question, agencies.roles)
    if at is None or role is None or not at.roles.get(role.key):
        return None
    units = at.roles[role.key]
    # "งานพัสดุ กองคลัง" is a sub-unit: its parent's source stands for it.
    sources = [at.unit_sources.get(u) or at.unit_sources.get(u.split()[-1], "standard") for u in units]
    note = w.FACT_OWNERS_STANDARD if not role.generic and "standard" in sources else ""
    return Fact(
        [w.FACT_OWNERS.format(agency_type=at.name_th, role=role.name_th, units=", ".join(units), hedge=note)],
        dated=False,
    )
