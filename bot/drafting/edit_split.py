"""Two changes in one message, cut apart: "แถว 3 ผู้รับผิดชอบเป็นกองคลัง และระยะเวลาเป็นไตรมาส 1".

Two changes are never applied from one message (a value could take in the other's words), but
nothing the officer typed is lost either: the message is cut where the second change begins, each
part is read on its own (the second takes the first's row when it names none), and the reply quotes
both parts as the two messages to send. The cut prefers joining words ("และ", "แล้ว", ",", a polite
particle) over a plain space, and both parts must read as edits, or no cut is offered.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.drafting.edit_command import EditCommand, EditError
from bot.drafting.edit_targets import find_target
from bot.drafting.edit_valueless import FIELD

Read = Callable[[str], EditCommand | None]
# Each cut reads the message again: a longer message, or more cuts, is asked back without one.
MAX_SPLIT_CHARS = 300
MAX_CUTS = 24

# Where a second change may begin, surest first.
_JOINED = re.compile(r"\s*(?:[,;\n]|(?<=ค่ะ)\s|(?<=ครับ)\s|(?<=คะ)\s|(?<=นะ)\s)\s*|\s*(?=และ|แล้ว|ส่วน|อีกอย่าง)")
_SPACE = re.compile(r"\s+")
# Words that join the second change to the first, not part of it.
_JOINERS = re.compile(r"^(?:\s|[,;]|และ|แล้ว(?:ก็)?|ส่วน|อีกอย่าง(?:คือ)?|ก็|ด้วย)+")


def _cuts(text: str) -> list[int]:
    seen: list[int] = []
    for pattern in (_JOINED, _SPACE):
        for m in pattern.finditer(text):
            if m.start() > 0 and m.start() not in seen:
                seen.append(m.start())
    return seen


def split_changes(text: str, read: Read) -> tuple[str, str] | None:
    """Return the message as two messages that each read as one edit, or None."""
    text = text.strip()
    if len(text) > MAX_SPLIT_CHARS:
        return None
    for at in _cuts(text)[:MAX_CUTS]:
        first, second = text[:at].strip(), _JOINERS.sub("", text[at:]).strip()
        if not first or not second:
            continue
        one = _read(read, first)
        if one is None:
            continue
        for candidate in _completed(first, second):
            if _read(read, candidate) is not None:
                return first, candidate
    return None


def _completed(first: str, second: str) -> list[str]:
    """The second part as sent, then with the first's row and cell where it names none.

    "… และระยะเวลาเป็นไตรมาส 1": the same row; "… ส่วนแถว 2 เป็นกองช่าง": the same cell.
    """
    out = [second]
    head, field = find_target(first, items=True), FIELD.search(first)
    row = first[head.start : head.end] if head is not None and find_target(second, items=True) is None else ""
    cell = field.group(0) if field is not None and FIELD.search(second) is None else ""
    if row:
        out.append(f"{row} {second}")
    if cell:
        out.append(f"{cell} {second}")
    if row and cell:
        out.append(f"{cell} {row} {second}")
    return out


def _read(read: Read, text: str) -> EditCommand | None:
    try:
        return read(text)
    except EditError:
        return None
