"""Unit names turned into the positions that head them, as seed 004 names its owners.

"กองคลัง" is run by "ผู้อำนวยการกองคลัง", "งานพัสดุ กองคลัง" by "หัวหน้างานพัสดุ กองคลัง".
The rules are data: the first prefix a unit name starts with gives the title put before it.
A name that is already a position (an executive, a ปลัด, a head) is kept as it is.
"""

from __future__ import annotations

# (prefix of the unit name, title put before the name); the first match wins, longest prefixes first.
TITLE_RULES: tuple[tuple[str, str], ...] = (
    ("คณะทำงาน", "ประธาน"),
    ("คณะกรรมการ", "ประธาน"),
    ("ทุก", "หัวหน้า"),  # "ทุกกอง/สำนัก" -> "หัวหน้าทุกกอง/สำนัก"
    ("สำนักปลัด", "หัวหน้า"),
    ("สำนักงาน", "ผู้อำนวยการ"),
    ("สำนัก", "ผู้อำนวยการ"),
    ("กองทุน", "ผู้จัดการ"),
    ("กอง", "ผู้อำนวยการ"),
    ("ศูนย์", "ผู้อำนวยการ"),
    ("ฝ่าย", "ผู้อำนวยการ"),
    ("กลุ่มบริหาร", "หัวหน้า"),
    ("กลุ่ม", "ผู้อำนวยการ"),
    ("ส่วนงาน", "หัวหน้า"),
    ("ส่วน", "ผู้อำนวยการ"),
    ("หน่วย", "หัวหน้า"),
    ("งาน", "หัวหน้า"),
)
# Names that already are positions: printed unchanged.
POSITION_WORDS: tuple[str, ...] = (
    "นายก",
    "ปลัด",
    "ผู้อำนวยการ",
    "ผู้อำนวย",
    "รองผู้อำนวยการ",
    "หัวหน้า",
    "ประธาน",
    "อธิการบดี",
    "อธิบดี",
    "ผู้ว่าราชการ",
    "ผู้จัดการ",
    "ผู้บริหาร",
    "เลขาธิการ",
    "ผู้ว่าการ",
)


def position_of(unit: str) -> str:
    """Return the position that heads `unit` ("กองคลัง" -> "ผู้อำนวยการกองคลัง")."""
    name = unit.strip()
    if not name or name.startswith(POSITION_WORDS):
        return name
    for prefix, title in TITLE_RULES:
        if name.startswith(prefix):
            return title + name
    return "หัวหน้า" + name


def positions(units: list[str]) -> list[str]:
    """Return the positions of a row's owner units, in order, without repeats."""
    seen: dict[str, None] = {}
    for unit in units:
        seen.setdefault(position_of(unit), None)
    return list(seen)
