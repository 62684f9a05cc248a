"""A third family of harmless edits (wt-edits11, 2026-12-04), written before it was run against the grammar.

    .venv/bin/python benchmarks/edits.py --perturb --family order [--show]

The first two families change words and particles; this one moves words, asks, and adds noise that
copying and fast typing leave, in ways neither family tries:
- a polite request closed by a question mark, or turned into "… ได้ไหมคะ?" (the same request in Thai);
- the row moved to the end of an owners or timeline change ("แก้ผู้รับผิดชอบเป็น กองคลัง แถว 3");
- a particle before the connective ("… แถว 3 นะครับ เป็น กองคลัง");
- a numbered indicator named by its topic from the framework ("ตัวชี้วัดที่ 2" -> "ตัวชี้วัดการใช้งบประมาณ");
- the reason an order is given, as a sentence after it ("… ค่ะ หัวหน้าอนุมัติแล้ว");
- spacing noise: doubled spaces, and the zero-width spaces a copy from Word or the web carries.
Same rules as the other families: dev messages only, a message an edit leaves unchanged is not counted,
and the value (when there is one) is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from bot.ita.framework import load_framework

REPO = Path(__file__).resolve().parents[1]
_ROW_AT = re.compile(
    r"(?<![A-Za-z\u0e00-\u0e7f])แถว(?:ที่)?\s*(?P<n>[0-9]{1,2})(?![0-9.])(?!\s*(?:-|–|ถึง|,|และ|กับ))"
)
_INDICATOR_AT = re.compile(r"ตัวชี้วัด(?:ที่)?\s*(?P<n>10|[1-9])(?![0-9.])(?!\s*(?:-|–|ถึง|,|และ|กับ))")
_ENDS_POLITE = re.compile(r"(?:ค่ะ|คะ|ครับ|ครับผม|นะ|จ้า|คับ|ค่า|[.!🙏😊])\s*$")
_ASKS = re.compile(r"[?？]|ไหม|มั้ย|อะไร|ยังไง|อย่างไร|ทำไม|หรือ|บ้าง")
_REQUEST_OPENS = re.compile(r"^(?:ขอ|ช่วย|รบกวน|กรุณา)")
# A sentence ending inside the message: a particle, then more words ("ขอไฟล์ word ค่ะ จะนำไปเสนอ…").
_TWO_SENTENCES = re.compile(r"(?:ค่ะ|คะ|ครับ|คับ|ค่า|นะ|จ้า)\s+\S")
_NAMES_TARGET = re.compile(r"แถว|ตัวชี้วัด|ข้อ|row|[OIEoie]\s?\d", re.I)
_CONNECTIVE = re.compile(r"\s*(?<![ก-๙])เป็น\s*")


def _value_at(t: str, value: str) -> int:
    """Where the value starts (len(t) when there is none or it cannot be found)."""
    if not value or value == "-":
        return len(t)
    first = value.split()[0]
    at = t.find(first)
    return at if at >= 0 else -1


def _single_line(t: str) -> bool:
    return "\n" not in t.strip()


def _asked_mark(t: str, value: str) -> str | None:
    """ "ขอไฟล์ word หน่อยค่ะ" -> "ขอไฟล์ word หน่อยค่ะ?": a request asked, the request the same."""
    if (
        not _single_line(t)
        or _ASKS.search(t)
        or not _REQUEST_OPENS.match(t.strip())
        or _TWO_SENTENCES.search(t)
    ):
        return None
    return t.rstrip() + "?"


def _could_you(t: str, value: str) -> str | None:
    """ "ขอไฟล์ word" -> "ขอไฟล์ word ได้ไหมคะ?": an order said as "may I"."""
    if (
        not _single_line(t)
        or _ASKS.search(t)
        or not _REQUEST_OPENS.match(t.strip())
        or _TWO_SENTENCES.search(t)
    ):
        return None
    if _ENDS_POLITE.search(t) or (value and value != "-" and t.rstrip().endswith(value.split()[-1])):
        return None  # a value at the end would take the words in
    return t.rstrip() + " ได้ไหมคะ?"


def _row_last(t: str, value: str) -> str | None:
    """ "แก้ผู้รับผิดชอบ แถว 3 เป็น กองคลัง" -> "แก้ผู้รับผิดชอบ เป็น กองคลัง แถว 3": owners and periods only."""
    if not _single_line(t) or not value or value == "-" or len(_ROW_AT.findall(t)) != 1:
        return None
    if not re.search(r"ผู้รับผิดชอบ|ระยะเวลา|ช่วงเวลา", t) or re.search(r"^\s*\(|\.\s*$", t):
        return None
    m = _ROW_AT.search(t)
    at = _value_at(t, value)
    if m is None or at < 0 or m.end() > at or re.search(r"\d", value.replace(" ", "")[:1]):
        return None
    head = (t[: m.start()] + t[m.end() :]).strip()
    head = (
        re.sub(r"(?:ของ|ใน)\s*$", "", head[: at - (m.end() - m.start())].rstrip())
        + head[at - (m.end() - m.start()) :]
    )
    body = _ENDS_POLITE.sub("", " ".join(head.split())).rstrip()
    polite = _ENDS_POLITE.search(t)
    return f"{body} {m.group(0).strip()}" + (f" {polite.group(0).strip()}" if polite else "")


def _particle_before_connective(t: str, value: str) -> str | None:
    """ "แก้ผู้รับผิดชอบแถว 3 เป็น กองคลัง" -> "แก้ผู้รับผิดชอบแถว 3 นะครับ เป็น กองคลัง"."""
    if not _single_line(t) or not value or value == "-":
        return None
    at = _value_at(t, value)
    found = list(_CONNECTIVE.finditer(t, 0, max(at, 0)))
    m = found[-1] if found else None
    if m is None or at < 0 or not t[: m.start()].strip() or _ROW_AT.search(t[: m.start()]) is None:
        return None
    return f"{t[: m.start()].rstrip()} นะครับ เป็น {t[m.end() :].lstrip()}"


def _indicator_by_topic() -> Callable[[str, str], str | None]:
    names = {i.number: i.name for i in load_framework(REPO / "knowledge").indicators}

    def edit(t: str, value: str) -> str | None:
        found = list(_INDICATOR_AT.finditer(t))
        if len(found) != 1:
            return None
        m = found[0]
        if names[int(m.group("n"))] in t:  # "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล": named already
            return None
        at = _value_at(t, value)
        if at >= 0 and m.start() >= at and value and value != "-":
            return None
        return f"{t[: m.start()]}ตัวชี้วัดเรื่อง{names[int(m.group('n'))]}{t[m.end() :]}"

    return edit


def _reason_after(t: str, value: str) -> str | None:
    """ "ขอไฟล์ word ค่ะ" -> "ขอไฟล์ word ค่ะ หัวหน้าอนุมัติแล้ว": commands and answers only."""
    if not _single_line(t) or _ASKS.search(t) or (value and value != "-") or _NAMES_TARGET.search(t):
        return None
    end = "" if _ENDS_POLITE.search(t) else "ค่ะ"
    return f"{t.rstrip()}{end} หัวหน้าอนุมัติแล้ว"


def _double_spaces(t: str, value: str) -> str | None:
    at = _value_at(t, value)
    if at < 0 or " " not in t[:at]:
        return None
    return t[:at].replace(" ", "  ") + t[at:]


def _zero_width(t: str, value: str) -> str | None:
    """A zero-width space between Thai words before the value, as a copy from Word carries."""
    at = _value_at(t, value)
    if at < 0:
        return None
    head = re.sub(r"(?<=[ก-๙]) (?=[ก-๙])", "\u200b ", t[:at])
    head = re.sub(r"(แถว|ตัวชี้วัด|ผู้รับผิดชอบ|มาตรการ)(?=[ก-๙0-9])", "\\1\u200b", head)
    return head + t[at:] if head != t[:at] else None


ORDER: dict[str, Callable[[str, str], str | None]] = {
    "request with ?": _asked_mark,
    "request as ได้ไหมคะ?": _could_you,
    "row moved to the end": _row_last,
    "particle before เป็น": _particle_before_connective,
    "indicator by its topic": _indicator_by_topic(),
    "reason after an order": _reason_after,
    "doubled spaces": _double_spaces,
    "zero-width spaces": _zero_width,
}
