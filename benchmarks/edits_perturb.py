"""Harmless edits of the dev edit and command messages, and how many right reads each one breaks.

    .venv/bin/python benchmarks/edits.py --perturb            # the table and the stability figure
    .venv/bin/python benchmarks/edits.py --perturb --show     # also every broken message per edit

An edit here changes how a message is written, never what it asks: closing particles and softeners,
a polite opening, a greeting or thanks on a line of its own, Thai or Arabic digits, the row word
("แถว 3", "แถวที่ 3", "ลำดับที่ 3", "แถว3", "row 3"), the indicator word ("ตัวชี้วัดที่", "ตัวชี้วัด", "ตชว."),
the row named first instead of later, a line break after the row, emoji, a full stop, and the usual
typing slips in field and verb words (a tone mark or vowel dropped or doubled) outside the value. A read
that such an edit changes is a brittle rule, not a phrasing to add. Values are compared with their
digits in Arabic (an officer who types Thai digits keeps them). Dev messages only: the test half is never
perturbed; a message an edit leaves unchanged is not counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_PARTICLE_END = re.compile(r"(?:ค่ะ|คะ|ครับ|ครับผม|นะ|จ้า|จ้ะ|ค่า|คับ|งับ|[.!?🙏😊👍✅]|\s)$")
# A row named by number; an indicator by number.
_ROW = re.compile(r"(?<![A-Za-z\u0e00-\u0e7f])แถว(?:ที่)?\s*(?=[0-9๐-๙])")
_INDICATOR = re.compile(r"(?:ตัวชี้วัดที่|ตัวชี้วัด|ตชว\.?)\s*(?=[0-9๐-๙])")
_TARGET = re.compile(
    r"(?:แถว(?:ที่)?|ตัวชี้วัดที่|ตัวชี้วัด(?!ความ)|ตชว\.?)\s*[0-9๐-๙]{1,2}(?![0-9๐-๙.])"
    r"|(?:ข้อ\s*)?(?<![A-Za-z])[IEO][0-9]{1,2}(?![0-9])"
)
# Field and verb words, each with a slip officers type (one mark dropped, a vowel doubled, a near key).
SLIPS = {
    "ผู้รับผิดชอบ": "ผุ้รับผิดชอบ",
    "เปลี่ยน": "เปลียน",
    "ขั้นตอน": "ขั้นตอนน",
    "ระยะเวลา": "ระยะเวลาา",
    "มาตรการ": "มาตราการ",
    "รับผิดชอบ": "รับผิดชอบบ",
    "ตัวชี้วัดความสำเร็จ": "ตัวชีวัดความสำเร็จ",
    "ลบ": "ลบบ",
    "เพิ่ม": "เพิ้ม",
}


_THANKED = re.compile(r"(?:ขอบ(?:พระ)?คุณ|thank)\S*\s*$", re.I)


def _closing(word: str) -> Callable[[str], str | None]:
    # not after the thanks that close a message, nor after a particle on a last line of its own
    return lambda t: (
        None
        if _THANKED.search(t) or ("\n" in t.strip() and t.rstrip().endswith(("ค่ะ", "ครับ")))
        else t.rstrip() + word
    )


def _digits_thai(t: str) -> str:
    # not the digits of an item code ("O12"): an officer types those as printed
    return re.sub(r"(?<![A-Za-z0-9])[0-9]+", lambda m: m.group(0).translate(_THAI_DIGITS), t)


def _one_target(t: str) -> re.Match[str] | None:
    found = list(_TARGET.finditer(t))
    return found[0] if len(found) == 1 else None


def _target_first(t: str) -> str | None:
    """ "เปลี่ยนผู้รับผิดชอบแถว 3 เป็นกองคลัง" -> "แถว 3 เปลี่ยนผู้รับผิดชอบเป็นกองคลัง": one line, one target,
    named after a few words and before any connective that opens the value."""
    if "\n" in t.strip():
        return None
    m = _one_target(t)
    if m is None or m.start() == 0 or m.start() > 40:
        return None
    head, tail = t[: m.start()], t[m.end() :]
    if re.search(r"เป็น|:|=|“|\"|'|ว่า", head):
        return None  # the target is inside or after the value's opening
    if re.match(r"\s*(?:กับ|และ|,|-|–|ถึง|หรือ|ด้วย|[0-9๐-๙])", tail):
        return None  # a list of rows ("แถว 2 กับ 3") moves as one, not here
    head = re.sub(r"(?:ของ|ใน|ที่|สำหรับ|ตาม)\s*$", "", head.rstrip())  # "แก้มาตรการของแถว 6": "ของ" goes with it
    rest = (head.rstrip() + " " + tail.lstrip()).strip()
    return f"{m.group(0)} {rest}"


def _break_after_target(t: str) -> str | None:
    """ "แถว 3 ผู้รับผิดชอบ กองคลัง" -> "แถว 3\nผู้รับผิดชอบ กองคลัง": the row on a line of its own."""
    m = _one_target(t)
    if m is None or m.start() != 0 or "\n" in t or not t[m.end() :].strip():
        return None
    return f"{m.group(0)}\n{t[m.end() :].strip()}"


def _slip(t: str, value: str) -> str | None:
    """One slip in the first field or verb word that is not inside the value."""
    for word, slip in SLIPS.items():
        if word in t and word not in value:
            return t.replace(word, slip, 1)
    return None


PERTURB: dict[str, Callable[[str, str], str | None]] = {
    # particles and register
    "closing ค่ะ": lambda t, v: _closing(" ค่ะ")(t),
    "closing นะคะ": lambda t, v: _closing(" นะคะ")(t),
    "closing ครับ": lambda t, v: _closing(" ครับ")(t),
    "closing หน่อยนะคะ": lambda t, v: _closing(" หน่อยนะคะ")(t),
    "particle glued": lambda t, v: re.sub(r" +(ค่ะ|ครับ|นะคะ|นะครับ)(?=\s*$)", r"\1", t),
    "ครับ for ค่ะ": lambda t, v: t.replace("ค่ะ", "ครับ"),
    "polite opening": lambda t, v: None if v == "-" else "รบกวนค่ะ " + t,
    "greeting line": lambda t, v: "สวัสดีค่ะ\n" + t,
    "thanks line": lambda t, v: t + "\nขอบคุณค่ะ",
    # digits
    "Thai digits": lambda t, v: _digits_thai(t),
    "Arabic digits": lambda t, v: t.translate(_ARABIC),
    # the row and indicator words
    "แถวที่ for แถว": lambda t, v: _ROW.sub("แถวที่ ", t),
    "แถว for แถวที่": lambda t, v: _ROW.sub("แถว ", t),
    "แถว3 (no space)": lambda t, v: _ROW.sub("แถว", t),
    "ลำดับที่ for แถว": lambda t, v: _ROW.sub("ลำดับที่ ", t),
    "row for แถว": lambda t, v: _ROW.sub("row ", t),
    # (not where the value itself names an indicator: the value is what the officer typed)
    "ตัวชี้วัดที่ for any label": lambda t, v: None if _INDICATOR.search(v) else _INDICATOR.sub("ตัวชี้วัดที่ ", t),
    "ตชว. for any label": lambda t, v: None if _INDICATOR.search(v) else _INDICATOR.sub("ตชว.", t),
    # order and lines
    "target first": lambda t, v: _target_first(t),
    "line break after target": lambda t, v: _break_after_target(t),
    # decoration and slips
    "emoji after": lambda t, v: t + " 🙏",
    "emoji first": lambda t, v: "✏️ " + t,
    "full stop after": lambda t, v: None if t.rstrip().endswith((".", "?", "!")) else t.rstrip() + ".",
    "typo in a field word": _slip,
}


def _normal(effect: tuple) -> tuple:
    """An effect with the digits of its values in Arabic."""

    def one(x: object) -> object:
        return x.translate(_ARABIC) if isinstance(x, str) else x

    return tuple(tuple(one(x) for x in e) if isinstance(e, tuple) else one(e) for e in effect)


def perturb(
    entries: list[dict],
    read: Callable[[str], tuple],
    expected: Callable[[dict], tuple],
    show: bool,
    table: dict[str, Callable[[str, str], str | None]] | None = None,
) -> float:
    """Print per edit how many right dev reads it breaks; return the share of (message, edit) pairs kept."""
    right = [e for e in entries if _normal(read(e["text"])) == _normal(expected(e))]
    print(f"perturb: {len(right)} of {len(entries)} dev messages read right; each edit on those it changes")
    tried = kept = 0
    for name, edit in (PERTURB if table is None else table).items():
        broken: list[str] = []
        n = 0
        for entry in right:
            want = expected(entry)
            if want[0] != "edit":  # "รบกวนค่ะ ยืนยันครับ" is no way to confirm: openings go before orders
                value = "-" if want[:2] in (("command", "confirm"), ("command", "keep")) else ""
            elif isinstance(want[4], tuple):
                value = " ".join(want[4])
            else:
                value = str(want[4])
            new = edit(entry["text"], value)
            if new is None or new == entry["text"]:
                continue
            n += 1
            if _normal(read(new)) != _normal(want):
                broken.append(new)
        tried += n
        kept += n - len(broken)
        print(f"  {name:28} {len(broken):4} of {n:5}")
        for text in broken if show else broken[:3]:
            print(f"      {text!r}  ->  {read(text)}")
    share = kept / max(tried, 1)
    print(f"stable: {kept}/{tried} perturbed reads unchanged ({100 * share:.2f}%)")
    return share
