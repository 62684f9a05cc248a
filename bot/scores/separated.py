"""Comma- or semicolon-separated rows (a CSV export, a spreadsheet copied as text) read as a tab table."""

from __future__ import annotations

import csv
import re

# A CSV or spreadsheet row, one cell each: a key (a bare number, an item code, a tool, "ตัวชี้วัด 6"), a value
# (a decimal comma too: "91,22" in a ";" row; a unit or particle after it), a dash, or words with no digit.
_CSV_KEY = re.compile(
    r"(?:(?:ตัวชี้วัด(?:ที่)?|ข้อ(?:ที่)?|indicator|no\.?)\s*+)?\d{1,2}|[IEO]\s?\d{1,2}|IIT|EIT|OIT|ITA", re.I
)
_CSV_VALUE = re.compile(
    r"(?:\d{1,3}(?:[.,]\d{1,4})?\s*+%?|[-–])(?:\s*+(?:คะแนน|ค่ะ|ครับ|คะ|นะ|จ้า|[.!]))*+", re.I
)
_CSV_WORDS = re.compile(r"[^\d\t]{1,80}")
# a header cell: words, or the year a column is for ("ปี 2568", "2567", "พ.ศ. 2568", "ปี 67")
_CSV_HEADER = re.compile(
    r"[^\d\t]{1,80}|(?:(?:ปี(?:งบ(?:ประมาณ)?)?|FY)\s*+)?(?:พ\.ศ\.\s*+)?(?:25[5-7]\d|20[1-4]\d)|(?:ปี|FY)\s*+[5-7]\d",
    re.I,
)
_CSV_BULLET = re.compile(r"^\s*+[-•*]\s++")
# a remark typed after the last value of a row: "10,68.75 ควรทำอะไรก่อนคะ"
_CSV_REMARK = re.compile(r"(\d{1,3}(?:[.,]\d{1,4})?(?:\s*+%)?)\s++([^\d\t]{2,80})")


def _cells(line: str) -> tuple[str, list[str], str]:
    """The separator, the cells and a remark after the last cell of a line that may be a CSV row."""
    if len(line) > 400:
        return "", [], ""
    sep = ";" if ";" in line else "," if "," in line else ""
    if not sep:
        return "", [], ""
    line = _CSV_BULLET.sub("", line)
    cells = [c.strip() for c in next(csv.reader([line], delimiter=sep, skipinitialspace=True), [])]
    if not 2 <= len(cells) <= 12:
        return "", [], ""
    remark = ""
    tail = _CSV_REMARK.fullmatch(cells[-1])
    if tail and not _CSV_VALUE.fullmatch(cells[-1]):
        cells[-1], remark = tail.group(1), tail.group(2)
    return sep, cells, remark


def _csv_row(cells: list[str]) -> bool:
    """A data row: a key or a name first, then values (at least one) or words."""
    first, rest = cells[0], cells[1:]
    if not (_CSV_KEY.fullmatch(first) or _CSV_WORDS.fullmatch(first)):
        return False
    if not all(_CSV_VALUE.fullmatch(c) or _CSV_KEY.fullmatch(c) or _CSV_WORDS.fullmatch(c) for c in rest):
        return False
    return any(_CSV_VALUE.fullmatch(c) and c[:1].isdigit() for c in rest)


def separated_rows(text: str) -> str:
    """Comma- or semicolon-separated rows (a CSV export, a spreadsheet copied as text) as a tab table.

    Two or more lines cut into the same number of cells by the same separator; each data row a key or a
    name, then values; the block is a table when a header of words opens it, or a value has a decimal
    point, or a key is labelled ("ตัวชี้วัด 6,91.22"), so "9,50" alone stays a decimal comma. Linear.
    """
    lines = text.split("\n")
    shapes = [_cells(line) for line in lines]
    i = 0
    while i < len(lines):
        sep, cells, _ = shapes[i]
        j = i + 1
        while sep and j < len(lines) and shapes[j][0] == sep and len(shapes[j][1]) == len(cells):
            j += 1
        if sep and j - i >= 2:
            header = _CSV_WORDS.fullmatch(cells[0]) is not None and all(
                _CSV_HEADER.fullmatch(c) for c in cells
            )
            rows = [shapes[k][1] for k in range(i + 1 if header else i, j)]
            plain = any("." in c for row in rows for c in row[1:]) or any(
                not row[0].isdigit() for row in rows
            )
            if rows and all(_csv_row(row) for row in rows) and (header or plain):
                for k in range(i, j):
                    lines[k] = "\t".join(shapes[k][1]) + ("\n" + shapes[k][2] if shapes[k][2] else "")
        i = j
    return "\n".join(lines)
