"""Reading what an officer types about a row's progress: status, percentage, what was done, evidence.

One reading for every step of the row-by-row report (bot.dialogue.progress), so nothing typed is
lost whichever question it answers: "ดำเนินการแล้วค่ะ 100% จัดอบรม 2 ครั้ง https://…" fills all four
parts at once, a bare "80" at the percentage question is 80 %, and a status typed with a slip
("ดำเนินการเเล้ว", "อยู่ระหว่างดำเนิการ") is still that status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.drafting.edit_words import PARTICLES
from bot.ita.progress import MAX_DONE_CHARS, MAX_LINK_CHARS, MAX_LINKS, STATUS_TH, Status
from bot.thai import to_arabic

_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"'()]+", re.I)
_NUMBER = r"(\d{1,3}(?:\.\d+)?)"
_PERCENT = re.compile(
    rf"(?:ร้อยละ|คิดเป็น)\s*{_NUMBER}(?:\s*(?:%|％|เปอร์เซ็นต์|เปอร์เซ็น|เปอเซ็นต์|เปอร์เซนต์|percent))?"
    rf"|{_NUMBER}\s*(?:%|％|เปอร์เซ็นต์|เปอร์เซ็น|เปอเซ็นต์|เปอร์เซนต์|เปอเซ็น|percent)",
    re.I,
)
_BARE_NUMBER = re.compile(rf"^\s*(?:ประมาณ|ราว(?:ๆ|\s*ๆ)?|ได้|ทำได้|ทำไป(?:แล้ว)?|ไป(?:แล้ว)?)?\s*{_NUMBER}\s*$")
# In the order they are tried: "ยังไม่เสร็จ" is under way, not "not started"; "บางส่วน" is under way.
_STATUS_WORDS: tuple[tuple[Status, re.Pattern[str]], ...] = (
    (
        Status.DOING,
        re.compile(
            r"อยู่\s*ระหว่าง\s*(?:การ)?\s*(?:ดำเนินการ|ดำเนินงาน|ทำ|จัดทำ)?|กำลัง\s*(?:ดำเนินการ|ดำเนินงาน|ทำ|จัดทำ)"
            r"|ยังไม่\s*(?:แล้ว)?\s*เสร็จ|ไม่\s*เสร็จ|บางส่วน|ยังทำไม่ครบ|ยังไม่ครบ"
        ),
    ),
    (
        Status.NOT_STARTED,
        re.compile(r"ยัง\s*ไม่\s*(?:ได้)?\s*(?:เริ่ม)?\s*(?:ดำเนินการ|ดำเนินงาน|ดำเนิน|ทำ|เริ่ม)|ยังไม่ได้เริ่ม"),
    ),
    (
        Status.DONE,
        re.compile(
            r"ดำเนิน\s*(?:การ|งาน)\s*(?:แล้ว|เสร็จ|เรียบร้อย|ครบ)|เสร็จ\s*(?:สิ้น|แล้ว|เรียบร้อย)|ทำ\s*(?:แล้ว|เสร็จ)"
            r"|เรียบร้อยแล้ว|แล้วเสร็จ|ครบถ้วนแล้ว|ครบแล้ว|\bdone\b|\bcompleted?\b",
            re.I,
        ),
    ),
)
_SKIP = re.compile(
    r"^(?:ข้าม|ผ่าน|ถัดไป|ต่อไป|ไม่มี|ยังไม่มี|ไม่ระบุ|ไม่ทราบ|ไม่รู้|เว้นไว้|เว้น|-+|skip|next|none|n/?a)"
    r"(?:\s*(?:ไป|ก่อน|แถวนี้|ข้อนี้|ค่ะ|ครับ|คะ|นะคะ|นะครับ|เลย|ไปก่อน|หลักฐาน|ลิงก์|ลิ้งค์|ลิงค์))*\s*$",
    re.I,
)
_STOP = re.compile(
    r"^(?:หยุด|ยกเลิก|พอ|ไว้แค่นี้|แค่นี้|จบ|เลิก|ออก|stop|quit)"
    r"(?:\s*(?:ก่อน|แค่นี้|ไว้ก่อน|ไว้|รายงาน|การรายงาน|ค่ะ|ครับ|คะ|นะคะ|นะครับ|เลย|แล้ว|ละ|ไว้แค่นี้))*\s*$",
    re.I,
)
_FILLER = r"ทำไปแล้ว|ทำไป|ทำได้|อยู่|น่าจะ|ซัก|สัก|คงจะ|คง|ก็|คือ|โดย|ได้|แล้วก็|และ|กับ|ราว\s*ๆ|ราว|ประมาณ|เลย|ไป|แล้ว|ค่ะ|ครับ|คะ|นะคะ|นะครับ|นะ|จ้า"
# Filler words at either end of what is left once the status, percentage and links are cut out.
_ENDING = r"กับ|และ|ค่ะ|ครับ|คะ|นะคะ|นะครับ|จ้า|แล้วค่ะ|แล้วครับ|เลยค่ะ|เลยครับ"
_TRIM = re.compile(rf"^(?:[\s,.:;\-–—/]|(?:{_FILLER}))*|(?:[\s,.:;\-–—/]|(?:{_ENDING}))*$")
_PARTICLE_START = re.compile(r"(?:ค่ะ|ครับ|คะ|นะคะ|นะครับ|นะ)(?:\s|$)")
# What is left of a status phrase typed with a slip ("อยู่ระหว่างดำเนิการ"): not work done.
_STATUS_TAILS = ("ดำเนินการ", "ดำเนินงาน", "การดำเนินการ")
_PARTICLE_END = re.compile(
    rf"(?:\s*(?:{'|'.join(map(re.escape, sorted(PARTICLES, key=len, reverse=True)))}))+\s*$"
)
# A message this close to one status's label is that status ("ดำเนินกานแล้ว").
STATUS_SIMILARITY = 85


@dataclass
class ProgressReading:
    """What one message says about a row; None or empty for what it does not say."""

    status: Status | None = None
    percent: int | None = None
    done: str = ""
    evidence: list[str] = field(default_factory=list)
    bad_percent: str = ""  # a percentage outside 0–100, quoted back
    implied: bool = False  # the status was only implied by the percentage (100 done, 0 not started)
    skip: bool = False
    stop: bool = False

    @property
    def says_anything(self) -> bool:
        """Tell whether the message reported any part of the row."""
        return self.status is not None or self.percent is not None or bool(self.done or self.evidence)


def normalise(text: str) -> str:
    """The usual slips of Thai typing undone: two sara e for sara ae, Thai digits, doubled spaces."""
    return " ".join(to_arabic(text).replace("เเ", "แ").split())


def _bare(text: str) -> str:
    return _PARTICLE_END.sub("", text).strip()


def status_of(text: str) -> Status | None:
    """The status a message names, by its words or, for a short message, by closeness to a label."""
    flat = normalise(text)
    for status, pattern in _STATUS_WORDS:
        if pattern.search(flat):
            return status
    short = _bare(flat)
    if 0 < len(short) <= 30:
        best = max(STATUS_TH.items(), key=lambda kv: fuzz.ratio(short, kv[1]))
        if fuzz.ratio(short, best[1]) >= STATUS_SIMILARITY:
            return best[0]
    return None


def _status_span(text: str) -> tuple[Status | None, tuple[int, int] | None]:
    for status, pattern in _STATUS_WORDS:
        m = pattern.search(text)
        if m:
            return status, m.span()
    near = status_of(text)
    return near, ((0, len(text)) if near is not None else None)


def read_progress(text: str, *, want_percent: bool = False) -> ProgressReading:
    """Read one message; `want_percent`: a bare number is the percentage (asked for it)."""
    flat = normalise(text)
    reading = ProgressReading()
    core = _bare(flat)
    if _STOP.match(core):
        reading.stop = True
        return reading
    if _SKIP.match(core):
        reading.skip = True
        return reading
    links = [link.rstrip(".,;") for link in _LINK.findall(flat)]
    reading.evidence = [link[:MAX_LINK_CHARS] for link in dict.fromkeys(links)][:MAX_LINKS]
    rest = _LINK.sub(" ", flat)
    m = _PERCENT.search(rest) or (_BARE_NUMBER.match(_bare(rest)) if want_percent else None)
    if m:
        value = float(next(g for g in m.groups() if g is not None))
        if value > 100:
            reading.bad_percent = m.group(0).strip()
        else:
            reading.percent = round(value)
        rest = rest[: m.start()] + " " + rest[m.end() :] if m.re is _PERCENT else ""
    status, span = _status_span(rest)
    reading.status = status
    if span is not None:
        before, after = rest[: span[0]], rest[span[1] :]
        # the label leads ("ดำเนินการแล้วค่ะ จัดอบรม…") or stands alone between spaces: not work done
        alone = (not before or before[-1].isspace()) and (
            not after or after[0].isspace() or _PARTICLE_START.match(after)
        )
        if not before.strip() or alone:
            rest = f"{before} {after}"
    pieces = [_TRIM.sub("", piece) for piece in re.split(r"\s{2,}|\s(?=[,.;])", rest)]
    done = " ".join(" ".join(p for p in pieces if p).split()).strip(" ,.:;-–—/")
    if (
        status is not None
        and done
        and len(done) <= 14
        and (status_of(done) is status or max(fuzz.ratio(done, tail) for tail in _STATUS_TAILS) >= 75)
    ):
        done = ""  # the status said twice ("แล้วค่ะ ดำเนินการแล้ว"), or the rest of a slipped one
    if len(re.sub(r"[\s\W]", "", done)) >= 2:
        reading.done = done[:MAX_DONE_CHARS]
    if reading.status is None and reading.percent is not None:
        # the percentage says the status when none was named: 100 done, 0 not started
        reading.implied = True
        reading.status = (
            Status.DONE
            if reading.percent == 100
            else Status.NOT_STARTED
            if reading.percent == 0
            else Status.DOING
        )
    return reading


def row_numbers_named(text: str) -> list[int]:
    """Rows a request names: "รายงานผลแถว 2 กับ 5" -> [2, 5]; [] for every row."""
    flat = normalise(text)
    found = re.search(r"แถว(?:ที่)?\s*((?:\d+\s*(?:,|และ|กับ|-|–|ถึง)?\s*)+)", flat)
    if not found:
        return []
    spec = found.group(1)
    numbers: list[int] = []
    for a, b in re.findall(r"(\d+)\s*(?:(?:-|–|ถึง)\s*(\d+))?", spec):
        lo, hi = int(a), int(b or a)
        numbers += list(range(lo, min(hi, lo + 100) + 1))
    return list(dict.fromkeys(numbers))
